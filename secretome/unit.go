package secretome

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/message"
)

// Dimension is the kind of thing a unit measures: a mass concentration, a
// length, a duration. Two quantities can be converted into each other or
// compared only when their units have the same Dimension.
//
// The zero value, DimensionNone, belongs to no unit and is never valid in a
// document. The numeric values of the constants are not stable between
// releases; store and exchange dimensions by their String spelling.
type Dimension uint8

// The dimensions. Each unit belongs to exactly one of them.
//
// Some pairs that look alike are kept apart on purpose, because no exact
// factor links them:
//
//   - International units (IU) and enzyme units (U) are defined per
//     substance, so IU/mL and U/mL are different dimensions.
//   - A month is a calendar span, not a fixed number of days, so months and
//     years form DimensionCalendarDuration, separate from hours and days.
//   - Counted particles and counted cells are different things, so
//     particles and cells (and their concentrations) are different
//     dimensions.
const (
	DimensionNone                   Dimension = iota // no unit; invalid
	DimensionMassConcentration                       // pg/mL … mg/mL, g/L
	DimensionParticleConcentration                   // particles/mL
	DimensionCount                                   // particles
	DimensionCellCount                               // cells
	DimensionCellConcentration                       // cells/mL
	DimensionLength                                  // nm, µm
	DimensionVolume                                  // µL, mL, L
	DimensionMass                                    // pg … kg
	DimensionEndotoxinConcentration                  // EU/mL
	DimensionEndotoxinPerMass                        // EU/kg, EU/mg, EU/µg
	DimensionEndotoxinPerDose                        // EU/dose
	DimensionFraction                                // %
	DimensionIUConcentration                         // IU/mL
	DimensionUConcentration                          // U/mL
	DimensionTemperature                             // °C
	DimensionDuration                                // s, min, h, d, wk
	DimensionCalendarDuration                        // month, year
	DimensionOsmolality                              // mOsm/kg
	DimensionPH                                      // pH
	DimensionMassPerCells                            // pg/10^6 cells
	DimensionProteinRatio                            // particles/µg

	dimensionCount // number of dimensions; keep last
)

var dimensionNames = [dimensionCount]string{
	DimensionNone:                   "none",
	DimensionMassConcentration:      "mass concentration",
	DimensionParticleConcentration:  "particle concentration",
	DimensionCount:                  "count",
	DimensionCellCount:              "cell count",
	DimensionCellConcentration:      "cell concentration",
	DimensionLength:                 "length",
	DimensionVolume:                 "volume",
	DimensionMass:                   "mass",
	DimensionEndotoxinConcentration: "endotoxin concentration",
	DimensionEndotoxinPerMass:       "endotoxin per mass",
	DimensionEndotoxinPerDose:       "endotoxin per dose",
	DimensionFraction:               "fraction",
	DimensionIUConcentration:        "iu concentration",
	DimensionUConcentration:         "u concentration",
	DimensionTemperature:            "temperature",
	DimensionDuration:               "duration",
	DimensionCalendarDuration:       "calendar duration",
	DimensionOsmolality:             "osmolality",
	DimensionPH:                     "ph",
	DimensionMassPerCells:           "mass per cells",
	DimensionProteinRatio:           "particle protein ratio",
}

// String returns the stable lowercase name of the dimension, such as
// "mass concentration". Values outside the defined set print as
// "Dimension(N)".
func (d Dimension) String() string {
	if d < dimensionCount {
		return dimensionNames[d]
	}
	return fmt.Sprintf("Dimension(%d)", d)
}

// Units returns the units of dimension d, finest first. It returns a new
// slice on every call; it is empty for DimensionNone.
func (d Dimension) Units() []Unit {
	var out []Unit
	for u := Unit(1); u < unitCount; u++ {
		if unitTable[u].dim == d {
			out = append(out, u)
		}
	}
	// Insertion sort by scale; tables are tiny.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && finer(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// MarshalText encodes the dimension as its String name. DimensionNone and
// undefined values are an error.
func (d Dimension) MarshalText() ([]byte, error) {
	if d == DimensionNone || d >= dimensionCount {
		return nil, fmt.Errorf("invalid dimension %d", uint8(d))
	}
	return []byte(dimensionNames[d]), nil
}

// UnmarshalText decodes a dimension name as written by String. An unknown
// name is an *EnumError that lists the known ones.
func (d *Dimension) UnmarshalText(b []byte) error {
	for i := Dimension(1); i < dimensionCount; i++ {
		if string(b) == dimensionNames[i] {
			*d = i
			return nil
		}
	}
	return &EnumError{Kind: "dimension", Value: string(b), Allowed: Dimension(0).Values()}
}

// Values lists the names UnmarshalText accepts, in order.
func (Dimension) Values() []string { return slices.Clone(dimensionNames[1:]) }

// Unit is a unit of measure from a fixed table, such as UnitPgPerML or
// UnitCelsius. Units are small comparable values; use == to compare them.
//
// The zero value, UnitNone, means "no unit" and is invalid in a document.
// The numeric values are not stable between releases; store and exchange
// units by their symbol (String, MarshalText).
type Unit uint16

// The units. The comment after each gives its canonical symbol; ParseUnit
// documents the other spellings it accepts.
const (
	UnitNone Unit = iota // no unit; invalid

	// Mass concentration.
	UnitPgPerML // pg/mL
	UnitNgPerL  // ng/L
	UnitNgPerML // ng/mL
	UnitUgPerL  // µg/L
	UnitUgPerML // µg/mL
	UnitMgPerL  // mg/L
	UnitNgPerUL // ng/µL
	UnitMgPerML // mg/mL
	UnitGPerL   // g/L

	// Particle concentration and count.
	UnitParticlesPerL  // particles/L
	UnitParticlesPerML // particles/mL
	UnitParticlesPerUL // particles/µL
	UnitParticles      // particles

	// Cell count and concentration.
	UnitCells      // cells
	UnitCellsPerL  // cells/L
	UnitCellsPerML // cells/mL
	UnitCellsPerUL // cells/µL

	// Length.
	UnitNm // nm
	UnitUm // µm
	UnitMm // mm
	UnitCm // cm
	UnitM  // m

	// Volume.
	UnitNL // nL
	UnitUL // µL
	UnitML // mL
	UnitL  // L

	// Mass.
	UnitPg // pg
	UnitNg // ng
	UnitUg // µg
	UnitMg // mg
	UnitG  // g
	UnitKg // kg

	// Endotoxin.
	UnitEUPerML   // EU/mL
	UnitEUPerKg   // EU/kg
	UnitEUPerG    // EU/g
	UnitEUPerMg   // EU/mg
	UnitEUPerUg   // EU/µg
	UnitEUPerDose // EU/dose

	// Fraction.
	UnitPercent // %

	// Biological activity; IU and U never convert into each other.
	UnitIUPerML // IU/mL
	UnitUPerML  // U/mL

	// Temperature.
	UnitCelsius // °C

	// Duration with fixed lengths.
	UnitSecond // s
	UnitMinute // min
	UnitHour   // h
	UnitDay    // d
	UnitWeek   // wk

	// Calendar duration.
	UnitMonth // month
	UnitYear  // year

	// Osmolality.
	UnitMOsmPerKg // mOsm/kg
	UnitOsmPerKg  // Osm/kg

	// Acidity.
	UnitPH // pH

	// Mass per cells.
	UnitPgPerMillionCells // pg/10^6 cells
	UnitNgPerMillionCells // ng/10^6 cells
	UnitUgPerMillionCells // µg/10^6 cells

	// Particle-to-protein ratio.
	UnitParticlesPerMg // particles/mg
	UnitParticlesPerUg // particles/µg

	unitCount // number of units; keep last
)

// unitInfo describes one unit. A value v in the unit equals
// v × mult × 10^pow in the base unit of its dimension. Within a dimension
// the mult of a coarser unit is always a whole multiple of the mult of a
// finer one, so converting towards the finer unit is a multiplication and
// always exact (unit_test.go checks this).
type unitInfo struct {
	sym     string
	dim     Dimension
	mult    int64
	pow     int32
	aliases []string // spellings besides sym, before µ/L expansion
}

var unitTable = [unitCount]unitInfo{
	UnitNone: {sym: "", dim: DimensionNone, mult: 1},

	UnitPgPerML: {"pg/mL", DimensionMassConcentration, 1, 0, nil},
	UnitNgPerL:  {"ng/L", DimensionMassConcentration, 1, 0, nil},
	UnitNgPerML: {"ng/mL", DimensionMassConcentration, 1, 3, nil},
	UnitUgPerL:  {"µg/L", DimensionMassConcentration, 1, 3, nil},
	UnitUgPerML: {"µg/mL", DimensionMassConcentration, 1, 6, nil},
	UnitMgPerL:  {"mg/L", DimensionMassConcentration, 1, 6, nil},
	UnitNgPerUL: {"ng/µL", DimensionMassConcentration, 1, 6, nil},
	UnitMgPerML: {"mg/mL", DimensionMassConcentration, 1, 9, nil},
	UnitGPerL:   {"g/L", DimensionMassConcentration, 1, 9, nil},

	UnitParticlesPerL:  {"particles/L", DimensionParticleConcentration, 1, -3, []string{"particle/L", "p/L", "{particles}/L"}},
	UnitParticlesPerML: {"particles/mL", DimensionParticleConcentration, 1, 0, []string{"particle/mL", "p/mL", "{particles}/mL"}},
	UnitParticlesPerUL: {"particles/µL", DimensionParticleConcentration, 1, 3, []string{"particle/µL", "p/µL", "{particles}/µL"}},
	UnitParticles:      {"particles", DimensionCount, 1, 0, []string{"particle", "{particles}"}},

	UnitCells:      {"cells", DimensionCellCount, 1, 0, []string{"cell", "{cells}"}},
	UnitCellsPerL:  {"cells/L", DimensionCellConcentration, 1, -3, []string{"cell/L", "{cells}/L"}},
	UnitCellsPerML: {"cells/mL", DimensionCellConcentration, 1, 0, []string{"cell/mL", "{cells}/mL"}},
	UnitCellsPerUL: {"cells/µL", DimensionCellConcentration, 1, 3, []string{"cell/µL", "{cells}/µL"}},

	UnitNm: {"nm", DimensionLength, 1, 0, nil},
	UnitUm: {"µm", DimensionLength, 1, 3, []string{"micron", "microns"}},
	UnitMm: {"mm", DimensionLength, 1, 6, nil},
	UnitCm: {"cm", DimensionLength, 1, 7, nil},
	UnitM:  {"m", DimensionLength, 1, 9, nil},

	UnitNL: {"nL", DimensionVolume, 1, -3, nil},
	UnitUL: {"µL", DimensionVolume, 1, 0, nil},
	UnitML: {"mL", DimensionVolume, 1, 3, nil},
	UnitL:  {"L", DimensionVolume, 1, 6, nil},

	UnitPg: {"pg", DimensionMass, 1, 0, nil},
	UnitNg: {"ng", DimensionMass, 1, 3, nil},
	UnitUg: {"µg", DimensionMass, 1, 6, nil},
	UnitMg: {"mg", DimensionMass, 1, 9, nil},
	UnitG:  {"g", DimensionMass, 1, 12, nil},
	UnitKg: {"kg", DimensionMass, 1, 15, nil},

	UnitEUPerML:   {"EU/mL", DimensionEndotoxinConcentration, 1, 0, []string{"[EU]/mL"}},
	UnitEUPerKg:   {"EU/kg", DimensionEndotoxinPerMass, 1, 0, []string{"[EU]/kg"}},
	UnitEUPerG:    {"EU/g", DimensionEndotoxinPerMass, 1, 3, []string{"[EU]/g"}},
	UnitEUPerMg:   {"EU/mg", DimensionEndotoxinPerMass, 1, 6, []string{"[EU]/mg"}},
	UnitEUPerUg:   {"EU/µg", DimensionEndotoxinPerMass, 1, 9, []string{"[EU]/µg"}},
	UnitEUPerDose: {"EU/dose", DimensionEndotoxinPerDose, 1, 0, []string{"EU/{dose}", "[EU]/{dose}"}},

	UnitPercent: {"%", DimensionFraction, 1, 0, []string{"percent"}},

	UnitIUPerML: {"IU/mL", DimensionIUConcentration, 1, 0, []string{"[IU]/mL"}},
	UnitUPerML:  {"U/mL", DimensionUConcentration, 1, 0, nil},

	UnitCelsius: {"°C", DimensionTemperature, 1, 0, []string{"Cel", "℃", "ºC", "degC", "deg C"}},

	UnitSecond: {"s", DimensionDuration, 1, 0, []string{"sec"}},
	UnitMinute: {"min", DimensionDuration, 60, 0, []string{"mins", "minute", "minutes"}},
	UnitHour:   {"h", DimensionDuration, 3600, 0, []string{"hr", "hrs", "hour", "hours"}},
	UnitDay:    {"d", DimensionDuration, 86400, 0, []string{"day", "days"}},
	UnitWeek:   {"wk", DimensionDuration, 604800, 0, []string{"week", "weeks"}},

	UnitMonth: {"month", DimensionCalendarDuration, 1, 0, []string{"months", "mo"}},
	UnitYear:  {"year", DimensionCalendarDuration, 12, 0, []string{"years", "a", "yr", "yrs"}},

	UnitMOsmPerKg: {"mOsm/kg", DimensionOsmolality, 1, 0, []string{"mosm/kg", "mOsmol/kg", "mOsm/kg H2O"}},
	UnitOsmPerKg:  {"Osm/kg", DimensionOsmolality, 1, 3, []string{"osm/kg", "Osmol/kg"}},

	UnitPH: {"pH", DimensionPH, 1, 0, []string{"[pH]"}},

	UnitPgPerMillionCells: {"pg/10^6 cells", DimensionMassPerCells, 1, 0, []string{"pg/1e6 cells", "pg/million cells"}},
	UnitNgPerMillionCells: {"ng/10^6 cells", DimensionMassPerCells, 1, 3, []string{"ng/1e6 cells", "ng/million cells"}},
	UnitUgPerMillionCells: {"µg/10^6 cells", DimensionMassPerCells, 1, 6, []string{"µg/1e6 cells", "µg/million cells"}},

	UnitParticlesPerMg: {"particles/mg", DimensionProteinRatio, 1, -3, []string{"particle/mg", "p/mg"}},
	UnitParticlesPerUg: {"particles/µg", DimensionProteinRatio, 1, 0, []string{"particle/µg", "p/µg"}},
}

// unitBySpelling maps every accepted spelling to its unit. It is built once
// at package initialisation and never written afterwards.
var unitBySpelling = buildUnitIndex()

// unitByFold maps the lower-case form of every accepted spelling to its
// unit, or to UnitNone when two units share it. It only serves suggestions
// in error messages.
var unitByFold = func() map[string]Unit {
	m := make(map[string]Unit, len(unitBySpelling))
	for s, u := range unitBySpelling {
		k := strings.ToLower(s)
		if prev, ok := m[k]; ok && prev != u {
			u = UnitNone
		}
		m[k] = u
	}
	return m
}()

// knownUnits is the list of canonical symbols used in error messages.
var knownUnits = func() string {
	syms := make([]string, 0, unitCount-1)
	for u := Unit(1); u < unitCount; u++ {
		syms = append(syms, unitTable[u].sym)
	}
	return strings.Join(syms, ", ")
}()

// buildUnitIndex expands each unit's symbol and aliases with the variants
// people write: µ as U+00B5 (micro sign), U+03BC (Greek mu) or "u", "mcg"
// for µg, and "l" for the litre "L". It panics on a spelling claimed by two
// units, which is a bug in the table.
func buildUnitIndex() map[string]Unit {
	m := make(map[string]Unit, 512)
	for u := Unit(1); u < unitCount; u++ {
		info := unitTable[u]
		for _, base := range append([]string{info.sym}, info.aliases...) {
			for _, s := range spellingVariants(base) {
				if prev, dup := m[s]; dup && prev != u {
					panic(fmt.Sprintf("secretome: unit spelling %q claimed by %s and %s", s, unitTable[prev].sym, info.sym))
				}
				m[s] = u
			}
		}
		if c := unitUCUM[u]; c != "" {
			m[c] = u
		}
	}
	for c, u := range ucumExtra {
		m[c] = u
	}
	return m
}

// spellingVariants returns s with every combination of micro-sign and litre
// spellings.
func spellingVariants(s string) []string {
	out := []string{""}
	for len(s) > 0 {
		var opts []string
		var n int
		switch {
		case strings.HasPrefix(s, "µg"):
			opts, n = []string{"µg", "μg", "ug", "mcg"}, len("µg")
		case strings.HasPrefix(s, "µ"):
			opts, n = []string{"µ", "μ", "u"}, len("µ")
		case s[0] == 'L':
			opts, n = []string{"L", "l"}, 1
		default:
			opts, n = []string{s[:1]}, 1
		}
		next := make([]string, 0, len(out)*len(opts))
		for _, p := range out {
			for _, o := range opts {
				next = append(next, p+o)
			}
		}
		out, s = next, s[n:]
	}
	return out
}

// finer reports whether unit a is strictly finer (has a smaller scale) than
// unit b of the same dimension.
func finer(a, b Unit) bool {
	ia, ib := unitTable[a], unitTable[b]
	if ia.pow != ib.pow {
		return ia.pow < ib.pow
	}
	return ia.mult < ib.mult
}

// ParseUnit returns the unit spelled s. Matching is exact and
// case-sensitive, as in UCUM, because case carries meaning ("mg" is a
// milligram, "Mg" a megagram). Accepted spellings are:
//
//   - the canonical symbol (Unit.String), such as "µg/mL" or "°C";
//   - µ written as U+00B5 (micro sign), U+03BC (Greek mu) or "u", and
//     "mcg" for µg: "ug/mL", "μg/mL", "mcg/mL";
//   - the litre as "L" or "l": "mL", "ml", "µl", "g/l";
//   - the unit's UCUM code (Unit.UCUM): "ug/mL", "Cel" for °C, "[iU]/mL"
//     and "[IU]/mL", "[pH]", "{particles}/mL", "{EU}/mL", "mo" for month,
//     "a" for year, "pg/10*6{cells}";
//   - a few common words and abbreviations: "p/mL" and "particle/mL" for
//     particles/mL, "cell/mL", "percent", "℃", "ºC", "degC", "hr", "hours",
//     "day", "days", "weeks", "months", "years", "micron", "mosm/kg",
//     "mOsm/kg H2O", "pg/1e6 cells", "pg/million cells".
//
// An unknown spelling returns an *UnknownUnitError, which suggests the
// intended unit when s differs from a known spelling only by case.
func ParseUnit(s string) (Unit, error) {
	if u, ok := unitBySpelling[s]; ok {
		return u, nil
	}
	return UnitNone, &UnknownUnitError{Text: s}
}

// MustParseUnit is like ParseUnit but panics on error. It is meant for
// tests and for units written in code.
func MustParseUnit(s string) Unit {
	u, err := ParseUnit(s)
	if err != nil {
		panic(err)
	}
	return u
}

// Units returns every defined unit, grouped by dimension. It returns a new
// slice on every call.
func Units() []Unit {
	out := make([]Unit, 0, unitCount-1)
	for u := Unit(1); u < unitCount; u++ {
		out = append(out, u)
	}
	return out
}

// String returns the canonical symbol of the unit, such as "pg/mL",
// "µg/mL" (with U+00B5), "particles/mL", "°C" or "%". UnitNone prints as
// "" and an undefined value as "Unit(N)".
func (u Unit) String() string {
	if u < unitCount {
		return unitTable[u].sym
	}
	return fmt.Sprintf("Unit(%d)", uint16(u))
}

// Dimension returns what the unit measures; DimensionNone for UnitNone and
// for undefined values.
func (u Unit) Dimension() Dimension {
	if u < unitCount {
		return unitTable[u].dim
	}
	return DimensionNone
}

// Valid reports whether u is a defined unit other than UnitNone.
func (u Unit) Valid() bool { return u != UnitNone && u < unitCount }

// MarshalText encodes the unit as its canonical symbol. UnitNone encodes as
// the empty string; an undefined value is an error.
func (u Unit) MarshalText() ([]byte, error) {
	if u >= unitCount {
		return nil, fmt.Errorf("invalid unit %d", uint16(u))
	}
	return []byte(unitTable[u].sym), nil
}

// UnmarshalText decodes any spelling ParseUnit accepts. The empty string
// decodes to UnitNone, mirroring MarshalText, so that "no unit" survives a
// round trip; callers that need a unit check for UnitNone.
func (u *Unit) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*u = UnitNone
		return nil
	}
	v, ok := unitBySpelling[string(b)]
	if !ok {
		return &UnknownUnitError{Text: string(b)}
	}
	*u = v
	return nil
}

// UnknownUnitError reports a unit spelling that is not in the table. It is
// distinct from *QuantitySyntaxError: the text was well formed, but names no
// known unit.
type UnknownUnitError struct {
	// Text is the unit as written; empty means the unit was missing.
	Text string
}

// StrictCode returns CodeEnum, the problem code decoders report for an
// unknown spelling.
func (e *UnknownUnitError) StrictCode() string { return string(CodeEnum) }

// Error names the text and either suggests the unit it most likely meant
// (same letters, other case) or lists the canonical symbols.
func (e *UnknownUnitError) Error() string { return e.Message().String() }

// Message is Error's text in any supported language.
func (e *UnknownUnitError) Message() message.Message {
	if e.Text == "" {
		return message.New("value.unit.missing")
	}
	if u := unitByFold[strings.ToLower(e.Text)]; u != UnitNone {
		return message.New("value.unit.case", message.Text(strconv.Quote(e.Text)), message.Text(strconv.Quote(unitTable[u].sym)))
	}
	return message.New("value.unit.unknown", message.Text(strconv.Quote(e.Text)), message.Text(knownUnits))
}
