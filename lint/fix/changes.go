package fix

import (
	"fmt"
	"sort"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// FillAll is Fill for the findings of several configurations at once (an
// engine run over many entry files): each finding goes with the model of
// the configuration that holds the directive it points at. Findings with
// no directive (configuration errors) are left alone.
func FillAll(models []*model.Model, ds []rules.Diagnostic, opts Options) {
	owner := map[*parser.File]int{}
	for i, m := range models {
		if m.Config == nil {
			continue
		}
		for _, f := range m.Config.Files {
			if _, ok := owner[f]; !ok {
				owner[f] = i
			}
		}
	}
	groups := make([][]int, len(models))
	for i := range ds {
		if ds[i].Rule == nil || ds[i].Node == nil {
			continue
		}
		if mi, ok := owner[ds[i].Node.File]; ok {
			groups[mi] = append(groups[mi], i)
		}
	}
	for mi, idx := range groups {
		if len(idx) == 0 {
			continue
		}
		sub := make([]rules.Diagnostic, len(idx))
		for j, i := range idx {
			sub[j] = ds[i]
		}
		Fill(models[mi], sub, opts)
		for j, i := range idx {
			ds[i].Edits, ds[i].Fix = sub[j].Edits, sub[j].Fix
		}
	}
}

// FileChange is one file the fixes change.
type FileChange struct {
	Path     string
	Old, New string
	// Fixed are the findings whose edits are applied to this file.
	Fixed []*rules.Diagnostic
}

// Changes combines the edits of findings (see Combine) and applies them to
// the files' text, which source returns by path. The changes are sorted
// by path; files the fixes leave as they are are not listed.
func Changes(ds []rules.Diagnostic, source func(path string) (string, bool)) ([]FileChange, []Conflict, error) {
	byFile, conflicts := Combine(ds)
	skip := map[*rules.Diagnostic]bool{}
	for _, c := range conflicts {
		skip[c.Diagnostic] = true
	}
	var paths []string
	for p := range byFile {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var out []FileChange
	for _, p := range paths {
		old, ok := source(p)
		if !ok {
			return nil, conflicts, fmt.Errorf("fix %s: the file's text is not known", p)
		}
		text, err := Apply(old, byFile[p])
		if err != nil {
			return nil, conflicts, fmt.Errorf("fix %s: %w", p, err)
		}
		if text == old {
			continue
		}
		fc := FileChange{Path: p, Old: old, New: text}
		for i := range ds {
			d := &ds[i]
			if d.Suppressed != nil || skip[d] {
				continue
			}
			for _, e := range d.Edits {
				if e.File == p {
					fc.Fixed = append(fc.Fixed, d)
					break
				}
			}
		}
		out = append(out, fc)
	}
	return out, conflicts, nil
}
