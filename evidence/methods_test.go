package evidence

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests in this file check each judgement against the published
// method it follows, with the worked examples of those methods. Each test
// names its source.

// robins returns a ROBINS-I assessment at low risk in every domain but
// confounding.
func robins(confounding ROBINSJudgement) *ROBINSI {
	return &ROBINSI{confounding, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow}
}

// cohort4000 is a cohort of 4,000 participants (2,000 per group) with a
// precise risk ratio of 0.75 and the given ROBINS-I assessment.
func cohort4000(id string, rob *ROBINSI) Study {
	s := trial(id, DesignCohortProspective, 300, 2000, 400, 2000)
	s.RiskOfBias = RiskOfBias{ROBINSI: rob}
	return s
}

// TestGRADE18ROBINSIStart follows GRADE guidelines 18 (Schünemann et al.,
// J Clin Epidemiol 2019;111:105-114): non-randomised studies assessed with
// ROBINS-I start high and are rated down by the ROBINS-I judgement
// (moderate −1, serious −2, critical −3); other non-randomised bodies start
// low (Cochrane Handbook 5.1, Table 12.2.a), and confounding is never
// counted twice.
func TestGRADE18ROBINSIStart(t *testing.T) {
	tests := []struct {
		name    string
		studies []Study
		start   Certainty
		rob     int
		want    Certainty
	}{
		{"two cohorts of 4,000, ROBINS-I serious only for confounding", []Study{cohort4000("c1", robins(ROBINSSerious)), cohort4000("c2", robins(ROBINSSerious))}, CertaintyHigh, -2, CertaintyLow},
		{"the same at moderate", []Study{cohort4000("c1", robins(ROBINSModerate)), cohort4000("c2", robins(ROBINSModerate))}, CertaintyHigh, -1, CertaintyModerate},
		{"the same at critical", []Study{cohort4000("c1", robins(ROBINSCritical)), cohort4000("c2", robins(ROBINSCritical))}, CertaintyHigh, -3, CertaintyVeryLow},
		{"the same at low", []Study{cohort4000("c1", robins(ROBINSLow)), cohort4000("c2", robins(ROBINSLow))}, CertaintyHigh, 0, CertaintyHigh},
		{"no information counts as serious by default", []Study{cohort4000("c1", robins(ROBINSNoInformation)), cohort4000("c2", robins(ROBINSNoInformation))}, CertaintyHigh, -2, CertaintyLow},
		{"without ROBINS-I: start low, confounding not counted again", []Study{
			with(cohort4000("c1", nil), func(s *Study) {
				s.RiskOfBias.ROBINSI = &ROBINSI{ROBINSSerious, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSNotAssessed}
			}),
			with(cohort4000("c2", nil), func(s *Study) {
				s.RiskOfBias.ROBINSI = &ROBINSI{ROBINSSerious, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSNotAssessed}
			}),
		}, CertaintyLow, -1, CertaintyVeryLow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, Body{q89, tc.studies}, GradeOptions{})
			assert.Equal(t, tc.start, a.Start, a.StartReason)
			d, _ := a.Domain(DomainRiskOfBias)
			assert.Equal(t, tc.rob, d.Effect, d.Reason)
			assert.Equal(t, tc.want, a.Certainty, "%v", a.Reasons())
			if tc.start == CertaintyHigh {
				assert.Contains(t, a.StartReason, "GRADE guidelines 18")
			}
			assert.Contains(t, d.Reason, "library's choice", "the share that decides is labelled as a choice")
		})
	}
	a := mustGrade(t, Body{q89, []Study{cohort4000("c1", robins(ROBINSNoInformation)), cohort4000("c2", robins(ROBINSNoInformation))}}, GradeOptions{ROBINSNoInformation: ROBINSModerate})
	assert.Equal(t, CertaintyModerate, a.Certainty, "how no information counts is an option")
	_, err := Grade(Body{q89, nil}, GradeOptions{ROBINSNoInformation: ROBINSLow})
	assert.ErrorIs(t, err, ErrOptions)
}

// TestGRADE6Imprecision follows GRADE guidelines 6 (Guyatt et al., J Clin
// Epidemiol 2011;64:1283-1293): rate down when the interval includes no
// effect and an appreciable benefit or harm (rough guide: RR below 0.75 or
// above 1.25; a minimal important difference for continuous outcomes), or
// when the optimal information size is not met. A narrow interval around
// no effect is a precise finding.
func TestGRADE6Imprecision(t *testing.T) {
	md := func(id string, m1, m2 float64, n int) Study {
		return with(trial(id, DesignRandomisedControlledTrial, 1, 2, 1, 2), func(s *Study) {
			s.Outcomes[0] = Outcome{Name: "closure", Type: OutcomeContinuous, Raw: &RawData{MeanTreated: ptr(m1), SDTreated: ptr(2.0), NTreated: ptr(n), MeanControl: ptr(m2), SDControl: ptr(2.0), NControl: ptr(n)}}
		})
	}
	tests := []struct {
		name    string
		studies []Study
		opt     GradeOptions
		effect  int
		want    Certainty
	}{
		{"two large low-risk trials, RR 0.995 (0.94 to 1.05), stay high", []Study{
			trial("t1", DesignRandomisedControlledTrial, 995, 5000, 1000, 5000), trial("t2", DesignRandomisedControlledTrial, 995, 5000, 1000, 5000)}, GradeOptions{}, 0, CertaintyHigh},
		{"RR 0.89 (0.75 to 1.06) includes 1 and an appreciable benefit", []Study{trial("t", DesignRandomisedControlledTrial, 160, 500, 180, 500)}, GradeOptions{}, -1, CertaintyModerate},
		{"a narrower appreciable band is an option", []Study{trial("t", DesignRandomisedControlledTrial, 160, 500, 180, 500)}, GradeOptions{ImprecisionRatioLower: 0.7, ImprecisionRatioUpper: 1.3}, 0, CertaintyHigh},
		{"a precise effect below the information size", []Study{trial("t", DesignRandomisedControlledTrial, 60, 100, 30, 100)}, GradeOptions{}, -1, CertaintyModerate},
		{"an interval holding appreciable effects both ways and few events", []Study{trial("t", DesignRandomisedControlledTrial, 6, 10, 5, 10)}, GradeOptions{}, -2, CertaintyLow},
		{"mean difference inside the MID: precise", []Study{md("t", 0.05, 0, 2000)}, GradeOptions{MID: 0.5}, 0, CertaintyHigh},
		{"mean difference crossing the MID", []Study{md("t", 0.3, 0, 2000)}, GradeOptions{MID: 0.5}, 0, CertaintyHigh},
		{"mean difference without a MID: crossing 0 counts (the library's choice)", []Study{md("t", 0.05, 0, 2000)}, GradeOptions{}, -1, CertaintyModerate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, Body{q89, tc.studies}, tc.opt)
			d, _ := a.Domain(DomainImprecision)
			assert.Equal(t, tc.effect, d.Effect, d.Reason)
			assert.Equal(t, tc.want, a.Certainty, "%v", a.Reasons())
		})
	}
	a := mustGrade(t, Body{q89, tests[0].studies}, GradeOptions{})
	rr, ci, _ := a.Estimate.BackTransform()
	assert.InDelta(t, 0.995, rr, 0.0005)
	assert.InDelta(t, 0.94, ci.Lower, 0.005)
	assert.InDelta(t, 1.05, ci.Upper, 0.005)
	d, _ := a.Domain(DomainImprecision)
	assert.Contains(t, d.Reason, "no appreciable effect")
	assert.Contains(t, d.Reason, "GRADE guidelines 6")
	for _, bad := range []GradeOptions{{ImprecisionRatioLower: 1.1}, {ImprecisionRatioUpper: 0.9}, {MID: -1}} {
		_, err := Grade(Body{q89, nil}, bad)
		assert.ErrorIs(t, err, ErrOptions, "%+v", bad)
	}
}

// TestGRADE9LargeEffect follows GRADE guidelines 9 (Guyatt et al., J Clin
// Epidemiol 2011;64:1311-1316): +1 for RR > 2 or < 0.5, +2 for RR > 5 or
// < 0.2, only from consistent evidence of at least two studies; +2 also
// needs no serious risk-of-bias or imprecision concern; randomised
// evidence is not rated up unless the caller opts in.
func TestGRADE9LargeEffect(t *testing.T) {
	rr9 := func(id string, rob *ROBINSI) Study {
		s := trial(id, DesignCohortProspective, 450, 500, 50, 500)
		s.RiskOfBias = RiskOfBias{ROBINSI: rob}
		return s
	}
	tests := []struct {
		name    string
		studies []Study
		opt     GradeOptions
		effect  int
	}{
		{"one cohort, RR 9: not rated up", []Study{noTool(rr9("a", nil))}, GradeOptions{UpgradeDespiteDowngrade: true}, 0},
		{"two consistent cohorts, RR 9, no concern: +2", []Study{rr9("a", robins(ROBINSLow)), rr9("b", robins(ROBINSLow))}, GradeOptions{}, 2},
		{"two cohorts, RR 9, serious risk of bias: at most +1", []Study{rr9("a", robins(ROBINSSerious)), rr9("b", robins(ROBINSSerious))}, GradeOptions{UpgradeDespiteDowngrade: true}, 1},
		{"two cohorts, RR 9 and RR 0.11: inconsistent, not rated up", []Study{rr9("a", robins(ROBINSLow)), trial("b", DesignCohortProspective, 50, 500, 450, 500)}, GradeOptions{UpgradeDespiteDowngrade: true}, 0},
		{"two trials, RR 9: randomised evidence is not rated up", []Study{trial("a", DesignRandomisedControlledTrial, 450, 500, 50, 500), trial("b", DesignRandomisedControlledTrial, 450, 500, 50, 500)}, GradeOptions{}, 0},
		{"two trials, RR 9, opted in", []Study{trial("a", DesignRandomisedControlledTrial, 450, 500, 50, 500), trial("b", DesignRandomisedControlledTrial, 450, 500, 50, 500)}, GradeOptions{UpgradeRandomised: true}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, Body{q89, tc.studies}, tc.opt)
			d, _ := a.Domain(DomainLargeEffect)
			assert.Equal(t, tc.effect, d.Effect, d.Reason)
		})
	}
}

// TestHandbook24SeparateBodies follows the Cochrane Handbook (ch. 14 and
// 24; Cuello-García et al., J Clin Epidemiol 2022): randomised and
// non-randomised evidence for one outcome are pooled and rated
// separately, and the higher-certainty body is presented.
func TestHandbook24SeparateBodies(t *testing.T) {
	rct := trial("rct", DesignRandomisedControlledTrial, 60, 100, 40, 100)
	a := mustGrade(t, Body{q89, []Study{rct, cohort4000("c1", robins(ROBINSSerious)), cohort4000("c2", robins(ROBINSSerious))}}, GradeOptions{})
	require.NotNil(t, a.Other)
	assert.Equal(t, BodyRandomised, a.Body)
	assert.Equal(t, CertaintyModerate, a.Certainty, "one small trial: high −1 for imprecision")
	assert.Equal(t, []string{"rct"}, a.EstimateStudies, "the trial is pooled alone")
	assert.Equal(t, BodyNonRandomised, a.Other.Body)
	assert.Equal(t, CertaintyLow, a.Other.Certainty, "the cohorts: high −2 for ROBINS-I serious")
	assert.Equal(t, []string{"c1", "c2"}, a.Other.EstimateStudies)
	assert.Contains(t, a.Lead, "the randomised evidence leads")
	r := a.Reasons()
	assert.Contains(t, r[0], "rated separately")
	assert.Contains(t, r[1], "randomised evidence: start high")
	assert.Contains(t, r[len(r)-1], "non-randomised evidence: certainty low")

	a = mustGrade(t, Body{q89, []Study{rct, cohort4000("c1", robins(ROBINSLow)), cohort4000("c2", robins(ROBINSLow))}}, GradeOptions{})
	assert.Equal(t, BodyNonRandomised, a.Body, "the non-randomised evidence leads when its certainty is higher")
	assert.Equal(t, CertaintyHigh, a.Certainty)
	assert.Equal(t, CertaintyModerate, a.Other.Certainty)

	a = mustGrade(t, Body{q89, []Study{caseReport("r", "L89"), trial("t", DesignRandomisedControlledTrial, 300, 600, 200, 600)}}, GradeOptions{})
	assert.Equal(t, CertaintyHigh, a.Certainty, "a case report does not pull a trial's certainty down")
	assert.Equal(t, CertaintyVeryLow, a.Other.Certainty)

	ov := GradeOptions{Overrides: []Override{{Domain: DomainIndirectness, Body: BodyNonRandomised, Effect: -1, Justification: "registry population older than asked"}}}
	a = mustGrade(t, Body{q89, []Study{rct, cohort4000("c1", robins(ROBINSLow)), cohort4000("c2", robins(ROBINSLow))}}, ov)
	require.NotNil(t, a.Other)
	assert.Equal(t, BodyRandomised, a.Body, "both moderate now: on a tie the randomised evidence is presented")
	dr, _ := a.Domain(DomainIndirectness)
	dn, _ := a.Other.Domain(DomainIndirectness)
	assert.True(t, dn.Overridden, "the override applies to the body it names")
	assert.False(t, dr.Overridden, "and not to the other")
}

// TestGRADE7InconsistencyFewStudies: with fewer than four studies I² alone
// is unreliable (GRADE guidelines 7, Guyatt et al., J Clin Epidemiol
// 2011;64:1294-1302); the overlap of the confidence intervals and the
// direction of the effects decide with it, and the reason says so.
func TestGRADE7InconsistencyFewStudies(t *testing.T) {
	big := func(id string, et, ec int) Study { return trial(id, DesignRandomisedControlledTrial, et, 600, ec, 600) }
	tests := []struct {
		name    string
		studies []Study
		opt     GradeOptions
		effect  int
	}{
		{"I² 78 %, overlapping intervals, same direction", []Study{big("a", 300, 200), big("b", 240, 200)}, GradeOptions{}, 0},
		{"the same judged by I² alone", []Study{big("a", 300, 200), big("b", 240, 200)}, GradeOptions{MinStudiesI2: 2}, -2},
		{"opposite effects, separate intervals", []Study{big("a", 300, 200), big("b", 150, 300)}, GradeOptions{}, -2},
		{"same direction, separate intervals, I² high", []Study{big("a", 400, 100), big("b", 240, 200)}, GradeOptions{}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, Body{q89, tc.studies}, tc.opt)
			d, _ := a.Domain(DomainInconsistency)
			assert.Equal(t, tc.effect, d.Effect, d.Reason)
			if tc.opt.MinStudiesI2 == 0 {
				assert.Contains(t, d.Reason, "I² alone does not decide")
				assert.Contains(t, d.Reason, "overlap")
			}
		})
	}
}

// TestGRADE8IndirectnessComparatorSurrogate follows GRADE guidelines 8
// (Guyatt et al., J Clin Epidemiol 2011;64:1303-1310): indirectness also
// concerns the comparator and surrogate outcomes.
func TestGRADE8IndirectnessComparatorSurrogate(t *testing.T) {
	base := func() Study { return trial("a", DesignRandomisedControlledTrial, 300, 600, 200, 600) }
	placebo := Question{Indication: "L89", ProductID: "gel", Comparator: ComparatorPlacebo}
	tests := []struct {
		name   string
		study  Study
		q      Question
		effect int
	}{
		{"comparator matches", with(base(), func(s *Study) { s.Comparator.Kind = ComparatorPlacebo }), placebo, 0},
		{"active comparator for a placebo question", with(base(), func(s *Study) { s.Comparator.Kind = ComparatorActive }), placebo, -1},
		{"surrogate outcome", with(base(), func(s *Study) { s.Comparator.Kind = ComparatorPlacebo; s.Outcomes[0].Surrogate = true }), placebo, -1},
		{"surrogate outcome and other comparator", with(base(), func(s *Study) { s.Outcomes[0].Surrogate = true }), placebo, -2},
		{"surrogate outcome, open question", with(base(), func(s *Study) { s.Outcomes[0].Surrogate = true }), Question{}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, Body{tc.q, []Study{tc.study}}, GradeOptions{})
			d, _ := a.Domain(DomainIndirectness)
			assert.Equal(t, tc.effect, d.Effect, d.Reason)
			assert.True(t, d.Assessed)
			lv := Level(&tc.study, tc.q)
			assert.Equal(t, tc.effect != 0, len(lv.Adjustments) > 0, "CEBM indirectness too: %v", lv.Adjustments)
		})
	}
}

// TestGradeReviewNotDoubleCounted: a systematic review and the trials it
// includes are one body of evidence, not two (GRADE rates each outcome's
// body of evidence once; Cochrane Handbook ch. 14). Matching is by
// identifier: study ID, DOI, PMID or registration number.
func TestGradeReviewNotDoubleCounted(t *testing.T) {
	t1 := with(trial("t1", DesignRandomisedControlledTrial, 300, 600, 200, 600), func(s *Study) { s.DOI = "10.1234/T1" })
	t2 := with(trial("t2", DesignRandomisedControlledTrial, 300, 600, 200, 600), func(s *Study) {
		s.Registrations = []Registration{{Registry: RegistryClinicalTrialsGov, ID: "NCT01234567"}}
	})
	t3 := trial("t3", DesignRandomisedControlledTrial, 300, 600, 200, 600)
	ma := with(trial("ma", DesignMetaAnalysis, 600, 1200, 400, 1200), func(s *Study) {
		s.Review = &Review{Studies: ptr(2), Designs: []Design{DesignRandomisedControlledTrial}, Included: []string{"10.1234/t1", "nct01234567"}}
		s.RiskOfBias = RiskOfBias{}
	})
	tests := []struct {
		name     string
		opt      GradeOptions
		studies  []string
		excluded []string
	}{
		{"the review is kept, its trials left out", GradeOptions{}, []string{"ma", "t3"}, []string{"t1", "t2"}},
		{"the trials are kept, the review left out", GradeOptions{PreferIncludedStudies: true}, []string{"t1", "t2", "t3"}, []string{"ma"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, Body{q89, []Study{ma, t1, t2, t3}}, tc.opt)
			assert.Equal(t, tc.studies, a.Studies)
			var ex []string
			for _, e := range a.Excluded {
				ex = append(ex, e.StudyID)
				assert.Contains(t, e.Reason, "counted once")
			}
			assert.Equal(t, tc.excluded, ex)
		})
	}
	bad := with(ma, func(s *Study) { s.Review.Included = []string{"t1", " ", "T1", "ma"} })
	var codes []string
	for _, p := range bad.Check() {
		if p.Path == "review.included[1]" || p.Path == "review.included[2]" || p.Path == "review.included[3]" {
			codes = append(codes, p.Path+" "+string(p.Code))
		}
	}
	assert.Equal(t, []string{"review.included[1] required", "review.included[2] duplicate", "review.included[3] inconsistent"}, codes)
}

// TestGradeChoicesLabelled: every number GRADE leaves to judgement is
// said to be the library's choice in the reason that uses it.
func TestGradeChoicesLabelled(t *testing.T) {
	a := mustGrade(t, Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 300, 600, 200, 600), trial("b", DesignRandomisedControlledTrial, 240, 600, 200, 600)}}, GradeOptions{})
	for _, d := range []GradeDomain{DomainRiskOfBias, DomainInconsistency, DomainIndirectness} {
		r, _ := a.Domain(d)
		assert.Contains(t, r.Reason, "library's choice", "%s: %s", d, r.Reason)
	}
	r, _ := a.Domain(DomainImprecision)
	assert.Contains(t, r.Reason, "library's rule of thumb")
	a = mustGrade(t, Body{q89, []Study{with(trial("a", DesignRandomisedControlledTrial, 300, 600, 200, 600), func(s *Study) {
		s.RiskOfBias.RoB2 = &RoB2{RoB2SomeConcerns, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}
	})}}, GradeOptions{SomeConcernsRatesDown: true})
	r, _ = a.Domain(DomainRiskOfBias)
	assert.Equal(t, -1, r.Effect, "Handbook Table 12.2.d allows −1 for some concerns, on request: %s", r.Reason)
	a = mustGrade(t, Body{q89, []Study{noTool(trial("a", DesignCohortProspective, 300, 2000, 400, 2000))}}, GradeOptions{})
	r, _ = a.Domain(DomainRiskOfBias)
	assert.Equal(t, -1, r.Effect, "an unassessed cohort counts as not low by default: %s", r.Reason)
	assert.Contains(t, r.Reason, "UnassessedNotRatedDown")
	a = mustGrade(t, Body{q89, []Study{noTool(trial("a", DesignCohortProspective, 300, 2000, 400, 2000))}}, GradeOptions{UnassessedNotRatedDown: true})
	r, _ = a.Domain(DomainRiskOfBias)
	assert.Equal(t, 0, r.Effect, "the choice is an option: %s", r.Reason)
	assert.Equal(t, CertaintyLow, a.Certainty, "observational evidence without ROBINS-I starts low")
	a = mustGrade(t, Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 300, 600, 200, 600), with(trial("b", DesignRandomisedControlledTrial, 300, 600, 200, 600), func(s *Study) { s.RiskOfBias.RoB2 = allHighRoB2 })}}, GradeOptions{RiskOfBiasShare: 0.4})
	r, _ = a.Domain(DomainRiskOfBias)
	assert.Equal(t, -1, r.Effect, "half the weight at high risk rates down when the share is 40 %%: %s", r.Reason)
}

// TestCEBM2011Corrections follows the Oxford CEBM 2011 Levels of
// Evidence table and its footnote (OCEBM Levels of Evidence Working
// Group, "The Oxford 2011 Levels of Evidence", cebm.ox.ac.uk).
func TestCEBM2011Corrections(t *testing.T) {
	harms := Question{Kind: QuestionHarms, Indication: "L89", ProductID: "gel"}
	tests := []struct {
		name  string
		study Study
		q     Question
		base  int
		level int
		rules []string
	}{
		{"dramatic effect: observational only, a single trial never reaches level 1", trial("a", DesignRandomisedControlledTrial, 400, 500, 100, 500), q89, 2, 2, nil},
		{"dramatic effect in a cohort: up one step", trial("a", DesignCohortProspective, 400, 500, 100, 500), q89, 3, 2, []string{RuleLargeEffect}},
		{"very small absolute effect does not grade a harms question down", trial("a", DesignRandomisedControlledTrial, 150, 10000, 100, 10000), harms, 2, 2, nil},
		{"very small absolute effect grades a benefits question down", trial("a", DesignRandomisedControlledTrial, 150, 10000, 100, 10000), q89, 2, 3, []string{RuleSmallEffect}},
		{"down-steps stop at level 4 for clinical designs", with(noTool(trial("a", DesignCaseControl, 6, 10, 5, 10)), func(s *Study) {
			s.Population.Condition = "L97"
			s.RiskOfBias.ROBINSI = critROBINS
		}), q89, 4, 4, []string{RuleQuality, RuleIndirectness, RuleImprecision}},
		{"an indirect case report stays at level 4", caseReport("r", "L97"), q89, 4, 4, []string{RuleIndirectness}},
		{"common harms: SR of nested case-control studies is level 1", Study{Design: DesignSystematicReview, Review: &Review{Designs: []Design{DesignNestedCaseControl}}}, Question{Kind: QuestionHarms}, 1, 1, nil},
		{"benefits: SR of nested case-control studies is level 4", Study{Design: DesignSystematicReview, Review: &Review{Designs: []Design{DesignNestedCaseControl}}}, Question{}, 4, 4, nil},
		{"rare harms: SR of nested case-control studies is level 4", Study{Design: DesignSystematicReview, Review: &Review{Designs: []Design{DesignNestedCaseControl}}}, Question{Kind: QuestionRareHarms}, 4, 4, nil},
		{"benefits: n-of-1 trial is level 1", Study{Design: DesignNOf1Trial}, Question{}, 1, 1, nil},
		{"common harms: n-of-1 trial is level 1", Study{Design: DesignNOf1Trial}, Question{Kind: QuestionHarms}, 1, 1, nil},
		{"benefits: SR of n-of-1 trials is level 1", Study{Design: DesignMetaAnalysis, Review: &Review{Designs: []Design{DesignNOf1Trial}}}, Question{}, 1, 1, nil},
		{"rare harms: SR of randomised trials is level 1", Study{Design: DesignMetaAnalysis, Review: &Review{Designs: []Design{DesignRandomisedControlledTrial}}}, Question{Kind: QuestionRareHarms}, 1, 1, nil},
		{"rare harms: randomised trial is level 2", Study{Design: DesignRandomisedControlledTrial}, Question{Kind: QuestionRareHarms}, 2, 2, nil},
		{"rare harms: cohort is level 3", Study{Design: DesignCohortProspective, Comparator: Comparator{Kind: ComparatorStandardCare}}, Question{Kind: QuestionRareHarms}, 3, 3, nil},
		{"rare harms: case-control is level 4", Study{Design: DesignNestedCaseControl}, Question{Kind: QuestionRareHarms}, 4, 4, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Level(&tc.study, tc.q)
			var rules []string
			for _, a := range got.Adjustments {
				rules = append(rules, a.Rule)
			}
			assert.Equal(t, tc.base, got.Base, got.Basis)
			assert.Equal(t, tc.level, got.Level, "%s %v", got.Basis, got.Notes)
			assert.Equal(t, tc.rules, rules)
		})
	}
	got := Level(ptr(trial("a", DesignRandomisedControlledTrial, 150, 10000, 100, 10000)), harms)
	require.NotEmpty(t, got.Notes)
	assert.Contains(t, got.Notes[0], "harms question")
	got = Level(ptr(caseReport("r", "L97")), q89)
	assert.Contains(t, got.Notes[len(got.Notes)-1], "never takes a clinical study below level 4")
}

// TestWoundCaseReportsStayVeryLow: the five wound case reports are CEBM
// level 4 and very low certainty, one by one and together.
func TestWoundCaseReportsStayVeryLow(t *testing.T) {
	var all []Study
	for _, c := range []string{"L10.0", "L88", "L89", "T24", "L23"} {
		s := caseReport("cr-"+c, c)
		all = append(all, s)
		a := Appraise([]Study{s}, c)
		assert.Equal(t, 4, a.BestLevel, c)
		assert.Equal(t, CertaintyVeryLow, a.Certainty, c)
	}
	a, err := Appraiser{}.Appraise(all, Question{ProductID: "gel"})
	require.NoError(t, err)
	assert.Equal(t, 4, a.BestLevel)
	assert.Equal(t, CertaintyVeryLow, a.Certainty)
	for _, l := range a.Levels {
		assert.Equal(t, 4, l.Level.Level, l.StudyID)
	}
}

// TestGradeEveryDesignMix grades bodies of every pair of designs, with
// and without risk-of-bias tools, for every question kind: nothing
// panics, the certainty is on the scale, the score is the start plus the
// effects, and a split body names both kinds.
func TestGradeEveryDesignMix(t *testing.T) {
	tools := []RiskOfBias{{}, {RoB2: allLowRoB2}, {ROBINSI: critROBINS}, {ROBINSI: robins(ROBINSNoInformation)}}
	for _, d1 := range Designs() {
		for _, d2 := range Designs() {
			for ti, tool := range tools {
				s1 := trial("a", d1, 40, 100, 20, 100)
				s2 := trial("b", d2, 30, 100, 25, 100)
				s1.RiskOfBias, s2.RiskOfBias = tool, tool
				if d1.Synthesis() {
					s1.Review = &Review{Studies: ptr(2), Designs: []Design{d2}, Included: []string{"b"}}
				}
				for _, k := range []QuestionKind{QuestionBenefits, QuestionHarms, QuestionRareHarms} {
					q := Question{Kind: k, Indication: "L89", ProductID: "gel", Comparator: ComparatorPlacebo}
					a := mustGrade(t, Body{q, []Study{s1, s2}}, GradeOptions{})
					for _, x := range []*Assessment{&a, a.Other} {
						if x == nil {
							continue
						}
						sum := int(x.Start)
						for _, d := range x.Domains {
							sum += d.Effect
						}
						assert.Equal(t, sum, x.Score, "%s+%s tool %d", d1, d2, ti)
						if x.Certainty != CertaintyNotGraded {
							assert.GreaterOrEqual(t, x.Certainty, CertaintyVeryLow)
						}
					}
					if a.Other != nil {
						assert.NotEqual(t, a.Body, a.Other.Body)
					}
					for _, s := range []Study{s1, s2} {
						l := LevelOptions{}.Level(&s, q)
						if l.Level != 0 && !s.Design.Mechanistic() {
							assert.LessOrEqual(t, l.Level, 4, "%s: a clinical design stays at level 4 or better", s.Design)
						}
					}
				}
			}
		}
	}
}
