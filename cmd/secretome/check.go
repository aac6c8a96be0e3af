package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/policy"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// checked is the outcome of checking one dossier: a file, standard input
// or one record of a JSON Lines file.
type checked struct {
	// aux marks an input that is not a dossier (the waivers file): it is
	// not counted among the dossiers.
	aux      bool
	seq      int
	src      *source
	line     int   // line of the record in a JSON Lines file; 0 otherwise
	ioErr    error // the input could not be read
	problems []secretome.Problem
	report   *regulation.Report
	findings []located
	// gaps lists the uses no rule settled, in dossier order.
	gaps []gap
	// prepared is set once the reporter prepared the dossier's output
	// in a worker (see preparer): rendered is the output, and tally what
	// the reporter counts across dossiers from it (SARIF results, GitHub
	// annotations by kind).
	prepared bool
	rendered []byte
	tally    [3]int
	// text is the buffer the dossier's text was read into (a file or a
	// JSON Lines record), which the writer hands back for another
	// dossier once this one's output is written. The outcome does not
	// refer to it: the library copies what it keeps of a text.
	text []byte
}

// gap is a use that the assessment did not settle: a use in a
// jurisdiction that was not assessed, or one whose verdict is unknown.
// Every output format shows gaps, so that no use passes in silence;
// --fail-on unknown (--strict) fails on them.
type gap struct {
	// Use is the index of the use in the dossier.
	Use int
	// Jurisdiction is the use's jurisdiction for an unassessed use, and
	// the jurisdiction whose verdict is unknown otherwise.
	Jurisdiction string
	// Unassessed is true for a use whose jurisdiction was not assessed.
	Unassessed bool
	// Path is the field the gap concerns: the use's jurisdiction, or
	// the use.
	Path         string
	Message      string
	Line, Column int
}

// Rule IDs of gaps, beside the rules and problem codes.
const (
	ruleUnassessed = "use/unassessed"
	ruleUnknown    = "use/unknown"
)

func (g *gap) rule() string {
	if g.Unassessed {
		return ruleUnassessed
	}
	return ruleUnknown
}

// severity is how a gap is shown: as an error when the run fails on
// unknowns, else as a note.
func (g *gap) severity(t threshold) secretome.Severity {
	if t.unknown {
		return secretome.SeverityError
	}
	return secretome.SeverityInfo
}

// gapsOf lists the uses of the dossier that the report leaves unsettled,
// with their messages in the language tag. English text names the use
// class by its spelling, as the other outputs do; other languages by the
// class's display name.
func gapsOf(d *regulation.Dossier, rep *regulation.Report, tag language.Tag) []gap {
	class := func(c regulation.UseClass) message.Arg { return classArg(tag, c) }
	say := func(code string, args ...message.Arg) string { return message.New(code, args...).In(tag) }
	var out []gap
	for _, i := range rep.Unassessed {
		u := &d.Uses[i]
		out = append(out, gap{Use: i, Jurisdiction: u.Jurisdiction, Unassessed: true,
			Path:    fmt.Sprintf("uses[%d].jurisdiction", i),
			Message: say("cli.gap.unassessed", message.Int(i), class(u.Class), message.Text(u.Jurisdiction))})
	}
	for _, j := range rep.Jurisdictions {
		for _, ua := range j.Uses {
			if ua.Verdict != regulation.VerdictUnknown {
				continue
			}
			why := message.New("cli.gap.undecided")
			switch {
			case len(ua.InvalidPaths) > 0:
				why = message.New("cli.gap.invalid", regulation.PathsArg(ua.InvalidPaths))
			case len(ua.Rules) > 0:
				why = message.New("cli.gap.could_not_tell", message.Text(strings.Join(ua.Rules, ", ")))
			}
			out = append(out, gap{Use: ua.Index, Jurisdiction: j.Jurisdiction, Path: fmt.Sprintf("uses[%d]", ua.Index),
				Message: say("cli.gap.unknown", message.Int(ua.Index), class(ua.Class), message.Text(j.Jurisdiction), why)})
		}
	}
	slices.SortStableFunc(out, func(a, b gap) int { return cmp.Compare(a.Use, b.Use) })
	return out
}

// located is a finding with its place in the source text.
type located struct {
	regulation.Finding
	Line, Column int
}

// name is how outputs show the dossier: its path, and for a JSON Lines
// record the line ("batch.jsonl:17").
func (c *checked) name() string {
	if c.line > 0 {
		return fmt.Sprintf("%s:%d", c.src.name(), c.line)
	}
	return c.src.name()
}

// status says what became of a dossier, in the words of the JSON output.
type status string

const (
	statusPass       status = "pass"       // nothing at or above --fail-on
	statusFail       status = "fail"       // findings at or above --fail-on
	statusInvalid    status = "invalid"    // the dossier could not be decoded or is invalid
	statusUnreadable status = "unreadable" // the input could not be read
)

// threshold is the --fail-on level; never fails on nothing, and unknown
// fails on warnings and on uses no rule settled (gaps).
type threshold struct {
	sev     secretome.Severity
	never   bool
	unknown bool
}

func (t threshold) fails(s secretome.Severity) bool { return !t.never && s >= t.sev }

func (c *checked) status(t threshold) status {
	switch {
	case c.ioErr != nil:
		return statusUnreadable
	case hasErrors(c.problems):
		return statusInvalid
	}
	for _, p := range c.problems {
		if t.fails(p.Severity) {
			return statusFail
		}
	}
	for _, f := range c.findings {
		if f.Waiver == nil && t.fails(f.Severity) {
			return statusFail
		}
	}
	if t.unknown && len(c.gaps) > 0 {
		return statusFail
	}
	return statusPass
}

// product names the dossier's product, when it was decoded.
func (c *checked) product() string {
	if c.report == nil {
		return ""
	}
	return c.report.Product
}

// summary counts what a check run found.
type summary struct {
	Dossiers   int `json:"dossiers"`
	Passed     int `json:"passed"`
	Failed     int `json:"failed"`
	Invalid    int `json:"invalid"`
	Unreadable int `json:"unreadable"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	// Waived counts the findings waivers withdrew; they are not counted
	// among errors, warnings and infos.
	Waived int `json:"waived"`
	// auxFailed is set when an input that is not a dossier (the waivers
	// file) has problems at or above --fail-on.
	auxFailed bool
}

func (s *summary) add(c *checked, t threshold) {
	if c.aux {
		s.auxFailed = s.auxFailed || c.status(t) == statusFail
	} else {
		s.addStatus(c.status(t))
	}
	count := func(sev secretome.Severity) {
		switch sev {
		case secretome.SeverityError:
			s.Errors++
		case secretome.SeverityWarning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	if c.ioErr != nil {
		s.Errors++
	}
	for _, p := range c.problems {
		count(p.Severity)
	}
	for _, f := range c.findings {
		if f.Waiver != nil {
			s.Waived++
			continue
		}
		count(f.Severity)
	}
	for i := range c.gaps {
		count(c.gaps[i].severity(t))
	}
}

// addStatus counts one dossier of the status.
func (s *summary) addStatus(st status) {
	s.Dossiers++
	switch st {
	case statusPass:
		s.Passed++
	case statusFail:
		s.Failed++
	case statusInvalid:
		s.Invalid++
	case statusUnreadable:
		s.Unreadable++
	}
}

// runInfo is what every output format knows before the first dossier.
type runInfo struct {
	version       string
	asOf          secretome.Date
	jurisdictions []string
	failOn        string
	threshold     threshold
	rules         []regulation.RuleInfo
	format        string
	// asked holds the jurisdictions named by --jurisdiction: they are
	// shown even where the dossier has no use.
	asked map[string]bool
	// audit records the rules, policy files and waivers of the run.
	audit regulation.Audit
	// waivers is the waivers file, whose own problems (waivers expired
	// or unused) are reported as one more entry after the dossiers.
	waivers *source
	quiet   bool
	// lang is the language of the messages (--lang).
	lang  language.Tag
	color bool
	// width is the width text output wraps to; 0 for no wrapping.
	width int
}

// reporter writes the results of a check run in one format. dossier is
// called in input order; end once at the end.
type reporter interface {
	begin(info *runInfo) error
	dossier(c *checked) error
	end(s *summary) error
}

// preparer is implemented by reporters that render a dossier's output in
// the workers, in any order and in parallel: prepare sets
// checked.rendered (and checked.tally, the counts the reporter keeps
// across dossiers), and dossier, called in input order, only writes the
// bytes out and merges the counts: a comma between SARIF results, the
// number of GitHub annotations of each kind. prepare must read nothing of
// the reporter but what begin set up, which begin does before any worker
// starts and which does not change afterwards, and what is safe for
// concurrent use (a sync.Pool of scratch buffers).
type preparer interface {
	prepare(info *runInfo, c *checked)
}

// output returns the dossier's prepared output, preparing it first when
// no worker did (the waivers entry, which the writer makes).
func output(p preparer, info *runInfo, c *checked) []byte {
	if !c.prepared {
		p.prepare(info, c)
	}
	return c.rendered
}

// flushFull flushes b once it holds 32 KiB, so that output streams while
// memory stays small.
func flushFull(b *bufio.Writer) error {
	if b.Buffered() > 32<<10 {
		return b.Flush()
	}
	return nil
}

var formats = []string{"text", "json", "sarif", "junit", "github"}

func newReporter(format string, w io.Writer) reporter {
	switch format {
	case "json":
		return &jsonReporter{w: w}
	case "sarif":
		return &sarifReporter{w: w}
	case "junit":
		return &junitReporter{w: w}
	case "github":
		return &githubReporter{w: w}
	}
	return &textReporter{w: w}
}

func runCheck(e *env, args []string) (int, error) {
	c, paths, jsonl, err := newCheck(e, args)
	if err != nil {
		return exitUsage, err
	}
	sum, err := c.run(paths, jsonl)
	if err != nil {
		return exitUsage, err
	}
	switch {
	case sum.Unreadable > 0:
		return exitUsage, nil
	case sum.Failed > 0 || sum.auxFailed || (sum.Invalid > 0 && !c.info.threshold.never):
		return exitFindings, nil
	}
	return exitOK, nil
}

// newCheck reads a check command line and prepares its run: the checker,
// the paths to check and whether they are JSON Lines. An error is a
// mistake in the command line or in the files it names (rules, waivers).
func newCheck(e *env, args []string) (c *checker, paths []string, jsonl bool, err error) {
	fs := newFlagSet(e, "check", "[flags] PATH...")
	var juris listFlag
	fs.Var(&juris, "jurisdiction", e.say("cli.flag.check.jurisdiction"))
	asOf := fs.String("as-of", "", e.say("cli.flag.check.as_of"))
	format := &choiceFlag{value: "text", allowed: formats}
	fs.Var(format, "format", e.say("cli.flag.format", message.Text(strings.Join(formats, ", "))))
	failOn := &choiceFlag{value: "error", allowed: []string{"error", "warning", "unknown", "never"}}
	fs.Var(failOn, "fail-on", e.say("cli.flag.check.fail_on"))
	strict := fs.Bool("strict", false, e.say("cli.flag.check.strict"))
	quiet := fs.Bool("quiet", false, e.say("cli.flag.check.quiet"))
	jsonlFlag := fs.Bool("jsonl", false, e.say("cli.flag.check.jsonl"))
	var policyDirs pathsFlag
	fs.Var(&policyDirs, "policy", e.say("cli.flag.policy_add"))
	waiversFile := fs.String("waivers", "", e.say("cli.flag.check.waivers"))
	paths, err = parseFlags(fs, args)
	if err != nil {
		return nil, nil, false, err
	}
	tag := e.lang
	if len(paths) == 0 {
		return nil, nil, false, usageIn(tag, "cli.check.no_paths")
	}
	if n := slices.Index(paths, "-"); n >= 0 && slices.Index(paths[n+1:], "-") >= 0 {
		return nil, nil, false, usageIn(tag, "cli.check.stdin_twice")
	}
	if *strict {
		if failOn.set && failOn.value != "unknown" {
			return nil, nil, false, usageIn(tag, "cli.check.strict_fail_on", message.Text(failOn.value))
		}
		failOn.value = "unknown"
	}
	info := &runInfo{version: moduleVersion(), failOn: failOn.value, format: format.value, quiet: *quiet, lang: tag}
	switch failOn.value {
	case "unknown":
		info.threshold = threshold{sev: secretome.SeverityWarning, unknown: true}
	case "warning":
		info.threshold = threshold{sev: secretome.SeverityWarning}
	case "never":
		info.threshold = threshold{never: true}
	default:
		info.threshold = threshold{sev: secretome.SeverityError}
	}
	info.asOf = secretome.DateOf(time.Now())
	if *asOf != "" {
		d, err := secretome.ParseDate(*asOf)
		if err != nil {
			return nil, nil, false, flagValueError(tag, "as-of", err)
		}
		info.asOf = d
	}
	rules, policies, err := loadRules(tag, policyDirs)
	if err != nil {
		return nil, nil, false, err
	}
	inputs := policies.Inputs()
	var waivers *policy.WaiverRun
	if *waiversFile != "" {
		ws, err := loadWaivers(tag, *waiversFile)
		if err != nil {
			return nil, nil, false, err
		}
		waivers = ws.Run(info.asOf)
		inputs = append(inputs, ws.Input())
		info.waivers = &source{path: *waiversFile, syntax: syntaxSniff}
	}
	have := rules.Jurisdictions()
	for _, j := range juris {
		if !slices.Contains(have, j) {
			return nil, nil, false, usageIn(tag, "cli.check.no_rules_for", message.Text(strconv.Quote(j)), message.Text(strings.Join(have, ", ")))
		}
	}
	info.asked = map[string]bool{}
	for _, j := range juris {
		info.asked[j] = true
	}
	for _, every := range []string{regulation.Baseline, regulation.House} {
		if len(juris) > 0 && slices.Contains(have, every) {
			// The quality baseline and house rules apply whatever the
			// jurisdiction.
			juris = append(juris, every)
		}
	}
	assessor, err := regulation.NewAssessor(rules, regulation.Options{Jurisdictions: juris, AsOf: info.asOf})
	if err != nil {
		return nil, nil, false, usagef("%v", err)
	}
	info.jurisdictions = assessor.Jurisdictions()
	info.rules = assessor.Rules()
	info.audit = assessor.Audit(inputs...)
	info.audit.Inputs = inputs // as given, in order
	warnNoRules(e, info)
	if format.value == "text" {
		info.color = colorAllowed(e, e.stdout)
		info.width = wrapWidth(e, e.stdout)
	}
	rep := newReporter(format.value, e.stdout)
	return &checker{env: e, assessor: assessor, info: info, rep: rep, waivers: waivers}, paths, *jsonlFlag, nil
}

// warnNoRules says on standard error which assessed jurisdictions have no
// rule in force on the as-of day (a date before their rules took effect,
// or a mistyped year): their verdicts are all "unknown" without a finding
// to say why.
func warnNoRules(e *env, info *runInfo) {
	inForce := map[string]bool{}
	for _, r := range info.rules {
		inForce[r.Jurisdiction] = true
	}
	var none []string
	for _, j := range info.jurisdictions {
		if !inForce[j] {
			none = append(none, j)
		}
	}
	if len(none) > 0 {
		fmt.Fprintln(e.stderr, message.New("cli.check.none_in_force",
			message.Text(strings.Join(none, ", ")), message.Text(info.asOf.String())).In(info.lang))
	}
}

// checker runs one check: a producer lists dossiers, a pool of workers
// decodes and assesses them, and the caller's goroutine writes results in
// input order. At most window dossiers are in flight, and at most as
// many as runBudget has room for (see budget.go), so memory stays bounded
// however many dossiers a JSON Lines stream holds and however large they
// are.
type checker struct {
	env      *env
	assessor *regulation.Assessor
	info     *runInfo
	rep      reporter
	waivers  *policy.WaiverRun // nil without --waivers
	// texts holds buffers of dossier texts already checked and written
	// out, to read the next files and records into (*[]byte).
	texts sync.Pool
}

// maxPooledText is the largest buffer kept for reuse, of a dossier's text
// or of its output: the bundled dossiers are 3 to 18 KB and their JSON
// entries up to 40 KB, and a rare large one is left to the collector.
const maxPooledText = 1 << 20

// textBuffer returns a buffer to read a dossier's text into: one given
// back by recycle, or nil.
func (c *checker) textBuffer() []byte {
	if p, ok := c.texts.Get().(*[]byte); ok {
		return *p
	}
	return nil
}

// recycle hands back the buffer of a dossier whose output is written.
func (c *checker) recycle(r *checked) {
	if b := r.text; cap(b) > 0 && cap(b) <= maxPooledText {
		b = b[:0]
		c.texts.Put(&b)
	}
	r.text = nil
}

type job struct {
	seq  int
	src  *source
	line int
	data []byte             // the dossier, for records and standard input
	prob *secretome.Problem // set instead of data for an oversized record
	err  error              // the input failed before a dossier was read
	cost int                // units of the memory budget the job holds
	// sized is the part of the job's cost that grows with its size,
	// which the collector's memory limit follows (see memoryLimit).
	sized int64
	// regular is set when the producer found the file named a regular
	// file (see sizeOf).
	regular bool
}

func (c *checker) run(paths []string, jsonl bool) (*summary, error) {
	ctx, cancel := context.WithCancel(c.env.ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	window := 8*workers + 16
	sources := collect(paths, jsonl)
	// begin runs before the workers start: what it sets up (the SARIF
	// rule index) is then read by prepare without locks.
	if err := c.rep.begin(c.info); err != nil {
		return nil, err
	}

	// The producer runs ahead of the workers by up to window jobs, each
	// holding its slot and its memory, so that a worker that finishes a
	// dossier takes the next one without waiting for the producer to be
	// scheduled: with an unbuffered channel the workers and the producer
	// took turns, and the cores sat idle a sixth of a run.
	jobs := make(chan job, window)
	results := make(chan *checked, window)
	slots := make(chan struct{}, window)
	mem := newBudget(runBudget)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prep, _ := c.rep.(preparer)
			for j := range jobs {
				r := c.check(ctx, j)
				mem.release(j.cost)
				c.env.limit.add(-j.sized)
				if prep != nil {
					prep.prepare(c.info, r)
				}
				results <- r
			}
		}()
	}
	go func() {
		c.produce(ctx, sources, jobs, slots, mem)
		close(jobs)
		wg.Wait()
		close(results)
	}()

	prog := newProgress(c.env, c.info.quiet, countFiles(sources))
	sum := &summary{}
	pending := map[int]*checked{}
	next := 0
	var werr error
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if werr != nil {
				continue
			}
			sum.add(r, c.info.threshold)
			if r.ioErr != nil && !c.info.quiet && c.info.format != "text" {
				// Unreadable inputs also go to standard error, where CI
				// logs show them when the output is a report file.
				fmt.Fprintf(c.env.stderr, "secretome: %s: %v\n", r.name(), r.ioErr)
			}
			if werr = c.rep.dossier(r); werr != nil {
				cancel()
			}
			// The dossier's output is written: its text buffer takes
			// another dossier.
			c.recycle(r)
			prog.tick(sum.Dossiers)
		}
	}
	prog.done()
	if werr != nil {
		return nil, werr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c.waivers != nil {
		// The waivers file is reported last, when it is known which
		// waivers matched nothing.
		if w := c.waiversChecked(next); w != nil {
			sum.add(w, c.info.threshold)
			if err := c.rep.dossier(w); err != nil {
				return nil, err
			}
		}
	}
	return sum, c.rep.end(sum)
}

// countFiles returns how many dossiers the sources hold when that is
// known in advance (no JSON Lines), else -1.
func countFiles(sources []source) int {
	for _, s := range sources {
		if s.syntax == syntaxJSONL {
			return -1
		}
	}
	return len(sources)
}

// produce sends one job per dossier, in order, waiting for a free slot
// and for the memory the dossier will take before each.
func (c *checker) produce(ctx context.Context, sources []source, jobs chan<- job, slots chan struct{}, mem *budget) {
	seq := 0
	send := func(j job) bool {
		syn := j.src.syntax
		if syn == syntaxJSONL {
			syn = syntaxJSON
		}
		want := docCost(sizeOf(&j), syn)
		cost, ok := mem.acquire(ctx, want)
		if !ok {
			return false
		}
		j.cost, j.sized = cost, sizeCost(want)
		c.env.limit.add(j.sized)
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			mem.release(cost)
			c.env.limit.add(-j.sized)
			return false
		}
		j.seq = seq
		seq++
		select {
		case jobs <- j:
			return true
		case <-ctx.Done():
			mem.release(cost)
			c.env.limit.add(-j.sized)
			return false
		}
	}
	for i := range sources {
		src := &sources[i]
		switch {
		case src.openErr != nil:
			if !send(job{src: src, err: src.openErr}) {
				return
			}
		case src.syntax == syntaxJSONL:
			if !c.produceLines(ctx, src, send) {
				return
			}
		case src.path == "-":
			data, prob, err := readBounded(c.env.stdin)
			if !send(job{src: src, data: data, prob: prob, err: err}) {
				return
			}
		default:
			if !send(job{src: src}) {
				return
			}
		}
	}
}

// produceLines sends one job per record of a JSON Lines source.
func (c *checker) produceLines(ctx context.Context, src *source, send func(job) bool) bool {
	var r io.Reader = c.env.stdin
	if src.path != "-" {
		f, _, err := openFile(src.path)
		if err != nil {
			return send(job{src: src, err: err})
		}
		defer f.Close()
		r = f
	}
	lr := newLineReader(r)
	for records := 0; ctx.Err() == nil; records++ {
		rec, err := lr.next(c.textBuffer())
		if errors.Is(err, io.EOF) {
			if records == 0 {
				return send(job{src: src, err: errNoRecords})
			}
			return true
		}
		if err != nil {
			return send(job{src: src, line: lr.line, err: err})
		}
		if !send(job{src: src, line: rec.line, data: rec.data, prob: rec.problem}) {
			return false
		}
	}
	return false
}

// check decodes and assesses one dossier.
func (c *checker) check(ctx context.Context, j job) *checked {
	out := &checked{seq: j.seq, src: j.src, line: j.line}
	data, prob, err := j.data, j.prob, j.err
	switch {
	case err != nil || prob != nil || data != nil || j.src.path == "-" || j.line != 0:
	case j.regular:
		data, prob, err = readExamined(j.src.path, c.textBuffer())
	default:
		data, prob, err = readFile(j.src.path)
	}
	if j.regular || j.line != 0 {
		out.text = data
	}
	switch {
	case err != nil:
		out.ioErr = &ioError{path: j.src.path, err: err, lang: c.info.lang}
		return out
	case prob != nil:
		p := *prob
		if j.line > 0 {
			p.Line = j.line
		}
		out.problems = []secretome.Problem{p}
		return out
	}
	syn := j.src.syntax
	if syn == syntaxJSONL {
		syn = syntaxJSON
	}
	dec := decode(data, syn, j.line)
	out.problems = dec.problems
	if c.info.lang != message.English {
		for i := range out.problems {
			out.problems[i].Message = out.problems[i].In(c.info.lang)
		}
	}
	d := dec.reading.Dossier
	if d == nil {
		return out
	}
	var waive regulation.WaiveFunc
	if c.waivers != nil {
		waive = c.waivers.For(j.src.path, d.Product.ID)
	}
	// The one way a dossier becomes a report, as for a library's host: a
	// dossier with errors is assessed as far as it was read, its
	// findings and verdicts the errors bear on marked.
	rep, err := c.assessor.AssessReading(ctx, dec.reading, waive)
	if err != nil {
		out.problems = append(out.problems, secretome.Problem{Code: "assess", Severity: secretome.SeverityError,
			Message: "the assessment failed: " + err.Error()})
		return out
	}
	rep.Problems = nil // the problems are out.problems, placed in the file
	if c.info.lang != message.English {
		rep = rep.Localize(c.info.lang)
	}
	out.report = rep
	fs := rep.Findings()
	out.findings = make([]located, len(fs))
	for i, f := range fs {
		at := dec.place(regulation.Position{Line: f.Line, Column: f.Column})
		out.findings[i] = located{Finding: f, Line: at.line, Column: at.col}
	}
	out.gaps = gapsOf(d, rep, c.info.lang)
	paths := make([]string, len(out.gaps))
	for i := range out.gaps {
		paths[i] = out.gaps[i].Path
	}
	for i, at := range dec.locate(paths) {
		out.gaps[i].Line, out.gaps[i].Column = at.line, at.col
	}
	return out
}

// waiversChecked returns the entry of the waivers file: a warning for
// each waiver that expired, applied to no dossier checked or matched no
// finding, or nil when there is none.
func (c *checker) waiversChecked(seq int) *checked {
	probs := c.waivers.Problems()
	if len(probs) == 0 {
		return nil
	}
	out := &checked{seq: seq, src: c.info.waivers, aux: true}
	for _, p := range probs {
		out.problems = append(out.problems, secretome.Problem{Path: p.Path, Code: secretome.Code(p.Code),
			Severity: secretome.SeverityWarning, Message: p.Message, Text: p.Text, Line: p.Line, Column: p.Column})
	}
	return out
}

// loadWaivers reads and decodes a waivers file; its problems are in the
// language tag.
func loadWaivers(tag language.Tag, name string) (*policy.Waivers, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("--waivers: %w", err)
	}
	ws, err := policy.LoadWaivers(name, data)
	if err != nil {
		return nil, &langError{prefix: "--waivers: ", err: err, tag: tag}
	}
	return ws, nil
}
