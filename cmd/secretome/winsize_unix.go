//go:build linux || darwin

package main

import (
	"os"
	"syscall"
	"unsafe"
)

// termWidth returns the width in columns of the terminal f is, or 0 when
// it cannot tell.
func termWidth(f *os.File) int {
	var ws struct{ row, col, xpixel, ypixel uint16 }
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), uintptr(syscall.TIOCGWINSZ), uintptr(unsafe.Pointer(&ws)))
	if errno != 0 {
		return 0
	}
	return int(ws.col)
}
