// Package secretomekit is a library for describing stem-cell secretome
// products, weighing the evidence behind them, and checking them against
// the rules of the places where they are made, sold and used.
//
// A secretome is what cultured cells, most often mesenchymal stromal cells
// from bone marrow, adipose tissue, umbilical cord or dental pulp, release
// into their medium: growth factors, cytokines and extracellular vesicles.
// Secretome gels are used on chronic wounds and burns, injections in joints
// and bone, serums in aesthetic practice. Most of this is still research;
// rules are thin and differ between countries, and unlawful practice
// spreads in the gaps: products with no characterisation or release
// testing, therapeutic claims resting on a handful of case reports,
// human-derived material sold as cosmetics. Hospitals, regulators and
// honest makers need one consistent, machine-checkable answer to three
// questions, and each package of this module answers one.
//
// # What is this product? Package secretome
//
// secretome.Product describes the source cells, the derivative (conditioned
// medium, concentrated secretome, EV fractions), the composition in exact
// decimal quantities with units, the formulation and routes, the
// indications with ICD codes, the release specification and batch results.
// secretome.DecodeProduct reads it strictly from JSON and reports every
// problem with its field path; Validate applies structural rules, the ISCT
// minimal criteria for MSCs and an EV characterisation checklist.
//
// # How good is the evidence? Package evidence
//
// evidence.Study records a study's design, PICO, outcomes with raw data or
// reported effects, and its risk of bias (RoB 2 or ROBINS-I, with the
// overall judgement derived by the published algorithms). The package
// assigns Oxford CEBM 2011 levels, suggests GRADE certainty for a body of
// evidence with a reason for every step, computes effect sizes as metafor's
// escalc does, pools them (common effect, DerSimonian-Laird, REML,
// Hartung-Knapp) with results equal to metafor's, and draws forest plots.
//
// # May it be used here, for this? Package regulation
//
// regulation.Dossier joins a product to its maker, authorisations, intended
// uses, claims and studies. Rules are data: each cites its instrument and
// article, the date it took effect where the sources record it, and how
// sure we are of it (primary, secondary or inferred). An Assessor
// prepared once from a RuleSet evaluates any number of dossiers
// concurrently and returns, per
// jurisdiction, the product's classification, a verdict for each intended
// use and every finding with its rule, field path, citation and
// provenance. Shipped rule sets cover Indonesia, the United States, the
// European Union, Japan, South Korea, Australia and Taiwan's cosmetic rule,
// plus a jurisdiction-independent quality baseline; hosts add their own
// rules through the same API. Reports carry an audit record (versions,
// as-of day, rule revisions and a digest of the rule set), waivers
// withdraw findings with a reason, and regulation.Timeline lists the
// rules that start or end between two days.
//
// # House rules as data: package policy
//
// policy.Load reads policy files: house rules with the metadata of the
// shipped rules and conditions in CEL over a documented view of the
// dossier, compiled once and added to a RuleSet beside the shipped rules.
// policy.Verify runs the tests written beside them; policy.LoadWaivers
// reads reasoned, approved, dated exceptions.
//
// # Hospital systems: package fhir
//
// fhir.Export writes a dossier as an HL7 FHIR R5 Bundle (the product,
// ingredients with UCUM strengths, ICD-coded indications, authorisations,
// maker, studies and the GRADE certainty of their evidence) and
// fhir.Import reads it back; what FHIR has no element for travels in an
// extension, so nothing is lost.
//
// # English and Bahasa Indonesia: package message
//
// Findings, conditions, classifications and validation problems are built
// from stable message codes with typed arguments, never from finished
// sentences; Report.Localize and Problem.In render them in the language a
// golang.org/x/text/language.Tag asks for, English or Bahasa Indonesia,
// with Indonesian legal terms as the instruments use them (izin edar/NIE,
// CPOB, fasilitas pelayanan kesehatan, uji klinik).
//
// # The command line
//
// cmd/secretome checks dossier files (JSON, YAML, JSON Lines) in CI and at
// a desk, with text, JSON, SARIF, JUnit and GitHub annotation output, and
// converts dossiers to and from FHIR R5 Bundles.
//
// # Not legal advice
//
// SecretomeKit supports decisions; it is not legal advice. Its rules are
// readings of the sources they cite, and some are marked as inferences;
// each rule's note says what could not be verified. Confirm anything that
// matters with the competent authority.
package secretomekit
