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
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/bench/loadgen"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/firestore"
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
// The emulator's JVM speeds up for tens of seconds under load (measured here: plain creates
// ran 1.9× faster a minute later), so each kind of write first runs unmeasured for a share
// of -bench.postprewarm; then -bench.postrounds rounds run the three in rotating order, so
// that drift and bursts of other load hit them alike. Each run writes for
// -bench.postwarmup, then a window of -bench.postwindow gives writes/s and latency (of the
// writes answered in it); the figures are over all rounds. Every non-200 answer, GraphQL
// error or transport error counts as an error, in the warm-ups too. A websocket
// subscriber of the busy thread (messagePosted, after: 0, on the second replica; resuming
// with after when the server completes it, as the chat contract asks of clients) checks
// delivery: at the end it must have received every seq a writer was answered with, none
// twice, in strictly increasing order (seqs of failed posts are legitimately absent). With
// -bench.out each posting run of the last round goes on for -bench.postprofile under the
// CPU profiler.
func BenchmarkLoadPosting(b *testing.B) {
	if *benchPostWriters <= 0 || *benchPostThreads <= 0 || *benchPostWindow <= 0 || *benchPostRounds <= 0 {
		b.Fatalf("-bench.postwriters=%d -bench.postthreads=%d -bench.postwindow=%v -bench.postrounds=%d: want positive values",
			*benchPostWriters, *benchPostThreads, *benchPostWindow, *benchPostRounds)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	fx := newPostingFixture(b, *benchPostThreads)
	sub := subscribeResuming(ctx, b, fx.wsURL(1), fx.init, fx.busy)
	defer sub.close()
	dropped0 := fx.droppedSubscribers(b)

	runs := []*writeRun{
		{run: "ceiling", write: ceilingWrites(ctx, b)},
		{run: "busy", servers: len(fx.servers), threads: 1, write: fx.posts(b, []string{fx.busy})},
		{run: "spread", servers: len(fx.servers), threads: len(fx.threads), write: fx.posts(b, fx.threads)},
	}
	// The emulator's JVM keeps getting faster for tens of seconds of load: warm it up with
	// every kind of write before anything counts.
	for _, r := range runs {
		warm := &writeRun{run: r.run + " (pre-warm)", write: r.write}
		runWriters(ctx, b, warm, *benchPostPrewarm/time.Duration(len(runs)), "")
		// Its errors count, and the busy thread's subscriber receives its posts too.
		r.errors, r.firstError, r.answers = warm.errors, warm.firstError, warm.answers
	}
	for round := range *benchPostRounds {
		for i := range runs {
			r := runs[(i+round)%len(runs)]
			profile := ""
			if round == *benchPostRounds-1 && r.servers > 0 {
				profile = profilePath(b, "posting-"+r.run+".cpu.pprof")
			}
			waitQuiet(b)
			runWriters(ctx, b, r, *benchPostWindow, profile)
		}
	}
	for _, r := range runs {
		r.emit()
		b.ReportMetric(r.perS(), r.run+"-writes/s")
	}
	sub.report(ctx, b, runs[1].answers, fx.droppedSubscribers(b)-dropped0)
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
		putRoute(b, a, r)
	}
	replica := startBenchServer(b, replicaOf(a))
	fx := &postingFixture{servers: []*testServer{a, replica}}
	for _, ts := range fx.servers {
		waitForWithin(b, 10*time.Second, func() bool { _, ok := ts.main.registry.Get(ts.main.chatBusKey()); return ok },
			func() string { return "no chat_bus route" })
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

// droppedSubscribers sums the replicas' count of subscribers the bus dropped for
// falling behind.
func (fx *postingFixture) droppedSubscribers(b *testing.B) uint64 {
	b.Helper()
	var n uint64
	for _, ts := range fx.servers {
		v, err := scrapeCounter(ts.URL+"/metrics", "northstar_chatbus_dropped_subscribers_total")
		if err != nil {
			b.Fatal(err)
		}
		n += v
	}
	return n
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

// writeRun is one kind of write load and what its rounds measured together.
type writeRun struct {
	run              string
	servers, threads int // 0 for the ceiling
	write            writeFunc

	window               time.Duration // all rounds' windows
	inWindow             uint64        // writes answered in the windows
	rounds               []float64     // writes/s of each round
	errors, windowErrors uint64        // in the whole runs (warm-up and profile included), in the windows
	firstError           string
	latency              *loadgen.Histogram // of the writes answered in the windows
	answers              []answer           // every seq answered, whole runs
	processCPU           time.Duration      // in the windows: this process (servers, writers, subscriber)
	helperCPU            time.Duration      // its children: the Firestore emulator, Redis
	otherCPU             time.Duration      // processes outside the benchmark, and steal
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
	answers        []answer
}

// runWriters runs -bench.postwriters writers of r.write for -bench.postwarmup, a window
// and (with profile set) -bench.postprofile under the CPU profiler, and adds what they
// saw to r.
func runWriters(ctx context.Context, b *testing.B, r *writeRun, window time.Duration, profile string) {
	b.Helper()
	n := *benchPostWriters
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
		do := r.write(i)
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
					w.answers = append(w.answers, answer{seq: seq, at: end.UnixNano()})
				}
				if in {
					w.inWindow++
					w.hist.Record(end.Sub(start))
				}
			}
		}()
	}
	wait(ctx, *benchPostWarmup)
	machine0, self0 := readCPU(b), processCPU(b).Micros
	t0 := time.Now()
	from.Store(t0.UnixNano())
	wait(ctx, window)
	t1 := time.Now()
	until.Store(t1.UnixNano())
	machine1, self1 := readCPU(b), processCPU(b).Micros
	d := t1.Sub(t0)
	self := time.Duration(self1-self0) * time.Microsecond
	tree := time.Duration(float64(machine1.self-machine0.self) / clockTicks * float64(time.Second))
	r.window += d
	r.processCPU += self
	r.helperCPU += max(0, tree-self)
	r.otherCPU += time.Duration(machine0.othersSince(b) * float64(d))
	if profile != "" {
		r.profiled, r.profileSeconds = profileWrites(b, profile, &answered)
		r.profileFile = profile
	}
	stop.Store(true)
	wg.Wait()
	if r.latency == nil {
		r.latency = loadgen.NewHistogram()
	}
	var inWindow, errs uint64
	for _, w := range ws {
		inWindow += w.inWindow
		errs += w.errs
		r.windowErrors += w.windowErrs
		r.latency.Merge(w.hist)
		r.answers = append(r.answers, w.answers...)
		if r.firstError == "" {
			r.firstError = w.firstErr
		}
	}
	r.inWindow += inWindow
	r.errors += errs
	r.rounds = append(r.rounds, float64(inWindow)/d.Seconds())
	if errs > 0 {
		b.Logf("posting %s: %d errors; first: %s", r.run, errs, r.firstError)
	}
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

func (r *writeRun) perS() float64 { return float64(r.inWindow) / r.window.Seconds() }

// emit prints r's BENCH line (and its profile's).
func (r *writeRun) emit() {
	h := r.latency
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	cores := func(d time.Duration) float64 { return d.Seconds() / r.window.Seconds() }
	emitBench("posting", "run", r.run, "writers", *benchPostWriters, "servers", r.servers, "threads", r.threads,
		"prewarm_s", benchPostPrewarm.Seconds(), "warmup_s", benchPostWarmup.Seconds(), "rounds", len(r.rounds),
		"window_s", r.window.Seconds(), "writes_per_s", r.perS(), "writes_per_s_rounds", r.rounds,
		"p50_ms", ms(h.Quantile(0.5)), "p90_ms", ms(h.Quantile(0.9)), "p99_ms", ms(h.Quantile(0.99)),
		"p999_ms", ms(h.Quantile(0.999)), "max_ms", ms(h.Max()), "mean_ms", ms(h.Mean()), "writes", r.inWindow,
		"errors", r.errors, "window_errors", r.windowErrors, "first_error", r.firstError,
		"process_cpu_cores", cores(r.processCPU), "helper_cpu_cores", cores(r.helperCPU), "other_cpu_cores", cores(r.otherCPU),
		"cores", runtime.NumCPU())
	if r.profileFile != "" {
		emitBench("profile", "bench", "posting", "run", r.run, "kind", "cpu", "file", r.profileFile,
			"writes", r.profiled, "seconds", r.profileSeconds)
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
