package fieldpath

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestString(t *testing.T) {
	root := Root()
	comp := root.Field("composition")
	list := comp.Field("analytes")
	e := list.Index(12)
	u := e.Field("unit")
	k := root.Key("a b")
	kk := k.Index(0)
	tests := []struct {
		p    *Path
		want string
		why  string
	}{
		{&root, "", "the root is the empty path"},
		{&comp, "composition", "a top-level field has no leading dot"},
		{&e, "composition.analytes[12]", "indexes are bracketed"},
		{&u, "composition.analytes[12].unit", "fields after an index take a dot"},
		{&kk, `["a b"][0]`, "keys that are not identifiers are quoted"},
		{nil, "", "a nil path renders empty"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.p.String(), tt.why)
	}
	top := root.Index(3)
	assert.Equal(t, "[3]", top.String(), "a list at the root")

	var zero Path
	assert.Equal(t, "", zero.String(), "the zero Path is the root, as documented")
	zf := zero.Field("a")
	zi := zf.Index(2)
	assert.Equal(t, "a[2]", zi.String(), "paths built on the zero Path read like paths built on Root")
}

func TestJoin(t *testing.T) {
	assert.Equal(t, "product.composition", Join("product", "composition"))
	assert.Equal(t, "studies[1]", Join("studies", "[1]"))
	assert.Equal(t, "product", Join("product", ""))
	assert.Equal(t, "x", Join("", "x"))
}

func TestStringDoesNotAllocateSteps(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		root := Root()
		a := root.Field("release")
		b := a.Field("tests")
		c := b.Index(3)
		if c.String() != "release.tests[3]" {
			t.Fatal("wrong path")
		}
	})
	assert.LessOrEqual(t, allocs, 2.0, "only the rendered string is allocated")
}

func TestSplit(t *testing.T) {
	tests := []struct {
		path string
		want []string
		why  string
	}{
		{"", nil, "the empty path has no steps"},
		{"a.b[2].c", []string{"a", "b", "[2]", "c"}, "fields and an index"},
		{`tags["x.y"][0]`, []string{"tags", `["x.y"]`, "[0]"}, "a quoted key holding a dot"},
		{`tags["q\"]k"]`, []string{"tags", `["q\"]k"]`}, "a quoted key holding an escaped quote and a bracket"},
		{"a[1", []string{"a", "[1"}, "an unterminated bracket stays whole"},
		{"[3].x", []string{"[3]", "x"}, "a list at the root"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Split(tt.path), tt.why)
	}
	assert.Equal(t, "unit", KeyStep("unit"))
	assert.Equal(t, `["a b"]`, KeyStep("a b"))
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
		why  string
	}{
		{"[2]", "[10]", -1, "indexes compare as numbers"},
		{"[10]", "[2]", 1, "and the other way round"},
		{"a[9].x", "a[10]", -1, "a shorter index is smaller whatever follows"},
		{"a[10]", "a[10].b", -1, "a path sorts before the paths below it"},
		{"a[10].b", "b", -1, "fields still compare as text"},
		{"a[12]", "a[13]", -1, "equal lengths compare digit by digit"},
		{"a1", "a10", -1, "digits in a field name are text"},
		{"a2", "a10", 1, "so a2 sorts after a10"},
		{"x", "x", 0, "equal paths"},
		{"", "[0]", -1, "the root comes first"},
		{`["k9"]`, `["k10"]`, 1, "digits in a quoted key are text"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Compare(tt.a, tt.b), "%s vs %s: %s", tt.a, tt.b, tt.why)
	}
}
