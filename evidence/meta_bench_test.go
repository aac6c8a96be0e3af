package evidence_test

import (
	"io"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/openregen/secretomekit/evidence"
)

// benchEffects returns k log odds ratios drawn from a random-effects model
// (mu = -0.3, tau² = 0.05) with a fixed seed, so every run pools the same
// data.
func benchEffects(k int) []evidence.Effect {
	rng := rand.New(rand.NewPCG(2026, uint64(k)))
	out := make([]evidence.Effect, k)
	for i := range out {
		vi := 0.01 + 0.3*rng.Float64()
		yi := -0.3 + 0.2236*rng.NormFloat64() + rng.NormFloat64()*math.Sqrt(vi)
		out[i] = evidence.Effect{Measure: evidence.MeasureOR, Yi: yi, Vi: vi}
	}
	return out
}

func benchmarkPool(b *testing.B, k int, opts evidence.PoolOptions) {
	effects := benchEffects(k)
	if _, err := evidence.Pool(effects, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evidence.Pool(effects, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// Target: under 10 ms.
func BenchmarkPoolREML10000(b *testing.B) {
	benchmarkPool(b, 10000, evidence.PoolOptions{Method: evidence.MethodREML})
}

// Target: under 2 µs with one allocation (the Weights slice).
func BenchmarkPoolDL20(b *testing.B) {
	benchmarkPool(b, 20, evidence.PoolOptions{Method: evidence.MethodDL})
}

func BenchmarkPoolREML20(b *testing.B) {
	benchmarkPool(b, 20, evidence.PoolOptions{Method: evidence.MethodREML, HartungKnapp: true})
}

func BenchmarkWriteForestSVG20(b *testing.B) {
	effects := benchEffects(20)
	res, err := evidence.Pool(effects, evidence.PoolOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := evidence.WriteForestSVG(io.Discard, effects, res, evidence.ForestOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
