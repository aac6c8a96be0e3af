package main

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

type junitSuite struct {
	XMLName  xml.Name `xml:"testsuite"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	// Properties carry the audit record: versions, the as-of day, the
	// rule set's digest, the policy and waivers files, and the revision
	// of each rule with a finding here.
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	List []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// auditProperties returns the audit record as JUnit properties, with the
// revisions of the rules of the findings.
func auditProperties(info *runInfo, findings []located) *junitProperties {
	a := &info.audit
	ps := &junitProperties{List: []junitProperty{
		{"secretome.version", info.version}, {"library.version", a.Library},
		{"as_of", a.AsOf.String()}, {"rules.digest", a.Digest},
	}}
	for _, in := range a.Inputs {
		ps.List = append(ps.List, junitProperty{in.Kind + ":" + in.Name, in.Digest})
	}
	seen := map[string]bool{}
	for _, f := range findings {
		if seen[f.RuleID] {
			continue
		}
		seen[f.RuleID] = true
		for _, rr := range a.Rules {
			if rr.ID == f.RuleID {
				ps.List = append(ps.List, junitProperty{"rule:" + rr.ID, rr.Revision})
			}
		}
	}
	return ps
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

// junitSkipped marks a case that was not run: a use whose jurisdiction
// was not assessed.
type junitSkipped struct {
	Message string `xml:"message,attr"`
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
// one test case per jurisdiction assessed where the dossier has a use or
// a finding, or that --jurisdiction named ("US", "QUALITY", ...), one
// case per use whose jurisdiction was not assessed ("use 2 (SG)",
// skipped, or failed with --fail-on unknown), plus a "dossier" case when
// the dossier could not be decoded or read. A case fails when it has
// findings at or above --fail-on (with --fail-on unknown, also uses of
// unknown verdict); the failure lists them. Findings below the threshold
// go to the case's system-out. Suites
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

// dossier writes the dossier's test suite, rendering it unless a worker
// did.
func (r *junitReporter) dossier(c *checked) error {
	r.b.Write(output(r, r.info, c))
	return flushFull(r.b)
}

// prepare renders the dossier's test suite in a worker: a suite depends
// on nothing but its dossier and the run.
func (r *junitReporter) prepare(info *runInfo, c *checked) {
	c.rendered, c.prepared = (&junitReporter{info: info}).suite(c), true
}

// suite renders the test suite of one dossier, ending in a line break.
// It reads nothing of r but info.
func (r *junitReporter) suite(c *checked) []byte {
	suite := junitSuite{Name: c.name()}
	if p := c.product(); p != "" {
		suite.Name += " (" + p + ")"
	}
	classname := c.name()
	if c.ioErr != nil {
		suite.Cases = append(suite.Cases, junitCase{Classname: classname, Name: "dossier",
			Error: &junitFailure{Message: r.say("cli.junit.unreadable"), Type: ruleUnreadable, Text: c.ioErr.Error()}})
	}
	if len(c.problems) > 0 {
		var fail, other []string
		for _, p := range c.problems {
			line := fmt.Sprintf("%s %s %s: %s", r.severity(p.Severity), problemRule(p.Code), where(p.Path, p.Line, r.info.lang), p.Message)
			if p.Severity == secretome.SeverityError || r.info.threshold.fails(p.Severity) {
				fail = append(fail, line)
			} else {
				other = append(other, line)
			}
		}
		tc := junitCase{Classname: classname, Name: "dossier", SystemOut: textOrNil(joinLines(other))}
		if len(fail) > 0 {
			tc.Failure = &junitFailure{Message: r.count(len(fail), "noun.problem"), Type: "invalid", Text: joinLines(fail)}
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
				line := fmt.Sprintf("%s %s %s: %s (%s)", r.severity(f.Severity), f.RuleID, where(f.Path, f.Line, r.info.lang), f.Text(),
					citationLine(f.Cited(), f.Provenance, r.info.lang))
				if f.Waiver != nil {
					// Waived: shown with the waiver, never a failure.
					other = append(other, r.say("cli.junit.waived", message.Text(line), message.Text(waiverLine(f.Waiver, r.info.lang))))
					continue
				}
				if r.info.threshold.fails(f.Severity) {
					fail = append(fail, line)
				} else {
					other = append(other, line)
				}
			}
			if len(j.Uses) == 0 && len(fail)+len(other) == 0 && !r.info.asked[j.Jurisdiction] {
				// The dossier has no use there: a green case would say
				// the market was checked and passed.
				continue
			}
			for i := range c.gaps {
				g := &c.gaps[i]
				if g.Unassessed || g.Jurisdiction != j.Jurisdiction {
					continue
				}
				line := fmt.Sprintf("%s %s %s: %s", r.severity(g.severity(r.info.threshold)), g.rule(), where(g.Path, g.Line, r.info.lang), g.Message)
				if r.info.threshold.unknown {
					fail = append(fail, line)
				} else {
					other = append(other, line)
				}
			}
			tc := junitCase{Classname: classname, Name: j.Jurisdiction, SystemOut: textOrNil(joinLines(other))}
			if len(fail) > 0 {
				tc.Failure = &junitFailure{Message: r.count(len(fail), "noun.finding"), Type: "findings", Text: joinLines(fail)}
			}
			suite.Cases = append(suite.Cases, tc)
		}
		for i := range c.gaps {
			g := &c.gaps[i]
			if !g.Unassessed {
				continue
			}
			tc := junitCase{Classname: classname, Name: fmt.Sprintf("use %d (%s)", g.Use, g.Jurisdiction)}
			if r.info.threshold.unknown {
				tc.Failure = &junitFailure{Message: r.say("cli.junit.unassessed"), Type: g.rule(), Text: where(g.Path, g.Line, r.info.lang) + ": " + g.Message + "\n"}
			} else {
				tc.Skipped = &junitSkipped{Message: g.Message}
			}
			suite.Cases = append(suite.Cases, tc)
		}
	}
	suite.Properties = auditProperties(r.info, c.findings)
	suite.Tests = len(suite.Cases)
	for _, tc := range suite.Cases {
		if tc.Failure != nil {
			suite.Failures++
		}
		if tc.Skipped != nil {
			suite.Skipped++
		}
		if tc.Error != nil {
			suite.Errors++
		}
	}
	// The suite's fields are strings, numbers and slices of structs,
	// which always marshal; invalid characters are escaped.
	b, err := xml.MarshalIndent(suite, "  ", "  ")
	if err != nil {
		panic("secretome: " + err.Error())
	}
	return append(b, '\n')
}

// say renders a message of the catalogue in the run's language.
func (r *junitReporter) say(code string, args ...message.Arg) string {
	return message.New(code, args...).In(r.info.lang)
}

// count renders n things of the noun term, in the run's language.
func (r *junitReporter) count(n int, noun string) string {
	return message.Render(message.Count{N: n, Noun: noun}, r.info.lang)
}

// severity names a severity in the run's language.
func (r *junitReporter) severity(s secretome.Severity) string {
	return message.Name("severity", s.String(), r.info.lang)
}

// where is a field path and its line; the document itself is named in
// the language lang.
func where(path string, line int, lang language.Tag) string {
	if path == "" {
		path = message.New("cli.dossier").In(lang)
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
