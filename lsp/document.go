package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// document is an open editor buffer.
type document struct {
	uri     string
	path    string // the file it is on disk (it may not exist yet)
	version int
	text    string
}

// lineIndex converts between byte offsets and LSP positions in one text.
// Lines end at "\n", as nginx counts them (a "\r" before it belongs to the
// line's end, not its text).
type lineIndex struct {
	text  string
	start []int // byte offset of each line's first byte
}

func newLineIndex(text string) *lineIndex {
	li := &lineIndex{text: text, start: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li.start = append(li.start, i+1)
		}
	}
	return li
}

// lineEnd is the offset of the end of line n's text, before "\r\n" or "\n".
func (li *lineIndex) lineEnd(n int) int {
	end := len(li.text)
	if n+1 < len(li.start) {
		end = li.start[n+1] - 1
		if end > li.start[n] && li.text[end-1] == '\r' {
			end--
		}
	}
	return end
}

// position returns the LSP position of byte offset off: its line, and the
// UTF-16 code units of the line's text before it. An offset inside a UTF-8
// sequence counts as the start of that character; an invalid byte counts
// as one unit (the editor shows it as U+FFFD).
func (li *lineIndex) position(off int) Position {
	off = max(0, min(off, len(li.text)))
	line := sort.Search(len(li.start), func(i int) bool { return li.start[i] > off }) - 1
	return Position{Line: line, Character: utf16Len(li.text[li.start[line]:off])}
}

// offset returns the byte offset of an LSP position. A character past the
// line's end means its end, and a line past the text's end means the end of
// the text, as the specification asks.
func (li *lineIndex) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(li.start) {
		return len(li.text)
	}
	off, end := li.start[p.Line], li.lineEnd(p.Line)
	units := 0
	for off < end && units < p.Character {
		r, size := utf8.DecodeRuneInString(li.text[off:end])
		n := 1
		if r != utf8.RuneError || size > 1 {
			n = utf16.RuneLen(r)
		}
		if units+n > p.Character {
			break // inside a surrogate pair: the character's start
		}
		units += n
		off += size
	}
	return off
}

// utf16Len counts the UTF-16 code units of s.
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			n++
			i++
			continue
		}
		n += utf16.RuneLen(r)
		i += size
	}
	return n
}

// applyChange applies one content change to text.
func applyChange(text string, ch TextDocumentContentChangeEvent) (string, error) {
	if ch.Range == nil {
		return ch.Text, nil
	}
	li := newLineIndex(text)
	start, end := li.offset(ch.Range.Start), li.offset(ch.Range.End)
	if end < start {
		return "", fmt.Errorf("change range ends (%d:%d) before it starts (%d:%d)", ch.Range.End.Line, ch.Range.End.Character, ch.Range.Start.Line, ch.Range.Start.Character)
	}
	return text[:start] + ch.Text + text[end:], nil
}

// uriToPath returns the file path of a file: URI.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("document URI %q: %w", uri, err)
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("document URI %q: only file: URIs are linted", uri)
	}
	p := u.Path
	if p == "" {
		p = u.Opaque
	}
	// file:///C:/x on Windows.
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.FromSlash(p), nil
}

// pathToURI returns the file: URI of a path, made absolute.
func pathToURI(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}
