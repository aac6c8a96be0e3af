package fhir

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/message"
)

// patch is one dossier field that FHIR R5 has no element for: its JSON
// Pointer and its value as JSON text, or no value when the field must be
// removed from what the standard elements give.
type patch struct {
	path  string
	value *string
}

func (p patch) extension() extension {
	path := p.path
	x := extension{URL: ExtensionDossierField, Extension: []extension{{URL: "path", ValueString: &path}}}
	if p.value != nil {
		v := *p.value
		x.Extension = append(x.Extension, extension{URL: "value", ValueString: &v})
	}
	return x
}

func patchOf(x extension) (patch, error) {
	if x.URL != ExtensionDossierField {
		return patch{}, messageError{message.New("fhir.extension.unknown", quoted(x.URL))}
	}
	var p patch
	var hasPath bool
	for _, e := range x.Extension {
		switch {
		case e.URL == "path" && e.ValueString != nil && !hasPath:
			p.path, hasPath = *e.ValueString, true
		case e.URL == "value" && e.ValueString != nil && p.value == nil:
			v := *e.ValueString
			if !json.Valid([]byte(v)) {
				return patch{}, messageError{message.New("fhir.extension.value", quoted(p.path))}
			}
			p.value = &v
		default:
			return patch{}, messageError{message.New("fhir.extension.shape", message.Text(ExtensionDossierField))}
		}
	}
	if !hasPath || !strings.HasPrefix(p.path, "/") {
		return patch{}, messageError{message.New("fhir.extension.path")}
	}
	return p, nil
}

// messageError is an error whose text is a catalogued message, so that
// it reads in every language (message.Of).
type messageError struct{ m message.Message }

// Error renders the message in English.
func (e messageError) Error() string { return e.m.String() }

// Message returns the catalogued message.
func (e messageError) Message() message.Message { return e.m }

func escape(key string) string {
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

// diff appends a patch for every place where tree b (what the standard
// elements give) differs from tree a (the dossier). Objects are compared
// key by key, arrays of equal length item by item; anything else that
// differs is replaced whole.
func diff(path string, a, b any, out *[]patch) {
	switch av := a.(type) {
	case map[string]any:
		if bv, ok := b.(map[string]any); ok {
			keys := make([]string, 0, len(av)+len(bv))
			for k := range av {
				keys = append(keys, k)
			}
			for k := range bv {
				if _, ok := av[k]; !ok {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				p := path + "/" + escape(k)
				x, inA := av[k]
				y, inB := bv[k]
				switch {
				case !inA:
					*out = append(*out, patch{path: p})
				case !inB:
					*out = append(*out, whole(p, x))
				default:
					diff(p, x, y, out)
				}
			}
			return
		}
	case []any:
		if bv, ok := b.([]any); ok && len(bv) == len(av) {
			for i := range av {
				diff(path+"/"+strconv.Itoa(i), av[i], bv[i], out)
			}
			return
		}
	}
	if !reflect.DeepEqual(a, b) {
		*out = append(*out, whole(path, a))
	}
}

func whole(path string, v any) patch {
	s := jsonText(v)
	return patch{path: path, value: &s}
}

// jsonText is the JSON text of a tree, without HTML escaping.
func jsonText(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // a tree decoded from JSON always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

// unescape decodes one JSON Pointer step.
func unescape(step string) string {
	return strings.ReplaceAll(strings.ReplaceAll(step, "~1", "/"), "~0", "~")
}

// apply sets or removes the field at p.path in tree t and returns the new
// tree. Missing objects on the way are created.
func (p patch) apply(t any) (any, error) {
	var val any
	if p.value != nil {
		dec := json.NewDecoder(strings.NewReader(*p.value))
		dec.UseNumber()
		if err := dec.Decode(&val); err != nil {
			return nil, fmt.Errorf("fhir: dossier field %s: %w", p.path, err)
		}
	}
	if p.path == "" {
		return val, nil
	}
	steps := strings.Split(p.path[1:], "/")
	for i, s := range steps {
		steps[i] = unescape(s)
	}
	return set(t, steps, val, p.value == nil, p.path)
}

func set(t any, steps []string, val any, remove bool, path string) (any, error) {
	if len(steps) == 0 {
		return val, nil
	}
	key := steps[0]
	switch tv := t.(type) {
	case nil:
		if remove {
			return nil, nil
		}
		m := map[string]any{}
		v, err := set(nil, steps[1:], val, remove, path)
		if err != nil {
			return nil, err
		}
		m[key] = v
		return m, nil
	case map[string]any:
		if len(steps) == 1 && remove {
			delete(tv, key)
			return tv, nil
		}
		v, err := set(tv[key], steps[1:], val, remove, path)
		if err != nil {
			return nil, err
		}
		tv[key] = v
		return tv, nil
	case []any:
		i, err := strconv.Atoi(key)
		if err != nil || i < 0 || i >= len(tv) || remove && len(steps) == 1 {
			return nil, fmt.Errorf("fhir: dossier field %s: no array item %q to set", path, key)
		}
		v, err := set(tv[i], steps[1:], val, remove, path)
		if err != nil {
			return nil, err
		}
		tv[i] = v
		return tv, nil
	}
	return nil, fmt.Errorf("fhir: dossier field %s: %q is inside a value that is not an object or array", path, key)
}
