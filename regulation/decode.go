package regulation

import (
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// Problem codes of dossier validation, beside the shared codes of package
// secretome.
const (
	// CodeReference: an ID refers to nothing in the dossier (a claim's
	// study, a use's indication).
	CodeReference secretome.Code = "reference"
	// CodeJurisdiction: a jurisdiction or country code that is not an
	// ISO 3166-1 alpha-2 code, "EU", or a code the host registered; the
	// message suggests the code most likely meant ("USA": did you mean
	// "US"?).
	CodeJurisdiction secretome.Code = "jurisdiction"
)

// ValidateOptions configures Dossier.ValidateWith and CheckWith. The zero
// value accepts the jurisdiction codes every dossier may use: ISO 3166-1
// alpha-2 country codes and "EU".
type ValidateOptions struct {
	// Jurisdictions lists the codes a host registered beside ISO 3166-1
	// alpha-2 and "EU": the jurisdictions of its own rules, such as a
	// province ("ID-JB") or a house policy ("ACME"). Each must be 1-16
	// upper-case letters, digits and hyphens, starting with a letter. The
	// quality baseline's code ("QUALITY") is never a jurisdiction of use.
	Jurisdictions []string
}

// accepts reports whether code is a jurisdiction the options allow.
func (o *ValidateOptions) accepts(code string) bool {
	if IsJurisdiction(code) {
		return true
	}
	if code == Baseline || !validCode(code, 16) {
		return false
	}
	for _, j := range o.Jurisdictions {
		if j == code {
			return true
		}
	}
	return false
}

// MaxDossierBytes is the largest JSON document DecodeDossier accepts.
const MaxDossierBytes = strictjson.DefaultMaxBytes

// dossierDecoder knows how to decode every type of a dossier; prepared
// once, it is never changed.
var dossierDecoder = strictjson.NewDecoder[Dossier](strictjson.Options{MaxBytes: MaxDossierBytes})

// DecodeDossier reads a dossier from JSON strictly and validates it.
//
// Decoding rejects unknown fields, values of the wrong type, unknown enum
// spellings, malformed numbers and dates, duplicate fields, trailing data
// and documents larger than MaxDossierBytes. Every problem comes back at
// once in a *secretome.ValidationError, each with its field path (such as
// "uses[1].class" or "product.source.tissue"), a stable code, and its line
// and column in data. When decoding fails the dossier
// is nil; when only validation fails, the decoded dossier is returned
// beside the error.
func DecodeDossier(data []byte) (*Dossier, error) {
	d, ps := decodeDossier(data)
	if ps.Err() == nil {
		return d, nil
	}
	list := ps.List()
	if d != nil {
		secretome.LocateProblems(data, list)
	}
	return d, &secretome.ValidationError{Problems: list}
}

// DecodeDossierChecked decodes and validates a dossier as DecodeDossier
// does, and returns every problem, warnings included (those of Check),
// sorted and each with its line and column in data, in one decoding pass
// and one validation. The dossier is nil when decoding fails; when only
// validation finds errors, it is returned beside them. The Locator places
// any other field path of the dossier, such as those of an assessment's
// findings, from positions noted while decoding, without reading data
// again; it is nil when the dossier is. It is for callers that show
// warnings and findings with their lines, such as a command that checks
// dossiers.
func DecodeDossierChecked(data []byte) (*Dossier, []secretome.Problem, *Locator) {
	return decodeChecked(data, &ValidateOptions{})
}

// decodeChecked is DecodeDossierChecked with validation options.
func decodeChecked(data []byte, opts *ValidateOptions) (*Dossier, []secretome.Problem, *Locator) {
	d, list, loc, unread := readChecked(data, opts)
	if unread != nil {
		return nil, list, nil
	}
	return d, list, loc
}

// readChecked decodes and validates a dossier as decodeChecked does, but
// also returns a dossier that decoded only in part: one whose problems
// are all of single values (an unknown spelling, a wrong type, an unknown
// or repeated field), each left at its zero value. unread then lists the
// paths of those problems (nil when decoding found none), and validation
// problems at or below them are left out: they would judge the zero value
// the decoder left, not the document, whose own problem is listed. The
// dossier is nil when decoding stopped short (a syntax error, a document
// too large, problems past the listing limit).
func readChecked(data []byte, opts *ValidateOptions) (*Dossier, []secretome.Problem, *Locator, []string) {
	var ps secretome.Problems
	var d Dossier
	issues, index := dossierDecoder.DecodeIndexed(data, &d)
	var unread []string
	if len(issues) > 0 {
		appendIssues(&ps, issues)
		unread = make([]string, 0, len(issues))
		for i := range issues {
			if issues[i].Fatal() || issues[i].Path == "" {
				// Nothing was read: the document is not an object.
				return nil, ps.List(), nil, unread
			}
			if issues[i].Code != strictjson.CodeUnknownField {
				unread = append(unread, issues[i].Path)
			}
		}
		var vs secretome.Problems
		d.check(&vs, opts)
		for _, p := range vs.List() {
			if !slices.ContainsFunc(unread, func(u string) bool { return onPath(p.Path, u) }) {
				ps.Append(p)
			}
		}
	} else {
		d.check(&ps, opts)
	}
	list := ps.List()
	loc := &Locator{index: index}
	if index == nil {
		loc.data = data
	}
	paths := make([]string, len(list))
	for i := range list {
		paths[i] = list[i].Path
	}
	for i, at := range loc.Locate(paths) {
		if list[i].Line == 0 {
			list[i].Line, list[i].Column = at.Line, at.Column
		}
	}
	return &d, list, loc, unread
}

// onPath reports whether the field path p is anc or lies below it ("" is
// the whole dossier).
func onPath(p, anc string) bool {
	if anc == "" || p == anc {
		return true
	}
	return len(p) > len(anc) && strings.HasPrefix(p, anc) && (p[len(anc)] == '.' || p[len(anc)] == '[')
}

// Locator places field paths in the JSON document a dossier was decoded
// from.
type Locator struct {
	index *strictjson.Index
	data  []byte // the document, when it could not be indexed
}

// Position is a place in a document: a 1-based line, and a 1-based
// column counted in characters.
type Position struct{ Line, Column int }

// Locate returns, for each path (such as "uses[1].class"), the position
// of the value at the path, or of the nearest enclosing value that exists
// when the path does not.
func (l *Locator) Locate(paths []string) []Position {
	var locs []strictjson.Location
	if l.index != nil {
		locs = l.index.Locate(paths)
	} else {
		locs = strictjson.LocateAll(l.data, paths)
	}
	out := make([]Position, len(locs))
	for i, at := range locs {
		out[i] = Position{Line: at.Line, Column: at.Column}
	}
	return out
}

// decodeDossier decodes data and, when that succeeds, validates the
// dossier. Decoding problems carry their lines already; validation
// problems do not.
func decodeDossier(data []byte) (*Dossier, *secretome.Problems) {
	var ps secretome.Problems
	var d Dossier
	if issues := dossierDecoder.Decode(data, &d); len(issues) > 0 {
		appendIssues(&ps, issues)
		return nil, &ps
	}
	d.check(&ps, &ValidateOptions{})
	return &d, &ps
}

// appendIssues records decoding issues as problems of severity error.
func appendIssues(ps *secretome.Problems, issues []strictjson.Issue) {
	for _, is := range issues {
		ps.Append(secretome.Problem{Path: is.Path, Code: secretome.Code(is.Code), Severity: secretome.SeverityError,
			Message: is.Message, Text: is.Text, Line: is.Line, Column: is.Column})
	}
}

// Validate checks the dossier's structure and returns a
// *secretome.ValidationError holding every problem when at least one is an
// error. It validates the product (paths below "product") and each study
// (paths below "studies[i]"), requires the fields each part needs, checks
// that dates are ordered (valid_from not after valid_until), that
// jurisdiction codes are well formed, that study IDs are unique, and that
// every reference resolves: claims cite studies of the dossier, and uses,
// claims and authorisations name indications of the product.
//
// Validation judges the document, not the law: a dossier can be valid and
// still break every rule of a jurisdiction.
func (d *Dossier) Validate() error { return d.ValidateWith(ValidateOptions{}) }

// ValidateWith is Validate with options: the jurisdiction codes a host
// registered are accepted beside ISO 3166-1 alpha-2 and "EU".
func (d *Dossier) ValidateWith(opts ValidateOptions) error {
	var ps secretome.Problems
	d.check(&ps, &opts)
	return ps.Err()
}

// Check returns every problem Validate would consider, warnings included,
// sorted by path.
func (d *Dossier) Check() []secretome.Problem { return d.CheckWith(ValidateOptions{}) }

// CheckWith is Check with options, as ValidateWith.
func (d *Dossier) CheckWith(opts ValidateOptions) []secretome.Problem {
	var ps secretome.Problems
	d.check(&ps, &opts)
	return ps.List()
}

type dossierChecker struct {
	ps   *secretome.Problems
	d    *Dossier
	opts *ValidateOptions
}

// add records a problem whose message is the catalogue's text key with
// args (package message).
func (c dossierChecker) add(p *fieldpath.Path, sev secretome.Severity, code secretome.Code, key string, args ...message.Arg) {
	c.ps.AddText(p.String(), sev, code, message.New(key, args...))
}

// quoted is the argument of a value shown in quotes, as %q prints it.
func quoted(s string) message.Arg { return message.Text(strconv.Quote(s)) }

func (c dossierChecker) required(p *fieldpath.Path, field, value string) {
	if strings.TrimSpace(value) == "" {
		f := p.Field(field)
		c.add(&f, secretome.SeverityError, secretome.CodeRequired, "problem.required", message.Text(field))
	}
}

// jurisdiction checks a jurisdiction code: required, and ISO 3166-1
// alpha-2, "EU" or registered by the host (countryOnly: ISO 3166-1 alpha-2
// alone, for the seat of a maker or site).
func (c dossierChecker) jurisdiction(p *fieldpath.Path, field, value string, countryOnly bool) {
	f := p.Field(field)
	c.jurisdictionAt(&f, field, value, countryOnly)
}

// jurisdictionAt is jurisdiction for the value at f, called label in
// messages.
func (c dossierChecker) jurisdictionAt(f *fieldpath.Path, field, value string, countryOnly bool) {
	ok := IsCountry(value)
	if !countryOnly {
		ok = c.opts.accepts(value)
	}
	switch {
	case value == "":
		c.add(f, secretome.SeverityError, secretome.CodeRequired, "problem.required", message.Text(field))
	case ok:
	default:
		want := message.New("problem.jurisdiction.country")
		if !countryOnly {
			want = message.New("problem.jurisdiction.eu")
			if len(c.opts.Jurisdictions) > 0 {
				want = message.New("problem.jurisdiction.registered", message.Text(strings.Join(c.opts.Jurisdictions, ", ")))
			}
		}
		var hint message.Message
		if s := SuggestJurisdiction(value); s != "" && (!countryOnly || IsCountry(s)) {
			hint = message.New("problem.did_you_mean", quoted(s))
		}
		c.add(f, secretome.SeverityError, CodeJurisdiction, "problem.jurisdiction", message.Text(field), quoted(value), want, hint)
	}
}

func (c dossierChecker) dates(p *fieldpath.Path, from, until secretome.Date) {
	if !from.IsZero() && !until.IsZero() && until.Before(from) {
		f := p.Field("valid_until")
		c.add(&f, secretome.SeverityError, secretome.CodeInconsistent, "problem.valid_until", message.Text(until.String()), message.Text(from.String()))
	}
}

func (c dossierChecker) indications(p *fieldpath.Path, ids []string) {
	for i, id := range ids {
		if c.d.Product.Indication(id) == nil {
			f := p.Index(i)
			c.add(&f, secretome.SeverityError, CodeReference, "problem.indication.unknown", quoted(id))
		}
	}
}

func (d *Dossier) check(ps *secretome.Problems, opts *ValidateOptions) {
	c := dossierChecker{ps: ps, d: d, opts: opts}
	root := fieldpath.Root()
	if d.Format != "" && !slices.Contains(Formats(), d.Format) {
		f := root.Field("format")
		c.add(&f, secretome.SeverityError, secretome.CodeFormat, "problem.dossier_format", quoted(d.Format), message.Text(strings.Join(Formats(), ", ")))
	}
	// A batch that fails its release specification is no fault of the
	// document: the quality baseline reports it as an error finding
	// (QUALITY-BATCH-RELEASE) naming the test, and the dossier is still
	// assessed.
	var prod secretome.Problems
	d.Product.CheckInto(&prod, "product")
	kept := prod.List()
	kept = slices.DeleteFunc(kept, func(pr secretome.Problem) bool { return pr.Code == secretome.CodeBatchDeviation })
	ps.Append(kept...)

	m := root.Field("manufacturer")
	c.required(&m, "name", d.Manufacturer.Name)
	if d.Manufacturer.Country != "" {
		c.jurisdiction(&m, "country", d.Manufacturer.Country, true)
	}
	sites := m.Field("sites")
	for i := range d.Manufacturer.Sites {
		s := &d.Manufacturer.Sites[i]
		sp := sites.Index(i)
		c.required(&sp, "name", s.Name)
		if s.Country != "" {
			c.jurisdiction(&sp, "country", s.Country, true)
		}
		gp := sp.Field("gmp")
		if s.GMPStatus == secretome.NotHeld && len(s.GMP) > 0 {
			f := sp.Field("gmp_status")
			c.add(&f, secretome.SeverityError, secretome.CodeInconsistent, "problem.gmp_status", message.Int(len(s.GMP)))
		}
		for k := range s.GMP {
			g := &s.GMP[k]
			p := gp.Index(k)
			c.required(&p, "authority", g.Authority)
			c.required(&p, "number", g.Number)
			c.jurisdiction(&p, "jurisdiction", g.Jurisdiction, false)
			c.dates(&p, g.ValidFrom, g.ValidUntil)
		}
	}

	ap := root.Field("authorisations")
	for i := range d.Authorisations {
		a := &d.Authorisations[i]
		p := ap.Index(i)
		if a.Kind == AuthorisationUnspecified {
			f := p.Field("kind")
			c.add(&f, secretome.SeverityError, secretome.CodeRequired, "problem.required_one_of", message.Text("kind"), message.Text(strings.Join(authorisationNames.Values(), ", ")))
		}
		if a.Status != StatusNotHeld {
			c.required(&p, "number", a.Number)
		}
		c.jurisdiction(&p, "jurisdiction", a.Jurisdiction, false)
		c.dates(&p, a.ValidFrom, a.ValidUntil)
		ip := p.Field("indications")
		c.indications(&ip, a.Indications)
		if a.Kind == AuthHospitalDesignation && a.Facility == "" && a.Status != StatusNotHeld {
			f := p.Field("facility")
			c.add(&f, secretome.SeverityWarning, secretome.CodeRequired, "problem.designation.facility")
		}
	}

	up := root.Field("uses")
	if len(d.Uses) == 0 {
		c.add(&up, secretome.SeverityError, secretome.CodeRequired, "problem.uses.none")
	}
	for i := range d.Uses {
		u := &d.Uses[i]
		p := up.Index(i)
		c.jurisdiction(&p, "jurisdiction", u.Jurisdiction, false)
		if u.Class == UseClassUnspecified {
			f := p.Field("class")
			c.add(&f, secretome.SeverityError, secretome.CodeRequired, "problem.required_one_of", message.Text("class"), message.Text(strings.Join(useClassNames.Values(), ", ")))
		}
		ip := p.Field("indications")
		c.indications(&ip, u.Indications)
		if u.Class.Clinical() || u.Class == UseCosmetic {
			if len(u.Indications) == 0 {
				c.add(&ip, secretome.SeverityWarning, secretome.CodeRequired, "problem.use.indications", message.Text(u.Class.String()))
			}
			if u.Setting == SettingUnspecified {
				f := p.Field("setting")
				c.add(&f, secretome.SeverityWarning, secretome.CodeRequired, "problem.use.setting", message.Text(u.Class.String()))
			}
		}
	}

	studyIDs := make(map[string]int, len(d.Studies))
	sp := root.Field("studies")
	for i := range d.Studies {
		s := &d.Studies[i]
		p := sp.Index(i)
		if sps := s.Check(); len(sps) > 0 {
			base := p.String()
			for k := range sps {
				sps[k].Path = fieldpath.Join(base, sps[k].Path)
			}
			ps.Append(sps...)
		}
		if j, dup := studyIDs[s.ID]; dup && s.ID != "" {
			f := p.Field("id")
			c.add(&f, secretome.SeverityError, secretome.CodeDuplicate, "problem.study.twice", quoted(s.ID), message.Int(j))
		} else {
			studyIDs[s.ID] = i
		}
	}

	cp := root.Field("claims")
	for i := range d.Claims {
		cl := &d.Claims[i]
		p := cp.Index(i)
		c.required(&p, "wording", cl.Wording)
		if cl.Indication != "" && d.Product.Indication(cl.Indication) == nil {
			f := p.Field("indication")
			c.add(&f, secretome.SeverityError, CodeReference, "problem.indication.unknown", quoted(cl.Indication))
		}
		mp := p.Field("markets")
		for k, m := range cl.Markets {
			f := mp.Index(k)
			c.jurisdictionAt(&f, "market", m, false)
		}
		stp := p.Field("studies")
		for k, id := range cl.Studies {
			if _, ok := studyIDs[id]; !ok {
				f := stp.Index(k)
				c.add(&f, secretome.SeverityError, CodeReference, "problem.study.unknown", quoted(id))
			}
		}
	}
}
