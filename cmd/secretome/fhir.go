package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/fhir"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

const fhirUsage = `Usage:

	secretome fhir export [flags] DOSSIER  write the dossier as a FHIR R5 Bundle on standard output
	secretome fhir import [flags] BUNDLE   write the dossier a FHIR R5 Bundle holds on standard output

Flags: --lang id writes the messages in Bahasa Indonesia; export --as-of DATE adds how
the shipped rules in force on DATE class the product in each jurisdiction
(legalStatusOfSupply); import --units ucum writes units as UCUM codes. Import checks
such classifications, and the GRADE certainty of Evidence, against what the dossier
gives.

DOSSIER is a JSON or YAML file, BUNDLE a JSON file; - reads standard input.
Dossier fields FHIR R5 has no element for are named on standard error and
carried in an extension, so that import restores them.
`

// runFhir runs "secretome fhir export|import".
func runFhir(e *env, args []string) (int, error) {
	if len(args) == 0 {
		return exitUsage, usageIn(e.lang, "cli.fhir.no_subcommand", message.Text(fhirUsage))
	}
	switch args[0] {
	case "export":
		return runFhirExport(e, args[1:])
	case "import":
		return runFhirImport(e, args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, fhirUsage)
		return exitOK, nil
	}
	return exitUsage, usageIn(e.lang, "cli.fhir.unknown_subcommand", message.Text(strconv.Quote(args[0])), message.Text(fhirUsage))
}

// readOne reads the single input a fhir subcommand takes.
func readOne(e *env, paths []string, what string) (string, []byte, error) {
	if len(paths) != 1 {
		return "", nil, usageIn(e.lang, "cli.fhir.one_file", message.Text(what))
	}
	src := source{path: paths[0], syntax: syntaxOf(paths[0], false)}
	var (
		text []byte
		prob *secretome.Problem
		err  error
	)
	if src.path == "-" {
		text, prob, err = readBounded(e.stdin)
	} else {
		text, prob, err = readFile(src.path)
	}
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", src.name(), err)
	}
	if prob != nil {
		return "", nil, fmt.Errorf("%s: %s", src.name(), prob.In(e.lang))
	}
	return src.name(), text, nil
}

// writeProblems lists decoding and validation problems on standard error,
// in the language lang.
func writeProblems(w io.Writer, name string, ps []secretome.Problem, lang language.Tag) {
	for _, p := range ps {
		fmt.Fprintf(w, "%s:%d: %s %s [%s] %s\n", name, p.Line, message.Name("severity", p.Severity.String(), lang), p.Path, p.Code, p.In(lang))
	}
}

func runFhirExport(e *env, args []string) (int, error) {
	fs := newFlagSet(e, "fhir export", "[flags] DOSSIER")
	asOfText := fs.String("as-of", "", e.say("cli.flag.fhir.as_of"))
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	lang := e.lang
	var asOf secretome.Date
	if *asOfText != "" {
		if asOf, err = secretome.ParseDate(*asOfText); err != nil {
			return exitUsage, flagValueError(lang, "as-of", err)
		}
	}
	name, text, err := readOne(e, paths, "dossier")
	if err != nil {
		return exitUsage, err
	}
	dec := decode(text, syntaxOf(paths[0], false), 0)
	if dec.dossier == nil {
		writeProblems(e.stderr, name, dec.problems, lang)
		fmt.Fprintf(e.stderr, "secretome fhir export: %s\n", message.New("cli.fhir.invalid", message.Text(name)).In(lang))
		return exitFindings, nil
	}
	var opts fhir.Options
	if !asOf.IsZero() {
		if opts.Assessment, err = regulation.Assess(dec.dossier, regulation.Options{AsOf: asOf}); err != nil {
			return exitUsage, err
		}
	}
	res, err := fhir.ExportWith(dec.dossier, opts)
	if err != nil {
		return exitUsage, err
	}
	if _, err := e.stdout.Write(res.Bundle); err != nil {
		return exitUsage, err
	}
	if len(res.Carried) > 0 {
		fmt.Fprintf(e.stderr, "secretome fhir export: %s:\n", message.New("cli.fhir.carried",
			message.Count{N: len(res.Carried), Noun: "noun.field"}, message.Text(fhir.ExtensionDossierField)).In(lang))
		for _, c := range res.Carried {
			fmt.Fprintf(e.stderr, "\t%s\n", c)
		}
	}
	if len(res.Uncoded) > 0 {
		fmt.Fprintf(e.stderr, "secretome fhir export: %s:\n", message.New("cli.fhir.uncoded",
			message.Count{N: len(res.Uncoded), Noun: "noun.field"}).In(lang))
		for _, c := range res.Uncoded {
			fmt.Fprintf(e.stderr, "\t%s\n", c)
		}
	}
	return exitOK, nil
}

func runFhirImport(e *env, args []string) (int, error) {
	fs := newFlagSet(e, "fhir import", "[flags] BUNDLE")
	units := &choiceFlag{value: "symbol", allowed: []string{"symbol", "ucum"}}
	fs.Var(units, "units", e.say("cli.flag.fhir.units"))
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	lang := e.lang
	name, text, err := readOne(e, paths, "Bundle")
	if err != nil {
		return exitUsage, err
	}
	d, err := fhir.Import(text)
	code := exitOK
	if err != nil {
		writeProblems(e.stderr, name, problemsOf(err), lang)
		if d == nil {
			fmt.Fprintf(e.stderr, "secretome fhir import: %s\n", message.New("cli.fhir.unreadable", message.Text(name)).In(lang))
			return exitFindings, nil
		}
		code = exitFindings
	}
	out, err := json.Marshal(d)
	if err != nil {
		return exitUsage, err
	}
	if units.value == "ucum" {
		if out, err = secretome.UCUMJSON(out); err != nil {
			return exitUsage, err
		}
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, out, "", "  "); err != nil {
		return exitUsage, err
	}
	buf.WriteByte('\n')
	_, err = e.stdout.Write(buf.Bytes())
	return code, err
}
