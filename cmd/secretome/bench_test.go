package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// BenchmarkCheck10kFiles checks a folder of 10,000 dossier files (copies
// of the bundled wound-gel dossier) with JSON output, in-process and with
// the command's collector settings. The target is under 2 s per run on a
// 2-core machine.
func BenchmarkCheck10kFiles(b *testing.B) {
	if testing.Short() {
		b.Skip("writes 10,000 files")
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "dossiers", "ucmsc-wound-gel.json"))
	if err != nil {
		data, err = os.ReadFile(filepath.Join("testdata", "dossiers", "gel.json"))
	}
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range 10000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%05d.json", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// Measure with the collector settings of the command itself.
	defer tuneGC(func(string) string { return "" })()
	b.ResetTimer()
	for b.Loop() {
		var errb bytes.Buffer
		e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb,
			getenv: func(string) string { return "" }, limit: &memoryLimit{}}
		if code := run(e, []string{"check", "--as-of", asOf, "--format", "json", dir}); code == exitUsage {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}

// BenchmarkCheckJSONL checks a JSON Lines stream of 10,000 records (the
// bundled JSON dossiers in turn, one compact line each) read from
// standard input, with JSON output: the per-record cost of a
// --jsonl run, which bench/jsonl_rss.sh measures over a million records
// with the binary.
func BenchmarkCheckJSONL(b *testing.B) {
	if testing.Short() {
		b.Skip("checks 10,000 records")
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "dossiers", "*.json"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no example dossiers: %v", err)
	}
	var lines [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var c bytes.Buffer
		if err := json.Compact(&c, data); err != nil {
			b.Fatal(err)
		}
		lines = append(lines, append(c.Bytes(), '\n'))
	}
	var stream bytes.Buffer
	stream.Grow(10000 * len(slices.Concat(lines...)) / len(lines))
	for i := range 10000 {
		stream.Write(lines[i%len(lines)])
	}
	defer tuneGC(func(string) string { return "" })()
	b.SetBytes(int64(stream.Len()))
	b.ResetTimer()
	for b.Loop() {
		var errb bytes.Buffer
		e := &env{ctx: context.Background(), stdin: bytes.NewReader(stream.Bytes()), stdout: io.Discard, stderr: &errb,
			getenv: func(string) string { return "" }, limit: &memoryLimit{}}
		if code := run(e, []string{"check", "--as-of", asOf, "--format", "json", "--jsonl", "-"}); code == exitUsage {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}
