//go:build bench

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/firestore"
	"github.com/northstar/northstar/internal/loadgen"
	"github.com/northstar/northstar/internal/routing"
)

// BenchmarkLoadPosting measures the chat write path with -bench.postwriters concurrent
// writers, each sending its next write as soon as the previous one is answered:
//
//   - ceiling: plain Firestore document creates (chat.Message documents with random ids
//     in one collection of a fresh project) through the Go Firestore client, against the
//     same emulator: what the storage under Northstar sustains on this machine;
//   - busy: postMessage through the real HTTP handler of two Northstar replicas (same
//     Firestore project, same Redis, same signing key; writers alternate between them,
//     each on its keep-alive connection), all to ONE thread;
//   - spread: the same over -bench.postthreads threads.
//
// Each run writes for -bench.postwarmup, then a window of -bench.postwindow gives
// writes/s and latency (of the writes answered in it); every non-200 answer, GraphQL error
// or transport error counts as an error, in the warm-up too. A websocket subscriber of the
// busy thread (messagePosted, after: 0, on the second replica) checks delivery: after the
// busy run it must have received every seq a writer was answered with, none twice, in
// strictly increasing order (seqs of failed posts are legitimately absent). With
// -bench.out the busy run goes on for -bench.postprofile under the CPU profiler.
func BenchmarkLoadPosting(b *testing.B) {
	if *benchPostWriters <= 0 || *benchPostThreads <= 0 || *benchPostWindow <= 0 {
		b.Fatalf("-bench.postwriters=%d -bench.postthreads=%d -bench.postwindow=%v: want positive values", *benchPostWriters, *benchPostThreads, *benchPostWindow)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	fx := newPostingFixture(b, *benchPostThreads)
	check := newDeliveryCheck()
	subs, err := loadgen.DialSubscribers(ctx, loadgen.SubscriberOptions{URL: fx.wsURL(1), Count: 1,
		InitPayload: fx.init, Subscribe: fx.subscription(fx.busy), OnNext: check.onNext})
	if err != nil {
		b.Fatalf("subscribing to the busy thread: %v", err)
	}
	defer subs.Close()

	waitQuiet(b)
	ceiling := runWriters(ctx, b, "ceiling", *benchPostWriters, ceilingWrites(ctx, b), "")
	ceiling.emit(0, 0)
	waitQuiet(b)
	busy := runWriters(ctx, b, "busy", *benchPostWriters, fx.posts(b, []string{fx.busy}), profilePath(b, "posting-busy.cpu.pprof"))
	busy.emit(len(fx.servers), 1)
	check.report(ctx, b, subs, busy.seqs)
	waitQuiet(b)
	spread := runWriters(ctx, b, "spread", *benchPostWriters, fx.posts(b, fx.threads), "")
	spread.emit(len(fx.servers), len(fx.threads))

	b.ReportMetric(ceiling.perS(), "ceiling-creates/s")
	b.ReportMetric(busy.perS(), "busy-posts/s")
	b.ReportMetric(spread.perS(), "spread-posts/s")
	b.ReportMetric(0, "ns/op")
}

// postingFixture is two Northstar replicas with a chat bus on the shared Redis, a member
// with a project, the busy thread and the spread run's threads.
type postingFixture struct {
	servers []*testServer
	header  http.Header // a member's headers for postMessage
	init    map[string]any
	busy    string
	threads []string
}

func newPostingFixture(b *testing.B, threads int) *postingFixture {
	b.Helper()
	a := startBenchServer(b)
	acct := benchAccount(b, a)
	env := a.main.cfg.Env
	for _, r := range []routing.Route{
		{ResourceKind: "realtime_registry", TenantID: "t_system", Env: env, BackendType: "firestore"},
		{ResourceKind: "chat_bus", TenantID: "t_system", Env: env, BackendType: "redis", Config: map[string]string{"address": sharedRedis.Addr}},
	} {
		benchPutRoute(b, a, r)
	}
	replica := startBenchServer(b, replicaOf(a))
	fx := &postingFixture{servers: []*testServer{a, replica}}
	for _, ts := range fx.servers {
		benchWaitFor(b, "the chat_bus route", func() bool { _, ok := ts.main.registry.Get(ts.main.chatBusKey()); return ok })
	}

	var project struct{ CreateProject struct{ ID string } }
	if err := benchGQL(a, acct.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"tenantId": acct.TenantID, "name": "Posting"}}, &project); err != nil {
		b.Fatalf("createProject: %v", err)
	}
	h := chatHeaders(acct, env, project.CreateProject.ID)
	fx.header = http.Header{"Content-Type": {"application/json"}}
	for k, v := range h {
		fx.header.Set(k, v)
	}
	fx.init = initPayload(acct)
	fx.init["env"], fx.init["projectId"] = env, project.CreateProject.ID

	// The threads, a few at a time.
	ids := make([]string, threads+1)
	errs := make([]error, len(ids))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(ids); i = int(next.Add(1) - 1) {
				var out struct{ CreateThread struct{ ID string } }
				errs[i] = benchGQL(a, h, `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
					map[string]any{"i": map[string]any{"projectId": project.CreateProject.ID, "title": fmt.Sprintf("Thread %d", i)}}, &out)
				ids[i] = out.CreateThread.ID
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		b.Fatalf("createThread: %v", err)
	}
	fx.busy, fx.threads = ids[0], ids[1:]
	return fx
}

func (fx *postingFixture) wsURL(server int) string {
	return "ws" + fx.servers[server].URL[len("http"):] + "/query"
}

// subscription is the subscribe payload for thread's messages from the start.
func (fx *postingFixture) subscription(thread string) map[string]any {
	return map[string]any{
		"query":     `subscription($thread: ID!, $after: Int) { messagePosted(threadId: $thread, after: $after) { seq } }`,
		"variables": map[string]any{"thread": thread, "after": 0},
	}
}

// postText is every post's text, and the ceiling documents'.
const postText = "a message of a busy conversation, about as long as a chat line"

// posts returns a write that sends postMessage with writer w's own keep-alive client to
// server w mod 2, writer w's n-th post going to threads[(w+n) mod len(threads)], and
// answers the seq.
func (fx *postingFixture) posts(b *testing.B, threads []string) writeFunc {
	bodies := make([][]byte, len(threads))
	for i, t := range threads {
		bodies[i], _ = json.Marshal(map[string]any{
			"query":     `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`,
			"variables": map[string]any{"i": map[string]any{"threadId": t, "text": postText}},
		})
	}
	return func(w int) func(ctx context.Context, n int) (int, error) {
		url := fx.servers[w%len(fx.servers)].URL + "/query"
		transport := &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}
		b.Cleanup(transport.CloseIdleConnections)
		client := &http.Client{Transport: transport}
		return func(ctx context.Context, n int) (int, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(bodies[(w+n)%len(bodies)]))
			if err != nil {
				return 0, err
			}
			req.Header = fx.header.Clone()
			res, err := client.Do(req)
			if err != nil {
				return 0, err
			}
			raw, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil {
				return 0, err
			}
			var out struct {
				Data struct {
					PostMessage *struct{ Seq int }
				}
				Errors []gqlError
			}
			if err := json.Unmarshal(raw, &out); err != nil || res.StatusCode != http.StatusOK || len(out.Errors) > 0 || out.Data.PostMessage == nil {
				return 0, fmt.Errorf("HTTP %d: %.200s", res.StatusCode, raw)
			}
			return out.Data.PostMessage.Seq, nil
		}
	}
}

// ceilingWrites returns a write that creates a chat.Message document with a random id in
// one collection of a fresh Firestore project.
func ceilingWrites(ctx context.Context, b *testing.B) writeFunc {
	b.Helper()
	client, err := firestore.Connect(ctx, firestore.Options{ProjectID: "bench-creates-" + randomHex(6), EmulatorHost: emulatorHost})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { client.Close() })
	messages := client.Collection("messages")
	return func(w int) func(ctx context.Context, n int) (int, error) {
		return func(ctx context.Context, n int) (int, error) {
			m := chat.Message{ID: fmt.Sprintf("m_ceiling%d_%d", w, n), ThreadID: "h_ceiling", Seq: n + 1, Text: postText,
				AuthorID: "u_bench", CreatedAt: time.Now().UTC()}
			_, err := messages.NewDoc().Create(ctx, m)
			return 0, err
		}
	}
}

// writeFunc makes writer w's write: it performs the writer's n-th write and returns the
// seq it was answered with (0 when there is none).
type writeFunc func(w int) func(ctx context.Context, n int) (seq int, err error)

// writeTimeout bounds one write; a write that takes longer counts as an error.
const writeTimeout = 30 * time.Second

// writeRun is what one run of runWriters measured.
type writeRun struct {
	run                  string
	writers              int
	window               time.Duration
	inWindow             uint64 // writes answered in the window
	errors, windowErrors uint64 // in the whole run (warm-up and profile included), in the window
	firstError           string
	latency              *loadgen.Histogram // of the writes answered in the window
	seqs                 []int              // every seq answered, whole run
	processCores         float64            // this process: the servers, writers and subscriber
	helperCores          float64            // its children: the Firestore emulator, Redis
	otherCores           float64            // processes outside the benchmark, and steal
	profiled             uint64             // writes answered while profiling
	profileSeconds       float64
	profileFile          string
}

// writer is one writer's tally; only its goroutine writes it until the run ends.
type writer struct {
	hist           *loadgen.Histogram
	inWindow, errs uint64
	windowErrs     uint64
	firstErr       string
	seqs           []int
}

// runWriters runs n writers of write for -bench.postwarmup, the window and (with
// profile set) -bench.postprofile under the CPU profiler, and returns what they saw.
func runWriters(ctx context.Context, b *testing.B, run string, n int, write writeFunc, profile string) writeRun {
	b.Helper()
	var (
		from, until atomic.Int64 // the window, unix ns
		answered    atomic.Uint64
		stop        atomic.Bool
		wg          sync.WaitGroup
	)
	from.Store(1<<63 - 1)
	until.Store(1<<63 - 1)
	ws := make([]*writer, n)
	for i := range ws {
		w := &writer{hist: loadgen.NewHistogram()}
		ws[i] = w
		do := write(i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; !stop.Load() && ctx.Err() == nil; k++ {
				wctx, cancel := context.WithTimeout(ctx, writeTimeout)
				start := time.Now()
				seq, err := do(wctx, k)
				end := time.Now()
				cancel()
				in := end.UnixNano() >= from.Load() && end.UnixNano() < until.Load()
				if err != nil {
					w.errs++
					if in {
						w.windowErrs++
					}
					if w.firstErr == "" {
						w.firstErr = err.Error()
					}
					continue
				}
				answered.Add(1)
				if seq > 0 {
					w.seqs = append(w.seqs, seq)
				}
				if in {
					w.inWindow++
					w.hist.Record(end.Sub(start))
				}
			}
		}()
	}
	r := writeRun{run: run, writers: n, latency: loadgen.NewHistogram(), profileFile: profile}
	wait(ctx, *benchPostWarmup)
	machine0, self0 := readCPU(b), processCPU(b).Micros
	t0 := time.Now()
	from.Store(t0.UnixNano())
	wait(ctx, *benchPostWindow)
	t1 := time.Now()
	until.Store(t1.UnixNano())
	machine1, self1 := readCPU(b), processCPU(b).Micros
	r.window = t1.Sub(t0)
	r.otherCores = machine0.othersSince(b)
	r.processCores = float64(self1-self0) / float64(r.window.Microseconds())
	tree := float64(machine1.self-machine0.self) / clockTicks / machine1.at.Sub(machine0.at).Seconds()
	r.helperCores = max(0, tree-r.processCores)
	if profile != "" {
		r.profiled, r.profileSeconds = profileWrites(b, profile, &answered)
	}
	stop.Store(true)
	wg.Wait()
	for _, w := range ws {
		r.inWindow += w.inWindow
		r.errors += w.errs
		r.windowErrors += w.windowErrs
		r.latency.Merge(w.hist)
		r.seqs = append(r.seqs, w.seqs...)
		if r.firstError == "" {
			r.firstError = w.firstErr
		}
	}
	if r.errors > 0 {
		b.Logf("posting %s: %d errors; first: %s", run, r.errors, r.firstError)
	}
	return r
}

// profileWrites profiles this process (servers, writers, subscriber) into path for
// -bench.postprofile while the writers go on, and returns the writes answered meanwhile.
func profileWrites(b *testing.B, path string, answered *atomic.Uint64) (uint64, float64) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Fatalf("profiling (is -cpuprofile set too?): %v", err)
	}
	a0, t0 := answered.Load(), time.Now()
	wait(context.Background(), *benchPostProfile)
	pprof.StopCPUProfile()
	return answered.Load() - a0, time.Since(t0).Seconds()
}

func (r writeRun) perS() float64 { return float64(r.inWindow) / r.window.Seconds() }

// emit prints r's BENCH line (and its profile's): servers is 0 for the ceiling.
func (r writeRun) emit(servers, threads int) {
	h := r.latency
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	emitBench("posting", "run", r.run, "writers", r.writers, "servers", servers, "threads", threads,
		"warmup_s", benchPostWarmup.Seconds(), "window_s", r.window.Seconds(), "writes_per_s", r.perS(),
		"p50_ms", ms(h.Quantile(0.5)), "p90_ms", ms(h.Quantile(0.9)), "p99_ms", ms(h.Quantile(0.99)),
		"p999_ms", ms(h.Quantile(0.999)), "max_ms", ms(h.Max()), "mean_ms", ms(h.Mean()), "writes", r.inWindow,
		"errors", r.errors, "window_errors", r.windowErrors, "first_error", r.firstError,
		"process_cpu_cores", r.processCores, "helper_cpu_cores", r.helperCores, "other_cpu_cores", r.otherCores)
	if r.profileFile != "" {
		emitBench("profile", "bench", "posting", "run", r.run, "kind", "cpu", "file", r.profileFile,
			"writes", r.profiled, "seconds", r.profileSeconds)
	}
}

// deliveryCheck follows what the busy thread's subscriber receives; onNext runs on its
// reader goroutine.
type deliveryCheck struct {
	mu         sync.Mutex
	count      map[int]int // deliveries per seq
	last       int         // the highest seq received
	disordered uint64      // first deliveries of a seq below one received before
	malformed  uint64
}

func newDeliveryCheck() *deliveryCheck { return &deliveryCheck{count: map[int]int{}} }

func (d *deliveryCheck) onNext(_ int, payload []byte) {
	seq, _, ok := parseDelivery(payload)
	d.mu.Lock()
	defer d.mu.Unlock()
	if !ok {
		d.malformed++
		return
	}
	s := int(seq)
	d.count[s]++
	if d.count[s] == 1 && s < d.last {
		d.disordered++
	}
	d.last = max(d.last, s)
}

// missing returns how many of answered have not arrived.
func (d *deliveryCheck) missing(answered []int) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, s := range answered {
		if d.count[s] == 0 {
			n++
		}
	}
	return n
}

// report waits (up to the gap timeout plus 10 s) until every answered seq has arrived,
// then prints the delivery line: lost (answered, never received), duplicated (deliveries
// beyond the first), disordered, and extra (received but answered to no writer: a post
// whose answer was an error although its message was stored).
func (d *deliveryCheck) report(ctx context.Context, b *testing.B, subs *loadgen.Subscribers, answered []int) {
	b.Helper()
	start := time.Now()
	deadline := start.Add(chat.DefaultGapTimeout + 10*time.Second)
	for d.missing(answered) > 0 && time.Now().Before(deadline) && subs.Ended() == 0 && ctx.Err() == nil {
		wait(ctx, 10*time.Millisecond)
	}
	waited := time.Since(start)
	lost := d.missing(answered)
	problems, first := subs.Problems()
	d.mu.Lock()
	defer d.mu.Unlock()
	want := make(map[int]bool, len(answered))
	duplicateAnswers := 0
	for _, s := range answered {
		if want[s] {
			duplicateAnswers++ // two posts answered with one seq
		}
		want[s] = true
	}
	var received, duplicated, extra int
	for s, c := range d.count {
		received += c
		duplicated += c - 1
		if !want[s] {
			extra++
		}
	}
	emitBench("delivery", "bench", "posting", "run", "busy", "answered", len(answered), "received", received,
		"lost", lost, "duplicated", duplicated, "disordered", d.disordered, "extra", extra,
		"duplicate_answers", duplicateAnswers, "malformed", d.malformed, "problems", problems, "ended", subs.Ended(),
		"wait_s", waited.Seconds())
	if lost+duplicated+int(d.disordered)+duplicateAnswers > 0 || problems > 0 {
		b.Logf("delivery to the busy thread's subscriber: %d lost, %d duplicated, %d out of order, %d seqs answered twice, %d problems (first: %s)",
			lost, duplicated, d.disordered, duplicateAnswers, problems, first)
	}
}

// benchPutRoute writes a route straight to ts's Firestore project, like putRoute.
func benchPutRoute(tb testing.TB, ts *testServer, r routing.Route) {
	tb.Helper()
	r.Version = 1
	p := r.ProjectID
	if p == "" {
		p = "_"
	}
	id := r.TenantID + ":" + r.Env + ":" + p + ":" + r.ResourceKind
	if _, err := ts.main.client.Collection("routes").Doc(id).Set(context.Background(), r); err != nil {
		tb.Fatal(err)
	}
}

// benchWaitFor polls cond until it holds, failing after 10 s.
func benchWaitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("waited 10 s for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// benchGQL sends one operation to ts and decodes its data into out; an answer with
// errors is an error.
func benchGQL(ts *testServer, h headers, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/query", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range h {
		req.Header.Set(k, v)
	}
	res, err := ts.Client().Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	var r response
	if err := json.Unmarshal(raw, &r); err != nil || len(r.Errors) > 0 {
		return fmt.Errorf("HTTP %d %s", res.StatusCode, raw)
	}
	return json.Unmarshal(r.Data, out)
}
