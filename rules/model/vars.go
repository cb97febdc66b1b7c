package model

import (
	"strings"
)

// Request is what variable evaluation knows about a request: its headers
// (by lower-case name) and, for a regex location, its captures.
type Request struct {
	Headers  map[string]string
	Captures []string
	// st, when set, is the request Route follows: its $uri, $args, set
	// variables, named captures and the other variables it knows.
	st *routeState
}

// HandshakeRequest is a browser's WebSocket handshake (Firefox sends
// "Connection: keep-alive, Upgrade"; Chrome "Upgrade").
func HandshakeRequest() Request {
	return Request{Headers: map[string]string{"upgrade": "websocket", "connection": "keep-alive, Upgrade"}}
}

// PlainRequest is an ordinary HTTP/1.1 request without Upgrade.
func PlainRequest() Request {
	return Request{Headers: map[string]string{"connection": "keep-alive"}}
}

// maxEvalDepth bounds maps whose values use other maps.
const maxEvalDepth = 8

// Eval computes a value with variables (a proxy_set_header value, a map
// value) for req: $http_NAME from the request's headers, map variables
// through their maps, regex captures $1..$9. known is false when the value
// uses a variable the model cannot compute (set, $host, $remote_addr...).
func (m *Model) Eval(value string, req Request) (result string, known bool) {
	return m.eval(value, req, 0)
}

func (m *Model) eval(value string, req Request, depth int) (string, bool) {
	if depth > maxEvalDepth {
		return "", false
	}
	var b strings.Builder
	known := true
	for i := 0; i < len(value); {
		c := value[i]
		if c != '$' {
			b.WriteByte(c)
			i++
			continue
		}
		name, n := VarName(value[i:])
		if n == 0 {
			b.WriteByte(c)
			i++
			continue
		}
		i += n
		v, ok := m.variable(name, req, depth)
		if !ok {
			known = false
		}
		b.WriteString(v)
	}
	return b.String(), known
}

// VarName reads a variable reference at the start of s ("$name",
// "${name}", "$1"), as ngx_http_script_compile does: the name is the longest
// run of letters, digits and "_", a capture is one digit. It returns the
// lower-cased name and the bytes read; 0 when s holds no reference.
func VarName(s string) (name string, n int) {
	if len(s) < 2 || s[0] != '$' {
		return "", 0
	}
	if s[1] == '{' {
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return "", 0
		}
		return strings.ToLower(s[2:end]), end + 1
	}
	if s[1] >= '1' && s[1] <= '9' {
		return s[1:2], 2
	}
	j := 1
	for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == 1 {
		return "", 0
	}
	return strings.ToLower(s[1:j]), j
}

func (m *Model) variable(name string, req Request, depth int) (string, bool) {
	if len(name) == 1 && name[0] >= '1' && name[0] <= '9' {
		i := int(name[0] - '0')
		if i < len(req.Captures) {
			return req.Captures[i], true
		}
		// Following a request, no captures means empty ones.
		return "", req.Captures != nil || req.st != nil
	}
	if req.st != nil {
		if v, ok, handled := req.st.builtin(name); handled {
			return v, ok
		}
	}
	// A map, or a set, defines the variable for the whole configuration.
	if mp := m.MapFor(name); mp != nil && len(m.Sets[name]) == 0 {
		src, ok := m.eval(mp.Source, req, depth+1)
		if !ok {
			return "", false
		}
		v, _, groups, ok := mp.lookup(src)
		if !ok {
			return "", false
		}
		if len(groups) > 1 {
			// A regex key with groups sets the request's captures
			// (ngx_http_regex_exec): the value's $1... are the map's.
			req.Captures = groups
			if req.st != nil {
				// ... for the rest of the request.
				req.st.captures = groups
			}
		}
		return m.eval(v, req, depth+1)
	}
	if h, ok := strings.CutPrefix(name, "http_"); ok && len(m.Sets[name]) == 0 {
		return req.Headers[strings.ReplaceAll(h, "_", "-")], true
	}
	return "", false
}

// Defines reports whether the configuration defines the variable name: a
// map at the http level or a set anywhere.
func (m *Model) Defines(name string) bool {
	name = strings.ToLower(strings.TrimPrefix(name, "$"))
	return m.MapFor(name) != nil || len(m.Sets[name]) > 0
}
