package evidence

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// FuzzDecodeStudy checks that decoding never panics, that whatever it
// accepts is valid and survives a round trip through encoding/json, and
// that levelling and grading never panic, even on studies that fail
// validation.
func FuzzDecodeStudy(f *testing.F) {
	for _, name := range []string{"testdata/rct_valid.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	if data, err := os.ReadFile("testdata/wound_case_reports.json"); err == nil {
		var list []json.RawMessage
		if json.Unmarshal(data, &list) == nil {
			for _, one := range list {
				f.Add([]byte(one))
			}
		}
	}
	for _, s := range []string{
		``, `{}`, `null`, `[]`, `{"id":"x"}`, `{"design":"rct"}`, `{"year":1e400}`,
		`{"population":{"size":-1}}`, `{"outcomes":[{"raw":{"events_treated":1}}]}`,
		`{"outcomes":[{"type":"binary","reported":{"measure":"rr","estimate":0,"ci_lower":-1,"ci_upper":1,"ci_level":0.95}}]}`,
		`{"risk_of_bias":{"rob2":{"randomisation":"high"},"robins_i":{"confounding":"critical"}}}`,
		`{"review":{"studies":0,"designs":["meta_analysis"],"i2":-5}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeStudy(data)
		if err != nil {
			if s != nil {
				t.Fatal("a study returned with an error")
			}
			// Grade what a lenient decoder makes of the input: invalid
			// studies must not make grading panic.
			var loose Study
			if json.Unmarshal(data, &loose) == nil {
				exercise(loose)
			}
			return
		}
		if verr := s.Validate(); verr != nil {
			t.Fatalf("decoded study does not validate: %v", verr)
		}
		out, merr := json.Marshal(s)
		if merr != nil {
			t.Fatalf("decoded study does not marshal: %v", merr)
		}
		back, derr := DecodeStudy(out)
		if derr != nil {
			t.Fatalf("round trip fails: %v\n%s", derr, out)
		}
		if !reflect.DeepEqual(s, back) {
			t.Fatalf("round trip changes the study:\n%s", out)
		}
		exercise(*s)
	})
}

func exercise(s Study) {
	for _, q := range []Question{{}, {Kind: QuestionHarms, Indication: "L89", ProductID: "p", Outcome: "x"},
		{Kind: QuestionRareHarms, Comparator: ComparatorPlacebo}} {
		Level(&s, q)
		_, _ = Grade(Body{Question: q, Studies: []Study{s, s}}, GradeOptions{})
		Summarize([]Study{s}, q)
	}
	for i := range s.Outcomes {
		_, _ = s.Outcomes[i].Effect(0)
	}
}
