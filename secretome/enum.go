package secretome

import (
	"fmt"
	"strings"
)

// EnumError reports a spelling that is not one of an enumeration's values.
// Decoding reports it with the code "enum".
type EnumError struct {
	// Kind names the enumeration, such as "tissue".
	Kind string
	// Value is the spelling that was given.
	Value string
	// Allowed lists the accepted spellings.
	Allowed []string
}

// Error says what was given and what is allowed.
func (e *EnumError) Error() string {
	return fmt.Sprintf("unknown %s %q (want one of: %s)", e.Kind, e.Value, strings.Join(e.Allowed, ", "))
}

// EnumError marks the error as an unknown enumeration value for decoders.
func (e *EnumError) EnumError() bool { return true }

// FieldName returns the name of the quantity field the error concerns, so
// that decoders can extend the field path (for example "quantity.unit").
func (e *FieldError) FieldName() string { return e.Field }

// enumNames holds the stable spellings of an enumeration whose zero value
// means "not given" and is spelled "". It is immutable after construction.
type enumNames[T ~uint8] struct {
	kind  string
	names []string
}

func (n enumNames[T]) name(v T) string {
	if int(v) < len(n.names) {
		return n.names[v]
	}
	return fmt.Sprintf("%s(%d)", n.kind, v)
}

func (n enumNames[T]) marshal(v T) ([]byte, error) {
	if int(v) >= len(n.names) {
		return nil, fmt.Errorf("invalid %s %d", n.kind, v)
	}
	return []byte(n.names[v]), nil
}

func (n enumNames[T]) unmarshal(v *T, b []byte) error {
	for i, s := range n.names {
		if string(b) == s {
			*v = T(i)
			return nil
		}
	}
	return &EnumError{Kind: n.kind, Value: string(b), Allowed: n.values()}
}

// values lists the spellings of the non-zero values.
func (n enumNames[T]) values() []string { return append([]string(nil), n.names[1:]...) }

func (n enumNames[T]) valid(v T) bool { return v > 0 && int(v) < len(n.names) }
