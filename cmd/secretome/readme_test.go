package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeBlocks returns the fenced code blocks of the module's README of
// one language ("sh", "text"), in order.
func readmeBlocks(t *testing.T, lang string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	re := regexp.MustCompile("(?ms)^```" + lang + "\n(.*?)^```$")
	var blocks []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// assertExcerpt checks that the lines of a README excerpt appear in the
// output in the same order; "..." stands for lines left out.
func assertExcerpt(t *testing.T, excerpt, output string) {
	t.Helper()
	lines := strings.Split(output, "\n")
	at := 0
	for _, want := range strings.Split(strings.TrimRight(excerpt, "\n"), "\n") {
		if strings.TrimSpace(want) == "..." {
			continue
		}
		found := false
		for i := at; i < len(lines); i++ {
			if lines[i] == want {
				at, found = i+1, true
				break
			}
		}
		if !assert.True(t, found, "README line not in the output, or out of order:\n%s", want) {
			return
		}
	}
}

var mainJobRE = regexp.MustCompile(`(?m)^go run \./cmd/secretome check --as-of (\d{4}-\d{2}-\d{2}) examples/dossiers$`)

// TestREADMEMainJob runs the README's main job, as the README writes it,
// and checks that what the README says it prints is what it prints: the
// excerpts of the tour (the seed example's findings, the broken dossier's
// problems, the summary line) and the exit status. The grade excerpt is
// checked the same way.
func TestREADMEMainJob(t *testing.T) {
	root := filepath.Join("..", "..")
	var asOf string
	for _, b := range readmeBlocks(t, "sh") {
		if m := mainJobRE.FindStringSubmatch(b); m != nil {
			asOf = m[1]
			break
		}
	}
	require.NotEmpty(t, asOf, "the README shows the main job: go run ./cmd/secretome check --as-of DATE examples/dossiers")

	check := runBinary(t, root, "", "check", "--as-of", asOf, "examples/dossiers")
	assert.Equal(t, exitFindings, check.code, "the README says the exit status is 1; stderr: %s", check.stderr)
	plots := t.TempDir()
	grade := runBinary(t, root, "", "grade", "--svg", plots, "examples/dossiers/bmmsc-ev-knee.json")
	require.Equal(t, exitOK, grade.code, grade.stderr)
	// The README writes the plots to plots/.
	gradeOut := strings.ReplaceAll(grade.stdout, plots+string(filepath.Separator), "plots/")

	var checked, graded, metas int
	for _, b := range readmeBlocks(t, "text") {
		switch {
		case strings.HasPrefix(b, "$ secretome grade --svg plots/ examples/dossiers/bmmsc-ev-knee.json\n"):
			_, excerpt, _ := strings.Cut(b, "\n")
			assertExcerpt(t, excerpt, gradeOut)
			graded++
		case strings.HasPrefix(b, "examples/dossiers/"):
			assertExcerpt(t, b, check.stdout)
			checked++
		case strings.HasPrefix(b, "$ secretome meta "):
			cmd, excerpt, _ := strings.Cut(b, "\n")
			meta := runBinary(t, root, "", strings.Fields(strings.TrimPrefix(cmd, "$ secretome "))...)
			require.Equal(t, exitOK, meta.code, meta.stderr)
			assertExcerpt(t, excerpt, meta.stdout)
			metas++
		}
	}
	assert.Equal(t, 1, metas, "the README shows what meta prints")
	assert.Positive(t, checked, "the README shows what the main job prints")
	assert.Equal(t, 1, graded, "the README shows what grade prints")
}
