package evidence

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/message"
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
// to "⊕○○○" for very low, and "" when not graded. Label gives the words;
// the two do not repeat each other, so a display can show either or both.
func (c Certainty) Symbols() string {
	if c < CertaintyVeryLow || c > CertaintyHigh {
		return ""
	}
	n := int(c)
	return strings.Repeat("⊕", n) + strings.Repeat("○", 4-n)
}

// Label returns the certainty in words for people: "Very low", "Low",
// "Moderate", "High" or "Not graded", without the symbols (see Symbols).
func (c Certainty) Label() string {
	words := []string{"Not graded", "Very low", "Low", "Moderate", "High"}
	if int(c) >= len(words) {
		return c.String()
	}
	return words[c]
}

// Display returns the words and the symbols together, "Very low ⊕○○○",
// or "Not graded".
func (c Certainty) Display() string {
	if sym := c.Symbols(); sym != "" {
		return c.Label() + " " + sym
	}
	return c.Label()
}

// GradeDomain is one of GRADE's eight domains: five for rating down and
// three for rating up.
type GradeDomain uint8

// The domains, in the order an Assessment lists them.
const (
	DomainRiskOfBias           GradeDomain = iota + 1 // risk_of_bias (down 0..3; −3 only for ROBINS-I critical)
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

// Range returns the effects a domain can have: -3..0 for risk of bias
// (a body assessed with ROBINS-I starts high and is rated down up to three
// levels, GRADE guidelines 18), -2..0 for the other four domains that rate
// down, 0..2 for a large effect, 0..1 for a dose-response gradient and for
// plausible confounding.
func (d GradeDomain) Range() (lo, hi int) {
	switch {
	case d == DomainRiskOfBias:
		return -3, 0
	case d > DomainRiskOfBias && d <= DomainPublicationBias:
		return -2, 0
	case d == DomainLargeEffect:
		return 0, 2
	case d == DomainDoseResponse || d == DomainPlausibleConfounding:
		return 0, 1
	}
	return 0, 0
}

// BodyKind says which evidence for an outcome an assessment rates.
// Randomised and non-randomised evidence are rated separately (Cochrane
// Handbook ch. 14 and 24).
type BodyKind uint8

// The kinds of body. The zero value BodyAny is used only in an Override,
// where it means every body.
const (
	BodyAny           BodyKind = iota // any: in an Override, every body
	BodyRandomised                    // randomised: randomised trials (n-of-1 trials included) and reviews of them only
	BodyNonRandomised                 // non_randomised: cohort, case-control and non-randomised controlled studies, case series and reports, and reviews including them
)

var bodyKindNames = []string{"any", "randomised", "non_randomised"}

// String returns the stable spelling.
func (k BodyKind) String() string { return enumString("BodyKind", bodyKindNames, k) }

// MarshalText encodes the kind as its stable spelling.
func (k BodyKind) MarshalText() ([]byte, error) {
	return marshalEnum("body kind", bodyKindNames, k)
}

// UnmarshalText decodes a stable spelling.
func (k *BodyKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[BodyKind]("body kind", bodyKindNames, b)
	if err == nil {
		*k = v
	}
	return err
}

// Words returns the kind for text: "randomised evidence" or
// "non-randomised evidence".
func (k BodyKind) Words() string {
	if k == BodyNonRandomised {
		return "non-randomised evidence"
	}
	return "randomised evidence"
}

// Override replaces the computed rating of one domain with a reviewer's
// judgement. The justification is required: an override without one is
// an error.
type Override struct {
	// Domain is the domain overridden.
	Domain GradeDomain `json:"domain"`
	// Body limits the override to the randomised or the non-randomised
	// evidence; BodyAny (the zero value) applies it to both.
	Body BodyKind `json:"body,omitzero"`
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
	// Reason explains the computed rating with the body's data, in
	// English: it is Text rendered in English.
	Reason string `json:"reason"`
	// Text is Reason as a catalogued message (a code and typed
	// arguments), to show in any supported language with Text.In. As
	// JSON it is {"code":…,"args":[…]} (see message.Message).
	Text message.Message `json:"reason_text,omitzero"`
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
// with each field. Where GRADE leaves a number or a rule to judgement, the
// field says it is the library's choice, and so does the reason text of
// every rating that uses it.
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
	// RiskOfBiasShare is the share of the body (by meta-analysis weight,
	// or by count) above which a risk-of-bias or indirectness judgement
	// decides the body's rating; 0 means 0.5 ("more than half"). The
	// library's choice: GRADE asks whether the studies at risk carry
	// enough of the information to change the interpretation.
	RiskOfBiasShare float64
	// SomeConcernsRatesDown rates randomised evidence down one level when
	// more than RiskOfBiasShare of it has some concerns (RoB 2) or worse;
	// Cochrane Handbook Table 12.2.d allows this. Off by default: that
	// "some concerns" alone never rates down is the library's choice.
	SomeConcernsRatesDown bool
	// ROBINSNoInformation is how a ROBINS-I overall "no information" counts
	// in a body that starts high: ROBINSModerate (−1), ROBINSSerious (−2)
	// or ROBINSCritical (−3); 0 means ROBINSSerious. The library's choice:
	// GRADE 18 maps only moderate, serious and critical.
	ROBINSNoInformation ROBINSJudgement
	// SeriousI2 and VerySeriousI2 are the I² percentages above which
	// inconsistency is serious (−1) or very serious (−2); 0 means 50 and
	// 75. The library's choices.
	SeriousI2, VerySeriousI2 float64
	// MinStudiesI2 is the number of effect estimates from which I² alone
	// decides inconsistency; with fewer, the overlap of the studies'
	// confidence intervals and the direction of their effects decide
	// together with it. 0 means 4. The library's choice (I² is unreliable
	// with few studies).
	MinStudiesI2 int
	// ImprecisionRatioLower and ImprecisionRatioUpper bound the risk,
	// odds or hazard ratios that are not an appreciable benefit or harm;
	// 0 means 0.75 and 1.25, the rough guide of GRADE guidelines 6
	// (Guyatt et al., J Clin Epidemiol 2011;64:1283-1293).
	ImprecisionRatioLower, ImprecisionRatioUpper float64
	// MID is the minimal important difference for a difference measure
	// (md, smd, rd), on that measure's scale and positive; 0 means not
	// given, and then an interval that includes no effect is taken as
	// imprecise (the library's choice: it cannot tell whether the interval
	// holds an appreciable effect).
	MID float64
	// OISParticipants is the optimal information size for continuous
	// outcomes (and for bodies without effects), in participants; 0 means
	// 400. OISEvents is the one for binary outcomes, in events; 0 means
	// 300. The library's rules of thumb, not sample-size calculations.
	OISParticipants, OISEvents int
	// MinStudiesPublicationBias is the number of studies below which
	// publication bias cannot be assessed from data; 0 means 10. The
	// library's choice (funnel-plot methods need many studies).
	MinStudiesPublicationBias int
	// SmallStudySize is the size under which a study counts as small for
	// the industry-funded small-studies flag; 0 means 100. The library's
	// choice.
	SmallStudySize int
	// UnassessedNotRatedDown counts a comparative study without a complete
	// risk-of-bias assessment as not serious. By default (the library's
	// choice) an unassessed study counts as not low: nobody can say its
	// risk of bias is not serious.
	UnassessedNotRatedDown bool
	// RiskOfBiasByCount makes the risk-of-bias and indirectness ratings
	// count studies instead of weighting them by their meta-analysis
	// weight.
	RiskOfBiasByCount bool
	// UpgradeRandomised allows rating up randomised evidence; GRADE rates
	// up non-randomised evidence.
	UpgradeRandomised bool
	// UpgradeDespiteDowngrade allows rating up a body that was rated down
	// in some domain; GRADE usually rates up only when nothing rated the
	// evidence down.
	UpgradeDespiteDowngrade bool
	// PreferIncludedStudies settles a systematic review and studies it
	// includes (Review.Included) found in one body by keeping the studies
	// and leaving the review out; by default (the library's choice) the
	// review, which holds more of the evidence, is kept and the studies are
	// left out. Either way nothing is counted twice.
	PreferIncludedStudies bool
	// Overrides replace computed domain ratings with a reviewer's
	// judgement, at most one per domain and body.
	Overrides []Override

	// certaintyOnly is set by GradeCertainty: the per-study parts of the
	// reasons are not built, since no reason is returned.
	certaintyOnly bool
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
	def(&o.RiskOfBiasShare, 0.5)
	def(&o.SeriousI2, 50)
	def(&o.VerySeriousI2, 75)
	def(&o.ImprecisionRatioLower, 0.75)
	def(&o.ImprecisionRatioUpper, 1.25)
	defInt(&o.MinStudiesI2, 4)
	defInt(&o.OISParticipants, 400)
	defInt(&o.OISEvents, 300)
	defInt(&o.MinStudiesPublicationBias, 10)
	defInt(&o.SmallStudySize, 100)
	if o.ROBINSNoInformation == ROBINSNotAssessed {
		o.ROBINSNoInformation = ROBINSSerious
	}
	return o
}

// check reports misuse of the options: bad overrides and thresholds.
func (o *GradeOptions) check() error {
	var ps secretome.Problems
	c := checker{&ps}
	root := fieldpath.Root()
	if o.Measure != 0 && !o.Measure.valid() {
		p := root.Field("measure")
		c.err(&p, secretome.CodeEnum, "study.measure.unknown", textArg(uint8(o.Measure)))
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"serious_i2", o.SeriousI2}, {"very_serious_i2", o.VerySeriousI2}} {
		if math.IsNaN(f.v) || f.v < 0 || f.v > 100 {
			p := root.Field(f.name)
			c.err(&p, secretome.CodeRange, "grade.option.percent", textArg(f.name), textArg(f.v))
		}
	}
	if o.SeriousI2 > o.VerySeriousI2 {
		p := root.Field("very_serious_i2")
		c.err(&p, secretome.CodeInconsistent, "grade.option.i2_order", textArg(o.VerySeriousI2), textArg(o.SeriousI2))
	}
	if v := o.RiskOfBiasShare; !(v > 0 && v < 1) {
		p := root.Field("risk_of_bias_share")
		c.err(&p, secretome.CodeRange, "grade.option.rob_share", textArg(v))
	}
	if lo, hi := o.ImprecisionRatioLower, o.ImprecisionRatioUpper; !(lo > 0 && lo < 1) || !(hi > 1) || math.IsInf(hi, 0) {
		p := root.Field("imprecision_ratio_lower")
		if lo > 0 && lo < 1 {
			p = root.Field("imprecision_ratio_upper")
		}
		c.err(&p, secretome.CodeRange, "grade.option.ratios", textArg(lo), textArg(hi))
	}
	if v := o.MID; math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		p := root.Field("mid")
		c.err(&p, secretome.CodeRange, "grade.option.mid", textArg(v))
	}
	switch o.ROBINSNoInformation {
	case ROBINSModerate, ROBINSSerious, ROBINSCritical:
	default:
		p := root.Field("robins_no_information")
		c.err(&p, secretome.CodeEnum, "grade.option.robins_ni", textArg(o.ROBINSNoInformation))
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"min_studies_i2", o.MinStudiesI2}, {"ois_participants", o.OISParticipants}, {"ois_events", o.OISEvents}, {"min_studies_publication_bias", o.MinStudiesPublicationBias}, {"small_study_size", o.SmallStudySize}} {
		if f.v < 0 {
			p := root.Field(f.name)
			c.err(&p, secretome.CodeRange, "study.raw.negative", textArg(f.name), textArg(f.v))
		}
	}
	ov := root.Field("overrides")
	type key struct {
		d GradeDomain
		b BodyKind
	}
	seen := map[key]int{}
	for i, x := range o.Overrides {
		ip := ov.Index(i)
		dp := ip.Field("domain")
		if x.Domain < DomainRiskOfBias || x.Domain > DomainPlausibleConfounding {
			c.err(&dp, secretome.CodeEnum, "grade.option.domain", textArg(uint8(x.Domain)), textArg(strings.Join(allowedNames(domainNames), ", ")))
		} else if lo, hi := x.Domain.Range(); x.Effect < lo || x.Effect > hi {
			ep := ip.Field("effect")
			c.err(&ep, secretome.CodeRange, "grade.option.effect", textArg(x.Domain), textArg(lo), textArg(hi), textArg(x.Effect))
		}
		if int(x.Body) >= len(bodyKindNames) {
			bp := ip.Field("body")
			c.err(&bp, secretome.CodeEnum, "grade.option.body", textArg(uint8(x.Body)), textArg(strings.Join(bodyKindNames, ", ")))
		}
		if strings.TrimSpace(x.Justification) == "" {
			jp := ip.Field("justification")
			c.err(&jp, secretome.CodeRequired, "grade.option.justification", textArg(x.Domain))
		}
		dup := -1
		for _, b := range []BodyKind{BodyAny, BodyRandomised, BodyNonRandomised} {
			if j, ok := seen[key{x.Domain, b}]; ok && (b == BodyAny || x.Body == BodyAny || b == x.Body) {
				dup = j
				break
			}
		}
		if dup >= 0 {
			c.err(&dp, secretome.CodeDuplicate, "grade.option.override_twice", textArg(x.Domain), textArg(dup))
		} else {
			seen[key{x.Domain, x.Body}] = i
		}
	}
	return ps.Err()
}

// Exclusion is a study left out of a body of evidence, with the reason.
type Exclusion struct {
	// StudyID is the ID of the study left out.
	StudyID string `json:"study_id"`
	// Reason says why, in English: it is Text rendered in English.
	Reason string `json:"reason"`
	// Text is Reason as a catalogued message, to show in any supported
	// language with Text.In.
	Text message.Message `json:"reason_text,omitzero"`
}

// exclusion returns the exclusion of the study with the reason's code and
// arguments.
func exclusion(id, code string, args ...message.Arg) Exclusion {
	m := message.New(code, args...)
	return Exclusion{StudyID: id, Text: m}
}

// Assessment is the GRADE certainty of a body of evidence for one
// outcome, with every step that led to it.
//
// Randomised and non-randomised evidence for one outcome are rated
// separately. When a body holds both, the Assessment Grade returns is the
// one that leads (see Lead) and Other holds the other; Certainty is then
// the leading body's certainty.
type Assessment struct {
	// Question is the question graded.
	Question Question `json:"question"`
	// Body says which evidence this assessment rates: BodyRandomised or
	// BodyNonRandomised; BodyAny only when nothing was graded.
	Body BodyKind `json:"body"`
	// Certainty is the final certainty: Start moved by the domains'
	// effects, clamped to very low .. high.
	Certainty Certainty `json:"certainty"`
	// Start is the starting certainty from the body's designs and
	// risk-of-bias tool.
	Start Certainty `json:"start"`
	// StartReason explains Start, in English: it is StartText rendered
	// in English.
	StartReason string `json:"start_reason"`
	// StartText is StartReason as a catalogued message, to show in any
	// supported language with StartText.In.
	StartText message.Message `json:"start_text,omitzero"`
	// Domains rates all eight domains, in the order of the GradeDomain
	// constants.
	Domains []DomainRating `json:"domains,omitzero"`
	// Score is Start plus every domain's effect before clamping, on the
	// scale very low = 1 .. high = 4.
	Score int `json:"score"`
	// Studies lists the IDs of the studies this assessment grades, in
	// body order; when the body was split, the other body's are in
	// Other.Studies.
	Studies []string `json:"studies,omitzero"`
	// Excluded lists the studies left out, with reasons. When the body
	// was split, the leading assessment lists every exclusion.
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
	// Other is the separately rated other kind of evidence for the same
	// outcome (non-randomised when this one is randomised, and the reverse)
	// when the body holds both; nil otherwise.
	Other *Assessment `json:"other,omitzero"`
	// Lead says why this assessment leads when Other is set: the body of
	// higher certainty is the one presented, and on a tie the randomised
	// evidence (the library's choice).
	Lead string `json:"lead,omitzero"`
	// LeadText is Lead as a catalogued message, to show in any supported
	// language with LeadText.In.
	LeadText message.Message `json:"lead_text,omitzero"`
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
// the result. When the body was split, the first line says which evidence
// leads and the lines of each body begin with its name ("randomised
// evidence: "). The lines are ReasonTexts rendered in English; the
// wording is for people and may change.
func (a *Assessment) Reasons() []string {
	texts := a.ReasonTexts()
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = t.String()
	}
	return out
}

// ReasonTexts returns the lines of Reasons as catalogued messages (codes
// "grade.line.*" whose arguments are the certainty, the domain, its
// effect and its reason's own message), so that they can be shown in any
// supported language: ReasonTexts()[i].In(message.Indonesian). Nothing
// is rendered until a line is asked for in a language.
func (a *Assessment) ReasonTexts() []message.Message {
	if a.Other == nil {
		return a.ownReasons(message.Message{}, nil)
	}
	out := []message.Message{a.LeadText}
	out = a.ownReasons(bodyPrefix(a.Body), out)
	return a.Other.ownReasons(bodyPrefix(a.Other.Body), out)
}

// bodyPrefix is the name of a body that begins its lines of Reasons.
func bodyPrefix(k BodyKind) message.Message {
	return message.New("grade.line.body", message.Enum("body", k.String()))
}

// certaintyTerm is a certainty as the reasons name it: its spelling in
// English ("very_low"), its words in other languages.
func certaintyTerm(c Certainty) message.Arg { return message.Enum("grade_certainty", c.String()) }

// domainTerm is a domain as the reasons name it: its spelling in English
// ("risk_of_bias"), its GRADE name in other languages.
func domainTerm(d GradeDomain) message.Arg { return message.Enum("grade_domain", d.String()) }

func (a *Assessment) ownReasons(prefix message.Message, out []message.Message) []message.Message {
	if a.Certainty == CertaintyNotGraded {
		return append(out, message.New("grade.line.not_graded", prefix, a.StartText))
	}
	out = append(out, message.New("grade.line.start", prefix, certaintyTerm(a.Start), a.StartText))
	for _, d := range a.Domains {
		switch {
		case d.Overridden:
			out = append(out, message.New("grade.line.override", prefix, domainTerm(d.Domain), message.Text(signed(d.Effect)), message.Text(signed(d.Computed)), message.Text(d.Justification)))
		case d.Effect != 0:
			out = append(out, message.New("grade.line.effect", prefix, domainTerm(d.Domain), message.Text(signed(d.Effect)), d.Text))
		case d.Flagged:
			out = append(out, message.New("grade.line.flagged", prefix, domainTerm(d.Domain), d.Text))
		case !d.Assessed:
			out = append(out, message.New("grade.line.not_assessed", prefix, domainTerm(d.Domain), d.Text))
		}
	}
	return append(out, message.New("grade.line.certainty", prefix, certaintyTerm(a.Certainty), message.Int(a.Score)))
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
// contributes the outcome the question names (or its first outcome). A
// systematic review and a study it includes (matched by Review.Included
// against the study's ID, DOI, PMID and registration numbers) are not
// counted twice: the study is left out, or the review with
// opt.PreferIncludedStudies.
//
// Two bodies. Randomised evidence (randomised and n-of-1 trials, reviews
// of them only) and non-randomised evidence (everything else) are pooled
// and rated separately (Cochrane Handbook ch. 14 and 24); the result is
// the body of higher certainty, with the other in Assessment.Other.
//
// Start. Randomised evidence starts high. Non-randomised evidence whose
// comparative studies were all assessed with ROBINS-I starts high and is
// rated down for risk of bias by the ROBINS-I judgement (GRADE guidelines
// 18: Schünemann et al., J Clin Epidemiol 2019;111:105-114); other
// non-randomised evidence with a comparison starts low (Cochrane Handbook
// 5.1, Table 12.2.a), and case reports and series alone start very low.
// Never both: a body that starts low is not rated down again for the
// confounding that starting low already counts.
//
// Rating down, −1 (serious) or −2 (very serious) per domain:
//
//  1. Risk of bias, from each comparative primary study's overall
//     judgement, weighted by meta-analysis weight when every such study
//     was pooled and opt.RiskOfBiasByCount is false, by count otherwise;
//     a judgement decides when it holds for more than opt.RiskOfBiasShare
//     of the body (the library's choice, default one half). ROBINS-I
//     bodies that start high: moderate −1, serious −2, critical −3.
//     Randomised evidence: −1 for high risk (RoB 2), or for some concerns
//     with opt.SomeConcernsRatesDown. Bodies that start low: −1 for
//     serious and −2 for critical risk judged without the confounding
//     domain. A study without an assessment counts as not low (the
//     library's choice; opt.UnassessedNotRatedDown counts it as not
//     serious). Reviews are left out: the risk of bias of their
//     included studies is not modelled, and the reason asks for an
//     override.
//  2. Inconsistency, from the meta-analysis (two or more effects): from
//     opt.MinStudiesI2 (4) estimates on, −1 above opt.SeriousI2 (50 %) and
//     −2 above opt.VerySeriousI2 (75 %); with fewer, I² decides only
//     together with the overlap of the confidence intervals and the
//     direction of the effects: −1 when the intervals do not all overlap
//     and the effects point different ways, or when I² is above the
//     serious threshold and either holds; −2 when I² is above the very
//     serious threshold and both hold. The numbers are the library's
//     choices.
//  3. Indirectness, from the PICO match (population, intervention,
//     comparator, surrogate outcome; see Level): −1 when more than
//     opt.RiskOfBiasShare of the body differs in one element, −2 when it
//     differs in two or more (the library's choice).
//  4. Imprecision (GRADE guidelines 6): −1 when the confidence interval
//     includes no effect and an appreciable effect (a ratio beyond
//     opt.ImprecisionRatioLower or opt.ImprecisionRatioUpper, 0.75 and
//     1.25; a difference beyond opt.MID), −2 when it includes appreciable
//     effects both ways; −1 when the body is below the optimal information
//     size (opt.OISEvents events for binary measures,
//     opt.OISParticipants participants otherwise; the library's rules of
//     thumb); at most −2. A narrow interval around no effect is precise.
//     Without an estimate, a body of fewer than opt.OISParticipants
//     known participants is −1.
//  5. Publication bias cannot be assessed from fewer than
//     opt.MinStudiesPublicationBias studies, and is otherwise left to the
//     reviewer (an Override); a body made only of small industry-funded
//     studies is flagged.
//
// Rating up, only for non-randomised evidence (opt.UpgradeRandomised
// lifts that) with no domain rated down (opt.UpgradeDespiteDowngrade
// lifts that):
//
//  6. Large effect (GRADE guidelines 9: Guyatt et al., J Clin Epidemiol
//     2011;64:1311-1316), from the estimate as a risk ratio (an odds ratio
//     is converted with the control risk of the raw data), only from at
//     least two studies with consistent results (inconsistency not rated
//     down) and an interval that excludes no effect: +1 for RR > 2 or
//     < 0.5, +2 for RR > 5 or < 0.2, the +2 only without a serious
//     risk-of-bias or imprecision concern.
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
	a, err := grade(body, opt)
	if err == nil {
		a.renderReasons()
	}
	return a, err
}

// GradeCertainty returns the certainty Grade gives the body, without
// writing out the reasons' English text: for callers that need only the
// certainty, such as the assessment of a dossier's claims, which grades
// every claim's evidence. Its errors are Grade's.
func GradeCertainty(body Body, opt GradeOptions) (Certainty, error) {
	opt.certaintyOnly = true
	a, err := grade(body, opt)
	return a.Certainty, err
}

// grade is Grade without rendering the reasons in English.
func grade(body Body, opt GradeOptions) (Assessment, error) {
	opt = opt.withDefaults()
	if err := opt.check(); err != nil {
		return Assessment{}, fmt.Errorf("%w: %w", ErrOptions, err)
	}
	q := body.Question
	var excluded []Exclusion
	var studies []bodyStudy
	for i := range body.Studies {
		s := &body.Studies[i]
		switch {
		case !s.Design.Valid():
			excluded = append(excluded, exclusion(s.ID, "grade.excluded.design"))
			continue
		case s.Design.Mechanistic():
			excluded = append(excluded, exclusion(s.ID, "grade.excluded.mechanistic", message.Text(s.Design.String())))
			continue
		}
		o, why := s.outcomeFor(q)
		if o == nil && q.Outcome != "" {
			excluded = append(excluded, Exclusion{StudyID: s.ID, Text: why})
			continue
		}
		studies = append(studies, bodyStudy{s: s, outcome: o, weight: -1})
	}
	studies, excluded, dupNotes := dropDoubleCounted(studies, excluded, opt.PreferIncludedStudies)
	var rnd, non []bodyStudy
	for _, b := range studies {
		if randomisedEvidence(b.s) {
			rnd = append(rnd, b)
		} else {
			non = append(non, b)
		}
	}
	var a Assessment
	switch {
	case len(rnd) > 0 && len(non) > 0:
		r := gradeBody(BodyRandomised, rnd, q, opt)
		n := gradeBody(BodyNonRandomised, non, q, opt)
		lead, other := r, n
		why := message.New("grade.lead.randomised", certaintyTerm(r.Certainty), certaintyTerm(n.Certainty))
		switch {
		case n.Certainty > r.Certainty:
			lead, other = n, r
			why = message.New("grade.lead.non_randomised", certaintyTerm(n.Certainty), certaintyTerm(r.Certainty))
		case n.Certainty == r.Certainty:
			why = message.New("grade.lead.tie", certaintyTerm(r.Certainty))
		}
		a = lead
		a.Other = &other
		a.LeadText = message.New("grade.lead", message.Enum("body", lead.Body.String()), why)
	case len(rnd) > 0:
		a = gradeBody(BodyRandomised, rnd, q, opt)
	case len(non) > 0:
		a = gradeBody(BodyNonRandomised, non, q, opt)
	default:
		a = Assessment{Question: q}
		switch len(excluded) {
		case 0:
			a.StartText = message.New("grade.start.none")
		case 1:
			a.StartText = message.New("grade.start.one_left_out", excluded[0].Text)
		default:
			a.StartText = message.New("grade.start.all_left_out", message.Int(len(excluded)))
		}
	}
	a.Excluded = excluded
	a.Notes = append(dupNotes, a.Notes...)
	return a, nil
}

// randomisedEvidence reports whether a study belongs to the randomised
// body: a randomised design, or a review whose included designs are all
// randomised.
func randomisedEvidence(s *Study) bool {
	if s.Design.Randomised() {
		return true
	}
	return s.Design.Synthesis() && s.Review != nil && len(s.Review.Designs) > 0 &&
		!slices.ContainsFunc(s.Review.Designs, func(x Design) bool { return !x.Randomised() })
}

// dropDoubleCounted leaves out, for each systematic review in the body,
// the studies it includes (or, with preferIncluded, the review), so that
// no study is counted twice. Reviews that share included studies are kept
// and noted.
func dropDoubleCounted(studies []bodyStudy, excluded []Exclusion, preferIncluded bool) ([]bodyStudy, []Exclusion, []string) {
	reviewsOf := map[string][]int{} // identifier key -> indices of reviews including it
	for i, b := range studies {
		if b.s.Design.Synthesis() && b.s.Review != nil {
			for _, id := range b.s.Review.Included {
				if k := identifierKey(id); k != "" && !slices.Contains(reviewsOf[k], i) {
					reviewsOf[k] = append(reviewsOf[k], i)
				}
			}
		}
	}
	if len(reviewsOf) == 0 {
		return studies, excluded, nil
	}
	drop := make([]message.Message, len(studies)) // reason, zero = keep
	found := map[int][]string{}                   // review index -> IDs of included studies found in the body
	var notes []string
	for i, b := range studies {
		var in []int
		for _, k := range b.s.identifiers() {
			for _, r := range reviewsOf[k] {
				if r != i && !slices.Contains(in, r) {
					in = append(in, r)
				}
			}
		}
		if len(in) == 0 {
			continue
		}
		if b.s.Design.Synthesis() {
			notes = append(notes, "review "+b.s.ID+" is itself listed as included by another review in the body; both are kept, judge their overlap")
			continue
		}
		for _, r := range in {
			found[r] = append(found[r], b.s.ID)
		}
		if !preferIncluded {
			var names message.Arg
			for k := len(in) - 1; k >= 0; k-- { // "a and b and c", nested from the end
				id := message.Text(studies[in[k]].s.ID)
				if names == nil {
					names = id
				} else {
					names = message.And{id, names}
				}
			}
			drop[i] = message.New("grade.excluded.in_review", names)
		}
	}
	if preferIncluded {
		for r, ids := range found {
			drop[r] = message.New("grade.excluded.prefer_included", message.Text(strings.Join(ids, ", ")))
		}
	}
	kept := studies[:0:0]
	for i, b := range studies {
		if !drop[i].IsZero() {
			excluded = append(excluded, Exclusion{StudyID: b.s.ID, Text: drop[i]})
			continue
		}
		kept = append(kept, b)
	}
	return kept, excluded, notes
}

// gradeBody rates one body: randomised or non-randomised evidence.
func gradeBody(kind BodyKind, studies []bodyStudy, q Question, opt GradeOptions) Assessment {
	a := Assessment{Question: q, Body: kind}
	for _, b := range studies {
		a.Studies = append(a.Studies, b.s.ID)
	}
	st := startCertainty(kind, studies)
	a.Start, a.StartText = st.start, st.reason
	est := estimateBody(studies, opt, &a)

	downs := []DomainRating{
		rateRiskOfBias(kind, st, studies, opt),
		rateInconsistency(est, opt),
		rateIndirectness(studies, q, opt),
		rateImprecision(studies, est, opt),
		ratePublicationBias(studies, opt),
	}
	applyOverrides(kind, downs, opt.Overrides)
	down := 0
	for _, d := range downs {
		down += d.Effect
	}
	ups := []DomainRating{
		rateLargeEffect(est, downs),
		rated(DomainDoseResponse, "grade.dose_response"),
		rated(DomainPlausibleConfounding, "grade.confounding"),
	}
	var gate message.And
	if kind == BodyRandomised && !opt.UpgradeRandomised {
		gate = append(gate, message.New("grade.up.randomised"))
	}
	if down < 0 && !opt.UpgradeDespiteDowngrade {
		gate = append(gate, message.New("grade.up.rated_down"))
	}
	if len(gate) > 0 {
		for i := range ups {
			if ups[i].Effect != 0 {
				ups[i].say("grade.up.gate", gate, message.Text(signed(ups[i].Effect)), ups[i].Text)
				ups[i].Effect = 0
			}
		}
	}
	applyOverrides(kind, ups, opt.Overrides)
	a.Domains = append(downs, ups...)
	a.Score = int(a.Start)
	for _, d := range a.Domains {
		a.Score += d.Effect
	}
	a.Certainty = Certainty(min(max(a.Score, int(CertaintyVeryLow)), int(CertaintyHigh)))
	return a
}

// rated returns the rating of domain d, not computed from the data, with
// the reason's code and arguments.
func rated(d GradeDomain, code string, args ...message.Arg) DomainRating {
	r := DomainRating{Domain: d}
	r.say(code, args...)
	return r
}

// say sets the reason's Text from the code and arguments; Grade renders
// Reason from it at the end (see renderReasons).
func (r *DomainRating) say(code string, args ...message.Arg) {
	r.Text = message.New(code, args...)
}

// renderReasons fills the English strings of a and of a.Other from their
// messages. Grade calls it once, when the assessment is complete;
// GradeCertainty, which returns only the certainty, does not.
func (a *Assessment) renderReasons() {
	a.StartReason, a.Lead = a.StartText.String(), a.LeadText.String()
	for i := range a.Domains {
		a.Domains[i].Reason = a.Domains[i].Text.String()
	}
	for i := range a.Excluded {
		a.Excluded[i].Reason = a.Excluded[i].Text.String()
	}
	if a.Other != nil {
		a.Other.renderReasons()
	}
}

func applyOverrides(kind BodyKind, ds []DomainRating, overrides []Override) {
	for i := range ds {
		ds[i].Computed = ds[i].Effect
		for _, o := range overrides {
			if o.Domain == ds[i].Domain && (o.Body == BodyAny || o.Body == kind) {
				ds[i].Overridden = true
				ds[i].Effect = o.Effect
				ds[i].Justification = strings.TrimSpace(o.Justification)
			}
		}
	}
}

// start is a body's starting certainty and how it was reached.
type start struct {
	start  Certainty
	reason message.Message
	// robins reports that the body starts high because every comparative
	// study in it was assessed with ROBINS-I.
	robins bool
}

// startCertainty returns the starting certainty of one body.
func startCertainty(kind BodyKind, studies []bodyStudy) start {
	if kind == BodyRandomised {
		return start{start: CertaintyHigh, reason: message.New("grade.start.randomised", message.Int(len(studies)))}
	}
	var comp, robins, reviews, unc int
	for _, b := range studies {
		d := b.s.Design
		switch {
		case d.Synthesis():
			reviews++
		case d.NonRandomisedComparative():
			comp++
			if rb := b.s.RiskOfBias.ROBINSI; rb != nil && b.s.RiskOfBias.RoB2 == nil && rb.Overall().Judgement != ROBINSNotAssessed {
				robins++
			}
		default:
			unc++
		}
	}
	var mixed message.Message
	if unc > 0 && comp+reviews > 0 {
		mixed = message.New("grade.start.mixed", message.Int(unc))
	}
	switch {
	case comp > 0 && robins == comp && reviews == 0:
		return start{start: CertaintyHigh, robins: true, reason: message.New("grade.start.robins", message.Count{N: comp, Noun: "noun.nrs"}, mixed)}
	case comp+reviews > 0:
		why := "grade.start.why.partial"
		if robins == 0 && comp > 0 {
			why = "grade.start.why.none"
		}
		if reviews > 0 {
			why = "grade.start.why.reviews"
		}
		return start{start: CertaintyLow, reason: message.New("grade.start.observational", message.Count{N: comp + reviews, Noun: "noun.nrs"}, message.New(why), mixed)}
	}
	return start{start: CertaintyVeryLow, reason: message.New("grade.start.uncontrolled", message.Int(unc))}
}

type bodyEstimate struct {
	result  *Result
	members []*bodyStudy
	effects []Effect // the members' effects, in the same order
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
			a.Notes = append(a.Notes, b.s.ID+" not pooled: "+oneLine(err))
			continue
		}
		e.Label = b.s.ID
		effects = append(effects, e)
		members = append(members, b)
	}
	if len(effects) == 0 {
		a.Notes = append(a.Notes, "no study gives the outcome as "+m.String()+": there is no effect estimate")
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
	return bodyEstimate{result: &res, members: members, effects: effects}
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

func shareText(f float64, basis string) message.Message {
	if basis == "weight" {
		return message.New("grade.share.weight", message.Text(fixed(100*f, 0)))
	}
	return message.New("grade.share.count", message.Text(fixed(100*f, 0)))
}

// severity names a rating-down step.
func severity(step int) message.Arg {
	switch step {
	case 0:
		return message.Term("grade_severity.not_serious")
	case -1:
		return message.Term("grade_severity.serious")
	case -2:
		return message.Term("grade_severity.very_serious")
	}
	return message.Term("grade_severity.extremely_serious")
}

func rateRiskOfBias(kind BodyKind, st start, studies []bodyStudy, opt GradeOptions) DomainRating {
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
	var reviewText message.Message
	if reviews > 0 {
		reviewText = message.New("grade.rob.review_note", message.Int(reviews))
	}
	if len(comp) == 0 {
		if reviews > 0 {
			r.say("grade.rob.reviews_only", reviewText)
			return r
		}
		r.say("grade.rob.uncontrolled")
		return r
	}
	r.Assessed = true
	step := make(map[*bodyStudy]int, len(comp))
	var parts []message.Arg
	var method string
	for _, b := range comp {
		var n int
		var what message.Arg
		switch {
		case st.robins:
			j := b.s.RiskOfBias.ROBINSI.Overall().Judgement
			what = message.New("grade.rob.robins", judgementTerm(j.String()))
			if j == ROBINSNoInformation {
				j = opt.ROBINSNoInformation
				what = message.New("grade.rob.robins_ni", judgementTerm(ROBINSNoInformation.String()), judgementTerm(j.String()))
			}
			n = [...]int{0, 0, -1, -2, -3, -2}[j]
		case kind == BodyRandomised:
			br, _ := b.s.Bias(opt.RoB2)
			what = judgementTerm(br.String())
			switch br {
			case BiasLow:
			case BiasModerate:
				if opt.SomeConcernsRatesDown {
					n = -1
				}
			case BiasCritical:
				n = -2
			case BiasNotAssessed:
				if !opt.UnassessedNotRatedDown {
					n = -1
				}
			default:
				n = -1
			}
		default:
			br, w := biasWithoutConfounding(b.s, opt.RoB2)
			what = w
			switch br {
			case BiasLow, BiasModerate:
			case BiasCritical:
				n = -2
			case BiasNotAssessed:
				if !opt.UnassessedNotRatedDown {
					n = -1
				}
			default:
				n = -1
			}
		}
		step[b] = n
		if !opt.certaintyOnly {
			parts = append(parts, message.New("grade.rob.study", message.Text(b.s.ID), what))
		}
	}
	switch {
	case st.robins:
		method = "grade.rob.method.robins"
	case kind == BodyRandomised && opt.SomeConcernsRatesDown:
		method = "grade.rob.method.some_concerns"
	case kind == BodyRandomised:
		method = "grade.rob.method.rob2"
	default:
		method = "grade.rob.method.low_start"
	}
	var basis string
	var sh float64
	for s := -3; s <= -1; s++ {
		sh, basis = share(comp, opt.RiskOfBiasByCount, func(b *bodyStudy) bool { return step[b] <= s })
		if sh > opt.RiskOfBiasShare {
			r.Effect = s
			break
		}
	}
	var unassessed message.Message
	for _, b := range comp {
		if br, _ := b.s.Bias(opt.RoB2); br == BiasNotAssessed {
			unassessed = message.New("grade.rob.unassessed.not_low")
			if opt.UnassessedNotRatedDown {
				unassessed = message.New("grade.rob.unassessed.not_serious")
			}
			break
		}
	}
	rule := message.New("grade.rob.rule", message.New(method), message.Text(gnum(100*opt.RiskOfBiasShare)), unassessed)
	list := joinList(parts, "grade.list.comma")
	if r.Effect == 0 {
		r.say("grade.rob.not_serious", list, rule, reviewText)
		return r
	}
	r.say("grade.rob.rated", severity(r.Effect), stepWords(r.Effect, st.robins), shareText(sh, basis), list, rule, reviewText)
	return r
}

// stepWords says what a risk-of-bias step stands for.
func stepWords(n int, robins bool) message.Message {
	if robins {
		return message.New([...]string{"grade.rob.step.robins_critical", "grade.rob.step.robins_serious", "grade.rob.step.robins_moderate"}[n+3])
	}
	if n <= -2 {
		return message.New("grade.rob.step.critical")
	}
	return message.New("grade.rob.step.high")
}

// judgementTerm is a risk-of-bias judgement as the reasons name it: its
// spelling in English ("some_concerns"), its words in other languages.
func judgementTerm(spelling string) message.Arg {
	if t, ok := judgementTerms[spelling]; ok {
		return t
	}
	return message.Enum("grade_judgement", spelling)
}

// judgementTerms holds the terms of the judgements, made once so that
// grading a study does not build the same term again. Never written.
var judgementTerms = func() map[string]message.Arg {
	m := map[string]message.Arg{}
	for _, names := range [][]string{rob2Names, robinsNames, biasNames} {
		for _, n := range names {
			m[n] = message.Enum("grade_judgement", n)
		}
	}
	return m
}()

// joinList joins the items pairwise with the template code ("{0}, {1}"
// or "{0}; {1}"), nested from the end, so that the list reads the same in
// every language. It is the zero Message for no items.
func joinList(items []message.Arg, code string) message.Message {
	switch len(items) {
	case 0:
		return message.Message{}
	case 1:
		if m, ok := items[0].(message.Message); ok {
			return m
		}
		return message.New("grade.list.one", items[0])
	}
	out := message.New(code, items[len(items)-2], items[len(items)-1])
	for i := len(items) - 3; i >= 0; i-- {
		out = message.New(code, items[i], out)
	}
	return out
}

// biasWithoutConfounding returns a non-randomised study's risk of bias
// with the ROBINS-I confounding domain left out, for a body that starts
// low (the low start already counts confounding), and the description.
func biasWithoutConfounding(s *Study, opt RoB2Options) (BiasRisk, message.Arg) {
	rb := s.RiskOfBias.ROBINSI
	if rb == nil || s.RiskOfBias.RoB2 != nil {
		b, _ := s.Bias(opt)
		return b, judgementTerm(b.String())
	}
	c := *rb
	c.Confounding = ROBINSLow
	j := c.Overall().Judgement
	b := [...]BiasRisk{BiasNotAssessed, BiasLow, BiasModerate, BiasHigh, BiasCritical, BiasNoInformation}[j]
	return b, message.New("grade.rob.robins_no_confounding", judgementTerm(j.String()))
}

func rateInconsistency(est bodyEstimate, opt GradeOptions) DomainRating {
	r := DomainRating{Domain: DomainInconsistency}
	if est.result == nil || est.result.K < 2 {
		r.say("grade.inconsistency.few")
		return r
	}
	r.Assessed = true
	i2, k := est.result.I2, est.result.K
	thr := message.New("grade.inconsistency.thresholds", message.Text(gnum(opt.SeriousI2)), message.Text(gnum(opt.VerySeriousI2)))
	if k >= opt.MinStudiesI2 {
		switch {
		case i2 > opt.VerySeriousI2:
			r.Effect = -2
		case i2 > opt.SeriousI2:
			r.Effect = -1
		}
		r.say("grade.inconsistency.i2", severity(r.Effect), message.Text(fixed(i2, 1)), message.Int(k), thr)
		return r
	}
	overlap, mixed := overlapAndDirection(est.effects, est.result.Level)
	ov := "grade.inconsistency.overlap"
	if !overlap {
		ov = "grade.inconsistency.no_overlap"
	}
	dir := "grade.inconsistency.same_way"
	if mixed {
		dir = "grade.inconsistency.different_ways"
	}
	switch {
	case i2 > opt.VerySeriousI2 && !overlap && mixed:
		r.Effect = -2
	case (!overlap && mixed) || (i2 > opt.SeriousI2 && (!overlap || mixed)):
		r.Effect = -1
	}
	r.say("grade.inconsistency.few_studies", severity(r.Effect), message.Int(k), message.Int(opt.MinStudiesI2), message.Text(fixed(i2, 1)), thr, message.New(ov), message.New(dir))
	return r
}

// overlapAndDirection reports whether the effects' confidence intervals at
// the level share a common point, and whether the point estimates lie on
// both sides of no effect.
func overlapAndDirection(effects []Effect, level float64) (overlap, mixed bool) {
	lo, hi := math.Inf(-1), math.Inf(1)
	var pos, neg int
	for _, e := range effects {
		if ci, err := e.CI(level); err == nil {
			lo, hi = max(lo, ci.Lower), min(hi, ci.Upper)
		}
		switch {
		case e.Yi > 0:
			pos++
		case e.Yi < 0:
			neg++
		}
	}
	return lo <= hi, pos > 0 && neg > 0
}

func rateIndirectness(studies []bodyStudy, q Question, opt GradeOptions) DomainRating {
	r := DomainRating{Domain: DomainIndirectness}
	all := make([]*bodyStudy, len(studies))
	mism := make(map[*bodyStudy]picoMismatch, len(studies))
	surrogate := false
	for i := range studies {
		all[i] = &studies[i]
		m := indirectParts(studies[i].s, q, !opt.certaintyOnly)
		mism[all[i]] = m
		surrogate = surrogate || m.outcome
	}
	if q.Indication == "" && q.ProductID == "" && q.Comparator == ComparatorUnknown && !surrogate {
		r.say("grade.indirectness.none")
		return r
	}
	r.Assessed = true
	two, basis := share(all, opt.RiskOfBiasByCount, func(b *bodyStudy) bool { return mism[b].count() >= 2 })
	anyInd, _ := share(all, opt.RiskOfBiasByCount, func(b *bodyStudy) bool { return mism[b].count() >= 1 })
	var parts []message.Arg
	for _, b := range all {
		if m := mism[b]; len(m.reasons) > 0 && !opt.certaintyOnly {
			parts = append(parts, message.New("grade.pico.study", message.Text(b.s.ID), joinList(m.reasons, "grade.list.semicolon")))
		}
	}
	var detail message.Message
	if len(parts) > 0 {
		detail = message.New("grade.pico.detail", joinList(parts, "grade.list.semicolon"))
	}
	rule := message.New("grade.indirectness.rule", message.Text(gnum(100*opt.RiskOfBiasShare)))
	switch {
	case two > opt.RiskOfBiasShare:
		r.Effect = -2
		r.say("grade.indirectness.very_serious", shareText(two, basis), detail, rule)
	case anyInd > opt.RiskOfBiasShare:
		r.Effect = -1
		r.say("grade.indirectness.serious", shareText(anyInd, basis), detail, rule)
	default:
		r.say("grade.indirectness.not_serious", shareText(1-anyInd, basis), detail, rule)
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
			r.say("grade.imprecision.none")
			return r
		}
		r.Assessed = true
		if n < opt.OISParticipants {
			r.Effect = -1
			r.say("grade.imprecision.small", message.Count{N: n, Noun: "noun.participant"}, message.Count{N: known, Noun: "noun.study"}, message.Int(opt.OISParticipants))
		} else {
			r.say("grade.imprecision.enough", message.Int(n), message.Int(opt.OISParticipants))
		}
		return r
	}
	r.Assessed = true
	res := est.result
	e, ci, _ := res.BackTransform()
	ciText := message.New("grade.imprecision.ci_text", message.Text(res.Measure.String()), message.Text(gprec(e, 3)), message.Text(gprec(100*res.Level, 4)), message.Text(gprec(ci.Lower, 3)), message.Text(gprec(ci.Upper, 3)))

	// The interval (GRADE guidelines 6).
	ciStep := 0
	var ciSays message.Message
	var below, above, known bool
	var thr message.Message
	switch {
	case res.Measure.IsRatio():
		below, above, known = ci.Lower < opt.ImprecisionRatioLower, ci.Upper > opt.ImprecisionRatioUpper, true
		thr = message.New("grade.imprecision.thr_ratio", message.Text(gnum(opt.ImprecisionRatioLower)), message.Text(gnum(opt.ImprecisionRatioUpper)))
	case opt.MID > 0:
		below, above, known = ci.Lower < -opt.MID, ci.Upper > opt.MID, true
		thr = message.New("grade.imprecision.thr_mid", message.Text(gnum(opt.MID)))
	}
	switch {
	case !res.CI.Contains(0):
		ciSays = message.New("grade.imprecision.ci_excludes", ciText)
	case !known:
		ciStep = -1
		ciSays = message.New("grade.imprecision.ci_no_mid", ciText)
	case below && above:
		ciStep = -2
		ciSays = message.New("grade.imprecision.ci_both", ciText, thr)
	case below || above:
		ciStep = -1
		ciSays = message.New("grade.imprecision.ci_one", ciText, thr)
	default:
		ciSays = message.New("grade.imprecision.ci_precise", ciText, thr)
	}

	// The optimal information size.
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
	oisStep := 0
	var oisSays message.Message
	switch {
	case binary && eventsKnown:
		oisSays = message.New("grade.imprecision.events_enough", message.Int(events), message.Int(opt.OISEvents))
		if events < opt.OISEvents {
			oisStep = -1
			oisSays = message.New("grade.imprecision.events_below", message.Int(events), message.Int(opt.OISEvents))
		}
	case partsKnown:
		oisSays = message.New("grade.imprecision.participants_enough", message.Int(participants), message.Int(opt.OISParticipants))
		if participants < opt.OISParticipants {
			oisStep = -1
			oisSays = message.New("grade.imprecision.participants_below", message.Int(participants), message.Int(opt.OISParticipants))
		}
	default:
		oisSays = message.New("grade.imprecision.ois_unknown")
	}
	r.Effect = max(ciStep+oisStep, -2)
	if ciStep == 0 && oisStep < 0 {
		ciSays, oisSays = oisSays, ciSays
	}
	r.say("grade.imprecision.rated", severity(r.Effect), ciSays, oisSays)
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
	var flag message.Message
	if small == len(studies) {
		r.Flagged = true
		flag = message.New("grade.publication.flag", message.Int(opt.SmallStudySize))
	}
	if len(studies) < opt.MinStudiesPublicationBias {
		r.say("grade.publication.few", message.Count{N: len(studies), Noun: "noun.study"}, message.Int(opt.MinStudiesPublicationBias), flag)
		return r
	}
	r.say("grade.publication.not_computed", flag)
	return r
}

func rateLargeEffect(est bodyEstimate, downs []DomainRating) DomainRating {
	r := DomainRating{Domain: DomainLargeEffect}
	if est.result == nil {
		r.say("grade.large.none")
		return r
	}
	res := est.result
	var rr float64
	var converted message.Message // the odds ratio converted, for an OR
	switch res.Measure {
	case MeasureRR:
		rr = math.Exp(res.Estimate)
	case MeasureOR:
		var ev, n int
		for _, b := range est.members {
			raw := b.outcome.Raw
			if raw == nil || raw.EventsControl == nil || raw.TotalControl == nil {
				r.say("grade.large.or_control_risk")
				return r
			}
			ev += *raw.EventsControl
			n += *raw.TotalControl
		}
		if n == 0 {
			r.say("grade.large.or_no_control")
			return r
		}
		p0 := float64(ev) / float64(n)
		or := math.Exp(res.Estimate)
		rr = or / (1 - p0 + p0*or)
		converted = message.New("grade.large.or", message.Text(gprec(or, 3)), message.Text(gprec(rr, 3)), message.Text(gprec(p0, 3)))
	default:
		r.say("grade.large.measure", message.Text(res.Measure.String()))
		return r
	}
	r.Assessed = true
	rrText := message.Text(gprec(rr, 3))
	if res.CI.Contains(0) {
		r.say("grade.large.includes_null", converted, rrText)
		return r
	}
	n, word := largeEffect(rr)
	if n == 0 {
		r.say("grade.large.not_large", converted, rrText)
		return r
	}
	if res.K < 2 {
		r.say("grade.large.single", converted, rrText)
		return r
	}
	if downs[1].Effect < 0 {
		r.say("grade.large.inconsistent", converted, rrText)
		return r
	}
	bounds := message.New("grade.large.bounds_large")
	if n == 2 {
		bounds = message.New("grade.large.bounds_very_large")
	}
	var cap message.Message
	if n == 2 && (downs[0].Effect < 0 || downs[3].Effect < 0) {
		n = 1
		cap = message.New("grade.large.cap")
	}
	r.Effect = n
	r.say("grade.large.rated", converted, rrText, message.Int(res.K), message.New("grade.large."+strings.ReplaceAll(word, " ", "_")), bounds, cap)
	return r
}

// Reason texts are joined with these rather than fmt.Sprintf: grading
// runs for every claim an assessment reads, and each formatted argument
// would cost an allocation.

// signed writes n with its sign, as %+d does.
func signed(n int) string {
	if n >= 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// gnum writes f in the fewest digits that read back as f, as %g does.
func gnum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// gprec writes f with prec significant digits, as %.<prec>g does.
func gprec(f float64, prec int) string { return strconv.FormatFloat(f, 'g', prec, 64) }

// fixed writes f with prec digits after the point, as %.<prec>f does.
func fixed(f float64, prec int) string { return strconv.FormatFloat(f, 'f', prec, 64) }
