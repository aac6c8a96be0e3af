package strictjson

import (
	"reflect"
	"sync"

	"github.com/shopspring/decimal"
)

// setDecimal decodes raw, a number or a string, into v, a decimal.Decimal
// or decimal.NullDecimal, when it is written in the common short form: an
// optional minus sign, digits, and an optional point followed by digits,
// at most 18 bytes without the point, and for a string without escapes.
// The value is the one decimal's own UnmarshalJSON gives (the coefficient
// with every digit as written, and the exponent from the digits after the
// point), made without copying raw into a string or parsing it twice. It
// reports false, having set nothing, for any other text, which
// UnmarshalJSON then reads and judges.
func setDecimal(v reflect.Value, raw []byte) bool {
	if len(raw) > 0 && raw[0] == '"' {
		raw = raw[1 : len(raw)-1]
	}
	coef, exp, ok := shortDecimal(raw)
	if !ok {
		return false
	}
	dec := NewDecimal(coef, exp)
	switch p := v.Addr().Interface().(type) {
	case *decimal.Decimal:
		*p = dec
	case *decimal.NullDecimal:
		*p = decimal.NullDecimal{Decimal: dec, Valid: true}
	default:
		return false
	}
	return true
}

// shortDecimal reads s when it is -?[0-9]+(\.[0-9]+)? and has at most 18
// bytes besides the point, so that the coefficient fits an int64 as it
// does in decimal.NewFromString, and returns the coefficient and the
// exponent.
func shortDecimal(s []byte) (coef int64, exp int32, ok bool) {
	if len(s) > 19 {
		return 0, 0, false
	}
	i := 0
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		i = 1
	}
	point := -1
	digits := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			coef = coef*10 + int64(c-'0')
			digits++
		case c == '.' && point < 0 && digits > 0:
			point = i
		default:
			return 0, 0, false
		}
	}
	n := len(s)
	if point >= 0 {
		if point == len(s)-1 {
			return 0, 0, false // "5." is left to decimal
		}
		n--
		exp = int32(point + 1 - len(s))
	}
	if digits == 0 || n > 18 || int(-exp) > decimal.MaxDecodeExponent {
		return 0, 0, false
	}
	if neg {
		coef = -coef
	}
	return coef, exp, true
}

// smallCoefficients is how many coefficients, from 0 on, NewDecimal takes
// from a table.
const smallCoefficients = 1000

// smallDecimals holds decimal.New(c, 0) for every c below
// smallCoefficients, made once on first use and never changed.
var smallDecimals = sync.OnceValue(func() *[smallCoefficients]decimal.Decimal {
	var t [smallCoefficients]decimal.Decimal
	for c := range t {
		t[c] = decimal.New(int64(c), 0)
	}
	return &t
})

// NewDecimal returns decimal.New(coef, exp): the same value, coefficient
// and exponent, which reflect.DeepEqual holds equal to it. For a
// coefficient from 0 to 999 it allocates nothing: the decimal shares the
// coefficient of a table entry, as decimal's own Shift shares the
// coefficient of the decimal it shifts, which is safe because a
// decimal.Decimal is never changed once made.
func NewDecimal(coef int64, exp int32) decimal.Decimal {
	if coef >= 0 && coef < smallCoefficients {
		return smallDecimals()[coef].Shift(exp)
	}
	return decimal.New(coef, exp)
}
