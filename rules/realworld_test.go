package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realworldDir holds real configurations collected from public
// repositories (MANIFEST.tsv gives each one's repository, path and
// commit), each judged by hand; expected.txt is what the linter says about
// them, so that a change in any finding shows up in review. Refresh it
// with go test ./rules -run TestRealWorld -update, and judge the diff.
const realworldDir = "../testdata/realworld2"

// TestRealWorld lints every collected configuration on its own, as
// `nginx-wslint FILE` does, and compares every finding (and every syntax
// error, with its hint) with the golden file.
func TestRealWorld(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(realworldDir, "*.conf"))
	if err != nil || len(files) < 30 {
		t.Fatalf("want at least 30 collected configurations in %s, have %d (%v)", realworldDir, len(files), err)
	}
	var b strings.Builder
	for _, f := range files {
		cfgs, diags := lint(t, f)
		for _, cfg := range cfgs {
			for _, e := range cfg.Errors {
				if e.Missing {
					continue // the repositories do not hold the server's other files
				}
				fmt.Fprintf(&b, "%s:%d:%d: parse error: %s\n", filepath.Base(e.File), e.Line, e.Column, strings.TrimPrefix(e.Error(), e.String()+": "))
			}
		}
		for _, d := range diags {
			fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", filepath.Base(d.Start.File), d.Start.Line, d.Start.Column, d.Severity, d.Rule.ID, d.Message)
		}
	}
	got := strings.ReplaceAll(b.String(), realworldDir+"/", "")
	golden := filepath.Join(realworldDir, "expected.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./rules -run TestRealWorld -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		seen := map[string]bool{}
		for _, l := range wl {
			seen[l] = true
		}
		for _, l := range gl {
			if !seen[l] {
				t.Errorf("new: %s", l)
			}
			delete(seen, l)
		}
		for _, l := range wl {
			if seen[l] {
				t.Errorf("gone: %s", l)
			}
		}
	}
}
