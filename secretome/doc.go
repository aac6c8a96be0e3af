// Package secretome models stem-cell secretome products: what cells made
// them, what was made from the conditioned medium, what the product
// contains in exact quantities, how it is formulated, what it is for, and
// how each batch is released.
//
// A secretome is what cultured cells, most often mesenchymal stromal cells
// (MSCs) from bone marrow, adipose tissue, umbilical cord or dental pulp,
// release into their medium: growth factors, cytokines and extracellular
// vesicles (EVs). Products range from cleared conditioned medium to purified
// EVs, and from wound gels to injections. Hospitals, regulators and makers
// need one precise, checkable description of such a product; this package
// is that description.
//
// # Reading a product
//
// DecodeProduct reads JSON strictly: unknown fields, unknown enum
// spellings, malformed numbers, trailing data and oversized documents are
// errors, each reported with the path of the field ("source.tissue") and
// its line. It then validates the product and reports every problem at
// once:
//
//	p, err := secretome.DecodeProduct(data)
//	var ve *secretome.ValidationError
//	if errors.As(err, &ve) {
//		for _, pr := range ve.Problems {
//			fmt.Println(pr.Path, pr.Code, pr.Message)
//		}
//	}
//
// # Exact quantities
//
// Every amount, concentration, limit and price is exact: a Quantity holds a
// decimal.Decimal and a Unit, keeps the digits as written ("3.40 ng/mL"
// stays 3.40), converts between units of one dimension without floating
// point, and refuses to compare a concentration with a length. Units are
// grouped by Dimension; ParseQuantity accepts the usual spellings and UCUM
// ("ug/mL", "Cel").
//
// # Validation
//
// Validate checks structure (required fields, ranges, percentages between 0
// and 100, units that fit what they measure, unique identifiers, ICD-10 and
// ICD-11 code forms) and two domain standards:
//
//   - ISCT: the minimal criteria for MSCs (Dominici et al. 2006): plastic
//     adherence, ≥ 95 % CD105/CD73/CD90, ≤ 2 % haematopoietic markers and
//     HLA-DR, trilineage differentiation. See ISCT.
//   - EV characterisation: which items of the MISEV2018 structure (kept by
//     MISEV2023) the product documents. See EVCharacterisation.
//
// Problems have a stable Code, a Severity and a Path. Errors make the
// product invalid; warnings (an ISCT criterion not met, EV items missing,
// allogeneic material without donor screening) and notes (an analyte not in
// the catalogue) are reported by Check but do not fail Validate.
//
// # Release
//
// A ReleaseSpec lists the tests a batch must pass, each with a numeric or
// qualitative limit; ReleaseSpec.Conformance lists every way a Batch
// departs from it, comparing results across units exactly.
//
// # Zero values
//
// The zero Product is empty and invalid. Enumerations use their zero value
// for "not given", spelled "" and omitted from JSON. Where zero is a real
// value (passage 0, 0 % positive), the field is a pointer or a
// decimal.NullDecimal, so that absent stays distinct from zero.
//
// The package has no global mutable state; its values are safe to share
// between goroutines once built.
package secretome
