package secretome_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/openregen/secretomekit/secretome"
)

func ExampleParseQuantity() {
	for _, s := range []string{
		"1200 pg/mL",
		"1.20 ug/ml",
		"1.2 × 10^9 particles/mL",
		"5%",
		"−80 °C",
		"pH 7.4",
	} {
		q, err := secretome.ParseQuantity(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-24q %-20s %s\n", s, q, q.Dimension())
	}
	// Output:
	// "1200 pg/mL"             1200 pg/mL           mass concentration
	// "1.20 ug/ml"             1.20 µg/mL           mass concentration
	// "1.2 × 10^9 particles/mL" 1.2e9 particles/mL   particle concentration
	// "5%"                     5 %                  fraction
	// "−80 °C"                 -80 °C               temperature
	// "pH 7.4"                 7.4 pH               ph
}

// A malformed quantity is a *QuantitySyntaxError; a well-formed one whose
// unit is not known is an *UnknownUnitError. Callers tell them apart with
// errors.As.
func ExampleParseQuantity_errors() {
	for _, s := range []string{"1.2.3 mg/mL", "1,5 %", "5", "5 ug/dl", "5 MG/ML"} {
		_, err := secretome.ParseQuantity(s)
		var syntax *secretome.QuantitySyntaxError
		var unknown *secretome.UnknownUnitError
		switch {
		case errors.As(err, &syntax):
			fmt.Printf("syntax at byte %d: %s\n", syntax.Offset, syntax.Msg)
		case errors.As(err, &unknown):
			fmt.Printf("unknown unit %q\n", unknown.Text)
		}
	}
	_, err := secretome.ParseQuantity("5 MG/ML")
	fmt.Println(err)
	// Output:
	// syntax at byte 3: a number has at most one decimal point
	// syntax at byte 1: decimal comma or digit group separator; write a decimal point and no separators
	// syntax at byte 1: missing unit
	// unknown unit "ug/dl"
	// unknown unit "MG/ML"
	// unknown unit "MG/ML" (case matters; did you mean "mg/mL"?)
}

func ExampleQuantity_Convert() {
	q := secretome.MustParseQuantity("1.20 mg/mL")
	ug, _ := q.Convert(secretome.UnitUgPerML)
	fmt.Println(ug)

	d, _ := secretome.MustParseQuantity("36 h").Convert(secretome.UnitDay)
	fmt.Println(d)

	// 1 h is 1/24 d, which has no finite decimal form: an error, not a rounding.
	_, err := secretome.MustParseQuantity("1 h").Convert(secretome.UnitDay)
	fmt.Println(errors.Is(err, secretome.ErrInexact))

	// Months are calendar spans; they do not convert to days.
	_, err = secretome.MustParseQuantity("6 months").Convert(secretome.UnitDay)
	var dim *secretome.DimensionError
	fmt.Println(errors.As(err, &dim), err)
	// Output:
	// 1200 µg/mL
	// 1.5 d
	// true
	// true cannot convert month (calendar duration) to d (duration)
}

func ExampleQuantity_Cmp() {
	limit := secretome.MustParseQuantity("1 mg/mL")
	for _, s := range []string{"999 µg/mL", "1000 ug/ml", "1.0001 g/L"} {
		c, err := secretome.MustParseQuantity(s).Cmp(limit)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, []string{"<", "=", ">"}[c+1], limit)
	}
	_, err := secretome.MustParseQuantity("5 IU/mL").Cmp(secretome.MustParseQuantity("5 U/mL"))
	fmt.Println(err)
	// Output:
	// 999 µg/mL < 1 mg/mL
	// 1000 ug/ml = 1 mg/mL
	// 1.0001 g/L > 1 mg/mL
	// cannot convert IU/mL (iu concentration) to U/mL (u concentration)
}

func ExampleQuantity_MarshalJSON() {
	var q secretome.Quantity
	_ = json.Unmarshal([]byte(`{"value": 1.20, "unit": "ug/ml"}`), &q)
	b, _ := json.Marshal(q)
	fmt.Println(string(b))

	err := json.Unmarshal([]byte(`{"value": "1", "unit": "ug/dl"}`), &q)
	var fe *secretome.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field)
	}
	// Output:
	// {"value":"1.20","unit":"µg/mL"}
	// unit
}
