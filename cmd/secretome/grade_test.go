package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
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

func TestGradeJSONLines(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, good))
	input := compact.String() + "\n\n" + `{"bogus":1}` + "\n"
	path := filepath.Join(t.TempDir(), "batch.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(input), 0o644))

	r := runInProcess(t, "", "grade", "--format", "json", path)
	assert.Equal(t, exitFindings, r.code, "the second record is invalid; stderr: %s", r.stderr)
	var out struct {
		Dossiers []struct {
			Source   string        `json:"source"`
			Line     int           `json:"line"`
			Product  string        `json:"product"`
			Problems []jsonProblem `json:"problems"`
		} `json:"dossiers"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	require.Len(t, out.Dossiers, 2, "one result per record, blank lines skipped")
	assert.Equal(t, 1, out.Dossiers[0].Line)
	assert.Equal(t, "NSB-UCMSC-SG-01", out.Dossiers[0].Product, "the first record is graded")
	assert.Empty(t, out.Dossiers[0].Problems)
	assert.Equal(t, 3, out.Dossiers[1].Line)
	require.NotEmpty(t, out.Dossiers[1].Problems)
	assert.Equal(t, "field.unknown", out.Dossiers[1].Problems[0].Code)
	assert.Equal(t, 3, out.Dossiers[1].Problems[0].Line)

	r = runInProcess(t, "", "grade", path)
	assert.Contains(t, r.stdout, path+":1  NSB-UCMSC-SG-01")
}

func TestGradeIndicationFlag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plots")
	r := runInProcess(t, "", "grade", "--indication", "XYZ", "--svg", dir, "testdata/dossiers/gel.json")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `--indication: condition "XYZ"`)
	assert.NoDirExists(t, dir, "nothing is written after a usage error")

	r = runInProcess(t, "", "grade", "--indication", "l89.3", "testdata/dossiers/gel.json")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "capitals")

	r = runInProcess(t, "", "grade", "--indication", "L89.3", filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json"))
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "L89.3 — ")
}

// TestGradeMixedBody checks that a dossier citing trials and a cohort for
// one outcome shows both bodies, rated separately, and which one leads.
func TestGradeMixedBody(t *testing.T) {
	knee := filepath.Join("..", "..", "examples", "dossiers", "bmmsc-ev-knee.json")
	data, err := os.ReadFile(knee)
	if err != nil {
		t.Skip("bundled example dossiers not present")
	}
	var d map[string]any
	require.NoError(t, json.Unmarshal(data, &d))
	studies := d["studies"].([]any)
	cohort := map[string]any{}
	for k, v := range studies[1].(map[string]any) {
		cohort[k] = v
	}
	cohort["id"] = "registry-cohort"
	cohort["design"] = "cohort_retrospective"
	delete(cohort, "registrations")
	low := "low"
	cohort["risk_of_bias"] = map[string]any{"robins_i": map[string]any{"confounding": "serious", "selection": low,
		"classification": low, "deviations": low, "missing_data": low, "measurement": low, "reported_result": low}}
	d["studies"] = append(studies, cohort)
	out, err := json.Marshal(d)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "mixed.json")
	require.NoError(t, os.WriteFile(path, out, 0o644))

	r := runInProcess(t, "", "grade", path)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "GRADE certainty: Moderate")
	assert.Contains(t, r.stdout, "GRADE certainty of the non-randomised evidence (rated separately): Very low")
	assert.Contains(t, r.stdout, "the randomised evidence leads")
	assert.Contains(t, r.stdout, "non-randomised evidence: risk_of_bias -2", "ROBINS-I serious: high −2, then −1 for 118 participants")
}

// TestGradeStreams: grade writes each result as soon as it is graded,
// not all at the end, and the JSON written piece by piece is the document
// an indenting encoder would give.
func TestGradeStreams(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, good))
	path := filepath.Join(t.TempDir(), "batch.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(compact.String()+"\n"+`{"bogus":1}`+"\n"+compact.String()+"\n"), 0o644))

	for _, format := range []string{"json", "text"} {
		out := &notifyWriter{}
		e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: out, stderr: io.Discard, getenv: func(string) string { return "" }}
		assert.Equal(t, exitFindings, run(e, []string{"grade", "--format", format, path}))
		assert.GreaterOrEqual(t, out.writes, 3, "%s: one write per result at least", format)
		if format == "json" {
			var doc gradeOutput
			require.NoError(t, json.Unmarshal(out.buf.Bytes(), &doc), out.buf.String())
			require.Len(t, doc.Dossiers, 3)
			var whole bytes.Buffer
			enc := json.NewEncoder(&whole)
			enc.SetIndent("", "  ")
			require.NoError(t, enc.Encode(doc))
			assert.Equal(t, whole.String(), out.buf.String(), "the streamed layout is the encoder's")
		}
	}
	empty := runInProcess(t, "", "grade", "--format", "json", t.TempDir())
	var doc gradeOutput
	require.NoError(t, json.Unmarshal([]byte(empty.stdout), &doc), empty.stdout)
	assert.NotNil(t, doc.Dossiers, "no dossiers is an empty list, not null")
}

// notifyWriter collects what is written and counts the writes.
type notifyWriter struct {
	buf    bytes.Buffer
	writes int
}

func (w *notifyWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.buf.Write(p)
}
