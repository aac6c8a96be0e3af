package opa_test

import (
	"context"
	"os"
	"reflect"
	"sort"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

var asOf = secretome.MustParseDate("2026-11-26")

func dossier(tb testing.TB) *regulation.Dossier {
	data, err := os.ReadFile("../../examples/dossiers/ucmsc-wound-gel.json")
	require.NoError(tb, err)
	d, err := regulation.DecodeDossier(data)
	require.NoError(tb, err)
	return d
}

// assessor returns an assessor with the shipped rules and, when house,
// the 50 CEL house rules.
func assessor(tb testing.TB, house bool, juris ...string) *regulation.Assessor {
	set := regulation.Shipped()
	if house {
		data, err := os.ReadFile("../../policy/testdata/house50.yaml")
		require.NoError(tb, err)
		ps, err := policy.Load("house50.yaml", data)
		require.NoError(tb, err)
		set, err = ps.RuleSet(set)
		require.NoError(tb, err)
	}
	a, err := regulation.NewAssessor(set, regulation.Options{AsOf: asOf, Jurisdictions: juris})
	require.NoError(tb, err)
	return a
}

// input returns the dossier's view, as policy rules see it, as OPA's
// input: the same field names and values.
func input(tb testing.TB, d *regulation.Dossier) ast.Value {
	var view *policy.Dossier
	set, err := regulation.NewRuleSet(regulation.Rule{RuleInfo: regulation.RuleInfo{ID: "VIEW", Title: "view", Jurisdiction: regulation.House,
		Citation: regulation.Citation{Instrument: "view", EffectiveFrom: secretome.MustParseDate("2020-01-01")}, Provenance: regulation.ProvenancePrimary},
		Check: func(c *regulation.Context) { view = policy.View(c) }})
	require.NoError(tb, err)
	a, err := regulation.NewAssessor(set, regulation.Options{AsOf: asOf, Jurisdictions: []string{regulation.House}})
	require.NoError(tb, err)
	_, err = a.Assess(context.Background(), d)
	require.NoError(tb, err)
	v, err := ast.InterfaceToValue(celNames(reflect.ValueOf(view).Elem()))
	require.NoError(tb, err)
	return v
}

// celNames turns a view value into maps and lists keyed by the fields'
// CEL names.
func celNames(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		m := map[string]any{}
		for i := range v.NumField() {
			if name, ok := v.Type().Field(i).Tag.Lookup("cel"); ok {
				m[name] = celNames(v.Field(i))
			}
		}
		return m
	case reflect.Slice:
		l := make([]any, v.Len())
		for i := range l {
			l[i] = celNames(v.Index(i))
		}
		return l
	}
	return v.Interface()
}

// prepared returns the Rego house rules, compiled and prepared once.
func prepared(tb testing.TB) rego.PreparedEvalQuery {
	src, err := os.ReadFile("../../policy/testdata/house50.rego")
	require.NoError(tb, err)
	q, err := rego.New(rego.Query("data.house.findings"), rego.Module("house50.rego", string(src))).PrepareForEval(context.Background())
	require.NoError(tb, err)
	return q
}

type finding struct{ rule, path string }

// TestSameFindings checks that the Rego rules find what the CEL rules
// find: the same rules at the same paths.
func TestSameFindings(t *testing.T) {
	d := dossier(t)
	rep, err := assessor(t, true, regulation.House).Assess(context.Background(), d)
	require.NoError(t, err)
	want := map[finding]bool{}
	for _, f := range rep.Findings() {
		want[finding{f.RuleID, f.Path}] = true
	}
	rs, err := prepared(t).Eval(context.Background(), rego.EvalParsedInput(input(t, d)))
	require.NoError(t, err)
	require.Len(t, rs, 1)
	got := map[finding]bool{}
	for _, f := range rs[0].Expressions[0].Value.([]any) {
		m := f.(map[string]any)
		got[finding{m["rule"].(string), m["path"].(string)}] = true
	}
	require.Equal(t, sorted(want), sorted(got))
	require.Greater(t, len(got), 10)
}

func sorted(m map[finding]bool) []finding {
	var out []finding
	for f := range m {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rule+out[i].path < out[j].rule+out[j].path })
	return out
}

// BenchmarkShipped is the shipped rules alone in every jurisdiction.
func BenchmarkShipped(b *testing.B) { benchAssess(b, false) }

// BenchmarkShippedAndCEL is the shipped rules with the 50 CEL house
// rules; less BenchmarkShipped, it is the cost of the house rules.
func BenchmarkShippedAndCEL(b *testing.B) { benchAssess(b, true) }

func benchAssess(b *testing.B, house bool) {
	a, d := assessor(b, house), dossier(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Assess(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRego is the 50 house rules in Rego, prepared once, on the
// same dossier's view given as a parsed input.
func BenchmarkRego(b *testing.B) {
	q, in := prepared(b), input(b, dossier(b))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		rs, err := q.Eval(ctx, rego.EvalParsedInput(in))
		if err != nil || len(rs) != 1 {
			b.Fatal(err)
		}
	}
}
