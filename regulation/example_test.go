package regulation_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// An umbilical-cord MSC secretome gel for chronic wounds, used in an
// Indonesian teaching hospital that the Minister designated for
// service-based research, backed by five case reports: what may it be
// used for in Indonesia, and why? The quality baseline is assessed beside
// Indonesian law, because it is what weighs the five case reports behind
// the claim.
func Example() {
	data, err := os.ReadFile("testdata/seed_wound_gel.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := regulation.Assess(d, regulation.Options{
		Jurisdictions: []string{"ID", regulation.Baseline},
		AsOf:          secretome.MustParseDate("2026-11-26"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	id, quality := rep.Jurisdiction("ID"), rep.Jurisdiction(regulation.Baseline)
	fmt.Println("class:", id.Classification)
	for _, u := range id.Uses {
		fmt.Printf("use %d, %s in a %s: %s (quality baseline: %s)\n",
			u.Index, u.Class, d.Uses[u.Index].Setting, u.Verdict, quality.Use(u.Index).Verdict)
		for _, m := range u.Missing {
			fmt.Println("  missing:", m)
		}
		for _, j := range []*regulation.JurisdictionReport{id, quality} {
			for _, f := range j.Findings {
				if f.Use != nil && *f.Use == u.Index {
					fmt.Printf("  %s %s [%s]: %s\n", f.Severity, f.RuleID, f.Provenance, f.Text())
				}
			}
		}
	}
	// Output:
	// class: cell-based therapy product when used as therapy (secretome and extracellular vesicles are named in PP 28/2024); a biological of the advanced-therapy (ATMP) category for BPOM; use needs approval of the Minister of Health and BPOM
	// use 0, research in a laboratory: permitted (quality baseline: permitted)
	//   info ID-PP28-RESEARCH [inferred]: laboratory research on the product is allowed
	// use 1, hospital_service in a designated_hospital: prohibited (quality baseline: permitted)
	//   error ID-PP28-PROCESSING [secondary]: no site shows a valid Indonesian CPOB (GMP) certificate and the dossier holds no Minister's processing licence; a product for clinical use is processed under CPOB in a licensed facility or by a CPOB-certified pharmaceutical manufacturer
	//   info ID-PP28-CLINICAL-ROUTES [secondary]: service-based research in a facility the Minister of Health designated
	// use 2, marketed_therapeutic in a hospital: prohibited (quality baseline: prohibited)
	//   error ID-BPOM-8-2025-NIE [secondary]: an advanced therapy product may not be marketed without a BPOM marketing authorisation (NIE); the dossier holds no NIE
	//   error ID-PP28-PROCESSING [secondary]: no site shows a valid Indonesian CPOB (GMP) certificate and the dossier holds no Minister's processing licence; a product for clinical use is processed under CPOB in a licensed facility or by a CPOB-certified pharmaceutical manufacturer
	//   error QUALITY-CLAIM-EVIDENCE [inferred]: a marketed therapeutic makes a claim that rests only on very-low-certainty evidence: GRADE rates the 5 studies it cites very low
	// use 3, cosmetic in a beauty_clinic: unknown (quality baseline: permitted)
	//   info ID-BPOM-COSMETIC-HUMAN-ORIGIN [inferred]: not found: a BPOM rule or statement on secretome or exosomes in cosmetics; not verified: whether BPOM's list of prohibited cosmetic ingredients (following ASEAN Annex II) names cells, tissues or products of human origin, which would bar a human cell-derived secretome
}

// Decoding reports every problem at once, each with its path, a stable
// code and its place in the text.
func ExampleDecodeDossier_errors() {
	data := []byte(`{
  "manufacturer": {"name": "Fictional Maker"},
  "uses": [{"jurisdiction": "ID", "class": "spa_treatment"}],
  "advertised": true
}`)
	_, err := regulation.DecodeDossier(data)
	var ve *secretome.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%d:%d %s [%s]\n", p.Line, p.Column, p.Path, p.Code)
		}
	}
	// Output:
	// 4:3 advertised [field.unknown]
	// 3:44 uses[0].class [enum]
}

// A hospital adds its formulary policy to the shipped rules: secretome
// products used on its wards must come from a site with a valid GMP
// certificate of the country of use.
func ExampleRuleSet_With() {
	policy := regulation.Rule{
		RuleInfo: regulation.RuleInfo{
			ID:           "RSPN-FORMULARY-GMP",
			Title:        "Ward use needs a GMP-certified source",
			Jurisdiction: "ID",
			Citation:     regulation.Citation{Instrument: "RS Pendidikan Nusantara formulary policy (fictional)", Article: "§ 4.2"},
			Provenance:   regulation.ProvenancePrimary,
		},
		Check: func(c *regulation.Context) {
			d := c.Dossier()
			certified := false
			for _, s := range d.Manufacturer.Sites {
				for _, g := range s.GMP {
					certified = certified || (g.Jurisdiction == c.Jurisdiction() && g.ValidOn(c.AsOf()))
				}
			}
			for _, i := range c.Uses() {
				if d.Uses[i].Class == regulation.UseHospitalService && !certified {
					c.Condition(i, "GMP certificate of the source site", "manufacturer.sites",
						"the formulary admits secretome only from GMP-certified sites")
				}
			}
		},
	}
	rules, err := regulation.Shipped().With(policy)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = rules.With(policy)
	fmt.Println(err)

	data, _ := os.ReadFile("testdata/seed_wound_gel.json")
	d, _ := regulation.DecodeDossier(data)
	a, _ := regulation.NewAssessor(rules, regulation.Options{Jurisdictions: []string{"ID"}, AsOf: secretome.MustParseDate("2026-11-26")})
	rep, _ := a.Assess(context.Background(), d)
	u := rep.Jurisdiction("ID").Use(1)
	fmt.Println(u.Verdict, u.Rules)
	for _, f := range rep.Findings() {
		if f.RuleID == "RSPN-FORMULARY-GMP" {
			fmt.Println(f.Severity, f.Path, f.Text())
		}
	}
	// Output:
	// regulation: rule "RSPN-FORMULARY-GMP": duplicate rule ID
	// prohibited [ID-PP28-PROCESSING]
	// warning manufacturer.sites the formulary admits secretome only from GMP-certified sites
}

// Findings marshal to JSON in the documented shape: the message as text
// and as its catalogue code with typed arguments, which a reader can
// render in another language or check without parsing sentences.
func ExampleFinding_json() {
	data, _ := os.ReadFile("testdata/seed_wound_gel.json")
	d, _ := regulation.DecodeDossier(data)
	rep, _ := regulation.Assess(d, regulation.Options{Jurisdictions: []string{"ID"}, AsOf: secretome.MustParseDate("2026-11-26")})
	for _, f := range rep.Findings() {
		if f.RuleID == "ID-BPOM-8-2025-NIE" {
			b, _ := json.MarshalIndent(f, "", "  ")
			fmt.Println(string(b))
		}
	}
	// Output:
	// {
	//   "rule": "ID-BPOM-8-2025-NIE",
	//   "jurisdiction": "ID",
	//   "severity": "error",
	//   "path": "uses[2].class",
	//   "message": "an advanced therapy product may not be marketed without a BPOM marketing authorisation (NIE); the dossier holds no NIE",
	//   "message_code": "auth.gateway",
	//   "message_args": [
	//     {
	//       "code": "id.marketed.rule"
	//     },
	//     {
	//       "code": "auth.none",
	//       "args": [
	//         {
	//           "term": "what.nie"
	//         }
	//       ]
	//     },
	//     {
	//       "code": ""
	//     }
	//   ],
	//   "citation": {
	//     "instrument": "BPOM Regulation No. 8 of 2025 on the Guideline for the Assessment of Advanced Therapy Products (Peraturan BPOM Nomor 8 Tahun 2025)",
	//     "number": "BPOM Reg. 8/2025",
	//     "article": "article numbers not known",
	//     "article_verified": false,
	//     "url": "https://jdih.pom.go.id/",
	//     "secondary": "BPOM press release of 21 April 2025 (pom.go.id) and its press coverage (such as https://selalukabar.com/bpom-sosialisasikan-peraturan-atmp-tingkatkan-mutu-keamanan-produk-52426.html)",
	//     "effective_from": "2025-03-06",
	//     "checked_on": "2026-12-01"
	//   },
	//   "provenance": "secondary",
	//   "use": 2
	// }
}

// A host rule whose source speaks of cord-derived products marks the
// findings it draws by analogy for other tissues as inferred, so that a
// reader does not take them for what the source says.
func ExampleContext_Inferred() {
	policy := regulation.Rule{
		RuleInfo: regulation.RuleInfo{
			ID: "RSPN-CORD-ONLY", Title: "The wound formulary lists cord-derived secretome only", Jurisdiction: "ID",
			Citation:   regulation.Citation{Instrument: "RS Pendidikan Nusantara formulary (fictional)", Article: "§ 2"},
			Provenance: regulation.ProvenancePrimary,
		},
		Check: func(c *regulation.Context) {
			cord := c.Dossier().Product.Source.Tissue == secretome.TissueUmbilicalCord
			c.Inferred(!cord) // the formulary names cord products; other tissues are our analogy
			for _, i := range c.Uses() {
				c.ReportUse(i, secretome.SeverityInfo, "product.source.tissue", "checked against the cord-only formulary")
			}
		},
	}
	rules, _ := regulation.NewRuleSet(policy)
	a, _ := regulation.NewAssessor(rules, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26")})
	data, _ := os.ReadFile("testdata/seed_wound_gel.json")
	d, _ := regulation.DecodeDossier(data)
	for _, tissue := range []secretome.Tissue{secretome.TissueUmbilicalCord, secretome.TissueAdipose} {
		d.Product.Source.Tissue = tissue
		rep, _ := a.Assess(context.Background(), d)
		fmt.Println(tissue, rep.Jurisdiction("ID").Findings[0].Provenance)
	}
	// Output:
	// umbilical_cord primary
	// adipose inferred
}

// A vendor's CI keeps its house rules in a set of their own, merges them
// with the shipped rules and selects the markets it sells in. A use in a
// market it did not select is listed as not assessed, not dropped.
func ExampleRuleSet_Merge() {
	house, err := regulation.NewRuleSet(regulation.Rule{
		RuleInfo: regulation.RuleInfo{
			ID: "ACME-ADS-STATED", Title: "Every dossier says whether the product is advertised", Jurisdiction: "ACME",
			Citation:   regulation.Citation{Instrument: "Acme Bio marketing code (fictional)", Article: "§ 1"},
			Provenance: regulation.ProvenancePrimary,
		},
		Check: func(c *regulation.Context) {
			if c.Dossier().AdvertisedToPublic == nil {
				c.Report(secretome.SeverityError, "advertised_to_public", "state whether the product is advertised to the public")
			}
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	all, err := regulation.Shipped().Merge(house)
	if err != nil {
		fmt.Println(err)
		return
	}
	markets, err := all.Select("ACME", "ID", regulation.Baseline)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(markets.Jurisdictions())
	a, err := regulation.NewAssessor(markets, regulation.Options{AsOf: secretome.MustParseDate("2026-11-26")})
	if err != nil {
		fmt.Println(err)
		return
	}

	data, err := os.ReadFile("testdata/seed_wound_gel.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	d.AdvertisedToPublic = nil
	d.Uses = append(d.Uses, regulation.Use{Jurisdiction: "US", Class: regulation.UseResearch, Setting: regulation.SettingLaboratory})
	rep, err := a.Assess(context.Background(), d)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Jurisdiction("ACME").Findings {
		fmt.Println(f.Severity, f.RuleID, f.Path)
	}
	fmt.Println("not assessed:", rep.Unassessed)
	// Output:
	// [ACME ID QUALITY]
	// error ACME-ADS-STATED advertised_to_public
	// not assessed: [4]
}

// A reviewer audits a rule by its citation: whether it links to the
// instrument in an official source, whether the article was read there,
// when the instrument took effect and when the source was read.
func ExampleCitation_OfficialSource() {
	for _, id := range []string{"US-312-EXPANDED-ACCESS", "ID-UU17-435-UNQUALIFIED-INJECTION"} {
		r, _ := regulation.Shipped().Rule(id)
		c := r.Citation
		fmt.Println(r.ID, r.Provenance)
		fmt.Println("  official source:", c.OfficialSource(), "article verified:", c.ArticleVerified)
		fmt.Println("  article:", c.Article)
		fmt.Println("  in force from:", c.EffectiveFrom, "checked on:", c.CheckedOn)
	}
	// Output:
	// US-312-EXPANDED-ACCESS primary
	//   official source: true article verified: true
	//   article: Subpart I, §§ 312.300-312.320
	//   in force from: 2009-10-13 checked on: 2026-12-01
	// ID-UU17-435-UNQUALIFIED-INJECTION inferred
	//   official source: true article verified: false
	//   article: Art. 439 (practising as medical personnel without a licence; reported, not verified)
	//   in force from: 2023-08-08 checked on: 2026-12-01
}

// The seed wound-gel dossier with a misspelled designation status
// ("revokd") and a setting of the wrong type is still read, validated and
// assessed in one run: its problems come with their lines, and the
// verdicts the errors bear on are unknown rather than taken from values
// that could not be read (read as its zero value, the status would say
// the designation is held).
func ExampleAssessor_AssessBytes_invalid() {
	data, err := os.ReadFile("testdata/seed_wound_gel.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	data = bytes.Replace(data, []byte(`"kind": "hospital_designation",`), []byte(`"kind": "hospital_designation", "status": "revokd",`), 1)
	data = bytes.Replace(data, []byte(`"setting": "beauty_clinic"`), []byte(`"setting": 7`), 1)
	a, err := regulation.NewAssessor(regulation.Shipped(), regulation.Options{
		Jurisdictions: []string{"ID"},
		AsOf:          secretome.MustParseDate("2026-11-26"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := a.AssessBytes(context.Background(), data, regulation.DecodeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("invalid:", rep.Invalid)
	for _, p := range rep.Problems {
		if p.Severity == secretome.SeverityError {
			fmt.Printf("line %d: %s [%s] %s\n", p.Line, p.Path, p.Code, p.Message)
		}
	}
	for _, u := range rep.Jurisdiction("ID").Uses {
		fmt.Printf("use %d: %s (as read: %s) %v\n", u.Index, u.Verdict, u.AsRead, u.InvalidPaths)
	}
	// Output:
	// invalid: true
	// line 407: authorisations[0].status [enum] unknown authorisation status "revokd" (want one of: held, not_held, applied, suspended, revoked, expired)
	// line 459: uses[3].setting [type] expected a string, got number
	// use 0: unknown (as read: permitted) [authorisations[0].status]
	// use 1: unknown (as read: prohibited) [authorisations[0].status]
	// use 2: unknown (as read: prohibited) [authorisations[0].status]
	// use 3: unknown (as read: unknown) [authorisations[0].status uses[3].setting]
}
