package fhir_test

import (
	"bytes"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/fhir"
	"github.com/openregen/secretomekit/secretome"
)

// TestImportChecksEvidence edits the Evidence of the seed wound gel's
// golden Bundle; Import recomputes the GRADE certainty from the studies it
// reads and reports each difference with its Bundle path and line.
func TestImportChecksEvidence(t *testing.T) {
	golden := seedGolden(t)
	tests := []struct {
		name     string
		edit     func([]byte) []byte
		path     string
		code     secretome.Code
		contains string
		why      string
	}{
		{"overall rating", replace(`"code": "very-low"`, `"code": "moderate"`),
			"entry[28].resource.certainty[0].rating.coding[0].code", secretome.CodeInconsistent, `"moderate" where the studies it cites give "very-low"`,
			"a certainty the studies do not give is reported, not dropped"},
		{"domain rating", replace(`"code": "downcode1"`, `"code": "no-change"`),
			"entry[28].resource.certainty[0].subcomponent", secretome.CodeInconsistent, `"no-change"`,
			"a GRADE domain's rating is checked too"},
		{"cited study", otherCitation,
			"entry[28].resource.relatedArtifact[0].resourceReference.reference", secretome.CodeInconsistent, "urn:uuid:00000000",
			"the studies an Evidence derives from are checked"},
		{"unknown element", replace(`"resourceType": "Evidence",`, `"resourceType": "Evidence", "note": [{"text": "x"}],`),
			"entry[28].resource.note", secretome.CodeUnknownField, "",
			"an element the mapping does not read is not skipped in silence"},
		{"missing Evidence", dropLastEvidence,
			"entry", secretome.CodeInconsistent, "that the Bundle lacks",
			"an outcome the studies give must have its Evidence"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.edit(golden)
			require.False(t, bytes.Equal(golden, data), "the edit applies")
			_, err := fhir.Import(data)
			p := firstProblem(t, err, tc.path, tc.code, tc.why)
			assert.Contains(t, p.Message, tc.contains, tc.why)
		})
	}
}

// TestImportEvidenceRewrittenURLs checks that a Bundle whose fullUrls a
// server rewrote, consistently, still matches its studies: Evidence is
// compared by the studies it cites, not by their URLs.
func TestImportEvidenceRewrittenURLs(t *testing.T) {
	golden := seedGolden(t)
	n := 0
	data := regexp.MustCompile(`urn:uuid:[0-9a-f-]+`).ReplaceAllFunc(golden, func(u []byte) []byte {
		n++
		return append([]byte("https://fhir.example.org/"), u[len("urn:uuid:"):]...)
	})
	require.Positive(t, n)
	d, err := fhir.Import(data)
	require.NoError(t, err)
	assert.Equal(t, "NSB-UCMSC-SG-01", d.Product.ID)
}

// firstProblem checks the first problem of an Import error: its path,
// code and line in the Bundle.
func firstProblem(t *testing.T, err error, path string, code secretome.Code, why string) secretome.Problem {
	t.Helper()
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok, "%s: %v", why, err)
	require.NotEmpty(t, ve.Problems)
	p := ve.Problems[0]
	assert.Contains(t, p.Path, path, why)
	assert.Equal(t, code, p.Code, why)
	assert.Positive(t, p.Line, "the problem is placed in the Bundle")
	return p
}

// seedGolden is the golden Bundle of the seed wound gel.
func seedGolden(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/ucmsc-wound-gel.bundle.json")
	require.NoError(t, err)
	return b
}

func replace(old, new string) func([]byte) []byte {
	return func(b []byte) []byte { return bytes.Replace(b, []byte(old), []byte(new), 1) }
}

// otherCitation makes the first Evidence cite a study the Bundle does
// not hold.
func otherCitation(b []byte) []byte {
	i := bytes.Index(b, []byte(`"resourceType": "Evidence"`))
	j := bytes.Index(b[i:], []byte(`"reference": "urn:uuid:`))
	if i < 0 || j < 0 {
		return b
	}
	out := append([]byte{}, b...)
	copy(out[i+j+len(`"reference": "urn:uuid:`):], "00000000")
	return out
}

// dropLastEvidence removes the Bundle's last entry, an Evidence.
func dropLastEvidence(b []byte) []byte {
	i := bytes.LastIndex(b, []byte(`,
    {
      "fullUrl"`))
	end := bytes.LastIndex(b, []byte(`
  ]
}`))
	if i < 0 || end < i {
		return b
	}
	return append(append([]byte{}, b[:i]...), b[end:]...)
}

// TestImportProblemsInIndonesian checks that the problems Import reports,
// its own and those of the strict decoder, are catalogued messages that
// render in Bahasa Indonesia, not English sentences.
func TestImportProblemsInIndonesian(t *testing.T) {
	golden := seedGolden(t)
	bundles := map[string][]byte{
		"certainty":     replace(`"code": "very-low"`, `"code": "moderate"`)(golden),
		"UNII":          replace(`"code": "PDC6A3C0OX"`, `"code": "451W47IQ8X"`)(golden),
		"missing":       dropLastEvidence(golden),
		"foreign":       []byte(`{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p"}}]}`),
		"not UCUM":      []byte(`{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Ingredient","id":"a","status":"active","role":{"coding":[{"code":"analyte"}]},"substance":{"code":{"concept":{"text":"VEGF"}},"strength":[{"concentrationQuantity":{"value":1.2,"system":"http://unitsofmeasure.org","code":"mcg/mL"}}]}}}]}`),
		"bad extension": bytes.Replace(golden, []byte(`"url": "path"`), []byte(`"url": "where"`), 1),
	}
	id := language.Indonesian
	for name, data := range bundles {
		t.Run(name, func(t *testing.T) {
			_, err := fhir.Import(data)
			ve, ok := secretome.AsValidationError(err)
			require.True(t, ok, "%v", err)
			for _, p := range ve.Problems {
				require.False(t, p.Text.IsZero(), "%s: %s has no catalogued message", p.Path, p.Message)
				assert.Empty(t, p.Text.Uncatalogued(), "%s: %s", p.Path, p.Message)
				assert.NotEqual(t, p.Message, p.In(id), "%s renders in Indonesian", p.Path)
			}
		})
	}
}
