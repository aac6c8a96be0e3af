package regulation

import (
	"context"
	"errors"

	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/openregen/secretomekit/secretome"
)

// DecodeOptions configures Assessor.AssessBytes.
type DecodeOptions struct {
	// YAML reads the dossier as YAML (converted to JSON with numbers kept
	// exactly as written, and yes/no kept as strings) instead of JSON.
	YAML bool
	// Validate configures validation: the jurisdiction codes the host
	// registered.
	Validate ValidateOptions
}

// AssessBytes decodes a dossier from JSON or YAML, validates it and, when
// it decoded and has no error, assesses it, all in one call. The report's
// Problems hold every decoding and validation problem, warnings and notes
// included, and its findings their Line and Column, all in data (for YAML,
// lines as the YAML parser counts them).
//
// A dossier that does not decode, or fails validation, is not assessed:
// the report then has Problems and no Jurisdictions, and Invalid is true.
// The error is, as for Assess, misuse, cancellation or a failing rule;
// problems of the document are in the report.
func (a *Assessor) AssessBytes(ctx context.Context, data []byte, opts DecodeOptions) (*Report, error) {
	if a == nil || a.asOf.IsZero() {
		return nil, errors.New("regulation: AssessBytes needs an Assessor made by NewAssessor")
	}
	var (
		d        *Dossier
		problems []secretome.Problem
		locate   func(paths []string) []Position
	)
	if opts.YAML {
		doc, err := yamljson.Convert(data, yamljson.Options{MaxBytes: MaxDossierBytes})
		if err != nil {
			var ye *yamljson.Error
			if !errors.As(err, &ye) {
				ye = &yamljson.Error{Code: yamljson.CodeSyntax, Message: err.Error()}
			}
			return &Report{AsOf: a.asOf, Invalid: true, Problems: []secretome.Problem{{Path: ye.Path, Code: secretome.Code(ye.Code),
				Severity: secretome.SeverityError, Message: ye.Message, Text: ye.Text, Line: ye.Line, Column: ye.Column}}}, nil
		}
		d, problems, _ = decodeChecked(doc.JSON, &opts.Validate)
		locate = func(paths []string) []Position {
			out := make([]Position, len(paths))
			for i, p := range paths {
				at, _ := doc.Locate(p)
				out[i] = Position{Line: at.Line, Column: at.Column}
			}
			return out
		}
		at := locate(pathsOf(problems))
		for i := range problems {
			problems[i].Line, problems[i].Column = at[i].Line, at[i].Column
		}
	} else {
		var loc *Locator
		d, problems, loc = decodeChecked(data, &opts.Validate)
		if loc != nil {
			locate = loc.Locate
		}
	}
	invalid := d == nil
	for _, p := range problems {
		invalid = invalid || p.Severity == secretome.SeverityError
	}
	if invalid {
		rep := &Report{AsOf: a.asOf, Invalid: true, Problems: problems}
		if d != nil {
			rep.Product = d.Product.ID
			if rep.Product == "" {
				rep.Product = d.Product.Name
			}
		}
		return rep, nil
	}
	rep, err := a.Assess(ctx, d)
	if err != nil {
		return nil, err
	}
	rep.Problems = problems
	for k := range rep.Jurisdictions {
		fs := rep.Jurisdictions[k].Findings
		paths := make([]string, len(fs))
		for i := range fs {
			paths[i] = fs[i].Path
		}
		for i, at := range locate(paths) {
			fs[i].Line, fs[i].Column = at.Line, at.Column
		}
	}
	return rep, nil
}

func pathsOf(ps []secretome.Problem) []string {
	out := make([]string, len(ps))
	for i := range ps {
		out[i] = ps[i].Path
	}
	return out
}
