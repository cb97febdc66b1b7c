package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// The golden files of this package are refreshed with -update.
var update = flag.Bool("update", false, "rewrite the golden files")

func updating() bool { return *update }

// sarifSchemaFile is the official SARIF 2.1.0 schema (OASIS, with the
// approved errata 01), as published in github.com/oasis-tcs/sarif-spec.
// It is made absolute when the package loads, since some tests change the
// working directory before the schema is first compiled.
var sarifSchemaFile = mustAbs("testdata/sarif-schema-2.1.0.json")

func mustAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return abs
}

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		path, err := filepath.Abs(sarifSchemaFile)
		if err != nil {
			schemaErr = err
			return
		}
		f, err := os.Open(path)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if schemaErr = c.AddResource(path, doc); schemaErr != nil {
			return
		}
		schema, schemaErr = c.Compile(path)
	})
	if schemaErr != nil {
		t.Fatalf("compiling the SARIF schema: %v", schemaErr)
	}
	return schema
}

// validateSARIF checks a log against the official schema and the rules code
// scanning adds, and returns it decoded.
func validateSARIF(t *testing.T, out []byte) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("output does not validate against the SARIF 2.1.0 schema: %v\n%s", err, out)
	}
	var log map[string]any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	walkJSON(log, "", func(path string, key string, v any) {
		switch key {
		case "uriBaseId", "originalUriBaseIds":
			t.Errorf("%s: code scanning rejects %s", path, key)
		case "uri":
			u, _ := v.(string)
			if u == "" || strings.HasPrefix(u, "/") || strings.HasPrefix(u, "./") || strings.Contains(u, "<") || strings.Contains(u, `\`) || strings.Contains(u, "://") {
				t.Errorf("%s: uri %q is not a relative URI reference to a file", path, u)
			}
		}
	})
	return log
}

// walkJSON calls fn for every object member, depth first.
func walkJSON(v any, path string, fn func(path, key string, v any)) {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fn(path+"/"+k, k, v[k])
			walkJSON(v[k], path+"/"+k, fn)
		}
	case []any:
		for i, e := range v {
			walkJSON(e, path+"/"+strconv.Itoa(i), fn)
		}
	}
}

// get follows a path of object keys and array indexes through decoded JSON.
func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch p := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, p)
			}
			v, ok = m[p]
			if !ok {
				t.Fatalf("%v: no member %q", path, p)
			}
		case int:
			a, ok := v.([]any)
			if !ok || p >= len(a) {
				t.Fatalf("%v: no element %d", path, p)
			}
			v = a[p]
		}
	}
	return v
}

// lintPaths lints paths with the default options, as "nginx-wslint
// PATH..." does; "-" is stdin, named "<stdin>".
func lintPaths(t *testing.T, stdin string, paths ...string) *lint.Result {
	t.Helper()
	var in []lint.Input
	for _, p := range paths {
		if p == "-" {
			in = append(in, lint.Buffer("<stdin>", stdin))
		} else {
			in = append(in, lint.File(p))
		}
	}
	res, err := lint.Run(context.Background(), in, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func sarifOf(t *testing.T, res *lint.Result, base string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, res, Options{BaseDir: base}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func getwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// sarifFixtures are the rule fixtures (files and directories), the fixtures
// every rule is silent on, and the README's example.
func sarifFixtures(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"../testdata/rules/*/*", "../testdata/ok/*", "../testdata/examples/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			if st, err := os.Stat(p); err == nil && (st.IsDir() || strings.HasSuffix(p, ".conf") || strings.HasSuffix(p, ".dump")) {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	if len(out) < 20 {
		t.Fatalf("found only %d fixtures: %v", len(out), out)
	}
	return out
}

// Every fixture's SARIF validates against the official schema and holds one
// result per finding, in the findings' order, pointing at their files.
func TestSARIFSchemaAllFixtures(t *testing.T) {
	wd := getwd(t)
	total := 0
	for _, path := range sarifFixtures(t) {
		t.Run(strings.TrimPrefix(path, "../testdata/"), func(t *testing.T) {
			var res *lint.Result
			if strings.HasSuffix(path, ".dump") {
				dump, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				res = lintPaths(t, string(dump), "-")
			} else {
				res = lintPaths(t, "", path)
			}
			log := validateSARIF(t, sarifOf(t, res, wd))
			results := get(t, log, "runs", 0, "results").([]any)
			if len(results) != len(res.Findings()) {
				t.Fatalf("%d results for %d findings", len(results), len(res.Findings()))
			}
			total += len(results)
			driverRules := get(t, log, "runs", 0, "tool", "driver", "rules").([]any)
			for i, d := range res.Findings() {
				r := results[i]
				if got := get(t, r, "ruleId"); got != d.Rule.ID {
					t.Errorf("result %d: ruleId %v, want %s", i, got, d.Rule.ID)
				}
				idx := int(get(t, r, "ruleIndex").(float64))
				if get(t, driverRules[idx], "id") != d.Rule.ID {
					t.Errorf("result %d: ruleIndex %d is not %s", i, idx, d.Rule.ID)
				}
				if got := get(t, r, "level"); got != d.Severity.String() {
					t.Errorf("result %d: level %v, want %s", i, got, d.Severity)
				}
				if got := get(t, r, "message", "text"); got != d.Message {
					t.Errorf("result %d: message %q, want %q", i, got, d.Message)
				}
				region := get(t, r, "locations", 0, "physicalLocation", "region")
				if got := int(get(t, region, "startLine").(float64)); got != int(d.Start.Line) {
					t.Errorf("result %d: startLine %d, want %d", i, got, d.Start.Line)
				}
				for _, k := range []string{"startColumn", "endLine", "endColumn"} {
					get(t, region, k)
				}
				uri := get(t, r, "locations", 0, "physicalLocation", "artifactLocation", "uri").(string)
				tail := uri
				for strings.HasPrefix(tail, "../") {
					tail = tail[len("../"):]
				}
				if d.Start.File != "<stdin>" && !strings.HasSuffix(filepath.ToSlash(d.Start.File), tail) {
					t.Errorf("result %d: uri %q does not name %s", i, uri, d.Start.File)
				}
				if rel, _ := r.(map[string]any)["relatedLocations"].([]any); len(rel) != len(d.Related) {
					t.Errorf("result %d: %d related locations, want %d", i, len(rel), len(d.Related))
				} else {
					for j, l := range rel {
						if got := int(get(t, l, "id").(float64)); got != j+1 {
							t.Errorf("result %d: related location %d has id %d", i, j, got)
						}
						if got := get(t, l, "message", "text"); got != d.Related[j].Message {
							t.Errorf("result %d: related message %q, want %q", i, got, d.Related[j].Message)
						}
					}
				}
				fp, _ := get(t, r, "partialFingerprints", FingerprintKey).(string)
				if fp == "" {
					t.Errorf("result %d: no %s fingerprint", i, FingerprintKey)
				}
				if d.Fix != "" && get(t, r, "properties", "fix") != d.Fix {
					t.Errorf("result %d: properties.fix is not the finding's fix", i)
				}
			}
		})
	}
	if total == 0 {
		t.Error("no fixture produced a result")
	}
}

// tool.driver lists every rule of the registry, documented, with the README
// anchor as helpUri and the default level; the security rule carries the
// security severity code scanning ranks by.
func TestSARIFDriverRules(t *testing.T) {
	res := lintPaths(t, "", "../testdata/ok/plain-proxy.conf")
	log := validateSARIF(t, sarifOf(t, res, getwd(t)))
	driver := get(t, log, "runs", 0, "tool", "driver")
	if get(t, driver, "name") != "nginx-wslint" || get(t, driver, "version") != "devel" || get(t, driver, "informationUri") != InformationURI {
		t.Errorf("driver name/version/informationUri: %v %v %v", get(t, driver, "name"), get(t, driver, "version"), get(t, driver, "informationUri"))
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readmeAnchors := map[string]bool{}
	for _, line := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(line, "#") {
			readmeAnchors[githubAnchor(strings.TrimLeft(line, "# "))] = true
		}
	}
	got := get(t, driver, "rules").([]any)
	all := append(append([]*rules.Rule{}, rules.All...), rules.WS000)
	if len(got) != len(all) {
		t.Fatalf("%d rules in tool.driver, want %d (the registry and WS000)", len(got), len(all))
	}
	securityRules := 0
	for i, r := range all {
		rd := got[i]
		check := func(what string, got any, want string) {
			t.Helper()
			if got != want {
				t.Errorf("%s %s = %q, want %q", r.ID, what, got, want)
			}
		}
		check("id", get(t, rd, "id"), r.ID)
		check("name", get(t, rd, "name"), r.Name)
		check("shortDescription", get(t, rd, "shortDescription", "text"), r.Doc.Summary)
		check("fullDescription", get(t, rd, "fullDescription", "text"), r.Doc.Why)
		wantHelp := "https://github.com/nginx-wslint/nginx-wslint#" + rules.Anchor(r)
		if r == rules.WS000 {
			wantHelp = "https://github.com/nginx-wslint/nginx-wslint#suppressing-a-finding"
		}
		check("helpUri", get(t, rd, "helpUri"), wantHelp)
		if anchor := wantHelp[strings.Index(wantHelp, "#")+1:]; !readmeAnchors[anchor] {
			t.Errorf("%s helpUri: README.md has no section #%s", r.ID, anchor)
		}
		check("defaultConfiguration.level", get(t, rd, "defaultConfiguration", "level"), r.Severity.String())
		for _, format := range []string{"text", "markdown"} {
			help := get(t, rd, "help", format).(string)
			for _, part := range []string{r.Doc.Fix, strings.TrimSpace(r.Doc.Bad), strings.TrimSpace(r.Doc.Good)} {
				// The text form indents the examples.
				part = strings.Split(part, "\n")[0]
				if !strings.Contains(help, part) {
					t.Errorf("%s help.%s lacks %q", r.ID, format, part)
				}
			}
		}
		props, hasProps := rd.(map[string]any)["properties"]
		if r.Security {
			securityRules++
			if sev, ok := get(t, props, "security-severity").(string); !ok || sev != SecuritySeverity {
				t.Errorf("%s security-severity = %v, want the string %q", r.ID, get(t, props, "security-severity"), SecuritySeverity)
			}
			if tags := get(t, props, "tags"); !reflect.DeepEqual(tags, []any{"security"}) {
				t.Errorf("%s tags = %v, want [security]", r.ID, tags)
			}
		} else if hasProps {
			if _, ok := props.(map[string]any)["security-severity"]; ok {
				t.Errorf("%s is not a security rule but has a security-severity", r.ID)
			}
		}
	}
	if !rules.WS009.Security || securityRules == 0 {
		t.Error("WS009 should be a security rule")
	}
}

// githubAnchor is the anchor GitHub gives a Markdown heading.
func githubAnchor(heading string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
		}
	}
	return b.String()
}

// With nothing to report the log is still complete: tool, invocation and an
// empty results array.
func TestSARIFZeroResults(t *testing.T) {
	res := lintPaths(t, "", "../testdata/ok")
	if len(res.Findings()) != 0 || len(res.Errors()) != 0 {
		t.Fatalf("testdata/ok has findings or errors: %v %v", res.Findings(), res.Errors())
	}
	out := sarifOf(t, res, getwd(t))
	log := validateSARIF(t, out)
	if results, ok := get(t, log, "runs", 0, "results").([]any); !ok || len(results) != 0 {
		t.Errorf("results = %v, want []", get(t, log, "runs", 0, "results"))
	}
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf(`output lacks "results": []`)
	}
	if get(t, log, "runs", 0, "invocations", 0, "executionSuccessful") != true {
		t.Error("executionSuccessful is not true")
	}
	if get(t, log, "version") != "2.1.0" {
		t.Error("version is not 2.1.0")
	}
}

// Inserting lines above findings moves them but keeps their fingerprints,
// so code scanning tracks them as the same alerts. Each rule's "bad"
// example is the finding.
func TestSARIFFingerprintsStable(t *testing.T) {
	dir := t.TempDir()
	sawWS009 := false
	for _, r := range rules.All {
		file := filepath.Join(dir, strings.ToLower(r.ID)+".conf")
		results := func(src string) []any {
			t.Helper()
			if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			log := validateSARIF(t, sarifOf(t, lintPaths(t, "", file), dir))
			return get(t, log, "runs", 0, "results").([]any)
		}
		before := results(r.Doc.Bad)
		after := results("# an unrelated comment\n#\n# another one\n" + r.Doc.Bad)
		if len(before) == 0 {
			t.Errorf("%s: its bad example gives no finding", r.ID)
			continue
		}
		if len(before) != len(after) {
			t.Fatalf("%s: %d results before, %d after inserting lines", r.ID, len(before), len(after))
		}
		for i := range before {
			b, a := before[i], after[i]
			if get(t, b, "ruleId") == "WS009" {
				sawWS009 = true
			}
			if get(t, b, "ruleId") != get(t, a, "ruleId") {
				t.Fatalf("%s: result %d changed rule", r.ID, i)
			}
			lb := get(t, b, "locations", 0, "physicalLocation", "region", "startLine").(float64)
			la := get(t, a, "locations", 0, "physicalLocation", "region", "startLine").(float64)
			if la != lb+3 {
				t.Errorf("%s: startLine %v after inserting 3 lines, was %v", r.ID, la, lb)
			}
			if uri := get(t, b, "locations", 0, "physicalLocation", "artifactLocation", "uri"); uri != strings.ToLower(r.ID)+".conf" {
				t.Errorf("%s: uri %v, want the file name relative to the base directory", r.ID, uri)
			}
			fb := get(t, b, "partialFingerprints")
			fa := get(t, a, "partialFingerprints")
			if !reflect.DeepEqual(fb, fa) {
				t.Errorf("%s: partialFingerprints changed when lines were inserted above: %v -> %v", r.ID, fb, fa)
			}
		}
		// Fingerprints of one log are distinct.
		seen := map[string]bool{}
		for _, res := range before {
			fp := get(t, res, "partialFingerprints", FingerprintKey).(string)
			if seen[fp] {
				t.Errorf("%s: fingerprint %s appears twice", r.ID, fp)
			}
			seen[fp] = true
		}
	}
	if !sawWS009 {
		t.Error("no WS009 finding was checked")
	}
}

// Artifact URIs are relative to the working directory, with forward
// slashes, never empty, never "<stdin>", never absolute.
func TestSARIFURIs(t *testing.T) {
	s := &sarifWriter{base: "/work/repo"}
	for file, want := range map[string]string{
		"nginx.conf":                         "nginx.conf",
		"./conf.d/app.conf":                  "conf.d/app.conf",
		"/work/repo/conf.d/app.conf":         "conf.d/app.conf",
		"/work/other/app.conf":               "../other/app.conf",
		"/etc/nginx/nginx.conf":              "../../etc/nginx/nginx.conf",
		"../up.conf":                         "../up.conf",
		"<stdin>":                            "stdin.conf",
		"":                                   "stdin.conf",
		"sites-available/app.conf":           "sites-available/app.conf",
		"dir with space/a#b?.conf":           "dir%20with%20space/a%23b%3F.conf",
		"c:odd.conf":                         "c%3Aodd.conf",
		"/work/repo/caf\u00e9/100%/app.conf": "caf%C3%A9/100%25/app.conf",
	} {
		if got := s.uri(file); got != want {
			t.Errorf("uri(%q) = %q, want %q", file, got, want)
		}
	}

	// Standard input: "stdin.conf" unless --stdin-filename names it.
	src := "events {}\nhttp { server { location /ws/ { proxy_pass http://b; } } }\n"
	for name, want := range map[string]string{"<stdin>": "stdin.conf", "sites-available/app.conf": "sites-available/app.conf"} {
		res, err := lint.Run(context.Background(), []lint.Input{lint.Buffer(name, src)}, lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings()) == 0 {
			t.Fatal("no finding on stdin")
		}
		log := validateSARIF(t, sarifOf(t, res, getwd(t)))
		if got := get(t, log, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uri"); got != want {
			t.Errorf("stdin named %q: uri %v, want %s", name, got, want)
		}
	}
}

// Columns are UTF-16 code units (SARIF's default column kind), not bytes.
func TestSARIFColumnsUTF16(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "u.conf")
	src := "events {}\nhttp { server { server_name \u00e9\u00e9.example; location /ws/ { proxy_pass http://b; } } }\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	res := lintPaths(t, "", file)
	if len(res.Findings()) == 0 {
		t.Fatal("no finding")
	}
	log := validateSARIF(t, sarifOf(t, res, dir))
	d := res.Findings()[0]
	region := get(t, log, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "region")
	// Two two-byte characters before the location: two bytes fewer.
	if got := int(get(t, region, "startColumn").(float64)); got != int(d.Start.Column)-2 {
		t.Errorf("startColumn %d, want %d (byte column %d)", got, d.Start.Column-2, d.Start.Column)
	}
	if get(t, log, "runs", 0, "columnKind") != "utf16CodeUnits" {
		t.Error("columnKind is not utf16CodeUnits")
	}
}

// Configuration errors are tool execution notifications with their level
// and place; suppressed findings stay, with an inSource suppression and its
// reason; WS000 notes are results of the rule after the registry's; a
// finding's fix is in its properties.
func TestSARIFErrorsSuppressionsFixes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "broken.conf")
	if err := os.WriteFile(file, []byte("events {}\nhttp {\n    server {\n        listen 80\n    }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res := lintPaths(t, "", file)
	if len(res.Errors()) == 0 {
		t.Fatal("no configuration error")
	}
	log := validateSARIF(t, sarifOf(t, res, dir))
	inv := get(t, log, "runs", 0, "invocations", 0)
	if get(t, inv, "executionSuccessful") != true {
		t.Error("executionSuccessful is not true")
	}
	notes := get(t, inv, "toolExecutionNotifications").([]any)
	if len(notes) != len(res.Errors()) {
		t.Fatalf("%d notifications for %d errors", len(notes), len(res.Errors()))
	}
	for i, p := range res.Errors() {
		n := notes[i]
		if get(t, n, "level") != p.Severity.String() || get(t, n, "message", "text") != p.Message {
			t.Errorf("notification %d: %v %v, want %s %s", i, get(t, n, "level"), get(t, n, "message", "text"), p.Severity, p.Message)
		}
		if get(t, n, "locations", 0, "physicalLocation", "artifactLocation", "uri") != "broken.conf" {
			t.Errorf("notification %d: uri %v", i, get(t, n, "locations", 0, "physicalLocation", "artifactLocation", "uri"))
		}
		if int(get(t, n, "locations", 0, "physicalLocation", "region", "startLine").(float64)) != int(p.Start.Line) {
			t.Errorf("notification %d: wrong line", i)
		}
	}

	// A suppression comment with a reason silences WS009 on the line below;
	// one without a reason is a WS000 note and silences nothing.
	src := strings.Replace(rules.WS009.Doc.Bad, "            proxy_set_header Connection $http_connection;\n",
		"            # nginx-wslint-ignore WS009 -- the backend does not speak h2c\n"+
			"            proxy_set_header Connection $http_connection;\n", 1)
	src = strings.Replace(src, "            proxy_pass http://127.0.0.1:8080;\n",
		"            proxy_pass http://127.0.0.1:8080;  # nginx-wslint-ignore WS008\n", 1)
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	res = lintPaths(t, "", file)
	log = validateSARIF(t, sarifOf(t, res, dir))
	results := get(t, log, "runs", 0, "results").([]any)
	if len(results) != len(res.Findings()) {
		t.Fatalf("%d results for %d findings", len(results), len(res.Findings()))
	}
	var suppressed, ws000 int
	for i, d := range res.Findings() {
		r := results[i]
		sups, has := r.(map[string]any)["suppressions"]
		switch {
		case d.Suppressed != nil:
			suppressed++
			if d.Rule != rules.WS009 {
				t.Errorf("result %d: %s suppressed", i, d.Rule.ID)
			}
			sup := get(t, sups, 0)
			if get(t, sup, "kind") != "inSource" || get(t, sup, "justification") != "the backend does not speak h2c" {
				t.Errorf("result %d: suppression = %v", i, sup)
			}
			if int(get(t, sup, "location", "physicalLocation", "region", "startLine").(float64)) != int(d.Start.Line)-1 {
				t.Errorf("result %d: the suppression's location is not the comment's line", i)
			}
		case has:
			t.Errorf("result %d (%s) is not suppressed but has suppressions %v", i, d.Rule.ID, sups)
		}
		if d.Rule == rules.WS000 {
			ws000++
			if int(get(t, r, "ruleIndex").(float64)) != len(rules.All) || get(t, r, "level") != "note" {
				t.Errorf("WS000 result: ruleIndex %v level %v", get(t, r, "ruleIndex"), get(t, r, "level"))
			}
		}
		if d.Fix != "" && get(t, r, "properties", "fix") != d.Fix {
			t.Errorf("result %d: properties.fix = %v, want %q", i, get(t, r, "properties", "fix"), d.Fix)
		}
		// A finding with edits (package fix) carries them as one fix, one
		// replacement per edit; one without has no fixes.
		fixes, has := r.(map[string]any)["fixes"]
		switch {
		case len(d.Edits) == 0 && has:
			t.Errorf("result %d: fixes %v without an edit to make", i, fixes)
		case len(d.Edits) > 0 && !has:
			t.Errorf("result %d (%s): %d edits but no fixes", i, d.Rule.ID, len(d.Edits))
		case len(d.Edits) > 0:
			n := 0
			for _, c := range get(t, fixes, 0, "artifactChanges").([]any) {
				n += len(get(t, c, "replacements").([]any))
			}
			if n != len(d.Edits) {
				t.Errorf("result %d: %d replacements for %d edits", i, n, len(d.Edits))
			}
		}
	}
	if suppressed != 1 || ws000 != 1 {
		t.Errorf("%d suppressed findings and %d WS000 notes, want 1 and 1", suppressed, ws000)
	}
}

// The README's multi-file example, as a golden file (-update rewrites it).
func TestSARIFGolden(t *testing.T) {
	golden, err := filepath.Abs("testdata/golden.sarif")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("..")
	res := lintPaths(t, "", "testdata/examples/chat")
	out := sarifOf(t, res, getwd(t))
	validateSARIF(t, out)
	if updating() {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run SARIFGolden -update)", err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("SARIF output differs from %s (run with -update if the change is intended):\n%s", golden, out)
	}
	validateSARIF(t, want)
}

// The schema check has teeth: what code scanning or the schema refuses
// fails it (a fix without artifactChanges, which is why a fix without edits
// is only advice in properties.fix; an unknown level; a zero line).
func TestSARIFSchemaRejects(t *testing.T) {
	res := lintPaths(t, "", "../testdata/rules/WS009/http-connection.conf")
	if len(res.Findings()) == 0 {
		t.Fatal("no finding")
	}
	out := sarifOf(t, res, getwd(t))
	for name, mutate := range map[string]func(result map[string]any){
		"fix without artifactChanges": func(r map[string]any) {
			r["fixes"] = []any{map[string]any{"description": map[string]any{"text": "do this"}}}
		},
		"unknown level": func(r map[string]any) { r["level"] = "fatal" },
		"line zero": func(r map[string]any) {
			get(t, r, "locations", 0, "physicalLocation", "region").(map[string]any)["startLine"] = 0
		},
	} {
		var log map[string]any
		if err := json.Unmarshal(out, &log); err != nil {
			t.Fatal(err)
		}
		mutate(get(t, log, "runs", 0, "results", 0).(map[string]any))
		b, err := json.Marshal(log)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sarifSchema(t).Validate(inst); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// A finding with edits carries them as a SARIF fix: one artifact change
// per file, each edit a replacement of a line/column region (UTF-16
// columns) with the inserted text; the log still validates.
func TestSARIFFixWithEdits(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "e.conf")
	src := "events {}\nhttp { server { server_name \u00e9.example; location /ws/ {\n    proxy_pass http://b;\n} } }\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	res := lintPaths(t, "", file)
	if len(res.Diagnostics) == 0 {
		t.Fatal("no finding")
	}
	d := &res.Diagnostics[0]
	at := strings.Index(src, "location")
	ins := strings.Index(src, "    proxy_pass")
	d.Edits = []rules.Edit{
		{File: file, Start: at, End: at + len("location"), NewText: "location"},
		{File: file, Start: ins, End: ins, NewText: "    proxy_http_version 1.1;\n"},
	}
	log := validateSARIF(t, sarifOf(t, res, dir))
	fix := get(t, log, "runs", 0, "results", 0, "fixes", 0)
	if get(t, fix, "description", "text") != d.Fix {
		t.Errorf("fix description %v, want %q", get(t, fix, "description", "text"), d.Fix)
	}
	changes := get(t, fix, "artifactChanges").([]any)
	if len(changes) != 1 || get(t, changes[0], "artifactLocation", "uri") != "e.conf" {
		t.Fatalf("artifactChanges: %v", changes)
	}
	reps := get(t, changes[0], "replacements").([]any)
	if len(reps) != 2 {
		t.Fatalf("replacements: %v", reps)
	}
	// "é" is two bytes, one UTF-16 unit: the byte column 41 is column 40.
	for i, want := range []map[string]any{
		{"startLine": 2.0, "startColumn": 40.0, "endLine": 2.0, "endColumn": 48.0, "text": "location"},
		{"startLine": 3.0, "startColumn": 1.0, "endLine": 3.0, "endColumn": 1.0, "text": "    proxy_http_version 1.1;\n"},
	} {
		region := get(t, reps[i], "deletedRegion").(map[string]any)
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			if region[k] != want[k] {
				t.Errorf("replacement %d: %s = %v, want %v", i, k, region[k], want[k])
			}
		}
		if got := get(t, reps[i], "insertedContent", "text"); got != want["text"] {
			t.Errorf("replacement %d: text %q", i, got)
		}
	}
	if get(t, log, "runs", 0, "results", 0, "properties", "fix") != d.Fix {
		t.Error("properties.fix lost")
	}
}
