// Package fix computes the edits that repair nginx-wslint's findings: byte
// ranges of the original files and their new text, never a re-printed tree.
//
// Each fixable rule has a Fixer (For returns it by rule id). A fixer does
// not write text itself: it records what the finding needs (these headers
// in this location, the $connection_upgrade map, this word replaced) in a
// Plan shared by every finding of one configuration. The plan then renders
// the needs together, so that fixes that interact come out right: one map
// however many locations need it, one block of lines per location however
// many rules ask for lines there, the inherited proxy_set_header set copied
// in full when a location that sets its own loses it. Every finding gets
// the edits of its needs; findings that share a need share the same edit,
// which Combine applies once.
//
// Inserted lines follow the text around them: the indentation of the
// block's directives (tabs or spaces), the file's line ends (CRLF kept),
// one-line blocks stay on one line, a file without a final newline keeps
// none, a byte order mark stays in front.
package fix

import (
	"slices"
	"strings"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Options are the settings fixes read.
type Options struct {
	// MinReadTimeout is WS006's threshold (--min-read-timeout); zero means
	// rules.DefaultMinReadTimeout. WS006's fix proposes the next round
	// value above it.
	MinReadTimeout time.Duration
}

// A Fixer records in p what finding d needs to be repaired. It returns
// false when no automatic edit is safe; the finding's Fix text says why.
type Fixer func(p *Plan, d *rules.Diagnostic) bool

var registry = map[string]Fixer{
	"WS001": fixWS001,
	"WS002": fixHeaders,
	"WS003": fixHeaders,
	"WS004": fixConnectionValue,
	"WS005": fixWS005,
	"WS006": fixWS006,
	"WS007": fixWS007,
	"WS009": fixConnectionValue,
	"WS010": fixWS010,
	"WS011": fixWS011,
	"WS012": fixWS012,
	"WS014": fixWS014,
	"WS015": fixWS015,
}

// notes are added to the Fix text of findings no edit can repair.
var notes = map[string]string{
	"WS008": "not fixed automatically: only the backend knows which path it serves WebSocket on, so choose between removing the URI part and changing it",
	"WS013": "not fixed automatically: without the line the backend may refuse the handshake with 403 until it allows the site's origin or receives Host, which only its configuration can say",
}

// For returns the fixer of a rule, nil when the rule has none.
func For(ruleID string) Fixer { return registry[ruleID] }

// Fill computes the edits of every finding in ds, all findings of the
// configuration modelled by m, and stores them in each finding's Edits.
// A finding no edit can repair keeps none, and its Fix says why.
func Fill(m *model.Model, ds []rules.Diagnostic, opts Options) {
	p := newPlan(m, opts)
	// WS001 first: a missing map's name becomes the one every other fix
	// uses.
	for pass := 0; pass < 2; pass++ {
		for i := range ds {
			d := &ds[i]
			if (d.Rule.ID == "WS001") != (pass == 0) || d.Suppressed != nil || d.Node == nil {
				continue
			}
			if f := For(d.Rule.ID); f != nil {
				f(p, d)
			}
		}
	}
	p.render()
	for i := range ds {
		d := &ds[i]
		d.Edits = p.edits[d]
		if n := p.notes[d]; n != "" && !strings.Contains(d.Fix, n) {
			d.Fix += "; " + n
		}
		if n := notes[d.Rule.ID]; n != "" && d.Edits == nil && !strings.Contains(d.Fix, n) {
			d.Fix += " (" + n + ")"
		}
	}
}

// Plan collects what the findings of one configuration need and renders
// it into edits.
type Plan struct {
	m    *model.Model
	opts Options

	// Built on first use: a block directive's level, and the levels
	// without a directive (http, a fragment's synthetic server or
	// location).
	byDirs map[*parser.Directive]*model.Block
	tops   []*model.Block

	// The map: the variable every fix sends as Connection, and whether
	// it has to be inserted (and which findings need it).
	mapVar     string
	mapExists  bool
	mapUsers   []*rules.Diagnostic
	mapMoves   []*parser.Directive // misplaced maps, moved into http
	keepalive  bool
	mapNeedLoc []*model.Block

	// Lines to add, per level, in the order they were asked for.
	adds     map[*model.Block]*addition
	addOrder []*model.Block

	// Word replacements and deletions, by finding.
	replaces []replacement
	// Maps being rewritten to the canonical form (lower-case variable),
	// and work that needs the map variant decided first.
	rewritten map[string]bool
	late      []func()

	edits map[*rules.Diagnostic][]rules.Edit
	notes map[*rules.Diagnostic]string
}

// addition is what one level needs: lines of each kind, and the finding
// that asked for each.
type addition struct {
	version, timeout string
	headers          map[string]bool // header names (lower case) that must be sent
	// copyOuter asks for the outer level's lines the level's own hide.
	copyOuter bool
	// lines are other whole directives to add, once each.
	lines []string
	users []*rules.Diagnostic
}

// addLine records a directive to add, once.
func (a *addition) addLine(l string) {
	if !slices.Contains(a.lines, l) {
		a.lines = append(a.lines, l)
	}
}

type replacement struct {
	edit rules.Edit
	user *rules.Diagnostic
}

func newPlan(m *model.Model, opts Options) *Plan {
	p := &Plan{
		m:     m,
		opts:  opts,
		adds:  map[*model.Block]*addition{},
		edits: map[*rules.Diagnostic][]rules.Edit{},
		notes: map[*rules.Diagnostic]string{},

		rewritten: map[string]bool{},
	}
	if mp := p.suitableMap(); mp != nil {
		p.mapVar, p.mapExists = mp.Var, true
	}
	if m.HTTP.Dir != nil {
		p.mapMoves = m.MisplacedMaps
	}
	if p.mapVar == "" {
		// A map the Connection line already uses but that gives wrong
		// values is rewritten by its own finding (WS001, WS009): the
		// other fixes use it too.
		for _, mp := range m.Maps {
			if mp.Dir != nil && len(mp.Dir.Words) == 3 && usedForConnection(m, mp.Var) {
				p.mapVar, p.mapExists = mp.Var, true
				break
			}
		}
	}
	return p
}

// suitableMap returns a map at the http level, of any name, that gives
// "upgrade" for a WebSocket handshake and no upgrade for plain requests.
func (p *Plan) suitableMap() *model.Map {
	for _, mp := range p.m.Maps {
		if !strings.EqualFold(strings.TrimSpace(mp.Source), "$http_upgrade") {
			continue
		}
		hs, ok1 := p.m.Eval("$"+mp.Var, model.HandshakeRequest())
		plain, ok2 := p.m.Eval("$"+mp.Var, model.PlainRequest())
		if ok1 && ok2 && hasToken(hs, "upgrade") && !hasToken(plain, "upgrade") {
			return mp
		}
	}
	return nil
}

// noMapNote is the Fix sentence of a finding whose repair needs the map
// where no http block is in sight.
const noMapNote = "not fixed automatically: the fix needs `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in the http block, which this file does not show: run --fix on the nginx.conf that includes it, or add the map there and then the line"

// mapReachable reports whether fixes can rely on a map: a suitable one
// exists, or the configuration shows its http block to insert one in. A
// site file or snippet linted alone does not: an edit that sent
// $connection_upgrade there would make nginx refuse to start unless the
// operator also adds the map, so such findings get no edit (noMapNote).
func (p *Plan) mapReachable(d *rules.Diagnostic) bool {
	if p.mapExists || p.m.HTTP.Dir != nil {
		return true
	}
	p.note(d, noMapNote)
	return false
}

// connectionVar returns the variable a fix sends as Connection and
// records that d needs its map, for the location b (nil: not known).
func (p *Plan) connectionVar(d *rules.Diagnostic, b *model.Block) string {
	if p.mapVar == "" {
		// The usual name, unless something else already defines it.
		for _, v := range []string{"connection_upgrade", "ws_connection_upgrade", "nginx_wslint_connection_upgrade"} {
			if p.mapVar = v; p.m.MapFor(v) == nil && len(p.m.Sets[v]) == 0 {
				break
			}
		}
	}
	if !p.mapExists {
		p.mapUsers = append(p.mapUsers, d)
		if b != nil {
			p.mapNeedLoc = append(p.mapNeedLoc, b)
		}
	}
	return "$" + p.mapVar
}

// add records that level b needs lines; fill sets them on its addition.
func (p *Plan) add(d *rules.Diagnostic, b *model.Block, fill func(a *addition)) {
	a := p.adds[b]
	if a == nil {
		a = &addition{headers: map[string]bool{}}
		p.adds[b] = a
		p.addOrder = append(p.addOrder, b)
	}
	fill(a)
	a.users = append(a.users, d)
}

// replace records that d needs the bytes [start, end) of f replaced.
func (p *Plan) replace(d *rules.Diagnostic, f *parser.File, start, end int, text string) {
	p.replaces = append(p.replaces, replacement{
		edit: rules.Edit{File: f.Path, Start: start, End: end, NewText: text},
		user: d,
	})
}

// replaceWord replaces word i (0 is the name) of directive dir.
func (p *Plan) replaceWord(d *rules.Diagnostic, dir *parser.Directive, i int, text string) {
	w := dir.Words[i]
	p.replace(d, dir.File, int(w.Start.Offset), int(w.EndOffset()), text)
}

// note adds a sentence to d's Fix.
func (p *Plan) note(d *rules.Diagnostic, s string) {
	if p.notes[d] == "" {
		p.notes[d] = s
	}
}

// owner returns the level directive d is set at: the block of the nearest
// enclosing block directive, through includes; for a directive at the top
// of a fragment, the level the fragment is read in.
func (p *Plan) owner(d *parser.Directive) *model.Block {
	p.index()
	for x := d; x != nil; {
		switch {
		case x.Parent != nil:
			x = x.Parent
			if b := p.byDirs[x]; b != nil {
				return b
			}
		case x.File != nil && x.File.IncludedBy != nil:
			x = x.File.IncludedBy
		default:
			for _, b := range p.tops {
				if slices.Contains(b.Own, d) {
					return b
				}
			}
			return nil
		}
	}
	return nil
}

// blockOf returns the level a block directive (server, location) opens.
func (p *Plan) blockOf(d *parser.Directive) *model.Block {
	p.index()
	return p.byDirs[d]
}

// index maps block directives to their levels, once, on first use (most
// runs fix nothing).
func (p *Plan) index() {
	if p.byDirs != nil {
		return
	}
	p.byDirs = map[*parser.Directive]*model.Block{}
	for _, b := range p.m.Blocks() {
		if b.Dir != nil {
			p.byDirs[b.Dir] = b
		} else {
			p.tops = append(p.tops, b)
		}
	}
}

// locationOf returns the level of a finding that points at a location (or
// server) line.
func (p *Plan) locationOf(d *rules.Diagnostic) *model.Block {
	if b := p.blockOf(d.Node); b != nil {
		return b
	}
	// A location snippet has no location line: findings about the
	// location it sits in point at its proxy_pass.
	if b := p.owner(d.Node); b != nil && b.Kind == model.KindLocation && b.Dir == nil && d.Node.Name == "proxy_pass" {
		return b
	}
	return nil
}

// render turns the plan into edits.
func (p *Plan) render() {
	p.decideKeepalive()
	for _, fn := range p.late {
		fn()
	}
	for _, b := range p.addOrder {
		a := p.adds[b]
		e, ok := p.renderAddition(b, a)
		if !ok {
			continue
		}
		for _, u := range a.users {
			p.edits[u] = appendEdit(p.edits[u], e)
		}
	}
	for _, r := range p.replaces {
		p.edits[r.user] = appendEdit(p.edits[r.user], r.edit)
	}
	if len(p.mapUsers) > 0 {
		e, ok := p.renderMap()
		for _, u := range p.mapUsers {
			if ok {
				p.edits[u] = appendEdit(p.edits[u], e)
			} else {
				p.note(u, noMapNote)
			}
		}
	}
	for d, es := range p.edits {
		slices.SortStableFunc(es, func(a, b rules.Edit) int {
			if a.File != b.File {
				return strings.Compare(a.File, b.File)
			}
			return a.Start - b.Start
		})
		p.edits[d] = es
	}
}

func appendEdit(es []rules.Edit, e rules.Edit) []rules.Edit {
	if slices.Contains(es, e) {
		return es
	}
	return append(es, e)
}

// decideKeepalive chooses the map variant: where a location that needs
// the map proxies to an upstream with keepalive, plain requests must not
// be sent "Connection: close", which would end every kept-alive upstream
// connection.
func (p *Plan) decideKeepalive() {
	if (len(p.mapUsers) == 0 || p.mapExists) && len(p.late) == 0 {
		return // no map is inserted or rewritten
	}
	blocks := slices.Clone(p.mapNeedLoc)
	if p.mapVar != "" {
		// Locations that already send the map's variable.
		for _, l := range p.m.Locations() {
			hs, _ := p.m.ProxyHeaders(l.Block)
			for _, h := range model.HeaderValues(hs, "Connection") {
				if slices.Contains(variablesOf(h.Value), strings.ToLower(p.mapVar)) {
					blocks = append(blocks, l.Block)
				}
			}
		}
	}
	for _, b := range blocks {
		if up := p.m.PassUpstream(p.m.ProxyPass(b)); up != nil && up.Get("keepalive") != nil {
			p.keepalive = true
		}
	}
}

// mapText is the map block, one entry a line, with unit indentation.
func mapText(v string, keepalive bool, unit string) string {
	plain := "close"
	if keepalive {
		plain = `""`
	}
	return "map $http_upgrade $" + v + " {\n" + unit + "default upgrade;\n" + unit + "''      " + plain + ";\n}"
}

// renderMap renders the map insertion: before the first server of the
// http block (or the first include that brings servers in), at its
// indentation, or after the http block's last directive; misplaced maps
// being moved come along.
func (p *Plan) renderMap() (rules.Edit, bool) {
	h := p.m.HTTP.Dir
	if h == nil || h.Block == nil {
		return rules.Edit{}, false
	}
	var ins insertion
	found := false
	for _, d := range h.Block.Directives {
		if d.File == h.File && (d.Name == "server" || d.Name == "include" && includesServers(d)) {
			ins, found = insertBefore(d)
			break
		}
	}
	outer, _ := leadingIndent(h.File.Src, int(h.Start.Offset))
	if !found {
		ins = appendTo(h.File, h.Block.Directives, int(h.Block.Open.Offset)+1, outer)
	}
	// One level is what http's directives are indented by.
	unit := strings.TrimPrefix(ins.indent, outer)
	if unit == "" || strings.Trim(unit, " ") != "" && strings.Trim(unit, "\t") != "" {
		unit = indentUnit(h.File.Src, ins.indent)
	}
	var lines []string
	moved := false
	for _, mv := range p.mapMoves {
		lines = append(lines, dedent(mv))
		moved = moved || strings.EqualFold(strings.TrimPrefix(mv.Arg(1), "$"), p.mapVar)
	}
	if !moved && !p.mapExists && p.mapVar != "" {
		lines = append(lines, mapText(p.mapVar, p.keepalive, unit))
	}
	if len(lines) == 0 {
		return rules.Edit{}, false
	}
	return rules.Edit{File: h.File.Path, Start: ins.offset, End: ins.offset, NewText: ins.render(lines)}, true
}

// includesServers reports whether an include brings server blocks in.
func includesServers(d *parser.Directive) bool {
	for _, f := range d.Included {
		for _, x := range f.Directives {
			if x.Name == "server" || x.Name == "include" && includesServers(x) {
				return true
			}
		}
	}
	return false
}

// dedent returns a block directive's text with the indentation of its
// first line removed from every line, lines joined by "\n".
func dedent(d *parser.Directive) string {
	ind, _ := leadingIndent(d.File.Src, int(d.Start.Offset))
	text := strings.ReplaceAll(directiveText(d), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimPrefix(lines[i], ind)
	}
	return strings.Join(lines, "\n")
}

// renderAddition renders the lines one level needs as one insertion after
// the level's last directive.
func (p *Plan) renderAddition(b *model.Block, a *addition) (rules.Edit, bool) {
	var lines []string
	if a.version != "" {
		lines = append(lines, "proxy_http_version "+a.version+";")
	}
	if len(a.headers) > 0 || a.copyOuter {
		lines = append(lines, p.headerLines(b, a)...)
	}
	if a.timeout != "" {
		lines = append(lines, "proxy_read_timeout "+a.timeout+";")
	}
	lines = append(lines, a.lines...)
	if len(lines) == 0 {
		return rules.Edit{}, false
	}
	var ins insertion
	if b.Dir != nil && b.Dir.Block != nil {
		outer, _ := leadingIndent(b.Dir.File.Src, int(b.Dir.Start.Offset))
		ins = appendTo(b.Dir.File, b.Dir.Block.Directives, int(b.Dir.Block.Open.Offset)+1, outer)
	} else {
		// A fragment read as the inside of a location or server.
		main := p.m.Config.Main
		ins = appendTo(main, main.Directives, -1, "")
	}
	return rules.Edit{File: ins.file.Path, Start: ins.offset, End: ins.offset, NewText: ins.render(lines)}, true
}

// headerLines returns the proxy_set_header lines level b needs so that
// every header in a.headers is sent, without losing any header b sends
// now: when b has no lines of its own, the lines it inherits are copied
// (a level that sets one inherits none); when a header was lost to a
// level's own lines, the whole outer set it was part of is copied.
func (p *Plan) headerLines(b *model.Block, a *addition) []string {
	m := p.m
	all, from := m.ProxyHeaders(b)
	have := map[string]bool{}
	var lines []string
	copyLine := func(h model.Header) {
		have[strings.ToLower(h.Name)] = true
		lines = append(lines, p.patched(h.Dir))
	}
	if from != nil && from != b {
		for _, h := range all {
			if h.Dir != nil {
				copyLine(h)
			}
		}
	}
	for _, h := range all {
		if h.Dir != nil {
			have[strings.ToLower(h.Name)] = true
		}
	}
	// The set of the nearest outer level with lines, lost to from's.
	if from != nil && from.Parent != nil {
		outer, _ := from.Parent.InheritedArray("proxy_set_header")
		lost := a.copyOuter
		for _, d := range outer {
			if a.headers[strings.ToLower(d.Arg(0))] {
				lost = true
			}
		}
		if lost {
			for _, d := range outer {
				name := strings.ToLower(d.Arg(0))
				if have[name] || len(d.Words) != 3 || (a.headers[name] && !p.goodHeader(name, d.Arg(1))) {
					continue
				}
				copyLine(model.Header{Name: d.Arg(0), Value: d.Arg(1), Dir: d})
			}
		}
	}
	for _, name := range []string{"upgrade", "connection"} {
		if !a.headers[name] || have[name] {
			continue
		}
		have[name] = true
		if name == "upgrade" {
			lines = append(lines, "proxy_set_header Upgrade $http_upgrade;")
		} else {
			lines = append(lines, "proxy_set_header Connection $"+p.mapVar+";")
		}
	}
	return lines
}

// goodHeader reports whether an outer line for a needed header is worth
// copying as it is.
func (p *Plan) goodHeader(name, value string) bool {
	hs, known := p.m.Eval(value, model.HandshakeRequest())
	if !known {
		return false
	}
	if name == "connection" {
		return hasToken(hs, "upgrade")
	}
	return hs != ""
}

// patched is a directive's source text with the plan's replacements inside
// it applied, so that a copied line carries its own fix.
func (p *Plan) patched(d *parser.Directive) string {
	start, end := int(d.Start.Offset), int(d.End.Offset)
	var es []rules.Edit
	for _, r := range p.replaces {
		if r.edit.File == d.File.Path && r.edit.Start >= start && r.edit.End <= end {
			e := r.edit
			e.Start -= start
			e.End -= start
			es = append(es, e)
		}
	}
	out, err := applyEdits(directiveText(d), es)
	if err != nil {
		return directiveText(d)
	}
	return out
}

// hasToken reports whether a comma-separated header value holds token.
func hasToken(value, token string) bool {
	for _, t := range strings.Split(value, ",") {
		if strings.EqualFold(strings.TrimSpace(t), token) {
			return true
		}
	}
	return false
}

// usedForConnection reports whether some proxy_set_header Connection line
// sends $v.
func usedForConnection(m *model.Model, v string) bool {
	for _, b := range m.Blocks() {
		for _, d := range b.All("proxy_set_header") {
			if len(d.Words) == 3 && strings.EqualFold(d.Arg(0), "Connection") && slices.Contains(variablesOf(d.Arg(1)), strings.ToLower(v)) {
				return true
			}
		}
	}
	return false
}
