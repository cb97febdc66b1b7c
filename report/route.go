package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// RouteAnswer is route's answer as printed; its JSON form is documented in
// the README. It only renders the model's Answer.
type RouteAnswer struct {
	Request  routeRequest   `json:"request"`
	Server   *routeServer   `json:"server"`
	Location *routeLocation `json:"location"`
	Steps    []routeStep    `json:"steps"`
	// URI and Args are $uri and $args at the end.
	URI  string `json:"uri"`
	Args string `json:"args"`
	// Status is set when nginx answers by itself (301, 302, 400, 404,
	// return's code, 500).
	Status   int    `json:"status,omitempty"`
	Redirect string `json:"redirect,omitempty"`
	Text     string `json:"text,omitempty"`
	// ErrorStatus is the status the client gets after an error_page,
	// whatever answers the page.
	ErrorStatus int         `json:"error_status,omitempty"`
	Proxy       *routeProxy `json:"proxy"`
	Handler     string      `json:"handler,omitempty"`
	Unknown     string      `json:"unknown,omitempty"`
	Notes       []string    `json:"notes"`
	// fragment is the context of a fragment file ("location", "server",
	// "http"), for the levels it implies.
	fragment string
}

type routeRequest struct {
	Method  string            `json:"method"`
	URI     string            `json:"uri"`
	Host    string            `json:"host"`
	Port    int               `json:"port"`
	Headers map[string]string `json:"headers"`
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
	// Block is the if or limit_except block whose configuration applies,
	// when one does.
	Block string `json:"block,omitempty"`
}

type routeStep struct {
	At   string `json:"at,omitempty"`
	Text string `json:"text"`
}

type routeProxy struct {
	Method      string      `json:"method"`
	Pass        string      `json:"pass"`
	PassAt      string      `json:"pass_at"`
	URI         *string     `json:"uri"`
	URIWhy      string      `json:"uri_why"`
	HTTPVersion string      `json:"http_version"`
	VersionAt   string      `json:"http_version_at"`
	ReadTimeout string      `json:"read_timeout"`
	TimeoutAt   string      `json:"read_timeout_at"`
	Headers     [][2]string `json:"headers"`
	// Values are the headers' values for this request, "" where a value
	// needs the running nginx ($remote_addr...).
	Values   []*string `json:"values"`
	HeaderAt []string  `json:"headers_at"`
}

// NewRouteAnswer renders a, model.Route's answer; main is the configuration's entry file, named
// for the levels a fragment sits in without writing them.
func NewRouteAnswer(m *model.Model, main string, a *model.Answer, headers map[string]string) *RouteAnswer {
	rq := a.Request
	r := &RouteAnswer{fragment: fragmentKind(m),
		Request: routeRequest{Method: rq.Method, URI: rq.Target, Host: rq.Host, Port: rq.Port, Headers: headers},
		Steps:   []routeStep{}, URI: a.URI, Args: a.Args,
		Status: a.Status, Redirect: a.Redirect, Text: a.Text, ErrorStatus: a.ErrorStatus, Unknown: a.Unknown,
		Notes: append([]string{}, a.Notes...),
	}
	if s := a.Server; s != nil {
		r.Server = &routeServer{Why: a.ServerWhy, Names: serverNames(s), File: main}
		if s.Dir != nil {
			r.Server.File, r.Server.Line = s.Dir.File.Path, int(s.Dir.Start.Line)
		}
	}
	if l := a.Location; l != nil {
		r.Location = &routeLocation{File: main, Match: l.Match(), Why: a.LocationWhy}
		if l.Dir == nil {
			r.Location.Why = []string{"the fragment's directives are the location's"}
		} else {
			r.Location.File, r.Location.Line = l.Dir.File.Path, int(l.Dir.Start.Line)
		}
		if b := a.Block; b != nil && b != l.Block && b.Dir != nil && b.Kind != model.KindServer {
			r.Location.Block = b.Describe() + " at " + b.Dir.Position().String()
		}
	}
	for _, s := range a.Steps {
		st := routeStep{Text: s.Text}
		if s.Dir != nil {
			st.At = s.Dir.Position().String()
		}
		r.Steps = append(r.Steps, st)
	}
	if a.Handler != nil {
		r.Handler = a.Handler.Name + " " + a.Handler.Arg(0) + " (" + a.Handler.Position().String() + ")"
	}
	if a.Static && a.Status == 0 {
		r.Notes = append(r.Notes, "the static module serves files from root: the answer depends on the disk")
	}
	if a.Location == nil && a.Status == 0 && a.Proxy == nil && a.Unknown == "" && a.Server != nil && !a.Static {
		r.Notes = append(r.Notes, "the location does not proxy")
	}
	if p := a.Proxy; p != nil {
		rp := &routeProxy{Method: p.Method, Pass: p.Pass.Arg(0), PassAt: p.Pass.Position().String(), URIWhy: p.Reason, Headers: [][2]string{}, Values: []*string{}, HeaderAt: []string{}}
		if p.Known {
			t := p.Target
			rp.URI = &t
		}
		rp.HTTPVersion, rp.VersionAt = p.HTTPVersion.Value, atOrDefault(p.HTTPVersion.Dir, m)
		rp.ReadTimeout, rp.TimeoutAt = p.ReadTimeout.Value, atOrDefault(p.ReadTimeout.Dir, m)
		for _, h := range p.Headers {
			rp.Headers = append(rp.Headers, [2]string{h.Name, h.Value})
			rp.HeaderAt = append(rp.HeaderAt, atOrDefault(h.Dir, m))
			if h.Known {
				v := h.Sent
				rp.Values = append(rp.Values, &v)
			} else {
				rp.Values = append(rp.Values, nil)
			}
		}
		r.Proxy = rp
		if strings.EqualFold(headers["upgrade"], "websocket") {
			r.Notes = append(r.Notes, handshakeNote(p))
		}
	} else if a.Location != nil && a.Status == 0 && a.Unknown == "" && a.Handler == nil && !a.Static {
		r.Notes = append(r.Notes, "the location does not proxy (no proxy_pass of its own; nested locations do not inherit it)")
	}
	return r
}

func fragmentKind(m *model.Model) string {
	if m.Config != nil && m.Config.Main != nil {
		return m.Config.Main.Ctx.String()
	}
	return "main"
}

// handshakeNote says whether a WebSocket handshake reaches the backend as
// one: HTTP/1.1 with Upgrade: websocket and a Connection that holds
// "upgrade".
func handshakeNote(p *model.ProxyAnswer) string {
	var missing []string
	if p.HTTPVersion.Value != "1.1" {
		missing = append(missing, "HTTP/1.1 (proxy_http_version is "+p.HTTPVersion.Value+")")
	}
	upgrade, connection := "", ""
	for _, h := range p.Headers {
		switch {
		case !h.Known:
			return "the handshake's Upgrade and Connection headers depend on values route cannot compute"
		case strings.EqualFold(h.Name, "upgrade") && upgrade == "":
			upgrade = h.Sent
		case strings.EqualFold(h.Name, "connection") && connection == "":
			connection = h.Sent
		}
	}
	if !strings.EqualFold(upgrade, "websocket") {
		missing = append(missing, "Upgrade: websocket")
	}
	if !strings.Contains(strings.ToLower(connection), "upgrade") {
		missing = append(missing, "Connection: upgrade")
	}
	if len(missing) == 0 {
		return "the handshake reaches the backend as one: HTTP/1.1, Upgrade: websocket, Connection: " + connection
	}
	return "the handshake reaches the backend without " + strings.Join(missing, ", ") + ": the backend answers it as a plain request"
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

func atOrDefault(d *parser.Directive, m *model.Model) string {
	if d != nil {
		return d.Position().String()
	}
	return "nginx default (version " + m.Version.String() + ")"
}

// where is a level's file:line, or, for a level a fragment sits in without
// writing it, the fragment file.
func where(file string, line int, fragment string) string {
	if line == 0 {
		return "(implied: " + file + " is a " + fragment + "-level fragment)"
	}
	return fmt.Sprintf("%s:%d", file, line)
}

func writeRouteText(w io.Writer, r *RouteAnswer) {
	EscapeStrings(r) // input may hold control characters and line breaks
	host := r.Request.Host
	if host == "" {
		host = "(none)"
	}
	fmt.Fprintf(w, "request   %s %s, Host: %s, port %d\n", r.Request.Method, r.Request.URI, host, r.Request.Port)
	names := make([]string, 0, len(r.Request.Headers))
	for n := range r.Request.Headers {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "          %s: %s\n", n, r.Request.Headers[n])
	}
	if s := r.Server; s != nil {
		fmt.Fprintf(w, "server    %s  server_name %s\n          %s\n", where(s.File, s.Line, r.fragment), strings.Join(quoteAll(s.Names), " "), s.Why)
	}
	for _, s := range r.Steps {
		if s.At != "" {
			fmt.Fprintf(w, "step      %s  %s\n", s.At, s.Text)
		} else {
			fmt.Fprintf(w, "step      %s\n", s.Text)
		}
	}
	if l := r.Location; l != nil {
		if l.Line == 0 {
			fmt.Fprintf(w, "location  %s\n", where(l.File, 0, r.fragment))
		} else {
			fmt.Fprintf(w, "location  %s:%d  location %s\n", l.File, l.Line, l.Match)
		}
		for _, why := range l.Why {
			fmt.Fprintf(w, "          %s\n", why)
		}
		if l.Block != "" {
			fmt.Fprintf(w, "          the configuration of %s applies\n", l.Block)
		}
	} else {
		fmt.Fprintln(w, "location  none")
	}
	if r.URI != "" && (r.URI != pathOf(r.Request.URI) || len(r.Steps) > 0) {
		args := ""
		if r.Args != "" {
			args = "?" + r.Args
		}
		fmt.Fprintf(w, "uri       %s%s\n", r.URI, args)
	}
	if r.Unknown != "" {
		fmt.Fprintf(w, "unknown   %s\n", r.Unknown)
	}
	if r.Status != 0 {
		fmt.Fprintf(w, "status    %d (nginx answers itself)\n", r.Status)
		if r.Redirect != "" {
			fmt.Fprintf(w, "redirect  Location: %s\n", r.Redirect)
		}
	}
	if r.ErrorStatus != 0 {
		fmt.Fprintf(w, "status    %d for the client, whatever answers the error page\n", r.ErrorStatus)
	}
	if r.Handler != "" {
		fmt.Fprintf(w, "handler   %s\n", r.Handler)
	}
	if p := r.Proxy; p != nil {
		if p.URI != nil {
			fmt.Fprintf(w, "upstream  %s %s HTTP/%s  via proxy_pass %s  (%s)\n          %s\n", p.Method, *p.URI, p.HTTPVersion, p.Pass, p.PassAt, p.URIWhy)
		} else {
			fmt.Fprintf(w, "upstream  request-target not known statically, HTTP/%s  via proxy_pass %s  (%s)\n          %s\n", p.HTTPVersion, p.Pass, p.PassAt, p.URIWhy)
		}
		fmt.Fprintf(w, "version   proxy_http_version %s  (%s)\n", p.HTTPVersion, p.VersionAt)
		fmt.Fprintf(w, "timeout   proxy_read_timeout %s  (%s)\n", p.ReadTimeout, p.TimeoutAt)
		fmt.Fprintln(w, "headers")
		width := 0
		lines := make([]string, len(p.Headers))
		for i, h := range p.Headers {
			lines[i] = h[0] + ": " + h[1]
			switch v := p.Values[i]; {
			case v == nil || *v == h[1]:
			case *v != "":
				lines[i] += " = " + strconv.Quote(*v)
			case !strings.HasPrefix(p.HeaderAt[i], "nginx default"):
				lines[i] += " = \"\" (not sent)"
			}
			width = max(width, len(lines[i]))
		}
		for i, line := range lines {
			fmt.Fprintf(w, "          %-*s  (%s)\n", width, line, p.HeaderAt[i])
		}
	} else if r.Unknown == "" {
		fmt.Fprintln(w, "upstream  none")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note      %s\n", n)
	}
}

func pathOf(target string) string {
	p, _, _ := strings.Cut(target, "?")
	return p
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

// WriteText writes the answer as route prints it for people; the answer's
// strings are escaped first (configurations may hold control characters).
func (r *RouteAnswer) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	writeRouteText(b, r)
	return b.Flush()
}

// WriteJSON writes the answer as the README documents route's JSON.
func (r *RouteAnswer) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
