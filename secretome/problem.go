package secretome

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/message"
)

// Severity says how much a Problem matters. Errors make a document invalid;
// warnings and notes are reported beside them but do not.
type Severity uint8

// The severities, from least to most serious. The zero value is SeverityInfo.
const (
	SeverityInfo Severity = iota
	SeverityWarning
	SeverityError
)

var severityNames = [...]string{"info", "warning", "error"}

// String returns the stable lowercase spelling: "info", "warning" or "error".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// MarshalText encodes the severity as its stable spelling.
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, fmt.Errorf("secretome: invalid severity %d", s)
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText decodes a stable spelling; anything else, including the
// empty string, is an *EnumError.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if string(b) == n {
			*s = Severity(i)
			return nil
		}
	}
	return &EnumError{Kind: "severity", Value: string(b), Allowed: Severity(0).Values()}
}

// Values lists the accepted spellings, from least to most serious.
func (Severity) Values() []string { return slices.Clone(severityNames[:]) }

// Code is a stable machine-readable identifier of a kind of problem, such as
// "required" or "field.unknown". Codes are part of the API: callers may
// branch on them, and they never change meaning. Messages may be reworded.
type Code string

// Problem codes shared by decoding and validation. Each package may define
// more; the full list is in the package documentation.
const (
	// CodeSyntax: the input is not well-formed JSON (or YAML).
	CodeSyntax Code = "syntax"
	// CodeUnknownField: the input has a field the format does not define.
	CodeUnknownField Code = "field.unknown"
	// CodeType: a value has the wrong JSON type (a string for a number, ...).
	CodeType Code = "type"
	// CodeNumber: a number is malformed or out of range.
	CodeNumber Code = "number"
	// CodeEnum: a value is not one of the allowed spellings.
	CodeEnum Code = "enum"
	// CodeTrailing: there is data after the document.
	CodeTrailing Code = "trailing"
	// CodeTooLarge: the input exceeds the size bound.
	CodeTooLarge Code = "size"
	// CodeRequired: a required field is missing or empty.
	CodeRequired Code = "required"
	// CodeRange: a value is outside its allowed range.
	CodeRange Code = "range"
	// CodeFormat: a string does not have the required format (a code, a date).
	CodeFormat Code = "format"
	// CodeUnit: a quantity's unit does not fit what is measured.
	CodeUnit Code = "unit"
	// CodeDuplicate: something that must be unique appears twice.
	CodeDuplicate Code = "duplicate"
	// CodeInconsistent: two fields contradict each other.
	CodeInconsistent Code = "inconsistent"
)

// Problem is one thing wrong with a document, located by its field path.
type Problem struct {
	// Path names the field, for example
	// "composition.analytes[2].quantity.unit".
	// The empty path is the document itself.
	Path string `json:"path"`
	// Code is the stable kind of problem.
	Code Code `json:"code"`
	// Severity says whether the problem invalidates the document.
	Severity Severity `json:"severity"`
	// Message explains the problem to a person, in English.
	Message string `json:"message"`
	// Text is the message as a code of the message catalogue with typed
	// arguments, when the problem has one; In renders it in another
	// language.
	Text message.Message `json:"-"`
	// Line is the 1-based line of the problem in the source text; 0 means
	// unknown (validation of a value built in code has no text).
	Line int `json:"line,omitempty"`
	// Column is the 1-based column on Line, counted in characters; 0
	// means unknown.
	Column int `json:"column,omitempty"`
}

// Error renders the problem as "path: message [code]", with the severity
// before the message when it is not an error ("path: warning: message
// [code]").
func (p *Problem) Error() string { return p.render(language.Und) }

// render is Error with the severity and message in the language tag;
// language.Und keeps the English Message as it is.
func (p *Problem) render(tag language.Tag) string {
	var b strings.Builder
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	if p.Severity != SeverityError {
		if tag == language.Und {
			b.WriteString(p.Severity.String())
		} else {
			b.WriteString(message.Name("severity", p.Severity.String(), tag))
		}
		b.WriteString(": ")
	}
	if tag == language.Und {
		b.WriteString(p.Message)
	} else {
		b.WriteString(p.In(tag))
	}
	b.WriteString(" [")
	b.WriteString(string(p.Code))
	b.WriteString("]")
	return b.String()
}

// ValidationError holds every problem found in a document at once. It is
// returned by decoding and validation whenever at least one problem has
// severity error; use errors.As to reach it, and Unwrap to walk each
// *Problem with errors.Is/As.
type ValidationError struct {
	// Problems lists every problem, sorted by path (list indexes as
	// numbers), then code.
	Problems []Problem
}

// Error lists all problems, one per line; it never hides any.
func (e *ValidationError) Error() string { return e.In(language.Und) }

// In lists all problems as Error does, in the supported language closest
// to tag (message.Match): the counts, severities and catalogued messages.
// language.Und gives Error's text, each problem's Message as it is.
func (e *ValidationError) In(tag language.Tag) string {
	var b strings.Builder
	n := e.Count(SeverityError)
	b.WriteString(message.Render(message.Count{N: n, Noun: "noun.error"}, tag))
	if rest := len(e.Problems) - n; rest > 0 {
		b.WriteString(", ")
		b.WriteString(message.Render(message.Count{N: rest, Noun: "noun.warning_or_note"}, tag))
	}
	for i := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(e.Problems[i].render(tag))
	}
	return b.String()
}

// Unwrap returns each problem as an error, for errors.Is and errors.As.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i := range e.Problems {
		errs[i] = &e.Problems[i]
	}
	return errs
}

// Count returns how many problems have at least the given severity.
func (e *ValidationError) Count(min Severity) int {
	n := 0
	for _, p := range e.Problems {
		if p.Severity >= min {
			n++
		}
	}
	return n
}

// Has reports whether some problem has the given code.
func (e *ValidationError) Has(code Code) bool {
	return slices.ContainsFunc(e.Problems, func(p Problem) bool { return p.Code == code })
}

// At returns the problems whose path is path.
func (e *ValidationError) At(path string) []Problem {
	var out []Problem
	for _, p := range e.Problems {
		if p.Path == path {
			out = append(out, p)
		}
	}
	return out
}

// Problems is a list of problems under construction. Validators append to it
// and call Err at the end. The zero value is ready to use.
//
// It lists at most MaxProblems problems; past that it only counts them,
// and List ends with one more problem (CodeTooLarge) saying how many were
// left out, so that a document of a million mistakes costs no more memory
// than one of a thousand.
type Problems struct {
	list []Problem
	// unlisted counts the problems past MaxProblems; worst is the
	// highest severity among them.
	unlisted int
	worst    Severity
}

// MaxProblems is the most problems a Problems lists.
const MaxProblems = 1000

// AddText records a problem whose message comes from the message
// catalogue, so that it can be shown in any supported language
// (Problem.In).
func (ps *Problems) AddText(path string, sev Severity, code Code, msg message.Message) {
	if ps.full(sev) {
		return // the message is not even rendered
	}
	ps.list = append(ps.list, Problem{Path: path, Code: code, Severity: sev, Message: msg.String(), Text: msg})
}

// Add records a problem.
func (ps *Problems) Add(path string, sev Severity, code Code, format string, args ...any) {
	if ps.full(sev) {
		return // the message is not even formatted
	}
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	ps.list = append(ps.list, Problem{Path: path, Code: code, Severity: sev, Message: msg})
}

// full reports whether MaxProblems are listed, counting a problem of
// severity sev that will not be.
func (ps *Problems) full(sev Severity) bool {
	if len(ps.list) < MaxProblems {
		return false
	}
	ps.unlisted++
	ps.worst = max(ps.worst, sev)
	return true
}

// Append records problems that were found elsewhere, such as by a decoder,
// as they are; callers that embed a document give the problems their full
// paths first (see Product.CheckInto).
func (ps *Problems) Append(list ...Problem) {
	ps.list = slices.Grow(ps.list, min(len(list), max(MaxProblems-len(ps.list), 0)))
	for _, p := range list {
		if !ps.full(p.Severity) {
			ps.list = append(ps.list, p)
		}
	}
}

// Len returns the number of problems recorded so far, listed or not.
func (ps *Problems) Len() int { return len(ps.list) + ps.unlisted }

// List returns the problems, sorted deterministically, followed by a
// problem that counts those left unlisted when there were more than
// MaxProblems.
func (ps *Problems) List() []Problem {
	SortProblems(ps.list)
	if ps.unlisted == 0 {
		return ps.list
	}
	text := message.New("json.unlisted", message.Int(ps.unlisted), message.Int(MaxProblems))
	return append(ps.list[:len(ps.list):len(ps.list)], Problem{Code: CodeTooLarge, Severity: ps.worst, Message: text.String(), Text: text})
}

// Err returns a *ValidationError holding every problem when at least one is
// an error, and nil otherwise.
func (ps *Problems) Err() error {
	if ps.unlisted > 0 && ps.worst == SeverityError {
		return &ValidationError{Problems: ps.List()}
	}
	for _, p := range ps.list {
		if p.Severity == SeverityError {
			return &ValidationError{Problems: ps.List()}
		}
	}
	return nil
}

// SortProblems orders problems by path, then code, then message, so that
// the same input always reports the same problems in the same order. List
// indexes in paths compare as numbers: "[2]" comes before "[10]". Sorting
// is stable: equal problems keep the order they were found in.
func SortProblems(list []Problem) {
	slices.SortStableFunc(list, func(a, b Problem) int {
		return cmp.Or(
			fieldpath.Compare(a.Path, b.Path),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// AsValidationError returns the *ValidationError inside err, if any.
func AsValidationError(err error) (*ValidationError, bool) {
	var ve *ValidationError
	ok := errors.As(err, &ve)
	return ve, ok
}

// AddHint appends a hint to the problem's message, in parentheses, in
// every language: the catalogued message keeps the problem and the hint
// as typed arguments, and the English Message gets the hint's English.
func (p *Problem) AddHint(hint message.Message) {
	base := p.Text
	if base.IsZero() {
		base = message.Plain(p.Message)
	}
	p.Text = message.New("problem.hinted", base, hint)
	p.Message += " (" + hint.String() + ")"
}

// In returns the problem's message in the supported language closest to
// tag (message.Match): English or Bahasa Indonesia. A problem without a
// catalogued text gives its Message.
func (p *Problem) In(tag language.Tag) string {
	if p.Text.IsZero() {
		return p.Message
	}
	return p.Text.In(tag)
}
