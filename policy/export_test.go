package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/regulation"
)

// SampleDossier is an example dossier and the file it was read from.
type SampleDossier struct {
	File    string
	Dossier *regulation.Dossier
}

// SampleDossiers returns the JSON example dossiers, those of the
// examples and those the example policies are tested with, except the
// broken example, which does not decode.
func SampleDossiers(t testing.TB) []SampleDossier {
	files, err := filepath.Glob("../examples/dossiers/*.json")
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob("../examples/policies/testdata/*.json")
	if err != nil {
		t.Fatal(err)
	}
	var out []SampleDossier
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := regulation.DecodeDossier(data); err == nil {
			out = append(out, SampleDossier{File: file, Dossier: d})
		}
	}
	if len(out) < 3 {
		t.Fatalf("%d example dossiers", len(out))
	}
	return out
}

// HouseRules returns a policy file of n house rules of the kinds hosts
// write: ten conditions (batch results, the release specification,
// claim wording and certainty, uses, authorisations, studies, the
// donor), each in variants with its own parameter. As with real house
// rules on a dossier that mostly complies, a few of them fire.
func HouseRules(n int) []byte {
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

// WithoutGuards returns the policies with every condition run by CEL,
// for benchmarks and tests that compare the two.
func WithoutGuards(p *Policies) *Policies {
	out := &Policies{inputs: p.inputs}
	for _, cr := range p.compiled {
		c := *cr
		for _, cond := range []**condition{&c.when, &c.uses} {
			if *cond != nil {
				*cond = &condition{prg: (*cond).prg}
			}
		}
		out.compiled = append(out.compiled, &c)
		out.rules = append(out.rules, regulation.Rule{RuleInfo: c.info, Check: c.check})
	}
	return out
}
