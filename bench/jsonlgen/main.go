// Command jsonlgen writes a JSON Lines file of dossiers for benchmarks:
// the given dossier files, compacted to one line each, repeated in turn
// until there are n lines.
//
//	go run ./bench/jsonlgen -n 1000000 -o /tmp/dossiers.jsonl examples/dossiers/*.json
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "jsonlgen:", err)
		os.Exit(1)
	}
}

func run(stdout io.Writer, args []string) error {
	fs := flag.NewFlagSet("jsonlgen", flag.ContinueOnError)
	n := fs.Int("n", 1000, "number of lines to write")
	out := fs.String("o", "", "output `file` (default: standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("name at least one dossier file")
	}
	var lines [][]byte
	for _, path := range fs.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := json.Compact(&b, data); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		lines = append(lines, append(b.Bytes(), '\n'))
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	for i := range *n {
		if _, err := bw.Write(lines[i%len(lines)]); err != nil {
			return err
		}
	}
	return bw.Flush()
}
