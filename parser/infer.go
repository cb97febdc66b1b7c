package parser

import (
	"regexp"
	"strings"
	"sync"
)

// contextComment lets a file say which block it is included in.
// Compiled on first use: only a file that names the context needs it.
var contextComment = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^#\s*nginx-wslint-context:\s*(\S+)\s*$`)
})

// ParseContext returns the Ctx named by s: main, http, server or location.
func ParseContext(s string) (Ctx, bool) {
	switch s {
	case "main":
		return CtxMain, true
	case "http":
		return CtxHTTP, true
	case "server":
		return CtxServer, true
	case "location":
		return CtxLocation, true
	}
	return CtxUnknown, false
}

// InferContext guesses the block a file's top-level directives are meant to
// sit in, since repositories keep snippets that nginx only ever reads through
// an include: a "# nginx-wslint-context: server" comment decides; otherwise a
// file with main-only directives (events, http, worker_processes...) is a
// main file, one with http-only directives (server, upstream, map) is read as
// if inside http {}, one with location blocks, listen or server_name as if
// inside server {}, and one with only directives valid in a location (proxy
// settings) as if inside location {}.
func InferContext(src string) Ctx {
	lx := newLexer("", src)
	var names []string
	depth := 0
	// A main file is known by its first events or http block; without a
	// context comment, the rest need not be read again.
	marked := strings.Contains(src, "nginx-wslint-context")
	for {
		words, t, _, err := lx.read()
		if err != nil {
			break
		}
		if lx.comments != nil {
			for _, c := range lx.comments {
				if !strings.Contains(c.Text, "nginx-wslint-context") {
					continue // cannot match: spares compiling the regexp
				}
				if m := contextComment().FindStringSubmatch(c.Text); m != nil {
					if ctx, ok := ParseContext(m[1]); ok {
						return ctx
					}
				}
			}
			lx.comments = lx.comments[:0]
		}
		if t == termEOF {
			break
		}
		if t == termBlockDone {
			depth--
			continue
		}
		if depth == 0 && len(words) > 0 {
			names = append(names, words[0].Value)
			if !marked && t == termBlockStart && (words[0].Value == "http" || words[0].Value == "events") {
				return CtxMain
			}
		}
		if t == termBlockStart {
			if len(words) > 0 && strings.HasSuffix(words[0].Value, "_by_lua_block") {
				end := luaBlockEnd(lx.src, lx.pos)
				if end < 0 {
					break
				}
				lx.advanceTo(end + 1)
				continue
			}
			depth++
		}
	}
	return inferFromNames(names)
}

func inferFromNames(names []string) Ctx {
	candidates := []Ctx{CtxMain, CtxHTTP, CtxServer, CtxLocation}
	allowed := map[Ctx]bool{CtxMain: true, CtxHTTP: true, CtxServer: true, CtxLocation: true}
	hasLocation := false
	informative := false
	for _, n := range names {
		if n == "include" {
			continue
		}
		if n == "location" {
			hasLocation = true
		}
		any := false
		ok := map[Ctx]bool{}
		for _, c := range candidates {
			_, known, msg := checkDirective(c, n, -1, false)
			if !known {
				break
			}
			if msg == "" || !strings.Contains(msg, "not allowed here") {
				ok[c] = true
				any = true
			}
		}
		if !any {
			continue
		}
		informative = true
		next := map[Ctx]bool{}
		for c := range allowed {
			if ok[c] {
				next[c] = true
			}
		}
		if len(next) == 0 {
			// Contradictory: keep what the earlier directives said.
			continue
		}
		allowed = next
	}
	if !informative {
		return CtxMain
	}
	// The innermost context that accepts everything; a file of location
	// blocks is a server's body.
	for i := len(candidates) - 1; i >= 0; i-- {
		c := candidates[i]
		if !allowed[c] {
			continue
		}
		if hasLocation && c == CtxLocation && allowed[CtxServer] {
			return CtxServer
		}
		return c
	}
	return CtxMain
}
