package secretome_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/secretome"
)

// Sinks keep the compiler from discarding benchmark results.
var (
	sinkQuantity secretome.Quantity
	sinkInt      int
	sinkErr      error
)

func BenchmarkParseQuantity(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"simple", "1200 pg/mL"},
		{"decimals", "1.20 µg/mL"},
		{"scientific", "1.2 × 10^9 particles/mL"},
		{"big", "123456789012345678901234567890 particles"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkQuantity, sinkErr = secretome.ParseQuantity(bc.in)
			}
		})
	}
}

func BenchmarkParseUnit(b *testing.B) {
	b.ReportAllocs()
	var u secretome.Unit
	for b.Loop() {
		u, sinkErr = secretome.ParseUnit("ug/ml")
	}
	sinkInt = int(u)
}

func BenchmarkConvert(b *testing.B) {
	for _, bc := range []struct {
		name, in string
		to       secretome.Unit
	}{
		{"pow10-down", "1200 pg/mL", secretome.UnitNgPerML},
		{"pow10-up", "1.20 mg/mL", secretome.UnitPgPerML},
		{"divide", "36 h", secretome.UnitDay},
	} {
		q := secretome.MustParseQuantity(bc.in)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkQuantity, sinkErr = q.Convert(bc.to)
			}
		})
	}
}

func BenchmarkCmp(b *testing.B) {
	for _, bc := range []struct{ name, a, c string }{
		{"same-unit", "1200 pg/mL", "1300 pg/mL"},
		{"cross-unit", "999 µg/mL", "1 mg/mL"},
		{"duration", "36 h", "1.5 d"},
	} {
		x, y := secretome.MustParseQuantity(bc.a), secretome.MustParseQuantity(bc.c)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkInt, sinkErr = x.Cmp(y)
			}
		})
	}
}

func BenchmarkUnmarshalJSON(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"object-string", `{"value":"1.20","unit":"mg/mL"}`},
		{"object-number", `{"value":1.2e9,"unit":"particles/mL"}`},
		{"string", `"1200 pg/mL"`},
	} {
		data := []byte(bc.in)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var q secretome.Quantity
				sinkErr = q.UnmarshalJSON(data)
				sinkQuantity = q
			}
		})
	}
}

func BenchmarkMarshalJSON(b *testing.B) {
	q := secretome.MustParseQuantity("1.20 mg/mL")
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = q.MarshalJSON()
	}
}

// unmarshalOnly is a Quantity that a decoder can only unmarshal: it does
// not read itself in place (no DecodeJSONPrefix), for comparison.
type unmarshalOnly secretome.Quantity

func (q *unmarshalOnly) UnmarshalJSON(data []byte) error {
	return (*secretome.Quantity)(q).UnmarshalJSON(data)
}

// BenchmarkDecodeQuantities decodes a pretty-printed list of quantities
// strictly, read in place ("in-place", one pass over their bytes) and
// skipped by the decoder, then unmarshalled ("unmarshal", two passes).
func BenchmarkDecodeQuantities(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("[")
	for i := range 40 {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, "\n  {\n    \"value\": \"%d.%02d\",\n    \"unit\": \"mg/mL\"\n  }", i, i)
	}
	doc.WriteString("\n]\n")
	data := []byte(doc.String())
	b.Run("in-place", func(b *testing.B) {
		dec := strictjson.NewDecoder[[]secretome.Quantity](strictjson.Options{})
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var qs []secretome.Quantity
			if issues := dec.Decode(data, &qs); len(issues) > 0 || len(qs) != 40 {
				b.Fatal(issues)
			}
		}
	})
	b.Run("unmarshal", func(b *testing.B) {
		dec := strictjson.NewDecoder[[]unmarshalOnly](strictjson.Options{})
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var qs []unmarshalOnly
			if issues := dec.Decode(data, &qs); len(issues) > 0 || len(qs) != 40 {
				b.Fatal(issues)
			}
		}
	})
}
