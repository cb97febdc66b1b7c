package parser

import (
	"sort"
	"strings"
)

// A file that is included many times is lexed once. Its first occurrence
// is read from the lexer; once that occurrence has read the whole file, its
// tree holds every statement of the file in order, and every later
// occurrence replays them from it. Only the tree is built per occurrence,
// because nginx applies the file's directives anew in each place that
// includes it (a snippet read in a location and in a server is allowed
// different directives, and its findings name a different include chain).
// The occurrences share the first one's words, so a replay costs its
// directives and nothing of the text. Recording nothing more than the tree
// keeps the files read once (almost all of them) at their old cost.
//
// A first occurrence that stopped early (a syntax error, or a block that
// its context refuses) leaves no complete record; the next occurrence reads
// the file from the lexer again, which only a broken file pays for.

// cursor hands the parser the statements of one occurrence of a file, from
// the lexer or from the tree of the file's first complete occurrence.
type cursor struct {
	lx    *lexer // lexer mode: the file's bytes
	alloc func(n int) []Word
	// Replay mode: the blocks being replayed, innermost last.
	frames []frame
	eof    Pos // replay mode: where the file ends
	// where is where the reading stands: just after the last statement.
	where Pos
	// lastBlock is the block directive last returned, whose Lua body lua
	// replays.
	lastBlock *Directive
	// whole is set once the lexer returned the end of the file at the top
	// level: the occurrence read every statement.
	whole bool
}

// frame is a block being replayed: its directives and its closing brace.
type frame struct {
	dirs  []*Directive
	next  int
	close Pos
	top   bool
}

func lexCursor(lx *lexer, alloc func(n int) []Word) *cursor {
	return &cursor{lx: lx, alloc: alloc}
}

func replayCursor(first *File, eof Pos) *cursor {
	return &cursor{frames: []frame{{dirs: first.Directives, top: true}}, eof: eof}
}

// read returns the next statement: its words (the directive's own, never
// changed afterwards), what ended it and where.
func (c *cursor) read() (words []Word, t term, tpos Pos, err *Error) {
	if c.lx != nil {
		words, t, tpos, err = c.lx.read()
		if err != nil {
			c.where = c.lx.here(c.lx.pos)
			return nil, 0, Pos{}, err
		}
		if len(words) > 0 {
			own := c.alloc(len(words))
			copy(own, words)
			words = own
		}
		c.after(t, tpos)
		return words, t, tpos, nil
	}
	top := &c.frames[len(c.frames)-1]
	if top.next == len(top.dirs) {
		if top.top {
			c.after(termEOF, c.eof)
			return nil, termEOF, c.eof, nil
		}
		close := top.close
		c.frames = c.frames[:len(c.frames)-1]
		c.after(termBlockDone, close)
		return nil, termBlockDone, close, nil
	}
	d := top.dirs[top.next]
	top.next++
	if d.Block == nil {
		tpos = d.termPos()
		c.after(termSemicolon, tpos)
		return d.Words, termSemicolon, tpos, nil
	}
	c.lastBlock = d
	if !isLuaBlock(d.Name) {
		c.frames = append(c.frames, frame{dirs: d.Block.Directives, close: d.Block.Close})
	}
	c.after(termBlockStart, d.Block.Open)
	return d.Words, termBlockStart, d.Block.Open, nil
}

// after moves where the reading stands past the statement just read.
func (c *cursor) after(t term, tpos Pos) {
	c.where = tpos
	if t == termEOF {
		c.whole = c.lx != nil
		return
	}
	// Past the one-byte ";", "{" or "}".
	c.where = Pos{Offset: tpos.Offset + 1, Line: tpos.Line, Column: tpos.Column + 1}
}

// isLuaBlock says whether a block directive's body is Lua code, which the
// Lua module reads with its own tokenizer.
func isLuaBlock(name string) bool { return strings.HasSuffix(name, "_by_lua_block") }

// lua reads the raw body of the Lua block that the statement just read
// opened. ok is false when the block has no closing brace; the reading then
// stands at the end of the file.
func (c *cursor) lua() (body string, closeAt Pos, ok bool) {
	if c.lx == nil {
		b := c.lastBlock.Block
		c.after(termBlockDone, b.Close)
		return b.Raw, b.Close, true
	}
	lx := c.lx
	end := luaBlockEnd(lx.src, lx.pos)
	if end < 0 {
		lx.advanceTo(len(lx.src))
		c.where = lx.here(len(lx.src))
		return "", Pos{}, false
	}
	body = lx.src[lx.pos:end]
	lx.advanceTo(end)
	closeAt = lx.here(end)
	lx.advanceTo(end + 1)
	c.where = lx.here(lx.pos)
	return body, closeAt, true
}

// replayedComments returns the comments of first before where the replayed
// occurrence stopped reading, which is all of them when it read the whole
// file.
func (c *cursor) replayedComments(first *File) []Comment {
	all := first.Comments
	n := sort.Search(len(all), func(i int) bool { return all[i].Start.Offset >= c.where.Offset })
	return all[:n:n]
}
