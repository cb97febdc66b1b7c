// Package layers holds the test that keeps the import graph pointing down:
// parser <- rules/model <- rules <- lint/fix <- lint <- report, lsp <- cmd.
package layers

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/nginx-wslint/nginx-wslint/"

// layer ranks the product's packages: a package may import only packages
// of a lower rank. report and lsp are siblings (both on lint).
var layer = map[string]int{
	"parser":           0,
	"rules/model":      1,
	"rules":            2,
	"lint/fix":         3,
	"lint":             4,
	"report":           5,
	"lsp":              5,
	"cmd/nginx-wslint": 6,
}

// Every product package imports only packages below it, so that a rule
// never reaches for the engine or an output format, and the parser knows
// nothing of nginx-wslint's rules.
func TestImportsPointDown(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module)
		rank, ok := layer[pkg]
		if !ok {
			continue // tests' helpers, bench, contrib
		}
		seen++
		for _, imp := range fields[1:] {
			dep, own := strings.CutPrefix(imp, module)
			if !own {
				continue
			}
			depRank, known := layer[dep]
			if !known {
				t.Errorf("%s imports %s, which is not a product package", pkg, dep)
				continue
			}
			if depRank >= rank {
				t.Errorf("%s (layer %d) imports %s (layer %d): imports must point down", pkg, rank, dep, depRank)
			}
		}
	}
	if seen != len(layer) {
		t.Errorf("go list showed %d of the %d product packages", seen, len(layer))
	}
}
