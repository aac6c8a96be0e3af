package evidence

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRoB2Overall(t *testing.T) {
	const L, S, H, N = RoB2Low, RoB2SomeConcerns, RoB2High, RoB2NotAssessed
	tests := []struct {
		name      string
		domains   [5]RoB2Judgement
		escalate  string
		threshold int
		want      RoB2Judgement
		escalated bool
		reason    string
	}{
		{"all low", [5]RoB2Judgement{L, L, L, L, L}, "", 0, L, false, "low only when every domain is low"},
		{"one concern", [5]RoB2Judgement{L, S, L, L, L}, "", 0, S, false, "some concerns and no high"},
		{"four concerns no threshold", [5]RoB2Judgement{S, S, S, S, L}, "", 0, S, false, "the published algorithm never counts concerns"},
		{"one high", [5]RoB2Judgement{L, L, H, L, L}, "", 0, H, false, "any high domain makes the result high"},
		{"high beats missing", [5]RoB2Judgement{H, N, N, N, N}, "", 0, H, false, "one high domain decides even when others are unassessed"},
		{"missing", [5]RoB2Judgement{L, L, L, L, N}, "", 0, N, false, "an unassessed domain is not low"},
		{"concern and missing", [5]RoB2Judgement{S, L, L, L, N}, "", 0, N, false, "the missing domain could be high"},
		{"reviewer escalation", [5]RoB2Judgement{S, S, L, L, L}, "concerns in randomisation and deviations compound", 0, H, true, "the reviewer may escalate multiple concerns"},
		{"blank escalation", [5]RoB2Judgement{S, S, L, L, L}, "   ", 0, S, false, "an escalation without a reason is ignored"},
		{"escalation on low", [5]RoB2Judgement{L, L, L, L, L}, "why not", 0, L, false, "only some concerns can be escalated"},
		{"threshold reached", [5]RoB2Judgement{S, S, S, L, L}, "", 3, H, true, "opt-in threshold of 3"},
		{"threshold not reached", [5]RoB2Judgement{S, S, L, L, L}, "", 3, S, false, "2 concerns under a threshold of 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.domains
			r := &RoB2{Randomisation: d[0], Deviations: d[1], MissingData: d[2], Measurement: d[3], ReportedResult: d[4], Escalation: tc.escalate}
			got := r.Overall(RoB2Options{MultipleConcernsThreshold: tc.threshold})
			assert.Equal(t, tc.want, got.Judgement, tc.reason)
			assert.Equal(t, tc.escalated, got.Escalated, tc.reason)
			assert.NotEmpty(t, got.Reason, "every derivation is explained")
			if tc.threshold > 0 && tc.escalated {
				assert.Contains(t, got.Reason, "not part of RoB 2", "the threshold is labelled as a library option")
			}
		})
	}
	var none *RoB2
	assert.Equal(t, RoB2NotAssessed, none.Overall(RoB2Options{}).Judgement, "nil assessment")
}

func TestROBINSIOverall(t *testing.T) {
	const L, M, S, C, NI, NA = ROBINSLow, ROBINSModerate, ROBINSSerious, ROBINSCritical, ROBINSNoInformation, ROBINSNotAssessed
	tests := []struct {
		name    string
		domains [7]ROBINSJudgement
		want    ROBINSJudgement
		reason  string
	}{
		{"all low", [7]ROBINSJudgement{L, L, L, L, L, L, L}, L, "low only when every domain is low"},
		{"one moderate", [7]ROBINSJudgement{M, L, L, L, L, L, L}, M, "low or moderate everywhere, one moderate"},
		{"one serious", [7]ROBINSJudgement{M, S, L, L, L, L, L}, S, "any serious and no critical"},
		{"critical", [7]ROBINSJudgement{S, C, L, L, L, L, L}, C, "any critical"},
		{"critical beats missing", [7]ROBINSJudgement{C, NA, NA, NA, NA, NA, NA}, C, "critical decides even when others are unassessed"},
		{"no information", [7]ROBINSJudgement{M, L, NI, L, L, L, L}, NI, "information lacking, no serious or critical"},
		{"serious beats no information", [7]ROBINSJudgement{S, L, NI, L, L, L, L}, S, "a clear serious risk outranks missing information"},
		{"missing", [7]ROBINSJudgement{L, L, L, L, L, L, NA}, NA, "an unassessed domain is not low"},
		{"serious and missing", [7]ROBINSJudgement{S, L, L, L, L, L, NA}, NA, "the missing domain could be critical"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.domains
			r := &ROBINSI{Confounding: d[0], Selection: d[1], Classification: d[2], Deviations: d[3], MissingData: d[4], Measurement: d[5], ReportedResult: d[6]}
			got := r.Overall()
			assert.Equal(t, tc.want, got.Judgement, tc.reason)
			assert.NotEmpty(t, got.Reason)
		})
	}
}

func TestStudyBias(t *testing.T) {
	rct := validRCT()
	tests := []struct {
		name   string
		rb     RiskOfBias
		want   BiasRisk
		reason string
	}{
		{"none", RiskOfBias{}, BiasNotAssessed, "no tool"},
		{"rob2 low", RiskOfBias{RoB2: &RoB2{RoB2Low, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}}, BiasLow, "RoB 2 low"},
		{"rob2 concerns", RiskOfBias{RoB2: &RoB2{RoB2Low, RoB2SomeConcerns, RoB2Low, RoB2Low, RoB2Low, ""}}, BiasModerate, "some concerns maps to moderate"},
		{"rob2 high", RiskOfBias{RoB2: &RoB2{RoB2High, RoB2Low, RoB2Low, RoB2Low, RoB2Low, ""}}, BiasHigh, "RoB 2 high"},
		{"robins serious", RiskOfBias{ROBINSI: &ROBINSI{ROBINSSerious, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow, ROBINSLow}}, BiasHigh, "ROBINS-I serious maps to high"},
		{"robins critical", RiskOfBias{ROBINSI: &ROBINSI{Confounding: ROBINSCritical}}, BiasCritical, "ROBINS-I critical"},
		{"both", RiskOfBias{RoB2: &RoB2{}, ROBINSI: &ROBINSI{}}, BiasNotAssessed, "two tools is a validation error; neither is used"},
	}
	for _, tc := range tests {
		rct.RiskOfBias = tc.rb
		got, why := rct.Bias(RoB2Options{})
		assert.Equal(t, tc.want, got, tc.reason)
		assert.NotEmpty(t, why, tc.reason)
	}
}
