package secretome

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestCmpDecAgreesWithDecimal(t *testing.T) {
	vals := []string{"0", "-0.0", "1", "1.0", "99.1", "100", "95", "94.999999999", "2", "2.0000000001",
		"-5", "-5.00", "1e18", "9223372036854775807", "1e-18", "123456789012345678", "1234567890123456789",
		"0.000000000000000000001", "1e40", "-1e40", "7e-30"}
	for _, x := range vals {
		for _, y := range vals {
			a, b := decimal.RequireFromString(x), decimal.RequireFromString(y)
			assert.Equal(t, a.Cmp(b), cmpDec(a, b), "%s vs %s", x, y)
		}
	}
}

func TestCmpFastDoesNotAllocate(t *testing.T) {
	a, b := decimal.RequireFromString("99.1"), decimal.NewFromInt(95)
	n := testing.AllocsPerRun(100, func() { _ = cmpDec(a, b) })
	assert.Zero(t, n)
}
