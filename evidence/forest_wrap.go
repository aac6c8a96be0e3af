package evidence

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// forestMaxLines bounds the lines a study label may wrap onto; a label
// that needs more is shortened with an ellipsis on the last line.
const forestMaxLines = 6

// forestLineHeight is the distance between the lines of a wrapped label.
const forestLineHeight = 14

// rowHeight returns the height of study i's row: one row, plus a line for
// each further line of its label.
func (p *forestPlot) rowHeight(i int) float64 {
	return forestRowHeight + float64(len(p.lines[i])-1)*forestLineHeight
}

// studyRows returns the total height of the study rows.
func (p *forestPlot) studyRows() float64 {
	var h float64
	for i := range p.effects {
		h += p.rowHeight(i)
	}
	return h
}

// wrapLabel breaks s into lines of at most width characters, at spaces
// where it can and inside a word that is longer than a line. When more
// than maxLines lines would be needed, the last one ends in an ellipsis.
func wrapLabel(s string, width, maxLines int) []string {
	var lines []string
	var cur []rune
	flush := func() {
		lines = append(lines, string(cur))
		cur = cur[:0]
	}
	for _, word := range strings.Fields(s) {
		w := []rune(word)
		if len(cur) > 0 && len(cur)+1+len(w) > width {
			flush()
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		for len(cur)+len(w) > width {
			n := width - len(cur)
			cur = append(cur, w[:n]...)
			w = w[n:]
			flush()
		}
		cur = append(cur, w...)
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	if len(lines) > maxLines {
		last := []rune(lines[maxLines-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		lines = append(lines[:maxLines-1], string(last)+"…")
	}
	return lines
}

// wrappedLabel writes a study label as one <text> with a <tspan> per line,
// the lines centred on the row around baseline y. The full label is kept
// in a <title> child when it was shortened.
func (p *forestPlot) wrappedLabel(b *bytes.Buffer, y float64, lines []string, full string) {
	if len(lines) == 1 && utf8.RuneCountInString(full) <= p.labelChars {
		p.labelText(b, y, "", full)
		return
	}
	first := y - float64(len(lines)-1)*forestLineHeight/2
	fmt.Fprintf(b, "<text class=\"label\" x=\"%s\" y=\"%s\" text-anchor=\"start\">", svgNum(forestMargin), svgNum(first))
	if strings.HasSuffix(lines[len(lines)-1], "…") {
		b.WriteString("<title>")
		svgEscape(b, full)
		b.WriteString("</title>")
	}
	for n, l := range lines {
		dy := 0.0
		if n > 0 {
			dy = forestLineHeight
		}
		fmt.Fprintf(b, "<tspan x=\"%s\" dy=\"%s\">", svgNum(forestMargin), svgNum(dy))
		svgEscape(b, l)
		b.WriteString("</tspan>")
	}
	b.WriteString("</text>\n")
}
