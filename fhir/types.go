package fhir

import (
	"encoding/json"
	"errors"
)

// The FHIR R5 elements this package writes and reads. Each struct holds
// only the elements the mapping uses, in the order the R5 resource
// definitions list them, so that output is stable and decoding rejects any
// element the mapping does not know (it would otherwise be lost).

type coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

type concept struct {
	Coding []coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

type reference struct {
	Reference string `json:"reference,omitempty"`
	Display   string `json:"display,omitempty"`
}

type codeableRef struct {
	Concept   *concept   `json:"concept,omitempty"`
	Reference *reference `json:"reference,omitempty"`
}

type identifier struct {
	System string `json:"system,omitempty"`
	Value  string `json:"value,omitempty"`
}

type period struct {
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// number is a JSON number kept as its text, so that its digits survive.
type number string

// MarshalJSON writes the number's text.
func (n number) MarshalJSON() ([]byte, error) { return []byte(n), nil }

// UnmarshalJSON keeps the text of a JSON number and rejects anything else.
func (n *number) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || (b[0] != '-' && (b[0] < '0' || b[0] > '9')) {
		return errors.New("want a JSON number")
	}
	*n = number(b)
	return nil
}

// quantity is a FHIR Quantity; Value is a JSON number written with the
// digits of the dossier.
type quantity struct {
	Value  number `json:"value,omitempty"`
	Unit   string `json:"unit,omitempty"`
	System string `json:"system,omitempty"`
	Code   string `json:"code,omitempty"`
}

type extension struct {
	URL         string      `json:"url"`
	Extension   []extension `json:"extension,omitempty"`
	ValueString *string     `json:"valueString,omitempty"`
	ValueDate   *string     `json:"valueDate,omitempty"`
}

type bundle struct {
	ResourceType string      `json:"resourceType"`
	ID           string      `json:"id,omitempty"`
	Identifier   *identifier `json:"identifier,omitempty"`
	Type         string      `json:"type"`
	Entry        []entry     `json:"entry,omitempty"`
}

type entry struct {
	FullURL  string          `json:"fullUrl,omitempty"`
	Resource json.RawMessage `json:"resource"`
}

type resourceHead struct {
	ResourceType string `json:"resourceType"`
	ID           string `json:"id"`
}

type productName struct {
	ProductName string `json:"productName"`
}

type medicinalProductDefinition struct {
	ResourceType                   string        `json:"resourceType"`
	ID                             string        `json:"id"`
	Extension                      []extension   `json:"extension,omitempty"`
	Identifier                     []identifier  `json:"identifier,omitempty"`
	CombinedPharmaceuticalDoseForm *concept      `json:"combinedPharmaceuticalDoseForm,omitempty"`
	Route                          []concept     `json:"route,omitempty"`
	Classification                 []concept     `json:"classification,omitempty"`
	Name                           []productName `json:"name"`
}

// legalStatus is PackagedProductDefinition.legalStatusOfSupply: how the
// product is classed in one jurisdiction. (In FHIR R5,
// MedicinalProductDefinition.legalStatusOfSupply is a single
// CodeableConcept without a jurisdiction; the per-jurisdiction form is
// the packaged product's.)
type legalStatus struct {
	Extension    []extension `json:"extension,omitempty"`
	Code         *concept    `json:"code,omitempty"`
	Jurisdiction *concept    `json:"jurisdiction,omitempty"`
}

type packagedProductDefinition struct {
	ResourceType        string        `json:"resourceType"`
	ID                  string        `json:"id"`
	PackageFor          []reference   `json:"packageFor,omitempty"`
	LegalStatusOfSupply []legalStatus `json:"legalStatusOfSupply,omitempty"`
}

type itemProperty struct {
	Type          concept   `json:"type"`
	ValueQuantity *quantity `json:"valueQuantity,omitempty"`
}

type manufacturedItemDefinition struct {
	ResourceType         string         `json:"resourceType"`
	ID                   string         `json:"id"`
	Status               string         `json:"status"`
	ManufacturedDoseForm concept        `json:"manufacturedDoseForm"`
	Manufacturer         []reference    `json:"manufacturer,omitempty"`
	Property             []itemProperty `json:"property,omitempty"`
}

type routeOfAdministration struct {
	Code concept `json:"code"`
}

type administrableProductDefinition struct {
	ResourceType          string                  `json:"resourceType"`
	ID                    string                  `json:"id"`
	Status                string                  `json:"status"`
	FormOf                []reference             `json:"formOf,omitempty"`
	AdministrableDoseForm *concept                `json:"administrableDoseForm,omitempty"`
	ProducedFrom          []reference             `json:"producedFrom,omitempty"`
	RouteOfAdministration []routeOfAdministration `json:"routeOfAdministration"`
}

type strength struct {
	PresentationQuantity  *quantity `json:"presentationQuantity,omitempty"`
	ConcentrationQuantity *quantity `json:"concentrationQuantity,omitempty"`
	Basis                 *concept  `json:"basis,omitempty"`
}

type ingredientSubstance struct {
	Code     codeableRef `json:"code"`
	Strength []strength  `json:"strength,omitempty"`
}

type ingredient struct {
	ResourceType string              `json:"resourceType"`
	ID           string              `json:"id"`
	Status       string              `json:"status"`
	For          []reference         `json:"for,omitempty"`
	Role         concept             `json:"role"`
	Function     []concept           `json:"function,omitempty"`
	Substance    ingredientSubstance `json:"substance"`
}

type useIndication struct {
	DiseaseSymptomProcedure *codeableRef `json:"diseaseSymptomProcedure,omitempty"`
	IntendedEffect          *codeableRef `json:"intendedEffect,omitempty"`
}

type clinicalUseDefinition struct {
	ResourceType string         `json:"resourceType"`
	ID           string         `json:"id"`
	Identifier   []identifier   `json:"identifier,omitempty"`
	Type         string         `json:"type"`
	Subject      []reference    `json:"subject,omitempty"`
	Indication   *useIndication `json:"indication,omitempty"`
}

type regulatedAuthorization struct {
	ResourceType   string        `json:"resourceType"`
	ID             string        `json:"id"`
	Identifier     []identifier  `json:"identifier,omitempty"`
	Subject        []reference   `json:"subject,omitempty"`
	Type           *concept      `json:"type,omitempty"`
	Region         []concept     `json:"region,omitempty"`
	Status         *concept      `json:"status,omitempty"`
	ValidityPeriod *period       `json:"validityPeriod,omitempty"`
	Indication     []codeableRef `json:"indication,omitempty"`
	Holder         *reference    `json:"holder,omitempty"`
}

type address struct {
	Country string `json:"country,omitempty"`
}

type contactDetail struct {
	Address *address `json:"address,omitempty"`
}

type qualification struct {
	Identifier []identifier `json:"identifier,omitempty"`
	Code       concept      `json:"code"`
	Period     *period      `json:"period,omitempty"`
	Issuer     *reference   `json:"issuer,omitempty"`
}

type organization struct {
	ResourceType  string          `json:"resourceType"`
	ID            string          `json:"id"`
	Type          []concept       `json:"type,omitempty"`
	Name          string          `json:"name,omitempty"`
	Contact       []contactDetail `json:"contact,omitempty"`
	PartOf        *reference      `json:"partOf,omitempty"`
	Qualification []qualification `json:"qualification,omitempty"`
}

type citationTitle struct {
	Text string `json:"text"`
}

type publicationForm struct {
	ArticleDate string `json:"articleDate,omitempty"`
}

type citedArtifact struct {
	Identifier      []identifier      `json:"identifier,omitempty"`
	Title           []citationTitle   `json:"title,omitempty"`
	PublicationForm []publicationForm `json:"publicationForm,omitempty"`
}

type citation struct {
	ResourceType  string         `json:"resourceType"`
	ID            string         `json:"id"`
	Identifier    []identifier   `json:"identifier,omitempty"`
	Title         string         `json:"title,omitempty"`
	Status        string         `json:"status"`
	CitedArtifact *citedArtifact `json:"citedArtifact,omitempty"`
}

type variableDefinition struct {
	Description  string  `json:"description,omitempty"`
	VariableRole concept `json:"variableRole"`
}

type certainty struct {
	Description  string      `json:"description,omitempty"`
	Type         *concept    `json:"type,omitempty"`
	Rating       *concept    `json:"rating,omitempty"`
	Subcomponent []certainty `json:"subcomponent,omitempty"`
}

type relatedArtifact struct {
	Type              string     `json:"type"`
	ResourceReference *reference `json:"resourceReference,omitempty"`
}

type evidenceResource struct {
	ResourceType       string               `json:"resourceType"`
	ID                 string               `json:"id"`
	Title              string               `json:"title,omitempty"`
	Status             string               `json:"status"`
	RelatedArtifact    []relatedArtifact    `json:"relatedArtifact,omitempty"`
	Description        string               `json:"description,omitempty"`
	VariableDefinition []variableDefinition `json:"variableDefinition"`
	Certainty          []certainty          `json:"certainty,omitempty"`
}
