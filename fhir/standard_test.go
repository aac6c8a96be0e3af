package fhir_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/fhir"
	"github.com/openregen/secretomekit/secretome"
)

func TestStandardCodes(t *testing.T) {
	tests := []struct {
		name      string
		edit      func(*secretome.Product)
		want      []string // substrings the Bundle holds
		notWant   []string
		uncoded   []string
		noUncoded []string
		why       string
	}{
		{"seed wound gel", func(*secretome.Product) {},
			[]string{`"code": "10503000"`, `"code": "20003000"`, `"code": "PDC6A3C0OX"`, `"code": "9O3K93S3TK"`},
			nil,
			[]string{"/product/composition/analytes/0/name", "/product/formulation/excipients/0/name"},
			[]string{"/product/formulation/dosage_form", "/product/formulation/routes/0", "/product/formulation/excipients/1/name"},
			"a gel for the skin is EDQM Gel and cutaneous use; glycerol and triethanolamine have UNIIs, VEGF and carbomer 940 none"},
		{"gel into a joint", func(p *secretome.Product) { p.Formulation.Routes = []secretome.Route{secretome.RouteIntraArticular} },
			[]string{`"code": "20024000"`},
			[]string{`"code": "10503000"`},
			[]string{"/product/formulation/dosage_form"},
			[]string{"/product/formulation/routes/0"},
			"EDQM's Gel is a cutaneous form; a gel for another route is not coded"},
		{"microneedling", func(p *secretome.Product) {
			p.Formulation.Routes = []secretome.Route{secretome.RouteTopical, secretome.RouteMicroneedling}
		},
			[]string{`"code": "20003000"`},
			[]string{`"code": "10503000"`},
			[]string{"/product/formulation/dosage_form", "/product/formulation/routes/1"},
			[]string{"/product/formulation/routes/0"},
			"microneedling has no EDQM route, so the gel is not only cutaneous"},
		{"names in other case", func(p *secretome.Product) { p.Formulation.Excipients[1].Name = " Glycerin " },
			[]string{`"code": "PDC6A3C0OX"`}, nil, nil, []string{"/product/formulation/excipients/1/name"},
			"a UNII name matches whatever its case and surrounding space"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := loadExample(t, "../examples/dossiers/ucmsc-wound-gel.json")
			tc.edit(&d.Product)
			res, err := fhir.Export(d)
			require.NoError(t, err)
			for _, w := range tc.want {
				assert.Contains(t, string(res.Bundle), w, tc.why)
			}
			for _, w := range tc.notWant {
				assert.NotContains(t, string(res.Bundle), w, tc.why)
			}
			for _, u := range tc.uncoded {
				assert.Contains(t, res.Uncoded, u, tc.why)
			}
			for _, u := range tc.noUncoded {
				assert.NotContains(t, res.Uncoded, u, tc.why)
			}
			back, err := fhir.Import(res.Bundle)
			require.NoError(t, err, "the standard codes read back")
			assert.Equal(t, d.Product.Formulation, back.Product.Formulation)
		})
	}
}

func TestImportChecksStandardCodes(t *testing.T) {
	golden := seedGolden(t)
	tests := []struct {
		name string
		edit func([]byte) []byte
		path string
		why  string
	}{
		{"another UNII", replace(`"code": "PDC6A3C0OX"`, `"code": "451W47IQ8X"`),
			".substance.code.concept.coding[0]", "a UNII that is not the named substance's is reported"},
		{"another route", replace(`"code": "20003000"`, `"code": "20045000"`),
			"entry[0].resource.route[0].coding[1]", "an EDQM route must say the same as the library's"},
		{"another administrable form", func(b []byte) []byte {
			i := strings.Index(string(b), `"resourceType": "AdministrableProductDefinition"`)
			return []byte(string(b[:i]) + strings.Replace(string(b[i:]), `"code": "10503000"`, `"code": "10502000"`, 1))
		}, "entry[4].resource.administrableDoseForm", "the administrable dose form repeats the product's"},
		{"a coding on the combined form", replace(`"code": "gel",
              "display": "gel"
            }`, `"code": "gel",
              "display": "gel"
            },
            {
              "system": "http://standardterms.edqm.eu",
              "code": "10503000"
            }`),
			"entry[0].resource.combinedPharmaceuticalDoseForm.coding[1]", "no further coding is silently skipped"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.edit(golden)
			require.False(t, string(golden) == string(data), "the edit applies")
			_, err := fhir.Import(data)
			firstProblem(t, err, tc.path, secretome.CodeInconsistent, tc.why)
		})
	}

	// A server that keeps only the library's codings loses nothing.
	stripped := strings.NewReplacer(
		`,
                {
                  "system": "http://standardterms.edqm.eu",
                  "code": "20003000",
                  "display": "Cutaneous use"
                }`, "").Replace(string(golden))
	require.NotEqual(t, string(golden), stripped)
	_, err := fhir.Import([]byte(stripped))
	assert.NoError(t, err)
}
