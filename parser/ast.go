// Package parser reads nginx configuration exactly as nginx's own reader
// (src/core/ngx_conf_file.c) does, from files with includes or from an
// `nginx -T` dump, into a tree whose every node knows its file, line, column
// and byte offsets.
//
// Positions: Line and Column are 1-based. Column counts bytes from the start
// of the line (a tab is one column, a multi-byte UTF-8 character counts its
// bytes), as gcc and go/token do; it is what editors that jump to
// "file:line:col" expect for ASCII text, which nginx configurations almost
// always are. Offset is the 0-based byte offset in the file.
package parser

import (
	"strconv"
	"strings"
)

// Pos is a position in a configuration file.
type Pos struct {
	Offset int32 // 0-based byte offset
	Line   int32 // 1-based line
	Column int32 // 1-based byte column
}

// Quote says how a word was written in the source.
type Quote uint8

// The ways a word can be quoted. nginx itself does not record the quoting
// (for nginx "on", 'on' and on are the same word); the linter keeps it to
// print words back as the user wrote them.
const (
	Unquoted Quote = iota
	SingleQuoted
	DoubleQuoted
)

// Word is one token of a directive: its name or an argument.
type Word struct {
	// Value is the word as nginx stores it: quotes removed and the escapes
	// \" \' \\ \t \r \n processed; any other backslash is kept.
	Value string
	// Start is the position of the word's first byte (the opening quote of a
	// quoted word).
	Start Pos
	// span is the word's length in the source (at most nginx's 4096-byte
	// token limit), with its Quote in the top two bits: a configuration has
	// hundreds of thousands of words, so each byte counts.
	span uint32
}

const spanQuoteShift = 30

// Quote says how the word was written.
func (w Word) Quote() Quote { return Quote(w.span >> spanQuoteShift) }

// EndOffset is the byte offset just after the word's last byte.
func (w Word) EndOffset() int32 { return w.Start.Offset + int32(w.span&(1<<spanQuoteShift-1)) }

// End returns the position just after the word's last byte; src is the text
// of the word's file (File.Src). A quoted word may span lines.
func (w Word) End(src string) Pos {
	end := w.EndOffset()
	p := Pos{Offset: end, Line: w.Start.Line, Column: w.Start.Column + end - w.Start.Offset}
	if text := src[w.Start.Offset:end]; strings.IndexByte(text, '\n') >= 0 {
		p.Line += int32(strings.Count(text, "\n"))
		p.Column = int32(len(text) - strings.LastIndexByte(text, '\n'))
	}
	return p
}

// Directive is one nginx directive: a name, arguments, and an optional block.
type Directive struct {
	Name  string // the first word's value
	Words []Word // Words[0] is the name; Args returns the rest
	// Start is the position of the name's first byte. End is the position
	// just after the terminating ";" or the block's closing "}".
	Start, End Pos
	// Block is the body of a block directive, nil for a simple one.
	Block *Block
	// File is the file occurrence the directive was read from.
	File *File
	// Parent is the block directive enclosing this one in the same file, nil
	// at the top level of a file (see File.IncludedBy for the include).
	Parent *Directive
	// Included holds, for an include directive, the file occurrences it
	// brought in, in the order nginx reads them.
	Included []*File
	// Ctx is the kind of block the directive sits in, as nginx sees it.
	Ctx Ctx
	// Unresolved is set on an include directive whose file could not be
	// read: whatever it would have set is unknown.
	Unresolved bool
}

// Args returns the directive's arguments (its words after the name).
func (d *Directive) Args() []Word { return d.Words[1:] }

// Arg returns the value of argument i, or "" when there are fewer arguments.
func (d *Directive) Arg(i int) string {
	if i+1 < len(d.Words) {
		return d.Words[i+1].Value
	}
	return ""
}

// Position returns the directive's position with its file name.
func (d *Directive) Position() Position {
	return Position{File: d.File.Path, Pos: d.Start}
}

// IncludeChain returns the include directives that brought this directive's
// file in, outermost first; empty for a directive of an entry file.
func (d *Directive) IncludeChain() []*Directive {
	var chain []*Directive
	for f := d.File; f != nil && f.IncludedBy != nil; f = f.IncludedBy.File {
		chain = append(chain, f.IncludedBy)
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}

// Block is the body of a block directive.
type Block struct {
	Open  Pos // the "{"
	Close Pos // the "}"
	// Directives are the block's directives in source order. In the body of
	// map, types, geo, split_clients and similar blocks, each entry (for
	// example a map's "key value;") is a Directive whose Name is the key.
	Directives []*Directive
	// Raw is set for *_by_lua_block bodies: the Lua code between the braces,
	// which nginx's lua module reads with its own tokenizer.
	Raw string
}

// Comment is a "#" comment, from the "#" to the end of the line.
type Comment struct {
	Text       string // including the leading "#", without the line end
	Start, End Pos
}

// File is one occurrence of a configuration file in the tree. A file that
// nginx reads twice (included twice) appears as two occurrences, because
// its directives apply twice.
type File struct {
	// Path is where the file was read: the path findings point at. Name is
	// the path as nginx builds it (the main file as given, an include as
	// conf prefix + argument); they differ when --root maps absolute paths.
	Path       string
	Name       string
	Src        string
	Directives []*Directive
	Comments   []Comment
	// Ctx is the context the file's top-level directives are read in.
	Ctx Ctx
	// IncludedBy is the include directive that read this file, nil for an
	// entry file.
	IncludedBy *Directive
	// Outside is set on a file the user did not name that lies outside the
	// linted tree (Options.Tree): findings and errors about it name its path
	// and line but must quote none of it.
	Outside bool
}

// Position is a position together with its file name.
type Position struct {
	File string
	Pos
}

// String formats the position as file:line:col.
func (p Position) String() string {
	return p.File + ":" + strconv.Itoa(int(p.Line)) + ":" + strconv.Itoa(int(p.Column))
}

// Error is a configuration error with its position, worded as nginx words it.
type Error struct {
	Position
	Msg string
	// Hint, when set, adds what nginx does not say but an operator needs.
	Hint string
	// Missing is set when the error is a file that an include names but
	// that cannot be read: the linter goes on without the file, as a
	// repository checkout often lacks the server's other files.
	Missing bool
	// Outside is set when the error is in a file outside the linted tree
	// (File.Outside): Msg then quotes nothing of the file.
	Outside bool
}

// Error formats the error as "file:line:col: message".
func (e *Error) Error() string {
	s := e.String() + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}
