package regulation

import (
	"context"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

func BenchmarkAssess(b *testing.B) {
	d := bigDossier(b)
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Assess(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewAssessor(b *testing.B) {
	rules := Shipped()
	opts := Options{AsOf: secretome.MustParseDate("2026-11-26")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewAssessor(rules, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeDossier(b *testing.B) {
	data := mustRead(b, "testdata/seed_wound_gel.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeDossier(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssessGraded is BenchmarkAssess with one claim resting on two
// randomised trials, so that evidence.Grade runs once per assessment.
func BenchmarkAssessGraded(b *testing.B) {
	d := bigDossier(b)
	withRCTs(d)
	d.Claims[0].Studies = append(d.Claims[0].Studies, "rct-1", "rct-2")
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Assess(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssessParallel assesses the realistic dossier from every
// processor at once with one shared Assessor.
func BenchmarkAssessParallel(b *testing.B) {
	d := bigDossier(b)
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			if _, err := a.Assess(ctx, d); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
