package secretome

import (
	"fmt"
	"regexp"
)

// UCUMSystem is the URI that identifies the Unified Code for Units of
// Measure (UCUM) as a code system, as FHIR's Quantity.system and HL7 v2
// and CDA documents write it.
const UCUMSystem = "http://unitsofmeasure.org"

// unitUCUM holds the case-sensitive UCUM code of every unit.
//
// UCUM has no code for endotoxin units ([EU] is the Ehrlich unit), for
// counted particles or cells, or for a dose; those are written with UCUM
// annotations in braces ({EU}/mL, {particles}/mL, {cells}/mL,
// pg/10*6{cells}), which UCUM treats as the unity they annotate. Such codes
// are exact about the unit this library means, but a UCUM engine converts
// them as if the annotation were not there.
var unitUCUM = [unitCount]string{
	UnitPgPerML: "pg/mL",
	UnitNgPerL:  "ng/L",
	UnitNgPerML: "ng/mL",
	UnitUgPerL:  "ug/L",
	UnitUgPerML: "ug/mL",
	UnitMgPerL:  "mg/L",
	UnitNgPerUL: "ng/uL",
	UnitMgPerML: "mg/mL",
	UnitGPerL:   "g/L",

	UnitParticlesPerL:  "{particles}/L",
	UnitParticlesPerML: "{particles}/mL",
	UnitParticlesPerUL: "{particles}/uL",
	UnitParticles:      "{particles}",

	UnitCells:      "{cells}",
	UnitCellsPerL:  "{cells}/L",
	UnitCellsPerML: "{cells}/mL",
	UnitCellsPerUL: "{cells}/uL",

	UnitNm: "nm",
	UnitUm: "um",
	UnitMm: "mm",
	UnitCm: "cm",
	UnitM:  "m",

	UnitNL: "nL",
	UnitUL: "uL",
	UnitML: "mL",
	UnitL:  "L",

	UnitPg: "pg",
	UnitNg: "ng",
	UnitUg: "ug",
	UnitMg: "mg",
	UnitG:  "g",
	UnitKg: "kg",

	UnitEUPerML:   "{EU}/mL",
	UnitEUPerKg:   "{EU}/kg",
	UnitEUPerG:    "{EU}/g",
	UnitEUPerMg:   "{EU}/mg",
	UnitEUPerUg:   "{EU}/ug",
	UnitEUPerDose: "{EU}/{dose}",

	UnitPercent: "%",

	UnitIUPerML: "[iU]/mL",
	UnitUPerML:  "U/mL",

	UnitCelsius: "Cel",

	UnitSecond: "s",
	UnitMinute: "min",
	UnitHour:   "h",
	UnitDay:    "d",
	UnitWeek:   "wk",

	UnitMonth: "mo",
	UnitYear:  "a",

	UnitMOsmPerKg: "mosm/kg",
	UnitOsmPerKg:  "osm/kg",

	UnitPH: "[pH]",

	UnitPgPerMillionCells: "pg/10*6{cells}",
	UnitNgPerMillionCells: "ng/10*6{cells}",
	UnitUgPerMillionCells: "ug/10*6{cells}",

	UnitParticlesPerMg: "{particles}/mg",
	UnitParticlesPerUg: "{particles}/ug",
}

// ucumExtra lists UCUM codes accepted besides those of unitUCUM: UCUM
// spells the international unit both [iU] and [IU].
var ucumExtra = map[string]Unit{"[IU]/mL": UnitIUPerML}

// unitByUCUM maps every UCUM code to its unit. Built once, never written.
var unitByUCUM = func() map[string]Unit {
	m := make(map[string]Unit, int(unitCount)+len(ucumExtra))
	for u := Unit(1); u < unitCount; u++ {
		if c := unitUCUM[u]; c != "" {
			m[c] = u
		}
	}
	for c, u := range ucumExtra {
		m[c] = u
	}
	return m
}()

// UCUM returns the unit's case-sensitive code in the Unified Code for Units
// of Measure, such as "ug/mL" for µg/mL, "Cel" for °C and "[iU]/mL" for
// IU/mL; "" for UnitNone and undefined values. Units UCUM does not define
// (endotoxin units, counted particles and cells) carry their name as a UCUM
// annotation: "{EU}/mL", "{particles}/mL", "pg/10*6{cells}".
//
// Every UCUM code is also a spelling ParseUnit, ParseQuantity and the JSON
// decoders accept, so a quantity written with UCUM codes reads back to the
// same unit.
func (u Unit) UCUM() string {
	if u < unitCount {
		return unitUCUM[u]
	}
	return ""
}

// ParseUCUM returns the unit whose UCUM code is code. Unlike ParseUnit it
// accepts UCUM codes only ("ug/mL", not "µg/mL" or "mcg/mL"), so it suits
// data that declares UCUM as its code system, such as a FHIR Quantity.
// An unknown code is an *UnknownUnitError.
func ParseUCUM(code string) (Unit, error) {
	if u, ok := unitByUCUM[code]; ok {
		return u, nil
	}
	return UnitNone, &UnknownUnitError{Text: code}
}

// UCUM returns q's value as written and the UCUM code of its unit, for a
// FHIR Quantity (value, system UCUMSystem, code) or any other exchange
// that wants UCUM. The value keeps its digits ("1.20" stays "1.20"). The
// zero Quantity returns "", "" and an invalid one an error.
func (q Quantity) UCUM() (value, code string, err error) {
	if q.IsZero() {
		return "", "", nil
	}
	if err := q.check(); err != nil {
		return "", "", err
	}
	return asWritten(q.Value), q.Unit.UCUM(), nil
}

// UCUMString returns q as String does but with the unit's UCUM code:
// "1.20 ug/mL", "-80 Cel". It parses back with ParseQuantity to the same
// value, digits and unit.
func (q Quantity) UCUMString() string {
	if q.IsZero() {
		return ""
	}
	b := appendNumber(make([]byte, 0, 24), q.Value)
	b = append(b, ' ')
	return string(append(b, q.Unit.UCUM()...))
}

// checkUCUMTable reports a unit without a UCUM code, or a UCUM code that
// is not an accepted spelling of its unit; tests call it.
func checkUCUMTable() error {
	for u := Unit(1); u < unitCount; u++ {
		c := unitUCUM[u]
		if c == "" {
			return fmt.Errorf("unit %s has no UCUM code", u)
		}
		if got, ok := unitBySpelling[c]; !ok || got != u {
			return fmt.Errorf("UCUM code %q of %s is not a spelling of it (got %v)", c, u, got)
		}
	}
	for c, u := range ucumExtra {
		if got, ok := unitBySpelling[c]; !ok || got != u {
			return fmt.Errorf("UCUM code %q of %s is not a spelling of it", c, u)
		}
	}
	return nil
}

// quantityJSON matches a quantity as Quantity.MarshalJSON writes it. Inside
// a JSON string the quotes would be escaped, so only quantities match.
var quantityJSON = regexp.MustCompile(`\{"value":"([^"\\]*)","unit":"([^"\\]*)"\}`)

// UCUMJSON rewrites JSON written by encoding/json, replacing the unit of
// every Quantity ({"value":"1.20","unit":"µg/mL"}) with its UCUM code
// ({"value":"1.20","unit":"ug/mL"}); the values keep their digits and
// everything else is left as it is. The result decodes to the same
// quantities, since every UCUM code is an accepted spelling. It is for
// callers whose readers expect UCUM, such as laboratory and hospital
// systems. A unit that is not in the table is an *UnknownUnitError.
func UCUMJSON(data []byte) ([]byte, error) {
	var err error
	out := quantityJSON.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := quantityJSON.FindSubmatch(m)
		u, perr := ParseUnit(string(sub[2]))
		if perr != nil {
			if err == nil {
				err = perr
			}
			return m
		}
		b := append([]byte(`{"value":"`), sub[1]...)
		b = append(b, `","unit":"`...)
		b = append(b, u.UCUM()...)
		return append(b, `"}`...)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
