package main

import (
	"strconv"
	"unicode/utf8"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// appendDossierJSON appends a dossier's entry of the check/v1 output to b:
// the bytes json.Marshal(dossierJSON(c, t)) gives, written straight from
// the dossier's outcome instead of through the entry's types and
// reflection. The types in format_json.go stay the format's definition
// (its JSON Schema is made from them), and the tests hold the two equal
// over every bundled dossier, case and flag.
func appendDossierJSON(b []byte, c *checked, t threshold) []byte {
	b = append(b, `{"source":`...)
	b = appendJSONString(b, c.src.name())
	if c.line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(c.line), 10)
	}
	if p := c.product(); p != "" {
		b = append(b, `,"product":`...)
		b = appendJSONString(b, p)
	}
	b = append(b, `,"status":`...)
	b = appendJSONString(b, string(c.status(t)))
	if c.ioErr != nil {
		if e := c.ioErr.Error(); e != "" {
			b = append(b, `,"error":`...)
			b = appendJSONString(b, e)
		}
	}
	b = append(b, `,"problems":[`...)
	for i := range c.problems {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendProblemJSON(b, &c.problems[i])
	}
	b = append(b, `],"jurisdictions":[`...)
	if c.report == nil {
		return append(b, "]}"...)
	}
	for i := range c.report.Jurisdictions {
		if i > 0 {
			b = append(b, ',')
		}
		j := &c.report.Jurisdictions[i]
		b = append(b, `{"jurisdiction":`...)
		b = appendJSONString(b, j.Jurisdiction)
		b = append(b, `,"name":`...)
		b = appendJSONString(b, j.Name)
		b = append(b, `,"classification":`...)
		b = appendJSONString(b, j.Classification)
		b = append(b, `,"uses":[`...)
		for k := range j.Uses {
			if k > 0 {
				b = append(b, ',')
			}
			u := &j.Uses[k]
			b = append(b, `{"index":`...)
			b = strconv.AppendInt(b, int64(u.Index), 10)
			b = append(b, `,"class":`...)
			b = appendJSONString(b, u.Class.String())
			b = append(b, `,"verdict":`...)
			b = appendJSONString(b, u.Verdict.String())
			if len(u.Missing) > 0 {
				b = append(b, `,"missing":`...)
				b = appendJSONStrings(b, u.Missing)
			}
			b = append(b, `,"rules":`...)
			b = appendJSONStrings(b, u.Rules)
			if len(u.InvalidPaths) > 0 {
				b = append(b, `,"invalid_paths":`...)
				b = appendJSONStrings(b, u.InvalidPaths)
				if u.AsRead != u.Verdict {
					if s := u.AsRead.String(); s != "" {
						b = append(b, `,"as_read":`...)
						b = appendJSONString(b, s)
					}
				}
			}
			b = append(b, '}')
		}
		b = append(b, `],"findings":[`...)
		first := true
		for k := range c.findings {
			f := &c.findings[k]
			if f.Jurisdiction != j.Jurisdiction {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendFindingJSON(b, f)
		}
		b = append(b, "]}"...)
	}
	b = append(b, ']')
	if len(c.report.Unassessed) > 0 {
		b = append(b, `,"unassessed":[`...)
		for i, n := range c.report.Unassessed {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ']')
	}
	if len(c.gaps) > 0 {
		b = append(b, `,"gaps":[`...)
		for i := range c.gaps {
			if i > 0 {
				b = append(b, ',')
			}
			g := &c.gaps[i]
			b = append(b, `{"rule":`...)
			b = appendJSONString(b, g.rule())
			b = append(b, `,"use":`...)
			b = strconv.AppendInt(b, int64(g.Use), 10)
			b = append(b, `,"jurisdiction":`...)
			b = appendJSONString(b, g.Jurisdiction)
			b = append(b, `,"severity":`...)
			b = appendJSONString(b, g.severity(t).String())
			b = append(b, `,"path":`...)
			b = appendJSONString(b, g.Path)
			b = appendLineColumn(b, g.Line, g.Column)
			b = append(b, `,"message":`...)
			b = appendJSONString(b, g.Message)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendProblemJSON appends a problem as jsonProblem.
func appendProblemJSON(b []byte, p *secretome.Problem) []byte {
	b = append(b, `{"path":`...)
	b = appendJSONString(b, p.Path)
	b = append(b, `,"code":`...)
	b = appendJSONString(b, string(p.Code))
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, p.Severity.String())
	b = append(b, `,"message":`...)
	b = appendJSONString(b, p.Message)
	b = appendLineColumn(b, p.Line, p.Column)
	return append(b, '}')
}

// appendFindingJSON appends a finding as jsonFinding.
func appendFindingJSON(b []byte, f *located) []byte {
	b = append(b, `{"rule":`...)
	b = appendJSONString(b, f.RuleID)
	b = append(b, `,"jurisdiction":`...)
	b = appendJSONString(b, f.Jurisdiction)
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, f.Severity.String())
	b = append(b, `,"path":`...)
	b = appendJSONString(b, f.Path)
	b = appendLineColumn(b, f.Line, f.Column)
	if f.Use != nil {
		b = append(b, `,"use":`...)
		b = strconv.AppendInt(b, int64(*f.Use), 10)
	}
	b = append(b, `,"message":`...)
	b = appendJSONString(b, f.Text())
	if f.Message.Code != "" {
		b = append(b, `,"message_code":`...)
		b = appendJSONString(b, f.Message.Code)
	}
	if len(f.Message.Args) > 0 {
		b = append(b, `,"message_args":`...)
		b = appendJSONArgs(b, f.Message.Args)
	}
	cited := f.Cited()
	cit := &cited
	b = append(b, `,"citation":{"instrument":`...)
	b = appendJSONString(b, cit.Instrument)
	b = appendOptString(b, `,"number":`, cit.Number)
	b = appendOptString(b, `,"article":`, cit.Article)
	b = appendOptString(b, `,"url":`, cit.URL)
	b = appendOptDate(b, `,"effective_from":`, cit.EffectiveFrom)
	b = appendOptDate(b, `,"effective_to":`, cit.EffectiveTo)
	b = appendOptDate(b, `,"checked_on":`, cit.CheckedOn)
	b = append(b, `},"provenance":`...)
	b = appendJSONString(b, f.Provenance.String())
	if len(f.InvalidPaths) > 0 {
		b = append(b, `,"invalid_paths":`...)
		b = appendJSONStrings(b, f.InvalidPaths)
	}
	if w := f.Waiver; w != nil {
		b = append(b, `,"waiver":{"id":`...)
		b = appendJSONString(b, w.ID)
		b = append(b, `,"reason":`...)
		b = appendJSONString(b, w.Reason)
		b = append(b, `,"approved_by":`...)
		b = appendJSONString(b, w.ApprovedBy)
		b = appendOptDate(b, `,"expires":`, w.Expires)
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendLineColumn appends the line and column fields, each left out
// when zero.
func appendLineColumn(b []byte, line, col int) []byte {
	if line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(line), 10)
	}
	if col != 0 {
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(col), 10)
	}
	return b
}

// appendOptString appends the field named by key (",\"name\":") unless s
// is empty, as omitempty does.
func appendOptString(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(append(b, key...), s)
}

// appendOptDate appends a date field in its text form (YYYY-MM-DD), left
// out for the zero date, whose text is empty.
func appendOptDate(b []byte, key string, d secretome.Date) []byte {
	if d.IsZero() {
		return b
	}
	b = append(b, key...)
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 99 {
		// Outside the text form's range: as Date.String writes it.
		return appendJSONString(b, d.String())
	}
	y, m := d.Year, int(d.Month)
	return append(b, '"', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d.Day/10), byte('0'+d.Day%10), '"')
}

// appendJSONStrings appends a list of strings; nil is the empty list, as
// the output always writes lists that are not left out.
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONArgs appends a message's arguments as encoding/json writes
// them: their own JSON form (message.Args.MarshalJSON), with <, > and &
// and the line and paragraph separators escaped, as encoding/json
// escapes the output of a json.Marshaler. Each kind of argument is
// written here; a kind this writer does not know is written through its
// own MarshalJSON.
func appendJSONArgs(b []byte, args message.Args) []byte {
	b = append(b, '[')
	for i, a := range args {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONArg(b, a)
	}
	return append(b, ']')
}

func appendJSONArg(b []byte, a message.Arg) []byte {
	switch v := a.(type) {
	case message.Text:
		return appendQuoted(b, string(v), false)
	case message.Int:
		return strconv.AppendInt(b, int64(v), 10)
	case message.Term:
		b = append(b, `{"term":`...)
		return append(appendQuoted(b, string(v), false), '}')
	case message.Count:
		b = append(b, `{"count":`...)
		b = strconv.AppendInt(b, int64(v.N), 10)
		b = append(b, `,"noun":`...)
		return append(appendQuoted(b, v.Noun, false), '}')
	case message.And:
		b = append(b, `{"and":`...)
		return append(appendJSONArgs(b, message.Args(v)), '}')
	case message.Or:
		b = append(b, `{"or":`...)
		return append(appendJSONArgs(b, message.Args(v)), '}')
	case message.Message:
		b = append(b, `{"code":`...)
		b = appendQuoted(b, v.Code, false)
		if len(v.Args) > 0 {
			b = append(b, `,"args":`...)
			b = appendJSONArgs(b, v.Args)
		}
		return append(b, '}')
	}
	raw, _ := message.Args{a}.MarshalJSON() // never fails
	return appendEscapedJSON(b, raw[1:len(raw)-1])
}

// appendEscapedJSON appends JSON text, escaping <, > and & and the line
// and paragraph separators as encoding/json does in a json.Marshaler's
// output.
func appendEscapedJSON(b, raw []byte) []byte {
	start := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '<' || c == '>' || c == '&':
			b = append(b, raw[start:i]...)
			b = append(b, '\\', 'u', '0', '0', hexDigit[c>>4], hexDigit[c&0xf])
			start = i + 1
		case c == 0xe2 && i+2 < len(raw) && raw[i+1] == 0x80 && raw[i+2]&^1 == 0xa8:
			b = append(b, raw[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigit[raw[i+2]&0xf])
			i += 2
			start = i + 1
		}
	}
	return append(b, raw[start:]...)
}

const hexDigit = "0123456789abcdef"

// jsonSafe marks the ASCII bytes encoding/json writes as they are in a
// string: printable, and none of the quote, the backslash and <, >, &
// (which it escapes for HTML).
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it (with its HTML escaping): quote and backslash escaped, the
// control characters as \b, \f, \n, \r, \t or \u00XX, <, > and & as
// \u003c, \u003e and \u0026, the line and paragraph separators as \u2028
// and \u2029, and invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte { return appendQuoted(b, s, true) }

// appendQuoted appends s as a JSON string as appendJSONString does, but
// for \b and \f, which it writes as \u0008 and \u000c unless short is
// set: the form package message gives them in a message's arguments,
// which encoding/json leaves as they are.
func appendQuoted(b []byte, s string, short bool) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Skip 8 bytes at a time while none needs escaping (see
		// plainWord).
		for i+8 <= len(s) && plainWord(s[i:i+8]) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch {
			case c == '\\' || c == '"':
				b = append(b, '\\', c)
			case c == '\b' && short:
				b = append(b, '\\', 'b')
			case c == '\f' && short:
				b = append(b, '\\', 'f')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigit[c>>4], hexDigit[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigit[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainWord reports whether the 8 bytes of w are all written as they are
// (see jsonSafe), testing them at once: none has the high bit set
// (non-ASCII), is below 0x20, or is one of ", &, <, > and \.
func plainWord(w string) bool {
	_ = w[7]
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// (v-ones)&^v has the high bit set in some byte exactly when some
	// byte of v is zero. " (0x22) and & (0x26) differ in one bit, as do
	// < (0x3c) and > (0x3e): masking that bit tests both at once.
	q := (x ^ 0x22*ones) &^ (0x04 * ones)
	a := (x ^ 0x3c*ones) &^ (0x02 * ones)
	e := x ^ 0x5c*ones
	bad := x | (x-0x20*ones)&^x | (q-ones)&^q | (a-ones)&^a | (e-ones)&^e
	return bad&highs == 0
}
