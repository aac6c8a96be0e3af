// Command vendorci is the regulatory gate of a secretome maker's
// continuous integration, written with the library instead of the
// secretome command: it checks every dossier in the given folders for the
// markets the maker serves and fails when any dossier is invalid or has an
// error finding.
//
// In a repository the same gate is one line of CI configuration,
//
//	secretome check --jurisdiction ID --format github dossiers/
//
// or a Go test beside the dossiers (see dossier_test.go in this folder),
// which is what most Go shops will want: it runs with go test and needs no
// extra tool.
//
//	go run ./examples/vendorci -jurisdiction ID examples/vendorci/testdata/dossiers
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "vendorci:", err)
		os.Exit(1)
	}
}

// errFailed reports that at least one dossier did not pass.
var errFailed = errors.New("some dossiers did not pass")

// run checks the dossiers under the given folders and writes one line per
// dossier, plus the reasons for each failure.
func run(w io.Writer, args []string) error {
	fl := flag.NewFlagSet("vendorci", flag.ContinueOnError)
	fl.SetOutput(w)
	juris := fl.String("jurisdiction", "ID", "comma-separated jurisdiction `codes` the maker serves")
	asOfText := fl.String("as-of", "", "use the rules in force on `DATE` (default: today)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	asOf := secretome.DateOf(time.Now())
	if *asOfText != "" {
		d, err := secretome.ParseDate(*asOfText)
		if err != nil {
			return err
		}
		asOf = d
	}
	codes := append(strings.Split(*juris, ","), regulation.Baseline)
	// Prepare the rules once; the assessor is safe to share.
	a, err := regulation.NewAssessor(regulation.Shipped(), regulation.Options{Jurisdictions: codes, AsOf: asOf})
	if err != nil {
		return err
	}
	if fl.NArg() == 0 {
		return fmt.Errorf("name the folders that hold the dossiers")
	}
	var files []string
	for _, root := range fl.Args() {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == ".json" {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	if len(files) == 0 {
		return fmt.Errorf("no dossiers (*.json) found in %s", strings.Join(fl.Args(), ", "))
	}
	failed := 0
	for _, file := range files {
		reasons, err := check(a, file)
		if err != nil {
			return err
		}
		if len(reasons) == 0 {
			fmt.Fprintf(w, "PASS %s\n", file)
			continue
		}
		failed++
		fmt.Fprintf(w, "FAIL %s\n", file)
		for _, r := range reasons {
			fmt.Fprintf(w, "  %s\n", r)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d", errFailed, failed, len(files))
	}
	return nil
}

// check returns why a dossier fails: its decoding and validation errors,
// or its error findings. An error means the file could not be read.
func check(a *regulation.Assessor, file string) ([]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		ve, ok := secretome.AsValidationError(err)
		if !ok {
			return nil, err
		}
		var out []string
		for _, p := range ve.Problems {
			if p.Severity != secretome.SeverityError {
				continue
			}
			// A problem carries its line when the decoder could place
			// it; the field path is always there.
			if p.Line > 0 {
				out = append(out, fmt.Sprintf("line %d: %s: %s [%s]", p.Line, p.Path, p.Message, p.Code))
			} else {
				out = append(out, fmt.Sprintf("%s: %s [%s]", p.Path, p.Message, p.Code))
			}
		}
		return out, nil
	}
	rep, err := a.Assess(context.Background(), d)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range rep.Findings() {
		if f.Severity == secretome.SeverityError {
			cite := f.Citation.Number
			if cite == "" {
				cite = f.Citation.Instrument
			}
			out = append(out, fmt.Sprintf("%s %s: %s (%s)", f.RuleID, f.Path, f.Text(), cite))
		}
	}
	return out, nil
}
