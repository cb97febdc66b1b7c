// Command bench measures nginx-wslint against nginx itself, side by side in
// one run: on generated trees of ~500, ~20k and ~200k lines (see
// internal/confgen) it times `nginx -t`, the linter on the files in every
// output format, the linter on the `nginx -T` dump, and the parse and model
// alone, in interleaved rounds, and reports the median wall time, CPU time
// (user and system) and peak RSS, and the ratios to `nginx -t` (the median
// of each round's ratio, so that a busy machine slows both sides alike; on a
// machine shared with other work the CPU ratio is the steadier one). It
// also compares a one-file
// editor check with a minimal Go program that reads the same file, and
// counts the allocations of the lint pipeline in process. bench/run.sh builds
// the binaries and runs it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/benchtree"
	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
)

func main() {
	lint := flag.String("lint", "", "the nginx-wslint binary")
	minread := flag.String("minread", "", "the minimal file-reading program (bench/minread)")
	nginx := flag.String("nginx", "/usr/sbin/nginx", "the nginx binary; empty to skip nginx")
	rounds := flag.Int("rounds", 5, "interleaved rounds per size")
	editorRounds := flag.Int("editor-rounds", 200, "runs of the editor check and of minread")
	sizes := flag.String("sizes", "500,20k,200k", "tree sizes, of "+sizeNames())
	dir := flag.String("dir", "", "directory for the trees (default: a temporary one, removed)")
	flag.Parse()
	if *lint == "" || *minread == "" {
		fmt.Fprintln(os.Stderr, "bench: -lint and -minread are required (bench/run.sh builds them)")
		os.Exit(2)
	}
	if *nginx != "" {
		if _, err := os.Stat(*nginx); err != nil {
			fmt.Fprintf(os.Stderr, "bench: no nginx at %s, ratios to nginx -t are left out\n", *nginx)
			*nginx = ""
		}
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "nginx-wslint-bench")
		check(err)
		cleanup = func() { os.RemoveAll(d) }
		*dir = d
	}
	defer cleanup()
	describeMachine()
	for _, name := range strings.Split(*sizes, ",") {
		benchSize(*dir, name, *lint, *nginx, *rounds)
	}
	editor(*dir, *lint, *minread, *editorRounds)
}

func sizeNames() string {
	var names []string
	for _, s := range confgen.Sizes {
		names = append(names, s.Name)
	}
	return strings.Join(names, ",")
}

// cleanup removes the temporary trees, also when check ends the program.
var cleanup = func() {}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		cleanup()
		os.Exit(1)
	}
}

func describeMachine() {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				_, model, _ = strings.Cut(l, ": ")
				break
			}
		}
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = ", load average " + strings.Join(strings.Fields(string(b))[:3], " ")
	}
	fmt.Printf("Machine: %s, %d cores, %s %s/%s%s, %s\n\n", model, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH, load, time.Now().UTC().Format(time.RFC3339))
}

// command is one measured command line.
type command struct {
	name     string
	argv     []string
	stdin    string // file to read standard input from
	ok       []int  // accepted exit codes
	wall     []time.Duration
	cpu      []time.Duration // user and system
	rss      []int64         // KiB
	ratio    []float64       // wall, to the round's nginx -t
	cpuRatio []float64
}

// timeBin measures peak RSS: the rusage of a child started from this
// process would count this process's own memory at the fork.
const timeBin = "/usr/bin/time"

// run runs c once and records its wall and CPU time.
func (c *command) run() (wall, cpu time.Duration) {
	wall, cpu, _ = c.exec(false)
	c.wall = append(c.wall, wall)
	c.cpu = append(c.cpu, cpu)
	return wall, cpu
}

// measureRSS runs c once under /usr/bin/time and records its peak RSS.
func (c *command) measureRSS() {
	if _, err := os.Stat(timeBin); err != nil {
		return
	}
	_, _, rss := c.exec(true)
	c.rss = append(c.rss, rss)
}

func (c *command) exec(withTime bool) (time.Duration, time.Duration, int64) {
	argv := c.argv
	var rssFile string
	if withTime {
		f, err := os.CreateTemp("", "rss")
		check(err)
		f.Close()
		rssFile = f.Name()
		defer os.Remove(rssFile)
		argv = append([]string{timeBin, "-f", "%M", "-o", rssFile}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if c.stdin != "" {
		f, err := os.Open(c.stdin)
		check(err)
		defer f.Close()
		cmd.Stdin = f
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	code := cmd.ProcessState.ExitCode()
	if !slices.Contains(c.ok, code) {
		check(fmt.Errorf("%s: exit %d (%w): %s", c.name, code, err, stderr.String()))
	}
	var rss int64
	if withTime {
		b, err := os.ReadFile(rssFile)
		check(err)
		// After "Command exited with non-zero status N" when it did.
		lines := strings.Fields(string(b))
		_, err = fmt.Sscan(lines[len(lines)-1], &rss)
		check(err)
	}
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), rss
}

// rss formats the median peak RSS.
func (c *command) rssText() string {
	if len(c.rss) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f MiB", float64(median(c.rss))/1024)
}

func median[T int64 | float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func benchSize(root, name, lint, nginx string, rounds int) {
	var spec confgen.Spec
	found := false
	for _, s := range confgen.Sizes {
		if s.Name == name {
			spec, found = s.Spec, true
		}
	}
	if !found {
		check(fmt.Errorf("no size %q (sizes: %s)", name, sizeNames()))
	}
	dir := filepath.Join(root, name)
	check(os.RemoveAll(dir))
	spec.Preamble = "pid logs/nginx.pid;\nlock_file logs/nginx.lock;\n"
	tr, err := confgen.Generate(dir, spec)
	check(err)
	counts, err := benchtree.Count(tr.Main)
	check(err)
	nginxArgs := []string{nginx, "-p", dir + "/", "-c", tr.Main, "-e", filepath.Join(dir, "logs", "error.log"), "-q"}

	var cmds []*command
	dump := ""
	if nginx != "" {
		cmds = append(cmds, &command{name: "nginx -t", argv: append(slices.Clone(nginxArgs), "-t"), ok: []int{0}})
		out, err := exec.Command(nginx, append(slices.Clone(nginxArgs[1:]), "-T")...).Output()
		check(err)
		dump = filepath.Join(dir, "dump.txt")
		check(os.WriteFile(dump, out, 0o644))
	}
	findings := []int{0, 1}
	for _, f := range []string{"text", "json", "sarif", "github"} {
		cmds = append(cmds, &command{name: "nginx-wslint --format " + f, argv: []string{lint, "--format", f, tr.Main}, ok: findings})
	}
	if dump != "" {
		cmds = append(cmds, &command{name: "nginx -T | nginx-wslint --format sarif -", argv: []string{lint, "--format", "sarif", "-"}, stdin: dump, ok: findings})
	}
	cmds = append(cmds, &command{name: "nginx-wslint --disable all (parse, model)", argv: []string{lint, "--disable", "all", tr.Main}, ok: []int{0}})

	for range rounds {
		var base, baseCPU time.Duration
		for i, c := range cmds {
			w, cpu := c.run()
			if i == 0 && nginx != "" {
				base, baseCPU = w, cpu
			}
			if base > 0 {
				c.ratio = append(c.ratio, float64(w)/float64(base))
				c.cpuRatio = append(c.cpuRatio, float64(cpu)/float64(baseCPU))
			}
		}
	}

	for _, c := range cmds {
		c.measureRSS()
	}
	allocs, bytes := inProcess(tr.Main)
	fmt.Printf("### %s: %d lines in %d files (%.1f MB), %d servers, %d locations, %d findings\n\n",
		name, counts.Lines, tr.Files, float64(tr.Bytes)/1e6, counts.Servers, counts.Locations, counts.Findings)
	fmt.Printf("| command | wall (median of %d) | CPU (user+sys) | peak RSS | wall / nginx -t | CPU / nginx -t |\n|---|---|---|---|---|---|\n", rounds)
	for _, c := range cmds {
		ratio, cpuRatio := "-", "-"
		if len(c.ratio) > 0 {
			ratio = fmt.Sprintf("%.2fx", median(c.ratio))
			cpuRatio = fmt.Sprintf("%.2fx", median(c.cpuRatio))
		}
		fmt.Printf("| `%s` | %s | %s | %s | %s | %s |\n", c.name, median(c.wall).Round(time.Millisecond), median(c.cpu).Round(time.Millisecond), c.rssText(), ratio, cpuRatio)
	}
	fmt.Printf("\nIn process (lint.Run: parse, model, rules, suppressions; report.SARIF to io.Discard): %d allocations, %.1f MB allocated per lint.\n\n", allocs, float64(bytes)/1e6)
}

// inProcess counts the allocations of one in-process lint.
func inProcess(main string) (allocs uint64, bytes uint64) {
	_, err := benchtree.Lint(main, io.Discard) // warm the file cache and lazy tables
	check(err)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = benchtree.Lint(main, io.Discard)
	check(err)
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

// editor compares a one-file editor check of a ~50-line site file with a
// minimal Go program reading the same file, interleaved.
func editor(root, lint, minread string, rounds int) {
	file := filepath.Join(root, "editor", "app.conf")
	check(os.MkdirAll(filepath.Dir(file), 0o755))
	check(os.WriteFile(file, []byte(confgen.Site(7, 50)), 0o644))
	lines := strings.Count(confgen.Site(7, 50), "\n")
	check := &command{name: "nginx-wslint --quiet app.conf", argv: []string{lint, "--quiet", file}, ok: []int{0, 1}}
	floor := &command{name: "minread app.conf", argv: []string{minread, file}, ok: []int{0}}
	for range rounds {
		f, fcpu := floor.run()
		c, ccpu := check.run()
		check.ratio = append(check.ratio, float64(c)/float64(f))
		check.cpuRatio = append(check.cpuRatio, float64(ccpu)/float64(max(fcpu, time.Microsecond)))
	}
	floor.measureRSS()
	check.measureRSS()
	fmt.Printf("### editor check: one %d-line file, %d runs each, interleaved\n\n", lines, rounds)
	fmt.Printf("| command | wall (median) | CPU (user+sys) | peak RSS | wall / minread | CPU / minread |\n|---|---|---|---|---|---|\n")
	fmt.Printf("| `%s` | %s | %s | %s | 1.00x | 1.00x |\n", floor.name, median(floor.wall).Round(10*time.Microsecond), median(floor.cpu).Round(10*time.Microsecond), floor.rssText())
	fmt.Printf("| `%s` | %s | %s | %s | %.2fx | %.2fx |\n\n", check.name, median(check.wall).Round(10*time.Microsecond), median(check.cpu).Round(10*time.Microsecond), check.rssText(), median(check.ratio), median(check.cpuRatio))
}
