package main

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

// junitText is element text written as CDATA, so that line breaks stay
// readable.
type junitText struct {
	Text string `xml:",cdata"`
}

func textOrNil(s string) *junitText {
	if s == "" {
		return nil
	}
	return &junitText{s}
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// junitReporter writes JUnit XML: one test suite per dossier, and in it
// one test case per jurisdiction assessed ("US", "QUALITY", ...), plus a
// "dossier" case when the dossier could not be decoded or read. A case
// fails when it has findings at or above --fail-on; the failure lists
// them. Findings below the threshold go to the case's system-out. Suites
// are written as dossiers are checked, so the document streams.
type junitReporter struct {
	w    io.Writer
	b    *bufio.Writer
	info *runInfo
}

func (r *junitReporter) begin(info *runInfo) error {
	r.info = info
	r.b = bufio.NewWriter(r.w)
	r.b.WriteString(xml.Header)
	r.b.WriteString(`<testsuites name="secretome check">` + "\n")
	return nil
}

func (r *junitReporter) dossier(c *checked) error {
	suite := junitSuite{Name: c.name()}
	if p := c.product(); p != "" {
		suite.Name += " (" + p + ")"
	}
	classname := c.name()
	if c.ioErr != nil {
		suite.Cases = append(suite.Cases, junitCase{Classname: classname, Name: "dossier",
			Error: &junitFailure{Message: "the input could not be read", Type: ruleUnreadable, Text: c.ioErr.Error()}})
	}
	if len(c.problems) > 0 {
		var fail, other []string
		for _, p := range c.problems {
			line := fmt.Sprintf("%s %s %s: %s", p.Severity, problemRule(p.Code), where(p.Path, p.Line), p.Message)
			if p.Severity == secretome.SeverityError || r.info.threshold.fails(p.Severity) {
				fail = append(fail, line)
			} else {
				other = append(other, line)
			}
		}
		tc := junitCase{Classname: classname, Name: "dossier", SystemOut: textOrNil(joinLines(other))}
		if len(fail) > 0 {
			tc.Failure = &junitFailure{Message: plural(len(fail), "problem"), Type: "invalid", Text: joinLines(fail)}
		}
		suite.Cases = append(suite.Cases, tc)
	}
	if c.report != nil {
		for _, j := range c.report.Jurisdictions {
			var fail, other []string
			for _, f := range c.findings {
				if f.Jurisdiction != j.Jurisdiction {
					continue
				}
				line := fmt.Sprintf("%s %s %s: %s (%s)", f.Severity, f.RuleID, where(f.Path, f.Line), f.Message, citationLine(f.Citation, f.Provenance))
				if r.info.threshold.fails(f.Severity) {
					fail = append(fail, line)
				} else {
					other = append(other, line)
				}
			}
			tc := junitCase{Classname: classname, Name: j.Jurisdiction, SystemOut: textOrNil(joinLines(other))}
			if len(fail) > 0 {
				tc.Failure = &junitFailure{Message: plural(len(fail), "finding"), Type: "findings", Text: joinLines(fail)}
			}
			suite.Cases = append(suite.Cases, tc)
		}
	}
	suite.Tests = len(suite.Cases)
	for _, tc := range suite.Cases {
		if tc.Failure != nil {
			suite.Failures++
		}
		if tc.Error != nil {
			suite.Errors++
		}
	}
	b, err := xml.MarshalIndent(suite, "  ", "  ")
	if err != nil {
		return err
	}
	r.b.Write(b)
	r.b.WriteByte('\n')
	if r.b.Buffered() > 32<<10 {
		return r.b.Flush()
	}
	return nil
}

func where(path string, line int) string {
	if path == "" {
		path = "(dossier)"
	}
	if line > 0 {
		return path + ":" + strconv.Itoa(line)
	}
	return path
}

func joinLines(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

func (r *junitReporter) end(*summary) error {
	r.b.WriteString("</testsuites>\n")
	return r.b.Flush()
}
