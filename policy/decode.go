package policy

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/openregen/secretomekit/message"
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
	// Message explains the problem, in English.
	Message string
	// Text is the message as a code of the message catalogue with typed
	// arguments, which renders in any supported language; the words of
	// CEL's own errors stay as CEL wrote them.
	Text message.Message
}

// String renders the problem as "file:line: path: message".
func (p Problem) String() string { return p.In(language.English) }

// In renders the problem as String does, its message in the supported
// language closest to tag (message.Match).
func (p Problem) In(tag language.Tag) string {
	msg := p.Message
	if !p.Text.IsZero() {
		msg = p.Text.In(tag)
	}
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
	b.WriteString(msg)
	if p.Expression != "" {
		b.WriteString(message.New("policy.in_expression", message.Text(strconv.Quote(p.Expression))).In(tag))
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
func (e *FileError) Error() string { return e.In(language.English) }

// In renders every problem, one a line, in the supported language closest
// to tag (message.Match).
func (e *FileError) In(tag language.Tag) string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.In(tag)
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
		text := message.New("policy.size", message.Int(len(data)), message.Int(MaxFileBytes))
		doc.probs = append(doc.probs, Problem{File: name, Code: CodeSyntax, Message: text.String(), Text: text})
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
				p.Line, p.Column, p.Path, p.Message, p.Text = ye.Line, ye.Column, ye.Path, ye.Message, ye.Text
			}
			doc.probs = append(doc.probs, p)
			return doc
		}
		doc.yaml, js = y, y.JSON
	}
	doc.data = js
	for _, is := range strictjson.Decode(js, v, strictjson.Options{MaxBytes: MaxFileBytes}) {
		p := Problem{File: name, Path: is.Path, Code: CodeDecode, Message: is.Message, Text: is.Text, Line: is.Line, Column: is.Column}
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

// problem records a problem at path, with the message of text and args.
func (d *document) problem(path, code, text string, args ...message.Arg) {
	d.problemText(path, code, message.New(text, args...))
}

// problemText records a problem at path with the message msg.
func (d *document) problemText(path, code string, msg message.Message) {
	d.add(Problem{Path: path, Code: code, Text: msg})
}

// problemIn records that the CEL expression expr at path does not
// compile, with the message msg.
func (d *document) problemIn(path, expr string, msg message.Message) {
	d.add(Problem{Path: path, Code: CodeCompile, Expression: expr, Text: msg})
}

// add records p, a problem of the document at p.Path with the message
// p.Text, placing it in the file.
func (d *document) add(p Problem) {
	p.File, p.Message = d.name, p.Text.String()
	p.Line, p.Column = d.locate(p.Path)
	d.probs = append(d.probs, p)
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
