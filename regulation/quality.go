package regulation

import (
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/evidence"
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
	a, err := evidence.Grade(body, evidence.GradeOptions{})
	if err != nil {
		// The zero options cannot be misused; treat the impossible as
		// "not graded" rather than invent a certainty.
		return evidence.CertaintyNotGraded
	}
	return a.Certainty
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

var (
	citeSterility = Citation{
		Instrument: "USP <71> Sterility Tests",
		Number:     "USP <71>",
	}
	citeEndotoxin = Citation{
		Instrument: "USP <85> Bacterial Endotoxins Test (limit K/M; Ph. Eur. 2.6.14 stated to apply the same)",
		Number:     "USP <85>",
	}
	citeMycoplasma = Citation{
		Instrument: "European Pharmacopoeia 2.6.7 Mycoplasmas",
		Number:     "Ph. Eur. 2.6.7",
	}
	citeISCT = Citation{
		Instrument: "Dominici et al., Minimal criteria for defining multipotent mesenchymal stromal cells. The ISCT position statement. Cytotherapy 2006;8(4):315-317",
		Number:     "doi:10.1080/14653240600855905",
		URL:        "https://doi.org/10.1080/14653240600855905",
	}
	citeMISEV = Citation{
		Instrument: "Minimal information for studies of extracellular vesicles 2018 (MISEV2018), Théry et al., J Extracell Vesicles 2018;7:1535750",
		Number:     "MISEV2018",
		// What was read: a review reproducing MISEV2018's Table 3.
		URL: "https://pmc.ncbi.nlm.nih.gov/articles/PMC9465297/",
	}
	citeDonor = Citation{
		Instrument: "Donor eligibility requirements of the MFDS culture-medium safety standard and of Taiwan's case-by-case exosome approval, taken as a baseline",
		URL:        "https://eiec.kdi.re.kr/policy/materialView.do?num=243270",
	}
	citeISSCR = Citation{
		Instrument: "ISSCR Guidelines for Stem Cell Research and Clinical Translation (2021), unproven cell products; GRADE certainty of evidence (Balshem et al., J Clin Epidemiol 2011;64:401-406)",
		Article:    "Rec. 3.1.1",
		URL:        "https://www.isscr.org/policy/guidelines-for-stem-cell-research-and-clinical-translation/key-topics/unproven-cell-products",
	}
	citeUU17Embryonic = withArticle(citeUU17, uu17Embryonic)
)

func qualityRules() []Rule {
	return []Rule{
		{
			RuleInfo: RuleInfo{ID: "QUALITY-RELEASE-STERILITY", Jurisdiction: Baseline,
				Title:      "Parenteral use needs a sterility release test",
				Citation:   citeSterility,
				Provenance: ProvenanceInferred,
				Note:       "The test's media and methods were read in the USP 35 text; its harmonisation with Ph. Eur. 2.6.1 and JP 4.06 was seen only in a low-authority source. That a secretome for parenteral use must pass it at release is our baseline, not a cited requirement. The notes name the sites the text was read on but record no full link, so the citation has no link." + noDate("USP <71>") + undated},
			Check: releaseTestCheck(secretome.TestSterility, "sterility release test (USP <71> / Ph. Eur. 2.6.1)"),
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-RELEASE-ENDOTOXIN", Jurisdiction: Baseline,
				Title:      "Parenteral use needs a bacterial endotoxin release test",
				Citation:   citeEndotoxin,
				Provenance: ProvenanceInferred,
				Note:       "The K/M limit (K = 5 EU/kg, 0.2 EU/kg intrathecal) was read in USP 35 <85>; that a secretome for parenteral use must be tested at release is our baseline. The limit itself is not checked here, because it needs the maximum dose. The notes name the sites the text was read on but record no full link, so the citation has no link." + noDate("USP <85>") + undated},
			Check: releaseTestCheck(secretome.TestEndotoxin, "bacterial endotoxin release test (USP <85> / Ph. Eur. 2.6.14)"),
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-RELEASE-MYCOPLASMA", Jurisdiction: Baseline,
				Title:      "Parenteral use of a cell-culture product needs a mycoplasma release test",
				Citation:   citeMycoplasma,
				Provenance: ProvenanceInferred,
				Note:       "Read in vendor pages on Ph. Eur. 2.6.7; that a secretome for parenteral use must be tested is our baseline (one low-authority source says FDA asks it for products kept in culture over 48 h). The notes name the sites the text was read on but record no full link, so the citation has no link." + noDate("Ph. Eur. 2.6.7") + undated},
			Check: releaseTestCheck(secretome.TestMycoplasma, "mycoplasma release test (Ph. Eur. 2.6.7)"),
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-MYCOPLASMA-NAT-2026", Jurisdiction: Baseline,
				Title:      "From 1 April 2026 a NAT mycoplasma test is validated in the product matrix with a limit of detection of at most 10 CFU/mL or under 100 genomic copies/mL",
				Citation:   withArticle(withEffectiveFrom(citeMycoplasma, date("2026-04-01")), "revision in Ph. Eur. 12.2"),
				Provenance: ProvenanceSecondary,
				Note:       "Read in vendor newsletters on the Ph. Eur. 12.2 revision (published October 2025, effective 1 April 2026). The dossier format has no field for the limit of detection, so the rule reports what to show rather than check it. The notes name the sites the text was read on but record no full link, so the citation has no link." + undated},
			Check: checkNAT,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-DONOR-ELIGIBILITY", Jurisdiction: Baseline,
				Title:      "Allogeneic human source cells need documented donor eligibility",
				Citation:   citeDonor,
				Provenance: ProvenanceInferred,
				Note:       "Korea's culture-medium standard and Taiwan's exosome approvals ask for donor eligibility (read in secondary sources); applying it to every allogeneic product is our baseline." + noDate("the donor requirements") + undated},
			Check: checkDonor,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-ISCT-IDENTITY", Jurisdiction: Baseline,
				Title:      "MSC source cells meet the ISCT minimal criteria",
				Citation:   citeISCT,
				Provenance: ProvenanceSecondary,
				Note:       "Plastic adherence and trilineage differentiation were read in the abstract; the marker thresholds (at least 95 % CD105, CD73, CD90; at most 2 % CD45, CD34, CD14 or CD11b, CD79a or CD19, HLA-DR) in secondary reproductions. The criteria are evaluated by secretome.ISCT." + noDate("the ISCT statement") + undated},
			Check: checkISCT,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-EV-MISEV2018", Jurisdiction: Baseline,
				Title:      "An EV product is characterised as MISEV2018 asks",
				Citation:   citeMISEV,
				Provenance: ProvenanceSecondary,
				Note:       "Read in two reviews reproducing MISEV2018: source amount, two quantification methods, three positive EV proteins (one transmembrane, one cytosolic), a negative marker, single-EV imaging and a single-particle method. The items are evaluated by secretome.EVCharacterisation, whose marker lists follow the notes (CD9, CD63, CD81, integrins, MFGE8; TSG101, annexins, Rabs, syntenin); ALIX and other ESCRT proteins are not in them." + noDate("MISEV2018") + undated},
			Check: checkMISEV,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-EMBRYONIC-SOURCE", Jurisdiction: Baseline,
				Title:      "Embryonic stem-cell sources are excluded from therapy in some markets",
				Citation:   citeUU17Embryonic,
				Provenance: ProvenanceInferred,
				Note:       "Indonesia excludes embryonic stem cells from stem-cell therapy (UU 17/2023 Art. 135(4), read in secondary reports); as a baseline the source is flagged for every market. The baseline follows the Law's day of effect." + uu17Date + undated},
			Check: checkEmbryonicSource,
		},
		{
			RuleInfo: RuleInfo{ID: "QUALITY-CLAIM-EVIDENCE", Jurisdiction: Baseline,
				Title:      "A therapeutic claim rests on more than very-low-certainty evidence",
				Citation:   citeISSCR,
				Provenance: ProvenanceInferred,
				Note:       "The ISSCR asks that products be proven safe and effective before marketing; flagging therapeutic claims whose cited evidence is of very low GRADE certainty (a warning, an error for a marketed therapeutic) is our policy. Certainty is graded by evidence.Grade against the claim's indication." + noDate("the ISSCR guidelines") + undated},
			Check: checkClaimEvidence,
		},
	}
}

// releaseTestCheck returns a check that asks parenteral uses for a
// release test of the kind and permits the other uses.
func releaseTestCheck(kind secretome.TestKind, what string) func(*Context) {
	msg := "a parenteral use needs a " + what + " in the release specification"
	return func(c *Context) {
		d := c.Dossier()
		has := d.Product.Release.Has(kind)
		for _, i := range c.Uses() {
			u := c.use(i)
			if has || u.Class == UseResearch || !anyRoute(d, u, secretome.Route.Parenteral) {
				c.Permit(i, "", "")
				continue
			}
			c.Condition(i, what, "product.release.tests", msg)
		}
	}
}

func checkNAT(c *Context) {
	d := c.Dossier()
	t := d.Product.Release.Find(secretome.TestMycoplasma, "")
	if t == nil || !(hasWord(t.Method, "NAT") || containsFold(t.Method, "pcr", "nucleic")) {
		return
	}
	c.Report(secretome.SeverityInfo, "product.release.tests",
		"a NAT mycoplasma method must be validated in the product matrix with a limit of detection of at most 10 CFU/mL or under 100 genomic copies/mL, sampling cells and supernatant, with inhibitor testing")
}

func checkDonor(c *Context) {
	d := c.Dossier()
	s := &d.Product.Source
	missing := s.Species == secretome.SpeciesHuman && s.Donor.Type == secretome.DonorAllogeneic &&
		(s.Donor.Eligibility == nil || !s.Donor.Eligibility.Screened || len(s.Donor.Eligibility.Tests) == 0)
	for _, i := range c.Uses() {
		if !missing || c.use(i).Class == UseResearch {
			c.Permit(i, "", "")
			continue
		}
		c.Condition(i, "donor eligibility: medical-history screening and infectious-disease tests of the donor", "product.source.donor.eligibility",
			"allogeneic source cells need a documented donor screening and infectious-disease testing")
	}
}

func checkISCT(c *Context) {
	d := c.Dossier()
	problem := ""
	if d.Product.Source.CellType == secretome.CellTypeMSC {
		problem = unmet(secretome.ISCT(&d.Product.Source))
	}
	for _, i := range c.Uses() {
		if problem == "" || c.use(i).Class == UseResearch {
			c.Permit(i, "", "")
			continue
		}
		c.Condition(i, "MSC identity by the ISCT minimal criteria", "product.source.identity", "ISCT minimal criteria: "+problem)
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
		c.Condition(i, "EV characterisation as MISEV2018 asks", "product.composition.vesicles", "EV characterisation: "+problem)
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
		c.Report(secretome.SeverityWarning, "product.source",
			"the product comes from embryonic stem cells, which some markets (Indonesia among them) exclude from stem-cell therapy")
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
			c.Prohibit(i, claimPath(k), claimMessage(true, n))
		})
		if !marketed {
			c.Report(secretome.SeverityWarning, claimPath(k), claimMessage(false, n))
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
// first counts of cited studies, so that reporting one does not allocate:
// [0] for a marketed therapeutic, [1] otherwise. It is immutable.
var claimMessages = func() (t [2][pathTableSize]string) {
	for n := range pathTableSize {
		t[0][n], t[1][n] = claimMessageOf(true, n), claimMessageOf(false, n)
	}
	return t
}()

// claimMessage says why a therapeutic claim is flagged: n is the number
// of cited studies GRADE rated very low, 0 when none is clinical.
func claimMessage(marketed bool, n int) string {
	if n < pathTableSize {
		if marketed {
			return claimMessages[0][n]
		}
		return claimMessages[1][n]
	}
	return claimMessageOf(marketed, n)
}

func claimMessageOf(marketed bool, n int) string {
	why := "cites no clinical evidence"
	switch {
	case n == 1:
		why = "rests only on very-low-certainty evidence: GRADE rates the one study it cites very low"
	case n > 1:
		why = "rests only on very-low-certainty evidence: GRADE rates the " + strconv.Itoa(n) + " studies it cites very low"
	}
	if marketed {
		return "a marketed therapeutic makes a claim that " + why
	}
	return "the therapeutic claim " + why
}
