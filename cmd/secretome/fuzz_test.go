package main

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the dossier reader in each syntax:
// it must never panic, and every problem it reports must be located on a
// line of the input (or carry no line).
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"gel.json", "gel.yaml", "broken.json", "yes-no.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "dossiers", name))
		if err == nil {
			f.Add(data, uint8(0))
		}
	}
	f.Add([]byte(`{"product":{"name":"x"},"uses":[{"class":1}]}`), uint8(1))
	f.Add([]byte("a: &a [*a]\n"), uint8(2))
	f.Add([]byte("product:\n  name: x\n  composition: {analytes: [{quantity: 1e3}]}\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		syn := []syntax{syntaxSniff, syntaxJSON, syntaxYAML}[int(which)%3]
		dec := decode(data, syn, 0)
		lines := 1
		for _, c := range data {
			if c == '\n' {
				lines++
			}
		}
		for _, p := range dec.problems {
			if p.Line < 0 || p.Line > lines {
				t.Fatalf("problem %v is located on line %d of %d", p, p.Line, lines)
			}
		}
		if dec.dossier == nil && len(dec.problems) == 0 {
			t.Fatal("no dossier and no problem")
		}
	})
}
