package secretome_test

import (
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLookupAnalyte(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
		reason     string
	}{
		{"bFGF", "FGF-2", true, "an alias finds the canonical name"},
		{"fgf 2", "FGF-2", true, "case, spaces and hyphens are ignored"},
		{"TGF-β1", "TGF-β1", true, "the Greek letter"},
		{"tgf-b1", "TGF-β1", true, "b for β"},
		{"KGF", "FGF-7", true, "KGF is FGF-7"},
		{"galectin-1", "", false, "not in the catalogue"},
		{"", "", false, "the empty name"},
	}
	for _, tt := range tests {
		info, ok := secretome.LookupAnalyte(tt.name)
		assert.Equal(t, tt.ok, ok, tt.reason)
		assert.Equal(t, tt.want, info.Name, tt.reason)
	}
}

// The catalogue is immutable: what LookupAnalyte and Analytes return is
// the caller's to change.
func TestAnalyteCatalogueCannotBeChanged(t *testing.T) {
	info, ok := secretome.LookupAnalyte("bFGF")
	require.True(t, ok)
	info.Aliases[0] = "changed"
	info.Dimensions[0] = secretome.DimensionLength
	all := secretome.Analytes()
	for i := range all {
		all[i].Name = "changed"
		if len(all[i].Aliases) > 0 {
			all[i].Aliases[0] = "changed"
		}
		all[i].Dimensions[0] = secretome.DimensionLength
	}

	again, ok := secretome.LookupAnalyte("bFGF")
	require.True(t, ok, "the alias still finds the entry")
	assert.Equal(t, "FGF-2", again.Name)
	assert.Equal(t, "bFGF", again.Aliases[0])
	assert.True(t, again.Fits(secretome.DimensionMassConcentration), "the dimensions are unchanged")
	vegf, _ := secretome.LookupAnalyte("VEGF")
	assert.False(t, vegf.Fits(secretome.DimensionLength), "entries that share dimensions are unchanged too")
}
