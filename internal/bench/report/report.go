package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// result is a figure's verdict against its target.
type result int

const (
	pending result = iota // not measured in this run
	met
	missed
	info // no target: context for the others
)

func (r result) String() string {
	return [...]string{"pending", "met", "**MISSED**", "—"}[r]
}

// check returns met when ok, else missed.
func check(ok bool) result {
	if ok {
		return met
	}
	return missed
}

// figure is one row of the summary.
type figure struct {
	part, name                        string
	measured, target, baseline, ratio string
	result                            result
}

// section is one part of the report: its summary rows and its body.
type section struct {
	figures []figure
	body    strings.Builder
}

func (s *section) add(f figure) { s.figures = append(s.figures, f) }

func (s *section) printf(format string, args ...any) { fmt.Fprintf(&s.body, format, args...) }

// missedAny reports whether a row of s missed its target.
func (s *section) missedAny() bool {
	for _, f := range s.figures {
		if f.result == missed {
			return true
		}
	}
	return false
}

// report is everything BENCHMARKS.md is made of.
type report struct {
	res      *results
	machine  machine
	commands []string
	warnings []string
	outDir   string
}

// dir is where the outputs and the micro-benchmarks' profiles are.
func (r *report) dir() string { return r.outDir }

func (r *report) warn(format string, args ...any) {
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

// render returns BENCHMARKS.md and its summary rows.
func (r *report) render() (string, []figure) {
	parts := []*section{r.partA(), r.partB(), r.partC(), r.partD(), r.partE(), r.partF()}
	var b strings.Builder
	m := r.machine
	fmt.Fprintf(&b, "# Northstar benchmarks\n\n")
	fmt.Fprintf(&b, "<!-- Written by `make bench` (internal/bench/report): change the benchmarks or the generator, not this file. -->\n\n")
	fmt.Fprintf(&b, "Measured %s on this machine:\n\n", m.Date.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "| CPU | cores | memory | OS | Go | commit |\n|---|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n\n", m.CPU, m.Cores, orDash(m.Memory), orDash(m.Kernel), m.Go, orDash(m.Commit))
	if loads := r.res.find("loadavg"); len(loads) > 0 {
		var steps []string
		for _, l := range loads {
			steps = append(steps, fmt.Sprintf("%s %s", l.str("step"), l.str("load1")))
		}
		fmt.Fprintf(&b, "1-minute load average as each step of `make bench` ended: %s (the benchmarks' own processes count: test binaries, the emulator's JVM, Redis). ", strings.Join(steps, ", "))
		b.WriteString("Part a measures precisely how much CPU other processes took during its rounds (below).\n\n")
	}
	b.WriteString("Every ratio divides two figures measured in the same run with the same load tool; targets are those of issue 5, for part e and part b's Redis Cluster rows those of the busy-thread and Redis Cluster issue, for the login row and the revocation check those of the sessions issue, and for part f that of the members, invitations and audit log issue. ")
	b.WriteString("Absolute numbers move with the machine's load (this is a shared 2-core VM); the ratios are what the targets are about.\n\n")

	b.WriteString("## Summary\n\n| part | figure | measured | target | baseline (same run) | ratio | result |\n|---|---|---|---|---|---|---|\n")
	var missedParts []string
	var all []figure
	for _, s := range parts {
		all = append(all, s.figures...)
		for _, f := range s.figures {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", f.part, f.name, orDash(f.measured), orDash(f.target), orDash(f.baseline), orDash(f.ratio), f.result)
		}
		if s.missedAny() {
			missedParts = append(missedParts, s.figures[0].part)
		}
	}
	b.WriteString("\n")
	if len(missedParts) > 0 {
		fmt.Fprintf(&b, "Targets missed in part %s: each part's section says, from a profile taken in this run, what costs the time or the memory. Nothing was tuned to make a number pass.\n\n", strings.Join(missedParts, ", "))
	}

	b.WriteString("## How to reproduce\n\n")
	b.WriteString("From a clean clone, with Go, Java 17, the Firestore emulator and `redis-server` installed (see README.md), and nothing else running:\n\n")
	b.WriteString("```sh\nmake bench\n```\n\n")
	b.WriteString("It starts its own Firestore emulator and Redis (through the `server` test harness, as `make test` does) and, for part b, a local 3-master Redis Cluster; it takes a few minutes and rewrites this file. It ran:\n\n```sh\n")
	for _, c := range r.commands {
		b.WriteString(c + "\n")
	}
	b.WriteString("```\n\n")
	b.WriteString("`BENCH_DIR` (default `bin/bench`) keeps every output and profile; `BENCH_ARGS` passes flags to the server benchmarks, e.g. `make bench BENCH_ARGS='-bench.wsconns=2000 -bench.rounds=1'` for a quick look (see `server/bench_setup_test.go`). ")
	b.WriteString("The whole-server benchmarks are `Benchmark` functions run with `-benchtime=1x`, so `make test` never runs them; each prints `BENCH <name> key=value …` lines, which `go run ./internal/bench/report` collects into this file together with the standard `go test -bench` lines.\n\n")

	for _, s := range parts {
		b.WriteString(s.body.String())
		b.WriteString("\n")
	}
	if len(r.warnings) > 0 {
		b.WriteString("## Warnings\n\n")
		for _, w := range r.warnings {
			b.WriteString("- " + w + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("## Raw figures\n\nEvery `BENCH` line and `go test -bench` result line this report was made from:\n\n```\n")
	for _, l := range r.res.lines {
		b.WriteString(l.Raw + "\n")
	}
	benches := append([]goBench(nil), r.res.benches...)
	sort.SliceStable(benches, func(i, j int) bool { return benches[i].Pkg < benches[j].Pkg })
	pkg := ""
	for _, g := range benches {
		if g.Pkg != pkg {
			pkg = g.Pkg
			b.WriteString("pkg: " + pkg + "\n")
		}
		b.WriteString(g.Raw + "\n")
	}
	b.WriteString("```\n")
	return b.String(), all
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// codeBlock returns text as a fenced block, at most maxLines lines.
func codeBlock(text string, maxLines int) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) > maxLines {
		lines = append(lines[:maxLines], "…")
	}
	return "```\n" + strings.Join(lines, "\n") + "\n```\n"
}

// pprofSection returns `go tool pprof -top args file` (header trimmed) as a code block,
// or a note saying why there is none.
func (r *report) pprofSection(file string, maxLines int, args ...string) string {
	if file == "" {
		return "_No profile in this run (run with `-bench.out`, as `make bench` does)._\n"
	}
	if _, err := os.Stat(file); err != nil {
		return fmt.Sprintf("_Profile %s is missing: %v._\n", file, err)
	}
	out, err := pprofTop(file, args...)
	if err != nil {
		r.warn("%v", err)
		return fmt.Sprintf("_`go tool pprof` failed on %s (see Warnings)._\n", file)
	}
	// Keep the "Showing nodes …" line and the table.
	if i := strings.Index(out, "Showing nodes"); i >= 0 {
		out = out[i:]
	}
	return fmt.Sprintf("`go tool pprof -top %s %s`:\n\n%s", strings.Join(args, " "), file, codeBlock(out, maxLines))
}
