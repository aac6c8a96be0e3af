package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
)

// Exit codes. They are part of the command's interface.
const (
	exitOK       = 0 // every dossier passed
	exitFindings = 1 // findings or decode problems at or above --fail-on
	exitUsage    = 2 // bad usage, or an input that could not be read
)

// env is what a command may touch of the outside world, so that tests can
// run commands in-process with their own streams.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// getenv reads an environment variable (NO_COLOR).
	getenv func(string) string
	// lang is the language of the messages, from the command's --lang
	// flag (English by default); run finds it before the flags are parsed,
	// so that the flag package's own mistakes and help are in it too.
	lang language.Tag
	// limit moves the collector's soft memory limit with the dossiers in
	// flight (see memoryLimit); nil leaves it as it is, as tests run.
	limit *memoryLimit
}

func main() {
	tuneGC(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	e := &env{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		limit: newMemoryLimit(os.Getenv)}
	code := run(e, os.Args[1:])
	stop()
	os.Exit(code)
}

// tuneGC sets the collector for a command-line run. A check run allocates
// much and keeps little: the live heap stays at a few megabytes however
// many small dossiers pass through, and collecting less often (GOGC=400)
// takes a third off the time of a large run. The soft memory limit sits
// above what the dossiers in flight may take together (runBudget) with
// room for the collector, so that it caps the heap without making the
// collector run over and over while a large dossier is checked, as a
// limit below the live heap would; during a check, memoryLimit lowers it
// to what the dossiers in flight need. GOGC and GOMEMLIMIT, when set, win.
// It returns a function that restores the previous settings.
func tuneGC(getenv func(string) string) (restore func()) {
	gc, limit := -2, int64(-1)
	if getenv("GOGC") == "" {
		gc = debug.SetGCPercent(400)
	}
	if getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(gcMemoryLimit)
	}
	return func() {
		if gc != -2 {
			debug.SetGCPercent(gc)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// gcMemoryLimit is the soft memory limit of a run: the budget of
// the dossiers in flight, and room for the collector.
const gcMemoryLimit = runBudget + 64<<20

// usageError is a mistake in the command line; it exits with exitUsage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// langError is an error whose problems can be shown in a language (a
// *policy.FileError among them), after a prefix that names the flag.
type langError struct {
	prefix string
	err    error
	tag    language.Tag
}

func (e *langError) Error() string { return e.prefix + errorIn(e.err, e.tag) }

// errorIn renders err in the language tag: a *policy.FileError's
// problems, each of errors joined by errors.Join on its own line, an
// error of the message catalogue in the language, any other as it is.
func errorIn(err error, tag language.Tag) string {
	if fe, ok := err.(*policy.FileError); ok {
		return fe.In(tag)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var en, in []string
		for _, e := range j.Unwrap() {
			en = append(en, e.Error())
			in = append(in, errorIn(e, tag))
		}
		if strings.Join(en, "\n") == err.Error() { // errors joined, as errors.Join does
			return strings.Join(in, "\n")
		}
	}
	return message.Of(err).In(tag)
}

func (e *langError) Unwrap() error { return e.err }

// flagValueError is a usage error about the value of the flag name, whose
// parser returned err; both are in the language tag.
func flagValueError(tag language.Tag, name string, err error) error {
	return usageIn(tag, "cli.flag.value", message.Text("--"+name), message.Of(err))
}

// usageIn is a usage error with a message of the catalogue, in the
// language tag.
func usageIn(tag language.Tag, code string, args ...message.Arg) error {
	return &usageError{message.New(code, args...).In(tag)}
}

// langArg returns the language of the last --lang flag among a command's
// arguments (English without one), read before the flags are parsed so
// that the flag package's own mistakes and the help are in it. Nothing
// after "--" is a flag.
func langArg(args []string) (language.Tag, error) {
	tag := message.English
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(a, "=")
		if name != "-lang" && name != "--lang" {
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				break // the flag package reports the missing value
			}
			i++
			value = args[i]
		}
		t, err := language.Parse(value)
		if err != nil {
			return tag, usagef("--lang: %q is not a language tag (use en or id)", value)
		}
		tag = message.Match(t)
	}
	return tag, nil
}

// run executes one command line and returns the exit code.
func run(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, message.New("cli.usage").String())
		return exitUsage
	}
	lang, err := langArg(args[1:])
	if err != nil {
		fmt.Fprintf(e.stderr, "secretome %s: %v\n", args[0], err)
		return exitUsage
	}
	e.lang = lang
	code := exitOK
	switch args[0] {
	case "check":
		code, err = runCheck(e, args[1:])
	case "grade":
		code, err = runGrade(e, args[1:])
	case "verify":
		code, err = runVerify(e, args[1:])
	case "meta":
		code, err = runMeta(e, args[1:])
	case "fhir":
		code, err = runFhir(e, args[1:])
	case "rules":
		err = runRules(e, args[1:])
	case "schema":
		err = runSchema(e, args[1:])
	case "version":
		err = runVersion(e, args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, e.say("cli.usage"))
		return exitOK
	default:
		fmt.Fprintf(e.stderr, "secretome: %s\n\n%s", e.say("cli.unknown_command", message.Text(strconv.Quote(args[0]))), e.say("cli.usage"))
		return exitUsage
	}
	if err == nil {
		return code
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	// Usage errors, unreadable output and interruption all exit 2: the
	// run did not complete, so its verdict cannot be trusted.
	if errors.Is(err, context.Canceled) {
		err = errors.New("interrupted; the output is incomplete")
	}
	fmt.Fprintf(e.stderr, "secretome %s: %v\n", args[0], err)
	return exitUsage
}

// newFlagSet returns a flag set that does not exit and prints nothing
// itself: parseFlags reports a mistake once, as a usage error, and prints
// the help asked for with -h on standard output, where it can be paged.
func newFlagSet(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	// run has read it already (see langArg); it is defined for the help
	// and so that parsing accepts it.
	fs.String("lang", "en", e.say("cli.flag.lang"))
	fs.Usage = func() {
		fmt.Fprint(e.stdout, e.say("cli.flag.usage", message.Text(name), message.Text(synopsis)))
		printDefaults(e.stdout, fs, e.lang)
	}
	return fs
}

// parseFlags parses args and returns the arguments that are not flags,
// turning flag errors into usage errors. Flags may come after the paths
// ("secretome check dossiers/ --format json"), as people type them; the
// flag package alone would stop at the first path and take "--format"
// and "json" for two more. "-" (standard input) is an argument, and
// everything after "--" is one too.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	// The flag package calls Usage on every mistake as well as for -h;
	// only -h gets the help.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	// Mistakes are told in the language of the command line; a --lang
	// that does not parse was reported before.
	lang, _ := langArg(args)
	set, restore := watch(fs)
	defer restore()
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				restore()
				usage()
				return nil, err
			}
			return nil, flagError(fs, err, set, lang)
		}
		left := fs.Args()
		if k := len(args) - len(left); k > 0 && args[k-1] == "--" {
			// Parse stopped at "--": all that follows is arguments.
			return append(rest, left...), nil
		}
		i := 0
		for i < len(left) && (left[i] == "-" || !strings.HasPrefix(left[i], "-")) {
			i++
		}
		rest = append(rest, left[:i]...)
		switch {
		case i == len(left):
			return rest, nil
		case left[i] == "--":
			return append(rest, left[i+1:]...), nil
		}
		args = left[i:]
	}
}

// listFlag collects a repeatable, comma-separated flag such as
// --jurisdiction US,EU --jurisdiction ID.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds the codes of one use of the flag. A use that names no code
// ("", ",") is an error rather than nothing: in CI it is most often an
// unset variable, and silently checking every jurisdiction instead would
// hide that.
func (l *listFlag) Set(s string) error {
	n := 0
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, strings.ToUpper(part))
			n++
		}
	}
	if n == 0 {
		return message.New("cli.flag.no_jurisdiction", message.Text(strings.Join(regulation.Shipped().Jurisdictions(), ", "))).Err()
	}
	return nil
}

// pathsFlag collects a repeatable flag naming files or folders.
type pathsFlag []string

func (l *pathsFlag) String() string { return strings.Join(*l, ",") }

// Set adds one path; an empty one is an error (most often an unset
// variable in CI).
func (l *pathsFlag) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return message.New("cli.flag.no_path").Err()
	}
	*l = append(*l, s)
	return nil
}

// loadRules returns the shipped rules with the house rules of the policy
// folders, and the policies. The problems of a policy file are in the
// language tag.
func loadRules(tag language.Tag, dirs []string) (*regulation.RuleSet, *policy.Policies, error) {
	var sets []*policy.Policies
	for _, dir := range dirs {
		p, err := policy.LoadDir(dir)
		if err != nil {
			return nil, nil, &langError{prefix: "--policy " + dir + ": ", err: err, tag: tag}
		}
		sets = append(sets, p)
	}
	ps := policy.Join(sets...)
	rules, err := ps.RuleSet(regulation.Shipped())
	if err != nil {
		return nil, nil, fmt.Errorf("--policy: %w", err)
	}
	return rules, ps, nil
}

// choiceFlag is a flag whose value must be one of a fixed list.
type choiceFlag struct {
	value   string
	allowed []string
	set     bool // the flag was given
}

func (c *choiceFlag) String() string { return c.value }

func (c *choiceFlag) Set(s string) error {
	for _, a := range c.allowed {
		if s == a {
			c.value, c.set = s, true
			return nil
		}
	}
	return message.New("cli.flag.one_of", message.Text(strings.Join(c.allowed, ", "))).Err()
}
