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

// realworld3Dir is the third round: 26 configurations of other
// applications (Home Assistant, Collabora, Jitsi, Zulip, Kibana, Socket.IO
// clusters...), judged finding by finding in its JUDGMENT.md. Refresh it
// with go test ./rules -run TestRealWorld3 -update, and judge the diff.
const realworld3Dir = "../testdata/realworld3"

// TestRealWorld lints every collected configuration on its own, as
// `nginx-wslint FILE` does, and compares every finding (and every syntax
// error, with its hint) with the golden file.
func TestRealWorld(t *testing.T) { checkRealWorld(t, realworldDir, 30) }

// TestRealWorld3 does the same for the third round of configurations.
func TestRealWorld3(t *testing.T) { checkRealWorld(t, realworld3Dir, 26) }

// checkRealWorld lints each *.conf file of dir alone and compares what it
// says with dir/expected.txt; dir must hold at least min configurations.
func checkRealWorld(t *testing.T, dir string, min int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.conf"))
	if err != nil || len(files) < min {
		t.Fatalf("want at least %d collected configurations in %s, have %d (%v)", min, dir, len(files), err)
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
	got := strings.ReplaceAll(b.String(), dir+"/", "")
	golden := filepath.Join(dir, "expected.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./rules -run %s -update)", err, t.Name())
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
