package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dossier(name string) string { return filepath.Join("..", "dossiers", name) }

func TestRun(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"each Indonesian use of the wound gel gets a decision",
			[]string{"-as-of", "2026-11-01", dossier("ucmsc-wound-gel.json")},
			[]string{"use 0 (research, ", "): ACCEPT\n", "use 2 (marketed_therapeutic, ", "REFUSE", "ID-BPOM-8-2025-NIE"}},
		{"an invalid dossier goes back to the maker with its problems",
			[]string{"-as-of", "2026-11-01", dossier("broken-exosome-serum.json")},
			[]string{"RETURN TO MAKER: the dossier has 11 errors", "error product.source.passage (line 13): passage must be"}},
		{"the jurisdiction code may be written in lower case",
			[]string{"-as-of", "2026-11-01", "-jurisdiction", "id", dossier("ucmsc-wound-gel.json")},
			[]string{"assessed for Indonesia"}},
		{"a jurisdiction the dossier does not use is said so",
			[]string{"-as-of", "2026-11-01", "-jurisdiction", "TW", dossier("ucmsc-wound-gel.json")},
			[]string{"declares no use in TW"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(&out, tt.args))
			for _, w := range tt.want {
				assert.Contains(t, out.String(), w)
			}
			assert.NotContains(t, out.String(), "line 0", "an unknown line is left out, not shown as 0")
		})
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"a dossier is required", nil},
		{"a missing file is an error", []string{"no-such-file.json"}},
		{"an unknown jurisdiction is an error", []string{"-jurisdiction", "XX", dossier("ucmsc-wound-gel.json")}},
		{"a bad date is an error", []string{"-as-of", "tomorrow", dossier("ucmsc-wound-gel.json")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			assert.Error(t, run(&out, tt.args))
		})
	}
}
