package regulation

// Shipped returns a new RuleSet holding every shipped rule: Indonesia
// (ID), the United States (US), the European Union (EU), Japan (JP),
// South Korea (KR), Australia (AU), Taiwan's cosmetic rule (TW) and the
// quality baseline (QUALITY). Each call returns a fresh set; nothing is
// shared that a caller could change.
func Shipped() *RuleSet {
	var all []Rule
	for _, f := range []func() []Rule{indonesiaRules, unitedStatesRules, europeanUnionRules,
		japanRules, koreaRules, australiaRules, taiwanRules, qualityRules, batchRules} {
		all = append(all, f()...)
	}
	s, err := NewRuleSet(all...)
	if err != nil {
		// The shipped rules are fixed data checked by the tests.
		panic(err)
	}
	return s
}
