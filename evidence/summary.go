package evidence

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// DesignCount is how many studies of one design a summary row holds.
type DesignCount struct {
	// Design is the design counted.
	Design Design `json:"design"`
	// Count is the number of studies with that design.
	Count int `json:"count"`
}

// StudyLevel is one study's CEBM level in a summary.
type StudyLevel struct {
	// StudyID is the study's ID.
	StudyID string `json:"study_id"`
	// Level is its level with the derivation.
	Level LevelResult `json:"level"`
}

// SummaryRow summarises the evidence for one indication and one outcome.
type SummaryRow struct {
	// Indication is the condition code of the row: the question's
	// indication, or the studies' condition when the question names none.
	Indication string `json:"indication"`
	// Outcome is the outcome's name ("" for studies that report none).
	Outcome string `json:"outcome"`
	// Studies lists the IDs of the row's studies, sorted.
	Studies []string `json:"studies"`
	// Designs counts the studies by design, in the order of the Design
	// constants.
	Designs []DesignCount `json:"designs"`
	// Levels gives each study's CEBM level for the row's question, in the
	// order of Studies.
	Levels []StudyLevel `json:"levels"`
	// BestLevel is the best (lowest) CEBM level in the row, 0 when no study
	// could be levelled; BestLevelStudy names the first study (by ID) that
	// reaches it.
	BestLevel int `json:"best_level"`
	// BestLevelStudy is the ID of the study at BestLevel.
	BestLevelStudy string `json:"best_level_study,omitzero"`
	// Assessment is the GRADE assessment of the row's body of evidence;
	// when the row holds randomised and non-randomised evidence, it is the
	// leading body's, with the other in Assessment.Other and the reason in
	// Assessment.Lead.
	Assessment Assessment `json:"assessment"`
	// Reasons is Assessment.Reasons(), for display: both bodies when there
	// are two, after the line saying which leads.
	Reasons []string `json:"reasons"`
	// Pooled is the meta-analysis of the leading body's effects when at
	// least two of its studies have comparable effects (the same measure),
	// and nil otherwise; the other body's is Assessment.Other.Estimate.
	Pooled *Result `json:"pooled,omitzero"`
}

// Summary is a summary of findings: one row per indication and outcome,
// sorted by indication and then outcome name.
type Summary struct {
	// Question is the question summarised.
	Question Question `json:"question"`
	// Rows holds one row per indication and outcome.
	Rows []SummaryRow `json:"rows"`
}

// Appraisal answers "given these studies, how good is the evidence for
// this indication?": the best CEBM level and the GRADE certainty, with
// the reasons.
type Appraisal struct {
	// Question is the question appraised.
	Question Question `json:"question"`
	// Certainty is the GRADE certainty of the studies, each contributing
	// the outcome the question names (or its first): that of the leading
	// body when randomised and non-randomised evidence are rated
	// separately (Assessment.Other holds the other).
	Certainty Certainty `json:"certainty"`
	// BestLevel is the best (lowest) CEBM level among the studies, 0 when
	// none could be levelled; BestLevelStudy names the study.
	BestLevel int `json:"best_level"`
	// BestLevelStudy is the ID of the study at BestLevel.
	BestLevelStudy string `json:"best_level_study,omitzero"`
	// Levels gives each study's level, sorted by study ID.
	Levels []StudyLevel `json:"levels"`
	// Assessment is the full GRADE assessment.
	Assessment Assessment `json:"assessment"`
	// Reasons explains the level and the certainty in lines of text; the
	// wording is for people and may change.
	Reasons []string `json:"reasons"`
}

// Appraiser grades evidence with fixed options. The zero value uses the
// defaults; it holds no state and is safe for concurrent use.
type Appraiser struct {
	// Level configures the CEBM levels.
	Level LevelOptions
	// Grade configures the GRADE assessments. Its Overrides apply to
	// every body graded, so they suit Appraise (one body) better than
	// Summarize (one body per row).
	Grade GradeOptions
}

// Appraise returns the best CEBM level and the GRADE certainty of the
// studies for the indication (an ICD-10 or ICD-11 code; "" for any), for
// benefits, any product and each study's first outcome, with the default
// options. It is meant for checking a claim against the studies cited for
// it. Studies of other conditions count as indirect evidence.
func Appraise(studies []Study, indication string) Appraisal {
	a, _ := Appraiser{}.Appraise(studies, Question{Indication: indication})
	return a
}

// Summarize returns the summary of findings for the question with the
// default options. See Appraiser.Summarize.
func Summarize(studies []Study, q Question) Summary {
	s, _ := Appraiser{}.Summarize(studies, q)
	return s
}

// sortedByID returns a copy of the studies sorted by ID; studies with the
// same ID keep their order.
func sortedByID(studies []Study) []Study {
	out := slices.Clone(studies)
	slices.SortStableFunc(out, func(a, b Study) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// levels computes each study's level and the best one.
func (ap Appraiser) levels(studies []Study, q Question) ([]StudyLevel, int, string) {
	out := make([]StudyLevel, len(studies))
	best, bestID := 0, ""
	for i := range studies {
		lr := ap.Level.Level(&studies[i], q)
		out[i] = StudyLevel{StudyID: studies[i].ID, Level: lr}
		if lr.Level > 0 && (best == 0 || lr.Level < best) {
			best, bestID = lr.Level, studies[i].ID
		}
	}
	return out, best, bestID
}

// Appraise grades the studies as one body for the question. The error
// reports misuse of ap.Grade (see Grade).
func (ap Appraiser) Appraise(studies []Study, q Question) (Appraisal, error) {
	sorted := sortedByID(studies)
	ass, err := Grade(Body{Question: q, Studies: sorted}, ap.Grade)
	if err != nil {
		return Appraisal{}, err
	}
	lv, best, bestID := ap.levels(sorted, q)
	a := Appraisal{Question: q, Certainty: ass.Certainty, BestLevel: best, BestLevelStudy: bestID, Levels: lv, Assessment: ass}
	if best == 0 {
		a.Reasons = append(a.Reasons, "no study could be given a CEBM level")
	} else {
		for _, l := range lv {
			if l.StudyID == bestID {
				line := fmt.Sprintf("best CEBM 2011 level %d (%s): %s", best, bestID, l.Level.Basis)
				for _, adj := range l.Level.Adjustments {
					line += fmt.Sprintf("; graded %s for %s: %s", adj.Direction, adj.Rule, adj.Reason)
				}
				a.Reasons = append(a.Reasons, line)
				break
			}
		}
	}
	a.Reasons = append(a.Reasons, ass.Reasons()...)
	return a, nil
}

// Summarize builds a summary of findings. Rows are formed per indication
// and outcome:
//
//   - when q.Indication is set there is one indication, and studies of
//     other conditions are indirect evidence for it; otherwise each
//     study's condition is its own indication;
//   - when q.Outcome is set there is one outcome; otherwise each outcome
//     name (compared without regard to case) is its own row, and studies
//     that report no outcome share a row with outcome "".
//
// Each row gets its design counts, the CEBM level of every study and the
// best one, and a GRADE assessment with the meta-analysis of its effects
// (ap.Grade.Pool, REML by default). Rows are sorted by indication, then
// outcome; studies by ID. Validate studies first: Summarize does not
// reject invalid ones, it grades what it can.
func (ap Appraiser) Summarize(studies []Study, q Question) (Summary, error) {
	sorted := sortedByID(studies)
	type key struct{ indication, outcome string }
	type group struct {
		outcome string
		studies []Study
	}
	groups := map[key]*group{}
	var keys []key
	add := func(k key, name string, s Study) {
		g, ok := groups[k]
		if !ok {
			g = &group{outcome: name}
			groups[k] = g
			keys = append(keys, k)
		}
		g.studies = append(g.studies, s)
	}
	for _, s := range sorted {
		ind := q.Indication
		if ind == "" {
			ind = s.Population.Condition
		}
		if q.Outcome != "" {
			add(key{ind, strings.ToLower(strings.TrimSpace(q.Outcome))}, q.Outcome, s)
			continue
		}
		if len(s.Outcomes) == 0 {
			add(key{ind, ""}, "", s)
			continue
		}
		seen := map[string]bool{}
		for _, o := range s.Outcomes {
			k := strings.ToLower(strings.TrimSpace(o.Name))
			if seen[k] {
				continue
			}
			seen[k] = true
			add(key{ind, k}, strings.TrimSpace(o.Name), s)
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.indication, b.indication), cmp.Compare(a.outcome, b.outcome))
	})
	sum := Summary{Question: q, Rows: make([]SummaryRow, 0, len(keys))}
	for _, k := range keys {
		g := groups[k]
		rq := q
		rq.Indication = k.indication
		rq.Outcome = g.outcome
		ass, err := Grade(Body{Question: rq, Studies: g.studies}, ap.Grade)
		if err != nil {
			return Summary{}, err
		}
		lv, best, bestID := ap.levels(g.studies, rq)
		row := SummaryRow{Indication: k.indication, Outcome: g.outcome, Levels: lv,
			BestLevel: best, BestLevelStudy: bestID, Assessment: ass, Reasons: ass.Reasons()}
		var count [lastDesign + 1]int
		for _, s := range g.studies {
			row.Studies = append(row.Studies, s.ID)
			if s.Design.Valid() {
				count[s.Design]++
			}
		}
		for d, n := range count {
			if n > 0 {
				row.Designs = append(row.Designs, DesignCount{Design: Design(d), Count: n})
			}
		}
		if ass.Estimate != nil && ass.Estimate.K >= 2 {
			row.Pooled = ass.Estimate
		}
		sum.Rows = append(sum.Rows, row)
	}
	return sum, nil
}
