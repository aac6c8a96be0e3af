package regulation

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/secretome"
)

// seedWith returns the seed wound-gel dossier with each old text replaced
// by the new one, failing when an old text is not there.
func seedWith(t *testing.T, edits ...string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/seed_wound_gel.json")
	require.NoError(t, err)
	s := string(data)
	for i := 0; i < len(edits); i += 2 {
		require.Contains(t, s, edits[i])
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	return []byte(s)
}

// TestPartialDossier is the scenario of a dossier that fails decoding:
// one run reports its decoding, validation and rule problems together,
// and a value that could not be read is never taken as not stated.
func TestPartialDossier(t *testing.T) {
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	ctx := context.Background()
	valid, err := a.AssessBytes(ctx, seedWith(t), DecodeOptions{})
	require.NoError(t, err)
	require.False(t, valid.Invalid, "%v", valid.Problems)
	want := valid.Jurisdiction("ID").Use(1).Verdict
	require.NotEqual(t, VerdictUnknown, want)

	// The designation's status is misspelled: read as its zero value it
	// would be "held", and the hospital service would pass on a
	// designation the dossier may say was revoked.
	data := seedWith(t,
		`"kind": "hospital_designation",`, `"kind": "hospital_designation", "status": "revokd",`,
		`"setting": "beauty_clinic",`, `"setting": "beauty-clinic", "dosage": 2,`,
		`"jurisdiction": "ID",
      "class": "research",`, `"jurisdiction": "IDN",
      "class": "research",`)
	rep, err := a.AssessBytes(ctx, data, DecodeOptions{})
	require.NoError(t, err)
	assert.True(t, rep.Invalid)
	codes := map[string]string{}
	for _, p := range rep.Problems {
		codes[p.Path] = string(p.Code)
		if p.Severity == secretome.SeverityError {
			assert.Positive(t, p.Line, "%s has a line", p.Path)
		}
	}
	assert.Equal(t, "enum", codes["authorisations[0].status"], "decoding problem")
	assert.Equal(t, "enum", codes["uses[3].setting"], "decoding problem")
	assert.Equal(t, "field.unknown", codes["uses[3].dosage"], "decoding problem")
	assert.Equal(t, "jurisdiction", codes["uses[0].jurisdiction"], "validation problem of the same run")
	require.NotEmpty(t, rep.Jurisdictions, "the dossier is assessed as far as it was read")

	id := rep.Jurisdiction("ID")
	require.NotNil(t, id)
	u1 := id.Use(1)
	require.NotNil(t, u1)
	assert.Equal(t, VerdictUnknown, u1.Verdict, "an unread designation status is not taken as held")
	assert.Equal(t, want, u1.AsRead, "what the rules reached from the values read")
	assert.Contains(t, u1.InvalidPaths, "authorisations[0].status")
	assert.NotContains(t, u1.InvalidPaths, "uses[3]", "an error in another use does not bear on this one")
	u3 := id.Use(3)
	require.NotNil(t, u3)
	assert.Contains(t, u3.InvalidPaths, "uses[3]", "an unknown field makes its whole use uncertain")
	assert.Contains(t, u3.InvalidPaths, "uses[3].setting")

	marked := 0
	for _, f := range rep.Findings() {
		if len(f.InvalidPaths) > 0 {
			marked++
			assert.Contains(t, f.Text(), "not reliable", "%s says it is not reliable", f.RuleID)
			for _, p := range f.InvalidPaths {
				assert.True(t, onPath(f.Path, p) || onPath(p, f.Path) || f.Use != nil && onPath(p, usePath(*f.Use, "")),
					"%s at %s marked by %s", f.RuleID, f.Path, p)
			}
		}
		assert.Positive(t, f.Line, "%s %s has a line", f.RuleID, f.Path)
	}
	assert.Positive(t, marked, "findings the errors bear on are marked, not dropped")

	asRead, err := a.AssessBytes(ctx, data, DecodeOptions{Invalid: AssessInvalidAsRead})
	require.NoError(t, err)
	assert.True(t, asRead.Invalid)
	assert.Equal(t, want, asRead.Jurisdiction("ID").Use(1).Verdict, "AssessInvalidAsRead keeps the verdict as read")
	assert.Contains(t, asRead.Jurisdiction("ID").Use(1).InvalidPaths, "authorisations[0].status")

	skip, err := a.AssessBytes(ctx, data, DecodeOptions{Invalid: SkipInvalid})
	require.NoError(t, err)
	assert.True(t, skip.Invalid)
	assert.Empty(t, skip.Jurisdictions, "SkipInvalid does not assess")
	assert.Equal(t, rep.Problems, skip.Problems)

	yaml, err := a.AssessBytes(ctx, data, DecodeOptions{YAML: true})
	require.NoError(t, err)
	assert.Equal(t, VerdictUnknown, yaml.Jurisdiction("ID").Use(1).Verdict, "YAML is read the same way")

	syntax, err := a.AssessBytes(ctx, data[:len(data)/2], DecodeOptions{})
	require.NoError(t, err)
	assert.True(t, syntax.Invalid)
	assert.Empty(t, syntax.Jurisdictions, "a document that stops short is not assessed")
}

// TestPartialValidationOnly: a dossier that decodes but fails validation
// is assessed too, its problems and findings in one report.
func TestPartialValidationOnly(t *testing.T) {
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	data := seedWith(t, `"route": "topical",
      "indications": [
        "skin-rejuvenation"`, `"route": "topical",
      "indications": [
        "no-such-indication"`)
	rep, err := a.AssessBytes(context.Background(), data, DecodeOptions{})
	require.NoError(t, err)
	assert.True(t, rep.Invalid)
	require.NotEmpty(t, rep.Jurisdictions)
	assert.Contains(t, rep.Jurisdiction("ID").Use(3).InvalidPaths, "uses[3].indications[0]")
	assert.Empty(t, rep.Jurisdiction("ID").Use(1).InvalidPaths, "an error in use 3 does not bear on use 1")
}
