package chat

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
)

// postFixture is a service over fakes whose sequencer the test controls.
func postFixture(t *testing.T) (*Service, *memStore, *manualBus, *memSequencer) {
	t.Helper()
	store, bus, seq := newMemStore(), &manualBus{}, &memSequencer{counters: map[string]int{}}
	return NewService(Config{Store: store, Bus: bus, Sequencer: seq, GapTimeout: time.Hour}), store, bus, seq
}

func mustPost(t *testing.T, svc *Service, want int) Message {
	t.Helper()
	m, err := svc.Post(context.Background(), scope, "u_a", "h_thread", "hello")
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	if m.Seq != want {
		t.Fatalf("seq = %d, want %d", m.Seq, want)
	}
	return m
}

// entry returns what occupies seq in the store.
func (s *memStore) entry(seq int) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.entries[seq]
	return m, ok
}

func TestPost(t *testing.T) {
	t.Run("SeqsFromTheSequencer", func(t *testing.T) {
		svc, store, bus, _ := postFixture(t)
		for want := 1; want <= 3; want++ {
			m := mustPost(t, svc, want)
			if got, _ := store.entry(want); got.ID != m.ID {
				t.Fatalf("stored %+v, want %+v", got, m)
			}
		}
		if len(bus.published) != 3 || bus.published[2].Seq != 3 {
			t.Fatalf("published %+v", bus.published)
		}
	})
	t.Run("LostCounterRecoveredFromStore", func(t *testing.T) {
		svc, _, _, seq := postFixture(t)
		mustPost(t, svc, 1)
		mustPost(t, svc, 2)
		seq.lose() // Redis restarted without persistence
		mustPost(t, svc, 3)
		mustPost(t, svc, 4)
	})
	t.Run("CounterBehindStore", func(t *testing.T) {
		svc, store, _, seq := postFixture(t)
		mustPost(t, svc, 1)
		for i := 2; i <= 5; i++ { // stored by writers whose counter this Redis never saw
			store.put(Message{ID: fmt.Sprint("m_", i), ThreadID: "h_thread", Seq: i, CreatedAt: time.Now()})
		}
		mustPost(t, svc, 6)
		if n, _, _ := seq.Next(context.Background(), "h_thread"); n != 7 {
			t.Fatalf("counter not raised: next = %d", n)
		}
	})
	t.Run("FailedCreateLeavesASkip", func(t *testing.T) {
		svc, store, bus, _ := postFixture(t)
		mustPost(t, svc, 1)
		store.failCreate = func(Message) (error, bool) { return apperr.E(apperr.Unavailable, "store down"), false }
		if _, err := svc.Post(context.Background(), scope, "u_a", "h_thread", "lost"); !apperr.Is(err, apperr.Unavailable) {
			t.Fatalf("err = %v, want UNAVAILABLE", err)
		}
		if m, _ := store.entry(2); !m.Skipped {
			t.Fatalf("seq 2 = %+v, want a skip marker", m)
		}
		if last := bus.published[len(bus.published)-1]; last.Seq != 2 || !last.Skipped {
			t.Fatalf("last published = %+v, want the skip of 2", last)
		}
		store.failCreate = nil
		mustPost(t, svc, 3)
		ch, _ := svc.Subscribe(context.Background(), scope, "h_thread", new(int))
		expect(t, ch, 1, 3) // nobody waits for 2
	})
	t.Run("LostAnswerIsSuccess", func(t *testing.T) {
		svc, store, bus, _ := postFixture(t)
		store.failCreate = func(Message) (error, bool) { return errors.New("deadline exceeded"), true }
		m := mustPost(t, svc, 1)
		if got, _ := store.entry(1); got.ID != m.ID || got.Skipped {
			t.Fatalf("seq 1 = %+v", got)
		}
		if len(bus.published) != 1 || bus.published[0].ID != m.ID {
			t.Fatalf("published %+v", bus.published)
		}
	})
	t.Run("SlowWriterSkippedPostsAgain", func(t *testing.T) {
		svc, store, _, _ := postFixture(t)
		mustPost(t, svc, 1)
		// A reader gave up on seq 2 before its writer's create landed.
		if _, err := store.Skip(context.Background(), "h_thread", 2, time.Now()); err != nil {
			t.Fatal(err)
		}
		m := mustPost(t, svc, 3)
		if got, _ := store.entry(3); got.ID != m.ID {
			t.Fatalf("seq 3 = %+v", got)
		}
	})
	t.Run("SequencerDown", func(t *testing.T) {
		svc, store, _, seq := postFixture(t)
		mustPost(t, svc, 1)
		seq.err = errors.New("redis: connection refused")
		mustPost(t, svc, 2)
		mustPost(t, svc, 3)
		seq.err = nil
		seq.lose()
		mustPost(t, svc, 4)
		if n := len(store.entries); n != 4 {
			t.Fatalf("%d entries stored", n)
		}
	})
	t.Run("ConcurrentWritersDistinctSeqs", func(t *testing.T) {
		svc, store, _, seq := postFixture(t)
		const writers = 50
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if i == writers/2 {
					seq.lose()
				}
				if _, err := svc.Post(context.Background(), scope, "u_a", "h_thread", "x"); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for seq := 1; seq <= writers; seq++ {
			m, ok := store.entry(seq)
			if !ok || m.Skipped || ids[m.ID] {
				t.Fatalf("seq %d = %+v (present %v)", seq, m, ok)
			}
			ids[m.ID] = true
		}
	})
}

// TestForeignAndAbsentCostTheSame: another tenant's thread and a thread that does not
// exist answer the same NOT_FOUND after the same store reads, however often they are
// asked and however warm the owner's own traffic keeps the cache (a cached owner against
// a store read for an absent id would tell them apart by timing).
func TestForeignAndAbsentCostTheSame(t *testing.T) {
	svc, store, _, _ := postFixture(t)
	foreign := Scope{TenantID: "t_other", Env: "prod", ProjectID: "p_other"}
	const absent = "h_00000000000000000000000000"
	// The owner's own traffic has the thread's owner cached.
	if _, err := svc.Thread(context.Background(), scope, "h_thread"); err != nil {
		t.Fatal(err)
	}
	store.mu.Lock()
	clear(store.ownerReads)
	store.mu.Unlock()
	var msgs []string
	for range 3 {
		for _, id := range []string{"h_thread", absent} {
			_, err := svc.Post(context.Background(), foreign, "u_mallory", id, "hi")
			if !apperr.Is(err, apperr.NotFound) {
				t.Fatalf("post to %s: %v, want NOT_FOUND", id, err)
			}
			msgs = append(msgs, err.Error())
		}
	}
	for _, m := range msgs[1:] {
		if m != msgs[0] {
			t.Fatalf("answers differ: %q", msgs)
		}
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if f, a := store.ownerReads["h_thread"], store.ownerReads[absent]; f != a {
		t.Fatalf("owner reads: foreign %d, absent %d; want the same", f, a)
	}
}
