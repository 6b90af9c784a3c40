package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/wsgorilla"
)

func TestChatBasics(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	for i := 1; i <= 3; i++ {
		if seq := ts.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i)); seq != i {
			t.Fatalf("seq = %d, want %d", seq, i)
		}
	}
	var out struct {
		Messages []struct {
			Seq  int
			Text string
		}
		Thread struct{ LastSeq int }
	}
	ts.gql(t, f.h, `query($t: ID!) { messages(threadId: $t, after: 1) { seq text } thread(id: $t) { lastSeq } }`, map[string]any{"t": f.thread}).decode(t, &out)
	if len(out.Messages) != 2 || out.Messages[0].Seq != 2 || out.Messages[1].Text != "m3" || out.Thread.LastSeq != 3 {
		t.Fatalf("history = %+v", out)
	}

	other := ts.signup(t, "other")
	otherProject := ts.createProject(t, other, "Elsewhere")
	secondProject := ts.createProject(t, f.owner, "Second")
	const post = `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`
	postIn := func(text string) map[string]any {
		return map[string]any{"i": map[string]any{"threadId": f.thread, "text": text}}
	}
	cases := []struct {
		name   string
		h      headers
		query  string
		vars   map[string]any
		code   string
		status int
	}{
		{"EmptyText", f.h, post, postIn("   "), "BAD_USER_INPUT", 400},
		{"TooLong", f.h, post, postIn(strings.Repeat("x", 4001)), "BAD_USER_INPUT", 400},
		{"ControlChars", f.h, post, postIn("a\x00b"), "BAD_USER_INPUT", 400},
		{"NoProject", f.owner.headers().with("X-Env", ts.main.cfg.Env), post, postIn("hi"), "CONTEXT_MISSING", 400},
		{"OtherProjectOfTenant", chatHeaders(f.owner, ts.main.cfg.Env, secondProject), post, postIn("hi"), "NOT_FOUND", 404},
		{"OtherEnv", chatHeaders(f.owner, "prod", f.project), post, postIn("hi"), "NOT_FOUND", 404},
		{"OtherTenant", chatHeaders(other, ts.main.cfg.Env, otherProject), post, postIn("hi"), "NOT_FOUND", 404},
		{"OtherTenantsHeaders", bearer(other.Token).with("X-Tenant-Id", f.owner.TenantID, "X-Env", ts.main.cfg.Env, "X-Project-Id", f.project), post, postIn("hi"), "FORBIDDEN", 403},
		{"NoEnvForThread", f.owner.headers().with("X-Project-Id", f.project), `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"projectId": f.project, "title": "T"}}, "CONTEXT_MISSING", 400},
		{"ThreadProjectMismatch", f.h, `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"projectId": secondProject, "title": "T"}}, "CONTEXT_MISMATCH", 400},
		{"PageTooBig", f.h, `query($t: ID!) { messages(threadId: $t, first: 101) { seq } }`, map[string]any{"t": f.thread}, "BAD_USER_INPUT", 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expectError(t, ts.gql(t, c.h, c.query, c.vars), c.code, c.status)
		})
	}
	t.Run("ViewerCannotPost", func(t *testing.T) {
		viewer := ts.signup(t, "viewer")
		viewer = ts.addMemberAs(t, f.owner, viewer, "VIEWER")
		expectError(t, ts.gql(t, chatHeaders(viewer, ts.main.cfg.Env, f.project), post, postIn("hi")), "FORBIDDEN", 403)
		var read struct{ Messages []struct{ Seq int } }
		ts.gql(t, chatHeaders(viewer, ts.main.cfg.Env, f.project), `query($t: ID!) { messages(threadId: $t) { seq } }`, map[string]any{"t": f.thread}).decode(t, &read)
		if len(read.Messages) != 3 {
			t.Fatalf("viewer reads %d messages", len(read.Messages))
		}
	})
	t.Run("RouteMissing", func(t *testing.T) {
		bare := newServer(t)
		acct := bare.signup(t, "ann")
		p := bare.createProject(t, acct, "P")
		r := bare.gql(t, chatHeaders(acct, ts.main.cfg.Env, p), `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"projectId": p, "title": "T"}})
		expectError(t, r, "ROUTE_MISSING", 503)
	})
}

func TestSubscriptionResume(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	for i := 1; i <= 5; i++ {
		ts.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	ws := subscribe(t, ts, f.owner, f.project, f.thread, intp(2))
	ws.expectSeqs(3, 5) // replayed
	// Live messages, posted by two writers at once while the subscriber reads (busy
	// threads are TestBusyThread's).
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				ts.gql(t, f.h, `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`,
					map[string]any{"i": map[string]any{"threadId": f.thread, "text": "live"}})
			}
		}()
	}
	for want := 6; want <= 25; want++ {
		if seq, _ := ws.nextSeq(); seq != want {
			t.Fatalf("got seq %d, want %d", seq, want)
		}
	}
	wg.Wait()

	t.Run("LiveOnly", func(t *testing.T) {
		live := subscribe(t, ts, f.owner, f.project, f.thread, nil)
		// The client cannot tell when the server has attached the subscription: post until
		// one message arrives; from then on every one arrives, in order.
		stop := make(chan struct{})
		posted := make(chan struct{})
		go func() {
			defer close(posted)
			for {
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
				ts.gql(t, f.h, `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`,
					map[string]any{"i": map[string]any{"threadId": f.thread, "text": "live"}})
			}
		}()
		first, _ := live.nextSeq()
		if first <= 25 {
			t.Fatalf("live-only subscriber got %d, an old message", first)
		}
		for want := first + 1; want <= first+3; want++ {
			if got, _ := live.nextSeq(); got != want {
				t.Fatalf("got %d, want %d", got, want)
			}
		}
		close(stop)
		<-posted
	})
	t.Run("OtherTenantRefused", func(t *testing.T) {
		other := ts.signup(t, "mallory")
		p := ts.createProject(t, other, "Mine")
		ws := subscribe(t, ts, other, p, f.thread, intp(0))
		m, err := ws.next()
		if err != nil || !strings.Contains(string(m.Payload), `"code":"NOT_FOUND"`) {
			t.Fatalf("another tenant's subscription answered %s %s, %v", m.Type, m.Payload, err)
		}
	})
}

// TestOwnershipSurvivesRestart creates a thread on one server, stops it, and subscribes
// through a new server on the same Firestore: the stored owner scope still authorizes the
// owner and still refuses others.
func TestOwnershipSurvivesRestart(t *testing.T) {
	first, _ := newChatServer(t, "")
	f := newChatFixture(t, first)
	first.postMessage(t, f.h, f.thread, "m1")
	first.Close()
	first.main.Close()

	second := newServer(t, withProject(first.project))
	waitChatRoute(t, second)
	owner := second.login(t, f.owner.Email, "password-owner")
	owner.TenantID = f.owner.TenantID
	ws := subscribe(t, second, owner, f.project, f.thread, intp(0))
	ws.expectSeqs(1, 1)

	intruder := second.signup(t, "intruder")
	p := second.createProject(t, intruder, "P")
	ws2 := subscribe(t, second, intruder, p, f.thread, intp(0))
	if m, err := ws2.next(); err != nil || !strings.Contains(string(m.Payload), `"code":"NOT_FOUND"`) {
		t.Fatalf("intruder answered %s %s, %v", m.Type, m.Payload, err)
	}
}

// TestReplicaFanOut posts through one server and receives through another.
func TestReplicaFanOut(t *testing.T) {
	a, _ := newChatServer(t, "")
	b := newChatReplica(t, a)
	f := newChatFixture(t, a)
	ws := subscribe(t, b, f.owner, f.project, f.thread, intp(0))
	for i := 1; i <= 10; i++ {
		a.postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	ws.expectSeqs(1, 10)
	if b.main.bus == nil || b.main.bus.Topics() == 0 {
		t.Fatal("replica B did not attach a bus topic")
	}
}

// TestRevocation removes a member and expects their connections to the tenant to close
// within 5 s, on this replica and on another one.
func TestRevocation(t *testing.T) {
	t.Run("RedisUp", func(t *testing.T) { testRevocation(t, false) })
	t.Run("RedisDown", func(t *testing.T) { testRevocation(t, true) })
}

// testRevocation removes a member with a live subscription on each of two replicas; with
// redisDown, the chat bus's Redis is killed first. Either way both connections close
// within 5 s and the removed member is refused at once.
func testRevocation(t *testing.T, redisDown bool) {
	redis := startRedis(t)
	a, _ := newChatServer(t, redis.Addr)
	b := newChatReplica(t, a)
	f := newChatFixture(t, a)
	bob := a.signup(t, "bob")
	bob = a.addMemberAs(t, f.owner, bob, "MEMBER")
	onA := subscribe(t, a, bob, f.project, f.thread, intp(0))
	onB := subscribe(t, b, bob, f.project, f.thread, intp(0))
	waitFor(t, func() bool { return a.main.conns.Count() == 1 && b.main.conns.Count() == 1 })
	if redisDown {
		if err := redis.Stop(); err != nil {
			t.Fatal(err)
		}
	}

	start := time.Now()
	var ok struct{ RemoveMember bool }
	a.gql(t, f.owner.headers(), `mutation($i: RemoveMemberInput!) { removeMember(input: $i) }`,
		map[string]any{"i": map[string]any{"tenantId": f.owner.TenantID, "userId": bob.UserID}}).decode(t, &ok)
	for name, ws := range map[string]*wsClient{"same replica": onA, "other replica": onB} {
		if code, reason := ws.expectClose(); code != wsgorilla.CloseForbidden {
			t.Fatalf("%s: closed with %d %q, want 4403 (access lost)", name, code, reason)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("connections closed after %s", d)
	}
	expectError(t, a.gql(t, bob.headers(), `{ tenant { id } }`, nil), "FORBIDDEN", 403)
	expectError(t, b.gql(t, bob.headers(), `{ tenant { id } }`, nil), "FORBIDDEN", 403)
	if redisDown {
		return
	}

	t.Run("Rules", func(t *testing.T) {
		const remove = `mutation($i: RemoveMemberInput!) { removeMember(input: $i) }`
		expectError(t, a.gql(t, f.owner.headers(), remove, map[string]any{"i": map[string]any{"tenantId": f.owner.TenantID, "userId": f.owner.UserID}}), "CONFLICT", 409)
		expectError(t, a.gql(t, f.owner.headers(), remove, map[string]any{"i": map[string]any{"tenantId": f.owner.TenantID, "userId": bob.UserID}}), "NOT_FOUND", 404)
	})
}
