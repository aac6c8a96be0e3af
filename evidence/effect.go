package evidence

import (
	"github.com/openregen/secretomekit/internal/enum"

	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// Measure names the scale an effect size is expressed on. Ratio measures
// (risk, odds and hazard ratios) are analysed on the natural log scale and
// back-transformed with exp for reporting; difference measures are
// analysed as they are.
//
// The zero value is not a measure: constructors never return it and Pool
// rejects it. Text and JSON use the stable lowercase spellings "rr", "or",
// "hr", "rd", "md" and "smd".
type Measure uint8

// The effect size measures, with the metafor escalc name in brackets.
const (
	// MeasureRR is the log risk ratio (RR).
	MeasureRR Measure = iota + 1
	// MeasureOR is the log odds ratio (OR).
	MeasureOR
	// MeasureHR is a log hazard ratio. It is never computed from raw
	// data here; it enters through FromReported.
	MeasureHR
	// MeasureRD is the risk difference (RD).
	MeasureRD
	// MeasureMD is the raw mean difference (MD).
	MeasureMD
	// MeasureSMD is the bias-corrected standardised mean difference,
	// Hedges' g (SMD).
	MeasureSMD
)

var measureNames = [...]string{"", "rr", "or", "hr", "rd", "md", "smd"}

// String returns the stable spelling, or "Measure(n)" for a value that is
// not a measure.
func (m Measure) String() string {
	if m.valid() {
		return measureNames[m]
	}
	return fmt.Sprintf("Measure(%d)", uint8(m))
}

func (m Measure) valid() bool { return m >= MeasureRR && int(m) < len(measureNames) }

// IsRatio reports whether the measure is a ratio analysed on the log
// scale (rr, or, hr).
func (m Measure) IsRatio() bool { return m == MeasureRR || m == MeasureOR || m == MeasureHR }

// BackTransform maps a value on the analysis scale to the scale people
// read: exp(x) for ratio measures, x itself otherwise.
func (m Measure) BackTransform(x float64) float64 {
	if m.IsRatio() {
		return math.Exp(x)
	}
	return x
}

// MarshalText encodes the measure as its stable spelling. The zero value
// and out-of-range values are an error.
func (m Measure) MarshalText() ([]byte, error) {
	if !m.valid() {
		return nil, fmt.Errorf("evidence: invalid measure %d", uint8(m))
	}
	return []byte(measureNames[m]), nil
}

// UnmarshalText decodes a stable spelling; anything else, metafor's
// upper-case names included, is an error that lists the allowed
// spellings, so that documents keep one spelling per measure.
func (m *Measure) UnmarshalText(b []byte) error {
	v, err := parseMeasure(string(b), false)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMeasure returns the measure with the given name: the stable
// spelling ("rr", "smd") or metafor's escalc spelling ("RR", "OR", "RD",
// "MD", "SMD", and "HR" by the same pattern), so that names taken from R
// scripts work as they are. Other spellings are an error listing the
// accepted ones.
func ParseMeasure(s string) (Measure, error) { return parseMeasure(s, true) }

func parseMeasure(s string, metafor bool) (Measure, error) {
	for i := int(MeasureRR); i < len(measureNames); i++ {
		if s == measureNames[i] || (metafor && s == strings.ToUpper(measureNames[i])) {
			return Measure(i), nil
		}
	}
	allowed := append([]string(nil), measureNames[1:]...)
	if metafor {
		for _, n := range measureNames[1:] {
			allowed = append(allowed, strings.ToUpper(n))
		}
	}
	return 0, &enum.Error{Kind: "measure", Value: s, Allowed: allowed}
}

// Interval is a closed interval [Lower, Upper], such as a confidence or
// prediction interval, on whatever scale the context says.
type Interval struct {
	// Lower is the lower bound, on the scale of the interval (the log
	// scale for a ratio measure's analysis-scale interval).
	Lower float64 `json:"lower"`
	// Upper is the upper bound, on the same scale; Upper ≥ Lower.
	Upper float64 `json:"upper"`
}

// BackTransform maps both bounds with m.BackTransform. exp is increasing,
// so the order of the bounds is kept.
func (iv Interval) BackTransform(m Measure) Interval {
	return Interval{Lower: m.BackTransform(iv.Lower), Upper: m.BackTransform(iv.Upper)}
}

// Contains reports whether x lies in the interval, bounds included.
func (iv Interval) Contains(x float64) bool { return iv.Lower <= x && x <= iv.Upper }

// Effect is one study's effect size on the analysis scale (log scale for
// ratio measures) with its sampling variance: the yi and vi of metafor.
// Build it with the constructors (RiskRatio, OddsRatio, RiskDifference,
// MeanDifference, StandardisedMeanDifference, FromReported) or fill it in
// directly from another source; Pool checks it either way.
type Effect struct {
	// Measure is the scale of Yi.
	Measure Measure `json:"measure"`
	// Yi is the estimate on the analysis scale.
	Yi float64 `json:"yi"`
	// Vi is the sampling variance of Yi; it must be positive to be pooled.
	Vi float64 `json:"vi"`
	// Label names the study in forest plots and is otherwise unused.
	Label string `json:"label,omitempty"`
}

// SE returns the standard error, the square root of Vi.
func (e Effect) SE() float64 { return math.Sqrt(e.Vi) }

// CI returns the Wald confidence interval Yi ± z·SE on the analysis scale
// for a confidence level strictly between 0 and 1 (0.95 for 95 %). Use
// Interval.BackTransform for the ratio scale.
func (e Effect) CI(level float64) (Interval, error) {
	if !(level > 0 && level < 1) {
		return Interval{}, levelError("level", level)
	}
	if !(e.Vi >= 0) || math.IsInf(e.Vi, 0) || math.IsNaN(e.Yi) || math.IsInf(e.Yi, 0) {
		var ps secretome.Problems
		ps.Add("vi", secretome.SeverityError, secretome.CodeRange, "effect must have a finite yi and a finite, non-negative vi")
		return Interval{}, ps.Err()
	}
	h := normCritical(1-level) * e.SE()
	return Interval{Lower: e.Yi - h, Upper: e.Yi + h}, nil
}

func levelError(path string, level float64) error {
	var ps secretome.Problems
	ps.Add(path, secretome.SeverityError, secretome.CodeRange, "must be strictly between 0 and 1 (0.95 for 95 %%), got %v", level)
	return ps.Err()
}

// TwoByTwo holds the cell counts of a two-group trial with a binary
// outcome: A events and B non-events in the treated (first) group, C
// events and D non-events in the control (second) group. Counts are
// float64 so that adjusted or imputed counts can be used; they must be
// finite and non-negative, and each group must be non-empty.
//
// Zero cells are handled as metafor's escalc does by default (add = 1/2,
// to = "only0", drop00 = FALSE): when any of the four cells is zero, 1/2
// is added to all four cells of that table. Tables with no events (or only
// events) in both groups are not dropped; they are computed with the
// corrected counts, as metafor does.
type TwoByTwo struct {
	// A is the number of participants with the event in the treated
	// (first) group.
	A float64
	// B is the number without the event in the treated group; A+B is the
	// group's size.
	B float64
	// C is the number with the event in the control (second) group.
	C float64
	// D is the number without the event in the control group; C+D is the
	// group's size.
	D float64
}

// corrected checks the table and returns it with the zero-cell correction
// applied.
func (t TwoByTwo) corrected() (TwoByTwo, error) {
	var ps secretome.Problems
	for _, c := range [...]struct {
		name string
		v    float64
	}{{"a", t.A}, {"b", t.B}, {"c", t.C}, {"d", t.D}} {
		switch {
		case math.IsNaN(c.v) || math.IsInf(c.v, 0):
			ps.Add(c.name, secretome.SeverityError, secretome.CodeNumber, "must be a finite number, got %v", c.v)
		case c.v < 0:
			ps.Add(c.name, secretome.SeverityError, secretome.CodeRange, "must not be negative, got %v", c.v)
		}
	}
	if ps.Len() == 0 {
		if t.A+t.B == 0 {
			ps.Add("a+b", secretome.SeverityError, secretome.CodeRange, "group 1 has no participants")
		}
		if t.C+t.D == 0 {
			ps.Add("c+d", secretome.SeverityError, secretome.CodeRange, "group 2 has no participants")
		}
	}
	if err := ps.Err(); err != nil {
		return t, err
	}
	if t.A == 0 || t.B == 0 || t.C == 0 || t.D == 0 {
		t.A += 0.5
		t.B += 0.5
		t.C += 0.5
		t.D += 0.5
	}
	return t, nil
}

// RiskRatio returns the log risk ratio of group 1 versus group 2 with
// metafor's large-sample variance: yi = ln(a/n1) − ln(c/n2), vi = 1/a −
// 1/n1 + 1/c − 1/n2 (after the zero-cell correction described at
// TwoByTwo).
func RiskRatio(t TwoByTwo) (Effect, error) {
	t, err := t.corrected()
	if err != nil {
		return Effect{}, err
	}
	n1, n2 := t.A+t.B, t.C+t.D
	return Effect{
		Measure: MeasureRR,
		Yi:      math.Log(t.A/n1) - math.Log(t.C/n2),
		Vi:      1/t.A - 1/n1 + 1/t.C - 1/n2,
	}, nil
}

// OddsRatio returns the log odds ratio of group 1 versus group 2 with the
// Woolf variance: yi = ln(ad/bc), vi = 1/a + 1/b + 1/c + 1/d (after the
// zero-cell correction described at TwoByTwo).
func OddsRatio(t TwoByTwo) (Effect, error) {
	t, err := t.corrected()
	if err != nil {
		return Effect{}, err
	}
	n1, n2 := t.A+t.B, t.C+t.D
	p1, p2 := t.A/n1, t.C/n2
	return Effect{
		Measure: MeasureOR,
		Yi:      math.Log(p1/(1-p1)) - math.Log(p2/(1-p2)),
		Vi:      1/t.A + 1/t.B + 1/t.C + 1/t.D,
	}, nil
}

// RiskDifference returns p1 − p2 with metafor's default large-sample
// variance p1(1−p1)/n1 + p2(1−p2)/n2. As in metafor, the zero-cell
// correction described at TwoByTwo applies to the risk difference too, so
// a table with a zero cell does not get a zero variance.
func RiskDifference(t TwoByTwo) (Effect, error) {
	t, err := t.corrected()
	if err != nil {
		return Effect{}, err
	}
	n1, n2 := t.A+t.B, t.C+t.D
	p1, p2 := t.A/n1, t.C/n2
	return Effect{
		Measure: MeasureRD,
		Yi:      p1 - p2,
		Vi:      p1*(1-p1)/n1 + p2*(1-p2)/n2,
	}, nil
}

// Continuous holds the summary of a continuous outcome in two groups:
// means, standard deviations and sizes of the treated (1) and control (2)
// groups. Sizes are float64 so that effective sample sizes can be used;
// each must be at least 2, and each SD must be positive.
type Continuous struct {
	// M1 is the mean of the treated (first) group, in the outcome's unit.
	M1 float64
	// SD1 is the standard deviation of the treated group, positive, in
	// the outcome's unit.
	SD1 float64
	// N1 is the size of the treated group, at least 2.
	N1 float64
	// M2 is the mean of the control (second) group.
	M2 float64
	// SD2 is the standard deviation of the control group, positive.
	SD2 float64
	// N2 is the size of the control group, at least 2.
	N2 float64
}

func (c Continuous) check() error {
	var ps secretome.Problems
	finite := func(name string, v float64) bool {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			ps.Add(name, secretome.SeverityError, secretome.CodeNumber, "must be a finite number, got %v", v)
			return false
		}
		return true
	}
	finite("m1", c.M1)
	finite("m2", c.M2)
	if finite("sd1", c.SD1) && c.SD1 <= 0 {
		ps.Add("sd1", secretome.SeverityError, secretome.CodeRange, "must be positive, got %v", c.SD1)
	}
	if finite("sd2", c.SD2) && c.SD2 <= 0 {
		ps.Add("sd2", secretome.SeverityError, secretome.CodeRange, "must be positive, got %v", c.SD2)
	}
	if finite("n1", c.N1) && c.N1 < 2 {
		ps.Add("n1", secretome.SeverityError, secretome.CodeRange, "must be at least 2, got %v", c.N1)
	}
	if finite("n2", c.N2) && c.N2 < 2 {
		ps.Add("n2", secretome.SeverityError, secretome.CodeRange, "must be at least 2, got %v", c.N2)
	}
	return ps.Err()
}

// MeanDifference returns the raw mean difference m1 − m2 with metafor's
// default variance (vtype "LS"), which does not assume equal variances:
// vi = sd1²/n1 + sd2²/n2.
func MeanDifference(c Continuous) (Effect, error) {
	if err := c.check(); err != nil {
		return Effect{}, err
	}
	return finiteEffect(Effect{
		Measure: MeasureMD,
		Yi:      c.M1 - c.M2,
		Vi:      c.SD1*c.SD1/c.N1 + c.SD2*c.SD2/c.N2,
	})
}

// ErrNotFinite is the error of an effect whose estimate or variance is
// not a finite number although its inputs were (means or standard
// deviations so large that their difference or square overflows). Such an
// effect is refused rather than pooled as infinity or dropped in silence.
var ErrNotFinite = errors.New("evidence: the effect's estimate or variance is not a finite number")

// finiteEffect returns e, or ErrNotFinite when yi or vi is not finite.
func finiteEffect(e Effect) (Effect, error) {
	if math.IsNaN(e.Yi) || math.IsInf(e.Yi, 0) || math.IsNaN(e.Vi) || math.IsInf(e.Vi, 0) {
		return Effect{}, fmt.Errorf("%w (%s: yi %v, vi %v)", ErrNotFinite, e.Measure, e.Yi, e.Vi)
	}
	return e, nil
}

// StandardisedMeanDifference returns Hedges' g as metafor's escalc
// (measure "SMD", vtype "LS") computes it. With the pooled SD
// s = sqrt(((n1−1)sd1² + (n2−1)sd2²)/(n1+n2−2)) and d = (m1−m2)/s, the
// estimate is g = c(m)·d with the exact small-sample correction
// c(m) = Γ(m/2) / (sqrt(m/2) Γ((m−1)/2)), m = n1+n2−2 (not the
// 1 − 3/(4m−1) approximation), and the variance is
// 1/n1 + 1/n2 + g²/(2(n1+n2)).
func StandardisedMeanDifference(c Continuous) (Effect, error) {
	if err := c.check(); err != nil {
		return Effect{}, err
	}
	m := c.N1 + c.N2 - 2
	sp := math.Sqrt(((c.N1-1)*c.SD1*c.SD1 + (c.N2-1)*c.SD2*c.SD2) / m)
	d := (c.M1 - c.M2) / sp
	g := hedgesCorrection(m) * d
	return finiteEffect(Effect{
		Measure: MeasureSMD,
		Yi:      g,
		Vi:      1/c.N1 + 1/c.N2 + g*g/(2*(c.N1+c.N2)),
	})
}

// hedgesCorrection returns the exact bias correction factor
// c(m) = exp(lnΓ(m/2) − ln sqrt(m/2) − lnΓ((m−1)/2)) for m > 1.
func hedgesCorrection(m float64) float64 {
	a, _ := math.Lgamma(m / 2)
	b, _ := math.Lgamma((m - 1) / 2)
	return math.Exp(a - 0.5*math.Log(m/2) - b)
}

// FromReported recovers an Effect from an estimate and confidence interval
// as printed in a paper, for example a hazard ratio 0.72 (95 % CI 0.55 to
// 0.94) given as FromReported(MeasureHR, 0.72, 0.55, 0.94, 0.95).
//
// Estimate and bounds are on the natural scale: ratios as ratios, which
// must be positive, and are log-transformed here. The standard error is
// the interval's width on the analysis scale divided by 2·z, with z the
// normal critical value for level; yi is the (log) estimate itself, not
// the interval's midpoint. The bounds must satisfy lower ≤ estimate ≤
// upper with lower < upper, and level must lie strictly between 0 and 1.
// Rounding in the printed figures carries over into yi and vi.
func FromReported(m Measure, estimate, lower, upper, level float64) (Effect, error) {
	var ps secretome.Problems
	if !m.valid() {
		ps.Add("measure", secretome.SeverityError, secretome.CodeEnum, "unknown measure %d (want one of %s)", uint8(m), strings.Join(measureNames[1:], ", "))
	}
	if !(level > 0 && level < 1) {
		ps.Add("level", secretome.SeverityError, secretome.CodeRange, "must be strictly between 0 and 1 (0.95 for 95 %%), got %v", level)
	}
	vals := [...]struct {
		name string
		v    float64
	}{{"estimate", estimate}, {"lower", lower}, {"upper", upper}}
	ok := true
	for _, x := range vals {
		switch {
		case math.IsNaN(x.v) || math.IsInf(x.v, 0):
			ps.Add(x.name, secretome.SeverityError, secretome.CodeNumber, "must be a finite number, got %v", x.v)
			ok = false
		case m.IsRatio() && x.v <= 0:
			ps.Add(x.name, secretome.SeverityError, secretome.CodeRange, "a %s must be positive, got %v", m, x.v)
			ok = false
		}
	}
	if ok {
		if !(lower < upper) {
			ps.Add("upper", secretome.SeverityError, secretome.CodeInconsistent, "must be greater than lower (%v), got %v", lower, upper)
		} else if estimate < lower || estimate > upper {
			ps.Add("estimate", secretome.SeverityError, secretome.CodeInconsistent, "%v lies outside its interval [%v, %v]", estimate, lower, upper)
		}
	}
	if err := ps.Err(); err != nil {
		return Effect{}, err
	}
	if m.IsRatio() {
		estimate, lower, upper = math.Log(estimate), math.Log(lower), math.Log(upper)
	}
	se := (upper - lower) / (2 * normCritical(1-level))
	return Effect{Measure: m, Yi: estimate, Vi: se * se}, nil
}
