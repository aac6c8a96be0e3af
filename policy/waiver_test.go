package policy_test

import (
	"context"
	"os"
	"testing"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// woundGel assesses the example wound gel with the shipped rules (ID and
// the quality baseline) as of the day, with the waivers given.
func woundGel(t *testing.T, asOf string, run func(secretome.Date) *policy.WaiverRun) (*regulation.Report, *policy.WaiverRun) {
	t.Helper()
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	require.NoError(t, err)
	d, err := regulation.DecodeDossier(data)
	require.NoError(t, err)
	day := secretome.MustParseDate(asOf)
	a, err := regulation.NewAssessor(regulation.Shipped(), regulation.Options{Jurisdictions: []string{"ID"}, AsOf: day})
	require.NoError(t, err)
	var wr *policy.WaiverRun
	var waive regulation.WaiveFunc
	if run != nil {
		wr = run(day)
		waive = wr.For("examples/dossiers/ucmsc-wound-gel.json", d.Product.ID)
	}
	rep, err := a.AssessWaiving(context.Background(), d, waive)
	require.NoError(t, err)
	return rep, wr
}

const needleWaiver = `waivers:
  - id: W-1
    rule: ID-BPOM-COSMETIC-NEEDLE
    product: NSB-UCMSC-SG-01
    path: uses[4]
    reason: the microneedling use is withdrawn from the label in the next revision
    approved_by: Head of Regulatory Affairs
    expires: 2026-12-31
`

func TestWaiverMatchingAndExpiry(t *testing.T) {
	base, _ := woundGel(t, "2026-11-26", nil)
	use4 := base.Jurisdiction("ID").Use(4)
	require.Equal(t, regulation.VerdictProhibited, use4.Verdict)
	require.Contains(t, use4.Rules, "ID-BPOM-COSMETIC-NEEDLE")

	tests := []struct {
		name, file, asOf string
		waived           bool   // the needle finding is waived
		code             string // the waiver problem expected, if any
	}{
		{"in force before expiry", needleWaiver, "2026-11-26", true, ""},
		{"in force on the expiry day itself", needleWaiver, "2026-12-31", true, ""},
		{"expired the day after", needleWaiver, "2027-01-01", false, policy.CodeWaiverExpired},
		{"another product applies to no dossier", replace(needleWaiver, "NSB-UCMSC-SG-01", "OTHER-1"), "2026-11-26", false, policy.CodeWaiverNoDossier},
		{"another path matches nothing", replace(needleWaiver, "uses[4]", "uses[3]"), "2026-11-26", false, policy.CodeWaiverUnused},
		{"a path prefix of a sibling does not match", replace(needleWaiver, "uses[4]", "uses[4"), "2026-11-26", false, policy.CodeWaiverUnused},
		{"a dossiers glob matches the file", replace(needleWaiver, "product: NSB-UCMSC-SG-01", `dossiers: "examples/dossiers/*.json"`), "2026-11-26", true, ""},
		{"a dossiers glob for other files applies to no dossier", replace(needleWaiver, "product: NSB-UCMSC-SG-01", `dossiers: "vendor/*.json"`), "2026-11-26", false, policy.CodeWaiverNoDossier},
		{"another rule applies to the dossier but matches no finding", replace(needleWaiver, "ID-BPOM-COSMETIC-NEEDLE", "ID-BPOM-NOT-A-RULE"), "2026-11-26", false, policy.CodeWaiverUnused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := policy.LoadWaivers("waivers.yaml", []byte(tt.file))
			require.NoError(t, err)
			rep, run := woundGel(t, tt.asOf, ws.Run)
			var needle []regulation.Finding
			for _, f := range rep.Findings() {
				if f.RuleID == "ID-BPOM-COSMETIC-NEEDLE" {
					needle = append(needle, f)
				}
			}
			require.NotEmpty(t, needle, "the finding stays in the report, waived or not")
			for _, f := range needle {
				assert.Equal(t, tt.waived, f.Waived(), f.Path)
				if tt.waived {
					assert.Equal(t, "W-1", f.Waiver.ID)
					assert.Contains(t, f.Waiver.Reason, "withdrawn")
				}
			}
			use4 := rep.Jurisdiction("ID").Use(4)
			if tt.waived {
				assert.NotContains(t, use4.Rules, "ID-BPOM-COSMETIC-NEEDLE", "the verdict is recomputed without the waived finding")
			} else {
				assert.Contains(t, use4.Rules, "ID-BPOM-COSMETIC-NEEDLE")
			}
			probs := run.Problems()
			if tt.code == "" {
				assert.Empty(t, probs)
				return
			}
			require.Len(t, probs, 1)
			assert.Equal(t, tt.code, probs[0].Code)
			if tt.code == policy.CodeWaiverUnused {
				assert.Contains(t, probs[0].Message, "applies to 1 dossier but matches none of their findings")
			}
			assert.Equal(t, 2, probs[0].Line)
			assert.Equal(t, "waivers.yaml", probs[0].File)
		})
	}
}

// TestWaiverRecomputesVerdict waives every prohibition of a use and
// checks that the verdict falls back to what the other rules say.
func TestWaiverRecomputesVerdict(t *testing.T) {
	base, _ := woundGel(t, "2026-11-26", nil)
	use2 := base.Jurisdiction("ID").Use(2)
	require.Equal(t, regulation.VerdictProhibited, use2.Verdict)
	file := "waivers:\n"
	for _, id := range use2.Rules {
		file += "  - rule: " + id + "\n    product: NSB-UCMSC-SG-01\n    path: uses[2]\n    reason: r\n    approved_by: a\n    expires: 2030-01-01\n"
	}
	ws, err := policy.LoadWaivers("w.yaml", []byte(file))
	require.NoError(t, err)
	rep, _ := woundGel(t, "2026-11-26", ws.Run)
	got := rep.Jurisdiction("ID").Use(2)
	assert.NotEqual(t, regulation.VerdictProhibited, got.Verdict)
	for _, id := range use2.Rules {
		assert.NotContains(t, got.Rules, id)
	}
	assert.Less(t, rep.Worst(), base.Worst()+1)
}

func TestLoadWaiversProblems(t *testing.T) {
	_, err := policy.LoadWaivers("w.yaml", []byte("waivers:\n  - rule: X\n    reason: r\n    expires: 2026-01-01\n    dossiers: \"[\"\n"))
	var fe *policy.FileError
	require.ErrorAs(t, err, &fe)
	var codes []string
	for _, p := range fe.Problems {
		codes = append(codes, p.Path+" "+p.Code)
	}
	assert.ElementsMatch(t, []string{"waivers[0].approved_by required", "waivers[0].dossiers invalid"}, codes)
}

func replace(s, old, new string) string {
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + new + s[i+len(old):]
		}
	}
	panic("replace: " + old + " not found")
}
