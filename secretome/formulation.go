package secretome

import (
	"github.com/openregen/secretomekit/internal/enum"
	"github.com/shopspring/decimal"
)

// DosageForm is the pharmaceutical form of the product as supplied.
type DosageForm uint8

// Dosage forms. DosageFormUnspecified (the zero value) means not given.
const (
	DosageFormUnspecified DosageForm = iota
	DosageFormGel
	DosageFormCream
	DosageFormOintment
	DosageFormSerum // cosmetic serum
	DosageFormSolutionForInjection
	DosageFormEyeDrops
	DosageFormSpray
	DosageFormPowderForReconstitution
	DosageFormDressing
	DosageFormSolution
)

var dosageFormNames = enum.New[DosageForm]("dosage form", "", "gel", "cream", "ointment", "serum",
	"solution_for_injection", "eye_drops", "spray", "powder_for_reconstitution", "dressing", "solution")

// String returns the stable spelling, such as "gel".
func (v DosageForm) String() string { return dosageFormNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v DosageForm) MarshalText() ([]byte, error) { return dosageFormNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *DosageForm) UnmarshalText(b []byte) error { return dosageFormNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (DosageForm) Values() []string { return dosageFormNames.Values() }

// Route is how the product reaches the body.
type Route uint8

// Routes, as a clinician writes them. RouteUnspecified (the zero value)
// means not given. Spellings are never renamed, so older dossiers keep
// decoding; new routes are added at the end.
const (
	RouteUnspecified    Route = iota
	RouteTopical              // "topical": onto intact skin, hair, nails or lips
	RouteTopicalWound         // "topical_wound": onto broken skin or an open wound
	RouteMicroneedling        // "microneedling": applied with or after microneedling
	RouteIntradermal          // "intradermal": injected into the skin
	RouteSubcutaneous         // "subcutaneous": injected under the skin
	RouteIntramuscular        // "intramuscular": injected into a muscle
	RouteIntravenous          // "intravenous": injected or infused into a vein
	RouteIntraArticular       // "intra_articular": injected into a joint
	RouteIntrathecal          // "intrathecal": injected into the spinal canal
	RouteOphthalmic           // "ophthalmic": into or onto the eye
	RouteIntranasal           // "intranasal": into the nose
	RouteInhalation           // "inhalation": inhaled
	RouteLocalImplant         // "local_implant": applied into a surgical site, such as a bone defect
	RouteIntraovarian         // "intraovarian": injected into an ovary
	RouteIntrauterine         // "intrauterine": instilled into the uterus
)

var routeNames = enum.New[Route]("route", "", "topical", "topical_wound", "microneedling",
	"intradermal", "subcutaneous", "intramuscular", "intravenous", "intra_articular", "intrathecal",
	"ophthalmic", "intranasal", "inhalation", "local_implant", "intraovarian", "intrauterine")

// String returns the stable spelling, such as "intravenous".
func (v Route) String() string { return routeNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Route) MarshalText() ([]byte, error) { return routeNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Route) UnmarshalText(b []byte) error { return routeNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (Route) Values() []string { return routeNames.Values() }

// Parenteral reports whether the route bypasses the skin or mucosal barrier
// by injection or implantation, so that sterility, endotoxin and mycoplasma
// release tests are expected.
func (v Route) Parenteral() bool {
	switch v {
	case RouteIntradermal, RouteSubcutaneous, RouteIntramuscular, RouteIntravenous,
		RouteIntraArticular, RouteIntrathecal, RouteLocalImplant, RouteIntraovarian:
		return true
	}
	return false
}

// BreachesBarrier reports whether the route reaches living tissue or a
// sterile body cavity: every parenteral route, microneedling, application
// to open wounds and instillation into the uterus.
func (v Route) BreachesBarrier() bool {
	return v.Parenteral() || v == RouteMicroneedling || v == RouteTopicalWound || v == RouteIntrauterine
}

// Reproductive reports whether the route reaches the reproductive organs
// (an ovary or the uterus), where a use commonly serves fertility.
func (v Route) Reproductive() bool { return v == RouteIntraovarian || v == RouteIntrauterine }

// External reports whether the route only touches the outside of the body
// (intact skin, hair, nails, lips, mucosa of the mouth), which is where
// cosmetics act.
func (v Route) External() bool { return v == RouteTopical }

// Formulation describes the finished product.
type Formulation struct {
	// DosageForm is the form as supplied (gel, solution for injection);
	// required.
	DosageForm DosageForm `json:"dosage_form"`
	// Routes lists every route of administration the product is meant
	// for; at least one is required, each once.
	Routes []Route `json:"routes"`
	// Excipients lists the other ingredients.
	Excipients []Excipient `json:"excipients,omitempty"`
	// Strength is the amount of active material per unit of product.
	Strength *Strength `json:"strength,omitempty"`
	// FillVolume is the amount in one container (a volume or a mass).
	FillVolume Quantity `json:"fill_volume,omitzero"`
}

// Excipient is an ingredient other than the secretome itself.
type Excipient struct {
	// Name names the ingredient, such as "carbomer 940"; required.
	Name string `json:"name"`
	// Quantity is its amount or concentration in the product, in any
	// unit; zero means not stated.
	Quantity Quantity `json:"quantity,omitzero"`
	// Function says what it is for, such as "gelling agent".
	Function string `json:"function,omitempty"`
}

// Strength is an amount of active material per amount of product, such as
// 50 µg total protein per 1 g of gel.
type Strength struct {
	// Amount is the amount of active material, such as 50 µg; required.
	Amount Quantity `json:"amount"`
	// Per is the amount of product that holds Amount, a positive volume
	// or mass such as 1 g; required.
	Per Quantity `json:"per"`
	// Basis says what Amount measures, such as "total protein".
	Basis string `json:"basis,omitempty"`
}

// Intent is the purpose an indication is pursued for.
type Intent uint8

// Intents. IntentUnspecified (the zero value) means not given.
const (
	IntentUnspecified Intent = iota
	IntentTherapeutic
	IntentCosmetic
	IntentResearch
)

var intentNames = enum.New[Intent]("intent", "", "therapeutic", "cosmetic", "research")

// String returns the stable spelling, such as "therapeutic".
func (v Intent) String() string { return intentNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Intent) MarshalText() ([]byte, error) { return intentNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Intent) UnmarshalText(b []byte) error { return intentNames.Unmarshal(v, b) }

// Values lists the accepted spellings.
func (Intent) Values() []string { return intentNames.Values() }

// Indication is a condition the product is meant for.
type Indication struct {
	// ID is the key other parts of a dossier use to refer to it.
	ID string `json:"id"`
	// Condition is the condition in words, such as "chronic diabetic foot ulcer".
	Condition string `json:"condition"`
	// Label is the indication as the product's label, leaflet or
	// advertising words it, such as "accelerates the healing of chronic
	// wounds", kept verbatim beside the clinical Condition so that a
	// reviewer can compare the claim with what the product is for.
	Label string `json:"label,omitempty"`
	// ICD10 is a WHO ICD-10 code ("L89.3") or block ("T20-T32"); ICD-10-CM
	// codes up to seven characters are accepted too.
	ICD10 string `json:"icd10,omitempty"`
	// ICD11 is an ICD-11 MMS code, such as "EB40.0".
	ICD11 string `json:"icd11,omitempty"`
	// BodySite is where the product is applied, such as "face" or
	// "knee joint".
	BodySite string `json:"body_site,omitempty"`
	// Intent says whether the indication is therapeutic, cosmetic or for
	// research; required, and a therapeutic one should carry an ICD code.
	Intent Intent `json:"intent"`
	// Population describes who is treated, such as "adults with type 2
	// diabetes".
	Population string `json:"population,omitempty"`
}

// Storage is the temperature range the product must be kept in.
type Storage struct {
	// Min is the lowest storage temperature, in °C; zero means no lower
	// bound. At least one of Min and Max is required.
	Min Quantity `json:"min,omitzero"`
	// Max is the highest storage temperature, in °C; zero means no upper
	// bound.
	Max Quantity `json:"max,omitzero"`
	// Conditions adds anything else, such as "protect from light".
	Conditions string `json:"conditions,omitempty"`
}

// Price is an exact amount of money for a unit of product.
type Price struct {
	// Amount is the price in Currency, exact and positive; it is written
	// to JSON as a string so that no reader turns it into a float.
	Amount decimal.Decimal `json:"amount"`
	// Currency is an ISO 4217 alphabetic code, such as "IDR".
	Currency string `json:"currency"`
	// Per names the unit priced, such as "vial of 5 mL".
	Per string `json:"per"`
}
