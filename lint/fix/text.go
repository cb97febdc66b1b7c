package fix

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// The helpers below read the conventions of the text around an insertion
// point (line ends, indentation, one-line blocks) so that inserted lines
// look as if the operator had written them.

const bom = "\ufeff"

// lineStart returns the offset of the start of the line holding off.
func lineStart(src string, off int) int {
	return strings.LastIndexByte(src[:off], '\n') + 1
}

// lineEnd returns the offset of the line end after off: the "\r" of a
// "\r\n", the "\n", or len(src) on a last line without one.
func lineEnd(src string, off int) int {
	j := strings.IndexByte(src[off:], '\n')
	if j < 0 {
		return len(src)
	}
	j += off
	if j > off && src[j-1] == '\r' {
		j--
	}
	return j
}

// eolAt returns the line end used by the line holding off, or the file's
// first line end when that line has none (the last line), "\n" by default.
func eolAt(src string, off int) string {
	e := lineEnd(src, off)
	if e < len(src) {
		if src[e] == '\r' {
			return "\r\n"
		}
		return "\n"
	}
	if i := strings.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// leadingIndent returns the whitespace between the start of off's line and
// off, and whether only whitespace (or the file's byte order mark) is there.
func leadingIndent(src string, off int) (string, bool) {
	ls := lineStart(src, off)
	pre := src[ls:off]
	if ls == 0 {
		pre = strings.TrimPrefix(pre, bom)
	}
	if strings.Trim(pre, " \t") != "" {
		return "", false
	}
	return pre, true
}

// indentUnit guesses one level of indentation in src: a tab when lines are
// indented with tabs, else four spaces.
func indentUnit(src string, hint string) string {
	if strings.Contains(hint, "\t") {
		return "\t"
	}
	if hint != "" {
		return "    "
	}
	tabs, spaces := 0, 0
	for _, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "\t"):
			tabs++
		case strings.HasPrefix(line, " "):
			spaces++
		}
	}
	if tabs > spaces {
		return "\t"
	}
	return "    "
}

// restOfLineIsEmpty reports whether only blanks and a comment follow off on
// its line.
func restOfLineIsEmpty(src string, off int) bool {
	rest := strings.TrimLeft(src[off:lineEnd(src, off)], " \t")
	return rest == "" || rest[0] == '#'
}

// blockIndent returns the indentation of the directives of a block: that of
// the first one that starts its line; ok is false when every directive
// shares a line with something else (a one-line block).
func blockIndent(f *parser.File, ds []*parser.Directive) (string, bool) {
	for _, d := range ds {
		if d.File != f {
			continue
		}
		if ind, ok := leadingIndent(f.Src, int(d.Start.Offset)); ok {
			return ind, true
		}
	}
	return "", false
}

// insertion is where and how new directives go into a block.
type insertion struct {
	file   *parser.File
	offset int
	// lines go on lines of their own at indent, each preceded by eol
	// (inserted at the end of a line); inline puts them on the same line,
	// separated by spaces (a one-line block).
	indent, eol string
	inline      bool
	// before is set when the lines go at offset, the start of a line:
	// each line is followed by eol instead of preceded by it.
	before bool
}

// render returns the inserted text for lines (each a whole directive, a
// multi-line map included, already without indentation on its first line).
func (ins insertion) render(lines []string) string {
	var b strings.Builder
	if ins.inline {
		for _, l := range lines {
			b.WriteString(" ")
			b.WriteString(strings.ReplaceAll(l, "\n", " "))
		}
		return b.String()
	}
	for _, l := range lines {
		parts := strings.Split(l, "\n")
		for _, p := range parts {
			if !ins.before {
				b.WriteString(ins.eol)
			}
			if p != "" {
				b.WriteString(ins.indent)
				b.WriteString(p)
			}
			if ins.before {
				b.WriteString(ins.eol)
			}
		}
	}
	return b.String()
}

// appendTo returns the insertion point after the last directive of a
// block's body in file f (ds are the body's directives, in source order;
// open is the offset just after "{", or -1 for a file's top level;
// outerIndent is the indentation of the block's own line).
func appendTo(f *parser.File, ds []*parser.Directive, open int, outerIndent string) insertion {
	src := f.Src
	var last *parser.Directive
	for _, d := range ds {
		if d.File == f {
			last = d
		}
	}
	ins := insertion{file: f}
	if last == nil {
		ins.offset = open
		if open < 0 {
			ins.offset = len(src)
		}
		ins.eol = eolAt(src, max(ins.offset, 0))
		ins.indent = outerIndent
		if open >= 0 {
			ins.indent = outerIndent + indentUnit(src, outerIndent)
		}
		if open >= 0 && !restOfLineIsEmpty(src, open) {
			ins.inline = true
		}
		return ins
	}
	end := int(last.End.Offset)
	ind, ok := blockIndent(f, ds)
	if !ok || !restOfLineIsEmpty(src, end) {
		ins.offset, ins.inline = end, true
		return ins
	}
	ins.offset = lineEnd(src, end)
	ins.indent = ind
	ins.eol = eolAt(src, end)
	return ins
}

// insertBefore returns the insertion point at the start of d's line, for
// lines at d's indentation; ok is false when d does not start its line.
func insertBefore(d *parser.Directive) (insertion, bool) {
	src := d.File.Src
	ind, ok := leadingIndent(src, int(d.Start.Offset))
	if !ok {
		return insertion{}, false
	}
	off := lineStart(src, int(d.Start.Offset))
	if off == 0 && strings.HasPrefix(src, bom) {
		off = len(bom)
	}
	return insertion{file: d.File, offset: off, indent: ind, eol: eolAt(src, off), before: true}, true
}

// directiveText is the source of a directive from its name to its ";".
func directiveText(d *parser.Directive) string {
	return d.File.Src[d.Start.Offset:d.End.Offset]
}
