package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/message"
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

// TestDecodeProblemsIndonesian keeps the strict decoder's problems (an
// unknown field, a value of the wrong type, a misspelt enumeration value
// and unit, a malformed number, a day that does not exist) in English and
// in Bahasa Indonesia as reviewed (testdata/golden/check.decode.text and
// check.id.decode.text).
func TestDecodeProblemsIndonesian(t *testing.T) {
	src := filepath.Join("testdata", "decode", "misspelt.json")
	en := runInProcess(t, "", "check", "--as-of", "2026-11-26", src)
	assert.Equal(t, exitFindings, en.code, en.stderr)
	golden(t, "check.decode.text", en.stdout)
	id := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26", src)
	assert.Equal(t, exitFindings, id.code, id.stderr)
	golden(t, "check.id.decode.text", id.stdout)
	for _, english := range []string{"unknown field", "unknown unit", "unknown tissue", "expected ", "syntax error", "invalid date"} {
		assert.NotContains(t, id.stdout, english)
	}
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
	junit := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26", "--jurisdiction", "US", "--strict", "--format", "junit", src)
	assert.Contains(t, junit.stdout, `<failure message="penggunaan tidak dinilai" type="use/unassessed">`)
	assert.NotContains(t, junit.stdout, "use not assessed")

	root := filepath.Join("..", "..")
	en := runBinary(t, root, "", policyArgs...)
	id := runBinary(t, root, "", append([]string{policyArgs[0], "--lang", "id"}, policyArgs[1:]...)...)
	assert.Contains(t, en.stdout, "waived   LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS")
	assert.Contains(t, id.stdout, "dibebaskan  LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS")
	assert.NotContains(t, id.stdout, "waived ")
}

// TestCheckUsageIndonesian checks that the check command's mistakes in
// its arguments are told in the language of --lang, and in English
// word for word as before without it.
func TestCheckUsageIndonesian(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	for _, tt := range []struct {
		args   []string
		en, id string
	}{
		{nil, "no dossiers to check; name files, folders or - for standard input",
			"tidak ada dosier untuk diperiksa; sebutkan berkas, folder atau - untuk masukan standar"},
		{[]string{"-", "-"}, "standard input (-) can be named only once", "masukan standar (-) hanya boleh disebut sekali"},
		{[]string{"--strict", "--fail-on", "error", src}, "--strict is --fail-on unknown; it cannot go with --fail-on error",
			"--strict sama dengan --fail-on unknown; tidak dapat dipakai bersama --fail-on error"},
		{[]string{"--jurisdiction", "XX", src}, `--jurisdiction: no rules for "XX" (have `,
			`--jurisdiction: tidak ada aturan untuk "XX" (yang ada: `},
	} {
		en := runInProcess(t, "", append([]string{"check"}, tt.args...)...)
		assert.Equal(t, exitUsage, en.code, "%v", tt.args)
		assert.Contains(t, en.stderr, tt.en)
		id := runInProcess(t, "", append([]string{"check", "--lang", "id"}, tt.args...)...)
		assert.Equal(t, exitUsage, id.code, "%v", tt.args)
		assert.Contains(t, id.stderr, tt.id)
		assert.NotContains(t, id.stderr, tt.en)
	}
	en := runInProcess(t, "", "check", "--as-of", "1975-01-01", "--jurisdiction", "EU", src)
	assert.Contains(t, en.stderr, "secretome check: no rule of EU is in force on 1975-01-01; verdicts there will be unknown\n")
	id := runInProcess(t, "", "check", "--lang", "id", "--as-of", "1975-01-01", "--jurisdiction", "EU", src)
	assert.Contains(t, id.stderr, "secretome check: tidak ada aturan EU yang berlaku pada 1975-01-01; putusan di sana tidak akan diketahui\n")
}

// TestLoaderErrorsIndonesian checks that the problems of an --as-of date,
// a policy file and a waivers file are told in the language of --lang,
// and word for word as before in English.
func TestLoaderErrorsIndonesian(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	dir := t.TempDir()
	policies := filepath.Join(dir, "policies")
	require.NoError(t, os.Mkdir(policies, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(policies, "house.yaml"), []byte("rules:\n  - id: HOUSE-1\n    title: t\n    effect: report\n"), 0o644))
	waivers := filepath.Join(dir, "waivers.yaml")
	require.NoError(t, os.WriteFile(waivers, []byte("waivers:\n  - rule: X\n    reason: r\n"), 0o644))
	for _, tt := range []struct {
		args   []string
		en, id string
	}{
		{[]string{"--as-of", "2025-02-30", src}, `--as-of: invalid date "2025-02-30": want an existing day as YYYY-MM-DD`,
			`--as-of: tanggal "2025-02-30" tidak sah: seharusnya hari yang ada, ditulis YYYY-MM-DD`},
		{[]string{"--policy", policies, src}, "rules[0].jurisdiction: jurisdiction is required",
			"rules[0].jurisdiction: jurisdiction wajib diisi"},
		{[]string{"--policy", policies, src}, "rules[0].severity: severity is required for effect report: error, warning or info",
			"rules[0].severity: severity wajib diisi untuk effect report: error, warning atau info"},
		{[]string{"--waivers", waivers, src}, "waivers[0]: a waiver names the dossiers it concerns: product, dossiers (a path glob) or both",
			"waivers[0]: pembebasan menyebut dosier yang dicakupnya: product, dossiers (pola path) atau keduanya"},
		{[]string{"--waivers", waivers, src}, "waivers[0].expires: expires is required: the last day the waiver applies",
			"waivers[0].expires: expires wajib diisi: hari terakhir pembebasan berlaku"},
	} {
		en := runInProcess(t, "", append([]string{"check"}, tt.args...)...)
		assert.Equal(t, exitUsage, en.code, "%v", tt.args)
		assert.Contains(t, en.stderr, tt.en)
		id := runInProcess(t, "", append([]string{"check", "--lang", "id"}, tt.args...)...)
		assert.Equal(t, exitUsage, id.code, "%v", tt.args)
		assert.Contains(t, id.stderr, tt.id)
		assert.NotContains(t, id.stderr, tt.en)
	}
}

// TestReportFormatsIndonesian keeps the JUnit and SARIF outputs of the
// seed wound-gel dossier under --lang id as reviewed
// (testdata/golden/check.id.junit, check.id.sarif): failure titles and
// counts, severity words, the document's name, provenance, the SARIF
// rule descriptions of problems and gaps, and the run's language. The
// SARIF log still follows the standard's schema.
func TestReportFormatsIndonesian(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	junit := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26", "--jurisdiction", "ID", "--format", "junit", src)
	assert.Equal(t, exitFindings, junit.code, junit.stderr)
	golden(t, "check.id.junit", junit.stdout)
	assert.Contains(t, junit.stdout, `<failure message="1 temuan" type="findings">`)
	assert.NotContains(t, junit.stdout, "finding\"")

	sarif := runInProcess(t, "", "check", "--lang", "id", "--as-of", "2026-11-26", "--jurisdiction", "ID", "--format", "sarif", src)
	assert.Equal(t, exitFindings, sarif.code, sarif.stderr)
	// SARIF names the working folder, which depends on the machine.
	golden(t, "check.id.sarif", sarifBase.ReplaceAllString(sarif.stdout, `"originalUriBaseIds":{"%SRCROOT%":{"uri":"file:///WORKDIR/"}}`))
	validateSARIF(t, sarif.stdout)
	assert.Contains(t, sarif.stdout, `"language":"id"`)
	assert.Contains(t, sarif.stdout, `"text":"Dosier memuat ruas yang tidak didefinisikan formatnya"`)
	en := runInProcess(t, "", "check", "--as-of", "2026-11-26", "--jurisdiction", "ID", "--format", "sarif", src)
	assert.NotContains(t, en.stdout, `"language"`, "English is SARIF's default language")
}

// TestCommandsIndonesian keeps the wording of the rules diff and verify
// commands under --lang id as reviewed (testdata/golden/rules-diff.id.text,
// verify.id.text), and checks the words of the grade, rules and schema
// commands and of their mistakes.
func TestCommandsIndonesian(t *testing.T) {
	root := filepath.Join("..", "..")
	diff := runBinary(t, root, "", "rules", "diff", "--lang", "id", "--from", "2025-03-01", "--to", "2026-11-26", "--policy", "examples/policies",
		"--jurisdiction", "ID", "examples/dossiers/ucmsc-wound-gel.json", "examples/policies/testdata/wound-gel-without-sterility.json")
	require.Equal(t, exitOK, diff.code, diff.stderr)
	golden(t, "rules-diff.id.text", normalise(t, diff.stdout))
	assert.Contains(t, diff.stdout, "aturan dari 2025-03-01 sampai 2026-11-26: ")
	diffJSON := runBinary(t, root, "", "rules", "diff", "--lang", "id", "--format", "json", "--from", "2025-03-01", "--to", "2026-11-26", "--policy", "examples/policies",
		"--jurisdiction", "ID", "examples/dossiers/ucmsc-wound-gel.json")
	require.Equal(t, exitOK, diffJSON.code, diffJSON.stderr)
	var parsed struct {
		Dossiers []struct {
			Added, Removed []struct {
				Message string `json:"message"`
			}
		} `json:"dossiers"`
	}
	require.NoError(t, json.Unmarshal([]byte(diffJSON.stdout), &parsed))
	var msgs []string
	for _, d := range parsed.Dossiers {
		for _, f := range append(d.Added, d.Removed...) {
			msgs = append(msgs, f.Message)
		}
	}
	require.NotEmpty(t, msgs, "the diff has findings to show")
	for _, m := range msgs {
		assert.Contains(t, diff.stdout, m, "the JSON findings read as the text output's, in Indonesian")
	}

	verify := runBinary(t, root, "", "verify", "--lang", "id", "examples/policies")
	require.Equal(t, exitOK, verify.code, verify.stderr)
	golden(t, "verify.id.text", normalise(t, verify.stdout))
	assert.Contains(t, verify.stdout, "LULUS  ")

	src := filepath.Join(root, "examples", "dossiers", "ucmsc-wound-gel.json")
	grade := runInProcess(t, "", "grade", "--lang", "id", src)
	require.Equal(t, exitOK, grade.code, grade.stderr)
	for _, want := range []string{"    studi: cr-pemphigus (1 case_report)\n", "    tingkat CEBM terbaik: 4 (cr-pemphigus)\n", "    kepastian GRADE: Sangat rendah ⊕○○○\n"} {
		assert.Contains(t, grade.stdout, want)
	}
	rules := runInProcess(t, "", "rules", "--lang", "id", "--jurisdiction", "ID")
	require.Equal(t, exitOK, rules.code, rules.stderr)
	assert.Contains(t, rules.stdout, " aturan di 1 yurisdiksi\njenis sumber: ")
	for _, tt := range []struct {
		args []string
		id   string
	}{
		{[]string{"grade"}, "tidak ada dosier untuk dinilai"},
		{[]string{"rules", "extra"}, "argumen tak terduga: extra"},
		{[]string{"rules", "diff"}, "--from wajib diisi"},
		{[]string{"rules", "diff", "--from", "2026-02-30"}, `--from: tanggal "2026-02-30" tidak sah`},
		{[]string{"schema", "nope"}, `skema "nope" tidak dikenal`},
		{[]string{"verify"}, "tidak ada folder kebijakan untuk diverifikasi"},
		{[]string{"meta", "x.csv"}, "--measure wajib diisi"},
		{[]string{"fhir", "export"}, "sebutkan satu berkas dossier"},
	} {
		r := runInProcess(t, "", append(tt.args, "--lang", "id")...)
		assert.Equal(t, exitUsage, r.code, "%v", tt.args)
		assert.Contains(t, r.stderr, tt.id, "%v", tt.args)
	}
}

// TestFlagsIndonesian keeps the check command's help under --lang id as
// reviewed (testdata/golden/check.id.help) and checks that the flag
// package's mistakes are told in Indonesian, and in English word for word
// as the flag package writes them.
func TestFlagsIndonesian(t *testing.T) {
	help := runInProcess(t, "", "check", "-h", "--lang", "id")
	require.Equal(t, exitOK, help.code, help.stderr)
	golden(t, "check.id.help", help.stdout)
	assert.Contains(t, help.stdout, "Penggunaan: secretome check ")
	assert.Contains(t, help.stdout, `(bawaan "en")`)
	assert.NotContains(t, help.stdout, "(default")

	top := runInProcess(t, "", "help", "--lang", "id")
	assert.Contains(t, top.stdout, "Jalankan \"secretome PERINTAH -h\"")

	for _, tt := range []struct {
		args   []string
		en, id string
	}{
		{[]string{"check", "--nope"}, `flag provided but not defined: -nope (run "secretome check -h" for the flags)`,
			`flag diberikan tetapi tidak didefinisikan: -nope (jalankan "secretome check -h" untuk melihat flag-nya)`},
		{[]string{"check", "--format", "xml", "x"}, `invalid value "xml" for flag -format: must be one of text, json, sarif, junit, github`,
			`nilai "xml" tidak sah untuk flag -format: harus salah satu dari text, json, sarif, junit, github`},
		{[]string{"check", "--strict=maybe", "x"}, `invalid boolean value "maybe" for -strict: parse error`,
			`nilai boolean "maybe" tidak sah untuk -strict: seharusnya true atau false`},
		{[]string{"meta", "--level=abc", "x"}, `invalid value "abc" for flag -level: parse error`,
			`nilai "abc" tidak sah untuk flag -level: tidak dapat dibaca`},
		{[]string{"check", "--policy", "", "x"}, `invalid value "" for flag -policy: no path given`,
			`nilai "" tidak sah untuk flag -policy: tidak ada path yang diberikan`},
		{[]string{"rules", "---x"}, `bad flag syntax: ---x`, `sintaks flag salah: ---x`},
		{[]string{"check", "--as-of"}, `flag needs an argument: -as-of`, `flag memerlukan argumen: -as-of`},
	} {
		en := runInProcess(t, "", tt.args...)
		assert.Equal(t, exitUsage, en.code, "%v", tt.args)
		assert.Contains(t, en.stderr, tt.en)
		id := runInProcess(t, "", append([]string{tt.args[0], "--lang", "id"}, tt.args[1:]...)...)
		assert.Equal(t, exitUsage, id.code, "%v", tt.args)
		assert.Contains(t, id.stderr, tt.id)
	}
}

// TestPrintDefaultsEnglish checks that the help printer writes English
// word for word as the flag package's PrintDefaults, for every kind of
// flag the commands define.
func TestPrintDefaultsEnglish(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("as-of", "", "assess on `DATE`")
	fs.String("method", "REML", "`method` to use")
	fs.Bool("strict", false, "strict")
	fs.Bool("v", false, "one letter")
	fs.Float64("level", 95, "confidence `level`")
	fs.Float64("threshold", 0, "a threshold")
	fs.Var(&choiceFlag{value: "text", allowed: []string{"text", "json"}}, "format", "output `format`")
	var l listFlag
	fs.Var(&l, "jurisdiction", "jurisdiction `codes`")
	var want, got strings.Builder
	fs.SetOutput(&want)
	fs.PrintDefaults()
	printDefaults(&got, fs, message.English)
	assert.Equal(t, want.String(), got.String())
}

// TestGradeIndonesian keeps the Indonesian text output of the grade
// command on the seed wound-gel dossier as reviewed
// (testdata/golden/grade.id.text): the GRADE reasons in Bahasa Indonesia
// with GRADE's terms, and no English reason left.
func TestGradeIndonesian(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json")
	r := runInProcess(t, "", "grade", "--lang", "id", src)
	require.Equal(t, exitOK, r.code, r.stderr)
	golden(t, "grade.id.text", r.stdout)
	for _, want := range []string{"mulai dari kepastian sangat rendah: ", "ketidaktepatan (imprecision) -1: serius: ", "bias publikasi tidak dinilai: ", "kepastian sangat rendah (skor 0)"} {
		assert.Contains(t, r.stdout, want)
	}
	for _, english := range []string{"not assessed", "start very_low", "case report(s)", "effect estimate", "the library's"} {
		assert.NotContains(t, r.stdout, english)
	}
	en := runInProcess(t, "", "grade", src)
	require.Equal(t, exitOK, en.code, en.stderr)
	assert.Contains(t, en.stdout, "      - start very_low: 1 case report(s) or case series: very low (Cochrane Handbook 5.1, Table 12.2.a)\n")
}
