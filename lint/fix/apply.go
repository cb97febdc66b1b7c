package fix

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// Conflict is a finding whose edits overlap edits of another finding that
// were already taken: none of its edits are applied.
type Conflict struct {
	Diagnostic *rules.Diagnostic
	// With is the finding whose edit it overlaps.
	With *rules.Diagnostic
	Edit rules.Edit
}

func (c Conflict) String() string {
	return fmt.Sprintf("%s: the fix for %s overlaps the fix for %s at %s; it is left out, run again after applying the others",
		c.Diagnostic.Start, c.Diagnostic.Rule.ID, c.With.Rule.ID, c.With.Start)
}

// Combine gathers the edits of findings, per file, in order. An edit
// several findings share is taken once. A finding whose edits overlap
// edits already taken is left out whole, never half applied, and reported
// as a Conflict.
func Combine(ds []rules.Diagnostic) (map[string][]rules.Edit, []Conflict) {
	type taken struct {
		edit rules.Edit
		by   *rules.Diagnostic
	}
	byFile := map[string][]taken{}
	var conflicts []Conflict
	for i := range ds {
		d := &ds[i]
		if d.Suppressed != nil || len(d.Edits) == 0 {
			continue
		}
		var clash *Conflict
	check:
		for _, e := range d.Edits {
			for _, t := range byFile[e.File] {
				if t.edit != e && overlap(t.edit, e) {
					clash = &Conflict{Diagnostic: d, With: t.by, Edit: e}
					break check
				}
			}
		}
		if clash == nil {
			// Edits of one finding must not overlap each other either.
			for a := range d.Edits {
				for b := a + 1; b < len(d.Edits); b++ {
					if d.Edits[a] != d.Edits[b] && d.Edits[a].File == d.Edits[b].File && overlap(d.Edits[a], d.Edits[b]) {
						clash = &Conflict{Diagnostic: d, With: d, Edit: d.Edits[b]}
					}
				}
			}
		}
		if clash != nil {
			conflicts = append(conflicts, *clash)
			continue
		}
		for _, e := range d.Edits {
			if !slices.ContainsFunc(byFile[e.File], func(t taken) bool { return t.edit == e }) {
				byFile[e.File] = append(byFile[e.File], taken{e, d})
			}
		}
	}
	out := map[string][]rules.Edit{}
	for f, ts := range byFile {
		for _, t := range ts {
			out[f] = append(out[f], t.edit)
		}
		sortEdits(out[f])
	}
	return out, conflicts
}

// overlap reports whether two different edits of one file cannot both be
// applied: their ranges intersect, an insertion falls strictly inside a
// replaced range, or two insertions at the same place would have to be
// ordered.
func overlap(a, b rules.Edit) bool {
	if a.File != b.File {
		return false
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	if a.Start == a.End {
		return b.Start < a.Start && a.Start < b.End
	}
	if b.Start == b.End {
		return a.Start < b.Start && b.Start < a.End
	}
	return a.Start < b.End && b.Start < a.End
}

func sortEdits(es []rules.Edit) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Start != es[j].Start {
			return es[i].Start < es[j].Start
		}
		// An insertion goes before a replacement starting at the same place.
		return es[i].End-es[i].Start < es[j].End-es[j].Start
	})
}

// Apply returns src with edits applied; the edits must not overlap (as
// Combine returns them).
func Apply(src string, edits []rules.Edit) (string, error) {
	return applyEdits(src, edits)
}

func applyEdits(src string, edits []rules.Edit) (string, error) {
	es := slices.Clone(edits)
	sortEdits(es)
	var b strings.Builder
	pos := 0
	for _, e := range es {
		if e.Start < pos || e.End < e.Start || e.End > len(src) {
			return "", fmt.Errorf("edit [%d,%d) of %s overlaps another edit or lies outside the file (%d bytes)", e.Start, e.End, e.File, len(src))
		}
		b.WriteString(src[pos:e.Start])
		b.WriteString(e.NewText)
		pos = e.End
	}
	b.WriteString(src[pos:])
	return b.String(), nil
}
