package strictjson

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/openregen/secretomekit/internal/fieldpath"
)

// Location is where the value at a field path starts in a JSON document.
type Location struct {
	// Offset is the byte offset of the value, or of the nearest enclosing
	// value that exists when the path does not.
	Offset int
	// Exact reports whether the whole path was found.
	Exact bool
	// Line is the 1-based line of Offset, counted by "\n".
	Line int
	// Column is the 1-based column of Offset on its line, counted in
	// characters (UTF-8 sequences), as the YAML positions of package
	// yamljson and editors count them, not in bytes.
	Column int
}

// Locate returns the byte offset of the value at path in a JSON document,
// or of the nearest enclosing value that exists, and whether the whole
// path was found. Paths use the syntax of Issue.Path: fields separated by
// dots, list indexes and quoted keys in brackets.
func Locate(data []byte, path string) (offset int, exact bool) {
	l := LocateAll(data, []string{path})[0]
	return l.Offset, l.Exact
}

// LocateAll finds every path in one scan of the document, which descends
// only into the members on those paths and skips everything else byte by
// byte, so locating all the findings of a document costs about one pass
// over its text however many there are. Malformed input ends the scan
// early without harm: what was found so far is kept.
func LocateAll(data []byte, paths []string) []Location {
	root := &trie{offset: -1}
	nodes := 1
	steps := make([][]string, len(paths))
	for i, p := range paths {
		steps[i] = fieldpath.Split(p)
		n := root
		for _, s := range steps[i] {
			if _, ok := n.children[s]; !ok {
				nodes++
			}
			n = n.child(s)
		}
	}
	sc := scanner{data: data, left: nodes}
	sc.space()
	sc.value(root)
	out := make([]Location, len(paths))
	for i := range paths {
		n, best, exact := root, max(root.offset, 0), root.offset >= 0
		for _, s := range steps[i] {
			if n = n.children[s]; n == nil || n.offset < 0 {
				exact = false
				break
			}
			best = n.offset
		}
		out[i] = Location{Offset: best, Exact: exact}
	}
	fillLines(data, out)
	return out
}

// fillLines sets Line and Column of every location in one pass over the
// text up to the largest offset: newlines are counted a stretch at a time,
// and characters only from the start of each location's line.
func fillLines(data []byte, locs []Location) {
	order := make([]int, len(locs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return locs[a].Offset - locs[b].Offset })
	// chars counts the characters from the start of at's line to at.
	line, chars, at := 1, 0, 0
	for _, i := range order {
		off := min(max(locs[i].Offset, 0), len(data))
		if off > at {
			stretch := data[at:off]
			if n := bytes.Count(stretch, newline); n > 0 {
				line += n
				stretch = stretch[bytes.LastIndexByte(stretch, '\n')+1:]
				chars = 0
			}
			chars += columnOf(stretch)
			at = off
		}
		locs[i].Line, locs[i].Column = line, chars+1
	}
}

var newline = []byte{'\n'}

// columnOf counts the characters of a line's text: the bytes that are
// not UTF-8 continuation bytes.
func columnOf(text []byte) int {
	n := 0
	for _, c := range text {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// trie is the set of paths to resolve, one node per step.
type trie struct {
	children map[string]*trie
	offset   int // offset of the value at this node, -1 until found
}

func (t *trie) child(step string) *trie {
	if t.children == nil {
		t.children = map[string]*trie{}
	}
	c, ok := t.children[step]
	if !ok {
		c = &trie{offset: -1}
		t.children[step] = c
	}
	return c
}

// scanner walks JSON for LocateAll. It trusts nothing: on malformed input
// every loop still advances, so the walk always ends.
type scanner struct {
	data []byte
	pos  int
	left int // trie nodes not yet reached; the scan stops at 0
}

func (s *scanner) space() { s.pos = SkipSpace(s.data, s.pos) }

// value records the offset of the value at s.pos in n (when n is not nil)
// and moves past the value, descending into n's children.
func (s *scanner) value(n *trie) {
	if s.pos >= len(s.data) {
		return
	}
	if n != nil && n.offset < 0 {
		n.offset = s.pos
		if s.left--; s.left == 0 {
			s.pos = len(s.data) // every wanted value is found
			return
		}
	}
	if n != nil && n.children == nil {
		n = nil // nothing below is wanted: skip fast
	}
	switch s.data[s.pos] {
	case '{':
		s.object(n)
	case '[':
		s.array(n)
	case '"':
		s.str()
	default:
		for s.pos < len(s.data) {
			switch s.data[s.pos] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return
			}
			s.pos++
		}
	}
}

func (s *scanner) object(n *trie) {
	s.pos++
	for {
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] == '}' {
			s.pos++
			return
		}
		if s.data[s.pos] == ',' {
			s.pos++
			continue
		}
		start := s.pos
		s.str()
		var next *trie
		if n != nil && s.pos-start >= 2 {
			raw := s.data[start:s.pos]
			if inner := raw[1 : len(raw)-1]; bytes.IndexByte(inner, '\\') < 0 && fieldpath.IsIdent(string(inner)) {
				next = n.children[string(inner)] // no allocation
			} else {
				next = n.children[rawKeyStep(raw)]
			}
		}
		s.space()
		if s.pos < len(s.data) && s.data[s.pos] == ':' {
			s.pos++
		}
		s.space()
		before := s.pos
		s.value(next)
		if s.pos == before {
			s.pos++ // a stray delimiter in malformed input
		}
	}
}

func (s *scanner) array(n *trie) {
	s.pos++
	for i := 0; ; {
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] == ']' {
			s.pos++
			return
		}
		if s.data[s.pos] == ',' {
			s.pos++
			i++
			continue
		}
		var next *trie
		if n != nil {
			next = n.children["["+strconv.Itoa(i)+"]"]
		}
		before := s.pos
		s.value(next)
		if s.pos == before {
			s.pos++ // a stray delimiter in malformed input
		}
	}
}

// str moves past a string literal.
func (s *scanner) str() {
	s.pos++ // opening quote
	for s.pos < len(s.data) {
		for s.pos < len(s.data) && plain[s.data[s.pos]] {
			s.pos++
		}
		if s.pos >= len(s.data) {
			return
		}
		switch s.data[s.pos] {
		case '\\':
			s.pos += 2
		case '"':
			s.pos++
			return
		default:
			s.pos++
		}
	}
}

// rawKeyStep renders a raw JSON key, quotes included, as a path step the
// way the decoder writes paths.
func rawKeyStep(raw []byte) string {
	key := string(raw[1 : len(raw)-1])
	if bytes.IndexByte(raw, '\\') >= 0 {
		if k, err := strconv.Unquote(string(raw)); err == nil {
			key = k
		}
	}
	return fieldpath.KeyStep(key)
}

// LineCol converts a byte offset in data to a 1-based line and column
// (the column counts characters). Offsets outside data are clamped; a negative
// offset gives 0, 0.
func LineCol(data []byte, offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	locs := []Location{{Offset: offset}}
	fillLines(data, locs)
	return locs[0].Line, locs[0].Column
}
