//go:build linux

package parser_test

// TestNginxAgreement proves that the parser accepts a configuration exactly
// when `nginx -t` (Debian's 1.22.1) accepts it, and that for a rejected one it
// reports the file and line nginx reports. It runs on every file of the
// real-world corpus (../testdata/corpus/realworld) and on the broken and
// tricky configurations of ../testdata/agreement (*.nginx), each of which
// states on its first line what nginx does with it ("# want: accept", "# want: reject [FILE:]LINE MESSAGE",
// "# want: exclusion MESSAGE", "# want: not modelled MESSAGE"), plus some
// generated in the test (tokens around the 4096-byte limit, CRLF and CR line
// ends, a UTF-8 byte order mark, a NUL byte). For a fixture the parser's
// message must also read exactly as nginx's.
//
// # Making a file loadable without changing its line numbers
//
// A fragment is never edited: a generated main file (no ".conf" suffix, so
// that no glob of the fragment can match it) in the fragment's own directory
// includes it inside "http { }", "http { server { } }" or
// "http { server { location / { } } }", as parser.InferContext says, so nginx
// reports the fragment's own lines and resolves its relative includes
// against its own directory, as the parser does. A main file (context main)
// is nginx's -c file itself, with -g "load_module ..." when it has a stream
// block (Debian builds stream as a dynamic module).
//
// Everything else a configuration names is stubbed in a private root: the
// test re-executes its own binary (TestNginxAgreementNamespaceHelper) in a
// new mount namespace (clone with CLONE_NEWNS, then every mount made
// private, which is what `unshare --mount --propagation private` does); the
// helper builds the root by bind-mounting, read-only, the host's /usr,
// /lib*, /bin, /sbin, /etc, /dev and /proc into a temporary directory that
// already holds the stubs, chroots there and executes
// nginx -p /nginx-wslint-prefix/ -e /nginx-wslint-prefix/logs/error.log
// -c FILE -t. The files nginx reads keep their absolute paths there, so its
// messages name them as the parser does. The stubs are derived from the
// parsed configuration, never listed per file:
//
//   - include targets: an empty file (a file next to a fixture is copied);
//     the directory of a glob include: an empty directory;
//   - ssl_certificate, *_ssl_certificate, ssl_trusted_certificate,
//     ssl_client_certificate: a self-signed certificate made with
//     crypto/x509; *_certificate_key: its key; ssl_dhparam: the RFC 7919
//     ffdhe2048 group; ssl_crl: an empty CRL; ssl_session_ticket_key: 80
//     bytes; *_password_file, auth_basic_user_file: a small file;
//   - access_log, error_log, pid, lock_file: their directory;
//     *_temp_path, *_cache_path: the directory itself;
//   - user: an entry in a copy of /etc/passwd and /etc/group;
//   - host names in proxy_pass and the other *_pass, upstream servers,
//     listen, resolver and set_real_ip_from: 127.0.0.1 in a stub /etc/hosts
//     (and an /etc/resolv.conf pointing at 127.0.0.1, so that a name we
//     missed fails fast instead of waiting for DNS);
//   - the paths nginx is compiled with (nginx -V: pid, lock, logs, temp
//     directories), so that even a configuration that does not set them
//     writes nothing outside the temporary root. A directory that holds a
//     stub (/etc/nginx, /var/log/nginx, /run...) is replaced whole, so the
//     host's own files there are never read, and nothing of the host is
//     writable in the root.
//
// The parser reads the same files (through an FS on the temporary root), so
// neither side meets a missing file and Error.Missing cannot occur.
//
// # Classifying a difference
//
// Every file ends in one of four classes, and only the last fails the test:
//
//	(a) agreement: both accept, or both reject at the same file and line;
//	(b) documented exclusion: nginx stops at something this nginx build
//	    cannot load and the parser rightly keeps, at a place where the
//	    parser reports nothing (agreementExclusions, each with its reason:
//	    third-party and newer directives, template placeholders);
//	(c) semantic check not modelled by the parser yet: nginx rejects a
//	    value, a variable, a duplicate... that the parser does not judge
//	    (agreementNotModelled, an explicit allow-list of message patterns,
//	    so that a new kind of difference fails the test);
//	(d) a real disagreement.
//
// After a (b) or (c) error, the copy nginx reads is changed so that nginx
// can go on, and nginx runs again; the parser's result on the original file
// must then agree with what nginx says about the rest. Every change keeps
// each byte's offset and line: the directive nginx stopped at (or the
// offending word) is blanked, that is each byte but line ends replaced by a
// space; a template placeholder is filled with a valid value; a variable
// defined nowhere gets a stub map in the http block. So one third-party
// directive does not hide the rest of a file from the comparison.
//
// Fixtures on which the parser is known to differ are listed in
// agreementKnownBugs and skipped with the difference.

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/parser"
)

// agreementAction is what the test changes in the copy nginx reads after an
// excluded error, so that nginx can go on to the rest of the file. Every
// change keeps each byte's offset and line.
type agreementAction int

const (
	// blankNamed blanks every directive whose name matches the
	// exclusion's Directive (the parser must have kept all of them
	// without an error).
	blankNamed agreementAction = iota
	// blankDirective blanks the directive nginx stopped at.
	blankDirective
	// blankWord blanks the word nginx quotes in its message
	// (`invalid parameter "quic"`) in the directive it stopped at.
	blankWord
	// fillPlaceholders replaces the template placeholders of the
	// directive nginx stopped at by "1", which is a valid port, count,
	// rate, size and IPv4 address (0.0.0.1), or by "on" where nginx asks
	// for "on" or "off".
	fillPlaceholders
)

// agreementExclusion is an nginx error the comparison cannot avoid, with the
// reason. It applies only where the parser kept the directive nginx stopped
// at without an error of its own.
type agreementExclusion struct {
	// Key names the exclusion in reports.
	Key string
	// Message matches nginx's message text.
	Message *regexp.Regexp
	// Directive matches the name of the directive nginx stopped at (nil:
	// any); it must be at nginx's line in the parsed tree.
	Directive *regexp.Regexp
	Action    agreementAction
	// TemplateOnly limits the exclusion to files the corpus manifest marks
	// as templates.
	TemplateOnly bool
	Reason       string
}

// agreementPlaceholderRE matches the placeholders of the corpus templates:
// envsubst's ${VAR}, kiauh's %NAME% and YunoHost's __NAME__.
var agreementPlaceholderRE = regexp.MustCompile(`\$\{[A-Z_][A-Z0-9_]*\}|%[A-Z_]+%|__[A-Z]+__`)

// The exclusion of template placeholders, also applied to a variable nginx
// finds nowhere when the template has a ${NAME} placeholder of that name.
const (
	agreementTemplateKey    = "template placeholder"
	agreementTemplateReason = "a template (corpus manifest kind) with a placeholder where nginx wants a value or sees a variable; " +
		"the parser does not judge values; the test fills the placeholder (1, or on) and nginx goes on"
)

// agreementStructuralRE matches the messages of nginx's reader and
// ngx_conf_handler, which the parser models: no exclusion may excuse them.
var agreementStructuralRE = regexp.MustCompile(`^(unexpected |too long parameter|unknown directive |directive "[^"]*" (has no opening|is not terminated)|"[^"]*" directive is not allowed here$|invalid number of arguments in )`)

// agreementExclusions lists every nginx error accepted as (b). Each entry
// says why the parser is right to accept what this nginx rejects.
var agreementExclusions = []agreementExclusion{
	{Key: `unknown directive "http2"`, Message: unknownDirectiveRE, Directive: regexp.MustCompile(`^http2$`),
		Reason: `"http2 on" is nginx >= 1.25.1; the parser knows it from its table of directives newer than 1.22.1`},
	{Key: `unknown directive "http3", "quic_*"`, Message: unknownDirectiveRE, Directive: regexp.MustCompile(`^(http3|http3_[a-z_]+|quic_[a-z_]+)$`),
		Reason: "HTTP/3 and QUIC are nginx >= 1.25.0; the parser knows them from its table of directives newer than 1.22.1"},
	{Key: `listen ... quic`, Message: regexp.MustCompile(`^invalid parameter "quic"$`), Directive: regexp.MustCompile(`^listen$`), Action: blankDirective,
		Reason: "the quic parameter of listen (a UDP socket) is nginx >= 1.25.0; the parser does not judge listen parameters"},
	{Key: `upstream server ... resolve`, Message: regexp.MustCompile(`^invalid parameter "resolve"$`), Directive: regexp.MustCompile(`^server$`), Action: blankWord,
		Reason: "the resolve parameter of an upstream server is nginx >= 1.27.3 (NGINX Plus before); the parser does not judge server parameters"},
	{Key: `aio on`, Message: regexp.MustCompile(`^"aio on" is unsupported on this platform$`), Directive: regexp.MustCompile(`^aio$`), Action: blankDirective,
		Reason: "file AIO needs nginx built --with-file-aio, which Debian's package is not; a build option, not syntax"},
	{Key: `unknown directive "vod_*"`, Message: unknownDirectiveRE, Directive: regexp.MustCompile(`^vod(_[a-z_]+)?$`),
		Reason: "nginx-vod-module (Kaltura), built into Frigate's own nginx; a third-party directive the parser keeps"},
	{Key: `unknown directive "*_by_lua*", "lua_*"`, Message: unknownDirectiveRE, Directive: regexp.MustCompile(`^([a-z_]+_by_lua(_block|_file)?|lua_[a-z_]+)$`),
		Reason: "lua-nginx-module (OpenResty), which Debian's nginx 1.22.1 lacks; the parser keeps the directives and reads *_by_lua_block bodies as Lua, as that module does"},
	{Key: `unknown directive "secure_token*"`, Message: unknownDirectiveRE, Directive: regexp.MustCompile(`^secure_token(_[a-z_]+)?$`),
		Reason: "nginx-secure-token-module (Kaltura), built into Frigate's own nginx; a third-party directive the parser keeps"},
	// Any message but the structural ones (agreementStructuralRE), at a
	// directive whose text holds a placeholder.
	{Key: agreementTemplateKey, Message: regexp.MustCompile(``), Action: fillPlaceholders, TemplateOnly: true, Reason: agreementTemplateReason},
}

// agreementSemantic is a kind of nginx error the parser does not model yet.
type agreementSemantic struct {
	Message *regexp.Regexp
	Kind    string
}

// agreementNotModelled is the allow-list of (c): nginx messages about
// values, variables and duplicates that a syntax-and-context parser does not
// judge. A message that matches none of them and that the parser does not
// report fails the test, so a new kind of difference is never waved through.
var agreementNotModelled = []agreementSemantic{
	{regexp.MustCompile(`^unknown "[^"]+" variable$`),
		"variable defined nowhere (nginx checks after the whole http block; in the corpus the map is in another file; the test then defines it with a stub map and goes on)"},
	{regexp.MustCompile(`^no "ssl_certificate" is defined for the "listen \.\.\. ssl" directive$`),
		"listen ... ssl in a server without ssl_certificate (often in an include the test stubs empty)"},
	{regexp.MustCompile(`^"[a-z0-9_]+" directive is duplicate$`),
		"a directive that may appear once per block given twice"},
	{regexp.MustCompile(`^"[a-z]+_pass" cannot have URI part in location given by regular expression`),
		"proxy_pass (or another *_pass) with a URI where nginx forbids one: regex or named location, if, limit_except"},
}

// TestNginxAgreement runs the corpus and the fixtures; see the file comment.
func TestNginxAgreement(t *testing.T) {
	start := time.Now()
	env := newAgreementEnv(t)

	var rows []agreementRow
	t.Run("corpus", func(t *testing.T) {
		dir := corpusDir(t)
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		kinds := agreementManifestKinds(t, abs)
		entries, err := os.ReadDir(abs)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".conf") {
				continue
			}
			n++
			p := filepath.Join(abs, e.Name())
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			c := agreementCase{Name: e.Name(), Path: p, Src: string(src), Template: kinds[e.Name()] == "template"}
			t.Run(e.Name(), func(t *testing.T) {
				out := env.run(t, c)
				rows = append(rows, agreementRow{"corpus", c.Name, out})
				if out.Class == classDisagree {
					t.Errorf("%s: nginx and the parser disagree: %s", c.Name, out.Detail)
				}
			})
		}
		if n < 60 {
			t.Errorf("only %d corpus files in %s", n, abs)
		}
	})

	t.Run("fixtures", func(t *testing.T) {
		seen := map[string]bool{}
		for _, c := range agreementFixtures(t) {
			seen[c.Name] = true
			t.Run(c.Name, func(t *testing.T) {
				out := env.run(t, c)
				rows = append(rows, agreementRow{"fixture", c.Name, out})
				checkAgreementWant(t, c, out)
			})
		}
		for name := range agreementKnownBugs {
			if !seen[name] {
				t.Errorf("agreementKnownBugs names %q, which is no fixture", name)
			}
		}
	})

	logAgreementTable(t, rows)
	t.Logf("%d nginx runs in %v", env.runs, time.Since(start).Round(time.Millisecond))
}

// ---------------------------------------------------------------------------
// Cases and outcomes

// agreementCase is one configuration to compare.
type agreementCase struct {
	Name string
	// Path is the absolute path of the main file: where the parser and
	// nginx (inside the private root) read it.
	Path string
	Src  string
	// RealIncludes reads included files below the main file's directory
	// from the disk (fixtures); otherwise every include target is empty.
	RealIncludes bool
	// Template marks corpus files the manifest calls templates.
	Template bool
	// Want is the fixture's expectation ("" for corpus files).
	Want agreementWant
}

// agreementWant is a fixture's "# want:" line.
type agreementWant struct {
	Class   string // classAgree, classExclusion or classSemantic
	Reject  bool   // for classAgree: nginx rejects
	Line    int    // for a rejection: the line nginx reports
	File    string // and its file's base name ("": the fixture)
	Message string // a substring of nginx's message
}

const (
	classAgree     = "agree"
	classExclusion = "exclusion"
	classSemantic  = "not modelled"
	classDisagree  = "DISAGREE"
)

// agreementOutcome is what the comparison found for one case.
type agreementOutcome struct {
	Class  string
	Reject bool // for classAgree: both reject
	// Events are the (b) and (c) errors passed over, in order.
	Events []agreementEvent
	// Nginx is nginx's final error ("" when it accepted in the end);
	// Ours is the parser's first error ("" when it accepts).
	Nginx, Ours string
	// NginxMsg and OurMsg are the final messages without location.
	NginxMsg, OurMsg string
	NginxFile        string // base name
	NginxLine        int
	Detail           string
}

// agreementEvent is one (b) or (c) nginx error.
type agreementEvent struct {
	Class   string
	Key     string // the exclusion's directive or the not-modelled kind
	Message string // nginx's message with its location
	Reason  string
}

type agreementRow struct {
	Set, Name string
	Out       agreementOutcome
}

// ---------------------------------------------------------------------------
// Environment: nginx, its build paths, the certificate, the namespace check

type agreementEnv struct {
	bin         string
	modulesPath string
	// defaults are the paths nginx is compiled with; they are stubbed in
	// every root so that nginx never writes to the host's.
	defaultFiles []string // pid, lock, log files: their directories are replaced
	defaultDirs  []string // temp directories: replaced
	cert, key    []byte
	crl          []byte
	hostNS       string
	runs         int
}

const (
	agreementHelperEnv = "NGINX_WSLINT_AGREEMENT_HELPER"
	// agreementPrefix is nginx's -p inside the private root.
	agreementPrefix = "/nginx-wslint-prefix"
	// agreementWrapper is the generated main file of a fragment, in the
	// fragment's directory. No ".conf" suffix: a fragment's glob include
	// must not match it.
	agreementWrapper = "nginx-wslint-agreement-main"
	// agreementPort is the wrapper server's listen port; nginx -t binds
	// nothing.
	agreementPort = 19997
	// helperFailed is the helper's exit status when it could not start
	// nginx (nginx itself exits 0 or 1).
	helperFailed = 111
)

func newAgreementEnv(t *testing.T) *agreementEnv {
	t.Helper()
	env := &agreementEnv{bin: nginxtest.Binary(t)}
	if os.Geteuid() != 0 {
		agreementUnavailable(t, "TestNginxAgreement needs root to run nginx in a private mount namespace")
	}
	ns, err := os.Readlink("/proc/self/ns/mnt")
	if err != nil {
		agreementUnavailable(t, "no mount namespaces: %v", err)
	}
	env.hostNS = ns

	ctx, cancel := context.WithTimeout(context.Background(), nginxtest.TestTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, env.bin, "-V").CombinedOutput()
	if err != nil {
		t.Fatalf("nginx -V: %v\n%s", err, out)
	}
	env.modulesPath = "/usr/lib/nginx/modules"
	for _, arg := range strings.Fields(string(out)) {
		k, v, ok := strings.Cut(strings.TrimPrefix(arg, "--"), "=")
		if !ok || !strings.HasPrefix(v, "/") {
			continue
		}
		switch {
		case k == "modules-path":
			env.modulesPath = v
		case k == "pid-path" || k == "lock-path" || k == "error-log-path" || k == "http-log-path":
			env.defaultFiles = append(env.defaultFiles, v)
		case strings.HasSuffix(k, "-temp-path"):
			env.defaultDirs = append(env.defaultDirs, v)
		}
	}
	env.cert, env.key, env.crl = agreementCertificate(t)
	return env
}

// agreementUnavailable skips, or fails in CI, like nginxtest does.
func agreementUnavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format+" [CI is set, so this is an error instead of a skip]", args...)
	}
	t.Skipf(format, args...)
}

// agreementCertificate makes a self-signed ECDSA certificate, its key and an
// empty CRL signed by it.
func agreementCertificate(t *testing.T) (certPEM, keyPEM, crlPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "nginx-wslint agreement test"},
		NotBefore:             time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	crl, err := x509.CreateRevocationList(rand.Reader, &x509.RevocationList{
		Number: big.NewInt(1), ThisUpdate: tmpl.NotBefore, NextUpdate: tmpl.NotAfter,
	}, cert, key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}),
		pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: crl})
}

// agreementDHParams is the RFC 7919 ffdhe2048 group, as
// `openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048` prints it.
const agreementDHParams = `-----BEGIN DH PARAMETERS-----
MIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz
+8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a
87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7
YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi
7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD
ssbzSibBsu/6iGtCOGEoXJf//////////wIBAg==
-----END DH PARAMETERS-----
`

// agreementManifestKinds reads the corpus manifest's "kind" column.
func agreementManifestKinds(t *testing.T, dir string) map[string]string {
	t.Helper()
	kinds := map[string]string{}
	b, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Logf("no corpus manifest (%v): no file is treated as a template", err)
		return kinds
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) == 0 {
		return kinds
	}
	col := slices.Index(strings.Split(lines[0], "\t"), "kind")
	if col < 0 {
		t.Fatalf("corpus manifest has no kind column")
	}
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) > col {
			kinds[f[0]] = f[col]
		}
	}
	return kinds
}

// ---------------------------------------------------------------------------
// Running one case

// agreementCopy is a file nginx reads that the test may change: blanked
// directives (same length) and substitutions kept in the original's offsets.
type agreementCopy struct {
	orig string
	cur  []byte // orig with the blanks applied
	subs []agreementSub
}

type agreementSub struct {
	off, n int
	text   string
}

func newAgreementCopy(src string) *agreementCopy {
	return &agreementCopy{orig: src, cur: []byte(src)}
}

// blank replaces bytes [from, to) by spaces, line ends kept.
func (c *agreementCopy) blank(from, to int) {
	for i := from; i < to && i < len(c.cur); i++ {
		if c.cur[i] != '\n' && c.cur[i] != '\r' {
			c.cur[i] = ' '
		}
	}
}

// render is the text nginx reads: the blanked copy with the substitutions
// that no blank has covered, and the extra ones (insertions) given.
func (c *agreementCopy) render(extra ...agreementSub) string {
	var subs []agreementSub
	for _, s := range append(append([]agreementSub(nil), c.subs...), extra...) {
		if string(c.cur[s.off:s.off+s.n]) == c.orig[s.off:s.off+s.n] {
			subs = append(subs, s)
		}
	}
	sort.SliceStable(subs, func(i, j int) bool { return subs[i].off > subs[j].off })
	out := append([]byte(nil), c.cur...)
	for _, s := range subs {
		out = append(out[:s.off], append([]byte(s.text), out[s.off+s.n:]...)...)
	}
	return string(out)
}

// run compares the parser with nginx on one case.
func (env *agreementEnv) run(t *testing.T, c agreementCase) agreementOutcome {
	t.Helper()
	ctx := parser.InferContext(c.Src)
	mainDir := path.Dir(c.Path)

	// Phase 1: learn what the configuration reads, with every include
	// target empty (or real, next to a fixture).
	rec := &agreementRecordFS{mainDir: mainDir, real: c.RealIncludes, content: map[string]string{}}
	cfg0 := parser.ParseBytes(c.Path, c.Src, parser.Options{Context: ctx, FS: rec})

	root := filepath.Join(t.TempDir(), "root")
	sb := newAgreementSandbox(root)
	copies := map[string]*agreementCopy{c.Path: newAgreementCopy(c.Src)}
	for name, content := range rec.content {
		copies[name] = newAgreementCopy(content)
	}
	sb.opaque(mainDir)
	for _, name := range rec.reads {
		if copies[name] == nil {
			sb.file(name, "", true)
		}
	}
	for _, pattern := range rec.globs {
		sb.opaque(globDir(pattern))
	}
	env.stubConfig(t, sb, cfg0, mainDir)

	// The main file nginx runs.
	conf := c.Path
	var gflags []string
	switch ctx {
	case parser.CtxMain:
		if lm := env.moduleFor(t, cfg0); lm != "" {
			gflags = append(gflags, "-g", lm)
		}
	default:
		conf = path.Join(mainDir, agreementWrapper)
		sb.file(conf, agreementWrapperText(ctx, c.Path, ""), false)
	}
	for name, cp := range copies {
		sb.file(name, cp.orig, false)
	}
	if err := sb.build(); err != nil {
		t.Fatal(err)
	}

	// Phase 2: the parse that is compared, reading exactly the files nginx
	// reads.
	cfg := parser.ParseBytes(c.Path, c.Src, parser.Options{Context: ctx, FS: agreementRootFS{root: root}})
	var ours *parser.Error
	for _, e := range cfg.Errors {
		if e.Missing {
			t.Errorf("%v: include target missing although stubbed", e)
			continue
		}
		if ours == nil {
			ours = e
		}
	}

	out := agreementOutcome{}
	if ours != nil {
		out.Ours = fmt.Sprintf("%s:%d: %s", agreementShort(ours.File), ours.Line, ours.Msg)
		out.OurMsg = ours.Msg
	}
	// Variables nginx found defined nowhere get a stub map: in the
	// wrapper's http block, or just before the "}" that closes the main
	// file's http block (on the same line, so no line moves; at the end,
	// because a map sets the map_hash_* defaults that a later
	// map_hash_bucket_size would then duplicate).
	var stubVars []string
	httpClose := -1
	for _, d := range cfg.Main.Directives {
		if d.Name == "http" && d.Block != nil {
			httpClose = int(d.Block.Close.Offset)
		}
	}
	for iter := 0; iter < 40; iter++ {
		maps := ""
		for _, v := range stubVars {
			maps += " map \"\" $" + v + " { default \"\"; }"
		}
		for name, cp := range copies {
			var extra []agreementSub
			if name == c.Path && ctx == parser.CtxMain && maps != "" {
				extra = append(extra, agreementSub{off: httpClose, text: maps})
			}
			if err := os.WriteFile(filepath.Join(root, name), []byte(cp.render(extra...)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if ctx != parser.CtxMain {
			if err := os.WriteFile(filepath.Join(root, conf), []byte(agreementWrapperText(ctx, c.Path, maps)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res := env.nginx(t, sb, conf, gflags)
		if res.OK {
			out.Nginx, out.NginxMsg, out.NginxFile, out.NginxLine = "", "", "", 0
			if ours != nil {
				out.Class = classDisagree
				out.Detail = "nginx accepts, the parser rejects: " + out.Ours
				return out
			}
			out.Class = agreementFinalClass(out.Events)
			return out
		}
		msg, ok := agreementFirstError(res)
		if !ok {
			out.Class = classDisagree
			out.Detail = "nginx failed without a diagnostic:\n" + res.Output
			return out
		}
		out.Nginx = agreementMsgString(msg, conf)
		out.NginxMsg, out.NginxFile, out.NginxLine = msg.Text, path.Base(msg.File), msg.Line
		t.Logf("nginx: %s", out.Nginx)

		// (b) a documented exclusion the parser rightly keeps.
		if ex := agreementApplyExclusion(c, cfg, msg, copies); ex != nil {
			out.Events = append(out.Events, agreementEvent{classExclusion, ex.Key, out.Nginx, ex.Reason})
			continue
		}
		// (a) both reject at the same place.
		if ours != nil && msg.File != "" && path.Clean(msg.File) == path.Clean(ours.File) && msg.Line == int(ours.Line) {
			out.Class = classAgree
			out.Reject = true
			return out
		}
		// A variable nginx finds nowhere: a template's placeholder (b) or
		// a map the corpus file relies on from elsewhere (c). Either is
		// stubbed and nginx goes on.
		if v := unknownVariableRE.FindStringSubmatch(msg.Text); v != nil {
			if c.Template && agreementFillVariable(copies[c.Path], v[1]) {
				out.Events = append(out.Events, agreementEvent{classExclusion, agreementTemplateKey, out.Nginx, agreementTemplateReason})
				continue
			}
			if !slices.Contains(stubVars, v[1]) && (ctx != parser.CtxMain || httpClose >= 0) {
				sem := agreementMatchSemantic(msg)
				out.Events = append(out.Events, agreementEvent{classSemantic, sem.Kind, out.Nginx, ""})
				stubVars = append(stubVars, v[1])
				continue
			}
		}
		// (c) a semantic check the parser does not model.
		if sem := agreementMatchSemantic(msg); sem != nil {
			out.Events = append(out.Events, agreementEvent{classSemantic, sem.Kind, out.Nginx, ""})
			if d := agreementDirectiveAt(cfg, msg, copies); d != nil {
				copies[d.File.Path].blank(int(d.Start.Offset), int(d.End.Offset))
				continue
			}
			// Nothing to blank (no location, or one in the wrapper):
			// the comparison ends here.
			if ours != nil {
				out.Class = classDisagree
				out.Detail = fmt.Sprintf("nginx stopped at a semantic error (%s) before the parser's error %s", out.Nginx, out.Ours)
				return out
			}
			out.Class = agreementFinalClass(out.Events)
			return out
		}
		out.Class = classDisagree
		if ours == nil {
			out.Detail = "nginx rejects, the parser accepts: " + out.Nginx
		} else {
			out.Detail = fmt.Sprintf("different places: nginx %s, parser %s", out.Nginx, out.Ours)
		}
		return out
	}
	out.Class = classDisagree
	out.Detail = "too many excluded errors"
	return out
}

// agreementFinalClass is the class of a case nginx and the parser both
// accepted in the end: agreement if nothing was passed over, else the most
// serious of the passed-over kinds.
func agreementFinalClass(events []agreementEvent) string {
	class := classAgree
	for _, e := range events {
		if e.Class == classSemantic {
			return classSemantic
		}
		class = classExclusion
	}
	return class
}

// agreementFirstError is nginx's error: the first message at level emerg
// (or alert or crit). Warnings before it do not count.
func agreementFirstError(res nginxtest.Result) (nginxtest.Message, bool) {
	for _, level := range []string{"emerg", "alert", "crit", "error"} {
		for _, m := range res.Messages {
			if m.Level == level {
				return m, true
			}
		}
	}
	return nginxtest.Message{}, false
}

func agreementMsgString(m nginxtest.Message, conf string) string {
	if m.File == "" {
		return m.Text
	}
	f := agreementShort(m.File)
	if path.Clean(m.File) == path.Clean(conf) && path.Base(conf) == agreementWrapper {
		f = "(generated wrapper)"
	}
	return fmt.Sprintf("%s:%d: %s", f, m.Line, m.Text)
}

// agreementShort drops the directory of a path for reports.
func agreementShort(p string) string { return path.Base(p) }

// agreementApplyExclusion finds the exclusion nginx's message falls under,
// checks that the parser kept the directive nginx stopped at without an
// error there, and changes the copy nginx reads as the exclusion says. It
// returns nil when no exclusion applies.
func agreementApplyExclusion(c agreementCase, cfg *parser.Config, msg nginxtest.Message, copies map[string]*agreementCopy) *agreementExclusion {
	if msg.File == "" || copies[msg.File] == nil {
		return nil
	}
	for _, e := range cfg.Errors {
		if path.Clean(e.File) == path.Clean(msg.File) && int(e.Line) == msg.Line {
			return nil // the parser has its own opinion here: compare
		}
	}
	cp := copies[msg.File]
	for i := range agreementExclusions {
		ex := &agreementExclusions[i]
		if ex.TemplateOnly && (!c.Template || agreementStructuralRE.MatchString(msg.Text)) || !ex.Message.MatchString(msg.Text) {
			continue
		}
		name := ""
		if m := unknownDirectiveRE.FindStringSubmatch(msg.Text); m != nil {
			name = m[1]
		}
		d := agreementFindDirective(cfg, msg.File, msg.Line, name)
		if d == nil || ex.Directive != nil && !ex.Directive.MatchString(d.Name) {
			continue
		}
		switch ex.Action {
		case blankNamed:
			agreementWalk(cfg, func(o *parser.Directive) {
				if o.File.Path == msg.File && ex.Directive.MatchString(o.Name) {
					cp.blank(int(o.Start.Offset), int(o.End.Offset))
				}
			})
		case blankDirective:
			cp.blank(int(d.Start.Offset), int(d.End.Offset))
		case blankWord:
			q := regexp.MustCompile(`"([^"]*)"`).FindStringSubmatch(msg.Text)
			if q == nil {
				continue
			}
			found := false
			for _, w := range d.Args() {
				if w.Value == q[1] {
					cp.blank(int(w.Start.Offset), int(w.EndOffset()))
					found = true
				}
			}
			if !found {
				continue
			}
		case fillPlaceholders:
			from := int(d.Start.Offset)
			locs := agreementPlaceholderRE.FindAllStringIndex(cp.orig[from:d.End.Offset], -1)
			if len(locs) == 0 {
				continue
			}
			fill := "1"
			if strings.HasSuffix(msg.Text, `it must be "on" or "off"`) {
				fill = "on"
			}
			for _, l := range locs {
				cp.subs = append(cp.subs, agreementSub{off: from + l[0], n: l[1] - l[0], text: fill})
			}
		}
		return ex
	}
	return nil
}

// agreementFillVariable fills every ${NAME} placeholder of a template whose
// name is the variable nginx found defined nowhere; false when there is
// none.
func agreementFillVariable(cp *agreementCopy, name string) bool {
	re := regexp.MustCompile(`(?i)\$\{` + regexp.QuoteMeta(name) + `\}`)
	locs := re.FindAllStringIndex(cp.orig, -1)
	for _, l := range locs {
		cp.subs = append(cp.subs, agreementSub{off: l[0], n: l[1] - l[0], text: "1"})
	}
	return len(locs) > 0
}

// agreementWalk calls fn for every directive of cfg.
func agreementWalk(cfg *parser.Config, fn func(*parser.Directive)) {
	var walk func(ds []*parser.Directive)
	walk = func(ds []*parser.Directive) {
		for _, d := range ds {
			fn(d)
			if d.Block != nil {
				walk(d.Block.Directives)
			}
		}
	}
	for _, f := range cfg.Files {
		walk(f.Directives)
	}
}

var (
	unknownDirectiveRE = regexp.MustCompile(`^unknown directive "(.*)"$`)
	unknownVariableRE  = regexp.MustCompile(`^unknown "([A-Za-z0-9_]+)" variable$`)
)

func agreementMatchSemantic(msg nginxtest.Message) *agreementSemantic {
	for i := range agreementNotModelled {
		if agreementNotModelled[i].Message.MatchString(msg.Text) {
			return &agreementNotModelled[i]
		}
	}
	return nil
}

// agreementDirectiveAt is the directive nginx's located message is about,
// when it is in a file the test can blank (the main file or a fixture's
// include).
func agreementDirectiveAt(cfg *parser.Config, msg nginxtest.Message, copies map[string]*agreementCopy) *parser.Directive {
	if msg.File == "" || copies[msg.File] == nil {
		return nil
	}
	// A directive named in the message is preferred.
	for _, q := range regexp.MustCompile(`"([^"]+)"`).FindAllStringSubmatch(msg.Text, -1) {
		if d := agreementFindDirective(cfg, msg.File, msg.Line, q[1]); d != nil {
			return d
		}
	}
	return agreementFindDirective(cfg, msg.File, msg.Line, "")
}

// agreementFindDirective finds the directive named name ("" for any) that
// nginx was reading at line of file: the line of its terminator (";" or
// "{") or, failing that, of its start or its block's "}". The last match in
// source order, the innermost, wins.
func agreementFindDirective(cfg *parser.Config, file string, line int, name string) *parser.Directive {
	var found [3]*parser.Directive
	var walk func(ds []*parser.Directive)
	walk = func(ds []*parser.Directive) {
		for _, d := range ds {
			if name == "" || d.Name == name {
				term := int(d.End.Line)
				if d.Block != nil {
					term = int(d.Block.Open.Line)
				}
				switch {
				case term == line:
					found[0] = d
				case int(d.Start.Line) == line:
					found[1] = d
				case d.Block != nil && int(d.Block.Close.Line) == line:
					found[2] = d
				}
			}
			if d.Block != nil {
				walk(d.Block.Directives)
			}
		}
	}
	for _, f := range cfg.Files {
		if path.Clean(f.Path) == path.Clean(file) {
			walk(f.Directives)
		}
	}
	for _, d := range found {
		if d != nil {
			return d
		}
	}
	return nil
}

// agreementWrapperText is the generated main file that includes a fragment
// in the block InferContext chose.
func agreementWrapperText(ctx parser.Ctx, fragment, maps string) string {
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(fragment)
	inc := "include \"" + quoted + "\";\n"
	var body string
	switch ctx {
	case parser.CtxHTTP:
		body = inc
	case parser.CtxServer:
		body = fmt.Sprintf("server {\nlisten 127.0.0.1:%d;\n%s}\n", agreementPort, inc)
	default: // location, or anything only valid deeper
		body = fmt.Sprintf("server {\nlisten 127.0.0.1:%d;\nlocation / {\n%s}\n}\n", agreementPort, inc)
	}
	return "events {}\nhttp {\n" + body + maps + "\n}\n"
}

// moduleFor returns the -g load_module line a main file needs: Debian ships
// stream as a dynamic module.
func (env *agreementEnv) moduleFor(t *testing.T, cfg *parser.Config) string {
	t.Helper()
	uses, loads := false, false
	for _, f := range cfg.Files {
		for _, d := range f.Directives {
			switch d.Name {
			case "stream":
				uses = true
			case "load_module":
				if strings.Contains(d.Arg(0), "stream") {
					loads = true
				}
			}
		}
	}
	if !uses || loads {
		return ""
	}
	return nginxtest.Module(t, "stream")
}

// ---------------------------------------------------------------------------
// Stubs derived from the configuration

// stubConfig adds to sb everything cfg names that nginx opens or resolves
// while testing a configuration.
func (env *agreementEnv) stubConfig(t *testing.T, sb *agreementSandbox, cfg *parser.Config, confPrefix string) {
	t.Helper()
	confPath := func(p string) string { // ngx_conf_full_name(..., 1)
		if strings.HasPrefix(p, "/") {
			return path.Clean(p)
		}
		return path.Join(confPrefix, p)
	}
	prefixPath := func(p string) string { // ngx_conf_full_name(..., 0)
		if strings.HasPrefix(p, "/") {
			return path.Clean(p)
		}
		return path.Join(agreementPrefix, p)
	}
	usable := func(p string) bool {
		return p != "" && !strings.ContainsAny(p, "$") && !strings.HasPrefix(p, "data:") && !strings.HasPrefix(p, "engine:")
	}
	system := func(p string) bool {
		for _, dir := range []string{"/dev", "/proc", "/sys"} {
			if p == dir || strings.HasPrefix(p, dir+"/") {
				return true
			}
		}
		return false
	}
	hosts := map[string]bool{}
	users := map[string]bool{}
	groups := map[string]bool{}

	sb.opaque(agreementPrefix)
	sb.opaque(agreementPrefix + "/logs")
	sb.symlink(agreementPrefix+"/modules", env.modulesPath)
	for _, p := range env.defaultFiles {
		sb.opaque(path.Dir(p))
	}
	for _, p := range env.defaultDirs {
		sb.opaque(path.Dir(p))
		sb.opaque(p)
	}

	var walk func(ds []*parser.Directive)
	walk = func(ds []*parser.Directive) {
		for _, d := range ds {
			if d.Block != nil {
				walk(d.Block.Directives)
			}
			if d.Ctx == parser.CtxCustom {
				continue // map keys, types...
			}
			arg := d.Arg(0)
			n := d.Name
			switch {
			case n == "ssl_certificate" || strings.HasSuffix(n, "_ssl_certificate") ||
				strings.HasSuffix(n, "ssl_trusted_certificate") || strings.HasSuffix(n, "ssl_client_certificate"):
				if usable(arg) {
					sb.file(confPath(arg), string(env.cert), true)
				}
			case strings.HasSuffix(n, "ssl_certificate_key"):
				if usable(arg) {
					sb.file(confPath(arg), string(env.key), true)
				}
			case n == "ssl_dhparam":
				if usable(arg) {
					sb.file(confPath(arg), agreementDHParams, true)
				}
			case strings.HasSuffix(n, "ssl_crl"):
				if usable(arg) {
					sb.file(confPath(arg), string(env.crl), true)
				}
			case n == "ssl_session_ticket_key":
				if usable(arg) {
					sb.file(confPath(arg), strings.Repeat("k", 80), true)
				}
			case strings.HasSuffix(n, "_password_file") || n == "auth_basic_user_file":
				if usable(arg) {
					sb.file(confPath(arg), "user:{PLAIN}password\n", true)
				}
			case n == "error_log" || n == "access_log" || n == "pid" || n == "lock_file":
				if usable(arg) && arg != "off" && arg != "stderr" && !strings.Contains(arg, ":") {
					if p := prefixPath(arg); !system(p) {
						sb.file(p, "", true)
					}
				}
			case strings.HasSuffix(n, "_temp_path") || strings.HasSuffix(n, "_cache_path"):
				if usable(arg) {
					sb.opaque(prefixPath(arg))
				}
			case n == "user" && d.Ctx == parser.CtxMain:
				if arg != "" {
					users[arg] = true
					g := d.Arg(1)
					if g == "" {
						g = arg
					}
					groups[g] = true
				}
			case strings.HasSuffix(n, "_pass") || n == "listen" || n == "resolver" || n == "set_real_ip_from" ||
				(n == "server" && (d.Ctx == parser.CtxUpstream || d.Ctx == parser.CtxStreamUpstream)):
				args := d.Args()
				if n != "resolver" && len(args) > 1 {
					args = args[:1]
				}
				for _, w := range args {
					if h := agreementHostName(w.Value); h != "" {
						hosts[h] = true
					}
				}
			}
		}
	}
	for _, f := range cfg.Files {
		walk(f.Directives)
	}

	// /etc/hosts, /etc/resolv.conf, /etc/passwd and /etc/group replace the
	// host's files (not their directory).
	names := slices.Sorted(agreementKeys(hosts))
	hostsText := "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
	for _, h := range names {
		hostsText += "127.0.0.1\t" + h + "\n"
	}
	sb.file("/etc/hosts", hostsText, false)
	sb.file("/etc/resolv.conf", "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n", false)
	sb.file("/etc/passwd", agreementAccounts(t, "/etc/passwd", users, "%s:x:%d:%d::/nonexistent:/usr/sbin/nologin\n"), false)
	sb.file("/etc/group", agreementAccounts(t, "/etc/group", groups, "%s:x:%d:\n"), false)
}

// agreementAccounts is a copy of the host's passwd or group file with an
// entry added for each name it lacks.
func agreementAccounts(t *testing.T, file string, names map[string]bool, format string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	have := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if name, _, ok := strings.Cut(line, ":"); ok {
			have[name] = true
		}
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	id := 61000
	for _, name := range slices.Sorted(agreementKeys(names)) {
		if have[name] || strings.ContainsAny(name, ":\n$") {
			continue
		}
		id++
		if strings.Count(format, "%d") == 2 {
			text += fmt.Sprintf(format, name, id, id)
		} else {
			text += fmt.Sprintf(format, name, id)
		}
	}
	return text
}

var agreementHostRE = regexp.MustCompile(`^[A-Za-z0-9_.-]*[A-Za-z][A-Za-z0-9_.-]*$`)

// agreementHostName extracts the host name nginx resolves at configuration
// time from a *_pass URL, an upstream server, a listen or a resolver
// address; "" when there is none (an IP address, a port, a variable, a unix
// socket, a parameter).
func agreementHostName(v string) string {
	if strings.ContainsAny(v, "$=%") || strings.HasPrefix(v, "unix:") || strings.HasPrefix(v, "[") {
		return ""
	}
	if _, rest, ok := strings.Cut(v, "://"); ok {
		v = rest
	}
	if strings.HasPrefix(v, "unix:") {
		return ""
	}
	v, _, _ = strings.Cut(v, "/")
	if h, _, err := net.SplitHostPort(v); err == nil {
		v = h
	}
	if net.ParseIP(v) != nil || v == "*" || v == "localhost" || !agreementHostRE.MatchString(v) {
		return ""
	}
	return v
}

// globDir is the literal directory part of a glob pattern.
func globDir(pattern string) string {
	dir := path.Dir(pattern)
	for strings.ContainsAny(dir, "*?[") {
		dir = path.Dir(dir)
	}
	return dir
}

// agreementRecordFS is the parser's FS of phase 1: it records what the
// parser reads and returns empty files (or, for fixtures, the files next to
// the main file).
type agreementRecordFS struct {
	mainDir string
	real    bool
	reads   []string
	globs   []string
	content map[string]string
}

func (r *agreementRecordFS) ReadFile(name string) (string, string, error) {
	r.reads = append(r.reads, name)
	if r.real && strings.HasPrefix(name, r.mainDir+"/") {
		if b, err := os.ReadFile(name); err == nil {
			r.content[name] = string(b)
			return string(b), name, nil
		}
	}
	return "", name, nil
}

func (r *agreementRecordFS) Glob(pattern string) ([]string, error) {
	r.globs = append(r.globs, pattern)
	if r.real && strings.HasPrefix(pattern, r.mainDir+"/") {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			return nil, err
		}
		var files []string
		for _, m := range matches {
			if st, err := os.Stat(m); err == nil && st.Mode().IsRegular() {
				files = append(files, m)
			}
		}
		sort.Strings(files)
		return files, nil
	}
	return nil, nil
}

// agreementRootFS is the parser's FS of phase 2: nginx's paths read inside
// the private root, as nginx reads them.
type agreementRootFS struct{ root string }

func (r agreementRootFS) ReadFile(name string) (string, string, error) {
	b, err := os.ReadFile(filepath.Join(r.root, name))
	return string(b), name, err
}

func (r agreementRootFS) Glob(pattern string) ([]string, error) {
	matches, err := parser.OSFS{Root: r.root}.Glob(pattern)
	for i, m := range matches {
		matches[i] = strings.TrimPrefix(m, r.root)
	}
	return matches, err
}

// ---------------------------------------------------------------------------
// The private root

// agreementSandbox describes a root directory for nginx: stub files and
// directories at nginx's absolute paths, over selected host directories.
type agreementSandbox struct {
	root     string
	files    map[string]string // nginx path -> content
	links    map[string]string // nginx path -> symlink target
	opaques  map[string]bool   // directories that contain only stubs
	merges   []string          // directories whose host entries are bound in
	ownPaths []string          // every path the parent created
}

func newAgreementSandbox(root string) *agreementSandbox {
	return &agreementSandbox{root: root, files: map[string]string{}, links: map[string]string{}, opaques: map[string]bool{}}
}

// file adds a stub file. With opaqueParent its directory is replaced as a
// whole (unless it is the root or a top-level directory such as /etc),
// so that nothing else of the host's directory is visible there.
func (sb *agreementSandbox) file(p, content string, opaqueParent bool) {
	p = path.Clean(p)
	sb.files[p] = content
	if dir := path.Dir(p); opaqueParent && strings.Count(dir, "/") >= 2 {
		sb.opaques[dir] = true
	}
}

// opaque adds a directory that holds only stubs.
func (sb *agreementSandbox) opaque(p string) {
	if p = path.Clean(p); p != "/" {
		sb.opaques[p] = true
	}
}

func (sb *agreementSandbox) symlink(p, target string) { sb.links[path.Clean(p)] = target }

// agreementHostDirs are the top-level directories whose host entries the
// root shows: what nginx needs to run (its binary, libraries, modules,
// /etc/passwd, /etc/ssl, /dev/null, /proc/self/fd). Nothing else of the host
// is visible.
var agreementHostDirs = []string{"/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/dev", "/proc"}

// underOpaque reports whether p is an opaque directory or inside one.
func (sb *agreementSandbox) underOpaque(p string) bool {
	for q := p; ; q = path.Dir(q) {
		if sb.opaques[q] {
			return true
		}
		if q == "/" {
			return false
		}
	}
}

// build writes the stubs under root and computes the directories whose
// host entries the helper binds in: the ancestors of every stub that are
// not inside an opaque directory, restricted to agreementHostDirs (plus the
// root itself, for the top-level entries of those).
func (sb *agreementSandbox) build() error {
	all := []string{}
	for p := range sb.files {
		all = append(all, p)
	}
	for p := range sb.links {
		all = append(all, p)
	}
	for p := range sb.opaques {
		all = append(all, p)
	}
	dirs := map[string]bool{"/": true}
	for _, p := range all {
		for q := path.Dir(p); q != "/"; q = path.Dir(q) {
			dirs[q] = true
		}
	}
	for p := range sb.opaques {
		dirs[p] = true
	}
	own := map[string]bool{}
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(sb.root, d), 0o755); err != nil {
			return err
		}
		own[d] = true
		if !sb.underOpaque(d) && (d == "/" || agreementHostDir(d)) {
			sb.merges = append(sb.merges, d)
		}
	}
	for p, content := range sb.files {
		if err := os.WriteFile(filepath.Join(sb.root, p), []byte(content), 0o644); err != nil {
			return err
		}
		own[p] = true
	}
	for p, target := range sb.links {
		_ = os.Remove(filepath.Join(sb.root, p))
		if err := os.Symlink(target, filepath.Join(sb.root, p)); err != nil {
			return err
		}
		own[p] = true
	}
	sort.Strings(sb.merges)
	sb.ownPaths = slices.Sorted(agreementKeys(own))
	return nil
}

func agreementHostDir(p string) bool {
	for _, h := range agreementHostDirs {
		if p == h || strings.HasPrefix(p, h+"/") {
			return true
		}
	}
	return false
}

// agreementManifest is what the helper process needs.
type agreementManifest struct {
	Root     string
	Merges   []string
	Own      []string
	HostDirs []string
	HostNS   string
	Argv     []string
}

// nginx runs `nginx -t` on conf inside the sandbox.
func (env *agreementEnv) nginx(t *testing.T, sb *agreementSandbox, conf string, gflags []string) nginxtest.Result {
	t.Helper()
	env.runs++
	argv := []string{env.bin, "-p", agreementPrefix + "/", "-e", agreementPrefix + "/logs/error.log", "-c", conf}
	argv = append(argv, gflags...)
	argv = append(argv, "-t")
	m := agreementManifest{Root: sb.root, Merges: sb.merges, Own: sb.ownPaths, HostDirs: agreementHostDirs, HostNS: env.hostNS, Argv: argv}
	spec, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), nginxtest.TestTimeout)
	defer cancel()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, self, "-test.run=^TestNginxAgreementNamespaceHelper$")
	cmd.Env = append(os.Environ(), agreementHelperEnv+"="+string(spec))
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNS}
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("nginx -t timed out after %v\n%s", nginxtest.TestTimeout, stderr.String())
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr) && exitErr.ExitCode() == helperFailed:
		t.Fatalf("could not run nginx in a private mount namespace: %s", stderr.String())
	case errors.As(err, &exitErr):
	case errors.Is(err, syscall.EPERM):
		agreementUnavailable(t, "cannot create a mount namespace: %v", err)
	default:
		t.Fatalf("running nginx: %v", err)
	}
	out := stderr.String()
	return nginxtest.Result{OK: err == nil, Messages: nginxtest.ParseMessages(out), Output: out}
}

// TestNginxAgreementNamespaceHelper is not a test: TestNginxAgreement runs
// the test binary again with this test selected, in a new mount namespace,
// to build the private root and execute nginx in it.
func TestNginxAgreementNamespaceHelper(t *testing.T) {
	spec := os.Getenv(agreementHelperEnv)
	if spec == "" {
		t.Skip("helper process of TestNginxAgreement")
	}
	err := agreementEnterRoot(spec)
	fmt.Fprintf(os.Stderr, "agreement helper: %v\n", err)
	os.Exit(helperFailed)
}

// agreementEnterRoot builds the root in the private mount namespace, enters
// it and executes nginx. It returns only on failure.
func agreementEnterRoot(spec string) error {
	var m agreementManifest
	if err := json.Unmarshal([]byte(spec), &m); err != nil {
		return err
	}
	ns, err := os.Readlink("/proc/self/ns/mnt")
	if err != nil {
		return err
	}
	if ns == m.HostNS {
		return errors.New("not in a new mount namespace; refusing to mount anything")
	}
	// No mount made here may reach the host's namespace.
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("making mounts private: %w", err)
	}
	own := map[string]bool{}
	children := map[string][]string{} // the parent's paths, by directory
	for _, p := range m.Own {
		own[p] = true
		if p != "/" {
			children[path.Dir(p)] = append(children[path.Dir(p)], p)
		}
	}
	// Deepest first, so that a directory bound whole carries the mounts
	// already made below it.
	merges := slices.Clone(m.Merges)
	sort.SliceStable(merges, func(i, j int) bool { return strings.Count(merges[i], "/") > strings.Count(merges[j], "/") })
	stash := filepath.Join(m.Root, ".nginx-wslint-stash")
	if err := os.MkdirAll(stash, 0o755); err != nil {
		return err
	}
	for _, dir := range merges {
		if dir != "/" && agreementWholeBindable(m.Root, dir, children[dir]) {
			if err := agreementBindWhole(m.Root, dir, children[dir], stash); err != nil {
				return err
			}
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue // not on this host: only stubs
		}
		for _, e := range entries {
			host := path.Join(dir, e.Name())
			if own[host] || (dir == "/" && !slices.Contains(m.HostDirs, host)) {
				continue
			}
			target := filepath.Join(m.Root, host)
			if err := agreementBind(host, target, e.Type()); err != nil {
				return err
			}
		}
	}
	if err := syscall.Chroot(m.Root); err != nil {
		return fmt.Errorf("chroot: %w", err)
	}
	if err := os.Chdir("/"); err != nil {
		return err
	}
	return syscall.Exec(m.Argv[0], m.Argv, []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin"})
}

// agreementWholeBindable reports whether the host's directory dir can be
// bound as a whole, with the stubs among its children mounted over the
// host's entries: each child must exist on the host with the stub's type
// (a directory or a regular file; a symlink would lead the mount astray).
// Binding one directory instead of each of its entries saves a hundred
// mounts for /etc.
func agreementWholeBindable(root, dir string, children []string) bool {
	if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
		return false
	}
	for _, c := range children {
		h, err := os.Lstat(c)
		if err != nil {
			return false
		}
		r, err := os.Lstat(filepath.Join(root, c))
		if err != nil || h.Mode().Type() != r.Mode().Type() || !h.IsDir() && !h.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// agreementBindWhole binds the host's dir read-only over the root's, after
// moving the root's own children (stubs, and directories with mounts of
// their own) aside, then mounts them back over the host's entries.
func agreementBindWhole(root, dir string, children []string, stash string) error {
	type moved struct{ from, to string }
	var saved []moved
	for _, c := range children {
		src := filepath.Join(root, c)
		st, err := os.Lstat(src)
		if err != nil {
			return err
		}
		dst := filepath.Join(stash, strconv.Itoa(len(saved))+strings.ReplaceAll(c, "/", "_"))
		if st.IsDir() {
			err = os.Mkdir(dst, 0o755)
		} else {
			err = os.WriteFile(dst, nil, 0o644)
		}
		if err != nil && !errors.Is(err, os.ErrExist) {
			return err
		}
		if err := syscall.Mount(src, dst, "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
			return fmt.Errorf("stashing %s: %w", src, err)
		}
		saved = append(saved, moved{dst, src})
	}
	target := filepath.Join(root, dir)
	if err := syscall.Mount(dir, target, "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
		return fmt.Errorf("binding %s: %w", dir, err)
	}
	_ = syscall.Mount("", target, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, "")
	for _, s := range saved {
		if err := syscall.Mount(s.from, s.to, "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
			return fmt.Errorf("mounting %s back: %w", s.to, err)
		}
	}
	return nil
}

// agreementBind makes target show the host's entry: a copy of a symlink, or
// a read-only bind mount of a directory or file.
func agreementBind(host, target string, typ os.FileMode) error {
	if typ&os.ModeSymlink != 0 {
		link, err := os.Readlink(host)
		if err != nil {
			return nil
		}
		if _, err := os.Lstat(target); err == nil {
			return nil // placed by an earlier run in this root
		}
		return os.Symlink(link, target)
	}
	flags := uintptr(syscall.MS_BIND)
	if typ.IsDir() {
		flags |= syscall.MS_REC
		if err := os.Mkdir(target, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
			return err
		}
	} else {
		f, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		_ = f.Close()
	}
	if err := syscall.Mount(host, target, "", flags, ""); err != nil {
		return nil // an entry nginx does not need (a socket that went away...)
	}
	// Read-only, so that nothing nginx does can write to the host's files.
	_ = syscall.Mount("", target, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY|flags&syscall.MS_REC, "")
	return nil
}

// ---------------------------------------------------------------------------
// Fixtures

var agreementWantRE = regexp.MustCompile(`^# want: (accept|reject|exclusion|not modelled)(?: (?:([^\s:]+):)?(\d+))?(?: (.*))?$`)

// agreementFixtures returns the cases of ../testdata/agreement (each starts
// with a "# want:" line) and the generated ones. The fixtures are named
// *.nginx, not *.conf: TestPositionsPointAtTheSource reads every *.conf
// under testdata and expects each block to be closed, which a file nginx
// rejects often is not. Files they include are named *.inc.
func agreementFixtures(t *testing.T) []agreementCase {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "agreement"))
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.nginx"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []agreementCase
	for _, p := range names {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		want, err := parseAgreementWant(first)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		cases = append(cases, agreementCase{Name: filepath.Base(p), Path: p, Src: string(b), RealIncludes: true, Want: want})
	}
	if len(cases) < 25 {
		t.Errorf("only %d fixtures in %s", len(cases), dir)
	}

	gen := t.TempDir()
	for _, g := range agreementGenerated() {
		p := filepath.Join(gen, g.name)
		if err := os.WriteFile(p, []byte(g.src), 0o644); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, agreementCase{Name: g.name + " (generated)", Path: p, Src: g.src, Want: g.want})
	}
	return cases
}

func parseAgreementWant(line string) (agreementWant, error) {
	m := agreementWantRE.FindStringSubmatch(strings.TrimRight(line, "\r"))
	if m == nil {
		return agreementWant{}, fmt.Errorf("first line %q is not a \"# want:\" line", line)
	}
	w := agreementWant{File: m[2], Message: m[4]}
	switch m[1] {
	case "accept":
		w.Class = classAgree
	case "reject":
		w.Class, w.Reject = classAgree, true
		n, err := strconv.Atoi(m[3])
		if err != nil {
			return w, errors.New("reject needs a line number")
		}
		w.Line = n
	default:
		w.Class = m[1]
	}
	return w, nil
}

type agreementGen struct {
	name string
	src  string
	want agreementWant
}

// agreementGenerated are the fixtures that are better generated than
// committed: a token over nginx's 4096-byte limit, CRLF line ends, a BOM.
func agreementGenerated() []agreementGen {
	long := strings.Repeat("a", 5000)
	gens := []agreementGen{
		{"too-long-token.conf",
			"events {}\nhttp {\n    server {\n        return 200 " + long + ";\n    }\n}\n",
			agreementWant{Class: classAgree, Reject: true, Line: 4, Message: `too long parameter "aaaaaaaaaa..." started`}},
		{"too-long-quoted-token.conf",
			"events {}\nhttp {\n    server {\n        return 200 \"" + long + "\";\n    }\n}\n",
			agreementWant{Class: classAgree, Reject: true, Line: 4, Message: `too long parameter, probably missing terminating """ character`}},
		{"token-at-limit-ok.conf",
			"events {}\nhttp {\n    server {\n        return 200 " + strings.Repeat("b", 4000) + ";\n    }\n}\n",
			agreementWant{Class: classAgree}},
		{"crlf-ok.conf",
			strings.ReplaceAll("events {}\nhttp {\n    server {\n        listen 127.0.0.1:19996;\n        location / {\n            return 200 \"ok\";\n        }\n    }\n}\n", "\n", "\r\n"),
			agreementWant{Class: classAgree}},
		{"crlf-stray-brace.conf",
			strings.ReplaceAll("events {}\nhttp {\n    server {\n        return 200 ok;\n    }\n}\n}\n", "\n", "\r\n"),
			agreementWant{Class: classAgree, Reject: true, Line: 7, Message: `unexpected "}"`}},
		{"cr-only-line-ends.conf",
			"events {}\rhttp {\r    server {\r        return 200 ok;\r    }\r}\r}\r",
			agreementWant{Class: classAgree, Reject: true, Line: 1, Message: `unexpected "}"`}},
		{"bom.conf",
			"\ufeffevents {}\nhttp {\n}\n",
			agreementWant{Class: classAgree, Reject: true, Line: 1, Message: "unknown directive"}},
		{"no-final-newline-ok.conf",
			"events {}\nhttp {\n    server { return 200 ok; }\n}",
			agreementWant{Class: classAgree}},
		{"nul-byte-in-word-ok.conf",
			"events {}\nhttp {\n    server { return 200 a\x00b; }\n}\n",
			agreementWant{Class: classAgree}},
	}
	// Tokens around nginx's 4096-byte buffer, starting at two offsets in
	// it: a word fails when it fills the whole buffer before its end is
	// read, so a quoted one (its quotes count) fails one byte earlier, and
	// at 4095 bytes it fails as an unquoted one, since the closing quote
	// fits but the character after it does not.
	for _, n := range []int{4094, 4095, 4096} {
		for _, q := range []string{"", `"`, "'"} {
			for _, pad := range []int{0, 3000} {
				kind := map[string]string{"": "bare", `"`: "double", "'": "single"}[q]
				name := fmt.Sprintf("token-%d-%s-at-%d.conf", n, kind, pad+11)
				src := "events {}\n" + strings.Repeat("#", pad) + "\nhttp {\n    server {\n        return 200 " +
					q + strings.Repeat("t", n) + q + ";\n    }\n}\n" + strings.Repeat("# padding\n", 500)
				want := agreementWant{Class: classAgree}
				switch {
				case q == "" && n >= 4096, q != "" && n == 4095:
					want = agreementWant{Class: classAgree, Reject: true, Line: 5, Message: `too long parameter "tttttttttt..." started`}
				case q != "" && n >= 4096:
					want = agreementWant{Class: classAgree, Reject: true, Line: 5, Message: `too long parameter, probably missing terminating "` + q + `" character`}
				}
				gens = append(gens, agreementGen{name, src, want})
			}
		}
	}
	// A quoted token that runs over many lines: nginx reports the line
	// where it started.
	gens = append(gens, agreementGen{"too-long-multiline-quote.conf",
		"events {}\nhttp {\n    server {\n        return 200 \"" + strings.Repeat(strings.Repeat("m", 99)+"\n", 60) + "\";\n    }\n}\n",
		agreementWant{Class: classAgree, Reject: true, Line: 4, Message: `too long parameter, probably missing terminating """ character`}})
	return gens
}

// agreementKnownBugs are the fixtures on which the parser is known to
// differ from nginx, with the difference. Such a fixture is skipped with the
// reason instead of failing; once the parser is fixed it fails until its
// entry is removed.
var agreementKnownBugs = map[string]string{}

// checkAgreementWant fails the test when a fixture's outcome is not the one
// its "# want:" line states, or when the parser's message is worded
// differently from nginx's.
func checkAgreementWant(t *testing.T, c agreementCase, out agreementOutcome) {
	t.Helper()
	problems := agreementWantProblems(c, out)
	bug, known := agreementKnownBugs[c.Name]
	switch {
	case len(problems) > 0 && known:
		t.Skipf("known bug: %s\n%s", bug, strings.Join(problems, "\n"))
	case len(problems) > 0:
		for _, p := range problems {
			t.Error(p)
		}
	case known:
		t.Errorf("listed in agreementKnownBugs (%s) but nginx and the parser now agree: remove the entry", bug)
	}
}

func agreementWantProblems(c agreementCase, out agreementOutcome) []string {
	w := c.Want
	if out.Class == classDisagree {
		return []string{"nginx and the parser disagree: " + out.Detail}
	}
	if out.Class != w.Class || out.Reject != w.Reject {
		return []string{fmt.Sprintf("outcome %s (reject %v; nginx %q; parser %q), the fixture wants %s (reject %v)",
			out.Class, out.Reject, out.Nginx, out.Ours, w.Class, w.Reject)}
	}
	var problems []string
	if w.Reject {
		file := w.File
		if file == "" {
			file = path.Base(c.Path)
		}
		if out.NginxFile != file || out.NginxLine != w.Line {
			problems = append(problems, fmt.Sprintf("nginx reports %s:%d, the fixture wants %s:%d: %s", out.NginxFile, out.NginxLine, file, w.Line, out.Nginx))
		}
		if !strings.Contains(out.NginxMsg, w.Message) {
			problems = append(problems, fmt.Sprintf("nginx says %q, the fixture wants %q", out.NginxMsg, w.Message))
		}
		if out.OurMsg != out.NginxMsg {
			problems = append(problems, fmt.Sprintf("same line, different words: nginx %q, parser %q", out.NginxMsg, out.OurMsg))
		}
		return problems
	}
	if w.Message != "" {
		found := false
		for _, e := range out.Events {
			found = found || strings.Contains(e.Message, w.Message)
		}
		if !found {
			problems = append(problems, fmt.Sprintf("no passed-over nginx error contains %q: %+v", w.Message, out.Events))
		}
	}
	return problems
}

// ---------------------------------------------------------------------------
// Report

// logAgreementTable logs one line per case, the counts, and the (b) and (c)
// errors passed over, grouped by exclusion and by kind.
func logAgreementTable(t *testing.T, rows []agreementRow) {
	t.Helper()
	var b strings.Builder
	counts := map[string]int{}
	type group struct {
		reason string
		lines  []string
	}
	groups := map[string]*group{}
	for _, r := range rows {
		result := r.Out.Class
		switch {
		case r.Out.Class == classAgree && r.Out.Reject:
			result = "agree, both reject at " + r.Out.Nginx
		case r.Out.Class == classAgree:
			result = "agree, both accept"
		case r.Out.Class == classDisagree:
			result = "DISAGREE: " + r.Out.Detail
		}
		kind := strings.SplitN(result, " at ", 2)[0]
		if r.Out.Class == classDisagree {
			kind = classDisagree
		}
		counts[r.Set+": "+kind]++
		fmt.Fprintf(&b, "  %-7s %-60s %s\n", r.Set, r.Name, result)
		for _, e := range r.Out.Events {
			key := e.Class + ": " + e.Key
			g := groups[key]
			if g == nil {
				g = &group{reason: e.Reason}
				groups[key] = g
			}
			where := e.Message
			if !strings.Contains(where, r.Name) {
				where = r.Name + ": " + where
			}
			g.lines = append(g.lines, where)
		}
	}
	fmt.Fprintln(&b, "counts:")
	for _, k := range slices.Sorted(agreementKeys(counts)) {
		fmt.Fprintf(&b, "  %-45s %d\n", k, counts[k])
	}
	for _, k := range slices.Sorted(agreementKeys(groups)) {
		g := groups[k]
		fmt.Fprintf(&b, "%s\n", k)
		if g.reason != "" {
			fmt.Fprintf(&b, "  why: %s\n", g.reason)
		}
		for _, l := range g.lines {
			fmt.Fprintf(&b, "    %s\n", l)
		}
	}
	t.Logf("agreement table:\n%s", b.String())
}

func agreementKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
