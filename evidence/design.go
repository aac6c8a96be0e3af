package evidence

import (
	"github.com/openregen/secretomekit/internal/enum"

	"fmt"
)

// allowedNames returns the spellings a parser accepts: every non-empty name.
func allowedNames(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// parseEnum returns the index of b in names. The empty spelling is never
// accepted, so an enum whose zero value means "not given" has "" at index 0.
func parseEnum[T ~uint8](kind string, names []string, b []byte) (T, error) {
	if len(b) > 0 {
		for i, n := range names {
			if n == string(b) { // compared without a copy
				return T(i), nil
			}
		}
	}
	return 0, &enum.Error{Kind: kind, Value: string(b), Allowed: allowedNames(names)}
}

// enumString returns the spelling of v, or Kind(v) for a value out of range.
func enumString[T ~uint8](kind string, names []string, v T) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	if v == 0 {
		return ""
	}
	return fmt.Sprintf("%s(%d)", kind, uint8(v))
}

// marshalEnum encodes v; a value without a spelling is an error.
func marshalEnum[T ~uint8](kind string, names []string, v T) ([]byte, error) {
	if int(v) < len(names) && names[v] != "" {
		return []byte(names[v]), nil
	}
	return nil, fmt.Errorf("evidence: %s %d has no spelling", kind, uint8(v))
}

// Design is the architecture of a study. Its spelling in JSON is stable
// and lowercase ("randomised_controlled_trial"). The zero value means the
// design was not given; Study.Validate reports it.
type Design uint8

// The study designs, from mechanism-based work to evidence syntheses,
// then designs added later (nested case-control studies, n-of-1 trials).
const (
	DesignUnknown                      Design = iota // not given
	DesignInVitro                                    // in_vitro: cells or tissue in the laboratory
	DesignAnimal                                     // animal: in vivo animal model
	DesignCaseReport                                 // case_report: one patient
	DesignCaseSeries                                 // case_series: several treated patients, no control group
	DesignCaseControl                                // case_control: patients with and without the outcome compared
	DesignCohortProspective                          // cohort_prospective: followed forward from exposure
	DesignCohortRetrospective                        // cohort_retrospective: assembled from past records
	DesignNonRandomisedControlledTrial               // non_randomised_controlled_trial: allocation not random
	DesignRandomisedControlledTrial                  // randomised_controlled_trial
	DesignSystematicReview                           // systematic_review: may or may not pool results
	DesignMetaAnalysis                               // meta_analysis: systematic review with pooled results
	DesignNestedCaseControl                          // nested_case_control: a case-control study drawn from a defined cohort
	DesignNOf1Trial                                  // n_of_1_trial: randomised treatment periods within one patient
)

// The last named design; designs added later are appended after it so
// that the numbers of the earlier ones do not change.
const lastDesign = DesignNOf1Trial

var designNames = []string{
	"", "in_vitro", "animal", "case_report", "case_series", "case_control",
	"cohort_prospective", "cohort_retrospective", "non_randomised_controlled_trial",
	"randomised_controlled_trial", "systematic_review", "meta_analysis",
	"nested_case_control", "n_of_1_trial",
}

// Designs returns every design in declaration order, for documentation
// and exhaustive tests.
func Designs() []Design {
	out := make([]Design, 0, len(designNames)-1)
	for d := DesignInVitro; d <= lastDesign; d++ {
		out = append(out, d)
	}
	return out
}

// ParseDesign returns the design with the given spelling.
func ParseDesign(s string) (Design, error) {
	return parseEnum[Design]("design", designNames, []byte(s))
}

// String returns the stable spelling, or "" for DesignUnknown.
func (d Design) String() string { return enumString("Design", designNames, d) }

// MarshalText encodes the design as its stable spelling.
func (d Design) MarshalText() ([]byte, error) { return marshalEnum("design", designNames, d) }

// UnmarshalText decodes a stable spelling.
func (d *Design) UnmarshalText(b []byte) error {
	v, err := parseEnum[Design]("design", designNames, b)
	if err == nil {
		*d = v
	}
	return err
}

// Valid reports whether d is one of the named designs.
func (d Design) Valid() bool { return d >= DesignInVitro && d <= lastDesign }

// Randomised reports whether allocation to the intervention was random:
// randomised controlled trials and n-of-1 trials (whose treatment periods
// are randomised within one patient).
func (d Design) Randomised() bool {
	return d == DesignRandomisedControlledTrial || d == DesignNOf1Trial
}

// Mechanistic reports whether the design studies mechanisms rather than
// patients (in vitro and animal work).
func (d Design) Mechanistic() bool { return d == DesignInVitro || d == DesignAnimal }

// Synthesis reports whether the design combines other studies
// (systematic review or meta-analysis).
func (d Design) Synthesis() bool { return d == DesignSystematicReview || d == DesignMetaAnalysis }

// Uncontrolled reports whether the design has no comparison group: case
// reports and case series.
func (d Design) Uncontrolled() bool { return d == DesignCaseReport || d == DesignCaseSeries }

// NonRandomisedComparative reports whether the design compares groups
// without random allocation: case-control (nested or not) and cohort
// studies and non-randomised controlled trials. These are the designs
// ROBINS-I assesses.
func (d Design) NonRandomisedComparative() bool {
	switch d {
	case DesignCaseControl, DesignNestedCaseControl, DesignCohortProspective, DesignCohortRetrospective, DesignNonRandomisedControlledTrial:
		return true
	}
	return false
}

// Primary reports whether the design is a study of its own rather than a
// synthesis of others.
func (d Design) Primary() bool { return d.Valid() && !d.Synthesis() }

// OutcomeType says what kind of data an outcome has.
type OutcomeType uint8

// The outcome types. The zero value means not given.
const (
	OutcomeUnknown     OutcomeType = iota
	OutcomeBinary                  // binary: an event happens or not (healed, infected)
	OutcomeContinuous              // continuous: a measurement (wound area, pain score)
	OutcomeTimeToEvent             // time_to_event: time until an event (time to closure)
)

var outcomeTypeNames = []string{"", "binary", "continuous", "time_to_event"}

// String returns the stable spelling.
func (t OutcomeType) String() string { return enumString("OutcomeType", outcomeTypeNames, t) }

// MarshalText encodes the type as its stable spelling.
func (t OutcomeType) MarshalText() ([]byte, error) {
	return marshalEnum("outcome type", outcomeTypeNames, t)
}

// UnmarshalText decodes a stable spelling.
func (t *OutcomeType) UnmarshalText(b []byte) error {
	v, err := parseEnum[OutcomeType]("outcome type", outcomeTypeNames, b)
	if err == nil {
		*t = v
	}
	return err
}

// FundingKind says who paid for a study.
type FundingKind uint8

// The funding kinds. The zero value means the field was left out, which
// is different from FundingNotReported (the paper does not say).
const (
	FundingUnknown     FundingKind = iota
	FundingIndustry                // industry: a company with a commercial interest
	FundingPublic                  // public: government, charity, university
	FundingNone                    // none: the study states it had no funding
	FundingNotReported             // not_reported: the paper does not say
)

var fundingNames = []string{"", "industry", "public", "none", "not_reported"}

// String returns the stable spelling.
func (k FundingKind) String() string { return enumString("FundingKind", fundingNames, k) }

// MarshalText encodes the kind as its stable spelling.
func (k FundingKind) MarshalText() ([]byte, error) {
	return marshalEnum("funding kind", fundingNames, k)
}

// UnmarshalText decodes a stable spelling.
func (k *FundingKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[FundingKind]("funding kind", fundingNames, b)
	if err == nil {
		*k = v
	}
	return err
}

// ConflictStatus says what a study declares about its authors' conflicts
// of interest.
type ConflictStatus uint8

// The conflict-of-interest statuses. The zero value means not given.
const (
	ConflictsUnknown     ConflictStatus = iota
	ConflictsNone                       // none_declared: the authors declare none
	ConflictsDeclared                   // declared: at least one conflict is declared
	ConflictsNotReported                // not_reported: the paper has no statement
)

var conflictNames = []string{"", "none_declared", "declared", "not_reported"}

// String returns the stable spelling.
func (c ConflictStatus) String() string { return enumString("ConflictStatus", conflictNames, c) }

// MarshalText encodes the status as its stable spelling.
func (c ConflictStatus) MarshalText() ([]byte, error) {
	return marshalEnum("conflict status", conflictNames, c)
}

// UnmarshalText decodes a stable spelling.
func (c *ConflictStatus) UnmarshalText(b []byte) error {
	v, err := parseEnum[ConflictStatus]("conflict status", conflictNames, b)
	if err == nil {
		*c = v
	}
	return err
}

// ComparatorKind says what the intervention was compared with.
type ComparatorKind uint8

// The comparator kinds. The zero value means not given (for uncontrolled
// designs there is no comparator at all).
const (
	ComparatorUnknown      ComparatorKind = iota
	ComparatorPlacebo                     // placebo: an inert look-alike (vehicle gel)
	ComparatorActive                      // active: another treatment
	ComparatorStandardCare                // standard_care: usual care
	ComparatorNoTreatment                 // no_treatment
	ComparatorHistorical                  // historical: patients treated earlier (historically controlled)
)

var comparatorNames = []string{"", "placebo", "active", "standard_care", "no_treatment", "historical"}

// String returns the stable spelling.
func (k ComparatorKind) String() string { return enumString("ComparatorKind", comparatorNames, k) }

// MarshalText encodes the kind as its stable spelling.
func (k ComparatorKind) MarshalText() ([]byte, error) {
	return marshalEnum("comparator kind", comparatorNames, k)
}

// UnmarshalText decodes a stable spelling.
func (k *ComparatorKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[ComparatorKind]("comparator kind", comparatorNames, b)
	if err == nil {
		*k = v
	}
	return err
}

// TimeUnit is the unit of an outcome's follow-up duration.
type TimeUnit uint8

// The time units. The zero value means not given.
const (
	TimeUnitUnknown TimeUnit = iota
	Days                     // day
	Weeks                    // week
	Months                   // month
	Years                    // year
)

var timeUnitNames = []string{"", "day", "week", "month", "year"}

// String returns the stable spelling.
func (u TimeUnit) String() string { return enumString("TimeUnit", timeUnitNames, u) }

// MarshalText encodes the unit as its stable spelling.
func (u TimeUnit) MarshalText() ([]byte, error) { return marshalEnum("time unit", timeUnitNames, u) }

// UnmarshalText decodes a stable spelling.
func (u *TimeUnit) UnmarshalText(b []byte) error {
	v, err := parseEnum[TimeUnit]("time unit", timeUnitNames, b)
	if err == nil {
		*u = v
	}
	return err
}
