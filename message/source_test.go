package message_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/openregen/secretomekit/message"
)

// codeLiteral matches a string literal that looks like a message code of
// the catalogue's prefixes.
var codeLiteral = regexp.MustCompile(`"((?:problem|study|grade|quality|research|auth|what|cli|id|us|eu|jp|kr|au|tw|noun|quantity|dimension|json|yaml|value|enum_kind|policy)\.[a-z0-9_.]+)"`)

// TestSourceCodesCatalogued reads the library's Go files and fails when a
// code passed to the catalogue (message.New("…"), a checker's key) has no
// entry: add the code with its English and Indonesian text to the table of
// its area in this package.
func TestSourceCodesCatalogued(t *testing.T) {
	root := ".."
	seen := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || path == filepath.Join(root, "message")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var code strings.Builder // the source without its comment lines
		for _, line := range strings.Split(string(src), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") {
				code.WriteString(line + "\n")
			}
		}
		for _, m := range codeLiteral.FindAllStringSubmatch(code.String(), -1) {
			key := m[1]
			if strings.HasSuffix(key, ".") {
				continue // a prefix that code completes, such as "quantity." + what
			}
			seen++
			assert.True(t, message.Known(key), "%s: code %q has no entry in the catalogue", path, key)
		}
		return nil
	})
	assert.NoError(t, err)
	assert.Greater(t, seen, 100, "the scan finds the codes the library uses")
}
