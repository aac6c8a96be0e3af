package secretome_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/openregen/secretomekit/secretome"
)

// Analyte names are matched ignoring case, spaces, hyphens and the
// spelling of β; the catalogue entry gives the canonical name and the
// dimensions an amount may be given in.
func ExampleLookupAnalyte() {
	for _, name := range []string{"bFGF", "tgf-beta1", "TGF-β1", "galectin-1"} {
		info, ok := secretome.LookupAnalyte(name)
		if !ok {
			fmt.Printf("%-10s not in the catalogue\n", name)
			continue
		}
		fmt.Printf("%-10s %-7s %s, per volume: %v\n", name, info.Name, info.Class,
			info.Fits(secretome.DimensionMassConcentration))
	}
	// Output:
	// bFGF       FGF-2   growth_factor, per volume: true
	// tgf-beta1  TGF-β1  growth_factor, per volume: true
	// TGF-β1     TGF-β1  growth_factor, per volume: true
	// galectin-1 not in the catalogue
}

// Validate returns nil unless some problem is an error; then the
// *ValidationError holds every problem at once, warnings and notes
// included, sorted by path.
func ExampleProduct_Validate() {
	data, err := os.ReadFile("testdata/wound_gel.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := secretome.DecodeProduct(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("valid:", p.Validate() == nil)

	p.Formulation.Routes = nil
	p.Batches[0].Results[1].Value = secretome.MustParseQuantity("0.75 EU/mL")
	err = p.Validate()
	if ve, ok := secretome.AsValidationError(err); ok {
		fmt.Println("errors:", ve.Count(secretome.SeverityError))
		for _, pr := range ve.Problems {
			fmt.Printf("%s [%s]: %s\n", pr.Path, pr.Code, pr.Message)
		}
	}
	// Output:
	// valid: true
	// errors: 2
	// batches[0].results[1] [batch.deviation]: out_of_limit: 0.75 EU/mL is above the limit ≤ 0.5 EU/mL
	// formulation.routes [required]: routes is required
}

// An unknown spelling of an enumeration is a *secretome.EnumError that
// names the enumeration and lists the accepted spellings, whichever
// package's type rejected it.
func ExampleEnumError() {
	var t secretome.Tissue
	err := t.UnmarshalText([]byte("cord"))
	var ee *secretome.EnumError
	if errors.As(err, &ee) {
		fmt.Println(ee.Kind, ee.Value)
		fmt.Println(ee.Allowed)
	}
	// Output:
	// tissue cord
	// [bone_marrow adipose umbilical_cord whartons_jelly dental_pulp placenta amnion ipsc_derived embryonic other]
}

// Equal compares amounts across units of one dimension exactly; Add
// works in the finer unit, so nothing is rounded.
func ExampleQuantity_Equal() {
	a := secretome.MustParseQuantity("1.5 ng/mL")
	b := secretome.MustParseQuantity("1500 pg/mL")
	fmt.Println(a.Equal(b))
	sum, err := a.Add(b)
	fmt.Println(sum, err)
	_, err = a.Add(secretome.MustParseQuantity("2 nm"))
	var de *secretome.DimensionError
	fmt.Println(errors.As(err, &de), err)
	// Output:
	// true
	// 3000 pg/mL <nil>
	// true cannot convert ng/mL (mass concentration) to nm (length)
}
