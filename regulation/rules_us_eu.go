package regulation

import (
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

var (
	citeFDA2019 = Citation{
		Instrument:    "FDA Public Safety Notification on Exosome Products",
		Article:       "whole notification (it has no numbered sections)",
		URL:           "https://www.fda.gov/vaccines-blood-biologics/safety-availability-biologics/public-safety-notification-exosome-products",
		EffectiveFrom: date("2019-12-06"),
	}
	citeFDA2020 = Citation{
		Instrument:    "FDA Consumer Alert on Regenerative Medicine Products Including Stem Cells and Exosomes",
		Article:       "whole alert (it has no numbered sections)",
		URL:           "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/consumer-alert-regenerative-medicine-products-including-stem-cells-and-exosomes",
		EffectiveFrom: date("2020-07-22"),
	}
	citeKimera = Citation{
		Instrument: "Public Health Service Act § 351 and FD&C Act § 201(g), as applied in FDA's warning letter to Kimera Labs (1 September 2023)",
		Number:     "PHS Act § 351",
		Article:    "§ 351(i) as cited in the letter (the licensing subsection itself was not read)",
		URL:        "https://einpresswire.com/article-print/656475101/kimera-labs-inc-649343-09-01-2023",
	}
	citeEUATMP = Citation{
		Instrument: "Regulation (EC) No 1394/2007 on advanced therapy medicinal products",
		Number:     "Regulation (EC) No 1394/2007",
		Article:    "Art. 2(1)",
		URL:        "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:02007R1394-20190726",
		// Applies from 30 December 2008 (Art. 30).
		EffectiveFrom: date("2008-12-30"),
	}
	citeEUHE = Citation{
		Instrument: "Directive 2001/83/EC, Art. 3(7) as inserted by Art. 28 of Regulation (EC) No 1394/2007 (hospital exemption)",
		Number:     "Directive 2001/83/EC",
		Article:    "Art. 3(7)",
		URL:        "https://www.ibanet.org/hospital-exemption-pathway-advanced-therapy",
		// Art. 3(7) applies from 30 December 2008, with Regulation (EC) No 1394/2007.
		EffectiveFrom: date("2008-12-30"),
	}
	citeEUMA = Citation{
		Instrument: "Directive 2001/83/EC on the Community code relating to medicinal products for human use",
		Number:     "Directive 2001/83/EC",
		Article:    "Art. 6",
		URL:        "https://www.ibanet.org/hospital-exemption-pathway-advanced-therapy",
		// In force on 18 December 2001, the twentieth day after publication.
		EffectiveFrom: date("2001-12-18"),
	}
	citeEUCosmetics = Citation{
		Instrument: "Regulation (EC) No 1223/2009 on cosmetic products",
		Number:     "Regulation (EC) No 1223/2009",
		Article:    "Annex II, \"cells, tissues or products of human origin\" (entry number not verified)",
		URL:        "https://lexparency.org/eu/32009R1223/",
		// Applies from 11 July 2013 (Art. 40).
		EffectiveFrom: date("2013-07-11"),
	}
)

func unitedStatesRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "US-1271-NOT-HCTP", Jurisdiction: "US",
				Title: "Secretome and EVs are secreted products, not HCT/Ps: the § 361 HCT/P-only route is closed",
				Citation: Citation{
					Instrument: "Code of Federal Regulations, Title 21, Part 1271",
					Number:     "21 CFR 1271",
					Article:    "§ 1271.3(d)(3); § 1271.10(a)",
					URL:        "https://law.lawstack.com/cfr/21/1271.10/",
				},
				Provenance: ProvenanceInferred,
				Note:       "The definition excluding secreted or extracted human products such as cell factors was read in the regulation text; that cell-free secretome and EVs fall under it is our reading, consistent with FDA's exosome statements." + noDate("21 CFR 1271") + undated,
			},
			Check: checkUSNotHCTP,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-FDA-EXOSOME-NO-SERVICE", Jurisdiction: "US",
				Title:      "No lawful clinic or hospital service: exosome treatment needs an IND or a licensed product",
				Citation:   citeFDA2019,
				Provenance: ProvenancePrimary,
				Note:       "FDA: exosomes used to treat diseases are drugs and biological products needing premarket review and approval; no exosome product is approved. The notification's date, 6 December 2019, is taken as its day of effect. FDA speaks of exosomes: findings about a whole secretome, a conditioned medium or a product not of human origin apply it by our reading and are marked inferred." + undated,
			},
			Check: checkUSService,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-351-BLA", Jurisdiction: "US",
				Title:      "Marketing a biological product needs a biologics licence (BLA); an IND does not allow commercial distribution",
				Citation:   citeKimera,
				Provenance: ProvenanceSecondary,
				Note:       "Read in the text of FDA's warning letter to Kimera Labs, which applies the statute to exosome products; the statute itself was not read. Findings about a whole secretome, a conditioned medium or a product not of human origin apply it by our reading and are marked inferred." + noDate("the statute") + undated,
			},
			Check: checkUSMarketed,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-FDA-EXOSOME-IND", Jurisdiction: "US",
				Title:      "Clinical investigation of an exosome product needs an IND",
				Citation:   citeFDA2019,
				Provenance: ProvenancePrimary,
				Note:       "FDA's notification tells patients to ask for the IND number; the rule applies from the notification's date, the IND regulations themselves were not read. An IND must be in effect on the as-of date and cover every indication of the trial. Findings about a whole secretome, a conditioned medium or a product not of human origin apply the exosome statement by our reading and are marked inferred." + undated,
			},
			Check: checkUSTrial,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-FDA-UNAPPROVED-PROMOTION", Jurisdiction: "US",
				Title:      "Promoting an unapproved exosome product to the public for treating disease",
				Citation:   citeFDA2020,
				Provenance: ProvenanceSecondary,
				Note:       "FDA's alert (read on fda.gov) says exosome products intended to treat diseases generally require approval and none is approved; that promoting one to the public is a violation rests on FDA's untitled letters to firms marketing exosomes without premarket review (10 April 2020, 22 May 2023), read in secondary reports. The alert's date, 22 July 2020, is taken as its day of effect. A licence silences the rule only for claims about the indications it covers; findings about a whole secretome, a conditioned medium or a product not of human origin are marked inferred." + undated,
			},
			Check: checkUSPromotion,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-COSMETIC-NOT-FOUND", Jurisdiction: "US",
				Title:      "Cosmetic status of human-derived EV products: no FDA statement found",
				Citation:   citeFDA2020,
				Provenance: ProvenanceInferred,
				Note:       "Searched for and not found; the rule reports cosmetic uses as unknown rather than guess. It cites FDA's 2020 alert, the latest FDA statement read, and applies from its date, 22 July 2020; before that day no rule speaks and cosmetic uses are unknown all the same." + undated,
			},
			Check: checkUSCosmetic,
		},
		researchRule("US-RESEARCH", "US", withEffectiveFrom(citeFDA2019, secretome.Date{}), ProvenanceInferred,
			"FDA's statements concern products used in people; that laboratory research needs no authorisation is our reading. The rule has no day of effect and applies on every as-of date."+undated),
	}
}

func withEffectiveFrom(c Citation, d secretome.Date) Citation { c.EffectiveFrom = d; return c }

func checkUSNotHCTP(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	c.ClassifyText(message.New("us.class"))
	if len(c.Uses()) > 0 {
		c.ReportText(secretome.SeverityInfo, "product.derivative.type", message.New("us.not_hctp"))
	}
}

func checkUSService(c *Context) {
	inferUnlessVesicles(c)
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseHospitalService {
			continue
		}
		if r, at := findAuth(c, AuthBLA, u, false); r == authOK {
			c.PermitText(i, authPath(at), message.New("us.marketed.permit"))
			continue
		}
		c.ProhibitText(i, usePath(i, "class"), message.New("us.service"))
	}
}

func checkUSMarketed(c *Context) {
	inferUnlessVesicles(c)
	var suffix message.Message
	if ind, _ := findAuth(c, AuthIND, nil, false); ind == authOK {
		suffix = message.New("us.marketed.ind")
	}
	gatewayUses(c, UseMarketedTherapeutic, AuthBLA, message.New("us.marketed.rule"), message.Term("what.bla"),
		message.New("us.marketed.permit"), suffix)
}

func checkUSTrial(c *Context) {
	inferUnlessVesicles(c)
	gatewayUses(c, UseClinicalTrial, AuthIND, message.New("us.trial.rule"), message.Term("what.ind"),
		message.New("us.trial.permit"), message.Message{})
}

func checkUSPromotion(c *Context) {
	d := c.Dossier()
	if len(c.Uses()) == 0 || len(d.Claims) == 0 {
		return
	}
	inferUnlessVesicles(c)
	for k := range d.Claims {
		cl := &d.Claims[k]
		if claimIntent(d, cl) != secretome.IntentTherapeutic || licensedFor(c, cl.Indication) {
			continue
		}
		switch {
		case d.AdvertisedToPublic == nil:
			c.ReportText(secretome.SeverityInfo, "advertised_to_public", message.New("us.promotion.unknown"))
			return
		case *d.AdvertisedToPublic:
			c.ReportText(secretome.SeverityError, claimPath(k), message.New("us.promotion"))
		}
	}
}

// licensedFor reports whether a BLA valid on the as-of date covers the
// indication ID; a claim about no particular indication ("") needs a
// licence that does not restrict indications.
func licensedFor(c *Context, indication string) bool {
	for i := range c.d.Authorisations {
		a := &c.d.Authorisations[i]
		if a.Kind != AuthBLA || a.Jurisdiction != c.code || !a.ValidOn(c.asOf) {
			continue
		}
		if indication == "" && len(a.Indications) == 0 || indication != "" && a.Covers(indication) {
			return true
		}
	}
	return false
}

func checkUSCosmetic(c *Context) {
	for _, i := range c.Uses() {
		if c.use(i).Class == UseCosmetic {
			c.UnknownText(i, usePath(i, "class"), message.New("us.cosmetic"))
		}
	}
}

func europeanUnionRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "EU-1394-NOT-ATMP", Jurisdiction: "EU",
				Title:      "A cell-free secretome or unmodified EV product is not an ATMP but a (biological) medicinal product",
				Citation:   citeEUATMP,
				Provenance: ProvenanceInferred,
				Note:       "The ATMP definitions turn on cells, tissues or recombinant nucleic acids (read in the consolidated text); that a cell-free product therefore is an ordinary medicinal product is our reading. A 2025 EMA/CAT statement on EVs was not found." + fromRecord("Regulation (EC) No 1394/2007", "30 December 2008") + undated,
			},
			Check: checkEUNotATMP,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-HOSPITAL-EXEMPTION-ATMP-ONLY", Jurisdiction: "EU",
				Title:      "The hospital exemption covers ATMPs only; national rules for other hospital preparations were not researched",
				Citation:   citeEUHE,
				Provenance: ProvenanceInferred,
				Note:       "The exemption's conditions were read in law-firm and agency summaries; that it does not reach a non-ATMP secretome is our reading, and magistral or officinal preparation rules (Art. 3(1)-(2)) were not researched. A product with a marketing authorisation covering the use is permitted; a hospital use without one stays unknown." + fromRecord("Art. 3(7)", "30 December 2008") + undated,
			},
			Check: checkEUService,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-2001-83-ART6-MA", Jurisdiction: "EU",
				Title:      "No medicinal product may be placed on the market without a marketing authorisation",
				Citation:   citeEUMA,
				Provenance: ProvenanceSecondary,
				Note:       "Art. 6 read in law-firm summaries." + fromRecord("Directive 2001/83/EC", "18 December 2001") + undated,
			},
			Check: checkEUMarketed,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-CLINICAL-TRIAL-AUTHORISATION", Jurisdiction: "EU",
				Title:      "A clinical trial of a medicinal product needs a clinical-trial authorisation",
				Citation:   withArticle(citeEUMA, "no article: the trial requirement is inferred from medicinal-product status (the Clinical Trials Regulation was not researched)"),
				Provenance: ProvenanceInferred,
				Note:       "Inferred from the medicinal-product status; the Clinical Trials Regulation itself was not researched." + fromRecord("Directive 2001/83/EC", "18 December 2001") + undated,
			},
			Check: checkEUTrial,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-1223-ANNEX-II-HUMAN-ORIGIN", Jurisdiction: "EU",
				Title:      "Cells, tissues or products of human origin are prohibited in cosmetics",
				Citation:   citeEUCosmetics,
				Provenance: ProvenanceSecondary,
				Note:       "The entry's wording was read in secondary sources; its number (416) was asked for and not confirmed, verify in CosIng. Plant-, animal- or microbe-derived ingredients are not caught by this entry. That a human cell-derived secretome or EV ingredient is a product of human origin is our reading (the notes mark it inferred), so the prohibition is reported as inferred." + fromRecord("Regulation (EC) No 1223/2009", "11 July 2013") + undated,
			},
			Check: checkEUCosmeticHumanOrigin,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-1223-ART2-EXTERNAL", Jurisdiction: "EU",
				Title:      "A cosmetic acts on the external parts of the body; injected or needle-delivered use is not cosmetic",
				Citation:   withArticle(citeEUCosmetics, "Art. 2(1)(a)"),
				Provenance: ProvenanceInferred,
				Note:       "The definition was read in a secondary source; that needle-delivered use falls outside it is our reading." + fromRecord("Regulation (EC) No 1223/2009", "11 July 2013") + undated,
			},
			Check: checkEUCosmeticExternal,
		},
		researchRule("EU-RESEARCH", "EU", citeEUMA, ProvenanceInferred,
			"Directive 2001/83/EC governs medicinal products placed on the market and used in people; that laboratory research is outside it is our reading."+fromRecord("Directive 2001/83/EC", "18 December 2001")+undated),
	}
}

func checkEUNotATMP(c *Context) {
	d := c.Dossier()
	if d.Product.Derivative.Type == secretome.DerivativeUnspecified {
		return
	}
	c.ClassifyText(message.New("eu.class"))
}

func checkEUService(c *Context) {
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseHospitalService {
			continue
		}
		if r, at := findAuth(c, AuthMarketingAuthorisation, u, false); r == authOK {
			c.PermitText(i, authPath(at), message.New("eu.service.ma"))
			continue
		}
		c.UnknownText(i, usePath(i, "class"), message.New("eu.service"))
		for k := range c.d.Authorisations {
			a := &c.d.Authorisations[k]
			if a.Jurisdiction == c.code && (a.Kind == AuthHospitalDesignation || a.Kind == AuthFacilityLicence) {
				c.ReportUseText(i, secretome.SeverityWarning, authPath(k), message.New("eu.service.exemption", message.Text(a.Kind.String())))
			}
		}
	}
}

func checkEUMarketed(c *Context) {
	gatewayUses(c, UseMarketedTherapeutic, AuthMarketingAuthorisation, message.New("eu.marketed.rule"), message.Term("what.eu_ma"),
		message.New("eu.marketed.permit"), message.Message{})
}

func checkEUTrial(c *Context) {
	gatewayUses(c, UseClinicalTrial, AuthCTA, message.New("eu.trial.rule"), message.Term("what.eu_cta"),
		message.New("eu.trial.permit"), message.Message{})
}

func checkEUCosmeticHumanOrigin(c *Context) {
	d := c.Dossier()
	for _, i := range c.Uses() {
		if c.use(i).Class != UseCosmetic {
			continue
		}
		switch d.Product.Source.Species {
		case secretome.SpeciesHuman:
			c.Inferred(true)
			c.ProhibitText(i, "product.source.species", message.New("eu.cosmetic.human_origin"))
			c.Inferred(false)
		case secretome.SpeciesUnspecified:
			c.UnknownText(i, "product.source.species", message.New("eu.cosmetic.species"))
		}
	}
}

func checkEUCosmeticExternal(c *Context) {
	d := c.Dossier()
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class == UseCosmetic && anyRoute(d, u, secretome.Route.BreachesBarrier) {
			c.ProhibitText(i, usePath(i, "route"), message.New("eu.cosmetic.external"))
		}
	}
}
