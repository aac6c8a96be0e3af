package evidence_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/evidence"
)

// benchModerators returns k effects from a meta-regression on three
// moderators (two numeric, one categorical with three levels), with a
// fixed seed.
func benchModerators(k int) ([]evidence.Effect, []evidence.Moderator) {
	rng := rand.New(rand.NewPCG(13, uint64(k)))
	es := make([]evidence.Effect, k)
	x1 := make([]float64, k)
	x2 := make([]float64, k)
	x3 := make([]string, k)
	for i := range es {
		x1[i] = 10 + 50*rng.Float64()
		x2[i] = rng.NormFloat64()
		x3[i] = []string{"a", "b", "c"}[rng.IntN(3)]
		vi := 0.01 + 0.3*rng.Float64()
		mu := -0.2 - 0.01*x1[i] + 0.1*x2[i]
		if x3[i] == "b" {
			mu += 0.2
		}
		es[i] = evidence.Effect{Measure: evidence.MeasureOR, Yi: mu + 0.2*rng.NormFloat64() + math.Sqrt(vi)*rng.NormFloat64(), Vi: vi}
	}
	return es, []evidence.Moderator{{Name: "x1", Values: x1}, {Name: "x2", Values: x2}, {Name: "x3", Levels: x3}}
}

// benchFunnel returns k effects with small-study effects, so that
// trim-and-fill has studies to fill.
func benchFunnel(k int) []evidence.Effect {
	rng := rand.New(rand.NewPCG(100, uint64(k)))
	es := make([]evidence.Effect, 0, k)
	for len(es) < k {
		vi := 0.005 + 0.25*rng.Float64()
		yi := -0.4 + 0.15*rng.NormFloat64() + math.Sqrt(vi)*rng.NormFloat64()
		if yi/math.Sqrt(vi) > -0.5 && rng.Float64() < 0.6 {
			continue // small studies without an effect go unpublished
		}
		es = append(es, evidence.Effect{Measure: evidence.MeasureOR, Yi: yi, Vi: vi})
	}
	return es
}

func benchmarkFit(b *testing.B, es []evidence.Effect, mods []evidence.Moderator, m evidence.Method) {
	opts := evidence.FitOptions{PoolOptions: evidence.PoolOptions{Method: m}}
	if _, err := evidence.Fit(es, mods, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evidence.Fit(es, mods, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// metafor: rma(yi, vi, method = "PM") on the same 10,000 studies (bench.R).
func BenchmarkFitPM10000(b *testing.B) { benchmarkFit(b, benchEffects(10000), nil, evidence.MethodPM) }

// metafor: rma(yi, vi, method = "ML") on the same 10,000 studies (bench.R).
func BenchmarkFitML10000(b *testing.B) { benchmarkFit(b, benchEffects(10000), nil, evidence.MethodML) }

// metafor: rma(yi, vi, method = "ML") on the same 1,000 studies (bench.R).
func BenchmarkFitML1000(b *testing.B) { benchmarkFit(b, benchEffects(1000), nil, evidence.MethodML) }

// metafor: rma(yi, vi, mods = ~ x1 + x2 + x3) on the same 1,000 studies.
func BenchmarkMetaRegression3x1000(b *testing.B) {
	es, mods := benchModerators(1000)
	benchmarkFit(b, es, mods, evidence.MethodREML)
}

// metafor: trimfill(rma(yi, vi)) on the same 100 studies.
func BenchmarkTrimFill100(b *testing.B) {
	es := benchFunnel(100)
	m, err := evidence.Fit(es, nil, evidence.FitOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		m, err := evidence.Fit(es, nil, evidence.FitOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.TrimFill(evidence.TrimFillOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	_ = m
}

// TestWriteBenchmarkData writes the benchmark inputs as CSV into the
// folder named by SECRETOME_BENCH_DATA, for testdata/metafor/bench.R to
// time metafor on the same studies. It does nothing otherwise.
func TestWriteBenchmarkData(t *testing.T) {
	dir := os.Getenv("SECRETOME_BENCH_DATA")
	if dir == "" {
		t.Skip("set SECRETOME_BENCH_DATA to a folder to write the benchmark inputs")
	}
	write := func(name string, es []evidence.Effect, mods []evidence.Moderator) {
		var sb strings.Builder
		sb.WriteString("yi,vi")
		for _, m := range mods {
			sb.WriteString("," + m.Name)
		}
		sb.WriteString("\n")
		for i, e := range es {
			fmt.Fprintf(&sb, "%.17g,%.17g", e.Yi, e.Vi)
			for _, m := range mods {
				if m.Values != nil {
					fmt.Fprintf(&sb, ",%.17g", m.Values[i])
				} else {
					sb.WriteString("," + m.Levels[i])
				}
			}
			sb.WriteString("\n")
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("k10000.csv", benchEffects(10000), nil)
	write("k1000.csv", benchEffects(1000), nil)
	es, mods := benchModerators(1000)
	write("reg1000.csv", es, mods)
	write("funnel100.csv", benchFunnel(100), nil)
}
