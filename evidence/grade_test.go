package evidence

import (
	"errors"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	allLowRoB2   = &RoB2{RoB2Low, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}
	allHighRoB2  = &RoB2{RoB2High, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}
	allLowROBINS = &ROBINSI{ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow}
	critROBINS   = &ROBINSI{ROBINSCritical, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow}
)

// trial returns a study of the given design with a binary closure outcome.
func trial(id string, d Design, et, nt, ec, nc int) Study {
	s := Study{ID: id, Title: id, Year: 2024, Design: d,
		Population:   Population{Condition: "L89", Size: ptr(nt + nc)},
		Intervention: Intervention{ProductID: "gel"},
		Comparator:   Comparator{Kind: ComparatorStandardCare},
		Outcomes: []Outcome{{Name: "closure", Type: OutcomeBinary,
			Raw: &RawData{EventsTreated: ptr(et), TotalTreated: ptr(nt), EventsControl: ptr(ec), TotalControl: ptr(nc)}}},
		Funding: Funding{Kind: FundingPublic}, Conflicts: Conflicts{Status: ConflictsNone}}
	switch {
	case d.Randomised():
		s.RiskOfBias.RoB2 = allLowRoB2
	case d.NonRandomisedComparative():
		s.RiskOfBias.ROBINSI = allLowROBINS
	}
	return s
}

func caseReport(id, condition string) Study {
	return Study{ID: id, Title: id, Year: 2023, Design: DesignCaseReport,
		Population:   Population{Condition: condition, Size: ptr(1)},
		Intervention: Intervention{ProductID: "gel"},
		Outcomes:     []Outcome{{Name: "closure", Type: OutcomeBinary, Result: "healed"}},
		Funding:      Funding{Kind: FundingIndustry, Sponsor: "maker"}}
}

func with(s Study, edit func(*Study)) Study { edit(&s); return s }

// noTool removes the study's risk-of-bias assessment.
func noTool(s Study) Study { s.RiskOfBias = RiskOfBias{}; return s }

var q89 = Question{Indication: "L89", ProductID: "gel"}

func mustGrade(t *testing.T, b Body, opt GradeOptions) Assessment {
	t.Helper()
	a, err := Grade(b, opt)
	require.NoError(t, err)
	checkReasonTexts(t, &a)
	c, err := GradeCertainty(b, opt)
	require.NoError(t, err)
	assert.Equal(t, a.Certainty, c, "GradeCertainty is Grade's certainty")
	return a
}

func TestGradeStart(t *testing.T) {
	tests := []struct {
		name    string
		studies []Study
		want    Certainty
		reason  string
	}{
		{"rct", []Study{trial("a", DesignRandomisedControlledTrial, 60, 100, 40, 100)}, CertaintyHigh, "randomised trials start high"},
		{"ma of rcts", []Study{with(trial("m", DesignMetaAnalysis, 60, 100, 40, 100), func(s *Study) {
			s.Review = &Review{Studies: ptr(3), Designs: []Design{DesignRandomisedControlledTrial}}
			s.RiskOfBias = RiskOfBias{}
		})}, CertaintyHigh, "a review of randomised trials is randomised evidence"},
		{"cohort with ROBINS-I", []Study{trial("c", DesignCohortProspective, 60, 100, 40, 100)}, CertaintyHigh, "assessed with ROBINS-I: starts high (GRADE 18)"},
		{"cohort without ROBINS-I", []Study{noTool(trial("c", DesignCohortProspective, 60, 100, 40, 100))}, CertaintyLow, "other non-randomised evidence starts low (Handbook 5.1, 12.2.a)"},
		{"case-control without ROBINS-I", []Study{noTool(trial("cc", DesignCaseControl, 60, 100, 40, 100))}, CertaintyLow, "case-control is observational"},
		{"one cohort lacks ROBINS-I", []Study{trial("c1", DesignCohortProspective, 60, 100, 40, 100), noTool(trial("c2", DesignCohortProspective, 60, 100, 40, 100))}, CertaintyLow, "only a body assessed throughout with ROBINS-I starts high"},
		{"case reports", []Study{caseReport("r1", "L89"), caseReport("r2", "L89")}, CertaintyVeryLow, "case reports start very low (Handbook 12.2.a)"},
		{"mixed", []Study{trial("a", DesignRandomisedControlledTrial, 60, 100, 40, 100), caseReport("r1", "L89")}, CertaintyHigh, "the randomised evidence leads"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, Body{Question: q89, Studies: tc.studies}, GradeOptions{})
			assert.Equal(t, tc.want, a.Start, tc.reason)
			assert.NotEmpty(t, a.StartReason)
			assert.Len(t, a.Domains, 8, "every domain is rated")
		})
	}
}

func TestGradeNotGraded(t *testing.T) {
	animal := Study{ID: "mouse", Design: DesignAnimal, Intervention: Intervention{ProductID: "gel"}}
	a := mustGrade(t, Body{Question: q89, Studies: []Study{animal}}, GradeOptions{})
	assert.Equal(t, CertaintyNotGraded, a.Certainty, "animal work alone is not clinical evidence")
	require.Len(t, a.Excluded, 1)
	assert.Equal(t, "mouse", a.Excluded[0].StudyID)
	a = mustGrade(t, Body{Question: Question{Outcome: "pain"}, Studies: []Study{trial("a", DesignRandomisedControlledTrial, 1, 2, 1, 2)}}, GradeOptions{})
	assert.Equal(t, CertaintyNotGraded, a.Certainty, "a study without the asked outcome is excluded")
}

func TestGradeDomains(t *testing.T) {
	big := func(id string) Study { return trial(id, DesignRandomisedControlledTrial, 300, 600, 200, 600) }
	cohortBig := func(id string) Study { return trial(id, DesignCohortProspective, 400, 500, 100, 500) }
	tests := []struct {
		name   string
		body   Body
		opt    GradeOptions
		domain GradeDomain
		effect int
		assess bool
		reason string
	}{
		{"rob all low", Body{q89, []Study{big("a"), big("b")}}, GradeOptions{}, DomainRiskOfBias, 0, true, "low-risk trials are not rated down"},
		{"rob majority high", Body{q89, []Study{big("a"), with(big("b"), func(s *Study) { s.RiskOfBias.RoB2 = allHighRoB2 }), with(big("c"), func(s *Study) { s.RiskOfBias.RoB2 = allHighRoB2 })}},
			GradeOptions{}, DomainRiskOfBias, -1, true, "two of three equal trials at high risk"},
		{"rob critical", Body{q89, []Study{with(cohortBig("a"), func(s *Study) { s.RiskOfBias.ROBINSI = critROBINS }), with(cohortBig("b"), func(s *Study) { s.RiskOfBias.ROBINSI = critROBINS })}},
			GradeOptions{}, DomainRiskOfBias, -3, true, "ROBINS-I critical in most of a body that starts high: −3 (GRADE 18)"},
		{"rob unassessed", Body{q89, []Study{with(big("a"), func(s *Study) { s.RiskOfBias = RiskOfBias{} })}},
			GradeOptions{}, DomainRiskOfBias, -1, true, "unassessed is not low"},
		{"rob weighted", Body{q89, []Study{trial("big", DesignRandomisedControlledTrial, 1500, 3000, 1000, 3000),
			with(trial("s1", DesignRandomisedControlledTrial, 15, 30, 10, 30), func(s *Study) { s.RiskOfBias.RoB2 = allHighRoB2 }),
			with(trial("s2", DesignRandomisedControlledTrial, 15, 30, 10, 30), func(s *Study) { s.RiskOfBias.RoB2 = allHighRoB2 })}},
			GradeOptions{}, DomainRiskOfBias, 0, true, "two small high-risk trials carry little weight"},
		{"rob by count", Body{q89, []Study{trial("big", DesignRandomisedControlledTrial, 1500, 3000, 1000, 3000),
			with(trial("s1", DesignRandomisedControlledTrial, 15, 30, 10, 30), func(s *Study) { s.RiskOfBias.RoB2 = allHighRoB2 }),
			with(trial("s2", DesignRandomisedControlledTrial, 15, 30, 10, 30), func(s *Study) { s.RiskOfBias.RoB2 = allHighRoB2 })}},
			GradeOptions{RiskOfBiasByCount: true}, DomainRiskOfBias, -1, true, "counting studies, two of three are high"},
		{"rob case reports", Body{q89, []Study{caseReport("r", "L89")}}, GradeOptions{}, DomainRiskOfBias, 0, false, "no tool applies to case reports"},
		{"consistent", Body{q89, []Study{big("a"), big("b")}}, GradeOptions{}, DomainInconsistency, 0, true, "identical trials: I² = 0"},
		{"inconsistent", Body{q89, []Study{big("a"), trial("b", DesignRandomisedControlledTrial, 150, 600, 300, 600)}}, GradeOptions{}, DomainInconsistency, -2, true, "opposite effects: I² far above 75 %"},
		{"inconsistent custom", Body{q89, []Study{big("a"), trial("b", DesignRandomisedControlledTrial, 150, 600, 300, 600)}}, GradeOptions{SeriousI2: 99.9, VerySeriousI2: 99.99, MinStudiesI2: 2}, DomainInconsistency, 0, true, "thresholds are options"},
		{"single study", Body{q89, []Study{big("a")}}, GradeOptions{}, DomainInconsistency, 0, false, "one estimate cannot be inconsistent"},
		{"direct", Body{q89, []Study{big("a")}}, GradeOptions{}, DomainIndirectness, 0, true, "same condition and product"},
		{"subcode direct", Body{q89, []Study{with(big("a"), func(s *Study) { s.Population.Condition = "L89.2" })}}, GradeOptions{}, DomainIndirectness, 0, true, "L89 covers L89.2"},
		{"other condition", Body{q89, []Study{with(big("a"), func(s *Study) { s.Population.Condition = "L97" })}}, GradeOptions{}, DomainIndirectness, -1, true, "L97 is not L89"},
		{"other condition and product", Body{q89, []Study{with(big("a"), func(s *Study) { s.Population.Condition = "L97"; s.Intervention.ProductID = "x" })}}, GradeOptions{}, DomainIndirectness, -2, true, "both differ"},
		{"open question", Body{Question{}, []Study{big("a")}}, GradeOptions{}, DomainIndirectness, 0, false, "nothing to compare with"},
		{"precise", Body{q89, []Study{big("a")}}, GradeOptions{}, DomainImprecision, 0, true, "500 events and a CI above 1"},
		{"ci crosses without appreciable effect", Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 330, 600, 300, 600)}}, GradeOptions{}, DomainImprecision, 0, true, "630 events and a CI of 0.99 to 1.22, inside 0.75 to 1.25 (GRADE 6)"},
		{"ci crosses with appreciable effect", Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 160, 500, 180, 500)}}, GradeOptions{}, DomainImprecision, -1, true, "340 events, CI 0.75 to 1.06 includes 1 and RR below 0.75 (GRADE 6)"},
		{"few events", Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 60, 100, 30, 100)}}, GradeOptions{}, DomainImprecision, -1, true, "90 events below 300"},
		{"few events custom ois", Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 60, 100, 30, 100)}}, GradeOptions{OISEvents: 50}, DomainImprecision, 0, true, "the OIS is an option"},
		{"both imprecise", Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 6, 10, 5, 10)}}, GradeOptions{}, DomainImprecision, -2, true, "few events and a CI including 1"},
		{"no estimate small", Body{q89, []Study{caseReport("r1", "L89"), caseReport("r2", "L89")}}, GradeOptions{}, DomainImprecision, -1, true, "two patients without a comparison"},
		{"pubbias few studies", Body{q89, []Study{big("a"), big("b")}}, GradeOptions{}, DomainPublicationBias, 0, false, "fewer than 10 studies"},
		{"large effect", Body{q89, []Study{cohortBig("a"), cohortBig("b")}}, GradeOptions{}, DomainLargeEffect, 1, true, "RR 4 in unflawed observational studies"},
		{"very large effect", Body{q89, []Study{trial("a", DesignCohortProspective, 450, 500, 50, 500), trial("b", DesignCohortProspective, 450, 500, 50, 500)}}, GradeOptions{}, DomainLargeEffect, 2, true, "RR 9 in two consistent studies"},
		{"very large effect single study", Body{q89, []Study{trial("a", DesignCohortProspective, 450, 500, 50, 500)}}, GradeOptions{}, DomainLargeEffect, 0, true, "GRADE 9: one study is not rated up"},
		{"large effect gated by rct", Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 400, 500, 100, 500)}}, GradeOptions{}, DomainLargeEffect, 0, true, "randomised evidence is not rated up by default"},
		{"large effect rct allowed", Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 400, 500, 100, 500), trial("b", DesignRandomisedControlledTrial, 400, 500, 100, 500)}}, GradeOptions{UpgradeRandomised: true}, DomainLargeEffect, 1, true, "gating is configurable"},
		{"large effect gated by downgrade", Body{q89, []Study{with(cohortBig("a"), func(s *Study) { s.Population.Condition = "L97" }), with(cohortBig("b"), func(s *Study) { s.Population.Condition = "L97" })}}, GradeOptions{}, DomainLargeEffect, 0, true, "rated down for indirectness, so not rated up"},
		{"large effect despite downgrade", Body{q89, []Study{with(cohortBig("a"), func(s *Study) { s.Population.Condition = "L97" }), with(cohortBig("b"), func(s *Study) { s.Population.Condition = "L97" })}}, GradeOptions{UpgradeDespiteDowngrade: true}, DomainLargeEffect, 1, true, "second gate is configurable"},
		{"odds ratio converted", Body{q89, []Study{cohortBig("a"), cohortBig("b")}}, GradeOptions{Measure: MeasureOR}, DomainLargeEffect, 1, true, "OR 16 at control risk 0.2 is RR 4"},
		{"mean difference", Body{q89, []Study{with(cohortBig("a"), func(s *Study) {
			s.Outcomes[0] = Outcome{Name: "area", Type: OutcomeContinuous, Raw: &RawData{MeanTreated: ptr(1.0), SDTreated: ptr(1.0), NTreated: ptr(300), MeanControl: ptr(3.0), SDControl: ptr(1.0), NControl: ptr(300)}}
		})}}, GradeOptions{}, DomainLargeEffect, 0, false, "thresholds are for ratios"},
		{"dose response", Body{q89, []Study{cohortBig("a")}}, GradeOptions{}, DomainDoseResponse, 0, false, "never computed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustGrade(t, tc.body, tc.opt)
			d, ok := a.Domain(tc.domain)
			require.True(t, ok)
			assert.Equal(t, tc.effect, d.Effect, "%s: %s", tc.reason, d.Reason)
			assert.Equal(t, tc.assess, d.Assessed, "%s: %s", tc.reason, d.Reason)
			assert.NotEmpty(t, d.Reason, "every rating has a reason")
		})
	}
}

func TestGradePublicationBiasFlag(t *testing.T) {
	small := func(id string) Study {
		return with(trial(id, DesignRandomisedControlledTrial, 20, 40, 10, 40), func(s *Study) { s.Funding = Funding{Kind: FundingIndustry, Sponsor: "maker"} })
	}
	a := mustGrade(t, Body{q89, []Study{small("a"), small("b")}}, GradeOptions{})
	d, _ := a.Domain(DomainPublicationBias)
	assert.True(t, d.Flagged, "small industry-funded studies are flagged")
	assert.Equal(t, 0, d.Effect, "a flag is not a rating")
	mixed := []Study{small("a"), trial("b", DesignRandomisedControlledTrial, 20, 40, 10, 40)}
	a = mustGrade(t, Body{q89, mixed}, GradeOptions{})
	d, _ = a.Domain(DomainPublicationBias)
	assert.False(t, d.Flagged, "one publicly funded study clears the flag")
	var ten []Study
	for i := range 10 {
		ten = append(ten, trial(string(rune('a'+i)), DesignRandomisedControlledTrial, 30, 60, 20, 60))
	}
	a = mustGrade(t, Body{q89, ten}, GradeOptions{})
	d, _ = a.Domain(DomainPublicationBias)
	assert.Contains(t, d.Reason, "override", "with 10 studies the reviewer is asked for a judgement")
}

func TestGradeOverall(t *testing.T) {
	tests := []struct {
		name    string
		studies []Study
		want    Certainty
		reason  string
	}{
		{"precise rcts", []Study{trial("a", DesignRandomisedControlledTrial, 300, 600, 200, 600), trial("b", DesignRandomisedControlledTrial, 300, 600, 200, 600)}, CertaintyHigh, "nothing to rate down"},
		{"small rct", []Study{trial("a", DesignRandomisedControlledTrial, 60, 100, 30, 100)}, CertaintyModerate, "imprecision −1"},
		{"tiny rct", []Study{trial("a", DesignRandomisedControlledTrial, 6, 10, 5, 10)}, CertaintyLow, "imprecision −2"},
		{"large cohort effect, ROBINS-I low", []Study{trial("a", DesignCohortProspective, 400, 500, 100, 500), trial("b", DesignCohortProspective, 400, 500, 100, 500)}, CertaintyHigh, "starts high (GRADE 18), nothing rates down"},
		{"very large effect in one cohort without a tool", []Study{noTool(trial("a", DesignCohortProspective, 450, 500, 50, 500))}, CertaintyVeryLow, "low, −1 for an unassessed risk of bias, and one study is not rated up (GRADE 9)"},
		{"case reports", []Study{caseReport("a", "L89")}, CertaintyVeryLow, "clamped at very low"},
	}
	for _, tc := range tests {
		a := mustGrade(t, Body{q89, tc.studies}, GradeOptions{})
		assert.Equal(t, tc.want, a.Certainty, "%s: %v", tc.reason, a.Reasons())
		sum := int(a.Start)
		for _, d := range a.Domains {
			sum += d.Effect
		}
		assert.Equal(t, sum, a.Score, "the score is the start plus every effect")
	}
}

func TestGradeOverrides(t *testing.T) {
	body := Body{q89, []Study{trial("a", DesignRandomisedControlledTrial, 300, 600, 200, 600)}}
	a := mustGrade(t, body, GradeOptions{Overrides: []Override{{Domain: DomainIndirectness, Effect: -1, Justification: "outcome measured by photographs only"}}})
	d, _ := a.Domain(DomainIndirectness)
	assert.True(t, d.Overridden)
	assert.Equal(t, -1, d.Effect)
	assert.Equal(t, 0, d.Computed, "the computed value it replaced is kept")
	assert.Equal(t, "outcome measured by photographs only", d.Justification)
	assert.Equal(t, CertaintyModerate, a.Certainty)

	a = mustGrade(t, Body{q89, []Study{caseReport("r", "L89")}}, GradeOptions{Overrides: []Override{{Domain: DomainDoseResponse, Effect: 1, Justification: "healing faster at the higher dose"}}})
	d, _ = a.Domain(DomainDoseResponse)
	assert.Equal(t, 1, d.Effect, "a reviewer may rate up a domain that is never computed")

	tests := []struct {
		name   string
		o      Override
		path   string
		code   secretome.Code
		reason string
	}{
		{"no justification", Override{Domain: DomainRiskOfBias, Effect: -1, Justification: "  "}, "overrides[0].justification", secretome.CodeRequired, "overrides need a reason"},
		{"out of range", Override{Domain: DomainRiskOfBias, Effect: 1, Justification: "x"}, "overrides[0].effect", secretome.CodeRange, "risk of bias only rates down"},
		{"too far up", Override{Domain: DomainDoseResponse, Effect: 2, Justification: "x"}, "overrides[0].effect", secretome.CodeRange, "dose-response is +1 at most"},
		{"unknown domain", Override{Domain: 42, Justification: "x"}, "overrides[0].domain", secretome.CodeEnum, "no such domain"},
	}
	for _, tc := range tests {
		_, err := Grade(body, GradeOptions{Overrides: []Override{tc.o}})
		require.Error(t, err, tc.reason)
		assert.True(t, errors.Is(err, ErrOptions), tc.reason)
		ve, ok := secretome.AsValidationError(err)
		require.True(t, ok, tc.reason)
		assert.NotEmpty(t, ve.At(tc.path), "%s: %v", tc.reason, err)
		assert.True(t, ve.Has(tc.code), tc.reason)
	}
	_, err := Grade(body, GradeOptions{Overrides: []Override{
		{Domain: DomainImprecision, Effect: -1, Justification: "a"}, {Domain: DomainImprecision, Effect: -2, Justification: "b"}}})
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	assert.NotEmpty(t, ve.At("overrides[1].domain"), "two overrides of one domain")
	_, err = Grade(body, GradeOptions{SeriousI2: 80, VerySeriousI2: 60})
	assert.ErrorIs(t, err, ErrOptions, "very serious threshold below serious")
}

func TestCertaintyText(t *testing.T) {
	assert.Equal(t, "⊕○○○", CertaintyVeryLow.Symbols())
	assert.Equal(t, "⊕⊕⊕⊕", CertaintyHigh.Symbols())
	assert.Equal(t, "Moderate", CertaintyModerate.Label(), "Label is the words only")
	assert.Equal(t, "Moderate ⊕⊕⊕○", CertaintyModerate.Display())
	assert.Equal(t, "Not graded", CertaintyNotGraded.Display())
	assert.NotContains(t, CertaintyHigh.Label(), CertaintyHigh.Symbols(), "Label and Symbols do not repeat each other")
	assert.Equal(t, "", CertaintyNotGraded.Symbols())
	b, err := CertaintyLow.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "low", string(b))
}

func TestGradeReviewsRiskOfBias(t *testing.T) {
	ma := with(trial("m", DesignMetaAnalysis, 300, 600, 200, 600), func(s *Study) {
		s.Review = &Review{Studies: ptr(5), Designs: []Design{DesignRandomisedControlledTrial}}
		s.RiskOfBias = RiskOfBias{}
	})
	a := mustGrade(t, Body{q89, []Study{ma}}, GradeOptions{})
	d, _ := a.Domain(DomainRiskOfBias)
	assert.Equal(t, 0, d.Effect, "a review is not rated down for a tool the package does not model")
	assert.False(t, d.Assessed)
	assert.Contains(t, d.Reason, "override", "the reviewer is asked to judge it")

	a = mustGrade(t, Body{q89, []Study{ma, trial("a", DesignRandomisedControlledTrial, 300, 600, 200, 600)}}, GradeOptions{})
	d, _ = a.Domain(DomainRiskOfBias)
	assert.True(t, d.Assessed, "the primary trial is assessed")
	assert.Contains(t, d.Reason, "1 review(s)", "and the review is mentioned")
}

func TestGradeDefaultThresholdConflict(t *testing.T) {
	_, err := Grade(Body{q89, nil}, GradeOptions{SeriousI2: 80})
	assert.ErrorIs(t, err, ErrOptions, "a serious threshold above the very serious default is a contradiction")
}

// TestGradeEmptyBodySaysWhy checks that a body with nothing to grade says
// whether it was empty or every study was left out, and why.
func TestGradeEmptyBodySaysWhy(t *testing.T) {
	pain := Question{Indication: "L89", ProductID: "gel", Outcome: "pain"}
	tests := []struct {
		name    string
		studies []Study
		want    string
	}{
		{"no study at all", nil, "no clinical study in the body"},
		{"the one study lacks the outcome asked about", []Study{caseReport("a", "L89")},
			"the one study in the body was left out: "},
		{"every study lacks the outcome asked about", []Study{caseReport("a", "L89"), caseReport("b", "L89")},
			"all 2 studies in the body were left out (see Excluded for why)"},
	}
	for _, tt := range tests {
		a := mustGrade(t, Body{Question: pain, Studies: tt.studies}, GradeOptions{})
		assert.Equal(t, CertaintyNotGraded, a.Certainty, tt.name)
		assert.Contains(t, a.StartReason, tt.want, tt.name)
		assert.Len(t, a.Excluded, len(tt.studies), tt.name)
	}
}
