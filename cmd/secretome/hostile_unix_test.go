//go:build unix

package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// within runs f and fails the test when it has not returned after a
// minute: a run that waits on a pipe or reads a device for ever must not
// hang the test suite too.
func within(t *testing.T, f func() result) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- f() }()
	select {
	case r := <-done:
		return r
	case <-time.After(time.Minute):
		t.Fatal("the run did not end")
		return result{}
	}
}

// TestFolderWithFIFOAndDevice: a folder a vendor did not write holds a
// named pipe that looks like JSON Lines and a link to a device that looks
// like a dossier beside a valid dossier. The valid one is checked, the
// others are unreadable (exit 2) and the run ends.
func TestFolderWithFIFOAndDevice(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a-good.json"), good, 0o644))
	require.NoError(t, mkfifo(filepath.Join(dir, "b-stray.jsonl")))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "c-zero.json")))
	require.NoError(t, mkfifo(filepath.Join(dir, "d-pipe.yaml")))

	r := within(t, func() result { return runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", dir) })
	assert.Equal(t, exitUsage, r.code)
	out := readJSON(t, r.stdout)
	require.Len(t, out.Dossiers, 4)
	assert.Equal(t, "fail", out.Dossiers[0].Status, "the valid dossier is checked")
	for _, d := range out.Dossiers[1:] {
		assert.Equal(t, "unreadable", d.Status, d.Source)
		assert.Contains(t, d.Error, "not a regular file", d.Source)
	}
	assert.Contains(t, out.Dossiers[1].Error, "named pipe")
	assert.Contains(t, out.Dossiers[2].Error, "device")

	r = within(t, func() result { return runInProcess(t, "", "check", "--jsonl", "--as-of", asOf, "/dev/zero") })
	assert.Equal(t, exitUsage, r.code, "--jsonl on a device")
	assert.Contains(t, r.stdout, "not a regular file but a device")

	r = within(t, func() result { return runInProcess(t, "", "grade", filepath.Join(dir, "b-stray.jsonl")) })
	assert.Equal(t, exitUsage, r.code, "grade refuses a named pipe")
	assert.Contains(t, r.stderr, "not a regular file but a named pipe")

	r = within(t, func() result { return runInProcess(t, "", "grade", filepath.Join(dir, "c-zero.json")) })
	assert.Equal(t, exitUsage, r.code, "grade refuses a device")
}

// TestSymlinkToFolder: a link to a folder named on the command line is
// walked like the folder, its files named through the link.
func TestSymlinkToFolder(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	require.NoError(t, os.Mkdir(filepath.Join(dir, "real"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "real", "d.json"), good, 0o644))
	link := filepath.Join(dir, "link")
	require.NoError(t, os.Symlink("real", link))
	r := runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", link)
	out := readJSON(t, r.stdout)
	require.Len(t, out.Dossiers, 1, r.stdout)
	assert.Equal(t, filepath.Join(link, "d.json"), out.Dossiers[0].Source)
	assert.Equal(t, "fail", out.Dossiers[0].Status)
}
