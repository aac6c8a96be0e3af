package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVerifyExamples(t *testing.T) {
	res, err := policy.Verify(context.Background(), "../examples/policies", regulation.Shipped())
	require.NoError(t, err)
	require.Len(t, res, 6)
	for _, r := range res {
		assert.True(t, r.Passed(), "%s:%d %s: %v", r.File, r.Line, r.Name, r.Failures)
		assert.Positive(t, r.Line)
	}
}

// TestVerifyFails shows that a test can fail: each wrong expectation is
// reported.
func TestVerifyFails(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"formulary.yaml", "testdata/wound-gel-without-sterility.json"} {
		data, err := os.ReadFile(filepath.Join("../examples/policies", f))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "formulary_test.yaml"), []byte(`tests:
  - name: wrong on purpose
    dossier: testdata/wound-gel-without-sterility.json
    as_of: 2026-11-26
    expect:
      findings:
        - {rule: RSHS-FORMULARY-STERILITY, use: 0}
      absent:
        - {rule: RSHS-FORMULARY-STERILITY}
      verdicts:
        - {jurisdiction: HOUSE, use: 1, verdict: permitted}
        - {jurisdiction: XX, use: 1, verdict: permitted}
`), 0o644))
	res, err := policy.Verify(context.Background(), dir, nil)
	require.NoError(t, err)
	require.Len(t, res, 1)
	assert.False(t, res[0].Passed())
	got := strings.Join(res[0].Failures, "\n")
	assert.Contains(t, got, "no finding matches {rule: RSHS-FORMULARY-STERILITY, use: 0}")
	assert.Contains(t, got, "which should be absent")
	assert.Contains(t, got, "use 1 in HOUSE is prohibited, want permitted")
	assert.Contains(t, got, "use 1 has no verdict in XX")
	assert.Len(t, res[0].Failures, 4)
}

func TestVerifyBadTestFile(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../examples/policies/vendor.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "vendor.yaml"), data, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "vendor_test.yaml"), []byte("tests:\n  - name: n\n    dossier: d.json\n    as_of: 2026-01-01\n    expect: {}\n"), 0o644))
	_, err = policy.Verify(context.Background(), dir, nil)
	var fe *policy.FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "tests[0].expect", fe.Problems[0].Path)
	assert.Equal(t, 5, fe.Problems[0].Line)
}
