package contrib

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Configurations the integration tests lint.
const (
	// goodConf proxies a WebSocket correctly: nothing to report.
	goodConf = `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    server {
        listen 127.0.0.1:18080;
        location /ws/ {
            proxy_pass http://127.0.0.1:18081;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`
	// badConf's WebSocket location lacks both upgrade headers: WS002 and
	// WS003, errors, on line 9.
	badConf = `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    server {
        listen 127.0.0.1:18080;
        location /ws/ {
            proxy_pass http://127.0.0.1:18081;
            proxy_http_version 1.1;
            proxy_read_timeout 1h;
        }
    }
}
`
	// brokenConf is a syntax error nginx refuses.
	brokenConf = "events {}\nhttp {\n    server {\n        listen 127.0.0.1:18080\n    }\n}\n"
)

var exprRe = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// actionRun is one run of the action's steps.
type actionRun struct {
	outputs map[string]string
	code    int    // exit status of the first failing step, 0 when all passed
	failed  string // its name
	log     string
}

// runAction runs action.yml's shell steps as the runner does (bash -eo
// pipefail, GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP), in workspace, with the
// given inputs over the defaults. "uses:" steps (actions/setup-go, the SARIF
// upload) are not run: the machine has Go, and there is no code scanning
// here; their inputs are checked by TestActionDefinition.
func runAction(t *testing.T, action *yamlNode, workspace string, inputs map[string]string) actionRun {
	t.Helper()
	root := repoRoot(t)
	values := map[string]string{"github.action_path": root}
	for _, k := range action.get("inputs").keys {
		values["inputs."+k] = action.str("inputs", k, "default")
	}
	for k, v := range inputs {
		if _, ok := values["inputs."+k]; !ok {
			t.Fatalf("the action has no input %q", k)
		}
		values["inputs."+k] = v
	}
	expand := func(s string) string {
		return exprRe.ReplaceAllStringFunc(s, func(m string) string {
			key := exprRe.FindStringSubmatch(m)[1]
			v, ok := values[key]
			if !ok {
				t.Fatalf("expression %q is not one the test can evaluate", m)
			}
			return v
		})
	}
	tmp := t.TempDir()
	outFile, pathFile := filepath.Join(tmp, "output"), filepath.Join(tmp, "path")
	for _, f := range []string{outFile, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runnerTemp := filepath.Join(tmp, "runner")
	if err := os.Mkdir(runnerTemp, 0o755); err != nil {
		t.Fatal(err)
	}
	res := actionRun{outputs: map[string]string{}}
	var log strings.Builder
	for i, step := range action.get("runs", "steps").list {
		if step.get("uses") != nil {
			continue
		}
		script := step.str("run")
		if script == "" {
			t.Fatalf("step %d has neither uses nor run", i)
		}
		if step.str("shell") != "bash" {
			t.Fatalf("step %d: shell %q, want bash", i, step.str("shell"))
		}
		if step.get("if") != nil {
			t.Fatalf("step %d: a run step with a condition; teach the test to evaluate it", i)
		}
		env := []string{"GITHUB_OUTPUT=" + outFile, "GITHUB_PATH=" + pathFile, "RUNNER_TEMP=" + runnerTemp, "GITHUB_WORKSPACE=" + workspace, "GITHUB_ACTION_PATH=" + root}
		// The runner puts GITHUB_PATH's directories first in PATH.
		added, _ := os.ReadFile(pathFile)
		path := os.Getenv("PATH")
		for _, d := range strings.Fields(string(added)) {
			path = d + string(os.PathListSeparator) + path
		}
		env = append(env, "PATH="+path)
		if e := step.get("env"); e != nil {
			for _, k := range e.keys {
				env = append(env, k+"="+expand(e.m[k].scalar))
			}
		}
		file := filepath.Join(tmp, "step.sh")
		if err := os.WriteFile(file, []byte(expand(script)), 0o755); err != nil {
			t.Fatal(err)
		}
		r := run(t, workspace, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", file)
		log.WriteString(r.stdout + r.stderr)
		if r.code != 0 {
			res.code, res.failed = r.code, step.str("name")
			break
		}
	}
	out, _ := os.ReadFile(outFile)
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			res.outputs[k] = v
		}
	}
	res.log = log.String()
	return res
}

func loadAction(t *testing.T) *yamlNode {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	return parseYAML(t, string(b))
}

// The action's definition: a composite action that sets up Go from the
// action's own go.mod, uploads SARIF only when asked, and maps its outputs
// to the lint step's.
func TestActionDefinition(t *testing.T) {
	a := loadAction(t)
	if a.str("runs", "using") != "composite" || a.str("name") != "nginx-wslint" {
		t.Fatalf("runs.using %q, name %q", a.str("runs", "using"), a.str("name"))
	}
	if got, want := a.get("inputs").keys, []string{"paths", "args", "fail-on", "sarif-file", "upload-sarif", "category", "setup-go"}; !slices.Equal(got, want) {
		t.Errorf("inputs %q, want %q", got, want)
	}
	for _, k := range []string{"findings", "sarif-file", "exit-code"} {
		if v := a.str("outputs", k, "value"); v != "${{ steps.lint.outputs."+k+" }}" {
			t.Errorf("output %s = %q", k, v)
		}
	}
	var uses []string
	for _, s := range a.get("runs", "steps").list {
		if u := s.str("uses"); u != "" {
			uses = append(uses, u+" if "+s.str("if"))
			switch {
			case strings.HasPrefix(u, "actions/setup-go@"):
				if s.str("with", "go-version-file") != "${{ github.action_path }}/go.mod" {
					t.Errorf("setup-go reads %q", s.str("with", "go-version-file"))
				}
			case strings.HasPrefix(u, "github/codeql-action/upload-sarif@"):
				if s.str("with", "sarif_file") != "${{ inputs.sarif-file }}" || s.str("with", "category") != "${{ inputs.category }}" {
					t.Errorf("upload-sarif with %v", s.get("with").m)
				}
			}
		}
	}
	want := []string{"actions/setup-go@v5 if inputs.setup-go == 'true'", "github/codeql-action/upload-sarif@v3 if inputs.upload-sarif == 'true' && always()"}
	if !slices.Equal(uses, want) {
		t.Errorf("uses steps %q, want %q", uses, want)
	}
}

// The action's shell steps, run with a freshly built linter on three
// repositories: one with findings, one clean, one nginx refuses.
func TestActionSteps(t *testing.T) {
	a := loadAction(t)
	cases := []struct {
		name     string
		conf     string
		code     int
		findings string
		rules    []string
	}{
		{"findings", badConf, 1, "2", []string{"WS002", "WS003"}},
		{"clean", goodConf, 0, "0", nil},
		{"refused", brokenConf, 2, "0", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := t.TempDir()
			writeTree(t, ws, map[string]string{"deploy/nginx/nginx.conf": c.conf, "README.md": "not nginx\n"})
			r := runAction(t, a, ws, map[string]string{"paths": "deploy/nginx", "args": "--nginx-version 1.24.0"})
			if r.code != c.code {
				t.Fatalf("the action ended with %d at %q, want %d; log:\n%s", r.code, r.failed, c.code, r.log)
			}
			if c.code != 0 && r.failed != "Result" {
				t.Errorf("failed at %q, want the Result step (after the upload)", r.failed)
			}
			wantOut := map[string]string{"findings": c.findings, "sarif-file": "nginx-wslint.sarif", "exit-code": strings.TrimSpace(string(rune('0' + c.code)))}
			for k, v := range wantOut {
				if r.outputs[k] != v {
					t.Errorf("output %s = %q, want %q", k, r.outputs[k], v)
				}
			}
			b, err := os.ReadFile(filepath.Join(ws, "nginx-wslint.sarif"))
			if err != nil {
				t.Fatal(err)
			}
			var sarif struct {
				Version string `json:"version"`
				Runs    []struct {
					Results []struct {
						RuleID string `json:"ruleId"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(b, &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 {
				t.Fatalf("SARIF: %v, version %q, %d runs", err, sarif.Version, len(sarif.Runs))
			}
			var ids []string
			for _, res := range sarif.Runs[0].Results {
				ids = append(ids, res.RuleID)
			}
			if !slices.Equal(ids, c.rules) {
				t.Errorf("SARIF results %q, want %q", ids, c.rules)
			}
			if c.code == 2 && !strings.Contains(r.log, `unexpected "}"`) {
				t.Errorf("the log does not say why nginx refuses the configuration:\n%s", r.log)
			}
		})
	}
}
