package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// rulesDiffSchemaVersion names the JSON output format of rules diff.
const rulesDiffSchemaVersion = "secretomekit/rules-diff/v1"

// rulesDiffOutput is the JSON output of "secretome rules diff".
type rulesDiffOutput struct {
	Schema   string                  `json:"schema"`
	From     string                  `json:"from"`
	To       string                  `json:"to"`
	Changes  []regulation.RuleChange `json:"changes"`
	Dossiers []rulesDiffDossier      `json:"dossiers"`
}

// rulesDiffDossier is what changes for one dossier.
type rulesDiffDossier struct {
	Source  string `json:"source"`
	Product string `json:"product"`
	regulation.ReportDiff
}

// runRulesDiff lists the rules that start or end between two days and,
// for each dossier named, the verdicts and findings that change.
func runRulesDiff(e *env, args []string) error {
	fs := newFlagSet(e, "rules diff", "--from DATE --to DATE [flags] [DOSSIER...]")
	fromText := fs.String("from", "", "the first `DATE` (YYYY-MM-DD)")
	toText := fs.String("to", "", "the second `DATE` (YYYY-MM-DD; default: today)")
	var juris listFlag
	fs.Var(&juris, "jurisdiction", "only these jurisdiction `codes` (comma-separated or repeated)")
	var policyDirs pathsFlag
	fs.Var(&policyDirs, "policy", "add the house rules of the policy files in `DIR` (repeatable)")
	format := &choiceFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", "output `format`: text or json")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *fromText == "" {
		return usagef("--from is required")
	}
	from, err := secretome.ParseDate(*fromText)
	if err != nil {
		return usagef("--from: %v", err)
	}
	to := secretome.DateOf(time.Now())
	if *toText != "" {
		if to, err = secretome.ParseDate(*toText); err != nil {
			return usagef("--to: %v", err)
		}
	}
	if to.Before(from) {
		return usagef("--from %s is after --to %s", from, to)
	}
	set, _, err := loadRules(e.lang, policyDirs)
	if err != nil {
		return err
	}
	if len(juris) > 0 {
		for _, every := range []string{regulation.Baseline, regulation.House} {
			if slices.Contains(set.Jurisdictions(), every) && !slices.Contains(juris, every) {
				juris = append(juris, every)
			}
		}
		if set, err = set.Select(juris...); err != nil {
			return usagef("--jurisdiction: %v", err)
		}
	}
	changes, err := regulation.Timeline(set, from, to)
	if err != nil {
		return err
	}
	out := rulesDiffOutput{Schema: rulesDiffSchemaVersion, From: from.String(), To: to.String(),
		Changes: changes, Dossiers: []rulesDiffDossier{}}
	if out.Changes == nil {
		out.Changes = []regulation.RuleChange{}
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		d, err := policy.DecodeDossier(data)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		_, b, diff, err := regulation.DiffDays(e.ctx, set, regulation.Options{}, d, from, to)
		if err != nil {
			return err
		}
		out.Dossiers = append(out.Dossiers, rulesDiffDossier{Source: p, Product: b.Product, ReportDiff: diff})
	}
	if format.value == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return writeRulesDiffText(e, &out)
}

func writeRulesDiffText(e *env, out *rulesDiffOutput) error {
	b := bufio.NewWriter(e.stdout)
	width := wrapWidth(e, e.stdout)
	para := func(first, rest, text string) { writePara(b, width, first, rest, printable(text)) }
	fmt.Fprintf(b, "rules from %s to %s: %s\n", out.From, out.To, plural(len(out.Changes), "change"))
	for _, c := range out.Changes {
		line := fmt.Sprintf("%s  %-6s  %s  [%s]  %s", c.On, c.Kind, c.Rule.ID, c.Rule.Jurisdiction, c.Rule.Title)
		if len(c.Replaces) > 0 {
			line += " (replaces " + strings.Join(c.Replaces, ", ") + ")"
		}
		if len(c.Replaced) > 0 {
			line += " (replaced by " + strings.Join(c.Replaced, ", ") + ")"
		}
		para("  ", "      ", line)
	}
	for _, d := range out.Dossiers {
		fmt.Fprintf(b, "\n%s  %s: ", d.Source, d.Product)
		if d.Empty() {
			b.WriteString("nothing changes\n")
			continue
		}
		fmt.Fprintf(b, "%s, %s added, %s removed\n", plural(len(d.Verdicts), "verdict change"),
			plural(len(d.Added), "finding"), plural(len(d.Removed), "finding"))
		for _, v := range d.Verdicts {
			para("  ", "    ", fmt.Sprintf("%s use %d %s: %s -> %s", v.Jurisdiction, v.Use, v.Class, v.From, v.To))
		}
		for _, f := range d.Added {
			para("  + ", "      ", diffFinding(f))
		}
		for _, f := range d.Removed {
			para("  - ", "      ", diffFinding(f))
		}
	}
	return b.Flush()
}

// diffFinding renders a finding of a diff in a line: severity, rule,
// jurisdiction, path (and use, when the path does not name it), message.
func diffFinding(f regulation.Finding) string {
	where := f.Path
	if where == "" {
		where = "(dossier)"
	}
	if f.Use != nil && !strings.HasPrefix(f.Path, fmt.Sprintf("uses[%d]", *f.Use)) {
		where += fmt.Sprintf(" (use %d)", *f.Use)
	}
	return fmt.Sprintf("%s %s %s %s: %s", f.Severity, f.RuleID, f.Jurisdiction, where, f.Text())
}
