package evidence

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// Moderator is one study-level variable of a meta-regression, given for
// every effect in the order of the effects: numeric Values, or the Levels
// of a categorical variable. A categorical moderator enters the model as
// treatment contrasts against its first level in sorted order, as R's
// factor does, and its coefficients are named Name followed by the level
// ("allocrandom"), as metafor names them.
type Moderator struct {
	// Name names the moderator in coefficient tables.
	Name string
	// Values holds a numeric moderator, one value per effect.
	Values []float64
	// Levels holds a categorical moderator, one level per effect. Exactly
	// one of Values and Levels is set.
	Levels []string
}

// FitOptions configures Fit: the pooling options (method, Knapp-Hartung,
// level and convergence) and whether the model has an intercept.
type FitOptions struct {
	PoolOptions
	// NoIntercept removes the intercept (metafor's mods = ~ x - 1). As
	// in R, the first categorical moderator then gets a coefficient for
	// every level; the omnibus test covers every coefficient and R² is
	// not computed.
	NoIntercept bool
}

// Coefficient is one row of a model's coefficient table.
type Coefficient struct {
	// Name is "intrcpt", a numeric moderator's name, or a categorical
	// moderator's name followed by its level.
	Name string `json:"name"`
	// Estimate is the coefficient on the analysis scale.
	Estimate float64 `json:"estimate"`
	// SE is its standard error (with the Knapp-Hartung factor when used).
	SE float64 `json:"se"`
	// Statistic is Estimate/SE: a z value, or a t value on the model's
	// DF degrees of freedom under Knapp-Hartung.
	Statistic float64 `json:"statistic"`
	// P is the two-sided p-value of Statistic.
	P float64 `json:"pval"`
	// CI is the confidence interval at the model's level.
	CI Interval `json:"ci"`
}

// Model is a fitted (mixed-effects) meta-regression, the counterpart of
// metafor's rma.uni: coefficients, the residual heterogeneity test QE,
// the omnibus test QM of the moderators, tau², I², H² and R². Without
// moderators it is the ordinary meta-analysis that Pool also fits.
//
// Its JSON form uses metafor's own names (b, se, zval or tval, pval,
// ci.lb, ci.ub, tau2, se.tau2, QE, QEp, QM, QMp, I2, H2, R2, …), so that
// a script can compare it field by field with R.
type Model struct {
	// Measure is the measure of the effects.
	Measure Measure
	// Method is the model that was fitted.
	Method Method
	// HartungKnapp reports whether the Knapp-Hartung adjustment was used.
	HartungKnapp bool
	// Level is the confidence level of the intervals.
	Level float64
	// K is the number of effects and P the number of coefficients.
	K, P int
	// Coefficients is the coefficient table, intercept first.
	Coefficients []Coefficient
	// VCov is the variance-covariance matrix of the coefficients, P×P.
	VCov [][]float64
	// DF is the residual degrees of freedom k − p of the t and F tests
	// under Knapp-Hartung, and 0 for z tests.
	DF int

	// Tau2 is the (residual) between-study variance, SETau2 its standard
	// error (0 when tau² is not estimated) and Tau its square root.
	Tau2, SETau2, Tau float64
	// I2 is the percentage of (residual) variability due to heterogeneity
	// and H2 the ratio of total to sampling variability, defined as at
	// Result.
	I2, H2 float64
	// R2 is the percentage of heterogeneity accounted for by the
	// moderators, max(0, 100·(τ²₀ − τ²)/τ²₀) with τ²₀ from the model
	// without moderators fitted the same way (0 when τ²₀ = 0); for the
	// common-effect model it is the adjusted R² of the weighted
	// regression, as metafor reports it. HasR2 is false for models
	// without moderators or without intercept.
	R2    float64
	HasR2 bool
	// QE is the test of residual heterogeneity with weights 1/vi, on QEDF
	// = k − p degrees of freedom, with p-value QEP (0, 0 and 1 when
	// k = p).
	QE   float64
	QEDF int
	QEP  float64
	// QM is the omnibus test of the moderators (every coefficient but the
	// intercept; all of them without an intercept): a chi-square on QMDF
	// degrees of freedom, or under Knapp-Hartung an F statistic on QMDF
	// and DF degrees of freedom. QMP is its p-value.
	QM   float64
	QMDF int
	QMP  float64
	// PI is the prediction interval of a model without moderators
	// (Estimate ± crit·sqrt(SE² + tau²)); nil with moderators.
	PI *Interval
	// Weights gives each effect's weight in percent.
	Weights []float64
	// Iterations is the number of Fisher scoring steps taken.
	Iterations int

	d       *design
	effects []Effect
	opts    FitOptions
}

// Estimate returns the first coefficient: the pooled effect of a model
// without moderators.
func (m *Model) Estimate() Coefficient { return m.Coefficients[0] }

// Fit fits the meta-regression of the effects on the moderators (none
// gives the ordinary meta-analysis) as metafor's rma.uni does, with the
// method and tests of opts. Every τ² estimator of Method is available.
//
// Problems with the effects, the moderators or the options are reported
// together in one *secretome.ValidationError, with paths such as
// "effects[3].vi", "moderators[1].values[4]" or "method". A moderator that
// is constant, or a linear combination of the intercept and the
// moderators before it, is an error naming it (metafor instead drops it
// with a warning). With as many coefficients as effects, tau² cannot be
// estimated and is 0, QE is 0 with p = 1; Knapp-Hartung then is an
// error.
func Fit(effects []Effect, mods []Moderator, opts FitOptions) (*Model, error) {
	d, names, err := buildDesign(effects, mods, &opts)
	if err != nil {
		return nil, err
	}
	return fitDesign(d, names, effects, opts, true)
}

// metaforMethod returns metafor's spelling of a method.
func metaforMethod(m Method) string {
	if m == MethodCommon {
		return "EE"
	}
	return strings.ToUpper(m.String())
}

// ParseMetaforMethod reads a method as metafor spells it: "EE", "FE" or
// "CE" for the common-effect model, and "DL", "REML", "PM", "SJ", "ML",
// "EB", "HE", "HS" (case does not matter). The stable spellings of
// ParseMethod are accepted too.
func ParseMetaforMethod(s string) (Method, error) {
	switch strings.ToUpper(s) {
	case "EE", "FE", "CE":
		return MethodCommon, nil
	}
	if m, err := ParseMethod(strings.ToLower(s)); err == nil {
		return m, nil
	}
	return ParseMethod(s)
}

// buildDesign validates the input and builds the model matrix.
func buildDesign(effects []Effect, mods []Moderator, opts *FitOptions) (*design, []string, error) {
	po := opts.PoolOptions
	hk := po.HartungKnapp
	po.HartungKnapp = false // checked below against k − p
	err := checkPool(effects, &po)
	po.HartungKnapp = hk
	opts.PoolOptions = po
	var ps secretome.Problems
	if ve, ok := secretome.AsValidationError(err); ok {
		ps.Append(ve.Problems...)
	} else if err != nil {
		return nil, nil, err
	}
	k := len(effects)
	y := make([]float64, k)
	v := make([]float64, k)
	for i, e := range effects {
		y[i], v[i] = e.Yi, e.Vi
	}
	d := &design{y: y, v: v, k: k}
	var names []string
	var owner []int // moderator index of each column, −1 for the intercept
	fullFactor := false
	if !opts.NoIntercept {
		one := make([]float64, k)
		for i := range one {
			one[i] = 1
		}
		d.x = append(d.x, one)
		names = append(names, "intrcpt")
		owner = append(owner, -1)
	}
	for j, m := range mods {
		path := fmt.Sprintf("moderators[%d]", j)
		switch {
		case strings.TrimSpace(m.Name) == "":
			ps.Add(path+".name", secretome.SeverityError, secretome.CodeRequired, "a moderator needs a name")
		case (m.Values == nil) == (m.Levels == nil):
			ps.Add(path, secretome.SeverityError, secretome.CodeInconsistent, "moderator %q must have either values or levels", m.Name)
			continue
		}
		if m.Values != nil {
			if len(m.Values) != k {
				ps.Add(path+".values", secretome.SeverityError, secretome.CodeInconsistent, "moderator %q has %d values for %d effects", m.Name, len(m.Values), k)
				continue
			}
			for i, x := range m.Values {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					ps.Add(fmt.Sprintf("%s.values[%d]", path, i), secretome.SeverityError, secretome.CodeNumber, "must be a finite number, got %v", x)
				}
			}
			d.x = append(d.x, m.Values)
			names = append(names, m.Name)
			owner = append(owner, j)
			continue
		}
		if len(m.Levels) != k {
			ps.Add(path+".levels", secretome.SeverityError, secretome.CodeInconsistent, "moderator %q has %d levels for %d effects", m.Name, len(m.Levels), k)
			continue
		}
		levels := sortedLevels(m.Levels)
		if len(levels) == 1 && !opts.NoIntercept {
			ps.Add(path+".levels", secretome.SeverityError, secretome.CodeInconsistent, "moderator %q has a single level (%q): it is constant and cannot be estimated beside the intercept", m.Name, levels[0])
			continue
		}
		first := 1
		if opts.NoIntercept && !fullFactor {
			// Without intercept the first categorical moderator codes
			// every level, as R's model matrices do.
			first, fullFactor = 0, true
		}
		for _, l := range levels[min(first, len(levels)):] {
			col := make([]float64, k)
			for i, x := range m.Levels {
				if x == l {
					col[i] = 1
				}
			}
			d.x = append(d.x, col)
			names = append(names, m.Name+l)
			owner = append(owner, j)
		}
	}
	if err := ps.Err(); err != nil {
		return nil, nil, err
	}
	d.p = len(d.x)
	if d.p == 0 {
		ps.Add("moderators", secretome.SeverityError, secretome.CodeRequired, "a model without intercept needs at least one moderator")
		return nil, nil, ps.Err()
	}
	if d.p > k {
		ps.Add("moderators", secretome.SeverityError, secretome.CodeRange, "%d coefficients cannot be estimated from %d effects", d.p, k)
		return nil, nil, ps.Err()
	}
	if j := d.checkRank(); j >= 0 {
		if owner[j] < 0 {
			ps.Add("moderators", secretome.SeverityError, secretome.CodeInconsistent, "the intercept is redundant")
		} else {
			ps.Add(fmt.Sprintf("moderators[%d]", owner[j]), secretome.SeverityError, secretome.CodeInconsistent,
				"coefficient %q is constant or a linear combination of the intercept and the moderators before it; the model cannot be fitted", names[j])
		}
		return nil, nil, ps.Err()
	}
	if opts.HartungKnapp && k <= d.p {
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "Knapp-Hartung needs more effects than coefficients, got %d effects for %d coefficients", k, d.p)
		return nil, nil, ps.Err()
	}
	return d, names, nil
}

// sortedLevels returns the distinct levels in sorted order.
func sortedLevels(levels []string) []string {
	out := slices.Clone(levels)
	slices.Sort(out)
	return slices.Compact(out)
}

// fitDesign fits the model on a checked design. withR2 asks for R²
// (which refits the model without moderators).
func fitDesign(d *design, names []string, effects []Effect, opts FitOptions, withR2 bool) (*Model, error) {
	k, p := d.k, d.p
	po := opts.PoolOptions
	m := &Model{
		Measure: effects[0].Measure, Method: po.Method, HartungKnapp: po.HartungKnapp, Level: po.Level,
		K: k, P: p, QEDF: k - p, QEP: 1, H2: 1, d: d, opts: opts,
	}
	m.effects = effects
	f := newWLS(d)
	var vt float64
	if k > p {
		f.fitTau2(0)
		m.QE = max(0, f.rss)
		m.QEP = chi2Upper(m.QE, float64(k-p))
		vt = float64(k-p) / f.trP
		if po.Method.IsRandom() {
			fit, err := estimateTau2(d, po.Method, convergence{maxIter: po.MaxIter, tol: po.Tol, threshold: po.Threshold}, vt)
			if err != nil {
				return nil, err
			}
			m.Tau2, m.SETau2, m.Iterations = fit.tau2, fit.se, fit.iter
			m.I2 = 100 * m.Tau2 / (vt + m.Tau2)
			m.H2 = m.Tau2/vt + 1
		} else {
			if m.QE > 0 {
				m.I2 = max(0, 100*(m.QE-float64(k-p))/m.QE)
			}
			m.H2 = m.QE / float64(k-p)
		}
	}
	m.Tau = math.Sqrt(m.Tau2)
	f.fitTau2(m.Tau2)
	vb := f.vb()
	alpha := 1 - po.Level
	crit := normCritical(alpha)
	if po.HartungKnapp {
		s2 := 1.0
		if f.rss > machineEpsilon {
			s2 = f.rss / float64(k-p)
		}
		for i := range vb {
			vb[i] *= s2
		}
		m.DF = k - p
		crit = tCritical(alpha, float64(m.DF))
	}
	m.VCov = make([][]float64, p)
	m.Coefficients = make([]Coefficient, p)
	for j := range p {
		m.VCov[j] = vb[j*p : (j+1)*p : (j+1)*p]
		c := Coefficient{Name: names[j], Estimate: f.b[j], SE: math.Sqrt(vb[j*p+j])}
		c.Statistic = c.Estimate / c.SE
		c.P = m.pValue(c.Statistic)
		c.CI = Interval{Lower: c.Estimate - crit*c.SE, Upper: c.Estimate + crit*c.SE}
		m.Coefficients[j] = c
	}
	first := 0
	if !opts.NoIntercept && p > 1 {
		first = 1
	}
	m.QMDF = p - first
	m.QM = waldStatistic(f.b[first:], vb, p, first)
	if po.HartungKnapp {
		m.QM /= float64(m.QMDF)
		m.QMP = fUpper(m.QM, float64(m.QMDF), float64(m.DF))
	} else {
		m.QMP = chi2Upper(m.QM, float64(m.QMDF))
	}
	if p == 1 && !opts.NoIntercept {
		c := m.Coefficients[0]
		h := crit * math.Sqrt(c.SE*c.SE+m.Tau2)
		m.PI = &Interval{Lower: c.Estimate - h, Upper: c.Estimate + h}
	}
	m.Weights = make([]float64, k)
	for i, w := range f.w {
		m.Weights[i] = 100 * w / f.sw
	}
	if withR2 && p > 1 && !opts.NoIntercept && k > p {
		if err := m.setR2(effects, f); err != nil {
			return nil, err
		}
	}
	if err := m.checkFinite(); err != nil {
		return nil, err
	}
	return m, nil
}

// pValue returns the two-sided p-value of a z or t statistic.
func (m *Model) pValue(stat float64) float64 {
	if m.HartungKnapp {
		return 2 * tUpper(math.Abs(stat), float64(m.DF))
	}
	return math.Erfc(math.Abs(stat) / math.Sqrt2)
}

// setR2 computes R² as metafor's default (r2def "1") does.
func (m *Model) setR2(effects []Effect, f *wls) error {
	d := m.d
	if !m.Method.IsRandom() {
		// Adjusted R² of the weighted least-squares regression.
		var sw, swy float64
		for i, v := range d.v {
			sw += 1 / v
			swy += d.y[i] / v
		}
		mean := swy / sw
		var tss float64
		for i, v := range d.v {
			tss += (d.y[i] - mean) * (d.y[i] - mean) / v
		}
		m.HasR2 = true
		if tss > 0 {
			k, p := float64(m.K), float64(m.P)
			m.R2 = max(0, 100*(1-(m.QE/tss)*(k-1)/(k-p)))
		}
		return nil
	}
	base := interceptDesign(d.y, d.v)
	if m.K <= 1 {
		return nil
	}
	f0 := newWLS(base)
	f0.fitTau2(0)
	vt := float64(m.K-1) / f0.trP
	po := m.opts.PoolOptions
	fit, err := estimateTau2(base, m.Method, convergence{maxIter: po.MaxIter, tol: po.Tol, threshold: po.Threshold}, vt)
	if err != nil {
		return err
	}
	m.HasR2 = true
	if fit.tau2 > 0 {
		m.R2 = max(0, 100*(fit.tau2-m.Tau2)/fit.tau2)
	}
	_ = f
	return nil
}

// checkFinite reports a model whose figures overflowed.
func (m *Model) checkFinite() error {
	vals := []float64{m.Tau2, m.SETau2, m.I2, m.H2, m.QE, m.QEP, m.QM, m.QMP, m.R2}
	for _, c := range m.Coefficients {
		vals = append(vals, c.Estimate, c.SE, c.Statistic, c.P, c.CI.Lower, c.CI.Upper)
	}
	if m.PI != nil {
		vals = append(vals, m.PI.Lower, m.PI.Upper)
	}
	vals = append(vals, m.Weights...)
	if !allFinite(vals...) {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeNumber, "estimates, variances or moderators too extreme to fit in float64")
		return ps.Err()
	}
	return nil
}

// waldStatistic returns b' V⁻¹ b for the coefficients first.. of the
// p×p matrix vb, by a Cholesky factorisation of the sub-matrix.
func waldStatistic(b, vb []float64, p, first int) float64 {
	n := p - first
	l := make([]float64, n*n)
	for i := range n {
		for j := 0; j <= i; j++ {
			s := vb[(i+first)*p+j+first]
			for r := 0; r < j; r++ {
				s -= l[i*n+r] * l[j*n+r]
			}
			if i == j {
				l[i*n+i] = math.Sqrt(s)
			} else {
				l[i*n+j] = s / l[j*n+j]
			}
		}
	}
	// Solve L z = b; the statistic is |z|².
	var q float64
	z := make([]float64, n)
	for i := range n {
		s := b[i]
		for r := 0; r < i; r++ {
			s -= l[i*n+r] * z[r]
		}
		z[i] = s / l[i*n+i]
		q += z[i] * z[i]
	}
	return q
}

// fUpper returns P(F > x) for an F distribution with d1 and d2 degrees of
// freedom.
func fUpper(x, d1, d2 float64) float64 {
	switch {
	case math.IsNaN(x):
		return math.NaN()
	case x <= 0:
		return 1
	case math.IsInf(x, 1):
		return 0
	}
	den := d2 + d1*x
	return regIncBeta(d2/den, d1*x/den, d2/2, d1/2)
}
