package regulation

import (
	"context"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The scenarios follow real enforcement cases and instruments; the
// products and makers are fictional.

func assessAll(t *testing.T, d *Dossier, asOf string, jurisdictions ...string) *Report {
	t.Helper()
	require.NoError(t, d.Validate())
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate(asOf), Jurisdictions: jurisdictions})
	require.NoError(t, err)
	rep, err := a.Assess(context.Background(), d)
	require.NoError(t, err)
	return rep
}

func rulesOf(rep *Report, j string) map[string]secretome.Severity {
	out := map[string]secretome.Severity{}
	for _, f := range rep.Jurisdiction(j).Findings {
		out[f.RuleID] = max(out[f.RuleID], f.Severity)
	}
	return out
}

func findingAt(rep *Report, j, rule, path string) *Finding {
	for _, f := range rep.Jurisdiction(j).Findings {
		if f.RuleID == rule && f.Path == path {
			return &f
		}
	}
	return nil
}

// exosomeProduct turns the seed gel into a purified-EV injection.
func exosomeProduct(d *Dossier) {
	characterisedEVs(d)
	d.Product.ID, d.Product.Name = "FX-EXO-IV", "Fictional Exosome Infusion"
	d.Product.Formulation.DosageForm = secretome.DosageFormSolutionForInjection
	d.Product.Formulation.Routes = []secretome.Route{secretome.RouteIntravenous}
	d.Product.Formulation.Excipients = nil
	d.Product.Formulation.Strength = nil
	d.Product.Formulation.FillVolume = secretome.MustParseQuantity("5 mL")
}

// TestScenarioUSExosomeClinic: FDA's 2019 notification and the warning
// letters describe clinics giving exosome products without an IND or a
// licence, and promoting them to the public.
func TestScenarioUSExosomeClinic(t *testing.T) {
	d := bare(t)
	exosomeProduct(d)
	d.Manufacturer = Manufacturer{Name: "Fictional Regenerative Wellness LLC", Country: "US"}
	d.Uses = []Use{
		use("US", UseHospitalService, setting(SettingClinic), route(secretome.RouteIntravenous)),
		use("US", UseMarketedTherapeutic, setting(SettingClinic), route(secretome.RouteIntravenous)),
	}
	d.Claims = []Claim{{Wording: "Exosome infusions heal chronic wounds", Indication: "pressure-ulcer", Studies: []string{"case-1"}}}
	d.AdvertisedToPublic = boolPtr(true)

	rep := assessAll(t, d, "2026-11-26", "US")
	us := rep.Jurisdiction("US")
	assert.Equal(t, "drug and biological product; not an HCT/P", us.Classification)
	assert.Equal(t, VerdictProhibited, us.Use(0).Verdict, "no lawful clinic service route")
	assert.Equal(t, []string{"US-FDA-EXOSOME-NO-SERVICE"}, us.Use(0).Rules)
	assert.Equal(t, VerdictProhibited, us.Use(1).Verdict, "marketing needs a BLA")
	assert.Equal(t, []string{"US-351-BLA"}, us.Use(1).Rules)
	got := rulesOf(rep, "US")
	assert.Equal(t, secretome.SeverityError, got["US-FDA-UNAPPROVED-PROMOTION"], "the claim is promoted to the public")
	assert.Equal(t, secretome.SeverityInfo, got["US-1271-NOT-HCTP"], "the § 361 route is explained")

	// With an IND the same product may be given in a trial, not sold.
	d.Uses = append(d.Uses, use("US", UseClinicalTrial, route(secretome.RouteIntravenous)))
	d.Authorisations = []Authorisation{auth(AuthIND, "US")}
	us = assessAll(t, d, "2026-11-26", "US").Jurisdiction("US")
	assert.Equal(t, VerdictPermitted, us.Use(2).Verdict)
	assert.Equal(t, VerdictProhibited, us.Use(1).Verdict, "an IND does not permit commercial distribution")
}

// TestScenarioMagelang: BPOM's public record of 27 August 2025 — a
// veterinarian injected self-made secretome intramuscularly into people at
// premises disguised as a veterinary practice, without an NIE, and mixed
// it into wound creams; the claims (cancer prevention, stamina,
// rejuvenation) had no trial evidence.
func TestScenarioMagelang(t *testing.T) {
	d := bare(t)
	d.Product.ID, d.Product.Name = "FX-SELFMADE", "Fictional self-made secretome"
	d.Product.Maker = "an individual (fictional)"
	d.Product.Formulation.Routes = []secretome.Route{secretome.RouteIntramuscular, secretome.RouteTopicalWound}
	d.Product.Indications = append(d.Product.Indications,
		secretome.Indication{ID: "rejuvenation", Condition: "ageing", Intent: secretome.IntentCosmetic})
	d.Manufacturer = Manufacturer{Name: "Fictional Backyard Laboratory", Country: "ID", Sites: []Site{{Name: "home laboratory", Country: "ID"}}}
	d.Uses = []Use{
		use("ID", UseHospitalService, setting(SettingClinic), facility("veterinary practice (fictional)"),
			admin(AdministratorVeterinarian), route(secretome.RouteIntramuscular), indications("rejuvenation")),
		use("ID", UseMarketedTherapeutic, setting(SettingHome), admin(AdministratorPatient), route(secretome.RouteTopicalWound)),
	}
	d.Claims = []Claim{
		{Wording: "Prevents cancer and restores stamina", Intent: secretome.IntentTherapeutic},
		{Wording: "Rejuvenates the body", Indication: "rejuvenation"},
	}
	d.AdvertisedToPublic = boolPtr(true)

	rep := assessAll(t, d, "2025-08-27", "ID", Baseline)
	id := rep.Jurisdiction("ID")
	inj := id.Use(0)
	assert.Equal(t, VerdictProhibited, inj.Verdict)
	assert.Equal(t, []string{"ID-PP28-CLINICAL-ROUTES", "ID-PP28-PROCESSING", "ID-UU17-135-PURPOSE", "ID-UU17-435-UNQUALIFIED-INJECTION"}, inj.Rules)
	cream := id.Use(1)
	assert.Equal(t, VerdictProhibited, cream.Verdict)
	assert.Equal(t, []string{"ID-BPOM-8-2025-NIE", "ID-PP28-PROCESSING"}, cream.Rules, "a product a patient uses at home is not a cell-based service; the missing NIE and CPOB prohibit it")
	got := rulesOf(rep, "ID")
	assert.Equal(t, secretome.SeverityError, got["ID-PP28-PROCESSING"], "no CPOB site, no licensed facility: an error for clinical and marketed uses")
	if f := findingAt(rep, "ID", "ID-UU17-135-PURPOSE", "claims[1]"); assert.NotNil(t, f, "the rejuvenation claim has no legal basis") {
		assert.Equal(t, secretome.SeverityWarning, f.Severity)
		assert.Equal(t, ProvenanceInferred, f.Provenance)
	}

	q := rep.Jurisdiction(Baseline)
	assert.Equal(t, VerdictProhibited, q.Use(1).Verdict, "a marketed product claims cancer prevention without evidence")
	assert.Contains(t, q.Use(1).Rules, "QUALITY-CLAIM-EVIDENCE")
}

// TestScenarioEUHumanCosmetic: Annex II of the Cosmetics Regulation bans
// cells, tissues or products of human origin; a human cell-derived
// secretome cream cannot be a cosmetic, and microneedling is not a
// cosmetic use at all.
func TestScenarioEUHumanCosmetic(t *testing.T) {
	d := bare(t)
	d.Product.ID, d.Product.Name = "FX-GLOW-CREAM", "Fictional Glow Secretome Cream"
	d.Product.Formulation.DosageForm = secretome.DosageFormCream
	d.Product.Formulation.Routes = []secretome.Route{secretome.RouteTopical, secretome.RouteMicroneedling}
	d.Product.Indications = append(d.Product.Indications,
		secretome.Indication{ID: "glow", Condition: "dull skin", Intent: secretome.IntentCosmetic})
	d.Uses = []Use{
		use("EU", UseCosmetic, setting(SettingHome), admin(AdministratorPatient), route(secretome.RouteTopical), indications("glow")),
		use("EU", UseCosmetic, setting(SettingBeautyClinic), admin(AdministratorBeautician), route(secretome.RouteMicroneedling), indications("glow")),
	}
	d.Authorisations = []Authorisation{auth(AuthCosmeticNotification, "EU")}

	eu := assessAll(t, d, "2026-11-26", "EU").Jurisdiction("EU")
	assert.Equal(t, VerdictProhibited, eu.Use(0).Verdict)
	assert.Equal(t, []string{"EU-1223-ANNEX-II-HUMAN-ORIGIN"}, eu.Use(0).Rules, "a notification does not lift the ban")
	assert.Equal(t, VerdictProhibited, eu.Use(1).Verdict)
	assert.Equal(t, []string{"EU-1223-ANNEX-II-HUMAN-ORIGIN", "EU-1223-ART2-EXTERNAL"}, eu.Use(1).Rules)
	for _, f := range eu.Findings {
		if f.RuleID == "EU-1223-ANNEX-II-HUMAN-ORIGIN" {
			assert.Contains(t, f.Citation.Article, "entry number from secondary sources")
			assert.Equal(t, ProvenanceInferred, f.Provenance, "the wording was read in summaries; that a human secretome is a product of human origin is marked inferred in the notes")
		}
	}
}

// TestScenarioKoreaCultureMedium: MFDS allows human cell culture medium in
// cosmetics only under its safety standard, with records; "stem cell"
// wording is false advertising.
func TestScenarioKoreaCultureMedium(t *testing.T) {
	build := func(records bool) *Dossier {
		d := bare(t)
		d.Product.ID, d.Product.Name = "FX-KR-AMPOULE", "Fictional Cord Culture Ampoule"
		d.Product.Formulation.DosageForm = secretome.DosageFormSerum
		d.Product.Formulation.Routes = []secretome.Route{secretome.RouteTopical}
		d.Product.Indications = append(d.Product.Indications,
			secretome.Indication{ID: "dry-skin", Condition: "dry skin", Intent: secretome.IntentCosmetic})
		d.Uses = []Use{use("KR", UseCosmetic, setting(SettingHome), admin(AdministratorPatient), route(secretome.RouteTopical), indications("dry-skin"))}
		if records {
			d.Authorisations = []Authorisation{auth(AuthMFDSCultureMediumRecords, "KR")}
		}
		return d
	}
	without := assessAll(t, build(false), "2026-11-26", "KR").Jurisdiction("KR")
	assert.Equal(t, VerdictPermittedWithConditions, without.Use(0).Verdict)
	assert.Equal(t, []string{"KR-MFDS-CULTURE-MEDIUM"}, without.Use(0).Rules)
	require.Len(t, without.Use(0).Missing, 1)
	assert.Contains(t, without.Use(0).Missing[0], "MFDS culture-medium safety records")

	with := assessAll(t, build(true), "2026-11-26", "KR").Jurisdiction("KR")
	assert.Equal(t, VerdictPermitted, with.Use(0).Verdict)
	assert.Equal(t, []string{"KR-MFDS-CULTURE-MEDIUM"}, with.Use(0).Rules)

	d := build(true)
	d.Claims = []Claim{{Wording: "Stem cell ampoule for skin regeneration", Indication: "dry-skin"}}
	rep := assessAll(t, d, "2026-11-26", "KR")
	assert.Equal(t, secretome.SeverityError, rulesOf(rep, "KR")["KR-MFDS-AD-STEM-CELL"])
}

// TestScenarioJapanFreePractice: exosomes are not cells, so exosome
// treatment is outside the ASRM; the 31 July 2024 notices leave it to the
// treating doctor's responsibility.
func TestScenarioJapanFreePractice(t *testing.T) {
	d := bare(t)
	exosomeProduct(d)
	d.Uses = []Use{use("JP", UseHospitalService, setting(SettingClinic), route(secretome.RouteIntravenous))}

	jp := assessAll(t, d, "2025-06-01", "JP").Jurisdiction("JP")
	assert.Contains(t, jp.Classification, "outside the Act on the Safety of Regenerative Medicine")
	assert.Equal(t, VerdictPermittedWithConditions, jp.Use(0).Verdict)
	assert.Equal(t, []string{"JP-MHLW-2024-FREE-PRACTICE"}, jp.Use(0).Rules)
	require.Len(t, jp.Use(0).Missing, 1)
	assert.Contains(t, jp.Use(0).Missing[0], "JSRM guidance")

	before := assessAll(t, d, "2024-06-01", "JP").Jurisdiction("JP")
	assert.Equal(t, VerdictUnknown, before.Use(0).Verdict, "before the notices no shipped rule settles free practice")
	assert.Empty(t, before.Use(0).Rules)
	assert.Empty(t, before.Classification)
}

// TestScenarioKoreaTreatmentPlan: from 1 February 2025 a committee-approved
// treatment plan lets a hospital treat before product approval; with the
// whole shipped rule set the plan settles the open scope question.
func TestScenarioKoreaTreatmentPlan(t *testing.T) {
	d := bare(t)
	d.Uses = []Use{use("KR", UseHospitalService, facility("Fictional University Hospital"))}
	plan := auth(AuthTreatmentPlan, "KR")
	plan.Facility = "Fictional University Hospital"
	d.Authorisations = []Authorisation{plan}
	kr := assessAll(t, d, "2025-06-01", "KR").Jurisdiction("KR")
	assert.Equal(t, VerdictPermitted, kr.Use(0).Verdict)
	assert.Equal(t, []string{"KR-ARB-2025-TREATMENT-PLAN"}, kr.Use(0).Rules)

	kr = assessAll(t, d, "2024-06-01", "KR").Jurisdiction("KR")
	assert.Equal(t, VerdictUnknown, kr.Use(0).Verdict, "before the amendment the scope question stays open")
	assert.Equal(t, []string{"KR-ARB-SCOPE-NOT-FOUND"}, kr.Use(0).Rules)
}

// TestScenarioEdges runs the whole shipped rule set of a jurisdiction on
// edge cases found in the audit of November 2026, so that the combined
// verdict, not only each rule, is pinned.
func TestScenarioEdges(t *testing.T) {
	evCream := func(d *Dossier) {
		characterisedEVs(d)
		d.Product.Formulation.DosageForm = secretome.DosageFormCream
		d.Product.Formulation.Routes = []secretome.Route{secretome.RouteTopical}
	}
	tests := []struct {
		name, reason, asOf, j string
		build                 func(d *Dossier)
		use                   Use
		verdict               Verdict
		rules                 []string
	}{
		{"ID research in a beauty clinic", "research declared where patients are treated is not assessed as laboratory research, nor prohibited blindly",
			"2026-11-26", "ID", nil, use("ID", UseResearch, setting(SettingBeautyClinic)), VerdictUnknown, []string{"ID-PP28-RESEARCH"}},
		{"ID human cream at home", "no Indonesian rule on secretome cosmetics was found; the ASEAN human-origin entry is not verified",
			"2026-11-26", "ID", nil, use("ID", UseCosmetic, setting(SettingHome), admin(AdministratorPatient), route(secretome.RouteTopical)), VerdictUnknown, []string{"ID-BPOM-COSMETIC-HUMAN-ORIGIN"}},
		{"ID microneedled cosmetic by a beautician", "a needle-delivered product is a drug in BPOM's view, and a beautician is not a physician",
			"2026-11-26", "ID", nil, use("ID", UseCosmetic, setting(SettingBeautyClinic), admin(AdministratorBeautician), route(secretome.RouteMicroneedling)),
			VerdictProhibited, []string{"ID-BPOM-COSMETIC-NEEDLE", "ID-UU17-435-UNQUALIFIED-INJECTION"}},
		{"ID hospital service in a non-designated hospital", "neither an NIE product nor a designated facility",
			"2026-11-26", "ID", nil, use("ID", UseHospitalService), VerdictProhibited, []string{"ID-PP28-CLINICAL-ROUTES", "ID-PP28-PROCESSING"}},
		{"KR microneedled culture medium in 2026", "the January 2025 guideline: needle delivery is not a cosmetic use",
			"2026-11-26", "KR", func(d *Dossier) { d.Authorisations = []Authorisation{auth(AuthMFDSCultureMediumRecords, "KR")} },
			use("KR", UseCosmetic, setting(SettingBeautyClinic), route(secretome.RouteMicroneedling)), VerdictProhibited, []string{"KR-MFDS-2025-NEEDLE"}},
		{"KR microneedled culture medium in 2024", "before the guideline, whether needle use was cosmetic was not found",
			"2024-06-01", "KR", func(d *Dossier) { d.Authorisations = []Authorisation{auth(AuthMFDSCultureMediumRecords, "KR")} },
			use("KR", UseCosmetic, setting(SettingBeautyClinic), route(secretome.RouteMicroneedling)), VerdictUnknown, []string{"KR-MFDS-CULTURE-MEDIUM"}},
		{"TW exosome cream the day before the amendment", "item 11 still banned human-origin products",
			"2024-03-20", "TW", func(d *Dossier) {
				evCream(d)
				d.Authorisations = []Authorisation{auth(AuthCosmeticIngredientApproval, "TW")}
			}, use("TW", UseCosmetic, setting(SettingHome), route(secretome.RouteTopical)), VerdictProhibited, []string{"TW-COSMETIC-HUMAN-ORIGIN"}},
		{"TW exosome cream on the amendment day, approved", "human cell-derived exosomes with a case-by-case approval",
			"2024-03-21", "TW", func(d *Dossier) {
				evCream(d)
				d.Authorisations = []Authorisation{auth(AuthCosmeticIngredientApproval, "TW")}
			}, use("TW", UseCosmetic, setting(SettingHome), route(secretome.RouteTopical)), VerdictPermitted, []string{"TW-COSMETIC-HUMAN-EXOSOME-2024"}},
		{"US trial under an IND for another indication", "the IND does not cover the trial's indication",
			"2026-11-26", "US", func(d *Dossier) {
				ind := auth(AuthIND, "US")
				ind.Indications = []string{"burn"}
				d.Authorisations = []Authorisation{ind}
			}, use("US", UseClinicalTrial), VerdictProhibited, []string{"US-FDA-EXOSOME-IND"}},
		{"EU hospital exemption for a cell-free product", "the exemption is for ATMPs; national routes are not encoded",
			"2026-11-26", "EU", func(d *Dossier) { d.Authorisations = []Authorisation{auth(AuthHospitalDesignation, "EU")} },
			use("EU", UseHospitalService), VerdictUnknown, []string{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY"}},
		{"EU hospital use of an authorised product", "a marketing authorisation covering the use needs no exemption",
			"2026-11-26", "EU", func(d *Dossier) { d.Authorisations = []Authorisation{auth(AuthMarketingAuthorisation, "EU")} },
			use("EU", UseHospitalService), VerdictPermitted, []string{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := bare(t)
			if tc.build != nil {
				tc.build(d)
			}
			d.Uses = []Use{tc.use}
			ua := assessAll(t, d, tc.asOf, tc.j).Jurisdiction(tc.j).Use(0)
			require.NotNil(t, ua)
			assert.Equal(t, tc.verdict, ua.Verdict, tc.reason)
			assert.Equal(t, tc.rules, ua.Rules, tc.reason)
		})
	}
}
