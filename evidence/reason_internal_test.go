package evidence

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReasonNumbersAsFmt checks that the number writers grading's reason
// texts are joined with give what the fmt verbs they replace give, so the
// texts read exactly as before.
func TestReasonNumbersAsFmt(t *testing.T) {
	floats := []float64{0, math.Copysign(0, -1), 0.5, 2, 1.0 / 3, 12.345678, 99.95, 100, 1e-7, 123456789, 1e21, -0.049,
		math.Inf(1), math.Inf(-1), math.NaN()}
	for _, f := range floats {
		assert.Equal(t, fmt.Sprintf("%g", f), gnum(f), "%%g of %v", f)
		for _, p := range []int{3, 4} {
			assert.Equal(t, fmt.Sprintf("%.*g", p, f), gprec(f, p), "%%.%dg of %v", p, f)
		}
		for _, p := range []int{0, 1} {
			assert.Equal(t, fmt.Sprintf("%.*f", p, f), fixed(f, p), "%%.%df of %v", p, f)
		}
	}
	for _, n := range []int{-3, -1, 0, 1, 2, 1000} {
		assert.Equal(t, fmt.Sprintf("%+d", n), signed(n), "%%+d of %d", n)
	}
}
