// Package fieldpath builds the field paths that name a place in a document,
// such as composition[2].quantity.unit, without allocating until a path is
// rendered.
//
// A Path is a linked list of steps that lives on the caller's stack: each
// child points at its parent. Validators pass *Path down the tree and call
// String only when they report a problem, so a valid document costs no
// allocations for its paths.
package fieldpath

import (
	"cmp"
	"strconv"
	"strings"
)

// Path is one step of a field path and, through its parent, the whole path
// to it. The zero Path is the root (the empty path).
type Path struct {
	parent *Path
	name   string
	index  int // -1 for a named field
	root   bool
}

// Root returns the empty path, which renders as "".
func Root() Path { return Path{index: -1, root: true} }

// Field returns the path of the named field below p.
func (p *Path) Field(name string) Path { return Path{parent: p, name: name, index: -1} }

// Index returns the path of element i of the list at p.
func (p *Path) Index(i int) Path { return Path{parent: p, index: i} }

// Key returns the path of the map entry with the given key below p. Keys
// that are plain identifiers render as fields; others are quoted in
// brackets.
func (p *Path) Key(key string) Path {
	if IsIdent(key) {
		return p.Field(key)
	}
	return Path{parent: p, name: strconv.Quote(key), index: -2}
}

// String renders the path, for example "composition[2].quantity.unit".
//
// It walks the chain twice, once to measure and once to fill the result
// from its end, so that it never stores a step's address: that keeps the
// steps on their callers' stacks.
func (p *Path) String() string {
	n := 0
	for q := p; q != nil; q = q.parent {
		n += q.width()
	}
	if n == 0 {
		return ""
	}
	b := make([]byte, n)
	i := n
	for q := p; q != nil; q = q.parent {
		w := q.width()
		if w == 0 {
			continue
		}
		i -= w
		q.fill(b[i : i+w])
	}
	if b[0] == '.' {
		return string(b[1:])
	}
	return string(b)
}

// width is the number of bytes the step renders to, including its leading
// dot for a named field.
func (p *Path) width() int {
	switch {
	case p.root || (p.parent == nil && p.name == ""):
		// Root, or the zero Path, whose index 0 is no list index: every
		// step made by Field, Index or Key has a parent.
		return 0
	case p.index >= 0:
		return 2 + digits(p.index)
	case p.index == -2:
		return 2 + len(p.name)
	}
	return 1 + len(p.name)
}

func (p *Path) fill(b []byte) {
	switch {
	case p.index >= 0:
		b[0] = '['
		strconv.AppendInt(b[1:1], int64(p.index), 10)
		b[len(b)-1] = ']'
	case p.index == -2:
		b[0] = '['
		copy(b[1:], p.name)
		b[len(b)-1] = ']'
	default:
		b[0] = '.'
		copy(b[1:], p.name)
	}
}

func digits(i int) int {
	n := 1
	for i >= 10 {
		i /= 10
		n++
	}
	return n
}

// Join renders base followed by the relative path rel, as used when one
// document is embedded in another (base "product", rel "composition[0]"
// gives "product.composition[0]").
func Join(base, rel string) string {
	switch {
	case base == "":
		return rel
	case rel == "":
		return base
	case rel[0] == '[':
		return base + rel
	default:
		return base + "." + rel
	}
}

// Compare orders two rendered paths as strings, except that list indexes
// compare as numbers: "a[2]" sorts before "a[10]", which sorts before
// "a[10].b" and "b". It returns -1, 0 or +1, for slices.SortFunc.
func Compare(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) || i == len(b) {
		return strings.Compare(a, b)
	}
	j := i // the start of the digits that end the common prefix
	for j > 0 && isDigit(a[j-1]) {
		j--
	}
	if j > 0 && a[j-1] == '[' {
		ea, eb := digitsEnd(a, j), digitsEnd(b, j)
		if ea > j && eb > j && ea < len(a) && a[ea] == ']' && eb < len(b) && b[eb] == ']' {
			// Both are index steps: indexes have no leading zeros, so
			// the shorter number is the smaller.
			if ea-j != eb-j {
				return cmp.Compare(ea-j, eb-j)
			}
		}
	}
	return strings.Compare(a[i:], b[i:])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsEnd returns the end of the run of digits that starts at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// IsIdent reports whether a key can stand in a path without quotes: ASCII
// letters, digits (not first), underscores and hyphens.
func IsIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9' && i > 0) {
			continue
		}
		return false
	}
	return true
}

// KeyStep renders an object key as a path step: a plain identifier as it
// is ("unit"), anything else quoted in brackets (`["a b"]`).
func KeyStep(key string) string {
	if IsIdent(key) {
		return key
	}
	return "[" + strconv.Quote(key) + "]"
}

// Split cuts a rendered path into its steps: `a.b[2]["x.y"].c` gives
// "a", "b", "[2]", `["x.y"]`, "c". Index and quoted-key steps keep their
// brackets; an unterminated bracket is kept whole as the last step.
func Split(path string) []string {
	var steps []string
	for step, rest := Cut(path); step != ""; step, rest = Cut(rest) {
		steps = append(steps, step)
	}
	return steps
}

// Cut returns the first step of a rendered path, as Split cuts it, and
// the path after it; the step is "" when the path has none. Walking a
// path with Cut allocates nothing.
func Cut(path string) (step, rest string) {
	i := 0
	for i < len(path) && path[i] == '.' {
		i++
	}
	if i == len(path) {
		return "", ""
	}
	if path[i] == '[' {
		j := i + 1
		if j < len(path) && path[j] == '"' {
			j++
			for j < len(path) && path[j] != '"' {
				if path[j] == '\\' {
					j++
				}
				j++
			}
		}
		for j < len(path) && path[j] != ']' {
			j++
		}
		if j >= len(path) {
			return path[i:], ""
		}
		return path[i : j+1], path[j+1:]
	}
	j := i
	for j < len(path) && path[j] != '.' && path[j] != '[' {
		j++
	}
	return path[i:j], path[j:]
}
