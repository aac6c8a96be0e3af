package strictjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/openregen/secretomekit/message"
)

// planKind says how a Go type is decoded.
type planKind uint8

const (
	planUnmarshaler planKind = iota // *T implements json.Unmarshaler
	planDecimal                     // decimal.Decimal or decimal.NullDecimal
	planText                        // *T implements encoding.TextUnmarshaler
	planPointer
	planStruct
	planSlice
	planMap
	planString
	planBool
	planInt
	planUint
	planFloat
	planInterface
	planUnsupported
)

// plan is how to decode one Go type, worked out once: its kind, the plan
// of its elements (pointer, slice, map) and its fields (struct).
type plan struct {
	kind   planKind
	t      reflect.Type
	elem   *plan
	fields *structFields
	// stringKey says whether a map's keys are strings.
	stringKey bool
	// prefix says whether an unmarshaler's pointer is a PrefixDecoder.
	prefix bool
	// list numbers the slice types of a set of plans, from 0, to find
	// each one's buffer in listBuffers.
	list int
}

// numberLists numbers the slice plans of a set of plans and returns how
// many there are.
func numberLists(plans map[reflect.Type]*plan) int {
	n := 0
	for _, p := range plans {
		if p.kind == planSlice {
			p.list = n
			n++
		}
	}
	return n
}

// listBuffers holds, for each slice type of a Decoder, a slice in which
// the elements of a list are read before the list's own slice is made,
// and the buffers of string values (see decoder.setString) and of the
// path, for the next decoding to reuse. Between decodings they hold no
// pointer into a decoded value: the list buffers only zero values, and no
// string is pending.
type listBuffers struct {
	bufs    []reflect.Value
	strs    []byte
	pending []pendingString
	steps   []step
	// nodes and stack are where an Index notes values while it is built
	// (see Index.borrow).
	nodes []indexNode
	stack []openNode
}

// maxKeptBuffer is the largest string buffer, in bytes, and the most
// pending strings and path steps, kept for the next decoding: a rare huge
// document does not leave its buffers behind.
const maxKeptBuffer = 64 << 10

func newListBuffers(n int) *listBuffers { return &listBuffers{bufs: make([]reflect.Value, n)} }

// take returns the buffer for slices of plan p, or a slice of length 0
// when there is none yet or another list of the type is using it.
func (l *listBuffers) take(p *plan) reflect.Value {
	b := l.bufs[p.list]
	if !b.IsValid() {
		return reflect.MakeSlice(p.t, 0, 0)
	}
	l.bufs[p.list] = reflect.Value{}
	return b
}

// give returns buffer b for slices of plan p, cleared, for the next list.
func (l *listBuffers) give(p *plan, b reflect.Value) { l.bufs[p.list] = b }

// grow returns a buffer of slice type t twice as long as b (at least 8),
// holding b's elements.
func grow(b reflect.Value, t reflect.Type) reflect.Value {
	nb := reflect.MakeSlice(t, max(8, 2*b.Len()), max(8, 2*b.Len()))
	reflect.Copy(nb, b)
	return nb
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	prefixDecoderType   = reflect.TypeFor[PrefixDecoder]()
	// The exact number types of the module. Their errors are plain
	// strings, so the decoder recognises the types to report a malformed
	// number as CodeNumber, like every other number, with a message of
	// its own.
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
)

// planFor returns the plan of t, building the plans of every type reachable
// from it into plans on the way. Once built, a plan is never changed, so a
// set of plans made in advance may be shared between goroutines.
func planFor(t reflect.Type, plans map[reflect.Type]*plan) *plan {
	if p, ok := plans[t]; ok {
		return p
	}
	p := &plan{t: t}
	plans[t] = p // before the children: types may refer to themselves
	switch {
	case t == decimalType || t == nullDecimalType:
		p.kind = planDecimal
	case reflect.PointerTo(t).Implements(unmarshalerType):
		p.kind = planUnmarshaler
		p.prefix = reflect.PointerTo(t).Implements(prefixDecoderType)
	case reflect.PointerTo(t).Implements(textUnmarshalerType) && t.Kind() != reflect.Pointer:
		p.kind = planText
	default:
		switch t.Kind() {
		case reflect.Pointer:
			p.kind = planPointer
			p.elem = planFor(t.Elem(), plans)
		case reflect.Struct:
			p.kind = planStruct
			p.fields = fieldsOf(t, plans)
		case reflect.Slice:
			p.kind = planSlice
			p.elem = planFor(t.Elem(), plans)
		case reflect.Map:
			p.kind = planMap
			p.stringKey = t.Key().Kind() == reflect.String
			p.elem = planFor(t.Elem(), plans)
		case reflect.String:
			p.kind = planString
		case reflect.Bool:
			p.kind = planBool
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			p.kind = planInt
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			p.kind = planUint
		case reflect.Float32, reflect.Float64:
			p.kind = planFloat
		case reflect.Interface:
			p.kind = planInterface
		default:
			p.kind = planUnsupported
		}
	}
	return p
}

type fieldInfo struct {
	name  string
	index []int
	plan  *plan
	// direct says whether index has one step: the field is the struct's
	// own, not promoted from an embedded struct.
	direct bool
}

type structFields struct {
	list   []fieldInfo
	byName map[string]int
	byFold map[string]int
	// byLen lists, for each length of name, the fields whose name has
	// that many bytes, so that a key is compared with a few names of its
	// own length rather than hashed.
	byLen [][]int
}

// lookup returns the index in list of the field named key, exactly, or
// -1.
func (s *structFields) lookup(key []byte) int {
	if len(key) >= len(s.byLen) {
		return -1
	}
	for _, i := range s.byLen[len(key)] {
		if s.list[i].name == string(key) {
			return i
		}
	}
	return -1
}

// suggest returns the name of the known field closest to an unknown key,
// when one is close enough to be a likely typo, and "" otherwise.
func (s *structFields) suggest(key string) string {
	best, bestD := "", 3
	for _, f := range s.list {
		if d := distance(strings.ToLower(key), strings.ToLower(f.name)); d < bestD && 2*d <= len(key) {
			best, bestD = f.name, d
		}
	}
	return best
}

// distance is the Levenshtein edit distance, for typo suggestions.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// fieldsOf lists the JSON fields of a struct type with their plans.
func fieldsOf(t reflect.Type, plans map[reflect.Type]*plan) *structFields {
	s := &structFields{byName: map[string]int{}, byFold: map[string]int{}}
	collectFields(t, nil, s)
	for i := range s.list {
		f := &s.list[i]
		for len(s.byLen) <= len(f.name) {
			s.byLen = append(s.byLen, nil)
		}
		s.byLen[len(f.name)] = append(s.byLen[len(f.name)], i)
		f.direct = len(f.index) == 1
		f.plan = planFor(fieldType(t, f.index), plans)
	}
	return s
}

// fieldType is the type of the field at the index path below t, looking
// through embedded pointers.
func fieldType(t reflect.Type, index []int) reflect.Type {
	for i, x := range index {
		if i > 0 && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		t = t.Field(x).Type
	}
	return t
}

func collectFields(t reflect.Type, prefix []int, s *structFields) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		index := append(append([]int(nil), prefix...), i)
		if sf.Anonymous && name == "" {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				collectFields(ft, index, s)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if _, dup := s.byName[name]; dup {
			continue
		}
		s.list = append(s.list, fieldInfo{name: name, index: index})
		s.byName[name] = len(s.list) - 1
		if _, dup := s.byFold[strings.ToLower(name)]; !dup {
			s.byFold[strings.ToLower(name)] = len(s.list) - 1
		}
	}
}

// fieldByIndex returns the field at the index path, allocating embedded
// pointers on the way.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// describe is the term of the JSON form a Go type expects, for messages.
func describe(t reflect.Type) message.Term {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "json.want.object"
	case reflect.Slice, reflect.Array:
		return "json.want.array"
	}
	return "json.want.value"
}

// failedWhole reports, for a value of kind k read with plan p that
// produced a problem, whether the problem concerns the value as a whole
// (a leaf that could not be read, or a list or object of the wrong JSON
// type) rather than one of its members: a pointer to such a value is
// left nil.
func (p *plan) failedWhole(k kind) bool {
	switch p.kind {
	case planStruct:
		return k != kindObject
	case planMap:
		return k != kindObject || !p.stringKey
	case planSlice:
		return k != kindArray
	case planPointer:
		return false // the pointee decided for itself
	}
	return true
}
