package regulation

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeSeed(t *testing.T) {
	d := seed(t)
	assert.Equal(t, "NSB-UCMSC-SG-01", d.Product.ID)
	assert.Len(t, d.Studies, 5)
	assert.Len(t, d.Uses, 4)
	require.NotNil(t, d.AdvertisedToPublic)
	assert.False(t, *d.AdvertisedToPublic, "false is kept distinct from absent")
	assert.Equal(t, AuthHospitalDesignation, d.Authorisations[0].Kind)
	assert.Equal(t, "2023-05-02", d.Authorisations[0].ValidFrom.String())

	b, err := json.Marshal(d)
	require.NoError(t, err)
	back, err := DecodeDossier(b)
	require.NoError(t, err, "a marshalled dossier decodes again")
	b2, _ := json.Marshal(back)
	assert.JSONEq(t, string(b), string(b2))
}

func TestDecodeDossierErrors(t *testing.T) {
	base := string(mustRead(t, "testdata/seed_wound_gel.json"))
	tests := []struct {
		name, reason string
		doc          string
		path         string
		code         secretome.Code
	}{
		{"unknown field", "typos are not silently dropped",
			strings.Replace(base, `"advertised_to_public"`, `"advertized_to_public"`, 1), "advertized_to_public", secretome.CodeUnknownField},
		{"unknown use class", "enum spellings are checked",
			strings.Replace(base, `"class": "cosmetic"`, `"class": "spa"`, 1), "uses[3].class", secretome.CodeEnum},
		{"unknown authorisation kind", "enum spellings are checked",
			strings.Replace(base, `"kind": "ethics_approval"`, `"kind": "ethics"`, 1), "authorisations[1].kind", secretome.CodeEnum},
		{"bad date", "dates are YYYY-MM-DD and exist",
			strings.Replace(base, `"2023-05-02"`, `"2023-02-30"`, 1), "authorisations[0].valid_from", secretome.CodeFormat},
		{"wrong type", "a flag is a boolean",
			strings.Replace(base, `"advertised_to_public": false`, `"advertised_to_public": "no"`, 1), "advertised_to_public", secretome.CodeType},
		{"nested product field", "product paths are prefixed",
			strings.Replace(base, `"tissue": "umbilical_cord"`, `"tissue": "cord"`, 1), "product.source.tissue", secretome.CodeEnum},
		{"trailing data", "one document only", base + "{}", "", secretome.CodeTrailing},
		{"not JSON", "syntax errors are reported", "{", "", secretome.CodeSyntax},
		{"null", "a dossier is an object", "null", "", secretome.CodeType},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := DecodeDossier([]byte(tc.doc))
			assert.Nil(t, d, "no dossier when decoding fails")
			ve, ok := secretome.AsValidationError(err)
			require.True(t, ok, "%s: want a *ValidationError, got %v", tc.reason, err)
			got := ve.At(tc.path)
			require.NotEmpty(t, got, "%s: no problem at %q in %v", tc.reason, tc.path, err)
			assert.Equal(t, tc.code, got[0].Code, tc.reason)
			assert.Positive(t, got[0].Line, "decoding problems carry a line")
			assert.Positive(t, got[0].Column, "and a column")
		})
	}
	_, err := DecodeDossier(bytes.Repeat([]byte(" "), MaxDossierBytes+1))
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	assert.True(t, ve.Has(secretome.CodeTooLarge), "oversized input is refused")
}

func TestDossierValidate(t *testing.T) {
	tests := []struct {
		name, reason string
		edit         func(d *Dossier)
		path         string
		code         secretome.Code
	}{
		{"no manufacturer name", "the maker is named", func(d *Dossier) { d.Manufacturer.Name = "" }, "manufacturer.name", secretome.CodeRequired},
		{"site without name", "sites are named", func(d *Dossier) { d.Manufacturer.Sites[0].Name = "" }, "manufacturer.sites[0].name", secretome.CodeRequired},
		{"gmp dates reversed", "validity dates are ordered", func(d *Dossier) {
			d.Manufacturer.Sites[0].GMP = []GMPCertificate{{Authority: "BPOM", Jurisdiction: "ID", Number: "1",
				ValidFrom: secretome.MustParseDate("2026-01-01"), ValidUntil: secretome.MustParseDate("2025-01-01")}}
		}, "manufacturer.sites[0].gmp[0].valid_until", secretome.CodeInconsistent},
		{"gmp without authority", "a certificate names its issuer", func(d *Dossier) {
			d.Manufacturer.Sites[0].GMP = []GMPCertificate{{Jurisdiction: "ID", Number: "1"}}
		}, "manufacturer.sites[0].gmp[0].authority", secretome.CodeRequired},
		{"authorisation without kind", "the kind decides what it allows", func(d *Dossier) { d.Authorisations[0].Kind = 0 }, "authorisations[0].kind", secretome.CodeRequired},
		{"authorisation without number", "authorisations are identified", func(d *Dossier) { d.Authorisations[1].Number = "" }, "authorisations[1].number", secretome.CodeRequired},
		{"lower-case jurisdiction", "jurisdictions are codes", func(d *Dossier) { d.Authorisations[0].Jurisdiction = "id" }, "authorisations[0].jurisdiction", CodeJurisdiction},
		{"alpha-3 use jurisdiction", "a use in \"USA\" would otherwise be assessed by no market's rules", func(d *Dossier) { d.Uses[0].Jurisdiction = "USA" }, "uses[0].jurisdiction", CodeJurisdiction},
		{"unassigned gmp jurisdiction", "\"XX\" is no country", func(d *Dossier) {
			d.Manufacturer.Sites[0].GMP = []GMPCertificate{{Authority: "BPOM", Jurisdiction: "XX", Number: "1"}}
		}, "manufacturer.sites[0].gmp[0].jurisdiction", CodeJurisdiction},
		{"baseline as a market", "the quality baseline is no place of use", func(d *Dossier) { d.Uses[0].Jurisdiction = Baseline }, "uses[0].jurisdiction", CodeJurisdiction},
		{"EU as a seat", "a maker's seat is a country", func(d *Dossier) { d.Manufacturer.Country = "EU" }, "manufacturer.country", CodeJurisdiction},
		{"site country alpha-3", "a site's country is an alpha-2 code", func(d *Dossier) { d.Manufacturer.Sites[0].Country = "IDN" }, "manufacturer.sites[0].country", CodeJurisdiction},
		{"authorisation dates reversed", "validity dates are ordered", func(d *Dossier) {
			d.Authorisations[1].ValidUntil = secretome.MustParseDate("2020-01-01")
		}, "authorisations[1].valid_until", secretome.CodeInconsistent},
		{"authorisation for unknown indication", "indications resolve", func(d *Dossier) { d.Authorisations[0].Indications = []string{"acne"} }, "authorisations[0].indications[0]", CodeReference},
		{"no uses", "there is something to assess", func(d *Dossier) { d.Uses = nil }, "uses", secretome.CodeRequired},
		{"use without class", "the class decides the rules", func(d *Dossier) { d.Uses[0].Class = 0 }, "uses[0].class", secretome.CodeRequired},
		{"use without jurisdiction", "a use happens somewhere", func(d *Dossier) { d.Uses[0].Jurisdiction = "" }, "uses[0].jurisdiction", secretome.CodeRequired},
		{"use for unknown indication", "uses reference existing indications", func(d *Dossier) { d.Uses[1].Indications = []string{"acne"} }, "uses[1].indications[0]", CodeReference},
		{"claim cites unknown study", "claims cite existing studies", func(d *Dossier) { d.Claims[0].Studies = append(d.Claims[0].Studies, "case-9") }, "claims[0].studies[5]", CodeReference},
		{"claim for unknown indication", "claims name existing indications", func(d *Dossier) { d.Claims[0].Indication = "acne" }, "claims[0].indication", CodeReference},
		{"claim without wording", "a claim says something", func(d *Dossier) { d.Claims[0].Wording = "" }, "claims[0].wording", secretome.CodeRequired},
		{"duplicate study", "study IDs are unique", func(d *Dossier) { d.Studies[1].ID = "case-1" }, "studies[1].id", secretome.CodeDuplicate},
		{"study problem", "study paths are prefixed", func(d *Dossier) { d.Studies[2].Title = "" }, "studies[2].title", secretome.CodeRequired},
		{"product problem", "product paths are prefixed", func(d *Dossier) { d.Product.ID = "" }, "product.id", secretome.CodeRequired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := seed(t)
			require.NoError(t, d.Validate(), "the seed is valid")
			tc.edit(d)
			ve, ok := secretome.AsValidationError(d.Validate())
			require.True(t, ok, tc.reason)
			got := ve.At(tc.path)
			require.NotEmpty(t, got, "%s: no problem at %q in %v", tc.reason, tc.path, ve)
			assert.Equal(t, tc.code, got[0].Code, tc.reason)
			assert.Equal(t, secretome.SeverityError, got[0].Severity)
		})
	}
}

func TestJurisdictionCodes(t *testing.T) {
	d := seed(t)
	d.Uses[0].Jurisdiction = "USA"
	d.Uses[1].Jurisdiction = "ACME"
	ve, ok := secretome.AsValidationError(d.Validate())
	require.True(t, ok)
	got := ve.At("uses[0].jurisdiction")
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Message, `did you mean "US"?`, "an alpha-3 code gets its alpha-2 code suggested")
	assert.NotEmpty(t, ve.At("uses[1].jurisdiction"), "a host code is refused until the host registers it")

	ve, ok = secretome.AsValidationError(d.ValidateWith(ValidateOptions{Jurisdictions: []string{"ACME"}}))
	require.True(t, ok, "USA stays wrong")
	assert.Empty(t, ve.At("uses[1].jurisdiction"), "a registered host code is accepted")
	assert.NotEmpty(t, ve.At("uses[0].jurisdiction"))

	for _, tc := range []struct{ in, want, reason string }{
		{"USA", "US", "alpha-3"},
		{"IDN", "ID", "alpha-3"},
		{"us", "US", "lower case"},
		{"eu", "EU", "lower case EU"},
		{"UK", "GB", "the United Kingdom is GB in ISO 3166-1"},
		{"EL", "GR", "the EU writes Greece EL"},
		{"XYZ", "", "no country"},
		{"US", "", "nothing to suggest for a valid code"},
	} {
		assert.Equal(t, tc.want, SuggestJurisdiction(tc.in), tc.reason)
	}
	assert.True(t, IsCountry("ZW"), "the last code of the table")
	assert.True(t, IsCountry("AD"), "the first code of the table")
	assert.False(t, IsCountry("EU"), "the EU is no country")
	assert.True(t, IsJurisdiction("EU"))
	assert.False(t, IsCountry("XK"), "user-assigned codes are not officially assigned")
}

func TestDossierWarnings(t *testing.T) {
	d := seed(t)
	d.Uses[1].Indications = nil
	d.Uses[2].Setting = 0
	d.Authorisations[0].Facility = ""
	require.NoError(t, d.Validate(), "warnings alone do not invalidate")
	paths := map[string]bool{}
	for _, p := range d.Check() {
		if p.Severity == secretome.SeverityWarning {
			paths[p.Path] = true
		}
	}
	assert.True(t, paths["uses[1].indications"], "a clinical use should name its indications")
	assert.True(t, paths["uses[2].setting"], "a clinical use should name its setting")
	assert.True(t, paths["authorisations[0].facility"], "a designation should name its facility")
}

func TestDecodedDossierReturnedBesideValidationError(t *testing.T) {
	doc := strings.Replace(string(mustRead(t, "testdata/seed_wound_gel.json")), `"indication": "pressure-ulcer"`, `"indication": "acne"`, 1)
	d, err := DecodeDossier([]byte(doc))
	require.Error(t, err)
	assert.NotNil(t, d, "a dossier that decodes but fails validation is returned for display")
	ve, _ := secretome.AsValidationError(err)
	assert.True(t, ve.Has(CodeReference))
}

// TestDecodeDossierLocatesValidationProblems checks that problems found by
// validation, not only by decoding, carry the line of their field.
func TestDecodeDossierLocatesValidationProblems(t *testing.T) {
	data := []byte(`{
  "product": {"id": "X"},
  "manufacturer": {"name": "M"},
  "uses": [
    {"jurisdiction": "ID", "class": "research"}
  ]
}`)
	_, err := DecodeDossier(data)
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok, "validation fails: %v", err)
	for _, p := range ve.Problems {
		if p.Path == "product.name" {
			assert.Equal(t, 2, p.Line, "a missing field is placed at its parent object")
			return
		}
	}
	t.Fatalf("no problem at product.name in %v", ve.Problems)
}

func TestISO3166Table(t *testing.T) {
	require.Zero(t, len(iso3166)%5, "five letters a code")
	assert.Equal(t, 249, len(iso3166)/5, "ISO 3166-1 assigns 249 codes")
	for i := 0; i+5 <= len(iso3166); i += 5 {
		a2 := iso3166[i : i+2]
		if i > 0 {
			assert.Less(t, iso3166[i-5:i-3], a2, "the table is sorted for binary search")
		}
		assert.True(t, IsCountry(a2), a2)
		assert.Equal(t, a2, SuggestJurisdiction(iso3166[i+2:i+5]), "alpha-3 %s", iso3166[i+2:i+5])
	}
}

// TestIsCountryFindsTheTable checks the binary search of iso3166: among
// all pairs of letters, capital and not, exactly the table's alpha-2
// codes are countries.
func TestIsCountryFindsTheTable(t *testing.T) {
	for _, a := range "ABCDEFGHIJKLMNOPQRSTUVWXYZa" {
		for _, b := range "ABCDEFGHIJKLMNOPQRSTUVWXYZz" {
			c, listed := string([]rune{a, b}), false
			for i := 0; i+5 <= len(iso3166); i += 5 {
				listed = listed || iso3166[i:i+2] == c
			}
			assert.Equal(t, listed, IsCountry(c), c)
		}
	}
	assert.False(t, IsCountry("USA"))
	assert.False(t, IsCountry(""))
}

// TestDecodeInOnePassAgreesWithIndexed checks the decoding that lets leaf
// values read themselves in place (quantities, without an index) against
// the decoding with an index, which skips each leaf and unmarshals it:
// the same dossier and the same problems for every example and test
// dossier, and for a seed dossier with its quantities written in other forms.
func TestDecodeInOnePassAgreesWithIndexed(t *testing.T) {
	var docs [][]byte
	for _, p := range []string{"../examples/dossiers/ucmsc-wound-gel.json", "../examples/dossiers/bmmsc-ev-knee.json",
		"../examples/dossiers/broken-exosome-serum.json", "testdata/seed_wound_gel.json"} {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		docs = append(docs, data)
	}
	seed := string(docs[len(docs)-1])
	require.Contains(t, seed, `"unit"`)
	for _, r := range []*strings.Replacer{
		strings.NewReplacer(`"value": "`, `"value": "x`),     // malformed numbers
		strings.NewReplacer(`"unit": "`, `"unit": "furlong`), // unknown units
		strings.NewReplacer(`"unit": `, `"unit": 5, "u": `),  // wrong type, unknown field
		strings.NewReplacer(`"value": "`, `"value": "0`),     // leading zeros in strings
	} {
		docs = append(docs, []byte(r.Replace(seed)))
	}
	for i, data := range docs {
		var one, indexed Dossier
		issues := dossierDecoder.Decode(data, &one)
		issuesIndexed, _ := dossierDecoder.DecodeIndexed(data, &indexed)
		if i >= 4 && i < 7 {
			assert.NotEmpty(t, issues, "document %d has quantities with problems", i)
		}
		assert.Equal(t, issuesIndexed, issues, "document %d", i)
		assert.Equal(t, indexed, one, "document %d", i)
	}
}
