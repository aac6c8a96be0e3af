package secretome

import (
	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/internal/strictjson"
)

// MaxDocumentBytes is the largest JSON document DecodeProduct accepts.
const MaxDocumentBytes = strictjson.DefaultMaxBytes

// productDecoder knows how to decode every type of a product; prepared
// once, it is never changed.
var productDecoder = strictjson.NewDecoder[Product](strictjson.Options{MaxBytes: MaxDocumentBytes})

// DecodeProduct reads a product from JSON strictly and validates it.
//
// Decoding rejects unknown fields, values of the wrong type, unknown enum
// spellings, malformed numbers, trailing data and documents larger than
// MaxDocumentBytes. Every problem, from decoding and from validation, comes
// back at once in a *ValidationError, each with its field path and its
// line and column in data (1-based, the column counted in characters; a
// validation problem about a field that is absent is placed at the
// nearest enclosing value). When decoding fails, validation is not run
// and the product is nil. When only validation finds errors, the decoded
// product is returned beside the error, so that callers can still show it.
func DecodeProduct(data []byte) (*Product, error) {
	var p Product
	if issues := productDecoder.Decode(data, &p); len(issues) > 0 {
		return nil, &ValidationError{Problems: problemsFromIssues(issues, "")}
	}
	if err := p.Validate(); err != nil {
		if ve, ok := err.(*ValidationError); ok {
			LocateProblems(data, ve.Problems)
		}
		return &p, err
	}
	return &p, nil
}

// LocateProblems sets the Line and Column of each problem from its path in
// the JSON document data, in one pass over it: the value at the path, or
// the nearest enclosing value when the field is missing. Use it for
// problems found by Validate or Check on a value that was decoded from
// data; decoding problems carry their lines already.
func LocateProblems(data []byte, ps []Problem) {
	paths := make([]string, len(ps))
	for i := range ps {
		paths[i] = ps[i].Path
	}
	for i, l := range strictjson.LocateAll(data, paths) {
		ps[i].Line, ps[i].Column = l.Line, l.Column
	}
}

// problemsFromIssues converts strict-decoding issues to problems with
// severity error, their paths placed below base.
func problemsFromIssues(issues []strictjson.Issue, base string) []Problem {
	out := make([]Problem, len(issues))
	for i, is := range issues {
		out[i] = Problem{Path: fieldpath.Join(base, is.Path), Code: Code(is.Code), Severity: SeverityError,
			Message: is.Message, Text: is.Text, Line: is.Line, Column: is.Column}
	}
	return out
}
