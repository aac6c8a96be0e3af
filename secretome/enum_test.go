package secretome_test

import (
	"encoding"
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textEnum is what every enumeration of the package offers.
type textEnum interface {
	comparable
	fmt.Stringer
	encoding.TextMarshaler
	Values() []string
}

// enumContract checks one enumeration: every listed spelling decodes,
// prints and marshals back to itself, spellings are unique and lowercase,
// and an unknown spelling is an *EnumError listing exactly Values.
func enumContract[T textEnum, P interface {
	*T
	encoding.TextUnmarshaler
}](spelling *regexp.Regexp) func(t *testing.T) {
	return func(t *testing.T) {
		var zero T
		values := zero.Values()
		require.NotEmpty(t, values)
		seen := map[T]string{}
		for _, s := range values {
			var v T
			require.NoError(t, P(&v).UnmarshalText([]byte(s)), "listed spelling %q decodes", s)
			assert.Equal(t, s, v.String(), "String gives the spelling back")
			b, err := v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, s, string(b), "MarshalText gives the spelling back")
			j, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, `"`+s+`"`, string(j), "JSON is the quoted spelling")
			assert.Regexp(t, spelling, s, "stable lowercase spelling")
			if prev, dup := seen[v]; dup {
				t.Errorf("%q and %q decode to one value", prev, s)
			}
			seen[v] = s
		}
		var v T
		err := P(&v).UnmarshalText([]byte("No Such Spelling"))
		var ee *secretome.EnumError
		require.ErrorAs(t, err, &ee, "an unknown spelling is an *EnumError")
		assert.Equal(t, "No Such Spelling", ee.Value)
		assert.Equal(t, values, ee.Allowed, "the error lists the accepted spellings")
		assert.NotEmpty(t, ee.Kind)
	}
}

func TestEnumerationsKeepTheirContract(t *testing.T) {
	word := regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)
	words := regexp.MustCompile(`^[a-z0-9]+( [a-z0-9]+)*$`) // dimension names are phrases
	tests := []struct {
		name  string
		check func(t *testing.T)
	}{
		{"cell type", enumContract[secretome.CellType](word)},
		{"tissue", enumContract[secretome.Tissue](word)},
		{"species", enumContract[secretome.Species](word)},
		{"donor type", enumContract[secretome.DonorType](word)},
		{"culture supplement", enumContract[secretome.Supplement](word)},
		{"preconditioning", enumContract[secretome.Preconditioning](word)},
		{"derivative type", enumContract[secretome.DerivativeType](word)},
		{"processing step", enumContract[secretome.StepKind](word)},
		{"analyte class", enumContract[secretome.AnalyteClass](word)},
		{"assay method", enumContract[secretome.AssayMethod](word)},
		{"imaging method", enumContract[secretome.ImagingMethod](word)},
		{"dosage form", enumContract[secretome.DosageForm](word)},
		{"route", enumContract[secretome.Route](word)},
		{"intent", enumContract[secretome.Intent](word)},
		{"release test", enumContract[secretome.TestKind](word)},
		{"outcome", enumContract[secretome.Outcome](word)},
		{"deviation kind", enumContract[secretome.DeviationKind](word)},
		{"criterion status", enumContract[secretome.Status](word)},
		{"severity", enumContract[secretome.Severity](word)},
		{"dimension", enumContract[secretome.Dimension](words)},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.check)
	}
}
