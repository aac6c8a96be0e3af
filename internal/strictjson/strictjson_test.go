package strictjson

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/message"
)

// textless checks that each issue's English Message is its Text
// rendered, and clears Text so that tests can compare the rest.
func textless(t *testing.T, issues []Issue) {
	t.Helper()
	for i := range issues {
		assert.False(t, issues[i].Text.IsZero(), "every issue has a text")
		assert.Equal(t, issues[i].Message, issues[i].Text.String())
		issues[i].Text = message.Message{}
	}
}

type color int

func (c *color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = 1
	case "blue":
		*c = 2
	default:
		return enumErr(string(b))
	}
	return nil
}

type enumErr string

func (e enumErr) Error() string   { return fmt.Sprintf("unknown color %q", string(e)) }
func (e enumErr) EnumError() bool { return true }

type amount struct{ V, U string }

type fieldErr struct {
	field string
	err   error
}

func (e *fieldErr) Error() string     { return e.field + ": " + e.err.Error() }
func (e *fieldErr) FieldName() string { return e.field }
func (e *fieldErr) Unwrap() error     { return e.err }

func (a *amount) UnmarshalJSON(b []byte) error {
	if strings.Contains(string(b), "bad-unit") {
		return &fieldErr{"unit", errors.New(`unknown unit "bad-unit"`)}
	}
	a.V = string(b)
	return nil
}

type item struct {
	Name   string  `json:"name"`
	Amount amount  `json:"amount"`
	Color  color   `json:"color,omitempty"`
	Count  *int    `json:"count,omitempty"`
	Ratio  float64 `json:"ratio"`
}

type doc struct {
	ID    string            `json:"id"`
	Items []item            `json:"items"`
	Tags  map[string]string `json:"tags"`
	OK    bool              `json:"ok"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []Issue // Offset ignored
		check func(t *testing.T, d doc)
	}{
		{name: "valid document decodes on the fast path", in: `{"id":"a","items":[{"name":"x","amount":1,"color":"red","count":0}],"ok":true}`,
			check: func(t *testing.T, d doc) {
				require.Len(t, d.Items, 1)
				assert.Equal(t, color(1), d.Items[0].Color)
				require.NotNil(t, d.Items[0].Count, "present zero stays distinct from absent")
				assert.Equal(t, 0, *d.Items[0].Count)
			}},
		{name: "unknown field is named with its path", in: `{"id":"a","items":[{},{"nmae":"x"}]}`,
			want: []Issue{{Path: "items[1].nmae", Code: CodeUnknownField, Message: `unknown field "nmae" (did you mean "name"?)`}}},
		{name: "every problem is reported at once", in: `{"id":1,"items":[{"color":"green","count":1.5}],"extra":true}`,
			want: []Issue{
				{Path: "id", Code: CodeType, Message: "expected a string, got number"},
				{Path: "items[0].color", Code: CodeEnum, Message: `unknown color "green"`},
				{Path: "items[0].count", Code: CodeNumber, Message: "1.5 is not a whole number in range"},
				{Path: "extra", Code: CodeUnknownField, Message: `unknown field "extra"`},
			}},
		{name: "leaf field errors extend the path", in: `{"items":[{"amount":{"unit":"bad-unit"}}]}`,
			want: []Issue{{Path: "items[0].amount.unit", Code: CodeType, Message: `unknown unit "bad-unit"`}}},
		{name: "trailing data is an error", in: `{"id":"a"} {"id":"b"}`,
			want: []Issue{{Code: CodeTrailing, Message: "unexpected data after the document"}}},
		{name: "null document is not an object", in: `null`,
			want: []Issue{{Code: CodeType, Message: "expected an object, got null"}}},
		{name: "empty input", in: ` `, want: []Issue{{Code: CodeSyntax, Message: "empty document"}}},
		{name: "syntax error carries the path being read", in: `{"items":[{"name":"x"},{"name":tru}]}`,
			want: []Issue{{Path: "items[1].name", Code: CodeSyntax, Message: "invalid literal (want true)"}}},
		{name: "malformed number", in: `{"items":[{"ratio":01}]}`,
			want: []Issue{{Path: "items[0].ratio", Code: CodeSyntax, Message: "malformed number: leading zero"}}},
		{name: "duplicate field is reported when the document has other problems", in: `{"id":"a","id":"b","zz":1}`,
			want: []Issue{{Path: "id", Code: CodeDuplicate, Message: `field "id" appears more than once`}, {Path: "zz", Code: CodeUnknownField, Message: `unknown field "zz"`}}},
		{name: "map keys that are not identifiers are quoted", in: `{"tags":{"a b":1}}`,
			want: []Issue{{Path: `tags["a b"]`, Code: CodeType, Message: "expected a string, got number"}}},
		{name: "number out of range for float", in: `{"items":[{"ratio":1e999}]}`,
			want: []Issue{{Path: "items[0].ratio", Code: CodeNumber, Message: "1e999 is out of range: too large"}}},
		{name: "keys that encoding/json folds onto a field (Kelvin sign, long s) are unknown, and the real field keeps its value", in: "{\"ok\":true,\"o\u212a\":false,\"item\u017f\":[]}",
			want:  []Issue{{Path: "[\"o\u212a\"]", Code: CodeUnknownField, Message: "unknown field \"o\u212a\" (field names are case-sensitive: did you mean \"ok\"?)"}, {Path: "[\"item\u017f\"]", Code: CodeUnknownField, Message: "unknown field \"item\u017f\" (did you mean \"items\"?)"}},
			check: func(t *testing.T, d doc) { assert.True(t, d.OK, "the real field keeps its value") }},
		{name: "invalid UTF-8 in a value is an error, not silently replaced", in: "{\"id\":\"a\xffb\"}",
			want: []Issue{{Path: "id", Code: CodeSyntax, Message: "invalid UTF-8 in string"}}},
		{name: "deep nesting is bounded", in: strings.Repeat("[", 10000),
			want: []Issue{{Path: strings.Repeat("[0]", 512), Code: CodeSyntax, Message: "nesting deeper than 512 levels"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			got := Decode([]byte(tt.in), &d, Options{})
			textless(t, got)
			for i := range got {
				assert.Positive(t, got[i].Line, "issues carry a line")
				got[i].Offset, got[i].Line, got[i].Column = 0, 0, 0
			}
			if tt.want == nil {
				require.Empty(t, got)
			} else {
				require.Equal(t, tt.want, got)
			}
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}

func TestDecodeTooLarge(t *testing.T) {
	var d doc
	got := Decode([]byte(`{"id":"abcdef"}`), &d, Options{MaxBytes: 5})
	require.Len(t, got, 1)
	assert.Equal(t, CodeTooLarge, got[0].Code)
}

func TestLocate(t *testing.T) {
	data := []byte("{\n  \"items\": [\n    {\"name\": \"x\"},\n    {\"name\": \"y\", \"a.b\": 2}\n  ]\n}")
	tests := []struct {
		path       string
		line, col  int
		wantExact  bool
		reasonText string
	}{
		{"items[1].name", 4, 14, true, "a field inside a list element"},
		{`items[1]["a.b"]`, 4, 26, true, "a quoted key"},
		{"items[1].missing", 4, 5, false, "a missing field falls back to its parent"},
		{"items[7]", 2, 12, false, "an index past the end falls back to the list"},
		{"", 1, 1, true, "the empty path is the document"},
	}
	for _, tt := range tests {
		off, exact := Locate(data, tt.path)
		line, col := LineCol(data, off)
		assert.Equal(t, tt.wantExact, exact, tt.reasonText)
		assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{line, col}, tt.reasonText)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":"a","items":[{"name":"x","amount":1,"color":"red","count":0}],"ok":true}`))
	f.Add([]byte(`{"items":[{"amount":{"unit":"bad-unit"}}]}`))
	f.Add([]byte(`[{"x":"\u00e9\/"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d doc
		issues := Decode(data, &d, Options{MaxBytes: 1 << 16})
		for _, is := range issues {
			if is.Code == "" || is.Message == "" {
				t.Fatalf("issue without code or message: %+v", is)
			}
		}
		off, _ := Locate(data, "items[0].name")
		if off < 0 || off > len(data) {
			t.Fatalf("offset %d out of range", off)
		}
	})
}

func TestDecodeRejectsWhatTheFastPassAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Issue
	}{
		{"a repeated key is not silently dropped", `{"id":"a","ok":true,"id":"b"}`,
			[]Issue{{Path: "id", Code: CodeDuplicate, Message: `field "id" appears more than once`}}},
		{"a repeated key in a nested object", `{"items":[{"name":"x","name":"y"}]}`,
			[]Issue{{Path: "items[0].name", Code: CodeDuplicate, Message: `field "name" appears more than once`}}},
		{"field names are case-sensitive", `{"ID":"a"}`,
			[]Issue{{Path: "ID", Code: CodeUnknownField, Message: `unknown field "ID" (field names are case-sensitive: did you mean "id"?)`}}},
		{"an escaped key is matched exactly", `{"\u0069d":"a"}`, nil},
		{"capital letters in map keys are fine", `{"tags":{"Grade":"A"}}`, nil},
		{"equal keys in different objects are fine", `{"items":[{"name":"x"},{"name":"y"}]}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			got := Decode([]byte(tt.in), &d, Options{})
			textless(t, got)
			for i := range got {
				got[i].Offset, got[i].Line, got[i].Column = 0, 0, 0
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestSuspectKeys keeps the cases of the key scan the decoder had before
// it read documents in one pass: what that scan let through or sent to
// the exact pass, the one pass now decides itself.
func TestSuspectKeys(t *testing.T) {
	decode := func(in string) []Issue {
		var v map[string]any
		return Decode([]byte(in), &v, Options{})
	}
	assert.Empty(t, decode(`{"a":{"a":1,"b":[{"a":2}]},"b":"A\"B"}`), "keys repeat only across objects")
	if got := decode(`{"a":1,"b":{"c":2},"a":3}`); assert.Len(t, got, 1, "a key repeats after a nested object") {
		assert.Equal(t, CodeDuplicate, got[0].Code)
	}
	var d doc
	if got := Decode([]byte(`{"Name":1}`), &d, Options{}); assert.Len(t, got, 1, "a capital letter") {
		assert.Equal(t, CodeUnknownField, got[0].Code)
	}
	if got := decode(`{"a`); assert.Len(t, got, 1, "unterminated input") {
		assert.Equal(t, CodeSyntax, got[0].Code)
	}
}

// Exact decimals report a malformed number as CodeNumber, as every other
// number, with a message of the decoder's own rather than the decimal
// package's.
func TestDecimalErrors(t *testing.T) {
	type priced struct {
		Amount decimal.Decimal     `json:"amount"`
		Share  decimal.NullDecimal `json:"share"`
	}
	tests := []struct {
		name, in, path, code, msg string
	}{
		{"a string that is not a number", `{"amount":"NaN","share":"1"}`, "amount", CodeNumber, `"NaN" is not a decimal number`},
		{"a thousands separator", `{"amount":"1","share":"2,000"}`, "share", CodeNumber, `"2,000" is not a decimal number`},
		{"an exponent beyond the decimal package's bound", `{"amount":"1e99999999"}`, "amount", CodeNumber, "exponent is too large"},
		{"a boolean is the wrong type", `{"amount":true}`, "amount", CodeType, "expected a decimal number"},
		{"an object is the wrong type", `{"share":{}}`, "share", CodeType, "expected a decimal number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v priced
			issues := Decode([]byte(tt.in), &v, Options{})
			require.Len(t, issues, 1, "%+v", issues)
			assert.Equal(t, tt.path, issues[0].Path)
			assert.Equal(t, tt.code, issues[0].Code)
			assert.Contains(t, issues[0].Message, tt.msg)
		})
	}
	var v priced
	require.Empty(t, Decode([]byte(`{"amount":1250000.00,"share":"99.10"}`), &v, Options{}), "valid decimals decode")
	assert.Equal(t, int32(-2), v.Amount.Exponent(), "a JSON number keeps its digits")
	assert.Equal(t, "99.1", v.Share.Decimal.String())
}

// A leaf that sets part of itself before it fails.
type halfLeaf struct{ Set bool }

func (h *halfLeaf) UnmarshalJSON(b []byte) error {
	h.Set = true
	if string(b) != "1" {
		return errors.New("want 1")
	}
	return nil
}

func TestPartialValuesAreZeroWhereUnread(t *testing.T) {
	type partial struct {
		Color *color           `json:"color"`
		Flag  *bool            `json:"flag"`
		Item  *item            `json:"item"`
		List  *[]int           `json:"list"`
		Half  halfLeaf         `json:"half"`
		HalfP *halfLeaf        `json:"half_p"`
		Good  *bool            `json:"good"`
		Items []item           `json:"items"`
		Map   map[string]color `json:"map"`
	}
	var v partial
	issues := Decode([]byte(`{"color":"green","flag":"yes","item":"x","list":{},"half":2,"half_p":2,"good":true,
		"items":[{"name":"a","color":"green","count":"3"}],"map":{"a":"red","b":"green"},"extra":1,"good":false}`), &v, Options{})
	require.Len(t, issues, 11)
	for _, is := range issues {
		assert.False(t, is.Fatal(), "a value-level problem is not fatal: %+v", is)
	}
	assert.Nil(t, v.Color, "an unknown spelling leaves the pointer nil, not a pointer to the zero value")
	assert.Nil(t, v.Flag, "a value of the wrong type leaves the pointer nil")
	assert.Nil(t, v.Item, "an object of the wrong type leaves the pointer nil")
	assert.Nil(t, v.List, "a list of the wrong type leaves the pointer nil")
	assert.False(t, v.Half.Set, "a leaf that failed is left at its zero value, whatever it set before failing")
	assert.Nil(t, v.HalfP)
	require.NotNil(t, v.Good)
	assert.True(t, *v.Good, "a repeated field keeps its first value")
	require.Len(t, v.Items, 1)
	assert.Equal(t, "a", v.Items[0].Name, "the rest of an object with a problem is read")
	assert.Equal(t, color(0), v.Items[0].Color)
	assert.Nil(t, v.Items[0].Count)
	assert.Equal(t, map[string]color{"a": 1, "b": 0}, v.Map)

	fatal := Decode([]byte(`{"color":"red",`), &v, Options{})
	require.Len(t, fatal, 1)
	assert.True(t, fatal[0].Fatal(), "a syntax error is fatal")
	many := Decode([]byte(`{"items":[{"color":"x"},{"color":"y"}]}`), &v, Options{MaxIssues: 1})
	require.Len(t, many, 2)
	assert.True(t, many[1].Fatal(), "unlisted problems are fatal: their paths are unknown")
}

// TestPlainRunAgreesWithTheTable checks the eight-bytes-at-a-time scan of
// a string's plain bytes against the table it stands for, at every offset
// of words that mix plain bytes with each kind of byte that ends a run.
func TestPlainRunAgreesWithTheTable(t *testing.T) {
	special := []byte{'"', '\\', 0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xff, ' ', 'a', '~'}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(6) == 0 {
				b[i] = special[rng.IntN(len(special))]
			} else {
				b[i] = byte(0x20 + rng.IntN(0x60))
			}
		}
		for i := 0; i <= len(b); i++ {
			want := i
			for want < len(b) && plain[b[want]] {
				want++
			}
			require.Equal(t, want, plainRun(b, i), "%q from %d", b, i)
		}
	}
}

// TestShortDecimalAgreesWithDecimal checks that the short decimals the
// decoder reads itself come out exactly as decimal's own UnmarshalJSON
// reads them, coefficient and exponent alike, and that every other
// spelling is left to UnmarshalJSON.
func TestShortDecimalAgreesWithDecimal(t *testing.T) {
	short := []string{
		`0`, `-0`, `5`, `-5`, `0.50`, `-0.0`, `1250.5`, `3.40`, `"2"`, `"0.22"`, `"-12.000"`,
		`"007"`, `123456789012345678`, `-12345678901234567`, `12345678901234567.8`, `-1234567890123456.7`,
		`"999999999999999999"`, `0.00000000000000001`,
	}
	for _, raw := range short {
		var want, got decimal.Decimal
		require.NoError(t, want.UnmarshalJSON([]byte(raw)), raw)
		require.True(t, setDecimal(reflect.ValueOf(&got).Elem(), []byte(raw)), raw)
		assert.True(t, reflect.DeepEqual(want, got), "%s: %v (exp %d) against %v (exp %d)", raw, got, got.Exponent(), want, want.Exponent())
		var wantN, gotN decimal.NullDecimal
		require.NoError(t, wantN.UnmarshalJSON([]byte(raw)), raw)
		require.True(t, setDecimal(reflect.ValueOf(&gotN).Elem(), []byte(raw)), raw)
		assert.True(t, reflect.DeepEqual(wantN, gotN), raw)
	}
	// Left to decimal's UnmarshalJSON: longer, with an exponent, or
	// spelled in a way only it judges.
	for _, raw := range []string{
		`1234567890123456789`, `-123456789012345678`, `1e3`, `"5."`, `".5"`, `"+5"`, `"-.5"`, `""`,
		`"1 2"`, `0.000000000000000001`, `"\u0031"`, `null`, `"null"`, `"-"`, `"1.2.3"`,
	} {
		var got decimal.Decimal
		assert.False(t, setDecimal(reflect.ValueOf(&got).Elem(), []byte(raw)), raw)
		assert.True(t, reflect.DeepEqual(decimal.Decimal{}, got), raw)
	}
}

// TestNewDecimalIsDecimalNew checks that NewDecimal makes the value
// decimal.New makes, in and beyond its table, and that a decimal sharing a
// table entry's coefficient leaves the entry as it was when it is used.
func TestNewDecimalIsDecimalNew(t *testing.T) {
	for _, c := range []int64{0, 1, 9, 10, 340, 999, 1000, 12505, -1, -340, 1 << 62} {
		for _, e := range []int32{0, -1, -2, 3, -17} {
			want, got := decimal.New(c, e), NewDecimal(c, e)
			require.True(t, reflect.DeepEqual(want, got), "%d e%d: %v against %v", c, e, got, want)
			require.Equal(t, want.String(), got.String())
		}
	}
	d := NewDecimal(340, -2)
	_ = d.Add(decimal.New(1, 0)).Mul(d).Neg().Round(1).Shift(5)
	assert.Equal(t, "340", NewDecimal(340, 0).String())
	assert.Equal(t, "3.4", d.String())
}

// TestIssuesIndonesian checks that the decoder's own problems are
// catalogued messages that render in Bahasa Indonesia.
func TestIssuesIndonesian(t *testing.T) {
	tests := []struct {
		in, want, why string
	}{
		{`{"nmae":"x"}`, `ruas "nmae" tidak dikenal (mungkin maksudnya "name"?)`, "a typo with its suggestion"},
		{`{"Name":"x"}`, `ruas "Name" tidak dikenal (nama ruas membedakan huruf besar dan kecil: mungkin maksudnya "name"?)`, "a case mismatch"},
		{`{"name":1}`, `seharusnya string, tertulis angka`, "a value of the wrong type"},
		{`{"name":"a","name":"b"}`, `ruas "name" muncul lebih dari sekali`, "a repeated key"},
		{`{"ratio":1e999}`, `1e999 di luar rentang: terlalu besar`, "a number out of range"},
		{`{"name":"a"`, `masukan berakhir tak terduga di dalam objek`, "a syntax error"},
		{``, `dokumen kosong`, "an empty document"},
	}
	for _, tt := range tests {
		var d item
		got := Decode([]byte(tt.in), &d, Options{})
		require.Len(t, got, 1, tt.why)
		assert.Empty(t, got[0].Text.Uncatalogued(), tt.why)
		assert.Equal(t, tt.want, got[0].Text.In(message.Indonesian), tt.why)
	}
}
