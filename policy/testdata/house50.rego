package house

has_kind(xs, k) if {
	some x in xs
	x.kind == k
}

valid_ethics_approval if {
	some a in input.authorisations
	a.valid
	a.kind == "ethics_approval"
}

# BENCH-000
findings contains f if {
	some i, batch in input.product.batches
	not has_kind(batch.results, "sterility")
	f := {"rule": "BENCH-000", "path": sprintf("product.batches[%d]", [i]), "message": sprintf("house rule 0 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class in {"hospital_service", "clinical_trial"}]}
}

# BENCH-001
findings contains f if {
	not has_kind(input.product.release_tests, "sterility")
	f := {"rule": "BENCH-001", "path": "", "message": sprintf("house rule 1 does not hold for %s", [input.product.id]), "uses": [j | some j, _ in input.uses]}
}

# BENCH-002
findings contains f if {
	some i, claim in input.claims
	claim.intent == "cosmetic"
	regex.match(`(?i)stem[- ]?cells?`, claim.wording)
	f := {"rule": "BENCH-002", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 2 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class == "cosmetic"]}
}

# BENCH-003
findings contains f if {
	some i, claim in input.claims
	claim.intent == "therapeutic"
	claim.certainty == "not_graded"
	f := {"rule": "BENCH-003", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 3 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-004
findings contains f if {
	some i, use in input.uses
	use.class == "cosmetic"
	use.route == "injection"
	f := {"rule": "BENCH-004", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 4 does not hold for %s", [input.product.id]), "uses": [i]}
}

# BENCH-005
findings contains f if {
	some i, use in input.uses
	use.setting == "beauty_clinic"
	use.administrator != "physician"
	f := {"rule": "BENCH-005", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 5 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-006
findings contains f if {
	some u in input.uses
	u.class == "clinical_trial"
	not valid_ethics_approval
	f := {"rule": "BENCH-006", "path": "", "message": sprintf("house rule 6 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-007
findings contains f if {
	some i, study in input.studies
	study.size >= 0
	study.size < 3
	f := {"rule": "BENCH-007", "path": sprintf("studies[%d]", [i]), "message": sprintf("house rule 7 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-008
findings contains f if {
	input.product.donor_type == "autologous"
	count(input.product.batches) < 2
	f := {"rule": "BENCH-008", "path": "", "message": sprintf("house rule 8 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-009
findings contains f if {
	some i, authorisation in input.authorisations
	authorisation.kind == "marketing_authorisation"
	not authorisation.valid
	f := {"rule": "BENCH-009", "path": sprintf("authorisations[%d]", [i]), "message": sprintf("house rule 9 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-010
findings contains f if {
	some i, batch in input.product.batches
	not has_kind(batch.results, "endotoxin")
	f := {"rule": "BENCH-010", "path": sprintf("product.batches[%d]", [i]), "message": sprintf("house rule 10 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class in {"hospital_service", "clinical_trial"}]}
}

# BENCH-011
findings contains f if {
	not has_kind(input.product.release_tests, "endotoxin")
	f := {"rule": "BENCH-011", "path": "", "message": sprintf("house rule 11 does not hold for %s", [input.product.id]), "uses": [j | some j, _ in input.uses]}
}

# BENCH-012
findings contains f if {
	some i, claim in input.claims
	claim.intent == "cosmetic"
	regex.match(`(?i)miracle`, claim.wording)
	f := {"rule": "BENCH-012", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 12 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class == "cosmetic"]}
}

# BENCH-013
findings contains f if {
	some i, claim in input.claims
	claim.intent == "therapeutic"
	claim.certainty == "very_low"
	f := {"rule": "BENCH-013", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 13 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-014
findings contains f if {
	some i, use in input.uses
	use.class == "cosmetic"
	use.route == "microneedle"
	f := {"rule": "BENCH-014", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 14 does not hold for %s", [input.product.id]), "uses": [i]}
}

# BENCH-015
findings contains f if {
	some i, use in input.uses
	use.setting == "home"
	use.administrator != "physician"
	f := {"rule": "BENCH-015", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 15 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-016
findings contains f if {
	some u in input.uses
	u.class == "research"
	not valid_ethics_approval
	f := {"rule": "BENCH-016", "path": "", "message": sprintf("house rule 16 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-017
findings contains f if {
	some i, study in input.studies
	study.size >= 0
	study.size < 5
	f := {"rule": "BENCH-017", "path": sprintf("studies[%d]", [i]), "message": sprintf("house rule 17 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-018
findings contains f if {
	input.product.donor_type == "allogeneic"
	count(input.product.batches) < 2
	f := {"rule": "BENCH-018", "path": "", "message": sprintf("house rule 18 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-019
findings contains f if {
	some i, authorisation in input.authorisations
	authorisation.kind == "nie"
	not authorisation.valid
	f := {"rule": "BENCH-019", "path": sprintf("authorisations[%d]", [i]), "message": sprintf("house rule 19 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-020
findings contains f if {
	some i, batch in input.product.batches
	not has_kind(batch.results, "mycoplasma")
	f := {"rule": "BENCH-020", "path": sprintf("product.batches[%d]", [i]), "message": sprintf("house rule 20 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class in {"hospital_service", "clinical_trial"}]}
}

# BENCH-021
findings contains f if {
	not has_kind(input.product.release_tests, "mycoplasma")
	f := {"rule": "BENCH-021", "path": "", "message": sprintf("house rule 21 does not hold for %s", [input.product.id]), "uses": [j | some j, _ in input.uses]}
}

# BENCH-022
findings contains f if {
	some i, claim in input.claims
	claim.intent == "cosmetic"
	regex.match(`(?i)cure`, claim.wording)
	f := {"rule": "BENCH-022", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 22 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class == "cosmetic"]}
}

# BENCH-023
findings contains f if {
	some i, claim in input.claims
	claim.intent == "therapeutic"
	claim.certainty == "low"
	f := {"rule": "BENCH-023", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 23 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-024
findings contains f if {
	some i, use in input.uses
	use.class == "cosmetic"
	use.route == "intradermal"
	f := {"rule": "BENCH-024", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 24 does not hold for %s", [input.product.id]), "uses": [i]}
}

# BENCH-025
findings contains f if {
	some i, use in input.uses
	use.setting == "hospital"
	use.administrator != "physician"
	f := {"rule": "BENCH-025", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 25 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-026
findings contains f if {
	some u in input.uses
	u.class == "hospital_service"
	not valid_ethics_approval
	f := {"rule": "BENCH-026", "path": "", "message": sprintf("house rule 26 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-027
findings contains f if {
	some i, study in input.studies
	study.size >= 0
	study.size < 8
	f := {"rule": "BENCH-027", "path": sprintf("studies[%d]", [i]), "message": sprintf("house rule 27 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-028
findings contains f if {
	input.product.donor_type == "pooled"
	count(input.product.batches) < 2
	f := {"rule": "BENCH-028", "path": "", "message": sprintf("house rule 28 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-029
findings contains f if {
	some i, authorisation in input.authorisations
	authorisation.kind == "ind"
	not authorisation.valid
	f := {"rule": "BENCH-029", "path": sprintf("authorisations[%d]", [i]), "message": sprintf("house rule 29 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-030
findings contains f if {
	some i, batch in input.product.batches
	not has_kind(batch.results, "potency")
	f := {"rule": "BENCH-030", "path": sprintf("product.batches[%d]", [i]), "message": sprintf("house rule 30 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class in {"hospital_service", "clinical_trial"}]}
}

# BENCH-031
findings contains f if {
	not has_kind(input.product.release_tests, "identity")
	f := {"rule": "BENCH-031", "path": "", "message": sprintf("house rule 31 does not hold for %s", [input.product.id]), "uses": [j | some j, _ in input.uses]}
}

# BENCH-032
findings contains f if {
	some i, claim in input.claims
	claim.intent == "cosmetic"
	regex.match(`(?i)regenerat`, claim.wording)
	f := {"rule": "BENCH-032", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 32 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class == "cosmetic"]}
}

# BENCH-033
findings contains f if {
	some i, claim in input.claims
	claim.intent == "therapeutic"
	claim.certainty == "moderate"
	f := {"rule": "BENCH-033", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 33 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-034
findings contains f if {
	some i, use in input.uses
	use.class == "cosmetic"
	use.route == "subcutaneous"
	f := {"rule": "BENCH-034", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 34 does not hold for %s", [input.product.id]), "uses": [i]}
}

# BENCH-035
findings contains f if {
	some i, use in input.uses
	use.setting == "laboratory"
	use.administrator != "physician"
	f := {"rule": "BENCH-035", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 35 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-036
findings contains f if {
	some u in input.uses
	u.class == "marketed_therapeutic"
	not valid_ethics_approval
	f := {"rule": "BENCH-036", "path": "", "message": sprintf("house rule 36 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-037
findings contains f if {
	some i, study in input.studies
	study.size >= 0
	study.size < 10
	f := {"rule": "BENCH-037", "path": sprintf("studies[%d]", [i]), "message": sprintf("house rule 37 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-038
findings contains f if {
	input.product.donor_type == "unknown"
	count(input.product.batches) < 2
	f := {"rule": "BENCH-038", "path": "", "message": sprintf("house rule 38 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-039
findings contains f if {
	some i, authorisation in input.authorisations
	authorisation.kind == "hospital_designation"
	not authorisation.valid
	f := {"rule": "BENCH-039", "path": sprintf("authorisations[%d]", [i]), "message": sprintf("house rule 39 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-040
findings contains f if {
	some i, batch in input.product.batches
	not has_kind(batch.results, "viral_safety")
	f := {"rule": "BENCH-040", "path": sprintf("product.batches[%d]", [i]), "message": sprintf("house rule 40 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class in {"hospital_service", "clinical_trial"}]}
}

# BENCH-041
findings contains f if {
	not has_kind(input.product.release_tests, "viral_safety")
	f := {"rule": "BENCH-041", "path": "", "message": sprintf("house rule 41 does not hold for %s", [input.product.id]), "uses": [j | some j, _ in input.uses]}
}

# BENCH-042
findings contains f if {
	some i, claim in input.claims
	claim.intent == "cosmetic"
	regex.match(`(?i)anti-?aging`, claim.wording)
	f := {"rule": "BENCH-042", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 42 does not hold for %s", [input.product.id]), "uses": [j | some j, use in input.uses; use.class == "cosmetic"]}
}

# BENCH-043
findings contains f if {
	some i, claim in input.claims
	claim.intent == "therapeutic"
	claim.certainty == "high"
	f := {"rule": "BENCH-043", "path": sprintf("claims[%d]", [i]), "message": sprintf("house rule 43 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-044
findings contains f if {
	some i, use in input.uses
	use.class == "cosmetic"
	use.route == "inhalation"
	f := {"rule": "BENCH-044", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 44 does not hold for %s", [input.product.id]), "uses": [i]}
}

# BENCH-045
findings contains f if {
	some i, use in input.uses
	use.setting == "clinic"
	use.administrator != "physician"
	f := {"rule": "BENCH-045", "path": sprintf("uses[%d]", [i]), "message": sprintf("house rule 45 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-046
findings contains f if {
	some u in input.uses
	u.class == "cosmetic"
	not valid_ethics_approval
	f := {"rule": "BENCH-046", "path": "", "message": sprintf("house rule 46 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-047
findings contains f if {
	some i, study in input.studies
	study.size >= 0
	study.size < 12
	f := {"rule": "BENCH-047", "path": sprintf("studies[%d]", [i]), "message": sprintf("house rule 47 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-048
findings contains f if {
	input.product.donor_type == "xenogeneic"
	count(input.product.batches) < 2
	f := {"rule": "BENCH-048", "path": "", "message": sprintf("house rule 48 does not hold for %s", [input.product.id]), "uses": []}
}

# BENCH-049
findings contains f if {
	some i, authorisation in input.authorisations
	authorisation.kind == "ethics_approval"
	not authorisation.valid
	f := {"rule": "BENCH-049", "path": sprintf("authorisations[%d]", [i]), "message": sprintf("house rule 49 does not hold for %s", [input.product.id]), "uses": []}
}
