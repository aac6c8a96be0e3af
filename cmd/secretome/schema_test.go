package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/internal/jsonschema"
	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dossierFiles lists the dossiers shipped with the module: the bundled
// examples and this command's fixtures.
func dossierFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../examples/dossiers/*", "../../examples/vendorci/testdata/dossiers/*", "testdata/dossiers/*"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, f := range m {
			if dossierExt(f) && !strings.HasSuffix(f, ".jsonl") {
				files = append(files, f)
			}
		}
	}
	require.NotEmpty(t, files)
	return files
}

// TestDossierSchema holds every shipped dossier to the generated schema:
// a dossier the decoder accepts must satisfy the schema, and one it
// rejects for its shape (unknown fields, wrong types, unknown enum
// spellings) must violate it too.
func TestDossierSchema(t *testing.T) {
	schema := dossierSchema()
	// The schema is valid JSON that reads back into the same schema.
	b, err := json.Marshal(schema)
	require.NoError(t, err)
	var back jsonschema.Schema
	require.NoError(t, json.Unmarshal(b, &back))

	for _, file := range dossierFiles(t) {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			syn := syntaxOf(file, false)
			dec := decode(data, syn, 0)
			if syn == syntaxYAML {
				doc, err := yamljson.Convert(data, yamljson.Options{})
				if err != nil {
					return // not convertible: nothing for the schema to judge
				}
				data = doc.JSON
			}
			violations := back.ValidateJSON(data)
			shape := false
			for _, p := range dec.problems {
				switch p.Code {
				case "field.unknown", "type", "enum":
					shape = true
				}
			}
			if shape {
				assert.NotEmpty(t, violations, "the decoder rejects the dossier's shape (%v), so must the schema", dec.problems)
				return
			}
			if dec.dossier != nil {
				assert.Empty(t, violations, "a dossier the decoder accepts satisfies the schema")
			}
		})
	}
}

// TestDossierSchemaRejectsUnknownFields adds a field the format does not
// define at several depths of each valid shipped JSON dossier: the
// decoder rejects it, and so must the schema.
func TestDossierSchemaRejectsUnknownFields(t *testing.T) {
	schema := dossierSchema()
	for _, file := range dossierFiles(t) {
		if syntaxOf(file, false) != syntaxJSON {
			continue
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		if decode(data, syntaxJSON, 0).dossier == nil {
			continue // invalid already; TestDossierSchema covers it
		}
		for _, at := range [][]any{{}, {"product"}, {"product", "source"}, {"uses", 0}} {
			t.Run(fmt.Sprintf("%s/%v", filepath.Base(file), at), func(t *testing.T) {
				var doc any
				require.NoError(t, json.Unmarshal(data, &doc))
				obj := doc
				for _, step := range at {
					switch k := step.(type) {
					case string:
						obj = obj.(map[string]any)[k]
					case int:
						obj = obj.([]any)[k]
					}
				}
				obj.(map[string]any)["colour"] = "blue"
				bad, err := json.Marshal(doc)
				require.NoError(t, err)
				require.Nil(t, decode(bad, syntaxJSON, 0).dossier, "the decoder rejects the unknown field")
				assert.NotEmpty(t, schema.ValidateJSON(bad), "the schema rejects the unknown field")
			})
		}
	}
}

func TestSchemaCommand(t *testing.T) {
	r := runInProcess(t, "", "schema")
	require.Equal(t, exitOK, r.code, r.stderr)
	var s map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &s))
	assert.Equal(t, jsonschema.Draft, s["$schema"])
	assert.Equal(t, dossierSchemaID, s["$id"])
	defs := s["$defs"].(map[string]any)
	use := defs["regulation.Use"].(map[string]any)
	class := use["properties"].(map[string]any)["class"].(map[string]any)
	assert.Contains(t, class["enum"], "hospital_service", "enumerations list their spellings")
	assert.NotContains(t, r.stdout, "in its own JSON form", "every self-decoding type of the dossier is described")
}
