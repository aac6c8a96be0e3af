package evidence

import (
	"fmt"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// Problem codes for risk-of-bias assessments.
const (
	// CodeRoBToolMismatch: the risk-of-bias tool does not fit the study
	// design (RoB 2 is for randomised trials, ROBINS-I for non-randomised
	// comparative studies), or a study carries both tools.
	CodeRoBToolMismatch secretome.Code = "rob.tool_mismatch"
	// CodeRoBMissing: a design that has a risk-of-bias tool was not
	// assessed with it (a warning).
	CodeRoBMissing secretome.Code = "rob.missing"
	// CodeRoBIncomplete: some domains of an assessment are not assessed, so
	// no overall judgement can be derived (a warning).
	CodeRoBIncomplete secretome.Code = "rob.incomplete"
	// CodeRoBEscalation: a reviewer escalation is given where the derived
	// RoB 2 judgement is not "some concerns", so there is nothing to
	// escalate.
	CodeRoBEscalation secretome.Code = "rob.escalation"
)

// RoB2Judgement is a Cochrane RoB 2 judgement for one domain or overall.
// The zero value RoB2NotAssessed is distinct from RoB2Low: a domain nobody
// judged is not a domain at low risk.
type RoB2Judgement uint8

// The RoB 2 judgements, from least to most bias.
const (
	RoB2NotAssessed  RoB2Judgement = iota // not_assessed
	RoB2Low                               // low: low risk of bias
	RoB2SomeConcerns                      // some_concerns
	RoB2High                              // high: high risk of bias
)

var rob2Names = []string{"not_assessed", "low", "some_concerns", "high"}

// String returns the stable spelling.
func (j RoB2Judgement) String() string { return enumString("RoB2Judgement", rob2Names, j) }

// MarshalText encodes the judgement as its stable spelling.
func (j RoB2Judgement) MarshalText() ([]byte, error) {
	return marshalEnum("RoB 2 judgement", rob2Names, j)
}

// UnmarshalText decodes a stable spelling.
func (j *RoB2Judgement) UnmarshalText(b []byte) error {
	v, err := parseEnum[RoB2Judgement]("RoB 2 judgement", rob2Names, b)
	if err == nil {
		*j = v
	}
	return err
}

// rob2Domains names the five RoB 2 domains in their published order, with
// the JSON field that holds each.
var rob2Domains = [5][2]string{
	{"randomisation", "bias arising from the randomisation process"},
	{"deviations", "bias due to deviations from intended interventions"},
	{"missing_data", "bias due to missing outcome data"},
	{"measurement", "bias in measurement of the outcome"},
	{"reported_result", "bias in selection of the reported result"},
}

// RoB2 is a Cochrane risk-of-bias assessment of a randomised trial
// (Sterne et al., BMJ 2019;366:l4898). It holds the five domain
// judgements; the overall judgement is derived by Overall, never stored.
type RoB2 struct {
	// Randomisation: bias arising from the randomisation process.
	Randomisation RoB2Judgement `json:"randomisation,omitzero"`
	// Deviations: bias due to deviations from intended interventions.
	Deviations RoB2Judgement `json:"deviations,omitzero"`
	// MissingData: bias due to missing outcome data.
	MissingData RoB2Judgement `json:"missing_data,omitzero"`
	// Measurement: bias in measurement of the outcome.
	Measurement RoB2Judgement `json:"measurement,omitzero"`
	// ReportedResult: bias in selection of the reported result.
	ReportedResult RoB2Judgement `json:"reported_result,omitzero"`
	// Escalation, when not empty, is the reviewer's written reason for
	// judging the trial at high risk of bias because some concerns in
	// several domains together substantially lower confidence in the
	// result. RoB 2 leaves that step to the reviewer; it applies only when
	// the derived judgement is "some concerns".
	Escalation string `json:"escalation,omitzero"`
}

// Domains returns the five domain judgements in the published order.
func (r *RoB2) Domains() [5]RoB2Judgement {
	return [5]RoB2Judgement{r.Randomisation, r.Deviations, r.MissingData, r.Measurement, r.ReportedResult}
}

// RoB2Options configures how Overall derives the RoB 2 judgement. The zero
// value follows the published algorithm exactly.
type RoB2Options struct {
	// MultipleConcernsThreshold, when positive, makes Overall judge a trial
	// at high risk of bias when at least this many domains have some
	// concerns and none is high. RoB 2 itself leaves this to the
	// reviewer's judgement and sets no number; the threshold is a library
	// option and is off (0) by default. Prefer RoB2.Escalation, which
	// records the reviewer's reason.
	MultipleConcernsThreshold int
}

// RoB2Overall is a derived overall RoB 2 judgement with its reason.
type RoB2Overall struct {
	// Judgement is the overall judgement; RoB2NotAssessed when the domains
	// are incomplete and none of them is high.
	Judgement RoB2Judgement
	// Escalated reports that "some concerns" became "high" through the
	// reviewer's escalation or the configured threshold.
	Escalated bool
	// Reason explains the derivation in words.
	Reason string
}

// Overall derives the overall judgement by the RoB 2 algorithm:
//
//  1. High if any domain is high. One high domain decides the result even
//     when other domains are not assessed.
//  2. Otherwise, not assessed if any domain is not assessed.
//  3. Low if every domain is low.
//  4. Otherwise some concerns, which becomes high when the assessment
//     carries a reviewer Escalation, or when opt.MultipleConcernsThreshold
//     is set and reached. The escalation is reported in Reason.
//
// A nil assessment is not assessed.
func (r *RoB2) Overall(opt RoB2Options) RoB2Overall {
	if r == nil {
		return RoB2Overall{Reason: "no RoB 2 assessment"}
	}
	d := r.Domains()
	var high, concerns, missing []string
	for i, j := range d {
		switch j {
		case RoB2High:
			high = append(high, rob2Domains[i][1])
		case RoB2SomeConcerns:
			concerns = append(concerns, rob2Domains[i][1])
		case RoB2Low:
		default:
			missing = append(missing, rob2Domains[i][1])
		}
	}
	switch {
	case len(high) > 0:
		return RoB2Overall{Judgement: RoB2High, Reason: "high: " + listDomains(high, "is", "are") + " at high risk of bias"}
	case len(missing) > 0:
		return RoB2Overall{Reason: fmt.Sprintf("not assessed: %d of 5 domains not assessed (%s)", len(missing), strings.Join(missing, "; "))}
	case len(concerns) == 0:
		return RoB2Overall{Judgement: RoB2Low, Reason: "low: all five domains at low risk of bias"}
	}
	base := "some concerns: " + listDomains(concerns, "raises", "raise") + " some concerns and no domain is high"
	if e := strings.TrimSpace(r.Escalation); e != "" {
		return RoB2Overall{Judgement: RoB2High, Escalated: true, Reason: base + "; escalated to high by the reviewer: " + e}
	}
	if t := opt.MultipleConcernsThreshold; t > 0 && len(concerns) >= t {
		return RoB2Overall{Judgement: RoB2High, Escalated: true, Reason: fmt.Sprintf(
			"%s; escalated to high because %d domains have some concerns, reaching the configured threshold of %d (a library option, not part of RoB 2)",
			base, len(concerns), t)}
	}
	return RoB2Overall{Judgement: RoB2SomeConcerns, Reason: base}
}

// listDomains renders "the domain 'x' is" or "2 domains (x; y) are".
func listDomains(names []string, one, many string) string {
	if len(names) == 1 {
		return names[0] + " " + one
	}
	return fmt.Sprintf("%d domains (%s) %s", len(names), strings.Join(names, "; "), many)
}

// ROBINSJudgement is a ROBINS-I judgement for one domain or overall. The
// zero value ROBINSNotAssessed means nobody judged the domain; it is
// distinct from ROBINSNoInformation, which is a reviewer's judgement that
// the report lacks the information needed.
type ROBINSJudgement uint8

// The ROBINS-I judgements.
const (
	ROBINSNotAssessed   ROBINSJudgement = iota // not_assessed
	ROBINSLow                                  // low: comparable to a well-performed randomised trial
	ROBINSModerate                             // moderate: sound for a non-randomised study
	ROBINSSerious                              // serious: some important problems
	ROBINSCritical                             // critical: too problematic to provide useful evidence
	ROBINSNoInformation                        // no_information: not enough information to judge
)

var robinsNames = []string{"not_assessed", "low", "moderate", "serious", "critical", "no_information"}

// String returns the stable spelling.
func (j ROBINSJudgement) String() string { return enumString("ROBINSJudgement", robinsNames, j) }

// MarshalText encodes the judgement as its stable spelling.
func (j ROBINSJudgement) MarshalText() ([]byte, error) {
	return marshalEnum("ROBINS-I judgement", robinsNames, j)
}

// UnmarshalText decodes a stable spelling.
func (j *ROBINSJudgement) UnmarshalText(b []byte) error {
	v, err := parseEnum[ROBINSJudgement]("ROBINS-I judgement", robinsNames, b)
	if err == nil {
		*j = v
	}
	return err
}

var robinsDomains = [7][2]string{
	{"confounding", "bias due to confounding"},
	{"selection", "bias in selection of participants into the study"},
	{"classification", "bias in classification of interventions"},
	{"deviations", "bias due to deviations from intended interventions"},
	{"missing_data", "bias due to missing data"},
	{"measurement", "bias in measurement of outcomes"},
	{"reported_result", "bias in selection of the reported result"},
}

// ROBINSI is a ROBINS-I assessment of a non-randomised study of an
// intervention (Sterne et al., BMJ 2016;355:i4919, version 1). It holds
// the seven domain judgements; Overall derives the overall judgement.
type ROBINSI struct {
	// Confounding: bias due to confounding (pre-intervention).
	Confounding ROBINSJudgement `json:"confounding,omitzero"`
	// Selection: bias in selection of participants (pre-intervention).
	Selection ROBINSJudgement `json:"selection,omitzero"`
	// Classification: bias in classification of interventions.
	Classification ROBINSJudgement `json:"classification,omitzero"`
	// Deviations: bias due to deviations from intended interventions.
	Deviations ROBINSJudgement `json:"deviations,omitzero"`
	// MissingData: bias due to missing data.
	MissingData ROBINSJudgement `json:"missing_data,omitzero"`
	// Measurement: bias in measurement of outcomes.
	Measurement ROBINSJudgement `json:"measurement,omitzero"`
	// ReportedResult: bias in selection of the reported result.
	ReportedResult ROBINSJudgement `json:"reported_result,omitzero"`
}

// Domains returns the seven domain judgements in the published order.
func (r *ROBINSI) Domains() [7]ROBINSJudgement {
	return [7]ROBINSJudgement{r.Confounding, r.Selection, r.Classification, r.Deviations, r.MissingData, r.Measurement, r.ReportedResult}
}

// ROBINSOverall is a derived overall ROBINS-I judgement with its reason.
type ROBINSOverall struct {
	// Judgement is the overall judgement; ROBINSNotAssessed when domains
	// are missing and none of them is critical.
	Judgement ROBINSJudgement
	// Reason explains the derivation in words.
	Reason string
}

// Overall derives the overall judgement from the domains:
//
//  1. Critical if any domain is critical (this decides the result even
//     when other domains are not assessed).
//  2. Otherwise, not assessed if any domain is not assessed: a missing
//     domain could still be critical.
//  3. Serious if any domain is serious.
//  4. No information if any domain is no information. ROBINS-I says "no
//     clear indication of serious or critical risk, and information
//     lacking in one or more key domains"; the package treats every domain
//     as key, because which domains are key is the reviewer's choice.
//  5. Moderate if every domain is low or moderate and at least one is
//     moderate.
//  6. Low if every domain is low.
//
// A nil assessment is not assessed.
func (r *ROBINSI) Overall() ROBINSOverall {
	if r == nil {
		return ROBINSOverall{Reason: "no ROBINS-I assessment"}
	}
	var by [6][]string
	for i, j := range r.Domains() {
		if int(j) >= len(by) {
			j = ROBINSNotAssessed
		}
		by[j] = append(by[j], robinsDomains[i][1])
	}
	switch {
	case len(by[ROBINSCritical]) > 0:
		return ROBINSOverall{Judgement: ROBINSCritical, Reason: "critical: " + listDomains(by[ROBINSCritical], "is", "are") + " at critical risk of bias"}
	case len(by[ROBINSNotAssessed]) > 0:
		return ROBINSOverall{Reason: fmt.Sprintf("not assessed: %d of 7 domains not assessed (%s)",
			len(by[ROBINSNotAssessed]), strings.Join(by[ROBINSNotAssessed], "; "))}
	case len(by[ROBINSSerious]) > 0:
		return ROBINSOverall{Judgement: ROBINSSerious, Reason: "serious: " + listDomains(by[ROBINSSerious], "is", "are") + " at serious risk of bias and none is critical"}
	case len(by[ROBINSNoInformation]) > 0:
		return ROBINSOverall{Judgement: ROBINSNoInformation, Reason: "no information: " + listDomains(by[ROBINSNoInformation], "lacks", "lack") + " information and no domain is serious or critical"}
	case len(by[ROBINSModerate]) > 0:
		return ROBINSOverall{Judgement: ROBINSModerate, Reason: "moderate: every domain is low or moderate, and " + listDomains(by[ROBINSModerate], "is", "are") + " moderate"}
	}
	return ROBINSOverall{Judgement: ROBINSLow, Reason: "low: all seven domains at low risk of bias"}
}

// RiskOfBias holds a study's risk-of-bias assessment: RoB 2 for a
// randomised trial or ROBINS-I for a non-randomised comparative study. At
// most one is set. Other designs (case reports and series, laboratory and
// animal work, reviews) have no tool here; reviews would need AMSTAR 2 or
// ROBIS, which the package does not model.
type RiskOfBias struct {
	// RoB2 is the assessment of a randomised trial.
	RoB2 *RoB2 `json:"rob2,omitzero"`
	// ROBINSI is the assessment of a non-randomised comparative study.
	ROBINSI *ROBINSI `json:"robins_i,omitzero"`
}

// BiasRisk is a study's overall risk of bias on one scale shared by both
// tools, as the grading rules use it.
type BiasRisk uint8

// The common scale. RoB 2 "some concerns" and ROBINS-I "moderate" map to
// BiasModerate; RoB 2 "high" and ROBINS-I "serious" map to BiasHigh.
const (
	BiasNotAssessed   BiasRisk = iota // no tool, or incomplete domains
	BiasLow                           // RoB 2 low, ROBINS-I low
	BiasModerate                      // RoB 2 some concerns, ROBINS-I moderate
	BiasNoInformation                 // ROBINS-I no information
	BiasHigh                          // RoB 2 high, ROBINS-I serious
	BiasCritical                      // ROBINS-I critical
)

var biasNames = []string{"not_assessed", "low", "moderate", "no_information", "high", "critical"}

// String returns the stable spelling.
func (b BiasRisk) String() string { return enumString("BiasRisk", biasNames, b) }

// MarshalText encodes the risk as its stable spelling.
func (b BiasRisk) MarshalText() ([]byte, error) { return marshalEnum("bias risk", biasNames, b) }

// UnmarshalText decodes a stable spelling, "not_assessed" included.
func (b *BiasRisk) UnmarshalText(text []byte) error {
	v, err := parseEnum[BiasRisk]("bias risk", biasNames, text)
	if err == nil {
		*b = v
	}
	return err
}

// Bias returns the study's overall risk of bias on the common scale, with
// the derivation in words. A study without an assessment, or with both
// tools filled in (a validation error), is not assessed.
func (s *Study) Bias(opt RoB2Options) (BiasRisk, string) {
	rb := s.RiskOfBias
	switch {
	case rb.RoB2 != nil && rb.ROBINSI != nil:
		return BiasNotAssessed, "both RoB 2 and ROBINS-I given; neither is used"
	case rb.RoB2 != nil:
		o := rb.RoB2.Overall(opt)
		return [...]BiasRisk{BiasNotAssessed, BiasLow, BiasModerate, BiasHigh}[o.Judgement], "RoB 2 " + o.Reason
	case rb.ROBINSI != nil:
		o := rb.ROBINSI.Overall()
		return [...]BiasRisk{BiasNotAssessed, BiasLow, BiasModerate, BiasHigh, BiasCritical, BiasNoInformation}[o.Judgement], "ROBINS-I " + o.Reason
	}
	return BiasNotAssessed, "no risk-of-bias assessment"
}
