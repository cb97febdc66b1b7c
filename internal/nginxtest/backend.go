package nginxtest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
)

// EchoBackend starts an HTTP server on 127.0.0.1 for nginx to proxy to and
// returns its address ("127.0.0.1:PORT", ready for proxy_pass http://ADDR).
// It is closed when the test ends.
//
// Every request is answered 200 text/plain with what the backend received,
// so a test can see what nginx actually forwarded:
//
//	GET /x?a=1 HTTP/1.0
//	Connection: close
//	Host: 127.0.0.1:40123
//	User-Agent: Go-http-client/1.1
//
// The first line is the request line, built from r.RequestURI so the
// target appears as sent (not re-encoded). Then one "Name: value" line per
// header value, sorted by name (values of one name keep their order), with
// Go's canonical name spelling. Host and Transfer-Encoding, which Go moves
// out of r.Header, are put back; Connection and Upgrade are shown with
// their raw values, because whether nginx forwards them is exactly what
// WebSocket proxying depends on. The request body is read and discarded.
func EchoBackend(t testing.TB) (addr string) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(echo))
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

// echo is EchoBackend's handler.
func echo(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	var lines []string
	for name, values := range r.Header {
		for _, v := range values {
			lines = append(lines, name+": "+v)
		}
	}
	if r.Host != "" {
		lines = append(lines, "Host: "+r.Host)
	}
	if len(r.TransferEncoding) > 0 && r.Header.Get("Transfer-Encoding") == "" {
		lines = append(lines, "Transfer-Encoding: "+strings.Join(r.TransferEncoding, ", "))
	}
	// Stable: sort by name only, so repeated headers keep their order.
	sort.SliceStable(lines, func(i, j int) bool {
		return headerName(lines[i]) < headerName(lines[j])
	})
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "%s %s %s\n", r.Method, r.RequestURI, r.Proto)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// headerName returns the name part of a "Name: value" line.
func headerName(line string) string {
	name, _, _ := strings.Cut(line, ":")
	return name
}
