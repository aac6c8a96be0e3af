package regulation

import (
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// undated is said in every shipped rule's Note: the research notes the
// rules were written from give no reading date, so CheckedOn is empty.
const undated = " The research notes this rule was written from (domain/regulation.md) do not record the day its sources were read, so checked_on is empty; the newest source they cite is dated 2026-03-12."

// fromRecord says in a Note that a rule's date of effect came from the
// instrument's publication record, not from the research notes.
func fromRecord(instrument, day string) string {
	return " " + instrument + " is taken to apply from " + day + " (the date of effect was added by the maintainers from the instrument's publication record, not from the research notes; verify it)."
}

// noDate says in a Note that the day an instrument took effect is not
// recorded, so that the rule applies on every as-of date.
func noDate(instrument string) string {
	return " The day " + instrument + " took effect is not recorded in the research notes, so the rule applies on every as-of date."
}

// Notes on the dates of the Indonesian instruments.
var (
	uu17Date  = fromRecord("The Law", "8 August 2023")
	pp28Date  = fromRecord("PP 28/2024", "26 July 2024")
	bpom8Date = " The notes say Reg. 8/2025 was set on 6 March 2025; the rule takes that day as its day of effect."
)

// Indonesian instruments and the summaries that were read.
var (
	citeUU17 = Citation{
		Instrument: "Law No. 17 of 2023 on Health (Undang-Undang Kesehatan)",
		Number:     "UU 17/2023",
		// Promulgated and in force on 8 August 2023.
		EffectiveFrom: date("2023-08-08"),
		URL:           "https://ntvnews.id/news/0144516/demi-meningkatkan-keamanan-dan-mutu-produk-bpom-sosialisasikan-peraturan-atmp",
	}
	citePP28 = Citation{
		Instrument: "Government Regulation No. 28 of 2024 implementing the Health Law",
		Number:     "PP 28/2024",
		Article:    "article numbers not found (content read in a provincial health office summary)",
		// Enacted and in force on 26 July 2024.
		EffectiveFrom: date("2024-07-26"),
		URL:           "https://dinkes.jogjaprov.go.id/berita/detail/kegiatan-pelayanan-berbasis-sel-dan-atau-sel-punca",
	}
	citePermenkes32 = Citation{
		Instrument: "Minister of Health Regulation No. 32 of 2018 on stem-cell and/or cell services",
		Number:     "Permenkes 32/2018",
		Article:    "Chapter V, providers (article number not verified)",
		URL:        "https://m.tribunnews.com/amp/seleb/2020/01/14/klinik-hubsch-tak-terdaftar-di-sudin-kesehatan-jaksel-pemilik-cuma-punya-izin-praktik-dokter-umum?page=3",
	}
	citeBPOM8 = Citation{
		Instrument:    "BPOM Regulation No. 8 of 2025, Guideline for the Assessment of Advanced Therapy Products",
		Number:        "BPOM Reg. 8/2025",
		Article:       "article numbers not found (content read in BPOM press coverage)",
		URL:           "https://selalukabar.com/bpom-sosialisasikan-peraturan-atmp-tingkatkan-mutu-keamanan-produk-52426.html",
		EffectiveFrom: date("2025-03-06"),
	}
	citeBPOM18 = Citation{
		Instrument:  "BPOM Regulation No. 18 of 2020 on the assessment of human cell-based medicines",
		Number:      "BPOM Reg. 18/2020",
		Article:     "content not read (known only as the regulation Reg. 8/2025 replaced)",
		URL:         "https://selalukabar.com/bpom-sosialisasikan-peraturan-atmp-tingkatkan-mutu-keamanan-produk-52426.html",
		EffectiveTo: date("2025-03-06"),
	}
	citeBPOMCosmetic = Citation{
		Instrument: "BPOM Regulation No. 21 of 2022 (cosmetic definition) as applied in BPOM's November 2024 revocation of injectable and microneedle \"cosmetic\" notifications",
		Number:     "BPOM Reg. 21/2022",
		Article:    "cosmetic definition (article number not recorded in the notes)",
		URL:        "https://memoindonesia.co.id/?p=21339",
	}
	citeBPOMIngredients = Citation{
		Instrument: "BPOM Regulation No. 23 of 2019 on technical requirements for cosmetic ingredients, following the ASEAN Cosmetic Directive",
		Number:     "BPOM Reg. 23/2019",
		Article:    "Annex V, prohibited ingredients (a human-origin entry not verified)",
		URL:        "https://perkosmi.com/our-industry/komposisi-kosmetika",
	}
)

func indonesiaRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "ID-PP28-CELL-THERAPY-PRODUCT", Jurisdiction: "ID",
				Title:      "Secretome and extracellular vesicles used as therapy are cell-based therapy products needing approval of the Minister of Health and BPOM",
				Citation:   citePP28,
				Provenance: ProvenanceSecondary,
				Note:       "PP 28/2024 names secretome and extracellular vesicles among the materials of cell-based therapy and requires approval of the Minister of Health and of BPOM for their use; the PP's own text and article numbers were not read. The PP speaks of therapy: no rule on secretome in cosmetics was found, so cosmetic uses are left to ID-BPOM-COSMETIC-HUMAN-ORIGIN (unknown) and ID-BPOM-COSMETIC-NEEDLE." + pp28Date + undated,
			},
			Check: checkIDCellTherapyProduct,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-PP28-CLINICAL-ROUTES", Jurisdiction: "ID",
				Title:      "Clinical use only as a standardised service with a BPOM marketing authorisation or as service-based research in a designated facility",
				Citation:   withURL(citePP28, "https://xcloud.id/kemenkes-ungkap-32-rs-lab-yang-sudah-kantongi-izin-praktik-stem-cell-ini-daftarnya"),
				Provenance: ProvenanceSecondary,
				Note:       "The two routes were stated by the chair of the Ministry of Health's stem-cell committee (August 2025) citing PP 28/2024; the PP text was not read. That a standardised service in a clinic needs a main clinic (klinik utama) comes from the provider list of Permenkes 32/2018 as quoted in news, and that condition is reported as inferred." + pp28Date + undated,
			},
			Check: checkIDClinicalRoutes,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-PP28-PROCESSING", Jurisdiction: "ID",
				Title:      "Processing for clinical use applies CPOB (GMP) in a facility licensed by the Minister",
				Citation:   citePP28,
				Provenance: ProvenanceSecondary,
				Note:       "Read in a provincial summary of PP 28/2024: processing must apply CPOB and processing facilities need a Minister's licence; the pharmaceutical industry may also process." + pp28Date + undated,
			},
			Check: checkIDProcessing,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-PERMENKES32-PROVIDERS", Jurisdiction: "ID",
				Title:      "Beauty clinics and homes are not among the providers of cell-based services",
				Citation:   citePermenkes32,
				Provenance: ProvenanceInferred,
				Note:       "The provider list (hospitals and main clinics for standardised services; Minister-designated hospitals for service-based research) was read as quoted in news; the 2018 text as read does not mention secretome, so applying it to secretome is our reading. It is applied to treatment given to patients (hospital services at home or in beauty clinics, and marketed therapeutics given in beauty clinics), not to cosmetics nor to a marketed product a patient uses at home. Whether the regulation has been formally replaced was not found." + noDate("Permenkes 32/2018") + " It stays silent before 2018, the year in its number." + undated,
			},
			Check: fromYear(2018, checkIDProviders),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-UU17-135-EMBRYONIC", Jurisdiction: "ID",
				Title:      "Stem-cell therapy must not use embryonic stem cells",
				Citation:   withArticle(citeUU17, uu17Embryonic),
				Provenance: ProvenanceInferred,
				Note:       "Art. 135 was read in several consistent secondary reports, not in the gazette text; the paragraph is taken from the order of the summary. The article speaks of stem cells; that it excludes a secretome made by embryonic stem cells from therapy is our reading." + uu17Date + undated,
			},
			Check: checkIDEmbryonic,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-UU17-135-PURPOSE", Jurisdiction: "ID",
				Title:      "Cell-based therapy only to cure disease and restore health, not for aesthetic purposes",
				Citation:   withArticle(citeUU17, "Art. 135(1)-(3)"),
				Provenance: ProvenanceInferred,
				Note:       "Art. 135 limits cell and stem-cell therapy to curing disease and restoring health (read in secondary reports); that aesthetic or anti-ageing uses of secretome therefore have no legal basis is our reading. Aesthetic claims are flagged only when the dossier has a clinical use in Indonesia, since the article concerns therapy." + uu17Date + undated,
			},
			Check: checkIDPurpose,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-8-2025-NIE", Jurisdiction: "ID",
				Title:      "A marketed advanced therapy product needs a BPOM marketing authorisation (NIE)",
				Citation:   citeBPOM8,
				Provenance: ProvenanceSecondary,
				Note:       "Read in BPOM press coverage; whether Reg. 8/2025 itself names secretome or EVs was not found (BPOM called secretome an ATMP-category biological product in the Magelang case)." + bpom8Date + undated,
			},
			Check: checkIDMarketed,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-18-2020-NIE", Jurisdiction: "ID",
				Title:      "Before 6 March 2025: a marketed human cell-based medicine needs a BPOM marketing authorisation",
				Citation:   citeBPOM18,
				Provenance: ProvenanceInferred,
				Note:       "Known only as the regulation Reg. 8/2025 replaced on 6 March 2025; its content was not read, so that it required an NIE for secretome is our reading. The day it took effect is not recorded; the rule stays silent before 2020, the year in its number, and applies from then until 5 March 2025." + undated,
			},
			Check: fromYear(2020, checkIDMarketed),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-8-2025-TRIAL", Jurisdiction: "ID",
				Title:      "A clinical trial is registered with BPOM and approved by an ethics committee",
				Citation:   citeBPOM8,
				Provenance: ProvenanceSecondary,
				Note:       "Read in BPOM press coverage of the guideline (development from research through clinical trials with ethics committee and BPOM registration)." + bpom8Date + undated,
			},
			Check: checkIDTrial,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-COSMETIC-NEEDLE", Jurisdiction: "ID",
				Title:      "A product applied by injection or microneedle is a drug, not a cosmetic",
				Citation:   citeBPOMCosmetic,
				Provenance: ProvenanceSecondary,
				Note:       "BPOM revoked 16 cosmetic notifications in November 2024 (day not recorded) for products applied by injection or microneedle, saying they are drugs; read in news reports. The day Reg. 21/2022 took effect is not recorded in the notes; the rule stays silent before 2022, the year in its number, and applies on every day after." + undated,
			},
			Check: fromYear(2022, checkIDCosmeticNeedle),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-COSMETIC-HUMAN-ORIGIN", Jurisdiction: "ID",
				Title:      "Whether a human-derived secretome may be a cosmetic in Indonesia is not known",
				Citation:   citeBPOMIngredients,
				Provenance: ProvenanceInferred,
				Note:       "No BPOM rule or statement expressly on secretome or exosomes in cosmetics was found; an ASEAN Annex II human-origin entry is expected from the EU lineage but not verified in BPOM's list. The rule reports cosmetic uses of a human-derived product as unknown and says what is not known." + noDate("Reg. 23/2019") + " It stays silent before 2019, the year in its number." + undated,
			},
			Check: fromYear(2019, checkIDCosmeticHumanOrigin),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-UU17-435-UNQUALIFIED-INJECTION", Jurisdiction: "ID",
				Title: "Injection or microneedling into patients by someone other than a physician or dentist",
				Citation: Citation{
					Instrument: "Law No. 17 of 2023 on Health, penal provisions as charged in BPOM's Magelang secretome case (announced 27 August 2025)",
					Number:     "UU 17/2023",
					// Promulgated and in force on 8 August 2023.
					EffectiveFrom: date("2023-08-08"),
					Article:       "Art. 435 jo. Art. 138(2); Art. 436(1) jo. Art. 145(1) (as charged)",
					URL:           "https://elshinta.com/news/383968/2025/08/27/nilai-ekonomi-peredaran-sekretom-ilegal-magelang-rp-230-m",
				},
				Provenance: ProvenanceInferred,
				Note:       "BPOM and the police shut a practice where a veterinarian injected self-made secretome into people; that any injection of secretome by a non-physician is unlawful is our reading of the case, not a stated rule. A patient injecting a product that holds an NIE covering the use is not caught. The charging articles were read in news reports." + uu17Date + undated,
			},
			Check: checkIDUnqualifiedInjection,
		},
		researchRule("ID-PP28-RESEARCH", "ID", citePP28, ProvenanceInferred,
			"The provincial summary of PP 28/2024 governs collection, processing, storage and clinical use; that laboratory research without patients needs no approval under it is our reading."+pp28Date+undated),
	}
}

// uu17Embryonic is the article of the embryonic-source exclusion.
const uu17Embryonic = "Art. 135(4) (paragraph taken from the order of a summary; not verified)"

// fromYear returns a check that stays silent on as-of dates before 1
// January of the year, for an instrument whose day of effect is not
// recorded but whose number dates it: it cannot have applied before the
// year it was made.
func fromYear(year int, check func(*Context)) func(*Context) {
	return func(c *Context) {
		if c.AsOf().Year >= year {
			check(c)
		}
	}
}

func withURL(c Citation, url string) Citation         { c.URL = url; return c }
func withArticle(c Citation, article string) Citation { c.Article = article; return c }

func checkIDCellTherapyProduct(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		for _, i := range c.Uses() {
			if c.use(i).Class != UseResearch {
				c.UnknownText(i, "product.source.species", message.New("id.not_human"))
			}
		}
		return
	}
	c.ClassifyText(message.New("id.class.cell_therapy"))
}

func checkIDClinicalRoutes(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseHospitalService {
			continue
		}
		nie, nieAt := findAuth(c, AuthNIE, u, false)
		des, desAt := findAuth(c, AuthHospitalDesignation, u, true)
		switch u.Setting {
		case SettingHospital, SettingDesignatedHospital, SettingClinic:
		case SettingUnspecified:
			if nie == authOK || des >= authUnnamed {
				c.UnknownText(i, usePath(i, "setting"), message.New("id.routes.no_setting"))
				continue
			}
			c.ProhibitText(i, authFix(des, desAt, i, u), message.New("id.routes.none",
				authProblem(nie, message.Term("what.nie")), authProblem(des, message.Term("what.designation_research"))))
			continue
		default:
			c.ProhibitText(i, usePath(i, "setting"), message.New("id.routes.setting", message.Text(u.Setting.String())))
			continue
		}
		switch {
		case nie == authOK && u.Setting != SettingClinic:
			c.PermitText(i, authPath(nieAt), message.New("id.routes.standardised"))
		case des == authOK:
			c.PermitText(i, authPath(desAt), message.New("id.routes.research"))
		case nie == authOK:
			c.Inferred(true)
			c.ConditionText(i, message.New("id.routes.main_clinic.missing"), usePath(i, "setting"), message.New("id.routes.main_clinic"))
			c.Inferred(false)
		case des == authUnnamed:
			c.ConditionText(i, message.New("id.routes.designation_named.missing"), authFix(des, desAt, i, u),
				message.New("id.routes.designation_named", authProblem(des, message.Term("what.designation"))))
		case u.Setting == SettingDesignatedHospital && des == authNone:
			c.ConditionText(i, message.New("id.routes.designation.missing"), usePath(i, "setting"), message.New("id.routes.designation"))
		default:
			c.ProhibitText(i, authFix(des, desAt, i, u), message.New("id.routes.no_nie",
				authProblem(nie, message.Term("what.nie")), authProblem(des, message.Term("what.designation_research"))))
		}
	}
}

func checkIDProcessing(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	gmp := gmpIn(c)
	licence, _ := findAuth(c, AuthFacilityLicence, nil, false)
	for _, i := range c.Uses() {
		if !c.use(i).Class.Clinical() {
			continue
		}
		switch {
		case gmp:
			c.Permit(i, "manufacturer.sites", "")
		case licence == authOK:
			c.ConditionText(i, message.New("id.processing.cpob.missing"), "manufacturer.sites", message.New("id.processing.cpob"))
		default:
			c.ConditionText(i, message.New("id.processing.none.missing"), "manufacturer.sites", message.New("id.processing.none"))
		}
	}
}

func checkIDProviders(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	for _, i := range c.Uses() {
		u := c.use(i)
		switch {
		case u.Setting == SettingBeautyClinic && (u.Class == UseHospitalService || u.Class == UseMarketedTherapeutic):
			c.ProhibitText(i, usePath(i, "setting"), message.New("id.providers.beauty_clinic"))
		case u.Setting == SettingHome && u.Class == UseHospitalService:
			c.ProhibitText(i, usePath(i, "setting"), message.New("id.providers.home"))
		}
	}
}

func checkIDEmbryonic(c *Context) {
	s := &c.Dossier().Product.Source
	if s.CellType != secretome.CellTypeESC && s.Tissue != secretome.TissueEmbryonic {
		return
	}
	path := "product.source.cell_type"
	if s.CellType != secretome.CellTypeESC {
		path = "product.source.tissue"
	}
	for _, i := range c.Uses() {
		if c.use(i).Class.Clinical() {
			c.ProhibitText(i, path, message.New("id.embryonic"))
		}
	}
}

func checkIDPurpose(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class.Clinical() && cosmeticIntent(d, u) {
			c.ProhibitText(i, usePath(i, "indications"), message.New("id.purpose.aesthetic_use"))
		}
	}
	if !hasClinical(c) {
		return // Art. 135 concerns therapy; claims for a cosmetic use are left to the cosmetic rules
	}
	for k := range d.Claims {
		if claimIntent(d, &d.Claims[k]) == secretome.IntentCosmetic {
			c.ReportText(secretome.SeverityWarning, claimPath(k), message.New("id.purpose.aesthetic_claim"))
		}
	}
}

func checkIDMarketed(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	gatewayUses(c, UseMarketedTherapeutic, AuthNIE, message.New("id.marketed.rule"), message.Term("what.nie"),
		message.New("auth.holds", message.Term("what.bpom_nie")), message.Message{})
}

func checkIDTrial(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseClinicalTrial {
			continue
		}
		r, at := findAuth(c, AuthCTA, u, false)
		if r != authOK {
			c.ProhibitText(i, gatewayPath(r, at, i, u), message.New("id.trial.unregistered", authProblem(r, message.Term("what.bpom_trial"))))
			continue
		}
		if e, _ := findAuth(c, AuthEthicsApproval, nil, false); e != authOK {
			c.ConditionText(i, message.New("id.trial.ethics.missing"), "authorisations", message.New("id.trial.ethics"))
			continue
		}
		c.PermitText(i, authPath(at), message.New("id.trial.permitted"))
	}
}

func checkIDCosmeticNeedle(c *Context) {
	d := c.Dossier()
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class == UseCosmetic && anyRoute(d, u, needle) {
			c.ProhibitText(i, usePath(i, "route"), message.New("id.cosmetic.needle"))
		}
	}
}

func checkIDCosmeticHumanOrigin(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	for _, i := range c.Uses() {
		if c.use(i).Class == UseCosmetic {
			c.UnknownText(i, usePath(i, "class"), message.New("id.cosmetic.human_origin"))
		}
	}
}

func checkIDUnqualifiedInjection(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	d := c.Dossier()
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class == UseResearch || !anyRoute(d, u, needle) {
			continue
		}
		if u.Administrator == AdministratorPatient {
			if r, _ := findAuth(c, AuthNIE, u, false); r == authOK {
				continue // self-administration of an authorised product as labelled
			}
		}
		switch u.Administrator {
		case AdministratorVeterinarian, AdministratorBeautician, AdministratorPatient:
			c.ProhibitText(i, usePath(i, "administrator"), message.New("id.injection.unqualified", message.Enum("administrator", u.Administrator.String())))
		}
	}
}

// researchRule returns a rule that permits laboratory research and
// reports research declared outside a laboratory as unknown.
func researchRule(id, code string, cite Citation, prov Provenance, note string) Rule {
	return Rule{
		RuleInfo: RuleInfo{ID: id, Jurisdiction: code, Title: "Laboratory and preclinical research is allowed",
			Citation: cite, Provenance: prov, Note: note},
		Check: checkResearch,
	}
}

func checkResearch(c *Context) {
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseResearch {
			continue
		}
		switch u.Setting {
		case SettingUnspecified, SettingLaboratory:
			c.PermitText(i, usePath(i, "class"), message.New("research.permitted"))
		default:
			c.UnknownText(i, usePath(i, "setting"), message.New("research.setting", message.Enum("setting", u.Setting.String()), message.Text(u.Setting.String())))
		}
	}
}
