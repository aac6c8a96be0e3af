package regulation

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// RuleInfo is what a rule is: its stable ID, what it says, where it
// applies, what it rests on and how sure it is.
type RuleInfo struct {
	// ID is the stable identifier, such as "US-1271-NOT-HCTP": upper-case
	// letters, digits and hyphens. IDs are part of the API; they never
	// change meaning.
	ID string `json:"id"`
	// Title says in a line what the rule checks.
	Title string `json:"title"`
	// Jurisdiction is the code the rule belongs to: "ID", "US", "EU",
	// "JP", "KR", "AU", "TW", "QUALITY", or a host's own code.
	Jurisdiction string `json:"jurisdiction"`
	// Citation is the instrument the rule rests on.
	Citation Citation `json:"citation"`
	// Provenance is how sure the rule is.
	Provenance Provenance `json:"provenance"`
	// Note says what is uncertain or unverified about the rule, and what
	// is known about when its facts were read.
	Note string `json:"note,omitempty"`
	// Revision identifies this version of the rule, so that a decision
	// can be traced to the rule as it stood. A rule that joins a RuleSet
	// without one gets a digest of its metadata ("sha256:" and 16 hex
	// digits); a shipped rule's check is identified by the library
	// version (see Audit), a policy rule's by its conditions, which its
	// revision covers.
	Revision string `json:"revision,omitempty"`
}

// Rule is a RuleInfo with the check that applies it. Host applications
// write their own rules (a formulary policy, house rules) as Rule values
// and add them to a RuleSet with With or Merge.
//
// Check is called once per assessment with a Context for the rule's
// jurisdiction. It reads the dossier through the Context and reports what
// it finds through the Context's methods; the Context fills in the rule's
// ID, jurisdiction, citation and provenance. Check must not keep the
// Context, must not modify the dossier, and must be safe to call from
// several goroutines at once (it is, if it only reads its arguments).
type Rule struct {
	// RuleInfo is the rule's metadata: ID, title, jurisdiction, citation,
	// provenance and note.
	RuleInfo
	// Check applies the rule to the dossier of c and reports through c;
	// it must not be nil.
	Check func(c *Context)
}

// RuleSet is an immutable collection of rules with unique IDs. Build one
// with NewRuleSet or Shipped, and extend it with With and Merge, which
// return new sets. A RuleSet is safe for concurrent use.
type RuleSet struct {
	rules []Rule // sorted by jurisdiction, then ID
}

// RuleError reports a rule that cannot join a RuleSet (a duplicate ID, or
// missing or malformed metadata), or, from Assessor.Assess, a rule whose
// Check reported what no finding can hold (a severity other than info,
// warning or error).
type RuleError struct {
	// ID is the rule's ID.
	ID string
	// Reason says what is wrong.
	Reason string
}

// Error renders the problem.
func (e *RuleError) Error() string {
	return fmt.Sprintf("regulation: rule %q: %s", e.ID, e.Reason)
}

// NewRuleSet returns a set holding the rules. It fails with a *RuleError
// when two rules share an ID or a rule lacks an ID, title, jurisdiction,
// instrument, valid provenance or check function.
func NewRuleSet(rules ...Rule) (*RuleSet, error) {
	return (&RuleSet{}).With(rules...)
}

// With returns a new set holding s's rules and the given ones. A rule
// whose ID is already in s, or appears twice among rules, is an error.
func (s *RuleSet) With(rules ...Rule) (*RuleSet, error) {
	out := &RuleSet{rules: make([]Rule, 0, len(s.rulesOrNil())+len(rules))}
	out.rules = append(out.rules, s.rulesOrNil()...)
	for _, r := range rules {
		if err := checkRule(&r); err != nil {
			return nil, err
		}
		if r.Revision == "" {
			r.Revision = metadataRevision(&r.RuleInfo)
		}
		out.rules = append(out.rules, r)
	}
	byID := slices.Clone(out.rules)
	slices.SortFunc(byID, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	for i := 1; i < len(byID); i++ {
		if byID[i].ID == byID[i-1].ID {
			return nil, &RuleError{ID: byID[i].ID, Reason: "duplicate rule ID"}
		}
	}
	slices.SortFunc(out.rules, compareRules)
	return out, nil
}

// Merge returns a new set holding the rules of s and of every other set.
// Duplicate IDs are an error.
func (s *RuleSet) Merge(others ...*RuleSet) (*RuleSet, error) {
	var all []Rule
	for _, o := range others {
		all = append(all, o.rulesOrNil()...)
	}
	return s.With(all...)
}

// Select returns a new set holding only the rules of the given
// jurisdictions. Unknown codes are an error.
func (s *RuleSet) Select(jurisdictions ...string) (*RuleSet, error) {
	have := s.Jurisdictions()
	for _, j := range jurisdictions {
		if !slices.Contains(have, j) {
			return nil, fmt.Errorf("regulation: no rules for jurisdiction %q (have %s)", j, strings.Join(have, ", "))
		}
	}
	out := &RuleSet{}
	for _, r := range s.rulesOrNil() {
		if slices.Contains(jurisdictions, r.Jurisdiction) {
			out.rules = append(out.rules, r)
		}
	}
	return out, nil
}

// Len returns the number of rules.
func (s *RuleSet) Len() int { return len(s.rulesOrNil()) }

// Rules returns the metadata of every rule, sorted by jurisdiction, then ID.
func (s *RuleSet) Rules() []RuleInfo {
	out := make([]RuleInfo, len(s.rulesOrNil()))
	for i, r := range s.rulesOrNil() {
		out[i] = r.RuleInfo
	}
	return out
}

// Rule returns the metadata of the rule with the ID.
func (s *RuleSet) Rule(id string) (RuleInfo, bool) {
	for _, r := range s.rulesOrNil() {
		if r.ID == id {
			return r.RuleInfo, true
		}
	}
	return RuleInfo{}, false
}

// Jurisdictions returns the codes that have at least one rule, sorted.
func (s *RuleSet) Jurisdictions() []string {
	var out []string
	for _, r := range s.rulesOrNil() {
		if len(out) == 0 || out[len(out)-1] != r.Jurisdiction {
			out = append(out, r.Jurisdiction)
		}
	}
	return out
}

func (s *RuleSet) rulesOrNil() []Rule {
	if s == nil {
		return nil
	}
	return s.rules
}

func compareRules(a, b Rule) int {
	return cmp.Or(cmp.Compare(a.Jurisdiction, b.Jurisdiction), cmp.Compare(a.ID, b.ID))
}

func checkRule(r *Rule) error {
	bad := func(reason string) error { return &RuleError{ID: r.ID, Reason: reason} }
	switch {
	case !validCode(r.ID, 64):
		return bad("ID must be 1-64 upper-case letters, digits and hyphens")
	case !validCode(r.Jurisdiction, 16):
		return bad("jurisdiction must be 1-16 upper-case letters, digits and hyphens")
	case strings.TrimSpace(r.Title) == "":
		return bad("title is empty")
	case strings.TrimSpace(r.Citation.Instrument) == "":
		return bad("citation instrument is empty")
	case !r.Provenance.Valid():
		return bad("provenance must be primary, secondary or inferred")
	case r.Check == nil:
		return bad("check function is nil")
	case !r.Citation.EffectiveFrom.IsZero() && !r.Citation.EffectiveTo.IsZero() &&
		!r.Citation.EffectiveFrom.Before(r.Citation.EffectiveTo):
		return bad("citation takes effect on or after the day it ends")
	}
	return nil
}

// validCode reports whether s is 1 to max upper-case ASCII letters, digits
// and hyphens, starting with a letter.
func validCode(s string, max int) bool {
	if s == "" || len(s) > max || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// jurisdictionNames names the shipped jurisdictions; other codes are
// named by their code. It is immutable.
var jurisdictionNames = map[string]string{
	"AU":      "Australia",
	"EU":      "European Union",
	"HOUSE":   "House rules (every jurisdiction)",
	"ID":      "Indonesia",
	"JP":      "Japan",
	"KR":      "South Korea",
	"QUALITY": "Quality baseline (every jurisdiction)",
	"TW":      "Taiwan",
	"US":      "United States",
}

// JurisdictionName returns the English name of a shipped jurisdiction
// code, or the code itself for any other.
func JurisdictionName(code string) string {
	if n, ok := jurisdictionNames[code]; ok {
		return n
	}
	return code
}
