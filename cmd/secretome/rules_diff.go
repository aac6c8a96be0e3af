package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
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
// for each dossier named, the verdicts and findings that change. With
// --from-policy and --to-policy it compares two versions of the policy
// files too: rules added, removed or revised between them.
func runRulesDiff(e *env, args []string) error {
	fs := newFlagSet(e, "rules diff", "--from DATE --to DATE [flags] [DOSSIER...]  |  --from-policy DIR --to-policy DIR [--from DATE] [--to DATE] [flags] [DOSSIER...]")
	fromText := fs.String("from", "", e.say("cli.flag.diff.from"))
	toText := fs.String("to", "", e.say("cli.flag.diff.to"))
	var juris listFlag
	fs.Var(&juris, "jurisdiction", e.say("cli.flag.diff.jurisdiction"))
	var policyDirs pathsFlag
	fs.Var(&policyDirs, "policy", e.say("cli.flag.policy_add"))
	var fromPolicy, toPolicy pathsFlag
	fs.Var(&fromPolicy, "from-policy", e.say("cli.flag.diff.from_policy"))
	fs.Var(&toPolicy, "to-policy", e.say("cli.flag.diff.to_policy"))
	format := &choiceFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", e.say("cli.flag.format_text_json"))
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	comparing := len(fromPolicy) > 0 || len(toPolicy) > 0
	if comparing && (len(fromPolicy) == 0 || len(toPolicy) == 0) {
		return usageIn(e.lang, "cli.diff.policies")
	}
	if *fromText == "" && !comparing {
		return usageIn(e.lang, "cli.diff.from_required")
	}
	to := secretome.DateOf(time.Now())
	if *toText != "" {
		if to, err = secretome.ParseDate(*toText); err != nil {
			return flagValueError(e.lang, "to", err)
		}
	}
	from := to
	if *fromText != "" {
		if from, err = secretome.ParseDate(*fromText); err != nil {
			return flagValueError(e.lang, "from", err)
		}
		if *toText == "" && comparing {
			to = from
		}
	}
	if to.Before(from) {
		return usageIn(e.lang, "cli.diff.order", message.Text(from.String()), message.Text(to.String()))
	}
	// The rules on from and on to: the same set, or with --from-policy
	// and --to-policy two versions of the policy files.
	fromSet, _, err := loadRules(e.lang, append(slices.Clone(policyDirs), fromPolicy...))
	if err != nil {
		return err
	}
	toSet := fromSet
	if comparing {
		if toSet, _, err = loadRules(e.lang, append(slices.Clone(policyDirs), toPolicy...)); err != nil {
			return err
		}
	}
	if len(juris) > 0 {
		for _, every := range []string{regulation.Baseline, regulation.House} {
			if (slices.Contains(fromSet.Jurisdictions(), every) || slices.Contains(toSet.Jurisdictions(), every)) && !slices.Contains(juris, every) {
				juris = append(juris, every)
			}
		}
		for _, set := range []**regulation.RuleSet{&fromSet, &toSet} {
			if *set, err = (*set).Select(juris...); err != nil {
				return flagValueError(e.lang, "jurisdiction", err)
			}
		}
	}
	changes, err := regulation.Timeline(toSet, from, to)
	if err != nil {
		return err
	}
	if comparing {
		changes = append(regulation.CompareRules(fromSet, toSet), changes...)
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
			return &langError{prefix: p + ": ", err: err, tag: e.lang}
		}
		_, b, diff, err := regulation.DiffRuleSets(e.ctx, fromSet, toSet, regulation.Options{}, d, from, to)
		if err != nil {
			return err
		}
		// The findings render in the language of --lang, in the text and
		// the JSON output alike.
		out.Dossiers = append(out.Dossiers, rulesDiffDossier{Source: p, Product: b.Product, ReportDiff: diff.Localize(e.lang)})
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
	lang := e.lang
	say := func(code string, args ...message.Arg) string { return message.New(code, args...).In(lang) }
	b.WriteString(say("cli.diff.head", message.Text(out.From), message.Text(out.To), message.Count{N: len(out.Changes), Noun: "noun.change"}) + "\n")
	kind := func(k regulation.ChangeKind) string { return message.Name("change", string(k), lang) }
	kindWidth := 0
	for _, c := range out.Changes {
		kindWidth = max(kindWidth, utf8.RuneCountInString(kind(c.Kind)))
	}
	for _, c := range out.Changes {
		k := kind(c.Kind)
		k += strings.Repeat(" ", max(0, kindWidth-utf8.RuneCountInString(k)))
		line := fmt.Sprintf("%s  %s  %s  [%s]  %s", c.On, k, c.Rule.ID, c.Rule.Jurisdiction, c.Rule.Title)
		if c.On.IsZero() {
			line = fmt.Sprintf("%s  %s  [%s]  %s", k, c.Rule.ID, c.Rule.Jurisdiction, c.Rule.Title)
		}
		if c.Kind == regulation.RuleRevised {
			line += say("cli.diff.revision", message.Text(c.Was), message.Text(c.Rule.Revision))
		}
		if len(c.Replaces) > 0 {
			line += say("cli.diff.replaces", message.Text(strings.Join(c.Replaces, ", ")))
		}
		if len(c.Replaced) > 0 {
			line += say("cli.diff.replaced", message.Text(strings.Join(c.Replaced, ", ")))
		}
		para("  ", "      ", line)
	}
	for _, d := range out.Dossiers {
		fmt.Fprintf(b, "\n%s  %s: ", d.Source, d.Product)
		if d.Empty() {
			b.WriteString(say("cli.diff.nothing") + "\n")
			continue
		}
		b.WriteString(say("cli.diff.counts", message.Count{N: len(d.Verdicts), Noun: "noun.verdict_change"},
			message.Count{N: len(d.Added), Noun: "noun.finding"}, message.Count{N: len(d.Removed), Noun: "noun.finding"}) + "\n")
		for _, v := range d.Verdicts {
			para("  ", "    ", say("cli.diff.verdict", message.Text(v.Jurisdiction), message.Int(v.Use), spelling(lang, "use_class", v.Class.String()),
				spelling(lang, "verdict", v.From.String()), spelling(lang, "verdict", v.To.String())))
		}
		for _, f := range d.Added {
			para("  + ", "      ", diffFinding(f, lang))
		}
		for _, f := range d.Removed {
			para("  - ", "      ", diffFinding(f, lang))
		}
	}
	return b.Flush()
}

// diffFinding renders a finding of a diff in a line, in the language
// lang: severity, rule, jurisdiction, path (and use, when the path does
// not name it), message.
func diffFinding(f regulation.Finding, lang language.Tag) string {
	where := f.Path
	if where == "" {
		where = message.New("cli.dossier").In(lang)
	}
	if f.Use != nil && !strings.HasPrefix(f.Path, fmt.Sprintf("uses[%d]", *f.Use)) {
		where += message.New("cli.diff.use", message.Int(*f.Use)).In(lang)
	}
	return fmt.Sprintf("%s %s %s %s: %s", message.Name("severity", f.Severity.String(), lang), f.RuleID, f.Jurisdiction, where, f.Message.In(lang))
}
