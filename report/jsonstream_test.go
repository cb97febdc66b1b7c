package report

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/chavacava/garif"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// The whole documents the streamed writers must reproduce byte for byte:
// what json.Encoder writes for the log and the report held as one value.
type wholeSARIFLog struct {
	Schema  string          `json:"$schema"`
	Runs    []wholeSARIFRun `json:"runs"`
	Version string          `json:"version"`
}

type wholeSARIFRun struct {
	ColumnKind  string              `json:"columnKind"`
	Invocations []*garif.Invocation `json:"invocations"`
	Results     []*sarifResult      `json:"results"`
	Tool        *garif.Tool         `json:"tool"`
}

type wholeJSONReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
}

func encodeWhole(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func wholeSARIF(t *testing.T, r *lint.Result, o Options) []byte {
	sw := newSARIFWriter(r, o)
	results := slices.Collect(sw.results())
	if results == nil {
		results = []*sarifResult{}
	}
	return encodeWhole(t, wholeSARIFLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []wholeSARIFRun{{
		ColumnKind: sarifColumnKind, Invocations: []*garif.Invocation{sw.invocation()}, Results: results, Tool: sw.tool(),
	}}})
}

func wholeJSON(t *testing.T, r *lint.Result, o Options) []byte {
	rep := wholeJSONReport{Version: 1, Findings: []jsonFinding{}, Errors: []jsonError{}}
	for _, v := range views(r, o.Paths, true) {
		if v.Kind != lint.Finding {
			rep.Errors = append(rep.Errors, jsonError{File: o.Paths.Show(v.Start.File), Line: int(v.Start.Line), Column: int(v.Start.Column),
				Severity: v.Severity.String(), Message: v.message, Internal: v.Kind == lint.InternalError, Rule: v.RuleID(), Fix: v.Fix})
			continue
		}
		rep.Findings = append(rep.Findings, jsonFindingOf(o.Paths, v))
	}
	return encodeWhole(t, rep)
}

// The streamed SARIF and JSON are byte for byte what encoding the whole
// document at once gives, on every fixture (findings, suppressions,
// configuration errors, fixes with edits, no findings at all) and on a run
// where a rule crashed.
func TestStreamedEqualsWhole(t *testing.T) {
	crash := &rules.Rule{ID: "WS990", Name: "test-crash", Severity: rules.Note, Check: func(p *rules.Pass) {
		for _, w := range p.WebSocketLocations() {
			var none []string
			_ = none[len(w.Name)]
		}
	}}
	var results []*lint.Result
	for _, p := range sarifFixtures(t) {
		results = append(results, lintPaths(t, "", p))
	}
	res, err := lint.Run(context.Background(), []lint.Input{lint.Buffer("app.conf", "http { server { location /ws/ { proxy_pass http://b; } } }\n")},
		lint.Options{Rules: append(slices.Clone(rules.All), crash)})
	if err != nil {
		t.Fatal(err)
	}
	results = append(results, res, lintPaths(t, "events {}\n", "-"))
	findings, errs := 0, 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Kind == lint.Finding {
				findings++
			} else {
				errs++
			}
		}
		o := Options{Version: "v1.2.3", BaseDir: getwd(t), Paths: &Paths{}}
		for _, c := range []struct {
			name   string
			stream func(*bytes.Buffer) error
			whole  []byte
		}{
			{"sarif", func(b *bytes.Buffer) error { return SARIF(b, r, o) }, wholeSARIF(t, r, o)},
			{"json", func(b *bytes.Buffer) error { return JSON(b, r, o) }, wholeJSON(t, r, o)},
		} {
			var buf bytes.Buffer
			if err := c.stream(&buf); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), c.whole) {
				t.Errorf("%s of %v differs from the whole document:\n%s", c.name, r.Files(), firstDifference(buf.Bytes(), c.whole))
			}
		}
	}
	if findings < 100 || errs < 5 {
		t.Errorf("the fixtures hold only %d findings and %d errors", findings, errs)
	}
}

// firstDifference shows where two outputs part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "streamed: ..." + string(got[from:min(len(got), i+80)]) + "\nwhole:    ..." + string(want[from:min(len(want), i+80)])
}

// A value streamed at any depth, inside arrays of any length, is what the
// encoder writes for the enclosing document, for strings with characters
// JSON escapes or the encoder could escape as HTML.
func FuzzStreamedValue(f *testing.F) {
	f.Add("plain", 0, 2)
	f.Add("<a href=\"x\">&amp;</a>\u2028\u2029\x00\x7f\xff", 3, 1)
	f.Add("", 1, 0)
	f.Fuzz(func(t *testing.T, s string, depth, n int) {
		depth, n = min(max(depth, 0), 6), min(max(n, 0), 4)
		item := map[string]any{"s": s, "list": []any{s, map[string]string{s: s}}, "empty": []int{}, "none": map[string]int{}}
		items := slices.Repeat([]any{item}, n)
		var buf bytes.Buffer
		st := newJSONStream(&buf)
		// The array sits at depth inside nested arrays, as results do in a run.
		for d := range depth {
			st.raw("[")
			st.newline(d + 1)
		}
		st.array(depth, slices.Values(items))
		if err := st.close(); err != nil {
			t.Fatal(err)
		}
		var want any = items
		if items == nil {
			want = []any{}
		}
		for range depth {
			want = []any{want}
		}
		got := buf.String()
		// Close the nesting the stream left open, as the whole encoding does.
		got = strings.TrimSuffix(got, "\n")
		for d := depth - 1; d >= 0; d-- {
			got += "\n" + strings.Repeat("  ", d) + "]"
		}
		if wantText := string(encodeWhole(t, want)); got+"\n" != wantText {
			t.Fatalf("streamed:\n%s\nwhole:\n%s", got, wantText)
		}
	})
}

// appendIndented indents any compact JSON value exactly as json.Indent
// does, at any depth.
func FuzzAppendIndented(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":"x\"y\\\\"},[],{}],"c":"{[,:]}"}`), 2)
	f.Add([]byte(`"\u2028<>&"`), 0)
	f.Add([]byte(`[[[]],{"":{}}]`), 5)
	f.Fuzz(func(t *testing.T, in []byte, depth int) {
		depth = min(max(depth, 0), 8)
		if !json.Valid(in) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, in); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), strings.Repeat("  ", depth), "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact.Bytes(), depth); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("appendIndented(%q, %d) =\n%s\njson.Indent:\n%s", compact.Bytes(), depth, got, want.Bytes())
		}
	})
}
