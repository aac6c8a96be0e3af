package fhir

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/internal/strictjson"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// MaxBundleBytes is the largest Bundle Import accepts.
const MaxBundleBytes = strictjson.DefaultMaxBytes

// Import reads a FHIR R5 Bundle written by Export back into a dossier.
//
// Decoding is strict: an element the mapping does not read, a resource
// type that is not part of a dossier, a code from an unexpected system, a
// malformed number, unit or date is a problem. Every problem comes back at
// once in a *secretome.ValidationError, each with its path in the Bundle
// ("entry[3].resource.substance.strength[0].concentrationQuantity.code"),
// a code and its line. The fields carried in ExtensionDossierField
// extensions are restored, and the dossier is then decoded and validated
// as regulation.DecodeDossier does: when only validation fails, the
// dossier is returned beside the error, whose paths are then dossier
// paths.
//
// What Export derives from the dossier is checked, not read, so that
// nothing the Bundle says is dropped in silence:
//
//   - each Evidence is compared, element by element, with the Evidence
//     the imported studies give (their summary of findings, GRADE with
//     the default options): its overall certainty rating, each GRADE
//     domain's rating and reason, the studies it derives from (by the
//     study each Citation holds, so a server may rewrite fullUrls), its
//     title, description and variables; an Evidence too many or too few
//     is reported too;
//   - each classification of a PackagedProductDefinition
//     .legalStatusOfSupply (see Options.Assessment) is compared with what
//     the shipped rules in force on its assessed-on day make of the
//     imported dossier.
//
// Each difference is a problem (code inconsistent) with its Bundle path
// and line, returned with the dossier.
func Import(data []byte) (*regulation.Dossier, error) {
	d, ps, rd := read(data)
	if len(ps) > 0 {
		secretome.LocateProblems(data, ps)
		secretome.SortProblems(ps)
		return nil, &secretome.ValidationError{Problems: ps}
	}
	tree, err := dossierTree(d)
	if err != nil {
		return nil, err
	}
	for _, p := range rd.patches {
		if tree, err = p.apply(tree); err != nil {
			return nil, err
		}
	}
	js, err := json.Marshal(tree)
	if err != nil {
		return nil, fmt.Errorf("fhir: %w", err)
	}
	d, err = regulation.DecodeDossier(js)
	if d == nil {
		return nil, err
	}
	// What Export derives from the dossier is checked, not read.
	derived := append(checkClassifications(d, rd.legal), checkEvidence(d, rd.evidence, rd.citations)...)
	if len(derived) == 0 {
		return d, err
	}
	secretome.LocateProblems(data, derived)
	var all []secretome.Problem
	if err != nil {
		ve, ok := secretome.AsValidationError(err)
		if !ok {
			return d, err
		}
		all = append(all, ve.Problems...)
	}
	secretome.SortProblems(derived)
	return d, &secretome.ValidationError{Problems: append(all, derived...)}
}

// readBundle reads the standard elements of a Bundle, without restoring
// the carried fields.
func readBundle(data []byte) (*regulation.Dossier, error) {
	d, ps, _ := read(data)
	if len(ps) > 0 {
		return nil, &secretome.ValidationError{Problems: ps}
	}
	return d, nil
}

type reader struct {
	ps      []secretome.Problem
	path    string
	d       regulation.Dossier
	patches []patch
	// legal holds the classifications of legalStatusOfSupply, which
	// Import checks against the rules.
	legal []classification
	// repeats holds what other product resources repeat from the product.
	repeats []repeat
	// evidence holds the Evidence resources, which Import checks against
	// the studies; citations maps each Citation's fullUrl to its study ID.
	evidence  []evidenceRead
	citations map[string]string
	// indication IDs by fullUrl, for authorisations that refer to them.
	indications map[string]string
}

func (r *reader) problem(path string, code secretome.Code, msg message.Message) {
	if path != "" && !strings.HasPrefix(path, "[") {
		path = "." + path
	}
	r.ps = append(r.ps, derivedProblem(r.path+path, code, msg))
}

// derivedProblem is an error at a Bundle path with a catalogued message.
func derivedProblem(path string, code secretome.Code, msg message.Message) secretome.Problem {
	return secretome.Problem{Path: path, Code: code, Severity: secretome.SeverityError, Message: msg.String(), Text: msg}
}

// quoted is a value from the Bundle, quoted, as a message argument.
func quoted(s string) message.Text { return message.Text(strconv.Quote(s)) }

func read(data []byte) (*regulation.Dossier, []secretome.Problem, *reader) {
	var b bundle
	r := &reader{indications: map[string]string{}, citations: map[string]string{}}
	if issues := strictjson.Decode(data, &b, strictjson.Options{MaxBytes: MaxBundleBytes}); len(issues) > 0 {
		r.addIssues("", issues)
		return nil, r.ps, nil
	}
	if b.ResourceType != "Bundle" {
		r.problem("resourceType", secretome.CodeEnum, message.New("fhir.bundle.want", quoted(b.ResourceType)))
		return nil, r.ps, nil
	}
	// ClinicalUseDefinitions first, so that authorisations can name them.
	for pass := 0; pass < 2; pass++ {
		for i, e := range b.Entry {
			r.path = "entry[" + strconv.Itoa(i) + "].resource"
			var head resourceHead
			if err := json.Unmarshal(e.Resource, &head); err != nil {
				r.problem("", secretome.CodeType, message.New("fhir.resource.object"))
				continue
			}
			if (head.ResourceType == "ClinicalUseDefinition") != (pass == 0) {
				continue
			}
			r.entry(head.ResourceType, e)
		}
	}
	if len(r.ps) == 0 {
		r.checkRepeats()
	}
	if len(r.ps) > 0 {
		return nil, r.ps, nil
	}
	return &r.d, nil, r
}

func (r *reader) addIssues(prefix string, issues []strictjson.Issue) {
	for _, is := range issues {
		p := is.Path
		if prefix != "" {
			if p != "" && !strings.HasPrefix(p, "[") {
				p = "." + p
			}
			p = prefix + p
		}
		r.ps = append(r.ps, secretome.Problem{Path: p, Code: secretome.Code(is.Code), Severity: secretome.SeverityError, Message: is.Message, Text: is.Text})
	}
}

// decode decodes a resource strictly into v.
func (r *reader) decode(raw []byte, v any) bool {
	if issues := strictjson.Decode(raw, v, strictjson.Options{MaxBytes: MaxBundleBytes}); len(issues) > 0 {
		r.addIssues(r.path, issues)
		return false
	}
	return true
}

func (r *reader) entry(typ string, e entry) {
	p, d := &r.d.Product, &r.d
	switch typ {
	case "MedicinalProductDefinition":
		var m medicinalProductDefinition
		if !r.decode(e.Resource, &m) {
			return
		}
		for i, id := range m.Identifier {
			if r.system(fmt.Sprintf("identifier[%d].system", i), id.System, systemProductID) {
				p.ID = id.Value
			}
		}
		if len(m.Name) > 0 {
			p.Name = m.Name[0].ProductName
		}
		if c := m.CombinedPharmaceuticalDoseForm; c != nil && r.enum("combinedPharmaceuticalDoseForm", c, systemDosageForm, &p.Formulation.DosageForm) {
			r.translations("combinedPharmaceuticalDoseForm", c, nil)
		}
		for i := range m.Route {
			var v secretome.Route
			path := fmt.Sprintf("route[%d]", i)
			if r.enum(path, &m.Route[i], systemRoute, &v) {
				r.translations(path, &m.Route[i], routeCodings(v))
				p.Formulation.Routes = append(p.Formulation.Routes, v)
			}
		}
		for i := range m.Classification {
			c, path := &m.Classification[i], fmt.Sprintf("classification[%d]", i)
			if len(c.Coding) == 0 {
				r.problem(path, secretome.CodeRequired, message.New("fhir.classification.coding"))
				continue
			}
			var t encoding.TextUnmarshaler
			switch c.Coding[0].System {
			case systemDerivative:
				t = &p.Derivative.Type
			case systemCellType:
				t = &p.Source.CellType
			case systemTissue:
				t = &p.Source.Tissue
			case systemSpecies:
				t = &p.Source.Species
			case systemDonorType:
				t = &p.Source.Donor.Type
			default:
				r.problem(path+".coding[0].system", secretome.CodeEnum, message.New("fhir.classification.system", quoted(c.Coding[0].System)))
				continue
			}
			r.enum(path, c, c.Coding[0].System, t)
		}
		for i, x := range m.Extension {
			pt, err := patchOf(x)
			if err != nil {
				r.problem(fmt.Sprintf("extension[%d]", i), secretome.CodeFormat, message.Of(err))
				continue
			}
			r.patches = append(r.patches, pt)
		}
	case "Organization":
		var o organization
		if !r.decode(e.Resource, &o) {
			return
		}
		country := ""
		if len(o.Contact) > 0 && o.Contact[0].Address != nil {
			country = o.Contact[0].Address.Country
		}
		if o.PartOf == nil {
			d.Manufacturer.Name, d.Manufacturer.Country = o.Name, country
			return
		}
		s := regulation.Site{Name: o.Name, Country: country}
		for i, q := range o.Qualification {
			g := regulation.GMPCertificate{Number: firstValue(q.Identifier)}
			if q.Issuer != nil {
				g.Authority = q.Issuer.Display
			}
			g.ValidFrom, g.ValidUntil = r.period(fmt.Sprintf("qualification[%d].period", i), q.Period)
			s.GMP = append(s.GMP, g)
		}
		d.Manufacturer.Sites = append(d.Manufacturer.Sites, s)
	case "ManufacturedItemDefinition":
		var m manufacturedItemDefinition
		if !r.decode(e.Resource, &m) {
			return
		}
		for i, pr := range m.Property {
			if len(pr.Type.Coding) > 0 && pr.Type.Coding[0].Code == "fill_volume" {
				p.Formulation.FillVolume = r.quantity(fmt.Sprintf("property[%d].valueQuantity", i), pr.ValueQuantity)
			}
		}
		f := m.ManufacturedDoseForm
		r.repeats = append(r.repeats, repeat{entry: r.path, path: "manufacturedDoseForm", form: &f})
	case "AdministrableProductDefinition":
		var a administrableProductDefinition
		if !r.decode(e.Resource, &a) {
			return
		}
		// The dose form and routes repeat the product's: checked once the
		// product is read.
		form := a.AdministrableDoseForm
		if form == nil {
			form = &concept{}
		}
		r.repeats = append(r.repeats, repeat{entry: r.path, path: "administrableDoseForm", form: form})
		routes := make([]concept, len(a.RouteOfAdministration))
		for i, ra := range a.RouteOfAdministration {
			routes[i] = ra.Code
		}
		r.repeats = append(r.repeats, repeat{entry: r.path, path: "routeOfAdministration", routes: routes})
	case "PackagedProductDefinition":
		var pk packagedProductDefinition
		if !r.decode(e.Resource, &pk) {
			return
		}
		for i := range pk.LegalStatusOfSupply {
			r.legalStatus(fmt.Sprintf("legalStatusOfSupply[%d]", i), &pk.LegalStatusOfSupply[i])
		}
	case "Ingredient":
		var in ingredient
		if !r.decode(e.Resource, &in) {
			return
		}
		name := ""
		if c := in.Substance.Code.Concept; c != nil {
			name = c.Text
			r.standardCodings("substance.code.concept", c.Coding, 0, substanceCodings(name), message.New("fhir.substance", quoted(name)))
		}
		var q secretome.Quantity
		var basis string
		if len(in.Substance.Strength) > 0 {
			st := in.Substance.Strength[0]
			if st.ConcentrationQuantity != nil {
				q = r.quantity("substance.strength[0].concentrationQuantity", st.ConcentrationQuantity)
			} else if st.PresentationQuantity != nil {
				q = r.quantity("substance.strength[0].presentationQuantity", st.PresentationQuantity)
			}
			if st.Basis != nil {
				basis = st.Basis.Text
			}
		}
		role := ""
		if len(in.Role.Coding) > 0 {
			role = in.Role.Coding[0].Code
		}
		switch role {
		case "analyte":
			p.Composition.Analytes = append(p.Composition.Analytes, secretome.Analyte{Name: name, Quantity: q, Basis: basis})
		case "excipient":
			x := secretome.Excipient{Name: name, Quantity: q}
			if len(in.Function) > 0 {
				x.Function = in.Function[0].Text
			}
			p.Formulation.Excipients = append(p.Formulation.Excipients, x)
		default:
			r.problem("role", secretome.CodeEnum, message.New("fhir.ingredient.role", quoted(role)))
		}
	case "ClinicalUseDefinition":
		var c clinicalUseDefinition
		if !r.decode(e.Resource, &c) {
			return
		}
		ind := secretome.Indication{ID: firstValue(c.Identifier)}
		if c.Indication != nil {
			if dsp := c.Indication.DiseaseSymptomProcedure; dsp != nil && dsp.Concept != nil {
				ind.Condition = dsp.Concept.Text
				for i, cd := range dsp.Concept.Coding {
					switch cd.System {
					case SystemICD10:
						ind.ICD10 = cd.Code
					case SystemICD11:
						ind.ICD11 = cd.Code
					default:
						r.problem(fmt.Sprintf("indication.diseaseSymptomProcedure.concept.coding[%d].system", i), secretome.CodeEnum,
							message.New("fhir.icd.system", message.Text(SystemICD10), message.Text(SystemICD11)))
					}
					ind.Label = cd.Display
				}
			}
			if ie := c.Indication.IntendedEffect; ie != nil && ie.Concept != nil {
				r.enum("indication.intendedEffect.concept", ie.Concept, systemIntent, &ind.Intent)
			}
		}
		r.indications[e.FullURL] = ind.ID
		p.Indications = append(p.Indications, ind)
	case "RegulatedAuthorization":
		var ra regulatedAuthorization
		if !r.decode(e.Resource, &ra) {
			return
		}
		a := regulation.Authorisation{Number: firstValue(ra.Identifier)}
		if ra.Type != nil && r.enum("type", ra.Type, systemAuthorisation, &a.Kind) {
			r.translations("type", ra.Type, kindTranslation(a.Kind))
		}
		if len(ra.Region) > 0 && len(ra.Region[0].Coding) > 0 {
			a.Jurisdiction = ra.Region[0].Coding[0].Code
		}
		if ra.Status != nil && r.enum("status", ra.Status, systemAuthStatus, &a.Status) {
			r.translations("status", ra.Status, statusTranslation(a.Status))
		}
		if ra.Holder != nil {
			a.Holder = ra.Holder.Display
		}
		a.ValidFrom, a.ValidUntil = r.period("validityPeriod", ra.ValidityPeriod)
		for i, cr := range ra.Indication {
			switch {
			case cr.Reference != nil:
				id, ok := r.indications[cr.Reference.Reference]
				if !ok {
					r.problem(fmt.Sprintf("indication[%d].reference", i), secretome.CodeFormat,
						message.New("fhir.indication.reference", quoted(cr.Reference.Reference)))
				}
				a.Indications = append(a.Indications, id)
			case cr.Concept != nil && len(cr.Concept.Coding) > 0:
				a.Indications = append(a.Indications, cr.Concept.Coding[0].Code)
			}
		}
		d.Authorisations = append(d.Authorisations, a)
	case "Citation":
		var c citation
		if !r.decode(e.Resource, &c) {
			return
		}
		s := evidence.Study{ID: firstValue(c.Identifier), Title: c.Title}
		if ca := c.CitedArtifact; ca != nil {
			for _, id := range ca.Identifier {
				switch id.System {
				case SystemDOI:
					s.DOI = id.Value
				case SystemPMID:
					s.PMID = id.Value
				}
			}
			if len(ca.PublicationForm) > 0 && ca.PublicationForm[0].ArticleDate != "" {
				y, err := strconv.Atoi(ca.PublicationForm[0].ArticleDate[:min(4, len(ca.PublicationForm[0].ArticleDate))])
				if err != nil {
					r.problem("citedArtifact.publicationForm[0].articleDate", secretome.CodeFormat, message.New("fhir.year"))
				}
				s.Year = y
			}
		}
		r.citations[e.FullURL] = s.ID
		d.Studies = append(d.Studies, s)
	case "Evidence":
		// Derived from the studies by Export: checked by Import.
		var ev evidenceResource
		if r.decode(e.Resource, &ev) {
			r.evidence = append(r.evidence, evidenceRead{path: r.path, res: ev})
		}
	default:
		r.problem("resourceType", secretome.CodeEnum, message.New("fhir.resource.foreign", quoted(typ)))
	}
}

// translations checks the codings after the first of c: they must be
// exactly the standard codings that say the same as the first.
func (r *reader) translations(path string, c *concept, want []coding) {
	r.standardCodings(path, c.Coding, 1, want, message.Plain(c.Coding[0].System+"#"+c.Coding[0].Code))
}

// standardCodings checks the codings cs[from:]: each must be the standard
// coding want holds at its place (a Bundle may leave them out, but not
// write others). said names what the codings must agree with.
func (r *reader) standardCodings(path string, cs []coding, from int, want []coding, said message.Message) {
	for i, g := range cs[from:] {
		if i >= len(want) || g.System != want[i].System || g.Code != want[i].Code {
			var w message.Arg = message.Term("fhir.coding.none")
			if i < len(want) {
				w = message.Text(want[i].System + "#" + want[i].Code)
			}
			r.problem(fmt.Sprintf("%s.coding[%d]", path, i+from), secretome.CodeInconsistent,
				message.New("fhir.coding.differs", message.Text(g.System+"#"+g.Code), said, w))
			return
		}
	}
}

// repeat is a dose form or a list of routes that a
// ManufacturedItemDefinition or AdministrableProductDefinition repeats
// from the product.
type repeat struct {
	entry  string // the resource's path in the Bundle
	path   string // the element's path in the resource
	form   *concept
	routes []concept
}

// checkRepeats checks that the dose forms and routes the other product
// resources repeat are the product's, as Export writes them.
func (r *reader) checkRepeats() {
	f := &r.d.Product.Formulation
	form, err := own(systemDosageForm, f.DosageForm)
	if err != nil || form == nil {
		form = &concept{}
	}
	form = withCodings(form, formCodings(f.DosageForm, f.Routes))
	routes := make([]concept, 0, len(f.Routes))
	for _, v := range f.Routes {
		c, err := own(systemRoute, v)
		if err != nil || c == nil {
			continue
		}
		c.Coding = append(c.Coding, routeCodings(v)...)
		routes = append(routes, *c)
	}
	if len(routes) == 0 {
		routes = []concept{{Text: "not given"}}
	}
	for _, rp := range r.repeats {
		r.path = rp.entry
		if rp.form != nil {
			if !sameConcept(*rp.form, *form) {
				r.problem(rp.path, secretome.CodeInconsistent, message.New("fhir.repeat.form", message.Text(describe(*form))))
			}
			continue
		}
		for i, c := range rp.routes {
			if i >= len(routes) || !sameConcept(c, routes[i]) {
				r.problem(fmt.Sprintf("%s[%d].code", rp.path, i), secretome.CodeInconsistent, message.New("fhir.repeat.routes"))
				break
			}
		}
		if len(rp.routes) < len(routes) {
			r.problem(rp.path, secretome.CodeInconsistent, message.New("fhir.repeat.routes.count", message.Int(len(routes))))
		}
	}
}

// sameConcept reports whether concept a says what b says: the same text
// and b's codes (system and code, in order), displays aside. Like the
// product's own elements, a may leave out the standard codings after the
// first.
func sameConcept(a, b concept) bool {
	if a.Text != b.Text || len(a.Coding) > len(b.Coding) || len(a.Coding) == 0 && len(b.Coding) > 0 {
		return false
	}
	for i := range a.Coding {
		if a.Coding[i].System != b.Coding[i].System || a.Coding[i].Code != b.Coding[i].Code {
			return false
		}
	}
	return true
}

// describe writes a concept's codes for a message.
func describe(c concept) string {
	if len(c.Coding) == 0 {
		if c.Text == "" {
			return "none"
		}
		return fmt.Sprintf("%q", c.Text)
	}
	parts := make([]string, len(c.Coding))
	for i, cd := range c.Coding {
		parts[i] = cd.System + "#" + cd.Code
	}
	return strings.Join(parts, ", ")
}

// classification is a legalStatusOfSupply as read from a Bundle.
type classification struct {
	path         string
	jurisdiction string
	code, text   string
	asOf         secretome.Date
}

func (r *reader) legalStatus(path string, ls *legalStatus) {
	c := classification{path: r.path + "." + path}
	var hasDay bool
	for i, x := range ls.Extension {
		p := fmt.Sprintf("%s.extension[%d]", path, i)
		if x.URL != ExtensionAssessedOn || x.ValueDate == nil || len(x.Extension) > 0 || x.ValueString != nil || hasDay {
			r.problem(p, secretome.CodeFormat, message.New("fhir.legal.day.extension", message.Text(ExtensionAssessedOn)))
			continue
		}
		d, err := secretome.ParseDate(*x.ValueDate)
		if err != nil {
			r.problem(p+".valueDate", secretome.CodeFormat, message.Of(err))
			continue
		}
		c.asOf, hasDay = d, true
	}
	if !hasDay {
		r.problem(path+".extension", secretome.CodeRequired, message.New("fhir.legal.day.missing", message.Text(ExtensionAssessedOn)))
	}
	if ls.Jurisdiction == nil || len(ls.Jurisdiction.Coding) == 0 || ls.Jurisdiction.Coding[0].Code == "" {
		r.problem(path+".jurisdiction", secretome.CodeRequired, message.New("fhir.legal.jurisdiction"))
	} else {
		c.jurisdiction = ls.Jurisdiction.Coding[0].Code
	}
	if ls.Code == nil || ls.Code.Text == "" {
		r.problem(path+".code", secretome.CodeRequired, message.New("fhir.legal.text"))
	} else {
		c.text = ls.Code.Text
		for i, cd := range ls.Code.Coding {
			if i > 0 || cd.System != systemClassification {
				r.problem(fmt.Sprintf("%s.code.coding[%d]", path, i), secretome.CodeEnum, message.New("fhir.legal.coding", message.Text(systemClassification)))
				continue
			}
			c.code = cd.Code
		}
	}
	r.legal = append(r.legal, c)
}

// checkClassifications assesses the dossier with the shipped rules of
// each day the Bundle's classifications were assessed on, and returns a
// problem for each classification the rules do not give.
func checkClassifications(d *regulation.Dossier, legal []classification) []secretome.Problem {
	var ps []secretome.Problem
	add := func(path, code string, args ...message.Arg) {
		ps = append(ps, derivedProblem(path, secretome.CodeInconsistent, message.New(code, args...)))
	}
	if len(legal) == 0 {
		return nil
	}
	reports := map[secretome.Date]*regulation.Report{}
	rules := regulation.Shipped()
	have := rules.Jurisdictions()
	for _, c := range legal {
		if !slices.Contains(have, c.jurisdiction) || c.jurisdiction == regulation.Baseline {
			add(c.path+".jurisdiction", "fhir.legal.no_rules", quoted(c.jurisdiction))
			continue
		}
		rep, ok := reports[c.asOf]
		if !ok {
			a, err := regulation.NewAssessor(rules, regulation.Options{AsOf: c.asOf})
			if err == nil {
				rep, err = a.Assess(context.Background(), d)
			}
			if err != nil {
				add(c.path, "fhir.legal.unchecked", message.Of(err))
				continue
			}
			reports[c.asOf] = rep
		}
		var got regulation.JurisdictionReport
		for _, j := range rep.Jurisdictions {
			if j.Jurisdiction == c.jurisdiction {
				got = j
			}
		}
		switch {
		case got.Classification == "":
			add(c.path+".code", "fhir.legal.none", message.Text(c.jurisdiction), quoted(c.text), message.Text(c.asOf.String()))
		case got.ClassificationText.Code != c.code || got.Classification != c.text:
			add(c.path+".code", "fhir.legal.differs", message.Text(c.jurisdiction), quoted(c.text), message.Text(c.asOf.String()),
				classText(got))
		}
	}
	return ps
}

// classText is a jurisdiction's classification as a message: its
// catalogued text, or the text a host's rule gave.
func classText(j regulation.JurisdictionReport) message.Message {
	if !j.ClassificationText.IsZero() {
		return j.ClassificationText
	}
	return message.Plain(j.Classification)
}

// firstValue is the value of the first identifier, "" when there is none.
func firstValue(ids []identifier) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0].Value
}

func (r *reader) system(path, got, want string) bool {
	if got != want {
		r.problem(path, secretome.CodeEnum, message.New("fhir.system.want", quoted(want), quoted(got)))
		return false
	}
	return true
}

// enum reads a concept coded in one of this library's code systems.
func (r *reader) enum(path string, c *concept, system string, v encoding.TextUnmarshaler) bool {
	if len(c.Coding) == 0 {
		r.problem(path, secretome.CodeRequired, message.New("fhir.coding.required", message.Text(system)))
		return false
	}
	if !r.system(path+".coding[0].system", c.Coding[0].System, system) {
		return false
	}
	if err := v.UnmarshalText([]byte(c.Coding[0].Code)); err != nil {
		r.problem(path+".coding[0].code", secretome.CodeEnum, message.Of(err))
		return false
	}
	return true
}

func (r *reader) quantity(path string, q *quantity) secretome.Quantity {
	if q == nil {
		return secretome.Quantity{}
	}
	if q.System != SystemUCUM {
		r.problem(path+".system", secretome.CodeUnit, message.New("fhir.ucum.system", message.Text(SystemUCUM), quoted(q.System)))
		return secretome.Quantity{}
	}
	u, err := secretome.ParseUCUM(q.Code)
	if err != nil {
		if near, nerr := secretome.ParseUnit(q.Code); nerr == nil {
			r.problem(path+".code", secretome.CodeUnit, message.New("fhir.ucum.near", quoted(q.Code), message.Text(near.String()), quoted(near.UCUM())))
		} else {
			r.problem(path+".code", secretome.CodeUnit, message.New("fhir.ucum.unknown", quoted(q.Code)))
		}
		return secretome.Quantity{}
	}
	v, err := secretome.ParseQuantity(string(q.Value) + " " + u.String())
	if err != nil {
		r.problem(path+".value", secretome.CodeNumber, message.Of(err))
		return secretome.Quantity{}
	}
	return v
}

func (r *reader) period(path string, p *period) (from, until secretome.Date) {
	if p == nil {
		return
	}
	var err error
	if p.Start != "" {
		if from, err = secretome.ParseDate(p.Start); err != nil {
			r.problem(path+".start", secretome.CodeFormat, message.Of(err))
		}
	}
	if p.End != "" {
		if until, err = secretome.ParseDate(p.End); err != nil {
			r.problem(path+".end", secretome.CodeFormat, message.Of(err))
		}
	}
	return
}

// dossierTree returns the dossier's JSON form as a tree of maps, slices,
// strings, booleans, nil and json.Number.
func dossierTree(d *regulation.Dossier) (any, error) {
	js, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("fhir: %w", err)
	}
	return decodeTree(js)
}

// decodeTree decodes JSON text into a tree of maps, slices, strings,
// booleans, nil and json.Number.
func decodeTree(js []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.UseNumber()
	var t any
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("fhir: %w", err)
	}
	return t, nil
}
