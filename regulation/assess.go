package regulation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// Options configures an Assessor. The zero value assesses every
// jurisdiction of the rule set as of today.
type Options struct {
	// Jurisdictions lists the codes to assess; empty means every
	// jurisdiction of the rule set. Include Baseline ("QUALITY") to get the
	// quality baseline when listing codes.
	Jurisdictions []string
	// AsOf is the day the rules are evaluated for: a rule that is not yet
	// in force, or was repealed, on that day does not fire. Zero means
	// today in UTC, read once by NewAssessor.
	AsOf secretome.Date
}

// Assessor applies a rule set to dossiers. Prepare one with NewAssessor
// and call Assess any number of times, from any number of goroutines. The
// zero Assessor is not prepared: its Assess returns an error.
type Assessor struct {
	asOf  secretome.Date
	juris []jurisdictionRules
	pool  sync.Pool
}

type jurisdictionRules struct {
	code, name string
	rules      []Rule // in force on asOf, sorted by ID
}

// NewAssessor prepares the rules for assessment: it keeps the rules of the
// selected jurisdictions that are in force on the as-of date, in ID order.
// It fails when rules is nil or a selected jurisdiction has no rules.
func NewAssessor(rules *RuleSet, opts Options) (*Assessor, error) {
	if rules == nil {
		return nil, errors.New("regulation: NewAssessor needs a rule set")
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = secretome.DateOf(time.Now().UTC())
	}
	codes := opts.Jurisdictions
	have := rules.Jurisdictions()
	if len(codes) == 0 {
		codes = have
	}
	codes = slices.Clone(codes)
	slices.Sort(codes)
	codes = slices.Compact(codes)
	a := &Assessor{asOf: asOf}
	for _, code := range codes {
		if !slices.Contains(have, code) {
			return nil, fmt.Errorf("regulation: no rules for jurisdiction %q (have %s)", code, strings.Join(have, ", "))
		}
		jr := jurisdictionRules{code: code, name: JurisdictionName(code)}
		for _, r := range rules.rules {
			if r.Jurisdiction == code && r.Citation.InForce(asOf) {
				jr.rules = append(jr.rules, r)
			}
		}
		a.juris = append(a.juris, jr)
	}
	a.pool.New = func() any { return new(state) }
	return a, nil
}

// AsOf returns the day the assessor evaluates rules for; zero for an
// Assessor not made by NewAssessor.
func (a *Assessor) AsOf() secretome.Date {
	if a == nil {
		return secretome.Date{}
	}
	return a.asOf
}

// Jurisdictions returns the codes the assessor assesses, sorted.
func (a *Assessor) Jurisdictions() []string {
	if a == nil {
		return nil
	}
	out := make([]string, len(a.juris))
	for i, j := range a.juris {
		out[i] = j.code
	}
	return out
}

// Rules returns the metadata of the rules the assessor applies (those in
// force on its as-of date), sorted by jurisdiction, then ID.
func (a *Assessor) Rules() []RuleInfo {
	if a == nil {
		return nil
	}
	var out []RuleInfo
	for _, j := range a.juris {
		for _, r := range j.rules {
			out = append(out, r.RuleInfo)
		}
	}
	return out
}

// RulePanicError reports a rule whose Check panicked. The assessment is
// abandoned: a report without that rule would be silently incomplete.
type RulePanicError struct {
	// RuleID is the rule that panicked.
	RuleID string
	// Value is the value passed to panic.
	Value any
}

// Error names the rule and the panic value.
func (e *RulePanicError) Error() string {
	return fmt.Sprintf("regulation: rule %s panicked: %v", e.RuleID, e.Value)
}

// Assess applies the rules to the dossier and returns the report. The
// regulatory judgement is the report; an error means misuse (a nil
// dossier, an Assessor not made by NewAssessor), cancellation of ctx, a
// rule that panicked (*RulePanicError) or reported a finding no report can
// hold (*RuleError).
//
// Assess expects a dossier that passed Validate. On an invalid dossier it
// still never panics, but findings may be incomplete.
func (a *Assessor) Assess(ctx context.Context, d *Dossier) (*Report, error) {
	return a.AssessWaiving(ctx, d, nil)
}

// WaiveFunc decides whether a waiver withdraws a finding: it returns the
// waiver, or nil to leave the finding in force. It is called once per
// finding, with the finding as the report will hold it, and must not keep
// or modify it.
type WaiveFunc func(f *Finding) *Waiver

// AssessWaiving is Assess with waivers: each finding that waive withdraws
// stays in the report with its Waiver set, and the verdicts are combined
// without the outcomes those findings explain (a waived prohibition no
// longer prohibits). A nil waive waives nothing.
func (a *Assessor) AssessWaiving(ctx context.Context, d *Dossier, waive WaiveFunc) (*Report, error) {
	if a == nil || a.asOf.IsZero() {
		return nil, errors.New("regulation: Assess needs an Assessor made by NewAssessor")
	}
	if d == nil {
		return nil, errors.New("regulation: Assess needs a dossier")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	st := a.pool.Get().(*state)
	defer func() { st.reset(); a.pool.Put(st) }()
	st.useIndex = make([]int, len(d.Uses))
	for i := range st.useIndex {
		st.useIndex[i] = i
	}
	rep := &Report{Product: d.Product.ID, AsOf: a.asOf, Jurisdictions: make([]JurisdictionReport, len(a.juris))}
	if rep.Product == "" {
		rep.Product = d.Product.Name
	}
	// Run every jurisdiction's rules into the shared scratch space, noting
	// where each jurisdiction's uses, findings and outcomes start.
	spans := st.spans[:0]
	for i := range a.juris {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sp, err := a.run(&a.juris[i], d, st, &rep.Jurisdictions[i])
		if err != nil {
			return nil, err
		}
		spans = append(spans, sp)
	}
	st.spans = spans
	a.collect(d, st, rep, waive)
	rep.Unassessed = a.unassessed(d)
	return rep, nil
}

// unassessed returns the indexes of the uses whose jurisdiction the
// assessor does not assess, or nil.
func (a *Assessor) unassessed(d *Dossier) []int {
	var out []int
	for i := range d.Uses {
		found := false
		for k := range a.juris {
			if a.juris[k].code == d.Uses[i].Jurisdiction && !everyUse(a.juris[k].code) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, i)
		}
	}
	return out
}

// span locates one jurisdiction's part of the scratch space.
type span struct{ uses, findings, outcomes [2]int }

// run applies one jurisdiction's rules, appending to the scratch space.
func (a *Assessor) run(j *jurisdictionRules, d *Dossier, st *state, out *JurisdictionReport) (sp span, err error) {
	sp.uses[0], sp.findings[0], sp.outcomes[0] = len(st.uses), len(st.findings), len(st.outcomes)
	st.member = append(st.member[:0], make([]bool, len(d.Uses))...)
	for i := range d.Uses {
		if everyUse(j.code) || d.Uses[i].Jurisdiction == j.code {
			st.uses = append(st.uses, i)
			st.member[i] = true
		}
	}
	sp.uses[1] = len(st.uses)
	out.Jurisdiction, out.Name = j.code, j.name
	c := &st.ctx
	*c = Context{d: d, asOf: a.asOf, code: j.code, uses: st.uses[sp.uses[0]:sp.uses[1]:sp.uses[1]], st: st, class: &out.Classification, classText: &out.ClassificationText}
	var current *Rule
	defer func() {
		if v := recover(); v != nil {
			id := ""
			if current != nil {
				id = current.ID
			}
			err = &RulePanicError{RuleID: id, Value: v}
		}
	}()
	for k := range j.rules {
		current = &j.rules[k]
		c.rule, c.inferred = current, false
		current.Check(c)
		if c.misuse != "" {
			return sp, &RuleError{ID: current.ID, Reason: c.misuse}
		}
	}
	sp.findings[1], sp.outcomes[1] = len(st.findings), len(st.outcomes)
	return sp, nil
}

// collect turns the scratch space into the report's findings and
// verdicts, with one allocation for each kind of slice. Findings come
// first, so that waivers can withdraw the outcomes they explain.
func (a *Assessor) collect(d *Dossier, st *state, rep *Report, waive WaiveFunc) {
	// Sort an index of the findings rather than the findings themselves:
	// moving values that hold pointers is what costs most here.
	st.order = append(st.order[:0], make([]int32, len(st.findings))...)
	findings := make([]Finding, len(st.findings))
	for k, sp := range st.spans {
		order := st.order[sp.findings[0]:sp.findings[1]]
		st.sortFindings(order, int32(sp.findings[0]), len(d.Uses))
		f := findings[sp.findings[0]:sp.findings[1]:sp.findings[1]]
		for i, x := range order {
			st.findings[x].fill(&f[i], st.useIndex)
			if waive != nil {
				if w := waive(&f[i]); w != nil {
					st.findings[x].waiver, f[i].Waiver = w, w
				}
			}
		}
		rep.Jurisdictions[k].Findings = f
	}
	if waive != nil {
		for i := range st.outcomes {
			if o := &st.outcomes[i]; o.finding >= 0 && st.findings[o.finding].waiver != nil {
				o.waived = true
			}
		}
	}
	uas := make([]UseAssessment, len(st.uses))
	nRules, nMissing := 0, 0
	st.groupOutcomes(len(d.Uses))
	for k, sp := range st.spans {
		for u := sp.uses[0]; u < sp.uses[1]; u++ {
			use := st.uses[u]
			uas[u] = UseAssessment{Index: use, Class: d.Uses[use].Class}
			r, m := verdictFor(&uas[u], st.outcomes, st.outcomesOf(u))
			if r == 0 && a.juris[k].code == House {
				// House rules restrict: a use none of them judged is not
				// held back by them (the library's choice; elsewhere a
				// use no rule spoke of is unknown).
				uas[u].Verdict = VerdictPermitted
			}
			nRules += r
			nMissing += m
		}
		rep.Jurisdictions[k].Uses = uas[sp.uses[0]:sp.uses[1]:sp.uses[1]]
	}
	b := verdictBacking{rules: make([]string, 0, nRules)}
	if nMissing > 0 {
		b.missing = make([]string, 0, nMissing)
		b.missingText = make([]message.Message, 0, nMissing)
	}
	for u := range uas {
		fillVerdict(&uas[u], st.outcomes, st.outcomesOf(u), &b)
	}
}

// verdictBacking holds the backing slices the use assessments of a
// report share: their deciding rule IDs and missing conditions.
type verdictBacking struct {
	rules, missing []string
	missingText    []message.Message
}

// sortFindings fills order with the indexes of the findings from first
// on, len(order) of them, in the order comparePending gives. A counting
// sort by use and severity, the first keys, keeps the order in which the
// rules reported, which is rule ID order (rules run in ID order); the
// rest of the keys then only need checking, and a sort is needed only
// when a rule reported its findings out of path order.
func (st *state) sortFindings(order []int32, first int32, nUses int) {
	cmp := func(a, b int32) int { return comparePending(&st.findings[a], &st.findings[b]) }
	if len(order) <= 12 {
		// Few findings: an insertion sort (what slices.SortFunc does
		// with so few) costs less than counting.
		for i := range order {
			order[i] = first + int32(i)
		}
		slices.SortFunc(order, cmp)
		return
	}
	key := func(p *pending) int {
		use := p.use + 1
		if use < 0 || use > nUses {
			use = nUses + 1 // out of range (a misused Context): sorted last, then by comparePending
		}
		return use*3 + int(secretome.SeverityError-p.sev)
	}
	st.counts = append(st.counts[:0], make([]int32, (nUses+2)*3+1)...)
	for i := range order {
		st.counts[key(&st.findings[first+int32(i)])+1]++
	}
	for k := 1; k < len(st.counts); k++ {
		st.counts[k] += st.counts[k-1]
	}
	for i := range order {
		k := key(&st.findings[first+int32(i)])
		order[st.counts[k]] = first + int32(i)
		st.counts[k]++
	}
	if !slices.IsSortedFunc(order, cmp) {
		slices.SortStableFunc(order, cmp)
	}
}

// groupOutcomes indexes the outcomes by use assessment (a counting sort
// that keeps rule order), for outcomesOf.
func (st *state) groupOutcomes(nDossierUses int) {
	st.starts = append(st.starts[:0], make([]int, len(st.uses)+1)...)
	st.pos = append(st.pos[:0], make([]int, nDossierUses)...)
	st.slots = append(st.slots[:0], make([]int32, len(st.outcomes))...)
	for _, sp := range st.spans {
		for u := sp.uses[0]; u < sp.uses[1]; u++ {
			st.pos[st.uses[u]] = u
		}
		for i := sp.outcomes[0]; i < sp.outcomes[1]; i++ {
			slot := st.pos[st.outcomes[i].use]
			st.slots[i] = int32(slot)
			st.starts[slot+1]++
		}
	}
	for u := 1; u < len(st.starts); u++ {
		st.starts[u] += st.starts[u-1]
	}
	st.grouped = append(st.grouped[:0], make([]int32, len(st.outcomes))...)
	next := append(st.pos[:0], st.starts[:len(st.starts)-1]...)
	for i, slot := range st.slots {
		st.grouped[next[slot]] = int32(i)
		next[slot]++
	}
	st.pos = next
}

// outcomesOf returns the indexes into st.outcomes of the outcomes of the
// use assessment at position u of st.uses, once groupOutcomes has run.
func (st *state) outcomesOf(u int) []int32 { return st.grouped[st.starts[u]:st.starts[u+1]] }

// verdictFor sets ua.Verdict from the outcomes recorded for it (the
// indexes idx into all) and returns how many rule IDs and missing
// conditions fillVerdict will add (an upper bound).
func verdictFor(ua *UseAssessment, all []outcome, idx []int32) (nRules, nMissing int) {
	best := 0
	for _, x := range idx {
		if o := &all[x]; !o.waived && o.verdict.rank() > best {
			best, ua.Verdict = o.verdict.rank(), o.verdict
		}
	}
	if best == 0 {
		return 0, 0
	}
	for _, x := range idx {
		if o := &all[x]; !o.waived && decides(o.verdict, ua.Verdict) {
			nRules++
			if o.missing != "" {
				nMissing++
			}
		}
	}
	return nRules, nMissing
}

// fillVerdict appends the deciding rule IDs and missing conditions of ua
// to the shared backing slices and points ua at its part of them.
func fillVerdict(ua *UseAssessment, all []outcome, idx []int32, b *verdictBacking) {
	r0, m0 := len(b.rules), len(b.missing)
	for _, x := range idx {
		o := &all[x]
		if o.waived || !decides(o.verdict, ua.Verdict) {
			continue
		}
		if !slices.Contains(b.rules[r0:], o.rule) {
			b.rules = append(b.rules, o.rule)
		}
		if o.missing != "" && ua.Verdict == VerdictPermittedWithConditions && !slices.Contains(b.missing[m0:], o.missing) {
			b.missing = append(b.missing, o.missing)
			b.missingText = append(b.missingText, o.missingText)
		}
	}
	ua.Rules = b.rules[r0:len(b.rules):len(b.rules)]
	slices.Sort(ua.Rules)
	if len(b.missing) > m0 {
		ua.Missing = b.missing[m0:len(b.missing):len(b.missing)]
		ua.MissingText = b.missingText[m0:len(b.missingText):len(b.missingText)]
	}
}

// decides reports whether a rule's outcome v counts among the rules that
// decided the combined verdict: outcomes equal to it, and, for permission
// with conditions, the plain permissions that opened the route.
func decides(v, combined Verdict) bool {
	return v == combined || (combined == VerdictPermittedWithConditions && v == VerdictPermitted)
}

// Assess assesses the dossier with the shipped rules and options; it is
// NewAssessor(Shipped(), opts) followed by Assess. Prepare an Assessor
// once to assess many dossiers.
func Assess(d *Dossier, opts Options) (*Report, error) {
	a, err := NewAssessor(Shipped(), opts)
	if err != nil {
		return nil, err
	}
	return a.Assess(context.Background(), d)
}
