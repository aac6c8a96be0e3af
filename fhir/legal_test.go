package fhir_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/fhir"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// assessedSeed exports the seed wound gel with the classifications of the
// shipped rules in force on 2026-11-26.
func assessedSeed(t *testing.T) (*regulation.Dossier, *regulation.Report, *fhir.Result) {
	t.Helper()
	d := loadExample(t, "../examples/dossiers/ucmsc-wound-gel.json")
	rep, err := regulation.Assess(d, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	res, err := fhir.ExportWith(d, fhir.Options{Assessment: rep})
	require.NoError(t, err)
	return d, rep, res
}

func TestExportLegalStatusGoldenAndRoundTrip(t *testing.T) {
	d, rep, res := assessedSeed(t)

	golden := filepath.Join("testdata", "ucmsc-wound-gel.assessed.bundle.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, res.Bundle, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./fhir -update")
	assert.Equal(t, string(want), string(res.Bundle))

	var b struct {
		Entry []struct {
			Resource struct {
				ResourceType        string `json:"resourceType"`
				LegalStatusOfSupply []struct {
					Extension []struct {
						URL       string `json:"url"`
						ValueDate string `json:"valueDate"`
					} `json:"extension"`
					Code struct {
						Coding []struct{ System, Code string } `json:"coding"`
						Text   string                          `json:"text"`
					} `json:"code"`
					Jurisdiction struct {
						Coding []struct{ System, Code string } `json:"coding"`
					} `json:"jurisdiction"`
				} `json:"legalStatusOfSupply"`
			} `json:"resource"`
		} `json:"entry"`
	}
	require.NoError(t, json.Unmarshal(res.Bundle, &b))
	pkg := b.Entry[5].Resource
	require.Equal(t, "PackagedProductDefinition", pkg.ResourceType, "the legal status per jurisdiction is the packaged product's in R5")
	var classed int
	for _, j := range rep.Jurisdictions {
		if j.Jurisdiction != regulation.Baseline && j.Classification != "" {
			classed++
		}
	}
	require.Len(t, pkg.LegalStatusOfSupply, classed, "one legal status per jurisdiction that classes the product, none for the quality baseline")
	var sawID bool
	for _, ls := range pkg.LegalStatusOfSupply {
		require.Len(t, ls.Extension, 1)
		assert.Equal(t, fhir.ExtensionAssessedOn, ls.Extension[0].URL)
		assert.Equal(t, "2026-11-26", ls.Extension[0].ValueDate)
		if ls.Jurisdiction.Coding[0].Code == "ID" {
			sawID = true
			assert.Equal(t, fhir.SystemISO3166, ls.Jurisdiction.Coding[0].System)
			assert.Equal(t, "id.class.cell_therapy", ls.Code.Coding[0].Code)
			assert.Contains(t, ls.Code.Text, "PP 28/2024")
		}
	}
	assert.True(t, sawID, "Indonesia classes the product")

	back, err := fhir.Import(res.Bundle)
	require.NoError(t, err, "the classifications are those the rules give")
	again, err := fhir.ExportWith(back, fhir.Options{Assessment: rep})
	require.NoError(t, err)
	assert.Equal(t, string(res.Bundle), string(again.Bundle), "export, import, export is stable")
	wantJSON, _ := json.Marshal(d)
	gotJSON, _ := json.Marshal(back)
	assert.JSONEq(t, string(wantJSON), string(gotJSON))
}

func TestImportChecksLegalStatus(t *testing.T) {
	_, _, res := assessedSeed(t)
	tests := []struct {
		name, old, new string
		path           string
		why            string
		all            bool
	}{
		{"another class", `"text": "drug and biological product; not an HCT/P"`, `"text": "cosmetic"`,
			".legalStatusOfSupply[", "a classification the rules do not give is reported, not dropped", false},
		{"another day", `"valueDate": "2026-11-26"`, `"valueDate": "1990-01-01"`,
			".legalStatusOfSupply[", "before the rules took effect they give no classification", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.True(t, bytes.Contains(res.Bundle, []byte(tc.old)), "the golden holds %s", tc.old)
			n := 1
			if tc.all {
				n = -1
			}
			data := bytes.Replace(res.Bundle, []byte(tc.old), []byte(tc.new), n)
			d, err := fhir.Import(data)
			require.NotNil(t, d, "the dossier itself is sound: %v", err)
			firstProblem(t, err, tc.path, secretome.CodeInconsistent, tc.why)
		})
	}
}

func TestExportWithAssessmentOfAnotherProduct(t *testing.T) {
	_, rep, _ := assessedSeed(t)
	other := loadExample(t, "../examples/dossiers/bmmsc-ev-knee.json")
	_, err := fhir.ExportWith(other, fhir.Options{Assessment: rep})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "NSB-UCMSC-SG-01")
}

func TestExportWithAssessmentOfInvalidDossier(t *testing.T) {
	d, rep, _ := assessedSeed(t)
	bad := *rep
	bad.Invalid = true
	_, err := fhir.ExportWith(d, fhir.Options{Assessment: &bad})
	require.Error(t, err, "a class reached on a dossier with errors is no legal status")
	assert.Contains(t, err.Error(), "dossier with errors")
}

func TestAuthorisationStatusAndType(t *testing.T) {
	d := loadExample(t, "../examples/dossiers/ucmsc-wound-gel.json")
	d.Authorisations = append(d.Authorisations,
		regulation.Authorisation{Kind: regulation.AuthNIE, Status: regulation.StatusHeld, Number: "NIE-1 (fictional)", Jurisdiction: "ID"},
		regulation.Authorisation{Kind: regulation.AuthCosmeticNotification, Status: regulation.StatusRevoked, Number: "NA-1 (fictional)", Jurisdiction: "ID"},
		regulation.Authorisation{Kind: regulation.AuthCTA, Status: regulation.StatusApplied, Number: "CTA-1 (fictional)", Jurisdiction: "ID"},
		regulation.Authorisation{Kind: regulation.AuthBLA, Status: regulation.StatusNotHeld, Jurisdiction: "US"},
	)
	res, err := fhir.Export(d)
	require.NoError(t, err)
	golden := filepath.Join("testdata", "authorisation-status.bundle.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, res.Bundle, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./fhir -update")
	assert.Equal(t, string(want), string(res.Bundle))
	for _, c := range res.Carried {
		assert.False(t, strings.HasSuffix(c, "/status") && strings.HasPrefix(c, "/authorisations/"), "%s: status is RegulatedAuthorization.status", c)
	}
	for _, want := range []string{
		`"system": "http://hl7.org/fhir/publication-status",
              "code": "active"`,
		`"system": "http://hl7.org/fhir/publication-status",
              "code": "retired"`,
		`"system": "http://hl7.org/fhir/regulated-authorization-type",
              "code": "MarketingAuth"`,
	} {
		assert.Contains(t, string(res.Bundle), want)
	}
	assert.Equal(t, 2, strings.Count(string(res.Bundle), `"code": "MarketingAuth"`), "nie and bla are marketing authorisations; a cosmetic notification is not")

	back, err := fhir.Import(res.Bundle)
	require.NotNil(t, back, "%v", err)
	n := len(d.Authorisations)
	require.Len(t, back.Authorisations, n)
	for i := n - 4; i < n; i++ {
		assert.Equal(t, d.Authorisations[i].Status, back.Authorisations[i].Status)
		assert.Equal(t, d.Authorisations[i].Kind, back.Authorisations[i].Kind)
	}

	// A standard coding that contradicts the library's is a problem.
	bad := strings.Replace(string(res.Bundle), `"code": "active"`, `"code": "retired"`, 1)
	_, err = fhir.Import([]byte(bad))
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok, "%v", err)
	assert.Contains(t, ve.Problems[0].Path, ".status.coding[1]")
	assert.Equal(t, secretome.CodeInconsistent, ve.Problems[0].Code)
}
