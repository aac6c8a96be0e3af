package secretome

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/message"
)

// Bounds on the numbers a Quantity reads and writes. They keep parsing and
// printing cheap on hostile input and are far beyond any real measurement.
const (
	// MaxQuantityDigits is the largest number of significant digits (the
	// coefficient without leading zeros) a quantity may have.
	MaxQuantityDigits = 64
	// MaxQuantityExponent bounds the decimal exponent of the stored value:
	// the value is coefficient × 10^e with |e| ≤ MaxQuantityExponent.
	MaxQuantityExponent = 64
	// maxNumberLen bounds the length in bytes of a number literal.
	maxNumberLen = 200
)

// Sentinel errors. Callers branch on them with errors.Is. Those about the
// JSON form carry the Code a decoder should report (see StrictCode).
var (
	// ErrInexact: a conversion result has no exact finite decimal form
	// (1 h is 1/24 d). Nothing is ever rounded instead.
	ErrInexact = errors.New("conversion is not exact")
	// ErrOutOfRange: a value exceeds MaxQuantityDigits or
	// MaxQuantityExponent, or an operation would overflow the exponent.
	ErrOutOfRange = errors.New("number out of range")
	// ErrMissing: a required JSON field is absent or empty (CodeRequired).
	ErrMissing error = &codedError{"value.missing", CodeRequired}
	// ErrUnknownField: a JSON object has a field the format does not
	// define (CodeUnknownField).
	ErrUnknownField error = &codedError{"value.field.unknown", CodeUnknownField}
	// ErrDuplicateField: a JSON object has the same field twice
	// (CodeDuplicate).
	ErrDuplicateField error = &codedError{"value.field.twice", CodeDuplicate}
	// ErrWrongType: a JSON value has the wrong type (CodeType).
	ErrWrongType error = &codedError{"value.wrong_type", CodeType}
)

// codedError is a sentinel error that knows its problem Code; text is
// the code of its message.
type codedError struct {
	text string
	code Code
}

func (e *codedError) Error() string { return e.Message().String() }

// Message is the error's text in any supported language.
func (e *codedError) Message() message.Message { return message.New(e.text) }

// typeError is ErrWrongType with what was expected and what was found:
// text is the code of its message, which takes the JSON kind found.
type typeError struct {
	text string
	got  jsonKind
}

func (e *typeError) Error() string { return e.Message().String() }

// Message is the error's text in any supported language.
func (e *typeError) Message() message.Message {
	return message.New(e.text, message.Term("value.json."+string(e.got)))
}

// StrictCode returns CodeType.
func (e *typeError) StrictCode() string { return string(CodeType) }

// Unwrap returns ErrWrongType.
func (e *typeError) Unwrap() error { return ErrWrongType }

// rangeError is ErrOutOfRange with the bound that was passed: text is the
// code of its message, a and b its numbers.
type rangeError struct {
	text string
	a, b int
}

func (e *rangeError) Error() string { return e.Message().String() }

// Message is the error's text in any supported language.
func (e *rangeError) Message() message.Message {
	return message.New(e.text, message.Int(e.a), message.Int(e.b))
}

// Unwrap returns ErrOutOfRange.
func (e *rangeError) Unwrap() error { return ErrOutOfRange }

// StrictCode returns the problem code for decoders.
func (e *codedError) StrictCode() string { return string(e.code) }

// Quantity is an exact measured amount with its unit, such as 1200 pg/mL or
// −80 °C. The value is a decimal, never a float: "1.20" keeps its two
// decimals and 1.2 × 10^9 particles/mL is held exactly.
//
// The zero Quantity (zero value, UnitNone) means "not given"; IsZero
// reports it, and it marshals to JSON null so `json:",omitzero"` fields can
// hold it. A zero amount in a real unit, like 0 %, is not the zero Quantity.
//
// Quantities are values: every method returns a new Quantity and never
// changes its receiver. Compare them with Cmp or Equal, not ==, because
// 1 mg/mL equals 1000 µg/mL and Decimal holds a pointer.
type Quantity struct {
	// Value is the amount in Unit, with the digits as written (1.20 keeps
	// its trailing zero). ParseQuantity bounds it by MaxQuantityDigits and
	// MaxQuantityExponent.
	Value decimal.Decimal
	// Unit is the unit of Value; UnitNone with a zero Value is the zero
	// (absent) Quantity.
	Unit Unit
}

// NewQuantity returns the quantity v u. It does not check u; IsValid does.
func NewQuantity(v decimal.Decimal, u Unit) Quantity { return Quantity{Value: v, Unit: u} }

// IsZero reports whether q is absent: no unit and a zero value.
func (q Quantity) IsZero() bool { return q.Unit == UnitNone && q.Value.IsZero() }

// IsValid reports whether q has a defined unit and a value within the
// bounds that ParseQuantity accepts, so that it prints and parses back.
func (q Quantity) IsValid() bool { return q.Unit.Valid() && checkRange(q.Value) == nil }

// Dimension returns the dimension of q's unit.
func (q Quantity) Dimension() Dimension { return q.Unit.Dimension() }

// FieldError is an error in one field of a quantity's JSON object, such as
// "unit". Error returns Field + ": " + Err.Error(), so a decoder that knows
// the outer path can prefix it ("composition[2].quantity.unit").
type FieldError struct {
	// Field is the JSON field name: "value", "unit" or the unknown name.
	Field string
	// Err is the cause: a *QuantitySyntaxError, *UnknownUnitError, or one
	// of ErrMissing, ErrUnknownField, ErrDuplicateField, ErrWrongType.
	Err error
}

// Error returns the field name, a colon and the cause.
func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *FieldError) Unwrap() error { return e.Err }

// QuantitySyntaxError reports text that is not a well-formed quantity or
// number: "1.2.3 mg/mL", "mg/mL", "1,5 %". It is distinct from
// *UnknownUnitError, which reports a well-formed quantity whose unit is not
// known.
type QuantitySyntaxError struct {
	// Text is the whole text that was parsed.
	Text string
	// Offset is the byte offset in Text where the problem was found.
	Offset int
	// Msg says what is wrong, such as "missing unit", in English.
	Msg string

	text    message.Message // Msg in any language; zero for an error built by a caller
	inValue bool            // found in the "value" field of the JSON object form
}

// syntaxError returns the error for text s at byte offset off, with the
// message msg.
func syntaxError(s string, off int, msg message.Message) *QuantitySyntaxError {
	return &QuantitySyntaxError{Text: s, Offset: off, Msg: msg.String(), text: msg}
}

// StrictCode returns the problem code a decoder reports: CodeNumber when
// the error is in the "value" field of the JSON object form, CodeFormat
// for the text form.
func (e *QuantitySyntaxError) StrictCode() string {
	if e.inValue {
		return string(CodeNumber)
	}
	return string(CodeFormat)
}

// Error describes the problem and where it is, in English.
func (e *QuantitySyntaxError) Error() string { return e.Message().String() }

// Message describes the problem and where it is, in any supported
// language (Msg as written when the error was built without a catalogued
// text).
func (e *QuantitySyntaxError) Message() message.Message {
	msg := e.text
	if msg.IsZero() {
		msg = message.Plain(e.Msg)
	}
	return message.New("value.quantity.syntax", message.Text(strconv.Quote(e.Text)), message.Int(e.Offset), msg)
}

// DimensionError reports an attempt to convert, compare or add quantities
// whose units measure different things.
type DimensionError struct {
	// From is the unit of the quantity converted or compared.
	From Unit
	// To is the unit it was to be converted to or compared with.
	To Unit
}

// StrictCode returns CodeUnit, the problem code for a unit that does not
// fit what is measured.
func (e *DimensionError) StrictCode() string { return string(CodeUnit) }

// Error names both units and their dimensions, e.g.
// "cannot convert ng/mL (mass concentration) to nm (length)".
func (e *DimensionError) Error() string { return e.Message().String() }

// Message is Error's text in any supported language.
func (e *DimensionError) Message() message.Message {
	return message.New("value.dimension", unitLabel(e.From), dimension(e.From.Dimension()), unitLabel(e.To), dimension(e.To.Dimension()))
}

func unitLabel(u Unit) message.Arg {
	if u == UnitNone {
		return message.Term("value.unit.none")
	}
	return message.Text(u.String())
}

// ParseQuantity reads a quantity written as a number, optional space and a
// unit: "1200 pg/mL", "1.2e9 particles/mL", "1.2 × 10^9 particles/mL",
// "5%", "5 %", "-80 °C", "0.22 µm", and "pH 7.4" (the unit pH may also come
// first). Rules:
//
//  1. Surrounding white space is ignored; between number and unit any
//     Unicode space (including no-break and thin spaces) is allowed.
//  2. The number is an optional sign ("-", "+" or U+2212 minus), digits, an
//     optional "." with digits, and an optional exponent "e"/"E" with
//     optional sign and digits. ".5", "5." and decimal commas are syntax
//     errors: a comma is ambiguous between languages.
//  3. Instead of an e-exponent, "× 10^N", "x 10^N" or "× 10ᴺ" (with
//     superscript digits, as in "1.2 × 10⁹") may follow, with or without
//     spaces.
//  4. The digits are kept as written: "1.20" stays 1.20 (two decimals).
//  5. The value may have at most MaxQuantityDigits significant digits and
//     a decimal exponent within ±MaxQuantityExponent; "1e999999999" is an
//     error, not a rounding.
//  6. The unit is any spelling ParseUnit accepts.
//
// A malformed text returns a *QuantitySyntaxError; a well-formed text with
// an unknown unit returns an *UnknownUnitError.
func ParseQuantity(s string) (Quantity, error) {
	t := strings.TrimFunc(s, unicode.IsSpace)
	base := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	synErr := func(off int, code string, args ...message.Arg) error {
		return syntaxError(s, base+off, message.New(code, args...))
	}
	if t == "" {
		return Quantity{}, synErr(0, "value.quantity.empty")
	}
	unitFirst := false
	if strings.HasPrefix(t, "pH") && len(t) > 2 && !isUnitContinuation(t[2:]) {
		unitFirst = true
		rest := strings.TrimLeftFunc(t[2:], unicode.IsSpace)
		base += len(t) - len(rest)
		t = rest
	}
	v, n, err := scanNumber(t, true)
	if err != nil {
		err.Text, err.Offset = s, base+err.Offset
		return Quantity{}, err
	}
	rest := t[n:]
	restOff := n
	if mant, exp, ok := scanTimesTen(rest); ok {
		if strings.ContainsAny(t[:n], "eE") {
			return Quantity{}, synErr(n, "value.quantity.both_exponents")
		}
		if exp.err != "" {
			return Quantity{}, synErr(n+exp.off, exp.err)
		}
		sh := int64(v.Exponent()) + exp.n
		if sh > MaxQuantityExponent || sh < -MaxQuantityExponent {
			return Quantity{}, synErr(n, "value.quantity.exponent", message.Int(MaxQuantityExponent))
		}
		v = v.Shift(int32(exp.n))
		rest = rest[mant:]
		restOff += mant
	}
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	restOff += len(rest) - len(trimmed)
	rest = trimmed
	if unitFirst {
		if rest != "" {
			return Quantity{}, synErr(restOff, "value.quantity.after_ph", message.Text(strconv.Quote(rest)))
		}
		return Quantity{Value: v, Unit: UnitPH}, nil
	}
	if rest == "" {
		return Quantity{}, synErr(restOff, "value.quantity.no_unit")
	}
	switch c, _ := utf8.DecodeRuneInString(rest); {
	case c >= '0' && c <= '9', c == '.', c == ',', c == '+', c == '-', c == '−':
		code := "value.quantity.malformed"
		switch {
		case c == ',':
			code = "value.quantity.comma"
		case c == '.':
			code = "value.quantity.two_points"
		case c >= '0' && c <= '9':
			code = "value.quantity.digit_space"
		}
		return Quantity{}, synErr(restOff, code)
	}
	u, ok := unitBySpelling[rest]
	if !ok {
		return Quantity{}, &UnknownUnitError{Text: rest}
	}
	return Quantity{Value: v, Unit: u}, nil
}

// isUnitContinuation reports whether s continues a unit name, so that a
// leading "pH" is part of a longer word rather than the pH prefix form.
func isUnitContinuation(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

type timesExp struct {
	n   int64
	off int
	err string // the code of the message, when the exponent is missing
}

// scanTimesTen recognises "× 10^N", "x10^N" or "× 10⁹" (superscript
// digits) at the start of s, after optional spaces. It returns how many
// bytes it used and the exponent. ok is false when s does not start with
// "×" or "x" followed by "10"; then nothing was used. After "× 10" anything
// but an exponent is reported in e.err.
func scanTimesTen(s string) (used int, e timesExp, ok bool) {
	i := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	switch {
	case strings.HasPrefix(s[i:], "×"):
		i += len("×")
	case strings.HasPrefix(s[i:], "x"):
		i++
	default:
		return 0, e, false
	}
	i += len(s[i:]) - len(strings.TrimLeftFunc(s[i:], unicode.IsSpace))
	if !strings.HasPrefix(s[i:], "10") {
		return 0, e, false
	}
	i += 2
	e.off = i
	super := !strings.HasPrefix(s[i:], "^")
	if !super {
		i++
	}
	neg := false
	switch {
	case super && strings.HasPrefix(s[i:], "⁻"):
		neg = true
		i += len("⁻")
	case super && strings.HasPrefix(s[i:], "⁺"):
		i += len("⁺")
	case super:
	case strings.HasPrefix(s[i:], "-"), strings.HasPrefix(s[i:], "+"):
		neg = s[i] == '-'
		i++
	case strings.HasPrefix(s[i:], "−"):
		neg = true
		i += len("−")
	}
	start := i
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		d := digitValue(r, super)
		if d < 0 {
			break
		}
		if e.n <= 1e6 {
			e.n = e.n*10 + int64(d)
		}
		i += size
	}
	if i == start {
		e.err = "value.quantity.times_ten"
	}
	if neg {
		e.n = -e.n
	}
	return i, e, true
}

// digitValue returns the value of the decimal digit r, ASCII or (when
// super is set) superscript, or -1.
func digitValue(r rune, super bool) int {
	switch {
	case !super && r >= '0' && r <= '9':
		return int(r - '0')
	case !super:
		return -1
	case r == '¹':
		return 1
	case r == '²':
		return 2
	case r == '³':
		return 3
	case r == '⁰' || (r >= '⁴' && r <= '⁹'):
		return int(r - '⁰')
	}
	return -1
}

// scanNumber reads a decimal number at the start of s and returns it with
// the number of bytes used. With lenient set it accepts "+" and U+2212 as
// signs and stops at the first byte that cannot continue the number;
// otherwise it accepts only "-" as a sign and must use all of s. It reads
// a string or the bytes of a JSON value alike, copying them only into an
// error.
func scanNumber[S ~string | ~[]byte](s S, lenient bool) (decimal.Decimal, int, *QuantitySyntaxError) {
	fail := func(off int, code string, args ...message.Arg) (decimal.Decimal, int, *QuantitySyntaxError) {
		return decimal.Decimal{}, 0, syntaxError(string(s), off, message.New(code, args...))
	}
	i := 0
	neg := false
	switch {
	case len(s) > 0 && s[0] == '-':
		neg, i = true, 1
	case lenient && len(s) > 0 && s[0] == '+':
		i = 1
	case lenient && len(s) >= len("−") && string(s[:len("−")]) == "−":
		neg, i = true, len("−")
	}
	// Mantissa: collect the digits of the coefficient without leading zeros.
	var (
		lo        uint64 // coefficient while it fits in 18 digits
		sig       int    // significant digits seen
		fracDigit int    // digits after the point
		intStart  = i
	)
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if sig > 0 || s[i] != '0' {
			if sig < 19 {
				lo = lo*10 + uint64(s[i]-'0')
			}
			sig++
		}
		i++
	}
	if i == intStart {
		if i < len(s) && s[i] == '.' {
			return fail(i, "value.quantity.leading_point")
		}
		if i < len(s) {
			r, _ := utf8.DecodeRuneInString(string(s[i:]))
			return fail(i, "value.quantity.found", message.Text(strconv.QuoteRune(r)))
		}
		return fail(i, "value.quantity.expected")
	}
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if sig > 0 || s[i] != '0' {
				if sig < 19 {
					lo = lo*10 + uint64(s[i]-'0')
				}
				sig++
			}
			i++
		}
		fracDigit = i - fs
		if fracDigit == 0 {
			return fail(i, "value.quantity.fraction")
		}
	}
	mantEnd := i
	var exp int64
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		eneg := false
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			eneg = s[j] == '-'
			j++
		}
		ds := j
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			if exp <= 1e6 {
				exp = exp*10 + int64(s[j]-'0')
			}
			j++
		}
		switch {
		case j > ds:
			if eneg {
				exp = -exp
			}
			i = j
		case !lenient:
			return fail(j, "value.quantity.exponent_digits")
		}
		// Lenient: "5 EU/mL" written "5EU/mL" leaves the "E" to the unit.
	}
	if i > maxNumberLen {
		return fail(0, "value.quantity.long", message.Int(maxNumberLen))
	}
	if !lenient && i != len(s) {
		r, _ := utf8.DecodeRuneInString(string(s[i:]))
		return fail(i, "value.quantity.after_number", message.Text(strconv.QuoteRune(r)))
	}
	if sig > MaxQuantityDigits {
		return fail(0, "value.quantity.digits", message.Int(MaxQuantityDigits))
	}
	e := exp - int64(fracDigit)
	if e > MaxQuantityExponent || e < -MaxQuantityExponent {
		return fail(0, "value.quantity.exponent", message.Int(MaxQuantityExponent))
	}
	var d decimal.Decimal
	if sig <= 18 {
		c := int64(lo)
		if neg {
			c = -c
		}
		d = strictjson.NewDecimal(c, int32(e))
	} else {
		digits := make([]byte, 0, sig+1)
		if neg {
			digits = append(digits, '-')
		}
		for k := intStart; k < mantEnd; k++ {
			if s[k] != '.' {
				digits = append(digits, s[k])
			}
		}
		c, ok := new(big.Int).SetString(string(digits), 10)
		if !ok { // unreachable: digits are checked above
			return fail(0, "value.quantity.malformed")
		}
		d = decimal.NewFromBigInt(c, int32(e))
	}
	return d, i, nil
}

// MustParseQuantity is like ParseQuantity but panics on error. It is meant
// for tests and for quantities written in code.
func MustParseQuantity(s string) Quantity {
	q, err := ParseQuantity(s)
	if err != nil {
		panic(err)
	}
	return q
}

// checkRange reports whether d is within MaxQuantityDigits and
// MaxQuantityExponent.
func checkRange(d decimal.Decimal) error {
	e := d.Exponent()
	if e > MaxQuantityExponent || e < -MaxQuantityExponent {
		return &rangeError{"value.range.exponent", int(e), MaxQuantityExponent}
	}
	if n := d.NumDigits(); n > MaxQuantityDigits {
		return &rangeError{"value.range.digits", n, MaxQuantityDigits}
	}
	return nil
}

// asWritten renders a decimal with every digit it holds, as the
// document wrote it ("90.50", not decimal's own "90.5"), for messages.
func asWritten(d decimal.Decimal) string { return string(appendNumber(nil, d)) }

// appendNumber appends the text form of d: fixed-point with exactly
// -exponent decimals when the exponent is between -MaxQuantityExponent
// and 0 ("1.20", "1200", "0.005"), otherwise scientific with the
// coefficient's digits ("1.2e9", "12e-70" as "1.2e-69").
func appendNumber(b []byte, d decimal.Decimal) []byte {
	e := int(d.Exponent())
	c := d.Coefficient()
	if c.Sign() < 0 {
		b = append(b, '-')
		c.Neg(c)
	}
	start := len(b)
	if c.IsInt64() {
		b = strconv.AppendInt(b, c.Int64(), 10)
	} else {
		b = c.Append(b, 10)
	}
	nd := len(b) - start
	switch {
	case e == 0:
		return b
	case e < 0 && e >= -MaxQuantityExponent:
		frac := -e
		if nd > frac {
			// Insert the point nd-frac digits in.
			b = append(b, 0)
			p := start + nd - frac
			copy(b[p+1:], b[p:])
			b[p] = '.'
			return b
		}
		// 0.000ddd: shift digits right by 2+(frac-nd).
		pad := 2 + frac - nd
		for k := 0; k < pad; k++ {
			b = append(b, 0)
		}
		copy(b[start+pad:], b[start:start+nd])
		b[start], b[start+1] = '0', '.'
		for k := start + 2; k < start+pad; k++ {
			b[k] = '0'
		}
		return b
	default:
		sciExp := e + nd - 1
		if nd > 1 {
			b = append(b, 0)
			copy(b[start+2:], b[start+1:start+nd])
			b[start+1] = '.'
		}
		b = append(b, 'e')
		return strconv.AppendInt(b, int64(sciExp), 10)
	}
}

// String returns the value with its digits as held, a space and the unit's
// canonical symbol: "1200 pg/mL", "1.20 mg/mL", "5 %", "-80 °C",
// "1.2e9 particles/mL". A value with a positive exponent (as read from
// "1.2e9") is written in scientific form; any other value is written
// without an exponent. The zero Quantity prints as "". The result parses
// back with ParseQuantity to the same value, digits and unit whenever
// IsValid is true.
func (q Quantity) String() string {
	if q.IsZero() {
		return ""
	}
	return string(q.appendText(make([]byte, 0, 24)))
}

func (q Quantity) appendText(b []byte) []byte {
	b = appendNumber(b, q.Value)
	b = append(b, ' ')
	return append(b, q.Unit.String()...)
}

// MarshalText encodes q as String does. The zero Quantity encodes as the
// empty string. A quantity that would not parse back (undefined unit, or a
// value beyond the bounds) is an error rather than text that cannot be
// read.
func (q Quantity) MarshalText() ([]byte, error) {
	if q.IsZero() {
		return []byte{}, nil
	}
	if err := q.check(); err != nil {
		return nil, err
	}
	return q.appendText(make([]byte, 0, 24)), nil
}

func (q Quantity) check() error {
	if !q.Unit.Valid() {
		return fmt.Errorf("quantity %s has no valid unit", appendNumber(nil, q.Value))
	}
	return checkRange(q.Value)
}

// UnmarshalText decodes the text form read by ParseQuantity. The empty
// string decodes to the zero Quantity.
func (q *Quantity) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*q = Quantity{}
		return nil
	}
	v, err := ParseQuantity(string(b))
	if err != nil {
		return err
	}
	*q = v
	return nil
}

// MarshalJSON encodes q as {"value":"1.20","unit":"mg/mL"}. The value is a
// JSON string holding the digits exactly as held, so no JSON reader turns
// it into a float. The zero Quantity encodes as null.
func (q Quantity) MarshalJSON() ([]byte, error) {
	if q.IsZero() {
		return []byte("null"), nil
	}
	if err := q.check(); err != nil {
		return nil, err
	}
	b := make([]byte, 0, 48)
	b = append(b, `{"value":"`...)
	b = appendNumber(b, q.Value)
	b = append(b, `","unit":"`...)
	b = append(b, q.Unit.String()...)
	return append(b, `"}`...), nil
}

// UnmarshalJSON decodes a quantity in one of these forms:
//
//   - {"value":"1.20","unit":"mg/mL"}: value as a string with the number
//     syntax of ParseQuantity, limited to ASCII: "-" is the only sign and
//     there is no "× 10^N";
//   - {"value":1.20,"unit":"mg/mL"}: value as a JSON number, read from the
//     raw bytes and never through float64, so 1.20 keeps its two decimals;
//   - "1.20 mg/mL": a string in any form ParseQuantity accepts;
//   - null, which leaves q unchanged as encoding/json expects.
//
// In the object form both fields are required and no other field is
// allowed; field names are case-sensitive. Errors about one field are a
// *FieldError naming it ("unit: unknown unit ..."), wrapping
// *QuantitySyntaxError, *UnknownUnitError, ErrMissing, ErrUnknownField,
// ErrDuplicateField or ErrWrongType. Errors about the string form are
// those of ParseQuantity.
func (q *Quantity) UnmarshalJSON(data []byte) error {
	p := jsonScanner{b: data}
	p.skipSpace()
	if p.i >= len(p.b) {
		return message.New("value.quantity.json_empty").Err()
	}
	var v Quantity
	switch p.b[p.i] {
	case 'n':
		if err := p.literal("null"); err != nil {
			return err
		}
		return p.end()
	case '"':
		s, err := p.str()
		if err != nil {
			return err
		}
		if err := p.end(); err != nil {
			return err
		}
		if v, err = ParseQuantity(s); err != nil {
			return err
		}
	case '{':
		var err error
		if v, err = p.object(); err != nil {
			return err
		}
		if err := p.end(); err != nil {
			return err
		}
	default:
		return &typeError{"value.quantity.wrong_type", p.kind()}
	}
	*q = v
	return nil
}

// DecodeJSONPrefix decodes a quantity in the object form written plainly
// at the start of data, for a decoder that reads a document in one pass:
// {"value":"1.20","unit":"mg/mL"} or {"value":1.20,"unit":"mg/mL"}, with
// the two fields in either order, any JSON whitespace between tokens, and
// names and strings without escapes. It then sets q to what UnmarshalJSON
// would decode from the object and returns the object's length in bytes
// and true. For any other input, including a plain object that
// UnmarshalJSON would reject, it returns false and leaves q unchanged:
// UnmarshalJSON then decodes the value or explains what is wrong with it.
func (q *Quantity) DecodeJSONPrefix(data []byte) (n int, ok bool) {
	if len(data) == 0 || data[0] != '{' {
		return 0, false
	}
	p := jsonScanner{b: data, i: 1}
	var value, unit []byte
	var hasValue, hasUnit bool
	for field := 0; field < 2; field++ {
		p.skipSpace()
		key, ok := p.plainString()
		if !ok {
			return 0, false
		}
		p.skipSpace()
		if p.i >= len(p.b) || p.b[p.i] != ':' {
			return 0, false
		}
		p.i++
		p.skipSpace()
		switch string(key) {
		case "value":
			if hasValue || p.i >= len(p.b) {
				return 0, false
			}
			hasValue = true
			if p.b[p.i] == '"' {
				value, ok = p.plainString()
			} else if end := strictjson.NumberEnd(p.b, p.i); end >= 0 {
				value, ok, p.i = p.b[p.i:end], true, end
			}
		case "unit":
			if hasUnit {
				return 0, false
			}
			hasUnit = true
			unit, ok = p.plainString()
		default:
			return 0, false
		}
		if !ok {
			return 0, false
		}
		p.skipSpace()
		if p.i >= len(p.b) || p.b[p.i] != ",}"[field] {
			return 0, false
		}
		p.i++
	}
	if len(value) == 0 || len(unit) == 0 {
		return 0, false
	}
	d, _, serr := scanNumber(value, false)
	if serr != nil {
		return 0, false
	}
	u, known := unitBySpelling[string(unit)]
	if !known {
		return 0, false
	}
	*q = Quantity{Value: d, Unit: u}
	return p.i, true
}

// plainString reads a JSON string at p.i that holds no escape and no
// control character and is valid UTF-8, and returns its contents, a part
// of the input; ok is false, with p.i anywhere, for any other input.
func (p *jsonScanner) plainString() (s []byte, ok bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, false
	}
	start := p.i + 1
	ascii := true
	for i := start; i < len(p.b); i++ {
		switch c := p.b[i]; {
		case c == '"':
			s = p.b[start:i]
			p.i = i + 1
			return s, ascii || utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false
}

// jsonScanner reads the small JSON object of a quantity without reflection.
// It checks the syntax it relies on itself, so it is safe on any input,
// not only on bytes a JSON decoder has already validated.
type jsonScanner struct {
	b []byte
	i int
}

func (p *jsonScanner) skipSpace() { p.i = strictjson.SkipSpace(p.b, p.i) }

// syntax is the error of JSON that is not what the scanner wants at p.i.
func (p *jsonScanner) syntax(what message.Arg) error {
	if p.i >= len(p.b) {
		return message.New("value.quantity.json_end", what).Err()
	}
	return message.New("value.quantity.json_want", message.Int(p.i), what).Err()
}

func (p *jsonScanner) end() error {
	p.skipSpace()
	if p.i != len(p.b) {
		return message.New("value.quantity.json_after", message.Int(p.i)).Err()
	}
	return nil
}

func (p *jsonScanner) literal(lit string) error {
	if !strings.HasPrefix(string(p.b[p.i:]), lit) {
		return p.syntax(message.Text(lit))
	}
	p.i += len(lit)
	return nil
}

// jsonKind is the JSON type of a value, as the last part of its term
// "value.json.<kind>".
type jsonKind string

// kind is the JSON type of the value starting at p.i.
func (p *jsonScanner) kind() jsonKind {
	if p.i >= len(p.b) {
		return "nothing"
	}
	switch c := p.b[p.i]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "number"
	}
	return "invalid"
}

// str reads a JSON string at p.i and returns its contents.
func (p *jsonScanner) str() (string, error) {
	b, err := p.strBytes()
	return string(b), err
}

// strBytes reads a JSON string at p.i. A string without escapes is
// returned as a slice of the input, without copying; a string with escapes
// is decoded by encoding/json.
func (p *jsonScanner) strBytes() ([]byte, error) {
	start := p.i
	p.i++
	escaped := false
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			raw := p.b[start:p.i]
			if !escaped {
				if !utf8.Valid(raw) {
					return nil, message.New("value.quantity.json_utf8").Err()
				}
				return raw[1 : len(raw)-1], nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return nil, fmt.Errorf("invalid JSON string for quantity: %w", err)
			}
			return []byte(s), nil
		case c == '\\':
			escaped = true
			p.i += 2
		case c < 0x20:
			return nil, p.syntax(message.Term("value.quantity.want_no_control"))
		default:
			p.i++
		}
	}
	p.i = len(p.b)
	return nil, p.syntax(message.Term("value.quantity.want_quote"))
}

// number returns the raw bytes of a JSON number at p.i: everything up to
// the next delimiter. scanNumber checks it.
func (p *jsonScanner) number() []byte {
	start := p.i
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return p.b[start:p.i]
		}
		p.i++
	}
	return p.b[start:p.i]
}

func (p *jsonScanner) object() (Quantity, error) {
	p.i++ // '{'
	var (
		value               []byte
		unit                []byte
		hasValue, hasUnit   bool
		valueIsNum, anyKeys bool
	)
	for {
		p.skipSpace()
		if p.i < len(p.b) && p.b[p.i] == '}' && !anyKeys {
			p.i++
			break
		}
		if p.i >= len(p.b) || p.b[p.i] != '"' {
			return Quantity{}, p.syntax(message.Term("value.quantity.want_name"))
		}
		key, err := p.strBytes()
		if err != nil {
			return Quantity{}, err
		}
		anyKeys = true
		p.skipSpace()
		if p.i >= len(p.b) || p.b[p.i] != ':' {
			return Quantity{}, p.syntax(message.Text("':'"))
		}
		p.i++
		p.skipSpace()
		switch string(key) {
		case "value":
			if hasValue {
				return Quantity{}, &FieldError{Field: string(key), Err: ErrDuplicateField}
			}
			hasValue = true
			switch k := p.kind(); k {
			case "string":
				if value, err = p.strBytes(); err != nil {
					return Quantity{}, err
				}
			case "number":
				value, valueIsNum = p.number(), true
			default:
				return Quantity{}, &FieldError{Field: string(key), Err: &typeError{"value.quantity.value_type", k}}
			}
		case "unit":
			if hasUnit {
				return Quantity{}, &FieldError{Field: string(key), Err: ErrDuplicateField}
			}
			hasUnit = true
			if k := p.kind(); k != "string" {
				return Quantity{}, &FieldError{Field: string(key), Err: &typeError{"value.quantity.unit_type", k}}
			}
			if unit, err = p.strBytes(); err != nil {
				return Quantity{}, err
			}
		default:
			return Quantity{}, &FieldError{Field: string(key), Err: ErrUnknownField}
		}
		p.skipSpace()
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.b) && p.b[p.i] == '}' {
			p.i++
			break
		}
		return Quantity{}, p.syntax(message.Term("value.quantity.want_comma"))
	}
	if !hasValue || len(value) == 0 && !valueIsNum {
		return Quantity{}, &FieldError{Field: "value", Err: ErrMissing}
	}
	if !hasUnit || len(unit) == 0 {
		return Quantity{}, &FieldError{Field: "unit", Err: ErrMissing}
	}
	d, _, serr := scanNumber(value, false)
	if serr != nil {
		serr.inValue = true
		return Quantity{}, &FieldError{Field: "value", Err: serr}
	}
	u, ok := unitBySpelling[string(unit)]
	if !ok {
		return Quantity{}, &FieldError{Field: "unit", Err: &UnknownUnitError{Text: string(unit)}}
	}
	return Quantity{Value: d, Unit: u}, nil
}

// base returns q's value in the base unit of its dimension; exact.
func (q Quantity) base() (decimal.Decimal, error) {
	info := unitTable[q.Unit]
	v := q.Value
	if info.mult != 1 {
		v = v.Mul(decimal.New(info.mult, 0))
	}
	return shift(v, int64(info.pow))
}

// shift moves the decimal point of v by n places without overflowing the
// int32 exponent.
func shift(v decimal.Decimal, n int64) (decimal.Decimal, error) {
	e := int64(v.Exponent()) + n
	if e > math.MaxInt32 || e < math.MinInt32 {
		return decimal.Decimal{}, fmt.Errorf("%w: exponent %d overflows", ErrOutOfRange, e)
	}
	return v.Shift(int32(n)), nil
}

// sameDimension returns a *DimensionError unless q and unit to are
// defined units of one dimension.
func (q Quantity) sameDimension(to Unit) error {
	if !q.Unit.Valid() || !to.Valid() || q.Unit.Dimension() != to.Dimension() {
		return &DimensionError{From: q.Unit, To: to}
	}
	return nil
}

// Convert returns q expressed in unit to, exactly. The units must have
// the same dimension, or the error is a *DimensionError.
//
// Every factor between units of one dimension is a power of ten or a whole
// number (1 d = 24 h = 86400 s, 1 year = 12 months), so the result is
// exact whenever it has a finite decimal form: 36 h is 1.5 d. When it does
// not (1 h is 0.041666… d) Convert returns an error wrapping ErrInexact
// and never rounds.
//
// The result keeps the input's precision: 1.20 mg/mL is 1200 µg/mL and
// 1200 µg/mL is 1.200 mg/mL. A result that would have a positive exponent
// from an input without one is written out in full (1 mg/mL is
// 1000000000 pg/mL); an input with a positive exponent (1.2e9) keeps
// scientific form.
//
// A result beyond MaxQuantityDigits significant digits or an exponent
// beyond ±MaxQuantityExponent, which ParseQuantity would refuse, is an
// error wrapping ErrOutOfRange rather than a value no document could hold.
func (q Quantity) Convert(to Unit) (Quantity, error) {
	if err := q.sameDimension(to); err != nil {
		return Quantity{}, err
	}
	if q.Unit == to {
		return q, nil
	}
	r, err := q.convert(to)
	if err != nil {
		return Quantity{}, err
	}
	if err := checkRange(r.Value); err != nil {
		return Quantity{}, fmt.Errorf("%s in %s: %w", q, to, err)
	}
	return r, nil
}

// convert is Convert between different units of one dimension, without
// the range check.
func (q Quantity) convert(to Unit) (Quantity, error) {
	from, dst := unitTable[q.Unit], unitTable[to]
	inExp := int64(q.Value.Exponent())
	target := inExp + int64(from.pow) - int64(dst.pow) // exponent of a pure power-of-ten shift
	if inExp <= 0 && target > 0 {
		target = 0
	}
	if target > math.MaxInt32 || target < math.MinInt32 {
		return Quantity{}, fmt.Errorf("%w: exponent %d overflows", ErrOutOfRange, target)
	}
	if from.mult == 1 && dst.mult == 1 && target == inExp+int64(from.pow)-int64(dst.pow) {
		// A pure shift of the decimal point; shares the coefficient.
		return Quantity{Value: q.Value.Shift(int32(target - inExp)), Unit: to}, nil
	}
	if k := inExp + int64(from.pow) - int64(dst.pow) - target; from.mult == 1 && dst.mult == 1 &&
		k < 18 && int64(q.Value.NumDigits())+k <= 18 {
		// Writing out a small value in full: int64 arithmetic suffices.
		c := q.Value.CoefficientInt64()
		for ; k > 0; k-- {
			c *= 10
		}
		return Quantity{Value: decimal.New(c, int32(target)), Unit: to}, nil
	}
	c := q.Value.Coefficient()
	if from.mult != 1 {
		c.Mul(c, big.NewInt(from.mult))
	}
	e := inExp + int64(from.pow) - int64(dst.pow)
	if dst.mult != 1 {
		// Divide by mult = 2^a × 5^b × r with r coprime to 10: r must
		// divide the coefficient; 1/(2^a 5^b) is 5^a 2^b / 10^(a+b).
		r, a, b := dst.mult, int64(0), int64(0)
		for r%2 == 0 {
			r, a = r/2, a+1
		}
		for r%5 == 0 {
			r, b = r/5, b+1
		}
		if r != 1 {
			var rem big.Int
			c.QuoRem(c, big.NewInt(r), &rem)
			if rem.Sign() != 0 {
				return Quantity{}, fmt.Errorf("%w: %s in %s has no finite decimal form", ErrInexact, q, dst.sym)
			}
		}
		k := new(big.Int).Exp(big.NewInt(5), big.NewInt(a), nil)
		k.Mul(k, new(big.Int).Exp(big.NewInt(2), big.NewInt(b), nil))
		c.Mul(c, k)
		e -= a + b
		// Drop the trailing zeros the division introduced, but keep the
		// precision of the input.
		ten := big.NewInt(10)
		var quo, rem big.Int
		for e < target && c.Sign() != 0 {
			quo.QuoRem(c, ten, &rem)
			if rem.Sign() != 0 {
				break
			}
			c.Set(&quo)
			e++
		}
	}
	if e > target {
		// Write out the value in full at the target exponent.
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(e-target), nil))
		e = target
	}
	if e > math.MaxInt32 || e < math.MinInt32 {
		return Quantity{}, fmt.Errorf("%w: exponent %d overflows", ErrOutOfRange, e)
	}
	return Quantity{Value: decimal.NewFromBigInt(c, int32(e)), Unit: to}, nil
}

// Cmp compares q and r, which may be in different units of one dimension,
// exactly. It returns -1 if q < r, 0 if they are equal (1 mg/mL and
// 1000 µg/mL are equal) and +1 if q > r. Units of different dimensions
// give a *DimensionError.
func (q Quantity) Cmp(r Quantity) (int, error) {
	if err := q.sameDimension(r.Unit); err != nil {
		return 0, err
	}
	a, err := q.base()
	if err != nil {
		return 0, err
	}
	b, err := r.base()
	if err != nil {
		return 0, err
	}
	return cmpDecimal(a, b), nil
}

// cmpDecimal compares a and b without scaling a coefficient by more than
// the digits it has, so values with far-apart exponents stay cheap.
func cmpDecimal(a, b decimal.Decimal) int {
	sa, sb := a.Sign(), b.Sign()
	if sa != sb || sa == 0 {
		return cmpInt(sa, sb)
	}
	if d := int64(a.Exponent()) - int64(b.Exponent()); d > 200 || d < -200 {
		// Compare magnitudes by their leading digit position first.
		ma := int64(a.NumDigits()) + int64(a.Exponent())
		mb := int64(b.NumDigits()) + int64(b.Exponent())
		if ma != mb {
			if ma > mb {
				return sa
			}
			return -sa
		}
	}
	return cmpDec(a, b)
}

// Equal reports whether q and r are the same amount, possibly in
// different units of one dimension: 1 mg/mL equals 1000 µg/mL and 1.0 %
// equals 1 %. Quantities of different dimensions are not equal. Two zero
// Quantities are equal.
func (q Quantity) Equal(r Quantity) bool {
	if q.IsZero() || r.IsZero() {
		return q.IsZero() && r.IsZero()
	}
	c, err := q.Cmp(r)
	return err == nil && c == 0
}

// Add returns q + r, exactly, in the finer of the two units (so no
// division is needed). Units of different dimensions give a
// *DimensionError.
func (q Quantity) Add(r Quantity) (Quantity, error) { return q.addSub(r, false) }

// Sub returns q − r, exactly, in the finer of the two units. Units of
// different dimensions give a *DimensionError.
func (q Quantity) Sub(r Quantity) (Quantity, error) { return q.addSub(r, true) }

func (q Quantity) addSub(r Quantity, sub bool) (Quantity, error) {
	if err := q.sameDimension(r.Unit); err != nil {
		return Quantity{}, err
	}
	u := q.Unit
	if finer(r.Unit, u) {
		u = r.Unit
	}
	a, err := q.Convert(u)
	if err != nil {
		return Quantity{}, err
	}
	b, err := r.Convert(u)
	if err != nil {
		return Quantity{}, err
	}
	if d := int64(a.Value.Exponent()) - int64(b.Value.Exponent()); d > 2*MaxQuantityExponent+64 || d < -(2*MaxQuantityExponent+64) {
		return Quantity{}, fmt.Errorf("%w: exponents %d and %d too far apart", ErrOutOfRange, a.Value.Exponent(), b.Value.Exponent())
	}
	if sub {
		return Quantity{Value: a.Value.Sub(b.Value), Unit: u}, nil
	}
	return Quantity{Value: a.Value.Add(b.Value), Unit: u}, nil
}
