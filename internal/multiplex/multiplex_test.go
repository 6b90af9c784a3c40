package multiplex

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// upstreams is a fake Dispatcher: each dispatch is one upstream, fed by the test.
type upstreams struct {
	mu   sync.Mutex
	runs []*upstream
}

type upstream struct {
	events chan *graphql.Response
	ctx    context.Context
	refuse bool
}

func (u *upstreams) DispatchOperation(ctx context.Context, _ *graphql.OperationContext) (graphql.ResponseHandler, context.Context) {
	u.mu.Lock()
	up := &upstream{events: make(chan *graphql.Response), ctx: ctx}
	u.runs = append(u.runs, up)
	u.mu.Unlock()
	return func(ctx context.Context) *graphql.Response {
		select {
		case r, ok := <-up.events:
			if !ok {
				return nil
			}
			return r
		case <-ctx.Done():
			return nil
		}
	}, ctx
}

func (u *upstreams) count() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.runs)
}

func (u *upstreams) run(t *testing.T, i int) *upstream {
	t.Helper()
	waitFor(t, func() bool { return u.count() > i })
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.runs[i]
}

// send publishes one event on the upstream and returns the bytes the members must get.
func (up *upstream) send(t *testing.T, n int) string {
	t.Helper()
	data := fmt.Sprintf(`{"messagePosted":{"seq":%d}}`, n)
	select {
	case up.events <- &graphql.Response{Data: []byte(data)}:
	case <-time.After(5 * time.Second):
		t.Fatal("the group did not read its upstream")
	}
	return data
}

// resolver is the fake operation below Around: it shares stream when it is not empty,
// as the chat resolver does for a live-only thread subscription, and otherwise returns a
// handler of its own that answers "own".
func resolver(stream string, live bool) graphql.OperationHandler {
	return func(ctx context.Context) graphql.ResponseHandler {
		if stream != "" && Share(ctx, stream, live) {
			return func(context.Context) *graphql.Response { return nil }
		}
		return graphql.OneShot(&graphql.Response{Data: []byte(`"own"`)})
	}
}

func operation(ctx context.Context, vars map[string]any) context.Context {
	return graphql.WithOperationContext(ctx, &graphql.OperationContext{
		RawQuery:  "subscription($threadId: ID!) { messagePosted(threadId: $threadId) { seq } }",
		Variables: vars,
		Operation: &ast.OperationDefinition{Operation: ast.Subscription},
	})
}

type subscriber struct {
	cancel context.CancelFunc
	next   graphql.ResponseHandler
	ctx    context.Context
}

// subscribe starts a live-only subscription of stream through m.
func subscribe(t *testing.T, m *Multiplexer, stream string, vars map[string]any) *subscriber {
	t.Helper()
	return start(t, m, stream, vars, true)
}

func start(t *testing.T, m *Multiplexer, stream string, vars map[string]any, live bool) *subscriber {
	t.Helper()
	ctx, cancel := context.WithCancel(operation(context.Background(), vars))
	t.Cleanup(cancel)
	return &subscriber{cancel: cancel, next: m.Around(ctx, resolver(stream, live)), ctx: ctx}
}

// receive reads one response within 5 s; nil when the subscription ended.
func (s *subscriber) receive(t *testing.T) *graphql.Response {
	t.Helper()
	got := make(chan *graphql.Response, 1)
	go func() { got <- s.next(s.ctx) }()
	select {
	case r := <-got:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("no response within 5 s")
		return nil
	}
}

// receiver is a Receiver counting its notifications.
type receiver struct {
	mu     sync.Mutex
	mb     *Member
	wakeup int
}

func (r *receiver) Follow(mb *Member) { r.mu.Lock(); r.mb = mb; r.mu.Unlock() }
func (r *receiver) Notify()           { r.mu.Lock(); r.wakeup++; r.mu.Unlock() }

func (r *receiver) member() *Member {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.mb
}

func (r *receiver) notified() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.wakeup
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestMultiplexer(t *testing.T) {
	thread := map[string]any{"threadId": "h_1"}
	t.Run("OneExecutionForTheSameDocument", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		subs := []*subscriber{subscribe(t, m, "thread h_1", thread), subscribe(t, m, "thread h_1", thread), subscribe(t, m, "thread h_1", thread)}
		up := ups.run(t, 0)
		for n := 1; n <= 3; n++ {
			want := up.send(t, n)
			var first *graphql.Response
			for i, s := range subs {
				r := s.receive(t)
				if string(r.Data) != want {
					t.Fatalf("subscriber %d event %d: %s, want %s", i, n, r.Data, want)
				}
				if first == nil {
					first = r
				} else if r != first {
					t.Fatalf("subscriber %d event %d got a response of its own: want the one encoded for the group", i, n)
				}
			}
		}
		if n := ups.count(); n != 1 {
			t.Fatalf("%d upstream executions for 3 subscribers of one document, want 1", n)
		}
		if g, mb := m.Groups(); g != 1 || mb != 3 {
			t.Fatalf("Groups() = %d, %d; want 1, 3", g, mb)
		}
	})
	t.Run("DifferentVariablesOrStreamsDoNotShare", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		subscribe(t, m, "thread h_1", thread)
		subscribe(t, m, "thread h_1", map[string]any{"threadId": "h_1", "x": 1})
		subscribe(t, m, "thread h_2", thread)
		waitFor(t, func() bool { return ups.count() == 3 })
		if g, _ := m.Groups(); g != 3 {
			t.Fatalf("Groups() = %d, want 3", g)
		}
	})
	t.Run("NotSharedRunsAsUsual", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		s := subscribe(t, m, "", thread)
		if r := s.receive(t); string(r.Data) != `"own"` {
			t.Fatalf("got %s, want the operation's own response", r.Data)
		}
		if n := ups.count(); n != 0 {
			t.Fatalf("%d upstreams for a resolver that did not share, want 0", n)
		}
	})
	t.Run("QueriesPassThrough", func(t *testing.T) {
		m := New(Config{Upstream: &upstreams{}, Behind: func(context.Context) {}})
		ctx := graphql.WithOperationContext(context.Background(), &graphql.OperationContext{Operation: &ast.OperationDefinition{Operation: ast.Query}})
		shared := false
		m.Around(ctx, func(ctx context.Context) graphql.ResponseHandler {
			shared = Share(ctx, "thread h_1", true)
			return nil
		})
		if shared {
			t.Fatal("Share returned true in a query")
		}
	})
	t.Run("LastMemberStopsTheUpstream", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		a, b := subscribe(t, m, "thread h_1", thread), subscribe(t, m, "thread h_1", thread)
		up := ups.run(t, 0)
		a.cancel()
		if r := a.receive(t); r != nil {
			t.Fatalf("a member whose context ended got %s, want nil", r.Data)
		}
		want := up.send(t, 1) // the group lives on for b
		if r := b.receive(t); string(r.Data) != want {
			t.Fatalf("b got %s, want %s", r.Data, want)
		}
		b.cancel()
		select {
		case <-up.ctx.Done():
		case <-time.After(5 * time.Second):
			t.Fatal("the upstream still runs after its last member left")
		}
		waitFor(t, func() bool { g, _ := m.Groups(); return g == 0 })
		subscribe(t, m, "thread h_1", thread)
		ups.run(t, 1) // a new subscriber starts a new group
	})
	t.Run("UpstreamEndCompletesMembers", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		a := subscribe(t, m, "thread h_1", thread)
		up := ups.run(t, 0)
		want := up.send(t, 1)
		close(up.events)
		if r := a.receive(t); string(r.Data) != want {
			t.Fatalf("got %s, want %s: what was published before the end is still delivered", r.Data, want)
		}
		if r := a.receive(t); r != nil {
			t.Fatalf("got %s after the upstream ended, want nil", r.Data)
		}
		waitFor(t, func() bool { g, _ := m.Groups(); return g == 0 })
	})
	t.Run("RefusedUpstreamEndsTheGroup", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		a := subscribe(t, m, "thread h_1", thread)
		up := ups.run(t, 0)
		up.events <- &graphql.Response{Errors: gqlerror.List{{Message: "no such thread"}}}
		if r := a.receive(t); len(r.Errors) != 1 {
			t.Fatalf("got %+v, want the upstream's error", r)
		}
		if r := a.receive(t); r != nil {
			t.Fatalf("got %+v after the refusal, want nil", r)
		}
	})
	t.Run("MemberBehindTheRingIsClosedNotCompleted", func(t *testing.T) {
		ups := &upstreams{}
		behind := make(chan context.Context, 1)
		m := New(Config{Upstream: ups, Ring: 4, Behind: func(ctx context.Context) { behind <- ctx }})
		slow, fast := subscribe(t, m, "thread h_1", thread), subscribe(t, m, "thread h_1", thread)
		up := ups.run(t, 0)
		for n := 1; n <= 5; n++ { // one more than the ring holds
			want := up.send(t, n)
			if r := fast.receive(t); string(r.Data) != want {
				t.Fatalf("fast got %s, want %s", r.Data, want)
			}
		}
		got := make(chan *graphql.Response, 1)
		go func() { got <- slow.next(slow.ctx) }()
		var ctx context.Context
		select {
		case ctx = <-behind:
		case <-time.After(5 * time.Second):
			t.Fatal("a member 5 events behind a ring of 4 was not reported")
		}
		if ctx != slow.ctx {
			t.Fatal("Behind was called with another context than the slow member's")
		}
		select {
		case r := <-got:
			t.Fatalf("the slow member's handler returned %+v before its connection ended: it must not complete first", r)
		case <-time.After(50 * time.Millisecond):
		}
		slow.cancel() // what Behind does to its connection
		if r := <-got; r != nil {
			t.Fatalf("got %+v, want nil", r)
		}
	})
	t.Run("ReceiverReadsWithoutBlocking", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Ring: 4, Behind: func(context.Context) {}})
		r := &receiver{}
		ctx, cancel := context.WithCancel(WithReceiver(operation(context.Background(), thread), r))
		defer cancel()
		if h := m.Around(ctx, resolver("thread h_1", true)); h(ctx) != nil {
			t.Fatal("a followed member's handler returned a response: the transport reads the Member")
		}
		mb := r.member()
		if mb == nil {
			t.Fatal("Follow was not called")
		}
		if _, st := mb.Next(); st != Empty {
			t.Fatalf("status %d before any event, want Empty", st)
		}
		up := ups.run(t, 0)
		want := up.send(t, 1)
		waitFor(t, func() bool { return r.notified() >= 1 })
		if got, st := mb.Next(); st != Ready || string(got) != `{"data":`+want+`}` {
			t.Fatalf("got %q (status %d), want the response encoded once: {\"data\":%s}", got, st, want)
		}
		if _, st := mb.Next(); st != Empty {
			t.Fatalf("status %d after reading the only event, want Empty", st)
		}
		for n := 2; n <= 6; n++ { // one more than the ring holds
			up.send(t, n)
		}
		// Notifications coalesce: one may announce several publications.
		waitFor(t, func() bool { return mb.g.head.Load() == 6 && r.notified() >= 2 })
		if _, st := mb.Next(); st != Behind {
			t.Fatalf("status %d five events behind a ring of 4, want Behind", st)
		}
		r2 := &receiver{}
		ctx2, cancel2 := context.WithCancel(WithReceiver(operation(context.Background(), thread), r2))
		defer cancel2()
		m.Around(ctx2, resolver("thread h_1", true))
		up.send(t, 7)
		close(up.events)
		waitFor(t, func() bool { g, _ := m.Groups(); return g == 0 })
		mb2 := r2.member()
		if _, st := mb2.Next(); st != Ready {
			t.Fatalf("status %d, want the event sent after joining", st)
		}
		if _, st := mb2.Next(); st != Done {
			t.Fatalf("status %d after the upstream ended, want Done", st)
		}
	})
	t.Run("ManyMembersNotifiedInShards", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		const n = 2*shardMembers + 100 // more than one goroutine's share
		rs := make([]*receiver, n)
		for i := range rs {
			rs[i] = &receiver{}
			ctx, cancel := context.WithCancel(WithReceiver(operation(context.Background(), thread), rs[i]))
			defer cancel()
			m.Around(ctx, resolver("thread h_1", true))
		}
		ups.run(t, 0).send(t, 1)
		for i, r := range rs {
			waitFor(t, func() bool { return r.notified() >= 1 })
			if _, st := r.member().Next(); st != Ready {
				t.Fatalf("member %d: status %d, want Ready", i, st)
			}
		}
	})
	t.Run("LiveMemberStartsAtItsArrival", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Behind: func(context.Context) {}})
		first := subscribe(t, m, "thread h_1", thread)
		up := ups.run(t, 0)
		up.send(t, 1)
		first.receive(t)
		late := subscribe(t, m, "thread h_1", thread)
		want := up.send(t, 2)
		if r := late.receive(t); string(r.Data) != want {
			t.Fatalf("a live member that joined after event 1 got %s first, want %s", r.Data, want)
		}
	})
	t.Run("ReplayMemberStartsAtTheGroupsFirstResponse", func(t *testing.T) {
		ups := &upstreams{}
		m := New(Config{Upstream: ups, Ring: 4, Behind: func(context.Context) {}})
		first := start(t, m, "thread h_1", thread, false)
		up := ups.run(t, 0)
		one := up.send(t, 1)
		first.receive(t)
		late := start(t, m, "thread h_1", thread, false)
		if r := late.receive(t); string(r.Data) != one {
			t.Fatalf("a replay member got %s first, want the group's first response %s", r.Data, one)
		}
		if n := ups.count(); n != 1 {
			t.Fatalf("%d upstreams, want 1: the group still held its first response", n)
		}
		up.send(t, 2)
		up.send(t, 3) // past half the ring: newcomers start a group of their own
		first.receive(t)
		first.receive(t) // both published
		newcomer := start(t, m, "thread h_1", thread, false)
		again := ups.run(t, 1).send(t, 1)
		if r := newcomer.receive(t); string(r.Data) != again {
			t.Fatalf("a newcomer got %s, want the new group's first response %s", r.Data, again)
		}
		if g, mb := m.Groups(); g != 2 || mb != 3 {
			t.Fatalf("Groups() = %d, %d; want 2, 3", g, mb)
		}
	})
}
