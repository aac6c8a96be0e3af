package policy

import (
	"fmt"
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// compiled is a policy rule ready to run.
type compiled struct {
	info    regulation.RuleInfo
	item    *item // nil: once per dossier
	when    *condition
	uses    *condition // nil: every use of the jurisdiction
	message []part
	// fixedMessage: every part of the message is text or reads only the
	// dossier and the as-of day, so it is rendered once per assessment.
	fixedMessage bool
	effect       string
	sev          secretome.Severity
	field        string
	// missing is the missing condition of effect condition; zero takes
	// the message.
	missing message.Message
	// fixedText: the message is text without expressions, text.
	fixedText bool
	text      message.Message
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
	dossier      ref.Val
	asOf         ref.Val
	jurisdiction ref.Val
	itemName     string
	item         ref.Val
	use          ref.Val // the use variable of a uses condition
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
	v := assessmentView(c)
	act := &v.act // rules run one after the other within an assessment
	*act = activation{dossier: v.root, asOf: v.asOfVal, jurisdiction: v.jurisdiction(c.Jurisdiction())}
	if r.item == nil {
		r.apply(c, v, -1)
		return
	}
	act.itemName = r.item.name
	for i, n := range v.items(v.kinds[r.item.kind], r.item.count(v.d)) {
		act.item = n
		r.apply(c, v, i)
	}
}

// path is the field path of the item with index i (-1: the dossier),
// with the rule's field.
func (r *compiled) path(v *view, i int) string {
	p := ""
	if r.item != nil && i >= 0 {
		p = v.itemPath(r.item, i)
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
func (r *compiled) apply(c *regulation.Context, v *view, i int) {
	act := &v.act
	ok, err := r.when.eval(v)
	if err != nil {
		r.failed(c, i, r.path(v, i), "when", err)
		return
	}
	if !ok {
		return
	}
	path := r.path(v, i)
	msg, err := r.render(v)
	if err != nil {
		r.failed(c, i, path, "message", err)
		return
	}
	if r.effect == effectReport {
		if r.item != nil && r.item.name == "use" {
			c.ReportUseText(i, r.sev, path, msg)
		} else {
			c.ReportText(r.sev, path, msg)
		}
		return
	}
	uses := v.uses[:0]
	switch {
	case r.item != nil && r.item.name == "use":
		uses = append(uses, i)
	case r.uses == nil:
		uses = append(uses, c.Uses()...)
	default:
		useNodes := v.items(v.kinds[kUse], len(v.d.Uses))
		for _, u := range c.Uses() {
			act.use = useNodes[u]
			ok, err := r.uses.eval(v)
			act.use = nil
			if err != nil {
				r.failed(c, i, path, "uses", err)
				return
			}
			if ok {
				uses = append(uses, u)
			}
		}
	}
	v.uses = uses
	decided := false
	for _, u := range uses {
		if !slices.Contains(c.Uses(), u) {
			continue
		}
		decided = true
		switch r.effect {
		case effectProhibit:
			c.ProhibitText(u, path, msg)
		case effectCondition:
			c.ConditionText(u, r.missing, path, msg)
		case effectUnknown:
			c.UnknownText(u, path, msg)
		case effectPermit:
			c.PermitText(u, path, msg)
		}
	}
	if !decided && r.uses == nil {
		// No use to decide: the finding is still reported, about the
		// dossier, with the severity the effect gives. (A rule whose uses
		// condition chose no use does not concern the dossier.)
		c.ReportText(effectSeverity(r.effect), path, msg)
	}
}

// failed reports a condition that could not be evaluated as an error
// finding: the rule could not tell, and a silent pass would hide it.
func (r *compiled) failed(c *regulation.Context, i int, path, field string, err error) {
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
func (r *compiled) render(v *view) (message.Message, error) {
	if r.fixedText {
		return r.text, nil
	}
	if !r.fixedMessage {
		m, err := r.build(v)
		return message.Plain(m), err
	}
	if m, ok := v.messages[r]; ok {
		return m, nil
	}
	m, err := r.build(v)
	if err != nil {
		return message.Message{}, err
	}
	if v.messages == nil {
		v.messages = map[*compiled]message.Message{}
	}
	v.messages[r] = message.Plain(m)
	return v.messages[r], nil
}

// build renders the message's parts.
func (r *compiled) build(v *view) (string, error) {
	var b strings.Builder
	for _, p := range r.message {
		if p.expr == nil {
			b.WriteString(p.text)
			continue
		}
		if t, ok := v.texts[p.key]; ok && p.key != "" {
			b.WriteString(t)
			continue
		}
		out, _, err := p.expr.Eval(v.input)
		if err != nil {
			return "", err
		}
		t := text(out)
		if p.key != "" {
			if v.texts == nil {
				v.texts = map[string]string{}
			}
			v.texts[p.key] = t
		}
		b.WriteString(t)
	}
	return b.String(), nil
}
