package secretome

import (
	"slices"

	"github.com/openregen/secretomekit/internal/enum"
)

// AnalyteClass groups analytes by what they are.
type AnalyteClass uint8

// Analyte classes.
const (
	AnalyteClassUnspecified AnalyteClass = iota
	AnalyteClassGrowthFactor
	AnalyteClassCytokine
	AnalyteClassLipidMediator
	AnalyteClassEVMarker
	AnalyteClassOther
)

var analyteClassNames = enum.New[AnalyteClass]("analyte class", "", "growth_factor", "cytokine", "lipid_mediator", "ev_marker", "other")

// String returns the stable spelling, such as "growth_factor".
func (v AnalyteClass) String() string { return analyteClassNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v AnalyteClass) MarshalText() ([]byte, error) { return analyteClassNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *AnalyteClass) UnmarshalText(b []byte) error { return analyteClassNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (AnalyteClass) Values() []string { return analyteClassNames.Values() }

// AnalyteInfo is a catalogue entry: the canonical name of an analyte, the
// other names it goes by, its class and the dimensions its amount may be
// given in.
type AnalyteInfo struct {
	// Name is the canonical name, such as "FGF-2".
	Name string
	// Aliases are the other names LookupAnalyte accepts, such as "bFGF".
	Aliases []string
	// Class is what kind of molecule the analyte is.
	Class AnalyteClass
	// Dimensions lists the dimensions an amount of the analyte may be
	// given in (per volume, per cells or a mass); validation rejects a
	// unit of any other dimension.
	Dimensions []Dimension
}

// Fits reports whether a quantity of dimension d can describe the analyte.
func (a AnalyteInfo) Fits(d Dimension) bool { return slices.Contains(a.Dimensions, d) }

// amountDims are the dimensions in which secreted factors are reported
// (Pawitan 2014 lists per-volume concentrations and per-cell yields).
var amountDims = []Dimension{DimensionMassConcentration, DimensionMassPerCells, DimensionMass}

// analyteCatalogue lists the analytes commonly measured in MSC secretomes
// (domain notes §7: VEGF-A, HGF, TGF-β1, IGF-1, FGF-2, EGF, PDGF-BB, KGF,
// IL-6, IL-10, TSG-6, PGE2), plus a few frequent companions. It is
// immutable.
var analyteCatalogue = []AnalyteInfo{
	{Name: "VEGF-A", Aliases: []string{"VEGF", "VEGFA", "VEGF-165"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "HGF", Aliases: []string{"hepatocyte growth factor", "scatter factor"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "TGF-β1", Aliases: []string{"TGF-b1", "TGF-beta1", "TGF-beta-1", "TGFB1", "TGFβ1"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "IGF-1", Aliases: []string{"IGF1", "IGF-I", "somatomedin C"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "FGF-2", Aliases: []string{"bFGF", "FGF2", "basic FGF", "basic fibroblast growth factor"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "EGF", Aliases: []string{"epidermal growth factor"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "PDGF-BB", Aliases: []string{"PDGFBB"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "FGF-7", Aliases: []string{"KGF", "FGF7", "keratinocyte growth factor"}, Class: AnalyteClassGrowthFactor, Dimensions: amountDims},
	{Name: "IL-6", Aliases: []string{"IL6", "interleukin-6"}, Class: AnalyteClassCytokine, Dimensions: amountDims},
	{Name: "IL-10", Aliases: []string{"IL10", "interleukin-10"}, Class: AnalyteClassCytokine, Dimensions: amountDims},
	{Name: "IL-8", Aliases: []string{"IL8", "CXCL8", "interleukin-8"}, Class: AnalyteClassCytokine, Dimensions: amountDims},
	{Name: "MCP-1", Aliases: []string{"CCL2", "MCP1"}, Class: AnalyteClassCytokine, Dimensions: amountDims},
	{Name: "TSG-6", Aliases: []string{"TSG6", "TNFAIP6"}, Class: AnalyteClassCytokine, Dimensions: amountDims},
	{Name: "PGE2", Aliases: []string{"prostaglandin E2", "PGE-2"}, Class: AnalyteClassLipidMediator, Dimensions: amountDims},
	{Name: "CD9", Class: AnalyteClassEVMarker, Dimensions: amountDims},
	{Name: "CD63", Class: AnalyteClassEVMarker, Dimensions: amountDims},
	{Name: "CD81", Class: AnalyteClassEVMarker, Dimensions: amountDims},
	{Name: "TSG101", Class: AnalyteClassEVMarker, Dimensions: amountDims},
}

// analyteKeyLen bounds the normalised names held in the index.
const analyteKeyLen = 64

// analyteIndex maps normalised names and aliases to catalogue positions.
// It is built once and never changed.
var analyteIndex = func() map[string]int {
	m := map[string]int{}
	var buf [analyteKeyLen]byte
	for i, a := range analyteCatalogue {
		m[string(normaliseName(buf[:0], a.Name))] = i
		for _, al := range a.Aliases {
			m[string(normaliseName(buf[:0], al))] = i
		}
	}
	return m
}()

// normaliseName folds a name for lookup: lowercase ASCII, Greek β read as
// b, and spaces, hyphens, underscores and dots dropped.
func normaliseName(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '.':
		case r == 'β' || r == 'ß':
			dst = append(dst, 'b')
		case r >= 'A' && r <= 'Z':
			dst = append(dst, byte(r-'A'+'a'))
		case r < 0x80:
			dst = append(dst, byte(r))
		default:
			dst = append(dst, string(r)...)
		}
		if len(dst) > analyteKeyLen {
			return dst
		}
	}
	return dst
}

// LookupAnalyte finds the catalogue entry for a name or alias, ignoring
// case, spaces, hyphens and the spelling of β ("bFGF", "FGF2" and "fgf-2"
// all find FGF-2). The entry is the caller's own copy: changing its slices
// does not change the catalogue.
func LookupAnalyte(name string) (AnalyteInfo, bool) {
	a := lookupAnalyte(name)
	if a == nil {
		return AnalyteInfo{}, false
	}
	return a.clone(), true
}

// lookupAnalyte is LookupAnalyte without the copy, for validation, which
// only reads the entry and must not allocate.
func lookupAnalyte(name string) *AnalyteInfo {
	var buf [analyteKeyLen + 4]byte
	key := normaliseName(buf[:0], name)
	if i, ok := analyteIndex[string(key)]; ok {
		return &analyteCatalogue[i]
	}
	return nil
}

func (a *AnalyteInfo) clone() AnalyteInfo {
	c := *a
	c.Aliases = slices.Clone(a.Aliases)
	c.Dimensions = slices.Clone(a.Dimensions)
	return c
}

// Analytes returns a copy of the catalogue, in a stable order; changing it
// does not change the catalogue.
func Analytes() []AnalyteInfo {
	out := make([]AnalyteInfo, len(analyteCatalogue))
	for i := range analyteCatalogue {
		out[i] = analyteCatalogue[i].clone()
	}
	return out
}
