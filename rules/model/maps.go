package model

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// Map is a map block at the http level.
type Map struct {
	Dir *parser.Directive
	// Source is the complex value looked up, such as "$http_upgrade".
	Source string
	// Var is the defined variable's name, lower-cased, without "$".
	Var       string
	Default   *MapEntry // nil when the map has no default (the result is "")
	Hostnames bool
	Volatile  bool
	// Entries are the key lines, included files expanded, in order.
	Entries []*MapEntry
}

// MapEntry is one "key value;" line of a map.
type MapEntry struct {
	Dir      *parser.Directive
	Key      string // for an exact key, lower-cased as nginx stores it
	Value    string
	Regex    *Regex // for ~ and ~* keys
	IsRegex  bool
	Caseless bool
}

func (b *builder) addMap(d *parser.Directive) {
	mp := &Map{Dir: d, Source: d.Arg(0), Var: strings.ToLower(strings.TrimPrefix(d.Arg(1), "$"))}
	expand(d.Block.Directives, func(e *parser.Directive) {
		switch {
		case e.Name == "hostnames" && len(e.Words) == 1:
			mp.Hostnames = true
			return
		case e.Name == "volatile" && len(e.Words) == 1:
			mp.Volatile = true
			return
		case len(e.Words) != 2:
			return // nginx: invalid number of the map parameters
		}
		key, value := e.Words[0].Value, e.Words[1].Value
		entry := &MapEntry{Dir: e, Value: value}
		switch {
		case key == "default" && e.Words[0].Quote() == parser.Unquoted:
			mp.Default = entry
			return
		case strings.HasPrefix(key, "~*"):
			entry.IsRegex, entry.Caseless, entry.Key = true, true, key[2:]
		case strings.HasPrefix(key, "~"):
			entry.IsRegex, entry.Key = true, key[1:]
		case strings.HasPrefix(key, `\`):
			entry.Key = strings.ToLower(key[1:])
		default:
			entry.Key = strings.ToLower(key)
		}
		if entry.IsRegex {
			entry.Regex = CompileRegex(entry.Key, entry.Caseless)
		}
		mp.Entries = append(mp.Entries, entry)
	})
	b.m.Maps = append(b.m.Maps, mp)
	// Two maps defining one variable are accepted; the last one wins.
	b.m.maps[mp.Var] = mp
}

// MapFor returns the map that defines the variable name (with or without
// "$", any case), or nil.
func (m *Model) MapFor(name string) *Map {
	return m.maps[strings.ToLower(strings.TrimPrefix(name, "$"))]
}

// Lookup returns the map's value for the source value src, and the entry
// that gave it (nil when the result is "" for want of a default): exact keys
// first (case-insensitively), then, in a hostnames map, the longest
// matching ".x" or "*.x" key and then the longest "x.*" key, then regexes in
// order (never for an empty source), then the default. ok is false when a
// regex cannot be evaluated.
func (mp *Map) Lookup(src string) (value string, entry *MapEntry, ok bool) {
	value, entry, _, ok = mp.lookup(src)
	return value, entry, ok
}

// lookup is Lookup that also returns the groups of the regex key that
// matched ($0, $1, ...), which the value's $1... refer to.
func (mp *Map) lookup(src string) (value string, entry *MapEntry, groups []string, ok bool) {
	if mp.Hostnames {
		// ngx_http_map_variable drops one trailing dot of a host name.
		src = strings.TrimSuffix(src, ".")
	}
	lower := strings.ToLower(src)
	for _, e := range mp.Entries {
		if !e.IsRegex && e.Key == lower && (!mp.Hostnames || !isWildcard(e.Key)) {
			return e.Value, e, nil, true
		}
	}
	if mp.Hostnames {
		// With hostnames, nginx stores ".x", "*.x" and "x.*" keys as
		// wildcards (NGX_HASH_WILDCARD_KEY) and ngx_hash_find_combined
		// tries the leading ones, then the trailing ones, the most
		// specific first; without hostnames they are plain keys.
		for _, leading := range []bool{true, false} {
			var best *MapEntry
			bestLen := -1
			for _, e := range mp.Entries {
				if e.IsRegex || !isWildcard(e.Key) || strings.HasSuffix(e.Key, ".*") == leading {
					continue
				}
				if matched, n := matchWildcard(e.Key, lower); matched && n > bestLen {
					best, bestLen = e, n
				}
			}
			if best != nil {
				return best.Value, best, nil, true
			}
		}
	}
	if src != "" {
		for _, e := range mp.Entries {
			if !e.IsRegex {
				continue
			}
			groups, evaluable := e.Regex.FindSubmatch(src)
			if !evaluable {
				return "", nil, nil, false
			}
			if groups != nil {
				return e.Value, e, groups, true
			}
		}
	}
	if mp.Default != nil {
		return mp.Default.Value, mp.Default, nil, true
	}
	return "", nil, nil, true
}

// isWildcard reports whether a host name is a wildcard: "*.x", ".x" or
// "x.*".
func isWildcard(name string) bool {
	return strings.HasPrefix(name, "*.") || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".*")
}
