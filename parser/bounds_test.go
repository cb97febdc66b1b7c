package parser

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// Every bound of Limits ends in a clear error, is adjustable, and keeps the
// work linear in the input: the tests count bytes allocated, not time.

func TestBoundErrorsPerFile(t *testing.T) {
	// One 55 KB line with 5,000 errors.
	src := strings.Repeat("x-1 1; ", 5000)
	cfg := ParseBytes("long.conf", src, Options{Context: CtxHTTP})
	max := DefaultLimits.MaxErrorsPerFile
	if len(cfg.Errors) != max+1 {
		t.Fatalf("%d errors, want %d", len(cfg.Errors), max+1)
	}
	last := cfg.Errors[max]
	if want := fmt.Sprintf("long.conf:1:%d: more than %d errors in this file: the others are not shown", max*7+1, max); last.Error() != want {
		t.Errorf("last error %q, want %q", last.Error(), want)
	}
	cfg = ParseBytes("long.conf", src, Options{Context: CtxHTTP, Limits: Limits{MaxErrorsPerFile: 3}})
	if len(cfg.Errors) != 4 || cfg.Errors[3].Msg != "more than 3 errors in this file: the others are not shown" {
		t.Errorf("errors: %v", cfg.Errors)
	}
}

func TestBoundTotalInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "part.conf"), "# "+strings.Repeat("x", 297)+"\n")
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), strings.Repeat("include part.conf;\n", 10))
	cfg, err := ParseFile(main, Options{Limits: Limits{MaxTotalInput: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	// 190 bytes of main file, then 300 per include: the fourth passes 1000.
	_ = wantError(t, cfg, main, 3, 1, "more than 1000 bytes read through include: the linter stops reading includes here")
	if len(cfg.Files) != 3 || len(cfg.Errors) != 1 {
		t.Errorf("%d files, errors %v", len(cfg.Files), cfg.Errors)
	}
}

func TestBoundIncludeRepeats(t *testing.T) {
	dir := t.TempDir()
	part := writeFile(t, filepath.Join(dir, "part.conf"), "# part\n")
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), strings.Repeat("include part.conf;\n", 5))
	cfg, err := ParseFile(main, Options{Limits: Limits{MaxIncludeRepeats: 3}})
	if err != nil {
		t.Fatal(err)
	}
	_ = wantError(t, cfg, main, 4, 1, fmt.Sprintf(`"%s" is included more than 3 times: the linter stops reading it here`, part))
	if len(cfg.Files) != 4 || len(cfg.Errors) != 1 {
		t.Errorf("%d files, errors %v", len(cfg.Files), cfg.Errors)
	}
}

func TestBoundsAdjustable(t *testing.T) {
	cfg := ParseBytes("a.conf", "a 1 2 3 4 5 6;\n", Options{Context: CtxHTTP, Limits: Limits{MaxWords: 5}})
	_ = wantError(t, cfg, "a.conf", 1, 1, "more than 5 parameters in one directive")
	cfg = ParseBytes("a.conf", "a { b { c { d { } } } }\n", Options{Context: CtxHTTP, Limits: Limits{MaxNesting: 3}})
	_ = wantError(t, cfg, "a.conf", 1, 15, "blocks nested more than 3 levels deep")

	dir := t.TempDir()
	for i := range 4 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%d.conf", i)), fmt.Sprintf("include f%d.conf;\n", i+1))
	}
	writeFile(t, filepath.Join(dir, "f4.conf"), "# end\n")
	main := filepath.Join(dir, "f0.conf")
	cfg, err := ParseFile(main, Options{Limits: Limits{MaxIncludeDepth: 2}})
	if err != nil {
		t.Fatal(err)
	}
	_ = wantError(t, cfg, filepath.Join(dir, "f1.conf"), 1, 1, fmt.Sprintf(`include of "%s/f2.conf" nested more than 2 files deep`, dir))
	cfg, err = ParseFile(main, Options{Limits: Limits{MaxFiles: 3}})
	if err != nil {
		t.Fatal(err)
	}
	_ = wantError(t, cfg, filepath.Join(dir, "f2.conf"), 1, 1, "more than 3 files read through include: the linter stops reading includes here")
}

// `include x.inc;` many times: the file is read once, and each occurrence
// costs what its text costs, so 10 times the includes allocate about 10
// times the bytes.
func TestBoundIncludeManyTimesLinear(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "x2.inc"), "location /a { proxy_pass http://b; }\n")
	cost := func(n int) uint64 {
		main := writeFile(t, filepath.Join(dir, fmt.Sprintf("n%d.conf", n)), strings.Repeat("include x2.inc;\n", n))
		return allocated(func() {
			cfg, err := ParseFile(main, Options{Context: CtxServer})
			if err != nil || len(cfg.Files) != n+1 {
				t.Errorf("n=%d: %v, %d files", n, err, len(cfg.Files))
			}
		})
	}
	small, large := cost(1000), cost(10000)
	if large > 13*small {
		t.Errorf("1,000 includes: %d bytes; 10,000: %d bytes (%.1f times)", small, large, float64(large)/float64(small))
	}
	if per := large / 10000; per > 4096 {
		t.Errorf("%d bytes per include of a 38-byte file", per)
	}
}

// A dump whose path is printed many times (only a line inside a file that
// looks like a separator does that): a bounded number of readings, so 5
// times the sections cost about 5 times the bytes.
func TestBoundDumpDuplicatesLinear(t *testing.T) {
	dump := func(n int) string {
		var b strings.Builder
		b.WriteString("# configuration file /etc/nginx/nginx.conf:\nevents {}\nhttp { include /etc/nginx/conf.d/*.conf; }\n\n")
		for range n {
			b.WriteString("# configuration file /etc/nginx/conf.d/a.conf:\nserver { listen 80; location /ws { proxy_pass http://b; } }\n\n")
		}
		return b.String()
	}
	cost := func(n int) uint64 {
		src := dump(n)
		return allocated(func() {
			cfg, _, err := ParseDump(src, Options{})
			if err != nil || len(cfg.Files) != 2 {
				t.Errorf("n=%d: %v, %d files", n, err, len(cfg.Files))
			}
		})
	}
	small, large := cost(1000), cost(5000)
	if large > 7*small {
		t.Errorf("1,000 sections: %d bytes; 5,000: %d bytes (%.1f times)", small, large, float64(large)/float64(small))
	}
}

// A directory with more configuration files than the bound (MaxFiles, 20,000
// by default) is refused when the walk meets one more, before any is parsed.
func TestBoundWalkedFiles(t *testing.T) {
	defer func(n int) { maxWalkedFiles = n }(maxWalkedFiles)
	maxWalkedFiles = 50
	dir := t.TempDir()
	for i := range 51 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%05d.conf", i)), "")
	}
	files, err := FindConfigFiles(dir)
	want := "more than 50 configuration files: the linter reads at most that many from one directory"
	if err == nil || err.Error() != want {
		t.Errorf("%d files, error %v, want %q", len(files), err, want)
	}
	maxWalkedFiles = 51
	if files, err := FindConfigFiles(dir); err != nil || len(files) != 51 {
		t.Errorf("%d files, error %v", len(files), err)
	}
}
