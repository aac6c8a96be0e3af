package secretome

import "github.com/openregen/secretomekit/internal/enum"

// AssayMethod is how an analyte or a vesicle metric was measured.
type AssayMethod uint8

// Assay methods. AssayUnspecified (the zero value) means not given.
const (
	AssayUnspecified AssayMethod = iota
	AssayELISA
	AssayMultiplexBead
	AssayMassSpectrometry
	AssayWesternBlot
	AssayFlowCytometry
	AssayNTA  // nanoparticle tracking analysis
	AssayTRPS // tunable resistive pulse sensing
	AssayDLS  // dynamic light scattering
	AssayBCA  // bicinchoninic acid protein assay
	AssayBradford
	AssayAntibodyArray
	AssayOther
)

var assayNames = enum.New[AssayMethod]("assay method", "", "elisa", "multiplex_bead",
	"mass_spectrometry", "western_blot", "flow_cytometry", "nta", "trps", "dls", "bca", "bradford",
	"antibody_array", "other")

// String returns the stable spelling, such as "elisa".
func (v AssayMethod) String() string { return assayNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v AssayMethod) MarshalText() ([]byte, error) { return assayNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *AssayMethod) UnmarshalText(b []byte) error { return assayNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (AssayMethod) Values() []string { return assayNames.Values() }

// SingleParticle reports whether the method counts or sizes single
// particles without imaging them (NTA, TRPS, flow cytometry).
func (v AssayMethod) SingleParticle() bool {
	return v == AssayNTA || v == AssayTRPS || v == AssayFlowCytometry
}

// ImagingMethod is a way of imaging single vesicles.
type ImagingMethod uint8

// Imaging methods. ImagingUnspecified (the zero value) means not given.
const (
	ImagingUnspecified ImagingMethod = iota
	ImagingTEM
	ImagingCryoEM
	ImagingSEM
	ImagingAFM
	ImagingSuperResolution
)

var imagingNames = enum.New[ImagingMethod]("imaging method", "", "tem", "cryo_em", "sem", "afm", "super_resolution")

// String returns the stable spelling, such as "cryo_em".
func (v ImagingMethod) String() string { return imagingNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v ImagingMethod) MarshalText() ([]byte, error) { return imagingNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *ImagingMethod) UnmarshalText(b []byte) error { return imagingNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (ImagingMethod) Values() []string { return imagingNames.Values() }

// Composition is what the product contains, with exact quantities.
type Composition struct {
	// Analytes lists measured growth factors, cytokines, lipid mediators and
	// other molecules.
	Analytes []Analyte `json:"analytes,omitempty"`
	// TotalProtein is the total protein concentration (a mass
	// concentration such as mg/mL); zero means not measured.
	TotalProtein Quantity `json:"total_protein,omitzero"`
	// TotalProteinAssay is how total protein was measured.
	TotalProteinAssay AssayMethod `json:"total_protein_assay,omitempty"`
	// Vesicles describes the extracellular vesicles; nil means not
	// characterised.
	Vesicles *Vesicles `json:"vesicles,omitempty"`
}

// Analyte is one measured molecule.
type Analyte struct {
	// Name is the analyte as written; Canonical gives the catalogue name
	// (bFGF → FGF-2).
	Name string `json:"name"`
	// Quantity is the measured amount, required: a mass concentration
	// (pg/mL), a mass per cells (pg/10^6 cells) or a mass for catalogued
	// analytes, any unit for others.
	Quantity Quantity `json:"quantity"`
	// Assay is how the amount was measured; the zero value means not
	// given.
	Assay AssayMethod `json:"assay,omitempty"`
	// Basis says what the quantity is relative to when that is not plain
	// per volume, such as "per 10^6 cells per 24 h".
	Basis string `json:"basis,omitempty"`
}

// Canonical returns the catalogue entry of the analyte, if it is known.
func (a *Analyte) Canonical() (AnalyteInfo, bool) { return LookupAnalyte(a.Name) }

// Vesicles characterises the extracellular vesicles of a product.
type Vesicles struct {
	// ParticleConcentration is the particle count per volume.
	ParticleConcentration Quantity `json:"particle_concentration,omitzero"`
	// SizeMode is the modal vesicle diameter, a length such as 110 nm.
	SizeMode Quantity `json:"size_mode,omitzero"`
	// SizeMean is the mean vesicle diameter, a length.
	SizeMean Quantity `json:"size_mean,omitzero"`
	// SizeMethod is the single-particle method used for count and size.
	SizeMethod AssayMethod `json:"size_method,omitempty"`
	// PositiveMarkers lists EV proteins shown present, such as CD63, TSG101.
	PositiveMarkers []string `json:"positive_markers,omitempty"`
	// NegativeMarkers lists contaminant proteins shown absent or depleted,
	// such as calnexin.
	NegativeMarkers []string `json:"negative_markers,omitempty"`
	// Imaging lists single-vesicle imaging methods used.
	Imaging []ImagingMethod `json:"imaging,omitempty"`
	// SourceAmount is the amount of starting material: cells or volume of
	// conditioned medium.
	SourceAmount Quantity `json:"source_amount,omitzero"`
	// TotalLipid is the lipid content of the preparation, a mass
	// concentration such as 25 µg/mL; MISEV2018 accepts lipid besides
	// particle number and protein for quantifying EVs.
	TotalLipid Quantity `json:"total_lipid,omitzero"`
}
