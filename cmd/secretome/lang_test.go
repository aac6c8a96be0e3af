package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCheckIndonesian keeps the Indonesian text output of the seed
// wound-gel dossier as reviewed (testdata/golden/check.id.text).
func TestCheckIndonesian(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	r := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26", "--jurisdiction", "ID", src)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	golden(t, "check.id.text", r.stdout)

	en := runInProcess(t, "", "check", "--lang", "en", "--as-of", "2026-11-26", "--jurisdiction", "ID", src)
	def := runInProcess(t, "", "check", "--as-of", "2026-11-26", "--jurisdiction", "ID", src)
	assert.Equal(t, def.stdout, en.stdout, "English is the default")
	assert.NotEqual(t, en.stdout, r.stdout)

	broken := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26",
		filepath.Join("..", "..", "examples", "dossiers", "broken-exosome-serum.json"))
	assert.Equal(t, exitFindings, broken.code, broken.stderr)
	golden(t, "check.id.broken.text", broken.stdout)

	bad := runInProcess(t, "", "check", "--lang", "x!", src)
	assert.Equal(t, exitUsage, bad.code)
	assert.Contains(t, bad.stderr, "--lang")
}
