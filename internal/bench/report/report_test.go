package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"
)

const goTestOutput = `goos: linux
goarch: amd64
pkg: github.com/northstar/northstar/internal/routing
cpu: Test CPU
BenchmarkResolve/Exact-2         	29905016	        33.61 ns/op	       0 B/op	       0 allocs/op
BenchmarkResolve/Exact-2         	35042616	        36.39 ns/op	       0 B/op	       0 allocs/op
BenchmarkResolve/Exact-2         	34691340	        60.02 ns/op	       0 B/op	       0 allocs/op
BenchmarkResolve/BaselineStringMap-2         	82899153	        13.64 ns/op	       0 B/op	       0 allocs/op
BenchmarkResolve/CascadeToSystem-2           	35713273	        33.64 ns/op	       0 B/op	       1 allocs/op
PASS
ok  	github.com/northstar/northstar/internal/routing	12.1s
pkg: github.com/northstar/northstar/internal/identity
BenchmarkTokensVerify-2   	   10000	    100306 ns/op	   18785 B/op	     282 allocs/op
some log line that is not a result
BENCH query server=northstar conns=32 warmup_s=3 rounds=2 round_s=2 rps=8900 rps_min=8000 rps_max=10000 rps_rounds=8000,10000 p50_us=2000 p90_us=4000 p99_us=10000 p999_us=20000 max_us=30000 mean_us=2500 requests=36000 errors=0
BENCH query server=bare-gqlgen conns=32 warmup_s=3 rounds=2 round_s=2 rps=10000 rps_min=9000 rps_max=11000 rps_rounds=9000,11000 p50_us=1500 p90_us=3000 p99_us=9000 p999_us=15000 max_us=20000 mean_us=1700 requests=40000 errors=0
BENCH wsidle server=northstar conns=10000 warmup_conns=100 rss_per_conn_kib=29.5 raw_rss_per_conn_kib=31 heap_per_conn_kib=15 stack_per_conn_kib=12 goroutines_per_conn=4 rss_before_mib=35 rss_after_mib=323 setup_s=16 post_to_all_ms=500
BENCH wsidle server=bare-gqlgen conns=10000 warmup_conns=100 rss_per_conn_kib=52 raw_rss_per_conn_kib=54 heap_per_conn_kib=23 stack_per_conn_kib=24 goroutines_per_conn=4 rss_before_mib=30 rss_after_mib=536 setup_s=4 post_to_all_ms=300
BENCH note text="a value with spaces and \"quotes\"" n=1
`

func parseString(t *testing.T, text string) *results {
	t.Helper()
	r := &results{}
	if err := r.parse(strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestParse(t *testing.T) {
	r := parseString(t, goTestOutput)
	if len(r.lines) != 5 || len(r.benches) != 6 || r.cpu != "Test CPU" {
		t.Fatalf("%d BENCH lines, %d results, cpu %q", len(r.lines), len(r.benches), r.cpu)
	}
	if r.benches[5].Pkg != "github.com/northstar/northstar/internal/identity" || r.benches[0].Procs != 2 {
		t.Fatalf("result %+v", r.benches[5])
	}
	st, ok := r.stat("BenchmarkResolve/Exact", "ns/op")
	if !ok || st.Runs != 3 || st.Median != 36.39 || st.Min != 33.61 || st.Max != 60.02 {
		t.Fatalf("stat = %+v", st)
	}
	note, ok := r.latest("note")
	if !ok || note.str("text") != `a value with spaces and "quotes"` || note.str("n") != "1" {
		t.Fatalf("note = %+v", note)
	}
	if got := nums(r.lines[0], "rps_rounds"); len(got) != 2 || got[1] != 10000 {
		t.Fatalf("rps_rounds = %v", got)
	}
	for _, bad := range []string{"BENCH ", "BENCH x novalue", `BENCH x k="unterminated`} {
		if _, err := parseLine(bad); err == nil {
			t.Errorf("parseLine(%q) succeeded", bad)
		}
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "all.out"), []byte(goTestOutput), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "commands.txt"), []byte("go test -bench=. ./x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "BENCHMARKS.md")
	figures, err := run(dir, out, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]result{
		"requests/s, authenticated `{ tenant { id name mode { id } } }`": missed, // 0.89×
		"p99 latency, same query":                                                 met, // 1.11×
		"deliveries/s at 1,000 subscribers of one thread":                         pending,
		"route lookup, exact scope":                                               met,     // median 36.39 ns
		"route lookup, cascade project → tenant → system":                         missed,  // 1 alloc
		"JWT verify, cache hit":                                                   pending, // not in the output
		"JWT verify, miss (full EdDSA verification)":                              info,
		"deliveries/s at 1,000 subscribers, chat bus on a 3-master Redis Cluster": pending,
		"posts/s to ONE thread, 64 writers over 2 replicas":                       pending,
		"delivery to a subscriber of that thread: lost / duplicated / disordered": pending,
	}
	got := map[string]result{}
	for _, f := range figures {
		got[f.name] = f.result
		if strings.HasPrefix(f.name, "RSS per idle") && f.result != met {
			t.Errorf("%s: %v, want met (29.5 KiB)", f.name, f.result)
		}
	}
	for name, r := range want {
		if got[name] != r {
			t.Errorf("%s: %v, want %v", name, got[name], r)
		}
	}
	text, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"GOMAXPROCS", "2026-11-22", "go test -bench=. ./x", "| a | requests/s", "0.90×", "**MISSED**",
		"BENCH fanout server=northstar subscribers=1000", // part b's contract
		"No Northstar CPU profile",                       // a missed, nothing profiled
		"routing.cpu.pprof is missing",                   // d missed, no profile file
		"BENCH note text=",                               // unknown lines are kept
		"BENCH posting run=ceiling",                      // part e's contract
	} {
		if !strings.Contains(string(text), s) {
			t.Errorf("report lacks %q", s)
		}
	}

	// Part b's lines fill its section; the Redis Cluster rows compare with one Redis.
	fanout := goTestOutput + "BENCH fanout server=northstar subscribers=1000 rate=50 deliveries_per_s=60000 p50_ms=3 p99_ms=40 drops=0 cpu_us_per_delivery=12\n" +
		"BENCH fanout server=bare-gqlgen subscribers=1000 rate=50 deliveries_per_s=40000 p50_ms=5 p99_ms=60 drops=0 cpu_us_per_delivery=16.6\n" +
		"BENCH fanout server=floor subscribers=1000 rate=50 deliveries_per_s=60000 p50_ms=3 p99_ms=30 drops=0 cpu_us_per_delivery=11\n" +
		"BENCH fanout server=northstar-cluster subscribers=1000 rate=50 deliveries_per_s=57000 p50_ms=4 p99_ms=50 drops=0 cpu_us_per_delivery=13\n" +
		"BENCH fanout server=northstar-cluster subscribers=100 rate=50 deliveries_per_s=5000 p50_ms=2 p99_ms=5 drops=1 cpu_us_per_delivery=30\n" +
		"BENCH fanout server=northstar subscribers=100 rate=50 deliveries_per_s=5000 p50_ms=2 p99_ms=4 drops=0 cpu_us_per_delivery=25\n" +
		"BENCH fanout server=northstar subscribers=2000 rate=100 deliveries_per_s=90000 p50_ms=30 p99_ms=80 drops=0 server_dropped=0 cpu_us_per_delivery=10\n" +
		"BENCH fanout server=bare-gqlgen subscribers=2000 rate=100 deliveries_per_s=50000 p50_ms=3000 p99_ms=9000 drops=900 server_dropped=900 cpu_us_per_delivery=25\n" +
		"BENCH fanout server=northstar subscribers=10000 rate=5 deliveries_per_s=50000 p50_ms=70 p99_ms=300 drops=0 cpu_us_per_delivery=15\n" +
		"BENCH fanout server=bare-gqlgen subscribers=10000 rate=5 deliveries_per_s=50000 p50_ms=900 p99_ms=3000 drops=0 cpu_us_per_delivery=28\n"
	if err := os.WriteFile(filepath.Join(dir, "all.out"), []byte(fanout), 0o644); err != nil {
		t.Fatal(err)
	}
	if figures, err = run(dir, out, time.Now()); err != nil {
		t.Fatal(err)
	}
	var b []result
	for _, f := range figures {
		if f.part == "b" {
			b = append(b, f.result)
		}
		if strings.Contains(f.name, "above the floor") && (f.measured != "1 µs" || f.baseline != "floor: 11 µs" || f.ratio != "1.09×") {
			t.Errorf("CPU above the floor: %+v, want 1 µs over the floor's 11 µs (1.09×)", f)
		}
	}
	// 12 µs > 10 µs; the floor, context only; 57,000 ≥ 0.9 × 60,000; 50 ms > 1.2 × 40 ms;
	// no drops at 1,000; 10,000 at 5/s: no drops, 300 ms > 250 ms; overload: 90,000 ≥
	// 1.5 × 50,000, 0 < 900.
	wantB := []result{met, met, met, missed, info, met, missed, met, met, missed, met, met}
	if !slices.Equal(b, wantB) {
		t.Fatalf("part b results %v, want %v (1,000, then the cluster, 10,000 at 5/s, the overload)", b, wantB)
	}
	if text, err = os.ReadFile(out); err != nil {
		t.Fatal(err)
	}
	partB := string(text)[strings.Index(string(text), "## b."):strings.Index(string(text), "## c.")]
	for _, s := range []string{
		"| northstar | 1,000 | 50 | 60,000/s", "| bare-gqlgen | 1,000 | 50 | 40,000/s", // both rows
		"| northstar | 10,000 | 5 | 50,000/s",                                                // a load at its own rate
		"| 1.50× | 0.67× | 0.72× |",                                                          // northstar against bare: deliveries/s, p99, CPU
		"publishes each message **directly to Redis**",                                       // how Northstar is fed
		"No Northstar CPU profile",                                                           // b missed, nothing profiled
		"| northstar | 1,000 | 50 | 60,000/s", "| northstar-cluster | 1,000 | 50 | 57,000/s", // the cluster row follows one Redis
		"`SPUBLISH`", // how the cluster is fed
		"| 1,000 | 60,000/s → 57,000/s | 0.95× | 3.00 ms → 4.00 ms | 40.00 ms → 50.00 ms | 1.25× | 12 µs → 13 µs | 1.08× | 0 |", // cluster vs one Redis
		"| 100 | 5,000/s → 5,000/s | 1.00× |",             // every count
		"| floor | 1,000 | 50 | 60,000/s",                 // the floor's row
		"- **floor**, measured at 1,000 subscribers only", // and what it is
	} {
		if !strings.Contains(partB, s) {
			t.Errorf("part b lacks %q:\n%s", s, partB)
		}
	}

	// Subscribers dropped before the window: no latency, which must not pass.
	none := goTestOutput + "BENCH fanout server=northstar subscribers=1000 deliveries_per_s=600 p50_ms=0 p99_ms=0 latencies=0 drops=9000 cpu_us_per_delivery=40\n"
	if err := os.WriteFile(filepath.Join(dir, "all.out"), []byte(none), 0o644); err != nil {
		t.Fatal(err)
	}
	if figures, err = run(dir, out, time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, f := range figures {
		if f.name == "publish→receive p99 at 1,000 subscribers" && (f.result != missed || f.measured != "none arrived") {
			t.Errorf("p99 with no latencies: %+v, want missed and none arrived", f)
		}
	}

	if _, err := run(t.TempDir(), out, time.Now()); err == nil {
		t.Fatal("a directory without outputs made a report")
	}
}

// postingOutput is what BenchmarkLoadPosting prints: the busy thread at 0.55× the
// ceiling with p99 under 250 ms; the spread run with an error and a p99 over 250 ms; one
// seq lost.
const postingOutput = `BENCH posting run=ceiling writers=64 servers=0 threads=0 warmup_s=2 window_s=10 writes_per_s=1400 p50_ms=40 p90_ms=70 p99_ms=110 p999_ms=160 max_ms=190 mean_ms=45 writes=14000 errors=0 window_errors=0 first_error="" process_cpu_cores=0.14 helper_cpu_cores=1.6 other_cpu_cores=0 cores=2
BENCH posting run=busy writers=64 servers=2 threads=1 prewarm_s=15 warmup_s=2 rounds=3 window_s=15 writes_per_s=770 writes_per_s_rounds=700,840,770 p50_ms=80 p90_ms=150 p99_ms=220 p999_ms=380 max_ms=600 mean_ms=90 writes=7700 errors=0 window_errors=0 first_error="" process_cpu_cores=0.5 helper_cpu_cores=1.2 other_cpu_cores=0.1 cores=2
BENCH delivery bench=posting run=busy answered=11000 received=10999 lost=1 duplicated=0 disordered=0 extra=0 duplicate_answers=0 resumes=0 reconnects=2 close_codes=1013x2 server_dropped=2 problems=0 first_problem="" lag_p50_ms=40 lag_p99_ms=900 lag_max_ms=1500 wait_s=13
BENCH posting run=spread writers=64 servers=2 threads=256 warmup_s=2 window_s=10 writes_per_s=500 p50_ms=100 p90_ms=230 p99_ms=1080 p999_ms=1150 max_ms=1200 mean_ms=130 writes=5000 errors=1 window_errors=1 first_error="HTTP 503: {\"errors\":[]}" process_cpu_cores=0.3 helper_cpu_cores=1.1 other_cpu_cores=0.3 cores=2
`

func TestPostingReport(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "all.out"), []byte(goTestOutput+postingOutput), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "BENCHMARKS.md")
	figures, err := run(dir, out, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var e []result
	for _, f := range figures {
		if f.part == "e" {
			e = append(e, f.result)
		}
	}
	want := []result{met, met, met, missed, info, missed, missed} // rate, p99, errors; delivery; spread rate, p99, errors
	if fmt.Sprint(e) != fmt.Sprint(want) {
		t.Fatalf("part e results %v, want %v", e, want)
	}
	text, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"| e | posts/s to ONE thread, 64 writers over 2 replicas | 770/s | ≥ 0.50× ceiling | plain Firestore creates: 1,400/s | 0.55× | met |",
		"| e | delivery to a subscriber of that thread: lost / duplicated / disordered | 1 / 0 / 0 of 11,000 seqs answered | 0 / 0 / 0 |",
		"| e | errors, 256 threads | 1 (1 in the measured windows) |",
	} {
		if !strings.Contains(string(text), s) {
			t.Errorf("summary lacks %q", s)
		}
	}
	partE := string(text)[strings.Index(string(text), "## e."):strings.Index(string(text), "## Warnings")]
	for _, s := range []string{
		"| busy: 1 thread, 2 replicas | 770/s (700–840) | 0.55× | 80.00 ms | 150.00 ms | 220.00 ms |", // the runs' table
		"then 3 rounds run the three in rotating order",
		"| busy | 649 | 1,558 | 2,208 | 906/s |", // CPU per write: (0.5 + 1.2) cores ÷ 770/s
		"gave up waiting for the missing seqs 13.0 s",
		"cost the emulator and Redis 1.36× the CPU of a plain create, and this process 6.49×",
		"p50 40.00 ms, p99 900.00 ms, max 1.50 s", // answer → arrival
		"completed the subscription 0 times and closed its connection 2 times (close codes 1013x2",
		"No CPU profile of the busy run",
	} {
		if !strings.Contains(partE, s) {
			t.Errorf("part e lacks %q:\n%s", s, partE)
		}
	}
	for _, w := range []string{"part e: other processes kept 0.30 cores busy during the spread window", `part e, spread: first error: HTTP 503: {"errors":[]}`} {
		if !strings.Contains(string(text), w) {
			t.Errorf("report lacks the warning %q", w)
		}
	}
}

func TestParseTop(t *testing.T) {
	out := `File: server.test
Type: cpu
Duration: 5.01s, Total samples = 8070ms (161.14%)
Showing nodes accounting for 8070ms, 100% of 8070ms total
      flat  flat%   sum%        cum   cum%
         0     0%     0%     4080ms 50.56%  net/http.(*conn).serve
      30ms  0.37% 43.12%      330ms  4.09%  net/http.readRequest
     120ms  1.49%  5.82%      650ms  8.05%  github.com/vektah/gqlparser/v2/validator/core.NameSorter.Less
`
	rows, total := parseTop(out)
	if total != 8070 || len(rows) != 3 || rows[0].Cum != 4080 || rows[0].Flat != 0 || rows[2].Name != "github.com/vektah/gqlparser/v2/validator/core.NameSorter.Less" {
		t.Fatalf("total %v rows %+v", total, rows)
	}
}

func TestParseGoroutines(t *testing.T) {
	profile := `goroutine profile: total 20004
10000 @ 0x49062e 0x41ea6e 0x41e592 0x12c8a6c 0x4982e1
#	0x12c8a6b	github.com/northstar/northstar/server.expireAt.func1+0x2b	/work/main/server/websocket.go:93

10000 @ 0x49062e 0x451937 0x48f805 0x4982e1
#	0x48f804	internal/poll.runtime_pollWait+0x84	/usr/local/go/src/runtime/netpoll.go:351
#	0x1251d04	github.com/gorilla/websocket.(*Conn).read+0x24	/root/go/pkg/mod/github.com/gorilla/websocket@v1.5.3/conn.go:371
#	0x7e680f	net/http.(*conn).serve+0x68f	/usr/local/go/src/net/http/server.go:2067

4 @ 0x49062e 0x4982e1
#	0x91339c	google.golang.org/grpc/internal/grpcsync.(*CallbackSerializer).run+0xfc	/x.go:114
`
	path := filepath.Join(t.TempDir(), "g.txt")
	if err := os.WriteFile(path, []byte(profile), 0o644); err != nil {
		t.Fatal(err)
	}
	groups, err := parseGoroutines(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 3 || groups[1].Waits != "github.com/gorilla/websocket.(*Conn).read" || groups[1].Starts != "net/http.(*conn).serve" || groups[2].Count != 4 {
		t.Fatalf("groups %+v", groups)
	}
}

// TestCPUProfile reads a real profile through `go tool pprof`.
func TestCPUProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.pprof")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
	t.Logf("burned (%d)", burn(300*time.Millisecond))
	pprof.StopCPUProfile()
	f.Close()
	p, err := loadCPUProfile(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.totalMS <= 0 || p.cum(regexpMust(`^github\.com/northstar/northstar/internal/bench/report\.burn$`)) <= 0 {
		t.Fatalf("total %v ms; rows %+v", p.totalMS, p.rows[:min(5, len(p.rows))])
	}
}

//go:noinline
func burn(d time.Duration) int {
	n := 0
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := range 10000 {
			n += i * i
		}
	}
	return n
}

// TestFanoutLayers checks that the labels part b's text looks layers up by find the
// intended rows.
func TestFanoutLayers(t *testing.T) {
	for label, fn := range map[string]string{
		"gqlgen subscription goroutines": "github.com/99designs/gqlgen/graphql/handler/transport.(*wsConnection).subscribe.func1",
		"group announcers":               "github.com/northstar/northstar/internal/multiplex.(*group).announce",
		"member's connection":            "github.com/northstar/northstar/internal/wsgorilla.(*operation).Notify",
		"encoded responses":              "github.com/northstar/northstar/internal/multiplex.(*Member).Next",
		"envelope and frame":             "github.com/northstar/northstar/internal/wsgorilla.(*frameWriter).text",
		"without waiting":                "github.com/northstar/northstar/internal/wsgorilla.(*frameWriter).tryFlush",
		"had to wait":                    "github.com/northstar/northstar/internal/wsgorilla.(*session).flush",
		"goroutine exits":                "runtime.goexit0",
		"shared executions":              "github.com/northstar/northstar/internal/multiplex.(*group).run",
		"execute the selection set":      "github.com/northstar/northstar/graph.(*executionContext)._Message",
		"`json.Marshal`":                 "encoding/json.Marshal",
		"`wsConnection.write`":           "github.com/99designs/gqlgen/graphql/handler/transport.(*wsConnection).write",
		"`write` syscall":                "syscall.write",
		"go-redis":                       "github.com/redis/go-redis/v9.(*channel).initAllChan.func1",
		"bus fan-out":                    "github.com/northstar/northstar/internal/chatbus.(*link).receive",
		"stub fan-out":                   "github.com/northstar/northstar/server.(*bareFanout).deliver",
		"the floor's fan-out":            "github.com/northstar/northstar/server.(*floorFanout).deliver",
		"chat stream":                    "github.com/northstar/northstar/internal/chat.(*stream).run",
	} {
		if !regexpMust(fanoutLayer(label)).MatchString(fn) {
			t.Errorf("layer %q does not match %s", label, fn)
		}
	}
}

// The decomposition rows: the trusted document against bare gqlgen answering the same
// query, and createProject against its two halves, apart and back to back.
func TestBaselineRows(t *testing.T) {
	lines := "BENCH query server=northstar-trusted conns=32 warmup_s=3 rounds=2 round_s=2 rps=9300 rps_min=9000 rps_max=9600 p50_us=2000 p90_us=4000 p99_us=10000 p999_us=20000 max_us=30000 mean_us=2500 requests=37000 errors=0\n" +
		"BENCH query server=bare-gqlgen-cached conns=32 warmup_s=3 rounds=2 round_s=2 rps=15000 rps_min=14000 rps_max=16000 p50_us=1000 p90_us=2000 p99_us=5000 p999_us=9000 max_us=10000 mean_us=1100 requests=60000 errors=0\n" +
		"BENCH query server=bare-gqlgen-cached-tenant conns=32 warmup_s=3 rounds=2 round_s=2 rps=10000 rps_min=9500 rps_max=10500 p50_us=1500 p90_us=3000 p99_us=8000 p999_us=12000 max_us=15000 mean_us=1600 requests=40000 errors=0\n" +
		"BENCH audited op=firestore-create rounds=3 round_s=2 requests=9000 p50_us=400 p90_us=600 p99_us=1500 max_us=9000 errors=0\n" +
		"BENCH audited op=createProject rounds=3 round_s=2 requests=6000 p50_us=700 p90_us=900 p99_us=3000 max_us=9000 errors=0\n" +
		"BENCH audited op=createProject-service rounds=3 round_s=2 requests=8000 p50_us=450 p90_us=600 p99_us=2000 max_us=9000 errors=0\n" +
		"BENCH audited op=createProject-refused rounds=3 round_s=2 requests=50000 p50_us=50 p90_us=90 p99_us=400 max_us=9000 errors=0\n" +
		"BENCH audited op=service-then-refused rounds=3 round_s=2 requests=6000 p50_us=700 p90_us=900 p99_us=3000 max_us=9000 errors=0\n"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "all.out"), []byte(goTestOutput+lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "BENCHMARKS.md")
	if _, err := run(dir, out, time.Now()); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"| a | requests/s, the same query as a trusted document sent by hash | 9,300/s | ≥ 0.90× baseline | bare gqlgen + LRU query cache: 15,000/s | 0.62× | **MISSED** |",
		"| a | requests/s, the trusted document against bare gqlgen answering the same query | 9,300/s | — | bare gqlgen + LRU query cache, stub resolvers: 10,000/s | 0.93× | — |",
		"| a | requests/s, bare gqlgen answering the same query (stub resolvers, LRU query cache) against the trusted document's baseline | 10,000/s | — | bare gqlgen + LRU query cache, `{ __typename }`: 15,000/s | 0.67× | — |",
		"| f | createProject p50 against its halves timed apart (the service, plus the handler refusing the mutation before any store access) | 700 µs | — | 450 µs + 50 µs = 500 µs | 1.40× | — |",
		"| f | createProject p50 against its halves back to back (the service, then the refused mutation) | 700 µs | — | service then refused: 700 µs | 1.00× | — |",
		"| bare-gqlgen-cached-tenant | 10,000/s (9,500–10,500) |",
		"| createProject-refused | 50000 | 50 µs |",
	} {
		if !strings.Contains(string(text), s) {
			t.Errorf("report lacks %q", s)
		}
	}
}
