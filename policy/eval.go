package policy

import (
	"fmt"
	"slices"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
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
	expr *program // nil: literal text
	// key is the expression's text when it reads only the dossier and
	// the as-of day: its text is then rendered once per assessment.
	key string
	// read, when set, reads the part, a string field of a variable,
	// from the view instead of running expr.
	read *guard
}

// activation resolves the variables of a condition without a map. The
// nodes of the item and the use are made only when CEL reads them: a
// condition that guards answer reads the dossier without them.
type activation struct {
	v            *view
	jurisdiction string
	it           *item // the rule's item; nil: once per dossier
	item         int   // the index of the item being checked
	use          int   // the index of the use variable, or -1
}

func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case "dossier":
		return a.v.rootNode(), true
	case "as_of":
		return a.v.asOfValue(), true
	case "jurisdiction":
		return a.v.jurisdiction(a.jurisdiction), true
	case "use":
		if a.use >= 0 {
			return a.v.itemNode(useItem, a.use), true
		}
	}
	if a.it != nil && name == a.it.name {
		return a.v.itemNode(a.it, a.item), true
	}
	return nil, false
}

func (a *activation) Parent() interpreter.Activation { return nil }

// check is the rule's regulation.Rule.Check.
func (r *compiled) check(c *regulation.Context) {
	v := assessmentView(c)
	// Rules run one after the other within an assessment. (Only the
	// fields that change are written: writing pointers costs more.)
	if code := c.Jurisdiction(); v.act.jurisdiction != code {
		v.act.jurisdiction = code
	}
	if v.act.it != r.item {
		v.act.it = r.item
	}
	v.act.item, v.act.use = 0, -1
	var msg rendered
	if r.item == nil {
		r.apply(c, v, -1, &msg)
		return
	}
	for i := range r.item.count(v.d) {
		v.act.item = i
		if r.item == useItem {
			v.act.use = i
		}
		r.apply(c, v, i, &msg)
	}
}

// rendered is a rule's message once rendered in a check, for messages
// that read only the dossier and the as-of day.
type rendered struct {
	msg  message.Message
	done bool
}

// path is the field path of the item with index i (-1: the dossier),
// with the rule's field.
func (r *compiled) path(v *view, i int) string {
	p := ""
	if r.item != nil && i >= 0 {
		p = r.item.pathOf(i)
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
func (r *compiled) apply(c *regulation.Context, v *view, i int, m *rendered) {
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
	msg, err := r.render(v, m)
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
		for _, u := range c.Uses() {
			act.use = u
			ok, err := r.uses.eval(v)
			act.use = -1
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

func evalBool(p cel.Program, input *activation) (bool, error) {
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

// render builds the message; m holds it for the rest of the check when
// it reads only the dossier and the as-of day.
func (r *compiled) render(v *view, m *rendered) (message.Message, error) {
	if r.fixedText {
		return r.text, nil
	}
	if m.done {
		return m.msg, nil
	}
	msg, err := r.build(v)
	if err != nil {
		return message.Message{}, err
	}
	if r.fixedMessage {
		m.msg, m.done = msg, true
	}
	return msg, nil
}

// build renders the message's parts as a plain message.
func (r *compiled) build(v *view) (message.Message, error) {
	var buf [8]string
	texts := buf[:0]
	for _, p := range r.message {
		if p.expr == nil {
			texts = append(texts, p.text)
			continue
		}
		if p.read != nil {
			if t, ok := p.read.text(v); ok {
				texts = append(texts, t)
				continue
			}
		}
		if p.key != "" {
			if t, ok := v.text(p.key); ok {
				texts = append(texts, t)
				continue
			}
		}
		prg, err := p.expr.get()
		if err != nil {
			return message.Message{}, err
		}
		out, _, err := prg.Eval(&v.act)
		if err != nil {
			return message.Message{}, err
		}
		t := text(out)
		if p.key != "" {
			v.texts = append(v.texts, keyedText{p.key, t})
		}
		texts = append(texts, t)
	}
	return v.plain(texts), nil
}
