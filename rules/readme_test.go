package rules_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

var update = flag.Bool("update", false, "rewrite the README's generated rule section")

const (
	beginMarker = "<!-- rules:begin (generated from the rule registry; go test ./rules -update refreshes it) -->\n"
	endMarker   = "<!-- rules:end -->"
)

// TestReadmeRules fails when the README's rule section is not what the
// registry generates; go test ./rules -update rewrites it.
func TestReadmeRules(t *testing.T) {
	const path = "../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i := strings.Index(readme, beginMarker)
	j := strings.Index(readme, endMarker)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q ... %q", beginMarker, endMarker)
	}
	// WS000, the notes about suppression comments, is not in All but is a
	// rule users see, disable and look up: the table lists it first.
	all := append([]*rules.Rule{rules.WS000}, rules.All...)
	want := readme[:i+len(beginMarker)] + "\n" + rules.Markdown(all) + "\n" + readme[j:]
	if want == readme {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule section is stale: run go test ./rules -update")
}
