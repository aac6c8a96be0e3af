package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestJSONLocator(t *testing.T) {
	doc := `{
  "product": {"name": "x", "tags": {"a.b": 1, "q\"k": 2}},
  "uses": [
    {"class": "research"},
    {"class": "cosmetic", "setting": "beauty_clinic"}
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
	}
	l := newJSONLocator([]byte(doc))
	paths := make([]string, len(tests))
	for i, tt := range tests {
		paths[i] = tt.path
	}
	got := l.positions(l.offsets(paths))
	for i, tt := range tests {
		assert.Equal(t, pos{tt.line, tt.col}, got[i], tt.why)
	}
}

func TestJSONLocatorMalformed(t *testing.T) {
	// Malformed input must end the scan, never loop or panic.
	for _, doc := range []string{`[}`, `{"a":}`, `{"a" 1 ]`, `[1,,]`, `{"a":[}]}`, `"unterminated`, `{`, `]]]`, `{"a\`} {
		l := newJSONLocator([]byte(doc))
		got := l.positions(l.offsets([]string{"a", "[0]", "a[1].b"}))
		assert.Len(t, got, 3, doc)
	}
}

// FuzzJSONLocator runs the locator on arbitrary text and paths: it must
// end, never panic, and return a position inside the text for each path.
func FuzzJSONLocator(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":2}],"c":"x"}`), "a[1].b")
	f.Add([]byte(`[}`), "[0]")
	f.Add([]byte(`{"q\"k":{"x.y":[]}}`), `["q\"k"]["x.y"][0]`)
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		l := newJSONLocator(data)
		got := l.positions(l.offsets([]string{path, "", path + ".z"}))
		lines := 1 + bytes.Count(data, []byte{'\n'})
		for _, p := range got {
			if p.line < 1 || p.line > lines || p.col < 1 {
				t.Fatalf("position %v outside the text (%d lines)", p, lines)
			}
		}
	})
}
