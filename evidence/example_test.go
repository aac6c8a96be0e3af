package evidence_test

import (
	"errors"
	"fmt"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
)

// woundCaseReports returns five fictional case reports of a UC-MSC
// secretome gel, one per wound indication. They carry no identifiers: the
// citations are invented for the example.
func woundCaseReports() []evidence.Study {
	one := 1
	cases := []struct{ id, condition, title string }{
		{"cr-pv", "L10.0", "Pemphigus vulgaris erosions healed with a secretome gel"},
		{"cr-pg", "L88", "Pyoderma gangrenosum ulcer healed with a secretome gel"},
		{"cr-pu", "L89", "Sacral pressure ulcer healed with a secretome gel"},
		{"cr-burn", "T24", "Partial-thickness leg burn healed with a secretome gel"},
		{"cr-acd", "L23", "Allergic contact dermatitis cleared with a secretome gel"},
	}
	var out []evidence.Study
	for _, c := range cases {
		out = append(out, evidence.Study{
			ID: c.id, Title: c.title, Year: 2024, Design: evidence.DesignCaseReport,
			Population:   evidence.Population{Condition: c.condition, Size: &one, Country: "ID"},
			Intervention: evidence.Intervention{ProductID: "uc-msc-gel", Description: "UC-MSC secretome gel, once daily"},
			Outcomes: []evidence.Outcome{{Name: "complete healing", Type: evidence.OutcomeBinary,
				TimePoint: evidence.TimePoint{Value: 4, Unit: evidence.Weeks}, Result: "healed completely"}},
			Funding:   evidence.Funding{Kind: evidence.FundingIndustry, Sponsor: "gel maker"},
			Conflicts: evidence.Conflicts{Status: evidence.ConflictsDeclared, Statement: "authors employed by the maker"},
		})
	}
	return out
}

// Five case reports, one per indication, each appraised for its own
// indication: a case report is CEBM level 4 (treated as a case series)
// and, alone, very low certainty evidence.
func Example_woundCaseReports() {
	studies := woundCaseReports()
	for _, s := range studies {
		if err := s.Validate(); err != nil {
			fmt.Println(err)
			return
		}
		a := evidence.Appraise([]evidence.Study{s}, s.Population.Condition)
		fmt.Printf("%-7s %-5s CEBM level %d, GRADE %s\n", s.ID, s.Population.Condition, a.BestLevel, a.Certainty.Display())
	}

	// All five as one body for the product, whatever the indication.
	a, err := evidence.Appraiser{}.Appraise(studies, evidence.Question{ProductID: "uc-msc-gel"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println()
	for _, r := range a.Reasons {
		fmt.Println("-", r)
	}
	// Output:
	// cr-pv   L10.0 CEBM level 4, GRADE Very low ⊕○○○
	// cr-pg   L88   CEBM level 4, GRADE Very low ⊕○○○
	// cr-pu   L89   CEBM level 4, GRADE Very low ⊕○○○
	// cr-burn T24   CEBM level 4, GRADE Very low ⊕○○○
	// cr-acd  L23   CEBM level 4, GRADE Very low ⊕○○○
	//
	// - best CEBM 2011 level 4 (cr-acd): case report: level 4 (inferred: CEBM 2011 lists case series; a single case report is treated as at most a case series)
	// - start very_low: 5 case report(s) or case series: very low (Cochrane Handbook 5.1, Table 12.2.a)
	// - risk_of_bias not assessed: no comparative study: RoB 2 and ROBINS-I do not apply to case reports or case series, whose very low start already reflects the missing control group
	// - inconsistency not assessed: fewer than two effect estimates: inconsistency cannot be assessed
	// - imprecision -1: serious: no comparative effect estimate, and only 5 participants (in 5 studies of known size), below the optimal information size of 400 (the library's rule of thumb, GradeOptions.OISParticipants)
	// - publication_bias flagged (not rated): 5 studies, fewer than 10 (the library's choice, GradeOptions.MinStudiesPublicationBias): publication bias cannot be assessed from the data; flagged: every study is small (under 100 participants, the library's choice, GradeOptions.SmallStudySize) and industry-funded, a known warning sign of publication bias
	// - large_effect not assessed: no effect estimate
	// - dose_response not assessed: a dose-response gradient is not computed from the data; a reviewer may judge it with an override
	// - plausible_confounding not assessed: the effect of plausible residual confounding is not computed from the data; a reviewer may judge it with an override
	// - certainty very_low (score 0)
}

// The overall RoB 2 judgement is derived from the five domains. Several
// domains with some concerns stay "some concerns" unless the reviewer
// escalates with a written reason.
func ExampleRoB2_Overall() {
	r := &evidence.RoB2{
		Randomisation:  evidence.RoB2Low,
		Deviations:     evidence.RoB2SomeConcerns,
		MissingData:    evidence.RoB2SomeConcerns,
		Measurement:    evidence.RoB2Low,
		ReportedResult: evidence.RoB2Low,
	}
	fmt.Println(r.Overall(evidence.RoB2Options{}).Judgement)

	r.Escalation = "unblinded wound assessment and 20 % loss to follow-up act together"
	o := r.Overall(evidence.RoB2Options{})
	fmt.Println(o.Judgement, o.Escalated)

	r.MissingData = evidence.RoB2High
	fmt.Println(r.Overall(evidence.RoB2Options{}).Reason)
	// Output:
	// some_concerns
	// high true
	// high: bias due to missing outcome data is at high risk of bias
}

// A reviewer overrides a computed GRADE domain. The justification is
// required, and the assessment keeps the computed value it replaced.
func ExampleGrade_override() {
	n := 200
	rct := evidence.Study{
		ID: "rct", Title: "Fictional trial", Year: 2025, Design: evidence.DesignRandomisedControlledTrial,
		Population:   evidence.Population{Condition: "L89", Size: &n},
		Intervention: evidence.Intervention{ProductID: "uc-msc-gel"},
		Comparator:   evidence.Comparator{Kind: evidence.ComparatorPlacebo},
		Outcomes: []evidence.Outcome{{Name: "complete healing", Type: evidence.OutcomeBinary,
			Raw: &evidence.RawData{EventsTreated: ptr(300), TotalTreated: ptr(600), EventsControl: ptr(200), TotalControl: ptr(600)}}},
		RiskOfBias: evidence.RiskOfBias{RoB2: &evidence.RoB2{Randomisation: evidence.RoB2Low, Deviations: evidence.RoB2Low,
			MissingData: evidence.RoB2Low, Measurement: evidence.RoB2Low, ReportedResult: evidence.RoB2Low}},
	}
	body := evidence.Body{Question: evidence.Question{Indication: "L89", ProductID: "uc-msc-gel"}, Studies: []evidence.Study{rct}}

	_, err := evidence.Grade(body, evidence.GradeOptions{Overrides: []evidence.Override{
		{Domain: evidence.DomainIndirectness, Effect: -1}}})
	fmt.Println(err)

	a, err := evidence.Grade(body, evidence.GradeOptions{Overrides: []evidence.Override{
		{Domain: evidence.DomainIndirectness, Effect: -1, Justification: "healing judged from photographs, not by a clinician"}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := a.Domain(evidence.DomainIndirectness)
	fmt.Printf("%s: %+d (computed %+d), overridden: %s\n", d.Domain, d.Effect, d.Computed, d.Justification)
	fmt.Println(a.Start, "->", a.Certainty.Display())
	// Output:
	// evidence: invalid grade options: 1 error
	// 	overrides[0].justification: an override of indirectness needs a written justification [required]
	// indirectness: -1 (computed +0), overridden: healing judged from photographs, not by a clinician
	// high -> Moderate ⊕⊕⊕○
}

func ptr(v int) *int { return &v }

// Decoding reports every problem with its path, stable code and line;
// errors.As reaches the list.
func ExampleDecodeStudy_errors() {
	doc := []byte(`{
  "id": "trial-1",
  "title": "Fictional trial",
  "year": 2024,
  "design": "rct",
  "population": {"condition": "pressure ulcer"},
  "intervention": {"product_id": "uc-msc-gel"},
  "outcomes": [{"name": "healing", "type": "binary", "time_point": {"value": 8, "unit": "week"},
    "raw": {"events_treated": 12, "total_treated": 10, "events_control": 4, "total_control": 10}}],
  "funding": {"kind": "industry", "sponsor": "gel maker"},
  "conflicts": {"status": "none_declared"},
  "colour": "blue"
}`)
	_, err := evidence.DecodeStudy(doc)
	var ve *secretome.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("line %d: %s [%s, %s]\n", p.Line, p.Path, p.Code, p.Severity)
		}
		fmt.Println("errors:", ve.Count(secretome.SeverityError), "has enum problem:", ve.Has(secretome.CodeEnum))
	}
	// Output:
	// line 12: colour [field.unknown, error]
	// line 5: design [enum, error]
	// line 9: outcomes[0].raw.events_treated [inconsistent, error]
	// line 6: population.condition [format, error]
	// errors: 4 has enum problem: true
}
