// Command researcher appraises the evidence behind a secretome product:
// it loads the studies of a dossier, levels and grades them per
// indication and outcome, pools comparable effects with two
// random-effects models side by side, and draws a forest plot of each
// pooled outcome.
//
//	go run ./examples/researcher -svg /tmp/plots examples/dossiers/bmmsc-ev-knee.json
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/regulation"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "researcher:", err)
		os.Exit(1)
	}
}

// run appraises the studies of one dossier and writes the summary to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("researcher", flag.ContinueOnError)
	fs.SetOutput(w)
	svgDir := fs.String("svg", "", "write forest plots into `DIR`")
	outcome := fs.String("outcome", "", "appraise only this `outcome`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("name one dossier file")
	}

	// Load: the studies are part of the dossier; decoding validates them.
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		return err
	}
	if len(d.Studies) == 0 {
		return fmt.Errorf("%s cites no studies", fs.Arg(0))
	}
	if *svgDir != "" {
		if err := os.MkdirAll(*svgDir, 0o755); err != nil {
			return err
		}
	}

	// Appraise: CEBM levels and GRADE certainty, per indication and outcome.
	sum := evidence.Summarize(d.Studies, evidence.Question{Outcome: *outcome})
	for _, row := range sum.Rows {
		fmt.Fprintf(w, "%s, %s: %s, best CEBM level %d, GRADE %s\n",
			row.Indication, row.Outcome, studies(len(row.Studies)), row.BestLevel, row.Assessment.Certainty.Display())
		for _, r := range row.Assessment.Reasons() {
			fmt.Fprintf(w, "  %s\n", r)
		}
		if row.Pooled == nil {
			continue
		}

		// Pool: the same effects under REML and under DerSimonian-Laird
		// with the Knapp-Hartung adjustment, to see how much the choice
		// of model matters with few studies.
		effects, err := rowEffects(d.Studies, row)
		if err != nil {
			return err
		}
		for _, opt := range []evidence.PoolOptions{
			{Method: evidence.MethodREML},
			{Method: evidence.MethodDL, HartungKnapp: true},
		} {
			res, err := evidence.Pool(effects, opt)
			if err != nil {
				return err
			}
			est, ci, _ := res.BackTransform()
			fmt.Fprintf(w, "  pooled %s, %s%s: %.2f (95%% CI %.2f to %.2f), I² %.0f%%, tau² %.3f\n",
				res.Measure, res.Method, knha(res.HartungKnapp), est, ci.Lower, ci.Upper, res.I2, res.Tau2)
		}

		// Plot: the forest plot of the row's own pooled result.
		if *svgDir != "" {
			name := filepath.Join(*svgDir, slug(row.Indication+"-"+row.Outcome)+".svg")
			f, err := os.Create(name)
			if err != nil {
				return err
			}
			err = evidence.WriteForestSVG(f, effects, *row.Pooled, evidence.ForestOptions{
				Title: row.Outcome, FavoursLeft: "Favours product", FavoursRight: "Favours control"})
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  forest plot: %s\n", filepath.Base(name))
		}
	}
	return nil
}

// rowEffects returns the effects of the studies a row pooled, in the
// order of its weights, each labelled with its study ID.
func rowEffects(studies []evidence.Study, row evidence.SummaryRow) ([]evidence.Effect, error) {
	byID := map[string]*evidence.Study{}
	for i := range studies {
		byID[studies[i].ID] = &studies[i]
	}
	var out []evidence.Effect
	for _, id := range row.Assessment.EstimateStudies {
		s := byID[id]
		for i := range s.Outcomes {
			o := &s.Outcomes[i]
			if !strings.EqualFold(strings.TrimSpace(o.Name), row.Outcome) {
				continue
			}
			e, err := o.Effect(row.Pooled.Measure)
			if err != nil {
				return nil, fmt.Errorf("study %s: %w", id, err)
			}
			e.Label = id
			out = append(out, e)
			break
		}
	}
	return out, nil
}

func studies(n int) string {
	if n == 1 {
		return "1 study"
	}
	return fmt.Sprintf("%d studies", n)
}

func knha(on bool) string {
	if on {
		return " with Knapp-Hartung"
	}
	return ""
}

func slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' {
			return r
		}
		return '-'
	}, s)
}
