package regulation

import (
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

var (
	citeMHLW2024 = Citation{
		Instrument: "MHLW administrative communications of 31 July 2024 on exosome reagents (Pharmaceutical Safety Bureau) and on medical care using stem-cell culture supernatant and exosomes (Health Policy Bureau)",
		Number:     "MHLW communications of 31 July 2024",
		Article:    "whole communications (published as T240731I0040.pdf and 001281987.pdf; they have no numbered articles)",
		URL:        "https://www.mhlw.go.jp/hourei/doc/tsuchi/T240731I0040.pdf",
		Secondary:  "press release summarising the communications (https://prtimes.jp/main/html/rd/p/000000023.000058628.html)",
		// Dated 31 July 2024.
		EffectiveFrom: date("2024-07-31"),
		CheckedOn:     readSecond,
	}
	citePMDAct = Citation{
		Instrument:      "Act on Securing Quality, Efficacy and Safety of Products Including Pharmaceuticals and Medical Devices (PMD Act; Act No. 145 of 1960, the Pharmaceutical Affairs Act until 25 November 2014)",
		Number:          "Act No. 145 of 1960",
		Article:         "Art. 14(1) (marketing approval of drugs)",
		ArticleVerified: true,
		URL:             "https://laws.e-gov.go.jp/law/335AC0000000145",
		CheckedOn:       readSecond,
	}
	citeARB = Citation{
		Instrument: "Act on the Safety of and Support for Advanced Regenerative Medicine and Advanced Biopharmaceuticals (Act No. 16556)",
		Number:     "Act No. 16556",
		Article:    "article not known (clinical-research and treatment-plan provisions)",
		URL:        "https://www.law.go.kr/법령/첨단재생의료및첨단바이오의약품안전및지원에관한법률",
		Secondary:  "Korean Association of Law and Policy article on the Act (http://kalp.or.kr/bbs/board.php?bo_table=article1&wr_id=1065)",
		// Promulgated 27 August 2019, in force 28 August 2020.
		EffectiveFrom: date("2020-08-28"),
		CheckedOn:     readSecond,
	}
	citeARBTreatment = Citation{
		Instrument: "Advanced Regenerative Bio Act as amended by Act No. 20331 (promulgated 20 February 2024) and its Enforcement Decree as amended by Presidential Decree No. 35271 (advanced regenerative treatment under an approved treatment plan)",
		Number:     "Act No. 20331; Presidential Decree No. 35271",
		Article:    "treatment-plan provisions (article numbers not known)",
		URL:        "https://www.law.go.kr/법령/첨단재생의료및첨단바이오의약품안전및지원에관한법률시행령",
		Secondary:  "Ministry of Health and Welfare legislative notices for the implementing rules, which give the amending Act's dates (https://lawmaking.go.kr)",
		// The amendment and its decree took effect on 21 February 2025.
		EffectiveFrom: krTreatmentPlans,
		CheckedOn:     readSecond,
	}
	citeMFDSApproval = Citation{
		Instrument: "MFDS product approval under the Advanced Regenerative Bio Act or the Pharmaceutical Affairs Act (which of the two governs a cell-free secretome is not known)",
		Article:    "not known",
		URL:        "https://www.law.go.kr/법령/약사법",
		Secondary:  "Korean Association of Law and Policy article on the Advanced Regenerative Bio Act (http://kalp.or.kr/bbs/board.php?bo_table=article1&wr_id=1065)",
		CheckedOn:  readFirst,
	}
	citeMFDSCosmetic = Citation{
		Instrument: "KFDA Notice 2010-99 of 31 December 2010 (safety standard for human cell and tissue culture medium), now the MFDS Regulation on Safety Standards for Cosmetics (화장품 안전기준 등에 관한 규정) under Cosmetics Act Art. 8",
		Number:     "KFDA Notice 2010-99",
		Article:    "Annex 1 (human cells and tissues prohibited) and Annex 3 (culture-medium safety standard and records); annex contents known from MFDS press releases as reported",
		URL:        "https://www.law.go.kr/행정규칙/화장품안전기준등에관한규정",
		Secondary:  "MFDS press releases as reported by the Korea Development Institute (https://eiec.kdi.re.kr/policy/materialView.do?num=243270)",
		// Applied from 1 July 2011.
		EffectiveFrom: date("2011-07-01"),
		CheckedOn:     readSecond,
	}
	citeMFDSAd2025 = Citation{
		Instrument:    "MFDS guideline on cosmetic labelling and advertising, revision of 21 January 2025",
		Article:       "section not known (expressions about human-derived ingredients; needles, microneedles and MTS)",
		URL:           "https://jnm-global.tistory.com/2585?category=961039",
		Secondary:     "a regulatory consultancy's summary of the revision (https://jnm-global.tistory.com/2585?category=961039)",
		EffectiveFrom: date("2025-01-21"),
		CheckedOn:     readFirst,
	}
	citeTGABiological = Citation{
		Instrument: "Therapeutic Goods Act 1989 and TGA guidance: understanding which therapeutic goods are regulated biologicals",
		Article:    "section of the Act not known (biological definition and ARTG inclusion before supply, read in the guidance)",
		URL:        "https://tga.gov.au/resources/guidance/understanding-which-therapeutic-goods-are-regulated-biologicals",
		CheckedOn:  readFirst,
	}
	citeTGAAdvertising = Citation{
		Instrument: "TGA guidance: advertising stem cell and other human cell or tissue (HCT) products",
		Article:    "whole guidance",
		URL:        "https://tga.gov.au/resources/guidance/advertising-stem-cell-and-other-human-cell-or-tissue-hct-products",
		CheckedOn:  readFirst,
	}
	citeTWList = Citation{
		Instrument: "Taiwan MOHW list of ingredients prohibited in cosmetics",
		Article:    "item 11, \"cells, tissues or products of human origin\"",
		URL:        "https://www.zmuni.com/en/news/summary-of-global-requirements-for-the-use-of-humanderived/",
		Secondary:  "a regulatory consultancy's summary (https://www.zmuni.com/en/news/summary-of-global-requirements-for-the-use-of-humanderived/) and trade-press reports",
		CheckedOn:  readFirst,
	}
	citeTW2024 = Citation{
		Instrument:    "MOHW announcement 衛授食字第1131601051號 of 21 March 2024 under the Cosmetic Hygiene and Safety Management Act (human cell-derived exosomes allowed with case-by-case approval)",
		Number:        "衛授食字第1131601051號",
		Article:       "Cosmetic Hygiene and Safety Management Act Art. 6(3) (as cited in summaries)",
		URL:           "https://www.zmuni.com/en/news/summary-of-global-requirements-for-the-use-of-humanderived/",
		Secondary:     "a regulatory consultancy's summary (https://www.zmuni.com/en/news/summary-of-global-requirements-for-the-use-of-humanderived/) and trade-press reports",
		EffectiveFrom: date("2024-03-21"),
		CheckedOn:     readSecond,
	}
)

func japanRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "JP-MHLW-2024-FREE-PRACTICE", Jurisdiction: "JP",
				Title:      "Culture-supernatant and exosome treatment is outside the ASRM and rests on the treating doctor's responsibility",
				Citation:   citeMHLW2024,
				Provenance: ProvenancePrimary,
				Note:       "The Health Policy Bureau communication says medical care with stem-cell culture supernatant or exosomes is outside the Act on the Safety of Regenerative Medicine (ASRM) and asks providers to follow the JSRM guidance. The communications' date, 31 July 2024, is taken as their day of effect. Time-sensitive: an MHLW subcommittee discussed bringing EVs and supernatant into the ASRM (interim report, December 2024); no instrument doing so is known, and each hospital-service use gets an info finding saying so.",
			},
			Check: checkJPFreePractice,
		},
		{
			RuleInfo: RuleInfo{
				ID: "JP-MHLW-2024-EXOSOME-REAGENT", Jurisdiction: "JP",
				Title:      "Exosome \"reagents\" sold with drug-like claims are unapproved drugs",
				Citation:   citeMHLW2024,
				Provenance: ProvenancePrimary,
				Note:       "The Pharmaceutical Safety Bureau communication speaks of exosome reagents and is taken to apply from its date, 31 July 2024; findings about a whole secretome, a culture supernatant or a product not of human origin apply it by our reading and are marked inferred.",
			},
			Check: checkJPReagent,
		},
		{
			RuleInfo: RuleInfo{
				ID: "JP-PMD-APPROVAL", Jurisdiction: "JP",
				Title:      "A marketed therapeutic needs marketing approval under Art. 14 of the PMD Act (the Pharmaceutical Affairs Act before 25 November 2014)",
				Citation:   citePMDAct,
				Provenance: ProvenanceInferred,
				Note:       "Art. 14(1) requires the Minister's approval, product by product, to market a drug; the duty stood in the same article of the same Act (No. 145 of 1960) before it was renamed the PMD Act on 25 November 2014. That a marketed secretome therapeutic is a drug needing that approval is our reading." + noDate("Art. 14 of Act No. 145 of 1960"),
			},
			Check: marketedCheck(AuthMarketingAuthorisation, message.New("jp.marketed.rule"), message.Term("what.pmd")),
		},
		{
			RuleInfo: RuleInfo{
				ID: "JP-PMD-68-ADVERTISING", Jurisdiction: "JP",
				Title:      "No one may advertise the name, efficacy or effects of a drug not yet approved",
				Citation:   withArticle(citePMDAct, "Art. 68 (prohibition of advertising drugs before approval)"),
				Provenance: ProvenancePrimary,
				Note:       "Art. 68: no person may advertise the name, manufacturing method, efficacy, effects or performance of a drug that requires approval under Art. 14(1) and has not obtained it. The rule flags therapeutic claims for a product advertised to the public without PMD Act approval; that a secretome or supernatant product sold with drug-like claims is such a drug follows the 2024 MHLW communication on exosome reagents, which speaks of exosomes, so findings about other products are marked inferred." + noDate("Art. 68 of Act No. 145 of 1960"),
			},
			Check: checkJPAdvertising,
		},
		{
			RuleInfo: RuleInfo{
				ID: "JP-NOT-RESEARCHED", Jurisdiction: "JP",
				Title:      "Clinical-trial and cosmetic rules for secretome in Japan are not encoded",
				Citation:   withArticle(withChecked(citePMDAct, readFirst), "trial and cosmetic provisions (not encoded)"),
				Provenance: ProvenanceInferred,
				Note:       "The trial requirements of the PMD Act and the Japanese cosmetic standards for human cell-derived ingredients are not encoded; such uses are reported as unknown." + noDate("the PMD Act"),
			},
			Check: unresearchedCheck(map[UseClass]string{
				UseClinicalTrial: "jp.unresearched.trial",
				UseCosmetic:      "jp.unresearched.cosmetic",
			}),
		},
		researchRule("JP-RESEARCH", "JP", withArticle(withChecked(citePMDAct, readFirst), "scope (laboratory research is not the sale or use of a drug)"), ProvenanceInferred,
			"That laboratory research needs no authorisation is our reading."+noDate("the PMD Act")),
	}
}

func checkJPAdvertising(c *Context) {
	if len(c.Uses()) == 0 {
		return
	}
	if adv, _ := c.Dossier().AdvertisedIn(c.code); !adv {
		return
	}
	unapprovedDrugClaims(c, message.New("jp.advertising"))
}

// unapprovedDrugClaims reports each therapeutic claim as an error with
// the message, unless the product holds a Japanese marketing approval;
// findings about a product other than purified EVs are inferred.
func unapprovedDrugClaims(c *Context, msg message.Message) {
	if r, _ := findAuth(c, AuthMarketingAuthorisation, nil, false); r == authOK {
		return
	}
	inferUnlessVesicles(c)
	d := c.Dossier()
	for k := range d.Claims {
		if c.claimHere(k) && claimIntent(d, &d.Claims[k]) == secretome.IntentTherapeutic {
			c.reportClaim(k, secretome.SeverityError, msg)
		}
	}
}

func checkJPFreePractice(c *Context) {
	c.ClassifyText(message.New("jp.class"))
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseHospitalService {
			continue
		}
		c.ReportUseText(i, secretome.SeverityInfo, usePath(i, "class"), message.New("jp.free.scope"))
		if u.Administrator.Prescriber() && u.LicenceToTreat != secretome.NotHeld {
			c.ConditionText(i, message.New("jp.free.missing"), usePath(i, "administrator"), message.New("jp.free"))
			continue
		}
		if u.Administrator.Prescriber() {
			c.UnknownText(i, usePath(i, "licence_to_treat"), message.New("jp.free.licence"))
			continue
		}
		c.UnknownText(i, usePath(i, "administrator"), message.New("jp.free.administrator"))
	}
}

func checkJPReagent(c *Context) {
	if !hasClass(c, UseResearch) && !hasClass(c, UseMarketedTherapeutic) && !hasClass(c, UseCosmetic) {
		return // the notice concerns products sold, not treatment in free practice
	}
	unapprovedDrugClaims(c, message.New("jp.reagent"))
}

func koreaRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "KR-ARB-SCOPE-NOT-FOUND", Jurisdiction: "KR",
				Title:      "Whether cell-free secretome or EVs fall under the Advanced Regenerative Bio Act is not known",
				Citation:   citeARB,
				Provenance: ProvenanceInferred,
				Note:       "The Act regulates regenerative clinical research at designated institutions and advanced biopharmaceuticals; its scope for cell-free products is not known. The Act was promulgated on 27 August 2019 and took effect on 28 August 2020.",
			},
			Check: checkKRScope,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-ARB-2025-TREATMENT-PLAN", Jurisdiction: "KR",
				Title:      "Treatment under a committee-approved treatment plan before product approval",
				Citation:   citeARBTreatment,
				Provenance: ProvenanceSecondary,
				Note:       "The amendment (Act No. 20331, promulgated 20 February 2024) and its Enforcement Decree took effect on 21 February 2025: treatments proven in clinical research may be given to patients with serious, rare or untreatable conditions under a treatment plan the deliberation committee approves. The dates are from the Ministry's legislative notices; the articles are not known. A plan is taken to be for the facility it names; that the use and the plan must name the same facility is our reading, and that condition is reported as inferred.",
			},
			Check: checkKRTreatmentPlan,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-CULTURE-MEDIUM", Jurisdiction: "KR",
				Title:      "Human cell culture medium may be a cosmetic ingredient only under the MFDS safety standard, with records",
				Citation:   citeMFDSCosmetic,
				Provenance: ProvenanceSecondary,
				Note:       "Human cells and tissues are prohibited cosmetic ingredients, and culture medium is allowed if it meets the safety standard of KFDA Notice 2010-99 (31 December 2010), applied from 1 July 2011 and now Annex 3 of the MFDS cosmetic safety standards: donor eligibility, collection, culture, test and toxicity records kept by the maker, at least 5 years under the 2011 standard (the current retention period is not verified). Known from MFDS press releases as reported. The standard names culture medium: findings about a purified-EV product apply it by our reading and are marked inferred. Needle-delivered uses are left to KR-MFDS-2025-NEEDLE from 21 January 2025 and are unknown before.",
			},
			Check: checkKRCultureMedium,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-2025-NEEDLE", Jurisdiction: "KR",
				Title:      "Needle, microneedle or MTS use is not a cosmetic use",
				Citation:   citeMFDSAd2025,
				Provenance: ProvenanceSecondary,
				Note:       "Known from a consultancy's summary of the January 2025 guideline revision; the revision's day, 21 January 2025, is taken as its day of effect.",
			},
			Check: checkKRNeedle,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-AD-STEM-CELL", Jurisdiction: "KR",
				Title:      "Cosmetic advertising must not suggest stem cells or cell or skin regeneration",
				Citation:   withArticle(withChecked(citeMFDSCosmetic, readFirst), "MFDS advertising position on culture-medium cosmetics (no article known)"),
				Provenance: ProvenanceSecondary,
				Note:       "MFDS statements as reported in news, about human cell culture-medium cosmetics; the 2025 guideline puts non-human sources (plant or milk exosomes) outside the prohibited expressions, so the rule checks human-derived products only. That the word \"exosome\" itself is banned in advertising is not confirmed and is not encoded. The rule follows the culture-medium standard's day of effect, 1 July 2011.",
			},
			Check: checkKRAdvertising,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-APPROVAL", Jurisdiction: "KR",
				Title:      "A marketed therapeutic needs MFDS approval",
				Citation:   citeMFDSApproval,
				Provenance: ProvenanceInferred,
				Note:       "That a marketed secretome therapeutic needs MFDS product approval is our reading; which Act governs it is not known, so no day of effect is given and the rule applies on every as-of date.",
			},
			Check: marketedCheck(AuthMarketingAuthorisation, message.New("kr.marketed.rule"), message.Term("what.mfds")),
		},
		researchRule("KR-RESEARCH", "KR", withChecked(citeARB, readFirst), ProvenanceInferred,
			"That laboratory research needs no authorisation is our reading. The Act took effect on 28 August 2020."),
	}
}

// krTreatmentPlans is the day the Advanced Regenerative Bio Act amendment
// allowing treatment plans (Act No. 20331) and its Enforcement Decree took
// effect.
var krTreatmentPlans = date("2025-02-21")

func checkKRScope(c *Context) {
	c.ClassifyText(message.New("kr.class"))
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class == UseHospitalService && !c.AsOf().Before(krTreatmentPlans) {
			if r, _ := findAuth(c, AuthTreatmentPlan, u, true); r >= authUnnamed {
				continue // an approved treatment plan settles it (KR-ARB-2025-TREATMENT-PLAN)
			}
		}
		switch u.Class {
		case UseClinicalTrial, UseHospitalService:
			c.UnknownText(i, usePath(i, "class"), message.New("kr.scope"))
		}
	}
}

func checkKRTreatmentPlan(c *Context) {
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseHospitalService {
			continue
		}
		switch r, at := findAuth(c, AuthTreatmentPlan, u, true); r {
		case authOK:
			c.PermitText(i, authPath(at), message.New("kr.plan.permitted"))
		case authUnnamed:
			// That a plan binds one facility is our reading: the Act
			// places clinical research and treatment with designated institutions.
			c.Inferred(true)
			c.ConditionText(i, message.New("kr.plan.missing"), authFix(r, at, i, u),
				message.New("kr.plan", c.authProblem(r, at, u, message.Term("what.treatment_plan"))))
			c.Inferred(false)
		}
	}
}

func checkKRCultureMedium(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	c.Inferred(d.Product.Derivative.Type.VesicleProduct())
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseCosmetic {
			continue
		}
		if anyRoute(d, u, needle) {
			if c.AsOf().Before(citeMFDSAd2025.EffectiveFrom) {
				c.UnknownText(i, usePath(i, "route"), message.New("kr.needle.before"))
			}
			continue // from that day KR-MFDS-2025-NEEDLE prohibits it
		}
		r, at := findAuth(c, AuthMFDSCultureMediumRecords, nil, false)
		if r != authOK {
			c.ConditionText(i, message.New("kr.culture_medium.missing"),
				authFix(r, at, i, u), message.New("kr.culture_medium", c.authProblem(r, at, u, message.Term("what.mfds_records"))))
			continue
		}
		c.PermitText(i, authPath(at), message.New("kr.culture_medium.permitted"))
	}
}

func checkKRNeedle(c *Context) {
	d := c.Dossier()
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class == UseCosmetic && anyRoute(d, u, needle) {
			c.ProhibitText(i, usePath(i, "route"), message.New("kr.needle"))
		}
	}
	if !hasClass(c, UseCosmetic) {
		return
	}
	for k := range d.Claims {
		if w := d.Claims[k].Wording; c.claimHere(k) && (containsFold(w, "needle", "니들") || hasWord(w, "MTS")) {
			c.reportClaim(k, secretome.SeverityError, message.New("kr.needle.claim"))
		}
	}
}

func checkKRAdvertising(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() || !hasClass(c, UseCosmetic) {
		return
	}
	for k := range d.Claims {
		if c.claimHere(k) && containsFold(d.Claims[k].Wording, "stem cell", "stem-cell", "stemcell", "cell regeneration", "cell-regeneration", "skin regeneration", "skin-regeneration",
			"줄기세포", "줄기 세포", "세포 재생", "세포재생", "피부 재생", "피부재생") {
			c.reportClaim(k, secretome.SeverityError, message.New("kr.advertising"))
		}
	}
}

func australiaRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "AU-TGA-ARTG", Jurisdiction: "AU",
				Title:      "A product made from human cells is supplied only once on the ARTG, or through special access",
				Citation:   citeTGABiological,
				Provenance: ProvenanceInferred,
				Note:       "The biological definition (made from, or containing, human cells or tissues) and the ARTG-before-supply rule are stated in TGA guidance; that a secretome falls under it is our reading (no TGA statement naming secretome or exosomes is known). The autologous hospital exclusion concerns cells and tissues collected and used for the same patient and is not applied to secretome." + noDate("the biological framework"),
			},
			Check: checkAUARTG,
		},
		{
			RuleInfo: RuleInfo{
				ID: "AU-TGA-HCT-ADVERTISING", Jurisdiction: "AU",
				Title:      "Human cell and tissue products may not be advertised to the public",
				Citation:   citeTGAAdvertising,
				Provenance: ProvenanceInferred,
				Note:       "The advertising ban for human cell and tissue products is stated in the TGA's guidance itself; its application to secretome follows the biological reading of AU-TGA-ARTG, which is ours, so the rule is inferred." + noDate("the guidance"),
			},
			Check: checkAUAdvertising,
		},
		{
			RuleInfo: RuleInfo{
				ID: "AU-NOT-RESEARCHED", Jurisdiction: "AU",
				Title:      "Clinical-trial and cosmetic rules for secretome in Australia are not encoded",
				Citation:   citeTGABiological,
				Provenance: ProvenanceInferred,
				Note:       "Australian trial schemes and cosmetic rules for secretome are not encoded; such uses are reported as unknown." + noDate("the biological framework"),
			},
			Check: unresearchedCheck(map[UseClass]string{
				UseClinicalTrial: "au.unresearched.trial",
				UseCosmetic:      "au.unresearched.cosmetic",
			}),
		},
		researchRule("AU-RESEARCH", "AU", citeTGABiological, ProvenanceInferred,
			"That laboratory research is not supply of therapeutic goods is our reading."+noDate("the biological framework")),
	}
}

func checkAUARTG(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	c.ClassifyText(message.New("au.class"))
	for _, i := range c.Uses() {
		u := c.use(i)
		switch u.Class {
		case UseMarketedTherapeutic:
			r, at := findAuth(c, AuthARTG, u, false)
			if r != authOK {
				c.ProhibitText(i, gatewayPath(r, at, i, u), message.New("au.artg", c.authProblem(r, at, u, message.Term("what.artg"))))
				continue
			}
			c.PermitText(i, authPath(at), message.New("au.artg.use"))
		case UseHospitalService:
			if r, at := findAuth(c, AuthARTG, u, false); r == authOK {
				c.PermitText(i, authPath(at), message.New("au.artg.listed"))
				continue
			}
			if r, at := findAuth(c, AuthSpecialAccess, u, false); r == authOK {
				c.PermitText(i, authPath(at), message.New("au.special_access"))
				continue
			}
			c.ProhibitText(i, usePath(i, "class"), message.New("au.service"))
		}
	}
}

func checkAUAdvertising(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() || !hasClinical(c) {
		return
	}
	adv, stated := d.AdvertisedIn(c.code)
	for _, i := range c.Uses() {
		switch {
		case !c.use(i).Class.Clinical():
		case !stated:
			c.ReportUseText(i, secretome.SeverityInfo, usePath(i, "advertised_to_public"), message.New("au.advertising.unknown"))
		case adv:
			c.ReportUseText(i, secretome.SeverityError, advertisingPath(d, c.code, i), message.New("au.advertising"))
		}
	}
}

func taiwanRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "TW-COSMETIC-HUMAN-ORIGIN", Jurisdiction: "TW",
				Title:      "Before 21 March 2024: products of human origin prohibited in cosmetics",
				Citation:   withEffectiveTo(citeTWList, date("2024-03-21")),
				Provenance: ProvenanceSecondary,
				Note:       "Item 11 of the prohibited list, known from consultancy and trade-press summaries; the day it was added is not known, so the rule applies on every as-of date before 21 March 2024. That item 11 caught human exosomes follows from the 2024 exception for them; that it catches a whole secretome or conditioned medium is our reading, and those findings are marked inferred.",
			},
			Check: checkTWHumanOrigin,
		},
		{
			RuleInfo: RuleInfo{
				ID: "TW-COSMETIC-HUMAN-EXOSOME-2024", Jurisdiction: "TW",
				Title:      "Human cell-derived exosomes in cosmetics only with case-by-case approval",
				Citation:   citeTW2024,
				Provenance: ProvenanceSecondary,
				Note:       "The 21 March 2024 amendment allows human cell-derived exosomes if approved case by case (donor qualification, manufacturing and test reports, stability, toxicity and ADME data); a later revision (year not stated) made some long-term toxicity studies case by case. The announcement was made under Art. 6(3) of the Cosmetic Hygiene and Safety Management Act; known from consultancy and trade-press summaries. The exception names exosomes: that it leaves a whole secretome or conditioned medium under the item-11 ban is our reading, and those findings are marked inferred.",
			},
			Check: checkTWExosome,
		},
		{
			RuleInfo: RuleInfo{
				ID: "TW-NOT-RESEARCHED", Jurisdiction: "TW",
				Title:      "Only Taiwan's cosmetic ingredient rules are encoded",
				Citation:   citeTWList,
				Provenance: ProvenanceInferred,
				Note:       "Taiwanese rules for research, trials, hospital use and marketing of secretome are not encoded; every non-cosmetic use is reported as unknown." + noDate("the prohibited list"),
			},
			Check: unresearchedCheck(map[UseClass]string{
				UseResearch:            "tw.unresearched.research",
				UseClinicalTrial:       "tw.unresearched.trial",
				UseHospitalService:     "tw.unresearched.service",
				UseMarketedTherapeutic: "tw.unresearched.marketed",
			}),
		},
	}
}

func withEffectiveTo(c Citation, d secretome.Date) Citation { c.EffectiveTo = d; return c }

func checkTWHumanOrigin(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	c.Inferred(!d.Product.Derivative.Type.VesicleProduct())
	for _, i := range c.Uses() {
		if c.use(i).Class == UseCosmetic {
			c.ProhibitText(i, "product.source.species", message.New("tw.human_origin"))
		}
	}
}

func checkTWExosome(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	vesicles := d.Product.Derivative.Type.VesicleProduct()
	c.Inferred(!vesicles)
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseCosmetic {
			continue
		}
		r, at := findAuth(c, AuthCosmeticIngredientApproval, nil, false)
		switch {
		case r == authOK && vesicles:
			c.PermitText(i, authPath(at), message.New("tw.exosome_approval.permitted"))
		case r == authOK:
			c.UnknownText(i, authPath(at), message.New("tw.exosome_approval.derivative", message.Text(d.Product.Derivative.Type.String())))
		case vesicles:
			c.ProhibitText(i, authFix(r, at, i, u), message.New("tw.exosome_approval", c.authProblem(r, at, u, message.Term("what.case_by_case"))))
		default:
			c.ProhibitText(i, "product.derivative.type", message.New("tw.not_vesicles", message.Text(d.Product.Derivative.Type.String())))
		}
	}
}

// unresearchedCheck returns a check that reports uses of the listed
// classes as unknown, with the message (a code of the catalogue) given
// for the class.
func unresearchedCheck(msgs map[UseClass]string) func(*Context) {
	return func(c *Context) {
		for _, i := range c.Uses() {
			if code, ok := msgs[c.use(i).Class]; ok {
				c.UnknownText(i, usePath(i, "class"), message.New(code))
			}
		}
	}
}

func hasClass(c *Context, class UseClass) bool {
	for _, i := range c.Uses() {
		if c.use(i).Class == class {
			return true
		}
	}
	return false
}

func hasClinical(c *Context) bool {
	for _, i := range c.Uses() {
		if c.use(i).Class.Clinical() {
			return true
		}
	}
	return false
}
