// Package strictjson decodes JSON documents into Go values strictly and
// reports every problem with the field path where it lies.
//
// Decoding takes two passes only when it must. The fast pass is
// encoding/json with unknown fields disallowed, followed by a check for
// trailing data. When that pass fails, or when the document is not the kind
// of value the target expects, a second pass reads the document into a tree
// that remembers offsets and walks it beside the target's type. That pass
// finds every unknown field, every value of the wrong type and every value a
// leaf type rejects, each with a path such as composition[2].quantity.unit,
// so that a person can fix all of them at once.
//
// Leaf types (quantities, enums, dates) implement json.Unmarshaler or
// encoding.TextUnmarshaler and return plain errors; the decoder adds the
// path. An error that implements FieldError extends the path into the
// leaf's own fields.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/shopspring/decimal"
)

// Problem codes, spelled as the secretome package spells them.
const (
	CodeSyntax       = "syntax"
	CodeUnknownField = "field.unknown"
	CodeType         = "type"
	CodeNumber       = "number"
	CodeEnum         = "enum"
	CodeTrailing     = "trailing"
	CodeTooLarge     = "size"
	CodeDuplicate    = "duplicate"
)

// DefaultMaxBytes bounds the size of one document when Options.MaxBytes is 0.
const DefaultMaxBytes = 8 << 20

// Options configures Decode. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest document accepted, in bytes; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
}

// Issue is one problem found while decoding.
type Issue struct {
	// Path is the field path of the offending value ("" for the document).
	Path string
	// Code is one of the Code constants.
	Code string
	// Message explains the problem.
	Message string
	// Offset is the byte offset in the input where the value starts, or -1.
	Offset int64
	// Line is the 1-based line of Offset; 0 when Offset is -1.
	Line int
	// Column is the 1-based column of Offset, counted in characters; 0
	// when Offset is -1.
	Column int
}

// FieldError is implemented by errors from a leaf type's UnmarshalJSON that
// concern one of the leaf's own fields, such as the unit of a quantity. The
// decoder appends FieldName to the path and reports Unwrap's message.
type FieldError interface {
	error
	FieldName() string
	Unwrap() error
}

// EnumError is implemented by errors from a leaf type that reject an
// unknown spelling; the decoder reports them with CodeEnum.
type EnumError interface {
	error
	EnumError() bool
}

// Decode decodes data into v, which must be a non-nil pointer, and returns
// every problem it finds, sorted by offset. A nil result means success.
func Decode(data []byte, v any, opt Options) []Issue {
	issues := decode(data, v, opt)
	placeIssues(data, issues)
	return issues
}

// placeIssues sets the Line and Column of every issue with an offset, in
// one pass over the text however many issues there are.
func placeIssues(data []byte, issues []Issue) {
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

func decode(data []byte, v any, opt Options) []Issue {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if int64(len(data)) > max {
		return []Issue{{Code: CodeTooLarge, Offset: -1,
			Message: fmt.Sprintf("document is %d bytes; the limit is %d", len(data), max)}}
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	if IsUTF16(data) {
		return []Issue{{Code: CodeSyntax, Offset: 0, Message: "the document is UTF-16 text; save it as UTF-8"}}
	}
	// encoding/json replaces invalid UTF-8 with U+FFFD without a word;
	// such documents take the exact pass, which rejects it.
	if shapeMatches(data, rv.Type().Elem()) && utf8.Valid(data) && !suspectKeys(data) && fastDecode(data, v) == nil {
		return nil
	}
	root, serr := parseTree(data)
	if serr != nil {
		code := CodeSyntax
		if root != nil {
			code = CodeTrailing
		}
		return []Issue{{Path: serr.path, Code: code, Message: serr.msg, Offset: int64(serr.offset)}}
	}
	rv.Elem().SetZero()
	w := walker{data: data}
	if root.kind == kindNull {
		w.add("", CodeType, root, "expected %s, got null", describe(rv.Elem().Type()))
		return w.issues
	}
	w.value(root, rv.Elem(), "")
	if len(w.issues) == 0 {
		// The fast pass failed for a reason the walk does not model.
		// Report that reason rather than claim success.
		if err := fastDecode(data, v); err != nil {
			return []Issue{{Code: CodeType, Message: err.Error(), Offset: -1}}
		}
	}
	return w.issues
}

// shapeMatches reports whether the document's first byte fits the target
// kind; encoding/json silently accepts null for anything, which strict
// decoding must not.
func shapeMatches(data []byte, t reflect.Type) bool {
	i := 0
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	if i == len(data) {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		return data[i] == '{'
	case reflect.Slice:
		return data[i] == '['
	}
	return data[i] != 'n'
}

func fastDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the document")
	}
	return nil
}

type walker struct {
	data   []byte
	issues []Issue
}

func (w *walker) add(path, code string, n *node, format string, args ...any) {
	off := int64(-1)
	if n != nil {
		off = int64(n.start)
	}
	w.issues = append(w.issues, Issue{Path: path, Code: code, Message: fmt.Sprintf(format, args...), Offset: off})
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (w *walker) raw(n *node) []byte { return w.data[n.start:n.end] }

// value decodes node n into the settable value v, recording issues.
func (w *walker) value(n *node, v reflect.Value, path string) {
	t := v.Type()
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		u := v.Addr().Interface().(json.Unmarshaler)
		if err := u.UnmarshalJSON(w.raw(n)); err != nil {
			if t == decimalType || t == nullDecimalType {
				w.decimalError(path, n, err)
				return
			}
			w.leafError(path, n, err)
		}
		return
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) && t.Kind() != reflect.Pointer {
		if n.kind == kindNull {
			return
		}
		if n.kind != kindString {
			w.add(path, CodeType, n, "expected a string, got %s", n.kind)
			return
		}
		s, _ := strconv.Unquote(string(w.raw(n)))
		u := v.Addr().Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText([]byte(s)); err != nil {
			w.leafError(path, n, err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if n.kind == kindNull {
			return
		}
		e := reflect.New(t.Elem())
		w.value(n, e.Elem(), path)
		v.Set(e)
	case reflect.Struct:
		w.object(n, v, path)
	case reflect.Slice:
		if n.kind == kindNull {
			return
		}
		if n.kind != kindArray {
			w.add(path, CodeType, n, "expected an array, got %s", n.kind)
			return
		}
		s := reflect.MakeSlice(t, len(n.elems), len(n.elems))
		for i, e := range n.elems {
			w.value(e, s.Index(i), path+"["+strconv.Itoa(i)+"]")
		}
		v.Set(s)
	case reflect.Map:
		if n.kind == kindNull {
			return
		}
		if n.kind != kindObject || t.Key().Kind() != reflect.String {
			w.add(path, CodeType, n, "expected an object, got %s", n.kind)
			return
		}
		m := reflect.MakeMapWithSize(t, len(n.fields))
		seen := make(map[string]bool, len(n.fields))
		for _, f := range n.fields {
			p := fieldpath.Join(path, fieldpath.KeyStep(f.key))
			if seen[f.key] {
				w.add(p, CodeDuplicate, f.val, "key %q appears more than once", f.key)
				continue
			}
			seen[f.key] = true
			e := reflect.New(t.Elem()).Elem()
			w.value(f.val, e, p)
			m.SetMapIndex(reflect.ValueOf(f.key).Convert(t.Key()), e)
		}
		v.Set(m)
	case reflect.String:
		if n.kind == kindNull {
			return
		}
		if n.kind != kindString {
			w.add(path, CodeType, n, "expected a string, got %s", n.kind)
			return
		}
		s, err := strconv.Unquote(string(w.raw(n)))
		if err != nil {
			// JSON escapes that Go's unquoting rejects (\/): fall back to encoding/json.
			_ = json.Unmarshal(w.raw(n), &s)
		}
		v.SetString(s)
	case reflect.Bool:
		if n.kind == kindNull {
			return
		}
		if n.kind != kindBool {
			w.add(path, CodeType, n, "expected true or false, got %s", n.kind)
			return
		}
		v.SetBool(w.data[n.start] == 't')
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !w.isNumber(n, path) {
			return
		}
		i, err := strconv.ParseInt(string(w.raw(n)), 10, t.Bits())
		if err != nil {
			w.add(path, CodeNumber, n, "%s is not a whole number in range", w.raw(n))
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !w.isNumber(n, path) {
			return
		}
		i, err := strconv.ParseUint(string(w.raw(n)), 10, t.Bits())
		if err != nil {
			w.add(path, CodeNumber, n, "%s is not a non-negative whole number in range", w.raw(n))
			return
		}
		v.SetUint(i)
	case reflect.Float32, reflect.Float64:
		if !w.isNumber(n, path) {
			return
		}
		f, err := strconv.ParseFloat(string(w.raw(n)), t.Bits())
		if err != nil {
			w.add(path, CodeNumber, n, "%s is out of range", w.raw(n))
			return
		}
		v.SetFloat(f)
	case reflect.Interface:
		var x any
		if err := json.Unmarshal(w.raw(n), &x); err != nil {
			w.add(path, CodeType, n, "%v", err)
			return
		}
		if x != nil {
			v.Set(reflect.ValueOf(x))
		}
	default:
		w.add(path, CodeType, n, "cannot decode into %s", t)
	}
}

func (w *walker) isNumber(n *node, path string) bool {
	if n.kind == kindNull {
		return false
	}
	if n.kind != kindNumber {
		w.add(path, CodeType, n, "expected a number, got %s", n.kind)
		return false
	}
	return true
}

// The exact number types of the module. Their errors are plain strings,
// so the decoder recognises the types to report a malformed number as
// CodeNumber, like every other number, with a message of its own.
var (
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
)

// decimalError records a value that a decimal.Decimal or
// decimal.NullDecimal rejected.
func (w *walker) decimalError(path string, n *node, err error) {
	if n.kind != kindNumber && n.kind != kindString {
		w.add(path, CodeType, n, "expected a decimal number (such as 1250.5 or \"1250.5\"), got %s", n.kind)
		return
	}
	text := w.raw(n)
	if n.kind == kindString {
		if u, uerr := strconv.Unquote(string(text)); uerr == nil {
			text = []byte(u)
		}
	}
	if strings.Contains(err.Error(), "exponent") {
		w.add(path, CodeNumber, n, "%q is out of range: its exponent is too large", text)
		return
	}
	w.add(path, CodeNumber, n, "%q is not a decimal number (want digits with an optional point and exponent, such as 1250.5 or 1.2e9)", text)
}

// leafError records an error returned by a leaf type's own decoding.
func (w *walker) leafError(path string, n *node, err error) {
	var fe FieldError
	for errors.As(err, &fe) {
		path = fieldpath.Join(path, fe.FieldName())
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
	w.add(path, code, n, "%s", strings.TrimPrefix(err.Error(), "json: "))
}

func (w *walker) object(n *node, v reflect.Value, path string) {
	if n.kind == kindNull {
		return
	}
	if n.kind != kindObject {
		w.add(path, CodeType, n, "expected an object, got %s", n.kind)
		return
	}
	fields := fieldsOf(v.Type())
	seen := make(map[int]bool, len(n.fields))
	for _, m := range n.fields {
		p := fieldpath.Join(path, fieldpath.KeyStep(m.key))
		fi, ok := fields.byName[m.key]
		if !ok {
			// Names match exactly: encoding/json's case-insensitive match
			// would let "ID" stand for "id" without a word.
			hint := fields.suggest(m.key)
			if f, folded := fields.byFold[strings.ToLower(m.key)]; folded {
				hint = fmt.Sprintf(" (field names are case-sensitive: did you mean %q?)", fields.list[f].name)
			}
			w.issues = append(w.issues, Issue{Path: p, Code: CodeUnknownField, Offset: int64(m.keyPos),
				Message: fmt.Sprintf("unknown field %q%s", m.key, hint)})
			continue
		}
		if seen[fi] {
			w.add(p, CodeDuplicate, m.val, "field %q appears more than once", m.key)
			continue
		}
		seen[fi] = true
		w.value(m.val, fieldByIndex(v, fields.list[fi].index), p)
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

type fieldInfo struct {
	name  string
	index []int
}

type structFields struct {
	list   []fieldInfo
	byName map[string]int
	byFold map[string]int
}

// suggest names the known field closest to an unknown key, when one is
// close enough to be a likely typo.
func (s *structFields) suggest(key string) string {
	best, bestD := "", 3
	for _, f := range s.list {
		if d := distance(strings.ToLower(key), strings.ToLower(f.name)); d < bestD && 2*d <= len(key) {
			best, bestD = f.name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
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

// fieldsOf lists the JSON fields of a struct type. It is computed afresh on
// each use: the walk runs only for documents that failed the fast pass, and
// a package-level cache would be shared mutable state.
func fieldsOf(t reflect.Type) *structFields {
	s := &structFields{byName: map[string]int{}, byFold: map[string]int{}}
	collectFields(t, nil, s)
	return s
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

// describe names the JSON form a Go type expects, for messages.
func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "a value"
}

// IsUTF16 reports whether data looks like UTF-16 text: a UTF-16 byte
// order mark, or a zero byte beside each of the first ASCII characters.
func IsUTF16(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		return true
	}
	if len(data) < 4 {
		return false
	}
	// "{\x00\"\x00" (little-endian) or "\x00{\x00\"" (big-endian).
	le := data[1] == 0 && data[3] == 0 && data[0] != 0 && data[2] != 0
	be := data[0] == 0 && data[2] == 0 && data[1] != 0 && data[3] != 0
	return le || be
}
