package main

import (
	"context"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDocCost(t *testing.T) {
	assert.Equal(t, int64(baseCost+jsonCostPerByte*20<<10), docCost(20<<10, syntaxJSON), "a small JSON dossier")
	assert.LessOrEqual(t, docCost(maxDossierBytes, syntaxJSON), int64(docBound), "the largest JSON dossier is within the bound")
	assert.Equal(t, int64(docBound), docCost(maxDossierBytes, syntaxYAML), "the largest YAML dossier is capped at the bound")
	assert.Equal(t, int64(docBound), docCost(1<<40, syntaxYAML), "a file over the limit is not read, and costs at most the bound")
	assert.Greater(t, docCost(100<<10, syntaxYAML), docCost(100<<10, syntaxJSON), "YAML costs more per byte")
	assert.Greater(t, 2*docCost(maxDossierBytes, syntaxJSON), int64(runBudget), "two of the largest never run at once")
	assert.LessOrEqual(t, int64(runBudget), int64(gcMemoryLimit), "the collector's soft limit is above the budget")
}

// TestBudgetWaits: a dossier waits until the memory of those in flight is
// released, and a cancelled run stops waiting without holding anything.
func TestBudgetWaits(t *testing.T) {
	b := newBudget(8 << 20)
	ctx := context.Background()
	n, ok := b.acquire(ctx, 5<<20)
	require.True(t, ok)
	assert.Equal(t, 5, n)
	got := make(chan int)
	go func() {
		m, _ := b.acquire(ctx, 6<<20)
		got <- m
	}()
	select {
	case <-got:
		t.Fatal("acquired more than is free")
	case <-time.After(50 * time.Millisecond):
	}
	b.release(n)
	assert.Equal(t, 6, <-got, "released memory lets the next one run")

	big, ok := b.acquire(ctx, 1)
	require.True(t, ok, "one unit is left")
	b.release(big)
	b.release(6)
	all, ok := b.acquire(ctx, 1<<40)
	require.True(t, ok)
	assert.Equal(t, 8, all, "a cost over the budget takes the whole budget, so it still runs alone")

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, ok = b.acquire(cctx, 1<<20)
	assert.False(t, ok)
	b.release(all)
	assert.Empty(t, b.units, "nothing is held after a cancelled wait")
}

// TestMemoryLimitFollowsTheDossiersInFlight checks that the collector's
// soft memory limit rises at once with a large dossier in flight, falls
// back by whole steps, and stays within the floor and gcMemoryLimit.
func TestMemoryLimitFollowsTheDossiersInFlight(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	m := &memoryLimit{}
	small := sizeCost(docCost(6<<10, syntaxJSON))
	m.add(small)
	assert.Equal(t, int64(limitFloor+limitStep), limit(), "a small dossier in flight")
	large := sizeCost(docCost(8<<20, syntaxJSON))
	m.add(large)
	assert.Equal(t, limitFloor+(small+large+limitStep-1)/limitStep*limitStep, limit(), "a large one raises the limit at once")
	m.add(-large)
	assert.Equal(t, int64(limitFloor+limitStep), limit(), "and lowers it when it is done")
	m.add(-small)
	assert.Equal(t, int64(limitFloor), limit(), "nothing in flight")
	for range 10 {
		m.add(sizeCost(docBound))
	}
	assert.Equal(t, int64(gcMemoryLimit), limit(), "never above gcMemoryLimit")
	var none *memoryLimit
	none.add(1 << 30) // does nothing
	assert.Equal(t, int64(gcMemoryLimit), limit())
	assert.Nil(t, newMemoryLimit(func(string) string { return "100MiB" }), "GOMEMLIMIT wins")
}
