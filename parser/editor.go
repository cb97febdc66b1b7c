package parser

import "sort"

// This file exposes the directive table to editors (the language server's
// completion and hover), without exposing its representation.

// DirectiveInfo describes one directive of nginx's command tables.
type DirectiveInfo struct {
	Name string
	// Contexts are the blocks the directive is allowed in, outermost first,
	// as an operator names them ("http", "server", "location", "if in
	// location"...).
	Contexts []string
	// Block is set for a block directive ("server {", "location {").
	Block bool
	// Args describes the accepted arguments: "no arguments", "on | off",
	// "1 argument", "1 or 2 arguments", "1 or more arguments"...
	Args string
}

// LookupDirective returns what nginx's command tables say about name, and
// whether the name is known (third-party directives are not).
func LookupDirective(name string) (DirectiveInfo, bool) {
	old, _ := directiveSpecs(directiveTable, name)
	newer, _ := directiveSpecs(directiveTableNewer, name)
	specs := append(append([]spec(nil), old...), newer...)
	if len(specs) == 0 {
		return DirectiveInfo{}, false
	}
	info := DirectiveInfo{Name: name, Contexts: allowedIn(name), Block: specs[0].block, Args: argsText(specs[0].args)}
	return info, true
}

// DirectivesIn returns the names of the directives nginx accepts in ctx,
// sorted.
func DirectivesIn(ctx Ctx) []string {
	if ctx == CtxUnknown || ctx >= CtxCustom {
		return nil
	}
	bit := uint32(1) << ctx
	seen := map[string]bool{}
	var out []string
	for _, table := range [][]directiveEntry{directiveTable, directiveTableNewer} {
		for _, e := range table {
			for _, sp := range e.specs {
				if sp.ctx&bit != 0 && !seen[e.name] {
					seen[e.name] = true
					out = append(out, e.name)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// BlockContext returns the context of the body of block directive name
// written in ctx: CtxServer for "server" in http, CtxLocationIf for "if" in
// a location, CtxCustom for map, types and other bodies that hold entries
// rather than directives, CtxUnknown for a name that is not a block
// directive there.
func BlockContext(ctx Ctx, name string) Ctx {
	// The argument count does not matter: checkDirective gives a block's
	// context even when its arguments are wrong.
	child, _, _ := checkDirective(ctx, name, 0, true)
	return child
}

// argsText describes argument flags for a person.
func argsText(flags uint32) string {
	switch {
	case flags&argFlag != 0:
		return "on | off"
	case flags&argAny != 0:
		return "any number of arguments"
	case flags&arg1More != 0:
		return "1 or more arguments"
	case flags&arg2More != 0:
		return "2 or more arguments"
	}
	var ns []int
	for n := 0; n < confMaxArgs; n++ {
		if flags&(1<<uint(n)) != 0 {
			ns = append(ns, n)
		}
	}
	switch len(ns) {
	case 0:
		return "any number of arguments"
	case 1:
		switch ns[0] {
		case 0:
			return "no arguments"
		case 1:
			return "1 argument"
		}
		return itoa(ns[0]) + " arguments"
	}
	s := ""
	for i, n := range ns {
		switch {
		case i == 0:
		case i == len(ns)-1:
			s += " or "
		default:
			s += ", "
		}
		s += itoa(n)
	}
	return s + " arguments"
}

func itoa(n int) string {
	return string(rune('0' + n))
}
