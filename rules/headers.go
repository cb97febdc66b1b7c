package rules

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// configured returns the proxy_set_header lines in effect at b for header
// name, and the level they come from (nil: none at any level).
func configured(m *model.Model, b *model.Block, name string) ([]model.Header, *model.Block) {
	all, from := m.ProxyHeaders(b)
	var out []model.Header
	for _, h := range model.HeaderValues(all, name) {
		if h.Dir != nil {
			out = append(out, h)
		}
	}
	return out, from
}

// lostHeader finds a proxy_set_header for name at a level above the one
// whose lines are in effect: set there, but not inherited because a nearer
// level sets proxy_set_header lines of its own. It asks the model what the
// level above from would use (only the nearest level with lines counts).
func lostHeader(from *model.Block, name string) *parser.Directive {
	if from == nil || from.Parent == nil {
		return nil
	}
	outer, _ := from.Parent.InheritedArray("proxy_set_header")
	for _, d := range outer {
		if strings.EqualFold(d.Arg(0), name) {
			return d
		}
	}
	return nil
}

// lostRelated explains an inherited header that does not reach loc.
func lostRelated(lost *parser.Directive, from *model.Block) []Related {
	if lost == nil {
		return nil
	}
	first := from.All("proxy_set_header")[0]
	return []Related{
		RelatedAt(lost, "set here, but not inherited"),
		RelatedAt(first, "this level sets its own proxy_set_header lines, so it inherits none from outer levels"),
	}
}

// variables returns the variables a value references, lower-cased.
func variables(value string) []string {
	var out []string
	for i := 0; i < len(value); i++ {
		if value[i] != '$' {
			continue
		}
		if name, n := model.VarName(value[i:]); n > 0 {
			out = append(out, name)
			i += n - 1
		}
	}
	return out
}

// connectionHeaders returns every proxy_set_header Connection line in the
// configuration, in order.
func connectionHeaders(p *Pass) []*parser.Directive {
	if p.ws.conns != nil {
		return p.ws.conns
	}
	m := p.Model
	out := []*parser.Directive{}
	for _, b := range m.Blocks() {
		for _, d := range b.All("proxy_set_header") {
			if strings.EqualFold(d.Arg(0), "Connection") && len(d.Words) == 3 {
				out = append(out, d)
			}
		}
	}
	p.ws.conns = out
	return out
}

// locationRelated points at the WebSocket location as a related place; none
// for the location a location-context snippet sits in, which has no line.
func locationRelated(loc *model.Location) []Related {
	if loc.Dir == nil {
		return nil
	}
	return []Related{RelatedAt(loc.Dir, "the WebSocket location")}
}
