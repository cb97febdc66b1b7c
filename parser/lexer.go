package parser

import (
	"fmt"
	"strings"
)

// confBuffer is NGX_CONF_BUFFER: nginx reads a file through a 4096-byte
// buffer, and a token that does not fit in it is an error.
const confBuffer = 4096

// term says what ended a statement read by the lexer.
type term uint8

const (
	termSemicolon  term = iota // ";": a simple directive
	termBlockStart             // "{": a block directive
	termBlockDone              // "}": the end of the enclosing block
	termEOF                    // end of file
)

// lexer reads a file's bytes exactly as ngx_conf_read_token does, one
// statement (words plus terminator) at a time.
type lexer struct {
	src       string
	path      string
	pos       int // next byte to read
	line      int // current line, counted as nginx counts it (LF)
	lineStart int // offset of the first byte of the current line
	prevStart int // offset of the first byte of the previous line
	comments  []Comment
	words     []Word // scratch for the current statement
	maxWords  int    // bound on the words of one directive (Limits)
}

func newLexer(path string, src string) *lexer {
	return &lexer{src: src, path: path, line: 1, maxWords: DefaultLimits.MaxWords}
}

// posAt returns the position of offset off, which must be on the current line
// or on an earlier one given by line and lineStart.
func (lx *lexer) here(off int) Pos {
	return Pos{Offset: int32(off), Line: int32(lx.line), Column: int32(off - lx.lineStart + 1)}
}

func (lx *lexer) errorf(p Pos, format string, args ...any) *Error {
	return &Error{Position: Position{File: lx.path, Pos: p}, Msg: fmt.Sprintf(format, args...)}
}

// read returns the words of the next statement and what ended it. The
// returned slice is reused by the next call. termPos is the position of the
// terminating byte (for termEOF, the end of the file): nginx reports errors
// about a statement at the line where its reader stands, which is there.
//
// The state machine is ngx_conf_read_token's, variable for variable, so that
// every accepted and rejected input and every error line match nginx.
func (lx *lexer) read() (words []Word, t term, termPos Pos, err *Error) {
	var (
		needSpace    bool
		lastSpace    = true
		sharpComment bool
		variable     bool
		quoted       bool
		sQuoted      bool
		dQuoted      bool
		commentStart Pos
	)
	lx.words = lx.words[:0]
	start := lx.pos
	startPos := lx.here(start)
	src := lx.src

	for {
		if lx.pos >= len(src) {
			if sharpComment {
				lx.addComment(commentStart, lx.pos)
			}
			if len(lx.words) > 0 || !lastSpace {
				return nil, 0, Pos{}, lx.errorf(lx.here(lx.pos), `unexpected end of file, expecting ";" or "}"`)
			}
			return lx.words, termEOF, lx.here(lx.pos), nil
		}
		if lx.pos-start >= confBuffer {
			// nginx's buffer is full of one token and must be refilled.
			p := startPos
			switch {
			case dQuoted:
				return nil, 0, Pos{}, lx.errorf(p, `too long parameter, probably missing terminating """ character`)
			case sQuoted:
				return nil, 0, Pos{}, lx.errorf(p, `too long parameter, probably missing terminating "'" character`)
			}
			return nil, 0, Pos{}, lx.errorf(p, `too long parameter "%s..." started`, src[start:start+10])
		}

		i := lx.pos
		ch := src[i]
		lx.pos++

		if ch == '\n' {
			if sharpComment {
				lx.addComment(commentStart, i)
				sharpComment = false
			}
			lx.line++
			lx.prevStart = lx.lineStart
			lx.lineStart = lx.pos
		}
		if sharpComment {
			// Fast path: nothing in a comment matters until its LF, but
			// the token limit still counts from the "#".
			stop := len(src)
			if j := strings.IndexByte(src[lx.pos:], '\n'); j >= 0 {
				stop = lx.pos + j
			}
			lx.pos = min(stop, start+confBuffer)
			continue
		}
		if quoted {
			quoted = false
			continue
		}

		if needSpace {
			switch ch {
			case ' ', '\t', '\r', '\n':
				lastSpace = true
				needSpace = false
				continue
			case ';':
				return lx.words, termSemicolon, lx.posOf(i), nil
			case '{':
				return lx.words, termBlockStart, lx.posOf(i), nil
			case ')':
				lastSpace = true
				needSpace = false
			default:
				return nil, 0, Pos{}, lx.errorf(lx.posOf(i), "unexpected %s", quoteChar(ch))
			}
		}

		if lastSpace {
			start = i
			startPos = lx.posOf(i)
			switch ch {
			case ' ', '\t', '\r', '\n':
				continue
			case ';', '{':
				if len(lx.words) == 0 {
					return nil, 0, Pos{}, lx.errorf(startPos, "unexpected %s", quoteChar(ch))
				}
				if ch == '{' {
					return lx.words, termBlockStart, startPos, nil
				}
				return lx.words, termSemicolon, startPos, nil
			case '}':
				if len(lx.words) != 0 {
					return nil, 0, Pos{}, lx.errorf(startPos, `unexpected "}"`)
				}
				return lx.words, termBlockDone, startPos, nil
			case '#':
				sharpComment = true
				commentStart = startPos
				continue
			case '\\':
				quoted = true
				lastSpace = false
				continue
			case '"':
				start++
				dQuoted = true
				lastSpace = false
				continue
			case '\'':
				start++
				sQuoted = true
				lastSpace = false
				continue
			case '$':
				variable = true
				lastSpace = false
				continue
			default:
				lastSpace = false
			}
		} else {
			if ch == '{' && variable {
				continue
			}
			variable = false
			if ch == '\\' {
				quoted = true
				continue
			}
			if ch == '$' {
				variable = true
				continue
			}
			found := false
			switch {
			case dQuoted:
				if ch == '"' {
					dQuoted = false
					needSpace = true
					found = true
				}
			case sQuoted:
				if ch == '\'' {
					sQuoted = false
					needSpace = true
					found = true
				}
			case ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == ';' || ch == '{':
				lastSpace = true
				found = true
			}
			if !found {
				// Fast path: skip the bytes that change nothing in this
				// state, up to the token limit.
				lx.pos = skipPlain(src, lx.pos, start+confBuffer, dQuoted, sQuoted)
				continue
			}
			{
				w := Word{Value: unescape(src, start, i), Start: startPos}
				end := i
				if needSpace {
					// Quoted: the word runs from the opening quote to the
					// closing one included.
					end = i + 1
					q := SingleQuoted
					if ch == '"' {
						q = DoubleQuoted
					}
					w.span = uint32(q) << spanQuoteShift
				}
				w.span |= uint32(end - int(startPos.Offset))
				if len(lx.words) >= lx.maxWords {
					return nil, 0, Pos{}, lx.errorf(lx.words[0].Start, "more than %d parameters in one directive", lx.maxWords)
				}
				lx.words = append(lx.words, w)
				if ch == ';' {
					return lx.words, termSemicolon, lx.posOf(i), nil
				}
				if ch == '{' {
					return lx.words, termBlockStart, lx.posOf(i), nil
				}
			}
		}
	}
}

// skipPlain returns the offset of the first byte at or after i (and before
// limit) that ngx_conf_read_token's state machine must look at inside a
// word: in an unquoted word, whitespace, ";", "{", "\\" and "$"; in a
// quoted one, its closing quote, "\\", "$" and LF (which counts a line).
func skipPlain(src string, i, limit int, dQuoted, sQuoted bool) int {
	limit = min(limit, len(src))
	switch {
	case dQuoted || sQuoted:
		q := byte('\'')
		if dQuoted {
			q = '"'
		}
		for i < limit {
			if c := src[i]; c == q || c == '\\' || c == '$' || c == '\n' {
				return i
			}
			i++
		}
	default:
		for i < limit {
			switch src[i] {
			case ' ', '\t', '\r', '\n', ';', '{', '\\', '$':
				return i
			}
			i++
		}
	}
	return i
}

// posOf returns the position of offset off, which lies on the current line,
// or is the LF that just ended the previous one.
func (lx *lexer) posOf(off int) Pos {
	if off < lx.lineStart {
		// The LF that ended the previous line.
		return Pos{Offset: int32(off), Line: int32(lx.line - 1), Column: int32(off - lx.prevStart + 1)}
	}
	return lx.here(off)
}

func (lx *lexer) addComment(start Pos, end int) {
	e := end
	if e > int(start.Offset) && lx.src[e-1] == '\r' {
		e--
	}
	lx.comments = append(lx.comments, Comment{
		Text:  lx.src[start.Offset:e],
		Start: start,
		End:   Pos{Offset: int32(e), Line: start.Line, Column: start.Column + int32(e) - start.Offset},
	})
}

// unescape returns src[from:to] with nginx's escapes processed, without
// copying when there is nothing to process.
func unescape(src string, from, to int) string {
	raw := src[from:to]
	if strings.IndexByte(raw, '\\') < 0 {
		return raw
	}
	out := make([]byte, 0, len(raw))
	for j := 0; j < len(raw); {
		if raw[j] == '\\' && j+1 < len(raw) {
			switch raw[j+1] {
			case '"', '\'', '\\':
				j++
			case 't':
				out = append(out, '\t')
				j += 2
				continue
			case 'r':
				out = append(out, '\r')
				j += 2
				continue
			case 'n':
				out = append(out, '\n')
				j += 2
				continue
			}
		}
		out = append(out, raw[j])
		j++
	}
	return string(out)
}

// quoteChar formats a byte as nginx's "%c" in double quotes.
func quoteChar(c byte) string {
	return `"` + string([]byte{c}) + `"`
}
