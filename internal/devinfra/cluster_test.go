package devinfra

import (
	"bytes"
	"errors"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// receiveWait bounds every wait for a pub/sub delivery.
const receiveWait = 10 * time.Second

func TestRedisCluster(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	var log bytes.Buffer // Read only after Stop, once no process writes to it.
	began := time.Now()
	c, err := StartRedisCluster(ctx, ClusterOptions{Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Stop() })
	t.Logf("StartRedisCluster took %v", time.Since(began))
	if len(c.Addrs) != minMasters {
		t.Fatalf("Addrs = %v, want %d masters", c.Addrs, minMasters)
	}
	for _, addr := range c.Addrs {
		if port := portOf(addr); !strings.HasPrefix(addr, "127.0.0.1:") || port+clusterBusOffset > 65535 {
			t.Errorf("Addr %q: want 127.0.0.1:PORT with PORT < 55536", addr)
		}
	}
	client := redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs})
	t.Cleanup(func() { client.Close() })

	t.Run("KeysOnEveryNode", func(t *testing.T) {
		for _, addr := range c.Addrs {
			key := keyOn(t, client, addr)
			if err := client.Set(ctx, key, addr, 0).Err(); err != nil {
				t.Fatalf("SET %s (slot on %s): %v", key, addr, err)
			}
			if got, err := client.Get(ctx, key).Result(); err != nil || got != addr {
				t.Errorf("GET %s = %q, %v; want %q", key, got, err, addr)
			}
		}
	})

	t.Run("ShardedPubSub", func(t *testing.T) {
		ps := client.SSubscribe(ctx, "news")
		defer ps.Close()
		if msg, err := ps.ReceiveTimeout(ctx, receiveWait); err != nil {
			t.Fatal(err)
		} else if s, ok := msg.(*redis.Subscription); !ok || s.Kind != "ssubscribe" || s.Channel != "news" {
			t.Fatalf("first reply = %v, want the ssubscribe confirmation", msg)
		}
		assertShardSubscribers(t, client, "news", 1)
		if n, err := client.SPublish(ctx, "news", "hello").Result(); err != nil || n != 1 {
			t.Fatalf("SPUBLISH = %d, %v; want 1 receiver", n, err)
		}
		msg, err := ps.ReceiveTimeout(ctx, receiveWait)
		if m, ok := msg.(*redis.Message); err != nil || !ok || m.Channel != "news" || m.Payload != "hello" {
			t.Errorf("received %v, %v; want Message<news: hello>", msg, err)
		}
	})

	t.Run("NodeRestart", func(t *testing.T) {
		owner := masterFor(t, client, "news")
		i := slices.Index(c.Addrs, owner)
		key := keyOn(t, client, owner)
		if err := client.Set(ctx, key, "before", 0).Err(); err != nil {
			t.Fatal(err)
		}
		// go-redis reconnects and re-subscribes by itself; the resubscription shows up
		// as a second confirmation.
		ps := client.SSubscribe(ctx, "news")
		defer ps.Close()
		events := timestamped(ps.ChannelWithSubscriptions())
		expectSubscription(t, events, "news")

		pgid := c.nodes[i].pgid
		if err := c.StopNode(i); err != nil {
			t.Fatal(err)
		}
		assertDown(t, owner, pgid)
		restarted := time.Now()
		if err := c.StartNode(ctx, i); err != nil {
			t.Fatal(err)
		}
		t.Logf("StartNode took %v", time.Since(restarted))
		if err := clusterOK(ctx, c.Addrs); err != nil {
			t.Fatalf("after StartNode: %v", err)
		}
		if c.Addrs[i] != owner {
			t.Errorf("node %d moved from %s to %s", i, owner, c.Addrs[i])
		}
		if n, err := client.Exists(ctx, key).Result(); err != nil || n != 0 {
			t.Errorf("EXISTS %s = %d, %v; want 0 (the node restarts empty)", key, n, err)
		}
		if err := client.Set(ctx, key, "after", 0).Err(); err != nil {
			t.Errorf("SET %s on the restarted node: %v", key, err)
		}

		at := expectSubscription(t, events, "news")
		t.Logf("PubSub re-subscribed %v after StartNode began", at.Sub(restarted))
		assertShardSubscribers(t, client, "news", 1)
		if n, err := client.SPublish(ctx, "news", "back").Result(); err != nil || n != 1 {
			t.Fatalf("SPUBLISH after restart = %d, %v; want 1 receiver", n, err)
		}
		if e := next(t, events); !isMessage(e.v, "news", "back") {
			t.Errorf("received %v, want Message<news: back>", e.v)
		}
	})

	t.Run("BadNode", func(t *testing.T) {
		if err := c.StopNode(len(c.Addrs)); err == nil {
			t.Error("StopNode out of range succeeded")
		}
		if err := c.StartNode(ctx, 0); err == nil || !strings.Contains(err.Error(), "already running") {
			t.Errorf("StartNode on a running node: %v, want already running", err)
		}
	})

	pgids := make([]int, len(c.nodes))
	for i, p := range c.nodes {
		pgids[i] = p.pgid
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	for i, addr := range c.Addrs {
		assertDown(t, addr, pgids[i])
	}
	if _, err := os.Stat(c.dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("cluster dir %s left behind (%v)", c.dir, err)
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if err := c.StartNode(ctx, 0); err == nil {
		t.Error("StartNode after Stop succeeded")
	}
	// redis-cli colours its output when TERM looks like xterm.
	out := log.String()
	for _, want := range []string{"redis-cli| ", "[OK] All 16384 slots covered", strconv.Itoa(portOf(c.Addrs[0])) + "| "} {
		if !strings.Contains(out, want) {
			t.Errorf("Log lacks %q", want)
		}
	}
}

func TestRedisClusterBusPortTaken(t *testing.T) {
	t.Parallel()
	port, err := freeClusterPort()
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", hostPort(port+clusterBusOffset))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	c := &RedisCluster{
		Addrs: []string{hostPort(port)},
		opts:  ClusterOptions{StartTimeout: defaultClusterTimeout},
		dir:   t.TempDir(),
		nodes: make([]*process, 1),
	}
	err = c.startNode(t.Context(), 0)
	if !errors.Is(err, errPortInUse) || !strings.Contains(err.Error(), "cluster") {
		t.Errorf("err = %v, want errPortInUse quoting the failed cluster bus bind", err)
	}
}

func TestRedisClusterOptions(t *testing.T) {
	t.Run("TooFewMasters", func(t *testing.T) {
		_, err := StartRedisCluster(t.Context(), ClusterOptions{Masters: 2})
		if err == nil || !strings.Contains(err.Error(), "at least 3 masters") {
			t.Errorf("err = %v, want at least 3 masters", err)
		}
	})
	t.Run("NotInstalled", func(t *testing.T) {
		emptyPath(t)
		_, err := StartRedisCluster(t.Context(), ClusterOptions{})
		want := "redis-server not found: install it with `apt-get install -y redis-server`"
		if err == nil || err.Error() != want {
			t.Errorf("err = %v, want %q", err, want)
		}
	})
}

func TestLabeledWriter(t *testing.T) {
	var buf bytes.Buffer
	l := &sharedLog{w: &buf}
	a, b := l.writer("a"), l.writer("b")
	for _, w := range []struct {
		to   func([]byte) (int, error)
		text string
	}{
		{a.Write, "one\ntw"}, {b.Write, "x\n"}, {a.Write, "o\n\nthree"}, {a.Write, "\n"},
	} {
		if n, err := w.to([]byte(w.text)); err != nil || n != len(w.text) {
			t.Fatalf("Write(%q) = %d, %v", w.text, n, err)
		}
	}
	// A line split across writes keeps one prefix; another writer cutting in ends it.
	want := "a| one\na| tw\nb| x\na| o\na| \na| three\n"
	if buf.String() != want {
		t.Errorf("log = %q, want %q", buf.String(), want)
	}
	if (*sharedLog)(nil).writer("a") != nil {
		t.Error("nil sharedLog gave a writer")
	}
}

// event is a pub/sub delivery and when it arrived.
type event struct {
	v  any
	at time.Time
}

// timestamped forwards ch, noting when each value arrived; it closes with ch.
func timestamped(ch <-chan any) <-chan event {
	out := make(chan event, 100)
	go func() {
		defer close(out)
		for v := range ch {
			out <- event{v, time.Now()}
		}
	}()
	return out
}

// next returns the next event, failing t when none comes within receiveWait.
func next(t *testing.T, events <-chan event) event {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("pub/sub channel closed")
		}
		return e
	case <-time.After(receiveWait):
		t.Fatalf("nothing received within %v", receiveWait)
		return event{}
	}
}

// expectSubscription fails t unless the next event confirms SSUBSCRIBE to channel, and
// returns when it arrived.
func expectSubscription(t *testing.T, events <-chan event, channel string) time.Time {
	t.Helper()
	e := next(t, events)
	if s, ok := e.v.(*redis.Subscription); !ok || s.Kind != "ssubscribe" || s.Channel != channel || s.Count != 1 {
		t.Fatalf("received %v, want the ssubscribe confirmation for %s", e.v, channel)
	}
	return e.at
}

func isMessage(v any, channel, payload string) bool {
	m, ok := v.(*redis.Message)
	return ok && m.Channel == channel && m.Payload == payload
}

// masterFor returns the address of the master owning key's slot.
func masterFor(t *testing.T, client *redis.ClusterClient, key string) string {
	t.Helper()
	node, err := client.MasterForKey(t.Context(), key)
	if err != nil {
		t.Fatal(err)
	}
	return node.Options().Addr
}

// keyOn returns a key whose slot the master at addr owns.
func keyOn(t *testing.T, client *redis.ClusterClient, addr string) string {
	t.Helper()
	for i := range 10000 {
		if key := "key" + strconv.Itoa(i); masterFor(t, client, key) == addr {
			return key
		}
	}
	t.Fatalf("no key found on %s", addr)
	return ""
}

// assertShardSubscribers fails t unless the master owning channel counts n subscribers.
func assertShardSubscribers(t *testing.T, client *redis.ClusterClient, channel string, n int64) {
	t.Helper()
	node, err := client.MasterForKey(t.Context(), channel)
	if err != nil {
		t.Fatal(err)
	}
	got, err := node.PubSubShardNumSub(t.Context(), channel).Result()
	if err != nil || got[channel] != n {
		t.Errorf("PUBSUB SHARDNUMSUB %s on %s = %v, %v; want %d", channel, node.Options().Addr, got, err, n)
	}
}
