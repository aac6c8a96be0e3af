package policy

import (
	"fmt"
	"strconv"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"

	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// compiled is a policy rule ready to run.
type compiled struct {
	info    regulation.RuleInfo
	item    *item // nil: once per dossier
	when    cel.Program
	uses    cel.Program // nil: every use of the jurisdiction
	message []part
	// fixedMessage: every part of the message is text or reads only the
	// dossier and the as-of day, so it is rendered once per assessment.
	fixedMessage bool
	effect       string
	sev          secretome.Severity
	field        string
	missing      string
}

// part is a piece of a message: literal text or an expression.
type part struct {
	text string
	expr cel.Program
	// key is the expression's text when it reads only the dossier and
	// the as-of day: its text is then rendered once per assessment.
	key string
}

// activation resolves the variables of a condition without a map.
type activation struct {
	dossier      *Dossier
	asOf         string
	jurisdiction string
	itemName     string
	item         any
	use          any // the use variable of a uses condition
}

func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case "dossier":
		return a.dossier, true
	case "as_of":
		return a.asOf, true
	case "jurisdiction":
		return a.jurisdiction, true
	case "use":
		if a.use != nil {
			return a.use, true
		}
	}
	if a.item != nil && name == a.itemName {
		return a.item, true
	}
	return nil, false
}

func (a *activation) Parent() interpreter.Activation { return nil }

// check is the rule's regulation.Rule.Check.
func (r *compiled) check(c *regulation.Context) {
	v := View(c)
	act := &v.act // rules run one after the other within an assessment
	*act = activation{dossier: v, asOf: v.asOf, jurisdiction: c.Jurisdiction()}
	if r.item == nil {
		r.apply(c, act, -1)
		return
	}
	act.itemName = r.item.name
	for i := range r.item.count(v) {
		act.item = r.item.get(v, i)
		r.apply(c, act, i)
	}
}

// path is the field path of the item with index i (-1: the dossier),
// with the rule's field.
func (r *compiled) path(i int) string {
	p := ""
	if r.item != nil && i >= 0 {
		p = r.item.path + "[" + strconv.Itoa(i) + "]"
	}
	switch {
	case r.field == "":
		return p
	case p == "":
		return r.field
	}
	return p + "." + r.field
}

// apply evaluates the condition for one item (index i, -1 for the
// dossier) and reports when it holds.
func (r *compiled) apply(c *regulation.Context, act *activation, i int) {
	ok, err := evalBool(r.when, act.dossier.input)
	if err != nil {
		r.failed(c, act, i, r.path(i), "when", err)
		return
	}
	if !ok {
		return
	}
	path := r.path(i)
	msg, err := r.render(act)
	if err != nil {
		r.failed(c, act, i, path, "message", err)
		return
	}
	if r.effect == effectReport {
		if r.item != nil && r.item.name == "use" {
			c.ReportUse(i, r.sev, path, msg)
		} else {
			c.Report(r.sev, path, msg)
		}
		return
	}
	var uses []int
	switch {
	case r.item != nil && r.item.name == "use":
		uses = []int{i}
	case r.uses == nil:
		uses = c.Uses()
	default:
		for _, u := range c.Uses() {
			act.use = &act.dossier.Uses[u]
			ok, err := evalBool(r.uses, act.dossier.input)
			act.use = nil
			if err != nil {
				r.failed(c, act, i, path, "uses", err)
				return
			}
			if ok {
				uses = append(uses, u)
			}
		}
	}
	decided := false
	for _, u := range uses {
		if !slicesContains(c.Uses(), u) {
			continue
		}
		decided = true
		switch r.effect {
		case effectProhibit:
			c.Prohibit(u, path, msg)
		case effectCondition:
			c.Condition(u, r.missing, path, msg)
		case effectUnknown:
			c.Unknown(u, path, msg)
		case effectPermit:
			c.Permit(u, path, msg)
		}
	}
	if !decided && r.uses == nil {
		// No use to decide: the finding is still reported, about the
		// dossier, with the severity the effect gives. (A rule whose uses
		// condition chose no use does not concern the dossier.)
		c.Report(effectSeverity(r.effect), path, msg)
	}
}

// failed reports a condition that could not be evaluated as an error
// finding: the rule could not tell, and a silent pass would hide it.
func (r *compiled) failed(c *regulation.Context, act *activation, i int, path, field string, err error) {
	msg := fmt.Sprintf("the rule's %s condition could not be evaluated: %v", field, err)
	if r.item != nil && r.item.name == "use" {
		c.ReportUse(i, secretome.SeverityError, path, msg)
		return
	}
	c.Report(secretome.SeverityError, path, msg)
}

func effectSeverity(effect string) secretome.Severity {
	switch effect {
	case effectProhibit:
		return secretome.SeverityError
	case effectCondition:
		return secretome.SeverityWarning
	}
	return secretome.SeverityInfo
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func evalBool(p cel.Program, input any) (bool, error) {
	out, _, err := p.Eval(input)
	if err != nil {
		return false, err
	}
	b, ok := out.(types.Bool)
	if !ok {
		return false, fmt.Errorf("yields %s, not a bool", out.Type())
	}
	return bool(b), nil
}

// render builds the message.
func (r *compiled) render(act *activation) (string, error) {
	if len(r.message) == 1 && r.message[0].expr == nil {
		return r.message[0].text, nil
	}
	if !r.fixedMessage {
		return r.build(act)
	}
	if m, ok := act.dossier.messages[r]; ok {
		return m, nil
	}
	m, err := r.build(act)
	if err != nil {
		return "", err
	}
	if act.dossier.messages == nil {
		act.dossier.messages = map[*compiled]string{}
	}
	act.dossier.messages[r] = m
	return m, nil
}

// build renders the message's parts.
func (r *compiled) build(act *activation) (string, error) {
	var b strings.Builder
	for _, p := range r.message {
		if p.expr == nil {
			b.WriteString(p.text)
			continue
		}
		if t, ok := act.dossier.texts[p.key]; ok && p.key != "" {
			b.WriteString(t)
			continue
		}
		out, _, err := p.expr.Eval(act.dossier.input)
		if err != nil {
			return "", err
		}
		t := text(out)
		if p.key != "" {
			if act.dossier.texts == nil {
				act.dossier.texts = map[string]string{}
			}
			act.dossier.texts[p.key] = t
		}
		b.WriteString(t)
	}
	return b.String(), nil
}

// text renders a value for a message: strings as they are, lists joined
// with ", ", anything else as CEL converts it to a string.
func text(v ref.Val) string {
	switch x := v.(type) {
	case types.String:
		return string(x)
	case interface{ Size() ref.Val }:
		if l, ok := v.Value().([]string); ok {
			return strings.Join(l, ", ")
		}
	}
	if s, ok := v.ConvertToType(types.StringType).(types.String); ok {
		return string(s)
	}
	return fmt.Sprint(v.Value())
}
