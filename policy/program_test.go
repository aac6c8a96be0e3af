package policy

import (
	"testing"

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
