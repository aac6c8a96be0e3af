package secretome

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUCUMTable(t *testing.T) {
	require.NoError(t, checkUCUMTable())
}

func TestUCUMCodes(t *testing.T) {
	tests := []struct {
		code string
		want Unit
		why  string
	}{
		{"ug/mL", UnitUgPerML, "micro as u"},
		{"Cel", UnitCelsius, "degree Celsius"},
		{"[iU]/mL", UnitIUPerML, "international unit, lower-case i"},
		{"[IU]/mL", UnitIUPerML, "international unit, upper-case synonym"},
		{"{EU}/mL", UnitEUPerML, "endotoxin units as an annotation"},
		{"pg/10*6{cells}", UnitPgPerMillionCells, "mass per million cells"},
		{"mo", UnitMonth, "month"},
		{"a", UnitYear, "year"},
		{"mosm/kg", UnitMOsmPerKg, "milliosmole"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			u, err := ParseUCUM(tt.code)
			require.NoError(t, err, tt.why)
			assert.Equal(t, tt.want, u, tt.why)
			u, err = ParseUnit(tt.code)
			require.NoError(t, err, "ParseUnit must accept every UCUM code")
			assert.Equal(t, tt.want, u)
		})
	}
	for _, bad := range []string{"µg/mL", "mcg/mL", "°C", "IU/mL", ""} {
		_, err := ParseUCUM(bad)
		var ue *UnknownUnitError
		assert.ErrorAs(t, err, &ue, "%q is not a UCUM code", bad)
	}
}

func TestQuantityUCUMKeepsDigits(t *testing.T) {
	for _, s := range []string{"1.20 µg/mL", "-80 °C", "1.2e9 particles/mL", "0.050 EU/mL", "3 IU/mL", "12 pg/10^6 cells"} {
		q := MustParseQuantity(s)
		v, code, err := q.UCUM()
		require.NoError(t, err)
		back, err := ParseQuantity(q.UCUMString())
		require.NoError(t, err, "UCUM text %q must parse", q.UCUMString())
		assert.True(t, back.Value.Equal(q.Value) && back.Value.Exponent() == q.Value.Exponent(), "digits of %s", s)
		assert.Equal(t, q.Unit, back.Unit)
		u, err := ParseUCUM(code)
		require.NoError(t, err)
		assert.Equal(t, q.Unit, u)
		assert.Equal(t, string(appendNumber(nil, q.Value)), v)
	}
	var q Quantity
	require.NoError(t, q.UnmarshalJSON([]byte(`{"value":"1.20","unit":"ug/mL"}`)))
	assert.Equal(t, "1.20 µg/mL", q.String())
	v, code, err := Quantity{}.UCUM()
	assert.NoError(t, err)
	assert.Empty(t, v+code)
}

func TestUCUMJSON(t *testing.T) {
	in := []byte(`{"a":{"value":"1.20","unit":"µg/mL"},"note":"{\"value\":\"1\",\"unit\":\"µg/mL\"}","t":[{"value":"-80","unit":"°C"}]}`)
	out, err := UCUMJSON(in)
	require.NoError(t, err)
	assert.Equal(t, `{"a":{"value":"1.20","unit":"ug/mL"},"note":"{\"value\":\"1\",\"unit\":\"µg/mL\"}","t":[{"value":"-80","unit":"Cel"}]}`, string(out),
		"quantities change, text inside strings does not")
	_, err = UCUMJSON([]byte(`{"value":"1","unit":"furlong"}`))
	var ue *UnknownUnitError
	assert.ErrorAs(t, err, &ue)
}
