package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chavacava/garif"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// InformationURI is the project's home page; a rule's helpUri is its
// README section there.
const InformationURI = "https://github.com/nginx-wslint/nginx-wslint"

// sarifSchemaURI is the schema the output declares: the OASIS 2.1.0 schema
// with the approved errata, the one the tests validate against.
const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// FingerprintKey names nginx-wslint's partial fingerprint: a hash of the
// rule, the file and the directive's path in the configuration tree, never
// a line.
const FingerprintKey = "nginxWslintPath/v1"

// SecuritySeverity is the CVSS-like score code scanning ranks findings of
// security rules by ("7.0" to "8.9" is high). The one security rule, WS009,
// lets any client reach the backend past nginx's access rules (h2c
// smuggling).
const SecuritySeverity = "7.5"

// stdinURI stands for standard input read without --stdin-filename: code
// scanning rejects an empty URI and "<stdin>" is not a valid URI reference.
const stdinURI = "stdin.conf"

// A result is declared here, over garif's object model, for what garif's
// omitempty would drop: a result's "ruleIndex" 0 (the first rule). Members
// are in alphabetical order, as in garif's structs. The log around the
// results is written by SARIF member by member.
type sarifResult struct {
	Fixes               []*garif.Fix         `json:"fixes,omitempty"`
	Level               garif.ResultLevel    `json:"level"`
	Locations           []*garif.Location    `json:"locations,omitempty"`
	Message             *garif.Message       `json:"message"`
	PartialFingerprints map[string]string    `json:"partialFingerprints"`
	Properties          *garif.PropertyBag   `json:"properties,omitempty"`
	RelatedLocations    []*garif.Location    `json:"relatedLocations,omitempty"`
	RuleID              string               `json:"ruleId"`
	RuleIndex           int                  `json:"ruleIndex"`
	Suppressions        []*garif.Suppression `json:"suppressions,omitempty"`
}

// SARIF writes the run as a SARIF 2.1.0 log for code scanning: every rule
// of the registry (and WS000) with its documentation, one result per
// finding in the result's order (the suppressed ones too, with their
// suppression), and the configuration's errors as tool execution
// notifications. An internal error (a rule that crashed) is a notification
// of level error with the rule as its associatedRule, and makes the
// invocation's executionSuccessful false.
//
// Artifact URIs are the file names after --path-map (o.Paths), made
// relative to o.BaseDir, with forward slashes and without a uriBaseId,
// which code scanning rejects or fingerprints badly. A file outside BaseDir
// stays relative, with "../" segments (an nginx -T dump's
// /etc/nginx/nginx.conf read in /home/u/repo is
// "../../../etc/nginx/nginx.conf"; --path-map is the way to point such
// files into the repository); only where no relative path exists (another
// Windows volume) is the path used without its volume and leading slash.
// Standard input without --stdin-filename is "stdin.conf".
//
// Columns are converted from the parser's byte columns to UTF-16 code
// units, SARIF's default columnKind, which the output also states.
//
// A finding's fix text is in the result's properties ("fix"); where the
// finding carries edits, "fixes" holds them as artifact changes.
func SARIF(w io.Writer, r *lint.Result, o Options) error {
	sw := newSARIFWriter(r, o)
	// The log is written member by member, in the alphabetical order of
	// garif's structs, and the results one at a time as they are made.
	s := newJSONStream(w)
	s.raw("{")
	s.key("$schema", 1, true)
	s.value(sarifSchemaURI, 1)
	s.key("runs", 1, false)
	s.raw("[")
	s.newline(2)
	s.raw("{")
	s.key("columnKind", 3, true)
	s.value(sarifColumnKind, 3)
	s.key("invocations", 3, false)
	s.value([]*garif.Invocation{sw.invocation()}, 3)
	s.key("results", 3, false)
	s.array(3, func(yield func(any) bool) {
		for res := range sw.results() {
			if !yield(res) {
				return
			}
		}
	})
	s.key("tool", 3, false)
	s.value(sw.tool(), 3)
	s.newline(2)
	s.raw("}")
	s.newline(1)
	s.raw("]")
	s.key("version", 1, false)
	s.value(sarifVersion, 1)
	s.newline(0)
	s.raw("}")
	return s.close()
}

// sarifColumnKind says columns count UTF-16 code units, SARIF's default.
const sarifColumnKind, sarifVersion = "utf16CodeUnits", "2.1.0"

type sarifWriter struct {
	r       *lint.Result
	o       Options
	base    string
	ruleIdx map[*rules.Rule]int
	rules   []*rules.Rule
	uris    map[string]string // file path -> URI
}

func newSARIFWriter(r *lint.Result, o Options) *sarifWriter {
	base := o.BaseDir
	if base == "" {
		base, _ = os.Getwd()
	}
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	s := &sarifWriter{r: r, o: o, base: base, ruleIdx: map[*rules.Rule]int{}, uris: map[string]string{}}
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
	for _, d := range r.Diagnostics {
		if d.Kind != lint.Finding {
			continue
		}
		if _, ok := s.ruleIdx[d.Rule]; !ok && !seen[d.Rule] {
			seen[d.Rule] = true
			extra = append(extra, d.Rule)
		}
	}
	sort.SliceStable(extra, func(i, j int) bool { return extra[i].ID < extra[j].ID })
	for _, rule := range extra {
		s.addRule(rule)
	}
	return s
}

func (s *sarifWriter) addRule(r *rules.Rule) {
	s.ruleIdx[r] = len(s.rules)
	s.rules = append(s.rules, r)
}

// tool is the run's tool: nginx-wslint and every rule's documentation.
func (s *sarifWriter) tool() *garif.Tool {
	driver := garif.NewDriver("nginx-wslint")
	driver.InformationUri = InformationURI
	v := s.o.Version
	if v == "" {
		v = "devel"
	}
	driver.Version = v
	if strings.HasPrefix(v, "v") && len(v) > 1 && v[1] >= '0' && v[1] <= '9' {
		driver.SemanticVersion = v[1:]
	}
	for _, r := range s.rules {
		driver.Rules = append(driver.Rules, reportingDescriptor(r))
	}
	return garif.NewTool(driver)
}

// invocation is the run's invocation: the configuration's errors as tool
// execution notifications; unsuccessful when a rule crashed.
func (s *sarifWriter) invocation() *garif.Invocation {
	inv := garif.NewInvocation(true)
	for i := range s.r.Diagnostics {
		d := &s.r.Diagnostics[i]
		if d.Kind == lint.Finding {
			continue
		}
		n := garif.NewNotification(garif.NewMessageFromText(d.Message))
		n.Level = level(d.Severity)
		if d.Kind == lint.InternalError {
			// nginx-wslint failed: the run is incomplete.
			n.Level = garif.ResultLevel_Error
			inv.ExecutionSuccessful = false
			if d.Rule != nil {
				n.AssociatedRule = garif.NewReportingDescriptorReference()
				n.AssociatedRule.Id = d.Rule.ID
			}
		}
		if loc := s.location(d.Start, parser.Position{}); loc != nil {
			n.Locations = append(n.Locations, loc)
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

// results yields one result per finding, suppressed ones included, in the
// result's order.
func (s *sarifWriter) results() iter.Seq[*sarifResult] {
	return func(yield func(*sarifResult) bool) {
		occurrences := map[string]int{}
		for v := range eachView(s.r, s.o.Paths, true) {
			if v.Kind != lint.Finding {
				continue
			}
			if !yield(s.result(v, occurrences)) {
				return
			}
		}
	}
}

// reportingDescriptor is a rule's entry in tool.driver.rules.
func reportingDescriptor(r *rules.Rule) *garif.ReportingDescriptor {
	rd := garif.NewRule(r.ID)
	rd.Name = r.Name
	if r.Doc.Summary != "" {
		rd.ShortDescription = garif.NewMultiformatMessageString(r.Doc.Summary)
	}
	if r.Doc.Why != "" {
		rd.FullDescription = garif.NewMultiformatMessageString(r.Doc.Why)
	}
	text, markdown := ruleHelp(r)
	rd.Help = garif.NewMultiformatMessageString(text)
	rd.Help.Markdown = markdown
	rd.HelpUri = helpURI(r)
	rd.DefaultConfiguration = garif.NewReportingConfiguration()
	rd.DefaultConfiguration.Level = level(r.Severity)
	if r.Security {
		rd.Properties = &garif.PropertyBag{"security-severity": SecuritySeverity, "tags": []string{"security"}}
	}
	return rd
}

// suppressionAnchor is the README section on suppression comments, the
// documentation of WS000, which has no section of its own among the rules.
const suppressionAnchor = "suppressing-a-finding"

// helpURI is the README section that documents a rule.
func helpURI(r *rules.Rule) string {
	if r == rules.WS000 {
		return InformationURI + "#" + suppressionAnchor
	}
	return InformationURI + "#" + rules.Anchor(r)
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
func level(s rules.Severity) garif.ResultLevel {
	switch s {
	case rules.Error:
		return garif.ResultLevel_Error
	case rules.Note:
		return garif.ResultLevel_Note
	}
	return garif.ResultLevel_Warning
}

// result is one finding. occurrences counts the findings sharing a
// fingerprint so far, so that two findings of a rule on the same tree path
// (two servers without server_name) stay distinct and keep their numbers
// when unrelated lines move.
func (s *sarifWriter) result(v view, occurrences map[string]int) *sarifResult {
	d := v.Diagnostic
	res := &sarifResult{RuleID: d.Rule.ID, RuleIndex: s.ruleIdx[d.Rule], Level: level(d.Severity), Message: garif.NewMessageFromText(v.message)}
	if loc := s.location(d.Start, d.End); loc != nil {
		res.Locations = append(res.Locations, loc)
	}
	for i, rel := range d.Related {
		loc := s.location(rel.Position, parser.Position{})
		if loc == nil {
			continue
		}
		loc.Id = i + 1
		if v.related[i] != "" {
			loc.Message = garif.NewMessageFromText(v.related[i])
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}

	fp := s.fingerprint(v)
	occurrences[fp]++
	res.PartialFingerprints = map[string]string{FingerprintKey: fp + ":" + strconv.Itoa(occurrences[fp])}

	// The fix in words is always in the properties, where code scanning
	// keeps it; SARIF's fix object needs artifact changes, so "fixes" is
	// there only for findings with edits.
	if d.Fix != "" {
		res.Properties = &garif.PropertyBag{"fix": d.Fix}
	}
	if fix := s.fix(d); fix != nil {
		res.Fixes = []*garif.Fix{fix}
	}
	if sup := d.Suppressed; sup != nil {
		sp := garif.NewSuppression("inSource")
		sp.Justification = sup.Reason
		if sup.Comment.File != "" && sup.Comment.Line > 0 {
			sp.Location = s.location(sup.Comment, parser.Position{})
		}
		res.Suppressions = append(res.Suppressions, sp)
	}
	return res
}

// fix turns a finding's edits into a SARIF fix: one artifact change per
// file, each edit a replacement of a region given by lines and UTF-16
// columns, with the inserted text. nil when the finding has no edits or an
// edit does not fit its file.
func (s *sarifWriter) fix(d *lint.Diagnostic) *garif.Fix {
	if len(d.Edits) == 0 {
		return nil
	}
	var changes []*garif.ArtifactChange
	byFile := map[string]*garif.ArtifactChange{}
	for _, e := range d.Edits {
		src, ok := s.r.Source(e.File)
		if !ok || e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return nil
		}
		region := garif.NewRegion()
		region.StartLine, region.StartColumn = lineColumn(src, e.Start)
		region.EndLine, region.EndColumn = lineColumn(src, e.End)
		rep := garif.NewReplacement(region)
		rep.InsertedContent = garif.NewArtifactContent()
		rep.InsertedContent.Text = e.NewText
		ch := byFile[e.File]
		if ch == nil {
			al := garif.NewArtifactLocation()
			al.Uri = s.uri(e.File)
			ch = garif.NewArtifactChange(al)
			byFile[e.File] = ch
			changes = append(changes, ch)
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	fix := garif.NewFix(changes...)
	if d.Fix != "" {
		fix.Description = garif.NewMessageFromText(d.Fix)
	}
	return fix
}

// lineColumn is the 1-based line and UTF-16 column of a byte offset.
func lineColumn(src string, off int) (line, col int) {
	lineStart := strings.LastIndexByte(src[:off], '\n') + 1
	return strings.Count(src[:lineStart], "\n") + 1, utf16Units(src[lineStart:off]) + 1
}

// fingerprint identifies a finding by its rule, file and the directive's
// path in the configuration tree, so it survives edits elsewhere in the
// file. A finding without a directive (a note about a comment) uses its
// message instead.
func (s *sarifWriter) fingerprint(v view) string {
	key := v.Rule.ID + "\x00" + s.uri(v.Start.File) + "\x00"
	if v.Node != nil {
		key += rules.NodePath(v.Node)
	} else {
		key += "message:" + v.message
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// location is a physical location from start to end (end may be zero).
func (s *sarifWriter) location(start, end parser.Position) *garif.Location {
	if start.Line <= 0 && start.File == "" {
		return nil
	}
	al := garif.NewArtifactLocation()
	al.Uri = s.uri(start.File)
	pl := garif.NewPhysicalLocation()
	pl.ArtifactLocation = al
	if start.Line > 0 {
		reg := garif.NewRegion()
		reg.StartLine = int(start.Line)
		if start.Column > 0 {
			reg.StartColumn = s.column(start)
		}
		if end.Line > 0 && (end.File == "" || end.File == start.File) && (end.Line > start.Line || end.Line == start.Line && end.Column > start.Column) {
			reg.EndLine = int(end.Line)
			if end.Column > 0 {
				reg.EndColumn = s.column(end)
			}
		}
		pl.Region = reg
	}
	loc := garif.NewLocation()
	loc.PhysicalLocation = pl
	return loc
}

// column converts a byte column to UTF-16 code units, using the file's text
// when the linter read it; otherwise it is the byte column (the same for
// ASCII text).
func (s *sarifWriter) column(p parser.Position) int {
	col := int(p.Column)
	var src string
	ok := false
	if s.r != nil {
		src, ok = s.r.Source(p.File)
	}
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
	return utf16Units(prefix) + 1
}

// utf16Units is the length of s in UTF-16 code units; an invalid byte
// counts as one unit, as it did as a byte.
func utf16Units(s string) int {
	units := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size <= 1 {
			units++
		} else {
			units += utf16.RuneLen(r)
		}
		s = s[size:]
	}
	return units
}

// uri is a file name as a relative URI reference: relative to the base
// directory, with forward slashes, percent-encoded where a URI needs it.
func (s *sarifWriter) uri(file string) string {
	if u, ok := s.uris[file]; ok {
		return u
	}
	u := s.makeURI(file)
	if s.uris != nil {
		s.uris[file] = u
	}
	return u
}

func (s *sarifWriter) makeURI(file string) string {
	if file == "" || file == "<stdin>" {
		return stdinURI
	}
	p := s.o.Paths.Show(file)
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
