package parser

import (
	"slices"
	"testing"
)

func TestLookupDirective(t *testing.T) {
	cases := []struct {
		name, args string
		ctxs       []string
		block      bool
	}{
		{"proxy_read_timeout", "1 argument", []string{"http", "server", "location"}, false},
		{"proxy_set_header", "2 arguments", []string{"http", "server", "location"}, false},
		{"location", "1 or 2 arguments", []string{"server", "location"}, true},
		{"http", "no arguments", []string{"the main (top) level"}, true},
		{"proxy_buffering", "on | off", []string{"http", "server", "location"}, false},
		{"add_header", "2 or 3 arguments", []string{"http", "server", "location", "if in location"}, false},
	}
	for _, c := range cases {
		info, ok := LookupDirective(c.name)
		if !ok || info.Args != c.args || info.Block != c.block || !slices.Equal(info.Contexts, c.ctxs) {
			t.Errorf("LookupDirective(%q) = %+v, %v; want args %q, contexts %q, block %v", c.name, info, ok, c.args, c.ctxs, c.block)
		}
	}
	if _, ok := LookupDirective("more_set_headers"); ok {
		t.Error("a third-party directive is known")
	}
}

func TestDirectivesIn(t *testing.T) {
	loc := DirectivesIn(CtxLocation)
	for _, want := range []string{"proxy_pass", "proxy_http_version", "location", "if"} {
		if !slices.Contains(loc, want) {
			t.Errorf("DirectivesIn(location) lacks %q", want)
		}
	}
	for _, not := range []string{"server", "http", "map", "upstream", "listen"} {
		if slices.Contains(loc, not) {
			t.Errorf("DirectivesIn(location) has %q", not)
		}
	}
	if !slices.IsSorted(loc) {
		t.Error("not sorted")
	}
	if DirectivesIn(CtxCustom) != nil {
		t.Error("a map body offers directives")
	}
}

func TestBlockContext(t *testing.T) {
	cases := []struct {
		ctx  Ctx
		name string
		want Ctx
	}{
		{CtxMain, "http", CtxHTTP},
		{CtxHTTP, "server", CtxServer},
		{CtxServer, "location", CtxLocation},
		{CtxLocation, "location", CtxLocation},
		{CtxLocation, "if", CtxLocationIf},
		{CtxServer, "if", CtxServerIf},
		{CtxHTTP, "map", CtxCustom},
		{CtxHTTP, "upstream", CtxUpstream},
		{CtxLocation, "server", CtxUnknown},
		{CtxStream, "server", CtxStreamServer},
	}
	for _, c := range cases {
		if got := BlockContext(c.ctx, c.name); got != c.want {
			t.Errorf("BlockContext(%v, %q) = %v, want %v", c.ctx, c.name, got, c.want)
		}
	}
}
