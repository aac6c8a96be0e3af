package evidence_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeasureText(t *testing.T) {
	cases := []struct {
		m     evidence.Measure
		text  string
		ratio bool
	}{
		{evidence.MeasureRR, "rr", true},
		{evidence.MeasureOR, "or", true},
		{evidence.MeasureHR, "hr", true},
		{evidence.MeasureRD, "rd", false},
		{evidence.MeasureMD, "md", false},
		{evidence.MeasureSMD, "smd", false},
	}
	for _, c := range cases {
		b, err := c.m.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, c.text, string(b), "stable spelling")
		assert.Equal(t, c.text, c.m.String())
		var back evidence.Measure
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c.m, back, "%s round-trips", c.text)
		assert.Equal(t, c.ratio, c.m.IsRatio(), "%s ratio or difference", c.text)
	}

	var m evidence.Measure
	err := m.UnmarshalText([]byte("RR"))
	assert.ErrorContains(t, err, "rr, or, hr, rd, md, smd", "spellings are case-sensitive; the error lists the allowed ones")
	_, err = evidence.Measure(0).MarshalText()
	assert.Error(t, err, "the zero value is not a measure and cannot be encoded")
	assert.Equal(t, "Measure(0)", evidence.Measure(0).String())

	var e evidence.Effect
	require.NoError(t, json.Unmarshal([]byte(`{"measure":"smd","yi":0.4,"vi":0.04}`), &e))
	assert.Equal(t, evidence.Effect{Measure: evidence.MeasureSMD, Yi: 0.4, Vi: 0.04}, e, "Effect decodes from JSON")
	assert.Error(t, json.Unmarshal([]byte(`{"measure":"hedges","yi":0.4,"vi":0.04}`), &e), "unknown measure in JSON")
}

func TestMeasureBackTransform(t *testing.T) {
	assert.InDelta(t, 2.0, evidence.MeasureRR.BackTransform(math.Log(2)), 1e-15, "ratios are exponentiated")
	assert.Equal(t, -0.3, evidence.MeasureMD.BackTransform(-0.3), "differences are left alone")
	iv := evidence.Interval{Lower: math.Log(0.5), Upper: math.Log(0.8)}.BackTransform(evidence.MeasureOR)
	assert.InDelta(t, 0.5, iv.Lower, 1e-15)
	assert.InDelta(t, 0.8, iv.Upper, 1e-15)
	assert.True(t, iv.Contains(0.6))
	assert.False(t, iv.Contains(1), "a ratio interval below 1 excludes no effect")
}

func TestTwoByTwoMeasures(t *testing.T) {
	// Hand-computed from the escalc formulas; a = 15, b = 85, c = 30, d = 70.
	tab := evidence.TwoByTwo{A: 15, B: 85, C: 30, D: 70}
	rr, err := evidence.RiskRatio(tab)
	require.NoError(t, err)
	assert.InDelta(t, math.Log(0.15/0.30), rr.Yi, 1e-15)
	assert.InDelta(t, 1.0/15-1.0/100+1.0/30-1.0/100, rr.Vi, 1e-15)

	or, err := evidence.OddsRatio(tab)
	require.NoError(t, err)
	assert.Equal(t, evidence.MeasureOR, or.Measure)
	assert.InDelta(t, math.Log(15.0*70/(85*30)), or.Yi, 1e-14)
	assert.InDelta(t, 1.0/15+1.0/85+1.0/30+1.0/70, or.Vi, 1e-15)

	rd, err := evidence.RiskDifference(tab)
	require.NoError(t, err)
	assert.Equal(t, evidence.MeasureRD, rd.Measure)
	assert.InDelta(t, -0.15, rd.Yi, 1e-15)
	assert.InDelta(t, 0.15*0.85/100+0.3*0.7/100, rd.Vi, 1e-15)
}

func TestTwoByTwoZeroCells(t *testing.T) {
	// metafor's defaults: add 1/2 to every cell of a table with a zero cell
	// (to = "only0"), keep double-zero tables (drop00 = FALSE).
	cases := []struct {
		name     string
		tab      evidence.TwoByTwo
		adjusted evidence.TwoByTwo // the counts the formulas must use
	}{
		{"no zero cell: nothing added", evidence.TwoByTwo{A: 1, B: 9, C: 2, D: 8}, evidence.TwoByTwo{A: 1, B: 9, C: 2, D: 8}},
		{"zero events in the treated group", evidence.TwoByTwo{A: 0, B: 20, C: 4, D: 16}, evidence.TwoByTwo{A: 0.5, B: 20.5, C: 4.5, D: 16.5}},
		{"zero non-events in one group", evidence.TwoByTwo{A: 10, B: 0, C: 6, D: 4}, evidence.TwoByTwo{A: 10.5, B: 0.5, C: 6.5, D: 4.5}},
		{"no events in either group is still computed", evidence.TwoByTwo{A: 0, B: 30, C: 0, D: 20}, evidence.TwoByTwo{A: 0.5, B: 30.5, C: 0.5, D: 20.5}},
		{"only events in both groups is still computed", evidence.TwoByTwo{A: 12, B: 0, C: 9, D: 0}, evidence.TwoByTwo{A: 12.5, B: 0.5, C: 9.5, D: 0.5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b, cc, d := c.adjusted.A, c.adjusted.B, c.adjusted.C, c.adjusted.D
			n1, n2 := a+b, cc+d
			rr, err := evidence.RiskRatio(c.tab)
			require.NoError(t, err)
			assert.InDelta(t, math.Log(a/n1)-math.Log(cc/n2), rr.Yi, 1e-14)
			assert.InDelta(t, 1/a-1/n1+1/cc-1/n2, rr.Vi, 1e-14)
			or, err := evidence.OddsRatio(c.tab)
			require.NoError(t, err)
			assert.InDelta(t, math.Log(a*d/(b*cc)), or.Yi, 1e-14)
			assert.InDelta(t, 1/a+1/b+1/cc+1/d, or.Vi, 1e-14)
			rd, err := evidence.RiskDifference(c.tab)
			require.NoError(t, err)
			assert.InDelta(t, a/n1-cc/n2, rd.Yi, 1e-15)
			assert.Positive(t, rd.Vi, "the correction keeps the variance positive")
			for _, e := range []evidence.Effect{rr, or, rd} {
				assert.False(t, math.IsInf(e.Yi, 0) || math.IsNaN(e.Yi), "finite yi")
			}
		})
	}
}

func TestTwoByTwoInvalid(t *testing.T) {
	cases := []struct {
		name  string
		tab   evidence.TwoByTwo
		paths []string
	}{
		{"negative count", evidence.TwoByTwo{A: -1, B: 10, C: 2, D: 8}, []string{"a"}},
		{"NaN count", evidence.TwoByTwo{A: 1, B: 10, C: math.NaN(), D: 8}, []string{"c"}},
		{"infinite count", evidence.TwoByTwo{A: 1, B: 10, C: 2, D: math.Inf(1)}, []string{"d"}},
		{"empty first group", evidence.TwoByTwo{C: 2, D: 8}, []string{"a+b"}},
		{"empty second group", evidence.TwoByTwo{A: 2, B: 8}, []string{"c+d"}},
		{"two bad cells are both reported", evidence.TwoByTwo{A: -1, B: -2, C: 2, D: 8}, []string{"a", "b"}},
	}
	for _, c := range cases {
		for name, f := range map[string]func(evidence.TwoByTwo) (evidence.Effect, error){
			"rr": evidence.RiskRatio, "or": evidence.OddsRatio, "rd": evidence.RiskDifference,
		} {
			_, err := f(c.tab)
			require.Error(t, err, "%s: %s", name, c.name)
			assert.Equal(t, c.paths, problemPaths(t, err), "%s: %s", name, c.name)
		}
	}
}

// problemPaths returns the paths of the problems in a ValidationError.
func problemPaths(t *testing.T, err error) []string {
	t.Helper()
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok, "input errors are a *secretome.ValidationError: %v", err)
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path)
	}
	return out
}

func TestMeanDifference(t *testing.T) {
	e, err := evidence.MeanDifference(evidence.Continuous{M1: 10, SD1: 2, N1: 20, M2: 8, SD2: 3, N2: 25})
	require.NoError(t, err)
	assert.Equal(t, evidence.MeasureMD, e.Measure)
	assert.InDelta(t, 2, e.Yi, 1e-15)
	assert.InDelta(t, 4.0/20+9.0/25, e.Vi, 1e-15, "sd1²/n1 + sd2²/n2, no pooling")
}

func TestStandardisedMeanDifference(t *testing.T) {
	// References computed with mpmath at 30 digits from the escalc formulas
	// (exact gamma correction, LS variance with 2N in the denominator).
	cases := []struct {
		name   string
		in     evidence.Continuous
		g, v   float64
		approx float64 // the 1 − 3/(4m−1) correction, which must not be used
	}{
		{"small trial", evidence.Continuous{M1: 5.2, SD1: 1.1, N1: 10, M2: 4.5, SD2: 1.3, N2: 12}, 0.55462485648965571952, 0.19032444086597358793, 1 - 3.0/(4*20-1)},
		{"smallest possible groups, m = 2", evidence.Continuous{M1: 0, SD1: 1, N1: 2, M2: 1, SD2: 1, N2: 2}, -0.56418958354775628695, 1.0397887357729738339, 1 - 3.0/(4*2-1)},
		{"large trial", evidence.Continuous{M1: 103.5, SD1: 15.2, N1: 150, M2: 98.1, SD2: 14.7, N2: 148}, 0.36019684832132931987, 0.013641110956209696444, 1 - 3.0/(4*296-1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := evidence.StandardisedMeanDifference(c.in)
			require.NoError(t, err)
			assert.Equal(t, evidence.MeasureSMD, e.Measure)
			// ln Γ differences cost a few ulps for large m.
			assert.InEpsilon(t, c.g, e.Yi, 1e-12)
			assert.InEpsilon(t, c.v, e.Vi, 1e-12)
		})
	}
	// With m = 2 the approximate factor (0.571) and the exact one (0.564)
	// differ in the third decimal; d = −1 in that case.
	e, err := evidence.StandardisedMeanDifference(cases[1].in)
	require.NoError(t, err)
	approxG := -1 * cases[1].approx
	assert.Greater(t, math.Abs(e.Yi-approxG), 1e-3, "not the approximate correction")
}

func TestContinuousInvalid(t *testing.T) {
	ok := evidence.Continuous{M1: 1, SD1: 1, N1: 10, M2: 0, SD2: 1, N2: 10}
	cases := []struct {
		name  string
		edit  func(*evidence.Continuous)
		paths []string
		msg   string
	}{
		{"zero SD", func(c *evidence.Continuous) { c.SD1 = 0 }, []string{"sd1"}, "sd1: must be positive"},
		{"negative SD", func(c *evidence.Continuous) { c.SD2 = -2 }, []string{"sd2"}, "sd2: must be positive"},
		{"one participant", func(c *evidence.Continuous) { c.N1 = 1 }, []string{"n1"}, "n1: must be at least 2"},
		{"NaN mean", func(c *evidence.Continuous) { c.M2 = math.NaN() }, []string{"m2"}, "m2: must be a finite number"},
		{"infinite size", func(c *evidence.Continuous) { c.N2 = math.Inf(1) }, []string{"n2"}, "n2: must be a finite number"},
		{"several at once", func(c *evidence.Continuous) { c.SD1, c.N2 = -1, 0 }, []string{"n2", "sd1"}, "sd1: must be positive"},
	}
	for _, c := range cases {
		in := ok
		c.edit(&in)
		for name, f := range map[string]func(evidence.Continuous) (evidence.Effect, error){
			"md": evidence.MeanDifference, "smd": evidence.StandardisedMeanDifference,
		} {
			_, err := f(in)
			require.Error(t, err, "%s: %s", name, c.name)
			assert.Equal(t, c.paths, problemPaths(t, err), "%s: %s", name, c.name)
			assert.ErrorContains(t, err, c.msg, "%s: %s", name, c.name)
		}
	}
	_, err := evidence.StandardisedMeanDifference(ok)
	assert.NoError(t, err, "the valid base case passes")
}

func TestEffectCI(t *testing.T) {
	e := evidence.Effect{Measure: evidence.MeasureMD, Yi: 1, Vi: 0.25}
	assert.Equal(t, 0.5, e.SE())
	ci, err := e.CI(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 1-1.959963984540054*0.5, ci.Lower, 1e-15)
	assert.InDelta(t, 1+1.959963984540054*0.5, ci.Upper, 1e-15)
	ci90, err := e.CI(0.90)
	require.NoError(t, err)
	assert.InDelta(t, 1+1.6448536269514722*0.5, ci90.Upper, 1e-15, "90 % uses z = 1.645")

	_, err = e.CI(95)
	assert.Equal(t, []string{"level"}, problemPaths(t, err), "a percentage is not a level")
	_, err = evidence.Effect{Measure: evidence.MeasureMD, Yi: 1, Vi: -1}.CI(0.95)
	assert.Equal(t, []string{"vi"}, problemPaths(t, err), "negative variance")
}

func TestFromReported(t *testing.T) {
	hr, err := evidence.FromReported(evidence.MeasureHR, 0.72, 0.55, 0.94, 0.95)
	require.NoError(t, err)
	assert.Equal(t, evidence.MeasureHR, hr.Measure)
	assert.InDelta(t, math.Log(0.72), hr.Yi, 1e-15, "yi is the log of the reported ratio")
	se := (math.Log(0.94) - math.Log(0.55)) / (2 * 1.959963984540054)
	assert.InDelta(t, se*se, hr.Vi, 1e-15, "SE from the width of the log interval")

	md, err := evidence.FromReported(evidence.MeasureMD, -2.5, -4.1, -0.9, 0.90)
	require.NoError(t, err)
	assert.Equal(t, -2.5, md.Yi, "differences stay on their own scale")
	assert.InDelta(t, 1.6/1.6448536269514722, md.SE(), 1e-14, "90 % interval")

	// Round trip: the CI of an effect gives back the effect.
	orig := evidence.Effect{Measure: evidence.MeasureOR, Yi: -0.4, Vi: 0.09}
	ci, err := orig.CI(0.95)
	require.NoError(t, err)
	est, nat := orig.Measure.BackTransform(orig.Yi), ci.BackTransform(orig.Measure)
	back, err := evidence.FromReported(orig.Measure, est, nat.Lower, nat.Upper, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, orig.Yi, back.Yi, 1e-14)
	assert.InDelta(t, orig.Vi, back.Vi, 1e-14)

	cases := []struct {
		name             string
		m                evidence.Measure
		est, lo, hi, lvl float64
		paths            []string
	}{
		{"bounds reversed", evidence.MeasureRR, 0.8, 0.9, 0.7, 0.95, []string{"upper"}},
		{"estimate outside", evidence.MeasureRR, 1.2, 0.7, 0.9, 0.95, []string{"estimate"}},
		{"ratio not positive", evidence.MeasureOR, 0.8, 0, 1.1, 0.95, []string{"lower"}},
		{"level in percent", evidence.MeasureHR, 0.8, 0.7, 0.9, 95, []string{"level"}},
		{"no measure", 0, 0.8, 0.7, 0.9, 0.95, []string{"measure"}},
		{"NaN bound", evidence.MeasureMD, 0.8, math.NaN(), 0.9, 0.95, []string{"lower"}},
		{"zero width", evidence.MeasureMD, 0.8, 0.8, 0.8, 0.95, []string{"upper"}},
	}
	for _, c := range cases {
		_, err := evidence.FromReported(c.m, c.est, c.lo, c.hi, c.lvl)
		require.Error(t, err, c.name)
		assert.Equal(t, c.paths, problemPaths(t, err), c.name)
	}
}

// TestParseMeasureMetafor checks that ParseMeasure accepts the names
// metafor's escalc uses ("RR", "OR", "RD", "MD", "SMD"), while decoding
// keeps one spelling per measure.
func TestParseMeasureMetafor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want evidence.Measure
	}{{"RR", evidence.MeasureRR}, {"OR", evidence.MeasureOR}, {"RD", evidence.MeasureRD}, {"MD", evidence.MeasureMD},
		{"SMD", evidence.MeasureSMD}, {"HR", evidence.MeasureHR}, {"smd", evidence.MeasureSMD}} {
		m, err := evidence.ParseMeasure(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, m, tc.in)
	}
	_, err := evidence.ParseMeasure("Smd")
	assert.ErrorContains(t, err, "SMD", "the error lists metafor's spellings too")
	var m evidence.Measure
	assert.Error(t, m.UnmarshalText([]byte("RR")), "documents keep the stable lowercase spelling")
}

func FuzzParseMeasure(f *testing.F) {
	for _, s := range []string{"rr", "or", "hr", "rd", "md", "smd", "", "RR", "smd ", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := evidence.ParseMeasure(s)
		if err != nil {
			if !strings.Contains(err.Error(), "rr, or, hr, rd, md, smd") {
				t.Fatalf("error does not list the spellings: %v", err)
			}
			return
		}
		if m.String() != strings.ToLower(s) || (s != m.String() && s != strings.ToUpper(m.String())) {
			t.Fatalf("ParseMeasure(%q) = %v, which is neither its stable nor its metafor spelling", s, m)
		}
		b, err := m.MarshalText()
		if err != nil || string(b) != m.String() {
			t.Fatalf("MarshalText of %q = %q, %v", s, b, err)
		}
		var back evidence.Measure
		if err := back.UnmarshalText([]byte(s)); (err == nil) != (s == m.String()) {
			t.Fatalf("UnmarshalText(%q) = %v: documents accept only the stable spelling", s, err)
		}
	})
}

// TestEffectNotFinite: finite inputs whose difference or square overflows
// give evidence.ErrNotFinite, never an infinite effect that pooling would take or
// drop, and validation names the outcome.
func TestEffectNotFinite(t *testing.T) {
	c := evidence.Continuous{M1: 1e308, SD1: 1e200, N1: 10, M2: -1e308, SD2: 1, N2: 10}
	_, err := evidence.MeanDifference(c)
	assert.ErrorIs(t, err, evidence.ErrNotFinite)
	_, err = evidence.StandardisedMeanDifference(c)
	assert.ErrorIs(t, err, evidence.ErrNotFinite)

	doc := `{"id": "x", "title": "t", "year": 2024, "design": "rct", "population": {"condition": "L89", "size": 20},
  "intervention": {"description": "gel"}, "outcomes": [{"name": "area", "type": "continuous", "time_point": {"text": "week 4"},
  "raw": {"mean_treated": 1e308, "sd_treated": 1e200, "n_treated": 10, "mean_control": -1e308, "sd_control": 1, "n_control": 10}}]}`
	_, err = evidence.DecodeStudy([]byte(doc))
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok, "%v", err)
	require.NotEmpty(t, ve.At("outcomes[0].raw"))
	assert.Contains(t, ve.At("outcomes[0].raw")[0].Message, "too large")
}
