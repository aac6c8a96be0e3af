package evidence

import (
	"fmt"
	"math"
	"strings"

	"github.com/openregen/secretomekit/internal/enum"
)

// QuestionKind is the clinical question a CEBM level answers. The zero
// value asks about benefits.
type QuestionKind uint8

// The two questions of the Oxford CEBM 2011 table this package grades.
const (
	// QuestionBenefits: "Does this intervention help?" (treatment benefits).
	QuestionBenefits QuestionKind = iota
	// QuestionHarms: "What are the common harms?" (treatment harms).
	QuestionHarms
)

var questionNames = []string{"benefits", "harms"}

// String returns "benefits" or "harms".
func (k QuestionKind) String() string { return enumString("QuestionKind", questionNames, k) }

// MarshalText encodes the kind as its stable spelling.
func (k QuestionKind) MarshalText() ([]byte, error) {
	return marshalEnum("question kind", questionNames, k)
}

// UnmarshalText decodes "benefits" or "harms".
func (k *QuestionKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[QuestionKind]("question kind", questionNames, b)
	if err == nil {
		*k = v
	}
	return err
}

// Question is the question evidence is graded against: which kind of
// question, for which indication, product and outcome. The zero Question
// asks about the benefits of any product for any condition, using each
// study's first (primary) outcome.
type Question struct {
	// Kind is benefits (the default) or harms.
	Kind QuestionKind `json:"kind,omitzero"`
	// Indication is the ICD-10 or ICD-11 code of the condition asked
	// about; studies of conditions it does not cover (ConditionCovers) are
	// indirect. Empty means any condition.
	Indication string `json:"indication,omitzero"`
	// ProductID is the catalogue product asked about; studies of another
	// intervention are indirect. Empty means any intervention.
	ProductID string `json:"product_id,omitzero"`
	// Outcome names the outcome asked about (matched without regard to
	// case). Empty means each study's first outcome.
	Outcome string `json:"outcome,omitzero"`
}

// outcomeFor returns the study's outcome for the question, or nil with the
// reason.
func (s *Study) outcomeFor(q Question) (*Outcome, string) {
	if q.Outcome == "" {
		if len(s.Outcomes) == 0 {
			return nil, "the study reports no outcomes"
		}
		return &s.Outcomes[0], ""
	}
	want := strings.TrimSpace(q.Outcome)
	for i := range s.Outcomes {
		if strings.EqualFold(strings.TrimSpace(s.Outcomes[i].Name), want) {
			return &s.Outcomes[i], ""
		}
	}
	return nil, fmt.Sprintf("the study does not report the outcome %q", q.Outcome)
}

// Direction is the direction of a grading step.
type Direction int8

// The directions. A step down makes the evidence weaker: a higher CEBM
// level number, a lower GRADE certainty.
const (
	Down Direction = -1
	Up   Direction = +1
)

// String returns "down" or "up".
func (d Direction) String() string {
	switch d {
	case Down:
		return "down"
	case Up:
		return "up"
	}
	return fmt.Sprintf("Direction(%d)", int8(d))
}

// MarshalText encodes the direction as "down" or "up"; any other value
// is an error.
func (d Direction) MarshalText() ([]byte, error) {
	if d != Down && d != Up {
		return nil, fmt.Errorf("evidence: invalid direction %d", int8(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText decodes "down" or "up"; anything else is an
// *secretome.EnumError listing the two.
func (d *Direction) UnmarshalText(b []byte) error {
	switch string(b) {
	case "down":
		*d = Down
	case "up":
		*d = Up
	default:
		return &enum.Error{Kind: "direction", Value: string(b), Allowed: []string{"down", "up"}}
	}
	return nil
}

// The reasons the CEBM 2011 footnote allows for grading a level. They
// appear in Adjustment.Rule.
const (
	RuleQuality       = "quality"
	RuleImprecision   = "imprecision"
	RuleIndirectness  = "indirectness"
	RuleInconsistency = "inconsistency"
	RuleSmallEffect   = "small_absolute_effect"
	RuleLargeEffect   = "large_effect"
)

// Adjustment is one step by which a CEBM level was graded down or up.
type Adjustment struct {
	// Direction is Down (the level number grows) or Up.
	Direction Direction `json:"direction"`
	// Rule is the footnote reason, one of the Rule constants.
	Rule string `json:"rule"`
	// Reason explains the step with the study's data.
	Reason string `json:"reason"`
	// Unverified marks a step whose footnote wording was not seen
	// verbatim in a primary source: grading down for inconsistency and
	// for a very small absolute effect, and grading up for a large effect.
	// Grading down for study quality, imprecision and indirectness was
	// seen verbatim.
	Unverified bool `json:"unverified,omitzero"`
}

// LevelResult is a study's Oxford CEBM 2011 level for one question, with
// how it was reached.
type LevelResult struct {
	// Level is the final level, 1 (best) to 5; 0 means the study cannot
	// be levelled (its design, or a review's included designs, are not
	// given).
	Level int `json:"level"`
	// Base is the level from the design alone, before Adjustments.
	Base int `json:"base"`
	// Basis explains the base level.
	Basis string `json:"basis"`
	// Inferred reports that the base level rests on an inference rather
	// than on the table's words (a case report treated as a case series,
	// a review of mixed designs levelled by its weakest design).
	Inferred bool `json:"inferred,omitzero"`
	// Adjustments lists the steps from Base to Level, in a fixed order:
	// quality, inconsistency, indirectness, imprecision, small absolute
	// effect, large effect. Level is clamped to 1..5, so a step can be
	// listed without moving a level that is already at the end.
	Adjustments []Adjustment `json:"adjustments,omitzero"`
	// Notes records what was considered but not applied, and caveats.
	Notes []string `json:"notes,omitzero"`
}

// LevelOptions configures Level. The zero value uses the defaults.
type LevelOptions struct {
	// RoB2 configures the RoB 2 overall judgement used for study quality.
	RoB2 RoB2Options
	// InconsistencyI2 is the I² (percent) above which a review's reported
	// heterogeneity grades it down; 0 means 50. A library default, not a
	// CEBM rule.
	InconsistencyI2 float64
	// SmallRiskDifference is the absolute risk difference below which an
	// effect counts as very small; 0 means 0.02 (2 percentage points). A
	// library default, not a CEBM rule.
	SmallRiskDifference float64
	// SmallSMD is the standardised mean difference below which a
	// continuous effect counts as very small; 0 means 0.2 (Cohen's "small").
	// A library default, not a CEBM rule.
	SmallSMD float64
}

func (o LevelOptions) withDefaults() LevelOptions {
	if o.InconsistencyI2 == 0 {
		o.InconsistencyI2 = 50
	}
	if o.SmallRiskDifference == 0 {
		o.SmallRiskDifference = 0.02
	}
	if o.SmallSMD == 0 {
		o.SmallSMD = 0.2
	}
	return o
}

// Level returns the study's Oxford CEBM 2011 level for the question with
// the default LevelOptions. See LevelOptions.Level.
func Level(s *Study, q Question) LevelResult { return LevelOptions{}.Level(s, q) }

// Level returns the study's Oxford CEBM 2011 level (2011 scheme, not the
// 2009 sub-levels) for the question.
//
// The base level comes from the design, by the table rows for treatment
// benefits and for common treatment harms, which agree on these designs:
//
//   - systematic review or meta-analysis of randomised trials: 1;
//   - randomised trial: 2;
//   - non-randomised controlled cohort study or trial: 3 (4 when the
//     comparator is historical: a historically controlled study);
//   - case-control study, case series: 4;
//   - case report: 4 — an inference: the table names case series, and a
//     single case report is taken as at most a case series;
//   - in vitro and animal studies (mechanism-based reasoning): 5.
//
// A review of other designs takes the level of its weakest included
// design (an inference; the table ranks only reviews of randomised
// trials). A review without its included designs, or a study without a
// design, gets Level 0.
//
// The level is then graded by the table's footnote, one step per reason,
// using the outcome the question names (or the study's first outcome):
//
//   - down for quality: overall risk of bias high (RoB 2 high, ROBINS-I
//     serious or critical);
//   - down for inconsistency: a review's reported I² above
//     opt.InconsistencyI2;
//   - down for indirectness: the population's condition is not covered by
//     the question's indication, or the intervention is not the asked
//     product;
//   - down for imprecision: the confidence interval includes no effect;
//   - down for a very small absolute effect: |risk difference| below
//     opt.SmallRiskDifference, or |SMD| below opt.SmallSMD;
//   - up one step for a large or very large effect (risk ratio above 2 or
//     below 0.5, the GRADE threshold) whose interval excludes no effect,
//     only when nothing graded the study down (the package's choice).
//
// The final level is clamped to 1..5.
func (opt LevelOptions) Level(s *Study, q Question) LevelResult {
	opt = opt.withDefaults()
	if s == nil {
		return LevelResult{Basis: "no study"}
	}
	r := baseLevel(s, q)
	if r.Base == 0 {
		return r
	}
	var downs []Adjustment
	down := func(rule, reason string, unverified bool) {
		downs = append(downs, Adjustment{Direction: Down, Rule: rule, Reason: reason, Unverified: unverified})
	}
	if b, why := s.Bias(opt.RoB2); b >= BiasHigh {
		down(RuleQuality, "risk of bias is "+b.String()+": "+why, false)
	} else if b == BiasNotAssessed && (s.Design.Randomised() || s.Design.NonRandomisedComparative()) {
		r.Notes = append(r.Notes, "study quality not graded: "+why)
	}
	if s.Design.Synthesis() && s.Review != nil && s.Review.I2 != nil && *s.Review.I2 > opt.InconsistencyI2 {
		down(RuleInconsistency, fmt.Sprintf("the review reports I² = %g %%, above %g %% (library default)", *s.Review.I2, opt.InconsistencyI2), true)
	}
	if why := indirectness(s, q); why != "" {
		down(RuleIndirectness, why, false)
	}
	o, missing := s.outcomeFor(q)
	var large Adjustment
	if o == nil {
		r.Notes = append(r.Notes, "effect not graded: "+missing)
	} else if est, ok, why := estimateOf(o); !ok {
		r.Notes = append(r.Notes, fmt.Sprintf("effect of %q not graded: %s", o.Name, why))
	} else {
		if est.includesNull() {
			down(RuleImprecision, fmt.Sprintf("the %s of %q is %s, and the interval includes no effect", est.measure, o.Name, est), false)
		}
		if why := smallEffect(o, opt); why != "" {
			down(RuleSmallEffect, why, true)
		}
		if est.measure == MeasureOR || est.measure == MeasureHR {
			r.Notes = append(r.Notes, fmt.Sprintf("a large effect is judged on a risk ratio; the reported %s of %q is not converted", est.measure, o.Name))
		}
		if rr, ok := est.riskRatio(); ok && !est.includesNull() {
			if n, word := largeEffect(rr); n > 0 {
				large = Adjustment{Direction: Up, Rule: RuleLargeEffect, Unverified: true,
					Reason: fmt.Sprintf("the %s of %q is %s, a %s effect (risk ratio beyond %s)", est.measure, o.Name, est, word, largeBounds(n))}
			}
		}
	}
	r.Adjustments = downs
	switch {
	case large.Rule != "" && len(downs) == 0:
		r.Adjustments = append(r.Adjustments, large)
	case large.Rule != "":
		r.Notes = append(r.Notes, "not graded up for the large effect, because the study was graded down: "+large.Reason)
	}
	lvl := r.Base
	for _, a := range r.Adjustments {
		lvl -= int(a.Direction)
	}
	if lvl > 5 || lvl < 1 {
		r.Notes = append(r.Notes, fmt.Sprintf("level %d clamped to the scale 1 to 5", lvl))
	}
	r.Level = min(max(lvl, 1), 5)
	return r
}

// designLevel returns the base level of a primary design and its basis.
func designLevel(d Design, c Comparator, k QuestionKind) (int, string, bool) {
	switch d {
	case DesignRandomisedControlledTrial:
		if k == QuestionHarms {
			return 2, "individual randomised trial: level 2 (common harms)", false
		}
		return 2, "randomised trial: level 2 (treatment benefits)", false
	case DesignCohortProspective, DesignCohortRetrospective, DesignNonRandomisedControlledTrial:
		if c.Kind == ComparatorHistorical {
			return 4, fmt.Sprintf("%s with a historical control group: historically controlled study, level 4", d), false
		}
		if k == QuestionHarms {
			return 3, fmt.Sprintf("%s: non-randomised controlled cohort/follow-up study, level 3 (common harms: provided the numbers are large enough to rule out a common harm, and follow-up long enough for long-term harms)", d), false
		}
		return 3, fmt.Sprintf("%s: non-randomised controlled cohort/follow-up study, level 3", d), false
	case DesignCaseControl:
		return 4, "case-control study: level 4", false
	case DesignCaseSeries:
		return 4, "case series: level 4", false
	case DesignCaseReport:
		return 4, "case report: level 4 (inferred: CEBM 2011 lists case series; a single case report is treated as at most a case series)", true
	case DesignInVitro, DesignAnimal:
		return 5, fmt.Sprintf("%s study: mechanism-based reasoning, level 5", d), false
	}
	return 0, "", false
}

func baseLevel(s *Study, q Question) LevelResult {
	d := s.Design
	if !d.Valid() {
		return LevelResult{Basis: "cannot be levelled: the design is not given"}
	}
	if !d.Synthesis() {
		lvl, basis, inferred := designLevel(d, s.Comparator, q.Kind)
		return LevelResult{Base: lvl, Basis: basis, Inferred: inferred}
	}
	if s.Review == nil || len(s.Review.Designs) == 0 {
		return LevelResult{Basis: fmt.Sprintf("cannot be levelled: the %s does not list the designs it includes", d)}
	}
	allRCT := true
	worst, worstDesign := 0, DesignUnknown
	for _, inc := range s.Review.Designs {
		if !inc.Primary() {
			return LevelResult{Basis: fmt.Sprintf("cannot be levelled: included design %q is not a primary study design", inc)}
		}
		allRCT = allRCT && inc.Randomised()
		if lvl, _, _ := designLevel(inc, Comparator{}, q.Kind); lvl > worst {
			worst, worstDesign = lvl, inc
		}
	}
	if allRCT {
		return LevelResult{Base: 1, Basis: fmt.Sprintf("%s of randomised trials: level 1", d)}
	}
	return LevelResult{Base: worst, Inferred: true, Basis: fmt.Sprintf(
		"%s including %s studies: level %d (inferred: levelled by its weakest included design; CEBM 2011 ranks only reviews of randomised trials at level 1)",
		d, worstDesign, worst)}
}

// indirectness returns why the study's PICO does not match the question,
// or "".
func indirectness(s *Study, q Question) string {
	var why []string
	if q.Indication != "" && s.Population.Condition != "" && !ConditionCovers(q.Indication, s.Population.Condition) {
		why = append(why, fmt.Sprintf("the population's condition %s is not covered by the indication %s", s.Population.Condition, q.Indication))
	}
	if q.ProductID != "" && s.Intervention.ProductID != q.ProductID {
		if s.Intervention.ProductID == "" {
			why = append(why, fmt.Sprintf("the intervention is not identified as product %s", q.ProductID))
		} else {
			why = append(why, fmt.Sprintf("the intervention is product %s, not %s", s.Intervention.ProductID, q.ProductID))
		}
	}
	return strings.Join(why, "; ")
}

// estimate is an effect with its confidence interval on the analysis
// scale.
type estimate struct {
	measure Measure
	effect  Effect
	ci      Interval
	level   float64
}

// estimateOf computes the outcome's effect on its default measure, with
// the interval at the reported level or at 95 % for raw data.
func estimateOf(o *Outcome) (estimate, bool, string) {
	if o.Raw == nil && o.Reported == nil {
		return estimate{}, false, "no comparative data"
	}
	e, err := o.Effect(0)
	if err != nil {
		return estimate{}, false, err.Error()
	}
	level := 0.95
	if o.Reported != nil {
		level = o.Reported.Level
	}
	ci, err := e.CI(level)
	if err != nil || math.IsNaN(ci.Lower) || math.IsNaN(ci.Upper) {
		return estimate{}, false, "its confidence interval cannot be computed"
	}
	return estimate{measure: e.Measure, effect: e, ci: ci, level: level}, true, ""
}

// includesNull reports whether the interval includes no effect (0 on the
// analysis scale: a ratio of 1 or a difference of 0).
func (e estimate) includesNull() bool { return e.ci.Contains(0) }

// riskRatio returns the risk ratio when the measure is one.
func (e estimate) riskRatio() (float64, bool) {
	if e.measure != MeasureRR {
		return 0, false
	}
	return math.Exp(e.effect.Yi), true
}

// String renders the estimate on the natural scale with its interval.
func (e estimate) String() string {
	m := e.measure
	iv := e.ci.BackTransform(m)
	return fmt.Sprintf("%.3g (%.4g %% CI %.3g to %.3g)", m.BackTransform(e.effect.Yi), 100*e.level, iv.Lower, iv.Upper)
}

// largeEffect classifies a risk ratio by GRADE's thresholds: 2 for a very
// large effect (RR > 5 or < 0.2), 1 for a large effect (RR > 2 or < 0.5),
// 0 otherwise.
func largeEffect(rr float64) (int, string) {
	switch {
	case rr > 5 || rr < 0.2:
		return 2, "very large"
	case rr > 2 || rr < 0.5:
		return 1, "large"
	}
	return 0, ""
}

func largeBounds(n int) string {
	if n == 2 {
		return "5 or 0.2"
	}
	return "2 or 0.5"
}

// smallEffect returns why the outcome's absolute effect is very small, or
// "" when it is not or cannot be told.
func smallEffect(o *Outcome, opt LevelOptions) string {
	if o.Raw != nil {
		if t, ok := o.Raw.table(); ok && t.A+t.B > 0 && t.C+t.D > 0 {
			rd := t.A/(t.A+t.B) - t.C/(t.C+t.D)
			if math.Abs(rd) < opt.SmallRiskDifference {
				return fmt.Sprintf("the absolute risk difference of %q is %.3g, below %g (library default)", o.Name, rd, opt.SmallRiskDifference)
			}
			return ""
		}
		if e, err := o.Effect(MeasureSMD); err == nil && math.Abs(e.Yi) < opt.SmallSMD {
			return fmt.Sprintf("the standardised mean difference of %q is %.3g, below %g in size (library default)", o.Name, e.Yi, opt.SmallSMD)
		}
		return ""
	}
	if r := o.Reported; r != nil && r.Estimate != nil {
		switch {
		case r.Measure == MeasureRD && math.Abs(*r.Estimate) < opt.SmallRiskDifference:
			return fmt.Sprintf("the reported risk difference of %q is %g, below %g (library default)", o.Name, *r.Estimate, opt.SmallRiskDifference)
		case r.Measure == MeasureSMD && math.Abs(*r.Estimate) < opt.SmallSMD:
			return fmt.Sprintf("the reported standardised mean difference of %q is %g, below %g in size (library default)", o.Name, *r.Estimate, opt.SmallSMD)
		}
	}
	return ""
}
