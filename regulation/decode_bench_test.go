package regulation

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

// exampleDossiers are the bundled JSON example dossiers, the broken one
// among them: a stream of dossiers holds some with many problems, and
// their reading must be cheap too.
var exampleDossiers = []string{"ucmsc-wound-gel.json", "bmmsc-ev-knee.json", "broken-exosome-serum.json"}

// readAssess is the library's share of checking one dossier as a command
// that lists problems and findings with their lines does: read it,
// assess it as read, and place the findings and the uses without a
// verdict.
func readAssess(b *testing.B, a *Assessor, data []byte) {
	r := ReadDossier(data, DecodeOptions{})
	rep, err := a.AssessReading(context.Background(), r, nil)
	if err != nil {
		b.Fatal(err)
	}
	if r.Dossier == nil {
		b.Fatal("the dossier could not be read")
	}
	_ = rep.Findings()
	paths := make([]string, len(r.Dossier.Uses))
	for i := range paths {
		paths[i] = "uses[" + strconv.Itoa(i) + "]"
	}
	_ = r.Locate(paths)
}

// BenchmarkReadAssessExamples reads, assesses and places each bundled
// JSON example dossier, and all three in turn as in a JSON Lines stream
// a third of whose records are broken ("mix", three dossiers an
// operation).
func BenchmarkReadAssessExamples(b *testing.B) {
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		b.Fatal(err)
	}
	var all [][]byte
	for _, name := range exampleDossiers {
		data := mustRead(b, filepath.Join("..", "examples", "dossiers", name))
		all = append(all, data)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				readAssess(b, a, data)
			}
		})
	}
	b.Run("mix", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, data := range all {
				readAssess(b, a, data)
			}
		}
	})
}

// BenchmarkReadDossierExamples is BenchmarkReadAssessExamples without
// the assessment: decoding and validation alone.
func BenchmarkReadDossierExamples(b *testing.B) {
	for _, name := range exampleDossiers {
		data := mustRead(b, filepath.Join("..", "examples", "dossiers", name))
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if r := ReadDossier(data, DecodeOptions{}); r.Dossier == nil {
					b.Fatal("the dossier could not be read")
				}
			}
		})
	}
}
