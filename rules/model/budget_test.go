package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A pathological PCRE-only pattern (the "$" sends it to the backtracking
// engine) on an input it backtracks on: the run's budget ends the search
// with ErrRegexBudget after a bounded number of matches, not one timeout
// per candidate.
func TestRegexBudgetPerRun(t *testing.T) {
	budget := NewRegexBudget(300 * time.Millisecond)
	prefix := "/" + strings.Repeat("a", 30) + "/ws/"
	var errs []error
	for range 4 {
		r := CompileRegex(`(a+)+$`, false)
		r.Budget = budget
		_, err := r.Example(prefix, func(s string) bool {
			matched, ok := r.MatchString(s)
			return ok && matched
		})
		errs = append(errs, err)
	}
	for i, err := range errs {
		if !errors.Is(err, ErrRegexBudget) {
			t.Errorf("search %d: %v, want ErrRegexBudget", i, err)
		}
	}
	// Each match may use at most regexTimeout: 300ms allow 3 of them, and
	// the searches after the budget is spent run none.
	if n := budget.Matches(); n > 4 {
		t.Errorf("%d backtracking matches, want at most 4", n)
	}
	if !budget.Spent() {
		t.Error("budget not spent")
	}
}

// Patterns RE2 evaluates cost nothing from the budget.
func TestRegexBudgetRE2Free(t *testing.T) {
	budget := NewRegexBudget(time.Nanosecond)
	r := CompileRegex(`^/ws/[0-9]+`, false)
	r.Budget = budget
	for range 1000 {
		if m, ok := r.MatchString("/ws/42"); !m || !ok {
			t.Fatal("no match")
		}
	}
	if budget.Matches() != 0 || budget.Spent() {
		t.Errorf("%d matches, spent %v", budget.Matches(), budget.Spent())
	}
}
