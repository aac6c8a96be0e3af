// Package strictjson decodes JSON documents into Go values strictly and
// reports every problem with the field path where it lies.
//
// Decoding reads the document once, from its first byte to its last: one
// pass checks the syntax (UTF-8 included), matches object keys to fields
// exactly (case-sensitively, unknown fields and repeated keys rejected),
// checks the type of every value and decodes it into its Go value, keeping
// every digit of a number for the types that hold them. Problems with
// values are collected and decoding goes on, so that a person can fix all
// of them at once, each with a path such as composition[2].quantity.unit;
// a syntax error ends the pass and is then the only problem reported.
//
// A value with a problem is left at its zero value (a pointer to it nil,
// not a pointer to a zero value), and its Issue's Path names it, so that a
// caller can go on with what the document says elsewhere and knows which
// values it could not read; an unknown field's value is not read at all,
// and a repeated field keeps its first value. Issue.Fatal tells the
// problems after which the value is not the document's. The
// path of the value being read is held as a stack of steps and rendered,
// and lines and columns are counted, only for the problems there are.
//
// A Decoder works out how to decode a Go type once (its fields, the plans
// of its elements) and can then be used by any number of goroutines; the
// package-level Decode works it out on each call.
//
// Leaf types (quantities, enums, dates) implement json.Unmarshaler or
// encoding.TextUnmarshaler and return plain errors; the decoder adds the
// path. An error that implements FieldError extends the path into the
// leaf's own fields; one that implements message.Error gives the issue its
// catalogued text.
//
// Every issue's text is a message code with typed arguments (Issue.Text),
// made only when there is a problem to report; Issue.Message is its
// English rendering.
package strictjson

import "github.com/openregen/secretomekit/message"

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
	// DefaultMaxBytes. The values a document decodes to may take at most
	// ValueBytesPerByte times as much memory in lists, maps and pointers.
	MaxBytes int64
	// MaxIssues is the most problems listed for one document; 0 means
	// DefaultMaxIssues. Past it, one more issue (CodeTooLarge) says how
	// many were found but not listed, so that a document of a million
	// mistakes costs no more memory than one of a thousand.
	MaxIssues int
}

// DefaultMaxIssues bounds the problems listed for one document when
// Options.MaxIssues is 0.
const DefaultMaxIssues = 1000

// ValueBytesPerByte bounds the memory the decoded values of a document
// may take, in list elements, map entries and pointed-to values, as a
// multiple of the largest document accepted (Options.MaxBytes): 32 MiB
// for the default 8 MiB. A list of empty objects ("[{},{},...]") would
// otherwise take a hundred times its text or more.
const ValueBytesPerByte = 4

// Issue is one problem found while decoding.
type Issue struct {
	// Path is the field path of the offending value ("" for the document).
	Path string
	// Code is one of the Code constants.
	Code string
	// Message explains the problem in English: Text rendered.
	Message string
	// Text is the problem's message as a code of the message catalogue
	// with typed arguments, which renders in any supported language. A
	// leaf type's error that is not a message.Error is a plain text.
	Text message.Message
	// Offset is the byte offset in the input where the value starts, or -1.
	Offset int64
	// Line is the 1-based line of Offset; 0 when Offset is -1.
	Line int
	// Column is the 1-based column of Offset, counted in characters; 0
	// when Offset is -1.
	Column int
}

// Fatal reports whether the issue leaves the decoded value short of the
// document: a syntax error or trailing data (the reading stopped or the
// document is not one value), a document or values too large, or
// problems found but not listed (their paths are unknown). After issues
// none of which is fatal, every value the document holds was read except
// those at the issues' paths, which are left at their zero values.
func (is *Issue) Fatal() bool {
	switch is.Code {
	case CodeSyntax, CodeTrailing, CodeTooLarge:
		return true
	}
	return false
}

// FieldError is implemented by errors from a leaf type's UnmarshalJSON that
// concern one of the leaf's own fields, such as the unit of a quantity. The
// decoder appends FieldName to the path and reports Unwrap's message.
type FieldError interface {
	error
	FieldName() string
	Unwrap() error
}

// PrefixDecoder is implemented by leaf types, beside json.Unmarshaler,
// that can read their value straight from the document, in the one pass
// over its bytes, when it has a plain form. DecodeJSONPrefix is given the
// document from the value's first byte on. When it reads the value it
// sets the receiver, returns the number of bytes the value takes and
// true; the value must then be exactly what UnmarshalJSON would decode
// from those bytes, and those bytes one well-formed JSON value. Otherwise
// it returns false and leaves the receiver unchanged, and the decoder
// skips the value and calls UnmarshalJSON, which reports any problem.
type PrefixDecoder interface {
	DecodeJSONPrefix(data []byte) (n int, ok bool)
}

// EnumError is implemented by errors from a leaf type that reject an
// unknown spelling; the decoder reports them with CodeEnum.
type EnumError interface {
	error
	EnumError() bool
}

// IsUTF16 reports whether data looks like UTF-16 text: a UTF-16 byte
// order mark, or a zero byte beside each of the first two ASCII
// characters. Such a document is named as UTF-16 rather than reported as
// a syntax error at its first byte.
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
