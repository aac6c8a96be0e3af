package fhir

import (
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// Standard codes added beside this library's own codes. Each entry says
// the same as the library's value, with certainty; values with no entry
// keep the library's code or the dossier's text only, and Result.Uncoded
// lists them. Nothing here is inferred from a name's likeness: an entry is
// a term whose code and meaning were read in the code system's published
// terms.

// edqmRoutes are the EDQM Standard Terms routes of administration of the
// routes. Both topical routes are EDQM's "Cutaneous use" (administration
// to the skin): the Ph. Eur. monographs on preparations for cutaneous
// application (0132, 0927) cover those for open wounds and severely
// injured skin. Microneedling, a local
// implant into a surgical site and intraovarian injection have no EDQM
// route that says the same and stay uncoded.
var edqmRoutes = map[secretome.Route]coding{
	secretome.RouteTopical:        {System: SystemEDQM, Code: "20003000", Display: "Cutaneous use"},
	secretome.RouteTopicalWound:   {System: SystemEDQM, Code: "20003000", Display: "Cutaneous use"},
	secretome.RouteIntradermal:    {System: SystemEDQM, Code: "20030000", Display: "Intradermal use"},
	secretome.RouteSubcutaneous:   {System: SystemEDQM, Code: "20066000", Display: "Subcutaneous use"},
	secretome.RouteIntramuscular:  {System: SystemEDQM, Code: "20035000", Display: "Intramuscular use"},
	secretome.RouteIntravenous:    {System: SystemEDQM, Code: "20045000", Display: "Intravenous use"},
	secretome.RouteIntraArticular: {System: SystemEDQM, Code: "20024000", Display: "Intraarticular use"},
	secretome.RouteIntrathecal:    {System: SystemEDQM, Code: "20042000", Display: "Intrathecal use"},
	secretome.RouteOphthalmic:     {System: SystemEDQM, Code: "20051000", Display: "Ocular use"},
	secretome.RouteIntranasal:     {System: SystemEDQM, Code: "20049000", Display: "Nasal use"},
	secretome.RouteInhalation:     {System: SystemEDQM, Code: "20020000", Display: "Inhalation use"},
	secretome.RouteIntrauterine:   {System: SystemEDQM, Code: "20044000", Display: "Intrauterine use"},
}

// edqmCutaneousForms are the EDQM pharmaceutical dose forms of the
// semi-solid forms when the product is for cutaneous use only: EDQM has a
// separate term for each other use (eye gel, nasal gel, gel for
// injection, vaginal cream, ...), so a gel or cream for any other route,
// or of unstated route, stays uncoded.
var edqmCutaneousForms = map[secretome.DosageForm]coding{
	secretome.DosageFormGel:   {System: SystemEDQM, Code: "10503000", Display: "Gel"},
	secretome.DosageFormCream: {System: SystemEDQM, Code: "10502000", Display: "Cream"},
}

// edqmForms are the EDQM pharmaceutical dose forms that say the same as a
// dosage form whatever the route.
var edqmForms = map[secretome.DosageForm]coding{
	secretome.DosageFormSolutionForInjection: {System: SystemEDQM, Code: "11201000", Display: "Solution for injection"},
}

// uniiSubstances are the UNIIs of excipients and other single substances
// by their common names, in lower case. Mixtures (phosphate-buffered
// saline), polymers sold in grades (carbomers), substances whose hydrate
// is not named (trehalose) and proteins measured as analytes (growth
// factors, cytokines) have no single UNII a name alone identifies.
var uniiSubstances = map[string]string{
	"glycerol":        "PDC6A3C0OX",
	"glycerin":        "PDC6A3C0OX",
	"glycerine":       "PDC6A3C0OX",
	"triethanolamine": "9O3K93S3TK",
	"trolamine":       "9O3K93S3TK",
	"niacinamide":     "25X51I8RD4",
	"nicotinamide":    "25X51I8RD4",
}

// routeCodings are the standard codings of a route.
func routeCodings(r secretome.Route) []coding {
	if c, ok := edqmRoutes[r]; ok {
		return []coding{c}
	}
	return nil
}

// formCodings are the standard codings of a dosage form given the
// product's routes.
func formCodings(f secretome.DosageForm, routes []secretome.Route) []coding {
	if c, ok := edqmForms[f]; ok {
		return []coding{c}
	}
	c, ok := edqmCutaneousForms[f]
	if !ok || len(routes) == 0 {
		return nil
	}
	for _, r := range routes {
		if r != secretome.RouteTopical && r != secretome.RouteTopicalWound {
			return nil
		}
	}
	return []coding{c}
}

// substanceCodings are the standard codings of a substance named name.
func substanceCodings(name string) []coding {
	if u, ok := uniiSubstances[strings.ToLower(strings.TrimSpace(name))]; ok {
		return []coding{{System: SystemUNII, Code: u}}
	}
	return nil
}

// withCodings returns a copy of c with the codings added, or c itself
// when there are none.
func withCodings(c *concept, add []coding) *concept {
	if c == nil || len(add) == 0 {
		return c
	}
	out := &concept{Coding: append(append([]coding{}, c.Coding...), add...), Text: c.Text}
	return out
}
