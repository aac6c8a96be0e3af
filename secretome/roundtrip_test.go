package secretome_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip marshals v to JSON and decodes it into a fresh value of the
// same type, failing the test on either error.
func roundTrip[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out T
	require.NoError(t, json.Unmarshal(b, &out), "decoding %s", b)
	return out
}

// Everything the package writes as JSON (checklists, deviations,
// problems) decodes back to the value that was written, so that tools can
// read each other's reports.
func TestJSONOutputsDecodeBack(t *testing.T) {
	p := loadGel(t)
	isct := secretome.ISCT(&p.Source)
	ev := secretome.EVCharacterisation(p)
	require.NotEmpty(t, isct.Criteria)

	// A batch that misses, fails and adds tests, so that every kind of
	// deviation the specification can report is present.
	spec := secretome.ReleaseSpec{Tests: []secretome.ReleaseTest{
		{Kind: secretome.TestEndotoxin, Limit: secretome.Limit{Max: q("0.5 EU/mL")}},
		{Kind: secretome.TestSterility, Limit: secretome.Limit{Expect: secretome.OutcomeNegative}},
		{Kind: secretome.TestPH, Limit: secretome.Limit{Min: q("pH 6.5"), Max: q("pH 7.5")}},
		{Kind: secretome.TestMycoplasma, Limit: secretome.Limit{Expect: secretome.OutcomeNegative}},
		{Kind: secretome.TestOsmolality, Limit: secretome.Limit{Max: q("350 mOsm/kg")}},
	}}
	batch := secretome.Batch{ID: "B1", Results: []secretome.TestResult{
		{Kind: secretome.TestEndotoxin, Value: q("0.8 EU/mL")},
		{Kind: secretome.TestSterility, Outcome: secretome.OutcomePositive},
		{Kind: secretome.TestPH, Value: q("300 mOsm/kg")},
		{Kind: secretome.TestOsmolality, Value: q("300 mOsm/kg")},
		{Kind: secretome.TestPotency, Value: q("5 %")},
	}}
	devs := spec.Conformance(&batch)
	kinds := map[secretome.DeviationKind]bool{}
	for _, d := range devs {
		kinds[d.Kind] = true
	}
	require.Len(t, kinds, 5, "every deviation kind is present: %v", devs)

	assert.Equal(t, isct, roundTrip(t, isct), "ISCT checklist")
	assert.Equal(t, ev, roundTrip(t, ev), "EV checklist")
	assert.Equal(t, devs, roundTrip(t, devs), "deviations")
	problems := mutate(t, func(p *secretome.Product) {
		p.Composition.Analytes[0].Name = "mystery factor" // a note
		p.Source.Identity = nil                           // an ISCT note
		p.Price.Currency = "rupiah"                       // an error
	}).Check()
	require.Len(t, problems, 3)
	back := roundTrip(t, problems)
	for i := range problems {
		// The JSON form carries the message as text; the catalogue code
		// and arguments behind it (Text) are for rendering in code.
		assert.False(t, problems[i].Text.IsZero(), "validation problems have catalogued texts")
		problems[i].Text = message.Message{}
	}
	assert.Equal(t, problems, back, "problems")
	assert.Equal(t, *p, *roundTrip(t, p), "product") // Quantity and Decimal compare by their fields
}

func TestStatusAndDeviationKindText(t *testing.T) {
	tests := []struct {
		name string
		text string
		ok   bool
	}{
		{"status not_reported is the zero value and has a spelling", "not_reported", true},
		{"status met", "met", true},
		{"status not_met", "not_met", true},
		{"status: the empty string is not a status", "", false},
		{"status: unknown spelling", "partly", false},
	}
	for _, tt := range tests {
		var s secretome.Status
		err := s.UnmarshalText([]byte(tt.text))
		if !tt.ok {
			var ee *secretome.EnumError
			assert.ErrorAs(t, err, &ee, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.text, s.String(), tt.name)
	}
	for _, k := range []secretome.DeviationKind{secretome.DeviationMissing, secretome.DeviationOutOfLimit,
		secretome.DeviationOutcome, secretome.DeviationIncomparable, secretome.DeviationUnspecified} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back secretome.DeviationKind
		require.NoError(t, back.UnmarshalText(b), "%s decodes", b)
		assert.Equal(t, k, back)
	}
	var k secretome.DeviationKind
	var ee *secretome.EnumError
	assert.ErrorAs(t, k.UnmarshalText(nil), &ee, "no deviation has the empty kind")
	assert.ErrorAs(t, k.UnmarshalText([]byte("late")), &ee, "unknown kind")
	_, err := secretome.Status(9).MarshalText()
	assert.Error(t, err, "a status out of range does not marshal to text that cannot be read")
}

func TestDateMarshalTextParsesBack(t *testing.T) {
	tests := []struct {
		name string
		date secretome.Date
		ok   bool
	}{
		{"an ordinary day", secretome.MustParseDate("2025-03-06"), true},
		{"a leap day", secretome.MustParseDate("2024-02-29"), true},
		{"the zero date is empty text", secretome.Date{}, true},
		{"February 30 does not exist", secretome.Date{Year: 2025, Month: 2, Day: 30}, false},
		{"month 13 does not exist", secretome.Date{Year: 2025, Month: 13, Day: 1}, false},
		{"a five-digit year has no YYYY form", secretome.Date{Year: 10000, Month: 1, Day: 1}, false},
	}
	for _, tt := range tests {
		b, err := tt.date.MarshalText()
		if !tt.ok {
			assert.Error(t, err, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		var back secretome.Date
		require.NoError(t, back.UnmarshalText(b), tt.name)
		assert.Equal(t, tt.date, back, tt.name)
	}
}

// Plain decimals (a price, a percentage, a cut-off, a force) keep the
// digits the document wrote, trailing zeros included, as quantities do.
func TestPlainDecimalsKeepTheirDigits(t *testing.T) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	require.NoError(t, err)
	doc := string(data)
	for _, r := range [][2]string{
		{`"amount": "1250000"`, `"amount": 1250000.00`},
		{`"percent_positive": "99.1"`, `"percent_positive": "99.10"`},
		{`"cutoff_kda": "3"`, `"cutoff_kda": "3.0"`},
		{`"force_g": "2000"`, `"force_g": 2.0e3`},
	} {
		require.Contains(t, doc, r[0])
		doc = strings.Replace(doc, r[0], r[1], 1)
	}
	p, err := secretome.DecodeProduct([]byte(doc))
	require.NoError(t, err)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	for _, want := range []string{`"amount":"1250000.00"`, `"percent_positive":"99.10"`, `"cutoff_kda":"3.0"`, `"force_g":"2.0e3"`} {
		assert.Contains(t, string(out), want)
	}
	back, err := secretome.DecodeProduct(out)
	require.NoError(t, err)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(again), "byte-stable")

	_, err = json.Marshal(secretome.Price{Amount: decimal.New(1, 100000), Currency: "IDR", Per: "vial"})
	assert.Error(t, err, "an amount beyond the bounds is an error, not a hundred thousand digits")
}

// The structs that write their decimals exactly still write every field,
// in the struct's order.
func TestExactMarshallersWriteEveryField(t *testing.T) {
	d := decimal.RequireFromString("1.50")
	tests := []struct {
		name string
		v    any
	}{
		{"price", secretome.Price{Amount: d, Currency: "IDR", Per: "vial"}},
		{"marker", secretome.Marker{Name: "CD73", PercentPositive: decimal.NewNullDecimal(d)}},
		{"processing step", secretome.ProcessingStep{Step: secretome.StepFiltration, PoreSize: q("0.22 µm"),
			CutoffKDa: decimal.NewNullDecimal(d), ForceG: decimal.NewNullDecimal(d), Duration: q("10 min"), Detail: "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := json.Marshal(tt.v)
			require.NoError(t, err)
			var want []string
			rt := reflect.TypeOf(tt.v)
			for i := range rt.NumField() {
				want = append(want, `"`+strings.Split(rt.Field(i).Tag.Get("json"), ",")[0]+`":`)
			}
			pos := -1
			for _, key := range want {
				at := strings.Index(string(out), key)
				require.Positive(t, at, "%s is written: %s", key, out)
				assert.Greater(t, at, pos, "%s comes in struct order", key)
				pos = at
			}
		})
	}
}
