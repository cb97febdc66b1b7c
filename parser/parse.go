package parser

import (
	"fmt"
	"path"
	"strings"
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
	// Tree lists the files and directories the user named: a file read
	// from the disk that lies outside all of them, as written or by its
	// real path, is marked File.Outside. Default: Root, or else the main
	// file's directory and Prefix.
	Tree []string
	// Limits bound what a hostile configuration can cost; zero fields
	// take the defaults (see Limits).
	Limits Limits
	// lexEveryInclude is set by the tests that compare occurrences
	// replayed from a file's first one (tokens.go) with lexed ones.
	lexEveryInclude bool
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

// cachedFile is a file's contents, read and lexed once however often it is
// included (see tokens.go).
type cachedFile struct {
	src, where string
	// first is the file's first occurrence that read the whole file, and
	// eof where that file ends: later occurrences replay its statements.
	first *File
	eof   Pos
}

// parser reads one configuration tree.
type parser struct {
	fs     FS
	prefix string // with a trailing "/" unless empty
	cfg    *Config
	stack  []string // files being read, for include cycles
	cache  map[string]*cachedFile
	// reported remembers include problems already reported, so that a
	// file read many times reports each once.
	reported map[string]bool
	// bounds is the run's limits and what they have counted (load.go).
	bounds bounds
	// lexEveryInclude: see Options.
	lexEveryInclude bool
	// paths resolves the real paths of the files read (isOutside).
	paths realPaths

	dirSlab    []Directive
	wordSlab   []Word
	dirStack   []*Directive // directives of the blocks being read
	dirPtrSlab []*Directive // where finished blocks' directive lists are cut from
}

// ParseFile reads the configuration whose main file is name, following its
// includes. An unreadable main file is returned as an error; every problem
// inside the configuration is in Config.Errors.
func ParseFile(name string, opts Options) (*Config, error) {
	fsys := opts.FS
	if fsys == nil {
		fsys = OSFS{Root: opts.Root}
	}
	// The main file is the one the user named: Root maps include paths,
	// never it (readMain reads it as given, and refuses only one inside
	// Root whose real path leads out of it, as a walked symlink may).
	src, err := readMain(fsys, name, opts)
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
	p := &parser{fs: fsys, cfg: &Config{}, cache: map[string]*cachedFile{name: {src: src, where: name}}}
	p.initBounds(name, opts)
	p.lexEveryInclude = opts.lexEveryInclude
	p.prefix = opts.Prefix
	switch p.prefix {
	case "":
		p.prefix = path.Dir(name)
		if p.prefix == "." && !strings.HasPrefix(name, "./") {
			p.prefix = ""
		}
	case ".":
		p.prefix = "" // the working directory: "snippets/a.conf", not "./snippets/a.conf"
	}
	if p.prefix != "" && !strings.HasSuffix(p.prefix, "/") {
		p.prefix += "/"
	}
	p.treeAddPrefix()
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
	if p.bounded(e) {
		p.cfg.Errors = append(p.cfg.Errors, e)
	}
}

// parseFile reads one occurrence of a file in context ctx.
func (p *parser) parseFile(name, where, src string, ctx Ctx, includedBy *Directive) *File {
	f := &File{Path: where, Src: src, Ctx: ctx, IncludedBy: includedBy}
	p.cfg.Files = append(p.cfg.Files, f)
	f.Name = name
	f.Outside = p.isOutside(where)
	p.stack = append(p.stack, name)
	defer func() { p.stack = p.stack[:len(p.stack)-1] }()

	cf := p.cache[name]
	var c *cursor
	if !p.lexEveryInclude && cf != nil && cf.first != nil && cf.src == src {
		c = replayCursor(cf.first, cf.eof)
	} else {
		lx := newLexer(where, src)
		lx.maxWords = p.bounds.MaxWords
		c = lexCursor(lx, p.words)
	}
	n := len(p.cfg.Errors)
	var ok bool
	f.Directives, _, ok = p.parseBlock(c, f, nil, ctx, 0)
	if c.lx != nil {
		f.Comments = c.lx.comments
		if ok && c.whole && cf != nil && cf.src == src {
			cf.first, cf.eof = f, c.where
		}
	} else {
		f.Comments = c.replayedComments(cf.first)
	}
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
func (p *parser) parseBlock(c *cursor, f *File, parent *Directive, ctx Ctx, depth int) (dirs []*Directive, closePos Pos, ok bool) {
	base := len(p.dirStack)
	closePos, ok = p.readBlock(c, f, parent, ctx, depth)
	return p.popDirs(base), closePos, ok
}

// popDirs returns the directives pushed on p.dirStack since base, in a
// slice of their exact length cut from a slab, and pops them: a block's
// directives are not grown by append, whose doublings cost a 200k-line
// configuration 130k allocations and a third of the slices' memory.
func (p *parser) popDirs(base int) []*Directive {
	n := len(p.dirStack) - base
	if n == 0 {
		return nil
	}
	if len(p.dirPtrSlab) < n {
		p.dirPtrSlab = make([]*Directive, max(1024, n))
	}
	out := p.dirPtrSlab[:n:n]
	p.dirPtrSlab = p.dirPtrSlab[n:]
	copy(out, p.dirStack[base:])
	clear(p.dirStack[base:])
	p.dirStack = p.dirStack[:base]
	return out
}

// readBlock is parseBlock's loop: it pushes the block's directives on
// p.dirStack (nested blocks push and pop theirs above them).
func (p *parser) readBlock(c *cursor, f *File, parent *Directive, ctx Ctx, depth int) (closePos Pos, ok bool) {
	base := len(p.dirStack)
	for {
		words, t, tpos, err := c.read()
		if err != nil {
			p.addError(err)
			return Pos{}, false
		}
		switch t {
		case termEOF:
			if depth > 0 {
				p.errorAt(f.Path, tpos, `unexpected end of file, expecting "}"`)
				return Pos{}, false
			}
			return tpos, true
		case termBlockDone:
			if depth == 0 {
				p.errorAt(f.Path, tpos, `unexpected "}"`)
				return Pos{}, false
			}
			return tpos, true
		}

		d := p.newDirective(words, f, parent, ctx)
		d.End = Pos{Offset: tpos.Offset + 1, Line: tpos.Line, Column: tpos.Column + 1}
		p.dirStack = append(p.dirStack, d)
		block := t == termBlockStart

		if ctx == CtxCustom {
			// Entries of map, types, geo...: read by the block's own
			// handler, which only accepts ";"-terminated lines.
			if block {
				p.errorAt(f.Path, tpos, `unexpected "{"`)
				return Pos{}, false
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
			p.checkName(d, ctx, tpos, len(p.dirStack)-base == 1)
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

		if block && isLuaBlock(d.Name) {
			body, closeAt, ok := c.lua()
			if !ok {
				p.errorAt(f.Path, c.where, `unexpected end of file, expecting "}"`)
				return Pos{}, false
			}
			d.Block = &Block{Open: tpos, Close: closeAt, Raw: body}
			d.End = Pos{Offset: closeAt.Offset + 1, Line: closeAt.Line, Column: closeAt.Column + 1}
			continue
		}

		if block {
			if depth+1 > p.bounds.MaxNesting {
				p.errorAt(f.Path, tpos, "blocks nested more than %d levels deep", p.bounds.MaxNesting)
				return Pos{}, false
			}
			inner, closeAt, ok := p.parseBlock(c, f, d, child, depth+1)
			d.Block = &Block{Open: tpos, Close: closeAt, Directives: inner}
			if !ok {
				// Unclosed: the block ends where reading stopped.
				d.Block.Close = c.where
				d.End = d.Block.Close
				return Pos{}, false
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

// newDirective makes a directive of words, which are its own (recorded for
// the file, shared by its occurrences, never changed).
func (p *parser) newDirective(words []Word, f *File, parent *Directive, ctx Ctx) *Directive {
	if len(p.dirSlab) == 0 {
		p.dirSlab = make([]Directive, 128)
	}
	d := &p.dirSlab[0]
	p.dirSlab = p.dirSlab[1:]
	*d = Directive{Name: words[0].Value, Words: words, Start: words[0].Start, File: f, Parent: parent, Ctx: ctx}
	return d
}

// words returns a slice of n words cut from a slab: a configuration has
// hundreds of thousands of them.
func (p *parser) words(n int) []Word {
	if len(p.wordSlab) < n {
		p.wordSlab = make([]Word, max(512, n))
	}
	ws := p.wordSlab[:n:n]
	p.wordSlab = p.wordSlab[n:]
	return ws
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
