package model

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dlclark/regexp2"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// Location is a location block.
type Location struct {
	*Block
	// Modifier is "", "=", "^~", "~", "~*" or "@" (named).
	Modifier string
	// Name is the path, regex or @name, without the modifier.
	Name string
	// Nested are the locations inside this one, in configuration order.
	Nested []*Location
	// Regex matches the location's regex; nil for other kinds.
	Regex *Regex
}

// IsRegex reports whether the location is a regex location.
func (l *Location) IsRegex() bool { return l.Modifier == "~" || l.Modifier == "~*" }

// IsPrefix reports whether the location is a prefix location (with or
// without ^~).
func (l *Location) IsPrefix() bool { return l.Modifier == "" || l.Modifier == "^~" }

// Match is the location's match text as written: "^~ /ws/", "= /x", "/a/".
func (l *Location) Match() string {
	if l.Modifier == "" || l.Modifier == "@" {
		if l.Modifier == "@" {
			return "@" + l.Name
		}
		return l.Name
	}
	return l.Modifier + " " + l.Name
}

// Proxies reports whether the location has a proxy_pass of its own (nested
// locations do not inherit proxy_pass).
func (l *Location) Proxies() bool { return l.Get("proxy_pass") != nil }

// ConditionalPass returns a proxy_pass inside one of the location's if or
// limit_except blocks (those proxy with the location's settings), and that
// block; nil when there is none.
func (l *Location) ConditionalPass() (*parser.Directive, *Block) {
	var find func(b *Block) (*parser.Directive, *Block)
	find = func(b *Block) (*parser.Directive, *Block) {
		for _, c := range b.Children {
			if c.Kind != KindIf && c.Kind != KindLimitExcept {
				continue
			}
			if d := c.Get("proxy_pass"); d != nil {
				return d, c
			}
			if d, blk := find(c); d != nil {
				return d, blk
			}
		}
		return nil, nil
	}
	return find(l.Block)
}

// AutoRedirect reports whether nginx answers the location's name without its
// trailing "/" with a 301 to the name with it: a location whose name ends in
// "/" and that passes requests to a backend (proxy_pass and the other
// *_pass directives).
func (l *Location) AutoRedirect() bool {
	if !strings.HasSuffix(l.Name, "/") || l.IsRegex() || l.Modifier == "@" {
		return false
	}
	for _, d := range l.Own {
		switch d.Name {
		case "proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "memcached_pass", "grpc_pass":
			return true
		}
	}
	return false
}

func (b *builder) newLocation(parent *Block, d *parser.Directive) *Location {
	loc := &Location{}
	loc.Block = &Block{Kind: KindLocation, Dir: d, Parent: parent, Server: parent.Server, Location: loc}
	parent.Children = append(parent.Children, loc.Block)
	if d != nil {
		loc.Modifier, loc.Name = splitLocationArgs(d)
		if loc.IsRegex() {
			loc.Regex = b.regex(loc.Name, loc.Modifier == "~*")
		}
	}
	switch {
	case parent.Kind == KindServer && parent.Server != nil:
		parent.Server.Locations = append(parent.Server.Locations, loc)
	case parent.Location != nil:
		parent.Location.Nested = append(parent.Location.Nested, loc)
	}
	return loc
}

// splitLocationArgs reads "location [=|~|~*|^~] uri" and the glued forms
// ("=/a", "~*\.png$"), as ngx_http_core_location does.
func splitLocationArgs(d *parser.Directive) (modifier, name string) {
	args := d.Args()
	if len(args) == 2 {
		return args[0].Value, args[1].Value
	}
	if len(args) != 1 {
		return "", ""
	}
	v := args[0].Value
	switch {
	case strings.HasPrefix(v, "@"):
		return "@", v[1:]
	case strings.HasPrefix(v, "^~"):
		return "^~", v[2:]
	case strings.HasPrefix(v, "~*"):
		return "~*", v[2:]
	case strings.HasPrefix(v, "~"):
		return "~", v[1:]
	case strings.HasPrefix(v, "="):
		return "=", v[1:]
	}
	return "", v
}

// Regex is a PCRE pattern as nginx uses it, evaluated with Go's RE2 engine
// when the pattern means the same there, else with a backtracking engine
// bounded in time. It is compiled on first use: a large configuration has
// thousands of regex locations, most of which no request of a run reaches.
type Regex struct {
	Pattern  string
	Caseless bool
	once     sync.Once
	re       *regexp.Regexp
	re2      *regexp2.Regexp
	err      error
	// Budget is the run's time for the backtracking engine (example.go).
	Budget  *RegexBudget
	example exampleProg // see Example
}

// regex returns the Regex of pattern, one for all the locations that write
// the same pattern (servers of one configuration repeat theirs), so that it
// is compiled and searched once.
func (b *builder) regex(pattern string, caseless bool) *Regex {
	if b.regexes == nil {
		b.regexes = map[regexKey]*Regex{}
	}
	k := regexKey{pattern, caseless}
	if r := b.regexes[k]; r != nil {
		return r
	}
	r := CompileRegex(pattern, caseless)
	b.regexes[k] = r
	return r
}

type regexKey struct {
	pattern  string
	caseless bool
}

// regexTimeout bounds a backtracking match on a pathological pattern.
const regexTimeout = 100 * time.Millisecond

// CompileRegex prepares a PCRE pattern. nginx compiles location regexes
// without anchoring and, for ~*, with PCRE's caseless option.
func CompileRegex(pattern string, caseless bool) *Regex {
	return &Regex{Pattern: pattern, Caseless: caseless}
}

// Err says why the pattern cannot be evaluated at all, nil when it can.
func (r *Regex) Err() error {
	r.compile()
	return r.err
}

func (r *Regex) compile() {
	r.once.Do(func() {
		prefix := ""
		if r.Caseless {
			prefix = "(?i)"
		}
		re, err := regexp.Compile(prefix + r.Pattern)
		if err == nil && !pcreDiffers(r.Pattern) {
			r.re = re
			return
		}
		opts := regexp2.None
		if r.Caseless {
			opts |= regexp2.IgnoreCase
		}
		// PCRE's (?P<name>...) is (?<name>...) for the .NET syntax.
		re2, err2 := regexp2.Compile(strings.ReplaceAll(r.Pattern, "(?P<", "(?<"), opts)
		if err2 != nil {
			if err == nil {
				// Only Go reads it: near enough (see pcreDiffers).
				r.re = re
				return
			}
			r.err = fmt.Errorf("cannot evaluate the regex %q: %w", r.Pattern, err2)
			return
		}
		re2.MatchTimeout = regexTimeout
		r.re2 = re2
	})
}

// pcreDiffers reports constructs that RE2 accepts with another meaning than
// PCRE's, so that the backtracking engine (whose .NET syntax agrees with
// PCRE on them) evaluates the pattern: "$" also matches before a final
// newline in PCRE (a URI with %0A at its end), "\s" includes the vertical
// tab, and "\Z" is PCRE's end-or-before-final-newline.
func pcreDiffers(pattern string) bool {
	return strings.Contains(pattern, "$") || strings.Contains(pattern, `\s`) || strings.Contains(pattern, `\Z`)
}

// MatchString reports whether the pattern is found anywhere in s. ok is
// false when the pattern cannot be evaluated.
func (r *Regex) MatchString(s string) (matched, ok bool) {
	sub, ok := r.FindSubmatch(s)
	return sub != nil, ok
}

// FindSubmatch returns the match and its groups ($0 ... $9), nil when the
// pattern is not found; ok is false when it cannot be evaluated.
func (r *Regex) FindSubmatch(s string) (groups []string, ok bool) {
	groups, _, ok = r.FindNamed(s)
	return groups, ok
}

// FindNamed is FindSubmatch with the name of each group ("" for a group
// without one): nginx sets a variable for every named capture that matches.
func (r *Regex) FindNamed(s string) (groups, names []string, ok bool) {
	r.compile()
	switch {
	case r.re != nil:
		groups = r.re.FindStringSubmatch(s)
		if groups == nil {
			return nil, nil, true
		}
		return groups, r.re.SubexpNames(), true
	case r.re2 != nil:
		m, err := r.Budget.find(r.re2, s)
		if err != nil {
			return nil, nil, false
		}
		if m == nil {
			return nil, nil, true
		}
		for _, g := range m.Groups() {
			groups = append(groups, g.String())
			name := g.Name
			if _, err := strconv.Atoi(name); err == nil {
				name = ""
			}
			names = append(names, name)
		}
		return groups, names, true
	}
	return nil, nil, false
}

// LocationMatch is the location nginx picks for a URI, and why.
type LocationMatch struct {
	// Location is the chosen location; nil when none matches (the server's
	// own configuration answers).
	Location *Location
	// Redirect is set when nginx answers 301 to URI + "/" (a prefix
	// location "URI/" that proxies): the request never reaches a backend.
	Redirect bool
	// Prefix is the deepest matching prefix location of the static search
	// (nested locations followed), whether or not a regex location then
	// wins: the location whose level's regexes nginx tries. Nil when an
	// exact location or the 301 of a location that needs its trailing
	// slash answers first.
	Prefix *Location
	// Captures are the regex groups of the chosen regex location.
	Captures []string
	// Why explains the choice, one step a line.
	Why []string
	// Err is set when the answer cannot be known: a regex that cannot be
	// evaluated stood in the way.
	Err error
}

// FindLocation returns the location nginx chooses in s for the normalised
// URI path uri (see NormalizeURI), following ngx_http_core_find_location:
// exact match, longest prefix (with its nested locations first), then the
// level's regexes in configuration order unless the prefix has ^~.
func (s *Server) FindLocation(uri string) LocationMatch {
	var m LocationMatch
	loc, kind := findIn(s.Locations, uri, &m)
	if m.Err != nil {
		return m
	}
	m.Location = loc
	m.Redirect = kind == matchRedirect
	if loc == nil {
		m.Why = append(m.Why, "no location matches")
	}
	return m
}

type matchKind uint8

const (
	matchNone matchKind = iota
	matchExact
	matchPrefix
	matchRegex
	matchRedirect
)

func findIn(locs []*Location, uri string, m *LocationMatch) (*Location, matchKind) {
	var prefix *Location
	// slashedExact and slashedPrefix are the locations "= uri/" and
	// "uri/". nginx keeps both in one node of its location tree, answers
	// uri with a 301 when either passes requests to a backend, and then
	// uses the exact one's configuration (its add_header, for instance)
	// when there is one (ngx_http_core_find_static_location).
	var slashedExact, slashedPrefix *Location
	nameEqual := false
	for _, l := range locs {
		switch {
		case l.Modifier == "=":
			if l.Name == uri {
				m.Why = append(m.Why, "exact match "+Quote(l.Match()))
				return l, matchExact
			}
			if l.Name == uri+"/" {
				slashedExact = l
			}
		case l.IsPrefix():
			if l.Name == uri {
				nameEqual = true
			}
			if strings.HasPrefix(uri, l.Name) && (prefix == nil || len(l.Name) > len(prefix.Name)) {
				prefix = l
			}
			if l.Name == uri+"/" {
				slashedPrefix = l
			}
		}
	}
	if proxying := autoRedirecting(slashedExact, slashedPrefix); proxying != nil && !nameEqual {
		redirect := proxying
		if slashedExact != nil {
			redirect = slashedExact
		}
		why := Quote(uri) + " with a trailing slash is location " + Quote(proxying.Match()) + ", which passes requests to a backend: nginx answers 301 to " + Quote(uri+"/")
		if redirect != proxying {
			why += " with the configuration of " + Quote(redirect.Match())
		}
		m.Why = append(m.Why, why)
		return redirect, matchRedirect
	}
	result, kind := (*Location)(nil), matchNone
	noregex := false
	if prefix != nil {
		result, kind = prefix, matchPrefix
		m.Prefix = prefix
		noregex = prefix.Modifier == "^~"
		m.Why = append(m.Why, "longest prefix "+Quote(prefix.Match()))
		if len(prefix.Nested) > 0 {
			r, rk := findIn(prefix.Nested, uri, m)
			if m.Err != nil {
				return nil, matchNone
			}
			switch rk {
			case matchExact, matchRedirect, matchRegex:
				return r, rk
			case matchPrefix:
				result = r
			}
		}
		if noregex {
			m.Why = append(m.Why, Quote(prefix.Match())+" has ^~: regex locations at its level are not tried")
		}
	}
	if !noregex {
		for _, l := range locs {
			if !l.IsRegex() {
				continue
			}
			groups, ok := l.Regex.FindSubmatch(uri)
			if !ok {
				m.Err = l.Regex.Err()
				if m.Err == nil {
					m.Err = errors.New("the regex " + l.Name + " took too long to evaluate")
				}
				return nil, matchNone
			}
			if groups == nil {
				continue
			}
			m.Why = append(m.Why, "first matching regex "+Quote(l.Match()))
			m.Captures = groups
			if nested := nestedRegexes(l); len(nested) > 0 {
				if r, rk := findIn(nested, uri, m); m.Err == nil && rk != matchNone {
					return r, rk
				}
			}
			return l, matchRegex
		}
	}
	return result, kind
}

// autoRedirecting returns the first of ls that is not nil and answers its
// name without the trailing "/" with a 301, or nil.
func autoRedirecting(ls ...*Location) *Location {
	for _, l := range ls {
		if l != nil && l.AutoRedirect() {
			return l
		}
	}
	return nil
}

// nestedRegexes returns the regex locations nested in the regex location
// l. nginx builds the tree of exact and prefix locations only for the
// exact and prefix locations of a level (ngx_http_init_static_location_trees
// walks what remains after the regex and named locations are split off), so
// the exact and prefix locations nested in a regex location are never
// chosen: for "location ~ /r { location /r/t {} }", "/r/t/x" is answered by
// "~ /r" itself.
func nestedRegexes(l *Location) []*Location {
	var out []*Location
	for _, n := range l.Nested {
		if n.IsRegex() {
			out = append(out, n)
		}
	}
	return out
}

// Quote puts s in double quotes as an operator reads it, without escaping
// the backslashes of a regex.
func Quote(s string) string { return `"` + s + `"` }
