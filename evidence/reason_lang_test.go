package evidence

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/message"
)

// checkReasonTexts checks the catalogued reasons of an assessment (every
// grading test passes through it, by mustGrade): each text renders in
// English as the string beside it; Reasons is ReasonTexts in English;
// and every code, term and noun in them has its English and Indonesian
// text in the catalogue (no reason is left as plain English text).
func checkReasonTexts(t *testing.T, a *Assessment) {
	t.Helper()
	texts, lines := a.ReasonTexts(), a.Reasons()
	if assert.Len(t, texts, len(lines)) {
		for i := range texts {
			assert.Equal(t, lines[i], texts[i].String())
			assert.NotEmpty(t, texts[i].In(message.Indonesian))
		}
	}
	var walk func(x *Assessment)
	walk = func(x *Assessment) {
		assert.Equal(t, x.StartReason, x.StartText.String(), "start")
		assert.Equal(t, x.Lead, x.LeadText.String(), "lead")
		for _, d := range x.Domains {
			assert.Equal(t, d.Reason, d.Text.String(), "%s", d.Domain)
		}
		for _, e := range x.Excluded {
			assert.Equal(t, e.Reason, e.Text.String(), "%s", e.StudyID)
		}
		if x.Other != nil {
			walk(x.Other)
		}
	}
	walk(a)
	for _, m := range texts {
		assert.Empty(t, m.Uncatalogued(), "%s: every part of a reason is catalogued", m)
	}
}

// TestReasonsIndonesian grades a body of randomised and non-randomised
// studies with a review, an in vitro study and a surrogate outcome, and
// checks that its reasons read in Bahasa Indonesia with GRADE's terms,
// no English reason words left.
func TestReasonsIndonesian(t *testing.T) {
	rct := trial("rct", DesignRandomisedControlledTrial, 10, 100, 30, 100)
	rct.RiskOfBias = RiskOfBias{RoB2: allLowRoB2}
	rct2 := trial("rct2", DesignRandomisedControlledTrial, 12, 100, 28, 100)
	rct2.Comparator.Kind = ComparatorActive
	cohort := cohort4000("c1", robins(ROBINSNoInformation))
	lab := trial("lab", DesignInVitro, 1, 10, 2, 10)
	a := mustGrade(t, Body{Question{Indication: "L89", ProductID: "gel", Comparator: ComparatorPlacebo}, []Study{rct, rct2, cohort, lab}}, GradeOptions{})
	require.NotNil(t, a.Other, "the body is split")
	var id []string
	for _, m := range a.ReasonTexts() {
		id = append(id, m.In(message.Indonesian))
	}
	text := strings.Join(id, "\n")
	for _, want := range []string{"bukti dari studi acak dan non-acak dinilai terpisah", "mulai dari kepastian tinggi", "risiko bias", "inkonsistensi", "ketidaklangsungan (indirectness)", "ketidaktepatan (imprecision)", "bias publikasi", "kepastian "} {
		assert.Contains(t, text, want)
	}
	for _, english := range []string{"not assessed", "serious:", "the library's", "studies", "confidence interval", "start high", "certainty "} {
		assert.NotContains(t, text, english)
	}
	require.Len(t, a.Excluded, 1)
	assert.Equal(t, "studi in_vitro adalah bukti berbasis mekanisme, bukan bukti klinis untuk suatu luaran", a.Excluded[0].Text.In(message.Indonesian))
}
