package evidence_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/openregen/secretomekit/evidence"
)

// fictionalTrials returns two small fictional randomised trials of a
// secretome gel for pressure ulcers, assessed with RoB 2.
func fictionalTrials() []evidence.Study {
	low := evidence.RoB2{Randomisation: evidence.RoB2Low, Deviations: evidence.RoB2Low,
		MissingData: evidence.RoB2Low, Measurement: evidence.RoB2Low, ReportedResult: evidence.RoB2Low}
	trial := func(id string, year, et, nt, ec, nc int) evidence.Study {
		n := nt + nc
		return evidence.Study{
			ID: id, Title: "Fictional trial " + id, Year: year, Design: evidence.DesignRandomisedControlledTrial,
			Population:   evidence.Population{Condition: "L89.1", Size: &n},
			Intervention: evidence.Intervention{ProductID: "uc-msc-gel"},
			Comparator:   evidence.Comparator{Kind: evidence.ComparatorPlacebo, Description: "vehicle gel"},
			Outcomes: []evidence.Outcome{{Name: "complete closure", Type: evidence.OutcomeBinary,
				TimePoint: evidence.TimePoint{Value: 12, Unit: evidence.Weeks},
				Raw:       &evidence.RawData{EventsTreated: &et, TotalTreated: &nt, EventsControl: &ec, TotalControl: &nc}}},
			Funding:    evidence.Funding{Kind: evidence.FundingPublic, Sponsor: "research council"},
			Conflicts:  evidence.Conflicts{Status: evidence.ConflictsNone},
			RiskOfBias: evidence.RiskOfBias{RoB2: &low},
		}
	}
	return []evidence.Study{trial("trial-a", 2023, 30, 60, 15, 60), trial("trial-b", 2024, 24, 50, 14, 50)}
}

// Decode a study from strict JSON; a valid study comes back with its
// warnings available from Problems.
func ExampleDecodeStudy() {
	data, err := os.ReadFile("testdata/rct_valid.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := evidence.DecodeStudy(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.ID, s.Design, s.Population.Condition)
	for _, o := range s.Outcomes {
		fmt.Printf("- %s (%s, %s)\n", o.Name, o.Type, o.TimePoint)
	}
	b, why := s.Bias(evidence.RoB2Options{})
	fmt.Println("risk of bias:", b, "-", why)
	fmt.Println("warnings:", len(s.Check()))
	// Output:
	// rct-pu-2024 randomised_controlled_trial L89.1
	// - complete closure (binary, 12 week)
	// - wound area (continuous, day 28)
	// - time to closure (time_to_event, 6 month)
	// risk of bias: moderate - RoB 2 some concerns: bias due to deviations from intended interventions raises some concerns and no domain is high
	// warnings: 0
}

// The CEBM level of one trial for a question: a randomised trial starts
// at level 2, and each reason in the table's footnote moves it one step.
func ExampleLevel() {
	s := fictionalTrials()[0]
	r := evidence.Level(&s, evidence.Question{Indication: "L89", ProductID: "uc-msc-gel"})
	fmt.Println("level", r.Level, "from base", r.Base)
	fmt.Println(r.Basis)

	// The same trial asked about another product is indirect evidence.
	r = evidence.Level(&s, evidence.Question{Indication: "L89", ProductID: "other-gel"})
	fmt.Println("level", r.Level)
	for _, a := range r.Adjustments {
		fmt.Printf("%s for %s: %s\n", a.Direction, a.Rule, a.Reason)
	}
	// Output:
	// level 2 from base 2
	// randomised trial: level 2 (treatment benefits)
	// level 3
	// down for indirectness: the intervention is product uc-msc-gel, not other-gel
}

// Grade a body of evidence for one outcome: the start from the designs,
// then each GRADE domain with its reason.
func ExampleGrade() {
	body := evidence.Body{
		Question: evidence.Question{Indication: "L89", ProductID: "uc-msc-gel", Outcome: "complete closure"},
		Studies:  fictionalTrials(),
	}
	a, err := evidence.Grade(body, evidence.GradeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	rr, ci, _ := a.Estimate.BackTransform()
	fmt.Printf("pooled RR %.2f [%.2f, %.2f] from %s\n", rr, ci.Lower, ci.Upper, strings.Join(a.EstimateStudies, ", "))
	for _, r := range a.Reasons() {
		fmt.Println(r)
	}
	fmt.Println(a.Certainty.Display())
	// Output:
	// pooled RR 1.86 [1.29, 2.68] from trial-a, trial-b
	// start high: 2 randomised trial(s) or review(s) of randomised trials: randomised evidence starts high
	// imprecision -1: serious: 83 events are below the optimal information size of 300 events (the library's rule of thumb, GradeOptions.OISEvents); the confidence interval of rr 1.86 (95 % CI 1.29 to 2.68) excludes no effect
	// publication_bias not assessed: 2 studies, fewer than 10 (the library's choice, GradeOptions.MinStudiesPublicationBias): publication bias cannot be assessed from the data
	// dose_response not assessed: a dose-response gradient is not computed from the data; a reviewer may judge it with an override
	// plausible_confounding not assessed: the effect of plausible residual confounding is not computed from the data; a reviewer may judge it with an override
	// certainty moderate (score 3)
	// Moderate ⊕⊕⊕○
}

// Appraise is the short form for checking a claim: the best CEBM level and
// the GRADE certainty of the cited studies for an indication.
func ExampleAppraise() {
	a := evidence.Appraise(fictionalTrials(), "L89")
	fmt.Println("best level", a.BestLevel, "from", a.BestLevelStudy)
	fmt.Println("certainty", a.Certainty.Display())
	// Output:
	// best level 2 from trial-a
	// certainty Moderate ⊕⊕⊕○
}

// Summarize makes one row per indication and outcome, each with its
// levels, its GRADE certainty and, when two or more studies can be
// pooled, the meta-analysis.
func ExampleSummarize() {
	studies := append(fictionalTrials(), woundCaseReports()...)
	sum := evidence.Summarize(studies, evidence.Question{ProductID: "uc-msc-gel"})
	for _, row := range sum.Rows {
		pooled := "-"
		if row.Pooled != nil {
			rr, _, _ := row.Pooled.BackTransform()
			pooled = fmt.Sprintf("RR %.2f (k=%d)", rr, row.Pooled.K)
		}
		fmt.Printf("%-5s %-16s studies %d, best level %d, %s, pooled %s\n", row.Indication, row.Outcome,
			len(row.Studies), row.BestLevel, row.Assessment.Certainty, pooled)
	}
	// Output:
	// L10.0 complete healing studies 1, best level 4, very_low, pooled -
	// L23   complete healing studies 1, best level 4, very_low, pooled -
	// L88   complete healing studies 1, best level 4, very_low, pooled -
	// L89   complete healing studies 1, best level 4, very_low, pooled -
	// L89.1 complete closure studies 2, best level 2, moderate, pooled RR 1.86 (k=2)
	// T24   complete healing studies 1, best level 4, very_low, pooled -
}

// Compute effects, pool them and draw the forest plot as SVG.
func ExampleWriteForestSVG() {
	var effects []evidence.Effect
	for _, s := range fictionalTrials() {
		e, err := s.Outcomes[0].Effect(evidence.MeasureRR)
		if err != nil {
			fmt.Println(err)
			return
		}
		e.Label = s.ID
		effects = append(effects, e)
	}
	res, err := evidence.Pool(effects, evidence.PoolOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var svg bytes.Buffer
	err = evidence.WriteForestSVG(&svg, effects, res, evidence.ForestOptions{
		Title: "Complete closure at 12 weeks", FavoursLeft: "Favours vehicle", FavoursRight: "Favours gel"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(svg.String(), `<g class="study">`), "study rows")
	fmt.Println(strings.Contains(svg.String(), "Random effects (REML)"))

	// Options out of range are reported, by their snake_case names, before
	// anything is written.
	svg.Reset()
	err = evidence.WriteForestSVG(&svg, effects, res, evidence.ForestOptions{Width: 100})
	printProblems(err)
	fmt.Println(svg.Len(), "bytes written")
	// Output:
	// 2 study rows
	// true
	// width (range): must be at least 480 pixels, got 100
	// 0 bytes written
}
