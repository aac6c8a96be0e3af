package strictjson

import (
	"strconv"
	"strings"
)

// Locate returns the byte offset of the value at path in a JSON document,
// or of the nearest enclosing value that exists, and whether the whole path
// was found. Paths use the syntax of Issue.Path: fields separated by dots,
// list indexes and quoted keys in brackets.
func Locate(data []byte, path string) (offset int, exact bool) {
	root, err := parseTree(data)
	if err != nil && root == nil {
		return 0, false
	}
	n := root
	for _, step := range splitPath(path) {
		next := child(n, step)
		if next == nil {
			return n.start, false
		}
		n = next
	}
	return n.start, true
}

func child(n *node, step string) *node {
	if strings.HasPrefix(step, "[") {
		inner := step[1 : len(step)-1]
		if n.kind == kindArray {
			i, err := strconv.Atoi(inner)
			if err != nil || i < 0 || i >= len(n.elems) {
				return nil
			}
			return n.elems[i]
		}
		key, err := strconv.Unquote(inner)
		if err != nil {
			return nil
		}
		step = key
	}
	if n.kind != kindObject {
		return nil
	}
	for _, m := range n.fields {
		if m.key == step {
			return m.val
		}
	}
	return nil
}

// splitPath cuts "a.b[2][\"x.y\"].c" into ["a" "b" "[2]" "[\"x.y\"]" "c"].
func splitPath(path string) []string {
	var steps []string
	for i := 0; i < len(path); {
		switch path[i] {
		case '.':
			i++
		case '[':
			j := i + 1
			if j < len(path) && path[j] == '"' {
				// quoted key: find the closing quote, honouring escapes
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

// LineCol converts a byte offset in data to a 1-based line and column
// (the column counts bytes). Offsets outside data are clamped.
func LineCol(data []byte, offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	if offset > len(data) {
		offset = len(data)
	}
	line, last := 1, -1
	for i := 0; i < offset; i++ {
		if data[i] == '\n' {
			line++
			last = i
		}
	}
	return line, offset - last
}
