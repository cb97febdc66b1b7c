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

// Dump is the set of files in an `nginx -T` dump.
type Dump struct {
	// Main is the first file: the one nginx was started with.
	Main string
	// Files maps each file's absolute path to its contents, exactly as on
	// disk, so positions in them are positions in the original files.
	Files map[string]string
	// Order lists the paths in the order of the dump.
	Order []string
}

// SplitDump splits `nginx -T` output into its files. Each file is printed
// after its separator line followed by one extra LF, so a file's contents
// are the text up to the next separator minus that LF.
func SplitDump(src string) (*Dump, error) {
	d := &Dump{Files: map[string]string{}}
	var cur string
	var body strings.Builder
	inFile := false
	flush := func() {
		if !inFile {
			return
		}
		text := body.String()
		if _, dup := d.Files[cur]; !dup {
			d.Files[cur] = strings.TrimSuffix(text, "\n")
			d.Order = append(d.Order, cur)
		}
		body.Reset()
	}
	for rest := src; rest != ""; {
		line, next, hasNL := strings.Cut(rest, "\n")
		rest = next
		if p, ok := separatorPath(line); ok {
			flush()
			cur, inFile = p, true
			continue
		}
		if !inFile {
			// Before the first file: nginx's own status lines, or noise.
			continue
		}
		body.WriteString(line)
		if hasNL {
			body.WriteByte('\n')
		}
	}
	flush()
	if len(d.Order) == 0 {
		return nil, errors.New(`no "# configuration file PATH:" line: not an nginx -T dump`)
	}
	// nginx's stderr lines after the last file, when piped with 2>&1.
	last := d.Order[len(d.Order)-1]
	text := d.Files[last]
	for {
		i := strings.LastIndexByte(strings.TrimSuffix(text, "\n"), '\n')
		line := strings.TrimSuffix(text[i+1:], "\n")
		if i < 0 || !isNginxStatusLine(line) {
			break
		}
		text = text[:i+1]
	}
	d.Files[last] = text
	d.Main = d.Order[0]
	return d, nil
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
	opts.FS = NewMemFS(d.Files)
	if opts.Context == CtxUnknown {
		opts.Context = CtxMain
	}
	return ParseBytes(d.Main, d.Files[d.Main], opts), d, nil
}
