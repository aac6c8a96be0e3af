package main

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
)

// verifySchemaVersion names the JSON output format of verify.
const verifySchemaVersion = "secretomekit/verify/v1"

// verifyOutput is the JSON output of "secretome verify --format json".
type verifyOutput struct {
	Schema  string        `json:"schema"`
	Tool    jsonTool      `json:"tool"`
	Tests   []verifyCase  `json:"tests"`
	Summary verifySummary `json:"summary"`
}

type verifyCase struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Name     string   `json:"name"`
	Status   string   `json:"status"` // pass or fail
	Failures []string `json:"failures"`
}

type verifySummary struct {
	Tests  int `json:"tests"`
	Passed int `json:"passed"`
	Failed int `json:"failed"`
}

// runVerify runs the policy tests of each folder (see policy.Verify)
// with the shipped rules beside the policies. It exits 0 when every test
// passes, 1 when one fails, 2 when a policy or test file does not load.
func runVerify(e *env, args []string) (int, error) {
	fs := newFlagSet(e, "verify", "[flags] DIR...")
	format := &choiceFlag{value: "text", allowed: formats}
	fs.Var(format, "format", e.say("cli.flag.format", message.Text(strings.Join(formats, ", "))))
	dirs, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(dirs) == 0 {
		return exitUsage, usageIn(e.lang, "cli.verify.no_dirs")
	}
	var all []policy.TestResult
	for _, dir := range dirs {
		res, err := policy.Verify(e.ctx, dir, regulation.Shipped())
		if err != nil {
			return exitUsage, &langError{err: err, tag: e.lang}
		}
		for i := range res {
			// What did not hold, in the language of the run.
			for k, m := range res[i].Texts {
				res[i].Failures[k] = m.In(e.lang)
			}
		}
		all = append(all, res...)
	}
	sum := verifySummary{Tests: len(all)}
	for i := range all {
		if all[i].Passed() {
			sum.Passed++
		} else {
			sum.Failed++
		}
	}
	if err := writeVerify(e, format.value, all, sum); err != nil {
		return exitUsage, err
	}
	if sum.Failed > 0 {
		return exitFindings, nil
	}
	return exitOK, nil
}

func writeVerify(e *env, format string, all []policy.TestResult, sum verifySummary) error {
	b := bufio.NewWriter(e.stdout)
	say := func(code string, args ...message.Arg) string { return message.New(code, args...).In(e.lang) }
	summary := say("cli.verify.summary", message.Count{N: sum.Tests, Noun: "noun.test"}, message.Int(sum.Passed), message.Int(sum.Failed))
	switch format {
	case "json":
		out := verifyOutput{Schema: verifySchemaVersion, Tool: jsonTool{Name: "secretome", Version: moduleVersion()},
			Tests: []verifyCase{}, Summary: sum}
		for _, r := range all {
			c := verifyCase{File: r.File, Line: r.Line, Name: r.Name, Status: "pass", Failures: r.Failures}
			if !r.Passed() {
				c.Status = "fail"
			}
			if c.Failures == nil {
				c.Failures = []string{}
			}
			out.Tests = append(out.Tests, c)
		}
		enc := json.NewEncoder(b)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	case "junit":
		b.WriteString(xml.Header)
		type suites struct {
			XMLName xml.Name     `xml:"testsuites"`
			Name    string       `xml:"name,attr"`
			Suites  []junitSuite `xml:"testsuite"`
		}
		out := suites{Name: "secretome verify"}
		for _, r := range all {
			if len(out.Suites) == 0 || out.Suites[len(out.Suites)-1].Name != r.File {
				out.Suites = append(out.Suites, junitSuite{Name: r.File})
			}
			s := &out.Suites[len(out.Suites)-1]
			tc := junitCase{Classname: r.File, Name: r.Name}
			if !r.Passed() {
				tc.Failure = &junitFailure{Message: message.Render(message.Count{N: len(r.Failures), Noun: "noun.failed_expectation"}, e.lang), Type: "verify",
					Text: joinLines(r.Failures)}
				s.Failures++
			}
			s.Cases = append(s.Cases, tc)
			s.Tests++
		}
		x, err := xml.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		b.Write(x)
		b.WriteByte('\n')
	case "github":
		for _, r := range all {
			if !r.Passed() {
				fmt.Fprintf(b, "::error file=%s,line=%d,title=%s::%s\n", escapeProperty(r.File), r.Line,
					escapeProperty(say("cli.verify.failed")), escapeData(r.Name+"\n"+strings.Join(r.Failures, "\n")))
			}
		}
		fmt.Fprintf(b, "secretome verify: %s\n", summary)
	case "sarif":
		writeVerifySARIF(b, all, e.lang)
	default:
		for _, r := range all {
			status := say("cli.status.pass")
			if !r.Passed() {
				status = say("cli.status.fail")
			}
			fmt.Fprintf(b, "%s  %s:%d  %s\n", status, r.File, r.Line, printable(r.Name))
			for _, f := range r.Failures {
				fmt.Fprintf(b, "      %s\n", printable(f))
			}
		}
		fmt.Fprintf(b, "%s\n", summary)
	}
	return b.Flush()
}

// ruleVerifyFailed is the SARIF rule of a failed policy test.
const ruleVerifyFailed = "verify/failed"

// writeVerifySARIF writes one result per failed test, at the test case.
func writeVerifySARIF(b *bufio.Writer, all []policy.TestResult, lang language.Tag) {
	zero := 0
	type run struct {
		Tool    map[string]any `json:"tool"`
		Results []sarifResult  `json:"results"`
	}
	rule := sarifRule{ID: ruleVerifyFailed, ShortDescription: sarifMessage{Text: message.New("cli.rule.verify_failed").In(lang)},
		Properties: sarifRuleProps{Tags: []string{"policy"}}}
	r := run{Tool: map[string]any{"driver": map[string]any{"name": "secretome", "version": sarifToolVersion(moduleVersion()),
		"informationUri": toolInfoURI, "rules": []sarifRule{rule}}}, Results: []sarifResult{}}
	for _, t := range all {
		if t.Passed() {
			continue
		}
		src := &source{path: t.File}
		uri, base := src.uri()
		res := sarifResult{RuleID: ruleVerifyFailed, RuleIndex: &zero, Level: "error",
			Message: sarifMessage{Text: t.Name + ": " + strings.Join(t.Failures, "; ")}}
		if uri != "" {
			res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}, Region: &sarifRegion{StartLine: max(t.Line, 1)}}}}
		}
		r.Results = append(r.Results, res)
	}
	runs := map[string]any{"tool": r.Tool, "results": r.Results}
	if base := sarifBaseIDs(); base != nil {
		runs["originalUriBaseIds"] = base
	}
	if lang != message.English {
		runs["language"] = lang.String() // SARIF's default is en-US
	}
	log := map[string]any{"version": sarifVersion, "$schema": sarifSchema, "runs": []map[string]any{runs}}
	writeJSON(b, log)
	b.WriteByte('\n')
}
