package model_test

import (
	"strconv"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/benchtree"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// BenchmarkBuild200k builds the model of the ~200k-line configuration.
func BenchmarkBuild200k(b *testing.B) {
	cfg := benchtree.Config200k(b)
	b.ReportAllocs()
	for b.Loop() {
		model.Build(cfg, model.Options{})
	}
}

// BenchmarkRoute10k routes 10,000 URIs through the model of the ~200k-line
// configuration: server by Host and port, URI normalisation, location, and
// the request-target sent upstream.
func BenchmarkRoute10k(b *testing.B) {
	m := model.Build(benchtree.Config200k(b), model.Options{})
	type req struct {
		host string
		port int
		uri  string
	}
	var reqs []req
	for _, loc := range m.Locations() {
		if len(reqs) == 10000 {
			break
		}
		if !loc.IsPrefix() || loc.Server == nil || len(loc.Server.Names) == 0 || len(loc.Server.Listens) == 0 {
			continue
		}
		reqs = append(reqs, req{loc.Server.Names[0].Name, loc.Server.Listens[0].Port, loc.Name + "x" + strconv.Itoa(len(reqs)) + "?a=1"})
	}
	for i := 0; len(reqs) < 10000; i++ {
		reqs = append(reqs, reqs[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range reqs {
			sm, ok := m.FindServer(r.host, r.port)
			if !ok {
				b.Fatalf("no server for %s:%d", r.host, r.port)
			}
			path, _, err := model.NormalizeURI(r.uri, sm.Server.MergeSlashes)
			if err != nil {
				b.Fatal(err)
			}
			lm := sm.Server.FindLocation(path)
			if lm.Location != nil {
				m.UpstreamTarget(lm.Location.Block, r.uri, lm.Captures)
			}
		}
	}
	b.ReportMetric(float64(len(reqs)), "routes/op")
}

// BenchmarkRegexExample measures WS007's example search on adversarial
// patterns: nested quantifiers, a large alternation, a pattern that never
// matches after the prefix (the search runs to its bound).
func BenchmarkRegexExample(b *testing.B) {
	alts := "^/ws/(a0"
	for i := 1; i < 1000; i++ {
		alts += "|a" + strconv.Itoa(i)
	}
	alts += ")$"
	for _, tc := range []struct{ name, pattern string }{
		{"nested-quantifiers", `(a+)+b$`},
		{"alternation-1000", alts},
		{"no-match", `^/api/`},
		{"static-ext", `\.(js|css|png|svg|woff2?)$`},
	} {
		re := model.CompileRegex(tc.pattern, false)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = re.Example("/ws/", func(string) bool { return true })
			}
		})
	}
}
