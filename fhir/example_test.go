package fhir_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/openregen/secretomekit/fhir"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// Export a dossier to a FHIR R5 Bundle for a hospital's FHIR server, and
// read it back.
func ExampleExport() {
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := fhir.Export(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("carried in the extension:", len(res.Carried), "fields, such as", res.Carried[0])

	back, err := fhir.Import(res.Bundle)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.Product.Name)
	a := back.Product.Composition.Analytes[1]
	fmt.Println(a.Name, a.Quantity, "=", a.Quantity.UCUMString())
	// Output:
	// carried in the extension: 66 fields, such as /authorisations/0/facility
	// Nusantara Bioregen UC-MSC Secretome Wound Gel
	// HGF 3.40 ng/mL = 3.40 ng/mL
}

// Import reports every problem of a Bundle at once, each with its path.
func ExampleImport_errors() {
	bundle := []byte(`{
  "resourceType": "Bundle",
  "type": "collection",
  "entry": [
    {"resource": {"resourceType": "Ingredient", "id": "a", "status": "active",
      "role": {"coding": [{"code": "analyte"}]},
      "substance": {"code": {"concept": {"text": "VEGF"}},
        "strength": [{"concentrationQuantity": {"value": 1.20, "system": "http://unitsofmeasure.org", "code": "mcg/mL"}}]}}},
    {"resource": {"resourceType": "Patient", "id": "p"}}
  ]
}`)
	_, err := fhir.Import(bundle)
	var ve *secretome.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("line %d: %s [%s] %s\n", p.Line, p.Path, p.Code, p.Message)
		}
	}
	// Output:
	// line 8: entry[0].resource.substance.strength[0].concentrationQuantity.code [unit] "mcg/mL" is not a UCUM code; µg/mL is written "ug/mL" in UCUM
	// line 9: entry[1].resource.resourceType [enum] "Patient" is not a resource of a dossier Bundle
}
