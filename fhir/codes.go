package fhir

// Code systems and identifier systems of the mapping.
//
// Where HL7 or another body publishes a code system for a concept, the
// mapping uses it: ICD-10 and ICD-11 for indications, UCUM for units, the
// HL7 evidence-based-medicine code systems for GRADE certainty, ISO 3166
// for countries, DOI and PubMed for studies. The product's own enumerations
// (dosage form, route, derivative type and so on) are coded in this
// library's own code systems below Base, with the dossier's stable
// spellings as codes and English display names; where a standard code says
// the same with certainty (an EDQM Standard Term for a dose form or route,
// a UNII for a named excipient; see standard.go), it is added as a further
// coding of the same concept, and Import checks that it agrees.
const (
	// Base is the URL prefix of this library's code systems, identifier
	// systems and extension.
	Base = "https://github.com/openregen/secretomekit/fhir"

	// ExtensionDossierField is the URL of the extension that carries a
	// dossier field FHIR R5 has no element for (see Export).
	ExtensionDossierField = Base + "/StructureDefinition/dossier-field"

	// ExtensionAssessedOn is the URL of the extension on a
	// MedicinalProductDefinition.legalStatusOfSupply that gives, as
	// valueDate, the day whose rules classed the product (see Options).
	ExtensionAssessedOn = Base + "/StructureDefinition/assessed-on"

	// SystemICD10 identifies ICD-10 codes (HL7's URI for WHO ICD-10).
	SystemICD10 = "http://hl7.org/fhir/sid/icd-10"
	// SystemICD11 identifies ICD-11 codes of the Mortality and Morbidity
	// Statistics linearization.
	SystemICD11 = "http://id.who.int/icd/release/11/mms"
	// SystemUCUM identifies UCUM unit codes.
	SystemUCUM = "http://unitsofmeasure.org"
	// SystemISO3166 identifies ISO 3166 country codes.
	SystemISO3166 = "urn:iso:std:iso:3166"
	// SystemDOI identifies digital object identifiers.
	SystemDOI = "https://doi.org"
	// SystemPMID identifies PubMed identifiers.
	SystemPMID = "https://pubmed.ncbi.nlm.nih.gov"

	// SystemAuthorizationType is HL7's RegulatedAuthorizationType code
	// system (FHIR R5), the example binding of RegulatedAuthorization.type.
	// Its code MarketingAuth ("Marketing Authorization") is added as a
	// second coding to the authorisation kinds that are marketing
	// authorisations: marketing_authorisation, nie, bla, artg and
	// conditional_approval.
	SystemAuthorizationType = "http://hl7.org/fhir/regulated-authorization-type"
	// SystemPublicationStatus is HL7's PublicationStatus code system, the
	// preferred binding of RegulatedAuthorization.status in FHIR R5. Its
	// code is added as a second coding where it says the same as the
	// dossier's status: active for held; retired ("withdrawn or
	// superseded and should no longer be used") for revoked and expired.
	// The other statuses (not_held, applied, suspended) have no
	// PublicationStatus equivalent and keep this library's code only.
	SystemPublicationStatus = "http://hl7.org/fhir/publication-status"

	// SystemCertaintyType is HL7's EvidenceCertaintyType code system
	// (FHIR R5): Overall, RiskOfBias, Inconsistency, Indirectness,
	// Imprecision, PublicationBias, DoseResponseGradient,
	// PlausibleConfounding, LargeEffect.
	SystemCertaintyType = "http://hl7.org/fhir/certainty-type"
	// SystemCertaintyRating is HL7's EvidenceCertaintyRating code system
	// (FHIR R5): high, moderate, low, very-low for the overall rating, and
	// no-change, downcode1, downcode2, upcode1, upcode2 for a domain.
	SystemCertaintyRating = "http://hl7.org/fhir/certainty-rating"
	// SystemEDQM identifies EDQM Standard Terms (pharmaceutical dose
	// forms, routes of administration), as HL7's Pharmaceutical Quality
	// implementation guide for FHIR R5 names it.
	SystemEDQM = "http://standardterms.edqm.eu"
	// SystemUNII identifies the FDA's Unique Ingredient Identifiers, as
	// HL7 Terminology names the code system.
	SystemUNII = "http://fdasis.nlm.nih.gov"

	// SystemVariableRole is HL7's EvidenceVariableRole code system as the
	// FHIR R5 value set for Evidence.variableDefinition.variableRole draws
	// it.
	SystemVariableRole = "http://terminology.hl7.org/CodeSystem/variable-role"

	systemProductID     = Base + "/identifier/product"
	systemIndicationID  = Base + "/identifier/indication"
	systemStudyID       = Base + "/identifier/study"
	systemDosageForm    = Base + "/CodeSystem/dosage-form"
	systemRoute         = Base + "/CodeSystem/route"
	systemDerivative    = Base + "/CodeSystem/derivative-type"
	systemCellType      = Base + "/CodeSystem/cell-type"
	systemTissue        = Base + "/CodeSystem/tissue"
	systemSpecies       = Base + "/CodeSystem/species"
	systemDonorType     = Base + "/CodeSystem/donor-type"
	systemIntent        = Base + "/CodeSystem/intent"
	systemIngredient    = Base + "/CodeSystem/ingredient-role"
	systemAuthorisation = Base + "/CodeSystem/authorisation-kind"
	systemAuthStatus    = Base + "/CodeSystem/authorisation-status"
	// systemClassification codes how a jurisdiction's rules class the
	// product: the code is the message code of the classification in
	// the library's catalogue, the display its English text.
	systemClassification = Base + "/CodeSystem/classification"
	systemJurisdiction   = Base + "/CodeSystem/jurisdiction"
	systemProperty       = Base + "/CodeSystem/item-property"
	systemQualification  = Base + "/CodeSystem/qualification"
	systemOrgType        = Base + "/CodeSystem/organization-type"
)
