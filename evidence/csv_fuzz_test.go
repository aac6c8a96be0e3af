package evidence

import (
	"bytes"
	"os"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

// FuzzReadTable checks that reading a table never panics, that errors are
// validation errors whose problems carry a line, and that whatever is read
// turns into effects, counts and moderators without panicking, and that
// any effects it yields can be fitted or are refused with an error.
func FuzzReadTable(f *testing.F) {
	for _, name := range []string{"testdata/metafor/bcg.csv", "testdata/metafor/healing.csv"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "yi,vi\n", "yi,vi\n1,0.1\n2,0.2\n", "ai,bi,ci,di\n0,0,0,0\n", "yi,vi\n1,NaN\n",
		"a,a\n1,2\n", "\ufeffyi,vi,x\n1,1,a\n2,1,b\n3,1,a\n", "yi,vi\n\"1,1\n", "m1i,sd1i,n1i,m2i,sd2i,n2i\n1,1,1,1,1,1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ReadTable(bytes.NewReader(data))
		if err != nil {
			if _, ok := secretome.AsValidationError(err); !ok {
				t.Fatalf("not a validation error: %v", err)
			}
			return
		}
		if len(tab.Rows) == 0 {
			t.Fatal("a table without rows was accepted")
		}
		_, _ = tab.Counts()
		for _, c := range tab.Columns {
			_, _ = tab.Moderator(c, false)
		}
		for _, m := range []Measure{MeasureRR, MeasureOR, MeasureRD, MeasureMD, MeasureSMD} {
			es, err := tab.Effects(m)
			if err != nil {
				continue
			}
			if len(es) != len(tab.Rows) {
				t.Fatalf("%d effects for %d rows", len(es), len(tab.Rows))
			}
			_, _ = Fit(es, nil, FitOptions{})
		}
	})
}
