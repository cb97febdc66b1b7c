package fix

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// fixWS010 adds an exact location for the path without its slash, in front
// of the prefix location, with a copy of that location's body: nginx then
// answers "P" from it instead of the 301 to "P/", and everything under
// "P/" stays where it was. A location with nested locations gets no edit
// (an exact location cannot hold them).
func fixWS010(p *Plan, d *rules.Diagnostic) bool {
	b := p.locationOf(d)
	if b == nil || b.Location == nil || b.Dir == nil || b.Dir.Block == nil || len(b.Location.Nested) > 0 {
		return false
	}
	bare := strings.TrimSuffix(b.Location.Name, "/")
	if bare == "" || bare == b.Location.Name {
		return false
	}
	ins, ok := insertBefore(b.Dir)
	if !ok {
		return false
	}
	src := b.Dir.File.Src
	from := int(b.Dir.Block.Open.Offset) + 1
	// A comment after "{" belongs to the location's own line.
	if rest := strings.TrimSpace(src[from:lineEnd(src, from)]); rest == "" || strings.HasPrefix(rest, "#") {
		from = lineEnd(src, from)
	}
	body := src[from:b.Dir.Block.Close.Offset]
	text := "location = " + bare + " {" + body + "}"
	// The copy's own lines keep their indentation: only the first line
	// takes the insertion's, so the text goes in as one piece.
	p.replace(d, b.Dir.File, ins.offset, ins.offset, ins.indent+text+ins.eol)
	return true
}

// nonSticky are balancing methods that spread one client's requests.
var nonSticky = map[string]bool{"least_conn": true, "random": true, "least_time": true}

// fixWS012 makes the upstream sticky with ip_hash: in place of its
// balancing method, or as its first directive (nginx wants the method
// before keepalive).
func fixWS012(p *Plan, d *rules.Diagnostic) bool {
	if d.Node.Name != "proxy_pass" {
		return false
	}
	up := p.m.PassUpstream(d.Node)
	if up == nil || up.Dir == nil || up.Dir.Block == nil {
		return false
	}
	// nginx refuses ip_hash and hash beside backup servers.
	for _, s := range up.Servers {
		for _, w := range s.Args() {
			if w.Value == "backup" {
				p.note(d, "not fixed automatically: upstream "+up.Name+" has a backup server, and nginx allows no sticky method (ip_hash, hash) beside one: remove the backup parameter, then add `ip_hash;`")
				return false
			}
		}
	}
	for _, x := range up.Own {
		if nonSticky[x.Name] {
			p.replace(d, x.File, int(x.Start.Offset), int(x.End.Offset), "ip_hash;")
			return true
		}
	}
	var first *parser.Directive
	for _, x := range up.Dir.Block.Directives {
		if x.File == up.Dir.File {
			first = x
			break
		}
	}
	if first != nil {
		if ins, ok := insertBefore(first); ok {
			p.replace(d, first.File, ins.offset, ins.offset, ins.render([]string{"ip_hash;"}))
			return true
		}
	}
	open := int(up.Dir.Block.Open.Offset) + 1
	p.replace(d, up.Dir.File, open, open, " ip_hash;")
	return true
}

// fixWS014 turns SNI on in the location that proxies: its own
// "proxy_ssl_server_name off" becomes "on", else the line is added.
func fixWS014(p *Plan, d *rules.Diagnostic) bool {
	b := p.owner(d.Node)
	for b != nil && (b.Kind == model.KindIf || b.Kind == model.KindLimitExcept) {
		b = b.Parent
	}
	if b == nil {
		return false
	}
	// An upstream block of DNS names also needs the name to send, and may
	// have SNI on already.
	name, block := rules.UpstreamSSLName(p.m, d.Node.Arg(0))
	on := b.Inherited("proxy_ssl_server_name")
	switch own := b.Get("proxy_ssl_server_name"); {
	case block && on != nil && strings.EqualFold(on.Arg(0), "on"):
	case own != nil && len(own.Words) == 2:
		p.replaceWord(d, own, 1, "on")
	default:
		p.add(d, b, func(a *addition) { a.addLine("proxy_ssl_server_name on;") })
	}
	if block && b.Inherited("proxy_ssl_name") == nil {
		p.add(d, b, func(a *addition) { a.addLine("proxy_ssl_name " + name + ";") })
	}
	return true
}
