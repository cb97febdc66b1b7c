package parser

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Hostile inputs: each must end in an error with a file:line:col, in bounded
// time and memory. Time is bounded by go test's timeout (a hang fails the
// run), memory by the allocation checks below; the tests assert on messages
// and positions, never on timings.

var (
	cliOnce sync.Once
	cliDir  string
	cliBin  string
	cliErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if cliDir != "" {
		os.RemoveAll(cliDir)
	}
	os.Exit(code)
}

// cli returns the path of the nginx-wslint binary, built once per run, or
// $NGINX_WSLINT_CLI when set (a binary built beforehand).
func cli(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("NGINX_WSLINT_CLI"); bin != "" {
		return bin
	}
	if testing.Short() {
		t.Skip("builds the CLI; skipped with -short")
	}
	cliOnce.Do(func() {
		goBin, err := exec.LookPath("go")
		if err != nil {
			cliErr = fmt.Errorf("no go command to build the CLI with: %w", err)
			return
		}
		cliDir, cliErr = os.MkdirTemp("", "nginx-wslint-cli")
		if cliErr != nil {
			return
		}
		cliBin = filepath.Join(cliDir, "nginx-wslint")
		cmd := exec.Command(goBin, "build", "-o", cliBin, "github.com/nginx-wslint/nginx-wslint/cmd/nginx-wslint")
		if out, err := cmd.CombinedOutput(); err != nil {
			cliErr = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	return cliBin
}

// runCLI runs the CLI on args and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(cli(t), args...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, string(out)
	case errors.As(err, &exit):
		return exit.ExitCode(), string(out)
	}
	t.Fatalf("running the CLI: %v", err)
	return 0, ""
}

// wantCLIError runs the CLI on file and expects exit code 2 and the line
// "file:line:col: error: msg..." in its output.
func wantCLIError(t *testing.T, file string, line, col int, msg string) {
	t.Helper()
	wantCLIErrorIn(t, file, file, line, col, msg)
}

// wantCLIErrorIn runs the CLI on main and expects exit code 2 and the line
// "file:line:col: error: msg..." in its output.
func wantCLIErrorIn(t *testing.T, main, file string, line, col int, msg string) {
	t.Helper()
	code, out := runCLI(t, main)
	want := fmt.Sprintf("%s:%d:%d: error: %s", file, line, col, msg)
	if code != 2 || !strings.Contains(out, want) {
		t.Errorf("nginx-wslint %s: exit %d, output:\n%.2000s\nwant exit 2 and %q", main, code, out, want)
	}
}

// wantError checks cfg's structure and that one of its errors is at
// file:line:col with a message starting with msg; it returns that error.
func wantError(t *testing.T, cfg *Config, file string, line, col int, msg string) *Error {
	t.Helper()
	checkConfig(t, cfg)
	for _, e := range cfg.Errors {
		if e.File == file && int(e.Line) == line && int(e.Column) == col && strings.HasPrefix(e.Msg, msg) {
			return e
		}
	}
	var got []string
	for i, e := range cfg.Errors {
		if i == 10 {
			got = append(got, fmt.Sprintf("... %d more", len(cfg.Errors)-i))
			break
		}
		got = append(got, fmt.Sprintf("%.300s", e.Error()))
	}
	t.Fatalf("want error %s:%d:%d: %s...; got:\n%s", file, line, col, msg, strings.Join(got, "\n"))
	return nil
}

func writeFile(t testing.TB, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func parseFile(t testing.TB, name string) *Config {
	t.Helper()
	cfg, err := ParseFile(name, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestHostileBinary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i, size := range []int{1, 7, 100, 4095, 4096, 4097, 65536, 1 << 20} {
		b := make([]byte, size)
		for j := range b {
			b[j] = byte(rng.Uint32())
		}
		src := string(b)
		cfg := ParseBytes("/h/random.conf", src, Options{FS: NewMemFS(nil)})
		checkConfig(t, cfg)
		if size >= 100 && !hasSyntaxErrors(cfg) {
			t.Errorf("random input %d (%d bytes) read without a syntax error", i, size)
		}
	}
	// Bytes drawn from nginx's syntax characters go deeper into the lexer.
	const alphabet = "ab$;{}\"'\\ \n\r\t#x\x00"
	for i := range 2000 {
		b := make([]byte, 1+rng.IntN(200))
		for j := range b {
			b[j] = alphabet[rng.IntN(len(alphabet))]
		}
		cfg := ParseBytes("/h/syntax.conf", string(b), Options{FS: NewMemFS(nil)})
		checkConfig(t, cfg)
		checkReparse(t, cfg)
		if t.Failed() {
			t.Fatalf("input %d: %q", i, b)
		}
	}

	// NULs are ordinary word bytes for nginx: a run of them is one word.
	cfg := ParseBytes("/h/nul.conf", "\x00\x00\x00", Options{FS: NewMemFS(nil)})
	_ = wantError(t, cfg, "/h/nul.conf", 1, 4, `unexpected end of file, expecting ";" or "}"`)
	cfg = ParseBytes("/h/nul.conf", strings.Repeat("\x00", 1<<20), Options{FS: NewMemFS(nil)})
	_ = wantError(t, cfg, "/h/nul.conf", 1, 1, "too long parameter \"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00...\" started")
	cfg = ParseBytes("/h/nul.conf", "events {}\n\x00 {\n", Options{FS: NewMemFS(nil)})
	_ = wantError(t, cfg, "/h/nul.conf", 3, 1, `unexpected end of file, expecting "}"`)
}

func TestHostileLongLine(t *testing.T) {
	const size = 50 << 20
	dir := t.TempDir()
	tests := []struct {
		name, prefix string
		col          int
		msg          string
	}{
		{"bare.conf", "", 1, `too long parameter "xxxxxxxxxx..." started`},
		{"arg.conf", "events {}\nserver_name ", 13, `too long parameter "xxxxxxxxxx..." started`},
		{"dquote.conf", "worker_processes \"", 18, `too long parameter, probably missing terminating """ character`},
		{"squote.conf", "worker_processes '", 18, `too long parameter, probably missing terminating "'" character`},
		{"comment.conf", "# ", 1, `too long parameter "# xxxxxxxx..." started`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := writeFile(t, filepath.Join(dir, tt.name), tt.prefix+strings.Repeat("x", size-len(tt.prefix)))
			line := 1 + strings.Count(tt.prefix, "\n")
			var cfg *Config
			alloc := allocated(func() { cfg = parseFile(t, name) })
			_ = wantError(t, cfg, name, line, tt.col, tt.msg)
			// Reading the file costs its size twice ([]byte, then string);
			// the parse itself must add next to nothing.
			if alloc > 3*size {
				t.Errorf("parsing a %d-byte file allocated %d bytes", size, alloc)
			}
		})
	}
	t.Run("cli", func(t *testing.T) {
		wantCLIError(t, filepath.Join(dir, "arg.conf"), 2, 13, `too long parameter "xxxxxxxxxx..." started`)
	})
}

func TestHostileDeepNesting(t *testing.T) {
	dir := t.TempDir()
	const n = 10000
	nested := strings.Repeat("location / {\n", n) + strings.Repeat("}\n", n)
	// The file's location blocks make it a server body; nginx would accept
	// it (it has no depth limit), the linter stops at DefaultLimits.MaxNesting.
	name := writeFile(t, filepath.Join(dir, "deep.conf"), nested)
	var cfg *Config
	alloc := allocated(func() { cfg = parseFile(t, name) })
	e := wantError(t, cfg, name, DefaultLimits.MaxNesting+1, 12, fmt.Sprintf("blocks nested more than %d levels deep", DefaultLimits.MaxNesting))
	if e.Msg != fmt.Sprintf("blocks nested more than %d levels deep", DefaultLimits.MaxNesting) {
		t.Errorf("message %q", e.Msg)
	}
	if len(cfg.Errors) != 1 {
		t.Errorf("%d errors, want 1: %v", len(cfg.Errors), cfg.Errors)
	}
	if alloc > 10<<20 {
		t.Errorf("parsing %d nested blocks allocated %d bytes", n, alloc)
	}

	// Unknown blocks, in a main context.
	unknown := "events {}\n" + strings.Repeat("a{", n)
	cfg = ParseBytes("/h/unknown.conf", unknown, Options{FS: NewMemFS(nil)})
	_ = wantError(t, cfg, "/h/unknown.conf", 2, 2*DefaultLimits.MaxNesting+2, "blocks nested more than")

	// Braces alone.
	cfg = ParseBytes("/h/open.conf", strings.Repeat("{", n), Options{FS: NewMemFS(nil)})
	_ = wantError(t, cfg, "/h/open.conf", 1, 1, `unexpected "{"`)
	cfg = ParseBytes("/h/close.conf", strings.Repeat("}", n), Options{FS: NewMemFS(nil)})
	_ = wantError(t, cfg, "/h/close.conf", 1, 1, `unexpected "}"`)

	// Lua blocks are skipped as text however deep their braces go.
	lua := "content_by_lua_block {" + strings.Repeat("{", n) + strings.Repeat("}", n) + "}\nproxy_pass http://b;\n"
	cfg = ParseBytes("/h/lua.conf", "# nginx-wslint-context: location\n"+lua, Options{FS: NewMemFS(nil)})
	checkConfig(t, cfg)
	if len(cfg.Errors) != 0 || len(cfg.Main.Directives) != 2 {
		t.Errorf("lua: %d directives, errors %v", len(cfg.Main.Directives), cfg.Errors)
	}

	t.Run("cli", func(t *testing.T) {
		wantCLIError(t, name, DefaultLimits.MaxNesting+1, 12, "blocks nested more than")
	})
}

func TestHostileIncludeCycles(t *testing.T) {
	dir := t.TempDir()

	self := writeFile(t, filepath.Join(dir, "self", "nginx.conf"), "events {}\ninclude nginx.conf;\n")
	cfg := parseFile(t, self)
	_ = wantError(t, cfg, self, 2, 1, fmt.Sprintf("include cycle: %q is already being read", self))
	if len(cfg.Files) != 1 {
		t.Errorf("self include: %d files read", len(cfg.Files))
	}

	a := writeFile(t, filepath.Join(dir, "ab", "nginx.conf"), "events {}\nhttp {\n    include b.conf;\n}\n")
	b := writeFile(t, filepath.Join(dir, "ab", "b.conf"), "# b\n  include nginx.conf;\n")
	cfg = parseFile(t, a)
	e := wantError(t, cfg, b, 2, 3, "include cycle: ")
	if !strings.Contains(e.Hint, "nginx.conf -> ") || !strings.Contains(e.Hint, "b.conf -> ") {
		t.Errorf("hint %q does not show the chain", e.Hint)
	}

	// A glob that matches the file holding it.
	glob := writeFile(t, filepath.Join(dir, "glob", "a.conf"), "include *.conf;\n")
	writeFile(t, filepath.Join(dir, "glob", "b.conf"), "# b\n")
	cfg = parseFile(t, glob)
	_ = wantError(t, cfg, glob, 1, 1, "include cycle: ")
	if len(cfg.Files) != 2 {
		t.Errorf("glob cycle: %d files read, want 2", len(cfg.Files))
	}

	t.Run("cli", func(t *testing.T) {
		wantCLIError(t, self, 2, 1, "include cycle: ")
		wantCLIErrorIn(t, a, b, 2, 3, "include cycle: ")
	})
}

// Files that each include the same glob: the cycle check stops every cycle,
// but the number of cycle-free include paths grows as the factorial of the
// number of files, and each path is read. nginx itself recurses here until it
// runs out of file descriptors; the linter must stay bounded.
func TestHostileIncludeGlobFactorial(t *testing.T) {
	dir := t.TempDir()
	const k = 9
	for i := range k {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%02d.conf", i)), "include f*.conf;\n")
	}
	f00 := filepath.Join(dir, "f00.conf")
	cfg := parseFile(t, f00)
	checkConfig(t, cfg)
	if len(cfg.Files) > DefaultLimits.MaxFiles || len(cfg.Errors) > 1000 {
		t.Errorf("%d files read, %d errors", len(cfg.Files), len(cfg.Errors))
	}
	found := false
	for _, e := range cfg.Errors {
		found = found || strings.HasPrefix(e.Msg, fmt.Sprintf("more than %d files read through include", DefaultLimits.MaxFiles))
	}
	if !found {
		t.Errorf("no error about the include limit among %d errors", len(cfg.Errors))
	}
}

// A file that includes the next one twice: 2^depth file occurrences.
func TestHostileIncludeDoubling(t *testing.T) {
	dir := t.TempDir()
	const depth = 20
	for i := range depth {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%02d.conf", i)),
			fmt.Sprintf("include f%02d.conf;\ninclude f%02d.conf;\n", i+1, i+1))
	}
	writeFile(t, filepath.Join(dir, fmt.Sprintf("f%02d.conf", depth)), "# end\n")
	cfg := parseFile(t, filepath.Join(dir, "f00.conf"))
	if len(cfg.Files) > DefaultLimits.MaxFiles {
		t.Errorf("%d files read", len(cfg.Files))
	}
	if len(cfg.Errors) != 1 || !strings.Contains(cfg.Errors[0].Msg, "files read through include") {
		t.Errorf("errors: %v", cfg.Errors)
	}
}

// globBlowupName is a file name that an include glob with many "*" took
// exponential time to match before matchFrom became linear.
var globBlowupName = strings.Repeat("a", 200)

// An include glob with many "*" against a long file name: glibc's glob(3),
// which nginx calls, answers at once, and so must matchFrom (fs.go), which
// once backtracked over every way of splitting the name among the stars.
func TestHostileGlobPattern(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "x", globBlowupName), "# never matched\n")
	pattern := "x/" + strings.Repeat("*a", 10) + "*b"
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), "events {}\ninclude "+pattern+";\n")
	done := make(chan *Config, 1)
	go func() { done <- parseFile(t, main) }()
	select {
	case cfg := <-done:
		checkConfig(t, cfg)
		if len(cfg.Errors) != 0 || len(cfg.Files) != 1 {
			t.Errorf("%d files, errors %v", len(cfg.Files), cfg.Errors)
		}
	case <-time.After(30 * time.Second):
		// A hang detector, not a performance assertion: the match is
		// instantaneous when it is linear.
		t.Fatalf("include %s did not finish in 30 s", pattern)
	}
	m := NewMemFS(map[string]string{"/m/" + globBlowupName: ""})
	if got, _ := m.Glob("/m/" + strings.Repeat("*a", 10) + "*b"); len(got) != 0 {
		t.Errorf("MemFS.Glob matched %v", got)
	}
}

// One statement of millions of words: the lexer's scratch slice doubles as
// it grows and the words are then copied into a slice of their own, so 5 MB
// of "a a a ..." costs 1.4 GB of allocations and 500 MB of RSS (nginx
// stores 16 bytes per word). A statement longer than any real one (say 10,000
// words) could end with an error instead.
func TestHostileManyWords(t *testing.T) {
	const size = 5 << 20
	src := "events {}\nworker_processes " + strings.Repeat("a ", size/2) + ";\n"
	var cfg *Config
	alloc := allocated(func() { cfg = ParseBytes("/h/words.conf", src, Options{FS: NewMemFS(nil)}) })
	_ = wantError(t, cfg, "/h/words.conf", 2, 1, "")
	if alloc > 50*size {
		t.Errorf("a %d-byte statement allocated %d bytes", len(src), alloc)
	}
}

func TestHostileUnreadable(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	// nginx 1.22.1 opens a directory without complaint and fails reading
	// it: `[crit] pread() "DIR/sub" failed (21: Is a directory)`, with no
	// file:line, and -t fails. The linter says the same, at the include,
	// as an error (not Missing: the file is there, nginx refuses it).
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), "events {}\ninclude sub;\ninclude su[b];\n")
	cfg := parseFile(t, main)
	sub := filepath.Join(dir, "sub")
	for _, line := range []int{2, 3} {
		e := wantError(t, cfg, main, line, 1, fmt.Sprintf("pread() %q failed (21: Is a directory)", sub))
		if e.Missing {
			t.Errorf("%v: Missing", e)
		}
	}

	t.Run("mode000", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: mode 000 does not stop root from reading a file")
		}
		secret := writeFile(t, filepath.Join(dir, "secret.conf"), "server_name x;\n")
		if err := os.Chmod(secret, 0); err != nil {
			t.Fatal(err)
		}
		main := writeFile(t, filepath.Join(dir, "m000.conf"), "events {}\ninclude secret.conf;\n")
		cfg := parseFile(t, main)
		_ = wantError(t, cfg, main, 2, 1, fmt.Sprintf("open() %q failed (13: Permission denied)", secret))
	})

	t.Run("symlink-loop", func(t *testing.T) {
		loop := filepath.Join(dir, "loop")
		if err := os.MkdirAll(loop, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("b.conf", filepath.Join(loop, "a.conf")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("a.conf", filepath.Join(loop, "b.conf")); err != nil {
			t.Fatal(err)
		}
		main := writeFile(t, filepath.Join(dir, "loop.conf"), "events {}\ninclude loop/a.conf;\ninclude loop/*.conf;\n")
		cfg := parseFile(t, main)
		const eloop = "(40: Too many levels of symbolic links)"
		_ = wantError(t, cfg, main, 2, 1, fmt.Sprintf("open() %q failed %s", filepath.Join(loop, "a.conf"), eloop))
		_ = wantError(t, cfg, main, 3, 1, fmt.Sprintf("open() %q failed %s", filepath.Join(loop, "a.conf"), eloop))
		_ = wantError(t, cfg, main, 3, 1, fmt.Sprintf("open() %q failed %s", filepath.Join(loop, "b.conf"), eloop))
	})

	t.Run("main-is-directory", func(t *testing.T) {
		if _, err := ParseFile(sub, Options{}); err == nil {
			t.Error("ParseFile of a directory: no error")
		}
	})
}

func TestHostileManyIncludes(t *testing.T) {
	dir := t.TempDir()
	const n = 10000
	for i := range n {
		writeFile(t, filepath.Join(dir, "many", fmt.Sprintf("f%05d.conf", i)), fmt.Sprintf("# file %d\nadd_header X-F%d \"%d\";\n", i, i, i))
	}
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), "events {}\nhttp {\n  server {\n    include many/*.conf;\n  }\n}\n")
	var cfg *Config
	alloc := allocated(func() { cfg = parseFile(t, main) })
	checkConfig(t, cfg)
	if len(cfg.Errors) != 0 {
		t.Fatalf("errors: %v", cfg.Errors[0])
	}
	if len(cfg.Files) != n+1 {
		t.Fatalf("%d files, want %d", len(cfg.Files), n+1)
	}
	if !strings.HasSuffix(cfg.Files[1].Path, "f00000.conf") || !strings.HasSuffix(cfg.Files[n].Path, "f09999.conf") {
		t.Errorf("files not in glob order: %s ... %s", cfg.Files[1].Path, cfg.Files[n].Path)
	}
	if alloc > 64<<20 {
		t.Errorf("10,000 small files allocated %d bytes", alloc)
	}
}

func TestHostileIncludeChain(t *testing.T) {
	dir := t.TempDir()
	const n = 100
	name := func(i int) string { return filepath.Join(dir, fmt.Sprintf("f%03d.conf", i)) }
	for i := range n - 1 {
		writeFile(t, name(i), fmt.Sprintf("include f%03d.conf;\n", i+1))
	}
	writeFile(t, name(n-1), "events {}\n")
	cfg := parseFile(t, name(0))
	last := DefaultLimits.MaxIncludeDepth - 1 // the file whose include goes one too deep
	_ = wantError(t, cfg, name(last), 1, 1, fmt.Sprintf("include of %q nested more than %d files deep", name(last+1), DefaultLimits.MaxIncludeDepth))
	if len(cfg.Errors) != 1 {
		t.Errorf("%d errors, want 1: %v", len(cfg.Errors), cfg.Errors)
	}
	if len(cfg.Files) != DefaultLimits.MaxIncludeDepth {
		t.Errorf("%d files read, want %d", len(cfg.Files), DefaultLimits.MaxIncludeDepth)
	}
	t.Run("cli", func(t *testing.T) {
		wantCLIErrorIn(t, name(0), name(last), 1, 1, fmt.Sprintf("include of %q nested more than", name(last+1)))
	})
}

func TestHostileCLIBinary(t *testing.T) {
	dir := t.TempDir()
	nul := writeFile(t, filepath.Join(dir, "nul.conf"), "events {}\n"+strings.Repeat("\x00", 5000))
	wantCLIError(t, nul, 2, 1, `too long parameter "`)
	brace := writeFile(t, filepath.Join(dir, "brace.conf"), "events {}\n\x01\x02 }\n")
	wantCLIError(t, brace, 2, 4, `unexpected "}"`)
}
