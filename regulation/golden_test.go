package regulation

import (
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestSeedReportGolden pins the whole report for the seed dossier, in
// every jurisdiction, so that any change to a verdict, rule, path or
// citation shows up in review. Run with -update to accept a change.
func TestSeedReportGolden(t *testing.T) {
	rep, err := Assess(seed(t), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	got, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	const golden = "testdata/seed_report.golden.json"
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestSeedReportGolden -update to create the golden file")
	assert.Equal(t, string(want), string(got))
}
