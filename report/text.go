package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

var severityColor = map[rules.Severity]string{rules.Error: "\x1b[1;31m", rules.Warning: "\x1b[1;33m", rules.Note: "\x1b[1;36m"}

const colorReset, colorBold, colorDim = "\x1b[0m", "\x1b[1m", "\x1b[2m"

// Text prints "path:line:col: severity: message [RULE]", the format
// compilers use and editors parse, then the source line with a ^~~~ under
// the directive and an indented fix, and a summary line. Suppressed
// findings are not printed.
func Text(w io.Writer, r *lint.Result, o Options) error {
	var b strings.Builder
	writeText(&b, r, views(r, o.Paths, false), o)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeText(b *strings.Builder, r *lint.Result, vs []view, o Options) {
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + colorReset
	}
	counts := map[rules.Severity]int{}
	for _, v := range vs {
		counts[v.Severity]++
		loc := fmt.Sprintf("%s:%d:%d:", o.Paths.Show(v.Start.File), v.Start.Line, v.Start.Column)
		fmt.Fprintf(b, "%s %s %s", paint(colorBold, loc), paint(severityColor[v.Severity], v.Severity.String()+":"), printable(v.message))
		if v.Kind == lint.Finding {
			fmt.Fprintf(b, " [%s]", v.Rule.ID)
		}
		b.WriteByte('\n')
		if o.Quiet {
			continue
		}
		if src, ok := r.Source(v.Start.File); ok {
			if line, under := excerpt(src, v.Start, v.End); line != "" && printable(line) == line {
				fmt.Fprintf(b, "    %s\n    %s\n", line, paint(severityColor[v.Severity], under))
			}
		}
		if v.Fix != "" {
			fmt.Fprintf(b, "    %s %s\n", paint(colorDim, "fix:"), v.Fix)
		}
	}
	if !o.Quiet && len(counts) > 0 {
		var parts []string
		for _, s := range severities {
			if n := counts[s]; n > 0 {
				parts = append(parts, plural(n, s.String()))
			}
		}
		fmt.Fprintf(b, "%s\n", strings.Join(parts, ", "))
	}
}

// excerpt returns the source line at pos and an underline of ^~~~ from
// pos to end (or to the end of the line); tabs are kept so that the
// underline stays aligned.
func excerpt(src string, pos, end parser.Position) (line, under string) {
	start := int(pos.Offset) - int(pos.Column) + 1
	if start < 0 || start > len(src) {
		return "", ""
	}
	stop := strings.IndexByte(src[start:], '\n')
	if stop < 0 {
		stop = len(src) - start
	}
	line = strings.TrimRight(src[start:start+stop], "\r")
	col := int(pos.Column) - 1
	if col > len(line) {
		return "", ""
	}
	width := 1
	switch {
	case end.File == pos.File && end.Line == pos.Line && end.Column > pos.Column:
		width = int(end.Column - pos.Column)
	case end.Line > pos.Line:
		width = len(line) - col
	}
	width = max(1, min(width, len(line)-col))
	var u strings.Builder
	for _, c := range line[:col] {
		if c == '\t' {
			u.WriteByte('\t')
		} else {
			u.WriteByte(' ')
		}
	}
	u.WriteByte('^')
	u.WriteString(strings.Repeat("~", width-1))
	return line, u.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// printable escapes control bytes (other than tab) as \xNN, so that a
// binary file quoted in a message cannot drive the terminal.
func printable(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			fmt.Fprintf(&b, "\\x%02x", c)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
