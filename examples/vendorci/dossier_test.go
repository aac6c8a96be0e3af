package main

// This file is what a maker puts in its own repository, next to its
// dossiers: an ordinary Go test that fails, naming rule, field and
// reason, as soon as a dossier breaks a shipped rule of a market it
// serves. It runs with go test; no extra tool is needed in CI.

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

func TestDossiersMeetRegulations(t *testing.T) {
	// The markets served, and the day whose rules apply. Pin the day so
	// that a rule coming into force does not break an old commit; move it
	// on deliberately.
	assessor, err := regulation.NewAssessor(regulation.Shipped(), regulation.Options{
		Jurisdictions: []string{"ID", regulation.Baseline},
		AsOf:          secretome.MustParseDate("2026-11-01"),
	})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "dossiers", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dossiers found (%v)", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d, err := regulation.DecodeDossier(data)
			if err != nil {
				// Every problem at once, each with its field path and line.
				t.Fatalf("%s does not decode:\n%v", file, err)
			}
			rep, err := assessor.Assess(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range rep.Findings() {
				if f.Severity == secretome.SeverityError {
					t.Errorf("%s: %s at %s: %s (%s %s)", f.Jurisdiction, f.RuleID, f.Path, f.Text(),
						f.Citation.Number, f.Citation.Article)
				}
			}
		})
	}
}
