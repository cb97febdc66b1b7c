package model

import (
	"errors"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/dlclark/regexp2"
)

// Limits of the example search, so that a pathological regex costs bounded
// time: the search expands at most this many strings and appends at most
// this many bytes to the prefix. States already reached by a shorter string
// are not expanded again, so the search is not complete (the caller may
// refuse a string that another spelling of the same state would pass), only
// bounded.
const (
	exampleMaxStates = 5000
	exampleMaxLen    = 48
)

// errNoExample means the search found no string the caller accepts within
// its limits.
var errNoExample = errors.New("no example within the search limits")

// Example returns the shortest string that starts with prefix, that the
// regex matches somewhere (nginx's location regexes are unanchored), and
// that accept approves, found by a breadth-first walk of the regex's
// automaton after it has read the prefix: a witness computed from the
// pattern, not guessed from a list. Appended bytes are URI-safe ASCII (no
// "%", "?", "#" or space). It fails when the pattern is not one Go's
// regexp/syntax reads, or when nothing is found within the limits, and with
// ErrRegexBudget when the run's time for backtracking matches (which accept
// may need) is spent: then the answer is not determined.
func (r *Regex) Example(prefix string, accept func(string) bool) (string, error) {
	ex := r.exampleProg()
	if ex.err != nil {
		return "", ex.err
	}
	vm := &pikeVM{prog: ex.prog}
	alphabet := ex.alphabet

	// hit records a match that ended earlier in the string: the search is
	// unanchored, so the whole string then matches.
	type node struct {
		pre  []uint32
		prev rune
		s    string
		hit  bool
		leaf bool // not expanded
	}
	start := node{prev: -1}
	for _, c := range prefix {
		var hit bool
		start.pre, hit = vm.step(start.pre, start.prev, c)
		start.hit = start.hit || hit
		start.prev = c
	}
	start.s = prefix
	queue := []node{start}
	seen := map[string]bool{vm.key(start.pre, start.prev): true}
	for steps := 0; len(queue) > 0 && steps < exampleMaxStates; steps++ {
		n := queue[0]
		queue = queue[1:]
		if (n.hit || vm.matches(n.pre, n.prev)) && accept(n.s) {
			return n.s, nil
		}
		if r.Budget.Spent() {
			// accept may have needed a match that was not made.
			return "", ErrRegexBudget
		}
		if n.leaf || len(n.s)-len(prefix) >= exampleMaxLen {
			continue
		}
		for _, c := range alphabet {
			pre, hit := vm.step(n.pre, n.prev, c)
			hit = hit || n.hit
			k := vm.key(pre, c)
			if hit {
				k += "!"
			}
			if seen[k] {
				// Another spelling of a state already queued: worth a
				// look only if it matches (the caller may accept this
				// spelling), and not worth expanding.
				if hit || vm.matches(pre, c) {
					queue = append(queue, node{pre: pre, prev: c, s: n.s + string(c), hit: hit, leaf: true})
				}
				continue
			}
			seen[k] = true
			queue = append(queue, node{pre: pre, prev: c, s: n.s + string(c), hit: hit})
		}
	}
	return "", errNoExample
}

// exampleProg is what Example needs of a regex, compiled once: a location
// regex is searched once for each WebSocket location of its server.
type exampleProg struct {
	once     sync.Once
	prog     *syntax.Prog
	alphabet []rune
	err      error
}

func (r *Regex) exampleProg() *exampleProg {
	ex := &r.example
	ex.once.Do(func() {
		flags := syntax.Perl
		if r.Caseless {
			flags |= syntax.FoldCase
		}
		re, err := syntax.Parse(r.Pattern, flags)
		if err != nil {
			ex.err = err
			return
		}
		if ex.prog, ex.err = syntax.Compile(re.Simplify()); ex.err == nil {
			ex.alphabet = exampleAlphabet(ex.prog)
		}
	})
	return ex
}

// exampleAlphabet is the bytes the search appends: letters, digits and the
// URI punctuation that survives nginx's normalisation, plus every ASCII
// character the pattern names, so that literals in it can be spelled.
func exampleAlphabet(prog *syntax.Prog) []rune {
	set := map[rune]bool{}
	for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789/.-_~" {
		set[c] = true
	}
	for _, in := range prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1:
			for i := 0; i+1 < len(in.Rune) || i < len(in.Rune) && in.Op == syntax.InstRune1; i += 2 {
				c := in.Rune[i]
				if c > ' ' && c < 0x7f && !strings.ContainsRune("%?#", c) {
					set[c] = true
					set[unicode.ToLower(c)] = true
				}
			}
		}
	}
	out := make([]rune, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// pikeVM runs a regexp/syntax program as a set of threads, one step per
// character; a state is the set of instructions waiting for the next
// character, before the closure that needs to see it.
type pikeVM struct {
	prog    *syntax.Prog
	visited []uint32 // generation per instruction, to reuse without clearing
	gen     uint32
	stack   []uint32
	out     []uint32
}

// closure follows empty transitions from pcs, and from a new thread at the
// start (the search is unanchored), between characters before and after
// (-1 at either end of the text). The result is valid until the next call.
func (vm *pikeVM) closure(pcs []uint32, before, after rune) []uint32 {
	if vm.visited == nil {
		vm.visited = make([]uint32, len(vm.prog.Inst))
	}
	vm.gen++
	ctx := syntax.EmptyOpContext(before, after)
	vm.out = vm.out[:0]
	vm.stack = append(vm.stack[:0], uint32(vm.prog.Start))
	for i := len(pcs) - 1; i >= 0; i-- {
		vm.stack = append(vm.stack, pcs[i])
	}
	for len(vm.stack) > 0 {
		pc := vm.stack[len(vm.stack)-1]
		vm.stack = vm.stack[:len(vm.stack)-1]
		if vm.visited[pc] == vm.gen {
			continue
		}
		vm.visited[pc] = vm.gen
		in := &vm.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			vm.stack = append(vm.stack, in.Arg, in.Out)
		case syntax.InstCapture, syntax.InstNop:
			vm.stack = append(vm.stack, in.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^ctx == 0 {
				vm.stack = append(vm.stack, in.Out)
			}
		case syntax.InstFail:
		default:
			vm.out = append(vm.out, pc)
		}
	}
	return vm.out
}

// step consumes c after prev; hit reports a match that ended just before c.
func (vm *pikeVM) step(pre []uint32, prev, c rune) (next []uint32, hit bool) {
	for _, pc := range vm.closure(pre, prev, c) {
		in := &vm.prog.Inst[pc]
		if in.Op == syntax.InstMatch {
			hit = true
			continue
		}
		if in.MatchRune(c) {
			next = append(next, in.Out)
		}
	}
	sort.Slice(next, func(i, j int) bool { return next[i] < next[j] })
	next = slices.Compact(next)
	return next, hit
}

// matches reports whether the text read so far holds a match: a thread
// reaches Match at the end of the text.
func (vm *pikeVM) matches(pre []uint32, prev rune) bool {
	for _, pc := range vm.closure(pre, prev, -1) {
		if vm.prog.Inst[pc].Op == syntax.InstMatch {
			return true
		}
	}
	return false
}

// key identifies a state: the waiting threads and what the previous
// character means to \b and line anchors.
func (vm *pikeVM) key(pre []uint32, prev rune) string {
	var b strings.Builder
	for _, pc := range pre {
		b.WriteString(string(rune(pc + 0x100)))
	}
	switch {
	case prev == -1:
		b.WriteByte('^')
	case prev == '\n':
		b.WriteByte('n')
	case syntax.IsWordChar(prev):
		b.WriteByte('w')
	default:
		b.WriteByte('.')
	}
	return b.String()
}

// DefaultRegexBudget is the time the backtracking engine may spend in one
// run. Patterns Go's RE2 engine evaluates (most) cost nothing from it; a
// pathological PCRE-only pattern such as "^/ws/(a+)+$" may use one
// regexTimeout per match until the budget is spent.
const DefaultRegexBudget = time.Second

// ErrRegexBudget means the run's time for the backtracking engine is spent:
// what depended on a regex match is not determined.
var ErrRegexBudget = errors.New("the time for evaluating regexes with backtracking is spent")

// RegexBudget is the time the backtracking regex engine may spend in one
// run, shared by every match: each match may use at most regexTimeout and
// at most what is left. Safe for concurrent use.
type RegexBudget struct {
	mu      sync.Mutex
	left    time.Duration
	spent   bool
	matches int // matches run with the backtracking engine
}

// NewRegexBudget returns a budget of d (DefaultRegexBudget when d <= 0).
func NewRegexBudget(d time.Duration) *RegexBudget {
	if d <= 0 {
		d = DefaultRegexBudget
	}
	return &RegexBudget{left: d}
}

// Spent reports whether the budget ran out: some matches were not made.
func (b *RegexBudget) Spent() bool {
	if b == nil {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.spent
}

// Matches is the number of matches the backtracking engine ran.
func (b *RegexBudget) Matches() int {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.matches
}

// find runs re on s within the budget; a nil budget allows regexTimeout per
// match, as before budgets.
func (b *RegexBudget) find(re *regexp2.Regexp, s string) (*regexp2.Match, error) {
	if b == nil {
		return re.FindStringMatch(s)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.left <= 0 {
		b.spent = true
		return nil, ErrRegexBudget
	}
	b.matches++
	// A copy, so that the shared compiled pattern's timeout is not changed
	// under another goroutine.
	rc := *re
	rc.MatchTimeout = min(regexTimeout, b.left)
	start := time.Now()
	m, err := rc.FindStringMatch(s)
	b.left -= time.Since(start)
	if err != nil {
		b.spent = b.spent || b.left <= 0
		if b.left <= 0 {
			return nil, ErrRegexBudget
		}
	}
	return m, err
}

// attachRegexBudget gives every regex of the model the run's budget.
func (m *Model) attachRegexBudget(b *RegexBudget) {
	if b == nil {
		b = NewRegexBudget(0)
	}
	m.regexBudget = b
	for _, l := range m.Locations() {
		if l.Regex != nil {
			l.Regex.Budget = b
		}
	}
	for _, s := range m.Servers {
		for i := range s.Names {
			if s.Names[i].Regex != nil {
				s.Names[i].Regex.Budget = b
			}
		}
	}
	for _, mp := range m.Maps {
		for _, e := range mp.Entries {
			if e.Regex != nil {
				e.Regex.Budget = b
			}
		}
	}
}

// RegexBudgetSpent reports whether the run's time for backtracking regexes
// ran out while this model was used: an answer that needed a match may be
// missing, and should say it is not determined.
func (m *Model) RegexBudgetSpent() bool { return m.regexBudget.Spent() }
