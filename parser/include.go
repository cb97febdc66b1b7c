package parser

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"syscall"
)

// include reads the files an include directive names, as ngx_conf_include
// does: the path is the conf prefix plus the argument unless it is absolute;
// a path with *, ? or [ is a glob(3) pattern whose matches are read in sorted
// order (matching nothing is fine); any other path must exist.
func (p *parser) include(d *Directive, ctx Ctx) {
	arg := d.Arg(0)
	full := arg
	if !strings.HasPrefix(arg, "/") {
		full = p.prefix + arg
	}
	at := p.errPos(d, d.termPos())
	if len(p.stack) >= p.bounds.MaxIncludeDepth {
		p.errorAt(d.File.Path, at, "include of \"%s\" nested more than %d files deep", full, p.bounds.MaxIncludeDepth)
		return
	}
	if !strings.ContainsAny(full, "*?[") {
		p.includeFile(d, full, ctx)
		return
	}
	names, err := p.fs.Glob(full)
	var outside *OutsideRootError
	if errors.As(err, &outside) {
		// The directories inside the root are still read.
		p.once(d.Position().String()+"\x00glob", &Error{
			Position: Position{File: d.File.Path, Pos: at},
			Msg:      "include refused: the glob " + outside.Error(),
			Missing:  true,
		})
		d.Unresolved = true
	} else if err != nil {
		p.errorAt(d.File.Path, at, "glob() \"%s\" failed (%s)", full, errnoText(err))
		return
	}
	for _, name := range names {
		p.includeFile(d, name, ctx)
	}
}

func (p *parser) includeFile(d *Directive, name string, ctx Ctx) {
	if len(p.cfg.Files) >= p.bounds.MaxFiles {
		p.once("limit", &Error{
			Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
			Msg:      fmt.Sprintf("more than %d files read through include: the linter stops reading includes here", p.bounds.MaxFiles),
			Hint:     "includes that include each other multiply; check the include patterns",
		})
		d.Unresolved = true
		return
	}
	if p.bounds.repeats == nil {
		p.bounds.repeats = map[string]int{}
	}
	if p.bounds.repeats[name]++; p.bounds.repeats[name] > p.bounds.MaxIncludeRepeats {
		p.once("repeat\x00"+name, &Error{
			Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
			Msg:      fmt.Sprintf("\"%s\" is included more than %d times: the linter stops reading it here", name, p.bounds.MaxIncludeRepeats),
			Hint:     "includes that include each other multiply; check the include patterns",
		})
		d.Unresolved = true
		return
	}
	for _, open := range p.stack {
		if path.Clean(open) == path.Clean(name) {
			p.once(d.Position().String()+"\x00"+name, &Error{
				Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
				Msg:      fmt.Sprintf("include cycle: \"%s\" is already being read", name),
				Hint:     "chain: " + strings.Join(append(append([]string{}, p.stack...), name), " -> "),
			})
			return
		}
	}
	cached := p.cache[name]
	if cached == nil {
		src, where, err := p.fs.ReadFile(name)
		if errors.Is(err, syscall.EISDIR) {
			// nginx opens it, then fails to read it (without a position).
			p.once(d.Position().String()+"\x00"+name, &Error{
				Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
				Msg:      fmt.Sprintf("pread() \"%s\" failed (21: Is a directory)", name),
				Hint:     dirHint(d.Arg(0)),
			})
			return
		}
		var outside *OutsideRootError
		if errors.As(err, &outside) {
			p.once(d.Position().String()+"\x00"+name, &Error{
				Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
				Msg:      "include refused: " + err.Error(),
				Hint:     outside.Hint(),
				Missing:  true,
			})
			d.Unresolved = true
			return
		}
		var tooLarge *FileTooLargeError
		if errors.As(err, &tooLarge) {
			p.once(d.Position().String()+"\x00"+name, &Error{
				Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
				Msg:      fmt.Sprintf("\"%s\" is not read: %s", name, err),
			})
			d.Unresolved = true
			return
		}
		if err != nil {
			e := &Error{
				Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
				Msg:      fmt.Sprintf("open() \"%s\" failed (%s)", name, errnoText(err)),
				Missing:  true,
			}
			p.addError(e)
			d.Unresolved = true
			var mapped *MappedPathError
			if errors.As(err, &mapped) {
				e.Hint = "looked for it at " + mapped.Mapped
			} else if strings.HasPrefix(d.Arg(0), "/") {
				e.Hint = "to read absolute include paths from a copy of the server's files, use --root DIR"
			}
			if ctx == CtxLocation || ctx == CtxServer || ctx == CtxHTTP {
				if e.Hint != "" {
					e.Hint += "; "
				}
				e.Hint += "what it would set is unknown, so the WebSocket checks it could change are skipped"
			}
			return
		}
		cached = &cachedFile{src: src, where: where}
		p.cache[name] = cached
	}
	if p.bounds.total += int64(len(cached.src)); p.bounds.total > p.bounds.MaxTotalInput {
		p.once("total", &Error{
			Position: Position{File: d.File.Path, Pos: p.errPos(d, d.termPos())},
			Msg:      fmt.Sprintf("more than %d bytes read through include: the linter stops reading includes here", p.bounds.MaxTotalInput),
			Hint:     "each include of a file counts; includes that include each other multiply",
		})
		d.Unresolved = true
		return
	}
	f := p.parseFile(name, cached.where, cached.src, ctx, d)
	d.Included = append(d.Included, f)
}

// errnoText formats an error as nginx does: "2: No such file or directory".
func errnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg := errno.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		return fmt.Sprintf("%d: %s", int(errno), msg)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "2: No such file or directory"
	}
	return err.Error()
}

// termPos is the position of the ";" that ends a simple directive.
func (d *Directive) termPos() Pos {
	return Pos{Offset: d.End.Offset - 1, Line: d.End.Line, Column: d.End.Column - 1}
}

// once records e unless an error with the same key was recorded before.
func (p *parser) once(key string, e *Error) {
	if p.reported == nil {
		p.reported = map[string]bool{}
	}
	if p.reported[key] {
		return
	}
	p.reported[key] = true
	p.addError(e)
}

// dirHint explains an include that reached a directory.
func dirHint(arg string) string {
	if strings.ContainsAny(arg, "*?[") {
		return "the glob matches a directory, which nginx tries to read as a file; narrow it, such as dir/*.conf"
	}
	return "the include names a directory; to read the files in it, use a glob such as dir/*.conf"
}
