package fhir

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// evidenceRead is an Evidence resource as read from a Bundle.
type evidenceRead struct {
	path string
	res  evidenceResource
}

// checkEvidence compares the Bundle's Evidence resources with those the
// imported dossier's studies give (as Export writes them) and returns a
// problem for each difference: a certainty, a domain's rating or reason,
// a cited study, an Evidence too many or too few. citations maps the
// fullUrl of each Citation of the Bundle to its study ID.
func checkEvidence(d *regulation.Dossier, got []evidenceRead, citations map[string]string) []secretome.Problem {
	// Both sides cite studies by ID, so that a Bundle whose fullUrls a
	// server rewrote is compared by what it cites.
	cites := make(map[string]reference, len(d.Studies))
	for _, s := range d.Studies {
		cites[s.ID] = reference{Reference: s.ID}
	}
	want := evidenceResources(d.Studies, d.Product.Name, cites)
	var ps []secretome.Problem
	add := func(path string, msg message.Message) {
		ps = append(ps, derivedProblem(path, secretome.CodeInconsistent, msg))
	}
	for i, g := range got {
		if i >= len(want) {
			add(g.path, message.New("fhir.evidence.extra", message.Int(len(want)), quoted(g.res.Title)))
			continue
		}
		for j, ra := range g.res.RelatedArtifact {
			if ra.ResourceReference != nil {
				if id, ok := citations[ra.ResourceReference.Reference]; ok {
					g.res.RelatedArtifact[j].ResourceReference = &reference{Reference: id, Display: ra.ResourceReference.Display}
				}
			}
		}
		a, err := tree(want[i])
		if err != nil {
			add(g.path, message.Of(err))
			continue
		}
		b, err := tree(g.res)
		if err != nil {
			add(g.path, message.Of(err))
			continue
		}
		var diffs []patch
		diff("", a, b, &diffs)
		for _, p := range diffs {
			var w, have message.Arg = message.Term("fhir.nothing"), message.Term("fhir.nothing")
			if p.value != nil {
				w = message.Text(*p.value)
			}
			if v, ok := lookup(b, p.path); ok {
				have = message.Text(jsonText(v))
			}
			add(g.path+elementPath(p.path), message.New("fhir.evidence.differs", have, w))
		}
	}
	for i := len(got); i < len(want); i++ {
		add("entry", message.New("fhir.evidence.missing", quoted(want[i].Title)))
	}
	return ps
}

// tree returns v's JSON form as a tree (see dossierTree).
func tree(v any) (any, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("fhir: %w", err)
	}
	return decodeTree(js)
}

// elementPath turns a JSON Pointer into a FHIR element path:
// "/certainty/0/rating" becomes ".certainty[0].rating".
func elementPath(ptr string) string {
	var b strings.Builder
	for _, s := range strings.Split(ptr, "/")[1:] {
		s = unescape(s)
		if _, err := strconv.Atoi(s); err == nil {
			b.WriteString("[" + s + "]")
		} else {
			b.WriteString("." + s)
		}
	}
	return b.String()
}

// lookup returns the value at the JSON Pointer ptr in tree t.
func lookup(t any, ptr string) (any, bool) {
	if ptr == "" {
		return t, true
	}
	for _, s := range strings.Split(ptr, "/")[1:] {
		s = unescape(s)
		switch v := t.(type) {
		case map[string]any:
			var ok bool
			if t, ok = v[s]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= len(v) {
				return nil, false
			}
			t = v[i]
		default:
			return nil, false
		}
	}
	return t, true
}
