package main

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{"-svg", dir, filepath.Join("..", "dossiers", "bmmsc-ev-knee.json")}))
	text := out.String()
	assert.Contains(t, text, "WOMAC pain: 2 studies")
	assert.Contains(t, text, "pooled md, reml")
	assert.Contains(t, text, "with Knapp-Hartung", "both models are shown")
	plots, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	require.NoError(t, err)
	require.Len(t, plots, 1, "one pooled outcome, one plot")
	svg, err := os.ReadFile(plots[0])
	require.NoError(t, err)
	require.NoError(t, xml.Unmarshal(svg, new(struct{})), "the plot is well-formed XML")
	assert.Contains(t, string(svg), "rct-phase1", "studies are labelled by ID")
}

func TestRunMakesThePlotFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plots", "knee")
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{"-svg", dir, filepath.Join("..", "dossiers", "bmmsc-ev-knee.json")}), "a missing -svg folder is made")
	plots, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	require.NoError(t, err)
	assert.Len(t, plots, 1)
}

func TestRunWithoutPooling(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{filepath.Join("..", "dossiers", "ucmsc-wound-gel.json")}))
	assert.Contains(t, out.String(), "GRADE")
	assert.Contains(t, out.String(), ": 1 study, ", "one study is not \"1 studies\"")
	assert.NotContains(t, out.String(), "pooled", "case reports have no effects to pool")
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a dossier is required", nil, "name one dossier"},
		{"an invalid dossier is refused with its problems", []string{filepath.Join("..", "dossiers", "broken-exosome-serum.json")}, "product.source.passage"},
		{"a missing file", []string{"nope.json"}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(new(bytes.Buffer), tt.args)
			require.Error(t, err)
			assert.True(t, strings.Contains(err.Error(), tt.want), err.Error())
		})
	}
}
