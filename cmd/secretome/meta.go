package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/message"
)

// metaSchemaVersion names the JSON output format of the meta command.
const metaSchemaVersion = "secretomekit/meta/v1"

// metaOutput is the JSON output of "secretome meta --format json". Every
// figure is under metafor's own name.
type metaOutput struct {
	Schema    string                    `json:"schema"`
	Source    string                    `json:"source"`
	Model     any                       `json:"model"`
	ConfInt   *evidence.HeterogeneityCI `json:"confint,omitempty"`
	RegTest   *evidence.RegTest         `json:"regtest,omitempty"`
	RankTest  *evidence.RankTest        `json:"ranktest,omitempty"`
	TrimFill  *evidence.TrimFill        `json:"trimfill,omitempty"`
	LeaveOne  []evidence.Step           `json:"leave1out,omitempty"`
	Cumul     []evidence.Step           `json:"cumul,omitempty"`
	Influence []evidence.Influence      `json:"influence,omitempty"`
	Subgroups *evidence.Subgroups       `json:"subgroups,omitempty"`
	Plots     []string                  `json:"plots,omitempty"`
}

// metaRun holds the parsed flags of one meta run.
type metaRun struct {
	lang                                                              language.Tag // of the messages
	measure                                                           evidence.Measure
	method                                                            string
	test                                                              string
	level                                                             float64
	mods                                                              []string
	factors                                                           []string
	by                                                                string
	svgDir                                                            string
	format                                                            string
	threshold                                                         float64
	order                                                             string
	estimator                                                         evidence.Estimator
	side                                                              evidence.Side
	confint, regtest, ranktest, trimfill, leave1out, cumul, influence bool
}

func runMeta(e *env, args []string) (int, error) {
	fs := newFlagSet(e, "meta", "[flags] STUDIES.csv")
	measure := fs.String("measure", "", e.say("cli.flag.meta.measure"))
	method := fs.String("method", "REML", e.say("cli.flag.meta.method"))
	test := &choiceFlag{value: "z", allowed: []string{"z", "knha"}}
	fs.Var(test, "test", e.say("cli.flag.meta.test"))
	level := fs.Float64("level", 95, e.say("cli.flag.meta.level"))
	mods := fs.String("mods", "", e.say("cli.flag.meta.mods"))
	factors := fs.String("factors", "", e.say("cli.flag.meta.factors"))
	by := fs.String("by", "", e.say("cli.flag.meta.by"))
	svgDir := fs.String("svg", "", e.say("cli.flag.meta.svg"))
	format := &choiceFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", e.say("cli.flag.format_text_json"))
	threshold := fs.Float64("threshold", 0, e.say("cli.flag.meta.threshold"))
	order := fs.String("order", "", e.say("cli.flag.meta.order"))
	estimator := &choiceFlag{value: "L0", allowed: []string{"L0", "R0"}}
	fs.Var(estimator, "estimator", e.say("cli.flag.meta.estimator"))
	side := &choiceFlag{value: "auto", allowed: []string{"auto", "left", "right"}}
	fs.Var(side, "side", e.say("cli.flag.meta.side"))
	r := metaRun{lang: e.lang}
	fs.BoolVar(&r.confint, "confint", false, e.say("cli.flag.meta.confint"))
	fs.BoolVar(&r.regtest, "regtest", false, e.say("cli.flag.meta.regtest"))
	fs.BoolVar(&r.ranktest, "ranktest", false, e.say("cli.flag.meta.ranktest"))
	fs.BoolVar(&r.trimfill, "trimfill", false, e.say("cli.flag.meta.trimfill"))
	fs.BoolVar(&r.leave1out, "leave1out", false, e.say("cli.flag.meta.leave1out"))
	fs.BoolVar(&r.cumul, "cumul", false, e.say("cli.flag.meta.cumul"))
	fs.BoolVar(&r.influence, "influence", false, e.say("cli.flag.meta.influence"))
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(paths) != 1 {
		return exitUsage, usageIn(e.lang, "cli.meta.one_file")
	}
	if *measure == "" {
		return exitUsage, usageIn(e.lang, "cli.meta.measure_required")
	}
	m, err := evidence.ParseMeasure(strings.ToLower(*measure))
	if err != nil {
		return exitUsage, flagValueError(e.lang, "measure", err)
	}
	if !(*level > 0 && *level < 100) {
		return exitUsage, usageIn(e.lang, "cli.meta.level", message.Text(fmt.Sprint(*level)))
	}
	if !(*threshold >= 0) {
		return exitUsage, usageIn(e.lang, "cli.meta.threshold", message.Text(fmt.Sprint(*threshold)))
	}
	r.measure, r.method, r.test, r.level, r.by, r.svgDir, r.format, r.threshold, r.order =
		m, strings.ToUpper(*method), test.value, *level/100, *by, *svgDir, format.value, *threshold, *order
	r.mods, r.factors = splitList(*mods), splitList(*factors)
	if estimator.value == "R0" {
		r.estimator = evidence.EstimatorR0
	}
	r.side = map[string]evidence.Side{"auto": evidence.SideAuto, "left": evidence.SideLeft, "right": evidence.SideRight}[side.value]
	if r.method != "MH" && r.method != "PETO" {
		if _, err := evidence.ParseMetaforMethod(r.method); err != nil {
			return exitUsage, usageIn(e.lang, "cli.meta.method", message.Of(err))
		}
	}
	var in io.Reader
	src := paths[0]
	if src == "-" {
		in, src = e.stdin, "standard input"
	} else {
		f, err := os.Open(src)
		if err != nil {
			return exitUsage, err
		}
		defer f.Close()
		in = f
	}
	tab, err := evidence.ReadTable(in)
	if err != nil {
		return exitUsage, fmt.Errorf("%s: %w", src, err)
	}
	out, err := r.analyse(tab, src)
	if err != nil {
		return exitUsage, fmt.Errorf("%s: %w", src, err)
	}
	if r.format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return exitOK, enc.Encode(out)
	}
	var b bytes.Buffer
	writeMetaText(&b, out)
	_, err = e.stdout.Write(b.Bytes())
	return exitOK, err
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// analyse runs the analyses asked for.
func (r *metaRun) analyse(tab *evidence.Table, src string) (*metaOutput, error) {
	out := &metaOutput{Schema: metaSchemaVersion, Source: src}
	if r.method == "MH" || r.method == "PETO" {
		if len(r.mods) > 0 || r.by != "" || r.confint || r.regtest || r.ranktest || r.trimfill || r.leave1out || r.cumul || r.influence {
			return nil, usageIn(r.lang, "cli.meta.counts_only", message.Text(r.method))
		}
		counts, err := tab.Counts()
		if err != nil {
			return nil, err
		}
		var res *evidence.CountsResult
		if r.method == "MH" {
			res, err = evidence.MantelHaenszel(counts, r.measure, r.level)
		} else {
			if r.measure != evidence.MeasureOR {
				return nil, usageIn(r.lang, "cli.meta.peto")
			}
			res, err = evidence.Peto(counts, r.level)
		}
		if err != nil {
			return nil, err
		}
		out.Model = res
		return out, nil
	}
	effects, err := tab.Effects(r.measure)
	if err != nil {
		return nil, err
	}
	meth, _ := evidence.ParseMetaforMethod(r.method)
	opts := evidence.FitOptions{PoolOptions: evidence.PoolOptions{Method: meth, HartungKnapp: r.test == "knha", Level: r.level, Threshold: r.threshold}}
	var mods []evidence.Moderator
	for _, name := range r.mods {
		mod, err := tab.Moderator(name, contains(r.factors, name))
		if err != nil {
			return nil, err
		}
		mods = append(mods, mod)
	}
	model, err := evidence.Fit(effects, mods, opts)
	if err != nil {
		return nil, err
	}
	out.Model = model
	if r.by != "" {
		g, err := tab.Moderator(r.by, true)
		if err != nil {
			return nil, err
		}
		if out.Subgroups, err = evidence.SubgroupAnalysis(effects, g, opts); err != nil {
			return nil, err
		}
	}
	if r.confint {
		if out.ConfInt, err = model.ConfInt(); err != nil {
			return nil, fmt.Errorf("--confint: %w", err)
		}
	}
	if r.regtest {
		if out.RegTest, err = model.RegTest(); err != nil {
			return nil, fmt.Errorf("--regtest: %w", err)
		}
	}
	if r.ranktest {
		if out.RankTest, err = model.RankTest(); err != nil {
			return nil, fmt.Errorf("--ranktest: %w", err)
		}
	}
	if r.trimfill {
		if out.TrimFill, err = model.TrimFill(evidence.TrimFillOptions{Estimator: r.estimator, Side: r.side}); err != nil {
			return nil, fmt.Errorf("--trimfill: %w", err)
		}
	}
	if r.leave1out {
		if out.LeaveOne, err = model.LeaveOneOut(); err != nil {
			return nil, fmt.Errorf("--leave1out: %w", err)
		}
	}
	if r.cumul {
		var order []int
		if r.order != "" {
			col, err := tab.Moderator(r.order, false)
			if err != nil {
				return nil, fmt.Errorf("--order: %w", err)
			}
			order = make([]int, len(effects))
			for i := range order {
				order[i] = i
			}
			if col.Values != nil {
				sort.SliceStable(order, func(a, b int) bool { return col.Values[order[a]] < col.Values[order[b]] })
			} else {
				sort.SliceStable(order, func(a, b int) bool { return col.Levels[order[a]] < col.Levels[order[b]] })
			}
		}
		if out.Cumul, err = model.Cumulative(order); err != nil {
			return nil, fmt.Errorf("--cumul: %w", err)
		}
	}
	if r.influence {
		if out.Influence, err = model.Influence(); err != nil {
			return nil, fmt.Errorf("--influence: %w", err)
		}
	}
	if r.svgDir != "" {
		if err := r.plots(out, effects, model, opts); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// plots writes the forest and funnel plots of a model without moderators.
func (r *metaRun) plots(out *metaOutput, effects []evidence.Effect, model *evidence.Model, opts evidence.FitOptions) error {
	if model.P != 1 {
		return usageIn(r.lang, "cli.meta.svg")
	}
	if err := os.MkdirAll(r.svgDir, 0o755); err != nil {
		return err
	}
	pooled, err := evidence.Pool(effects, opts.PoolOptions)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := evidence.WriteForestSVG(&b, effects, pooled, evidence.ForestOptions{}); err != nil {
		return err
	}
	forest := filepath.Join(r.svgDir, "forest.svg")
	if err := os.WriteFile(forest, b.Bytes(), 0o644); err != nil {
		return err
	}
	b.Reset()
	fo := evidence.FunnelOptions{}
	if out.TrimFill != nil {
		fo.Filled = out.TrimFill.Filled
	}
	if err := evidence.WriteFunnelSVG(&b, effects, model, fo); err != nil {
		return err
	}
	funnel := filepath.Join(r.svgDir, "funnel.svg")
	if err := os.WriteFile(funnel, b.Bytes(), 0o644); err != nil {
		return err
	}
	out.Plots = []string{forest, funnel}
	return nil
}

// f4 formats a figure with four decimals, as metafor prints by default.
func f4(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	if s == "-0.0000" {
		s = "0.0000"
	}
	return s
}

// pval formats a p-value as metafor does ("<.0001" below 1e-4).
func pval(p float64) string {
	if p < 1e-4 {
		return "<.0001"
	}
	return f4(p)
}

// pvalEq formats "p-val = x" or "p-val < .0001".
func pvalEq(p float64) string {
	if p < 1e-4 {
		return "p-val < .0001"
	}
	return "p-val = " + f4(p)
}

func stars(p float64) string {
	switch {
	case p < 0.001:
		return "***"
	case p < 0.01:
		return "**"
	case p < 0.05:
		return "*"
	case p < 0.1:
		return "."
	}
	return ""
}

// writeMetaText prints the results laid out like metafor's print methods.
func writeMetaText(b *bytes.Buffer, out *metaOutput) {
	switch m := out.Model.(type) {
	case *evidence.Model:
		writeModelText(b, m)
	case *evidence.CountsResult:
		writeCountsText(b, m)
	}
	if ci := out.ConfInt; ci != nil {
		fmt.Fprintf(b, "\nHeterogeneity (Q-profile %s%% CI):\n\n", trimPercent(ci.Level))
		rows := [][]string{{"", "estimate", "ci.lb", "ci.ub"}}
		for _, r := range []struct {
			n string
			v evidence.Bound
		}{{"tau^2", ci.Tau2}, {"tau", ci.Tau}, {"I^2(%)", ci.I2}, {"H^2", ci.H2}} {
			rows = append(rows, []string{r.n, f4(r.v.Estimate), f4(r.v.Lower), f4(r.v.Upper)})
		}
		writeTable(b, rows)
	}
	if rt := out.RegTest; rt != nil {
		b.WriteString("\nRegression Test for Funnel Plot Asymmetry (predictor: standard error):\n\n")
		if rt.DF > 0 {
			fmt.Fprintf(b, "t = %s, df = %d, %s\n", f4(rt.Statistic), rt.DF, pvalEq(rt.P))
		} else {
			fmt.Fprintf(b, "z = %s, %s\n", f4(rt.Statistic), pvalEq(rt.P))
		}
		if rt.HasLimit {
			fmt.Fprintf(b, "Limit Estimate (as sei -> 0): b = %s (CI: %s, %s)\n", f4(rt.Limit), f4(rt.CI.Lower), f4(rt.CI.Upper))
		}
	}
	if rk := out.RankTest; rk != nil {
		fmt.Fprintf(b, "\nRank Correlation Test for Funnel Plot Asymmetry:\n\nKendall's tau = %s, %s\n", f4(rk.Tau), strings.Replace(pvalEq(rk.P), "p-val", "p", 1))
	}
	if tf := out.TrimFill; tf != nil {
		fmt.Fprintf(b, "\nTrim-and-Fill (estimator %s): estimated number of missing studies on the %s side: %d (SE = %s)\n", tf.Estimator, tf.Side, tf.K0, f4(tf.SEK0))
		for _, e := range tf.Filled {
			fmt.Fprintf(b, "  %s: yi = %s, vi = %s\n", e.Label, f4(e.Yi), f4(e.Vi))
		}
		if tf.K0 > 0 {
			b.WriteString("\n")
			writeModelText(b, tf.Model)
		}
	}
	for _, s := range []struct {
		title string
		steps []evidence.Step
	}{{"Leave-one-out (each row leaves out the study named)", out.LeaveOne}, {"Cumulative meta-analysis (each row adds the study named)", out.Cumul}} {
		if s.steps == nil {
			continue
		}
		fmt.Fprintf(b, "\n%s:\n\n", s.title)
		rows := [][]string{{"", "estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2"}}
		for _, st := range s.steps {
			rows = append(rows, []string{st.Label, f4(st.Estimate), f4(st.SE), f4(st.Statistic), pval(st.P), f4(st.CILower), f4(st.CIUpper), f4(st.Q), pval(st.QP), f4(st.Tau2), f4(st.I2), f4(st.H2)})
		}
		writeTable(b, rows)
	}
	if out.Influence != nil {
		b.WriteString("\nInfluence diagnostics:\n\n")
		rows := [][]string{{"", "rstudent", "dffits", "cook.d", "cov.r", "tau2.del", "QE.del", "hat", "weight", "inf"}}
		for _, in := range out.Influence {
			flag := ""
			if in.Influential {
				flag = "*"
			}
			rows = append(rows, []string{in.Label, f4(in.RStudent), f4(in.DFFITS), f4(in.CookD), f4(in.CovRatio), f4(in.Tau2Del), f4(in.QEDel), f4(in.Hat), f4(in.Weight), flag})
		}
		writeTable(b, rows)
	}
	if sg := out.Subgroups; sg != nil {
		fmt.Fprintf(b, "\nSubgroups by %s (separate tau² per subgroup):\n\n", sg.Name)
		rows := [][]string{{"", "k", "estimate", "se", "ci.lb", "ci.ub", "pval", "tau2", "I2", "QE", "QEp"}}
		for _, g := range sg.Groups {
			c := g.Model.Estimate()
			rows = append(rows, []string{g.Level, strconv.Itoa(g.Model.K), f4(c.Estimate), f4(c.SE), f4(c.CI.Lower), f4(c.CI.Upper), pval(c.P), f4(g.Model.Tau2), f4(g.Model.I2), f4(g.Model.QE), pval(g.Model.QEP)})
		}
		writeTable(b, rows)
		fmt.Fprintf(b, "\nTest for Subgroup Differences:\nQM(df = %d) = %s, %s\n", sg.QMDF, f4(sg.QM), pvalEq(sg.QMP))
	}
	for _, p := range out.Plots {
		fmt.Fprintf(b, "\nwrote %s", p)
	}
	if len(out.Plots) > 0 {
		b.WriteString("\n")
	}
}

func trimPercent(level float64) string {
	return strconv.FormatFloat(level*100, 'f', -1, 64)
}

func writeModelText(b *bytes.Buffer, m *evidence.Model) {
	kind := "Random-Effects Model"
	if m.P > 1 {
		kind = "Mixed-Effects Model"
	}
	meth, _ := m.Method.MarshalText()
	if !m.Method.IsRandom() {
		kind = "Equal-Effects Model"
		if m.P > 1 {
			kind = "Equal-Effects with Moderators Model"
		}
		fmt.Fprintf(b, "%s (k = %d)\n\n", kind, m.K)
	} else {
		fmt.Fprintf(b, "%s (k = %d; tau^2 estimator: %s)\n\n", kind, m.K, strings.ToUpper(string(meth)))
		what, share, ratio := "total heterogeneity", "total heterogeneity / total variability", "total variability / sampling variability"
		if m.P > 1 {
			what, share, ratio = "residual heterogeneity", "residual heterogeneity / unaccounted variability", "unaccounted variability / sampling variability"
		}
		rows := [][]string{
			{fmt.Sprintf("tau^2 (estimated amount of %s):", what), fmt.Sprintf("%s (SE = %s)", f4(m.Tau2), f4(m.SETau2))},
			{"tau (square root of estimated tau^2 value):", f4(m.Tau)},
			{fmt.Sprintf("I^2 (%s):", share), strconv.FormatFloat(m.I2, 'f', 2, 64) + "%"},
			{fmt.Sprintf("H^2 (%s):", ratio), strconv.FormatFloat(m.H2, 'f', 2, 64)},
		}
		if m.HasR2 {
			rows = append(rows, []string{"R^2 (amount of heterogeneity accounted for):", strconv.FormatFloat(m.R2, 'f', 2, 64) + "%"})
		}
		w := 0
		for _, r := range rows {
			w = max(w, len(r[0]))
		}
		for _, r := range rows {
			fmt.Fprintf(b, "%-*s %s\n", w, r[0], r[1])
		}
		b.WriteString("\n")
	}
	if m.P > 1 {
		fmt.Fprintf(b, "Test for Residual Heterogeneity:\nQE(df = %d) = %s, %s\n\n", m.QEDF, f4(m.QE), pvalEq(m.QEP))
		first := 2
		if m.QMDF == m.P {
			first = 1
		}
		if m.HartungKnapp {
			fmt.Fprintf(b, "Test of Moderators (coefficients %d:%d):\nF(df1 = %d, df2 = %d) = %s, %s\n\n", first, m.P, m.QMDF, m.DF, f4(m.QM), pvalEq(m.QMP))
		} else {
			fmt.Fprintf(b, "Test of Moderators (coefficients %d:%d):\nQM(df = %d) = %s, %s\n\n", first, m.P, m.QMDF, f4(m.QM), pvalEq(m.QMP))
		}
	} else {
		fmt.Fprintf(b, "Test for Heterogeneity:\nQ(df = %d) = %s, %s\n\n", m.QEDF, f4(m.QE), pvalEq(m.QEP))
	}
	b.WriteString("Model Results:\n\n")
	stat := "zval"
	if m.HartungKnapp {
		stat = "tval"
	}
	rows := [][]string{{"", "estimate", "se", stat, "pval", "ci.lb", "ci.ub", ""}}
	if m.P == 1 {
		rows[0] = rows[0][1:]
	}
	for _, c := range m.Coefficients {
		row := []string{c.Name, f4(c.Estimate), f4(c.SE), f4(c.Statistic), pval(c.P), f4(c.CI.Lower), f4(c.CI.Upper), stars(c.P)}
		if m.P == 1 {
			row = row[1:]
		}
		rows = append(rows, row)
	}
	writeTable(b, rows)
	if m.PI != nil && m.Method.IsRandom() {
		fmt.Fprintf(b, "\nPrediction interval: pi.lb = %s, pi.ub = %s\n", f4(m.PI.Lower), f4(m.PI.Upper))
	}
	if m.Measure.IsRatio() && m.P == 1 {
		c := m.Estimate()
		fmt.Fprintf(b, "Back-transformed (%s): %s [%s, %s]\n", strings.ToUpper(m.Measure.String()), f4(math.Exp(c.Estimate)), f4(math.Exp(c.CI.Lower)), f4(math.Exp(c.CI.Upper)))
	}
}

func writeCountsText(b *bytes.Buffer, r *evidence.CountsResult) {
	name := "Mantel-Haenszel"
	if r.Method == "PETO" {
		name = "Peto's"
	}
	fmt.Fprintf(b, "Equal-Effects Model (k = %d), %s method\n\n", r.K, name)
	fmt.Fprintf(b, "I^2 (total heterogeneity / total variability):  %s%%\n", strconv.FormatFloat(r.I2, 'f', 2, 64))
	fmt.Fprintf(b, "H^2 (total variability / sampling variability): %s\n\n", strconv.FormatFloat(r.H2, 'f', 2, 64))
	fmt.Fprintf(b, "Test for Heterogeneity:\nQ(df = %d) = %s, %s\n\n", r.QEDF, f4(r.QE), pvalEq(r.QEP))
	b.WriteString("Model Results (log scale):\n\n")
	writeTable(b, [][]string{{"estimate", "se", "zval", "pval", "ci.lb", "ci.ub", ""},
		{f4(r.Estimate), f4(r.SE), f4(r.Statistic), pval(r.P), f4(r.CI.Lower), f4(r.CI.Upper), stars(r.P)}})
	if r.Measure.IsRatio() {
		fmt.Fprintf(b, "\nBack-transformed (%s): %s [%s, %s]\n", strings.ToUpper(r.Measure.String()), f4(math.Exp(r.Estimate)), f4(math.Exp(r.CI.Lower)), f4(math.Exp(r.CI.Upper)))
	}
	if r.HasOR {
		fmt.Fprintf(b, "\nCochran-Mantel-Haenszel Test:    CMH = %s, df = 1, %s\n", f4(r.MH), pvalEq(r.MHP))
		fmt.Fprintf(b, "Tarone's Test for Heterogeneity: X^2 = %s, df = %d, %s\n", f4(r.TA), r.TADF, pvalEq(r.TAP))
	}
}

// writeTable writes rows with right-aligned columns (the first column left
// aligned), separated by two spaces.
func writeTable(b *bytes.Buffer, rows [][]string) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-len([]rune(c)))
			if i == 0 && len(r) > 1 && rows[0][0] == "" {
				line.WriteString(c + pad)
			} else {
				line.WriteString(pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}
