package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// The secretome command is built once, on first use, for the end-to-end
// tests; fuzzing workers and benchmarks that do not need it never build
// it.
var (
	buildOnce sync.Once
	buildDir  string
	binary    string
	buildErr  error
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// built returns the path of the built command.
func built(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "secretome-e2e")
		if buildErr != nil {
			return
		}
		binary = filepath.Join(buildDir, "secretome")
		if runtime.GOOS == "windows" {
			binary += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("building secretome: %v\n%s", err, out)
		}
	})
	require.NoError(t, buildErr)
	return binary
}

// result is what a run of the binary produced.
type result struct {
	stdout, stderr string
	code           int
}

// runBinary runs the built command in dir ("" for this package's folder)
// with the given standard input.
func runBinary(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(built(t), args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{out.String(), errb.String(), code}
}

// runInProcess runs a command line through run, without the binary.
func runInProcess(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(string) string { return "" }}
	code := run(e, args)
	return result{out.String(), errb.String(), code}
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden file")
	if string(want) == got {
		return
	}
	// Report the first lines that differ: whole outputs are too long to
	// read in a test log.
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 5; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			at := 0
			for at < min(len(w), len(g)) && w[at] == g[at] {
				at++
			}
			t.Errorf("%s line %d, byte %d:\nwant: %s\n got: %s", path, i+1, at+1, clip(w, at), clip(g, at))
			shown++
		}
	}
	t.Errorf("output differs from %s (go test -update rewrites it)", path)
}

// clip shows about 200 bytes of s around offset at.
func clip(s string, at int) string {
	from, to := max(0, at-60), min(len(s), at+140)
	out := s[from:to]
	if from > 0 {
		out = "…" + out
	}
	if to < len(s) {
		out += "…"
	}
	return out
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no command prints usage", nil, exitUsage, "Usage:"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"check needs paths", []string{"check"}, exitUsage, "no dossiers to check"},
		{"bad format", []string{"check", "--format", "xml", "x.json"}, exitUsage, "must be one of text, json, sarif, junit, github"},
		{"bad fail-on", []string{"check", "--fail-on", "info", "x.json"}, exitUsage, "must be one of error, warning, unknown, never"},
		{"bad as-of date", []string{"check", "--as-of", "2026-02-30", "x.json"}, exitUsage, "--as-of"},
		{"unknown jurisdiction", []string{"check", "--jurisdiction", "US,XX", "x.json"}, exitUsage, `no rules for "XX"`},
		{"an empty jurisdiction list (an unset variable in CI)", []string{"check", "--jurisdiction", "", "x.json"}, exitUsage, "no jurisdiction code given (have AU, EU, ID"},
		{"a jurisdiction list of commas", []string{"check", "--jurisdiction", " , ", "x.json"}, exitUsage, "no jurisdiction code given"},
		{"rules: an empty jurisdiction list", []string{"rules", "--jurisdiction="}, exitUsage, "no jurisdiction code given"},
		{"standard input twice", []string{"check", "-", "-"}, exitUsage, "only once"},
		{"unknown flag", []string{"check", "--colour", "x.json"}, exitUsage, "flag provided but not defined"},
		{"unknown schema", []string{"schema", "product"}, exitUsage, `unknown schema "product"`},
		{"rules takes no arguments", []string{"rules", "US"}, exitUsage, "unexpected arguments"},
		{"help is not an error, and it goes to standard output", []string{"check", "-h"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runInProcess(t, "", tt.args...)
			assert.Equal(t, tt.code, r.code)
			assert.Contains(t, r.stderr, tt.err)
			if tt.err == "" {
				assert.Empty(t, r.stderr)
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestOutputError(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			var errb bytes.Buffer
			e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: failingWriter{}, stderr: &errb,
				getenv: func(string) string { return "" }}
			code := run(e, []string{"check", "--as-of", "2026-11-01", "--format", format, "testdata/dossiers"})
			assert.Equal(t, exitUsage, code, "a run whose output is lost did not complete")
			assert.Contains(t, errb.String(), "disk full")
		})
	}
}

func TestParseFlagsAfterPaths(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		paths  []string
		format string
		quiet  bool
	}{
		{"flags first", []string{"--format", "json", "a.json"}, []string{"a.json"}, "json", false},
		{"flags after the paths", []string{"a.json", "--format", "json", "b/"}, []string{"a.json", "b/"}, "json", false},
		{"flags between and after", []string{"a.json", "-quiet", "b.json", "--format=sarif"}, []string{"a.json", "b.json"}, "sarif", true},
		{"- is standard input, not a flag", []string{"-", "--quiet"}, []string{"-"}, "text", true},
		{"after -- everything is a path", []string{"a.json", "--", "--format", "-q.json"}, []string{"a.json", "--format", "-q.json"}, "text", false},
		{"-- before any path", []string{"--quiet", "--", "-odd.json"}, []string{"-odd.json"}, "text", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			format := fs.String("format", "text", "")
			quiet := fs.Bool("quiet", false, "")
			paths, err := parseFlags(fs, tt.args)
			require.NoError(t, err)
			assert.Equal(t, tt.paths, paths)
			assert.Equal(t, tt.format, *format)
			assert.Equal(t, tt.quiet, *quiet)
		})
	}

	// End to end: the way people type it.
	r := runInProcess(t, "", "check", "testdata/dossiers/gel.json", "--format", "json", "--as-of", asOf)
	out := readJSON(t, r.stdout)
	require.Len(t, out.Dossiers, 1, "--format and json are flags, not files")
	assert.Equal(t, asOf, out.AsOf)
	r = runInProcess(t, "", "check", "testdata/dossiers/gel.json", "--colour")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "flag provided but not defined: -colour", "an unknown flag after a path is still an error")
}

func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	e := &env{ctx: ctx, stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(e, []string{"check", "--as-of", "2026-11-01", "--format", "json", "testdata/dossiers"})
	assert.Equal(t, exitUsage, code, "an interrupted run did not complete")
	assert.Contains(t, errb.String(), "interrupted; the output is incomplete", "said in words, not as a context error")
}

func TestAsOfBeforeTheRules(t *testing.T) {
	r := runInProcess(t, "", "check", "--as-of", "1975-01-01", "--jurisdiction", "EU,US", "--format", "json", "testdata/dossiers/gel.json")
	assert.Contains(t, r.stderr, "no rule of EU is in force on 1975-01-01", "a date before the rules took effect is pointed out")
	assert.NotContains(t, r.stderr, "US", "the United States has undated rules in force")
	out := readJSON(t, r.stdout)
	assert.Equal(t, "1975-01-01", out.AsOf, "the run still completes")

	r = runInProcess(t, "", "check", "--as-of", asOf, "--jurisdiction", "ID,US", "--format", "json", "testdata/dossiers/gel.json")
	assert.Empty(t, r.stderr, "no note when the jurisdictions have rules in force")
}

func TestHelpAndFlagMistakes(t *testing.T) {
	for _, cmd := range []string{"check", "grade", "rules", "schema", "version"} {
		t.Run(cmd, func(t *testing.T) {
			r := runInProcess(t, "", cmd, "-h")
			assert.Equal(t, exitOK, r.code)
			assert.Contains(t, r.stdout, "Usage: secretome "+cmd, "help asked for goes to standard output, where it can be paged")
			assert.Empty(t, r.stderr)

			r = runInProcess(t, "", cmd, "--colour")
			assert.Equal(t, exitUsage, r.code)
			assert.Empty(t, r.stdout)
			assert.Equal(t, "secretome "+cmd+": flag provided but not defined: -colour (run \"secretome "+cmd+" -h\" for the flags)\n", r.stderr,
				"a mistake is said once, with where to find the flags")
		})
	}
}
