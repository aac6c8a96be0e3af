package evidence

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textEnum is what every enumeration of the package implements.
type textEnum interface {
	fmt.Stringer
	encoding.TextMarshaler
}

// enumCase describes one enumeration: how to make a value from an index,
// how to decode into a fresh value, and its spellings by index.
type enumCase struct {
	name   string
	names  []string // spelling of value i; "" means the value has none
	value  func(i int) textEnum
	decode func(b []byte) (fmt.Stringer, error)
	why    string
}

func mkEnum[T ~uint8, P interface {
	*T
	encoding.TextUnmarshaler
}](name string, names []string, why string, value func(T) textEnum) enumCase {
	return enumCase{
		name:  name,
		names: names,
		value: func(i int) textEnum { return value(T(i)) },
		decode: func(b []byte) (fmt.Stringer, error) {
			var v T
			err := P(&v).UnmarshalText(b)
			return value(v), err
		},
		why: why,
	}
}

// TestEnumSpellings checks every enumeration of the package the same way:
// each named value round-trips through its text form, String agrees with
// the text form, a value without a spelling cannot be encoded, and an
// unknown or differently cased spelling is a *secretome.EnumError listing
// exactly the accepted spellings.
func TestEnumSpellings(t *testing.T) {
	cases := []enumCase{
		mkEnum("Design", designNames[:], "study designs", func(v Design) textEnum { return v }),
		mkEnum("OutcomeType", outcomeTypeNames, "outcome types", func(v OutcomeType) textEnum { return v }),
		mkEnum("FundingKind", fundingNames, "funding kinds", func(v FundingKind) textEnum { return v }),
		mkEnum("ConflictStatus", conflictNames, "conflict-of-interest statuses", func(v ConflictStatus) textEnum { return v }),
		mkEnum("ComparatorKind", comparatorNames, "comparators", func(v ComparatorKind) textEnum { return v }),
		mkEnum("TimeUnit", timeUnitNames, "time units of a time point", func(v TimeUnit) textEnum { return v }),
		mkEnum("Measure", measureNames[:], "effect measures", func(v Measure) textEnum { return v }),
		mkEnum("Certainty", certaintyNames, "GRADE certainty, whose zero value is spelled", func(v Certainty) textEnum { return v }),
		mkEnum("GradeDomain", domainNames, "GRADE domains", func(v GradeDomain) textEnum { return v }),
		mkEnum("Registry", registryNames, "trial registries", func(v Registry) textEnum { return v }),
		mkEnum("ICDRevision", icdNames, "ICD revisions", func(v ICDRevision) textEnum { return v }),
		mkEnum("QuestionKind", questionNames, "CEBM questions, whose zero value is spelled", func(v QuestionKind) textEnum { return v }),
		mkEnum("Method", methodNames[:], "pooling methods, whose zero value is REML", func(v Method) textEnum { return v }),
		mkEnum("RoB2Judgement", rob2Names, "RoB 2 judgements", func(v RoB2Judgement) textEnum { return v }),
		mkEnum("ROBINSJudgement", robinsNames, "ROBINS-I judgements", func(v ROBINSJudgement) textEnum { return v }),
		mkEnum("BiasRisk", biasNames, "common bias scale", func(v BiasRisk) textEnum { return v }),
		mkEnum("BodyKind", bodyKindNames, "kinds of body, whose zero value (any) is spelled", func(v BodyKind) textEnum { return v }),
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var allowed []string
			for i, n := range c.names {
				v := c.value(i)
				b, err := v.MarshalText()
				if n == "" {
					assert.Error(t, err, "%s: value %d has no spelling and cannot be encoded", c.why, i)
					assert.NotContains(t, c.names[1:], v.String(), "%s: the unnamed value does not print as a spelling", c.why)
					continue
				}
				allowed = append(allowed, n)
				require.NoError(t, err, "%s: %s", c.why, n)
				assert.Equal(t, n, string(b), "%s: value %d", c.why, i)
				assert.Equal(t, n, v.String(), "%s: String agrees with the text form", c.why)
				back, err := c.decode(b)
				require.NoError(t, err, "%s: %s decodes", c.why, n)
				assert.Equal(t, n, back.String(), "%s: %s round-trips", c.why, n)
				// JSON goes through the same text form.
				j, err := json.Marshal(v)
				require.NoError(t, err)
				assert.Equal(t, `"`+n+`"`, string(j), "%s: JSON spelling", c.why)
			}

			out := c.value(len(c.names))
			_, err := out.MarshalText()
			assert.Error(t, err, "%s: a value past the table cannot be encoded", c.why)
			assert.Contains(t, out.String(), fmt.Sprint(len(c.names)), "%s: String of an unknown value shows the number", c.why)

			for _, bad := range []string{"", "no-such-value", "UPPER_" + allowed[0], allowed[0] + " "} {
				_, err := c.decode([]byte(bad))
				require.Error(t, err, "%s: %q is not a spelling", c.why, bad)
				var ee *secretome.EnumError
				require.True(t, errors.As(err, &ee), "%s: %q gives an *secretome.EnumError", c.why, bad)
				assert.Equal(t, bad, ee.Value)
				assert.Equal(t, allowed, ee.Allowed, "%s: the error lists every accepted spelling", c.why)
			}
		})
	}
}

func TestParseDesign(t *testing.T) {
	for _, d := range Designs() {
		got, err := ParseDesign(d.String())
		require.NoError(t, err, d.String())
		assert.Equal(t, d, got, "%s parses back", d)
	}
	_, err := ParseDesign("RCT")
	var ee *secretome.EnumError
	require.True(t, errors.As(err, &ee), "an abbreviation is not a spelling")
	assert.Contains(t, ee.Allowed, "randomised_controlled_trial")
	_, err = ParseDesign("")
	assert.Error(t, err, "the empty spelling means not given, and is not parsed")
	assert.Len(t, Designs(), len(designNames)-1, "Designs lists every named design")
}
