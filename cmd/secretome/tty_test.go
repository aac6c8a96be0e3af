package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestColorAllowed(t *testing.T) {
	// /dev/null is a character device, like a terminal.
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer dev.Close()
	file, err := os.Create(t.TempDir() + "/out.txt")
	require.NoError(t, err)
	defer file.Close()
	tests := []struct {
		name string
		w    any
		env  map[string]string
		want bool
	}{
		{"a character device gets colour", dev, nil, true},
		{"NO_COLOR turns it off", dev, map[string]string{"NO_COLOR": "1"}, false},
		{"an empty NO_COLOR does not", dev, map[string]string{"NO_COLOR": ""}, true},
		{"a dumb terminal gets none", dev, map[string]string{"TERM": "dumb"}, false},
		{"a regular file gets none", file, nil, false},
		{"a buffer gets none", &bytes.Buffer{}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &env{getenv: func(k string) string { return tt.env[k] }}
			w := tt.w.(interface{ Write([]byte) (int, error) })
			assert.Equal(t, tt.want, colorAllowed(e, w))
		})
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, on: true, total: 1000}
	p.tick(progressAfter - 1)
	assert.Empty(t, b.String(), "nothing is shown for a short run")
	p.tick(progressAfter)
	assert.Equal(t, "\rchecked 300 of 1000 dossiers", b.String())
	p.tick(progressAfter + 1)
	assert.Equal(t, "\rchecked 300 of 1000 dossiers", b.String(), "updates are rate-limited")
	p.done()
	assert.Contains(t, b.String(), "\r\033[K", "the line is cleared at the end")

	// /dev/null is a character device, so it stands in for a terminal.
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer tty.Close()
	file, err := os.Create(t.TempDir() + "/report.json")
	require.NoError(t, err)
	defer file.Close()
	tests := []struct {
		name           string
		stdout, stderr io.Writer
		quiet          bool
		total          int
		want           bool
	}{
		{"report to a file, stderr a terminal", file, tty, false, 5000, true},
		{"unknown total (JSON Lines)", file, tty, false, -1, true},
		{"standard error is not a terminal", file, &b, false, 5000, false},
		{"the report is on the terminal: its lines would run into the count", tty, tty, false, 5000, false},
		{"quiet", file, tty, true, 5000, false},
		{"a short run", file, tty, false, progressAfter, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProgress(&env{stdout: tt.stdout, stderr: tt.stderr}, tt.quiet, tt.total)
			assert.Equal(t, tt.want, p.on)
		})
	}
}

func TestTextColour(t *testing.T) {
	src := &source{path: "x.json"}
	c := &checked{src: src, problems: []secretome.Problem{{Path: "a", Code: "type", Severity: secretome.SeverityError, Message: "bad"}}}
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		r := &textReporter{w: &b}
		require.NoError(t, r.begin(&runInfo{color: color, threshold: threshold{sev: secretome.SeverityError}, asOf: secretome.MustParseDate(asOf)}))
		require.NoError(t, r.dossier(c))
		require.NoError(t, r.end(&summary{Dossiers: 1, Invalid: 1, Errors: 1}))
		assert.Equal(t, color, strings.Contains(b.String(), ansiRed), "colour codes only when asked for")
		assert.Contains(t, b.String(), "dossier/type")
		assert.Contains(t, b.String(), "1 dossier, rules as of 2026-11-01: 0 passed, 0 failed, 1 invalid, 0 unreadable; 1 error, 0 warnings, 0 notes",
			"the summary says which day's rules were applied")
	}
}

func TestTextWrap(t *testing.T) {
	url := "https://example.org/" + strings.Repeat("long-path-", 8)
	c := &checked{src: &source{path: "x.json"}, problems: []secretome.Problem{{Path: "product.name", Code: "format",
		Severity: secretome.SeverityError, Line: 3,
		Message: "a message long enough to need wrapping on a narrow terminal, with " + url + " inside it"}}}
	render := func(width int) string {
		var b bytes.Buffer
		r := &textReporter{w: &b}
		require.NoError(t, r.begin(&runInfo{width: width, threshold: threshold{sev: secretome.SeverityError}}))
		require.NoError(t, r.dossier(c))
		return b.String()
	}
	flat := render(0)
	assert.Contains(t, flat, "             "+c.problems[0].Message+"\n", "without a width, a message is one line")

	const width = 60
	wrapped := render(width)
	var words []string
	for _, line := range strings.Split(strings.TrimSuffix(wrapped, "\n"), "\n") {
		if strings.Contains(line, url) {
			assert.Equal(t, "             "+url, line, "a word longer than a line is not broken")
		} else {
			assert.LessOrEqual(t, utf8.RuneCountInString(line), width, "line %q fits", line)
		}
		words = append(words, strings.Fields(line)...)
	}
	assert.Equal(t, strings.Fields(flat), words, "wrapping moves words, it drops or adds none")
	assert.Contains(t, wrapped, "\n             a message long", "continuation lines keep the hanging indent")

	// Jurisdiction and use lines continue further in than they start;
	// their continuations must fit as well.
	var b bytes.Buffer
	r := &textReporter{w: &b}
	require.NoError(t, r.begin(&runInfo{width: width}))
	long := strings.Repeat("a ", 120)
	r.jurisdiction(&checked{}, &regulation.JurisdictionReport{Jurisdiction: "ID", Name: "Indonesia", Classification: long,
		Uses: []regulation.UseAssessment{{Index: 0, Missing: []string{long}}}})
	for _, line := range strings.Split(strings.TrimSuffix(r.b.String(), "\n"), "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(line), width, "line %q fits", line)
	}
}

// TestTextUntrustedContent checks that text from a dossier cannot drive
// the reviewer's terminal: control characters and bidirectional overrides
// are shown escaped.
func TestTextUntrustedContent(t *testing.T) {
	evil := "NSB\x1b[31m\rALL GOOD  PASS\x1b[0m\u202e"
	c := &checked{src: &source{path: "evil\x07.json"},
		report:   &regulation.Report{Product: evil, Jurisdictions: []regulation.JurisdictionReport{{Jurisdiction: "ID", Name: "Indonesia"}}},
		findings: []located{{Finding: regulation.Finding{RuleID: "R", Jurisdiction: "ID", Severity: secretome.SeverityError, Message: message.Plain("facility " + evil)}}}}
	var b bytes.Buffer
	r := &textReporter{w: &b}
	require.NoError(t, r.begin(&runInfo{threshold: threshold{sev: secretome.SeverityError}}))
	require.NoError(t, r.dossier(c))
	out := b.String()
	for _, bad := range []string{"\x1b", "\r", "\x07", "\u202e"} {
		assert.NotContains(t, out, bad)
	}
	assert.Contains(t, out, `NSB\x1b[31m\rALL GOOD  PASS\x1b[0m\u202e`, "shown escaped, so the reviewer sees it")
	assert.Contains(t, out, `evil\a.json`)
	assert.Equal(t, "plain text, é ⊕ µg/mL", printable("plain text, é ⊕ µg/mL"), "printable text is left alone")
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		name          string
		s             string
		width, indent int
		want          []string
	}{
		{"no width: one line", "a b c", 0, 2, []string{"a b c"}},
		{"fits: unchanged, spacing kept", "a  b", 10, 2, []string{"a  b"}},
		{"breaks at spaces", strings.Repeat("ab ", 12), 30, 2, []string{"ab ab ab ab ab ab ab ab ab", "ab ab ab"}},
		{"a long word is never broken", "see https://example.org/" + strings.Repeat("x", 40) + " now", 40, 0,
			[]string{"see", "https://example.org/" + strings.Repeat("x", 40), "now"}},
		{"a narrow terminal still leaves a usable column", strings.Repeat("abc ", 10), 10, 8,
			[]string{"abc abc abc abc abc abc", "abc abc abc abc"}},
		{"width is counted in characters, not bytes", "µg/mL µg/mL µg/mL µg/mL µg/mL", 28, 4, []string{"µg/mL µg/mL µg/mL µg/mL", "µg/mL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, wrapText(tt.s, tt.width, tt.indent))
		})
	}
}
