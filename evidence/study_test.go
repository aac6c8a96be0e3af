package evidence

import (
	"errors"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

// validRCT returns a complete randomised trial with no problems at all.
func validRCT() Study {
	return Study{
		ID:            "rct-2024",
		DOI:           "10.5555/sk.2024.001",
		PMID:          "12345678",
		Registrations: []Registration{{Registry: RegistryClinicalTrialsGov, ID: "NCT01234567"}},
		Title:         "Secretome gel versus vehicle for pressure ulcers",
		Year:          2024,
		Design:        DesignRandomisedControlledTrial,
		Population:    Population{Condition: "L89", Size: ptr(120), Setting: "nursing homes", Country: "ID"},
		Intervention:  Intervention{ProductID: "uc-msc-gel"},
		Comparator:    Comparator{Kind: ComparatorPlacebo, Description: "vehicle gel"},
		Outcomes: []Outcome{{
			Name: "complete closure", Type: OutcomeBinary, TimePoint: TimePoint{Value: 12, Unit: Weeks},
			Raw: &RawData{EventsTreated: ptr(30), TotalTreated: ptr(60), EventsControl: ptr(15), TotalControl: ptr(60)},
		}},
		Funding:    Funding{Kind: FundingPublic, Sponsor: "national research agency"},
		Conflicts:  Conflicts{Status: ConflictsNone},
		RiskOfBias: RiskOfBias{RoB2: &RoB2{Randomisation: RoB2Low, Deviations: RoB2Low, MissingData: RoB2Low, Measurement: RoB2Low, ReportedResult: RoB2Low}},
	}
}

func TestValidRCTHasNoProblems(t *testing.T) {
	s := validRCT()
	require.NoError(t, s.Validate())
	assert.Empty(t, s.Check(), "the fixture must be free of warnings too, or the table below tests nothing")
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		edit   func(s *Study)
		path   string
		code   secretome.Code
		sev    secretome.Severity
	}{
		{"no id", "the id is the key claims cite", func(s *Study) { s.ID = "" }, "id", secretome.CodeRequired, secretome.SeverityError},
		{"id with space", "ids are single tokens", func(s *Study) { s.ID = "a b" }, "id", secretome.CodeFormat, secretome.SeverityError},
		{"doi url", "a DOI has one bare spelling", func(s *Study) { s.DOI = "https://doi.org/10.5555/x" }, "doi", secretome.CodeFormat, secretome.SeverityError},
		{"doi short registrant", "registrant codes have at least 4 digits", func(s *Study) { s.DOI = "10.12/abc" }, "doi", secretome.CodeFormat, secretome.SeverityError},
		{"doi no suffix", "a DOI needs a suffix", func(s *Study) { s.DOI = "10.1234/" }, "doi", secretome.CodeFormat, secretome.SeverityError},
		{"pmid letters", "PMIDs are digits", func(s *Study) { s.PMID = "PMC123" }, "pmid", secretome.CodeFormat, secretome.SeverityError},
		{"nct short", "NCT numbers have 8 digits", func(s *Study) { s.Registrations[0].ID = "NCT123" }, "registrations[0].id", secretome.CodeFormat, secretome.SeverityError},
		{"isrctn wrong", "ISRCTN numbers have 8 digits after ISRCTN", func(s *Study) {
			s.Registrations[0] = Registration{Registry: RegistryISRCTN, ID: "ISRCTN1234"}
		}, "registrations[0].id", secretome.CodeFormat, secretome.SeverityError},
		{"eudract odd", "EudraCT's pattern is not verified, so only a warning", func(s *Study) {
			s.Registrations[0] = Registration{Registry: RegistryEudraCT, ID: "2004-12-45"}
		}, "registrations[0].id", secretome.CodeFormat, secretome.SeverityWarning},
		{"other without name", "other registries must be named", func(s *Study) {
			s.Registrations[0] = Registration{Registry: RegistryOther, ID: "ACTRN12345"}
		}, "registrations[0].registry_name", secretome.CodeRequired, secretome.SeverityError},
		{"duplicate registration", "the same entry twice is a copy error", func(s *Study) {
			s.Registrations = append(s.Registrations, s.Registrations[0])
		}, "registrations[1]", secretome.CodeDuplicate, secretome.SeverityError},
		{"no title", "a study needs a title", func(s *Study) { s.Title = " " }, "title", secretome.CodeRequired, secretome.SeverityError},
		{"year typo", "years are range-checked", func(s *Study) { s.Year = 20224 }, "year", secretome.CodeRange, secretome.SeverityError},
		{"no year", "year is required", func(s *Study) { s.Year = 0 }, "year", secretome.CodeRequired, secretome.SeverityError},
		{"no design", "design drives every grade", func(s *Study) { s.Design = DesignUnknown; s.RiskOfBias = RiskOfBias{} }, "design", secretome.CodeRequired, secretome.SeverityError},
		{"bad condition", "conditions are ICD codes", func(s *Study) { s.Population.Condition = "pressure ulcer" }, "population.condition", secretome.CodeFormat, secretome.SeverityError},
		{"lowercase condition", "ICD codes are capitals", func(s *Study) { s.Population.Condition = "l89" }, "population.condition", secretome.CodeFormat, secretome.SeverityError},
		{"no condition", "clinical studies name their condition", func(s *Study) { s.Population.Condition = "" }, "population.condition", secretome.CodeRequired, secretome.SeverityError},
		{"size zero", "a study has at least one participant", func(s *Study) { s.Population.Size = ptr(0) }, "population.size", secretome.CodeRange, secretome.SeverityError},
		{"size beyond a billion", "a typing error that would overflow the sums grading forms", func(s *Study) { s.Population.Size = ptr(1 << 62) }, "population.size", secretome.CodeRange, secretome.SeverityError},
		{"group size beyond a billion", "counts are bounded as sizes are", func(s *Study) { s.Outcomes[0].Raw.TotalTreated = ptr(1 << 62) }, "outcomes[0].raw.total_treated", secretome.CodeRange, secretome.SeverityError},
		{"bad country", "countries are assigned ISO codes", func(s *Study) { s.Population.Country = "XX" }, "population.country", secretome.CodeFormat, secretome.SeverityError},
		{"no intervention", "the intervention must be identified", func(s *Study) { s.Intervention = Intervention{} }, "intervention", secretome.CodeRequired, secretome.SeverityError},
		{"no comparator", "an RCT compares groups", func(s *Study) { s.Comparator = Comparator{} }, "comparator", secretome.CodeRequired, secretome.SeverityWarning},
		{"historical rct", "randomised trials have concurrent controls", func(s *Study) { s.Comparator.Kind = ComparatorHistorical }, "comparator.kind", CodeDesignMismatch, secretome.SeverityError},
		{"outcome both", "raw data and reported effect are exclusive", func(s *Study) {
			s.Outcomes[0].Reported = &ReportedEffect{Measure: MeasureRR, Estimate: ptr(2.0), Lower: ptr(1.2), Upper: ptr(3.1), Level: 0.95}
		}, "outcomes[0]", CodeOutcomeData, secretome.SeverityError},
		{"outcome neither", "an RCT outcome needs data", func(s *Study) { s.Outcomes[0].Raw = nil; s.Outcomes[0].Result = "better" }, "outcomes[0]", CodeOutcomeData, secretome.SeverityError},
		{"events over total", "events cannot exceed the group", func(s *Study) { s.Outcomes[0].Raw.EventsTreated = ptr(61) }, "outcomes[0].raw.events_treated", secretome.CodeInconsistent, secretome.SeverityError},
		{"events missing", "a 2×2 table needs four counts", func(s *Study) { s.Outcomes[0].Raw.EventsControl = nil }, "outcomes[0].raw.events_control", secretome.CodeRequired, secretome.SeverityError},
		{"negative count", "counts are not negative", func(s *Study) { s.Outcomes[0].Raw.TotalControl = ptr(-1) }, "outcomes[0].raw.total_control", secretome.CodeRange, secretome.SeverityError},
		{"continuous field on binary", "fields of the other type are mistakes", func(s *Study) { s.Outcomes[0].Raw.MeanTreated = ptr(1.0) }, "outcomes[0].raw.mean_treated", secretome.CodeInconsistent, secretome.SeverityError},
		{"continuous sd zero", "standard deviations are positive", func(s *Study) {
			s.Outcomes[0] = Outcome{Name: "area", Type: OutcomeContinuous, TimePoint: TimePoint{Text: "day 28"}, Raw: &RawData{
				MeanTreated: ptr(2.0), SDTreated: ptr(0.0), NTreated: ptr(20), MeanControl: ptr(3.0), SDControl: ptr(1.0), NControl: ptr(20)}}
		}, "outcomes[0].raw.sd_treated", secretome.CodeRange, secretome.SeverityError},
		{"reported wrong measure", "a binary outcome is not reported as a mean difference", func(s *Study) {
			s.Outcomes[0].Raw = nil
			s.Outcomes[0].Reported = &ReportedEffect{Measure: MeasureMD, Estimate: ptr(2.0), Lower: ptr(1.0), Upper: ptr(3.0), Level: 0.95}
		}, "outcomes[0].reported.measure", secretome.CodeInconsistent, secretome.SeverityError},
		{"time-to-event as a risk ratio", "a time-to-event outcome is reported as a hazard ratio", func(s *Study) {
			s.Outcomes[0] = Outcome{Name: "time to closure", Type: OutcomeTimeToEvent, TimePoint: TimePoint{Text: "12 weeks"},
				Reported: &ReportedEffect{Measure: MeasureRR, Estimate: ptr(1.5), Lower: ptr(1.1), Upper: ptr(2.0), Level: 0.95}}
		}, "outcomes[0].reported.measure", secretome.CodeInconsistent, secretome.SeverityError},
		{"continuous as a hazard ratio", "a continuous outcome is reported as md or smd", func(s *Study) {
			s.Outcomes[0] = Outcome{Name: "area", Type: OutcomeContinuous, TimePoint: TimePoint{Text: "day 28"},
				Reported: &ReportedEffect{Measure: MeasureHR, Estimate: ptr(0.8), Lower: ptr(0.6), Upper: ptr(0.9), Level: 0.95}}
		}, "outcomes[0].reported.measure", secretome.CodeInconsistent, secretome.SeverityError},
		{"reported estimate outside ci", "the estimate lies inside its interval", func(s *Study) {
			s.Outcomes[0].Raw = nil
			s.Outcomes[0].Reported = &ReportedEffect{Measure: MeasureRR, Estimate: ptr(5.0), Lower: ptr(1.0), Upper: ptr(3.0), Level: 0.95}
		}, "outcomes[0].reported.estimate", secretome.CodeInconsistent, secretome.SeverityError},
		{"reported no level", "the CI level is never assumed", func(s *Study) {
			s.Outcomes[0].Raw = nil
			s.Outcomes[0].Reported = &ReportedEffect{Measure: MeasureRR, Estimate: ptr(2.0), Lower: ptr(1.0), Upper: ptr(3.0)}
		}, "outcomes[0].reported.ci_level", secretome.CodeRequired, secretome.SeverityError},
		{"reported level percent", "levels are fractions", func(s *Study) {
			s.Outcomes[0].Raw = nil
			s.Outcomes[0].Reported = &ReportedEffect{Measure: MeasureRR, Estimate: ptr(2.0), Lower: ptr(1.0), Upper: ptr(3.0), Level: 95}
		}, "outcomes[0].reported.ci_level", secretome.CodeRange, secretome.SeverityError},
		{"duplicate outcome", "outcome names are unique", func(s *Study) { s.Outcomes = append(s.Outcomes, s.Outcomes[0]) }, "outcomes[1].name", secretome.CodeDuplicate, secretome.SeverityError},
		{"time point unit missing", "a duration needs a unit", func(s *Study) { s.Outcomes[0].TimePoint = TimePoint{Value: 4} }, "outcomes[0].time_point.unit", secretome.CodeRequired, secretome.SeverityError},
		{"time-to-event raw", "hazards come reported", func(s *Study) { s.Outcomes[0].Type = OutcomeTimeToEvent }, "outcomes[0].raw", CodeOutcomeData, secretome.SeverityError},
		{"funding missing", "funding may be not_reported, but not silently absent", func(s *Study) { s.Funding = Funding{} }, "funding.kind", secretome.CodeRequired, secretome.SeverityWarning},
		{"sponsor without funding", "contradiction", func(s *Study) { s.Funding.Kind = FundingNone }, "funding.sponsor", secretome.CodeInconsistent, secretome.SeverityError},
		{"conflicts missing", "conflicts must be stated", func(s *Study) { s.Conflicts = Conflicts{} }, "conflicts.status", secretome.CodeRequired, secretome.SeverityWarning},
		{"rob missing", "an RCT without RoB 2 is flagged", func(s *Study) { s.RiskOfBias = RiskOfBias{} }, "risk_of_bias", CodeRoBMissing, secretome.SeverityWarning},
		{"robins on rct", "tool must fit the design", func(s *Study) { s.RiskOfBias.ROBINSI = &ROBINSI{Confounding: ROBINSLow} }, "risk_of_bias.robins_i", CodeRoBToolMismatch, secretome.SeverityError},
		{"rob incomplete", "unassessed domains are not low", func(s *Study) { s.RiskOfBias.RoB2.Measurement = RoB2NotAssessed }, "risk_of_bias.rob2", CodeRoBIncomplete, secretome.SeverityWarning},
		{"escalation without concerns", "only some concerns can be escalated", func(s *Study) { s.RiskOfBias.RoB2.Escalation = "looks bad" }, "risk_of_bias.rob2.escalation", CodeRoBEscalation, secretome.SeverityError},
		{"review on rct", "review details belong to reviews", func(s *Study) {
			s.Review = &Review{Studies: ptr(3), Designs: []Design{DesignRandomisedControlledTrial}}
		}, "review", CodeDesignMismatch, secretome.SeverityError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := validRCT()
			tc.edit(&s)
			for _, p := range s.Check() {
				assert.NotContains(t, p.Message, "%!", "message formatting is broken")
				assert.NotContains(t, p.Message, "%%", "message formatting is broken")
			}
			var found *secretome.Problem
			for _, p := range s.Check() {
				if p.Path == tc.path && p.Code == tc.code {
					found = &p
					break
				}
			}
			require.NotNil(t, found, "%s: want %s at %q, got %v", tc.reason, tc.code, tc.path, s.Check())
			assert.Equal(t, tc.sev, found.Severity, tc.reason)
			err := s.Validate()
			if tc.sev == secretome.SeverityError {
				ve, ok := secretome.AsValidationError(err)
				require.True(t, ok, tc.reason)
				assert.NotEmpty(t, ve.At(tc.path), tc.reason)
			} else {
				assert.NoError(t, err, "%s: warnings alone do not fail validation", tc.reason)
			}
		})
	}
}

func TestValidateDesignSpecific(t *testing.T) {
	caseReport := func() Study {
		return Study{ID: "cr", Title: "t", Year: 2020, Design: DesignCaseReport,
			Population:   Population{Condition: "L88", Size: ptr(1)},
			Intervention: Intervention{Description: "secretome gel"},
			Outcomes:     []Outcome{{Name: "closure", Type: OutcomeBinary, TimePoint: TimePoint{Text: "week 8"}, Result: "healed"}},
			Funding:      Funding{Kind: FundingNotReported}, Conflicts: Conflicts{Status: ConflictsNotReported}}
	}
	tests := []struct {
		name   string
		reason string
		edit   func(s *Study)
		path   string
		code   secretome.Code // "" means: no problems at all
	}{
		{"case report ok", "a narrative result suffices without a comparison group", func(s *Study) {}, "", ""},
		{"case report comparator", "case reports have no comparison group", func(s *Study) { s.Comparator = Comparator{Kind: ComparatorPlacebo} }, "comparator", CodeDesignMismatch},
		{"case report raw", "raw two-group data cannot come from one patient", func(s *Study) {
			s.Outcomes[0].Raw = &RawData{EventsTreated: ptr(1), TotalTreated: ptr(1), EventsControl: ptr(0), TotalControl: ptr(1)}
			s.Outcomes[0].Result = ""
		}, "outcomes[0]", CodeDesignMismatch},
		{"case report of three", "a case report is one patient", func(s *Study) { s.Population.Size = ptr(3) }, "population.size", CodeDesignMismatch},
		{"case report rob2", "RoB 2 is for randomised trials", func(s *Study) { s.RiskOfBias.RoB2 = &RoB2{} }, "risk_of_bias.rob2", CodeRoBToolMismatch},
		{"case report no result", "an outcome still needs a result", func(s *Study) { s.Outcomes[0].Result = "" }, "outcomes[0]", CodeOutcomeData},
		{"in vitro without condition", "laboratory work need not name a condition", func(s *Study) {
			s.Design = DesignInVitro
			s.Population = Population{Description: "human dermal fibroblasts"}
		}, "", ""},
		{"review ok", "a review lists what it includes", func(s *Study) {
			s.Design = DesignMetaAnalysis
			s.Review = &Review{Studies: ptr(4), Designs: []Design{DesignRandomisedControlledTrial}, I2: ptr(30.0)}
			s.Outcomes[0].Result = ""
			s.Outcomes[0].Reported = &ReportedEffect{Measure: MeasureRR, Estimate: ptr(2.1), Lower: ptr(1.4), Upper: ptr(3.2), Level: 0.95}
		}, "", ""},
		{"review without designs", "a review must say what it includes", func(s *Study) {
			s.Design = DesignSystematicReview
			s.Review = &Review{Studies: ptr(4)}
		}, "review.designs", secretome.CodeRequired},
		{"review including a review", "included studies are primary", func(s *Study) {
			s.Design = DesignSystematicReview
			s.Review = &Review{Studies: ptr(4), Designs: []Design{DesignMetaAnalysis}}
		}, "review.designs[0]", secretome.CodeRange},
		{"review i2 out of range", "I² is a percentage", func(s *Study) {
			s.Design = DesignSystematicReview
			s.Review = &Review{Studies: ptr(4), Designs: []Design{DesignCaseSeries}, I2: ptr(140.0)}
		}, "review.i2", secretome.CodeRange},
		{"review missing", "without included designs the level cannot be derived", func(s *Study) { s.Design = DesignSystematicReview }, "review", secretome.CodeRequired},
		{"cohort without robins", "non-randomised comparative studies get ROBINS-I", func(s *Study) {
			s.Design = DesignCohortRetrospective
			s.Comparator = Comparator{Kind: ComparatorStandardCare}
			s.Outcomes[0].Reported = &ReportedEffect{Measure: MeasureRR, Estimate: ptr(0.5), Lower: ptr(0.3), Upper: ptr(0.8), Level: 0.95}
			s.Outcomes[0].Result = ""
		}, "risk_of_bias", CodeRoBMissing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := caseReport()
			tc.edit(&s)
			probs := s.Check()
			if tc.code == "" {
				assert.Empty(t, probs, tc.reason)
				return
			}
			var codes []string
			for _, p := range probs {
				if p.Path == tc.path && p.Code == tc.code {
					return
				}
				codes = append(codes, p.Path+":"+string(p.Code))
			}
			t.Errorf("%s: want %s at %q, got %v", tc.reason, tc.code, tc.path, codes)
		})
	}
}

func TestValidateNeverPanics(t *testing.T) {
	var nilStudy *Study
	assert.Error(t, nilStudy.Validate(), "a nil study is an error, not a panic")
	s := Study{Design: Design(200), Outcomes: []Outcome{{Type: OutcomeType(9), Raw: &RawData{}, TimePoint: TimePoint{Unit: TimeUnit(77), Value: 1}}},
		Funding: Funding{Kind: FundingKind(50)}, Conflicts: Conflicts{Status: ConflictStatus(9)},
		Comparator: Comparator{Kind: ComparatorKind(99)},
		RiskOfBias: RiskOfBias{RoB2: &RoB2{Randomisation: RoB2Judgement(40)}, ROBINSI: &ROBINSI{Confounding: ROBINSJudgement(40)}},
		Review:     &Review{Designs: []Design{Design(99)}}, Registrations: []Registration{{Registry: Registry(99)}}}
	require.NotPanics(t, func() { _ = s.Validate() })
	require.NotPanics(t, func() { exercise(s) }, "grading tolerates out-of-range values")
	s.Design = DesignRandomisedControlledTrial
	require.NotPanics(t, func() { exercise(s) }, "also on a valid design")
	s.Design = Design(200)
	ve, ok := secretome.AsValidationError(s.Validate())
	require.True(t, ok)
	for _, path := range []string{"design", "funding.kind", "conflicts.status", "comparator.kind", "outcomes[0].type",
		"outcomes[0].time_point.unit", "risk_of_bias.rob2.randomisation", "risk_of_bias.robins_i.confounding", "review.designs[0]", "registrations[0].registry"} {
		assert.NotEmpty(t, ve.At(path), "out-of-range value at %s must be reported", path)
	}
}

func TestOutcomeEffect(t *testing.T) {
	s := validRCT()
	o := &s.Outcomes[0]
	e, err := o.Effect(0)
	require.NoError(t, err)
	want, err := RiskRatio(TwoByTwo{A: 30, B: 30, C: 15, D: 45})
	require.NoError(t, err)
	assert.Equal(t, want, e, "raw binary data default to the risk ratio built by RiskRatio")
	e, err = o.Effect(MeasureOR)
	require.NoError(t, err)
	assert.Equal(t, MeasureOR, e.Measure)
	_, err = o.Effect(MeasureMD)
	assert.ErrorIs(t, err, ErrMeasure, "binary data give no mean difference")

	rep := Outcome{Name: "hr", Type: OutcomeTimeToEvent, Reported: &ReportedEffect{Measure: MeasureHR, Estimate: ptr(0.72), Lower: ptr(0.55), Upper: ptr(0.94), Level: 0.95}}
	e, err = rep.Effect(0)
	require.NoError(t, err)
	fr, _ := FromReported(MeasureHR, 0.72, 0.55, 0.94, 0.95)
	assert.Equal(t, fr, e, "a reported effect goes through FromReported")
	_, err = rep.Effect(MeasureRR)
	assert.ErrorIs(t, err, ErrMeasure, "a reported HR is not an RR")

	none := Outcome{Name: "x", Result: "healed"}
	_, err = none.Effect(0)
	assert.True(t, errors.Is(err, ErrNoData), "a narrative outcome has no effect")
}

func TestConditionRevision(t *testing.T) {
	tests := []struct {
		code   string
		want   ICDRevision
		reason string
	}{
		{"L10.0", ICD10, "pemphigus vulgaris, ICD-10 subcode"},
		{"L88", ICD10, "pyoderma gangrenosum, ICD-10 category"},
		{"L89.621", ICD10, "ICD-10-CM style extension"},
		{"T20-T32", ICD10, "ICD-10 block for burns"},
		{"EB40.0", ICD11, "ICD-11 stem with extension"},
		{"1F40", ICD11, "ICD-11 stem starting with a digit"},
		{"T32-T20", ICDUnknown, "a block runs forwards"},
		{"L1", ICDUnknown, "too short"},
		{"L10.", ICDUnknown, "dangling dot"},
		{"EI40", ICDUnknown, "ICD-11 never uses I"},
		{"l10.0", ICDUnknown, "lower case"},
		{"", ICDUnknown, "empty"},
	}
	for _, tc := range tests {
		got, err := ConditionRevision(tc.code)
		assert.Equal(t, tc.want, got, tc.reason)
		assert.Equal(t, tc.want == ICDUnknown, err != nil, tc.reason)
	}
}

func TestConditionCovers(t *testing.T) {
	tests := []struct {
		indication, condition string
		want                  bool
		reason                string
	}{
		{"L89", "L89", true, "a code covers itself"},
		{"L89", "L89.1", true, "a category covers its subcodes"},
		{"L89.1", "L89", false, "a subcode does not cover its category"},
		{"L89", "L88", false, "different categories"},
		{"L8", "L89", false, "malformed indication covers nothing"},
		{"T20-T32", "T24", true, "a block covers its categories"},
		{"T20-T32", "T24.1", true, "and their subcodes"},
		{"T20-T32", "T33", false, "outside the block"},
		{"T20-T32", "T21-T25", true, "an inner block"},
		{"T24", "T20-T32", false, "a category does not cover a block"},
		{"EB40", "EB40.0", true, "ICD-11 hierarchy"},
		{"L10.0", "EB40.0", false, "no ICD-10 to ICD-11 map"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, ConditionCovers(tc.indication, tc.condition), tc.reason)
	}
}

func TestCountryList(t *testing.T) {
	assert.Len(t, isoCountries, 2*249, "ISO 3166-1 has 249 officially assigned alpha-2 codes")
	for i := 2; i < len(isoCountries); i += 2 {
		assert.Less(t, isoCountries[i-2:i], isoCountries[i:i+2], "the table must be sorted for the binary search")
	}
	for _, c := range []string{"AD", "ID", "DE", "ZW", "GB", "US"} {
		assert.NoError(t, checkCountry(c), c)
	}
	for _, c := range []string{"UK", "XX", "id", "IDN", "EU"} {
		assert.Error(t, checkCountry(c), c)
	}
	// The search finds exactly the codes of the table, among all pairs of
	// capital letters.
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			c, listed := string([]rune{a, b}), false
			for i := 0; i < len(isoCountries); i += 2 {
				listed = listed || isoCountries[i:i+2] == c
			}
			assert.Equal(t, listed, checkCountry(c) == nil, c)
		}
	}
}

func TestEnumsRoundTrip(t *testing.T) {
	for _, d := range Designs() {
		b, err := d.MarshalText()
		require.NoError(t, err)
		var back Design
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back)
	}
	var d Design
	err := d.UnmarshalText([]byte("rct"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "randomised_controlled_trial", "the error lists the allowed spellings")
	var ee interface{ EnumError() bool }
	assert.ErrorAs(t, err, &ee, "the decoder reports it with code enum")
	_, err = Design(0).MarshalText()
	assert.Error(t, err, "an unset design has no spelling")
}

func TestIdentifierFormats(t *testing.T) {
	dois := []struct {
		doi    string
		ok     bool
		reason string
	}{
		{"10.1080/14653240600855905", true, "a real-form DOI"},
		{"10.1000.10/xyz(1):2", true, "dotted registrant sub-code and punctuation in the suffix"},
		{"10.123/x", false, "registrant code too short"},
		{"11.1234/x", false, "DOIs start with 10."},
		{"10.1234", false, "no suffix"},
		{"doi:10.1234/x", false, "resolver prefix"},
		{"10.1234/a b", false, "space in the suffix"},
		{"10.12a4/x", false, "letters in the registrant code"},
	}
	for _, tc := range dois {
		assert.Equal(t, tc.ok, checkDOI(tc.doi) == nil, "%s: %s", tc.doi, tc.reason)
	}
	pmids := []struct {
		pmid   string
		ok     bool
		reason string
	}{
		{"21802902", true, "eight digits"},
		{"1", true, "one digit"},
		{"0123", false, "leading zero"},
		{"1234567890", false, "ten digits"},
		{"12a", false, "letters"},
	}
	for _, tc := range pmids {
		assert.Equal(t, tc.ok, checkPMID(tc.pmid) == nil, "%s: %s", tc.pmid, tc.reason)
	}
	regs := []struct {
		r       Registry
		id      string
		ok      bool
		certain bool
		reason  string
	}{
		{RegistryClinicalTrialsGov, "NCT01234567", true, true, "NCT and 8 digits"},
		{RegistryClinicalTrialsGov, "nct01234567", false, true, "prefix is upper case"},
		{RegistryClinicalTrialsGov, "NCT012345678", false, true, "9 digits"},
		{RegistryISRCTN, "ISRCTN12345678", true, true, "ISRCTN and 8 digits"},
		{RegistryISRCTN, "12345678", false, true, "prefix required"},
		{RegistryEudraCT, "2004-000123-45", true, true, "usual EudraCT form"},
		{RegistryEudraCT, "2004-123-45", false, false, "unusual form is only a warning"},
		{RegistryCTIS, "2023-501234-12-00", true, true, "usual EU CT form"},
		{RegistryCTIS, "2023-501234-12", false, false, "unusual form is only a warning"},
		{RegistryOther, "anything goes", true, true, "free text for other registries"},
	}
	for _, tc := range regs {
		certain, err := checkRegistrationID(tc.r, tc.id)
		assert.Equal(t, tc.ok, err == nil, "%s %s: %s", tc.r, tc.id, tc.reason)
		assert.Equal(t, tc.certain, certain, "%s %s: %s", tc.r, tc.id, tc.reason)
	}
}
