package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{"-as-of", "2026-11-01", filepath.Join("testdata", "dossiers")}))
	assert.Contains(t, out.String(), "PASS testdata/dossiers/wound-gel-id.json")

	out.Reset()
	err := run(&out, []string{"-as-of", "2026-11-01", "-jurisdiction", "ID,US", filepath.Join("..", "dossiers")})
	require.ErrorIs(t, err, errFailed, "the bundled examples include an invalid dossier and uses without authorisation")
	assert.Contains(t, out.String(), "FAIL ../dossiers/broken-exosome-serum.json")
	assert.Contains(t, out.String(), "product.source.passage", "invalid dossiers list their problems")
	assert.Contains(t, out.String(), "ID-BPOM-8-2025-NIE", "failing dossiers list their error findings")
	assert.NotContains(t, out.String(), "line 0", "an unknown line is left out, not shown as 0")
	assert.NotContains(t, out.String(), "()", "a citation without a number names its instrument")
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no folder named", nil},
		{"a folder without dossiers", []string{t.TempDir()}},
		{"a missing folder", []string{"no-such-folder"}},
		{"an unknown jurisdiction", []string{"-jurisdiction", "XX", "testdata"}},
		{"a bad date", []string{"-as-of", "2026-13-01", "testdata"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(&out, tt.args)
			require.Error(t, err)
			assert.NotErrorIs(t, err, errFailed)
		})
	}
}
