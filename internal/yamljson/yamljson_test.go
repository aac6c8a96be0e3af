package yamljson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"decimals keep their literal text", "a: 1.20\nb: -0.5\nc: 10", `{"a":1.20,"b":-0.5,"c":10}`},
		{"exponent stays the literal text for the strict decoder", "a: 1e3\nb: 2.5E-4", `{"a":1e3,"b":2.5E-4}`},
		{"numbers JSON cannot spell become strings", "a: 0x1F\nb: .5\nc: +1\nd: .inf\ne: 0o17\nf: 1.", `{"a":"0x1F","b":".5","c":"+1","d":".inf","e":"0o17","f":"1."}`},
		{"YAML 1.1 booleans stay strings", "a: yes\nb: no\nc: on\nd: off\ne: y\nf: n", `{"a":"yes","b":"no","c":"on","d":"off","e":"y","f":"n"}`},
		{"YAML 1.2 booleans are booleans", "a: true\nb: False\nc: TRUE", `{"a":true,"b":false,"c":true}`},
		{"an explicit bool tag does not turn yes into true", "a: !!bool yes", `{"a":"yes"}`},
		{"null spellings are null", "a: ~\nb: null\nc:\n", `{"a":null,"b":null,"c":null}`},
		{"timestamps stay strings", "a: 2025-03-06\nb: 2001-12-14t21:59:43.10-05:00", `{"a":"2025-03-06","b":"2001-12-14t21:59:43.10-05:00"}`},
		{"quoted numbers stay strings", `a: "1.20"`, `{"a":"1.20"}`},
		{"strings are escaped", "a: \"x\\\"y\\\\z\\n\\t\\u0001é\"", `{"a":"x\"y\\z\n\t\u0001é"}`},
		{"sequences and nested maps", "a:\n  - b: 1\n  - [x, y]\n", `{"a":[{"b":1},["x","y"]]}`},
		{"aliases expand within budget", "a: &x {v: 1}\nb: *x", `{"a":{"v":1},"b":{"v":1}}`},
		{"non-string keys become key text", "1: a\ntrue: b", `{"1":"a","true":"b"}`},
		{"top-level scalar", "42", `42`},
		{"flow style is YAML too", `{"a": [1, 2.50]}`, `{"a":[1,2.50]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Convert([]byte(tt.in), Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(doc.JSON))
			assert.True(t, json.Valid(doc.JSON), "output must be valid JSON")
		})
	}
}

func TestConvertErrors(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = n
	}
	deep := strings.Repeat("[", 300) + strings.Repeat("]", 300)
	tests := []struct {
		name     string
		in       string
		opt      Options
		code     string
		line     int
		path     string
		contains string
	}{
		{"empty input is an empty document", "", Options{}, CodeSyntax, 0, "", "empty document"},
		{"comments only is an empty document", "# nothing\n", Options{}, CodeSyntax, 0, "", "empty document"},
		{"syntax error carries its line", "a: 1\nb: [1, 2\nc: 3\n", Options{}, CodeSyntax, 0, "", ""},
		{"billion laughs stops at the node budget", bomb, Options{}, CodeSize, 0, "*", "more than 250000 nodes"},
		{"small budget applies", "a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*x, *x, *x, *x, *x]", Options{MaxNodes: 30}, CodeSize, 1, "b[1][3]", "more than 30 nodes"},
		{"the budget holds while parsing", strings.Repeat("- ", 100) + "x\n", Options{MaxNodes: 50}, CodeSize, 1, "", "more than 50 values"},
		{"deep nesting is refused", deep, Options{}, CodeSize, 1, "*", "nesting deeper than 256"},
		{"output size is bounded", "a: &x [" + strings.Repeat("\"0123456789\", ", 20) + "1]\nb: [*x, *x, *x, *x]", Options{MaxBytes: 300}, CodeSize, 0, "*", "bytes of JSON"},
		{"duplicate keys are named", "a: 1\nb: 2\na: 3\n", Options{}, CodeDuplicate, 3, "a", `key "a" appears more than once (first on line 1)`},
		{"merge keys are refused", "base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n", Options{}, CodeType, 3, "item", "merge keys"},
		{"custom tags are refused", "a: !thing 1\n", Options{}, CodeType, 1, "a", "unsupported tag !thing"},
		{"complex keys are refused", "? [a, b]\n: 1\n", Options{}, CodeType, 1, "", "mapping key must be a plain value"},
		{"several documents are refused", "a: 1\n---\nb: 2\n", Options{}, CodeTrailing, 2, "", "more than one YAML document"},
		{"invalid UTF-8 is refused", "a: \xff\xfe\n", Options{}, CodeSyntax, 0, "", "UTF-8"},
		{"binary garbage is a syntax error", "\x00\x01\x02", Options{}, CodeSyntax, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert([]byte(tt.in), tt.opt)
			var e *Error
			require.True(t, errors.As(err, &e), "want *Error, got %v", err)
			assert.Equal(t, tt.code, e.Code)
			if tt.line > 0 {
				assert.Equal(t, tt.line, e.Line)
			}
			if tt.path != "*" { // "*": any path
				assert.Equal(t, tt.path, e.Path)
			}
			assert.Contains(t, e.Message, tt.contains)
		})
	}
}

func TestSyntaxErrorLine(t *testing.T) {
	_, err := Convert([]byte("a: 1\nb: [1, 2\nc: 3\n"), Options{})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Positive(t, e.Line, "the line is lifted out of the parser's message")
	assert.NotContains(t, e.Message, "line ", "the line is not repeated in the message")
}

func TestLocate(t *testing.T) {
	src := `product:
  name: Gel
  composition:
    - quantity: 1.2 ng/mL
      label: a
    - quantity: 3 ng/mL
labels:
  "x.y": 1
  "a]b": 2
shared: &s
  v: 1
again: *s
`
	doc, err := Convert([]byte(src), Options{})
	require.NoError(t, err)
	tests := []struct {
		path  string
		line  int
		exact bool
		why   string
	}{
		{"", 1, true, "the document itself"},
		{"product.name", 2, true, "a plain field"},
		{"product.composition[1].quantity", 6, true, "an element of a list"},
		{"product.composition[0].label", 5, true, "a later field of an element"},
		{"product.composition[0].unit", 4, false, "a missing field falls back to its parent element"},
		{"product.composition[7].quantity", 3, false, "a missing index falls back to the list"},
		{`labels["x.y"]`, 8, true, "a quoted key"},
		{`labels["a]b"]`, 9, true, "a quoted key holding a bracket"},
		{`labels["zz"]`, 7, false, "a missing quoted key falls back to the map"},
		{"again", 12, true, "an alias is located where it is used"},
		{"again.v", 12, false, "inside an alias, values are located at the alias"},
		{"shared.v", 11, true, "the anchored value itself is located where it is written"},
		{"nothing.here", 1, false, "an unknown path falls back to the document"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			pos, exact := doc.Locate(tt.path)
			assert.Equal(t, tt.line, pos.Line)
			assert.Equal(t, tt.exact, exact)
		})
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"a: 1", "a: &x [1]\nb: *x", "- 1e3\n- yes", "{a: [b, {c: d}]}", "a: |\n  text\n", "\"\\u0000\": 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Convert(data, Options{MaxNodes: 10000})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T, not *Error", err)
			}
			return
		}
		if !json.Valid(doc.JSON) {
			t.Fatalf("invalid JSON %q from %q", doc.JSON, data)
		}
	})
}
