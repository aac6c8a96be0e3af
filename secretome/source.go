package secretome

import (
	"github.com/openregen/secretomekit/internal/enum"
	"github.com/shopspring/decimal"
)

// CellType is the kind of cell that produced the secretome.
type CellType uint8

// Cell types. CellTypeUnspecified (the zero value) means not given.
const (
	CellTypeUnspecified CellType = iota
	CellTypeMSC                  // mesenchymal stromal/stem cells
	CellTypeIPSC                 // induced pluripotent stem cells
	CellTypeESC                  // embryonic stem cells
	CellTypeFibroblast
	CellTypeKeratinocyte
	CellTypeOther
)

var cellTypeNames = enum.New[CellType]("cell type", "", "msc", "ipsc", "esc", "fibroblast", "keratinocyte", "other")

// String returns the stable spelling, such as "msc".
func (v CellType) String() string { return cellTypeNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v CellType) MarshalText() ([]byte, error) { return cellTypeNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *CellType) UnmarshalText(b []byte) error { return cellTypeNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (CellType) Values() []string { return cellTypeNames.Values() }

// Tissue is the tissue the source cells were taken from.
type Tissue uint8

// Tissues. TissueUnspecified (the zero value) means not given.
const (
	TissueUnspecified Tissue = iota
	TissueBoneMarrow
	TissueAdipose
	TissueUmbilicalCord // umbilical cord, including Wharton's jelly
	TissueWhartonsJelly
	TissueDentalPulp
	TissuePlacenta
	TissueAmnion
	TissueIPSCDerived
	TissueEmbryonic
	TissueOther
)

var tissueNames = enum.New[Tissue]("tissue", "", "bone_marrow", "adipose", "umbilical_cord",
	"whartons_jelly", "dental_pulp", "placenta", "amnion", "ipsc_derived", "embryonic", "other")

// String returns the stable spelling, such as "umbilical_cord".
func (v Tissue) String() string { return tissueNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Tissue) MarshalText() ([]byte, error) { return tissueNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Tissue) UnmarshalText(b []byte) error { return tissueNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (Tissue) Values() []string { return tissueNames.Values() }

// Perinatal reports whether the tissue is a birth tissue (cord, Wharton's
// jelly, placenta, amnion).
func (v Tissue) Perinatal() bool {
	return v == TissueUmbilicalCord || v == TissueWhartonsJelly || v == TissuePlacenta || v == TissueAmnion
}

// Species is the organism the source cells came from.
type Species uint8

// Species. SpeciesUnspecified (the zero value) means not given.
const (
	SpeciesUnspecified Species = iota
	SpeciesHuman
	SpeciesBovine
	SpeciesPorcine
	SpeciesEquine
	SpeciesCanine
	SpeciesPlant
	SpeciesOther
)

var speciesNames = enum.New[Species]("species", "", "human", "bovine", "porcine", "equine", "canine", "plant", "other")

// String returns the stable spelling, such as "human".
func (v Species) String() string { return speciesNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Species) MarshalText() ([]byte, error) { return speciesNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Species) UnmarshalText(b []byte) error { return speciesNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (Species) Values() []string { return speciesNames.Values() }

// DonorType says whose cells were used relative to the recipient.
type DonorType uint8

// Donor types. DonorUnspecified (the zero value) means not given.
const (
	DonorUnspecified DonorType = iota
	DonorAutologous
	DonorAllogeneic
)

var donorTypeNames = enum.New[DonorType]("donor type", "", "autologous", "allogeneic")

// String returns the stable spelling, such as "allogeneic".
func (v DonorType) String() string { return donorTypeNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v DonorType) MarshalText() ([]byte, error) { return donorTypeNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *DonorType) UnmarshalText(b []byte) error { return donorTypeNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (DonorType) Values() []string { return donorTypeNames.Values() }

// Supplement is what the culture medium was supplemented with during
// conditioning; it decides the risk of xenogeneic carry-over.
type Supplement uint8

// Culture supplements. SupplementUnspecified (the zero value) means not given.
const (
	SupplementUnspecified Supplement = iota
	SupplementSerumFree
	SupplementXenoFree
	SupplementFBS                 // fetal bovine serum
	SupplementHumanPlateletLysate // hPL
	SupplementHumanSerum
)

var supplementNames = enum.New[Supplement]("culture supplement", "", "serum_free", "xeno_free", "fbs", "human_platelet_lysate", "human_serum")

// String returns the stable spelling, such as "fbs".
func (v Supplement) String() string { return supplementNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Supplement) MarshalText() ([]byte, error) { return supplementNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Supplement) UnmarshalText(b []byte) error { return supplementNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (Supplement) Values() []string { return supplementNames.Values() }

// Xenogeneic reports whether the supplement brings in animal material.
func (v Supplement) Xenogeneic() bool { return v == SupplementFBS }

// Preconditioning is a treatment of the cells meant to change what they
// secrete.
type Preconditioning uint8

// Preconditioning treatments.
const (
	PreconditioningUnspecified Preconditioning = iota
	PreconditioningHypoxia
	PreconditioningCytokinePriming
	PreconditioningThreeDCulture
	PreconditioningPharmacological
	PreconditioningOther
)

var preconditioningNames = enum.New[Preconditioning]("preconditioning", "", "hypoxia", "cytokine_priming", "3d_culture", "pharmacological", "other")

// String returns the stable spelling, such as "hypoxia".
func (v Preconditioning) String() string { return preconditioningNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Preconditioning) MarshalText() ([]byte, error) { return preconditioningNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Preconditioning) UnmarshalText(b []byte) error { return preconditioningNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (Preconditioning) Values() []string { return preconditioningNames.Values() }

// Source describes the cells that produced the secretome.
type Source struct {
	// CellType is the kind of producing cell; required. For MSCs the ISCT
	// criteria are checked.
	CellType CellType `json:"cell_type"`
	// Tissue is where the cells were taken from; required.
	Tissue Tissue `json:"tissue"`
	// Species is the donor organism; required.
	Species Species `json:"species"`
	// Donor says whose cells were used and how the donor was screened.
	Donor Donor `json:"donor"`
	// Passage is the passage number of the producing cells, 0 to 100. Nil
	// means not given; 0 is a real passage.
	Passage *int `json:"passage,omitempty"`
	// Culture describes how the cells conditioned the medium.
	Culture Culture `json:"culture"`
	// Identity records the identity tests of the cells; nil means none
	// reported.
	Identity *Identity `json:"identity,omitempty"`
}

// Donor describes the donor of the source cells and how they were screened.
type Donor struct {
	// Type says whether the cells are the recipient's own; required.
	Type DonorType `json:"type"`
	// Eligibility records donor screening and testing; nil means not
	// reported. Allogeneic material without it is a release risk.
	Eligibility *DonorEligibility `json:"eligibility,omitempty"`
	// Testing says whether the donor was screened and tested for
	// infectious diseases: "held" (done; Eligibility gives the details),
	// "not_held" (the dossier states it was not done), or left out (not
	// stated). A stated absence is worse than a gap in the record: the
	// quality baseline prohibits clinical use of allogeneic material from
	// an untested donor, and only asks for the record when it is not
	// stated.
	Testing Holding `json:"testing,omitempty"`
}

// DonorEligibility records how a donor was found eligible.
type DonorEligibility struct {
	// Screened says whether the donor's medical history was screened.
	Screened bool `json:"screened"`
	// Tests lists the infectious-disease tests done, such as "HIV-1/2",
	// "HBV", "HCV", "syphilis".
	Tests []string `json:"tests,omitempty"`
	// Standard names the rules followed, such as "21 CFR 1271 Subpart C".
	Standard string `json:"standard,omitempty"`
}

// Culture describes how the cells were grown while conditioning the medium.
type Culture struct {
	// Supplement is what the medium was supplemented with; required,
	// because it decides the risk of animal-derived carry-over.
	Supplement Supplement `json:"supplement"`
	// Preconditioning lists treatments of the cells before or during
	// conditioning, such as hypoxia.
	Preconditioning []Preconditioning `json:"preconditioning,omitempty"`
	// Oxygen is the oxygen tension in percent (0 to 100 %), when
	// controlled; zero means not given.
	Oxygen Quantity `json:"oxygen,omitzero"`
	// ConditioningTime is how long the medium stayed on the cells, a
	// positive duration such as 48 h; zero means not given.
	ConditioningTime Quantity `json:"conditioning_time,omitzero"`
	// EVDepleted says whether a serum or lysate supplement was depleted
	// of its own extracellular vesicles before conditioning, a MISEV2018
	// pre-analytical item; nil means not stated. It does not apply to a
	// serum-free medium.
	EVDepleted *bool `json:"ev_depleted,omitempty"`
	// ViabilityAtHarvest is the share of viable cells when the
	// conditioned medium was harvested (0 to 100 %), a MISEV2018
	// pre-analytical item; zero means not given.
	ViabilityAtHarvest Quantity `json:"viability_at_harvest,omitzero"`
}

// Identity records the identity tests of the producing cells, the basis of
// the ISCT minimal criteria for MSCs.
type Identity struct {
	// PlasticAdherent says whether the cells adhere to plastic under
	// standard culture; nil means not reported.
	PlasticAdherent *bool `json:"plastic_adherent,omitempty"`
	// Markers lists surface markers with the percentage of cells positive.
	Markers []Marker `json:"markers,omitempty"`
	// Method names the assay, usually "flow_cytometry".
	Method string `json:"method,omitempty"`
	// Differentiation records in vitro trilineage differentiation; nil
	// means not reported.
	Differentiation *Differentiation `json:"differentiation,omitempty"`
}

// Marker is one surface marker and the share of cells expressing it.
type Marker struct {
	// Name is the marker, such as "CD73" or "HLA-DR".
	Name string `json:"name"`
	// PercentPositive is the share of cells positive, 0 to 100, exact.
	PercentPositive decimal.NullDecimal `json:"percent_positive"`
}

// Differentiation records which lineages the cells were shown to
// differentiate into in vitro.
type Differentiation struct {
	// Osteogenic reports differentiation into osteoblasts was shown.
	Osteogenic bool `json:"osteogenic"`
	// Adipogenic reports differentiation into adipocytes was shown.
	Adipogenic bool `json:"adipogenic"`
	// Chondrogenic reports differentiation into chondroblasts was shown.
	Chondrogenic bool `json:"chondrogenic"`
}
