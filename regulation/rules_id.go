package regulation

import (
	"strings"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// Days the sources behind the shipped rules were read, the value of
// Citation.CheckedOn: the first reading, and the second reading that
// corrected dates and articles against the instruments.
var (
	readFirst  = date("2026-11-26")
	readSecond = date("2026-12-01")
)

// noDate says in a Note that the day an instrument took effect is not
// known, so that the rule applies on every as-of date.
func noDate(instrument string) string {
	return " The day " + instrument + " took effect is not known, so the rule applies on every as-of date."
}

// Official databases of the Indonesian instruments: the BPK legal
// database for laws, government and ministerial regulations, and BPOM's
// legal documentation network for BPOM regulations.
const (
	bpkDatabase  = "https://peraturan.bpk.go.id/"
	jdihBPOM     = "https://jdih.pom.go.id/"
	dinkesPP28   = "Yogyakarta provincial health office, summary of PP 28/2024 on cell and stem-cell services (https://dinkes.jogjaprov.go.id/berita/detail/kegiatan-pelayanan-berbasis-sel-dan-atau-sel-punca)"
	uu17Press    = "press reports quoting each paragraph of Art. 135 (such as https://bloombergtechnoz.com/detail-news/40712/stem-cell-diakui-di-ri-deretan-penyakit-yang-bisa-disembuhkan/2)"
	bpom8Release = "BPOM press release of 21 April 2025 (pom.go.id) and its press coverage (such as https://selalukabar.com/bpom-sosialisasikan-peraturan-atmp-tingkatkan-mutu-keamanan-produk-52426.html)"
)

// Indonesian instruments.
var (
	citeUU17 = Citation{
		Instrument: "Law No. 17 of 2023 on Health (Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan)",
		Number:     "UU 17/2023",
		// Promulgated and in force on 8 August 2023.
		EffectiveFrom: date("2023-08-08"),
		URL:           bpkDatabase,
		Secondary:     uu17Press,
		CheckedOn:     readSecond,
	}
	citePP28 = Citation{
		Instrument: "Government Regulation No. 28 of 2024 implementing Law No. 17 of 2023 on Health (Peraturan Pemerintah Nomor 28 Tahun 2024)",
		Number:     "PP 28/2024",
		Article:    "Art. 383(1)(c)-(d) (secretome and extracellular vesicles among the materials of cell-based therapy, as cited in a law-firm summary; not verified in the gazette text)",
		// Enacted and in force on 26 July 2024.
		EffectiveFrom: date("2024-07-26"),
		URL:           bpkDatabase,
		Secondary:     dinkesPP28,
		CheckedOn:     readSecond,
	}
	citePermenkes32 = Citation{
		Instrument: "Minister of Health Regulation No. 32 of 2018 on stem-cell and/or cell services (Peraturan Menteri Kesehatan Nomor 32 Tahun 2018)",
		Number:     "Permenkes 32/2018",
		Article:    "Art. 13(1) (definition of secretome, as cited in a law-firm summary); the article listing the providers is not known",
		URL:        bpkDatabase,
		Secondary:  "news reports quoting the provider list (https://m.tribunnews.com/amp/seleb/2020/01/14/klinik-hubsch-tak-terdaftar-di-sudin-kesehatan-jaksel-pemilik-cuma-punya-izin-praktik-dokter-umum?page=3) and a law-firm summary for Art. 13(1)",
		CheckedOn:  readSecond,
	}
	citeBPOM8 = Citation{
		Instrument:    "BPOM Regulation No. 8 of 2025 on the Guideline for the Assessment of Advanced Therapy Products (Peraturan BPOM Nomor 8 Tahun 2025)",
		Number:        "BPOM Reg. 8/2025",
		Article:       "article numbers not known",
		URL:           jdihBPOM,
		Secondary:     bpom8Release,
		EffectiveFrom: date("2025-03-06"),
		CheckedOn:     readSecond,
	}
	citeBPOM2 = Citation{
		Instrument: "BPOM Regulation No. 2 of 2021 on the Guideline for the Supervision of Drug Advertising (Peraturan BPOM Nomor 2 Tahun 2021 tentang Pedoman Pengawasan Periklanan Obat)",
		Number:     "BPOM Reg. 2/2021",
		Article:    "Art. 2(1) (an advertised drug holds a marketing authorisation); Art. 3(1)-(2) (prescription drugs are advertised to health professionals only)",
		URL:        jdihBPOM,
		Secondary:  "Smartlegal.id, summary of BPOM Reg. 2/2021 (https://smartlegal.id/galeri-hukum/perlindungan-konsumen/2021/09/21/ini-dia-peraturan-terbaru-dalam-melakukan-iklan-obat)",
		CheckedOn:  readSecond,
	}
	citeBPOM18 = Citation{
		Instrument:  "BPOM Regulation No. 18 of 2020 on the Guideline for the Assessment of Human Cell-Based Medicines (Peraturan BPOM Nomor 18 Tahun 2020)",
		Number:      "BPOM Reg. 18/2020",
		Article:     "article numbers not known (known as the regulation BPOM Reg. 8/2025 replaced)",
		URL:         jdihBPOM,
		Secondary:   bpom8Release,
		EffectiveTo: date("2025-03-06"),
		CheckedOn:   readSecond,
	}
	citeBPOMCosmetic = Citation{
		Instrument: "BPOM Regulation No. 21 of 2022 on the procedure for cosmetic notification (Peraturan BPOM Nomor 21 Tahun 2022), as applied in BPOM's revocation of 16 needle-applied \"cosmetic\" notifications announced on 12 November 2024",
		Number:     "BPOM Reg. 21/2022",
		Article:    "Art. 1 (definition of cosmetics; article number not verified in the regulation's text)",
		URL:        jdihBPOM,
		Secondary:  "BPOM announcement of 12 November 2024 as reported in the press (https://sukabumiupdate.com/kecantikan/149753/bpom-cabut-izin-edar-16-produk-kosmetik-yang-disalahgunakan-inilah-daftarnya, https://memoindonesia.co.id/?p=21339)",
		CheckedOn:  readSecond,
	}
	citeBPOMIngredients = Citation{
		Instrument: "BPOM Regulation No. 23 of 2019 on technical requirements for cosmetic ingredients, following the ASEAN Cosmetic Directive (Peraturan BPOM Nomor 23 Tahun 2019)",
		Number:     "BPOM Reg. 23/2019",
		Article:    "Annex V, prohibited ingredients (a human-origin entry not verified)",
		URL:        jdihBPOM,
		Secondary:  "Indonesian cosmetics association page on cosmetic composition (https://perkosmi.com/our-industry/komposisi-kosmetika)",
		CheckedOn:  readFirst,
	}
)

// Notes on the days the Indonesian instruments took effect.
const (
	uu17Date  = " UU 17/2023 was promulgated and took effect on 8 August 2023."
	pp28Date  = " PP 28/2024 was enacted and took effect on 26 July 2024."
	bpom8Date = " Reg. 8/2025 was signed on 6 March 2025; the day it was promulgated in the State Gazette (Berita Negara), when it normally takes effect, is not verified, so the rule takes the day of signing."
)

func indonesiaRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "ID-PP28-CELL-THERAPY-PRODUCT", Jurisdiction: "ID",
				Title:      "Secretome and extracellular vesicles used as therapy are cell-based therapy products needing approval of the Minister of Health and BPOM",
				Citation:   citePP28,
				Provenance: ProvenanceSecondary,
				Note:       "PP 28/2024 names secretome and extracellular vesicles among the materials of cell-based therapy and requires the approval of the Minister of Health and of BPOM for the use of cell-based therapy products; the gazette text was not read, and the article (383(1)(c) and, presumably, (d)) is known only from a law-firm summary. The PP speaks of therapy: no rule on secretome in cosmetics is known, so cosmetic uses are left to ID-BPOM-COSMETIC-HUMAN-ORIGIN (unknown) and ID-BPOM-COSMETIC-NEEDLE." + pp28Date,
			},
			Check: checkIDCellTherapyProduct,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-PP28-CLINICAL-ROUTES", Jurisdiction: "ID",
				Title: "Clinical use only as a standardised service with a BPOM marketing authorisation or as service-based research in a designated facility",
				Citation: withSecondary(withArticle(withChecked(citePP28, readFirst), "clinical-use provisions (article number not known)"),
					"statement of the chair of the Ministry of Health's stem-cell committee, August 2025, citing PP 28/2024 (https://xcloud.id/kemenkes-ungkap-32-rs-lab-yang-sudah-kantongi-izin-praktik-stem-cell-ini-daftarnya)"),
				Provenance: ProvenanceSecondary,
				Note:       "The two routes were stated by the chair of the Ministry of Health's stem-cell committee (August 2025) citing PP 28/2024; the PP's text was not read. That a standardised service in a clinic needs a main clinic (klinik utama) comes from the provider list of Permenkes 32/2018 as quoted in news, and that condition is reported as inferred." + pp28Date,
			},
			Check: checkIDClinicalRoutes,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-PP28-PROCESSING", Jurisdiction: "ID",
				Title:      "Clinical use needs a product processed under CPOB (GMP), in a facility licensed by the Minister or by a pharmaceutical manufacturer",
				Citation:   withArticle(citePP28, "processing provisions (article number not known)"),
				Provenance: ProvenanceSecondary,
				Note:       "PP 28/2024 (read in the Yogyakarta provincial summary): processing of cells and stem cells applies the standard of good manufacturing practice for medicines (CPOB), a health facility that processes needs the Minister's licence, and the pharmaceutical industry may also process. BPOM named production without CPOB certification of an injectable secretome as a violation in its August 2025 Magelang case. A clinical or marketed use of a product that no site shows processed under a valid CPOB certificate is an error." + pp28Date,
			},
			Check: checkIDProcessing,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-PERMENKES32-PROVIDERS", Jurisdiction: "ID",
				Title:      "Beauty clinics and homes are not among the providers of cell-based services",
				Citation:   citePermenkes32,
				Provenance: ProvenanceSecondary,
				Note:       "The provider list (hospitals and main clinics for standardised services; Minister-designated hospitals for service-based research) is known from news reports quoting the regulation; Art. 13(1) defines secretome (growth factors, cytokines, microvesicles and exosomes), as a law-firm summary cites it, so the regulation speaks of secretome itself. It is applied to treatment given to patients (hospital services at home or in beauty clinics, and marketed therapeutics given in beauty clinics), not to cosmetics nor to a marketed product a patient uses at home. Whether the regulation has been formally replaced is not known." + noDate("Permenkes 32/2018") + " It stays silent before 2018, the year in its number.",
			},
			Check: fromYear(2018, checkIDProviders),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-UU17-135-EMBRYONIC", Jurisdiction: "ID",
				Title:      "Stem cells for cell-based therapy must not come from embryonic stem cells",
				Citation:   withArticle(citeUU17, "Art. 135(4)"),
				Provenance: ProvenanceInferred,
				Note:       "Art. 135(4): stem cells used for cell-based therapy must not come from embryonic stem cells; the paragraph is known from press reports quoting it, not from the gazette text. The paragraph speaks of stem cells; that it excludes a secretome made by embryonic stem cells from therapy is our reading." + uu17Date,
			},
			Check: checkIDEmbryonic,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-UU17-135-PURPOSE", Jurisdiction: "ID",
				Title:      "Cell-based therapy only to cure disease and restore health, not for aesthetic purposes",
				Citation:   withArticle(citeUU17, "Art. 135(2)"),
				Provenance: ProvenanceInferred,
				Note:       "Art. 135(2) limits cell-based and stem-cell therapy to curing disease and restoring health (known from press reports quoting the paragraph); that aesthetic or anti-ageing uses of secretome therefore have no legal basis is our reading. Aesthetic claims are flagged only when the dossier has a clinical use in Indonesia, since the paragraph concerns therapy." + uu17Date,
			},
			Check: checkIDPurpose,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-UU17-135-REPRODUCTIVE", Jurisdiction: "ID",
				Title:      "Cell-based therapy must not be used for reproductive purposes",
				Citation:   withArticle(citeUU17, "Art. 135(3)"),
				Provenance: ProvenanceInferred,
				Note:       "Art. 135(3) prohibits cell-based and stem-cell therapy for reproductive purposes (known from press reports quoting the paragraph). Permenkes 32/2018, as quoted in news, describes the prohibition as one on using stem cells or cells to make a new individual; whether treating infertility with a secretome falls under it is not settled, so a clinical use for an infertility or assisted-reproduction indication (ICD-10 N46, N97, Z31; ICD-11 GA31, GB04) is reported as unknown." + uu17Date,
			},
			Check: checkIDReproductive,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-8-2025-NIE", Jurisdiction: "ID",
				Title:      "A marketed advanced therapy product needs a BPOM marketing authorisation (NIE)",
				Citation:   citeBPOM8,
				Provenance: ProvenanceSecondary,
				Note:       "Known from BPOM's press release and its coverage; whether Reg. 8/2025 itself names secretome or EVs is not known (BPOM called secretome an ATMP-category biological product in the Magelang case)." + bpom8Date,
			},
			Check: checkIDMarketed,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-2-2021-ADVERTISING", Jurisdiction: "ID",
				Title:      "A drug is advertised only with a BPOM marketing authorisation, and a prescription drug only to health professionals",
				Citation:   citeBPOM2,
				Provenance: ProvenanceSecondary,
				Note:       "Known from a legal summary of the regulation: an advertised drug must hold a marketing authorisation (izin edar; Art. 2(1)); over-the-counter drugs may be advertised to the public, prescription drugs (obat keras) to health professionals only (Art. 3(1)-(2)); a drug includes a biological product (Art. 1). The rule judges each therapeutic claim made in the Indonesian market: advertised there (on a website, on social media, in promotion to health professionals, or with the product advertised to the public in Indonesia) without an NIE covering its indication, it is an error; with an NIE but advertised to the public, it is an error too, because a secretome therapy is taken to be a prescription drug (our reading, marked inferred); a claim whose channels and advertising the dossier does not state gets a note. Labels and leaflets are not judged as advertising." + noDate("BPOM Reg. 2/2021"),
			},
			Check: checkIDAdvertising,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-18-2020-NIE", Jurisdiction: "ID",
				Title:      "Before 6 March 2025: a marketed human cell-based medicine needs a BPOM marketing authorisation",
				Citation:   citeBPOM18,
				Provenance: ProvenanceInferred,
				Note:       "Known as the regulation Reg. 8/2025 replaced on 6 March 2025; its content was not read, so that it required an NIE for secretome is our reading. The day it took effect is not known; the rule stays silent before 2020, the year in its number, and applies from then until 5 March 2025.",
			},
			Check: fromYear(2020, checkIDMarketed),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-8-2025-TRIAL", Jurisdiction: "ID",
				Title:      "A clinical trial needs BPOM approval (PPUK) and an ethics committee's approval",
				Citation:   citeBPOM8,
				Provenance: ProvenanceSecondary,
				Note:       "BPOM approves clinical trials (persetujuan pelaksanaan uji klinik, PPUK) rather than merely registering them; the guideline covers development from research through clinical trials with ethics committee approval (BPOM's press release and its coverage)." + bpom8Date,
			},
			Check: checkIDTrial,
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-COSMETIC-NEEDLE", Jurisdiction: "ID",
				Title:      "A product applied by injection or microneedle is a drug, not a cosmetic",
				Citation:   citeBPOMCosmetic,
				Provenance: ProvenanceSecondary,
				Note:       "Reg. 21/2022 defines cosmetics as preparations for the external parts of the body; applying it, BPOM revoked 16 cosmetic notifications for products applied by injection or microneedle, announced on 12 November 2024, saying such products are drugs and must be registered as drugs. The definition's article (Art. 1) is not verified in the regulation's text." + noDate("Reg. 21/2022") + " It stays silent before 2022, the year in its number.",
			},
			Check: fromYear(2022, checkIDCosmeticNeedle),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-BPOM-COSMETIC-HUMAN-ORIGIN", Jurisdiction: "ID",
				Title:      "Whether a human-derived secretome may be a cosmetic in Indonesia is not known",
				Citation:   citeBPOMIngredients,
				Provenance: ProvenanceInferred,
				Note:       "No BPOM rule or statement expressly on secretome or exosomes in cosmetics is known; an Annex II human-origin entry is expected from the EU lineage of the ASEAN Cosmetic Directive but is not verified in BPOM's list. The rule reports cosmetic uses of a human-derived product as unknown and says what is not known." + noDate("Reg. 23/2019") + " It stays silent before 2019, the year in its number.",
			},
			Check: fromYear(2019, checkIDCosmeticHumanOrigin),
		},
		{
			RuleInfo: RuleInfo{
				ID: "ID-UU17-435-UNQUALIFIED-INJECTION", Jurisdiction: "ID",
				Title: "Injection or microneedling into patients by someone other than a physician or dentist, or without a licence to treat people",
				Citation: withSecondary(withArticle(citeUU17, "Art. 439 (practising as medical personnel without a licence; reported, not verified)"),
					"reports of BPOM's Magelang secretome case, announced 27 August 2025 (https://elshinta.com/news/383968/2025/08/27/nilai-ekonomi-peredaran-sekretom-ilegal-magelang-rp-230-m)"),
				Provenance: ProvenanceInferred,
				Note:       "BPOM and the police shut a practice where a veterinarian injected self-made secretome into people. The articles charged in that case (Art. 435 jo. Art. 138(2); Art. 436(1) jo. Art. 145(1)) concern substandard pharmaceutical preparations and unauthorised pharmaceutical practice, not who may inject; the article on a person without a health-professional licence practising as medical personnel is reported to be Art. 439, which is not verified. That any injection of secretome by a non-physician is unlawful is therefore our reading, not a stated rule. A patient injecting a product that holds an NIE covering the use is not caught; a nurse is not caught unless the dossier states that the nurse holds no licence to treat people, which Art. 439 is reported to concern." + uu17Date,
			},
			Check: checkIDUnqualifiedInjection,
		},
		researchRule("ID-PP28-RESEARCH", "ID", withArticle(citePP28, "scope of cell and stem-cell services (article number not known)"), ProvenanceInferred,
			"PP 28/2024 (read in the Yogyakarta provincial summary) governs collection, processing, storage and clinical use of cells and stem cells; that laboratory research without patients needs no approval under it is our reading."+pp28Date),
	}
}

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

func withArticle(c Citation, article string) Citation   { c.Article = article; return c }
func withSecondary(c Citation, source string) Citation  { c.Secondary = source; return c }
func withChecked(c Citation, d secretome.Date) Citation { c.CheckedOn = d; return c }

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
				c.authProblem(nie, nieAt, u, message.Term("what.nie")), c.authProblem(des, desAt, u, message.Term("what.designation_research"))))
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
				message.New("id.routes.designation_named", c.authProblem(des, desAt, u, message.Term("what.designation"))))
		case u.Setting == SettingDesignatedHospital && des == authNone:
			c.ConditionText(i, message.New("id.routes.designation.missing"), usePath(i, "setting"), message.New("id.routes.designation"))
		default:
			c.ProhibitText(i, authFix(des, desAt, i, u), message.New("id.routes.no_nie",
				c.authProblem(nie, nieAt, u, message.Term("what.nie")), c.authProblem(des, desAt, u, message.Term("what.designation_research"))))
		}
	}
}

func checkIDProcessing(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	gmp := gmpIn(c)
	licence, at := findAuth(c, AuthFacilityLicence, nil, false)
	for _, i := range c.Uses() {
		if !c.use(i).Class.Clinical() {
			continue
		}
		switch {
		case gmp == secretome.Held:
			c.Permit(i, "manufacturer.sites", "")
		case gmp == secretome.NotHeld:
			c.ProhibitText(i, "manufacturer.sites", message.New("id.processing.not_held"))
		case licence == authOK:
			c.ProhibitText(i, "manufacturer.sites", message.New("id.processing.cpob"))
		case !licence.notStated():
			c.ProhibitText(i, authPath(at), message.New("id.processing.licence", c.authProblem(licence, at, nil, message.Term("what.facility_licence"))))
		default:
			c.ProhibitText(i, "manufacturer.sites", message.New("id.processing.none"))
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
		case u.Setting == SettingUnlicensedPremises && u.Class.Clinical():
			c.ProhibitText(i, usePath(i, "setting"), message.New("id.providers.unlicensed"))
		case (u.Setting == SettingPharmacy || u.Setting == SettingRetail || u.Setting == SettingOnline) && u.Class == UseHospitalService:
			c.ProhibitText(i, usePath(i, "setting"), message.New("id.providers.sale", message.Enum("setting", u.Setting.String())))
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

// checkIDAdvertising judges the therapeutic claims advertised in
// Indonesia (BPOM Reg. 2/2021).
func checkIDAdvertising(c *Context) {
	if !c.Dossier().Product.HumanDerived() {
		return
	}
	drugAdvertising(c, AuthNIE, message.New("id.advertising"), message.New("id.advertising.unknown"), message.New("id.advertising.public"))
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
		if c.claimHere(k) && claimIntent(d, &d.Claims[k]) == secretome.IntentCosmetic {
			c.reportClaim(k, secretome.SeverityWarning, message.New("id.purpose.aesthetic_claim"))
		}
	}
}

// reproductiveCodes are the ICD-10 and ICD-11 code prefixes of
// infertility and assisted reproduction: ICD-10 N46 (male infertility),
// N97 (female infertility), Z31 (procreative management); ICD-11 GA31
// (female infertility), GB04 (male infertility).
var reproductiveCodes = [...]string{"N46", "N97", "Z31", "GA31", "GB04"}

// reproductiveIndication returns the ID of the first indication of the
// use coded as infertility or assisted reproduction, or "".
func reproductiveIndication(d *Dossier, u *Use) string {
	for _, id := range u.Indications {
		ind := d.Product.Indication(id)
		if ind == nil {
			continue
		}
		for _, p := range reproductiveCodes {
			if strings.HasPrefix(strings.ToUpper(ind.ICD10), p) || strings.HasPrefix(strings.ToUpper(ind.ICD11), p) {
				return id
			}
		}
	}
	return ""
}

func checkIDReproductive(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	for _, i := range c.Uses() {
		u := c.use(i)
		if !u.Class.Clinical() {
			continue
		}
		if id := reproductiveIndication(d, u); id != "" {
			c.UnknownText(i, usePath(i, "indications"), message.New("id.reproductive", message.Text(id)))
			continue
		}
		if u.Route.Reproductive() {
			c.Inferred(true)
			c.UnknownText(i, usePath(i, "route"), message.New("id.reproductive.route", message.Enum("route", u.Route.String())))
			c.Inferred(false)
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
			c.ProhibitText(i, gatewayPath(r, at, i, u), message.New("id.trial.unregistered", c.authProblem(r, at, u, message.Term("what.bpom_trial"))))
			continue
		}
		switch e, eAt := findAuth(c, AuthEthicsApproval, nil, false); {
		case e == authOK:
		case e.notStated() || e == authExpired:
			c.ConditionText(i, message.New("id.trial.ethics.missing"), authFix(e, eAt, i, u),
				message.New("id.trial.ethics.problem", c.authProblem(e, eAt, nil, message.Term("what.ethics"))))
			continue
		default:
			c.ProhibitText(i, authPath(eAt), message.New("id.trial.ethics.closed", c.authProblem(e, eAt, nil, message.Term("what.ethics"))))
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
		case AdministratorVeterinarian, AdministratorBeautician, AdministratorPatient, AdministratorPharmacist, AdministratorNone:
			c.ProhibitText(i, usePath(i, "administrator"), message.New("id.injection.unqualified", message.Enum("administrator", u.Administrator.String())))
		case AdministratorUnspecified:
		default:
			if u.LicenceToTreat == secretome.NotHeld {
				c.ProhibitText(i, usePath(i, "licence_to_treat"), message.New("id.injection.unlicensed", message.Enum("administrator", u.Administrator.String())))
			}
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
