package regulation

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/require"
)

// TestSortFindingsAsCompared checks that the counting sort of an
// assessment's findings gives the order comparePending gives, whatever
// the order the rules reported in: rule ID order (the usual case), and
// shuffled, which takes the fallback sort.
func TestSortFindingsAsCompared(t *testing.T) {
	rules := []Rule{{RuleInfo: RuleInfo{ID: "A"}}, {RuleInfo: RuleInfo{ID: "B"}}, {RuleInfo: RuleInfo{ID: "C"}}}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		const nUses = 4
		var st state
		for range r.IntN(60) {
			st.findings = append(st.findings, pending{
				rule: &rules[r.IntN(len(rules))],
				use:  r.IntN(nUses+1) - 1,
				sev:  secretome.Severity(r.IntN(3)),
				path: []string{"", "uses[0]", "claims[1]", "product"}[r.IntN(4)],
				text: message.Plain([]string{"a", "b", "c"}[r.IntN(3)]),
			})
		}
		if round%2 == 0 { // as rules report: in rule ID order
			slices.SortStableFunc(st.findings, func(a, b pending) int { return cmp.Compare(a.rule.ID, b.rule.ID) })
		}
		want := make([]pending, len(st.findings))
		copy(want, st.findings)
		slices.SortStableFunc(want, func(a, b pending) int { return comparePending(&a, &b) })
		order := make([]int32, len(st.findings))
		st.sortFindings(order, 0, nUses)
		for i, x := range order {
			require.Zero(t, comparePending(&want[i], &st.findings[x]), "round %d, finding %d", round, i)
		}
	}
}
