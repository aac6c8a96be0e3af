package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.json")
	b := filepath.Join(dir, "b.json")
	require.NoError(t, os.WriteFile(a, []byte("{\n  \"x\": 1\n}\n"), 0o644))
	require.NoError(t, os.WriteFile(b, []byte(`{"y": [1, 2]}`), 0o644))
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{"-n", "5", a, b}))
	assert.Equal(t, strings.Repeat(`{"x":1}`+"\n"+`{"y":[1,2]}`+"\n", 2)+`{"x":1}`+"\n", out.String(), "files are compacted and repeated in turn")

	require.Error(t, run(&out, []string{"-n", "1"}), "at least one file is needed")
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{"), 0o644))
	require.Error(t, run(&out, []string{bad}), "malformed input is refused")
}
