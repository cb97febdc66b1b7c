package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

const routeUsage = `Usage: nginx-wslint route [flags] URI [PATH ...]

Shows, without running nginx, what nginx does with a request "METHOD URI"
that carries "Host: NAME" and arrives on port N: the server and the location
it chooses and why, every rewrite, set, if, return, break, try_files and
error_page on the way (rewrite cycles and internal redirects followed as
nginx follows them), and the answer: the status nginx gives itself, or for a
proxied request the request-target the backend receives, the request headers
nginx sends with their values for this request, proxy_http_version and
proxy_read_timeout, each with the file:line that sets it. Without --host the
request carries no Host header, as an HTTP/1.0 client sends it. What needs
the running nginx (client addresses; files on disk, unless --root holds a
copy of the server's files) is said, not guessed.

Flags:
`

// routeOptions are route's command line.
type routeOptions struct {
	host, format, version, method string
	headers                       []string
	websocket                     bool
	port                          int
	input                         inputOptions
}

func runRoute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o routeOptions
	fs := pflag.NewFlagSet("nginx-wslint route", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {}
	fs.StringVar(&o.host, "host", "", "the request's Host header (default: none)")
	fs.IntVar(&o.port, "port", 80, "the port the request arrives on")
	fs.StringVar(&o.method, "method", "GET", "the request method")
	fs.StringArrayVar(&o.headers, "header", nil, "a request header NAME:VALUE (repeatable)")
	fs.BoolVar(&o.websocket, "websocket", false, "the request is a WebSocket handshake (Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Key, Sec-WebSocket-Version 13)")
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
	if !validMethod(o.method) {
		return usageError(stderr, fmt.Errorf("invalid value %q for --method: a method is upper-case letters, such as GET or POST", o.method))
	}
	headers := map[string]string{}
	if o.websocket {
		headers = model.WebSocketHeaders()
	}
	for _, h := range o.headers {
		name, value, ok := strings.Cut(h, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return usageError(stderr, fmt.Errorf("invalid value %q for --header: write NAME:VALUE, such as \"Upgrade: websocket\"", h))
		}
		if strings.EqualFold(name, "host") {
			o.host = strings.TrimSpace(value)
			continue
		}
		headers[strings.ToLower(name)] = strings.TrimSpace(value)
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
		fmt.Fprintf(stderr, "nginx-wslint: %s\n", report.Escape(err.Error()))
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
		fmt.Fprintf(stderr, "nginx-wslint: route needs one configuration, and %d entry points were found: %s\n", len(res.Configs), report.Escape(strings.Join(names, ", ")))
		return exitError
	}
	cfg := res.Configs[0]
	m := model.Build(cfg, model.Options{Version: ver})
	a, err := m.Route(model.HTTPRequest{Method: o.method, Target: uri, Host: o.host, Port: o.port, Headers: headers, Files: filesUnder(o.input.root)})
	if err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: %s\n", report.Escape(err.Error()))
		return exitError
	}
	r := report.NewRouteAnswer(m, cfg.Main.Path, a, headers)
	write := r.WriteText
	if o.format == "json" {
		write = r.WriteJSON
	}
	if err := write(stdout); err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: writing output: %v\n", err)
		return exitError
	}
	return exitOK
}

// filesUnder answers what is on disk from root, the copy of the server's
// files --root names: an absolute root directive's paths are read from it;
// a relative one (under nginx's install prefix) cannot be told. nil
// without --root.
func filesUnder(root string) func(string) (bool, bool, bool) {
	if root == "" {
		return nil
	}
	return func(p string) (isFile, isDir, ok bool) {
		if !strings.HasPrefix(p, "/") {
			return false, false, false
		}
		// "/../x" is "/x" on the server: Clean keeps the path inside the
		// root. A copy of /etc/nginx alone does not hold /var/www: a path
		// whose top directory is missing cannot be told.
		p = path.Clean(p)
		top, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		if fi, err := os.Stat(filepath.Join(root, top)); err != nil || !fi.IsDir() {
			return false, false, false
		}
		// A symlink that leads out of the root cannot be told.
		full := filepath.Join(root, filepath.FromSlash(p))
		fi, err := os.Stat(full)
		if err != nil {
			return false, false, errors.Is(err, fs.ErrNotExist)
		}
		if !insideReal(root, full) {
			return false, false, false
		}
		return fi.Mode().IsRegular(), fi.IsDir(), true
	}
}

// insideReal reports whether full's real path lies under root's.
func insideReal(root, full string) bool {
	r, err1 := filepath.EvalSymlinks(root)
	f, err2 := filepath.EvalSymlinks(full)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(r, f)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func validMethod(m string) bool {
	if m == "" || len(m) > 32 {
		return false
	}
	for _, c := range m {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
