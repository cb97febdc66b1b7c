package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// GitHub prints GitHub Actions workflow commands, one annotation per
// finding, then the plain text lines (GitHub shows only the first 10
// annotations of each severity per step) and a summary.
func GitHub(w io.Writer, r *lint.Result, o Options) error {
	b := bufio.NewWriterSize(w, 64<<10)
	level := map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Note: "notice"}
	vs := views(r, o.Paths, false)
	for _, v := range vs {
		title := "nginx configuration error"
		switch v.Kind {
		case lint.Finding:
			title = v.Rule.ID
		case lint.InternalError:
			title = "nginx-wslint internal error"
		}
		props := fmt.Sprintf("file=%s,line=%d,col=%d", ghProperty(Escape(o.Paths.Show(v.Start.File))), v.Start.Line, v.Start.Column)
		if v.End.File == v.Start.File && v.End.Line >= v.Start.Line && v.End.Line > 0 {
			props += fmt.Sprintf(",endLine=%d", v.End.Line)
			if v.End.Line == v.Start.Line && v.End.Column > v.Start.Column {
				props += fmt.Sprintf(",endColumn=%d", v.End.Column)
			}
		}
		// Escaped first: the only line break in the message is the one
		// written here, which ghData encodes as GitHub wants.
		msg := Escape(v.message)
		if v.Fix != "" {
			msg += "\nfix: " + Escape(v.Fix)
		}
		fmt.Fprintf(b, "::%s %s,title=%s::%s\n", level[v.Severity], props, ghProperty(title), ghData(msg))
	}
	plain := o
	plain.Color = false
	plain.Quiet = true
	writeText(b, r, vs, plain)
	counts := map[rules.Severity]int{}
	for _, v := range vs {
		counts[v.Severity]++
	}
	fmt.Fprintf(b, "nginx-wslint: %d errors, %d warnings, %d notes\n", counts[rules.Error], counts[rules.Warning], counts[rules.Note])
	return b.Flush()
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return ghDataEscaper.Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return ghPropertyEscaper.Replace(s)
}

// The escapers are built once, on first use (a Replacer builds its tables
// lazily), not for every annotation.
var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
