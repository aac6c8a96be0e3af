package secretome_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

// BenchmarkValidate measures validation alone of a realistic, full, valid
// product (target: under 5 µs and a few allocations).
func BenchmarkValidate(b *testing.B) {
	p := loadGel(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeValidate measures strict decoding plus validation of the
// product's JSON; compare with BenchmarkDecodePlainJSON, the floor set by
// encoding/json decoding the same bytes into the same structs (target:
// within 2× of it).
func BenchmarkDecodeValidate(b *testing.B) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := secretome.DecodeProduct(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodePlainJSON is the floor for BenchmarkDecodeValidate.
func BenchmarkDecodePlainJSON(b *testing.B) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var p secretome.Product
		if err := json.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}
