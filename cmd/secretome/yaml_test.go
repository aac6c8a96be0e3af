package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// yamlOf writes a JSON document as block YAML, keeping the key order and
// every number literal as written.
func yamlOf(t *testing.T, data []byte) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var node func() *yaml.Node
	node = func() *yaml.Node {
		tok, err := dec.Token()
		require.NoError(t, err)
		switch v := tok.(type) {
		case json.Delim:
			n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			if v == '{' {
				n = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			}
			for dec.More() {
				if n.Kind == yaml.MappingNode {
					k, err := dec.Token()
					require.NoError(t, err)
					n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.(string)})
				}
				n.Content = append(n.Content, node())
			}
			_, err := dec.Token()
			require.NoError(t, err)
			return n
		case string:
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
		case json.Number:
			tag := "!!int"
			if strings.ContainsAny(string(v), ".eE") {
				tag = "!!float"
			}
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}
		case bool:
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	require.NoError(t, enc.Encode(node()))
	return b.Bytes()
}

// TestExamplesAsYAML writes each bundled example dossier as YAML and
// checks that it gives the findings and problems of the JSON original,
// each on the YAML line that holds it: the line of the last key of its
// path, or, for a field that is missing or an index into a list, of the
// nearest key above it.
func TestExamplesAsYAML(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "dossiers", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			yml := yamlOf(t, data)
			dir := t.TempDir()
			yfile := filepath.Join(dir, "d.yaml")
			require.NoError(t, os.WriteFile(yfile, yml, 0o644))

			fromJSON := readJSON(t, runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", file).stdout)
			fromYAML := readJSON(t, runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", yfile).stdout)
			type item struct{ kind, id, path, severity string }
			type placed struct {
				item
				line int
			}
			collect := func(d jsonDossier) (items []item, all []placed) {
				for _, p := range d.Problems {
					it := item{"problem", p.Code, p.Path, p.Severity}
					items = append(items, it)
					all = append(all, placed{it, p.Line})
				}
				for _, j := range d.Jurisdictions {
					for _, f := range j.Findings {
						it := item{"finding", f.Rule, f.Path, f.Severity}
						items = append(items, it)
						all = append(all, placed{it, f.Line})
					}
				}
				return items, all
			}
			require.Len(t, fromYAML.Dossiers, 1)
			jsonItems, _ := collect(fromJSON.Dossiers[0])
			yamlItems, yamlPlaced := collect(fromYAML.Dossiers[0])
			assert.Equal(t, jsonItems, yamlItems, "the same findings and problems, in the same order")
			assert.Equal(t, fromJSON.Dossiers[0].Status, fromYAML.Dossiers[0].Status)

			lines := strings.Split(string(yml), "\n")
			for _, p := range yamlPlaced {
				require.Positive(t, p.line, "%v has a line", p.item)
				require.LessOrEqual(t, p.line, len(lines))
				text := lines[p.line-1]
				// What the line of each step looks like: "key:" for a
				// key, "- " for a list item.
				var marks []string
				for _, step := range fieldpath.Split(p.path) {
					switch {
					case strings.HasPrefix(step, `["`):
						k, err := strconv.Unquote(step[1 : len(step)-1])
						require.NoError(t, err)
						marks = append(marks, k+":")
					case strings.HasPrefix(step, "["):
						marks = append(marks, "-")
					default:
						marks = append(marks, step+":")
					}
				}
				ok := len(marks) == 0
				for i := len(marks) - 1; i >= 0 && !ok; i-- {
					if marks[i] == "-" {
						ok = strings.HasPrefix(strings.TrimLeft(text, " "), "- ")
					} else {
						ok = strings.HasPrefix(strings.TrimLeft(text, " -"), marks[i])
					}
				}
				assert.True(t, ok, "%s %s at %s: line %d (%q) holds none of its steps %v", p.kind, p.id, p.path, p.line, text, marks)
			}
		})
	}
}
