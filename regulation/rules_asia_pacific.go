package regulation

import (
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

var (
	citeMHLW2024 = Citation{
		Instrument:    "MHLW notices of 31 July 2024 on exosome reagents (Pharmaceutical Safety Bureau) and on medicine using stem-cell culture supernatant and exosomes (Health Policy Bureau)",
		Number:        "MHLW notices of 31 July 2024",
		Article:       "whole notices (published as mhlw.go.jp T240731I0040.pdf and 001281987.pdf; not opened)",
		URL:           "https://prtimes.jp/main/html/rd/p/000000023.000058628.html",
		EffectiveFrom: date("2024-07-31"),
	}
	citePMDAct = Citation{
		Instrument: "Act on Securing Quality, Efficacy and Safety of Products Including Pharmaceuticals and Medical Devices (PMD Act)",
		Number:     "PMD Act",
		Article:    "article not researched (drug approval; the regenerative-medicine-product category)",
		URL:        "https://tops-cells.jp/medical/en/using-stemcells",
	}
	citeARB = Citation{
		Instrument: "Act on the Safety of and Support for Advanced Regenerative Medicine and Advanced Biopharmaceuticals",
		Number:     "Advanced Regenerative Bio Act",
		Article:    "article not recorded (clinical-research and treatment-plan provisions, read in summaries)",
		// In force on 28 August 2020.
		EffectiveFrom: date("2020-08-28"),
		URL:           "http://kalp.or.kr/bbs/board.php?bo_table=article1&wr_id=1065",
	}
	citeMFDSApproval = Citation{
		Instrument: "MFDS product approval under the Advanced Regenerative Bio Act or the Pharmaceutical Affairs Act (which of the two governs a cell-free secretome was not found)",
		Article:    "not found",
		URL:        "http://kalp.or.kr/bbs/board.php?bo_table=article1&wr_id=1065",
	}
	citeMFDSCosmetic = Citation{
		Instrument: "MFDS cosmetic raw-material rules (2010 amendment) and safety standard for human cell and tissue culture medium",
		Article:    "article not recorded (read in MFDS press releases as reported in news)",
		URL:        "https://eiec.kdi.re.kr/policy/materialView.do?num=243270",
	}
	citeMFDSAd2025 = Citation{
		Instrument:    "MFDS guideline on cosmetic labelling and advertising, revision of 21 January 2025",
		Article:       "section not recorded (expressions about human-derived ingredients; needles, microneedles and MTS)",
		URL:           "https://jnm-global.tistory.com/2585?category=961039",
		EffectiveFrom: date("2025-01-21"),
	}
	citeTGABiological = Citation{
		Instrument: "Therapeutic Goods Act 1989 and TGA guidance: understanding which therapeutic goods are regulated biologicals",
		Article:    "section of the Act not recorded (biological definition and ARTG inclusion before supply, read in the guidance)",
		URL:        "https://tga.gov.au/resources/guidance/understanding-which-therapeutic-goods-are-regulated-biologicals",
	}
	citeTGAAdvertising = Citation{
		Instrument: "TGA guidance: advertising stem cell and other human cell or tissue (HCT) products",
		Article:    "whole guidance",
		URL:        "https://tga.gov.au/resources/guidance/advertising-stem-cell-and-other-human-cell-or-tissue-hct-products",
	}
	citeTWList = Citation{
		Instrument: "Taiwan MOHW list of ingredients prohibited in cosmetics",
		Article:    "item 11, \"cells, tissues or products of human origin\"",
		URL:        "https://www.zmuni.com/en/news/summary-of-global-requirements-for-the-use-of-humanderived/",
	}
)

func japanRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "JP-MHLW-2024-FREE-PRACTICE", Jurisdiction: "JP",
				Title:      "Culture-supernatant and exosome treatment is outside the ASRM and rests on the treating doctor's responsibility",
				Citation:   citeMHLW2024,
				Provenance: ProvenanceSecondary,
				Note:       "Read in news, law-firm and JSRM summaries; the notices themselves were not opened. The notices' date, 31 July 2024, is taken as their day of effect. Time-sensitive: an MHLW subcommittee discussed bringing EVs and supernatant into the ASRM (interim report, December 2024); no instrument doing so was found, and each hospital-service use gets an info finding saying so." + undated,
			},
			Check: checkJPFreePractice,
		},
		{
			RuleInfo: RuleInfo{
				ID: "JP-MHLW-2024-EXOSOME-REAGENT", Jurisdiction: "JP",
				Title:      "Exosome \"reagents\" sold with drug-like claims are unapproved drugs",
				Citation:   citeMHLW2024,
				Provenance: ProvenanceSecondary,
				Note:       "Read in a law firm's summary of the Pharmaceutical Safety Bureau notice, which speaks of exosome reagents and is taken to apply from its date, 31 July 2024; findings about a whole secretome, a culture supernatant or a product not of human origin apply it by our reading and are marked inferred." + undated,
			},
			Check: checkJPReagent,
		},
		{
			RuleInfo: RuleInfo{
				ID: "JP-PMD-APPROVAL", Jurisdiction: "JP",
				Title:      "A marketed therapeutic needs approval under the PMD Act",
				Citation:   citePMDAct,
				Provenance: ProvenanceInferred,
				Note:       "That a marketed secretome therapeutic needs PMD Act drug approval is our reading of the two-law structure. The notes say the Act took effect in 2014; the day is not recorded, so the rule stays silent before 2014 and applies on every day after." + undated,
			},
			Check: fromYear(2014, marketedCheck(AuthMarketingAuthorisation, message.New("jp.marketed.rule"), message.Term("what.pmd"))),
		},
		{
			RuleInfo: RuleInfo{
				ID: "JP-NOT-RESEARCHED", Jurisdiction: "JP",
				Title:      "Clinical-trial and cosmetic rules for secretome in Japan were not researched",
				Citation:   citePMDAct,
				Provenance: ProvenanceInferred,
				Note:       "Reports the uses the research notes do not cover as unknown." + noDate("the PMD Act") + undated,
			},
			Check: unresearchedCheck(map[UseClass]string{
				UseClinicalTrial: "jp.unresearched.trial",
				UseCosmetic:      "jp.unresearched.cosmetic",
			}),
		},
		researchRule("JP-RESEARCH", "JP", citePMDAct, ProvenanceInferred,
			"That laboratory research needs no authorisation is our reading."+noDate("the PMD Act")+undated),
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
		if u.Administrator.Prescriber() {
			c.ConditionText(i, message.New("jp.free.missing"), usePath(i, "administrator"), message.New("jp.free"))
			continue
		}
		c.UnknownText(i, usePath(i, "administrator"), message.New("jp.free.administrator"))
	}
}

func checkJPReagent(c *Context) {
	d := c.Dossier()
	if !hasClass(c, UseResearch) && !hasClass(c, UseMarketedTherapeutic) && !hasClass(c, UseCosmetic) {
		return // the notice concerns products sold, not treatment in free practice
	}
	if r, _ := findAuth(c, AuthMarketingAuthorisation, nil, false); r == authOK {
		return
	}
	inferUnlessVesicles(c)
	for k := range d.Claims {
		if claimIntent(d, &d.Claims[k]) == secretome.IntentTherapeutic {
			c.ReportText(secretome.SeverityError, claimPath(k), message.New("jp.reagent"))
		}
	}
}

func koreaRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "KR-ARB-SCOPE-NOT-FOUND", Jurisdiction: "KR",
				Title:      "Whether cell-free secretome or EVs fall under the Advanced Regenerative Bio Act was not found",
				Citation:   citeARB,
				Provenance: ProvenanceInferred,
				Note:       "The Act (in force August 2020 per the notes) regulates regenerative clinical research at designated institutions and advanced biopharmaceuticals; its scope for cell-free products was searched for and not found." + fromRecord("The Act", "28 August 2020") + undated,
			},
			Check: checkKRScope,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-ARB-2025-TREATMENT-PLAN", Jurisdiction: "KR",
				Title:      "Treatment under a committee-approved treatment plan before product approval",
				Citation:   withEffectiveFrom(citeARB, krTreatmentPlans),
				Provenance: ProvenanceSecondary,
				Note:       "The amendment in force on 1 February 2025 lets treatments proven in clinical research be given to patients with serious or untreatable conditions under an approved treatment plan; read in legal and news summaries. A plan is taken to be for the facility it names; that the use and the plan must name the same facility is our reading, and that condition is reported as inferred." + undated,
			},
			Check: checkKRTreatmentPlan,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-CULTURE-MEDIUM", Jurisdiction: "KR",
				Title:      "Human cell culture medium may be a cosmetic ingredient only under the MFDS safety standard, with records",
				Citation:   citeMFDSCosmetic,
				Provenance: ProvenanceSecondary,
				Note:       "MFDS press releases as reported in news: human cells and tissues are prohibited as cosmetic ingredients since the 2010 amendment (day not recorded; the rule stays silent before 2010); culture medium is allowed if it meets the safety standard, and the seller keeps donor, culture, test and toxicity records for 3 years (inspection of 27 September 2023). The standard names culture medium: findings about a purified-EV product apply it by our reading and are marked inferred. Needle-delivered uses are left to KR-MFDS-2025-NEEDLE from 21 January 2025 and are unknown before." + undated,
			},
			Check: fromYear(2010, checkKRCultureMedium),
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-2025-NEEDLE", Jurisdiction: "KR",
				Title:      "Needle, microneedle or MTS use is not a cosmetic use",
				Citation:   citeMFDSAd2025,
				Provenance: ProvenanceSecondary,
				Note:       "Read in a consultancy's summary of the January 2025 guideline revision; the revision's day, 21 January 2025, is taken as its day of effect." + undated,
			},
			Check: checkKRNeedle,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-AD-STEM-CELL", Jurisdiction: "KR",
				Title:      "Cosmetic advertising must not suggest stem cells or cell or skin regeneration",
				Citation:   citeMFDSCosmetic,
				Provenance: ProvenanceSecondary,
				Note:       "MFDS statements as reported in news, about human cell culture-medium cosmetics; the 2025 guideline puts non-human sources (plant or milk exosomes) outside the prohibited expressions, so the rule checks human-derived products only. The claim that the word \"exosome\" itself is banned in advertising was not confirmed and is not encoded." + noDate("the MFDS advertising position") + undated,
			},
			Check: checkKRAdvertising,
		},
		{
			RuleInfo: RuleInfo{
				ID: "KR-MFDS-APPROVAL", Jurisdiction: "KR",
				Title:      "A marketed therapeutic needs MFDS approval",
				Citation:   citeMFDSApproval,
				Provenance: ProvenanceInferred,
				Note:       "That a marketed secretome therapeutic needs MFDS product approval is our reading; which Act governs it was not found, so no day of effect is given and the rule applies on every as-of date." + undated,
			},
			Check: marketedCheck(AuthMarketingAuthorisation, message.New("kr.marketed.rule"), message.Term("what.mfds")),
		},
		researchRule("KR-RESEARCH", "KR", citeARB, ProvenanceInferred,
			"That laboratory research needs no authorisation is our reading."+fromRecord("The Act", "28 August 2020")+undated),
	}
}

// krTreatmentPlans is the day the Advanced Regenerative Bio Act amendment
// allowing treatment plans took effect.
var krTreatmentPlans = date("2025-02-01")

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
			// That a plan binds one facility is our reading: the notes
			// place the plans with the designated institutions.
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
				c.UnknownText(i, usePath(i, "route"), message.New("kr.needle.before"))
			}
			continue // from that day KR-MFDS-2025-NEEDLE prohibits it
		}
		r, at := findAuth(c, AuthMFDSCultureMediumRecords, nil, false)
		if r != authOK {
			c.ConditionText(i, message.New("kr.culture_medium.missing"),
				authFix(r, at, i, u), message.New("kr.culture_medium", authProblem(r, message.Term("what.mfds_records"))))
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
		if w := d.Claims[k].Wording; containsFold(w, "needle", "니들") || hasWord(w, "MTS") {
			c.ReportText(secretome.SeverityError, claimPath(k), message.New("kr.needle.claim"))
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
			c.ReportText(secretome.SeverityError, claimPath(k), message.New("kr.advertising"))
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
				Note:       "The biological definition (made from, or containing, human cells or tissues) and the ARTG-before-supply rule were read in TGA guidance; that a secretome falls under it is our reading (no TGA statement naming secretome or exosomes was found). The autologous hospital exclusion concerns cells and tissues collected and used for the same patient and is not applied to secretome." + noDate("the biological framework") + undated,
			},
			Check: checkAUARTG,
		},
		{
			RuleInfo: RuleInfo{
				ID: "AU-TGA-HCT-ADVERTISING", Jurisdiction: "AU",
				Title:      "Human cell and tissue products may not be advertised to the public",
				Citation:   citeTGAAdvertising,
				Provenance: ProvenanceInferred,
				Note:       "The advertising ban for human cell and tissue products was read in the TGA's guidance itself; its application to secretome follows the biological reading of AU-TGA-ARTG, which is ours, so the rule is inferred." + noDate("the guidance") + undated,
			},
			Check: checkAUAdvertising,
		},
		{
			RuleInfo: RuleInfo{
				ID: "AU-NOT-RESEARCHED", Jurisdiction: "AU",
				Title:      "Clinical-trial and cosmetic rules for secretome in Australia were not researched",
				Citation:   citeTGABiological,
				Provenance: ProvenanceInferred,
				Note:       "Reports the uses the research notes do not cover as unknown." + noDate("the biological framework") + undated,
			},
			Check: unresearchedCheck(map[UseClass]string{
				UseClinicalTrial: "au.unresearched.trial",
				UseCosmetic:      "au.unresearched.cosmetic",
			}),
		},
		researchRule("AU-RESEARCH", "AU", citeTGABiological, ProvenanceInferred,
			"That laboratory research is not supply of therapeutic goods is our reading."+noDate("the biological framework")+undated),
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
				c.ProhibitText(i, gatewayPath(r, at, i, u), message.New("au.artg", authProblem(r, message.Term("what.artg"))))
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
	switch {
	case d.AdvertisedToPublic == nil:
		c.ReportText(secretome.SeverityInfo, "advertised_to_public", message.New("au.advertising.unknown"))
	case *d.AdvertisedToPublic:
		c.ReportText(secretome.SeverityError, "advertised_to_public", message.New("au.advertising"))
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
				Note:       "Item 11 of the prohibited list, read in consultancy and trade-press summaries; its original date is not recorded in the notes, so the rule applies on every as-of date before 21 March 2024. That item 11 caught human exosomes follows from the 2024 exception for them; that it catches a whole secretome or conditioned medium is our reading, and those findings are marked inferred." + undated,
			},
			Check: checkTWHumanOrigin,
		},
		{
			RuleInfo: RuleInfo{
				ID: "TW-COSMETIC-HUMAN-EXOSOME-2024", Jurisdiction: "TW",
				Title:      "Human cell-derived exosomes in cosmetics only with case-by-case approval",
				Citation:   withEffectiveFrom(citeTWList, date("2024-03-21")),
				Provenance: ProvenanceSecondary,
				Note:       "The 21 March 2024 amendment allows human cell-derived exosomes if approved case by case (donor qualification, manufacturing and test reports, stability, toxicity and ADME data); a later revision (year not stated) made some long-term toxicity studies case by case. Read in consultancy and trade-press summaries. The exception names exosomes: that it leaves a whole secretome or conditioned medium under the item-11 ban is our reading, and those findings are marked inferred." + undated,
			},
			Check: checkTWExosome,
		},
		{
			RuleInfo: RuleInfo{
				ID: "TW-NOT-RESEARCHED", Jurisdiction: "TW",
				Title:      "Only Taiwan's cosmetic ingredient rule was researched",
				Citation:   citeTWList,
				Provenance: ProvenanceInferred,
				Note:       "Reports every non-cosmetic use as unknown." + noDate("the prohibited list") + undated,
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
			c.ProhibitText(i, authFix(r, at, i, u), message.New("tw.exosome_approval", authProblem(r, message.Term("what.case_by_case"))))
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
