package main

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/httpapi"
)

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
	var now int
	waitForWithin(t, 15*time.Second, func() bool {
		runtime.GC()
		now = runtime.NumGoroutine()
		return now <= before+5 && ts.main.conns.Count() == 0 && ts.main.bus.Topics() == topics
	}, func() string {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		return fmt.Sprintf("%d goroutines before, %d after closing 1,000 subscriptions; sessions %d, topics %d\n%s",
			before, now, ts.main.conns.Count(), ts.main.bus.Topics(), buf[:min(n, 8000)])
	})
}

// TestSubscriptionGuards checks the per-connection protocol guards end to end: a reused
// active id closes the connection with 4409, and subscriptions beyond the connection's
// cap are refused while the others keep working.
func TestSubscriptionGuards(t *testing.T) {
	ts, _ := newChatServer(t, "", withLimits(func(l *httpapi.Limits) { l.ConnectionSubscriptions = 2 }))
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
	ts, _ := newChatServer(t, "", withLimits(func(l *httpapi.Limits) { l.TenantSubscriptions = 3 }))
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
	capAt3 := withLimits(func(l *httpapi.Limits) { l.TenantSubscriptions = 3 })
	a, _ := newChatServer(t, "", capAt3)
	b := newChatReplica(t, a, capAt3)
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
	open := a.main.conns.Count()
	a2.conn.Close()
	waitFor(t, func() bool { return a.main.conns.Count() == open-1 })
	var m wsMessage
	var err error
	waitForWithin(t, 5*time.Second, func() bool { // the slot is released once A has seen the connection end
		m, err = subscribe(t, b, f.owner, f.project, f.thread, intp(0)).next()
		return err == nil && m.Type == "next"
	}, func() string {
		return fmt.Sprintf("B still refuses after a slot was freed: %s %s, %v", m.Type, m.Payload, err)
	})
}
