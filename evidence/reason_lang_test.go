package evidence

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/openregen/secretomekit/message"
)

// checkReasonTexts checks the catalogued reasons of an assessment (every
// grading test passes through it, by mustGrade): each text renders in
// English as the string beside it, byte for byte; Reasons is ReasonTexts
// in English; and every code, term and noun in them has its English and
// Indonesian text in the catalogue.
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
		for _, u := range m.Uncatalogued() {
			if !strings.HasPrefix(u, "plain: ") {
				t.Errorf("%s: %q is not in the catalogue", m.Code, u)
			}
		}
	}
}
