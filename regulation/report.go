package regulation

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"

	"github.com/openregen/secretomekit/secretome"
)

// Citation says which instrument a rule rests on, where its own text can
// be read, when it applies and when that was last checked.
type Citation struct {
	// Instrument names the law, regulation, notice or statement, such as
	// "Code of Federal Regulations, Title 21, Part 1271".
	Instrument string `json:"instrument"`
	// Number is the instrument's short reference, such as "21 CFR 1271".
	Number string `json:"number,omitempty"`
	// Article is the article, section, paragraph or annex entry, such as
	// "§ 1271.3(d)(3)". It says so when the number was not verified.
	Article string `json:"article,omitempty"`
	// ArticleVerified reports whether Article was read in the
	// instrument's own text (an official gazette, database or consolidated
	// version), rather than taken from a summary.
	ArticleVerified bool `json:"article_verified"`
	// URL is where the instrument's own text can be read: an official
	// gazette or legal database where one exists (see OfficialSource),
	// otherwise the issuing body's own page.
	URL string `json:"url,omitempty"`
	// Secondary names the secondary source (a summary, press report or
	// review, with its address) the rule's facts were read in, where the
	// instrument's own text could not be read or does not say them. Empty
	// when the rule rests on the instrument's text alone.
	Secondary string `json:"secondary,omitempty"`
	// EffectiveFrom is the day the instrument (or the provision cited)
	// took effect. Zero means the day is not known; such a rule applies on
	// every as-of date, and its Note says so.
	EffectiveFrom secretome.Date `json:"effective_from"`
	// EffectiveTo is the day the instrument was repealed or replaced; zero
	// means it is still in force. A rule applies up to the day before.
	EffectiveTo secretome.Date `json:"effective_to,omitzero"`
	// CheckedOn is the day the rule's source was last read. Zero means
	// that day is not recorded.
	CheckedOn secretome.Date `json:"checked_on"`
}

// officialHosts are the official gazettes, legal databases and
// regulators' sites whose pages count as the instrument's own text. It is
// immutable.
var officialHosts = [...]string{
	"peraturan.bpk.go.id", "jdih.pom.go.id", "pom.go.id", "jdih.kemkes.go.id",
	"ecfr.gov", "www.ecfr.gov", "fda.gov", "www.fda.gov", "uscode.house.gov", "federalregister.gov", "www.federalregister.gov",
	"eur-lex.europa.eu", "law.go.kr", "www.law.go.kr", "mfds.go.kr", "www.mfds.go.kr",
	"mhlw.go.jp", "www.mhlw.go.jp", "elaws.e-gov.go.jp", "laws.e-gov.go.jp",
	"legislation.gov.au", "www.legislation.gov.au", "tga.gov.au", "www.tga.gov.au",
	"law.moj.gov.tw", "www.fda.gov.tw", "database.ich.org", "ich.org", "www.ich.org",
}

// OfficialSource reports whether URL points to an official gazette,
// legal database or the issuing regulator's own site (such as ecfr.gov,
// eur-lex.europa.eu, peraturan.bpk.go.id, law.go.kr, mhlw.go.jp,
// legislation.gov.au or fda.gov), so that a reader can check the rule
// against the instrument's own text.
func (c *Citation) OfficialSource() bool {
	rest, ok := strings.CutPrefix(c.URL, "https://")
	if !ok {
		return false
	}
	host, _, _ := strings.Cut(rest, "/")
	return slices.Contains(officialHosts[:], host)
}

// String renders the instrument in one line as a reader cites it: the
// instrument's name, its number in parentheses when the number adds to
// the name, and the article after a comma, such as
// "Code of Federal Regulations, Title 21, Part 1271 (21 CFR 1271), § 1271.3(d)(3)".
// Empty parts are left out with their punctuation, so a citation with no
// number or article reads as the name alone; a citation with a number
// but no name reads as the number. The zero Citation is "".
func (c Citation) String() string {
	name, num, art := strings.TrimSpace(c.Instrument), strings.TrimSpace(c.Number), strings.TrimSpace(c.Article)
	s := name
	switch {
	case s == "":
		s = num
	case num != "" && num != name:
		s += " (" + num + ")"
	}
	if art != "" {
		if s == "" {
			return art
		}
		s += ", " + art
	}
	return s
}

// InForce reports whether the citation applies on day d: on or after
// EffectiveFrom (when given) and before EffectiveTo (when given).
func (c *Citation) InForce(d secretome.Date) bool {
	if !c.EffectiveFrom.IsZero() && d.Before(c.EffectiveFrom) {
		return false
	}
	if !c.EffectiveTo.IsZero() && !d.Before(c.EffectiveTo) {
		return false
	}
	return true
}

// Finding is one judgement a rule made about a dossier.
type Finding struct {
	// RuleID is the stable ID of the rule, such as "US-1271-NOT-HCTP".
	RuleID string `json:"rule"`
	// Jurisdiction is the rule's jurisdiction code.
	Jurisdiction string `json:"jurisdiction"`
	// Severity says how much the finding matters: an error breaks the
	// rule, a warning is a condition not shown or a risk, info explains.
	Severity secretome.Severity `json:"severity"`
	// Provenance is the rule's provenance, or ProvenanceInferred where the
	// rule applied what its source says to a product the source does not
	// name (see Context.Inferred).
	Provenance Provenance `json:"provenance"`
	// lang is the language Text renders in, an index into languages:
	// English (zero), or the language chosen with Report.Localize.
	lang uint8
	// Path is the field path into the dossier the finding concerns, such
	// as "uses[0].setting" or "product.release.tests"; "" is the dossier.
	Path string `json:"path"`
	// Message explains the finding to a person: a code of the message
	// catalogue with typed arguments. It is rendered only when the
	// finding is shown: Text renders it in the report's language,
	// Message.In in any supported language. Messages of a host's own
	// rules given as strings are plain texts (message.Plain) with no code.
	// The code and the kinds of the arguments are the contract; wording
	// may change.
	Message message.Message `json:"-"`
	// Citation is the rule's citation. Every finding of a rule points
	// to the one citation the assessor holds for it, so that a finding
	// does not carry a copy: read it, do not modify it. It is nil only in
	// a Finding made by hand (the zero Finding); JSON writes a nil
	// citation as an empty one.
	Citation *Citation `json:"citation"`
	// Use is the index into Dossier.Uses when the finding concerns one
	// intended use, and nil when it concerns the product or dossier.
	Use *int `json:"use,omitempty"`
	// Line and Column place Path in the document the dossier was read
	// from, when the report came from Assessor.AssessBytes; zero
	// otherwise.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// InvalidPaths lists, for a dossier with errors (Report.Invalid),
	// the paths of the errors that bear on the finding: those on its
	// path (the same field, one above it or below it) and those in the
	// use it concerns. The finding may rest on a value the dossier does
	// not state as written, and its message says it is not reliable.
	// Empty for a dossier without errors. See InvalidPolicy.
	InvalidPaths []string `json:"invalid_paths,omitempty"`
	// Waiver is set when a waiver withdrew the finding (see
	// Assessor.AssessWaiving): the finding stays in the report, but does
	// not count toward the verdict or Report.Worst.
	Waiver *Waiver `json:"waiver,omitempty"`
}

// languages are the supported languages, English first; a finding's
// lang indexes them. It is never written.
var languages = message.Supported()

// langIndex returns the index in languages of the supported language
// closest to tag.
func langIndex(tag language.Tag) uint8 {
	m := message.Match(tag)
	for i, l := range languages {
		if l == m {
			return uint8(i)
		}
	}
	return 0
}

// Text renders the finding's message in the report's language: English,
// or the language chosen with Report.Localize.
func (f *Finding) Text() string { return f.Message.In(languages[f.lang]) }

// findingJSON is the JSON form of a Finding: its fields in order, with
// the message both rendered ("message", in the report's language) and as
// its code and arguments ("message_code", "message_args"), from which
// UnmarshalJSON restores it.
type findingJSON struct {
	RuleID       string             `json:"rule"`
	Jurisdiction string             `json:"jurisdiction"`
	Severity     secretome.Severity `json:"severity"`
	Path         string             `json:"path"`
	Message      string             `json:"message"`
	MessageCode  string             `json:"message_code,omitempty"`
	MessageArgs  message.Args       `json:"message_args,omitempty"`
	Citation     Citation           `json:"citation"`
	Provenance   Provenance         `json:"provenance"`
	Use          *int               `json:"use,omitempty"`
	Line         int                `json:"line,omitempty"`
	Column       int                `json:"column,omitempty"`
	InvalidPaths []string           `json:"invalid_paths,omitempty"`
	Waiver       *Waiver            `json:"waiver,omitempty"`
}

// MarshalJSON writes the finding with its message rendered in the
// report's language ("message") and as the catalogue code
// ("message_code", left out for a plain text) and arguments
// ("message_args", see message.Args).
func (f Finding) MarshalJSON() ([]byte, error) {
	return json.Marshal(findingJSON{
		RuleID: f.RuleID, Jurisdiction: f.Jurisdiction, Severity: f.Severity, Path: f.Path,
		Message: f.Text(), MessageCode: f.Message.Code, MessageArgs: f.Message.Args,
		Citation: f.Cited(), Provenance: f.Provenance, Use: f.Use, Line: f.Line, Column: f.Column,
		InvalidPaths: f.InvalidPaths, Waiver: f.Waiver,
	})
}

// UnmarshalJSON reads a finding written by MarshalJSON. The message is
// restored from its code and arguments; a finding without them (written
// by other software) gets its rendered text as a plain message.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var w findingJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	msg := message.Message{Code: w.MessageCode, Args: w.MessageArgs}
	if msg.IsZero() {
		msg = message.Plain(w.Message)
	}
	*f = Finding{RuleID: w.RuleID, Jurisdiction: w.Jurisdiction, Severity: w.Severity, Path: w.Path,
		Message: msg, Citation: &w.Citation, Provenance: w.Provenance, Use: w.Use, Line: w.Line, Column: w.Column,
		InvalidPaths: w.InvalidPaths, Waiver: w.Waiver}
	return nil
}

// Cited returns the finding's citation, or the zero Citation when it has
// none (a Finding made by hand).
func (f *Finding) Cited() Citation {
	if f.Citation == nil {
		return Citation{}
	}
	return *f.Citation
}

// Waived reports whether a waiver withdrew the finding.
func (f *Finding) Waived() bool { return f.Waiver != nil }

// Waiver is a reasoned, approved exception to a rule for some dossiers:
// the finding it waives stays visible with the waiver's reason, but no
// longer decides a verdict.
type Waiver struct {
	// ID names the waiver, such as "W-2026-014", or its place in the file
	// that holds it ("waivers.yaml:12").
	ID string `json:"id"`
	// Reason says why the exception was granted.
	Reason string `json:"reason"`
	// ApprovedBy names who approved it.
	ApprovedBy string `json:"approved_by"`
	// Expires is the last day the waiver applies, included; zero means it
	// does not expire.
	Expires secretome.Date `json:"expires,omitzero"`
}

// UseAssessment is the verdict for one intended use in one jurisdiction.
type UseAssessment struct {
	// Index is the index of the use in Dossier.Uses.
	Index int `json:"index"`
	// Class is the use's class.
	Class UseClass `json:"class"`
	// Verdict is the combined verdict of every rule that spoke about the
	// use: prohibited if any rule prohibits it, else unknown if any rule
	// could not tell (or none spoke), else permitted with conditions if
	// any condition is missing, else permitted.
	Verdict Verdict `json:"verdict"`
	// Missing lists the conditions not shown, for
	// VerdictPermittedWithConditions (or an AsRead verdict of it); empty
	// otherwise.
	Missing []string `json:"missing,omitempty"`
	// MissingText holds the conditions of Missing as messages, in the
	// same order.
	MissingText []message.Message `json:"-"`
	// Rules lists the IDs of the rules whose outcome decided the verdict,
	// sorted: those that prohibited the use, or could not tell, or (for
	// permission with or without conditions) permitted it or set a
	// condition. It is empty, not nil, when no rule spoke.
	Rules []string `json:"rules"`
	// InvalidPaths lists, for a dossier with errors (Report.Invalid),
	// the paths of the errors that bear on the use: in the use itself,
	// in a claim that reaches it, or outside every use and claim. Empty
	// for a dossier without errors. See InvalidPolicy.
	InvalidPaths []string `json:"invalid_paths,omitempty"`
	// AsRead is, for a use whose Verdict was made unknown because errors
	// of the dossier bear on it (AssessInvalid), the verdict the rules
	// reached from the values that could be read; VerdictUnknown
	// otherwise.
	AsRead Verdict `json:"as_read,omitzero"`
}

// JurisdictionReport is the assessment in one jurisdiction.
type JurisdictionReport struct {
	// Jurisdiction is the code, such as "ID", or "QUALITY" for the
	// jurisdiction-independent quality baseline.
	Jurisdiction string `json:"jurisdiction"`
	// Name is the jurisdiction's name in English.
	Name string `json:"name"`
	// Classification is how the product is classed there, as the
	// jurisdiction's rules say; "" when no rule classes it.
	Classification string `json:"classification"`
	// ClassificationText is the classification as a message.
	ClassificationText message.Message `json:"-"`
	// Uses holds a verdict for each intended use in the jurisdiction, in
	// dossier order. The quality baseline assesses every use.
	Uses []UseAssessment `json:"uses"`
	// Findings lists the findings, sorted by use (product-level first),
	// severity (errors first), rule ID, path and message.
	Findings []Finding `json:"findings"`
}

// Use returns the assessment of the use with dossier index i, or nil when
// the use does not belong to the jurisdiction.
func (j *JurisdictionReport) Use(i int) *UseAssessment {
	for k := range j.Uses {
		if j.Uses[k].Index == i {
			return &j.Uses[k]
		}
	}
	return nil
}

// Report is the result of assessing one dossier.
type Report struct {
	// Product is the product's ID, or its name when it has no ID.
	Product string `json:"product"`
	// AsOf is the day the rules were evaluated for.
	AsOf secretome.Date `json:"as_of"`
	// Jurisdictions holds one report per assessed jurisdiction, sorted by
	// code.
	Jurisdictions []JurisdictionReport `json:"jurisdictions"`
	// Unassessed lists, in dossier order, the indexes into Dossier.Uses of
	// the uses whose jurisdiction was not assessed (the rule set has no
	// rules for it, or Options.Jurisdictions left it out): no rule of that
	// jurisdiction judged them, and only the quality baseline, when
	// assessed, did. It is empty when every use was assessed, so that a
	// use in an unassessed market is never passed over in silence.
	Unassessed []int `json:"unassessed,omitempty"`
	// Problems lists the decoding and validation problems of the
	// dossier, warnings and notes included, each with its line, when the
	// report came from Assessor.AssessBytes.
	Problems []secretome.Problem `json:"problems,omitempty"`
	// Invalid is true when the dossier could not be decoded or failed
	// validation (Assessor.AssessBytes): the dossier has no verdict of its
	// own. It was assessed as far as it was read unless Jurisdictions is
	// empty; the findings and verdicts its errors bear on then have
	// InvalidPaths (see InvalidPolicy).
	Invalid bool `json:"invalid,omitempty"`
}

// Jurisdiction returns the report for the jurisdiction code, or nil.
func (r *Report) Jurisdiction(code string) *JurisdictionReport {
	for i := range r.Jurisdictions {
		if r.Jurisdictions[i].Jurisdiction == code {
			return &r.Jurisdictions[i]
		}
	}
	return nil
}

// Findings returns the findings of every jurisdiction in one list, sorted
// by jurisdiction, use, severity (errors first), rule ID, path and
// message (its English text). A report already in that order by every
// key but the message, as a report from an assessment is, keeps its
// order; only a report out of order is sorted.
func (r *Report) Findings() []Finding {
	n := 0
	for i := range r.Jurisdictions {
		n += len(r.Jurisdictions[i].Findings)
	}
	out := make([]Finding, 0, n)
	for i := range r.Jurisdictions {
		out = append(out, r.Jurisdictions[i].Findings...)
	}
	// An assessment's report is in this order already (jurisdictions by
	// code, each one's findings sorted): check that by every key but the
	// message, which would have to be rendered, and sort only a report
	// that is out of order.
	if !slices.IsSortedFunc(out, compareFindingKeys) {
		slices.SortStableFunc(out, compareFindings)
	}
	return out
}

// Worst returns the highest severity among all findings not waived, or
// SeverityInfo when there are none.
func (r *Report) Worst() secretome.Severity {
	w := secretome.SeverityInfo
	for i := range r.Jurisdictions {
		for k := range r.Jurisdictions[i].Findings {
			if f := &r.Jurisdictions[i].Findings[k]; f.Waiver == nil {
				w = max(w, f.Severity)
			}
		}
	}
	return w
}

// compareFindings is the documented order of findings.
func compareFindings(a, b Finding) int {
	if c := compareFindingKeys(a, b); c != 0 {
		return c
	}
	return compareText(a.Message, b.Message)
}

// compareFindingKeys is compareFindings without the last key, the
// message.
func compareFindingKeys(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Jurisdiction, b.Jurisdiction),
		cmp.Compare(useKey(a.Use), useKey(b.Use)),
		cmp.Compare(b.Severity, a.Severity),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Path, b.Path),
	)
}

func useKey(u *int) int {
	if u == nil {
		return -1
	}
	return *u
}

// Localize returns a copy of the report whose texts (missing
// conditions, classifications and jurisdiction names) are rendered in the
// supported language closest to tag (message.Match): English or Bahasa
// Indonesia, and whose findings render their messages in that language
// (Finding.Text, and "message" in JSON). Codes, rule IDs, paths and every
// other field are unchanged, so any output written from the copy speaks
// that language. Text the catalogue does not hold (messages of a host's own
// rules given as strings) is kept as it is. The report itself is not
// modified.
func (r *Report) Localize(tag language.Tag) *Report {
	lang := langIndex(tag)
	out := *r
	out.Jurisdictions = slices.Clone(r.Jurisdictions)
	for i := range out.Jurisdictions {
		j := &out.Jurisdictions[i]
		if name, ok := message.Term("jurisdiction." + j.Jurisdiction).In(tag); ok {
			j.Name = name
		}
		if !j.ClassificationText.IsZero() {
			j.Classification = j.ClassificationText.In(tag)
		}
		j.Uses = slices.Clone(j.Uses)
		for k := range j.Uses {
			u := &j.Uses[k]
			if len(u.MissingText) == len(u.Missing) && len(u.Missing) > 0 {
				u.Missing = make([]string, len(u.MissingText))
				for m, t := range u.MissingText {
					u.Missing[m] = t.In(tag)
				}
			}
		}
		j.Findings = slices.Clone(j.Findings)
		for k := range j.Findings {
			j.Findings[k].lang = lang
		}
	}
	return &out
}
