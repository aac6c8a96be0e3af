package policy

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"

	"github.com/stretchr/testify/require"
)

// TestDroppedPrograms checks that the plans the guards make unneeded are
// dropped when the policies are loaded, that the others are kept, and
// that a dropped plan is made again, with the same answer, when asked.
func TestDroppedPrograms(t *testing.T) {
	ps, err := Load("house.yaml", HouseRules(50))
	require.NoError(t, err)
	dropped, kept := 0, 0
	for _, c := range ps.compiled {
		for _, cond := range []*condition{c.when, c.uses} {
			if cond == nil {
				continue
			}
			if cond.prg.planned == nil {
				dropped++
				require.True(t, cond.exact, c.info.ID)
				continue
			}
			kept++
		}
		for _, p := range c.message {
			if p.expr != nil && p.expr.planned == nil {
				require.NotNil(t, p.read, c.info.ID)
				require.True(t, p.read.readable(), c.info.ID)
			}
		}
	}
	require.Greater(t, dropped, 20)
	require.Greater(t, kept, 0)

	// Planned again once, when asked (TestGuardsChangeNothing runs them).
	for _, c := range ps.compiled {
		if c.when.prg.planned != nil {
			continue
		}
		prg, err := c.when.prg.get()
		require.NoError(t, err)
		again, err := c.when.prg.get()
		require.NoError(t, err)
		require.Same(t, prg, again, c.info.ID)
	}
}

// TestDroppedProgramsConcurrently plans dropped programs again from many
// assessments at once (go test -race checks the planning is safe) and
// checks every assessment gets the report the guards give.
func TestDroppedProgramsConcurrently(t *testing.T) {
	ps, err := Load("house.yaml", HouseRules(50))
	require.NoError(t, err)
	opts := regulation.Options{AsOf: secretome.MustParseDate("2026-11-26")}
	guarded, err := ps.RuleSet(regulation.Shipped())
	require.NoError(t, err)
	plain, err := WithoutGuards(ps).RuleSet(regulation.Shipped())
	require.NoError(t, err)
	a, err := regulation.NewAssessor(guarded, opts)
	require.NoError(t, err)
	b, err := regulation.NewAssessor(plain, opts)
	require.NoError(t, err)
	var d *regulation.Dossier
	for _, s := range SampleDossiers(t) {
		if strings.HasSuffix(s.File, "ucmsc-wound-gel.json") {
			d = s.Dossier // batches, claims, studies and five uses
		}
	}
	require.NotNil(t, d)
	want, err := a.Assess(context.Background(), d)
	require.NoError(t, err)
	var wg sync.WaitGroup
	got := make([]*regulation.Report, 8)
	errs := make([]error, len(got))
	for i := range got {
		wg.Go(func() { got[i], errs[i] = b.Assess(context.Background(), d) })
	}
	wg.Wait()
	for i := range got {
		require.NoError(t, errs[i])
		require.Equal(t, want, got[i])
	}
}
