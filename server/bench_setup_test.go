//go:build bench

package main

// Whole-server benchmarks (make bench) share this file's flags and helpers.
//
// They are Benchmark functions, so `make test` (no -bench) never runs them, and each runs
// its load once whatever b.N is: run them with -benchtime=1x. Each prints its figures as
// lines
//
//	BENCH <name> key=value key=value ...
//
// on stdout, which internal/bench/report collects into BENCHMARKS.md. A value is a number,
// a comma-separated list of numbers, a word, or a Go-quoted string; durations are in µs.

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/identity"

	"github.com/northstar/northstar/internal/session"
	"github.com/northstar/northstar/internal/tenancy"
)

var (
	benchOut     = flag.String("bench.out", "", "directory for the benchmarks' profiles; none are written when empty")
	benchConns   = flag.Int("bench.conns", 32, "BenchmarkLoadQuery: concurrent keep-alive connections")
	benchWarmup  = flag.Duration("bench.warmup", 3*time.Second, "BenchmarkLoadQuery: warm-up per server")
	benchRound   = flag.Duration("bench.round", 2*time.Second, "BenchmarkLoadQuery: length of one measured round")
	benchRounds  = flag.Int("bench.rounds", 10, "BenchmarkLoadQuery: measured rounds per server, interleaved")
	benchWSConns = flag.Int("bench.wsconns", 10000, "BenchmarkLoadIdleWebsockets: idle subscribed connections")
	benchChild   = flag.String("bench.child", "", "internal: run TestBenchChildServer as the server process of BenchmarkLoadIdleWebsockets or BenchmarkLoadFanout (northstar, bare-gqlgen, or floor for BenchmarkLoadFanout)")

	benchFanSubs      = flag.String("bench.fansubs", "1,100,1000,2000@100,10000@5", "BenchmarkLoadFanout: loads, comma-separated: subscriber counts, each with @ and its own messages per second when not -bench.fanrate")
	benchFanRate      = flag.Float64("bench.fanrate", 50, "BenchmarkLoadFanout: messages published per second")
	benchFanProfSubs  = flag.Int("bench.fanprofilesubs", 1000, "BenchmarkLoadFanout: the subscriber count (at -bench.fanrate) at which the servers are profiled (with -bench.out)")
	benchFanWarmup    = flag.Duration("bench.fanwarmup", 3*time.Second, "BenchmarkLoadFanout: publishing before the measured window")
	benchFanWindow    = flag.Duration("bench.fanwindow", 10*time.Second, "BenchmarkLoadFanout: measured window per server and subscriber count")
	benchFanProfile   = flag.Duration("bench.fanprofile", 5*time.Second, "BenchmarkLoadFanout: CPU profile of each server after the window of -bench.fanprofilesubs (with -bench.out)")
	benchFanoutChild  = flag.Bool("bench.fanoutchild", false, "internal: the bare-gqlgen server process serves BenchmarkLoadFanout's publishing stub")
	benchFanCluster   = flag.Bool("bench.fancluster", true, "BenchmarkLoadFanout: also measure Northstar with its chat bus on a local 3-master Redis Cluster")
	benchChildCluster = flag.String("bench.childcluster", "", "internal: the Redis Cluster (comma-separated addresses) the northstar server process of BenchmarkLoadFanout runs its chat bus on; empty for its own Redis")

	benchPostWriters = flag.Int("bench.postwriters", 64, "BenchmarkLoadPosting: concurrent writers (Firestore creates for the ceiling, postMessage calls spread over two replicas)")
	benchPostThreads = flag.Int("bench.postthreads", 256, "BenchmarkLoadPosting: threads the spread run posts to")
	benchPostPrewarm = flag.Duration("bench.postprewarm", 15*time.Second, "BenchmarkLoadPosting: writing (every kind in turn) before the first round, so that the emulator's JVM is warm")
	benchPostWarmup  = flag.Duration("bench.postwarmup", 2*time.Second, "BenchmarkLoadPosting: writing before each measured window")
	benchPostWindow  = flag.Duration("bench.postwindow", 5*time.Second, "BenchmarkLoadPosting: measured window of each run (ceiling, busy, spread) per round")
	benchPostRounds  = flag.Int("bench.postrounds", 3, "BenchmarkLoadPosting: rounds, each running the ceiling, busy and spread runs in rotating order")
	benchPostProfile = flag.Duration("bench.postprofile", 5*time.Second, "BenchmarkLoadPosting: CPU profile of each posting run after its window, still under load (with -bench.out)")
)

// emitBench prints one BENCH line: name, then key/value pairs.
func emitBench(name string, kv ...any) {
	var b strings.Builder
	b.WriteString("BENCH ")
	b.WriteString(name)
	for i := 0; i+1 < len(kv); i += 2 {
		fmt.Fprintf(&b, " %s=%s", kv[i], benchValue(kv[i+1]))
	}
	fmt.Println(b.String())
}

func benchValue(v any) string {
	switch v := v.(type) {
	case float64:
		s := strconv.FormatFloat(v, 'f', 3, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if s == "" || s == "-" {
			return "0"
		}
		return s
	case time.Duration:
		return benchValue(float64(v) / float64(time.Microsecond))
	case []float64: // comma-separated
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = benchValue(x)
		}
		return strings.Join(parts, ",")
	case string:
		if v == "" || strings.ContainsAny(v, " \t\"=\\") {
			return strconv.Quote(v)
		}
		return v
	default:
		return fmt.Sprint(v)
	}
}

// profilePath returns where to write a profile named name, or "" when profiles are off.
func profilePath(tb testing.TB, name string) string {
	tb.Helper()
	if *benchOut == "" {
		return ""
	}
	if err := os.MkdirAll(*benchOut, 0o755); err != nil {
		tb.Fatal(err)
	}
	p, err := filepath.Abs(filepath.Join(*benchOut, name))
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// startBenchServer starts a Northstar server like newServer does (env staging, a fresh
// Firestore project, its own signing key in its own secrets directory, behind a loopback
// httptest listener; opts such as replicaOf change that). It logs like `northstar
// serve` (JSON lines, level info) to /dev/null, so each request pays for its logging as
// in production.
func startBenchServer(tb testing.TB, opts ...serverOption) *testServer {
	tb.Helper()
	cfg := Config{
		Env:          "staging", // prod never runs on the emulator
		ProjectID:    "bench-" + randomHex(6),
		EmulatorHost: emulatorHost,
		BootstrapKey: testBootstrapKey,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.SecretsDir == "" {
		cfg.SecretsDir = tb.TempDir()
	}
	var pem []byte
	var err error
	if cfg.SigningKeyRef == "" {
		if pem, err = identity.GenerateEd25519PEM(); err != nil {
			tb.Fatal(err)
		}
		keyPath := filepath.Join(cfg.SecretsDir, "signing-key.pem")
		if err := os.WriteFile(keyPath, pem, 0o600); err != nil {
			tb.Fatal(err)
		}
		cfg.SigningKeyRef = "file://" + keyPath
	} else if pem, err = os.ReadFile(strings.TrimPrefix(cfg.SigningKeyRef, "file://")); err != nil {
		tb.Fatal(err)
	}
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		tb.Fatal(err)
	}
	m, err := NewMain(context.Background(), cfg, newLogger(devNull))
	if err != nil {
		tb.Fatal(err)
	}
	ts := &testServer{Server: httptest.NewServer(m.Handler()), main: m, keyPEM: pem, project: cfg.ProjectID}
	tb.Cleanup(func() {
		ts.Close()
		m.Close()
		devNull.Close()
	})
	return ts
}

// benchAccount bootstraps ts's project (t_system and the modes) and signs up a user with
// a tenant of its own, through the services rather than GraphQL.
func benchAccount(tb testing.TB, ts *testServer) account {
	tb.Helper()
	ctx := context.Background()
	if _, err := ts.main.Tenancy().BootstrapSystem(ctx, testBootstrapKey, "", ""); err != nil {
		tb.Fatal(err)
	}
	email := uniqueEmail("bench")
	g, tenant, err := ts.main.sessions.Signup(ctx, tenancy.SignupInput{Email: email, Password: "password-bench", TenantName: "Bench Inc"}, session.Client{})
	if err != nil {
		tb.Fatal(err)
	}
	return account{Token: g.AccessToken, UserID: g.User.ID, TenantID: tenant.ID, Email: email}
}

// ensureFiles raises the soft RLIMIT_NOFILE to at least n when the hard limit allows.
func ensureFiles(tb testing.TB, n uint64) {
	tb.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		tb.Fatal(err)
	}
	if lim.Cur >= n {
		return
	}
	if lim.Max < n {
		tb.Fatalf("RLIMIT_NOFILE hard limit %d is below the %d files this benchmark needs: raise it (ulimit -Hn %d as root) or pass a smaller -bench.wsconns", lim.Max, n, n)
	}
	lim.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		tb.Fatal(err)
	}
}

// cpuSample is the machine's busy CPU time and that of this process and its
// descendants (the Firestore emulator, Redis), in clock ticks.
type cpuSample struct {
	at         time.Time
	busy, self uint64
}

// clockTicks is USER_HZ, the unit of /proc/stat and /proc/PID/stat (100 on Linux).
const clockTicks = 100

func readCPU(tb testing.TB) cpuSample {
	tb.Helper()
	s := cpuSample{at: time.Now()}
	stat, err := os.ReadFile("/proc/stat")
	if err != nil {
		tb.Fatal(err)
	}
	first, _, _ := strings.Cut(string(stat), "\n")
	for i, f := range strings.Fields(first)[1:] {
		v, _ := strconv.ParseUint(f, 10, 64)
		if i != 3 && i != 4 { // all but idle and iowait; steal counts as busy
			s.busy += v
		}
	}
	// Sum this process's tree: parents are known before their children only by pid
	// order, so collect every process first.
	type proc struct{ ppid, ticks uint64 }
	procs := map[uint64]proc{}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		pid, err := strconv.ParseUint(e.Name(), 10, 64)
		if err != nil {
			continue
		}
		raw, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // gone
		}
		// After "pid (comm) ": state ppid … utime (14th field) stime (15th).
		i := strings.LastIndex(string(raw), ") ")
		if i < 0 {
			continue
		}
		f := strings.Fields(string(raw[i+2:]))
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.ParseUint(f[1], 10, 64)
		utime, _ := strconv.ParseUint(f[11], 10, 64)
		stime, _ := strconv.ParseUint(f[12], 10, 64)
		procs[pid] = proc{ppid, utime + stime}
	}
	self := uint64(os.Getpid())
	for pid, p := range procs {
		for a, hops := pid, 0; a != 0 && hops < 64; a, hops = procs[a].ppid, hops+1 {
			if a == self {
				s.self += p.ticks
				break
			}
		}
	}
	return s
}

// othersSince returns how many cores processes outside this benchmark (and the
// hypervisor's steal) kept busy on average since s: load the benchmark did not cause.
func (s cpuSample) othersSince(tb testing.TB) float64 {
	tb.Helper()
	now := readCPU(tb)
	other := float64(now.busy-s.busy) - float64(now.self-s.self)
	return max(0, other/clockTicks/now.at.Sub(s.at).Seconds())
}

// wait blocks for d or until ctx ends.
func wait(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// processCPUTime is a process's CPU time so far (a server process answers it to the
// cpu command).
type processCPUTime struct {
	Micros int64 `json:"micros"` // user + system, all threads
}

// processCPU returns this process's CPU time, in µs rather than /proc's clock ticks.
func processCPU(tb testing.TB) processCPUTime {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	us := func(tv syscall.Timeval) int64 { return tv.Sec*1e6 + tv.Usec }
	return processCPUTime{Micros: us(ru.Utime) + us(ru.Stime)}
}

// waitQuiet waits (up to a minute) until this process and its descendants — the server
// processes, their Firestore emulators' JVMs and Redis — use under 0.1 core over a second,
// so that start-up work is not measured.
func waitQuiet(b *testing.B) {
	b.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		s := readCPU(b)
		wait(context.Background(), time.Second)
		e := readCPU(b)
		cores := float64(e.self-s.self) / clockTicks / e.at.Sub(s.at).Seconds()
		if cores < 0.1 || time.Now().After(deadline) {
			return
		}
	}
}
