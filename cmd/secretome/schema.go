package main

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/openregen/secretomekit/internal/jsonschema"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
	"github.com/shopspring/decimal"
)

// checkSchemaID is the $id of the JSON Schema of check's JSON output.
const checkSchemaID = "https://github.com/openregen/secretomekit/schema/check/v1"

// leafSchema describes the types that decode themselves and so cannot be
// described by reflection alone.
func leafSchema(t reflect.Type) (*jsonschema.Schema, bool) {
	switch t {
	case reflect.TypeFor[secretome.Date]():
		return &jsonschema.Schema{Type: jsonschema.Types{"string"}, Format: "date", Pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}, true
	case reflect.TypeFor[secretome.Quantity]():
		return &jsonschema.Schema{
			Description: `an exact quantity: "1.20 mg/mL", or {"value": "1.20", "unit": "mg/mL"} with the value as a string or a JSON number`,
			Type:        jsonschema.Types{"string", "object"},
			Properties: map[string]*jsonschema.Schema{
				"value": {Type: jsonschema.Types{"string", "number"}},
				"unit":  {Type: jsonschema.Types{"string"}},
			},
			Required:             []string{"unit", "value"},
			AdditionalProperties: jsonschema.False(),
		}, true
	case reflect.TypeFor[decimal.Decimal]():
		return &jsonschema.Schema{Description: "an exact decimal number", Type: jsonschema.Types{"string", "number"}}, true
	case reflect.TypeFor[decimal.NullDecimal]():
		return &jsonschema.Schema{Description: "an exact decimal number, or null for not given", Type: jsonschema.Types{"string", "number", "null"}}, true
	}
	return nil, false
}

// dossierSchema returns the JSON Schema of the dossier format, computed
// from the Go types that decode it.
func dossierSchema() *jsonschema.Schema {
	g := jsonschema.Generator{Override: leafSchema}
	s := g.Generate(reflect.TypeFor[regulation.Dossier](), dossierSchemaID)
	s.Title = "SecretomeKit product dossier"
	return s
}

// checkSchema returns the JSON Schema of check's JSON output.
func checkSchema() *jsonschema.Schema {
	var g jsonschema.Generator
	s := g.Generate(reflect.TypeFor[checkOutput](), checkSchemaID)
	s.Title = "secretome check output, " + checkSchemaVersion
	return s
}

func runSchema(e *env, args []string) error {
	fs := newFlagSet(e, "schema", "[dossier|check]")
	names, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	which := "dossier"
	switch len(names) {
	case 0:
	case 1:
		which = names[0]
	default:
		return usagef("unexpected arguments: %s", strings.Join(names[1:], " "))
	}
	var s *jsonschema.Schema
	switch which {
	case "dossier":
		s = dossierSchema()
	case "check":
		s = checkSchema()
	default:
		return usagef("unknown schema %q (want dossier or check)", which)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
