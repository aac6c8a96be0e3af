package evidence

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHasPrefixSkippingDots checks the allocation-free prefix test against
// the plain definition: strip the dots, then compare.
func TestHasPrefixSkippingDots(t *testing.T) {
	cases := [][2]string{{"L89.3", "L89"}, {"L89.3", "L893"}, {"L89.3", "L89.3"}, {"L89", "L89.3"},
		{"L8", "L89"}, {"M17.1", "M17.2"}, {"", ""}, {"L89.", "L89"}, {".L", "L"}, {"EB40.0", "EB4"}}
	for _, c := range cases {
		want := strings.HasPrefix(strings.ReplaceAll(c[0], ".", ""), strings.ReplaceAll(c[1], ".", ""))
		assert.Equal(t, want, hasPrefixSkippingDots(c[0], c[1]), "%q starts with %q", c[0], c[1])
	}
	var sink bool
	assert.Zero(t, testing.AllocsPerRun(50, func() { sink = hasPrefixSkippingDots("L89.3", "L89") }))
	assert.True(t, sink)
}
