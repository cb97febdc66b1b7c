package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

const routeUsage = `Usage: nginx-wslint route [flags] URI [PATH ...]

Shows, without running nginx, what nginx does with a request "GET URI" that
carries "Host: NAME" and arrives on port N: the server and the location it
chooses and why, and for a proxied location the request-target the backend
receives, the request headers nginx sends, proxy_http_version and
proxy_read_timeout, each with the file:line that sets it. Without --host the
request carries no Host header, as an HTTP/1.0 client sends it.

Flags:
`

// routeOptions are route's command line.
type routeOptions struct {
	host, format, version string
	port                  int
	input                 inputOptions
}

func runRoute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o routeOptions
	fs := pflag.NewFlagSet("nginx-wslint route", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {}
	fs.StringVar(&o.host, "host", "", "the request's Host header (default: none)")
	fs.IntVar(&o.port, "port", 80, "the port the request arrives on")
	fs.StringVar(&o.format, "format", "text", "output format: text or json")
	fs.StringVar(&o.version, "nginx-version", "", "the nginx version the configuration runs on, X.Y.Z (defaults that depend on it: proxy_http_version, the default headers)")
	addInputFlags(fs, &o.input)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stdout, routeUsage+fs.FlagUsages())
			return exitOK
		}
		return usageError(stderr, err)
	}
	if fs.NArg() == 0 {
		return usageError(stderr, errors.New("route needs a URI, such as /ws/chat"))
	}
	uri := fs.Arg(0)
	o.input.paths = fs.Args()[1:]
	if !strings.HasPrefix(uri, "/") {
		return usageError(stderr, fmt.Errorf("URI %q must start with \"/\"", uri))
	}
	if o.format != "text" && o.format != "json" {
		return usageError(stderr, fmt.Errorf("invalid value %q for --format: accepted values are text and json", o.format))
	}
	if o.port < 1 || o.port > 65535 {
		return usageError(stderr, fmt.Errorf("invalid value %d for --port: a port is 1 to 65535", o.port))
	}
	var ver model.Version
	if o.version != "" {
		v, err := model.ParseVersion(o.version)
		if err != nil {
			return usageError(stderr, fmt.Errorf("invalid value for --nginx-version: %w", err))
		}
		ver = v
	}
	if err := o.input.validate(); err != nil {
		return usageError(stderr, err)
	}

	res, err := load(o.input, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: %v\n", err)
		return exitError
	}
	if exitCode(res, never) == exitError {
		_ = report.Text(stderr, res, report.Options{Quiet: true})
		fmt.Fprintln(stderr, "nginx-wslint: nginx would refuse this configuration; fix the errors above first")
		return exitError
	}
	if len(res.Configs) != 1 {
		var names []string
		for _, c := range res.Configs {
			names = append(names, c.Main.Path)
		}
		fmt.Fprintf(stderr, "nginx-wslint: route needs one configuration, and %d entry points were found: %s\n", len(res.Configs), strings.Join(names, ", "))
		return exitError
	}
	m := model.Build(res.Configs[0], model.Options{Version: ver})
	r, err := route(m, uri, o.host, o.port)
	if err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: %v\n", err)
		return exitError
	}
	if o.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "nginx-wslint: writing output: %v\n", err)
			return exitError
		}
		return exitOK
	}
	writeRouteText(stdout, r)
	return exitOK
}

// routeResult is route's answer; its JSON form is documented in the README.
type routeResult struct {
	Request  routeRequest   `json:"request"`
	Server   *routeServer   `json:"server"`
	Location *routeLocation `json:"location"`
	// Status is set when nginx answers by itself (301, 400).
	Status   int         `json:"status,omitempty"`
	Redirect string      `json:"redirect,omitempty"`
	Proxy    *routeProxy `json:"proxy"`
	Notes    []string    `json:"notes"`
}

type routeRequest struct {
	Method string `json:"method"`
	URI    string `json:"uri"`
	Host   string `json:"host"`
	Port   int    `json:"port"`
}

type routeServer struct {
	File  string   `json:"file"`
	Line  int      `json:"line"`
	Names []string `json:"names"`
	Why   string   `json:"why"`
}

type routeLocation struct {
	File  string   `json:"file"`
	Line  int      `json:"line"`
	Match string   `json:"match"`
	Why   []string `json:"why"`
}

type routeProxy struct {
	Pass        string         `json:"pass"`
	PassAt      string         `json:"pass_at"`
	URI         *string        `json:"uri"`
	URIWhy      string         `json:"uri_why"`
	HTTPVersion string         `json:"http_version"`
	VersionAt   string         `json:"http_version_at"`
	ReadTimeout string         `json:"read_timeout"`
	TimeoutAt   string         `json:"read_timeout_at"`
	Headers     [][2]string    `json:"headers"`
	HeaderAt    []string       `json:"headers_at"`
	header      []model.Header `json:"-"`
}

// route answers what nginx does with GET uri.
func route(m *model.Model, uri, host string, port int) (*routeResult, error) {
	r := &routeResult{Request: routeRequest{Method: "GET", URI: uri, Host: host, Port: port}, Notes: []string{}}
	sm, ok := m.FindServer(host, port)
	if !ok {
		return nil, fmt.Errorf("no server listens on port %d", port)
	}
	s := sm.Server
	r.Server = &routeServer{Why: sm.Why, Names: []string{}}
	if s.Dir != nil {
		r.Server.File, r.Server.Line = s.Dir.File.Path, int(s.Dir.Start.Line)
	}
	r.Server.Names = serverNames(s)
	path, _, err := model.NormalizeURI(uri, s.MergeSlashes)
	if err != nil {
		// nginx rejects the URI before it reads Host: the port's default
		// server answers the 400.
		r.Status = 400
		r.Notes = append(r.Notes, err.Error())
		if def, ok := m.DefaultServer(port); ok && def != s {
			r.Server.Why = "the URI is refused before the Host header is read: the default server for port " + fmt.Sprint(port) + " answers"
			r.Server.Names = serverNames(def)
			if def.Dir != nil {
				r.Server.File, r.Server.Line = def.Dir.File.Path, int(def.Dir.Start.Line)
			}
		}
		return r, nil
	}
	lm := s.FindLocation(path)
	if lm.Err != nil {
		r.Notes = append(r.Notes, "the location cannot be determined statically: "+lm.Err.Error())
		return r, nil
	}
	if lm.Location == nil {
		r.Notes = append(r.Notes, "no location matches "+path+": the server's own settings answer")
		return r, nil
	}
	loc := lm.Location
	r.Location = &routeLocation{File: loc.Dir.File.Path, Line: int(loc.Dir.Start.Line), Match: loc.Match(), Why: lm.Why}
	if lm.Redirect {
		r.Status = 301
		to := model.EscapeURI(path) + "/"
		if _, args, _ := strings.Cut(uri, "?"); args != "" {
			to += "?" + args
		}
		r.Redirect = to
		r.Notes = append(r.Notes, "nginx answers 301 Moved Permanently to "+to+"; WebSocket clients do not follow redirects")
		return r, nil
	}
	for _, d := range loc.Own {
		switch d.Name {
		case "try_files", "error_page", "return":
			r.Notes = append(r.Notes, fmt.Sprintf("%q at %s may send the request elsewhere; route does not follow it", d.Name, d.Position()))
		case "rewrite":
			r.Notes = append(r.Notes, fmt.Sprintf("\"rewrite\" at %s changes the URI; route does not follow it", d.Position()))
		}
	}
	up, proxied := m.UpstreamTarget(loc.Block, uri, lm.Captures)
	if !proxied {
		if pass, blk := loc.ConditionalPass(); pass != nil {
			// route does not evaluate conditions: show what the block
			// sends when it applies.
			up, proxied = m.UpstreamTarget(blk, uri, lm.Captures)
			r.Notes = append(r.Notes, fmt.Sprintf("the location proxies only inside %s at %s: what follows applies when it does; otherwise the location's own settings answer", blk.Describe(), blk.Dir.Position()))
		}
	}
	if !proxied {
		r.Notes = append(r.Notes, "the location does not proxy (no proxy_pass of its own; nested locations do not inherit it)")
		return r, nil
	}
	p := &routeProxy{Pass: up.Pass.Arg(0), PassAt: at(up.Pass), URIWhy: up.Reason, Headers: [][2]string{}, HeaderAt: []string{}}
	if up.Known {
		t := up.Target
		p.URI = &t
	}
	v := m.HTTPVersion(loc.Block)
	p.HTTPVersion, p.VersionAt = v.Value, atOrDefault(v.Dir, m)
	rt := m.ProxyTimeout(loc.Block, "proxy_read_timeout")
	p.ReadTimeout, p.TimeoutAt = rt.Value, atOrDefault(rt.Dir, m)
	for _, h := range m.SentHeaders(loc.Block) {
		p.Headers = append(p.Headers, [2]string{h.Name, h.Value})
		p.HeaderAt = append(p.HeaderAt, atOrDefault(h.Dir, m))
		p.header = append(p.header, h)
	}
	r.Proxy = p
	return r, nil
}

func serverNames(s *model.Server) []string {
	names := []string{}
	for _, n := range s.Names {
		if n.Dir != nil {
			if n.Kind == "regex" {
				names = append(names, "~"+n.Name)
			} else {
				names = append(names, n.Name)
			}
		}
	}
	return names
}

func at(d *parser.Directive) string { return d.Position().String() }

func atOrDefault(d *parser.Directive, m *model.Model) string {
	if d != nil {
		return at(d)
	}
	return "nginx default (version " + m.Version.String() + ")"
}

func writeRouteText(w io.Writer, r *routeResult) {
	host := r.Request.Host
	if host == "" {
		host = "(none)"
	}
	fmt.Fprintf(w, "request   GET %s, Host: %s, port %d\n", r.Request.URI, host, r.Request.Port)
	if s := r.Server; s != nil {
		where := "server"
		if s.File != "" {
			where = fmt.Sprintf("%s:%d", s.File, s.Line)
		}
		fmt.Fprintf(w, "server    %s  server_name %s\n          %s\n", where, strings.Join(quoteAll(s.Names), " "), s.Why)
	}
	if l := r.Location; l != nil {
		fmt.Fprintf(w, "location  %s:%d  location %s\n", l.File, l.Line, l.Match)
		for _, why := range l.Why {
			fmt.Fprintf(w, "          %s\n", why)
		}
	} else {
		fmt.Fprintln(w, "location  none")
	}
	if r.Status != 0 {
		fmt.Fprintf(w, "status    %d (nginx answers itself)\n", r.Status)
	}
	if p := r.Proxy; p != nil {
		if p.URI != nil {
			fmt.Fprintf(w, "upstream  GET %s HTTP/%s  via proxy_pass %s  (%s)\n          %s\n", *p.URI, p.HTTPVersion, p.Pass, p.PassAt, p.URIWhy)
		} else {
			fmt.Fprintf(w, "upstream  request-target not known statically, HTTP/%s  via proxy_pass %s  (%s)\n          %s\n", p.HTTPVersion, p.Pass, p.PassAt, p.URIWhy)
		}
		fmt.Fprintf(w, "version   proxy_http_version %s  (%s)\n", p.HTTPVersion, p.VersionAt)
		fmt.Fprintf(w, "timeout   proxy_read_timeout %s  (%s)\n", p.ReadTimeout, p.TimeoutAt)
		fmt.Fprintln(w, "headers")
		width := 0
		for _, h := range p.Headers {
			width = max(width, len(h[0])+len(h[1])+2)
		}
		for i, h := range p.Headers {
			line := h[0] + ": " + h[1]
			fmt.Fprintf(w, "          %-*s  (%s)\n", width, line, p.HeaderAt[i])
		}
	} else {
		fmt.Fprintln(w, "upstream  none")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note      %s\n", n)
	}
}

func quoteAll(ss []string) []string {
	if len(ss) == 0 {
		return []string{`""`}
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}
