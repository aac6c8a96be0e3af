//go:build !linux

package main

import (
	"os"

	"github.com/openregen/secretomekit/secretome"
)

// readRegular reads nothing here: readFile reads through package os.
func readRegular(string) ([]byte, *secretome.Problem, bool) { return nil, nil, false }

// readOpen reads nothing here: readExamined reads through package os.
func readOpen(string, []byte) ([]byte, *secretome.Problem, bool) { return nil, nil, false }

// statFile examines the file at path through package os.
func statFile(path string) (size int64, regular, ok bool) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, false, false
	}
	return info.Size(), info.Mode().IsRegular(), true
}
