package contrib

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
)

const dropIn = "contrib/systemd/nginx.service.d/nginx-wslint.conf"

// unit is the [Service] section of a drop-in as systemd reads it: the
// environment and the ExecReload= command line, split into words.
type unit struct {
	env    []string
	reload []string
}

// parseDropIn reads a unit file the way systemd does for what the drop-in
// uses: backslash-newline continues a line (the backslash becomes a space),
// an empty ExecReload= resets the list, words are split with single and
// double quotes, and "$$" is a literal "$" (systemd substitutes $VAR and
// ${VAR} itself; the drop-in uses none, so every variable reaches the
// shell). "%" specifiers are refused: the drop-in must not use them.
func parseDropIn(t *testing.T, src string) unit {
	t.Helper()
	src = strings.ReplaceAll(src, "\\\n", " ")
	var u unit
	section := ""
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = line
			continue
		}
		if section != "[Service]" {
			t.Fatalf("a setting outside [Service]: %q", line)
		}
		key, value, _ := strings.Cut(line, "=")
		if strings.Contains(value, "%") {
			t.Fatalf("%s= uses a %% specifier: %q", key, value)
		}
		switch key {
		case "Environment":
			u.env = append(u.env, systemdWords(t, value)...)
		case "ExecReload":
			if value == "" {
				u.reload = nil
				continue
			}
			if u.reload != nil {
				t.Fatal("two ExecReload= commands")
			}
			u.reload = systemdWords(t, value)
		default:
			t.Fatalf("unexpected setting %q", key)
		}
	}
	return u
}

// systemdWords splits a command line or an Environment= value into words.
func systemdWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\'', '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				t.Fatalf("unterminated quote in %q", s)
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case ' ', '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case '\\':
			t.Fatalf("a backslash escape in %q: systemd would unescape it", s)
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	for i, w := range words {
		words[i] = strings.ReplaceAll(w, "$$", "$")
	}
	return words
}

// The drop-in's ExecReload= command line, run against a real nginx in a
// temporary prefix: "nginx -t" and "nginx -T" are the real ones, and the
// reload itself is replaced by a harmless command that leaves a mark (no
// nginx is signalled).
func TestSystemdGuardedReload(t *testing.T) {
	bin := binary(t)
	src, err := os.ReadFile(filepath.Join(repoRoot(t), dropIn))
	if err != nil {
		t.Fatal(err)
	}
	u := parseDropIn(t, string(src))
	if len(u.reload) != 3 || u.reload[0] != "/bin/sh" || u.reload[1] != "-c" {
		t.Fatalf("ExecReload= %q, want /bin/sh -c SCRIPT", u.reload)
	}
	defaults := map[string]string{}
	for _, kv := range u.env {
		k, v, _ := strings.Cut(kv, "=")
		defaults[k] = v
	}
	if defaults["NGINX_RELOAD"] != "/usr/sbin/nginx -g 'daemon on; master_process on;' -s reload" || defaults["NGINX_WSLINT_FAIL_ON"] != "error" {
		t.Errorf("defaults %q", defaults)
	}
	nginx := nginxtest.Binary(t)
	// A warning and no error: WS009, the client's Connection forwarded.
	warnConf := strings.Replace(goodConf, "Connection $connection_upgrade", "Connection $http_connection", 1)

	// realNginx runs the real nginx with the prefix's options; for -T,
	// emptyDump makes it print nothing, as a pipe that lost its input.
	cases := []struct {
		name    string
		conf    string
		env     []string
		skip    bool // the emergency override file is present
		empty   bool // nginx -T prints nothing
		code    int
		reload  bool
		stderr  string
		stdout  string
		skipped bool
	}{
		{name: "clean", conf: goodConf, code: 0, reload: true},
		{name: "findings", conf: badConf, code: 1, stderr: "nginx-wslint: not reloading: findings at or above error, or input the linter could not read (exit status 1)", stdout: "/conf/nginx.conf:18:9: error: location \"/ws/\" passes a WebSocket"},
		{name: "broken", conf: brokenConf, code: 1, stderr: "nginx-wslint: nginx -t refuses the configuration: not reloading"},
		{name: "override", conf: badConf, skip: true, code: 0, reload: true, stderr: "was present: reloading without the lint (emergency override)", skipped: true},
		{name: "override-still-needs-nginx-t", conf: brokenConf, skip: true, code: 1, stderr: "nginx -t refuses"},
		{name: "unreadable-dump", conf: goodConf, empty: true, code: 1, stderr: "standard input is empty, nothing to lint"},
		{name: "linter-missing", conf: goodConf, env: []string{"NGINX_WSLINT=/nonexistent/nginx-wslint"}, code: 1, stderr: "(exit status 127)"},
		{name: "fail-on-warning", conf: warnConf, env: []string{"NGINX_WSLINT_FAIL_ON=warning"}, code: 1, stdout: "warning:"},
		{name: "warning-below-fail-on", conf: warnConf, code: 0, reload: true, stdout: "warning:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := nginxtest.NewPrefix(t)
			body := c.conf
			// Keep nginx's files in the prefix: the preamble and the http
			// settings of nginxtest.
			body = strings.Replace(body, "events {}\nhttp {\n", p.Preamble(t)+"events {}\nhttp {\n"+p.HTTPSettings(), 1)
			conf := p.WriteFile("conf/nginx.conf", body)
			tmp := t.TempDir()
			// A wrapper, so that NGINX is one word as in the unit file.
			wrapper := filepath.Join(tmp, "nginx")
			script := "#!/bin/sh\n"
			if c.empty {
				script += "for a in \"$@\"; do [ \"$a\" = -T ] && exit 0; done\n"
			}
			script += "exec " + nginx + " -p " + p.Dir + "/ -c " + conf + " -e " + p.Path("logs/error.log") + " \"$@\"\n"
			if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			mark := filepath.Join(tmp, "reloaded")
			skipFile := filepath.Join(tmp, "nginx-wslint.skip")
			if c.skip {
				if err := os.WriteFile(skipFile, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			env := append([]string{}, u.env...)
			env = append(env,
				"NGINX="+wrapper,
				"NGINX_WSLINT="+filepath.Join(bin, "nginx-wslint"),
				"NGINX_WSLINT_SKIP_FILE="+skipFile,
				"NGINX_RELOAD=touch '"+mark+"'",
			)
			env = append(env, c.env...)
			r := run(t, tmp, append([]string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin"}, env...), u.reload...)
			code := r.code
			_, statErr := os.Stat(mark)
			reloaded := statErr == nil
			if code != c.code || reloaded != c.reload {
				t.Errorf("exit %d, reloaded %v; want %d, %v\nstdout:\n%s\nstderr:\n%s", code, reloaded, c.code, c.reload, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, c.stderr) {
				t.Errorf("stderr lacks %q:\n%s", c.stderr, r.stderr)
			}
			if !strings.Contains(r.stdout, c.stdout) {
				t.Errorf("stdout lacks %q:\n%s", c.stdout, r.stdout)
			}
			if c.stdout != "" && !strings.Contains(r.stdout, conf) && c.code != 0 {
				t.Errorf("the findings do not name the original file %s:\n%s", conf, r.stdout)
			}
			if _, err := os.Stat(skipFile); c.skipped && err == nil {
				t.Error("the override file was not removed: it must apply to one reload")
			}
		})
	}

	// systemd itself accepts the drop-in, when systemd-analyze is there.
	if sa, err := exec.LookPath("systemd-analyze"); err == nil {
		dir := t.TempDir()
		unitText := "[Unit]\nDescription=nginx\n[Service]\nType=forking\nExecStart=" + nginx + "\nExecReload=" + nginx + " -s reload\n"
		writeTree(t, dir, map[string]string{"nginx.service": unitText, "nginx.service.d/nginx-wslint.conf": string(src)})
		r := run(t, dir, []string{"SYSTEMD_UNIT_PATH=" + dir + ":"}, sa, "verify", filepath.Join(dir, "nginx.service"))
		if strings.Contains(r.stdout+r.stderr, "nginx-wslint.conf") {
			t.Errorf("systemd-analyze verify:\n%s%s", r.stdout, r.stderr)
		}
	}
}
