//go:build unix

package main

import (
	"io"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/benchtree"
	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
)

// TestLinearGrowth checks that the whole lint grows linearly: its time per
// location and per finding on the ~200k-line tree stays within 2x of the
// ~20k-line tree's. A step quadratic in servers, locations or findings
// (path display, related locations, suppression matching, fingerprints,
// WS007's search, an index) makes the large tree's per-unit cost ten
// times the medium one's. Times come from testing.Benchmark in the same
// process, never from absolute wall-clock limits, and count the process's
// CPU time (garbage collection included), not the wall clock, which other
// processes on a busy machine stretch. Each size is measured alternately
// (Count has linted each once already) and the fastest run counts; a
// ratio over 2x earns another round, up to maxRounds. A busy machine only
// ever slows a run down, and it slows the large tree more (it does not fit
// in the caches that other processes share), so a noisy round is outvoted
// by a quiet one; a quadratic step is 10x in every round and fails all of
// them.
func TestLinearGrowth(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and lints a 200k-line tree several times")
	}
	type tree struct {
		name   string
		main   string
		counts benchtree.Counts
		best   time.Duration
	}
	var trees []*tree
	for _, size := range confgen.Sizes[1:] {
		tr, err := confgen.Generate(t.TempDir(), size.Spec)
		if err != nil {
			t.Fatal(err)
		}
		c, err := benchtree.Count(tr.Main)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, &tree{name: size.Name, main: tr.Main, counts: c})
	}
	medium, large := trees[0], trees[1]
	if large.counts.Locations < 5*medium.counts.Locations || large.counts.Findings < 5*medium.counts.Findings {
		t.Fatalf("the large tree is not large enough to show growth: %+v vs %+v", large.counts, medium.counts)
	}
	const minRounds, maxRounds = 3, 10
	per := func(tr *tree, n int) float64 { return float64(tr.best) / float64(n) }
	type unit struct {
		name          string
		medium, large int
	}
	units := []unit{
		{"location", medium.counts.Locations, large.counts.Locations},
		{"finding", medium.counts.Findings, large.counts.Findings},
	}
	linear := func() bool {
		for _, u := range units {
			if per(large, u.large) > 2*per(medium, u.medium) {
				return false
			}
		}
		return true
	}
	for round := 1; round <= maxRounds; round++ {
		for _, tr := range trees {
			runtime.GC() // the other tree's garbage is not this one's cost
			r := testing.Benchmark(func(b *testing.B) {
				start := cpuTime()
				for b.Loop() {
					if _, err := benchtree.Lint(tr.main, io.Discard); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
			})
			if d := time.Duration(r.Extra["cpu-ns/op"]); tr.best == 0 || d < tr.best {
				tr.best = d
			}
		}
		if round >= minRounds && linear() {
			t.Logf("linear after %d rounds", round)
			break
		}
	}
	for _, tr := range trees {
		t.Logf("%s: %v CPU per lint, %d lines, %d servers, %d locations, %d findings: %v per location, %v per finding",
			tr.name, tr.best, tr.counts.Lines, tr.counts.Servers, tr.counts.Locations, tr.counts.Findings,
			tr.best/time.Duration(tr.counts.Locations), tr.best/time.Duration(tr.counts.Findings))
	}
	for _, u := range units {
		if m, l := per(medium, u.medium), per(large, u.large); l > 2*m {
			t.Errorf("lint time per %s grows with size: %.0f ns on the %s tree, %.0f ns on the %s tree (%.1fx, at most 2x, best of %d rounds)",
				u.name, l, large.name, m, medium.name, l/m, maxRounds)
		}
	}
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
