package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// informationURI is the project's home page; a rule's helpUri is its README
// section there.
const informationURI = "https://github.com/nginx-wslint/nginx-wslint"

// sarifSchemaURI is the schema the output declares: the OASIS 2.1.0 schema
// with the approved errata, the one the tests validate against.
const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// fingerprintKey names nginx-wslint's partial fingerprint: a hash of the rule,
// the file and the directive's path in the configuration tree, never a line.
const fingerprintKey = "nginxWslintPath/v1"

// securitySeverity is the CVSS-like score code scanning ranks findings of
// security rules by ("7.0" to "8.9" is high). The one security rule, WS009,
// lets any client reach the backend past nginx's access rules (h2c
// smuggling).
const securitySeverity = "7.5"

// stdinURI stands for standard input read without --stdin-filename: code
// scanning rejects an empty URI and "<stdin>" is not a valid URI reference.
const stdinURI = "stdin.conf"

// sarifOptions say how to write SARIF.
type sarifOptions struct {
	// BaseDir is the working directory: artifact URIs are relative to it,
	// and relative file names in findings are read against it. Empty means
	// the process's working directory.
	BaseDir string
	// Paths, when set, rewrites file names first (--path-map), so that an
	// nginx -T dump's /etc/nginx/... files point into the repository.
	Paths *pathDisplay
}

// writeSARIF writes the run as a SARIF 2.1.0 log for code scanning: every
// rule of the registry (and WS000) with its documentation, one result per
// finding in the findings' order (the
// suppressed ones too, with their suppression), and the configuration's
// errors as tool execution notifications.
//
// Artifact URIs are the file names after --path-map (opts.Paths), made
// relative to opts.BaseDir, with forward slashes and without a uriBaseId,
// which code scanning rejects or fingerprints badly. A
// file outside BaseDir stays relative, with "../" segments (an nginx -T
// dump's /etc/nginx/nginx.conf read in /home/u/repo is
// "../../../etc/nginx/nginx.conf"; --path-map is the way to point such
// files into the repository); only where no relative path exists (another
// Windows volume) is the path used without its volume and leading slash.
// Standard input without --stdin-filename is "stdin.conf".
//
// Columns are converted from the parser's byte columns to UTF-16 code
// units, SARIF's default columnKind, which the output also states.
func writeSARIF(w io.Writer, r *result, opts sarifOptions) error {
	s := newSARIFWriter(r, opts)
	rep := sarif.NewReport()
	rep.Schema = sarifSchemaURI
	rep.AddRun(s.run())
	// go-sarif writes every field, unset ones as -1 or []: prune them, so
	// that a log holds what was found (the schema's defaults say the rest).
	raw, err := json.Marshal(rep)
	if err != nil {
		return err
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(pruneSARIF(doc, ""))
}

// keptEmpty are the arrays SARIF consumers expect even when empty.
var keptEmpty = map[string]bool{"results": true, "rules": true, "runs": true, "relatedLocations": true, "fixes": true, "locations": true}

// pruneSARIF drops the -1 placeholders of unset indexes and offsets, and
// empty arrays and objects, except those consumers expect.
func pruneSARIF(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			pv := pruneSARIF(val, k)
			if f, ok := pv.(float64); ok && f == -1 {
				delete(x, k)
				continue
			}
			if a, ok := pv.([]any); ok && len(a) == 0 && !keptEmpty[k] {
				delete(x, k)
				continue
			}
			if m, ok := pv.(map[string]any); ok && len(m) == 0 {
				delete(x, k)
				continue
			}
			x[k] = pv
		}
		return x
	case []any:
		for i := range x {
			x[i] = pruneSARIF(x[i], key)
		}
		return x
	}
	return v
}

type sarifWriter struct {
	r       *result
	base    string
	paths   *pathDisplay
	ruleIdx map[*rules.Rule]int
	rules   []*rules.Rule
	srcs    map[string]string // file path -> contents, for columns
}

func newSARIFWriter(r *result, opts sarifOptions) *sarifWriter {
	base := opts.BaseDir
	if base == "" {
		base, _ = os.Getwd()
	}
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	s := &sarifWriter{r: r, base: base, paths: opts.Paths, ruleIdx: map[*rules.Rule]int{}, srcs: map[string]string{}}
	for _, rule := range rules.All {
		s.addRule(rule)
	}
	// WS000, the notes about suppression comments, is not in the registry
	// but reports findings: it always follows the registry's rules, so that
	// every log lists the same rules at the same indexes. Any other rule a
	// finding names gets a descriptor after it.
	s.addRule(rules.WS000)
	var extra []*rules.Rule
	seen := map[*rules.Rule]bool{}
	for _, d := range r.findings {
		if _, ok := s.ruleIdx[d.Rule]; !ok && !seen[d.Rule] {
			seen[d.Rule] = true
			extra = append(extra, d.Rule)
		}
	}
	sort.SliceStable(extra, func(i, j int) bool { return extra[i].ID < extra[j].ID })
	for _, rule := range extra {
		s.addRule(rule)
	}
	for _, cfg := range r.configs {
		for _, f := range cfg.Files {
			s.srcs[f.Path] = f.Src
		}
	}
	return s
}

func (s *sarifWriter) addRule(r *rules.Rule) {
	s.ruleIdx[r] = len(s.rules)
	s.rules = append(s.rules, r)
}

func (s *sarifWriter) run() *sarif.Run {
	run := sarif.NewRunWithInformationURI("nginx-wslint", informationURI)
	driver := run.Tool.Driver
	v := version()
	driver.Version = &v
	if strings.HasPrefix(v, "v") && len(v) > 1 && v[1] >= '0' && v[1] <= '9' {
		sv := v[1:]
		driver.SemanticVersion = &sv
	}
	for _, r := range s.rules {
		driver.Rules = append(driver.Rules, reportingDescriptor(r))
	}
	columnKind := "utf16CodeUnits"
	run.ColumnKind = &columnKind

	inv := sarif.NewInvocation()
	ok := true
	inv.ExecutionSuccessful = &ok
	for _, p := range s.r.errors {
		n := sarif.NewNotification()
		n.Level = level(p.Severity)
		n.Message = sarif.NewTextMessage(p.Message)
		if loc := s.location(p.Position, parser.Position{}); loc != nil {
			n.Locations = append(n.Locations, loc)
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.AddInvocation(inv)

	occurrences := map[string]int{}
	for i := range s.r.findings {
		run.AddResult(s.result(&s.r.findings[i], occurrences))
	}
	return run
}

// reportingDescriptor is a rule's entry in tool.driver.rules.
func reportingDescriptor(r *rules.Rule) *sarif.ReportingDescriptor {
	rd := sarif.NewRule(r.ID)
	name := r.Name
	rd.Name = &name
	if r.Doc.Summary != "" {
		rd.ShortDescription = sarif.NewMultiformatMessageString().WithText(r.Doc.Summary)
	}
	if r.Doc.Why != "" {
		rd.FullDescription = sarif.NewMultiformatMessageString().WithText(r.Doc.Why)
	}
	text, markdown := ruleHelp(r)
	rd.Help = sarif.NewMultiformatMessageString().WithText(text).WithMarkdown(markdown)
	help := helpURI(r)
	rd.HelpURI = &help
	rd.DefaultConfiguration = sarif.NewReportingConfiguration()
	rd.DefaultConfiguration.Level = level(r.Severity.String())
	if r.Security {
		rd.Properties = &sarif.PropertyBag{
			Properties: sarif.Properties{"security-severity": securitySeverity},
			Tags:       []string{"security"},
		}
	}
	return rd
}

// suppressionAnchor is the README section on suppression comments, the
// documentation of WS000, which has no section of its own among the rules.
const suppressionAnchor = "suppressing-a-finding"

// helpURI is the README section that documents a rule.
func helpURI(r *rules.Rule) string {
	if r == rules.WS000 {
		return informationURI + "#" + suppressionAnchor
	}
	return informationURI + "#" + rules.Anchor(r)
}

// ruleHelp is a rule's documentation as plain text and as Markdown: why it
// matters, the fix, and the flagged and fixed examples.
func ruleHelp(r *rules.Rule) (text, markdown string) {
	var t, m strings.Builder
	t.WriteString(r.Doc.Why)
	m.WriteString(r.Doc.Why)
	if r.Doc.Fix != "" {
		t.WriteString("\n\nFix: " + r.Doc.Fix)
		m.WriteString("\n\n**Fix:** " + r.Doc.Fix)
	}
	if r.Doc.Bad != "" {
		t.WriteString("\n\nFlagged:\n\n" + indentBlock(r.Doc.Bad))
		m.WriteString("\n\nFlagged:\n\n```nginx\n" + withNewline(r.Doc.Bad) + "```")
	}
	if r.Doc.Good != "" {
		t.WriteString("\n\nFixed:\n\n" + indentBlock(r.Doc.Good))
		m.WriteString("\n\nFixed:\n\n```nginx\n" + withNewline(r.Doc.Good) + "```")
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

func withNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

func indentBlock(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n")
}

// level maps a severity to a SARIF level.
func level(severity string) string {
	switch severity {
	case "error":
		return sarif.LevelError
	case "note":
		return sarif.LevelNote
	}
	return sarif.LevelWarning
}

// result is one finding. occurrences counts the findings sharing a
// fingerprint so far, so that two findings of a rule on the same tree path
// (two servers without server_name) stay distinct and keep their numbers
// when unrelated lines move.
func (s *sarifWriter) result(d *rules.Diagnostic, occurrences map[string]int) *sarif.Result {
	res := sarif.NewRuleResult(d.Rule.ID)
	res.RuleIndex = s.ruleIdx[d.Rule]
	res.Level = level(d.Severity.String())
	res.Message = sarif.NewTextMessage(d.Message)
	if loc := s.location(d.Start, d.End); loc != nil {
		res.Locations = append(res.Locations, loc)
	}
	for i, rel := range d.Related {
		loc := s.location(rel.Position, parser.Position{})
		if loc == nil {
			continue
		}
		loc.ID = i + 1
		if rel.Message != "" {
			loc.Message = sarif.NewTextMessage(rel.Message)
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}

	fp := s.fingerprint(d)
	occurrences[fp]++
	res.PartialFingerprints = map[string]string{fingerprintKey: fp + ":" + strconv.Itoa(occurrences[fp])}

	// SARIF's fix object requires artifactChanges with at least one
	// replacement (a deleted region and the inserted text); the rules give a
	// fix as advice in words, not as an edit, so the advice goes into the
	// result's properties and "fixes" stays empty.
	if d.Fix != "" {
		res.Properties = &sarif.PropertyBag{Properties: sarif.Properties{"fix": d.Fix}}
	}
	if sup := d.Suppressed; sup != nil {
		kind := "inSource"
		sp := sarif.NewSuppression()
		sp.Kind = &kind
		if sup.Reason != "" {
			reason := sup.Reason
			sp.Justification = &reason
		}
		if sup.Comment.File != "" && sup.Comment.Line > 0 {
			sp.Location = s.location(sup.Comment, parser.Position{})
		}
		res.Suppressions = append(res.Suppressions, sp)
	}
	return res
}

// fingerprint identifies a finding by its rule, file and the directive's
// path in the configuration tree, so it survives edits elsewhere in the
// file. A finding without a directive (a note about a comment) uses its
// message instead.
func (s *sarifWriter) fingerprint(d *rules.Diagnostic) string {
	key := d.Rule.ID + "\x00" + s.uri(d.Start.File) + "\x00"
	if d.Node != nil {
		key += rules.NodePath(d.Node)
	} else {
		key += "message:" + d.Message
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// location is a physical location from start to end (end may be zero).
func (s *sarifWriter) location(start, end parser.Position) *sarif.Location {
	if start.Line <= 0 && start.File == "" {
		return nil
	}
	u := s.uri(start.File)
	al := sarif.NewArtifactLocation()
	al.URI = &u
	pl := sarif.NewPhysicalLocation()
	pl.ArtifactLocation = al
	if start.Line > 0 {
		reg := sarif.NewRegion()
		startLine := int(start.Line)
		reg.StartLine = &startLine
		if start.Column > 0 {
			c := s.column(start)
			reg.StartColumn = &c
		}
		if end.Line > 0 && (end.File == "" || end.File == start.File) && (end.Line > start.Line || end.Line == start.Line && end.Column > start.Column) {
			endLine := int(end.Line)
			reg.EndLine = &endLine
			if end.Column > 0 {
				c := s.column(end)
				reg.EndColumn = &c
			}
		}
		pl.Region = reg
	}
	loc := sarif.NewLocation()
	loc.PhysicalLocation = pl
	return loc
}

// column converts a byte column to UTF-16 code units, using the file's text
// when the linter read it; otherwise it is the byte column (the same for
// ASCII text).
func (s *sarifWriter) column(p parser.Position) int {
	col := int(p.Column)
	src, ok := s.srcs[p.File]
	if !ok {
		return col
	}
	lineStart := int(p.Offset) - (col - 1)
	if lineStart < 0 || int(p.Offset) > len(src) {
		return col
	}
	prefix := src[lineStart:p.Offset]
	if strings.ContainsRune(prefix, '\n') || (lineStart > 0 && src[lineStart-1] != '\n') {
		return col // the offset does not fit the column
	}
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRuneInString(prefix)
		if r == utf8.RuneError && size <= 1 {
			units++ // an invalid byte counts as one unit, as it did as a byte
		} else {
			units += utf16.RuneLen(r)
		}
		prefix = prefix[size:]
	}
	return units + 1
}

// uri is a file name as a relative URI reference: relative to the base
// directory, with forward slashes, percent-encoded where a URI needs it.
func (s *sarifWriter) uri(file string) string {
	if file == "" || file == "<stdin>" {
		return stdinURI
	}
	p := s.paths.show(file)
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.base, p)
	}
	rel, err := filepath.Rel(s.base, p)
	if err != nil {
		// No relative path (another volume): the path without its volume
		// and leading separators.
		rel = strings.TrimLeft(filepath.ToSlash(strings.TrimPrefix(p, filepath.VolumeName(p))), "/")
	}
	rel = filepath.ToSlash(rel)
	if rel == "." || rel == "" {
		return stdinURI
	}
	return escapeURIPath(rel)
}

// escapeURIPath percent-encodes what may not appear in a URI path as is
// (RFC 3986 pchar plus "/"); ":" is encoded too, so that a first segment
// such as "c:" is not read as a scheme.
func escapeURIPath(p string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}
