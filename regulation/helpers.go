package regulation

import (
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// useFields are the fields of a use that rules point at; usePaths holds
// their rendered paths for the first uses so that reporting a finding
// does not allocate. Both are immutable.
var useFields = [...]string{"", "class", "setting", "administrator", "route", "indications", "facility", "jurisdiction", "licence_to_treat", "advertised_to_public"}

const pathTableSize = 16

var usePaths = func() (t [pathTableSize][len(useFields)]string) {
	for i := range t {
		for k, f := range useFields {
			t[i][k] = joinField("uses["+strconv.Itoa(i)+"]", f)
		}
	}
	return t
}()

var claimPaths = func() (t [pathTableSize]string) {
	for i := range t {
		t[i] = "claims[" + strconv.Itoa(i) + "]"
	}
	return t
}()

var authPaths = func() (t [pathTableSize]string) {
	for i := range t {
		t[i] = "authorisations[" + strconv.Itoa(i) + "]"
	}
	return t
}()

// authPath returns "authorisations[i]", or "authorisations" when i < 0.
func authPath(i int) string {
	switch {
	case i < 0:
		return "authorisations"
	case i < pathTableSize:
		return authPaths[i]
	}
	return "authorisations[" + strconv.Itoa(i) + "]"
}

func joinField(base, f string) string {
	if f == "" {
		return base
	}
	return base + "." + f
}

// usePath returns "uses[i].field" ("uses[i]" for field "").
func usePath(i int, field string) string {
	for k, f := range useFields {
		if f == field && i >= 0 && i < pathTableSize {
			return usePaths[i][k]
		}
	}
	return joinField("uses["+strconv.Itoa(i)+"]", field)
}

// claimPath returns "claims[i]".
func claimPath(i int) string {
	if i >= 0 && i < pathTableSize {
		return claimPaths[i]
	}
	return "claims[" + strconv.Itoa(i) + "]"
}

// needle reports whether a route delivers through a needle or microneedle.
func needle(r secretome.Route) bool { return r.Parenteral() || r == secretome.RouteMicroneedling }

// anyRoute reports whether some route of the use satisfies f.
func anyRoute(d *Dossier, u *Use, f func(secretome.Route) bool) bool {
	if u.Route != secretome.RouteUnspecified {
		return f(u.Route)
	}
	for _, r := range d.Product.Formulation.Routes {
		if f(r) {
			return true
		}
	}
	return false
}

// authResult is what a search for an authorisation found.
type authResult uint8

const (
	authNone      authResult = iota // no authorisation of the kind in the jurisdiction
	authNotHeld                     // the dossier states that none is held
	authRevoked                     // present, but revoked
	authSuspended                   // present, but suspended
	authApplied                     // applied for, not granted
	authExpired                     // present, but not valid on the as-of date
	authUncovered                   // valid, but does not cover an indication of the use
	authFacility                    // valid, but for another facility
	authUnnamed                     // valid, but the use or the authorisation names no facility
	authOK
)

// findAuth looks for an authorisation of the kind, granted in the
// jurisdiction, valid on the as-of date, covering every indication of the
// use (when u is not nil) and, when facility is true, naming the use's
// facility. A facility authorisation (a designation, a treatment plan)
// concerns one facility, so when facility is true and the use or the
// authorisation names none, the result is authUnnamed: it is not shown
// that the authorisation is for the place of the use. It returns the best
// result found and its index.
func findAuth(c *Context, kind AuthorisationKind, u *Use, facility bool) (authResult, int) {
	best, at := authNone, -1
	for i := range c.d.Authorisations {
		a := &c.d.Authorisations[i]
		if !kindMatches(a.Kind, kind) || a.Jurisdiction != c.code {
			continue
		}
		r := authOK
		switch {
		case a.Status == StatusNotHeld:
			r = authNotHeld
		case a.Status == StatusRevoked:
			r = authRevoked
		case a.Status == StatusSuspended:
			r = authSuspended
		case a.Status == StatusApplied:
			r = authApplied
		case !a.ValidOn(c.asOf):
			r = authExpired
		case u != nil && !coversAll(a, u.Indications):
			r = authUncovered
		case facility && u != nil && u.Facility != "" && a.Facility != "" && !strings.EqualFold(u.Facility, a.Facility):
			r = authFacility
		case facility && u != nil && (u.Facility == "" || a.Facility == ""):
			r = authUnnamed
		}
		if r > best {
			best, at = r, i
		}
	}
	return best, at
}

// kindMatches reports whether an authorisation of kind have answers a
// search for kind want: the same kind, or a conditional approval where a
// marketing authorisation is sought (a conditional marketing
// authorisation is one, time-limited).
func kindMatches(have, want AuthorisationKind) bool {
	return have == want || want == AuthMarketingAuthorisation && have == AuthConditionalApproval
}

// notStated reports whether a search result leaves the authorisation not
// stated: none listed, so that a rule can ask for it as a condition; a
// stated absence, a revocation or a suspension closes the route instead.
func (r authResult) notStated() bool { return r == authNone }

func coversAll(a *Authorisation, indications []string) bool {
	for _, id := range indications {
		if !a.Covers(id) {
			return false
		}
	}
	return true
}

// authProblem explains a failed authorisation search in a few words;
// what names the authorisation, at is the index of the authorisation
// found and u the use (nil when the search was not for a use), which name
// the facilities of a mismatch.
func (c *Context) authProblem(r authResult, at int, u *Use, what message.Arg) message.Message {
	switch r {
	case authNotHeld:
		return message.New("auth.not_held", what)
	case authRevoked:
		return message.New("auth.revoked", what)
	case authSuspended:
		return message.New("auth.suspended", what)
	case authApplied:
		return message.New("auth.applied", what)
	case authExpired:
		return message.New("auth.expired", what)
	case authUncovered:
		return message.New("auth.uncovered", what)
	case authFacility:
		if at >= 0 && u != nil {
			return message.New("auth.facility_named", what, message.Text(c.d.Authorisations[at].Facility), message.Text(u.Facility))
		}
		return message.New("auth.facility", what)
	case authUnnamed:
		return message.New("auth.unnamed", what)
	}
	return message.New("auth.none", what)
}

// gmpIn says whether the product is made under GMP of the jurisdiction:
// Held when some site holds a certificate of the jurisdiction valid on
// the as-of date; NotHeld when the dossier states that no site holds one
// (every site says gmp_status not_held); HoldingNotStated otherwise.
func gmpIn(c *Context) secretome.Holding {
	sites := c.d.Manufacturer.Sites
	none := len(sites) > 0
	for i := range sites {
		s := &sites[i]
		for k := range s.GMP {
			if s.GMP[k].Jurisdiction == c.code && s.GMP[k].ValidOn(c.asOf) {
				return secretome.Held
			}
		}
		if s.GMPStatus != secretome.NotHeld {
			none = false
		}
	}
	if none {
		return secretome.NotHeld
	}
	return secretome.HoldingNotStated
}

// reportClaim reports a finding about claim k against every use of the
// jurisdiction the claim reaches (Dossier.ClaimReaches) other than
// laboratory research, which no claim is made to, so that each finding
// names its use; or about the product when the claim reaches no such use
// there (a claim made in a market where the dossier has no use).
func (c *Context) reportClaim(k int, sev secretome.Severity, msg message.Message) {
	cl := &c.d.Claims[k]
	reached := false
	for _, i := range c.uses {
		if u := &c.d.Uses[i]; u.Class != UseResearch && c.d.ClaimReaches(cl, u) {
			reached = true
			c.add(i, sev, claimPath(k), msg)
		}
	}
	if !reached {
		c.add(-1, sev, claimPath(k), msg)
	}
}

// advertisingPath returns the field that says the product is advertised
// in the market, for a finding about use i: a claim made there on a
// public channel, the use's own flag, another use's flag, or the
// dossier's.
func advertisingPath(d *Dossier, market string, i int) string {
	for k := range d.Claims {
		if cl := &d.Claims[k]; cl.Public() && cl.Reaches(market) {
			return claimPath(k) + ".channels"
		}
	}
	if d.Uses[i].AdvertisedToPublic != nil {
		return usePath(i, "advertised_to_public")
	}
	for j := range d.Uses {
		if d.Uses[j].Jurisdiction == market && d.Uses[j].AdvertisedToPublic != nil {
			return usePath(j, "advertised_to_public")
		}
	}
	return "advertised_to_public"
}

// claimHere reports whether claim k is made in the jurisdiction being
// assessed; for the quality baseline, every claim is.
func (c *Context) claimHere(k int) bool {
	return c.code == Baseline || c.d.Claims[k].Reaches(c.code)
}

// claimIntent returns the claim's intent, or its indication's.
func claimIntent(d *Dossier, cl *Claim) secretome.Intent {
	if cl.Intent != secretome.IntentUnspecified {
		return cl.Intent
	}
	if ind := d.Product.Indication(cl.Indication); ind != nil {
		return ind.Intent
	}
	return secretome.IntentUnspecified
}

// cosmeticIntent reports whether any indication of the use is cosmetic.
func cosmeticIntent(d *Dossier, u *Use) bool {
	for _, id := range u.Indications {
		if ind := d.Product.Indication(id); ind != nil && ind.Intent == secretome.IntentCosmetic {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains any of the words, ignoring
// ASCII case, without allocating. Words outside ASCII match exactly.
func containsFold(s string, words ...string) bool {
	for _, w := range words {
		if w == "" {
			continue
		}
		first := lowerASCII(w[0])
		for i := 0; i+len(w) <= len(s); i++ {
			if lowerASCII(s[i]) == first && equalFoldASCII(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether s contains any of the words as a whole word
// (bounded by non-letters and non-digits), ignoring ASCII case.
func hasWord(s string, words ...string) bool {
	for _, w := range words {
		for i := 0; i+len(w) <= len(s); i++ {
			if equalFoldASCII(s[i:i+len(w)], w) && (i == 0 || !alnum(s[i-1])) && (i+len(w) == len(s) || !alnum(s[i+len(w)])) {
				return true
			}
		}
	}
	return false
}

func alnum(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' }

func lowerASCII(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

// use returns the use at index i.
func (c *Context) use(i int) *Use { return &c.d.Uses[i] }

// date parses a date written in the rule tables.
func date(s string) secretome.Date { return secretome.MustParseDate(s) }

// authFix returns the path a person would fix after a failed search for
// an authorisation for use i: the use's facility when the authorisation
// names another facility or the use names none, the authorisation found
// when it is out of date, does not cover the use or names no facility,
// and the list of authorisations when there is none.
func authFix(r authResult, at, i int, u *Use) string {
	switch {
	case r == authFacility, r == authUnnamed && u.Facility == "":
		return usePath(i, "facility")
	case r == authNone || at < 0:
		return "authorisations"
	}
	return authPath(at)
}

// inferUnlessVesicles marks the findings that follow as inferred unless
// the product is a human-derived extracellular-vesicle product: for rules
// whose source speaks of (human) exosome products, applying them to a
// whole secretome, a conditioned medium or a product of another species is
// our reading.
func inferUnlessVesicles(c *Context) {
	p := &c.Dossier().Product
	c.Inferred(!p.Derivative.Type.VesicleProduct() || !p.HumanDerived())
}

// gatewayPath returns the path of a finding that a use lacks its gateway
// authorisation (a marketing authorisation, an IND, a trial
// authorisation): the use's class when the dossier holds none, otherwise
// the authorisation that fails (authFix).
func gatewayPath(r authResult, at, i int, u *Use) string {
	if r == authNone || at < 0 {
		return usePath(i, "class")
	}
	return authFix(r, at, i, u)
}

// gatewayUses gives each use of the class the verdict of one gateway
// authorisation: permitted, with the message permit, when a valid
// authorisation of the kind covers the use, and prohibited otherwise, with
// the message rule followed by what is wrong with the authorisation (what
// names it) and suffix.
func gatewayUses(c *Context, class UseClass, kind AuthorisationKind, rule message.Message, what message.Arg, permit, suffix message.Message) {
	for _, i := range c.Uses() {
		u := c.use(i)
		if u.Class != class {
			continue
		}
		r, at := findAuth(c, kind, u, false)
		if r != authOK {
			c.ProhibitText(i, gatewayPath(r, at, i, u), message.New("auth.gateway", rule, c.authProblem(r, at, u, what), suffix))
			continue
		}
		c.PermitText(i, authPath(at), permit)
	}
}

// marketedCheck returns a check that permits marketed uses holding a valid
// authorisation of the kind and prohibits the others.
func marketedCheck(kind AuthorisationKind, rule message.Message, what message.Arg) func(*Context) {
	permit := message.New("auth.holds", what)
	return func(c *Context) { gatewayUses(c, UseMarketedTherapeutic, kind, rule, what, permit, message.Message{}) }
}
