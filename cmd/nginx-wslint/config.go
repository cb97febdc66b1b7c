package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// configName is the configuration file looked for upwards from the working
// directory.
const configName = ".nginx-wslint.toml"

// fileConfig is .nginx-wslint.toml: it sets what the flags set; flags win.
type fileConfig struct {
	Disable        stringList        `toml:"disable"`
	Enable         stringList        `toml:"enable"`
	Severity       map[string]string `toml:"severity"`
	MinReadTimeout string            `toml:"min-read-timeout"`
	WSPaths        stringList        `toml:"ws-paths"`
	NginxVersion   string            `toml:"nginx-version"`
	Root           string            `toml:"root"`
	Prefix         string            `toml:"prefix"`
	FailOn         string            `toml:"fail-on"`
	PathMap        stringList        `toml:"path-map"`
}

// stringList is a list setting, which may be written as one string:
// disable = "WS004" as well as disable = ["WS004", "WS006"].
type stringList []string

// UnmarshalTOML implements toml.Unmarshaler.
func (l *stringList) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*l = stringList{v}
		return nil
	case []any:
		out := make(stringList, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return errListType
			}
			out = append(out, s)
		}
		*l = out
		return nil
	}
	return errListType
}

var errListType = errors.New("a string or a list of strings, such as [\"WS004\"]")

// findConfig returns the configuration file to read: explicit (--config)
// must exist; otherwise the first .nginx-wslint.toml from the working
// directory upwards, or "" for none.
func findConfig(explicit string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("--config: %w", err)
		}
		return explicit, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, configName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// loadConfig reads a configuration file. Unknown keys are errors with their
// file:line, so that a typo does not silently do nothing.
func loadConfig(path string) (*fileConfig, error) {
	var c fileConfig
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	md, err := toml.Decode(string(src), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if pe.Message == errListType.Error() {
				// A value of the wrong type: the key and what it takes.
				return nil, fmt.Errorf("%s:%d: %s: %s", path, pe.Position.Line, pe.LastKey, pe.Message)
			}
			return nil, fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		if m := typeErrorRe.FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("%s:%s: %s: %s", path, m[1], m[2], m[3])
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		line := keyLine(string(src), k[len(k)-1])
		return nil, fmt.Errorf("%s:%d: unknown key %q; the keys are disable, enable, severity, min-read-timeout, ws-paths, nginx-version, root, prefix, fail-on and path-map", path, line, k.String())
	}
	// [severity] values are checked here, where their lines are known.
	for id, sev := range c.Severity {
		line := keyLine(string(src), id)
		if ruleByID(id) == nil {
			return nil, fmt.Errorf("%s:%d: severity for %q: no such rule (nginx-wslint rules lists them)", path, line, id)
		}
		if _, ok := rules.ParseSeverity(sev); !ok {
			return nil, fmt.Errorf("%s:%d: severity %q for %s: accepted values are error, warning and note", path, line, sev, id)
		}
	}
	// Relative directories in the file are relative to the file.
	base := filepath.Dir(path)
	for _, p := range []*string{&c.Root, &c.Prefix} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	return &c, nil
}

// typeErrorRe reads the TOML decoder's type errors: "toml: line 3 (last key
// "min-read-timeout"): incompatible types: ...".
var typeErrorRe = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// keyLine finds the line of a key in TOML text, for messages.
func keyLine(src, key string) int {
	re := regexp.MustCompile(`^\s*("` + regexp.QuoteMeta(key) + `"|` + regexp.QuoteMeta(key) + `)\s*=|^\s*\[\s*` + regexp.QuoteMeta(key) + `\s*\]`)
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 1
}
