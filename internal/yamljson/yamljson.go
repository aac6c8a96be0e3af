package yamljson

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/message"
	"go.yaml.in/yaml/v3"
)

// Problem codes of an *Error, spelled as the secretome package spells them.
const (
	CodeSyntax    = "syntax"
	CodeSize      = "size"
	CodeDuplicate = "duplicate"
	CodeType      = "type"
	CodeTrailing  = "trailing"
)

// Default budgets used when an Options field is zero.
const (
	DefaultMaxNodes = 250_000
	DefaultMaxDepth = 256
	DefaultMaxBytes = 8 << 20
)

// Options bounds the work of a conversion. The zero value uses the
// defaults.
type Options struct {
	// MaxNodes bounds the number of nodes visited, counting every
	// expansion of an alias, and the places where a value can begin in
	// the text, counted while it is parsed; 0 means DefaultMaxNodes.
	MaxNodes int
	// MaxDepth bounds the nesting of mappings and sequences; 0 means
	// DefaultMaxDepth.
	MaxDepth int
	// MaxBytes bounds the size of the JSON output; 0 means
	// DefaultMaxBytes.
	MaxBytes int
}

// Error is a YAML document that cannot be converted. Line and Column are
// 1-based positions in the YAML text (0 when unknown); Path is the field
// path of the offending value when there is one.
type Error struct {
	// Path is the field path of the offending value, written as the
	// strict decoder writes it ("uses[0].setting"); "" when the problem
	// is not in one value (a syntax error).
	Path string
	// Code is one of the Code constants, such as CodeDuplicate.
	Code string
	// Line is the 1-based line in the YAML text, as the YAML parser
	// counts lines; 0 when unknown.
	Line int
	// Column is the 1-based column on Line, in characters; 0 when
	// unknown.
	Column int
	// Message explains the problem to a person, in English: Text
	// rendered.
	Message string
	// Text is the message as a code of the message catalogue with typed
	// arguments, which renders in any supported language. The YAML
	// parser's own syntax errors are a plain text (English).
	Text message.Message
}

// newError returns the problem with the message of code and args.
func newError(code string, line, col int, text string, args ...message.Arg) *Error {
	msg := message.New(text, args...)
	return &Error{Code: code, Line: line, Column: col, Message: msg.String(), Text: msg}
}

// Error renders the problem with its line, as "line 3: message".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	return b.String()
}

// Pos is a position in the YAML text, 1-based.
type Pos struct {
	// Line is the 1-based line, as the YAML parser counts lines.
	Line int
	// Column is the 1-based column on Line, in characters.
	Column int
}

// Document is a converted YAML document: its JSON text and the YAML
// position of every value.
type Document struct {
	// JSON is the document as compact JSON text.
	JSON []byte
	// Positions are kept per value as a step from its parent value, not
	// as a full path string: a deeply nested document would otherwise
	// hold paths that grow with the square of its depth.
	nodes []nodePos
	steps map[step]int32
	hints map[int32]message.Message
}

// nodePos is the position of one recorded value.
type nodePos struct{ line, col int32 }

// step names a value by its parent value and its place there: a list
// index, or (index -1) a mapping key.
type step struct {
	parent int32
	index  int32
	key    string
}

// Locate returns the YAML position of the value at path, or of the nearest
// enclosing value that exists, and whether the whole path was found. The
// empty path is the document itself.
func (d *Document) Locate(path string) (Pos, bool) {
	id, exact := d.find(path)
	if id < 0 {
		return Pos{}, false
	}
	n := d.nodes[id]
	return Pos{Line: int(n.line), Column: int(n.col)}, exact
}

// Hint explains why the plain YAML scalar at path, which YAML reads as a
// number, was kept as a string. The
// strict decoder sees only a string where it may want a number; the hint
// tells the person why, as a catalogued message (zero when there is no
// hint).
func (d *Document) Hint(path string) message.Message {
	if id, exact := d.find(path); exact && id >= 0 {
		return d.hints[id]
	}
	return message.Message{}
}

// find returns the recorded value at path or the nearest enclosing one,
// and whether it is the value at path itself; -1 when nothing is recorded.
func (d *Document) find(path string) (int32, bool) {
	if len(d.nodes) == 0 {
		return -1, false
	}
	id := int32(0)
	for _, s := range fieldpath.Split(path) {
		k := step{parent: id, index: -1}
		switch {
		case strings.HasPrefix(s, `["`):
			key, err := strconv.Unquote(s[1 : len(s)-1])
			if err != nil {
				return id, false
			}
			k.key = key
		case strings.HasPrefix(s, "["):
			i, err := strconv.Atoi(s[1 : len(s)-1])
			if err != nil || i < 0 || i > math.MaxInt32 {
				return id, false
			}
			k.index = int32(i)
		default:
			k.key = s
		}
		child, ok := d.steps[k]
		if !ok {
			return id, false
		}
		id = child
	}
	return id, true
}

// Convert reads one YAML document and returns it as JSON. The error is an
// *Error, which always carries a line.
func Convert(data []byte, opt Options) (*Document, error) {
	if opt.MaxNodes <= 0 {
		opt.MaxNodes = DefaultMaxNodes
	}
	if opt.MaxDepth <= 0 {
		opt.MaxDepth = DefaultMaxDepth
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if strictjson.IsUTF16(data) {
		return nil, newError(CodeSyntax, 1, 1, "json.utf16")
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8(data)
		return nil, newError(CodeSyntax, line, col, "yaml.utf8")
	}
	in := &budgetReader{data: data, max: opt.MaxNodes}
	dec := yaml.NewDecoder(in)
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if in.over {
			return nil, in.error()
		}
		if errors.Is(err, io.EOF) {
			return nil, newError(CodeSyntax, 1, 1, "json.empty")
		}
		return nil, syntaxError(err, in)
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		e := newError(CodeTrailing, 0, 0, "yaml.documents")
		switch {
		case in.over:
			e = in.error()
		case err != nil:
			e = syntaxError(err, in)
		default:
			e.Line, e.Column = next.Line, next.Column
		}
		return nil, e
	}
	n := &root
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil, newError(CodeSyntax, 1, 1, "json.empty")
		}
		n = n.Content[0]
	}
	c := converter{opt: opt, doc: &Document{steps: make(map[step]int32)}}
	root0 := fieldpath.Root()
	if err := c.value(n, &root0, step{parent: -1}, 0, Pos{}); err != nil {
		return nil, err
	}
	c.doc.JSON = c.out
	return c.doc, nil
}

// invalidUTF8 returns the line and column of the first byte that is not
// part of valid UTF-8.
func invalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		i += n
	}
	return line, col
}

// budgetReader hands the YAML parser its input and counts, as the parser
// reads, the places where a value can begin: indicators ("-", ":", "?",
// "[", "{") and the first word of each plain scalar,
// skipping quoted text and comments. Every node the parser builds begins
// at one of them or is an empty value after one, so the parser holds at
// most about twice as many nodes as were counted. When the count passes
// the budget the reader stops with an error, and the parser stops with
// it: the budget holds while the tree is built, not after.
type budgetReader struct {
	data   []byte
	pos    int
	max    int
	count  int
	over   bool
	line   int // line of the position where the budget ran out
	quote  byte
	escape bool
	plain  bool // inside a plain scalar: further words are part of it
	cmt    bool
	prev   byte
}

// chunk is how much the parser gets per read; its own buffer takes 512
// bytes at a time.
const chunk = 4096

func (r *budgetReader) Read(p []byte) (int, error) {
	if r.over {
		return 0, errBudget
	}
	if r.pos >= len(r.data) {
		return 0, io.EOF
	}
	end := min(r.pos+len(p), r.pos+chunk, len(r.data))
	for i := r.pos; i < end; i++ {
		r.scan(r.data[i])
		if r.count > r.max {
			r.over = true
			r.line = 1 + bytes.Count(r.data[:i], []byte{'\n'})
			end = i
			break
		}
	}
	n := copy(p, r.data[r.pos:end])
	r.pos = end
	return n, nil
}

func (r *budgetReader) scan(c byte) {
	defer func() { r.prev = c }()
	switch {
	case r.quote != 0:
		switch {
		case r.escape:
			r.escape = false
		case c == '\\' && r.quote == '"':
			r.escape = true
		case c == r.quote:
			r.quote = 0
		}
		return
	case r.cmt:
		if c == '\n' {
			r.cmt = false
		}
		return
	}
	space := r.prev == 0 || r.prev == ' ' || r.prev == '\t' || r.prev == '\n' || r.prev == '\r'
	switch c {
	case ' ', '\t', '\r':
	case '\n':
		r.plain = false
	case '#':
		if space {
			r.cmt, r.plain = true, false
		}
	case '[', '{':
		r.count++
		r.plain = false
	case ',', ']', '}':
		r.plain = false
	case ':', '-', '?':
		if !r.plain {
			r.count++
		} else if c == ':' {
			r.plain = false // "key: value": what follows is a new value
			r.count++
		}
	case '"', '\'':
		if space || strings.IndexByte(",[]{}:-?", r.prev) >= 0 {
			r.count++
			r.quote = c
		}
	default:
		if !r.plain {
			r.count++
			r.plain = true
		}
	}
}

var errBudget = errors.New("node budget exceeded")

// error is the problem of a document over the budget.
func (r *budgetReader) error() *Error {
	return newError(CodeSize, r.line, 1, "yaml.values", message.Int(r.max))
}

var lineRE = regexp.MustCompile(`line (\d+)(?:, column (\d+))?: `)

// syntaxError turns a yaml.v3 error into an *Error, lifting the line
// number out of its text; when the text has none, the line is where the
// parser stopped reading.
func syntaxError(err error, in *budgetReader) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{Code: CodeSyntax}
	if m := lineRE.FindStringSubmatchIndex(msg); m != nil {
		e.Line, _ = strconv.Atoi(msg[m[2]:m[3]])
		if m[4] >= 0 {
			e.Column, _ = strconv.Atoi(msg[m[4]:m[5]])
		}
		msg = msg[:m[0]] + msg[m[1]:]
	}
	if e.Line == 0 {
		e.Line = 1 + bytes.Count(in.data[:in.pos], []byte{'\n'})
	}
	e.Message = msg
	e.Text = message.Plain(msg)
	return e
}

type converter struct {
	opt   Options
	out   []byte
	doc   *Document
	nodes int
	// aliasDepth counts the alias expansions being converted.
	aliasDepth int
}

// fail returns the problem with the node at path: code is its problem
// code, text the code of its message with args.
func (c *converter) fail(n *yaml.Node, path *fieldpath.Path, code, text string, args ...message.Arg) *Error {
	e := newError(code, n.Line, n.Column, text, args...)
	e.Path = path.String()
	return e
}

// record notes the position of a value written at step below its parent
// and returns its id; values inside an alias expansion are not recorded
// (-1): they are located at the alias.
func (c *converter) record(at step, pos Pos) int32 {
	if c.aliasDepth > 0 || (at.parent < 0 && len(c.doc.nodes) > 0) {
		return -1
	}
	id := int32(len(c.doc.nodes))
	c.doc.nodes = append(c.doc.nodes, nodePos{line: int32(pos.Line), col: int32(pos.Column)})
	if at.parent >= 0 {
		c.doc.steps[at] = id
	}
	return id
}

// value converts node n at path; at is its place below its parent's id.
// pos is where the value is written: the line of its mapping key when it
// has one, so that a block mapping or list is located at its name rather
// than at its first member.
func (c *converter) value(n *yaml.Node, path *fieldpath.Path, at step, depth int, pos Pos) *Error {
	c.nodes++
	if c.nodes > c.opt.MaxNodes {
		return c.fail(n, path, CodeSize, "yaml.nodes", message.Int(c.opt.MaxNodes))
	}
	if len(c.out) > c.opt.MaxBytes {
		return c.fail(n, path, CodeSize, "yaml.bytes", message.Int(c.opt.MaxBytes))
	}
	if pos.Line == 0 {
		pos = Pos{n.Line, n.Column}
	}
	id := c.record(at, pos)
	if n.Style&yaml.TaggedStyle != 0 && !plainTag(n) {
		return c.fail(n, path, CodeType, "yaml.tag.plain", message.Text(n.Tag))
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return c.fail(n, path, CodeSyntax, "yaml.alias", message.Text(n.Value))
		}
		// Values inside an expansion are located at the alias: recording
		// each would let a small document fill memory with positions.
		c.aliasDepth++
		err := c.value(n.Alias, path, step{parent: -1}, depth, pos)
		c.aliasDepth--
		return err
	case yaml.MappingNode:
		if depth >= c.opt.MaxDepth {
			return c.fail(n, path, CodeSize, "json.depth", message.Int(c.opt.MaxDepth))
		}
		if err := c.checkTag(n, "!!map", path); err != nil {
			return err
		}
		return c.mapping(n, path, id, depth+1)
	case yaml.SequenceNode:
		if depth >= c.opt.MaxDepth {
			return c.fail(n, path, CodeSize, "json.depth", message.Int(c.opt.MaxDepth))
		}
		if err := c.checkTag(n, "!!seq", path); err != nil {
			return err
		}
		c.out = append(c.out, '[')
		for i, e := range n.Content {
			if i > 0 {
				c.out = append(c.out, ',')
			}
			p := path.Index(i)
			if err := c.value(e, &p, step{parent: id, index: int32(i)}, depth+1, Pos{}); err != nil {
				return err
			}
		}
		c.out = append(c.out, ']')
		return nil
	case yaml.ScalarNode:
		return c.scalar(n, path, id)
	}
	return c.fail(n, path, CodeSyntax, "yaml.node")
}

// plainTag reports whether an explicit tag only names the type YAML's
// core schema gives the value anyway (a tag such as !!str on a string);
// every other tag, !!binary and custom tags among them, is refused.
func plainTag(n *yaml.Node) bool {
	switch n.Tag {
	case "!!str", "!!int", "!!float", "!!bool", "!!null", "!!seq", "!!map":
		return true
	}
	return false
}

func (c *converter) checkTag(n *yaml.Node, want string, path *fieldpath.Path) *Error {
	if t := n.ShortTag(); t != want {
		return c.fail(n, path, CodeType, "yaml.tag", message.Text(n.Tag))
	}
	return nil
}

func (c *converter) mapping(n *yaml.Node, path *fieldpath.Path, id int32, depth int) *Error {
	c.out = append(c.out, '{')
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		for k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return c.fail(n.Content[i], path, CodeType, "yaml.key.plain", kindName(k.Kind))
		}
		if k.ShortTag() == "!!merge" {
			return c.fail(n.Content[i], path, CodeType, "yaml.merge")
		}
		key := k.Value
		p := path.Key(key)
		if line, dup := seen[key]; dup {
			return c.fail(n.Content[i], &p, CodeDuplicate, "yaml.key.twice", message.Text(strconv.Quote(key)), message.Int(line))
		}
		seen[key] = n.Content[i].Line
		if i > 0 {
			c.out = append(c.out, ',')
		}
		c.out = appendString(c.out, key)
		c.out = append(c.out, ':')
		if err := c.value(v, &p, step{parent: id, index: -1, key: key}, depth, Pos{n.Content[i].Line, n.Content[i].Column}); err != nil {
			return err
		}
	}
	c.out = append(c.out, '}')
	return nil
}

func kindName(k yaml.Kind) message.Term {
	switch k {
	case yaml.MappingNode:
		return "yaml.kind.mapping"
	case yaml.SequenceNode:
		return "yaml.kind.sequence"
	}
	return "yaml.kind.node"
}

func (c *converter) scalar(n *yaml.Node, path *fieldpath.Path, id int32) *Error {
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		c.out = appendString(c.out, n.Value)
	case "!!null":
		c.out = append(c.out, "null"...)
	case "!!bool":
		switch n.Value {
		case "true", "True", "TRUE":
			c.out = append(c.out, "true"...)
		case "false", "False", "FALSE":
			c.out = append(c.out, "false"...)
		default:
			c.out = appendString(c.out, n.Value)
		}
	case "!!int", "!!float":
		if isJSONNumber(n.Value) {
			c.out = append(c.out, n.Value...)
		} else {
			c.out = appendString(c.out, n.Value)
			if id >= 0 {
				if c.doc.hints == nil {
					c.doc.hints = map[int32]message.Message{}
				}
				c.doc.hints[id] = numberHint(n.Value)
			}
		}
	default:
		return c.fail(n, path, CodeType, "yaml.tag", message.Text(n.Tag))
	}
	return nil
}

// numberHints say why a scalar YAML reads as a number is not a number a
// dossier can hold, by a piece of its lower-case text without sign; the
// first match wins. Each is the code of a catalogued message.
var numberHints = []struct{ has, code string }{
	{"nan", "yaml.hint.nan"},
	{"inf", "yaml.hint.inf"},
	{"0x", "yaml.hint.hex"},
	{"0o", "yaml.hint.octal"},
	{"0b", "yaml.hint.binary"},
	{"_", "yaml.hint.separator"},
}

// numberHint says why a scalar YAML reads as a number is not a number a
// dossier can hold.
func numberHint(v string) message.Message {
	bare := strings.ToLower(strings.TrimLeft(v, "+-"))
	for _, h := range numberHints {
		if strings.Contains(bare, h.has) {
			return message.New(h.code)
		}
	}
	if strings.HasPrefix(v, "+") {
		return message.New("yaml.hint.plus")
	}
	return message.New("yaml.hint.json")
}

// isJSONNumber reports whether s is a number literal in JSON's grammar.
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i == len(s) || !isDigit(s[i]) {
			return false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i == len(s) || !isDigit(s[i]) {
			return false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i == len(s)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string literal.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
