package policy_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// A vendor's house rule, loaded beside the shipped rules and applied to
// a night cream whose second claim speaks of stem cells.
func ExampleLoad() {
	ps, err := policy.Load("vendor.yaml", []byte(`rules:
  - id: ACME-NO-STEM-CELL-CLAIMS
    title: Cosmetic claims do not say "stem cell"
    jurisdiction: HOUSE
    citation: {instrument: ACME listing standard, effective_from: 2026-01-01}
    provenance: primary
    for_each: claim
    when: claim.intent == "cosmetic" && claim.wording.matches("(?i)stem[- ]?cells?")
    effect: report
    severity: error
    field: wording
    message: 'claim {{claim.index}} says "stem cell"'
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rules, err := ps.RuleSet(regulation.Shipped())
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := regulation.NewAssessor(rules, regulation.Options{Jurisdictions: []string{regulation.House},
		AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := os.ReadFile("../examples/policies/testdata/night-cream-stem-cell-claim.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := policy.DecodeDossier(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := a.Assess(context.Background(), d)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings() {
		fmt.Println(f.Severity, f.RuleID, f.Path, f.Text())
	}
	// Output:
	// error ACME-NO-STEM-CELL-CLAIMS claims[1].wording claim 1 says "stem cell"
}

// A condition that does not type-check is an error naming the file, the
// line, the field and the expression.
func ExampleLoad_errors() {
	_, err := policy.Load("house.yaml", []byte(`rules:
  - id: ACME-BATCHES
    title: The dossier lists batches
    jurisdiction: HOUSE
    citation: {instrument: ACME house rules}
    provenance: primary
    when: size(dossier.product.batch) == 0
    effect: report
    severity: warning
    message: no batches
`))
	var fe *policy.FileError
	if errors.As(err, &fe) {
		for _, p := range fe.Problems {
			fmt.Printf("%s:%d %s [%s] %s\n", p.File, p.Line, p.Path, p.Code, p.Expression)
		}
	}
	// Output:
	// house.yaml:7 rules[0].when [compile] size(dossier.product.batch) == 0
}

// A waiver withdraws a finding with its reason; the verdict is combined
// without it.
func ExampleLoadWaivers() {
	ws, err := policy.LoadWaivers("waivers.yaml", []byte(`waivers:
  - id: W-1
    rule: ID-BPOM-COSMETIC-NEEDLE
    product: NSB-UCMSC-SG-01
    reason: the microneedling use is withdrawn from the label
    approved_by: Head of Regulatory Affairs
    expires: 2026-12-31
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	asOf := secretome.MustParseDate("2026-11-26")
	a, err := regulation.NewAssessor(regulation.Shipped(), regulation.Options{Jurisdictions: []string{"ID"}, AsOf: asOf})
	if err != nil {
		fmt.Println(err)
		return
	}
	run := ws.Run(asOf)
	rep, err := a.AssessWaiving(context.Background(), d, run.For("ucmsc-wound-gel.json", d.Product.ID))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings() {
		if f.Waived() {
			fmt.Println(f.RuleID, f.Path, "waived:", f.Waiver.Reason)
		}
	}
	fmt.Println(len(run.Problems()), "waiver problems")
	// Output:
	// ID-BPOM-COSMETIC-NEEDLE uses[4].route waived: the microneedling use is withdrawn from the label
	// 0 waiver problems
}
