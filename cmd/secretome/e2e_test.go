package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/internal/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// asOf fixes the rules' date so that golden files do not age.
const asOf = "2026-11-01"

// digests match the audit record's digests and rule revisions, which
// change whenever a rule's metadata does.
var digests = regexp.MustCompile(`sha256:[0-9a-f]{16}([0-9a-f]{48})?`)

var sarifBase = regexp.MustCompile(`"originalUriBaseIds":\{"%SRCROOT%":\{"uri":"file://[^"]*"\}\}`)

// normalise replaces the binary's version, which depends on how it was
// built, with a placeholder.
func normalise(t *testing.T, s string) string {
	t.Helper()
	v := runBinary(t, "", "", "version")
	require.Equal(t, 0, v.code)
	version := strings.Fields(v.stdout)[1]
	s = strings.ReplaceAll(s, `"version":"`+version+`"`, `"version":"VERSION"`)
	s = strings.ReplaceAll(s, `"version":"`+sarifToolVersion(version)+`"`, `"version":"VERSION"`)
	s = strings.ReplaceAll(s, "secretome "+version+", library ", "secretome VERSION, library ")
	s = strings.ReplaceAll(s, `"secretome.version" value="`+version+`"`, `"secretome.version" value="VERSION"`)
	s = digests.ReplaceAllString(s, "sha256:DIGEST")
	// SARIF names the working folder, which depends on the machine.
	s = sarifBase.ReplaceAllString(s, `"originalUriBaseIds":{"%SRCROOT%":{"uri":"file:///WORKDIR/"}}`)
	return s
}

func TestGoldenCheck(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			r := runBinary(t, "", "", "check", "--as-of", asOf, "--format", format, "testdata/dossiers")
			assert.Equal(t, exitFindings, r.code, "the fixtures include invalid and failing dossiers; stderr: %s", r.stderr)
			assert.Empty(t, r.stderr)
			golden(t, "check."+format, normalise(t, r.stdout))
		})
	}
}

func TestGoldenExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "dossiers")
	if m, _ := filepath.Glob(filepath.Join(dir, "*.json")); len(m) == 0 {
		t.Skip("no bundled example dossiers yet")
	}
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			// Run from the module root so that paths read examples/dossiers/...
			r := runBinary(t, filepath.Join("..", ".."), "", "check", "--as-of", asOf, "--format", format, "examples/dossiers")
			assert.Equal(t, exitFindings, r.code, "the examples include a broken dossier; stderr: %s", r.stderr)
			assert.Empty(t, r.stderr)
			golden(t, "examples."+format, normalise(t, r.stdout))
			switch format {
			case "sarif":
				checkSARIF(t, r.stdout)
			case "json":
				assert.Empty(t, checkSchema().ValidateJSON([]byte(r.stdout)))
			}
		})
	}
}

// readJSON decodes check's JSON output.
func readJSON(t *testing.T, s string) checkOutput {
	t.Helper()
	var out checkOutput
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&out), "output: %s", s)
	return out
}

func TestJSONOutputMatchesItsSchema(t *testing.T) {
	r := runBinary(t, "", "", "check", "--as-of", asOf, "--format", "json", "testdata/dossiers")
	out := readJSON(t, r.stdout)
	assert.Equal(t, checkSchemaVersion, out.Schema)
	assert.Empty(t, checkSchema().ValidateJSON([]byte(r.stdout)))

	printed := runBinary(t, "", "", "schema", "check")
	require.Equal(t, 0, printed.code)
	var s jsonschema.Schema
	require.NoError(t, json.Unmarshal([]byte(printed.stdout), &s))
	assert.Empty(t, s.ValidateJSON([]byte(r.stdout)), "the printed schema accepts the output too")
}

// sarifLog is the part of a SARIF log the structural checks read.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID         string `json:"id"`
					HelpURI    string `json:"helpUri"`
					Properties struct {
						Tags []string `json:"tags"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind         string                   `json:"columnKind"`
		OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID     string          `json:"ruleId"`
			RuleIndex  *int            `json:"ruleIndex"`
			Level      string          `json:"level"`
			Locations  []sarifLocation `json:"locations"`
			Properties struct {
				Tags []string `json:"tags"`
			} `json:"properties"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool                `json:"executionSuccessful"`
			Notifications       []sarifNotification `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

// officialSARIFSchema is the $id of the OASIS SARIF 2.1.0 schema (errata
// 01), which a log should name as its $schema.
const officialSARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// checkSARIF holds a SARIF log to the SARIF 2.1.0 schema of the standard
// (testdata/sarif-schema-2.1.0.json), to what the standard states beyond
// its schema (unique tags, absolute URIs), and to the cross-references code-scanning
// services rely on: rule IDs unique, every result's ruleIndex pointing at
// its rule, relative artifact URIs resolved through a base the run
// defines.
func checkSARIF(t *testing.T, data string) sarifLog {
	t.Helper()
	validateSARIF(t, data)

	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(data), &log))
	assert.Equal(t, officialSARIFSchema, log.Schema)
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	absolute := func(what, uri string) {
		u, err := url.Parse(uri)
		if assert.NoError(t, err, what) {
			assert.True(t, u.IsAbs() && (u.Scheme == "https" || u.Scheme == "http"), "%s %q must be an absolute http(s) URI", what, uri)
		}
	}
	unique := func(what string, tags []string) {
		seen := map[string]bool{}
		for _, tag := range tags {
			assert.False(t, seen[tag], "%s: tag %q twice (tags are a set)", what, tag)
			seen[tag] = true
		}
	}
	absolute("informationUri", run.Tool.Driver.InformationURI)
	ids := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		assert.False(t, ids[r.ID], "rule %s listed twice", r.ID)
		ids[r.ID] = true
		if r.HelpURI != "" {
			absolute("helpUri of "+r.ID, r.HelpURI)
		}
		unique("rule "+r.ID, r.Properties.Tags)
	}
	for base, loc := range run.OriginalURIBaseIDs {
		u, err := url.Parse(loc.URI)
		require.NoError(t, err)
		assert.True(t, u.IsAbs() && strings.HasSuffix(loc.URI, "/"), "base %s: %q must be an absolute URI ending in /", base, loc.URI)
		assert.Empty(t, loc.URIBaseID)
	}
	for _, res := range run.Results {
		assert.Contains(t, []string{"error", "warning", "note"}, res.Level)
		if res.RuleIndex != nil {
			require.Less(t, *res.RuleIndex, len(run.Tool.Driver.Rules))
			assert.Equal(t, res.RuleID, run.Tool.Driver.Rules[*res.RuleIndex].ID, "ruleIndex points at the result's rule")
		} else {
			assert.False(t, ids[res.RuleID], "a listed rule %s needs its ruleIndex", res.RuleID)
		}
		unique("result", res.Properties.Tags)
		for _, l := range res.Locations {
			a := l.PhysicalLocation.ArtifactLocation
			u, err := url.Parse(a.URI)
			require.NoError(t, err, "uri %q", a.URI)
			reg := l.PhysicalLocation.Region
			if assert.NotNil(t, reg, "a result in a file has a line, which GitHub code scanning needs to show it (uri %q)", a.URI) &&
				reg.StartColumn > 0 {
				assert.Equal(t, "unicodeCodePoints", run.ColumnKind, "columns count characters, and the run says so")
			}
			if u.IsAbs() {
				assert.Equal(t, "file", u.Scheme, "uri %q", a.URI)
				assert.Empty(t, a.URIBaseID, "an absolute uri needs no base")
				continue
			}
			assert.False(t, strings.HasPrefix(a.URI, "/") || strings.Contains(a.URI, `\`) || strings.Contains(a.URI, " "),
				"uri %q must be a relative URI reference", a.URI)
			_, ok := run.OriginalURIBaseIDs[a.URIBaseID]
			assert.True(t, ok, "relative uri %q has a base the run defines (uriBaseId %q)", a.URI, a.URIBaseID)
		}
	}
	require.Len(t, run.Invocations, 1)
	return log
}

func TestSARIF(t *testing.T) {
	r := runBinary(t, "", "", "check", "--as-of", asOf, "--format", "sarif", "testdata/dossiers")
	log := checkSARIF(t, r.stdout)
	run := log.Runs[0]
	assert.NotEmpty(t, run.Results)
	assert.True(t, run.Invocations[0].ExecutionSuccessful)
	var withHelp int
	for _, ru := range run.Tool.Driver.Rules {
		if ru.HelpURI != "" {
			withHelp++
		}
	}
	assert.Positive(t, withHelp, "rules carry their citation URL as helpUri")
	var withColumn int
	for _, res := range run.Results {
		for _, l := range res.Locations {
			if reg := l.PhysicalLocation.Region; reg != nil && reg.StartColumn > 0 {
				withColumn++
			}
		}
	}
	assert.Positive(t, withColumn, "results point at the column as well as the line")

	gh := runBinary(t, "", "", "check", "--as-of", asOf, "--format", "github", "testdata/dossiers/gel.json")
	assert.Regexp(t, `(?m)^::error file=testdata/dossiers/gel.json,line=\d+,col=\d+,title=`, gh.stdout, "annotations carry the column")
}

// TestJUnit holds the JUnit output to the JSON output of the same run:
// one suite per dossier, in it one test case per jurisdiction assessed
// (plus a "dossier" case for decode problems), and a case fails exactly
// when it has findings at or above --fail-on, its failure naming each of
// them by rule and line.
// TestSARIFBadInputs checks the SARIF log of inputs that are not
// dossiers: each is a result with a line (the first, when the problem has
// none of its own), and the log is still valid.
func TestSARIFBadInputs(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a-empty.json"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b-garbage.yaml"), []byte("\x00\x01\xff"), 0o644))
	f, err := os.Create(filepath.Join(dir, "c-huge.json"))
	require.NoError(t, err)
	require.NoError(t, f.Truncate(100<<20))
	require.NoError(t, f.Close())
	r := runInProcess(t, "", "check", "--as-of", asOf, "--format", "sarif", dir)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	log := checkSARIF(t, r.stdout)
	rules := map[string]bool{}
	for _, res := range log.Runs[0].Results {
		rules[res.RuleID] = true
	}
	assert.Equal(t, map[string]bool{"dossier/syntax": true, "dossier/size": true}, rules)
	assert.Len(t, log.Runs[0].Results, 3)
}

func TestJUnit(t *testing.T) {
	root := filepath.Join("..", "..")
	tests := []struct {
		why    string
		failOn string
		dir    string
		inputs []string
	}{
		{"the fixtures, failing on errors", "error", "", []string{"testdata/dossiers"}},
		{"the fixtures, failing on warnings", "warning", "", []string{"testdata/dossiers"}},
		{"the fixtures, failing on unknowns", "unknown", "", []string{"testdata/dossiers"}},
		{"the bundled examples, two jurisdictions", "error", root, []string{"--jurisdiction", "ID,US", "examples/dossiers"}},
		{"the bundled examples, strict", "unknown", root, []string{"--jurisdiction", "ID,US", "examples/dossiers"}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			args := append([]string{"check", "--as-of", asOf, "--fail-on", tt.failOn}, tt.inputs...)
			js := readJSON(t, runBinary(t, tt.dir, "", append(args, "--format", "json")...).stdout)
			r := runBinary(t, tt.dir, "", append(args, "--format", "junit")...)
			var doc struct {
				Suites []junitSuite `xml:"testsuite"`
			}
			require.NoError(t, xml.Unmarshal([]byte(r.stdout), &doc))
			require.Len(t, doc.Suites, len(js.Dossiers), "one suite per dossier")
			strict := tt.failOn == "unknown"
			fails := func(sev string) bool {
				return sev == "error" || (tt.failOn == "warning" || strict) && sev == "warning"
			}
			asked := slices.Contains(tt.inputs, "--jurisdiction")
			for i, d := range js.Dossiers {
				s := doc.Suites[i]
				assert.True(t, strings.HasPrefix(s.Name, d.Source), "suite %q is dossier %s", s.Name, d.Source)
				var want []string
				if len(d.Problems) > 0 {
					want = append(want, "dossier")
				}
				var shown []jsonJurisdiction
				for _, j := range d.Jurisdictions {
					if len(j.Uses) > 0 || len(j.Findings) > 0 || asked && j.Jurisdiction != "QUALITY" {
						want = append(want, j.Jurisdiction)
						shown = append(shown, j)
					}
				}
				nJuris := len(want)
				for _, u := range d.Unassessed {
					want = append(want, fmt.Sprintf("use %d (%s)", u, d.useJurisdiction(t, tt.dir, u)))
				}
				var got []string
				failures, skipped := 0, 0
				for _, c := range s.Cases {
					got = append(got, c.Name)
					if c.Failure != nil {
						failures++
					}
					if c.Skipped != nil {
						skipped++
					}
				}
				require.Equal(t, want, got, "%s: one case per jurisdiction with a use or a finding, and per unassessed use", d.Source)
				assert.Equal(t, len(s.Cases), s.Tests, d.Source)
				assert.Equal(t, failures, s.Failures, d.Source)
				assert.Equal(t, skipped, s.Skipped, d.Source)
				for _, c := range s.Cases[nJuris:] {
					if strict {
						assert.NotNil(t, c.Failure, "%s %s: an unassessed use fails a strict run", d.Source, c.Name)
					} else {
						assert.NotNil(t, c.Skipped, "%s %s: an unassessed use is a skipped case", d.Source, c.Name)
					}
				}
				for k, j := range shown {
					c := s.Cases[nJuris-len(shown)+k]
					var failing []jsonFinding
					for _, f := range j.Findings {
						if fails(f.Severity) {
							failing = append(failing, f)
						}
					}
					unknown := strict && slices.ContainsFunc(j.Uses, func(u jsonUse) bool { return u.Verdict == "unknown" })
					if len(failing) == 0 && !unknown {
						assert.Nil(t, c.Failure, "%s %s passes", d.Source, j.Jurisdiction)
						continue
					}
					require.NotNil(t, c.Failure, "%s %s fails", d.Source, j.Jurisdiction)
					for _, f := range failing {
						assert.Contains(t, c.Failure.Text, fmt.Sprintf("%s %s %s:%d: ", f.Severity, f.Rule, f.Path, f.Line),
							"the failure carries the finding")
					}
					if unknown {
						assert.Contains(t, c.Failure.Text, ruleUnknown, "a strict run fails on an unknown verdict")
					}
				}
				if len(d.Problems) > 0 {
					require.NotNil(t, s.Cases[0].Failure, "%s: the invalid dossier fails its decode case", d.Source)
					for _, p := range d.Problems {
						if p.Severity == "error" {
							assert.Contains(t, s.Cases[0].Failure.Text, p.Path)
						}
					}
				}
			}
		})
	}
}

// useJurisdiction reads the jurisdiction of use u from the dossier's file.
func (d jsonDossier) useJurisdiction(t *testing.T, dir string, u int) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, d.Source))
	require.NoError(t, err)
	dec := decode(data, syntaxOf(d.Source, false), 0)
	require.NotNil(t, dec.reading.Dossier, d.Source)
	return dec.reading.Dossier.Uses[u].Jurisdiction
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		in, data, prop, why string
	}{
		{"plain", "plain", "plain", "nothing to escape"},
		{"50% a\r\nb", "50%25 a%0D%0Ab", "50%25 a%0D%0Ab", "percent and line breaks in both"},
		{"a: b, c", "a: b, c", "a%3A b%2C c", "colon and comma only in properties"},
		{"%3A", "%253A", "%253A", "an escape sequence in the input is itself escaped"},
		{"d\x1b[31m\x00\t.json", "d%1B[31m%00%09.json", "d%1B[31m%00%09.json", "other control characters (a file name with a terminal escape, a NUL, a tab)"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.data, escapeData(tt.in))
			assert.Equal(t, tt.prop, escapeProperty(tt.in))
		})
	}
}

// TestGitHubAnnotationLimit checks that a run writing more annotations of
// a kind than GitHub shows for a step says so, and one within the limit
// does not.
func TestGitHubAnnotationLimit(t *testing.T) {
	tests := []struct {
		why   string
		paths []string
		over  string
	}{
		{"8 errors, 2 warnings, 10 notices are all shown", []string{"testdata/dossiers/gel.json", "testdata/dossiers/broken.json", "testdata/dossiers/gel.yaml"}, ""},
		{"the broken fixture again: 14 errors are too many", []string{"testdata/dossiers/gel.json", "testdata/dossiers/broken.json", "testdata/dossiers/gel.yaml", "testdata/dossiers/broken.json"}, "14 errors"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			r := runInProcess(t, "", append([]string{"check", "--as-of", asOf, "--format", "github"}, tt.paths...)...)
			last := strings.Split(strings.TrimSpace(r.stdout), "\n")
			limit := last[len(last)-1]
			if tt.over == "" {
				assert.NotContains(t, r.stdout, "GitHub shows at most")
				return
			}
			assert.Contains(t, limit, "GitHub shows at most 10 annotations of each kind")
			assert.Contains(t, limit, tt.over)
			assert.NotContains(t, limit, "warnings", "the warnings are within the limit")
			assert.False(t, strings.HasPrefix(limit, "::"), "the note is a plain line, not one more annotation")
		})
	}
}

// TestFailOn holds the documented exit statuses, empty inputs among them.
func TestFailOn(t *testing.T) {
	gel := "testdata/dossiers/gel.json"
	dir := t.TempDir()
	empty, emptyLines := filepath.Join(dir, "empty.json"), filepath.Join(dir, "blank.jsonl")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	require.NoError(t, os.WriteFile(emptyLines, []byte("\n  \n"), 0o644))
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"an error finding fails by default", []string{gel}, exitFindings},
		{"never does not fail on findings", []string{"--fail-on", "never", gel}, exitOK},
		{"never does not fail on invalid dossiers", []string{"--fail-on", "never", "testdata/dossiers/broken.json"}, exitOK},
		{"warning fails on warnings", []string{"--fail-on", "warning", "--jurisdiction", "ID", gel}, exitFindings},
		{"error passes a dossier with only warnings", []string{"--jurisdiction", "ID", gel}, exitOK},
		{"an unreadable input is exit 2 even with never", []string{"--fail-on", "never", "testdata/missing.json"}, exitUsage},
		{"an empty file is an invalid dossier", []string{empty}, exitFindings},
		{"and passes with never, like any invalid dossier", []string{"--fail-on", "never", empty}, exitOK},
		{"a JSON Lines file without records is an input error", []string{emptyLines}, exitUsage},
		{"even with never", []string{"--fail-on", "never", emptyLines}, exitUsage},
		{"so is empty standard input read as JSON Lines", []string{"--jsonl", "-"}, exitUsage},
		{"empty standard input is an invalid dossier", []string{"-"}, exitFindings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runInProcess(t, "", append([]string{"check", "--as-of", asOf, "--quiet"}, tt.args...)...)
			assert.Equal(t, tt.code, r.code, "stdout: %s\nstderr: %s", r.stdout, r.stderr)
		})
	}
}

func TestQuiet(t *testing.T) {
	r := runInProcess(t, "", "check", "--as-of", asOf, "--quiet", "--jurisdiction", "ID", "testdata/dossiers/gel.json")
	assert.Equal(t, exitOK, r.code)
	assert.Empty(t, r.stdout, "nothing fails, so quiet prints nothing")

	r = runInProcess(t, "", "check", "--as-of", asOf, "--quiet", "testdata/dossiers/gel.json")
	assert.Contains(t, r.stdout, "US-FDA-EXOSOME-IND")
	assert.NotContains(t, r.stdout, "US-1271-NOT-HCTP", "info findings are left out")
	assert.NotContains(t, r.stdout, "use 0", "verdict lines are left out")
}

func TestJurisdictionFlag(t *testing.T) {
	r := runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", "--jurisdiction", "us", "--jurisdiction", "EU,US", "testdata/dossiers/gel.json")
	out := readJSON(t, r.stdout)
	assert.Equal(t, []string{"EU", "QUALITY", "US"}, out.Jurisdictions, "codes are upper-cased and deduplicated; the baseline is added")
	require.Len(t, out.Dossiers, 1)
	var got []string
	for _, j := range out.Dossiers[0].Jurisdictions {
		got = append(got, j.Jurisdiction)
	}
	assert.Equal(t, []string{"EU", "QUALITY", "US"}, got)
}

func TestStdin(t *testing.T) {
	for _, name := range []string{"gel.json", "gel.yaml"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "dossiers", name))
			require.NoError(t, err)
			r := runInProcess(t, string(data), "check", "--as-of", asOf, "--format", "json", "-")
			out := readJSON(t, r.stdout)
			require.Len(t, out.Dossiers, 1)
			d := out.Dossiers[0]
			assert.Equal(t, "<stdin>", d.Source)
			assert.Equal(t, "NSB-UCMSC-SG-01", d.Product)
			assert.Equal(t, "fail", d.Status)
		})
	}
}

func TestYAMLMatchesJSON(t *testing.T) {
	a := readJSON(t, runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", "testdata/dossiers/gel.json").stdout)
	b := readJSON(t, runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", "testdata/dossiers/gel.yaml").stdout)
	strip := func(d jsonDossier) jsonDossier {
		for i := range d.Jurisdictions {
			for k := range d.Jurisdictions[i].Findings {
				d.Jurisdictions[i].Findings[k].Line = 0
				d.Jurisdictions[i].Findings[k].Column = 0
			}
		}
		d.Source = ""
		return d
	}
	for _, j := range b.Dossiers[0].Jurisdictions {
		for _, f := range j.Findings {
			assert.Positive(t, f.Line, "finding %s has a YAML line", f.Rule)
		}
	}
	assert.Equal(t, strip(a.Dossiers[0]), strip(b.Dossiers[0]), "the same dossier in YAML gives the same findings")
}

// TestBadInputs checks that each kind of broken input is reported with its
// path and a clear code, that nothing crashes, and that the good dossier
// beside them is still checked.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	write("a-empty.json", nil)
	write("b-garbage.json", []byte("\x00\x01\xff\xfe binary \x89PNG"))
	write("c-deep.json", []byte(strings.Repeat("[", 100000)+strings.Repeat("]", 100000)))
	write("d-deep-object.json", []byte(strings.Repeat(`{"a":`, 20000)+"1"+strings.Repeat("}", 20000)))
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += fmt.Sprintf("%s: &%s [%s*%s]\n", n, n, strings.Repeat("*"+prev+", ", 9), prev)
		prev = n
	}
	write("e-bomb.yaml", []byte(bomb))
	// A 100 MB file, sparse so that the test stays fast; the size bound
	// must reject it before reading.
	f, err := os.Create(filepath.Join(dir, "f-huge.json"))
	require.NoError(t, err)
	require.NoError(t, f.Truncate(100<<20))
	require.NoError(t, f.Close())
	// A dangling symbolic link and a named pipe fail even for root.
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere.json"), filepath.Join(dir, "g-dangling.json")))
	fifo := mkfifo(filepath.Join(dir, "h-fifo.json"))
	if !errors.Is(fifo, errors.ErrUnsupported) {
		require.NoError(t, fifo)
	}
	write("i-trailing.json", append(append([]byte{}, good...), []byte("{}")...))
	write("j-yes-no.yaml", []byte("advertised_to_public: yes\n"))
	write("z-good.json", good)

	r := runBinary(t, "", "", "check", "--as-of", asOf, "--format", "json", dir)
	assert.Equal(t, exitUsage, r.code, "unreadable inputs make the exit status 2")
	out := readJSON(t, r.stdout)
	type want struct {
		status status
		code   string
	}
	wants := map[string]want{
		"a-empty.json":       {statusInvalid, "syntax"},
		"b-garbage.json":     {statusInvalid, "syntax"},
		"c-deep.json":        {statusInvalid, "syntax"},
		"d-deep-object.json": {statusInvalid, "syntax"},
		"e-bomb.yaml":        {statusInvalid, "size"},
		"f-huge.json":        {statusInvalid, "size"},
		"g-dangling.json":    {statusUnreadable, ""},
		"h-fifo.json":        {statusUnreadable, ""},
		"i-trailing.json":    {statusInvalid, "trailing"},
		"j-yes-no.yaml":      {statusInvalid, "type"},
		"z-good.json":        {statusFail, ""},
	}
	if fifo != nil {
		delete(wants, "h-fifo.json") // no named pipes on this system
	}
	require.Len(t, out.Dossiers, len(wants), "every input is reported, in order")
	for i, d := range out.Dossiers {
		name := filepath.Base(d.Source)
		w, ok := wants[name]
		require.True(t, ok, "unexpected source %s", d.Source)
		assert.Equal(t, string(w.status), d.Status, name)
		if i > 0 {
			assert.Less(t, out.Dossiers[i-1].Source, d.Source, "sorted")
		}
		switch w.status {
		case statusUnreadable:
			assert.NotEmpty(t, d.Error, name)
			assert.Contains(t, r.stderr, d.Source, "unreadable inputs are named on stderr beside a report format")
		case statusInvalid:
			require.NotEmpty(t, d.Problems, name)
			var codes []string
			for _, p := range d.Problems {
				codes = append(codes, p.Code)
			}
			assert.Contains(t, codes, w.code, name)
		}
	}
	assert.Equal(t, summary{Dossiers: 11, Failed: 1, Invalid: 8, Unreadable: 2,
		Errors: out.Summary.Errors, Warnings: out.Summary.Warnings, Infos: out.Summary.Infos}, out.Summary)
}

func TestJSONLines(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, good))
	line := compact.String()
	input := line + "\n\n" + `{"product":{},"uses":[],"bogus":1}` + "\n" + "not json\n" + line // no final newline
	path := filepath.Join(t.TempDir(), "batch.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(input), 0o644))

	for _, args := range [][]string{{path}, {"--jsonl", "-"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runInProcess(t, input, append([]string{"check", "--as-of", asOf, "--format", "json"}, args...)...)
			out := readJSON(t, r.stdout)
			require.Len(t, out.Dossiers, 4, "blank lines are skipped")
			assert.Equal(t, []int{1, 3, 4, 5}, []int{out.Dossiers[0].Line, out.Dossiers[1].Line, out.Dossiers[2].Line, out.Dossiers[3].Line})
			assert.Equal(t, "fail", out.Dossiers[0].Status)
			assert.Equal(t, "invalid", out.Dossiers[1].Status)
			require.NotEmpty(t, out.Dossiers[1].Problems)
			for _, p := range out.Dossiers[1].Problems {
				assert.Equal(t, 3, p.Line, "problems carry the line of their record")
			}
			assert.Equal(t, "invalid", out.Dossiers[2].Status)
			assert.Equal(t, "fail", out.Dossiers[3].Status, "the last line needs no newline")
			for _, j := range out.Dossiers[3].Jurisdictions {
				for _, f := range j.Findings {
					assert.Equal(t, 5, f.Line)
				}
			}
		})
	}
}

func TestJSONLinesOversizedRecord(t *testing.T) {
	big := `{"product":{"name":"` + strings.Repeat("x", maxDossierBytes) + `"}}`
	input := big + "\n" + `{}` + "\n"
	r := runInProcess(t, input, "check", "--as-of", asOf, "--format", "json", "--jsonl", "-")
	out := readJSON(t, r.stdout)
	require.Len(t, out.Dossiers, 2)
	assert.Equal(t, "size", out.Dossiers[0].Problems[0].Code)
	assert.Equal(t, 1, out.Dossiers[0].Problems[0].Line)
	assert.Equal(t, 2, out.Dossiers[1].Line, "reading resumes after the oversized line")
}

// TestJSONLinesRecordAtTheBound: a record of exactly the 8 MiB bound is
// read (its line ending, "\r\n" here, is not part of it), and a last
// record cut short is reported on its own line.
func TestJSONLinesRecordAtTheBound(t *testing.T) {
	head, tail := `{"product":{"name":"`, `"}}`
	exact := head + strings.Repeat("x", maxDossierBytes-len(head)-len(tail)) + tail
	require.Len(t, exact, maxDossierBytes)
	input := exact + "\r\n" + `{"product": {"name": "cut`
	r := runInProcess(t, input, "check", "--as-of", asOf, "--format", "json", "--jsonl", "-")
	out := readJSON(t, r.stdout)
	require.Len(t, out.Dossiers, 2)
	require.NotEmpty(t, out.Dossiers[0].Problems)
	for _, p := range out.Dossiers[0].Problems {
		assert.NotEqual(t, "size", p.Code, "a record of exactly the bound is read: %s", p.Message)
	}
	require.Len(t, out.Dossiers[1].Problems, 1)
	assert.Equal(t, "syntax", out.Dossiers[1].Problems[0].Code)
	assert.Equal(t, 2, out.Dossiers[1].Problems[0].Line, "the cut record is reported on its own line")
	assert.Equal(t, 2, out.Dossiers[1].Line)
}

func TestOrderIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	bad, err := os.ReadFile(filepath.Join("testdata", "dossiers", "broken.json"))
	require.NoError(t, err)
	var names []string
	for i := range 60 {
		name := fmt.Sprintf("d%03d.json", i)
		data := good
		if i%7 == 0 {
			data = bad
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
		names = append(names, filepath.Join(dir, name))
	}
	first := runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", dir)
	out := readJSON(t, first.stdout)
	require.Len(t, out.Dossiers, 60)
	for i, d := range out.Dossiers {
		assert.Equal(t, names[i], d.Source)
	}
	again := runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", dir)
	assert.Equal(t, first.stdout, again.stdout, "the same input gives the same output")
}

func TestRules(t *testing.T) {
	r := runInProcess(t, "", "rules", "--format", "json")
	require.Equal(t, exitOK, r.code, r.stderr)
	var out rulesOutput
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	assert.Equal(t, rulesSchemaVersion, out.Schema)
	require.NotEmpty(t, out.Rules)
	official, checked := 0, 0
	for _, ru := range out.Rules {
		assert.NotEmpty(t, ru.ID)
		assert.NotEmpty(t, ru.Citation.Instrument, ru.ID)
		assert.True(t, ru.Provenance.Valid(), ru.ID)
		assert.Equal(t, ru.Citation.OfficialSource(), ru.OfficialSource, ru.ID)
		if ru.OfficialSource {
			official++
		}
		if !ru.Citation.CheckedOn.IsZero() {
			checked++
		}
	}
	sum := out.Summary
	assert.Equal(t, len(out.Rules), sum.Rules)
	assert.Equal(t, len(out.Rules), sum.Provenance["primary"]+sum.Provenance["secondary"]+sum.Provenance["inferred"], "every rule is counted once by provenance")
	assert.Equal(t, official, sum.OfficialSource)
	assert.Equal(t, checked, sum.CheckedOn)
	assert.Equal(t, len(out.Rules), sum.CheckedOn, "every shipped rule gives the day its source was read")
	assert.LessOrEqual(t, sum.OfficialWithArticle, sum.OfficialSource)

	r = runInProcess(t, "", "rules", "--jurisdiction", "us")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "US-1271-NOT-HCTP")
	assert.NotContains(t, r.stdout, "[EU,")
}

func TestVersion(t *testing.T) {
	r := runInProcess(t, "", "version")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, checkSchemaVersion)
	assert.Contains(t, r.stdout, dossierSchemaID)
}

// TestYAMLLineEnds checks that problems in YAML dossiers are reported on
// lines as counted by "\n", whatever the line ends: the YAML parser also
// breaks lines at a lone "\r" and at NEL, LS and PS, which editors and
// SARIF consumers do not.
func TestYAMLLineEnds(t *testing.T) {
	tests := []struct {
		name      string
		yaml      string
		line, col int
	}{
		{"LF", "product:\n  name: x\n  colour: blue\n", 3, 3},
		{"CRLF", "product:\r\n  name: x\r\n  colour: blue\r\n", 3, 3},
		{"lone CR (old Mac): one line", "product:\r  name: x\r  colour: blue\r", 1, 22},
		{"CR then LF lines", "product:\r  name: x\n  colour: blue\n", 2, 3},
		{"LS inside a quoted name", "product:\n  name: \"a\u2028b\"\n  colour: blue\n", 3, 3},
		{"NEL inside a quoted name", "product:\n  name: \"a\u0085b\"\n  colour: blue\n", 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec := decode([]byte(tt.yaml), syntaxYAML, 0)
			var found bool
			for _, p := range dec.problems {
				if p.Path == "product.colour" {
					found = true
					assert.Equal(t, tt.line, p.Line, "line")
					assert.Equal(t, tt.col, p.Column, "column")
				}
			}
			assert.True(t, found, "the unknown field is reported: %v", dec.problems)
		})
	}
}

func TestByteOrderMark(t *testing.T) {
	for _, name := range []string{"gel.json", "gel.yaml"} {
		for _, syn := range []syntax{syntaxOf(name, false), syntaxSniff} {
			t.Run(fmt.Sprintf("%s/%d", name, syn), func(t *testing.T) {
				data, err := os.ReadFile(filepath.Join("testdata", "dossiers", name))
				require.NoError(t, err)
				dec := decode(append([]byte(byteOrderMark), data...), syn, 0)
				assert.False(t, hasErrors(dec.problems), "a leading byte order mark is not part of the dossier: %v", dec.problems)
				require.NotNil(t, dec.dossier)
				assert.Equal(t, "NSB-UCMSC-SG-01", dec.dossier.Product.ID)
			})
		}
	}
}

func TestFolderWithoutDossiers(t *testing.T) {
	empty := t.TempDir()
	others := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(others, "notes.txt"), []byte("not a dossier"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(others, ".hidden"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(others, ".hidden", "d.json"), []byte("{}"), 0o644))
	for _, dir := range []string{empty, others} {
		r := runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", dir, "testdata/dossiers/gel.json")
		assert.Equal(t, exitUsage, r.code, "a folder with nothing to check is a mistake, not a pass")
		out := readJSON(t, r.stdout)
		require.Len(t, out.Dossiers, 2, "the folder is reported, and the other input still checked")
		assert.Equal(t, dir, out.Dossiers[0].Source)
		assert.Equal(t, string(statusUnreadable), out.Dossiers[0].Status)
		assert.Contains(t, out.Dossiers[0].Error, "no dossier files")
		assert.Equal(t, string(statusFail), out.Dossiers[1].Status)
	}
	r := runInProcess(t, "", "grade", empty)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "no dossier files")
}

func TestJSONLinesHint(t *testing.T) {
	tests := []struct {
		name, input string
		hint        bool
	}{
		{"two objects on two lines read as one document", "{\"product\":{}}\n{\"product\":{}}\n", true},
		{"trailing garbage is not JSON Lines", "{\"product\":{}}\nxyz\n", false},
		{"two objects on one line", "{\"product\":{}} {\"product\":{}}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runInProcess(t, tt.input, "check", "--as-of", asOf, "--format", "json", "-")
			out := readJSON(t, r.stdout)
			require.Len(t, out.Dossiers, 1)
			var msgs []string
			for _, p := range out.Dossiers[0].Problems {
				if p.Code == "trailing" {
					msgs = append(msgs, p.Message)
				}
			}
			require.Len(t, msgs, 1, "%v", out.Dossiers[0].Problems)
			assert.Equal(t, tt.hint, strings.Contains(msgs[0], "--jsonl"), msgs[0])
		})
	}
	// A record of a JSON Lines stream is not told to use JSON Lines.
	r := runInProcess(t, "{\"product\":{}} {}\n", "check", "--as-of", asOf, "--format", "json", "--jsonl", "-")
	assert.NotContains(t, r.stdout, "--jsonl")
}

// TestUnassessedUses checks that a use in a market left out of
// --jurisdiction is named in text and JSON output, not passed over.
func TestUnassessedUses(t *testing.T) {
	// The seed wound-gel dossier has only Indonesian uses.
	const seed = "../../examples/dossiers/ucmsc-wound-gel.json"
	r := runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", "--jurisdiction", "US", seed)
	var out struct {
		Dossiers []struct {
			Unassessed []int `json:"unassessed"`
		} `json:"dossiers"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stdout)
	require.Len(t, out.Dossiers, 1)
	assert.Equal(t, []int{0, 1, 2, 3, 4}, out.Dossiers[0].Unassessed, "no Indonesian rule judged any use")

	r = runInProcess(t, "", "check", "--as-of", asOf, "--jurisdiction", "US", seed)
	assert.Contains(t, r.stdout, "not assessed (no rules of their jurisdiction were applied): use 0, 1, 2, 3, 4")

	r = runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", "--jurisdiction", "ID", seed)
	out.Dossiers = nil
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stdout)
	require.Len(t, out.Dossiers, 1)
	assert.Empty(t, out.Dossiers[0].Unassessed, "every use is Indonesian")
}

// TestUnassessedInEveryFormat checks that a use no rule of its market
// judged appears in SARIF, JUnit and GitHub output, that it passes by
// default and fails with --fail-on unknown or --strict.
func TestUnassessedInEveryFormat(t *testing.T) {
	// The fixture gel, with one research use in Singapore, a market
	// without shipped rules: only the quality baseline judges it.
	data, err := os.ReadFile("testdata/dossiers/gel.json")
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	doc["uses"] = []any{map[string]any{"jurisdiction": "SG", "class": "research"}}
	delete(doc, "claims")
	delete(doc, "advertised_to_public")
	sg, err := json.Marshal(doc)
	require.NoError(t, err)
	in := string(sg)
	base := []string{"check", "--as-of", asOf}
	tests := []struct {
		format, want string
	}{
		{"sarif", `"ruleId":"use/unassessed"`},
		{"junit", `<testcase classname="&lt;stdin&gt;" name="use 0 (SG)">`},
		{"junit", `<skipped message="use 0 (research in SG) was not assessed`},
		{"github", "::notice title=use/unassessed::uses[0].jurisdiction: use 0 (research in SG) was not assessed"},
		{"text", "not assessed (no rules of their jurisdiction were applied): use 0"},
	}
	for _, tt := range tests {
		r := runInProcess(t, in, append(base, "--format", tt.format, "-")...)
		assert.Contains(t, r.stdout, tt.want, "%s names the unassessed use", tt.format)
	}
	r := runInProcess(t, in, append(base, "--format", "text", "-")...)
	assert.NotContains(t, r.stdout, "US United States", "no classification line for a market without a use")
	r = runInProcess(t, in, append(base, "--format", "text", "--jurisdiction", "US", "-")...)
	assert.Contains(t, r.stdout, "US United States", "a market asked for is shown")
	for _, tt := range []struct {
		flags []string
		code  int
		why   string
	}{
		{[]string{"--fail-on", "warning"}, exitOK, "an unassessed use is no warning"},
		{[]string{"--fail-on", "unknown"}, exitFindings, "--fail-on unknown fails on it"},
		{[]string{"--strict"}, exitFindings, "--strict is --fail-on unknown"},
	} {
		r := runInProcess(t, in, append(append(base, tt.flags...), "-")...)
		assert.Equal(t, tt.code, r.code, "%s\n%s", tt.why, r.stdout)
	}
	r = runInProcess(t, in, append(base, "--strict", "--format", "junit", "-")...)
	assert.Contains(t, r.stdout, `<failure message="use not assessed" type="use/unassessed">`, "a strict JUnit run fails the case")
	r = runInProcess(t, in, append(base, "--strict", "--format", "sarif", "-")...)
	assert.Contains(t, r.stdout, `"ruleId":"use/unassessed","ruleIndex":`)
	assert.Contains(t, r.stdout, `"level":"error","message":{"text":"use 0 (research in SG) was not assessed`)
	r = runInProcess(t, in, append(base, "--strict", "--fail-on", "error", "-")...)
	assert.Equal(t, exitUsage, r.code, "--strict contradicts --fail-on error")
}

// TestMistypedJurisdiction checks that a use in "USA" is no longer
// passed: it is a validation error suggesting "US", whatever --fail-on.
func TestMistypedJurisdiction(t *testing.T) {
	data, err := os.ReadFile("../../examples/dossiers/ucmsc-wound-gel.json")
	require.NoError(t, err)
	in := strings.Replace(string(data), `"jurisdiction": "ID"`, `"jurisdiction": "USA"`, 1)
	require.NotEqual(t, string(data), in)
	r := runInProcess(t, in, "check", "--as-of", asOf, "--fail-on", "warning", "-")
	assert.Equal(t, exitFindings, r.code, r.stdout)
	assert.Contains(t, r.stdout, "INVALID")
	assert.Contains(t, r.stdout, `did you mean "US"?`)
}

// TestHintsIndonesian checks that the hints added to a decoding problem (a
// YAML scalar that is not the number it looks like, a JSON file holding
// one dossier a line) follow --lang like the problem itself.
func TestHintsIndonesian(t *testing.T) {
	r := runInProcess(t, "{\"product\":{}}\n{\"product\":{}}\n", "check", "--lang", "id", "--as-of", asOf, "--format", "json", "-")
	assert.Contains(t, r.stdout, "--jsonl", r.stdout)
	assert.Contains(t, r.stdout, "satu dosier per baris?")

	dir := t.TempDir()
	path := filepath.Join(dir, "plus.yaml")
	require.NoError(t, os.WriteFile(path, []byte("product:\n  name: X\n  source:\n    passage: +3\n"), 0o644))
	for _, tt := range []struct{ lang, want string }{
		{"en", "a number may not start with +; write it without the sign"},
		{"id", "angka tidak boleh diawali +; tulis tanpa tanda itu"},
	} {
		r := runInProcess(t, "", "check", "--lang", tt.lang, "--as-of", asOf, path)
		assert.Contains(t, r.stdout, tt.want, "%s:\n%s", tt.lang, r.stdout)
	}
}
