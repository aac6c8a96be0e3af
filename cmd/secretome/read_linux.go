package main

import (
	"syscall"

	"github.com/openregen/secretomekit/secretome"
)

// readRegular reads a regular file within the size bound with the bare
// system calls (stat, open, fstat, read, close), the common case of a
// check of many files: it skips what an *os.File costs on top (the poller
// registration, the cleanup, the second stat). ok is false when anything
// is out of the ordinary (the file is missing, not a regular file,
// unreadable, or was interrupted): then nothing is returned, and
// readFile reads the file again through package os, which refuses or
// reports it in its own words.
func readRegular(path string) (data []byte, prob *secretome.Problem, ok bool) {
	var st syscall.Stat_t
	if syscall.Stat(path, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, nil, false
	}
	if st.Size > maxDossierBytes {
		p := tooLarge(st.Size)
		return nil, &p, true
	}
	return readOpen(path, nil)
}

// readOpen is readRegular for a file already found to be a regular file:
// it opens the file without examining it first (open, fstat, read,
// close). It reads into buf when buf has room for the file.
func readOpen(path string, buf []byte) (data []byte, prob *secretome.Problem, ok bool) {
	var st syscall.Stat_t
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, false
	}
	defer syscall.Close(fd)
	// The type again, on the open file: it may have been replaced.
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, nil, false
	}
	if st.Size > maxDossierBytes {
		p := tooLarge(st.Size)
		return nil, &p, true
	}
	// Room for the stated size and to notice growth; read at most one
	// byte past the bound.
	if int64(cap(buf)) < st.Size+512 {
		buf = make([]byte, 0, st.Size+512)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := buf[len(buf):min(cap(buf), maxDossierBytes+1)]
		if len(room) == 0 {
			break
		}
		n, err := syscall.Read(fd, room)
		if err != nil {
			return nil, nil, false
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	if len(buf) > maxDossierBytes {
		p := tooLarge(int64(len(buf)))
		return nil, &p, true
	}
	return buf, nil, true
}

// statFile returns the size of the file at path and whether it is a
// regular file, with a bare stat (no FileInfo to allocate); ok is false
// when the file cannot be examined.
func statFile(path string) (size int64, regular, ok bool) {
	var st syscall.Stat_t
	if syscall.Stat(path, &st) != nil {
		return 0, false, false
	}
	return st.Size, st.Mode&syscall.S_IFMT == syscall.S_IFREG, true
}
