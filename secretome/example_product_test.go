package secretome_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/secretome"
)

// Decode a product dossier and check it.
func ExampleDecodeProduct() {
	data, err := os.ReadFile("testdata/wound_gel.json")
	if err != nil {
		panic(err)
	}
	p, err := secretome.DecodeProduct(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Name)
	fmt.Println(p.Source.Tissue, p.Derivative.Type, p.Formulation.DosageForm)
	hgf := p.Composition.Analytes[1]
	info, _ := hgf.Canonical()
	fmt.Println(info.Name, hgf.Quantity)
	// Output:
	// Nusantara Bioregen UC-MSC Secretome Wound Gel
	// umbilical_cord concentrated_secretome gel
	// HGF 3.40 ng/mL
}

// Decoding reports every problem at once, each with its field path, code
// and line; callers reach them with errors.As.
func ExampleDecodeProduct_errors() {
	data, _ := os.ReadFile("testdata/wound_gel.json")
	broken := strings.NewReplacer(
		`"umbilical_cord"`, `"cord"`,
		`"unit": "ng/mL"}`, `"unit": "ng/dL"}`,
		`"maker"`, `"manufacturer"`,
	).Replace(string(data))

	_, err := secretome.DecodeProduct([]byte(broken))
	var ve *secretome.ValidationError
	if errors.As(err, &ve) {
		for _, pr := range ve.Problems {
			fmt.Printf("line %d: %s [%s]\n", pr.Line, pr.Path, pr.Code)
		}
	}
	// Output:
	// line 4: manufacturer [field.unknown]
	// line 7: source.tissue [enum]
	// line 51: composition.analytes[1].quantity.unit [enum]
	// line 55: composition.analytes[5].quantity.unit [enum]
}

// Decoding problems are catalogued messages, so a host shows them in
// the language its user reads: Problem.In takes any language.Tag, and
// Bahasa Indonesia is supported beside English.
func ExampleProblem_In() {
	data, _ := os.ReadFile("testdata/wound_gel.json")
	broken := strings.NewReplacer(`"umbilical_cord"`, `"cord"`, `"maker"`, `"Maker"`).Replace(string(data))

	_, err := secretome.DecodeProduct([]byte(broken))
	ve, ok := secretome.AsValidationError(err)
	if !ok {
		return
	}
	for _, pr := range ve.Problems {
		fmt.Printf("%s: %s\n", pr.Path, pr.In(language.Indonesian))
	}
	// The whole error, as Error gives it in English, starts with a count.
	fmt.Println(strings.SplitN(ve.In(language.Indonesian), "\n", 2)[0])
	// Output:
	// Maker: ruas "Maker" tidak dikenal (nama ruas membedakan huruf besar dan kecil: mungkin maksudnya "maker"?)
	// source.tissue: jaringan tidak dikenal: "cord" (seharusnya salah satu dari: bone_marrow, adipose, umbilical_cord, whartons_jelly, dental_pulp, placenta, amnion, ipsc_derived, embryonic, other)
	// 2 kesalahan
}

// Validation names each problem by its path; warnings do not fail it.
func ExampleProduct_Check() {
	p := &secretome.Product{
		ID:   "DEMO-1",
		Name: "Demo EV spray",
		Source: secretome.Source{
			CellType: secretome.CellTypeMSC, Tissue: secretome.TissueAdipose, Species: secretome.SpeciesHuman,
			Donor:   secretome.Donor{Type: secretome.DonorAutologous},
			Culture: secretome.Culture{Supplement: secretome.SupplementSerumFree},
		},
		Derivative: secretome.Derivative{Type: secretome.DerivativePurifiedEVs},
		Composition: secretome.Composition{Analytes: []secretome.Analyte{
			{Name: "bFGF", Quantity: secretome.MustParseQuantity("96 nm")},
		}},
		Formulation: secretome.Formulation{DosageForm: secretome.DosageFormSpray},
	}
	for _, pr := range p.Check() {
		fmt.Printf("%-7s %s: %s\n", pr.Severity, pr.Path, pr.Code)
	}
	fmt.Println("valid:", p.Validate() == nil)
	// Output:
	// warning composition: ev.incomplete
	// error   composition.analytes[0].quantity.unit: unit
	// error   formulation.routes: required
	// warning release.tests: required
	// info    source.identity: isct.not_reported
	// valid: false
}

// The ISCT minimal criteria, item by item.
func ExampleISCT() {
	data, _ := os.ReadFile("testdata/wound_gel.json")
	p, _ := secretome.DecodeProduct(data)
	p.Source.Identity.Differentiation.Adipogenic = false
	cl := secretome.ISCT(&p.Source)
	for _, c := range cl.Criteria {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-12s %s %s", c.Status, c.ID, c.Detail)))
	}
	// Output:
	// met          isct.plastic_adherence
	// met          isct.positive_markers
	// met          isct.negative_markers
	// not_met      isct.trilineage not shown: adipogenic
}

// EV characterisation lists what an EV product documents and what it lacks.
func ExampleEVCharacterisation() {
	p := &secretome.Product{
		Derivative: secretome.Derivative{Type: secretome.DerivativePurifiedEVs, Processing: []secretome.ProcessingStep{
			{Step: secretome.StepUltracentrifugation},
		}},
		Composition: secretome.Composition{
			TotalProtein: secretome.MustParseQuantity("120 µg/mL"),
			Vesicles: &secretome.Vesicles{
				ParticleConcentration: secretome.MustParseQuantity("3.1e10 particles/mL"),
				SizeMode:              secretome.MustParseQuantity("118 nm"),
				SizeMethod:            secretome.AssayNTA,
				PositiveMarkers:       []string{"CD63", "CD81"},
			},
		},
	}
	cl := secretome.EVCharacterisation(p)
	fmt.Printf("%d of %d items documented\n", cl.Count(secretome.StatusMet), len(cl.Criteria))
	for _, c := range cl.Criteria {
		if c.Status != secretome.StatusMet {
			fmt.Println("missing:", c.ID)
		}
	}
	// Output:
	// 5 of 12 items documented
	// missing: ev.source_amount
	// missing: ev.marker_cytosolic
	// missing: ev.marker_count
	// missing: ev.marker_negative
	// missing: ev.imaging
	// missing: ev.medium
	// missing: ev.harvest_viability
}

// Conformance compares a batch with the release specification, across
// units and exactly.
func ExampleReleaseSpec_Conformance() {
	spec := secretome.ReleaseSpec{Tests: []secretome.ReleaseTest{
		{Kind: secretome.TestSterility, Limit: secretome.Limit{Expect: secretome.OutcomeNegative}},
		{Kind: secretome.TestEndotoxin, Limit: secretome.Limit{Max: secretome.MustParseQuantity("0.5 EU/mL")}},
		{Kind: secretome.TestProteinContent, Limit: secretome.Limit{
			Min: secretome.MustParseQuantity("1.5 mg/mL"), Max: secretome.MustParseQuantity("2.5 mg/mL")}},
		{Kind: secretome.TestMycoplasma, Limit: secretome.Limit{Expect: secretome.OutcomeNegative}},
	}}
	batch := secretome.Batch{ID: "B-7", Results: []secretome.TestResult{
		{Kind: secretome.TestSterility, Outcome: secretome.OutcomeNegative},
		{Kind: secretome.TestEndotoxin, Value: secretome.MustParseQuantity("0.51 EU/mL")},
		{Kind: secretome.TestProteinContent, Value: secretome.MustParseQuantity("2500 µg/mL")},
	}}
	for _, d := range spec.Conformance(&batch) {
		fmt.Printf("%s %s: %s\n", d.Kind, d.Path, d.Message)
	}
	// Output:
	// out_of_limit results[1]: 0.51 EU/mL is above the limit ≤ 0.5 EU/mL
	// missing release.tests[3]: no result for mycoplasma
}
