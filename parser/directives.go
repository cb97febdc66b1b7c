package parser

import "strconv"

// Ctx identifies the kind of block a directive sits in.
type Ctx uint8

// The kinds of block, one for each of nginx's NGX_*_CONF context flags.
const (
	CtxUnknown        Ctx = iota // inside an unknown (third-party) block: nothing is checked
	CtxMain                      // top level of nginx.conf (NGX_MAIN_CONF)
	CtxEvents                    // events (NGX_EVENT_CONF)
	CtxHTTP                      // http (NGX_HTTP_MAIN_CONF)
	CtxServer                    // http server (NGX_HTTP_SRV_CONF)
	CtxLocation                  // location (NGX_HTTP_LOC_CONF)
	CtxUpstream                  // http upstream (NGX_HTTP_UPS_CONF)
	CtxServerIf                  // if in server (NGX_HTTP_SIF_CONF)
	CtxLocationIf                // if in location (NGX_HTTP_LIF_CONF)
	CtxLimitExcept               // limit_except (NGX_HTTP_LMT_CONF)
	CtxStream                    // stream (NGX_STREAM_MAIN_CONF)
	CtxStreamServer              // stream server (NGX_STREAM_SRV_CONF)
	CtxStreamUpstream            // stream upstream (NGX_STREAM_UPS_CONF)
	CtxMail                      // mail (NGX_MAIL_MAIN_CONF)
	CtxMailServer                // mail server (NGX_MAIL_SRV_CONF)
	CtxCustom                    // body of map, types, geo, split_clients, charset_map...: handled by a custom handler; entries are not directives
)

var ctxNames = [...]string{
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
}

// String returns the name of the block kind as written in nginx.conf
// ("main" for the top level).
func (c Ctx) String() string {
	if int(c) < len(ctxNames) {
		return ctxNames[c]
	}
	return "Ctx(" + strconv.Itoa(int(c)) + ")"
}

// Context bits of spec.ctx: bit c is set when the directive is allowed in
// context c. They replace nginx's NGX_*_CONF flags, whose values overlap
// between module families (NGX_EVENT_CONF == NGX_HTTP_MAIN_CONF ==
// NGX_STREAM_MAIN_CONF == NGX_MAIL_MAIN_CONF); nginx tells them apart by
// module type, the table by distinct bits.
const (
	inMain           uint32 = 1 << CtxMain
	inEvents         uint32 = 1 << CtxEvents
	inHTTP           uint32 = 1 << CtxHTTP
	inServer         uint32 = 1 << CtxServer
	inLocation       uint32 = 1 << CtxLocation
	inUpstream       uint32 = 1 << CtxUpstream
	inServerIf       uint32 = 1 << CtxServerIf
	inLocationIf     uint32 = 1 << CtxLocationIf
	inLimitExcept    uint32 = 1 << CtxLimitExcept
	inStream         uint32 = 1 << CtxStream
	inStreamServer   uint32 = 1 << CtxStreamServer
	inStreamUpstream uint32 = 1 << CtxStreamUpstream
	inMail           uint32 = 1 << CtxMail
	inMailServer     uint32 = 1 << CtxMailServer

	// inAny is NGX_ANY_CONF: every context where directives are parsed.
	inAny = inMain | inEvents | inHTTP | inServer | inLocation | inUpstream |
		inServerIf | inLocationIf | inLimitExcept | inStream | inStreamServer |
		inStreamUpstream | inMail | inMailServer
)

// Argument flags of spec.args, with the values of nginx's NGX_CONF_* flags
// (src/core/ngx_conf_file.h).
const (
	argNoArgs uint32 = 0x00000001 // NGX_CONF_NOARGS
	argTake1  uint32 = 0x00000002 // NGX_CONF_TAKE1
	argTake2  uint32 = 0x00000004 // NGX_CONF_TAKE2
	argTake3  uint32 = 0x00000008 // NGX_CONF_TAKE3
	argTake4  uint32 = 0x00000010 // NGX_CONF_TAKE4
	argTake5  uint32 = 0x00000020 // NGX_CONF_TAKE5
	argTake6  uint32 = 0x00000040 // NGX_CONF_TAKE6
	argTake7  uint32 = 0x00000080 // NGX_CONF_TAKE7
	argFlag   uint32 = 0x00000200 // NGX_CONF_FLAG: exactly one argument
	argAny    uint32 = 0x00000400 // NGX_CONF_ANY: any number of arguments
	arg1More  uint32 = 0x00000800 // NGX_CONF_1MORE
	arg2More  uint32 = 0x00001000 // NGX_CONF_2MORE

	argTake12   = argTake1 | argTake2
	argTake13   = argTake1 | argTake3
	argTake23   = argTake2 | argTake3
	argTake123  = argTake1 | argTake2 | argTake3
	argTake1234 = argTake1 | argTake2 | argTake3 | argTake4

	// confMaxArgs is NGX_CONF_MAX_ARGS: the most words (name included) a
	// TAKEn directive may have.
	confMaxArgs = 8
)

// childIf is the child rule of the http "if": its body is CtxServerIf in a
// server and CtxLocationIf in a location (ngx_http_rewrite_if sets
// cf->cmd_type to NGX_HTTP_SIF_CONF or NGX_HTTP_LIF_CONF).
const childIf Ctx = 0xff

// spec is one ngx_command_t entry.
type spec struct {
	ctx   uint32 // in* bits: contexts the directive is allowed in
	args  uint32 // arg* flags: accepted argument counts
	block bool   // NGX_CONF_BLOCK: must be followed by "{"
	child Ctx    // context of the block body when block is set (or childIf)
}

// directiveArgsOK reproduces the argument count check of ngx_conf_handler; nargs does
// not count the directive name.
func directiveArgsOK(flags uint32, nargs int) bool {
	switch {
	case nargs < 0:
		return false
	case flags&argAny != 0:
		return true
	case flags&argFlag != 0:
		return nargs == 1
	case flags&arg1More != 0:
		return nargs >= 1
	case flags&arg2More != 0:
		return nargs >= 2
	case nargs+1 > confMaxArgs:
		return false
	default:
		// argument_number[] in ngx_conf_file.c: NOARGS, TAKE1 ... TAKE7.
		return flags&(1<<uint(nargs)) != 0
	}
}

// directiveEntry holds the entries of one directive name. The tables are
// slices sorted by name rather than maps so that the compiler lays them out
// as static data: a map literal of this size is built by the package's init
// on every run, a cost each one-file check paid before reading its file.
type directiveEntry struct {
	name  string
	specs []spec
}

// directiveSpecs returns the entries of name in table, sorted by name
// (checked by TestDirectiveTableSorted), and whether it has any.
func directiveSpecs(table []directiveEntry, name string) ([]spec, bool) {
	// sort.Search, written out: about 30% faster than
	// slices.BinarySearchFunc here. A lookup still costs ~50 ns where the
	// map took ~12, a few microseconds for a one-file check.
	lo, hi := 0, len(table)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if table[m].name < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(table) && table[lo].name == name {
		return table[lo].specs, true
	}
	return nil, false
}

// lookupDirective returns the first entry for name allowed in ctx, and
// whether name is known at all. The nginx 1.22.1 entries come before the
// entries added by later versions.
func lookupDirective(ctx Ctx, name string) (s spec, found, known bool) {
	bit := uint32(1) << ctx
	specs, ok := directiveSpecs(directiveTable, name)
	known = ok
	for _, sp := range specs {
		if sp.ctx&bit != 0 {
			return sp, true, true
		}
	}
	specs, ok = directiveSpecs(directiveTableNewer, name)
	known = known || ok
	for _, sp := range specs {
		if sp.ctx&bit != 0 {
			return sp, true, true
		}
	}
	return spec{}, false, known
}

// checkDirective reproduces ngx_conf_handler for a directive with the given name (already unescaped/unquoted),
// nargs arguments (not counting the name), and whether it was terminated by "{" (block=true) or ";" (block=false),
// found in context ctx. It returns the context of the directive's block body (meaningful only when block is true;
// CtxUnknown for an unknown block directive; CtxCustom for map/types/geo/split_clients/charset_map and other custom-handler
// blocks), whether the name is known in the table at all, and an error message worded exactly as nginx words it
// (without " in FILE:LINE"), or "" when nginx would accept it at this stage.
//
// When the directive is not allowed in ctx, or is not a block directive,
// child is CtxUnknown. When it is a block directive opened with "{" but has
// a wrong number of arguments, child is still the context of its body.
func checkDirective(ctx Ctx, name string, nargs int, block bool) (child Ctx, known bool, msg string) {
	if ctx == CtxUnknown || ctx >= CtxCustom {
		return CtxUnknown, false, ""
	}

	s, found, known := lookupDirective(ctx, name)
	if !found {
		if known {
			return CtxUnknown, true, `"` + name + `" directive is not allowed here`
		}
		// nginx says `unknown directive "NAME"`; unknown names are kept
		// as third-party directives.
		return CtxUnknown, false, ""
	}

	if !s.block && block {
		return CtxUnknown, true, `directive "` + name + `" is not terminated by ";"`
	}
	if s.block && !block {
		return CtxUnknown, true, `directive "` + name + `" has no opening "{"`
	}

	if s.block {
		child = s.child
		if child == childIf {
			child = CtxLocationIf
			if ctx == CtxServer {
				child = CtxServerIf
			}
		}
	}

	if !directiveArgsOK(s.args, nargs) {
		return child, true, `invalid number of arguments in "` + name + `" directive`
	}
	return child, true, ""
}

// allowedIn lists the contexts name is allowed in, outermost first, for the
// hint after nginx's terse "is not allowed here".
func allowedIn(name string) []string {
	var mask uint32
	old, _ := directiveSpecs(directiveTable, name)
	newer, _ := directiveSpecs(directiveTableNewer, name)
	for _, sp := range old {
		mask |= sp.ctx
	}
	for _, sp := range newer {
		mask |= sp.ctx
	}
	var out []string
	seen := map[string]bool{}
	for c := CtxMain; c < CtxCustom; c++ {
		if mask&(1<<c) == 0 {
			continue
		}
		n := c.String()
		switch c {
		case CtxMain:
			n = "the main (top) level"
		case CtxServerIf:
			n = "if in server"
		case CtxLocationIf:
			n = "if in location"
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
