package yamljson

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openregen/secretomekit/internal/fieldpath"
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
	DefaultMaxNodes = 1_000_000
	DefaultMaxDepth = 256
	DefaultMaxBytes = 8 << 20
)

// Options bounds the work of a conversion. The zero value uses the
// defaults.
type Options struct {
	// MaxNodes bounds the number of nodes visited, counting every
	// expansion of an alias; 0 means DefaultMaxNodes.
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
	// Message explains the problem to a person.
	Message string
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
// position of every value by field path.
type Document struct {
	// JSON is the document as compact JSON text.
	JSON []byte
	pos  map[string]Pos
}

// Locate returns the YAML position of the value at path, or of the nearest
// enclosing value that exists, and whether the whole path was found. The
// empty path is the document itself.
func (d *Document) Locate(path string) (Pos, bool) {
	for p := path; ; {
		if pos, ok := d.pos[p]; ok {
			return pos, p == path
		}
		if p == "" {
			return Pos{}, false
		}
		p = parent(p)
	}
}

// parent drops the last step of a field path.
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		// An index or a quoted key: find its opening bracket, skipping
		// brackets inside the quoted key.
		if i := openBracket(p); i >= 0 {
			return p[:i]
		}
		return ""
	}
	if i := strings.LastIndexAny(p, ".]"); i >= 0 {
		if p[i] == ']' {
			return p[:i+1]
		}
		return p[:i]
	}
	return ""
}

func openBracket(p string) int {
	if len(p) >= 3 && p[len(p)-2] == '"' {
		// quoted key: scan back to the unescaped opening quote
		for i := len(p) - 3; i >= 1; i-- {
			if p[i] == '"' && p[i-1] == '[' && !escaped(p, i) {
				return i - 1
			}
		}
		return -1
	}
	return strings.LastIndexByte(p, '[')
}

func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// Convert reads one YAML document and returns it as JSON. The error is an
// *Error.
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
	if !utf8.Valid(data) {
		return nil, &Error{Code: CodeSyntax, Message: "the document is not valid UTF-8 text"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{Code: CodeSyntax, Message: "empty document"}
		}
		return nil, syntaxError(err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		e := &Error{Code: CodeTrailing, Message: "more than one YAML document; put each dossier in its own file"}
		if err != nil {
			e = syntaxError(err)
		} else {
			e.Line, e.Column = next.Line, next.Column
		}
		return nil, e
	}
	c := converter{opt: opt, pos: make(map[string]Pos)}
	n := &root
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil, &Error{Code: CodeSyntax, Message: "empty document"}
		}
		n = n.Content[0]
	}
	if err := c.value(n, "", 0, Pos{}); err != nil {
		return nil, err
	}
	return &Document{JSON: c.out, pos: c.pos}, nil
}

var lineRE = regexp.MustCompile(`line (\d+)(?:, column (\d+))?: `)

// syntaxError turns a yaml.v3 error into an *Error, lifting the line
// number out of its text.
func syntaxError(err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{Code: CodeSyntax}
	if m := lineRE.FindStringSubmatchIndex(msg); m != nil {
		e.Line, _ = strconv.Atoi(msg[m[2]:m[3]])
		if m[4] >= 0 {
			e.Column, _ = strconv.Atoi(msg[m[4]:m[5]])
		}
		msg = msg[:m[0]] + msg[m[1]:]
	}
	e.Message = msg
	return e
}

type converter struct {
	opt   Options
	out   []byte
	pos   map[string]Pos
	nodes int
	// aliasDepth counts the alias expansions being converted.
	aliasDepth int
}

func (c *converter) fail(n *yaml.Node, path, code, format string, args ...any) *Error {
	return &Error{Path: path, Code: code, Line: n.Line, Column: n.Column, Message: fmt.Sprintf(format, args...)}
}

// value converts node n at path. at is where the value is written: the
// line of its mapping key when it has one, so that a block mapping or list
// is located at its name rather than at its first member.
func (c *converter) value(n *yaml.Node, path string, depth int, at Pos) *Error {
	c.nodes++
	if c.nodes > c.opt.MaxNodes {
		return c.fail(n, path, CodeSize, "the document expands to more than %d nodes (too many aliases?)", c.opt.MaxNodes)
	}
	if len(c.out) > c.opt.MaxBytes {
		return c.fail(n, path, CodeSize, "the document expands to more than %d bytes of JSON", c.opt.MaxBytes)
	}
	if c.aliasDepth == 0 {
		if _, seen := c.pos[path]; !seen {
			if at.Line == 0 {
				at = Pos{n.Line, n.Column}
			}
			c.pos[path] = at
		}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return c.fail(n, path, CodeSyntax, "alias *%s has no anchor", n.Value)
		}
		// Values inside an expansion are located at the alias: recording
		// each would let a small document fill memory with positions.
		c.aliasDepth++
		err := c.value(n.Alias, path, depth, Pos{})
		c.aliasDepth--
		return err
	case yaml.MappingNode:
		if depth >= c.opt.MaxDepth {
			return c.fail(n, path, CodeSize, "nesting deeper than %d levels", c.opt.MaxDepth)
		}
		if err := c.checkTag(n, "!!map", path); err != nil {
			return err
		}
		return c.mapping(n, path, depth+1)
	case yaml.SequenceNode:
		if depth >= c.opt.MaxDepth {
			return c.fail(n, path, CodeSize, "nesting deeper than %d levels", c.opt.MaxDepth)
		}
		if err := c.checkTag(n, "!!seq", path); err != nil {
			return err
		}
		c.out = append(c.out, '[')
		for i, e := range n.Content {
			if i > 0 {
				c.out = append(c.out, ',')
			}
			if err := c.value(e, path+"["+strconv.Itoa(i)+"]", depth+1, Pos{}); err != nil {
				return err
			}
		}
		c.out = append(c.out, ']')
		return nil
	case yaml.ScalarNode:
		return c.scalar(n, path)
	}
	return c.fail(n, path, CodeSyntax, "unexpected YAML node")
}

func (c *converter) checkTag(n *yaml.Node, want, path string) *Error {
	if t := n.ShortTag(); t != want {
		return c.fail(n, path, CodeType, "unsupported tag %s", n.Tag)
	}
	return nil
}

func (c *converter) mapping(n *yaml.Node, path string, depth int) *Error {
	c.out = append(c.out, '{')
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		for k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return c.fail(n.Content[i], path, CodeType, "a mapping key must be a plain value, not a %s", kindName(k.Kind))
		}
		if k.ShortTag() == "!!merge" {
			return c.fail(n.Content[i], path, CodeType, "merge keys (<<) are not supported; write the fields out")
		}
		key := k.Value
		if line, dup := seen[key]; dup {
			return c.fail(n.Content[i], joinKey(path, key), CodeDuplicate, "key %q appears more than once (first on line %d)", key, line)
		}
		seen[key] = n.Content[i].Line
		if i > 0 {
			c.out = append(c.out, ',')
		}
		c.out = appendString(c.out, key)
		c.out = append(c.out, ':')
		if err := c.value(v, joinKey(path, key), depth, Pos{n.Content[i].Line, n.Content[i].Column}); err != nil {
			return err
		}
	}
	c.out = append(c.out, '}')
	return nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "sequence"
	}
	return "node"
}

func (c *converter) scalar(n *yaml.Node, path string) *Error {
	switch n.ShortTag() {
	case "!!str", "!!timestamp", "!!binary":
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
		}
	default:
		return c.fail(n, path, CodeType, "unsupported tag %s", n.Tag)
	}
	return nil
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

// joinKey appends a mapping key to a path as the strict decoder writes
// it: identifiers after a dot, anything else quoted in brackets.
func joinKey(path, key string) string {
	return fieldpath.Join(path, fieldpath.KeyStep(key))
}

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
