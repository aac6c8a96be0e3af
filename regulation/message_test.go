package regulation

import (
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// catalogued lists the jurisdictions whose rules speak only through the
// message catalogue, so that every finding, condition and classification
// exists in English and Bahasa Indonesia. Add a jurisdiction once its
// rules use the Text methods of Context with codes of package message.
var catalogued = []string{"AU", "EU", "ID", "JP", "KR", "TW", "US", Baseline}

// TestShippedMessagesCatalogued runs every case of every shipped rule and
// fails when a rule of a catalogued jurisdiction reports text the message
// catalogue does not hold (a plain string, an unknown code or term).
func TestShippedMessagesCatalogued(t *testing.T) {
	checked := 0
	for _, tc := range ruleCases() {
		if !slices.Contains(catalogued, jurisdictionOf(tc.rule)) {
			continue
		}
		d := bare(t)
		tc.build(d)
		rep := assessOne(t, tc.rule, tc.asOf, d)
		for _, j := range rep.Jurisdictions {
			if !j.ClassificationText.IsZero() || j.Classification != "" {
				assert.Empty(t, j.ClassificationText.Uncatalogued(), "%s/%s: classification %q", tc.rule, tc.name, j.Classification)
			}
			for _, u := range j.Uses {
				for _, m := range u.MissingText {
					assert.Empty(t, m.Uncatalogued(), "%s/%s: missing condition %q", tc.rule, tc.name, m)
				}
			}
			for _, f := range j.Findings {
				checked++
				assert.Empty(t, f.Message.Uncatalogued(), "%s/%s: finding %q", tc.rule, tc.name, f.Message)
				assert.NotEqual(t, f.Message.String(), f.Message.In(message.Indonesian), "%s/%s: %q has the same text in Indonesian", tc.rule, tc.name, f.Message)
			}
		}
	}
	assert.Greater(t, checked, 30, "the cases report findings to check")
}

func jurisdictionOf(ruleID string) string {
	for _, r := range Shipped().Rules() {
		if r.ID == ruleID {
			return r.Jurisdiction
		}
	}
	return ""
}

// TestLocalize checks that a localized report speaks Indonesian and keeps
// everything else, and that the original is left as it was.
func TestLocalize(t *testing.T) {
	d := bare(t)
	d.Uses = []Use{{Jurisdiction: "ID", Class: UseMarketedTherapeutic}}
	rep := assessAll(t, d, "2026-11-26", "ID")
	id := rep.Localize(message.Indonesian)
	j, k := rep.Jurisdiction("ID"), id.Jurisdiction("ID")
	assert.Equal(t, "Indonesia", k.Name)
	assert.Contains(t, k.Classification, "produk terapi berbasis sel")
	assert.Contains(t, j.Classification, "cell-based therapy product", "the original stays English")
	f := k.Findings[0]
	assert.Equal(t, "ID-BPOM-8-2025-NIE", f.RuleID)
	assert.Equal(t, "produk terapi advanced tidak boleh diedarkan tanpa izin edar BPOM (NIE); dosier tidak memuat izin edar (NIE)", f.Text())
	assert.Equal(t, j.Findings[0].Path, f.Path)
	assert.Equal(t, j.Findings[0].Message, f.Message, "the message itself is unchanged")
	assert.Equal(t, j.Findings[0].Text(), f.Message.String(), "the original renders in English")
}

// TestProblemsCatalogued checks that every problem product and dossier
// validation finds in the broken example has a catalogued text, so that it
// can be shown in Bahasa Indonesia.
func TestProblemsCatalogued(t *testing.T) {
	data, err := os.ReadFile("../examples/dossiers/broken-exosome-serum.json")
	require.NoError(t, err)
	_, err = DecodeDossier(data)
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok, "%v", err)
	require.NotEmpty(t, ve.Problems)
	for _, p := range ve.Problems {
		assert.False(t, p.Text.IsZero(), "%s: %q has no catalogued text", p.Path, p.Message)
		assert.Empty(t, p.Text.Uncatalogued(), "%s: %q", p.Path, p.Message)
		assert.Equal(t, p.Message, p.Text.String())
		assert.NotEqual(t, p.Message, p.In(message.Indonesian), "%s: %q", p.Path, p.Message)
	}
}
