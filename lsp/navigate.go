package lsp

import (
	"sort"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// definition answers textDocument/definition: the files an include reads,
// the upstream a *_pass names, the map or set that defines a variable.
func (s *Server) definition(p TextDocumentPositionParams) (any, error) {
	sp, err := s.locate(p.TextDocument.URI, p.Position)
	if err != nil {
		return nil, err
	}
	d, wi := directiveAt(sp.file.Directives, sp.off)
	if d == nil {
		return []Location{}, nil
	}
	m := sp.c.res.model()
	if wi >= 0 {
		if name, _, _, ok := varAt(sp.file.Src, d.Words[wi], sp.off); ok {
			var out []Location
			lname := strings.ToLower(name)
			for _, mp := range m.Maps {
				if mp.Var == lname && len(mp.Dir.Words) > 2 {
					out = append(out, s.wordLocation(sp.x, mp.Dir, mp.Dir.Words[2]))
				}
			}
			for _, set := range m.Sets[lname] {
				out = append(out, s.wordLocation(sp.x, set, set.Words[1]))
			}
			return nonNil(out), nil
		}
	}
	if d.Name == "include" && d.Block == nil {
		var out []Location
		seen := map[string]bool{}
		for _, f := range d.Included {
			if !seen[f.Path] {
				seen[f.Path] = true
				uri, _ := s.uriFor(f.Path)
				out = append(out, Location{URI: uri})
			}
		}
		return nonNil(out), nil
	}
	if wi >= 1 {
		if u := upstreamNamed(m, d); u != nil {
			return []Location{s.wordLocation(sp.x, u.Dir, u.Dir.Words[1])}, nil
		}
	}
	return []Location{}, nil
}

func nonNil(ls []Location) []Location {
	if ls == nil {
		return []Location{}
	}
	return ls
}

// upstreamNamed returns the upstream a *_pass directive's URL names.
func upstreamNamed(m *model.Model, d *parser.Directive) *model.Upstream {
	if !strings.HasSuffix(d.Name, "_pass") || len(d.Words) < 2 {
		return nil
	}
	host := d.Arg(0)
	if _, rest, ok := strings.Cut(host, "://"); ok {
		host = rest
	}
	if i := strings.IndexAny(host, "/:"); i >= 0 {
		host = host[:i]
	}
	return m.Upstreams[strings.ToLower(host)]
}

// wordLocation is the location of word w of directive d.
func (s *Server) wordLocation(x *indexes, d *parser.Directive, w parser.Word) Location {
	uri, _ := s.uriFor(d.File.Path)
	li := x.of(d.File.Path)
	if li == nil {
		return Location{URI: uri}
	}
	return Location{URI: uri, Range: Range{Start: li.position(int(w.Start.Offset)), End: li.position(int(w.EndOffset()))}}
}

// documentSymbols answers textDocument/documentSymbol with the buffer's
// blocks: http, servers, locations, upstreams, maps.
func (s *Server) documentSymbols(uri string) (any, error) {
	sp, err := s.locate(uri, Position{})
	if err != nil {
		return nil, err
	}
	return symbols(sp.li, sp.file.Directives), nil
}

func symbols(li *lineIndex, ds []*parser.Directive) []DocumentSymbol {
	out := []DocumentSymbol{}
	for _, d := range ds {
		if d.Block == nil || d.Ctx == parser.CtxCustom {
			continue
		}
		kind := SymbolStruct
		name := d.Name
		detail := ""
		args := strings.Join(wordValues(d.Args()), " ")
		switch d.Name {
		case "http", "events", "stream", "mail":
			kind = SymbolNamespace
		case "server":
			kind = SymbolClass
			name, detail = serverLabel(d)
		case "location":
			kind = SymbolMethod
			name = "location " + args
		case "upstream":
			kind = SymbolInterface
			name = "upstream " + args
		case "map":
			kind = SymbolVariable
			name = "map " + args
		case "if", "limit_except":
			kind = SymbolEvent
			name = d.Name + " " + args
		default:
			if args != "" {
				name += " " + args
			}
		}
		last := d.Words[len(d.Words)-1]
		sym := DocumentSymbol{
			Name:           name,
			Detail:         detail,
			Kind:           kind,
			Range:          Range{Start: li.position(int(d.Start.Offset)), End: li.position(int(d.End.Offset))},
			SelectionRange: Range{Start: li.position(int(d.Start.Offset)), End: li.position(int(last.EndOffset()))},
		}
		if kids := symbols(li, d.Block.Directives); len(kids) > 0 {
			sym.Children = kids
		}
		out = append(out, sym)
	}
	return out
}

// serverLabel names a server block by its server_name and listen lines.
func serverLabel(d *parser.Directive) (name, detail string) {
	var names, listens []string
	for _, c := range d.Block.Directives {
		switch c.Name {
		case "server_name":
			names = append(names, wordValues(c.Args())...)
		case "listen":
			listens = append(listens, strings.Join(wordValues(c.Args()), " "))
		}
	}
	name = "server"
	if len(names) > 0 {
		name += " " + strings.Join(names, " ")
	}
	if len(listens) > 0 {
		detail = "listen " + strings.Join(listens, "; ")
	}
	return name, detail
}

// completion answers textDocument/completion with the directives nginx
// accepts where the cursor is, when it is on a directive's name.
func (s *Server) completion(p CompletionParams) (any, error) {
	doc := s.docs[p.TextDocument.URI]
	if doc == nil {
		return &CompletionList{Items: []CompletionItem{}}, nil
	}
	li := newLineIndex(doc.text)
	off := li.offset(p.Position)
	list := &CompletionList{Items: []CompletionItem{}}
	if start, prefix, ok := varPrefix(doc.text, off); ok {
		r := Range{Start: li.position(start), End: li.position(off)}
		for _, v := range s.variables(doc) {
			if strings.HasPrefix(v.name, prefix) {
				sortText := "0" + v.name
				if v.builtin {
					sortText = "1" + v.name
				}
				list.Items = append(list.Items, CompletionItem{Label: "$" + v.name, Kind: CompletionVariable, Detail: v.detail, SortText: sortText, TextEdit: &TextEdit{Range: r, NewText: "$" + v.name}})
			}
		}
		return list, nil
	}
	ctx, word, start, ok := completionContext(doc.text, off, s.fileContext(doc))
	if !ok {
		return list, nil
	}
	r := Range{Start: li.position(start), End: li.position(off)}
	for _, name := range parser.DirectivesIn(ctx) {
		if !strings.HasPrefix(name, word) {
			continue
		}
		info, _ := parser.LookupDirective(name)
		item := CompletionItem{
			Label:    name,
			Kind:     CompletionKeyword,
			Detail:   info.Args,
			TextEdit: &TextEdit{Range: r, NewText: name},
		}
		if sum := summaries()[name]; sum != "" {
			item.Documentation = &MarkupContent{Kind: "markdown", Value: sum}
		}
		list.Items = append(list.Items, item)
	}
	sort.SliceStable(list.Items, func(i, j int) bool { return list.Items[i].Label < list.Items[j].Label })
	return list, nil
}

// fileContext is the context the buffer's top level is read in: as its
// configuration reads it when it was linted, else inferred from its text.
func (s *Server) fileContext(doc *document) parser.Ctx {
	k := s.disk.key(doc.path)
	for _, c := range s.sortedContexts() {
		if p, ok := c.keys[k]; ok {
			if f := c.files[p]; f != nil && f.Ctx != parser.CtxUnknown {
				return f.Ctx
			}
		}
	}
	return parser.InferContext(doc.text)
}

// completionContext scans text up to off as nginx's reader does (quotes,
// escapes, comments, braces) and returns the context of the block the
// cursor is in, the part of a directive name typed before the cursor and
// where it starts; ok is false when the cursor is not on a directive's
// name (in an argument, a comment, a string, a map body).
func completionContext(text string, off int, top parser.Ctx) (ctx parser.Ctx, word string, start int, ok bool) {
	stack := []parser.Ctx{top}
	var words []string // words of the current directive
	cur := -1          // start of the word being read, -1 between words
	flush := func(i int) {
		if cur >= 0 {
			words = append(words, text[cur:i])
			cur = -1
		}
	}
	for i := 0; i < off; i++ {
		c := text[i]
		switch {
		case c == '#' && cur < 0:
			for i < off && text[i] != '\n' {
				i++
			}
			if i >= off {
				return 0, "", 0, false // in a comment
			}
		case (c == '"' || c == '\'') && cur < 0:
			q := c
			j := i + 1
			for j < off && text[j] != q {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			if j >= off {
				return 0, "", 0, false // in a string
			}
			words = append(words, text[i+1:j])
			i = j
		case c == '\\' && cur >= 0:
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			flush(i)
		case c == ';':
			flush(i)
			words = words[:0]
		case c == '{':
			flush(i)
			parent := stack[len(stack)-1]
			child := parser.CtxUnknown
			if len(words) > 0 {
				child = parser.BlockContext(parent, words[0])
			}
			stack = append(stack, child)
			words = words[:0]
		case c == '}':
			flush(i)
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			words = words[:0]
		default:
			if cur < 0 {
				cur = i
			}
		}
	}
	if len(words) > 0 {
		return 0, "", 0, false // in an argument
	}
	start = off
	if cur >= 0 {
		start = cur
	}
	ctx = stack[len(stack)-1]
	if ctx == parser.CtxUnknown || ctx >= parser.CtxCustom {
		return 0, "", 0, false
	}
	return ctx, text[start:off], start, true
}

// varPrefix reports whether the cursor ends a variable name being typed
// ("$conn|"), outside a comment, and returns where its "$" is and the name
// typed so far.
func varPrefix(text string, off int) (start int, prefix string, ok bool) {
	i := off
	for i > 0 && isVarByte(text[i-1]) {
		i--
	}
	if i == 0 || text[i-1] != '$' {
		return 0, "", false
	}
	lineStart := strings.LastIndexByte(text[:i], '\n') + 1
	quote := byte(0)
	for j := lineStart; j < i-1; j++ {
		switch c := text[j]; {
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && c == '#':
			return 0, "", false // in a comment
		}
	}
	return i - 1, strings.ToLower(text[i:off]), true
}

type variable struct {
	name, detail string
	builtin      bool
}

// variables are the ones the buffer's configuration defines (maps and set)
// and nginx's built-in ones, sorted.
func (s *Server) variables(doc *document) []variable {
	seen := map[string]bool{}
	var out []variable
	add := func(name, detail string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, variable{name: name, detail: detail})
		}
	}
	k := s.disk.key(doc.path)
	for _, c := range s.sortedContexts() {
		if !c.has(k) || c.res == nil {
			continue
		}
		for _, mp := range c.res.model().Maps {
			add(mp.Var, "map "+mp.Source+" $"+mp.Var)
		}
		for name := range c.res.model().Sets {
			add(name, "set")
		}
	}
	defined := len(out)
	for name, desc := range builtinVars() {
		add(name, desc)
	}
	for _, h := range []string{"http_upgrade", "http_connection", "http_host", "http_x_forwarded_for", "http_x_forwarded_proto", "http_origin", "http_cookie", "http_user_agent", "http_authorization"} {
		add(h, builtinVar(h))
	}
	for i := defined; i < len(out); i++ {
		out[i].builtin = true
	}
	// The configuration's own variables first.
	sort.Slice(out, func(i, j int) bool {
		if out[i].builtin != out[j].builtin {
			return !out[i].builtin
		}
		return out[i].name < out[j].name
	})
	return out
}
