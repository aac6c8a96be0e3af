package evidence

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/secretome"
)

// MaxDocumentBytes bounds the size of a document DecodeStudy and
// DecodeStudies accept.
const MaxDocumentBytes = strictjson.DefaultMaxBytes

// DecodeStudy decodes one study from strict JSON and validates it.
//
// Decoding rejects unknown fields, values of the wrong type, unknown enum
// spellings, malformed numbers, trailing data and documents over
// MaxDocumentBytes. When the JSON is well-formed, the study is then
// validated (Study.Validate) and the problems of both steps are merged
// into one *secretome.ValidationError, errors before warnings and each
// group sorted by path (list indexes in numeric order: [2] before [10]),
// each with its line and column (1-based, counting characters) when it
// can be located. A
// validation problem at or below a path where decoding already failed is
// left out, so that one mistake is reported once.
//
// On error the study is nil. Warnings alone are not an error; read them
// with Study.Check.
func DecodeStudy(data []byte) (*Study, error) {
	var s Study
	d := decoder{data: data}
	if d.decode(&s) {
		d.validated("", s.Check())
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return &s, nil
}

// DecodeStudies decodes a JSON array of studies and validates each, as
// DecodeStudy does, with paths such as "[2].outcomes[0].raw.events_treated".
// Two studies with the same ID are an error too (code "duplicate").
func DecodeStudies(data []byte) ([]Study, error) {
	var list []Study
	d := decoder{data: data}
	if d.decode(&list) {
		seen := make(map[string]int, len(list))
		root := fieldpath.Root()
		for i := range list {
			ip := root.Index(i)
			d.validated(ip.String(), list[i].Check())
			id := list[i].ID
			if id == "" {
				continue
			}
			if j, dup := seen[id]; dup {
				p := ip.Field("id")
				d.add(secretome.Problem{Path: p.String(), Code: secretome.CodeDuplicate, Severity: secretome.SeverityError,
					Message: "study id " + strconv.Quote(id) + " is already used by [" + strconv.Itoa(j) + "]"})
			} else {
				seen[id] = i
			}
		}
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return list, nil
}

// decoder collects the problems of decoding and validating one document.
type decoder struct {
	data    []byte
	ps      secretome.Problems
	decoded map[string]bool // paths where decoding failed
	pending []secretome.Problem
}

// decode decodes strictly into v and records the issues. It reports
// whether the value is worth validating: false when the document could
// not be read as a whole (syntax error, trailing data, too large, wrong
// kind of document).
func (d *decoder) decode(v any) bool {
	whole := true
	for _, is := range strictjson.Decode(d.data, v, strictjson.Options{MaxBytes: MaxDocumentBytes}) {
		d.ps.Append(secretome.Problem{Path: is.Path, Code: secretome.Code(is.Code), Severity: secretome.SeverityError,
			Message: is.Message, Text: is.Text, Line: is.Line, Column: is.Column})
		if d.decoded == nil {
			d.decoded = map[string]bool{}
		}
		d.decoded[is.Path] = true
		switch is.Code {
		case strictjson.CodeSyntax, strictjson.CodeTrailing, strictjson.CodeTooLarge:
			whole = false
		}
		if is.Path == "" {
			whole = false
		}
	}
	return whole
}

// validated adds validation problems found below base, except those at
// or under a path where decoding failed.
func (d *decoder) validated(base string, list []secretome.Problem) {
	for _, p := range list {
		p.Path = fieldpath.Join(base, p.Path)
		if d.coveredByDecode(p.Path) {
			continue
		}
		d.add(p)
	}
}

// coveredByDecode reports whether decoding failed at path or at one of
// its ancestors. It looks each ancestor up rather than comparing with
// every decoding problem, so its cost is the length of the path.
func (d *decoder) coveredByDecode(path string) bool {
	if len(d.decoded) == 0 {
		return false
	}
	if d.decoded[path] {
		return true
	}
	for i := 0; i < len(path); i++ {
		if (path[i] == '.' || path[i] == '[') && d.decoded[path[:i]] {
			return true
		}
	}
	return false
}

// add records a validation problem; err locates them all in one pass.
func (d *decoder) add(p secretome.Problem) { d.pending = append(d.pending, p) }

// err places the validation problems in the document and returns every
// problem, errors first and then warnings, each group in path order, or
// nil when none is an error.
func (d *decoder) err() error {
	secretome.LocateProblems(d.data, d.pending)
	d.ps.Append(d.pending...)
	d.pending = nil
	err := d.ps.Err()
	if ve, ok := secretome.AsValidationError(err); ok {
		slices.SortStableFunc(ve.Problems, func(a, b secretome.Problem) int {
			return cmp.Compare(b.Severity, a.Severity)
		})
	}
	return err
}
