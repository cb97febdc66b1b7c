package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// update refreshes the golden files: go test -run Golden -update.
var update = flag.Bool("update", false, "rewrite the golden files")

func updating() bool { return *update }

// TestGolden runs the command line in every text format on multi-file
// fixtures and compares with testdata/golden (go test -run Golden -update
// rewrites them). The fixtures are read from the repository root, as a user
// runs the tool there, so paths in the output are the user's.
func TestGolden(t *testing.T) {
	for _, fx := range []struct{ name, path string }{
		{"chat", "testdata/examples/chat"},
		{"ws007-nested", "testdata/rules/WS007/nested"},
		{"ws002-dump", "testdata/rules/WS002/missing.dump"},
	} {
		for _, format := range []string{"text", "json", "github"} {
			t.Run(fx.name+"."+format, func(t *testing.T) {
				root, err := filepath.Abs("../..")
				if err != nil {
					t.Fatal(err)
				}
				t.Chdir(root)
				args := []string{"--format", format, "--no-color"}
				var stdin *os.File
				if filepath.Ext(fx.path) == ".dump" {
					f, err := os.Open(fx.path)
					if err != nil {
						t.Fatal(err)
					}
					defer f.Close()
					stdin = f
					args = append(args, "--path-map", "/etc/nginx=deploy/nginx", "-")
				} else {
					args = append(args, fx.path)
				}
				var stdout, stderr bytes.Buffer
				code := run(args, stdin, &stdout, &stderr)
				if stderr.Len() > 0 {
					t.Errorf("stderr: %s", stderr.String())
				}
				if code != exitFindings {
					t.Errorf("exit code %d, want %d", code, exitFindings)
				}
				golden := filepath.Join(root, "cmd", "nginx-wslint", "testdata", "golden", fx.name+"."+format)
				if updating() {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -run Golden -update)", err)
				}
				if !bytes.Equal(stdout.Bytes(), want) {
					t.Errorf("output differs from %s (run with -update if intended):\n%s", golden, stdout.String())
				}
			})
		}
	}
}
