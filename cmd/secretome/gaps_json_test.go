package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONGaps: the JSON output lists every use no rule settled as an
// entry, as the SARIF output lists it as a result, and --strict makes
// them errors; an invalid dossier, assessed as far as it was read, has
// its uses' verdicts unknown with the errors that bear on them.
func TestJSONGaps(t *testing.T) {
	inputs := []string{"testdata/dossiers", "../../examples/dossiers"}
	for _, strict := range []bool{false, true} {
		args := []string{"check", "--as-of", asOf}
		if strict {
			args = append(args, "--strict")
		}
		js := runInProcess(t, "", append(append(args, "--format", "json"), inputs...)...)
		var out checkOutput
		require.NoError(t, json.Unmarshal([]byte(js.stdout), &out), js.stderr)
		sarif := runInProcess(t, "", append(append(args, "--format", "sarif"), inputs...)...)
		var doc struct {
			Runs []struct {
				Results []struct {
					RuleID string `json:"ruleId"`
					Level  string `json:"level"`
				} `json:"results"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal([]byte(sarif.stdout), &doc))
		want := map[string]int{}
		for _, r := range doc.Runs[0].Results {
			if strings.HasPrefix(r.RuleID, "use/") {
				want[r.RuleID+" "+r.Level]++
			}
		}
		got := map[string]int{}
		invalidWithGaps := false
		for _, d := range out.Dossiers {
			for _, g := range d.Gaps {
				level := map[string]string{"error": "error", "info": "note"}[g.Severity]
				got[g.Rule+" "+level]++
				assert.NotEmpty(t, g.Message)
				assert.Positive(t, g.Line, "%s %s has a line", d.Source, g.Path)
				if strict {
					assert.Equal(t, "error", g.Severity, "--strict fails on gaps")
				}
			}
			if d.Status == "invalid" && len(d.Gaps) > 0 {
				invalidWithGaps = true
				for _, j := range d.Jurisdictions {
					for _, u := range j.Uses {
						if len(u.InvalidPaths) > 0 {
							assert.Equal(t, "unknown", u.Verdict, "%s %s use %d", d.Source, j.Jurisdiction, u.Index)
						}
					}
				}
			}
		}
		assert.NotEmpty(t, got, "the fixtures have unsettled uses")
		assert.Equal(t, want, got, "JSON lists the same gaps as SARIF (strict %v)", strict)
		assert.True(t, invalidWithGaps, "an invalid dossier is assessed as far as it was read")
	}
}
