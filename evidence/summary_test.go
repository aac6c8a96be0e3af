package evidence

import (
	"flag"
	"fmt"
	"os"
	"strings"
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
	require.NotNil(t, row.Pooled, "the two trials are pooled")
	assert.Equal(t, 2, row.Pooled.K, "randomised and non-randomised evidence are pooled separately (Cochrane Handbook ch. 24)")
	assert.Equal(t, MethodREML, row.Pooled.Method, "REML by default")
	assert.Equal(t, BodyRandomised, row.Assessment.Body, "the randomised evidence leads")
	assert.Equal(t, CertaintyHigh, row.Assessment.Start)
	require.NotNil(t, row.Assessment.Other, "the cohort is rated as its own body")
	assert.Equal(t, BodyNonRandomised, row.Assessment.Other.Body)
	assert.Equal(t, []string{"c-cohort"}, row.Assessment.Other.Studies)
	assert.Contains(t, row.Reasons[0], "the randomised evidence leads", "the summary says which body leads")

	inf := sum.Rows[3]
	assert.Equal(t, []string{"c-cohort"}, inf.Studies, "only the cohort reports infection")
	assert.Nil(t, inf.Pooled, "a single effect is not a pooled effect")
	assert.Equal(t, CertaintyHigh, inf.Assessment.Start, "a cohort assessed with ROBINS-I starts high (GRADE 18)")

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
	assert.Equal(t, 4, lv[1].Level.Level, "pemphigus is indirect evidence for pressure ulcers, but a case report is not graded below level 4")
	assert.Equal(t, []string{RuleIndirectness}, []string{lv[1].Level.Adjustments[0].Rule})
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

// The -update flag rewrites golden files; forest_test.go may define it too.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata")
	}
}

func goldenUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// renderSummary writes a summary as text, with numbers rounded so that
// the golden file does not depend on the last bits of floating point.
func renderSummary(sum Summary) string {
	var b strings.Builder
	for _, r := range sum.Rows {
		fmt.Fprintf(&b, "## %s / %s\n", r.Indication, r.Outcome)
		fmt.Fprintf(&b, "studies: %s\n", strings.Join(r.Studies, ", "))
		for _, d := range r.Designs {
			fmt.Fprintf(&b, "design %s: %d\n", d.Design, d.Count)
		}
		for _, l := range r.Levels {
			fmt.Fprintf(&b, "level %s: %d (base %d)", l.StudyID, l.Level.Level, l.Level.Base)
			for _, a := range l.Level.Adjustments {
				fmt.Fprintf(&b, " %s:%s", a.Direction, a.Rule)
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "best level: %d (%s)\n", r.BestLevel, r.BestLevelStudy)
		if r.Pooled != nil {
			e, ci, _ := r.Pooled.BackTransform()
			fmt.Fprintf(&b, "pooled %s k=%d: %.3f [%.3f, %.3f] I2=%.1f\n", r.Pooled.Measure, r.Pooled.K, e, ci.Lower, ci.Upper, r.Pooled.I2)
		}
		fmt.Fprintf(&b, "certainty: %s\n", r.Assessment.Certainty.Display())
		if o := r.Assessment.Other; o != nil {
			fmt.Fprintf(&b, "certainty of the %s: %s\n", o.Body.Words(), o.Certainty.Display())
		}
		for _, line := range r.Reasons {
			fmt.Fprintf(&b, "  %s\n", line)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestSummaryGolden(t *testing.T) {
	var studies []Study
	for _, name := range []string{"testdata/wound_case_reports.json"} {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		list, err := DecodeStudies(data)
		require.NoError(t, err)
		studies = append(studies, list...)
	}
	data, err := os.ReadFile("testdata/rct_valid.json")
	require.NoError(t, err)
	rct, err := DecodeStudy(data)
	require.NoError(t, err)
	second := *rct
	second.ID = "rct-pu-2025"
	second.Outcomes = []Outcome{{Name: "complete closure", Type: OutcomeBinary, TimePoint: TimePoint{Value: 12, Unit: Weeks},
		Raw: &RawData{EventsTreated: ptr(22), TotalTreated: ptr(50), EventsControl: ptr(14), TotalControl: ptr(50)}}}
	cohort := *rct
	cohort.ID = "cohort-pu-2026"
	cohort.Design = DesignCohortRetrospective
	cohort.Comparator = Comparator{Kind: ComparatorStandardCare}
	cohort.RiskOfBias = RiskOfBias{ROBINSI: &ROBINSI{ROBINSSerious, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSModerate, ROBINSLow}}
	cohort.Outcomes = []Outcome{{Name: "complete closure", Type: OutcomeBinary, TimePoint: TimePoint{Value: 12, Unit: Weeks},
		Raw: &RawData{EventsTreated: ptr(310), TotalTreated: ptr(600), EventsControl: ptr(220), TotalControl: ptr(600)}}}
	studies = append(studies, *rct, second, cohort)

	got := renderSummary(Summarize(studies, Question{ProductID: "uc-msc-secretome-gel"}))
	const golden = "testdata/summary_wound.golden.txt"
	if goldenUpdate() {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestSummaryGolden -update to create it")
	assert.Equal(t, string(want), got)
}

func TestAppraiseConcurrent(t *testing.T) {
	studies := benchStudies(12)
	want := Summarize(studies, Question{ProductID: "gel"})
	done := make(chan Summary)
	for range 4 {
		go func() { done <- Summarize(studies, Question{ProductID: "gel"}) }()
	}
	for range 4 {
		assert.Equal(t, want, <-done, "concurrent calls share no state and agree")
	}
}
