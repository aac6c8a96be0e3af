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
	for _, f := range h.Findings {
		t.Logf("%s %s %s %v %s", f.RuleID, f.Severity, f.Path, f.Use, f.Message)
	}
	for _, u := range h.Uses {
		t.Logf("use %d %s %s %v", u.Index, u.Class, u.Verdict, u.Rules)
	}
}
