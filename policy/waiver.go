package policy

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// Problem codes of WaiverRun.Problems: the waiver itself is a warning.
const (
	CodeWaiverExpired   = "waiver.expired"    // the waiver expired before the as-of day
	CodeWaiverUnused    = "waiver.unused"     // the waiver applied to dossiers but matched none of their findings
	CodeWaiverNoDossier = "waiver.no_dossier" // the waiver applied to none of the dossiers checked
)

// waiversSpec is a waivers file as written.
type waiversSpec struct {
	Waivers []waiverSpec `json:"waivers"`
}

// waiverSpec is one waiver as written.
type waiverSpec struct {
	// ID names the waiver; empty takes its place in the file.
	ID string `json:"id,omitempty"`
	// Rule is the ID of the rule whose findings it waives.
	Rule string `json:"rule"`
	// Product is the product ID of the dossiers it concerns.
	Product string `json:"product,omitempty"`
	// Dossiers is a path glob (path.Match, with "/" separators) of the
	// dossier files it concerns.
	Dossiers string `json:"dossiers,omitempty"`
	// Path is the finding path it waives, or a path the finding's lies
	// under; empty waives every finding of the rule.
	Path string `json:"path,omitempty"`
	// Reason says why the exception was granted.
	Reason string `json:"reason"`
	// ApprovedBy names who approved it.
	ApprovedBy string `json:"approved_by"`
	// Expires is the last day it applies; required.
	Expires secretome.Date `json:"expires"`
}

// Waivers is a loaded waivers file. It is immutable; a WaiverRun matches
// it to the findings of one run.
type Waivers struct {
	name    string
	input   regulation.AuditInput
	list    []waiverSpec
	lines   []int
	waivers []regulation.Waiver
}

// LoadWaivers decodes a waivers file, YAML or JSON, named name in
// problems:
//
//	waivers:
//	  - id: W-2026-014
//	    rule: ID-BPOM-COSMETIC-NEEDLE
//	    product: NSB-UCMSC-SG-01          # and/or dossiers: "dossiers/*.json"
//	    path: uses[4]                     # optional: the finding path, or a path above it
//	    reason: the microneedling use is withdrawn from the label in the next revision
//	    approved_by: Head of Regulatory Affairs
//	    expires: 2026-12-31
//
// Each waiver needs a rule ID, a product or a dossiers glob (or both: a
// dossier must then match both), a reason, an approver and an expiry
// day, the last day it applies. Problems come back together in a
// *FileError.
func LoadWaivers(name string, data []byte) (*Waivers, error) {
	var spec waiversSpec
	doc := decodeFile(name, data, &spec)
	if len(doc.probs) > 0 {
		return nil, doc.err()
	}
	w := &Waivers{name: name, input: regulation.AuditInput{Kind: "waivers", Name: name, Digest: regulation.DigestOf(data)}}
	if len(spec.Waivers) == 0 {
		doc.problem("waivers", CodeRequired, "policy.no_waivers")
	}
	ids := map[string]int{}
	for i := range spec.Waivers {
		s := &spec.Waivers[i]
		at := fmt.Sprintf("waivers[%d]", i)
		need := func(field, v string) {
			if strings.TrimSpace(v) == "" {
				doc.problem(at+"."+field, CodeRequired, "problem.required", message.Text(field))
			}
		}
		need("rule", s.Rule)
		need("reason", s.Reason)
		need("approved_by", s.ApprovedBy)
		if s.Expires.IsZero() {
			doc.problem(at+".expires", CodeRequired, "policy.waiver.expires")
		}
		if s.Product == "" && s.Dossiers == "" {
			doc.problem(at, CodeRequired, "policy.waiver.dossiers")
		}
		if s.Dossiers != "" {
			if _, err := path.Match(s.Dossiers, ""); err != nil {
				doc.problem(at+".dossiers", CodeInvalid, "policy.waiver.glob", message.Text(strconv.Quote(s.Dossiers)), message.Text(err.Error()))
			}
		}
		line, _ := doc.locate(at)
		id := s.ID
		if id == "" {
			id = fmt.Sprintf("%s:%d", name, line)
		} else if k, dup := ids[id]; dup {
			doc.problem(at+".id", CodeDuplicate, "policy.waiver.twice", message.Text(id), message.Int(k))
		}
		ids[id] = i
		w.list = append(w.list, *s)
		w.lines = append(w.lines, line)
		w.waivers = append(w.waivers, regulation.Waiver{ID: id, Reason: s.Reason, ApprovedBy: s.ApprovedBy, Expires: s.Expires})
	}
	if err := doc.err(); err != nil {
		return nil, err
	}
	return w, nil
}

// Input returns the audit record of the waivers file (kind "waivers").
func (w *Waivers) Input() regulation.AuditInput { return w.input }

// Name returns the file's name as given.
func (w *Waivers) Name() string { return w.name }

// Len returns the number of waivers.
func (w *Waivers) Len() int { return len(w.list) }

// WaiverRun matches the waivers to the findings of one run (one as-of
// day, any number of dossiers) and counts what each waived. It is safe
// for concurrent use.
type WaiverRun struct {
	w    *Waivers
	asOf secretome.Date
	used []atomic.Int64 // findings waived, by waiver
	// dossiers counts the dossiers each waiver applied to (its product
	// and dossiers glob matched).
	dossiers []atomic.Int64
}

// Run starts matching the waivers for a run whose rules apply on asOf.
// A waiver applies up to and including its expiry day.
func (w *Waivers) Run(asOf secretome.Date) *WaiverRun {
	return &WaiverRun{w: w, asOf: asOf, used: make([]atomic.Int64, len(w.list)), dossiers: make([]atomic.Int64, len(w.list))}
}

// For returns the function that waives the findings of one dossier: the
// dossier's file (source, matched against dossiers globs with "/"
// separators; "" matches no glob) and its product ID. Pass it to
// regulation.Assessor.AssessWaiving.
func (r *WaiverRun) For(source, product string) regulation.WaiveFunc {
	var mine []int
	for i := range r.w.list {
		s := &r.w.list[i]
		if s.Expires.Before(r.asOf) {
			continue
		}
		if s.Product != "" && s.Product != product {
			continue
		}
		if s.Dossiers != "" {
			if ok, _ := path.Match(s.Dossiers, strings.ReplaceAll(source, "\\", "/")); !ok || source == "" {
				continue
			}
		}
		mine = append(mine, i)
		r.dossiers[i].Add(1)
	}
	if len(mine) == 0 {
		return nil
	}
	return func(f *regulation.Finding) *regulation.Waiver {
		for _, i := range mine {
			s := &r.w.list[i]
			if s.Rule == f.RuleID && under(f.Path, s.Path) {
				r.used[i].Add(1)
				return &r.w.waivers[i]
			}
		}
		return nil
	}
}

// under reports whether path p is at or below the waiver path w ("" is
// above every path).
func under(p, w string) bool {
	if w == "" || p == w {
		return true
	}
	return strings.HasPrefix(p, w) && (p[len(w)] == '.' || p[len(w)] == '[')
}

// Problems returns a warning for each waiver that expired before the
// as-of day (it waived nothing, CodeWaiverExpired), each in force that
// applied to none of the dossiers checked (its product or dossiers glob
// matched none, CodeWaiverNoDossier), and each that applied to dossiers
// but waived none of their findings (CodeWaiverUnused): all most often
// mean the waiver should be renewed, corrected or removed. Call it when
// the run is done.
func (r *WaiverRun) Problems() []Problem {
	var out []Problem
	for i := range r.w.list {
		s := &r.w.list[i]
		w := &r.w.waivers[i]
		p := Problem{File: r.w.name, Line: r.w.lines[i], Path: fmt.Sprintf("waivers[%d]", i)}
		switch {
		case s.Expires.Before(r.asOf):
			p.Code = CodeWaiverExpired
			p.Text = message.New("policy.waiver.expired", message.Text(w.ID), message.Text(s.Rule), message.Text(s.Expires.String()), message.Text(r.asOf.String()))
		case r.dossiers[i].Load() == 0:
			p.Code = CodeWaiverNoDossier
			p.Text = message.New("policy.waiver.no_dossier", message.Text(w.ID), message.Text(s.Rule))
		case r.used[i].Load() == 0:
			p.Code = CodeWaiverUnused
			p.Text = message.New("policy.waiver.unused", message.Text(w.ID), message.Text(s.Rule),
				message.Count{N: int(r.dossiers[i].Load()), Noun: "noun.dossier"})
		default:
			continue
		}
		p.Message = p.Text.String()
		out = append(out, p)
	}
	return out
}
