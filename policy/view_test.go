package policy_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

var update = flag.Bool("update", false, "rewrite the golden views in testdata")

// TestViewGolden pins every field of the view of each example dossier,
// as policy.View gives it, to a golden file (go test ./policy -update
// rewrites them).
func TestViewGolden(t *testing.T) {
	for _, ex := range policy.SampleDossiers(t) {
		file, d := ex.File, ex.Dossier
		if !strings.HasPrefix(file, "../examples/dossiers/") {
			continue
		}
		var view *policy.Dossier
		set, err := regulation.NewRuleSet(regulation.Rule{RuleInfo: regulation.RuleInfo{ID: "TEST-VIEW", Title: "view", Jurisdiction: regulation.House,
			Citation: regulation.Citation{Instrument: "test", EffectiveFrom: secretome.MustParseDate("2020-01-01")}, Provenance: regulation.ProvenancePrimary},
			Check: func(c *regulation.Context) { view = policy.View(c) }})
		require.NoError(t, err)
		a, err := regulation.NewAssessor(set, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26"), Jurisdictions: []string{regulation.House}})
		require.NoError(t, err)
		_, err = a.Assess(context.Background(), d)
		require.NoError(t, err)
		require.NotNil(t, view)
		got, err := json.MarshalIndent(view, "", "  ")
		require.NoError(t, err)
		golden := filepath.Join("testdata", "view-"+strings.TrimSuffix(filepath.Base(file), ".json")+".json")
		if *update {
			require.NoError(t, os.MkdirAll("testdata", 0o755))
			require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
			continue
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err)
		require.JSONEq(t, string(want), string(got), file)
	}
}
