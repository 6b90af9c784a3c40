//go:build bench

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/bench/loadgen"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/chatbus"
	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/routing"
)

// BenchmarkLoadFanout measures subscription fan-out: for each load of -bench.fansubs, a
// subscriber count with its own rate or -bench.fanrate ("10000@5"), that many websockets
// (graphql-transport-ws, one subscription each, all on ONE thread) receive messages
// published at that rate per second. Each server runs in a child process
// (TestBenchChildServer), the clients in this one:
//
//   - northstar: newChatServer with its Redis chat bus. This process publishes every
//     message straight to Redis (PUBLISH to chatbus.Channel(chatbus.DefaultPrefix,
//     chat.Topic(thread)), ns:{G}chat:<thread>, with the JSON of a chat.Message whose seq
//     follows the stored last seq), as Service.Post does after storing it: the path
//     measured is the fan-out one, Redis → bus → chat stream → gqlgen → websocket, not the
//     write path (BenchmarkLoadPosting measures that).
//   - northstar-cluster (unless -bench.fancluster=false): the same server with its chat_bus
//     route on a local 3-master Redis Cluster that this benchmark starts
//     (devinfra.StartRedisCluster); this process publishes with SPUBLISH through a
//     go-redis ClusterClient, which sends it to the master owning the channel's slot, as
//     the bus does on a cluster.
//   - bare-gqlgen: the generated schema on gqlgen's default websocket transport with the
//     same keepalive, and a stub messagePosted whose child publishes into one Go channel
//     that a goroutine fans out to every subscriber's channel (as deep as the bus's, a full one is
//     dropped, as the bus does): gqlgen's own per-subscriber execution and encoding.
//   - floor, at the profiled load only (-bench.fanprofilesubs at -bench.fanrate): no
//     GraphQL and no bus, each message encoded once and written to every subscriber with
//     one write system call each (floorFanout): the least a delivery costs on this
//     machine, against which Northstar's own layers are measured.
//
// Both are paced by publishPaced at the same rate and read by the same clients. Every
// message carries its publish time (unix ns) as its text; receivers check that each seq
// arrives once and in order. After a warm-up, a window of -bench.fanwindow gives
// deliveries/s (all subscribers together), publish→receive latency (of messages published
// in the window), the server process's CPU time (getrusage) per delivery, and drops:
// missing plus out-of-order or duplicate messages plus the server's count of subscribers
// it dropped (Northstar's northstar_chatbus_dropped_subscribers_total from /metrics). The
// servers alternate per load. With -bench.out, each server is then profiled for
// -bench.fanprofile at -bench.fanprofilesubs subscribers and -bench.fanrate, still under
// load.
func BenchmarkLoadFanout(b *testing.B) {
	loads := fanoutLoads(b)
	largest := 0
	for _, l := range loads {
		largest = max(largest, l.subscribers)
	}
	ensureFiles(b, uint64(largest)+1000)
	specs := []fanoutSpec{
		{name: "northstar", kind: "northstar"},
		{name: "bare-gqlgen", kind: "bare-gqlgen", extra: []string{"-bench.fanoutchild"}},
		{name: "floor", kind: "floor", profiledOnly: true},
	}
	if *benchFanCluster {
		cluster := startBenchCluster(b)
		defer cluster.Stop()
		specs = append(specs, fanoutSpec{name: "northstar-cluster", kind: "northstar", cluster: cluster.Addrs,
			extra: []string{"-bench.childcluster=" + strings.Join(cluster.Addrs, ",")}})
	}
	var servers []*fanoutServer
	for _, spec := range specs {
		s := startFanoutServer(b, spec, largest)
		defer s.stop(b)
		servers = append(servers, s)
	}
	waitQuiet(b)
	for i, l := range loads {
		profiled := l.subscribers == *benchFanProfSubs && l.rate == *benchFanRate
		for j := range servers {
			s := servers[(i+j)%len(servers)]
			if s.profiledOnly && !profiled {
				continue
			}
			profile := ""
			if profiled {
				profile = profilePath(b, fmt.Sprintf("fanout-%s-%d.cpu.pprof", s.name, l.subscribers))
			}
			r := s.measure(b, l, profile)
			if profiled {
				b.ReportMetric(r.deliveriesPerS, s.name+"-deliveries/s")
				b.ReportMetric(r.cpuPerDel, s.name+"-cpu-µs/delivery")
			}
		}
	}
	b.ReportMetric(0, "ns/op")
}

// fanoutLoad is one load of -bench.fansubs.
type fanoutLoad struct {
	subscribers int
	rate        float64 // messages published per second
}

func fanoutLoads(b *testing.B) []fanoutLoad {
	b.Helper()
	var loads []fanoutLoad
	for f := range strings.SplitSeq(*benchFanSubs, ",") {
		count, rate, hasRate := strings.Cut(strings.TrimSpace(f), "@")
		l := fanoutLoad{rate: *benchFanRate}
		var err error
		l.subscribers, err = strconv.Atoi(count)
		if err == nil && hasRate {
			l.rate, err = strconv.ParseFloat(rate, 64)
		}
		if err != nil || l.subscribers <= 0 || l.rate <= 0 {
			b.Fatalf("-bench.fansubs=%q: want loads such as 1000 or 10000@5 (subscribers, and messages per second when not -bench.fanrate)", *benchFanSubs)
		}
		loads = append(loads, l)
	}
	if len(loads) == 0 {
		b.Fatalf("-bench.fansubs=%q: no load", *benchFanSubs)
	}
	return loads
}

// fanoutSpec says which server a fanoutServer runs.
type fanoutSpec struct {
	name    string   // the server in BENCH lines
	kind    string   // the server process's -bench.child
	cluster []string // Northstar's chat bus runs on this Redis Cluster; nil for its own Redis
	extra   []string // more flags for the server process

	profiledOnly bool // measured at the profiled load only
}

// fanoutServer is one server process of BenchmarkLoadFanout and how to publish to it.
type fanoutServer struct {
	name       string
	kind       string
	child      *benchChildProc
	fx         childFixture
	goroutines int                   // the server's goroutines before any connection
	redis      redis.UniversalClient // Northstar: the chat bus's Redis or Redis Cluster
	sharded    bool                  // publish with SPUBLISH (a cluster's sharded pub/sub)

	profiledOnly bool // measured at the profiled load only
}

func startFanoutServer(b *testing.B, spec fanoutSpec, maxSubs int) *fanoutServer {
	b.Helper()
	s := &fanoutServer{name: spec.name, kind: spec.kind, profiledOnly: spec.profiledOnly, child: startChild(b, spec.kind, maxSubs, spec.extra...)}
	s.child.call(b, "fixture", &s.fx)
	var idle memSample
	s.child.call(b, "measure", &idle)
	s.goroutines = idle.Goroutines
	switch {
	case spec.cluster != nil:
		s.redis, s.sharded = redis.NewClusterClient(&redis.ClusterOptions{Addrs: spec.cluster}), true
	case s.fx.Redis != "":
		s.redis = redis.NewClient(&redis.Options{Addr: s.fx.Redis})
	}
	return s
}

// startBenchCluster starts a local 3-master Redis Cluster for BenchmarkLoadFanout.
func startBenchCluster(b *testing.B) *devinfra.RedisCluster {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := devinfra.StartRedisCluster(ctx, devinfra.ClusterOptions{})
	if err != nil {
		b.Fatalf("starting a Redis Cluster: %v", err)
	}
	return c
}

// moveChatBusToCluster points ts's chat_bus route at the Redis Cluster at addrs (the
// server process of northstar-cluster, after newChatServer routed it to its own Redis)
// and waits until the bus runs there.
func moveChatBusToCluster(t *testing.T, ts *testServer, addrs string) {
	t.Helper()
	key := ts.main.chatBusKey()
	putRoute(t, ts, routing.Route{ResourceKind: key.ResourceKind, TenantID: key.TenantID, Env: key.Env, BackendType: "redis-cluster",
		Config: map[string]string{"addresses": addrs}})
	waitFor(t, func() bool {
		rt, ok := ts.main.registry.Get(key)
		if !ok || rt.BackendType != "redis-cluster" || ts.main.bus.Ensure(t.Context()) != nil {
			return false
		}
		_, cluster := ts.main.bus.Client().(*redis.ClusterClient)
		return cluster
	})
}

func (s *fanoutServer) stop(b *testing.B) {
	b.Helper()
	if s.redis != nil {
		s.redis.Close()
	}
	s.child.stop(b)
}

// fanoutResult is what one (server, subscribers) measurement found.
type fanoutResult struct {
	server                    string
	subscribers               int
	rate                      float64
	window                    time.Duration
	deliveries                uint64        // received in the window, all subscribers
	serverCPU, clientCPU      time.Duration // in the window
	idleCores, helperCores    float64       // the server with no connections; emulators and Redis
	otherCores                float64       // processes outside the benchmark, and steal
	latency                   *loadgen.Histogram
	published                 int
	drained                   bool // every subscriber received the last seq
	missing, disordered       uint64
	serverDropped             uint64
	ended, problems           uint64
	firstProblem              string
	deliveriesPerS, cpuPerDel float64
}

// measure runs one window of load l and prints its BENCH line; with profile set it then
// writes a CPU profile of the server there, still under load.
func (s *fanoutServer) measure(b *testing.B, l fanoutLoad, profile string) fanoutResult {
	b.Helper()
	n := l.subscribers
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r := fanoutResult{server: s.name, subscribers: n, rate: l.rate}
	s.child.settle(b, s.goroutines) // the previous count's connections are gone
	idle0, it0 := s.cpuMicros(b), time.Now()
	wait(ctx, 2*time.Second)
	r.idleCores = float64(s.cpuMicros(b)-idle0) / float64(time.Since(it0).Microseconds())

	tr := newFanoutTracker(n)
	subs, err := loadgen.DialSubscribers(ctx, loadgen.SubscriberOptions{URL: s.fx.URL, Count: n, Parallel: 32,
		InitPayload: s.fx.Init, Subscribe: s.fx.Subscribe, OnNext: tr.onNext})
	if err != nil {
		b.Fatalf("fanout %s, %d subscribers: %v", s.name, n, err)
	}
	defer subs.Close()
	if err := subs.WaitNexts(ctx, uint64(n*s.fx.LastSeq)); err != nil { // the replayed history
		b.Fatalf("fanout %s, %d subscribers: replay: %v", s.name, n, err)
	}
	droppedBefore := s.droppedSubscribers(b)

	first := s.fx.LastSeq + 1
	pub := s.startPublishing(b, first, l.rate)
	wait(ctx, *benchFanWarmup)
	s.window(ctx, b, tr, &r)
	if profile != "" {
		s.profile(ctx, b, tr, n, profile)
	}
	last := pub.stop(b)
	r.published = last - first + 1

	// Everything published must arrive; a subscriber that stopped receiving is missing
	// the rest, which a deadline bounds.
	r.drained = tr.waitAll(ctx, subs, last, 10*time.Second)
	r.latency = tr.latency() // of the messages published in the window, all arrived now
	r.problems, r.firstProblem = subs.Problems()
	r.ended = subs.Ended()
	r.missing, r.disordered = tr.missing(last)
	r.serverDropped = s.droppedSubscribers(b) - droppedBefore
	r.emit(b)
	return r
}

// window measures one -bench.fanwindow of deliveries, latency and CPU into r.
func (s *fanoutServer) window(ctx context.Context, b *testing.B, tr *fanoutTracker, r *fanoutResult) {
	b.Helper()
	machine0, client0 := readCPU(b), processCPU(b).Micros
	cpu0, d0, t0 := s.cpuMicros(b), tr.delivered.Load(), time.Now()
	tr.from.Store(t0.UnixNano())
	wait(ctx, *benchFanWindow)
	cpu1, d1, t1 := s.cpuMicros(b), tr.delivered.Load(), time.Now()
	tr.until.Store(t1.UnixNano())
	machine1, client1 := readCPU(b), processCPU(b).Micros
	r.otherCores = machine0.othersSince(b)

	r.window, r.deliveries = t1.Sub(t0), d1-d0
	r.serverCPU, r.clientCPU = time.Duration(cpu1-cpu0)*time.Microsecond, time.Duration(client1-client0)*time.Microsecond
	// The benchmark's process tree minus the server and the clients: the emulators, Redis.
	tree := float64(machine1.self-machine0.self) / clockTicks / machine1.at.Sub(machine0.at).Seconds()
	r.helperCores = max(0, tree-(r.serverCPU+r.clientCPU).Seconds()/r.window.Seconds())
	r.deliveriesPerS = float64(r.deliveries) / r.window.Seconds()
	if r.deliveries > 0 {
		r.cpuPerDel = float64(r.serverCPU.Microseconds()) / float64(r.deliveries)
	}
}

// profile writes a CPU profile of the server to path for -bench.fanprofile.
func (s *fanoutServer) profile(ctx context.Context, b *testing.B, tr *fanoutTracker, n int, path string) {
	b.Helper()
	s.child.call(b, "cpuprofile "+path, nil)
	d0, t0 := tr.delivered.Load(), time.Now()
	wait(ctx, *benchFanProfile)
	s.child.call(b, "cpuprofile-stop", nil)
	d1, t1 := tr.delivered.Load(), time.Now()
	emitBench("profile", "bench", "fanout", "server", s.name, "subscribers", n, "kind", "cpu", "file", path,
		"deliveries", d1-d0, "seconds", t1.Sub(t0).Seconds())
}

// emit prints r's BENCH line; drops are a figure with a target, logged rather than failed.
func (r fanoutResult) emit(b *testing.B) {
	b.Helper()
	h := r.latency
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	cores := func(d time.Duration) float64 { return d.Seconds() / r.window.Seconds() }
	drops := r.missing + r.disordered + r.serverDropped
	emitBench("fanout", "server", r.server, "subscribers", r.subscribers, "rate", r.rate,
		"warmup_s", benchFanWarmup.Seconds(), "window_s", r.window.Seconds(),
		"deliveries_per_s", r.deliveriesPerS, "expected_per_s", r.rate*float64(r.subscribers),
		"p50_ms", ms(h.Quantile(0.5)), "p90_ms", ms(h.Quantile(0.9)), "p99_ms", ms(h.Quantile(0.99)),
		"p999_ms", ms(h.Quantile(0.999)), "max_ms", ms(h.Max()), "latencies", h.Count(),
		"drops", drops, "missing", r.missing, "disordered", r.disordered, "server_dropped", r.serverDropped,
		"ended", r.ended, "problems", r.problems, "published", r.published, "drained", r.drained,
		"cpu_us_per_delivery", r.cpuPerDel, "server_cpu_cores", cores(r.serverCPU), "server_idle_cpu_cores", r.idleCores,
		"client_cpu_cores", cores(r.clientCPU), "helper_cpu_cores", r.helperCores, "other_cpu_cores", r.otherCores)
	if drops > 0 || r.problems > 0 {
		b.Logf("fanout %s, %d subscribers: %d drops (%d missing, %d out of order or twice, %d dropped by the server), %d problems; first: %s",
			r.server, r.subscribers, drops, r.missing, r.disordered, r.serverDropped, r.problems, r.firstProblem)
	}
}

// cpuMicros returns the server process's CPU time (user + system) in µs.
func (s *fanoutServer) cpuMicros(b *testing.B) int64 {
	b.Helper()
	var c processCPUTime
	s.child.call(b, "cpu", &c)
	return c.Micros
}

// droppedSubscribers returns how many subscribers the server has dropped for falling
// behind: Northstar's metric, or the bare stub's own count.
func (s *fanoutServer) droppedSubscribers(b *testing.B) uint64 {
	b.Helper()
	if s.fx.Metrics == "" {
		var d struct{ Dropped uint64 }
		s.child.call(b, "dropped", &d)
		return d.Dropped
	}
	v, err := scrapeCounter(s.fx.Metrics, "northstar_chatbus_dropped_subscribers_total")
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// scrapeCounter reads one unlabelled counter from a Prometheus text endpoint.
func scrapeCounter(url, name string) (uint64, error) {
	res, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return uint64(f), err
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("%s has no %s", url, name)
}

// publishing is a publisher running at a load's rate.
type publishing interface {
	// stop ends publishing and returns the last seq published.
	stop(b *testing.B) int
}

// startPublishing publishes seq first, first+1, … at rate per second until stopped:
// Northstar's from here to Redis (SPUBLISH on a cluster), bare gqlgen's in its process.
func (s *fanoutServer) startPublishing(b *testing.B, first int, rate float64) publishing {
	b.Helper()
	if s.redis == nil {
		s.child.call(b, fmt.Sprintf("publish %v %d", rate, first), nil)
		return childPublishing{s.child}
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &redisPublishing{cancel: cancel, done: make(chan struct{})}
	channel := chatbus.Channel(chatbus.DefaultPrefix, chat.Topic(s.fx.Thread))
	publish := s.redis.Publish
	if s.sharded {
		publish = s.redis.SPublish
	}
	go func() {
		defer close(p.done)
		p.last, p.err = publishPaced(ctx, rate, first, func(seq int) error {
			now := time.Now()
			payload, err := json.Marshal(chat.Message{ID: fmt.Sprintf("m_bench%d", seq), ThreadID: s.fx.Thread, Seq: seq,
				Text: strconv.FormatInt(now.UnixNano(), 10), AuthorID: s.fx.Author, CreatedAt: now})
			if err != nil {
				return err
			}
			return publish(ctx, channel, payload).Err()
		})
	}()
	return p
}

type redisPublishing struct {
	cancel context.CancelFunc
	done   chan struct{}
	last   int
	err    error
}

func (p *redisPublishing) stop(b *testing.B) int {
	b.Helper()
	p.cancel()
	<-p.done
	if p.err != nil {
		b.Fatalf("publishing to Redis: %v", p.err)
	}
	return p.last
}

type childPublishing struct{ c *benchChildProc }

func (p childPublishing) stop(b *testing.B) int {
	b.Helper()
	var out struct{ Last int }
	p.c.call(b, "publish-stop", &out)
	return out.Last
}

// publishPaced calls publish with seq first, first+1, … at rate per second, on a fixed
// schedule (a late publish is followed at once by the next one due), until ctx ends. It
// returns the last seq published.
func publishPaced(ctx context.Context, rate float64, first int, publish func(seq int) error) (int, error) {
	period := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	t := time.NewTimer(0)
	defer t.Stop()
	for seq := first; ; seq++ {
		select {
		case <-ctx.Done():
			return seq - 1, nil
		case <-t.C:
		}
		if err := publish(seq); err != nil {
			if ctx.Err() != nil {
				return seq - 1, nil
			}
			return seq - 1, err
		}
		t.Reset(time.Until(start.Add(time.Duration(seq-first+1) * period)))
	}
}

// fanoutTracker checks what every subscriber receives and times it. onNext runs on each
// connection's reader goroutine; subscriber i's state is written only by its reader.
type fanoutTracker struct {
	subs      []subscriberState
	delivered atomic.Uint64 // messages received in order, all subscribers
	// from and until bound the publish times (unix ns) whose latencies are recorded.
	from, until atomic.Int64
	shards      [32]latencyShard
}

type subscriberState struct {
	last       atomic.Int64 // the last seq received in order
	missing    atomic.Uint64
	disordered atomic.Uint64 // seqs received twice or after a later one
	_          [40]byte      // one cache line each
}

type latencyShard struct {
	mu sync.Mutex
	h  loadgen.Histogram
}

func newFanoutTracker(n int) *fanoutTracker {
	t := &fanoutTracker{subs: make([]subscriberState, n)}
	t.until.Store(1<<63 - 1)
	t.from.Store(1<<63 - 1)
	return t
}

func (t *fanoutTracker) onNext(i int, payload []byte) {
	received := time.Now().UnixNano()
	seq, sent, ok := parseDelivery(payload)
	if !ok {
		seq = -1 // counted as disordered below
	}
	st := &t.subs[i]
	last := st.last.Load()
	switch {
	case seq == last+1:
	case seq > last+1:
		st.missing.Add(uint64(seq - last - 1))
	default:
		st.disordered.Add(1)
		return
	}
	st.last.Store(seq)
	t.delivered.Add(1)
	if sent >= t.from.Load() && sent < t.until.Load() {
		sh := &t.shards[i%len(t.shards)]
		sh.mu.Lock()
		sh.h.Record(time.Duration(received - sent))
		sh.mu.Unlock()
	}
}

// parseDelivery reads seq and the publish time (the text; 0 when it is not a number) from
// {"data":{"messagePosted":{"seq":2,"text":"1700000000000000000",…}}}.
func parseDelivery(payload []byte) (seq, sent int64, ok bool) {
	number := func(key string) (int64, bool) {
		i := bytes.Index(payload, []byte(key))
		if i < 0 {
			return 0, false
		}
		var v int64
		digits := 0
		for _, c := range payload[i+len(key):] {
			if c < '0' || c > '9' {
				break
			}
			v = v*10 + int64(c-'0')
			digits++
		}
		return v, digits > 0
	}
	seq, ok = number(`"seq":`)
	sent, _ = number(`"text":"`)
	return seq, sent, ok
}

// waitAll waits until every subscriber has received seq last, every connection has
// ended, or d has passed; it reports whether all arrived.
func (t *fanoutTracker) waitAll(ctx context.Context, subs *loadgen.Subscribers, last int, d time.Duration) bool {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		all := true
		for i := range t.subs {
			if t.subs[i].last.Load() < int64(last) {
				all = false
				break
			}
		}
		if all {
			return true
		}
		if subs.Ended() >= uint64(len(t.subs)) {
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-tick.C:
		}
	}
}

// missing returns the seqs up to last that subscribers never received, and those
// received twice or out of order.
func (t *fanoutTracker) missing(last int) (missing, disordered uint64) {
	for i := range t.subs {
		st := &t.subs[i]
		missing += st.missing.Load()
		if l := st.last.Load(); l < int64(last) {
			missing += uint64(int64(last) - l)
		}
		disordered += st.disordered.Load()
	}
	return missing, disordered
}

// latency merges the shards' histograms.
func (t *fanoutTracker) latency() *loadgen.Histogram {
	h := loadgen.NewHistogram()
	for i := range t.shards {
		sh := &t.shards[i]
		sh.mu.Lock()
		h.Merge(&sh.h)
		sh.mu.Unlock()
	}
	return h
}
