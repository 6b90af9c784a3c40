package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// pprofTop runs `go tool pprof -top` with args on file and returns its output without
// the header lines before the table.
func pprofTop(file string, args ...string) (string, error) {
	cmd := exec.Command("go", append(append([]string{"tool", "pprof", "-top"}, args...), file)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go tool pprof -top %s %s: %v: %s", strings.Join(args, " "), file, err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}

// topEntry is one row of `go tool pprof -top -unit=ms`.
type topEntry struct {
	Flat, Cum float64 // milliseconds
	Name      string
}

// topRow matches "     10ms  0.32%  0.97%    850ms 27.51%  name"; a zero has no unit.
var topRow = regexp.MustCompile(`^\s*([0-9.]+)(?:ms)?\s+[0-9.]+%\s+[0-9.]+%\s+([0-9.]+)(?:ms)?\s+[0-9.]+%\s+(.+)$`)
var totalSamples = regexp.MustCompile(`Total samples = ([0-9.]+)(ms|s)`)

// parseTop parses `go tool pprof -top -unit=ms` output: its rows and the total samples
// in milliseconds.
func parseTop(out string) (rows []topEntry, totalMS float64) {
	if m := totalSamples.FindStringSubmatch(out); m != nil {
		totalMS, _ = strconv.ParseFloat(m[1], 64)
		if m[2] == "s" {
			totalMS *= 1000
		}
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		m := topRow.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		flat, _ := strconv.ParseFloat(m[1], 64)
		cum, _ := strconv.ParseFloat(m[2], 64)
		rows = append(rows, topEntry{Flat: flat, Cum: cum, Name: strings.TrimSpace(m[3])})
	}
	return rows, totalMS
}

// cpuProfile is a CPU profile's cumulative time per function.
type cpuProfile struct {
	rows    []topEntry
	totalMS float64
}

func loadCPUProfile(file string) (cpuProfile, error) {
	out, err := pprofTop(file, "-cum", "-unit=ms", "-nodecount=1000000", "-nodefraction=0", "-edgefraction=0")
	if err != nil {
		return cpuProfile{}, err
	}
	rows, total := parseTop(out)
	if len(rows) == 0 {
		return cpuProfile{}, fmt.Errorf("%s: no samples", file)
	}
	return cpuProfile{rows: rows, totalMS: total}, nil
}

// cum returns the largest cumulative time (ms) of the functions matching re: the
// outermost of nested matches, never a sum that would count time twice.
func (p cpuProfile) cum(re *regexp.Regexp) float64 {
	best := 0.0
	for _, r := range p.rows {
		if r.Cum > best && re.MatchString(r.Name) {
			best = r.Cum
		}
	}
	return best
}

// goroutineGroup is the goroutines that share one stack in a debug=1 goroutine profile.
type goroutineGroup struct {
	Count  int
	Waits  string // the innermost frame outside the runtime: where it is parked
	Starts string // the outermost frame: the function the goroutine runs
}

// parseGoroutines reads a debug=1 goroutine profile ("N @ addrs" then "#\taddr\tfunc+off\tfile:line" frames).
func parseGoroutines(file string) ([]goroutineGroup, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var groups []goroutineGroup
	for block := range strings.SplitSeq(string(data), "\n\n") {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		for len(lines) > 0 && !strings.Contains(lines[0], " @ ") { // "goroutine profile: total N"
			lines = lines[1:]
		}
		if len(lines) < 2 {
			continue
		}
		count, _, ok := strings.Cut(lines[0], " @ ")
		n, err := strconv.Atoi(count)
		if !ok || err != nil {
			continue
		}
		var frames []string
		for _, l := range lines[1:] {
			f := strings.Fields(l)
			if len(f) >= 3 && f[0] == "#" {
				name := f[2]
				if i := strings.LastIndex(name, "+0x"); i > 0 {
					name = name[:i]
				}
				frames = append(frames, name)
			}
		}
		if len(frames) == 0 {
			continue
		}
		g := goroutineGroup{Count: n, Starts: frames[len(frames)-1], Waits: frames[0]}
		for _, f := range frames {
			if !isRuntimeFrame(f) {
				g.Waits = f
				break
			}
		}
		groups = append(groups, g)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Count > groups[j].Count })
	return groups, nil
}

func isRuntimeFrame(f string) bool {
	for _, p := range []string{"runtime.", "internal/poll.", "internal/runtime", "sync.", "net.", "bufio.", "time.Sleep"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

func regexpMust(re string) *regexp.Regexp { return regexp.MustCompile(re) }
