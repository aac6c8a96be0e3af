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
				UseClinicalTrial: "not encoded: the trial requirements under the PMD Act for a secretome product",
				UseCosmetic:      "not encoded: Japanese cosmetic rules for human cell-derived secretome",
			}),
		},
		researchRule("JP-RESEARCH", "JP", withArticle(withChecked(citePMDAct, readFirst), "scope (laboratory research is not the sale or use of a drug)"), ProvenanceInferred,
			"That laboratory research needs no authorisation is our reading."+noDate("the PMD Act")),
	}
}

func checkJPAdvertising(c *Context) {
	d := c.Dossier()
	if len(c.Uses()) == 0 || d.AdvertisedToPublic == nil || !*d.AdvertisedToPublic {
		return
	}
	unapprovedDrugClaims(c, "the efficacy or effects of a drug without approval under Art. 14 of the PMD Act may not be advertised")
}

// unapprovedDrugClaims reports each therapeutic claim as an error with
// the message, unless the product holds a Japanese marketing approval;
// findings about a product other than purified EVs are inferred.
func unapprovedDrugClaims(c *Context, message string) {
	if r, _ := findAuth(c, AuthMarketingAuthorisation, nil, false); r == authOK {
		return
	}
	inferUnlessVesicles(c)
	d := c.Dossier()
	for k := range d.Claims {
		if claimIntent(d, &d.Claims[k]) == secretome.IntentTherapeutic {
			c.Report(secretome.SeverityError, claimPath(k), message)
		}
	}
}

func checkJPFreePractice(c *Context) {
	c.Classify("outside the Act on the Safety of Regenerative Medicine (not cells); not approved as a drug, and an unapproved drug under the PMD Act when sold with drug-like claims")
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseHospitalService {
			continue
		}
		c.ReportUse(i, secretome.SeverityInfo, usePath(i, "class"),
			"not found: any instrument after the notices of 31 July 2024 bringing culture supernatant or exosomes into the Act on the Safety of Regenerative Medicine; an MHLW subcommittee was discussing it in December 2024, so the scope may have changed")
		if u.Administrator.Prescriber() {
			c.Condition(i, "treatment under the treating physician's or dentist's own responsibility, following the JSRM guidance on clinical use of extracellular vesicles (1st ed., 30 April 2024)",
				usePath(i, "administrator"),
				"no certified-committee review or provision plan applies, but the treatment is unapproved and the doctor bears the responsibility; MHLW asks providers to follow the JSRM guidance")
			continue
		}
		c.Unknown(i, usePath(i, "administrator"),
			"the 2024 notices address physicians and dentists; use by other administrators is not encoded")
	}
}

func checkJPReagent(c *Context) {
	if !hasClass(c, UseResearch) && !hasClass(c, UseMarketedTherapeutic) && !hasClass(c, UseCosmetic) {
		return // the notice concerns products sold, not treatment in free practice
	}
	unapprovedDrugClaims(c, "a therapeutic claim for an exosome or supernatant product without PMD Act approval makes it an unapproved drug")
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
	c.Classify("not determined: whether a cell-free secretome or EV product is an advanced biopharmaceutical under the Advanced Regenerative Bio Act or an ordinary biological under the Pharmaceutical Affairs Act was not found")
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class == UseHospitalService && !c.AsOf().Before(krTreatmentPlans) {
			if r, _ := findAuth(c, AuthTreatmentPlan, u, true); r >= authUnnamed {
				continue // an approved treatment plan settles it (KR-ARB-2025-TREATMENT-PLAN)
			}
		}
		switch u.Class {
		case UseClinicalTrial, UseHospitalService:
			c.Unknown(i, usePath(i, "class"),
				"not found: whether clinical research or treatment with a cell-free secretome falls under the Advanced Regenerative Bio Act")
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
			c.Permit(i, authPath(at), "treatment under a treatment plan approved by the deliberation committee for the facility of the use")
		case authUnnamed:
			// That a plan binds one facility is our reading: the Act
			// places clinical research and treatment with designated institutions.
			c.Inferred(true)
			c.ConditionText(i, message.New("kr.plan.missing"), authFix(r, at, i, u),
				message.New("kr.plan", authProblem(r, message.Term("what.treatment_plan"))))
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
				c.Unknown(i, usePath(i, "route"),
					"not found: whether delivery by needle or microneedle counted as a cosmetic use before the MFDS guideline revision of 21 January 2025")
			}
			continue // from that day KR-MFDS-2025-NEEDLE prohibits it
		}
		r, at := findAuth(c, AuthMFDSCultureMediumRecords, nil, false)
		if r != authOK {
			c.ConditionText(i, message.New("kr.culture_medium.missing"),
				authFix(r, at, i, u), message.New("kr.culture_medium", authProblem(r, message.Term("what.mfds_records"))))
			continue
		}
		c.Permit(i, authPath(at), "a human cell culture-medium ingredient with the records the MFDS safety standard asks for")
	}
}

func checkKRNeedle(c *Context) {
	d := c.Dossier()
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class == UseCosmetic && anyRoute(d, u, needle) {
			c.Prohibit(i, usePath(i, "route"), "needle, microneedle or MTS delivery is not a cosmetic use and may not be suggested for a cosmetic")
		}
	}
	if !hasClass(c, UseCosmetic) {
		return
	}
	for k := range d.Claims {
		if w := d.Claims[k].Wording; containsFold(w, "needle", "니들") || hasWord(w, "MTS") {
			c.Report(secretome.SeverityError, claimPath(k), "a cosmetic claim may not refer to needles, microneedles or MTS")
		}
	}
}

func checkKRAdvertising(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() || !hasClass(c, UseCosmetic) {
		return
	}
	for k := range d.Claims {
		if containsFold(d.Claims[k].Wording, "stem cell", "stem-cell", "stemcell", "cell regeneration", "cell-regeneration", "skin regeneration", "skin-regeneration",
			"줄기세포", "줄기 세포", "세포 재생", "세포재생", "피부 재생", "피부재생") {
			c.Report(secretome.SeverityError, claimPath(k),
				"suggesting that a cosmetic contains stem cells, or that it regenerates cells or skin, is false or exaggerated advertising")
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
				UseClinicalTrial: "not encoded: the Australian clinical-trial schemes (CTN/CTA) for a secretome product",
				UseCosmetic:      "not encoded: Australian rules for cosmetics with human cell-derived ingredients",
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
	c.Classify("likely a biological (made from human cells), otherwise a medicine; either way ARTG inclusion is needed for supply")
	for _, i := range c.Uses() {
		u := c.use(i)
		switch u.Class {
		case UseMarketedTherapeutic:
			r, at := findAuth(c, AuthARTG, u, false)
			if r != authOK {
				c.ProhibitText(i, gatewayPath(r, at, i, u), message.New("au.artg", authProblem(r, message.Term("what.artg"))))
				continue
			}
			c.Permit(i, authPath(at), "the product is on the ARTG for the use")
		case UseHospitalService:
			if r, at := findAuth(c, AuthARTG, u, false); r == authOK {
				c.Permit(i, authPath(at), "the product is on the ARTG")
				continue
			}
			if r, at := findAuth(c, AuthSpecialAccess, u, false); r == authOK {
				c.Permit(i, authPath(at), "supplied through the Special Access Scheme or an Authorised Prescriber")
				continue
			}
			c.Prohibit(i, usePath(i, "class"),
				"a product not on the ARTG may be supplied only through special access; the autologous hospital exclusion covers cells and tissues, not a secretome")
		}
	}
}

func checkAUAdvertising(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() || !hasClinical(c) {
		return
	}
	switch {
	case d.AdvertisedToPublic == nil:
		c.Report(secretome.SeverityInfo, "advertised_to_public", "the dossier does not say whether the product is advertised to the public, which is prohibited for human cell and tissue products")
	case *d.AdvertisedToPublic:
		c.Report(secretome.SeverityError, "advertised_to_public", "the product is advertised to the public; TGA guidance prohibits that for human cell and tissue products, and a secretome made from human cells is taken to be one")
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
				UseResearch:            "not encoded: Taiwanese rules for secretome research",
				UseClinicalTrial:       "not encoded: Taiwanese clinical-trial rules for secretome",
				UseHospitalService:     "not encoded: Taiwanese rules for hospital use of secretome",
				UseMarketedTherapeutic: "not encoded: Taiwanese marketing authorisation rules for secretome",
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
			c.Prohibit(i, "product.source.species", "cells, tissues or products of human origin are on Taiwan's list of ingredients prohibited in cosmetics")
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
			c.Permit(i, authPath(at), "the human cell-derived exosome ingredient holds a case-by-case approval")
		case r == authOK:
			c.Unknown(i, authPath(at),
				"the dossier holds a case-by-case ingredient approval, but the 2024 exception names human cell-derived exosomes; whether an approval can cover a product of derivative type \""+d.Product.Derivative.Type.String()+"\" was not found")
		case vesicles:
			c.ProhibitText(i, authFix(r, at, i, u), message.New("tw.exosome_approval", authProblem(r, message.Term("what.case_by_case"))))
		default:
			c.Prohibit(i, "product.derivative.type",
				"cells, tissues or products of human origin stay on Taiwan's prohibited list; the 2024 exception names exosomes, and this product's derivative type is \""+d.Product.Derivative.Type.String()+"\", not an extracellular-vesicle product")
		}
	}
}

// unresearchedCheck returns a check that reports uses of the listed
// classes as unknown, with the message given for the class.
func unresearchedCheck(msgs map[UseClass]string) func(*Context) {
	return func(c *Context) {
		for _, i := range c.Uses() {
			if msg, ok := msgs[c.use(i).Class]; ok {
				c.Unknown(i, usePath(i, "class"), msg)
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
