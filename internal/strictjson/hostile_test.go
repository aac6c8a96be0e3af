package strictjson

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unknownFields returns a document of about size bytes: one object full
// of fields the target does not have, one a line.
func unknownFields(size int) []byte {
	var b strings.Builder
	b.WriteString("{\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  \"x%d\": 1,\n", i)
	}
	b.WriteString("  \"name\": \"n\"\n}\n")
	return []byte(b.String())
}

// TestUnknownFieldsGuard is the generous guard the issue of quadratic
// decoding asked for: 512 KiB of unknown fields, each reported with its
// line, decode in well under a second (they took minutes when each line
// was counted from the first byte and every key was compared with every
// other). The benchmarks measure the real figures.
func TestUnknownFieldsGuard(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector slows decoding several times over; the guard is for normal builds")
	}
	data := unknownFields(512 << 10)
	var v struct {
		Name string `json:"name"`
	}
	start := time.Now()
	issues := Decode(data, &v, Options{MaxIssues: 1 << 30})
	took := time.Since(start)
	require.NotEmpty(t, issues)
	last := issues[len(issues)-1]
	assert.Equal(t, strings.Count(string(data), "\n")-2, last.Line, "the last unknown field is on the line before the known one")
	assert.Less(t, took, time.Second, "512 KiB of unknown fields")
}

// TestDuplicateKeyInLargeObject: a repeated key is found however many
// keys the object has (more than the 64 fields a struct's bitmask of seen
// fields holds, here in a map).
func TestDuplicateKeyInLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"m": {`)
	for i := range 128 {
		fmt.Fprintf(&b, `"k%d": 1, `, i)
	}
	b.WriteString(`"k3": 2}}`)
	var v struct {
		M map[string]int `json:"m"`
	}
	issues := Decode([]byte(b.String()), &v, Options{})
	require.Len(t, issues, 1)
	assert.Equal(t, CodeDuplicate, issues[0].Code)
	assert.Equal(t, "m.k3", issues[0].Path)
}

// TestIssuesCapped: past MaxIssues, problems are counted, not listed, and
// one last issue says how many there were.
func TestIssuesCapped(t *testing.T) {
	data := unknownFields(64 << 10)
	var v struct {
		Name string `json:"name"`
	}
	all := Decode(data, &v, Options{MaxIssues: 1 << 30})
	capped := Decode(data, &v, Options{MaxIssues: 10})
	require.Len(t, capped, 11)
	assert.Equal(t, all[:10], capped[:10], "the first problems are listed as they are")
	last := capped[10]
	assert.Equal(t, CodeTooLarge, last.Code)
	assert.Contains(t, last.Message, fmt.Sprintf("%d more problems", len(all)-10))
	assert.Len(t, Decode(data, &v, Options{}), DefaultMaxIssues+1, "the default cap")
}

// TestValueBudget: a list of empty objects takes far more memory decoded
// than as text; past ValueBytesPerByte times the size limit, decoding
// stops with CodeTooLarge.
func TestValueBudget(t *testing.T) {
	type big struct {
		A, B, C, D [8]string
	}
	var v struct {
		L []big `json:"l"`
	}
	data := []byte(`{"l": [` + strings.Repeat("{},", 20000) + `{}]}`)
	issues := Decode(data, &v, Options{MaxBytes: int64(len(data))})
	require.Len(t, issues, 1)
	assert.Equal(t, CodeTooLarge, issues[0].Code)
	assert.Positive(t, issues[0].Line)
	assert.Empty(t, Decode(data, &v, Options{MaxBytes: 64 << 20}), "within a larger budget the same list decodes")
}

// BenchmarkUnknownFields decodes documents of growing size full of
// unknown fields; time per byte stays flat when decoding is linear.
func BenchmarkUnknownFields(b *testing.B) {
	for _, size := range []int{64 << 10, 512 << 10, 4 << 20} {
		data := unknownFields(size)
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			var v struct {
				Name string `json:"name"`
			}
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Decode(data, &v, Options{})
			}
		})
	}
}

func TestUTF16IsNamed(t *testing.T) {
	le := []byte{0xFF, 0xFE}
	for _, c := range `{"name": "x"}` {
		le = append(le, byte(c), 0)
	}
	var v struct {
		Name string `json:"name"`
	}
	for _, data := range [][]byte{le, le[2:]} {
		issues := Decode(data, &v, Options{})
		require.Len(t, issues, 1)
		assert.Equal(t, CodeSyntax, issues[0].Code)
		assert.Contains(t, issues[0].Message, "UTF-16")
		assert.Equal(t, 1, issues[0].Line)
	}
}

// TestNumberMessages: an underflowing float is a problem, not a silent 0;
// an exponent out of range says whether it is too large or too small; a
// long offending value is quoted by a short prefix and its length.
func TestNumberMessages(t *testing.T) {
	var v struct {
		F float64         `json:"f"`
		D decimal.Decimal `json:"d"`
		N int             `json:"n"`
	}
	tests := []struct{ doc, path, want string }{
		{`{"f": 1e-400}`, "f", "1e-400 is out of range: too small, it would be read as 0"},
		{`{"f": 0.0e-400}`, "", ""},
		{`{"f": 1e400}`, "f", "1e400 is out of range: too large"},
		{`{"d": "1e-99999999999"}`, "d", "its exponent is too small"},
		{`{"d": 1e99999999999}`, "d", "its exponent is too large"},
		{`{"n": 1` + strings.Repeat("0", 5000) + `}`, "n", "1000000000000000000000000000000000000000… (5001 bytes) is not a whole number"},
		{`{"d": "` + strings.Repeat("x", 5000) + `"}`, "d", `"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"… (5000 bytes) is not a decimal number`},
		{`{"` + strings.Repeat("é", 3000) + `": 1}`, "", `"éééééééééééééééééééé"… (6000 bytes)`},
	}
	for _, tt := range tests {
		issues := Decode([]byte(tt.doc), &v, Options{})
		if tt.want == "" {
			assert.Empty(t, issues, "a zero written as zero is fine")
			continue
		}
		require.Len(t, issues, 1, tt.want)
		assert.Contains(t, issues[0].Message, tt.want)
		assert.Less(t, len(issues[0].Message), 200, "the message stays short")
	}
}
