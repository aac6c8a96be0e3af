package regulation

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// findingsOf returns the findings of rule id in the report.
func findingsOf(rep *Report, id string) []Finding {
	var out []Finding
	for _, f := range rep.Findings() {
		if f.RuleID == id {
			out = append(out, f)
		}
	}
	return out
}

func TestFactMessages(t *testing.T) {
	tests := []struct {
		name, rule, want, reason string
		build                    func(d *Dossier)
		use                      int // the use the finding must name; -1 for none
	}{
		{"revoked", "ID-BPOM-8-2025-NIE", "NIE in the dossier was revoked", "revoked reads as revoked, not as lapsed",
			func(d *Dossier) {
				d.Authorisations = []Authorisation{status(auth(AuthNIE, "ID"), StatusRevoked)}
				d.Uses = []Use{use("ID", UseMarketedTherapeutic)}
			}, 0},
		{"expired", "ID-BPOM-8-2025-NIE", "not valid on the assessment date", "expired reads as lapsed",
			func(d *Dossier) {
				d.Authorisations = []Authorisation{status(auth(AuthNIE, "ID"), StatusExpired)}
				d.Uses = []Use{use("ID", UseMarketedTherapeutic)}
			}, 0},
		{"not held", "ID-BPOM-8-2025-NIE", "the dossier states that no NIE is held", "a stated absence says so",
			func(d *Dossier) {
				d.Authorisations = []Authorisation{notHeld(AuthNIE, "ID")}
				d.Uses = []Use{use("ID", UseMarketedTherapeutic)}
			}, 0},
		{"CPOB not held", "ID-PP28-PROCESSING", "the dossier states that no site holds a CPOB (GMP) certificate", "a stated absence reads apart from a gap",
			func(d *Dossier) {
				gmpNotHeld(d)
				d.Uses = []Use{use("ID", UseHospitalService)}
			}, 0},
		{"CPOB not stated", "ID-PP28-PROCESSING", "no site shows a valid Indonesian CPOB (GMP) certificate", "a gap reads apart from a stated absence",
			func(d *Dossier) {
				d.Manufacturer.Sites[0].GMP = nil
				d.Uses = []Use{use("ID", UseHospitalService)}
			}, 0},
		{"facility mismatch", "ID-PP28-CLINICAL-ROUTES", `names another facility ("RS Test") than the use ("RS Lain")`, "both names are given",
			func(d *Dossier) {
				a := auth(AuthHospitalDesignation, "ID")
				a.Facility = "RS Test"
				d.Authorisations = []Authorisation{a}
				d.Uses = []Use{use("ID", UseHospitalService, facility("RS Lain"))}
			}, 0},
		{"failed batch", "QUALITY-BATCH-RELEASE", "batch SG-2026-014: sterility: expected negative, got positive", "the finding names the test and the values",
			func(d *Dossier) {
				batchOutcome(secretome.TestSterility, secretome.OutcomePositive)(d)
				d.Uses = []Use{use("ID", UseHospitalService)}
			}, 0},
		{"claim names its use", "JP-MHLW-2024-EXOSOME-REAGENT", "unapproved drug", "a claim finding says which use it concerns",
			func(d *Dossier) {
				d.Claims = []Claim{{Wording: "Heals ulcers", Indication: "pressure-ulcer", Markets: []string{"JP"}}}
				d.Uses = []Use{use("ID", UseHospitalService), use("JP", UseMarketedTherapeutic)}
			}, 1},
		{"advertising names its use", "AU-TGA-HCT-ADVERTISING", "the product is advertised to the public; TGA", "an advertising finding says which use it concerns",
			func(d *Dossier) {
				publicClaim("AU")(d)
				d.Uses = []Use{use("ID", UseHospitalService), use("AU", UseHospitalService)}
			}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := bare(t)
			tt.build(d)
			require.NoError(t, d.Validate(), "the dossier is valid")
			fs := findingsOf(assessOne(t, tt.rule, "", d), tt.rule)
			var hit *Finding
			for i := range fs {
				if strings.Contains(fs[i].Text(), tt.want) {
					hit = &fs[i]
				}
			}
			require.NotNil(t, hit, "%s: no finding says %q in %+v", tt.reason, tt.want, fs)
			if tt.use >= 0 {
				require.NotNil(t, hit.Use, tt.reason)
				assert.Equal(t, tt.use, *hit.Use, tt.reason)
			}
		})
	}
}

// TestFailedBatchStillAssessed checks that a failing release result no
// longer makes the dossier invalid: it validates, and the rest of it is
// assessed beside the batch finding.
func TestFailedBatchStillAssessed(t *testing.T) {
	d := seed(t)
	batchOutcome(secretome.TestSterility, secretome.OutcomePositive)(d)
	require.NoError(t, d.Validate(), "a failed batch is not a document problem")
	assert.Error(t, d.Product.Validate(), "the product alone still reports its failed batch")
	rep, err := Assess(d, Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	fs := findingsOf(rep, "QUALITY-BATCH-RELEASE")
	require.NotEmpty(t, fs)
	assert.Equal(t, secretome.SeverityError, fs[0].Severity)
	assert.NotNil(t, rep.Jurisdiction("ID"), "the other rules still ran")
	assert.NotEmpty(t, rep.Jurisdiction("ID").Findings)
}

func TestFactValidation(t *testing.T) {
	tests := []struct {
		name, path string
		code       secretome.Code
		edit       func(d *Dossier)
	}{
		{"not held needs no number", "", "", func(d *Dossier) { d.Authorisations = []Authorisation{notHeld(AuthNIE, "ID")} }},
		{"held needs a number", "authorisations[0].number", secretome.CodeRequired, func(d *Dossier) {
			a := auth(AuthNIE, "ID")
			a.Number = ""
			d.Authorisations = []Authorisation{a}
		}},
		{"GMP not held with certificates", "manufacturer.sites[0].gmp_status", secretome.CodeInconsistent, func(d *Dossier) {
			d.Manufacturer.Sites[0].GMPStatus = secretome.NotHeld
			d.Manufacturer.Sites[0].GMP = []GMPCertificate{{Authority: "BPOM", Jurisdiction: "ID", Number: "1"}}
		}},
		{"claim market checked", "claims[0].markets[1]", CodeJurisdiction, func(d *Dossier) {
			d.Claims[0].Markets = []string{"ID", "IDN"}
		}},
		{"untested donor with tests", "product.source.donor.testing", secretome.CodeInconsistent, func(d *Dossier) {
			d.Product.Source.Donor.Testing = secretome.NotHeld
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := seed(t)
			tt.edit(d)
			err := d.Validate()
			if tt.path == "" {
				assert.NoError(t, err)
				return
			}
			ve, ok := secretome.AsValidationError(err)
			require.True(t, ok, "%v", err)
			got := ve.At(tt.path)
			require.NotEmpty(t, got, "%v", ve)
			assert.Equal(t, tt.code, got[0].Code)
		})
	}
}

func TestCitationString(t *testing.T) {
	tests := []struct {
		c    Citation
		want string
		why  string
	}{
		{Citation{Instrument: "Code of Federal Regulations, Title 21, Part 1271", Number: "21 CFR 1271", Article: "§ 1271.3(d)(3)"},
			"Code of Federal Regulations, Title 21, Part 1271 (21 CFR 1271), § 1271.3(d)(3)", "every part"},
		{Citation{Instrument: "ISSCR Guidelines (2021)", Article: "Rec. 3.1.1"}, "ISSCR Guidelines (2021), Rec. 3.1.1", "no number: no empty parentheses"},
		{Citation{Instrument: "FDA Public Safety Notification", Number: "FDA notification"}, "FDA Public Safety Notification (FDA notification)", "no article: no trailing comma"},
		{Citation{Instrument: "MISEV2018", Number: "MISEV2018"}, "MISEV2018", "a number equal to the name is not repeated"},
		{Citation{Number: "UU 17/2023", Article: "Art. 135"}, "UU 17/2023, Art. 135", "no name: the number stands for it"},
		{Citation{Article: "Annex II"}, "Annex II", "only an article"},
		{Citation{}, "", "the zero citation"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.c.String(), tt.why)
	}
	assert.Equal(t, "MISEV2018", fmt.Sprint(Citation{Instrument: "MISEV2018"}), "fmt uses String")
}

// TestFormatVersions checks that a dossier may carry "$schema" and a
// format version, that a v1 dossier (no format) reads unchanged, and that
// an unknown version is a clear error.
func TestFormatVersions(t *testing.T) {
	data, err := os.ReadFile("testdata/seed_wound_gel.json")
	require.NoError(t, err)
	with := func(fields string) []byte {
		return []byte("{" + fields + "," + strings.TrimPrefix(strings.TrimSpace(string(data)), "{"))
	}
	d, err := DecodeDossier(with(`"$schema": "https://github.com/openregen/secretomekit/schema/dossier/v2", "format": "secretomekit/dossier/v2"`))
	require.NoError(t, err, "$schema and the current format are accepted")
	assert.Equal(t, FormatV2, d.Format)
	_, err = DecodeDossier(with(`"format": "secretomekit/dossier/v1"`))
	require.NoError(t, err, "v1 is read")
	_, err = DecodeDossier(with(`"format": "secretomekit/dossier/v9"`))
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok, "%v", err)
	got := ve.At("format")
	require.Len(t, got, 1)
	assert.Equal(t, secretome.CodeFormat, got[0].Code)
	assert.Contains(t, got[0].Message, "secretomekit/dossier/v1, secretomekit/dossier/v2", "the error names the versions read")
	assert.Positive(t, got[0].Line, "and where")
}
