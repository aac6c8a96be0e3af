package policy_test

import (
	"context"
	"os"
	"testing"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/require"
)

func TestExamplePoliciesFire(t *testing.T) {
	ps, err := policy.LoadDir("../examples/policies")
	require.NoError(t, err)
	set, err := ps.RuleSet(regulation.Shipped())
	require.NoError(t, err)
	a, err := regulation.NewAssessor(set, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	data, err := os.ReadFile("../examples/policies/testdata/wound-gel-without-sterility.json")
	require.NoError(t, err)
	d, err := regulation.DecodeDossier(data)
	require.NoError(t, err)
	rep, err := a.Assess(context.Background(), d)
	require.NoError(t, err)
	h := rep.Jurisdiction(regulation.House)
	require.NotNil(t, h)
	// The formulary prohibits the hospital, trial and marketed uses of a
	// product whose batch has no sterility result, and says so at the
	// batch's results; the research and cosmetic uses are not its
	// concern.
	var uses []int
	for _, f := range h.Findings {
		require.Equal(t, "RSHS-FORMULARY-STERILITY", f.RuleID)
		require.Equal(t, "product.batches[0].results", f.Path)
		require.Equal(t, secretome.SeverityError, f.Severity)
		require.Contains(t, f.Message, "batch SG-2026-014 has no sterility result")
		uses = append(uses, *f.Use)
	}
	require.Equal(t, []int{1, 2}, uses)
	for _, u := range h.Uses {
		want := regulation.VerdictPermitted // no house rule held it back
		if u.Index == 1 || u.Index == 2 {
			want = regulation.VerdictProhibited
		}
		require.Equal(t, want, u.Verdict, "use %d", u.Index)
	}
}
