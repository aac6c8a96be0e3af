package fhir

import (
	"bytes"
	"crypto/sha1"
	"encoding"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// Result is an exported Bundle with the list of dossier fields it could
// not express in FHIR R5 elements.
type Result struct {
	// Bundle is the FHIR R5 Bundle (type collection) as indented JSON with
	// a final newline. The same dossier always gives the same bytes.
	Bundle []byte
	// Uncoded lists, as JSON Pointers into the dossier's JSON form, the
	// fields the Bundle writes without a standard code, only as text or in
	// this library's own code system: a dosage form or route with no EDQM
	// Standard Term that says the same, an analyte or excipient whose name
	// has no UNII the library knows with certainty. Sorted.
	Uncoded []string
	// Carried lists, as JSON Pointers into the dossier's JSON form
	// ("/product/source/passage"), the fields FHIR R5 has no element for.
	// Each is carried in an ExtensionDossierField extension on the
	// MedicinalProductDefinition, so Import restores it; a FHIR reader
	// that does not know the extension does not see it. Sorted.
	Carried []string
}

// Export maps a dossier to a FHIR R5 Bundle of type collection:
//
//  1. a MedicinalProductDefinition for the product (identifier, name,
//     dose form, routes, and classifications for derivative type, cell
//     type, tissue, species and donor type);
//  2. a ManufacturedItemDefinition (dose form, maker, fill volume) and an
//     AdministrableProductDefinition (dose form and routes), with the EDQM
//     Standard Terms that say the same where there are such;
//  3. an Ingredient for each analyte and each excipient, the strength as a
//     UCUM Quantity with the dossier's digits, the substance's UNII where
//     its name identifies one with certainty;
//  4. a ClinicalUseDefinition of type indication for each indication,
//     coded with ICD-10 and ICD-11;
//  5. an Organization for the maker and one for each site (part of the
//     maker), GMP certificates as qualifications;
//  6. a RegulatedAuthorization for each authorisation, designation or
//     trial approval, with type, status, number, region, holder, validity
//     period and the indications it covers (type and status in this
//     library's code systems, with HL7's RegulatedAuthorizationType
//     MarketingAuth and PublicationStatus codes added where they say the
//     same: see SystemAuthorizationType and SystemPublicationStatus);
//  7. a Citation for each study and an Evidence for each indication and
//     outcome of the studies' summary of findings (evidence.Summarize),
//     its GRADE certainty in Evidence.certainty: the overall rating and
//     one subcomponent per GRADE domain.
//
// Resource ids and fullUrls are derived from the product ID and the
// position of each part, and entries come in the order above, so output
// is deterministic. Fields with no FHIR R5 element are listed in
// Result.Carried and carried in an extension; nothing is dropped. The
// Evidence resources are derived from the studies: Import checks them
// against the studies it reads rather than reading them into the dossier.
// ExportWith adds the product's classification in each jurisdiction.
//
// The dossier is exported as it is; call its Validate first to refuse an
// invalid one. An error means the dossier could not be written as JSON
// (an undefined enum value or unit).
func Export(d *regulation.Dossier) (*Result, error) { return ExportWith(d, Options{}) }

// Options configures ExportWith. The zero value exports what Export does.
type Options struct {
	// Assessment, when set, is a report of assessing the dossier
	// (regulation.Assess or an Assessor). The Bundle then holds a
	// PackagedProductDefinition of the product whose legalStatusOfSupply
	// says, for each jurisdiction whose rules class the product, the
	// classification as code (this library's classification code system:
	// the catalogue code of the classification, its English text as
	// display and text), the jurisdiction (ISO 3166 where it is a
	// country), and the report's as-of day in an ExtensionAssessedOn
	// extension, since a classification holds for the rules in force on
	// that day. FHIR R5 gives a legal status per jurisdiction on the
	// packaged product only (MedicinalProductDefinition.legalStatusOfSupply
	// is one code without a jurisdiction). The quality baseline is not a
	// market and is left out. The report must be of this dossier's
	// product.
	//
	// A classification is what the rules make of the dossier, not a
	// field of it: Import does not read it into the dossier but checks
	// it, assessing the imported dossier with the shipped rules of that
	// day, and reports a classification they do not give.
	Assessment *regulation.Report
}

// ExportWith is Export with options: with Options.Assessment, the
// Bundle also says how the product is classed in each assessed
// jurisdiction.
func ExportWith(d *regulation.Dossier, opts Options) (*Result, error) {
	x := exporter{d: d, base: d.Product.ID}
	if rep := opts.Assessment; rep != nil {
		want := d.Product.ID
		if want == "" {
			want = d.Product.Name
		}
		if rep.Product != want {
			return nil, fmt.Errorf("fhir: the assessment is of product %q, not of %q", rep.Product, want)
		}
		if rep.Invalid {
			// A dossier with errors has no verdict of its own; a class
			// reached from values it could not state is no legal status.
			return nil, fmt.Errorf("fhir: the assessment is of a dossier with errors; its classifications are not exported as legal status")
		}
		x.legal = legalStatuses(rep)
	}
	b, err := x.bundle()
	if err != nil {
		return nil, err
	}
	// What the standard elements carry is whatever Import reads back;
	// every other difference goes into the extension.
	back, err := readBundle(b)
	if err != nil {
		return nil, fmt.Errorf("fhir: export could not read its own bundle: %w", err)
	}
	orig, err := dossierTree(d)
	if err != nil {
		return nil, err
	}
	got, err := dossierTree(back)
	if err != nil {
		return nil, err
	}
	var patches []patch
	diff("", orig, got, &patches)
	res := &Result{}
	if len(patches) > 0 {
		ext := make([]extension, len(patches))
		for i, p := range patches {
			ext[i] = p.extension()
			res.Carried = append(res.Carried, p.path)
		}
		x.mpd.Extension = ext
		if b, err = x.encode(); err != nil {
			return nil, err
		}
	}
	res.Bundle = b
	res.Uncoded = uncoded(&d.Product)
	return res, nil
}

// uncoded lists the product fields written without a standard code.
func uncoded(p *secretome.Product) []string {
	var out []string
	f := &p.Formulation
	if f.DosageForm != secretome.DosageFormUnspecified && formCodings(f.DosageForm, f.Routes) == nil {
		out = append(out, "/product/formulation/dosage_form")
	}
	for i, r := range f.Routes {
		if routeCodings(r) == nil {
			out = append(out, "/product/formulation/routes/"+strconv.Itoa(i))
		}
	}
	for i, a := range p.Composition.Analytes {
		if substanceCodings(a.Name) == nil {
			out = append(out, "/product/composition/analytes/"+strconv.Itoa(i)+"/name")
		}
	}
	for i, e := range f.Excipients {
		if substanceCodings(e.Name) == nil {
			out = append(out, "/product/formulation/excipients/"+strconv.Itoa(i)+"/name")
		}
	}
	slices.Sort(out)
	return out
}

type exporter struct {
	d       *regulation.Dossier
	legal   []legalStatus
	base    string
	mpd     *medicinalProductDefinition
	entries []any
	urls    []string
}

// url returns the fullUrl of the resource: a name-based UUID (RFC 9562
// version 5 layout over SHA-1) of the product ID, the resource type and
// its id, so that it is the same on every export.
func (x *exporter) url(typ, id string) string {
	h := sha1.Sum([]byte(Base + "\x00" + x.base + "\x00" + typ + "/" + id))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func (x *exporter) add(typ, id string, r any) reference {
	u := x.url(typ, id)
	x.entries = append(x.entries, r)
	x.urls = append(x.urls, u)
	return reference{Reference: u}
}

func (x *exporter) encode() ([]byte, error) {
	b := bundle{ResourceType: "Bundle", ID: "dossier", Type: "collection"}
	for i, r := range x.entries {
		raw, err := json.Marshal(r)
		if err != nil {
			return nil, fmt.Errorf("fhir: %w", err)
		}
		b.Entry = append(b.Entry, entry{FullURL: x.urls[i], Resource: raw})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return nil, fmt.Errorf("fhir: %w", err)
	}
	return buf.Bytes(), nil
}

// code returns the stable spelling of an enumeration value; "" for the
// unspecified zero value.
func code(v encoding.TextMarshaler) (string, error) {
	b, err := v.MarshalText()
	if err != nil {
		return "", fmt.Errorf("fhir: %w", err)
	}
	return string(b), nil
}

// own returns a concept in one of this library's code systems, or nil for
// an unspecified value.
func own(system string, v encoding.TextMarshaler) (*concept, error) {
	c, err := code(v)
	if err != nil || c == "" {
		return nil, err
	}
	return &concept{Coding: []coding{{System: system, Code: c, Display: display(c)}}}, nil
}

// display turns a stable spelling into English words: "topical_wound"
// becomes "topical wound".
func display(code string) string { return strings.ReplaceAll(code, "_", " ") }

func fhirQuantity(q secretome.Quantity) (*quantity, error) {
	if q.IsZero() {
		return nil, nil
	}
	v, c, err := q.UCUM()
	if err != nil {
		return nil, fmt.Errorf("fhir: %w", err)
	}
	return &quantity{Value: number(v), Unit: q.Unit.String(), System: SystemUCUM, Code: c}, nil
}

func jurisdiction(j string) concept {
	if len(j) == 2 && j != "EU" && strings.ToUpper(j) == j {
		return concept{Coding: []coding{{System: SystemISO3166, Code: j}}}
	}
	return concept{Coding: []coding{{System: systemJurisdiction, Code: j}}}
}

func periodOf(from, until secretome.Date) *period {
	if from.IsZero() && until.IsZero() {
		return nil
	}
	return &period{Start: from.String(), End: until.String()}
}

func (x *exporter) bundle() ([]byte, error) {
	d, p := x.d, &x.d.Product
	mpd := &medicinalProductDefinition{ResourceType: "MedicinalProductDefinition", ID: "product",
		Name: []productName{{ProductName: p.Name}}}
	if p.ID != "" {
		mpd.Identifier = []identifier{{System: systemProductID, Value: p.ID}}
	}
	form, err := own(systemDosageForm, p.Formulation.DosageForm)
	if err != nil {
		return nil, err
	}
	mpd.CombinedPharmaceuticalDoseForm = form
	var routes []concept
	for _, r := range p.Formulation.Routes {
		c, err := own(systemRoute, r)
		if err != nil {
			return nil, err
		}
		if c != nil {
			c.Coding = append(c.Coding, routeCodings(r)...)
			routes = append(routes, *c)
		}
	}
	mpd.Route = routes
	for _, cl := range []struct {
		system string
		v      encoding.TextMarshaler
	}{
		{systemDerivative, p.Derivative.Type}, {systemCellType, p.Source.CellType},
		{systemTissue, p.Source.Tissue}, {systemSpecies, p.Source.Species}, {systemDonorType, p.Source.Donor.Type},
	} {
		c, err := own(cl.system, cl.v)
		if err != nil {
			return nil, err
		}
		if c != nil {
			mpd.Classification = append(mpd.Classification, *c)
		}
	}
	x.mpd = mpd
	product := x.add("MedicinalProductDefinition", mpd.ID, mpd)

	// The maker and its sites.
	var maker *reference
	m := d.Manufacturer
	if m.Name != "" || m.Country != "" || len(m.Sites) > 0 {
		org := organization{ResourceType: "Organization", ID: "maker", Name: m.Name,
			Type: []concept{{Coding: []coding{{System: systemOrgType, Code: "manufacturer", Display: "manufacturer"}}}}}
		if m.Country != "" {
			org.Contact = []contactDetail{{Address: &address{Country: m.Country}}}
		}
		r := x.add("Organization", org.ID, org)
		r.Display = m.Name
		maker = &r
		for i, s := range m.Sites {
			site := organization{ResourceType: "Organization", ID: "site-" + strconv.Itoa(i+1), Name: s.Name,
				Type:   []concept{{Coding: []coding{{System: systemOrgType, Code: "site", Display: "site"}}}},
				PartOf: maker}
			if s.Country != "" {
				site.Contact = []contactDetail{{Address: &address{Country: s.Country}}}
			}
			for _, g := range s.GMP {
				q := qualification{Code: concept{Coding: []coding{{System: systemQualification, Code: "gmp", Display: "GMP certificate"}}},
					Period: periodOf(g.ValidFrom, g.ValidUntil)}
				if g.Number != "" {
					q.Identifier = []identifier{{Value: g.Number}}
				}
				if g.Authority != "" {
					q.Issuer = &reference{Display: g.Authority}
				}
				site.Qualification = append(site.Qualification, q)
			}
			x.add("Organization", site.ID, site)
		}
	}

	// The manufactured and the administrable product.
	item := manufacturedItemDefinition{ResourceType: "ManufacturedItemDefinition", ID: "item", Status: "active"}
	// The manufactured and administrable dose forms are pharmaceutical
	// dose forms, where EDQM terms belong (the product's is a combined
	// dose form, which EDQM codes differently).
	pharmForm := withCodings(form, formCodings(p.Formulation.DosageForm, p.Formulation.Routes))
	if pharmForm != nil {
		item.ManufacturedDoseForm = *pharmForm
	}
	if maker != nil {
		item.Manufacturer = []reference{*maker}
	}
	if fv, err := fhirQuantity(p.Formulation.FillVolume); err != nil {
		return nil, err
	} else if fv != nil {
		item.Property = []itemProperty{{Type: concept{Coding: []coding{{System: systemProperty, Code: "fill_volume", Display: "fill volume"}}},
			ValueQuantity: fv}}
	}
	itemRef := x.add("ManufacturedItemDefinition", item.ID, item)
	apd := administrableProductDefinition{ResourceType: "AdministrableProductDefinition", ID: "administrable", Status: "active",
		FormOf: []reference{product}, AdministrableDoseForm: pharmForm, ProducedFrom: []reference{itemRef}}
	for _, r := range routes {
		apd.RouteOfAdministration = append(apd.RouteOfAdministration, routeOfAdministration{Code: r})
	}
	if len(apd.RouteOfAdministration) == 0 {
		// routeOfAdministration is required (1..*); say that it is unknown.
		apd.RouteOfAdministration = []routeOfAdministration{{Code: concept{Text: "not given"}}}
	}
	x.add("AdministrableProductDefinition", apd.ID, apd)
	if len(x.legal) > 0 {
		x.add("PackagedProductDefinition", "package", packagedProductDefinition{ResourceType: "PackagedProductDefinition", ID: "package",
			PackageFor: []reference{product}, LegalStatusOfSupply: x.legal})
	}

	// Ingredients.
	for i, a := range p.Composition.Analytes {
		q, err := fhirQuantity(a.Quantity)
		if err != nil {
			return nil, err
		}
		in := ingredient{ResourceType: "Ingredient", ID: "analyte-" + strconv.Itoa(i+1), Status: "active",
			For:       []reference{product},
			Role:      concept{Coding: []coding{{System: systemIngredient, Code: "analyte", Display: "measured analyte"}}},
			Substance: ingredientSubstance{Code: codeableRef{Concept: &concept{Coding: substanceCodings(a.Name), Text: a.Name}}}}
		if q != nil || a.Basis != "" {
			st := strength{ConcentrationQuantity: q}
			if a.Basis != "" {
				st.Basis = &concept{Text: a.Basis}
			}
			in.Substance.Strength = []strength{st}
		}
		x.add("Ingredient", in.ID, in)
	}
	for i, e := range p.Formulation.Excipients {
		q, err := fhirQuantity(e.Quantity)
		if err != nil {
			return nil, err
		}
		in := ingredient{ResourceType: "Ingredient", ID: "excipient-" + strconv.Itoa(i+1), Status: "active",
			For:       []reference{product},
			Role:      concept{Coding: []coding{{System: systemIngredient, Code: "excipient", Display: "excipient"}}},
			Substance: ingredientSubstance{Code: codeableRef{Concept: &concept{Coding: substanceCodings(e.Name), Text: e.Name}}}}
		if e.Function != "" {
			in.Function = []concept{{Text: e.Function}}
		}
		if q != nil {
			in.Substance.Strength = []strength{{PresentationQuantity: q}}
		}
		x.add("Ingredient", in.ID, in)
	}

	// Indications.
	uses := map[string]reference{}
	for i, ind := range p.Indications {
		c := &concept{Text: ind.Condition}
		if ind.ICD10 != "" {
			c.Coding = append(c.Coding, coding{System: SystemICD10, Code: ind.ICD10, Display: ind.Label})
		}
		if ind.ICD11 != "" {
			c.Coding = append(c.Coding, coding{System: SystemICD11, Code: ind.ICD11, Display: ind.Label})
		}
		cud := clinicalUseDefinition{ResourceType: "ClinicalUseDefinition", ID: "indication-" + strconv.Itoa(i+1),
			Type: "indication", Subject: []reference{product},
			Indication: &useIndication{DiseaseSymptomProcedure: &codeableRef{Concept: c}}}
		if ind.ID != "" {
			cud.Identifier = []identifier{{System: systemIndicationID, Value: ind.ID}}
		}
		if in, err := own(systemIntent, ind.Intent); err != nil {
			return nil, err
		} else if in != nil {
			cud.Indication.IntendedEffect = &codeableRef{Concept: in}
		}
		r := x.add("ClinicalUseDefinition", cud.ID, cud)
		if _, dup := uses[ind.ID]; !dup {
			uses[ind.ID] = r
		}
	}

	// Authorisations.
	for i, a := range d.Authorisations {
		ra := regulatedAuthorization{ResourceType: "RegulatedAuthorization", ID: "authorisation-" + strconv.Itoa(i+1),
			Subject: []reference{product}, ValidityPeriod: periodOf(a.ValidFrom, a.ValidUntil)}
		if a.Number != "" {
			ra.Identifier = []identifier{{Value: a.Number}}
		}
		kind, err := own(systemAuthorisation, a.Kind)
		if err != nil {
			return nil, err
		}
		if kind != nil {
			kind.Coding = append(kind.Coding, kindTranslation(a.Kind)...)
		}
		ra.Type = kind
		if a.Jurisdiction != "" {
			ra.Region = []concept{jurisdiction(a.Jurisdiction)}
		}
		status, err := own(systemAuthStatus, a.Status)
		if err != nil {
			return nil, err
		}
		if status != nil {
			status.Coding = append(status.Coding, statusTranslation(a.Status)...)
		}
		ra.Status = status
		for _, id := range a.Indications {
			if r, ok := uses[id]; ok {
				ra.Indication = append(ra.Indication, codeableRef{Reference: &r})
			} else {
				ra.Indication = append(ra.Indication, codeableRef{Concept: &concept{Coding: []coding{{System: systemIndicationID, Code: id}}}})
			}
		}
		if a.Holder != "" {
			ra.Holder = &reference{Display: a.Holder}
		}
		x.add("RegulatedAuthorization", ra.ID, ra)
	}

	// Studies and the evidence they give.
	cites := map[string]reference{}
	for i, s := range d.Studies {
		c := citation{ResourceType: "Citation", ID: "study-" + strconv.Itoa(i+1), Status: "active", Title: s.Title,
			CitedArtifact: &citedArtifact{}}
		if s.ID != "" {
			c.Identifier = []identifier{{System: systemStudyID, Value: s.ID}}
		}
		if s.DOI != "" {
			c.CitedArtifact.Identifier = append(c.CitedArtifact.Identifier, identifier{System: SystemDOI, Value: s.DOI})
		}
		if s.PMID != "" {
			c.CitedArtifact.Identifier = append(c.CitedArtifact.Identifier, identifier{System: SystemPMID, Value: s.PMID})
		}
		if s.Title != "" {
			c.CitedArtifact.Title = []citationTitle{{Text: s.Title}}
		}
		if s.Year > 0 && s.Year <= 9999 {
			c.CitedArtifact.PublicationForm = []publicationForm{{ArticleDate: fmt.Sprintf("%04d", s.Year)}}
		}
		cites[s.ID] = x.add("Citation", c.ID, c)
	}
	for _, ev := range evidenceResources(d.Studies, p.Name, cites) {
		x.add("Evidence", ev.ID, ev)
	}
	return x.encode()
}

// evidenceResources are the Evidence resources of the studies: one per
// row of their summary of findings (evidence.Summarize with the default
// options), citing the studies by the references in cites.
func evidenceResources(studies []evidence.Study, product string, cites map[string]reference) []evidenceResource {
	if len(studies) == 0 {
		return nil
	}
	sum := evidence.Summarize(studies, evidence.Question{})
	out := make([]evidenceResource, len(sum.Rows))
	for i, row := range sum.Rows {
		out[i] = evidenceOf(i, row, product, cites)
	}
	return out
}

// kindTranslation is the RegulatedAuthorizationType coding that says the
// same as an authorisation kind, if any.
func kindTranslation(k regulation.AuthorisationKind) []coding {
	switch k {
	case regulation.AuthMarketingAuthorisation, regulation.AuthNIE, regulation.AuthBLA,
		regulation.AuthARTG, regulation.AuthConditionalApproval:
		return []coding{{System: SystemAuthorizationType, Code: "MarketingAuth", Display: "Marketing Authorization"}}
	}
	return nil
}

// statusTranslation is the PublicationStatus coding that says the same
// as an authorisation status, if any.
func statusTranslation(s regulation.AuthorisationStatus) []coding {
	switch s {
	case regulation.StatusHeld:
		return []coding{{System: SystemPublicationStatus, Code: "active", Display: "Active"}}
	case regulation.StatusRevoked, regulation.StatusExpired:
		return []coding{{System: SystemPublicationStatus, Code: "retired", Display: "Retired"}}
	}
	return nil
}

// legalStatuses are the classifications of an assessment, one per
// jurisdiction that classes the product, in the report's order.
func legalStatuses(rep *regulation.Report) []legalStatus {
	var out []legalStatus
	day := rep.AsOf.String()
	for _, j := range rep.Jurisdictions {
		if j.Jurisdiction == regulation.Baseline || j.Classification == "" {
			continue
		}
		c := &concept{Text: j.ClassificationText.String()}
		if j.ClassificationText.IsZero() {
			c.Text = j.Classification
		}
		if code := j.ClassificationText.Code; code != "" {
			c.Coding = []coding{{System: systemClassification, Code: code, Display: c.Text}}
		}
		jc := jurisdiction(j.Jurisdiction)
		out = append(out, legalStatus{Extension: []extension{{URL: ExtensionAssessedOn, ValueDate: &day}},
			Code: c, Jurisdiction: &jc})
	}
	return out
}

// certaintyCodes are the EvidenceCertaintyType codes of the GRADE domains,
// indexed by evidence.GradeDomain.
var certaintyCodes = map[evidence.GradeDomain][2]string{
	evidence.DomainRiskOfBias:           {"RiskOfBias", "Risk of bias"},
	evidence.DomainInconsistency:        {"Inconsistency", "Inconsistency"},
	evidence.DomainIndirectness:         {"Indirectness", "Indirectness"},
	evidence.DomainImprecision:          {"Imprecision", "Imprecision"},
	evidence.DomainPublicationBias:      {"PublicationBias", "Publication bias"},
	evidence.DomainLargeEffect:          {"LargeEffect", "Large effect"},
	evidence.DomainDoseResponse:         {"DoseResponseGradient", "Dose response gradient"},
	evidence.DomainPlausibleConfounding: {"PlausibleConfounding", "Plausible confounding"},
}

// ratingCodes are the EvidenceCertaintyRating codes of the overall
// certainty, indexed by evidence.Certainty.
var ratingCodes = map[evidence.Certainty][2]string{
	evidence.CertaintyHigh:     {"high", "High quality"},
	evidence.CertaintyModerate: {"moderate", "Moderate quality"},
	evidence.CertaintyLow:      {"low", "Low quality"},
	evidence.CertaintyVeryLow:  {"very-low", "Very low quality"},
}

// effectCode is the EvidenceCertaintyRating code of a domain's effect.
func effectCode(effect int) (string, string) {
	switch effect {
	case 0:
		return "no-change", "no change to rating"
	case -1:
		return "downcode1", "reduce rating: -1"
	case -2:
		return "downcode2", "reduce rating: -2"
	case -3:
		return "downcode3", "reduce rating: -3"
	case 1:
		return "upcode1", "increase rating: +1"
	case 2:
		return "upcode2", "increase rating: +2"
	}
	return "", ""
}

func evidenceOf(i int, row evidence.SummaryRow, product string, cites map[string]reference) evidenceResource {
	ev := evidenceResource{ResourceType: "Evidence", ID: "evidence-" + strconv.Itoa(i+1), Status: "active"}
	outcome := row.Outcome
	if outcome == "" {
		outcome = "(no outcome reported)"
	}
	ev.Title = outcome + " — " + row.Indication
	ev.Description = strings.Join(row.Reasons, "\n")
	for _, id := range row.Studies {
		if r, ok := cites[id]; ok {
			ev.RelatedArtifact = append(ev.RelatedArtifact, relatedArtifact{Type: "derived-from", ResourceReference: &r})
		}
	}
	role := func(c string) concept {
		return concept{Coding: []coding{{System: SystemVariableRole, Code: c}}}
	}
	ev.VariableDefinition = []variableDefinition{
		{Description: row.Indication, VariableRole: role("population")},
		{Description: product, VariableRole: role("exposure")},
		{Description: outcome, VariableRole: role("measuredVariable")},
	}
	a := row.Assessment
	overall := certainty{Type: &concept{Coding: []coding{{System: SystemCertaintyType, Code: "Overall", Display: "Overall certainty"}}}}
	if rc, ok := ratingCodes[a.Certainty]; ok {
		overall.Rating = &concept{Coding: []coding{{System: SystemCertaintyRating, Code: rc[0], Display: rc[1]}}}
	} else {
		overall.Description = "not graded: " + a.StartReason
	}
	for _, dr := range a.Domains {
		tc, ok := certaintyCodes[dr.Domain]
		if !ok {
			continue
		}
		sub := certainty{Type: &concept{Coding: []coding{{System: SystemCertaintyType, Code: tc[0], Display: tc[1]}}},
			Description: dr.Reason}
		if c, disp := effectCode(dr.Effect); c != "" && (dr.Assessed || dr.Overridden) {
			sub.Rating = &concept{Coding: []coding{{System: SystemCertaintyRating, Code: c, Display: disp}}}
		}
		overall.Subcomponent = append(overall.Subcomponent, sub)
	}
	ev.Certainty = []certainty{overall}
	return ev
}
