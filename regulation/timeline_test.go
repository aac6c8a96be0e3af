package regulation_test

import (
	"context"
	"os"
	"testing"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimeline(t *testing.T) {
	day := secretome.MustParseDate
	tests := []struct {
		name, from, to string
		want           []string // change kind, day and rule ID
	}{
		{"BPOM Reg. 8/2025 replaces Reg. 18/2020 on 6 March 2025", "2025-03-05", "2025-03-06", []string{
			"starts 2025-03-06 ID-BPOM-8-2025-NIE", "starts 2025-03-06 ID-BPOM-8-2025-TRIAL", "ends 2025-03-06 ID-BPOM-18-2020-NIE"}},
		{"the day itself is not after from", "2025-03-06", "2025-03-07", nil},
		{"an empty span changes nothing", "2025-03-06", "2025-03-06", nil},
		{"the revised Ph. Eur. 2.6.7 from 1 April 2026", "2026-01-01", "2026-11-26", []string{"starts 2026-04-01 QUALITY-MYCOPLASMA-NAT-2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := regulation.Timeline(regulation.Shipped(), day(tt.from), day(tt.to))
			require.NoError(t, err)
			var ids []string
			for _, c := range got {
				ids = append(ids, string(c.Kind)+" "+c.On.String()+" "+c.Rule.ID)
			}
			assert.Equal(t, tt.want, ids)
		})
	}
	got, err := regulation.Timeline(regulation.Shipped(), day("2025-03-05"), day("2025-03-06"))
	require.NoError(t, err)
	assert.Equal(t, []string{"ID-BPOM-18-2020-NIE"}, got[0].Replaces)
	assert.Equal(t, []string{"ID-BPOM-8-2025-NIE", "ID-BPOM-8-2025-TRIAL"}, got[2].Replaced)

	_, err = regulation.Timeline(regulation.Shipped(), day("2026-01-02"), day("2026-01-01"))
	assert.Error(t, err, "from after to")
}

func TestDiffDays(t *testing.T) {
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	require.NoError(t, err)
	d, err := regulation.DecodeDossier(data)
	require.NoError(t, err)
	from, to := secretome.MustParseDate("2025-03-05"), secretome.MustParseDate("2025-03-06")
	a, b, diff, err := regulation.DiffDays(context.Background(), regulation.Shipped(), regulation.Options{Jurisdictions: []string{"ID"}}, d, from, to)
	require.NoError(t, err)
	assert.Equal(t, from, a.AsOf)
	assert.Equal(t, to, b.AsOf)
	var added, removed []string
	for _, f := range diff.Added {
		added = append(added, f.RuleID+" "+f.Path)
	}
	for _, f := range diff.Removed {
		removed = append(removed, f.RuleID+" "+f.Path)
	}
	assert.Equal(t, []string{"ID-BPOM-8-2025-NIE uses[2].class"}, added)
	assert.Equal(t, []string{"ID-BPOM-18-2020-NIE uses[2].class"}, removed)
	assert.Empty(t, diff.Verdicts, "the marketed use stays prohibited: only the rule that says so changes")
	assert.False(t, diff.Empty())

	same := regulation.DiffReports(b, b)
	assert.True(t, same.Empty(), "a report does not differ from itself")
}

// TestCompareRules compares two rule sets by rule ID and revision: an
// edited rule is revised, not removed and added.
func TestCompareRules(t *testing.T) {
	rule := func(id, revision string) regulation.Rule {
		return regulation.Rule{RuleInfo: regulation.RuleInfo{ID: id, Title: "house rule " + id, Jurisdiction: regulation.House,
			Citation:   regulation.Citation{Instrument: "House rules", EffectiveFrom: secretome.MustParseDate("2026-01-01")},
			Provenance: regulation.ProvenancePrimary, Revision: revision}, Check: func(*regulation.Context) {}}
	}
	from, err := regulation.Shipped().With(rule("H-KEPT", "r1"), rule("H-EDITED", "r1"), rule("H-DROPPED", "r1"))
	require.NoError(t, err)
	to, err := regulation.Shipped().With(rule("H-KEPT", "r1"), rule("H-EDITED", "r2"), rule("H-NEW", "r1"))
	require.NoError(t, err)
	var got []string
	for _, c := range regulation.CompareRules(from, to) {
		got = append(got, string(c.Kind)+" "+c.Rule.ID+" "+c.Was+" "+c.Rule.Revision)
		assert.True(t, c.On.IsZero())
	}
	assert.Equal(t, []string{"removed H-DROPPED  r1", "revised H-EDITED r1 r2", "added H-NEW  r1"}, got,
		"the shipped rules and the unchanged rule do not show")
	assert.Empty(t, regulation.CompareRules(to, to))
}
