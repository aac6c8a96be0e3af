package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEPolicies runs the README's house-policy commands ("$
// secretome verify ..." and "$ secretome check ... --policy ...") and
// checks that what the README says they print is what they print.
func TestREADMEPolicies(t *testing.T) {
	root := filepath.Join("..", "..")
	ran := 0
	for _, b := range readmeBlocks(t, "text") {
		cmd, excerpt, _ := strings.Cut(b, "\n")
		if !strings.HasPrefix(cmd, "$ secretome verify ") && !(strings.HasPrefix(cmd, "$ secretome check ") && strings.Contains(cmd, "--policy")) {
			continue
		}
		args := strings.Fields(strings.TrimPrefix(cmd, "$ secretome "))
		r := runBinary(t, root, "", args...)
		require.NotEqual(t, exitUsage, r.code, "%s: %s", cmd, r.stderr)
		assertExcerpt(t, excerpt, r.stdout)
		ran++
	}
	assert.Equal(t, 2, ran, "the README shows secretome verify and a check with --policy and --waivers")
}
