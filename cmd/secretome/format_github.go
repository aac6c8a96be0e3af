package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// githubReporter writes GitHub Actions workflow commands, which the
// runner turns into annotations on the files of a pull request:
//
//	::error file=dossiers/gel.json,line=12,title=US-1271-NOT-HCTP::message
//
// Errors become error annotations, warnings warning annotations and
// informational findings notices (left out with --quiet). A plain summary
// line ends the output, and a second one when GitHub will not show every
// annotation (see githubShown).
type githubReporter struct {
	w    io.Writer
	b    *bufio.Writer
	info *runInfo
	// written counts the annotations written, by command (githubCommands).
	written [3]int
}

// githubCommands are the commands of annotations, in the order of
// githubReporter.written and checked.tally.
var githubCommands = [3]string{"error", "warning", "notice"}

// githubShown is how many annotations of each kind (error, warning,
// notice) GitHub shows for one step; it drops the rest from the pull
// request and the run summary without a word, though the log keeps them.
const githubShown = 10

// escapeData escapes the message of a workflow command as the runner
// expects (%, CR and LF), and every other control character too, as %XX,
// so that a file or value holding an escape sequence or a NUL cannot
// start a command of its own or garble the log.
func escapeData(s string) string { return escapeCommand(s, "") }

// escapeProperty escapes a property value of a workflow command, such as
// a file name: as data, plus : and , which separate properties.
func escapeProperty(s string) string { return escapeCommand(s, ":,") }

func escapeCommand(s, also string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c == '%' || strings.IndexByte(also, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// githubCommand returns the index in githubCommands of the command that
// annotates a finding of severity s.
func githubCommand(s secretome.Severity) int {
	switch s {
	case secretome.SeverityError:
		return 0
	case secretome.SeverityWarning:
		return 1
	}
	return 2
}

func (r *githubReporter) begin(info *runInfo) error {
	r.info = info
	r.b = bufio.NewWriter(r.w)
	return nil
}

// annotations renders the workflow commands of one dossier, counting
// them by command in c.tally.
type annotations struct {
	info *runInfo
	c    *checked
	out  bytes.Buffer
}

func (a *annotations) annotate(sev secretome.Severity, line, col int, title, msg string) {
	c := a.c
	if a.info.quiet && sev == secretome.SeverityInfo {
		return
	}
	props := []string{}
	if path, ok := c.src.relPath(); ok || c.src.path != "-" {
		props = append(props, "file="+escapeProperty(path))
		if line == 0 {
			line, col = c.line, 0
		}
		if line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
			if col > 0 {
				props = append(props, "col="+strconv.Itoa(col))
			}
		}
	}
	props = append(props, "title="+escapeProperty(title))
	cmd := githubCommand(sev)
	c.tally[cmd]++
	fmt.Fprintf(&a.out, "::%s %s::%s\n", githubCommands[cmd], strings.Join(props, ","), escapeData(msg))
}

// dossier writes the dossier's annotations, rendering them unless a
// worker did, and adds up how many of each kind were written.
func (r *githubReporter) dossier(c *checked) error {
	r.b.Write(output(r, r.info, c))
	for i, n := range c.tally {
		r.written[i] += n
	}
	return flushFull(r.b)
}

// prepare renders the dossier's annotations in a worker.
func (r *githubReporter) prepare(info *runInfo, c *checked) {
	a := annotations{info: info, c: c}
	if c.ioErr != nil {
		a.annotate(secretome.SeverityError, 0, 0, ruleUnreadable, c.name()+": "+c.ioErr.Error())
	}
	for _, p := range c.problems {
		msg := p.Message
		if p.Path != "" {
			msg = p.Path + ": " + msg
		}
		a.annotate(p.Severity, p.Line, p.Column, problemRule(p.Code), msg)
	}
	for _, f := range c.findings {
		msg := f.Text()
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		msg += "\n" + citationLine(f.Cited(), f.Provenance, r.info.lang)
		sev, title := f.Severity, f.RuleID
		if f.Waiver != nil {
			// A waived finding is a notice that says so: it does not fail.
			sev, title = secretome.SeverityInfo, f.RuleID+" ("+message.Render(message.Term("cli.waived"), r.info.lang)+")"
			msg = message.New("cli.github.waived", message.Enum("severity", f.Severity.String()), message.Text(msg),
				message.Text(waiverLine(f.Waiver, r.info.lang))).In(r.info.lang)
		}
		a.annotate(sev, f.Line, f.Column, title, msg)
	}
	for i := range c.gaps {
		g := &c.gaps[i]
		a.annotate(g.severity(info.threshold), g.Line, g.Column, g.rule(), g.Path+": "+g.Message)
	}
	c.rendered, c.prepared = a.out.Bytes(), true
}

func (r *githubReporter) end(s *summary) error {
	waived := ""
	if s.Waived > 0 {
		waived = message.New("cli.github.waived_count", message.Int(s.Waived)).In(r.info.lang)
	}
	fmt.Fprintf(r.b, "secretome: %s%s\n", message.New("cli.github.summary", message.Count{N: s.Dossiers, Noun: "noun.dossier"},
		message.Int(s.Passed), message.Int(s.Failed), message.Int(s.Invalid), message.Int(s.Unreadable)).In(r.info.lang), waived)
	fmt.Fprintf(r.b, "secretome: %s\n", auditLine(r.info))
	var over []string
	for i, cmd := range githubCommands {
		if n := r.written[i]; n > githubShown {
			over = append(over, fmt.Sprintf("%d %ss", n, cmd))
		}
	}
	if len(over) > 0 {
		fmt.Fprintf(r.b, "secretome: GitHub shows at most %d annotations of each kind in a step; this step wrote %s, "+
			"all of them in this log (upload --format sarif to code scanning to see every finding)\n",
			githubShown, strings.Join(over, " and "))
	}
	return r.b.Flush()
}
