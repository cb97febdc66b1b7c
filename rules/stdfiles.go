package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// stdFile is what a standard include file sets, from its real contents:
// the files distributions and tools ship and repositories rarely copy.
type stdFile struct {
	// Sets are the directives the file sets.
	Sets []string
	// Headers are the proxy_set_header names it sets.
	Headers []string
	// Source is where its contents come from.
	Source string
}

// stdFiles maps a file's base name (as included) to its contents' effect.
// A file not listed may set anything.
var stdFiles = map[string]stdFile{
	"mime.types":     {Sets: []string{"types"}, Source: "nginx distribution conf/mime.types"},
	"fastcgi_params": {Sets: []string{"fastcgi_param"}, Source: "nginx distribution conf/fastcgi_params"},
	"fastcgi.conf":   {Sets: []string{"fastcgi_param"}, Source: "nginx distribution conf/fastcgi.conf"},
	"uwsgi_params":   {Sets: []string{"uwsgi_param"}, Source: "nginx distribution conf/uwsgi_params"},
	"scgi_params":    {Sets: []string{"scgi_param"}, Source: "nginx distribution conf/scgi_params"},
	"koi-utf":        {Sets: []string{"charset_map"}, Source: "nginx distribution conf/koi-utf"},
	"koi-win":        {Sets: []string{"charset_map"}, Source: "nginx distribution conf/koi-win"},
	"win-utf":        {Sets: []string{"charset_map"}, Source: "nginx distribution conf/win-utf"},
	"proxy_params": {
		Sets:    []string{"proxy_set_header"},
		Headers: []string{"Host", "X-Real-IP", "X-Forwarded-For", "X-Forwarded-Proto"},
		Source:  "Debian/Ubuntu nginx-common /etc/nginx/proxy_params",
	},
	"fastcgi-php.conf": {
		Sets:   []string{"fastcgi_split_path_info", "try_files", "set", "fastcgi_param", "fastcgi_index", "include"},
		Source: "Debian/Ubuntu nginx-common /etc/nginx/snippets/fastcgi-php.conf (includes fastcgi.conf)",
	},
	"snakeoil.conf": {
		Sets:   []string{"ssl_certificate", "ssl_certificate_key"},
		Source: "Debian/Ubuntu nginx-common /etc/nginx/snippets/snakeoil.conf",
	},
	"options-ssl-nginx.conf": {
		Sets:   []string{"ssl_session_cache", "ssl_session_timeout", "ssl_session_tickets", "ssl_protocols", "ssl_prefer_server_ciphers", "ssl_ciphers"},
		Source: "certbot-nginx certbot_nginx/_internal/tls_configs/options-ssl-nginx.conf (/etc/letsencrypt/options-ssl-nginx.conf)",
	},
	"proxy_params_with_auth": {
		Sets: []string{"proxy_set_header"},
		Headers: []string{"Host", "X-Real-IP", "X-Scheme", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
			"X-Forwarded-Scheme", "X-Forwarded-Ssl", "X-Forwarded-Server", "Ynh-User", "Ynh-User-Email", "Ynh-User-Fullname", "REMOTE_USER", "X-Forwarded-User"},
		Source: "YunoHost conf/nginx/proxy_params_with_auth",
	},
	"proxy_params_no_auth": {
		Sets: []string{"proxy_set_header"},
		Headers: []string{"Host", "X-Real-IP", "X-Scheme", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
			"X-Forwarded-Scheme", "X-Forwarded-Ssl", "X-Forwarded-Server", "Ynh-User", "Ynh-User-Email", "Ynh-User-Fullname", "REMOTE_USER", "X-Forwarded-User"},
		Source: "YunoHost conf/nginx/proxy_params_no_auth",
	},
	"yunohost_panel.conf.inc": {
		Sets:   []string{"sub_filter", "sub_filter_once", "sub_filter_types", "location"},
		Source: "YunoHost conf/nginx/plain/yunohost_panel.conf.inc",
	},
}

// aspect is what a check depends on, for deciding whether an unreadable
// include could change its outcome.
type aspect int

const (
	aspectHeaders     aspect = iota // the Upgrade and Connection proxy_set_header lines
	aspectHTTPVersion               // proxy_http_version
	aspectReadTimeout               // proxy_read_timeout
)

// couldSet reports whether an include of name could set what a aspects.
func couldSet(name string, a aspect) bool {
	f, ok := stdFiles[path.Base(name)]
	if !ok {
		return true
	}
	has := func(d string) bool {
		for _, s := range f.Sets {
			if s == d {
				return true
			}
		}
		return false
	}
	switch a {
	case aspectHeaders:
		if !has("proxy_set_header") {
			return false
		}
		for _, h := range f.Headers {
			if strings.EqualFold(h, "Upgrade") || strings.EqualFold(h, "Connection") {
				return true
			}
		}
		return false
	case aspectHTTPVersion:
		return has("proxy_http_version")
	case aspectReadTimeout:
		return has("proxy_read_timeout")
	}
	return true
}

// Unreadable returns an include that could not be read and could change
// what loc's check of a depends on, or nil. An include can only matter on
// loc's inheritance path, and only where loc does not settle the question
// nearer: its own proxy_set_header lines make outer ones irrelevant, its own
// proxy_read_timeout wins. upTo is the level whose setting is in effect
// (the level whose proxy_set_header lines are used, or that sets the
// directive); nil when none does.
func unreadable(b *model.Block, a aspect, upTo *model.Block) *parser.Directive {
	for l := b; l != nil; l = l.Parent {
		for _, d := range l.Unresolved {
			if couldSet(d.Arg(0), a) {
				return d
			}
		}
		if l == upTo {
			// Outer levels are overridden by this one.
			return nil
		}
	}
	return nil
}

// unreadableHedge words the hedge of a finding an unreadable include could
// change.
func unreadableHedge(d *parser.Directive, what string) string {
	return "; the include " + model.Quote(d.Arg(0)) + " (" + d.Position().String() + ") could not be read and may set " + what
}

// levelOf returns the level at or above b that holds d.
func levelOf(b *model.Block, d *parser.Directive) *model.Block {
	if d == nil {
		return nil
	}
	for l := b; l != nil; l = l.Parent {
		for _, x := range l.Own {
			if x == d {
				return l
			}
		}
	}
	return nil
}

// knownLinesNearer returns an include that could not be read, of a known
// file that sets proxy_set_header lines, at a level of b's inheritance path
// strictly nearer than from (the level whose visible lines are in effect):
// nginx then uses that level's lines, the file's, and inherits none of
// from's. Nil when there is none.
func knownLinesNearer(b, from *model.Block) (*parser.Directive, stdFile) {
	for l := b; l != nil && l != from; l = l.Parent {
		for _, d := range l.Unresolved {
			f, ok := stdFiles[path.Base(d.Arg(0))]
			if !ok {
				continue
			}
			for _, set := range f.Sets {
				if set == "proxy_set_header" {
					return d, f
				}
			}
		}
	}
	return nil, stdFile{}
}

// setsHeader reports whether a known file sets header name.
func (f stdFile) setsHeader(name string) bool {
	for _, h := range f.Headers {
		if strings.EqualFold(h, name) {
			return true
		}
	}
	return false
}

// shadowedBy reports, for header name set at from and apparently in effect
// at b, the unread known include whose own proxy_set_header lines take its
// place (nil when none does), and the message clause that explains it.
func shadowedBy(b, from *model.Block, name string) (*parser.Directive, string) {
	if from == nil {
		return nil, ""
	}
	inc, f := knownLinesNearer(b, from)
	if inc == nil || f.setsHeader(name) {
		return nil, ""
	}
	return inc, fmt.Sprintf("the include %s (%s, not in this copy) sets proxy_set_header lines of its own (%s) at a nearer level, so nginx uses those and the %s header set at %s is not inherited",
		model.Quote(inc.Arg(0)), f.Source, strings.Join(f.Headers, ", "), name, levelDesc(from))
}

func levelDesc(b *model.Block) string {
	if b.Kind == model.KindServer || b.Kind == model.KindHTTP {
		return describeLevel(b)
	}
	return b.Describe()
}
