package regulation

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

func TestScratch(t *testing.T) {
	data, _ := os.ReadFile("testdata/seed_wound_gel.json")
	d, err := DecodeDossier(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Check() {
		t.Log(p.Error())
	}
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Assess(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(r.Jurisdiction("ID"), "", " ")
	t.Log(string(b))
	for _, j := range r.Jurisdictions {
		for _, u := range j.Uses {
			t.Log(j.Jurisdiction, u.Index, u.Class, u.Verdict, u.Rules, u.Missing)
		}
	}
}
