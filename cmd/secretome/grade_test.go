package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGrade(t *testing.T) {
	knee := filepath.Join("..", "..", "examples", "dossiers", "bmmsc-ev-knee.json")
	if _, err := os.Stat(knee); err != nil {
		t.Skip("bundled example dossiers not present")
	}
	dir := t.TempDir()
	r := runInProcess(t, "", "grade", "--format", "json", "--svg", dir, knee, "testdata/dossiers/broken.json")
	assert.Equal(t, exitFindings, r.code, "an invalid dossier makes grade exit 1; stderr: %s", r.stderr)
	// Read the output back through a mirror of its shape: the summary's
	// own types do not all read their JSON back.
	var out struct {
		Schema   string `json:"schema"`
		Dossiers []struct {
			Problems []jsonProblem `json:"problems"`
			Summary  *struct {
				Rows []struct {
					Pooled *struct{ K int } `json:"pooled"`
				} `json:"rows"`
			} `json:"summary"`
			Plots []string `json:"plots"`
		} `json:"dossiers"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	assert.Equal(t, gradeSchemaVersion, out.Schema)
	require.Len(t, out.Dossiers, 2)
	knees := out.Dossiers[0]
	require.NotNil(t, knees.Summary)
	require.NotEmpty(t, knees.Summary.Rows)
	assert.NotNil(t, knees.Summary.Rows[0].Pooled, "two trials of one outcome are pooled")
	require.Len(t, knees.Plots, 1)
	svg, err := os.ReadFile(knees.Plots[0])
	require.NoError(t, err)
	assert.Contains(t, string(svg), "<svg")
	assert.Nil(t, out.Dossiers[1].Summary, "an invalid dossier is not graded")
	assert.NotEmpty(t, out.Dossiers[1].Problems)

	r = runInProcess(t, "", "grade", knee)
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "GRADE certainty: Moderate")
	assert.Contains(t, r.stdout, "pooled md (reml, k=2)")

	r = runInProcess(t, "", "grade", "testdata/no-such.json")
	assert.Equal(t, exitUsage, r.code, "an unreadable input is exit 2")
	assert.Contains(t, r.stderr, "no-such.json")
}
