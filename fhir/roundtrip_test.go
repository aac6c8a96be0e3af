package fhir_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/fhir"
	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/openregen/secretomekit/regulation"
)

var update = flag.Bool("update", false, "rewrite the golden Bundles")

// loadExample decodes an example dossier; an invalid one is kept as
// decoded, since a Bundle can carry it too.
func loadExample(t *testing.T, path string) *regulation.Dossier {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	if strings.HasSuffix(path, ".yaml") {
		doc, err := yamljson.Convert(data, yamljson.Options{})
		require.NoError(t, err)
		data = doc.JSON
	}
	d, err := regulation.DecodeDossier(data)
	require.NotNil(t, d, "%s: %v", path, err)
	return d
}

func examples(t *testing.T) []string {
	files, err := filepath.Glob("../examples/dossiers/*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

func TestExportGoldenAndRoundTrip(t *testing.T) {
	for _, path := range examples(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			d := loadExample(t, path)
			res, err := fhir.Export(d)
			require.NoError(t, err)

			again, err := fhir.Export(d)
			require.NoError(t, err)
			assert.Equal(t, res.Bundle, again.Bundle, "export is deterministic")

			golden := filepath.Join("testdata", name+".bundle.json")
			if *update {
				require.NoError(t, os.WriteFile(golden, res.Bundle, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./fhir -update")
			assert.Equal(t, string(want), string(res.Bundle))

			back, importErr := fhir.Import(res.Bundle)
			require.NotNil(t, back, "%v", importErr)
			wantJSON, err := json.Marshal(d)
			require.NoError(t, err)
			gotJSON, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(wantJSON), string(gotJSON), "export then import keeps every field")
			assert.Equal(t, d.Validate() == nil, importErr == nil, "validation agrees")
		})
	}
}

func TestExportCarriesWhatFHIRCannot(t *testing.T) {
	d := loadExample(t, "../examples/dossiers/ucmsc-wound-gel.json")
	res, err := fhir.Export(d)
	require.NoError(t, err)
	assert.Contains(t, res.Carried, "/product/source/passage", "passage has no FHIR element")
	assert.Contains(t, res.Carried, "/uses", "intended uses have no FHIR element")
	assert.NotContains(t, res.Carried, "/product/name", "the name is MedicinalProductDefinition.name")
	assert.NotContains(t, res.Carried, "/product/composition/analytes/0/quantity", "strength is an Ingredient quantity")
	assert.True(t, bytes.Contains(res.Bundle, []byte(`"code": "ug/mL"`)) || bytes.Contains(res.Bundle, []byte(`"code": "pg/mL"`)), "UCUM codes")
}
