//go:build bench

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/bench/loadgen"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/httpapi"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/tenancy"
)

// wsWarmup is how many connections open and close before the "before" sample, so that
// one-time costs (pools, the thread's bus topic, caches) are not counted per connection.
const wsWarmup = 100

// childPrefix starts the lines a server process answers its parent with.
const childPrefix = "BENCHCHILD "

// childFixture is what a server process tells the benchmark: where to connect and what
// to send, and (for BenchmarkLoadFanout) how to publish to the subscribed thread.
type childFixture struct {
	URL       string         `json:"url"`
	Init      map[string]any `json:"init"`
	Subscribe map[string]any `json:"subscribe"`
	// Thread is the subscribed thread; LastSeq its stored last seq, which every
	// subscription (after: 0) replays first.
	Thread  string `json:"thread"`
	LastSeq int    `json:"lastSeq"`
	// Author is the thread's member, the author of published messages (Northstar).
	Author string `json:"author,omitempty"`
	// Redis is the chat bus's Redis address and Metrics the server's /metrics URL; both
	// empty for bare gqlgen, whose child publishes itself and counts its own drops.
	Redis   string `json:"redis,omitempty"`
	Metrics string `json:"metrics,omitempty"`
}

// memSample is a server process's memory once forced collections have let goroutine
// stacks shrink and freed memory has been returned to the OS (RawRSS is taken before).
type memSample struct {
	RawRSS     uint64 `json:"rawRSS"`
	RSS        uint64 `json:"rss"`
	HeapAlloc  uint64 `json:"heapAlloc"`
	HeapInuse  uint64 `json:"heapInuse"`
	StackInuse uint64 `json:"stackInuse"`
	Sys        uint64 `json:"sys"`
	Goroutines int    `json:"goroutines"`
}

// BenchmarkLoadIdleWebsockets measures the server memory of -bench.wsconns idle
// websocket connections, each authenticated (connection_init with a token, tenant and
// project) and holding one live messagePosted subscription on one thread. The server
// runs in a child process (this test binary running TestBenchChildServer) so that the
// clients' memory is not counted: RSS per connection = (RSS after − RSS before) / N,
// both sampled after forced collections. The same is measured for bare gqlgen (the
// generated schema with a stub subscription resolver, gqlgen's default websocket
// implementation, the same keepalive). Every subscriber first receives the thread's one
// stored message (after: 0), which proves its subscription is live before the "after"
// sample; afterwards one more message is posted and must reach all N.
func BenchmarkLoadIdleWebsockets(b *testing.B) {
	n := *benchWSConns
	ensureFiles(b, uint64(n)+wsWarmup+1000)
	for _, kind := range []string{"northstar", "bare-gqlgen"} {
		measureIdleWebsockets(b, kind, n)
	}
	b.ReportMetric(0, "ns/op")
}

func measureIdleWebsockets(b *testing.B, kind string, n int) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	c := startChild(b, kind, n)
	defer c.stop(b)
	var fx childFixture
	c.call(b, "fixture", &fx)
	opts := loadgen.SubscriberOptions{URL: fx.URL, Count: wsWarmup, Parallel: 32, InitPayload: fx.Init, Subscribe: fx.Subscribe}

	var idle memSample
	c.call(b, "measure", &idle)
	warm, err := loadgen.DialSubscribers(ctx, opts)
	if err != nil {
		b.Fatalf("%s: warm-up: %v", kind, err)
	}
	if err := warm.WaitNexts(ctx, wsWarmup); err != nil {
		b.Fatalf("%s: warm-up: %v", kind, err)
	}
	warm.Close()
	before := c.settle(b, idle.Goroutines)

	start := time.Now()
	opts.Count = n
	subs, err := loadgen.DialSubscribers(ctx, opts)
	if err != nil {
		b.Fatalf("%s: %v", kind, err)
	}
	defer subs.Close()
	if err := subs.WaitNexts(ctx, uint64(n)); err != nil {
		b.Fatalf("%s: %v", kind, err)
	}
	setup := time.Since(start)
	var after memSample
	c.call(b, "measure", &after)
	if path := profilePath(b, "wsidle-"+kind); path != "" {
		c.call(b, "profile "+path, nil)
		emitBench("profile", "bench", "wsidle", "server", kind, "kind", "heap", "file", path+".heap.pprof")
		emitBench("profile", "bench", "wsidle", "server", kind, "kind", "goroutine", "file", path+".goroutines.txt")
	}

	start = time.Now()
	c.call(b, "post", nil)
	if err := subs.WaitNexts(ctx, uint64(2*n)); err != nil {
		b.Fatalf("%s: a message posted to %d idle subscribers: %v", kind, n, err)
	}
	fanout := time.Since(start)

	perConn := func(after, before uint64) float64 { return (float64(after) - float64(before)) / float64(n) / 1024 }
	emitBench("wsidle", "server", kind, "conns", n, "warmup_conns", wsWarmup,
		"rss_per_conn_kib", perConn(after.RSS, before.RSS),
		"raw_rss_per_conn_kib", perConn(after.RawRSS, before.RawRSS),
		"heap_per_conn_kib", perConn(after.HeapAlloc, before.HeapAlloc),
		"stack_per_conn_kib", perConn(after.StackInuse, before.StackInuse),
		"goroutines_per_conn", float64(after.Goroutines-before.Goroutines)/float64(n),
		"rss_before_mib", float64(before.RSS)/(1<<20), "rss_after_mib", float64(after.RSS)/(1<<20),
		"setup_s", setup.Seconds(), "post_to_all_ms", float64(fanout)/float64(time.Millisecond))
	b.ReportMetric(perConn(after.RSS, before.RSS), kind+"-KiB/conn")
}

// benchChildProc is a server process started by BenchmarkLoadIdleWebsockets.
type benchChildProc struct {
	kind   string
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Scanner
	stderr *lockedBuffer
}

// startChild starts the server process kind for n connections; extra are more flags for
// it.
func startChild(b *testing.B, kind string, n int, extra ...string) *benchChildProc {
	b.Helper()
	args := append([]string{"-test.run=^TestBenchChildServer$", "-test.count=1", "-test.timeout=20m",
		"-bench.child=" + kind, "-bench.wsconns=" + strconv.Itoa(n)}, extra...)
	cmd := exec.Command(os.Args[0], args...)
	c := &benchChildProc{kind: kind, cmd: cmd, stderr: &lockedBuffer{}}
	cmd.Stderr = c.stderr
	var err error
	if c.in, err = cmd.StdinPipe(); err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	c.out = bufio.NewScanner(stdout)
	c.out.Buffer(make([]byte, 64<<10), 1<<20)
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	return c
}

// call sends one command and decodes the answer into v (when not nil).
func (c *benchChildProc) call(b *testing.B, command string, v any) {
	b.Helper()
	if command != "fixture" { // the fixture is announced without being asked
		if _, err := fmt.Fprintln(c.in, command); err != nil {
			b.Fatalf("%s server process: %v\n%s", c.kind, err, c.stderr.tail())
		}
	}
	var seen []string
	for c.out.Scan() {
		line := c.out.Text()
		if answer, ok := strings.CutPrefix(line, childPrefix); ok {
			if v != nil {
				if err := json.Unmarshal([]byte(answer), v); err != nil {
					b.Fatalf("%s server process answered %q: %v", c.kind, answer, err)
				}
			}
			return
		}
		seen = append(seen, line)
	}
	b.Fatalf("%s server process ended before answering %q:\n%s\n%s", c.kind, command, strings.Join(seen, "\n"), c.stderr.tail())
}

// settle waits (up to 30 s) until the server is back to at most goroutines+10
// goroutines, every warm-up connection gone, and returns a sample taken then.
func (c *benchChildProc) settle(b *testing.B, goroutines int) memSample {
	b.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var s memSample
		c.call(b, "measure", &s)
		if s.Goroutines <= goroutines+10 {
			return s
		}
		if time.Now().After(deadline) {
			b.Fatalf("%s: %d goroutines 30 s after the warm-up connections closed, %d before", c.kind, s.Goroutines, goroutines)
		}
		time.Sleep(100 * time.Millisecond) // the server's own readers notice the closes
	}
}

func (c *benchChildProc) stop(b *testing.B) {
	b.Helper()
	_, _ = fmt.Fprintln(c.in, "quit")
	c.in.Close()
	done := make(chan error, 1)
	go func() {
		for c.out.Scan() { // drain, so the child never blocks on a full pipe
		}
		done <- c.cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			b.Errorf("%s server process: %v\n%s", c.kind, err, c.stderr.tail())
		}
	case <-time.After(time.Minute):
		_ = c.cmd.Process.Kill()
		b.Errorf("%s server process did not exit within a minute of quit; killed", c.kind)
	}
}

// lockedBuffer collects a child's stderr.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedBuffer) tail() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.buf.String()
	if len(s) > 4000 {
		s = "…" + s[len(s)-4000:]
	}
	return s
}

// TestBenchChildServer is the server process of BenchmarkLoadIdleWebsockets and
// BenchmarkLoadFanout, which run it with -bench.child naming the server (the bench build
// tag keeps it out of make test). It prints the fixture, then answers commands read from
// stdin, one a line: measure, profile PATH, post, cpu, cpuprofile PATH, cpuprofile-stop,
// quit, and the server's own commands (bare gqlgen with -bench.fanoutchild, and the floor:
// publish RATE FIRST, publish-stop, dropped).
func TestBenchChildServer(t *testing.T) {
	if *benchChild == "" {
		t.Fatal("TestBenchChildServer is the server process of BenchmarkLoadIdleWebsockets and BenchmarkLoadFanout: run it through make bench")
	}
	ensureFiles(t, uint64(*benchWSConns)+wsWarmup+1000)
	var (
		fx       childFixture
		post     func()
		commands = map[string]func(arg string) any{} // the server's own commands
	)
	subscribe := map[string]any{
		"query": `subscription($thread: ID!, $after: Int) { messagePosted(threadId: $thread, after: $after) { seq text threadId authorId } }`,
	}
	switch *benchChild {
	case "northstar":
		ts, _ := newChatServer(t, "", withLimits(func(l *httpapi.Limits) {
			// Room for the warm-up connections whose slots are still being released.
			l.TenantSubscriptions = max(l.TenantSubscriptions, *benchWSConns+wsWarmup+100)
		}))
		if *benchChildCluster != "" {
			moveChatBusToCluster(t, ts, *benchChildCluster)
		}
		f := newChatFixture(t, ts)
		lastSeq := ts.postMessage(t, f.h, f.thread, "m1")
		payload := initPayload(f.owner)
		payload["env"], payload["projectId"] = ts.main.cfg.Env, f.project
		subscribe["variables"] = map[string]any{"thread": f.thread, "after": 0}
		fx = childFixture{URL: "ws" + strings.TrimPrefix(ts.URL, "http") + "/query", Init: payload, Subscribe: subscribe,
			Thread: f.thread, LastSeq: lastSeq, Author: f.owner.UserID, Redis: sharedRedis.Addr, Metrics: ts.URL + "/metrics"}
		post = func() { ts.postMessage(t, f.h, f.thread, "m2") }
	case "bare-gqlgen":
		var h http.Handler
		if *benchFanoutChild {
			fan := newBareFanout(t)
			h, post = fan.handler(), func() { t.Fatal("post: the fan-out stub publishes with publish") }
			commands["publish"], commands["publish-stop"], commands["dropped"] = fan.pub.publishCommand, fan.pub.stopCommand, fan.droppedCommand
		} else {
			bare := newBareSubscriptions()
			h, post = bare.handler(), bare.post
		}
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		subscribe["variables"] = map[string]any{"thread": "h_bench", "after": 0}
		fx = childFixture{URL: "ws" + strings.TrimPrefix(srv.URL, "http") + "/query", Init: map[string]any{}, Subscribe: subscribe,
			Thread: "h_bench", LastSeq: 1}
	case "floor":
		fl := newFloorFanout(t)
		srv := httptest.NewServer(fl)
		t.Cleanup(srv.Close)
		commands["publish"], commands["publish-stop"], commands["dropped"] = fl.pub.publishCommand, fl.pub.stopCommand, fl.droppedCommand
		post = func() { t.Fatal("post: the floor publishes with publish") }
		subscribe["variables"] = map[string]any{"thread": "h_bench", "after": 0}
		fx = childFixture{URL: "ws" + strings.TrimPrefix(srv.URL, "http") + "/query", Init: map[string]any{}, Subscribe: subscribe,
			Thread: "h_bench", LastSeq: 1}
	default:
		t.Fatalf("-bench.child=%q: want northstar, bare-gqlgen or floor", *benchChild)
	}
	answer := func(v any) {
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%s%s\n", childPrefix, out)
	}
	answer(fx)
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		command, arg, _ := strings.Cut(in.Text(), " ")
		switch command {
		case "measure":
			answer(sampleMemory(t))
		case "profile":
			writeMemoryProfiles(t, arg)
			answer(struct{}{})
		case "post":
			post()
			answer(struct{}{})
		case "cpu":
			answer(processCPU(t))
		case "cpuprofile":
			startCPUProfile(t, arg)
			answer(struct{}{})
		case "cpuprofile-stop":
			pprof.StopCPUProfile()
			answer(struct{}{})
		case "quit":
			return
		default:
			f, ok := commands[command]
			if !ok {
				t.Fatalf("unknown command %q", command)
			}
			answer(f(arg))
		}
	}
}

func sampleMemory(t *testing.T) memSample {
	t.Helper()
	s := memSample{RawRSS: residentBytes(t)}
	// Collect until goroutine stacks stop shrinking (each cycle halves a stack that uses
	// under a quarter of itself), as they do in a server left idle for a few minutes;
	// sync.Pool's victim cache also needs two cycles. Then return freed memory.
	var ms runtime.MemStats
	for i := 0; i < 10; i++ {
		runtime.GC()
		stack := ms.StackInuse
		runtime.ReadMemStats(&ms)
		if i > 0 && ms.StackInuse == stack {
			break
		}
	}
	debug.FreeOSMemory()
	runtime.ReadMemStats(&ms)
	s.RSS = residentBytes(t)
	s.HeapAlloc, s.HeapInuse, s.StackInuse, s.Sys = ms.HeapAlloc, ms.HeapInuse, ms.StackInuse, ms.Sys
	s.Goroutines = runtime.NumGoroutine()
	return s
}

// residentBytes returns this process's resident set size (VmRSS).
func residentBytes(t *testing.T) uint64 {
	t.Helper()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS in /proc/self/status")
	return 0
}

// writeMemoryProfiles writes PATH.heap.pprof (after a collection) and
// PATH.goroutines.txt (goroutines grouped by stack).
func writeMemoryProfiles(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	for suffix, p := range map[string]struct {
		name  string
		debug int
	}{".heap.pprof": {"heap", 0}, ".goroutines.txt": {"goroutine", 1}} {
		f, err := os.Create(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := pprof.Lookup(p.name).WriteTo(f, p.debug); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// startCPUProfile starts profiling this process into path (cpuprofile-stop ends it).
func startCPUProfile(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() }) // StopCPUProfile has flushed it by then
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
}

// bareSubscriptions is gqlgen's websocket transport over the generated schema with a
// stub messagePosted: it sends seq 1 at once and seq 2 when post is called. The member
// directive passes through; nothing else is added.
type bareSubscriptions struct {
	mu   sync.Mutex
	subs []chan *chat.Message
}

func newBareSubscriptions() *bareSubscriptions { return &bareSubscriptions{} }

func (s *bareSubscriptions) handler() http.Handler { return bareSubscriptionHandler(bareResolvers{s}) }

// bareSubscriptionHandler serves r over gqlgen's default websocket transport with
// Northstar's keepalive; the member directive passes through.
func bareSubscriptionHandler(r graph.ResolverRoot) http.Handler {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{
		Resolvers: r,
		Directives: graph.DirectiveRoot{Member: func(ctx context.Context, _ any, next graphql.Resolver, _ tenancy.Role, _ []string) (any, error) {
			return next(ctx)
		}},
	}))
	srv.AddTransport(transport.Websocket{KeepAlivePingInterval: httpapi.WebsocketKeepAlive, PingPongInterval: httpapi.WebsocketKeepAlive})
	return srv
}

func (s *bareSubscriptions) post() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ch := range s.subs {
		select {
		case ch <- &chat.Message{ID: "m_2", ThreadID: "h_bench", Seq: 2, Text: "m2", AuthorID: "u_bench", CreatedAt: time.Now()}:
		default:
		}
	}
}

type bareResolvers struct{ s *bareSubscriptions }

func (bareResolvers) Invitation() graph.InvitationResolver       { return nil }
func (bareResolvers) Membership() graph.MembershipResolver       { return nil }
func (bareResolvers) Mutation() graph.MutationResolver           { return nil }
func (bareResolvers) Query() graph.QueryResolver                 { return nil }
func (bareResolvers) Route() graph.RouteResolver                 { return nil }
func (bareResolvers) Tenant() graph.TenantResolver               { return nil }
func (bareResolvers) Thread() graph.ThreadResolver               { return nil }
func (r bareResolvers) Subscription() graph.SubscriptionResolver { return r }
func (bareResolvers) RouteChanged(context.Context, *string) (<-chan *routing.Route, error) {
	return nil, nil
}

func (r bareResolvers) MessagePosted(_ context.Context, threadID string, _ *int) (<-chan *chat.Message, error) {
	ch := make(chan *chat.Message, 1)
	ch <- &chat.Message{ID: "m_1", ThreadID: threadID, Seq: 1, Text: "m1", AuthorID: "u_bench", CreatedAt: time.Now()}
	r.s.mu.Lock()
	r.s.subs = append(r.s.subs, ch)
	r.s.mu.Unlock()
	return ch, nil
}

var _ graph.ResolverRoot = bareResolvers{}
