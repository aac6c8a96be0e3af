package secretome_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/secretome"
)

// TestCheckIntoPlacesBelowBase checks that CheckInto lists the problems
// Check lists, each with its path below base, for a base that is a field
// name and for one that is not.
func TestCheckIntoPlacesBelowBase(t *testing.T) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	require.NoError(t, err)
	// A product with problems in its source, composition and release.
	data = bytes.Replace(data, []byte(`"umbilical_cord"`), []byte(`"adipose"`), 1)
	decoded, _ := secretome.DecodeProduct(data)
	require.NotNil(t, decoded)
	p := *decoded
	p.Name = ""
	p.Composition.Analytes = append(p.Composition.Analytes, p.Composition.Analytes...)
	want := p.Check()
	require.Greater(t, len(want), 3, "problems in several parts of the product")
	for _, base := range []string{"product", "products[2]", `["a b"]`} {
		var ps secretome.Problems
		p.CheckInto(&ps, base)
		got := ps.List()
		require.Len(t, got, len(want), base)
		byPath := map[string]int{}
		for _, pr := range want {
			byPath[fieldpath.Join(base, pr.Path)+" "+string(pr.Code)+" "+pr.Message]++
		}
		for _, pr := range got {
			byPath[pr.Path+" "+string(pr.Code)+" "+pr.Message]--
		}
		for k, n := range byPath {
			assert.Zero(t, n, "%s: %s", base, k)
		}
	}
}
