package model_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// This file holds what the differential test sends to nginx and how it reads
// the answer: raw HTTP requests written byte for byte on a TCP connection (so
// that targets such as "//a", "/a/../b" or "/a%2Fb" reach nginx exactly as
// written, which Go's HTTP client would normalise), and the request the echo
// backend reports having received.

// dialTimeout and ioTimeout bound every exchange with nginx.
const (
	dialTimeout = 2 * time.Second
	ioTimeout   = 5 * time.Second
)

// maxBody bounds how much of a response body is read.
const maxBody = 1 << 16

// clientHeader is a header the test client sends.
type clientHeader struct{ name, value string }

// wireRequest is one request as sent on the connection.
type wireRequest struct {
	// method is the request method; "GET" when empty.
	method string
	target string
	// host is the Host header; "" sends an HTTP/1.0 request without Host
	// (nginx then uses the default server of the port).
	host    string
	headers []clientHeader
}

// bytes renders the request exactly as written on the wire. Every request
// asks nginx to close the connection after the answer, and the reader does
// not depend on it (it reads one framed response).
func (r wireRequest) bytes() string {
	var b strings.Builder
	method := r.method
	if method == "" {
		method = "GET"
	}
	if r.host == "" {
		b.WriteString(method + " " + r.target + " HTTP/1.0\r\n")
	} else {
		b.WriteString(method + " " + r.target + " HTTP/1.1\r\nHost: " + r.host + "\r\nConnection: close\r\n")
	}
	for _, h := range r.headers {
		b.WriteString(h.name + ": " + h.value + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}

// observed is what nginx did with a request.
type observed struct {
	status int
	// route is the X-Route response header: the tag of the server,
	// location or if block whose configuration answered.
	route string
	// location is the Location header's path and query (scheme and
	// authority removed), for redirects.
	location string
	// body is the response body; echo is set when it is the echo
	// backend's report (the request was proxied).
	body string
	echo *echoed
}

// echoed is the request the echo backend received.
type echoed struct {
	method, target, proto string
	// headers maps canonical header names to their values in order.
	headers map[string][]string
}

// send writes req to addr and reads one response.
func send(addr string, req wireRequest) (*observed, error) {
	conn, err := net.DialTimeout("tcp", addr, dialTimeout)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(ioTimeout)); err != nil {
		return nil, err
	}
	if _, err := io.WriteString(conn, req.bytes()); err != nil {
		return nil, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return nil, fmt.Errorf("reading the response: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("reading the response body: %w", err)
	}
	o := &observed{
		status:   resp.StatusCode,
		route:    strings.Join(resp.Header.Values("X-Route"), ","),
		location: stripAuthority(resp.Header.Get("Location")),
		body:     string(body),
	}
	if m, _, ok := strings.Cut(o.body, " "); ok && len(m) > 0 && len(m) <= 7 && strings.ToUpper(m) == m && strings.Contains(o.body, " HTTP/1.") {
		e, err := parseEcho(o.body)
		if err != nil {
			return nil, err
		}
		o.echo = e
	}
	return o, nil
}

// stripAuthority turns "http://127.0.0.1:8080/ws/?a=1" into "/ws/?a=1".
func stripAuthority(loc string) string {
	if i := strings.Index(loc, "://"); i >= 0 {
		rest := loc[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return ""
	}
	return loc
}

// parseEcho reads nginxtest.EchoBackend's report: the request line, then
// one "Name: value" line per header value.
func parseEcho(body string) (*echoed, error) {
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	first := strings.Split(lines[0], " ")
	if len(first) != 3 {
		return nil, fmt.Errorf("echo backend: unexpected request line %q", lines[0])
	}
	e := &echoed{method: first[0], target: first[1], proto: first[2], headers: map[string][]string{}}
	for _, l := range lines[1:] {
		name, value, ok := strings.Cut(l, ": ")
		if !ok {
			return nil, fmt.Errorf("echo backend: unexpected header line %q", l)
		}
		name = http.CanonicalHeaderKey(name)
		e.headers[name] = append(e.headers[name], value)
	}
	return e, nil
}

// formatHeaders renders a header map in a stable order for messages.
func formatHeaders(h map[string][]string) string {
	names := make([]string, 0, len(h))
	for n := range h {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts []string
	for _, n := range names {
		for _, v := range h[n] {
			parts = append(parts, n+": "+strconv.Quote(v))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// sameHeaders reports whether two header maps hold the same values, in the
// same order for each name.
func sameHeaders(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for n, va := range a {
		vb, ok := b[n]
		if !ok || len(va) != len(vb) {
			return false
		}
		for i := range va {
			if va[i] != vb[i] {
				return false
			}
		}
	}
	return true
}
