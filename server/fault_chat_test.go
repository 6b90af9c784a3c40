package main

import (
	"context"
	"fmt"
	"net/http"
	"testing"
)

// TestFaultPublishFailsAfterCommit stops the chat bus's Redis under a live subscription
// and posts. What the user sees: every post still succeeds with its seq (the message is
// stored; only the publish failed), /readyz answers 503 "redis unreachable" while Redis
// is down, and each failed publish is counted in northstar_chat_publish_failures_total.
// Nothing is lost: the history holds every message at once, and when Redis is back the
// subscriber receives the stored messages in order, exactly once, then live ones.
func TestFaultPublishFailsAfterCommit(t *testing.T) {
	redis := startRedis(t)
	ts, _ := newChatServer(t, redis.Addr)
	f := newChatFixture(t, ts)
	ws := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	ts.postMessage(t, f.h, f.thread, "m1")
	ws.expectSeqs(1, 1)
	const failures = "northstar_chat_publish_failures_total"
	if v := ts.metricValue(t, failures); v != 0 {
		t.Fatalf("%s = %v before the outage, want 0", failures, v)
	}

	if err := redis.Stop(); err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 4; i++ {
		if seq := ts.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i)); seq != i {
			t.Fatalf("post during the outage got seq %d, want %d", seq, i)
		}
	}
	if v := ts.metricValue(t, failures); v != 3 {
		t.Fatalf("%s = %v after 3 unpublished posts, want 3", failures, v)
	}
	if code, reason := ts.readyz(t); code != http.StatusServiceUnavailable || reason != "redis unreachable" {
		t.Fatalf("/readyz with Redis down: %d %q, want 503 \"redis unreachable\"", code, reason)
	}
	var history struct {
		Messages []struct {
			Seq  int
			Text string
		}
	}
	ts.gql(t, f.h, `query($t: ID!) { messages(threadId: $t) { seq text } }`, map[string]any{"t": f.thread}).decode(t, &history)
	if len(history.Messages) != 4 || history.Messages[3].Seq != 4 || history.Messages[3].Text != "m4" {
		t.Fatalf("history during the outage = %+v, want m1..m4", history.Messages)
	}

	if err := redis.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	ws.expectSeqs(2, 4)
	ts.waitReady(t)
	ts.postMessage(t, f.h, f.thread, "m5")
	ws.expectSeqs(5, 5)
	if v := ts.metricValue(t, failures); v != 3 {
		t.Fatalf("%s = %v after Redis came back, want still 3", failures, v)
	}
	late := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	late.expectSeqs(1, 5)
}

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
