package policy

import (
	"reflect"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// The view of a dossier that conditions see. Every enumeration is its
// stable spelling ("hospital_service", "sterility"), every date its
// "YYYY-MM-DD" text ("" when not given; such texts compare in date order)
// and every quantity its text as written ("0.5 EU/mL"). Lists are never
// null: an absent list is empty. Field names are those of the dossier
// format, so that a condition reads like the document it checks.
//
// These types document the view and give CEL its types. Conditions do
// not read them: they read nodes (node.go) whose field values are made
// from the dossier when a condition first reads them, once per
// assessment. To add a dossier field to the view, add it to the view
// type with a `cel` tag and give its value in viewKinds; a test checks
// that the two agree.

// Dossier is the view of a regulation.Dossier, the variable dossier.
type Dossier struct {
	Product            Product         `cel:"product"`
	Manufacturer       Manufacturer    `cel:"manufacturer"`
	Authorisations     []Authorisation `cel:"authorisations"`
	Uses               []Use           `cel:"uses"`
	Claims             []Claim         `cel:"claims"`
	Studies            []Study         `cel:"studies"`
	AdvertisedToPublic string          `cel:"advertised_to_public"` // "yes", "no" or "" (not stated)
}

// Product is the view of the product (dossier.product).
type Product struct {
	ID          string       `cel:"id"`
	Name        string       `cel:"name"`
	Maker       string       `cel:"maker"`
	CellType    string       `cel:"cell_type"`  // product.source.cell_type
	Tissue      string       `cel:"tissue"`     // product.source.tissue
	Species     string       `cel:"species"`    // product.source.species
	DonorType   string       `cel:"donor_type"` // product.source.donor.type
	Derivative  string       `cel:"derivative"` // product.derivative.type
	DosageForm  string       `cel:"dosage_form"`
	Routes      []string     `cel:"routes"`
	Indications []Indication `cel:"indications"`
	// ReleaseTests lists the release specification (product.release.tests).
	ReleaseTests []ReleaseTest `cel:"release_tests"`
	Batches      []Batch       `cel:"batches"`
}

// Indication is the view of a product indication.
type Indication struct {
	Index     int64  `cel:"index"`
	ID        string `cel:"id"`
	Condition string `cel:"condition"`
	Label     string `cel:"label"`
	ICD10     string `cel:"icd10"`
	ICD11     string `cel:"icd11"`
	BodySite  string `cel:"body_site"`
	Intent    string `cel:"intent"`
}

// ReleaseTest is the view of a release test of the specification.
type ReleaseTest struct {
	Kind   string `cel:"kind"`
	Name   string `cel:"name"`
	Method string `cel:"method"`
	Limit  string `cel:"limit"` // as people read it: "≤ 0.5 EU/mL", "negative"
}

// Batch is the view of a batch and its release results.
type Batch struct {
	Index        int64    `cel:"index"`
	ID           string   `cel:"id"`
	Manufactured string   `cel:"manufactured"`
	Expiry       string   `cel:"expiry"`
	Results      []Result `cel:"results"`
}

// Result is the view of one release test result of a batch.
type Result struct {
	Kind    string `cel:"kind"`
	Name    string `cel:"name"`
	Value   string `cel:"value"`   // "" for a qualitative result
	Outcome string `cel:"outcome"` // "" for a numeric result
}

// Manufacturer is the view of the manufacturer.
type Manufacturer struct {
	Name    string `cel:"name"`
	Country string `cel:"country"`
	Sites   []Site `cel:"sites"`
}

// Site is the view of a manufacturing site.
type Site struct {
	Name    string `cel:"name"`
	Country string `cel:"country"`
	// GMPJurisdictions lists the jurisdictions of the GMP certificates
	// valid on the as-of day.
	GMPJurisdictions []string `cel:"gmp_jurisdictions"`
}

// Authorisation is the view of an authorisation.
type Authorisation struct {
	Index        int64    `cel:"index"`
	Kind         string   `cel:"kind"`
	Number       string   `cel:"number"`
	Holder       string   `cel:"holder"`
	Jurisdiction string   `cel:"jurisdiction"`
	Facility     string   `cel:"facility"`
	ValidFrom    string   `cel:"valid_from"`
	ValidUntil   string   `cel:"valid_until"`
	Indications  []string `cel:"indications"`
	// Valid says whether it is valid on the as-of day (computed).
	Valid bool `cel:"valid"`
}

// Use is the view of an intended use.
type Use struct {
	Index         int64    `cel:"index"`
	Jurisdiction  string   `cel:"jurisdiction"`
	Class         string   `cel:"class"`
	Setting       string   `cel:"setting"`
	Facility      string   `cel:"facility"`
	Administrator string   `cel:"administrator"`
	Route         string   `cel:"route"`
	Indications   []string `cel:"indications"`
}

// Claim is the view of a claim, with the GRADE certainty of its evidence.
type Claim struct {
	Index      int64  `cel:"index"`
	Wording    string `cel:"wording"`
	Indication string `cel:"indication"`
	// Intent is the claim's intent, or its indication's when the claim
	// gives none (computed).
	Intent  string   `cel:"intent"`
	Studies []string `cel:"studies"`
	// Certainty is the GRADE certainty of the evidence the claim cites,
	// as regulation.Context.ClaimCertainty grades it: "not_graded",
	// "very_low", "low", "moderate" or "high" (computed).
	Certainty string `cel:"certainty"`
	// CitedFound counts the cited studies the dossier holds (computed).
	CitedFound int64 `cel:"cited_found"`
}

// Study is the view of a study.
type Study struct {
	Index   int64  `cel:"index"`
	ID      string `cel:"id"`
	Title   string `cel:"title"`
	Year    int64  `cel:"year"`
	Design  string `cel:"design"`
	Size    int64  `cel:"size"`    // participants (population.size); -1 when not given
	Country string `cel:"country"` // population.country
}

// viewTypes are the Go types of the view, registered with CEL.
var viewTypes = []any{
	reflect.TypeFor[Dossier](), reflect.TypeFor[Product](), reflect.TypeFor[Indication](),
	reflect.TypeFor[ReleaseTest](), reflect.TypeFor[Batch](), reflect.TypeFor[Result](),
	reflect.TypeFor[Manufacturer](), reflect.TypeFor[Site](), reflect.TypeFor[Authorisation](),
	reflect.TypeFor[Use](), reflect.TypeFor[Claim](), reflect.TypeFor[Study](),
}

// viewKey is the key of the view in regulation.Context.Shared.
type viewKey struct{}

// View returns the view of the dossier a rule's context holds, as the
// conditions of policy rules see it.
func View(c *regulation.Context) *Dossier {
	return assessmentView(c).root.goValue().(*Dossier)
}

// assessmentView returns the assessment's view, made once per assessment
// whatever the number of policy rules. Its parts are built when a
// condition first reads them.
func assessmentView(c *regulation.Context) *view {
	return c.Shared(viewKey{}, func() any { return newView(c) }).(*view)
}

func date(d secretome.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func quantity(q secretome.Quantity) string {
	if q.IsZero() {
		return ""
	}
	return q.String()
}

// orEmpty returns s, or an empty list for nil, so that conditions never
// meet a null list.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func designName(d evidence.Design) string {
	b, err := d.MarshalText()
	if err != nil {
		return ""
	}
	return string(b)
}

// claimIntent is the claim's own intent, or its indication's.
func claimIntent(d *regulation.Dossier, cl *regulation.Claim) secretome.Intent {
	if cl.Intent != secretome.IntentUnspecified || cl.Indication == "" {
		return cl.Intent
	}
	for i := range d.Product.Indications {
		if d.Product.Indications[i].ID == cl.Indication {
			return d.Product.Indications[i].Intent
		}
	}
	return cl.Intent
}
