package secretome_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

func TestParseQuantityValid(t *testing.T) {
	tests := []struct {
		in     string
		str    string // String() of the result
		coef   string // coefficient as held
		exp    int32  // exponent as held
		unit   secretome.Unit
		reason string
	}{
		{"1200 pg/mL", "1200 pg/mL", "1200", 0, secretome.UnitPgPerML, "integer with space"},
		{"1.20 mg/mL", "1.20 mg/mL", "120", -2, secretome.UnitMgPerML, "trailing zero is kept"},
		{"0.22 µm", "0.22 µm", "22", -2, secretome.UnitUm, "leading zero fraction"},
		{"0.0005 ug/ml", "0.0005 µg/mL", "5", -4, secretome.UnitUgPerML, "ASCII spelling normalised to canonical symbol"},
		{"1.2e9 particles/mL", "1.2e9 particles/mL", "12", 8, secretome.UnitParticlesPerML, "e-notation keeps scientific form"},
		{"1.2E+9 particles/mL", "1.2e9 particles/mL", "12", 8, secretome.UnitParticlesPerML, "upper-case E with plus"},
		{"1.2 × 10^9 particles/mL", "1.2e9 particles/mL", "12", 8, secretome.UnitParticlesPerML, "times ten to the power"},
		{"1.2x10^9 p/mL", "1.2e9 particles/mL", "12", 8, secretome.UnitParticlesPerML, "ASCII x without spaces"},
		{"5 × 10^-3 mg/mL", "0.005 mg/mL", "5", -3, secretome.UnitMgPerML, "negative power of ten"},
		{"5 × 10^−3 mg/mL", "0.005 mg/mL", "5", -3, secretome.UnitMgPerML, "Unicode minus in power of ten"},
		{"1.2 × 10⁹ particles/mL", "1.2e9 particles/mL", "12", 8, secretome.UnitParticlesPerML, "superscript power of ten"},
		{"2.5×10⁻¹² g", "0.0000000000025 g", "25", -13, secretome.UnitG, "superscript negative power of ten without spaces"},
		{"3 x 10¹⁰ cells", "3e10 cells", "3", 10, secretome.UnitCells, "superscript one and zero"},
		{"2.5e-3 mg/mL", "0.0025 mg/mL", "25", -4, secretome.UnitMgPerML, "negative e-exponent prints fixed"},
		{"5%", "5 %", "5", 0, secretome.UnitPercent, "percent without space"},
		{"5 %", "5 %", "5", 0, secretome.UnitPercent, "percent with space"},
		{"0 %", "0 %", "0", 0, secretome.UnitPercent, "zero is a value, not absent"},
		{"-80 °C", "-80 °C", "-80", 0, secretome.UnitCelsius, "negative temperature"},
		{"−80 °C", "-80 °C", "-80", 0, secretome.UnitCelsius, "Unicode minus sign"},
		{"+4 °C", "4 °C", "4", 0, secretome.UnitCelsius, "explicit plus sign"},
		{"-80°C", "-80 °C", "-80", 0, secretome.UnitCelsius, "no space before degree"},
		{"4 Cel", "4 °C", "4", 0, secretome.UnitCelsius, "UCUM Celsius"},
		{"  7 d\t", "7 d", "7", 0, secretome.UnitDay, "surrounding white space"},
		{"5\u00a0mg/mL", "5 mg/mL", "5", 0, secretome.UnitMgPerML, "no-break space"},
		{"5\u202fmg/mL", "5 mg/mL", "5", 0, secretome.UnitMgPerML, "narrow no-break space"},
		{"5EU/mL", "5 EU/mL", "5", 0, secretome.UnitEUPerML, "E of EU is not an exponent"},
		{"5e1EU/mL", "5e1 EU/mL", "5", 1, secretome.UnitEUPerML, "exponent followed by EU"},
		{"pH 7.4", "7.4 pH", "74", -1, secretome.UnitPH, "pH written first"},
		{"pH7.40", "7.40 pH", "740", -2, secretome.UnitPH, "pH first without space"},
		{"7.4 pH", "7.4 pH", "74", -1, secretome.UnitPH, "pH written last"},
		{"300 mOsm/kg", "300 mOsm/kg", "300", 0, secretome.UnitMOsmPerKg, "osmolality"},
		{"24 months", "24 month", "24", 0, secretome.UnitMonth, "plural months"},
		{"00012 mg", "12 mg", "12", 0, secretome.UnitMg, "leading zeros dropped"},
		{"0.000 %", "0.000 %", "0", -3, secretome.UnitPercent, "zero keeps its decimals"},
		{"-0 %", "0 %", "0", 0, secretome.UnitPercent, "negative zero is zero"},
		{"123456789012345678901234567890 particles", "123456789012345678901234567890 particles", "123456789012345678901234567890", 0, secretome.UnitParticles, "beyond int64 stays exact"},
		{"-1234567890.12345678901 mg", "-1234567890.12345678901 mg", "-123456789012345678901", -11, secretome.UnitMg, "big negative with decimals"},
		{"1e64 pg/mL", "1e64 pg/mL", "1", 64, secretome.UnitPgPerML, "largest exponent"},
		{"1e-64 pg/mL", "0." + strings.Repeat("0", 63) + "1 pg/mL", "1", -64, secretome.UnitPgPerML, "smallest exponent"},
		{strings.Repeat("9", 64) + " mg", strings.Repeat("9", 64) + " mg", strings.Repeat("9", 64), 0, secretome.UnitMg, "64 significant digits"},
		{"0.0" + strings.Repeat("0", 60) + "1 mg", "0.0" + strings.Repeat("0", 60) + "1 mg", "1", -62, secretome.UnitMg, "leading zeros are not significant"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			q, err := secretome.ParseQuantity(tc.in)
			require.NoError(t, err, tc.reason)
			assert.Equal(t, tc.unit, q.Unit, tc.reason)
			assert.Equal(t, tc.coef, q.Value.Coefficient().String(), tc.reason)
			assert.Equal(t, tc.exp, q.Value.Exponent(), tc.reason)
			assert.Equal(t, tc.str, q.String(), tc.reason)
			assert.True(t, q.IsValid(), tc.reason)
			assert.False(t, q.IsZero(), tc.reason)

			back, err := secretome.ParseQuantity(q.String())
			require.NoError(t, err, "String re-parses: %s", tc.reason)
			assert.Equal(t, q.String(), back.String(), "String is stable: %s", tc.reason)
			assert.True(t, q.Equal(back), "String re-parses to an equal value: %s", tc.reason)
		})
	}
}

func TestParseQuantityInvalid(t *testing.T) {
	const (
		syntax  = "syntax"
		unknown = "unknown"
	)
	tests := []struct {
		in     string
		kind   string
		msg    string // substring of the message
		reason string
	}{
		{"", syntax, "empty quantity", "empty text"},
		{"   ", syntax, "empty quantity", "only white space"},
		{"mg/mL", syntax, "expected a number", "unit without number"},
		{"5", syntax, "missing unit", "number without unit"},
		{"5 ", syntax, "missing unit", "number and space without unit"},
		{"1.2.3 mg/mL", syntax, "at most one decimal point", "two decimal points"},
		{"1,5 %", syntax, "decimal comma", "decimal comma"},
		{"1 000 mg", syntax, "digits separated by space", "digit group with space"},
		{".5 mg", syntax, "must start with a digit", "no leading digit"},
		{"5. mg", syntax, "followed by digits", "point without fraction"},
		{"-mg", syntax, "expected a number", "sign without digits"},
		{"--5 mg", syntax, "expected a number", "double sign"},
		{"5 - 10 mg", syntax, "malformed number", "range is not a quantity"},
		{"NaN mg", syntax, "expected a number", "NaN"},
		{"Inf %", syntax, "expected a number", "infinity"},
		{"0x10 mg", syntax, "missing exponent after × 10", "hex reads as 0 × 10 without a power"},
		{"1e999999999 mg/mL", syntax, "exponent out of range", "huge exponent"},
		{"1e-65 mg/mL", syntax, "exponent out of range", "one below the smallest exponent"},
		{"1e65 mg/mL", syntax, "exponent out of range", "one above the largest exponent"},
		{"9 × 10^65 mg/mL", syntax, "exponent out of range", "huge power of ten"},
		{"1e3 × 10^3 mg", syntax, "both an e-exponent", "two exponents"},
		{"1 × 10^ mg", syntax, "missing exponent after × 10", "power of ten without digits"},
		{"1 × 10 mg", syntax, "missing exponent after × 10", "times ten without power"},
		{"1 × 10⁹⁹ mg", syntax, "exponent out of range", "superscript exponent out of range"},
		{strings.Repeat("9", 65) + " mg", syntax, "more than 64 significant digits", "too many digits"},
		{strings.Repeat("0", 201) + "1 mg", syntax, "longer than 200 bytes", "overlong literal"},
		{"pH 7.4 pH", syntax, "after pH value", "pH twice"},
		{"5 ug/dl", unknown, `unknown unit "ug/dl"`, "unknown unit"},
		{"5 MG/ML", unknown, `did you mean "mg/mL"`, "wrong case suggests"},
		{"5 K", unknown, `unknown unit "K"`, "kelvin not supported"},
		{"5 mg / mL", unknown, `unknown unit "mg / mL"`, "spaces inside the unit"},
		{"1.2e mg", unknown, `unknown unit "e mg"`, "dangling e becomes unit text"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			q, err := secretome.ParseQuantity(tc.in)
			require.Error(t, err, tc.reason)
			assert.True(t, q.IsZero(), "no partial result: %s", tc.reason)
			var se *secretome.QuantitySyntaxError
			var ue *secretome.UnknownUnitError
			switch tc.kind {
			case syntax:
				require.ErrorAs(t, err, &se, tc.reason)
				assert.False(t, errors.As(err, &ue), tc.reason)
				assert.Equal(t, tc.in, se.Text, tc.reason)
				assert.GreaterOrEqual(t, se.Offset, 0, tc.reason)
				assert.LessOrEqual(t, se.Offset, len(tc.in), tc.reason)
			case unknown:
				require.ErrorAs(t, err, &ue, tc.reason)
				assert.False(t, errors.As(err, &se), tc.reason)
			}
			assert.Contains(t, err.Error(), tc.msg, tc.reason)
			assert.Panics(t, func() { secretome.MustParseQuantity(tc.in) }, tc.reason)
		})
	}
}

func TestSyntaxErrorOffset(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		reason string
	}{
		{"1.2.3 mg/mL", 3, "second point"},
		{"  1.2.3 mg/mL", 5, "leading spaces count"},
		{"5", 1, "unit expected at the end"},
		{"pH x", 3, "number expected after pH prefix"},
	}
	for _, tc := range tests {
		_, err := secretome.ParseQuantity(tc.in)
		var se *secretome.QuantitySyntaxError
		require.ErrorAs(t, err, &se, tc.reason)
		assert.Equal(t, tc.offset, se.Offset, tc.reason)
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		in     string
		to     secretome.Unit
		want   string
		reason string
	}{
		{"1200 pg/mL", secretome.UnitNgPerML, "1.200 ng/mL", "finer to coarser keeps the input's digits"},
		{"1.20 mg/mL", secretome.UnitUgPerML, "1200 µg/mL", "coarser to finer writes the value out"},
		{"1 mg/mL", secretome.UnitPgPerML, "1000000000 pg/mL", "nine orders of magnitude"},
		{"1 mg/mL", secretome.UnitGPerL, "1 g/L", "equal scales"},
		{"50 ng/µL", secretome.UnitUgPerML, "50 µg/mL", "ng/µL equals µg/mL"},
		{"3 pg/mL", secretome.UnitMgPerML, "0.000000003 mg/mL", "small result is exact"},
		{"1.2e9 particles/mL", secretome.UnitParticlesPerUL, "1.2e6 particles/µL", "scientific input stays scientific"},
		{"1.2e9 particles/mL", secretome.UnitParticlesPerL, "1.2e12 particles/L", "coarser volume, more particles"},
		{"0.22 µm", secretome.UnitNm, "220 nm", "filter pore size"},
		{"250 µL", secretome.UnitML, "0.250 mL", "volume"},
		{"2 kg", secretome.UnitPg, "2000000000000000 pg", "fifteen orders of magnitude"},
		{"0.1 EU/µg", secretome.UnitEUPerMg, "100 EU/mg", "endotoxin per protein mass"},
		{"36 h", secretome.UnitDay, "1.5 d", "division by 24 that terminates"},
		{"48 h", secretome.UnitDay, "2 d", "whole days"},
		{"1.5 h", secretome.UnitDay, "0.0625 d", "terminating binary fraction"},
		{"2 d", secretome.UnitHour, "48 h", "multiplication"},
		{"90 min", secretome.UnitHour, "1.5 h", "division by 60"},
		{"1 wk", secretome.UnitSecond, "604800 s", "week in seconds"},
		{"2 year", secretome.UnitMonth, "24 month", "years to months"},
		{"18 months", secretome.UnitYear, "1.5 year", "months to years terminates"},
		{"3 months", secretome.UnitYear, "0.25 year", "quarter year"},
		{"-80 °C", secretome.UnitCelsius, "-80 °C", "same unit is identity"},
		{"1e64 pg/mL", secretome.UnitGPerL, "1e55 g/L", "largest exponent scaled"},
		{"1e-64 g/L", secretome.UnitPgPerML, "0." + strings.Repeat("0", 54) + "1 pg/mL", "smallest exponent scaled"},
		{"123456789012345678901234567890 pg/mL", secretome.UnitMgPerML, "123456789012345678901.234567890 mg/mL", "big coefficient"},
		{"-1.5 mg", secretome.UnitUg, "-1500 µg", "negative value"},
		{"123456789012345678901234567890 mg/mL", secretome.UnitPgPerML, "123456789012345678901234567890000000000 pg/mL", "big coefficient written out"},
		{"99999999999999999 g/L", secretome.UnitPgPerML, "99999999999999999000000000 pg/mL", "beyond int64 after scaling"},
		{"999999999 g/L", secretome.UnitPgPerML, "999999999000000000 pg/mL", "just within int64 after scaling"},
		{"-7 m", secretome.UnitNm, "-7000000000 nm", "negative written out"},
		{"1.5e-3 d", secretome.UnitSecond, "129.6000 s", "days to seconds keeps input precision"},
	}
	for _, tc := range tests {
		t.Run(tc.in+" to "+tc.to.String(), func(t *testing.T) {
			q := secretome.MustParseQuantity(tc.in)
			got, err := q.Convert(tc.to)
			require.NoError(t, err, tc.reason)
			assert.Equal(t, tc.want, got.String(), tc.reason)
			assert.Equal(t, tc.to, got.Unit, tc.reason)
			c, err := got.Cmp(q)
			require.NoError(t, err, tc.reason)
			assert.Zero(t, c, "conversion is exact: %s", tc.reason)
			back, err := got.Convert(q.Unit)
			require.NoError(t, err, "converting back is exact: %s", tc.reason)
			assert.True(t, back.Equal(q), "round trip keeps the value: %s", tc.reason)
			assert.Equal(t, q.String(), secretome.MustParseQuantity(q.String()).String(), tc.reason)
		})
	}
}

func TestConvertErrors(t *testing.T) {
	tests := []struct {
		in        string
		to        secretome.Unit
		dimension bool // else inexact
		msg       string
		reason    string
	}{
		{"5 ng/mL", secretome.UnitNm, true, "cannot convert ng/mL (mass concentration) to nm (length)", "different dimensions"},
		{"5 IU/mL", secretome.UnitUPerML, true, "IU/mL (iu concentration) to U/mL (u concentration)", "IU and U are never converted"},
		{"1 month", secretome.UnitDay, true, "month (calendar duration) to d (duration)", "a month is not a fixed number of days"},
		{"5 cells", secretome.UnitParticles, true, "cells (cell count) to particles (count)", "cells are not particles"},
		{"5 cells/mL", secretome.UnitParticlesPerML, true, "cell concentration", "cell and particle concentrations differ"},
		{"5 EU/mL", secretome.UnitEUPerKg, true, "endotoxin per mass", "endotoxin per volume is not per mass"},
		{"5 mg", secretome.UnitNone, true, "to no unit (none)", "no target unit"},
		{"1 h", secretome.UnitDay, false, "1 h in d", "1/24 has no finite decimal form"},
		{"1 d", secretome.UnitWeek, false, "1 d in wk", "1/7 has no finite decimal form"},
		{"1 month", secretome.UnitYear, false, "1 month in year", "1/12 has no finite decimal form"},
		{"10 min", secretome.UnitHour, false, "10 min in h", "1/6 has no finite decimal form"},
	}
	for _, tc := range tests {
		t.Run(tc.in+" to "+tc.to.String(), func(t *testing.T) {
			q := secretome.MustParseQuantity(tc.in)
			got, err := q.Convert(tc.to)
			require.Error(t, err, tc.reason)
			assert.True(t, got.IsZero(), "no partial result: %s", tc.reason)
			var de *secretome.DimensionError
			if tc.dimension {
				require.ErrorAs(t, err, &de, tc.reason)
				assert.Equal(t, q.Unit, de.From, tc.reason)
				assert.Equal(t, tc.to, de.To, tc.reason)
			} else {
				assert.ErrorIs(t, err, secretome.ErrInexact, tc.reason)
				assert.False(t, errors.As(err, &de), tc.reason)
			}
			assert.Contains(t, err.Error(), tc.msg, tc.reason)
		})
	}
	_, err := secretome.Quantity{}.Convert(secretome.UnitMg)
	var de *secretome.DimensionError
	assert.ErrorAs(t, err, &de, "the zero Quantity has no dimension")
	huge := secretome.NewQuantity(decimal.New(1, math.MaxInt32), secretome.UnitMg)
	_, err = huge.Convert(secretome.UnitPg)
	assert.ErrorIs(t, err, secretome.ErrOutOfRange, "exponent overflow is an error, not a panic")
}

func TestCmp(t *testing.T) {
	tests := []struct {
		a, b   string
		want   int
		reason string
	}{
		{"1 mg/mL", "1000 µg/mL", 0, "equal across units"},
		{"1.0 mg/mL", "1 g/L", 0, "equal with different digits"},
		{"999 µg/mL", "1 mg/mL", -1, "smaller across units"},
		{"1001 µg/mL", "1 mg/mL", 1, "larger across units"},
		{"1200 pg/mL", "1.2 ng/mL", 0, "pg and ng"},
		{"1.2e9 particles/mL", "1.2e12 particles/L", 0, "scientific across units"},
		{"1.2e9 particles/mL", "1200000000 particles/mL", 0, "scientific against fixed"},
		{"-80 °C", "-20 °C", -1, "negative temperatures"},
		{"0 %", "-0.0 %", 0, "zero equals negative zero"},
		{"36 h", "1.5 d", 0, "hours and days"},
		{"1 h", "61 min", -1, "hours and minutes"},
		{"1 d", "86401 s", -1, "day and seconds"},
		{"1 year", "12 months", 0, "year and months"},
		{"1e64 pg/mL", "1e-64 g/L", 1, "extreme exponents"},
		{"-1e64 pg/mL", "1e-64 g/L", -1, "extreme exponents with signs"},
		{"0.5 EU/kg", "0.0000000005 EU/µg", 0, "endotoxin per mass across prefixes"},
	}
	for _, tc := range tests {
		t.Run(tc.a+" vs "+tc.b, func(t *testing.T) {
			a, b := secretome.MustParseQuantity(tc.a), secretome.MustParseQuantity(tc.b)
			got, err := a.Cmp(b)
			require.NoError(t, err, tc.reason)
			assert.Equal(t, tc.want, got, tc.reason)
			rev, err := b.Cmp(a)
			require.NoError(t, err, tc.reason)
			assert.Equal(t, -tc.want, rev, "antisymmetric: %s", tc.reason)
			assert.Equal(t, tc.want == 0, a.Equal(b), "Equal agrees with Cmp: %s", tc.reason)
		})
	}
}

func TestCmpErrors(t *testing.T) {
	tests := []struct {
		a, b   secretome.Quantity
		reason string
	}{
		{secretome.MustParseQuantity("1 ng/mL"), secretome.MustParseQuantity("1 nm"), "different dimensions"},
		{secretome.MustParseQuantity("1 IU/mL"), secretome.MustParseQuantity("1 U/mL"), "IU against U"},
		{secretome.MustParseQuantity("1 month"), secretome.MustParseQuantity("30 d"), "month against days"},
		{secretome.Quantity{}, secretome.MustParseQuantity("1 mg"), "zero Quantity has no unit"},
	}
	for _, tc := range tests {
		_, err := tc.a.Cmp(tc.b)
		var de *secretome.DimensionError
		assert.ErrorAs(t, err, &de, tc.reason)
		assert.False(t, tc.a.Equal(tc.b), "not equal: %s", tc.reason)
	}
	assert.True(t, secretome.Quantity{}.Equal(secretome.Quantity{}), "two absent quantities are equal")
}

func TestAddSub(t *testing.T) {
	tests := []struct {
		a, b     string
		sum, dif string
		reason   string
	}{
		{"1 mg/mL", "500 µg/mL", "1500 µg/mL", "500 µg/mL", "result in the finer unit"},
		{"1.5 d", "12 h", "48 h", "24 h", "days and hours"},
		{"0.1 %", "0.2 %", "0.3 %", "-0.1 %", "exact decimal sum"},
		{"1.2e9 particles/mL", "1 particles/mL", "1200000001 particles/mL", "1199999999 particles/mL", "scientific and plain"},
	}
	for _, tc := range tests {
		a, b := secretome.MustParseQuantity(tc.a), secretome.MustParseQuantity(tc.b)
		sum, err := a.Add(b)
		require.NoError(t, err, tc.reason)
		assert.True(t, sum.Equal(secretome.MustParseQuantity(tc.sum)), "sum %s: %s", sum, tc.reason)
		assert.Equal(t, secretome.MustParseQuantity(tc.sum).Unit, sum.Unit, tc.reason)
		dif, err := a.Sub(b)
		require.NoError(t, err, tc.reason)
		assert.True(t, dif.Equal(secretome.MustParseQuantity(tc.dif)), "difference %s: %s", dif, tc.reason)
	}
	_, err := secretome.MustParseQuantity("1 mg").Add(secretome.MustParseQuantity("1 mL"))
	var de *secretome.DimensionError
	assert.ErrorAs(t, err, &de, "mass plus volume")
	_, err = secretome.MustParseQuantity("1 mg").Sub(secretome.MustParseQuantity("1 month"))
	assert.ErrorAs(t, err, &de, "mass minus month")
}

func TestZeroAndValidity(t *testing.T) {
	var zero secretome.Quantity
	assert.True(t, zero.IsZero(), "zero value is absent")
	assert.False(t, zero.IsValid(), "absent is not valid")
	assert.Equal(t, "", zero.String(), "absent prints empty")
	assert.Equal(t, secretome.DimensionNone, zero.Dimension(), "absent has no dimension")
	pct := secretome.NewQuantity(decimal.Zero, secretome.UnitPercent)
	assert.False(t, pct.IsZero(), "0 % is a value")
	assert.True(t, pct.IsValid(), "0 % is valid")
	assert.Equal(t, secretome.DimensionFraction, pct.Dimension(), "percent is a fraction")
	noUnit := secretome.NewQuantity(decimal.New(5, 0), secretome.UnitNone)
	assert.False(t, noUnit.IsZero(), "a value without unit is not absent")
	assert.False(t, noUnit.IsValid(), "a value without unit is invalid")
	big := secretome.NewQuantity(decimal.New(1, 65), secretome.UnitMg)
	assert.False(t, big.IsValid(), "exponent beyond the bound")
}

func TestQuantityMarshalJSON(t *testing.T) {
	tests := []struct {
		q      secretome.Quantity
		want   string
		reason string
	}{
		{secretome.MustParseQuantity("1.20 mg/mL"), `{"value":"1.20","unit":"mg/mL"}`, "digits as held"},
		{secretome.MustParseQuantity("1.2e9 p/mL"), `{"value":"1.2e9","unit":"particles/mL"}`, "scientific value, canonical unit"},
		{secretome.MustParseQuantity("-80 Cel"), `{"value":"-80","unit":"°C"}`, "non-ASCII symbol as UTF-8"},
		{secretome.MustParseQuantity("0 %"), `{"value":"0","unit":"%"}`, "zero percent is not null"},
		{secretome.Quantity{}, `null`, "absent is null"},
		{secretome.NewQuantity(decimal.New(-5, -1), secretome.UnitUgPerML), `{"value":"-0.5","unit":"µg/mL"}`, "negative fraction below one"},
	}
	for _, tc := range tests {
		b, err := json.Marshal(tc.q)
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.want, string(b), tc.reason)
	}

	type doc struct {
		Q secretome.Quantity `json:"q,omitzero"`
	}
	b, err := json.Marshal(doc{})
	require.NoError(t, err, "omitzero")
	assert.Equal(t, `{}`, string(b), "absent quantity omitted with omitzero")

	bad := []struct {
		q      secretome.Quantity
		reason string
	}{
		{secretome.NewQuantity(decimal.New(1, 65), secretome.UnitMg), "exponent too large to read back"},
		{secretome.NewQuantity(decimal.New(1, -65), secretome.UnitMg), "exponent too small to read back"},
		{secretome.NewQuantity(decimal.RequireFromString(strings.Repeat("9", 65)), secretome.UnitMg), "too many digits to read back"},
		{secretome.NewQuantity(decimal.New(1, 0), secretome.UnitNone), "value without unit"},
		{secretome.NewQuantity(decimal.New(1, 0), secretome.Unit(999)), "undefined unit"},
	}
	for _, tc := range bad {
		_, err := json.Marshal(tc.q)
		assert.Error(t, err, tc.reason)
		_, err = tc.q.MarshalText()
		assert.Error(t, err, tc.reason)
	}
}

func TestQuantityUnmarshalJSON(t *testing.T) {
	tests := []struct {
		in     string
		want   string // String() of the result
		reason string
	}{
		{`{"value":"1.20","unit":"mg/mL"}`, "1.20 mg/mL", "canonical object"},
		{`{"unit":"mg/mL","value":"1.20"}`, "1.20 mg/mL", "field order is free"},
		{`{"value":1.20,"unit":"mg/mL"}`, "1.20 mg/mL", "JSON number keeps its digits"},
		{`{"value":1.2e9,"unit":"particles/mL"}`, "1.2e9 particles/mL", "JSON number with exponent"},
		{`{"value":-0.5,"unit":"ug/ml"}`, "-0.5 µg/mL", "negative JSON number, alias unit"},
		{`{"value":12345678901234567890123,"unit":"particles"}`, "12345678901234567890123 particles", "JSON number beyond float64 precision"},
		{` { "value" : "5" , "unit" : "%" } `, "5 %", "white space everywhere"},
		{`{"value":"5","unit":"\u00b5g/mL"}`, "5 µg/mL", "escaped unit"},
		{`{"\u0076alue":"5","unit":"%"}`, "5 %", "escaped key"},
		{`"1200 pg/mL"`, "1200 pg/mL", "string form"},
		{`"1.2 × 10^9 particles/mL"`, "1.2e9 particles/mL", "string form with times ten"},
		{`"5 \u00b0C"`, "5 °C", "escaped string form"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var q secretome.Quantity
			require.NoError(t, json.Unmarshal([]byte(tc.in), &q), tc.reason)
			assert.Equal(t, tc.want, q.String(), tc.reason)
			var direct secretome.Quantity
			require.NoError(t, direct.UnmarshalJSON([]byte(tc.in)), "direct call: %s", tc.reason)
			assert.Equal(t, tc.want, direct.String(), tc.reason)
		})
	}

	q := secretome.MustParseQuantity("5 mg")
	require.NoError(t, q.UnmarshalJSON([]byte("null")), "null is accepted")
	assert.Equal(t, "5 mg", q.String(), "null leaves the value unchanged")
	var d struct {
		Q secretome.Quantity `json:"q"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"q":null}`), &d), "null in a struct")
	assert.True(t, d.Q.IsZero(), "null leaves the field absent")
}

func TestQuantityUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		in       string
		field    string // FieldError.Field, "" when not a field error
		sentinel error
		syntax   bool // wraps *QuantitySyntaxError
		unknown  bool // wraps *UnknownUnitError
		msg      string
		reason   string
	}{
		{`{"value":"1","unit":"mg/mL","x":1}`, "x", secretome.ErrUnknownField, false, false, "x: unknown field", "unknown field named"},
		{`{"Value":"1","unit":"mg/mL"}`, "Value", secretome.ErrUnknownField, false, false, "Value: unknown field", "field names are case-sensitive"},
		{`{"value":"1"}`, "unit", secretome.ErrMissing, false, false, "unit: missing", "missing unit"},
		{`{"unit":"mg/mL"}`, "value", secretome.ErrMissing, false, false, "value: missing", "missing value"},
		{`{}`, "value", secretome.ErrMissing, false, false, "value: missing", "empty object"},
		{`{"value":"","unit":"mg/mL"}`, "value", secretome.ErrMissing, false, false, "value: missing", "empty value string"},
		{`{"value":"1","unit":""}`, "unit", secretome.ErrMissing, false, false, "unit: missing", "empty unit string"},
		{`{"value":"1","value":"2","unit":"mg"}`, "value", secretome.ErrDuplicateField, false, false, "value: duplicate field", "duplicate value"},
		{`{"unit":"mg","value":"1","unit":"g"}`, "unit", secretome.ErrDuplicateField, false, false, "unit: duplicate field", "duplicate unit"},
		{`{"value":true,"unit":"mg"}`, "value", secretome.ErrWrongType, false, false, "got a boolean", "boolean value"},
		{`{"value":null,"unit":"mg"}`, "value", secretome.ErrWrongType, false, false, "got null", "null value"},
		{`{"value":["1"],"unit":"mg"}`, "value", secretome.ErrWrongType, false, false, "got an array", "array value"},
		{`{"value":"1","unit":5}`, "unit", secretome.ErrWrongType, false, false, "want a string, got a number", "number unit"},
		{`{"value":"1","unit":"ug/dl"}`, "unit", nil, false, true, `unit: unknown unit "ug/dl"`, "unknown unit"},
		{`{"value":"1.2.3","unit":"mg"}`, "value", nil, true, false, "value: syntax error", "two points"},
		{`{"value":"NaN","unit":"mg"}`, "value", nil, true, false, "expected a number", "NaN"},
		{`{"value":"Inf","unit":"mg"}`, "value", nil, true, false, "expected a number", "infinity"},
		{`{"value":"0x10","unit":"mg"}`, "value", nil, true, false, "unexpected 'x' after number", "hex"},
		{`{"value":"1e999999999","unit":"mg"}`, "value", nil, true, false, "exponent out of range", "huge exponent"},
		{`{"value":1e999999999,"unit":"mg"}`, "value", nil, true, false, "exponent out of range", "huge exponent as number"},
		{`{"value":"+5","unit":"mg"}`, "value", nil, true, false, "expected a number", "plus sign not in the value field"},
		{`{"value":"5 mg","unit":"mg"}`, "value", nil, true, false, "after number", "unit inside value"},
		{`{"value":"1 × 10^3","unit":"mg"}`, "value", nil, true, false, "after number", "times ten only in the text form"},
		{`{"value":"1e","unit":"mg"}`, "value", nil, true, false, "missing exponent digits", "dangling exponent"},
		{`"1.2.3 mg"`, "", nil, true, false, "at most one decimal point", "string form syntax error"},
		{`"5 ug/dl"`, "", nil, false, true, `unknown unit "ug/dl"`, "string form unknown unit"},
		{`5`, "", secretome.ErrWrongType, false, false, "not a number", "bare number"},
		{`["5 mg"]`, "", secretome.ErrWrongType, false, false, "not an array", "array"},
		{`true`, "", secretome.ErrWrongType, false, false, "not a boolean", "boolean"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var q secretome.Quantity
			err := json.Unmarshal([]byte(tc.in), &q)
			require.Error(t, err, tc.reason)
			assert.True(t, q.IsZero(), "nothing stored on error: %s", tc.reason)
			err = q.UnmarshalJSON([]byte(tc.in)) // without encoding/json's wrapping
			require.Error(t, err, tc.reason)
			assert.Contains(t, err.Error(), tc.msg, tc.reason)
			var fe *secretome.FieldError
			if tc.field != "" {
				require.ErrorAs(t, err, &fe, tc.reason)
				assert.Equal(t, tc.field, fe.Field, tc.reason)
				assert.True(t, strings.HasPrefix(err.Error(), tc.field+": "), "message starts with the field: %s", tc.reason)
			} else {
				assert.False(t, errors.As(err, &fe), "not a field error: %s", tc.reason)
			}
			if tc.sentinel != nil {
				assert.ErrorIs(t, err, tc.sentinel, tc.reason)
			}
			var se *secretome.QuantitySyntaxError
			assert.Equal(t, tc.syntax, errors.As(err, &se), "syntax error: %s", tc.reason)
			var ue *secretome.UnknownUnitError
			assert.Equal(t, tc.unknown, errors.As(err, &ue), "unknown unit: %s", tc.reason)
		})
	}
}

// UnmarshalJSON is also called directly (by strictjson and by the fuzzer)
// with bytes no JSON decoder checked; they must fail cleanly.
func TestQuantityUnmarshalJSONMalformed(t *testing.T) {
	tests := []struct {
		in     string
		reason string
	}{
		{``, "empty input"},
		{`   `, "only space"},
		{`{`, "unclosed object"},
		{`{"value"`, "no colon"},
		{`{"value":`, "no value"},
		{`{"value":"1"`, "no closing brace"},
		{`{"value":"1" "unit":"mg"}`, "no comma"},
		{`{"value":"1",}`, "trailing comma"},
		{`{,}`, "comma first"},
		{`{value:"1"}`, "unquoted key"},
		{`{"value":"1","unit":"mg"} x`, "trailing data"},
		{`"1 mg" "2 mg"`, "two strings"},
		{`"1 mg`, "unterminated string"},
		{`"\`, "lone backslash"},
		{`"1 mg\q"`, "bad escape"},
		{"\"1\x01mg\"", "control character"},
		{"\"1 \xff\"", "invalid UTF-8"},
		{`nul`, "truncated null"},
		{`null x`, "data after null"},
	}
	for _, tc := range tests {
		var q secretome.Quantity
		assert.Error(t, q.UnmarshalJSON([]byte(tc.in)), tc.reason)
		assert.True(t, q.IsZero(), tc.reason)
	}
}

func TestQuantityJSONRoundTrip(t *testing.T) {
	inputs := []string{
		`{"value":"1.20","unit":"mg/mL"}`,
		`{"value":1.20,"unit":"ug/ml"}`,
		`{"value":"1.2E+9","unit":"p/mL"}`,
		`{"value":"-0.000","unit":"Cel"}`,
		`"1.2 × 10^9 particles/mL"`,
		`"pH 7.40"`,
		`{"value":"1e-64","unit":"g/L"}`,
		`{"value":"1e64","unit":"g/L"}`,
		`{"value":"` + strings.Repeat("7", 64) + `","unit":"cells"}`,
	}
	for _, in := range inputs {
		var q secretome.Quantity
		require.NoError(t, json.Unmarshal([]byte(in), &q), in)
		first, err := json.Marshal(q)
		require.NoError(t, err, in)
		var q2 secretome.Quantity
		require.NoError(t, json.Unmarshal(first, &q2), in)
		second, err := json.Marshal(q2)
		require.NoError(t, err, in)
		assert.Equal(t, string(first), string(second), "byte-stable: %s", in)
		assert.Equal(t, q.Value.Exponent(), q2.Value.Exponent(), "digits kept: %s", in)
		assert.True(t, q.Equal(q2), "value-exact: %s", in)
	}
}

func TestQuantityText(t *testing.T) {
	q := secretome.MustParseQuantity("1.20 ug/ml")
	b, err := q.MarshalText()
	require.NoError(t, err, "valid quantity")
	assert.Equal(t, "1.20 µg/mL", string(b), "canonical text")
	var back secretome.Quantity
	require.NoError(t, back.UnmarshalText(b), "canonical text re-parses")
	assert.Equal(t, string(b), back.String(), "text round trip")

	b, err = secretome.Quantity{}.MarshalText()
	require.NoError(t, err, "absent quantity")
	assert.Empty(t, b, "absent quantity is empty text")
	require.NoError(t, back.UnmarshalText(nil), "empty text")
	assert.True(t, back.IsZero(), "empty text is absent")

	err = back.UnmarshalText([]byte("5 ug/dl"))
	var ue *secretome.UnknownUnitError
	assert.ErrorAs(t, err, &ue, "unknown unit in text")
	err = back.UnmarshalText([]byte("5"))
	var se *secretome.QuantitySyntaxError
	assert.ErrorAs(t, err, &se, "missing unit in text")
}

func TestErrorTypesMessages(t *testing.T) {
	fe := &secretome.FieldError{Field: "unit", Err: &secretome.UnknownUnitError{Text: "ug/dl"}}
	assert.True(t, strings.HasPrefix(fe.Error(), `unit: unknown unit "ug/dl"`), "field error message")
	var ue *secretome.UnknownUnitError
	assert.ErrorAs(t, fe, &ue, "field error unwraps")
	de := &secretome.DimensionError{From: secretome.UnitNgPerML, To: secretome.UnitNm}
	assert.Equal(t, "cannot convert ng/mL (mass concentration) to nm (length)", de.Error(), "dimension error message")
	se := &secretome.QuantitySyntaxError{Text: "1.2.3 mg", Offset: 3, Msg: "a number has at most one decimal point"}
	assert.Equal(t, `syntax error in "1.2.3 mg" at byte 3: a number has at most one decimal point`, se.Error(), "syntax error message")
}

// The project's strict decoder extends the path with FieldError.Field and
// takes the problem code from StrictCode; check the codes end to end.
func TestQuantityDecoderIssues(t *testing.T) {
	type doc struct {
		Dose secretome.Quantity `json:"dose"`
	}
	tests := []struct {
		in     string
		path   string
		code   secretome.Code
		reason string
	}{
		{`{"dose":{"value":"1","unit":"ug/dl"}}`, "dose.unit", secretome.CodeEnum, "unknown unit"},
		{`{"dose":{"value":"1.2.3","unit":"mg"}}`, "dose.value", secretome.CodeNumber, "malformed value"},
		{`{"dose":{"value":"1e999","unit":"mg"}}`, "dose.value", secretome.CodeNumber, "value out of range"},
		{`{"dose":{"value":"1"}}`, "dose.unit", secretome.CodeRequired, "missing unit"},
		{`{"dose":{"unit":"mg"}}`, "dose.value", secretome.CodeRequired, "missing value"},
		{`{"dose":{"value":"1","unit":"mg","x":1}}`, "dose.x", secretome.CodeUnknownField, "unknown field"},
		{`{"dose":{"value":true,"unit":"mg"}}`, "dose.value", secretome.CodeType, "wrong type"},
		{`{"dose":"1,5 mg"}`, "dose", secretome.CodeFormat, "malformed text form"},
		{`{"dose":"5 MG"}`, "dose", secretome.CodeEnum, "unknown unit in text form"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var d doc
			issues := strictjson.Decode([]byte(tc.in), &d, strictjson.Options{})
			require.Len(t, issues, 1, tc.reason)
			assert.Equal(t, tc.path, issues[0].Path, tc.reason)
			assert.Equal(t, string(tc.code), issues[0].Code, tc.reason)
		})
	}
	var d doc
	require.Empty(t, strictjson.Decode([]byte(`{"dose":{"value":1.50,"unit":"mg"}}`), &d, strictjson.Options{}), "valid document")
	assert.Equal(t, "1.50 mg", d.Dose.String(), "digits kept through the decoder")
}

// Values built in code may lie far outside the parse bounds; Cmp must stay
// correct and cheap on them.
func TestCmpFarExponents(t *testing.T) {
	mg := func(c int64, e int32) secretome.Quantity {
		return secretome.NewQuantity(decimal.New(c, e), secretome.UnitMg)
	}
	tests := []struct {
		a, b   secretome.Quantity
		want   int
		reason string
	}{
		{mg(5, 100000), mg(7, -100000), 1, "huge against tiny"},
		{mg(-5, 100000), mg(-7, -100000), -1, "negative huge against negative tiny"},
		{mg(5, -100000), mg(7, 100000), -1, "tiny against huge"},
		{mg(1, 1000), mg(10, 999), 0, "same value, exponents 1 apart"},
		{mg(1, 1000), secretome.NewQuantity(decimal.New(1, 997), secretome.UnitG), 0, "same value across units"},
		{mg(0, 100000), mg(0, -100000), 0, "zeros with far exponents"},
		{secretome.NewQuantity(decimal.RequireFromString("1"+strings.Repeat("0", 250)), secretome.UnitMg), mg(1, 250), 0, "same leading digit position, far exponents"},
		{secretome.NewQuantity(decimal.RequireFromString("2"+strings.Repeat("0", 250)), secretome.UnitMg), mg(1, 250), 1, "same leading digit position, larger"},
		{mg(0, 100000), mg(-1, -100000), 1, "zero against negative"},
	}
	for _, tc := range tests {
		got, err := tc.a.Cmp(tc.b)
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.want, got, tc.reason)
	}
	huge := secretome.NewQuantity(decimal.New(1, math.MaxInt32), secretome.UnitG)
	_, err := huge.Cmp(mg(1, 0))
	assert.ErrorIs(t, err, secretome.ErrOutOfRange, "base value would overflow the exponent")
	_, err = mg(1, 0).Cmp(huge)
	assert.ErrorIs(t, err, secretome.ErrOutOfRange, "overflow on the right side")
	_, err = mg(1, 1000).Add(mg(1, -1000))
	assert.ErrorIs(t, err, secretome.ErrOutOfRange, "Add refuses to align far exponents")
	_, err = huge.Add(mg(1, 0))
	assert.ErrorIs(t, err, secretome.ErrOutOfRange, "Add reports conversion overflow")
}

func TestStrictCodes(t *testing.T) {
	type coder interface{ StrictCode() string }
	tests := []struct {
		err    error
		want   secretome.Code
		reason string
	}{
		{&secretome.DimensionError{From: secretome.UnitMg, To: secretome.UnitML}, secretome.CodeUnit, "wrong dimension"},
		{&secretome.UnknownUnitError{Text: "x"}, secretome.CodeEnum, "unknown unit"},
		{&secretome.QuantitySyntaxError{Text: "x"}, secretome.CodeFormat, "text form syntax"},
		{secretome.ErrMissing, secretome.CodeRequired, "missing field"},
		{secretome.ErrUnknownField, secretome.CodeUnknownField, "unknown field"},
		{secretome.ErrDuplicateField, secretome.CodeDuplicate, "duplicate field"},
		{secretome.ErrWrongType, secretome.CodeType, "wrong type"},
	}
	for _, tc := range tests {
		c, ok := tc.err.(coder)
		require.True(t, ok, tc.reason)
		assert.Equal(t, string(tc.want), c.StrictCode(), tc.reason)
	}
}

// TestConvertOutOfRange: a result beyond the documented digit or exponent
// bounds is ErrOutOfRange, never a value that ParseQuantity would refuse.
func TestConvertOutOfRange(t *testing.T) {
	tests := []struct{ in, to, why string }{
		{"1e-64 pg/mL", "mg/mL", "the exponent would pass -64"},
		{"1e64 mg/mL", "pg/mL", "the exponent would pass 64"},
		{"1" + strings.Repeat("0", 60) + " mg/mL", "pg/mL", "written out in full, the digits would pass 64"},
	}
	for _, tt := range tests {
		q := secretome.MustParseQuantity(tt.in)
		_, err := q.Convert(secretome.MustParseUnit(tt.to))
		assert.ErrorIs(t, err, secretome.ErrOutOfRange, tt.why)
	}
	ok, err := secretome.MustParseQuantity("1.5 mg/mL").Convert(secretome.MustParseUnit("ng/mL"))
	require.NoError(t, err)
	assert.Equal(t, "1500000 ng/mL", ok.String())
}

// TestQuantityJSONErrorsIndonesian checks that the errors of a
// quantity's own JSON reader are catalogued: English as before, and in
// Bahasa Indonesia through message.Of.
func TestQuantityJSONErrorsIndonesian(t *testing.T) {
	var q secretome.Quantity
	err := q.UnmarshalJSON([]byte(`{"value":"1" "unit":"mg/mL"}`))
	assert.EqualError(t, err, "invalid JSON for quantity at byte 13: want ',' or '}'")
	assert.Equal(t, "JSON kuantitas tidak sah di bita ke-13: seharusnya ',' atau '}'", message.Of(err).In(language.Indonesian))
}

func TestQuantityDecodeJSONPrefix(t *testing.T) {
	tests := []struct {
		in, why string
		n       int // bytes read; 0 when the prefix read must refuse
		want    string
	}{
		{`{"value":"1.20","unit":"mg/mL"},"next":1`, "string value, the usual form, followed by more", 31, "1.20 mg/mL"},
		{`{"value":1.20,"unit":"mg/mL"}`, "number value keeps its digits", 29, "1.20 mg/mL"},
		{"{\n  \"unit\": \"%\",\n  \"value\": \"5\"\n}]", "fields in the other order, pretty-printed", 33, "5 %"},
		{`{"value":"5","unit":"°C"}`, "a unit spelled with non-ASCII", 26, "5 °C"},
		{`{"value":"1","unit":"mg/mL","x":1}`, "an unknown field is UnmarshalJSON's to report", 0, ""},
		{`{"value":"1","value":"2","unit":"mg"}`, "a repeated field is UnmarshalJSON's to report", 0, ""},
		{`{"\u0076alue":"5","unit":"%"}`, "an escaped name goes through UnmarshalJSON", 0, ""},
		{`{"value":"5","unit":"furlong"}`, "an unknown unit is UnmarshalJSON's to report", 0, ""},
		{`{"value":01,"unit":"%"}`, "a number JSON does not allow", 0, ""},
		{`{"value":"","unit":"%"}`, "a missing value is UnmarshalJSON's to report", 0, ""},
		{`{"value":5,"unit":"%"`, "an object that does not end", 0, ""},
		{`"1.20 mg/mL"`, "the string form is left to UnmarshalJSON", 0, ""},
		{`null`, "null is left to UnmarshalJSON", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			var q secretome.Quantity
			n, ok := q.DecodeJSONPrefix([]byte(tt.in))
			if tt.n == 0 {
				assert.False(t, ok)
				assert.True(t, q.IsZero(), "a refused read leaves the quantity alone")
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.n, n)
			assert.Equal(t, tt.want, q.String())
			var want secretome.Quantity
			require.NoError(t, want.UnmarshalJSON([]byte(tt.in[:n])))
			assert.Equal(t, want, q)
		})
	}
}
