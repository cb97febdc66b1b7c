package report

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Escape makes text taken from the input safe to print on one line of a
// terminal or a CI log: control characters (C0 but tab, DEL, C1), line
// breaks (LF, CR, NEL, U+2028, U+2029), the bidirectional controls that
// reorder what a reader sees (U+202A-U+202E, U+2066-U+2069) and bytes that
// are not UTF-8 are written as \xNN or \u{NNNN}. So a file name or a
// location name cannot start a line of its own (a GitHub Actions workflow
// command such as ::add-mask::), move the cursor, or set a terminal's title.
func Escape(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			if r < 0x80 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u{%04x}`, r)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isClean reports whether Escape leaves s as it is.
func isClean(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return true
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// EscapeStrings applies Escape to every string reachable from v (a pointer
// to a struct, say) in place, so that a writer of plain text can print the
// values as they are: nginx-wslint route calls it on its answer.
func EscapeStrings(v any) {
	escapeValue(reflect.ValueOf(v), 0)
}

func escapeValue(v reflect.Value, depth int) {
	if depth > 32 || !v.IsValid() {
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			escapeValue(v.Elem(), depth+1)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				escapeValue(v.Field(i), depth+1)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			escapeValue(v.Index(i), depth+1)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(Escape(v.String()))
		}
	}
}
