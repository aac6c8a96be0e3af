package regulation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

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
// and call Assess any number of times, from any number of goroutines.
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

// AsOf returns the day the assessor evaluates rules for.
func (a *Assessor) AsOf() secretome.Date { return a.asOf }

// Jurisdictions returns the codes the assessor assesses, sorted.
func (a *Assessor) Jurisdictions() []string {
	out := make([]string, len(a.juris))
	for i, j := range a.juris {
		out[i] = j.code
	}
	return out
}

// Rules returns the metadata of the rules the assessor applies (those in
// force on its as-of date), sorted by jurisdiction, then ID.
func (a *Assessor) Rules() []RuleInfo {
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
// dossier), cancellation of ctx, or a rule that panicked (*RulePanicError).
//
// Assess expects a dossier that passed Validate. On an invalid dossier it
// still never panics, but findings may be incomplete.
func (a *Assessor) Assess(ctx context.Context, d *Dossier) (*Report, error) {
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
	for i := range a.juris {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := a.assessIn(&a.juris[i], d, st, &rep.Jurisdictions[i]); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// assessIn runs one jurisdiction's rules and fills out.
func (a *Assessor) assessIn(j *jurisdictionRules, d *Dossier, st *state, out *JurisdictionReport) (err error) {
	st.findings = st.findings[:0]
	st.outcomes = st.outcomes[:0]
	st.uses = st.uses[:0]
	for i := range d.Uses {
		if j.code == Baseline || d.Uses[i].Jurisdiction == j.code {
			st.uses = append(st.uses, i)
		}
	}
	out.Jurisdiction, out.Name = j.code, j.name
	c := Context{d: d, asOf: a.asOf, code: j.code, uses: st.uses, st: st, class: &out.Classification}
	var current *Rule
	defer func() {
		if v := recover(); v != nil {
			err = &RulePanicError{RuleID: current.ID, Value: v}
		}
	}()
	for k := range j.rules {
		current = &j.rules[k]
		c.rule = current
		current.Check(&c)
	}
	out.Uses = make([]UseAssessment, len(st.uses))
	for k, u := range st.uses {
		out.Uses[k] = verdictFor(u, d.Uses[u].Class, st.outcomes)
	}
	out.Findings = slices.Clone(st.findings)
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	slices.SortFunc(out.Findings, compareFindingsIn)
	return nil
}

// verdictFor combines the outcomes recorded for one use.
func verdictFor(use int, class UseClass, outcomes []outcome) UseAssessment {
	ua := UseAssessment{Index: use, Class: class, Verdict: VerdictUnknown}
	best, nRules, nMissing := 0, 0, 0
	for i := range outcomes {
		if o := &outcomes[i]; o.use == use && o.verdict.rank() > best {
			best, ua.Verdict = o.verdict.rank(), o.verdict
		}
	}
	if best == 0 {
		ua.Rules = []string{}
		return ua
	}
	for i := range outcomes {
		if o := &outcomes[i]; o.use == use && decides(o.verdict, ua.Verdict) {
			nRules++
			if o.missing != "" {
				nMissing++
			}
		}
	}
	ua.Rules = make([]string, 0, nRules)
	if ua.Verdict == VerdictPermittedWithConditions {
		ua.Missing = make([]string, 0, nMissing)
	}
	for i := range outcomes {
		o := &outcomes[i]
		if o.use != use || !decides(o.verdict, ua.Verdict) {
			continue
		}
		if !slices.Contains(ua.Rules, o.rule) {
			ua.Rules = append(ua.Rules, o.rule)
		}
		if o.missing != "" && ua.Verdict == VerdictPermittedWithConditions && !slices.Contains(ua.Missing, o.missing) {
			ua.Missing = append(ua.Missing, o.missing)
		}
	}
	slices.Sort(ua.Rules)
	return ua
}

// decides reports whether a rule's outcome v counts among the rules that
// decided the combined verdict: outcomes equal to it, and, for permission
// with conditions, the plain permissions that opened the route.
func decides(v, combined Verdict) bool {
	return v == combined || (combined == VerdictPermittedWithConditions && v == VerdictPermitted)
}

// compareFindingsIn orders findings within one jurisdiction.
func compareFindingsIn(a, b Finding) int {
	if ua, ub := useKey(a.Use), useKey(b.Use); ua != ub {
		if ua < ub {
			return -1
		}
		return 1
	}
	if a.Severity != b.Severity {
		if a.Severity > b.Severity {
			return -1
		}
		return 1
	}
	return compareFindings(a, b)
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
