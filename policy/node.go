package policy

import (
	"fmt"
	"reflect"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

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
// would see on the view types. Guards (guard.go) read the same fields
// without nodes, through the field readers below, at an object's
// position in the dossier; the nodes of the items of a for_each rule are
// made only when CEL runs.

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

// field is one field of a kind: its CEL name and how its value is read
// from the dossier. A field of a scalar type has a reader of its Go value
// (text, num or flag), which guards use without making a CEL value; a
// field that holds objects of the view says which (obj, list); the other
// fields (lists of strings) make their CEL value with val.
type field struct {
	name string
	text func(v *view, p pos) string // a string field
	num  func(v *view, p pos) int64  // an int field
	flag func(v *view, p pos) bool   // a bool field
	obj  *kind                       // an object field: the object's kind (the one object of its kind)
	list *listField                  // a list of objects
	val  func(n *node) ref.Val       // any other field
}

// listField is a field that lists objects of the view.
type listField struct {
	kind  *kind
	count func(v *view, p pos) int
	// nested: the objects are listed by an object of a list (a batch's
	// results), so that element k of the list at p is at pos{p.i, k},
	// rather than at pos{k, 0}.
	nested bool
}

// at returns the position of element k of the list of the object at p.
func (l *listField) at(p pos, k int) pos {
	if l.nested {
		return pos{p.i, k}
	}
	return pos{k, 0}
}

// pos locates an object of the view in the dossier: its index in its
// list (i), and for an object of an object in a list (a batch's result),
// the index of the object that holds it (i) and its own (j). The one
// object of its kind (the dossier, the product) is at pos{}.
type pos struct{ i, j int }

// value makes the field's CEL value for the node.
func (f *field) value(n *node) ref.Val {
	p := pos{n.i, n.j}
	switch {
	case f.text != nil:
		return str(f.text(n.v, p))
	case f.num != nil:
		return types.Int(f.num(n.v, p))
	case f.flag != nil:
		return types.Bool(f.flag(n.v, p))
	case f.obj != nil:
		return n.v.single(f.obj)
	case f.list != nil && f.list.nested:
		l, _ := n.v.nodes(f.list.kind, n.i, f.list.count(n.v, p))
		return l
	case f.list != nil:
		return n.v.list(f.list.kind, f.list.count(n.v, p))
	}
	return f.val(n)
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

// Field makers for newKinds.
func textField(name string, f func(v *view, p pos) string) field { return field{name: name, text: f} }
func numField(name string, f func(v *view, p pos) int64) field   { return field{name: name, num: f} }
func flagField(name string, f func(v *view, p pos) bool) field   { return field{name: name, flag: f} }
func valField(name string, f func(n *node) ref.Val) field        { return field{name: name, val: f} }

// indexField is the index of the object in its list.
func indexField() field { return numField("index", func(_ *view, p pos) int64 { return int64(p.i) }) }

// newKinds describes every view type: the value of each of its fields,
// read from the dossier of a view at the position of the object.
func newKinds() (*viewKinds, error) {
	var ks viewKinds
	for i := range ks {
		ks[i] = &kind{}
	}
	objField := func(name string, k int) field { return field{name: name, obj: ks[k]} }
	listOf := func(name string, k int, count func(d *regulation.Dossier) int) field {
		return field{name: name, list: &listField{kind: ks[k], count: func(v *view, _ pos) int { return count(v.d) }}}
	}
	product := func(v *view) *secretome.Product { return &v.d.Product }
	*ks[kDossier] = kind{name: "policy.Dossier", goType: reflect.TypeFor[Dossier](), fields: []field{
		objField("product", kProduct),
		objField("manufacturer", kManufacturer),
		listOf("authorisations", kAuthorisation, func(d *regulation.Dossier) int { return len(d.Authorisations) }),
		listOf("uses", kUse, func(d *regulation.Dossier) int { return len(d.Uses) }),
		listOf("claims", kClaim, func(d *regulation.Dossier) int { return len(d.Claims) }),
		listOf("studies", kStudy, func(d *regulation.Dossier) int { return len(d.Studies) }),
		textField("advertised_to_public", func(v *view, _ pos) string {
			if a := v.d.AdvertisedToPublic; a != nil {
				if *a {
					return "yes"
				}
				return "no"
			}
			return ""
		}),
	}}
	*ks[kProduct] = kind{name: "policy.Product", goType: reflect.TypeFor[Product](), fields: []field{
		textField("id", func(v *view, _ pos) string { return product(v).ID }),
		textField("name", func(v *view, _ pos) string { return product(v).Name }),
		textField("maker", func(v *view, _ pos) string { return product(v).Maker }),
		textField("cell_type", func(v *view, _ pos) string { return product(v).Source.CellType.String() }),
		textField("tissue", func(v *view, _ pos) string { return product(v).Source.Tissue.String() }),
		textField("species", func(v *view, _ pos) string { return product(v).Source.Species.String() }),
		textField("donor_type", func(v *view, _ pos) string { return product(v).Source.Donor.Type.String() }),
		textField("derivative", func(v *view, _ pos) string { return product(v).Derivative.Type.String() }),
		textField("dosage_form", func(v *view, _ pos) string { return product(v).Formulation.DosageForm.String() }),
		valField("routes", func(n *node) ref.Val {
			rs := product(n.v).Formulation.Routes
			out := make([]string, len(rs))
			for i, r := range rs {
				out[i] = r.String()
			}
			return n.v.strings(out)
		}),
		listOf("indications", kIndication, func(d *regulation.Dossier) int { return len(d.Product.Indications) }),
		listOf("release_tests", kReleaseTest, func(d *regulation.Dossier) int { return len(d.Product.Release.Tests) }),
		listOf("batches", kBatch, func(d *regulation.Dossier) int { return len(d.Product.Batches) }),
	}}
	ind := func(v *view, p pos) *secretome.Indication { return &v.d.Product.Indications[p.i] }
	*ks[kIndication] = kind{name: "policy.Indication", goType: reflect.TypeFor[Indication](), fields: []field{
		indexField(),
		textField("id", func(v *view, p pos) string { return ind(v, p).ID }),
		textField("condition", func(v *view, p pos) string { return ind(v, p).Condition }),
		textField("label", func(v *view, p pos) string { return ind(v, p).Label }),
		textField("icd10", func(v *view, p pos) string { return ind(v, p).ICD10 }),
		textField("icd11", func(v *view, p pos) string { return ind(v, p).ICD11 }),
		textField("body_site", func(v *view, p pos) string { return ind(v, p).BodySite }),
		textField("intent", func(v *view, p pos) string { return ind(v, p).Intent.String() }),
	}}
	test := func(v *view, p pos) *secretome.ReleaseTest { return &v.d.Product.Release.Tests[p.i] }
	*ks[kReleaseTest] = kind{name: "policy.ReleaseTest", goType: reflect.TypeFor[ReleaseTest](), fields: []field{
		textField("kind", func(v *view, p pos) string { return test(v, p).Kind.String() }),
		textField("name", func(v *view, p pos) string { return test(v, p).Name }),
		textField("method", func(v *view, p pos) string { return test(v, p).Method }),
		textField("limit", func(v *view, p pos) string { return test(v, p).Limit.String() }),
	}}
	batch := func(v *view, p pos) *secretome.Batch { return &v.d.Product.Batches[p.i] }
	*ks[kBatch] = kind{name: "policy.Batch", goType: reflect.TypeFor[Batch](), fields: []field{
		indexField(),
		textField("id", func(v *view, p pos) string { return batch(v, p).ID }),
		textField("manufactured", func(v *view, p pos) string { return date(batch(v, p).Manufactured) }),
		textField("expiry", func(v *view, p pos) string { return date(batch(v, p).Expiry) }),
		{name: "results", list: &listField{kind: ks[kResult], nested: true,
			count: func(v *view, p pos) int { return len(batch(v, p).Results) }}},
	}}
	result := func(v *view, p pos) *secretome.TestResult { return &v.d.Product.Batches[p.i].Results[p.j] }
	*ks[kResult] = kind{name: "policy.Result", goType: reflect.TypeFor[Result](), fields: []field{
		textField("kind", func(v *view, p pos) string { return result(v, p).Kind.String() }),
		textField("name", func(v *view, p pos) string { return result(v, p).Name }),
		textField("value", func(v *view, p pos) string { return quantity(result(v, p).Value) }),
		textField("outcome", func(v *view, p pos) string {
			if o := result(v, p).Outcome; o != secretome.OutcomeUnspecified {
				return o.String()
			}
			return ""
		}),
	}}
	*ks[kManufacturer] = kind{name: "policy.Manufacturer", goType: reflect.TypeFor[Manufacturer](), fields: []field{
		textField("name", func(v *view, _ pos) string { return v.d.Manufacturer.Name }),
		textField("country", func(v *view, _ pos) string { return v.d.Manufacturer.Country }),
		listOf("sites", kSite, func(d *regulation.Dossier) int { return len(d.Manufacturer.Sites) }),
	}}
	site := func(v *view, p pos) *regulation.Site { return &v.d.Manufacturer.Sites[p.i] }
	*ks[kSite] = kind{name: "policy.Site", goType: reflect.TypeFor[Site](), fields: []field{
		textField("name", func(v *view, p pos) string { return site(v, p).Name }),
		textField("country", func(v *view, p pos) string { return site(v, p).Country }),
		valField("gmp_jurisdictions", func(n *node) ref.Val {
			s := site(n.v, pos{n.i, n.j})
			out := []string{}
			for k := range s.GMP {
				if s.GMP[k].ValidOn(n.v.asOf) {
					out = append(out, s.GMP[k].Jurisdiction)
				}
			}
			return n.v.strings(out)
		}),
	}}
	auth := func(v *view, p pos) *regulation.Authorisation { return &v.d.Authorisations[p.i] }
	*ks[kAuthorisation] = kind{name: "policy.Authorisation", goType: reflect.TypeFor[Authorisation](), fields: []field{
		indexField(),
		textField("kind", func(v *view, p pos) string { return auth(v, p).Kind.String() }),
		textField("number", func(v *view, p pos) string { return auth(v, p).Number }),
		textField("holder", func(v *view, p pos) string { return auth(v, p).Holder }),
		textField("jurisdiction", func(v *view, p pos) string { return auth(v, p).Jurisdiction }),
		textField("facility", func(v *view, p pos) string { return auth(v, p).Facility }),
		textField("valid_from", func(v *view, p pos) string { return date(auth(v, p).ValidFrom) }),
		textField("valid_until", func(v *view, p pos) string { return date(auth(v, p).ValidUntil) }),
		valField("indications", func(n *node) ref.Val { return n.v.strings(orEmpty(auth(n.v, pos{n.i, n.j}).Indications)) }),
		flagField("valid", func(v *view, p pos) bool { return auth(v, p).ValidOn(v.asOf) }),
	}}
	use := func(v *view, p pos) *regulation.Use { return &v.d.Uses[p.i] }
	*ks[kUse] = kind{name: "policy.Use", goType: reflect.TypeFor[Use](), fields: []field{
		indexField(),
		textField("jurisdiction", func(v *view, p pos) string { return use(v, p).Jurisdiction }),
		textField("class", func(v *view, p pos) string { return use(v, p).Class.String() }),
		textField("setting", func(v *view, p pos) string { return use(v, p).Setting.String() }),
		textField("facility", func(v *view, p pos) string { return use(v, p).Facility }),
		textField("administrator", func(v *view, p pos) string { return use(v, p).Administrator.String() }),
		textField("route", func(v *view, p pos) string { return use(v, p).Route.String() }),
		valField("indications", func(n *node) ref.Val { return n.v.strings(orEmpty(use(n.v, pos{n.i, n.j}).Indications)) }),
	}}
	claim := func(v *view, p pos) *regulation.Claim { return &v.d.Claims[p.i] }
	*ks[kClaim] = kind{name: "policy.Claim", goType: reflect.TypeFor[Claim](), fields: []field{
		indexField(),
		textField("wording", func(v *view, p pos) string { return claim(v, p).Wording }),
		textField("indication", func(v *view, p pos) string { return claim(v, p).Indication }),
		textField("intent", func(v *view, p pos) string { return claimIntent(v.d, claim(v, p)).String() }),
		valField("studies", func(n *node) ref.Val { return n.v.strings(orEmpty(claim(n.v, pos{n.i, n.j}).Studies)) }),
		textField("certainty", func(v *view, p pos) string {
			cert, _ := v.c.ClaimCertainty(p.i)
			return cert.String()
		}),
		numField("cited_found", func(v *view, p pos) int64 {
			_, found := v.c.ClaimCertainty(p.i)
			return int64(found)
		}),
	}}
	study := func(v *view, p pos) *evidence.Study { return &v.d.Studies[p.i] }
	*ks[kStudy] = kind{name: "policy.Study", goType: reflect.TypeFor[Study](), fields: []field{
		indexField(),
		textField("id", func(v *view, p pos) string { return study(v, p).ID }),
		textField("title", func(v *view, p pos) string { return study(v, p).Title }),
		numField("year", func(v *view, p pos) int64 { return int64(study(v, p).Year) }),
		textField("design", func(v *view, p pos) string { return designName(study(v, p).Design) }),
		numField("size", func(v *view, p pos) int64 {
			if s := study(v, p).Population.Size; s != nil {
				return int64(*s)
			}
			return -1
		}),
		textField("country", func(v *view, p pos) string { return study(v, p).Population.Country }),
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
		if err := k.fields[f].fits(sf.Type); err != nil {
			return fmt.Errorf("policy: view type %s: field %s: %v", k.name, name, err)
		}
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

// fits checks that the field's reader gives values of the view type's
// field type t.
func (f *field) fits(t reflect.Type) error {
	readers := 0
	for _, set := range []bool{f.text != nil, f.num != nil, f.flag != nil, f.obj != nil, f.list != nil, f.val != nil} {
		if set {
			readers++
		}
	}
	var ok bool
	switch {
	case readers != 1:
		return fmt.Errorf("%d readers, not one", readers)
	case f.text != nil:
		ok = t.Kind() == reflect.String
	case f.num != nil:
		ok = t.Kind() == reflect.Int64
	case f.flag != nil:
		ok = t.Kind() == reflect.Bool
	case f.obj != nil:
		ok = t == f.obj.goType
	case f.list != nil:
		ok = t.Kind() == reflect.Slice && t.Elem() == f.list.kind.goType
	default:
		ok = t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String
	}
	if !ok {
		return fmt.Errorf("its reader does not give a %v", t)
	}
	return nil
}

// view is one assessment's view of the dossier.
type view struct {
	c       *regulation.Context // the assessment's context (the same for all its rules)
	d       *regulation.Dossier
	asOf    secretome.Date
	asOfVal ref.Val // the variable as_of, once read
	kinds   *viewKinds
	adapter types.Adapter
	root    node // the dossier
	// lists holds the lists of the dossier's objects made so far, by
	// kind (the results of batches are held by their batches); nil until
	// CEL first reads a list (guards read none).
	lists *[nKinds]listNodes
	// uses is scratch space for the uses a verdict concerns.
	uses []int
	// juris is the variable jurisdiction of the last jurisdiction seen.
	juris    string
	jurisVal ref.Val
	act      activation // the variables of the rule being checked
	// texts holds the rendered message parts that read only the dossier
	// and the as-of day, by expression.
	texts []keyedText
	// msgText and msgArgs hold the texts and arguments of the messages
	// rendered in the assessment (see plain).
	msgText strings.Builder
	msgArgs []message.Arg
}

// plain returns message.Plain of the parts joined. The messages of an
// assessment share the blocks their texts and argument lists are cut
// from: a text is a part of the builder's string (a strings.Builder only
// ever appends, so the bytes a string was cut from never change), and
// an argument list a part of msgArgs, with its capacity cut to its length.
func (v *view) plain(parts []string) message.Message {
	if v.msgText.Cap() == 0 {
		v.msgText.Grow(1024)
	}
	start := v.msgText.Len()
	for _, p := range parts {
		v.msgText.WriteString(p)
	}
	if v.msgText.Len() == start {
		return message.Message{}
	}
	text := v.msgText.String()[start:]
	if len(v.msgArgs) == cap(v.msgArgs) {
		v.msgArgs = make([]message.Arg, 0, 2*cap(v.msgArgs)+16)
	}
	v.msgArgs = append(v.msgArgs, message.Text(text))
	n := len(v.msgArgs)
	return message.Message{Args: v.msgArgs[n-1 : n : n]}
}

// keyedText is a rendered message part and its expression.
type keyedText struct{ key, text string }

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
	v.root = node{k: env.kinds[kDossier], v: v}
	v.act = activation{v: v, use: -1}
	return v
}

// rootNode returns the variable dossier.
func (v *view) rootNode() ref.Val { return &v.root }

// asOfValue returns the variable as_of.
func (v *view) asOfValue() ref.Val {
	if v.asOfVal == nil {
		v.asOfVal = str(v.asOf.String())
	}
	return v.asOfVal
}

// jurisdiction returns the variable jurisdiction for code.
func (v *view) jurisdiction(code string) ref.Val {
	if v.jurisVal == nil || v.juris != code {
		v.juris, v.jurisVal = code, str(code)
	}
	return v.jurisVal
}

// text returns the rendered message part of the expression key, if a
// message rendered it in this assessment.
func (v *view) text(key string) (string, bool) {
	for _, t := range v.texts {
		if t.key == key {
			return t.text, true
		}
	}
	return "", false
}

// single returns the one object of kind k in the dossier (the product,
// the manufacturer).
func (v *view) single(k *kind) ref.Val { return &node{k: k, v: v} }

// list returns the list of the n objects of kind k, made once.
func (v *view) list(k *kind, n int) ref.Val {
	if v.lists == nil {
		v.lists = new([nKinds]listNodes)
	}
	l := &v.lists[k.id]
	if l.val == nil {
		l.val, l.nodes = v.nodes(k, -1, n)
	}
	return l.val
}

// itemNode returns the node of item i of a for_each list.
func (v *view) itemNode(it *item, i int) ref.Val {
	return v.items(v.kinds[it.kind], it.count(v.d))[i]
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
		n.vals[f] = n.k.fields[f].value(n)
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
