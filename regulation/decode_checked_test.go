package regulation

import (
	"bytes"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeDossierChecked(t *testing.T) {
	seedData := mustRead(t, "testdata/seed_wound_gel.json")
	tests := []struct {
		name        string
		data        []byte
		wantDossier bool
		wantCode    secretome.Code
		wantSev     secretome.Severity
	}{
		{"a valid dossier's warnings come back, placed in the text",
			bytes.Replace(seedData, []byte(`"setting": "beauty_clinic",`), nil, 1), true, secretome.CodeRequired, secretome.SeverityWarning},
		{"a decoding problem leaves no dossier",
			bytes.Replace(seedData, []byte(`"uses"`), []byte(`"usess"`), 1), false, secretome.CodeUnknownField, secretome.SeverityError},
		{"a validation error keeps the dossier beside it",
			bytes.Replace(seedData, []byte(`"jurisdiction": "ID"`), []byte(`"jurisdiction": "id"`), 1), true, "", secretome.SeverityError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ps, loc := DecodeDossierChecked(tt.data)
			assert.Equal(t, tt.wantDossier, d != nil)
			assert.Equal(t, tt.wantDossier, loc != nil, "a locator comes with the dossier")
			require.NotEmpty(t, ps)
			found := false
			for _, p := range ps {
				assert.Positive(t, p.Line, "every problem is placed: %+v", p)
				if p.Severity == tt.wantSev && (tt.wantCode == "" || p.Code == tt.wantCode) {
					found = true
				}
			}
			assert.True(t, found, "%+v", ps)
			_, err := DecodeDossier(tt.data)
			assert.Equal(t, tt.wantSev == secretome.SeverityError, err != nil, "DecodeDossier fails exactly when there are errors")
		})
	}
}

// The locator places paths where reading the document again would.
func TestLocatorAgreesWithTheDocument(t *testing.T) {
	data := mustRead(t, "testdata/seed_wound_gel.json")
	d, _, loc := DecodeDossierChecked(data)
	require.NotNil(t, d)
	paths := []string{"", "uses[2].class", "uses[3].indications[0]", "product.release.tests[1]", "claims[0].studies[1]",
		"studies[0].population.size", "uses[9].class", "product.nothing"}
	var ps []secretome.Problem
	for _, p := range paths {
		ps = append(ps, secretome.Problem{Path: p})
	}
	secretome.LocateProblems(data, ps)
	for i, at := range loc.Locate(paths) {
		assert.Equal(t, Position{ps[i].Line, ps[i].Column}, at, paths[i])
	}
}
