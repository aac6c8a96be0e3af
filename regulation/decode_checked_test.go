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
			d, ps := DecodeDossierChecked(tt.data)
			assert.Equal(t, tt.wantDossier, d != nil)
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
