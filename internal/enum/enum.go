// Package enum holds the spellings of the module's enumerations: small
// integer types with one stable lowercase word each, used in JSON, YAML and
// text output, such as "umbilical_cord" or "permitted_with_conditions".
//
// A Names table is immutable once built and safe to share. Index 0 is the
// zero value: spelled "" when it means "not given" (the usual case, omitted
// from JSON), or spelled with a word of its own when it is a real value
// (the zero Verdict is "unknown").
package enum

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/message"
)

// Error reports a spelling that is not one of an enumeration's values.
// Decoders report it with the code "enum". The packages secretome and
// regulation export it as EnumError.
type Error struct {
	// Kind names the enumeration, such as "tissue".
	Kind string
	// Value is the spelling that was given.
	Value string
	// Allowed lists the accepted spellings.
	Allowed []string
}

// Error says what was given and what is allowed, in English.
func (e *Error) Error() string { return e.Message().String() }

// Message says what was given and what is allowed, in any supported
// language: the enumeration by its display name, the value and the
// allowed spellings as written.
func (e *Error) Message() message.Message {
	return message.New("value.enum", message.Enum("enum_kind", strings.ReplaceAll(e.Kind, " ", "_")),
		message.Text(strconv.Quote(e.Value)), message.Text(strings.Join(e.Allowed, ", ")))
}

// EnumError marks the error as an unknown enumeration value for decoders.
func (e *Error) EnumError() bool { return true }

// Names is the table of spellings of the enumeration T.
type Names[T ~uint8] struct {
	kind  string
	names []string
}

// New returns the table for an enumeration called kind (used in messages),
// with the spelling of value i at names[i]. names[0] == "" makes the zero
// value mean "not given".
func New[T ~uint8](kind string, names ...string) Names[T] {
	return Names[T]{kind: kind, names: names}
}

// Kind returns the enumeration's name, as used in messages.
func (n Names[T]) Kind() string { return n.kind }

// zeroSpelled reports whether the zero value is a real value with a word.
func (n Names[T]) zeroSpelled() bool { return len(n.names) > 0 && n.names[0] != "" }

// Name returns the spelling of v, or kind(v) for a value out of range.
func (n Names[T]) Name(v T) string {
	if int(v) < len(n.names) {
		return n.names[v]
	}
	return fmt.Sprintf("%s(%d)", n.kind, uint8(v))
}

// Valid reports whether v is a value with a spelling; the zero value is
// valid only when it is spelled.
func (n Names[T]) Valid(v T) bool {
	if v == 0 {
		return n.zeroSpelled()
	}
	return int(v) < len(n.names)
}

// Marshal encodes v as its spelling; a value out of range is an error.
func (n Names[T]) Marshal(v T) ([]byte, error) {
	if int(v) >= len(n.names) {
		return nil, fmt.Errorf("invalid %s %d", n.kind, uint8(v))
	}
	return []byte(n.names[v]), nil
}

// Unmarshal decodes a spelling into *v. The empty spelling decodes to the
// zero value when that means "not given"; anything else unknown is an
// *Error listing the allowed spellings.
func (n Names[T]) Unmarshal(v *T, b []byte) error {
	if len(b) == 0 && !n.zeroSpelled() {
		*v = 0
		return nil
	}
	for i, s := range n.names {
		if s != "" && string(b) == s {
			*v = T(i)
			return nil
		}
	}
	return &Error{Kind: n.kind, Value: string(b), Allowed: n.Values()}
}

// Parse is Unmarshal for a string, returning the value.
func (n Names[T]) Parse(s string) (T, error) {
	var v T
	err := n.Unmarshal(&v, []byte(s))
	return v, err
}

// Values lists the spellings of the valid values, in order.
func (n Names[T]) Values() []string {
	out := make([]string, 0, len(n.names))
	for _, s := range n.names {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
