package evidence_test

import (
	"fmt"

	"github.com/openregen/secretomekit/evidence"
)

// fictionalCohorts returns two fictional registry cohorts of 4,000
// patients each (2,000 per group), assessed with ROBINS-I: every domain at
// low risk except confounding.
func fictionalCohorts(confounding evidence.ROBINSJudgement) []evidence.Study {
	cohort := func(id string) evidence.Study {
		n, et, nt, ec, nc := 4000, 1000, 2000, 750, 2000
		rob := evidence.ROBINSI{Confounding: confounding, Selection: evidence.ROBINSLow,
			Classification: evidence.ROBINSLow, Deviations: evidence.ROBINSLow, MissingData: evidence.ROBINSLow,
			Measurement: evidence.ROBINSLow, ReportedResult: evidence.ROBINSLow}
		return evidence.Study{
			ID: id, Title: "Fictional registry cohort " + id, Year: 2025, Design: evidence.DesignCohortRetrospective,
			Population:   evidence.Population{Condition: "L89.1", Size: &n},
			Intervention: evidence.Intervention{ProductID: "uc-msc-gel"},
			Comparator:   evidence.Comparator{Kind: evidence.ComparatorStandardCare},
			Outcomes: []evidence.Outcome{{Name: "complete closure", Type: evidence.OutcomeBinary,
				Raw: &evidence.RawData{EventsTreated: &et, TotalTreated: &nt, EventsControl: &ec, TotalControl: &nc}}},
			RiskOfBias: evidence.RiskOfBias{ROBINSI: &rob},
		}
	}
	return []evidence.Study{cohort("registry-north"), cohort("registry-south")}
}

// A body of non-randomised studies assessed with ROBINS-I starts high and
// is rated down by the ROBINS-I judgement (GRADE guidelines 18): serious
// risk of bias −2, moderate −1. Confounding is counted once.
func ExampleGrade_robinsICohorts() {
	q := evidence.Question{Indication: "L89", ProductID: "uc-msc-gel", Outcome: "complete closure"}
	for _, j := range []evidence.ROBINSJudgement{evidence.ROBINSSerious, evidence.ROBINSModerate} {
		a, err := evidence.Grade(evidence.Body{Question: q, Studies: fictionalCohorts(j)}, evidence.GradeOptions{})
		if err != nil {
			fmt.Println(err)
			return
		}
		rob, _ := a.Domain(evidence.DomainRiskOfBias)
		fmt.Printf("confounding %s: start %s, risk of bias %+d, certainty %s\n", j, a.Start, rob.Effect, a.Certainty.Display())
	}
	// Output:
	// confounding serious: start high, risk of bias -2, certainty Low ⊕⊕○○
	// confounding moderate: start high, risk of bias -1, certainty Moderate ⊕⊕⊕○
}

// Randomised trials and cohorts reporting the same outcome are pooled and
// rated as two bodies; the one of higher certainty leads, and the other is
// kept beside it.
func ExampleGrade_mixedBody() {
	studies := append(fictionalTrials(), fictionalCohorts(evidence.ROBINSSerious)...)
	q := evidence.Question{Indication: "L89", ProductID: "uc-msc-gel", Outcome: "complete closure"}
	a, err := evidence.Grade(evidence.Body{Question: q, Studies: studies}, evidence.GradeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range []*evidence.Assessment{&a, a.Other} {
		rr, ci, _ := b.Estimate.BackTransform()
		fmt.Printf("%s: RR %.2f [%.2f, %.2f] from %v, certainty %s\n", b.Body.Words(), rr, ci.Lower, ci.Upper, b.EstimateStudies, b.Certainty.Display())
	}
	fmt.Println(a.Lead)
	// Output:
	// randomised evidence: RR 1.86 [1.29, 2.68] from [trial-a trial-b], certainty Moderate ⊕⊕⊕○
	// non-randomised evidence: RR 1.33 [1.27, 1.40] from [registry-north registry-south], certainty Low ⊕⊕○○
	// randomised and non-randomised evidence rated separately (Cochrane Handbook ch. 14 and 24); the randomised evidence leads: its certainty (moderate) is higher than that of the non-randomised evidence (low)
}
