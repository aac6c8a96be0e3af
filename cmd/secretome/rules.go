package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
)

// rulesSchemaVersion names the JSON output format of the rules command.
const rulesSchemaVersion = "secretomekit/rules/v1"

// rulesOutput is the JSON output of "secretome rules --format json": the
// rules listed, each with what a reviewer needs to audit it, and counts
// over them.
type rulesOutput struct {
	Schema  string       `json:"schema"`
	Summary rulesSummary `json:"summary"`
	Rules   []ruleAudit  `json:"rules"`
}

// ruleAudit is one rule as the rules command lists it: its metadata and
// whether its citation links to an official source.
type ruleAudit struct {
	regulation.RuleInfo
	// OfficialSource reports whether the citation's URL is an official
	// gazette, legal database or the issuing regulator's own site.
	OfficialSource bool `json:"official_source"`
}

// rulesSummary counts the listed rules by what their citations show.
type rulesSummary struct {
	// Rules is the number of rules listed.
	Rules int `json:"rules"`
	// Provenance counts the rules by provenance: primary, secondary,
	// inferred.
	Provenance map[string]int `json:"provenance"`
	// OfficialSource counts the rules whose citation links to an
	// official source.
	OfficialSource int `json:"official_source"`
	// OfficialWithArticle counts the rules that link to an official
	// source and name an article verified in the instrument's text.
	OfficialWithArticle int `json:"official_source_with_verified_article"`
	// ArticleVerified counts the rules whose article was verified in the
	// instrument's own text.
	ArticleVerified int `json:"article_verified"`
	// Secondary counts the rules that name a secondary source.
	Secondary int `json:"secondary_source"`
	// EffectiveFrom counts the rules that give the day their instrument
	// took effect; EffectiveTo those that give the day it ended.
	EffectiveFrom int `json:"effective_from"`
	EffectiveTo   int `json:"effective_to"`
	// CheckedOn counts the rules that give the day their source was read,
	// and CheckedOnDays counts them by that day.
	CheckedOn     int            `json:"checked_on"`
	CheckedOnDays map[string]int `json:"checked_on_days"`
}

// summarise counts the rules' citations.
func summarise(list []ruleAudit) rulesSummary {
	s := rulesSummary{Rules: len(list), CheckedOnDays: map[string]int{},
		Provenance: map[string]int{regulation.ProvenancePrimary.String(): 0, regulation.ProvenanceSecondary.String(): 0, regulation.ProvenanceInferred.String(): 0}}
	for _, r := range list {
		c := &r.Citation
		s.Provenance[r.Provenance.String()]++
		if r.OfficialSource {
			s.OfficialSource++
			if c.ArticleVerified {
				s.OfficialWithArticle++
			}
		}
		if c.ArticleVerified {
			s.ArticleVerified++
		}
		if c.Secondary != "" {
			s.Secondary++
		}
		if !c.EffectiveFrom.IsZero() {
			s.EffectiveFrom++
		}
		if !c.EffectiveTo.IsZero() {
			s.EffectiveTo++
		}
		if !c.CheckedOn.IsZero() {
			s.CheckedOn++
			s.CheckedOnDays[c.CheckedOn.String()]++
		}
	}
	return s
}

func runRules(e *env, args []string) error {
	if len(args) > 0 && args[0] == "diff" {
		return runRulesDiff(e, args[1:])
	}
	fs := newFlagSet(e, "rules", "[flags] | diff --from DATE --to DATE [DOSSIER...]")
	var juris listFlag
	fs.Var(&juris, "jurisdiction", e.say("cli.flag.rules.jurisdiction"))
	format := &choiceFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", e.say("cli.flag.format_text_json"))
	var policyDirs pathsFlag
	fs.Var(&policyDirs, "policy", e.say("cli.flag.rules.policy"))
	extra, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		return usageIn(e.lang, "cli.args.unexpected", message.Text(strings.Join(extra, " ")))
	}
	set, _, err := loadRules(e.lang, policyDirs)
	if err != nil {
		return err
	}
	have := set.Jurisdictions()
	for _, j := range juris {
		if !slices.Contains(have, j) {
			return usageIn(e.lang, "cli.check.no_rules_for", message.Text(strconv.Quote(j)), message.Text(strings.Join(have, ", ")))
		}
	}
	list := []ruleAudit{}
	for _, r := range set.Rules() {
		if len(juris) == 0 || slices.Contains(juris, r.Jurisdiction) {
			list = append(list, ruleAudit{RuleInfo: r, OfficialSource: r.Citation.OfficialSource()})
		}
	}
	sum := summarise(list)
	if format.value == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rulesOutput{Schema: rulesSchemaVersion, Summary: sum, Rules: list})
	}
	b := bufio.NewWriter(e.stdout)
	width := wrapWidth(e, e.stdout)
	para := func(first, rest, text string) { writePara(b, width, first, rest, text) }
	say := func(code string, args ...message.Arg) string { return message.New(code, args...).In(e.lang) }
	note := say("cli.rules.note") + " "
	for i, r := range list {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(b, "%s  [%s, %s]\n", r.ID, r.Jurisdiction, message.Name("provenance", r.Provenance.String(), e.lang))
		para("  ", "  ", r.Title)
		para("  ", "  ", citationText(r.Citation, r.Provenance, e.lang))
		if r.Note != "" {
			para("  "+note, strings.Repeat(" ", 2+utf8.RuneCountInString(note)), r.Note)
		}
	}
	b.WriteString("\n" + say("cli.rules.count", message.Count{N: len(list), Noun: "noun.rule"},
		message.Count{N: countJurisdictions(list), Noun: "noun.jurisdiction"}) + "\n")
	b.WriteString(say("cli.rules.provenance", message.Int(sum.Provenance["primary"]), message.Int(sum.Provenance["secondary"]),
		message.Int(sum.Provenance["inferred"]), message.Int(sum.OfficialSource), message.Int(sum.OfficialWithArticle),
		message.Int(sum.EffectiveFrom), message.Int(sum.CheckedOn)) + "\n")
	return b.Flush()
}

func countJurisdictions(list []ruleAudit) int {
	seen := map[string]bool{}
	for _, r := range list {
		seen[r.Jurisdiction] = true
	}
	return len(seen)
}

// writePara writes text wrapped to width, its first line after first and
// the others after rest.
func writePara(b *bufio.Writer, width int, first, rest, text string) {
	for i, l := range wrapText(text, width, len(rest)) {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(rest)
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
}
