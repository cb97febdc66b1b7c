package rules_test

import (
	"testing"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// TestWS011NoteOnHeadersOnly: a location that is a WebSocket one only by
// its (often copied) upgrade lines gets WS011 as a note, a WebSocket path
// as a warning.
func TestWS011NoteOnHeadersOnly(t *testing.T) {
	for file, want := range map[string]rules.Severity{
		"../testdata/rules/WS011/note-headers-only.conf": rules.Note,
		"../testdata/rules/WS011/lost.conf":              rules.Warning,
	} {
		_, ds := lint(t, file)
		n := 0
		for _, d := range ds {
			if d.Rule.ID != "WS011" {
				continue
			}
			n++
			if d.Severity != want {
				t.Errorf("%s: WS011 at %s is a %s, want %s", file, d.Start, d.Severity, want)
			}
		}
		if n == 0 {
			t.Errorf("%s: no WS011", file)
		}
	}
}
