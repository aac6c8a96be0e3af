package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// SARIF 2.1.0 (OASIS), the format code-scanning services read.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	toolInfoURI  = "https://github.com/openregen/secretomekit"
)

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID               string         `json:"id"`
	ShortDescription sarifMessage   `json:"shortDescription"`
	FullDescription  *sarifMessage  `json:"fullDescription,omitempty"`
	HelpURI          string         `json:"helpUri,omitempty"`
	Help             *sarifMessage  `json:"help,omitempty"`
	Properties       sarifRuleProps `json:"properties"`
}

type sarifRuleProps struct {
	Provenance   string   `json:"provenance,omitempty"`
	Revision     string   `json:"revision,omitempty"`
	Jurisdiction string   `json:"jurisdiction,omitempty"`
	Tags         []string `json:"tags,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
	// Suppressions holds the waiver of a waived finding.
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   map[string]any     `json:"properties,omitempty"`
}

// sarifSuppression is a waiver: an exception granted outside the
// dossier, accepted, with its reason as the justification.
type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification"`
	Properties    map[string]any `json:"properties"`
}

func suppressionsSARIF(w *regulation.Waiver) []sarifSuppression {
	if w == nil {
		return nil
	}
	props := map[string]any{"waiver": w.ID, "approvedBy": w.ApprovedBy}
	if !w.Expires.IsZero() {
		props["expires"] = w.Expires.String()
	}
	return []sarifSuppression{{Kind: "external", Status: "accepted", Justification: w.Reason, Properties: props}}
}

// sarifToolVersion is the tool version as SARIF readers compare it: a
// number first ("1.2.3"), "0.0.0-devel" for a build from a working tree.
func sarifToolVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-" + v
	}
	return v
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// sarifReporter streams one SARIF run: the tool with every rule that can
// report (the shipped rules of the assessed jurisdictions, then one rule
// per problem code), then one result per finding or problem, then the
// invocation, which records unreadable inputs.
type sarifReporter struct {
	w       io.Writer
	b       *bufio.Writer
	info    *runInfo
	index   map[string]int
	count   int
	notices []sarifNotification
}

func (r *sarifReporter) begin(info *runInfo) error {
	r.info = info
	r.b = bufio.NewWriter(r.w)
	r.index = map[string]int{}
	var rules []sarifRule
	for _, ri := range info.rules {
		rules = append(rules, ruleSARIF(ri, info.lang))
	}
	for _, pc := range problemCodes {
		id := problemRule(pc.code)
		rules = append(rules, sarifRule{ID: id, ShortDescription: sarifMessage{Text: message.New(pc.text).In(info.lang)},
			Properties: sarifRuleProps{Tags: []string{"dossier"}}})
	}
	for _, g := range gapRules {
		rules = append(rules, sarifRule{ID: g.id, ShortDescription: sarifMessage{Text: message.New(g.text).In(info.lang)},
			Properties: sarifRuleProps{Tags: []string{"use"}}})
	}
	for i, ru := range rules {
		r.index[ru.ID] = i
	}
	// One rule and one result a line, so that the output diffs well.
	fmt.Fprintf(r.b, `{"version":%q,"$schema":%q,"runs":[{"tool":{"driver":{"name":"secretome","version":`, sarifVersion, sarifSchema)
	writeJSON(r.b, sarifToolVersion(info.version))
	r.b.WriteString(`,"informationUri":`)
	writeJSON(r.b, toolInfoURI)
	r.b.WriteString(`,"rules":[`)
	for i, ru := range rules {
		if i > 0 {
			r.b.WriteByte(',')
		}
		r.b.WriteByte('\n')
		writeJSON(r.b, ru)
	}
	// Columns count characters (Unicode code points), in JSON and YAML.
	r.b.WriteString("\n]}},\"columnKind\":\"unicodeCodePoints\"")
	if info.lang != message.English {
		// The language of the run's messages (SARIF's default is en-US).
		r.b.WriteString(`,"language":`)
		writeJSON(r.b, info.lang.String())
	}
	// The audit record: versions, the rule set's digest, the policy and
	// waivers files; each rule's revision is in its properties.
	r.b.WriteString(`,"properties":{"audit":`)
	a := auditJSON(info.audit)
	a.Rules = nil
	writeJSON(r.b, a)
	r.b.WriteString(`}`)
	if base := sarifBaseIDs(); base != nil {
		r.b.WriteString(`,"originalUriBaseIds":`)
		writeJSON(r.b, base)
	}
	r.b.WriteString(`,"results":[`)
	return nil
}

// ruleSARIF describes a rule: its title, its citation as help text and
// helpUri (in the language lang), and its provenance, so a reviewer sees
// what the rule rests on and how sure it is.
func ruleSARIF(ri regulation.RuleInfo, lang language.Tag) sarifRule {
	ru := sarifRule{ID: ri.ID, ShortDescription: sarifMessage{Text: ri.Title},
		HelpURI: ri.Citation.URL,
		Help:    &sarifMessage{Text: citationText(ri.Citation, ri.Provenance, lang)},
		Properties: sarifRuleProps{Provenance: ri.Provenance.String(), Revision: ri.Revision, Jurisdiction: ri.Jurisdiction,
			Tags: []string{ri.Jurisdiction, ri.Provenance.String()}}}
	if ri.Note != "" {
		ru.FullDescription = &sarifMessage{Text: ri.Title + ". " + ri.Note}
	}
	return ru
}

// citationText renders a citation in full, for help text: the
// instrument as it was read, its dates and provenance in the language
// lang.
func citationText(c regulation.Citation, p regulation.Provenance, lang language.Tag) string {
	var b strings.Builder
	say := func(code string, arg message.Arg) { b.WriteString(message.New(code, arg).In(lang)) }
	b.WriteString(c.String())
	if !c.EffectiveFrom.IsZero() {
		say("cli.cite.from", message.Text(c.EffectiveFrom.String()))
	}
	if !c.EffectiveTo.IsZero() {
		say("cli.cite.until", message.Text(c.EffectiveTo.String()))
	}
	if c.URL != "" {
		fmt.Fprintf(&b, "; %s", c.URL)
	}
	if c.Secondary != "" {
		say("cli.cite.read_in", message.Text(c.Secondary))
	}
	if !c.CheckedOn.IsZero() {
		say("cli.cite.checked", message.Text(c.CheckedOn.String()))
	}
	say("cli.cite.provenance", message.Enum("provenance", p.String()))
	return b.String()
}

func sarifLevel(s secretome.Severity) string {
	switch s {
	case secretome.SeverityError:
		return "error"
	case secretome.SeverityWarning:
		return "warning"
	}
	return "note"
}

func (r *sarifReporter) locations(c *checked, line, col int) []sarifLocation {
	uri, base := c.src.uri()
	if uri == "" {
		return nil
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
	}
	return []sarifLocation{loc}
}

// dossier writes the dossier's results, rendering them unless a worker
// did, after a comma when results came before; an unreadable input
// becomes a notification of the invocation instead.
func (r *sarifReporter) dossier(c *checked) error {
	if c.ioErr != nil {
		r.notices = append(r.notices, sarifNotification{Level: "error",
			Message: sarifMessage{Text: c.name() + ": " + c.ioErr.Error()}, Locations: r.locations(c, 0, 0)})
		return nil
	}
	out := output(r, r.info, c)
	if n := c.tally[0]; n > 0 {
		if r.count > 0 {
			r.b.WriteByte(',')
		}
		r.b.Write(out)
		r.count += n
	}
	return flushFull(r.b)
}

// prepare renders the dossier's results in a worker, one a line and
// separated by commas, and counts them in c.tally[0]. It reads the rule
// index, which begin built.
func (r *sarifReporter) prepare(info *runInfo, c *checked) {
	c.prepared = true
	if c.ioErr != nil {
		return
	}
	var out []byte
	n := 0
	result := func(res sarifResult) {
		if i, ok := r.index[res.RuleID]; ok {
			res.RuleIndex = &i
		}
		if n > 0 {
			out = append(out, ',')
		}
		n++
		out = append(out, '\n')
		out = append(out, mustJSON(res)...)
	}
	// at is the line and column of a problem or finding. One without a
	// line of its own (a file too large to read) is placed at its JSON
	// Lines record, or at the first line of its file: code scanning
	// services show a result only where it has a line.
	at := func(l, col int) (int, int) {
		switch {
		case l > 0:
			return l, col
		case c.line > 0:
			return c.line, 0
		}
		return 1, 0
	}
	for _, p := range c.problems {
		msg := p.Message
		if p.Path != "" {
			msg = p.Path + ": " + msg
		}
		l, col := at(p.Line, p.Column)
		result(sarifResult{RuleID: problemRule(p.Code), Level: sarifLevel(p.Severity), Message: sarifMessage{Text: msg},
			Locations: r.locations(c, l, col), Properties: map[string]any{"path": p.Path, "code": string(p.Code)}})
	}
	for _, f := range c.findings {
		props := map[string]any{"path": f.Path, "jurisdiction": f.Jurisdiction, "provenance": f.Provenance.String()}
		if p := c.product(); p != "" {
			props["product"] = p
		}
		l, col := at(f.Line, f.Column)
		result(sarifResult{RuleID: f.RuleID, Level: sarifLevel(f.Severity), Message: sarifMessage{Text: f.Text()},
			Locations: r.locations(c, l, col), Suppressions: suppressionsSARIF(f.Waiver), Properties: props})
	}
	for i := range c.gaps {
		g := &c.gaps[i]
		props := map[string]any{"path": g.Path, "jurisdiction": g.Jurisdiction, "use": g.Use}
		l, col := at(g.Line, g.Column)
		result(sarifResult{RuleID: g.rule(), Level: sarifLevel(g.severity(info.threshold)), Message: sarifMessage{Text: g.Message},
			Locations: r.locations(c, l, col), Properties: props})
	}
	c.rendered, c.tally[0] = out, n
}

func (r *sarifReporter) end(s *summary) error {
	r.b.WriteString("\n],\"invocations\":[")
	writeJSON(r.b, sarifInvocation{ExecutionSuccessful: s.Unreadable == 0, Notifications: r.notices})
	r.b.WriteString("]}]}\n")
	return r.b.Flush()
}

// sarifBaseIDs returns the run's originalUriBaseIds: the absolute URI of
// the working folder, which relative URIs start from, ending in a slash
// as SARIF requires of a base; nil when the folder is unknown.
func sarifBaseIDs() map[string]sarifArtifact {
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	base := fileURI(filepath.ToSlash(wd))
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return map[string]sarifArtifact{srcRoot: {URI: base}}
}
