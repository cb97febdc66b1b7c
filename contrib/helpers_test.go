package contrib

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
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

// yamlNode is a YAML document as the tests walk it: mappings keep their
// keys' order, scalars their text as written (true stays "true").
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

// parseYAML reads src with a real YAML parser (what GitHub, GitLab and
// pre-commit use would refuse, the test refuses too).
func parseYAML(t testing.TB, src string) *yamlNode {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("invalid YAML: %v", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		t.Fatal("not one YAML document")
	}
	return convert(doc.Content[0])
}

func convert(y *yaml.Node) *yamlNode {
	n := &yamlNode{}
	switch y.Kind {
	case yaml.MappingNode:
		n.m = map[string]*yamlNode{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := y.Content[i].Value
			n.keys = append(n.keys, k)
			n.m[k] = convert(y.Content[i+1])
		}
	case yaml.SequenceNode:
		n.isList = true
		for _, c := range y.Content {
			n.list = append(n.list, convert(c))
		}
	case yaml.AliasNode:
		return convert(y.Alias)
	default:
		n.scalar = y.Value
	}
	return n
}
