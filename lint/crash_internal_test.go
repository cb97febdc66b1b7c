package lint

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// A reader or model that panics on one configuration is an internal error
// at that configuration's first line; the other configurations are still
// read and linted.
func TestReaderAndModelPanics(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"a.conf":     "location /ws/ { proxy_pass http://b; }\n",
		"crash.conf": "location /x/ { proxy_pass http://c; }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	crash := filepath.Join(dir, "crash.conf")
	lines := func(res *Result) string {
		var b strings.Builder
		for _, d := range res.Diagnostics {
			b.WriteString(d.Start.String() + " " + d.RuleID() + ": " + d.Message + "\n")
		}
		return b.String()
	}
	frame := regexp.MustCompile(` \[[^]]*crash_internal_test\.go:\d+\)\]`)

	t.Run("reader", func(t *testing.T) {
		defer func(f func([]string, parser.Options) ([]*parser.Config, []error)) { parseEntriesFunc = f }(parseEntriesFunc)
		parseEntriesFunc = func(files []string, o parser.Options) ([]*parser.Config, []error) {
			for _, f := range files {
				if f == crash {
					panic("the reader tripped")
				}
			}
			return parser.ParseEntries(files, o)
		}
		res, err := Run(context.Background(), []Input{File(dir)}, Options{Rules: []*rules.Rule{rules.WS002}})
		if err != nil {
			t.Fatal(err)
		}
		want := dir + "/a.conf:1:1 WS002: location \"/ws/\" passes a WebSocket"
		got := frame.ReplaceAllString(lines(res), " [frame]")
		if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "\n"+crash+":1:1 : internal error: nginx-wslint crashed reading this file: the reader tripped [frame]; it was not linted\n") {
			t.Errorf("diagnostics:\n%s", got)
		}
	})

	t.Run("model", func(t *testing.T) {
		defer func(f func(*parser.Config, model.Options) *model.Model) { buildModel = f }(buildModel)
		buildModel = func(cfg *parser.Config, o model.Options) *model.Model {
			if cfg.Main.Path == crash {
				var cfgs []*parser.Config
				return model.Build(cfgs[len(cfg.Files)], o)
			}
			return model.Build(cfg, o)
		}
		res, err := Run(context.Background(), []Input{File(dir)}, Options{Rules: []*rules.Rule{rules.WS002}})
		if err != nil {
			t.Fatal(err)
		}
		got := frame.ReplaceAllString(lines(res), " [frame]")
		if !strings.HasSuffix(got, "\n"+crash+":1:1 : internal error: nginx-wslint crashed building its model of this configuration: runtime error: index out of range [1] with length 0 [frame]; no rule checked it\n") ||
			!strings.HasPrefix(got, dir+"/a.conf:1:1 WS002: ") {
			t.Errorf("diagnostics:\n%s", got)
		}
		if !res.Has(rules.Note, InternalError) {
			t.Error("Has(InternalError) is false")
		}
	})
}
