package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// policyArgs checks the example dossiers of the house policies with the
// two example policies (a hospital formulary, a vendor's listing
// standard) and the example waivers, from the module root.
var policyArgs = []string{"check", "--as-of", "2026-11-26", "--policy", "examples/policies", "--waivers", "examples/waivers.yaml",
	"examples/policies/testdata/night-cream-stem-cell-claim.yaml", "examples/policies/testdata/wound-gel-without-sterility.json"}

func TestGoldenPolicies(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			r := runBinary(t, root, "", append(policyArgs, "--format", format)...)
			assert.Equal(t, exitFindings, r.code, "stderr: %s", r.stderr)
			assert.Empty(t, r.stderr)
			golden(t, "policies."+format, normalise(t, r.stdout))
			out := r.stdout
			// Both house rules fire in every format, the vendor rule's
			// findings are waived with their reason, and the expired
			// waiver is a warning on the waivers file.
			for _, want := range []string{"RSHS-FORMULARY-STERILITY", "LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS",
				"the claim is dropped from the carton", "waiver RSHS-W-007 of rule RSHS-FORMULARY-STERILITY expired"} {
				assert.True(t, strings.Contains(out, want), "%s output lacks %q", format, want)
			}
			switch format {
			case "text":
				assert.Contains(t, out, "waived   LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS")
				assert.Contains(t, out, "2 waived")
			case "github":
				assert.Contains(t, out, "title=LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS (waived)")
				assert.NotContains(t, out, "::error file=examples/policies/testdata/night-cream-stem-cell-claim.yaml,line=105,col=5,title=LUMINA")
			case "junit":
				assert.Contains(t, out, "waived error LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS")
				var doc struct {
					Suites []junitSuite `xml:"testsuite"`
				}
				require.NoError(t, xml.Unmarshal([]byte(out), &doc))
				for _, s := range doc.Suites {
					for _, c := range s.Cases {
						if c.Failure != nil {
							assert.NotContains(t, c.Failure.Text, "LUMINA", "a waived finding never fails a case")
						}
					}
				}
			case "json":
				assert.Empty(t, checkSchema().ValidateJSON([]byte(out)))
				o := readJSON(t, out)
				assert.Equal(t, 2, o.Summary.Waived)
				require.Len(t, o.Audit.Inputs, 3)
				assert.Equal(t, "waivers", o.Audit.Inputs[2].Kind)
				waived := 0
				for _, d := range o.Dossiers {
					for _, j := range d.Jurisdictions {
						for _, f := range j.Findings {
							if f.Waiver != nil {
								waived++
								assert.Equal(t, "LUM-W-031", f.Waiver.ID)
								assert.Equal(t, "Lumina Category Compliance Lead", f.Waiver.ApprovedBy)
							}
						}
					}
				}
				assert.Equal(t, 2, waived)
			case "sarif":
				log := checkSARIF(t, out)
				_ = log
				var raw struct {
					Runs []struct {
						Results []struct {
							RuleID       string `json:"ruleId"`
							Suppressions []struct {
								Kind, Status, Justification string
							} `json:"suppressions"`
						} `json:"results"`
					} `json:"runs"`
				}
				require.NoError(t, json.Unmarshal([]byte(out), &raw))
				n := 0
				for _, res := range raw.Runs[0].Results {
					if len(res.Suppressions) == 0 {
						continue
					}
					n++
					assert.Equal(t, "LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS", res.RuleID)
					assert.Equal(t, "external", res.Suppressions[0].Kind)
					assert.Equal(t, "accepted", res.Suppressions[0].Status)
					assert.True(t, strings.HasPrefix(res.Suppressions[0].Justification, "the claim is dropped"))
				}
				assert.Equal(t, 2, n)
			}
		})
	}
}

// TestWaiversAndFailOn shows that waived findings do not count toward
// --fail-on, and that the waiver's own warnings do with --fail-on
// warning.
func TestWaiversAndFailOn(t *testing.T) {
	root := filepath.Join("..", "..")
	night := "examples/policies/testdata/night-cream-stem-cell-claim.yaml"
	base := []string{"check", "--as-of", "2026-11-26", "--policy", "examples/policies", "--jurisdiction", "KR", "--format", "json"}
	// Without the waiver the vendor rule fails the dossier.
	r := runBinary(t, root, "", append(base, night)...)
	require.Equal(t, exitFindings, r.code, r.stderr)
	o := readJSON(t, r.stdout)
	require.Equal(t, "fail", o.Dossiers[0].Status)

	// Only the vendor rule and KR-MFDS-AD-STEM-CELL fail it; waive both.
	w := filepath.Join(t.TempDir(), "w.yaml")
	writeFile(t, w, `waivers:
  - {rule: LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS, product: HANA-ADCM-NC-03, reason: r, approved_by: a, expires: 2026-11-26}
  - {rule: KR-MFDS-AD-STEM-CELL, product: HANA-ADCM-NC-03, reason: r, approved_by: a, expires: 2026-11-26}
`)
	r = runBinary(t, root, "", append(base, "--waivers", w, night)...)
	assert.Equal(t, exitOK, r.code, "waived findings do not count toward --fail-on; stdout: %s", r.stdout)
	o = readJSON(t, r.stdout)
	assert.Equal(t, "pass", o.Dossiers[0].Status)
	assert.Zero(t, o.Summary.Errors)

	// The day after expiry they count again, and the waivers file warns.
	r = runBinary(t, root, "", "check", "--as-of", "2026-11-27", "--policy", "examples/policies", "--jurisdiction", "KR",
		"--format", "json", "--waivers", w, night)
	assert.Equal(t, exitFindings, r.code)
	o = readJSON(t, r.stdout)
	require.Len(t, o.Dossiers, 2)
	assert.Equal(t, w, o.Dossiers[1].Source)
	assert.Len(t, o.Dossiers[1].Problems, 2)
	assert.Equal(t, 1, o.Summary.Dossiers, "the waivers file is not a dossier")

	// An unused waiver fails the run with --fail-on warning only. One
	// that applies to no dossier checked is told apart from one that
	// applies to a dossier but matches none of its findings.
	unused := filepath.Join(t.TempDir(), "u.yaml")
	writeFile(t, unused, "waivers:\n  - {rule: US-X, product: NOPE, reason: r, approved_by: a, expires: 2030-01-01}\n"+
		"  - {rule: US-X, product: HANA-ADCM-NC-03, reason: r, approved_by: a, expires: 2030-01-01}\n")
	r = runBinary(t, root, "", "check", "--as-of", "2026-11-26", "--jurisdiction", "KR", "--fail-on", "never", "--waivers", unused, night)
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "waivers/no_dossier")
	assert.Contains(t, r.stdout, "applies to none of the dossiers checked")
	assert.Contains(t, r.stdout, "waivers/unused")
	assert.Contains(t, r.stdout, "applies to 1 dossier but matches none of their findings")
	r = runBinary(t, root, "", "check", "--as-of", "2026-11-26", "--jurisdiction", "US", "--fail-on", "warning", "--waivers", unused,
		"examples/dossiers/bmmsc-ev-knee.json")
	assert.Equal(t, exitFindings, r.code)
}

func TestPolicyFlagErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "bad.yaml"), "rules:\n  - id: ACME-X\n    title: t\n    jurisdiction: HOUSE\n    citation: {instrument: i}\n    provenance: primary\n    when: dossier.product.batchez.size() == 0\n    effect: report\n    severity: info\n    message: m\n")
	r := runBinary(t, "", "", "check", "--policy", dir, "testdata/dossiers/gel.json")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "bad.yaml:7: rules[0].when: undefined field 'batchez'")
	assert.Contains(t, r.stderr, `"dossier.product.batchez.size() == 0"`)
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	require.NoError(t, os.WriteFile(name, []byte(content), 0o644))
}

// TestVerify runs the example policy tests in every format, and a folder
// with a failing test, which exits 1 in every format.
func TestVerify(t *testing.T) {
	root := filepath.Join("..", "..")
	bad := t.TempDir()
	for _, f := range []string{"vendor.yaml", "testdata/night-cream-stem-cell-claim.yaml"} {
		data, err := os.ReadFile(filepath.Join(root, "examples", "policies", f))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(bad, f)), 0o755))
		writeFile(t, filepath.Join(bad, f), string(data))
	}
	writeFile(t, filepath.Join(bad, "vendor_test.yaml"), `tests:
  - name: expects the wrong verdict
    dossier: testdata/night-cream-stem-cell-claim.yaml
    as_of: 2026-11-26
    jurisdictions: [HOUSE]
    expect:
      verdicts:
        - {jurisdiction: HOUSE, use: 0, verdict: permitted}
`)
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			r := runBinary(t, root, "", "verify", "--format", format, "examples/policies")
			assert.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
			assert.Empty(t, r.stderr)
			golden(t, "verify."+format, normalise(t, r.stdout))
			r = runBinary(t, root, "", "verify", "--format", format, bad)
			assert.Equal(t, exitFindings, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stdout, "use 0 in HOUSE is prohibited, want permitted")
			switch format {
			case "sarif":
				validateSARIF(t, r.stdout)
			case "json":
				var out verifyOutput
				require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
				assert.Equal(t, verifySummary{Tests: 1, Failed: 1}, out.Summary)
			case "junit":
				assert.Contains(t, r.stdout, `failures="1"`)
			}
		})
	}
	r := runBinary(t, root, "", "verify", "examples/dossiers")
	assert.Equal(t, exitUsage, r.code, "a folder without policies is a usage error")
}

// TestRulesDiff lists what changes when BPOM Regulation 8/2025 replaces
// Regulation 18/2020, in text and JSON, with the house rules beside.
func TestRulesDiff(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			r := runBinary(t, root, "", "rules", "diff", "--from", "2025-03-01", "--to", "2026-11-26", "--policy", "examples/policies",
				"--jurisdiction", "ID", "--format", format, "examples/dossiers/ucmsc-wound-gel.json", "examples/policies/testdata/wound-gel-without-sterility.json")
			require.Equal(t, exitOK, r.code, r.stderr)
			golden(t, "rules-diff."+format, normalise(t, r.stdout))
			for _, want := range []string{"ID-BPOM-8-2025-NIE", "ID-BPOM-18-2020-NIE", "RSHS-FORMULARY-STERILITY", "QUALITY-MYCOPLASMA-NAT-2026"} {
				assert.True(t, strings.Contains(r.stdout, want), "%s lacks %s", format, want)
			}
			if format == "json" {
				var out rulesDiffOutput
				require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
				require.Len(t, out.Dossiers, 2)
				assert.NotEmpty(t, out.Dossiers[0].Added)
			}
		})
	}
	// Two versions of the policy files: the vendor rule edited, the
	// formulary dropped.
	edited := t.TempDir()
	vendor, err := os.ReadFile(filepath.Join(root, "examples/policies/vendor.yaml"))
	require.NoError(t, err)
	writeFile(t, filepath.Join(edited, "vendor.yaml"), strings.Replace(string(vendor), `title: Cosmetic claims do not say "stem cell"`,
		`title: Cosmetic claims never say "stem cell"`, 1))
	r := runBinary(t, root, "", "rules", "diff", "--from", "2026-11-26", "--from-policy", "examples/policies", "--to-policy", edited,
		"--format", "json", "examples/policies/testdata/wound-gel-without-sterility.json")
	require.Equal(t, exitOK, r.code, r.stderr)
	var out rulesDiffOutput
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	var kinds []string
	for _, c := range out.Changes {
		kinds = append(kinds, string(c.Kind)+" "+c.Rule.ID)
	}
	assert.Equal(t, []string{"revised LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS", "removed RSHS-FORMULARY-BATCHES", "removed RSHS-FORMULARY-STERILITY"}, kinds)
	assert.Equal(t, "2026-11-26", out.To, "--to defaults to --from when policy files are compared")
	require.Len(t, out.Dossiers, 1)
	assert.NotEmpty(t, out.Dossiers[0].Removed, "the formulary's findings go")
	r = runBinary(t, root, "", "rules", "diff", "--from", "2026-11-26", "--from-policy", "examples/policies", "--to-policy", edited)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "revised  LUMINA-NO-STEM-CELL-COSMETIC-CLAIMS  [HOUSE]")
	assert.Contains(t, r.stdout, "(revision sha256:")
	for _, bad := range [][]string{
		{"rules", "diff", "--from-policy", "examples/policies"},
		{"rules", "diff", "--to", "2026-01-01"},
		{"rules", "diff", "--from", "2026-01-02", "--to", "2026-01-01"},
		{"rules", "diff", "--from", "2026-13-01"},
	} {
		r := runBinary(t, root, "", bad...)
		assert.Equal(t, exitUsage, r.code, "%v", bad)
	}
}

// TestHouseRulesStrict: house rules that do not speak about a use leave
// it permitted in HOUSE, so --strict (--fail-on unknown) does not fail a
// dossier the house rules accept.
func TestHouseRulesStrict(t *testing.T) {
	root := filepath.Join("..", "..")
	r := runBinary(t, root, "", "check", "--strict", "--as-of", "2026-11-26", "--policy", "examples/policies", "--format", "json",
		"examples/dossiers/hucm-night-cream.yaml")
	o := readJSON(t, r.stdout)
	require.Len(t, o.Dossiers, 1)
	for _, j := range o.Dossiers[0].Jurisdictions {
		if j.Jurisdiction != "HOUSE" {
			continue
		}
		require.NotEmpty(t, j.Uses)
		for _, u := range j.Uses {
			assert.Equal(t, "permitted", u.Verdict, "use %d", u.Index)
			assert.Empty(t, u.Rules)
		}
	}
}
