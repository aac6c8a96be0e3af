package regulation

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAssessBytes(t *testing.T) {
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	ctx := context.Background()

	for _, tc := range []struct {
		file, product string
		yaml          bool
	}{
		{"ucmsc-wound-gel.json", "NSB-UCMSC-SG-01", false},
		{"hucm-night-cream.yaml", "HANA-ADCM-NC-03", true},
	} {
		t.Run(tc.file+": read by the library, findings placed", func(t *testing.T) {
			data, err := os.ReadFile("../examples/dossiers/" + tc.file)
			require.NoError(t, err)
			rep, err := a.AssessBytes(ctx, data, DecodeOptions{YAML: tc.yaml})
			require.NoError(t, err)
			assert.False(t, rep.Invalid, "%v", rep.Problems)
			assert.Equal(t, tc.product, rep.Product)
			fs := rep.Findings()
			require.NotEmpty(t, fs)
			for _, f := range fs {
				assert.Positive(t, f.Line, "%s %s has a line", f.RuleID, f.Path)
			}
		})
	}
	t.Run("invalid: every problem with its line, assessed as read", func(t *testing.T) {
		data, err := os.ReadFile("../examples/dossiers/broken-exosome-serum.json")
		require.NoError(t, err)
		rep, err := a.AssessBytes(ctx, data, DecodeOptions{})
		require.NoError(t, err)
		assert.True(t, rep.Invalid)
		require.NotEmpty(t, rep.Jurisdictions, "validation and rule problems in one run")
		for _, j := range rep.Jurisdictions {
			for _, u := range j.Uses {
				assert.Equal(t, VerdictUnknown, u.Verdict, "%s use %d: the product's errors bear on every use", j.Jurisdiction, u.Index)
				assert.NotEmpty(t, u.InvalidPaths)
			}
		}
		skip, err := a.AssessBytes(ctx, data, DecodeOptions{Invalid: SkipInvalid})
		require.NoError(t, err)
		assert.True(t, skip.Invalid)
		assert.Empty(t, skip.Jurisdictions, "SkipInvalid: problems alone")
		require.NotEmpty(t, rep.Problems)
		sev := map[secretome.Severity]bool{}
		for _, p := range rep.Problems {
			sev[p.Severity] = true
			assert.Positive(t, p.Line, "%s has a line", p.Path)
		}
		assert.True(t, sev[secretome.SeverityWarning] && sev[secretome.SeverityInfo], "warnings and notes are part of the report")
	})
	t.Run("YAML syntax error", func(t *testing.T) {
		rep, err := a.AssessBytes(ctx, []byte("product: [\n"), DecodeOptions{YAML: true})
		require.NoError(t, err)
		assert.True(t, rep.Invalid)
		require.Len(t, rep.Problems, 1)
		assert.Positive(t, rep.Problems[0].Line)
	})
	t.Run("registered jurisdiction", func(t *testing.T) {
		data, err := os.ReadFile("testdata/seed_wound_gel.json")
		require.NoError(t, err)
		d, err := DecodeDossier(data)
		require.NoError(t, err)
		d.Uses[0].Jurisdiction = "ACME"
		acme, err := json.Marshal(d)
		require.NoError(t, err)
		rep, err := a.AssessBytes(ctx, acme, DecodeOptions{})
		require.NoError(t, err)
		assert.True(t, rep.Invalid, "a host code is refused unless registered")
		rep, err = a.AssessBytes(ctx, acme, DecodeOptions{Validate: ValidateOptions{Jurisdictions: []string{"ACME"}}})
		require.NoError(t, err)
		assert.False(t, rep.Invalid, "%v", rep.Problems)
		assert.Equal(t, []int{0}, rep.Unassessed, "a registered code without rules is listed as not assessed")
		_, err = (&Assessor{}).AssessBytes(ctx, data, DecodeOptions{})
		assert.Error(t, err, "an Assessor not made by NewAssessor is misuse")
	})
}
