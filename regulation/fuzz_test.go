package regulation

import (
	"context"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

// FuzzDecodeDossier feeds arbitrary bytes to the decoder: it must never
// panic, a dossier it accepts must validate, and assessing an accepted
// dossier must not panic either.
func FuzzDecodeDossier(f *testing.F) {
	f.Add(mustRead(f, "testdata/seed_wound_gel.json"))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"uses":[{"jurisdiction":"ID","class":"cosmetic"}],"claims":[{"wording":"x","studies":["a"]}]}`))
	f.Add([]byte(`{"authorisations":[{"kind":"nie","valid_from":"2025-02-30"}]}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`{"product":{"source":{"identity":{"markers":[{"name":"CD73","percent_positive":"1e999999"}]}}}}`))
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := DecodeDossier(data)
		if err != nil {
			if _, ok := secretome.AsValidationError(err); !ok {
				t.Fatalf("error is not a *ValidationError: %v", err)
			}
		} else if verr := d.Validate(); verr != nil {
			t.Fatalf("accepted dossier fails validation: %v", verr)
		}
		if d != nil {
			if _, err := a.Assess(context.Background(), d); err != nil {
				t.Fatalf("assessing a decoded dossier failed: %v", err)
			}
		}
		// A dossier read only in part (values left at zero where they
		// could not be read) is assessed too, and must not fail either.
		rep, err := a.AssessBytes(context.Background(), data, DecodeOptions{})
		if err != nil {
			t.Fatalf("assessing a dossier read in part failed: %v", err)
		}
		if rep.Invalid != hasError(rep.Problems) {
			t.Fatalf("Invalid is %v with problems %v", rep.Invalid, rep.Problems)
		}
	})
}

func hasError(ps []secretome.Problem) bool {
	for _, p := range ps {
		if p.Severity == secretome.SeverityError {
			return true
		}
	}
	return false
}
