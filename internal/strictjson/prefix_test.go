package strictjson

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// measure is a leaf that reads its plain form, {"v":"…","u":"…"} with
// no space and no escape, in place (PrefixDecoder), and any other form
// through UnmarshalJSON, which accepts an object with the members v and
// u, strings, in any layout.
type measure struct{ V, U string }

func (m *measure) DecodeJSONPrefix(data []byte) (int, bool) {
	if !bytes.HasPrefix(data, []byte(`{"v":"`)) {
		return 0, false
	}
	rest := data[len(`{"v":"`):]
	v, after, ok := bytes.Cut(rest, []byte(`","u":"`))
	if !ok || bytes.ContainsAny(v, "\"\\") {
		return 0, false
	}
	u, _, ok := bytes.Cut(after, []byte(`"}`))
	odd := func(r rune) bool { return r < 0x20 || r >= 0x80 }
	if !ok || bytes.ContainsAny(u, "\"\\") || bytes.ContainsFunc(v, odd) || bytes.ContainsFunc(u, odd) {
		return 0, false
	}
	m.V, m.U = string(v), string(u)
	return len(`{"v":"`) + len(v) + len(`","u":"`) + len(u) + len(`"}`), true
}

func (m *measure) UnmarshalJSON(b []byte) error {
	var raw struct{ V, U *string }
	if err := encodingJSON(b, &raw); err != nil {
		return err
	}
	if raw.V == nil || raw.U == nil {
		return errors.New("v and u are required")
	}
	m.V, m.U = *raw.V, *raw.U
	return nil
}

type measured struct {
	Name  string     `json:"name"`
	Dose  measure    `json:"dose"`
	Max   *measure   `json:"max"`
	Doses []measure  `json:"doses"`
	Next  *measured  `json:"next"`
	Sizes []*measure `json:"sizes"`
}

var measuredDecoder = NewDecoder[measured](Options{})

// measuredPaths are paths into a measured document, inside its leaves
// and around them.
var measuredPaths = []string{"", "name", "dose", "dose.v", "dose.u", "dose.x", "max.u", "doses[1].u", "doses[1]",
	"doses[7].v", "next.dose.v", "next.doses[0].u", "sizes[0].v", "sizes[1]", `dose["u"]`, "dose[0]"}

// TestIndexInsideLeaves checks that an index places paths inside a leaf
// that read its value in place (whose inner values it notes only when
// asked) as it places them inside one that did not, and as LocateAll
// places them in the document.
func TestIndexInsideLeaves(t *testing.T) {
	for _, in := range []string{
		`{"name":"a","dose":{"v":"1","u":"mg"},"max":{"v":"2","u":"g"},"doses":[{"v":"3","u":"mL"},{"v":"4","u":"L"}]}`,
		"{\n  \"dose\": {\"v\":\"1\",\"u\":\"mg\"},\n  \"doses\": [\n    {\"v\":\"3\",\"u\":\"mL\"},\n    { \"u\": \"L\", \"v\": \"4\" }\n  ],\n" +
			"  \"next\": {\"dose\": {\"v\":\"é\",\"u\":\"x\"}, \"doses\": [{\"v\":\"5\",\"u\":\"kg\"}]},\n  \"sizes\": [{\"v\":\"6\",\"u\":\"m\"}, null]\n}",
	} {
		data := []byte(in)
		var v measured
		issues, x := measuredDecoder.DecodeIndexed(data, &v)
		require.Empty(t, issues, in)
		require.NotNil(t, x)
		assert.Equal(t, LocateAll(data, measuredPaths), x.Locate(measuredPaths), in)
	}
	data := []byte(`{"doses":[{"v":"3","u":"mL"}, {"u":"L","v":"4"}]}`)
	var v measured
	_, x := measuredDecoder.DecodeIndexed(data, &v)
	loc := x.Locate([]string{"doses[0].u", "doses[1].u", "doses[0].w"})
	assert.Equal(t, strings.Index(string(data), `"mL"`), loc[0].Offset, "inside a leaf read in place")
	assert.True(t, loc[0].Exact)
	assert.Equal(t, strings.Index(string(data), `"L"`), loc[1].Offset, "inside a leaf read by UnmarshalJSON")
	assert.Equal(t, Location{Offset: strings.Index(string(data), `{"v":"3"`), Line: 1, Column: 11}, loc[2], "a missing field falls back to the leaf")
}

// FuzzIndexInsideLeaves checks, on any document that decodes, that the
// index places paths in and around leaves read in place as LocateAll
// places them in the document, and that decoding with an index gives the
// same value as decoding without one.
func FuzzIndexInsideLeaves(f *testing.F) {
	f.Add([]byte(`{"name":"a","dose":{"v":"1","u":"mg"},"doses":[{"v":"3","u":"mL"},{"u":"L","v":"4"}]}`))
	f.Add([]byte(`{"next":{"dose":{"v":"é","u":"x"},"next":{"max":{"v":"","u":""}}},"sizes":[{"v":"6","u":"m"},null]}`))
	f.Add([]byte("{\"dose\" : {\"v\":\"1\",\"u\":\"mg\"} ,\n\"max\":{ \"v\":\"1\",\"u\":\"mg\"}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var plain, indexed measured
		issues := measuredDecoder.Decode(data, &plain)
		again, x := measuredDecoder.DecodeIndexed(data, &indexed)
		if !reflect.DeepEqual(issues, again) || !reflect.DeepEqual(plain, indexed) {
			t.Fatalf("indexed decoding differs:\n got %#v %v\nwant %#v %v", indexed, again, plain, issues)
		}
		if len(issues) > 0 {
			return
		}
		paths := append(measuredPaths, "next.next.dose.u", "next.sizes[0].u", "doses[0].v", "max.v")
		got, want := x.Locate(paths), LocateAll(data, paths)
		for i := range paths {
			if got[i] != want[i] {
				t.Fatalf("path %q: index gives %+v, the document %+v", paths[i], got[i], want[i])
			}
		}
	})
}
