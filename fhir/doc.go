// Package fhir maps a SecretomeKit dossier to an HL7 FHIR R5 Bundle and
// back, so that a product, its maker, authorisations, indications and
// studies can be sent to a hospital's FHIR server and read from it.
//
// # Export
//
// Export writes a Bundle of type collection holding the product
// (MedicinalProductDefinition, ManufacturedItemDefinition,
// AdministrableProductDefinition), its analytes and excipients (Ingredient,
// strengths as UCUM quantities with the dossier's exact digits), its
// indications (ClinicalUseDefinition, coded with ICD-10 and ICD-11), its
// maker and sites (Organization, GMP certificates as qualifications), its
// authorisations (RegulatedAuthorization), its studies (Citation) and,
// for each indication and outcome of the studies, the GRADE certainty of
// the evidence (Evidence.certainty: the overall rating and one subcomponent
// per GRADE domain, in HL7's EvidenceCertaintyType and
// EvidenceCertaintyRating code systems). Output is deterministic: the same
// dossier gives the same bytes.
//
// # Legal status per market
//
// Each RegulatedAuthorization carries the authorisation's kind, status,
// region and validity period. ExportWith, given an assessment of the
// dossier, adds a PackagedProductDefinition whose legalStatusOfSupply says
// how the rules of each jurisdiction class the product on the assessment's
// day (FHIR R5 has the per-jurisdiction legal status on the packaged
// product). Import checks these classifications against the shipped rules
// of that day.
//
// # What FHIR cannot carry
//
// Much of a secretome dossier has no element in FHIR R5: culture
// conditions, processing steps, release tests and batches, intended uses,
// claims, risk of bias. Export does not drop these. It lists them in
// Result.Carried and carries each in an extension (ExtensionDossierField)
// on the MedicinalProductDefinition, its JSON Pointer and JSON value as
// strings, so that Import restores them. A FHIR reader that does not know
// the extension sees the standard elements only.
//
// # Import
//
// Import reads such a Bundle back, strictly, and gives the dossier that
// was exported: Export then Import keeps every field the dossier models.
// What Export derives rather than copies, the Evidence resources and the
// classifications per jurisdiction, Import recomputes from the dossier it
// read and compares, element by element: a certainty or classification the
// dossier does not give is reported with its Bundle path and line, so
// Export, Import, Export gives the same Bundle and nothing is dropped in
// silence.
//
// # Codes
//
// Standard code systems are used where one exists (see the System
// constants); the product's own enumerations are coded in this library's
// code systems under Base, whose codes are the dossier's stable spellings.
// Where a standard code says the same with certainty it is added beside
// the library's: EDQM Standard Terms for routes of administration and for
// the pharmaceutical dose form (a gel or cream only when the product is
// for cutaneous use alone, since EDQM codes each other use apart), UNIIs
// for excipients named by a single substance (glycerol, triethanolamine,
// niacinamide). Import checks that such codes agree with the library's.
// Result.Uncoded lists what is written without a standard code: growth
// factors and cytokines measured as analytes, mixtures and polymer grades
// among excipients, cosmetic forms such as a serum, routes such as
// microneedling.
package fhir
