package jsonschema

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Draft is the $schema URI of JSON Schema draft 2020-12.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Schema is one JSON Schema. The zero Schema accepts any value.
type Schema struct {
	// Schema is the $schema URI, Draft on a root schema and empty below.
	Schema string `json:"$schema,omitempty"`
	// ID is the $id URI that names a root schema.
	ID string `json:"$id,omitempty"`
	// Ref refers to another schema, "#/$defs/Name" into the root's Defs.
	// As in draft 2020-12, a value must satisfy both the referred schema
	// and the keywords beside Ref.
	Ref string `json:"$ref,omitempty"`
	// Title is a short human-readable name; it does not constrain.
	Title string `json:"title,omitempty"`
	// Description explains the value to people; it does not constrain.
	Description string `json:"description,omitempty"`
	// Type lists the JSON types allowed; empty allows any type.
	Type Types `json:"type,omitempty"`
	// Format names a string format such as "date"; written for readers
	// and not checked by Validate.
	Format string `json:"format,omitempty"`
	// Enum lists the only values allowed; empty allows any value.
	Enum []any `json:"enum,omitempty"`
	// Pattern is a regular expression a string must match (RE2 syntax,
	// unanchored, as the draft says).
	Pattern string `json:"pattern,omitempty"`
	// Minimum is the smallest number allowed, inclusive; nil means no
	// bound. It is a json.Number so that it is compared exactly.
	Minimum *json.Number `json:"minimum,omitempty"`
	// Maximum is the largest number allowed, inclusive; nil means no
	// bound.
	Maximum *json.Number `json:"maximum,omitempty"`
	// Properties gives the schema of each named member of an object.
	Properties map[string]*Schema `json:"properties,omitempty"`
	// Required lists the members an object must have.
	Required []string `json:"required,omitempty"`
	// AdditionalProperties is the schema of members not in Properties;
	// False() forbids them, nil allows any.
	AdditionalProperties *Schema `json:"additionalProperties,omitempty"`
	// Items is the schema of every element of an array; nil allows any.
	Items *Schema `json:"items,omitempty"`
	// AllOf lists schemas the value must satisfy as well.
	AllOf []*Schema `json:"allOf,omitempty"`
	// If, when the value satisfies it, makes Then apply; a value that
	// does not satisfy If is not held to Then.
	If *Schema `json:"if,omitempty"`
	// Then applies when If does.
	Then *Schema `json:"then,omitempty"`
	// Defs holds named schemas that Refs point to, on the root schema.
	Defs map[string]*Schema `json:"$defs,omitempty"`

	// never is set on the schema false, which accepts nothing.
	never bool
}

// False returns the schema false, which accepts no value; as
// additionalProperties it forbids fields that are not listed.
func False() *Schema { return &Schema{never: true} }

// MarshalJSON writes the schema false as false.
func (s *Schema) MarshalJSON() ([]byte, error) {
	if s.never {
		return []byte("false"), nil
	}
	type plain Schema
	return json.Marshal((*plain)(s))
}

// UnmarshalJSON reads a schema object or the booleans true and false.
func (s *Schema) UnmarshalJSON(b []byte) error {
	switch strings.TrimSpace(string(b)) {
	case "false":
		*s = Schema{never: true}
		return nil
	case "true":
		*s = Schema{}
		return nil
	}
	type plain Schema
	return json.Unmarshal(b, (*plain)(s))
}

// Types is the value of the type keyword: one JSON type name or several.
type Types []string

// MarshalJSON writes a single type as a string and several as an array.
func (t Types) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		return json.Marshal(t[0])
	}
	return json.Marshal([]string(t))
}

// UnmarshalJSON reads a type name or an array of them.
func (t *Types) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*t = Types{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("type must be a string or an array of strings")
	}
	*t = many
	return nil
}

// Generator writes schemas of Go types. The zero value is ready to use.
type Generator struct {
	// Override, when it returns true, supplies the schema of a type that
	// decodes itself (a json.Unmarshaler such as an exact quantity).
	Override func(t reflect.Type) (*Schema, bool)
	// Field, when not nil, refines the schema of the member called name
	// of struct owner, as generated from field f: a description, a
	// pattern, bounds, a closed list of values. For an array member, s is
	// the array's schema.
	Field func(owner reflect.Type, f reflect.StructField, name string, s *Schema)
	// Type, when not nil, refines the definition of struct t once its
	// members are in place: conditions between members (allOf, if, then).
	Type func(t reflect.Type, s *Schema)
}

// Generate returns the schema of the JSON form of t, as a document with
// $schema and, when id is not empty, $id. Named structs are in $defs.
func (g *Generator) Generate(t reflect.Type, id string) *Schema {
	w := &walk{g: g, defs: map[string]*Schema{}, names: map[reflect.Type]string{}}
	root := w.schema(t)
	if len(w.defs) > 0 {
		root.Defs = w.defs
	}
	root.Schema = Draft
	root.ID = id
	return root
}

type walk struct {
	g     *Generator
	defs  map[string]*Schema
	names map[reflect.Type]string
}

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

func (w *walk) schema(t reflect.Type) *Schema {
	if w.g.Override != nil {
		if s, ok := w.g.Override(t); ok {
			return s
		}
	}
	pt := reflect.PointerTo(t)
	if t.Kind() != reflect.Pointer && pt.Implements(jsonUnmarshaler) {
		return &Schema{Description: "a " + t.String() + " in its own JSON form"}
	}
	if t.Kind() != reflect.Pointer && pt.Implements(textUnmarshaler) {
		s := &Schema{Type: Types{"string"}}
		s.Enum = enumOf(t)
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		return w.schema(t.Elem())
	case reflect.Struct:
		return w.object(t)
	case reflect.Slice, reflect.Array:
		if e := t.Elem(); e.Kind() == reflect.Uint8 && !reflect.PointerTo(e).Implements(textUnmarshaler) && !reflect.PointerTo(e).Implements(jsonUnmarshaler) {
			// encoding/json reads plain byte slices as base64 text; a
			// slice of a one-byte enum is an array.
			return &Schema{Type: Types{"string"}, Description: "base64"}
		}
		return &Schema{Type: Types{"array"}, Items: w.schema(t.Elem())}
	case reflect.Map:
		return &Schema{Type: Types{"object"}, AdditionalProperties: w.schema(t.Elem())}
	case reflect.String:
		return &Schema{Type: Types{"string"}}
	case reflect.Bool:
		return &Schema{Type: Types{"boolean"}}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s := &Schema{Type: Types{"integer"}}
		if t.Kind() >= reflect.Uint {
			zero := json.Number("0")
			s.Minimum = &zero
		}
		return s
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: Types{"number"}}
	}
	return &Schema{}
}

// enumOf lists the spellings of a closed enumeration, or nil when t is not
// one. It asks a Values() []string method, or else marshals every value of
// a one-byte integer type and keeps the spellings that read back, after
// checking that the type rejects a spelling no enumeration has.
func enumOf(t reflect.Type) []any {
	if m, ok := t.MethodByName("Values"); ok && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 && m.Type.Out(0) == reflect.TypeFor[[]string]() {
		vals := reflect.Zero(t).Method(m.Index).Call(nil)[0].Interface().([]string)
		return strings2any(vals)
	}
	if (t.Kind() != reflect.Uint8 && t.Kind() != reflect.Int8) || !t.Implements(textMarshaler) {
		return nil
	}
	probe := reflect.New(t)
	if probe.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte("\x00not a spelling\x00")) == nil {
		return nil // an open set of spellings
	}
	var vals []string
	for i := 0; i < 256; i++ {
		v := reflect.New(t).Elem()
		if t.Kind() == reflect.Uint8 {
			v.SetUint(uint64(i))
		} else {
			v.SetInt(int64(int8(i)))
		}
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil || len(b) == 0 {
			continue
		}
		back := reflect.New(t)
		if back.Interface().(encoding.TextUnmarshaler).UnmarshalText(b) != nil || !back.Elem().Equal(v) {
			continue
		}
		if !slices.Contains(vals, string(b)) {
			vals = append(vals, string(b))
		}
	}
	return strings2any(vals)
}

func strings2any(s []string) []any {
	if len(s) == 0 {
		return nil
	}
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// object returns a $ref to the definition of struct t, defining it first.
func (w *walk) object(t reflect.Type) *Schema {
	name, ok := w.names[t]
	if !ok {
		name = w.defName(t)
		w.names[t] = name
		def := &Schema{Type: Types{"object"}, Properties: map[string]*Schema{}, AdditionalProperties: False()}
		w.defs[name] = def
		w.fields(t, def)
		slices.Sort(def.Required)
		if w.g.Type != nil {
			w.g.Type(t, def)
		}
	}
	return &Schema{Ref: "#/$defs/" + name}
}

// defName names a struct's definition by its package's last element and
// type name ("regulation.Dossier"), made unique if two types collide.
func (w *walk) defName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndexByte(pkg, '/'); i >= 0 {
		pkg = pkg[i+1:]
	}
	base := t.Name()
	if base == "" {
		base = "anonymous"
	}
	if pkg != "" {
		base = pkg + "." + base
	}
	name := base
	for i := 2; w.defs[name] != nil; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	return name
}

func (w *walk) fields(t reflect.Type, def *Schema) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				w.fields(ft, def)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := def.Properties[name]; dup {
			continue
		}
		ps := w.schema(f.Type)
		if w.g.Field != nil {
			if ps.Ref != "" {
				// Keywords beside $ref apply too (draft 2020-12); a copy
				// keeps the shared reference schema clean.
				ps = &Schema{Ref: ps.Ref}
			}
			w.g.Field(t, f, name, ps)
		}
		def.Properties[name] = ps
		optional := false
		for _, o := range strings.Split(opts, ",") {
			optional = optional || o == "omitempty" || o == "omitzero"
		}
		if !optional {
			def.Required = append(def.Required, name)
		}
	}
}
