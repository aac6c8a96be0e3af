package evidence

// Estimators of the between-study variance tau² for the random-effects
// meta-regression model yᵢ = xᵢ'β + uᵢ + εᵢ, as metafor's rma.uni defines
// them (method = "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB").

import (
	"fmt"
	"math"
	"sort"

	"github.com/openregen/secretomekit/secretome"
)

// metaforTol is metafor's default uniroot tolerance,
// .Machine$double.eps^0.25, used by PM and the Q-profile intervals.
const metaforTol = 1.220703125e-04

// tau2Fit is the outcome of estimating tau².
type tau2Fit struct {
	tau2, se float64
	iter     int
}

// convergence carries the stopping rules of the iterative estimators.
type convergence struct {
	maxIter   int
	tol       float64 // relative to the typical within-study variance
	threshold float64 // metafor's absolute rule when positive
}

// stopAt returns the absolute change in tau² below which iterations stop.
func (c convergence) stopAt(scale float64) float64 {
	if c.threshold > 0 {
		return c.threshold
	}
	return c.tol * scale
}

// notConverged builds the ErrNotConverged error of an estimator.
func notConverged(m Method, iter int, tau2 float64) error {
	return fmt.Errorf("%w (method %s) after %d iterations (tau² = %g); try a larger MaxIter or another method", ErrNotConverged, m, iter, tau2)
}

// estimateTau2 estimates tau² on the design with the given method. The
// design must have k > p. scale is the typical within-study variance
// (k−p)/tr(P) of the common-effect fit, which makes the default tolerance
// unit-free.
func estimateTau2(d *design, m Method, c convergence, scale float64) (tau2Fit, error) {
	k, p := float64(d.k), float64(d.p)
	f := newWLS(d)
	var out tau2Fit
	switch m {
	case MethodCommon:
		return out, nil
	case MethodHS:
		f.fitTau2(0)
		t2 := max(0, (f.rss-k)/f.sw)
		out.tau2 = t2
		out.se = math.Sqrt(2*(k-p)+4*t2*f.trP+2*t2*t2*f.sumP2(nil, nil)) / f.sw
	case MethodHE:
		out.tau2, out.se = heTau2(d, f)
	case MethodDL:
		f.fitTau2(0)
		t2 := max(0, (f.rss-(k-p))/f.trP)
		out.tau2 = t2
		out.se = math.Sqrt(2*(k-p)+4*t2*f.trP+2*t2*t2*f.sumP2(nil, nil)) / f.trP
	case MethodSJ:
		t0 := sampleVariance(d.y) * (k - 1) / k
		if t0 == 0 {
			// All estimates equal: the estimator's start and result are 0.
			return out, nil
		}
		f.fitTau2(t0)
		t2 := max(0, t0*f.rss/(k-p))
		out.tau2 = t2
		trPVPV := f.sumP2(d.v, d.v)
		trPVP := f.sumP2(d.v, nil)
		out.se = t0 / (k - p) * math.Sqrt(2*trPVPV+4*t2*trPVP+2*t2*t2*f.sumP2(nil, nil))
	case MethodPM:
		t2, err := pmTau2(d, f, c, scale)
		if err != nil {
			return out, err
		}
		out.tau2 = t2
		f.fitTau2(t2)
		out.se = math.Sqrt(2*k*k/(k-p)) / f.sw
	case MethodREML, MethodML, MethodEB:
		return scoringTau2(d, f, m, c, scale)
	default:
		return out, fmt.Errorf("evidence: no tau² estimator for method %v", m)
	}
	return out, nil
}

// heTau2 is the Hedges (HE) moment estimator (RSS₀ − tr(P₀V))/(k − p) from
// the ordinary least-squares fit, with metafor's standard error.
func heTau2(d *design, f *wls) (tau2, se float64) {
	k, p := float64(d.k), float64(d.p)
	f.fitUnit()
	var trPV float64
	for i, v := range d.v {
		trPV += v * (1 - f.h[i])
	}
	tau2 = max(0, (f.rss-trPV)/(k-p))
	se = math.Sqrt(2*f.sumP2(d.v, d.v)+4*tau2*trPV+2*tau2*tau2*(k-p)) / (k - p)
	return tau2, se
}

// sampleVariance returns the sample variance with divisor n − 1.
func sampleVariance(y []float64) float64 {
	var s float64
	for _, v := range y {
		s += v
	}
	mean := s / float64(len(y))
	var ss float64
	for _, v := range y {
		ss += (v - mean) * (v - mean)
	}
	return ss / float64(len(y)-1)
}

// tau2Max returns metafor's upper search bound for tau²,
// max(100, 10·mad(y)²).
func tau2Max(y []float64) float64 {
	med := median(y)
	dev := make([]float64, len(y))
	for i, v := range y {
		dev[i] = math.Abs(v - med)
	}
	mad := 1.4826 * median(dev)
	return max(100, 10*mad*mad)
}

// median returns the median of the values (without changing them).
func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// pmTau2 is the Paule-Mandel estimator: the tau² at which the generalised
// Q statistic Σwᵢeᵢ² equals k − p, found as metafor finds it (Brent's
// method, R's uniroot, on [0, max(100, 10·mad²)]).
func pmTau2(d *design, f *wls, c convergence, scale float64) (float64, error) {
	target := float64(d.k - d.p)
	q := func(t2 float64) float64 { f.fitTau2(t2); return f.rss - target }
	q0 := q(0)
	if q0 < 0 {
		return 0, nil
	}
	hi := tau2Max(d.y)
	qhi := q(hi)
	if qhi > 0 {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "the Paule-Mandel tau² exceeds the search bound %g; the effects are too spread out for their variances", hi)
		return 0, ps.Err()
	}
	tol := c.threshold
	if tol <= 0 {
		tol = c.tol * scale
	}
	root, ok := zeroin(0, hi, q0, qhi, q, tol, c.maxIter)
	if !ok {
		return 0, notConverged(MethodPM, c.maxIter, root)
	}
	return root, nil
}

// scoringTau2 runs metafor's Fisher scoring for REML, ML and EB: it starts
// from the Hedges estimate (truncated at 0), takes steps
//
//	REML: (Y'PPY − tr P)/tr(PP)
//	ML:   (Y'PPY − Σw)/Σw²
//	EB:   (Y'PY·k/(k−p) − k)/Σw
//
// halving any step that would make tau² negative, and stops when a step
// changes tau² by less than the threshold. For ML and REML it then falls
// back to tau² = 0 when that has a higher (restricted) likelihood, as
// metafor does.
func scoringTau2(d *design, f *wls, m Method, c convergence, scale float64) (tau2Fit, error) {
	k, p := float64(d.k), float64(d.p)
	var out tau2Fit
	t2, _ := heTau2(d, f)
	stop := c.stopAt(scale)
	for {
		out.iter++
		if out.iter > c.maxIter {
			return tau2Fit{}, notConverged(m, c.maxIter, t2)
		}
		f.fitTau2(t2)
		var adj float64
		switch m {
		case MethodML:
			adj = (f.rssP - f.sw) / f.sw2
		case MethodREML:
			adj = (f.rssP - f.trP) / f.sumP2(nil, nil)
		default:
			adj = (f.rss*k/(k-p) - k) / f.sw
		}
		if math.IsNaN(adj) || math.IsInf(adj, 0) {
			var ps secretome.Problems
			ps.Add("effects", secretome.SeverityError, secretome.CodeNumber, "estimates or variances too extreme to fit in float64 (%s step at tau² = %g is not a number)", m, t2)
			return tau2Fit{}, ps.Err()
		}
		for n := 0; n < 1100 && t2+adj < 0; n++ {
			adj /= 2
		}
		if t2+adj < 0 {
			adj = -t2
		}
		t2 += adj
		if math.Abs(adj) <= stop {
			break
		}
	}
	if m != MethodEB && t2 > 0 {
		min := 0.0
		if c.threshold > 0 {
			min = c.threshold
		}
		if t2 > min && logLik(d, f, m, 0)-logLik(d, f, m, t2) > ll0Tol {
			t2 = 0
		}
	}
	out.tau2 = t2
	f.fitTau2(t2)
	switch m {
	case MethodML:
		out.se = math.Sqrt(2 / f.sw2)
	case MethodREML:
		out.se = math.Sqrt(2 / f.sumP2(nil, nil))
	default:
		out.se = math.Sqrt(2*k*k/(k-p)) / f.sw
	}
	return out, nil
}

// logLik returns the ML or REML log-likelihood of tau² up to a constant
// that does not depend on tau².
func logLik(d *design, f *wls, m Method, tau2 float64) float64 {
	f.fitTau2(tau2)
	var sl float64
	for _, v := range d.v {
		sl += math.Log(v + tau2)
	}
	ll := -0.5*sl - 0.5*f.rss
	if m == MethodREML {
		ll -= 0.5 * f.logDetXWX()
	}
	return ll
}

// zeroin finds a root of g in [a, b], given fa = g(a) and fb = g(b) of
// opposite signs, by Brent's method exactly as R's uniroot (R_zeroin2)
// does, so that a tolerance tol reproduces R's result. ok is false when
// maxIter evaluations do not reach the tolerance.
func zeroin(a, b, fa, fb float64, g func(float64) float64, tol float64, maxIter int) (root float64, ok bool) {
	c, fc := a, fa
	if fa == 0 {
		return a, true
	}
	if fb == 0 {
		return b, true
	}
	for range maxIter + 1 {
		prev := b - a
		if math.Abs(fc) < math.Abs(fb) {
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tolAct := 2*machineEpsilon*math.Abs(b) + tol/2
		step := (c - b) / 2
		if math.Abs(step) <= tolAct || fb == 0 {
			return b, true
		}
		if math.Abs(prev) >= tolAct && math.Abs(fa) > math.Abs(fb) {
			var p, q float64
			cb := c - b
			if a == c {
				t1 := fb / fa
				p = cb * t1
				q = 1 - t1
			} else {
				q = fa / fc
				t1 := fb / fc
				t2 := fb / fa
				p = t2 * (cb*q*(q-t1) - (b-a)*(t1-1))
				q = (q - 1) * (t1 - 1) * (t2 - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if p < 0.75*cb*q-math.Abs(tolAct*q)/2 && p < math.Abs(prev*q/2) {
				step = p / q
			}
		}
		if math.Abs(step) < tolAct {
			if step > 0 {
				step = tolAct
			} else {
				step = -tolAct
			}
		}
		a, fa = b, fb
		b += step
		fb = g(b)
		if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
			c, fc = a, fa
		}
	}
	return b, false
}

// MetaforThreshold is metafor's default convergence threshold for the
// Fisher scoring estimators (REML, ML, EB): set PoolOptions.Threshold to
// it to reproduce metafor's printed tau² for those methods.
const MetaforThreshold = 1e-5

// MetaforRootTol is metafor's default root-search tolerance
// (.Machine$double.eps^0.25), used for PM and the Q-profile intervals.
const MetaforRootTol = metaforTol

// effectsDesign returns the intercept-only design of the effects.
func effectsDesign(effects []Effect) *design {
	y := make([]float64, len(effects))
	v := make([]float64, len(effects))
	for i, e := range effects {
		y[i], v[i] = e.Yi, e.Vi
	}
	return interceptDesign(y, v)
}

// poolTau2 estimates tau² for an intercept-only model.
func poolTau2(effects []Effect, opts PoolOptions, scale float64) (tau2Fit, error) {
	return estimateTau2(effectsDesign(effects), opts.Method, convergence{maxIter: opts.MaxIter, tol: opts.Tol, threshold: opts.Threshold}, scale)
}
