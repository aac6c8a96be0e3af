package secretome_test

import (
	"testing"

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
