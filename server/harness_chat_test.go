package main

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/northstar/northstar/internal/routing"
)

// newChatServer starts a bootstrapped server whose t_system routes send chat_bus to
// redisAddr (sharedRedis when empty) and realtime_registry to Firestore, and returns it
// with its system admin.
func newChatServer(t *testing.T, redisAddr string, opts ...serverOption) (*testServer, account) {
	t.Helper()
	ts := newServer(t, opts...)
	admin := ts.bootstrap(t)
	routeChat(t, ts, redisAddr)
	return ts, admin
}

// routeChat writes the chat routes for ts's env and waits until its registry has them.
func routeChat(t *testing.T, ts *testServer, redisAddr string) {
	t.Helper()
	if redisAddr == "" {
		redisAddr = sharedRedis.Addr
	}
	env := ts.main.cfg.Env
	putRoute(t, ts, routing.Route{ResourceKind: "realtime_registry", TenantID: "t_system", Env: env, BackendType: "firestore"})
	putRoute(t, ts, routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: env, BackendType: "redis", Config: map[string]string{"address": redisAddr}})
	waitChatRoute(t, ts)
}

// waitChatRoute waits until ts's registry has a t_system chat_bus route for its env, as a
// server started on a project that already has one must before it serves chat.
func waitChatRoute(t *testing.T, ts *testServer) {
	t.Helper()
	key := routing.Key{ResourceKind: "chat_bus", Scope: routing.Scope{TenantID: "t_system", Env: ts.main.cfg.Env}}
	waitFor(t, func() bool { _, ok := ts.main.registry.Get(key); return ok })
}

// newChatReplica starts a replica of a chat server (see replicaOf) and waits until it has
// the chat routes.
func newChatReplica(t *testing.T, a *testServer, opts ...serverOption) *testServer {
	t.Helper()
	b := newServer(t, append([]serverOption{replicaOf(a)}, opts...)...)
	waitChatRoute(t, b)
	return b
}

// chatHeaders are a member's headers for project-scoped chat calls.
func chatHeaders(a account, env, project string) headers {
	return a.headers().with("X-Env", env, "X-Project-Id", project)
}

// createThread creates a thread in project and returns its id.
func (ts *testServer) createThread(t *testing.T, h headers, project, title string) string {
	t.Helper()
	var out struct{ CreateThread struct{ ID string } }
	ts.gql(t, h, `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"projectId": project, "title": title}}).decode(t, &out)
	if out.CreateThread.ID == "" {
		t.Fatal("createThread returned no id")
	}
	return out.CreateThread.ID
}

// postMessage posts text to thread and returns its seq.
func (ts *testServer) postMessage(t *testing.T, h headers, thread, text string) int {
	t.Helper()
	var out struct{ PostMessage struct{ Seq int } }
	ts.gql(t, h, `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`,
		map[string]any{"i": map[string]any{"threadId": thread, "text": text}}).decode(t, &out)
	return out.PostMessage.Seq
}

// chatFixture is a tenant with a project and a thread on a chat-enabled server.
type chatFixture struct {
	ts      *testServer
	owner   account
	project string
	thread  string
	h       headers
}

// newChatFixture signs up an owner on ts and creates a project and a thread.
func newChatFixture(t *testing.T, ts *testServer) chatFixture {
	t.Helper()
	owner := ts.signup(t, "owner")
	project := ts.createProject(t, owner, "Chat")
	h := chatHeaders(owner, ts.main.cfg.Env, project)
	return chatFixture{ts: ts, owner: owner, project: project, thread: ts.createThread(t, h, project, "General"), h: h}
}

// connectChat opens a graphql-transport-ws websocket as a, in project, and waits for the
// ack.
func connectChat(t *testing.T, ts *testServer, a account, project string) *wsClient {
	t.Helper()
	ws := dialProto(t, ts, protoTransportWS)
	p := initPayload(a)
	p["env"], p["projectId"] = ts.main.cfg.Env, project
	ws.initOK(p)
	return ws
}

// subscribe opens a websocket as a and subscribes to messagePosted.
func subscribe(t *testing.T, ts *testServer, a account, project, thread string, after *int) *wsClient {
	t.Helper()
	ws := connectChat(t, ts, a, project)
	vars := map[string]any{"thread": thread}
	if after != nil {
		vars["after"] = *after
	}
	ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query":     `subscription($thread: ID!, $after: Int) { messagePosted(threadId: $thread, after: $after) { id seq text threadId authorId } }`,
		"variables": vars}})
	return ws
}

// posted is what the tests' messagePosted selection reads.
type posted struct {
	ID   string
	Seq  int
	Text string
}

// nextPosted reads the next message of the subscription.
func (c *wsClient) nextPosted() posted {
	c.t.Helper()
	m, err := c.next()
	if err != nil {
		c.t.Fatalf("reading the subscription: %v", err)
	}
	var p struct {
		Data   struct{ MessagePosted posted }
		Errors []gqlError
	}
	if m.Type != "next" || json.Unmarshal(m.Payload, &p) != nil || len(p.Errors) > 0 {
		c.t.Fatalf("subscription sent %s %s", m.Type, m.Payload)
	}
	return p.Data.MessagePosted
}

// nextSeq reads the next message of the subscription and returns its seq and text.
func (c *wsClient) nextSeq() (int, string) {
	c.t.Helper()
	m := c.nextPosted()
	return m.Seq, m.Text
}

// expectSeqs reads seqs from..to in order, exactly once each.
func (c *wsClient) expectSeqs(from, to int) {
	c.t.Helper()
	for want := from; want <= to; want++ {
		if seq, text := c.nextSeq(); seq != want || text != fmt.Sprintf("m%d", want) {
			c.t.Fatalf("got seq %d %q, want %d", seq, text, want)
		}
	}
}
