// Command hospital is a hospital's intake of a secretome product. It
// imports the maker's dossier, assesses it for the hospital's
// jurisdiction on a given day, and decides for each intended use there:
// accept, accept once the missing conditions are met, refuse, or refer to
// regulatory affairs when the law is not settled. A dossier that does not
// decode or validate goes back to the maker with every problem listed.
//
//	go run ./examples/hospital -jurisdiction ID -as-of 2026-11-01 examples/dossiers/ucmsc-wound-gel.json
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "hospital:", err)
		os.Exit(1)
	}
}

// run reads one dossier and writes the intake decision to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("hospital", flag.ContinueOnError)
	fs.SetOutput(w)
	juris := fs.String("jurisdiction", "ID", "the hospital's jurisdiction `code`")
	asOfText := fs.String("as-of", "", "decide under the rules in force on `DATE` (default: today)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	*juris = strings.ToUpper(*juris)
	if fs.NArg() != 1 {
		return fmt.Errorf("name one dossier file")
	}
	asOf := secretome.DateOf(time.Now())
	if *asOfText != "" {
		d, err := secretome.ParseDate(*asOfText)
		if err != nil {
			return err
		}
		asOf = d
	}

	// 1. Import: strict decoding and validation, every problem at once.
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		ve, ok := secretome.AsValidationError(err)
		if !ok {
			return err
		}
		fmt.Fprintf(w, "RETURN TO MAKER: the dossier has %d errors\n", ve.Count(secretome.SeverityError))
		for _, p := range ve.Problems {
			// Decoding problems carry their line; validation problems
			// have only their field path.
			where := p.Path
			if p.Line > 0 {
				where += fmt.Sprintf(" (line %d)", p.Line)
			}
			fmt.Fprintf(w, "  %s %s: %s\n", p.Severity, where, p.Message)
		}
		return nil
	}

	// 2. Assess for the hospital's jurisdiction and the quality baseline.
	a, err := regulation.NewAssessor(regulation.Shipped(), regulation.Options{
		Jurisdictions: []string{*juris, regulation.Baseline}, AsOf: asOf})
	if err != nil {
		return err
	}
	rep, err := a.Assess(context.Background(), d)
	if err != nil {
		return err
	}

	// 3. Decide per intended use.
	jr := rep.Jurisdiction(*juris)
	fmt.Fprintf(w, "%s (%s), assessed for %s as of %s\n", d.Product.Name, rep.Product, jr.Name, asOf)
	if jr.Classification != "" {
		fmt.Fprintf(w, "classification: %s\n", jr.Classification)
	}
	if len(jr.Uses) == 0 {
		fmt.Fprintf(w, "the dossier declares no use in %s\n", *juris)
	}
	for _, u := range jr.Uses {
		use := d.Uses[u.Index]
		fmt.Fprintf(w, "use %d (%s, %s): %s\n", u.Index, u.Class, orNone(use.Facility), decision(u))
		for _, f := range jr.Findings {
			if f.Use != nil && *f.Use == u.Index && f.Severity >= secretome.SeverityWarning {
				fmt.Fprintf(w, "  %s %s: %s [%s]\n", f.Severity, f.RuleID, f.Text(), f.Citation.Number)
			}
		}
	}

	// 4. Quality checks to settle before the first patient.
	if q := rep.Jurisdiction(regulation.Baseline); q != nil {
		for _, f := range q.Findings {
			if f.Severity >= secretome.SeverityWarning {
				fmt.Fprintf(w, "quality: %s %s: %s\n", f.Severity, f.RuleID, f.Text())
			}
		}
	}
	return nil
}

// decision turns a verdict into what the intake does.
func decision(u regulation.UseAssessment) string {
	switch u.Verdict {
	case regulation.VerdictPermitted:
		return "ACCEPT"
	case regulation.VerdictPermittedWithConditions:
		return "ACCEPT ONCE MET: " + strings.Join(u.Missing, "; ")
	case regulation.VerdictProhibited:
		return "REFUSE"
	}
	return "REFER to regulatory affairs (the rules do not settle this use)"
}

func orNone(s string) string {
	if s == "" {
		return "no facility named"
	}
	return s
}
