package secretome

import (
	"github.com/openregen/secretomekit/internal/enum"
	"github.com/shopspring/decimal"
)

// DerivativeType is what was made from the conditioned medium.
type DerivativeType uint8

// Derivative types. DerivativeUnspecified (the zero value) means not given.
const (
	DerivativeUnspecified DerivativeType = iota
	// DerivativeConditionedMedium is the cleared culture supernatant.
	DerivativeConditionedMedium
	// DerivativeConcentratedSecretome is the supernatant concentrated, for
	// example by ultrafiltration.
	DerivativeConcentratedSecretome
	// DerivativeEVEnrichedFraction is a fraction enriched in extracellular
	// vesicles but not purified from soluble proteins.
	DerivativeEVEnrichedFraction
	// DerivativePurifiedEVs is extracellular vesicles separated from
	// soluble factors.
	DerivativePurifiedEVs
	// DerivativeLyophilisedSecretome is a freeze-dried secretome.
	DerivativeLyophilisedSecretome
)

var derivativeNames = enum.New[DerivativeType]("derivative type", "", "conditioned_medium",
	"concentrated_secretome", "ev_enriched_fraction", "purified_evs", "lyophilised_secretome")

// String returns the stable spelling, such as "purified_evs".
func (v DerivativeType) String() string { return derivativeNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v DerivativeType) MarshalText() ([]byte, error) { return derivativeNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *DerivativeType) UnmarshalText(b []byte) error { return derivativeNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (DerivativeType) Values() []string { return derivativeNames.Values() }

// VesicleProduct reports whether the derivative is defined by its
// extracellular vesicles, so that EV characterisation applies.
func (v DerivativeType) VesicleProduct() bool {
	return v == DerivativeEVEnrichedFraction || v == DerivativePurifiedEVs
}

// StepKind is one kind of processing step.
type StepKind uint8

// Processing steps. StepUnspecified (the zero value) means not given.
const (
	StepUnspecified StepKind = iota
	StepCentrifugation
	StepFiltration // sterile or clarifying filtration; give the pore size
	StepTangentialFlowFiltration
	StepUltrafiltration
	StepUltracentrifugation
	StepDensityGradient
	StepSizeExclusion
	StepPrecipitation
	StepImmunoaffinity
	StepLyophilisation
	StepTerminalSterilisation
	StepViralInactivation
	StepOther
)

var stepNames = enum.New[StepKind]("processing step", "", "centrifugation", "filtration",
	"tangential_flow_filtration", "ultrafiltration", "ultracentrifugation", "density_gradient",
	"size_exclusion", "precipitation", "immunoaffinity", "lyophilisation", "terminal_sterilisation",
	"viral_inactivation", "other")

// String returns the stable spelling, such as "ultracentrifugation".
func (v StepKind) String() string { return stepNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v StepKind) MarshalText() ([]byte, error) { return stepNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *StepKind) UnmarshalText(b []byte) error { return stepNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (StepKind) Values() []string { return stepNames.Values() }

// Separates reports whether the step separates vesicles from soluble
// material (the separation step that EV characterisation asks for).
func (v StepKind) Separates() bool {
	switch v {
	case StepTangentialFlowFiltration, StepUltracentrifugation, StepDensityGradient,
		StepSizeExclusion, StepPrecipitation, StepImmunoaffinity:
		return true
	}
	return false
}

// Derivative describes what was made from the conditioned medium and how.
type Derivative struct {
	// Type is what was made; required.
	Type DerivativeType `json:"type"`
	// Processing lists the steps in the order they are done.
	Processing []ProcessingStep `json:"processing,omitempty"`
}

// Sterilised reports whether the processing includes a sterilising step:
// filtration through at most 0.22 µm or terminal sterilisation.
func (d *Derivative) Sterilised() bool {
	limit := Quantity{Value: decimal.New(22, -2), Unit: UnitUm}
	for i := range d.Processing {
		s := &d.Processing[i]
		switch s.Step {
		case StepTerminalSterilisation:
			return true
		case StepFiltration:
			if c, err := s.PoreSize.Cmp(limit); err == nil && c <= 0 && !s.PoreSize.IsZero() {
				return true
			}
		}
	}
	return false
}

// ProcessingStep is one step of making the derivative.
type ProcessingStep struct {
	// Step is the kind of step; required.
	Step StepKind `json:"step"`
	// PoreSize is the filter pore size, a length such as 0.22 µm;
	// required for filtration.
	PoreSize Quantity `json:"pore_size,omitzero"`
	// CutoffKDa is the molecular-weight cut-off in kilodaltons, for
	// tangential-flow filtration and ultrafiltration.
	CutoffKDa decimal.NullDecimal `json:"cutoff_kda,omitzero"`
	// ForceG is the relative centrifugal force in multiples of g.
	ForceG decimal.NullDecimal `json:"force_g,omitzero"`
	// Duration is how long the step ran.
	Duration Quantity `json:"duration,omitzero"`
	// Detail describes the step in words.
	Detail string `json:"detail,omitempty"`
}
