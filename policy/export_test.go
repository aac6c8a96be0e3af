package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/message"
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

// houseRule is a kind of house rule: its condition in CEL and, for the
// comparison with OPA (bench/opa), the same condition in Rego, each with
// a %s for the parameter that makes its variants.
type houseRule struct {
	forEach, when, effect, uses string
	// rego is the body of a Rego rule that holds for the same items (i
	// is the item's index); regoUses lists the uses a verdict concerns.
	rego, regoUses string
	params         []string
}

// houseRuleKinds are ten conditions of the kinds hosts write (batch
// results, the release specification, claim wording and certainty,
// uses, authorisations, studies, the donor).
var houseRuleKinds = []houseRule{
	{"batch", `!batch.results.exists(r, r.kind == "%s")`, "prohibit", `use.class in ["hospital_service", "clinical_trial"]`,
		"some i, batch in input.product.batches\n\tnot has_kind(batch.results, \"%s\")", `[j | some j, use in input.uses; use.class in {"hospital_service", "clinical_trial"}]`,
		[]string{"sterility", "endotoxin", "mycoplasma", "potency", "viral_safety"}},
	{"", `!dossier.product.release_tests.exists(t, t.kind == "%s")`, "condition", "",
		"not has_kind(input.product.release_tests, \"%s\")", `[j | some j, _ in input.uses]`,
		[]string{"sterility", "endotoxin", "mycoplasma", "identity", "viral_safety"}},
	{"claim", `claim.intent == "cosmetic" && claim.wording.matches("(?i)%s")`, "prohibit", `use.class == "cosmetic"`,
		"some i, claim in input.claims\n\tclaim.intent == \"cosmetic\"\n\tregex.match(`(?i)%s`, claim.wording)", `[j | some j, use in input.uses; use.class == "cosmetic"]`,
		[]string{"stem[- ]?cells?", "miracle", "cure", "regenerat", "anti-?aging"}},
	{"claim", `claim.intent == "therapeutic" && claim.certainty == "%s"`, "report", "",
		"some i, claim in input.claims\n\tclaim.intent == \"therapeutic\"\n\tclaim.certainty == \"%s\"", "[]",
		[]string{"not_graded", "very_low", "low", "moderate", "high"}},
	{"use", `use.class == "cosmetic" && use.route == "%s"`, "prohibit", "",
		"some i, use in input.uses\n\tuse.class == \"cosmetic\"\n\tuse.route == \"%s\"", "[i]",
		[]string{"injection", "microneedle", "intradermal", "subcutaneous", "inhalation"}},
	{"use", `use.setting == "%s" && use.administrator != "physician"`, "report", "",
		"some i, use in input.uses\n\tuse.setting == \"%s\"\n\tuse.administrator != \"physician\"", "[]",
		[]string{"beauty_clinic", "home", "hospital", "laboratory", "clinic"}},
	{"", `dossier.uses.exists(u, u.class == "%s") && !dossier.authorisations.exists(a, a.valid && a.kind == "ethics_approval")`, "report", "",
		"some u in input.uses\n\tu.class == \"%s\"\n\tnot valid_ethics_approval", "[]",
		[]string{"clinical_trial", "research", "hospital_service", "marketed_therapeutic", "cosmetic"}},
	{"study", `study.size >= 0 && study.size < %s`, "report", "",
		"some i, study in input.studies\n\tstudy.size >= 0\n\tstudy.size < %s", "[]",
		[]string{"3", "5", "8", "10", "12"}},
	{"", `dossier.product.donor_type == "%s" && size(dossier.product.batches) < 2`, "report", "",
		"input.product.donor_type == \"%s\"\n\tcount(input.product.batches) < 2", "[]",
		[]string{"autologous", "allogeneic", "pooled", "unknown", "xenogeneic"}},
	{"authorisation", `authorisation.kind == "%s" && !authorisation.valid`, "report", "",
		"some i, authorisation in input.authorisations\n\tauthorisation.kind == \"%s\"\n\tnot authorisation.valid", "[]",
		[]string{"marketing_authorisation", "nie", "ind", "hospital_designation", "ethics_approval"}},
}

// houseRuleAt returns the kind and parameter of house rule i.
func houseRuleAt(i int) (houseRule, string) {
	c := houseRuleKinds[i%len(houseRuleKinds)]
	return c, c.params[(i/len(houseRuleKinds))%len(c.params)]
}

// HouseRules returns a policy file of n house rules: the ten kinds of
// houseRuleKinds, each in variants with its own parameter. As with real
// house rules on a dossier that mostly complies, a few of them fire.
func HouseRules(n int) []byte {
	var b strings.Builder
	b.WriteString("rules:\n")
	for i := range n {
		c, p := houseRuleAt(i)
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

// HouseRulesRego returns the n house rules of HouseRules in Rego, for
// OPA: each rule adds to the set findings an object with the rule's ID,
// the item's path, the message and the uses a verdict concerns.
func HouseRulesRego(n int) []byte {
	var b strings.Builder
	b.WriteString(`package house

has_kind(xs, k) if {
	some x in xs
	x.kind == k
}

valid_ethics_approval if {
	some a in input.authorisations
	a.valid
	a.kind == "ethics_approval"
}
`)
	for i := range n {
		c, p := houseRuleAt(i)
		path := `""`
		if c.forEach != "" {
			path = fmt.Sprintf(`sprintf("%s[%%d]", [i])`, findItem(c.forEach).path)
		}
		fmt.Fprintf(&b, "\n# BENCH-%03d\nfindings contains f if {\n\t%s\n", i, fmt.Sprintf(c.rego, p))
		fmt.Fprintf(&b, "\tf := {\"rule\": \"BENCH-%03d\", \"path\": %s, \"message\": sprintf(\"house rule %d does not hold for %%s\", [input.product.id]), \"uses\": %s}\n}\n",
			i, path, i, c.regoUses)
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

// SameFindingsInGo returns, for each of the policies' rules, a Go rule
// with the same metadata that reports what the rule reported in rep, by
// the same Context calls, without CEL: the policies as hand-written Go
// rules would be on that one dossier. It is the yardstick that separates
// the cost of the report's findings from the cost of the policies.
func SameFindingsInGo(p *Policies, rep *regulation.Report) []regulation.Rule {
	byRule := map[string][]regulation.Finding{}
	for _, f := range rep.Findings() {
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	var rules []regulation.Rule
	for _, cr := range p.compiled {
		fs, effect := byRule[cr.info.ID], cr.effect
		rules = append(rules, regulation.Rule{RuleInfo: cr.info, Check: func(c *regulation.Context) {
			for _, f := range fs {
				use := -1
				if f.Use != nil {
					use = *f.Use
				}
				switch {
				case effect == effectReport && use >= 0:
					c.ReportUseText(use, f.Severity, f.Path, f.Message)
				case use < 0:
					c.ReportText(f.Severity, f.Path, f.Message)
				case effect == effectProhibit:
					c.ProhibitText(use, f.Path, f.Message)
				case effect == effectCondition:
					c.ConditionText(use, message.Message{}, f.Path, f.Message)
				case effect == effectUnknown:
					c.UnknownText(use, f.Path, f.Message)
				case effect == effectPermit:
					c.PermitText(use, f.Path, f.Message)
				}
			}
		}})
	}
	return rules
}
