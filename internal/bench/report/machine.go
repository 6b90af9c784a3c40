package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// machine describes where the benchmarks ran.
type machine struct {
	CPU, Cores, Memory, Kernel, Go, Commit string
	Date                                   time.Time
}

func describeMachine(goTestCPU string, now time.Time) machine {
	m := machine{CPU: goTestCPU, Cores: fmt.Sprint(runtime.NumCPU()), Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH, Date: now.UTC()}
	if info, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		n := 0
		for l := range strings.SplitSeq(string(info), "\n") {
			k, v, ok := strings.Cut(l, ":")
			switch k = strings.TrimSpace(k); {
			case !ok:
			case k == "model name" && m.CPU == goTestCPU:
				m.CPU = strings.TrimSpace(v)
			case k == "processor":
				n++
			}
		}
		if n > 0 {
			m.Cores = fmt.Sprintf("%d (GOMAXPROCS %d)", n, runtime.GOMAXPROCS(0))
		}
	}
	if m.CPU == "" {
		m.CPU = "unknown"
	}
	if info, err := os.ReadFile("/proc/meminfo"); err == nil {
		for l := range strings.SplitSeq(string(info), "\n") {
			if rest, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				var kb int64
				if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kb); err == nil {
					m.Memory = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
				}
			}
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = "Linux " + strings.TrimSpace(string(b))
	}
	if out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output(); err == nil {
		m.Commit = strings.TrimSpace(string(out))
		if st, err := exec.Command("git", "status", "--porcelain", "--", ".", ":!BENCHMARKS.md").Output(); err == nil && len(bytes.TrimSpace(st)) > 0 {
			m.Commit += " with uncommitted changes"
		}
	}
	return m
}
