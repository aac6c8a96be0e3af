// Package evidence models the clinical and preclinical studies behind a
// secretome product and grades how much they can be trusted.
//
// A product dossier makes claims ("speeds the healing of pressure
// ulcers"). Each claim cites studies. This package answers the questions a
// reviewer asks of those studies: what kind of study is each one, how
// likely is it to be biased, what did it find, and taken together, how
// certain is the evidence for this indication? The answers are computed
// from the data where the published methods allow it, and every step
// carries its reason, so that a person can check the judgement and
// overrule it in writing.
//
// # Studies
//
// A Study records one piece of evidence: identifiers (DOI, PMID, trial
// registrations), the Design, the PICO (Population with its ICD-10 or
// ICD-11 condition code, Intervention, Comparator, Outcomes), funding and
// conflicts of interest, and a risk-of-bias assessment. Each Outcome holds
// either raw data (2×2 counts or means, SDs and sizes) or an effect as
// reported, never both; Outcome.Effect turns either into an Effect for
// meta-analysis. Case reports and series, which have no comparison group,
// may describe their result in words instead.
//
// Study.Validate returns a *secretome.ValidationError holding every
// problem at once, each named by its field path and a stable code
// (the shared codes of package secretome, plus CodeOutcomeData,
// CodeDesignMismatch and the CodeRoB codes here); warnings, such as a
// randomised trial without a risk-of-bias assessment, travel with them.
// DecodeStudy and DecodeStudies read strict JSON, validate, and merge the
// problems of both steps with line and column numbers.
//
// The zero values mean "not given": a zero Design, a nil Population.Size,
// a RoB 2 domain that is RoB2NotAssessed. Not given is never read as a
// favourable value; an unassessed domain is not a low-risk domain.
//
// # Risk of bias
//
// RoB2 holds the five domains of Cochrane's RoB 2 for randomised trials,
// ROBINSI the seven domains of ROBINS-I for non-randomised comparative
// studies. The overall judgement is always derived, by the published
// rules, never typed in. RoB 2's "several concerns may together mean high
// risk" is a reviewer's judgement: it is recorded as an Escalation with a
// written reason, or, by explicit choice, as a count threshold in
// RoB2Options that is off by default and is not part of RoB 2.
//
// # Levels and certainty
//
// Level gives one study's Oxford CEBM 2011 level (1 to 5) for a question
// about treatment benefits or common harms: a base level from the design,
// then steps down for quality, inconsistency, indirectness, imprecision or
// a very small effect, and up for a large effect. Steps whose footnote
// wording was not verified in a primary source are marked Unverified.
//
// Grade rates a Body of evidence for one outcome with GRADE: the start
// from the designs (randomised high, observational low, case reports and
// series very low), five domains that rate down, three that rate up, each
// computed from the studies where possible (risk of bias from the RoB
// judgements, inconsistency from I², imprecision from the confidence
// interval and the optimal information size, indirectness from the PICO),
// and reviewer Overrides that must carry a justification. Thresholds that
// are rules of thumb rather than GRADE rules are options with documented
// defaults.
//
// Summarize builds a summary of findings per indication and outcome,
// pooling comparable effects with Pool. Appraise is the short form for a
// claim check: given the studies cited, the best CEBM level and the GRADE
// certainty, with reasons. An Appraiser carries non-default options; it
// has no state and is safe for concurrent use.
//
// # Effect sizes and meta-analysis
//
// Measure, Effect and the constructors (RiskRatio, OddsRatio,
// RiskDifference, MeanDifference, StandardisedMeanDifference,
// FromReported) compute per-study effects as metafor's escalc does; Pool
// combines them by inverse-variance weighting (REML by default, DL or a
// common-effect model on request, optionally with the Knapp-Hartung
// adjustment), and WriteForestSVG draws the forest plot.
//
// # What is not modelled
//
// Reviews are not assessed for risk of bias (AMSTAR 2 and ROBIS are not
// modelled); ROBINS-I version 2 is not supported; ICD-10 and ICD-11 codes
// are not mapped onto each other; and the reasons' wording is for people
// and may change, while codes, paths and the structured results are the
// API.
package evidence
