package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// `location ~ (a+)+$` beside a WebSocket prefix whose path the pattern
// backtracks on: WS007 stops with a note that the answer is not determined
// once the run's regex budget is spent, after a bounded number of matches.
func TestWS007RegexBudgetNote(t *testing.T) {
	var b strings.Builder
	b.WriteString("http {\nserver {\n")
	b.WriteString("location /" + strings.Repeat("a", 30) + "/ws/ { proxy_pass http://b; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection \"upgrade\"; proxy_read_timeout 1h; }\n")
	for range 4 {
		b.WriteString("location ~ (a+)+$ { return 200; }\n")
	}
	b.WriteString("}\n}\n")
	cfg := parser.ParseBytes("re.conf", b.String(), parser.Options{})
	budget := model.NewRegexBudget(300 * time.Millisecond)
	m := model.Build(cfg, model.Options{RegexBudget: budget})
	ds := rules.Run(m, []*rules.Rule{rules.ByID("WS007")}, rules.Options{})
	var got []string
	for _, d := range ds {
		got = append(got, d.Start.String()+": "+d.Severity.String()+": "+d.Message)
	}
	want := `re.conf:3:1: note: not determined: whether regex location "~ (a+)+$" (re.conf:`
	if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.HasSuffix(got[0], "(the time for evaluating backtracking regexes ran out)") {
		t.Errorf("findings:\n%s\nwant one starting %q", strings.Join(got, "\n"), want)
	}
	if n := budget.Matches(); n > 4 {
		t.Errorf("%d backtracking matches", n)
	}
}
