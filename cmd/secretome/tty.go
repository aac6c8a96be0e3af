package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"time"
)

// isTerminal reports whether w is a terminal: an *os.File that is a
// character device. Pipes, files and test buffers are not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// colorAllowed reports whether text output to w may use colour: w is a
// terminal, NO_COLOR is unset or empty (https://no-color.org) and TERM is
// not "dumb".
func colorAllowed(e *env, w io.Writer) bool {
	return isTerminal(w) && e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb"
}

// wrapWidth returns the width text output to w is wrapped to: that of the
// terminal w is (COLUMNS, when set to a number, wins), or 0, no
// wrapping, when w is not a terminal, so that files and pipes get one
// line per message for grep and diff.
func wrapWidth(e *env, w io.Writer) int {
	if !isTerminal(w) {
		return 0
	}
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if f, ok := w.(*os.File); ok {
		return termWidth(f)
	}
	return 0
}

// progressAfter is how many dossiers a run checks before it shows progress.
const progressAfter = 300

// progress shows a count of checked dossiers on standard error when it is
// a terminal, standard output is not (the report goes to a file or a
// pipe), and the run is long enough to need one. When the report itself
// scrolls by on the terminal it shows the progress, and a count written
// between its lines would be left stuck in front of them.
type progress struct {
	w     io.Writer
	on    bool
	total int // -1 when unknown
	last  time.Time
	shown bool
}

func newProgress(e *env, quiet bool, total int) *progress {
	on := !quiet && isTerminal(e.stderr) && !isTerminal(e.stdout) && (total < 0 || total > progressAfter)
	return &progress{w: e.stderr, on: on, total: total}
}

func (p *progress) tick(n int) {
	if !p.on || n < progressAfter {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	if p.total > 0 {
		fmt.Fprintf(p.w, "\rchecked %d of %d dossiers", n, p.total)
	} else {
		fmt.Fprintf(p.w, "\rchecked %d dossiers", n)
	}
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
