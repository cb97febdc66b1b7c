package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/BurntSushi/toml"

	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// configName is the configuration file looked for upwards from the working
// directory.
const configName = ".nginx-wslint.toml"

// fileConfig is .nginx-wslint.toml: it sets what the flags set; flags win.
type fileConfig struct {
	Disable        stringList        `toml:"disable"`
	Enable         stringList        `toml:"enable"`
	Severity       map[string]string `toml:"severity"`
	MinReadTimeout string            `toml:"min-read-timeout"`
	WSPaths        stringList        `toml:"ws-paths"`
	NginxVersion   string            `toml:"nginx-version"`
	Root           string            `toml:"root"`
	Prefix         string            `toml:"prefix"`
	FailOn         string            `toml:"fail-on"`
	PathMap        stringList        `toml:"path-map"`
}

// stringList is a list setting, which may be written as one string:
// disable = "WS004" as well as disable = ["WS004", "WS006"].
type stringList []string

// UnmarshalTOML implements toml.Unmarshaler.
func (l *stringList) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*l = stringList{v}
		return nil
	case []any:
		out := make(stringList, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return errListType
			}
			out = append(out, s)
		}
		*l = out
		return nil
	}
	return errListType
}

var errListType = errors.New("a string or a list of strings, such as [\"WS004\"]")

// noConfig is the --config value that reads no configuration file, so that
// CI can ignore a .nginx-wslint.toml that a pull request adds.
const noConfig = "none"

// maxConfigSize bounds the configuration file: a real one is a few hundred
// bytes, and a symlink to /dev/zero must not be read without end.
const maxConfigSize = 1 << 20

// findConfig returns the configuration file to read: explicit (--config)
// must exist, and "none" means none; otherwise the first .nginx-wslint.toml
// from the working directory upwards, or "" for none. The file found
// automatically must be a regular file itself, not a symlink (a pull
// request could add one to /dev/zero or to a credentials file).
func findConfig(explicit string) (string, error) {
	if explicit == noConfig {
		return "", nil
	}
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("--config: %w", err)
		}
		return explicit, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, configName)
		if st, err := os.Lstat(p); err == nil {
			if !st.Mode().IsRegular() {
				return "", fmt.Errorf("%s is not a regular file (%s), so it is not read; remove it, or give --config FILE or --config none", p, fileKind(st.Mode()))
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// fileKind names a file type for messages.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeSymlink != 0:
		return "a symlink"
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}

// readConfig reads a configuration file: a regular file (stat before
// opening, so that a FIFO or a device is never opened) of at most
// maxConfigSize bytes.
func readConfig(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a configuration file", path, fileKind(st.Mode()))
	}
	if st.Size() > maxConfigSize {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d a configuration file may have", path, st.Size(), maxConfigSize)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fst, err := f.Stat(); err != nil || !os.SameFile(st, fst) {
		return nil, fmt.Errorf("%s changed while it was read", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxConfigSize {
		return nil, fmt.Errorf("%s is more than %d bytes", path, maxConfigSize)
	}
	return b, nil
}

// loadConfig reads a configuration file. Unknown keys are errors with their
// file:line, so that a typo does not silently do nothing.
func loadConfig(path string) (*fileConfig, error) {
	var c fileConfig
	src, err := readConfig(path)
	if err != nil {
		return nil, err
	}
	md, err := toml.Decode(string(src), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if pe.Message == errListType.Error() {
				// A value of the wrong type: the key and what it takes.
				return nil, fmt.Errorf("%s:%d: %s: %s", path, pe.Position.Line, pe.LastKey, report.Escape(pe.Message))
			}
			return nil, fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, report.Escape(pe.Message))
		}
		if m := typeErrorRe().FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("%s:%s: %s: %s", path, m[1], report.Escape(m[2]), report.Escape(m[3]))
		}
		return nil, fmt.Errorf("%s: %s", path, report.Escape(err.Error()))
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		line := keyLine(string(src), k[len(k)-1])
		return nil, fmt.Errorf("%s:%d: unknown key %s; the keys are disable, enable, severity, min-read-timeout, ws-paths, nginx-version, root, prefix, fail-on and path-map", path, line, report.Escape(strconv.Quote(k.String())))
	}
	// [severity] values are checked here, where their lines are known.
	for id, sev := range c.Severity {
		line := keyLine(string(src), id)
		if ruleByID(id) == nil {
			return nil, fmt.Errorf("%s:%d: severity for %q: no such rule (nginx-wslint rules lists them)", path, line, id)
		}
		if _, ok := rules.ParseSeverity(sev); !ok {
			return nil, fmt.Errorf("%s:%d: severity %q for %s: accepted values are error, warning and note", path, line, sev, id)
		}
	}
	// Relative directories in the file are relative to the file.
	base := filepath.Dir(path)
	for _, p := range []*string{&c.Root, &c.Prefix} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	return &c, nil
}

// typeErrorRe reads the TOML decoder's type errors: "toml: line 3 (last key
// "min-read-timeout"): incompatible types: ...".
// Compiled on first use: only a configuration file with a type error needs it.
// (A named function rather than a literal: a package-level func literal
// would become main.init.func1, the name panic_test.go's crashing rule is
// reported under in testdata/script/internal.txtar.)
var typeErrorRe = sync.OnceValue(compileTypeErrorRe)

func compileTypeErrorRe() *regexp.Regexp {
	return regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)
}

// configNote says what a configuration file changed that makes the run
// pass more easily, so that a CI log shows it: fail-on, disabled rules and
// lowered severities. It is "" when it changed none of them.
func configNote(path string, c *fileConfig, fs interface{ Changed(string) bool }) string {
	var parts []string
	if c.FailOn != "" && !fs.Changed("fail-on") {
		parts = append(parts, "fail-on = "+strconv.Quote(c.FailOn))
	}
	if len(c.Disable) > 0 && !fs.Changed("disable") {
		parts = append(parts, "disable = ["+strings.Join(quoteEach(c.Disable), ", ")+"]")
	}
	if len(c.Severity) > 0 {
		ids := make([]string, 0, len(c.Severity))
		for id := range c.Severity {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			parts = append(parts, "severity "+strconv.Quote(id)+" = "+strconv.Quote(c.Severity[id]))
		}
	}
	if c.Root != "" && !fs.Changed("root") {
		parts = append(parts, "root = "+strconv.Quote(c.Root))
	}
	if c.Prefix != "" && !fs.Changed("prefix") {
		parts = append(parts, "prefix = "+strconv.Quote(c.Prefix))
	}
	if len(parts) == 0 {
		return ""
	}
	return report.Escape(fmt.Sprintf("note: the configuration file %s sets %s (to ignore it, as CI on pull requests should: --config none)", path, strings.Join(parts, ", ")))
}

func quoteEach(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// keyLine finds the line of a key in TOML text, for messages.
func keyLine(src, key string) int {
	re := regexp.MustCompile(`^\s*("` + regexp.QuoteMeta(key) + `"|` + regexp.QuoteMeta(key) + `)\s*=|^\s*\[\s*` + regexp.QuoteMeta(key) + `\s*\]`)
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 1
}
