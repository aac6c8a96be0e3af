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
// problems of both steps with line and column numbers (columns count
// characters). An unknown spelling of an enumeration (a Design, a
// Measure, a RoB2Judgement) is the module's one *secretome.EnumError,
// which lists the accepted spellings; every enumeration here marshals to
// its stable lowercase spelling and decodes back from it, so the JSON of
// a Summary or an Assessment reads back into the same value.
//
// The zero values mean "not given": a zero Design, a nil Population.Size,
// a RoB 2 domain that is RoB2NotAssessed. Not given is never read as a
// favourable value; an unassessed domain is not a low-risk domain.
//
// # Effect sizes, pooling and the forest plot
//
// The numbers behind a grading follow one path: per-study effect sizes,
// then a meta-analysis, then a picture.
//
//  1. An Effect is one study's estimate Yi and sampling variance Vi on the
//     analysis scale of its Measure (log scale for ratios), metafor's yi
//     and vi. The constructors compute it as metafor's escalc does:
//     RiskRatio, OddsRatio and RiskDifference from a TwoByTwo table,
//     MeanDifference and StandardisedMeanDifference (Hedges' g) from
//     Continuous summaries, and FromReported from an estimate and
//     confidence interval as printed. Outcome.Effect picks the right one
//     for a study's outcome data.
//  2. Pool combines effects of one measure by inverse-variance weighting,
//     as metafor's rma.uni does: REML by default, DerSimonian-Laird or a
//     common-effect model on request, optionally with the Knapp-Hartung
//     adjustment. The Result carries the estimate, its confidence and
//     prediction intervals, tau², I², H², Q and each study's weight;
//     Result.BackTransform turns ratios back into ratios. A REML fit that
//     does not converge wraps ErrNotConverged.
//  3. WriteForestSVG draws the effects and their Result as a standalone
//     SVG forest plot.
//
// For example:
//
//	var effects []evidence.Effect
//	for _, t := range tables {
//		e, err := evidence.RiskRatio(t)
//		...
//		effects = append(effects, e)
//	}
//	res, err := evidence.Pool(effects, evidence.PoolOptions{})
//	rr, ci, _ := res.BackTransform()
//	err = evidence.WriteForestSVG(w, effects, res, evidence.ForestOptions{})
//
// Grade and Summarize (below) run the same path on a body of studies:
// they take each study's effect for the outcome asked about and pool
// them.
//
// Bad numbers (a zero variance, a NaN, mixed measures, options out of
// range) are a *secretome.ValidationError whose paths name the input,
// such as "effects[3].vi"; nothing panics and no Result holds NaN.
//
// # Meta-analysis as R's metafor does it
//
// For a plain analysis no dossier is needed. ReadTable reads studies
// from CSV under metafor's column names (ai, bi, ci, di, n1i, n2i, m1i,
// sd1i, m2i, sd2i, yi, vi, plus moderators and labels); Table.Effects,
// Table.Counts and Table.Moderator interpret the cells and name the row,
// line and column of any bad one.
//
//   - Fit is metafor's rma.uni: every τ² estimator of Method (REML, DL,
//     PM, SJ, ML, EB, HE, HS, or the common-effect model), z or
//     Knapp-Hartung tests, and moderators, numeric or categorical, for a
//     meta-regression with its coefficient table, QE, QM (or F), residual
//     τ² and R². SubgroupAnalysis fits each subgroup separately and tests
//     their difference.
//   - MantelHaenszel (RR, OR, RD) and Peto pool 2×2 tables as rma.mh and
//     rma.peto do.
//   - A Model answers the follow-up questions: ConfInt (Q-profile
//     intervals for τ², τ, I², H²), RegTest (Egger), RankTest (Begg),
//     TrimFill, LeaveOneOut, Cumulative and Influence.
//   - WriteFunnelSVG draws a funnel plot with pseudo-confidence contours
//     and the studies trim-and-fill adds.
//
// Every figure equals metafor's to 1e-6 (relative above 1) on metafor's
// BCG data and a continuous data set; the JSON forms use metafor's names
// (b, se, zval, pval, ci.lb, ci.ub, tau2, se.tau2, QE, QEp, QM, QMp, I2,
// H2, R2). The iterative estimators converge tightly by default, while
// metafor stops REML, ML and EB once a step changes τ² by less than 1e-5
// and searches the PM root to a tolerance of about 1.2e-4: on the BCG data
// its printed τ² is then off by about 7e-8 (REML) and 2.5e-5 (PM). Set
// PoolOptions.Threshold to MetaforThreshold (or MetaforRootTol for PM) to
// reproduce metafor's printed figures exactly.
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
// about treatment benefits, common harms or rare harms: a base level from
// the design (n-of-1 trials and, for common harms, reviews of nested
// case-control studies included), then steps down for quality,
// inconsistency, indirectness, imprecision or, for benefits, a very small
// effect, and up for a dramatic effect in an observational study. A
// randomised trial is never graded up to the level of a review, and
// grading down never takes a clinical study below level 4.
//
// Grade rates a Body of evidence for one outcome with GRADE. Randomised
// and non-randomised evidence are pooled and rated separately, and the
// body of higher certainty leads (Assessment.Other holds the other).
// Randomised evidence starts high; non-randomised evidence assessed with
// ROBINS-I starts high and is rated down by the ROBINS-I judgement
// (moderate −1, serious −2, critical −3, GRADE guidelines 18); other
// non-randomised evidence starts low, and case reports and series very
// low. Five domains rate down and three rate up, each computed from the
// studies where possible: risk of bias from the RoB judgements,
// inconsistency from I² and, with fewer than four studies, the overlap
// and direction of the studies' intervals, imprecision from whether the
// interval holds both no effect and an appreciable effect (GRADE
// guidelines 6) and from the optimal information size, indirectness from
// population, intervention, comparator and surrogate outcomes, a large
// effect only from two or more consistent studies (GRADE guidelines 9).
// A systematic review and the studies it includes are not counted twice.
// Reviewer Overrides must carry a justification. Where GRADE leaves a
// number to judgement, the number is an option in GradeOptions or
// LevelOptions, documented there as the library's choice, and every
// reason that uses it says so.
//
// Summarize builds a summary of findings per indication and outcome,
// pooling comparable effects with Pool. Appraise is the short form for a
// claim check: given the studies cited, the best CEBM level and the GRADE
// certainty, with reasons. An Appraiser carries non-default options; it
// has no state and is safe for concurrent use.
//
// # Reasons in other languages
//
// Every GRADE reason is a catalogued message of package message, a code
// with typed arguments: DomainRating.Text, Assessment.StartText and
// LeadText, Exclusion.Text, and the lines of Assessment.ReasonTexts.
// Render them with In and a language.Tag (message.Indonesian gives Bahasa
// Indonesia with GRADE's terms: kepastian bukti, risiko bias,
// inkonsistensi, ketidaklangsungan, ketidaktepatan, bias publikasi). The
// English strings beside them (Reason, StartReason, Lead, Reasons) are
// their English rendering. GradeCertainty grades without writing the
// reasons out, for callers that need only the certainty. The CEBM
// levels' reasons and the assessments' Notes are English only.
//
// # What is not modelled
//
// Reviews are not assessed for risk of bias (AMSTAR 2 and ROBIS are not
// modelled); ROBINS-I version 2 is not supported; ICD-10 and ICD-11 codes
// are not mapped onto each other; and the reasons' wording is for people
// and may change, while codes, paths and the structured results are the
// API.
package evidence
