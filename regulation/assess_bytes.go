package regulation

import (
	"bytes"
	"context"
	"errors"
	"slices"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// DecodeOptions configures ReadDossier and Assessor.AssessBytes.
type DecodeOptions struct {
	// YAML reads the dossier as YAML (converted to JSON with numbers kept
	// exactly as written, and yes/no kept as strings) instead of JSON.
	YAML bool
	// Validate configures validation: the jurisdiction codes the host
	// registered.
	Validate ValidateOptions
	// Invalid says what is done with a dossier that has errors but was
	// read far enough to be assessed; the zero value is AssessInvalid.
	Invalid InvalidPolicy
}

// InvalidPolicy says what Assessor.AssessBytes and AssessReading do with
// a dossier that has errors (values that could not be decoded, or that
// fail validation) but was read far enough to be assessed: every value
// was read except those at the errors' paths, which are left at their
// zero values. Whatever the policy, the report's Invalid is true: such a
// dossier has no verdict of its own. Assessing it anyway, so that one run
// shows decoding, validation and rule problems together, is the
// library's choice; SkipInvalid restores the alternative.
type InvalidPolicy uint8

const (
	// AssessInvalid, the default, assesses the dossier as it was read.
	// Every finding is listed; one whose path lies on the path of an
	// error (the same field, a field above it or below it), or that
	// concerns a use an error lies in, has InvalidPaths and its message
	// says it is not reliable. The verdict of every use an error bears on
	// (an error in the use itself, in a claim that reaches it, or outside
	// the uses and claims: the product, its maker, authorisations,
	// studies) is VerdictUnknown, with the verdict the rules reached from
	// the values that could be read in AsRead: a value that could not be
	// read is never taken as a fact that is not stated.
	AssessInvalid InvalidPolicy = iota
	// AssessInvalidAsRead is AssessInvalid but keeps the verdicts the
	// rules reached from the values that could be read; the uses an
	// error bears on still have InvalidPaths.
	AssessInvalidAsRead
	// SkipInvalid does not assess a dossier with errors: its report
	// holds the problems alone.
	SkipInvalid
)

// Reading is a dossier as read from a document by ReadDossier: the
// dossier as far as it could be decoded, every problem of decoding and
// validation, and the places of its fields in the document.
type Reading struct {
	// Dossier is the dossier as read, or nil when the document could not
	// be read far enough to assess (a syntax error, a document too large,
	// more problems than are listed, a document that is not an object).
	// Values that could not be decoded are left at their zero values.
	Dossier *Dossier
	// Problems holds every decoding and validation problem, warnings and
	// notes included, sorted, each with its line and column (for YAML,
	// as the YAML parser counts lines). Validation problems of a value
	// that could not be decoded are left out: the decoding problem
	// stands for them.
	Problems []secretome.Problem
	policy   InvalidPolicy
	locate   func(paths []string) []Position
}

// Invalid reports whether the dossier has an error, or could not be read.
func (r *Reading) Invalid() bool {
	return r.Dossier == nil || slices.ContainsFunc(r.Problems, func(p secretome.Problem) bool { return p.Severity == secretome.SeverityError })
}

// Locate returns, for each field path, its position in the document
// (that of the nearest enclosing value that exists when the path does
// not), or zero positions when the document could not be read.
func (r *Reading) Locate(paths []string) []Position {
	if r.locate == nil {
		return make([]Position, len(paths))
	}
	return r.locate(paths)
}

// errorScopes returns the parts of the dossier the errors make
// uncertain: the path of each error, and for an unknown field the object
// that holds it (the field may be a misspelling of any of its fields).
func (r *Reading) errorScopes() []string {
	var out []string
	for _, p := range r.Problems {
		if p.Severity != secretome.SeverityError {
			continue
		}
		s := p.Path
		if p.Code == secretome.CodeUnknownField {
			steps := fieldpath.Split(s)
			s = ""
			for _, st := range steps[:max(len(steps)-1, 0)] {
				s = fieldpath.Join(s, st)
			}
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// ReadDossier decodes a dossier from JSON or YAML and validates it, the
// first half of Assessor.AssessBytes; AssessReading is the second. A
// UTF-8 byte order mark at the start is ignored. Decoding goes on after a
// value it cannot read, so that a dossier with an unknown spelling, a
// value of the wrong type or an unknown field is still validated and can
// still be assessed (see InvalidPolicy).
func ReadDossier(data []byte, opts DecodeOptions) *Reading {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := &Reading{policy: opts.Invalid}
	if !opts.YAML {
		d, problems, loc, _ := readChecked(data, &opts.Validate)
		r.Dossier, r.Problems = d, problems
		if loc != nil {
			r.locate = loc.Locate
		}
		return r
	}
	doc, err := yamljson.Convert(data, yamljson.Options{MaxBytes: MaxDossierBytes})
	if err != nil {
		var ye *yamljson.Error
		if !errors.As(err, &ye) {
			ye = &yamljson.Error{Code: yamljson.CodeSyntax, Message: err.Error()}
		}
		r.Problems = []secretome.Problem{{Path: ye.Path, Code: secretome.Code(ye.Code),
			Severity: secretome.SeverityError, Message: ye.Message, Text: ye.Text, Line: ye.Line, Column: ye.Column}}
		return r
	}
	r.Dossier, r.Problems, _, _ = readChecked(doc.JSON, &opts.Validate)
	r.locate = func(paths []string) []Position {
		out := make([]Position, len(paths))
		for i, p := range paths {
			at, _ := doc.Locate(p)
			out[i] = Position{Line: at.Line, Column: at.Column}
		}
		return out
	}
	at := r.locate(pathsOf(r.Problems))
	for i := range r.Problems {
		p := &r.Problems[i]
		p.Line, p.Column = at[i].Line, at[i].Column
		if hint := doc.Hint(p.Path); !hint.IsZero() {
			// Why a plain YAML scalar is not the number it looks like.
			p.AddHint(hint)
		}
	}
	return r
}

// AssessBytes decodes a dossier from JSON or YAML, validates it and
// assesses it, all in one call: ReadDossier followed by AssessReading
// without waivers. The report's Problems hold every decoding and
// validation problem, warnings and notes included, and its findings their
// Line and Column, all in data (for YAML, lines as the YAML parser counts
// them).
//
// A dossier with errors has Invalid set; by default (AssessInvalid) it is
// still assessed wherever it was read far enough, so that one run shows
// decoding, validation and rule problems together, with the findings and
// verdicts the errors bear on marked (InvalidPaths). A dossier that could
// not be read far enough (a syntax error) has Problems and no
// Jurisdictions. The error is, as for Assess, misuse, cancellation or a
// failing rule; problems of the document are in the report.
func (a *Assessor) AssessBytes(ctx context.Context, data []byte, opts DecodeOptions) (*Report, error) {
	if a == nil || a.asOf.IsZero() {
		return nil, errors.New("regulation: AssessBytes needs an Assessor made by NewAssessor")
	}
	return a.AssessReading(ctx, ReadDossier(data, opts), nil)
}

// AssessReading assesses a dossier read by ReadDossier, with waivers as
// AssessWaiving (a nil waive waives nothing), and returns its report with
// the reading's problems and the line and column of every finding. A
// dossier with errors is assessed as its InvalidPolicy says.
func (a *Assessor) AssessReading(ctx context.Context, r *Reading, waive WaiveFunc) (*Report, error) {
	if a == nil || a.asOf.IsZero() {
		return nil, errors.New("regulation: AssessReading needs an Assessor made by NewAssessor")
	}
	invalid := r.Invalid()
	if r.Dossier == nil || invalid && r.policy == SkipInvalid {
		rep := &Report{AsOf: a.asOf, Invalid: true, Problems: r.Problems}
		if d := r.Dossier; d != nil {
			rep.Product = d.Product.ID
			if rep.Product == "" {
				rep.Product = d.Product.Name
			}
		}
		return rep, nil
	}
	rep, err := a.AssessWaiving(ctx, r.Dossier, waive)
	if err != nil {
		return nil, err
	}
	rep.Problems = r.Problems
	if invalid {
		rep.Invalid = true
		qualify(rep, r.Dossier, r.errorScopes(), r.policy)
	}
	for k := range rep.Jurisdictions {
		fs := rep.Jurisdictions[k].Findings
		paths := make([]string, len(fs))
		for i := range fs {
			paths[i] = fs[i].Path
		}
		for i, at := range r.Locate(paths) {
			fs[i].Line, fs[i].Column = at.Line, at.Column
		}
	}
	return rep, nil
}

// qualify marks the findings and verdicts of a report that errors of the
// dossier, at the paths of scopes, bear on (see AssessInvalid).
func qualify(rep *Report, d *Dossier, scopes []string, policy InvalidPolicy) {
	// The scopes each use is touched by: errors in the use, in a claim
	// that reaches it, or outside the uses and claims.
	byUse := make([][]string, len(d.Uses))
	for i := range d.Uses {
		for _, s := range scopes {
			if bearsOnUse(d, i, s) {
				byUse[i] = append(byUse[i], s)
			}
		}
	}
	for k := range rep.Jurisdictions {
		j := &rep.Jurisdictions[k]
		for i := range j.Uses {
			ua := &j.Uses[i]
			if ua.Index < 0 || ua.Index >= len(byUse) || len(byUse[ua.Index]) == 0 {
				continue
			}
			ua.InvalidPaths = byUse[ua.Index]
			if policy == AssessInvalid && ua.Verdict != VerdictUnknown {
				ua.AsRead, ua.Verdict = ua.Verdict, VerdictUnknown
			}
		}
		for i := range j.Findings {
			f := &j.Findings[i]
			var on []string
			for _, s := range scopes {
				if onPath(f.Path, s) || onPath(s, f.Path) || f.Use != nil && onPath(s, usePath(*f.Use, "")) {
					on = append(on, s)
				}
			}
			if len(on) == 0 {
				continue
			}
			f.InvalidPaths = on
			f.Message = message.New("report.invalid_paths", f.Message, PathsArg(on))
		}
	}
}

// bearsOnUse reports whether an error at path s bears on use i: it lies
// in the use, in a claim that reaches the use, or outside every use and
// claim.
func bearsOnUse(d *Dossier, i int, s string) bool {
	for k := range d.Uses {
		if onPath(s, usePath(k, "")) {
			return k == i
		}
	}
	for k := range d.Claims {
		if onPath(s, claimPath(k)) {
			return d.ClaimReaches(&d.Claims[k], &d.Uses[i])
		}
	}
	return true
}

// PathsArg is the argument of a message that lists field paths of a
// dossier, "a, b and c"; the empty path reads as the dossier itself.
func PathsArg(paths []string) message.Arg {
	out := make(message.And, len(paths))
	for i, s := range paths {
		if s == "" {
			out[i] = message.Term("report.whole_dossier")
		} else {
			out[i] = message.Text(s)
		}
	}
	return out
}

func pathsOf(ps []secretome.Problem) []string {
	out := make([]string, len(ps))
	for i := range ps {
		out[i] = ps[i].Path
	}
	return out
}
