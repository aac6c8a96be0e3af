package evidence

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openregen/secretomekit/secretome"
)

// ForestOptions configures WriteForestSVG. The zero value draws a plot
// 800 pixels wide with an automatic axis and estimates to 2 decimals.
type ForestOptions struct {
	// Title is drawn above the plot when not empty.
	Title string
	// StudyHeader heads the label column; empty means "Study".
	StudyHeader string
	// EffectLabel names the axis; empty means the measure's name, such as
	// "Risk ratio" or "Mean difference".
	EffectLabel string
	// FavoursLeft and FavoursRight, when set, are printed under the axis
	// on either side of the line of no effect (for example "Favours
	// vaccine" and "Favours control").
	FavoursLeft, FavoursRight string
	// Decimals is the number of decimals of the estimates in the text
	// column, 1 to 6; 0 means 2.
	Decimals int
	// Width is the width of the image in pixels, at least 480; 0 means 800.
	Width int
	// AxisMin and AxisMax fix the axis on the reading scale (ratios as
	// ratios, which must then be positive). Leaving both 0 chooses a range
	// that shows every interval and the line of no effect. Intervals that
	// leave a fixed axis are cut at its edge and end in an arrow; a point
	// estimate outside it is not drawn, but its numbers are still printed.
	AxisMin, AxisMax float64
}

// Forest plot geometry, in pixels.
const (
	forestRowHeight = 22
	forestMargin    = 10
	forestMaxBox    = 14 // side of the square of the heaviest study
	forestMinBox    = 4
	forestDiamond   = 7 // half-height of the pooled diamond
	forestFontSize  = 12
)

// WriteForestSVG draws a forest plot of the effects and their pooled
// result as a standalone SVG 1.1 document, using only the standard
// library. res must be the result of Pool on exactly these effects.
//
// Each study gets a row with its label (Effect.Label, or "Study n" when
// empty), its confidence interval at res.Level as a line, its estimate as
// a square whose area is proportional to its weight, and columns with the
// estimate, interval and weight in percent. Below follow the pooled
// estimate as a diamond spanning its confidence interval, the prediction
// interval for random-effects models, and a line with the heterogeneity
// statistics. Ratio measures are drawn on a log axis with their ratio
// values as tick labels; a vertical line marks no effect.
//
// Text is escaped for XML, so labels may contain any characters. The
// output depends only on the inputs: numbers are printed with fixed
// precision and nothing is read from the environment. The layout itself
// is not part of the API and may change; the data are in Result.
//
// Inconsistent inputs (a different number of effects or weights, mixed
// measures, an empty or reversed axis) are reported as a
// *secretome.ValidationError before anything is written; its paths name
// the effect ("effects[2].vi"), the result ("result.level") or the option
// by its snake_case name ("axis_min", "width").
func WriteForestSVG(w io.Writer, effects []Effect, res Result, opts ForestOptions) error {
	if err := checkForest(effects, res, &opts); err != nil {
		return err
	}
	p := newForestPlot(effects, res, opts)
	var buf bytes.Buffer
	p.draw(&buf)
	_, err := w.Write(buf.Bytes())
	return err
}

func checkForest(effects []Effect, res Result, opts *ForestOptions) error {
	var ps secretome.Problems
	if len(effects) == 0 {
		ps.Add("effects", secretome.SeverityError, secretome.CodeRequired, "no effects to plot")
	}
	if res.K != len(effects) || len(res.Weights) != len(effects) {
		ps.Add("result", secretome.SeverityError, secretome.CodeInconsistent, "result pools %d effects with %d weights, but %d effects were given", res.K, len(res.Weights), len(effects))
	}
	if !res.Measure.valid() {
		ps.Add("result.measure", secretome.SeverityError, secretome.CodeEnum, "unknown measure %d", uint8(res.Measure))
	}
	if !(res.Level > 0 && res.Level < 1) {
		ps.Add("result.level", secretome.SeverityError, secretome.CodeRange, "must be strictly between 0 and 1, got %v", res.Level)
	}
	for i, e := range effects {
		if e.Measure != res.Measure {
			ps.Add(fmt.Sprintf("effects[%d].measure", i), secretome.SeverityError, secretome.CodeInconsistent, "%s differs from the measure of the result (%s)", e.Measure, res.Measure)
		}
		if math.IsNaN(e.Yi) || math.IsInf(e.Yi, 0) {
			ps.Add(fmt.Sprintf("effects[%d].yi", i), secretome.SeverityError, secretome.CodeNumber, "must be a finite number, got %v", e.Yi)
		}
		if !(e.Vi > 0) || math.IsInf(e.Vi, 1) {
			ps.Add(fmt.Sprintf("effects[%d].vi", i), secretome.SeverityError, secretome.CodeRange, "must be positive and finite, got %v", e.Vi)
		}
	}
	for _, v := range [...]float64{res.Estimate, res.SE, res.CI.Lower, res.CI.Upper, res.PI.Lower, res.PI.Upper} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			ps.Add("result", secretome.SeverityError, secretome.CodeNumber, "estimate, SE and intervals must be finite")
			break
		}
	}
	switch {
	case opts.Decimals == 0:
		opts.Decimals = 2
	case opts.Decimals < 1 || opts.Decimals > 6:
		ps.Add("decimals", secretome.SeverityError, secretome.CodeRange, "must be between 1 and 6, got %d", opts.Decimals)
	}
	switch {
	case opts.Width == 0:
		opts.Width = 800
	case opts.Width < 480:
		ps.Add("width", secretome.SeverityError, secretome.CodeRange, "must be at least 480 pixels, got %d", opts.Width)
	}
	if opts.AxisMin != 0 || opts.AxisMax != 0 {
		switch {
		case math.IsNaN(opts.AxisMin) || math.IsNaN(opts.AxisMax) || math.IsInf(opts.AxisMin, 0) || math.IsInf(opts.AxisMax, 0):
			ps.Add("axis_min", secretome.SeverityError, secretome.CodeNumber, "axis limits must be finite")
		case !(opts.AxisMin < opts.AxisMax):
			ps.Add("axis_max", secretome.SeverityError, secretome.CodeInconsistent, "must be greater than axis_min (%v), got %v", opts.AxisMin, opts.AxisMax)
		case res.Measure.IsRatio() && opts.AxisMin <= 0:
			ps.Add("axis_min", secretome.SeverityError, secretome.CodeRange, "a ratio axis must start above 0, got %v", opts.AxisMin)
		}
	}
	return ps.Err()
}

// measureTitles are the axis names of the measures.
var measureTitles = [...]string{"", "Risk ratio", "Odds ratio", "Hazard ratio", "Risk difference", "Mean difference", "Standardised mean difference"}

// forestPlot holds the computed layout.
type forestPlot struct {
	effects []Effect
	cis     []Interval
	res     Result
	opts    ForestOptions
	ratio   bool

	lo, hi       float64 // axis range on the analysis scale
	plotL, plotR float64 // x range of the plot area
	estX, wtX    float64 // right edges of the text columns
	width        int
	labelChars   int        // labels longer than this are shortened
	lines        [][]string // each study's label, wrapped to labelChars
}

func newForestPlot(effects []Effect, res Result, opts ForestOptions) *forestPlot {
	p := &forestPlot{effects: effects, res: res, opts: opts, ratio: res.Measure.IsRatio(), width: opts.Width}
	// Study intervals are the normal (Wald) intervals of Effect.CI at the
	// result's level; only the pooled interval uses t under Knapp-Hartung.
	z := normCritical(1 - res.Level)
	p.cis = make([]Interval, len(effects))
	for i, e := range effects {
		h := z * math.Sqrt(e.Vi)
		p.cis[i] = Interval{Lower: e.Yi - h, Upper: e.Yi + h}
	}
	if opts.AxisMin != 0 || opts.AxisMax != 0 {
		p.lo, p.hi = opts.AxisMin, opts.AxisMax
		if p.ratio {
			p.lo, p.hi = math.Log(p.lo), math.Log(p.hi)
		}
	} else {
		lo, hi := 0.0, 0.0 // the line of no effect is always shown
		for _, ci := range p.cis {
			lo, hi = math.Min(lo, ci.Lower), math.Max(hi, ci.Upper)
		}
		lo, hi = math.Min(lo, res.CI.Lower), math.Max(hi, res.CI.Upper)
		if res.Method.IsRandom() {
			lo, hi = math.Min(lo, res.PI.Lower), math.Max(hi, res.PI.Upper)
		}
		// Every interval has positive width, so hi > lo.
		pad := 0.04 * (hi - lo)
		p.lo, p.hi = lo-pad, hi+pad
	}
	p.layout()
	return p
}

// forestCharWidth is the average advance of a character in the 12 px
// sans-serif font, used to size the text columns.
const forestCharWidth = 6.6

// layout sizes the columns from the text they hold: the weight column
// at the right edge, the estimates left of it, the labels at the left,
// and the plot in between, at least a quarter of the width. Study labels
// that do not fit wrap onto further lines of their row (see wrapLabel);
// the pooled row's label is shortened with an ellipsis (the full text
// stays in a <title> element).
func (p *forestPlot) layout() {
	w := float64(p.width)
	p.wtX = w - forestMargin
	p.estX = p.wtX - 64
	// The column header may reach over the (empty) header row of the
	// plot, so only the rows count.
	estChars := 0
	labelChars := utf8.RuneCountInString(p.modelName())
	for i, e := range p.effects {
		estChars = max(estChars, utf8.RuneCountInString(p.estimateText(e.Yi, p.cis[i])))
		labelChars = max(labelChars, utf8.RuneCountInString(p.label(i)))
	}
	estChars = max(estChars, utf8.RuneCountInString(p.estimateText(p.res.Estimate, p.res.CI)))
	labelW := math.Min(math.Max(float64(labelChars)*forestCharWidth, 60), 0.34*w)
	p.plotL = math.Round(forestMargin + labelW + 12)
	p.plotR = math.Round(p.estX - float64(estChars)*forestCharWidth - 16)
	if minPlot := math.Round(0.25 * w); p.plotR-p.plotL < minPlot {
		p.plotL = math.Max(forestMargin+72, p.plotR-minPlot)
		p.plotR = math.Max(p.plotR, p.plotL+minPlot)
	}
	p.labelChars = max(4, int((p.plotL-forestMargin-12)/forestCharWidth))
	p.lines = make([][]string, len(p.effects))
	for i := range p.effects {
		p.lines[i] = wrapLabel(p.label(i), p.labelChars, forestMaxLines)
	}
}

// label returns the label of study i, numbering unlabelled studies.
func (p *forestPlot) label(i int) string {
	if l := p.effects[i].Label; l != "" {
		return l
	}
	return "Study " + strconv.Itoa(i+1)
}

func (p *forestPlot) estimateHeader() string {
	name := p.opts.EffectLabel
	if name == "" {
		name = measureTitles[p.res.Measure]
	}
	return fmt.Sprintf("%s [%s%% CI]", name, levelPercent(p.res.Level))
}

// x maps a value on the analysis scale to a pixel column.
func (p *forestPlot) x(v float64) float64 {
	return p.plotL + (v-p.lo)/(p.hi-p.lo)*(p.plotR-p.plotL)
}

func (p *forestPlot) draw(b *bytes.Buffer) {
	// Vertical layout: optional title, header, one row per study, a gap,
	// the pooled row, the prediction row (random effects only), the axis
	// with its labels, then two lines of statistics.
	y := float64(forestMargin)
	if p.opts.Title != "" {
		y += forestRowHeight
	}
	headerY := y + forestRowHeight
	studyY := headerY                                     // bottom of the row before study 1
	pooledY := studyY + p.studyRows() + 2*forestRowHeight // bottom of the pooled row
	axisY := pooledY
	if p.res.Method.IsRandom() {
		axisY += forestRowHeight
	}
	axisY += 4
	statsY := axisY + 48
	if p.opts.FavoursLeft != "" || p.opts.FavoursRight != "" {
		statsY += 18
	}
	height := statsY + 2*forestRowHeight + forestMargin

	fmt.Fprintf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%s\" viewBox=\"0 0 %d %s\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"%d\">\n",
		p.width, svgNum(height), p.width, svgNum(height), forestFontSize)
	title := p.opts.Title
	if title == "" {
		title = "Forest plot"
	}
	b.WriteString("<title>")
	svgEscape(b, title)
	b.WriteString("</title>\n")
	fmt.Fprintf(b, "<rect width=\"%d\" height=\"%s\" fill=\"white\"/>\n", p.width, svgNum(height))
	if p.opts.Title != "" {
		svgText(b, forestMargin, forestMargin+forestRowHeight-6, "start", "bold", "title", p.opts.Title)
	}

	// Header.
	header := p.opts.StudyHeader
	if header == "" {
		header = "Study"
	}
	svgText(b, forestMargin, headerY-6, "start", "bold", "header", header)
	svgText(b, p.estX, headerY-6, "end", "bold", "header", p.estimateHeader())
	svgText(b, p.wtX, headerY-6, "end", "bold", "header", "Weight")
	fmt.Fprintf(b, "<line class=\"rule\" x1=\"%d\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\" stroke-width=\"0.5\"/>\n", forestMargin, svgNum(headerY), svgNum(p.wtX), svgNum(headerY))

	// Reference lines first, so that the data are drawn over them: no
	// effect (solid) and the pooled estimate (dashed).
	if 0 >= p.lo && 0 <= p.hi {
		x0 := svgNum(p.x(0))
		fmt.Fprintf(b, "<line class=\"null\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\" stroke-width=\"0.75\"/>\n", x0, svgNum(headerY), x0, svgNum(axisY))
	}
	if p.res.Estimate >= p.lo && p.res.Estimate <= p.hi {
		xe := svgNum(p.x(p.res.Estimate))
		fmt.Fprintf(b, "<line class=\"estimate\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"gray\" stroke-width=\"0.75\" stroke-dasharray=\"3,3\"/>\n", xe, svgNum(headerY), xe, svgNum(pooledY))
	}

	// Studies.
	wmax := 0.0
	for _, wt := range p.res.Weights {
		wmax = math.Max(wmax, wt)
	}
	top := studyY
	for i, e := range p.effects {
		h := p.rowHeight(i)
		mid := top + h/2
		top += h
		b.WriteString("<g class=\"study\">\n")
		p.wrappedLabel(b, mid+4, p.lines[i], p.label(i))
		p.intervalLine(b, p.cis[i], mid, "ci", 1)
		if e.Yi >= p.lo && e.Yi <= p.hi {
			side := math.Max(forestMaxBox*math.Sqrt(p.res.Weights[i]/wmax), forestMinBox)
			fmt.Fprintf(b, "<rect class=\"box\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"black\"/>\n",
				svgNum(p.x(e.Yi)-side/2), svgNum(mid-side/2), svgNum(side), svgNum(side))
		}
		svgText(b, p.estX, mid+4, "end", "", "estimate", p.estimateText(e.Yi, p.cis[i]))
		svgText(b, p.wtX, mid+4, "end", "", "weight", strconv.FormatFloat(p.res.Weights[i], 'f', 1, 64)+"%")
		b.WriteString("</g>\n")
	}

	// Pooled estimate.
	mid := pooledY - forestRowHeight/2
	b.WriteString("<g class=\"pooled\">\n")
	p.labelText(b, mid+4, "bold", p.modelName())
	ci := p.res.CI
	l, r, c := p.clampX(ci.Lower), p.clampX(ci.Upper), p.clampX(p.res.Estimate)
	fmt.Fprintf(b, "<polygon class=\"diamond\" points=\"%s,%s %s,%s %s,%s %s,%s\" fill=\"black\"/>\n",
		svgNum(l), svgNum(mid), svgNum(c), svgNum(mid-forestDiamond), svgNum(r), svgNum(mid), svgNum(c), svgNum(mid+forestDiamond))
	svgText(b, p.estX, mid+4, "end", "bold", "estimate", p.estimateText(p.res.Estimate, ci))
	svgText(b, p.wtX, mid+4, "end", "bold", "weight", "100.0%")
	b.WriteString("</g>\n")

	// Prediction interval.
	if p.res.Method.IsRandom() {
		mid = pooledY + forestRowHeight/2
		b.WriteString("<g class=\"prediction\">\n")
		svgText(b, forestMargin, mid+4, "start", "", "label", "Prediction interval")
		p.intervalLine(b, p.res.PI, mid, "pi", 2)
		svgText(b, p.estX, mid+4, "end", "", "estimate", p.intervalText(p.res.PI))
		b.WriteString("</g>\n")
	}

	p.axis(b, axisY)

	// Heterogeneity and the test of the overall effect.
	svgText(b, forestMargin, statsY+forestRowHeight/2+4, "start", "", "heterogeneity", p.heterogeneityText())
	svgText(b, forestMargin, statsY+1.5*forestRowHeight+4, "start", "", "test", p.testText())
	b.WriteString("</svg>\n")
}

// clampX maps v to a pixel column, held inside the plot area.
func (p *forestPlot) clampX(v float64) float64 {
	return p.x(math.Min(math.Max(v, p.lo), p.hi))
}

// intervalLine draws a horizontal interval at height y, cut at the axis
// edges with an arrow head where it leaves the axis.
func (p *forestPlot) intervalLine(b *bytes.Buffer, iv Interval, y float64, class string, width float64) {
	if iv.Upper < p.lo || iv.Lower > p.hi {
		// Entirely off the axis: one arrow at the edge it lies beyond.
		if iv.Upper < p.lo {
			svgArrow(b, p.plotL, y, -1)
		} else {
			svgArrow(b, p.plotR, y, 1)
		}
		return
	}
	l, r := p.clampX(iv.Lower), p.clampX(iv.Upper)
	fmt.Fprintf(b, "<line class=\"%s\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\" stroke-width=\"%s\"/>\n",
		class, svgNum(l), svgNum(y), svgNum(r), svgNum(y), svgNum(width))
	if iv.Lower < p.lo {
		svgArrow(b, p.plotL, y, -1)
	}
	if iv.Upper > p.hi {
		svgArrow(b, p.plotR, y, 1)
	}
}

// arrow draws a small arrow head at x pointing left (dir −1) or right (+1).
func svgArrow(b *bytes.Buffer, x, y float64, dir float64) {
	fmt.Fprintf(b, "<polygon class=\"arrow\" points=\"%s,%s %s,%s %s,%s\" fill=\"black\"/>\n",
		svgNum(x), svgNum(y), svgNum(x-dir*6), svgNum(y-3.5), svgNum(x-dir*6), svgNum(y+3.5))
}

// axis draws the horizontal axis with its ticks and labels at y.
func (p *forestPlot) axis(b *bytes.Buffer, y float64) {
	b.WriteString("<g class=\"axis\">\n")
	fmt.Fprintf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\" stroke-width=\"0.75\"/>\n", svgNum(p.plotL), svgNum(y), svgNum(p.plotR), svgNum(y))
	for _, t := range p.ticks() {
		x := svgNum(p.x(t.at))
		fmt.Fprintf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\" stroke-width=\"0.75\"/>\n", x, svgNum(y), x, svgNum(y+5))
		svgText(b, p.x(t.at), y+18, "middle", "", "tick", t.label)
	}
	name := p.opts.EffectLabel
	if name == "" {
		name = measureTitles[p.res.Measure]
		if p.ratio {
			name += " (log scale)"
		}
	}
	svgText(b, (p.plotL+p.plotR)/2, y+36, "middle", "", "axis-label", name)
	if p.opts.FavoursLeft != "" || p.opts.FavoursRight != "" {
		x0 := p.clampX(0)
		if p.opts.FavoursLeft != "" {
			svgText(b, x0-6, y+56, "end", "", "favours", p.opts.FavoursLeft)
		}
		if p.opts.FavoursRight != "" {
			svgText(b, x0+6, y+56, "start", "", "favours", p.opts.FavoursRight)
		}
	}
	b.WriteString("</g>\n")
}

type axisTick struct {
	at    float64 // position on the analysis scale
	label string
}

// ticks returns the axis ticks: for ratio measures powers of ten times 1,
// 2 and 5 on the log axis (only powers of ten over a wide range, plain
// decimal steps over a narrow one); for differences, steps of 1, 2 or 5
// times a power of ten.
func (p *forestPlot) ticks() []axisTick {
	if !p.ratio {
		return linearTicks(p.lo, p.hi, false)
	}
	decades := (p.hi - p.lo) / math.Ln10
	if decades < 0.7 {
		return linearTicks(math.Exp(p.lo), math.Exp(p.hi), true)
	}
	mults := []float64{1, 2, 5}
	if decades > 4 {
		mults = []float64{1}
	}
	var out []axisTick
	for e := int(math.Floor(p.lo/math.Ln10)) - 1; e <= int(math.Ceil(p.hi/math.Ln10)); e++ {
		for _, m := range mults {
			v := m * math.Pow10(e)
			lv := math.Log(v)
			if lv < p.lo-1e-12 || lv > p.hi+1e-12 {
				continue
			}
			out = append(out, axisTick{at: lv, label: strconv.FormatFloat(v, 'f', max(0, -e), 64)})
		}
	}
	return out
}

// maxTickIndex bounds |v/step| for a tick v: beyond 2^52 adding 1 to a
// float64 tick index no longer changes it.
const maxTickIndex = 1 << 52

// linearTicks returns about five evenly spaced ticks between lo and hi,
// on the log scale when logScale is set (values are then ratios). An axis
// narrower than float64 can step through (a fixed axis such as 1e5 to
// 1e5 + 2e-11) gets no ticks rather than an endless loop.
func linearTicks(lo, hi float64, logScale bool) []axisTick {
	raw := (hi - lo) / 5
	if !(raw > 0) || math.IsInf(raw, 0) {
		return nil
	}
	e := math.Floor(math.Log10(raw))
	step := math.Pow10(int(e))
	for _, m := range []float64{2, 5, 10} {
		if step*1.5 >= raw {
			break
		}
		step = m * math.Pow10(int(e))
	}
	first, last := math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
	if !(step > 0) || math.IsInf(step, 0) || math.Abs(first) > maxTickIndex || math.Abs(last) > maxTickIndex {
		return nil
	}
	dec := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	var out []axisTick
	for i := first; i <= last; i++ {
		v := i * step
		if v == 0 {
			v = 0 // no negative zero
		}
		at := v
		if logScale {
			if v <= 0 {
				continue
			}
			at = math.Log(v)
		}
		out = append(out, axisTick{at: at, label: fixedText(v, dec)})
	}
	return out
}

func (p *forestPlot) modelName() string {
	var s string
	switch p.res.Method {
	case MethodREML:
		s = "Random effects (REML)"
	case MethodDL:
		s = "Random effects (DL)"
	default:
		s = "Common effect"
	}
	if p.res.HartungKnapp {
		s += ", Knapp-Hartung"
	}
	return s
}

func (p *forestPlot) fmtEst(v float64) string {
	return fixedText(p.res.Measure.BackTransform(v), p.opts.Decimals)
}

func (p *forestPlot) estimateText(est float64, ci Interval) string {
	return p.fmtEst(est) + " " + p.intervalText(ci)
}

func (p *forestPlot) intervalText(ci Interval) string {
	return "[" + p.fmtEst(ci.Lower) + ", " + p.fmtEst(ci.Upper) + "]"
}

func (p *forestPlot) heterogeneityText() string {
	r := p.res
	var b strings.Builder
	b.WriteString("Heterogeneity: ")
	if r.Method.IsRandom() {
		b.WriteString("τ² = " + fixedText(r.Tau2, 4) + ", ")
	}
	b.WriteString("I² = " + fixedText(r.I2, 1) + "%, ")
	fmt.Fprintf(&b, "Q = %s (df = %d), %s", fixedText(r.Q, 2), r.QDF, pValueText(r.QP))
	return b.String()
}

func (p *forestPlot) testText() string {
	r := p.res
	if r.DF > 0 {
		return fmt.Sprintf("Overall effect: t(%d) = %s, %s", r.DF, fixedText(r.Statistic, 2), pValueText(r.P))
	}
	return fmt.Sprintf("Overall effect: z = %s, %s", fixedText(r.Statistic, 2), pValueText(r.P))
}

func pValueText(p float64) string {
	if p < 0.001 {
		return "p < 0.001"
	}
	return "p = " + fixedText(p, 3)
}

// percent formats a level such as 0.95 as "95" (or "99.9").
func levelPercent(level float64) string {
	return strconv.FormatFloat(math.Round(level*1e6)/1e4, 'f', -1, 64)
}

// fixed formats v with dec decimals, without a negative zero and with a
// proper minus sign for negative values.
func fixedText(v float64, dec int) string {
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	if strings.HasPrefix(s, "-") {
		s = "−" + s[1:]
	}
	if math.IsInf(v, 0) {
		s = strings.Replace(s, "Inf", "∞", 1)
	}
	return s
}

// num formats a pixel coordinate with two decimals and no negative zero.
func svgNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}

// text writes a <text> element with escaped content.
func svgText(b *bytes.Buffer, x, y float64, anchor, weight, class, s string) {
	fmt.Fprintf(b, "<text class=\"%s\" x=\"%s\" y=\"%s\" text-anchor=\"%s\"", class, svgNum(x), svgNum(y), anchor)
	if weight != "" {
		fmt.Fprintf(b, " font-weight=\"%s\"", weight)
	}
	b.WriteString(">")
	svgEscape(b, s)
	b.WriteString("</text>\n")
}

// labelText writes a label in the left column, shortened with an ellipsis
// when it is too long for the column; the full label is then kept in a
// <title> child, which viewers show on hover.
func (p *forestPlot) labelText(b *bytes.Buffer, y float64, weight, s string) {
	short := s
	if utf8.RuneCountInString(s) > p.labelChars {
		short = string([]rune(s)[:p.labelChars-1]) + "…"
	}
	fmt.Fprintf(b, "<text class=\"label\" x=\"%s\" y=\"%s\" text-anchor=\"start\"", svgNum(forestMargin), svgNum(y))
	if weight != "" {
		fmt.Fprintf(b, " font-weight=\"%s\"", weight)
	}
	b.WriteString(">")
	if short != s {
		b.WriteString("<title>")
		svgEscape(b, s)
		b.WriteString("</title>")
	}
	svgEscape(b, short)
	b.WriteString("</text>\n")
}

// escapeXML writes s with XML special characters escaped; characters not
// allowed in XML are replaced by U+FFFD.
func svgEscape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // writes to a bytes.Buffer cannot fail
}
