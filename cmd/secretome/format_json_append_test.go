package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// entryOracle is a reporter that checks, for every dossier of a check run,
// that appendDossierJSON writes the bytes encoding/json writes for
// dossierJSON, the format's definition.
type entryOracle struct {
	t    testing.TB
	info *runInfo
	mu   sync.Mutex
	n    int // entries compared
}

func (o *entryOracle) begin(info *runInfo) error { o.info = info; return nil }

func (o *entryOracle) prepare(info *runInfo, c *checked) {
	o.compare(info, c)
	c.prepared = true
}

func (o *entryOracle) dossier(c *checked) error {
	if !c.prepared {
		o.compare(o.info, c)
	}
	return nil
}

func (o *entryOracle) end(*summary) error { return nil }

func (o *entryOracle) compare(info *runInfo, c *checked) {
	want, err := json.Marshal(dossierJSON(c, info.threshold))
	if err != nil {
		o.t.Errorf("%s: %v", c.name(), err)
		return
	}
	got := appendDossierJSON([]byte("prefix"), c, info.threshold)
	if !bytes.HasPrefix(got, []byte("prefix")) || !bytes.Equal(got[len("prefix"):], want) {
		o.t.Errorf("%s: the appended entry differs from encoding/json's\n got: %s\nwant: %s", c.name(), got, want)
	}
	o.mu.Lock()
	o.n++
	o.mu.Unlock()
}

// checkWithOracle runs a check command line with the oracle as its
// reporter, and returns how many entries it compared.
func checkWithOracle(t testing.TB, stdin []byte, args ...string) int {
	e := &env{ctx: context.Background(), stdin: bytes.NewReader(stdin), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{},
		getenv: func(string) string { return "" }}
	// --lang is read before the flags, as run does.
	lang, err := langArg(args)
	require.NoError(t, err)
	e.lang = lang
	c, paths, jsonl, err := newCheck(e, args)
	require.NoError(t, err, "%q", args)
	o := &entryOracle{t: t}
	c.rep = o
	_, err = c.run(paths, jsonl)
	require.NoError(t, err, "%q", args)
	return o.n
}

// TestDossierJSONMatchesEncodingJSON holds the hand-written JSON entry of
// a dossier equal to encoding/json's over the bundled dossiers, the test
// dossiers, policies and waivers, JSON Lines and standard input, and
// inputs that cannot be read, under every flag that changes an entry.
func TestDossierJSONMatchesEncodingJSON(t *testing.T) {
	examples := filepath.Join("..", "..", "examples")
	var stream bytes.Buffer
	files, err := filepath.Glob(filepath.Join(examples, "dossiers", "*.json"))
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, json.Compact(&stream, data))
		stream.WriteString("\n\n")
	}
	stream.WriteString("{\"product\":{\"name\":\"<b>&\\u2028\\u2029\\u0008\\f\\u0001\\u007f é\"}}\n")
	stream.WriteString("{\"product\": nope}\n[]\n")

	inputs := []struct {
		name  string
		stdin []byte
		paths []string
	}{
		{"test dossiers", nil, []string{"testdata/dossiers", "testdata/decode"}},
		{"bundled dossiers", nil, []string{filepath.Join(examples, "dossiers")}},
		{"policy tests", nil, []string{"--policy", filepath.Join(examples, "policies"), "--waivers", filepath.Join(examples, "waivers.yaml"),
			filepath.Join(examples, "policies", "testdata"), filepath.Join(examples, "dossiers")}},
		{"JSON Lines", stream.Bytes(), []string{"--jsonl", "-"}},
		{"standard input", []byte("product:\n  name: \"a <b> & \\u2028 c\"\n  nope: 1\n"), []string{"-"}},
		{"unreadable", nil, []string{"testdata/no-such-file.json", "testdata/golden", "testdata/dossiers/gel.json"}},
	}
	flags := [][]string{
		nil,
		{"--lang", "id"},
		{"--strict"},
		{"--fail-on", "warning"},
		{"--fail-on", "never"},
		{"--jurisdiction", "ID"},
		{"--jurisdiction", "US,EU", "--lang", "id"},
	}
	for _, in := range inputs {
		for _, fl := range flags {
			t.Run(in.name+" "+strings.Join(fl, " "), func(t *testing.T) {
				args := append(append([]string{"check", "--as-of", asOf}, fl...), in.paths...)
				if in.name == "policy tests" {
					args[2] = "2026-11-26" // the day the waivers file's examples are written for
				}
				n := checkWithOracle(t, in.stdin, args[1:]...)
				assert.Positive(t, n)
			})
		}
	}
}

// FuzzDossierJSON checks arbitrary bytes as a dossier from standard input
// and holds its hand-written JSON entry equal to encoding/json's.
func FuzzDossierJSON(f *testing.F) {
	for _, name := range []string{"gel.json", "gel.yaml", "broken.json", "yes-no.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "dossiers", name))
		if err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"product":{"name":"<\u2028>","id":"\ud800"},"uses":[{"class":"cosmetic","jurisdiction":"ID\u0000"}]}`))
	f.Add([]byte("product: {name: \"\\x01\\x7f\\xff &\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkWithOracle(t, data, "--as-of", asOf, "-")
	})
}

// FuzzJSONString holds appendJSONString equal to encoding/json on any
// string, valid UTF-8 or not.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "\"\\/", "<a href='x'>&amp;</a>", "\b\f\n\r\t\x00\x01\x1f\x7f",
		"\u2028\u2029\u2027\u202a", "é中😀", "\xff\xfe", "\xe2\x80", "\xe2\x80\xa8\xe2", "a\x80b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

// FuzzJSONArgs holds appendJSONArgs equal to encoding/json on a message's
// arguments of every kind.
func FuzzJSONArgs(f *testing.F) {
	f.Add("text", "term", "noun", 3)
	f.Add("<b>&", "\u2028", "\xff\b", -1)
	f.Add("\f\x7f\x1f", "\xe2\x80\xa9\"\\", "\t\r\n", 1<<40)
	f.Fuzz(func(t *testing.T, a, b, c string, n int) {
		args := message.Args{message.Text(a), message.Int(n), message.Term(b), message.Count{N: n, Noun: c},
			message.And{message.Text(c), message.Or{message.Term(a)}}, message.New("code."+b, message.Text(a))}
		want, err := json.Marshal(args)
		require.NoError(t, err)
		if got := appendJSONArgs(nil, args); !bytes.Equal(got, want) {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
}

// TestAppendDateMatchesString holds the date fields equal to Date.String,
// in and out of the text form's range.
func TestAppendDateMatchesString(t *testing.T) {
	for _, d := range []secretome.Date{{Year: 2026, Month: 11, Day: 1}, {Year: 0, Month: 1, Day: 1}, {Year: 9999, Month: 12, Day: 31},
		{Year: 10000, Month: 1, Day: 1}, {Year: -1, Month: 1, Day: 1}, {Year: 7, Month: 13, Day: 100}} {
		want, err := json.Marshal(d.String())
		require.NoError(t, err)
		assert.Equal(t, `,"d":`+string(want), string(appendOptDate(nil, `,"d":`, d)), "%+v", d)
	}
	assert.Empty(t, appendOptDate(nil, `,"d":`, secretome.Date{}))
}

// TestAppendJSONStringEveryByte holds appendJSONString equal to
// encoding/json for every byte value at every place of a string longer
// than the 8 bytes tested at once, so that no byte slips through the
// word test wherever it falls.
func TestAppendJSONStringEveryByte(t *testing.T) {
	plain := "abcdefghijklmnopqrstuvwx"
	for c := range 256 {
		for at := range len(plain) {
			for _, tail := range []string{"", "\x80", "\u2028z"} {
				s := plain[:at] + string([]byte{byte(c)}) + plain[at+1:] + tail
				want, err := json.Marshal(s)
				require.NoError(t, err)
				if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
					t.Fatalf("%q: got %s, want %s", s, got, want)
				}
			}
		}
	}
}

// TestAppendEscapedJSON holds the writer of an argument of a kind
// appendJSONArg does not know equal to encoding/json on a json.Marshaler's
// output.
func TestAppendEscapedJSON(t *testing.T) {
	for _, raw := range []string{`"plain"`, `{"a":"<b>&amp;"}`, `["\u2028","` + "\u2028\u2029\u2027" + `"]`, `"\b\f` + "\xe2\x80" + `"`, `12`} {
		want, err := json.Marshal(json.RawMessage(raw))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendEscapedJSON(nil, []byte(raw))), "%s", raw)
	}
}

// TestTextBuffersReused checks many files and JSON Lines records of the
// bundled dossiers in turn, so that the buffers texts are read into are
// handed from a large dossier to a smaller one and back: every entry
// must be that of its dossier checked alone.
func TestTextBuffersReused(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "dossiers", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var texts [][]byte
	var stream bytes.Buffer
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, data)
		require.NoError(t, json.Compact(&stream, data))
		stream.WriteByte('\n')
	}
	// entry is a dossier's JSON entry without its source and line.
	entry := func(s string) string {
		s = regexp.MustCompile(`^\{"source":"[^"]*"(,"line":\d+)?`).ReplaceAllString(s, "{")
		return regexp.MustCompile(`"line":\d+,`).ReplaceAllString(s, "") // lines differ between a file and a record
	}
	first := func(r result) string {
		lines := strings.Split(r.stdout, "\n")
		require.Greater(t, len(lines), 2, r.stderr)
		return entry(strings.TrimSuffix(lines[1], ","))
	}
	compact := bytes.Split(bytes.TrimSuffix(stream.Bytes(), []byte("\n")), []byte("\n"))
	// Each dossier checked alone, as a file and as a record.
	aloneFile, aloneRecord := make([]string, len(texts)), make([]string, len(texts))
	for i, f := range files {
		aloneFile[i] = first(runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", f))
		aloneRecord[i] = first(runInProcess(t, string(compact[i])+"\n", "check", "--as-of", asOf, "--format", "json", "--jsonl", "-"))
	}
	dir := t.TempDir()
	const n = 64
	var records bytes.Buffer
	for k := range n {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%03d.json", k)), texts[k%len(texts)], 0o644))
		records.Write(compact[k%len(texts)])
		records.WriteByte('\n')
	}
	for _, run := range []struct {
		r     result
		alone []string
	}{
		{runInProcess(t, "", "check", "--as-of", asOf, "--format", "json", dir), aloneFile},
		{runInProcess(t, records.String(), "check", "--as-of", asOf, "--format", "json", "--jsonl", "-"), aloneRecord},
	} {
		lines := strings.Split(run.r.stdout, "\n")
		require.Len(t, lines, n+3, run.r.stderr)
		for k := range n {
			assert.Equal(t, run.alone[k%len(texts)], entry(strings.TrimSuffix(lines[1+k], ",")), "entry %d", k)
		}
	}
}
