package regulation

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
)

// BenchmarkUnmarshalDossier is plain encoding/json decoding the seed
// dossier into the same Go types, without strictness or validation: the
// yardstick for BenchmarkDecodeDossier.
func BenchmarkUnmarshalDossier(b *testing.B) {
	data := mustRead(b, "testdata/seed_wound_gel.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var d Dossier
		if err := json.Unmarshal(data, &d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeAssessSeed decodes and assesses the seed dossier, from
// bytes to report.
func BenchmarkDecodeAssessSeed(b *testing.B) {
	data := mustRead(b, "testdata/seed_wound_gel.json")
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := DecodeDossier(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := a.Assess(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// scaleSizes are the sizes of the growth benchmarks: the growth exponent
// from 100 to 5,000 is log(t5000/t100)/log(50), and should stay near 1.
var scaleSizes = []int{100, 500, 1000, 5000}

// manyUses is the seed dossier with n uses spread over every shipped
// jurisdiction and the common classes of use.
func manyUses(b testing.TB, n int) *Dossier {
	d := seed(b)
	templates := d.Uses
	juris := []string{"ID", "US", "EU", "JP", "KR", "AU", "TW"}
	uses := make([]Use, n)
	for i := range uses {
		u := templates[i%len(templates)]
		u.Jurisdiction = juris[(i/len(templates))%len(juris)]
		uses[i] = u
	}
	d.Uses = uses
	return d
}

// manyStudies is the seed dossier with a therapeutic claim citing n
// studies: randomised trials, case series and case reports in turn, so
// that the claim is graded with evidence.Grade.
func manyStudies(b testing.TB, n int) *Dossier {
	d := seed(b)
	base := d.Studies[0]
	ids := make([]string, 0, n)
	for i := range n {
		var s evidence.Study
		switch i % 3 {
		case 0:
			s = rct("", 60+i%20, 35)
		case 1:
			s = base
			s.Design = evidence.DesignCaseSeries
			m := 12
			s.Population.Size = &m
		default:
			s = base
			s.Design = evidence.DesignCaseReport
		}
		s.ID = fmt.Sprintf("scale-%05d", i)
		d.Studies = append(d.Studies, s)
		ids = append(ids, s.ID)
	}
	d.Claims = append(d.Claims, Claim{Wording: "Closes pressure ulcers", Indication: "pressure-ulcer", Studies: ids})
	return d
}

func benchAssess(b *testing.B, d *Dossier) {
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

// BenchmarkAssessUses measures how assessment grows with the number of
// intended uses.
func BenchmarkAssessUses(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchAssess(b, manyUses(b, n)) })
	}
}

// BenchmarkAssessCitedStudies measures how assessment grows with the
// number of studies a claim cites.
func BenchmarkAssessCitedStudies(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchAssess(b, manyStudies(b, n)) })
	}
}
