package main

import (
	"flag"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
)

// say renders a message of the catalogue in the language of the command
// line (--lang).
func (e *env) say(code string, args ...message.Arg) string {
	return message.New(code, args...).In(e.lang)
}

// printDefaults writes the flags of fs as the flag package's
// PrintDefaults does, word for word in English, with "(default …)" in
// the language lang. The help texts themselves come from the message
// catalogue when the flags are defined (env.say).
func printDefaults(w io.Writer, fs *flag.FlagSet, lang language.Tag) {
	fs.VisitAll(func(f *flag.Flag) {
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", f.Name)
		name, usage := flag.UnquoteUsage(f)
		if len(name) > 0 {
			b.WriteString(" ")
			b.WriteString(name)
		}
		// A one-letter boolean flag keeps its help on its line.
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if !zeroDefault(f) {
			def := f.DefValue
			if reflect.TypeOf(f.Value).String() == "*flag.stringValue" {
				def = strconv.Quote(def)
			}
			b.WriteString(message.New("cli.flag.default", message.Text(def)).In(lang))
		}
		fmt.Fprint(w, b.String(), "\n")
	})
}

// zeroDefault reports whether the flag's default is its type's zero
// value, which the help does not show; a Value whose String panics on its
// zero value counts as having a default.
func zeroDefault(f *flag.Flag) (zero bool) {
	typ := reflect.TypeOf(f.Value)
	var z reflect.Value
	if typ.Kind() == reflect.Pointer {
		z = reflect.New(typ.Elem())
	} else {
		z = reflect.Zero(typ)
	}
	defer func() {
		if recover() != nil {
			zero = false
		}
	}()
	return f.DefValue == z.Interface().(flag.Value).String()
}

// setFailure is the value a flag's Set rejected, and why.
type setFailure struct {
	name, value string
	err         error
}

// watched is a flag's Value that notes the value its Set rejects, so
// that the mistake can be told in the language of the command line: the
// flag package keeps only the English text of the error.
type watched struct {
	flag.Value
	name string
	last *setFailure
}

func (w *watched) Set(s string) error {
	err := w.Value.Set(s)
	if err != nil {
		*w.last = setFailure{name: w.name, value: s, err: err}
	}
	return err
}

// watchedBool is watched for a boolean flag, which takes no value.
type watchedBool struct{ watched }

func (w *watchedBool) IsBoolFlag() bool { return true }

// watch wraps every flag of fs while it is parsed, and returns the
// failure it notes and a function that puts the flags back.
func watch(fs *flag.FlagSet) (*setFailure, func()) {
	last := &setFailure{}
	var restore []func()
	fs.VisitAll(func(f *flag.Flag) {
		orig := f.Value
		w := watched{Value: orig, name: f.Name, last: last}
		if b, ok := orig.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			f.Value = &watchedBool{w}
		} else {
			f.Value = &w
		}
		restore = append(restore, func() { f.Value = orig })
	})
	return last, func() {
		for _, r := range restore {
			r()
		}
	}
}

// setError is the message of an error a flag's Set returned: the flag
// package's own for its number and boolean flags, or the error's.
func setError(err error) message.Message {
	switch err.Error() {
	case "parse error":
		return message.New("cli.flag.parse")
	case "value out of range":
		return message.New("cli.flag.range")
	}
	return message.Of(err)
}

// flagError tells a mistake the flag package found in the language lang,
// with the hint to run -h. The flag package's errors have fixed forms;
// one it does not make in these forms is shown as it is.
func flagError(fs *flag.FlagSet, err error, set *setFailure, lang language.Tag) error {
	text := err.Error()
	var msg message.Message
	switch {
	case set.err != nil && strings.HasPrefix(text, "invalid boolean value "):
		why := setError(set.err)
		if set.err.Error() == "parse error" {
			why = message.New("cli.flag.want_bool")
		}
		msg = message.New("cli.flag.bool", message.Text(strconv.Quote(set.value)), message.Text(set.name), why)
	case set.err != nil && strings.HasPrefix(text, "invalid value "):
		msg = message.New("cli.flag.invalid", message.Text(strconv.Quote(set.value)), message.Text(set.name), setError(set.err))
	case strings.HasPrefix(text, "flag provided but not defined: -"):
		msg = message.New("cli.flag.undefined", message.Text(strings.TrimPrefix(text, "flag provided but not defined: -")))
	case strings.HasPrefix(text, "flag needs an argument: -"):
		msg = message.New("cli.flag.argument", message.Text(strings.TrimPrefix(text, "flag needs an argument: -")))
	case strings.HasPrefix(text, "bad flag syntax: "):
		msg = message.New("cli.flag.syntax", message.Text(strings.TrimPrefix(text, "bad flag syntax: ")))
	default:
		msg = message.Plain(text)
	}
	return usageIn(lang, "cli.flag.error", msg, message.Text(fs.Name()))
}
