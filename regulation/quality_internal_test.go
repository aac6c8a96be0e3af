package regulation

import (
	"testing"

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
