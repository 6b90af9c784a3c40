package chatbus

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/redisroute"
	"github.com/northstar/northstar/internal/routing"
)

var redisAddr string

func TestMain(m *testing.M) {
	os.Exit(devinfra.WithRedis(func(r *devinfra.Redis) int { redisAddr = r.Addr; return m.Run() }))
}

type counters struct{ delivered, dropped atomic.Int64 }

func (c *counters) Delivered(n int) { c.delivered.Add(int64(n)) }
func (c *counters) Dropped()        { c.dropped.Add(1) }

// testRoute is a mutable chat_bus route for a bus under test.
type testRoute struct {
	mu sync.Mutex
	rt routing.Route
	ok bool
}

func (r *testRoute) get() (routing.Route, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rt, r.ok
}

// set points the route at a Redis of backendType ("redis" or "redis-cluster").
func (r *testRoute) set(backendType, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := "address"
	if backendType == "redis-cluster" {
		key = "addresses"
	}
	r.rt = routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: "dev", BackendType: backendType,
		Config: map[string]string{key: addr}, Version: r.rt.Version + 1, UpdatedAt: time.Now()}
	r.ok = true
}

func dialTest(ctx context.Context, rt routing.Route) (redis.UniversalClient, error) {
	return redisroute.Dial(ctx, &rt, nil)
}

// newBus returns a connected bus on redisAddr, a client of the same Redis for checks, and
// its route.
func newBus(t *testing.T, buffer int) (*Bus, *counters, redis.UniversalClient, *testRoute) {
	t.Helper()
	return newBusOn(t, buffer, "redis", redisAddr)
}

func newBusOn(t *testing.T, buffer int, backendType, addr string) (*Bus, *counters, redis.UniversalClient, *testRoute) {
	t.Helper()
	route := &testRoute{}
	route.set(backendType, addr)
	c := &counters{}
	b := NewBus(Options{Route: route.get, Dial: dialTest, Prefix: fmt.Sprintf("test%d:", time.Now().UnixNano()), Buffer: buffer, Counters: c})
	if err := b.Ensure(context.Background()); err != nil {
		t.Fatal(err)
	}
	rt, _ := route.get()
	client, err := redisroute.Dial(context.Background(), &rt, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close(); _ = client.Close() })
	return b, c, client, route
}

// next returns the next non-resync payload.
func next(t *testing.T, ch <-chan *chat.Event) ([]byte, bool) {
	t.Helper()
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				return nil, false
			}
			if ev.Payload == nil {
				continue
			}
			return ev.Payload, true
		case <-time.After(5 * time.Second):
			t.Fatal("no event")
		}
	}
}

func TestFanOut(t *testing.T) {
	b, c, client, _ := newBus(t, 16)
	ctx := context.Background()
	subs := make([]<-chan *chat.Event, 5)
	for i := range subs {
		subs[i] = b.Subscribe(ctx, "topic").Events()
	}
	if b.Topics() != 1 {
		t.Fatalf("topics = %d, want 1 Redis channel for 5 subscribers", b.Topics())
	}
	waitResync(t, subs)
	// One Redis subscription per process: the server sees one subscriber of the topic.
	n, err := client.PubSubNumSub(ctx, b.Channel("topic")).Result()
	if err != nil || n[b.Channel("topic")] != 1 {
		t.Fatalf("Redis sees %v subscribers (err %v), want 1", n, err)
	}
	if err := b.Publish(ctx, "topic", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	for _, ch := range subs {
		if p, ok := next(t, ch); !ok || string(p) != "hello" {
			t.Fatalf("got %q, %v", p, ok)
		}
	}
	// deliver counts after it has handed the event to every queue, so a subscriber can
	// read it before the count lands.
	for deadline := time.Now().Add(5 * time.Second); c.delivered.Load() != 5; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("delivered = %d, want 5", c.delivered.Load())
		}
	}
}

// waitResync waits for the attach notice a new topic produces (Redis confirmed the
// subscription), then drains it from subscribers that joined before it arrived.
func waitResync(t *testing.T, subs []<-chan *chat.Event) {
	t.Helper()
	select {
	case ev := <-subs[0]:
		if ev.Payload != nil {
			t.Fatalf("expected the attach notice, got %q", ev.Payload)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no attach notice")
	}
	for _, ch := range subs[1:] {
		select {
		case ev := <-ch:
			if ev.Payload != nil {
				t.Fatalf("expected the attach notice, got %q", ev.Payload)
			}
		default:
		}
	}
}

func TestSlowSubscriberDropped(t *testing.T) {
	b, c, _, _ := newBus(t, 4)
	ctx := context.Background()
	slow := b.Subscribe(ctx, "topic").Events()
	fast := b.Subscribe(ctx, "topic").Events()
	waitResync(t, []<-chan *chat.Event{slow, fast})
	for i := 0; i < 10; i++ {
		if err := b.Publish(ctx, "topic", []byte{byte('0' + i)}); err != nil {
			t.Fatal(err)
		}
		if p, ok := next(t, fast); !ok || p[0] != byte('0'+i) {
			t.Fatalf("fast subscriber got %q, %v", p, ok)
		}
	}
	got := 0
	for range slow {
		got++
	}
	if got != 4 || c.dropped.Load() != 1 {
		t.Fatalf("slow subscriber got %d before being dropped (dropped %d), want 4 and 1", got, c.dropped.Load())
	}
}

func TestLastSubscriberUnsubscribes(t *testing.T) {
	b, _, client, _ := newBus(t, 4)
	ctx, cancel := context.WithCancel(context.Background())
	s := b.Subscribe(ctx, "topic")
	waitResync(t, []<-chan *chat.Event{s.Events()})
	cancel()
	for range s.Events() {
	}
	deadline := time.Now().Add(5 * time.Second)
	for b.Topics() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("topic kept after its last subscriber left")
		}
		time.Sleep(5 * time.Millisecond)
	}
	waitUntil(t, "Redis drops the channel", func() bool {
		n, err := client.PubSubNumSub(context.Background(), b.Channel("topic")).Result()
		return err == nil && n[b.Channel("topic")] == 0
	})
}

// waitUntil polls cond until it holds, failing the test after 10 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSequencer(t *testing.T) {
	b, _, client, _ := newBus(t, 4)
	ctx := context.Background()
	if _, ok, err := b.Next(ctx, "h_a"); ok || err != nil {
		t.Fatalf("Next on a thread with no counter: ok %v err %v, want neither", ok, err)
	}
	if err := b.Seed(ctx, "h_new"); err != nil {
		t.Fatal(err)
	}
	if v, ok, err := b.Next(ctx, "h_new"); v != 1 || !ok || err != nil {
		t.Fatalf("Next on a seeded thread = %d %v %v, want 1", v, ok, err)
	}
	if err := b.Seed(ctx, "h_new"); err != nil { // seeding again never lowers it
		t.Fatal(err)
	}
	if v, _, _ := b.Next(ctx, "h_new"); v != 2 {
		t.Fatalf("Next after a second seed = %d, want 2", v)
	}
	if v, err := b.NextAfter(ctx, "h_a", 5); v != 6 || err != nil {
		t.Fatalf("NextAfter(5) = %d, %v", v, err)
	}
	if v, ok, err := b.Next(ctx, "h_a"); v != 7 || !ok || err != nil {
		t.Fatalf("Next = %d %v %v, want 7", v, ok, err)
	}
	if v, err := b.NextAfter(ctx, "h_a", 3); v != 8 || err != nil { // a lower floor never lowers it
		t.Fatalf("NextAfter(3) = %d, %v, want 8", v, err)
	}
	ttl, err := client.PTTL(ctx, b.counterKey("h_a")).Result()
	if err != nil || ttl <= 0 {
		t.Fatalf("counter TTL = %v, %v: idle counters must expire", ttl, err)
	}
	client.Del(ctx, b.counterKey("h_a")) // lost, as in a restart without persistence
	if _, ok, err := b.Next(ctx, "h_a"); ok || err != nil {
		t.Fatalf("Next after the counter was lost: ok %v err %v", ok, err)
	}
}

// TestFollowRoute moves a bus with a live subscriber to another Redis: the subscriber is
// told to re-read the store, then receives what is published on the new Redis, and the
// old one no longer carries the topic.
func TestFollowRoute(t *testing.T) {
	other, err := devinfra.StartRedis(context.Background(), devinfra.RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Stop()
	b, _, oldClient, route := newBus(t, 16)
	ctx := context.Background()
	sub := b.Subscribe(ctx, "topic").Events()
	waitResync(t, []<-chan *chat.Event{sub})

	route.set("redis", other.Addr)
	if err := b.Ensure(ctx); err != nil {
		t.Fatal(err)
	}
	waitResync(t, []<-chan *chat.Event{sub}) // confirmed on the new Redis
	if err := b.Publish(ctx, "topic", []byte("moved")); err != nil {
		t.Fatal(err)
	}
	if p, ok := next(t, sub); !ok || string(p) != "moved" {
		t.Fatalf("got %q, %v", p, ok)
	}
	n, err := oldClient.PubSubNumSub(ctx, b.Channel("topic")).Result()
	if err != nil || n[b.Channel("topic")] != 0 {
		t.Fatalf("the old Redis still has %v subscribers (err %v)", n, err)
	}
	if got := b.Client().(*redis.Client).Options().Addr; got != other.Addr {
		t.Fatalf("bus client on %v, want %s", got, other.Addr)
	}
}

func TestEnsureWithoutRoute(t *testing.T) {
	b := NewBus(Options{Route: func() (routing.Route, bool) { return routing.Route{}, false }, Dial: dialTest})
	defer b.Close()
	if err := b.Ensure(context.Background()); !apperr.Is(err, apperr.RouteMissing) {
		t.Fatalf("err = %v, want ROUTE_MISSING", err)
	}
	if err := b.Publish(context.Background(), "topic", nil); !apperr.Is(err, apperr.RouteMissing) {
		t.Fatalf("publish: err = %v, want ROUTE_MISSING", err)
	}
}
