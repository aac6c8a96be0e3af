package secretome_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

// FuzzDecodeProduct feeds arbitrary bytes to the strict decoder. It must
// never panic; every problem must carry a code and a message; and a product
// that decodes and validates must survive a JSON round trip unchanged.
func FuzzDecodeProduct(f *testing.F) {
	if data, err := os.ReadFile("testdata/wound_gel.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"id":"x","name":"y","source":{"passage":0},"composition":{"analytes":[{"name":"bFGF","quantity":"1e3 pg/mL"}]}}`))
	f.Add([]byte(`{"release":{"tests":[{"kind":"endotoxin","limit":{"max":{"value":1.5,"unit":"EU/mL"}}}]}}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"price":{"amount":"1e999999999","currency":"IDR","per":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := secretome.DecodeProduct(data)
		if err != nil {
			ve, ok := secretome.AsValidationError(err)
			if !ok {
				t.Fatalf("error is not a *ValidationError: %v", err)
			}
			for _, pr := range ve.Problems {
				if pr.Code == "" || pr.Message == "" {
					t.Fatalf("problem without code or message: %+v", pr)
				}
			}
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("a valid product does not marshal: %v", err)
		}
		q, err := secretome.DecodeProduct(out)
		if err != nil {
			t.Fatalf("a marshalled valid product does not decode: %v\n%s", err, out)
		}
		again, _ := json.Marshal(q)
		if string(again) != string(out) {
			t.Fatalf("round trip is not stable:\n%s\n%s", out, again)
		}
	})
}
