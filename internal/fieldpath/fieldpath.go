// Package fieldpath builds the field paths that name a place in a document,
// such as composition[2].quantity.unit, without allocating until a path is
// rendered.
//
// A Path is a linked list of steps that lives on the caller's stack: each
// child points at its parent. Validators pass *Path down the tree and call
// String only when they report a problem, so a valid document costs no
// allocations for its paths.
package fieldpath

import "strconv"

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
	if isIdent(key) {
		return p.Field(key)
	}
	return Path{parent: p, name: strconv.Quote(key), index: -2}
}

// String renders the path, for example "composition[2].quantity.unit".
func (p *Path) String() string {
	if p == nil {
		return ""
	}
	var steps [16]*Path
	chain := steps[:0]
	for q := p; q != nil; q = q.parent {
		if q.root || (q.parent == nil && q.name == "" && q.index == -1) {
			continue
		}
		chain = append(chain, q)
	}
	n := 0
	for _, q := range chain {
		n += len(q.name) + 4
	}
	b := make([]byte, 0, n)
	for i := len(chain) - 1; i >= 0; i-- {
		q := chain[i]
		switch {
		case q.index >= 0:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(q.index), 10)
			b = append(b, ']')
		case q.index == -2:
			b = append(b, '[')
			b = append(b, q.name...)
			b = append(b, ']')
		default:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, q.name...)
		}
	}
	return string(b)
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

func isIdent(s string) bool {
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
