package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// FuzzCLI drives the whole command line, through run(), with random
// configurations and flags: every output format, a file or standard input,
// an nginx -T dump, an included snippet, fragment contexts, disabled rules,
// nginx versions, and the route subcommand. Whatever the input, the program
// must not panic, must exit with a documented code and no internal error,
// must print valid JSON and SARIF, and one finding per line in --quiet text
// and github output.
//
// The seeds (f.Add below and testdata/fuzz/FuzzCLI) run with every go test;
// fuzz with
//
//	go test -run '^$' -fuzz FuzzCLI -parallel=1 ./cmd/nginx-wslint/
func FuzzCLI(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.src, s.snippet, s.choice, s.uri)
	}
	f.Fuzz(func(t *testing.T, src, snippet string, choice uint64, uri string) {
		checkRun(t, cliCase(t, src, snippet, choice, uri))
	})
}

// fuzzCase is one command line with its files and standard input.
type fuzzCase struct {
	args   []string
	stdin  string
	format string // text, json, sarif, github
	quiet  bool
	route  bool
	fix    string // "", "--diff" or "--fix"
}

// bits takes n bits off the low end of *c.
func bits(c *uint64, n uint) uint64 {
	v := *c & (1<<n - 1)
	*c >>= n
	return v
}

// cliCase turns the fuzzer's values into a command line: src is the main
// configuration (or a fragment), snippet the file src may include as
// snippets/s.conf, choice picks the flags, uri the route request.
func cliCase(t *testing.T, src, snippet string, choice uint64, uri string) fuzzCase {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	main := write("conf/main.conf", src)
	write("conf/snippets/s.conf", snippet)

	var c fuzzCase
	c.format = []string{"text", "json", "sarif", "github"}[bits(&choice, 2)]
	c.quiet = bits(&choice, 1) == 1
	input := bits(&choice, 2) // file, stdin, stdin dump, directory
	context := []string{"", "http", "server", "location"}[bits(&choice, 2)]
	disable := bits(&choice, 4)
	version := []string{"", "1.22.1", "1.29.7", "1.x"}[bits(&choice, 2)]
	wsPath := bits(&choice, 1) == 1
	failOn := []string{"warning", "error", "note", "never"}[bits(&choice, 2)]
	minRead := []string{"", "1h", "0", "5s"}[bits(&choice, 2)]
	stdinName := bits(&choice, 1) == 1
	c.route = bits(&choice, 2) == 3
	host := []string{"", "example.com", "chat.example.com", "a"}[bits(&choice, 2)]
	port := []string{"", "80", "443", "8080"}[bits(&choice, 2)]
	rootPrefix := bits(&choice, 2) // none, --root, --prefix, both
	c.fix = []string{"", "--diff", "--fix", ""}[bits(&choice, 2)]

	var flags, paths []string
	if c.route {
		flags = append(flags, "route")
		if c.format != "text" {
			c.format = "json"
		}
	}
	flags = append(flags, "--format", c.format)
	if context != "" {
		flags = append(flags, "--context", context)
	}
	if version != "" {
		flags = append(flags, "--nginx-version", version)
	}
	if rootPrefix&1 != 0 {
		flags = append(flags, "--root", dir)
	}
	if rootPrefix&2 != 0 {
		flags = append(flags, "--prefix", filepath.Join(dir, "conf"))
	}
	if host != "" {
		flags = append(flags, "--host", host)
	}
	if port != "" && c.route {
		flags = append(flags, "--port", port)
	}
	if !c.route {
		if c.quiet {
			flags = append(flags, "--quiet")
		}
		if disable > 0 {
			flags = append(flags, "--disable", rules.All[int(disable-1)%len(rules.All)].ID)
		}
		if wsPath {
			flags = append(flags, "--ws-path", "/*")
		}
		flags = append(flags, "--fail-on", failOn)
		if minRead != "" {
			flags = append(flags, "--min-read-timeout", minRead)
		}
		if c.fix != "" {
			flags = append(flags, c.fix)
		}
	}
	switch input {
	case 0:
		paths = []string{main}
	case 1:
		c.stdin = src
		paths = []string{"-"}
		if stdinName {
			flags = append(flags, "--stdin-filename", filepath.Join(dir, "conf", "sites", "app.conf"))
		}
	case 2:
		c.stdin = "# configuration file /etc/nginx/nginx.conf:\n" + src + "\n\n# configuration file /etc/nginx/snippets/s.conf:\n" + snippet + "\n"
		paths = []string{"-"}
	case 3:
		paths = []string{dir}
	}
	if c.route {
		if !strings.HasPrefix(uri, "/") {
			uri = "/" + uri
		}
		c.args = append(append(append(flags, "--"), uri), paths...)
		if c.format == "text" {
			c.quiet = true // route prints no finding lines
		}
		return c
	}
	c.args = append(append(flags, "--"), paths...)
	return c
}

var (
	// textLine is one --quiet text line: a finding or a configuration
	// error.
	textLine = regexp.MustCompile(`^.*:\d+:\d+: (error|warning|note): .+$`)
	// diffLine is one line of a unified diff.
	diffLine = regexp.MustCompile(`^(--- |\+\+\+ |@@ |[ +\-\\]|diff )`)
	// githubLine is one workflow command, or the plain finding line or the
	// summary printed after them for a person reading the log.
	githubLine = regexp.MustCompile(`^(::(error|warning|notice)( [^:]*)?::.*|.*:\d+:\d+: (error|warning|note): .+|nginx-wslint: \d+ errors?, .*)$`)
)

// checkRun runs one command line and checks what the user sees.
func checkRun(t *testing.T, c fuzzCase) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(c.args, strings.NewReader(c.stdin), &stdout, &stderr)
	show := func() string {
		return fmt.Sprintf("nginx-wslint %q (stdin %q)\nexit %d\nstdout:\n%s\nstderr:\n%s", c.args, c.stdin, code, stdout.String(), stderr.String())
	}
	switch code {
	case 0, 1, 2:
	case 3:
		t.Fatalf("internal error (a rule or the model crashed):\n%s", show())
	default:
		t.Fatalf("undocumented exit code:\n%s", show())
	}
	out := stdout.String()
	// Issue 13: nothing from the input can drive a terminal or start a
	// workflow command, on stdout or stderr (safeoutput_test.go).
	if c.fix != "" {
		// --diff, and --fix on standard input or a dump, print a patch.
		checkSafeOutput(t, "diff:"+c.format, out)
	} else {
		checkSafeOutput(t, c.format, out)
	}
	checkSafeOutput(t, "stderr", stderr.String())
	if code == 2 && out == "" {
		return // a usage error or unreadable input: said on stderr
	}
	if c.fix == "--fix" {
		return // it says what it changed, then reports: no format to check
	}
	if c.fix == "--diff" {
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if line != "" && !diffLine.MatchString(line) {
				t.Fatalf("--diff output line %q is not a unified diff line:\n%s", line, show())
			}
		}
		return
	}
	if c.route {
		if c.format == "json" && code != 2 && !json.Valid(stdout.Bytes()) {
			t.Fatalf("route --format json printed invalid JSON:\n%s", show())
		}
		return
	}
	switch c.format {
	case "json", "sarif":
		if !json.Valid(stdout.Bytes()) {
			t.Fatalf("invalid %s:\n%s", c.format, show())
		}
	case "github":
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if line != "" && !githubLine.MatchString(line) {
				t.Fatalf("github output line %q is not one workflow command:\n%s", line, show())
			}
		}
	case "text":
		if !c.quiet {
			return
		}
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if line != "" && !textLine.MatchString(line) {
				t.Fatalf("--quiet output line %q is not one finding:\n%s", line, show())
			}
		}
	}
}

// fuzzSeed is one starting point for the fuzzer.
type fuzzSeed struct {
	src, snippet string
	choice       uint64
	uri          string
}

// fuzzSeeds are the rule examples and fixtures and the README's example,
// each through a few command lines, and the inputs issue 10 saw crash.
func fuzzSeeds(f *testing.F) []fuzzSeed {
	snippet := "proxy_http_version 1.1;\nproxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;\n"
	var out []fuzzSeed
	// Choices that cover each format with each input (file, stdin, dump,
	// directory), --quiet text, and route in text and JSON.
	const route = 3 << 19
	const diff, fix = 1 << 27, 2 << 27
	choices := []uint64{0, 1 | 1<<3, 2 | 2<<3, 3 | 3<<3, 4, 4 | 1<<3 | 3<<5, 1 | 2<<3, route, route | 1 | 1<<3, diff, diff | 1<<3, fix, fix | 1<<3 | 1}
	add := func(src string) {
		for _, choice := range choices {
			out = append(out, fuzzSeed{src: src, snippet: snippet, choice: choice, uri: "/ws/chat"})
		}
	}
	for _, r := range rules.All {
		add(r.Doc.Bad)
		add(r.Doc.Good)
	}
	files, err := filepath.Glob("../../testdata/rules/*/*.conf")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, fuzzSeed{src: string(b), snippet: snippet, choice: choices[len(out)%len(choices)], uri: "/ws/"})
	}
	for _, s := range []string{
		"proxy_pass http://127.0.0.1:9000;\nproxy_set_header Upgrade $http_upgrade;\n",
		"proxy_pass http://b; proxy_set_header Upgrade 0; proxy_set_header Connection 0;",
		"events{} http{ server { listen; } }",
		"include snippets/s.conf;\nproxy_pass http://127.0.0.1:9000/;\n",
		"listen 80;\nlocation /ws/ { proxy_pass http://b; include snippets/s.conf; }\n",
		"nginx: [emerg] unknown directive \"foo\" in /etc/nginx/nginx.conf:5\nnginx: configuration file /etc/nginx/nginx.conf test failed\n",
		"location /ws { proxy_pass http://b; proxy_set_header Connection \"a\nb\"; proxy_set_header Upgrade $http_upgrade; }\n",
	} {
		add(s)
	}
	return out
}
