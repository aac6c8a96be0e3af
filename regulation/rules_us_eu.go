package regulation

import (
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
	"slices"
)

var (
	citeFDA2019 = Citation{
		Instrument:    "FDA Public Safety Notification on Exosome Products (6 December 2019)",
		Article:       "whole notification (it has no numbered sections)",
		URL:           "https://www.fda.gov/vaccines-blood-biologics/safety-availability-biologics/public-safety-notification-exosome-products",
		EffectiveFrom: date("2019-12-06"),
		CheckedOn:     readFirst,
	}
	citeFDA2020 = Citation{
		Instrument:    "FDA Consumer Alert on Regenerative Medicine Products Including Stem Cells and Exosomes (22 July 2020)",
		Article:       "whole alert (it has no numbered sections)",
		URL:           "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/consumer-alert-regenerative-medicine-products-including-stem-cells-and-exosomes",
		EffectiveFrom: date("2020-07-22"),
		CheckedOn:     readFirst,
	}
	cite1271 = Citation{
		Instrument:      "Code of Federal Regulations, Title 21, Part 1271 (human cells, tissues, and cellular and tissue-based products)",
		Number:          "21 CFR 1271",
		Article:         "§ 1271.3(d)(3); § 1271.10(a)",
		ArticleVerified: true,
		URL:             "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-L/part-1271",
		CheckedOn:       readSecond,
	}
	citePHS351 = Citation{
		Instrument: "Public Health Service Act § 351(a), 42 U.S.C. 262(a) (biologics licence)",
		Number:     "42 U.S.C. 262",
		Article:    "§ 262(a) (PHS Act § 351(a)); § 351(i) defines a biological product",
		URL:        "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title42-section262&num=0&edition=prelim",
		Secondary:  "FDA's warning letter to Kimera Labs of 1 September 2023, which applies the statute to exosome products (https://einpresswire.com/article-print/656475101/kimera-labs-inc-649343-09-01-2023)",
		CheckedOn:  readSecond,
	}
	cite312_7 = Citation{
		Instrument:      "Code of Federal Regulations, Title 21, Part 312 (investigational new drug application)",
		Number:          "21 CFR 312",
		Article:         "§ 312.7(a) (promotion of an investigational new drug)",
		ArticleVerified: true,
		URL:             "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-D/part-312/subpart-A/section-312.7",
		CheckedOn:       readSecond,
	}
	cite312I = Citation{
		Instrument:      "Code of Federal Regulations, Title 21, Part 312, Subpart I (expanded access to investigational drugs for treatment use)",
		Number:          "21 CFR 312",
		Article:         "Subpart I, §§ 312.300-312.320",
		ArticleVerified: true,
		URL:             "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-D/part-312/subpart-I",
		// The expanded access final rule took effect on 13 October 2009.
		EffectiveFrom: date("2009-10-13"),
		CheckedOn:     readSecond,
	}
	citeEUATMP = Citation{
		Instrument:      "Regulation (EC) No 1394/2007 on advanced therapy medicinal products",
		Number:          "Regulation (EC) No 1394/2007",
		Article:         "Art. 2(1)",
		ArticleVerified: true,
		URL:             "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:02007R1394-20190726",
		// Applies from 30 December 2008 (Art. 30).
		EffectiveFrom: date("2008-12-30"),
		CheckedOn:     readFirst,
	}
	citeEUHE = Citation{
		Instrument: "Regulation (EC) No 1394/2007, Art. 28, inserting Art. 3(7) (hospital exemption) into Directive 2001/83/EC",
		Number:     "Regulation (EC) No 1394/2007",
		Article:    "Art. 28 (inserting Art. 3(7) into Directive 2001/83/EC)",
		URL:        "https://eur-lex.europa.eu/eli/reg/2007/1394/oj",
		Secondary:  "International Bar Association summary of the hospital-exemption pathway (https://www.ibanet.org/hospital-exemption-pathway-advanced-therapy)",
		// Art. 3(7) applies from 30 December 2008, with Regulation (EC) No 1394/2007 (Art. 30).
		EffectiveFrom: date("2008-12-30"),
		CheckedOn:     readSecond,
	}
	citeEUMA = Citation{
		Instrument: "Directive 2001/83/EC on the Community code relating to medicinal products for human use",
		Number:     "Directive 2001/83/EC",
		Article:    "Art. 6(1)",
		URL:        "https://eur-lex.europa.eu/eli/dir/2001/83/oj",
		Secondary:  "International Bar Association summary of the hospital-exemption pathway (https://www.ibanet.org/hospital-exemption-pathway-advanced-therapy)",
		// In force on 18 December 2001, the twentieth day after publication (OJ L 311, 28.11.2001).
		EffectiveFrom: date("2001-12-18"),
		CheckedOn:     readFirst,
	}
	citeEUAdvertising = Citation{
		Instrument:      "Directive 2001/83/EC on the Community code relating to medicinal products for human use",
		Number:          "Directive 2001/83/EC",
		Article:         "Art. 87(1) (advertising of a medicinal product without a marketing authorisation prohibited)",
		ArticleVerified: true,
		URL:             "https://eur-lex.europa.eu/eli/dir/2001/83/oj",
		// In force on 18 December 2001, the twentieth day after publication (OJ L 311, 28.11.2001).
		EffectiveFrom: date("2001-12-18"),
		CheckedOn:     readSecond,
	}
	cite312_32 = Citation{
		Instrument: "Code of Federal Regulations, Title 21, Part 312 (investigational new drug application)",
		Number:     "21 CFR 312",
		Article:    "§ 312.32(c) (IND safety reports)",
		URL:        "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-D/part-312/subpart-B/section-312.32",
		Secondary:  "FDA, IND Application Reporting: IND Safety Reports (https://www.fda.gov/drugs/investigational-new-drug-ind-application/ind-application-reporting-safety-reports)",
		// The section's current text took effect on 28 March 2011 (final
		// rule of 29 September 2010, 75 FR 59935).
		EffectiveFrom: date("2011-03-28"),
		CheckedOn:     readSecond,
	}
	citeEUCTR = Citation{
		Instrument: "Regulation (EU) No 536/2014 on clinical trials on medicinal products for human use",
		Number:     "Regulation (EU) No 536/2014",
		Article:    "Art. 4 (prior authorisation and ethical review)",
		URL:        "https://eur-lex.europa.eu/eli/reg/2014/536/oj",
		Secondary:  "the Regulation's text as reproduced at https://lexparency.org/eu/32014R0536/ (Art. 4, prior authorisation) and https://legalize.dev/eu/law/32014R0536 (Art. 1-2)",
		// Applies from 31 January 2022 (Art. 99, on the publication of the
		// Commission's notice that the EU portal and database are functional).
		EffectiveFrom: date("2022-01-31"),
		CheckedOn:     readSecond,
	}
	citeEUCTD = Citation{
		Instrument:      "Directive 2001/20/EC on good clinical practice in the conduct of clinical trials on medicinal products for human use",
		Number:          "Directive 2001/20/EC",
		Article:         "Art. 9 (commencement of a clinical trial)",
		ArticleVerified: true,
		URL:             "https://eur-lex.europa.eu/eli/dir/2001/20/oj",
		// Member States applied it from 1 May 2004 (Art. 22(1)); repealed by
		// Regulation (EU) No 536/2014 from the day that Regulation applies.
		EffectiveFrom: date("2004-05-01"),
		EffectiveTo:   date("2022-01-31"),
		CheckedOn:     readSecond,
	}
	citeEUCosmetics = Citation{
		Instrument: "Regulation (EC) No 1223/2009 on cosmetic products",
		Number:     "Regulation (EC) No 1223/2009",
		Article:    "Art. 14(1)(a) with Annex II entry 416, \"cells, tissues or products of human origin\" (entry number from secondary sources)",
		URL:        "https://eur-lex.europa.eu/eli/reg/2009/1223/oj",
		Secondary:  "summaries of Annex II (such as https://lexparency.org/eu/32009R1223/)",
		// Applies from 11 July 2013 (Art. 40(2)).
		EffectiveFrom: date("2013-07-11"),
		CheckedOn:     readSecond,
	}
	citeEUCosmeticsDirective = Citation{
		Instrument: "Council Directive 76/768/EEC on cosmetic products",
		Number:     "Directive 76/768/EEC",
		Article:    "Annex II, \"cells, tissues or products of human origin\" (entry number not identified)",
		URL:        "https://eur-lex.europa.eu/eli/dir/1976/768/oj",
		Secondary:  "summaries of the cosmetics legislation that trace Annex II entry 416 of Regulation (EC) No 1223/2009 to the Directive's Annex II",
		// Adopted on 27 July 1976, a lower bound for the entry, which was
		// added later on a day not identified; repealed by Regulation (EC)
		// No 1223/2009 from 11 July 2013.
		EffectiveFrom: date("1976-07-27"),
		EffectiveTo:   date("2013-07-11"),
		CheckedOn:     readSecond,
	}
)

// Dates of the US instruments.
const (
	part1271Date = " The day § 1271.3(d) took effect (Part 1271 was published at 66 FR 5447 on 19 January 2001 and amended since) is not verified, so the rule applies on every as-of date."
	phs351Date   = " The licensing requirement dates from the PHS Act of 1944 and was amended since; the day its present wording took effect is not verified, so the rule applies on every as-of date."
)

func unitedStatesRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{
				ID: "US-1271-NOT-HCTP", Jurisdiction: "US",
				Title:      "Secretome and EVs are secreted products, not HCT/Ps: the § 361 HCT/P-only route is closed",
				Citation:   cite1271,
				Provenance: ProvenancePrimary,
				Note:       "§ 1271.3(d)(3) excludes \"secreted or extracted human products, such as milk, collagen, and cell factors\" from HCT/Ps, so such a product cannot be regulated under PHS Act § 361 and § 1271.10(a) alone. A secretome or conditioned medium is a set of cell factors; that purified extracellular vesicles are cell factors in this sense is our reading, consistent with FDA's exosome statements, and those findings are marked inferred." + part1271Date,
			},
			Check: checkUSNotHCTP,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-FDA-EXOSOME-NO-SERVICE", Jurisdiction: "US",
				Title:      "No lawful clinic or hospital service: exosome treatment needs an IND (a trial or expanded access) or a licensed product",
				Citation:   citeFDA2019,
				Provenance: ProvenancePrimary,
				Note:       "FDA: exosomes used to treat diseases are drugs and biological products needing premarket review and approval; no exosome product is approved. Treatment outside a trial is lawful under an IND through expanded access (21 CFR 312 subpart I, rule US-312-EXPANDED-ACCESS), so a hospital or clinic use with an IND in effect, or with an expanded-access authorisation held, is left to that rule. The notification's date, 6 December 2019, is taken as its day of effect. FDA speaks of exosomes: findings about a whole secretome, a conditioned medium or a product not of human origin apply it by our reading and are marked inferred.",
			},
			Check: checkUSService,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-312-EXPANDED-ACCESS", Jurisdiction: "US",
				Title:      "Treatment use outside a trial is lawful under an IND through expanded access",
				Citation:   cite312I,
				Provenance: ProvenancePrimary,
				Note:       "Subpart I lets FDA permit an investigational drug to be used for treatment outside a clinical trial (individual patients, intermediate-size populations, treatment IND or protocol), always under an IND or a protocol added to one. A hospital or clinic use with an IND in effect covering its indications is permitted under this route; an IND that does not name the use's indications leaves that condition open. The subpart took effect on 13 October 2009 with the final rule of 13 August 2009.",
			},
			Check: checkUSExpandedAccess,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-312-32-SAFETY-REPORTS", Jurisdiction: "US",
				Title:      "A sponsor reports serious and unexpected suspected adverse reactions under an IND to FDA",
				Citation:   cite312_32,
				Provenance: ProvenanceSecondary,
				Note:       "§ 312.32(c) obliges the sponsor of an IND to notify FDA and every participating investigator, in an IND safety report, of potential serious risks, among them any suspected adverse reaction that is both serious and unexpected; the requirement is known from FDA's own page on IND safety reports, the section's text was not read. A trial or treatment use under an IND in effect whose IND the dossier states does not report adverse events to FDA is permitted only on the condition that they are reported; an IND stated to report them permits; where the dossier does not say, the rule is silent. The section's current text took effect on 28 March 2011; earlier safety-reporting text is not encoded, so the rule is silent before that day.",
			},
			Check: checkUSINDSafety,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-351-BLA", Jurisdiction: "US",
				Title:      "Marketing a biological product needs a biologics licence (BLA); an IND does not allow commercial distribution",
				Citation:   citePHS351,
				Provenance: ProvenanceSecondary,
				Note:       "42 U.S.C. 262(a) forbids introducing a biological product into interstate commerce without a biologics licence in effect; the statute's text was not read, and the requirement is known from FDA's warning letter to Kimera Labs, which applies it to exosome products. Findings about a whole secretome, a conditioned medium or a product not of human origin apply it by our reading and are marked inferred." + phs351Date,
			},
			Check: checkUSMarketed,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-FDA-EXOSOME-IND", Jurisdiction: "US",
				Title:      "Clinical investigation of an exosome product needs an IND",
				Citation:   citeFDA2019,
				Provenance: ProvenancePrimary,
				Note:       "FDA's notification tells patients to ask for the IND number; the rule applies from the notification's date. An IND must be in effect on the as-of date and cover every indication of the trial. Findings about a whole secretome, a conditioned medium or a product not of human origin apply the exosome statement by our reading and are marked inferred.",
			},
			Check: checkUSTrial,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-312-7A-PROMOTION", Jurisdiction: "US",
				Title:      "An investigational product must not be promoted as safe or effective",
				Citation:   cite312_7,
				Provenance: ProvenancePrimary,
				Note:       "§ 312.7(a): a sponsor or investigator, or anyone acting for them, shall not represent in a promotional context that an investigational new drug is safe or effective for the purposes for which it is under investigation, or otherwise promote it; the full exchange of scientific information is not restricted. The rule applies while the dossier holds a US IND in effect (or a US clinical-trial use) and the product is advertised to the public with a therapeutic claim that no biologics licence covers." + noDate("§ 312.7(a)"),
			},
			Check: checkUSInvestigationalPromotion,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-FDA-UNAPPROVED-PROMOTION", Jurisdiction: "US",
				Title: "Promoting an unapproved exosome product to the public for treating disease",
				Citation: withSecondary(citeFDA2020,
					"reports of FDA's untitled letters to firms marketing exosome products without premarket review (10 April 2020, 22 May 2023)"),
				Provenance: ProvenanceSecondary,
				Note:       "FDA's alert says exosome products intended to treat diseases generally require approval and none is approved; that promoting one to the public is a violation rests on FDA's untitled letters to firms marketing exosomes without premarket review (10 April 2020, 22 May 2023), known from secondary reports. The alert's date, 22 July 2020, is taken as its day of effect. A licence silences the rule only for claims about the indications it covers; findings about a whole secretome, a conditioned medium or a product not of human origin are marked inferred.",
			},
			Check: checkUSPromotion,
		},
		{
			RuleInfo: RuleInfo{
				ID: "US-COSMETIC-NOT-FOUND", Jurisdiction: "US",
				Title:      "Cosmetic status of human-derived EV products: no FDA statement known",
				Citation:   citeFDA2020,
				Provenance: ProvenanceInferred,
				Note:       "No FDA statement on the cosmetic status of products with human cell-derived secretome or EVs is known; the rule reports cosmetic uses as unknown rather than guess. It cites FDA's 2020 alert, the latest FDA statement on exosome products it rests on, and applies from its date, 22 July 2020; before that day no rule speaks and cosmetic uses are unknown all the same.",
			},
			Check: checkUSCosmetic,
		},
		researchRule("US-RESEARCH", "US", withEffectiveFrom(citeFDA2019, secretome.Date{}), ProvenanceInferred,
			"FDA's statements concern products used in people; that laboratory research needs no authorisation is our reading. The rule has no day of effect and applies on every as-of date."),
	}
}

func withEffectiveFrom(c Citation, d secretome.Date) Citation { c.EffectiveFrom = d; return c }

func checkUSNotHCTP(c *Context) {
	d := c.Dossier()
	if !d.Product.HumanDerived() {
		return
	}
	c.ClassifyText(message.New("us.class"))
	c.Inferred(d.Product.Derivative.Type.VesicleProduct())
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
		if r, _ := findAuth(c, AuthIND, nil, false); r == authOK {
			continue // treatment under an IND: US-312-EXPANDED-ACCESS decides
		}
		if r, _ := findAuth(c, AuthExpandedAccess, u, false); r == authOK {
			continue // expanded access held: US-312-EXPANDED-ACCESS decides
		}
		c.ProhibitText(i, usePath(i, "class"), message.New("us.service"))
	}
}

func checkUSExpandedAccess(c *Context) {
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseHospitalService {
			continue
		}
		if r, _ := findAuth(c, AuthBLA, u, false); r == authOK {
			continue // a licensed product needs no expanded access
		}
		if r, at := findAuth(c, AuthExpandedAccess, u, false); r == authOK {
			a := &c.d.Authorisations[at]
			if a.AdverseEventsReported != nil && !*a.AdverseEventsReported {
				c.Inferred(true)
				c.ConditionText(i, message.New("us.expanded.ae.missing"), authPath(at)+".adverse_events_reported", message.New("us.expanded.ae"))
				c.Inferred(false)
				continue
			}
			c.PermitText(i, authPath(at), message.New("us.expanded.held"))
			continue
		}
		switch r, at := findAuth(c, AuthIND, u, false); {
		case r == authOK:
			c.PermitText(i, authPath(at), message.New("us.expanded.permitted"))
		case r == authUncovered:
			c.ConditionText(i, message.New("us.expanded.missing"), authPath(at),
				message.New("us.expanded.uncovered", c.authProblem(r, at, u, message.Term("what.ind"))))
		}
	}
}

// checkUSINDSafety sets the condition of IND safety reports for a use
// under an IND that the dossier states does not report adverse events.
func checkUSINDSafety(c *Context) {
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseClinicalTrial && u.Class != UseHospitalService {
			continue
		}
		r, at := findAuth(c, AuthIND, u, false)
		if r != authOK {
			continue
		}
		switch ae := c.d.Authorisations[at].AdverseEventsReported; {
		case ae == nil:
		case *ae:
			c.PermitText(i, authPath(at)+".adverse_events_reported", message.New("us.ind_safety.held"))
		default:
			c.ConditionText(i, message.New("us.ind_safety.missing"), authPath(at)+".adverse_events_reported", message.New("us.ind_safety"))
		}
	}
}

// checkEUAdvertising reports each therapeutic claim advertised in the EU
// for a product without an EU marketing authorisation covering it.
func checkEUAdvertising(c *Context) {
	c.Inferred(true)
	drugAdvertising(c, AuthMarketingAuthorisation, message.New("eu.advertising"), message.New("eu.advertising.unknown"), message.Message{})
	c.Inferred(false)
}

// drugAdvertising judges the therapeutic claims made in the market of a
// rule on advertising medicines. A claim advertised there (on a website,
// on social media, in promotion to health professionals, or with the
// product advertised to the public in the market) for a product with no
// authorisation of the kind covering the claim's indication is an error
// (unauthorised); a claim whose channels are not stated, in a market
// whose advertising is not stated, gets a note (unknown). When public is
// not zero, a claim advertised to the public for an authorised product is
// an error too (a medicine that may be advertised to professionals only),
// marked inferred; callers that mark every finding inferred pass none.
func drugAdvertising(c *Context, kind AuthorisationKind, unauthorised, unknown, public message.Message) {
	d := c.Dossier()
	if len(c.Uses()) == 0 || len(d.Claims) == 0 {
		return
	}
	adv, stated := d.AdvertisedIn(c.code)
	for k := range d.Claims {
		cl := &d.Claims[k]
		if !c.claimHere(k) || claimIntent(d, cl) != secretome.IntentTherapeutic {
			continue
		}
		toPublic := adv || cl.Public()
		authorised := authorisedFor(c, kind, cl.Indication)
		switch {
		case authorised && toPublic && !public.IsZero():
			c.Inferred(true) // that the medicine is one for professionals only is a reading
			c.reportClaim(k, secretome.SeverityError, public)
			c.Inferred(false)
		case authorised:
		case toPublic || slices.Contains(cl.Channels, ChannelTradePromotion):
			c.reportClaim(k, secretome.SeverityError, unauthorised)
		case !stated && len(cl.Channels) == 0:
			c.reportClaim(k, secretome.SeverityInfo, unknown)
		}
	}
}

// checkUSInvestigationalPromotion flags therapeutic claims promoted to the
// public for a product under investigation in the United States.
func checkUSInvestigationalPromotion(c *Context) {
	d := c.Dossier()
	if len(c.Uses()) == 0 {
		return
	}
	adv, _ := d.AdvertisedIn(c.code)
	ind, _ := findAuth(c, AuthIND, nil, false)
	if ind != authOK && !hasClass(c, UseClinicalTrial) {
		return
	}
	inferUnlessVesicles(c)
	for k := range d.Claims {
		cl := &d.Claims[k]
		if c.claimHere(k) && (adv || cl.Public()) && claimIntent(d, cl) == secretome.IntentTherapeutic && !licensedFor(c, cl.Indication) {
			c.reportClaim(k, secretome.SeverityError, message.New("us.investigational.promotion"))
		}
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
	adv, stated := d.AdvertisedIn(c.code)
	asked := false
	for k := range d.Claims {
		cl := &d.Claims[k]
		if !c.claimHere(k) || claimIntent(d, cl) != secretome.IntentTherapeutic || licensedFor(c, cl.Indication) {
			continue
		}
		switch {
		case cl.Public() || adv:
			c.reportClaim(k, secretome.SeverityError, message.New("us.promotion"))
		case !stated && len(cl.Channels) == 0 && !asked:
			asked = true
			for _, i := range c.Uses() {
				c.ReportUseText(i, secretome.SeverityInfo, usePath(i, "advertised_to_public"), message.New("us.promotion.unknown"))
			}
		}
	}
}

// licensedFor reports whether a BLA valid on the as-of date covers the
// indication ID; a claim about no particular indication ("") needs a
// licence that does not restrict indications.
func licensedFor(c *Context, indication string) bool { return authorisedFor(c, AuthBLA, indication) }

// authorisedFor reports whether an authorisation of the kind (or one that
// answers a search for it), in the jurisdiction and valid on the as-of
// date, covers the indication ID; a claim about no particular indication
// ("") needs one that does not restrict indications.
func authorisedFor(c *Context, kind AuthorisationKind, indication string) bool {
	for i := range c.d.Authorisations {
		a := &c.d.Authorisations[i]
		if !kindMatches(a.Kind, kind) || a.Jurisdiction != c.code || !a.ValidOn(c.asOf) {
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
				Note:       "The ATMP definitions turn on cells, tissues or recombinant nucleic acids (Art. 2(1) with Annex I, Part IV of Directive 2001/83/EC, read in the consolidated text); that a cell-free product therefore is an ordinary medicinal product is our reading. No EMA or CAT classification of EV products is known. The Regulation applies from 30 December 2008 (Art. 30).",
			},
			Check: checkEUNotATMP,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-HOSPITAL-EXEMPTION-ATMP-ONLY", Jurisdiction: "EU",
				Title:      "The hospital exemption covers ATMPs only; national rules for other hospital preparations are not encoded",
				Citation:   citeEUHE,
				Provenance: ProvenanceInferred,
				Note:       "Art. 28 of Regulation (EC) No 1394/2007 inserted the hospital exemption as Art. 3(7) of Directive 2001/83/EC, for advanced therapy medicinal products prepared on a non-routine basis in a hospital; its conditions are known from law-firm and agency summaries. That it does not reach a non-ATMP secretome is our reading; magistral and officinal preparations (Art. 3(1)-(2)) are not encoded. A product with a marketing authorisation covering the use is permitted; a hospital use without one stays unknown. Art. 3(7) applies from 30 December 2008.",
			},
			Check: checkEUService,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-2001-83-ART6-MA", Jurisdiction: "EU",
				Title:      "No medicinal product may be placed on the market without a marketing authorisation",
				Citation:   citeEUMA,
				Provenance: ProvenanceSecondary,
				Note:       "Art. 6(1) is known from law-firm summaries; the Directive's text was not read. The Directive entered into force on 18 December 2001, the twentieth day after its publication.",
			},
			Check: checkEUMarketed,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-2001-83-ART87-ADVERTISING", Jurisdiction: "EU",
				Title:      "A medicinal product without a marketing authorisation may not be advertised",
				Citation:   citeEUAdvertising,
				Provenance: ProvenanceInferred,
				Note:       "Art. 87(1): Member States shall prohibit any advertising of a medicinal product for which no marketing authorisation has been granted in accordance with Union law. The rule judges each therapeutic claim made in the EU market: advertised there (a claim on a website, on social media or in promotion to health professionals, or the product advertised to the public in the EU), with no EU marketing authorisation in effect for the claim's indication, it is an error; a claim whose channels and market advertising the dossier does not state gets a note. That a secretome presented for treating disease is a medicinal product by presentation is our reading, so the rule is marked inferred. Labels and leaflets are not judged as advertising. The Directive entered into force on 18 December 2001.",
			},
			Check: checkEUAdvertising,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-CLINICAL-TRIAL-AUTHORISATION", Jurisdiction: "EU",
				Title:      "From 31 January 2022 a clinical trial is authorised under Regulation (EU) No 536/2014",
				Citation:   citeEUCTR,
				Provenance: ProvenanceSecondary,
				Note:       "Art. 4: a clinical trial is subject to scientific and ethical review and is authorised under the Regulation; the article is known from summaries of the Regulation, whose recitals and Art. 1-2 were read (prior authorisation, scope and definitions). The Regulation applies from 31 January 2022; trials authorised under Directive 2001/20/EC could continue under it during a transition that ended on 30 January 2025, which the rule does not model. Before that day the rule is silent and EU-2001-20-ART9-TRIAL applies.",
			},
			Check: checkEUTrial,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-2001-20-ART9-TRIAL", Jurisdiction: "EU",
				Title:      "Before 31 January 2022 a clinical trial starts only after a favourable ethics opinion and no objection from the competent authority",
				Citation:   citeEUCTD,
				Provenance: ProvenancePrimary,
				Note:       "Art. 9: the sponsor may not start a clinical trial until the ethics committee has issued a favourable opinion and the competent authority has not informed the sponsor of grounds for non-acceptance. Member States applied the Directive from 1 May 2004 (Art. 22(1)); Regulation (EU) No 536/2014 repealed it from 31 January 2022. The dossier records the authority's acceptance as a clinical-trial authorisation.",
			},
			Check: checkEUTrialDirective,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-1223-ANNEX-II-HUMAN-ORIGIN", Jurisdiction: "EU",
				Title:      "Cells, tissues or products of human origin are prohibited in cosmetics",
				Citation:   citeEUCosmetics,
				Provenance: ProvenanceSecondary,
				Note:       "Art. 14(1)(a) forbids cosmetic products containing the substances listed in Annex II; the entry \"cells, tissues or products of human origin\" and its number (416) are known from secondary sources and not verified in the Annex. Plant-, animal- or microbe-derived ingredients are not caught by this entry. That a human cell-derived secretome or EV ingredient is a product of human origin is our reading, so the prohibition is reported as inferred. The Regulation applies from 11 July 2013 (Art. 40(2)); before that day EU-76-768-HUMAN-ORIGIN applies.",
			},
			Check: checkEUCosmeticHumanOrigin,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-76-768-HUMAN-ORIGIN", Jurisdiction: "EU",
				Title:      "Before 11 July 2013: cells, tissues or products of human origin prohibited in cosmetics under Directive 76/768/EEC",
				Citation:   citeEUCosmeticsDirective,
				Provenance: ProvenanceSecondary,
				Note:       "Before Regulation (EC) No 1223/2009 applied, the same prohibition stood in Annex II of Directive 76/768/EEC; the entry's number and the day it was added to the Annex are not identified, so the rule takes the day the Directive was adopted, 27 July 1976, as a lower bound and applies up to 10 July 2013. As under the Regulation, that a human cell-derived secretome is a product of human origin is our reading, and the prohibition is reported as inferred.",
			},
			Check: checkEUCosmeticHumanOrigin,
		},
		{
			RuleInfo: RuleInfo{
				ID: "EU-1223-ART2-EXTERNAL", Jurisdiction: "EU",
				Title:      "A cosmetic acts on the external parts of the body; an injected or implanted product is not a cosmetic",
				Citation:   withSecondary(withArticle(withVerified(citeEUCosmetics), "Art. 2(1)(a) and Art. 2(2)"), ""),
				Provenance: ProvenancePrimary,
				Note:       "Art. 2(1)(a) defines a cosmetic as placed in contact with the external parts of the body; Art. 2(2) says a substance or mixture intended to be ingested, inhaled, injected or implanted is not a cosmetic product. That microneedling or application to open wounds is also outside the definition is our reading, and those findings are marked inferred. The Regulation applies from 11 July 2013.",
			},
			Check: checkEUCosmeticExternal,
		},
		researchRule("EU-RESEARCH", "EU", citeEUMA, ProvenanceInferred,
			"Directive 2001/83/EC governs medicinal products placed on the market and used in people; that laboratory research is outside it is our reading. The Directive entered into force on 18 December 2001."),
	}
}

func withVerified(c Citation) Citation { c.ArticleVerified = true; return c }

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
			if a.Jurisdiction == c.code && a.Kind == AuthHospitalExemption {
				c.ReportUseText(i, secretome.SeverityWarning, authPath(k), message.New("eu.hospital_exemption.held"))
				continue
			}
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

func checkEUTrialDirective(c *Context) {
	gatewayUses(c, UseClinicalTrial, AuthCTA, message.New("eu.trial.directive.rule"), message.Term("what.eu_cta"),
		message.New("eu.trial.directive.permit"), message.Message{})
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
			c.Inferred(!anyRoute(d, u, secretome.Route.Parenteral))
			c.ProhibitText(i, usePath(i, "route"), message.New("eu.cosmetic.external"))
			c.Inferred(false)
		}
	}
}
