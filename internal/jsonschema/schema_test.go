package jsonschema

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type colour uint8

var colourNames = []string{"", "red", "green"}

func (c colour) MarshalText() ([]byte, error) {
	if c == 0 || int(c) >= len(colourNames) {
		return nil, errors.New("no spelling")
	}
	return []byte(colourNames[c]), nil
}

func (c *colour) UnmarshalText(b []byte) error {
	for i, n := range colourNames {
		if i > 0 && n == string(b) {
			*c = colour(i)
			return nil
		}
	}
	return fmt.Errorf("unknown colour %q", b)
}

type size uint8

func (size) Values() []string               { return []string{"s", "m", "l"} }
func (s size) MarshalText() ([]byte, error) { return []byte("m"), nil }
func (s *size) UnmarshalText([]byte) error  { return nil }

type label string

func (l label) MarshalText() ([]byte, error) { return []byte(l), nil }
func (l *label) UnmarshalText(b []byte) error {
	*l = label(b)
	return nil
}

type amount struct{ v string }

func (a *amount) UnmarshalJSON(b []byte) error { a.v = string(b); return nil }

type Base struct {
	ID string `json:"id"`
}

type node struct {
	Base
	Name     string            `json:"name"`
	Colour   colour            `json:"colour,omitempty"`
	Size     size              `json:"size,omitzero"`
	Label    label             `json:"label,omitempty"`
	Amount   amount            `json:"amount"`
	Count    uint              `json:"count"`
	Ratio    float64           `json:"ratio,omitempty"`
	Flag     *bool             `json:"flag,omitempty"`
	Children []node            `json:"children,omitempty"`
	Tags     map[string]string `json:"tags,omitempty"`
	Colours  []colour          `json:"colours,omitempty"`
	Blob     []byte            `json:"blob,omitempty"`
	Skipped  int               `json:"-"`
	hidden   int
}

func TestGenerate(t *testing.T) {
	g := Generator{Override: func(t reflect.Type) (*Schema, bool) {
		if t == reflect.TypeFor[amount]() {
			return &Schema{Type: Types{"string"}, Pattern: `^[0-9]+$`}, true
		}
		return nil, false
	}}
	s := g.Generate(reflect.TypeFor[node](), "urn:test")
	assert.Equal(t, Draft, s.Schema)
	assert.Equal(t, "urn:test", s.ID)
	assert.Equal(t, "#/$defs/jsonschema.node", s.Ref)
	def := s.Defs["jsonschema.node"]
	require.NotNil(t, def)
	assert.Equal(t, []string{"amount", "count", "id", "name"}, def.Required, "fields without omitempty/omitzero are required; embedded fields are flattened")
	assert.Equal(t, []any{"red", "green"}, def.Properties["colour"].Enum, "one-byte text enums are probed")
	assert.Equal(t, []any{"s", "m", "l"}, def.Properties["size"].Enum, "Values() lists an enum")
	assert.Nil(t, def.Properties["label"].Enum, "an open text type is a plain string")
	assert.Equal(t, "#/$defs/jsonschema.node", def.Properties["children"].Items.Ref, "recursive types use $ref")
	assert.Equal(t, `^[0-9]+$`, def.Properties["amount"].Pattern, "overrides describe self-decoding types")
	assert.Equal(t, []any{"red", "green"}, def.Properties["colours"].Items.Enum, "a slice of a one-byte enum is an array, not base64")
	assert.Equal(t, Types{"string"}, def.Properties["blob"].Type, "a byte slice is base64 text")
	assert.NotContains(t, def.Properties, "hidden")
	_ = node{}.hidden
	assert.NotContains(t, def.Properties, "Skipped")
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"additionalProperties":false`)

	// The schema survives a round trip through JSON and still validates.
	var back Schema
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Empty(t, back.ValidateJSON([]byte(`{"id":"a","name":"n","amount":"12","count":1,"children":[{"id":"b","name":"m","amount":"3","count":0,"colour":"red"}]}`)))
}

func TestValidate(t *testing.T) {
	schema := []byte(`{
		"$defs": {"item": {"type": "object", "required": ["id"], "additionalProperties": false,
			"properties": {"id": {"type": "string", "pattern": "^[a-z]+$"}, "n": {"type": "integer", "minimum": 1},
				"kind": {"enum": ["a", "b"]}, "x": {"type": ["number", "null"]}}}},
		"type": "object",
		"properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}, "meta": {"type": "object", "additionalProperties": {"type": "boolean"}}}
	}`)
	var s Schema
	require.NoError(t, json.Unmarshal(schema, &s))
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"valid document", `{"items":[{"id":"ab","n":2,"kind":"a","x":null},{"id":"c","x":1.5}],"meta":{"ok":true}}`, nil},
		{"missing required", `{"items":[{}]}`, []string{`/items/0: missing required property "id"`}},
		{"unknown property", `{"items":[{"id":"a","zz":1}]}`, []string{`/items/0: property "zz" is not allowed`}},
		{"wrong type", `{"items":{}}`, []string{`/items: expected array, got object`}},
		{"integer must be whole", `{"items":[{"id":"a","n":1.5}]}`, []string{`/items/0/n: expected integer, got number`}},
		{"minimum", `{"items":[{"id":"a","n":0}]}`, []string{`/items/0/n: 0 is less than the minimum 1`}},
		{"enum", `{"items":[{"id":"a","kind":"c"}]}`, []string{`/items/0/kind: "c" is not one of the allowed values`}},
		{"pattern", `{"items":[{"id":"A"}]}`, []string{`/items/0/id: "A" does not match ^[a-z]+$`}},
		{"additionalProperties schema", `{"meta":{"a/b":1}}`, []string{`/meta/a~1b: expected boolean, got number`}},
		{"type list", `{"items":[{"id":"a","x":"s"}]}`, []string{`/items/0/x: expected number or null, got string`}},
		{"not JSON", `{`, []string{`/: not JSON: unexpected EOF`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, v := range s.ValidateJSON([]byte(tt.doc)) {
				got = append(got, v.Error())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFalseSchema(t *testing.T) {
	b, err := json.Marshal(False())
	require.NoError(t, err)
	assert.Equal(t, "false", string(b))
	var s Schema
	require.NoError(t, json.Unmarshal([]byte("false"), &s))
	assert.Len(t, s.ValidateJSON([]byte("1")), 1, "false accepts nothing")
	require.NoError(t, json.Unmarshal([]byte("true"), &s))
	assert.Empty(t, s.ValidateJSON([]byte("1")), "true accepts anything")
}
