package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oracleDoc exercises every kind of value the decoder handles: the test
// document (enums, a leaf with its own decoding, pointers, a map), exact
// decimals, sized numbers, an interface, a recursive pointer and a list of
// strings.
type oracleDoc struct {
	doc
	Price decimal.Decimal     `json:"price"`
	Share decimal.NullDecimal `json:"share"`
	Small int8                `json:"small"`
	Size  uint16              `json:"size"`
	F32   float32             `json:"f32"`
	Any   any                 `json:"any"`
	Next  *oracleDoc          `json:"next"`
	Names []string            `json:"names"`
}

// encodingJSON decodes data as encoding/json does with unknown fields
// disallowed, rejecting data after the document.
func encodingJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the document")
	}
	return nil
}

// stricter reports whether an issue is one that encoding/json lets
// through by design: a repeated key (it keeps the last), a key matched to
// a field only case-insensitively, a null document, invalid UTF-8 (it
// substitutes U+FFFD) and nesting beyond this decoder's bound (inside a
// value that a leaf type reads itself).
func stricter(is Issue) bool {
	switch {
	case is.Code == CodeDuplicate, is.Code == CodeUnknownField:
		return true
	case is.Code == CodeType && is.Path == "" && strings.HasSuffix(is.Message, "got null"):
		return true
	case is.Code == CodeSyntax && (is.Message == "invalid UTF-8 in string" || strings.HasPrefix(is.Message, "nesting deeper")):
		return true
	}
	return false
}

// FuzzDecodeOracle checks the one-pass decoder against encoding/json: a
// document it accepts, encoding/json accepts with the same value; a
// document encoding/json rejects, it rejects; and when it rejects what
// encoding/json accepts, every problem is one of the strictness rules that
// encoding/json lacks.
func FuzzDecodeOracle(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","items":[{"name":"x","amount":1,"color":"red","count":0,"ratio":-0.5e3}],"tags":{"k":"v"},"ok":true}`,
		`{"price":1250000.00,"share":"99.10","small":-128,"size":65535,"f32":1e-7}`,
		`{"any":{"a":[1,"x",null,true]},"next":{"id":"b","next":null},"names":["\u00e9\/","\ud83d\ude00","\ud800"]}`,
		`{"id":"a","id":"b"}`,
		`{"ID":"a"}`,
		`{"small":128}`,
		`{"count":1.5}`,
		`{"items":[{"color":"green"}]}`,
		`null`,
		`{"id":"a"} x`,
		"{\"id\":\"\xff\"}",
		`[1,2]`,
		`{"items":[{"amount":{"unit":"bad-unit"}}]}`,
		`{"share":null,"price":"1e5"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 1 << 16
		if len(data) > limit {
			return
		}
		var got, want, prepared oracleDoc
		issues := Decode(data, &got, Options{MaxBytes: limit})
		werr := encodingJSON(data, &want)
		// A prepared Decoder gathers lists in buffers; the package-level
		// Decode grows them in place. Both give the same value and issues.
		if again := oracleDecoder.Decode(data, &prepared); !reflect.DeepEqual(again, issues) || !reflect.DeepEqual(prepared, got) {
			t.Fatalf("a prepared Decoder differs from Decode:\n got %#v %v\nwant %#v %v", prepared, again, got, issues)
		}
		if len(issues) == 0 {
			if werr != nil {
				t.Fatalf("accepted what encoding/json rejects (%v)", werr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("value differs from encoding/json's:\n got %#v\nwant %#v", got, want)
			}
			checkIndex(t, data)
			return
		}
		if werr == nil {
			for _, is := range issues {
				if !stricter(is) {
					t.Fatalf("rejected what encoding/json accepts, for a reason that is not strictness: %+v", is)
				}
			}
		}
	})
}

func TestDecodeOracleAgrees(t *testing.T) {
	in := `{"id":"a","items":[{"name":"x\n\"y\"","amount":{"v":1},"color":"blue","count":7,"ratio":2.5}],` +
		`"tags":{"a b":"c"},"ok":true,"price":"10.50","share":3,"small":-3,"size":9,"f32":0.25,` +
		`"any":{"n":[1,2.5]},"next":{"names":[]},"names":["p","\u00e9"]}`
	var got, want oracleDoc
	assert.Empty(t, Decode([]byte(in), &got, Options{}))
	assert.NoError(t, encodingJSON([]byte(in), &want))
	assert.Equal(t, want, got, "the same value as encoding/json")
	assert.Equal(t, "10.50", got.Price.StringFixed(2))
	assert.Equal(t, int32(-2), got.Price.Exponent(), "every digit kept")
}

var oracleDecoder = NewDecoder[oracleDoc](Options{MaxBytes: 1 << 16})

// indexPaths are paths into an oracleDoc, present or not, for checkIndex.
var indexPaths = []string{"", "id", "items", "items[0]", "items[0].name", "items[1].amount", "items[0].amount.unit",
	"items[0].amount.v", `tags["a b"]`, "tags.k", "next.next.id", "next.items[0].color", "names[2]", "any.a[1]",
	"any.n[0]", "missing", "items[5].name", "price", `["q\"k"]`}

// checkIndex checks that the positions noted while decoding place every
// path exactly where LocateAll finds it by reading the document.
func checkIndex(t *testing.T, data []byte) {
	var v oracleDoc
	issues, x := oracleDecoder.DecodeIndexed(data, &v)
	if len(issues) > 0 || x == nil {
		t.Fatalf("indexed decoding failed where decoding succeeded: %v", issues)
	}
	got, want := x.Locate(indexPaths), LocateAll(data, indexPaths)
	for i := range indexPaths {
		if got[i] != want[i] {
			t.Fatalf("path %q: index gives %+v, the document %+v", indexPaths[i], got[i], want[i])
		}
	}
}

func TestIndexLocatesAsTheDocument(t *testing.T) {
	in := "{\n  \"id\": \"a\",\n  \"items\": [\n    {\"name\": \"αβ\", \"amount\": {\"v\": 1, \"unit\": \"mg\"}},\n    {\"amount\": 2}\n  ],\n" +
		"  \"tags\": {\"a b\": \"c\", \"k\": \"v\"},\n  \"next\": {\"next\": {\"id\": \"z\"}, \"items\": [{\"color\": \"red\"}]},\n" +
		"  \"names\": [\"x\", \"y\", \"\\u00e9\"],\n  \"any\": {\"a\": [0, {\"b\": 1}], \"n\": [2]}\n}\n"
	checkIndex(t, []byte(in))
	var v oracleDoc
	_, x := oracleDecoder.DecodeIndexed([]byte(in), &v)
	loc := x.Locate([]string{"items[0].amount.unit", "next.items[0].color", "items[9]"})
	assert.Equal(t, Location{Offset: strings.Index(in, `"mg"`), Exact: true, Line: 4, Column: 47}, loc[0], "inside a leaf's own object; columns count characters")
	assert.Equal(t, 8, loc[1].Line)
	assert.False(t, loc[2].Exact, "a missing element falls back to its list")
	issues, none := oracleDecoder.DecodeIndexed([]byte(`{"id":1}`), &v)
	assert.NotEmpty(t, issues)
	assert.Nil(t, none, "no index when decoding fails")
}

// TestDecodeOracleAgreesOnALongDocument decodes a document of many
// strings and decimals and checks the value against encoding/json's:
// string values are set only when the strings read so far are made into
// one, before their values move (a list that grows or is copied into its
// slice, a map's value copied into the map) and at the end, so the
// document has long lists of strings and of objects holding strings,
// nested lists, a map, pointers, and empty, escaped and long strings.
func TestDecodeOracleAgreesOnALongDocument(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"names":[`)
	for i := range 700 {
		if i > 0 {
			b.WriteString(",\n    ")
		}
		switch i % 7 {
		case 0:
			b.WriteString(`""`)
		case 1:
			b.WriteString(`"\u00e9t\u00e9 ` + strings.Repeat("x", i%13) + `"`)
		case 2:
			b.WriteString(`"` + strings.Repeat("long ", 100+i) + `"`)
		default:
			b.WriteString(`"name ` + strings.Repeat("y", i%37) + `"`)
		}
	}
	b.WriteString(`], "items": [`)
	for i := range 300 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`{"name": "n` + strings.Repeat("z", i%50) + `", "amount": {"v": 1}, "ratio": 0.5}`)
	}
	b.WriteString(`], "tags": {`)
	for i := range 50 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"k` + strings.Repeat("q", i) + `": "v\t` + strings.Repeat("w", i) + `"`)
	}
	b.WriteString(`}, "next": {"price": "-0.0", "share": 999.99, "names": ["a", "", "b"], ` +
		`"items": [{"name": "deep"}, {"name": ""}], "next": {"price": 1000, "share": "0.001", "id": "z"}}, "id": "end"}`)
	data := []byte(b.String())
	require.Greater(t, len(data), 100000)
	var got, want, prepared oracleDoc
	require.Empty(t, Decode(data, &got, Options{}))
	require.NoError(t, encodingJSON(data, &want))
	require.True(t, reflect.DeepEqual(got, want), "the same value as encoding/json")
	require.Empty(t, NewDecoder[oracleDoc](Options{}).Decode(data, &prepared))
	require.True(t, reflect.DeepEqual(prepared, want), "the same value from a prepared Decoder")
	assert.Equal(t, "999.99", got.Next.Share.Decimal.String())
}
