package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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
	b := bufio.NewWriterSize(w, 64<<10)
	writeText(b, r, views(r, o.Paths, false), o)
	return b.Flush()
}

// writeText writes the text output of vs to b; b keeps the first write
// error, which its Flush returns.
func writeText(b *bufio.Writer, r *lint.Result, vs []view, o Options) {
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + colorReset
	}
	counts := map[rules.Severity]int{}
	for _, v := range vs {
		counts[v.Severity]++
		loc := fmt.Sprintf("%s:%d:%d:", Escape(o.Paths.Show(v.Start.File)), v.Start.Line, v.Start.Column)
		fmt.Fprintf(b, "%s %s %s", paint(colorBold, loc), paint(severityColor[v.Severity], v.Severity.String()+":"), Escape(v.message))
		if v.Kind == lint.Finding {
			fmt.Fprintf(b, " [%s]", v.Rule.ID)
		}
		_ = b.WriteByte('\n')
		if o.Quiet {
			continue
		}
		if src, ok := r.Source(v.Start.File); ok {
			if line, under := excerpt(src, v.Start, v.End); line != "" && Escape(line) == line {
				fmt.Fprintf(b, "    %s\n    %s\n", line, paint(severityColor[v.Severity], under))
			}
		}
		if v.Fix != "" {
			fmt.Fprintf(b, "    %s %s\n", paint(colorDim, "fix:"), Escape(v.Fix))
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
	if col < 0 || col > len(line) {
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
	if len(line) > maxExcerptWidth {
		// A window around the position: a minified or binary line of
		// megabytes is not printed once per error.
		from := max(0, col-maxExcerptWidth/4)
		for from > 0 && !utf8.RuneStart(line[from]) {
			from--
		}
		to := min(len(line), from+maxExcerptWidth)
		for to < len(line) && !utf8.RuneStart(line[to]) {
			to--
		}
		line = line[from:to]
		col -= from
		if col > len(line) {
			return "", ""
		}
		width = max(1, min(width, len(line)-col))
	}
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

// maxExcerptWidth bounds the bytes of a source line printed under a finding.
const maxExcerptWidth = 512

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
