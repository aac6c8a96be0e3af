package policy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/openregen/secretomekit/internal/yamljson"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// testFileSpec is a policy test file as written.
type testFileSpec struct {
	Tests []testSpec `json:"tests"`
}

// testSpec is one test case as written.
type testSpec struct {
	// Name says what the case shows.
	Name string `json:"name"`
	// Dossier is the dossier file, relative to the test file.
	Dossier string `json:"dossier"`
	// AsOf is the day the rules are evaluated for; required, so that
	// tests do not age.
	AsOf secretome.Date `json:"as_of"`
	// Jurisdictions limits the assessment, as Options.Jurisdictions;
	// empty assesses every jurisdiction.
	Jurisdictions []string `json:"jurisdictions,omitempty"`
	// Expect is what the assessment must show.
	Expect expectSpec `json:"expect"`
}

type expectSpec struct {
	// Findings must each match at least one finding.
	Findings []findingSpec `json:"findings,omitempty"`
	// Absent must each match no finding.
	Absent []findingSpec `json:"absent,omitempty"`
	// Verdicts must each hold.
	Verdicts []verdictSpec `json:"verdicts,omitempty"`
}

// findingSpec matches findings: every field given must be equal.
type findingSpec struct {
	Rule     string `json:"rule"`
	Path     string `json:"path,omitempty"`
	Severity string `json:"severity,omitempty"`
	Use      *int   `json:"use,omitempty"`
}

type verdictSpec struct {
	Jurisdiction string             `json:"jurisdiction"`
	Use          int                `json:"use"`
	Verdict      regulation.Verdict `json:"verdict"`
}

// TestResult is the outcome of one policy test case.
type TestResult struct {
	// File is the test file and Line the line of the case in it.
	File string
	Line int
	// Name is the case's name.
	Name string
	// Failures says what did not hold, in English; empty when the case
	// passed.
	Failures []string
	// Texts are the Failures as catalogued messages, which render in any
	// supported language (message.Message.In).
	Texts []message.Message
}

// Passed reports whether every expectation held.
func (r *TestResult) Passed() bool { return len(r.Failures) == 0 }

// IsTestFile reports whether a file name is a policy test file:
// *_test.yaml, *_test.yml or *_test.json.
func IsTestFile(name string) bool {
	ext := filepath.Ext(name)
	switch ext {
	case ".yaml", ".yml", ".json":
		return strings.HasSuffix(strings.TrimSuffix(name, ext), "_test")
	}
	return false
}

// Verify runs the policy tests of a folder, as conftest's verify does: it
// loads the folder's policies (LoadDir), adds them beside base (such as
// regulation.Shipped(); nil for the policies alone), and runs each case
// of each test file (*_test.yaml, .yml, .json) in name order. A case
// names a dossier file (JSON or YAML, relative to the test file), the
// as-of day, optionally the jurisdictions, and what it expects:
//
//	tests:
//	  - name: a batch without a sterility result is refused for hospital use
//	    dossier: testdata/wound-gel-without-sterility.json
//	    as_of: 2026-11-26
//	    expect:
//	      findings:                 # each must match a finding
//	        - {rule: RSHS-FORMULARY-STERILITY, path: product.batches[0].results, severity: error, use: 1}
//	      absent:                   # none may match a finding
//	        - {rule: RSHS-FORMULARY-BATCHES}
//	      verdicts:
//	        - {jurisdiction: HOUSE, use: 1, verdict: prohibited}
//
// A finding pattern matches a finding when its rule is equal and so is
// every other field it gives. The error reports policies or test files
// that do not load (each a *FileError), a folder without test files, and
// cancellation; a dossier that does not decode fails its case.
func Verify(ctx context.Context, dir string, base *regulation.RuleSet) ([]TestResult, error) {
	ps, err := LoadDir(dir)
	if err != nil {
		return nil, err
	}
	if base == nil {
		base = &regulation.RuleSet{}
	}
	rules, err := ps.RuleSet(base)
	if err != nil {
		return nil, err
	}
	names, err := filesIn(dir, IsTestFile)
	if err != nil {
		return nil, err
	}
	var out []TestResult
	var errs []error
	for _, name := range names {
		res, err := verifyFile(ctx, name, rules)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			errs = append(errs, err)
			continue
		}
		out = append(out, res...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("policy: %s holds no test file (*_test.yaml, *_test.yml or *_test.json)", dir)
	}
	return out, nil
}

// verifyFile runs the cases of one test file.
func verifyFile(ctx context.Context, name string, rules *regulation.RuleSet) ([]TestResult, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var spec testFileSpec
	doc := decodeFile(name, data, &spec)
	if len(doc.probs) > 0 {
		return nil, doc.err()
	}
	if len(spec.Tests) == 0 {
		doc.problem("tests", CodeRequired, "the file has no tests")
	}
	for i, tc := range spec.Tests {
		at := fmt.Sprintf("tests[%d]", i)
		if strings.TrimSpace(tc.Name) == "" {
			doc.problem(at+".name", CodeRequired, "name is required")
		}
		if tc.Dossier == "" {
			doc.problem(at+".dossier", CodeRequired, "dossier is required: the dossier file, relative to the test file")
		}
		if tc.AsOf.IsZero() {
			doc.problem(at+".as_of", CodeRequired, "as_of is required, so that the test does not age")
		}
		if len(tc.Expect.Findings)+len(tc.Expect.Absent)+len(tc.Expect.Verdicts) == 0 {
			doc.problem(at+".expect", CodeRequired, "expect holds no finding, absent finding or verdict: the test could not fail")
		}
		for k, f := range slices.Concat(tc.Expect.Findings, tc.Expect.Absent) {
			if f.Rule == "" {
				doc.problem(fmt.Sprintf("%s.expect.findings[%d].rule", at, k), CodeRequired, "rule is required")
			}
			if f.Severity != "" {
				var s secretome.Severity
				if s.UnmarshalText([]byte(f.Severity)) != nil {
					doc.problem(fmt.Sprintf("%s.expect", at), CodeInvalid, fmt.Sprintf("severity %q is not error, warning or info", f.Severity))
				}
			}
		}
	}
	if err := doc.err(); err != nil {
		return nil, err
	}
	out := make([]TestResult, len(spec.Tests))
	for i := range spec.Tests {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		tc := &spec.Tests[i]
		line, _ := doc.locate(fmt.Sprintf("tests[%d]", i))
		out[i] = TestResult{File: name, Line: line, Name: tc.Name}
		out[i].Texts = runCase(ctx, filepath.Join(filepath.Dir(name), tc.Dossier), tc, rules)
		for _, m := range out[i].Texts {
			out[i].Failures = append(out[i].Failures, m.String())
		}
	}
	return out, nil
}

// runCase assesses the case's dossier and returns what did not hold.
func runCase(ctx context.Context, dossier string, tc *testSpec, rules *regulation.RuleSet) []message.Message {
	data, err := os.ReadFile(dossier)
	if err != nil {
		return []message.Message{message.Plain(err.Error())}
	}
	d, err := DecodeDossier(data)
	if err != nil {
		return []message.Message{message.New("policy.test.dossier", message.Text(dossier), message.Of(err))}
	}
	a, err := regulation.NewAssessor(rules, regulation.Options{Jurisdictions: tc.Jurisdictions, AsOf: tc.AsOf})
	if err != nil {
		return []message.Message{message.Of(err)}
	}
	rep, err := a.Assess(ctx, d)
	if err != nil {
		return []message.Message{message.Of(err)}
	}
	fs := rep.Findings()
	var fails []message.Message
	for _, want := range tc.Expect.Findings {
		if !slices.ContainsFunc(fs, want.matches) {
			fails = append(fails, message.New("policy.test.no_match", message.Text(want.String())))
		}
	}
	for _, not := range tc.Expect.Absent {
		for _, f := range fs {
			if not.matches(f) {
				fails = append(fails, message.New("policy.test.absent", message.Text(not.String()),
					message.Enum("severity", f.Severity.String()), message.Text(f.RuleID), message.Text(f.Path), f.Message))
				break
			}
		}
	}
	for _, v := range tc.Expect.Verdicts {
		j := rep.Jurisdiction(v.Jurisdiction)
		var u *regulation.UseAssessment
		if j != nil {
			u = j.Use(v.Use)
		}
		switch {
		case u == nil:
			fails = append(fails, message.New("policy.test.no_verdict", message.Int(v.Use), message.Text(v.Jurisdiction)))
		case u.Verdict != v.Verdict:
			fails = append(fails, message.New("policy.test.verdict", message.Int(v.Use), message.Text(v.Jurisdiction),
				message.Text(u.Verdict.String()), message.Text(v.Verdict.String()), message.Text(strings.Join(u.Rules, ", "))))
		}
	}
	return fails
}

func (f findingSpec) matches(g regulation.Finding) bool {
	return f.Rule == g.RuleID && (f.Path == "" || f.Path == g.Path) &&
		(f.Severity == "" || f.Severity == g.Severity.String()) &&
		(f.Use == nil || (g.Use != nil && *g.Use == *f.Use))
}

func (f findingSpec) String() string {
	s := "{rule: " + f.Rule
	if f.Path != "" {
		s += ", path: " + f.Path
	}
	if f.Severity != "" {
		s += ", severity: " + f.Severity
	}
	if f.Use != nil {
		s += fmt.Sprintf(", use: %d", *f.Use)
	}
	return s + "}"
}

// DecodeDossier decodes a dossier written in JSON or YAML (a document
// that does not start with "{" is read as YAML) and validates it, as
// regulation.DecodeDossier does for JSON.
func DecodeDossier(data []byte) (*regulation.Dossier, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return regulation.DecodeDossier(data)
	}
	doc, err := yamljson.Convert(data, yamljson.Options{MaxBytes: int(regulation.MaxDossierBytes)})
	if err != nil {
		return nil, err
	}
	return regulation.DecodeDossier(doc.JSON)
}
