package strictjson

import (
	"encoding"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/message"
)

// Decoder decodes documents into values of type T. Prepare one with
// NewDecoder and call Decode any number of times, from any number of
// goroutines: the plan of every type reachable from T is worked out once,
// in advance, and never changed afterwards.
type Decoder[T any] struct {
	root *plan
	opt  Options
	// lists holds the *listBuffers that decodings borrow to gather the
	// elements of lists before they know their length.
	lists *sync.Pool
}

// NewDecoder prepares a decoder for values of type T.
func NewDecoder[T any](opt Options) *Decoder[T] {
	plans := map[reflect.Type]*plan{}
	root := planFor(reflect.TypeFor[T](), plans)
	n := numberLists(plans)
	return &Decoder[T]{root: root, opt: opt, lists: &sync.Pool{New: func() any { return newListBuffers(n) }}}
}

// Decode decodes data into v, as the package-level Decode does.
func (d *Decoder[T]) Decode(data []byte, v *T) []Issue {
	if v == nil {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	return decodeInto(data, reflect.ValueOf(v).Elem(), d.root, d.opt, nil, d.lists)
}

// Decode decodes data into v, which must be a non-nil pointer, and returns
// every problem it finds, in document order, each with its line and
// column. A nil result means success. It works out how to decode v's type
// on every call; a Decoder does so once.
func Decode(data []byte, v any, opt Options) []Issue {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	plans := map[reflect.Type]*plan{}
	return decodeInto(data, rv.Elem(), planFor(rv.Type().Elem(), plans), opt, nil, nil)
}

// decodeInto decodes data into the settable value v with plan p, noting
// the positions of values in x when it is not nil, and gathering the
// elements of lists in buffers from lists when it is not nil.
func decodeInto(data []byte, v reflect.Value, p *plan, opt Options, x *Index, lists *sync.Pool) []Issue {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if int64(len(data)) > max {
		return rendered([]Issue{{Code: CodeTooLarge, Offset: -1,
			Text: message.New("json.size", message.Int(len(data)), message.Int(max))}})
	}
	if IsUTF16(data) {
		return rendered([]Issue{{Code: CodeSyntax, Offset: 0, Line: 1, Column: 1, Text: message.New("json.utf16")}})
	}
	v.SetZero()
	d := decoder{data: data, index: x, maxIssues: opt.MaxIssues, valueBytes: ValueBytesPerByte * max}
	if d.maxIssues <= 0 {
		d.maxIssues = DefaultMaxIssues
	}
	if lists != nil {
		b := lists.Get().(*listBuffers)
		d.lists, d.strs, d.pending, d.steps = b, b.strs, b.pending, b.steps
		if x != nil {
			x.borrow(b)
		}
		defer func() {
			if cap(d.strs) <= maxKeptBuffer && cap(d.pending) <= maxKeptBuffer && cap(d.steps) <= maxKeptBuffer {
				b.strs, b.pending, b.steps = d.strs[:0], d.pending[:0], d.steps[:0]
			}
			if x != nil {
				x.finish(b)
			}
			lists.Put(b)
		}()
	} else if x != nil {
		x.nodes = make([]indexNode, 0, len(data)/16+1)
	}
	d.document(p, v)
	d.flush()
	issues := d.issues
	if d.err != nil {
		code := CodeSyntax
		switch {
		case d.err.trailing:
			code = CodeTrailing
		case d.err.tooLarge:
			code = CodeTooLarge
		}
		issues = []Issue{{Path: d.err.path, Code: code, Text: d.err.msg, Offset: int64(d.err.offset)}}
	}
	placeIssues(data, issues)
	if d.err == nil && d.unlisted > 0 {
		issues = append(issues, Issue{Code: CodeTooLarge, Offset: -1,
			Text: message.New("json.unlisted", message.Int(d.unlisted), message.Int(d.maxIssues))})
	}
	return rendered(issues)
}

// rendered sets the English Message of every issue from its Text.
func rendered(issues []Issue) []Issue {
	for i := range issues {
		issues[i].Message = issues[i].Text.String()
	}
	return issues
}

// placeIssues sets the line and column of every issue in one pass over
// the text.
func placeIssues(data []byte, issues []Issue) {
	if len(issues) == 0 {
		return
	}
	locs := make([]Location, 0, len(issues))
	for _, is := range issues {
		if is.Offset >= 0 {
			locs = append(locs, Location{Offset: int(is.Offset)})
		}
	}
	fillLines(data, locs)
	for i := range issues {
		if issues[i].Offset >= 0 {
			issues[i].Line, issues[i].Column = locs[0].Line, locs[0].Column
			locs = locs[1:]
		}
	}
}

// kind is the JSON type of a value.
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

// term is the catalogue's name of the kind, for messages.
func (k kind) term() message.Term { return message.Term("json.kind." + k.String()) }

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 512

// syntaxError is a malformed document, located by offset and by the path of
// the value being read when the problem was found.
type syntaxError struct {
	offset   int
	path     string
	msg      message.Message
	trailing bool // data after the document
	tooLarge bool // the values take more memory than the budget
}

// step is one step of the path to the value being read: an object key,
// whose raw bytes (quotes included) are data[keyAt:keyEnd], or, when
// keyEnd is 0, a list index. It holds no pointer, so that the stack of
// steps is written without the garbage collector's write barrier.
type step struct {
	keyAt, keyEnd, index int
}

// decoder reads a document once, from its first byte to its last,
// checking its syntax and decoding each value into its Go value as it
// goes. Problems with values are collected and reading goes on; a syntax
// error ends the reading, and is then the only problem reported. The
// path of the value being read is kept as a stack of steps and rendered
// only for a problem.
type decoder struct {
	data   []byte
	pos    int
	depth  int
	steps  []step
	issues []Issue
	err    *syntaxError
	buf    []byte // unescaped strings
	// strs holds the contents of the string values read since the last
	// flush, and pending the values to set to them (see setString).
	strs    []byte
	pending []pendingString
	// strings counts the string values read, so that a list can tell
	// whether any was read inside it.
	strings int
	// index, when not nil, notes where each value starts; keyAt and
	// keyLen place the raw key of the member whose value is read next
	// (keyLen 0 for a list element).
	index         *Index
	keyAt, keyLen int
	// maxIssues bounds issues; unlisted counts the problems past it.
	maxIssues, unlisted int
	// valueBytes is what the values may still take in memory.
	valueBytes int64
	// lists, when not nil, holds a buffer for each type of list, in
	// which a list's elements are gathered (see array).
	lists *listBuffers
}

// issue records a problem unless maxIssues are listed already.
func (d *decoder) issue(is Issue) {
	if len(d.issues) >= d.maxIssues {
		d.unlisted++
		return
	}
	d.issues = append(d.issues, is)
}

// spend charges n bytes of decoded values to the budget and stops the
// reading when it is spent.
func (d *decoder) spend(n uintptr) bool {
	if d.valueBytes -= int64(n); d.valueBytes < 0 {
		if d.err == nil {
			d.err = &syntaxError{offset: d.pos, path: d.path(), tooLarge: true,
				msg: message.New("json.memory")}
		}
		d.pos = len(d.data)
		return false
	}
	return true
}

// path renders the path of the value being read.
func (d *decoder) path() string {
	s := ""
	for _, st := range d.steps {
		if st.keyEnd != 0 {
			s = fieldpath.Join(s, fieldpath.KeyStep(unquote(d.data[st.keyAt:st.keyEnd])))
		} else {
			s += "[" + strconv.Itoa(st.index) + "]"
		}
	}
	return s
}

// fail ends the reading with a syntax error: the message code and its
// arguments, which are made into a message only for the first error.
func (d *decoder) fail(code string, args ...message.Arg) {
	if d.err == nil {
		d.err = &syntaxError{offset: d.pos, path: d.path(), msg: message.New(code, args...)}
	}
	d.pos = len(d.data) // stop reading
}

// add records a problem with the value at offset, whose path is the
// current path with the extra step when extra is not "", and whose text
// is msg.
func (d *decoder) add(offset int, extra, code string, msg message.Message) {
	if len(d.issues) >= d.maxIssues {
		d.unlisted++ // the path is not even rendered
		return
	}
	d.issue(Issue{Path: fieldpath.Join(d.path(), extra), Code: code, Text: msg, Offset: int64(offset)})
}

func (d *decoder) space() {
	if d.pos < len(d.data) && d.data[d.pos] > ' ' {
		return // the common case, kept small enough to inline
	}
	d.pos = SkipSpace(d.data, d.pos)
}

// spaces8 is eight spaces read as one little-endian word.
const spaces8 = 0x2020202020202020

// SkipSpace returns the offset of the first byte of b from i on that is
// not JSON whitespace. After a newline it skips the indentation of a
// pretty-printed document eight spaces at a time. It is for the leaf types
// that read their own JSON.
func SkipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r':
			i++
		case '\n':
			i++
			for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:]) == spaces8 {
				i += 8
			}
		default:
			return i
		}
	}
	return i
}

// plain marks the bytes that stand for themselves in a string: printable
// ASCII other than the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// Words of eight equal bytes, for plainRun.
const (
	ones8   = 0x0101010101010101
	highs8  = 0x8080808080808080
	quotes8 = '"' * ones8
	slashs8 = '\\' * ones8
)

// plainRun returns the offset of the first byte from i on that does not
// stand for itself in a string (see plain), or len(b). It reads eight
// bytes at a time: a word holds such a byte when one of its bytes is
// below 0x20, a quote, a backslash or not ASCII, and the lowest byte
// flagged is the first of them (a false flag can only follow a true one).
func plainRun(b []byte, i int) int {
	for i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		q, s := w^quotes8, w^slashs8
		if m := ((w-0x20*ones8)&^w | (q-ones8)&^q | (s-ones8)&^s | w) & highs8; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(b) && plain[b[i]] {
		i++
	}
	return i
}

// document reads the whole document into v.
func (d *decoder) document(p *plan, v reflect.Value) {
	d.space()
	if d.pos == len(d.data) {
		d.err = &syntaxError{offset: 0, msg: message.New("json.empty")}
		return
	}
	start := d.pos
	if d.data[d.pos] == 'n' {
		d.literal("null")
		if d.err == nil {
			d.add(start, "", CodeType, message.New("json.type", describe(p.t), kindNull.term()))
		}
	} else {
		d.value(p, v)
	}
	if d.err != nil {
		return
	}
	d.space()
	if d.pos != len(d.data) {
		d.err = &syntaxError{offset: d.pos, msg: message.New("json.trailing"), trailing: true}
	}
}

// peek returns the kind of the value starting at d.pos; ok is false at
// the end of input or before a byte that starts no value, and reading the
// value will then report the syntax error.
func (d *decoder) peek() (k kind, ok bool) {
	if d.pos >= len(d.data) {
		return 0, false
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return kindObject, true
	case c == '[':
		return kindArray, true
	case c == '"':
		return kindString, true
	case c == 't' || c == 'f':
		return kindBool, true
	case c == 'n':
		return kindNull, true
	case c == '-' || (c >= '0' && c <= '9'):
		return kindNumber, true
	}
	return 0, false
}

// value reads one value into v, which is settable, following p.
func (d *decoder) value(p *plan, v reflect.Value) {
	d.space()
	k, ok := d.peek()
	if !ok {
		d.skip() // reports the syntax error
		return
	}
	start := d.pos
	if p.kind != planPointer || k == kindNull {
		d.note() // a pointer's target notes itself
	}
	switch p.kind {
	case planUnmarshaler, planDecimal:
		if p.prefix && d.depth < maxDepth {
			// The leaf reads its value in place when it has the plain form,
			// the one pass over its bytes; otherwise it is skipped and
			// unmarshalled below, which gives the verdict on it. An index
			// places the leaf's inner values only when asked (see
			// Index.expand).
			if n, ok := v.Addr().Interface().(PrefixDecoder).DecodeJSONPrefix(d.data[start:]); ok {
				d.pos = start + n
				d.unexpanded()
				return
			}
		}
		d.skipRest()
		if d.err != nil {
			return
		}
		raw := d.data[start:d.pos]
		if p.kind == planDecimal && setDecimal(v, raw) {
			return
		}
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			v.SetZero() // whatever the leaf set before it failed
			if p.kind == planDecimal {
				d.decimalError(start, k, raw, err)
			} else {
				d.leafError(start, err)
			}
		}
		return
	case planInterface:
		d.skipRest()
		if d.err != nil {
			return
		}
		var x any
		if err := json.Unmarshal(d.data[start:d.pos], &x); err != nil {
			d.add(start, "", CodeType, message.New("json.value", message.Text(err.Error())))
			return
		}
		if x != nil {
			v.Set(reflect.ValueOf(x))
		}
		return
	case planUnsupported:
		d.skipRest()
		if d.err == nil {
			d.add(start, "", CodeType, message.New("json.unsupported", message.Text(p.t.String())))
		}
		return
	}
	if k == kindNull {
		d.literal("null")
		return
	}
	switch p.kind {
	case planText:
		if k != kindString {
			d.mismatch(start, k, "json.want.string")
			return
		}
		text := d.str()
		if d.err != nil {
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(text); err != nil {
			v.SetZero()
			d.leafError(start, err)
		}
	case planPointer:
		if !d.spend(p.elem.t.Size()) {
			return
		}
		e := reflect.New(p.elem.t)
		before := len(d.issues) + d.unlisted
		d.value(p.elem, e.Elem())
		if len(d.issues)+d.unlisted > before && p.elem.failedWhole(k) {
			return // a value that could not be read stays nil, not a pointer to zero
		}
		v.Set(e)
	case planStruct:
		if k != kindObject {
			d.mismatch(start, k, "json.want.object")
			return
		}
		d.object(p.fields, v)
	case planSlice:
		if k != kindArray {
			d.mismatch(start, k, "json.want.array")
			return
		}
		d.array(p, v)
	case planMap:
		if k != kindObject || !p.stringKey {
			d.mismatch(start, k, "json.want.object")
			return
		}
		d.mapValue(p, v)
	case planString:
		if k != kindString {
			d.mismatch(start, k, "json.want.string")
			return
		}
		d.setString(v)
	case planBool:
		if k != kindBool {
			d.mismatch(start, k, "json.want.bool")
			return
		}
		if d.data[d.pos] == 't' {
			d.literal("true")
			v.SetBool(true)
		} else {
			d.literal("false")
		}
	case planInt, planUint, planFloat:
		if k != kindNumber {
			d.mismatch(start, k, "json.want.number")
			return
		}
		d.number()
		if d.err != nil {
			return
		}
		d.setNumber(p, v, start, d.data[start:d.pos])
	}
}

// mismatch skips a value of kind k that the target cannot hold and
// records the problem: want is the term of what the target holds.
func (d *decoder) mismatch(start int, k kind, want message.Term) {
	d.skipRest()
	if d.err == nil {
		d.add(start, "", CodeType, message.New("json.type", want, k.term()))
	}
}

func (d *decoder) setNumber(p *plan, v reflect.Value, start int, raw []byte) {
	bits := p.t.Bits()
	switch p.kind {
	case planInt:
		if i, ok := smallInt(raw); ok && bits == 64 {
			v.SetInt(i)
			return
		}
		i, err := strconv.ParseInt(string(raw), 10, bits)
		if err != nil {
			d.add(start, "", CodeNumber, message.New("json.number.int", message.Text(shortNumber(raw))))
			return
		}
		v.SetInt(i)
	case planUint:
		i, err := strconv.ParseUint(string(raw), 10, bits)
		if err != nil {
			d.add(start, "", CodeNumber, message.New("json.number.uint", message.Text(shortNumber(raw))))
			return
		}
		v.SetUint(i)
	default:
		f, err := strconv.ParseFloat(string(raw), bits)
		if err != nil {
			d.add(start, "", CodeNumber, message.New("json.number.large", message.Text(shortNumber(raw))))
			return
		}
		if f == 0 && nonZero(raw) {
			d.add(start, "", CodeNumber, message.New("json.number.small", message.Text(shortNumber(raw))))
			return
		}
		v.SetFloat(f)
	}
}

// smallInt parses a JSON number of at most 18 digits without a fraction
// or exponent; ok is false for anything else.
func smallInt(raw []byte) (int64, bool) {
	neg := len(raw) > 0 && raw[0] == '-'
	digits := raw
	if neg {
		digits = raw[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// object reads an object into the struct v.
func (d *decoder) object(fields *structFields, v reflect.Value) {
	if !d.enter() {
		return
	}
	var seenSmall uint64
	var seenBig []bool
	if len(fields.list) > 64 {
		seenBig = make([]bool, len(fields.list))
	}
	d.members(func(key []byte, keyPos int) {
		fi := fields.lookup(key)
		valPos := d.pos
		switch {
		case fi < 0:
			name := string(key) // before skip reuses the buffer
			d.skip()
			if d.err != nil {
				return
			}
			if len(d.issues) >= d.maxIssues {
				d.unlisted++ // no suggestion, path or message to make
				return
			}
			// Names match exactly: encoding/json's case-insensitive match
			// would let "ID" stand for "id" without a word.
			msg := message.New("json.field.unknown", message.Text(short([]byte(name))))
			if f, folded := fields.byFold[strings.ToLower(name)]; folded {
				msg = message.New("json.field.unknown_case", msg.Args[0], message.Text(strconv.Quote(fields.list[f].name)))
			} else if like := fields.suggest(name); like != "" {
				msg = message.New("json.field.unknown_like", msg.Args[0], message.Text(strconv.Quote(like)))
			}
			d.issue(Issue{Path: d.path(), Code: CodeUnknownField, Offset: int64(keyPos), Text: msg})
		case seen(fi, &seenSmall, seenBig):
			name := string(key)
			d.skip()
			if d.err == nil {
				d.add(valPos, "", CodeDuplicate, message.New("json.field.twice", message.Text(short([]byte(name)))))
			}
		default:
			f := &fields.list[fi]
			var fv reflect.Value
			if f.direct {
				fv = v.Field(f.index[0])
			} else {
				fv = fieldByIndex(v, f.index)
			}
			d.value(f.plan, fv)
		}
	})
	d.depth--
}

// seen reports whether field i was seen before in this object, and marks
// it seen.
func seen(i int, small *uint64, big []bool) bool {
	if big != nil {
		was := big[i]
		big[i] = true
		return was
	}
	bit := uint64(1) << uint(i)
	was := *small&bit != 0
	*small |= bit
	return was
}

// mapValue reads an object into the map v, whose keys are strings.
func (d *decoder) mapValue(p *plan, v reflect.Value) {
	if !d.enter() {
		return
	}
	m := reflect.MakeMap(p.t)
	keyType := p.t.Key()
	var have map[string]bool
	d.members(func(key []byte, _ int) {
		valPos := d.pos
		k := string(key)
		if have[k] {
			d.skip()
			if d.err == nil {
				d.add(valPos, "", CodeDuplicate, message.New("json.key.twice", message.Text(short([]byte(k)))))
			}
			return
		}
		if have == nil {
			have = map[string]bool{}
		}
		have[k] = true
		if !d.spend(p.elem.t.Size() + keyType.Size()) {
			return
		}
		e := reflect.New(p.elem.t).Elem()
		d.value(p.elem, e)
		d.flush() // e is copied into the map
		m.SetMapIndex(reflect.ValueOf(k).Convert(keyType), e)
	})
	v.Set(m)
	d.depth--
}

// members reads the members of an object, the opening brace at d.pos,
// calling member for each with the key (unescaped; valid until the next
// string is read) and its offset, and d.pos at the member's value, which
// member must read. The key's step is on the path meanwhile.
func (d *decoder) members(member func(key []byte, keyPos int)) {
	d.pos++ // {
	d.open()
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		d.close()
		return
	}
	for {
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			d.fail("json.key_expected")
			return
		}
		keyPos := d.pos
		key := d.str()
		if d.err != nil {
			return
		}
		raw := d.data[keyPos:d.pos]
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			d.fail("json.colon_expected", message.Text(strconv.Quote(unquote(raw))))
			return
		}
		d.pos++
		d.space()
		d.steps = append(d.steps, step{keyAt: keyPos, keyEnd: keyPos + len(raw)})
		d.keyAt, d.keyLen = keyPos, len(raw)
		member(key, keyPos)
		d.steps = d.steps[:len(d.steps)-1]
		if d.err != nil {
			return
		}
		d.space()
		if d.pos >= len(d.data) {
			d.fail("json.object.end")
			return
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case '}':
			d.pos++
			d.close()
			return
		default:
			d.fail("json.object.comma")
			return
		}
	}
}

// array reads an array into the slice v, whose plan is p.
//
// With list buffers, the elements are read into the buffer of the
// slice's type, and the slice is made once at the end, of the length the
// array turned out to have: one allocation of the exact size rather than
// a slice that grows and keeps spare capacity. A list of the same type
// inside an element (a tree) finds the buffer taken and uses one of its
// own.
func (d *decoder) array(p *plan, v reflect.Value) {
	if !d.enter() {
		return
	}
	elem := p.elem
	size := elem.t.Size()
	// A string value pending in an element must be set before the
	// elements move; none can be unless one was read inside the list.
	strings := d.strings
	if d.lists == nil {
		n := d.elements(func(i int) {
			if !d.spend(size) {
				return
			}
			if i == v.Cap() {
				if d.strings > strings {
					d.flush() // the elements move
				}
				v.Grow(max(4, i)) // the elements alone: the header is v's own
			}
			v.SetLen(i + 1)
			d.value(elem, v.Index(i))
		})
		if n == 0 && d.err == nil {
			v.Set(reflect.MakeSlice(p.t, 0, 0))
		}
		d.depth--
		return
	}
	buf := d.lists.take(p)
	n := 0
	d.elements(func(i int) {
		if !d.spend(size) {
			return
		}
		if i == buf.Len() {
			if d.strings > strings {
				d.flush() // the elements move
			}
			buf = grow(buf, p.t)
		}
		n = i + 1
		d.value(elem, buf.Index(i))
	})
	switch {
	case n > 0:
		if d.strings > strings {
			d.flush() // the elements move
		}
		// Grow allocates the elements alone; the slice header is v's own.
		v.Grow(n)
		v.SetLen(n)
		reflect.Copy(v, buf) // the first n
		for i := range n {
			buf.Index(i).SetZero() // ready for the next list, holding nothing
		}
	case d.err == nil:
		v.Set(reflect.MakeSlice(p.t, 0, 0))
	}
	d.lists.give(p, buf)
	d.depth--
}

// elements reads the elements of an array, the opening bracket at d.pos,
// calling elem for each with its index and d.pos at the element, which
// elem must read, and returns how many there were. The index's step is on
// the path meanwhile.
func (d *decoder) elements(elem func(i int)) int {
	d.pos++ // [
	d.open()
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		d.close()
		return 0
	}
	for i := 0; ; i++ {
		d.steps = append(d.steps, step{index: i})
		elem(i)
		d.steps = d.steps[:len(d.steps)-1]
		if d.err != nil {
			return i + 1
		}
		d.space()
		if d.pos >= len(d.data) {
			d.fail("json.array.end")
			return i + 1
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case ']':
			d.pos++
			d.close()
			return i + 1
		default:
			d.fail("json.array.comma")
			return i + 1
		}
	}
}

func (d *decoder) enter() bool {
	d.depth++
	if d.depth > maxDepth {
		d.fail("json.depth", message.Int(maxDepth))
		return false
	}
	return true
}

// skip reads past one value, checking its syntax, and returns its kind.
func (d *decoder) skip() kind {
	d.space()
	d.note()
	return d.skipRest()
}

// skipRest is skip for a value whose position is noted already.
func (d *decoder) skipRest() kind {
	d.space()
	k, ok := d.peek()
	if !ok {
		if d.pos >= len(d.data) {
			d.fail("json.end")
		} else {
			d.fail("json.char", message.Text(quoteByte(d.data[d.pos])))
		}
		return 0
	}
	switch k {
	case kindObject:
		if d.enter() {
			d.members(func([]byte, int) { d.skip() })
			d.depth--
		}
	case kindArray:
		if d.enter() {
			d.elements(func(int) { d.skip() })
			d.depth--
		}
	case kindString:
		d.skipString()
	case kindNumber:
		d.number()
	case kindNull:
		d.literal("null")
	default:
		if d.data[d.pos] == 't' {
			d.literal("true")
		} else {
			d.literal("false")
		}
	}
	return k
}

func quoteByte(c byte) string {
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(rune(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

func (d *decoder) literal(word string) {
	if len(d.data)-d.pos < len(word) || string(d.data[d.pos:d.pos+len(word)]) != word {
		d.fail("json.literal", message.Text(word))
		return
	}
	d.pos += len(word)
}

// number moves past a number, checking its syntax.
func (d *decoder) number() {
	i, code := numberEnd(d.data, d.pos)
	d.pos = i
	if code != "" {
		d.fail(code)
	}
}

// NumberEnd returns the offset just past the JSON number that starts at
// b[i], or -1 when no well-formed JSON number starts there. It is for the
// leaf types that read their own JSON (see PrefixDecoder).
func NumberEnd(b []byte, i int) int {
	end, code := numberEnd(b, i)
	if code != "" {
		return -1
	}
	return end
}

// numberEnd returns the offset just past the JSON number at b[i], or the
// offset of its first malformed byte and the message code saying why.
func numberEnd(b []byte, i int) (int, string) {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
		if i < len(b) && b[i] >= '0' && b[i] <= '9' {
			return i, "json.number.leading_zero"
		}
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return i, "json.number.malformed"
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, "json.number.fraction"
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, "json.number.exponent"
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i, ""
}

// skipString moves past a string literal, checking escapes and UTF-8, and
// reports whether it holds an escape.
func (d *decoder) skipString() (escaped bool) {
	b := d.data
	i := d.pos + 1 // opening quote
	for i < len(b) {
		i = plainRun(b, i)
		if i == len(b) {
			break
		}
		c := b[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return escaped
		case c == '\\':
			escaped = true
			if i+1 >= len(b) {
				d.pos = i
				d.fail("json.string.unterminated")
				return
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) {
					d.pos = i
					d.fail("json.string.unicode")
					return
				}
				for _, h := range b[i+2 : i+6] {
					if !isHex(h) {
						d.pos = i
						d.fail("json.string.unicode")
						return
					}
				}
				i += 6
			default:
				d.pos = i
				d.fail("json.string.escape", message.Text(string(rune(b[i+1]))))
				return
			}
		case c < 0x20:
			d.pos = i
			d.fail("json.string.control")
			return
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				d.pos = i
				d.fail("json.string.utf8")
				return
			}
			i += size
		}
	}
	d.pos = i
	d.fail("json.string.unterminated")
	return
}

// str reads a string literal and returns its contents, unescaped: a part
// of the input when it holds no escape, else the decoder's scratch
// buffer, valid until the next call.
func (d *decoder) str() []byte {
	start := d.pos
	escaped := d.skipString()
	if d.err != nil {
		return nil
	}
	raw := d.data[start:d.pos]
	if !escaped {
		return raw[1 : len(raw)-1]
	}
	d.buf = appendUnescaped(d.buf[:0], raw)
	return d.buf
}

// pendingString is a string value read but not yet set: v is to hold
// strs[at:end] (see setString).
type pendingString struct {
	v       reflect.Value
	at, end int
}

// setString reads a string literal into v, a string. The contents are
// appended to d.strs and v is set at the next flush, to a part of one
// string made of all the contents read since the last: one allocation of
// just the strings' bytes for a stretch of the document, rather than one
// for each string or a copy of the document with its keys and spaces.
func (d *decoder) setString(v reflect.Value) {
	start := d.pos
	escaped := d.skipString()
	if d.err != nil {
		return
	}
	raw := d.data[start:d.pos]
	if len(raw) == 2 {
		v.SetString("")
		return
	}
	at := len(d.strs)
	if escaped {
		d.strs = appendUnescaped(d.strs, raw)
	} else {
		d.strs = append(d.strs, raw[1:len(raw)-1]...)
	}
	d.pending = append(d.pending, pendingString{v: v, at: at, end: len(d.strs)})
	d.strings++
}

// flush sets the pending string values. It must run before a value that
// may hold one is copied elsewhere (a list's elements into a new slice, a
// map's value into the map) and at the end of the document, so that
// every pending value is still where it was read.
func (d *decoder) flush() {
	if len(d.pending) == 0 {
		return
	}
	s := string(d.strs)
	for i := range d.pending {
		p := &d.pending[i]
		p.v.SetString(s[p.at:p.end])
		p.v = reflect.Value{} // the buffer keeps no pointer into the value
	}
	d.pending = d.pending[:0]
	d.strs = d.strs[:0]
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// unquote returns the contents of a checked string literal, quotes
// included in raw.
func unquote(raw []byte) string {
	return string(appendUnescaped(nil, raw))
}

// appendUnescaped appends the contents of a checked string literal (raw,
// quotes included) to b, as encoding/json reads them: a \u escape of a
// lone surrogate becomes U+FFFD.
func appendUnescaped(b, raw []byte) []byte {
	s := raw[1 : len(raw)-1]
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			j := i + 1
			for j < len(s) && s[j] != '\\' {
				j++
			}
			b = append(b, s[i:j]...)
			i = j
			continue
		}
		switch s[i+1] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(s[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if r2 := utf16.DecodeRune(r, hex4(s[i+2:i+6])); r2 != utf8.RuneError {
						b = utf8.AppendRune(b, r2)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // " \ /
			b = append(b, s[i+1])
		}
		i += 2
	}
	return b
}

func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// decimalError records a value that a decimal.Decimal or
// decimal.NullDecimal rejected.
func (d *decoder) decimalError(start int, k kind, raw []byte, err error) {
	if k != kindNumber && k != kindString {
		d.add(start, "", CodeType, message.New("json.type", message.Term("json.want.decimal"), k.term()))
		return
	}
	text := raw
	if k == kindString {
		text = []byte(unquote(raw))
	}
	if m, exp, ok := strings.Cut(strings.ToLower(string(text)), "e"); ok && numberSyntax(m, exp) {
		code := "json.decimal.large"
		if strings.HasPrefix(exp, "-") {
			code = "json.decimal.small"
		}
		d.add(start, "", CodeNumber, message.New(code, message.Text(short(text))))
		return
	}
	d.add(start, "", CodeNumber, message.New("json.decimal.syntax", message.Text(short(text))))
}

// leafError records an error returned by a leaf type's own decoding.
func (d *decoder) leafError(start int, err error) {
	extra := ""
	var fe FieldError
	for errors.As(err, &fe) {
		extra = fieldpath.Join(extra, fe.FieldName())
		err = fe.Unwrap()
	}
	code := CodeType
	var ee EnumError
	var ne *strconv.NumError
	switch {
	case errors.As(err, &ee):
		code = CodeEnum
	case errors.As(err, &ne):
		code = CodeNumber
	}
	if c, ok := err.(interface{ StrictCode() string }); ok {
		code = c.StrictCode()
	}
	msg, ok := err.(message.Error)
	if !ok {
		d.add(start, extra, code, message.Plain(strings.TrimPrefix(err.Error(), "json: ")))
		return
	}
	d.add(start, extra, code, msg.Message())
}

// shortLen is the most bytes of an offending value a message quotes.
const shortLen = 40

// short quotes v for a message, or only its first shortLen bytes (cut at
// a character boundary) and its length when it is longer, so that a
// megabyte-long value makes a message of a line, not of a megabyte.
func short(v []byte) string {
	if len(v) <= shortLen {
		return strconv.Quote(string(v))
	}
	cut := shortLen
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return strconv.Quote(string(v[:cut])) + fmt.Sprintf("… (%d bytes)", len(v))
}

// shortNumber is short for a number literal, which needs no quotes.
func shortNumber(raw []byte) string {
	if len(raw) <= shortLen {
		return string(raw)
	}
	return string(raw[:shortLen]) + fmt.Sprintf("… (%d bytes)", len(raw))
}

// nonZero reports whether the mantissa of a number literal has a digit
// other than 0.
func nonZero(raw []byte) bool {
	for _, c := range raw {
		switch {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

// numberSyntax reports whether mantissa and exponent (split at "e") are
// written as a decimal number: digits with an optional point and sign, and
// a whole exponent with an optional sign.
func numberSyntax(mantissa, exp string) bool {
	digits := func(s string, point bool) bool {
		s = strings.TrimLeft(s, "+-")
		n := 0
		for i := 0; i < len(s); i++ {
			switch {
			case s[i] >= '0' && s[i] <= '9':
				n++
			case s[i] == '.' && point:
				point = false
			default:
				return false
			}
		}
		return n > 0
	}
	return digits(mantissa, true) && digits(exp, false)
}
