package evidence

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummarize(t *testing.T) {
	studies := []Study{
		caseReport("z-pg", "L88"),
		trial("b-rct", DesignRandomisedControlledTrial, 300, 600, 200, 600),
		trial("a-rct", DesignRandomisedControlledTrial, 310, 600, 210, 600),
		with(trial("c-cohort", DesignCohortRetrospective, 40, 80, 20, 80), func(s *Study) {
			s.Outcomes = append(s.Outcomes, Outcome{Name: "Infection", Type: OutcomeBinary,
				Raw: &RawData{EventsTreated: ptr(3), TotalTreated: ptr(80), EventsControl: ptr(6), TotalControl: ptr(80)}})
		}),
		{ID: "mouse", Design: DesignAnimal, Intervention: Intervention{ProductID: "gel"}},
	}
	sum := Summarize(studies, Question{ProductID: "gel"})
	var keys []string
	for _, r := range sum.Rows {
		keys = append(keys, r.Indication+"/"+r.Outcome)
	}
	assert.Equal(t, []string{"/", "L88/closure", "L89/closure", "L89/Infection"}, keys, "rows sorted by indication then outcome")

	row := sum.Rows[2]
	assert.Equal(t, []string{"a-rct", "b-rct", "c-cohort"}, row.Studies, "studies sorted by ID")
	assert.Equal(t, []DesignCount{{DesignCohortRetrospective, 1}, {DesignRandomisedControlledTrial, 2}}, row.Designs)
	assert.Equal(t, 2, row.BestLevel)
	assert.Equal(t, "a-rct", row.BestLevelStudy, "ties go to the first ID")
	require.NotNil(t, row.Pooled, "three comparable effects are pooled")
	assert.Equal(t, 3, row.Pooled.K)
	assert.Equal(t, MethodREML, row.Pooled.Method, "REML by default")
	assert.Equal(t, CertaintyHigh, row.Assessment.Start)

	inf := sum.Rows[3]
	assert.Equal(t, []string{"c-cohort"}, inf.Studies, "only the cohort reports infection")
	assert.Nil(t, inf.Pooled, "a single effect is not a pooled effect")
	assert.Equal(t, CertaintyLow, inf.Assessment.Start)

	mouse := sum.Rows[0]
	assert.Equal(t, 5, mouse.BestLevel, "animal work is levelled but not graded")
	assert.Equal(t, CertaintyNotGraded, mouse.Assessment.Certainty)

	again := Summarize([]Study{studies[4], studies[3], studies[2], studies[1], studies[0]}, Question{ProductID: "gel"})
	assert.Equal(t, sum, again, "the order of the input does not matter")
}

func TestSummarizeIndicationQuestion(t *testing.T) {
	studies := []Study{caseReport("pv", "L10.0"), caseReport("pu", "L89.1")}
	sum := Summarize(studies, Question{Indication: "L89", Outcome: "closure"})
	require.Len(t, sum.Rows, 1, "one indication and one outcome asked")
	assert.Equal(t, []string{"pu", "pv"}, sum.Rows[0].Studies)
	lv := sum.Rows[0].Levels
	assert.Equal(t, 4, lv[0].Level.Level, "L89.1 is covered by L89")
	assert.Equal(t, 5, lv[1].Level.Level, "pemphigus is indirect evidence for pressure ulcers")
}

func TestAppraise(t *testing.T) {
	a := Appraise([]Study{caseReport("b", "L89"), trial("a", DesignRandomisedControlledTrial, 60, 100, 30, 100)}, "L89")
	assert.Equal(t, 2, a.BestLevel)
	assert.Equal(t, "a", a.BestLevelStudy)
	assert.Equal(t, CertaintyModerate, a.Certainty, "the trial starts high and is imprecise")
	require.NotEmpty(t, a.Reasons)
	assert.Contains(t, a.Reasons[0], "best CEBM 2011 level 2")

	none := Appraise(nil, "L89")
	assert.Equal(t, 0, none.BestLevel)
	assert.Equal(t, CertaintyNotGraded, none.Certainty, "no studies, no certainty")

	_, err := Appraiser{Grade: GradeOptions{Overrides: []Override{{Domain: DomainImprecision, Effect: -1}}}}.Appraise(nil, Question{})
	assert.ErrorIs(t, err, ErrOptions, "option misuse is reported")
}
