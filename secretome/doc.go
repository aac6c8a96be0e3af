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
// its line and column (columns count characters). A document that decodes
// is then validated, and every problem comes back at once in one
// *ValidationError:
//
//	p, err := secretome.DecodeProduct(data)
//	var ve *secretome.ValidationError
//	if errors.As(err, &ve) {
//		for _, pr := range ve.Problems {
//			fmt.Println(pr.Path, pr.Code, pr.Message)
//		}
//	}
//
// When only validation fails, p is the decoded product, so that a caller
// can still show it; when decoding fails, p is nil.
//
// Every enumeration (Tissue, Route, TestKind, ...) is a small integer type
// with a stable lowercase spelling in JSON and text, String, Values, and
// MarshalText/UnmarshalText. An unknown spelling is an *EnumError, which
// names the enumeration and lists the accepted spellings. It is one type
// shared by every package of the module (evidence and regulation return
// it too), so a single errors.As finds it whatever was being decoded.
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
// Validate checks structure (required fields, ranges, shares in percent
// between 0 and 100 — cells positive for a marker, oxygen, excipients, but
// not release results, where a relative potency may pass 100 % — units
// that fit what they measure, unique identifiers, ICD-10 and ICD-11 code
// forms) and two domain standards:
//
//   - ISCT: the minimal criteria for MSCs (Dominici et al. 2006): plastic
//     adherence, ≥ 95 % CD105/CD73/CD90, ≤ 2 % haematopoietic markers and
//     HLA-DR, trilineage differentiation; for adipose-derived stromal
//     cells the IFATS/ISCT criteria (Bourin et al. 2013), where CD34 may be
//     present. See ISCT.
//   - EV characterisation: which items of the MISEV2018 structure (kept by
//     MISEV2023) the product documents: protein markers by the five
//     categories of MISEV2018 Table 3 (EVCategory, with aliases such as
//     ALIX for PDCD6IP), quantification by particles, protein or lipid, a
//     category-3 purity marker, and the conditioned-medium items (serum-free
//     or EV-depleted serum, viability at harvest). See EVCharacterisation.
//
// A release result below the limit of detection ("< 0.05 EU/mL") is
// recorded with TestResult.BelowDetection and compared with the limit as
// such.
//
// Problems have a stable Code, a Severity and a Path. Errors make the
// product invalid; warnings (an ISCT criterion not met, EV items missing,
// allogeneic material without donor screening) and notes (an analyte not in
// the catalogue) are reported by Check but do not fail Validate. Analytes
// are matched against a small catalogue of the factors MSC secretomes are
// usually assayed for (LookupAnalyte), which knows their aliases ("bFGF" is
// FGF-2) and the units their amounts may be given in.
//
// # Problem codes
//
// Codes are the API; messages may be reworded. Decoding reports
// CodeSyntax, CodeUnknownField, CodeDuplicate (a field given twice),
// CodeType, CodeNumber, CodeEnum, CodeFormat (a malformed date),
// CodeTrailing and CodeTooLarge; validation reports CodeRequired,
// CodeRange, CodeFormat, CodeUnit, CodeDuplicate and CodeInconsistent for
// structure, and CodeUnknownAnalyte (note), CodeISCTNotMet (warning),
// CodeISCTNotReported (note), CodeEVIncomplete (warning),
// CodeDonorEligibility (warning) and CodeBatchDeviation (error) for the
// domain rules. Package evidence adds codes for studies and package
// regulation for dossiers, all with these same Problem and
// ValidationError types.
//
// # Release
//
// A ReleaseSpec lists the tests a batch must pass, each with a numeric or
// qualitative limit; ReleaseSpec.Conformance lists every way a Batch
// departs from it (a Deviation with a stable Kind and the path of the
// result), comparing results across units exactly. Validate reports each
// deviation of the product's own batches as CodeBatchDeviation.
//
// # Zero values
//
// The zero Product is empty and invalid. The enumerations of a product use
// their zero value for "not given", spelled "" and omitted from JSON (the
// output enumerations Severity and Status have a real zero value, info and
// not_reported). Where zero is a real
// value (passage 0, 0 % positive), the field is a pointer or a
// decimal.NullDecimal, so that absent stays distinct from zero.
//
// The package has no global mutable state; its values are safe to share
// between goroutines once built.
package secretome
