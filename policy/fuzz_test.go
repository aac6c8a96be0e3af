package policy_test

import (
	"errors"
	"os"
	"testing"

	"github.com/openregen/secretomekit/policy"
)

// FuzzLoad feeds policy files to Load: it must never panic, and a file
// it rejects must come back as a *FileError with at least one problem.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"../examples/policies/formulary.yaml", "../examples/policies/vendor.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(goodRule))
	f.Add([]byte(`{"rules":[{"id":"A-B","title":"t","jurisdiction":"HOUSE","citation":{"instrument":"i"},"provenance":"primary","when":"size(dossier.uses) > 2","effect":"report","severity":"info","message":"{{dossier.product.id}}"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := policy.Load("f.yaml", data)
		if err != nil {
			var fe *policy.FileError
			if !errors.As(err, &fe) || len(fe.Problems) == 0 {
				t.Fatalf("error %v is not a *FileError with problems", err)
			}
			return
		}
		if len(p.Rules()) == 0 {
			t.Fatal("a loaded file has no rules")
		}
	})
}

// FuzzLoadWaivers feeds waivers files to LoadWaivers, with the same
// promise.
func FuzzLoadWaivers(f *testing.F) {
	data, err := os.ReadFile("../examples/waivers.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(needleWaiver))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := policy.LoadWaivers("w.yaml", data)
		if err != nil {
			var fe *policy.FileError
			if !errors.As(err, &fe) || len(fe.Problems) == 0 {
				t.Fatalf("error %v is not a *FileError with problems", err)
			}
			return
		}
		if w.Len() == 0 {
			t.Fatal("a loaded file has no waivers")
		}
	})
}
