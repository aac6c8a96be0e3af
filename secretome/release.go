package secretome

import (
	"github.com/openregen/secretomekit/internal/enum"

	"fmt"
	"strings"
)

// TestKind is a kind of release test.
type TestKind uint8

// Release test kinds. TestUnspecified (the zero value) means not given.
const (
	TestUnspecified TestKind = iota
	TestSterility
	TestEndotoxin
	TestMycoplasma
	TestResidualViableCells
	TestIdentity
	TestPotency
	TestPH
	TestOsmolality
	TestAppearance
	TestProteinContent
	TestParticleCount
	TestViralSafety
	TestCustom
)

var testKindNames = enum.New[TestKind]("release test", "", "sterility", "endotoxin", "mycoplasma",
	"residual_viable_cells", "identity", "potency", "ph", "osmolality", "appearance", "protein_content",
	"particle_count", "viral_safety", "custom")

// String returns the stable spelling, such as "endotoxin".
func (v TestKind) String() string { return testKindNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v TestKind) MarshalText() ([]byte, error) { return testKindNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *TestKind) UnmarshalText(b []byte) error { return testKindNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (TestKind) Values() []string { return testKindNames.Values() }

// limitDims gives the dimensions a numeric limit may have for each test
// kind; a kind missing here takes any dimension. It is immutable.
var limitDims = map[TestKind][]Dimension{
	TestEndotoxin:           {DimensionEndotoxinConcentration, DimensionEndotoxinPerMass, DimensionEndotoxinPerDose},
	TestResidualViableCells: {DimensionCellConcentration, DimensionCellCount, DimensionFraction},
	TestPH:                  {DimensionPH},
	TestOsmolality:          {DimensionOsmolality},
	TestProteinContent:      {DimensionMassConcentration, DimensionMass},
	TestParticleCount:       {DimensionParticleConcentration, DimensionCount, DimensionProteinRatio},
	TestSterility:           {},
	TestMycoplasma:          {},
	TestAppearance:          {},
	TestViralSafety:         {},
}

// Outcome is a qualitative test result or expectation.
type Outcome uint8

// Outcomes. OutcomeUnspecified (the zero value) means not given.
const (
	OutcomeUnspecified Outcome = iota
	OutcomeNegative            // not detected, no growth
	OutcomePositive            // detected
	OutcomeConforms            // meets a described requirement
	OutcomeDoesNotConform
)

var outcomeNames = enum.New[Outcome]("outcome", "", "negative", "positive", "conforms", "does_not_conform")

// String returns the stable spelling, such as "negative".
func (v Outcome) String() string { return outcomeNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Outcome) MarshalText() ([]byte, error) { return outcomeNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Outcome) UnmarshalText(b []byte) error { return outcomeNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (Outcome) Values() []string { return outcomeNames.Values() }

// ReleaseSpec is the set of tests a batch must pass before release.
type ReleaseSpec struct {
	// Tests lists the release tests, each kind once (custom tests once
	// per name, ignoring case).
	Tests []ReleaseTest `json:"tests,omitempty"`
}

// Has reports whether the specification includes a test of the kind.
func (s *ReleaseSpec) Has(k TestKind) bool {
	for i := range s.Tests {
		if s.Tests[i].Kind == k {
			return true
		}
	}
	return false
}

// Find returns the test a result refers to: by kind, or by name for custom
// tests. It returns nil when the specification has no such test.
func (s *ReleaseSpec) Find(kind TestKind, name string) *ReleaseTest {
	for i := range s.Tests {
		t := &s.Tests[i]
		if t.Kind == kind && (kind != TestCustom || strings.EqualFold(t.Name, name)) {
			return t
		}
	}
	return nil
}

// ReleaseTest is one test of the release specification.
type ReleaseTest struct {
	// Kind is what the test checks; required.
	Kind TestKind `json:"kind"`
	// Name identifies a custom test and may label any other.
	Name string `json:"name,omitempty"`
	// Method names the method, such as "Ph. Eur. 2.6.1".
	Method string `json:"method,omitempty"`
	// Limit is the acceptance criterion a batch result must meet.
	Limit Limit `json:"limit"`
}

// Label returns the name of a custom test, or the kind otherwise.
func (t *ReleaseTest) Label() string {
	if t.Kind == TestCustom && t.Name != "" {
		return t.Name
	}
	return t.Kind.String()
}

// Limit is an acceptance criterion: a numeric range (Min and/or Max,
// inclusive) or a qualitative expectation (Expect), never both.
type Limit struct {
	// Min is the lowest acceptable result, inclusive; zero means no
	// lower bound.
	Min Quantity `json:"min,omitzero"`
	// Max is the highest acceptable result, inclusive; zero means no
	// upper bound. Its dimension must match Min's.
	Max Quantity `json:"max,omitzero"`
	// Expect is the required qualitative outcome, such as negative for
	// sterility; the zero value means the limit is numeric.
	Expect Outcome `json:"expect,omitempty"`
}

// Numeric reports whether the limit is a numeric range.
func (l *Limit) Numeric() bool { return !l.Min.IsZero() || !l.Max.IsZero() }

// String renders the limit for people, such as "≤ 0.5 EU/mL".
func (l *Limit) String() string {
	switch {
	case !l.Min.IsZero() && !l.Max.IsZero():
		return l.Min.String() + " to " + l.Max.String()
	case !l.Max.IsZero():
		return "≤ " + l.Max.String()
	case !l.Min.IsZero():
		return "≥ " + l.Min.String()
	case l.Expect != OutcomeUnspecified:
		return l.Expect.String()
	}
	return "no limit"
}

// Batch is one manufactured lot and its release results.
type Batch struct {
	// ID is the lot number, unique within the product; required.
	ID string `json:"id"`
	// Manufactured is the day of manufacture; zero means not given.
	Manufactured Date `json:"manufactured,omitzero"`
	// Expiry is the last day of use, after Manufactured; zero means not
	// given.
	Expiry Date `json:"expiry,omitzero"`
	// Results lists the release test results of the lot.
	Results []TestResult `json:"results,omitempty"`
}

// TestResult is the result of one release test on a batch.
type TestResult struct {
	// Kind is the test the result belongs to; required.
	Kind TestKind `json:"kind"`
	// Name matches a custom test's name, ignoring case.
	Name string `json:"name,omitempty"`
	// Value is the measured result, compared exactly with a numeric
	// limit across units of one dimension; zero means no number.
	Value Quantity `json:"value,omitzero"`
	// Outcome is the qualitative result, compared with Limit.Expect; a
	// result needs a Value or an Outcome.
	Outcome Outcome `json:"outcome,omitempty"`
	// BelowDetection records a result below the limit of detection, such
	// as "< 0.05 EU/mL": Value is then the limit of detection, and the
	// measured amount is below it. Such a result meets a maximum at or
	// above the limit of detection and fails a minimum at or above it;
	// against other limits it cannot be compared.
	BelowDetection bool `json:"below_detection,omitempty"`
}

// String renders the result for people: "< 0.05 EU/mL" for a result
// below the limit of detection, the value or the outcome otherwise.
func (r *TestResult) String() string {
	switch {
	case r.BelowDetection:
		return "< " + r.Value.String()
	case !r.Value.IsZero():
		return r.Value.String()
	}
	return r.Outcome.String()
}

// DeviationKind says how a batch departs from its specification.
type DeviationKind uint8

// Deviation kinds.
const (
	// DeviationMissing: the specification has a test the batch has no
	// result for.
	DeviationMissing DeviationKind = iota + 1
	// DeviationOutOfLimit: a numeric result lies outside the limit.
	DeviationOutOfLimit
	// DeviationOutcome: a qualitative result differs from the expectation.
	DeviationOutcome
	// DeviationIncomparable: the result cannot be compared with the limit
	// (wrong dimension, or a value where an outcome is expected).
	DeviationIncomparable
	// DeviationUnspecified: the batch has a result for a test that is not in
	// the specification.
	DeviationUnspecified
)

var deviationNames = enum.New[DeviationKind]("deviation kind", "", "missing", "out_of_limit", "outcome", "incomparable", "unspecified")

// String returns the stable spelling, such as "out_of_limit".
func (k DeviationKind) String() string { return deviationNames.Name(k) }

// MarshalText encodes the stable spelling. The zero value, which no
// deviation has, and values out of range are an error.
func (k DeviationKind) MarshalText() ([]byte, error) {
	if k == 0 {
		return nil, fmt.Errorf("invalid deviation kind %d", k)
	}
	return deviationNames.Marshal(k)
}

// UnmarshalText decodes a stable spelling; anything else, including the
// empty string, is an *EnumError.
func (k *DeviationKind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		return &EnumError{Kind: deviationNames.Kind(), Value: "", Allowed: deviationNames.Values()}
	}
	return deviationNames.Unmarshal(k, b)
}

// Values lists the accepted spellings.
func (DeviationKind) Values() []string { return deviationNames.Values() }

// Deviation is one way a batch fails its specification.
type Deviation struct {
	// Kind says how the batch departs from the specification.
	Kind DeviationKind `json:"kind"`
	// Test is the label of the test concerned.
	Test string `json:"test"`
	// Path locates the result in the batch ("results[2]"), or the test in
	// the specification ("release.tests[1]") for a missing result.
	Path string `json:"path"`
	// Message explains the deviation to a person, with the values
	// compared; its wording may change.
	Message string `json:"message"`
}

// Conformance compares a batch's results with the specification and lists
// every deviation, in specification order followed by results that match
// no test. Every result is compared: when a batch gives two results for
// one test (Validate reports that as a duplicate), each is checked, so a
// failing repeat is never hidden behind a passing first result. An empty
// list means the batch conforms.
func (s *ReleaseSpec) Conformance(b *Batch) []Deviation {
	var out []Deviation
	for i := range s.Tests {
		t := &s.Tests[i]
		found := false
		for ri := range b.Results {
			r := &b.Results[ri]
			if !t.matches(r) {
				continue
			}
			found = true
			if d, bad := check(t, r); bad {
				d.Test, d.Path = t.Label(), fmt.Sprintf("results[%d]", ri)
				out = append(out, d)
			}
		}
		if !found {
			out = append(out, Deviation{Kind: DeviationMissing, Test: t.Label(),
				Path: fmt.Sprintf("release.tests[%d]", i), Message: "no result for " + t.Label()})
		}
	}
	for i := range b.Results {
		r := &b.Results[i]
		if s.Find(r.Kind, r.Name) == nil {
			out = append(out, Deviation{Kind: DeviationUnspecified, Test: r.label(),
				Path: fmt.Sprintf("results[%d]", i), Message: r.label() + " is not in the release specification"})
		}
	}
	return out
}

func (r *TestResult) label() string {
	if r.Kind == TestCustom && r.Name != "" {
		return r.Name
	}
	return r.Kind.String()
}

// matches reports whether r is a result of test t: the same kind, and for
// custom tests the same name ignoring case.
func (t *ReleaseTest) matches(r *TestResult) bool {
	return r.Kind == t.Kind && (t.Kind != TestCustom || strings.EqualFold(r.Name, t.Name))
}

// sameTest reports whether two results are for one test.
func (r *TestResult) sameTest(o *TestResult) bool {
	return r.Kind == o.Kind && (r.Kind != TestCustom || strings.EqualFold(r.Name, o.Name))
}

// check compares one result with its test's limit.
func check(t *ReleaseTest, r *TestResult) (Deviation, bool) {
	l := &t.Limit
	if !l.Numeric() {
		if l.Expect == OutcomeUnspecified {
			return Deviation{}, false
		}
		if r.Outcome == OutcomeUnspecified {
			return Deviation{Kind: DeviationIncomparable,
				Message: fmt.Sprintf("expected outcome %s, got no outcome", l.Expect)}, true
		}
		if r.Outcome != l.Expect {
			return Deviation{Kind: DeviationOutcome,
				Message: fmt.Sprintf("expected %s, got %s", l.Expect, r.Outcome)}, true
		}
		return Deviation{}, false
	}
	if r.Value.IsZero() {
		return Deviation{Kind: DeviationIncomparable, Message: "a numeric result is required, limit " + l.String()}, true
	}
	if r.BelowDetection {
		return checkBelowDetection(l, r)
	}
	if !l.Min.IsZero() {
		c, err := r.Value.Cmp(l.Min)
		if err != nil {
			return Deviation{Kind: DeviationIncomparable, Message: err.Error()}, true
		}
		if c < 0 {
			return Deviation{Kind: DeviationOutOfLimit,
				Message: fmt.Sprintf("%s is below the limit %s", r.Value, l)}, true
		}
	}
	if !l.Max.IsZero() {
		c, err := r.Value.Cmp(l.Max)
		if err != nil {
			return Deviation{Kind: DeviationIncomparable, Message: err.Error()}, true
		}
		if c > 0 {
			return Deviation{Kind: DeviationOutOfLimit,
				Message: fmt.Sprintf("%s is above the limit %s", r.Value, l)}, true
		}
	}
	return Deviation{}, false
}

// checkBelowDetection compares a result below the limit of detection
// (Value is that limit) with a numeric limit: the true amount is below
// Value, so it meets a maximum at or above Value, fails a minimum at or
// above Value, and cannot be compared otherwise.
func checkBelowDetection(l *Limit, r *TestResult) (Deviation, bool) {
	if !l.Min.IsZero() {
		c, err := r.Value.Cmp(l.Min)
		if err != nil {
			return Deviation{Kind: DeviationIncomparable, Message: err.Error()}, true
		}
		if c <= 0 {
			return Deviation{Kind: DeviationOutOfLimit,
				Message: fmt.Sprintf("%s is below the limit %s", r, l)}, true
		}
		return Deviation{Kind: DeviationIncomparable,
			Message: fmt.Sprintf("%s cannot show the minimum %s is met: the limit of detection is above the minimum", r, l)}, true
	}
	c, err := r.Value.Cmp(l.Max)
	if err != nil {
		return Deviation{Kind: DeviationIncomparable, Message: err.Error()}, true
	}
	if c > 0 {
		return Deviation{Kind: DeviationIncomparable,
			Message: fmt.Sprintf("%s cannot show the limit %s is met: the limit of detection is above it", r, l)}, true
	}
	return Deviation{}, false
}
