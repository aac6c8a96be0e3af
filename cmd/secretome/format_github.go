package main

import (
	"bufio"
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
	// written counts the annotations written, by command.
	written map[string]int
}

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

func githubCommand(s secretome.Severity) string {
	switch s {
	case secretome.SeverityError:
		return "error"
	case secretome.SeverityWarning:
		return "warning"
	}
	return "notice"
}

func (r *githubReporter) begin(info *runInfo) error {
	r.info = info
	r.b = bufio.NewWriter(r.w)
	r.written = map[string]int{}
	return nil
}

func (r *githubReporter) annotate(sev secretome.Severity, c *checked, line, col int, title, msg string) {
	if r.info.quiet && sev == secretome.SeverityInfo {
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
	r.written[cmd]++
	fmt.Fprintf(r.b, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(msg))
}

func (r *githubReporter) dossier(c *checked) error {
	if c.ioErr != nil {
		r.annotate(secretome.SeverityError, c, 0, 0, ruleUnreadable, c.name()+": "+c.ioErr.Error())
	}
	for _, p := range c.problems {
		msg := p.Message
		if p.Path != "" {
			msg = p.Path + ": " + msg
		}
		r.annotate(p.Severity, c, p.Line, p.Column, problemRule(p.Code), msg)
	}
	for _, f := range c.findings {
		msg := f.Text()
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		msg += "\n" + citationLine(f.Citation, f.Provenance, r.info.lang)
		sev, title := f.Severity, f.RuleID
		if f.Waiver != nil {
			// A waived finding is a notice that says so: it does not fail.
			sev, title = secretome.SeverityInfo, f.RuleID+" ("+message.Render(message.Term("cli.waived"), r.info.lang)+")"
			msg = message.New("cli.github.waived", message.Enum("severity", f.Severity.String()), message.Text(msg),
				message.Text(waiverLine(f.Waiver, r.info.lang))).In(r.info.lang)
		}
		r.annotate(sev, c, f.Line, f.Column, title, msg)
	}
	for i := range c.gaps {
		g := &c.gaps[i]
		r.annotate(g.severity(r.info.threshold), c, g.Line, g.Column, g.rule(), g.Path+": "+g.Message)
	}
	if r.b.Buffered() > 32<<10 {
		return r.b.Flush()
	}
	return nil
}

func (r *githubReporter) end(s *summary) error {
	waived := ""
	if s.Waived > 0 {
		waived = fmt.Sprintf("; %d waived", s.Waived)
	}
	fmt.Fprintf(r.b, "secretome: %s: %d passed, %d failed, %d invalid, %d unreadable%s\n",
		plural(s.Dossiers, "dossier"), s.Passed, s.Failed, s.Invalid, s.Unreadable, waived)
	fmt.Fprintf(r.b, "secretome: %s\n", auditLine(r.info))
	var over []string
	for _, cmd := range []string{"error", "warning", "notice"} {
		if n := r.written[cmd]; n > githubShown {
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
