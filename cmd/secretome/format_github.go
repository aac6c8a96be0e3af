package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// githubReporter writes GitHub Actions workflow commands, which the
// runner turns into annotations on the files of a pull request:
//
//	::error file=dossiers/gel.json,line=12,title=US-1271-NOT-HCTP::message
//
// Errors become error annotations, warnings warning annotations and
// informational findings notices (left out with --quiet). A plain summary
// line ends the output.
type githubReporter struct {
	w    io.Writer
	b    *bufio.Writer
	info *runInfo
}

// escapeData escapes the message of a workflow command as the runner
// expects: %, CR and LF.
func escapeData(s string) string {
	r := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	return r.Replace(s)
}

// escapeProperty escapes a property value of a workflow command: as data,
// plus : and , which separate properties.
func escapeProperty(s string) string {
	r := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	return r.Replace(s)
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
	fmt.Fprintf(r.b, "::%s %s::%s\n", githubCommand(sev), strings.Join(props, ","), escapeData(msg))
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
		msg := f.Message
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		msg += "\n" + citationLine(f.Citation, f.Provenance)
		r.annotate(f.Severity, c, f.Line, f.Column, f.RuleID, msg)
	}
	if r.b.Buffered() > 32<<10 {
		return r.b.Flush()
	}
	return nil
}

func (r *githubReporter) end(s *summary) error {
	fmt.Fprintf(r.b, "secretome: %s: %d passed, %d failed, %d invalid, %d unreadable\n",
		plural(s.Dossiers, "dossier"), s.Passed, s.Failed, s.Invalid, s.Unreadable)
	return r.b.Flush()
}
