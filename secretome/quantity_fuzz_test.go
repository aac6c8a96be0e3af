package secretome_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

var fuzzQuantitySeeds = []string{
	"1200 pg/mL", "1.20 mg/mL", "1.2e9 particles/mL", "1.2 × 10^9 particles/mL",
	"5%", "5 %", "-80 °C", "−80 ℃", "0.22 µm", "pH 7.4", "0.0005 ug/ml",
	"1e64 pg/mL", "1e-64 pg/mL", "36 h", "24 months", "5EU/mL", "1.2.3 mg/mL",
	"1,5 %", ".5 mg", "1e999999999 mg", "0x10 mg", "NaN %", "", " ", "mg",
	"123456789012345678901234567890 particles", "+4 Cel", "5 x10^-3 g/L", "1.2 × 10⁻⁹ mg",
}

// FuzzParseQuantity checks that ParseQuantity never panics, returns only
// the documented error types, and that whatever it accepts prints as text
// that parses back to the same digits and unit.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range fuzzQuantitySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := secretome.ParseQuantity(s)
		if err != nil {
			var se *secretome.QuantitySyntaxError
			var ue *secretome.UnknownUnitError
			if !errors.As(err, &se) && !errors.As(err, &ue) {
				t.Fatalf("ParseQuantity(%q): undocumented error %T: %v", s, err, err)
			}
			if !q.IsZero() {
				t.Fatalf("ParseQuantity(%q): partial result %v with error", s, q)
			}
			return
		}
		if !q.IsValid() {
			t.Fatalf("ParseQuantity(%q) = %v, not valid", s, q)
		}
		text := q.String()
		back, err := secretome.ParseQuantity(text)
		if err != nil {
			t.Fatalf("ParseQuantity(%q) = %q, which does not parse: %v", s, text, err)
		}
		if back.Unit != q.Unit || back.Value.Exponent() != q.Value.Exponent() || !back.Equal(q) {
			t.Fatalf("ParseQuantity(%q) = %q, re-parsed as %q", s, text, back)
		}
		if back.String() != text {
			t.Fatalf("String not stable: %q then %q", text, back.String())
		}
		if c, err := q.Cmp(back); err != nil || c != 0 {
			t.Fatalf("Cmp(%q, %q) = %d, %v", text, back, c, err)
		}
		// Converting to every unit of the dimension must keep the value, or
		// say why not (no finite decimal form; a result beyond the
		// documented bounds).
		for _, u := range q.Unit.Dimension().Units() {
			c, err := q.Convert(u)
			if err != nil {
				if !errors.Is(err, secretome.ErrInexact) && !errors.Is(err, secretome.ErrOutOfRange) {
					t.Fatalf("%q to %s: %v", text, u, err)
				}
				continue
			}
			if !c.Equal(q) {
				t.Fatalf("%q to %s = %q, not equal", text, u, c)
			}
		}
	})
}

// FuzzQuantityJSON checks that UnmarshalJSON never panics on any bytes,
// and that whatever it accepts marshals, unmarshals to an equal value and
// marshals again to the same bytes.
func FuzzQuantityJSON(f *testing.F) {
	for _, s := range []string{
		`{"value":"1.20","unit":"mg/mL"}`, `{"value":1.20,"unit":"ug/ml"}`,
		`{"unit":"%","value":"5"}`, `"1200 pg/mL"`, `null`, `{"value":"1e64","unit":"g/L"}`,
		`{"value":"1","unit":"mg/mL","x":1}`, `{"value":"NaN","unit":"%"}`, `{}`,
		`{"value":"1","value":"2","unit":"mg"}`, `"5 \u00b0C"`, `{"\u0076alue":"5","unit":"%"}`,
		`{"value":true,"unit":"%"}`, `[1]`, `"`, `{"value":-0.000,"unit":"Cel"}`,
	} {
		f.Add([]byte(s))
	}
	for _, s := range fuzzQuantitySeeds {
		b, _ := json.Marshal(s)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var q secretome.Quantity
		if err := q.UnmarshalJSON(data); err != nil {
			if !q.IsZero() {
				t.Fatalf("UnmarshalJSON(%q): partial result with error %v", data, err)
			}
			return
		}
		first, err := q.MarshalJSON()
		if err != nil {
			t.Fatalf("UnmarshalJSON(%q) = %v, which does not marshal: %v", data, q, err)
		}
		if !json.Valid(first) {
			t.Fatalf("MarshalJSON produced invalid JSON %q", first)
		}
		var back secretome.Quantity
		if err := back.UnmarshalJSON(first); err != nil {
			t.Fatalf("MarshalJSON = %s, which does not unmarshal: %v", first, err)
		}
		if back.Unit != q.Unit || !back.Equal(q) {
			t.Fatalf("round trip %s changed %v to %v", first, q, back)
		}
		second, err := back.MarshalJSON()
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("not byte-stable: %s then %s (%v)", first, second, err)
		}
	})
}

// FuzzQuantityJSONPrefix checks that DecodeJSONPrefix, the one-pass read
// a strict decoder uses, only ever reads what UnmarshalJSON reads: when it
// reads a value, the bytes it says it took are one well-formed JSON value
// that UnmarshalJSON decodes to exactly the same quantity, digits and
// exponent alike; when it does not, the quantity is unchanged.
func FuzzQuantityJSONPrefix(f *testing.F) {
	for _, s := range []string{
		`{"value":"1.20","unit":"mg/mL"}`, `{"value":1.20,"unit":"ug/ml"},"x":1`,
		`{"unit":"%","value":"5"}]`, `{ "value" : -0.000 ,` + "\n\t\r" + `"unit":"Cel" }`,
		`{"value":"1","unit":"mg/mL","x":1}`, `{"value":"1","value":"2","unit":"mg"}`,
		`{"\u0076alue":"5","unit":"%"}`, `{"value":"5","unit":"\u0025"}`, `{"value":01,"unit":"%"}`,
		`{"value":1.,"unit":"%"}`, `{"value":1e5,"unit":"%"}`, `{"value":1e,"unit":"%"}`,
		`{"value":"1e64","unit":"g/L"}`, `{"value":"","unit":"%"}`, `{"value":"5","unit":""}`,
		`{"value":"5","unit":"furlong"}`, `{"value":"5 ","unit":"%"}`, `{"value":"5","unit":"°C"}`,
		`{"value":"5","unit":"` + "\xff" + `"}`, `{"value":"5` + "\x01" + `","unit":"%"}`,
		`{"value":5x,"unit":"%"}`, `{"value":5,"unit":"%"`, `{"value":5}`, `{}`, `{`, ``,
		`"1.20 mg/mL"`, `null`, `{"value":true,"unit":"%"}`, `{"value":"NaN","unit":"%"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q := secretome.MustParseQuantity("7 mg")
		n, ok := q.DecodeJSONPrefix(data)
		if !ok {
			if q.Unit != secretome.MustParseQuantity("7 mg").Unit || q.Value.String() != "7" || q.Value.Exponent() != 0 {
				t.Fatalf("DecodeJSONPrefix(%q) refused but changed the quantity to %v", data, q)
			}
			return
		}
		if n <= 0 || n > len(data) {
			t.Fatalf("DecodeJSONPrefix(%q) took %d bytes", data, n)
		}
		raw := data[:n]
		if !json.Valid(raw) {
			t.Fatalf("DecodeJSONPrefix(%q) took %q, which is not one JSON value", data, raw)
		}
		var want secretome.Quantity
		if err := want.UnmarshalJSON(raw); err != nil {
			t.Fatalf("DecodeJSONPrefix(%q) read %v where UnmarshalJSON fails: %v", raw, q, err)
		}
		if q.Unit != want.Unit || !reflect.DeepEqual(q.Value, want.Value) {
			t.Fatalf("DecodeJSONPrefix(%q) = %#v, UnmarshalJSON = %#v", raw, q, want)
		}
	})
}
