package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSourceURI(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	tests := []struct {
		name, path, uri, base string
	}{
		{"a relative path is resolved from the working folder", "testdata/dossiers/gel.json", "testdata/dossiers/gel.json", srcRoot},
		{"./ is dropped", "./testdata/gel.json", "testdata/gel.json", srcRoot},
		{"an absolute path inside the working folder is made relative", filepath.Join(wd, "testdata", "gel.json"), "testdata/gel.json", srcRoot},
		{"spaces and percent signs are escaped", "my dossiers/100% gel.json", "my%20dossiers/100%25%20gel.json", srcRoot},
		{"a colon in the first segment would read as a scheme", "v2:gel.json", "./v2:gel.json", srcRoot},
		{"a colon further on is harmless", "d/v2:gel.json", "d/v2:gel.json", srcRoot},
		{"a path outside the working folder is a file URI", "/srv/dossiers/gel.json", "file:///srv/dossiers/gel.json", ""},
		{"a relative path may climb out of the base", "../gel.json", "../gel.json", srcRoot},
		{"standard input has no URI", "-", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uri, base := (&source{path: tt.path}).uri()
			assert.Equal(t, tt.uri, uri)
			assert.Equal(t, tt.base, base)
		})
	}
}

func TestFileURI(t *testing.T) {
	assert.Equal(t, "file:///srv/a%20b.json", fileURI("/srv/a b.json"))
	assert.Equal(t, "file:///C:/dossiers/a.json", fileURI("C:/dossiers/a.json"), "a Windows drive gets the third slash")
}

// TestProblemCodesListed holds the SARIF rule list of problem codes to
// the codes the packages define: every constant of type Code in
// secretome, regulation and evidence must be listed, so that its results
// carry a ruleIndex and a description. It reads the packages' source, so
// a code added there fails this test until it is listed here.
func TestProblemCodesListed(t *testing.T) {
	listed := map[string]bool{}
	for _, pc := range problemCodes {
		assert.False(t, listed[string(pc.code)], "code %s listed twice", pc.code)
		listed[string(pc.code)] = true
	}
	found := 0
	for _, pkg := range []string{"secretome", "regulation", "evidence"} {
		dir := filepath.Join("..", "..", pkg)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
			require.NoError(t, err)
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					if !isCodeType(vs.Type) {
						continue
					}
					for i, v := range vs.Values {
						lit, ok := v.(*ast.BasicLit)
						if !ok || lit.Kind != token.STRING {
							continue
						}
						code, err := strconv.Unquote(lit.Value)
						require.NoError(t, err)
						found++
						assert.True(t, listed[code], "%s.%s (%q) is missing from problemCodes", pkg, vs.Names[i].Name, code)
					}
				}
			}
		}
	}
	assert.Greater(t, found, 20, "the scan finds the packages' codes")
}

func isCodeType(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name == "Code"
	case *ast.SelectorExpr:
		return x.Sel.Name == "Code"
	}
	return false
}
