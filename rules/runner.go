package rules

import (
	"fmt"
	"path"
	"runtime"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Failure is a rule that panicked, or the WebSocket detection every rule
// shares: a bug in nginx-wslint, not in the configuration. The other
// rules' findings are complete; the failed rule's are dropped.
type Failure struct {
	// Rule is the rule that failed; nil when the WebSocket detection
	// failed, and with it every rule on this configuration.
	Rule *Rule
	// At is the directive the rule was checking when it failed: a
	// location, or a proxy_set_header Connection line. Nil when no single
	// one of them makes the rule fail on its own.
	At *parser.Directive
	// Checking names At for a message: `location "/ws/"`.
	Checking string
	// Panic is the value the rule panicked with.
	Panic any
	// Frame is the function and file:line that panicked:
	// "rules.checkWS003 (ws003_missing_connection_header.go:80)".
	Frame string
}

// Error is the failure in one line, for logs and tests.
func (f *Failure) Error() string {
	who := "the WebSocket detection"
	if f.Rule != nil {
		who = "rule " + f.Rule.ID
	}
	s := who + " panicked"
	if f.Checking != "" {
		s += " while checking " + f.Checking
	}
	s += ": " + fmt.Sprint(f.Panic)
	if f.Frame != "" {
		s += " in " + f.Frame
	}
	return s
}

// Span is where At's words are, as a finding about it would point; false
// when At is nil.
func (f *Failure) Span() (start, end parser.Position, ok bool) {
	if f.At == nil {
		return start, end, false
	}
	return f.At.Position(), lineEnd(f.At), true
}

// RunChecked runs rules on a model like Run, except that a rule that
// panics does not stop the others: its findings are dropped and a Failure
// names it and, where one can be found, the location it was checking.
//
// Finding that location costs nothing while rules work: only after a rule
// fails is it run again with no location, then on each proxied location
// alone, then on each proxy_set_header Connection line alone, until one of
// them fails too.
func RunChecked(m *model.Model, rules []*Rule, opts Options) ([]Diagnostic, []*Failure) {
	if len(rules) == 0 {
		return nil, nil // --disable all: the index would serve no rule
	}
	var ws *wsIndex
	if f := Protect(func() { ws = newWSIndex(m, opts) }); f != nil {
		return nil, []*Failure{f}
	}
	var out []Diagnostic
	var failures []*Failure
	for _, r := range rules {
		var found []Diagnostic
		f := Protect(func() { r.Check(&Pass{Model: m, Options: opts, rule: r, ws: ws, out: &found}) })
		if f == nil {
			out = append(out, found...)
			continue
		}
		f.Rule = r
		f.At, f.Checking = locate(m, r, opts, ws)
		failures = append(failures, f)
	}
	Sort(out)
	return dedup(out), failures
}

// locate runs a failed rule again on one candidate at a time and returns
// the first one it fails on.
func locate(m *model.Model, r *Rule, opts Options, ws *wsIndex) (*parser.Directive, string) {
	// Rules look at locations through the index and at Connection lines
	// through connectionHeaders: each candidate gets an index holding it
	// alone (an empty conns slice is "none", not "not computed yet").
	none := []*parser.Directive{}
	try := func(ix *wsIndex) bool {
		var sink []Diagnostic
		return Protect(func() { r.Check(&Pass{Model: m, Options: opts, rule: r, ws: ix, out: &sink}) }) != nil
	}
	// A rule that fails with no candidate at all fails on none in
	// particular.
	if try(&wsIndex{conns: none, by: map[*model.Location]*WSLocation{}}) {
		return nil, ""
	}
	known := map[*WSLocation]bool{}
	for _, w := range ws.ws {
		known[w] = true
	}
	for _, loc := range ws.proxied {
		ix := &wsIndex{conns: none, proxied: []*model.Location{loc}, by: map[*model.Location]*WSLocation{}}
		if w := ws.by[loc]; w != nil {
			ix.by[loc] = w
			ix.all = []*WSLocation{w}
			if known[w] {
				ix.ws = []*WSLocation{w}
			}
		}
		if try(ix) {
			return locationSite(loc)
		}
	}
	for _, d := range connectionHeaders(&Pass{Model: m, ws: ws}) {
		ix := &wsIndex{conns: []*parser.Directive{d}, by: map[*model.Location]*WSLocation{}}
		if try(ix) {
			return d, "this proxy_set_header Connection line"
		}
	}
	return nil, ""
}

// locationSite is the directive that stands for a location, and its name:
// its location line, or for a fragment read as a location's contents, the
// fragment's first directive.
func locationSite(loc *model.Location) (*parser.Directive, string) {
	if loc.Dir != nil {
		return loc.Dir, loc.Describe()
	}
	if len(loc.Own) > 0 {
		return loc.Own[0], "the location this file is the contents of"
	}
	return nil, ""
}

// Protect calls f and turns a panic into a Failure (without a rule): what
// it panicked with and where. It returns nil when f returns normally.
func Protect(f func()) (failure *Failure) {
	defer func() {
		if v := recover(); v != nil {
			failure = &Failure{Panic: v, Frame: panicFrame()}
		}
	}()
	f()
	return nil
}

// panicFrame is the innermost function outside the runtime on the stack of
// a panic being recovered, as "pkg.func (file.go:line)"; called from the
// deferred function, the panicking frames are still on the stack.
func panicFrame() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs) // panicFrame, the deferred function, runtime.gopanic...
	frames := runtime.CallersFrames(pcs[:n])
	for {
		fr, more := frames.Next()
		if fr.Function != "" && !strings.HasPrefix(fr.Function, "runtime.") {
			fn := fr.Function[strings.LastIndexByte(fr.Function, '/')+1:]
			return fmt.Sprintf("%s (%s:%d)", fn, path.Base(fr.File), fr.Line)
		}
		if !more {
			return ""
		}
	}
}
