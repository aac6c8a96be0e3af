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
	if d, ok := isoDay(s); ok {
		return d, nil
	}
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
	if v, ok := isoDay(b); ok {
		*d = v // without copying b into a string
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// isoDay reads s when it is a day written YYYY-MM-DD with digits alone,
// as time.Parse(time.DateOnly) reads it, and reports false for anything
// else, which time.Parse then reads or rejects.
func isoDay[S ~string | ~[]byte](s S) (Date, bool) {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return Date{}, false
		}
		n = n*10 + int(s[i]-'0')
	}
	y, m, d := n/10000, time.Month(n/100%100), n%100
	if m < time.January || m > time.December || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	return Date{Year: y, Month: m, Day: d}, true
}

// daysIn returns the number of days of month m in year y of the
// proleptic Gregorian calendar.
func daysIn(y int, m time.Month) int {
	if m == time.February {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31 - int(m-1)%7%2
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
