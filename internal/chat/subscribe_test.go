package chat

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
)

// memStore is a unit-test Store holding one thread: entries by seq, with hooks to make
// writes fail.
type memStore struct {
	mu      sync.Mutex
	owner   Owner
	entries map[int]Message
	// failCreate, when set, decides whether a CreateMessage fails (and whether it lands
	// anyway, as a create whose answer was lost).
	failCreate func(m Message) (err error, landed bool)
	// failReads makes Messages and MessagesAt fail, like a store that does not answer;
	// failLast does the same to LastSeq.
	failReads, failLast bool
	// reads records each read: "range" (Messages) or "points" (MessagesAt).
	reads []string
	// ownerReads counts Owner calls by id.
	ownerReads map[string]int
}

func newMemStore() *memStore {
	return &memStore{owner: Owner{Kind: KindThread, TenantID: "t_a", Env: "prod", ProjectID: "p_a"}, entries: map[int]Message{}}
}

func (s *memStore) CreateThread(context.Context, Thread) error { return nil }
func (s *memStore) Owner(_ context.Context, id string) (Owner, error) {
	s.mu.Lock()
	if s.ownerReads == nil {
		s.ownerReads = map[string]int{}
	}
	s.ownerReads[id]++
	s.mu.Unlock()
	if id != "h_thread" {
		return Owner{}, apperr.E(apperr.NotFound, "no such thread")
	}
	return s.owner, nil
}
func (s *memStore) Thread(context.Context, string) (Thread, error) {
	return Thread{ID: "h_thread"}, nil
}
func (s *memStore) Threads(context.Context, Scope, int) ([]Thread, error) { return nil, nil }
func (s *memStore) CreateMessage(_ context.Context, m Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failCreate != nil {
		if err, landed := s.failCreate(m); err != nil {
			if landed {
				s.entries[m.Seq] = m
			}
			return err
		}
	}
	if _, ok := s.entries[m.Seq]; ok {
		return apperr.E(apperr.Conflict, "taken")
	}
	s.entries[m.Seq] = m
	return nil
}
func (s *memStore) Skip(_ context.Context, threadID string, seq int, at time.Time) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m, ok := s.entries[seq]; ok {
		return m, nil
	}
	m := Message{ThreadID: threadID, Seq: seq, CreatedAt: at, Skipped: true}
	s.entries[seq] = m
	return m, nil
}
func (s *memStore) LastSeq(context.Context, string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failLast {
		return 0, apperr.E(apperr.Unavailable, "store down")
	}
	last := 0
	for seq := range s.entries {
		last = max(last, seq)
	}
	return last, nil
}
func (s *memStore) Messages(_ context.Context, _ string, after, limit int) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads = append(s.reads, "range")
	if s.failReads {
		return nil, apperr.E(apperr.Unavailable, "store down")
	}
	seqs := slices.Sorted(maps.Keys(s.entries))
	var out []Message
	for _, seq := range seqs {
		if seq > after && len(out) < limit {
			out = append(out, s.entries[seq])
		}
	}
	return out, nil
}

func (s *memStore) MessagesAt(_ context.Context, _ string, seqs []int) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads = append(s.reads, "points")
	if s.failReads {
		return nil, apperr.E(apperr.Unavailable, "store down")
	}
	var out []Message
	for _, seq := range seqs {
		if m, ok := s.entries[seq]; ok {
			out = append(out, m)
		}
	}
	return out, nil
}

// readLog returns the reads made so far, and forgets them.
func (s *memStore) readLog() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.reads
	s.reads = nil
	return r
}

// put stores an entry directly, as another writer would.
func (s *memStore) put(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries[m.Seq] = m
}

// memSequencer is a unit-test Sequencer; err, when set, makes it fail like a Redis that
// is down.
type memSequencer struct {
	mu       sync.Mutex
	counters map[string]int
	err      error
}

func (q *memSequencer) Next(_ context.Context, id string) (int, bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return 0, false, q.err
	}
	v, ok := q.counters[id]
	if !ok {
		return 0, false, nil
	}
	q.counters[id] = v + 1
	return v + 1, true, nil
}

func (q *memSequencer) NextAfter(_ context.Context, id string, floor int) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return 0, q.err
	}
	v := max(q.counters[id], floor) + 1
	q.counters[id] = v
	return v, nil
}

func (q *memSequencer) Seed(_ context.Context, id string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return q.err
	}
	if _, ok := q.counters[id]; !ok {
		q.counters[id] = 0
	}
	return nil
}

// lose forgets every counter, as a Redis restarted without persistence does.
func (q *memSequencer) lose() {
	q.mu.Lock()
	defer q.mu.Unlock()
	clear(q.counters)
}

// manualBus lets a test decide what the live stream carries and when.
type manualBus struct {
	mu        sync.Mutex
	subs      []*manualSub
	published []Message // what Publish was given; nothing reaches subscribers without push
}

type manualSub struct{ ch chan *Event }

func (s *manualSub) Events() <-chan *Event { return s.ch }
func (s *manualSub) Close()                {}

func (b *manualBus) Publish(_ context.Context, _ string, payload []byte) error {
	var m Message
	if err := json.Unmarshal(payload, &m); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.published = append(b.published, m)
	return nil
}
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
	store, bus := newMemStore(), &manualBus{}
	return NewService(Config{Store: store, Bus: bus, Sequencer: &memSequencer{counters: map[string]int{}}}), store, bus
}

// post stores the next message without publishing it and returns its bus payload.
func post(t *testing.T, s *memStore) []byte {
	t.Helper()
	last, _ := s.LastSeq(context.Background(), "h_thread")
	m := Message{ThreadID: "h_thread", Seq: last + 1, Text: "x", CreatedAt: time.Now()}
	s.put(m)
	return payload(t, m)
}

func payload(t *testing.T, m Message) []byte {
	t.Helper()
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
		for _, sc := range []Scope{
			{TenantID: "t_b", Env: "prod", ProjectID: "p_a"},
			{TenantID: "t_a", Env: "staging", ProjectID: "p_a"},
			{TenantID: "t_a", Env: "prod", ProjectID: "p_b"},
		} {
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
	t.Run("SkipMarkersPassed", func(t *testing.T) {
		svc, store, bus := fixture(t)
		post(t, store)
		store.put(Message{ThreadID: "h_thread", Seq: 2, Skipped: true, CreatedAt: time.Now()})
		post(t, store)
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		expect(t, ch, 1, 3)
		skip := Message{ThreadID: "h_thread", Seq: 4, Skipped: true, CreatedAt: time.Now()}
		store.put(skip)
		bus.push(payload(t, skip)) // a live skip
		bus.push(post(t, store))   // 5 follows at once

		expect(t, ch, 5)
	})
	t.Run("StaleGapSkipped", func(t *testing.T) {
		svc, store, _ := fixture(t)
		store.put(Message{ThreadID: "h_thread", Seq: 1, CreatedAt: time.Now().Add(-time.Minute)})
		store.put(Message{ThreadID: "h_thread", Seq: 3, CreatedAt: time.Now().Add(-time.Minute)}) // 2's writer died long ago
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		expect(t, ch, 1, 3)
		if m, _ := store.Skip(ctx, "h_thread", 2, time.Now()); !m.Skipped {
			t.Fatalf("seq 2 = %+v, want a skip marker", m)
		}
	})
	t.Run("RecentGapWaitsForItsWriter", func(t *testing.T) {
		store, bus := newMemStore(), &manualBus{}
		svc := NewService(Config{Store: store, Bus: bus, Sequencer: &memSequencer{counters: map[string]int{}},
			GapTimeout: time.Hour, ReorderWait: 10 * time.Millisecond})
		post(t, store)
		store.put(Message{ThreadID: "h_thread", Seq: 3, CreatedAt: time.Now()}) // 2 is in flight
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		expect(t, ch, 1) // and not 3: 2 may still land
		m2 := Message{ThreadID: "h_thread", Seq: 2, CreatedAt: time.Now()}
		store.put(m2)
		bus.push(payload(t, m2))
		expect(t, ch, 2, 3)
	})
	t.Run("GapFilledFromStoreAfterReorderWait", func(t *testing.T) {
		store, bus := newMemStore(), &manualBus{}
		svc := NewService(Config{Store: store, Bus: bus, Sequencer: &memSequencer{counters: map[string]int{}},
			GapTimeout: time.Hour, ReorderWait: 10 * time.Millisecond})
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		post(t, store)           // 1: published, but the bus lost it
		bus.push(post(t, store)) // 2 arrives alone: held, then the store supplies 1
		expect(t, ch, 1, 2)
	})
	t.Run("ShortGapReadSeqBySeq", func(t *testing.T) {
		store, bus := newMemStore(), &manualBus{}
		svc := NewService(Config{Store: store, Bus: bus, Sequencer: &memSequencer{counters: map[string]int{}},
			GapTimeout: time.Hour, ReorderWait: 10 * time.Millisecond})
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		post(t, store)                                                                            // 1: lost by the bus
		p2 := payload(t, Message{ThreadID: "h_thread", Seq: 2, Text: "x", CreatedAt: time.Now()}) // 2: in flight
		store.put(Message{ThreadID: "h_thread", Seq: 3, Text: "x", CreatedAt: time.Now()})
		bus.push(payload(t, Message{ThreadID: "h_thread", Seq: 3, Text: "x", CreatedAt: time.Now()}))
		expect(t, ch, 1) // read at seq 1 and 2 only; 3 held for 2
		store.put(Message{ThreadID: "h_thread", Seq: 2, Text: "x", CreatedAt: time.Now()})
		bus.push(p2)
		expect(t, ch, 2, 3)
		for _, r := range store.readLog() {
			if r != "points" {
				t.Fatalf("reads = %v, want point reads only: the gap was short and nothing beyond it missing", store.readLog())
			}
		}
	})
	t.Run("LongGapReadAsPage", func(t *testing.T) {
		store, bus := newMemStore(), &manualBus{}
		svc := NewService(Config{Store: store, Bus: bus, Sequencer: &memSequencer{counters: map[string]int{}},
			GapTimeout: time.Hour, ReorderWait: 10 * time.Millisecond})
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		var want []int
		for seq := 1; seq <= maxPointGap+1; seq++ { // lost by the bus
			post(t, store)
			want = append(want, seq)
		}
		bus.push(post(t, store))
		expect(t, ch, append(want, maxPointGap+2)...)
		if reads := store.readLog(); !slices.Contains(reads, "range") {
			t.Fatalf("reads = %v, want a page read for a gap of %d", reads, maxPointGap+1)
		}
	})
	t.Run("DroppedStreamAttachesAgain", func(t *testing.T) {
		svc, store, bus := fixture(t)
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		bus.mu.Lock()
		close(bus.subs[0].ch) // the bus dropped the thread's stream: its queue was full
		bus.subs = bus.subs[:0]
		bus.mu.Unlock()
		waitFor(t, func() bool { bus.mu.Lock(); defer bus.mu.Unlock(); return len(bus.subs) == 1 })
		post(t, store)           // 1: posted while the stream was detached
		bus.push(post(t, store)) // 2, live on the new attachment
		expect(t, ch, 1, 2)
	})
	t.Run("StoreFailureRetried", func(t *testing.T) {
		svc, store, bus := fixture(t)
		store.mu.Lock()
		store.failReads = true
		store.mu.Unlock()
		ch, _ := svc.Subscribe(ctx, scope, "h_thread", new(int)) // the replay fails
		post(t, store)
		bus.push(nil) // and so does the catch-up after a re-attach
		store.mu.Lock()
		store.failReads = false // the store is back
		store.mu.Unlock()
		expect(t, ch, 1)
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

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
	}
}

// TestHub: the subscribers of a thread share one stream and one bus subscription; a
// subscriber that joins behind or falls behind catches up — from memory when the hub
// still holds what it missed, from the store otherwise — without holding up the others
// or being dropped; the stream stops with its last subscriber.
func TestHub(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	publish := func(t *testing.T, store *memStore, bus *manualBus, n int) []int {
		t.Helper()
		var seqs []int
		for range n {
			p := post(t, store)
			bus.push(p)
			var m Message
			_ = json.Unmarshal(p, &m)
			seqs = append(seqs, m.Seq)
		}
		return seqs
	}

	t.Run("OneStreamForAll", func(t *testing.T) {
		svc, store, bus := fixture(t)
		a, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		b, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		seqs := publish(t, store, bus, 3)
		expect(t, a, seqs...)
		expect(t, b, seqs...)
		bus.mu.Lock()
		n := len(bus.subs)
		bus.mu.Unlock()
		if n != 1 {
			t.Fatalf("%d bus subscriptions for one thread, want 1", n)
		}
	})
	t.Run("SlowSubscriberCatchesUpFromMemory", func(t *testing.T) {
		svc, store, bus := fixture(t)
		slow, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		fast, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		var seqs []int
		for range 4 { // 4 × 40 messages: far more than the slow one's queue holds
			batch := publish(t, store, bus, 40)
			expect(t, fast, batch...) // the fast one is not held up
			seqs = append(seqs, batch...)
		}
		store.readLog()
		expect(t, slow, seqs...) // nothing lost, nothing twice, in order
		if reads := store.readLog(); len(reads) != 0 {
			t.Errorf("store reads %v, want none: the hub held what the slow subscriber missed", reads)
		}
		more := publish(t, store, bus, 2)
		expect(t, slow, more...) // and it is live again
		expect(t, fast, more...)
	})
	t.Run("FarBehindCatchesUpFromStore", func(t *testing.T) {
		svc, store, bus := fixture(t)
		slow, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		fast, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		var seqs []int
		for len(seqs) < ringSize+100 {
			batch := publish(t, store, bus, 50)
			expect(t, fast, batch...)
			seqs = append(seqs, batch...)
		}
		expect(t, slow, seqs...)
		if reads := store.readLog(); !slices.Contains(reads, "range") {
			t.Errorf("store reads %v, want a page read: the hub no longer held the start", reads)
		}
	})
	t.Run("CrowdCatchesUpFromMemory", func(t *testing.T) {
		svc, store, _ := fixture(t)
		var seqs []int
		for range 10 { // stored before any subscriber: the stream starts above them
			var m Message
			_ = json.Unmarshal(post(t, store), &m)
			seqs = append(seqs, m.Seq)
		}
		first, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
		expect(t, first, seqs...)
		if reads := store.readLog(); !slices.Contains(reads, "range") {
			t.Fatalf("store reads %v, want the first one from the store", reads)
		}
		for range 3 {
			next, _ := svc.Subscribe(ctx, scope, "h_thread", new(int))
			expect(t, next, seqs...)
		}
		if reads := store.readLog(); len(reads) != 0 {
			t.Errorf("store reads %v, want none: the first catch-up left the messages in memory", reads)
		}
	})
	t.Run("LongMessagesKeepFewer", func(t *testing.T) {
		svc, store, bus := fixture(t)
		slow, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		fast, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		var seqs []int
		for seq := 1; seq <= 200; seq++ {
			m := Message{ThreadID: "h_thread", Seq: seq, Text: strings.Repeat("x", MaxTextLength), CreatedAt: time.Now()}
			store.put(m)
			bus.push(payload(t, m))
			seqs = append(seqs, seq)
			if seq%10 == 0 {
				expect(t, fast, seqs[seq-10:]...)
			}
		}
		svc.hubsMu.Lock()
		h := svc.hubs["h_thread"]
		svc.hubsMu.Unlock()
		h.mu.Lock()
		kept, size := len(h.ring), h.size
		h.mu.Unlock()
		if size > ringBytes || kept >= 200 {
			t.Fatalf("the hub keeps %d messages of %d bytes, want at most %d bytes", kept, size, ringBytes)
		}
		expect(t, slow, seqs...) // what the hub let go comes from the store
	})
	t.Run("LateJoinerReplaysThenFollows", func(t *testing.T) {
		svc, store, bus := fixture(t)
		first, _ := svc.Subscribe(ctx, scope, "h_thread", nil)
		seqs := publish(t, store, bus, 5)
		expect(t, first, seqs...)
		late, _ := svc.Subscribe(ctx, scope, "h_thread", &seqs[1]) // from seq 3
		more := publish(t, store, bus, 2)
		expect(t, late, append(seqs[2:], more...)...)
		expect(t, first, more...)
	})
	t.Run("LastLeaveStopsTheStream", func(t *testing.T) {
		svc, _, bus := fixture(t)
		actx, acancel := context.WithCancel(ctx)
		a, _ := svc.Subscribe(actx, scope, "h_thread", nil)
		bctx, bcancel := context.WithCancel(ctx)
		b, _ := svc.Subscribe(bctx, scope, "h_thread", nil)
		acancel()
		expectClosed(t, a)
		svc.hubsMu.Lock()
		running := len(svc.hubs)
		svc.hubsMu.Unlock()
		if running != 1 {
			t.Fatalf("%d hubs with one subscriber left, want 1", running)
		}
		bcancel()
		expectClosed(t, b)
		waitFor(t, func() bool { svc.hubsMu.Lock(); defer svc.hubsMu.Unlock(); return len(svc.hubs) == 0 })
		c, _ := svc.Subscribe(ctx, scope, "h_thread", nil) // a new stream, on a new attachment
		bus.mu.Lock()
		n := len(bus.subs)
		bus.mu.Unlock()
		if n != 2 || c == nil {
			t.Fatalf("%d bus subscriptions after a new subscribe, want 2", n)
		}
	})
	t.Run("StoreDownAtStart", func(t *testing.T) {
		svc, store, _ := fixture(t)
		store.mu.Lock()
		store.failLast = true
		store.mu.Unlock()
		if _, err := svc.Subscribe(ctx, scope, "h_thread", nil); !apperr.Is(err, apperr.Unavailable) {
			t.Fatalf("err = %v, want UNAVAILABLE", err)
		}
		store.mu.Lock()
		store.failLast = false
		store.mu.Unlock()
		if _, err := svc.Subscribe(ctx, scope, "h_thread", nil); err != nil {
			t.Fatalf("after the store came back: %v", err)
		}
	})
}

// expectClosed waits for ch to close, draining it.
func expectClosed(t *testing.T, ch <-chan *Message) {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("the channel did not close")
		}
	}
}
