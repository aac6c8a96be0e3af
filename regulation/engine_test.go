package regulation

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostRule is a minimal valid host rule.
func hostRule(id, j string, check func(*Context)) Rule {
	return Rule{
		RuleInfo: RuleInfo{ID: id, Title: "host rule " + id, Jurisdiction: j,
			Citation: Citation{Instrument: "house rules (fictional)"}, Provenance: ProvenancePrimary},
		Check: check,
	}
}

func noop(*Context) {}

func TestRuleSetRejectsBadRules(t *testing.T) {
	tests := []struct {
		name, reason string
		edit         func(r *Rule)
		want         string
	}{
		{"empty id", "every finding names its rule", func(r *Rule) { r.ID = "" }, "ID must be"},
		{"lower-case id", "IDs have one spelling", func(r *Rule) { r.ID = "hosp-1" }, "ID must be"},
		{"id with space", "IDs are single tokens", func(r *Rule) { r.ID = "HOSP 1" }, "ID must be"},
		{"bad jurisdiction", "jurisdictions are codes", func(r *Rule) { r.Jurisdiction = "id" }, "jurisdiction must be"},
		{"no title", "a rule says what it checks", func(r *Rule) { r.Title = " " }, "title is empty"},
		{"no instrument", "a rule rests on an instrument", func(r *Rule) { r.Citation.Instrument = "" }, "instrument is empty"},
		{"no provenance", "how sure a rule is must be stated", func(r *Rule) { r.Provenance = 0 }, "provenance"},
		{"bad provenance", "only three levels exist", func(r *Rule) { r.Provenance = 9 }, "provenance"},
		{"no check", "a rule must be applicable", func(r *Rule) { r.Check = nil }, "check function is nil"},
		{"ends before it starts", "effective dates are ordered", func(r *Rule) {
			r.Citation.EffectiveFrom = secretome.MustParseDate("2025-01-01")
			r.Citation.EffectiveTo = secretome.MustParseDate("2025-01-01")
		}, "takes effect on or after the day it ends"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := hostRule("HOSP-1", "ID", noop)
			tc.edit(&r)
			_, err := NewRuleSet(r)
			var re *RuleError
			require.ErrorAs(t, err, &re, tc.reason)
			assert.Contains(t, re.Reason, tc.want, tc.reason)
		})
	}
	_, err := NewRuleSet(hostRule("HOSP-1", "ID", noop))
	assert.NoError(t, err, "the valid base rule is accepted")
}

func TestRuleSetComposition(t *testing.T) {
	shipped := Shipped()
	n := shipped.Len()
	house, err := NewRuleSet(hostRule("HOSP-B", "HOSP", noop), hostRule("HOSP-A", "HOSP", noop))
	require.NoError(t, err)

	merged, err := shipped.Merge(house)
	require.NoError(t, err)
	assert.Equal(t, n+2, merged.Len())
	assert.Equal(t, n, shipped.Len(), "Merge returns a new set and leaves its inputs alone")
	assert.Contains(t, merged.Jurisdictions(), "HOSP")

	infos := merged.Rules()
	assert.True(t, slices.IsSortedFunc(infos, func(a, b RuleInfo) int {
		return strings.Compare(a.Jurisdiction+"\x00"+a.ID, b.Jurisdiction+"\x00"+b.ID)
	}), "Rules is sorted by jurisdiction, then ID")

	_, err = merged.Merge(house)
	var re *RuleError
	require.ErrorAs(t, err, &re, "merging the same rules twice duplicates IDs")
	assert.Equal(t, "HOSP-A", re.ID)

	_, err = shipped.With(hostRule("US-351-BLA", "HOSP", noop))
	require.ErrorAs(t, err, &re, "a host rule may not reuse a shipped ID")

	sel, err := merged.Select("HOSP", "TW")
	require.NoError(t, err)
	assert.Equal(t, []string{"HOSP", "TW"}, sel.Jurisdictions())
	_, err = merged.Select("XX")
	assert.ErrorContains(t, err, `no rules for jurisdiction "XX"`)

	info, ok := merged.Rule("HOSP-A")
	assert.True(t, ok)
	assert.Equal(t, "HOSP", info.Jurisdiction)
	_, ok = merged.Rule("NOPE")
	assert.False(t, ok)

	a, b := Shipped(), Shipped()
	a.Rules()[0].ID = "CHANGED"
	assert.Equal(t, b.Rules()[0].ID, a.Rules()[0].ID, "Rules returns copies; shipped sets share nothing a caller can change")
	var nilSet *RuleSet
	assert.Zero(t, nilSet.Len())
}

func TestShippedMetadata(t *testing.T) {
	s := Shipped()
	assert.Equal(t, []string{"AU", "EU", "ID", "JP", "KR", "QUALITY", "TW", "US"}, s.Jurisdictions())
	read := map[string]bool{"2026-11-26": true, "2026-12-01": true}
	for _, r := range s.Rules() {
		assert.True(t, strings.HasPrefix(r.ID, r.Jurisdiction+"-"), "%s: IDs start with their jurisdiction", r.ID)
		assert.NotEmpty(t, r.Note, "%s: every shipped rule says what is uncertain", r.ID)
		assert.True(t, read[r.Citation.CheckedOn.String()], "%s: checked_on is one of the days the sources were read, got %q", r.ID, r.Citation.CheckedOn)
		assert.NotEqual(t, r.Jurisdiction, r.Title)
		assert.NotRegexp(t, `(?i)research\s+notes|domain files`, r.Note, "%s: notes speak of the law and its sources", r.ID)
		assert.NotContains(t, r.Note, "checked_on", r.ID)
	}
	dates := map[string]string{
		"ID-BPOM-8-2025-NIE":              "2025-03-06",
		"ID-BPOM-8-2025-TRIAL":            "2025-03-06",
		"ID-UU17-135-REPRODUCTIVE":        "2023-08-08",
		"QUALITY-MYCOPLASMA-NAT-2026":     "2026-04-01",
		"KR-ARB-2025-TREATMENT-PLAN":      "2025-02-21",
		"KR-MFDS-CULTURE-MEDIUM":          "2011-07-01",
		"TW-COSMETIC-HUMAN-EXOSOME-2024":  "2024-03-21",
		"JP-MHLW-2024-FREE-PRACTICE":      "2024-07-31",
		"JP-MHLW-2024-EXOSOME-REAGENT":    "2024-07-31",
		"US-FDA-EXOSOME-NO-SERVICE":       "2019-12-06",
		"US-312-EXPANDED-ACCESS":          "2009-10-13",
		"EU-CLINICAL-TRIAL-AUTHORISATION": "2022-01-31",
		"EU-2001-20-ART9-TRIAL":           "2004-05-01",
		"EU-1223-ANNEX-II-HUMAN-ORIGIN":   "2013-07-11",
	}
	for id, want := range dates {
		r, ok := s.Rule(id)
		require.True(t, ok, id)
		assert.Equal(t, want, r.Citation.EffectiveFrom.String(), id)
	}
	for id, want := range map[string]string{
		"ID-BPOM-18-2020-NIE": "2025-03-06", "TW-COSMETIC-HUMAN-ORIGIN": "2024-03-21",
		"EU-2001-20-ART9-TRIAL": "2022-01-31", "EU-76-768-HUMAN-ORIGIN": "2013-07-11",
	} {
		r, _ := s.Rule(id)
		assert.Equal(t, want, r.Citation.EffectiveTo.String(), id)
	}
	jp, _ := s.Rule("JP-PMD-APPROVAL")
	assert.True(t, jp.Citation.EffectiveFrom.IsZero(), "the approval duty stood in Art. 14 of the 1960 Act before 2014")
	eu, _ := s.Rule("EU-1223-ANNEX-II-HUMAN-ORIGIN")
	assert.Contains(t, eu.Citation.Article, "entry number from secondary sources")
	assert.False(t, eu.Citation.ArticleVerified)
	pp, _ := s.Rule("ID-PP28-CELL-THERAPY-PRODUCT")
	assert.Contains(t, pp.Citation.Article, "not verified")
	inj, _ := s.Rule("ID-UU17-435-UNQUALIFIED-INJECTION")
	assert.Equal(t, ProvenanceInferred, inj.Provenance, "the article on who may inject is not verified")
	assert.Contains(t, inj.Citation.Article, "not verified")
}

// TestShippedCitationsAudit keeps every shipped rule auditable: a rule
// that does not link to an official source names the secondary source it
// rests on; a primary rule cites an official source or a published
// standard; a verified article is never one the citation says is
// unverified.
func TestShippedCitationsAudit(t *testing.T) {
	for _, r := range Shipped().Rules() {
		c := r.Citation
		if !c.OfficialSource() {
			assert.NotEmpty(t, c.Secondary+c.URL, "%s: a rule without an official source names what it rests on", r.ID)
		}
		if r.Provenance == ProvenanceSecondary {
			assert.NotEmpty(t, c.Secondary, "%s: a secondary rule names its secondary source", r.ID)
		}
		if c.ArticleVerified {
			assert.NotRegexp(t, `not verified|not known|from secondary`, c.Article, "%s: a verified article does not say it is unverified", r.ID)
		}
	}
}

func TestCitationOfficialSource(t *testing.T) {
	for url, want := range map[string]bool{
		"https://www.ecfr.gov/current/title-21/section-312.7": true,
		"https://eur-lex.europa.eu/eli/reg/2014/536/oj":       true,
		"https://peraturan.bpk.go.id/":                        true,
		"https://example.com/ecfr.gov":                        false,
		"http://www.ecfr.gov/":                                false,
		"":                                                    false,
	} {
		c := Citation{URL: url}
		assert.Equal(t, want, c.OfficialSource(), url)
	}
}

func TestCitationInForce(t *testing.T) {
	c := Citation{EffectiveFrom: secretome.MustParseDate("2025-03-06"), EffectiveTo: secretome.MustParseDate("2026-01-01")}
	tests := []struct {
		day, reason string
		want        bool
	}{
		{"2025-03-05", "the day before it takes effect", false},
		{"2025-03-06", "the day it takes effect", true},
		{"2025-12-31", "the last day", true},
		{"2026-01-01", "the day it ends", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, c.InForce(secretome.MustParseDate(tc.day)), tc.reason)
	}
	assert.True(t, (&Citation{}).InForce(secretome.MustParseDate("1990-01-01")), "an undated instrument applies on every day")
}

func TestNewAssessor(t *testing.T) {
	_, err := NewAssessor(nil, Options{})
	assert.Error(t, err, "a rule set is required")
	_, err = NewAssessor(Shipped(), Options{Jurisdictions: []string{"ID", "FR"}})
	assert.ErrorContains(t, err, `"FR"`, "unknown jurisdictions are misuse")

	a, err := NewAssessor(Shipped(), Options{})
	require.NoError(t, err)
	assert.Equal(t, secretome.DateOf(time.Now().UTC()), a.AsOf(), "zero AsOf is today")
	assert.Equal(t, Shipped().Jurisdictions(), a.Jurisdictions())

	ids := func(asOf string) []string {
		a, err := NewAssessor(Shipped(), Options{Jurisdictions: []string{"ID", "ID"}, AsOf: secretome.MustParseDate(asOf)})
		require.NoError(t, err)
		var out []string
		for _, r := range a.Rules() {
			out = append(out, r.ID)
		}
		return out
	}
	before, after := ids("2025-03-05"), ids("2025-03-06")
	assert.Contains(t, before, "ID-BPOM-18-2020-NIE")
	assert.NotContains(t, before, "ID-BPOM-8-2025-NIE")
	assert.Contains(t, after, "ID-BPOM-8-2025-NIE")
	assert.NotContains(t, after, "ID-BPOM-18-2020-NIE")
}

func TestAssessMisuse(t *testing.T) {
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	_, err = a.Assess(context.Background(), nil)
	assert.Error(t, err, "a nil dossier is misuse")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = a.Assess(ctx, seed(t))
	assert.ErrorIs(t, err, context.Canceled)

	set, err := Shipped().With(hostRule("HOSP-PANIC", "ID", func(c *Context) { panic("boom") }))
	require.NoError(t, err)
	a, err = NewAssessor(set, Options{Jurisdictions: []string{"ID"}})
	require.NoError(t, err)
	_, err = a.Assess(context.Background(), seed(t))
	var pe *RulePanicError
	require.ErrorAs(t, err, &pe, "a panicking host rule is reported, not hidden")
	assert.Equal(t, "HOSP-PANIC", pe.RuleID)
	_, err = a.Assess(context.Background(), seed(t))
	assert.ErrorAs(t, err, &pe, "the assessor stays usable after a panic")

	var zero Assessor
	_, err = zero.Assess(context.Background(), seed(t))
	assert.ErrorContains(t, err, "NewAssessor", "a zero Assessor is not prepared, and says so rather than panic")
	var none *Assessor
	_, err = none.Assess(context.Background(), seed(t))
	assert.ErrorContains(t, err, "NewAssessor", "a nil Assessor says so rather than panic")
	assert.Nil(t, none.Rules())
	assert.Nil(t, none.Jurisdictions())
	assert.True(t, none.AsOf().IsZero())

	a = assessorFor(t, hostRule("HOSP-SEVERITY", "ID", func(c *Context) {
		if len(c.Dossier().Claims) > 0 {
			c.Report(secretome.Severity(7), "", "a severity no report can marshal")
		}
		c.Report(secretome.SeverityInfo, "", "checked")
	}))
	_, err = a.Assess(context.Background(), seed(t))
	var re *RuleError
	require.ErrorAs(t, err, &re, "an out-of-range severity is the host rule's mistake, reported rather than marshalled into a broken report")
	assert.Equal(t, "HOSP-SEVERITY", re.ID)
	assert.Contains(t, re.Reason, "severity 7")
	d := seed(t)
	d.Claims = nil
	rep, err := a.Assess(context.Background(), d)
	require.NoError(t, err, "the misuse of one assessment does not outlive it")
	assert.Len(t, rep.Jurisdiction("ID").Findings, 1)
}

// assessorFor prepares an assessor for the rules as of 2026-11-26.
func assessorFor(t *testing.T, rules ...Rule) *Assessor {
	t.Helper()
	set, err := NewRuleSet(rules...)
	require.NoError(t, err)
	a, err := NewAssessor(set, Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	return a
}

func TestVerdictCombination(t *testing.T) {
	permit := func(id string) Rule { return hostRule(id, "ID", func(c *Context) { c.Permit(0, "", "") }) }
	prohibit := func(id string) Rule { return hostRule(id, "ID", func(c *Context) { c.Prohibit(0, "uses[0]", "no") }) }
	unknown := func(id string) Rule {
		return hostRule(id, "ID", func(c *Context) { c.Unknown(0, "uses[0]", "not known") })
	}
	condition := func(id, missing string) Rule {
		return hostRule(id, "ID", func(c *Context) { c.Condition(0, missing, "uses[0]", "needs "+missing) })
	}
	tests := []struct {
		name, reason string
		rules        []Rule
		verdict      Verdict
		deciding     []string
		missing      []string
	}{
		{"none", "no rule spoke", nil, VerdictUnknown, []string{}, nil},
		{"permit", "a plain permission", []Rule{permit("H-A")}, VerdictPermitted, []string{"H-A"}, nil},
		{"permit and condition", "conditions qualify a permission; both rules decided",
			[]Rule{permit("H-A"), condition("H-B", "x")}, VerdictPermittedWithConditions, []string{"H-A", "H-B"}, []string{"x"}},
		{"same condition twice", "missing conditions are listed once",
			[]Rule{condition("H-A", "x"), condition("H-B", "x"), condition("H-C", "y")}, VerdictPermittedWithConditions, []string{"H-A", "H-B", "H-C"}, []string{"x", "y"}},
		{"condition and unknown", "what is not known outranks conditions",
			[]Rule{condition("H-A", "x"), unknown("H-B")}, VerdictUnknown, []string{"H-B"}, nil},
		{"prohibit wins", "a prohibition outranks everything",
			[]Rule{permit("H-A"), unknown("H-B"), prohibit("H-C"), condition("H-D", "x")}, VerdictProhibited, []string{"H-C"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rules := append([]Rule{hostRule("H-CLASSIFY", "ID", func(c *Context) { c.Classify("test class") })}, tc.rules...)
			set, err := NewRuleSet(rules...)
			require.NoError(t, err)
			a, err := NewAssessor(set, Options{AsOf: secretome.MustParseDate("2026-11-26")})
			require.NoError(t, err)
			rep, err := a.Assess(context.Background(), seed(t))
			require.NoError(t, err)
			u := rep.Jurisdiction("ID").Use(0)
			assert.Equal(t, tc.verdict, u.Verdict, tc.reason)
			assert.Equal(t, tc.deciding, u.Rules, tc.reason)
			assert.Equal(t, tc.missing, u.Missing, tc.reason)
			assert.Equal(t, "test class", rep.Jurisdiction("ID").Classification)
			assert.Equal(t, VerdictUnknown, rep.Jurisdiction("ID").Use(1).Verdict, "other uses are untouched")
		})
	}
}

func TestContextIgnoresForeignUses(t *testing.T) {
	set, err := NewRuleSet(hostRule("H-A", "US", func(c *Context) {
		c.Prohibit(0, "uses[0]", "use 0 is Indonesian") // not a US use
		c.Prohibit(-1, "", "no such use")
		c.Permit(99, "", "no such use")
		c.ReportUse(42, secretome.SeverityError, "", "no such use")
	}))
	require.NoError(t, err)
	a, err := NewAssessor(set, Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	rep, err := a.Assess(context.Background(), seed(t))
	require.NoError(t, err)
	us := rep.Jurisdiction("US")
	assert.Empty(t, us.Uses, "the seed has no US uses")
	assert.Empty(t, us.Findings, "verdicts on uses outside the jurisdiction are ignored")
	assert.NotNil(t, us.Findings, "findings marshal as [] rather than null")
}

func TestReportOrderAndHelpers(t *testing.T) {
	d := bigDossier(t)
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	rep, err := a.Assess(context.Background(), d)
	require.NoError(t, err)

	codes := make([]string, len(rep.Jurisdictions))
	for i, j := range rep.Jurisdictions {
		codes[i] = j.Jurisdiction
		assert.True(t, slices.IsSortedFunc(j.Findings, compareFindings), "%s findings are in the documented order", j.Jurisdiction)
		for _, u := range j.Uses {
			assert.True(t, slices.IsSorted(u.Rules))
			if u.Verdict != VerdictPermittedWithConditions {
				assert.Empty(t, u.Missing)
			}
		}
	}
	assert.True(t, slices.IsSorted(codes))
	all := rep.Findings()
	assert.True(t, slices.IsSortedFunc(all, compareFindings))
	shuffled := *rep
	shuffled.Jurisdictions = slices.Clone(rep.Jurisdictions)
	slices.Reverse(shuffled.Jurisdictions)
	assert.Equal(t, all, shuffled.Findings(), "a report out of order is sorted")
	assert.Equal(t, secretome.SeverityError, rep.Worst())
	assert.Equal(t, "NSB-UCMSC-SG-01", rep.Product)
	assert.Nil(t, rep.Jurisdiction("FR"))
	assert.Nil(t, rep.Jurisdiction("ID").Use(99))

	empty := &Report{}
	assert.Equal(t, secretome.SeverityInfo, empty.Worst())
}

func TestAssessDeterministicAndConcurrent(t *testing.T) {
	// Three dossiers of different shapes, so that scratch space reused
	// through the pool meets more and fewer uses, claims and findings
	// than it held before, and one claim is graded by evidence.Grade.
	big, graded, small := bigDossier(t), bigDossier(t), seed(t)
	withRCTs(graded)
	graded.Claims[0].Studies = append(graded.Claims[0].Studies, "rct-1", "rct-2")
	small.Claims = nil
	dossiers := []*Dossier{big, graded, small}
	a, err := NewAssessor(Shipped(), Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	firsts := make([]*Report, len(dossiers))
	wants := make([]string, len(dossiers))
	for i, d := range dossiers {
		firsts[i], err = a.Assess(context.Background(), d)
		require.NoError(t, err)
		b, err := json.Marshal(firsts[i])
		require.NoError(t, err)
		wants[i] = string(b)
	}
	require.NotEqual(t, wants[0], wants[1], "the graded claim changes the report")

	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				k := (g + i) % len(dossiers)
				rep, err := a.Assess(context.Background(), dossiers[k])
				if err != nil {
					errs <- err
					return
				}
				got, _ := json.Marshal(rep)
				if string(got) != wants[k] {
					errs <- fmt.Errorf("a concurrent assessment of dossier %d differs from the first", k)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i := range firsts {
		again, _ := json.Marshal(firsts[i])
		assert.Equal(t, wants[i], string(again), "later assessments do not disturb earlier reports")
	}
}

func TestReportJSONShape(t *testing.T) {
	d := seed(t)
	// A CPOB site, and a hospital use that does not name its facility:
	// the designation is then a condition to show.
	d.Manufacturer.Sites[0].GMP = append(d.Manufacturer.Sites[0].GMP, GMPCertificate{Authority: "BPOM", Jurisdiction: "ID", Number: "CPOB-1",
		ValidFrom: secretome.MustParseDate("2025-01-01"), ValidUntil: secretome.MustParseDate("2028-01-01")})
	d.Uses[1].Facility = ""
	rep, err := Assess(d, Options{Jurisdictions: []string{"TW", "ID"}, AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	var generic map[string]any
	require.NoError(t, json.Unmarshal(b, &generic))
	assert.Equal(t, "2026-11-26", generic["as_of"])
	js := generic["jurisdictions"].([]any)
	require.Len(t, js, 2)
	tw := js[1].(map[string]any)
	assert.Equal(t, "TW", tw["jurisdiction"])
	assert.Equal(t, "Taiwan", tw["name"])
	assert.Equal(t, []any{}, tw["uses"], "no Taiwanese uses: an empty list, not null")
	assert.Equal(t, []any{}, tw["findings"])
	id := js[0].(map[string]any)
	u := id["uses"].([]any)[1].(map[string]any)
	assert.Equal(t, "hospital_service", u["class"])
	assert.Equal(t, "permitted_with_conditions", u["verdict"])
	assert.NotEmpty(t, u["missing"])
	u0 := id["uses"].([]any)[0].(map[string]any)
	_, hasMissing := u0["missing"]
	assert.False(t, hasMissing, "missing is omitted unless conditions are missing")
	f := id["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "jurisdiction", "severity", "path", "message", "citation", "provenance"} {
		assert.Contains(t, f, k)
	}

	var back Report
	require.NoError(t, json.Unmarshal(b, &back), "a reader with these types gets the report back")
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again), "the shape round-trips: every field and spelling decodes as it was written")
}

func TestEnums(t *testing.T) {
	type textEnum interface {
		MarshalText() ([]byte, error)
	}
	round := func(t *testing.T, v textEnum, into interface{ UnmarshalText([]byte) error }, want string) {
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
		require.NoError(t, into.UnmarshalText(b))
	}
	for v := VerdictUnknown; v <= VerdictProhibited; v++ {
		var got Verdict
		round(t, v, &got, v.String())
		assert.Equal(t, v, got)
	}
	assert.Equal(t, "unknown", VerdictUnknown.String(), "the zero verdict is spelled unknown")
	for p := ProvenancePrimary; p <= ProvenanceInferred; p++ {
		got, err := ParseProvenance(p.String())
		require.NoError(t, err)
		assert.Equal(t, p, got)
	}
	b, err := Provenance(0).MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b, "the zero provenance is \"not given\"")
	_, err = Provenance(7).MarshalText()
	assert.Error(t, err, "out-of-range values have no spelling")
	assert.Equal(t, []string{"primary", "secondary", "inferred"}, Provenance(0).Values())
	assert.Equal(t, []string{"unknown", "permitted", "permitted_with_conditions", "prohibited"}, Verdict(0).Values())
	for c := UseResearch; c <= UseCosmetic; c++ {
		var got UseClass
		round(t, c, &got, c.String())
		assert.Equal(t, c, got)
	}
	for k := AuthMarketingAuthorisation; k <= AuthMFDSCultureMediumRecords; k++ {
		var got AuthorisationKind
		round(t, k, &got, k.String())
		assert.Equal(t, k, got)
	}
	for s := SettingHospital; s <= SettingLaboratory; s++ {
		var got Setting
		round(t, s, &got, s.String())
	}
	for a := AdministratorPhysician; a <= AdministratorPatient; a++ {
		var got Administrator
		round(t, a, &got, a.String())
	}
	var c UseClass
	err = c.UnmarshalText([]byte("spa"))
	var ee *EnumError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "use class", ee.Kind)
	assert.Contains(t, ee.Error(), "marketed_therapeutic", "the error lists the allowed spellings")
	_, err = ParseProvenance("")
	assert.Error(t, err, "an empty provenance is not a level")
	assert.Equal(t, "verdict(9)", Verdict(9).String())
	assert.True(t, AdministratorDentist.Prescriber())
	assert.False(t, AdministratorNurse.Prescriber())
	assert.Equal(t, "Indonesia", JurisdictionName("ID"))
	assert.Equal(t, "HOSP", JurisdictionName("HOSP"))
}

func TestWordMatching(t *testing.T) {
	tests := []struct {
		s, reason string
		want      bool
	}{
		{"validated NAT (qPCR)", "NAT as a word", true},
		{"alternative method", "nat inside a word is not NAT", false},
		{"nat", "the whole string", true},
		{"MTS-compatible", "bounded by a hyphen", true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, hasWord(tc.s, "nat", "mts"), tc.reason)
	}
	assert.True(t, containsFold("Use with a MicroNeedle roller", "needle"))
	assert.True(t, containsFold("줄기세포 앰플", "줄기세포"))
	assert.False(t, containsFold("culture medium", "stem cell"))
}

// TestNoErrorsWithoutUses: a jurisdiction the dossier has no uses in may
// class the product and explain, but reports no warning or error, so that
// a vendor's CI fails only for the markets it sells in.
func TestNoErrorsWithoutUses(t *testing.T) {
	d := seed(t)
	d.Product.Source.CellType = secretome.CellTypeESC
	d.Product.Source.Tissue = secretome.TissueEmbryonic
	d.Product.Source.Identity = nil
	d.Claims = append(d.Claims, Claim{Wording: "Stem cell regeneration with microneedles", Intent: secretome.IntentTherapeutic})
	d.AdvertisedToPublic = boolPtr(true)
	for i := range d.Uses {
		d.Uses[i].Jurisdiction = "TW"
	}
	rep, err := Assess(d, Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	for _, j := range rep.Jurisdictions {
		if j.Jurisdiction == "TW" || j.Jurisdiction == Baseline {
			continue
		}
		for _, f := range j.Findings {
			assert.Equal(t, secretome.SeverityInfo, f.Severity, "%s %s: %s", j.Jurisdiction, f.RuleID, f.Text())
		}
	}
}

// TestContextInferred: a rule marks the findings that apply its source to
// a product the source does not name as inferred; the mark lasts until the
// rule turns it off and never leaks into the next rule.
func TestContextInferred(t *testing.T) {
	set, err := NewRuleSet(
		hostRule("H-A", "ID", func(c *Context) {
			c.Report(secretome.SeverityInfo, "a.read", "what the source says")
			c.Inferred(true)
			c.Report(secretome.SeverityInfo, "a.inferred", "our reading")
			c.Inferred(false)
			c.Report(secretome.SeverityInfo, "a.read.again", "what the source says")
			c.Inferred(true) // left on at the end of the check
		}),
		hostRule("H-B", "ID", func(c *Context) { c.Report(secretome.SeverityInfo, "b.read", "what the source says") }),
	)
	require.NoError(t, err)
	a, err := NewAssessor(set, Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	rep, err := a.Assess(context.Background(), seed(t))
	require.NoError(t, err)
	want := map[string]Provenance{
		"a.read":       ProvenancePrimary,
		"a.inferred":   ProvenanceInferred,
		"a.read.again": ProvenancePrimary,
		"b.read":       ProvenancePrimary, // H-A's mark does not reach H-B
	}
	got := map[string]Provenance{}
	for _, f := range rep.Jurisdiction("ID").Findings {
		got[f.Path] = f.Provenance
	}
	assert.Equal(t, want, got)
}

// TestUnassessedUses: a use in a jurisdiction the assessor does not
// assess gets no legal verdict, and the report lists it instead of
// passing over it.
func TestUnassessedUses(t *testing.T) {
	tests := []struct {
		name, reason string
		juris        []string
		extra        []Use
		want         []int
	}{
		{"all assessed", "every seed use is Indonesian", nil, nil, nil},
		{"market without rules", "no shipped rule speaks for France",
			nil, []Use{use("FR", UseMarketedTherapeutic)}, []int{4}},
		{"market left out", "a US use is not judged when only Indonesia is assessed",
			[]string{"ID", Baseline}, []Use{use("US", UseClinicalTrial), use("ID", UseClinicalTrial)}, []int{4}},
		{"baseline only", "the quality baseline is no market's law",
			[]string{Baseline}, nil, []int{0, 1, 2, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := seed(t)
			d.Uses = append(d.Uses, tc.extra...)
			require.NoError(t, d.Validate())
			a, err := NewAssessor(Shipped(), Options{Jurisdictions: tc.juris, AsOf: secretome.MustParseDate("2026-11-26")})
			require.NoError(t, err)
			rep, err := a.Assess(context.Background(), d)
			require.NoError(t, err)
			assert.Equal(t, tc.want, rep.Unassessed, tc.reason)
			b, err := json.Marshal(rep)
			require.NoError(t, err)
			var generic map[string]any
			require.NoError(t, json.Unmarshal(b, &generic))
			_, present := generic["unassessed"]
			assert.Equal(t, len(tc.want) > 0, present, "unassessed appears in JSON only when some use was not assessed")
		})
	}
}
