package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"sync"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// checkSchemaVersion names the JSON output format of check. A change that
// could break a reader gets a new version.
const checkSchemaVersion = "secretomekit/check/v1"

// The JSON output of check, version secretomekit/check/v1. These types
// are the format's definition: "secretome schema check" prints their JSON
// Schema. Fields are only ever added.

// checkOutput is the whole document.
type checkOutput struct {
	// Schema is always "secretomekit/check/v1".
	Schema string   `json:"schema"`
	Tool   jsonTool `json:"tool"`
	// AsOf is the day whose rules were applied.
	AsOf string `json:"as_of"`
	// Jurisdictions lists the jurisdictions assessed.
	Jurisdictions []string `json:"jurisdictions"`
	// FailOn is the --fail-on level: error, warning or never.
	FailOn string `json:"fail_on"`
	// Audit records what the decisions rest on, so that they can be
	// reproduced.
	Audit jsonAudit `json:"audit"`
	// Dossiers holds one entry per dossier, in input order.
	Dossiers []jsonDossier `json:"dossiers"`
	Summary  summary       `json:"summary"`
}

// jsonAudit is regulation.Audit: the library version, the as-of day,
// the digest of the rules, policy files and waivers, the files, and each
// rule's revision.
type jsonAudit struct {
	Library string                    `json:"library"`
	AsOf    string                    `json:"as_of"`
	Digest  string                    `json:"digest"`
	Inputs  []regulation.AuditInput   `json:"inputs"`
	Rules   []regulation.RuleRevision `json:"rules,omitempty"`
}

func auditJSON(a regulation.Audit) jsonAudit {
	out := jsonAudit{Library: a.Library, AsOf: a.AsOf.String(), Digest: a.Digest, Inputs: a.Inputs, Rules: a.Rules}
	if out.Inputs == nil {
		out.Inputs = []regulation.AuditInput{}
	}
	if out.Rules == nil {
		out.Rules = []regulation.RuleRevision{}
	}
	return out
}

// jsonWaiver is the waiver that withdrew a finding.
type jsonWaiver struct {
	ID         string `json:"id"`
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by"`
	Expires    string `json:"expires,omitempty"`
}

func waiverJSON(w *regulation.Waiver) *jsonWaiver {
	if w == nil {
		return nil
	}
	return &jsonWaiver{ID: w.ID, Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: w.Expires.String()}
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// jsonDossier is the outcome for one dossier.
type jsonDossier struct {
	// Source is the file as named or found ("<stdin>" for standard input).
	Source string `json:"source"`
	// Line is the line of the record in a JSON Lines file.
	Line int `json:"line,omitempty"`
	// Product is the product's ID or name, when the dossier was decoded.
	Product string `json:"product,omitempty"`
	// Status is pass, fail, invalid or unreadable.
	Status string `json:"status"`
	// Error says why an unreadable input could not be read.
	Error string `json:"error,omitempty"`
	// Problems lists decode and validation problems.
	Problems []jsonProblem `json:"problems"`
	// Jurisdictions holds the assessment, when the dossier was decoded.
	Jurisdictions []jsonJurisdiction `json:"jurisdictions"`
	// Unassessed lists the indexes of the uses whose jurisdiction was not
	// assessed (no rules for it, or left out by --jurisdiction).
	Unassessed []int `json:"unassessed,omitempty"`
	// Gaps lists, in dossier order, every use no rule settled: a use
	// whose jurisdiction was not assessed (rule use/unassessed), or one
	// whose verdict is unknown in a jurisdiction (rule use/unknown), as
	// the other formats show them. --fail-on unknown fails on them.
	Gaps []jsonGap `json:"gaps,omitempty"`
}

// jsonGap is a use no rule settled.
type jsonGap struct {
	// Rule is use/unassessed or use/unknown.
	Rule string `json:"rule"`
	// Use is the index of the use in the dossier.
	Use int `json:"use"`
	// Jurisdiction is the use's jurisdiction (unassessed) or the
	// jurisdiction whose verdict is unknown.
	Jurisdiction string `json:"jurisdiction"`
	// Severity is error when the run fails on unknowns (--fail-on
	// unknown), else info.
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Message  string `json:"message"`
}

// jsonProblem is a decode or validation problem.
type jsonProblem struct {
	Path     string `json:"path"`
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
}

type jsonJurisdiction struct {
	Jurisdiction   string        `json:"jurisdiction"`
	Name           string        `json:"name"`
	Classification string        `json:"classification"`
	Uses           []jsonUse     `json:"uses"`
	Findings       []jsonFinding `json:"findings"`
}

type jsonUse struct {
	Index   int      `json:"index"`
	Class   string   `json:"class"`
	Verdict string   `json:"verdict"`
	Missing []string `json:"missing,omitempty"`
	Rules   []string `json:"rules"`
	// InvalidPaths lists, for an invalid dossier, the paths of the
	// errors that bear on the use; its verdict is then unknown.
	InvalidPaths []string `json:"invalid_paths,omitempty"`
	// AsRead is the verdict the rules reached from the values that could
	// be read, when errors of the dossier made the verdict unknown.
	AsRead string `json:"as_read,omitempty"`
}

type jsonFinding struct {
	Rule         string `json:"rule"`
	Jurisdiction string `json:"jurisdiction"`
	Severity     string `json:"severity"`
	Path         string `json:"path"`
	Line         int    `json:"line,omitempty"`
	Column       int    `json:"column,omitempty"`
	Use          *int   `json:"use,omitempty"`
	Message      string `json:"message"`
	// MessageCode is the code of the message in the message catalogue,
	// such as "id.nie.missing"; left out for a text a policy rule gave
	// as it is.
	MessageCode string `json:"message_code,omitempty"`
	// MessageArgs are the message's arguments, in the order of the
	// template's placeholders: a string (text), a whole number,
	// {"term":…}, {"count":N,"noun":…}, {"and":[…]}, {"or":[…]} or a
	// nested message {"code":…,"args":[…]}.
	MessageArgs message.Args `json:"message_args,omitempty"`
	Citation    jsonCitation `json:"citation"`
	Provenance  string       `json:"provenance"`
	// InvalidPaths lists, for an invalid dossier, the paths of the
	// errors that bear on the finding: it is not reliable.
	InvalidPaths []string `json:"invalid_paths,omitempty"`
	// Waiver is set when a waiver withdrew the finding: it does not
	// count toward --fail-on or the verdict.
	Waiver *jsonWaiver `json:"waiver,omitempty"`
}

type jsonCitation struct {
	Instrument    string `json:"instrument"`
	Number        string `json:"number,omitempty"`
	Article       string `json:"article,omitempty"`
	URL           string `json:"url,omitempty"`
	EffectiveFrom string `json:"effective_from,omitempty"`
	EffectiveTo   string `json:"effective_to,omitempty"`
	CheckedOn     string `json:"checked_on,omitempty"`
}

func citationJSON(c regulation.Citation) jsonCitation {
	return jsonCitation{Instrument: c.Instrument, Number: c.Number, Article: c.Article, URL: c.URL,
		EffectiveFrom: c.EffectiveFrom.String(), EffectiveTo: c.EffectiveTo.String(), CheckedOn: c.CheckedOn.String()}
}

func problemJSON(p secretome.Problem) jsonProblem {
	return jsonProblem{Path: p.Path, Code: string(p.Code), Severity: p.Severity.String(), Message: p.Message, Line: p.Line, Column: p.Column}
}

func dossierJSON(c *checked, t threshold) jsonDossier {
	d := jsonDossier{Source: c.src.name(), Line: c.line, Product: c.product(), Status: string(c.status(t)),
		Problems: []jsonProblem{}, Jurisdictions: []jsonJurisdiction{}}
	if c.ioErr != nil {
		d.Error = c.ioErr.Error()
	}
	for _, p := range c.problems {
		d.Problems = append(d.Problems, problemJSON(p))
	}
	if c.report == nil {
		return d
	}
	d.Unassessed = c.report.Unassessed
	for _, j := range c.report.Jurisdictions {
		jj := jsonJurisdiction{Jurisdiction: j.Jurisdiction, Name: j.Name, Classification: j.Classification,
			Uses: []jsonUse{}, Findings: []jsonFinding{}}
		for _, u := range j.Uses {
			rules := u.Rules
			if rules == nil {
				rules = []string{}
			}
			ju := jsonUse{Index: u.Index, Class: u.Class.String(), Verdict: u.Verdict.String(), Missing: u.Missing, Rules: rules,
				InvalidPaths: u.InvalidPaths}
			if len(u.InvalidPaths) > 0 && u.AsRead != u.Verdict {
				ju.AsRead = u.AsRead.String()
			}
			jj.Uses = append(jj.Uses, ju)
		}
		for _, f := range c.findings {
			if f.Jurisdiction != j.Jurisdiction {
				continue
			}
			jj.Findings = append(jj.Findings, jsonFinding{Rule: f.RuleID, Jurisdiction: f.Jurisdiction, Severity: f.Severity.String(),
				Path: f.Path, Line: f.Line, Column: f.Column, Use: f.Use, Message: f.Text(),
				MessageCode: f.Message.Code, MessageArgs: f.Message.Args,
				Citation: citationJSON(f.Cited()), Provenance: f.Provenance.String(), InvalidPaths: f.InvalidPaths, Waiver: waiverJSON(f.Waiver)})
		}
		d.Jurisdictions = append(d.Jurisdictions, jj)
	}
	for i := range c.gaps {
		g := &c.gaps[i]
		d.Gaps = append(d.Gaps, jsonGap{Rule: g.rule(), Use: g.Use, Jurisdiction: g.Jurisdiction, Severity: g.severity(t).String(),
			Path: g.Path, Line: g.Line, Column: g.Column, Message: g.Message})
	}
	return d
}

// jsonReporter streams a checkOutput document: the header, then each
// dossier as it is checked (one a line), then the summary. Memory does not
// grow with the number of dossiers.
type jsonReporter struct {
	w     io.Writer
	b     *bufio.Writer
	info  *runInfo
	count int
	// scratch holds the buffers workers write entries in (*[]byte): an
	// entry is then copied out at its size, so that the entries waiting
	// to be written hold no room they do not use (a pooled buffer grows
	// to the largest entry, and 32 such would keep megabytes live).
	scratch sync.Pool
}

func (r *jsonReporter) begin(info *runInfo) error {
	r.info = info
	r.b = bufio.NewWriter(r.w)
	r.b.WriteString(`{"schema":"` + checkSchemaVersion + `","tool":`)
	writeJSON(r.b, jsonTool{Name: "secretome", Version: info.version})
	r.b.WriteString(`,"as_of":`)
	writeJSON(r.b, info.asOf.String())
	r.b.WriteString(`,"jurisdictions":`)
	writeJSON(r.b, info.jurisdictions)
	r.b.WriteString(`,"fail_on":`)
	writeJSON(r.b, info.failOn)
	r.b.WriteString(`,"audit":`)
	writeJSON(r.b, auditJSON(info.audit))
	r.b.WriteString(`,"dossiers":[`)
	return nil
}

func (r *jsonReporter) dossier(c *checked) error {
	if r.count > 0 {
		r.b.WriteByte(',')
	}
	r.count++
	r.b.WriteString("\n")
	r.b.Write(output(r, r.info, c))
	c.rendered = nil
	return flushFull(r.b)
}

// prepare encodes the dossier's entry in a worker.
func (r *jsonReporter) prepare(info *runInfo, c *checked) {
	var buf []byte
	if p, ok := r.scratch.Get().(*[]byte); ok {
		buf = *p
	}
	buf = appendDossierJSON(buf[:0], c, info.threshold)
	c.rendered, c.prepared = bytes.Clone(buf), true
	if cap(buf) <= maxPooledText {
		r.scratch.Put(&buf)
	}
}

func (r *jsonReporter) end(s *summary) error {
	r.b.WriteString("\n],\"summary\":")
	writeJSON(r.b, s)
	r.b.WriteString("}\n")
	return r.b.Flush()
}

// writeJSON writes v compactly; the values written here always marshal.
func writeJSON(w *bufio.Writer, v any) { w.Write(mustJSON(v)) }

// mustJSON encodes v compactly; the values encoded here always marshal.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("secretome: " + err.Error())
	}
	return b
}
