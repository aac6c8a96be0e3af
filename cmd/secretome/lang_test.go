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

// TestGapsIndonesian keeps the Indonesian messages of uses no rule
// settled (an unknown verdict, an unassessed market) as reviewed, in the
// GitHub output that carries them (testdata/golden/check.id.github), and
// checks that waived findings are labelled in Indonesian in text output.
func TestGapsIndonesian(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	r := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26", "--jurisdiction", "ID", "--format", "github", src)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	golden(t, "check.id.github", r.stdout)
	assert.Contains(t, r.stdout, "putusan tidak diketahui (aturan yang tidak dapat memutuskan: ")
	assert.NotContains(t, r.stdout, "verdict unknown")

	us := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26", "--jurisdiction", "US", "--format", "github", src)
	assert.Contains(t, us.stdout, "uses[0].jurisdiction: penggunaan 0 (penelitian di ID) tidak dinilai: tidak ada aturan ID yang diterapkan")
	assert.NotContains(t, us.stdout, "was not assessed")

	root := filepath.Join("..", "..")
	en := runBinary(t, root, "", policyArgs...)
	id := runBinary(t, root, "", append([]string{policyArgs[0], "--lang", "id"}, policyArgs[1:]...)...)
	assert.Contains(t, en.stdout, "waived   LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS")
	assert.Contains(t, id.stdout, "dibebaskan  LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS")
	assert.NotContains(t, id.stdout, "waived ")
}
