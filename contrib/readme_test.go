package contrib

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readmeBlock returns the first fenced block of the given language after
// heading in the README.
func readmeBlock(t *testing.T, heading, lang string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("README has no %q", heading)
	}
	s = s[i:]
	open := "```" + lang + "\n"
	j := strings.Index(s, open)
	if j < 0 {
		t.Fatalf("no %s block after %q", lang, heading)
	}
	s = s[j+len(open):]
	end := strings.Index(s, "```")
	if end < 0 {
		t.Fatalf("unterminated %s block after %q", lang, heading)
	}
	return s[:end]
}

// The README's GitLab job: its script lines, run as GitLab runs them (one
// shell, stopping at the first failing line), turn the findings into a Code
// Quality report and fail the job with the linter's status.
func TestReadmeGitLab(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("jq is not installed (the job installs it)")
	}
	bin := binary(t)
	job := parseYAML(t, readmeBlock(t, "### GitLab CI", "yaml")).get("nginx-wslint")
	if job == nil || job.get("script") == nil || job.str("artifacts", "reports", "codequality") != "gl-code-quality-report.json" {
		t.Fatalf("the README's GitLab job is not what the test reads")
	}
	var script []string
	for _, l := range job.get("script").list {
		script = append(script, l.scalar)
	}
	repo := t.TempDir()
	writeTree(t, repo, map[string]string{"deploy/nginx/nginx.conf": badConf})
	file := filepath.Join(t.TempDir(), "job.sh")
	if err := os.WriteFile(file, []byte("set -e\n"+strings.Join(script, "\n")+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := run(t, repo, []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}, "bash", file)
	if r.code != 1 {
		t.Fatalf("the job exited %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(repo, "gl-code-quality-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var report []struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Severity    string `json:"severity"`
		Fingerprint string `json:"fingerprint"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
			} `json:"lines"`
		} `json:"location"`
	}
	if err := json.Unmarshal(b, &report); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	var got []string
	for _, e := range report {
		got = append(got, e.CheckName+" "+e.Severity+" "+e.Location.Path+":"+string(rune('0'+e.Location.Lines.Begin)))
		if !strings.HasPrefix(e.Description, e.CheckName+" location \"/ws/\"") || e.Fingerprint == "" {
			t.Errorf("entry %+v", e)
		}
	}
	if want := []string{"WS002 critical deploy/nginx/nginx.conf:9", "WS003 critical deploy/nginx/nginx.conf:9"}; !slices.Equal(got, want) {
		t.Errorf("code quality entries %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(repo, "nginx-wslint.sarif")); err != nil {
		t.Error("no SARIF artifact")
	}
}

// The README's workflow uses only inputs the action has.
func TestReadmeGitHubAction(t *testing.T) {
	wf := parseYAML(t, readmeBlock(t, "### GitHub Actions", "yaml"))
	a := loadAction(t)
	found := false
	for _, step := range wf.get("jobs", "lint", "steps").list {
		if !strings.HasPrefix(step.str("uses"), "nginx-wslint/nginx-wslint@") {
			continue
		}
		found = true
		for _, k := range step.get("with").keys {
			if a.get("inputs", k) == nil {
				t.Errorf("the README passes %q, which the action does not take", k)
			}
		}
	}
	if !found {
		t.Error("the README's workflow does not use the action")
	}
}
