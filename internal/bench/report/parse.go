package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// line is one "BENCH name key=value ..." line.
type line struct {
	Name   string
	Fields map[string]string
	Raw    string
}

// str returns field k, or "".
func (l line) str(k string) string { return l.Fields[k] }

// num returns field k as a number, and whether it is one.
func (l line) num(k string) (float64, bool) {
	v, err := strconv.ParseFloat(l.Fields[k], 64)
	return v, err == nil
}

// goBench is one result line of `go test -bench`, e.g.
// "BenchmarkResolve/Exact-2  31053261  38.21 ns/op  0 B/op  0 allocs/op".
type goBench struct {
	Pkg     string
	Name    string // without the -GOMAXPROCS suffix
	Procs   int
	N       int64
	Metrics map[string]float64 // by unit
	Raw     string
}

// results is everything read from the benchmark outputs.
type results struct {
	lines   []line
	benches []goBench
	cpu     string // go test's "cpu:" line
}

var goBenchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-(\d+))?\s+(\d+)\s+(.+)$`)

// parse reads one benchmark output.
func (r *results) parse(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	pkg := ""
	for sc.Scan() {
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(text, "BENCH "):
			l, err := parseLine(text)
			if err != nil {
				return err
			}
			r.lines = append(r.lines, l)
		case strings.HasPrefix(text, "pkg: "):
			pkg = strings.TrimPrefix(text, "pkg: ")
		case strings.HasPrefix(text, "cpu: "):
			r.cpu = strings.TrimPrefix(text, "cpu: ")
		default:
			if m := goBenchLine.FindStringSubmatch(text); m != nil {
				if b, ok := parseGoBench(pkg, m); ok {
					r.benches = append(r.benches, b)
				}
			}
		}
	}
	return sc.Err()
}

func parseGoBench(pkg string, m []string) (goBench, bool) {
	b := goBench{Pkg: pkg, Name: m[1], Metrics: map[string]float64{}, Raw: m[0]}
	b.Procs, _ = strconv.Atoi(m[2])
	var err error
	if b.N, err = strconv.ParseInt(m[3], 10, 64); err != nil {
		return b, false
	}
	f := strings.Fields(m[4])
	if len(f)%2 != 0 {
		return b, false
	}
	for i := 0; i < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return b, false
		}
		b.Metrics[f[i+1]] = v
	}
	return b, true
}

// parseLine parses "BENCH name k=v k="quoted value" ...".
func parseLine(text string) (line, error) {
	l := line{Fields: map[string]string{}, Raw: text}
	rest := strings.TrimPrefix(text, "BENCH ")
	name, rest, _ := strings.Cut(rest, " ")
	if name == "" {
		return l, fmt.Errorf("report: %q: no name", text)
	}
	l.Name = name
	for rest = strings.TrimLeft(rest, " "); rest != ""; rest = strings.TrimLeft(rest, " ") {
		k, after, ok := strings.Cut(rest, "=")
		if !ok || k == "" || strings.Contains(k, " ") {
			return l, fmt.Errorf("report: %q: want key=value at %q", text, rest)
		}
		var v string
		if strings.HasPrefix(after, `"`) {
			q, err := strconv.QuotedPrefix(after)
			if err != nil {
				return l, fmt.Errorf("report: %q: %v", text, err)
			}
			v, _ = strconv.Unquote(q)
			rest = after[len(q):]
		} else {
			v, rest, _ = strings.Cut(after, " ")
		}
		l.Fields[k] = v
	}
	return l, nil
}

// find returns the BENCH lines named name whose fields include every key=value of match.
func (r *results) find(name string, match ...string) []line {
	var out []line
	for _, l := range r.lines {
		if l.Name != name {
			continue
		}
		ok := true
		for i := 0; i+1 < len(match); i += 2 {
			if l.Fields[match[i]] != match[i+1] {
				ok = false
			}
		}
		if ok {
			out = append(out, l)
		}
	}
	return out
}

// latest returns the last matching line: a later run overrides an earlier one.
func (r *results) latest(name string, match ...string) (line, bool) {
	ls := r.find(name, match...)
	if len(ls) == 0 {
		return line{}, false
	}
	return ls[len(ls)-1], true
}

// benchStat is one Go benchmark over its -count runs.
type benchStat struct {
	Name             string
	Runs             int
	Median, Min, Max float64 // of the unit asked for
}

// stat returns the median, min and max of unit over every run of the Go benchmark named
// name (without the -GOMAXPROCS suffix).
func (r *results) stat(name, unit string) (benchStat, bool) {
	var v []float64
	for _, b := range r.benches {
		if b.Name == name {
			if x, ok := b.Metrics[unit]; ok {
				v = append(v, x)
			}
		}
	}
	if len(v) == 0 {
		return benchStat{}, false
	}
	sort.Float64s(v)
	return benchStat{Name: name, Runs: len(v), Median: median(v), Min: v[0], Max: v[len(v)-1]}, true
}
