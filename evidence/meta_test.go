package evidence

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bcgFixture is testdata/bcg.json: metafor's dat.bcg counts and the yi/vi
// printed in Viechtbauer (2010).
type bcgFixture struct {
	Trials []struct {
		Trial                  int
		Author                 string
		Year                   int
		Tpos, Tneg, Cpos, Cneg float64
		Yi, Vi                 float64
	}
}

func loadBCGFixture(t testing.TB) bcgFixture {
	t.Helper()
	b, err := os.ReadFile("testdata/bcg.json")
	require.NoError(t, err)
	var fx bcgFixture
	require.NoError(t, json.Unmarshal(b, &fx))
	require.Len(t, fx.Trials, 13)
	return fx
}

// bcgEffects computes the 13 effects of dat.bcg with the given constructor.
func bcgEffects(t testing.TB, f func(TwoByTwo) (Effect, error)) []Effect {
	t.Helper()
	fx := loadBCGFixture(t)
	out := make([]Effect, len(fx.Trials))
	for i, tr := range fx.Trials {
		e, err := f(TwoByTwo{A: tr.Tpos, B: tr.Tneg, C: tr.Cpos, D: tr.Cneg})
		require.NoError(t, err)
		out[i] = e
	}
	return out
}

func TestDistNormal(t *testing.T) {
	// Reference values from mpmath at 40 digits (and R's qnorm).
	cases := []struct {
		p, want float64
		why     string
	}{
		{0.975, 1.9599639845400542355, "the 95 % two-sided critical value"},
		{0.5, 0, "the median is exactly 0"},
		{0.6, 0.2533471031357997988, "central region |q| <= 0.425"},
		{0.3, -0.52440051270804078404, "central region, lower half"},
		{0.9, 1.281551565544600467, "intermediate region r <= 5"},
		{0.999, 3.0902323061678135415, "upper tail"},
		{0.02425, -1.9729610513118848503, "near the region boundary"},
		{1e-10, -6.3613409024040562047, "far lower tail"},
		{1e-300, -37.047096299361199237, "extreme tail region r > 5"},
	}
	for _, c := range cases {
		got := normQuantile(c.p)
		assert.InDelta(t, c.want, got, 1e-15*math.Max(1, math.Abs(c.want)), "%s: qnorm(%g)", c.why, c.p)
		if c.p > 1e-300 {
			assert.InEpsilon(t, c.p, normCDF(got), 1e-13, "%s: pnorm(qnorm(%g)) round trip", c.why, c.p)
		}
	}
	assert.InDelta(t, 9.2623400897984075737, normCritical(2e-20), 1e-14, "a two-sided alpha of 2e-20 keeps its precision")
	assert.True(t, math.IsInf(normQuantile(0), -1), "p = 0 maps to -Inf")
	assert.True(t, math.IsInf(normQuantile(1), 1), "p = 1 maps to +Inf")
	assert.True(t, math.IsNaN(normQuantile(1.5)), "p outside [0, 1] is NaN")
	assert.True(t, math.IsNaN(normQuantile(math.NaN())), "NaN in, NaN out")
}

func TestDistStudentT(t *testing.T) {
	upper := []struct {
		t, df, want float64
		why         string
	}{
		{2, 3, 0.069662984279421588424, "small df"},
		{-1.5, 7, 0.91135075650501498342, "negative t"},
		{3.9522, 12, 0.00096007663859058637886, "the KNHA t value of dat.bcg"},
		{0.1, 100, 0.46027226554792561608, "small t, large df (complement branch)"},
		{10, 1, 0.031725517430553569515, "Cauchy"},
		{2.5, 2.5, 0.052284981539077693627, "non-integer df"},
		{40, 30, 6.8630225972032013936e-28, "far tail keeps relative precision"},
	}
	for _, c := range upper {
		assert.InEpsilon(t, c.want, tUpper(c.t, c.df), 1e-11, "%s: P(T > %g; %g)", c.why, c.t, c.df)
		assert.InDelta(t, 1-c.want, tCDF(c.t, c.df), 1e-13, "%s: CDF is the complement", c.why)
	}

	quant := []struct {
		q, df, want float64
		why         string
	}{
		{0.025, 12, 2.1788128296672288663, "KNHA critical value for dat.bcg"},
		{0.025, 1, 12.706204736174704646, "df = 1 closed form"},
		{0.025, 2, 4.3026527297494638523, "df = 2 closed form"},
		{0.005, 3, 5.8409093097333572607, "small df, 99 %"},
		{1e-8, 4, 131.59473694062355241, "far tail, where the Cornish-Fisher start is poor"},
		{0.4, 50, 0.25469934298858817185, "near the centre"},
		{0.025, 10000, 1.9602012398906262578, "large df approaches the normal"},
		{0.0005, 5.5, 6.3508175000836369872, "non-integer df"},
	}
	for _, c := range quant {
		got := tQuantileUpper(c.q, c.df)
		assert.InEpsilon(t, c.want, got, 1e-12, "%s: qt(%g, %g, lower=FALSE)", c.why, c.q, c.df)
		// 1-q rounds; compare with the quantile of the rounded tail.
		assert.InEpsilon(t, -tQuantileUpper(1-(1-c.q), c.df), tQuantileUpper(1-c.q, c.df), 1e-12, "%s: symmetry", c.why)
	}
	// Round trip over a grid of tails and degrees of freedom.
	for _, df := range []float64{1, 1.5, 2, 3, 4.5, 9, 12, 30, 99, 1000, 1e5} {
		// ln Γ of large arguments cancels in the beta function, which
		// costs about one digit at df = 1e5.
		tol := 1e-11
		if df > 1e4 {
			tol = 1e-10
		}
		for q := 0.49; q > 1e-100; q /= 7 {
			got := tQuantileUpper(q, df)
			require.False(t, math.IsNaN(got) || math.IsInf(got, 0), "qt(%g, %g) is finite", q, df)
			assert.InEpsilon(t, q, tUpper(got, df), tol, "P(T > qt(%g; %g)) = %g", q, df, q)
		}
	}
	// R prints qt(0.975, 12) as 2.178812829663418; R's own algorithm is
	// accurate to about 1e-11, so agree to 1e-10.
	assert.InDelta(t, 2.178812829663418, tCritical(0.05, 12), 1e-10, "matches R's qt(0.975, 12)")
	assert.Equal(t, 0.0, tQuantileUpper(0.5, 7), "the median is 0")
	assert.True(t, math.IsNaN(tUpper(1, 0)), "df must be positive")
	assert.True(t, math.IsNaN(tQuantileUpper(0.1, -1)), "df must be positive")
	assert.InDelta(t, normUpper(1.3), tUpper(1.3, math.Inf(1)), 1e-16, "infinite df is the normal")
}

func TestDistChiSquare(t *testing.T) {
	cases := []struct {
		x, df, want float64
		why         string
	}{
		{152.233008, 12, 1.9967646677575390495e-26, "Q of dat.bcg: tiny tail via continued fraction"},
		{12, 12, 0.44567964136461124446, "x near the mean"},
		{0.5, 1, 0.47950012218695346232, "series branch, df = 1"},
		{3, 5, 0.6999858358786275091, "series branch"},
		{1000, 10, 1.8702907209159496958e-208, "extreme tail"},
		{30.7331, 11, 0.0012142865652775825425, "QE of the ablat meta-regression"},
	}
	for _, c := range cases {
		assert.InEpsilon(t, c.want, chi2Upper(c.x, c.df), 1e-11, "%s: pchisq(%g, %g, lower=FALSE)", c.why, c.x, c.df)
	}
	assert.Equal(t, 1.0, chi2Upper(0, 3), "no mass above a non-positive x is missing")
	assert.True(t, math.IsNaN(chi2Upper(1, 0)), "df must be positive")
}

// bcgRef holds metafor's results for dat.bcg (log risk ratio, k = 13):
// rma(yi, vi, method = "EE"), "DL" and "REML" on escalc(measure = "RR").
const (
	bcgEEMu  = -0.430285164
	bcgEESE  = 0.040498752
	bcgEEZ   = -10.6246525
	bcgQ     = 152.233008
	bcgEEI2  = 92.1173469
	bcgDLMu  = -0.714117222
	bcgDLSE  = 0.178742090
	bcgDLT2  = 0.308760263
	bcgREMu  = -0.714532342
	bcgRESE  = 0.179781516
	bcgRET2  = 0.313243258
	bcgRESET = 0.166425753
	bcgREI2  = 92.221385
	bcgREH2  = 12.855758
)

func TestRiskRatioMatchesMetaforBCG(t *testing.T) {
	fx := loadBCGFixture(t)
	effects := bcgEffects(t, RiskRatio)
	for i, tr := range fx.Trials {
		assert.Equal(t, MeasureRR, effects[i].Measure)
		assert.InDelta(t, tr.Yi, effects[i].Yi, 1e-8, "trial %d (%s) yi, printed to 8 decimals", tr.Trial, tr.Author)
		assert.InDelta(t, tr.Vi, effects[i].Vi, 1e-9, "trial %d (%s) vi, printed to 9 decimals", tr.Trial, tr.Author)
	}
}

func TestPoolBCGRiskRatio(t *testing.T) {
	effects := bcgEffects(t, RiskRatio)

	t.Run("common effect", func(t *testing.T) {
		r, err := Pool(effects, PoolOptions{Method: MethodCommon})
		require.NoError(t, err)
		assert.InDelta(t, bcgEEMu, r.Estimate, 1e-8)
		assert.InDelta(t, bcgEESE, r.SE, 1e-8)
		assert.InDelta(t, bcgEEZ, r.Statistic, 1e-6)
		assert.InDelta(t, bcgQ, r.Q, 1e-6)
		assert.Equal(t, 12, r.QDF)
		assert.InEpsilon(t, 1.9967646677575390495e-26, r.QP, 1e-6, "Q's p-value, exact at Q = 152.233008")
		assert.InDelta(t, bcgEEI2, r.I2, 1e-6)
		assert.InDelta(t, 12.69, r.H2, 5e-3, "metafor prints H² = 12.69")
		assert.InDelta(t, -0.5097, r.CI.Lower, 1e-4)
		assert.InDelta(t, -0.3509, r.CI.Upper, 1e-4)
		assert.Zero(t, r.Tau2, "tau² is 0 by assumption")
		assert.Zero(t, r.SETau2)
		assert.Equal(t, r.CI, r.PI, "without tau² the prediction interval is the confidence interval")
		est, ci, _ := r.BackTransform()
		assert.InDelta(t, 0.6503, est, 1e-4)
		assert.InDelta(t, 0.6007, ci.Lower, 1e-4)
		assert.InDelta(t, 0.7040, ci.Upper, 1e-4)
	})

	t.Run("DerSimonian-Laird", func(t *testing.T) {
		r, err := Pool(effects, PoolOptions{Method: MethodDL})
		require.NoError(t, err)
		assert.InDelta(t, bcgDLMu, r.Estimate, 1e-8)
		assert.InDelta(t, bcgDLSE, r.SE, 1e-8)
		assert.InDelta(t, bcgDLT2, r.Tau2, 1e-8)
		assert.InDelta(t, -1.064445, r.CI.Lower, 1e-6)
		assert.InDelta(t, -0.363789, r.CI.Upper, 1e-6)
		assert.InDelta(t, -3.9952, r.Statistic, 1e-4)
		assert.InDelta(t, 0.2299, r.SETau2, 1e-4, "SE(tau²) by the DL moment formula")
		assert.InDelta(t, 92.1173, r.I2, 1e-4, "for DL, I² equals Higgins' (Q − df)/Q")
		assert.InDelta(t, 12.6861, r.H2, 1e-4)
		assert.Zero(t, r.Iterations, "DL is not iterative")
		est, ci, _ := r.BackTransform()
		assert.InDelta(t, 0.4896, est, 1e-4)
		assert.InDelta(t, 0.3449, ci.Lower, 1e-4)
		assert.InDelta(t, 0.6950, ci.Upper, 1e-4)
	})

	t.Run("REML", func(t *testing.T) {
		r, err := Pool(effects, PoolOptions{})
		require.NoError(t, err)
		assert.Equal(t, MethodREML, r.Method, "the zero options ask for REML")
		assert.InDelta(t, bcgREMu, r.Estimate, 1e-8)
		assert.InDelta(t, bcgRESE, r.SE, 1e-8)
		assert.InDelta(t, bcgRET2, r.Tau2, 1e-8)
		assert.InDelta(t, bcgRESET, r.SETau2, 1e-8)
		assert.InDelta(t, bcgREI2, r.I2, 1e-6)
		assert.InDelta(t, bcgREH2, r.H2, 1e-6)
		assert.InDelta(t, 0.5597, r.Tau, 1e-4)
		assert.InDelta(t, -3.9744, r.Statistic, 1e-4)
		assert.InDelta(t, -1.0669, r.CI.Lower, 1e-4)
		assert.InDelta(t, -0.3622, r.CI.Upper, 1e-4)
		assert.InDelta(t, bcgQ, r.Q, 1e-6, "Q does not depend on the method")
		assert.Positive(t, r.Iterations)
		assert.Equal(t, 0, r.DF, "normal test")
	})

	t.Run("REML with Knapp-Hartung", func(t *testing.T) {
		r, err := Pool(effects, PoolOptions{HartungKnapp: true})
		require.NoError(t, err)
		assert.InDelta(t, -0.7145, r.Estimate, 1e-4)
		assert.InDelta(t, 0.1808, r.SE, 1e-4)
		assert.InDelta(t, -3.9522, r.Statistic, 1e-4)
		assert.Equal(t, 12, r.DF)
		assert.InDelta(t, 0.0019, r.P, 1e-4)
		assert.InDelta(t, -1.1084, r.CI.Lower, 1e-4)
		assert.InDelta(t, -0.3206, r.CI.Upper, 1e-4)
		est, ci, pi := r.BackTransform()
		assert.InDelta(t, 0.49, est, 1e-2)
		assert.InDelta(t, 0.33, ci.Lower, 1e-2)
		assert.InDelta(t, 0.73, ci.Upper, 1e-2)
		assert.InDelta(t, 0.14, pi.Lower, 1e-2, "prediction interval uses t(12) and SE² + tau²")
		assert.InDelta(t, 1.76, pi.Upper, 1e-2)
	})

	t.Run("confidence level", func(t *testing.T) {
		r95, err := Pool(effects, PoolOptions{})
		require.NoError(t, err)
		assert.Equal(t, 0.95, r95.Level, "0 means 95 %")
		r90, err := Pool(effects, PoolOptions{Level: 0.9})
		require.NoError(t, err)
		assert.Equal(t, 0.9, r90.Level)
		assert.InDelta(t, 1.6448536269514722*r90.SE, r90.Estimate-r90.CI.Lower, 1e-12, "90 % uses z = 1.645")
		kh, err := Pool(effects, PoolOptions{Level: 0.99, HartungKnapp: true})
		require.NoError(t, err)
		assert.InDelta(t, tCritical(0.01, 12)*kh.SE, kh.CI.Upper-kh.Estimate, 1e-12, "99 % Knapp-Hartung uses t(12)")
		assert.InDelta(t, tCritical(0.01, 12)*math.Sqrt(kh.SE*kh.SE+kh.Tau2), kh.PI.Upper-kh.Estimate, 1e-12, "and so does the prediction interval")
	})

	// Figures the facts do not print to full precision, but which follow
	// exactly from those they do (metafor computes them the same way):
	// each is held to 1e-6 like the printed ones.
	t.Run("figures derived from the full-precision values", func(t *testing.T) {
		z := 1.959963984540054 // qnorm(0.975)
		df := 12.0
		cases := []struct {
			name      string
			opts      PoolOptions
			get       func(Result) float64
			want, tol float64
		}{
			{"common H² = Q/(k−1)", PoolOptions{Method: MethodCommon}, func(r Result) float64 { return r.H2 }, bcgQ / df, 1e-6},
			{"common CI lower", PoolOptions{Method: MethodCommon}, func(r Result) float64 { return r.CI.Lower }, bcgEEMu - z*bcgEESE, 1e-6},
			{"common CI upper", PoolOptions{Method: MethodCommon}, func(r Result) float64 { return r.CI.Upper }, bcgEEMu + z*bcgEESE, 1e-6},
			{"DL z = μ/SE", PoolOptions{Method: MethodDL}, func(r Result) float64 { return r.Statistic }, bcgDLMu / bcgDLSE, 1e-6},
			{"DL I² equals Higgins' (Q − df)/Q", PoolOptions{Method: MethodDL}, func(r Result) float64 { return r.I2 }, bcgEEI2, 1e-6},
			{"DL H² = Q/df", PoolOptions{Method: MethodDL}, func(r Result) float64 { return r.H2 }, bcgQ / df, 1e-6},
			{"DL tau", PoolOptions{Method: MethodDL}, func(r Result) float64 { return r.Tau }, math.Sqrt(bcgDLT2), 1e-6},
			{"DL PI lower", PoolOptions{Method: MethodDL}, func(r Result) float64 { return r.PI.Lower }, bcgDLMu - z*math.Sqrt(bcgDLSE*bcgDLSE+bcgDLT2), 1e-6},
			{"DL PI upper", PoolOptions{Method: MethodDL}, func(r Result) float64 { return r.PI.Upper }, bcgDLMu + z*math.Sqrt(bcgDLSE*bcgDLSE+bcgDLT2), 1e-6},
			{"REML z = μ/SE", PoolOptions{}, func(r Result) float64 { return r.Statistic }, bcgREMu / bcgRESE, 1e-6},
			{"REML tau", PoolOptions{}, func(r Result) float64 { return r.Tau }, math.Sqrt(bcgRET2), 1e-6},
			{"REML CI lower", PoolOptions{}, func(r Result) float64 { return r.CI.Lower }, bcgREMu - z*bcgRESE, 1e-6},
			{"REML CI upper", PoolOptions{}, func(r Result) float64 { return r.CI.Upper }, bcgREMu + z*bcgRESE, 1e-6},
			{"REML PI lower", PoolOptions{}, func(r Result) float64 { return r.PI.Lower }, bcgREMu - z*math.Sqrt(bcgRESE*bcgRESE+bcgRET2), 1e-6},
			{"REML PI upper", PoolOptions{}, func(r Result) float64 { return r.PI.Upper }, bcgREMu + z*math.Sqrt(bcgRESE*bcgRESE+bcgRET2), 1e-6},
			{"REML p = 2(1 − Φ(|z|))", PoolOptions{}, func(r Result) float64 { return r.P / math.Erfc(math.Abs(bcgREMu/bcgRESE)/math.Sqrt2) }, 1, 1e-5},
		}
		for _, c := range cases {
			r, err := Pool(effects, c.opts)
			require.NoError(t, err, c.name)
			assert.InDelta(t, c.want, c.get(r), c.tol, c.name)
		}
	})

	// Knapp-Hartung: the facts print metafor's figures to 4 decimals only.
	// Recompute them from the full-precision REML values and the yi/vi of
	// Viechtbauer (2010), with the published formula
	// s² = Σw*(yi − μ̂)²/(k − 1) and R's qt(0.975, 12), and hold Pool to
	// 1e-6 of that recomputation.
	t.Run("Knapp-Hartung recomputed from the published inputs", func(t *testing.T) {
		fx := loadBCGFixture(t)
		var sw, rss float64
		for _, tr := range fx.Trials {
			w := 1 / (tr.Vi + bcgRET2)
			sw += w
			rss += w * (tr.Yi - bcgREMu) * (tr.Yi - bcgREMu)
		}
		se := math.Sqrt(rss / 12 / sw)
		const qt = 2.178812829663418 // R: qt(0.975, 12)
		r, err := Pool(effects, PoolOptions{HartungKnapp: true})
		require.NoError(t, err)
		assert.InDelta(t, 0.1808, se, 1e-4, "the recomputation agrees with metafor's printed SE")
		assert.InDelta(t, bcgREMu, r.Estimate, 1e-8, "Knapp-Hartung does not move the estimate")
		assert.InDelta(t, se, r.SE, 1e-6)
		assert.InDelta(t, bcgREMu/se, r.Statistic, 1e-6)
		assert.InDelta(t, bcgREMu-qt*se, r.CI.Lower, 1e-6)
		assert.InDelta(t, bcgREMu+qt*se, r.CI.Upper, 1e-6)
		assert.InDelta(t, bcgREMu-qt*math.Sqrt(se*se+bcgRET2), r.PI.Lower, 1e-6)
		assert.InDelta(t, bcgREMu+qt*math.Sqrt(se*se+bcgRET2), r.PI.Upper, 1e-6)
	})

	t.Run("weights", func(t *testing.T) {
		r, err := Pool(effects, PoolOptions{})
		require.NoError(t, err)
		require.Len(t, r.Weights, 13)
		var sum float64
		for i, w := range r.Weights {
			assert.InDelta(t, 100/(effects[i].Vi+r.Tau2), w*sumInvVar(effects, r.Tau2), 1e-9, "weight %d is w*ᵢ/Σw* in percent", i)
			sum += w
		}
		assert.InDelta(t, 100, sum, 1e-9, "weights add up to 100 %")
	})
}

func sumInvVar(effects []Effect, tau2 float64) float64 {
	var s float64
	for _, e := range effects {
		s += 1 / (e.Vi + tau2)
	}
	return s
}

func TestPoolBCGOtherMeasures(t *testing.T) {
	// Printed to 4 decimals in metafor's tests against Stata's metan.
	cases := []struct {
		name        string
		measure     func(TwoByTwo) (Effect, error)
		method      Method
		est, lo, hi float64
		z           float64
		q           float64 // 0: not printed
		tau2, i2    float64 // -1: not printed
		scale       float64 // absolute tolerance
	}{
		{"log OR, common", OddsRatio, MethodCommon, -0.4361, -0.5190, -0.3533, -10.3190, 163.1649, -1, -1, 1e-4},
		{"log OR, DL", OddsRatio, MethodDL, -0.7474, -1.1242, -0.3706, -3.8873, 163.1649, 0.3663, 92.6455, 1e-4},
		{"RD, common", RiskDifference, MethodCommon, -0.0009, -0.0014, -0.0005, -4.0448, 276.4737, -1, -1, 1e-4},
		{"RD, DL", RiskDifference, MethodDL, -0.0071, -0.0101, -0.0040, -4.5128, 276.4737, 0.0000, 95.6596, 1e-4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Pool(bcgEffects(t, c.measure), PoolOptions{Method: c.method})
			require.NoError(t, err)
			assert.InDelta(t, c.est, r.Estimate, c.scale)
			assert.InDelta(t, c.lo, r.CI.Lower, c.scale)
			assert.InDelta(t, c.hi, r.CI.Upper, c.scale)
			assert.InDelta(t, c.z, r.Statistic, c.scale)
			assert.InDelta(t, c.q, r.Q, c.scale)
			if c.tau2 >= 0 {
				assert.InDelta(t, c.tau2, r.Tau2, c.scale)
				assert.InDelta(t, c.i2, r.I2, c.scale)
			}
		})
	}
}

func TestPoolDegenerate(t *testing.T) {
	one := []Effect{{Measure: MeasureMD, Yi: 1.5, Vi: 0.25}}
	for _, m := range []Method{MethodCommon, MethodDL, MethodREML} {
		t.Run("single effect "+m.String(), func(t *testing.T) {
			r, err := Pool(one, PoolOptions{Method: m})
			require.NoError(t, err)
			assert.Equal(t, 1.5, r.Estimate, "the pooled effect is the study")
			assert.Equal(t, 0.5, r.SE)
			assert.Zero(t, r.Tau2, "tau² cannot be estimated from one study")
			assert.Zero(t, r.SETau2)
			assert.Zero(t, r.Q)
			assert.Zero(t, r.QDF)
			assert.Equal(t, 1.0, r.QP)
			assert.Zero(t, r.I2)
			assert.Equal(t, 1.0, r.H2)
			assert.Equal(t, []float64{100}, r.Weights)
			assert.InDelta(t, 1.5-1.959963984540054*0.5, r.CI.Lower, 1e-14)
			assert.Equal(t, r.CI, r.PI)
		})
	}

	same := []Effect{
		{Measure: MeasureSMD, Yi: 0.3, Vi: 0.1},
		{Measure: MeasureSMD, Yi: 0.3, Vi: 0.2},
		{Measure: MeasureSMD, Yi: 0.3, Vi: 0.05},
	}
	for _, m := range []Method{MethodCommon, MethodDL, MethodREML} {
		t.Run("identical estimates "+m.String(), func(t *testing.T) {
			r, err := Pool(same, PoolOptions{Method: m})
			require.NoError(t, err)
			assert.InDelta(t, 0.3, r.Estimate, 1e-15)
			assert.Zero(t, r.Tau2)
			assert.InDelta(t, 0, r.Q, 1e-28)
			assert.Zero(t, r.I2)
			assert.InDelta(t, 1, r.QP, 1e-12)
			if m.IsRandom() {
				assert.Equal(t, 1.0, r.H2, "random effects: H² = tau²/ṽ + 1")
			} else {
				assert.InDelta(t, 0, r.H2, 1e-27, "common effect: H² = Q/(k−1), as in metafor")
			}
		})
	}

	t.Run("identical estimates with Knapp-Hartung", func(t *testing.T) {
		r, err := Pool(same, PoolOptions{HartungKnapp: true})
		require.NoError(t, err)
		model := math.Sqrt(1 / (1/0.1 + 1/0.2 + 1/0.05))
		assert.InDelta(t, model, r.SE, 1e-15, "s² falls back to 1 instead of metafor's 0")
		assert.InDelta(t, 0.3/model, r.Statistic, 1e-12, "a finite t statistic")
		assert.InDelta(t, 0.3-tCritical(0.05, 2)*model, r.CI.Lower, 1e-12, "t(2) interval")
		_, err = json.Marshal(r)
		assert.NoError(t, err, "the result encodes as JSON")
	})

	t.Run("identical zero estimates with Knapp-Hartung", func(t *testing.T) {
		zero := []Effect{{Measure: MeasureHR, Vi: 1}, {Measure: MeasureHR, Vi: 2}}
		r, err := Pool(zero, PoolOptions{HartungKnapp: true})
		require.NoError(t, err)
		assert.Zero(t, r.Statistic, "no NaN from 0/0")
		assert.Equal(t, 1.0, r.P)
	})

	t.Run("homogeneous studies give tau² = 0 at the boundary", func(t *testing.T) {
		es := []Effect{
			{Measure: MeasureRR, Yi: 0.10, Vi: 0.04},
			{Measure: MeasureRR, Yi: 0.12, Vi: 0.05},
			{Measure: MeasureRR, Yi: 0.08, Vi: 0.03},
			{Measure: MeasureRR, Yi: 0.11, Vi: 0.06},
		}
		for _, m := range []Method{MethodDL, MethodREML} {
			r, err := Pool(es, PoolOptions{Method: m})
			require.NoError(t, err, m.String())
			assert.Zero(t, r.Tau2, "%s: Q is far below its df, tau² truncates at 0", m)
			assert.Zero(t, r.I2, m.String())
			ce, err := Pool(es, PoolOptions{Method: MethodCommon})
			require.NoError(t, err)
			assert.InDelta(t, ce.Estimate, r.Estimate, 1e-15, "%s with tau² = 0 equals the common-effect model", m)
		}
	})
}

func TestPoolREMLConvergence(t *testing.T) {
	effects := bcgEffects(t, RiskRatio)

	_, err := Pool(effects, PoolOptions{MaxIter: 1})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrNotConverged, "one Fisher step cannot reach 1e-10")

	loose, err := Pool(effects, PoolOptions{Tol: 1e-3})
	require.NoError(t, err)
	tight, err := Pool(effects, PoolOptions{Tol: 1e-14})
	require.NoError(t, err)
	assert.LessOrEqual(t, loose.Iterations, tight.Iterations, "a looser tolerance stops no later")
	assert.InDelta(t, bcgRET2, tight.Tau2, 1e-9, "a tight tolerance reaches the same optimum")

	// Large tau² relative to the sampling variances: the HE start is far
	// from the optimum, and step halving must keep tau² >= 0.
	wide := []Effect{
		{Measure: MeasureMD, Yi: -10, Vi: 0.01},
		{Measure: MeasureMD, Yi: 12, Vi: 0.02},
		{Measure: MeasureMD, Yi: 0.5, Vi: 5},
		{Measure: MeasureMD, Yi: 3, Vi: 0.001},
	}
	r, err := Pool(wide, PoolOptions{})
	require.NoError(t, err)
	assert.Positive(t, r.Tau2)
	// At the REML optimum the score (Y'PPY − tr P) vanishes.
	s := weightSums(wide, r.Tau2)
	assert.InDelta(t, 0, (s.rssP-s.trP())/s.trPP(), 1e-8*r.Tau2, "the Fisher step at the estimate is zero")
}

func TestPoolREMLPrefersZeroWhenLikelihoodHigher(t *testing.T) {
	// Whatever the path of the iterations, REML never returns a tau²
	// whose restricted likelihood is below that of tau² = 0.
	es := []Effect{
		{Measure: MeasureOR, Yi: 0.2, Vi: 0.5},
		{Measure: MeasureOR, Yi: -0.1, Vi: 0.4},
		{Measure: MeasureOR, Yi: 0.4, Vi: 0.6},
	}
	r, err := Pool(es, PoolOptions{})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, remlLogLik(es, r.Tau2), remlLogLik(es, 0)-ll0Tol)
}

func TestPoolInputErrors(t *testing.T) {
	good := Effect{Measure: MeasureRR, Yi: -0.2, Vi: 0.04}
	cases := []struct {
		name    string
		effects []Effect
		opts    PoolOptions
		paths   []string
		code    secretome.Code
	}{
		{"no effects", nil, PoolOptions{}, []string{"effects"}, secretome.CodeRequired},
		{"zero variance", []Effect{good, good, good, {Measure: MeasureRR, Yi: 0.1}}, PoolOptions{}, []string{"effects[3].vi"}, secretome.CodeRange},
		{"negative variance", []Effect{good, {Measure: MeasureRR, Yi: 0.1, Vi: -1}}, PoolOptions{}, []string{"effects[1].vi"}, secretome.CodeRange},
		{"NaN estimate", []Effect{good, {Measure: MeasureRR, Yi: math.NaN(), Vi: 1}}, PoolOptions{}, []string{"effects[1].yi"}, secretome.CodeNumber},
		{"infinite variance", []Effect{{Measure: MeasureRR, Vi: math.Inf(1)}}, PoolOptions{}, []string{"effects[0].vi"}, secretome.CodeNumber},
		{"missing measure", []Effect{{Yi: 1, Vi: 1}}, PoolOptions{}, []string{"effects[0].measure"}, secretome.CodeEnum},
		{"mixed measures", []Effect{good, {Measure: MeasureOR, Yi: 0.1, Vi: 0.1}}, PoolOptions{}, []string{"effects[1].measure"}, secretome.CodeInconsistent},
		{"level as percent", []Effect{good}, PoolOptions{Level: 95}, []string{"level"}, secretome.CodeRange},
		{"unknown method", []Effect{good}, PoolOptions{Method: 9}, []string{"method"}, secretome.CodeEnum},
		{"negative MaxIter", []Effect{good}, PoolOptions{MaxIter: -1}, []string{"max_iter"}, secretome.CodeRange},
		{"negative Tol", []Effect{good}, PoolOptions{Tol: -1}, []string{"tol"}, secretome.CodeRange},
		{"Knapp-Hartung on one study", []Effect{good}, PoolOptions{HartungKnapp: true}, []string{"effects"}, secretome.CodeRange},
		{"every problem at once", []Effect{{Measure: MeasureRR, Vi: -1}, {Measure: MeasureMD, Yi: math.Inf(1), Vi: 1}}, PoolOptions{}, []string{"effects[0].vi", "effects[1].measure", "effects[1].yi"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Pool(c.effects, c.opts)
			require.Error(t, err)
			ve, ok := secretome.AsValidationError(err)
			require.True(t, ok, "input errors are a *secretome.ValidationError")
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
				if c.code != "" {
					assert.Equal(t, c.code, p.Code)
				}
			}
			assert.Equal(t, c.paths, paths)
		})
	}

	_, err := Pool([]Effect{good, good, good, {Measure: MeasureRR}}, PoolOptions{})
	assert.ErrorContains(t, err, "effects[3].vi: must be positive", "the message names the index")
	assert.False(t, errors.Is(err, ErrNotConverged))
}

func TestMethodText(t *testing.T) {
	for _, m := range []Method{MethodREML, MethodDL, MethodCommon, MethodPM, MethodSJ, MethodML, MethodEB, MethodHE, MethodHS} {
		b, err := m.MarshalText()
		require.NoError(t, err)
		var back Method
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back, "%s round-trips", m)
	}
	assert.Equal(t, "reml", Method(0).String(), "the zero value is REML")
	var m Method
	err := m.UnmarshalText([]byte("REML"))
	assert.ErrorContains(t, err, "reml, dl, common", "spellings are case-sensitive and the error lists them")
	_, err = Method(42).MarshalText()
	assert.Error(t, err, "an unknown method cannot be encoded")
	assert.Equal(t, "Method(42)", Method(42).String())
	assert.True(t, MethodDL.IsRandom())
	assert.False(t, MethodCommon.IsRandom())
}

// fuzzEffects turns bytes into effects: 4 bytes each, giving yi in
// [-32.768, 32.767] and vi between 2^-40 and 2^20.
func fuzzEffects(data []byte) []Effect {
	var out []Effect
	for len(data) >= 4 && len(out) < 64 {
		yi := float64(int16(uint16(data[0])<<8|uint16(data[1]))) / 1000
		vi := math.Ldexp(1+float64(data[3])/256, int(data[2]%60)-40)
		out = append(out, Effect{Measure: MeasureSMD, Yi: yi, Vi: vi})
		data = data[4:]
	}
	return out
}

func FuzzPool(f *testing.F) {
	f.Add([]byte{0x01, 0x00, 30, 0, 0xff, 0x00, 31, 128, 0x00, 0x10, 35, 5}, uint8(0), false)
	f.Add([]byte{0x7f, 0xff, 0, 0, 0x80, 0x00, 59, 255}, uint8(1), true)
	f.Add([]byte{0x00, 0x00, 40, 0}, uint8(2), false)
	f.Add([]byte{0x03, 0xe8, 20, 9, 0x03, 0xe8, 50, 9, 0x03, 0xe8, 40, 9}, uint8(0), true)
	f.Fuzz(func(t *testing.T, data []byte, method uint8, knha bool) {
		effects := fuzzEffects(data)
		opts := PoolOptions{Method: Method(method % uint8(len(methodNames)+1)), HartungKnapp: knha}
		r, err := Pool(effects, opts)
		if err != nil {
			if _, ok := secretome.AsValidationError(err); !ok && !errors.Is(err, ErrNotConverged) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, e := range effects {
			lo, hi = math.Min(lo, e.Yi), math.Max(hi, e.Yi)
		}
		slack := 1e-9 * math.Max(1, hi-lo)
		if r.Estimate < lo-slack || r.Estimate > hi+slack {
			t.Fatalf("estimate %v outside the data range [%v, %v]", r.Estimate, lo, hi)
		}
		if r.Tau2 < 0 || r.I2 < 0 || r.I2 > 100+1e-9 || r.QP < 0 || r.QP > 1 || r.P < 0 || r.P > 1 {
			t.Fatalf("statistic out of range: %+v", r)
		}
		if !(r.CI.Lower <= r.Estimate && r.Estimate <= r.CI.Upper) || r.PI.Lower > r.CI.Lower || r.PI.Upper < r.CI.Upper {
			t.Fatalf("intervals do not nest: CI %v, PI %v, estimate %v", r.CI, r.PI, r.Estimate)
		}
		var sum float64
		for _, w := range r.Weights {
			sum += w
		}
		if math.Abs(sum-100) > 1e-6 {
			t.Fatalf("weights add up to %v", sum)
		}
		var buf bytes.Buffer
		if err := WriteForestSVG(&buf, effects, r, ForestOptions{}); err != nil {
			t.Fatalf("forest plot of a valid result: %v", err)
		}
		dec := xml.NewDecoder(&buf)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("forest plot is not well-formed XML: %v", err)
			}
		}
	})
}

// TestPoolREMLMaximisesLikelihood checks the Fisher scoring result against
// a golden-section search of the restricted likelihood itself.
func TestPoolREMLMaximisesLikelihood(t *testing.T) {
	sets := []struct {
		name   string
		es     []Effect
		atZero bool
	}{
		{"dat.bcg", bcgEffects(t, RiskRatio), false},
		{"dat.bcg (OR)", bcgEffects(t, OddsRatio), false},
		{"small SMD", []Effect{
			{Measure: MeasureSMD, Yi: 0.8, Vi: 0.10},
			{Measure: MeasureSMD, Yi: 0.1, Vi: 0.08},
			{Measure: MeasureSMD, Yi: 0.5, Vi: 0.20},
			{Measure: MeasureSMD, Yi: 1.4, Vi: 0.15},
		}, false},
		{"optimum at zero", []Effect{
			{Measure: MeasureMD, Yi: 1.0, Vi: 1},
			{Measure: MeasureMD, Yi: 1.1, Vi: 2},
			{Measure: MeasureMD, Yi: 0.9, Vi: 1.5},
		}, true},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			es := set.es
			r, err := Pool(es, PoolOptions{})
			require.NoError(t, err)
			// Golden-section search for the maximum on [0, 10].
			lo, hi := 0.0, 10.0
			g := (math.Sqrt(5) - 1) / 2
			for hi-lo > 1e-12 {
				a, b := hi-g*(hi-lo), lo+g*(hi-lo)
				if remlLogLik(es, a) > remlLogLik(es, b) {
					hi = b
				} else {
					lo = a
				}
			}
			assert.InDelta(t, (lo+hi)/2, r.Tau2, 1e-7, "Fisher scoring reaches the likelihood maximum")
			assert.Equal(t, set.atZero, r.Tau2 == 0, "tau² is exactly 0 only at the boundary")
		})
	}
}

// TestTracesWithDominantWeight checks tr(P) and tr(PP) when one weight is
// 1e16 times another, where the textbook forms Σw − Σw²/Σw and
// Σw² − 2Σw³/Σw + (Σw²/Σw)² cancel to rounding noise (the FuzzPool
// crasher 99500062dd720fb6 had tr(P) < 0 and so τ² ≈ 262144, I² < 0).
func TestTracesWithDominantWeight(t *testing.T) {
	effects := []Effect{{Measure: MeasureSMD, Yi: 12.336, Vi: 3.3e-11}, {Measure: MeasureSMD, Yi: 12.337, Vi: 6.2e5}}
	s := weightSums(effects, 0)
	w1, w2 := 1/effects[0].Vi, 1/effects[1].Vi
	// For two studies tr(P) = 2·w1·w2/(w1+w2) and tr(PP) = 4·(w1·w2/(w1+w2))².
	h := w1 * w2 / (w1 + w2)
	assert.InEpsilon(t, 2*h, s.trP(), 1e-12)
	assert.InEpsilon(t, 4*h*h, s.trPP(), 1e-12)

	r, err := Pool(effects, PoolOptions{Method: MethodDL})
	require.NoError(t, err)
	assert.Zero(t, r.Tau2, "Q is far below its degrees of freedom")
	assert.Zero(t, r.I2)
	assert.GreaterOrEqual(t, r.SETau2, 0.0)
}

// TestREMLVanishingVariances: with within-study variances near zero the
// tolerance scaled by them is below float64's resolution at tau²; REML
// still reports the tau² it found, not ErrNotConverged (it did for 17 of
// these 56 cases).
func TestREMLVanishingVariances(t *testing.T) {
	for _, vi := range []float64{1e-8, 1e-12, 1e-16, 1e-20, 1e-30, 1e-60, 1e-100, 1e-150} {
		for _, spread := range []float64{1e-12, 1e-9, 1e-6, 1e-3, 1, 1e3, 1e6} {
			effects := []Effect{
				{Measure: MeasureMD, Yi: 1, Vi: vi}, {Measure: MeasureMD, Yi: 1 + spread, Vi: 2 * vi},
				{Measure: MeasureMD, Yi: 1 + 3*spread, Vi: vi}, {Measure: MeasureMD, Yi: 1 - spread, Vi: 3 * vi},
			}
			res, err := Pool(effects, PoolOptions{})
			require.NoError(t, err, "vi %g, spread %g", vi, spread)
			if spread*spread > 1e6*vi {
				assert.InEpsilon(t, 35.0/12*spread*spread, res.Tau2, 1e-3, "vi %g, spread %g: tau² is about the variance of the estimates", vi, spread)
			}
		}
	}
}
