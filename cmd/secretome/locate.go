package main

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
)

// jsonLocator finds the lines of field paths in one JSON document. It
// resolves every path asked for in a single scan of the document that
// descends only into the members on those paths and skips everything
// else byte by byte, so locating the findings of a dossier costs about
// one pass over its text, however many findings there are. (Calling
// strictjson.Locate per finding parses the whole document each time.)
//
// The document must be well-formed JSON, as it is once it has decoded.
type jsonLocator struct {
	data []byte
}

func newJSONLocator(data []byte) *jsonLocator { return &jsonLocator{data: data} }

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

// offsets returns, for each path, the offset of its value or of the
// nearest enclosing value that exists.
func (l *jsonLocator) offsets(paths []string) []int {
	root := &trie{offset: -1}
	nodes := 1
	for _, p := range paths {
		n := root
		for _, s := range splitPath(p) {
			if _, ok := n.children[s]; !ok {
				nodes++
			}
			n = n.child(s)
		}
	}
	sc := scanner{data: l.data, left: nodes}
	sc.space()
	sc.value(root)
	out := make([]int, len(paths))
	for i, p := range paths {
		n, best := root, max(root.offset, 0)
		for _, s := range splitPath(p) {
			if n = n.children[s]; n == nil || n.offset < 0 {
				break
			}
			best = n.offset
		}
		out[i] = best
	}
	return out
}

// positions converts offsets to 1-based lines and byte columns in one
// pass over the text up to the largest offset.
func (l *jsonLocator) positions(offsets []int) []pos {
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return offsets[order[a]] < offsets[order[b]] })
	out := make([]pos, len(offsets))
	line, lineStart, at := 1, 0, 0
	for _, i := range order {
		off := min(offsets[i], len(l.data))
		for ; at < off; at++ {
			if l.data[at] == '\n' {
				line++
				lineStart = at + 1
			}
		}
		out[i] = pos{line, off - lineStart + 1}
	}
	return out
}

// splitPath cuts a field path into steps: names, "[2]" and `["x.y"]`.
func splitPath(path string) []string {
	var steps []string
	for i := 0; i < len(path); {
		switch path[i] {
		case '.':
			i++
		case '[':
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
				return append(steps, path[i:])
			}
			steps = append(steps, path[i:j+1])
			i = j + 1
		default:
			j := i
			for j < len(path) && path[j] != '.' && path[j] != '[' {
				j++
			}
			steps = append(steps, path[i:j])
			i = j
		}
	}
	return steps
}

// scanner walks well-formed JSON. Malformed input ends the walk early
// without harm: the offsets found so far are kept.
type scanner struct {
	data []byte
	pos  int
	left int // trie nodes not yet reached; the scan stops at 0
}

func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

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
				if inner := raw[1 : len(raw)-1]; bytes.IndexByte(inner, '\\') < 0 && isIdent(string(inner)) {
					next = n.children[string(inner)] // no allocation
				} else {
					next = n.children[keyStep(raw)]
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
	case '[':
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

// str moves past a string literal.
func (s *scanner) str() {
	s.pos++ // opening quote
	for s.pos < len(s.data) {
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

// keyStep renders a raw JSON key (with its quotes) as a path step, the way
// the strict decoder writes paths: identifiers bare, others quoted in
// brackets.
func keyStep(raw []byte) string {
	key := string(raw[1 : len(raw)-1])
	if strings.IndexByte(key, '\\') >= 0 {
		if k, err := strconv.Unquote(string(raw)); err == nil {
			key = k
		}
	}
	if isIdent(key) {
		return key
	}
	return "[" + strconv.Quote(key) + "]"
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
