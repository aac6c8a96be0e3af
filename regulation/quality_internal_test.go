package regulation

import (
	"testing"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
)

// TestUnmetNamesEveryCriterion checks that a quality finding lists every
// criterion the product misses, not only the first, so that a maker can
// fix them all in one round.
func TestUnmetNamesEveryCriterion(t *testing.T) {
	cl := secretome.Checklist{Criteria: []secretome.Criterion{
		{ID: "a", Title: "plastic-adherent", Status: secretome.StatusMet},
		{ID: "b", Title: "positive markers", Status: secretome.StatusNotMet, Detail: "CD105 93 %"},
		{ID: "c", Title: "trilineage", Status: secretome.StatusNotReported},
	}}
	assert.Equal(t, "positive markers (not_met: CD105 93 %); trilineage (not_reported)", unmet(cl))
	cl.Criteria = cl.Criteria[:1]
	assert.Empty(t, unmet(cl), "a complete checklist has nothing unmet")
}

// TestClaimMessageCounts checks the claim-evidence message for counts of
// studies, in English and Indonesian.
func TestClaimMessageCounts(t *testing.T) {
	assert.Equal(t, "the therapeutic claim cites no clinical evidence", claimMessage(false, 0).String())
	assert.Contains(t, claimMessage(true, 1).String(), "the one study it cites")
	assert.Contains(t, claimMessage(true, 5).String(), "the 5 studies it cites")
	assert.Contains(t, claimMessage(false, 40).String(), "the 40 studies it cites")
	assert.Contains(t, claimMessage(false, 40).In(message.Indonesian), "40 studi yang dikutipnya")
	for _, marketed := range []bool{true, false} {
		for n := range 2 * pathTableSize {
			assert.Equal(t, claimMessageOf(marketed, n), claimMessage(marketed, n), "the table holds the message, marketed %v, %d studies", marketed, n)
		}
	}
}
