package secretome

import (
	"strings"
	"testing"
)

// evCategoryByLists is EVCategory as the lists define it: the first
// category one of whose entries is the name, or a prefix of it when the
// entry ends in "*", compared as findMarker compares names.
func evCategoryByLists(name string) int {
	for i, list := range [...][]string{evCategory1, evCategory2, evCategory3, evCategory4, evCategory5} {
		for _, w := range list {
			if prefix, ok := strings.CutSuffix(w, "*"); ok {
				if matchMarker(name, prefix, true) {
					return i + 1
				}
			} else if sameMarker(name, w) {
				return i + 1
			}
		}
	}
	return 0
}

// TestEVCategoryAgreesWithTheLists checks the table EVCategory looks
// names up in against the lists themselves, for every entry written in
// several ways, with text after it, and cut short.
func TestEVCategoryAgreesWithTheLists(t *testing.T) {
	names := []string{"", " ", "-", "x", "CD", "ILX", "il 6", "H", "h3", "HLA", "tgf-β1", "TGFΒ1", strings.Repeat("CD63", 40)}
	for _, list := range [...][]string{evCategory1, evCategory2, evCategory3, evCategory4, evCategory5} {
		for _, w := range list {
			w = strings.TrimSuffix(w, "*")
			names = append(names, w, strings.ToLower(w), strings.ToUpper(w), " "+w+"-", strings.ReplaceAll(w, " ", ""),
				w+"1", w+" beta", w[:len(w)-1], "-"+strings.ToLower(w[:1])+" "+w[1:])
		}
	}
	for _, name := range names {
		if got, want := EVCategory(name), evCategoryByLists(name); got != want {
			t.Errorf("EVCategory(%q) = %d, the lists give %d", name, got, want)
		}
	}
}

// FuzzEVCategory checks EVCategory against the lists on any name.
func FuzzEVCategory(f *testing.F) {
	for _, s := range []string{"CD63", "il-6", "Tamm-Horsfall protein", "histone H3", "TGF-β1", "integrin β1", "H2A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := EVCategory(name), evCategoryByLists(name); got != want {
			t.Fatalf("EVCategory(%q) = %d, the lists give %d", name, got, want)
		}
	})
}
