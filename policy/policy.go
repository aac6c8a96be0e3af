package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/ext"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// fileSpec is a policy file as written.
type fileSpec struct {
	// Rules lists the file's rules.
	Rules []ruleSpec `json:"rules"`
}

// ruleSpec is one rule as written in a policy file.
type ruleSpec struct {
	ID           string                `json:"id"`
	Title        string                `json:"title"`
	Jurisdiction string                `json:"jurisdiction"`
	Citation     regulation.Citation   `json:"citation"`
	Provenance   regulation.Provenance `json:"provenance"`
	Note         string                `json:"note,omitempty"`
	// ForEach names what the rule looks at one by one: dossier (the
	// default: once), use, claim, batch, authorisation, study or
	// indication.
	ForEach string `json:"for_each,omitempty"`
	// When is the CEL condition under which the rule reports.
	When string `json:"when"`
	// Effect is what a match does: report (a finding of Severity only),
	// prohibit, condition, unknown or permit (a verdict for uses).
	Effect string `json:"effect"`
	// Severity is the severity of a report: error, warning or info.
	Severity string `json:"severity,omitempty"`
	// Uses is a CEL condition over use choosing the uses a verdict
	// concerns; empty means every use the rule's jurisdiction assesses.
	Uses string `json:"uses,omitempty"`
	// Field is a field path below the item the finding points at, such
	// as "results" or "wording".
	Field string `json:"field,omitempty"`
	// Message is the finding's text; {{expr}} inserts the value of a CEL
	// expression.
	Message string `json:"message"`
	// Missing names the missing condition, for the condition effect;
	// empty takes the message.
	Missing string `json:"missing,omitempty"`
}

// Effects of a policy rule.
const (
	effectReport    = "report"
	effectProhibit  = "prohibit"
	effectCondition = "condition"
	effectUnknown   = "unknown"
	effectPermit    = "permit"
)

var effects = []string{effectReport, effectProhibit, effectCondition, effectUnknown, effectPermit}

// item is a kind of thing a rule can look at one by one.
type item struct {
	name  string // the CEL variable and the for_each spelling
	typ   string // the view type
	path  string // the field path of the list in the dossier
	kind  int    // the view kind
	count func(d *regulation.Dossier) int
	// paths are the field paths of the first items, made once.
	paths []string
}

// indexPaths returns the field paths of the first items of the list at
// path: path[0], path[1], …
func indexPaths(path string) []string {
	out := make([]string, 32)
	for i := range out {
		out[i] = path + "[" + strconv.Itoa(i) + "]"
	}
	return out
}

// pathOf returns the field path of item i.
func (it *item) pathOf(i int) string {
	if i < len(it.paths) {
		return it.paths[i]
	}
	return it.path + "[" + strconv.Itoa(i) + "]"
}

var items = []item{
	{name: "use", typ: "policy.Use", path: "uses", paths: indexPaths("uses"), kind: kUse,
		count: func(d *regulation.Dossier) int { return len(d.Uses) }},
	{name: "claim", typ: "policy.Claim", path: "claims", paths: indexPaths("claims"), kind: kClaim,
		count: func(d *regulation.Dossier) int { return len(d.Claims) }},
	{name: "batch", typ: "policy.Batch", path: "product.batches", paths: indexPaths("product.batches"), kind: kBatch,
		count: func(d *regulation.Dossier) int { return len(d.Product.Batches) }},
	{name: "authorisation", typ: "policy.Authorisation", path: "authorisations", paths: indexPaths("authorisations"), kind: kAuthorisation,
		count: func(d *regulation.Dossier) int { return len(d.Authorisations) }},
	{name: "study", typ: "policy.Study", path: "studies", paths: indexPaths("studies"), kind: kStudy,
		count: func(d *regulation.Dossier) int { return len(d.Studies) }},
	{name: "indication", typ: "policy.Indication", path: "product.indications", paths: indexPaths("product.indications"), kind: kIndication,
		count: func(d *regulation.Dossier) int { return len(d.Product.Indications) }},
}

// useItem is the item use.
var useItem = findItem("use")

func findItem(name string) *item {
	for i := range items {
		if items[i].name == name {
			return &items[i]
		}
	}
	return nil
}

// Policies is a compiled set of policy files: their rules, ready to join
// a regulation.RuleSet, and the audit record of each file. It is
// immutable and safe for concurrent use.
type Policies struct {
	rules    []regulation.Rule
	compiled []*compiled // the compiled rules behind rules
	inputs   []regulation.AuditInput
}

// Rules returns the policy rules, in file order, then rule order.
func (p *Policies) Rules() []regulation.Rule {
	if p == nil {
		return nil
	}
	return slices.Clone(p.rules)
}

// Inputs returns the audit record of every policy file (kind "policy").
func (p *Policies) Inputs() []regulation.AuditInput {
	if p == nil {
		return nil
	}
	return slices.Clone(p.inputs)
}

// RuleSet returns base with the policy rules added beside its rules. A
// policy rule whose ID is already in base is an error.
func (p *Policies) RuleSet(base *regulation.RuleSet) (*regulation.RuleSet, error) {
	return base.With(p.Rules()...)
}

// Join returns the policies of every set in one; duplicate rule IDs are
// found when the rules join a RuleSet.
func Join(sets ...*Policies) *Policies {
	out := &Policies{}
	for _, s := range sets {
		if s != nil {
			out.rules = append(out.rules, s.rules...)
			out.compiled = append(out.compiled, s.compiled...)
			out.inputs = append(out.inputs, s.inputs...)
		}
	}
	return out
}

// IsPolicyFile reports whether a file name is a policy file of a policy
// folder: *.yaml, *.yml or *.json, but not a test file (*_test.yaml and
// so on).
func IsPolicyFile(name string) bool {
	ext := filepath.Ext(name)
	switch ext {
	case ".yaml", ".yml", ".json":
	default:
		return false
	}
	return !strings.HasSuffix(strings.TrimSuffix(name, ext), "_test")
}

// LoadDir loads and compiles every policy file in the folder (not its
// subfolders), in name order. Every problem of every file is returned,
// in a *FileError per file joined with errors.Join.
func LoadDir(dir string) (*Policies, error) {
	names, err := filesIn(dir, IsPolicyFile)
	if err != nil {
		return nil, err
	}
	var sets []*Policies
	var errs []error
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := Load(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sets = append(sets, p)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(names) == 0 {
		return nil, message.New("policy.no_files", message.Text(dir)).Err()
	}
	return Join(sets...), nil
}

// filesIn lists the files directly in dir whose names keep accepts, in
// name order, as paths joined with dir.
func filesIn(dir string, keep func(name string) bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && keep(e.Name()) {
			names = append(names, filepath.Join(dir, e.Name()))
		}
	}
	return names, nil
}

// Load decodes and compiles one policy file, YAML or JSON, named name in
// problems. A file that does not decode, a rule with missing or malformed
// metadata, and a condition that does not parse or type-check are a
// *FileError naming the file, line, field path and expression.
func Load(name string, data []byte) (*Policies, error) {
	var spec fileSpec
	doc := decodeFile(name, data, &spec)
	if len(doc.probs) > 0 {
		return nil, doc.err()
	}
	if len(spec.Rules) == 0 {
		doc.problem("rules", CodeRequired, "policy.no_rules")
	}
	env, err := environments()
	if err != nil {
		return nil, err
	}
	out := &Policies{inputs: []regulation.AuditInput{{Kind: "policy", Name: name, Digest: regulation.DigestOf(data)}}}
	seen := map[string]int{}
	for i := range spec.Rules {
		cr := compileRule(doc, env, fmt.Sprintf("rules[%d]", i), &spec.Rules[i])
		if cr == nil {
			continue
		}
		r := &regulation.Rule{RuleInfo: cr.info, Check: cr.check}
		if k, dup := seen[r.ID]; dup {
			doc.problem(fmt.Sprintf("rules[%d].id", i), CodeDuplicate, "policy.rule.twice", message.Text(r.ID), message.Int(k))
			continue
		}
		seen[r.ID] = i
		out.rules = append(out.rules, *r)
		out.compiled = append(out.compiled, cr)
	}
	if err := doc.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// envs holds the CEL environments of conditions: the base, and for each
// item the base plus the item (uses conditions add use). cel.Env values
// are immutable and safe for concurrent use; they are built once, on
// first use, because building them costs about a millisecond each.
type envs struct {
	kinds    *viewKinds
	adapter  types.Adapter
	base     *cel.Env
	item     map[string]*cel.Env // by item name
	itemUses map[string]*cel.Env // by item name; "" for the dossier
}

var environments = sync.OnceValues(func() (*envs, error) {
	kinds, err := newKinds()
	if err != nil {
		return nil, err
	}
	base, err := baseEnv(kinds)
	if err != nil {
		return nil, err
	}
	e := &envs{kinds: kinds, adapter: base.CELTypeAdapter(), base: base, item: map[string]*cel.Env{}, itemUses: map[string]*cel.Env{}}
	useVar := cel.Variable("use", cel.ObjectType("policy.Use"))
	if e.itemUses[""], err = base.Extend(useVar); err != nil {
		return nil, err
	}
	for _, it := range items {
		if e.item[it.name], err = base.Extend(cel.Variable(it.name, cel.ObjectType(it.typ))); err != nil {
			return nil, err
		}
		if it.name != "use" {
			if e.itemUses[it.name], err = e.item[it.name].Extend(useVar); err != nil {
				return nil, err
			}
		}
	}
	return e, nil
})

// baseEnv is the CEL environment every condition starts from: the view
// types, read through nodes.
func baseEnv(kinds *viewKinds) (*cel.Env, error) {
	opts := append([]any{}, viewTypes...)
	opts = append(opts, ext.ParseStructTags(true))
	nodes := func(e *cel.Env) (*cel.Env, error) {
		p := &provider{Provider: e.CELTypeProvider(), kinds: kinds}
		if err := p.plan(e.CELTypeAdapter()); err != nil {
			return nil, err
		}
		return cel.CustomTypeProvider(p)(e)
	}
	return cel.NewEnv(
		ext.NativeTypes(opts...),
		nodes,
		ext.Strings(),
		cel.Variable("dossier", cel.ObjectType("policy.Dossier")),
		cel.Variable("as_of", cel.StringType),
		cel.Variable("jurisdiction", cel.StringType),
	)
}

// compileRule checks and compiles one rule; it records problems in doc
// and returns nil when there are any.
func compileRule(doc *document, env *envs, at string, s *ruleSpec) *compiled {
	n := len(doc.probs)
	need := func(field, v string) {
		if strings.TrimSpace(v) == "" {
			doc.problem(at+"."+field, CodeRequired, "problem.required", message.Text(field))
		}
	}
	need("id", s.ID)
	need("title", s.Title)
	need("jurisdiction", s.Jurisdiction)
	need("citation.instrument", s.Citation.Instrument)
	need("when", s.When)
	need("message", s.Message)
	need("effect", s.Effect)
	if !s.Provenance.Valid() {
		doc.problem(at+".provenance", CodeRequired, "policy.provenance")
	}
	if s.Effect != "" && !slices.Contains(effects, s.Effect) {
		doc.problem(at+".effect", CodeInvalid, "policy.effect", message.Text(strconv.Quote(s.Effect)), message.Text(strings.Join(effects, ", ")))
	}
	var sev secretome.Severity
	switch {
	case s.Effect == effectReport && s.Severity == "":
		doc.problem(at+".severity", CodeRequired, "policy.severity.required")
	case s.Effect != effectReport && s.Severity != "":
		doc.problem(at+".severity", CodeInvalid, "policy.severity.effect", message.Text(s.Effect))
	case s.Severity != "":
		if err := sev.UnmarshalText([]byte(s.Severity)); err != nil {
			doc.problem(at+".severity", CodeInvalid, "policy.severity.unknown", message.Text(strconv.Quote(s.Severity)))
		}
	}
	if s.Missing != "" && s.Effect != effectCondition {
		doc.problem(at+".missing", CodeInvalid, "policy.missing")
	}
	var it *item
	if s.ForEach != "" && s.ForEach != "dossier" {
		if it = findItem(s.ForEach); it == nil {
			names := []string{"dossier"}
			for _, x := range items {
				names = append(names, x.name)
			}
			doc.problem(at+".for_each", CodeInvalid, "policy.for_each", message.Text(strconv.Quote(s.ForEach)), message.Text(strings.Join(names, ", ")))
		}
	}
	if s.Uses != "" && (s.Effect == effectReport || (it != nil && it.name == "use")) {
		doc.problem(at+".uses", CodeInvalid, "policy.uses")
	}
	info := regulation.RuleInfo{ID: s.ID, Title: s.Title, Jurisdiction: s.Jurisdiction, Citation: s.Citation,
		Provenance: s.Provenance, Note: s.Note}
	if len(doc.probs) == n {
		// The metadata rules every rule set applies.
		if _, err := regulation.NewRuleSet(regulation.Rule{RuleInfo: info, Check: func(*regulation.Context) {}}); err != nil {
			doc.problemText(at, CodeInvalid, message.Of(err))
		}
	}
	if len(doc.probs) > n {
		return nil
	}
	// The item's environment: the base plus the item variable.
	ienv, uenv := env.base, env.itemUses[""]
	if it != nil {
		ienv, uenv = env.item[it.name], env.itemUses[it.name]
	}
	cr := &compiled{info: info, item: it, effect: s.Effect, sev: sev, field: s.Field, missing: message.Plain(s.Missing)}
	vars := map[string]int{"dossier": kDossier}
	if it != nil {
		vars[it.name] = it.kind
	}
	cr.when = compileCondition(doc, env, ienv, at+".when", s.When, vars)
	if s.Uses != "" {
		uvars := maps.Clone(vars)
		uvars["use"] = kUse
		cr.uses = compileCondition(doc, env, uenv, at+".uses", s.Uses, uvars)
	}
	cr.message = compileTemplate(doc, env, ienv, at+".message", s.Message, vars)
	cr.fixedMessage = true
	for _, p := range cr.message {
		if p.expr != nil && p.key == "" {
			cr.fixedMessage = false
		}
	}
	if len(cr.message) == 1 && cr.message[0].expr == nil {
		cr.fixedText, cr.text = true, message.Plain(cr.message[0].text)
	}
	if len(doc.probs) > n {
		return nil
	}
	src, err := json.Marshal(s)
	if err != nil {
		doc.problemText(at, CodeInvalid, message.Of(err))
		return nil
	}
	info.Revision = regulation.DigestOf(src)[:len("sha256:")+16]
	cr.info = info
	return cr
}

// compileCondition compiles a condition, which must yield a bool, with
// its guards over the variables vars (by view kind).
func compileCondition(doc *document, e *envs, env *cel.Env, at, src string, vars map[string]int) *condition {
	prg, ast := compileChecked(doc, env, at, src, cel.BoolType)
	if prg == nil {
		return nil
	}
	return newCondition(prg, ast, e.kinds, vars)
}

// compileChecked compiles one CEL expression that must yield want (nil:
// any type); problems name the field, the expression and CEL's position.
func compileChecked(doc *document, env *cel.Env, at, src string, want *cel.Type) (*program, *cel.Ast) {
	ast, iss := env.Compile(src)
	if iss != nil && iss.Err() != nil {
		line, col := doc.locate(at)
		for _, e := range iss.Errors() {
			text := message.New("policy.cel", message.Text(e.Message), message.Int(e.Location.Line()), message.Int(e.Location.Column()+1))
			doc.probs = append(doc.probs, Problem{File: doc.name, Line: line, Column: col, Path: at, Code: CodeCompile,
				Expression: src, Message: text.String(), Text: text})
		}
		return nil, nil
	}
	if want != nil && !ast.OutputType().IsExactType(want) {
		doc.problemIn(at, src, message.New("policy.yields", message.Text(ast.OutputType().String()), message.Text(want.String())))
		return nil, nil
	}
	prg, err := env.Program(ast, cel.EvalOptions(cel.OptOptimize))
	if err != nil {
		// A plan that cannot be made, such as a regular expression
		// that does not compile.
		doc.problemIn(at, src, message.Of(err))
		return nil, nil
	}
	return &program{planned: prg, env: env, src: src}, ast
}

// dossierOnly says whether the checked expression names no variable but
// dossier and as_of (and comprehension variables other than those of
// items, uses and the jurisdiction, which are judged by name alone, so a
// comprehension variable spelled like one of them only costs the cache).
func dossierOnly(ast *cel.Ast) bool {
	for _, ref := range ast.NativeRep().ReferenceMap() {
		switch ref.Name {
		case "use", "jurisdiction":
			return false
		}
		if findItem(ref.Name) != nil {
			return false
		}
	}
	return true
}

// compileTemplate compiles a message: text with {{expr}} parts. A part
// that is a string field of a variable (vars gives their kinds) is read
// from the view as guards read fields, without running CEL.
func compileTemplate(doc *document, e *envs, env *cel.Env, at, src string, vars map[string]int) []part {
	var parts []part
	rest := src
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			if strings.Contains(rest, "}}") {
				doc.problem(at, CodeCompile, "policy.template.close")
			}
			if rest != "" {
				parts = append(parts, part{text: rest})
			}
			return parts
		}
		if i > 0 {
			parts = append(parts, part{text: rest[:i]})
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			doc.problem(at, CodeCompile, "policy.template.open")
			return parts
		}
		expr := strings.TrimSpace(rest[i+2 : i+j])
		if expr == "" {
			doc.problem(at, CodeCompile, "policy.template.empty")
		} else {
			prg, ast := compileChecked(doc, env, at, expr, nil)
			pt := part{expr: prg}
			if prg != nil && dossierOnly(ast) {
				pt.key = expr
			}
			if prg != nil {
				native := ast.NativeRep()
				if g, ok := fieldOf(native.Expr(), native, e.kinds, vars, reflect.String); ok {
					pt.read = &g
					if g.readable() {
						prg.drop()
					}
				}
			}
			parts = append(parts, pt)
		}
		rest = rest[i+j+2:]
	}
}
