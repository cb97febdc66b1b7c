package contrib

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		_ = os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// repoRoot is the repository's root directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// binary builds nginx-wslint once for the package's tests and returns the
// directory holding it.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "nginx-wslint-contrib")
		if buildErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(binDir, "nginx-wslint"), "./cmd/nginx-wslint")
		cmd.Dir = repoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binDir
}

// writeTree writes files (slash-separated relative paths) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runResult is what a command did.
type runResult struct {
	code           int
	stdout, stderr string
}

// run runs argv in dir with env added to the environment.
func run(t testing.TB, dir string, env []string, argv ...string) runResult {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: %v", argv[0], err)
		}
		code = ee.ExitCode()
	}
	return runResult{code: code, stdout: out.String(), stderr: errb.String()}
}

// yamlNode is a line-oriented view of the small YAML files of this
// repository (action.yml, .pre-commit-hooks.yaml): block mappings and
// sequences, plain and quoted scalars, "|" block scalars and one-line flow
// sequences. It is not a YAML parser; the tests that use it also check the
// values they read, so a misread file fails them.
type yamlNode struct {
	scalar string
	isList bool
	list   []*yamlNode
	keys   []string
	m      map[string]*yamlNode
}

func (n *yamlNode) get(path ...string) *yamlNode {
	for _, k := range path {
		if n == nil || n.m == nil {
			return nil
		}
		n = n.m[k]
	}
	return n
}

func (n *yamlNode) str(path ...string) string {
	if v := n.get(path...); v != nil {
		return v.scalar
	}
	return ""
}

// mappingKey matches a line that starts a mapping entry.
var mappingKey = regexp.MustCompile(`^[A-Za-z0-9_.-]+:( |$)`)

type yamlLine struct {
	indent int
	text   string
}

func parseYAML(t testing.TB, src string) *yamlNode {
	t.Helper()
	var lines []yamlLine
	for _, l := range strings.Split(src, "\n") {
		trimmed := strings.TrimLeft(l, " ")
		lines = append(lines, yamlLine{indent: len(l) - len(trimmed), text: strings.TrimRight(trimmed, " ")})
	}
	p := &yamlParser{t: t, lines: lines}
	return p.block(0)
}

type yamlParser struct {
	t     testing.TB
	lines []yamlLine
	i     int
}

// skip moves past blank lines and comments.
func (p *yamlParser) skip() {
	for p.i < len(p.lines) && (p.lines[p.i].text == "" || strings.HasPrefix(p.lines[p.i].text, "#")) {
		p.i++
	}
}

// block reads the mapping or sequence whose lines are indented indent.
func (p *yamlParser) block(indent int) *yamlNode {
	p.skip()
	n := &yamlNode{}
	if p.i >= len(p.lines) {
		return n
	}
	if strings.HasPrefix(p.lines[p.i].text, "- ") || p.lines[p.i].text == "-" {
		n.isList = true
		for p.skip(); p.i < len(p.lines) && p.lines[p.i].indent == indent && strings.HasPrefix(p.lines[p.i].text, "-"); p.skip() {
			// "- key: v" starts a mapping indented indent+2; anything
			// else is a scalar item.
			rest := strings.TrimPrefix(strings.TrimPrefix(p.lines[p.i].text, "-"), " ")
			if !mappingKey.MatchString(rest) {
				n.list = append(n.list, &yamlNode{scalar: unquote(rest)})
				p.i++
				continue
			}
			p.lines[p.i] = yamlLine{indent: indent + 2, text: rest}
			n.list = append(n.list, p.block(indent+2))
		}
		return n
	}
	n.m = map[string]*yamlNode{}
	for p.skip(); p.i < len(p.lines) && p.lines[p.i].indent == indent; p.skip() {
		text := p.lines[p.i].text
		key, value, ok := strings.Cut(text, ":")
		if !ok {
			p.t.Fatalf("yaml line %d: %q is not key: value", p.i+1, text)
		}
		value = strings.TrimSpace(value)
		p.i++
		var v *yamlNode
		switch {
		case value == "|":
			v = &yamlNode{scalar: p.literal(indent)}
		case value == "":
			p.skip()
			if p.i < len(p.lines) && (p.lines[p.i].indent > indent || p.lines[p.i].indent == indent && strings.HasPrefix(p.lines[p.i].text, "- ")) {
				v = p.block(p.lines[p.i].indent)
			} else {
				v = &yamlNode{}
			}
		case strings.HasPrefix(value, "["):
			v = &yamlNode{isList: true}
			for _, item := range strings.Split(strings.Trim(value, "[]"), ",") {
				if item = strings.TrimSpace(item); item != "" {
					v.list = append(v.list, &yamlNode{scalar: unquote(item)})
				}
			}
		default:
			v = &yamlNode{scalar: unquote(value)}
		}
		n.keys = append(n.keys, key)
		n.m[key] = v
	}
	return n
}

// literal reads a "|" block scalar below a key indented indent.
func (p *yamlParser) literal(indent int) string {
	var out []string
	base := -1
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.text != "" && l.indent <= indent {
			break
		}
		if base < 0 && l.text != "" {
			base = l.indent
		}
		if l.text == "" {
			out = append(out, "")
		} else {
			out = append(out, strings.Repeat(" ", l.indent-base)+l.text)
		}
		p.i++
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
