package model

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// ValueErrors returns the values nginx refuses in the directives the model
// reads (proxy timeouts, proxy_http_version, proxy_buffering), worded as
// nginx words them: nginx would not load the configuration.
func (m *Model) ValueErrors() []*parser.Error {
	var out []*parser.Error
	add := func(d *parser.Directive, msg string) {
		pos := d.Start
		if d.End.Line != d.Start.Line {
			// nginx reports the line its reader stood on: the ";".
			pos = parser.Pos{Offset: d.End.Offset - 1, Line: d.End.Line, Column: d.End.Column - 1}
		}
		out = append(out, &parser.Error{Position: parser.Position{File: d.File.Path, Pos: pos}, Msg: msg})
	}
	for _, b := range m.Blocks() {
		for _, d := range b.Own {
			if len(d.Words) != 2 {
				continue
			}
			v := d.Arg(0)
			if strings.Contains(v, "${") {
				// An envsubst placeholder of a Docker template
				// (*.conf.template): replaced before nginx reads the file.
				continue
			}
			switch d.Name {
			case "proxy_read_timeout", "proxy_send_timeout", "proxy_connect_timeout":
				if _, err := ParseMsec(v); err != nil {
					add(d, `"`+d.Name+`" directive invalid value`)
				}
			case "proxy_http_version":
				http2 := v == "2" && m.Version.AtLeast(1, 29, 4)
				if v != "1.0" && v != "1.1" && !http2 {
					add(d, `invalid value "`+v+`"`)
				}
			case "proxy_buffering":
				if !strings.EqualFold(v, "on") && !strings.EqualFold(v, "off") {
					add(d, `invalid value "`+v+`" in "proxy_buffering" directive, it must be "on" or "off"`)
				}
			}
		}
	}
	return out
}
