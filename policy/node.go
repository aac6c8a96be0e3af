package policy

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// How conditions read the view. CEL reads a field of a native Go struct
// by boxing its value anew on every read (a string becomes an allocated
// types.String), and building the whole view up front formats every
// date, quantity and enumeration of the dossier whether a condition reads
// it or not. Conditions therefore read nodes instead: a node stands for
// one object of the view (the dossier, a use, a batch's result) and makes
// a field's CEL value from the dossier the first time a condition reads
// it, keeping it for the rest of the assessment. The view types of
// view.go still give CEL its types and document the fields; a node turns
// into its view type (a *Use, say) wherever CEL needs the Go value
// (equality, conversion, printing), so conditions see exactly what they
// would see on the view types.

// kind is a view type as conditions read it.
type kind struct {
	id     int
	name   string       // the CEL type name, "policy.Use"
	goType reflect.Type // the view type
	fields []field
	byName map[string]int
	// goField is the index in goType of each field.
	goField []int
	// celType is the type CEL gives values of the view type.
	celType ref.Type
	// fieldTypes are the CEL field types handed to the planner, by name.
	fieldTypes map[string]*types.FieldType
}

// field is one field of a kind: its CEL name and how a node makes its
// value from the dossier.
type field struct {
	name string
	get  func(n *node) ref.Val
}

// The kinds of the view, indexes into viewKinds.kinds.
const (
	kDossier = iota
	kProduct
	kIndication
	kReleaseTest
	kBatch
	kResult
	kManufacturer
	kSite
	kAuthorisation
	kUse
	kClaim
	kStudy
	nKinds
)

// viewKinds are the kinds of the view, by kind constant.
type viewKinds [nKinds]*kind

func str(s string) ref.Val { return types.String(s) }

// newKinds describes every view type: the value of each of its fields,
// made from the dossier of a node's view (n.i and n.j are the indexes of
// the object in its lists).
func newKinds() (*viewKinds, error) {
	var ks viewKinds
	d := func(n *node) *regulation.Dossier { return n.v.d }
	product := func(n *node) *secretome.Product { return &n.v.d.Product }
	list := func(k int, count func(d *regulation.Dossier) int) func(n *node) ref.Val {
		return func(n *node) ref.Val { return n.v.list(ks[k], count(n.v.d)) }
	}
	ks[kDossier] = &kind{name: "policy.Dossier", goType: reflect.TypeFor[Dossier](), fields: []field{
		{"product", func(n *node) ref.Val { return n.v.single(ks[kProduct]) }},
		{"manufacturer", func(n *node) ref.Val { return n.v.single(ks[kManufacturer]) }},
		{"authorisations", list(kAuthorisation, func(d *regulation.Dossier) int { return len(d.Authorisations) })},
		{"uses", list(kUse, func(d *regulation.Dossier) int { return len(d.Uses) })},
		{"claims", list(kClaim, func(d *regulation.Dossier) int { return len(d.Claims) })},
		{"studies", list(kStudy, func(d *regulation.Dossier) int { return len(d.Studies) })},
		{"advertised_to_public", func(n *node) ref.Val {
			if a := d(n).AdvertisedToPublic; a != nil {
				return str(map[bool]string{true: "yes", false: "no"}[*a])
			}
			return str("")
		}},
	}}
	ks[kProduct] = &kind{name: "policy.Product", goType: reflect.TypeFor[Product](), fields: []field{
		{"id", func(n *node) ref.Val { return str(product(n).ID) }},
		{"name", func(n *node) ref.Val { return str(product(n).Name) }},
		{"maker", func(n *node) ref.Val { return str(product(n).Maker) }},
		{"cell_type", func(n *node) ref.Val { return str(product(n).Source.CellType.String()) }},
		{"tissue", func(n *node) ref.Val { return str(product(n).Source.Tissue.String()) }},
		{"species", func(n *node) ref.Val { return str(product(n).Source.Species.String()) }},
		{"donor_type", func(n *node) ref.Val { return str(product(n).Source.Donor.Type.String()) }},
		{"derivative", func(n *node) ref.Val { return str(product(n).Derivative.Type.String()) }},
		{"dosage_form", func(n *node) ref.Val { return str(product(n).Formulation.DosageForm.String()) }},
		{"routes", func(n *node) ref.Val {
			rs := product(n).Formulation.Routes
			out := make([]string, len(rs))
			for i, r := range rs {
				out[i] = r.String()
			}
			return n.v.strings(out)
		}},
		{"indications", list(kIndication, func(d *regulation.Dossier) int { return len(d.Product.Indications) })},
		{"release_tests", list(kReleaseTest, func(d *regulation.Dossier) int { return len(d.Product.Release.Tests) })},
		{"batches", list(kBatch, func(d *regulation.Dossier) int { return len(d.Product.Batches) })},
	}}
	ind := func(n *node) *secretome.Indication { return &n.v.d.Product.Indications[n.i] }
	ks[kIndication] = &kind{name: "policy.Indication", goType: reflect.TypeFor[Indication](), fields: []field{
		{"index", func(n *node) ref.Val { return types.Int(n.i) }},
		{"id", func(n *node) ref.Val { return str(ind(n).ID) }},
		{"condition", func(n *node) ref.Val { return str(ind(n).Condition) }},
		{"label", func(n *node) ref.Val { return str(ind(n).Label) }},
		{"icd10", func(n *node) ref.Val { return str(ind(n).ICD10) }},
		{"icd11", func(n *node) ref.Val { return str(ind(n).ICD11) }},
		{"body_site", func(n *node) ref.Val { return str(ind(n).BodySite) }},
		{"intent", func(n *node) ref.Val { return str(ind(n).Intent.String()) }},
	}}
	test := func(n *node) *secretome.ReleaseTest { return &n.v.d.Product.Release.Tests[n.i] }
	ks[kReleaseTest] = &kind{name: "policy.ReleaseTest", goType: reflect.TypeFor[ReleaseTest](), fields: []field{
		{"kind", func(n *node) ref.Val { return str(test(n).Kind.String()) }},
		{"name", func(n *node) ref.Val { return str(test(n).Name) }},
		{"method", func(n *node) ref.Val { return str(test(n).Method) }},
		{"limit", func(n *node) ref.Val { return str(test(n).Limit.String()) }},
	}}
	batch := func(n *node) *secretome.Batch { return &n.v.d.Product.Batches[n.i] }
	ks[kBatch] = &kind{name: "policy.Batch", goType: reflect.TypeFor[Batch](), fields: []field{
		{"index", func(n *node) ref.Val { return types.Int(n.i) }},
		{"id", func(n *node) ref.Val { return str(batch(n).ID) }},
		{"manufactured", func(n *node) ref.Val { return str(date(batch(n).Manufactured)) }},
		{"expiry", func(n *node) ref.Val { return str(date(batch(n).Expiry)) }},
		{"results", func(n *node) ref.Val {
			l, _ := n.v.nodes(ks[kResult], n.i, len(batch(n).Results))
			return l
		}},
	}}
	result := func(n *node) *secretome.TestResult { return &n.v.d.Product.Batches[n.i].Results[n.j] }
	ks[kResult] = &kind{name: "policy.Result", goType: reflect.TypeFor[Result](), fields: []field{
		{"kind", func(n *node) ref.Val { return str(result(n).Kind.String()) }},
		{"name", func(n *node) ref.Val { return str(result(n).Name) }},
		{"value", func(n *node) ref.Val { return str(quantity(result(n).Value)) }},
		{"outcome", func(n *node) ref.Val {
			if o := result(n).Outcome; o != secretome.OutcomeUnspecified {
				return str(o.String())
			}
			return str("")
		}},
	}}
	ks[kManufacturer] = &kind{name: "policy.Manufacturer", goType: reflect.TypeFor[Manufacturer](), fields: []field{
		{"name", func(n *node) ref.Val { return str(d(n).Manufacturer.Name) }},
		{"country", func(n *node) ref.Val { return str(d(n).Manufacturer.Country) }},
		{"sites", list(kSite, func(d *regulation.Dossier) int { return len(d.Manufacturer.Sites) })},
	}}
	site := func(n *node) *regulation.Site { return &n.v.d.Manufacturer.Sites[n.i] }
	ks[kSite] = &kind{name: "policy.Site", goType: reflect.TypeFor[Site](), fields: []field{
		{"name", func(n *node) ref.Val { return str(site(n).Name) }},
		{"country", func(n *node) ref.Val { return str(site(n).Country) }},
		{"gmp_jurisdictions", func(n *node) ref.Val {
			s := site(n)
			out := []string{}
			for k := range s.GMP {
				if s.GMP[k].ValidOn(n.v.asOf) {
					out = append(out, s.GMP[k].Jurisdiction)
				}
			}
			return n.v.strings(out)
		}},
	}}
	auth := func(n *node) *regulation.Authorisation { return &n.v.d.Authorisations[n.i] }
	ks[kAuthorisation] = &kind{name: "policy.Authorisation", goType: reflect.TypeFor[Authorisation](), fields: []field{
		{"index", func(n *node) ref.Val { return types.Int(n.i) }},
		{"kind", func(n *node) ref.Val { return str(auth(n).Kind.String()) }},
		{"number", func(n *node) ref.Val { return str(auth(n).Number) }},
		{"holder", func(n *node) ref.Val { return str(auth(n).Holder) }},
		{"jurisdiction", func(n *node) ref.Val { return str(auth(n).Jurisdiction) }},
		{"facility", func(n *node) ref.Val { return str(auth(n).Facility) }},
		{"valid_from", func(n *node) ref.Val { return str(date(auth(n).ValidFrom)) }},
		{"valid_until", func(n *node) ref.Val { return str(date(auth(n).ValidUntil)) }},
		{"indications", func(n *node) ref.Val { return n.v.strings(orEmpty(auth(n).Indications)) }},
		{"valid", func(n *node) ref.Val { return types.Bool(auth(n).ValidOn(n.v.asOf)) }},
	}}
	use := func(n *node) *regulation.Use { return &n.v.d.Uses[n.i] }
	ks[kUse] = &kind{name: "policy.Use", goType: reflect.TypeFor[Use](), fields: []field{
		{"index", func(n *node) ref.Val { return types.Int(n.i) }},
		{"jurisdiction", func(n *node) ref.Val { return str(use(n).Jurisdiction) }},
		{"class", func(n *node) ref.Val { return str(use(n).Class.String()) }},
		{"setting", func(n *node) ref.Val { return str(use(n).Setting.String()) }},
		{"facility", func(n *node) ref.Val { return str(use(n).Facility) }},
		{"administrator", func(n *node) ref.Val { return str(use(n).Administrator.String()) }},
		{"route", func(n *node) ref.Val { return str(use(n).Route.String()) }},
		{"indications", func(n *node) ref.Val { return n.v.strings(orEmpty(use(n).Indications)) }},
	}}
	claim := func(n *node) *regulation.Claim { return &n.v.d.Claims[n.i] }
	ks[kClaim] = &kind{name: "policy.Claim", goType: reflect.TypeFor[Claim](), fields: []field{
		{"index", func(n *node) ref.Val { return types.Int(n.i) }},
		{"wording", func(n *node) ref.Val { return str(claim(n).Wording) }},
		{"indication", func(n *node) ref.Val { return str(claim(n).Indication) }},
		{"intent", func(n *node) ref.Val { return str(claimIntent(d(n), claim(n)).String()) }},
		{"studies", func(n *node) ref.Val { return n.v.strings(orEmpty(claim(n).Studies)) }},
		{"certainty", func(n *node) ref.Val {
			cert, _ := n.v.c.ClaimCertainty(n.i)
			return str(cert.String())
		}},
		{"cited_found", func(n *node) ref.Val {
			_, found := n.v.c.ClaimCertainty(n.i)
			return types.Int(found)
		}},
	}}
	study := func(n *node) *evidence.Study { return &n.v.d.Studies[n.i] }
	ks[kStudy] = &kind{name: "policy.Study", goType: reflect.TypeFor[Study](), fields: []field{
		{"index", func(n *node) ref.Val { return types.Int(n.i) }},
		{"id", func(n *node) ref.Val { return str(study(n).ID) }},
		{"title", func(n *node) ref.Val { return str(study(n).Title) }},
		{"year", func(n *node) ref.Val { return types.Int(study(n).Year) }},
		{"design", func(n *node) ref.Val { return str(designName(study(n).Design)) }},
		{"size", func(n *node) ref.Val {
			if s := study(n).Population.Size; s != nil {
				return types.Int(*s)
			}
			return types.Int(-1)
		}},
		{"country", func(n *node) ref.Val { return str(study(n).Population.Country) }},
	}}
	for id, k := range ks {
		if err := k.index(id); err != nil {
			return nil, err
		}
	}
	return &ks, nil
}

// index fills the kind's indexes and checks that its fields are those of
// its view type, one for one.
func (k *kind) index(id int) error {
	k.id = id
	k.byName = make(map[string]int, len(k.fields))
	k.goField = make([]int, len(k.fields))
	for i, f := range k.fields {
		if _, dup := k.byName[f.name]; dup {
			return fmt.Errorf("policy: view type %s: field %s given twice", k.name, f.name)
		}
		k.byName[f.name] = i
		k.goField[i] = -1
	}
	n := 0
	for i := range k.goType.NumField() {
		sf := k.goType.Field(i)
		name, ok := sf.Tag.Lookup("cel")
		if !ok || !sf.IsExported() {
			continue
		}
		f, ok := k.byName[name]
		if !ok {
			return fmt.Errorf("policy: view type %s: field %s has no value in the view", k.name, name)
		}
		k.goField[f] = i
		n++
	}
	if n != len(k.fields) {
		for i, gf := range k.goField {
			if gf < 0 {
				return fmt.Errorf("policy: view type %s: field %s is not in the view type", k.name, k.fields[i].name)
			}
		}
	}
	return nil
}

// view is one assessment's view of the dossier.
type view struct {
	c       *regulation.Context // the assessment's context (the same for all its rules)
	d       *regulation.Dossier
	asOf    secretome.Date
	asOfVal ref.Val // the variable as_of
	kinds   *viewKinds
	adapter types.Adapter
	root    *node
	// lists holds the lists of the dossier's objects made so far, by
	// kind (the results of batches are held by their batches).
	lists [nKinds]listNodes
	// paths holds the field paths of the items made so far, by kind.
	paths [nKinds][]string
	// uses is scratch space for the uses a verdict concerns.
	uses []int
	// juris is the variable jurisdiction of the last jurisdiction seen.
	juris    string
	jurisVal ref.Val
	act      activation // the variables of the rule being checked
	// input is what conditions are evaluated on: a CEL execution frame
	// over act, made once per assessment rather than once per
	// evaluation (act itself should CEL refuse the frame).
	input any
	// texts holds the rendered message parts that read only the dossier
	// and the as-of day, by expression.
	texts map[string]string
	// messages holds the rendered messages of the rules whose messages
	// read only the dossier and the as-of day.
	messages map[*compiled]message.Message
}

// listNodes is a list of the view: its CEL value and its nodes.
type listNodes struct {
	val   ref.Val
	nodes []ref.Val
}

func newView(c *regulation.Context) *view {
	env, err := environments()
	if err != nil {
		// Policies load only when the environments build.
		panic(err)
	}
	v := &view{c: c, d: c.Dossier(), asOf: c.AsOf(), kinds: env.kinds, adapter: env.adapter}
	v.asOfVal = str(v.asOf.String())
	v.root = &node{k: env.kinds[kDossier], v: v}
	v.input = &v.act
	if frame, err := interpreter.NewExecutionFrame(&v.act); err == nil {
		v.input = frame
	}
	return v
}

// jurisdiction returns the variable jurisdiction for code.
func (v *view) jurisdiction(code string) ref.Val {
	if v.jurisVal == nil || v.juris != code {
		v.juris, v.jurisVal = code, str(code)
	}
	return v.jurisVal
}

// single returns the one object of kind k in the dossier (the product,
// the manufacturer).
func (v *view) single(k *kind) ref.Val { return &node{k: k, v: v} }

// list returns the list of the n objects of kind k, made once.
func (v *view) list(k *kind, n int) ref.Val {
	l := &v.lists[k.id]
	if l.val == nil {
		l.val, l.nodes = v.nodes(k, -1, n)
	}
	return l.val
}

// itemPath returns the field path of item i of a for_each list.
func (v *view) itemPath(it *item, i int) string {
	ps := v.paths[it.kind]
	if ps == nil {
		ps = make([]string, it.count(v.d))
		v.paths[it.kind] = ps
	}
	if ps[i] == "" {
		ps[i] = it.path + "[" + strconv.Itoa(i) + "]"
	}
	return ps[i]
}

// items returns the nodes of the objects of kind k, for for_each.
func (v *view) items(k *kind, n int) []ref.Val {
	v.list(k, n)
	return v.lists[k.id].nodes
}

// nodes returns a list of n nodes of kind k; in is the index of the
// object that holds them (a batch for its results), or -1.
func (v *view) nodes(k *kind, in, n int) (ref.Val, []ref.Val) {
	ns := make([]node, n)
	vals := make([]ref.Val, n)
	fields := make([]ref.Val, n*len(k.fields)) // the nodes' field values, in one block
	for i := range ns {
		ns[i] = node{k: k, v: v, i: i, vals: fields[i*len(k.fields) : (i+1)*len(k.fields) : (i+1)*len(k.fields)]}
		if in >= 0 {
			ns[i].i, ns[i].j = in, i
		}
		vals[i] = &ns[i]
	}
	return types.NewRefValList(v.adapter, vals), vals
}

// strings returns a list of strings, as CEL makes it from a []string.
func (v *view) strings(s []string) ref.Val { return types.NewStringList(v.adapter, s) }

// node is an object of the view. Its fields are made on first read.
type node struct {
	k    *kind
	v    *view // nil for an object a condition made (policy.Use{...})
	i, j int
	vals []ref.Val
	// native is the object when a condition made it, as CEL makes native
	// objects; its fields are read from it.
	native ref.Val
	// mat is the node as a pointer to its view type, once made.
	mat any
}

// field returns the value of field f.
func (n *node) field(f int) ref.Val {
	if n.native != nil {
		return n.native.(interface{ Get(ref.Val) ref.Val }).Get(str(n.k.fields[f].name))
	}
	if n.vals == nil {
		n.vals = make([]ref.Val, len(n.k.fields))
	}
	if n.vals[f] == nil {
		n.vals[f] = n.k.fields[f].get(n)
	}
	return n.vals[f]
}

// isSet says whether field f is set, as CEL's has() judges a field of a
// native struct: not its zero value. The view's lists are never nil and
// its objects never zero.
func (n *node) isSet(f int) bool {
	if n.native != nil {
		return n.native.(interface{ IsSet(ref.Val) ref.Val }).IsSet(str(n.k.fields[f].name)) == types.True
	}
	switch x := n.field(f).(type) {
	case types.String:
		return x != ""
	case types.Int:
		return x != 0
	case types.Bool:
		return bool(x)
	}
	return true
}

// goValue returns the node as a pointer to its view type.
func (n *node) goValue() any {
	if n.native != nil {
		return n.native.Value()
	}
	if n.mat != nil {
		return n.mat
	}
	p := reflect.New(n.k.goType)
	for f := range n.k.fields {
		sf := p.Elem().Field(n.k.goField[f])
		x, err := n.field(f).ConvertToNative(sf.Type())
		if err != nil {
			panic(fmt.Sprintf("policy: view field %s.%s: %v", n.k.name, n.k.fields[f].name, err))
		}
		sf.Set(reflect.ValueOf(x))
	}
	n.mat = p.Interface()
	return n.mat
}

// nativeObj returns the node as CEL's native object of its view type.
func (n *node) nativeObj() ref.Val {
	if n.native != nil {
		return n.native
	}
	return n.v.adapter.NativeToValue(n.goValue())
}

// ConvertToNative converts the node as CEL converts its view type.
func (n *node) ConvertToNative(t reflect.Type) (any, error) { return n.nativeObj().ConvertToNative(t) }

// ConvertToType converts the node to a CEL type as CEL converts a native
// object.
func (n *node) ConvertToType(t ref.Type) ref.Val {
	switch {
	case t == types.TypeType:
		return n.k.celType.(ref.Val)
	case t.TypeName() == n.k.name:
		return n
	}
	return types.NewErr("type conversion error from '%s' to '%s'", n.k.celType, t)
}

// Equal compares the values of two objects, as CEL compares native
// objects.
func (n *node) Equal(other ref.Val) ref.Val {
	o, ok := other.(*node)
	if !ok {
		return types.False
	}
	if o == n {
		return types.True
	}
	return types.Bool(reflect.DeepEqual(n.goValue(), o.goValue()))
}

// Type returns the node's CEL type.
func (n *node) Type() ref.Type { return n.k.celType }

// Value returns the node itself, which field reads take.
func (n *node) Value() any { return n }

// String prints the node as its view type prints.
func (n *node) String() string { return fmt.Sprint(n.goValue()) }

// IsZeroValue says whether the object is its view type's zero value.
func (n *node) IsZeroValue() bool { return reflect.ValueOf(n.goValue()).Elem().IsZero() }

// Get returns a field by name, for reads CEL did not plan against the
// view type (through dyn).
func (n *node) Get(name ref.Val) ref.Val {
	f, err := n.fieldNamed(name)
	if err != nil {
		return err
	}
	return n.field(f)
}

// IsSet says whether a field named at run time is set.
func (n *node) IsSet(name ref.Val) ref.Val {
	f, err := n.fieldNamed(name)
	if err != nil {
		return err
	}
	return types.Bool(n.isSet(f))
}

func (n *node) fieldNamed(name ref.Val) (int, ref.Val) {
	s, ok := name.(types.String)
	if !ok {
		return 0, types.MaybeNoSuchOverloadErr(name)
	}
	f, ok := n.k.byName[string(s)]
	if !ok {
		return 0, types.NewErr("no such field: %s", s)
	}
	return f, nil
}

// provider is CEL's type provider for the view: the native types
// provider, except that fields of the view types are read from nodes and
// objects a condition makes are nodes.
type provider struct {
	types.Provider
	kinds *viewKinds
	names map[string]*kind
}

// FindStructFieldType is the native provider's, with field reads that
// take nodes.
func (p *provider) FindStructFieldType(structType, fieldName string) (*types.FieldType, bool) {
	if k := p.names[structType]; k != nil {
		if ft, ok := k.fieldTypes[fieldName]; ok {
			return ft, true
		}
	}
	return p.Provider.FindStructFieldType(structType, fieldName)
}

// NewValue makes an object as the native provider does, as a node.
func (p *provider) NewValue(structType string, fields map[string]ref.Val) ref.Val {
	v := p.Provider.NewValue(structType, fields)
	if k := p.names[structType]; k != nil && !types.IsError(v) {
		return &node{k: k, native: v}
	}
	return v
}

// plan prepares the kinds' field types for the planner from the native
// provider's and sets each kind's CEL type.
func (p *provider) plan(adapter types.Adapter) error {
	p.names = map[string]*kind{}
	for _, k := range p.kinds {
		p.names[k.name] = k
		k.celType = adapter.NativeToValue(reflect.New(k.goType).Interface()).Type()
		if _, ok := k.celType.(ref.Val); !ok {
			return fmt.Errorf("policy: view type %s: CEL's type %v is not a value", k.name, k.celType)
		}
		k.fieldTypes = map[string]*types.FieldType{}
		for f, fd := range k.fields {
			ft, ok := p.Provider.FindStructFieldType(k.name, fd.name)
			if !ok {
				return fmt.Errorf("policy: view type %s has no field %s", k.name, fd.name)
			}
			orig := *ft
			k.fieldTypes[fd.name] = &types.FieldType{
				Type: orig.Type,
				IsSet: func(obj any) bool {
					if n, ok := obj.(*node); ok {
						return n.isSet(f)
					}
					return orig.IsSet(obj)
				},
				GetFrom: func(obj any) (any, error) {
					if n, ok := obj.(*node); ok {
						return n.field(f), nil
					}
					return orig.GetFrom(obj)
				},
			}
		}
	}
	return nil
}

// text renders a value for a message: strings as they are, lists joined
// with ", ", anything else as CEL converts it to a string, or as Go
// prints its value (objects of the view as their view types).
func text(v ref.Val) string {
	switch x := v.(type) {
	case types.String:
		return string(x)
	case interface{ Size() ref.Val }:
		switch l := v.Value().(type) {
		case []string:
			return strings.Join(l, ", ")
		case []ref.Val:
			if len(l) > 0 {
				if n, ok := l[0].(*node); ok {
					if s, err := v.ConvertToNative(reflect.SliceOf(n.k.goType)); err == nil {
						return fmt.Sprint(s)
					}
				}
			}
		}
	}
	if s, ok := v.ConvertToType(types.StringType).(types.String); ok {
		return string(s)
	}
	return fmt.Sprint(v.Value())
}
