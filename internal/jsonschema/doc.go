// Package jsonschema writes JSON Schemas (draft 2020-12) of Go types and
// checks JSON values against the small part of the draft that it writes.
//
// # Generating
//
// Generator.Generate walks a Go type with reflection and describes the
// JSON that encoding/json (and the strict decoder, which follows the same
// tags) reads: a struct is an object with additionalProperties false and
// one property per json tag; a field without omitempty or omitzero is
// required; a slice is an array; a map with string keys is an object whose
// values share a schema. Leaf types that decode themselves are described
// by what they accept:
//
//   - a closed enumeration (a one-byte integer type with MarshalText and
//     UnmarshalText, or any type with a Values() []string method) is a
//     string with an enum of its spellings, found by asking the type;
//   - any other encoding.TextUnmarshaler is a string;
//   - a json.Unmarshaler is described by Generator.Override or, failing
//     that, accepts any value.
//
// Because the schema is computed from the types, it cannot drift from the
// decoder. Every named struct becomes an entry of $defs, referenced with
// $ref, so recursive types are fine.
//
// # Validating
//
// Schema.Validate checks a decoded JSON value (decode with UseNumber)
// against the keywords this package writes, plus minimum: type,
// properties, required, additionalProperties (false or a schema), items,
// enum, pattern, minimum and $ref into $defs. It exists so that tests can
// hold example documents and tool output to a schema without a dependency;
// it is not a general validator.
package jsonschema
