// Package opa compares the library's policy rules with the same rules in
// Rego evaluated by the Open Policy Agent (github.com/open-policy-agent/opa).
// It is a module of its own so that the library does not depend on OPA;
// run it with
//
//	cd bench/opa && go test -run '^$' -bench . -benchmem -count 6
//
// The 50 house rules are the policy package's benchmark rules, in CEL
// (policy/testdata/house50.yaml) and in Rego (policy/testdata/house50.rego),
// both pinned by the policy package's tests. TestSameFindings checks that
// both find the same rules at the same paths on the benchmark dossier.
package opa
