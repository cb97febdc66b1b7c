package fix

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// fixWS001 repairs the map behind the Connection value: a variable no map
// defines gets one (or, when a suitable map of another name exists, the
// lines use that one); a map outside http moves into it; a map keyed on
// the wrong variable or with wrong values is rewritten.
func fixWS001(p *Plan, d *rules.Diagnostic) bool {
	dir := d.Node
	m := p.m
	switch {
	case dir.Name == "map" && dir.Block != nil && dir.Ctx != parser.CtxHTTP:
		// Misplaced: move it into http (renderMap inserts it there).
		if m.HTTP.Dir == nil {
			return false
		}
		start, end := wholeLines(dir)
		p.replace(d, dir.File, start, end, "")
		p.mapUsers = append(p.mapUsers, d)
		return true
	case dir.Name == "map" && dir.Block != nil:
		// Wrong key or values: rewrite the map, keeping its name.
		return p.rewriteMap(d, dir)
	case dir.Name == "proxy_set_header":
		// A variable no map defines.
		for _, v := range variablesOf(dir.Arg(1)) {
			if m.MapFor(v) != nil || len(m.Sets[v]) > 0 {
				continue
			}
			if p.mapVar == "" {
				p.mapVar = v
			}
			if !strings.EqualFold(v, p.mapVar) {
				p.renameUses(d, v)
			}
			p.connectionVar(d, p.owner(dir))
			return true
		}
	}
	return false
}

// renameUses replaces $v by the plan's map variable in every
// proxy_set_header Connection line.
func (p *Plan) renameUses(d *rules.Diagnostic, v string) {
	for _, b := range p.m.Blocks() {
		for _, dir := range b.All("proxy_set_header") {
			if len(dir.Words) != 3 || !strings.EqualFold(dir.Arg(0), "Connection") {
				continue
			}
			if vs := variablesOf(dir.Arg(1)); len(vs) == 1 && vs[0] == v && strings.TrimSpace(dir.Arg(1)) == "$"+v {
				p.replaceWord(d, dir, 2, "$"+p.mapVar)
			}
		}
	}
}

// fixHeaders repairs WS002 and WS003: a missing Upgrade or Connection line
// is added to the location (with the lines it must keep), a line with a
// wrong value gets the right one.
func fixHeaders(p *Plan, d *rules.Diagnostic) bool {
	name := "upgrade"
	if d.Rule.ID == "WS003" {
		name = "connection"
	}
	if d.Node.Name == "proxy_set_header" {
		// WS003 on a line that sends close, keep-alive or "".
		if name != "connection" || len(d.Node.Words) != 3 || !p.mapReachable(d) {
			return false
		}
		p.replaceWord(d, d.Node, 2, p.connectionVar(d, p.owner(d.Node)))
		return true
	}
	b := p.locationOf(d)
	if b == nil {
		return false
	}
	hs, _ := p.m.ProxyHeaders(b)
	for _, h := range model.HeaderValues(hs, name) {
		v, known := p.m.Eval(h.Value, model.HandshakeRequest())
		bad := known && (name == "upgrade" && v == "" || name == "connection" && !hasToken(v, "upgrade"))
		if h.Dir != nil && len(h.Dir.Words) == 3 && bad {
			// Set, but empty (or not upgrade) for a handshake. A good
			// value reported all the same is hidden by an include that
			// sets lines of its own: the lines are added below.
			value := "$http_upgrade"
			if name == "connection" {
				if !p.mapReachable(d) {
					return false
				}
				value = p.connectionVar(d, b)
			}
			p.replaceWord(d, h.Dir, 2, value)
			return true
		}
	}
	if name == "connection" {
		if !p.mapReachable(d) {
			return false
		}
		p.connectionVar(d, b)
	}
	p.add(d, b, func(a *addition) { a.headers[name] = true })
	return true
}

// fixConnectionValue repairs WS004 and WS009: the Connection line sends
// the map's variable instead of a hard-coded "upgrade" or the client's
// own Connection header.
func fixConnectionValue(p *Plan, d *rules.Diagnostic) bool {
	dir := d.Node
	if dir.Name != "proxy_set_header" || len(dir.Words) != 3 {
		return false
	}
	if len(variablesOf(dir.Arg(1))) > 0 {
		// Through a map whose values forward $http_connection (WS009) or
		// give "upgrade" for every request (WS004): the map is the one to
		// repair.
		for _, v := range variablesOf(dir.Arg(1)) {
			if mp := p.m.MapFor(v); mp != nil && mp.Dir != nil && v != "http_connection" {
				return p.rewriteMap(d, mp.Dir)
			}
		}
	}
	if !p.mapReachable(d) {
		return false
	}
	p.replaceWord(d, dir, 2, p.connectionVar(d, p.owner(dir)))
	return true
}

// fixWS005 sets proxy_http_version 1.1 in the location: the value is
// replaced where the location sets it, else a line is added.
func fixWS005(p *Plan, d *rules.Diagnostic) bool {
	b := p.locationOf(d)
	if b == nil {
		return false
	}
	if own := b.Get("proxy_http_version"); own != nil && len(own.Words) == 2 {
		p.replaceWord(d, own, 1, "1.1")
		return true
	}
	p.add(d, b, func(a *addition) { a.version = "1.1" })
	return true
}

// readTimeout returns the proxy_read_timeout WS006's fix sets for
// location b: rules.SuggestedReadTimeout for the threshold
// (--min-read-timeout) and the heartbeat of the application its path
// names, the value the finding's fix text names.
func (p *Plan) readTimeout(b *model.Block) (string, bool) {
	var pr *rules.Protocol
	if b != nil && b.Location != nil {
		pr = rules.ProtocolFor(b.Location)
	}
	v := rules.SuggestedReadTimeout(p.opts.MinReadTimeout, pr)
	return v, v != ""
}

// fixWS006 raises the read timeout of WebSocket locations: where the
// location sets it, in place; where it inherits nginx's default or an
// outer level's value, with a line of its own (the outer value stays for
// ordinary locations).
func fixWS006(p *Plan, d *rules.Diagnostic) bool {
	timeout := func(b *model.Block) (string, bool) {
		v, ok := p.readTimeout(b)
		if !ok {
			p.note(d, "not fixed automatically: --min-read-timeout is above half a day, choose the value yourself")
		}
		return v, ok
	}
	if b := p.locationOf(d); b != nil {
		// nginx's default applies.
		v, ok := timeout(b)
		if ok {
			p.add(d, b, func(a *addition) { a.timeout = v })
		}
		return ok
	}
	dir := d.Node
	if dir.Name != "proxy_read_timeout" || len(dir.Words) != 2 {
		return false
	}
	if own := p.owner(dir); own != nil && own.Kind == model.KindLocation {
		v, ok := timeout(own)
		if ok {
			p.replaceWord(d, dir, 1, v)
		}
		return ok
	}
	// Set at server or http level: each WebSocket location that inherits
	// it (named in the finding) gets its own line.
	n := 0
	for _, r := range d.Related {
		if !strings.Contains(r.Message, "WebSocket location") {
			continue
		}
		for _, b := range p.m.Blocks() {
			if b.Kind == model.KindLocation && b.Dir != nil && b.Dir.Position() == r.Position {
				if v, ok := timeout(b); ok {
					p.add(d, b, func(a *addition) { a.timeout = v })
					n++
				}
			}
		}
	}
	return n > 0
}

// fixWS007 adds ^~ to the prefix location the regex would otherwise take
// requests from: the WebSocket location, or its ancestor at the regex's
// level.
func fixWS007(p *Plan, d *rules.Diagnostic) bool {
	b := p.locationOf(d)
	if b == nil || b.Location == nil || len(d.Related) == 0 {
		return false
	}
	guard := b.Location
	var regex *model.Location
	for _, r := range d.Related {
		if !strings.Contains(r.Message, "regex location") {
			continue
		}
		for _, l := range p.m.Locations() {
			if l.IsRegex() && l.Dir != nil && l.Dir.Position() == r.Position {
				regex = l
			}
		}
	}
	if regex != nil {
		for l := b.Location; l != nil; {
			if l.Parent == regex.Parent {
				guard = l
				break
			}
			if l.Parent == nil || l.Parent.Location == nil {
				break
			}
			l = l.Parent.Location
		}
	}
	if guard.Modifier != "" || guard.Dir == nil || len(guard.Dir.Words) != 2 {
		return false
	}
	w := guard.Dir.Words[1]
	p.replace(d, guard.Dir.File, int(w.Start.Offset), int(w.Start.Offset), "^~ ")
	return true
}

// wholeLines returns the range of a directive with its line when nothing
// else is on it (indentation, line end and a trailing comment included),
// else the directive's own bytes.
func wholeLines(d *parser.Directive) (int, int) {
	src := d.File.Src
	start, end := int(d.Start.Offset), int(d.End.Offset)
	if _, ok := leadingIndent(src, start); !ok || !restOfLineIsEmpty(src, end) {
		return start, end
	}
	if strings.TrimSpace(src[end:lineEnd(src, end)]) != "" {
		return start, end // keep a trailing comment with its line
	}
	s := lineStart(src, start)
	if s == 0 && strings.HasPrefix(src, bom) {
		s = len(bom)
	}
	e := lineEnd(src, end)
	if e < len(src) && src[e] == '\r' {
		e++
	}
	if e < len(src) {
		e++
	}
	return s, e
}

// variablesOf returns the variables a value references, lower-cased.
func variablesOf(value string) []string {
	var out []string
	for i := 0; i < len(value); i++ {
		if value[i] != '$' {
			continue
		}
		if name, n := model.VarName(value[i:]); n > 0 {
			out = append(out, strings.ToLower(name))
			i += n - 1
		}
	}
	return out
}

// rewriteMap gives a map the canonical key and entries, keeping its name,
// its line and any comment on it: the key becomes $http_upgrade, the
// entries `default upgrade;` and, for the empty key, `close;` (or `"";`
// where an upstream keeps connections alive).
func (p *Plan) rewriteMap(d *rules.Diagnostic, dir *parser.Directive) bool {
	ents := dir.Block.Directives
	if len(dir.Words) != 3 || len(ents) == 0 {
		return false
	}
	first, last := ents[0], ents[len(ents)-1]
	if first.File != dir.File || last.File != dir.File {
		return false
	}
	for _, c := range dir.File.Comments {
		if c.Start.Offset > first.Start.Offset && c.Start.Offset < last.End.Offset {
			p.note(d, "not fixed automatically: comments between the map's entries would be lost")
			return false
		}
	}
	if !strings.EqualFold(dir.Arg(0), "$http_upgrade") {
		p.replaceWord(d, dir, 1, "$http_upgrade")
	}
	v := strings.TrimPrefix(dir.Arg(1), "$")
	p.rewritten[strings.ToLower(v)] = true
	p.late = append(p.late, func() {
		plain := "close"
		if p.keepalive {
			plain = `""`
		}
		src := dir.File.Src
		sep := " "
		if ind, ok := leadingIndent(src, int(first.Start.Offset)); ok {
			sep = eolAt(src, int(first.Start.Offset)) + ind
		}
		p.replace(d, dir.File, int(first.Start.Offset), int(last.End.Offset), "default upgrade;"+sep+"''      "+plain+";")
	})
	return true
}

// fixWS011 copies into a WebSocket location the outer proxy_set_header
// lines its own lines hide.
func fixWS011(p *Plan, d *rules.Diagnostic) bool {
	b := p.locationOf(d)
	if b == nil {
		return false
	}
	p.add(d, b, func(a *addition) { a.copyOuter = true })
	return true
}

// fixWS015 makes the map send no Connection header for plain requests
// (the empty key gets the value `""`), so that a keepalive upstream keeps
// its connections.
func fixWS015(p *Plan, d *rules.Diagnostic) bool {
	dir := d.Node
	if dir.Name != "proxy_set_header" || len(dir.Words) != 3 {
		return false
	}
	name, n := model.VarName(dir.Arg(1))
	if n == 0 {
		return false
	}
	mp := p.m.MapFor(name)
	if mp == nil {
		return false
	}
	_, entry, ok := mp.Lookup("")
	if !ok || entry == nil || entry.Dir == nil || len(entry.Dir.Words) != 2 {
		return false
	}
	p.replaceWord(d, entry.Dir, 1, `""`)
	return true
}
