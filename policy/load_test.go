package policy_test

import (
	"errors"
	"testing"

	"github.com/openregen/secretomekit/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goodRule = `rules:
  - id: ACME-NO-BATCHES
    title: The dossier lists batches
    jurisdiction: HOUSE
    citation: {instrument: ACME house rules}
    provenance: primary
    when: size(dossier.product.batches) == 0
    effect: report
    severity: warning
    message: no batches
`

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []policy.Problem // File, Line, Path, Code and Expression are compared
	}{
		{"a misspelt field names file, line and expression", "p.yaml", `rules:
  - id: ACME-X
    title: t
    jurisdiction: HOUSE
    citation: {instrument: i}
    provenance: primary
    when: dossier.product.batchez.size() == 0
    effect: report
    severity: info
    message: m
`, []policy.Problem{{File: "p.yaml", Line: 7, Path: "rules[0].when", Code: policy.CodeCompile, Expression: "dossier.product.batchez.size() == 0"}}},
		{"a condition that is not a bool", "p.json", `{"rules": [{"id": "ACME-X", "title": "t", "jurisdiction": "HOUSE",
 "citation": {"instrument": "i"}, "provenance": "primary",
 "when": "dossier.product.id", "effect": "prohibit", "message": "m"}]}`,
			[]policy.Problem{{File: "p.json", Line: 3, Path: "rules[0].when", Code: policy.CodeCompile, Expression: "dossier.product.id"}}},
		{"a syntax error in a message expression", "p.yaml", `rules:
  - id: ACME-X
    title: t
    jurisdiction: HOUSE
    citation: {instrument: i}
    provenance: primary
    when: "true"
    effect: permit
    message: "batch {{batch.id +}}"
    for_each: batch
`, []policy.Problem{{File: "p.yaml", Line: 9, Path: "rules[0].message", Code: policy.CodeCompile, Expression: "batch.id +"}}},
		{"a regular expression that does not compile", "p.yaml", `rules:
  - id: ACME-X
    title: t
    jurisdiction: HOUSE
    citation: {instrument: i}
    provenance: primary
    for_each: claim
    when: claim.intent == "cosmetic" && claim.wording.matches("stem(")
    effect: report
    severity: info
    message: m
`, []policy.Problem{{File: "p.yaml", Line: 8, Path: "rules[0].when", Code: policy.CodeCompile,
			Expression: `claim.intent == "cosmetic" && claim.wording.matches("stem(")`}}},
		{"unknown fields are errors", "p.yaml", `rules:
  - id: ACME-X
    titel: t
`, []policy.Problem{{File: "p.yaml", Line: 3, Path: "rules[0].titel", Code: policy.CodeDecode}}},
		{"missing metadata and a bad effect", "p.yaml", `rules:
  - id: acme
    title: t
    jurisdiction: HOUSE
    citation: {instrument: i}
    provenance: primary
    when: "true"
    effect: deny
    message: m
`, []policy.Problem{{File: "p.yaml", Line: 8, Path: "rules[0].effect", Code: policy.CodeInvalid}}},
		{"invalid ID", "p.yaml", `rules:
  - id: acme
    title: t
    jurisdiction: HOUSE
    citation: {instrument: i}
    provenance: primary
    when: "true"
    effect: permit
    message: m
`, []policy.Problem{{File: "p.yaml", Line: 2, Path: "rules[0]", Code: policy.CodeInvalid}}},
		{"report needs a severity", "p.yaml", `rules:
  - id: ACME-X
    title: t
    jurisdiction: HOUSE
    citation: {instrument: i}
    provenance: primary
    when: "true"
    effect: report
    message: m
`, []policy.Problem{{File: "p.yaml", Line: 2, Path: "rules[0].severity", Code: policy.CodeRequired}}},
		{"duplicate IDs", "p.yaml", goodRule + goodRule[len("rules:\n"):],
			[]policy.Problem{{File: "p.yaml", Line: 11, Path: "rules[1].id", Code: policy.CodeDuplicate}}},
		{"not YAML", "p.yaml", "rules: [", []policy.Problem{{File: "p.yaml", Line: 1, Code: policy.CodeSyntax}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.Load(tt.file, []byte(tt.src))
			var fe *policy.FileError
			require.True(t, errors.As(err, &fe), "error %v", err)
			got := make([]policy.Problem, len(fe.Problems))
			for i, p := range fe.Problems {
				assert.NotEmpty(t, p.Message)
				got[i] = policy.Problem{File: p.File, Line: p.Line, Path: p.Path, Code: p.Code, Expression: p.Expression}
			}
			assert.Equal(t, tt.want, got, "%v", err)
		})
	}
}

func TestLoadGood(t *testing.T) {
	p, err := policy.Load("p.yaml", []byte(goodRule))
	require.NoError(t, err)
	require.Len(t, p.Rules(), 1)
	r := p.Rules()[0]
	assert.Equal(t, "ACME-NO-BATCHES", r.ID)
	assert.Regexp(t, `^sha256:[0-9a-f]{16}$`, r.Revision)
	in := p.Inputs()
	require.Len(t, in, 1)
	assert.Equal(t, "policy", in[0].Kind)
}
