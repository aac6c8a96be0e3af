package evidence

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/openregen/secretomekit/secretome"
)

// FunnelOptions configures WriteFunnelSVG. The zero value draws a 640×480
// plot with contours at 90 %, 95 % and 99 %.
type FunnelOptions struct {
	// Width and Height are the size in pixels; 0 means 640 and 480.
	Width, Height int
	// Title is drawn above the plot when set.
	Title string
	// EffectLabel names the horizontal axis; empty means the measure's
	// name.
	EffectLabel string
	// Levels are the confidence levels of the pseudo-confidence contours,
	// each strictly between 0 and 1; nil means 0.90, 0.95 and 0.99.
	Levels []float64
	// Filled are studies filled in by trim-and-fill (TrimFill.Filled),
	// drawn as open circles.
	Filled []Effect
}

// WriteFunnelSVG writes a funnel plot of the effects as SVG, as metafor's
// funnel draws it: each study's estimate against its standard error (0 at
// the top), a vertical line at the model's estimate, and pseudo-confidence
// contours estimate ± z·SE for each level, the model's own level drawn as
// a shaded region. Ratio measures are drawn on a log axis labelled in
// ratios. Filled studies from trim-and-fill appear as open circles.
//
// model must have no moderators; the effects (and filled studies) must be
// valid, as for Pool.
func WriteFunnelSVG(w io.Writer, effects []Effect, model *Model, opts FunnelOptions) error {
	var ps secretome.Problems
	if model == nil || model.P != 1 || model.opts.NoIntercept {
		ps.Add("model", secretome.SeverityError, secretome.CodeInconsistent, "a funnel plot needs a model without moderators")
	}
	all := append(append([]Effect(nil), effects...), opts.Filled...)
	if err := checkPool(all, &PoolOptions{}); err != nil {
		return err
	}
	if opts.Width == 0 {
		opts.Width = 640
	}
	if opts.Height == 0 {
		opts.Height = 480
	}
	if opts.Width < 240 || opts.Height < 200 || opts.Width > 10000 || opts.Height > 10000 {
		ps.Add("width", secretome.SeverityError, secretome.CodeRange, "the plot must be between 240×200 and 10000×10000 pixels, got %d×%d", opts.Width, opts.Height)
	}
	if opts.Levels == nil {
		opts.Levels = []float64{0.90, 0.95, 0.99}
	}
	for i, l := range opts.Levels {
		if !(l > 0 && l < 1) {
			ps.Add(fmt.Sprintf("levels[%d]", i), secretome.SeverityError, secretome.CodeRange, "must be strictly between 0 and 1, got %v", l)
		}
	}
	if err := ps.Err(); err != nil {
		return err
	}
	center := model.Estimate().Estimate
	seMax := 0.0
	for _, e := range all {
		seMax = max(seMax, math.Sqrt(e.Vi))
	}
	seMax *= 1.05
	levels := slices.Clone(opts.Levels)
	slices.Sort(levels)
	zMax := normCritical(1 - max(levels[len(levels)-1], model.Level))
	lo, hi := center-zMax*seMax, center+zMax*seMax
	for _, e := range all {
		lo, hi = math.Min(lo, e.Yi), math.Max(hi, e.Yi)
	}
	pad := 0.04 * (hi - lo)
	lo, hi = lo-pad, hi+pad

	const margin, left, bottom = 16.0, 64.0, 56.0
	top := margin
	if opts.Title != "" {
		top += 24
	}
	W, H := float64(opts.Width), float64(opts.Height)
	plotL, plotR, plotT, plotB := left, W-margin, top, H-bottom
	x := func(v float64) float64 { return plotL + (v-lo)/(hi-lo)*(plotR-plotL) }
	y := func(se float64) float64 { return plotT + se/seMax*(plotB-plotT) }

	var b bytes.Buffer
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"%d\">\n",
		opts.Width, opts.Height, opts.Width, opts.Height, forestFontSize)
	title := opts.Title
	if title == "" {
		title = "Funnel plot"
	}
	b.WriteString("<title>")
	svgEscape(&b, title)
	b.WriteString("</title>\n")
	fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", opts.Width, opts.Height)
	if opts.Title != "" {
		svgText(&b, margin, margin+16, "start", "bold", "title", opts.Title)
	}
	fmt.Fprintf(&b, "<rect class=\"panel\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"none\" stroke=\"black\" stroke-width=\"0.75\"/>\n",
		svgNum(plotL), svgNum(plotT), svgNum(plotR-plotL), svgNum(plotB-plotT))
	// The model's own level as a shaded region, then the contours.
	zm := normCritical(1 - model.Level)
	fmt.Fprintf(&b, "<polygon class=\"pseudo-ci\" points=\"%s,%s %s,%s %s,%s\" fill=\"#e8e8e8\" stroke=\"none\"/>\n",
		svgNum(x(center)), svgNum(y(0)), svgNum(x(center-zm*seMax)), svgNum(y(seMax)), svgNum(x(center+zm*seMax)), svgNum(y(seMax)))
	for _, l := range levels {
		z := normCritical(1 - l)
		for _, s := range []float64{-1, 1} {
			fmt.Fprintf(&b, "<line class=\"contour\" data-level=\"%s\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"gray\" stroke-width=\"0.75\" stroke-dasharray=\"4,3\"/>\n",
				strconv.FormatFloat(l, 'f', -1, 64), svgNum(x(center)), svgNum(y(0)), svgNum(x(center+s*z*seMax)), svgNum(y(seMax)))
		}
		svgText(&b, x(center+z*seMax)+2, y(seMax)-4, "start", "", "contour-label", levelPercent(l)+"%")
	}
	fmt.Fprintf(&b, "<line class=\"estimate\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\" stroke-width=\"1\"/>\n",
		svgNum(x(center)), svgNum(plotT), svgNum(x(center)), svgNum(plotB))
	for i, e := range effects {
		b.WriteString("<circle class=\"study\" cx=\"")
		b.WriteString(svgNum(x(e.Yi)))
		fmt.Fprintf(&b, "\" cy=\"%s\" r=\"4\" fill=\"black\"><title>", svgNum(y(math.Sqrt(e.Vi))))
		l := e.Label
		if l == "" {
			l = "Study " + strconv.Itoa(i+1)
		}
		svgEscape(&b, l)
		b.WriteString("</title></circle>\n")
	}
	for i, e := range opts.Filled {
		fmt.Fprintf(&b, "<circle class=\"filled\" cx=\"%s\" cy=\"%s\" r=\"4\" fill=\"white\" stroke=\"black\"><title>Filled %d</title></circle>\n",
			svgNum(x(e.Yi)), svgNum(y(math.Sqrt(e.Vi))), i+1)
	}
	// Axes: effect ticks below, standard-error ticks at the left.
	fp := &forestPlot{ratio: model.Measure.IsRatio(), lo: lo, hi: hi}
	for _, t := range fp.ticks() {
		fmt.Fprintf(&b, "<line class=\"tick\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\"/>\n", svgNum(x(t.at)), svgNum(plotB), svgNum(x(t.at)), svgNum(plotB+5))
		svgText(&b, x(t.at), plotB+18, "middle", "", "tick", t.label)
	}
	for _, t := range linearTicks(0, seMax, false) {
		fmt.Fprintf(&b, "<line class=\"tick\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"black\"/>\n", svgNum(plotL-5), svgNum(y(t.at)), svgNum(plotL), svgNum(y(t.at)))
		svgText(&b, plotL-8, y(t.at)+4, "end", "", "tick", t.label)
	}
	name := opts.EffectLabel
	if name == "" {
		name = measureTitles[model.Measure]
	}
	svgText(&b, (plotL+plotR)/2, plotB+40, "middle", "", "axis-label", name)
	fmt.Fprintf(&b, "<text class=\"axis-label\" x=\"%s\" y=\"%s\" text-anchor=\"middle\" transform=\"rotate(-90 %s %s)\">Standard error</text>\n",
		svgNum(18), svgNum((plotT+plotB)/2), svgNum(18), svgNum((plotT+plotB)/2))
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}
