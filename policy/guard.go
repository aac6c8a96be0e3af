package policy

import (
	"reflect"
	"slices"

	"cel.dev/cel-go/cel"
	celast "cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/overloads"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// A condition is a CEL program and the guards found in it when it was
// compiled. House rules mostly start by naming what they are about
// (use.class == "cosmetic" && ..., claim.intent == "therapeutic" && ...,
// authorisation.kind == "ethics_approval" && ...). Such a conjunct, a
// field of a variable (or the size of a list of objects) compared with
// constants, is a guard: the view answers it by reading the field's Go
// value from the dossier (a string, an int, a bool) and comparing it
// with the constants, without running CEL and without making a CEL value
// or a node. When a guard fails, the condition is false (false && x is
// false in CEL whatever x is) and the program is not run; when the
// condition is nothing but guards, their answer is the condition's. As
// reading a field of the view cannot fail, a guard answers exactly as
// CEL would. Policy engines index their rules the same way (OPA's rule
// indexing).

// condition is a compiled condition.
type condition struct {
	prg    *program
	guards []guard
	// exact: the condition is the conjunction of its guards.
	exact bool
}

// guard is a conjunct of a condition that compares a field of a
// variable with constants, or asks whether a list of objects of the view
// has one that meets such comparisons (list.exists(x, ...)). The view
// answers it by reading the field's Go value at the variable's position:
// no CEL value is made and no node is built.
type guard struct {
	name   string // the variable's name
	slot   int    // where the variable's position is: slotDossier, slotItem or slotUse
	kind   *kind  // the variable's kind
	path   []int  // field indexes from the variable's kind
	want   []ref.Val
	op     string // "", or a comparison with want[0]: "<", "<=", ">", ">="
	negate bool   // the conjunct holds when the comparison does not
	// size: the guard compares the number of objects in the list at path
	// (size(list)), an int.
	size bool
	// texts, nums and flags are want as Go values, by the field's type:
	// the field equals one of them (op "").
	texts []string
	nums  []int64
	flags []bool
	// exists, when set, makes the guard hold when the list at path has
	// an element for which every guard of exists holds.
	exists []guard
	elem   reflect.Type // while compiling: the element type of a list
	// test answers the guard for its variable at p, made once by
	// prepare for the guard's fields, comparison and constants.
	test func(v *view, p pos) bool
}

// Where a guard's variable is: the dossier, the item being checked, or
// the use of a uses condition.
const (
	slotDossier = iota
	slotItem
	slotUse
	slotElement // an element of a list, within exists
)

// newCondition finds the guards of a checked boolean condition; vars
// gives the kind of each variable a guard may read.
func newCondition(prg *program, ast *cel.Ast, kinds *viewKinds, vars map[string]int) *condition {
	c := &condition{prg: prg}
	native := ast.NativeRep()
	conjuncts := conjunctsOf(native.Expr(), nil)
	for _, e := range conjuncts {
		if g, ok := guardOf(e, native, kinds, vars); ok && g.prepare() {
			c.guards = append(c.guards, g)
		}
	}
	c.exact = len(c.guards) == len(conjuncts)
	if c.exact {
		// The guards answer the condition wherever it is evaluated: the
		// variables they read are the rule's, which the view always has.
		// (Were one ever missing, eval would plan the program again.)
		prg.drop()
	}
	return c
}

// conjunctsOf flattens a chain of &&.
func conjunctsOf(e celast.Expr, out []celast.Expr) []celast.Expr {
	if e.Kind() == celast.CallKind && e.AsCall().FunctionName() == operators.LogicalAnd {
		for _, a := range e.AsCall().Args() {
			out = conjunctsOf(a, out)
		}
		return out
	}
	return append(out, e)
}

// guardOf reads a conjunct as a guard: field == constant (either way
// round), field != constant, field in [constants], a bool field, or its
// negation.
func guardOf(e celast.Expr, a *celast.AST, kinds *viewKinds, vars map[string]int) (guard, bool) {
	switch e.Kind() {
	case celast.SelectKind:
		g, ok := fieldOf(e, a, kinds, vars, reflect.Bool)
		g.want = []ref.Val{types.True}
		return g, ok
	case celast.ComprehensionKind:
		return existsOf(e.AsComprehension(), a, kinds, vars)
	case celast.CallKind:
	default:
		return guard{}, false
	}
	call := e.AsCall()
	args := call.Args()
	switch call.FunctionName() {
	case operators.LogicalNot:
		g, ok := guardOf(args[0], a, kinds, vars)
		g.negate = !g.negate
		return g, ok
	case operators.Equals, operators.NotEquals:
		f, c := args[0], args[1]
		if f.Kind() == celast.LiteralKind {
			f, c = c, f
		}
		w, ok := constant(c)
		if !ok {
			return guard{}, false
		}
		g, ok := numberOf(f, a, kinds, vars, kindOfConstant(w))
		g.want, g.negate = []ref.Val{w}, call.FunctionName() == operators.NotEquals
		return g, ok
	case operators.Less, operators.LessEquals, operators.Greater, operators.GreaterEquals:
		op := map[string]string{operators.Less: "<", operators.LessEquals: "<=", operators.Greater: ">", operators.GreaterEquals: ">="}[call.FunctionName()]
		f, c := args[0], args[1]
		if f.Kind() == celast.LiteralKind {
			f, c = c, f
			op = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<="}[op]
		}
		w, ok := constant(c)
		if !ok || kindOfConstant(w) != reflect.Int64 {
			return guard{}, false
		}
		g, ok := numberOf(f, a, kinds, vars, reflect.Int64)
		g.want, g.op = []ref.Val{w}, op
		return g, ok
	case operators.In:
		if args[1].Kind() != celast.ListKind || len(args[1].AsList().OptionalIndices()) > 0 {
			return guard{}, false
		}
		var want []ref.Val
		for _, el := range args[1].AsList().Elements() {
			w, ok := constant(el)
			if !ok || (len(want) > 0 && kindOfConstant(w) != kindOfConstant(want[0])) {
				return guard{}, false
			}
			want = append(want, w)
		}
		if len(want) == 0 {
			return guard{}, false
		}
		g, ok := fieldOf(args[0], a, kinds, vars, kindOfConstant(want[0]))
		g.want = want
		return g, ok
	}
	return guard{}, false
}

// existsOf reads list.exists(x, p) as a guard, where list is a list of
// objects of the view and p a conjunction of guards over x.
func existsOf(c celast.ComprehensionExpr, a *celast.AST, kinds *viewKinds, vars map[string]int) (guard, bool) {
	// The exists macro: accumulator false, step accu || p, result accu.
	init, step, res := c.AccuInit(), c.LoopStep(), c.Result()
	if c.HasIterVar2() || init.Kind() != celast.LiteralKind || init.AsLiteral() != types.False ||
		res.Kind() != celast.IdentKind || res.AsIdent() != c.AccuVar() ||
		step.Kind() != celast.CallKind || step.AsCall().FunctionName() != operators.LogicalOr {
		return guard{}, false
	}
	sargs := step.AsCall().Args()
	if sargs[0].Kind() != celast.IdentKind || sargs[0].AsIdent() != c.AccuVar() {
		return guard{}, false
	}
	g, ok := fieldOf(c.IterRange(), a, kinds, vars, reflect.Slice)
	if !ok {
		return guard{}, false
	}
	elem := kinds.ofType(g.elem)
	if elem == nil {
		return guard{}, false
	}
	local := map[string]int{c.IterVar(): -1 - elem.id} // a local: no reference to check
	for _, e := range conjunctsOf(sargs[1], nil) {
		sub, ok := guardOf(e, a, kinds, local)
		if !ok {
			return guard{}, false
		}
		g.exists = append(g.exists, sub)
	}
	g.elem = nil
	return g, true
}

// numberOf reads e as fieldOf does, and when want is an int, also as
// the size of a list of objects of the view: size(list) or list.size().
func numberOf(e celast.Expr, a *celast.AST, kinds *viewKinds, vars map[string]int, want reflect.Kind) (guard, bool) {
	if want != reflect.Int64 || e.Kind() != celast.CallKind || e.AsCall().FunctionName() != overloads.Size {
		return fieldOf(e, a, kinds, vars, want)
	}
	call := e.AsCall()
	list := call.Target()
	switch {
	case call.IsMemberFunction() && len(call.Args()) == 0:
	case !call.IsMemberFunction() && len(call.Args()) == 1:
		list = call.Args()[0]
	default:
		return guard{}, false
	}
	g, ok := fieldOf(list, a, kinds, vars, reflect.Slice)
	if !ok || kinds.ofType(g.elem) == nil {
		return guard{}, false // a list of strings: CEL's
	}
	g.elem, g.size = nil, true
	return g, true
}

// constant returns a string, bool or int literal.
func constant(e celast.Expr) (ref.Val, bool) {
	if e.Kind() != celast.LiteralKind {
		return nil, false
	}
	switch v := e.AsLiteral().(type) {
	case types.String, types.Bool, types.Int:
		return v, true
	}
	return nil, false
}

func kindOfConstant(v ref.Val) reflect.Kind {
	switch v.(type) {
	case types.Bool:
		return reflect.Bool
	case types.Int:
		return reflect.Int64
	}
	return reflect.String
}

// fieldOf reads e as a chain of field selections from a variable that
// ends in a field of Go kind want.
func fieldOf(e celast.Expr, a *celast.AST, kinds *viewKinds, vars map[string]int, want reflect.Kind) (guard, bool) {
	var names []string
	for e.Kind() == celast.SelectKind {
		s := e.AsSelect()
		if s.IsTestOnly() {
			return guard{}, false
		}
		names = append(names, s.FieldName())
		e = s.Operand()
	}
	if e.Kind() != celast.IdentKind || len(names) == 0 {
		return guard{}, false
	}
	name := e.AsIdent()
	k, ok := vars[name]
	if !ok {
		return guard{}, false
	}
	if k < 0 {
		k = -1 - k // a comprehension variable
	} else if r := a.ReferenceMap()[e.ID()]; r == nil || r.Name != name {
		return guard{}, false
	}
	g := guard{name: name, kind: kinds[k]}
	switch {
	case vars[name] < 0:
		g.slot = slotElement
	case name == "dossier":
		g.slot = slotDossier
	case name == "use":
		g.slot = slotUse
	default:
		g.slot = slotItem
	}
	kd := kinds[k]
	for i := len(names) - 1; i >= 0; i-- {
		f, ok := kd.byName[names[i]]
		if !ok {
			return guard{}, false
		}
		g.path = append(g.path, f)
		ft := kd.goType.Field(kd.goField[f]).Type
		if i > 0 {
			next := kinds.ofType(ft)
			if next == nil {
				return guard{}, false
			}
			kd = next
			continue
		}
		if ft.Kind() != want {
			return guard{}, false
		}
		if want == reflect.Slice {
			g.elem = ft.Elem()
		}
	}
	return g, true
}

// ofType returns the kind of a view type, or nil.
func (ks *viewKinds) ofType(t reflect.Type) *kind {
	for _, k := range ks {
		if k.goType == t {
			return k
		}
	}
	return nil
}

// prepare sets the guard's wanted values as Go values and makes its
// test; it reports false when the guard's fields cannot answer it (CEL
// must).
func (g *guard) prepare() bool {
	for _, w := range g.want {
		switch w := w.(type) {
		case types.String:
			g.texts = append(g.texts, string(w))
		case types.Int:
			g.nums = append(g.nums, int64(w))
		case types.Bool:
			g.flags = append(g.flags, bool(w))
		}
	}
	k, single := g.kind, false
	for _, f := range g.path[:len(g.path)-1] {
		if k = k.fields[f].obj; k == nil {
			return false
		}
		single = true
	}
	f := &k.fields[g.path[len(g.path)-1]]
	var test func(v *view, p pos) bool
	switch {
	case g.exists != nil:
		l := f.list
		if l == nil {
			return false
		}
		subs := make([]func(v *view, p pos) bool, len(g.exists))
		for i := range g.exists {
			if !g.exists[i].prepare() {
				return false
			}
			subs[i] = g.exists[i].test
		}
		neg := g.negate
		test = func(v *view, p pos) bool {
			n := l.count(v, p)
		elements:
			for e := range n {
				ep := l.at(p, e)
				for _, sub := range subs {
					if !sub(v, ep) {
						continue elements
					}
				}
				return !neg
			}
			return neg
		}
	case g.size || g.op != "" || len(g.nums) > 0:
		num := f.num
		if g.size {
			if f.list == nil {
				return false
			}
			count := f.list.count
			num = func(v *view, p pos) int64 { return int64(count(v, p)) }
		}
		if num == nil || len(g.nums) != len(g.want) || (g.op != "" && len(g.nums) != 1) {
			return false
		}
		test = compareNum(num, g.op, g.nums, g.negate)
	case f.text != nil && len(g.texts) == len(g.want) && len(g.texts) == 1:
		read, w, neg := f.text, g.texts[0], g.negate
		test = func(v *view, p pos) bool { return (read(v, p) == w) != neg }
	case f.text != nil && len(g.texts) == len(g.want):
		read, ws, neg := f.text, g.texts, g.negate
		test = func(v *view, p pos) bool { return slices.Contains(ws, read(v, p)) != neg }
	case f.flag != nil && len(g.flags) == len(g.want):
		read, ws, neg := f.flag, g.flags, g.negate
		test = func(v *view, p pos) bool { return slices.Contains(ws, read(v, p)) != neg }
	default:
		return false
	}
	if single {
		// A field of the one object of its kind (dossier.product.x).
		at := test
		test = func(v *view, _ pos) bool { return at(v, pos{}) }
	}
	g.test = test
	return true
}

// compareNum returns the test of an int read by num: compared with
// ws[0] by op, or equal to one of ws (op ""); neg negates it.
func compareNum(num func(v *view, p pos) int64, op string, ws []int64, neg bool) func(v *view, p pos) bool {
	switch op {
	case "<":
		return func(v *view, p pos) bool { return (num(v, p) < ws[0]) != neg }
	case "<=":
		return func(v *view, p pos) bool { return (num(v, p) <= ws[0]) != neg }
	case ">":
		return func(v *view, p pos) bool { return (num(v, p) > ws[0]) != neg }
	case ">=":
		return func(v *view, p pos) bool { return (num(v, p) >= ws[0]) != neg }
	}
	return func(v *view, p pos) bool { return slices.Contains(ws, num(v, p)) != neg }
}

// variable returns the position of the guard's variable among the
// variables of the view's activation; ok is false when it has none.
func (g *guard) variable(v *view) (p pos, ok bool) {
	switch g.slot {
	case slotItem:
		if v.act.it == nil {
			return pos{}, false
		}
		p = pos{v.act.item, 0}
	case slotUse:
		if v.act.use < 0 {
			return pos{}, false
		}
		p = pos{v.act.use, 0}
	case slotElement:
		return pos{}, false
	}
	return p, true
}

// field returns the last field of the guard's path from the object of
// kind k at p, and the position of the object that holds it.
func (g *guard) field(k *kind, p pos) (*field, pos, bool) {
	for _, f := range g.path[:len(g.path)-1] {
		if k = k.fields[f].obj; k == nil {
			return nil, pos{}, false
		}
		p = pos{}
	}
	return &k.fields[g.path[len(g.path)-1]], p, true
}

// readable says whether text answers the guard in every case: its path
// ends in a string field (its variable is one of the rule's).
func (g *guard) readable() bool {
	f, _, ok := g.field(g.kind, pos{})
	return ok && f.text != nil
}

// text reads the string field the guard's path names, for a message.
func (g *guard) text(v *view) (string, bool) {
	p, ok := g.variable(v)
	if !ok {
		return "", false
	}
	f, p, ok := g.field(g.kind, p)
	if !ok || f.text == nil {
		return "", false
	}
	return f.text(v, p), true
}

// holds says whether the guard holds for the variables of the view's
// activation; known is false when the guard cannot tell, and CEL must.
func (g *guard) holds(v *view) (holds, known bool) {
	p, ok := g.variable(v)
	if !ok {
		return false, false
	}
	return g.test(v, p), true
}

// eval evaluates the condition on the view's variables.
func (c *condition) eval(v *view) (bool, error) {
	exact := c.exact
	for i := range c.guards {
		holds, known := c.guards[i].holds(v)
		if !known {
			exact = false
			continue
		}
		if !holds {
			return false, nil
		}
	}
	if exact {
		return true, nil
	}
	prg, err := c.prg.get()
	if err != nil {
		return false, err
	}
	return evalBool(prg, &v.act)
}
