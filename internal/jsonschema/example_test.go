package jsonschema_test

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/openregen/secretomekit/internal/jsonschema"
)

type Sample struct {
	Name  string   `json:"name"`
	Tags  []string `json:"tags,omitempty"`
	Count int      `json:"count"`
}

func ExampleGenerator_Generate() {
	var g jsonschema.Generator
	s := g.Generate(reflect.TypeFor[Sample](), "")
	for _, v := range s.ValidateJSON([]byte(`{"name":"x","count":"2","extra":true}`)) {
		fmt.Println(v)
	}
	b, _ := json.Marshal(s.Defs["jsonschema_test.Sample"])
	fmt.Println(string(b))
	// Output:
	// /count: expected integer, got string
	// /: property "extra" is not allowed
	// {"type":"object","properties":{"count":{"type":"integer"},"name":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}},"required":["count","name"],"additionalProperties":false}
}
