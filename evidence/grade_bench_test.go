package evidence

import (
	"fmt"
	"testing"
)

// benchStudies returns n comparable trials spread over five indications,
// each with two outcomes.
func benchStudies(n int) []Study {
	conds := []string{"L10.0", "L88", "L89", "T24", "L23"}
	out := make([]Study, n)
	for i := range out {
		s := trial(fmt.Sprintf("s%03d", i), DesignRandomisedControlledTrial, 20+i%7, 60, 15+i%5, 60)
		s.Population.Condition = conds[i%len(conds)]
		s.Outcomes = append(s.Outcomes, Outcome{Name: "pain", Type: OutcomeContinuous,
			Raw: &RawData{MeanTreated: ptrF(3 + float64(i%4)/2), SDTreated: ptrF(1.5), NTreated: ptr(60),
				MeanControl: ptrF(4), SDControl: ptrF(1.6), NControl: ptr(60)}})
		out[i] = s
	}
	return out
}

func ptrF(v float64) *float64 { return &v }

func BenchmarkGrade(b *testing.B) {
	body := Body{Question: q89, Studies: benchStudies(10)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Grade(body, GradeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGradeCertainty is the grading a dossier's assessment does for
// each claim: the certainty only, the reasons not written out.
func BenchmarkGradeCertainty(b *testing.B) {
	body := Body{Question: q89, Studies: benchStudies(10)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := GradeCertainty(body, GradeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	studies := benchStudies(50)
	b.ReportAllocs()
	for b.Loop() {
		Summarize(studies, Question{ProductID: "gel"})
	}
}

func BenchmarkValidate(b *testing.B) {
	s := validRCT()
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLevel(b *testing.B) {
	s := validRCT()
	b.ReportAllocs()
	for b.Loop() {
		Level(&s, q89)
	}
}
