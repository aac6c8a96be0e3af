package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFhirExportImport(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	exp := runInProcess(t, "", "fhir", "export", src)
	require.Equal(t, exitOK, exp.code, exp.stderr)
	want, err := os.ReadFile(filepath.Join("..", "..", "fhir", "testdata", "ucmsc-wound-gel.bundle.json"))
	require.NoError(t, err)
	assert.Equal(t, string(want), exp.stdout, "the command writes what fhir.Export writes")
	assert.Contains(t, exp.stderr, "/product/source/passage", "fields FHIR cannot carry are listed")
	assert.Contains(t, exp.stderr, "have no standard code", "fields without a standard code are listed")
	assert.Contains(t, exp.stderr, "/product/composition/analytes/0/name", "VEGF has no UNII")
	assert.NotContains(t, exp.stderr, "/product/formulation/excipients/1/name", "glycerol has its UNII")

	imp := runInProcess(t, exp.stdout, "fhir", "import", "-")
	require.Equal(t, exitOK, imp.code, imp.stderr)
	again := runInProcess(t, imp.stdout, "fhir", "export", "-")
	require.Equal(t, exitOK, again.code, again.stderr)
	assert.Equal(t, exp.stdout, again.stdout, "export, import, export gives the same Bundle")

	ucum := runInProcess(t, exp.stdout, "fhir", "import", "--units", "ucum", "-")
	require.Equal(t, exitOK, ucum.code, ucum.stderr)
	assert.Contains(t, ucum.stdout, `"unit": "ug/mL"`)
	assert.NotContains(t, ucum.stdout, "µg/mL")
	var v any
	require.NoError(t, json.Unmarshal([]byte(ucum.stdout), &v))
	back := runInProcess(t, ucum.stdout, "fhir", "export", "-")
	assert.Equal(t, exp.stdout, back.stdout, "a dossier written with UCUM codes reads back the same")
}

func TestFhirExportAsOf(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	exp := runInProcess(t, "", "fhir", "export", "--as-of", "2026-11-26", src)
	require.Equal(t, exitOK, exp.code, exp.stderr)
	want, err := os.ReadFile(filepath.Join("..", "..", "fhir", "testdata", "ucmsc-wound-gel.assessed.bundle.json"))
	require.NoError(t, err)
	assert.Equal(t, string(want), exp.stdout, "the command writes what fhir.ExportWith writes with the assessment of that day")
	imp := runInProcess(t, exp.stdout, "fhir", "import", "-")
	require.Equal(t, exitOK, imp.code, imp.stderr)

	bad := runInProcess(t, "", "fhir", "export", "--as-of", "2026-13-01", src)
	assert.Equal(t, exitUsage, bad.code)
	assert.Contains(t, bad.stderr, "--as-of")
}

func TestFhirImportEvidenceMismatch(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "fhir", "testdata", "ucmsc-wound-gel.bundle.json"))
	require.NoError(t, err)
	edited := strings.Replace(string(b), `"code": "very-low"`, `"code": "moderate"`, 1)
	imp := runInProcess(t, edited, "fhir", "import", "-")
	assert.Equal(t, exitFindings, imp.code, "a certainty the studies do not give fails the import")
	assert.Contains(t, imp.stderr, `certainty[0].rating.coding[0].code [inconsistent] the Bundle has "moderate"`)
	assert.Contains(t, imp.stdout, `"id": "NSB-UCMSC-SG-01"`, "the dossier is still written")

	id := runInProcess(t, edited, "fhir", "import", "--lang", "id", "-")
	assert.Equal(t, exitFindings, id.code)
	assert.Contains(t, id.stderr, `Bundle berisi "moderate" padahal studi yang dirujuknya menghasilkan "very-low"`, "the problem reads in Indonesian")
}

func TestFhirErrors(t *testing.T) {
	tests := []struct {
		args  []string
		stdin string
		code  int
		want  string
		why   string
	}{
		{[]string{"fhir"}, "", exitUsage, "subcommand", "no subcommand"},
		{[]string{"fhir", "send"}, "", exitUsage, "unknown subcommand", "unknown subcommand"},
		{[]string{"fhir", "export"}, "", exitUsage, "name one dossier", "no file"},
		{[]string{"fhir", "import", "-"}, `{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p"}}]}`,
			exitFindings, "not a resource of a dossier Bundle", "a foreign resource"},
		{[]string{"fhir", "import", "-"}, `{"resourceType":"Bundle","type":"collection","extra":1}`, exitFindings, "extra", "an unknown element"},
		{[]string{"fhir", "export", filepath.Join("..", "..", "examples", "dossiers", "broken-exosome-serum.json")}, "", exitFindings,
			"not a valid dossier", "an invalid dossier is not exported"},
		{[]string{"fhir", "export", "--lang", "id", filepath.Join("..", "..", "examples", "dossiers", "broken-exosome-serum.json")}, "", exitFindings,
			"bukan dosier yang sah", "in Indonesian"},
		{[]string{"fhir", "import", "--lang", "id", "-"}, `{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p"}}]}`,
			exitFindings, "tidak dapat dibaca sebagai Bundle dosier", "an import error in Indonesian"},
		{[]string{"fhir", "export", "--lang", "x!", "a.json"}, "", exitUsage, "--lang", "a bad language tag"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			r := runInProcess(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, r.code, r.stderr)
			assert.True(t, strings.Contains(r.stderr, tt.want), "stderr %q lacks %q", r.stderr, tt.want)
		})
	}
}
