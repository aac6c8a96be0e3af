package secretome

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestISODayAgreesWithTimeParse checks the fast reading of YYYY-MM-DD
// against time.Parse on every day of years around the leap-year rules,
// on days that do not exist, and on spellings it leaves to time.Parse.
func TestISODayAgreesWithTimeParse(t *testing.T) {
	var texts []string
	for _, y := range []int{0, 4, 100, 1900, 2000, 2023, 2024, 2100, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				texts = append(texts, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	texts = append(texts, "", "2024-1-02", "2024-01-2", "+999-01-02", "-001-01-02", "2024/01/02", "20240102",
		"2024-01-02 ", "２０２４-01-02", "2024-0a-02", "99999-01-02")
	for _, s := range texts {
		want, werr := time.Parse(time.DateOnly, s)
		got, ok := isoDay(s)
		if ok {
			require.NoError(t, werr, s)
			require.Equal(t, DateOf(want), got, s)
		}
		gotB, okB := isoDay([]byte(s))
		require.Equal(t, ok, okB, s)
		require.Equal(t, got, gotB, s)
		if werr == nil && len(s) == 10 && s[0] != '+' && s[0] != '-' {
			require.True(t, ok, "a plain day is read without time.Parse: %s", s)
		}
		d, err := ParseDate(s)
		if werr != nil {
			require.Error(t, err, s)
		} else {
			require.Equal(t, DateOf(want), d, s)
		}
	}
}
