package evidence

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLevelBase(t *testing.T) {
	tests := []struct {
		name     string
		design   Design
		cmp      ComparatorKind
		review   *Review
		kind     QuestionKind
		want     int
		inferred bool
		reason   string
	}{
		{"sr of rcts", DesignSystematicReview, 0, &Review{Designs: []Design{DesignRandomisedControlledTrial}}, QuestionBenefits, 1, false, "SR of randomised trials is level 1"},
		{"ma of rcts harms", DesignMetaAnalysis, 0, &Review{Designs: []Design{DesignRandomisedControlledTrial}}, QuestionHarms, 1, false, "also for harms"},
		{"sr mixed", DesignSystematicReview, 0, &Review{Designs: []Design{DesignRandomisedControlledTrial, DesignCohortProspective}}, QuestionBenefits, 3, true, "a review with cohorts is not level 1; weakest design"},
		{"sr of case series", DesignSystematicReview, 0, &Review{Designs: []Design{DesignCaseSeries}}, QuestionBenefits, 4, true, "review of case series"},
		{"sr without designs", DesignSystematicReview, 0, nil, QuestionBenefits, 0, false, "cannot be levelled"},
		{"rct", DesignRandomisedControlledTrial, ComparatorPlacebo, nil, QuestionBenefits, 2, false, "RCT is level 2"},
		{"rct harms", DesignRandomisedControlledTrial, ComparatorPlacebo, nil, QuestionHarms, 2, false, "individual RCT for harms"},
		{"nrct", DesignNonRandomisedControlledTrial, ComparatorStandardCare, nil, QuestionBenefits, 3, false, "non-randomised controlled trial is level 3"},
		{"prospective cohort", DesignCohortProspective, ComparatorStandardCare, nil, QuestionBenefits, 3, false, "controlled cohort is level 3"},
		{"retrospective cohort", DesignCohortRetrospective, ComparatorActive, nil, QuestionHarms, 3, false, "controlled cohort for harms"},
		{"historically controlled", DesignCohortRetrospective, ComparatorHistorical, nil, QuestionBenefits, 4, false, "historical controls are level 4"},
		{"case-control", DesignCaseControl, ComparatorNoTreatment, nil, QuestionBenefits, 4, false, "case-control is level 4"},
		{"case series", DesignCaseSeries, 0, nil, QuestionBenefits, 4, false, "case series is level 4"},
		{"case report", DesignCaseReport, 0, nil, QuestionBenefits, 4, true, "case report treated as case series (inference)"},
		{"in vitro", DesignInVitro, 0, nil, QuestionBenefits, 5, false, "mechanism-based reasoning"},
		{"animal", DesignAnimal, 0, nil, QuestionHarms, 5, false, "mechanism-based reasoning"},
		{"unknown", DesignUnknown, 0, nil, QuestionBenefits, 0, false, "no design, no level"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Study{Design: tc.design, Comparator: Comparator{Kind: tc.cmp}, Review: tc.review}
			got := Level(&s, Question{Kind: tc.kind})
			assert.Equal(t, tc.want, got.Base, tc.reason)
			assert.Equal(t, tc.want, got.Level, "%s: nothing to adjust", tc.reason)
			assert.Equal(t, tc.inferred, got.Inferred, tc.reason)
			assert.NotEmpty(t, got.Basis, tc.reason)
		})
	}
}

func TestLevelAdjustments(t *testing.T) {
	lowRoB := RiskOfBias{RoB2: &RoB2{RoB2Low, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}}
	binary := func(et, nt, ec, nc int) []Outcome {
		return []Outcome{{Name: "closure", Type: OutcomeBinary, Raw: &RawData{EventsTreated: ptr(et), TotalTreated: ptr(nt), EventsControl: ptr(ec), TotalControl: ptr(nc)}}}
	}
	rct := func(edit func(s *Study)) *Study {
		s := &Study{Design: DesignRandomisedControlledTrial, Comparator: Comparator{Kind: ComparatorPlacebo},
			Population: Population{Condition: "L89.1"}, Intervention: Intervention{ProductID: "gel"},
			Outcomes: binary(40, 100, 30, 100), RiskOfBias: lowRoB}
		if edit != nil {
			edit(s)
		}
		return s
	}
	q := Question{Indication: "L89", ProductID: "gel"}
	tests := []struct {
		name   string
		study  *Study
		q      Question
		opt    LevelOptions
		rules  []string
		level  int
		reason string
	}{
		{"precise moderate effect", rct(func(s *Study) { s.Outcomes = binary(60, 200, 40, 200) }), q, LevelOptions{}, nil, 2, "RR 1.5 with a CI above 1: nothing to adjust"},
		{"imprecise", rct(nil), q, LevelOptions{}, []string{RuleImprecision}, 3, "RR 1.33 whose CI includes 1"},
		{"high risk of bias", rct(func(s *Study) {
			s.Outcomes = binary(60, 200, 40, 200)
			s.RiskOfBias.RoB2 = &RoB2{RoB2High, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}
		}), q, LevelOptions{}, []string{RuleQuality}, 3, "RoB 2 high grades quality down"},
		{"some concerns only", rct(func(s *Study) {
			s.Outcomes = binary(60, 200, 40, 200)
			s.RiskOfBias.RoB2 = &RoB2{RoB2SomeConcerns, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}
		}), q, LevelOptions{}, nil, 2, "some concerns alone does not grade down"},
		{"threshold escalation", rct(func(s *Study) {
			s.Outcomes = binary(60, 200, 40, 200)
			s.RiskOfBias.RoB2 = &RoB2{RoB2SomeConcerns, RoB2SomeConcerns, RoB2Low, RoB2Low, RoB2Low, ""}
		}), q, LevelOptions{RoB2: RoB2Options{MultipleConcernsThreshold: 2}}, []string{RuleQuality}, 3, "the opt-in threshold escalates to high"},
		{"other condition", rct(func(s *Study) { s.Outcomes = binary(60, 200, 40, 200); s.Population.Condition = "L88" }), q, LevelOptions{}, []string{RuleIndirectness}, 3, "L88 is not covered by L89"},
		{"other product", rct(func(s *Study) { s.Outcomes = binary(60, 200, 40, 200); s.Intervention.ProductID = "other" }), q, LevelOptions{}, []string{RuleIndirectness}, 3, "another product is indirect"},
		{"both indirect is one step", rct(func(s *Study) {
			s.Outcomes = binary(60, 200, 40, 200)
			s.Intervention.ProductID = "other"
			s.Population.Condition = "L88"
		}), q, LevelOptions{}, []string{RuleIndirectness}, 3, "indirectness is one footnote reason"},
		{"small absolute effect", rct(func(s *Study) { s.Outcomes = binary(150, 10000, 10, 10000) }), q, LevelOptions{}, []string{RuleSmallEffect}, 3, "RD 1.4 points below the 2-point default even though RR is 15"},
		{"large effect cohort", &Study{Design: DesignCohortProspective, Comparator: Comparator{Kind: ComparatorStandardCare},
			Population: Population{Condition: "L89"}, Intervention: Intervention{ProductID: "gel"}, Outcomes: binary(80, 100, 20, 100),
			RiskOfBias: RiskOfBias{ROBINSI: &ROBINSI{ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow}}},
			q, LevelOptions{}, []string{RuleLargeEffect}, 2, "RR 4 graded up one step (observational study with dramatic effect)"},
		{"large effect blocked", &Study{Design: DesignCohortProspective, Comparator: Comparator{Kind: ComparatorStandardCare},
			Population: Population{Condition: "L88"}, Intervention: Intervention{ProductID: "gel"}, Outcomes: binary(80, 100, 20, 100)},
			q, LevelOptions{}, []string{RuleIndirectness}, 4, "no upgrade once graded down"},
		{"review inconsistency", &Study{Design: DesignMetaAnalysis, Population: Population{Condition: "L89"}, Intervention: Intervention{ProductID: "gel"},
			Review:   &Review{Designs: []Design{DesignRandomisedControlledTrial}, I2: ptr(80.0)},
			Outcomes: []Outcome{{Name: "closure", Type: OutcomeBinary, Reported: &ReportedEffect{Measure: MeasureRR, Estimate: ptr(1.5), Lower: ptr(1.2), Upper: ptr(1.9), Level: 0.95}}}},
			q, LevelOptions{}, []string{RuleInconsistency}, 2, "I² 80 % above the 50 % default"},
		{"review i2 under custom threshold", &Study{Design: DesignMetaAnalysis, Population: Population{Condition: "L89"}, Intervention: Intervention{ProductID: "gel"},
			Review:   &Review{Designs: []Design{DesignRandomisedControlledTrial}, I2: ptr(80.0)},
			Outcomes: []Outcome{{Name: "closure", Type: OutcomeBinary, Reported: &ReportedEffect{Measure: MeasureRR, Estimate: ptr(1.5), Lower: ptr(1.2), Upper: ptr(1.9), Level: 0.95}}}},
			q, LevelOptions{InconsistencyI2: 90}, nil, 1, "threshold is an option"},
		{"clamped at 5", &Study{Design: DesignAnimal, Intervention: Intervention{ProductID: "other"}}, q, LevelOptions{}, []string{RuleIndirectness}, 5, "level 6 clamps to 5"},
		{"named outcome missing", rct(nil), Question{Outcome: "pain"}, LevelOptions{}, nil, 2, "no such outcome: the effect is not graded"},
		{"named outcome matched", rct(func(s *Study) {
			s.Outcomes = append(binary(60, 200, 40, 200), Outcome{Name: "Pain", Type: OutcomeBinary,
				Raw: &RawData{EventsTreated: ptr(10), TotalTreated: ptr(20), EventsControl: ptr(9), TotalControl: ptr(20)}})
		}), Question{Outcome: "pain"}, LevelOptions{}, []string{RuleImprecision}, 3, "the question picks the second outcome, case-insensitively"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.opt.Level(tc.study, tc.q)
			var rules []string
			for _, a := range got.Adjustments {
				rules = append(rules, a.Rule)
				assert.NotEmpty(t, a.Reason, "every step is explained")
			}
			assert.Equal(t, tc.rules, rules, tc.reason)
			assert.Equal(t, tc.level, got.Level, tc.reason)
		})
	}
}

func TestLevelNil(t *testing.T) {
	got := Level(nil, Question{})
	require.Equal(t, 0, got.Level)
	assert.NotEmpty(t, got.Basis)
}
