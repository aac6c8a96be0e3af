package evidence

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/secretome"
)

// Certainty is a GRADE certainty of evidence. The zero value
// CertaintyNotGraded means there was no clinical evidence to grade; it is
// not a fifth level.
type Certainty uint8

// The GRADE certainty levels, from lowest to highest, after the
// not-graded zero value.
const (
	CertaintyNotGraded Certainty = iota // not_graded
	CertaintyVeryLow                    // very_low: ⊕○○○
	CertaintyLow                        // low: ⊕⊕○○
	CertaintyModerate                   // moderate: ⊕⊕⊕○
	CertaintyHigh                       // high: ⊕⊕⊕⊕
)

var certaintyNames = []string{"not_graded", "very_low", "low", "moderate", "high"}

// String returns the stable spelling ("very_low", "high").
func (c Certainty) String() string { return enumString("Certainty", certaintyNames, c) }

// MarshalText encodes the certainty as its stable spelling.
func (c Certainty) MarshalText() ([]byte, error) {
	return marshalEnum("certainty", certaintyNames, c)
}

// UnmarshalText decodes a stable spelling.
func (c *Certainty) UnmarshalText(b []byte) error {
	v, err := parseEnum[Certainty]("certainty", certaintyNames, b)
	if err == nil {
		*c = v
	}
	return err
}

// Symbols returns the usual circled-plus rendering: "⊕⊕⊕⊕" for high down
// to "⊕○○○" for very low, and "" when not graded.
func (c Certainty) Symbols() string {
	if c < CertaintyVeryLow || c > CertaintyHigh {
		return ""
	}
	n := int(c)
	return strings.Repeat("⊕", n) + strings.Repeat("○", 4-n)
}

// Label returns a reading form such as "Very low ⊕○○○".
func (c Certainty) Label() string {
	words := []string{"Not graded", "Very low", "Low", "Moderate", "High"}
	if int(c) >= len(words) {
		return c.String()
	}
	if c == CertaintyNotGraded {
		return words[0]
	}
	return words[c] + " " + c.Symbols()
}

// GradeDomain is one of GRADE's eight domains: five for rating down and
// three for rating up.
type GradeDomain uint8

// The domains, in the order an Assessment lists them.
const (
	DomainRiskOfBias           GradeDomain = iota + 1 // risk_of_bias (down 0..2)
	DomainInconsistency                               // inconsistency (down 0..2)
	DomainIndirectness                                // indirectness (down 0..2)
	DomainImprecision                                 // imprecision (down 0..2)
	DomainPublicationBias                             // publication_bias (down 0..2)
	DomainLargeEffect                                 // large_effect (up 0..2)
	DomainDoseResponse                                // dose_response (up 0..1)
	DomainPlausibleConfounding                        // plausible_confounding (up 0..1)
)

var domainNames = []string{"", "risk_of_bias", "inconsistency", "indirectness", "imprecision",
	"publication_bias", "large_effect", "dose_response", "plausible_confounding"}

// String returns the stable spelling.
func (d GradeDomain) String() string { return enumString("GradeDomain", domainNames, d) }

// MarshalText encodes the domain as its stable spelling.
func (d GradeDomain) MarshalText() ([]byte, error) {
	return marshalEnum("GRADE domain", domainNames, d)
}

// UnmarshalText decodes a stable spelling.
func (d *GradeDomain) UnmarshalText(b []byte) error {
	v, err := parseEnum[GradeDomain]("GRADE domain", domainNames, b)
	if err == nil {
		*d = v
	}
	return err
}

// Range returns the effects a domain can have: -2..0 for the five
// domains that rate down, 0..2 for a large effect, 0..1 for a
// dose-response gradient and for plausible confounding.
func (d GradeDomain) Range() (lo, hi int) {
	switch {
	case d >= DomainRiskOfBias && d <= DomainPublicationBias:
		return -2, 0
	case d == DomainLargeEffect:
		return 0, 2
	case d == DomainDoseResponse || d == DomainPlausibleConfounding:
		return 0, 1
	}
	return 0, 0
}

// Override replaces the computed rating of one domain with a reviewer's
// judgement. The justification is required: an override without one is
// an error.
type Override struct {
	// Domain is the domain overridden.
	Domain GradeDomain `json:"domain"`
	// Effect is the rating to use, within Domain.Range.
	Effect int `json:"effect"`
	// Justification explains the judgement in words.
	Justification string `json:"justification"`
}

// DomainRating is the rating of one GRADE domain with its reason.
type DomainRating struct {
	// Domain is the domain rated.
	Domain GradeDomain `json:"domain"`
	// Effect is the number of levels it moves the certainty: −2 to 0 for
	// the domains that rate down, 0 to +2 for those that rate up.
	Effect int `json:"effect"`
	// Reason explains the computed rating with the body's data.
	Reason string `json:"reason"`
	// Assessed reports whether the rating was computed from data; false
	// means the data could not tell (Effect 0) and a reviewer should
	// judge the domain.
	Assessed bool `json:"assessed"`
	// Flagged marks a warning sign worth a reviewer's look that did not
	// change the rating (small industry-funded studies for publication
	// bias).
	Flagged bool `json:"flagged,omitzero"`
	// Overridden reports that a reviewer's Override set Effect; Computed
	// then holds the value it replaced and Justification the reason.
	Overridden bool `json:"overridden,omitzero"`
	// Computed is the computed effect, kept when overridden.
	Computed int `json:"computed"`
	// Justification is the reviewer's reason for an override.
	Justification string `json:"justification,omitzero"`
}

// Body is a body of evidence for one outcome: the studies and the
// question they answer.
type Body struct {
	// Question names the indication, product and outcome.
	Question Question
	// Studies are the studies in the body. In vitro and animal studies
	// are not clinical evidence for an outcome and are left out of the
	// grading (they are listed in Assessment.Excluded).
	Studies []Study
}

// GradeOptions configures Grade. The zero value uses the defaults given
// with each field; thresholds marked "library default" are rules of thumb
// chosen by this package, not GRADE rules.
type GradeOptions struct {
	// RoB2 configures the RoB 2 overall judgements.
	RoB2 RoB2Options
	// Pool configures the meta-analysis of the body's effects; the zero
	// value is REML with 95 % intervals.
	Pool PoolOptions
	// Measure is the effect measure to pool; 0 means the measure most of
	// the body's outcomes default to (ties go to the earlier measure in
	// the order rr, or, hr, rd, md, smd).
	Measure Measure
	// SeriousI2 and VerySeriousI2 are the I² percentages above which
	// inconsistency is serious (−1) or very serious (−2); 0 means 50 and
	// 75. Library defaults.
	SeriousI2, VerySeriousI2 float64
	// OISParticipants is the optimal information size for continuous
	// outcomes (and for bodies without effects), in participants; 0 means
	// 400. OISEvents is the one for binary outcomes, in events; 0 means
	// 300. Rules of thumb, not exact sample-size calculations.
	OISParticipants, OISEvents int
	// MinStudiesPublicationBias is the number of studies below which
	// publication bias cannot be assessed from data; 0 means 10.
	MinStudiesPublicationBias int
	// SmallStudySize is the size under which a study counts as small for
	// the industry-funded small-studies flag; 0 means 100. Library
	// default.
	SmallStudySize int
	// RiskOfBiasByCount makes the risk-of-bias and indirectness ratings
	// count studies instead of weighting them by their meta-analysis
	// weight.
	RiskOfBiasByCount bool
	// UpgradeRandomised allows rating up bodies that start high
	// (randomised trials); GRADE usually rates up only observational
	// evidence.
	UpgradeRandomised bool
	// UpgradeDespiteDowngrade allows rating up a body that was rated down
	// in some domain; GRADE usually rates up only when nothing rated the
	// evidence down.
	UpgradeDespiteDowngrade bool
	// Overrides replace computed domain ratings with a reviewer's
	// judgement, at most one per domain.
	Overrides []Override
}

func (o GradeOptions) withDefaults() GradeOptions {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	defInt := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.SeriousI2, 50)
	def(&o.VerySeriousI2, 75)
	defInt(&o.OISParticipants, 400)
	defInt(&o.OISEvents, 300)
	defInt(&o.MinStudiesPublicationBias, 10)
	defInt(&o.SmallStudySize, 100)
	return o
}

// check reports misuse of the options: bad overrides and thresholds.
func (o *GradeOptions) check() error {
	var ps secretome.Problems
	c := checker{&ps}
	root := fieldpath.Root()
	if o.Measure != 0 && !o.Measure.valid() {
		p := root.Field("measure")
		c.err(&p, secretome.CodeEnum, "measure %d is not a known measure", uint8(o.Measure))
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"serious_i2", o.SeriousI2}, {"very_serious_i2", o.VerySeriousI2}} {
		if math.IsNaN(f.v) || f.v < 0 || f.v > 100 {
			p := root.Field(f.name)
			c.err(&p, secretome.CodeRange, "%s must be a percentage from 0 to 100, got %v", f.name, f.v)
		}
	}
	if o.SeriousI2 > o.VerySeriousI2 {
		p := root.Field("very_serious_i2")
		c.err(&p, secretome.CodeInconsistent, "very_serious_i2 (%v) must not be below serious_i2 (%v)", o.VerySeriousI2, o.SeriousI2)
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"ois_participants", o.OISParticipants}, {"ois_events", o.OISEvents}, {"min_studies_publication_bias", o.MinStudiesPublicationBias}, {"small_study_size", o.SmallStudySize}} {
		if f.v < 0 {
			p := root.Field(f.name)
			c.err(&p, secretome.CodeRange, "%s must not be negative, got %d", f.name, f.v)
		}
	}
	ov := root.Field("overrides")
	seen := map[GradeDomain]int{}
	for i, x := range o.Overrides {
		ip := ov.Index(i)
		dp := ip.Field("domain")
		if x.Domain < DomainRiskOfBias || x.Domain > DomainPlausibleConfounding {
			c.err(&dp, secretome.CodeEnum, "unknown GRADE domain %d (want one of: %s)", uint8(x.Domain), strings.Join(allowedNames(domainNames), ", "))
		} else if lo, hi := x.Domain.Range(); x.Effect < lo || x.Effect > hi {
			ep := ip.Field("effect")
			c.err(&ep, secretome.CodeRange, "%s can move the certainty by %d to %d, got %d", x.Domain, lo, hi, x.Effect)
		}
		if strings.TrimSpace(x.Justification) == "" {
			jp := ip.Field("justification")
			c.err(&jp, secretome.CodeRequired, "an override of %s needs a written justification", x.Domain)
		}
		if j, dup := seen[x.Domain]; dup {
			c.err(&dp, secretome.CodeDuplicate, "%s is already overridden by overrides[%d]", x.Domain, j)
		} else {
			seen[x.Domain] = i
		}
	}
	return ps.Err()
}

// Exclusion is a study left out of a body of evidence, with the reason.
type Exclusion struct {
	// StudyID is the ID of the study left out.
	StudyID string `json:"study_id"`
	// Reason says why.
	Reason string `json:"reason"`
}

// Assessment is the GRADE certainty of a body of evidence for one
// outcome, with every step that led to it.
type Assessment struct {
	// Question is the question graded.
	Question Question `json:"question"`
	// Certainty is the final certainty: Start moved by the domains'
	// effects, clamped to very low .. high.
	Certainty Certainty `json:"certainty"`
	// Start is the starting certainty from the body's designs.
	Start Certainty `json:"start"`
	// StartReason explains Start.
	StartReason string `json:"start_reason"`
	// Domains rates all eight domains, in the order of the GradeDomain
	// constants.
	Domains []DomainRating `json:"domains,omitzero"`
	// Score is Start plus every domain's effect before clamping, on the
	// scale very low = 1 .. high = 4.
	Score int `json:"score"`
	// Studies lists the IDs of the studies graded, in body order.
	Studies []string `json:"studies,omitzero"`
	// Excluded lists the studies left out, with reasons.
	Excluded []Exclusion `json:"excluded,omitzero"`
	// Estimate is the body's effect: the meta-analysis of the studies'
	// effects on one measure when there are two or more, or the single
	// study's effect (K = 1); nil when no study has comparative data.
	Estimate *Result `json:"estimate,omitzero"`
	// EstimateStudies lists the IDs of the studies in Estimate, in the
	// order of Estimate.Weights.
	EstimateStudies []string `json:"estimate_studies,omitzero"`
	// Notes records caveats and studies that could not be pooled.
	Notes []string `json:"notes,omitzero"`
}

// Domain returns the rating of domain d.
func (a *Assessment) Domain(d GradeDomain) (DomainRating, bool) {
	for _, r := range a.Domains {
		if r.Domain == d {
			return r, true
		}
	}
	return DomainRating{}, false
}

// Reasons returns the assessment as lines of text: the start, each domain
// that moved the certainty, was overridden or could not be assessed, and
// the result. The wording is for people and may change.
func (a *Assessment) Reasons() []string {
	if a.Certainty == CertaintyNotGraded {
		return []string{"not graded: " + a.StartReason}
	}
	out := []string{fmt.Sprintf("start %s: %s", a.Start, a.StartReason)}
	for _, d := range a.Domains {
		var line string
		switch {
		case d.Overridden:
			line = fmt.Sprintf("%s %+d (override of computed %+d: %s)", d.Domain, d.Effect, d.Computed, d.Justification)
		case d.Effect != 0:
			line = fmt.Sprintf("%s %+d: %s", d.Domain, d.Effect, d.Reason)
		case d.Flagged:
			line = fmt.Sprintf("%s flagged (not rated): %s", d.Domain, d.Reason)
		case !d.Assessed:
			line = fmt.Sprintf("%s not assessed: %s", d.Domain, d.Reason)
		default:
			continue
		}
		out = append(out, line)
	}
	return append(out, fmt.Sprintf("certainty %s (score %d)", a.Certainty, a.Score))
}

// bodyStudy is one study of a body with what grading needs.
type bodyStudy struct {
	s       *Study
	outcome *Outcome
	weight  float64 // meta-analysis weight in percent, or -1
}

// ErrOptions wraps misuse of GradeOptions; the error is also a
// *secretome.ValidationError naming the option.
var ErrOptions = errors.New("evidence: invalid grade options")

// Grade rates the certainty of a body of evidence for one outcome with
// GRADE, computing each domain from the data where it can.
//
// Which studies count. In vitro and animal studies are left out; so are
// studies without a valid design, and, when the question names an
// outcome, studies that do not report it. Each remaining study
// contributes the outcome the question names (or its first outcome).
//
// Start (Cochrane Handbook 5.1, Table 12.2.a). A body with a randomised
// trial, or a review of randomised trials only, starts high; otherwise a
// body with an observational comparative study (cohort, case-control,
// non-randomised trial, or a review including them) starts low; a body of
// case reports and case series starts very low. A mixed body starts from
// its best design (an inference: GRADE prefers to rate designs
// separately, which the caller can do with separate bodies).
//
// Rating down, −1 (serious) or −2 (very serious) per domain:
//
//  1. Risk of bias, from each comparative primary study's overall
//     judgement (Study.Bias), weighted by meta-analysis weight when every
//     such study was pooled and opt.RiskOfBiasByCount is false, by count
//     otherwise: −2 when more than half is at critical risk, −1 when more
//     than half is at high (or critical) risk or was not assessed
//     (unassessed is not low). Case reports and series have no tool;
//     their very low start already reflects that. Reviews are left out:
//     the risk of bias of their included studies is not modelled, and
//     the reason asks for an override.
//  2. Inconsistency, from the I² of the meta-analysis (two or more
//     effects): −1 above opt.SeriousI2 (50 %), −2 above
//     opt.VerySeriousI2 (75 %). Library defaults, not GRADE rules.
//  3. Indirectness, from the PICO match (see Level): −1 when more than
//     half the body (weighted as for risk of bias) is indirect in
//     population or intervention, −2 when more than half is indirect in
//     both.
//  4. Imprecision: −1 each, up to −2, when the estimate's confidence
//     interval includes no effect and when the body is below the
//     optimal information size (opt.OISEvents events for binary
//     measures, opt.OISParticipants participants otherwise; rules of
//     thumb). Without an estimate, a body of fewer than
//     opt.OISParticipants known participants is −1.
//  5. Publication bias cannot be assessed from fewer than
//     opt.MinStudiesPublicationBias studies, and is otherwise left to the
//     reviewer (an Override); a body made only of small industry-funded
//     studies is flagged.
//
// Rating up, only for a body that starts low or very low with no domain
// rated down (both gates configurable in opt):
//
//  6. Large effect, from the estimate as a risk ratio (an odds ratio is
//     converted with the control risk of the raw data), when its interval
//     excludes no effect: +1 for RR > 2 or < 0.5, +2 for RR > 5 or < 0.2
//     (GRADE guidelines 9).
//  7. Dose-response gradient and
//  8. plausible confounding are not computed; they need an Override.
//
// Overrides replace computed ratings and are recorded with the value they
// replaced. The certainty is the start plus every effect, clamped to very
// low .. high. A body with no clinical study is CertaintyNotGraded.
//
// Grade returns an error only for misuse of opt (an override without a
// justification, an effect out of range); the error wraps ErrOptions and
// is a *secretome.ValidationError with the option's path, such as
// "overrides[0].justification". Bad study data never cause an error or a
// panic: what cannot be used is listed in Excluded or Notes.
func Grade(body Body, opt GradeOptions) (Assessment, error) {
	opt = opt.withDefaults()
	if err := opt.check(); err != nil {
		return Assessment{}, fmt.Errorf("%w: %w", ErrOptions, err)
	}
	a := Assessment{Question: body.Question}
	var studies []bodyStudy
	for i := range body.Studies {
		s := &body.Studies[i]
		switch {
		case !s.Design.Valid():
			a.Excluded = append(a.Excluded, Exclusion{s.ID, "the design is not given"})
			continue
		case s.Design.Mechanistic():
			a.Excluded = append(a.Excluded, Exclusion{s.ID, fmt.Sprintf("a %s study is mechanism-based evidence, not clinical evidence for an outcome", s.Design)})
			continue
		}
		o, why := s.outcomeFor(body.Question)
		if o == nil && body.Question.Outcome != "" {
			a.Excluded = append(a.Excluded, Exclusion{s.ID, why})
			continue
		}
		studies = append(studies, bodyStudy{s: s, outcome: o, weight: -1})
		a.Studies = append(a.Studies, s.ID)
	}
	if len(studies) == 0 {
		switch len(a.Excluded) {
		case 0:
			a.StartReason = "no clinical study in the body"
		case 1:
			a.StartReason = "the one study in the body was left out: " + a.Excluded[0].Reason
		default:
			a.StartReason = fmt.Sprintf("all %d studies in the body were left out (see Excluded for why)", len(a.Excluded))
		}
		return a, nil
	}
	a.Start, a.StartReason = startCertainty(studies)
	est := estimateBody(studies, opt, &a)

	downs := []DomainRating{
		rateRiskOfBias(studies, opt),
		rateInconsistency(est, opt),
		rateIndirectness(studies, body.Question, opt),
		rateImprecision(studies, est, opt),
		ratePublicationBias(studies, opt),
	}
	applyOverrides(downs, opt.Overrides)
	down := 0
	for _, d := range downs {
		down += d.Effect
	}
	ups := []DomainRating{
		rateLargeEffect(est),
		{Domain: DomainDoseResponse, Reason: "a dose-response gradient is not computed from the data; a reviewer may judge it with an override"},
		{Domain: DomainPlausibleConfounding, Reason: "the effect of plausible residual confounding is not computed from the data; a reviewer may judge it with an override"},
	}
	var gate []string
	if a.Start > CertaintyLow && !opt.UpgradeRandomised {
		gate = append(gate, "the body starts "+a.Start.String()+" (GRADE rates up observational evidence)")
	}
	if down < 0 && !opt.UpgradeDespiteDowngrade {
		gate = append(gate, "the body was rated down")
	}
	if len(gate) > 0 {
		for i := range ups {
			if ups[i].Effect != 0 {
				ups[i].Reason = fmt.Sprintf("not rated up because %s; computed %+d: %s", strings.Join(gate, " and "), ups[i].Effect, ups[i].Reason)
				ups[i].Effect = 0
			}
		}
	}
	applyOverrides(ups, opt.Overrides)
	a.Domains = append(downs, ups...)
	a.Score = int(a.Start)
	for _, d := range a.Domains {
		a.Score += d.Effect
	}
	a.Certainty = Certainty(min(max(a.Score, int(CertaintyVeryLow)), int(CertaintyHigh)))
	return a, nil
}

func applyOverrides(ds []DomainRating, overrides []Override) {
	for i := range ds {
		ds[i].Computed = ds[i].Effect
		for _, o := range overrides {
			if o.Domain == ds[i].Domain {
				ds[i].Overridden = true
				ds[i].Effect = o.Effect
				ds[i].Justification = strings.TrimSpace(o.Justification)
			}
		}
	}
}

// startCertainty returns the starting certainty of a body.
func startCertainty(studies []bodyStudy) (Certainty, string) {
	var rct, obs, unc int
	for _, b := range studies {
		d := b.s.Design
		switch {
		case d.Randomised():
			rct++
		case d.Synthesis():
			if b.s.Review != nil && len(b.s.Review.Designs) > 0 && !slices.ContainsFunc(b.s.Review.Designs, func(x Design) bool { return !x.Randomised() }) {
				rct++
			} else {
				obs++
			}
		case d.NonRandomisedComparative():
			obs++
		default:
			unc++
		}
	}
	mixed := ""
	if (rct > 0 && obs+unc > 0) || (obs > 0 && unc > 0) {
		mixed = " (mixed body: started from its best design, an inference; consider grading designs separately)"
	}
	switch {
	case rct > 0:
		return CertaintyHigh, fmt.Sprintf("%d randomised trial(s) or review(s) of randomised trials: randomised evidence starts high%s", rct, mixed)
	case obs > 0:
		return CertaintyLow, fmt.Sprintf("%d observational comparative stud%s: observational evidence starts low%s", obs, plural(obs, "y", "ies"), mixed)
	}
	return CertaintyVeryLow, fmt.Sprintf("%d case report(s) or case series: very low (Cochrane Handbook 5.1, Table 12.2.a)", unc)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// bodyEstimate is the body's effect estimate and what it rests on.
type bodyEstimate struct {
	result  *Result
	members []*bodyStudy
}

// estimateBody computes each study's effect on one measure and pools
// them; it fills a.Estimate, a.EstimateStudies and notes.
func estimateBody(studies []bodyStudy, opt GradeOptions, a *Assessment) bodyEstimate {
	m := opt.Measure
	if m == 0 {
		var count [len(measureNames)]int
		for _, b := range studies {
			if b.outcome != nil {
				if dm := b.outcome.DefaultMeasure(); dm.valid() {
					count[dm]++
				}
			}
		}
		for i := range count {
			if count[i] > count[m] {
				m = Measure(i)
			}
		}
	}
	if m == 0 {
		a.Notes = append(a.Notes, "no study has comparative data for the outcome: there is no effect estimate")
		return bodyEstimate{}
	}
	var effects []Effect
	var members []*bodyStudy
	for i := range studies {
		b := &studies[i]
		if b.outcome == nil {
			continue
		}
		if b.outcome.Raw == nil && b.outcome.Reported == nil {
			continue
		}
		e, err := b.outcome.Effect(m)
		if err != nil {
			a.Notes = append(a.Notes, fmt.Sprintf("%s not pooled: %v", b.s.ID, oneLine(err)))
			continue
		}
		e.Label = b.s.ID
		effects = append(effects, e)
		members = append(members, b)
	}
	if len(effects) == 0 {
		a.Notes = append(a.Notes, fmt.Sprintf("no study gives the outcome as %s: there is no effect estimate", m))
		return bodyEstimate{}
	}
	res, err := Pool(effects, opt.Pool)
	if errors.Is(err, ErrNotConverged) {
		po := opt.Pool
		po.Method = MethodDL
		a.Notes = append(a.Notes, "REML did not converge; tau² estimated by DerSimonian-Laird instead")
		res, err = Pool(effects, po)
	}
	if err != nil {
		a.Notes = append(a.Notes, "the effects could not be pooled: "+oneLine(err))
		return bodyEstimate{}
	}
	for i, b := range members {
		b.weight = res.Weights[i]
		a.EstimateStudies = append(a.EstimateStudies, b.s.ID)
	}
	a.Estimate = &res
	return bodyEstimate{result: &res, members: members}
}

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n\t", "; ") }

// share returns the fraction of the studies for which pred holds,
// weighted by meta-analysis weight when every study has one and
// byCount is false, and the basis used.
func share(studies []*bodyStudy, byCount bool, pred func(*bodyStudy) bool) (float64, string) {
	weighted := !byCount
	for _, b := range studies {
		if b.weight < 0 {
			weighted = false
		}
	}
	var num, den float64
	for _, b := range studies {
		w := 1.0
		if weighted {
			w = b.weight
		}
		den += w
		if pred(b) {
			num += w
		}
	}
	if den == 0 {
		return 0, "count"
	}
	if weighted {
		return num / den, "weight"
	}
	return num / den, "count"
}

func shareText(f float64, basis string) string {
	if basis == "weight" {
		return fmt.Sprintf("%.0f %% of the meta-analysis weight", 100*f)
	}
	return fmt.Sprintf("%.0f %% of the studies", 100*f)
}

func rateRiskOfBias(studies []bodyStudy, opt GradeOptions) DomainRating {
	r := DomainRating{Domain: DomainRiskOfBias}
	var comp []*bodyStudy
	reviews := 0
	for i := range studies {
		switch d := studies[i].s.Design; {
		case d.Synthesis():
			reviews++
		case !d.Uncontrolled():
			comp = append(comp, &studies[i])
		}
	}
	reviewNote := ""
	if reviews > 0 {
		reviewNote = fmt.Sprintf("; the risk of bias of the studies inside %d review(s) is not modelled: judge it with an override", reviews)
	}
	if len(comp) == 0 {
		if reviews > 0 {
			r.Reason = "not computed: the body holds only reviews and uncontrolled studies" + reviewNote
			return r
		}
		r.Reason = "no comparative study: RoB 2 and ROBINS-I do not apply to case reports or case series, whose very low start already reflects the missing control group"
		return r
	}
	r.Assessed = true
	risk := make(map[*bodyStudy]BiasRisk, len(comp))
	var parts []string
	for _, b := range comp {
		br, _ := b.s.Bias(opt.RoB2)
		risk[b] = br
		parts = append(parts, fmt.Sprintf("%s %s", b.s.ID, br))
	}
	crit, basis := share(comp, opt.RiskOfBiasByCount, func(b *bodyStudy) bool { return risk[b] == BiasCritical })
	high, _ := share(comp, opt.RiskOfBiasByCount, func(b *bodyStudy) bool { return risk[b] >= BiasHigh })
	unk, _ := share(comp, opt.RiskOfBiasByCount, func(b *bodyStudy) bool {
		return risk[b] == BiasNotAssessed || risk[b] == BiasNoInformation
	})
	list := " (" + strings.Join(parts, ", ") + ")" + reviewNote
	switch {
	case crit > 0.5:
		r.Effect = -2
		r.Reason = "very serious: critical risk of bias in " + shareText(crit, basis) + list
	case high > 0.5:
		r.Effect = -1
		r.Reason = "serious: high risk of bias in " + shareText(high, basis) + list
	case high+unk > 0.5:
		r.Effect = -1
		r.Reason = "serious: high risk of bias or no assessment in " + shareText(high+unk, basis) + ", and unassessed is not low" + list
	default:
		r.Reason = "not serious: low or moderate risk of bias in " + shareText(1-high-unk, basis) + list
	}
	return r
}

func rateInconsistency(est bodyEstimate, opt GradeOptions) DomainRating {
	r := DomainRating{Domain: DomainInconsistency}
	if est.result == nil || est.result.K < 2 {
		r.Reason = "fewer than two effect estimates: inconsistency cannot be assessed"
		return r
	}
	r.Assessed = true
	i2 := est.result.I2
	switch {
	case i2 > opt.VerySeriousI2:
		r.Effect = -2
		r.Reason = fmt.Sprintf("very serious: I² = %.1f %% across %d studies, above the threshold of %g %%", i2, est.result.K, opt.VerySeriousI2)
	case i2 > opt.SeriousI2:
		r.Effect = -1
		r.Reason = fmt.Sprintf("serious: I² = %.1f %% across %d studies, above the threshold of %g %%", i2, est.result.K, opt.SeriousI2)
	default:
		r.Reason = fmt.Sprintf("not serious: I² = %.1f %% across %d studies, at most the threshold of %g %%", i2, est.result.K, opt.SeriousI2)
	}
	return r
}

func rateIndirectness(studies []bodyStudy, q Question, opt GradeOptions) DomainRating {
	r := DomainRating{Domain: DomainIndirectness}
	if q.Indication == "" && q.ProductID == "" {
		r.Reason = "the question names no indication and no product: indirectness cannot be computed"
		return r
	}
	r.Assessed = true
	all := make([]*bodyStudy, len(studies))
	for i := range studies {
		all[i] = &studies[i]
	}
	popInd := func(b *bodyStudy) bool {
		c := b.s.Population.Condition
		return q.Indication != "" && c != "" && !ConditionCovers(q.Indication, c)
	}
	ivInd := func(b *bodyStudy) bool { return q.ProductID != "" && b.s.Intervention.ProductID != q.ProductID }
	both, basis := share(all, opt.RiskOfBiasByCount, func(b *bodyStudy) bool { return popInd(b) && ivInd(b) })
	anyInd, _ := share(all, opt.RiskOfBiasByCount, func(b *bodyStudy) bool { return popInd(b) || ivInd(b) })
	var parts []string
	for _, b := range all {
		if why := indirectness(b.s, q); why != "" {
			parts = append(parts, b.s.ID+": "+why)
		}
	}
	detail := ""
	if len(parts) > 0 {
		detail = " (" + strings.Join(parts, "; ") + ")"
	}
	switch {
	case both > 0.5:
		r.Effect = -2
		r.Reason = "very serious: both population and intervention differ from the question in " + shareText(both, basis) + detail
	case anyInd > 0.5:
		r.Effect = -1
		r.Reason = "serious: population or intervention differs from the question in " + shareText(anyInd, basis) + detail
	default:
		r.Reason = "not serious: population and intervention match the question in " + shareText(1-anyInd, basis) + detail
	}
	return r
}

func rateImprecision(studies []bodyStudy, est bodyEstimate, opt GradeOptions) DomainRating {
	r := DomainRating{Domain: DomainImprecision}
	if est.result == nil {
		n, known := 0, 0
		for _, b := range studies {
			if b.s.Population.Size != nil {
				n += *b.s.Population.Size
				known++
			}
		}
		if known == 0 {
			r.Reason = "no effect estimate and no study size: imprecision cannot be assessed"
			return r
		}
		r.Assessed = true
		if n < opt.OISParticipants {
			r.Effect = -1
			r.Reason = fmt.Sprintf("serious: no comparative effect estimate, and only %d participant%s (in %d stud%s of known size), below the optimal information size of %d (rule of thumb)",
				n, plural(n, "", "s"), known, plural(known, "y", "ies"), opt.OISParticipants)
		} else {
			r.Reason = fmt.Sprintf("no comparative effect estimate; %d participants, at least the optimal information size of %d (rule of thumb)", n, opt.OISParticipants)
		}
		return r
	}
	r.Assessed = true
	res := est.result
	var why []string
	e, ci, _ := res.BackTransform()
	ciText := fmt.Sprintf("%s %.3g (%.4g %% CI %.3g to %.3g)", res.Measure, e, 100*res.Level, ci.Lower, ci.Upper)
	if res.CI.Contains(0) {
		why = append(why, "the confidence interval of "+ciText+" includes no effect")
	}
	binary := res.Measure == MeasureRR || res.Measure == MeasureOR || res.Measure == MeasureRD
	events, eventsKnown := 0, binary
	participants, partsKnown := 0, true
	for _, b := range est.members {
		if ev, ok := b.outcome.Raw.events(); ok {
			events += ev
		} else {
			eventsKnown = false
		}
		switch n := b.outcome.Raw.participants(); {
		case n > 0:
			participants += n
		case b.s.Population.Size != nil:
			participants += *b.s.Population.Size
		default:
			partsKnown = false
		}
	}
	switch {
	case binary && eventsKnown:
		if events < opt.OISEvents {
			why = append(why, fmt.Sprintf("%d events are below the optimal information size of %d events (rule of thumb)", events, opt.OISEvents))
		}
	case partsKnown:
		if participants < opt.OISParticipants {
			why = append(why, fmt.Sprintf("%d participants are below the optimal information size of %d (rule of thumb)", participants, opt.OISParticipants))
		}
	default:
		r.Reason = "optimal information size not checked: the number of events or participants is not known for every study; "
	}
	switch len(why) {
	case 0:
		r.Reason += "not serious: the confidence interval of " + ciText + " excludes no effect and the information size is sufficient"
	case 1:
		r.Effect = -1
		r.Reason += "serious: " + why[0]
	default:
		r.Effect = -2
		r.Reason += "very serious: " + strings.Join(why, ", and ")
	}
	return r
}

func ratePublicationBias(studies []bodyStudy, opt GradeOptions) DomainRating {
	r := DomainRating{Domain: DomainPublicationBias}
	small := 0
	for _, b := range studies {
		size := 0
		if b.outcome != nil {
			size = b.outcome.Raw.participants()
		}
		if size == 0 && b.s.Population.Size != nil {
			size = *b.s.Population.Size
		}
		if b.s.Funding.Kind == FundingIndustry && size > 0 && size < opt.SmallStudySize {
			small++
		}
	}
	flag := ""
	if small == len(studies) {
		r.Flagged = true
		flag = fmt.Sprintf("; flagged: every study is small (under %d participants) and industry-funded, a known warning sign of publication bias", opt.SmallStudySize)
	}
	if len(studies) < opt.MinStudiesPublicationBias {
		r.Reason = fmt.Sprintf("%d stud%s, fewer than %d: publication bias cannot be assessed from the data%s", len(studies), plural(len(studies), "y", "ies"), opt.MinStudiesPublicationBias, flag)
		return r
	}
	r.Reason = "not computed: judge funnel-plot asymmetry and the search, and record the judgement with an override" + flag
	return r
}

func rateLargeEffect(est bodyEstimate) DomainRating {
	r := DomainRating{Domain: DomainLargeEffect}
	if est.result == nil {
		r.Reason = "no effect estimate"
		return r
	}
	res := est.result
	var rr float64
	switch res.Measure {
	case MeasureRR:
		rr = math.Exp(res.Estimate)
	case MeasureOR:
		var ev, n int
		for _, b := range est.members {
			raw := b.outcome.Raw
			if raw == nil || raw.EventsControl == nil || raw.TotalControl == nil {
				r.Reason = "the odds ratio cannot be converted to a risk ratio: the control risk is not known for every study"
				return r
			}
			ev += *raw.EventsControl
			n += *raw.TotalControl
		}
		if n == 0 {
			r.Reason = "the odds ratio cannot be converted to a risk ratio: no control participants"
			return r
		}
		p0 := float64(ev) / float64(n)
		or := math.Exp(res.Estimate)
		rr = or / (1 - p0 + p0*or)
		r.Reason = fmt.Sprintf("odds ratio %.3g converted to risk ratio %.3g at the control risk %.3g; ", or, rr, p0)
	default:
		r.Reason = fmt.Sprintf("the estimate's measure is %s, not a risk or odds ratio: the large-effect thresholds do not apply", res.Measure)
		return r
	}
	r.Assessed = true
	if res.CI.Contains(0) {
		r.Reason += fmt.Sprintf("risk ratio %.3g, but the confidence interval includes no effect", rr)
		return r
	}
	n, word := largeEffect(rr)
	if n == 0 {
		r.Reason += fmt.Sprintf("risk ratio %.3g: not a large effect (thresholds 2 and 0.5)", rr)
		return r
	}
	r.Effect = n
	r.Reason += fmt.Sprintf("risk ratio %.3g: a %s effect (beyond %s, GRADE guidelines 9)", rr, word, largeBounds(n))
	return r
}
