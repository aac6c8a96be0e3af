package jsonschema

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Violation is one way a value fails a schema, located by a JSON Pointer
// into the value ("/uses/0/class").
type Violation struct {
	// Pointer is the JSON Pointer (RFC 6901) of the offending value; ""
	// is the whole value.
	Pointer string
	// Message says which keyword failed and how.
	Message string
}

// Error renders the violation as "pointer: message".
func (v Violation) Error() string {
	p := v.Pointer
	if p == "" {
		p = "/"
	}
	return p + ": " + v.Message
}

// Validate checks a value decoded from JSON with json.Decoder.UseNumber
// (so numbers are json.Number) against s, a document whose $refs point
// into its own $defs. It returns every violation found, in document
// order; nil means the value is valid.
func (s *Schema) Validate(value any) []Violation {
	v := validator{root: s, patterns: map[string]*regexp.Regexp{}}
	v.check(s, value, "", 0)
	return v.out
}

// ValidateJSON decodes data and validates it; a decoding error is
// reported as a violation at the root.
func (s *Schema) ValidateJSON(data []byte) []Violation {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var value any
	if err := dec.Decode(&value); err != nil {
		return []Violation{{Message: "not JSON: " + err.Error()}}
	}
	return s.Validate(value)
}

type validator struct {
	root     *Schema
	out      []Violation
	patterns map[string]*regexp.Regexp
}

func (v *validator) fail(ptr, format string, args ...any) {
	v.out = append(v.out, Violation{Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) check(s *Schema, value any, ptr string, depth int) {
	if depth > 200 {
		v.fail(ptr, "schema references nest too deeply")
		return
	}
	if s.never {
		v.fail(ptr, "no value is allowed here")
		return
	}
	for _, sub := range s.AllOf {
		v.check(sub, value, ptr, depth+1)
	}
	if s.If != nil && s.Then != nil {
		probe := &validator{root: v.root}
		probe.check(s.If, value, ptr, depth+1)
		if len(probe.out) == 0 {
			v.check(s.Then, value, ptr, depth+1)
		}
	}
	if s.Ref != "" {
		name, ok := strings.CutPrefix(s.Ref, "#/$defs/")
		def := v.root.Defs[name]
		if !ok || def == nil {
			v.fail(ptr, "unresolvable $ref %q", s.Ref)
			return
		}
		v.check(def, value, ptr, depth+1)
	}
	if len(s.Type) > 0 && !slices.ContainsFunc(s.Type, func(t string) bool { return hasType(value, t) }) {
		v.fail(ptr, "expected %s, got %s", strings.Join(s.Type, " or "), typeOf(value))
		return
	}
	if len(s.Enum) > 0 && !slices.ContainsFunc(s.Enum, func(e any) bool { return equal(e, value) }) {
		v.fail(ptr, "%s is not one of the allowed values", render(value))
	}
	switch x := value.(type) {
	case string:
		if s.Pattern != "" {
			re, ok := v.patterns[s.Pattern]
			if !ok {
				var err error
				if re, err = regexp.Compile(s.Pattern); err != nil {
					v.fail(ptr, "bad pattern %q in schema", s.Pattern)
					return
				}
				v.patterns[s.Pattern] = re
			}
			if !re.MatchString(x) {
				v.fail(ptr, "%q does not match %s", x, s.Pattern)
			}
		}
	case json.Number:
		if s.Minimum != nil {
			a, ok1 := new(big.Rat).SetString(string(x))
			b, ok2 := new(big.Rat).SetString(string(*s.Minimum))
			if ok1 && ok2 && a.Cmp(b) < 0 {
				v.fail(ptr, "%s is less than the minimum %s", x, *s.Minimum)
			}
		}
		if s.Maximum != nil {
			a, ok1 := new(big.Rat).SetString(string(x))
			b, ok2 := new(big.Rat).SetString(string(*s.Maximum))
			if ok1 && ok2 && a.Cmp(b) > 0 {
				v.fail(ptr, "%s is more than the maximum %s", x, *s.Maximum)
			}
		}
	case []any:
		if s.Items != nil {
			for i, e := range x {
				v.check(s.Items, e, ptr+"/"+strconv.Itoa(i), depth+1)
			}
		}
	case map[string]any:
		for _, r := range s.Required {
			if _, ok := x[r]; !ok {
				v.fail(ptr, "missing required property %q", r)
			}
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := ptr + "/" + escapePointer(k)
			if ps, ok := s.Properties[k]; ok {
				v.check(ps, x[k], p, depth+1)
			} else if s.AdditionalProperties != nil {
				if s.AdditionalProperties.never {
					v.fail(ptr, "property %q is not allowed", k)
				} else {
					v.check(s.AdditionalProperties, x[k], p, depth+1)
				}
			}
		}
	}
}

func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

func hasType(value any, t string) bool {
	switch t {
	case "integer":
		n, ok := value.(json.Number)
		if !ok {
			return false
		}
		r, ok := new(big.Rat).SetString(string(n))
		return ok && r.IsInt()
	case "number":
		_, ok := value.(json.Number)
		return ok
	}
	return typeOf(value) == t
}

func typeOf(value any) string {
	switch value.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", value)
}

func equal(a, b any) bool {
	if na, ok := a.(json.Number); ok {
		nb, ok := b.(json.Number)
		if !ok {
			return false
		}
		ra, ok1 := new(big.Rat).SetString(string(na))
		rb, ok2 := new(big.Rat).SetString(string(nb))
		return ok1 && ok2 && ra.Cmp(rb) == 0
	}
	switch a.(type) {
	case string, bool, nil:
		return a == b
	}
	return render(a) == render(b)
}

func render(value any) string {
	b, err := json.Marshal(value)
	if err != nil {
		return fmt.Sprint(value)
	}
	return string(b)
}
