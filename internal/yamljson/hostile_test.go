package yamljson

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRefusedTags(t *testing.T) {
	for _, in := range []string{"a: !!binary aGVsbG8=\n", "a: !!timestamp 2025-01-01\n", "a: !!set {x}\n", "a: !<tag:example.com,2000:x> 1\n", "- !local [1]\n"} {
		_, err := Convert([]byte(in), Options{})
		var e *Error
		require.ErrorAs(t, err, &e, in)
		assert.Equal(t, CodeType, e.Code, in)
		assert.Contains(t, e.Message, "unsupported tag", in)
		assert.Positive(t, e.Line, in)
	}
	doc, err := Convert([]byte("a: !!str 12\n"), Options{})
	require.NoError(t, err, "a core-schema tag that names what the value is stays allowed")
	assert.JSONEq(t, `{"a":"12"}`, string(doc.JSON))
}

func TestNumberHints(t *testing.T) {
	doc, err := Convert([]byte("a: 0x10\nb: 1_000\nc: .nan\nd: -.inf\ne: 0o17\nf: +1\ng: 1.5\nh: text\n"), Options{})
	require.NoError(t, err)
	tests := []struct{ path, want string }{
		{"a", "hexadecimal"},
		{"b", "digit separators"},
		{"c", "not-a-number"},
		{"d", "infinity"},
		{"e", "octal"},
		{"f", "start with +"},
	}
	for _, tt := range tests {
		assert.Contains(t, doc.Hint(tt.path).String(), tt.want, tt.path)
	}
	assert.True(t, doc.Hint("g").IsZero(), "a JSON number needs no hint")
	assert.True(t, doc.Hint("h").IsZero(), "a string needs no hint")
	assert.True(t, doc.Hint("zz").IsZero(), "nor does a missing value")
}

func TestErrorsCarryLines(t *testing.T) {
	for _, in := range []string{"", "# only a comment\n", "a: 1\n\xff\n", "\xff\xfea\x00:\x00", "a: [\n", "a: 1\n---\nb: 2\n", "\t- x\n"} {
		_, err := Convert([]byte(in), Options{})
		var e *Error
		require.ErrorAs(t, err, &e, "%q", in)
		assert.Positive(t, e.Line, "%q: %s", in, e.Message)
	}
	_, err := Convert([]byte("a: 1\nb: \xff\n"), Options{})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 2, e.Line, "invalid UTF-8 is placed on its line")
}

func TestUTF16IsNamed(t *testing.T) {
	for _, in := range [][]byte{{0xFF, 0xFE, 'a', 0, ':', 0}, {0xFE, 0xFF, 0, 'a', 0, ':'}, {'a', 0, ':', 0, ' ', 0}} {
		_, err := Convert(in, Options{})
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Contains(t, e.Message, "UTF-16")
	}
}

// expensive returns YAML shapes that cost the parser most per byte, of
// about size bytes.
func expensive(size int) map[string][]byte {
	rep := func(unit string) []byte { return []byte(strings.Repeat(unit, max(1, size/len(unit)))) }
	return map[string][]byte{
		"nested block lists": rep("- - - - - - - - a\n"),
		"deep block lists":   rep(strings.Repeat("- ", 200) + "a\n"),
		"flow lists":         []byte("[" + strings.Repeat(strings.Repeat("[", 50)+"a"+strings.Repeat("]", 50)+",", max(1, size/102)) + "a]"),
		"empty values":       rep("-\n"),
		"implicit nulls":     rep("? \n"),
		"many keys":          rep("k: v\n"),
	}
}

// TestBudgetWhileParsing: every expensive shape of 4 MiB stops at the
// value budget with a line, not after building a tree of millions of
// nodes.
func TestBudgetWhileParsing(t *testing.T) {
	for name, data := range expensive(4 << 20) {
		_, err := Convert(data, Options{})
		var e *Error
		require.ErrorAs(t, err, &e, name)
		assert.Positive(t, e.Line, name)
		if e.Code != CodeDuplicate {
			assert.Equal(t, CodeSize, e.Code, "%s: %s", name, e.Message)
		}
	}
}

// BenchmarkExpensiveShapes converts the expensive shapes at growing sizes;
// time per byte stays flat (the budget ends the larger ones early).
func BenchmarkExpensiveShapes(b *testing.B) {
	for _, size := range []int{64 << 10, 512 << 10, 4 << 20} {
		for name, data := range expensive(size) {
			b.Run(fmt.Sprintf("%s/%dKiB", strings.ReplaceAll(name, " ", "-"), size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					_, _ = Convert(data, Options{})
				}
			})
		}
	}
}

// FuzzExpensiveShapes feeds repetitions of small YAML pieces, the shapes
// that cost most per byte, and checks that conversion ends with JSON or
// an *Error with a line.
func FuzzExpensiveShapes(f *testing.F) {
	for _, s := range []string{"- ", "[", "? ", "-\n", "a: &a [*a]\n", "{a: [", "k: v\n", "- - a\n"} {
		f.Add([]byte(s), uint16(5000))
	}
	f.Fuzz(func(t *testing.T, unit []byte, n uint16) {
		if len(unit) == 0 || len(unit) > 64 {
			return
		}
		data := []byte(strings.Repeat(string(unit), int(n)))
		doc, err := Convert(data, Options{MaxNodes: 20000})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T, not *Error", err)
			}
			if e.Line <= 0 {
				t.Fatalf("error without a line: %v", e)
			}
			return
		}
		if len(doc.JSON) == 0 {
			t.Fatal("no JSON")
		}
	})
}
