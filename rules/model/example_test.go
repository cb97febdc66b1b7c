package model

import (
	"strings"
	"testing"
)

func TestRegexExample(t *testing.T) {
	tests := []struct {
		pattern  string
		caseless bool
		prefix   string
		reject   string // candidates containing this are refused
		want     string
	}{
		{`\.php$`, false, "/ws/", "", "/ws/.php"},
		{`/ws`, false, "/ws/", "", "/ws/"},
		{`^/ws/[0-9]+$`, false, "/ws/", "", "/ws/0"},
		{`(js|css)$`, false, "/ws/", "", "/ws/js"},
		{`\.PNG$`, true, "/ws/", "", "/ws/.png"},
		{`^/api/`, false, "/ws/", "", ""},
		{`/chat/(?<room>[a-z]+)/socket`, false, "/app/", "", "/app/chat/a/socket"},
		{`\.(js|css)$`, false, "/ws/", ".js", "/ws/.css"},
		{`\bws\b`, false, "/x/", "", "/x/ws"},
		{`(a+)+$`, false, "/ws/", "a", ""}, // nested quantifiers: bounded, no example
		{`^/ws$`, false, "/ws/", "", ""},
	}
	for _, tt := range tests {
		r := CompileRegex(tt.pattern, tt.caseless)
		got, err := r.Example(tt.prefix, func(s string) bool {
			return tt.reject == "" || !strings.Contains(s, tt.reject)
		})
		if tt.want == "" {
			if err == nil {
				t.Errorf("%s after %s: got %q, want none", tt.pattern, tt.prefix, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s after %s: got %q (%v), want %q", tt.pattern, tt.prefix, got, err, tt.want)
		}
		if m, _ := r.MatchString(got); !m {
			t.Errorf("%s does not match its own example %q", tt.pattern, got)
		}
	}
}
