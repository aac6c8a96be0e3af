package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// gradeSchemaVersion names the JSON output format of the grade command.
const gradeSchemaVersion = "secretomekit/grade/v1"

// gradeOutput is the JSON output of "secretome grade --format json".
type gradeOutput struct {
	Schema   string        `json:"schema"`
	Dossiers []gradeResult `json:"dossiers"`
}

// gradeResult is the evidence summary of one dossier.
type gradeResult struct {
	Source string `json:"source"`
	// Line is the line of the record in a JSON Lines file.
	Line     int               `json:"line,omitempty"`
	Product  string            `json:"product,omitempty"`
	Problems []jsonProblem     `json:"problems"`
	Summary  *evidence.Summary `json:"summary,omitempty"`
	// Plots lists the forest plots written with --svg.
	Plots []string `json:"plots,omitempty"`
}

func runGrade(e *env, args []string) (int, error) {
	fs := newFlagSet(e, "grade", "[flags] PATH...")
	indication := fs.String("indication", "", e.say("cli.flag.grade.indication"))
	outcome := fs.String("outcome", "", e.say("cli.flag.grade.outcome"))
	svgDir := fs.String("svg", "", e.say("cli.flag.grade.svg"))
	format := &choiceFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", e.say("cli.flag.format_text_json"))
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(paths) == 0 {
		return exitUsage, usageIn(e.lang, "cli.grade.no_paths")
	}
	if *indication != "" {
		if _, err := evidence.ConditionRevision(*indication); err != nil {
			return exitUsage, flagValueError(e.lang, "indication", err)
		}
	}
	if *svgDir != "" {
		if err := os.MkdirAll(*svgDir, 0o755); err != nil {
			return exitUsage, err
		}
	}
	g := &grader{env: e, q: evidence.Question{Indication: *indication, Outcome: *outcome}, svgDir: *svgDir,
		out: &gradeText{b: bufio.NewWriter(e.stdout), lang: e.lang}}
	if format.value == "json" {
		g.out = &gradeJSON{w: e.stdout}
	}
	for _, src := range collect(paths, false) {
		if err := g.source(src); err != nil {
			return exitUsage, err
		}
	}
	return g.code, g.out.end()
}

// gradeWriter writes the results of a grade run as they come, so that a
// long JSON Lines input is graded in bounded memory: nothing but the
// result being written is held.
type gradeWriter interface {
	result(r *gradeResult) error
	end() error
}

// gradeJSON writes the gradeOutput document one dossier at a time, in
// the layout an indenting encoder gives the whole.
type gradeJSON struct {
	w io.Writer
	n int
}

func (j *gradeJSON) result(r *gradeResult) error {
	head := ",\n    "
	if j.n == 0 {
		head = "{\n  \"schema\": \"" + gradeSchemaVersion + "\",\n  \"dossiers\": [\n    "
	}
	j.n++
	data, err := json.MarshalIndent(r, "    ", "  ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(j.w, head+string(data))
	return err
}

func (j *gradeJSON) end() error {
	tail := "\n  ]\n}\n"
	if j.n == 0 {
		tail = "{\n  \"schema\": \"" + gradeSchemaVersion + "\",\n  \"dossiers\": []\n}\n"
	}
	_, err := io.WriteString(j.w, tail)
	return err
}

// gradeText writes each result as a block of text for people, in the
// language lang.
type gradeText struct {
	b    *bufio.Writer
	n    int
	lang language.Tag
}

func (t *gradeText) result(r *gradeResult) error {
	if t.n > 0 {
		t.b.WriteByte('\n')
	}
	t.n++
	writeGradeText(t.b, r, t.lang)
	return t.b.Flush()
}

func (t *gradeText) end() error { return t.b.Flush() }

// grader grades the dossiers of one grade run.
type grader struct {
	env    *env
	q      evidence.Question
	svgDir string
	out    gradeWriter
	code   int
}

// source grades the dossier of one input, or each record of a JSON Lines
// input. Unreadable inputs are named on standard error; an error stops
// the run.
func (g *grader) source(src source) error {
	if src.openErr == nil && src.syntax == syntaxJSONL {
		return g.lines(src)
	}
	var (
		text []byte
		prob *secretome.Problem
		err  = src.openErr
	)
	switch {
	case err != nil:
	case src.path == "-":
		text, prob, err = readBounded(g.env.stdin)
	default:
		text, prob, err = readFile(src.path)
	}
	if err != nil {
		g.unreadable(src.name(), err)
		return nil
	}
	return g.dossier(gradeResult{Source: src.name()}, text, prob, src.syntax, 0)
}

// lines grades each record of a JSON Lines file.
func (g *grader) lines(src source) error {
	var r io.Reader = g.env.stdin
	if src.path != "-" {
		f, _, err := openFile(src.path)
		if err != nil {
			g.unreadable(src.name(), err)
			return nil
		}
		defer f.Close()
		r = f
	}
	lr := newLineReader(r)
	for records := 0; ; records++ {
		rec, err := lr.next(nil)
		if errors.Is(err, io.EOF) {
			if records == 0 {
				g.unreadable(src.name(), errNoRecords)
			}
			return nil
		}
		if err != nil {
			g.unreadable(fmt.Sprintf("%s:%d", src.name(), lr.line), err)
			return nil
		}
		if err := g.dossier(gradeResult{Source: src.name(), Line: rec.line}, rec.data, rec.problem, syntaxJSON, rec.line); err != nil {
			return err
		}
	}
}

func (g *grader) unreadable(name string, err error) {
	fmt.Fprintf(g.env.stderr, "secretome grade: %s: %v\n", name, err)
	g.code = exitUsage
}

// dossier grades one dossier read as text, or records prob, the problem
// that kept it from being read.
func (g *grader) dossier(res gradeResult, text []byte, prob *secretome.Problem, syn syntax, line int) error {
	res.Problems = []jsonProblem{}
	if prob != nil {
		p := *prob
		if line > 0 {
			p.Line = line
		}
		p.Message = p.In(g.env.lang)
		res.Problems = append(res.Problems, problemJSON(p))
		g.code = max(g.code, exitFindings)
		return g.out.result(&res)
	}
	dec := decode(text, syn, line)
	for _, p := range dec.problems {
		p.Message = p.In(g.env.lang)
		res.Problems = append(res.Problems, problemJSON(p))
	}
	if dec.dossier == nil {
		g.code = max(g.code, exitFindings)
		return g.out.result(&res)
	}
	d := dec.dossier
	res.Product = d.Product.ID
	if res.Product == "" {
		res.Product = d.Product.Name
	}
	sum := evidence.Summarize(d.Studies, g.q)
	res.Summary = &sum
	if g.svgDir != "" {
		plots, err := writePlots(g.svgDir, res.Product, d.Studies, &sum)
		if err != nil {
			return err
		}
		res.Plots = plots
	}
	return g.out.result(&res)
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// writePlots draws a forest plot of every row of the summary that pooled
// two or more studies, named after the product, indication and outcome.
// It returns the files written.
func writePlots(dir, product string, studies []evidence.Study, sum *evidence.Summary) ([]string, error) {
	var files []string
	for _, row := range sum.Rows {
		if row.Pooled == nil {
			continue
		}
		effects, ok := rowEffects(studies, &row)
		if !ok {
			continue
		}
		var buf bytes.Buffer
		title := fmt.Sprintf("%s: %s, %s", product, row.Indication, row.Outcome)
		if err := evidence.WriteForestSVG(&buf, effects, *row.Pooled, evidence.ForestOptions{Title: title}); err != nil {
			return files, fmt.Errorf("forest plot of %s: %w", title, err)
		}
		name := unsafeName.ReplaceAllString(strings.Join([]string{product, row.Indication, row.Outcome}, "_"), "-") + ".svg"
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

// rowEffects returns the effects a row pooled, in the order of its
// weights, labelled with the study IDs.
func rowEffects(studies []evidence.Study, row *evidence.SummaryRow) ([]evidence.Effect, bool) {
	var out []evidence.Effect
	for _, id := range row.Assessment.EstimateStudies {
		var found bool
		for i := range studies {
			s := &studies[i]
			if s.ID != id {
				continue
			}
			for j := range s.Outcomes {
				o := &s.Outcomes[j]
				if row.Outcome != "" && !strings.EqualFold(strings.TrimSpace(o.Name), row.Outcome) {
					continue
				}
				eff, err := o.Effect(row.Pooled.Measure)
				if err != nil {
					return nil, false
				}
				eff.Label = id
				out = append(out, eff)
				found = true
				break
			}
			break
		}
		if !found {
			return nil, false
		}
	}
	return out, len(out) == row.Pooled.K
}

// writeGradeText writes one result as a block of text for people, in the
// language lang, the reasons of each GRADE assessment included.
func writeGradeText(b *bufio.Writer, r *gradeResult, lang language.Tag) {
	say := func(code string, args ...message.Arg) string { return message.New(code, args...).In(lang) }
	b.WriteString(printable(r.Source))
	if r.Line > 0 {
		fmt.Fprintf(b, ":%d", r.Line)
	}
	if r.Product != "" {
		b.WriteString("  " + printable(r.Product))
	}
	b.WriteByte('\n')
	for _, p := range r.Problems {
		fmt.Fprintf(b, "  %s %s %s: %s\n", message.Name("severity", p.Severity, lang), "dossier/"+p.Code, printable(where(p.Path, p.Line, lang)), printable(p.Message))
	}
	if r.Summary == nil {
		return
	}
	if len(r.Summary.Rows) == 0 {
		b.WriteString("  " + say("cli.grade.no_studies") + "\n")
	}
	for _, row := range r.Summary.Rows {
		outcome := row.Outcome
		if outcome == "" {
			outcome = say("cli.grade.no_outcome")
		}
		fmt.Fprintf(b, "  %s — %s\n", printable(orDash(row.Indication)), printable(outcome))
		var designs []string
		for _, dc := range row.Designs {
			designs = append(designs, fmt.Sprintf("%d %s", dc.Count, dc.Design))
		}
		b.WriteString("    " + say("cli.grade.studies", message.Text(printable(strings.Join(row.Studies, ", "))), message.Text(strings.Join(designs, ", "))) + "\n")
		if row.BestLevel > 0 {
			b.WriteString("    " + say("cli.grade.level", message.Int(row.BestLevel), message.Text(printable(row.BestLevelStudy))) + "\n")
		} else {
			b.WriteString("    " + say("cli.grade.level_none") + "\n")
		}
		b.WriteString("    " + say("cli.grade.certainty", certaintyArg(row.Assessment.Certainty)) + "\n")
		if o := row.Assessment.Other; o != nil {
			b.WriteString("    " + say("cli.grade.certainty_other", message.Enum("body", o.Body.String()), certaintyArg(o.Certainty)) + "\n")
		}
		for _, reason := range row.Assessment.ReasonTexts() {
			b.WriteString("      - " + printable(reason.In(lang)) + "\n")
		}
		if p := row.Pooled; p != nil {
			est, ci, pi := p.BackTransform()
			f := func(x float64) message.Arg { return message.Text(fmt.Sprintf("%.2f", x)) }
			b.WriteString("    " + say("cli.grade.pooled", message.Text(p.Measure.String()), message.Text(p.Method.String()), message.Int(p.K),
				f(est), f(ci.Lower), f(ci.Upper), f(pi.Lower), f(pi.Upper), message.Text(fmt.Sprintf("%.0f", p.I2))) + "\n")
		}
	}
	for _, f := range r.Plots {
		b.WriteString("  " + say("cli.grade.plot", message.Text(printable(f))) + "\n")
	}
}

// certaintyArg is a GRADE certainty in words and symbols ("Moderate
// ⊕⊕⊕○"), the words in the language of the message.
func certaintyArg(c evidence.Certainty) message.Arg {
	if sym := c.Symbols(); sym != "" {
		return message.New("cli.grade.certainty_symbols", message.Enum("grade_label", c.String()), message.Text(sym))
	}
	return message.Enum("grade_label", c.String())
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
