package rules

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// NodePath names a directive by where it sits in the configuration tree,
// not by its line: `server[chat.example.com]/location[/ws/]/proxy_set_header[Connection]`.
// Editing unrelated lines keeps it, so code scanning can follow a finding
// across commits. Included files are transparent: the path is the one nginx
// sees after reading them.
func NodePath(d *parser.Directive) string {
	var parts []string
	for n := d; n != nil; n = enclosing(n) {
		parts = append(parts, nodeName(n))
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, "/")
}

// enclosing is the block directive around d, across include boundaries.
func enclosing(d *parser.Directive) *parser.Directive {
	if d.Parent != nil {
		return d.Parent
	}
	if inc := d.File.IncludedBy; inc != nil {
		return enclosing(inc)
	}
	return nil
}

func nodeName(d *parser.Directive) string {
	switch d.Name {
	case "server":
		if d.Block != nil {
			for _, c := range d.Block.Directives {
				if c.Name == "server_name" && len(c.Words) > 1 {
					return "server[" + c.Arg(0) + "]"
				}
			}
		}
		return "server"
	case "location", "upstream", "map", "if", "limit_except":
		var args []string
		for _, w := range d.Args() {
			args = append(args, w.Value)
		}
		return d.Name + "[" + strings.Join(args, " ") + "]"
	case "proxy_set_header", "add_header":
		return d.Name + "[" + strings.ToLower(d.Arg(0)) + "]"
	}
	return d.Name
}
