package evidence

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/openregen/secretomekit/secretome"
)

// CountsResult is a common-effect estimate pooled from 2×2 tables by the
// Mantel-Haenszel method (metafor's rma.mh) or Peto's method (rma.peto),
// with its heterogeneity statistics. Estimate, SE and CI are on the
// analysis scale (log scale for RR and OR).
type CountsResult struct {
	// Measure is the pooled measure (rr, or or rd; or for Peto).
	Measure Measure
	// Method is "MH" or "PETO".
	Method string
	// Level is the confidence level of CI.
	Level float64
	// K is the number of tables.
	K int
	// Estimate, SE, Statistic (z), P and CI describe the pooled effect.
	Estimate, SE, Statistic, P float64
	CI                         Interval
	// QE is the test of heterogeneity on QEDF degrees of freedom with
	// p-value QEP; I2 and H2 follow from it as for the common-effect
	// model. As in metafor, tables with no events or only events in both
	// groups do not count towards QE and its degrees of freedom.
	QE   float64
	QEDF int
	QEP  float64
	I2   float64
	H2   float64
	// CO and MH are the Cochran-Mantel-Haenszel test of a common odds
	// ratio of 1 (with continuity correction; CO with the variance
	// divisor n, MH with n − 1 as metafor computes them), and TA is
	// Tarone's test of homogeneity of the odds ratios on TADF degrees of
	// freedom. They are set (HasOR true) only for the Mantel-Haenszel
	// odds ratio.
	HasOR            bool
	CO, COP, MH, MHP float64
	TA, TAP          float64
	TADF             int
	effects          []Effect
}

// countsJSON is the JSON form under metafor's names.
type countsJSON struct {
	Measure Measure  `json:"measure"`
	Method  string   `json:"method"`
	Level   float64  `json:"level"`
	K       int      `json:"k"`
	B       float64  `json:"b"`
	SE      float64  `json:"se"`
	Zval    float64  `json:"zval"`
	Pval    float64  `json:"pval"`
	CILB    float64  `json:"ci.lb"`
	CIUB    float64  `json:"ci.ub"`
	QE      float64  `json:"QE"`
	QEdf    int      `json:"QEdf"`
	QEp     float64  `json:"QEp"`
	I2      float64  `json:"I2"`
	H2      float64  `json:"H2"`
	CO      *float64 `json:"CO,omitempty"`
	COp     *float64 `json:"COp,omitempty"`
	MH      *float64 `json:"MH,omitempty"`
	MHp     *float64 `json:"MHp,omitempty"`
	TA      *float64 `json:"TA,omitempty"`
	TAp     *float64 `json:"TAp,omitempty"`
}

// MarshalJSON encodes the result under metafor's names (b, se, zval,
// pval, ci.lb, ci.ub, QE, QEp, I2, H2 and, for the odds ratio, CO, MH and
// TA with their p-values).
func (r *CountsResult) MarshalJSON() ([]byte, error) {
	j := countsJSON{Measure: r.Measure, Method: r.Method, Level: r.Level, K: r.K, B: r.Estimate, SE: r.SE, Zval: r.Statistic,
		Pval: r.P, CILB: r.CI.Lower, CIUB: r.CI.Upper, QE: r.QE, QEdf: r.QEDF, QEp: r.QEP, I2: r.I2, H2: r.H2}
	if r.HasOR {
		j.CO, j.COp, j.MH, j.MHp, j.TA, j.TAp = &r.CO, &r.COP, &r.MH, &r.MHP, &r.TA, &r.TAP
	}
	return json.Marshal(j)
}

// Effects returns the per-table effects (escalc's yi and vi with the
// zero-cell correction of TwoByTwo) on which QE is based, for forest and
// funnel plots; tables with no events or only events in both groups are
// included.
func (r *CountsResult) Effects() []Effect { return r.effects }

// checkTables validates the tables and the level.
func checkTables(tables []TwoByTwo, level *float64) error {
	var ps secretome.Problems
	if len(tables) == 0 {
		ps.Add("tables", secretome.SeverityError, secretome.CodeRequired, "no tables to pool")
	}
	for i, t := range tables {
		if _, err := t.corrected(); err != nil {
			if ve, ok := secretome.AsValidationError(err); ok {
				for _, p := range ve.Problems {
					ps.Add(fmt.Sprintf("tables[%d].%s", i, p.Path), p.Severity, p.Code, "%s", p.Message)
				}
			}
		}
	}
	switch {
	case *level == 0:
		*level = defaultLevel
	case !(*level > 0 && *level < 1):
		ps.Add("level", secretome.SeverityError, secretome.CodeRange, "must be strictly between 0 and 1 (0.95 for 95 %%), got %v", *level)
	}
	return ps.Err()
}

// double00 reports a table with no events, or only events, in both groups
// (metafor's drop00).
func double00(t TwoByTwo) bool { return t.A+t.C == 0 || t.B+t.D == 0 }

// MantelHaenszel pools 2×2 tables by the Mantel-Haenszel method for the
// risk ratio, odds ratio or risk difference, as metafor's rma.mh does:
// the estimate uses the raw counts, with the Robins-Breslow-Greenland
// variance for the odds ratio, the Greenland-Robins variance for the risk
// ratio and the Sato-Greenland-Robins variance for the risk difference.
// level is the confidence level (0 means 0.95).
//
// Heterogeneity is Cochran's Q of the per-table effects (computed as
// RiskRatio, OddsRatio or RiskDifference do) around the Mantel-Haenszel
// estimate. For the odds ratio the result also holds the
// Cochran-Mantel-Haenszel test (with continuity correction) and Tarone's
// test of homogeneity.
//
// A ratio that cannot be estimated (no events in one arm of every table
// for RR, or a zero numerator or denominator sum for OR) is an error.
func MantelHaenszel(tables []TwoByTwo, m Measure, level float64) (*CountsResult, error) {
	if err := checkTables(tables, &level); err != nil {
		return nil, err
	}
	var f func(TwoByTwo) (Effect, error)
	switch m {
	case MeasureRR:
		f = RiskRatio
	case MeasureOR:
		f = OddsRatio
	case MeasureRD:
		f = RiskDifference
	default:
		var ps secretome.Problems
		ps.Add("measure", secretome.SeverityError, secretome.CodeEnum, "Mantel-Haenszel pools rr, or or rd, not %s", m)
		return nil, ps.Err()
	}
	r := &CountsResult{Measure: m, Method: "MH", Level: level, K: len(tables)}
	var beta, se float64
	switch m {
	case MeasureOR:
		var R, S, sPR, sPSQR, sQS float64
		for _, t := range tables {
			n := t.A + t.B + t.C + t.D
			P, Q := (t.A+t.D)/n, (t.B+t.C)/n
			Ri, Si := t.A/n*t.D, t.B/n*t.C
			R += Ri
			S += Si
			sPR += P * Ri
			sPSQR += P*Si + Q*Ri
			sQS += Q * Si
		}
		if R == 0 || S == 0 {
			return nil, undefinedPooled("the Mantel-Haenszel odds ratio is undefined: the sum of a·d/n or of b·c/n is 0")
		}
		beta = math.Log(R / S)
		se = math.Sqrt(0.5 * (sPR/(R*R) + sPSQR/(R*S) + sQS/(S*S)))
		r.setORTests(tables, R/S)
	case MeasureRR:
		var R, S, sa, sc, num float64
		for _, t := range tables {
			n1, n2 := t.A+t.B, t.C+t.D
			n := n1 + n2
			R += t.A * (n2 / n)
			S += t.C * (n1 / n)
			sa += t.A
			sc += t.C
			num += (n1/n)*(n2/n)*(t.A+t.C) - (t.A/n)*t.C
		}
		if sa == 0 || sc == 0 {
			return nil, undefinedPooled("the Mantel-Haenszel risk ratio is undefined: no events in one of the groups")
		}
		beta = math.Log(R / S)
		se = math.Sqrt(num / (R * S))
	case MeasureRD:
		var num, den, s1, s2 float64
		for _, t := range tables {
			n1, n2 := t.A+t.B, t.C+t.D
			n := n1 + n2
			num += t.A*(n2/n) - t.C*(n1/n)
			den += n1 * (n2 / n)
		}
		beta = num / den
		for _, t := range tables {
			n1, n2 := t.A+t.B, t.C+t.D
			n := n1 + n2
			s1 += t.C*(n1/n)*(n1/n) - t.A*(n2/n)*(n2/n) + (n1/n)*(n2/n)*(n2-n1)/2
			s2 += t.A*(n2-t.C)/n + t.C*(n1-t.A)/n
		}
		se = math.Sqrt((beta*s1 + s2/2) / (den * den))
	}
	r.setEstimate(beta, se)
	if err := r.setHeterogeneity(tables, f, func(yi, vi float64) float64 { return (yi - beta) * (yi - beta) / vi }, 0); err != nil {
		return nil, err
	}
	return r, r.check()
}

// Peto pools 2×2 tables by Peto's one-step odds ratio, as metafor's
// rma.peto does: ln OR = Σ(a − E)/ΣV with E = (a+c)·n1/n and
// V = (a+c)(b+d)·n1·n2/(n²(n−1)), SE = 1/sqrt(ΣV). Its heterogeneity
// statistic is Σ(a − E)²/V − (Σ(a − E))²/ΣV over the tables with V > 0.
func Peto(tables []TwoByTwo, level float64) (*CountsResult, error) {
	if err := checkTables(tables, &level); err != nil {
		return nil, err
	}
	r := &CountsResult{Measure: MeasureOR, Method: "PETO", Level: level, K: len(tables)}
	var sOE, sV, sOE2V float64
	for _, t := range tables {
		n1, n2 := t.A+t.B, t.C+t.D
		n := n1 + n2
		xt, yt := t.A+t.C, t.B+t.D
		e := xt * n1 / n
		var v float64
		if n > 1 {
			v = xt * yt * (n1 / n) * (n2 / n) / (n - 1)
		}
		sOE += t.A - e
		if v > 0 {
			sV += v
			sOE2V += (t.A - e) * (t.A - e) / v
		}
	}
	if sV == 0 {
		return nil, undefinedPooled("Peto's odds ratio is undefined: every table has no events or only events")
	}
	r.setEstimate(sOE/sV, math.Sqrt(1/sV))
	q := max(0, sOE2V-sOE*sOE/sV)
	if err := r.setHeterogeneity(tables, OddsRatio, nil, q); err != nil {
		return nil, err
	}
	return r, r.check()
}

func undefinedPooled(msg string) error {
	var ps secretome.Problems
	ps.Add("tables", secretome.SeverityError, secretome.CodeRange, "%s", msg)
	return ps.Err()
}

func (r *CountsResult) setEstimate(beta, se float64) {
	r.Estimate, r.SE = beta, se
	r.Statistic = beta / se
	r.P = math.Erfc(math.Abs(r.Statistic) / math.Sqrt2)
	crit := normCritical(1 - r.Level)
	r.CI = Interval{Lower: beta - crit*se, Upper: beta + crit*se}
}

// setHeterogeneity computes the per-table effects and QE: from term (the
// contribution of one effect) when given, else the precomputed q.
func (r *CountsResult) setHeterogeneity(tables []TwoByTwo, f func(TwoByTwo) (Effect, error), term func(yi, vi float64) float64, q float64) error {
	r.effects = make([]Effect, len(tables))
	kyi := 0
	var sum float64
	for i, t := range tables {
		e, err := f(t)
		if err != nil {
			return err
		}
		r.effects[i] = e
		if double00(t) {
			continue
		}
		kyi++
		if term != nil {
			sum += term(e.Yi, e.Vi)
		}
	}
	if term != nil {
		q = max(0, sum)
	}
	r.QEDF = max(0, kyi-1)
	r.QEP, r.H2 = 1, 1
	if kyi > 1 {
		r.QE = q
		r.QEP = chi2Upper(q, float64(kyi-1))
		if q > 0 {
			r.I2 = max(0, 100*(q-float64(kyi-1))/q)
		}
		r.H2 = q / float64(kyi-1)
	}
	return nil
}

// setORTests computes the Cochran-Mantel-Haenszel and Tarone tests for the
// Mantel-Haenszel odds ratio psi.
func (r *CountsResult) setORTests(tables []TwoByTwo, psi float64) {
	r.HasOR = true
	var dev, dCO, dMH, sxt, syt float64
	for _, t := range tables {
		n1, n2 := t.A+t.B, t.C+t.D
		n := n1 + n2
		xt, yt := t.A+t.C, t.B+t.D
		sxt += xt
		syt += yt
		dev += t.A - n1/n*xt
		dCO += (n1 / n) * (n2 / n) * (xt * (yt / n))
		if n > 1 {
			dMH += (n1 / n) * (n2 / n) * (xt * (yt / (n - 1)))
		}
	}
	if sxt > 0 && syt > 0 {
		num := (math.Abs(dev) - 0.5) * (math.Abs(dev) - 0.5)
		r.CO = num / dCO
		r.COP = chi2Upper(r.CO, 1)
		r.MH = num / dMH
		r.MHP = chi2Upper(r.MH, 1)
	} else {
		r.COP, r.MHP = 1, 1
	}
	// Tarone's test (Breslow-Day with Tarone's correction).
	var bd, sdiff, sinv float64
	kpos := 0
	for _, t := range tables {
		n1, n2 := t.A+t.B, t.C+t.D
		n := n1 + n2
		xt, yt := t.A+t.C, t.B+t.D
		var n11 float64
		if psi == 1 {
			n11 = n1 / n * xt
		} else {
			a := psi*(n1+xt) + (n2 - xt)
			b := math.Sqrt(a*a - 4*n1*xt*psi*(psi-1))
			n11 = (a - b) / (2 * (psi - 1))
		}
		if !(n11 > 0 && xt > 0 && yt > 0) {
			continue
		}
		kpos++
		n12, n21 := n1-n11, xt-n11
		n22 := n11 - n1 - xt + n
		w := 1 / (1/n11 + 1/n12 + 1/n21 + 1/n22)
		bd += (t.A - n11) * (t.A - n11) / w
		sdiff += t.A - n11
		sinv += w
	}
	bd = max(0, bd)
	r.TA = max(0, bd-sdiff*sdiff/sinv)
	r.TAP = 1
	r.TADF = max(0, kpos-1)
	if kpos > 1 {
		r.TAP = chi2Upper(r.TA, float64(kpos-1))
	} else {
		r.TA = 0
	}
}

// check reports figures that overflowed.
func (r *CountsResult) check() error {
	if !allFinite(r.Estimate, r.SE, r.Statistic, r.P, r.CI.Lower, r.CI.Upper, r.QE, r.QEP, r.I2, r.H2, r.CO, r.MH, r.TA) {
		return undefinedPooled("counts too extreme to pool in float64")
	}
	return nil
}
