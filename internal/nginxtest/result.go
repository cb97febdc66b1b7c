package nginxtest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Message is one diagnostic nginx printed, such as
// `nginx: [emerg] "map" directive is not allowed here in /p/conf/nginx.conf:14`.
type Message struct {
	// Level is nginx's severity without brackets: "emerg", "alert",
	// "crit", "error", "warn", "notice", "info" or "debug".
	Level string
	// Text is the message without the level, the pid#tid prefix and the
	// trailing " in FILE:LINE".
	Text string
	// File is the absolute configuration file the message points at, or
	// "" when nginx gave no location (e.g. `unknown "x" variable`, which
	// nginx only detects after parsing).
	File string
	// Line is the 1-based line in File, or 0 when File is "".
	Line int
}

// String formats the message the way nginx does, for test logs.
func (m Message) String() string {
	if m.File == "" {
		return fmt.Sprintf("[%s] %s", m.Level, m.Text)
	}
	return fmt.Sprintf("[%s] %s in %s:%d", m.Level, m.Text, m.File, m.Line)
}

// Result is the outcome of `nginx -t` or `nginx -T`.
type Result struct {
	// OK reports whether nginx exited with status 0, i.e. accepted the
	// configuration. Warnings do not make it false.
	OK bool
	// Messages are the diagnostics parsed from Output, in order.
	Messages []Message
	// Output is nginx's stderr, verbatim, for failure messages.
	Output string
}

// Find returns the first message whose Text contains substr.
func (r Result) Find(substr string) (Message, bool) {
	for _, m := range r.Messages {
		if strings.Contains(m.Text, substr) {
			return m, true
		}
	}
	return Message{}, false
}

// msgRE matches the two shapes nginx uses for a diagnostic:
//
//	nginx: [emerg] TEXT                                  (stderr copy)
//	2026/11/24 18:51:20 [emerg] 14964#14964: TEXT        (error log; also on
//	                                                      stderr when the log is stderr)
//
// A runtime message may carry a connection number "*12 " after pid#tid.
var msgRE = regexp.MustCompile(`^(?:nginx: |\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} )\[(debug|info|notice|warn|error|crit|alert|emerg)\] (?:\d+#\d+: )?(?:\*\d+ )?(.*)$`)

// locRE splits " in FILE:LINE" off the end of a message. The first group is
// greedy so that the last " in " wins: message texts such as `"x" directive
// is not allowed here` can themselves contain " in ".
var locRE = regexp.MustCompile(`^(.*) in (.+):(\d+)$`)

// ParseMessages extracts the diagnostics from nginx's stderr or error log.
// Lines of other shapes ("nginx: configuration file ... test failed",
// "syntax is ok") are not diagnostics and are skipped.
func ParseMessages(output string) []Message {
	var msgs []Message
	for _, line := range strings.Split(output, "\n") {
		line = strings.TrimRight(line, "\r")
		m := msgRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		msg := Message{Level: m[1], Text: m[2]}
		if loc := locRE.FindStringSubmatch(msg.Text); loc != nil {
			if n, err := strconv.Atoi(loc[3]); err == nil {
				msg.Text, msg.File, msg.Line = loc[1], loc[2], n
			}
		}
		msgs = append(msgs, msg)
	}
	return msgs
}
