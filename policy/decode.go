package policy

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/internal/yamljson"
)

// MaxFileBytes is the largest policy, waivers or test file accepted.
const MaxFileBytes = 4 << 20

// Problem codes of a FileError.
const (
	CodeSyntax    = "syntax"    // the file is not YAML or JSON
	CodeDecode    = "decode"    // a field is unknown, of the wrong type or badly spelled
	CodeRequired  = "required"  // a required field is missing or empty
	CodeInvalid   = "invalid"   // a value breaks the format's rules
	CodeCompile   = "compile"   // a condition does not parse or type-check
	CodeDuplicate = "duplicate" // an ID is given twice
)

// Problem is one thing wrong with a policy, waivers or test file.
type Problem struct {
	// File is the file's name as given.
	File string
	// Line and Column place the offending value in the file (1-based;
	// 0 when unknown).
	Line, Column int
	// Path is the field path of the offending value, such as
	// "rules[2].when"; "" for the whole file.
	Path string
	// Code says what kind of problem it is: one of the Code constants.
	Code string
	// Expression is the CEL expression that does not compile, for
	// CodeCompile.
	Expression string
	// Message explains the problem.
	Message string
}

// String renders the problem as "file:line: path: message".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	if p.Expression != "" {
		fmt.Fprintf(&b, " (in %q)", p.Expression)
	}
	return b.String()
}

// FileError is a file that cannot be loaded. It holds every problem
// found, sorted by line; Unwrap gives each as an error.
type FileError struct {
	// File is the file's name as given.
	File string
	// Problems lists what is wrong, at least one.
	Problems []Problem
}

// Error renders every problem, one a line.
func (e *FileError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns each problem as an error.
func (e *FileError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = errors.New(p.String())
	}
	return out
}

// document is a decoded file: it places field paths in the text.
type document struct {
	name  string
	data  []byte
	yaml  *yamljson.Document
	probs []Problem
}

// decodeFile decodes a YAML or JSON file strictly into v. Problems go to
// doc.probs; decoding succeeded when there are none.
func decodeFile(name string, data []byte, v any) *document {
	doc := &document{name: name, data: data}
	if len(data) > MaxFileBytes {
		doc.probs = append(doc.probs, Problem{File: name, Code: CodeSyntax,
			Message: fmt.Sprintf("the file has %d bytes, more than the %d accepted", len(data), MaxFileBytes)})
		return doc
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	js := data
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		y, err := yamljson.Convert(data, yamljson.Options{MaxBytes: MaxFileBytes})
		if err != nil {
			p := Problem{File: name, Code: CodeSyntax, Message: err.Error()}
			var ye *yamljson.Error
			if errors.As(err, &ye) {
				p.Line, p.Column, p.Path, p.Message = ye.Line, ye.Column, ye.Path, ye.Message
			}
			doc.probs = append(doc.probs, p)
			return doc
		}
		doc.yaml, js = y, y.JSON
	}
	doc.data = js
	for _, is := range strictjson.Decode(js, v, strictjson.Options{MaxBytes: MaxFileBytes}) {
		p := Problem{File: name, Path: is.Path, Code: CodeDecode, Message: is.Message, Line: is.Line, Column: is.Column}
		if is.Code == strictjson.CodeSyntax {
			p.Code = CodeSyntax
		}
		if doc.yaml != nil {
			p.Line, p.Column = doc.locate(is.Path)
		}
		doc.probs = append(doc.probs, p)
	}
	return doc
}

// locate returns the line and column of the value at path.
func (d *document) locate(path string) (line, col int) {
	if d.yaml != nil {
		at, _ := d.yaml.Locate(path)
		return at.Line, at.Column
	}
	off, _ := strictjson.Locate(d.data, path)
	if off < 0 {
		return 0, 0
	}
	return strictjson.LineCol(d.data, off)
}

// problem records a problem at path.
func (d *document) problem(path, code, message string) {
	line, col := d.locate(path)
	d.probs = append(d.probs, Problem{File: d.name, Line: line, Column: col, Path: path, Code: code, Message: message})
}

// err returns the problems as a *FileError, or nil.
func (d *document) err() error {
	if len(d.probs) == 0 {
		return nil
	}
	ps := append([]Problem(nil), d.probs...)
	sortProblems(ps)
	return &FileError{File: d.name, Problems: ps}
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Path, b.Path))
	})
}
