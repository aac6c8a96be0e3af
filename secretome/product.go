package secretome

// Product is a secretome product: where it comes from, what it is made of,
// how it is formulated, what it is for, and how each batch is released.
//
// The zero value is an empty product that fails validation. Fields whose
// zero value is meaningful (passage 0, 0 %) are pointers or
// decimal.NullDecimal so that "absent" stays distinct from zero.
type Product struct {
	// ID is a stable identifier chosen by the maker, such as "UCMSC-SG-01".
	ID string `json:"id"`
	// Name is the product's name as marketed or registered; required.
	Name string `json:"name"`
	// Maker names the manufacturer.
	Maker string `json:"maker,omitempty"`
	// Source describes the cells that conditioned the medium: cell type,
	// tissue, species, donor, culture and identity tests.
	Source Source `json:"source"`
	// Derivative says what was made from the conditioned medium and by
	// which processing steps.
	Derivative Derivative `json:"derivative"`
	// Composition lists what the product contains, in exact quantities.
	Composition Composition `json:"composition"`
	// Formulation describes the finished product: dosage form, routes,
	// excipients, strength and fill.
	Formulation Formulation `json:"formulation"`
	// Indications lists the conditions the product is meant for; other
	// documents refer to them by Indication.ID.
	Indications []Indication `json:"indications,omitempty"`
	// Release is the release specification every batch is checked
	// against; an empty one draws a warning.
	Release ReleaseSpec `json:"release"`
	// Batches lists manufactured lots with their release results; each is
	// compared with Release during validation.
	Batches []Batch `json:"batches,omitempty"`
	// Storage is the storage temperature range; nil means not stated.
	Storage *Storage `json:"storage,omitempty"`
	// ShelfLife is how long the product keeps from manufacture, as a
	// duration (days, weeks) or calendar duration (months, years).
	ShelfLife Quantity `json:"shelf_life,omitzero"`
	// Price is the price of one unit of product; nil means not given.
	Price *Price `json:"price,omitempty"`
}

// Indication returns the indication with the given ID, or nil.
func (p *Product) Indication(id string) *Indication {
	for i := range p.Indications {
		if p.Indications[i].ID == id {
			return &p.Indications[i]
		}
	}
	return nil
}

// HumanDerived reports whether the product comes from human cells.
func (p *Product) HumanDerived() bool { return p.Source.Species == SpeciesHuman }

// Parenteral reports whether any of the product's routes is parenteral.
func (p *Product) Parenteral() bool {
	for _, r := range p.Formulation.Routes {
		if r.Parenteral() {
			return true
		}
	}
	return false
}

// BreachesBarrier reports whether any route reaches living tissue
// (injection, microneedling, open wounds).
func (p *Product) BreachesBarrier() bool {
	for _, r := range p.Formulation.Routes {
		if r.BreachesBarrier() {
			return true
		}
	}
	return false
}
