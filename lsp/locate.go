package lsp

import (
	"fmt"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// spot is a position in an open buffer, with the configuration it was
// read in.
type spot struct {
	doc  *document
	c    *lintContext
	file *parser.File // the buffer's first occurrence in c
	li   *lineIndex
	off  int
	x    *indexes
}

// locate finds the buffer and its context for a request.
func (s *Server) locate(uri string, pos Position) (*spot, error) {
	doc := s.docs[uri]
	if doc == nil {
		return nil, fmt.Errorf("%s is not open", uri)
	}
	c := s.contextOf(doc)
	if c == nil {
		return nil, fmt.Errorf("%s could not be linted", uri)
	}
	f := c.files[c.keys[s.disk.key(doc.path)]]
	if f == nil {
		return nil, fmt.Errorf("%s is not in its configuration", uri)
	}
	li := newLineIndex(f.Src)
	return &spot{doc: doc, c: c, file: f, li: li, off: li.offset(pos), x: &indexes{c: c, li: map[string]*lineIndex{f.Path: li}}}, nil
}

// directiveAt returns the innermost directive of ds whose text holds off
// (the end of a word counts as inside it), and the index of the word off is
// in (-1 when it is between words).
func directiveAt(ds []*parser.Directive, off int) (*parser.Directive, int) {
	for _, d := range ds {
		if off < int(d.Start.Offset) || off > int(d.End.Offset) {
			continue
		}
		if d.Block != nil && off > int(d.Block.Open.Offset) {
			if off >= int(d.Block.Close.Offset) && d.Block.Close.Offset > d.Block.Open.Offset {
				continue
			}
			if in, w := directiveAt(d.Block.Directives, off); in != nil {
				return in, w
			}
			return nil, -1
		}
		for i, w := range d.Words {
			if off >= int(w.Start.Offset) && off <= int(w.EndOffset()) {
				return d, i
			}
		}
		return d, -1
	}
	return nil, -1
}

// varAt returns the variable name (without "$", braces removed) under off
// in word w of a file's source, and its byte range.
func varAt(src string, w parser.Word, off int) (name string, start, end int, ok bool) {
	ws, we := int(w.Start.Offset), int(w.EndOffset())
	for i := ws; i < we; i++ {
		if src[i] != '$' {
			continue
		}
		j := i + 1
		braced := j < we && src[j] == '{'
		if braced {
			j++
		}
		k := j
		for k < we && (isVarByte(src[k])) {
			k++
		}
		e := k
		if braced && e < we && src[e] == '}' {
			e++
		}
		if k > j && off >= i && off <= e {
			return src[j:k], i, e, true
		}
		i = max(i, e-1)
	}
	return "", 0, 0, false
}

func isVarByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
