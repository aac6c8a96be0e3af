package policy

import (
	"sync"

	"cel.dev/cel-go/cel"
)

// program is a compiled CEL expression that the guards of the view may
// make unneeded. Every expression is parsed, type-checked and planned
// when its policy is loaded, so that a policy that does not compile is
// refused then; a plan that the view answers in every case (a condition
// made only of guards, a message part that reads a string field) is
// then dropped, since it would only hold memory (about 3 KB a rule). It
// is planned again from its source the first time anything asks for it.
type program struct {
	planned cel.Program // set when loaded and never written again; nil: dropped
	env     *cel.Env
	src     string
	once    sync.Once
	again   cel.Program
	err     error
}

// get returns the program, planning a dropped one again once.
func (p *program) get() (cel.Program, error) {
	if p.planned != nil {
		return p.planned, nil
	}
	p.once.Do(func() {
		ast, iss := p.env.Compile(p.src)
		if iss != nil && iss.Err() != nil {
			p.err = iss.Err()
			return
		}
		p.again, p.err = p.env.Program(ast, cel.EvalOptions(cel.OptOptimize))
	})
	return p.again, p.err
}

// drop lets the plan go; get plans it again when asked.
func (p *program) drop() { p.planned = nil }
