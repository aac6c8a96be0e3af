package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/openregen/secretomekit/regulation"
)

// rulesSchemaVersion names the JSON output format of the rules command.
const rulesSchemaVersion = "secretomekit/rules/v1"

// rulesOutput is the JSON output of "secretome rules --format json".
type rulesOutput struct {
	Schema string                `json:"schema"`
	Rules  []regulation.RuleInfo `json:"rules"`
}

func runRules(e *env, args []string) error {
	fs := newFlagSet(e, "rules", "[flags]")
	var juris listFlag
	fs.Var(&juris, "jurisdiction", "list only the rules of these jurisdiction `codes` (comma-separated or repeated)")
	format := &choiceFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", "output `format`: text or json")
	var policyDirs pathsFlag
	fs.Var(&policyDirs, "policy", "list also the house rules of the policy files in `DIR` (repeatable)")
	extra, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		return usagef("unexpected arguments: %s", strings.Join(extra, " "))
	}
	set, _, err := loadRules(policyDirs)
	if err != nil {
		return err
	}
	have := set.Jurisdictions()
	for _, j := range juris {
		if !slices.Contains(have, j) {
			return usagef("--jurisdiction: no rules for %q (have %s)", j, strings.Join(have, ", "))
		}
	}
	var list []regulation.RuleInfo
	for _, r := range set.Rules() {
		if len(juris) == 0 || slices.Contains(juris, r.Jurisdiction) {
			list = append(list, r)
		}
	}
	if format.value == "json" {
		if list == nil {
			list = []regulation.RuleInfo{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rulesOutput{Schema: rulesSchemaVersion, Rules: list})
	}
	b := bufio.NewWriter(e.stdout)
	width := wrapWidth(e, e.stdout)
	para := func(first, rest, text string) {
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
	for i, r := range list {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(b, "%s  [%s, %s]\n", r.ID, r.Jurisdiction, r.Provenance)
		para("  ", "  ", r.Title)
		para("  ", "  ", citationText(r.Citation, r.Provenance))
		if r.Note != "" {
			para("  note: ", "        ", r.Note)
		}
	}
	fmt.Fprintf(b, "\n%s in %s\n", plural(len(list), "rule"), plural(countJurisdictions(list), "jurisdiction"))
	return b.Flush()
}

func countJurisdictions(list []regulation.RuleInfo) int {
	seen := map[string]bool{}
	for _, r := range list {
		seen[r.Jurisdiction] = true
	}
	return len(seen)
}
