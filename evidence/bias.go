package evidence

// Heterogeneity intervals (metafor's confint), small-study tests (regtest,
// ranktest) and trim-and-fill (trimfill).

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"github.com/openregen/secretomekit/secretome"
)

// subset returns the design of the rows in keep, with the same columns.
func (d *design) subset(keep []int) *design {
	s := &design{k: len(keep), p: d.p, y: make([]float64, len(keep)), v: make([]float64, len(keep)), x: make([][]float64, d.p)}
	for j := range s.x {
		s.x[j] = make([]float64, len(keep))
	}
	for n, i := range keep {
		s.y[n], s.v[n] = d.y[i], d.v[i]
		for j := range s.x {
			s.x[j][n] = d.x[j][i]
		}
	}
	return s
}

// withColumn returns the design with one more column.
func (d *design) withColumn(col []float64) *design {
	x := append(append([][]float64(nil), d.x...), col)
	return &design{y: d.y, v: d.v, x: x, k: d.k, p: d.p + 1}
}

// refit fits the model's method and options to another design.
func (m *Model) refit(d *design, names []string, effects []Effect) (*Model, error) {
	return fitDesign(d, names, effects, m.opts, false)
}

// names returns the coefficient names.
func (m *Model) names() []string {
	out := make([]string, len(m.Coefficients))
	for i, c := range m.Coefficients {
		out[i] = c.Name
	}
	return out
}

// Bound is an estimate with a confidence interval, as a row of metafor's
// confint table.
type Bound struct {
	// Estimate is the point estimate.
	Estimate float64 `json:"estimate"`
	// Lower and Upper are the confidence bounds (ci.lb, ci.ub).
	Lower float64 `json:"ci.lb"`
	Upper float64 `json:"ci.ub"`
}

// HeterogeneityCI holds the Q-profile confidence intervals of tau², tau,
// I² and H² of a random-effects model (metafor's confint).
type HeterogeneityCI struct {
	// Level is the confidence level.
	Level float64 `json:"level"`
	// Tau2, Tau, I2 and H2 are the estimates with their bounds.
	Tau2 Bound `json:"tau2"`
	Tau  Bound `json:"tau"`
	I2   Bound `json:"I2"`
	H2   Bound `json:"H2"`
	// LowerCapped and UpperCapped report a bound that lies beyond the
	// search range [0, max(100, 10·tau²)] and was set to its end, as
	// metafor does (it prints such bounds with "<" or ">").
	LowerCapped bool `json:"lower_capped,omitempty"`
	UpperCapped bool `json:"upper_capped,omitempty"`
}

// ConfInt returns the Q-profile confidence intervals (Viechtbauer 2007)
// for tau², tau, I² and H² at the model's level, as metafor's confint does
// for a model fitted with rma.uni: the bounds are the values of tau² at
// which the generalised Q statistic Σ(yᵢ − xᵢ'b)²/(vᵢ + tau²) equals the
// upper and lower α/2 quantiles of the chi-square with k − p degrees of
// freedom; a bound that would be negative is 0 (both are 0 when the
// interval is empty). I² and H² bounds follow from tau²'s with the model's
// typical within-study variance. The root search is tight unless the
// model's Threshold is set, in which case it uses metafor's default
// tolerance MetaforRootTol as confint does.
//
// It is an error for the common-effect model and when k ≤ p.
func (m *Model) ConfInt() (*HeterogeneityCI, error) {
	var ps secretome.Problems
	if !m.Method.IsRandom() {
		ps.Add("method", secretome.SeverityError, secretome.CodeInconsistent, "the common-effect model has no tau² to give an interval for")
		return nil, ps.Err()
	}
	if m.K <= m.P {
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "an interval for tau² needs more effects than coefficients")
		return nil, ps.Err()
	}
	d := m.d
	df := float64(m.K - m.P)
	alpha := 1 - m.Level
	critU := chi2Quantile(alpha/2, df, true)
	critL := chi2Quantile(alpha/2, df, false)
	f := newWLS(d)
	q := func(t2 float64) float64 { f.fitTau2(t2); return f.rss }
	f.fitTau2(0)
	vt := df / f.trP
	hi := max(100, 10*m.Tau2)
	tol := 0.0
	if m.opts.Threshold > 0 {
		tol = MetaforRootTol
	}
	const maxIter = 1000
	q0, qhi := q(0), q(hi)
	out := &HeterogeneityCI{Level: m.Level}
	var lb, ub float64
	switch {
	case q0 < critL:
		lb, ub = 0, 0
	case qhi > critL:
		ub, out.UpperCapped = hi, true
	default:
		ub, _ = zeroin(0, hi, q0-critL, qhi-critL, func(t float64) float64 { return q(t) - critL }, tol, maxIter)
	}
	switch {
	case qhi > critU:
		lb, ub, out.LowerCapped, out.UpperCapped = hi, hi, true, true
	case q0 < critU:
		lb = 0
	default:
		lb, _ = zeroin(0, hi, q0-critU, qhi-critU, func(t float64) float64 { return q(t) - critU }, tol, maxIter)
	}
	out.Tau2 = Bound{m.Tau2, lb, ub}
	out.Tau = Bound{m.Tau, math.Sqrt(lb), math.Sqrt(ub)}
	i2 := func(t float64) float64 { return 100 * t / (vt + t) }
	h2 := func(t float64) float64 { return t/vt + 1 }
	out.I2 = Bound{m.I2, i2(lb), i2(ub)}
	out.H2 = Bound{m.H2, h2(lb), h2(ub)}
	return out, nil
}

// chi2Quantile returns the chi-square quantile with upper-tail (upper) or
// lower-tail probability p.
func chi2Quantile(p, df float64, upper bool) float64 {
	g := func(x float64) float64 {
		if upper {
			return chi2Upper(x, df) - p
		}
		return (1 - chi2Upper(x, df)) - p
	}
	hi := df + 10*math.Sqrt(2*df) + 10
	for g(hi)*g(0) > 0 {
		hi *= 2
	}
	x, _ := zeroin(0, hi, g(0), g(hi), g, 0, 1000)
	return x
}

// RegTest is the result of Egger's regression test for funnel plot
// asymmetry (metafor's regtest with model "rma" and predictor "sei").
type RegTest struct {
	// Statistic is the z value (t under Knapp-Hartung, on DF degrees of
	// freedom) of the standard error's coefficient, and P its p-value.
	Statistic float64
	DF        int
	P         float64
	// Limit is the intercept of the model without other moderators: the
	// estimate for a study of infinite precision, with its interval CI.
	// HasLimit is false for models with moderators.
	Limit    float64
	CI       Interval
	HasLimit bool
	// Fit is the fitted model with the standard error as an additional
	// moderator.
	Fit *Model
}

// MarshalJSON encodes the test under metafor's names (zval or tval, ddf,
// pval, est, ci.lb, ci.ub).
func (r *RegTest) MarshalJSON() ([]byte, error) {
	j := map[string]any{"pval": r.P}
	if r.DF > 0 {
		j["tval"], j["ddf"] = r.Statistic, r.DF
	} else {
		j["zval"] = r.Statistic
	}
	if r.HasLimit {
		j["est"], j["ci.lb"], j["ci.ub"] = r.Limit, r.CI.Lower, r.CI.Upper
	}
	return json.Marshal(j)
}

// RegTest runs Egger's regression test: the model is refitted, with the
// same method and options, with the standard errors √vᵢ added as a
// moderator, and the test of that coefficient is reported.
func (m *Model) RegTest() (*RegTest, error) {
	sei := make([]float64, m.K)
	for i, v := range m.d.v {
		sei[i] = math.Sqrt(v)
	}
	d := m.d.withColumn(sei)
	if m.K <= d.p || d.checkRank() >= 0 {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "the regression test needs more effects than coefficients and standard errors that vary")
		return nil, ps.Err()
	}
	fit, err := m.refit(d, append(m.names(), "sei"), m.effects)
	if err != nil {
		return nil, err
	}
	c := fit.Coefficients[d.p-1]
	r := &RegTest{Statistic: c.Statistic, DF: fit.DF, P: c.P, Fit: fit}
	if m.P == 1 && !m.opts.NoIntercept {
		r.HasLimit = true
		r.Limit, r.CI = fit.Coefficients[0].Estimate, fit.Coefficients[0].CI
	}
	return r, nil
}

// RankTest is the result of Begg and Mazumdar's rank correlation test
// (metafor's ranktest).
type RankTest struct {
	// Tau is Kendall's rank correlation (tau-b) between the standardised
	// effects and their variances.
	Tau float64 `json:"tau"`
	// P is its two-sided p-value: exact when there are fewer than 50
	// effects and no ties (R's cor.test default), else from the normal
	// approximation with the tie-corrected variance.
	P float64 `json:"pval"`
	// Exact reports whether P is exact.
	Exact bool `json:"exact"`
}

// RankTest runs the rank correlation test on the model's effects: the
// effects are standardised as (yᵢ − θ)/sqrt(vᵢ − 1/Σw) with the
// common-effect estimate θ and w = 1/vᵢ, and correlated with vᵢ.
//
// metafor 3.8 asks cor.test for the exact p-value whatever the number of
// effects; metafor 4 and later leave the choice to cor.test, as here
// (exact below 50 effects). It needs at least 3 effects.
func (m *Model) RankTest() (*RankTest, error) {
	d := m.d
	if d.k < 3 {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "the rank test needs at least 3 effects, got %d", d.k)
		return nil, ps.Err()
	}
	var sw, swy float64
	for i, v := range d.v {
		sw += 1 / v
		swy += d.y[i] / v
	}
	theta := swy / sw
	x := make([]float64, d.k)
	for i, v := range d.v {
		x[i] = (d.y[i] - theta) / math.Sqrt(v-1/sw)
		if math.IsNaN(x[i]) || math.IsInf(x[i], 0) {
			// In exact arithmetic v > 1/sw for k ≥ 2; in double precision a
			// variance many orders of magnitude below the others leaves no
			// difference to divide by. R's cor.test would drop the pair;
			// the library reports it instead of testing fewer effects.
			var ps secretome.Problems
			ps.Add(fmt.Sprintf("effects[%d]", i), secretome.SeverityError, secretome.CodeRange,
				"the rank test is undefined: the standardised effect is not a finite number (the variance is not larger than the pooled estimate's in double precision)")
			return nil, ps.Err()
		}
	}
	tau, p, exact := kendall(x, d.v)
	if math.IsNaN(tau) {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "the rank test is undefined when all standardised effects or all variances are equal")
		return nil, ps.Err()
	}
	return &RankTest{Tau: tau, P: p, Exact: exact}, nil
}

// kendall returns Kendall's tau-b of x and y with R's cor.test p-value.
func kendall(x, y []float64) (tau, p float64, exact bool) {
	n := len(x)
	var s float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s += sign(x[i]-x[j]) * sign(y[i]-y[j])
		}
	}
	tx, ty := ties(x), ties(y)
	t0 := float64(n*(n-1)) / 2
	var t1, t2 float64
	for _, t := range tx {
		t1 += t * (t - 1) / 2
	}
	for _, t := range ty {
		t2 += t * (t - 1) / 2
	}
	tau = s / math.Sqrt((t0-t1)*(t0-t2))
	if math.IsNaN(tau) || math.IsInf(tau, 0) {
		return math.NaN(), math.NaN(), false
	}
	if n < 50 && len(tx) == 0 && len(ty) == 0 {
		q := math.RoundToEven((tau + 1) * float64(n*(n-1)) / 4)
		var pv float64
		if q > float64(n*(n-1))/4 {
			pv = 1 - kendallCDF(int(q)-1, n)
		} else {
			pv = kendallCDF(int(q), n)
		}
		return tau, min(1, 2*pv), true
	}
	fn := float64(n)
	v0 := fn * (fn - 1) * (2*fn + 5)
	var vt, vu, a1, a2, b1, b2 float64
	for _, t := range tx {
		vt += t * (t - 1) * (2*t + 5)
		a1 += t * (t - 1)
		a2 += t * (t - 1) * (t - 2)
	}
	for _, t := range ty {
		vu += t * (t - 1) * (2*t + 5)
		b1 += t * (t - 1)
		b2 += t * (t - 1) * (t - 2)
	}
	varS := (v0-vt-vu)/18 + a1*b1/(2*fn*(fn-1)) + a2*b2/(9*fn*(fn-1)*(fn-2))
	z := s / math.Sqrt(varS)
	return tau, min(1, 2*normUpper(math.Abs(z))), false
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// ties returns the sizes of the groups of equal values (of size ≥ 2).
func ties(x []float64) []float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	var out []float64
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		if j-i > 1 {
			out = append(out, float64(j-i))
		}
		i = j
	}
	return out
}

// kendallCDF returns P(T ≤ q) for the number T of concordant pairs among
// n items under independence: the share of permutations of n with at most
// q inversions (R's pkendall).
func kendallCDF(q, n int) float64 {
	if q < 0 {
		return 0
	}
	maxQ := n * (n - 1) / 2
	if q >= maxQ {
		return 1
	}
	// dist[j] is the probability of j inversions among the first m items.
	dist := make([]float64, maxQ+1)
	next := make([]float64, maxQ+1)
	dist[0] = 1
	top := 0
	for m := 2; m <= n; m++ {
		// Adding item m adds 0..m−1 inversions, each with probability 1/m.
		newTop := top + m - 1
		var window float64
		for j := 0; j <= newTop; j++ {
			if j <= top {
				window += dist[j]
			}
			if j-m >= 0 {
				window -= dist[j-m]
			}
			next[j] = window / float64(m)
		}
		dist, next = next, dist
		top = newTop
	}
	var c float64
	for j := 0; j <= q; j++ {
		c += dist[j]
	}
	return min(1, c)
}

// Estimator is the estimator of the number of missing studies in
// trim-and-fill.
type Estimator uint8

// The trim-and-fill estimators.
const (
	// EstimatorL0 is Duval and Tweedie's L0, metafor's default.
	EstimatorL0 Estimator = iota
	// EstimatorR0 is Duval and Tweedie's R0.
	EstimatorR0
)

// String returns "L0" or "R0".
func (e Estimator) String() string {
	if e == EstimatorR0 {
		return "R0"
	}
	return "L0"
}

// Side is the side of the funnel plot on which studies are taken to be
// missing.
type Side uint8

// The sides.
const (
	// SideAuto lets trim-and-fill choose, as metafor does: from the sign
	// of the slope in Egger's regression (negative: right, else left).
	SideAuto Side = iota
	// SideLeft fills studies on the left.
	SideLeft
	// SideRight fills studies on the right.
	SideRight
)

// String returns "auto", "left" or "right".
func (s Side) String() string {
	return [...]string{"auto", "left", "right"}[min(int(s), 2)]
}

// TrimFillOptions configures TrimFill.
type TrimFillOptions struct {
	// Estimator is L0 (the zero value) or R0.
	Estimator Estimator
	// Side is where studies are missing; the zero value chooses as
	// metafor does.
	Side Side
	// MaxIter bounds the trim-and-fill iterations; 0 means 100.
	MaxIter int
}

// TrimFill is the result of the trim-and-fill method.
type TrimFill struct {
	// Estimator and Side are those used (Side never SideAuto).
	Estimator Estimator
	Side      Side
	// K0 is the estimated number of missing studies and SEK0 its
	// standard error; PK0 is the p-value of the test that none are
	// missing (R0 only, HasPK0).
	K0     int
	SEK0   float64
	PK0    float64
	HasPK0 bool
	// Filled are the K0 filled-in studies, mirrored about the estimate,
	// labelled "Filled 1", "Filled 2", …
	Filled []Effect
	// Model is the model fitted to the observed and filled studies (the
	// original model when K0 = 0).
	Model *Model
}

// MarshalJSON encodes the result under metafor's names: the model's
// figures with k0, se.k0, side, p.k0 (R0) and the filled studies' yi and
// vi.
func (r *TrimFill) MarshalJSON() ([]byte, error) {
	mb, err := r.Model.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var j map[string]any
	if err := json.Unmarshal(mb, &j); err != nil {
		return nil, err
	}
	j["k0"], j["se.k0"], j["side"], j["estimator"] = r.K0, r.SEK0, r.Side.String(), r.Estimator.String()
	if r.HasPK0 {
		j["p.k0"] = r.PK0
	}
	yi := make([]float64, len(r.Filled))
	vi := make([]float64, len(r.Filled))
	for i, e := range r.Filled {
		yi[i], vi[i] = e.Yi, e.Vi
	}
	j["fill"] = map[string]any{"yi": yi, "vi": vi}
	return json.Marshal(j)
}

// TrimFill runs Duval and Tweedie's trim-and-fill method on a model
// without moderators, as metafor's trimfill does: the most extreme k0
// studies on the side opposite the missing ones are trimmed and the model
// refitted until k0 settles; the trimmed studies are then mirrored about
// the last estimate and the model is fitted to all studies. Each fit uses
// the model's method and options. Ranks of tied absolute deviations are
// broken by order, and k0 is rounded half to even, as in R.
func (m *Model) TrimFill(opts TrimFillOptions) (*TrimFill, error) {
	var ps secretome.Problems
	if m.P != 1 || m.opts.NoIntercept {
		ps.Add("moderators", secretome.SeverityError, secretome.CodeInconsistent, "trim-and-fill applies to models without moderators")
	}
	if m.K < 3 {
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "trim-and-fill needs at least 3 effects, got %d", m.K)
	}
	if opts.MaxIter == 0 {
		opts.MaxIter = 100
	}
	if opts.MaxIter < 0 || opts.Side > SideRight || opts.Estimator > EstimatorR0 {
		ps.Add("options", secretome.SeverityError, secretome.CodeRange, "invalid trim-and-fill options %+v", opts)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	d := m.d
	k := d.k
	side := opts.Side
	if side == SideAuto {
		reg, err := m.RegTest()
		if err != nil {
			return nil, err
		}
		side = SideLeft
		if reg.Fit.Coefficients[1].Estimate < 0 {
			side = SideRight
		}
	}
	y := append([]float64(nil), d.y...)
	if side == SideRight {
		for i := range y {
			y[i] = -y[i]
		}
	}
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return y[idx[a]] < y[idx[b]] })
	ys := make([]float64, k)
	vs := make([]float64, k)
	for n, i := range idx {
		ys[n], vs[n] = y[i], d.v[i]
	}
	effects := make([]Effect, k)
	for n := range ys {
		effects[n] = Effect{Measure: m.Measure, Yi: ys[n], Vi: vs[n]}
	}
	k0, prev := 0, -1
	var beta, seK0 float64
	yc := make([]float64, k)
	for iter := 0; k0 != prev; iter++ {
		if iter >= opts.MaxIter {
			return nil, notConverged(m.Method, opts.MaxIter, float64(k0))
		}
		prev = k0
		sub, err := m.refit(interceptDesign(ys[:k-k0], vs[:k-k0]), []string{"intrcpt"}, effects[:k-k0])
		if err != nil {
			return nil, err
		}
		beta = sub.Coefficients[0].Estimate
		for i := range ys {
			yc[i] = ys[i] - beta
		}
		signed := signedRanks(yc)
		fk := float64(k)
		var est float64
		switch opts.Estimator {
		case EstimatorR0:
			maxNeg := 0.0
			for _, r := range signed {
				if r < 0 {
					maxNeg = max(maxNeg, -r)
				}
			}
			if maxNeg == 0 {
				ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "the R0 estimator is undefined: every study lies on one side of the estimate")
				return nil, ps.Err()
			}
			est = fk - maxNeg - 1
			seK0 = math.Sqrt(2*max(0, est) + 2)
		default:
			var sr float64
			for _, r := range signed {
				if r > 0 {
					sr += r
				}
			}
			est = (4*sr - fk*(fk+1)) / (2*fk - 1)
			varSr := (fk*(fk+1)*(2*fk+1) + 10*est*est*est + 27*est*est + 17*est - 18*fk*est*est - 18*fk*est + 6*fk*fk*est) / 24
			seK0 = 4 * math.Sqrt(varSr) / (2*fk - 1)
		}
		k0 = int(max(0, math.RoundToEven(est)))
		seK0 = max(0, seK0)
		if math.IsNaN(seK0) {
			seK0 = 0
		}
		if k0 > k-1 {
			k0 = k - 1
		}
	}
	out := &TrimFill{Estimator: opts.Estimator, Side: side, K0: k0, SEK0: seK0, Model: m}
	if opts.Estimator == EstimatorR0 {
		// p = 1 − Σ_{m=−1}^{k0−1} C(m+1, m+1)·0.5^(m+2).
		var s float64
		for mm := -1; mm <= k0-1; mm++ {
			s += math.Pow(0.5, float64(mm+2))
		}
		out.PK0, out.HasPK0 = 1-s, true
	}
	if k0 == 0 {
		return out, nil
	}
	all := append([]Effect(nil), m.effects...)
	for n := 0; n < k0; n++ {
		i := k - k0 + n
		fill := 2*beta - ys[i]
		if side == SideRight {
			fill = -fill
		}
		e := Effect{Measure: m.Measure, Yi: fill, Vi: vs[i], Label: "Filled " + itoa(n+1)}
		out.Filled = append(out.Filled, e)
		all = append(all, e)
	}
	y2 := make([]float64, len(all))
	v2 := make([]float64, len(all))
	for i, e := range all {
		y2[i], v2[i] = e.Yi, e.Vi
	}
	fit, err := fitDesign(interceptDesign(y2, v2), []string{"intrcpt"}, all, m.opts, false)
	if err != nil {
		return nil, err
	}
	out.Model = fit
	return out, nil
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// signedRanks returns sign(x)·rank(|x|) with ties ranked in order of
// appearance (R's ties.method = "first").
func signedRanks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return math.Abs(x[idx[a]]) < math.Abs(x[idx[b]]) })
	out := make([]float64, len(x))
	for r, i := range idx {
		out[i] = sign(x[i]) * float64(r+1)
	}
	return out
}
