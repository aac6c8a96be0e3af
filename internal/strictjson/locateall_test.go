package strictjson

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLocateAll(t *testing.T) {
	doc := `{
  "product": {"name": "x", "tags": {"a.b": 1, "q\"k": 2}},
  "uses": [
    {"class": "research"},
    {"class": "cosmetic", "setting": "beauty_clinic"},
    {"class": "αβγδεζ", "note": "x"}
  ]
}`
	tests := []struct {
		path      string
		line, col int
		why       string
	}{
		{"", 1, 1, "the document"},
		{"product.name", 2, 23, "a nested field"},
		{"uses[1].setting", 5, 38, "a field of a list element"},
		{"uses[1]", 5, 5, "a list element"},
		{"uses[7].class", 3, 11, "a missing index falls back to the list"},
		{"product.nothing", 2, 14, "a missing field falls back to its object"},
		{`product.tags["a.b"]`, 2, 44, "a quoted key"},
		{`product.tags["q\"k"]`, 2, 55, "a quoted key with an escape"},
		{"uses[2].note", 6, 33, "columns count characters, not bytes: six two-byte letters come first"},
	}
	paths := make([]string, len(tests))
	for i, tt := range tests {
		paths[i] = tt.path
	}
	got := LocateAll([]byte(doc), paths)
	for i, tt := range tests {
		assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{got[i].Line, got[i].Column}, tt.why)
	}
}

func TestLocateAllMalformed(t *testing.T) {
	// Malformed input must end the scan, never loop or panic.
	for _, doc := range []string{`[}`, `{"a":}`, `{"a" 1 ]`, `[1,,]`, `{"a":[}]}`, `"unterminated`, `{`, `]]]`, `{"a\`} {
		got := LocateAll([]byte(doc), []string{"a", "[0]", "a[1].b"})
		assert.Len(t, got, 3, doc)
	}
}

// FuzzLocateAll runs the locator on arbitrary text and paths: it must
// end, never panic, and return a position inside the text for each path.
func FuzzLocateAll(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":2}],"c":"x"}`), "a[1].b")
	f.Add([]byte(`[}`), "[0]")
	f.Add([]byte(`{"q\"k":{"x.y":[]}}`), `["q\"k"]["x.y"][0]`)
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		got := LocateAll(data, []string{path, "", path + ".z"})
		lines := 1 + bytes.Count(data, []byte{'\n'})
		for _, p := range got {
			if p.Line < 1 || p.Line > lines || p.Column < 1 {
				t.Fatalf("position %v outside the text (%d lines)", p, lines)
			}
		}
	})
}
