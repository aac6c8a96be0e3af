//go:build unix

package main

import "syscall"

// openNoWait makes opening a named pipe return at once instead of waiting
// for a writer, so that the type check after opening can refuse it.
const openNoWait = syscall.O_NONBLOCK
