// Package nginxtest runs a real nginx binary from Go tests, so that claims
// the linter makes about nginx's behaviour can be checked against nginx
// itself instead of against our reading of its documentation.
//
// The harness is built around one rule: nginx must never write outside a
// per-test temporary directory. Debian's nginx is compiled with absolute
// default paths (/run/nginx.pid, /var/lib/nginx/*, /var/log/nginx/*), and
// even `nginx -t` creates the pid file, the temp directories and the log
// files it is configured with; run as root it also chowns the temp
// directories to the worker user. A test that forgot to override one of
// them would silently modify the machine it runs on. Therefore:
//
//   - every run passes -p PREFIX/ and -e PREFIX/logs/error.log, and its
//     working directory is the prefix;
//   - configurations get pid, lock_file and error_log from [Prefix.Preamble]
//     and access_log plus all *_temp_path directives from
//     [Prefix.HTTPSettings]; [Prefix.MainConf] assembles both for the common
//     case of "an http block with this body";
//   - before every run a guard scans the prefix's configuration files and
//     fails the test if one of those directives never appears (see
//     [Prefix.Test]).
//
// Design choices worth knowing when writing a test:
//
//   - pid and lock_file live in the configuration text, never in -g:
//     nginx rejects a duplicate "pid" directive, and a test of a complete
//     user-written nginx.conf should be able to contain its own (pointing
//     inside the prefix; [Prefix.Start] additionally needs the one from
//     Preamble, because it waits for that pid file).
//   - [Prefix.Start] always adds -g "daemon off;" so that nginx stays a
//     child of the test process; configurations passed to Start must
//     therefore not contain a "daemon" directive. master_process is left
//     at its default (on), as in production.
//   - Paths written by the helpers are relative to the prefix (nginx
//     resolves them against -p). That keeps the text short and immune to
//     characters such as '{', '$' or '#' that t.TempDir may put in the
//     directory name and that nginx would otherwise parse.
//
// When nginx is missing the tests are skipped, except when the CI
// environment variable is non-empty: CI must run them, so there a missing
// nginx (or a missing dynamic module) fails the test instead.
package nginxtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// DebianPath is where Debian and Ubuntu install nginx. It is tried after
// PATH because /usr/sbin is often missing from a non-root user's PATH.
const DebianPath = "/usr/sbin/nginx"

// TestTimeout bounds one `nginx -t` or `nginx -T` run. Such a run takes
// milliseconds; the bound only exists so that a wedged nginx fails the test
// instead of hanging it until go test's global timeout.
const TestTimeout = 20 * time.Second

// StartTimeout bounds how long [Prefix.Start] waits for nginx to accept
// connections.
const StartTimeout = 10 * time.Second

// StopTimeout bounds how long [Server.Stop] waits for a graceful shutdown
// (SIGQUIT) before it kills the server's process group with SIGKILL.
const StopTimeout = 10 * time.Second

var (
	lookupOnce sync.Once
	lookupPath string
	lookupErr  error
)

// Binary returns the path of the nginx executable, looked up in PATH and
// then at [DebianPath]. If none is found the test is skipped, or, when the
// CI environment variable is non-empty, failed: in CI these tests must run.
func Binary(t testing.TB) string {
	t.Helper()
	lookupOnce.Do(func() {
		lookupPath, lookupErr = findBinary(exec.LookPath, DebianPath)
	})
	if lookupErr != nil {
		unavailable(t, "nginx not installed: %v (install it, e.g. apt-get install nginx)", lookupErr)
	}
	return lookupPath
}

// findBinary is Binary's search, separated so that it can be tested with a
// fake PATH lookup.
func findBinary(lookPath func(string) (string, error), fallback string) (string, error) {
	path, err := lookPath("nginx")
	if err == nil {
		return path, nil
	}
	st, statErr := os.Stat(fallback)
	if statErr == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
		return fallback, nil
	}
	return "", fmt.Errorf("no nginx in PATH (%w) and none at %s", err, fallback)
}

// unavailable skips the test, or fails it when running in CI, where every
// nginx-backed test is expected to run.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format+" [CI is set, so this is an error instead of a skip]", args...)
	}
	t.Skipf(format, args...)
}

var (
	versionOnce sync.Once
	versionOut  string
	versionErr  error
)

// buildInfo returns the output of `nginx -V` (printed on stderr), cached.
func buildInfo(t testing.TB) string {
	t.Helper()
	bin := Binary(t)
	versionOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), TestTimeout)
		defer cancel()
		out, err := exec.CommandContext(ctx, bin, "-V").CombinedOutput()
		versionOut, versionErr = string(out), err
	})
	if versionErr != nil {
		t.Fatalf("nginx -V: %v\n%s", versionErr, versionOut)
	}
	return versionOut
}

// Module returns the main-context line that makes the named module
// available, for example "load_module /usr/lib/nginx/modules/ngx_stream_module.so;"
// for "stream". The name is the part between "ngx_" and "_module.so":
// "stream", "mail", "stream_geoip", "http_geoip", "http_image_filter",
// "http_xslt_filter", "http_perl".
//
// It returns "" when the module is compiled into the binary (a build with
// --with-stream rather than --with-stream=dynamic), because loading it again
// would be an error. If the module is neither built in nor present in
// nginx's --modules-path, the test is skipped (failed in CI); on Debian the
// module ships in the package libnginx-mod-NAME, underscores turned into
// dashes.
func Module(t testing.TB, name string) string {
	t.Helper()
	info := buildInfo(t)
	so := filepath.Join(modulesPath(info), "ngx_"+name+"_module.so")
	if st, err := os.Stat(so); err == nil && st.Mode().IsRegular() {
		return "load_module " + so + ";"
	}
	for _, arg := range strings.Fields(info) {
		if arg == "--with-"+name || arg == "--with-"+name+"_module" {
			return ""
		}
	}
	unavailable(t, "nginx module %q not available: %s does not exist and the binary was not built with --with-%s (Debian: apt-get install libnginx-mod-%s)",
		name, so, name, strings.ReplaceAll(name, "_", "-"))
	return ""
}

// modulesPath extracts where dynamic modules live from `nginx -V` output,
// falling back to nginx's own default of PREFIX/modules.
func modulesPath(info string) string {
	prefix := "/usr/local/nginx"
	for _, arg := range strings.Fields(info) {
		if v, ok := strings.CutPrefix(arg, "--modules-path="); ok {
			return strings.Trim(v, "'\"")
		}
		if v, ok := strings.CutPrefix(arg, "--prefix="); ok {
			prefix = strings.Trim(v, "'\"")
		}
	}
	return filepath.Join(prefix, "modules")
}

// Prefix is a temporary nginx prefix directory (nginx -p) holding conf/,
// logs/ and temp/. Everything nginx writes during a test goes below Dir.
type Prefix struct {
	// Dir is the absolute path of the prefix directory, without a
	// trailing slash. It is removed when the test ends.
	Dir string
	// bin is the nginx binary, resolved once in NewPrefix so that a
	// missing nginx skips the test before any file is written.
	bin string
}

// Relative paths used by the generated configuration. They are relative to
// the prefix, which nginx resolves them against because every run passes -p.
const (
	confRel     = "conf/nginx.conf"
	pidRel      = "logs/nginx.pid"
	lockRel     = "logs/nginx.lock"
	errorLogRel = "logs/error.log"
	accessRel   = "logs/access.log"
)

// NewPrefix creates a prefix in t.TempDir() with conf/, logs/ and temp/.
// It skips the test (fails it in CI) when nginx is not installed.
func NewPrefix(t testing.TB) *Prefix {
	t.Helper()
	p := &Prefix{Dir: t.TempDir(), bin: Binary(t)}
	for _, sub := range []string{"conf", "logs", "temp"} {
		if err := os.MkdirAll(filepath.Join(p.Dir, sub), 0o755); err != nil {
			t.Fatalf("nginxtest: %v", err)
		}
	}
	// t.TempDir's per-test parent is created 0700. When the tests run as
	// root, nginx's workers run as an unprivileged user (nobody by
	// default) and must still reach the temp directories (request bodies
	// and proxied responses are buffered there) and any files a test
	// serves, so open up the directory and its parent. Errors are ignored:
	// as a non-root user the workers run as ourselves anyway.
	_ = os.Chmod(filepath.Dir(p.Dir), 0o755)
	_ = os.Chmod(p.Dir, 0o755)
	return p
}

// Path returns the absolute path of rel inside the prefix.
func (p *Prefix) Path(rel string) string {
	return filepath.Join(p.Dir, filepath.FromSlash(rel))
}

// WriteFile writes content to rel (a slash-separated path inside the
// prefix, e.g. "conf/a.conf"), creating parent directories, and returns the
// absolute path. The file is world-readable so that worker processes
// running as another user can serve it. It panics if rel is absolute or
// escapes the prefix, which is a bug in the calling test.
func (p *Prefix) WriteFile(rel, content string) string {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		panic(fmt.Sprintf("nginxtest: WriteFile path %q is not a relative path inside the prefix", rel))
	}
	path := p.Path(rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		panic(fmt.Sprintf("nginxtest: %v", err))
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		panic(fmt.Sprintf("nginxtest: %v", err))
	}
	return path
}

// ErrorLog returns the content of the prefix's error log (logs/error.log),
// or "" if it does not exist yet. Both the -e log and the error_log of
// [Prefix.Preamble] write there.
func (p *Prefix) ErrorLog() string {
	b, _ := os.ReadFile(p.Path(errorLogRel))
	return string(b)
}

// PIDFile returns the absolute path of the pid file named by
// [Prefix.Preamble]. [Prefix.Start] waits for nginx to write it.
func (p *Prefix) PIDFile() string { return p.Path(pidRel) }

// Preamble returns the main-context lines every configuration run by this
// package needs: pid, lock_file and error_log inside the prefix, then one
// load_module line per named dynamic module (see [Module]; t is only used
// to skip or fail when a module is unavailable). Callers writing a whole
// nginx.conf put it first; load_module must precede the module's blocks.
func (p *Prefix) Preamble(t testing.TB, modules ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(p.basePreamble())
	for _, m := range modules {
		if line := Module(t, m); line != "" {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// basePreamble is Preamble without modules; it needs no testing.TB.
func (p *Prefix) basePreamble() string {
	// error_log at info level so that a failing server test can show why
	// a connection was closed; [Result] only parses stderr, which never
	// carries levels below warn, so this does not add noise there.
	return "pid " + pidRel + ";\n" +
		"lock_file " + lockRel + ";\n" +
		"error_log " + errorLogRel + " info;\n"
}

// HTTPSettings returns the http-context lines that keep the http module
// inside the prefix: access_log and client_body/proxy/fastcgi/uwsgi/scgi
// temp paths. Put them directly in the http block (not in a server), so
// that every server and location inherits them; without them nginx falls
// back to its compiled-in /var/log/nginx and /var/lib/nginx.
func (p *Prefix) HTTPSettings() string {
	return "access_log " + accessRel + ";\n" +
		"client_body_temp_path temp/client_body;\n" +
		"proxy_temp_path temp/proxy;\n" +
		"fastcgi_temp_path temp/fastcgi;\n" +
		"uwsgi_temp_path temp/uwsgi;\n" +
		"scgi_temp_path temp/scgi;\n"
}

// MainConf returns a complete nginx.conf: [Prefix.Preamble] (without
// modules), an empty events block, and an http block holding
// [Prefix.HTTPSettings] followed by httpBody. The body's first line is line
// [MainConfBodyLine] of the result, which lets tests predict the line
// numbers nginx reports. For other shapes (stream, mail, modules, several
// files) build the text from Preamble and HTTPSettings directly.
func (p *Prefix) MainConf(httpBody string) string {
	return p.basePreamble() +
		"events {}\n" +
		"http {\n" +
		p.HTTPSettings() +
		httpBody +
		"\n}\n"
}

// MainConfBodyLine is the line of a [Prefix.MainConf] result on which the
// first line of httpBody lands.
const MainConfBodyLine = 12

// Test writes conf to conf/nginx.conf in the prefix and runs
// `nginx -p DIR/ -c DIR/conf/nginx.conf -e DIR/logs/error.log -t` (with
// DIR as working directory, bounded by [TestTimeout]). A configuration
// nginx rejects is a normal result (OK false), not a test failure; the test
// fails only when nginx cannot be run or times out, or when the guard finds
// that the prefix's configuration lacks one of the directives that keep
// nginx's writes inside the prefix (pid, lock_file, error_log and, when
// there is an http block, access_log and the five *_temp_path). The guard
// looks for the directive names anywhere in the files under conf/, so
// putting them in an included file is fine; it is a safety net against
// forgetting them, not a proof.
func (p *Prefix) Test(t testing.TB, conf string) Result {
	t.Helper()
	return p.TestFile(t, p.WriteFile(confRel, conf))
}

// TestFile is [Prefix.Test] for a configuration file already written,
// e.g. with [Prefix.WriteFile]. A relative path is taken relative to the
// prefix, as nginx's -c does.
func (p *Prefix) TestFile(t testing.TB, path string) Result {
	t.Helper()
	_, res := p.check(t, p.absConf(path), "-t")
	return res
}

// Dump is like [Prefix.Test] but runs `nginx -T`, which tests the
// configuration and, if it is valid, prints every configuration file read
// to stdout, each preceded by "# configuration file PATH:". The dump is
// returned separately; res.Output holds only stderr.
func (p *Prefix) Dump(t testing.TB, conf string) (stdout string, res Result) {
	t.Helper()
	return p.check(t, p.absConf(p.WriteFile(confRel, conf)), "-T")
}

// absConf resolves a -c argument the way nginx does, so that the guard
// reads the same file nginx will.
func (p *Prefix) absConf(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return p.Path(path)
}

// args returns the command-line options common to every run.
func (p *Prefix) args(conf string) []string {
	return []string{"-p", p.Dir + "/", "-c", conf, "-e", p.Path(errorLogRel)}
}

// check runs nginx with -t or -T and parses its stderr.
func (p *Prefix) check(t testing.TB, conf, mode string) (string, Result) {
	t.Helper()
	p.guard(t, conf)
	ctx, cancel := context.WithTimeout(context.Background(), TestTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.bin, append(p.args(conf), mode)...)
	cmd.Dir = p.Dir
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("nginxtest: %s timed out after %v\nstderr:\n%s", cmd, TestTimeout, stderr.String())
	}
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("nginxtest: running %s: %v", cmd, err)
	}
	out := stderr.String()
	return stdout.String(), Result{OK: err == nil, Messages: ParseMessages(out), Output: out}
}

var (
	commentRE = regexp.MustCompile(`(?m)#.*$`)
	httpRE    = regexp.MustCompile(`(^|[\s;{}])http\s*\{`)
)

// requiredMain and requiredHTTP are the directives the guard insists on.
var (
	requiredMain = []string{"pid", "lock_file", "error_log"}
	requiredHTTP = []string{"access_log", "client_body_temp_path", "proxy_temp_path",
		"fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path"}
)

// guard fails the test before nginx runs if the configuration would make
// nginx write to its compiled-in system paths. See Test for what it checks.
func (p *Prefix) guard(t testing.TB, conf string) {
	t.Helper()
	var all strings.Builder
	if b, err := os.ReadFile(conf); err == nil {
		all.Write(b)
		all.WriteByte('\n')
	}
	confDir := p.Path("conf")
	_ = filepath.WalkDir(confDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == conf {
			return nil
		}
		if b, err := os.ReadFile(path); err == nil {
			all.Write(b)
			all.WriteByte('\n')
		}
		return nil
	})
	text := commentRE.ReplaceAllString(all.String(), "")
	required := requiredMain
	if httpRE.MatchString(text) {
		required = append(append([]string(nil), requiredMain...), requiredHTTP...)
	}
	var missing []string
	for _, d := range required {
		if !regexp.MustCompile(`(^|[\s;{}])` + d + `\s`).MatchString(text) {
			missing = append(missing, d)
		}
	}
	if len(missing) > 0 {
		t.Fatalf("nginxtest: refusing to run nginx on %s: no %s directive in the prefix's configuration files, "+
			"so nginx would write to its compiled-in system paths; start the file with p.Preamble(t) "+
			"and put p.HTTPSettings() at the top of the http block (or use p.MainConf)",
			conf, strings.Join(missing, ", "))
	}
}
