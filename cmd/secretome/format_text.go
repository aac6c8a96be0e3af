package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// textReporter writes results for people: grouped by dossier, each
// finding with severity, rule ID, field path, line, message and citation,
// and a summary line at the end. The wording may change between releases;
// scripts should read --format json.
type textReporter struct {
	w    io.Writer
	out  *bufio.Writer
	b    *bytes.Buffer // the dossier being rendered
	info *runInfo
}

const (
	ansiReset  = "\033[0m"
	ansiBold   = "\033[1m"
	ansiRed    = "\033[31m"
	ansiGreen  = "\033[32m"
	ansiYellow = "\033[33m"
	ansiCyan   = "\033[36m"
	ansiDim    = "\033[2m"
)

func (t *textReporter) paint(color, s string) string {
	if !t.info.color || s == "" {
		return s
	}
	return color + s + ansiReset
}

// say renders a message of the catalogue in the language of the run.
func (t *textReporter) say(code string, args ...message.Arg) string {
	return message.New(code, args...).In(t.info.lang)
}

// sevWidth is the width of the severity column: the longest label in the
// language of the run.
func (t *textReporter) sevWidth() int {
	w := 0
	for _, s := range secretome.Severity(0).Values() {
		w = max(w, utf8.RuneCountInString(message.Name("severity", s, t.info.lang)))
	}
	return w
}

func (t *textReporter) severity(s secretome.Severity) string {
	label := fmt.Sprintf("%-*s", t.sevWidth(), message.Name("severity", s.String(), t.info.lang))
	switch s {
	case secretome.SeverityError:
		return t.paint(ansiRed, label)
	case secretome.SeverityWarning:
		return t.paint(ansiYellow, label)
	}
	return t.paint(ansiCyan, label)
}

func (t *textReporter) begin(info *runInfo) error {
	t.info = info
	t.out = bufio.NewWriter(t.w)
	t.b = new(bytes.Buffer)
	return nil
}

// shown reports whether a finding or problem of severity s is printed.
func (t *textReporter) shown(s secretome.Severity) bool {
	if !t.info.quiet {
		return true
	}
	if t.info.threshold.never {
		return s == secretome.SeverityError
	}
	return t.info.threshold.fails(s)
}

// prepare renders the dossier's text in a worker.
func (t *textReporter) prepare(info *runInfo, c *checked) {
	r := textReporter{info: info, b: new(bytes.Buffer)}
	r.render(c)
	c.rendered, c.prepared = r.b.Bytes(), true
}

// dossier writes the dossier's text, rendering it unless a worker did,
// and flushes it, so that people see each dossier as it is checked.
func (t *textReporter) dossier(c *checked) error {
	text := c.rendered
	if !c.prepared {
		t.b.Reset()
		t.render(c)
		text = t.b.Bytes()
	}
	if len(text) == 0 {
		return nil
	}
	t.out.Write(text)
	return t.out.Flush()
}

// render writes the dossier's text to t.b.
func (t *textReporter) render(c *checked) {
	st := c.status(t.info.threshold)
	if t.info.quiet && st == statusPass {
		return
	}
	b := t.b
	b.WriteString(t.paint(ansiBold, printable(c.name())))
	if p := c.product(); p != "" {
		b.WriteString("  ")
		b.WriteString(printable(p))
	}
	b.WriteString("  ")
	label := t.say("cli.status." + string(st))
	if st == statusPass {
		b.WriteString(t.paint(ansiGreen, label))
	} else {
		b.WriteString(t.paint(ansiRed, label))
	}
	b.WriteByte('\n')
	if c.ioErr != nil {
		t.item(secretome.SeverityError, false, ruleUnreadable, "", 0, 0, c.ioErr.Error(), "")
	}
	for _, p := range c.problems {
		if t.shown(p.Severity) {
			t.item(p.Severity, false, problemRule(p.Code), p.Path, p.Line, p.Column, p.Message, "")
		}
	}
	if c.report != nil {
		for _, j := range c.report.Jurisdictions {
			t.jurisdiction(c, &j)
		}
		if len(c.report.Unassessed) > 0 && !t.info.quiet {
			idx := make([]string, len(c.report.Unassessed))
			for i, u := range c.report.Unassessed {
				idx[i] = strconv.Itoa(u)
			}
			line := t.say("cli.unassessed", message.Text(strings.Join(idx, ", ")))
			t.lines("  ", "    ", t.wrap(line, 4))
		}
	}
}

func (t *textReporter) jurisdiction(c *checked, j *regulation.JurisdictionReport) {
	var fs []located
	for _, f := range c.findings {
		if f.Jurisdiction == j.Jurisdiction && t.shown(f.Severity) && (f.Waiver == nil || !t.info.quiet) {
			fs = append(fs, f)
		}
	}
	if t.info.quiet && len(fs) == 0 {
		return
	}
	if len(j.Uses) == 0 && len(fs) == 0 && !t.info.asked[j.Jurisdiction] {
		return // no use there: a classification alone would read as a check passed
	}
	head := j.Jurisdiction + " " + j.Name
	if j.Classification != "" {
		head += ": " + j.Classification
	}
	head = printable(head)
	lines := t.wrap(head, 4)
	lines[0] = t.paint(ansiBold, j.Jurisdiction) + lines[0][len(j.Jurisdiction):]
	t.lines("  ", "    ", lines)
	if !t.info.quiet {
		for _, u := range j.Uses {
			line := t.say("cli.use_verdict", message.Int(u.Index), classArg(t.info.lang, u.Class),
				spelling(t.info.lang, "verdict", u.Verdict.String()))
			if len(u.Missing) > 0 {
				line = t.say("cli.missing", message.Text(line), message.Text(strings.Join(u.Missing, "; ")))
			}
			t.lines("    ", "      ", t.wrap(printable(line), 6))
		}
	}
	for _, f := range fs {
		msg := f.Text()
		if f.Use != nil && !strings.HasPrefix(f.Path, "uses["+strconv.Itoa(*f.Use)+"]") {
			// The path does not show which use the finding is about
			// (a product field found wanting for one use).
			msg = t.say("cli.finding_use", message.Int(*f.Use), message.Text(msg))
		}
		cite := citationLine(f.Cited(), f.Provenance, t.info.lang)
		if w := f.Waiver; w != nil {
			// A waived finding is shown, with the waiver, but does not
			// count: its label says so instead of its severity.
			msg = t.say("cli.waived_finding", message.Text(msg), message.Enum("severity", f.Severity.String()),
				message.Text(w.ID), message.Text(w.ApprovedBy), message.Text(w.Expires.String()), message.Text(w.Reason))
		}
		t.item(f.Severity, f.Waiver != nil, f.RuleID, f.Path, f.Line, f.Column, msg, cite)
	}
}

// classArg names a use's class in lang. A class that is not there (the
// zero value, which a spelling the decoder rejected leaves behind) is said
// to be unread rather than shown as a blank.
func classArg(lang language.Tag, c regulation.UseClass) message.Arg {
	if c == regulation.UseClassUnspecified {
		return message.Term("cli.class_unread")
	}
	return spelling(lang, "use_class", c.String())
}

// spelling is an enumeration value as English output writes it, by its
// stable spelling ("marketed_therapeutic"), and as other languages do,
// by its display name ("produk terapi yang diedarkan").
func spelling(lang language.Tag, kind, s string) message.Arg {
	if lang == message.English {
		return message.Text(s)
	}
	return message.Enum(kind, s)
}

// waiverLine describes the waiver of a finding in a line.
func waiverLine(w *regulation.Waiver, lang language.Tag) string {
	if w.Expires.IsZero() {
		return message.New("cli.waiver", message.Text(w.ID), message.Text(w.ApprovedBy), message.Text(w.Reason)).In(lang)
	}
	return message.New("cli.waiver_until", message.Text(w.ID), message.Text(w.ApprovedBy), message.Text(w.Expires.String()),
		message.Text(w.Reason)).In(lang)
}

// item writes one finding or problem:
//
//	error    RULE-ID  field.path:line
//	         message
//	         citation
func (t *textReporter) item(sev secretome.Severity, waived bool, rule, path string, line, col int, msg, cite string) {
	rule, path, msg, cite = printable(rule), printable(path), printable(msg), printable(cite)
	b := t.b
	indent := "    "
	label := t.severity(sev)
	if waived {
		label = t.paint(ansiDim, fmt.Sprintf("%-*s", t.sevWidth(), t.say("cli.waived")))
	}
	fmt.Fprintf(b, "%s%s  %s", indent, label, t.paint(ansiBold, rule))
	where := path
	if where == "" {
		where = t.say("cli.dossier")
	}
	if line > 0 {
		where += ":" + strconv.Itoa(line)
	}
	fmt.Fprintf(b, "  %s\n", where)
	pad := indent + strings.Repeat(" ", t.sevWidth()+2)
	t.lines(pad, pad, t.wrap(msg, len(pad)))
	if cite != "" {
		lines := t.wrap(cite, len(pad))
		for i := range lines {
			lines[i] = t.paint(ansiDim, lines[i])
		}
		t.lines(pad, pad, lines)
	}
}

// minWrap is the narrowest text column wrapping makes: on a very narrow
// terminal, lines overflow rather than become a column of single words.
const minWrap = 24

// wrap splits s into lines that fit the output width after an indent of
// the given columns (see wrapText).
func (t *textReporter) wrap(s string, indent int) []string {
	return wrapText(s, t.info.width, indent)
}

// wrapText splits s into lines that fit width columns after an indent of
// the given columns, at spaces; a word longer than a line (a URL) is never
// broken. Without a width (0), s is one line.
func wrapText(s string, width, indent int) []string {
	avail := max(width-indent, minWrap)
	if width <= 0 || utf8.RuneCountInString(s) <= avail {
		return []string{s}
	}
	var (
		lines []string
		cur   strings.Builder
		n     int
	)
	for _, word := range strings.Fields(s) {
		wl := utf8.RuneCountInString(word)
		if n > 0 && n+1+wl > avail {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wl
	}
	return append(lines, cur.String())
}

// lines writes lines, the first after first and the others after rest.
func (t *textReporter) lines(first, rest string, lines []string) {
	for i, l := range lines {
		if i == 0 {
			t.b.WriteString(first)
		} else {
			t.b.WriteString(rest)
		}
		t.b.WriteString(l)
		t.b.WriteByte('\n')
	}
}

// printable makes text from a dossier safe to print on a terminal. A
// dossier is untrusted input: control characters in a product ID or a
// facility name could move the cursor, rewrite a line ("\r...PASS"),
// change colours or the window title, and bidirectional overrides could
// reorder what a reviewer reads. Each such character is shown escaped
// instead, as Go would quote it ("\x1b", "\u202e").
func printable(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune reports whether r is a control character (C0 but the space,
// DEL, C1) or a bidirectional formatting character.
func unsafeRune(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// citationLine renders a citation in one line: the instrument's number (or
// name), the article, the URL and the rule's provenance.
//
// The citation names the instrument as it was read, in every language;
// the provenance is a term of the library, shown in the language lang.
func citationLine(c regulation.Citation, p regulation.Provenance, lang language.Tag) string {
	var parts []string
	ref := c.Number
	if ref == "" {
		ref = c.Instrument
	}
	if c.Article != "" {
		ref += " " + c.Article
	}
	parts = append(parts, ref)
	if c.URL != "" {
		parts = append(parts, c.URL)
	}
	return strings.Join(parts, " ") + " [" + message.Name("provenance", p.String(), lang) + "]"
}

func (t *textReporter) end(s *summary) error {
	if t.info.quiet && s.Failed+s.Invalid+s.Unreadable == 0 {
		return t.out.Flush()
	}
	summary := t.say("cli.summary", message.Count{N: s.Dossiers, Noun: "noun.dossier"}, message.Text(t.info.asOf.String()),
		message.Int(s.Passed), message.Int(s.Failed), message.Int(s.Invalid), message.Int(s.Unreadable),
		message.Count{N: s.Errors, Noun: "noun.error"}, message.Count{N: s.Warnings, Noun: "noun.warning"},
		message.Count{N: s.Infos, Noun: "noun.note"})
	if s.Waived > 0 {
		summary = t.say("cli.summary_waived", message.Text(summary), message.Int(s.Waived))
	}
	t.out.WriteString(summary)
	t.out.WriteByte('\n')
	t.out.WriteString(auditLine(t.info))
	t.out.WriteByte('\n')
	return t.out.Flush()
}

// Rule IDs of the entries that are not findings of a rule: decode and
// validation problems ("dossier/" and the problem code) and unreadable
// inputs.
const (
	ruleUnreadable    = "input/unreadable"
	problemRulePrefix = "dossier/"
	waiversRulePrefix = "waivers/"
	waiverCodePrefix  = "waiver."
)

// problemRule is the rule ID of a problem: "dossier/" and its code, or
// "waivers/" and the rest of the code for a waiver's own problem
// ("waivers/expired").
func problemRule(code secretome.Code) string {
	if rest, ok := strings.CutPrefix(string(code), waiverCodePrefix); ok {
		return waiversRulePrefix + rest
	}
	return problemRulePrefix + string(code)
}

// gapRules describes the rule IDs of gaps, for the rule lists of SARIF
// output: text is the code of the description in the message catalogue.
var gapRules = []struct{ id, text string }{
	{ruleUnassessed, "cli.rule.unassessed"},
	{ruleUnknown, "cli.rule.unknown"},
}

// problemCodes lists the problem codes the packages define, with what
// each means (the code of its description in the message catalogue),
// for the rule lists of SARIF output. A code missing here is still
// reported, only without a ruleIndex.
var problemCodes = []struct {
	code secretome.Code
	text string
}{
	{secretome.CodeSyntax, "cli.rule.syntax"},
	{secretome.CodeUnknownField, "cli.rule.field.unknown"},
	{secretome.CodeType, "cli.rule.type"},
	{secretome.CodeNumber, "cli.rule.number"},
	{secretome.CodeEnum, "cli.rule.enum"},
	{secretome.CodeTrailing, "cli.rule.trailing"},
	{secretome.CodeTooLarge, "cli.rule.size"},
	{secretome.CodeRequired, "cli.rule.required"},
	{secretome.CodeRange, "cli.rule.range"},
	{secretome.CodeFormat, "cli.rule.format"},
	{secretome.CodeUnit, "cli.rule.unit"},
	{secretome.CodeDuplicate, "cli.rule.duplicate"},
	{secretome.CodeInconsistent, "cli.rule.inconsistent"},
	{secretome.CodeUnknownAnalyte, "cli.rule.analyte.unknown"},
	{secretome.CodeISCTNotMet, "cli.rule.isct.not_met"},
	{secretome.CodeISCTNotReported, "cli.rule.isct.not_reported"},
	{secretome.CodeEVIncomplete, "cli.rule.ev.incomplete"},
	{secretome.CodeDonorEligibility, "cli.rule.donor.eligibility"},
	{secretome.CodeBatchDeviation, "cli.rule.batch.deviation"},
	{regulation.CodeReference, "cli.rule.reference"},
	{regulation.CodeJurisdiction, "cli.rule.jurisdiction"},
	{evidence.CodeRoBToolMismatch, "cli.rule.rob.tool_mismatch"},
	{evidence.CodeRoBMissing, "cli.rule.rob.missing"},
	{evidence.CodeRoBIncomplete, "cli.rule.rob.incomplete"},
	{evidence.CodeRoBEscalation, "cli.rule.rob.escalation"},
	{evidence.CodeOutcomeData, "cli.rule.outcome.data"},
	{evidence.CodeDesignMismatch, "cli.rule.design.mismatch"},
	{policy.CodeWaiverExpired, "cli.rule.waiver.expired"},
	{policy.CodeWaiverUnused, "cli.rule.waiver.unused"},
	{policy.CodeWaiverNoDossier, "cli.rule.waiver.no_dossier"},
}

// auditLine sums up the audit record in a line: versions, the rule set's
// digest, and the files besides the shipped rules. "secretome check
// --format json" lists each rule's revision.
func auditLine(info *runInfo) string {
	a := &info.audit
	var b strings.Builder
	b.WriteString(message.New("cli.audit", message.Text(info.version), message.Text(a.Library),
		message.Count{N: len(a.Rules), Noun: "noun.rule"}, message.Text(a.Digest)).In(info.lang))
	for _, in := range a.Inputs {
		fmt.Fprintf(&b, "; %s %s %s", in.Kind, in.Name, in.Digest)
	}
	return b.String()
}
