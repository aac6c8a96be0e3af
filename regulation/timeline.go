package regulation

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/openregen/secretomekit/secretome"
	"golang.org/x/text/language"
)

// ChangeKind says how a rule's standing changes between two days.
type ChangeKind string

// The kinds of RuleChange.
const (
	// RuleStarts: the rule's instrument takes effect.
	RuleStarts ChangeKind = "starts"
	// RuleEnds: the rule's instrument is repealed or replaced; the rule
	// applies up to the day before.
	RuleEnds ChangeKind = "ends"
	// RuleAdded: the rule is in the second rule set only (CompareRules).
	RuleAdded ChangeKind = "added"
	// RuleRemoved: the rule is in the first rule set only (CompareRules).
	RuleRemoved ChangeKind = "removed"
	// RuleRevised: the rule is in both rule sets with another revision:
	// its metadata, or for a policy rule its source, changed
	// (CompareRules).
	RuleRevised ChangeKind = "revised"
)

// RuleChange is one change in the rules in force: a rule that starts or
// ends on a day, or that two rule sets do not hold alike.
type RuleChange struct {
	// Kind is starts or ends (Timeline), or added, removed or revised
	// (CompareRules).
	Kind ChangeKind `json:"change"`
	// On is the day of the change: the rule's EffectiveFrom for starts,
	// its EffectiveTo (the first day it no longer applies) for ends; zero
	// for the changes between two rule sets.
	On secretome.Date `json:"on,omitzero"`
	// Was is, for a revised rule, its revision in the first rule set
	// (Rule holds the rule as the second set has it).
	Was string `json:"was,omitempty"`
	// Rule is the rule that changes.
	Rule RuleInfo `json:"rule"`
	// Replaces lists, for a rule that starts, the rules of the same
	// jurisdiction that end on the same day: the change of a rule from
	// one instrument, or one version, to the next. Replaced lists, for a
	// rule that ends, the rules that start that day.
	Replaces []string `json:"replaces,omitempty"`
	Replaced []string `json:"replaced_by,omitempty"`
}

// Timeline lists the changes in the rules of the set between two days:
// every rule whose instrument takes effect, or ends, after from and on or
// before to, so that the rules in force on to are those in force on from
// with the changes applied. A rule that starts and ends within the span
// is listed twice. Changes are sorted by day, then jurisdiction, then
// kind (ends first), then rule ID. Rules whose start day is not recorded
// apply on every day and never change. From after to is an error.
func Timeline(set *RuleSet, from, to secretome.Date) ([]RuleChange, error) {
	if from.IsZero() || to.IsZero() {
		return nil, fmt.Errorf("regulation: Timeline needs two days")
	}
	if to.Before(from) {
		return nil, fmt.Errorf("regulation: Timeline from %s is after to %s", from, to)
	}
	within := func(d secretome.Date) bool { return !d.IsZero() && from.Before(d) && !to.Before(d) }
	var out []RuleChange
	for _, r := range set.rulesOrNil() {
		if within(r.Citation.EffectiveFrom) {
			out = append(out, RuleChange{Kind: RuleStarts, On: r.Citation.EffectiveFrom, Rule: r.RuleInfo})
		}
		if within(r.Citation.EffectiveTo) {
			out = append(out, RuleChange{Kind: RuleEnds, On: r.Citation.EffectiveTo, Rule: r.RuleInfo})
		}
	}
	slices.SortFunc(out, func(a, b RuleChange) int {
		return cmp.Or(a.On.Compare(b.On), cmp.Compare(a.Rule.Jurisdiction, b.Rule.Jurisdiction),
			cmp.Compare(b.Kind, a.Kind), cmp.Compare(a.Rule.ID, b.Rule.ID))
	})
	for i := range out {
		for k := range out {
			a, b := &out[i], &out[k]
			if a.Kind == RuleStarts && b.Kind == RuleEnds && a.On == b.On && a.Rule.Jurisdiction == b.Rule.Jurisdiction {
				a.Replaces = append(a.Replaces, b.Rule.ID)
				b.Replaced = append(b.Replaced, a.Rule.ID)
			}
		}
	}
	return out, nil
}

// VerdictChange is a use whose verdict differs between two reports.
type VerdictChange struct {
	// Jurisdiction is the jurisdiction code.
	Jurisdiction string `json:"jurisdiction"`
	// Use is the index of the use in Dossier.Uses.
	Use int `json:"use"`
	// Class is the use's class.
	Class UseClass `json:"class"`
	// From and To are the verdicts of the first and second report.
	From Verdict `json:"from"`
	To   Verdict `json:"to"`
}

// ReportDiff is what changes for one dossier between two reports, such
// as its assessments on two days.
type ReportDiff struct {
	// Verdicts lists the uses whose verdict changes, by jurisdiction,
	// then use.
	Verdicts []VerdictChange `json:"verdicts"`
	// Added lists the findings of the second report that the first does
	// not have; Removed those of the first that the second does not.
	// Findings are the same when their jurisdiction, rule, use, severity,
	// path and message are; a waived finding counts as absent.
	Added   []Finding `json:"added"`
	Removed []Finding `json:"removed"`
}

// Localize returns a copy of the diff whose findings render their
// messages in the supported language closest to tag, as Report.Localize
// does for a report's findings. The diff itself is not modified.
func (d *ReportDiff) Localize(tag language.Tag) ReportDiff {
	lang := langIndex(tag)
	out := ReportDiff{Verdicts: d.Verdicts, Added: slices.Clone(d.Added), Removed: slices.Clone(d.Removed)}
	for _, fs := range [][]Finding{out.Added, out.Removed} {
		for i := range fs {
			fs[i].lang = lang
		}
	}
	return out
}

// Empty reports whether nothing changes.
func (d *ReportDiff) Empty() bool {
	return len(d.Verdicts)+len(d.Added)+len(d.Removed) == 0
}

// DiffReports compares two reports of the same dossier.
func DiffReports(a, b *Report) ReportDiff {
	out := ReportDiff{Verdicts: []VerdictChange{}, Added: []Finding{}, Removed: []Finding{}}
	for i := range b.Jurisdictions {
		jb := &b.Jurisdictions[i]
		ja := a.Jurisdiction(jb.Jurisdiction)
		for _, ub := range jb.Uses {
			from := VerdictUnknown
			if ja != nil {
				if ua := ja.Use(ub.Index); ua != nil {
					from = ua.Verdict
				}
			}
			if from != ub.Verdict {
				out.Verdicts = append(out.Verdicts, VerdictChange{Jurisdiction: jb.Jurisdiction, Use: ub.Index, Class: ub.Class, From: from, To: ub.Verdict})
			}
		}
	}
	fa, fb := inForce(a.Findings()), inForce(b.Findings())
	out.Added = missingFrom(fb, fa)
	out.Removed = missingFrom(fa, fb)
	return out
}

func inForce(fs []Finding) []Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if f.Waiver == nil {
			out = append(out, f)
		}
	}
	return out
}

// missingFrom returns the findings of xs that ys lacks, each counted as
// often as it occurs.
func missingFrom(xs, ys []Finding) []Finding {
	type key struct {
		juris, rule, path, msg string
		use                    int
		sev                    secretome.Severity
	}
	k := func(f *Finding) key {
		return key{f.Jurisdiction, f.RuleID, f.Path, f.Message.String(), useKey(f.Use), f.Severity}
	}
	have := map[key]int{}
	for i := range ys {
		have[k(&ys[i])]++
	}
	out := []Finding{}
	for i := range xs {
		kk := k(&xs[i])
		if have[kk] > 0 {
			have[kk]--
			continue
		}
		out = append(out, xs[i])
	}
	return out
}

// CompareRules lists the rules two rule sets do not hold alike, such as
// the shipped rules with two versions of a host's policy files: rules
// only in to (added), only in from (removed), and rules of the same ID
// whose revision differs (revised, with Rule as in to), so that an
// edited rule shows as a change rather than a removal and an addition.
// Changes are sorted by jurisdiction, then rule ID.
func CompareRules(from, to *RuleSet) []RuleChange {
	was := map[string]RuleInfo{}
	for _, r := range from.rulesOrNil() {
		was[r.ID] = r.RuleInfo
	}
	var out []RuleChange
	for _, r := range to.rulesOrNil() {
		old, ok := was[r.ID]
		switch {
		case !ok:
			out = append(out, RuleChange{Kind: RuleAdded, Rule: r.RuleInfo})
		case old.Revision != r.Revision:
			out = append(out, RuleChange{Kind: RuleRevised, Rule: r.RuleInfo, Was: old.Revision})
		}
		delete(was, r.ID)
	}
	for _, r := range from.rulesOrNil() {
		if _, gone := was[r.ID]; gone {
			out = append(out, RuleChange{Kind: RuleRemoved, Rule: r.RuleInfo})
		}
	}
	slices.SortFunc(out, func(a, b RuleChange) int {
		return cmp.Or(cmp.Compare(a.Rule.Jurisdiction, b.Rule.Jurisdiction), cmp.Compare(a.Rule.ID, b.Rule.ID))
	})
	return out
}

// DiffDays assesses the dossier with the rules in force on two days and
// returns both reports and what changes between them. opts.AsOf is
// ignored.
func DiffDays(ctx context.Context, rules *RuleSet, opts Options, d *Dossier, from, to secretome.Date) (a, b *Report, diff ReportDiff, err error) {
	return DiffRuleSets(ctx, rules, rules, opts, d, from, to)
}

// DiffRuleSets assesses the dossier with the rules of fromRules in force
// on from and those of toRules in force on to (two versions of a host's
// policy files, say), and returns both reports and what changes between
// them. opts.AsOf is ignored.
func DiffRuleSets(ctx context.Context, fromRules, toRules *RuleSet, opts Options, d *Dossier, from, to secretome.Date) (a, b *Report, diff ReportDiff, err error) {
	opts.AsOf = from
	af, err := NewAssessor(fromRules, opts)
	if err != nil {
		return nil, nil, diff, err
	}
	opts.AsOf = to
	at, err := NewAssessor(toRules, opts)
	if err != nil {
		return nil, nil, diff, err
	}
	if a, err = af.Assess(ctx, d); err != nil {
		return nil, nil, diff, err
	}
	if b, err = at.Assess(ctx, d); err != nil {
		return nil, nil, diff, err
	}
	return a, b, DiffReports(a, b), nil
}
