package evidence_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/openregen/secretomekit/evidence"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip marshals v to JSON and decodes it into a fresh value of the
// same type.
func roundTrip[T any](t *testing.T, v T) (T, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out T
	require.NoError(t, json.Unmarshal(b, &out), "decoding %s", b)
	return out, b
}

// The JSON of a summary of findings (what `grade --format json` prints)
// decodes back into an equal evidence.Summary, and so do appraisals and
// studies.
func TestSummaryJSONDecodesBack(t *testing.T) {
	data, err := os.ReadFile("testdata/rct_valid.json")
	require.NoError(t, err)
	rct, err := evidence.DecodeStudy(data)
	require.NoError(t, err)
	second := *rct
	second.ID = "rct-pu-2025"
	second.Outcomes = []evidence.Outcome{rct.Outcomes[0]}
	second.Outcomes[0].Raw = &evidence.RawData{EventsTreated: ptr(20), TotalTreated: ptr(40), EventsControl: ptr(8), TotalControl: ptr(40)}
	studies := append([]evidence.Study{*rct, second}, woundCaseReports()...)

	sum := evidence.Summarize(studies, evidence.Question{ProductID: "uc-msc-secretome-gel"})
	var dirs, pooled int
	for _, r := range sum.Rows {
		for _, l := range r.Levels {
			dirs += len(l.Level.Adjustments)
		}
		if r.Pooled != nil {
			pooled++
		}
	}
	require.Positive(t, dirs, "the summary holds level adjustments (with a direction)")
	require.Positive(t, pooled, "the summary holds a pooled result")

	back, b := roundTrip(t, sum)
	assert.Contains(t, string(b), `"direction":"down"`)
	assert.Equal(t, sum, back, "summary")

	ap := evidence.Appraise(studies, "L89")
	apBack, _ := roundTrip(t, ap)
	assert.Equal(t, ap, apBack, "appraisal")

	stBack, _ := roundTrip(t, *rct)
	assert.Equal(t, *rct, stBack, "study")
}

func TestDirectionAndBiasRiskText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want evidence.Direction
		ok   bool
	}{
		{"down", "down", evidence.Down, true},
		{"up", "up", evidence.Up, true},
		{"the zero value has no spelling", "", 0, false},
		{"spellings are lowercase", "Down", 0, false},
	}
	for _, tt := range tests {
		var d evidence.Direction
		err := d.UnmarshalText([]byte(tt.text))
		if !tt.ok {
			assert.ErrorContains(t, err, "want one of: down, up", tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, d, tt.name)
	}
	for b := evidence.BiasNotAssessed; b <= evidence.BiasCritical; b++ {
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back evidence.BiasRisk
		require.NoError(t, back.UnmarshalText(text), "%s decodes", text)
		assert.Equal(t, b, back)
	}
	var b evidence.BiasRisk
	assert.Error(t, b.UnmarshalText([]byte("severe")), "unknown bias risk")
}

// Every JSON name in a pooled result is snake_case, as in the rest of the
// package's JSON.
func TestResultJSONNamesAreSnakeCase(t *testing.T) {
	res, err := evidence.Pool([]evidence.Effect{{Measure: evidence.MeasureMD, Yi: 1, Vi: 0.1}, {Measure: evidence.MeasureMD, Yi: 2, Vi: 0.2}},
		evidence.PoolOptions{Method: evidence.MethodDL, HartungKnapp: true})
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for k := range m {
		assert.Regexp(t, `^[a-z][a-z0-9_]*$`, k, "JSON name %q", k)
	}
	assert.Contains(t, m, "hartung_knapp")
	assert.Contains(t, m, "se_tau2")
}
