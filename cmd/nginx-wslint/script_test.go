package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run the real command line as "nginx-wslint",
// in a child process, so exit codes and standard streams are the user's.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"nginx-wslint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: each is a session at a shell
// with the files it needs and the exact output expected.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
