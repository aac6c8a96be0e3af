package strictjson

import (
	"bytes"
	"math"
	"reflect"
	"strconv"

	"github.com/openregen/secretomekit/internal/fieldpath"
)

// Index holds where each value of a document starts, noted while the
// document was decoded, so that field paths can be placed in it later
// (the lines of findings about the decoded value) without reading it
// again. It keeps the document, which must not change.
type Index struct {
	data  []byte
	nodes []indexNode
	// stack holds, for each open object or list, its node and its last
	// child so far (-1 before the first), while the index is built.
	stack []openNode
}

// indexNode is one value: its offset, its first child and next sibling
// (0 for none: the document's node is no one's child), and for an object
// member the offset and length of its key, quotes included (keyLen 0 for
// a list element and for the document). A leaf that read its own value
// in place has first unexpanded: its inner values were not noted, and
// are placed by reading the leaf's text when a path goes into it.
type indexNode struct {
	offset, first, next, key, keyLen int32
}

// unexpanded is the first child of a leaf whose inner values were not
// noted.
const unexpanded = -1

type openNode struct{ node, last int32 }

// DecodeIndexed decodes data into v as Decode does and also returns an
// index of the positions of its values, or nil when decoding found
// problems or the document is too large to index (2 GiB).
func (d *Decoder[T]) DecodeIndexed(data []byte, v *T) ([]Issue, *Index) {
	if v == nil {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	var x *Index
	if len(data) < math.MaxInt32 {
		x = &Index{data: data}
	}
	issues := decodeInto(data, reflect.ValueOf(v).Elem(), d.root, d.opt, x, d.lists)
	if len(issues) > 0 {
		return issues, nil
	}
	return nil, x
}

// maxKeptNodes is the most index nodes, and open nodes, a Decoder keeps
// for the next indexed decoding.
const maxKeptNodes = 16 << 10

// borrow gives the index the node buffers of b to note values in.
func (x *Index) borrow(b *listBuffers) {
	x.nodes, x.stack = b.nodes[:0], b.stack[:0]
	if x.nodes == nil {
		// About one value for every 16 bytes of a pretty-printed document.
		x.nodes = make([]indexNode, 0, len(x.data)/16+1)
	}
}

// finish copies the nodes noted into a list of their own, exactly as
// long, and gives the buffers back to b for the next decoding.
func (x *Index) finish(b *listBuffers) {
	nodes := make([]indexNode, len(x.nodes))
	copy(nodes, x.nodes)
	if cap(x.nodes) <= maxKeptNodes && cap(x.stack) <= maxKeptNodes {
		b.nodes, b.stack = x.nodes[:0], x.stack[:0]
	}
	x.nodes, x.stack = nodes, nil
}

// note records the value starting at d.pos.
func (d *decoder) note() {
	x := d.index
	if x == nil {
		return
	}
	n := int32(len(x.nodes))
	node := indexNode{offset: int32(d.pos), key: int32(d.keyAt), keyLen: int32(d.keyLen)}
	d.keyLen = 0
	x.nodes = append(x.nodes, node)
	if top := len(x.stack) - 1; top >= 0 {
		o := &x.stack[top]
		if o.last < 0 {
			x.nodes[o.node].first = n
		} else {
			x.nodes[o.last].next = n
		}
		o.last = n
	}
}

// open makes the value noted last the parent of the values that follow,
// until close.
func (d *decoder) open() {
	if x := d.index; x != nil {
		x.stack = append(x.stack, openNode{node: int32(len(x.nodes) - 1), last: -1})
	}
	d.keyLen = 0
}

func (d *decoder) close() {
	if x := d.index; x != nil {
		x.stack = x.stack[:len(x.stack)-1]
	}
	d.keyLen = 0
}

// unexpanded marks the value noted last, a leaf that read its own value
// in place, as one whose inner values are not noted.
func (d *decoder) unexpanded() {
	if x := d.index; x != nil {
		x.nodes[len(x.nodes)-1].first = unexpanded
	}
}

// Locate finds each path in the index, as LocateAll finds it in the
// document: the value at the path, or the nearest enclosing value that
// exists, with its line and column.
func (x *Index) Locate(paths []string) []Location {
	out := make([]Location, len(paths))
	for i, p := range paths {
		out[i] = x.find(x.nodes, p)
	}
	fillLines(x.data, out)
	return out
}

// find places path in nodes, an index whose first node is the value the
// path starts from.
func (x *Index) find(nodes []indexNode, path string) Location {
	if len(nodes) == 0 {
		return Location{}
	}
	n := int32(0)
	for rest := path; ; {
		st, after := fieldpath.Cut(rest)
		if st == "" {
			break
		}
		if nodes[n].first == unexpanded {
			return x.find(x.expand(nodes[n].offset), rest)
		}
		c := x.child(nodes, n, st)
		if c == 0 {
			return Location{Offset: int(nodes[n].offset)}
		}
		n, rest = c, after
	}
	return Location{Offset: int(nodes[n].offset), Exact: true}
}

// expand returns an index of the value at offset, a leaf that read its
// own value in place: its text is one well-formed JSON value, read again
// only to place a path that goes into it.
func (x *Index) expand(offset int32) []indexNode {
	d := decoder{data: x.data, pos: int(offset), index: &Index{data: x.data}}
	d.skip()
	return d.index.nodes
}

// child returns the child of node n of nodes that the path step names,
// or 0.
func (x *Index) child(nodes []indexNode, n int32, step string) int32 {
	c := nodes[n].first
	if len(step) > 1 && step[0] == '[' && step[1] != '"' {
		i, err := strconv.Atoi(step[1 : len(step)-1])
		if err != nil || i < 0 {
			return 0
		}
		for ; c != 0; c = nodes[c].next {
			if nodes[c].keyLen != 0 {
				return 0 // an object's member, not a list element
			}
			if i == 0 {
				return c
			}
			i--
		}
		return 0
	}
	for ; c != 0; c = nodes[c].next {
		nd := &nodes[c]
		if nd.keyLen == 0 {
			return 0
		}
		raw := x.data[nd.key : nd.key+nd.keyLen]
		inner := raw[1 : len(raw)-1]
		if bytes.IndexByte(inner, '\\') < 0 && string(inner) == step {
			return c
		}
		if step[0] == '[' || bytes.IndexByte(inner, '\\') >= 0 {
			if rawKeyStep(raw) == step {
				return c
			}
		}
	}
	return 0
}
