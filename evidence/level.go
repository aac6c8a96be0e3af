package evidence

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/internal/enum"
	"github.com/openregen/secretomekit/message"
)

// QuestionKind is the clinical question a CEBM level answers. The zero
// value asks about benefits.
type QuestionKind uint8

// The three treatment questions of the Oxford CEBM 2011 table this
// package grades.
const (
	// QuestionBenefits: "Does this intervention help?" (treatment benefits).
	QuestionBenefits QuestionKind = iota
	// QuestionHarms: "What are the common harms?" (treatment harms).
	QuestionHarms
	// QuestionRareHarms: "What are the rare harms?" (treatment harms).
	QuestionRareHarms
)

var questionNames = []string{"benefits", "harms", "rare_harms"}

// String returns "benefits", "harms" (common harms) or "rare_harms".
func (k QuestionKind) String() string { return enumString("QuestionKind", questionNames, k) }

// MarshalText encodes the kind as its stable spelling.
func (k QuestionKind) MarshalText() ([]byte, error) {
	return marshalEnum("question kind", questionNames, k)
}

// UnmarshalText decodes "benefits", "harms" or "rare_harms".
func (k *QuestionKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[QuestionKind]("question kind", questionNames, b)
	if err == nil {
		*k = v
	}
	return err
}

// harms reports whether the question is about harms, common or rare.
func (k QuestionKind) harms() bool { return k == QuestionHarms || k == QuestionRareHarms }

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
	// Comparator is the comparison asked about (placebo, standard care,
	// another treatment); studies with another kind of comparator are
	// indirect. The zero value means any comparator.
	Comparator ComparatorKind `json:"comparator,omitzero"`
	// Outcome names the outcome asked about (matched without regard to
	// case). Empty means each study's first outcome.
	Outcome string `json:"outcome,omitzero"`
}

// outcomeFor returns the study's outcome for the question, or nil with the
// reason.
func (s *Study) outcomeFor(q Question) (*Outcome, message.Message) {
	if q.Outcome == "" {
		if len(s.Outcomes) == 0 {
			return nil, message.New("grade.excluded.no_outcomes")
		}
		return &s.Outcomes[0], message.Message{}
	}
	want := strings.TrimSpace(q.Outcome)
	for i := range s.Outcomes {
		if strings.EqualFold(strings.TrimSpace(s.Outcomes[i].Name), want) {
			return &s.Outcomes[i], message.Message{}
		}
	}
	return nil, message.New("grade.excluded.outcome", message.Text(strconv.Quote(q.Outcome)))
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

// The reasons the CEBM 2011 table's footnote gives for grading a level:
// down for study quality, imprecision, indirectness, inconsistency
// between studies or a very small absolute effect size, up for a large
// or very large effect size. They appear in Adjustment.Rule.
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
	// effect, large effect. Level is clamped (to 1..4 for clinical
	// designs, 5 being mechanism-based reasoning only), so a step can be
	// listed without moving a level that is already at the end.
	Adjustments []Adjustment `json:"adjustments,omitzero"`
	// Notes records what was considered but not applied, and caveats.
	Notes []string `json:"notes,omitzero"`
}

// LevelOptions configures Level. The zero value uses the defaults. The
// CEBM 2011 footnote names the reasons for grading a level but sets no
// numbers: every threshold here is the library's choice, not a CEBM rule,
// and the reasons say so.
type LevelOptions struct {
	// RoB2 configures the RoB 2 overall judgement used for study quality.
	RoB2 RoB2Options
	// InconsistencyI2 is the I² (percent) above which a review's reported
	// heterogeneity grades it down; 0 means 50. The library's choice.
	InconsistencyI2 float64
	// SmallRiskDifference is the absolute risk difference below which an
	// effect on benefits counts as very small; 0 means 0.02 (2 percentage
	// points). The library's choice.
	SmallRiskDifference float64
	// SmallSMD is the standardised mean difference below which a
	// continuous effect on benefits counts as very small; 0 means 0.2
	// (Cohen's "small"). The library's choice.
	SmallSMD float64
	// LargeRiskRatio is the risk ratio beyond which (above it, or below its
	// reciprocal) an observational study's effect counts as dramatic and
	// grades it up one step; 0 (or any value not above 1) means 2,
	// GRADE's threshold for a large effect. The table does not define
	// "dramatic": the library's choice.
	LargeRiskRatio float64
	// UpgradeDespiteDowngrade allows the dramatic-effect step for a study
	// that was graded down; by default (the library's choice) a study
	// graded down is not graded up.
	UpgradeDespiteDowngrade bool
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
	if !(o.LargeRiskRatio > 1) {
		o.LargeRiskRatio = 2
	}
	return o
}

// Level returns the study's Oxford CEBM 2011 level for the question with
// the default LevelOptions. See LevelOptions.Level.
func Level(s *Study, q Question) LevelResult { return LevelOptions{}.Level(s, q) }

// Level returns the study's Oxford CEBM 2011 level (2011 scheme, not the
// 2009 sub-levels) for the question.
//
// The base level comes from the design, by the table's rows for treatment
// benefits, common harms and rare harms:
//
//   - systematic review or meta-analysis of randomised trials (n-of-1
//     trials included): 1; for common harms also a review of nested
//     case-control studies (a review mixing the two is inferred to be 1);
//   - n-of-1 trial: 1 (for common harms the table says "with the patient
//     you are raising the question about", which the basis repeats);
//   - randomised trial: 2;
//   - non-randomised controlled cohort study or trial: 3 (4 when the
//     comparator is historical: a historically controlled study); for
//     harms, provided the numbers are large enough to rule out a common
//     harm and follow-up is long enough for long-term harms;
//   - case-control study (nested or not), case series: 4;
//   - case report: 4 — an inference: the table names case series, and a
//     single case report is taken as at most a case series;
//   - in vitro and animal studies (mechanism-based reasoning): 5.
//
// A review of other designs takes the level of its weakest included
// design (an inference; the table ranks only reviews of randomised
// trials, and for common harms of nested case-control studies). A review
// without its included designs, or a study without a design, gets Level 0.
//
// The level is then graded by the table's footnote, one step per reason,
// using the outcome the question names (or the study's first outcome):
//
//   - down for quality: overall risk of bias high (RoB 2 high, ROBINS-I
//     serious or critical);
//   - down for inconsistency: a review's reported I² above
//     opt.InconsistencyI2 (the library's choice);
//   - down for indirectness: the population's condition is not covered by
//     the question's indication, the intervention is not the asked
//     product, the comparator is not the asked comparator, or the outcome
//     is a surrogate;
//   - down for imprecision: the confidence interval includes no effect;
//   - down for a very small absolute effect, for benefits only:
//     |risk difference| below opt.SmallRiskDifference, or |SMD| below
//     opt.SmallSMD (the library's choices). For a harms question a very
//     small absolute effect is the answer (no common harm), not a reason
//     to grade down;
//   - up one step for a dramatic effect, for observational studies only
//     (cohort, case-control and non-randomised controlled studies; the
//     table's "observational study with dramatic effect"): a risk ratio
//     beyond opt.LargeRiskRatio whose interval excludes no effect, and
//     only when nothing graded the study down unless
//     opt.UpgradeDespiteDowngrade. A randomised trial is never graded up:
//     one trial does not reach the level of a systematic review.
//
// Down-steps never take a clinical design below level 4 (level 5 is
// mechanism-based reasoning, not a weaker clinical study); the final
// level is at least 1.
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
	down := func(rule, reason string) {
		downs = append(downs, Adjustment{Direction: Down, Rule: rule, Reason: reason})
	}
	if b, why := s.Bias(opt.RoB2); b >= BiasHigh {
		down(RuleQuality, "risk of bias is "+b.String()+" (the library reads study quality as RoB 2 high or ROBINS-I serious or critical): "+why)
	} else if b == BiasNotAssessed && (s.Design.Randomised() || s.Design.NonRandomisedComparative()) {
		r.Notes = append(r.Notes, "study quality not graded: "+why)
	}
	if s.Design.Synthesis() && s.Review != nil && s.Review.I2 != nil && *s.Review.I2 > opt.InconsistencyI2 {
		down(RuleInconsistency, fmt.Sprintf("the review reports I² = %g %%, above %g %% (the library's choice, LevelOptions.InconsistencyI2)", *s.Review.I2, opt.InconsistencyI2))
	}
	if why := indirectness(s, q); why != "" {
		down(RuleIndirectness, why)
	}
	o, missing := s.outcomeFor(q)
	var large Adjustment
	if o == nil {
		r.Notes = append(r.Notes, "effect not graded: "+missing.String())
	} else if est, ok, why := estimateOf(o); !ok {
		r.Notes = append(r.Notes, fmt.Sprintf("effect of %q not graded: %s", o.Name, why))
	} else {
		if est.includesNull() {
			down(RuleImprecision, fmt.Sprintf("the %s of %q is %s, and the interval includes no effect", est.measure, o.Name, est))
		}
		if why := smallEffect(o, opt); why != "" {
			if q.Kind.harms() {
				r.Notes = append(r.Notes, "not graded down for a very small absolute effect: for a harms question it is the answer (no common harm), not a weakness of the evidence; "+why)
			} else {
				down(RuleSmallEffect, why)
			}
		}
		if est.measure == MeasureOR || est.measure == MeasureHR {
			r.Notes = append(r.Notes, fmt.Sprintf("a dramatic effect is judged on a risk ratio; the reported %s of %q is not converted", est.measure, o.Name))
		}
		if rr, ok := est.riskRatio(); ok && !est.includesNull() && (rr > opt.LargeRiskRatio || rr < 1/opt.LargeRiskRatio) {
			reason := fmt.Sprintf("the %s of %q is %s, a dramatic effect (risk ratio beyond %g or %.3g, the library's choice, LevelOptions.LargeRiskRatio)", est.measure, o.Name, est, opt.LargeRiskRatio, 1/opt.LargeRiskRatio)
			if observational(s.Design) {
				large = Adjustment{Direction: Up, Rule: RuleLargeEffect, Reason: reason}
			} else {
				r.Notes = append(r.Notes, "not graded up: the dramatic-effect step is for observational studies, and a "+s.Design.String()+" is not one; "+reason)
			}
		}
	}
	r.Adjustments = downs
	switch {
	case large.Rule != "" && (len(downs) == 0 || opt.UpgradeDespiteDowngrade):
		r.Adjustments = append(r.Adjustments, large)
	case large.Rule != "":
		r.Notes = append(r.Notes, "not graded up for the dramatic effect, because the study was graded down (the library's choice, LevelOptions.UpgradeDespiteDowngrade): "+large.Reason)
	}
	lvl := r.Base
	for _, a := range r.Adjustments {
		lvl -= int(a.Direction)
	}
	floor := 5
	if !s.Design.Mechanistic() {
		floor = 4
	}
	switch {
	case lvl > floor && floor == 4:
		r.Notes = append(r.Notes, fmt.Sprintf("level %d held at 4: grading down never takes a clinical study below level 4; level 5 is mechanism-based reasoning only", lvl))
	case lvl > floor:
		r.Notes = append(r.Notes, fmt.Sprintf("level %d held at 5, the end of the scale", lvl))
	}
	r.Level = min(max(lvl, 1), floor)
	return r
}

// observational reports whether the design is a primary observational
// study that can show a dramatic effect: a cohort, a case-control study
// or a non-randomised controlled trial.
func observational(d Design) bool { return d.NonRandomisedComparative() }

// designLevel returns the base level of a primary design and its basis.
func designLevel(d Design, c Comparator, k QuestionKind) (int, string, bool) {
	row := [...]string{"treatment benefits", "common harms", "rare harms"}[min(int(k), 2)]
	switch d {
	case DesignNOf1Trial:
		if k == QuestionHarms {
			return 1, "n-of-1 trial: level 1 (common harms: an n-of-1 trial with the patient the question is about)", false
		}
		return 1, fmt.Sprintf("n-of-1 trial: level 1 (%s)", row), false
	case DesignRandomisedControlledTrial:
		if k == QuestionHarms {
			return 2, "individual randomised trial: level 2 (common harms)", false
		}
		return 2, fmt.Sprintf("randomised trial: level 2 (%s)", row), false
	case DesignCohortProspective, DesignCohortRetrospective, DesignNonRandomisedControlledTrial:
		if c.Kind == ComparatorHistorical {
			return 4, fmt.Sprintf("%s with a historical control group: historically controlled study, level 4", d), false
		}
		if k.harms() {
			return 3, fmt.Sprintf("%s: non-randomised controlled cohort/follow-up study, level 3 (%s: provided the numbers are large enough to rule out a common harm, and follow-up long enough for long-term harms)", d, row), false
		}
		return 3, fmt.Sprintf("%s: non-randomised controlled cohort/follow-up study, level 3", d), false
	case DesignCaseControl:
		return 4, "case-control study: level 4", false
	case DesignNestedCaseControl:
		return 4, "nested case-control study: case-control study, level 4", false
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
	allRCT, allNested := true, true
	worst, worstDesign := 0, DesignUnknown
	for _, inc := range s.Review.Designs {
		if !inc.Primary() {
			return LevelResult{Basis: fmt.Sprintf("cannot be levelled: included design %q is not a primary study design", inc)}
		}
		allRCT = allRCT && inc.Randomised()
		allNested = allNested && (inc.Randomised() || inc == DesignNestedCaseControl)
		if lvl, _, _ := designLevel(inc, Comparator{}, q.Kind); lvl > worst {
			worst, worstDesign = lvl, inc
		}
	}
	switch {
	case allRCT:
		return LevelResult{Base: 1, Basis: fmt.Sprintf("%s of randomised trials: level 1", d)}
	case allNested && q.Kind == QuestionHarms:
		if slices.ContainsFunc(s.Review.Designs, Design.Randomised) {
			return LevelResult{Base: 1, Inferred: true, Basis: fmt.Sprintf(
				"%s of randomised trials and nested case-control studies: level 1 (common harms; inferred: the table gives level 1 to reviews of either)", d)}
		}
		return LevelResult{Base: 1, Basis: fmt.Sprintf("%s of nested case-control studies: level 1 (common harms)", d)}
	}
	return LevelResult{Base: worst, Inferred: true, Basis: fmt.Sprintf(
		"%s including %s studies: level %d (inferred: levelled by its weakest included design; CEBM 2011 ranks at level 1 only reviews of randomised trials and, for common harms, of nested case-control studies)",
		d, worstDesign, worst)}
}

// indirectness returns why the study's PICO does not match the question
// (population, intervention, comparator, or a surrogate outcome), or "".
func indirectness(s *Study, q Question) string {
	return joinList(indirectParts(s, q, true).reasons, "grade.list.semicolon").String()
}

// picoMismatch says which PICO elements of a study differ from the
// question, with the reasons in words.
type picoMismatch struct {
	population, intervention, comparator, outcome bool
	reasons                                       []message.Arg
}

// count returns the number of elements that differ.
func (m picoMismatch) count() int {
	n := 0
	for _, b := range []bool{m.population, m.intervention, m.comparator, m.outcome} {
		if b {
			n++
		}
	}
	return n
}

func indirectParts(s *Study, q Question, texts bool) picoMismatch {
	var m picoMismatch
	// The reasons' arguments are built only when texts are wanted.
	say := func(code string, args ...message.Arg) {
		m.reasons = append(m.reasons, message.New(code, args...))
	}
	if q.Indication != "" && s.Population.Condition != "" && !ConditionCovers(q.Indication, s.Population.Condition) {
		m.population = true
		if texts {
			say("grade.pico.population", message.Text(s.Population.Condition), message.Text(q.Indication))
		}
	}
	if q.ProductID != "" && s.Intervention.ProductID != q.ProductID {
		m.intervention = true
		switch {
		case !texts:
		case s.Intervention.ProductID == "":
			say("grade.pico.product_unknown", message.Text(q.ProductID))
		default:
			say("grade.pico.product", message.Text(s.Intervention.ProductID), message.Text(q.ProductID))
		}
	}
	if q.Comparator != ComparatorUnknown && s.Comparator.Kind != ComparatorUnknown && s.Comparator.Kind != q.Comparator {
		m.comparator = true
		if texts {
			say("grade.pico.comparator", message.Text(s.Comparator.Kind.String()), message.Text(q.Comparator.String()))
		}
	}
	if o, _ := s.outcomeFor(q); o != nil && o.Surrogate {
		m.outcome = true
		if texts {
			say("grade.pico.surrogate", message.Text(strconv.Quote(o.Name)))
		}
	}
	return m
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

// smallEffect returns why the outcome's absolute effect is very small, or
// "" when it is not or cannot be told.
func smallEffect(o *Outcome, opt LevelOptions) string {
	if o.Raw != nil {
		if t, ok := o.Raw.table(); ok && t.A+t.B > 0 && t.C+t.D > 0 {
			rd := t.A/(t.A+t.B) - t.C/(t.C+t.D)
			if math.Abs(rd) < opt.SmallRiskDifference {
				return fmt.Sprintf("the absolute risk difference of %q is %.3g, below %g (the library's choice, LevelOptions.SmallRiskDifference)", o.Name, rd, opt.SmallRiskDifference)
			}
			return ""
		}
		if e, err := o.Effect(MeasureSMD); err == nil && math.Abs(e.Yi) < opt.SmallSMD {
			return fmt.Sprintf("the standardised mean difference of %q is %.3g, below %g in size (the library's choice, LevelOptions.SmallSMD)", o.Name, e.Yi, opt.SmallSMD)
		}
		return ""
	}
	if r := o.Reported; r != nil && r.Estimate != nil {
		switch {
		case r.Measure == MeasureRD && math.Abs(*r.Estimate) < opt.SmallRiskDifference:
			return fmt.Sprintf("the reported risk difference of %q is %g, below %g (the library's choice, LevelOptions.SmallRiskDifference)", o.Name, *r.Estimate, opt.SmallRiskDifference)
		case r.Measure == MeasureSMD && math.Abs(*r.Estimate) < opt.SmallSMD:
			return fmt.Sprintf("the reported standardised mean difference of %q is %g, below %g in size (the library's choice, LevelOptions.SmallSMD)", o.Name, *r.Estimate, opt.SmallSMD)
		}
	}
	return ""
}
