package fhir_test

import (
	"os"
	"testing"

	"github.com/openregen/secretomekit/fhir"
)

// FuzzImport checks that Import never panics and that whatever it accepts
// exports and imports again to the same dossier.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"hucm-night-cream", "ucmsc-wound-gel.assessed"} {
		if b, err := os.ReadFile("testdata/" + name + ".bundle.json"); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"resourceType":"Bundle","type":"collection"}`))
	f.Add([]byte(`{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Ingredient","id":"a","status":"active","role":{"coding":[{"code":"analyte"}]},"substance":{"code":{"concept":{"text":"VEGF"}},"strength":[{"concentrationQuantity":{"value":1.20,"system":"http://unitsofmeasure.org","code":"ug/mL"}}]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := fhir.Import(data)
		if d == nil || err != nil {
			return
		}
		res, err := fhir.Export(d)
		if err != nil {
			t.Fatalf("an imported dossier does not export: %v", err)
		}
		if _, err := fhir.Import(res.Bundle); err != nil {
			t.Fatalf("an exported dossier does not import: %v", err)
		}
	})
}
