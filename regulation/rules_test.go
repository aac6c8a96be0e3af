package regulation

import (
	"context"
	"testing"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bare is the seed dossier without uses, claims or authorisations.
func bare(t testing.TB) *Dossier {
	d := seed(t)
	d.Uses, d.Claims, d.Authorisations = nil, nil, nil
	return d
}

// use builds an intended use with the defaults of a hospital use of the
// seed gel, changed by the options.
func use(j string, class UseClass, opts ...func(*Use)) Use {
	u := Use{Jurisdiction: j, Class: class, Setting: SettingHospital, Administrator: AdministratorPhysician,
		Route: secretome.RouteTopicalWound, Indications: []string{"pressure-ulcer"}}
	if class == UseResearch {
		u = Use{Jurisdiction: j, Class: class, Setting: SettingLaboratory}
	}
	for _, o := range opts {
		o(&u)
	}
	return u
}

func setting(s Setting) func(*Use)         { return func(u *Use) { u.Setting = s } }
func route(r secretome.Route) func(*Use)   { return func(u *Use) { u.Route = r } }
func admin(a Administrator) func(*Use)     { return func(u *Use) { u.Administrator = a } }
func indications(ids ...string) func(*Use) { return func(u *Use) { u.Indications = ids } }
func facility(name string) func(*Use)      { return func(u *Use) { u.Facility = name } }
func auth(kind AuthorisationKind, j string) Authorisation {
	return Authorisation{Kind: kind, Number: "TEST-" + kind.String(), Holder: "Fictional Holder", Jurisdiction: j}
}

func boolPtr(b bool) *bool { return &b }

func licence(h secretome.Holding) func(*Use) { return func(u *Use) { u.LicenceToTreat = h } }

// notHeld states that no authorisation of the kind is held.
func notHeld(kind AuthorisationKind, j string) Authorisation {
	return Authorisation{Kind: kind, Status: StatusNotHeld, Jurisdiction: j}
}

func status(a Authorisation, s AuthorisationStatus) Authorisation { a.Status = s; return a }

func aeReported(a Authorisation, b bool) Authorisation { a.AdverseEventsReported = &b; return a }

// gmpNotHeld states that the seed's only site holds no GMP certificate.
func gmpNotHeld(d *Dossier) {
	d.Manufacturer.Sites[0].GMP = nil
	d.Manufacturer.Sites[0].GMPStatus = secretome.NotHeld
}

// claimIn adds a claim made in the markets.
func claimIn(wording, ind string, markets ...string) func(*Dossier) {
	return func(d *Dossier) {
		d.Claims = append(d.Claims, Claim{Wording: wording, Indication: ind, Markets: markets})
	}
}

// publicClaim adds a therapeutic claim made on social media in the market.
func publicClaim(market string) func(*Dossier) {
	return func(d *Dossier) {
		d.Claims = append(d.Claims, Claim{Wording: "Heals ulcers", Indication: "pressure-ulcer",
			Channels: []Channel{ChannelSocialMedia}, Markets: []string{market}})
	}
}

// channelClaim adds a therapeutic claim made on the channel.
func channelClaim(ch Channel) func(*Dossier) {
	return func(d *Dossier) {
		d.Claims = append(d.Claims, Claim{Wording: "Heals ulcers", Indication: "pressure-ulcer", Channels: []Channel{ch}})
	}
}

// batchOutcome sets the outcome of the first batch's result of the kind.
func batchOutcome(kind secretome.TestKind, o secretome.Outcome) func(*Dossier) {
	return func(d *Dossier) {
		for i := range d.Product.Batches[0].Results {
			if r := &d.Product.Batches[0].Results[i]; r.Kind == kind {
				r.Outcome = o
			}
		}
	}
}

// assessOne assesses the dossier with the single shipped rule id.
func assessOne(t *testing.T, id, asOf string, d *Dossier) *Report {
	t.Helper()
	var rule *Rule
	for i, r := range Shipped().rules {
		if r.ID == id {
			rule = &Shipped().rules[i]
		}
	}
	require.NotNil(t, rule, "no shipped rule %s", id)
	set, err := NewRuleSet(*rule)
	require.NoError(t, err)
	if asOf == "" {
		asOf = "2026-11-26"
	}
	a, err := NewAssessor(set, Options{AsOf: secretome.MustParseDate(asOf)})
	require.NoError(t, err)
	rep, err := a.Assess(context.Background(), d)
	require.NoError(t, err)
	return rep
}

// effects lists what a report shows: the verdict of each use some rule
// decided, "finding:<severity>", "path:<path>" and
// "provenance:<provenance>" for each finding, and "classified".
func effects(rep *Report) map[string]bool {
	out := map[string]bool{}
	for _, j := range rep.Jurisdictions {
		if j.Classification != "" {
			out["classified"] = true
		}
		for _, u := range j.Uses {
			if len(u.Rules) > 0 {
				out[u.Verdict.String()] = true
			}
		}
		for _, f := range j.Findings {
			out["finding:"+f.Severity.String()] = true
			out["path:"+f.Path] = true
			out["provenance:"+f.Provenance.String()] = true
		}
	}
	return out
}

type ruleCase struct {
	rule, name, reason string
	asOf               string
	build              func(d *Dossier)
	effect             string // what the failing case shows and the passing case must not
	fires              bool
}

func ruleCases() []ruleCase {
	uses := func(us ...Use) func(*Dossier) { return func(d *Dossier) { d.Uses = us } }
	with := func(f func(*Dossier), g func(*Dossier)) func(*Dossier) { return func(d *Dossier) { f(d); g(d) } }
	auths := func(as ...Authorisation) func(*Dossier) {
		return func(d *Dossier) { d.Authorisations = append(d.Authorisations, as...) }
	}
	esc := func(d *Dossier) {
		d.Product.Source.CellType = secretome.CellTypeESC
		d.Product.Source.Tissue = secretome.TissueEmbryonic
		d.Product.Source.Identity = nil
	}
	plant := func(d *Dossier) { d.Product.Source.Species = secretome.SpeciesPlant }
	advertised := func(d *Dossier) { d.AdvertisedToPublic = boolPtr(true) }
	// adipose makes the source adipose-derived stromal cells with CD34 at
	// the given share and CD31 and CD235a reported absent.
	adipose := func(cd34 string) func(*Dossier) {
		return func(d *Dossier) {
			d.Product.Source.Tissue = secretome.TissueAdipose
			setMarker("CD34", cd34)(d)
			setMarker("CD31", "0.3")(d)
			setMarker("CD235a", "0.2")(d)
		}
	}
	infertility := func(d *Dossier) {
		d.Product.Indications = append(d.Product.Indications, secretome.Indication{ID: "infertility",
			Condition: "female infertility", ICD10: "N97.9", Intent: secretome.IntentTherapeutic})
	}
	claim := func(wording, ind string, studies ...string) func(*Dossier) {
		return func(d *Dossier) {
			d.Claims = append(d.Claims, Claim{Wording: wording, Indication: ind, Studies: studies})
		}
	}
	gmp := func(j string) func(*Dossier) {
		return func(d *Dossier) {
			d.Manufacturer.Sites[0].GMP = []GMPCertificate{{Authority: "Authority", Jurisdiction: j, Number: "GMP-1",
				ValidFrom: secretome.MustParseDate("2025-01-01"), ValidUntil: secretome.MustParseDate("2028-01-01")}}
		}
	}
	designation := auth(AuthHospitalDesignation, "ID")
	designation.Facility = "RS Test"
	clinicDesignation := designation
	clinicDesignation.Facility = "Klinik Test"
	expiredDesignation := designation
	expiredDesignation.ValidUntil = secretome.MustParseDate("2025-12-31")
	indFor := func(ids ...string) Authorisation { a := auth(AuthIND, "US"); a.Indications = ids; return a }
	blaFor := func(ids ...string) Authorisation { a := auth(AuthBLA, "US"); a.Indications = ids; return a }
	lapsedIND := auth(AuthIND, "US")
	lapsedIND.ValidUntil = secretome.MustParseDate("2026-01-01")
	plan := auth(AuthTreatmentPlan, "KR")
	plan.Facility = "Test Hospital"
	expired := auth(AuthNIE, "ID")
	expired.ValidUntil = secretome.MustParseDate("2025-12-31")
	cases := []ruleCase{
		// Indonesia
		{"ID-PP28-CELL-THERAPY-PRODUCT", "human product", "PP 28/2024 names secretome among the materials of cell-based therapy",
			"", uses(use("ID", UseHospitalService)), "classified", true},
		{"ID-PP28-CELL-THERAPY-PRODUCT", "the day before PP 28/2024", "the PP took effect on 26 July 2024",
			"2024-07-25", uses(use("ID", UseHospitalService)), "classified", false},
		{"ID-PP28-CELL-THERAPY-PRODUCT", "the day PP 28/2024 took effect", "from 26 July 2024 the PP classes the product",
			"2024-07-26", uses(use("ID", UseHospitalService)), "classified", true},
		{"ID-PP28-CELL-THERAPY-PRODUCT", "cosmetic", "PP 28/2024 speaks of therapy; no rule on secretome cosmetics was found, so the rule does not prohibit one",
			"", uses(use("ID", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"ID-PP28-CELL-THERAPY-PRODUCT", "plant source", "the rule concerns products of human cells",
			"", with(plant, uses(use("ID", UseCosmetic, route(secretome.RouteTopical)))), "prohibited", false},
		{"ID-PP28-CELL-THERAPY-PRODUCT", "plant source is unknown", "for other sources the rule says it does not know",
			"", with(plant, uses(use("ID", UseCosmetic, route(secretome.RouteTopical)))), "unknown", true},
		{"ID-PP28-CLINICAL-ROUTES", "beauty clinic", "no route reaches patients outside hospitals and clinics",
			"", uses(use("ID", UseHospitalService, setting(SettingBeautyClinic))), "prohibited", true},
		{"ID-PP28-CLINICAL-ROUTES", "designated", "service-based research in a designated hospital is a route",
			"", with(auths(designation), uses(use("ID", UseHospitalService, setting(SettingDesignatedHospital), facility("RS Test")))), "prohibited", false},
		{"ID-PP28-CLINICAL-ROUTES", "designation for another hospital", "a designation covers the facility it names",
			"", with(auths(designation), uses(use("ID", UseHospitalService, facility("RS Lain")))), "prohibited", true},
		{"ID-PP28-CLINICAL-ROUTES", "standardised service", "a product with an NIE may be used in a hospital",
			"", with(auths(auth(AuthNIE, "ID")), uses(use("ID", UseHospitalService))), "prohibited", false},
		{"ID-PP28-PROCESSING", "no CPOB", "clinical use of a product processed without CPOB is an error",
			"", uses(use("ID", UseHospitalService)), "prohibited", true},
		{"ID-PP28-PROCESSING", "CPOB site", "a valid Indonesian CPOB certificate meets the rule",
			"", with(gmp("ID"), uses(use("ID", UseHospitalService))), "prohibited", false},
		{"ID-PP28-PROCESSING", "foreign GMP only", "a GMP certificate of another jurisdiction is not CPOB",
			"", with(gmp("EU"), uses(use("ID", UseHospitalService))), "prohibited", true},
		{"ID-PP28-PROCESSING", "licence without CPOB", "the Minister's licence does not replace CPOB",
			"", with(auths(auth(AuthFacilityLicence, "ID")), uses(use("ID", UseMarketedTherapeutic))), "prohibited", true},
		{"ID-PP28-PROCESSING", "marketed without CPOB", "a marketed therapeutic is a clinical use",
			"", uses(use("ID", UseMarketedTherapeutic)), "prohibited", true},
		{"ID-PP28-PROCESSING", "cosmetic without CPOB", "the PP governs therapy, not cosmetics",
			"", uses(use("ID", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"ID-PP28-PROCESSING", "the day before PP 28/2024", "the PP took effect on 26 July 2024",
			"2024-07-25", uses(use("ID", UseHospitalService)), "prohibited", false},
		{"ID-PP28-PROCESSING", "the day PP 28/2024 took effect", "from 26 July 2024 the rule applies",
			"2024-07-26", uses(use("ID", UseHospitalService)), "prohibited", true},
		{"ID-PERMENKES32-PROVIDERS", "home", "homes are not providers of cell-based services",
			"", uses(use("ID", UseHospitalService, setting(SettingHome))), "prohibited", true},
		{"ID-PERMENKES32-PROVIDERS", "home in 2017", "a 2018 regulation cannot have applied in 2017",
			"2017-12-31", uses(use("ID", UseHospitalService, setting(SettingHome))), "prohibited", false},
		{"ID-PERMENKES32-PROVIDERS", "home on 1 January 2018", "the rule applies from the year in its number",
			"2018-01-01", uses(use("ID", UseHospitalService, setting(SettingHome))), "prohibited", true},
		{"ID-PERMENKES32-PROVIDERS", "hospital", "hospitals are providers",
			"", uses(use("ID", UseHospitalService)), "prohibited", false},
		{"ID-PERMENKES32-PROVIDERS", "plant cosmetic in a beauty clinic", "the regulation concerns stem-cell and cell services",
			"", with(plant, uses(use("ID", UseCosmetic, setting(SettingBeautyClinic), route(secretome.RouteTopical)))), "prohibited", false},
		{"ID-UU17-135-EMBRYONIC", "embryonic", "embryonic stem cells are excluded from therapy",
			"", with(esc, uses(use("ID", UseHospitalService))), "prohibited", true},
		{"ID-UU17-135-EMBRYONIC", "the day before the Law", "UU 17/2023 took effect on 8 August 2023",
			"2023-08-07", with(esc, uses(use("ID", UseHospitalService))), "prohibited", false},
		{"ID-UU17-135-EMBRYONIC", "the day the Law took effect", "from 8 August 2023 Art. 135(4) applies",
			"2023-08-08", with(esc, uses(use("ID", UseHospitalService))), "prohibited", true},
		{"ID-UU17-135-EMBRYONIC", "cord MSC", "umbilical-cord MSCs are not embryonic",
			"", uses(use("ID", UseHospitalService)), "prohibited", false},
		{"ID-UU17-135-REPRODUCTIVE", "infertility", "the paragraph forbids reproductive purposes; whether infertility treatment is one is not settled",
			"", with(infertility, uses(use("ID", UseHospitalService, indications("infertility")))), "unknown", true},
		{"ID-UU17-135-REPRODUCTIVE", "wound", "healing a wound is not a reproductive purpose",
			"", uses(use("ID", UseHospitalService)), "unknown", false},
		{"ID-UU17-135-REPRODUCTIVE", "infertility cosmetic-free research", "laboratory research is not therapy",
			"", with(infertility, uses(use("ID", UseResearch))), "unknown", false},
		{"ID-UU17-135-REPRODUCTIVE", "the day before the Law", "UU 17/2023 took effect on 8 August 2023",
			"2023-08-07", with(infertility, uses(use("ID", UseHospitalService, indications("infertility")))), "unknown", false},
		{"ID-UU17-135-REPRODUCTIVE", "the day the Law took effect", "from 8 August 2023 the paragraph applies",
			"2023-08-08", with(infertility, uses(use("ID", UseHospitalService, indications("infertility")))), "unknown", true},
		{"ID-UU17-135-PURPOSE", "aesthetic injection", "therapy is only to cure disease and restore health",
			"", uses(use("ID", UseHospitalService, indications("skin-rejuvenation"))), "prohibited", true},
		{"ID-UU17-135-PURPOSE", "the day before the Law", "UU 17/2023 took effect on 8 August 2023",
			"2023-08-07", uses(use("ID", UseHospitalService, indications("skin-rejuvenation"))), "prohibited", false},
		{"ID-UU17-135-PURPOSE", "the day the Law took effect", "from 8 August 2023 Art. 135(2) applies",
			"2023-08-08", uses(use("ID", UseHospitalService, indications("skin-rejuvenation"))), "prohibited", true},
		{"ID-UU17-135-PURPOSE", "wound", "healing a wound restores health",
			"", uses(use("ID", UseHospitalService)), "prohibited", false},
		{"ID-BPOM-8-2025-NIE", "no NIE", "a marketed ATMP needs an NIE",
			"", uses(use("ID", UseMarketedTherapeutic)), "prohibited", true},
		{"ID-BPOM-8-2025-NIE", "NIE", "an NIE covering the indication allows marketing",
			"", with(auths(auth(AuthNIE, "ID")), uses(use("ID", UseMarketedTherapeutic))), "prohibited", false},
		{"ID-BPOM-8-2025-NIE", "expired NIE", "an NIE must be valid on the assessment date",
			"", with(func(d *Dossier) { d.Authorisations = []Authorisation{expired} }, uses(use("ID", UseMarketedTherapeutic))), "prohibited", true},
		{"ID-BPOM-8-2025-NIE", "before 6 March 2025", "the regulation was set on 6 March 2025",
			"2025-03-05", uses(use("ID", UseMarketedTherapeutic)), "prohibited", false},
		{"ID-BPOM-18-2020-NIE", "2024, no NIE", "the predecessor applied before 6 March 2025",
			"2024-06-01", uses(use("ID", UseMarketedTherapeutic)), "prohibited", true},
		{"ID-BPOM-18-2020-NIE", "replaced", "the predecessor no longer applies from 6 March 2025",
			"2025-03-06", uses(use("ID", UseMarketedTherapeutic)), "prohibited", false},
		{"ID-BPOM-8-2025-TRIAL", "unapproved trial", "a trial needs BPOM approval (PPUK)",
			"", uses(use("ID", UseClinicalTrial)), "prohibited", true},
		{"ID-BPOM-8-2025-TRIAL", "the day before Reg. 8/2025", "the guideline applies from 6 March 2025",
			"2025-03-05", uses(use("ID", UseClinicalTrial)), "prohibited", false},
		{"ID-BPOM-8-2025-TRIAL", "the day Reg. 8/2025 was signed", "from 6 March 2025 BPOM approval is asked for",
			"2025-03-06", uses(use("ID", UseClinicalTrial)), "prohibited", true},
		{"ID-BPOM-8-2025-TRIAL", "registered and approved", "registration plus ethics approval meets the rule",
			"", with(auths(auth(AuthCTA, "ID"), auth(AuthEthicsApproval, "ID")), uses(use("ID", UseClinicalTrial))), "prohibited", false},
		{"ID-BPOM-8-2025-TRIAL", "no ethics approval", "ethics approval is a condition",
			"", with(auths(auth(AuthCTA, "ID")), uses(use("ID", UseClinicalTrial))), "permitted_with_conditions", true},
		{"ID-BPOM-COSMETIC-NEEDLE", "microneedle cosmetic", "microneedle products are drugs",
			"", uses(use("ID", UseCosmetic, route(secretome.RouteMicroneedling))), "prohibited", true},
		{"ID-BPOM-COSMETIC-NEEDLE", "topical cosmetic", "topical application is not a needle route",
			"", uses(use("ID", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"ID-BPOM-COSMETIC-HUMAN-ORIGIN", "human cosmetic", "the human-origin listing is not verified and says so",
			"", uses(use("ID", UseCosmetic, route(secretome.RouteTopical))), "finding:info", true},
		{"ID-BPOM-COSMETIC-HUMAN-ORIGIN", "human cosmetic is unknown", "what is not found gives an unknown verdict, not a silent one",
			"", uses(use("ID", UseCosmetic, route(secretome.RouteTopical))), "unknown", true},
		{"ID-BPOM-COSMETIC-HUMAN-ORIGIN", "before 2019", "the regulation cannot have applied before the year in its number",
			"2018-06-01", uses(use("ID", UseCosmetic, route(secretome.RouteTopical))), "unknown", false},
		{"ID-BPOM-COSMETIC-HUMAN-ORIGIN", "plant cosmetic", "nothing unknown for a non-human ingredient",
			"", with(plant, uses(use("ID", UseCosmetic, route(secretome.RouteTopical)))), "finding:info", false},
		{"ID-UU17-435-UNQUALIFIED-INJECTION", "veterinarian injects", "the Magelang pattern",
			"", uses(use("ID", UseHospitalService, setting(SettingClinic), admin(AdministratorVeterinarian), route(secretome.RouteIntramuscular))), "prohibited", true},
		{"ID-UU17-435-UNQUALIFIED-INJECTION", "physician injects", "physicians may inject",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteIntramuscular))), "prohibited", false},
		{"ID-PP28-RESEARCH", "laboratory", "laboratory research is allowed",
			"", uses(use("ID", UseResearch)), "unknown", false},
		{"ID-PP28-RESEARCH", "research in a clinic", "research with patients must be declared as such",
			"", uses(use("ID", UseResearch, setting(SettingClinic))), "unknown", true},

		// United States
		{"US-1271-NOT-HCTP", "human", "a human secretome is a drug and biological product",
			"", uses(use("US", UseHospitalService)), "classified", true},
		{"US-1271-NOT-HCTP", "plant", "the HCT/P definition concerns human material",
			"", with(plant, uses(use("US", UseHospitalService))), "classified", false},
		{"US-FDA-EXOSOME-NO-SERVICE", "clinic service", "there is no lawful service route",
			"", uses(use("US", UseHospitalService, setting(SettingClinic))), "prohibited", true},
		{"US-FDA-EXOSOME-NO-SERVICE", "under an IND", "treatment under an IND is expanded access, left to US-312-EXPANDED-ACCESS",
			"", with(auths(indFor("pressure-ulcer")), uses(use("US", UseHospitalService))), "prohibited", false},
		{"US-312-EXPANDED-ACCESS", "IND covering the use", "treatment outside a trial under an IND is lawful expanded access",
			"", with(auths(indFor("pressure-ulcer")), uses(use("US", UseHospitalService))), "permitted", true},
		{"US-312-EXPANDED-ACCESS", "no IND", "without an IND there is no expanded access",
			"", uses(use("US", UseHospitalService)), "permitted", false},
		{"US-312-EXPANDED-ACCESS", "IND for another indication", "the IND must cover the treated indication",
			"", with(auths(indFor("burn")), uses(use("US", UseHospitalService))), "permitted_with_conditions", true},
		{"US-312-EXPANDED-ACCESS", "the day before subpart I", "subpart I took effect on 13 October 2009",
			"2009-10-12", with(auths(indFor("pressure-ulcer")), uses(use("US", UseHospitalService))), "permitted", false},
		{"US-312-EXPANDED-ACCESS", "the day subpart I took effect", "from 13 October 2009 subpart I applies",
			"2009-10-13", with(auths(indFor("pressure-ulcer")), uses(use("US", UseHospitalService))), "permitted", true},
		{"US-312-7A-PROMOTION", "promoted under an IND", "an investigational product may not be promoted as safe or effective",
			"", with(advertised, with(auths(indFor("pressure-ulcer")), with(claim("Heals ulcers", "pressure-ulcer"), uses(use("US", UseClinicalTrial))))), "finding:error", true},
		{"US-312-7A-PROMOTION", "not advertised", "scientific exchange is not restricted",
			"", with(auths(indFor("pressure-ulcer")), with(claim("Heals ulcers", "pressure-ulcer"), uses(use("US", UseClinicalTrial)))), "finding:error", false},
		{"US-312-7A-PROMOTION", "no IND and no trial", "a product not under investigation is left to the other promotion rule",
			"", with(advertised, with(claim("Heals ulcers", "pressure-ulcer"), uses(use("US", UseMarketedTherapeutic)))), "finding:error", false},
		{"US-312-7A-PROMOTION", "licensed for the claim", "a licensed indication may be advertised",
			"", with(advertised, with(auths(indFor("pressure-ulcer"), blaFor("pressure-ulcer")), with(claim("Heals ulcers", "pressure-ulcer"), uses(use("US", UseClinicalTrial))))), "finding:error", false},
		{"US-FDA-EXOSOME-NO-SERVICE", "licensed", "a licensed product may be used in practice",
			"", with(auths(auth(AuthBLA, "US")), uses(use("US", UseHospitalService))), "prohibited", false},
		{"US-FDA-EXOSOME-NO-SERVICE", "2018", "FDA's notification dates from 6 December 2019",
			"2018-01-01", uses(use("US", UseHospitalService)), "prohibited", false},
		{"US-351-BLA", "IND only", "an IND does not allow commercial distribution",
			"", with(auths(auth(AuthIND, "US")), uses(use("US", UseMarketedTherapeutic))), "prohibited", true},
		{"US-351-BLA", "BLA", "a licence allows marketing",
			"", with(auths(auth(AuthBLA, "US")), uses(use("US", UseMarketedTherapeutic))), "prohibited", false},
		{"US-FDA-EXOSOME-IND", "no IND", "a trial needs an IND",
			"", uses(use("US", UseClinicalTrial)), "prohibited", true},
		{"US-FDA-EXOSOME-IND", "IND", "an IND in effect allows the trial",
			"", with(auths(auth(AuthIND, "US")), uses(use("US", UseClinicalTrial))), "prohibited", false},
		{"US-FDA-EXOSOME-IND", "Indonesian registration", "a registration elsewhere is not an IND",
			"", with(auths(auth(AuthCTA, "ID")), uses(use("US", UseClinicalTrial))), "prohibited", true},
		{"US-FDA-UNAPPROVED-PROMOTION", "advertised claim", "a therapeutic claim promoted to the public",
			"", with(with(claim("Heals ulcers", "pressure-ulcer"), func(d *Dossier) { d.AdvertisedToPublic = boolPtr(true) }), uses(use("US", UseHospitalService))), "finding:error", true},
		{"US-FDA-UNAPPROVED-PROMOTION", "not advertised", "no promotion to the public",
			"", with(with(claim("Heals ulcers", "pressure-ulcer"), func(d *Dossier) { d.AdvertisedToPublic = boolPtr(false) }), uses(use("US", UseHospitalService))), "finding:error", false},
		{"US-COSMETIC-NOT-FOUND", "cosmetic", "no FDA statement on cosmetic status was found",
			"", uses(use("US", UseCosmetic, route(secretome.RouteTopical))), "unknown", true},
		{"US-COSMETIC-NOT-FOUND", "trial", "the rule concerns cosmetic uses only",
			"", uses(use("US", UseClinicalTrial)), "unknown", false},
		{"US-RESEARCH", "laboratory", "laboratory research is allowed",
			"", uses(use("US", UseResearch)), "permitted", true},
		{"US-RESEARCH", "home", "research at home is not laboratory research",
			"", uses(use("US", UseResearch, setting(SettingHome))), "permitted", false},

		// European Union
		{"EU-1394-NOT-ATMP", "secretome", "a cell-free secretome is classed as a medicinal product",
			"", uses(use("EU", UseMarketedTherapeutic)), "classified", true},
		{"EU-1394-NOT-ATMP", "no derivative", "without a derivative type the product is not known to be cell-free",
			"", with(func(d *Dossier) { d.Product.Derivative.Type = secretome.DerivativeUnspecified }, uses(use("EU", UseMarketedTherapeutic))), "classified", false},
		{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY", "hospital use", "national rules were not researched",
			"", uses(use("EU", UseHospitalService)), "unknown", true},
		{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY", "marketed", "the rule concerns hospital use only",
			"", uses(use("EU", UseMarketedTherapeutic)), "unknown", false},
		{"EU-2001-83-ART6-MA", "no MA", "no placing on the market without an MA",
			"", uses(use("EU", UseMarketedTherapeutic)), "prohibited", true},
		{"EU-2001-83-ART6-MA", "MA", "an MA covering the indication",
			"", with(auths(auth(AuthMarketingAuthorisation, "EU")), uses(use("EU", UseMarketedTherapeutic))), "prohibited", false},
		{"EU-2001-83-ART6-MA", "MA for another indication", "an MA covers only its indications",
			"", with(func(d *Dossier) {
				a := auth(AuthMarketingAuthorisation, "EU")
				a.Indications = []string{"burn"}
				d.Authorisations = []Authorisation{a}
			}, uses(use("EU", UseMarketedTherapeutic))), "prohibited", true},
		{"EU-CLINICAL-TRIAL-AUTHORISATION", "no CTA", "a trial needs authorisation",
			"", uses(use("EU", UseClinicalTrial)), "prohibited", true},
		{"EU-CLINICAL-TRIAL-AUTHORISATION", "CTA", "an authorised trial",
			"", with(auths(auth(AuthCTA, "EU")), uses(use("EU", UseClinicalTrial))), "prohibited", false},
		{"EU-CLINICAL-TRIAL-AUTHORISATION", "the day before the Regulation applied", "Regulation (EU) No 536/2014 applies from 31 January 2022",
			"2022-01-30", uses(use("EU", UseClinicalTrial)), "prohibited", false},
		{"EU-CLINICAL-TRIAL-AUTHORISATION", "the day the Regulation applied", "from 31 January 2022 Art. 4 governs",
			"2022-01-31", uses(use("EU", UseClinicalTrial)), "prohibited", true},
		{"EU-2001-20-ART9-TRIAL", "2015 trial without acceptance", "under the Directive a trial starts only without objection of the authority",
			"2015-06-01", uses(use("EU", UseClinicalTrial)), "prohibited", true},
		{"EU-2001-20-ART9-TRIAL", "2015 trial accepted", "the authority's acceptance meets Art. 9",
			"2015-06-01", with(auths(auth(AuthCTA, "EU")), uses(use("EU", UseClinicalTrial))), "prohibited", false},
		{"EU-2001-20-ART9-TRIAL", "the last day of the Directive", "the Directive applied up to 30 January 2022",
			"2022-01-30", uses(use("EU", UseClinicalTrial)), "prohibited", true},
		{"EU-2001-20-ART9-TRIAL", "the day the Regulation replaced it", "from 31 January 2022 the Regulation governs",
			"2022-01-31", uses(use("EU", UseClinicalTrial)), "prohibited", false},
		{"EU-2001-20-ART9-TRIAL", "before Member States applied it", "the Directive applied from 1 May 2004",
			"2004-04-30", uses(use("EU", UseClinicalTrial)), "prohibited", false},
		{"EU-2001-20-ART9-TRIAL", "the day Member States applied it", "from 1 May 2004 Art. 9 applies",
			"2004-05-01", uses(use("EU", UseClinicalTrial)), "prohibited", true},
		{"EU-76-768-HUMAN-ORIGIN", "2012 human cream", "the Directive's Annex II banned human-origin material before 2013",
			"2012-06-01", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", true},
		{"EU-76-768-HUMAN-ORIGIN", "2012 plant cream", "the entry does not catch plant material",
			"2012-06-01", with(plant, uses(use("EU", UseCosmetic, route(secretome.RouteTopical)))), "prohibited", false},
		{"EU-76-768-HUMAN-ORIGIN", "the last day of the Directive", "the Directive applied up to 10 July 2013",
			"2013-07-10", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", true},
		{"EU-76-768-HUMAN-ORIGIN", "before the Directive", "the entry cannot predate the Directive of 27 July 1976",
			"1976-07-26", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"EU-76-768-HUMAN-ORIGIN", "the day the Regulation applied", "from 11 July 2013 the Regulation's Annex II governs",
			"2013-07-11", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"EU-1223-ANNEX-II-HUMAN-ORIGIN", "the day before the Regulation applied", "the Regulation applies from 11 July 2013",
			"2013-07-10", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"EU-1223-ANNEX-II-HUMAN-ORIGIN", "the day the Regulation applied", "from 11 July 2013 Annex II entry 416 applies",
			"2013-07-11", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", true},
		{"EU-1223-ANNEX-II-HUMAN-ORIGIN", "human cream", "human-origin material is banned in cosmetics",
			"", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", true},
		{"EU-1223-ANNEX-II-HUMAN-ORIGIN", "plant cream", "the entry does not catch plant material",
			"", with(plant, uses(use("EU", UseCosmetic, route(secretome.RouteTopical)))), "prohibited", false},
		{"EU-1223-ANNEX-II-HUMAN-ORIGIN", "species not given", "the check cannot run without a species",
			"", with(func(d *Dossier) { d.Product.Source.Species = secretome.SpeciesUnspecified }, uses(use("EU", UseCosmetic, route(secretome.RouteTopical)))), "unknown", true},
		{"EU-1223-ART2-EXTERNAL", "microneedling", "needle delivery is not a cosmetic use",
			"", uses(use("EU", UseCosmetic, route(secretome.RouteMicroneedling))), "prohibited", true},
		{"EU-1223-ART2-EXTERNAL", "topical", "intact skin is external",
			"", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"EU-1223-ART2-EXTERNAL", "injected cosmetic", "Art. 2(2): an injected product is not a cosmetic",
			"", uses(use("EU", UseCosmetic, route(secretome.RouteIntradermal))), "provenance:primary", true},
		{"EU-1223-ART2-EXTERNAL", "microneedling is inferred", "Art. 2(2) names injection; microneedling is our reading",
			"", uses(use("EU", UseCosmetic, route(secretome.RouteMicroneedling))), "provenance:primary", false},
		{"EU-1223-ART2-EXTERNAL", "the day before the Regulation applied", "the Regulation applies from 11 July 2013",
			"2013-07-10", uses(use("EU", UseCosmetic, route(secretome.RouteIntradermal))), "prohibited", false},
		{"EU-1223-ART2-EXTERNAL", "the day the Regulation applied", "from 11 July 2013 Art. 2(2) applies",
			"2013-07-11", uses(use("EU", UseCosmetic, route(secretome.RouteIntradermal))), "prohibited", true},
		{"EU-RESEARCH", "laboratory", "laboratory research is allowed",
			"", uses(use("EU", UseResearch)), "permitted", true},
		{"EU-RESEARCH", "no research use", "the rule speaks only about research",
			"", uses(use("EU", UseClinicalTrial)), "permitted", false},

		// Japan
		{"JP-MHLW-2024-FREE-PRACTICE", "physician", "free practice on the doctor's responsibility",
			"", uses(use("JP", UseHospitalService, setting(SettingClinic))), "permitted_with_conditions", true},
		{"JP-MHLW-2024-FREE-PRACTICE", "before the notices", "the notices date from 31 July 2024",
			"2024-07-30", uses(use("JP", UseHospitalService, setting(SettingClinic))), "permitted_with_conditions", false},
		{"JP-MHLW-2024-FREE-PRACTICE", "beautician", "the notices address doctors; others are unknown",
			"", uses(use("JP", UseHospitalService, setting(SettingBeautyClinic), admin(AdministratorBeautician))), "unknown", true},
		{"JP-MHLW-2024-EXOSOME-REAGENT", "claim without approval", "drug-like claims make an unapproved drug",
			"", with(claim("Heals ulcers", "pressure-ulcer"), uses(use("JP", UseResearch))), "finding:error", true},
		{"JP-MHLW-2024-EXOSOME-REAGENT", "free practice", "the notice concerns products sold, not a doctor's treatment",
			"", with(claim("Heals ulcers", "pressure-ulcer"), uses(use("JP", UseHospitalService))), "finding:error", false},
		{"JP-MHLW-2024-EXOSOME-REAGENT", "cosmetic claim", "a cosmetic claim is not drug-like",
			"", with(claim("Renews skin", "skin-rejuvenation"), uses(use("JP", UseResearch))), "finding:error", false},
		{"JP-PMD-APPROVAL", "unapproved", "a marketed therapeutic needs approval",
			"", uses(use("JP", UseMarketedTherapeutic)), "prohibited", true},
		{"JP-PMD-APPROVAL", "approved", "approval allows marketing",
			"", with(auths(auth(AuthMarketingAuthorisation, "JP")), uses(use("JP", UseMarketedTherapeutic))), "prohibited", false},
		{"JP-PMD-68-ADVERTISING", "advertised without approval", "Art. 68 forbids advertising the efficacy of an unapproved drug",
			"", with(advertised, with(claim("Heals ulcers", "pressure-ulcer"), uses(use("JP", UseHospitalService)))), "finding:error", true},
		{"JP-PMD-68-ADVERTISING", "advertised with approval", "an approved drug may be advertised",
			"", with(advertised, with(auths(auth(AuthMarketingAuthorisation, "JP")), with(claim("Heals ulcers", "pressure-ulcer"), uses(use("JP", UseHospitalService))))), "finding:error", false},
		{"JP-PMD-68-ADVERTISING", "not advertised", "no advertisement, nothing to forbid",
			"", with(claim("Heals ulcers", "pressure-ulcer"), uses(use("JP", UseHospitalService))), "finding:error", false},
		{"JP-PMD-68-ADVERTISING", "cosmetic claim", "a cosmetic claim is not the efficacy of a drug",
			"", with(advertised, with(claim("Renews skin", "skin-rejuvenation"), uses(use("JP", UseCosmetic, route(secretome.RouteTopical))))), "finding:error", false},
		{"JP-NOT-RESEARCHED", "cosmetic", "Japanese cosmetic rules were not researched",
			"", uses(use("JP", UseCosmetic, route(secretome.RouteTopical))), "unknown", true},
		{"JP-NOT-RESEARCHED", "marketed", "marketing is covered by other rules",
			"", uses(use("JP", UseMarketedTherapeutic)), "unknown", false},
		{"JP-RESEARCH", "laboratory", "laboratory research is allowed",
			"", uses(use("JP", UseResearch)), "permitted", true},
		{"JP-RESEARCH", "beauty clinic", "research in a beauty clinic is not laboratory research",
			"", uses(use("JP", UseResearch, setting(SettingBeautyClinic))), "permitted", false},

		// South Korea
		{"KR-ARB-SCOPE-NOT-FOUND", "trial", "the Act's scope for cell-free products was not found",
			"", uses(use("KR", UseClinicalTrial)), "unknown", true},
		{"KR-ARB-SCOPE-NOT-FOUND", "cosmetic", "cosmetics are covered by MFDS rules",
			"", uses(use("KR", UseCosmetic, route(secretome.RouteTopical))), "unknown", false},
		{"KR-ARB-SCOPE-NOT-FOUND", "treatment plan", "an approved treatment plan settles the scope",
			"", with(auths(plan), uses(use("KR", UseHospitalService, facility("Test Hospital")))), "unknown", false},
		{"KR-ARB-2025-TREATMENT-PLAN", "approved plan", "a treatment plan opens treatment before approval",
			"", with(auths(plan), uses(use("KR", UseHospitalService, facility("Test Hospital")))), "permitted", true},
		{"KR-ARB-2025-TREATMENT-PLAN", "the day before the amendment", "the amendment and its decree are in force from 21 February 2025",
			"2025-02-20", with(auths(plan), uses(use("KR", UseHospitalService, facility("Test Hospital")))), "permitted", false},
		{"KR-ARB-2025-TREATMENT-PLAN", "the day the amendment took effect", "from 21 February 2025 a plan opens treatment",
			"2025-02-21", with(auths(plan), uses(use("KR", UseHospitalService, facility("Test Hospital")))), "permitted", true},
		{"KR-ARB-2025-TREATMENT-PLAN", "use names no facility", "a plan is approved for a facility; an unnamed place is not shown to be it",
			"", with(auths(plan), uses(use("KR", UseHospitalService))), "permitted", false},
		{"KR-ARB-2025-TREATMENT-PLAN", "use names no facility, condition", "the plan is then a condition to show, pointing at the use's facility",
			"", with(auths(plan), uses(use("KR", UseHospitalService))), "path:uses[0].facility", true},
		{"KR-MFDS-CULTURE-MEDIUM", "no records", "the MFDS standard asks for records",
			"", uses(use("KR", UseCosmetic, route(secretome.RouteTopical))), "permitted_with_conditions", true},
		{"KR-MFDS-CULTURE-MEDIUM", "records", "records meet the standard",
			"", with(auths(auth(AuthMFDSCultureMediumRecords, "KR")), uses(use("KR", UseCosmetic, route(secretome.RouteTopical)))), "permitted_with_conditions", false},
		{"KR-MFDS-2025-NEEDLE", "microneedle", "needle delivery is not cosmetic",
			"", uses(use("KR", UseCosmetic, route(secretome.RouteMicroneedling))), "prohibited", true},
		{"KR-MFDS-2025-NEEDLE", "before the revision", "the guideline was revised on 21 January 2025",
			"2025-01-20", uses(use("KR", UseCosmetic, route(secretome.RouteMicroneedling))), "prohibited", false},
		{"KR-MFDS-2025-NEEDLE", "needle claim", "a cosmetic claim may not mention microneedles",
			"", with(claim("Best with a microneedle roller", ""), uses(use("KR", UseCosmetic, route(secretome.RouteTopical)))), "finding:error", true},
		{"KR-MFDS-AD-STEM-CELL", "stem cell wording", "suggesting stem cells is false advertising",
			"", with(claim("Stem cell power for your skin", ""), uses(use("KR", UseCosmetic, route(secretome.RouteTopical)))), "finding:error", true},
		{"KR-MFDS-AD-STEM-CELL", "culture medium wording", "naming the culture medium is allowed",
			"", with(claim("Contains human cord cell culture medium", ""), uses(use("KR", UseCosmetic, route(secretome.RouteTopical)))), "finding:error", false},
		{"KR-MFDS-APPROVAL", "unapproved", "a marketed therapeutic needs approval",
			"", uses(use("KR", UseMarketedTherapeutic)), "prohibited", true},
		{"KR-MFDS-APPROVAL", "approved", "approval allows marketing",
			"", with(auths(auth(AuthMarketingAuthorisation, "KR")), uses(use("KR", UseMarketedTherapeutic))), "prohibited", false},
		{"KR-RESEARCH", "laboratory", "laboratory research is allowed",
			"", uses(use("KR", UseResearch)), "permitted", true},
		{"KR-RESEARCH", "hospital", "research in a hospital is not laboratory research",
			"", uses(use("KR", UseResearch, setting(SettingHospital))), "permitted", false},

		// Australia
		{"AU-TGA-ARTG", "not on the ARTG", "supply needs ARTG inclusion",
			"", uses(use("AU", UseMarketedTherapeutic)), "prohibited", true},
		{"AU-TGA-ARTG", "special access", "special access allows hospital supply",
			"", with(auths(auth(AuthSpecialAccess, "AU")), uses(use("AU", UseHospitalService))), "prohibited", false},
		{"AU-TGA-ARTG", "hospital, nothing", "the autologous exclusion does not cover secretome",
			"", uses(use("AU", UseHospitalService)), "prohibited", true},
		{"AU-TGA-HCT-ADVERTISING", "advertised", "human cell products may not be advertised to the public",
			"", with(func(d *Dossier) { d.AdvertisedToPublic = boolPtr(true) }, uses(use("AU", UseHospitalService))), "finding:error", true},
		{"AU-TGA-HCT-ADVERTISING", "not advertised", "no advertising to the public",
			"", with(func(d *Dossier) { d.AdvertisedToPublic = boolPtr(false) }, uses(use("AU", UseHospitalService))), "finding:error", false},
		{"AU-NOT-RESEARCHED", "trial", "Australian trial schemes were not researched",
			"", uses(use("AU", UseClinicalTrial)), "unknown", true},
		{"AU-NOT-RESEARCHED", "marketed", "marketing is covered by AU-TGA-ARTG",
			"", uses(use("AU", UseMarketedTherapeutic)), "unknown", false},
		{"AU-RESEARCH", "laboratory", "laboratory research is allowed",
			"", uses(use("AU", UseResearch)), "permitted", true},
		{"AU-RESEARCH", "clinic", "research in a clinic is not laboratory research",
			"", uses(use("AU", UseResearch, setting(SettingClinic))), "permitted", false},

		// Taiwan
		{"TW-COSMETIC-HUMAN-ORIGIN", "2023 cosmetic", "human-origin products were prohibited in cosmetics",
			"2023-06-01", uses(use("TW", UseCosmetic, route(secretome.RouteTopical))), "prohibited", true},
		{"TW-COSMETIC-HUMAN-ORIGIN", "after the amendment", "the 2024 amendment replaced the plain ban",
			"2024-03-21", uses(use("TW", UseCosmetic, route(secretome.RouteTopical))), "prohibited", false},
		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "no approval", "human exosomes need case-by-case approval",
			"", uses(use("TW", UseCosmetic, route(secretome.RouteTopical))), "prohibited", true},
		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "approved", "an approval allows the ingredient",
			"", with(auths(auth(AuthCosmeticIngredientApproval, "TW")), uses(use("TW", UseCosmetic, route(secretome.RouteTopical)))), "prohibited", false},
		{"TW-NOT-RESEARCHED", "trial", "only the cosmetic rule was researched",
			"", uses(use("TW", UseClinicalTrial)), "unknown", true},
		{"TW-NOT-RESEARCHED", "cosmetic", "cosmetics are covered by the researched rule",
			"", uses(use("TW", UseCosmetic, route(secretome.RouteTopical))), "unknown", false},

		// Facts a verdict turns on: held, not held, not stated.
		{"ID-PP28-PROCESSING", "GMP stated not held", "a stated absence of CPOB closes the route rather than leaving a condition",
			"", with(gmpNotHeld, uses(use("ID", UseHospitalService))), "prohibited", true},
		{"ID-PP28-PROCESSING", "GMP held", "a valid CPOB certificate opens the route the stated absence closes",
			"", with(gmp("ID"), uses(use("ID", UseHospitalService))), "prohibited", false},
		{"ID-PP28-PROCESSING", "licence stated not held", "without a Minister's licence only a CPOB-certified manufacturer remains",
			"", with(auths(notHeld(AuthFacilityLicence, "ID")), uses(use("ID", UseHospitalService))), "path:authorisations[0]", true},
		{"ID-BPOM-8-2025-TRIAL", "ethics approval stated not held", "a trial known to lack ethics approval is prohibited",
			"", with(auths(auth(AuthCTA, "ID"), notHeld(AuthEthicsApproval, "ID")), uses(use("ID", UseClinicalTrial))), "prohibited", true},
		{"ID-BPOM-8-2025-TRIAL", "ethics approval not stated", "an unstated approval is a condition",
			"", with(auths(auth(AuthCTA, "ID")), uses(use("ID", UseClinicalTrial))), "prohibited", false},
		{"ID-BPOM-8-2025-NIE", "revoked NIE", "a revoked NIE does not allow marketing",
			"", with(auths(status(auth(AuthNIE, "ID"), StatusRevoked)), uses(use("ID", UseMarketedTherapeutic))), "prohibited", true},
		{"ID-BPOM-8-2025-NIE", "NIE applied for", "an application is not an authorisation",
			"", with(auths(status(auth(AuthNIE, "ID"), StatusApplied)), uses(use("ID", UseMarketedTherapeutic))), "prohibited", true},
		{"ID-PP28-CLINICAL-ROUTES", "designation stated not held", "a designated hospital known to lack its designation is prohibited",
			"", with(auths(notHeld(AuthHospitalDesignation, "ID")), uses(use("ID", UseHospitalService, setting(SettingDesignatedHospital)))), "prohibited", true},
		{"ID-PP28-CLINICAL-ROUTES", "designation not stated", "a designation not in the dossier is a condition",
			"", uses(use("ID", UseHospitalService, setting(SettingDesignatedHospital))), "prohibited", false},
		{"ID-PERMENKES32-PROVIDERS", "unlicensed premises", "a practice without a health-care licence is no provider",
			"", uses(use("ID", UseHospitalService, setting(SettingUnlicensedPremises))), "prohibited", true},
		{"ID-PERMENKES32-PROVIDERS", "pharmacy service", "a pharmacy is no provider of cell-based services",
			"", uses(use("ID", UseHospitalService, setting(SettingPharmacy))), "prohibited", true},
		{"ID-PERMENKES32-PROVIDERS", "marketed product in a pharmacy", "dispensing a marketed product is not a cell-based service",
			"", uses(use("ID", UseMarketedTherapeutic, setting(SettingPharmacy))), "prohibited", false},
		{"ID-UU17-435-UNQUALIFIED-INJECTION", "physician without licence", "a physician who holds no licence to treat people practises without one",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteIntramuscular), licence(secretome.NotHeld))), "prohibited", true},
		{"ID-UU17-435-UNQUALIFIED-INJECTION", "licensed physician", "a licence held is no violation",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteIntramuscular), licence(secretome.Held))), "prohibited", false},
		{"ID-UU17-435-UNQUALIFIED-INJECTION", "nurse, licence not stated", "a nurse is caught only when the dossier states no licence",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteIntramuscular), admin(AdministratorNurse))), "prohibited", false},
		{"ID-UU17-435-UNQUALIFIED-INJECTION", "no profession", "a layperson injecting is the Magelang pattern",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteIntramuscular), admin(AdministratorNone))), "prohibited", true},
		{"ID-UU17-135-REPRODUCTIVE", "intraovarian", "a route to the reproductive organs raises the reproductive-purpose question",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteIntraovarian))), "unknown", true},
		{"ID-UU17-135-REPRODUCTIVE", "intra-articular", "a joint injection raises no reproductive question",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteIntraArticular))), "unknown", false},
		{"ID-UU17-135-PURPOSE", "aesthetic claim in Korea only", "a claim made in another market is no Indonesian finding",
			"", with(claimIn("Renews tired skin", "skin-rejuvenation", "KR"), uses(use("ID", UseHospitalService))), "finding:warning", false},
		{"ID-UU17-135-PURPOSE", "aesthetic claim in Indonesia", "a claim made in Indonesia is judged there",
			"", with(claimIn("Renews tired skin", "skin-rejuvenation", "ID"), uses(use("ID", UseHospitalService))), "finding:warning", true},
		{"JP-MHLW-2024-FREE-PRACTICE", "physician without Japanese licence", "the notices address doctors practising in Japan",
			"", uses(use("JP", UseHospitalService, setting(SettingClinic), licence(secretome.NotHeld))), "unknown", true},
		{"AU-TGA-HCT-ADVERTISING", "website claim in Australia", "a claim on a website is advertising to the public",
			"", with(publicClaim("AU"), uses(use("AU", UseHospitalService))), "finding:error", true},
		{"AU-TGA-HCT-ADVERTISING", "website claim in the US only", "advertising is judged per market",
			"", with(publicClaim("US"), uses(use("AU", UseHospitalService), use("US", UseHospitalService))), "finding:error", false},
		{"AU-TGA-HCT-ADVERTISING", "use says not advertised", "a use stating no advertising in its market leaves nothing unknown",
			"", uses(use("AU", UseHospitalService, func(u *Use) { u.AdvertisedToPublic = boolPtr(false) })), "finding:info", false},
		{"US-FDA-UNAPPROVED-PROMOTION", "social media claim", "a claim on social media is promotion to the public, without the dossier flag",
			"", with(publicClaim("US"), uses(use("US", UseHospitalService))), "finding:error", true},
		{"US-FDA-UNAPPROVED-PROMOTION", "trade promotion only", "a claim to professionals alone is not public promotion",
			"", with(channelClaim(ChannelTradePromotion), uses(use("US", UseHospitalService))), "finding:error", false},
		{"US-312-EXPANDED-ACCESS", "expanded access held", "an expanded-access authorisation is a lawful route outside a trial",
			"", with(auths(auth(AuthExpandedAccess, "US")), uses(use("US", UseHospitalService))), "permitted", true},
		{"US-FDA-EXOSOME-NO-SERVICE", "expanded access", "expanded access under an IND is a lawful route outside a trial",
			"", with(auths(auth(AuthExpandedAccess, "US")), uses(use("US", UseHospitalService))), "prohibited", false},
		{"US-312-EXPANDED-ACCESS", "expanded access without adverse-event reports", "the dossier states adverse events are not reported",
			"", with(auths(aeReported(auth(AuthExpandedAccess, "US"), false)), uses(use("US", UseHospitalService))), "permitted_with_conditions", true},
		{"US-312-32-SAFETY-REPORTS", "IND without adverse-event reports", "the dossier states the IND's adverse events are not reported to FDA",
			"", with(auths(aeReported(indFor("pressure-ulcer"), false)), uses(use("US", UseClinicalTrial))), "permitted_with_conditions", true},
		{"US-312-32-SAFETY-REPORTS", "IND with adverse-event reports", "safety reports made: the condition is met",
			"", with(auths(aeReported(indFor("pressure-ulcer"), true)), uses(use("US", UseClinicalTrial))), "permitted_with_conditions", false},
		{"US-312-32-SAFETY-REPORTS", "reports under the IND", "safety reports made: the rule permits",
			"", with(auths(aeReported(indFor("pressure-ulcer"), true)), uses(use("US", UseClinicalTrial))), "permitted", true},
		{"US-312-32-SAFETY-REPORTS", "reporting not stated", "where the dossier does not say, the rule is silent rather than guess",
			"", with(auths(indFor("pressure-ulcer")), uses(use("US", UseClinicalTrial))), "permitted_with_conditions", false},
		{"US-312-32-SAFETY-REPORTS", "before the current text", "the current § 312.32 took effect on 28 March 2011",
			"2011-03-27", with(auths(aeReported(indFor("pressure-ulcer"), false)), uses(use("US", UseClinicalTrial))), "permitted_with_conditions", false},
		{"US-312-32-SAFETY-REPORTS", "expanded access under an IND", "treatment use under an IND reports its adverse events too",
			"", with(auths(aeReported(indFor("pressure-ulcer"), false)), uses(use("US", UseHospitalService))), "permitted_with_conditions", true},
		{"EU-2001-83-ART87-ADVERTISING", "social media claim in the EU", "a therapeutic claim advertised without a marketing authorisation",
			"", with(publicClaim("EU"), uses(use("EU", UseHospitalService))), "finding:error", true},
		{"EU-2001-83-ART87-ADVERTISING", "social media claim in the US only", "advertising is judged per market",
			"", with(publicClaim("US"), uses(use("EU", UseHospitalService), use("US", UseHospitalService))), "finding:error", false},
		{"EU-2001-83-ART87-ADVERTISING", "promotion to professionals", "Art. 87(1) forbids any advertising, to professionals too",
			"", with(channelClaim(ChannelTradePromotion), uses(use("EU", UseHospitalService))), "finding:error", true},
		{"EU-2001-83-ART87-ADVERTISING", "label only", "a label is not judged as advertising",
			"", with(channelClaim(ChannelLabel), uses(use("EU", UseHospitalService))), "finding:error", false},
		{"EU-2001-83-ART87-ADVERTISING", "marketing authorisation held", "an authorised medicinal product may be advertised within the other rules",
			"", with(auths(auth(AuthMarketingAuthorisation, "EU")), with(publicClaim("EU"), uses(use("EU", UseMarketedTherapeutic)))), "finding:error", false},
		{"EU-2001-83-ART87-ADVERTISING", "advertising not stated", "a claim with no channel and no stated advertising gets a note",
			"", with(func(d *Dossier) { d.AdvertisedToPublic = nil }, with(claimIn("Heals ulcers", "pressure-ulcer", "EU"), uses(use("EU", UseHospitalService)))), "finding:info", true},
		{"EU-2001-83-ART87-ADVERTISING", "cosmetic claim", "a cosmetic claim does not present a medicinal product",
			"", with(publicClaim("EU"), with(func(d *Dossier) { d.Claims[0].Indication = "skin-rejuvenation"; d.Claims[0].Wording = "Renews skin" },
				uses(use("EU", UseCosmetic, route(secretome.RouteTopical))))), "finding:error", false},
		{"ID-BPOM-2-2021-ADVERTISING", "social media claim in Indonesia without an NIE", "only a drug with a marketing authorisation may be advertised",
			"", with(publicClaim("ID"), uses(use("ID", UseHospitalService))), "finding:error", true},
		{"ID-BPOM-2-2021-ADVERTISING", "social media claim in Australia only", "advertising is judged per market",
			"", with(publicClaim("AU"), uses(use("ID", UseHospitalService), use("AU", UseHospitalService))), "finding:error", false},
		{"ID-BPOM-2-2021-ADVERTISING", "NIE held, promotion to professionals", "a prescription drug with an NIE may be advertised to health professionals",
			"", with(auths(auth(AuthNIE, "ID")), with(channelClaim(ChannelTradePromotion), with(func(d *Dossier) { d.Claims[0].Markets = []string{"ID"} },
				uses(use("ID", UseMarketedTherapeutic))))), "finding:error", false},
		{"ID-BPOM-2-2021-ADVERTISING", "NIE held, advertised to the public", "a prescription drug may not be advertised to the public",
			"", with(auths(auth(AuthNIE, "ID")), with(publicClaim("ID"), uses(use("ID", UseMarketedTherapeutic)))), "provenance:inferred", true},
		{"ID-BPOM-2-2021-ADVERTISING", "advertising not stated", "a claim with no channel and no stated advertising gets a note",
			"", with(func(d *Dossier) { d.AdvertisedToPublic = nil }, with(claimIn("Heals ulcers", "pressure-ulcer", "ID"), uses(use("ID", UseHospitalService)))), "finding:info", true},
		{"ID-BPOM-2-2021-ADVERTISING", "plant source", "the rule concerns human-derived secretome",
			"", with(plant, with(publicClaim("ID"), uses(use("ID", UseHospitalService)))), "finding:error", false},
		{"JP-PMD-68-ADVERTISING", "social media claim in Japan", "a claim on social media in Japan is advertising there, without the dossier flag",
			"", with(publicClaim("JP"), uses(use("JP", UseHospitalService))), "finding:error", true},
		{"JP-PMD-68-ADVERTISING", "advertised in Australia only", "advertising is judged per market: a use in Japan stated not advertised",
			"", with(publicClaim("AU"), uses(use("JP", UseHospitalService, func(u *Use) { u.AdvertisedToPublic = boolPtr(false) }), use("AU", UseHospitalService))), "finding:error", false},
		{"US-FDA-EXOSOME-NO-SERVICE", "revoked expanded access", "a revoked authorisation opens no route",
			"", with(auths(status(auth(AuthExpandedAccess, "US"), StatusRevoked)), uses(use("US", UseHospitalService))), "prohibited", true},
		{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY", "hospital exemption held", "the exemption cannot cover a non-ATMP",
			"", with(auths(auth(AuthHospitalExemption, "EU")), uses(use("EU", UseHospitalService))), "finding:warning", true},
		{"EU-2001-83-ART6-MA", "conditional approval", "a conditional marketing authorisation is a marketing authorisation",
			"", with(auths(auth(AuthConditionalApproval, "EU")), uses(use("EU", UseMarketedTherapeutic))), "prohibited", false},
		{"QUALITY-DONOR-ELIGIBILITY", "donor stated untested", "an untested donor closes clinical use",
			"", with(func(d *Dossier) {
				d.Product.Source.Donor.Eligibility = nil
				d.Product.Source.Donor.Testing = secretome.NotHeld
			}, uses(use("ID", UseHospitalService))), "prohibited", true},
		{"QUALITY-DONOR-ELIGIBILITY", "donor testing not stated", "an unstated record is a condition, not a prohibition",
			"", with(func(d *Dossier) { d.Product.Source.Donor.Eligibility = nil }, uses(use("ID", UseHospitalService))), "prohibited", false},
		{"QUALITY-BATCH-RELEASE", "sterility positive", "a failing release result is an error finding naming the test",
			"", with(batchOutcome(secretome.TestSterility, secretome.OutcomePositive), uses(use("ID", UseHospitalService))), "prohibited", true},
		{"QUALITY-BATCH-RELEASE", "seed batch", "the seed batch meets its specification",
			"", uses(use("ID", UseHospitalService)), "prohibited", false},
		{"QUALITY-BATCH-RELEASE", "research only", "a failed batch in laboratory research is reported, not prohibited",
			"", with(batchOutcome(secretome.TestSterility, secretome.OutcomePositive), uses(use("ID", UseResearch))), "finding:error", true},

		// Quality baseline
		{"QUALITY-RELEASE-STERILITY", "injection without sterility test", "a parenteral preparation must be sterile; an absent test is an error for a clinical use",
			"", with(dropTest(secretome.TestSterility), uses(use("ID", UseHospitalService, route(secretome.RouteIntradermal)))), "prohibited", true},
		{"QUALITY-RELEASE-STERILITY", "wound gel without sterility test", "a preparation for open wounds or severely injured skin must be sterile",
			"", with(dropTest(secretome.TestSterility), uses(use("ID", UseHospitalService, route(secretome.RouteTopicalWound)))), "prohibited", true},
		{"QUALITY-RELEASE-STERILITY", "marketed microneedling without sterility test", "a preparation applied by microneedling reaches living tissue",
			"", with(dropTest(secretome.TestSterility), uses(use("EU", UseMarketedTherapeutic, route(secretome.RouteMicroneedling)))), "prohibited", true},
		{"QUALITY-RELEASE-STERILITY", "microneedling cosmetic without sterility test", "for a cosmetic use the missing test is a condition, not an error",
			"", with(dropTest(secretome.TestSterility), uses(use("KR", UseCosmetic, route(secretome.RouteMicroneedling)))), "permitted_with_conditions", true},
		{"QUALITY-RELEASE-STERILITY", "topical without sterility test", "intact skin does not need a sterile preparation",
			"", with(dropTest(secretome.TestSterility), uses(use("ID", UseHospitalService, route(secretome.RouteTopical)))), "prohibited", false},
		{"QUALITY-RELEASE-STERILITY", "wound gel with sterility test", "the seed specification has the test",
			"", uses(use("ID", UseHospitalService, route(secretome.RouteTopicalWound))), "prohibited", false},
		{"QUALITY-RELEASE-ENDOTOXIN", "injection without endotoxin test", "a parenteral use needs an endotoxins test",
			"", with(dropTest(secretome.TestEndotoxin), uses(use("US", UseClinicalTrial, route(secretome.RouteIntravenous)))), "prohibited", true},
		{"QUALITY-RELEASE-ENDOTOXIN", "wound without endotoxin test", "a wound use needs an endotoxins test",
			"", with(dropTest(secretome.TestEndotoxin), uses(use("US", UseClinicalTrial, route(secretome.RouteTopicalWound)))), "prohibited", true},
		{"QUALITY-RELEASE-ENDOTOXIN", "microneedling cosmetic without endotoxin test", "the baseline asks it for parenteral and wound preparations",
			"", with(dropTest(secretome.TestEndotoxin), uses(use("KR", UseCosmetic, route(secretome.RouteMicroneedling)))), "permitted_with_conditions", false},
		{"QUALITY-RELEASE-ENDOTOXIN", "injection with endotoxin test", "the seed specification has the test",
			"", uses(use("US", UseClinicalTrial, route(secretome.RouteIntravenous))), "prohibited", false},
		{"QUALITY-RELEASE-MYCOPLASMA", "injection without mycoplasma test", "a cell-culture product needs a mycoplasma test",
			"", with(dropTest(secretome.TestMycoplasma), uses(use("EU", UseClinicalTrial, route(secretome.RouteIntraArticular)))), "prohibited", true},
		{"QUALITY-RELEASE-MYCOPLASMA", "topical without mycoplasma test", "every cell-culture product needs it, whatever its route",
			"", with(dropTest(secretome.TestMycoplasma), uses(use("EU", UseHospitalService, route(secretome.RouteTopical)))), "prohibited", true},
		{"QUALITY-RELEASE-MYCOPLASMA", "cosmetic without mycoplasma test", "for a cosmetic use the missing test is a condition",
			"", with(dropTest(secretome.TestMycoplasma), uses(use("KR", UseCosmetic, route(secretome.RouteTopical)))), "permitted_with_conditions", true},
		{"QUALITY-RELEASE-MYCOPLASMA", "plant source", "plant cell culture is not asked for mycoplasma",
			"", with(plant, with(dropTest(secretome.TestMycoplasma), uses(use("EU", UseHospitalService, route(secretome.RouteTopical))))), "prohibited", false},
		{"QUALITY-RELEASE-MYCOPLASMA", "laboratory research", "research is not released to patients",
			"", with(dropTest(secretome.TestMycoplasma), uses(use("EU", UseResearch, route(secretome.RouteIntraArticular)))), "permitted_with_conditions", false},
		{"QUALITY-MYCOPLASMA-NAT-2026", "qPCR method", "a NAT method must meet the revised limit of detection",
			"", uses(use("ID", UseHospitalService)), "finding:info", true},
		{"QUALITY-MYCOPLASMA-NAT-2026", "culture method", "an alternative culture method is not NAT",
			"", with(func(d *Dossier) {
				for i := range d.Product.Release.Tests {
					if d.Product.Release.Tests[i].Kind == secretome.TestMycoplasma {
						d.Product.Release.Tests[i].Method = "Ph. Eur. 2.6.7 culture method, alternative indicator-cell method"
					}
				}
			}, uses(use("ID", UseHospitalService))), "finding:info", false},
		{"QUALITY-MYCOPLASMA-NAT-2026", "before April 2026", "the revision applies from 1 April 2026",
			"2026-03-31", uses(use("ID", UseHospitalService)), "finding:info", false},
		{"QUALITY-DONOR-ELIGIBILITY", "no eligibility record", "allogeneic donors need documented eligibility",
			"", with(func(d *Dossier) { d.Product.Source.Donor.Eligibility = nil }, uses(use("ID", UseHospitalService))), "permitted_with_conditions", true},
		{"QUALITY-DONOR-ELIGIBILITY", "screened donor", "the seed donor is screened and tested",
			"", uses(use("ID", UseHospitalService)), "permitted_with_conditions", false},
		{"QUALITY-ISCT-IDENTITY", "CD105 at 90 %", "ISCT asks at least 95 %",
			"", with(setMarker("CD105", "90"), uses(use("ID", UseHospitalService))), "permitted_with_conditions", true},
		{"QUALITY-ISCT-IDENTITY", "CD105 at exactly 95 %", "95 % meets the threshold",
			"", with(setMarker("CD105", "95.0"), uses(use("ID", UseHospitalService))), "permitted_with_conditions", false},
		{"QUALITY-ISCT-IDENTITY", "HLA-DR at 2.5 %", "ISCT asks at most 2 %",
			"", with(setMarker("HLA-DR", "2.5"), uses(use("ID", UseHospitalService))), "permitted_with_conditions", true},
		{"QUALITY-ISCT-IDENTITY", "adipose cells with CD34", "IFATS/ISCT: CD34 may be present on adipose-derived stromal cells",
			"", with(adipose("30"), uses(use("ID", UseHospitalService))), "permitted_with_conditions", false},
		{"QUALITY-ISCT-IDENTITY", "adipose cells with CD31", "IFATS/ISCT asks CD31 at most 2 %",
			"", with(adipose("0.4"), with(setMarker("CD31", "6"), uses(use("ID", UseHospitalService)))), "permitted_with_conditions", true},
		{"QUALITY-ISCT-IDENTITY", "adipose finding is inferred", "the adipose thresholds are not verified",
			"", with(adipose("0.4"), with(setMarker("CD31", "6"), uses(use("ID", UseHospitalService)))), "provenance:inferred", true},
		{"QUALITY-ISCT-IDENTITY", "cord cells with CD34", "Dominici 2006 asks CD34 at most 2 % for other MSCs",
			"", with(setMarker("CD34", "30"), uses(use("ID", UseHospitalService))), "permitted_with_conditions", true},
		{"QUALITY-EV-MISEV2018", "uncharacterised EVs", "an EV product is characterised",
			"", with(func(d *Dossier) { d.Product.Derivative.Type = secretome.DerivativePurifiedEVs }, uses(use("ID", UseHospitalService))), "permitted_with_conditions", true},
		{"QUALITY-EV-MISEV2018", "characterised EVs", "every MISEV2018 item is reported",
			"", with(characterisedEVs, uses(use("ID", UseHospitalService))), "permitted_with_conditions", false},
		{"QUALITY-EV-MISEV2018", "category-4 negative only", "calnexin (category 4) alone does not show purity from co-isolated structures",
			"", with(characterisedEVs, with(func(d *Dossier) { d.Product.Composition.Vesicles.NegativeMarkers = []string{"calnexin", "GM130"} }, uses(use("ID", UseHospitalService)))), "permitted_with_conditions", true},
		{"QUALITY-EV-MISEV2018", "lipid instead of protein", "MISEV2018 accepts lipid content as a quantification",
			"", with(characterisedEVs, with(func(d *Dossier) {
				d.Product.Composition.TotalProtein = secretome.Quantity{}
				d.Product.Composition.Vesicles.TotalLipid = secretome.MustParseQuantity("30 µg/mL")
			}, uses(use("ID", UseHospitalService)))), "permitted_with_conditions", false},
		{"QUALITY-EV-MISEV2018", "serum not EV-depleted", "EVs of the serum are co-isolated with the product",
			"", with(characterisedEVs, with(func(d *Dossier) {
				d.Product.Source.Culture.Supplement = secretome.SupplementFBS
				d.Product.Source.Culture.EVDepleted = boolPtr(false)
			}, uses(use("ID", UseHospitalService)))), "permitted_with_conditions", true},
		{"QUALITY-EMBRYONIC-SOURCE", "embryonic", "the source is flagged",
			"", with(esc, uses(use("ID", UseHospitalService))), "finding:warning", true},
		{"QUALITY-EMBRYONIC-SOURCE", "cord", "a cord source is not flagged",
			"", uses(use("ID", UseHospitalService)), "finding:warning", false},
		{"QUALITY-CLAIM-EVIDENCE", "marketed on case reports", "an error for a marketed therapeutic",
			"", with(claim("Closes ulcers", "pressure-ulcer", "case-1", "case-2"), uses(use("ID", UseMarketedTherapeutic))), "prohibited", true},
		{"QUALITY-CLAIM-EVIDENCE", "service on case reports", "a warning otherwise",
			"", with(claim("Closes ulcers", "pressure-ulcer", "case-1", "case-2"), uses(use("ID", UseHospitalService))), "finding:warning", true},
		{"QUALITY-CLAIM-EVIDENCE", "randomised evidence", "a claim on randomised trials is not flagged",
			"", with(withRCTs, with(claim("Closes ulcers", "pressure-ulcer", "rct-1", "rct-2"), uses(use("ID", UseMarketedTherapeutic)))), "prohibited", false},
		{"QUALITY-CLAIM-EVIDENCE", "cosmetic claim on no study", "the rule concerns therapeutic claims",
			"", with(claim("Renews skin", "skin-rejuvenation"), uses(use("ID", UseHospitalService))), "finding:warning", false},
		{"QUALITY-CLAIM-EVIDENCE", "therapeutic claim on no study", "a therapeutic claim citing nothing clinical is flagged too",
			"", with(claim("Closes ulcers", "pressure-ulcer"), uses(use("ID", UseHospitalService))), "finding:warning", true},
		{"QUALITY-CLAIM-EVIDENCE", "laboratory studies only", "in-vitro work is not clinical evidence",
			"", with(claim("Closes ulcers", "pressure-ulcer", "lab-1"), with(func(d *Dossier) {
				s := d.Studies[0]
				s.ID, s.Design, s.Population = "lab-1", evidence.DesignInVitro, evidence.Population{}
				d.Studies = append(d.Studies, s)
			}, uses(use("ID", UseHospitalService)))), "finding:warning", true},
		{"QUALITY-CLAIM-EVIDENCE", "marketed for another indication", "a claim about burns does not make the ulcer product's marketing an error",
			"", with(claim("Heals burns", "burn", "case-1"), uses(use("ID", UseMarketedTherapeutic))), "prohibited", false},
		{"QUALITY-CLAIM-EVIDENCE", "marketed use naming no indication", "a marketed use not restricted to an indication carries every claim of the product",
			"", with(claim("Heals burns", "burn", "case-1"), uses(use("ID", UseMarketedTherapeutic, indications()))), "prohibited", true},

		// Audit of November 2026: each row pins a defect that was fixed.
		{"ID-PP28-CLINICAL-ROUTES", "hospital without NIE or designation", "a non-designated hospital without an NIE product has no route",
			"", uses(use("ID", UseHospitalService)), "prohibited", true},
		{"ID-PP28-CLINICAL-ROUTES", "hospital without NIE or designation, path", "the fix is an authorisation, so the finding points at them",
			"", uses(use("ID", UseHospitalService)), "path:authorisations", true},
		{"ID-PP28-CLINICAL-ROUTES", "designation, use names no facility", "a designation held for some facility does not permit a use whose place is not named",
			"", with(auths(designation), uses(use("ID", UseHospitalService))), "permitted", false},
		{"ID-PP28-CLINICAL-ROUTES", "designation, use names no facility, condition", "the facility is the condition to show",
			"", with(auths(designation), uses(use("ID", UseHospitalService))), "path:uses[0].facility", true},
		{"ID-PP28-CLINICAL-ROUTES", "NIE in a clinic", "standardised services are for hospitals and main clinics; a clinic must show it is a main clinic",
			"", with(auths(auth(AuthNIE, "ID")), uses(use("ID", UseHospitalService, setting(SettingClinic)))), "permitted_with_conditions", true},
		{"ID-PP28-CLINICAL-ROUTES", "NIE in a clinic is inferred", "the main-clinic condition comes from Permenkes 32/2018, applied to secretome by our reading",
			"", with(auths(auth(AuthNIE, "ID")), uses(use("ID", UseHospitalService, setting(SettingClinic)))), "provenance:inferred", true},
		{"ID-PP28-CLINICAL-ROUTES", "NIE in a designated clinic", "a clinic designated for service-based research needs no main-clinic status",
			"", with(auths(auth(AuthNIE, "ID"), clinicDesignation), uses(use("ID", UseHospitalService, setting(SettingClinic), facility("Klinik Test")))), "permitted_with_conditions", false},
		{"ID-PP28-CLINICAL-ROUTES", "NIE, setting not given", "an unstated setting is not a forbidden one",
			"", with(auths(auth(AuthNIE, "ID")), uses(use("ID", UseHospitalService, setting(SettingUnspecified)))), "prohibited", false},
		{"ID-PP28-CLINICAL-ROUTES", "NIE, setting not given, unknown", "the rule says it cannot tell",
			"", with(auths(auth(AuthNIE, "ID")), uses(use("ID", UseHospitalService, setting(SettingUnspecified)))), "unknown", true},
		{"ID-PP28-CLINICAL-ROUTES", "expired designation", "a lapsed designation opens no route",
			"", with(auths(expiredDesignation), uses(use("ID", UseHospitalService, setting(SettingDesignatedHospital), facility("RS Test")))), "prohibited", true},
		{"ID-PP28-CLINICAL-ROUTES", "expired designation, path", "the finding points at the lapsed designation",
			"", with(auths(expiredDesignation), uses(use("ID", UseHospitalService, setting(SettingDesignatedHospital), facility("RS Test")))), "path:authorisations[0]", true},
		{"ID-PP28-CLINICAL-ROUTES", "declared designated, none held", "the declared setting is what the dossier does not back",
			"", uses(use("ID", UseHospitalService, setting(SettingDesignatedHospital))), "path:uses[0].setting", true},
		{"ID-PERMENKES32-PROVIDERS", "human cosmetic at home", "a cosmetic used at home is not a cell-based service",
			"", uses(use("ID", UseCosmetic, setting(SettingHome), admin(AdministratorPatient), route(secretome.RouteTopical))), "prohibited", false},
		{"ID-PERMENKES32-PROVIDERS", "marketed product at home", "a marketed product a patient uses at home is not a service; the NIE rules decide it",
			"", uses(use("ID", UseMarketedTherapeutic, setting(SettingHome), admin(AdministratorPatient))), "prohibited", false},
		{"ID-PERMENKES32-PROVIDERS", "therapeutic given in a beauty clinic", "beauty clinics are not providers of cell-based services",
			"", uses(use("ID", UseMarketedTherapeutic, setting(SettingBeautyClinic))), "prohibited", true},
		{"ID-PERMENKES32-PROVIDERS", "2017", "a 2018 regulation cannot have applied in 2017",
			"2017-06-01", uses(use("ID", UseHospitalService, setting(SettingHome))), "prohibited", false},
		{"ID-UU17-135-EMBRYONIC", "embryonic cosmetic", "the exclusion is from therapy; a cosmetic is not therapy",
			"", with(esc, uses(use("ID", UseCosmetic, route(secretome.RouteTopical)))), "prohibited", false},
		{"ID-UU17-135-EMBRYONIC", "embryonic, research only", "laboratory research is not therapy, so nothing is an error",
			"", with(esc, uses(use("ID", UseResearch))), "finding:error", false},
		{"ID-UU17-135-EMBRYONIC", "inferred", "the article speaks of stem cells; reaching their secretome is our reading",
			"", with(esc, uses(use("ID", UseHospitalService))), "provenance:inferred", true},
		{"ID-UU17-135-PURPOSE", "aesthetic claim for a cosmetic use only", "the article concerns therapy; a cosmetic claim for a cosmetic is not therapy",
			"", with(claim("Renews skin", "skin-rejuvenation"), uses(use("ID", UseCosmetic, route(secretome.RouteTopical)))), "finding:warning", false},
		{"ID-UU17-135-PURPOSE", "aesthetic claim with a clinical use", "the same claim for a product used as therapy has no basis",
			"", with(claim("Renews skin", "skin-rejuvenation"), uses(use("ID", UseHospitalService))), "finding:warning", true},
		{"ID-BPOM-18-2020-NIE", "2019", "a 2020 regulation cannot have applied in 2019",
			"2019-06-01", uses(use("ID", UseMarketedTherapeutic)), "prohibited", false},
		{"ID-PP28-RESEARCH", "inferred", "that research needs no approval is our reading, not stated in the summary",
			"", uses(use("ID", UseResearch)), "provenance:inferred", true},
		{"ID-BPOM-COSMETIC-NEEDLE", "2021", "a 2022 regulation cannot have applied in 2021",
			"2021-06-01", uses(use("ID", UseCosmetic, route(secretome.RouteMicroneedling))), "prohibited", false},
		{"ID-BPOM-COSMETIC-NEEDLE", "1 January 2022", "the rule applies from the year in the regulation's number",
			"2022-01-01", uses(use("ID", UseCosmetic, route(secretome.RouteMicroneedling))), "prohibited", true},
		{"ID-BPOM-COSMETIC-NEEDLE", "after the November 2024 revocations", "BPOM applied the definition to needle-applied cosmetics on 12 November 2024",
			"2024-11-12", uses(use("ID", UseCosmetic, route(secretome.RouteMicroneedling))), "prohibited", true},

		{"ID-UU17-435-UNQUALIFIED-INJECTION", "patient self-injects an authorised product", "self-administration of a product with an NIE covering the use is not the Magelang pattern",
			"", with(auths(auth(AuthNIE, "ID")), uses(use("ID", UseMarketedTherapeutic, setting(SettingHome), admin(AdministratorPatient), route(secretome.RouteSubcutaneous)))), "prohibited", false},
		{"ID-UU17-435-UNQUALIFIED-INJECTION", "patient self-injects an unauthorised product", "without an NIE the self-injection is caught",
			"", uses(use("ID", UseMarketedTherapeutic, setting(SettingHome), admin(AdministratorPatient), route(secretome.RouteSubcutaneous))), "prohibited", true},
		{"US-FDA-EXOSOME-IND", "plant EV product is inferred", "FDA's statements concern human exosome products; other species are reached by our reading",
			"", with(plant, with(characterisedEVs, uses(use("US", UseClinicalTrial)))), "provenance:inferred", true},
		{"US-FDA-EXOSOME-IND", "IND for another indication", "an IND covers the indications it names",
			"", with(auths(indFor("burn")), uses(use("US", UseClinicalTrial))), "prohibited", true},
		{"US-FDA-EXOSOME-IND", "IND for another indication, path", "the finding points at the IND to fix",
			"", with(auths(indFor("burn")), uses(use("US", UseClinicalTrial))), "path:authorisations[0]", true},
		{"US-FDA-EXOSOME-IND", "IND lapsed before the as-of date", "an IND must be in effect on the day assessed",
			"", with(auths(lapsedIND), uses(use("US", UseClinicalTrial))), "prohibited", true},
		{"US-FDA-EXOSOME-IND", "IND in effect on an earlier day", "the same IND was in effect in 2025",
			"2025-06-01", with(auths(lapsedIND), uses(use("US", UseClinicalTrial))), "prohibited", false},
		{"US-FDA-EXOSOME-IND", "whole secretome is inferred", "FDA speaks of exosomes; a concentrated secretome is reached by our reading",
			"", uses(use("US", UseClinicalTrial)), "provenance:inferred", true},
		{"US-FDA-EXOSOME-IND", "EV product is primary", "for an EV product the finding rests on FDA's own statement",
			"", with(characterisedEVs, uses(use("US", UseClinicalTrial))), "provenance:inferred", false},
		{"US-FDA-EXOSOME-NO-SERVICE", "whole secretome is inferred", "FDA speaks of exosomes",
			"", uses(use("US", UseHospitalService)), "provenance:inferred", true},
		{"US-351-BLA", "whole secretome is inferred", "the warning letter applies the statute to exosome products",
			"", uses(use("US", UseMarketedTherapeutic)), "provenance:inferred", true},
		{"US-FDA-UNAPPROVED-PROMOTION", "licence for another indication", "a BLA for burns does not license claims about ulcers",
			"", with(with(with(claim("Heals ulcers", "pressure-ulcer"), func(d *Dossier) { d.AdvertisedToPublic = boolPtr(true) }), auths(blaFor("burn"))), uses(use("US", UseHospitalService))), "finding:error", true},
		{"US-FDA-UNAPPROVED-PROMOTION", "licence for the claimed indication", "a licensed indication may be advertised",
			"", with(with(with(claim("Heals ulcers", "pressure-ulcer"), func(d *Dossier) { d.AdvertisedToPublic = boolPtr(true) }), auths(blaFor("pressure-ulcer"))), uses(use("US", UseHospitalService))), "finding:error", false},

		{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY", "hospital use of an authorised product", "a product with a marketing authorisation needs no exemption",
			"", with(auths(auth(AuthMarketingAuthorisation, "EU")), uses(use("EU", UseHospitalService))), "permitted", true},
		{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY", "hospital use of an authorised product is not unknown", "the authorisation settles it",
			"", with(auths(auth(AuthMarketingAuthorisation, "EU")), uses(use("EU", UseHospitalService))), "unknown", false},
		{"EU-HOSPITAL-EXEMPTION-ATMP-ONLY", "exemption claimed for a cell-free product", "a hospital authorisation cannot be an ATMP exemption for a non-ATMP",
			"", with(auths(auth(AuthHospitalDesignation, "EU")), uses(use("EU", UseHospitalService))), "finding:warning", true},

		{"EU-1223-ANNEX-II-HUMAN-ORIGIN", "human cream is inferred", "that a human-derived secretome is a product of human origin is our reading",
			"", uses(use("EU", UseCosmetic, route(secretome.RouteTopical))), "provenance:inferred", true},
		{"TW-COSMETIC-HUMAN-ORIGIN", "2023 whole secretome is inferred", "item 11 is read; that it reaches a concentrated secretome is our reading",
			"2023-06-01", uses(use("TW", UseCosmetic, route(secretome.RouteTopical))), "provenance:inferred", true},
		{"TW-COSMETIC-HUMAN-ORIGIN", "2023 EV product is secondary", "the 2024 exception shows item 11 caught human exosomes",
			"2023-06-01", with(characterisedEVs, uses(use("TW", UseCosmetic, route(secretome.RouteTopical)))), "provenance:inferred", false},
		{"JP-MHLW-2024-FREE-PRACTICE", "open scope after 2024", "no later instrument was found, and the finding says so",
			"", uses(use("JP", UseHospitalService, setting(SettingClinic))), "finding:info", true},
		{"JP-MHLW-2024-EXOSOME-REAGENT", "whole secretome is inferred", "the notice speaks of exosome reagents",
			"", with(claim("Heals ulcers", "pressure-ulcer"), uses(use("JP", UseResearch))), "provenance:inferred", true},
		{"JP-PMD-APPROVAL", "2013", "the approval duty stood in Art. 14 of the 1960 Act before it was renamed in 2014",
			"2013-06-01", uses(use("JP", UseMarketedTherapeutic)), "prohibited", true},

		{"KR-MFDS-CULTURE-MEDIUM", "microneedle in 2024", "whether needle use was cosmetic before the 2025 guideline was not found",
			"2024-06-01", with(auths(auth(AuthMFDSCultureMediumRecords, "KR")), uses(use("KR", UseCosmetic, route(secretome.RouteMicroneedling)))), "permitted", false},
		{"KR-MFDS-CULTURE-MEDIUM", "microneedle in 2024 is unknown", "the rule says what is not known",
			"2024-06-01", with(auths(auth(AuthMFDSCultureMediumRecords, "KR")), uses(use("KR", UseCosmetic, route(secretome.RouteMicroneedling)))), "unknown", true},
		{"KR-MFDS-CULTURE-MEDIUM", "microneedle after the guideline", "needle delivery is not a cosmetic use, so the records do not permit it",
			"", with(auths(auth(AuthMFDSCultureMediumRecords, "KR")), uses(use("KR", UseCosmetic, route(secretome.RouteMicroneedling)))), "permitted", false},
		{"KR-MFDS-CULTURE-MEDIUM", "EV product is inferred", "the standard names culture medium; purified EVs are reached by our reading",
			"", with(characterisedEVs, uses(use("KR", UseCosmetic, route(secretome.RouteTopical)))), "provenance:inferred", true},
		{"KR-MFDS-CULTURE-MEDIUM", "the day before the standard applied", "KFDA Notice 2010-99 applied from 1 July 2011",
			"2011-06-30", uses(use("KR", UseCosmetic, route(secretome.RouteTopical))), "permitted_with_conditions", false},
		{"KR-MFDS-CULTURE-MEDIUM", "the day the standard applied", "from 1 July 2011 the records are asked for",
			"2011-07-01", uses(use("KR", UseCosmetic, route(secretome.RouteTopical))), "permitted_with_conditions", true},
		{"KR-MFDS-AD-STEM-CELL", "plant stem cell", "non-human sources are outside the prohibited expressions",
			"", with(plant, with(claim("Plant stem cell extract", ""), uses(use("KR", UseCosmetic, route(secretome.RouteTopical))))), "finding:error", false},
		{"KR-MFDS-AD-STEM-CELL", "hyphenated stem-cell", "a hyphen does not change the suggestion",
			"", with(claim("Stem-cell ampoule", ""), uses(use("KR", UseCosmetic, route(secretome.RouteTopical)))), "finding:error", true},
		{"KR-ARB-2025-TREATMENT-PLAN", "use names no facility, inferred", "that a plan binds one facility is our reading",
			"", with(auths(plan), uses(use("KR", UseHospitalService))), "provenance:inferred", true},
		{"KR-ARB-SCOPE-NOT-FOUND", "plan, use names no facility", "the plan rule sets the facility as a condition; the scope is not reported twice",
			"", with(auths(plan), uses(use("KR", UseHospitalService))), "unknown", false},

		{"AU-TGA-HCT-ADVERTISING", "inferred", "the ban is for human cell and tissue products; that a secretome is one is our reading",
			"", with(func(d *Dossier) { d.AdvertisedToPublic = boolPtr(true) }, uses(use("AU", UseHospitalService))), "provenance:inferred", true},
		{"AU-TGA-ARTG", "ARTG entry", "the permission points at the entry",
			"", with(auths(auth(AuthARTG, "AU")), uses(use("AU", UseMarketedTherapeutic))), "path:authorisations[0]", true},

		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "EV product approved", "the exception is for human cell-derived exosomes",
			"", with(characterisedEVs, with(auths(auth(AuthCosmeticIngredientApproval, "TW")), uses(use("TW", UseCosmetic, route(secretome.RouteTopical))))), "permitted", true},
		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "whole secretome with an approval", "the exception names exosomes; an approval for a whole secretome is not known to be possible",
			"", with(auths(auth(AuthCosmeticIngredientApproval, "TW")), uses(use("TW", UseCosmetic, route(secretome.RouteTopical)))), "permitted", false},
		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "whole secretome with an approval is unknown", "the rule says what is not known",
			"", with(auths(auth(AuthCosmeticIngredientApproval, "TW")), uses(use("TW", UseCosmetic, route(secretome.RouteTopical)))), "unknown", true},
		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "whole secretome is inferred", "that the item-11 ban still reaches a whole secretome is our reading",
			"", uses(use("TW", UseCosmetic, route(secretome.RouteTopical))), "provenance:inferred", true},
		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "EV product without approval is secondary", "for exosomes the rule is what the summaries say",
			"", with(characterisedEVs, uses(use("TW", UseCosmetic, route(secretome.RouteTopical)))), "provenance:inferred", false},
		{"TW-COSMETIC-HUMAN-EXOSOME-2024", "the day before the amendment", "the exception applies from 21 March 2024",
			"2024-03-20", with(characterisedEVs, with(auths(auth(AuthCosmeticIngredientApproval, "TW")), uses(use("TW", UseCosmetic, route(secretome.RouteTopical))))), "permitted", false},
	}
	return cases
}

// invalidOnPurpose lists the cases whose dossier lacks a required field,
// to show that rules degrade to "unknown" or silence rather than guess.
var invalidOnPurpose = map[string]bool{
	"EU-1394-NOT-ATMP/no derivative":                  true,
	"EU-1223-ANNEX-II-HUMAN-ORIGIN/species not given": true,
}

func TestShippedRules(t *testing.T) {
	for _, tc := range ruleCases() {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			d := bare(t)
			tc.build(d)
			if !invalidOnPurpose[tc.rule+"/"+tc.name] {
				require.NoError(t, d.Validate(), "the case's dossier must be valid")
			}
			got := effects(assessOne(t, tc.rule, tc.asOf, d))
			if tc.fires {
				assert.True(t, got[tc.effect], "%s: want %s, got %v", tc.reason, tc.effect, got)
			} else {
				assert.False(t, got[tc.effect], "%s: want no %s, got %v", tc.reason, tc.effect, got)
			}
		})
	}
}

// TestEveryRuleHasCases keeps the table complete: each shipped rule has a
// case where it fires and one where it does not.
func TestEveryRuleHasCases(t *testing.T) {
	fires, quiet := map[string]bool{}, map[string]bool{}
	for _, tc := range ruleCases() {
		if tc.fires {
			fires[tc.rule] = true
		} else {
			quiet[tc.rule] = true
		}
	}
	for _, r := range Shipped().Rules() {
		assert.True(t, fires[r.ID], "%s has no failing case", r.ID)
		assert.True(t, quiet[r.ID], "%s has no passing case", r.ID)
	}
}

// TestRuleDatesAreAccountedFor keeps every shipped rule honest about its
// day of effect: a rule without one says in its Note that the day is not
// known (or that the rule has none, or which days bound it).
func TestRuleDatesAreAccountedFor(t *testing.T) {
	for _, r := range Shipped().Rules() {
		if r.Citation.EffectiveFrom.IsZero() {
			assert.Regexp(t, `not known|no day of effect|applies on every as-of date|not identified`, r.Note,
				"%s has no day of effect, and its Note must say so", r.ID)
		}
	}
}

// TestProvenanceNeverOverstated checks, for a dossier that sets off most
// rules, that no finding claims more certainty than its rule, and that
// rules which apply a source to a product the source does not name report
// those findings as inferred.
func TestProvenanceNeverOverstated(t *testing.T) {
	d := seed(t)
	d.AdvertisedToPublic = boolPtr(true)
	d.Claims = append(d.Claims, Claim{Wording: "Heals ulcers", Indication: "pressure-ulcer", Intent: secretome.IntentTherapeutic})
	for _, j := range []string{"US", "JP", "KR", "AU", "TW", "EU"} {
		d.Uses = append(d.Uses, use(j, UseMarketedTherapeutic), use(j, UseHospitalService), use(j, UseCosmetic, route(secretome.RouteTopical)), use(j, UseClinicalTrial), use(j, UseResearch))
	}
	rep, err := Assess(d, Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	rules := Shipped()
	for _, f := range rep.Findings() {
		info, ok := rules.Rule(f.RuleID)
		require.True(t, ok)
		assert.GreaterOrEqual(t, f.Provenance, info.Provenance, "%s at %s is surer than its rule", f.RuleID, f.Path)
		switch f.RuleID {
		case "US-FDA-EXOSOME-NO-SERVICE", "US-FDA-EXOSOME-IND", "US-351-BLA", "US-FDA-UNAPPROVED-PROMOTION",
			"JP-MHLW-2024-EXOSOME-REAGENT", "TW-COSMETIC-HUMAN-EXOSOME-2024":
			assert.Equal(t, ProvenanceInferred, f.Provenance,
				"%s speaks of exosomes; its finding about a concentrated secretome at %s is our reading", f.RuleID, f.Path)
		}
	}
}

// TestRuleCitationsComplete: every shipped rule names its instrument, the
// article or section it rests on (or says that it is not known), and a
// link to what was read, or its Note says why there is none.
func TestRuleCitationsComplete(t *testing.T) {
	for _, r := range Shipped().Rules() {
		assert.NotEmpty(t, r.Citation.Instrument, r.ID)
		if r.Jurisdiction != Baseline {
			assert.NotEmpty(t, r.Citation.Article, "%s: the article, or that it is not known", r.ID)
		}
		assert.NotEmpty(t, r.Citation.URL, "%s: where the instrument can be read", r.ID)
	}
}
