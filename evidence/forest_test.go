package evidence_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The -update flag rewrites golden files. Another test file of the package
// may define it too; define it only if nobody has.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// bcgLabelled returns the dat.bcg log risk ratios labelled "Author, year".
func bcgLabelled(t *testing.T) []evidence.Effect {
	t.Helper()
	b, err := os.ReadFile("testdata/bcg.json")
	require.NoError(t, err)
	var fx struct {
		Trials []struct {
			Author                 string
			Year                   int
			Tpos, Tneg, Cpos, Cneg float64
		}
	}
	require.NoError(t, json.Unmarshal(b, &fx))
	out := make([]evidence.Effect, len(fx.Trials))
	for i, tr := range fx.Trials {
		e, err := evidence.RiskRatio(evidence.TwoByTwo{A: tr.Tpos, B: tr.Tneg, C: tr.Cpos, D: tr.Cneg})
		require.NoError(t, err)
		e.Label = fmt.Sprintf("%s, %d", tr.Author, tr.Year)
		out[i] = e
	}
	return out
}

// awkwardMD is a small mean-difference data set whose labels need XML
// escaping and one of whose intervals leaves a fixed axis.
func awkwardMD() []evidence.Effect {
	return []evidence.Effect{
		{Measure: evidence.MeasureMD, Yi: -2.1, Vi: 0.64, Label: `Smith & Jones <2019> "pilot"`},
		{Measure: evidence.MeasureMD, Yi: -0.8, Vi: 0.25, Label: "Müller 'EV' trial"},
		{Measure: evidence.MeasureMD, Yi: -6.5, Vi: 4.0, Label: ""},
		{Measure: evidence.MeasureMD, Yi: 0.4, Vi: 0.36, Label: "Tanaka\x00 2021"},
	}
}

func TestWriteForestSVGGolden(t *testing.T) {
	bcg := bcgLabelled(t)
	bcgKH, err := evidence.Pool(bcg, evidence.PoolOptions{HartungKnapp: true})
	require.NoError(t, err)
	md := awkwardMD()
	mdCE, err := evidence.Pool(md, evidence.PoolOptions{Method: evidence.MethodCommon})
	require.NoError(t, err)
	bcgDL, err := evidence.Pool(bcg, evidence.PoolOptions{Method: evidence.MethodDL, Level: 0.9})
	require.NoError(t, err)

	cases := []struct {
		golden  string
		effects []evidence.Effect
		res     evidence.Result
		opts    evidence.ForestOptions
		why     string
	}{
		{"forest_bcg_reml_knha.golden.svg", bcg, bcgKH, evidence.ForestOptions{
			Title: "BCG vaccine and tuberculosis", FavoursLeft: "Favours vaccine", FavoursRight: "Favours control",
		}, "ratio measure on a log axis, random effects with prediction interval and t test"},
		{"forest_bcg_dl_fixed_axis.golden.svg", bcg, bcgDL, evidence.ForestOptions{
			AxisMin: 0.2, AxisMax: 2, Decimals: 3, Width: 640,
		}, "a fixed axis cuts intervals with arrows; 90 % level"},
		{"forest_md_common.golden.svg", md, mdCE, evidence.ForestOptions{
			StudyHeader: "Trial", EffectLabel: "Pain score difference", AxisMin: -5, AxisMax: 3, Decimals: 1,
		}, "difference measure on a linear axis, common effect, labels needing escapes, a point off the axis"},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, evidence.WriteForestSVG(&buf, c.effects, c.res, c.opts), c.why)
			path := filepath.Join("testdata", c.golden)
			if updateGolden() {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "golden file missing; run go test -run TestWriteForestSVGGolden -update")
			assert.Equal(t, string(want), buf.String(), "%s (run with -update after an intended change)", c.why)

			var again bytes.Buffer
			require.NoError(t, evidence.WriteForestSVG(&again, c.effects, c.res, c.opts))
			assert.Equal(t, buf.String(), again.String(), "output is deterministic")
		})
	}
}

// svgSummary is what parsing the SVG with encoding/xml finds.
type svgSummary struct {
	root     string
	version  string
	texts    []string // content of <text> elements, without their <title>
	titles   []string // content of every <title>
	classes  map[string]int
	elements int
}

func parseSVG(t *testing.T, data []byte) svgSummary {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	s := svgSummary{classes: map[string]int{}}
	var inText, inTitle bool
	var cur, title strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the SVG is well-formed XML")
		switch el := tok.(type) {
		case xml.StartElement:
			s.elements++
			if s.root == "" {
				s.root = el.Name.Space + " " + el.Name.Local
				for _, a := range el.Attr {
					if a.Name.Local == "version" {
						s.version = a.Value
					}
				}
			}
			for _, a := range el.Attr {
				if a.Name.Local == "class" {
					s.classes[el.Name.Local+"."+a.Value]++
				}
			}
			switch el.Name.Local {
			case "text":
				inText = true
				cur.Reset()
			case "title":
				inTitle = true
				title.Reset()
			}
		case xml.CharData:
			switch {
			case inTitle:
				title.Write(el)
			case inText:
				cur.Write(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "text":
				inText = false
				s.texts = append(s.texts, cur.String())
			case "title":
				inTitle = false
				s.titles = append(s.titles, title.String())
			}
		}
	}
	return s
}

func TestWriteForestSVGParses(t *testing.T) {
	md := awkwardMD()
	res, err := evidence.Pool(md, evidence.PoolOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, evidence.WriteForestSVG(&buf, md, res, evidence.ForestOptions{Title: "A < B & C"}))

	s := parseSVG(t, buf.Bytes())
	assert.Equal(t, "http://www.w3.org/2000/svg svg", s.root, "root is an SVG element in the SVG namespace")
	assert.Equal(t, "1.1", s.version)
	assert.Equal(t, len(md), s.classes["g.study"], "one row per study")
	assert.Equal(t, len(md), s.classes["rect.box"], "one square per study inside an automatic axis")
	assert.Equal(t, 1, s.classes["polygon.diamond"], "one pooled diamond")
	assert.Equal(t, 1, s.classes["line.pi"], "REML draws the prediction interval")
	assert.Equal(t, 1, s.classes["line.null"], "the line of no effect")
	assert.Contains(t, s.texts, `Smith & Jones <2019> "pilot"`, "labels survive escaping unchanged")
	assert.Contains(t, s.texts, "Müller 'EV' trial")
	assert.Contains(t, s.texts, "Study 3", "an empty label is numbered")
	assert.Contains(t, s.texts, "Tanaka\uFFFD 2021", "a character XML forbids is replaced, not dropped silently")
	assert.Contains(t, s.texts, "A < B & C", "the title is escaped too")
	assert.Contains(t, s.titles, "A < B & C", "the document title")

	common, err := evidence.Pool(md, evidence.PoolOptions{Method: evidence.MethodCommon})
	require.NoError(t, err)
	buf.Reset()
	require.NoError(t, evidence.WriteForestSVG(&buf, md, common, evidence.ForestOptions{}))
	s = parseSVG(t, buf.Bytes())
	assert.Zero(t, s.classes["line.pi"], "a common-effect model has no prediction interval")
}

func TestWriteForestSVGLongLabels(t *testing.T) {
	long := "A very long study label that names the trial, its sponsor, the country & the year <2024>"
	huge := strings.Repeat("Overlong-label-without-spaces ", 40)
	md := awkwardMD()
	md[1].Label = long
	md[2].Label = huge
	res, err := evidence.Pool(md, evidence.PoolOptions{})
	require.NoError(t, err)
	squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	for _, width := range []int{480, 800, 1600} {
		var buf bytes.Buffer
		require.NoError(t, evidence.WriteForestSVG(&buf, md, res, evidence.ForestOptions{Width: width}))
		s := parseSVG(t, buf.Bytes())
		var drawn, cut string
		for _, txt := range s.texts {
			if strings.HasPrefix(txt, "A very long") {
				drawn = txt
			}
			if strings.HasPrefix(txt, "Overlong") {
				cut = txt
			}
		}
		assert.Equal(t, squash(long), squash(drawn), "width %d: a long label wraps and is drawn in full", width)
		assert.NotContains(t, s.titles, long, "width %d: a wrapped label needs no <title>", width)
		assert.True(t, strings.HasSuffix(cut, "…"), "width %d: a label beyond six lines ends in an ellipsis: %q", width, cut)
		assert.True(t, strings.HasPrefix(squash(huge), squash(strings.TrimSuffix(cut, "…"))), "width %d: shortening keeps the start: %q", width, cut)
		assert.Contains(t, s.titles, huge, "width %d: the full label of a shortened one is kept in a <title>", width)
		if width >= 800 {
			assert.Contains(t, s.texts, `Smith & Jones <2019> "pilot"`, "width %d: a label that fits is not changed", width)
		}
	}
}

func TestWriteForestSVGTicks(t *testing.T) {
	bcg := bcgLabelled(t)
	res, err := evidence.Pool(bcg, evidence.PoolOptions{})
	require.NoError(t, err)
	cases := []struct {
		name     string
		opts     evidence.ForestOptions
		contains []string
	}{
		{"automatic log axis, about two decades", evidence.ForestOptions{}, []string{"0.1", "0.2", "0.5", "1", "2", "5"}},
		{"narrow ratio axis uses decimal steps", evidence.ForestOptions{AxisMin: 0.8, AxisMax: 1.25}, []string{"0.8", "0.9", "1.0", "1.1", "1.2"}},
		{"wide ratio axis uses powers of ten", evidence.ForestOptions{AxisMin: 0.001, AxisMax: 1000}, []string{"0.001", "0.01", "0.1", "1", "10", "100", "1000"}},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		require.NoError(t, evidence.WriteForestSVG(&buf, bcg, res, c.opts), c.name)
		s := parseSVG(t, buf.Bytes())
		var ticks []string
		for _, txt := range s.texts {
			if strings.HasPrefix(txt, "0") || strings.HasPrefix(txt, "1") || strings.HasPrefix(txt, "2") || strings.HasPrefix(txt, "5") {
				if !strings.Contains(txt, "[") && !strings.Contains(txt, "%") {
					ticks = append(ticks, txt)
				}
			}
		}
		assert.Equal(t, c.contains, ticks, c.name)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteForestSVGErrors(t *testing.T) {
	bcg := bcgLabelled(t)
	res, err := evidence.Pool(bcg, evidence.PoolOptions{})
	require.NoError(t, err)

	err = evidence.WriteForestSVG(failingWriter{}, bcg, res, evidence.ForestOptions{})
	assert.ErrorContains(t, err, "disk full", "write errors are returned")

	other := append([]evidence.Effect(nil), bcg...)
	other[2].Measure = evidence.MeasureOR
	nanVi := append([]evidence.Effect(nil), bcg...)
	nanVi[4].Vi = 0

	cases := []struct {
		name    string
		effects []evidence.Effect
		opts    evidence.ForestOptions
		paths   []string
	}{
		{"fewer effects than pooled", bcg[:5], evidence.ForestOptions{}, []string{"result"}},
		{"a different measure", other, evidence.ForestOptions{}, []string{"effects[2].measure"}},
		{"a zero variance", nanVi, evidence.ForestOptions{}, []string{"effects[4].vi"}},
		{"reversed axis", bcg, evidence.ForestOptions{AxisMin: 2, AxisMax: 0.5}, []string{"axis_max"}},
		{"ratio axis through zero", bcg, evidence.ForestOptions{AxisMin: -1, AxisMax: 2}, []string{"axis_min"}},
		{"too narrow", bcg, evidence.ForestOptions{Width: 200}, []string{"width"}},
		{"too many decimals", bcg, evidence.ForestOptions{Decimals: 9}, []string{"decimals"}},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		err := evidence.WriteForestSVG(&buf, c.effects, res, c.opts)
		require.Error(t, err, c.name)
		assert.Equal(t, c.paths, problemPaths(t, err), c.name)
		assert.Zero(t, buf.Len(), "%s: nothing is written on bad input", c.name)
	}
	var buf bytes.Buffer
	err = evidence.WriteForestSVG(&buf, nil, evidence.Result{}, evidence.ForestOptions{})
	assert.Error(t, err, "nothing to plot")
}

func FuzzWriteForestSVGLabel(f *testing.F) {
	for _, s := range []string{"Smith 2020", "a < b & c > d", "\"quoted\" 'single'", "\x00\x01\xff", "ünïcödé ✓", "]]><!--", strings.Repeat("long ", 40)} {
		f.Add(s, "Title & <co>")
	}
	f.Fuzz(func(t *testing.T, label, title string) {
		effects := []evidence.Effect{
			{Measure: evidence.MeasureOR, Yi: -0.3, Vi: 0.04, Label: label},
			{Measure: evidence.MeasureOR, Yi: 0.1, Vi: 0.09, Label: label + label},
		}
		res, err := evidence.Pool(effects, evidence.PoolOptions{Method: evidence.MethodDL})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := evidence.WriteForestSVG(&buf, effects, res, evidence.ForestOptions{Title: title}); err != nil {
			t.Fatal(err)
		}
		s := parseSVG(t, buf.Bytes())
		if s.classes["g.study"] != 2 {
			t.Fatalf("want 2 study rows, got %d", s.classes["g.study"])
		}
	})
}

// A fixed axis only a few float64 steps wide once made the tick loop
// spin forever (the tick index stopped growing past 2^53). The plot must
// now come back at once, without ticks it cannot place.
func TestWriteForestSVGAxisNarrowerThanFloat(t *testing.T) {
	md := []evidence.Effect{{Measure: evidence.MeasureMD, Yi: 1, Vi: 0.1}, {Measure: evidence.MeasureMD, Yi: 2, Vi: 0.2}}
	mdRes, err := evidence.Pool(md, evidence.PoolOptions{})
	require.NoError(t, err)
	rr := []evidence.Effect{{Measure: evidence.MeasureRR, Yi: 0.1, Vi: 0.1}, {Measure: evidence.MeasureRR, Yi: 0.2, Vi: 0.2}}
	rrRes, err := evidence.Pool(rr, evidence.PoolOptions{})
	require.NoError(t, err)
	cases := []struct {
		name    string
		effects []evidence.Effect
		res     evidence.Result
		opts    evidence.ForestOptions
	}{
		{"difference axis two ulps wide", md, mdRes, evidence.ForestOptions{AxisMin: 1e5, AxisMax: 1e5 + 2e-11}},
		{"ratio axis one ulp wide", rr, rrRes, evidence.ForestOptions{AxisMin: 1, AxisMax: 1.0000000000000002}},
		{"difference axis wider than float64", md, mdRes, evidence.ForestOptions{AxisMin: -1e308, AxisMax: 1e308}},
	}
	for _, c := range cases {
		done := make(chan error, 1)
		var buf bytes.Buffer
		go func() { done <- evidence.WriteForestSVG(&buf, c.effects, c.res, c.opts) }()
		select {
		case err := <-done:
			require.NoError(t, err, c.name)
			s := parseSVG(t, buf.Bytes())
			assert.Equal(t, len(c.effects), s.classes["g.study"], "%s: every study is still drawn", c.name)
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: WriteForestSVG did not return", c.name)
		}
	}
}

// Any finite axis the options accept must draw, and quickly: the seeds
// include axes narrower than float64 can step through.
func FuzzWriteForestSVGAxis(f *testing.F) {
	f.Add(1e5, 1e5+2e-11, false)
	f.Add(1.0, 1.0000000000000002, true)
	f.Add(-1e308, 1e308, false)
	f.Add(0.001, 1000.0, true)
	f.Add(-3.0, 2.0, false)
	f.Fuzz(func(t *testing.T, lo, hi float64, ratio bool) {
		m := evidence.MeasureMD
		if ratio {
			m = evidence.MeasureOR
		}
		effects := []evidence.Effect{{Measure: m, Yi: -0.3, Vi: 0.04}, {Measure: m, Yi: 0.1, Vi: 0.09}}
		res, err := evidence.Pool(effects, evidence.PoolOptions{Method: evidence.MethodDL})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := evidence.WriteForestSVG(&buf, effects, res, evidence.ForestOptions{AxisMin: lo, AxisMax: hi}); err != nil {
			if _, ok := secretome.AsValidationError(err); !ok {
				t.Fatalf("want a validation error for a rejected axis, got %v", err)
			}
			return
		}
		parseSVG(t, buf.Bytes())
	})
}
