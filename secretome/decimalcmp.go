package secretome

import (
	"math"

	"github.com/shopspring/decimal"
)

// pow10 holds 10^0 … 10^18, the powers that fit in an int64.
var pow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// cmpFast compares two decimals exactly without allocating, when both
// coefficients have at most 18 digits and their exponents differ by at
// most 18; ok is false otherwise, and the caller falls back to
// decimal.Decimal.Cmp. Validation compares many small numbers (percentages,
// limits), and decimal's own Cmp allocates to rescale.
func cmpFast(a, b decimal.Decimal) (c int, ok bool) {
	if a.NumDigits() > 18 || b.NumDigits() > 18 {
		return 0, false
	}
	ca, cb := a.CoefficientInt64(), b.CoefficientInt64()
	ea, eb := int64(a.Exponent()), int64(b.Exponent())
	// Scale the coefficient with the larger exponent down to the other's.
	if ea > eb {
		d := ea - eb
		if d > 18 || !scale(&ca, d) {
			return 0, false
		}
	} else if eb > ea {
		d := eb - ea
		if d > 18 || !scale(&cb, d) {
			return 0, false
		}
	}
	switch {
	case ca < cb:
		return -1, true
	case ca > cb:
		return 1, true
	}
	return 0, true
}

// scale multiplies *c by 10^d, reporting false on overflow.
func scale(c *int64, d int64) bool {
	p := pow10[d]
	if *c > math.MaxInt64/p || *c < math.MinInt64/p {
		return false
	}
	*c *= p
	return true
}

// cmpDec compares two decimals exactly, allocating only when it must.
func cmpDec(a, b decimal.Decimal) int {
	if c, ok := cmpFast(a, b); ok {
		return c
	}
	return a.Cmp(b)
}
