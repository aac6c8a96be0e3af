package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Memory bounds of a check run. One dossier, while it is decoded and
// assessed, takes at most docBound bytes however its text is shaped (the
// worst shapes were measured: JSON full of empty objects, unknown fields
// or wrong types, YAML of nested lists; see the README). Each dossier in
// flight is charged an estimate of its cost from its size, and the
// dossiers in flight together may cost at most runBudget, so a run of
// large dossiers checks fewer at once than there are workers, down to
// one, and a run's memory stays near runBudget whatever the number of
// workers.
const (
	docBound  = 192 << 20
	runBudget = 256 << 20
	// Bytes of memory per byte of text, for the worst shapes measured,
	// and a base for the work that does not grow with the text.
	jsonCostPerByte = 20
	yamlCostPerByte = 200 // YAML is bounded by its value budget too
	baseCost        = 4 << 20
)

// docCost estimates the memory a dossier of size bytes takes while it is
// checked, within docBound.
func docCost(size int64, syn syntax) int64 {
	per := int64(jsonCostPerByte)
	if syn == syntaxYAML || syn == syntaxSniff {
		per = yamlCostPerByte
	}
	return min(baseCost+per*min(size, maxDossierBytes), docBound)
}

// sizeOf returns the size of the dossier a job will read: the record or
// standard input it holds, or the file it names (0 when it cannot be
// examined; reading will say why). For a file it notes in the job
// whether it is a regular file, which the worker then opens without
// examining it again.
func sizeOf(j *job) int64 {
	if j.data != nil || j.err != nil || j.prob != nil || j.src.path == "-" || j.line > 0 {
		return int64(len(j.data))
	}
	size, regular, ok := statFile(j.src.path)
	if !ok || !regular {
		return 0
	}
	j.regular = true
	return size
}

// budget hands out memory in units of one MiB to the dossiers in flight.
// Only the producer acquires; workers release.
type budget struct{ units chan struct{} }

const budgetUnit = 1 << 20

func newBudget(bytes int64) *budget {
	return &budget{units: make(chan struct{}, bytes/budgetUnit)}
}

// acquire waits until cost bytes (rounded up to whole units, and at most
// the whole budget) are free and takes them. It returns the units taken,
// or false when ctx ended first (then nothing is held).
func (b *budget) acquire(ctx context.Context, cost int64) (int, bool) {
	n := min(int((cost+budgetUnit-1)/budgetUnit), cap(b.units))
	for i := range n {
		select {
		case b.units <- struct{}{}:
		case <-ctx.Done():
			b.release(i)
			return 0, false
		}
	}
	return n, true
}

// release gives back n units.
func (b *budget) release(n int) {
	for range n {
		<-b.units
	}
}

// memoryLimit keeps the collector's soft memory limit near what the run
// needs: limitFloor for the program and small dossiers above the heap the
// program held when the check began, plus the part of
// each dossier's cost in flight that grows with its size, up to
// gcMemoryLimit. With GOGC=400 alone the heap of a long stream of small
// dossiers may grow to five times its live size, more when the machine is
// busy and the collector lags; the limit caps it while a large dossier in
// flight still raises it, so that the collector never runs over and over
// below the live heap. A nil *memoryLimit does nothing: only the command
// sets one, when GOMEMLIMIT is not set.
type memoryLimit struct {
	mu       sync.Mutex
	inFlight int64 // the size-dependent cost of the dossiers in flight
	set      int64 // the limit in force, 0 before the first dossier
	// floor is limitFloor plus the live heap when the first dossier
	// came: the rules and whatever else the program holds for the whole
	// run, which a limit below them would make the collector chase.
	floor int64
}

const (
	limitFloor = 32 << 20
	// limitStep rounds the limit, so that it changes seldom: it is
	// raised at once, and lowered only by a whole step or more.
	limitStep = 8 << 20
)

func newMemoryLimit(getenv func(string) string) *memoryLimit {
	if getenv("GOMEMLIMIT") != "" {
		return nil
	}
	return &memoryLimit{}
}

// add changes the cost in flight by n bytes and moves the limit with it.
func (m *memoryLimit) add(n int64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.floor == 0 {
		m.floor = limitFloor + liveHeap()
	}
	m.inFlight += n
	want := min(m.floor+(m.inFlight+limitStep-1)/limitStep*limitStep, gcMemoryLimit)
	if m.set == 0 || want > m.set || want <= m.set-limitStep {
		debug.SetMemoryLimit(want)
		m.set = want
	}
}

// sizeCost is the part of a dossier's cost (docCost) that grows with its
// size.
func sizeCost(cost int64) int64 { return max(cost-baseCost, 0) }

// liveHeap returns the bytes of heap the last collection found live.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}
