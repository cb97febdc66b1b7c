// Package model computes, once per configuration, what nginx makes of it:
// the effective settings of every server, location and if block after
// inheritance, the request headers sent upstream, the maps, which server and
// location a request reaches, and the request line the backend receives.
// Route follows one request all the way, through the rewrite module
// (rewrite, set, if, return, break), rewrite cycles, try_files and
// error_page, as nginx does; `nginx-wslint route` prints its answer.
// Rules ask the model; none re-derives nginx's semantics from directives.
package model

import (
	"strings"
	"sync"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// Kind is the kind of a configuration level.
type Kind uint8

// The levels settings are inherited through.
const (
	KindHTTP        Kind = iota // the http block (synthetic for a fragment)
	KindServer                  // a server block (synthetic for a fragment)
	KindLocation                // a location, nested locations included
	KindIf                      // an if block, in a server or a location
	KindLimitExcept             // a limit_except block
)

func (k Kind) String() string {
	return [...]string{"http", "server", "location", "if", "limit_except"}[k]
}

// Block is one configuration level. Settings flow http -> server ->
// location -> nested location; if and limit_except blocks are children of
// the block they sit in and inherit everything from it.
type Block struct {
	Kind Kind
	// Dir is the block's directive (the "server", "location", "if" line);
	// nil for a level a fragment file sits in without writing it.
	Dir    *parser.Directive
	Parent *Block
	// Own are the directives at this level, with included files expanded
	// in place, in the order nginx reads them; nested blocks' contents are
	// not included.
	Own []*parser.Directive
	// Children are the nested location, if and limit_except blocks in
	// order.
	Children []*Block
	// Server is the server the block belongs to (itself for a server).
	Server *Server
	// Location is set for KindLocation.
	Location *Location
	// Includes are the include directives read at this level (their files'
	// directives are in Own).
	Includes []*parser.Directive
	// Unresolved are the includes of Includes whose file could not be read:
	// kept apart because every location looks for them up its inheritance
	// path, and an http block with 20,000 includes must not cost 20,000
	// steps per location.
	Unresolved []*parser.Directive
	// Script are the rewrite module's directives at this level (rewrite,
	// set, return, break and if) in the order nginx runs them: an if
	// directive stands for its block, which is among Children.
	Script []*parser.Directive
}

// isScript reports whether nginx compiles directive name into the rewrite
// module's code of its level.
func isScript(name string) bool {
	switch name {
	case "rewrite", "set", "return", "break", "if":
		return true
	}
	return false
}

// IfBlock returns the if block of the if directive d at this level.
func (b *Block) IfBlock(d *parser.Directive) *Block {
	for _, c := range b.Children {
		if c.Dir == d {
			return c
		}
	}
	return nil
}

// Get returns the first directive called name set at this level.
func (b *Block) Get(name string) *parser.Directive {
	for _, d := range b.Own {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// All returns every directive called name set at this level.
func (b *Block) All(name string) []*parser.Directive {
	var out []*parser.Directive
	for _, d := range b.Own {
		if d.Name == name {
			out = append(out, d)
		}
	}
	return out
}

// Inherited returns the nearest directive called name on the way up from b
// (the standard merge of scalar settings), or nil when no level sets it.
func (b *Block) Inherited(name string) *parser.Directive {
	for l := b; l != nil; l = l.Parent {
		if d := l.Get(name); d != nil {
			return d
		}
	}
	return nil
}

// InheritedArray returns the directives called name from the nearest level
// that sets any (array settings such as proxy_set_header and add_header: a
// level that sets one inherits none), and that level; nil when none does.
func (b *Block) InheritedArray(name string) ([]*parser.Directive, *Block) {
	for l := b; l != nil; l = l.Parent {
		if ds := l.All(name); len(ds) > 0 {
			return ds, l
		}
	}
	return nil, nil
}

// Describe names the block as an operator would: `location "/ws/"`,
// `server "chat.example.com"`, `if ($http_upgrade)`.
func (b *Block) Describe() string {
	switch b.Kind {
	case KindLocation:
		if b.Dir == nil {
			// A location-context snippet's location, not written.
			return "this location"
		}
		if b.Location != nil {
			return "location " + Quote(b.Location.Match())
		}
		return "location " + quoteArgs(b.Dir)
	case KindServer:
		if b.Server != nil && len(b.Server.Names) > 0 && b.Server.Names[0].Name != "" {
			return `server "` + b.Server.Names[0].Name + `"`
		}
		return "server"
	case KindIf:
		if b.Dir != nil {
			return ifText(b.Dir)
		}
		return "if"
	case KindLimitExcept:
		return "limit_except " + argsText(b.Dir)
	}
	return "http"
}

func quoteArgs(d *parser.Directive) string {
	if d == nil {
		return ""
	}
	return `"` + argsText(d) + `"`
}

func argsText(d *parser.Directive) string {
	if d == nil {
		return ""
	}
	var parts []string
	for _, w := range d.Args() {
		parts = append(parts, w.Value)
	}
	return strings.Join(parts, " ")
}

// Model is what nginx makes of one configuration.
type Model struct {
	regexBudget *RegexBudget

	Config  *parser.Config
	Version Version
	// HTTP is the http level; Servers are its servers in order.
	HTTP    *Block
	Servers []*Server
	// Maps are the maps at the http level in reading order; MisplacedMaps
	// are map blocks found elsewhere (nginx refuses them).
	Maps          []*Map
	MisplacedMaps []*parser.Directive
	// Sets are the "set $var" directives anywhere: each defines its
	// variable for the whole configuration.
	Sets      map[string][]*parser.Directive
	Upstreams map[string]*Upstream

	maps  map[string]*Map // lower-case variable name -> last definition
	ports map[int]*portGroup
	// Computed on first use and kept: rules ask the same questions of the
	// same blocks many times.
	headerCache map[*Block]headerList
	locations   []*Location
	blocks      []*Block
	// regexes are the compiled regexes of rewrite and if directives.
	regexMu sync.Mutex
	regexes map[*parser.Directive]*Regex
}

// Upstream is an upstream block.
type Upstream struct {
	Name    string
	Dir     *parser.Directive
	Servers []*parser.Directive
	Own     []*parser.Directive
}

// Options tune the model.
type Options struct {
	Version Version
	// RegexBudget is the time the backtracking regex engine may spend,
	// shared by every model of a run; nil: a new DefaultRegexBudget.
	RegexBudget *RegexBudget
}

// Build computes the model of cfg. It never fails: what it cannot know it
// says so where asked.
func Build(cfg *parser.Config, opts Options) *Model {
	m := &Model{
		Config:    cfg,
		Version:   opts.Version,
		Sets:      map[string][]*parser.Directive{},
		Upstreams: map[string]*Upstream{},
		maps:      map[string]*Map{},
	}
	m.HTTP = &Block{Kind: KindHTTP}
	defer m.attachRegexBudget(opts.RegexBudget)
	if cfg.Main == nil {
		return m
	}
	b := &builder{m: m}
	switch cfg.Main.Ctx {
	case parser.CtxMain:
		b.main(cfg.Main.Directives)
	case parser.CtxHTTP:
		b.level(m.HTTP, cfg.Main.Directives)
	case parser.CtxServer:
		s := b.newServer(nil)
		b.level(s.Block, cfg.Main.Directives)
	case parser.CtxLocation:
		s := b.newServer(nil)
		loc := b.newLocation(s.Block, nil)
		b.level(loc.Block, cfg.Main.Directives)
	}
	for _, s := range m.Servers {
		s.finish()
	}
	m.applyDefaultMergeSlashes()
	return m
}

type builder struct {
	m       *Model
	regexes map[regexKey]*Regex // see regex
}

// expand calls fn for each directive of ds, reading included files in place;
// onInclude, when not nil, sees each include directive.
func expand(ds []*parser.Directive, fn func(d *parser.Directive), onInclude ...func(d *parser.Directive)) {
	for _, d := range ds {
		if d.Name == "include" && d.Block == nil {
			for _, f := range onInclude {
				f(d)
			}
			for _, f := range d.Included {
				expand(f.Directives, fn, onInclude...)
			}
			continue
		}
		fn(d)
	}
}

func (b *builder) main(ds []*parser.Directive) {
	expand(ds, func(d *parser.Directive) {
		if d.Name == "http" && d.Block != nil {
			if b.m.HTTP.Dir == nil {
				b.m.HTTP.Dir = d
			}
			b.level(b.m.HTTP, d.Block.Directives)
		}
	})
}

// level fills blk with ds, creating servers, locations, if blocks, maps and
// upstreams as nginx does.
func (b *builder) level(blk *Block, ds []*parser.Directive) {
	expand(ds, func(d *parser.Directive) {
		switch {
		case d.Name == "server" && d.Block != nil && blk.Kind == KindHTTP:
			s := b.newServer(d)
			b.level(s.Block, d.Block.Directives)
		case d.Name == "location" && d.Block != nil && (blk.Kind == KindServer || blk.Kind == KindLocation):
			loc := b.newLocation(blk, d)
			b.level(loc.Block, d.Block.Directives)
		case (d.Name == "if" || d.Name == "limit_except") && d.Block != nil && blk.Kind != KindHTTP:
			kind := KindIf
			if d.Name == "limit_except" {
				kind = KindLimitExcept
			}
			child := &Block{Kind: kind, Dir: d, Parent: blk, Server: blk.Server}
			blk.Children = append(blk.Children, child)
			if kind == KindIf {
				blk.Script = append(blk.Script, d)
			}
			b.level(child, d.Block.Directives)
		case d.Name == "map" && d.Block != nil:
			if blk.Kind == KindHTTP && d.Ctx == parser.CtxHTTP {
				b.addMap(d)
			} else {
				b.m.MisplacedMaps = append(b.m.MisplacedMaps, d)
			}
		case d.Name == "upstream" && d.Block != nil && blk.Kind == KindHTTP:
			b.addUpstream(d)
		default:
			if d.Name == "set" && len(d.Words) >= 2 {
				name := strings.ToLower(strings.TrimPrefix(d.Arg(0), "$"))
				b.m.Sets[name] = append(b.m.Sets[name], d)
			}
			blk.Own = append(blk.Own, d)
			if isScript(d.Name) && d.Block == nil {
				blk.Script = append(blk.Script, d)
			}
			if d.Block != nil {
				// Other blocks (types, limit_except in odd places, third-
				// party blocks): their own set/map contents still count.
				b.scanNested(d.Block.Directives)
			}
		}
	}, func(inc *parser.Directive) {
		blk.Includes = append(blk.Includes, inc)
		if inc.Unresolved {
			blk.Unresolved = append(blk.Unresolved, inc)
		}
	})
}

// scanNested records set directives inside blocks the model does not
// otherwise read, since "set" defines its variable everywhere.
func (b *builder) scanNested(ds []*parser.Directive) {
	expand(ds, func(d *parser.Directive) {
		if d.Name == "set" && len(d.Words) >= 2 {
			name := strings.ToLower(strings.TrimPrefix(d.Arg(0), "$"))
			b.m.Sets[name] = append(b.m.Sets[name], d)
		}
		if d.Block != nil {
			b.scanNested(d.Block.Directives)
		}
	})
}

func (b *builder) addUpstream(d *parser.Directive) {
	u := &Upstream{Name: d.Arg(0), Dir: d}
	expand(d.Block.Directives, func(x *parser.Directive) {
		u.Own = append(u.Own, x)
		if x.Name == "server" {
			u.Servers = append(u.Servers, x)
		}
	})
	b.m.Upstreams[strings.ToLower(u.Name)] = u
}

// PassUpstream returns the upstream block a proxy_pass sends to (its host
// names one), nil for an address, a name no upstream block has, or a URL
// with variables.
func (m *Model) PassUpstream(pass *parser.Directive) *Upstream {
	if pass == nil || len(pass.Words) < 2 {
		return nil
	}
	u, err := ParseProxyURL(pass.Arg(0))
	if err != nil || u.Variables {
		return nil
	}
	return m.Upstreams[strings.ToLower(u.Host)]
}

// Get returns the upstream's first directive called name, nil if none.
func (u *Upstream) Get(name string) *parser.Directive {
	for _, d := range u.Own {
		if d.Name == name {
			return d
		}
	}
	return nil
}
