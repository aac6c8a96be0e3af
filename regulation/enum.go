package regulation

import "github.com/openregen/secretomekit/internal/enum"

// EnumError reports a spelling that is not one of an enumeration's values.
// It is the same type as secretome.EnumError, so one errors.As finds it
// wherever in a dossier the spelling was. The dossier decoder reports it
// with the code "enum".
type EnumError = enum.Error

// Provenance says how sure a rule is: whether its content was read in the
// instrument itself, in an official or reliable summary of it, or is our
// own reading of what the instrument implies for secretome products.
// Every Finding carries the provenance of its rule, so that nobody
// mistakes an inference for the law.
type Provenance uint8

// The provenance levels, from most to least sure. The zero value is not a
// level; RuleSet construction rejects it.
const (
	// ProvenancePrimary: read in the instrument itself ("primary").
	ProvenancePrimary Provenance = iota + 1
	// ProvenanceSecondary: read in an official or reliable summary, such
	// as a regulator's press release or a law firm's note ("secondary").
	ProvenanceSecondary
	// ProvenanceInferred: our reading of what a rule implies for the
	// product; not stated by any source ("inferred").
	ProvenanceInferred
)

var provenanceNames = enum.New[Provenance]("provenance", "", "primary", "secondary", "inferred")

// String returns "primary", "secondary" or "inferred".
func (p Provenance) String() string { return provenanceNames.Name(p) }

// Valid reports whether p is one of the three levels.
func (p Provenance) Valid() bool { return provenanceNames.Valid(p) }

// MarshalText encodes the stable spelling.
func (p Provenance) MarshalText() ([]byte, error) { return provenanceNames.Marshal(p) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (p *Provenance) UnmarshalText(b []byte) error { return provenanceNames.Unmarshal(p, b) }

// ParseProvenance returns the provenance with the given spelling.
// The empty string, which UnmarshalText reads as "not given", is an error
// here.
func ParseProvenance(s string) (Provenance, error) {
	var p Provenance
	if err := p.UnmarshalText([]byte(s)); err != nil {
		return 0, err
	}
	if !p.Valid() {
		return 0, &EnumError{Kind: provenanceNames.Kind(), Value: s, Allowed: provenanceNames.Values()}
	}
	return p, nil
}

// Values lists the accepted spellings.
func (Provenance) Values() []string { return provenanceNames.Values() }

// Verdict is the answer for one intended use in one jurisdiction.
type Verdict uint8

// The verdicts. The zero value is VerdictUnknown: no rule decided the use,
// or a rule said the law is not known for it.
const (
	// VerdictUnknown: the shipped facts do not settle the use ("unknown").
	VerdictUnknown Verdict = iota
	// VerdictPermitted: every rule that spoke allows the use as described
	// ("permitted").
	VerdictPermitted
	// VerdictPermittedWithConditions: a lawful route exists, but the
	// dossier does not show every condition of it; UseAssessment.Missing
	// lists them ("permitted_with_conditions").
	VerdictPermittedWithConditions
	// VerdictProhibited: the use as described has no lawful route, or
	// lacks the authorisation that is the gateway to it ("prohibited").
	VerdictProhibited
)

var verdictNames = enum.New[Verdict]("verdict", "unknown", "permitted", "permitted_with_conditions", "prohibited")

// String returns the stable spelling, such as "permitted_with_conditions".
func (v Verdict) String() string { return verdictNames.Name(v) }

// MarshalText encodes the stable spelling.
func (v Verdict) MarshalText() ([]byte, error) { return verdictNames.Marshal(v) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (v *Verdict) UnmarshalText(b []byte) error { return verdictNames.Unmarshal(v, b) }

// rank orders verdicts for combining the outcomes of several rules:
// a prohibition wins over an unknown, an unknown over conditions, and
// conditions over a plain permission.
func (v Verdict) rank() int {
	switch v {
	case VerdictPermitted:
		return 1
	case VerdictPermittedWithConditions:
		return 2
	case VerdictUnknown:
		return 3
	case VerdictProhibited:
		return 4
	}
	return 0
}

// Values lists the accepted spellings.
func (Verdict) Values() []string { return verdictNames.Values() }

// UseClass is the kind of use a product is put to.
type UseClass uint8

// The use classes. The zero value means not given; validation rejects it.
const (
	UseClassUnspecified UseClass = iota
	// UseResearch: laboratory or preclinical research, no patients ("research").
	UseResearch
	// UseClinicalTrial: an interventional clinical study ("clinical_trial").
	UseClinicalTrial
	// UseHospitalService: use on patients by a provider without a marketing
	// authorisation, such as Indonesia's service-based research or Japan's
	// free practice ("hospital_service").
	UseHospitalService
	// UseMarketedTherapeutic: supply as a medicinal product ("marketed_therapeutic").
	UseMarketedTherapeutic
	// UseCosmetic: supply or use as a cosmetic ("cosmetic").
	UseCosmetic
)

var useClassNames = enum.New[UseClass]("use class", "", "research", "clinical_trial", "hospital_service", "marketed_therapeutic", "cosmetic")

// String returns the stable spelling, such as "clinical_trial".
func (c UseClass) String() string { return useClassNames.Name(c) }

// MarshalText encodes the stable spelling.
func (c UseClass) MarshalText() ([]byte, error) { return useClassNames.Marshal(c) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (c *UseClass) UnmarshalText(b []byte) error { return useClassNames.Unmarshal(c, b) }

// Clinical reports whether the use puts the product into or onto patients
// as a medicine: a clinical trial, a hospital service or a marketed
// therapeutic.
func (c UseClass) Clinical() bool {
	return c == UseClinicalTrial || c == UseHospitalService || c == UseMarketedTherapeutic
}

// Values lists the accepted spellings.
func (UseClass) Values() []string { return useClassNames.Values() }

// Setting is where a product is used or sold.
type Setting uint8

// The settings. The zero value means not given.
const (
	SettingUnspecified Setting = iota
	// SettingHospital: a licensed hospital ("hospital").
	SettingHospital
	// SettingDesignatedHospital: a hospital designated by the health
	// ministry for cell-based therapy research ("designated_hospital").
	SettingDesignatedHospital
	// SettingClinic: a medical clinic ("clinic").
	SettingClinic
	// SettingBeautyClinic: a beauty or aesthetic clinic ("beauty_clinic").
	SettingBeautyClinic
	// SettingHome: the patient's or consumer's home ("home").
	SettingHome
	// SettingLaboratory: a laboratory, no patients ("laboratory").
	SettingLaboratory
	// SettingPharmacy: a licensed pharmacy, dispensing or administering
	// ("pharmacy").
	SettingPharmacy
	// SettingRetail: sale in a shop or over the counter to the public,
	// outside a pharmacy ("retail").
	SettingRetail
	// SettingOnline: sale to the public online, by a web shop, a
	// marketplace or social media ("online").
	SettingOnline
	// SettingUnlicensedPremises: premises without a licence for health
	// care, or licensed for something else, such as a veterinary practice
	// used to treat people ("unlicensed_premises").
	SettingUnlicensedPremises
)

var settingNames = enum.New[Setting]("setting", "", "hospital", "designated_hospital", "clinic", "beauty_clinic", "home", "laboratory",
	"pharmacy", "retail", "online", "unlicensed_premises")

// String returns the stable spelling, such as "designated_hospital".
func (s Setting) String() string { return settingNames.Name(s) }

// MarshalText encodes the stable spelling.
func (s Setting) MarshalText() ([]byte, error) { return settingNames.Marshal(s) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (s *Setting) UnmarshalText(b []byte) error { return settingNames.Unmarshal(s, b) }

// Administrator is the profession of whoever gives or applies the
// product; whether they hold a licence to treat people is Use.LicenceToTreat.
type Administrator uint8

// The administrators. The zero value means not given.
const (
	AdministratorUnspecified  Administrator = iota
	AdministratorPhysician                  // "physician"
	AdministratorDentist                    // "dentist"
	AdministratorNurse                      // "nurse"
	AdministratorVeterinarian               // "veterinarian"
	AdministratorBeautician                 // "beautician"
	AdministratorPatient                    // "patient": self-administered
	AdministratorPharmacist                 // "pharmacist"
	AdministratorNone                       // "none": a person of no health profession
)

var administratorNames = enum.New[Administrator]("administrator", "", "physician", "dentist", "nurse", "veterinarian", "beautician", "patient",
	"pharmacist", "none")

// String returns the stable spelling, such as "physician".
func (a Administrator) String() string { return administratorNames.Name(a) }

// MarshalText encodes the stable spelling.
func (a Administrator) MarshalText() ([]byte, error) { return administratorNames.Marshal(a) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (a *Administrator) UnmarshalText(b []byte) error { return administratorNames.Unmarshal(a, b) }

// Prescriber reports whether the administrator is a physician or dentist,
// the professions that may take medical responsibility for a treatment.
func (a Administrator) Prescriber() bool {
	return a == AdministratorPhysician || a == AdministratorDentist
}

// Values lists the accepted spellings.
func (Administrator) Values() []string { return administratorNames.Values() }

// Values lists the accepted spellings.
func (Setting) Values() []string { return settingNames.Values() }

// AuthorisationKind is the kind of permit, licence, approval or record a
// dossier holds.
type AuthorisationKind uint8

// The authorisation kinds. The zero value means not given.
const (
	AuthorisationUnspecified AuthorisationKind = iota
	// AuthMarketingAuthorisation: a marketing authorisation or approval to
	// market a medicine (EU MA, Japanese PMD Act approval, MFDS approval)
	// ("marketing_authorisation").
	AuthMarketingAuthorisation
	// AuthNIE: an Indonesian BPOM marketing authorisation number (nomor
	// izin edar) ("nie").
	AuthNIE
	// AuthBLA: a US biologics licence ("bla").
	AuthBLA
	// AuthIND: a US investigational new drug application in effect ("ind").
	AuthIND
	// AuthCTA: a clinical-trial authorisation or registration with the
	// national authority (EU CTA, BPOM trial registration, a Japanese trial
	// notification) ("cta").
	AuthCTA
	// AuthARTG: an entry on the Australian Register of Therapeutic Goods ("artg").
	AuthARTG
	// AuthSpecialAccess: approval under a special access scheme for a
	// named patient, such as Australia's Special Access Scheme or
	// Authorised Prescriber status ("special_access").
	AuthSpecialAccess
	// AuthCosmeticNotification: a cosmetic notification ("cosmetic_notification").
	AuthCosmeticNotification
	// AuthCosmeticIngredientApproval: a case-by-case approval of a cosmetic
	// ingredient, such as Taiwan's for human cell-derived exosomes
	// ("cosmetic_ingredient_approval").
	AuthCosmeticIngredientApproval
	// AuthHospitalDesignation: a health ministry's designation of a
	// hospital for service-based cell therapy research
	// ("hospital_designation").
	AuthHospitalDesignation
	// AuthFacilityLicence: a ministry licence for a cell processing
	// facility ("facility_licence").
	AuthFacilityLicence
	// AuthEthicsApproval: approval by a research ethics committee or IRB
	// ("ethics_approval").
	AuthEthicsApproval
	// AuthTreatmentPlan: a Korean treatment plan approved under the
	// Advanced Regenerative Bio Act ("treatment_plan").
	AuthTreatmentPlan
	// AuthMFDSCultureMediumRecords: the records the Korean MFDS safety
	// standard asks of a human cell culture-medium cosmetic ingredient:
	// donor eligibility, collection, culture and test records and toxicity
	// data ("mfds_culture_medium_records").
	AuthMFDSCultureMediumRecords
	// AuthHospitalExemption: authorisation under the EU hospital exemption
	// for an ATMP prepared on a non-routine basis and used in a hospital
	// of the same member state (Regulation (EC) No 1394/2007 Art. 28)
	// ("hospital_exemption").
	AuthHospitalExemption
	// AuthExpandedAccess: expanded access or compassionate use of an
	// investigational product outside a trial, such as FDA expanded access
	// under an IND (21 CFR 312 subpart I) ("expanded_access").
	AuthExpandedAccess
	// AuthConditionalApproval: a conditional or time-limited marketing
	// approval, such as Japan's conditional, time-limited approval of a
	// regenerative medicine product ("conditional_approval").
	AuthConditionalApproval
)

var authorisationNames = enum.New[AuthorisationKind]("authorisation kind", "", "marketing_authorisation", "nie", "bla", "ind", "cta", "artg", "special_access",
	"cosmetic_notification", "cosmetic_ingredient_approval", "hospital_designation", "facility_licence",
	"ethics_approval", "treatment_plan", "mfds_culture_medium_records",
	"hospital_exemption", "expanded_access", "conditional_approval")

// String returns the stable spelling, such as "nie".
func (k AuthorisationKind) String() string { return authorisationNames.Name(k) }

// MarshalText encodes the stable spelling.
func (k AuthorisationKind) MarshalText() ([]byte, error) { return authorisationNames.Marshal(k) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (k *AuthorisationKind) UnmarshalText(b []byte) error {
	return authorisationNames.Unmarshal(k, b)
}

// Values lists the accepted spellings.
func (AuthorisationKind) Values() []string { return authorisationNames.Values() }

// AuthorisationStatus says where an authorisation stands. An
// authorisation listed without a status is taken as held.
type AuthorisationStatus uint8

// The statuses. The zero value means not stated: held, valid between its
// dates.
const (
	AuthorisationStatusUnspecified AuthorisationStatus = iota
	// StatusHeld: granted and in effect between its dates ("held").
	StatusHeld
	// StatusNotHeld: the dossier states that no such authorisation is
	// held; rules treat the known absence as a closed route, where an
	// authorisation merely not listed leaves a condition to show
	// ("not_held").
	StatusNotHeld
	// StatusApplied: applied for and not yet granted ("applied").
	StatusApplied
	// StatusSuspended: suspended by the authority ("suspended").
	StatusSuspended
	// StatusRevoked: withdrawn by the authority, as BPOM revoked
	// needle-applied cosmetic notifications ("revoked").
	StatusRevoked
	// StatusExpired: ran out, or lapsed, without renewal ("expired").
	StatusExpired
)

var authorisationStatusNames = enum.New[AuthorisationStatus]("authorisation status", "", "held", "not_held", "applied", "suspended", "revoked", "expired")

// String returns the stable spelling, such as "revoked".
func (s AuthorisationStatus) String() string { return authorisationStatusNames.Name(s) }

// MarshalText encodes the stable spelling.
func (s AuthorisationStatus) MarshalText() ([]byte, error) {
	return authorisationStatusNames.Marshal(s)
}

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (s *AuthorisationStatus) UnmarshalText(b []byte) error {
	return authorisationStatusNames.Unmarshal(s, b)
}

// Values lists the accepted spellings.
func (AuthorisationStatus) Values() []string { return authorisationStatusNames.Values() }

// InEffect reports whether the status lets the authorisation take effect
// (between its dates): held, or not stated.
func (s AuthorisationStatus) InEffect() bool {
	return s == AuthorisationStatusUnspecified || s == StatusHeld
}

// Channel is where a claim is made.
type Channel uint8

// The channels. The zero value means not given.
const (
	ChannelUnspecified Channel = iota
	// ChannelLabel: on the label or packaging ("label").
	ChannelLabel
	// ChannelLeaflet: in the package leaflet or instructions for use
	// ("leaflet").
	ChannelLeaflet
	// ChannelWebsite: on a website open to the public ("website").
	ChannelWebsite
	// ChannelSocialMedia: on social media, by the maker, a clinic or an
	// influencer ("social_media").
	ChannelSocialMedia
	// ChannelTradePromotion: promotion to health professionals, such as
	// detailing, trade fairs and professional journals
	// ("trade_promotion").
	ChannelTradePromotion
)

var channelNames = enum.New[Channel]("channel", "", "label", "leaflet", "website", "social_media", "trade_promotion")

// String returns the stable spelling, such as "social_media".
func (ch Channel) String() string { return channelNames.Name(ch) }

// MarshalText encodes the stable spelling.
func (ch Channel) MarshalText() ([]byte, error) { return channelNames.Marshal(ch) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (ch *Channel) UnmarshalText(b []byte) error { return channelNames.Unmarshal(ch, b) }

// Values lists the accepted spellings.
func (Channel) Values() []string { return channelNames.Values() }

// Public reports whether a claim made there advertises the product to the
// general public: a website or social media.
func (ch Channel) Public() bool { return ch == ChannelWebsite || ch == ChannelSocialMedia }
