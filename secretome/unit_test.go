package secretome

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The conversion code relies on these properties of the table.
func TestUnitTableInvariants(t *testing.T) {
	seenSym := map[string]Unit{}
	for u := Unit(1); u < unitCount; u++ {
		info := unitTable[u]
		require.NotEmpty(t, info.sym, "unit %d has no symbol", u)
		assert.NotEqual(t, DimensionNone, info.dim, "%s has no dimension", info.sym)
		assert.Positive(t, info.mult, "%s mult", info.sym)
		prev, dup := seenSym[info.sym]
		assert.False(t, dup, "%s is the symbol of %d and %d", info.sym, prev, u)
		seenSym[info.sym] = u

		got, err := ParseUnit(info.sym)
		require.NoError(t, err, "canonical symbol %q must parse", info.sym)
		assert.Equal(t, u, got, "canonical symbol %q", info.sym)

		// Within a dimension, a coarser unit's mult is a whole multiple of a
		// finer unit's mult, so conversion to the finer unit never divides.
		for v := Unit(1); v < unitCount; v++ {
			other := unitTable[v]
			if other.dim != info.dim || !finer(u, v) {
				continue
			}
			assert.Zero(t, other.mult%info.mult, "%s (finer) mult %d must divide %s mult %d", info.sym, info.mult, other.sym, other.mult)
		}
	}
	assert.Equal(t, DimensionNone, UnitNone.Dimension(), "UnitNone has no dimension")
	assert.Equal(t, "", UnitNone.String(), "UnitNone prints empty")
}

func TestParseUnitSpellings(t *testing.T) {
	tests := []struct {
		in     string
		want   Unit
		reason string
	}{
		{"pg/mL", UnitPgPerML, "canonical"},
		{"pg/ml", UnitPgPerML, "lower-case litre"},
		{"µg/mL", UnitUgPerML, "canonical with micro sign U+00B5"},
		{"μg/mL", UnitUgPerML, "Greek mu U+03BC"},
		{"ug/mL", UnitUgPerML, "UCUM ASCII u"},
		{"ug/ml", UnitUgPerML, "ASCII u and lower-case litre"},
		{"mcg/mL", UnitUgPerML, "pharmacy mcg"},
		{"mcg/ml", UnitUgPerML, "pharmacy mcg, lower-case litre"},
		{"μg/ml", UnitUgPerML, "Greek mu, lower-case litre"},
		{"ng/µL", UnitNgPerUL, "per microlitre"},
		{"ng/ul", UnitNgPerUL, "per microlitre, ASCII"},
		{"g/l", UnitGPerL, "lower-case litre alone"},
		{"mg/L", UnitMgPerL, "mg per litre"},
		{"particles/mL", UnitParticlesPerML, "canonical particle concentration"},
		{"particle/mL", UnitParticlesPerML, "singular"},
		{"p/mL", UnitParticlesPerML, "NTA abbreviation"},
		{"{particles}/mL", UnitParticlesPerML, "UCUM annotation"},
		{"particles/µl", UnitParticlesPerUL, "per microlitre"},
		{"particles", UnitParticles, "count"},
		{"{particles}", UnitParticles, "UCUM annotation count"},
		{"cells", UnitCells, "cell count"},
		{"cell", UnitCells, "singular cell"},
		{"cells/mL", UnitCellsPerML, "cell concentration"},
		{"{cells}/ml", UnitCellsPerML, "UCUM annotation, lower-case litre"},
		{"nm", UnitNm, "nanometre"},
		{"µm", UnitUm, "micrometre"},
		{"um", UnitUm, "micrometre ASCII"},
		{"micron", UnitUm, "micron"},
		{"µL", UnitUL, "microlitre"},
		{"uL", UnitUL, "microlitre ASCII"},
		{"ul", UnitUL, "microlitre ASCII lower-case"},
		{"μl", UnitUL, "microlitre Greek mu lower-case"},
		{"mL", UnitML, "millilitre"},
		{"ml", UnitML, "millilitre lower-case"},
		{"L", UnitL, "litre"},
		{"l", UnitL, "litre lower-case"},
		{"mcg", UnitUg, "microgram mcg"},
		{"kg", UnitKg, "kilogram"},
		{"EU/mL", UnitEUPerML, "endotoxin concentration"},
		{"EU/ml", UnitEUPerML, "endotoxin concentration lower-case litre"},
		{"[EU]/mL", UnitEUPerML, "bracketed EU"},
		{"EU/kg", UnitEUPerKg, "endotoxin per body mass"},
		{"EU/ug", UnitEUPerUg, "endotoxin per protein mass ASCII"},
		{"EU/mcg", UnitEUPerUg, "endotoxin per protein mass mcg"},
		{"EU/dose", UnitEUPerDose, "endotoxin per dose"},
		{"EU/{dose}", UnitEUPerDose, "UCUM annotation dose"},
		{"%", UnitPercent, "percent sign"},
		{"percent", UnitPercent, "percent word"},
		{"IU/mL", UnitIUPerML, "international units"},
		{"[IU]/mL", UnitIUPerML, "UCUM international units"},
		{"U/mL", UnitUPerML, "enzyme units"},
		{"°C", UnitCelsius, "degree Celsius"},
		{"Cel", UnitCelsius, "UCUM Celsius"},
		{"℃", UnitCelsius, "single-character Celsius U+2103"},
		{"ºC", UnitCelsius, "masculine ordinal typed for degree"},
		{"degC", UnitCelsius, "ASCII degC"},
		{"h", UnitHour, "hour"},
		{"hr", UnitHour, "hour abbreviation"},
		{"hours", UnitHour, "hours word"},
		{"min", UnitMinute, "minute"},
		{"s", UnitSecond, "second"},
		{"d", UnitDay, "day"},
		{"days", UnitDay, "days word"},
		{"wk", UnitWeek, "week"},
		{"month", UnitMonth, "month"},
		{"months", UnitMonth, "months"},
		{"mo", UnitMonth, "UCUM month"},
		{"year", UnitYear, "year"},
		{"a", UnitYear, "UCUM year"},
		{"mOsm/kg", UnitMOsmPerKg, "osmolality"},
		{"mosm/kg", UnitMOsmPerKg, "UCUM osmolality"},
		{"mOsm/kg H2O", UnitMOsmPerKg, "osmolality per kg water"},
		{"pH", UnitPH, "pH"},
		{"[pH]", UnitPH, "UCUM pH"},
		{"pg/10^6 cells", UnitPgPerMillionCells, "mass per million cells"},
		{"pg/1e6 cells", UnitPgPerMillionCells, "mass per million cells, e-notation"},
		{"ug/10^6 cells", UnitUgPerMillionCells, "µg per million cells ASCII"},
		{"particles/µg", UnitParticlesPerUg, "particle-to-protein ratio"},
		{"p/ug", UnitParticlesPerUg, "particle-to-protein ratio short ASCII"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseUnit(tc.in)
			require.NoError(t, err, tc.reason)
			assert.Equal(t, tc.want, got, tc.reason)
			var v Unit
			require.NoError(t, v.UnmarshalText([]byte(tc.in)), tc.reason)
			assert.Equal(t, tc.want, v, tc.reason)
		})
	}
}

func TestParseUnitRejects(t *testing.T) {
	tests := []struct {
		in      string
		suggest string // canonical symbol the error suggests, if any
		reason  string
	}{
		{"MG/ML", "mg/mL", "case matters: M is mega"},
		{"Mg/mL", "mg/mL", "megagram per mL is not a unit here; the case-folded match is suggested"},
		{"ug/dl", "", "decilitre is not supported"},
		{"mL ", "", "no trimming inside ParseUnit"},
		{"/mL", "", "bare per-millilitre is ambiguous between cells and particles"},
		{"K", "", "kelvin is not supported"},
		{"°F", "", "Fahrenheit is not supported"},
		{"DEGC", "°C", "case-folded spelling suggests the canonical symbol"},
		{"IU/ML", "IU/mL", "case matters in the litre"},
		{"", "", "empty"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := ParseUnit(tc.in)
			var ue *UnknownUnitError
			require.ErrorAs(t, err, &ue, tc.reason)
			assert.Equal(t, tc.in, ue.Text, tc.reason)
			switch {
			case tc.in == "":
				assert.Equal(t, "missing unit", err.Error(), tc.reason)
			case tc.suggest != "":
				assert.Contains(t, err.Error(), "did you mean \""+tc.suggest+"\"", tc.reason)
			default:
				assert.Contains(t, err.Error(), "want one of pg/mL,", tc.reason)
			}
		})
	}
}

func TestMustParseUnitPanics(t *testing.T) {
	assert.Equal(t, UnitMgPerML, MustParseUnit("mg/ml"), "valid spelling")
	assert.Panics(t, func() { MustParseUnit("mg/dl") }, "unknown spelling panics")
}

func TestUnitText(t *testing.T) {
	for _, u := range Units() {
		b, err := u.MarshalText()
		require.NoError(t, err, "defined unit %s marshals", u)
		assert.Equal(t, u.String(), string(b), "MarshalText is the canonical symbol")
		var back Unit
		require.NoError(t, back.UnmarshalText(b), "canonical symbol %q unmarshals", b)
		assert.Equal(t, u, back, "round trip")
		assert.True(t, u.Valid(), "listed units are valid")
	}
	b, err := UnitNone.MarshalText()
	require.NoError(t, err, "UnitNone marshals as empty")
	assert.Empty(t, b, "UnitNone marshals as empty")
	u := UnitMg
	require.NoError(t, u.UnmarshalText(nil), "empty text is UnitNone")
	assert.Equal(t, UnitNone, u, "empty text is UnitNone")

	_, err = unitCount.MarshalText()
	assert.Error(t, err, "undefined unit does not marshal")
	assert.Equal(t, "Unit(9999)", Unit(9999).String(), "undefined unit prints its number")
	assert.Equal(t, DimensionNone, Unit(9999).Dimension(), "undefined unit has no dimension")
	assert.False(t, UnitNone.Valid(), "UnitNone is not valid")
	assert.False(t, unitCount.Valid(), "out of range is not valid")

	err = u.UnmarshalText([]byte("furlong"))
	var ue *UnknownUnitError
	assert.ErrorAs(t, err, &ue, "unknown spelling is an UnknownUnitError")
}

func TestDimensionText(t *testing.T) {
	seen := map[string]bool{}
	for d := Dimension(1); d < dimensionCount; d++ {
		name := d.String()
		assert.Equal(t, strings.ToLower(name), name, "dimension names are lowercase")
		assert.False(t, seen[name], "dimension name %q is unique", name)
		seen[name] = true
		b, err := d.MarshalText()
		require.NoError(t, err, "defined dimension marshals")
		var back Dimension
		require.NoError(t, back.UnmarshalText(b), "dimension %q unmarshals", b)
		assert.Equal(t, d, back, "round trip")
		assert.NotEmpty(t, d.Units(), "dimension %s has units", d)
	}
	_, err := DimensionNone.MarshalText()
	assert.Error(t, err, "DimensionNone does not marshal")
	_, err = dimensionCount.MarshalText()
	assert.Error(t, err, "undefined dimension does not marshal")
	assert.Equal(t, "Dimension(200)", Dimension(200).String(), "undefined dimension prints its number")
	var d Dimension
	err = d.UnmarshalText([]byte("Mass"))
	var ee *EnumError
	require.ErrorAs(t, err, &ee, "names are case-sensitive; an unknown name is an *EnumError")
	assert.Equal(t, "Mass", ee.Value)
	assert.Equal(t, "mass concentration", ee.Allowed[0], "the error lists the names")
	assert.Empty(t, DimensionNone.Units(), "DimensionNone has no units")
}

func TestDimensionUnitsOrder(t *testing.T) {
	tests := []struct {
		d      Dimension
		want   []Unit
		reason string
	}{
		{DimensionMass, []Unit{UnitPg, UnitNg, UnitUg, UnitMg, UnitG, UnitKg}, "powers of ten"},
		{DimensionDuration, []Unit{UnitSecond, UnitMinute, UnitHour, UnitDay, UnitWeek}, "whole multiples"},
		{DimensionCalendarDuration, []Unit{UnitMonth, UnitYear}, "months and years only"},
		{DimensionCount, []Unit{UnitParticles}, "cells are a separate count"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.d.Units(), tc.reason)
	}
}

func TestSpellingsAreUnique(t *testing.T) {
	// buildUnitIndex panics on a clash; a second build must agree with the
	// package table.
	assert.NotPanics(t, func() { buildUnitIndex() }, "no spelling belongs to two units")
	assert.Len(t, buildUnitIndex(), len(unitBySpelling), "index is deterministic")
	_, err := ParseUnit("ug/dl")
	assert.False(t, errors.Is(err, ErrMissing), "unknown unit is not a missing one")
}
