package evidence

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var allMethods = []Method{MethodCommon, MethodDL, MethodREML, MethodPM, MethodSJ, MethodML, MethodEB, MethodHE, MethodHS}

// TestDegenerateInputs checks that degenerate inputs get defined answers
// (never NaN: every result encodes as JSON) or clear errors.
func TestDegenerateInputs(t *testing.T) {
	one := []Effect{{Measure: MeasureMD, Yi: 1.5, Vi: 0.2}}
	equalV := []Effect{{Measure: MeasureMD, Yi: 1, Vi: 0.3}, {Measure: MeasureMD, Yi: 2, Vi: 0.3}, {Measure: MeasureMD, Yi: 0.5, Vi: 0.3}, {Measure: MeasureMD, Yi: 1.7, Vi: 0.3}}
	equalY := []Effect{{Measure: MeasureMD, Yi: 1, Vi: 0.1}, {Measure: MeasureMD, Yi: 1, Vi: 0.3}, {Measure: MeasureMD, Yi: 1, Vi: 0.2}, {Measure: MeasureMD, Yi: 1, Vi: 0.4}}
	for _, m := range allMethods {
		for _, c := range []struct {
			why     string
			effects []Effect
			knha    bool
		}{
			{"a single study is its own estimate", one, false},
			{"equal variances", equalV, false},
			{"equal variances, Knapp-Hartung", equalV, true},
			{"equal estimates: no heterogeneity", equalY, false},
			{"equal estimates, Knapp-Hartung takes s² = 1", equalY, true},
		} {
			fit, err := Fit(c.effects, nil, FitOptions{PoolOptions: PoolOptions{Method: m, HartungKnapp: c.knha}})
			require.NoError(t, err, "%s, %s", m, c.why)
			_, err = json.Marshal(fit)
			require.NoError(t, err, "%s, %s: the model encodes (no NaN)", m, c.why)
			r, err := Pool(c.effects, PoolOptions{Method: m, HartungKnapp: c.knha})
			require.NoError(t, err, "%s, %s", m, c.why)
			assert.InDelta(t, r.Tau2, fit.Tau2, 1e-12, "%s, %s: Pool and Fit agree", m, c.why)
			if len(c.effects) == 1 {
				assert.Equal(t, 0.0, fit.Tau2, "%s: k = 1 has tau² = 0", m)
				assert.Equal(t, 1.0, fit.QEP, "%s: k = 1 has QEp = 1", m)
				assert.Equal(t, 1.0, fit.H2, "%s: k = 1 has H² = 1", m)
				_, err = fit.ConfInt()
				if m.IsRandom() {
					assert.ErrorContains(t, err, "more effects than coefficients", "%s: no interval from one study", m)
				}
				_, err = fit.TrimFill(TrimFillOptions{})
				assert.ErrorContains(t, err, "at least 3", "%s", m)
				_, err = fit.LeaveOneOut()
				assert.ErrorContains(t, err, "at least 2", "%s", m)
				_, err = fit.Influence()
				assert.Error(t, err, "%s", m)
				_, err = fit.RankTest()
				assert.Error(t, err, "%s", m)
				_, err = fit.RegTest()
				assert.Error(t, err, "%s", m)
			}
			if &c.effects[0] == &equalY[0] {
				assert.Equal(t, 0.0, fit.Tau2, "%s: equal estimates give tau² = 0", m)
				if m.IsRandom() && !c.knha {
					ci, err := fit.ConfInt()
					require.NoError(t, err)
					assert.Equal(t, Bound{0, 0, 0}, ci.Tau2, "%s: the interval is empty, given as [0, 0]", m)
				}
			}
		}
	}
	fit, err := Fit(equalV, nil, FitOptions{})
	require.NoError(t, err)
	_, err = fit.RankTest()
	assert.ErrorContains(t, err, "all variances are equal", "Kendall's tau is undefined for equal variances")
	_, err = fit.RegTest()
	assert.ErrorContains(t, err, "standard errors that vary")
}

func TestDegenerateModerators(t *testing.T) {
	es := []Effect{{Measure: MeasureMD, Yi: 1, Vi: 0.1}, {Measure: MeasureMD, Yi: 2, Vi: 0.3}, {Measure: MeasureMD, Yi: 0.2, Vi: 0.2}, {Measure: MeasureMD, Yi: 1.4, Vi: 0.4}, {Measure: MeasureMD, Yi: 0.9, Vi: 0.25}}
	x := Moderator{Name: "dose", Values: []float64{1, 2, 3, 4, 5}}
	cases := []struct {
		why  string
		mods []Moderator
		want string
	}{
		{"a constant moderator is collinear with the intercept", []Moderator{{Name: "site", Values: []float64{3, 3, 3, 3, 3}}}, `moderators[0]: coefficient "site" is constant`},
		{"a categorical moderator with one level", []Moderator{{Name: "route", Levels: []string{"iv", "iv", "iv", "iv", "iv"}}}, "moderators[0]"},
		{"a moderator proportional to another", []Moderator{x, {Name: "dose2", Values: []float64{2, 4, 6, 8, 10}}}, `moderators[1]: coefficient "dose2"`},
		{"too many coefficients", []Moderator{x, {Name: "a", Values: []float64{1, 0, 0, 1, 5}}, {Name: "b", Values: []float64{0, 1, 3, 1, 0}}, {Name: "c", Values: []float64{9, 1, 0, 2, 1}}, {Name: "d", Values: []float64{0, 0, 1, 0, 1}}}, "6 coefficients cannot be estimated from 5 effects"},
		{"a short moderator", []Moderator{{Name: "x", Values: []float64{1, 2}}}, "moderators[0].values"},
		{"a moderator with neither values nor levels", []Moderator{{Name: "x"}}, "either values or levels"},
	}
	for _, c := range cases {
		_, err := Fit(es, c.mods, FitOptions{})
		assert.ErrorContains(t, err, c.want, c.why)
	}
	// A saturated model (as many coefficients as effects) is defined.
	sat := []Moderator{x, {Name: "a", Values: []float64{1, 0, 0, 1, 5}}, {Name: "b", Values: []float64{0, 1, 3, 1, 0}}, {Name: "c", Values: []float64{9, 1, 0, 2, 1}}}
	for _, m := range allMethods {
		fit, err := Fit(es, sat, FitOptions{PoolOptions: PoolOptions{Method: m}})
		require.NoError(t, err, "%s: a saturated model", m)
		assert.Equal(t, 0.0, fit.Tau2)
		assert.Equal(t, 0.0, fit.QE)
		assert.Equal(t, 1.0, fit.QEP)
		_, err = json.Marshal(fit)
		require.NoError(t, err)
		_, err = Fit(es, sat, FitOptions{PoolOptions: PoolOptions{Method: m, HartungKnapp: true}})
		assert.ErrorContains(t, err, "Knapp-Hartung needs more effects than coefficients")
	}
}

// TestRankTestVarianceBelowPrecision checks that a variance so far below the
// others that v - 1/Σw is zero in double precision gets a clear error naming
// the effect, rather than a test on a NaN (a NaN once made the tie count loop
// for ever).
func TestRankTestVarianceBelowPrecision(t *testing.T) {
	es := []Effect{{Measure: MeasureMD, Yi: 1, Vi: 1e-300}, {Measure: MeasureMD, Yi: 2, Vi: 1e10}, {Measure: MeasureMD, Yi: 0.5, Vi: 1e12}}
	fit, err := Fit(es, nil, FitOptions{PoolOptions: PoolOptions{Method: MethodCommon}})
	require.NoError(t, err)
	_, err = fit.RankTest()
	assert.ErrorContains(t, err, "effects[0]")
	assert.ErrorContains(t, err, "not a finite number")
}

// TestTiesEndsOnNaN checks that the tie count ends on values that compare
// unequal to themselves.
func TestTiesEndsOnNaN(t *testing.T) {
	nan := math.NaN()
	assert.Equal(t, []float64{2}, ties([]float64{nan, 1, nan, 1}))
}
