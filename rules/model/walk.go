package model

import (
	"path"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// Locations returns every location of every server, nested ones after their
// parent, in configuration order. The slice is shared: do not modify it.
func (m *Model) Locations() []*Location {
	if m.locations != nil {
		return m.locations
	}
	out := []*Location{}
	var walk func(ls []*Location)
	walk = func(ls []*Location) {
		for _, l := range ls {
			out = append(out, l)
			walk(l.Nested)
		}
	}
	for _, s := range m.Servers {
		walk(s.Locations)
	}
	m.locations = out
	return out
}

// Blocks returns every level (http, servers, locations, if and limit_except
// blocks) in configuration order, each after its parent. The slice is
// shared: do not modify it.
func (m *Model) Blocks() []*Block {
	if m.blocks != nil {
		return m.blocks
	}
	out := []*Block{}
	var walk func(b *Block)
	walk = func(b *Block) {
		out = append(out, b)
		for _, c := range b.Children {
			walk(c)
		}
	}
	walk(m.HTTP)
	m.blocks = out
	return out
}

// harmlessIncludes are files nginx configurations include that never hold
// proxy settings: a copy of the server lacking them hides nothing the
// rules need.
var harmlessIncludes = map[string]bool{
	"mime.types": true, "fastcgi_params": true, "fastcgi.conf": true, "uwsgi_params": true,
	"scgi_params": true, "koi-utf": true, "koi-win": true, "win-utf": true,
}

// UnresolvedInclude returns an include on the way from b up to http whose file
// could not be read (and that might hold proxy settings), or nil: when one
// exists, b's effective settings are not fully known.
func (b *Block) UnresolvedInclude() *parser.Directive {
	for l := b; l != nil; l = l.Parent {
		for _, d := range l.Unresolved {
			if !harmlessIncludes[path.Base(d.Arg(0))] {
				return d
			}
		}
	}
	return nil
}
