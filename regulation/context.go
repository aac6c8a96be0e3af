package regulation

import (
	"cmp"
	"strconv"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// Baseline is the code of the jurisdiction-independent quality baseline.
// Rules of this jurisdiction assess every use of a dossier, whatever the
// use's own jurisdiction.
const Baseline = "QUALITY"

// House is the code of a host's own rules that hold in every market: a
// hospital's formulary, a vendor's house rules. Like the quality
// baseline, rules of this jurisdiction assess every use of a dossier,
// whatever the use's own jurisdiction. No shipped rule has this code. A
// use that no house rule judged is permitted in House: house rules only
// restrict.
const House = "HOUSE"

// everyUse reports whether the rules of the jurisdiction code assess
// every use of a dossier (Baseline and House) rather than the uses in
// that jurisdiction.
func everyUse(code string) bool { return code == Baseline || code == House }

// Context is what a rule's Check sees: the dossier, the as-of date, the
// jurisdiction, and methods to report findings and decide verdicts. The
// Context fills in the rule's ID, jurisdiction, citation and provenance on
// every finding (the provenance is ProvenanceInferred while the rule has
// Inferred turned on). A Context is valid only during the Check call it was
// passed to.
//
// Each method that takes a message as a string has a twin ending in Text
// that takes a message.Message instead: a code of the message catalogue
// with typed arguments, which a report can render in English or Bahasa
// Indonesia (Report.Localize). Shipped rules use the Text methods; a
// string is shown as it is in every language.
//
// Verdict methods (Permit, Condition, Prohibit, Unknown) take the index of
// a use in Dossier.Uses, as listed by Uses; an index outside that list is
// ignored. Paths are field paths into the dossier, such as
// "uses[0].setting" or "product.release.tests".
type Context struct {
	d     *Dossier
	asOf  secretome.Date
	code  string
	uses  []int
	rule  *Rule
	st    *state
	class *string
	// classText is the classification as a message.
	classText *message.Message
	// inferred marks the findings reported from now on as inferred; it
	// is cleared before each rule's Check.
	inferred bool
	// misuse says what the current rule asked that no finding can hold
	// (a severity out of range); the assessment fails with a *RuleError.
	misuse string
}

// Dossier returns the dossier being assessed. Rules must not modify it.
func (c *Context) Dossier() *Dossier { return c.d }

// AsOf returns the day the rules are evaluated for.
func (c *Context) AsOf() secretome.Date { return c.asOf }

// Jurisdiction returns the code of the jurisdiction being assessed.
func (c *Context) Jurisdiction() string { return c.code }

// Uses returns the indexes into Dossier.Uses of the uses in the
// jurisdiction, in order: every use for the Baseline jurisdiction. The
// slice must not be modified.
func (c *Context) Uses() []int { return c.uses }

// Classify records how the jurisdiction classes the product. The last
// rule (in ID order) to classify wins; shipped rule sets classify once per
// jurisdiction.
func (c *Context) Classify(classification string) {
	c.ClassifyText(message.Plain(classification))
}

// ClassifyText is Classify with a message from the catalogue.
func (c *Context) ClassifyText(classification message.Message) {
	*c.class = classification.String()
	*c.classText = classification
}

// Inferred sets whether the findings the rule reports after the call, in
// the current Check, carry ProvenanceInferred instead of the rule's own
// provenance. A rule turns it on before it applies what its source says to
// a product the source does not name (a whole secretome where the source
// speaks of exosomes, say), so that the finding does not claim more
// certainty than it has, and off again for findings the source does
// support. It never makes a finding surer than its rule.
func (c *Context) Inferred(on bool) { c.inferred = on }

// Report records a finding about the product or dossier as a whole.
// A severity other than info, warning or error is misuse: Assess fails
// with a *RuleError naming the rule.
func (c *Context) Report(sev secretome.Severity, path, msg string) {
	c.ReportText(sev, path, message.Plain(msg))
}

// ReportText is Report with a message from the catalogue.
func (c *Context) ReportText(sev secretome.Severity, path string, msg message.Message) {
	c.add(-1, sev, path, msg)
}

// ReportUse records a finding about one use without deciding its verdict.
func (c *Context) ReportUse(use int, sev secretome.Severity, path, msg string) {
	c.ReportUseText(use, sev, path, message.Plain(msg))
}

// ReportUseText is ReportUse with a message from the catalogue.
func (c *Context) ReportUseText(use int, sev secretome.Severity, path string, msg message.Message) {
	if c.inJurisdiction(use) {
		c.add(use, sev, path, msg)
	}
}

// Permit records that the rule allows the use. A non-empty message is
// reported as an info finding that explains why.
func (c *Context) Permit(use int, path, msg string) {
	c.PermitText(use, path, message.Plain(msg))
}

// PermitText is Permit with a message from the catalogue; the zero
// Message reports nothing.
func (c *Context) PermitText(use int, path string, msg message.Message) {
	if !c.inJurisdiction(use) {
		return
	}
	c.decide(use, VerdictPermitted, message.Message{}, !msg.IsZero())
	if !msg.IsZero() {
		c.add(use, secretome.SeverityInfo, path, msg)
	}
}

// Condition records that the rule allows the use only once the named
// condition is met, which the dossier does not show. The condition is
// listed in UseAssessment.Missing (the message stands in for an empty
// condition) and the message is reported as a warning.
func (c *Context) Condition(use int, missing, path, msg string) {
	c.ConditionText(use, message.Plain(missing), path, message.Plain(msg))
}

// ConditionText is Condition with messages from the catalogue.
func (c *Context) ConditionText(use int, missing message.Message, path string, msg message.Message) {
	if !c.inJurisdiction(use) {
		return
	}
	if missing.IsZero() {
		missing = msg
	}
	c.decide(use, VerdictPermittedWithConditions, missing, true)
	c.add(use, secretome.SeverityWarning, path, msg)
}

// Prohibit records that the rule forbids the use as described, and
// reports the message as an error.
func (c *Context) Prohibit(use int, path, msg string) {
	c.ProhibitText(use, path, message.Plain(msg))
}

// ProhibitText is Prohibit with a message from the catalogue.
func (c *Context) ProhibitText(use int, path string, msg message.Message) {
	if !c.inJurisdiction(use) {
		return
	}
	c.decide(use, VerdictProhibited, message.Message{}, true)
	c.add(use, secretome.SeverityError, path, msg)
}

// Unknown records that the rule cannot tell whether the use is allowed,
// and reports the message, which should say what is not known, as info.
func (c *Context) Unknown(use int, path, msg string) {
	c.UnknownText(use, path, message.Plain(msg))
}

// UnknownText is Unknown with a message from the catalogue.
func (c *Context) UnknownText(use int, path string, msg message.Message) {
	if !c.inJurisdiction(use) {
		return
	}
	c.decide(use, VerdictUnknown, message.Message{}, true)
	c.add(use, secretome.SeverityInfo, path, msg)
}

func (c *Context) inJurisdiction(use int) bool {
	return use >= 0 && use < len(c.st.member) && c.st.member[use]
}

// decide records a rule's outcome for a use. When explained, the finding
// that explains it is the one add records next; a waiver of that finding
// withdraws the outcome too.
func (c *Context) decide(use int, v Verdict, missing message.Message, explained bool) {
	o := outcome{use: use, rule: c.rule.ID, verdict: v, finding: -1}
	if !missing.IsZero() {
		o.missing, o.missingText = missing.String(), missing
	}
	if explained {
		o.finding = int32(len(c.st.findings))
	}
	c.st.outcomes = append(c.st.outcomes, o)
}

// Shared returns the value the current assessment holds under key,
// making it with make the first time any rule asks. Rules use it to share
// work that depends only on the dossier (a view of it built once for
// many rules, say) without keeping state between assessments: the value
// is dropped when the assessment ends. key must be comparable; use a
// value of an unexported type, as with context.Context values. The value
// must not be modified once made.
func (c *Context) Shared(key any, make func() any) any {
	for i := range c.st.shared {
		if c.st.shared[i].key == key {
			return c.st.shared[i].value
		}
	}
	v := make()
	c.st.shared = append(c.st.shared, sharedValue{key: key, value: v})
	return v
}

// add records a finding. The message is kept as code and arguments and
// rendered only when the finding is shown (Finding.Text).
func (c *Context) add(use int, sev secretome.Severity, path string, msg message.Message) {
	if sev > secretome.SeverityError {
		if c.misuse == "" {
			c.misuse = "reported a finding with severity " + strconv.Itoa(int(sev)) + ", which is not info, warning or error"
		}
		return
	}
	p := pending{rule: c.rule, use: use, sev: sev, path: path, text: msg, prov: c.rule.Provenance}
	if c.inferred {
		p.prov = ProvenanceInferred
	}
	c.st.findings = append(c.st.findings, p)
}

// pending is a finding as recorded during an assessment; the report's
// Finding, with its citation, is built from it once findings are sorted.
type pending struct {
	rule   *Rule
	use    int
	sev    secretome.Severity
	path   string
	text   message.Message
	prov   Provenance // the rule's, or inferred (Context.Inferred)
	waiver *Waiver    // set when a waiver withdrew the finding
}

// fill writes the reported Finding to f; useIndex holds the targets of
// Finding.Use.
func (p *pending) fill(f *Finding, useIndex []int) {
	f.RuleID = p.rule.ID
	f.Jurisdiction = p.rule.Jurisdiction
	f.Severity = p.sev
	f.Path = p.path
	f.Message = p.text
	f.Citation = &p.rule.Citation
	f.Provenance = p.prov
	f.Waiver = p.waiver
	if p.use >= 0 && p.use < len(useIndex) {
		f.Use = &useIndex[p.use]
	}
}

// comparePending orders findings within one jurisdiction: by use
// (product-level first), severity (errors first), rule ID, path and
// message.
func comparePending(a, b *pending) int {
	switch {
	case a.use != b.use:
		return cmp.Compare(a.use, b.use)
	case a.sev != b.sev:
		return cmp.Compare(b.sev, a.sev)
	}
	if c := cmp.Or(cmp.Compare(a.rule.ID, b.rule.ID), cmp.Compare(a.path, b.path)); c != 0 {
		return c
	}
	return compareText(a.text, b.text)
}

// compareText orders two messages by their English text. Findings tie
// on rule and path rarely, so the texts are rendered only then.
func compareText(a, b message.Message) int {
	if a.Code == b.Code && len(a.Args) == 0 && len(b.Args) == 0 {
		return 0
	}
	return cmp.Compare(a.String(), b.String())
}

// outcome is one rule's verdict on one use.
type outcome struct {
	use     int // index into Dossier.Uses
	rule    string
	verdict Verdict
	missing string
	// missingText is missing as a message.
	missingText message.Message
	// finding is the index into state.findings of the finding that
	// explains the outcome, or -1 when there is none.
	finding int32
	// waived marks an outcome whose finding was waived: it no longer
	// counts toward the verdict.
	waived bool
}

// sharedValue is one value of Context.Shared.
type sharedValue struct{ key, value any }

// state is the scratch space of one assessment, reused through a pool.
type state struct {
	findings []pending
	outcomes []outcome
	uses     []int
	useIndex []int  // one element per dossier use, the target of Finding.Use
	member   []bool // per dossier use: in the jurisdiction being assessed
	// studies indexes the dossier's studies by ID (the first of a
	// repeated ID), built once per assessment when a rule first asks.
	studies studyIndex
	indexed bool
	grades  []claimGrade
	spans   []span
	starts  []int   // outcomes of use assessment u are grouped[starts[u]:starts[u+1]]
	pos     []int   // scratch for groupOutcomes
	slots   []int32 // use assessment of each outcome
	grouped []int32 // indexes into outcomes, grouped by use assessment
	order   []int32 // indexes into findings, sorted per jurisdiction
	counts  []int32 // scratch for sortFindings
	shared  []sharedValue
	ctx     Context // reused for each jurisdiction; rules must not keep it
}

func (s *state) reset() {
	clear(s.findings)
	s.findings = s.findings[:0]
	s.outcomes = s.outcomes[:0]
	s.uses = s.uses[:0]
	s.useIndex = nil
	s.grades = s.grades[:0]
	s.member = s.member[:0]
	clear(s.studies)
	s.indexed = false
	s.spans = s.spans[:0]
	clear(s.shared)
	s.shared = s.shared[:0]
	s.ctx = Context{}
}
