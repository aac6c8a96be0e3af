package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/require"
)

// benchAsOf is the as-of day of the benchmarks.
var benchAsOf = secretome.MustParseDate("2026-11-26")

// benchDossier returns the benchmark dossier, the wound gel example.
func benchDossier(tb testing.TB) *regulation.Dossier {
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	require.NoError(tb, err)
	d, err := regulation.DecodeDossier(data)
	require.NoError(tb, err)
	return d
}

// houseAssessor returns an assessor of the shipped rules and nPolicies
// house rules (none: the shipped rules alone), with or without guards,
// and the house rules.
func houseAssessor(tb testing.TB, nPolicies int, guards bool) (*policy.Policies, *regulation.Assessor) {
	set := regulation.Shipped()
	var ps *policy.Policies
	if nPolicies > 0 {
		var err error
		ps, err = policy.Load("house.yaml", policy.HouseRules(nPolicies))
		require.NoError(tb, err)
		rules := ps
		if !guards {
			rules = policy.WithoutGuards(ps)
		}
		set, err = rules.RuleSet(set)
		require.NoError(tb, err)
	}
	a, err := regulation.NewAssessor(set, regulation.Options{AsOf: benchAsOf})
	require.NoError(tb, err)
	return ps, a
}

// assessLoop is the benchmark loop: a assesses each of ds.
func assessLoop(b *testing.B, a *regulation.Assessor, ds ...*regulation.Dossier) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range ds {
			if _, err := a.Assess(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchAssess(b *testing.B, nPolicies int, guards bool) {
	d := benchDossier(b)
	_, a := houseAssessor(b, nPolicies, guards)
	assessLoop(b, a, d)
}

// BenchmarkAssessShipped is the shipped rules alone, the baseline of
// BenchmarkAssess50Policies.
func BenchmarkAssessShipped(b *testing.B) { benchAssess(b, 0, true) }

// BenchmarkAssess50Policies is the shipped rules with 50 CEL house rules;
// the aim is at most twice BenchmarkAssessShipped.
func BenchmarkAssess50Policies(b *testing.B) { benchAssess(b, 50, true) }

// BenchmarkAssess50PoliciesCEL is BenchmarkAssess50Policies with every
// condition run by CEL: the cost of conditions that have no guards.
func BenchmarkAssess50PoliciesCEL(b *testing.B) { benchAssess(b, 50, false) }

// benchExamples assesses the example dossiers (JSON and YAML) one after
// the other, with the shipped rules and nPolicies CEL house rules.
func benchExamples(b *testing.B, nPolicies int) {
	files, err := filepath.Glob("../examples/dossiers/*")
	require.NoError(b, err)
	var ds []*regulation.Dossier
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(b, err)
		r := regulation.ReadDossier(data, regulation.DecodeOptions{YAML: strings.HasSuffix(file, ".yaml")})
		if r.Dossier != nil && !r.Invalid() {
			ds = append(ds, r.Dossier)
		}
	}
	require.Len(b, ds, 3, "the valid example dossiers")
	_, a := houseAssessor(b, nPolicies, true)
	assessLoop(b, a, ds...)
}

// BenchmarkAssessExamplesShipped is the three valid example dossiers
// with the shipped rules alone, the baseline of
// BenchmarkAssessExamples50Policies.
func BenchmarkAssessExamplesShipped(b *testing.B) { benchExamples(b, 0) }

// BenchmarkAssessExamples50Policies is the three valid example dossiers
// with the shipped rules and the 50 CEL house rules.
func BenchmarkAssessExamples50Policies(b *testing.B) { benchExamples(b, 50) }

// BenchmarkAssess50PoliciesGo is BenchmarkAssess50Policies with each
// house rule replaced by a Go rule that reports the same findings on the
// dossier without CEL: what the report's extra findings cost on their
// own, the floor under BenchmarkAssess50Policies.
func BenchmarkAssess50PoliciesGo(b *testing.B) {
	d, goA, _ := sameFindingsInGo(b)
	assessLoop(b, goA, d)
}

// sameFindingsInGo returns the benchmark dossier, an assessor of the
// shipped rules and policy.SameFindingsInGo of the 50 house rules, and
// the report of the house rules themselves, which the Go rules copy.
func sameFindingsInGo(tb testing.TB) (*regulation.Dossier, *regulation.Assessor, *regulation.Report) {
	d := benchDossier(tb)
	ps, a := houseAssessor(tb, 50, true)
	rep, err := a.Assess(context.Background(), d)
	require.NoError(tb, err)
	goSet, err := regulation.Shipped().With(policy.SameFindingsInGo(ps, rep)...)
	require.NoError(tb, err)
	goA, err := regulation.NewAssessor(goSet, regulation.Options{AsOf: benchAsOf})
	require.NoError(tb, err)
	return d, goA, rep
}

// TestSameFindingsInGo keeps BenchmarkAssess50PoliciesGo honest: its Go
// rules give the very report the CEL house rules give.
func TestSameFindingsInGo(t *testing.T) {
	d, goA, want := sameFindingsInGo(t)
	got, err := goA.Assess(context.Background(), d)
	require.NoError(t, err)
	require.Equal(t, len(want.Findings()), len(got.Findings()))
	require.Equal(t, want.Jurisdictions, got.Jurisdictions)
}

// BenchmarkLoad50Policies is loading (decoding, type-checking and
// planning) a file of 50 house rules; held-B is the memory the loaded
// rules hold once loading is done (CEL's own tables, made once for the
// process, not counted).
func BenchmarkLoad50Policies(b *testing.B) {
	data := policy.HouseRules(50)
	for b.Loop() {
		if _, err := policy.Load("house.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	ps, err := policy.Load("house.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	held := int64(heap()) - int64(before)
	runtime.KeepAlive(ps)
	b.ReportMetric(float64(held), "held-B")
}

// TestHouseRulesFire keeps the benchmark honest: its rules compile and
// several of them report on the benchmark dossier.
func TestHouseRulesFire(t *testing.T) {
	ps, err := policy.Load("house.yaml", policy.HouseRules(50))
	if err != nil {
		t.Fatal(err)
	}
	set, err := ps.RuleSet(regulation.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	a, err := regulation.NewAssessor(set, regulation.Options{Jurisdictions: []string{regulation.House}, AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../examples/dossiers/ucmsc-wound-gel.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Assess(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{}
	for _, f := range rep.Findings() {
		if strings.Contains(f.Text(), "could not be evaluated") {
			t.Errorf("%s: %s", f.RuleID, f.Text())
		}
		fired[f.RuleID] = true
	}
	if len(fired) < 3 || len(fired) > 15 {
		t.Errorf("%d of 50 house rules fired; the benchmark wants a few", len(fired))
	}
}

// TestGuardsChangeNothing checks that answering conditions by their
// guards gives the very reports CEL gives, for the benchmark's house
// rules and the example policies on every example dossier.
func TestGuardsChangeNothing(t *testing.T) {
	house, err := policy.Load("house.yaml", policy.HouseRules(50))
	require.NoError(t, err)
	examples, err := policy.LoadDir("../examples/policies")
	require.NoError(t, err)
	ps := policy.Join(house, examples)
	assessor := func(ps *policy.Policies) *regulation.Assessor {
		set, err := ps.RuleSet(regulation.Shipped())
		require.NoError(t, err)
		a, err := regulation.NewAssessor(set, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26")})
		require.NoError(t, err)
		return a
	}
	guarded, plain := assessor(ps), assessor(policy.WithoutGuards(ps))
	n := 0
	for _, ex := range policy.SampleDossiers(t) {
		d, file := ex.Dossier, ex.File
		want, err := plain.Assess(context.Background(), d)
		require.NoError(t, err)
		got, err := guarded.Assess(context.Background(), d)
		require.NoError(t, err)
		require.Equal(t, want, got, file)
		n += len(got.Findings())
	}
	require.Greater(t, n, 50)
}

// TestHouseRulesFiles pins the benchmark's house rules, in CEL and in
// Rego, to the files bench/opa reads (go test ./policy -update rewrites
// them).
func TestHouseRulesFiles(t *testing.T) {
	for name, data := range map[string][]byte{"house50.yaml": policy.HouseRules(50), "house50.rego": policy.HouseRulesRego(50)} {
		file := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(file, data, 0o644))
			continue
		}
		want, err := os.ReadFile(file)
		require.NoError(t, err)
		require.Equal(t, string(want), string(data), "%s: go test ./policy -update rewrites it", file)
	}
}
