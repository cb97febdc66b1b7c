package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"iter"
)

// jsonStream writes an indented JSON document piece by piece, so that a
// report of thousands of findings is never held in memory as one value:
// each finding is encoded alone, at the depth where it sits in the
// document. The bytes are those json.Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) writes for the whole document (TestStreamedEqualsWhole
// checks it).
type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer  // the value being encoded, compact
	enc *json.Encoder // writing to buf
	out []byte        // the value indented
	err error         // the first encoding error; the writer keeps its own
}

func newJSONStream(w io.Writer) *jsonStream {
	return &jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
}

// raw writes s as it is.
func (s *jsonStream) raw(str string) {
	_, _ = s.w.WriteString(str)
}

// newline starts a line indented for depth.
func (s *jsonStream) newline(depth int) {
	_ = s.w.WriteByte('\n')
	for range depth {
		_, _ = s.w.WriteString("  ")
	}
}

// value writes v as the encoder would at depth: its first line where the
// cursor is, its inner lines indented one step per level below depth.
func (s *jsonStream) value(v any, depth int) {
	if s.err != nil {
		return
	}
	if s.enc == nil {
		s.enc = json.NewEncoder(&s.buf)
		s.enc.SetEscapeHTML(false)
	}
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		s.err = err
		return
	}
	s.out = appendIndented(s.out[:0], bytes.TrimSuffix(s.buf.Bytes(), []byte{'\n'}), depth)
	_, _ = s.w.Write(s.out)
}

// appendIndented appends the compact JSON value src (as the encoder writes
// it: no white space outside strings) indented as json.Indent would with
// the prefix depth times "  " and the indent "  ". It is a single pass
// that copies strings in one piece: json.Indent, which validates as it
// goes, was half of the SARIF writer's time.
func appendIndented(dst, src []byte, depth int) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// An empty object or array stays on its line.
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			depth++
			dst = append(dst, c)
			dst = appendNewline(dst, depth)
		case '}', ']':
			depth--
			dst = appendNewline(dst, depth)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = appendNewline(dst, depth)
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd is the index just past the JSON string that starts at
// src[start] (a quote), or len(src) for an unterminated one.
func stringEnd(src []byte, start int) int {
	i := start + 1
	for i < len(src) {
		j := bytes.IndexAny(src[i:], `"\`)
		if j < 0 {
			return len(src)
		}
		i += j
		if src[i] == '"' {
			return i + 1
		}
		i += 2 // a backslash and the character it escapes
	}
	return len(src)
}

func appendNewline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}

// key writes an object member's name at depth, after a comma when it is
// not the object's first member.
func (s *jsonStream) key(name string, depth int, first bool) {
	if !first {
		s.raw(",")
	}
	s.newline(depth)
	s.value(name, depth)
	s.raw(": ")
}

// array writes the values seq yields as a JSON array at depth, one at a
// time.
func (s *jsonStream) array(depth int, seq iter.Seq[any]) {
	n := 0
	for v := range seq {
		if n == 0 {
			s.raw("[")
		} else {
			s.raw(",")
		}
		s.newline(depth + 1)
		s.value(v, depth+1)
		n++
	}
	if n == 0 {
		s.raw("[]")
		return
	}
	s.newline(depth)
	s.raw("]")
}

// close ends the document as the encoder does, with a newline, and flushes.
func (s *jsonStream) close() error {
	s.raw("\n")
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
