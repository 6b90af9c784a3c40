package main

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/httpapi"
)

// postedMessage is what postMessage answers.
type postedMessage struct {
	ID  string
	Seq int
}

// postChat sends postMessage and returns the raw answer.
func (ts *testServer) postChat(t *testing.T, h headers, thread, text string) response {
	t.Helper()
	return ts.gql(t, h, `mutation($i: PostMessageInput!) { postMessage(input: $i) { id seq } }`,
		map[string]any{"i": map[string]any{"threadId": thread, "text": text}})
}

// nextMessage reads the subscription's next message's id and seq.
func (c *wsClient) nextMessage() postedMessage {
	c.t.Helper()
	m := c.nextPosted()
	return postedMessage{ID: m.ID, Seq: m.Seq}
}

// history pages through messages(threadId) and returns every message in order.
func (ts *testServer) history(t *testing.T, h headers, thread string) []postedMessage {
	t.Helper()
	var all []postedMessage
	after := 0
	for {
		var out struct{ Messages []postedMessage }
		ts.gql(t, h, `query($t: ID!, $a: Int) { messages(threadId: $t, after: $a, first: 100) { id seq } }`,
			map[string]any{"t": thread, "a": after}).decode(t, &out)
		all = append(all, out.Messages...)
		if len(out.Messages) < 100 {
			return all
		}
		after = out.Messages[len(out.Messages)-1].Seq
	}
}

// TestBusyThread posts to one thread from 16 writers at once, spread over two replicas
// sharing Firestore and Redis, with a subscriber on each replica. Every post succeeds, seqs
// are distinct and increasing, and each subscriber and the history see every posted
// message exactly once, in seq order.
func TestBusyThread(t *testing.T) {
	a, _ := newChatServer(t, "")
	b := newChatReplica(t, a)
	f := newChatFixture(t, a)
	subs := []*wsClient{
		subscribe(t, a, f.owner, f.project, f.thread, intp(0)),
		subscribe(t, b, f.owner, f.project, f.thread, intp(0)),
	}

	const writers, perWriter = 16, 10
	var (
		mu     sync.Mutex
		posted = map[string]int{} // id → seq
		wg     sync.WaitGroup
	)
	errs := make(chan string, writers*perWriter)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := []*testServer{a, b}[w%2]
			for i := range perWriter {
				r := ts.postChat(t, f.h, f.thread, fmt.Sprintf("w%d-%d", w, i))
				if len(r.Errors) > 0 {
					errs <- fmt.Sprintf("HTTP %d %+v", r.Status, r.Errors)
					continue
				}
				var out struct{ PostMessage postedMessage }
				r.decode(t, &out)
				mu.Lock()
				posted[out.PostMessage.ID] = out.PostMessage.Seq
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("a post failed: %s", e)
	}
	if t.Failed() {
		t.FailNow()
	}
	seqs := map[int]bool{}
	for _, seq := range posted {
		if seqs[seq] {
			t.Fatalf("seq %d answered twice", seq)
		}
		seqs[seq] = true
	}

	check := func(name string, got []postedMessage) {
		t.Helper()
		if len(got) != len(posted) {
			t.Fatalf("%s: %d messages, want %d", name, len(got), len(posted))
		}
		prev := 0
		for _, m := range got {
			if want, ok := posted[m.ID]; !ok || want != m.Seq || m.Seq <= prev {
				t.Fatalf("%s: message %s seq %d after seq %d (posted with seq %d, %v)", name, m.ID, m.Seq, prev, want, ok)
			}
			prev = m.Seq
		}
	}
	for i, ws := range subs {
		got := make([]postedMessage, 0, len(posted))
		for range posted {
			got = append(got, ws.nextMessage())
		}
		check(fmt.Sprintf("subscriber %d", i), got)
	}
	check("history", a.history(t, f.h, f.thread))
}

// TestPostWhileFirestoreDown posts while the server is cut off Firestore: the post fails
// with UNAVAILABLE (503), not INTERNAL, and leaves nothing half visible. Once Firestore is
// back, posting goes on, and a live subscriber passes the seq the failed post had taken
// without stalling on it.
func TestPostWhileFirestoreDown(t *testing.T) {
	proxy := firestoreProxy(t)
	ts, _ := newChatServer(t, "", throughProxy(proxy), withLimits(func(l *httpapi.Limits) { l.Request = 2 * time.Second }))
	f := newChatFixture(t, ts)
	ws := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	first := ts.postChat(t, f.h, f.thread, "before")
	var out struct{ PostMessage postedMessage }
	first.decode(t, &out)
	if m := ws.nextMessage(); m.ID != out.PostMessage.ID {
		t.Fatalf("got %+v, want %+v", m, out.PostMessage)
	}

	proxy.Cut()
	expectError(t, ts.postChat(t, f.h, f.thread, "during"), "UNAVAILABLE", http.StatusServiceUnavailable)
	proxy.Restore()
	ts.waitReady(t)

	after := ts.postChat(t, f.h, f.thread, "after")
	after.decode(t, &out)
	if out.PostMessage.Seq < 2 {
		t.Fatalf("the post after the outage got seq %d", out.PostMessage.Seq)
	}
	if m := ws.nextMessage(); m.ID != out.PostMessage.ID {
		t.Fatalf("the subscriber got %+v, want %+v (the failed post must never appear)", m, out.PostMessage)
	}
	if h := ts.history(t, f.h, f.thread); len(h) != 2 || h[1].ID != out.PostMessage.ID {
		t.Fatalf("history = %+v, want the posts before and after the outage", h)
	}
}

// TestChatBusFollowsRoute moves the chat_bus route to another Redis while two replicas
// have live subscribers: both move without a restart, the old Redis can go away, and the
// subscribers receive every message, posted before, during and after the move, once and
// in order.
func TestChatBusFollowsRoute(t *testing.T) {
	oldRedis, newRedis := startRedis(t), startRedis(t)
	a, _ := newChatServer(t, oldRedis.Addr)
	b := newChatReplica(t, a)
	f := newChatFixture(t, a)
	subs := []*wsClient{
		subscribe(t, a, f.owner, f.project, f.thread, intp(0)),
		subscribe(t, b, f.owner, f.project, f.thread, intp(0)),
	}
	for i := 1; i <= 3; i++ {
		a.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	for _, ws := range subs {
		ws.expectSeqs(1, 3)
	}

	routeChat(t, a, newRedis.Addr)
	for _, ts := range []*testServer{a, b} {
		waitFor(t, func() bool {
			c := ts.main.bus.Client()
			return c != nil && c.Ping(t.Context()).Err() == nil && busAddr(ts) == newRedis.Addr
		})
	}
	if err := oldRedis.Stop(); err != nil {
		t.Fatal(err)
	}
	for i := 4; i <= 6; i++ {
		[]*testServer{a, b}[i%2].postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	for _, ws := range subs {
		ws.expectSeqs(4, 6)
	}
}

// busAddr is the address of the single Redis ts's bus runs on.
func busAddr(ts *testServer) string {
	if c, ok := ts.main.bus.Client().(*redis.Client); ok {
		return c.Options().Addr
	}
	return ""
}

// TestSubscriptionOverPOSTRefused: a subscription sent as a plain POST is refused at once
// with BAD_USER_INPUT (HTTP 400), for a subscriber with every right to it, instead of being
// held open and answered with its first event or null.
func TestSubscriptionOverPOSTRefused(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	done := make(chan response, 1)
	go func() {
		done <- ts.gql(t, f.h, `subscription($t: ID!) { messagePosted(threadId: $t, after: 0) { seq } }`, map[string]any{"t": f.thread})
	}()
	select {
	case r := <-done:
		expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
		if !strings.Contains(r.Errors[0].Message, "websocket") {
			t.Fatalf("message %q does not say where subscriptions are served", r.Errors[0].Message)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a subscription over POST is still open after 10 s")
	}
	expectError(t, ts.gql(t, f.h, `subscription { routeChanged { resourceKind } }`, nil), "BAD_USER_INPUT", http.StatusBadRequest)
}

// TestForeignThreadLooksAbsent: every chat field answers another tenant's thread exactly
// as it answers a thread id that does not exist.
func TestForeignThreadLooksAbsent(t *testing.T) {
	ts, _ := newChatServer(t, "")
	victim := newChatFixture(t, ts)
	mallory := ts.signup(t, "mallory")
	project := ts.createProject(t, mallory, "Mine")
	h := chatHeaders(mallory, ts.main.cfg.Env, project)
	absent := "h_0000000000000000000000000a"
	ops := map[string]string{
		"thread":      `query($t: ID!) { thread(id: $t) { id } }`,
		"messages":    `query($t: ID!) { messages(threadId: $t) { id } }`,
		"postMessage": `mutation($t: ID!) { postMessage(input: {threadId: $t, text: "x"}) { id } }`,
	}
	for name, q := range ops {
		foreign := ts.gql(t, h, q, map[string]any{"t": victim.thread})
		missing := ts.gql(t, h, q, map[string]any{"t": absent})
		expectError(t, foreign, "NOT_FOUND", http.StatusNotFound)
		expectError(t, missing, "NOT_FOUND", http.StatusNotFound)
		if foreign.Errors[0].Message != missing.Errors[0].Message {
			t.Fatalf("%s: foreign %q, absent %q", name, foreign.Errors[0].Message, missing.Errors[0].Message)
		}
	}
	payload := func(thread string) string {
		ws := subscribe(t, ts, mallory, project, thread, intp(0))
		m, err := ws.next()
		if err != nil {
			t.Fatal(err)
		}
		return string(m.Payload)
	}
	if f, a := payload(victim.thread), payload(absent); f != a {
		t.Fatalf("messagePosted: foreign %s, absent %s", f, a)
	}
}
