package main

import (
	"encoding/json"
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

// TestDossierSchema holds every shipped dossier, JSON and YAML alike, to
// the generated schema. YAML is judged as the JSON text it converts to,
// which is what the strict decoder reads. The schema describes shape, not
// meaning: a dossier whose only problems are of meaning (a wrong unit, a
// dangling reference, a value out of range) satisfies it, and one the
// decoder rejects for its shape (unknown fields, wrong types, unknown
// enum spellings) violates it.
func TestDossierSchema(t *testing.T) {
	schema := dossierSchema()
	// The schema is valid JSON that reads back into the same schema.
	b, err := json.Marshal(schema)
	require.NoError(t, err)
	var back jsonschema.Schema
	require.NoError(t, json.Unmarshal(b, &back))

	judged := map[syntax]int{}
	for _, file := range dossierFiles(t) {
		t.Run(testName(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			syn := syntaxOf(file, false)
			dec := decode(data, syn, 0)
			if syn == syntaxYAML {
				doc, err := yamljson.Convert(data, yamljson.Options{})
				require.NoError(t, err, "a shipped YAML dossier converts to JSON")
				data = doc.JSON
			}
			violations := back.ValidateJSON(data)
			judged[syn]++
			shape := false
			for _, p := range dec.problems {
				switch p.Code {
				case "field.unknown", "type", "enum", "syntax":
					shape = true
				}
			}
			if shape {
				assert.NotEmpty(t, violations, "the decoder rejects the dossier's shape (%v), so must the schema", dec.problems)
				return
			}
			assert.Empty(t, violations, "a dossier of the right shape satisfies the schema (decoder problems: %v)", dec.problems)
		})
	}
	assert.Positive(t, judged[syntaxJSON], "JSON dossiers are judged")
	assert.Positive(t, judged[syntaxYAML], "YAML dossiers are judged")
}

// TestDossierSchemaRejectsBadShapes breaks the shape of each valid shipped
// dossier (YAML ones after conversion to JSON): an unknown field at
// several depths, a value of the wrong type, an unknown enum spelling.
// The decoder rejects each, and so must the schema.
func TestDossierSchemaRejectsBadShapes(t *testing.T) {
	schema := dossierSchema()
	mutations := []struct {
		why  string
		at   []any // the object to change
		key  string
		bad  any
		code string // what the decoder says
	}{
		{"an unknown field at the top", nil, "colour", "blue", "field.unknown"},
		{"an unknown field in the product", []any{"product"}, "colour", "blue", "field.unknown"},
		{"an unknown field in the source", []any{"product", "source"}, "colour", "blue", "field.unknown"},
		{"an unknown field in a use", []any{"uses", 0}, "colour", "blue", "field.unknown"},
		{"a number where text belongs", []any{"product"}, "name", 7, "type"},
		{"an unknown use class", []any{"uses", 0}, "class", "hospital", "enum"},
	}
	for _, file := range dossierFiles(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		syn := syntaxOf(file, false)
		if decode(data, syn, 0).dossier == nil {
			continue // invalid already; TestDossierSchema covers it
		}
		if syn == syntaxYAML {
			doc, err := yamljson.Convert(data, yamljson.Options{})
			require.NoError(t, err)
			data = doc.JSON
		}
		for _, m := range mutations {
			t.Run(testName(file)+"/"+m.why, func(t *testing.T) {
				var doc any
				require.NoError(t, json.Unmarshal(data, &doc))
				obj := doc
				for _, step := range m.at {
					switch k := step.(type) {
					case string:
						obj = obj.(map[string]any)[k]
					case int:
						obj = obj.([]any)[k]
					}
				}
				obj.(map[string]any)[m.key] = m.bad
				bad, err := json.Marshal(doc)
				require.NoError(t, err)
				dec := decode(bad, syntaxJSON, 0)
				require.Nil(t, dec.dossier, "the decoder rejects the change")
				var codes []string
				for _, p := range dec.problems {
					codes = append(codes, string(p.Code))
				}
				require.Contains(t, codes, m.code)
				assert.NotEmpty(t, schema.ValidateJSON(bad), "the schema rejects the change")
			})
		}
	}
}

// testName names a shipped dossier by its path below the module root.
func testName(file string) string {
	return strings.TrimPrefix(filepath.ToSlash(file), "../../")
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
