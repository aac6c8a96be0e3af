package secretome

import (
	"fmt"
	"strconv"
	"time"

	"github.com/openregen/secretomekit/message"
)

// Date is a calendar day without a time or zone, as written in dossiers
// ("2025-03-06"). The zero Date means "not given"; IsZero reports it.
// Dates are comparable with == and ordered with Before, After and Compare.
type Date struct {
	// Year is the year in the Gregorian calendar; the text form holds
	// years 0 to 9999.
	Year int
	// Month is the month, January = 1; zero only in the zero Date.
	Month time.Month
	// Day is the day of the month, from 1; zero only in the zero Date.
	Day int
}

// ParseDate reads a date in the form YYYY-MM-DD and checks that the day
// exists (2025-02-30 is an error). Decoders report its error with
// CodeFormat: the value is a string, but not a date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &dateError{text: s}
	}
	return DateOf(t), nil
}

// dateError reports text that is not a day in the form YYYY-MM-DD.
type dateError struct{ text string }

func (e *dateError) Error() string { return e.Message().String() }

// Message is the error's text in any supported language.
func (e *dateError) Message() message.Message {
	return message.New("value.date", message.Text(strconv.Quote(e.text)))
}

// StrictCode returns CodeFormat, the problem code decoders report.
func (e *dateError) StrictCode() string { return string(CodeFormat) }

// MustParseDate is like ParseDate but panics on error. It is meant for
// tests and for dates written in code.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of the day.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// valid reports whether d is a day that exists, in years 0 to 9999, so
// that its text form parses back to it.
func (d Date) valid() bool {
	return d.Year >= 0 && d.Year <= 9999 && DateOf(d.Time()) == d
}

// MarshalText encodes the date as YYYY-MM-DD; the zero Date encodes as
// the empty string. A date that does not exist (2025-02-30, month 13) or
// lies outside years 0 to 9999 is an error rather than text that would
// not parse back.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if !d.valid() {
		return nil, fmt.Errorf("date %04d-%02d-%02d does not exist or is out of range", d.Year, int(d.Month), d.Day)
	}
	return []byte(d.String()), nil
}

// UnmarshalText decodes YYYY-MM-DD; the empty string is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
