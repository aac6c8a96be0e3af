package strictjson

import (
	"fmt"
	"github.com/openregen/secretomekit/internal/fieldpath"
	"strconv"
	"unicode/utf8"
)

// kind is the JSON type of a node.
type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// node is one JSON value with its place in the source. Scalars keep their
// raw bytes; containers keep their members in source order.
type node struct {
	kind   kind
	start  int // offset of the first byte of the value
	end    int // offset just past the value
	fields []member
	elems  []*node
}

type member struct {
	key    string
	keyPos int
	val    *node
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 512

// syntaxError is a malformed document, located by offset and by the path of
// the value being read when the problem was found.
type syntaxError struct {
	offset int
	path   string
	msg    string
}

func (e *syntaxError) Error() string { return e.msg }

// parser reads a whole JSON document into a tree of nodes.
type parser struct {
	data  []byte
	pos   int
	depth int
	path  []string // rendered path steps, for syntax errors
}

func parseTree(data []byte) (*node, *syntaxError) {
	p := &parser{data: data}
	p.skipSpace()
	if p.pos == len(p.data) {
		return nil, &syntaxError{offset: 0, msg: "empty document"}
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos != len(p.data) {
		return n, &syntaxError{offset: p.pos, msg: "unexpected data after the document"}
	}
	return n, nil
}

func (p *parser) fail(format string, args ...any) *syntaxError {
	return &syntaxError{offset: p.pos, path: joinSteps(p.path), msg: fmt.Sprintf(format, args...)}
}

func joinSteps(steps []string) string {
	s := ""
	for _, st := range steps {
		s = fieldpath.Join(s, st)
	}
	return s
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() (*node, *syntaxError) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, p.fail("unexpected end of input")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		start := p.pos
		if err := p.skipString(); err != nil {
			return nil, err
		}
		return &node{kind: kindString, start: start, end: p.pos}, nil
	case c == 't':
		return p.literal("true", kindBool)
	case c == 'f':
		return p.literal("false", kindBool)
	case c == 'n':
		return p.literal("null", kindNull)
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		return nil, p.fail("invalid character %s looking for a value", quoteByte(c))
	}
}

func quoteByte(c byte) string {
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(rune(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

func (p *parser) literal(word string, k kind) (*node, *syntaxError) {
	start := p.pos
	if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return nil, p.fail("invalid literal (want %s)", word)
	}
	p.pos += len(word)
	return &node{kind: k, start: start, end: p.pos}, nil
}

func (p *parser) number() (*node, *syntaxError) {
	start := p.pos
	d := p.data
	if p.pos < len(d) && d[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(d) && d[p.pos] == '0':
		p.pos++
		if p.pos < len(d) && d[p.pos] >= '0' && d[p.pos] <= '9' {
			return nil, p.fail("malformed number: leading zero")
		}
	case p.pos < len(d) && d[p.pos] >= '1' && d[p.pos] <= '9':
		for p.pos < len(d) && d[p.pos] >= '0' && d[p.pos] <= '9' {
			p.pos++
		}
	default:
		return nil, p.fail("malformed number")
	}
	if p.pos < len(d) && d[p.pos] == '.' {
		p.pos++
		if p.pos >= len(d) || d[p.pos] < '0' || d[p.pos] > '9' {
			return nil, p.fail("malformed number: digit expected after the decimal point")
		}
		for p.pos < len(d) && d[p.pos] >= '0' && d[p.pos] <= '9' {
			p.pos++
		}
	}
	if p.pos < len(d) && (d[p.pos] == 'e' || d[p.pos] == 'E') {
		p.pos++
		if p.pos < len(d) && (d[p.pos] == '+' || d[p.pos] == '-') {
			p.pos++
		}
		if p.pos >= len(d) || d[p.pos] < '0' || d[p.pos] > '9' {
			return nil, p.fail("malformed number: digit expected in the exponent")
		}
		for p.pos < len(d) && d[p.pos] >= '0' && d[p.pos] <= '9' {
			p.pos++
		}
	}
	return &node{kind: kindNumber, start: start, end: p.pos}, nil
}

// skipString moves past a string literal, checking escapes and UTF-8.
func (p *parser) skipString() *syntaxError {
	d := p.data
	p.pos++ // opening quote
	for p.pos < len(d) {
		c := d[p.pos]
		switch {
		case c == '"':
			p.pos++
			return nil
		case c == '\\':
			if p.pos+1 >= len(d) {
				return p.fail("unterminated string")
			}
			switch d[p.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos += 2
			case 'u':
				if p.pos+6 > len(d) {
					return p.fail("malformed \\u escape")
				}
				for _, h := range d[p.pos+2 : p.pos+6] {
					if !isHex(h) {
						return p.fail("malformed \\u escape")
					}
				}
				p.pos += 6
			default:
				return p.fail("invalid escape \\%c in string", d[p.pos+1])
			}
		case c < 0x20:
			return p.fail("control character in string")
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, size := utf8.DecodeRune(d[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return p.fail("invalid UTF-8 in string")
			}
			p.pos += size
		}
	}
	return p.fail("unterminated string")
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func (p *parser) enter() *syntaxError {
	p.depth++
	if p.depth > maxDepth {
		return p.fail("nesting deeper than %d levels", maxDepth)
	}
	return nil
}

func (p *parser) object() (*node, *syntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &node{kind: kindObject, start: p.pos}
	p.pos++ // {
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		n.end = p.pos
		return n, nil
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.fail("object key (a string) expected")
		}
		keyPos := p.pos
		if err := p.skipString(); err != nil {
			return nil, err
		}
		key, err := strconv.Unquote(string(p.data[keyPos:p.pos]))
		if err != nil {
			key = string(p.data[keyPos+1 : p.pos-1])
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.fail("':' expected after object key %q", key)
		}
		p.pos++
		p.path = append(p.path, fieldpath.KeyStep(key))
		v, serr := p.value()
		p.path = p.path[:len(p.path)-1]
		if serr != nil {
			return nil, serr
		}
		n.fields = append(n.fields, member{key: key, keyPos: keyPos, val: v})
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unexpected end of input in object")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			n.end = p.pos
			return n, nil
		default:
			return nil, p.fail("',' or '}' expected in object")
		}
	}
}

func (p *parser) array() (*node, *syntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &node{kind: kindArray, start: p.pos}
	p.pos++ // [
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		n.end = p.pos
		return n, nil
	}
	for i := 0; ; i++ {
		p.path = append(p.path, "["+strconv.Itoa(i)+"]")
		v, err := p.value()
		p.path = p.path[:len(p.path)-1]
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, v)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unexpected end of input in array")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			n.end = p.pos
			return n, nil
		default:
			return nil, p.fail("',' or ']' expected in array")
		}
	}
}
