package parser

import "testing"

func TestCheckDirective(t *testing.T) {
	const (
		notAllowed = ` directive is not allowed here`
		noOpening  = `has no opening "{"`
	)
	tests := []struct {
		ctx       Ctx
		name      string
		nargs     int
		block     bool
		wantChild Ctx
		wantKnown bool
		wantMsg   string
	}{
		// Nothing is checked inside unknown or custom blocks.
		{CtxUnknown, "map", 2, true, CtxUnknown, false, ""},
		{CtxUnknown, "proxy_pass", 0, false, CtxUnknown, false, ""},
		{CtxCustom, "include", 1, false, CtxUnknown, false, ""},
		{CtxCustom, "text/html", 1, false, CtxUnknown, false, ""},

		// Unknown names are kept (third-party directives).
		{CtxServer, "foo_bar", 1, false, CtxUnknown, false, ""},
		{CtxMain, "foo_bar", 0, true, CtxUnknown, false, ""},

		// Top level and the blocks it opens.
		{CtxMain, "http", 0, true, CtxHTTP, true, ""},
		{CtxMain, "events", 0, true, CtxEvents, true, ""},
		{CtxMain, "stream", 0, true, CtxStream, true, ""},
		{CtxMain, "mail", 0, true, CtxMail, true, ""},
		{CtxMain, "http", 1, true, CtxHTTP, true, `invalid number of arguments in "http" directive`},
		{CtxMain, "http", 0, false, CtxUnknown, true, `directive "http" has no opening "{"`},
		{CtxHTTP, "http", 0, true, CtxUnknown, true, `"http" directive is not allowed here`},
		{CtxMain, "worker_processes", 1, false, CtxUnknown, true, ""},
		{CtxMain, "worker_processes", 2, false, CtxUnknown, true, `invalid number of arguments in "worker_processes" directive`},
		{CtxMain, "server", 0, true, CtxUnknown, true, `"server" directive is not allowed here`},
		{CtxMain, "error_log", 2, false, CtxUnknown, true, ""},
		{CtxEvents, "worker_connections", 1, false, CtxUnknown, true, ""},
		{CtxMain, "worker_connections", 1, false, CtxUnknown, true, `"worker_connections" directive is not allowed here`},
		// error_log exists for core, http, stream and mail modules, not for
		// event modules.
		{CtxEvents, "error_log", 1, false, CtxUnknown, true, `"error_log" directive is not allowed here`},
		{CtxHTTP, "error_log", 1, false, CtxUnknown, true, ""},
		{CtxMailServer, "error_log", 1, false, CtxUnknown, true, ""},

		// map is http{} (or stream{}) only.
		{CtxServer, "map", 2, true, CtxUnknown, true, `"map"` + notAllowed},
		{CtxHTTP, "map", 2, true, CtxCustom, true, ""},
		{CtxStream, "map", 2, true, CtxCustom, true, ""},
		{CtxHTTP, "map", 1, true, CtxCustom, true, `invalid number of arguments in "map" directive`},
		{CtxLocation, "types", 0, true, CtxCustom, true, ""},
		{CtxHTTP, "geo", 1, true, CtxCustom, true, ""},
		{CtxStream, "geo", 2, true, CtxCustom, true, ""},
		{CtxHTTP, "split_clients", 2, true, CtxCustom, true, ""},
		{CtxHTTP, "charset_map", 2, true, CtxCustom, true, ""},
		{CtxServer, "charset_map", 2, true, CtxUnknown, true, `"charset_map"` + notAllowed},

		// Argument counts.
		{CtxLocation, "proxy_set_header", 1, false, CtxUnknown, true, `invalid number of arguments in "proxy_set_header" directive`},
		{CtxLocation, "proxy_set_header", 2, false, CtxUnknown, true, ""},
		{CtxLocation, "proxy_set_header", 3, false, CtxUnknown, true, `invalid number of arguments in "proxy_set_header" directive`},
		{CtxLocation, "proxy_buffering", 2, false, CtxUnknown, true, `invalid number of arguments in "proxy_buffering" directive`},
		{CtxLocation, "proxy_buffering", 0, false, CtxUnknown, true, `invalid number of arguments in "proxy_buffering" directive`},
		{CtxLocation, "proxy_buffering", 1, false, CtxUnknown, true, ""},
		{CtxServer, "break", 1, false, CtxUnknown, true, `invalid number of arguments in "break" directive`},
		{CtxServer, "error_page", 1, false, CtxUnknown, true, `invalid number of arguments in "error_page" directive`},
		{CtxServer, "error_page", 9, false, CtxUnknown, true, ""},
		{CtxHTTP, "limit_req_zone", 3, false, CtxUnknown, true, ""},
		{CtxHTTP, "limit_req_zone", 2, false, CtxUnknown, true, `invalid number of arguments in "limit_req_zone" directive`},

		// Terminators come before the argument count.
		{CtxServer, "location", 1, false, CtxUnknown, true, `directive "location" ` + noOpening},
		{CtxServer, "location", 0, false, CtxUnknown, true, `directive "location" ` + noOpening},
		{CtxServer, "listen", 1, true, CtxUnknown, true, `directive "listen" is not terminated by ";"`},
		{CtxServer, "listen", 0, true, CtxUnknown, true, `directive "listen" is not terminated by ";"`},

		// server, by family.
		{CtxHTTP, "server", 0, true, CtxServer, true, ""},
		{CtxUpstream, "server", 1, false, CtxUnknown, true, ""},
		{CtxUpstream, "server", 0, false, CtxUnknown, true, `invalid number of arguments in "server" directive`},
		{CtxUpstream, "server", 0, true, CtxUnknown, true, `directive "server" is not terminated by ";"`},
		{CtxStream, "server", 0, true, CtxStreamServer, true, ""},
		{CtxStreamUpstream, "server", 3, false, CtxUnknown, true, ""},
		{CtxMail, "server", 0, true, CtxMailServer, true, ""},
		{CtxServer, "server", 0, true, CtxUnknown, true, `"server"` + notAllowed},
		{CtxHTTP, "upstream", 1, true, CtxUpstream, true, ""},
		{CtxStream, "upstream", 1, true, CtxStreamUpstream, true, ""},
		{CtxServer, "upstream", 1, true, CtxUnknown, true, `"upstream"` + notAllowed},

		// location, if, limit_except.
		{CtxServer, "location", 1, true, CtxLocation, true, ""},
		{CtxLocation, "location", 2, true, CtxLocation, true, ""},
		{CtxLocation, "location", 3, true, CtxLocation, true, `invalid number of arguments in "location" directive`},
		{CtxHTTP, "location", 1, true, CtxUnknown, true, `"location"` + notAllowed},
		{CtxLocationIf, "location", 1, true, CtxUnknown, true, `"location"` + notAllowed},
		{CtxServerIf, "location", 1, true, CtxUnknown, true, `"location"` + notAllowed},
		{CtxServer, "if", 1, true, CtxServerIf, true, ""},
		{CtxLocation, "if", 3, true, CtxLocationIf, true, ""},
		{CtxLocation, "if", 0, true, CtxLocationIf, true, `invalid number of arguments in "if" directive`},
		{CtxLocationIf, "if", 1, true, CtxUnknown, true, `"if"` + notAllowed},
		{CtxServerIf, "if", 1, true, CtxUnknown, true, `"if"` + notAllowed},
		{CtxHTTP, "if", 1, true, CtxUnknown, true, `"if"` + notAllowed},
		{CtxLocation, "limit_except", 1, true, CtxLimitExcept, true, ""},
		{CtxServer, "limit_except", 1, true, CtxUnknown, true, `"limit_except"` + notAllowed},
		{CtxLocationIf, "limit_except", 1, true, CtxUnknown, true, `"limit_except"` + notAllowed},

		// Directives allowed, or not, in if and limit_except.
		{CtxServer, "proxy_pass", 1, false, CtxUnknown, true, `"proxy_pass"` + notAllowed},
		{CtxLocation, "proxy_pass", 1, false, CtxUnknown, true, ""},
		{CtxLocationIf, "proxy_pass", 1, false, CtxUnknown, true, ""},
		{CtxLimitExcept, "proxy_pass", 1, false, CtxUnknown, true, ""},
		{CtxServerIf, "proxy_pass", 1, false, CtxUnknown, true, `"proxy_pass"` + notAllowed},
		{CtxStreamServer, "proxy_pass", 1, false, CtxUnknown, true, ""},
		{CtxStream, "proxy_pass", 1, false, CtxUnknown, true, `"proxy_pass"` + notAllowed},
		{CtxLocationIf, "proxy_set_header", 2, false, CtxUnknown, true, `"proxy_set_header"` + notAllowed},
		{CtxLocationIf, "proxy_http_version", 1, false, CtxUnknown, true, `"proxy_http_version"` + notAllowed},
		{CtxServerIf, "add_header", 2, false, CtxUnknown, true, `"add_header"` + notAllowed},
		{CtxLocationIf, "add_header", 2, false, CtxUnknown, true, ""},
		{CtxServerIf, "return", 1, false, CtxUnknown, true, ""},
		{CtxServerIf, "rewrite", 2, false, CtxUnknown, true, ""},
		{CtxLimitExcept, "deny", 1, false, CtxUnknown, true, ""},
		{CtxLimitExcept, "root", 1, false, CtxUnknown, true, `"root"` + notAllowed},
		{CtxLocation, "alias", 1, false, CtxUnknown, true, ""},
		{CtxServer, "alias", 1, false, CtxUnknown, true, `"alias"` + notAllowed},

		// Directives added after 1.22.1 are accepted with their HEAD
		// contexts.
		{CtxServer, "http2", 1, false, CtxUnknown, true, ""},
		{CtxLocation, "http2", 1, false, CtxUnknown, true, `"http2"` + notAllowed},
		{CtxServer, "http2", 2, false, CtxUnknown, true, `invalid number of arguments in "http2" directive`},
		{CtxUpstream, "resolver", 1, false, CtxUnknown, true, ""},
		{CtxHTTP, "resolver", 1, false, CtxUnknown, true, ""},
		{CtxStreamServer, "server_name", 1, false, CtxUnknown, true, ""},
		{CtxStreamServer, "pass", 1, false, CtxUnknown, true, ""},
		// keepalive became TAKE12 after 1.22.1; the 1.22.1 entry wins.
		{CtxUpstream, "keepalive", 2, false, CtxUnknown, true, `invalid number of arguments in "keepalive" directive`},
		{CtxUpstream, "keepalive_timeout", 1, false, CtxUnknown, true, ""},
		{CtxUpstream, "keepalive_timeout", 2, false, CtxUnknown, true, `invalid number of arguments in "keepalive_timeout" directive`},
		{CtxServer, "keepalive_timeout", 2, false, CtxUnknown, true, ""},
		// Removed in 1.25.1 but valid in 1.22.1.
		{CtxServer, "ssl", 1, false, CtxUnknown, true, ""},
	}
	for _, tt := range tests {
		child, known, msg := checkDirective(tt.ctx, tt.name, tt.nargs, tt.block)
		if child != tt.wantChild || known != tt.wantKnown || msg != tt.wantMsg {
			t.Errorf("checkDirective(%v, %q, %d, %v) = (%v, %v, %q), want (%v, %v, %q)",
				tt.ctx, tt.name, tt.nargs, tt.block, child, known, msg,
				tt.wantChild, tt.wantKnown, tt.wantMsg)
		}
	}
}

func TestCheckDirectiveIncludeEverywhere(t *testing.T) {
	for ctx := CtxMain; ctx < CtxCustom; ctx++ {
		if child, known, msg := checkDirective(ctx, "include", 1, false); child != CtxUnknown || !known || msg != "" {
			t.Errorf("include in %v: got (%v, %v, %q)", ctx, child, known, msg)
		}
		want := `invalid number of arguments in "include" directive`
		if _, _, msg := checkDirective(ctx, "include", 2, false); msg != want {
			t.Errorf("include with 2 args in %v: got %q, want %q", ctx, msg, want)
		}
		want = `directive "include" is not terminated by ";"`
		if _, _, msg := checkDirective(ctx, "include", 1, true); msg != want {
			t.Errorf("include block in %v: got %q, want %q", ctx, msg, want)
		}
	}
}

func TestDirectiveArgsOK(t *testing.T) {
	tests := []struct {
		flags uint32
		nargs int
		want  bool
	}{
		{argNoArgs, 0, true},
		{argNoArgs, 1, false},
		{argTake1, 1, true},
		{argTake1, 0, false},
		{argTake12, 2, true},
		{argTake12, 3, false},
		{argTake13, 2, false},
		{argTake13, 3, true},
		{argTake1234, 4, true},
		{argTake1234, 5, false},
		{argTake5 | argTake6, 6, true},
		{argTake7, 7, true},
		{argTake7, 8, false}, // more than NGX_CONF_MAX_ARGS words
		{argNoArgs | argTake1, 0, true},
		{argFlag, 1, true},
		{argFlag, 0, false},
		{argFlag, 2, false},
		{argFlag | argTake2, 2, false}, // FLAG wins over TAKEn
		{arg1More, 0, false},
		{arg1More, 100, true},
		{arg2More, 1, false},
		{arg2More, 2, true},
		{argAny, 0, true},
		{argAny, 100, true},
		{argTake1, -1, false},
	}
	for _, tt := range tests {
		if got := directiveArgsOK(tt.flags, tt.nargs); got != tt.want {
			t.Errorf("directiveArgsOK(%#x, %d) = %v, want %v", tt.flags, tt.nargs, got, tt.want)
		}
	}
}

// TestDirectiveTableSorted checks what the binary search of directiveSpecs
// relies on, and what the compiler checked when the tables were map literals:
// each table is sorted by name, names are unique, each name has an entry, and
// the counts match the ones written above each table.
func TestDirectiveTableSorted(t *testing.T) {
	for _, tt := range []struct {
		label          string
		table          []directiveEntry
		names, entries int
	}{
		{"directiveTable", directiveTable, 605, 711},
		{"directiveTableNewer", directiveTableNewer, 65, 75},
	} {
		entries := 0
		for i, e := range tt.table {
			if i > 0 && tt.table[i-1].name >= e.name {
				t.Errorf("%s: %q comes after %q: names must be unique and sorted", tt.label, e.name, tt.table[i-1].name)
			}
			if len(e.specs) == 0 {
				t.Errorf("%s: %q has no entries", tt.label, e.name)
			}
			if specs, ok := directiveSpecs(tt.table, e.name); !ok || &specs[0] != &e.specs[0] {
				t.Errorf("%s: directiveSpecs does not find %q", tt.label, e.name)
			}
			entries += len(e.specs)
		}
		if len(tt.table) != tt.names || entries != tt.entries {
			t.Errorf("%s: %d names, %d entries; the comment says %d, %d", tt.label, len(tt.table), entries, tt.names, tt.entries)
		}
		if _, ok := directiveSpecs(tt.table, "no_such_directive"); ok {
			t.Errorf("%s: directiveSpecs finds an unknown name", tt.label)
		}
	}
}

// TestDirectiveTableDisjoint checks the invariants the table relies on: the
// entries of one name never share a context (so the order in which nginx
// scans its modules cannot matter), block entries have a body context and
// other entries do not.
func TestDirectiveTableDisjoint(t *testing.T) {
	names := map[string]bool{}
	for _, e := range directiveTable {
		names[e.name] = true
	}
	for _, e := range directiveTableNewer {
		names[e.name] = true
	}
	for name := range names {
		var seen uint32
		old, _ := directiveSpecs(directiveTable, name)
		newer, _ := directiveSpecs(directiveTableNewer, name)
		all := append(append([]spec(nil), old...), newer...)
		for _, s := range all {
			if s.ctx == 0 || s.ctx&^inAny != 0 {
				t.Errorf("%s: bad contexts %#x", name, s.ctx)
			}
			if s.ctx&seen != 0 {
				t.Errorf("%s: entries share contexts %#x", name, s.ctx&seen)
			}
			seen |= s.ctx
			if s.args == 0 {
				t.Errorf("%s: no argument flags", name)
			}
			if s.block != (s.child != CtxUnknown) {
				t.Errorf("%s: block=%v child=%v", name, s.block, s.child)
			}
		}
	}
}

func TestDirectiveCtxString(t *testing.T) {
	want := map[Ctx]string{
		CtxUnknown:        "unknown",
		CtxMain:           "main",
		CtxEvents:         "events",
		CtxHTTP:           "http",
		CtxServer:         "server",
		CtxLocation:       "location",
		CtxUpstream:       "upstream",
		CtxServerIf:       "if",
		CtxLocationIf:     "if",
		CtxLimitExcept:    "limit_except",
		CtxStream:         "stream",
		CtxStreamServer:   "stream server",
		CtxStreamUpstream: "stream upstream",
		CtxMail:           "mail",
		CtxMailServer:     "mail server",
		CtxCustom:         "custom",
		Ctx(200):          "Ctx(200)",
	}
	for c, s := range want {
		if got := c.String(); got != s {
			t.Errorf("Ctx(%d).String() = %q, want %q", uint8(c), got, s)
		}
	}
}
