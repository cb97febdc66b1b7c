package fix

import (
	"fmt"
	"strings"
)

// context is the number of unchanged lines around each hunk, as diff -u.
const context = 3

// Diff returns a unified diff from old to new for the file at path (the
// path as it should appear: relative to the working directory, so that
// `git apply` and `patch -p1` accept it; an absolute path loses its
// leading "/"), "" when they are equal. Lines
// keep their own ends (a CRLF file gives CRLF lines); a last line without
// a line end is marked "\ No newline at end of file".
func Diff(path, old, new string) string {
	if old == new {
		return ""
	}
	// An absolute path (a file of an nginx -T dump outside the working
	// directory) is written as patch -p1 -d / reads it.
	path = strings.TrimPrefix(path, "/")
	a, b := splitLines(old), splitLines(new)
	// Common head and tail; the edits are local, so the middle is small
	// and is diffed line by line below.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops := diffLines(a[pre:len(a)-suf], b[pre:len(b)-suf])
	// Whole-file op list: equal head, middle ops, equal tail.
	var all []op
	for i := 0; i < pre; i++ {
		all = append(all, op{kind: ' ', a: i, b: i})
	}
	for _, o := range ops {
		o.a += pre
		o.b += pre
		all = append(all, o)
	}
	for i := 0; i < suf; i++ {
		all = append(all, op{kind: ' ', a: len(a) - suf + i, b: len(b) - suf + i})
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", path, path)
	for i := 0; i < len(all); {
		if all[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change closer than 2*context to the next.
		start := max(i-context, 0)
		end := i
		for j := i; j < len(all); j++ {
			if all[j].kind != ' ' {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		stop := min(end+context+1, len(all))
		writeHunk(&out, all[start:stop], a, b)
		i = stop
	}
	return out.String()
}

type op struct {
	kind byte // ' ', '-', '+'
	a, b int  // line index in old (for ' ' and '-') and new (for ' ' and '+')
}

func writeHunk(out *strings.Builder, ops []op, a, b []string) {
	aStart, bStart, aN, bN := -1, -1, 0, 0
	for _, o := range ops {
		if o.kind != '+' {
			if aStart < 0 {
				aStart = o.a
			}
			aN++
		}
		if o.kind != '-' {
			if bStart < 0 {
				bStart = o.b
			}
			bN++
		}
	}
	// An empty side is numbered by the line before it.
	if aStart < 0 {
		aStart = ops[0].a - 1
		if ops[0].a == 0 {
			aStart = -1
		}
	}
	if bStart < 0 {
		bStart = ops[0].b - 1
		if ops[0].b == 0 {
			bStart = -1
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(aStart, aN), hunkRange(bStart, bN))
	for _, o := range ops {
		line := ""
		switch o.kind {
		case '+':
			line = b[o.b]
		default:
			line = a[o.a]
		}
		out.WriteByte(o.kind)
		out.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s after each "\n"; the last line may lack one.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// diffLines is a longest-common-subsequence line diff of two short line
// lists (the changed middle of a file), deletions before insertions.
func diffLines(a, b []string) []op {
	n, m := len(a), len(b)
	if n*m > 4_000_000 {
		// Too large for the table: replace the whole middle.
		var ops []op
		for i := range a {
			ops = append(ops, op{kind: '-', a: i, b: 0})
		}
		for j := range b {
			ops = append(ops, op{kind: '+', a: n, b: j})
		}
		return ops
	}
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{kind: ' ', a: i, b: j})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{kind: '-', a: i, b: j})
			i++
		default:
			ops = append(ops, op{kind: '+', a: i, b: j})
			j++
		}
	}
	return ops
}
