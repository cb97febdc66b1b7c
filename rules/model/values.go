package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// errInvalidValue is nginx's "invalid value" for a time or size argument.
var errInvalidValue = errors.New("invalid value")

const maxInt = 1<<63 - 1

// ParseMsec parses a time value as nginx's millisecond directives read it
// (ngx_parse_time with is_sec=0, behind proxy_read_timeout, proxy_send_timeout
// and proxy_connect_timeout): NUMBER UNIT groups with units w, d, h, m, s,
// ms in strictly decreasing order, a final bare number meaning seconds.
// Years and months ("y", "M"), fractions, signs, upper-case units, a
// leading space and overflow are errors, as in nginx.
func ParseMsec(s string) (time.Duration, error) {
	ms, err := parseTime(s, false)
	if err != nil {
		return 0, err
	}
	if ms > int64(maxInt/time.Millisecond) {
		// nginx accepts up to 2^63-1 ms; Go's Duration stops at ~292
		// years, which is as good as forever for a timeout.
		return time.Duration(maxInt), nil
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// ParseSec parses a time value of a second-resolution directive (expires,
// keepalive_timeout's header value...): "y" and "M" are accepted, "ms" is not.
func ParseSec(s string) (time.Duration, error) {
	sec, err := parseTime(s, true)
	if err != nil {
		return 0, err
	}
	if sec > int64(maxInt/time.Second) {
		return time.Duration(maxInt), nil
	}
	return time.Duration(sec) * time.Second, nil
}

// parseTime is ngx_parse_time, step for step.
func parseTime(line string, isSec bool) (int64, error) {
	const (
		stStart = iota
		stYear
		stMonth
		stWeek
		stDay
		stHour
		stMin
		stSec
		stMsec
		stLast
	)
	var value, total int64
	valid := false
	step := stStart
	if !isSec {
		step = stMonth
	}
	const cutoff, cutlim = maxInt / 10, maxInt % 10
	for p := 0; p < len(line); {
		c := line[p]
		if c >= '0' && c <= '9' {
			d := int64(c - '0')
			if value >= cutoff && (value > cutoff || d > cutlim) {
				return 0, errInvalidValue
			}
			value = value*10 + d
			valid = true
			p++
			continue
		}
		p++
		var max, scale int64
		switch c {
		case 'y':
			if step > stStart {
				return 0, errInvalidValue
			}
			step, scale = stYear, 60*60*24*365
		case 'M':
			if step >= stMonth {
				return 0, errInvalidValue
			}
			step, scale = stMonth, 60*60*24*30
		case 'w':
			if step >= stWeek {
				return 0, errInvalidValue
			}
			step, scale = stWeek, 60*60*24*7
		case 'd':
			if step >= stDay {
				return 0, errInvalidValue
			}
			step, scale = stDay, 60*60*24
		case 'h':
			if step >= stHour {
				return 0, errInvalidValue
			}
			step, scale = stHour, 60*60
		case 'm':
			if p < len(line) && line[p] == 's' {
				if isSec || step >= stMsec {
					return 0, errInvalidValue
				}
				p++
				step, scale = stMsec, 1
				break
			}
			if step >= stMin {
				return 0, errInvalidValue
			}
			step, scale = stMin, 60
		case 's':
			if step >= stSec {
				return 0, errInvalidValue
			}
			step, scale = stSec, 1
		case ' ':
			if step >= stSec {
				return 0, errInvalidValue
			}
			step, scale = stLast, 1
		default:
			return 0, errInvalidValue
		}
		max = maxInt / scale
		if step != stMsec && !isSec {
			scale *= 1000
			max /= 1000
		}
		if value > max {
			return 0, errInvalidValue
		}
		value *= scale
		if total > maxInt-value {
			return 0, errInvalidValue
		}
		total += value
		value = 0
		for p < len(line) && line[p] == ' ' {
			p++
		}
	}
	if !valid {
		return 0, errInvalidValue
	}
	if !isSec {
		if value > maxInt/1000 {
			return 0, errInvalidValue
		}
		value *= 1000
	}
	if total > maxInt-value {
		return 0, errInvalidValue
	}
	return total + value, nil
}

// ParseSize parses a size as ngx_parse_size does (buffer sizes): digits with
// an optional k/K or m/M suffix.
func ParseSize(s string) (int64, error) {
	return parseScaled(s, "kKmM")
}

// ParseOffset parses a size as ngx_parse_offset does (max sizes such as
// client_max_body_size): digits with an optional k, m or g suffix.
func ParseOffset(s string) (int64, error) {
	return parseScaled(s, "kKmMgG")
}

func parseScaled(s, units string) (int64, error) {
	if s == "" {
		return 0, errInvalidValue
	}
	scale := int64(1)
	if last := s[len(s)-1]; strings.IndexByte(units, last) >= 0 {
		s = s[:len(s)-1]
		switch last {
		case 'k', 'K':
			scale = 1 << 10
		case 'm', 'M':
			scale = 1 << 20
		case 'g', 'G':
			scale = 1 << 30
		}
	}
	if s == "" {
		return 0, errInvalidValue
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errInvalidValue
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > maxInt/scale {
		return 0, errInvalidValue
	}
	return n * scale, nil
}

// FormatDuration writes a duration the way an operator would in nginx.conf:
// "60s", "1h30m", "500ms".
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	var b strings.Builder
	ms := d.Milliseconds()
	for _, u := range []struct {
		unit string
		ms   int64
	}{{"d", 86400000}, {"h", 3600000}, {"m", 60000}, {"s", 1000}, {"ms", 1}} {
		if ms >= u.ms {
			fmt.Fprintf(&b, "%d%s", ms/u.ms, u.unit)
			ms %= u.ms
		}
	}
	return b.String()
}
