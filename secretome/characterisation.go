package secretome

import (
	"bytes"
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

// isctSet is one set of MSC identity criteria: the positive markers and
// their lowest share, the negative marker groups (each met by any one of
// its members) and their highest share.
type isctSet struct {
	standard    string
	positive    []string
	positiveMin decimal.Decimal
	negative    [][]string
	negativeMax decimal.Decimal
	posTitle    string
	negTitle    string
}

// The ISCT minimal criteria (Dominici et al., Cytotherapy
// 2006;8(4):315-317): at least 95 % of cells positive for CD105, CD73 and
// CD90, at most 2 % positive for the haematopoietic and HLA-DR markers.
// For adipose-derived stromal cells the IFATS/ISCT joint statement
// (Bourin et al., Cytotherapy 2013;15(6):641-648) differs: CD34 may be
// present (it is not asked to be absent), the positive markers are asked
// on at least 80 % of cells, and CD31 (endothelial) and CD235a
// (erythroid) join CD45 among the negative markers. The adipose
// thresholds are encoded as the library read the statement and are not
// verified against its tables. Both sets are immutable.
var (
	isctDominici = isctSet{
		standard:    "ISCT minimal criteria for MSC (Dominici et al., Cytotherapy 2006;8(4):315-317)",
		positive:    []string{"CD105", "CD73", "CD90"},
		positiveMin: decimal.NewFromInt(95),
		negative:    [][]string{{"CD45"}, {"CD34"}, {"CD14", "CD11b"}, {"CD79a", "CD79α", "CD19"}, {"HLA-DR"}},
		negativeMax: decimal.NewFromInt(2),
		posTitle:    "≥ 95 % positive for CD105, CD73 and CD90",
		negTitle:    "≤ 2 % positive for CD45, CD34, CD14 or CD11b, CD79α or CD19, HLA-DR",
	}
	isctAdipose = isctSet{
		standard:    "IFATS/ISCT criteria for adipose-derived stromal cells (Bourin et al., Cytotherapy 2013;15(6):641-648; thresholds not verified), with the ISCT minimal criteria (Dominici et al. 2006) for adherence and differentiation",
		positive:    []string{"CD105", "CD73", "CD90"},
		positiveMin: decimal.NewFromInt(80),
		negative:    [][]string{{"CD45"}, {"CD31"}, {"CD235a"}},
		negativeMax: decimal.NewFromInt(2),
		posTitle:    "≥ 80 % positive for CD105, CD73 and CD90",
		negTitle:    "≤ 2 % positive for CD45, CD31 and CD235a (CD34 may be present)",
	}
)

// isctCriteria returns the set that applies to the source: the IFATS/ISCT
// criteria for adipose tissue, the ISCT minimal criteria otherwise.
func isctCriteria(src *Source) *isctSet {
	if src.Tissue == TissueAdipose {
		return &isctAdipose
	}
	return &isctDominici
}

// ISCT checks the producing cells against the ISCT minimal criteria for
// multipotent mesenchymal stromal cells (Dominici et al. 2006): plastic
// adherence; CD105, CD73 and CD90 on at least 95 % of cells; CD45, CD34,
// CD14 or CD11b, CD79α or CD19 and HLA-DR on at most 2 %; and in vitro
// differentiation into osteoblasts, adipocytes and chondroblasts. For
// cells from adipose tissue it applies the IFATS/ISCT criteria for
// adipose-derived stromal cells (Bourin et al. 2013) where they differ:
// CD105, CD73 and CD90 on at least 80 %; CD45, CD31 and CD235a on at most
// 2 %; CD34 not asked to be absent. The Standard of the checklist names
// the set applied; the adipose thresholds are not verified against the
// statement's tables.
//
// The criteria apply to MSCs; for other cell types the checklist is still
// computed, and Validate does not report it.
func ISCT(src *Source) Checklist {
	set := isctCriteria(src)
	id := src.Identity
	c := Checklist{Standard: set.standard}
	adh := Criterion{ID: "isct.plastic_adherence", Title: "plastic-adherent in standard culture"}
	pos := Criterion{ID: "isct.positive_markers", Title: set.posTitle}
	neg := Criterion{ID: "isct.negative_markers", Title: set.negTitle}
	diff := Criterion{ID: "isct.trilineage", Title: "in vitro differentiation to osteoblasts, adipocytes and chondroblasts"}
	if id != nil {
		adh.Status, adh.Detail = isctAdherence(id)
		pos.Status, pos.Detail = isctMarkers(id, set, true)
		neg.Status, neg.Detail = isctMarkers(id, set, false)
		diff.Status, diff.Detail = isctDifferentiation(id)
	}
	c.Criteria = []Criterion{adh, pos, neg, diff}
	return c
}

// isctSummary evaluates the ISCT criteria without building a report, for
// validation: it returns how many criteria are not met and not reported.
func isctSummary(src *Source) (notMet, notReported int) {
	id := src.Identity
	if id == nil {
		return 0, 4
	}
	set := isctCriteria(src)
	for _, s := range [...]Status{
		first(isctAdherence(id)),
		first(isctMarkers(id, set, true)),
		first(isctMarkers(id, set, false)),
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

// isctMarkers checks either the positive markers of the set (each must
// be at least positiveMin) or its negative groups (one member of each
// must be given, all given members at most negativeMax). A marker that is
// not listed makes the criterion not reported, unless another marker
// already fails it.
func isctMarkers(id *Identity, set *isctSet, positive bool) (Status, string) {
	var failed, missing []string
	if positive {
		for _, name := range set.positive {
			m := findMarker(id.Markers, name)
			switch {
			case m == nil || !m.PercentPositive.Valid:
				missing = append(missing, name)
			case cmpDec(m.PercentPositive.Decimal, set.positiveMin) < 0:
				failed = append(failed, name+" "+asWritten(m.PercentPositive.Decimal)+" %")
			}
		}
	} else {
		for _, group := range set.negative {
			seen := false
			for _, name := range group {
				m := findMarker(id.Markers, name)
				if m == nil || !m.PercentPositive.Valid {
					continue
				}
				seen = true
				if cmpDec(m.PercentPositive.Decimal, set.negativeMax) > 0 {
					failed = append(failed, name+" "+asWritten(m.PercentPositive.Decimal)+" %")
				}
			}
			if !seen {
				missing = append(missing, strings.Join(group, " or "))
			}
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
func sameMarker(a, b string) bool { return matchMarker(a, b, false) }

// matchMarker compares a with b ignoring ASCII case, spaces and hyphens:
// whole names, or, when prefix is true, whether a starts with b.
func matchMarker(a, b string, prefix bool) bool {
	i, j := 0, 0
	for {
		for i < len(a) && (a[i] == ' ' || a[i] == '-') {
			i++
		}
		for j < len(b) && (b[j] == ' ' || b[j] == '-') {
			j++
		}
		if prefix && j == len(b) {
			return true
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

// EV protein categories of MISEV2018 Table 3 (Théry et al., J Extracell
// Vesicles 2018;7:1535750), which MISEV2023 keeps. Names are compared as
// findMarker does (ignoring case, spaces and hyphens); an entry ending in
// "*" matches every name that starts with it (ITGB* for the integrins
// β1, β3, ...). The lists give the members and aliases MISEV2018 names
// and are not exhaustive. They are immutable.
var (
	// evCategory1 are transmembrane or GPI-anchored proteins of the plasma
	// membrane or endosomes: tetraspanins, other multi-pass proteins, MHC
	// class I, integrins, transferrin receptor, LAMP1/2, syndecans,
	// EMMPRIN, ADAM10, CD73, CD55, CD59, and cell-type-specific ones.
	evCategory1 = []string{"CD63", "CD81", "CD82", "CD9", "CD47",
		"MHC class I", "MHC-I", "HLA-A", "HLA-B", "HLA-C", "HLA-ABC",
		"ITGA*", "ITGB*", "integrin*", "CD29", "CD49*", "CD51", "CD61",
		"TFRC", "transferrin receptor", "CD71",
		"LAMP1", "LAMP2", "CD107a", "CD107b",
		"SDC1", "SDC2", "SDC3", "SDC4", "syndecan*", "CD138",
		"BSG", "EMMPRIN", "CD147", "ADAM10", "CD73", "NT5E", "CD55", "CD59",
		"CD90", "THY1", "CD45", "PTPRC", "CD14", "EPCAM", "CD326", "MHC class II", "MHC-II", "HLA-DR"}
	// evCategory2 are cytosolic proteins recovered in EVs: ESCRT and
	// accessory proteins, flotillins, caveolins, annexins, heat-shock
	// proteins, syntenin, ARF6, and the promiscuous HSP70, actin,
	// tubulin and GAPDH.
	evCategory2 = []string{"TSG101", "CHMP*", "ALIX", "PDCD6IP", "VPS4A", "VPS4B",
		"FLOT1", "FLOT2", "flotillin*", "CAV1", "CAV2", "CAV3", "caveolin*",
		"ANXA*", "annexin*", "HSC70", "HSPA8", "HSP90AB1", "HSP84",
		"SDCBP", "syntenin*", "ARF6", "HSP70", "HSPA1A", "actin", "ACTB", "tubulin", "TUBA*", "TUBB*", "GAPDH"}
	// evCategory3 are major components of non-EV structures co-isolated
	// with EVs: lipoproteins, albumin, uromodulin, ribosomal proteins.
	// Showing one absent or depleted is MISEV2018's purity check.
	evCategory3 = []string{"APOA1", "APOA2", "APOB", "APOB100", "apolipoprotein*", "ApoA-I", "ApoA-II", "ApoB",
		"albumin", "ALB", "HSA", "BSA", "uromodulin", "UMOD", "Tamm-Horsfall*", "THP",
		"ribosomal protein*", "RPL*", "RPS*"}
	// evCategory4 are proteins of other intracellular compartments:
	// nucleus, mitochondria, endoplasmic reticulum, Golgi, RISC. They
	// matter when a small-EV or subtype origin is claimed; absent alone,
	// they do not show purity.
	evCategory4 = []string{"histone*", "H2A", "H2B", "H3", "H4", "lamin*", "LMNA", "LMNB1", "LMNB2",
		"TOMM20", "cytochrome c", "CYCS", "calnexin", "CANX", "GRP94", "HSP90B1",
		"BiP", "HSPA5", "GRP78", "GM130", "GOLGA2", "AGO2", "argonaute*"}
	// evCategory5 are secreted proteins recovered with EVs: cytokines,
	// growth factors, extracellular-matrix and adhesion proteins.
	evCategory5 = []string{"VEGF*", "FGF*", "bFGF", "TGFB*", "TGF-β*", "TGF-beta*", "PDGF*", "EGF", "HGF", "IL*", "interleukin*",
		"fibronectin", "FN1", "MFGE8", "lactadherin", "LGALS3BP"}
)

// markerKey appends name to b as marker names are compared (see
// findMarker): without spaces and hyphens, ASCII letters in upper case.
// Two names are the same marker when their keys are equal, and a name
// starts with a prefix when its key starts with the prefix's key.
func markerKey(b []byte, name string) []byte {
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == ' ' || c == '-':
		case 'a' <= c && c <= 'z':
			b = append(b, c-('a'-'A'))
		default:
			b = append(b, c)
		}
	}
	return b
}

// evTable finds the category of a marker name: exact maps the key of
// each name in the lists to the lowest category listing it, and prefixes
// holds the key of each entry ending in "*", in category order. Made
// once from the lists, it is never changed.
type evTable struct {
	exact    map[string]int
	prefixes []evPrefix
}

type evPrefix struct {
	key string
	cat int
}

var evCategories = func() *evTable {
	t := &evTable{exact: map[string]int{}}
	for i, list := range [...][]string{evCategory1, evCategory2, evCategory3, evCategory4, evCategory5} {
		for _, w := range list {
			if prefix, ok := strings.CutSuffix(w, "*"); ok {
				t.prefixes = append(t.prefixes, evPrefix{string(markerKey(nil, prefix)), i + 1})
			} else if k := string(markerKey(nil, w)); t.exact[k] == 0 {
				t.exact[k] = i + 1
			}
		}
	}
	return t
}()

// EVCategory returns the MISEV2018 Table 3 category (1 to 5) of a protein
// marker name, or 0 when the name is not in the library's lists: 1
// transmembrane or GPI-anchored proteins (CD63, CD81, CD9, integrins),
// 2 cytosolic proteins recovered in EVs (TSG101, ALIX, syntenin,
// flotillins), 3 components of non-EV co-isolated structures
// (lipoproteins, albumin, ribosomal proteins), 4 proteins of other
// intracellular compartments (histones, calnexin, GM130, TOMM20), 5
// secreted proteins recovered with EVs (cytokines, growth factors,
// fibronectin, MFGE8). Aliases are accepted (ALIX or PDCD6IP, CD73 or
// NT5E); the lists are not exhaustive.
func EVCategory(name string) int {
	var buf [64]byte
	key := markerKey(buf[:0], name)
	cat := evCategories.exact[string(key)]
	for _, p := range evCategories.prefixes {
		if cat != 0 && p.cat >= cat {
			break // no prefix of a lower category matches
		}
		if bytes.HasPrefix(key, []byte(p.key)) {
			return p.cat
		}
	}
	return cat
}

// EVCharacterisation reports which items of EV characterisation a product
// documents, after MISEV2018 (Théry et al., J Extracell Vesicles
// 2018;7:1535750), whose structure MISEV2023 (Welsh et al., J Extracell
// Vesicles 2024;13:e12404) keeps: source material; a separation step;
// quantification by at least two of particle number, protein and lipid,
// and a ratio of them; at least three positive EV proteins with at least
// one transmembrane or GPI-anchored protein (Table 3, category 1) and one
// cytosolic protein (category 2); at least one negative marker of non-EV
// co-isolated structures (category 3), since proteins of other
// intracellular compartments (category 4) alone do not show purity;
// single-vesicle imaging and single-particle analysis; and, for the
// conditioned medium, a serum-free medium or EV-depleted serum and the
// cell viability at harvest. MISEV2023's own numeric minimums are not
// encoded.
func EVCharacterisation(p *Product) Checklist {
	c := Checklist{Standard: "EV characterisation after MISEV2018 (Théry et al. 2018, Table 3 categories) and MISEV2023 (items, not thresholds)"}
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
	particles, protein, lipid := !v.ParticleConcentration.IsZero(), !p.Composition.TotalProtein.IsZero(), !v.TotalLipid.IsZero()
	quant := btoi(particles)+btoi(protein)+btoi(lipid) >= 2
	ratio := sameVolumeBasis(v.ParticleConcentration, p.Composition.TotalProtein) || sameVolumeBasis(v.ParticleConcentration, v.TotalLipid)
	c.Criteria = []Criterion{
		item("ev.source_amount", "amount of source material reported", !v.SourceAmount.IsZero(), "give composition.vesicles.source_amount (cells or volume of medium)"),
		item("ev.separation", "separation method that removes soluble material", sep, "no separating step (ultracentrifugation, TFF, SEC, density gradient, precipitation, immunoaffinity) in derivative.processing"),
		item("ev.quantification", "quantified by at least two of particle number, protein and lipid", quant, "need two of particle_concentration, total_protein and vesicles.total_lipid"),
		item("ev.purity_ratio", "particle-to-protein or particle-to-lipid ratio can be computed", ratio, "need the particle concentration and a protein or lipid concentration per volume"),
		item("ev.marker_transmembrane", "a transmembrane or GPI-anchored EV protein (MISEV2018 category 1)", anyCategory(v.PositiveMarkers, 1), "none of CD63, CD81, CD9, other tetraspanins, integrins, MHC class I or other category-1 proteins among positive_markers"),
		item("ev.marker_cytosolic", "a cytosolic protein recovered in EVs (MISEV2018 category 2)", anyCategory(v.PositiveMarkers, 2), "none of TSG101, ALIX, syntenin, flotillins, annexins, HSC70 or other category-2 proteins among positive_markers"),
		item("ev.marker_count", "at least three positive EV proteins of categories 1 and 2", evMarkerCount(v.PositiveMarkers) >= 3, "fewer than three distinct category-1 or category-2 proteins among positive_markers"),
		negativeCriterion(v.NegativeMarkers),
		item("ev.imaging", "single-vesicle imaging", len(v.Imaging) > 0, "no EM, AFM or super-resolution imaging"),
		item("ev.single_particle", "single-particle analysis (count and size)", v.SizeMethod.SingleParticle() && (!v.SizeMode.IsZero() || !v.SizeMean.IsZero()), "need size_mode or size_mean measured by NTA, TRPS or flow cytometry"),
		mediumCriterion(&p.Source.Culture),
		item("ev.harvest_viability", "cell viability at harvest of the conditioned medium", !p.Source.Culture.ViabilityAtHarvest.IsZero(), "give source.culture.viability_at_harvest"),
	}
	return c
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// anyCategory reports whether some marker is of the MISEV2018 category.
func anyCategory(ms []string, cat int) bool {
	for _, m := range ms {
		if EVCategory(m) == cat {
			return true
		}
	}
	return false
}

// evMarkerCount counts the distinct category-1 and category-2 proteins
// among the markers, comparing names as findMarker does.
func evMarkerCount(ms []string) int {
	n := 0
	for i, m := range ms {
		if k := EVCategory(m); k != 1 && k != 2 {
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

// negativeCriterion checks MISEV2018's purity item: a negative marker of
// non-EV co-isolated structures (category 3). Category-4 proteins alone
// leave it not shown, and the detail says so.
func negativeCriterion(ms []string) Criterion {
	cr := Criterion{ID: "ev.marker_negative", Title: "a purity marker of non-EV co-isolated structures shown absent (MISEV2018 category 3)", Status: StatusMet}
	switch {
	case anyCategory(ms, 3):
	case anyCategory(ms, 4):
		cr.Status, cr.Detail = StatusNotReported, "only proteins of other intracellular compartments (category 4, such as calnexin or GM130) among negative_markers; they do not show purity from lipoproteins, albumin or other co-isolated structures (category 3, such as APOA1, APOB or albumin)"
	default:
		cr.Status, cr.Detail = StatusNotReported, "no category-3 marker such as APOA1, APOB, albumin or uromodulin among negative_markers"
	}
	return cr
}

// mediumCriterion checks the MISEV2018 pre-analytical item on the medium:
// serum-free, or a serum or lysate depleted of its own EVs.
func mediumCriterion(cu *Culture) Criterion {
	cr := Criterion{ID: "ev.medium", Title: "serum-free medium, or serum or lysate depleted of EVs", Status: StatusMet}
	switch {
	case cu.Supplement == SupplementSerumFree:
	case cu.EVDepleted == nil:
		cr.Status, cr.Detail = StatusNotReported, "the medium is not serum-free and source.culture.ev_depleted is not stated"
	case !*cu.EVDepleted:
		cr.Status, cr.Detail = StatusNotMet, "the supplement ("+cu.Supplement.String()+") was not depleted of EVs, which are then co-isolated with the product"
	}
	return cr
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
