package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/internal/jsonschema"
	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/openregen/secretomekit/secretome"
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
			data, dec, syn := readShipped(t, file)
			violations := back.ValidateJSON(data)
			judged[syn]++
			var pointers []string
			for _, v := range violations {
				pointers = append(pointers, v.Pointer+"\x00"+v.Message)
			}
			judgeSchema(t, dec, pointers)
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

// readShipped reads a shipped dossier as the JSON text a schema judges
// (YAML converted) and decodes it.
func readShipped(t *testing.T, file string) ([]byte, decoded, syntax) {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	syn := syntaxOf(file, false)
	dec := decode(data, syn, 0)
	if syn == syntaxYAML {
		doc, err := yamljson.Convert(data, yamljson.Options{})
		require.NoError(t, err, "a shipped YAML dossier converts to JSON")
		data = doc.JSON
	}
	return data, dec, syn
}

// judgeSchema holds a schema's verdict on a shipped dossier (its
// violations as "pointer\x00message") to the decoder's: a dossier the
// decoder rejects for its shape (unknown fields, wrong types, unknown
// enum spellings) violates the schema; a valid one satisfies it; an
// invalid one fails it on most of the fields the decoder finds wrong,
// what is left being meaning the schema cannot state (a dangling
// reference, a unit that does not fit).
func judgeSchema(t *testing.T, dec decoded, pointers []string) {
	t.Helper()
	for _, p := range dec.problems {
		switch p.Code {
		case "field.unknown", "type", "enum", "syntax":
			assert.NotEmpty(t, pointers, "the decoder rejects the dossier's shape (%v), so must the schema", dec.problems)
			return
		}
	}
	caught, errs := schemaCatches(dec.problems, pointers)
	if errs == 0 {
		assert.Empty(t, pointers, "a valid dossier satisfies the schema")
		return
	}
	assert.Greater(t, 2*caught, errs, "the schema catches most of the decoder's errors: %d of %d (violations %q; problems %v)", caught, errs, pointers, dec.problems)
}

// schemaCatches counts the decoder's error problems whose field a schema
// violation points at (the same field, or one inside it), and all error
// problems.
func schemaCatches(problems []secretome.Problem, pointers []string) (caught, errs int) {
	for _, p := range problems {
		if p.Severity != secretome.SeverityError {
			continue
		}
		errs++
		want := pointerOf(p.Path)
		for _, v := range pointers {
			ptr, msg, _ := strings.Cut(v, "\x00")
			member := want[strings.LastIndexByte(want, '/')+1:]
			if ptr == want || strings.HasPrefix(ptr, want+"/") ||
				ptr+"/"+member == want && (strings.Contains(msg, `"`+member+`"`) || strings.Contains(msg, "'"+member+"'")) {
				caught++
				break
			}
		}
	}
	return caught, errs
}

// pointerOf turns a field path ("uses[2].jurisdiction") into a JSON
// Pointer ("/uses/2/jurisdiction").
func pointerOf(path string) string {
	if path == "" {
		return ""
	}
	r := strings.NewReplacer("[", "/", "]", "", ".", "/")
	return "/" + r.Replace(path)
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
	for name, d := range defs {
		def := d.(map[string]any)
		assert.NotEmpty(t, def["description"], "%s is described by its doc comment", name)
		for prop, ps := range def["properties"].(map[string]any) {
			if prop == "$schema" || prop == "format" && name == "regulation.Dossier" {
				assert.NotEmpty(t, ps.(map[string]any)["description"], "%s.%s", name, prop)
				continue
			}
			assert.NotEmpty(t, ps.(map[string]any)["description"], "%s.%s is described by its doc comment", name, prop)
		}
	}
	format := defs["regulation.Dossier"].(map[string]any)["properties"].(map[string]any)["format"].(map[string]any)
	assert.Contains(t, format["enum"], "secretomekit/dossier/v2", "the format versions are listed")
}
