package parser_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// corpusDir returns the corpus of real-world configurations the parser
// tests read: copies kept in the repository (testdata/corpus/realworld,
// whose MANIFEST.tsv names each file's repository, path, commit and
// licence), so that the tests need nothing outside the checkout.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "testdata", "corpus", "realworld")
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST.tsv")); err != nil {
		t.Fatalf("corpus missing: %v", err)
	}
	return dir
}

// configFiles lists every configuration file the position walker checks:
// the repository's fixtures and examples, and the real-world corpus.
func configFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	corpusDir(t) // under testdata, walked with it
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".conf") || strings.HasSuffix(p, ".conf.template")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d configuration files found", len(files))
	}
	return files
}

// TestPositionsPointAtTheSource walks every node of every fixture and corpus
// file: the source at a directive's offset starts with its name as written,
// every word's source text reads back to its value, blocks open and close at
// "{" and "}", comments are where they say, and each line:column agrees
// with the offset.
func TestPositionsPointAtTheSource(t *testing.T) {
	nodes := 0
	for _, name := range configFiles(t) {
		cfg, err := parser.ParseFile(name, parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range cfg.Files {
			nodes += checkFile(t, f, len(cfg.Errors) > 0)
		}
	}
	t.Logf("checked %d nodes", nodes)
}

func checkFile(t *testing.T, f *parser.File, broken bool) int {
	t.Helper()
	n := 0
	src := f.Src
	at := func(what string, p parser.Pos) {
		t.Helper()
		if p.Offset < 0 || int(p.Offset) > len(src) {
			t.Fatalf("%s: %s offset %d outside the file", f.Path, what, p.Offset)
		}
		line := 1 + strings.Count(src[:p.Offset], "\n")
		col := int(p.Offset) - strings.LastIndexByte(src[:p.Offset], '\n')
		if int(p.Line) != line || int(p.Column) != col {
			t.Errorf("%s: %s at offset %d says %d:%d, the source says %d:%d", f.Path, what, p.Offset, p.Line, p.Column, line, col)
		}
	}
	var walk func(ds []*parser.Directive)
	walk = func(ds []*parser.Directive) {
		for _, d := range ds {
			n++
			at("directive "+d.Name, d.Start)
			at("end of "+d.Name, d.End)
			if d.Start != d.Words[0].Start {
				t.Errorf("%s: directive %s does not start at its name", f.Path, d.Name)
			}
			for _, w := range d.Words {
				at("word "+w.Value, w.Start)
				raw := src[w.Start.Offset:w.EndOffset()]
				if got := readBack(raw, w.Quote()); got != w.Value {
					t.Errorf("%s:%d:%d: word %q reads back as %q from %q", f.Path, w.Start.Line, w.Start.Column, w.Value, got, raw)
				}
			}
			if b := d.Block; b != nil {
				at("{ of "+d.Name, b.Open)
				at("} of "+d.Name, b.Close)
				// A block left open by a syntax error ends where reading
				// stopped, which is no brace.
				if src[b.Open.Offset] != '{' || !broken && src[b.Close.Offset] != '}' {
					t.Errorf("%s:%d: block of %s is not delimited by braces at its positions", f.Path, d.Start.Line, d.Name)
				}
				walk(b.Directives)
			}
		}
	}
	walk(f.Directives)
	for _, c := range f.Comments {
		at("comment", c.Start)
		if src[c.Start.Offset:c.End.Offset] != c.Text || !strings.HasPrefix(c.Text, "#") {
			t.Errorf("%s:%d: comment %q is not at its position", f.Path, c.Start.Line, c.Text)
		}
	}
	return n
}

// readBack applies nginx's rules to a word's source: quotes removed, and
// \" \' \\ \t \r \n processed, any other backslash kept.
func readBack(raw string, q parser.Quote) string {
	if q != parser.Unquoted {
		raw = raw[1 : len(raw)-1]
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) {
			switch raw[i+1] {
			case '"', '\'', '\\':
				i++
			case 't':
				b.WriteByte('\t')
				i++
				continue
			case 'r':
				b.WriteByte('\r')
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			}
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}

// Every corpus configuration parses: no syntax or context error (missing
// include targets aside, which the corpus files name but do not carry).
func TestCorpusParses(t *testing.T) {
	dir := corpusDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Name() == "MANIFEST.tsv" {
			continue
		}
		n++
		cfg, err := parser.ParseFile(filepath.Join(dir, e.Name()), parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, perr := range cfg.Errors {
			if !perr.Missing {
				t.Errorf("%v", perr)
			}
		}
	}
	if n < 60 {
		t.Errorf("only %d corpus files", n)
	}
}
