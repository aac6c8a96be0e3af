package main

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/internal/jsonschema"
	"github.com/openregen/secretomekit/message"
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
	g := jsonschema.Generator{Override: leafSchema, Field: dossierField, Type: dossierType}
	s := g.Generate(reflect.TypeFor[regulation.Dossier](), dossierSchemaID)
	s.Title = "SecretomeKit product dossier"
	return s
}

// Patterns of the codes the decoder checks by form.
const (
	// icd10Pattern is secretome.ValidICD10 as a regular expression: a
	// category with an optional subdivision, or a block of two categories.
	icd10Pattern = `^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$|^[A-Z][0-9][0-9A-Z][-–][A-Z][0-9][0-9A-Z]$`
	// icd11Pattern admits the characters of ICD-11 MMS stem and extension
	// codes joined by & or /; secretome.ValidICD11 checks the form further.
	icd11Pattern = `^[0-9A-HJ-NP-Z][0-9A-HJ-NP-Z.]*([&/][0-9A-HJ-NP-Z][0-9A-HJ-NP-Z.]*)*$`
	// currencyPattern is an ISO 4217 code: three capital letters.
	currencyPattern = `^[A-Z]{3}$`
)

// dossierField adds to the schema of a dossier member the constraints the
// decoder checks by value: the closed lists of jurisdiction and country
// codes (ISO 3166-1 alpha-2, with "EU" where a jurisdiction is meant),
// the dossier format versions, code patterns and numeric bounds, so that
// an editor catches most of what the decoder catches.
func dossierField(owner reflect.Type, _ reflect.StructField, name string, s *jsonschema.Schema) {
	jurisdictions := append(regulation.Countries(), regulation.CodeEU)
	strs := func(v []string) []any {
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = x
		}
		return out
	}
	num := func(v string) *json.Number { n := json.Number(v); return &n }
	defer func() {
		// The member's Go doc comment comes first; what the schema adds
		// (a leaf type's form, the list of codes) follows.
		if doc := schemaDocs[pkgName(owner)+"."+owner.Name()+"."+name]; doc != "" {
			if s.Description != "" {
				doc += "\n\n" + s.Description
			}
			s.Description = doc
		}
	}()
	switch owner.Name() + "." + name {
	case "Use.jurisdiction", "Authorisation.jurisdiction", "GMPCertificate.jurisdiction":
		s.Enum = strs(jurisdictions)
		s.Description = "ISO 3166-1 alpha-2 country code or EU (hosts may register codes of their own)"
	case "Claim.markets":
		if s.Items != nil {
			s.Items.Enum = strs(jurisdictions)
		}
		s.Description = "jurisdiction codes: ISO 3166-1 alpha-2 or EU"
	case "Manufacturer.country", "Site.country":
		s.Enum = strs(regulation.Countries())
		s.Description = "ISO 3166-1 alpha-2 country code"
	case "Dossier.format":
		s.Enum = strs(regulation.Formats())
	case "Dossier.$schema":
		s.Format = "uri-reference"
	case "Indication.icd10":
		s.Pattern = icd10Pattern
	case "Indication.icd11":
		s.Pattern = icd11Pattern
	case "Price.currency":
		s.Pattern = currencyPattern
	case "Source.passage":
		s.Minimum, s.Maximum = num("0"), num("100")
	case "Marker.percent_positive":
		s.Minimum, s.Maximum = num("0"), num("100")
	case "Culture.oxygen":
		// A percentage from 0 to 100, as text ("2 %") or {value, unit}.
		s.Pattern = `^(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?) ?%$`
		s.Properties = map[string]*jsonschema.Schema{
			"value": {Type: jsonschema.Types{"string", "number"}, Pattern: `^(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)$`,
				Minimum: num("0"), Maximum: num("100")},
			"unit": {Type: jsonschema.Types{"string"}, Enum: []any{"%"}},
		}
	}
}

// pkgName is the last element of the import path of t's package.
func pkgName(t reflect.Type) string {
	p := t.PkgPath()
	return p[strings.LastIndexByte(p, '/')+1:]
}

// dossierType describes a struct of the dossier with its Go doc comment
// and adds the conditions between members the decoder checks: a
// filtration step names its pore size, an ultrafiltration or tangential
// flow filtration step its cut-off.
func dossierType(t reflect.Type, s *jsonschema.Schema) {
	if s.Description == "" {
		s.Description = schemaDocs[pkgName(t)+"."+t.Name()]
	}
	if t != reflect.TypeFor[secretome.ProcessingStep]() {
		return
	}
	when := func(steps []any, member string) *jsonschema.Schema {
		return &jsonschema.Schema{
			If: &jsonschema.Schema{Required: []string{"step"},
				Properties: map[string]*jsonschema.Schema{"step": {Enum: steps}}},
			Then: &jsonschema.Schema{Required: []string{member}},
		}
	}
	s.AllOf = append(s.AllOf,
		when([]any{secretome.StepFiltration.String()}, "pore_size"),
		when([]any{secretome.StepTangentialFlowFiltration.String(), secretome.StepUltrafiltration.String()}, "cutoff_kda"))
}

// checkSchema returns the JSON Schema of check's JSON output.
func checkSchema() *jsonschema.Schema {
	g := jsonschema.Generator{Override: func(t reflect.Type) (*jsonschema.Schema, bool) {
		if t != reflect.TypeFor[message.Args]() {
			return nil, false
		}
		return &jsonschema.Schema{
			Description: `the arguments of a catalogued message, in the order of its placeholders: a string (text), a whole number, {"term": …}, {"count": N, "noun": …}, {"and": […]}, {"or": […]} or a nested message {"code": …, "args": […]}`,
			Type:        jsonschema.Types{"array"},
			Items:       &jsonschema.Schema{Type: jsonschema.Types{"string", "integer", "object"}},
		}, true
	}}
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
		return usageIn(e.lang, "cli.args.unexpected", message.Text(strings.Join(names[1:], " ")))
	}
	var s *jsonschema.Schema
	switch which {
	case "dossier":
		s = dossierSchema()
	case "check":
		s = checkSchema()
	default:
		return usageIn(e.lang, "cli.schema.unknown", message.Text(strconv.Quote(which)))
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
