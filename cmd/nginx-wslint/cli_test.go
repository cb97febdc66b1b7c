package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// With no PATH and standard input not piped (a terminal, or nothing at all
// as in CI), the user is told what to give rather than left waiting.
func TestNoInputFromTerminalOrNothing(t *testing.T) {
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	var stdout, stderr bytes.Buffer
	code := run(nil, devnull, &stdout, &stderr)
	if code != exitError {
		t.Errorf("exit code %d, want %d", code, exitError)
	}
	want := "nginx-wslint: no input: give a PATH, or pipe a configuration or an \"nginx -T\" dump into standard input (see --help)\n"
	if stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", stdout.String())
	}
}

// The example the README runs prints exactly what the README shows.
func TestReadmeExample(t *testing.T) {
	t.Chdir("../..")
	var stdout, stderr bytes.Buffer
	code := run([]string{"testdata/examples/chat"}, nil, &stdout, &stderr)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if code != exitFindings {
		t.Errorf("exit code %d, want %d (the README says 1)", code, exitFindings)
	}
	if stdout.Len() == 0 || !strings.Contains(string(readme), "```\n"+stdout.String()+"```") {
		t.Errorf("README does not show the example's output as printed:\n%s", stdout.String())
	}
}
