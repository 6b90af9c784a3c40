package chat

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
)

// memStore is a unit-test Store holding one thread.
type memStore struct {
	mu    sync.Mutex
	owner Owner
	msgs  []Message // msgs[i].Seq == i+1
}

func (s *memStore) CreateThread(context.Context, Thread) error { return nil }
func (s *memStore) Owner(_ context.Context, id string) (Owner, error) {
	if id != "h_thread" {
		return Owner{}, apperr.E(apperr.NotFound, "no such thread")
	}
	return s.owner, nil
}
func (s *memStore) Thread(context.Context, string) (Thread, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Thread{ID: "h_thread", LastSeq: len(s.msgs)}, nil
}
func (s *memStore) Threads(context.Context, Scope, int) ([]Thread, error) { return nil, nil }
func (s *memStore) AppendMessage(_ context.Context, _ Scope, m Message) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m.Seq = len(s.msgs) + 1
	s.msgs = append(s.msgs, m)
	return m, nil
}
func (s *memStore) Messages(_ context.Context, _ string, after, limit int) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if after >= len(s.msgs) {
		return nil, nil
	}
	return append([]Message(nil), s.msgs[after:min(len(s.msgs), after+limit)]...), nil
}

// manualBus lets a test decide what the live stream carries and when.
type manualBus struct {
	mu   sync.Mutex
	subs []*manualSub
}

type manualSub struct{ ch chan *Event }

func (s *manualSub) Events() <-chan *Event { return s.ch }
func (s *manualSub) Close()                {}

func (b *manualBus) Publish(context.Context, string, []byte) error { return nil } // the test publishes by hand
func (b *manualBus) Subscribe(context.Context, string) Subscription {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := &manualSub{ch: make(chan *Event, 64)}
	b.subs = append(b.subs, s)
	return s
}
func (b *manualBus) push(payload []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ev := NewEvent(payload) // one event shared by every subscriber, as the real bus does
	for _, s := range b.subs {
		s.ch <- ev
	}
}

var scope = Scope{TenantID: "t_a", Env: "prod", ProjectID: "p_a"}

func fixture(t *testing.T) (*Service, *memStore, *manualBus) {
	t.Helper()
	store := &memStore{owner: Owner{Kind: KindThread, TenantID: "t_a", Env: "prod", ProjectID: "p_a"}}
	bus := &manualBus{}
	return NewService(Config{Store: store, Bus: bus}), store, bus
}

// post stores a message without publishing it and returns its bus payload.
func post(t *testing.T, s *memStore) []byte {
	t.Helper()
	m, _ := s.AppendMessage(context.Background(), scope, Message{ThreadID: "h_thread", Text: "x"})
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func expect(t *testing.T, ch <-chan *Message, seqs ...int) {
	t.Helper()
	for _, want := range seqs {
		select {
		case m, ok := <-ch:
			if !ok || m.Seq != want {
				t.Fatalf("got %v (open %v), want %d", m, ok, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no message %d", want)
		}
	}
	select {
	case m := <-ch:
		t.Fatalf("unexpected message %d", m.Seq)
	case <-time.After(20 * time.Millisecond):
	}
}

func TestStream(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	t.Run("ReplayThenLive", func(t *testing.T) {
		svc, store, bus := fixture(t)
		p1, p2 := post(t, store), post(t, store)
		ch, err := svc.Subscribe(ctx, scope, "h_thread", new(int))
		if err != nil {
			t.Fatal(err)
		}
		expect(t, ch, 1, 2)
		bus.push(p1) // a late copy of a replayed message
		bus.push(p2)
		p3 := post(t, store)
		bus.push(p3)
		expect(t, ch, 3)
	})
	t.Run("GapFilledFromStore", func(t *testing.T) {
		svc, store, bus := fixture(t)
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		post(t, store) // 1: published but lost by the bus
		post(t, store) // 2: lost too
		p3 := post(t, store)
		bus.push(p3)
		expect(t, ch, 1, 2, 3)
	})
	t.Run("OutOfOrderPublish", func(t *testing.T) {
		svc, store, bus := fixture(t)
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		p1, p2 := post(t, store), post(t, store)
		bus.push(p2) // seq 2 arrives first: replay delivers 1 and 2
		bus.push(p1) // then 1: already delivered
		expect(t, ch, 1, 2)
	})
	t.Run("ResyncAfterReattach", func(t *testing.T) {
		svc, store, bus := fixture(t)
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		post(t, store) // posted while the bus was down
		bus.push(nil)  // the bus re-attached
		expect(t, ch, 1)
	})
	t.Run("LiveOnlyStartsAtLastSeq", func(t *testing.T) {
		svc, store, bus := fixture(t)
		post(t, store)
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		bus.push(post(t, store))
		expect(t, ch, 2)
	})
	t.Run("Unauthorized", func(t *testing.T) {
		svc, _, _ := fixture(t)
		for _, sc := range []Scope{{"t_b", "prod", "p_a"}, {"t_a", "staging", "p_a"}, {"t_a", "prod", "p_b"}} {
			if _, err := svc.Subscribe(ctx, sc, "h_thread", nil); !apperr.Is(err, apperr.NotFound) {
				t.Fatalf("scope %+v: err = %v, want NOT_FOUND", sc, err)
			}
		}
		if _, err := svc.Subscribe(ctx, scope, "t_../x", nil); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("malformed id: err = %v", err)
		}
		if _, err := svc.Subscribe(ctx, scope, "h_thread", func() *int { v := -1; return &v }()); !apperr.Is(err, apperr.BadUserInput) {
			t.Fatalf("negative after: err = %v", err)
		}
	})
	t.Run("CancelCloses", func(t *testing.T) {
		svc, _, _ := fixture(t)
		cctx, ccancel := context.WithCancel(ctx)
		ch, _ := svc.Subscribe(cctx, scope, "h_thread", nil)
		ccancel()
		select {
		case _, ok := <-ch:
			if ok {
				t.Fatal("message after cancel")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("stream not closed after cancel")
		}
	})
}
