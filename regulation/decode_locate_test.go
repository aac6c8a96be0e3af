package regulation

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/internal/strictjson"
)

// valuePaths lists the field path of every value of a JSON document, in
// document order, and beside each one a path below it that does not
// exist.
func valuePaths(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []string
	var walk func(path string)
	walk = func(path string) {
		out = append(out, path, fieldpath.Join(path, "nothing"))
		tok, err := dec.Token()
		require.NoError(t, err)
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				require.NoError(t, err)
				walk(fieldpath.Join(path, fieldpath.KeyStep(key.(string))))
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				walk(path + "[" + strconv.Itoa(i) + "]")
			}
			_, err = dec.Token()
		}
		require.NoError(t, err)
	}
	walk("")
	return out
}

// TestReadingLocatesAsTheDocument checks that a reading places the path
// of every value of the example dossiers, those inside the quantities
// that were read in place included, where reading the document again
// does.
func TestReadingLocatesAsTheDocument(t *testing.T) {
	files := []string{"testdata/seed_wound_gel.json"}
	for _, name := range exampleDossiers {
		files = append(files, filepath.Join("..", "examples", "dossiers", name))
	}
	for _, name := range files {
		data := mustRead(t, name)
		r := ReadDossier(data, DecodeOptions{})
		require.NotNil(t, r.Dossier, name)
		paths := valuePaths(t, data)
		want := strictjson.LocateAll(data, paths)
		for i, at := range r.Locate(paths) {
			assert.Equal(t, Position{want[i].Line, want[i].Column}, at, "%s: %s", name, paths[i])
		}
	}
}
