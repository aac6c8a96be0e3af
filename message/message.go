package message

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// The supported languages.
var (
	// English is the default language and the language of Message.String.
	English = language.English
	// Indonesian is Bahasa Indonesia.
	Indonesian = language.Indonesian
)

// Supported returns the supported languages, English first.
func Supported() []language.Tag { return []language.Tag{English, Indonesian} }

// matcher picks a supported language; built once, never written.
var matcher = language.NewMatcher(Supported())

// lang is a supported language as an index into a catalogue entry.
type lang uint8

const (
	en lang = iota
	id
)

// Match returns the supported language closest to tag: Indonesian for
// "id", "id-ID" and other tags the matcher finds close to it, English
// for everything else, language.Und included.
func Match(tag language.Tag) language.Tag {
	if langOf(tag) == id {
		return Indonesian
	}
	return English
}

func langOf(tag language.Tag) lang {
	switch tag {
	case language.Und, English:
		return en
	case Indonesian:
		return id
	}
	_, i, c := matcher.Match(tag)
	if i == 1 && c >= language.High {
		return id
	}
	return en
}

// Arg is an argument of a Message. The kinds are Text, Int, Term, Count,
// And, Or and Message itself; each renders in the language of the
// template it is placed in.
type Arg interface {
	render(l lang) string
}

// Text is text shown as it is, in every language: a name or a value from
// a dossier, a code, a number already formatted.
type Text string

func (t Text) render(lang) string { return string(t) }

// Int is a whole number.
type Int int

func (n Int) render(lang) string { return strconv.Itoa(int(n)) }

// Term is the code of a catalogued term, such as "setting.beauty_clinic"
// or "auth.nie", rendered by its display name in the language. Enumeration
// values of the library have terms "<kind>.<spelling>" (see Enum).
type Term string

func (t Term) render(l lang) string {
	if e, ok := catalogue[string(t)]; ok {
		s := e[l]
		if i := strings.IndexByte(s, '|'); i >= 0 { // a noun with a plural
			s = s[:i]
		}
		return s
	}
	return string(t)
}

// Enum returns the Term of an enumeration value: kind "setting" and
// spelling "beauty_clinic" give Term "setting.beauty_clinic". When the
// catalogue has no such term, it renders as the spelling with spaces
// for underscores.
func Enum(kind, spelling string) Arg {
	code := kind + "." + spelling
	if _, ok := catalogue[code]; ok {
		return Term(code)
	}
	return Text(strings.ReplaceAll(spelling, "_", " "))
}

// Count is a number of things: N with the noun of term Noun, singular
// for one and plural otherwise where the language inflects ("1 study",
// "3 studies"; "3 studi").
type Count struct {
	N    int
	Noun string
}

func (c Count) render(l lang) string {
	s := c.Noun
	if e, ok := catalogue[c.Noun]; ok {
		s = e[l]
	}
	one, many, ok := strings.Cut(s, "|")
	if !ok {
		many = one
	}
	if c.N == 1 {
		return "1 " + one
	}
	return strconv.Itoa(c.N) + " " + many
}

// And is a list joined with "and" ("a, b and c"; "a, b dan c").
type And []Arg

func (a And) render(l lang) string { return join(a, l, [2]string{"and", "dan"}[l]) }

// Or is a list of alternatives, each joined with "or" ("a or b or c";
// "a atau b atau c").
type Or []Arg

func (a Or) render(l lang) string {
	parts := make([]string, len(a))
	for i, it := range a {
		parts[i] = it.render(l)
	}
	return strings.Join(parts, [2]string{" or ", " atau "}[l])
}

func join(items []Arg, l lang, conj string) string {
	if len(items) == 1 { // a plain text: nothing to join, nothing to copy
		return items[0].render(l)
	}
	var b strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString(" " + conj + " ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(it.render(l))
	}
	return b.String()
}

// Message is a text to show a person: a code from the catalogue and its
// arguments. The zero Message is empty and renders as "".
type Message struct {
	// Code names the template, such as "id.nie.missing". The empty code
	// with one Text argument is a plain text (see Plain).
	Code string
	// Args fill the template's placeholders {0}, {1}, … in order.
	Args Args
}

// New returns the message with the code and arguments.
func New(code string, args ...Arg) Message { return Message{Code: code, Args: args} }

// Plain returns a message that is the text s in every language. It is for
// text the catalogue cannot hold, such as the messages of a host's own
// rules.
func Plain(s string) Message {
	if s == "" {
		return Message{}
	}
	return Message{Args: []Arg{Text(s)}}
}

// IsZero reports whether m is empty.
func (m Message) IsZero() bool { return m.Code == "" && len(m.Args) == 0 }

// In renders the message in the supported language closest to tag (see
// Match). An unknown code renders as the code followed by its arguments,
// so that nothing is hidden.
func (m Message) In(tag language.Tag) string { return m.render(langOf(tag)) }

// String renders the message in English.
func (m Message) String() string { return m.render(en) }

func (m Message) render(l lang) string {
	if m.Code == "" {
		return join(m.Args, l, "")
	}
	e, ok := catalogue[m.Code]
	if !ok {
		parts := []string{m.Code}
		for _, a := range m.Args {
			parts = append(parts, a.render(l))
		}
		return strings.Join(parts, " ")
	}
	return fill(e[l], m.Args, l)
}

// fill replaces {0}, {1}, … in tmpl with the rendered arguments; a
// placeholder without an argument is left as it is.
func fill(tmpl string, args []Arg, l lang) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 24*len(args))
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		n, err := strconv.Atoi(tmpl[i+1 : i+j])
		b.WriteString(tmpl[:i])
		if err == nil && n >= 0 && n < len(args) {
			b.WriteString(args[n].render(l))
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
}

// MarshalJSON writes the message as structured data:
// {"code":"id.nie.missing","args":[…]}, the arguments as Args writes
// them. UnmarshalJSON reads it back.
func (m Message) MarshalJSON() ([]byte, error) { return appendMessage(nil, m), nil }

// UnmarshalJSON reads a message written by MarshalJSON.
func (m *Message) UnmarshalJSON(b []byte) error {
	var w struct {
		Code *string `json:"code"`
		Args Args    `json:"args"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.Code == nil {
		return errors.New("message: a message needs a \"code\"")
	}
	*m = Message{Code: *w.Code, Args: w.Args}
	return nil
}

// Args are the arguments of a Message, in the order of the template's
// placeholders.
//
// As JSON they are an array, each argument as a JSON string (Text),
// number (Int), {"term":…}, {"count":N,"noun":…}, {"and":[…]},
// {"or":[…]} or a nested message {"code":…,"args":[…]}. UnmarshalJSON
// reads that form back, so a message survives a round trip through JSON
// and renders the same afterwards.
type Args []Arg

// MarshalJSON writes the arguments as a JSON array.
func (a Args) MarshalJSON() ([]byte, error) { return appendArgs(nil, a), nil }

// UnmarshalJSON reads arguments written by MarshalJSON; any other form is
// an error.
func (a *Args) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	out := make(Args, len(raw))
	for i, r := range raw {
		v, err := argFromJSON(r)
		if err != nil {
			return fmt.Errorf("message: argument %d: %w", i, err)
		}
		out[i] = v
	}
	*a = out
	return nil
}

func argFromJSON(b json.RawMessage) (Arg, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, errors.New("empty argument")
	}
	switch b[0] {
	case '"':
		var s string
		err := json.Unmarshal(b, &s)
		return Text(s), err
	case '{':
	default:
		var n int
		if err := json.Unmarshal(b, &n); err != nil {
			return nil, fmt.Errorf("want a string, a whole number or an object, got %s", b)
		}
		return Int(n), nil
	}
	var o map[string]json.RawMessage
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, err
	}
	one := func(key string) (json.RawMessage, bool) {
		v, ok := o[key]
		return v, ok && len(o) == 1
	}
	if v, ok := one("term"); ok {
		var s string
		err := json.Unmarshal(v, &s)
		return Term(s), err
	}
	if v, ok := one("and"); ok {
		var l Args
		err := json.Unmarshal(v, &l)
		return And(l), err
	}
	if v, ok := one("or"); ok {
		var l Args
		err := json.Unmarshal(v, &l)
		return Or(l), err
	}
	if _, ok := o["count"]; ok && len(o) == 2 {
		var c struct {
			N    *int    `json:"count"`
			Noun *string `json:"noun"`
		}
		if err := json.Unmarshal(b, &c); err != nil || c.N == nil || c.Noun == nil {
			return nil, fmt.Errorf("a count needs \"count\" and \"noun\", got %s", b)
		}
		return Count{N: *c.N, Noun: *c.Noun}, nil
	}
	if _, ok := o["code"]; ok && (len(o) == 1 || len(o) == 2 && o["args"] != nil) {
		var m Message
		err := m.UnmarshalJSON(b)
		return m, err
	}
	return nil, fmt.Errorf("unknown kind of argument %s", b)
}

// The JSON form is written by appending to a byte slice rather than
// through maps and reflection: a check run writes it for every finding.

func appendMessage(b []byte, m Message) []byte {
	b = append(b, `{"code":`...)
	b = appendString(b, m.Code)
	if len(m.Args) > 0 {
		b = append(b, `,"args":`...)
		b = appendArgs(b, m.Args)
	}
	return append(b, '}')
}

func appendArgs(b []byte, args []Arg) []byte {
	b = append(b, '[')
	for i, a := range args {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendArg(b, a)
	}
	return append(b, ']')
}

func appendArg(b []byte, a Arg) []byte {
	switch v := a.(type) {
	case Text:
		return appendString(b, string(v))
	case Int:
		return strconv.AppendInt(b, int64(v), 10)
	case Term:
		b = append(b, `{"term":`...)
		return append(appendString(b, string(v)), '}')
	case Count:
		b = append(b, `{"count":`...)
		b = strconv.AppendInt(b, int64(v.N), 10)
		b = append(b, `,"noun":`...)
		return append(appendString(b, v.Noun), '}')
	case And:
		b = append(b, `{"and":`...)
		return append(appendArgs(b, v), '}')
	case Or:
		b = append(b, `{"or":`...)
		return append(appendArgs(b, v), '}')
	case Message:
		return appendMessage(b, v)
	}
	// Arg has unexported methods: no other kind exists.
	return appendString(b, a.render(en))
}

// appendString writes s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// Uncatalogued lists what of m the catalogue does not hold: the codes of
// m and of the messages among its arguments, and the terms and nouns
// among them, each once, in order of appearance; a plain text (Plain)
// lists as "plain: " and its text. It is empty when m renders fully in
// every supported language. Tests of the shipped rules call it.
func (m Message) Uncatalogued() []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	var walk func(a Arg)
	walk = func(a Arg) {
		switch v := a.(type) {
		case Message:
			if v.Code == "" {
				if len(v.Args) > 0 {
					add("plain: " + v.render(en))
				}
				return
			}
			if !Known(v.Code) {
				add(v.Code)
			}
			for _, x := range v.Args {
				walk(x)
			}
		case Term:
			if !Known(string(v)) {
				add(string(v))
			}
		case Count:
			if !Known(v.Noun) {
				add(v.Noun)
			}
		case And:
			for _, x := range v {
				walk(x)
			}
		case Or:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(m)
	return out
}

// Render renders one argument alone in the supported language closest to
// tag: a Term by its display name, a Count with its noun, a list joined
// in the language.
func Render(a Arg, tag language.Tag) string { return a.render(langOf(tag)) }

// Name returns the display name of an enumeration value in the supported
// language closest to tag: Name("verdict", "prohibited", id) is
// "dilarang". A value without a term shows its spelling with spaces for
// underscores.
func Name(kind, spelling string, tag language.Tag) string {
	return Enum(kind, spelling).render(langOf(tag))
}

// Error is an error whose text is a catalogued Message, so that it can be
// shown in any supported language. The errors of the library's value
// types (an unknown unit or spelling, a date that does not exist, a
// malformed quantity) implement it; their Error method is the English
// rendering of Message.
type Error interface {
	error
	Message() Message
}

// Of returns the message of err: its Message when err implements Error,
// else err's text as it is (Plain); nil gives the zero Message. Errors wrapped inside err are not
// searched, since the words around them would be lost.
func Of(err error) Message {
	if err == nil {
		return Message{}
	}
	if e, ok := err.(Error); ok {
		return e.Message()
	}
	return Plain(err.Error())
}

// Err returns m as an error: Error is m in English, and Message gives m
// back, so that the error can be shown in any supported language.
func (m Message) Err() error { return textError{m} }

type textError struct{ m Message }

func (e textError) Error() string    { return e.m.String() }
func (e textError) Message() Message { return e.m }
