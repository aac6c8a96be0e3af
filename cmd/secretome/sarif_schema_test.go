package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	jsonschema "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// officialSchema is the SARIF 2.1.0 schema of the OASIS standard (errata 01,
// sarif-schema-2.1.0.json), compiled once.
var officialSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(officialSARIFSchema, doc); err != nil {
		return nil, err
	}
	return c.Compile(officialSARIFSchema)
})

// validateSARIF validates a SARIF log against the standard's schema,
// formats (uri, uri-reference) included.
func validateSARIF(t *testing.T, data string) {
	t.Helper()
	schema, err := officialSchema()
	require.NoError(t, err)
	doc, err := unmarshalSARIF(data)
	require.NoError(t, err)
	assert.NoError(t, schema.Validate(doc), "SARIF 2.1.0 schema")
}

func unmarshalSARIF(data string) (any, error) {
	return jsonschema.UnmarshalJSON(strings.NewReader(data))
}

// TestSARIFSchemaRejects shows that the schema check can fail: a
// suppression of an unknown kind and a rule without an ID are rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	schema, err := officialSchema()
	require.NoError(t, err)
	for _, bad := range []string{
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"s"}},"results":[{"message":{"text":"m"},"suppressions":[{"kind":"waiver"}]}]}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"s","rules":[{"name":"x"}]}}}]}`,
	} {
		doc, err := unmarshalSARIF(bad)
		require.NoError(t, err)
		assert.Error(t, schema.Validate(doc), bad)
	}
	good := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"s"}},"results":[{"message":{"text":"m"},"suppressions":[{"kind":"external","status":"accepted","justification":"j"}]}]}]}`
	doc, err := unmarshalSARIF(good)
	require.NoError(t, err)
	assert.NoError(t, schema.Validate(doc))
}
