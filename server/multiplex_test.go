package main

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestSharedSubscriptions: subscribers of a thread that send the same document and
// variables share one execution per message (internal/multiplex), whatever their role;
// another selection or another after is another group; a subscriber replaying from a seq
// that joins a running group still gets the messages the group sent before it came; and
// every subscriber is still authorized on its own: an outsider sending the same document
// is refused while the group runs.
func TestSharedSubscriptions(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	viewer := ts.addMemberAs(t, f.owner, ts.signup(t, "viewer"), "VIEWER")

	shared := []*wsClient{
		subscribe(t, ts, f.owner, f.project, f.thread, nil),
		subscribe(t, ts, f.owner, f.project, f.thread, nil),
		subscribe(t, ts, viewer, f.project, f.thread, nil),
	}
	other := connectChat(t, ts, f.owner, f.project) // another selection: a group of its own
	other.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query":     `subscription($thread: ID!) { messagePosted(threadId: $thread) { seq text } }`,
		"variables": map[string]any{"thread": f.thread}}})
	zero := 0
	replay := subscribe(t, ts, viewer, f.project, f.thread, &zero)
	waitMetrics(t, ts, 3, 5)

	outsider := ts.signup(t, "outsider")
	ws := connectChat(t, ts, outsider, ts.createProject(t, outsider, "Elsewhere"))
	ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query":     `subscription($thread: ID!, $after: Int) { messagePosted(threadId: $thread, after: $after) { id seq text threadId authorId } }`,
		"variables": map[string]any{"thread": f.thread}}})
	if m, err := ws.next(); err != nil || !strings.Contains(string(m.Payload), `"code":"NOT_FOUND"`) {
		t.Fatalf("an outsider sending the group's document got %s %s (%v), want NOT_FOUND", m.Type, m.Payload, err)
	}
	waitMetrics(t, ts, 3, 5)

	for i := 1; i <= 3; i++ {
		ts.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	for _, c := range append(shared, other, replay) {
		c.expectSeqs(1, 3)
	}
	late := subscribe(t, ts, f.owner, f.project, f.thread, &zero) // joins replay's group
	waitMetrics(t, ts, 3, 6)
	late.expectSeqs(1, 3)

	shared[0].send(map[string]any{"id": "1", "type": "complete"})
	waitMetrics(t, ts, 3, 5)
	ts.postMessage(t, f.h, f.thread, "m4")
	for _, c := range append(shared[1:], other, replay, late) {
		c.expectSeqs(4, 4)
	}
	for _, c := range append(shared[1:], other, replay, late) {
		c.conn.Close()
	}
	waitMetrics(t, ts, 0, 0)
}

// waitMetrics waits until /metrics reports groups shared executions serving members.
func waitMetrics(t *testing.T, ts *testServer, groups, members float64) {
	t.Helper()
	var g, m float64
	waitForWithin(t, 5*time.Second, func() bool {
		g, m = ts.metricValue(t, "northstar_subscription_groups"), ts.metricValue(t, "northstar_subscription_group_members")
		return g == groups && m == members
	}, func() string {
		return fmt.Sprintf("northstar_subscription_groups %v, _group_members %v; want %v, %v", g, m, groups, members)
	})
}
