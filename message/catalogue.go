package message

import (
	"regexp"
	"slices"

	"golang.org/x/text/language"
)

// entry is one code of the catalogue with its English and Indonesian
// template. A noun used by Count holds its singular and plural separated
// by "|" ("study|studies").
type entry struct {
	code, en, id string
}

// catalogue maps every code to its templates, indexed by lang. It is
// built once from the tables of the files beside this one and never
// written afterwards.
var catalogue = build(tables)

// tables are the tables of the files beside this one.
var tables = [][]entry{terms, regulationTexts, secretomeTexts, evidenceTexts, gradeTexts, gradeUpTexts, cliTexts, decodeTexts, valueTexts, policyTexts, sarifRuleTexts, flagTexts, fhirTexts}

func build(list [][]entry) map[string][2]string {
	m := map[string][2]string{}
	for _, t := range list {
		for _, e := range t {
			if _, dup := m[e.code]; !dup { // duplicates are reported by Problems
				m[e.code] = [2]string{e.en, e.id}
			}
		}
	}
	return m
}

// In returns the display name of the term in the supported language
// closest to tag, and whether the catalogue holds the term.
func (t Term) In(tag language.Tag) (string, bool) {
	if _, ok := catalogue[string(t)]; !ok {
		return "", false
	}
	return t.render(langOf(tag)), true
}

// Codes returns every code of the catalogue, sorted.
func Codes() []string {
	out := make([]string, 0, len(catalogue))
	for c := range catalogue {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Known reports whether the catalogue holds code.
func Known(code string) bool {
	_, ok := catalogue[code]
	return ok
}

var placeholder = regexp.MustCompile(`\{[0-9]+\}`)

// Problems lists what is wrong with the catalogue: a code twice, a code
// without its English or its Indonesian text, templates whose
// placeholders differ between the languages. Tests call it; it is empty
// for the shipped catalogue.
func Problems() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tables {
		for _, e := range t {
			switch {
			case seen[e.code]:
				out = append(out, e.code+": listed twice")
			case e.en == "":
				out = append(out, e.code+": no English text")
			case e.id == "":
				out = append(out, e.code+": no Indonesian text")
			}
			seen[e.code] = true
			a, b := placeholder.FindAllString(e.en, -1), placeholder.FindAllString(e.id, -1)
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(slices.Compact(a), slices.Compact(b)) {
				out = append(out, e.code+": English and Indonesian use different placeholders")
			}
		}
	}
	return out
}
