// Package policy lets hosts write house rules as data: a hospital's
// formulary, a vendor's listing standard, in YAML or JSON files with the
// same metadata as the shipped rules and conditions written in CEL (the
// Common Expression Language, cel.dev), checked against a documented view
// of the dossier. It also reads waivers: reasoned, approved, dated
// exceptions to rules for some dossiers.
//
// # Policy files
//
// A policy file holds rules:
//
//	rules:
//	  - id: RSHS-FORMULARY-STERILITY
//	    title: Every batch has a sterility release result on record
//	    jurisdiction: HOUSE
//	    citation:
//	      instrument: Formulary Policy of the hospital
//	      number: FP-07/2026
//	      article: § 4.2
//	      effective_from: 2026-01-01
//	    provenance: primary
//	    for_each: batch
//	    when: '!batch.results.exists(r, r.kind == "sterility" && r.outcome != "")'
//	    effect: prohibit
//	    uses: use.class in ["hospital_service", "clinical_trial"]
//	    field: results
//	    message: batch {{batch.id}} has no sterility result
//
// The metadata (id, title, jurisdiction, citation, provenance, note) is
// that of regulation.RuleInfo and obeys the same rules. A rule's
// jurisdiction is a market code, whose uses it then judges beside the
// shipped rules of that market, or regulation.House ("HOUSE") for rules
// that judge every use whatever its market.
//
// for_each says what the rule looks at one by one: dossier (the default;
// once), use, claim, batch, authorisation, study or indication; the item
// is a variable of that name. when is a CEL condition that must yield a
// bool; when it holds, the rule reports. effect says what it reports:
//
//   - report: a finding of the given severity (error, warning or info)
//     and no verdict;
//   - prohibit, condition, unknown, permit: a verdict for each use
//     concerned (Context.Prohibit and so on), with an error, warning,
//     info and info finding. The uses concerned are the item itself for
//     for_each: use; otherwise those of the rule's jurisdiction for which
//     the optional uses condition (over the variable use) holds. A rule
//     with no uses condition and no use to judge reports its finding
//     about the dossier.
//
// The finding's path is the item's ("product.batches[1]", "claims[0]";
// "" for the dossier) followed by field. message is text in which
// {{expr}} inserts the value of a CEL expression; missing names the
// missing condition of effect condition.
//
// # The view
//
// Conditions see the variables dossier (a Dossier: product, manufacturer,
// authorisations, uses, claims, studies), as_of (the day the rules are
// evaluated for, "YYYY-MM-DD"), jurisdiction (the code being assessed)
// and the item. Enumerations are their stable spellings, dates
// "YYYY-MM-DD" text ("" when not given) and quantities their text. The
// view adds computed facts: a claim's GRADE certainty (Claim.Certainty,
// graded once per assessment with the shipped rules' method), its intent
// inherited from its indication, whether an authorisation is valid on the
// as-of day, the jurisdictions of a site's valid GMP certificates. The
// CEL string extensions (lowerAscii, split, ...) are available.
//
// # Compile once, evaluate many
//
// Load and LoadDir parse, type-check and plan every condition once. A
// file that does not decode, a rule whose metadata is incomplete, and a
// condition that does not parse or type-check (a misspelt field, a
// condition that is not a bool) are a *FileError holding every problem,
// each naming the file, line, field path and expression. The compiled
// rules are regulation.Rule values: Policies.RuleSet adds them beside the
// shipped rules, and an Assessor applies them with the others. The view
// is made once per assessment, and each of its fields only when a
// condition first reads it. Conditions mostly begin by naming what they
// are about (use.class == "cosmetic" && ...): such comparisons of a field
// with constants, and list.exists(x, ...) made only of them, are found
// when a condition is compiled and answered from the view without
// running CEL; when one fails, the condition is false, as CEL would find,
// and the rest is not evaluated. A condition made only of such
// comparisons, and a message part that reads a string field, never runs
// in CEL: its plan is made when the policy loads, so that a plan that
// fails (a regular expression that does not compile) is refused then,
// and is then let go, which halves the memory loaded rules hold. A
// condition that fails at run time (an index out of range) is an error
// finding of its rule, never a silent pass.
//
// # Tests
//
// Files named *_test.yaml (or .yml, .json) beside the policies hold test
// cases: a dossier and the findings and verdicts expected; Verify runs
// them, as conftest's verify does.
//
// # Waivers
//
// LoadWaivers reads a waivers file; a WaiverRun matches its waivers to
// findings (regulation.Assessor.AssessWaiving) and reports the waivers
// that expired, applied to none of the dossiers checked, or applied to
// dossiers but matched none of their findings.
package policy
