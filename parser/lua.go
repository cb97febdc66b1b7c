package parser

// luaBlockEnd finds the "}" that closes a *_by_lua_block body starting at
// offset from (just after its "{"), reading Lua as lua-nginx-module's own
// tokenizer does: braces inside strings, long strings ([[...]], [==[...]==])
// and comments do not count. It returns the offset of the closing "}" or -1
// when the file ends first.
func luaBlockEnd(src string, from int) int {
	depth := 1
	for i := from; i < len(src); i++ {
		switch c := src[i]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '"', '\'':
			i++
			for i < len(src) && src[i] != c && src[i] != '\n' {
				if src[i] == '\\' {
					i++
				}
				i++
			}
		case '[':
			if end, ok := luaLongBracket(src, i); ok {
				i = end
			}
		case '-':
			if i+1 < len(src) && src[i+1] == '-' {
				i += 2
				if i < len(src) && src[i] == '[' {
					if end, ok := luaLongBracket(src, i); ok {
						i = end
						continue
					}
				}
				for i < len(src) && src[i] != '\n' {
					i++
				}
			}
		}
	}
	return -1
}

// luaLongBracket reads a Lua long bracket ([[, [=[, ...) at i and returns the
// offset of the last byte of its closing bracket. ok is false when src[i:]
// does not open a long bracket; an unterminated one runs to the end.
func luaLongBracket(src string, i int) (end int, ok bool) {
	j := i + 1
	for j < len(src) && src[j] == '=' {
		j++
	}
	if j >= len(src) || src[j] != '[' {
		return 0, false
	}
	level := j - i - 1
	for k := j + 1; k < len(src); k++ {
		if src[k] != ']' {
			continue
		}
		m := k + 1
		for m < len(src) && src[m] == '=' {
			m++
		}
		if m < len(src) && src[m] == ']' && m-k-1 == level {
			return m, true
		}
	}
	return len(src) - 1, true
}
