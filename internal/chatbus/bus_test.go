package chatbus

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/routing"
)

var redisAddr string

func TestMain(m *testing.M) {
	r, err := devinfra.StartRedis(context.Background(), devinfra.RedisOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	redisAddr = r.Addr
	code := m.Run()
	_ = r.Stop()
	os.Exit(code)
}

type counters struct{ delivered, dropped atomic.Int64 }

func (c *counters) Delivered(n int) { c.delivered.Add(int64(n)) }
func (c *counters) Dropped()        { c.dropped.Add(1) }

func newBus(t *testing.T, buffer int) (*Bus, *counters, redis.UniversalClient) {
	t.Helper()
	client, err := Dial(context.Background(), &routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: "dev",
		BackendType: "redis", Config: map[string]string{"address": redisAddr}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &counters{}
	b := NewBus(client, Options{Prefix: fmt.Sprintf("test%d:", time.Now().UnixNano()), Buffer: buffer, Counters: c})
	t.Cleanup(func() { _ = b.Close(); _ = client.Close() })
	return b, c, client
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
	b, c, client := newBus(t, 16)
	ctx := context.Background()
	subs := make([]<-chan *chat.Event, 5)
	for i := range subs {
		subs[i] = b.Subscribe(ctx, "topic").Events()
	}
	if b.Topics() != 1 {
		t.Fatalf("topics = %d, want 1 Redis channel for 5 subscribers", b.Topics())
	}
	// One Redis subscription per process: the server sees the heartbeat and one topic.
	n, err := client.PubSubNumSub(ctx, b.prefix+"topic").Result()
	if err != nil || n[b.prefix+"topic"] != 1 {
		t.Fatalf("Redis sees %v subscribers (err %v), want 1", n, err)
	}
	waitResync(t, subs)
	if err := b.Publish(ctx, "topic", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	for _, ch := range subs {
		if p, ok := next(t, ch); !ok || string(p) != "hello" {
			t.Fatalf("got %q, %v", p, ok)
		}
	}
	if c.delivered.Load() != 5 {
		t.Fatalf("delivered = %d", c.delivered.Load())
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
	b, c, _ := newBus(t, 4)
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
	b, _, client := newBus(t, 4)
	ctx, cancel := context.WithCancel(context.Background())
	s := b.Subscribe(ctx, "topic")
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
	n, err := client.PubSubNumSub(context.Background(), b.prefix+"topic").Result()
	if err != nil || n[b.prefix+"topic"] != 0 {
		t.Fatalf("Redis still has %v subscribers", n)
	}
}
