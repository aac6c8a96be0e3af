package secretome

import (
	"testing"

	"github.com/openregen/secretomekit/internal/fieldpath"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// Messages quote a number with the digits the document gave it.
func TestMessagesKeepDigitsAsWritten(t *testing.T) {
	src := &Source{Identity: &Identity{Markers: []Marker{
		{Name: "CD73", PercentPositive: decimal.NullDecimal{Decimal: decimal.RequireFromString("90.50"), Valid: true}},
	}}}
	cl := ISCT(src)
	found := false
	for _, cr := range cl.Criteria {
		if cr.Status == StatusNotMet {
			assert.Contains(t, cr.Detail, "CD73 90.50 %", "not 90.5 %")
			found = true
		}
	}
	assert.True(t, found, "CD73 below 95 %% fails a criterion: %+v", cl)

	var ps Problems
	c := checker{&ps}
	p := fieldpath.Root()
	c.percent(&p, decimal.RequireFromString("120.0"), "viability")
	if list := ps.List(); assert.Len(t, list, 1) {
		assert.Contains(t, list[0].Message, "got 120.0")
	}
}
