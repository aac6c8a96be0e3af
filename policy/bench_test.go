package policy_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// houseRules returns a policy file of n house rules of the kinds hosts
// write: ten conditions (batch results, the release specification,
// claim wording and certainty, uses, authorisations, studies, the
// donor), each in variants with its own parameter. As with real house
// rules on a dossier that mostly complies, a few of them fire.
func houseRules(n int) []byte {
	type cond struct {
		forEach, when, effect, uses string
		params                      []string
	}
	conds := []cond{
		{"batch", `!batch.results.exists(r, r.kind == "%s")`, "prohibit", `use.class in ["hospital_service", "clinical_trial"]`,
			[]string{"sterility", "endotoxin", "mycoplasma", "potency", "viral_safety"}},
		{"", `!dossier.product.release_tests.exists(t, t.kind == "%s")`, "condition", "",
			[]string{"sterility", "endotoxin", "mycoplasma", "identity", "viral_safety"}},
		{"claim", `claim.intent == "cosmetic" && claim.wording.matches("(?i)%s")`, "prohibit", `use.class == "cosmetic"`,
			[]string{"stem[- ]?cells?", "miracle", "cure", "regenerat", "anti-?aging"}},
		{"claim", `claim.intent == "therapeutic" && claim.certainty == "%s"`, "report", "",
			[]string{"not_graded", "very_low", "low", "moderate", "high"}},
		{"use", `use.class == "cosmetic" && use.route == "%s"`, "prohibit", "",
			[]string{"injection", "microneedle", "intradermal", "subcutaneous", "inhalation"}},
		{"use", `use.setting == "%s" && use.administrator != "physician"`, "report", "",
			[]string{"beauty_clinic", "home", "hospital", "laboratory", "clinic"}},
		{"", `dossier.uses.exists(u, u.class == "%s") && !dossier.authorisations.exists(a, a.valid && a.kind == "ethics_approval")`, "report", "",
			[]string{"clinical_trial", "research", "hospital_service", "marketed_therapeutic", "cosmetic"}},
		{"study", `study.size >= 0 && study.size < %s`, "report", "",
			[]string{"3", "5", "8", "10", "12"}},
		{"", `dossier.product.donor_type == "%s" && size(dossier.product.batches) < 2`, "report", "",
			[]string{"autologous", "allogeneic", "pooled", "unknown", "xenogeneic"}},
		{"authorisation", `authorisation.kind == "%s" && !authorisation.valid`, "report", "",
			[]string{"marketing_authorisation", "nie", "ind", "hospital_designation", "ethics_approval"}},
	}
	var b strings.Builder
	b.WriteString("rules:\n")
	for i := range n {
		c := conds[i%len(conds)]
		p := c.params[(i/len(conds))%len(c.params)]
		fmt.Fprintf(&b, "  - id: BENCH-%03d\n    title: house rule %d\n    jurisdiction: HOUSE\n", i, i)
		b.WriteString("    citation: {instrument: House rules of a fictional hospital group, effective_from: 2026-01-01}\n    provenance: primary\n")
		if c.forEach != "" {
			fmt.Fprintf(&b, "    for_each: %s\n", c.forEach)
		}
		fmt.Fprintf(&b, "    when: '%s'\n    effect: %s\n", fmt.Sprintf(c.when, p), c.effect)
		if c.effect == "report" {
			b.WriteString("    severity: warning\n")
		}
		if c.uses != "" {
			fmt.Fprintf(&b, "    uses: '%s'\n", c.uses)
		}
		fmt.Fprintf(&b, "    message: house rule %d does not hold for {{dossier.product.id}}\n", i)
	}
	return []byte(b.String())
}

func benchAssess(b *testing.B, nPolicies int) {
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	if err != nil {
		b.Fatal(err)
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		b.Fatal(err)
	}
	set := regulation.Shipped()
	if nPolicies > 0 {
		ps, err := policy.Load("house.yaml", houseRules(nPolicies))
		if err != nil {
			b.Fatal(err)
		}
		if set, err = ps.RuleSet(set); err != nil {
			b.Fatal(err)
		}
	}
	a, err := regulation.NewAssessor(set, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Assess(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssessShipped is the shipped rules alone, the baseline of
// BenchmarkAssess50Policies.
func BenchmarkAssessShipped(b *testing.B) { benchAssess(b, 0) }

// BenchmarkAssess50Policies is the shipped rules with 50 CEL house rules;
// the aim is at most twice BenchmarkAssessShipped.
func BenchmarkAssess50Policies(b *testing.B) { benchAssess(b, 50) }

// BenchmarkLoad50Policies is loading (decoding, type-checking and
// planning) a file of 50 house rules.
func BenchmarkLoad50Policies(b *testing.B) {
	data := houseRules(50)
	for b.Loop() {
		if _, err := policy.Load("house.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHouseRulesFire keeps the benchmark honest: its rules compile and
// several of them report on the benchmark dossier.
func TestHouseRulesFire(t *testing.T) {
	ps, err := policy.Load("house.yaml", houseRules(50))
	if err != nil {
		t.Fatal(err)
	}
	set, err := ps.RuleSet(regulation.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	a, err := regulation.NewAssessor(set, regulation.Options{Jurisdictions: []string{regulation.House}, AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Assess(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{}
	for _, f := range rep.Findings() {
		if strings.Contains(f.Text(), "could not be evaluated") {
			t.Errorf("%s: %s", f.RuleID, f.Text())
		}
		fired[f.RuleID] = true
	}
	if len(fired) < 3 || len(fired) > 15 {
		t.Errorf("%d of 50 house rules fired; the benchmark wants a few", len(fired))
	}
}
