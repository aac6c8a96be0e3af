package secretomekit_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/openregen/secretomekit/regulation"
)

// hostile shapes of about size bytes: repeated bad items, the inputs
// whose cost grew with the square of their size before.
var hostile = []struct {
	name   string
	make   func(size int) []byte
	decode func(data []byte)
}{
	{"json unknown fields", func(size int) []byte {
		var b strings.Builder
		b.WriteString("{\n")
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "  \"x%d\": 1,\n", i)
		}
		b.WriteString("  \"product\": {}\n}\n")
		return []byte(b.String())
	}, func(data []byte) { _, _ = regulation.DecodeDossier(data) }},
	{"json wrong types", func(size int) []byte {
		return []byte(`{"studies": [` + strings.Repeat("1,", size/2) + "1]}")
	}, func(data []byte) { _, _ = regulation.DecodeDossier(data) }},
	{"study list bad items", func(size int) []byte {
		item := `{"a": 1, "b": 2, "id": "s", "year": 3000},` + "\n"
		return []byte("[" + strings.Repeat(item, size/len(item)) + "{}]")
	}, func(data []byte) { _, _ = evidence.DecodeStudies(data) }},
	{"yaml nested lists", func(size int) []byte {
		return []byte(strings.Repeat("- - - - - - - - a\n", size/18))
	}, func(data []byte) { _, _ = yamljson.Convert(data, yamljson.Options{}) }},
	{"yaml unknown keys", func(size int) []byte {
		var b strings.Builder
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "x%d: 1\n", i)
		}
		return []byte(b.String())
	}, func(data []byte) { _, _ = yamljson.Convert(data, yamljson.Options{}) }},
}

// fastest returns the shortest of a few timed runs of f.
func fastest(f func()) time.Duration {
	best := time.Duration(math.MaxInt64)
	for range 3 {
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best
}

// TestHostileInputScales decodes each hostile shape at 64 KiB, 512 KiB
// and 4 MiB and reports how time grows: the exponent k of time ∝ size^k
// between the smallest and the largest size (1 is linear, 2 quadratic).
// It fails only far above linear (k > 1.5), as a bounded test on a shared
// machine must; the benchmarks give the exact figures.
func TestHostileInputScales(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("times decoders over megabytes")
	}
	sizes := []int{64 << 10, 512 << 10, 4 << 20}
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			times := make([]time.Duration, len(sizes))
			for i, size := range sizes {
				data := h.make(size)
				times[i] = fastest(func() { h.decode(data) })
			}
			k := math.Log(float64(times[2])/float64(times[0])) / math.Log(float64(sizes[2])/float64(sizes[0]))
			t.Logf("%s: %v, %v, %v; exponent %.2f", h.name, times[0], times[1], times[2], k)
			if k > 1.5 {
				t.Errorf("time grows as size^%.2f", k)
			}
		})
	}
}

// BenchmarkHostileInput measures the same shapes; bytes per second stay
// flat across sizes when decoding is linear.
func BenchmarkHostileInput(b *testing.B) {
	for _, h := range hostile {
		for _, size := range []int{64 << 10, 512 << 10, 4 << 20} {
			data := h.make(size)
			b.Run(fmt.Sprintf("%s/%dKiB", strings.ReplaceAll(h.name, " ", "-"), size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					h.decode(data)
				}
			})
		}
	}
}
