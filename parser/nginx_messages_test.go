package parser_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/parser"
)

// TestNginxMessages: `nginx -T 2>&1 | nginx-wslint -` on a configuration
// nginx refuses pipes only nginx's own messages; they are recognised, not
// parsed as configuration (which read them as "unexpected end of file").
func TestNginxMessages(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the error's text; "" when src is not nginx's output
	}{{
		name: "unknown directive",
		src: "nginx: [emerg] unknown directive \"foo\" in /etc/nginx/nginx.conf:5\n" +
			"nginx: configuration file /etc/nginx/nginx.conf test failed\n",
		want: `nginx -T failed: [emerg] unknown directive "foo" in /etc/nginx/nginx.conf:5`,
	}, {
		name: "main file missing, in error-log format, CRLF",
		src: "2026/12/04 16:00:26 [emerg] 8503#8503: open() \"/etc/nginx/nope.conf\" failed (2: No such file or directory)\r\n" +
			"nginx: configuration file /etc/nginx/nope.conf test failed\r\n",
		want: `nginx -T failed: [emerg] open() "/etc/nginx/nope.conf" failed (2: No such file or directory)`,
	}, {
		name: "an alert before the emerg: the emerg is the reason",
		src: "nginx: [alert] could not open error log file: open() \"/var/log/nginx/error.log\" failed (13: Permission denied)\n" +
			"nginx: [warn] the \"user\" directive makes sense only if the master process runs with super-user privileges\n" +
			"nginx: [emerg] \"map\" directive is not allowed here in /etc/nginx/sites-enabled/app.conf:3\n" +
			"nginx: configuration file /etc/nginx/nginx.conf test failed\n",
		want: `nginx -T failed: [emerg] "map" directive is not allowed here in /etc/nginx/sites-enabled/app.conf:3`,
	}, {
		name: "only the verdict",
		src:  "\nnginx: configuration file /etc/nginx/nginx.conf test failed\n\n",
		want: `nginx -T failed: configuration file /etc/nginx/nginx.conf test failed`,
	}, {
		name: "nginx -t instead of -T",
		src: "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n" +
			"nginx: configuration file /etc/nginx/nginx.conf test is successful\n",
		want: `standard input holds nginx's messages but no configuration (the configuration file /etc/nginx/nginx.conf syntax is ok; ` +
			`configuration file /etc/nginx/nginx.conf test is successful): "nginx -t" prints none, pipe "nginx -T" instead`,
	}, {
		name: "a configuration",
		src:  "events {}\nhttp {}\n",
	}, {
		name: "a dump with nginx's verdict",
		src: "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n" +
			"nginx: configuration file /etc/nginx/nginx.conf test is successful\n" +
			"# configuration file /etc/nginx/nginx.conf:\nevents {}\n",
	}, {
		name: "a configuration after a message",
		src:  "nginx: [emerg] x\nevents {}\n",
	}, {
		name: "blank",
		src:  "\n \n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parser.NginxMessages(tt.src)
			if tt.want == "" {
				if e != nil {
					t.Fatalf("recognised as nginx's output: %v", e)
				}
				return
			}
			if e == nil {
				t.Fatal("not recognised as nginx's output")
			}
			var err error = e
			var ne *parser.NginxError
			if !errors.As(err, &ne) {
				t.Fatal("not an *NginxError")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestNginxMessagesFromNginx feeds the real `nginx -T 2>&1` output of a
// refused configuration.
func TestNginxMessagesFromNginx(t *testing.T) {
	nginxtest.Binary(t)
	p := nginxtest.NewPrefix(t)
	conf := p.MainConf("    server {\n        listen 127.0.0.1:1;\n        foo bar;\n    }\n")
	dump, res := p.Dump(t, conf)
	if res.OK {
		t.Fatalf("nginx accepted the configuration")
	}
	out := dump + res.Output
	e := parser.NginxMessages(out)
	if e == nil {
		t.Fatalf("nginx's output not recognised:\n%s", out)
	}
	want := `nginx -T failed: [emerg] unknown directive "foo" in ` + p.Path("conf/nginx.conf") + ":"
	if got := e.Error(); !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s<line>", got, want)
	}
}
