package evidence

import (
	"strconv"
	"strings"

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
// into one *secretome.ValidationError, sorted by path, each with its line
// and column (1-based, counting characters) when it can be located. A
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
	decoded []string // paths where decoding failed
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
			Message: is.Message, Line: is.Line, Column: is.Column})
		d.decoded = append(d.decoded, is.Path)
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

func (d *decoder) coveredByDecode(path string) bool {
	for _, q := range d.decoded {
		if path == q || strings.HasPrefix(path, q+".") || strings.HasPrefix(path, q+"[") {
			return true
		}
	}
	return false
}

// add records a validation problem; err locates them all in one pass.
func (d *decoder) add(p secretome.Problem) { d.pending = append(d.pending, p) }

// err places the validation problems in the document and returns every
// problem, or nil when none is an error.
func (d *decoder) err() error {
	secretome.LocateProblems(d.data, d.pending)
	d.ps.Append(d.pending...)
	d.pending = nil
	return d.ps.Err()
}
