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
		require.Contains(t, f.Text(), "batch SG-2026-014 has no sterility result")
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

// TestMessagesPerItemAndDossier: a message part that reads only the
// dossier is rendered once per assessment, one that reads the item for
// each item, and nothing carries over from one dossier to the next.
func TestMessagesPerItemAndDossier(t *testing.T) {
	src := []byte(`rules:
  - id: MSG-STUDY
    title: every study is named
    jurisdiction: HOUSE
    citation: {instrument: House rules of a fictional hospital group, effective_from: 2026-01-01}
    provenance: primary
    for_each: study
    when: 'true'
    effect: report
    severity: info
    message: study {{study.id}} of {{dossier.product.id}}
  - id: MSG-DOSSIER
    title: the product is named
    jurisdiction: HOUSE
    citation: {instrument: House rules of a fictional hospital group, effective_from: 2026-01-01}
    provenance: primary
    when: 'true'
    effect: report
    severity: info
    message: product {{dossier.product.id}}
`)
	ps, err := policy.Load("msg.yaml", src)
	require.NoError(t, err)
	set, err := ps.RuleSet(regulation.Shipped())
	require.NoError(t, err)
	a, err := regulation.NewAssessor(set, regulation.Options{Jurisdictions: []string{regulation.House}, AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	require.NoError(t, err)
	for _, id := range []string{"", "OTHER-PRODUCT"} {
		d, err := regulation.DecodeDossier(data)
		require.NoError(t, err)
		if id != "" {
			d.Product.ID = id
		}
		require.Greater(t, len(d.Studies), 1)
		rep, err := a.Assess(context.Background(), d)
		require.NoError(t, err)
		var got, want []string
		for i := range d.Studies {
			want = append(want, "study "+d.Studies[i].ID+" of "+d.Product.ID)
		}
		want = append(want, "product "+d.Product.ID)
		for _, f := range rep.Jurisdiction(regulation.House).Findings {
			got = append(got, f.Text())
		}
		require.ElementsMatch(t, want, got)
	}
}
