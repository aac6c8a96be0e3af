package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	v6 "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

// TestDossierSchemaMaintainedValidator checks the generated dossier
// schema with a maintained JSON Schema implementation rather than the
// subset this module validates with: the schema itself against the
// official draft 2020-12 meta-schema, then every shipped dossier against
// the schema. Valid dossiers satisfy it; invalid ones fail it on most of
// the fields the decoder finds wrong.
func TestDossierSchemaMaintainedValidator(t *testing.T) {
	b, err := json.Marshal(dossierSchema())
	require.NoError(t, err)
	doc, err := v6.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)

	c := v6.NewCompiler()
	meta, err := c.Compile("https://json-schema.org/draft/2020-12/schema")
	require.NoError(t, err, "the official meta-schema ships with the validator")
	require.NoError(t, meta.Validate(doc), "the dossier schema is a valid draft 2020-12 schema")

	c = v6.NewCompiler()
	require.NoError(t, c.AddResource("dossier.schema.json", doc))
	schema, err := c.Compile("dossier.schema.json")
	require.NoError(t, err)

	for _, file := range dossierFiles(t) {
		t.Run(testName(file), func(t *testing.T) {
			data, dec, _ := readShipped(t, file)
			inst, err := v6.UnmarshalJSON(bytes.NewReader(data))
			require.NoError(t, err)
			var pointers []string
			if err := schema.Validate(inst); err != nil {
				var ve *v6.ValidationError
				require.True(t, errors.As(err, &ve), "%v", err)
				for _, u := range ve.BasicOutput().Errors {
					msg := ""
					if u.Error != nil {
						msg = u.Error.String()
					}
					pointers = append(pointers, u.InstanceLocation+"\x00"+msg)
				}
			}
			judgeSchema(t, dec, pointers)
		})
	}
}
