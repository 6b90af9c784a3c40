// Command report writes BENCHMARKS.md from what `make bench` measured.
//
//	go run ./internal/bench/report -dir bin/bench -o BENCHMARKS.md
//
// It reads every *.out file in -dir: `go test -bench` output, whose standard result lines
// ("BenchmarkX-2  N  12.3 ns/op …") and "BENCH <name> key=value …" lines (printed by the
// whole-server benchmarks in server/bench_*_test.go) carry the figures. It puts each
// figure next to its target (issue 5) and its baseline from the same run, and where a
// target is missed it summarizes the profile that "BENCH profile … file=…" names (or, for
// the micro-benchmarks, -dir/<package>.cpu.pprof) with `go tool pprof -top`. Lines it does
// not know are still listed under "Raw figures", so a new benchmark's figures are never
// lost. -dir/commands.txt lists the commands that produced the outputs.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	dir := flag.String("dir", "bin/bench", "directory holding the benchmark outputs (*.out), commands.txt and the profiles")
	out := flag.String("o", "BENCHMARKS.md", "report to write")
	flag.Parse()
	figures, err := run(*dir, *out, time.Now())
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	fmt.Printf("report: wrote %s\n", *out)
	for _, f := range figures {
		fmt.Printf("  %-2s %-72s %-22s %-9s %s\n", f.part, strings.ReplaceAll(f.name, "`", ""), f.measured, f.ratio, strings.Trim(f.result.String(), "*"))
	}
}

// run writes the report of dir's outputs to out and returns its summary.
func run(dir, out string, now time.Time) ([]figure, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.out"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.out files in %s: run make bench", dir)
	}
	sort.Strings(files)
	res := &results{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		err = res.parse(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	r := &report{res: res, machine: describeMachine(res.cpu, now), outDir: dir}
	if cmds, err := os.ReadFile(filepath.Join(dir, "commands.txt")); err == nil {
		for c := range strings.SplitSeq(strings.TrimSpace(string(cmds)), "\n") {
			if c = strings.TrimSpace(c); c != "" {
				r.commands = append(r.commands, c)
			}
		}
	}
	text, figures := r.render()
	return figures, os.WriteFile(out, []byte(text), 0o644)
}
