package evidence

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeValidFiles(t *testing.T) {
	data, err := os.ReadFile("testdata/rct_valid.json")
	require.NoError(t, err)
	s, err := DecodeStudy(data)
	require.NoError(t, err)
	assert.Empty(t, s.Check(), "the fixture has no warnings")
	assert.Equal(t, DesignRandomisedControlledTrial, s.Design)
	require.NotNil(t, s.Population.Size)
	assert.Equal(t, 120, *s.Population.Size)
	assert.Equal(t, RoB2SomeConcerns, s.RiskOfBias.RoB2.Deviations)
	assert.Equal(t, MeasureHR, s.Outcomes[2].Reported.Measure)

	back, err := json.Marshal(s)
	require.NoError(t, err)
	again, err := DecodeStudy(back)
	require.NoError(t, err)
	assert.Equal(t, s, again, "marshal and decode round-trip")

	data, err = os.ReadFile("testdata/wound_case_reports.json")
	require.NoError(t, err)
	list, err := DecodeStudies(data)
	require.NoError(t, err)
	assert.Len(t, list, 5)
}

func TestDecodeErrors(t *testing.T) {
	valid, err := os.ReadFile("testdata/rct_valid.json")
	require.NoError(t, err)
	replace := func(old, new string) string {
		require.Contains(t, string(valid), old)
		return strings.Replace(string(valid), old, new, 1)
	}
	tests := []struct {
		name   string
		doc    string
		path   string
		code   secretome.Code
		line   int
		reason string
	}{
		{"syntax", `{"id": "x",`, "", secretome.CodeSyntax, 1, "truncated JSON"},
		{"trailing", string(valid) + "{}", "", secretome.CodeTrailing, 0, "a second document"},
		{"not an object", `[1]`, "", secretome.CodeType, 1, "a study is an object"},
		{"null", `null`, "", secretome.CodeType, 1, "null is not a study"},
		{"unknown field", replace(`"year": 2024,`, `"year": 2024, "colour": "red",`), "colour", secretome.CodeUnknownField, 10, "unknown fields are rejected"},
		{"unknown design", replace(`"randomised_controlled_trial"`, `"rct"`), "design", secretome.CodeEnum, 11, "enum spellings are strict"},
		{"unknown judgement", replace(`"deviations": "some_concerns"`, `"deviations": "unclear"`), "risk_of_bias.rob2.deviations", secretome.CodeEnum, 0, "RoB 2 has no 'unclear'"},
		{"string year", replace(`"year": 2024`, `"year": "2024"`), "year", secretome.CodeType, 10, "types are strict"},
		{"fractional size", replace(`"size": 120`, `"size": 120.5`), "population.size", secretome.CodeNumber, 0, "sizes are whole numbers"},
		{"events over total", replace(`"events_treated": 30`, `"events_treated": 61`), "outcomes[0].raw.events_treated", secretome.CodeInconsistent, 0, "validation runs after decoding"},
		{"bad nct", replace(`"NCT01234567"`, `"NCT0123"`), "registrations[0].id", secretome.CodeFormat, 0, "identifier formats are validated"},
		{"rob on wrong design", replace(`"randomised_controlled_trial"`, `"cohort_prospective"`), "risk_of_bias.rob2", CodeRoBToolMismatch, 0, "tool must match design"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := DecodeStudy([]byte(tc.doc))
			assert.Nil(t, s, "no study on error")
			ve, ok := secretome.AsValidationError(err)
			require.True(t, ok, "%s: %v", tc.reason, err)
			ps := ve.At(tc.path)
			require.NotEmpty(t, ps, "%s: want a problem at %q, got %v", tc.reason, tc.path, err)
			assert.True(t, ve.Has(tc.code), "%s: want code %s, got %v", tc.reason, tc.code, err)
			if tc.line > 0 {
				assert.Equal(t, tc.line, ps[0].Line, "%s: line", tc.reason)
				assert.Positive(t, ps[0].Column)
			}
		})
	}
}

func TestDecodeMergesAndDeduplicates(t *testing.T) {
	doc := `{"id": "x", "title": "t", "year": 2024, "design": "rct",
  "population": {"condition": "L89", "size": 1}, "intervention": {}}`
	_, err := DecodeStudy([]byte(doc))
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	assert.Len(t, ve.At("design"), 1, "the unknown spelling is reported once, not again as 'required'")
	assert.Equal(t, 1, ve.At("design")[0].Line)
	require.NotEmpty(t, ve.At("intervention"), "validation still runs on the rest")
	require.NotEmpty(t, ve.At("funding.kind"))
	assert.Equal(t, secretome.SeverityWarning, ve.At("funding.kind")[0].Severity, "warnings travel with errors")
	assert.Equal(t, 1, ve.At("funding.kind")[0].Line, "a missing field is located at its enclosing object")
}

func TestDecodeStudies(t *testing.T) {
	one := `{"id": "a", "title": "t", "year": 2023, "design": "case_report", "population": {"condition": "L88", "size": 1},
  "intervention": {"description": "gel"}, "outcomes": [{"name": "healing", "type": "binary", "time_point": {"text": "week 4"}, "result": "healed"}],
  "funding": {"kind": "not_reported"}, "conflicts": {"status": "not_reported"}}`
	list, err := DecodeStudies([]byte("[" + one + "]"))
	require.NoError(t, err)
	require.Len(t, list, 1)

	_, err = DecodeStudies([]byte("[" + one + ",\n" + one + "]"))
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	require.NotEmpty(t, ve.At("[1].id"), "duplicate ids across studies")
	assert.Equal(t, 4, ve.At("[1].id")[0].Line, "the second study starts on line 4")

	bad := strings.Replace(one, `"year": 2023`, `"year": 3023`, 1)
	_, err = DecodeStudies([]byte("[" + one + "," + bad + "]"))
	ve, ok = secretome.AsValidationError(err)
	require.True(t, ok)
	assert.NotEmpty(t, ve.At("[1].year"), "validation paths carry the index")

	_, err = DecodeStudies([]byte(one))
	ve, ok = secretome.AsValidationError(err)
	require.True(t, ok)
	assert.True(t, ve.Has(secretome.CodeType), "an object is not an array")
}

// TestDecodeStudiesOrder holds the order researchers read problems in:
// every error before any warning, studies in numeric order ([2] before
// [10], not after it as text sorting would put it), each with its line.
func TestDecodeStudiesOrder(t *testing.T) {
	one := `{"id": "s%d", "title": "t", "year": %d, "design": "case_report", "population": {"condition": "L88", "size": 1},
  "intervention": {"description": "gel"}, "outcomes": [{"name": "healing", "type": "binary", "time_point": {"text": "week 4"}, "result": "healed"}]}`
	var items []string
	for i := range 12 {
		year := 2023
		if i%3 == 0 {
			year = 3023 // an error in studies 0, 3, 6 and 9
		}
		items = append(items, fmt.Sprintf(one, i, year))
	}
	_, err := DecodeStudies([]byte("[\n" + strings.Join(items, ",\n") + "\n]"))
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	var errs, warns []string
	for i, p := range ve.Problems {
		assert.Positive(t, p.Line, "%s has a line", p.Path)
		if p.Severity == secretome.SeverityError {
			require.Empty(t, warns, "problem %d (%s) is an error after a warning", i, p.Path)
			errs = append(errs, p.Path)
		} else {
			warns = append(warns, p.Path)
		}
	}
	assert.Equal(t, []string{"[0].year", "[3].year", "[6].year", "[9].year"}, errs)
	require.NotEmpty(t, warns, "missing funding and conflicts are warnings")
	var studies []string
	for _, w := range warns {
		s, _, _ := strings.Cut(w, ".")
		if len(studies) == 0 || studies[len(studies)-1] != s {
			studies = append(studies, s)
		}
	}
	assert.Equal(t, []string{"[0]", "[1]", "[2]", "[3]", "[4]", "[5]", "[6]", "[7]", "[8]", "[9]", "[10]", "[11]"}, studies,
		"warnings come study by study in numeric order")
	assert.Equal(t, 2, ve.At("[0].year")[0].Line)
	assert.Equal(t, 2+2*9, ve.At("[9].year")[0].Line, "each study takes two lines")
}
