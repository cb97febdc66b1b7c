package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Confinement (issue 13): with --root, no file outside the root is opened,
// whatever path an include takes there; without it, a file outside the
// linted tree is read as nginx reads it but nothing of it is quoted.

// canary is the content of the outside files: it must appear in no message
// and no output.
const canary = "CANARY-7f3a9"

// fifoTrap is a FIFO that records whether anything opened it for reading: a
// writer waits for a reader in the background. It never blocks a reader
// (the writer is there), so a bug fails the test instead of hanging it.
type fifoTrap struct {
	path   string
	opened chan struct{}
	done   chan struct{}
}

func newFIFOTrap(t *testing.T, path string) *fifoTrap {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	f := &fifoTrap{path: path, opened: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(f.done)
		w, err := os.OpenFile(path, os.O_WRONLY, 0) // waits for a reader
		if err != nil {
			return
		}
		close(f.opened)
		// What a reader of a configuration would see, were it opened.
		fmt.Fprintf(w, "%s 1;\n", canary)
		w.Close()
	}()
	t.Cleanup(func() { f.wasOpened() })
	return f
}

// wasOpened reports whether a reader opened the FIFO, and releases the
// waiting writer.
func (f *fifoTrap) wasOpened() bool {
	select {
	case <-f.opened:
		<-f.done
		return true
	default:
	}
	// Open it ourselves (without blocking) to release the writer.
	r, err := os.OpenFile(f.path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err == nil {
		select {
		case <-f.done:
		case <-time.After(10 * time.Second):
		}
		r.Close()
	}
	return false
}

// confineTree builds a root r and a directory out beside it holding a
// canary file and a FIFO trap, with every kind of path from r to out.
func confineTree(t *testing.T) (dir string, traps []*fifoTrap) {
	t.Helper()
	dir = t.TempDir()
	out := filepath.Join(dir, "out")
	writeFile(t, filepath.Join(out, "secret.conf"), canary+" 1;\n")
	writeFile(t, filepath.Join(out, "sub", "secret.conf"), canary+" 1;\n")
	traps = append(traps, newFIFOTrap(t, filepath.Join(out, "fifo.conf")))
	traps = append(traps, newFIFOTrap(t, filepath.Join(out, "sub", "fifo.conf")))
	r := filepath.Join(dir, "r")
	writeFile(t, filepath.Join(r, "conf.d", "ok.conf"), "proxy_http_version 1.1;\n")
	for link, target := range map[string]string{
		"r/linkfile.conf":        "../out/secret.conf",
		"r/linkfifo.conf":        "../out/fifo.conf",
		"r/reldir":               "../out",
		"r/conf.d/deep.conf":     "../../out/sub/secret.conf",
		"r/conf.d/twice":         "../reldir",
		"r/conf.d/loop.conf":     "loop.conf",
		"r/conf.d/procself.conf": "/proc/self/environ",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir, traps
}

func TestConfineRoot(t *testing.T) {
	dir, traps := confineTree(t)
	r := filepath.Join(dir, "r")
	main := filepath.Join(r, "nginx.conf")
	// Each include line of the main file and the start of its error.
	cases := []struct{ include, msg string }{
		{"../out/secret.conf", `include refused: "` + r + `/../out/secret.conf" lies outside --root ` + r},
		{"../out/fifo.conf", `include refused: "` + r + `/../out/fifo.conf" lies outside --root ` + r},
		{"./../out/sub/secret.conf", `include refused: "` + r + `/./../out/sub/secret.conf" lies outside --root`},
		{"linkfile.conf", `include refused: "` + r + `/linkfile.conf" leads outside --root ` + r + ` through the symlink ` + r + `/linkfile.conf`},
		{"linkfifo.conf", `include refused: "` + r + `/linkfifo.conf" leads outside --root ` + r + ` through the symlink ` + r + `/linkfifo.conf`},
		{"reldir/secret.conf", `include refused: "` + r + `/reldir/secret.conf" leads outside --root ` + r + ` through the symlink ` + r + `/reldir`},
		{"reldir/fifo.conf", `include refused: "` + r + `/reldir/fifo.conf" leads outside`},
		{"conf.d/deep.conf", `include refused: "` + r + `/conf.d/deep.conf" leads outside`},
		{"conf.d/twice/sub/fifo.conf", `include refused: "` + r + `/conf.d/twice/sub/fifo.conf" leads outside`},
		{"reldir/*.conf", `include refused: the glob "` + r + `/reldir/*.conf" leads outside --root ` + r + ` through the symlink ` + r + `/reldir`},
		{"../out/*.conf", `include refused: the glob "` + r + `/../out/*.conf" lies outside --root`},
		{"reldir/sub/*", `include refused: the glob "` + r + `/reldir/sub/*" leads outside`},
		{"conf.d/loop.conf", `open() "` + r + `/conf.d/loop.conf" failed (40: Too many levels of symbolic links)`},
		// An absolute path is a path on the server, read inside the root:
		// ".." stops at "/" as on the server.
		{"/../.." + dir + "/out/secret.conf", `open() "/../..` + dir + `/out/secret.conf" failed (2: No such file or directory)`},
		{"/../../proc/self/environ", `open() "/../../proc/self/environ" failed (2: No such file or directory)`},
		// A symlink with an absolute target is a server path too.
		{"conf.d/procself.conf", `open() "` + r + `/conf.d/procself.conf" failed (2: No such file or directory)`},
	}
	var src strings.Builder
	src.WriteString("include conf.d/ok.conf;\n")
	for _, c := range cases {
		fmt.Fprintf(&src, "include %s;\n", c.include)
	}
	writeFile(t, main, src.String())
	cfg, err := ParseFile(main, Options{Root: r, Context: CtxLocation})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		e := wantError(t, cfg, main, i+2, 1, c.msg)
		if !e.Missing {
			t.Errorf("%s: not a warning (Missing): the linter must go on", e)
		}
	}
	if len(cfg.Errors) != len(cases) {
		t.Errorf("%d errors, want %d", len(cfg.Errors), len(cases))
	}
	if n := len(cfg.Files); n != 2 {
		t.Errorf("%d files read, want the main file and conf.d/ok.conf", n)
	}
	for _, e := range cfg.Errors {
		if strings.Contains(e.Error(), canary) {
			t.Errorf("outside content in %s", e)
		}
	}
	for _, trap := range traps {
		if trap.wasOpened() {
			t.Errorf("%s was opened", trap.path)
		}
	}
}

// A directory walk that meets a symlink out of the root: the walked file is
// refused, the others are linted (a symlink to a FIFO is skipped unopened).
func TestConfineRootWalk(t *testing.T) {
	dir, traps := confineTree(t)
	r := filepath.Join(dir, "r")
	files, err := FindConfigFiles(r)
	if err != nil {
		t.Fatal(err)
	}
	cfgs, errs := ParseEntries(files, Options{Root: r})
	var got []string
	for _, err := range errs {
		got = append(got, err.Error())
		if strings.Contains(err.Error(), canary) {
			t.Errorf("outside content in %v", err)
		}
	}
	sort.Strings(got)
	want := []string{
		"read " + r + "/conf.d/deep.conf: \"" + r + "/conf.d/deep.conf\" leads outside --root " + r + " through the symlink " + r + "/conf.d/deep.conf, and is not read",
		"read " + r + "/conf.d/loop.conf: stat " + r + "/conf.d/loop.conf: too many levels of symbolic links",
		"read " + r + "/linkfile.conf: \"" + r + "/linkfile.conf\" leads outside --root " + r + " through the symlink " + r + "/linkfile.conf, and is not read",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// procself.conf maps to the root's own (missing) proc/self/environ, and
	// ok.conf is read.
	for _, cfg := range cfgs {
		for _, f := range cfg.Files {
			if strings.Contains(f.Src, canary) {
				t.Errorf("%s: outside content read", f.Path)
			}
		}
	}
	for _, trap := range traps {
		if trap.wasOpened() {
			t.Errorf("%s was opened", trap.path)
		}
	}
}

// Without --root includes follow nginx's rules, but a file outside the
// linted tree is marked, and its errors quote none of it.
func TestOutsideTreeNotQuoted(t *testing.T) {
	dir, traps := confineTree(t)
	r := filepath.Join(dir, "r")
	main := writeFile(t, filepath.Join(r, "nginx.conf"), "include ../out/secret.conf;\ninclude linkfile.conf;\ninclude ../out/fifo.conf;\ninclude conf.d/ok.conf;\n")
	cfg, err := ParseFile(main, Options{Context: CtxLocation})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{r + "/../out/secret.conf", r + "/linkfile.conf"} {
		e := wantError(t, cfg, file, 1, 1, outsideMsg)
		if !e.Outside || e.Hint != "" {
			t.Errorf("%s: Outside %v, hint %q", e, e.Outside, e.Hint)
		}
	}
	if len(cfg.Errors) != 2 {
		t.Errorf("errors: %v", cfg.Errors)
	}
	for _, f := range cfg.Files {
		want := f.Path != main && !strings.HasSuffix(f.Path, "ok.conf")
		if f.Outside != want {
			t.Errorf("%s: Outside = %v, want %v", f.Path, f.Outside, want)
		}
	}
	// The FIFO is an empty file for nginx, and is not opened.
	for _, trap := range traps {
		if trap.wasOpened() {
			t.Errorf("%s was opened", trap.path)
		}
	}
}

// Devices, FIFOs and /proc files are empty, as nginx sees them, and are
// never read (reading /dev/zero or /proc/self/pagemap would not end).
func TestSpecialFilesEmpty(t *testing.T) {
	dir := t.TempDir()
	trap := newFIFOTrap(t, filepath.Join(dir, "fifo"))
	var src strings.Builder
	for _, p := range []string{"/dev/zero", "/dev/urandom", "/proc/self/pagemap", "/proc/self/environ", trap.path} {
		if _, err := os.Stat(p); err == nil {
			fmt.Fprintf(&src, "include %s;\n", p)
		}
	}
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), src.String())
	cfg := parseFile(t, main)
	if len(cfg.Errors) != 0 {
		t.Errorf("errors: %v", cfg.Errors)
	}
	for _, f := range cfg.Files[1:] {
		if f.Src != "" {
			t.Errorf("%s: %d bytes read", f.Path, len(f.Src))
		}
	}
	if trap.wasOpened() {
		t.Error("the FIFO was opened")
	}
}

// A file over the size bound is refused before it is read.
func TestFileSizeBound(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.conf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: 1 GB that costs nothing to make, and must cost nothing to
	// refuse.
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), "include big.conf;\n")
	var cfg *Config
	if n := allocated(func() { cfg = parseFile(t, main) }); n > 1<<20 {
		t.Errorf("%d bytes allocated", n)
	}
	_ = wantError(t, cfg, main, 1, 1, fmt.Sprintf(`"%s" is not read: the file is 1073741824 bytes, more than the %d bytes the linter reads from one file`, big, DefaultMaxFileSize))
	// The bound is adjustable, and applies to the main file too.
	_, err = ParseFile(main, Options{Limits: Limits{MaxFileSize: 10}})
	if err == nil || !strings.Contains(err.Error(), "more than the 10 bytes") {
		t.Errorf("main file over the bound: %v", err)
	}
}

// The whole command line: with --root nothing outside is opened, without it
// nothing outside the linted tree is quoted, in every output format.
func TestConfineCLI(t *testing.T) {
	dir, traps := confineTree(t)
	r := filepath.Join(dir, "r")
	out := filepath.Join(dir, "out")
	// A WebSocket location in an outside file, with findings whose
	// messages and fixes would quote it.
	writeFile(t, filepath.Join(out, "ws.conf"), "location /ws-"+canary+" {\n    proxy_pass http://"+canary+";\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection \"upgrade\";\n    proxy_read_timeout 5"+canary+";\n}\n")
	writeFile(t, filepath.Join(r, "nginx.conf"), `events {}
http {
    server {
        listen 80;
        include ../out/ws.conf;
        include ../out/secret.conf;
        include ../out/fifo.conf;
        include linkfile.conf;
        include reldir/*.conf;
        location ~ ^/ws- { return 200; }
    }
}
`)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		for _, root := range []bool{true, false} {
			args := []string{"--format", format, filepath.Join(r, "nginx.conf")}
			if root {
				args = append([]string{"--root", r}, args...)
			}
			code, output := runCLI(t, args...)
			if strings.Contains(output, canary) {
				t.Errorf("nginx-wslint %s: outside content in the output:\n%s", strings.Join(args, " "), output)
			}
			if code == 0 {
				t.Errorf("nginx-wslint %s: exit %d, output:\n%s", strings.Join(args, " "), code, output)
			}
			if root && !strings.Contains(output, "lies outside --root") {
				t.Errorf("nginx-wslint %s: no refusal in:\n%s", strings.Join(args, " "), output)
			}
			if !root && !strings.Contains(output, "outside the linted tree") {
				t.Errorf("nginx-wslint %s: no note of the unquoted file in:\n%s", strings.Join(args, " "), output)
			}
		}
	}
	for _, trap := range traps {
		if trap.wasOpened() {
			t.Errorf("%s was opened", trap.path)
		}
	}
}

// Without --root, a directory walk skips symlinks to FIFOs and devices
// without opening them (a FIFO would block, /dev/zero never end).
func TestWalkSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	trap := newFIFOTrap(t, filepath.Join(t.TempDir(), "fifo"))
	writeFile(t, filepath.Join(dir, "site.conf"), "events {}\n")
	for link, target := range map[string]string{"fifo.conf": trap.path, "zero.conf": "/dev/zero"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	files, err := FindConfigFiles(dir)
	if err != nil || len(files) != 1 || filepath.Base(files[0]) != "site.conf" {
		t.Errorf("files %v, error %v", files, err)
	}
	if trap.wasOpened() {
		t.Error("the FIFO was opened")
	}
}

// shadowFS is a DiskFS that is not an OSFS, as the language server's
// overlay of unsaved buffers is: one file's text is shown over the disk.
type shadowFS struct {
	disk         OSFS
	name, text   string
	withDiskUsed *bool
}

func (s shadowFS) ReadFile(name string) (string, string, error) {
	if name == s.name {
		return s.text, name, nil
	}
	return s.disk.ReadFile(name)
}
func (s shadowFS) Glob(pattern string) ([]string, error) { return s.disk.Glob(pattern) }
func (s shadowFS) Disk() OSFS                            { return s.disk }
func (s shadowFS) WithDisk(o OSFS) DiskFS {
	*s.withDiskUsed = true
	s.disk = o
	return s
}
func (s shadowFS) ReadEntry(name string) (string, error) {
	if name == s.name {
		return s.text, nil
	}
	return s.disk.ReadEntry(name)
}

// An FS that reads the disk through an OSFS gets the OSFS's rules whatever
// its type: the size bound of Limits, the linted tree (nothing of a file
// outside it quoted), the main file's confinement under Root.
func TestDiskFSRules(t *testing.T) {
	dir, traps := confineTree(t)
	r := filepath.Join(dir, "r")
	out := filepath.Join(dir, "out")
	writeFile(t, filepath.Join(r, "big.conf"), strings.Repeat("# padding\n", 10))
	main := filepath.Join(r, "nginx.conf")
	src := "include big.conf;\ninclude " + out + "/secret.conf;\ninclude shown.conf;\n"
	used := false
	fsys := shadowFS{name: filepath.Join(r, "shown.conf"), text: "}\n", withDiskUsed: &used}
	cfg := ParseBytes(main, src, Options{FS: fsys, Context: CtxLocation, Limits: Limits{MaxFileSize: 50}})
	_ = wantError(t, cfg, main, 1, 1, `"`+r+`/big.conf" is not read: the file is 100 bytes, more than the 50 bytes the linter reads from one file`)
	_ = wantError(t, cfg, out+"/secret.conf", 1, 1, "nginx would report an error here (not quoted: the file lies outside the linted tree)")
	_ = wantError(t, cfg, r+"/shown.conf", 1, 1, `unexpected "}"`)
	if !used {
		t.Error("the size bound was not passed on through WithDisk")
	}
	for _, e := range cfg.Errors {
		if strings.Contains(e.Error(), canary) {
			t.Errorf("outside content in %s", e)
		}
	}
	// Under a root, the main file is read through ReadEntry after the
	// OSFS's check: one inside the root whose real path leads out is
	// refused; the text shown over the disk is read.
	fsys.disk = OSFS{Root: r, RootName: "the workspace folder"}
	if _, err := ParseFile(filepath.Join(r, "linkfile.conf"), Options{FS: fsys}); err == nil ||
		err.Error() != `"`+r+`/linkfile.conf" leads outside the workspace folder `+r+` through the symlink `+r+`/linkfile.conf, and is not read` {
		t.Errorf("main file through a symlink out of the root: %v", err)
	}
	cfg, err := ParseFile(filepath.Join(r, "shown.conf"), Options{FS: fsys, Context: CtxLocation})
	if err != nil {
		t.Fatal(err)
	}
	_ = wantError(t, cfg, r+"/shown.conf", 1, 1, `unexpected "}"`)
	for _, trap := range traps {
		if trap.wasOpened() {
			t.Errorf("%s was opened", trap.path)
		}
	}
}
