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
// processes on a busy machine stretch; each size is measured three times,
// alternately (Count has linted each once already), and the fastest run
// counts.
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
	for range 3 {
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
	}
	medium, large := trees[0], trees[1]
	for _, tr := range trees {
		t.Logf("%s: %v CPU per lint, %d lines, %d servers, %d locations, %d findings: %v per location, %v per finding",
			tr.name, tr.best, tr.counts.Lines, tr.counts.Servers, tr.counts.Locations, tr.counts.Findings,
			tr.best/time.Duration(tr.counts.Locations), tr.best/time.Duration(tr.counts.Findings))
	}
	if large.counts.Locations < 5*medium.counts.Locations || large.counts.Findings < 5*medium.counts.Findings {
		t.Fatalf("the large tree is not large enough to show growth: %+v vs %+v", large.counts, medium.counts)
	}
	for _, unit := range []struct {
		name          string
		medium, large int
	}{
		{"location", medium.counts.Locations, large.counts.Locations},
		{"finding", medium.counts.Findings, large.counts.Findings},
	} {
		per := func(tr *tree, n int) float64 { return float64(tr.best) / float64(n) }
		if m, l := per(medium, unit.medium), per(large, unit.large); l > 2*m {
			t.Errorf("lint time per %s grows with size: %.0f ns on the %s tree, %.0f ns on the %s tree (%.1fx, at most 2x)",
				unit.name, l, large.name, m, medium.name, l/m)
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
