package evidence

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteFunnelSVG(t *testing.T) {
	fit := fitRef(t, "bcg.csv", MeasureRR, "REML", false)
	tf, err := fit.TrimFill(TrimFillOptions{})
	require.NoError(t, err)
	require.Equal(t, 1, tf.K0)
	var buf bytes.Buffer
	require.NoError(t, WriteFunnelSVG(&buf, fit.effects, fit, FunnelOptions{Filled: tf.Filled, Title: "BCG & tuberculosis"}))
	classes := map[string]int{}
	dec := xml.NewDecoder(&buf)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the funnel plot is well-formed XML")
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "class" {
					classes[se.Name.Local+"."+a.Value]++
				}
			}
		}
	}
	assert.Equal(t, 13, classes["circle.study"], "one point per study")
	assert.Equal(t, 1, classes["circle.filled"], "the filled study is drawn")
	assert.Equal(t, 6, classes["line.contour"], "two lines per contour level")
	assert.Equal(t, 1, classes["polygon.pseudo-ci"])
	assert.Positive(t, classes["text.tick"])

	buf.Reset()
	mods := fitRef(t, "bcg.csv", MeasureRR, "REML", false, "ablat")
	err = WriteFunnelSVG(&buf, mods.effects, mods, FunnelOptions{})
	assert.ErrorContains(t, err, "without moderators")
	err = WriteFunnelSVG(&buf, fit.effects, fit, FunnelOptions{Levels: []float64{1.5}})
	assert.ErrorContains(t, err, "levels[0]")
	assert.False(t, strings.Contains(buf.String(), "<svg"), "nothing is written on error")
}
