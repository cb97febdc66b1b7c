package parser

import (
	"fmt"
	"path"
	"strings"
)

// Limits that keep hostile input bounded. nginx has none; it recurses until
// it runs out of file descriptors or memory, which a linter must not do.
const (
	maxIncludeDepth = 64
	maxBlockDepth   = 500
	// maxFileReads bounds the file occurrences of one configuration: globs
	// that include each other can otherwise multiply them without end.
	maxFileReads = 20000
	// maxWords bounds the words of one directive.
	maxWords = 10000
)

// Options control how a configuration is read.
type Options struct {
	// Prefix is the directory relative include paths are resolved against
	// (nginx's conf prefix). Default: the directory of the main file.
	Prefix string
	// Root maps absolute include paths into a directory, such as a
	// repository checkout of /etc/nginx (see FS).
	Root string
	// Context is the context of the main file's top-level directives.
	// CtxUnknown means: infer it (see InferContext).
	Context Ctx
	// FS reads files and expands globs. Default: the operating system's
	// files, with Root applied.
	FS FS
}

// Config is a parsed configuration: one entry file with everything it
// includes.
type Config struct {
	Main *File
	// Files are all file occurrences in the order nginx reads them.
	Files []*File
	// Errors are the problems found, in the order nginx would meet them; the
	// first one is the one nginx -t reports.
	Errors []*Error
}

// cachedFile is a file's contents, read once however often it is included.
type cachedFile struct{ src, where string }

// parser reads one configuration tree.
type parser struct {
	fs     FS
	prefix string // with a trailing "/" unless empty
	cfg    *Config
	stack  []string // files being read, for include cycles
	cache  map[string]cachedFile
	// reported remembers include problems already reported, so that a
	// file read many times reports each once.
	reported map[string]bool

	dirSlab  []Directive
	wordSlab []Word
}

// ParseFile reads the configuration whose main file is name, following its
// includes. An unreadable main file is returned as an error; every problem
// inside the configuration is in Config.Errors.
func ParseFile(name string, opts Options) (*Config, error) {
	fsys := opts.FS
	if fsys == nil {
		fsys = OSFS{Root: opts.Root}
	}
	src, _, err := fsys.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parseMain(name, src, fsys, opts), nil
}

// ParseBytes reads src as the main file called name (standard input, an
// editor buffer), following its includes through opts.FS or the disk.
func ParseBytes(name string, src string, opts Options) *Config {
	fsys := opts.FS
	if fsys == nil {
		fsys = OSFS{Root: opts.Root}
	}
	return parseMain(name, src, fsys, opts)
}

func parseMain(name, src string, fsys FS, opts Options) *Config {
	p := &parser{fs: fsys, cfg: &Config{}, cache: map[string]cachedFile{name: {src: src, where: name}}}
	p.prefix = opts.Prefix
	if p.prefix == "" {
		p.prefix = path.Dir(name)
		if p.prefix == "." && !strings.HasPrefix(name, "./") {
			p.prefix = ""
		}
	}
	if p.prefix != "" && !strings.HasSuffix(p.prefix, "/") {
		p.prefix += "/"
	}
	ctx := opts.Context
	if ctx == CtxUnknown {
		ctx = InferContext(src)
	}
	p.cfg.Main = p.parseFile(name, name, src, ctx, nil)
	return p.cfg
}

// errorAt records an error at pos in file.
func (p *parser) errorAt(file string, pos Pos, format string, args ...any) {
	p.addError(&Error{Position: Position{File: file, Pos: pos}, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) addError(e *Error) {
	p.cfg.Errors = append(p.cfg.Errors, e)
}

// parseFile reads one occurrence of a file in context ctx.
func (p *parser) parseFile(name, where, src string, ctx Ctx, includedBy *Directive) *File {
	f := &File{Path: where, Src: src, Ctx: ctx, IncludedBy: includedBy}
	p.cfg.Files = append(p.cfg.Files, f)
	f.Name = name
	p.stack = append(p.stack, name)
	defer func() { p.stack = p.stack[:len(p.stack)-1] }()

	lx := newLexer(where, src)
	n := len(p.cfg.Errors)
	f.Directives, _, _ = p.parseBlock(lx, f, nil, ctx, 0)
	f.Comments = lx.comments
	templateHint(p.cfg.Errors[n:], where, src)
	return f
}

// templateMarks are what Go and Jinja templates put in a file, which nginx
// (and so the linter) reads as braces.
var templateMarks = []string{"{{", "{%", "{#"}

// templateHint adds to a brace syntax error in a file that holds template
// markup that the file is a template: nginx refuses it the same way, and the
// rendered file is what should be linted.
func templateHint(errs []*Error, file, src string) {
	marked := false
	for _, m := range templateMarks {
		marked = marked || strings.Contains(src, m)
	}
	if !marked {
		return
	}
	for _, e := range errs {
		if e.File != file || !strings.HasPrefix(e.Msg, `unexpected "{"`) && !strings.HasPrefix(e.Msg, `unexpected "}"`) && !strings.HasPrefix(e.Msg, `unknown directive "{`) {
			continue
		}
		hint := "the file holds Go or Jinja template markup ({{ }}, {% %}): render the template with its values and lint the result, which is what nginx reads"
		if e.Hint != "" {
			hint = e.Hint + "; " + hint
		}
		e.Hint = hint
	}
}

// parseBlock reads directives until the end of the block (or the file, at
// depth 0), as ngx_conf_parse does. It returns the block's directives and the
// position of its closing "}". ok is false after a syntax error, which ends
// the reading of the file: nginx stops there, and so does the linter rather
// than guess.
func (p *parser) parseBlock(lx *lexer, f *File, parent *Directive, ctx Ctx, depth int) (dirs []*Directive, closePos Pos, ok bool) {
	for {
		words, t, tpos, err := lx.read()
		if err != nil {
			p.cfg.Errors = append(p.cfg.Errors, err)
			return dirs, Pos{}, false
		}
		switch t {
		case termEOF:
			if depth > 0 {
				p.errorAt(f.Path, tpos, `unexpected end of file, expecting "}"`)
				return dirs, Pos{}, false
			}
			return dirs, tpos, true
		case termBlockDone:
			if depth == 0 {
				p.errorAt(f.Path, tpos, `unexpected "}"`)
				return dirs, Pos{}, false
			}
			return dirs, tpos, true
		}

		d := p.newDirective(words, f, parent, ctx)
		d.End = Pos{Offset: tpos.Offset + 1, Line: tpos.Line, Column: tpos.Column + 1}
		dirs = append(dirs, d)
		block := t == termBlockStart

		if ctx == CtxCustom {
			// Entries of map, types, geo...: read by the block's own
			// handler, which only accepts ";"-terminated lines.
			if block {
				p.errorAt(f.Path, tpos, `unexpected "{"`)
				return dirs, Pos{}, false
			}
			if d.Name == "include" && len(d.Words) == 2 {
				p.include(d, ctx)
			}
			continue
		}

		if d.Start.Offset == 0 && strings.HasPrefix(d.Name, "\ufeff") {
			p.addError(&Error{
				Position: Position{File: f.Path, Pos: p.errPos(d, tpos)},
				Msg:      `unknown directive "` + d.Name + `"`,
				Hint:     "the file starts with a UTF-8 byte order mark, which nginx reads as part of the first word; save the file without it",
			})
		}

		if d.Start.Offset != 0 || !strings.HasPrefix(d.Name, "\ufeff") {
			p.checkName(d, ctx, tpos, len(dirs) == 1)
		}

		child, _, msg := checkDirective(ctx, d.Name, len(d.Words)-1, block)
		if msg == "" && d.Name == "if" && (ctx == CtxServer || ctx == CtxLocation) {
			msg = ifConditionError(d)
		}
		if msg != "" {
			e := &Error{Position: Position{File: f.Path, Pos: p.errPos(d, tpos)}, Msg: msg}
			if strings.HasSuffix(msg, "is not allowed here") {
				e.Hint = fmt.Sprintf("%q is read in the %s context here; nginx accepts it only in: %s", d.Name, ctx, strings.Join(allowedIn(d.Name), ", "))
			}
			p.addError(e)
		}

		if block && strings.HasSuffix(d.Name, "_by_lua_block") {
			end := luaBlockEnd(lx.src, lx.pos)
			if end < 0 {
				lx.advanceTo(len(lx.src))
				p.errorAt(f.Path, lx.here(len(lx.src)), `unexpected end of file, expecting "}"`)
				return dirs, Pos{}, false
			}
			body := lx.src[lx.pos:end]
			lx.advanceTo(end)
			closeAt := lx.here(end)
			lx.advanceTo(end + 1)
			d.Block = &Block{Open: tpos, Close: closeAt, Raw: body}
			d.End = Pos{Offset: closeAt.Offset + 1, Line: closeAt.Line, Column: closeAt.Column + 1}
			continue
		}

		if block {
			if depth+1 > maxBlockDepth {
				p.errorAt(f.Path, tpos, "blocks nested more than %d levels deep", maxBlockDepth)
				return dirs, Pos{}, false
			}
			inner, closeAt, ok := p.parseBlock(lx, f, d, child, depth+1)
			d.Block = &Block{Open: tpos, Close: closeAt, Directives: inner}
			if !ok {
				// Unclosed: the block ends where reading stopped.
				d.Block.Close = lx.here(lx.pos)
				d.End = d.Block.Close
				return dirs, Pos{}, false
			}
			d.End = Pos{Offset: closeAt.Offset + 1, Line: closeAt.Line, Column: closeAt.Column + 1}
			continue
		}

		if d.Name == "include" && len(d.Words) == 2 && msg == "" {
			p.include(d, ctx)
		}
	}
}

// ifConditionError checks the parentheses of an if condition as
// ngx_http_rewrite_if_condition does: the first word must start with "("
// and the last end with ")". An unquoted regex with "{" is cut there, which
// leaves the condition without its ")".
func ifConditionError(d *Directive) string {
	args := d.Args()
	if len(args) == 0 {
		return ""
	}
	if first := args[0].Value; first == "" || first[0] != '(' {
		return `invalid condition "` + first + `"`
	}
	last := args[len(args)-1].Value
	if len(args) == 1 {
		last = last[1:]
	}
	if last == "" || last[len(last)-1] != ')' {
		return `invalid condition "` + last + `"`
	}
	return ""
}

// checkName reports a directive name that no nginx module can have. nginx
// says "unknown directive" for every name it does not know; the linter keeps
// unknown names, since third-party modules are normal, but a name with
// characters other than letters, digits and "_" is always a misread, most
// often an unquoted regex whose "{" ended a word early.
func (p *parser) checkName(d *Directive, ctx Ctx, tpos Pos, first bool) {
	if ctx == CtxUnknown || ctx == CtxCustom || isDirectiveName(d.Name) {
		return
	}
	e := &Error{Position: Position{File: d.File.Path, Pos: p.errPos(d, tpos)}, Msg: `unknown directive "` + d.Name + `"`}
	// For "location ~ ^/a{2}$ {", the location's block opens at the first
	// "{" and "2}$" is read as a directive inside it.
	if first && d.Parent != nil && d.Parent.Name == "location" {
		e.Hint = `an unquoted "{" ends a word, so the regex of the location above was cut there; quote the regex: location ~ "..."`
	}
	p.addError(e)
}

func isDirectiveName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// errPos is where an error about directive d goes: on the line nginx reports
// (where its reader stood, at the terminator tpos) and, when the directive
// starts on that line, at the directive's own column.
func (p *parser) errPos(d *Directive, tpos Pos) Pos {
	if d.Start.Line == tpos.Line {
		return d.Start
	}
	return tpos
}

func (p *parser) newDirective(words []Word, f *File, parent *Directive, ctx Ctx) *Directive {
	if len(p.dirSlab) == 0 {
		p.dirSlab = make([]Directive, 128)
	}
	d := &p.dirSlab[0]
	p.dirSlab = p.dirSlab[1:]
	if len(p.wordSlab) < len(words) {
		p.wordSlab = make([]Word, max(512, len(words)))
	}
	ws := p.wordSlab[:len(words):len(words)]
	p.wordSlab = p.wordSlab[len(words):]
	copy(ws, words)
	*d = Directive{Name: ws[0].Value, Words: ws, Start: ws[0].Start, File: f, Parent: parent, Ctx: ctx}
	return d
}

// advanceTo moves the lexer to offset off, counting lines on the way.
func (lx *lexer) advanceTo(off int) {
	for i := lx.pos; i < off; i++ {
		if lx.src[i] == '\n' {
			lx.line++
			lx.prevStart = lx.lineStart
			lx.lineStart = i + 1
		}
	}
	lx.pos = off
}
