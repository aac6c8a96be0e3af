package secretome

import (
	"strings"

	"github.com/openregen/secretomekit/internal/enum"
	"github.com/shopspring/decimal"
)

// Status is the state of one characterisation criterion. The zero value,
// StatusNotReported, is a real state (spelled "not_reported"): the
// product gives no data to judge the criterion by.
type Status uint8

// Criterion states.
const (
	StatusNotReported Status = iota // not_reported: no data to judge by
	StatusMet                       // met: the data satisfy the criterion
	StatusNotMet                    // not_met: the data contradict it
)

var statusNames = enum.New[Status]("criterion status", "not_reported", "met", "not_met")

// String returns the stable spelling: "not_reported", "met" or "not_met".
func (s Status) String() string { return statusNames.Name(s) }

// MarshalText encodes the stable spelling; a value out of range is an
// error.
func (s Status) MarshalText() ([]byte, error) { return statusNames.Marshal(s) }

// UnmarshalText decodes a stable spelling; anything else, including the
// empty string, is an *EnumError.
func (s *Status) UnmarshalText(b []byte) error { return statusNames.Unmarshal(s, b) }

// Values lists the accepted spellings.
func (Status) Values() []string { return statusNames.Values() }

// Criterion is one item of a characterisation checklist and how the
// product fares on it.
type Criterion struct {
	// ID is stable, such as "isct.positive_markers" or "ev.separation".
	ID string `json:"id"`
	// Title states the criterion for people, such as "≥ 95 % positive
	// for CD105, CD73 and CD90"; its wording may change.
	Title string `json:"title"`
	// Status says whether the product meets the criterion, fails it, or
	// gives no data for it.
	Status Status `json:"status"`
	// Detail explains the status: which markers failed, what is missing.
	Detail string `json:"detail,omitempty"`
}

// Checklist is the result of a characterisation check.
type Checklist struct {
	// Standard names the standard, with its reference.
	Standard string `json:"standard"`
	// Criteria lists every item of the standard in a fixed order, met or
	// not.
	Criteria []Criterion `json:"criteria"`
}

// Count returns how many criteria have the status.
func (c *Checklist) Count(s Status) int {
	n := 0
	for _, cr := range c.Criteria {
		if cr.Status == s {
			n++
		}
	}
	return n
}

// Complete reports whether every criterion is met.
func (c *Checklist) Complete() bool { return c.Count(StatusMet) == len(c.Criteria) }

// Thresholds of the ISCT minimal criteria (Dominici et al., Cytotherapy
// 2006;8(4):315-317): at least 95 % of cells positive for CD105, CD73 and
// CD90, at most 2 % positive for the haematopoietic and HLA-DR markers.
var (
	isctPositiveMin = decimal.NewFromInt(95)
	isctNegativeMax = decimal.NewFromInt(2)
)

// isctPositive are the markers that must be expressed.
var isctPositive = [...]string{"CD105", "CD73", "CD90"}

// isctNegative are the markers that must be absent; each group is met by
// any one of its members (CD14 or CD11b; CD79α or CD19).
var isctNegative = [...][]string{{"CD45"}, {"CD34"}, {"CD14", "CD11b"}, {"CD79a", "CD79α", "CD19"}, {"HLA-DR"}}

// ISCT checks the producing cells against the ISCT minimal criteria for
// multipotent mesenchymal stromal cells (Dominici et al. 2006): plastic
// adherence; CD105, CD73 and CD90 on at least 95 % of cells; CD45, CD34,
// CD14 or CD11b, CD79α or CD19 and HLA-DR on at most 2 %; and in vitro
// differentiation into osteoblasts, adipocytes and chondroblasts.
//
// The criteria apply to MSCs; for other cell types the checklist is still
// computed, and Validate does not report it.
func ISCT(src *Source) Checklist {
	id := src.Identity
	c := Checklist{Standard: "ISCT minimal criteria for MSC (Dominici et al., Cytotherapy 2006;8(4):315-317)"}
	adh := Criterion{ID: "isct.plastic_adherence", Title: "plastic-adherent in standard culture"}
	pos := Criterion{ID: "isct.positive_markers", Title: "≥ 95 % positive for CD105, CD73 and CD90"}
	neg := Criterion{ID: "isct.negative_markers", Title: "≤ 2 % positive for CD45, CD34, CD14 or CD11b, CD79α or CD19, HLA-DR"}
	diff := Criterion{ID: "isct.trilineage", Title: "in vitro differentiation to osteoblasts, adipocytes and chondroblasts"}
	if id != nil {
		adh.Status, adh.Detail = isctAdherence(id)
		pos.Status, pos.Detail = isctMarkers(id, isctPositive[:], nil)
		neg.Status, neg.Detail = isctMarkers(id, nil, isctNegative[:])
		diff.Status, diff.Detail = isctDifferentiation(id)
	}
	c.Criteria = []Criterion{adh, pos, neg, diff}
	return c
}

// isctSummary evaluates the ISCT criteria without building a report, for
// validation: it returns how many criteria are not met and not reported.
func isctSummary(id *Identity) (notMet, notReported int) {
	if id == nil {
		return 0, 4
	}
	for _, s := range [...]Status{
		first(isctAdherence(id)),
		first(isctMarkers(id, isctPositive[:], nil)),
		first(isctMarkers(id, nil, isctNegative[:])),
		first(isctDifferentiation(id)),
	} {
		switch s {
		case StatusNotMet:
			notMet++
		case StatusNotReported:
			notReported++
		}
	}
	return notMet, notReported
}

func first(s Status, _ string) Status { return s }

func isctAdherence(id *Identity) (Status, string) {
	switch {
	case id.PlasticAdherent == nil:
		return StatusNotReported, ""
	case *id.PlasticAdherent:
		return StatusMet, ""
	default:
		return StatusNotMet, "cells reported as not plastic-adherent"
	}
}

func isctDifferentiation(id *Identity) (Status, string) {
	d := id.Differentiation
	if d == nil {
		return StatusNotReported, ""
	}
	if d.Osteogenic && d.Adipogenic && d.Chondrogenic {
		return StatusMet, ""
	}
	var missing []string
	if !d.Osteogenic {
		missing = append(missing, "osteogenic")
	}
	if !d.Adipogenic {
		missing = append(missing, "adipogenic")
	}
	if !d.Chondrogenic {
		missing = append(missing, "chondrogenic")
	}
	return StatusNotMet, "not shown: " + strings.Join(missing, ", ")
}

// isctMarkers checks either the positive markers (each must be ≥ 95 %) or
// the negative groups (one member of each must be given, all given members
// ≤ 2 %). A marker that is not listed makes the criterion not reported,
// unless another marker already fails it.
func isctMarkers(id *Identity, positive []string, negative [][]string) (Status, string) {
	var failed, missing []string
	for _, name := range positive {
		m := findMarker(id.Markers, name)
		switch {
		case m == nil || !m.PercentPositive.Valid:
			missing = append(missing, name)
		case cmpDec(m.PercentPositive.Decimal, isctPositiveMin) < 0:
			failed = append(failed, name+" "+asWritten(m.PercentPositive.Decimal)+" %")
		}
	}
	for _, group := range negative {
		seen := false
		for _, name := range group {
			m := findMarker(id.Markers, name)
			if m == nil || !m.PercentPositive.Valid {
				continue
			}
			seen = true
			if cmpDec(m.PercentPositive.Decimal, isctNegativeMax) > 0 {
				failed = append(failed, name+" "+asWritten(m.PercentPositive.Decimal)+" %")
			}
		}
		if !seen {
			missing = append(missing, strings.Join(group, " or "))
		}
	}
	switch {
	case len(failed) > 0:
		return StatusNotMet, "outside the threshold: " + strings.Join(failed, ", ")
	case len(missing) > 0:
		return StatusNotReported, "not reported: " + strings.Join(missing, ", ")
	}
	return StatusMet, ""
}

// findMarker finds a marker by name, ignoring case, spaces and hyphens.
func findMarker(ms []Marker, name string) *Marker {
	for i := range ms {
		if sameMarker(ms[i].Name, name) {
			return &ms[i]
		}
	}
	return nil
}

// sameMarker compares marker names ignoring ASCII case, spaces and hyphens,
// without allocating.
func sameMarker(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && (a[i] == ' ' || a[i] == '-') {
			i++
		}
		for j < len(b) && (b[j] == ' ' || b[j] == '-') {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		ca, cb := a[i], b[j]
		if 'a' <= ca && ca <= 'z' {
			ca -= 'a' - 'A'
		}
		if 'a' <= cb && cb <= 'z' {
			cb -= 'a' - 'A'
		}
		if ca != cb {
			return false
		}
		i++
		j++
	}
}

// EV marker groups after MISEV2018 (Théry et al., J Extracell Vesicles
// 2018;7:1535750), whose structure MISEV2023 keeps.
var (
	// evTransmembrane are transmembrane or GPI-anchored EV proteins
	// (category 1): tetraspanins, integrins, MFGE8.
	evTransmembrane = []string{"CD9", "CD63", "CD81", "CD82", "MFGE8", "ITGB1", "ITGA1", "EGFR"}
	// evCytosolic are cytosolic proteins recovered in EVs (category 2).
	evCytosolic = []string{"TSG101", "SDCBP", "syntenin", "syntenin-1", "ANXA1", "ANXA2", "ANXA5", "annexin", "RAB5", "RAB7", "RAB11", "RAB27A"}
	// evContaminants are markers of co-isolated material whose absence shows
	// purity: ER, Golgi, mitochondria, nucleus, RISC, lipoproteins.
	evContaminants = []string{"calnexin", "CANX", "GRP94", "HSP90B1", "GM130", "GOLGA2", "cytochrome c", "CYCS", "histone", "histones", "H3", "AGO2", "argonaute", "APOA1", "APOB", "albumin"}
)

// EVCharacterisation reports which items of EV characterisation a product
// documents. The items follow the structure of MISEV2018, which MISEV2023
// (Welsh et al., J Extracell Vesicles 2024;13:e12404) keeps as
// recommendations: source material, separation, quantification by two
// methods, purity ratio, positive markers of two kinds and at least three
// in all, a negative marker, single-vesicle imaging and single-particle
// analysis. MISEV2023's own numeric minimums were not verified and are not
// encoded.
func EVCharacterisation(p *Product) Checklist {
	c := Checklist{Standard: "EV characterisation after MISEV2018/MISEV2023 (items, not thresholds)"}
	v := p.Composition.Vesicles
	if v == nil {
		v = &Vesicles{}
	}
	item := func(id, title string, ok bool, missing string) Criterion {
		if ok {
			return Criterion{ID: id, Title: title, Status: StatusMet}
		}
		return Criterion{ID: id, Title: title, Status: StatusNotReported, Detail: missing}
	}
	sep := false
	for _, s := range p.Derivative.Processing {
		sep = sep || s.Step.Separates()
	}
	quant := !v.ParticleConcentration.IsZero() && !p.Composition.TotalProtein.IsZero()
	c.Criteria = []Criterion{
		item("ev.source_amount", "amount of source material reported", !v.SourceAmount.IsZero(), "give composition.vesicles.source_amount (cells or volume of medium)"),
		item("ev.separation", "separation method that removes soluble material", sep, "no separating step (ultracentrifugation, TFF, SEC, density gradient, precipitation, immunoaffinity) in derivative.processing"),
		item("ev.quantification", "quantified by particle number and protein", quant, "need both particle_concentration and total_protein"),
		item("ev.purity_ratio", "particle-to-protein ratio can be computed", quant && sameVolumeBasis(v.ParticleConcentration, p.Composition.TotalProtein), "need particle and protein concentrations per volume"),
		item("ev.marker_transmembrane", "a transmembrane or GPI-anchored EV protein", anyMarker(v.PositiveMarkers, evTransmembrane), "none of CD9, CD63, CD81, integrins or MFGE8 among positive_markers"),
		item("ev.marker_cytosolic", "a cytosolic EV protein", anyMarker(v.PositiveMarkers, evCytosolic), "none of TSG101, syntenin, annexins or Rabs among positive_markers"),
		item("ev.marker_count", "at least three positive EV proteins", distinctMarkers(v.PositiveMarkers) >= 3, "fewer than three distinct proteins among positive_markers"),
		item("ev.marker_negative", "a purity (negative) marker", anyMarker(v.NegativeMarkers, evContaminants), "no contaminant marker such as calnexin, GRP94 or histones among negative_markers"),
		item("ev.imaging", "single-vesicle imaging", len(v.Imaging) > 0, "no EM, AFM or super-resolution imaging"),
		item("ev.single_particle", "single-particle analysis (count and size)", v.SizeMethod.SingleParticle() && (!v.SizeMode.IsZero() || !v.SizeMean.IsZero()), "need size_mode or size_mean measured by NTA, TRPS or flow cytometry"),
	}
	return c
}

// PurityRatio returns the particles per microgram of protein when both
// concentrations are given per volume. The unit conversions are exact;
// the quotient is rounded half away from zero to six decimal places,
// because it rarely has a finite decimal form (1e9 / 3). ok is false when
// a concentration is missing, not per volume, or the protein is zero.
func PurityRatio(v *Vesicles, totalProtein Quantity) (decimal.Decimal, bool) {
	if v == nil || !sameVolumeBasis(v.ParticleConcentration, totalProtein) {
		return decimal.Decimal{}, false
	}
	pm, err1 := v.ParticleConcentration.Convert(UnitParticlesPerML)
	ug, err2 := totalProtein.Convert(UnitUgPerML)
	if err1 != nil || err2 != nil || ug.Value.IsZero() {
		return decimal.Decimal{}, false
	}
	return pm.Value.DivRound(ug.Value, 6), true
}

func sameVolumeBasis(particles, protein Quantity) bool {
	return particles.Dimension() == DimensionParticleConcentration && protein.Dimension() == DimensionMassConcentration
}

// distinctMarkers counts the different non-empty marker names, comparing
// them as findMarker does.
func distinctMarkers(ms []string) int {
	n := 0
	for i, m := range ms {
		if m == "" {
			continue
		}
		seen := false
		for _, prev := range ms[:i] {
			if sameMarker(prev, m) {
				seen = true
				break
			}
		}
		if !seen {
			n++
		}
	}
	return n
}

func anyMarker(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if sameMarker(h, w) {
				return true
			}
		}
	}
	return false
}
