//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nobody is the user the unreadable-file test runs the command as when
// the tests run as root, whom file permissions do not stop.
const nobody = 65534

// TestUnreadableFiles checks a folder holding a file and a subfolder that
// the user may not read: each is reported as unreadable with its path and
// the reason, the readable dossier beside them is still checked, and the
// exit status is 2.
func TestUnreadableFiles(t *testing.T) {
	// The folder must be open to an unprivileged user, so it is not under
	// t.TempDir, whose parent only its owner may enter.
	root, err := os.MkdirTemp("", "secretome-unreadable")
	require.NoError(t, err)
	dossiers := filepath.Join(root, "dossiers")
	locked := filepath.Join(dossiers, "c-locked")
	t.Cleanup(func() {
		os.Chmod(locked, 0o755)
		os.RemoveAll(root)
	})
	require.NoError(t, os.Chmod(root, 0o755))
	require.NoError(t, os.MkdirAll(locked, 0o755))
	good, err := os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	require.NoError(t, err)
	for name, mode := range map[string]os.FileMode{"a-locked.json": 0, "b-good.json": 0o644, "c-locked/d.json": 0o644} {
		path := filepath.Join(dossiers, name)
		require.NoError(t, os.WriteFile(path, good, 0o644))
		require.NoError(t, os.Chmod(path, mode))
	}
	require.NoError(t, os.Chmod(locked, 0))

	bin := built(t)
	var attr *syscall.SysProcAttr
	if os.Geteuid() == 0 {
		// The build folder is private to root: give nobody a copy.
		bin = filepath.Join(root, "secretome")
		copyFile(t, built(t), bin)
		attr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	cmd := exec.Command(bin, "check", "--as-of", asOf, "--format", "json", "dossiers")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	cmd.SysProcAttr = attr
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if attr != nil && err != nil && !errors.As(err, &ee) {
		t.Skipf("cannot run the command as an unprivileged user here: %v", err)
	}
	require.ErrorAs(t, err, &ee, "stderr: %s", stderr.String())
	assert.Equal(t, exitUsage, ee.ExitCode(), "unreadable inputs make the exit status 2")

	out := readJSON(t, stdout.String())
	require.Len(t, out.Dossiers, 3, "every input is reported, in order: %s", stdout.String())
	want := []struct {
		source string
		status status
	}{
		{"dossiers/a-locked.json", statusUnreadable},
		{"dossiers/b-good.json", statusFail},
		{"dossiers/c-locked", statusUnreadable},
	}
	for i, w := range want {
		d := out.Dossiers[i]
		assert.Equal(t, w.source, d.Source)
		assert.Equal(t, string(w.status), d.Status, d.Source)
		if w.status == statusUnreadable {
			assert.Contains(t, d.Error, "permission denied", d.Source)
			assert.Contains(t, stderr.String(), d.Source, "unreadable inputs are named on stderr beside a report format")
		}
	}
	assert.Equal(t, "NSB-UCMSC-SG-01", out.Dossiers[1].Product, "the readable dossier is checked")
	assert.Equal(t, 2, out.Summary.Unreadable)
	assert.Equal(t, 1, out.Summary.Failed)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	require.NoError(t, err)
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	require.NoError(t, err)
	_, err = io.Copy(out, in)
	require.NoError(t, err)
	require.NoError(t, out.Close())
}
