package lint

import (
	"path"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// parseByPrefix reads the entry files of the command line, each with nginx's
// conf prefix as nginx would see it: unless popts.Prefix is set, the nearest
// directory above the file holding nginx.conf (parser.ConfPrefix), else the
// file's own directory. Files that share a prefix are read together, so that
// a tree's main file claims the files it includes.
func parseByPrefix(files []string, popts parser.Options) ([]*parser.Config, []error) {
	if popts.Prefix != "" {
		return parser.ParseEntries(files, popts)
	}
	var order []string
	groups := map[string][]string{}
	for _, f := range files {
		p := parser.ConfPrefix(f)
		if _, ok := groups[p]; !ok {
			order = append(order, p)
		}
		groups[p] = append(groups[p], f)
	}
	var cfgs []*parser.Config
	var errs []error
	for _, p := range order {
		o := popts
		o.Prefix = p // "" for none: the parser takes the file's directory
		c, e := parser.ParseEntries(groups[p], o)
		cfgs = append(cfgs, c...)
		errs = append(errs, e...)
	}
	return cfgs, errs
}

// bufferPrefix is the conf prefix of a buffer named name (standard input
// with --stdin-filename, an editor's buffer): the nearest directory above
// where it would be on disk holding nginx.conf, else its name's directory.
func bufferPrefix(name string) string {
	if p := parser.ConfPrefix(name); p != "" {
		return p
	}
	return path.Dir(name)
}
