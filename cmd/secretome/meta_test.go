package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const bcgCSV = "../../evidence/testdata/metafor/bcg.csv"

// metaforCase reads one case of the evidence package's metafor reference
// figures.
func metaforCase(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile("../../evidence/testdata/metafor/reference.json")
	require.NoError(t, err)
	var ref struct {
		Cases map[string]map[string]any `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(b, &ref))
	c, ok := ref.Cases[name]
	require.True(t, ok, name)
	return c
}

func first(v any) float64 {
	if l, ok := v.([]any); ok {
		return l[0].(float64)
	}
	return v.(float64)
}

func TestMetaJSONUsesMetaforNames(t *testing.T) {
	dir := t.TempDir()
	r := runInProcess(t, "", "meta", "--measure", "RR", "--method", "REML", "--mods", "ablat,year,alloc", "--format", "json", bcgCSV)
	require.Equal(t, 0, r.code, r.stderr)
	var out map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	model := out["model"].(map[string]any)
	ref := metaforCase(t, "bcg.RR.mods.REML")
	for _, key := range []string{"b", "se", "zval", "pval", "ci.lb", "ci.ub"} {
		got := model[key].([]any)
		want := ref[key].([]any)
		require.Len(t, got, len(want), key)
		for i := range want {
			assert.InDelta(t, want[i].(float64), got[i].(float64), 1e-6, "%s[%d]", key, i)
		}
	}
	for _, key := range []string{"tau2", "se.tau2", "QE", "QEp", "QM", "QMp", "I2", "H2", "R2"} {
		assert.InDelta(t, first(ref[key]), first(model[key]), 1e-6, key)
	}

	r = runInProcess(t, "", "meta", "--measure", "RR", "--format", "json", "--confint", "--regtest", "--ranktest", "--trimfill",
		"--leave1out", "--cumul", "--order", "year", "--influence", "--by", "alloc", "--svg", dir, bcgCSV)
	require.Equal(t, 0, r.code, r.stderr)
	out = map[string]any{}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	for _, key := range []string{"model", "confint", "regtest", "ranktest", "trimfill", "leave1out", "cumul", "influence", "subgroups", "plots"} {
		assert.Contains(t, out, key)
	}
	model = out["model"].(map[string]any)
	ref = metaforCase(t, "bcg.RR.REML")
	for _, key := range []string{"pi.lb", "pi.ub", "tau2"} {
		assert.InDelta(t, first(ref[key]), first(model[key]), 1e-6, key)
	}
	tf := out["trimfill"].(map[string]any)
	assert.Equal(t, 1.0, tf["k0"])
	assert.Equal(t, "right", tf["side"])
	assert.InDelta(t, first(metaforCase(t, "bcg.RR.REML.trimfill")["b"]), first(tf["b"]), 1e-6)
	ci := out["confint"].(map[string]any)["tau2"].(map[string]any)
	assert.InDelta(t, metaforCase(t, "bcg.RR.REML.confint")["tau2"].([]any)[1].(float64), ci["ci.lb"], 1e-6)
	assert.FileExists(t, filepath.Join(dir, "forest.svg"))
	assert.FileExists(t, filepath.Join(dir, "funnel.svg"))

	r = runInProcess(t, "", "meta", "--measure", "or", "--method", "mh", "--format", "json", bcgCSV)
	require.Equal(t, 0, r.code, r.stderr)
	out = map[string]any{}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	mh := out["model"].(map[string]any)
	ref = metaforCase(t, "bcg.MH.OR")
	for _, key := range []string{"b", "se", "QE", "QEp", "MH", "TA"} {
		assert.InDelta(t, first(ref[key]), first(mh[key]), 1e-6, key)
	}
}

func TestMetaText(t *testing.T) {
	r := runInProcess(t, "", "meta", "--measure", "RR", bcgCSV)
	require.Equal(t, 0, r.code, r.stderr)
	for _, want := range []string{
		"Random-Effects Model (k = 13; tau^2 estimator: REML)",
		"tau^2 (estimated amount of total heterogeneity): 0.3132 (SE = 0.1664)",
		"Q(df = 12) = 152.2330, p-val < .0001",
		" -0.7145  0.1798  -3.9744  <.0001  -1.0669  -0.3622  ***",
	} {
		assert.Contains(t, r.stdout, want)
	}
	r = runInProcess(t, "", "meta", "--measure", "RR", "--mods", "ablat", "--test", "knha", bcgCSV)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Mixed-Effects Model (k = 13; tau^2 estimator: REML)")
	assert.Contains(t, r.stdout, "F(df1 = 1, df2 = 11)")
}

func TestMetaErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("study,yi,vi\nA,0.1,0.2\nB,x,0.3\nC,0.2,-1\n"), 0o644))
	cases := []struct {
		why  string
		args []string
		want string
	}{
		{"the measure is required", []string{"meta", bcgCSV}, "--measure is required"},
		{"an unknown method", []string{"meta", "--measure", "RR", "--method", "XYZ", bcgCSV}, "--method"},
		{"an unknown moderator", []string{"meta", "--measure", "RR", "--mods", "latitude", bcgCSV}, `no column "latitude"`},
		{"a bad cell names row, line and column", []string{"meta", "--measure", "MD", bad}, `rows[1].yi: row 2 (line 3), column "yi": "x" is not a finite number`},
		{"Peto needs the odds ratio", []string{"meta", "--measure", "RR", "--method", "PETO", bcgCSV}, "--measure OR"},
		{"a collinear moderator", []string{"meta", "--measure", "RR", "--mods", "ablat,ablat", bcgCSV}, "moderators[1]"},
		{"one file", []string{"meta", "--measure", "RR"}, "name one CSV file"},
	}
	for _, c := range cases {
		r := runInProcess(t, "", c.args...)
		assert.Equal(t, exitUsage, r.code, c.why)
		assert.Contains(t, r.stderr, c.want, c.why)
	}
}
