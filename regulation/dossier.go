package regulation

import (
	"slices"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
)

// Dossier is what a maker or a hospital knows about a product and what it
// means to do with it: the product, who makes it and where, the
// authorisations held, the intended uses, the claims made for it and the
// studies behind them. It is the input of an assessment.
//
// Decode a dossier with DecodeDossier, or build one in Go and call
// Validate. The zero Dossier is empty and fails validation.
type Dossier struct {
	// Schema is the URI of the JSON Schema the dossier follows ("$schema"),
	// such as the one "secretome schema" prints; it lets an editor find the
	// schema and is otherwise ignored.
	Schema string `json:"$schema,omitempty"`
	// Format names the version of the dossier format: "secretomekit/dossier/v2"
	// (FormatV2, the current one) or "secretomekit/dossier/v1"; left out,
	// the dossier is read as v1, whose every document is a valid v2
	// dossier with the same meaning. Any other value is a validation error
	// naming the versions this library reads.
	Format string `json:"format,omitempty"`
	// Product is the product itself.
	Product secretome.Product `json:"product"`
	// Manufacturer is who makes the product, with its sites.
	Manufacturer Manufacturer `json:"manufacturer"`
	// Authorisations lists every authorisation, designation, approval and
	// record held for the product or its use.
	Authorisations []Authorisation `json:"authorisations,omitempty"`
	// Uses lists the intended uses to assess.
	Uses []Use `json:"uses"`
	// Claims lists what the product is said to do.
	Claims []Claim `json:"claims,omitempty"`
	// AdvertisedToPublic says whether the product is advertised to the
	// general public in every market of the dossier; nil means not stated.
	// A use's own AdvertisedToPublic, and claims made on a website or
	// social media in the use's market, say it per market and win over
	// this flag (see Dossier.AdvertisedIn).
	AdvertisedToPublic *bool `json:"advertised_to_public,omitempty"`
	// Studies lists the evidence the claims cite.
	Studies []evidence.Study `json:"studies,omitempty"`
}

// The versions of the dossier format.
const (
	// FormatV1 is the first dossier format. A dossier without a format
	// field is read as v1.
	FormatV1 = "secretomekit/dossier/v1"
	// FormatV2 adds the facts a verdict turns on: held, not held or not
	// stated (gmp_status, authorisation status, donor testing, licence to
	// treat), new settings, administrators, routes and authorisation
	// kinds, and claims with channels and markets. Every v1 dossier is a
	// v2 dossier with the same meaning, so v1 dossiers need no migration.
	FormatV2 = "secretomekit/dossier/v2"
	// FormatCurrent is the format this library writes and documents.
	FormatCurrent = FormatV2
)

// Formats lists the format versions this library reads, oldest first.
func Formats() []string { return []string{FormatV1, FormatV2} }

// Manufacturer is the maker of the product.
type Manufacturer struct {
	// Name is the legal name.
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of the maker's seat.
	Country string `json:"country,omitempty"`
	// Sites lists the places where the product is made or processed.
	Sites []Site `json:"sites,omitempty"`
}

// Site is one manufacturing or processing site.
type Site struct {
	// Name names the site.
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of the site's country.
	Country string `json:"country,omitempty"`
	// GMP lists the site's good-manufacturing-practice certificates.
	GMP []GMPCertificate `json:"gmp,omitempty"`
	// GMPStatus says whether the site holds a GMP certificate at all:
	// "held" (listed in GMP, or held and not detailed), "not_held" (the
	// dossier states the site has none; GMP must then be empty), or left
	// out (not stated). A stated absence closes the routes that need GMP
	// production; an unstated one leaves GMP as a condition to show.
	GMPStatus secretome.Holding `json:"gmp_status,omitempty"`
}

// GMPCertificate is a good-manufacturing-practice certificate (CPOB in
// Indonesia) issued to a site.
type GMPCertificate struct {
	// Authority is the issuing authority, such as "BPOM".
	Authority string `json:"authority"`
	// Jurisdiction is the code of the authority's jurisdiction, such as "ID".
	Jurisdiction string `json:"jurisdiction"`
	// Number is the certificate number.
	Number string `json:"number"`
	// Scope says what the certificate covers, such as "ATMP: cell
	// processing, secretome".
	Scope string `json:"scope,omitempty"`
	// ValidFrom is the first day the certificate is valid; zero means not
	// stated (valid from any day).
	ValidFrom secretome.Date `json:"valid_from,omitzero"`
	// ValidUntil is the last day the certificate is valid, included; zero
	// means not stated (no end).
	ValidUntil secretome.Date `json:"valid_until,omitzero"`
}

// ValidOn reports whether the certificate is valid on day d. A certificate
// without dates is taken as valid.
func (g *GMPCertificate) ValidOn(d secretome.Date) bool { return within(d, g.ValidFrom, g.ValidUntil) }

// Authorisation is a permit, licence, approval, designation or record,
// or, with Status "not_held", the statement that one is not held.
type Authorisation struct {
	// Kind says what it is.
	Kind AuthorisationKind `json:"kind"`
	// Status says where it stands: held (the default), not_held (the
	// dossier states none is held), applied, suspended, revoked or
	// expired. Only a held authorisation takes effect; a revoked one is
	// reported as revoked, not as lapsed.
	Status AuthorisationStatus `json:"status,omitempty"`
	// Number is the authorisation's number or reference; required unless
	// Status is not_held.
	Number string `json:"number,omitempty"`
	// Holder is who holds it (a company, a hospital, an investigator).
	Holder string `json:"holder,omitempty"`
	// Jurisdiction is the code of the jurisdiction that granted it.
	Jurisdiction string `json:"jurisdiction"`
	// Facility names the hospital or site it concerns, for designations
	// and facility licences; a use in a named facility needs a designation
	// for that facility.
	Facility string `json:"facility,omitempty"`
	// ValidFrom is the first day it is valid; zero means not stated (valid
	// from any day).
	ValidFrom secretome.Date `json:"valid_from,omitzero"`
	// ValidUntil is the last day it is valid, included (an IND or
	// designation that has lapsed or expired); zero means not stated (no
	// end).
	ValidUntil secretome.Date `json:"valid_until,omitzero"`
	// Indications lists the IDs of the product indications it covers;
	// empty means it does not restrict indications.
	Indications []string `json:"indications,omitempty"`
	// AdverseEventsReported says whether adverse events under the
	// authorisation are reported to the authority, as a hospital
	// exemption, expanded access and conditional approvals require; nil
	// means not stated.
	AdverseEventsReported *bool `json:"adverse_events_reported,omitempty"`
}

// ValidOn reports whether the authorisation is in effect on day d: held
// (or of no stated status) and within its dates. An authorisation without
// dates is taken as valid.
func (a *Authorisation) ValidOn(d secretome.Date) bool {
	return a.Status.InEffect() && within(d, a.ValidFrom, a.ValidUntil)
}

// Covers reports whether the authorisation covers the indication ID: it
// lists it, or lists none.
func (a *Authorisation) Covers(indication string) bool {
	if len(a.Indications) == 0 {
		return true
	}
	for _, id := range a.Indications {
		if id == indication {
			return true
		}
	}
	return false
}

// Use is one intended use of the product: where, for what, by whom and how.
type Use struct {
	// Jurisdiction is the code of the jurisdiction of use, such as "ID".
	Jurisdiction string `json:"jurisdiction"`
	// Class is the kind of use.
	Class UseClass `json:"class"`
	// Setting is where the product is used or sold.
	Setting Setting `json:"setting,omitempty"`
	// Facility names the hospital, clinic or laboratory, when known.
	Facility string `json:"facility,omitempty"`
	// Administrator is the profession of whoever gives or applies the
	// product ("none" for a person of no health profession).
	Administrator Administrator `json:"administrator,omitempty"`
	// LicenceToTreat says whether whoever gives or applies the product
	// holds a licence to treat people in the use's jurisdiction: "held",
	// "not_held" (a foreign or lapsed licence, or a licence for animals),
	// or left out (not stated).
	LicenceToTreat secretome.Holding `json:"licence_to_treat,omitempty"`
	// AdvertisedToPublic says whether the product is advertised to the
	// general public in the use's market; nil means not stated, and then
	// claims made there on a website or social media, or the dossier's own
	// flag, decide (see Dossier.AdvertisedIn).
	AdvertisedToPublic *bool `json:"advertised_to_public,omitempty"`
	// Route is how the product is given in this use.
	Route secretome.Route `json:"route,omitempty"`
	// Indications lists the IDs of the product indications the use is for.
	Indications []string `json:"indications,omitempty"`
}

// Claim is something said about what the product does, in labelling,
// advertising or a dossier.
type Claim struct {
	// Wording is the claim as made.
	Wording string `json:"wording"`
	// Indication is the ID of the product indication the claim concerns;
	// "" for a claim about no particular indication.
	Indication string `json:"indication,omitempty"`
	// Intent is the kind of claim; zero takes the indication's intent.
	Intent secretome.Intent `json:"intent,omitempty"`
	// Studies lists the IDs of the studies that support the claim.
	Studies []string `json:"studies,omitempty"`
	// Channels lists where the claim is made: label, leaflet, website,
	// social_media, trade_promotion. Empty means not stated.
	Channels []Channel `json:"channels,omitempty"`
	// Markets lists the jurisdiction codes where the claim is made. Empty
	// means every market of the dossier's uses.
	Markets []string `json:"markets,omitempty"`
}

// Reaches reports whether the claim is made in the market with the
// jurisdiction code: it lists the market, or lists none.
func (cl *Claim) Reaches(market string) bool {
	return len(cl.Markets) == 0 || slices.Contains(cl.Markets, market)
}

// Public reports whether the claim is made on a channel open to the
// general public (a website or social media).
func (cl *Claim) Public() bool {
	for _, ch := range cl.Channels {
		if ch.Public() {
			return true
		}
	}
	return false
}

// AdvertisedIn says whether the product is advertised to the general
// public in the market with the jurisdiction code, and whether the
// dossier says so at all: yes when a claim is made there on a website or
// social media, or a use in the market says it is advertised; no when a
// use in the market says it is not; otherwise the dossier's own
// AdvertisedToPublic, which may be not stated.
func (d *Dossier) AdvertisedIn(market string) (advertised, stated bool) {
	for k := range d.Claims {
		if cl := &d.Claims[k]; cl.Public() && cl.Reaches(market) {
			return true, true
		}
	}
	no := false
	for i := range d.Uses {
		u := &d.Uses[i]
		if u.Jurisdiction != market || u.AdvertisedToPublic == nil {
			continue
		}
		if *u.AdvertisedToPublic {
			return true, true
		}
		no = true
	}
	if no {
		return false, true
	}
	if d.AdvertisedToPublic != nil {
		return *d.AdvertisedToPublic, true
	}
	return false, false
}

// ClaimReaches reports whether the claim reaches the use: it is made in
// the use's market, and concerns no particular indication, or one of the
// use's (a use that names no indication is reached by every claim).
func (d *Dossier) ClaimReaches(cl *Claim, u *Use) bool {
	return cl.Reaches(u.Jurisdiction) &&
		(cl.Indication == "" || len(u.Indications) == 0 || slices.Contains(u.Indications, cl.Indication))
}

// within reports whether d lies in [from, until], open where zero.
func within(d, from, until secretome.Date) bool {
	if !from.IsZero() && d.Before(from) {
		return false
	}
	if !until.IsZero() && d.After(until) {
		return false
	}
	return true
}
