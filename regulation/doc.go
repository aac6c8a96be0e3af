// Package regulation answers two questions about a secretome product: may
// it be used here, for this? and what in its dossier breaks the rules of
// the markets it is meant for?
//
// The library supports decisions and is not legal advice.
//
// A hospital asks whether it may use an umbilical-cord MSC secretome gel
// on its wards; a vendor's CI asks which of its markets its dossier fails.
// Both describe the product and its intended uses in a Dossier, and get a
// Report: for each jurisdiction, how the product is classed there, a
// Verdict for each intended use, and every Finding with its rule, its
// severity, the field path in the dossier it concerns, the instrument it
// rests on and how sure that rule is.
//
// # Dossiers
//
// A Dossier holds the product (secretome.Product), the manufacturer and
// its sites with GMP certificates, the authorisations held (marketing
// authorisations, Indonesian NIE, BLA, IND, clinical-trial authorisations,
// ARTG entries, cosmetic notifications and approvals, hospital
// designations, facility licences, ethics approvals, Korean treatment
// plans, MFDS culture-medium records), the intended uses (jurisdiction,
// UseClass, Setting, Administrator, route, indications), the claims made
// (wording, indication, intent, supporting study IDs), whether the product
// is advertised to the public, and the studies (evidence.Study).
//
// DecodeDossier reads one from JSON strictly: unknown fields, wrong types,
// unknown enum spellings, bad dates and trailing data are errors, each
// named by its field path ("uses[1].class") with a line and column.
// Validate checks structure and cross-references: claims cite studies of
// the dossier, uses and claims name indications of the product, validity
// dates are ordered, and jurisdiction codes are ISO 3166-1 alpha-2
// country codes, "EU", or codes the host registered with
// ValidateOptions (a use in "USA" is an error with the code
// CodeJurisdiction that suggests "US"; see SuggestJurisdiction). Problems
// come back together in a *secretome.ValidationError.
//
// # One run for every problem
//
// Assessor.AssessBytes (ReadDossier, then AssessReading) reads a dossier
// from JSON or YAML and reports its decoding, validation and rule problems
// in one report. Decoding goes on past a value it cannot read (an unknown
// spelling, a value of the wrong type, an unknown field), leaving that
// value at its zero value and listing its problem; the dossier is then
// validated and assessed as far as it was read. Such a report is Invalid:
// the dossier has no verdict of its own, the verdict of every use an error
// bears on is VerdictUnknown (the rules' verdict is kept in AsRead), and
// every finding an error lies on has InvalidPaths and says it is not
// reliable, so that a value that could not be read is never taken for a
// fact the dossier does not state. That is the library's choice;
// DecodeOptions.Invalid (InvalidPolicy) keeps the verdicts as read or does
// not assess an invalid dossier at all. Only a syntax error, a document
// too large or more problems than are listed stop the reading.
//
// # Rules as cited data
//
// Each rule is data first: a stable ID such as "US-1271-NOT-HCTP", a
// title, a jurisdiction, a Citation and a Provenance. The Citation names
// the instrument, its number and the article, paragraph or annex entry
// (ArticleVerified says whether that was read in the instrument's own
// text), links to the instrument in an official gazette or database where
// one is known (Citation.OfficialSource: ecfr.gov, eur-lex.europa.eu,
// peraturan.bpk.go.id, law.go.kr, mhlw.go.jp, fda.gov and the like), names
// the secondary source where only a summary could be read, and gives the
// day the instrument took effect, the day it ended where it was repealed,
// and the day its source was read (CheckedOn). The Provenance says how sure
// the rule is:
//
//   - primary: read in the instrument itself;
//   - secondary: read in an official or reliable summary of it;
//   - inferred: our reading of what the instrument implies for secretome.
//
// Every Finding carries its rule's citation and provenance, so that nobody
// mistakes an inference for the law. Where a rule applies what its source
// says to a product the source does not name (an FDA statement on
// exosomes applied to a whole conditioned medium, say), the finding says
// "inferred" even when the rule's source was read first-hand
// (Context.Inferred). Where no instrument is known (Indonesian rules on
// secretome cosmetics, Japanese cosmetic rules, the Korean Act's scope
// for cell-free products, the US cosmetic status), rules report the use as
// VerdictUnknown with an info finding that says what is not known; they
// never guess. Uncertain details are stated in the rule itself: an Article
// such as "Art. 439 (reported, not verified)", and a Note. A rule is only
// as current as its CheckedOn day.
//
// Rules are evaluated as of a day (Options.AsOf): a rule whose instrument
// is not yet in force, or was repealed, on that day does not fire. BPOM
// Regulation 8/2025 applies from 6 March 2025 and its predecessor up to
// that day; Regulation (EU) No 536/2014 from 31 January 2022 and Directive
// 2001/20/EC before it; the Cosmetics Regulation (EC) No 1223/2009 from 11
// July 2013 and Directive 76/768/EEC before it; Taiwan's exosome
// amendment from 21 March 2024; the Korean treatment-plan amendment from
// 21 February 2025 and the culture-medium standard from 1 July 2011; US
// expanded access (21 CFR 312 subpart I) from 13 October 2009; the
// Japanese MHLW communications from 31 July 2024; the revised Ph. Eur.
// 2.6.7 from 1 April 2026. A rule whose start day is not known applies on
// every day, except that a rule whose instrument is dated by its number
// (Permenkes 32/2018, BPOM Reg. 18/2020, 21/2022 and 23/2019) stays silent
// before 1 January of that year; its Note says so.
//
// # Shipped rule sets
//
// Shipped returns the rules for Indonesia (ID), the United States (US),
// the European Union (EU), Japan (JP), South Korea (KR), Australia (AU),
// Taiwan's cosmetic rule (TW) and the jurisdiction-independent quality
// baseline (QUALITY: release tests by route, donor eligibility, ISCT
// identity, MISEV2018 characterisation, embryonic sources, and claims
// against the GRADE certainty of their evidence, graded with
// evidence.Grade). RuleSet.Rules lists them with their metadata.
//
// # Verdicts
//
// For each intended use in a jurisdiction, every rule that speaks records
// an outcome, and the outcomes combine: VerdictProhibited if any rule
// prohibits the use; otherwise VerdictUnknown if any rule cannot tell, or
// no rule spoke (then UseAssessment.Rules is empty); otherwise
// VerdictPermittedWithConditions if any condition is not shown, listed in
// UseAssessment.Missing; otherwise VerdictPermitted. A missing gateway
// authorisation (a marketing authorisation for a marketed product, an IND
// or trial authorisation for a trial) prohibits; a missing accompanying
// condition (ethics approval, records) makes the permission conditional.
// Indonesian clinical or marketed use of a product not shown processed
// under CPOB (GMP) prohibits, and so does a required release test
// (sterility, bacterial endotoxins, mycoplasma) absent from the
// specification of a product for clinical or marketed use; for a cosmetic
// use the missing test is a condition. The quality baseline assesses every use of the dossier; its
// verdicts say whether the product meets the baseline for that use, not
// whether the law allows it. A use in a jurisdiction that was not assessed
// (one without shipped rules, such as "FR", or one left out of
// Options.Jurisdictions) has no legal verdict, and Report.Unassessed
// lists it so that it is not passed over in silence.
//
// # Host rules
//
// A host application adds its own rules, such as a hospital formulary
// policy, as Rule values: RuleInfo metadata plus a Check function that
// reads the dossier through a *Context and reports through it (Report,
// ReportUse, Permit, Condition, Prohibit, Unknown, Classify);
// Context.ClaimCertainty gives the GRADE certainty of a claim's evidence,
// graded once per assessment whichever rules ask. NewRuleSet,
// RuleSet.With and RuleSet.Merge compose sets and reject duplicate IDs;
// RuleSet.Select and Options.Jurisdictions choose jurisdictions. There is
// no global registry: a RuleSet is an immutable value.
//
// Policy files (package policy) write host rules as data, with
// conditions in CEL. House is the jurisdiction code of host rules that,
// like the quality baseline, judge every use whatever its market. House
// rules restrict: a use that no house rule judged is permitted in House
// (the library's choice), not unknown as in a market where no rule spoke.
// Context.Shared lets rules share per-assessment work.
//
// # Waivers, audit and the rule timeline
//
// Assessor.AssessWaiving takes a WaiveFunc that may withdraw findings
// with a Waiver (reason, approver, expiry): a waived finding stays in the
// report with its Waiver set, and the verdicts are combined without the
// outcomes it explains. Assessor.Audit records the library version, the
// as-of day, every rule applied with its RuleInfo.Revision and the files
// given (policy files, a waivers file), with one digest over all of them.
// Timeline lists the rules that start or end between two days (a rule
// starting the day another of its jurisdiction ends replaces it), and
// DiffReports and DiffDays say which verdicts and findings change for a
// dossier.
//
// # Assessment
//
// Prepare once, assess many: NewAssessor keeps the rules in force on the
// as-of day for the selected jurisdictions, in ID order; Assessor.Assess
// applies them to a dossier and is safe for concurrent use. The judgement
// is the Report; Assess returns an error only for misuse, cancellation or
// a panicking host rule. Output is deterministic: jurisdictions by code,
// uses in dossier order, findings by use (product-level first), severity
// (errors first), rule ID, path and message.
//
// # JSON shape
//
// A Report marshals as
//
//	{"product": "NSB-UCMSC-SG-01", "as_of": "2026-11-26",
//	 "jurisdictions": [{
//	   "jurisdiction": "ID", "name": "Indonesia",
//	   "classification": "cell-based therapy product ...",
//	   "uses": [{"index": 2, "class": "marketed_therapeutic",
//	             "verdict": "prohibited", "rules": ["ID-BPOM-8-2025-NIE"]}],
//	   "findings": [{
//	     "rule": "ID-BPOM-8-2025-NIE", "jurisdiction": "ID",
//	     "severity": "error", "path": "uses[2].class",
//	     "message": "...", "message_code": "auth.gateway",
//	     "message_args": [{"code": "id.marketed.rule"}, ...],
//	     "citation": {"instrument": "...", "number": "BPOM Reg. 8/2025",
//	                  "article": "...", "url": "...",
//	                  "effective_from": "2025-03-06",
//	                  "checked_on": ""},
//	     "provenance": "secondary", "use": 2}]}]}
//
// Verdicts are "permitted", "permitted_with_conditions", "prohibited" and
// "unknown"; severities "error", "warning" and "info"; provenances
// "primary", "secondary" and "inferred". "missing" appears only for
// permitted_with_conditions, "unassessed" (the indexes of uses whose
// jurisdiction was not assessed) only when there are such uses, "use"
// only on findings about one use,
// "effective_to" only for repealed instruments, and an empty date is "".
// "message" is the finding's message rendered in the report's language;
// "message_code" and "message_args" are the message itself, a code of the
// message catalogue with its typed arguments (see message.Args), from
// which a reader can render it in any supported language; a plain text
// from a host's own rule has no code. Rule IDs, codes, paths and spellings
// are the API; message wording may improve.
package regulation
