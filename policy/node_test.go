package policy

import (
	"context"
	"reflect"
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// nodeCases are conditions and message expressions over every part of
// the view, guarded and not, in the shapes house rules take.
var nodeCases = []struct {
	item, expr string
}{
	// Reads of every kind of field.
	{"", `dossier.product.id + "/" + dossier.product.name + "/" + dossier.product.maker`},
	{"", `dossier.product.cell_type + dossier.product.tissue + dossier.product.species + dossier.product.donor_type + dossier.product.derivative + dossier.product.dosage_form`},
	{"", `dossier.product.routes`},
	{"", `dossier.product.release_tests.map(t, t.kind + ":" + t.name + ":" + t.method + ":" + t.limit)`},
	{"", `dossier.product.batches.map(b, b.id + b.manufactured + b.expiry + string(b.index) + string(size(b.results)))`},
	{"", `dossier.product.batches.map(b, b.results.map(r, r.kind + r.name + r.value + r.outcome))`},
	{"", `dossier.product.indications.map(i, string(i.index) + i.id + i.condition + i.label + i.icd10 + i.icd11 + i.body_site + i.intent)`},
	{"", `dossier.manufacturer.name + dossier.manufacturer.country + dossier.manufacturer.sites.map(s, s.name + s.country + s.gmp_jurisdictions.join(",")).join(";")`},
	{"", `dossier.authorisations.map(a, string(a.index) + a.kind + a.number + a.holder + a.jurisdiction + a.facility + a.valid_from + a.valid_until + a.indications.join(",") + string(a.valid))`},
	{"", `dossier.uses.map(u, string(u.index) + u.jurisdiction + u.class + u.setting + u.facility + u.administrator + u.route + u.indications.join(","))`},
	{"", `dossier.claims.map(c, string(c.index) + c.wording + c.indication + c.intent + c.studies.join(",") + c.certainty + string(c.cited_found))`},
	{"", `dossier.studies.map(s, string(s.index) + s.id + s.title + string(s.year) + s.design + string(s.size) + s.country)`},
	{"", `dossier.advertised_to_public + as_of + jurisdiction`},
	// Objects as values: equality, presence, types, conversion, printing.
	{"", `dossier.uses`},
	{"", `dossier.product.batches`},
	{"", `dossier.product`},
	{"", `dossier.uses.size() > 0 && dossier.uses[0] == dossier.uses[0]`},
	{"", `dossier.uses.size() > 1 && dossier.uses[0] == dossier.uses[1]`},
	{"", `dossier.uses.exists(u, u in dossier.uses)`},
	{"", `has(dossier.product.name) && has(dossier.product.routes) && has(dossier.advertised_to_public)`},
	{"", `dossier.uses.map(u, has(u.facility))`},
	{"", `dossier.studies.map(s, has(s.index))`},
	{"", `type(dossier.product) == policy.Product && type(dossier) == policy.Dossier`},
	{"", `dyn(dossier.product).id`},
	{"", `policy.Use{class: "cosmetic"}.class`},
	{"", `policy.Use{class: "cosmetic"} == policy.Use{class: "cosmetic"}`},
	{"", `dossier.uses.exists(u, u == policy.Use{index: u.index, jurisdiction: u.jurisdiction, class: u.class, setting: u.setting, facility: u.facility, administrator: u.administrator, route: u.route, indications: u.indications})`},
	{"", `policy.Use{class: "x"} == dossier.uses[0]`},
	{"", `has(policy.Use{class: "x"}.route)`},
	// Message parts read from the view (string fields of a variable).
	{"", `dossier.product.id`},
	{"", `dossier.manufacturer.name`},
	{"batch", `batch.id`},
	{"claim", `claim.wording`},
	{"use", `use.class`},
	{"indication", `indication.label`},
	// Guarded conditions.
	{"use", `use.class == "cosmetic"`},
	{"use", `"cosmetic" == use.class && use.route != "injection"`},
	{"use", `use.class in ["hospital_service", "clinical_trial"]`},
	{"use", `!(use.class in ["hospital_service", "clinical_trial"]) && use.setting == "beauty_clinic"`},
	{"use", `use.setting == "hospital" && use.administrator != "physician"`},
	{"use", `use.index >= 1 && use.index < 3`},
	{"use", `2 > use.index`},
	{"use", `!(use.index <= 1)`},
	{"claim", `claim.intent == "cosmetic" && claim.wording.matches("(?i)stem[- ]?cells?")`},
	{"claim", `claim.intent == "therapeutic" && claim.certainty == "low"`},
	{"claim", `claim.cited_found > 0 && claim.intent != "cosmetic"`},
	{"batch", `!batch.results.exists(r, r.kind == "sterility")`},
	{"batch", `!batch.results.exists(r, r.kind == "sterility" && r.outcome != "")`},
	{"batch", `batch.results.exists(r, r.kind == "endotoxin" && r.value != "") && batch.id != ""`},
	{"authorisation", `authorisation.kind == "ethics_approval" && !authorisation.valid`},
	{"authorisation", `authorisation.valid`},
	{"authorisation", `!authorisation.valid || authorisation.kind == "nie"`},
	{"study", `study.size >= 0 && study.size < 12`},
	{"study", `study.design in ["rct", "cohort"] && study.year > 2015`},
	{"indication", `indication.intent == "therapeutic" && indication.icd10 != ""`},
	{"", `dossier.uses.exists(u, u.class == "clinical_trial") && !dossier.authorisations.exists(a, a.valid && a.kind == "ethics_approval")`},
	{"", `dossier.product.donor_type == "allogeneic" && size(dossier.product.batches) < 2`},
	{"", `size(dossier.uses) >= 2 && dossier.claims.size() != 1 && dossier.product.batches.size() == 1`},
	{"batch", `batch.results.size() > 5 && !(size(batch.results) in [6, 7])`},
	{"", `!dossier.product.release_tests.exists(t, t.kind == "mycoplasma")`},
	{"", `dossier.manufacturer.sites.exists(s, s.country == "ID")`},
	{"", `dossier.product.batches.exists(dossier, dossier.id != "")`},
}

// TestNodesReadAsNativeTypes checks that conditions read the view through
// nodes (with and without guards) exactly as CEL reads the view types
// themselves: every case gives the same value on every example dossier.
func TestNodesReadAsNativeTypes(t *testing.T) {
	envs, err := environments()
	require.NoError(t, err)
	opts := append([]any{}, viewTypes...)
	opts = append(opts, ext.ParseStructTags(true))
	native, err := cel.NewEnv(ext.NativeTypes(opts...), ext.Strings(),
		cel.Variable("dossier", cel.ObjectType("policy.Dossier")),
		cel.Variable("as_of", cel.StringType), cel.Variable("jurisdiction", cel.StringType))
	require.NoError(t, err)
	type compiledCase struct {
		it     *item
		nodes  cel.Program
		cond   *condition
		read   *guard // a message part read from the view
		native cel.Program
	}
	var cases []compiledCase
	for _, tc := range nodeCases {
		var cc compiledCase
		env, nenv := envs.base, native
		vars := map[string]int{"dossier": kDossier}
		if tc.item != "" {
			cc.it = findItem(tc.item)
			env = envs.item[tc.item]
			nenv, err = native.Extend(cel.Variable(tc.item, cel.ObjectType(cc.it.typ)))
			require.NoError(t, err)
			vars[tc.item] = cc.it.kind
		}
		ast, iss := env.Compile(tc.expr)
		require.NoError(t, iss.Err(), tc.expr)
		cc.nodes, err = env.Program(ast, cel.EvalOptions(cel.OptOptimize))
		require.NoError(t, err)
		if ast.OutputType() == cel.BoolType {
			cc.cond = newCondition(&program{planned: cc.nodes, env: env, src: tc.expr}, ast, envs.kinds, vars)
		}
		if g, ok := fieldOf(ast.NativeRep().Expr(), ast.NativeRep(), envs.kinds, vars, reflect.String); ok {
			cc.read = &g
		}
		nast, iss := nenv.Compile(tc.expr)
		require.NoError(t, iss.Err(), tc.expr)
		cc.native, err = nenv.Program(nast, cel.EvalOptions(cel.OptOptimize))
		require.NoError(t, err)
		cases = append(cases, cc)
	}
	checked, reads := 0, 0
	for _, ex := range SampleDossiers(t) {
		d, file := ex.Dossier, ex.File
		rule := regulation.Rule{RuleInfo: regulation.RuleInfo{ID: "TEST-NODES", Title: "nodes", Jurisdiction: regulation.House,
			Citation: regulation.Citation{Instrument: "test", EffectiveFrom: secretome.MustParseDate("2020-01-01")}, Provenance: regulation.ProvenancePrimary},
			Check: func(c *regulation.Context) {
				v := assessmentView(c)
				nat := View(c)
				for k, tc := range nodeCases {
					cc := cases[k]
					count := 1
					if cc.it != nil {
						count = cc.it.count(v.d)
					}
					for i := range count {
						v.act = activation{v: v, jurisdiction: c.Jurisdiction(), it: cc.it, use: -1}
						vars := map[string]any{"dossier": nat, "as_of": v.asOf.String(), "jurisdiction": c.Jurisdiction()}
						if cc.it != nil {
							v.act.item = i
							if cc.it == useItem {
								v.act.use = i
							}
							vars[cc.it.name] = itemOf(nat, cc.it.name, i)
						}
						want, _, werr := cc.native.Eval(vars)
						got, _, gerr := cc.nodes.Eval(&v.act)
						require.Equal(t, werr == nil, gerr == nil, "%s: %s: %v / %v", file, tc.expr, werr, gerr)
						if werr != nil {
							continue
						}
						require.Equal(t, text(want), text(got), "%s: %s", file, tc.expr)
						if cc.read != nil {
							got, ok := cc.read.text(v)
							require.True(t, ok, tc.expr)
							require.Equal(t, text(want), got, "%s: %s (read)", file, tc.expr)
							reads++
						}
						if cc.cond != nil {
							ok, err := cc.cond.eval(v)
							require.NoError(t, err)
							require.Equal(t, want, ref.Val(boolVal(ok)), "%s: %s (guarded)", file, tc.expr)
						}
						checked++
					}
				}
			}}
		set, err := regulation.NewRuleSet(rule)
		require.NoError(t, err)
		a, err := regulation.NewAssessor(set, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26"), Jurisdictions: []string{regulation.House}})
		require.NoError(t, err)
		_, err = a.Assess(context.Background(), d)
		require.NoError(t, err)
	}
	require.Greater(t, checked, 200)
	require.Greater(t, reads, 20)
}

func boolVal(b bool) ref.Val { return types.Bool(b) }

// itemOf returns the item named name with index i of the view nat.
func itemOf(nat *Dossier, name string, i int) any {
	switch name {
	case "use":
		return &nat.Uses[i]
	case "claim":
		return &nat.Claims[i]
	case "batch":
		return &nat.Product.Batches[i]
	case "authorisation":
		return &nat.Authorisations[i]
	case "study":
		return &nat.Studies[i]
	case "indication":
		return &nat.Product.Indications[i]
	}
	panic(name)
}

// TestGuards checks which conjuncts are read as guards, and whether the
// condition is then answered by its guards alone.
func TestGuards(t *testing.T) {
	envs, err := environments()
	require.NoError(t, err)
	tests := []struct {
		item, expr string
		guards     int
		exact      bool
		why        string
	}{
		{"use", `use.class == "cosmetic"`, 1, true, "a string field equals a constant"},
		{"use", `"cosmetic" == use.class && use.route != "injection"`, 2, true, "either way round; !="},
		{"use", `use.class in ["a", "b"]`, 1, true, "in a list of constants"},
		{"use", `!(use.class in ["a", "b"])`, 1, true, "negated"},
		{"use", `use.index >= 1 && use.index < 3`, 2, true, "int comparisons"},
		{"use", `use.class == "cosmetic" && use.route.startsWith("inj")`, 1, false, "a function call is CEL's"},
		{"use", `use.class == "cosmetic" || use.route == "x"`, 0, false, "a disjunction is CEL's"},
		{"use", `use.indications.size() > 0`, 0, false, "size is CEL's"},
		{"use", `use.class == dossier.uses[0].class`, 0, false, "no constant"},
		{"use", `use.class == "cosmetic" && dossier.product.donor_type == "allogeneic"`, 2, true, "a field of an object of the dossier"},
		{"claim", `claim.intent == "cosmetic" && claim.wording.matches("x")`, 1, false, "matches is CEL's"},
		{"batch", `!batch.results.exists(r, r.kind == "sterility" && r.outcome != "")`, 1, true, "exists over objects"},
		{"batch", `batch.results.exists(r, r.kind.startsWith("s"))`, 0, false, "exists with a predicate that is CEL's"},
		{"batch", `batch.results.all(r, r.kind == "sterility")`, 0, false, "all is CEL's"},
		{"", `dossier.product.routes.exists(r, r == "topical")`, 0, false, "exists over strings is CEL's"},
		{"", `dossier.uses.exists(u, u.class == use.class)`, 0, false, "not in this environment"},
		{"authorisation", `!authorisation.valid`, 1, true, "a negated bool field"},
		{"", `has(dossier.product.name)`, 0, false, "presence is CEL's"},
		{"", `dossier.product.donor_type == "allogeneic" && size(dossier.product.batches) < 2`, 2, true, "the size of a list of objects"},
		{"batch", `batch.results.size() >= 3 && size(dossier.uses) != 0`, 2, true, "size either way"},
		{"", `size(dossier.product.routes) > 1`, 0, false, "the size of a list of strings is CEL's"},
		{"", `size(dossier.product.id) > 1`, 0, false, "the size of a string is CEL's"},
	}
	for _, tc := range tests {
		env := envs.base
		vars := map[string]int{"dossier": kDossier}
		if tc.item != "" {
			env = envs.item[tc.item]
			vars[tc.item] = findItem(tc.item).kind
		}
		ast, iss := env.Compile(tc.expr)
		if iss.Err() != nil {
			require.Equal(t, "not in this environment", tc.why, iss.Err().Error())
			continue
		}
		prg, err := env.Program(ast)
		require.NoError(t, err)
		c := newCondition(&program{planned: prg, env: env, src: tc.expr}, ast, envs.kinds, vars)
		require.Len(t, c.guards, tc.guards, "%s: %s", tc.expr, tc.why)
		require.Equal(t, tc.exact, c.exact, "%s: %s", tc.expr, tc.why)
	}
}
