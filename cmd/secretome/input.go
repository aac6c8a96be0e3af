package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// maxDossierBytes bounds one dossier: a file, a JSON Lines record or
// standard input. It matches the strict decoder's own bound.
const maxDossierBytes = strictjson.DefaultMaxBytes

// byteOrderMark is U+FEFF in UTF-8, which some editors put at the start
// of a text file.
const byteOrderMark = "\ufeff"

// syntax says how a dossier is written.
type syntax uint8

const (
	syntaxSniff syntax = iota // decide from the first byte: { is JSON, else YAML
	syntaxJSON
	syntaxYAML
	syntaxJSONL
)

// source is one input named on the command line or found in a folder.
type source struct {
	path    string // as walked; "-" for standard input
	syntax  syntax
	openErr error // set when the input failed before it could be read
}

// name is how outputs show the source.
func (s *source) name() string {
	if s.path == "-" {
		return "<stdin>"
	}
	return s.path
}

// relPath is the source's path relative to the working folder, with
// forward slashes, and whether it has one (standard input and paths
// outside the working folder do not).
func (s *source) relPath() (string, bool) {
	if s.path == "-" {
		return "", false
	}
	p := s.path
	if filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return filepath.ToSlash(p), false
		}
		rel, err := filepath.Rel(wd, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(p), false
		}
		p = rel
	}
	return strings.TrimPrefix(filepath.ToSlash(p), "./"), true
}

// srcRoot is the SARIF base URI symbol relative URIs are resolved
// against: the working folder of the run (run.originalUriBaseIds gives
// its absolute URI).
const srcRoot = "%SRCROOT%"

// uri is the source as a URI for SARIF, and its base: relative to the
// working folder (base srcRoot) when it can be, else an absolute file URI
// (no base); "" for standard input.
func (s *source) uri() (uri, base string) {
	if s.path == "-" {
		return "", ""
	}
	p, rel := s.relPath()
	if !rel {
		return fileURI(p), ""
	}
	u := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		// "a:b.json" would read as a URI of scheme "a".
		u = "./" + u
	}
	return u, srcRoot
}

// fileURI returns the file URI of an absolute path with forward slashes
// ("/srv/d.json", or "C:/d.json" on Windows).
func fileURI(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath()
}

// syntaxOf returns the syntax a file name implies.
func syntaxOf(path string, jsonl bool) syntax {
	if jsonl {
		return syntaxJSONL
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return syntaxJSON
	case ".yaml", ".yml":
		return syntaxYAML
	case ".jsonl", ".ndjson":
		return syntaxJSONL
	}
	return syntaxSniff
}

// dossierExt reports whether a file found in a folder is a dossier.
func dossierExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".yaml", ".yml", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// collect expands the command-line paths into sources: files as given,
// folders walked (sorted, hidden folders skipped) for dossier files, a
// symbolic link to a folder walked like the folder, and
// "-" for standard input. A path that cannot be examined, and a folder
// without dossier files, becomes a source with openErr set, so it is
// reported in order with the others.
func collect(paths []string, jsonl bool) []source {
	var out []source
	for _, p := range paths {
		if p == "-" {
			out = append(out, source{path: "-", syntax: syntaxOf("", jsonl)})
			continue
		}
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			out = append(out, source{path: p, syntax: syntaxOf(p, jsonl), openErr: err})
			continue
		}
		// WalkDir does not follow a symbolic link at its root; a trailing
		// separator makes it walk the folder the link names, and paths
		// found there still start with the link as written.
		root := p
		if li, lerr := os.Lstat(p); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator)
		}
		var found []source
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, source{path: path, syntax: syntaxOf(path, jsonl), openErr: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if dossierExt(d.Name()) {
				found = append(found, source{path: path, syntax: syntaxOf(path, jsonl)})
			}
			return nil
		})
		if err != nil {
			found = append(found, source{path: p, openErr: err})
		}
		if len(found) == 0 {
			// A folder named to be checked that holds no dossier is a
			// mistake (a wrong path, or files with another extension);
			// passing it as "0 dossiers, all passed" would hide it.
			found = append(found, source{path: p, openErr: errNoDossiers})
		}
		slices.SortStableFunc(found, func(a, b source) int { return strings.Compare(a.path, b.path) })
		out = append(out, found...)
	}
	return out
}

// errNoDossiers is the error of a folder that holds no dossier file.
var errNoDossiers = message.New("cli.input.no_dossiers").Err()

// errNoRecords is the error of a JSON Lines input without a record: an
// export that failed upstream must not pass as "0 dossiers, all passed".
var errNoRecords = message.New("cli.input.no_records").Err()

// ioError is an input that could not be read. It makes the command exit
// with exitUsage. Its text is in the language lang where it is the
// command's own (the operating system's words are its own).
type ioError struct {
	path string
	err  error
	lang language.Tag
}

func (e *ioError) Error() string {
	var pe *fs.PathError
	if errors.As(e.err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return message.Of(e.err).In(e.lang)
}

// tooLarge is the decode problem of an input over maxDossierBytes.
func tooLarge(size int64) secretome.Problem {
	text := message.New("cli.input.too_large", message.Text(strconv.FormatInt(size, 10)), message.Int(maxDossierBytes))
	return secretome.Problem{Code: secretome.CodeTooLarge, Severity: secretome.SeverityError, Message: text.String(), Text: text}
}

// readFile reads a dossier file within the size bound. It checks the size
// before reading, so a huge file costs nothing, and reads at most one byte
// more than the bound in case the file grows meanwhile. Anything that is
// not a regular file (a folder, a FIFO, a device) is refused unopened.
func readFile(path string) ([]byte, *secretome.Problem, error) {
	if data, prob, ok := readRegular(path); ok {
		return data, prob, nil
	}
	return readFileOS(path)
}

// readExamined reads a dossier file that was found to be a regular file a
// moment before: it opens it without examining it first. Its type is
// checked again on the open file, which is opened without waiting for a
// writer, so a file replaced by a named pipe meanwhile is still refused.
// It reads into buf when buf has room for the file.
func readExamined(path string, buf []byte) ([]byte, *secretome.Problem, error) {
	if data, prob, ok := readOpen(path, buf); ok {
		return data, prob, nil
	}
	return readFileOS(path)
}

// readFileOS is readFile through package os, whose errors name what went
// wrong: the path every input out of the ordinary takes.
func readFileOS(path string) ([]byte, *secretome.Problem, error) {
	f, info, err := openFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if info.Size() > maxDossierBytes {
		p := tooLarge(info.Size())
		return nil, &p, nil
	}
	// Read into a buffer of the stated size, plus room to notice growth.
	buf := make([]byte, 0, info.Size()+512)
	return readInto(buf, f)
}

// openFile opens a dossier file for reading, after checking that it is a
// regular file: reading a named pipe would wait for a writer for ever,
// and a device such as /dev/zero never ends. The type is checked again
// on the open file, which is opened without waiting for a writer, so a
// file replaced by a pipe in between is refused too.
func openFile(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &notRegularError{kind: kindOf(info.Mode())}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return nil, nil, err
	}
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = &notRegularError{kind: kindOf(info.Mode())}
		}
		return nil, nil, err
	}
	return f, info, nil
}

// notRegularError is an input that is not a regular file.
type notRegularError struct{ kind string }

func (e *notRegularError) Error() string {
	return "not a regular file but " + e.kind + "; name dossier files, folders, or - for standard input"
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "a file of unknown type"
	}
	return "a file of type " + m.Type().String()
}

// readBounded reads r up to the bound.
func readBounded(r io.Reader) ([]byte, *secretome.Problem, error) {
	return readInto(make([]byte, 0, 64<<10), r)
}

// readInto reads r to its end, or one byte past the bound, appending to
// buf.
func readInto(buf []byte, r io.Reader) ([]byte, *secretome.Problem, error) {
	lr := io.LimitReader(r, maxDossierBytes+1)
	data := buf
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
	}
	if len(data) > maxDossierBytes {
		p := tooLarge(int64(len(data)))
		return nil, &p, nil
	}
	return data, nil, nil
}

// record is one JSON Lines record.
type record struct {
	line    int // 1-based line number in the file
	data    []byte
	problem *secretome.Problem // set instead of data for an oversized line
}

// lineReader reads JSON Lines with bounded memory: a line longer than the
// bound is skipped (and reported), never held.
type lineReader struct {
	r    *bufio.Reader
	line int
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// next returns the next non-blank record, or io.EOF. The record is read
// into buf when it has room.
func (lr *lineReader) next(buf []byte) (record, error) {
	for {
		lr.line++
		buf = buf[:0]
		over := false
		for {
			chunk, err := lr.r.ReadSlice('\n')
			if !over {
				// The line ending ("\n" or "\r\n") is not part of
				// the record: a record of exactly the bound is taken.
				if len(buf)+len(chunk) > maxDossierBytes+2 {
					over, buf = true, nil
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				if len(buf) == 0 && !over {
					return record{}, io.EOF
				}
				break
			}
			if err != nil {
				return record{}, err
			}
			break
		}
		if !over {
			buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte{'\n'}), []byte{'\r'})
			over = len(buf) > maxDossierBytes
		}
		if over {
			p := tooLarge(maxDossierBytes + 1)
			return record{line: lr.line, problem: &p}, nil
		}
		if len(bytes.TrimSpace(buf)) == 0 {
			continue
		}
		return record{line: lr.line, data: buf}, nil
	}
}

// decoded is a dossier decoded from its text, with a way to find the line
// of any field path.
type decoded struct {
	// dossier is the dossier when it has no errors, for commands that
	// need a valid one; reading holds it as far as it was read.
	dossier  *regulation.Dossier
	reading  *regulation.Reading
	problems []secretome.Problem
	// place turns a position of the reading into one in the file.
	place func(regulation.Position) pos
	// locate returns the positions of field paths, one per path: the
	// value's, or that of the nearest enclosing value that exists.
	locate func(paths []string) []pos
}

// pos is a 1-based line and column in a source file.
type pos struct{ line, col int }

// decode reads one dossier in the given syntax. lineBase is the line of
// the record in its file for JSON Lines (0 otherwise); lines are reported
// relative to the file.
func decode(data []byte, syn syntax, lineBase int) decoded {
	// A byte order mark is no part of the dossier (RFC 8259 lets a
	// parser ignore it; YAML allows it); Windows editors write one.
	data = bytes.TrimPrefix(data, []byte(byteOrderMark))
	if syn == syntaxSniff {
		syn = syntaxYAML
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
			syn = syntaxJSON
		}
	}
	r := regulation.ReadDossier(data, regulation.DecodeOptions{YAML: syn == syntaxYAML})
	out := decoded{reading: r, problems: r.Problems}
	if !hasErrors(r.Problems) {
		out.dossier = r.Dossier
	}
	// place turns a position in the reading (for YAML, as the YAML
	// parser counts lines) into one in the file.
	if syn == syntaxYAML {
		lines := newLineMap(data)
		out.place = func(at regulation.Position) pos { return lines.pos(at.Line, at.Column) }
	} else {
		out.place = func(at regulation.Position) pos {
			if lineBase > 0 && at.Line > 0 {
				at.Line += lineBase - 1
			}
			return pos{at.Line, at.Column}
		}
	}
	out.locate = func(paths []string) []pos {
		res := make([]pos, len(paths))
		for i, at := range r.Locate(paths) {
			res[i] = out.place(at)
		}
		return res
	}
	if syn == syntaxJSON && lineBase == 0 {
		hintJSONLines(data, out.problems)
	}
	var missing []string
	for i := range out.problems {
		p := &out.problems[i]
		switch {
		case p.Line == 0 && p.Code != secretome.CodeTooLarge && syn == syntaxJSON:
			missing = append(missing, p.Path)
		case p.Line > 0:
			at := out.place(regulation.Position{Line: p.Line, Column: p.Column})
			p.Line, p.Column = at.line, at.col
		}
	}
	if len(missing) > 0 {
		found := out.locate(missing)
		for i := range out.problems {
			if p := &out.problems[i]; p.Line == 0 && p.Code != secretome.CodeTooLarge && syn == syntaxJSON {
				p.Line, p.Column = found[0].line, found[0].col
				found = found[1:]
			}
		}
	}
	return out
}

// hintJSONLines adds a hint to the problem of trailing data when that data
// is a second JSON object on a line of its own: most likely JSON Lines
// read as one document (from standard input, or a file whose name does
// not end in .jsonl).
func hintJSONLines(data []byte, ps []secretome.Problem) {
	for i := range ps {
		p := &ps[i]
		if p.Code != secretome.CodeTrailing || p.Line < 2 {
			continue
		}
		rest := data
		for range p.Line - 1 {
			_, rest, _ = bytes.Cut(rest, []byte{'\n'})
		}
		if bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), []byte("{")) {
			p.AddHint(message.New("cli.hint.jsonl"))
		}
	}
}

// lineMap turns YAML positions into positions in lines ended by "\n".
// The YAML parser also breaks lines at a lone "\r" and at NEL, LS and PS
// (U+0085, U+2028, U+2029); every other reader of the file (SARIF
// consumers, editors' go-to-line, grep -n) and the JSON locator count
// only "\n". Without the map, a YAML file with old Mac line ends would be
// reported on lines it does not have.
//
// The parser may also place a value just past the end of the text (the
// empty document after a final "---"); such positions are moved to the
// last line.
type lineMap struct {
	// starts holds, for each YAML line after the first, where it starts
	// in "\n" lines: nil when YAML and "\n" agree.
	starts []pos
	// last is the number of the last line.
	last int
}

func newLineMap(data []byte) lineMap {
	last := bytes.Count(data, []byte{'\n'}) + 1
	if !bytes.ContainsAny(data, "\r\u0085\u2028\u2029") {
		return lineMap{last: last}
	}
	var starts []pos
	line, col := 1, 0 // the "\n" line, and characters since its start
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		col++
		switch {
		case r == '\n' || r == '\r' && i+1 < len(data) && data[i+1] == '\n':
			if r == '\r' {
				n = 2
			}
			line, col = line+1, 0
			starts = append(starts, pos{line, col})
		case r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			starts = append(starts, pos{line, col})
		}
		i += n
	}
	return lineMap{starts: starts, last: last}
}

// pos converts a 1-based YAML line and column (in characters) to a line
// and column counted by "\n".
func (m lineMap) pos(line, col int) pos {
	if m.starts != nil && line > 1 {
		start := m.starts[min(line-2, len(m.starts)-1)]
		if col > 0 {
			col += start.col
		}
		line = start.line
	}
	if line > m.last {
		line, col = m.last, 0
	}
	return pos{line, col}
}

// problemsOf returns the problems an error from decoding holds.
func problemsOf(err error) []secretome.Problem {
	if ve, ok := secretome.AsValidationError(err); ok {
		return slices.Clone(ve.Problems)
	}
	return []secretome.Problem{{Code: secretome.CodeSyntax, Severity: secretome.SeverityError, Message: err.Error()}}
}

func hasErrors(ps []secretome.Problem) bool {
	return slices.ContainsFunc(ps, func(p secretome.Problem) bool { return p.Severity == secretome.SeverityError })
}
