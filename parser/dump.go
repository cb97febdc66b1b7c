package parser

import (
	"errors"
	"strings"
)

// dumpSeparator starts the line nginx -T prints before each file.
const dumpSeparator = "# configuration file "

// IsDump reports whether src looks like `nginx -T` output: it has a line
// "# configuration file PATH:".
func IsDump(src string) bool {
	for rest := src; rest != ""; {
		line, next, _ := strings.Cut(rest, "\n")
		if _, ok := separatorPath(line); ok {
			return true
		}
		rest = next
	}
	return false
}

// separatorPath returns PATH from a "# configuration file PATH:" line.
func separatorPath(line string) (string, bool) {
	line = strings.TrimSuffix(line, "\r")
	if !strings.HasPrefix(line, dumpSeparator) || !strings.HasSuffix(line, ":") {
		return "", false
	}
	p := line[len(dumpSeparator) : len(line)-1]
	if p == "" {
		return "", false
	}
	return p, true
}

// isNginxStatusLine matches what nginx -T writes to stderr, which a
// `nginx -T 2>&1 |` pipe mixes in: "nginx: the configuration file ... syntax
// is ok", "nginx: configuration file ... test is successful", warnings.
func isNginxStatusLine(line string) bool {
	line = strings.TrimSuffix(line, "\r")
	if strings.HasPrefix(line, "nginx: ") {
		return true
	}
	// Debian's build logs to stderr in error-log format:
	// "2026/11/24 18:51:20 [warn] 123#123: ...".
	return len(line) > 20 && line[4] == '/' && line[7] == '/' && line[10] == ' ' && strings.Contains(line, "] ")
}

// NginxError is nginx's own output where a configuration or an `nginx -T`
// dump was expected. `nginx -T 2>&1 | nginx-wslint -` on a configuration
// nginx refuses pipes only nginx's messages ("nginx: [emerg] unknown
// directive ... in /etc/nginx/nginx.conf:5", "nginx: configuration file
// ... test failed"), and `nginx -t 2>&1` pipes only its verdict: neither is
// configuration to parse.
type NginxError struct {
	// Messages are nginx's lines without the "nginx: " prefix or the error
	// log's date and pid, in order: "[emerg] unknown directive ...".
	Messages []string
	// Failed is set when nginx refused the configuration; otherwise the
	// input holds nginx's verdict but no dump (nginx -t, not -T).
	Failed bool
}

// Error says what nginx said: "nginx -T failed: [emerg] unknown directive
// "foo" in /etc/nginx/nginx.conf:5", naming nginx's first emerg (else
// alert or crit) message, or its last line when it gave none.
func (e *NginxError) Error() string {
	if !e.Failed {
		return "standard input holds nginx's messages but no configuration (" + strings.Join(e.Messages, "; ") +
			`): "nginx -t" prints none, pipe "nginx -T" instead`
	}
	first := ""
	for _, lvl := range []string{"[emerg] ", "[alert] ", "[crit] "} {
		for _, m := range e.Messages {
			if first == "" && strings.HasPrefix(m, lvl) {
				first = m
			}
		}
	}
	if first == "" {
		first = e.Messages[len(e.Messages)-1]
	}
	return "nginx -T failed: " + first
}

// NginxMessages returns nginx's messages when src is nothing but nginx's
// own output (every non-blank line an "nginx: ..." line or an error-log
// line, at least one of them), nil when src holds anything else: a
// configuration, a dump, or a mixture.
func NginxMessages(src string) *NginxError {
	e := &NginxError{}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !isNginxStatusLine(line) {
			return nil
		}
		msg := strings.TrimPrefix(line, "nginx: ")
		if msg == line {
			// "2026/11/24 18:51:20 [emerg] 123#123: message".
			msg = line[20:]
			if lvl, rest, ok := strings.Cut(msg, "] "); ok {
				if _, after, ok := strings.Cut(rest, ": "); ok {
					rest = after
				}
				msg = lvl + "] " + rest
			}
		}
		if strings.HasPrefix(msg, "[emerg] ") || strings.HasSuffix(msg, " test failed") {
			e.Failed = true
		}
		e.Messages = append(e.Messages, msg)
	}
	if len(e.Messages) == 0 {
		return nil
	}
	return e
}

// Dump is the set of files in an `nginx -T` dump.
type Dump struct {
	// Main is the first file: the one nginx was started with.
	Main string
	// Files maps each file's absolute path to its contents, exactly as on
	// disk, so positions in them are positions in the original files.
	Files map[string]string
	// Order lists the paths in the order of the dump.
	Order []string

	sections []dumpSection
	resolved []dumpSection
	src      string
}

// dumpSection is the text between two separator lines, with its LF: raw is
// src[start:end], so that joining a section to the one before it is a slice
// of src, not a copy.
type dumpSection struct {
	path, separator, raw string
	start, end           int
}

// join appends s, which follows it in src, to the section.
func (d *Dump) join(prev *dumpSection, s dumpSection) {
	prev.end = s.end
	prev.raw = d.src[prev.start:prev.end]
}

// SplitDump splits `nginx -T` output into its files. Each file is printed
// after its separator line followed by one extra LF, so a file's contents
// are the text up to the next separator minus that LF.
func SplitDump(src string) (*Dump, error) {
	var sections []dumpSection
	bodyStart := -1
	var cur, curSep string
	for off := 0; off < len(src); {
		end := strings.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
		}
		if p, ok := separatorPath(strings.TrimSuffix(src[off:next], "\n")); ok {
			if bodyStart >= 0 {
				sections = append(sections, dumpSection{cur, curSep, src[bodyStart:off], bodyStart, off})
			}
			cur, curSep, bodyStart = p, src[off:next], next
		}
		off = next
	}
	if bodyStart < 0 {
		return nil, errors.New(`no "# configuration file PATH:" line: not an nginx -T dump`)
	}
	// Lines before the first separator are nginx's own status lines or
	// noise; after the last file may come its stderr, with 2>&1.
	last := src[bodyStart:]
	for {
		i := strings.LastIndexByte(strings.TrimSuffix(last, "\n"), '\n')
		if i < 0 || !isNginxStatusLine(strings.TrimSuffix(last[i+1:], "\n")) {
			break
		}
		last = last[:i+1]
	}
	sections = append(sections, dumpSection{cur, curSep, last, bodyStart, bodyStart + len(last)})
	d := &Dump{sections: sections, src: src}
	d.index(nil)
	return d, nil
}

// index builds Files and Order from the sections. A path printed twice can
// only come from a line inside a file that looks like a separator (nginx
// prints each file once): keep[path] says which occurrence is the file, and
// the others are joined back into the text before them.
func (d *Dump) index(keep map[string]int) {
	occurrence := map[string]int{}
	var secs []dumpSection
	for _, s := range d.sections {
		n := occurrence[s.path]
		occurrence[s.path] = n + 1
		if len(secs) > 0 && n != keep[s.path] {
			d.join(&secs[len(secs)-1], s)
			continue
		}
		secs = append(secs, s)
	}
	d.resolved = secs
	d.Files = map[string]string{}
	d.Order = d.Order[:0]
	d.Main = secs[0].path
	for _, s := range secs {
		d.Files[s.path] = strings.TrimSuffix(s.raw, "\n")
		d.Order = append(d.Order, s.path)
	}
}

// duplicates returns the paths printed more than once, with their counts.
func (d *Dump) duplicates() map[string]int {
	count := map[string]int{}
	for _, s := range d.sections {
		count[s.path]++
	}
	for p, n := range count {
		if n < 2 {
			delete(count, p)
		}
	}
	return count
}

// mergeUnread joins back into the preceding file every section that no
// include read: its separator was a line of that file which only looks like
// one (inside a quoted string, say). It reports whether anything changed.
func (d *Dump) mergeUnread(read map[string]bool) bool {
	merged := false
	out := d.sections[:1]
	for _, s := range d.sections[1:] {
		if read[s.path] {
			out = append(out, s)
			continue
		}
		d.join(&out[len(out)-1], s)
		merged = true
	}
	d.sections = out
	return merged
}

// ParseDump reads the configuration in an `nginx -T` dump: the first file is
// the main one, includes are resolved against the dump's files (relative
// ones against the main file's directory, nginx's conf prefix, unless
// opts.Prefix is set), and every position is in the original file.
func ParseDump(src string, opts Options) (*Config, *Dump, error) {
	d, err := SplitDump(src)
	if err != nil {
		return nil, nil, err
	}
	if opts.Context == CtxUnknown {
		opts.Context = CtxMain
	}
	// A path printed twice: try each occurrence as the file, and keep the
	// reading with the fewest errors (the false separator splits a file in
	// the middle, which nginx's reader rejects).
	keep := map[string]int{}
	trials := 0
	for path, n := range d.duplicates() {
		best, bestErrs := 0, -1
		for _, i := range dumpCandidates(n) {
			if trials++; trials > maxDumpTrials {
				break
			}
			keep[path] = i
			cfg := d.parse(keep, opts)
			if bestErrs < 0 || len(cfg.Errors) < bestErrs {
				best, bestErrs = i, len(cfg.Errors)
			}
		}
		keep[path] = best
	}
	return d.parse(keep, opts), d, nil
}

// maxDumpTrials bounds the readings of a dump with duplicated paths, each of
// which costs a parse of the whole dump: without it, a dump of n copies of a
// section took n parses.
const maxDumpTrials = 16

// dumpCandidates are the occurrences of a path printed n times worth a
// reading: a false separator is a line inside a file, so the real one is
// most often the first or the last; the first few and the last are tried.
func dumpCandidates(n int) []int {
	if n <= 4 {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	return []int{0, 1, 2, n - 1}
}

// parse reads the dump with the given choice of duplicated sections, joining
// back every section no include reads until none is left.
func (d *Dump) parse(keep map[string]int, opts Options) *Config {
	saved := d.sections
	defer func() { d.sections = saved }()
	d.index(keep)
	d.sections = append([]dumpSection(nil), d.resolved...)
	for {
		d.index(nil)
		opts.FS = NewMemFS(d.Files)
		cfg := ParseBytes(d.Main, d.Files[d.Main], opts)
		read := map[string]bool{d.Main: true}
		for _, f := range cfg.Files {
			read[f.Name] = true
		}
		// Each round removes at least one section, so this ends.
		if !d.mergeUnread(read) {
			return cfg
		}
	}
}
