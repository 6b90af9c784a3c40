package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// TestRedisRestartMidSubscription kills the chat bus's Redis under a live subscription,
// posts while it is down (the messages are stored but not published), restarts it on the
// same port and posts again: the subscriber receives every message exactly once, in order.
func TestRedisRestartMidSubscription(t *testing.T) {
	redis := startRedis(t)
	ts, _ := newChatServer(t, redis.Addr)
	f := newChatFixture(t, ts)
	ws := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	for i := 1; i <= 3; i++ {
		ts.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	ws.expectSeqs(1, 3)

	if err := redis.Stop(); err != nil {
		t.Fatal(err)
	}
	for i := 4; i <= 6; i++ { // stored; the publish fails and is counted
		ts.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	if err := redis.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	ws.expectSeqs(4, 6) // recovered from the store when the bus re-attaches
	for i := 7; i <= 9; i++ {
		ts.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	ws.expectSeqs(7, 9)
}

// serveDirect runs ts's Main.Serve on a real listener, as `northstar serve` does, and
// returns a client of it, the cancel that starts shutdown, and what Serve returned.
func serveDirect(t *testing.T, ts *testServer) (*testServer, context.CancelFunc, <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	served := make(chan error, 1)
	go func() { served <- ts.main.Serve(ctx, ln, 5*time.Second) }()
	direct := &testServer{Server: ts.Server, main: ts.main, project: ts.project}
	direct.URL = "http://" + ln.Addr().String()
	return direct, cancel, served
}

// TestShutdownClosesWebsockets serves on a real listener, cancels it as SIGTERM does, and
// expects the subscriber to get a close frame and Serve to return within its grace.
func TestShutdownClosesWebsockets(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	direct, cancel, served := serveDirect(t, ts)
	ws := subscribe(t, direct, f.owner, f.project, f.thread, intp(0))
	ts.postMessage(t, f.h, f.thread, "m1")
	ws.expectSeqs(1, 1)

	cancel()
	if code, reason := ws.expectClose(); code != wsgorilla.CloseGoingAway {
		t.Fatalf("closed with %d %q, want 1001 (going away)", code, reason)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
	waitFor(t, func() bool { return ts.main.bus.Topics() == 0 })
}

// TestNoGoroutineLeak opens 1,000 subscriptions, delivers one message to each, closes
// them, and expects the goroutine count to return to where it was.
func TestNoGoroutineLeak(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	ts.postMessage(t, f.h, f.thread, "m1")
	runtime.GC()
	before, topics := runtime.NumGoroutine(), ts.main.bus.Topics()

	const conns, perConn = 20, 50
	var clients []*wsClient
	for c := 0; c < conns; c++ {
		ws := connectChat(t, ts, f.owner, f.project)
		for s := 0; s < perConn; s++ {
			ws.send(map[string]any{"id": fmt.Sprint(s), "type": "subscribe", "payload": map[string]any{
				"query": `subscription($t: ID!) { messagePosted(threadId: $t, after: 0) { seq } }`, "variables": map[string]any{"t": f.thread}}})
		}
		clients = append(clients, ws)
	}
	for _, ws := range clients {
		for s := 0; s < perConn; s++ {
			if seq, _ := ws.nextSeq(); seq != 1 {
				t.Fatalf("got seq %d", seq)
			}
		}
	}
	for _, ws := range clients {
		ws.conn.Close()
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		runtime.GC()
		now := runtime.NumGoroutine()
		if now <= before+5 && ts.main.sessions.count() == 0 && ts.main.bus.Topics() == topics {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			t.Fatalf("%d goroutines before, %d after closing 1,000 subscriptions; sessions %d, topics %d\n%s",
				before, now, ts.main.sessions.count(), ts.main.bus.Topics(), buf[:min(n, 8000)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSubscriptionGuards checks the per-connection protocol guards end to end: a reused
// active id closes the connection with 4409, and subscriptions beyond the connection's
// cap are refused while the others keep working.
func TestSubscriptionGuards(t *testing.T) {
	ts, _ := newChatServer(t, "", withLimits(func(l *Limits) { l.ConnectionSubscriptions = 2 }))
	f := newChatFixture(t, ts)
	sub := func(ws *wsClient, id string) {
		ws.send(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{
			"query": `subscription($t: ID!) { messagePosted(threadId: $t) { seq } }`, "variables": map[string]any{"t": f.thread}}})
	}
	open := func() *wsClient { return connectChat(t, ts, f.owner, f.project) }
	t.Run("DuplicateID", func(t *testing.T) {
		ws := open()
		sub(ws, "a")
		sub(ws, "a")
		if code, reason := ws.expectClose(); code != 4409 || reason != "Subscriber for a already exists" {
			t.Fatalf("closed with %d %q", code, reason)
		}
	})
	t.Run("ConnectionCap", func(t *testing.T) {
		ws := open()
		sub(ws, "1")
		sub(ws, "2")
		sub(ws, "3")
		m, err := ws.next()
		if err != nil || m.Type != "error" || m.ID != "3" || !strings.Contains(string(m.Payload), "RATE_LIMITED") {
			t.Fatalf("third subscription answered %+v %s, %v", m, m.Payload, err)
		}
	})
}

// TestTenantSubscriptionCap: one tenant's live subscriptions on a server are capped across
// its connections; the one over the cap gets RATE_LIMITED and the others keep working.
func TestTenantSubscriptionCap(t *testing.T) {
	ts, _ := newChatServer(t, "", withLimits(func(l *Limits) { l.TenantSubscriptions = 3 }))
	f := newChatFixture(t, ts)
	a := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	b := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	c := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	ts.postMessage(t, f.h, f.thread, "m1")
	for _, ws := range []*wsClient{a, b, c} {
		ws.expectSeqs(1, 1)
	}
	d := subscribe(t, ts, f.owner, f.project, f.thread, intp(0)) // the tenant's fourth
	m, err := d.next()
	if err != nil || !strings.Contains(string(m.Payload), `"code":"RATE_LIMITED"`) {
		t.Fatalf("the fourth subscription answered %s %s, %v", m.Type, m.Payload, err)
	}
	ts.postMessage(t, f.h, f.thread, "m2")
	for _, ws := range []*wsClient{a, b, c} {
		ws.expectSeqs(2, 2)
	}
}

// TestTenantSubscriptionCapAcrossReplicas caps a tenant at 3 live subscriptions over two
// replicas: with two on A and one on B, a fourth is refused on either; when one on A ends,
// B admits a new one.
func TestTenantSubscriptionCapAcrossReplicas(t *testing.T) {
	capAt3 := withLimits(func(l *Limits) { l.TenantSubscriptions = 3 })
	a, _ := newChatServer(t, "", capAt3)
	b := newServer(t, replicaOf(a), capAt3)
	waitFor(t, func() bool { _, ok := b.main.registry.Resolve("chat_bus", routingScope("t_system", "prod")); return ok })
	f := newChatFixture(t, a)
	a1 := subscribe(t, a, f.owner, f.project, f.thread, intp(0))
	a2 := subscribe(t, a, f.owner, f.project, f.thread, intp(0))
	b1 := subscribe(t, b, f.owner, f.project, f.thread, intp(0))
	a.postMessage(t, f.h, f.thread, "m1")
	for _, ws := range []*wsClient{a1, a2, b1} {
		ws.expectSeqs(1, 1) // all three are live
	}
	for name, ts := range map[string]*testServer{"A": a, "B": b} {
		ws := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
		if m, err := ws.next(); err != nil || !strings.Contains(string(m.Payload), `"code":"RATE_LIMITED"`) {
			t.Fatalf("a fourth subscription on %s answered %s %s, %v", name, m.Type, m.Payload, err)
		}
	}
	open := a.main.sessions.count()
	a2.conn.Close()
	waitFor(t, func() bool { return a.main.sessions.count() == open-1 })
	var b2 *wsClient
	deadline := time.Now().Add(5 * time.Second)
	for b2 == nil { // the slot is released once A has seen the connection end
		ws := subscribe(t, b, f.owner, f.project, f.thread, intp(0))
		m, err := ws.next()
		switch {
		case err == nil && m.Type == "next":
			b2 = ws
		case time.Now().After(deadline):
			t.Fatalf("B still refuses after a slot was freed: %s %s, %v", m.Type, m.Payload, err)
		}
	}
}

// TestShutdownDrains: when shutdown begins, /readyz answers 503 at once while requests are
// still served for the drain period; then the server stops.
func TestShutdownDrains(t *testing.T) {
	const drain = 2 * time.Second
	ts := newServer(t, func(c *Config) { c.Drain = drain })
	ts.bootstrap(t)
	direct, cancel, served := serveDirect(t, ts)
	if code, reason := direct.readyz(t); code != http.StatusOK {
		t.Fatalf("/readyz before shutdown: %d %q", code, reason)
	}

	start := time.Now()
	cancel()
	if code, reason := direct.readyz(t); code != http.StatusServiceUnavailable || reason != "shutting down" {
		t.Fatalf("/readyz after shutdown began: %d %q, want 503 \"shutting down\"", code, reason)
	}
	if r := direct.gql(t, nil, `{ __typename }`, nil); r.Status != http.StatusOK {
		t.Fatalf("a request during the drain answered %d %+v", r.Status, r.Errors)
	}
	if d := time.Since(start); d >= drain {
		t.Fatalf("the checks took %s, longer than the drain: the test proves nothing", d)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
		if d := time.Since(start); d < drain {
			t.Fatalf("Serve returned %s after shutdown began, before the %s drain", d, drain)
		}
	case <-time.After(drain + 10*time.Second):
		t.Fatal("Serve did not return")
	}
}
