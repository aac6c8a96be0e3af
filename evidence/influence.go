package evidence

// Sensitivity analyses: leave-one-out, cumulative meta-analysis and the
// case-deletion influence diagnostics of metafor (leave1out, cumul,
// influence).

import (
	"fmt"
	"math"

	"github.com/openregen/secretomekit/secretome"
)

// Step is the pooled result of a model without moderators fitted to a
// subset of the studies: one row of metafor's leave1out or cumul table.
type Step struct {
	// Label names the study left out (leave-one-out) or added last
	// (cumulative).
	Label string `json:"slab"`
	// Estimate, SE, Statistic (z or t), P and the CI bounds describe the
	// pooled effect.
	Estimate  float64 `json:"estimate"`
	SE        float64 `json:"se"`
	Statistic float64 `json:"zval"`
	P         float64 `json:"pval"`
	CILower   float64 `json:"ci.lb"`
	CIUpper   float64 `json:"ci.ub"`
	// Q and QP are the heterogeneity test; Tau2, I2 and H2 as in Model.
	Q    float64 `json:"Q"`
	QP   float64 `json:"Qp"`
	Tau2 float64 `json:"tau2"`
	I2   float64 `json:"I2"`
	H2   float64 `json:"H2"`
}

func stepOf(label string, m *Model) Step {
	c := m.Coefficients[0]
	return Step{Label: label, Estimate: c.Estimate, SE: c.SE, Statistic: c.Statistic, P: c.P, CILower: c.CI.Lower, CIUpper: c.CI.Upper,
		Q: m.QE, QP: m.QEP, Tau2: m.Tau2, I2: m.I2, H2: m.H2}
}

// intOnly reports an error unless the model has no moderators.
func (m *Model) intOnly(what string) error {
	if m.P != 1 || m.opts.NoIntercept {
		var ps secretome.Problems
		ps.Add("moderators", secretome.SeverityError, secretome.CodeInconsistent, "%s applies to models without moderators", what)
		return ps.Err()
	}
	return nil
}

// subModel fits the model's method and options to the effects in keep.
func (m *Model) subModel(keep []int) (*Model, error) {
	effects := make([]Effect, len(keep))
	for n, i := range keep {
		effects[n] = m.effects[i]
	}
	return m.refit(m.d.subset(keep), m.names(), effects)
}

// without fits the model to every study but the i-th; keep is scratch
// space of capacity K-1, reused across calls.
func (m *Model) without(i int, keep []int) (*Model, error) {
	keep = keep[:0]
	for j := range m.K {
		if j != i {
			keep = append(keep, j)
		}
	}
	sub, err := m.subModel(keep)
	if err != nil {
		return nil, fmt.Errorf("evidence: leaving out study %d: %w", i+1, err)
	}
	return sub, nil
}

// LeaveOneOut refits the model (without moderators) k times, each time
// without one study, as metafor's leave1out does. It needs at least two
// studies (three under Knapp-Hartung).
func (m *Model) LeaveOneOut() ([]Step, error) {
	if err := m.intOnly("leave-one-out"); err != nil {
		return nil, err
	}
	if m.K < 2 || m.HartungKnapp && m.K < 3 {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "leave-one-out needs at least %d effects, got %d", map[bool]int{false: 2, true: 3}[m.HartungKnapp], m.K)
		return nil, ps.Err()
	}
	out := make([]Step, m.K)
	keep := make([]int, 0, m.K-1)
	for i := range m.K {
		sub, err := m.without(i, keep)
		if err != nil {
			return nil, err
		}
		out[i] = stepOf(m.effects[i].Label, sub)
	}
	return out, nil
}

// Cumulative fits the model (without moderators) to the first 1, 2, …, k
// studies in the given order, as metafor's cumul does; order holds each
// study's index once, and nil means the input order. Under Knapp-Hartung
// the first step, with one study, is left out.
func (m *Model) Cumulative(order []int) ([]Step, error) {
	if err := m.intOnly("cumulative meta-analysis"); err != nil {
		return nil, err
	}
	if order == nil {
		order = make([]int, m.K)
		for i := range order {
			order[i] = i
		}
	}
	var ps secretome.Problems
	seen := make([]bool, m.K)
	if len(order) != m.K {
		ps.Add("order", secretome.SeverityError, secretome.CodeInconsistent, "the order has %d entries for %d effects", len(order), m.K)
	}
	for n, i := range order {
		switch {
		case i < 0 || i >= m.K:
			ps.Add(fmt.Sprintf("order[%d]", n), secretome.SeverityError, secretome.CodeRange, "index %d is not an effect (0 to %d)", i, m.K-1)
		case seen[i]:
			ps.Add(fmt.Sprintf("order[%d]", n), secretome.SeverityError, secretome.CodeDuplicate, "index %d appears twice", i)
		default:
			seen[i] = true
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	var out []Step
	for n := range order {
		if m.HartungKnapp && n == 0 {
			continue
		}
		sub, err := m.subModel(order[:n+1])
		if err != nil {
			return nil, fmt.Errorf("evidence: cumulative step %d: %w", n+1, err)
		}
		out = append(out, stepOf(m.effects[order[n]].Label, sub))
	}
	return out, nil
}

// Influence holds metafor's case-deletion diagnostics for one study.
type Influence struct {
	// Label names the study.
	Label string `json:"slab"`
	// RStudent is the externally studentised residual: the study's
	// deviation from the prediction of the model fitted without it,
	// divided by its standard error.
	RStudent float64 `json:"rstudent"`
	// DFFITS is the change in the study's fitted value when it is left
	// out, standardised.
	DFFITS float64 `json:"dffits"`
	// CookD is Cook's distance: the change in the coefficients, in the
	// metric of their variance-covariance matrix.
	CookD float64 `json:"cook.d"`
	// CovRatio is det(Var b₍₋ᵢ₎)/det(Var b).
	CovRatio float64 `json:"cov.r"`
	// Tau2Del and QEDel are tau² and QE of the model without the study.
	Tau2Del float64 `json:"tau2.del"`
	QEDel   float64 `json:"QE.del"`
	// Hat is the study's leverage and Weight its weight in percent.
	Hat    float64 `json:"hat"`
	Weight float64 `json:"weight"`
	// DFBETAS holds, per coefficient, the change in the coefficient when
	// the study is left out, divided by its standard error computed with
	// the tau² of the model without the study.
	DFBETAS []float64 `json:"dfbs"`
	// Influential applies metafor's rule of thumb: |DFFITS| > 3·sqrt(p/(k−p)),
	// Cook's distance above the median of a chi-square with p degrees of
	// freedom, a hat value above 3p/k, or any |DFBETAS| above 1.
	Influential bool `json:"inf"`
}

// Influence computes the case-deletion diagnostics of every study, as
// metafor's influence does: each study is left out in turn and the model
// refitted with the same method and options. It needs more effects than
// coefficients plus one.
func (m *Model) Influence() ([]Influence, error) {
	p := m.P
	if m.K <= p+1 {
		var ps secretome.Problems
		ps.Add("effects", secretome.SeverityError, secretome.CodeRange, "influence diagnostics need at least %d effects, got %d", p+2, m.K)
		return nil, ps.Err()
	}
	d := m.d
	full := newWLS(d)
	full.fitTau2(m.Tau2)
	b := make([]float64, p)
	for j, c := range m.Coefficients {
		b[j] = c.Estimate
	}
	s2Full := 1.0
	if m.HartungKnapp && full.rss > machineEpsilon {
		s2Full = full.rss / float64(m.K-p)
	}
	logDetR := 0.5 * full.logDetXWX()
	out := make([]Influence, m.K)
	keep := make([]int, 0, m.K-1)
	chiMed := chi2Quantile(0.5, float64(p), false)
	del := newWLS(d)
	for i := range m.K {
		sub, err := m.without(i, keep)
		if err != nil {
			return nil, err
		}
		fs := newWLS(sub.d)
		fs.fitTau2(sub.Tau2)
		s2w := 1.0
		if m.HartungKnapp && fs.rss > machineEpsilon {
			s2w = fs.rss / float64(sub.K-p)
		}
		var pred, delpred, vdel float64
		subVB := flatten(sub.VCov)
		for j := range p {
			xj := d.x[j][i]
			pred += xj * b[j]
			delpred += xj * sub.Coefficients[j].Estimate
			for l := range p {
				vdel += xj * subVB[j*p+l] * d.x[l][i]
			}
		}
		resid := d.y[i] - delpred
		if math.Abs(resid) < 100*machineEpsilon {
			resid = 0
		}
		inf := Influence{Label: m.effects[i].Label, Tau2Del: sub.Tau2, QEDel: sub.QE, Hat: full.h[i], Weight: m.Weights[i]}
		inf.RStudent = resid / math.Sqrt(d.v[i]*s2w+vdel+sub.Tau2*s2w)
		inf.DFFITS = (pred - delpred) / math.Sqrt(s2w*inf.Hat*(sub.Tau2+d.v[i]))
		diff := make([]float64, p)
		for j := range p {
			diff[j] = b[j] - sub.Coefficients[j].Estimate
		}
		// Cook's distance is diff'·Var(b)⁻¹·diff with Var(b)⁻¹ = R'R/s²,
		// and the covariance ratio det(Var b₍₋ᵢ₎)/det(Var b) follows from
		// the diagonals of the two R factors; both avoid inverting a
		// nearly singular Var(b).
		inf.CookD = rNormSq(full, diff) / s2Full
		inf.CovRatio = math.Pow(s2w/s2Full, float64(p)) * math.Exp(2*(logDetR-0.5*fs.logDetXWX()))
		// DFBETAS use (X'WX)⁻¹ of all studies with the deleted tau².
		del.fitTau2(sub.Tau2)
		vbDel := del.vb()
		inf.DFBETAS = make([]float64, p)
		bigDFB := false
		for j := range p {
			inf.DFBETAS[j] = diff[j] / math.Sqrt(s2w*vbDel[j*p+j])
			bigDFB = bigDFB || math.Abs(inf.DFBETAS[j]) > 1
		}
		inf.Influential = math.Abs(inf.DFFITS) > 3*math.Sqrt(float64(p)/float64(m.K-p)) || inf.CookD > chiMed || inf.Hat > 3*float64(p)/float64(m.K) || bigDFB
		if !allFinite(append([]float64{inf.RStudent, inf.DFFITS, inf.CookD, inf.CovRatio, inf.Tau2Del, inf.QEDel, inf.Hat, inf.Weight}, inf.DFBETAS...)...) {
			var ps secretome.Problems
			ps.Add(fmt.Sprintf("effects[%d]", i), secretome.SeverityError, secretome.CodeNumber, "influence diagnostics of study %d are too extreme to compute in float64 (weights differ by too many orders of magnitude)", i+1)
			return nil, ps.Err()
		}
		out[i] = inf
	}
	return out, nil
}

func flatten(m [][]float64) []float64 {
	var out []float64
	for _, r := range m {
		out = append(out, r...)
	}
	return out
}

// rNormSq returns |R·x|² for the R factor of a fit: x'·X'WX·x.
func rNormSq(f *wls, x []float64) float64 {
	p := f.d.p
	var s float64
	for i := range p {
		var r float64
		for j := i; j < p; j++ {
			r += f.r[i*p+j] * x[j]
		}
		s += r * r
	}
	return s
}
