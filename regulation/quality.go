package regulation

import (
	"slices"
	"strings"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// claimGrade caches the GRADE certainty of one claim's evidence for the
// duration of an assessment.
type claimGrade struct {
	done      bool
	certainty evidence.Certainty
	cited     int // cited studies found in the dossier
}

// ClaimCertainty returns the GRADE certainty of the evidence the claim
// with index k cites, graded with the evidence package (evidence.Grade)
// against the claim's indication, and how many of the cited studies the
// dossier holds. A claim citing no clinical study is
// evidence.CertaintyNotGraded. Each claim is graded once per assessment,
// whichever rules ask.
func (c *Context) ClaimCertainty(k int) (evidence.Certainty, int) {
	d := c.d
	if k < 0 || k >= len(d.Claims) {
		return evidence.CertaintyNotGraded, 0
	}
	if len(c.st.grades) != len(d.Claims) {
		c.st.grades = append(c.st.grades[:0], make([]claimGrade, len(d.Claims))...)
	}
	g := &c.st.grades[k]
	if g.done {
		return g.certainty, g.cited
	}
	g.done = true
	cl := &d.Claims[k]
	// Bodies made only of case reports, case series and laboratory or
	// animal work are settled without grading: evidence.Grade starts them
	// very low (or leaves a body without clinical studies not graded) and
	// cannot rate them up, having no comparative estimate. A test checks
	// this shortcut against evidence.Grade.
	uncontrolled, other := 0, 0
	for _, id := range cl.Studies {
		if s := c.studyIndex().find(d, id); s != nil {
			g.cited++
			switch {
			case s.Design.Uncontrolled():
				uncontrolled++
			case !s.Design.Mechanistic():
				other++
			}
		}
	}
	switch {
	case other == 0 && uncontrolled > 0:
		g.certainty = evidence.CertaintyVeryLow
	case other == 0:
		g.certainty = evidence.CertaintyNotGraded
	default:
		g.certainty = gradeClaim(d, cl, c.studyIndex())
	}
	return g.certainty, g.cited
}

// gradeClaim grades the evidence a claim cites with evidence.Grade,
// against the ICD code of the claim's indication.
func gradeClaim(d *Dossier, cl *Claim, studies studyIndex) evidence.Certainty {
	body := evidence.Body{Studies: make([]evidence.Study, 0, len(cl.Studies))}
	if ind := d.Product.Indication(cl.Indication); ind != nil {
		body.Question.Indication = ind.ICD10
		if body.Question.Indication == "" {
			body.Question.Indication = ind.ICD11
		}
	}
	for _, id := range cl.Studies {
		if s := studies.find(d, id); s != nil {
			body.Studies = append(body.Studies, *s)
		}
	}
	c, err := evidence.GradeCertainty(body, evidence.GradeOptions{})
	if err != nil {
		// The zero options cannot be misused; treat the impossible as
		// "not graded" rather than invent a certainty.
		return evidence.CertaintyNotGraded
	}
	return c
}

// studyIndex maps the IDs of a dossier's studies to their indexes (the
// first, should an ID repeat), so that looking up every study a claim
// cites costs time in proportion to their number.
type studyIndex map[string]int

// indexStudies adds the dossier's studies to x, which must be empty, and
// returns it (a new index when x is nil).
func indexStudies(d *Dossier, x studyIndex) studyIndex {
	if x == nil {
		x = make(studyIndex, len(d.Studies))
	}
	for i := range d.Studies {
		if _, dup := x[d.Studies[i].ID]; !dup {
			x[d.Studies[i].ID] = i
		}
	}
	return x
}

// find returns the dossier's study with the ID, or nil.
func (x studyIndex) find(d *Dossier, id string) *evidence.Study {
	if i, ok := x[id]; ok {
		return &d.Studies[i]
	}
	return nil
}

// studyIndex returns the index of the dossier's studies, built once per
// assessment when a rule first asks.
func (c *Context) studyIndex() studyIndex {
	if !c.st.indexed {
		c.st.indexed = true
		c.st.studies = indexStudies(c.d, c.st.studies)
	}
	return c.st.studies
}

// ichQuality lists the ICH quality guidelines, among them Q4B and its
// annexes on the harmonised pharmacopoeial chapters.
const ichQuality = "https://www.ich.org/page/quality-guidelines"

var (
	citeSterility = Citation{
		Instrument: "Sterility test, Ph. Eur. 2.6.1 / USP <71> / JP 4.06, interchangeable under ICH Q4B Annex 8(R1); required by Ph. Eur. monographs Parenteral preparations (0520), Semi-solid preparations for cutaneous application (0132) and Liquid preparations for cutaneous application (0927)",
		Number:     "Ph. Eur. 2.6.1; USP <71>; JP 4.06",
		Article:    "monographs 0520 (parenteral preparations are sterile), 0132 and 0927 (preparations for large open wounds or severely injured skin are sterile)",
		URL:        ichQuality,
		Secondary:  "reports of the ICH Q4B Annex 8 outcome (such as https://www.gmp-compliance.org/gmp-news/ich-q4b-harmonisation-relating-to-the-sterility-test-general-chapters-completed); the monographs' requirements from secondary sources",
		// ICH Q4B Annex 8 came into operation in the EU in December 2009.
		CheckedOn: readSecond,
	}
	citeEndotoxin = Citation{
		Instrument: "Bacterial endotoxins test, Ph. Eur. 2.6.14 / USP <85> / JP 4.01, interchangeable under ICH Q4B Annex 14; endotoxin limit K/M (K = 5 EU/kg, 0.2 EU/kg intrathecal)",
		Number:     "Ph. Eur. 2.6.14; USP <85>; JP 4.01",
		Article:    "USP <85> limit K/M; Ph. Eur. 2.6.14",
		URL:        ichQuality,
		Secondary:  "USP 35 text of <85> and reports of the ICH Q4B Annex 14 outcome",
		CheckedOn:  readSecond,
	}
	citeMycoplasma = Citation{
		Instrument: "Mycoplasmas, Ph. Eur. 2.6.7 and USP <63> Mycoplasma Tests (products made in cell culture)",
		Number:     "Ph. Eur. 2.6.7; USP <63>",
		Article:    "Ph. Eur. 2.6.7; USP <63>",
		URL:        "https://www.edqm.eu/en/european-pharmacopoeia",
		Secondary:  "vendor and newsletter summaries of Ph. Eur. 2.6.7 and USP <63>",
		CheckedOn:  readSecond,
	}
	citeISCT = Citation{
		Instrument:      "Dominici et al., Minimal criteria for defining multipotent mesenchymal stromal cells. The ISCT position statement. Cytotherapy 2006;8(4):315-317; for adipose-derived stromal cells Bourin et al., IFATS/ISCT joint statement, Cytotherapy 2013;15(6):641-648",
		Number:          "doi:10.1080/14653240600855905",
		Article:         "the three minimal criteria (adherence, markers, trilineage differentiation)",
		ArticleVerified: true,
		URL:             "https://doi.org/10.1080/14653240600855905",
		CheckedOn:       readSecond,
	}
	citeMISEV = Citation{
		Instrument: "Minimal information for studies of extracellular vesicles 2018 (MISEV2018), Théry et al., J Extracell Vesicles 2018;7:1535750, kept in structure by MISEV2023 (Welsh et al., J Extracell Vesicles 2024;13:e12404)",
		Number:     "MISEV2018",
		Article:    "Table 3 (protein categories 1-5) and the characterisation and pre-analytical items",
		URL:        "https://doi.org/10.1080/20013078.2018.1535750",
		Secondary:  "a review reproducing MISEV2018's Table 3 (https://pmc.ncbi.nlm.nih.gov/articles/PMC9465297/)",
		CheckedOn:  readSecond,
	}
	citeDonor = Citation{
		Instrument: "Donor eligibility requirements of the MFDS culture-medium safety standard and of Taiwan's case-by-case exosome approval, taken as a baseline",
		Article:    "KFDA Notice 2010-99 Annex 3 (donor eligibility records); Taiwan's approval conditions (donor qualification)",
		URL:        "https://www.law.go.kr/행정규칙/화장품안전기준등에관한규정",
		Secondary:  "MFDS press releases as reported by the Korea Development Institute (https://eiec.kdi.re.kr/policy/materialView.do?num=243270)",
		CheckedOn:  readFirst,
	}
	citeISSCR = Citation{
		Instrument: "ISSCR Guidelines for Stem Cell Research and Clinical Translation (2021), unproven cell products; GRADE certainty of evidence (Balshem et al., J Clin Epidemiol 2011;64:401-406)",
		Article:    "Rec. 3.1.1",
		URL:        "https://www.isscr.org/policy/guidelines-for-stem-cell-research-and-clinical-translation/key-topics/unproven-cell-products",
		CheckedOn:  readFirst,
	}
	citeUU17Embryonic = withArticle(citeUU17, "Art. 135(4)")
)

func qualityRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{ID: "QUALITY-RELEASE-STERILITY", Jurisdiction: Baseline,
				Title:      "Parenteral preparations and preparations for wounds, burns, severely injured skin or microneedling need a sterility release test",
				Citation:   citeSterility,
				Provenance: ProvenanceSecondary,
				Note:       "Ph. Eur. requires parenteral preparations (0520) and preparations for cutaneous application intended for large open wounds or severely injured skin (0132, 0927) to be sterile; the monographs' wording is known from secondary sources. Applying that to microneedling, which delivers the preparation through the skin barrier, is our reading. The sterility test is harmonised under ICH Q4B Annex 8(R1): Ph. Eur. 2.6.1, USP <71> and JP 4.06 are interchangeable. A missing test is an error for clinical and marketed uses and a warning for cosmetic ones." + noDate("the monographs' sterility requirement"),
			},
			Check: releaseTestCheck(secretome.TestSterility, "quality.release.sterility", sterileRoute, "quality.release.needed.sterile"),
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-RELEASE-ENDOTOXIN", Jurisdiction: Baseline,
				Title:      "Parenteral and wound preparations need a bacterial endotoxins release test",
				Citation:   citeEndotoxin,
				Provenance: ProvenanceSecondary,
				Note:       "The bacterial endotoxins test is harmonised under ICH Q4B Annex 14 (Ph. Eur. 2.6.14, USP <85>, JP 4.01); the limit K/M (K = 5 EU/kg, 0.2 EU/kg intrathecal) is known from the USP 35 text of <85>. That a secretome for parenteral use or for wounds must be tested at release is our baseline, following the sterility requirement for such preparations. The limit itself is not checked here, because it needs the maximum dose. A missing test is an error for clinical and marketed uses and a warning for cosmetic ones." + noDate("the endotoxin requirement"),
			},
			Check: releaseTestCheck(secretome.TestEndotoxin, "quality.release.endotoxin", endotoxinRoute, "quality.release.needed.endotoxin"),
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-RELEASE-MYCOPLASMA", Jurisdiction: Baseline,
				Title:      "A product made in animal or human cell culture needs a mycoplasma release test, whatever its route",
				Citation:   citeMycoplasma,
				Provenance: ProvenanceSecondary,
				Note:       "Mycoplasma testing (Ph. Eur. 2.6.7, USP <63>) concerns every product made in cell culture, not only parenteral ones; the chapters' scope is known from secondary summaries. A secretome is harvested from cell culture, so every product from human or animal cells (or of a species not given) is asked for the test; plant sources are not. A missing test is an error for clinical and marketed uses and a warning for cosmetic ones." + noDate("the mycoplasma requirement"),
			},
			Check: mycoplasmaCheck,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-MYCOPLASMA-NAT-2026", Jurisdiction: Baseline,
				Title:      "From 1 April 2026 a NAT mycoplasma test is validated in the product matrix with a limit of detection of at most 10 CFU/mL or under 100 genomic copies/mL",
				Citation:   withSecondary(withArticle(withEffectiveFrom(citeMycoplasma, date("2026-04-01")), "Ph. Eur. 2.6.7 as revised in Ph. Eur. 12.2"), "vendor newsletters on the Ph. Eur. 12.2 revision (published October 2025)"),
				Provenance: ProvenanceSecondary,
				Note:       "The Ph. Eur. 12.2 revision of 2.6.7 (published October 2025, effective 1 April 2026) is known from vendor newsletters. The dossier format has no field for the limit of detection, so the rule reports what to show rather than check it.",
			},
			Check: checkNAT,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-DONOR-ELIGIBILITY", Jurisdiction: Baseline,
				Title:      "Allogeneic human source cells need documented donor eligibility",
				Citation:   citeDonor,
				Provenance: ProvenanceInferred,
				Note:       "Korea's culture-medium standard and Taiwan's exosome approvals ask for donor eligibility (known from secondary sources); applying it to every allogeneic product is our baseline. A dossier stating that the donor was not tested (testing: not_held) has clinical uses prohibited; one that does not say has the record asked for as a condition." + noDate("the donor requirements"),
			},
			Check: checkDonor,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-ISCT-IDENTITY", Jurisdiction: Baseline,
				Title:      "MSC source cells meet the ISCT minimal criteria (IFATS/ISCT criteria for adipose-derived stromal cells)",
				Citation:   citeISCT,
				Provenance: ProvenancePrimary,
				Note:       "Dominici 2006: plastic adherence; at least 95 % of cells positive for CD105, CD73 and CD90; at most 2 % positive for CD45, CD34, CD14 or CD11b, CD79a or CD19, and HLA-DR; trilineage differentiation. For adipose-derived stromal cells the IFATS/ISCT statement (Bourin 2013) differs: CD34 may be present and is not asked to be absent, positive markers are asked on more than 80 % of cells, and CD31 and CD235a join the negative markers; those thresholds are not verified against the statement, so findings about adipose cells are marked inferred. The criteria are evaluated by secretome.ISCT." + noDate("the ISCT statement"),
			},
			Check: checkISCT,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-EV-MISEV2018", Jurisdiction: Baseline,
				Title:      "An EV product is characterised as MISEV2018 asks",
				Citation:   citeMISEV,
				Provenance: ProvenanceSecondary,
				Note:       "MISEV2018 asks for every EV preparation: source amount, quantification (particles, protein or lipid), at least three positive protein markers with at least one transmembrane or GPI-anchored protein (Table 3, category 1) and one cytosolic protein (category 2), and at least one negative marker of non-EV co-isolated structures (category 3) to show purity; a protein of other intracellular compartments (category 4) alone does not show purity. For conditioned medium it asks whether the medium was serum-free or used EV-depleted serum, and the cell viability at harvest. The category lists follow Table 3 as reproduced in a review and are not exhaustive. The items are evaluated by secretome.EVCharacterisation." + noDate("MISEV2018"),
			},
			Check: checkMISEV,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-EMBRYONIC-SOURCE", Jurisdiction: Baseline,
				Title:      "Embryonic stem-cell sources are excluded from therapy in some markets",
				Citation:   citeUU17Embryonic,
				Provenance: ProvenanceInferred,
				Note:       "Indonesia excludes embryonic stem cells from stem-cell therapy (UU 17/2023 Art. 135(4), known from press reports quoting it); as a baseline the source is flagged for every market. The baseline follows the Law's day of effect, 8 August 2023.",
			},
			Check: checkEmbryonicSource,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-CLAIM-EVIDENCE", Jurisdiction: Baseline,
				Title:      "A therapeutic claim rests on more than very-low-certainty evidence",
				Citation:   citeISSCR,
				Provenance: ProvenanceInferred,
				Note:       "The ISSCR asks that products be proven safe and effective before marketing; flagging therapeutic claims whose cited evidence is of very low GRADE certainty (a warning, an error for a marketed therapeutic) is our policy. Certainty is graded by evidence.Grade against the claim's indication." + noDate("the ISSCR guidelines"),
			},
			Check: checkClaimEvidence,
		},
	}
}

// sterileRoute reports whether a preparation for the route must be
// sterile: parenteral routes, application to wounds, burns or severely
// injured skin, and microneedling.
func sterileRoute(r secretome.Route) bool { return r.BreachesBarrier() }

// endotoxinRoute reports whether a preparation for the route needs a
// bacterial endotoxins test: parenteral routes and wounds.
func endotoxinRoute(r secretome.Route) bool {
	return r.Parenteral() || r == secretome.RouteTopicalWound
}

// releaseTestCheck returns a check that asks the uses whose route needs
// it for a release test of the kind: a missing test is an error for
// clinical and marketed uses and a warning (a condition) for the others;
// research uses are permitted. test is the message code naming the test
// and its chapters, need the code of the message saying which uses need
// it.
func releaseTestCheck(kind secretome.TestKind, test string, needs func(secretome.Route) bool, need string) func(*Context) {
	missing := message.New(test)
	msg := message.New(need, missing)
	return func(c *Context) {
		d := c.Dossier()
		has := d.Product.Release.Has(kind)
		for _, i := range c.Uses() {
			u := c.use(i)
			if has || u.Class == UseResearch || !anyRoute(d, u, needs) {
				c.Permit(i, "", "")
				continue
			}
			missingTest(c, i, u, missing, msg)
		}
	}
}

// missingTest reports a required release test that the specification
// lacks: an error for clinical and marketed uses, a condition otherwise.
func missingTest(c *Context, i int, u *Use, missing, msg message.Message) {
	if u.Class.Clinical() {
		c.ProhibitText(i, "product.release.tests", msg)
		return
	}
	c.ConditionText(i, missing, "product.release.tests", msg)
}

// mycoplasmaCheck asks every use of a product made in human or animal
// cell culture for a mycoplasma release test.
func mycoplasmaCheck(c *Context) {
	d := c.Dossier()
	missing := message.New("quality.release.mycoplasma")
	msg := message.New("quality.release.needed.culture", missing)
	need := !d.Product.Release.Has(secretome.TestMycoplasma) && cellCulture(d)
	for _, i := range c.Uses() {
		u := c.use(i)
		if !need || u.Class == UseResearch {
			c.Permit(i, "", "")
			continue
		}
		missingTest(c, i, u, missing, msg)
	}
}

// cellCulture reports whether the product is harvested from human or
// animal cell culture: every source but plants (a source whose species is
// not given is taken to be one).
func cellCulture(d *Dossier) bool { return d.Product.Source.Species != secretome.SpeciesPlant }

func checkNAT(c *Context) {
	d := c.Dossier()
	t := d.Product.Release.Find(secretome.TestMycoplasma, "")
	if t == nil || !(hasWord(t.Method, "NAT") || containsFold(t.Method, "pcr", "nucleic")) {
		return
	}
	c.ReportText(secretome.SeverityInfo, "product.release.tests", message.New("quality.nat"))
}

func checkDonor(c *Context) {
	d := c.Dossier()
	s := &d.Product.Source
	allogeneic := s.Species == secretome.SpeciesHuman && s.Donor.Type == secretome.DonorAllogeneic
	missing := allogeneic && s.Donor.Testing != secretome.Held &&
		(s.Donor.Eligibility == nil || !s.Donor.Eligibility.Screened || len(s.Donor.Eligibility.Tests) == 0)
	for _, i := range c.Uses() {
		if !missing || c.use(i).Class == UseResearch {
			c.Permit(i, "", "")
			continue
		}
		if s.Donor.Testing == secretome.NotHeld {
			c.ProhibitText(i, "product.source.donor.testing", message.New("quality.donor.not_held"))
			continue
		}
		c.ConditionText(i, message.New("quality.donor.missing"), "product.source.donor.eligibility", message.New("quality.donor"))
	}
}

func checkISCT(c *Context) {
	d := c.Dossier()
	problem := ""
	if d.Product.Source.CellType == secretome.CellTypeMSC {
		problem = unmet(secretome.ISCT(&d.Product.Source))
	}
	// The IFATS/ISCT thresholds for adipose-derived stromal cells are not
	// verified against the statement, so those findings are inferred.
	c.Inferred(d.Product.Source.Tissue == secretome.TissueAdipose)
	for _, i := range c.Uses() {
		if problem == "" || c.use(i).Class == UseResearch {
			c.Permit(i, "", "")
			continue
		}
		c.ConditionText(i, message.New("quality.isct.missing"), "product.source.identity", message.New("quality.isct", message.Text(problem)))
	}
}

func checkMISEV(c *Context) {
	d := c.Dossier()
	problem := ""
	if d.Product.Derivative.Type.VesicleProduct() {
		problem = unmet(secretome.EVCharacterisation(&d.Product))
	}
	for _, i := range c.Uses() {
		if problem == "" || c.use(i).Class == UseResearch {
			c.Permit(i, "", "")
			continue
		}
		c.ConditionText(i, message.New("quality.misev.missing"), "product.composition.vesicles", message.New("quality.misev", message.Text(problem)))
	}
}

// unmet describes every criterion of the checklist that is not met, in
// checklist order, or returns "" when all are.
func unmet(cl secretome.Checklist) string {
	var b strings.Builder
	for _, cr := range cl.Criteria {
		if cr.Status == secretome.StatusMet {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(cr.Title + " (" + cr.Status.String())
		if cr.Detail != "" {
			b.WriteString(": " + cr.Detail)
		}
		b.WriteString(")")
	}
	return b.String()
}

func checkEmbryonicSource(c *Context) {
	s := &c.Dossier().Product.Source
	if s.CellType == secretome.CellTypeESC || s.Tissue == secretome.TissueEmbryonic {
		c.ReportText(secretome.SeverityWarning, "product.source", message.New("quality.embryonic"))
	}
}

func checkClaimEvidence(c *Context) {
	d := c.Dossier()
	if len(c.Uses()) == 0 {
		return
	}
	var reached marketedUses
	reached.index(c)
	for k := range d.Claims {
		cl := &d.Claims[k]
		if claimIntent(d, cl) != secretome.IntentTherapeutic {
			continue
		}
		cert, cited := c.ClaimCertainty(k)
		if cert > evidence.CertaintyVeryLow {
			continue
		}
		n := cited
		if cert == evidence.CertaintyNotGraded {
			n = 0 // nothing clinical to rate
		}
		marketed := false
		reached.each(cl.Indication, func(i int) {
			marketed = true
			c.ProhibitText(i, claimPath(k), claimMessage(true, n))
		})
		if !marketed {
			c.reportClaim(k, secretome.SeverityWarning, claimMessage(false, n))
		}
	}
}

// marketedUses indexes the marketed therapeutic uses of a jurisdiction
// by the indications they name, so that finding the uses a claim reaches
// costs time in proportion to them rather than to every use.
type marketedUses struct {
	open []int            // uses that name no indication: every claim reaches them
	by   map[string][]int // uses by each indication they name
	all  []int            // every marketed use
}

func (m *marketedUses) index(c *Context) {
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != UseMarketedTherapeutic {
			continue
		}
		m.all = append(m.all, i)
		if len(u.Indications) == 0 {
			m.open = append(m.open, i)
			continue
		}
		if m.by == nil {
			m.by = map[string][]int{}
		}
		for k, id := range u.Indications {
			if !slices.Contains(u.Indications[:k], id) {
				m.by[id] = append(m.by[id], i)
			}
		}
	}
}

// each calls f, in order of use, for every marketed use a claim about the
// indication reaches: all of them for a claim about no indication ("");
// otherwise those that name it or name no indication at all (a use not
// restricted to any indication).
func (m *marketedUses) each(indication string, f func(use int)) {
	if indication == "" {
		for _, i := range m.all {
			f(i)
		}
		return
	}
	a, b := m.open, m.by[indication]
	for len(a) > 0 || len(b) > 0 {
		if len(b) == 0 || len(a) > 0 && a[0] < b[0] {
			f(a[0])
			a = a[1:]
			continue
		}
		f(b[0])
		b = b[1:]
	}
}

// claimMessages holds the messages of QUALITY-CLAIM-EVIDENCE for the
// first counts of cited studies, so that reporting one does not
// allocate: [0] for a marketed therapeutic, [1] otherwise. It is
// immutable.
var claimMessages = func() (t [2][pathTableSize]message.Message) {
	for n := range pathTableSize {
		for k, marketed := range []bool{true, false} {
			t[k][n] = claimMessageOf(marketed, n)
		}
	}
	return t
}()

// claimMessage says why a therapeutic claim is flagged: n is the number
// of cited studies GRADE rated very low, 0 when none is clinical.
func claimMessage(marketed bool, n int) message.Message {
	if n < pathTableSize {
		if marketed {
			return claimMessages[0][n]
		}
		return claimMessages[1][n]
	}
	return claimMessageOf(marketed, n)
}

func claimMessageOf(marketed bool, n int) message.Message {
	why := message.New("quality.claim.none")
	switch {
	case n == 1:
		why = message.New("quality.claim.very_low_one")
	case n > 1:
		why = message.New("quality.claim.very_low", message.Count{N: n, Noun: "noun.study"})
	}
	if marketed {
		return message.New("quality.claim.marketed", why)
	}
	return message.New("quality.claim", why)
}
