package evidence

import (
	"github.com/openregen/secretomekit/internal/enum"

	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// Method is the model used to pool effects: a common-effect model, or a
// random-effects model with a given estimator of the between-study
// variance tau².
//
// The zero value is MethodREML, metafor's default. Text and JSON use the
// stable spellings "reml", "dl", "common", "pm", "sj", "ml", "eb", "he" and
// "hs"; ParseMetaforMethod reads metafor's own spellings ("REML", "FE", …).
type Method uint8

// The pooling methods.
const (
	// MethodREML is the random-effects model with tau² estimated by
	// restricted maximum likelihood (Fisher scoring, as metafor's
	// rma(method = "REML")).
	MethodREML Method = iota
	// MethodDL is the random-effects model with the DerSimonian-Laird
	// moment estimator of tau².
	MethodDL
	// MethodCommon is the common-effect (equal-, "fixed"-effect) inverse
	// variance model: tau² is 0 by assumption (metafor's method = "EE").
	MethodCommon
	// MethodPM is the random-effects model with the Paule-Mandel
	// estimator of tau² (metafor's method = "PM").
	MethodPM
	// MethodSJ is the random-effects model with the Sidik-Jonkman
	// estimator of tau² (method = "SJ").
	MethodSJ
	// MethodML is the random-effects model with tau² estimated by
	// maximum likelihood (method = "ML").
	MethodML
	// MethodEB is the random-effects model with the empirical Bayes
	// estimator of tau² (method = "EB").
	MethodEB
	// MethodHE is the random-effects model with the Hedges estimator of
	// tau² (method = "HE").
	MethodHE
	// MethodHS is the random-effects model with the Hunter-Schmidt
	// estimator of tau² (method = "HS").
	MethodHS
)

var methodNames = [...]string{"reml", "dl", "common", "pm", "sj", "ml", "eb", "he", "hs"}

// String returns the stable spelling, or "Method(n)" for an unknown value.
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", uint8(m))
}

// IsRandom reports whether the method fits a random-effects model.
func (m Method) IsRandom() bool { return m != MethodCommon && int(m) < len(methodNames) }

// MarshalText encodes the method as its stable spelling.
func (m Method) MarshalText() ([]byte, error) {
	if int(m) >= len(methodNames) {
		return nil, fmt.Errorf("evidence: invalid method %d", uint8(m))
	}
	return []byte(methodNames[m]), nil
}

// UnmarshalText decodes a stable spelling; anything else is an error that
// lists the allowed spellings.
func (m *Method) UnmarshalText(b []byte) error {
	v, err := ParseMethod(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMethod returns the method with the given stable spelling.
func ParseMethod(s string) (Method, error) {
	for i, n := range methodNames {
		if s == n {
			return Method(i), nil
		}
	}
	return 0, &enum.Error{Kind: "method", Value: s, Allowed: append([]string(nil), methodNames[:]...)}
}

// PoolOptions configures Pool. The zero value asks for metafor's defaults:
// REML, normal (z) tests and 95 % intervals.
type PoolOptions struct {
	// Method is the model; the zero value is MethodREML.
	Method Method
	// HartungKnapp asks for the Knapp-Hartung adjustment (metafor's
	// test = "knha"): the variance of the estimate is multiplied by
	// s² = Σw*(yi − μ)²/(k − 1), without truncation at 1, and tests,
	// confidence and prediction intervals use Student's t with k − 1
	// degrees of freedom. It needs at least two effects. When the weighted
	// residual sum of squares is at most the machine epsilon (all
	// estimates equal, as with identical rounded reports), s² is taken as
	// 1, the model's own variance. This deliberately differs from metafor,
	// which sets s² to 0 there and so reports a zero standard error and an
	// infinite or undefined test statistic. Like metafor (which warns),
	// Pool also accepts it with MethodCommon.
	HartungKnapp bool
	// Level is the confidence level of the intervals, strictly between 0
	// and 1; 0 means 0.95.
	Level float64
	// MaxIter bounds the REML Fisher scoring iterations; 0 means 100.
	MaxIter int
	// Tol ends the REML iterations once a step changes tau² by at most
	// Tol times the typical within-study variance (k−1)/tr(P), so that
	// the criterion does not depend on the measure's units; 0 means 1e-10.
	// The same rule ends ML and EB, and bounds the root search of PM.
	Tol float64
	// Threshold, when positive, replaces Tol by metafor's own stopping
	// rule so that its printed figures are reproduced exactly: REML, ML
	// and EB stop once a Fisher scoring step changes tau² by at most
	// Threshold (metafor's control threshold, 1e-5 by default), and PM
	// uses Threshold as the tolerance of its root search (metafor's
	// control tol, .Machine$double.eps^0.25 ≈ 1.22e-4 by default). See
	// MetaforThreshold and MetaforRootTol.
	Threshold float64
}

// ErrNotConverged is returned (wrapped) by Pool when the REML iterations
// do not settle within PoolOptions.MaxIter steps. Test for it with
// errors.Is.
var ErrNotConverged = errors.New("evidence: REML estimation of tau² did not converge")

// Result is a pooled estimate with its heterogeneity statistics, following
// metafor's rma.uni for an intercept-only model. Estimates, standard
// errors and intervals are on the analysis scale (log scale for ratio
// measures); BackTransform gives the ratio scale.
type Result struct {
	// Measure is the measure of the pooled effects.
	Measure Measure `json:"measure"`
	// Method is the model that was fitted.
	Method Method `json:"method"`
	// HartungKnapp reports whether the Knapp-Hartung adjustment was used.
	HartungKnapp bool `json:"hartung_knapp"`
	// Level is the confidence level of CI and PI.
	Level float64 `json:"level"`
	// K is the number of pooled effects.
	K int `json:"k"`

	// Estimate is the pooled effect μ̂ = Σw*·yi / Σw*, with
	// w* = 1/(vi + tau²).
	Estimate float64 `json:"estimate"`
	// SE is the standard error of Estimate: 1/sqrt(Σw*), multiplied by
	// the Knapp-Hartung factor sqrt(s²) when that is used.
	SE float64 `json:"se"`
	// Statistic is Estimate/SE: a z value, or a t value on DF degrees of
	// freedom under Knapp-Hartung.
	Statistic float64 `json:"statistic"`
	// DF is the degrees of freedom of Statistic under Knapp-Hartung
	// (k − 1), and 0 for the normal test.
	DF int `json:"df"`
	// P is the two-sided p-value of Statistic.
	P float64 `json:"p"`
	// CI is the confidence interval Estimate ± crit·SE, with crit the
	// normal or t critical value for Level.
	CI Interval `json:"ci"`
	// PI is the prediction interval for the effect in a new study,
	// Estimate ± crit·sqrt(SE² + tau²), as metafor's predict.rma computes
	// it by default. For MethodCommon, where tau² is 0, it equals CI.
	PI Interval `json:"pi"`

	// Tau2 is the estimated between-study variance (0 for MethodCommon
	// and whenever k = 1).
	Tau2 float64 `json:"tau2"`
	// SETau2 is the standard error of Tau2: for DL the moment formula,
	// for REML sqrt(2/tr(P·P)) from the Fisher information, for the
	// other estimators the formula metafor's rma.uni uses. It is 0 when
	// tau² is not estimated (MethodCommon, k = 1).
	SETau2 float64 `json:"se_tau2"`
	// Tau is sqrt(Tau2).
	Tau float64 `json:"tau"`
	// I2 is the percentage of total variability due to heterogeneity.
	// For random-effects models it is 100·tau²/(ṽ + tau²) with the
	// typical within-study variance ṽ = (k−1)/tr(P); for the common-effect
	// model it is max(0, 100·(Q − (k−1))/Q). It is 0 when k = 1 or Q = 0.
	I2 float64 `json:"i2"`
	// H2 is tau²/ṽ + 1 for random-effects models and Q/(k−1) for the
	// common-effect model (so 0 when all estimates are equal); 1 when
	// k = 1.
	H2 float64 `json:"h2"`
	// Q is Cochran's heterogeneity statistic with inverse-variance weights
	// 1/vi, whatever the method; 0 when k = 1.
	Q float64 `json:"q"`
	// QDF is the degrees of freedom of Q, k − 1.
	QDF int `json:"qdf"`
	// QP is the chi-square p-value of Q; 1 when k = 1.
	QP float64 `json:"qp"`

	// Weights gives each effect's weight in percent, w*ᵢ/Σw*·100, in the
	// order of the input.
	Weights []float64 `json:"weights"`
	// Iterations is the number of Fisher scoring steps taken (REML, ML,
	// EB); 0 for the other methods and for k = 1.
	Iterations int `json:"iterations"`
}

// BackTransform returns the estimate and the confidence and prediction
// intervals on the reading scale: exponentiated for ratio measures,
// unchanged otherwise.
func (r Result) BackTransform() (estimate float64, ci, pi Interval) {
	return r.Measure.BackTransform(r.Estimate), r.CI.BackTransform(r.Measure), r.PI.BackTransform(r.Measure)
}

const (
	defaultLevel   = 0.95
	defaultMaxIter = 100
	defaultTol     = 1e-10
	// ll0Tol is metafor's tolerance (.Machine$double.eps^0.25) for
	// preferring tau² = 0 when its restricted likelihood is higher.
	ll0Tol = 1.220703125e-04
)

// Pool combines the effects into one estimate by inverse-variance
// weighting, as metafor's rma.uni does for a model without moderators.
//
// The effects must share one valid measure and have finite yi and finite,
// positive vi; every violation is reported in one *secretome.ValidationError
// whose paths name the effect, such as "effects[3].vi", or the option by
// its snake_case name ("method", "level", "max_iter", "tol"). An empty slice is
// an error, and so are values so extreme that the float64 sums overflow
// (variances below about 1e-100, say): a Result never holds NaN or
// infinite numbers, so it always encodes as JSON.
//
// With a single effect the result is that effect: tau² is 0, Q is 0 with
// p = 1, I² is 0 and H² is 1 (as metafor fits it). Knapp-Hartung needs at
// least two effects.
//
// Tau² is truncated at 0. DL uses the moment estimator
// (Q − (k−1))/tr(P) with tr(P) = Σw − Σw²/Σw. REML starts from the Hedges
// estimate, takes Fisher scoring steps (Y'PPY − tr P)/tr(PP), halving a
// step that would make tau² negative, and, like metafor, falls back to
// tau² = 0 when that has a higher restricted likelihood; when it does not
// settle within MaxIter steps, the error wraps ErrNotConverged.
//
// Pool allocates only the Weights slice.
func Pool(effects []Effect, opts PoolOptions) (Result, error) {
	if err := checkPool(effects, &opts); err != nil {
		return Result{}, err
	}
	k := len(effects)
	r := Result{
		Measure:      effects[0].Measure,
		Method:       opts.Method,
		HartungKnapp: opts.HartungKnapp,
		Level:        opts.Level,
		K:            k,
		QDF:          k - 1,
		QP:           1,
		H2:           1,
	}

	// Common-effect sums: Q, tr(P) and tr(PP) with weights 1/vi.
	fe := weightSums(effects, 0)
	var trP, vTypical float64
	if k > 1 {
		r.Q = fe.rss
		r.QP = chi2Upper(r.Q, float64(k-1))
		trP = fe.trP()
		vTypical = float64(k-1) / trP
	}

	switch {
	case k == 1 || opts.Method == MethodCommon:
		// tau² = 0 by assumption or because it cannot be estimated.
	case opts.Method != MethodREML && opts.Method != MethodDL || opts.Threshold > 0:
		fit, err := poolTau2(effects, opts, vTypical)
		if err != nil {
			return Result{}, err
		}
		r.Tau2, r.SETau2, r.Iterations = fit.tau2, fit.se, fit.iter
	case opts.Method == MethodDL:
		r.Tau2 = max(0, (r.Q-float64(k-1))/trP)
		t2 := r.Tau2
		r.SETau2 = math.Sqrt(2*float64(k-1)+4*t2*trP+2*t2*t2*fe.trPP()) / trP
	default:
		tau2, iter, err := remlTau2(effects, opts, vTypical)
		if err != nil {
			return Result{}, err
		}
		r.Tau2, r.Iterations = tau2, iter
		r.SETau2 = math.Sqrt(2 / weightSums(effects, tau2).trPP())
	}
	r.Tau = math.Sqrt(r.Tau2)

	if k > 1 {
		if opts.Method == MethodCommon {
			if r.Q > 0 {
				r.I2 = max(0, 100*(r.Q-float64(k-1))/r.Q)
			}
			r.H2 = r.Q / float64(k-1)
		} else {
			r.I2 = 100 * r.Tau2 / (vTypical + r.Tau2)
			r.H2 = r.Tau2/vTypical + 1
		}
	}

	re := fe
	if r.Tau2 != 0 {
		re = weightSums(effects, r.Tau2)
	}
	r.Estimate = re.mean
	variance := 1 / re.sw
	var crit float64
	alpha := 1 - opts.Level
	if opts.HartungKnapp {
		s2 := 1.0
		if re.rss > machineEpsilon {
			s2 = re.rss / float64(k-1)
		}
		variance *= s2
		r.DF = k - 1
		crit = tCritical(alpha, float64(r.DF))
	} else {
		crit = normCritical(alpha)
	}
	r.SE = math.Sqrt(variance)
	r.Statistic = r.Estimate / r.SE
	if opts.HartungKnapp {
		r.P = 2 * tUpper(math.Abs(r.Statistic), float64(r.DF))
	} else {
		r.P = math.Erfc(math.Abs(r.Statistic) / math.Sqrt2)
	}
	r.CI = Interval{Lower: r.Estimate - crit*r.SE, Upper: r.Estimate + crit*r.SE}
	h := crit * math.Sqrt(variance+r.Tau2)
	r.PI = Interval{Lower: r.Estimate - h, Upper: r.Estimate + h}

	if !allFinite(r.Estimate, r.SE, r.Statistic, r.CI.Lower, r.CI.Upper, r.PI.Lower, r.PI.Upper, r.Tau2, r.SETau2, r.I2, r.H2, r.Q, r.QP, r.P) {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeNumber, "estimates or variances too extreme to pool in float64 (weights 1/vi overflow or cancel)")
		return Result{}, ps.Err()
	}
	r.Weights = make([]float64, k)
	for i, e := range effects {
		r.Weights[i] = 100 / (e.Vi + r.Tau2) / re.sw
	}
	return r, nil
}

// finite reports whether every value is a finite number.
func allFinite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// machineEpsilon is the machine epsilon for float64 (.Machine$double.eps in R).
const machineEpsilon = 0x1p-52

// checkPool validates the effects and fills in option defaults.
func checkPool(effects []Effect, opts *PoolOptions) error {
	var ps secretome.Problems
	if int(opts.Method) >= len(methodNames) {
		ps.Add("method", secretome.SeverityError, secretome.CodeEnum, "unknown method %d (want one of %s)", uint8(opts.Method), strings.Join(methodNames[:], ", "))
	}
	switch {
	case opts.Level == 0:
		opts.Level = defaultLevel
	case !(opts.Level > 0 && opts.Level < 1):
		ps.Add("level", secretome.SeverityError, secretome.CodeRange, "must be strictly between 0 and 1 (0.95 for 95 %%), got %v", opts.Level)
	}
	switch {
	case opts.MaxIter == 0:
		opts.MaxIter = defaultMaxIter
	case opts.MaxIter < 0:
		ps.Add("max_iter", secretome.SeverityError, secretome.CodeRange, "must not be negative, got %d", opts.MaxIter)
	}
	switch {
	case opts.Tol == 0:
		opts.Tol = defaultTol
	case !(opts.Tol > 0) || math.IsInf(opts.Tol, 1):
		ps.Add("tol", secretome.SeverityError, secretome.CodeRange, "must be a positive finite number, got %v", opts.Tol)
	}
	if !(opts.Threshold >= 0) || math.IsInf(opts.Threshold, 1) {
		ps.Add("threshold", secretome.SeverityError, secretome.CodeRange, "must be 0 or a positive finite number, got %v", opts.Threshold)
	}
	if len(effects) == 0 {
		ps.Add("effects", secretome.SeverityError, secretome.CodeRequired, "no effects to pool")
	} else if opts.HartungKnapp && len(effects) < 2 {
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "Knapp-Hartung needs at least 2 effects, got %d", len(effects))
	}
	for i, e := range effects {
		if !e.Measure.valid() {
			ps.Add(fmt.Sprintf("effects[%d].measure", i), secretome.SeverityError, secretome.CodeEnum, "unknown measure %d (want one of %s)", uint8(e.Measure), strings.Join(measureNames[1:], ", "))
		} else if e.Measure != effects[0].Measure && effects[0].Measure.valid() {
			ps.Add(fmt.Sprintf("effects[%d].measure", i), secretome.SeverityError, secretome.CodeInconsistent, "%s differs from the measure of effects[0] (%s)", e.Measure, effects[0].Measure)
		}
		if math.IsNaN(e.Yi) || math.IsInf(e.Yi, 0) {
			ps.Add(fmt.Sprintf("effects[%d].yi", i), secretome.SeverityError, secretome.CodeNumber, "must be a finite number, got %v", e.Yi)
		}
		switch {
		case math.IsNaN(e.Vi) || math.IsInf(e.Vi, 0):
			ps.Add(fmt.Sprintf("effects[%d].vi", i), secretome.SeverityError, secretome.CodeNumber, "must be a finite number, got %v", e.Vi)
		case e.Vi <= 0:
			ps.Add(fmt.Sprintf("effects[%d].vi", i), secretome.SeverityError, secretome.CodeRange, "must be positive, got %v", e.Vi)
		}
	}
	return ps.Err()
}

// poolSums holds weighted sums over the effects for weights w = 1/(vi + tau²).
type poolSums struct {
	sw, sw2 float64 // Σw, Σw²
	mean    float64 // Σw·y / Σw
	rss     float64 // Σw·(y − mean)², = Y'PY
	rssP    float64 // Σw²·(y − mean)², = Y'PPY
	trp     float64 // tr(P)
	trpp    float64 // tr(PP)
}

// trP returns tr(P) for P = W − W1(1'W1)⁻¹1'W, that is Σw − Σw²/Σw.
func (s poolSums) trP() float64 { return s.trp }

// trPP returns tr(PP) = ΣᵢⱼPᵢⱼ², that is Σw² − 2Σw³/Σw + (Σw²/Σw)².
func (s poolSums) trPP() float64 { return s.trpp }

// weightSums computes the sums. The traces are not taken from the
// textbook forms above, whose terms cancel when one weight dwarfs the
// others (variances 1e-11 and 1e5 leave tr(P) as rounding noise, even
// negative). They are summed from terms that are each positive:
//
//	tr(P)  = Σᵢ wᵢ·oᵢ / Σw
//	tr(PP) = Σᵢ (wᵢ·oᵢ)² / (Σw)² + Σᵢ wᵢ²·o²ᵢ / (Σw)²
//
// where oᵢ = Σⱼ≠ᵢ wⱼ and o²ᵢ = Σⱼ≠ᵢ wⱼ². Only for the largest weight does
// Σw − wᵢ cancel, so the sums of the others are kept for it separately.
func weightSums(effects []Effect, tau2 float64) poolSums {
	var s poolSums
	var swy, wmax, others, others2 float64
	m := -1
	for i, e := range effects {
		w := 1 / (e.Vi + tau2)
		s.sw += w
		s.sw2 += w * w
		swy += w * e.Yi
		if w > wmax {
			if m >= 0 {
				others += wmax
				others2 += wmax * wmax
			}
			wmax, m = w, i
		} else {
			others += w
			others2 += w * w
		}
	}
	s.mean = swy / s.sw
	var tr, trpp float64
	for i, e := range effects {
		w := 1 / (e.Vi + tau2)
		d := e.Yi - s.mean
		s.rss += w * d * d
		s.rssP += w * w * d * d
		o, o2 := s.sw-w, s.sw2-w*w
		if i == m {
			o, o2 = others, others2
		}
		tr += w * o
		trpp += w*w*o*o + w*w*o2
	}
	s.trp = tr / s.sw
	s.trpp = trpp / (s.sw * s.sw)
	return s
}

// remlTau2 estimates tau² by Fisher scoring on the restricted likelihood,
// starting from the Hedges (HE) estimate as metafor does. scale is the
// typical within-study variance that makes the tolerance unit-free.
func remlTau2(effects []Effect, opts PoolOptions, scale float64) (tau2 float64, iter int, err error) {
	k := float64(len(effects))
	var sy, sv float64
	for _, e := range effects {
		sy += e.Yi
		sv += e.Vi
	}
	ybar := sy / k
	var ss float64
	for _, e := range effects {
		d := e.Yi - ybar
		ss += d * d
	}
	tau2 = max(0, (ss-sv*(k-1)/k)/(k-1))

	tol := opts.Tol * scale
	for {
		iter++
		if iter > opts.MaxIter {
			return 0, iter - 1, fmt.Errorf("%w after %d iterations (tau² = %g); try a larger MaxIter or method DL", ErrNotConverged, opts.MaxIter, tau2)
		}
		s := weightSums(effects, tau2)
		adj := (s.rssP - s.trP()) / s.trPP()
		if math.IsNaN(adj) || math.IsInf(adj, 0) {
			var ps secretome.Problems
			ps.Add("effects", secretome.SeverityError, secretome.CodeNumber, "estimates or variances too extreme to pool in float64 (REML step at tau² = %g is not a number)", tau2)
			return 0, iter, ps.Err()
		}
		if tau2+adj < 0 {
			// Step halving keeps tau² inside the parameter space; at
			// the boundary a step outwards means the optimum is 0.
			for n := 0; n < 64 && tau2+adj < 0; n++ {
				adj /= 2
			}
			if tau2+adj < 0 {
				adj = -tau2
			}
		}
		tau2 += adj
		// The second test ends the iteration once a step no longer
		// changes tau² beyond rounding: with vanishing within-study
		// variances the tolerance, scaled by them, would be below what
		// float64 can resolve at tau², and a tau² already found would be
		// reported as not converged.
		if math.Abs(adj) <= tol || math.Abs(adj) <= 8*machineEpsilon*tau2 {
			break
		}
	}
	if tau2 > 0 && remlLogLik(effects, 0)-remlLogLik(effects, tau2) > ll0Tol {
		tau2 = 0
	}
	return tau2, iter, nil
}

// remlLogLik returns the restricted log-likelihood of tau² up to a
// constant: −½ Σ ln(vi + tau²) − ½ ln Σw − ½ Σw(yi − μ̂)².
func remlLogLik(effects []Effect, tau2 float64) float64 {
	d := effectsDesign(effects)
	return logLik(d, newWLS(d), MethodREML, tau2)
}
