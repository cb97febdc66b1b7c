package model

import (
	"testing"
	"time"
)

// Time values, §4 of nginx-semantics.md: the accepted and rejected lists are
// the ones verified with nginx -t on 1.22.1, with the durations nginx's
// ngx_parse_time computes.
func TestParseMsec(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		// §4, "Verified accepted", in the document's order.
		{"60", 60 * time.Second},
		{"60s", 60 * time.Second},
		{"1h30m", 90 * time.Minute},
		{"1h", time.Hour},
		{"30m", 30 * time.Minute},
		{"1h30", time.Hour + 30*time.Second}, // a final bare number is seconds
		{"1h 30m", 90 * time.Minute},
		{"500ms", 500 * time.Millisecond},
		{"1s500ms", 1500 * time.Millisecond},
		{"1m5", 65 * time.Second},
		{"1d", 24 * time.Hour},
		{"1w", 7 * 24 * time.Hour},
		{"2w3d", 17 * 24 * time.Hour},
		{"0", 0},
		{"5s ", 5 * time.Second},
		// §4 timing checks.
		{"1", time.Second},
		{"0m2", 2 * time.Second},
		// Every unit once, in order.
		{"1w1d1h1m1s1ms", 8*24*time.Hour + time.Hour + time.Minute + time.Second + time.Millisecond},
		{"75s", 75 * time.Second},
		{"0ms", 0},
		{"007s", 7 * time.Second},
		{"1h  30m  ", 90 * time.Minute},
		// A space is a unit of its own (seconds, nginx's st_last): "5 6"
		// is 5 s plus a final 6 s, as ngx_parse_time adds them.
		{"5 6", 11 * time.Second},
		{"1h 30", time.Hour + 30*time.Second},
		// The final bare number is not checked against the order of the
		// units before it (nginx -t accepts both).
		{"1ms 5", 5001 * time.Millisecond},
		{"5s 6", 11 * time.Second},
		// The largest value time.Duration holds in milliseconds.
		{"9223372036854ms", 9223372036854 * time.Millisecond},
	}
	for _, tt := range tests {
		got, err := ParseMsec(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMsec(%q) = %v, %v; want %v, nil", tt.in, got, err, tt.want)
		}
	}
}

func TestParseMsecRejects(t *testing.T) {
	// §4, "Verified rejected", in the document's order, and a few more.
	for _, in := range []string{
		"1y", "1M", "30m1h", "1h1h", "1.5s", "1S", "-1", "", " 5s", "ms", "s", "1ms5s", "9999999999999999d",
		"+1", "1x", "1h30m1h", "1s1m", "1msms", "1e3", "0x10", "1 h", "1H", "1D", "1W",
		"9223372036854775808ms", "1s 1s",
	} {
		if got, err := ParseMsec(in); err == nil {
			t.Errorf("ParseMsec(%q) = %v, nil; want an error", in, got)
		}
	}
}

// nginx's limit is a signed 64-bit count of milliseconds: it accepts every
// value up to 9223372036854775807 ms (nginx -t on 1.22.1 accepted
// "proxy_read_timeout 106752d", "1000000w" and "9223372036854775807ms"),
// more than a time.Duration holds.
func TestParseMsecNginxRange(t *testing.T) {
	for _, in := range []string{"106752d", "1000000w", "9223372036854775807ms"} {
		if _, err := ParseMsec(in); err != nil {
			t.Errorf("ParseMsec(%q): %v; nginx accepts it", in, err)
		}
	}
}

func TestParseSec(t *testing.T) {
	const day = 24 * time.Hour
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"1y", 365 * day},
		{"1M", 30 * day},
		{"1y1M", 395 * day},
		{"1y 1M 1w", 402 * day},
		{"2w3d", 17 * day},
		{"60", 60 * time.Second},
		{"1h30", time.Hour + 30*time.Second},
		{"1h30m", 90 * time.Minute},
		{"1d1h1m1s", day + time.Hour + time.Minute + time.Second},
		{"0", 0},
		{"10s ", 10 * time.Second},
	}
	for _, tt := range tests {
		got, err := ParseSec(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSec(%q) = %v, %v; want %v, nil", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"1ms", "500ms", "1M1y", "1y1y", "1d1M", "", "y", "-1", "1.5h", "1Y", " 1s"} {
		if got, err := ParseSec(in); err == nil {
			t.Errorf("ParseSec(%q) = %v, nil; want an error", in, got)
		}
	}
}

func TestParseSizeAndOffset(t *testing.T) {
	const bad = int64(-1)
	tests := []struct {
		in     string
		size   int64 // ngx_parse_size: k, m
		offset int64 // ngx_parse_offset: k, m, g
	}{
		{"0", 0, 0},
		{"512", 512, 512},
		{"8k", 8192, 8192},
		{"8K", 8192, 8192},
		{"1m", 1 << 20, 1 << 20},
		{"1M", 1 << 20, 1 << 20},
		{"16m", 16 << 20, 16 << 20},
		{"1g", bad, 1 << 30},
		{"2G", bad, 2 << 30},
		{"0k", 0, 0},
		{"9223372036854775807", 9223372036854775807, 9223372036854775807},
		{"9223372036854775808", bad, bad},
		{"9007199254740991k", 9007199254740991 << 10, 9007199254740991 << 10},
		{"9007199254740992k", bad, bad},
		{"8589934591g", bad, 8589934591 << 30},
		{"8589934592g", bad, bad},
		{"", bad, bad},
		{"k", bad, bad},
		{"g", bad, bad},
		{"-1", bad, bad},
		{"+1", bad, bad},
		{"1.5k", bad, bad},
		{"1kb", bad, bad},
		{"1kk", bad, bad},
		{" 1k", bad, bad},
		{"1k ", bad, bad},
		{"1t", bad, bad},
		{"1b", bad, bad},
		{"0x10", bad, bad},
	}
	for _, tt := range tests {
		for _, f := range []struct {
			name  string
			parse func(string) (int64, error)
			want  int64
		}{{"ParseSize", ParseSize, tt.size}, {"ParseOffset", ParseOffset, tt.offset}} {
			got, err := f.parse(tt.in)
			switch {
			case f.want == bad && err == nil:
				t.Errorf("%s(%q) = %d, nil; want an error", f.name, tt.in, got)
			case f.want != bad && (err != nil || got != f.want):
				t.Errorf("%s(%q) = %d, %v; want %d, nil", f.name, tt.in, got, err, f.want)
			}
		}
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"},
		{500 * time.Millisecond, "500ms"},
		{time.Second, "1s"},
		{1500 * time.Millisecond, "1s500ms"},
		{59 * time.Second, "59s"},
		{60 * time.Second, "1m"},
		{75 * time.Second, "1m15s"},
		{90 * time.Minute, "1h30m"},
		{time.Hour + 30*time.Second, "1h30s"},
		{24 * time.Hour, "1d"},
		{7 * 24 * time.Hour, "7d"},
		{26*time.Hour + 1*time.Millisecond, "1d2h1ms"},
	}
	for _, tt := range tests {
		got := FormatDuration(tt.in)
		if got != tt.want {
			t.Errorf("FormatDuration(%v) = %q; want %q", tt.in, got, tt.want)
			continue
		}
		// What FormatDuration writes, nginx reads back as the same value.
		if back, err := ParseMsec(got); err != nil || back != tt.in {
			t.Errorf("ParseMsec(FormatDuration(%v) = %q) = %v, %v", tt.in, got, back, err)
		}
	}
}

func TestParseVersion(t *testing.T) {
	tests := []struct {
		in       string
		want     Version
		str      string
		http11   bool // HTTP11ByDefault: 1.29.7 and later
		atLeast4 bool // AtLeast(1, 29, 4): proxy_http_version 2 exists
	}{
		{"1.22.1", Version{1, 22, 1, true}, "1.22.1", false, false},
		{"1.29.3", Version{1, 29, 3, true}, "1.29.3", false, false},
		{"1.29.4", Version{1, 29, 4, true}, "1.29.4", false, true},
		{"1.29.6", Version{1, 29, 6, true}, "1.29.6", false, true},
		{"1.29.7", Version{1, 29, 7, true}, "1.29.7", true, true},
		{"1.30.0", Version{1, 30, 0, true}, "1.30.0", true, true},
		{"1.28.9", Version{1, 28, 9, true}, "1.28.9", false, false},
		{"2.0.0", Version{2, 0, 0, true}, "2.0.0", true, true},
		{"0.9.99", Version{0, 9, 99, true}, "0.9.99", false, false},
		{"nginx/1.29.7", Version{1, 29, 7, true}, "1.29.7", true, true},
		{" 1.29.7\n", Version{1, 29, 7, true}, "1.29.7", true, true},
	}
	for _, tt := range tests {
		got, err := ParseVersion(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseVersion(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			continue
		}
		if s := got.String(); s != tt.str {
			t.Errorf("ParseVersion(%q).String() = %q; want %q", tt.in, s, tt.str)
		}
		if h := got.HTTP11ByDefault(); h != tt.http11 {
			t.Errorf("ParseVersion(%q).HTTP11ByDefault() = %v; want %v", tt.in, h, tt.http11)
		}
		if a := got.AtLeast(1, 29, 4); a != tt.atLeast4 {
			t.Errorf("ParseVersion(%q).AtLeast(1, 29, 4) = %v; want %v", tt.in, a, tt.atLeast4)
		}
	}
	for _, in := range []string{"", "1.29", "1.29.7.1", "1.29.x", "v1.29.7", "-1.29.7", "1..7", "nginx", "1.29.-7"} {
		if got, err := ParseVersion(in); err == nil {
			t.Errorf("ParseVersion(%q) = %+v, nil; want an error", in, got)
		}
	}
	// The zero Version is unknown: older defaults, never "at least".
	var unknown Version
	if unknown.String() != "unknown" || unknown.HTTP11ByDefault() || unknown.AtLeast(0, 0, 0) {
		t.Errorf("zero Version: String %q, HTTP11ByDefault %v, AtLeast(0,0,0) %v; want unknown, false, false",
			unknown.String(), unknown.HTTP11ByDefault(), unknown.AtLeast(0, 0, 0))
	}
}

func TestValueErrors(t *testing.T) {
	const conf = `server {
    listen 80;
    proxy_read_timeout 1y;
    proxy_send_timeout 1h30;
    proxy_connect_timeout 1.5s;
    proxy_http_version 1.2;
    proxy_buffering yes;
    location / {
        proxy_read_timeout 30m1h;
        proxy_send_timeout "5s ";
        proxy_connect_timeout " 5s";
        proxy_http_version 1.1;
        proxy_buffering off;
        location /in/ {
            proxy_read_timeout 1M;
            proxy_http_version 2;
        }
    }
    location /multi/ {
        proxy_read_timeout
            1y
        ;
        proxy_http_version 1.0;
        proxy_buffering on;
    }
}
`
	tests := []struct {
		version string
		want    []string
	}{
		{"", []string{
			`t.conf:3:5: "proxy_read_timeout" directive invalid value`,
			`t.conf:5:5: "proxy_connect_timeout" directive invalid value`,
			`t.conf:6:5: invalid value "1.2"`,
			`t.conf:7:5: invalid value "yes" in "proxy_buffering" directive, it must be "on" or "off"`,
			`t.conf:9:9: "proxy_read_timeout" directive invalid value`,
			`t.conf:11:9: "proxy_connect_timeout" directive invalid value`,
			`t.conf:15:13: "proxy_read_timeout" directive invalid value`,
			`t.conf:16:13: invalid value "2"`,
			// nginx -t names the line of the ";" (verified on 1.22.1).
			`t.conf:22:9: "proxy_read_timeout" directive invalid value`,
		}},
		{"1.29.3", nil},
		// proxy_http_version 2 exists from 1.29.4.
		{"1.29.4", nil},
	}
	tests[1].want = tests[0].want
	tests[2].want = append(append([]string{}, tests[0].want[:7]...), tests[0].want[8])
	for _, tt := range tests {
		var v Version
		if tt.version != "" {
			v, _ = ParseVersion(tt.version)
		}
		m := buildConf(t, conf, v)
		var got []string
		for _, e := range m.ValueErrors() {
			got = append(got, e.Error())
		}
		if !equalStrings(got, tt.want) {
			t.Errorf("version %q: ValueErrors() =\n%s\nwant\n%s", tt.version, lines(got), lines(tt.want))
		}
	}
}

// flag slots (ngx_conf_set_flag_slot) compare "on" and "off" without regard
// to case: nginx -t on 1.22.1 accepts "proxy_buffering ON;" and "Off".
func TestValueErrorsFlagCase(t *testing.T) {
	m := buildConf(t, "server { proxy_buffering ON; location / { proxy_buffering Off; } }", Version{})
	if errs := m.ValueErrors(); len(errs) != 0 {
		t.Errorf("ValueErrors() = %v; want none", errs)
	}
}
