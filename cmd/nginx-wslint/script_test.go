package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// TestMain lets the scripts run the real command line as "nginx-wslint",
// in a child process, so exit codes and standard streams are the user's.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"nginx-wslint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
		// The command line with one more rule, which crashes on the
		// location /boom/ (panic_test.go).
		"nginx-wslint-with-crashing-rule": func() {
			testRules = []*rules.Rule{crashingRule}
			os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs testdata/script/*.txtar: each is a session at a shell
// with the files it needs and the exact output expected.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: map[string]func(*testscript.TestScript, bool, []string){
		"exits": exits,
	}})
}

// exits N PROGRAM [ARG...] runs a program as exec does and fails unless
// its exit code is N: "! exec" accepts any failure.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N PROGRAM [ARG...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}
