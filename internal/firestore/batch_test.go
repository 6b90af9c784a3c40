package firestore

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	pb "cloud.google.com/go/firestore/apiv1/firestorepb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/northstar/northstar/internal/chat"
)

// scriptedStore is a batchWriter whose requests wait until the test answers them.
type scriptedStore struct {
	requests chan *request
}

type request struct {
	writes []*pb.Write
	answer chan func() ([]error, error)
}

func newScriptedStore() *scriptedStore { return &scriptedStore{requests: make(chan *request)} }

func (s *scriptedStore) write(ctx context.Context, writes []*pb.Write) ([]error, error) {
	r := &request{writes: writes, answer: make(chan func() ([]error, error), 1)}
	select {
	case s.requests <- r:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case f := <-r.answer:
		return f()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// next returns the next request the batcher sends.
func (s *scriptedStore) next(t *testing.T) *request {
	t.Helper()
	select {
	case r := <-s.requests:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("no request sent within 5s")
		return nil
	}
}

// applyAll answers r with every write applied.
func (r *request) applyAll() {
	r.answer <- func() ([]error, error) { return make([]error, len(r.writes)), nil }
}

func (r *request) names() []string {
	var ns []string
	for _, w := range r.writes {
		ns = append(ns, w.GetUpdate().GetName())
	}
	return ns
}

func write(name string) *pb.Write { return createWrite(name, nil) }

func unbounded(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(ctx)
}

// waitQueued waits until n writes are queued in b.
func waitQueued(t *testing.T, b *batcher, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		b.mu.Lock()
		q := len(b.queue)
		b.mu.Unlock()
		if q == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d writes queued after 5s, want %d", q, n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestBatcher(t *testing.T) {
	t.Run("AloneWhenIdle", func(t *testing.T) {
		s := newScriptedStore()
		b := &batcher{write: s.write, bound: unbounded}
		errc := make(chan error, 1)
		go func() { errc <- b.do(t.Context(), write("a")) }()
		r := s.next(t)
		if got := r.names(); !reflect.DeepEqual(got, []string{"a"}) {
			t.Fatalf("request = %v, want [a]", got)
		}
		r.applyAll()
		if err := <-errc; err != nil {
			t.Fatalf("do = %v, want nil", err)
		}
	})

	t.Run("QueuedWritesShareTheNextRequest", func(t *testing.T) {
		s := newScriptedStore()
		b := &batcher{write: s.write, bound: unbounded}
		var wg sync.WaitGroup
		errs := make([]error, maxBatchesInFlight+3)
		do := func(i int) {
			wg.Add(1)
			go func() { defer wg.Done(); errs[i] = b.do(t.Context(), write(fmt.Sprint(i))) }()
		}
		// Every sender busy with one write each...
		var busy []*request
		for i := range maxBatchesInFlight {
			do(i)
			busy = append(busy, s.next(t))
		}
		// ...so the next three wait, and go out together once a sender is free.
		for i := maxBatchesInFlight; i < len(errs); i++ {
			do(i)
		}
		waitQueued(t, b, 3)
		busy[0].applyAll()
		r := s.next(t)
		got := r.names()
		slices.Sort(got)
		want := []string{fmt.Sprint(maxBatchesInFlight), fmt.Sprint(maxBatchesInFlight + 1), fmt.Sprint(maxBatchesInFlight + 2)}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("request = %v, want %v", got, want)
		}
		// Each write has its own status: one taken seq fails only its post.
		taken := fmt.Sprint(maxBatchesInFlight + 1)
		r.answer <- func() ([]error, error) {
			errs := make([]error, len(r.writes))
			for i, name := range r.names() {
				if name == taken {
					errs[i] = status.Error(codes.AlreadyExists, "taken")
				}
			}
			return errs, nil
		}
		for _, r := range busy[1:] {
			r.applyAll()
		}
		wg.Wait()
		for i, err := range errs {
			if want := i == maxBatchesInFlight+1; (status.Code(err) == codes.AlreadyExists) != want || !want && err != nil {
				t.Errorf("write %d: do = %v", i, err)
			}
		}
	})

	t.Run("RequestErrorFailsEachWrite", func(t *testing.T) {
		s := newScriptedStore()
		b := &batcher{write: s.write, bound: unbounded}
		errc := make(chan error, 1)
		go func() { errc <- b.do(t.Context(), write("a")) }()
		s.next(t).answer <- func() ([]error, error) { return nil, status.Error(codes.Unavailable, "down") }
		if err := <-errc; status.Code(err) != codes.Unavailable {
			t.Fatalf("do = %v, want Unavailable", err)
		}
	})

	t.Run("MissingStatusIsAnError", func(t *testing.T) {
		s := newScriptedStore()
		b := &batcher{write: s.write, bound: unbounded}
		errc := make(chan error, 1)
		go func() { errc <- b.do(t.Context(), write("a")) }()
		s.next(t).answer <- func() ([]error, error) { return nil, nil }
		if err := <-errc; err == nil {
			t.Fatal("do = nil for a write the store gave no status for")
		}
	})

	t.Run("CallerGivingUpWhileQueuedIsNotWritten", func(t *testing.T) {
		s := newScriptedStore()
		b := &batcher{write: s.write, bound: unbounded}
		var busy []*request
		for i := range maxBatchesInFlight {
			go b.do(t.Context(), write(fmt.Sprint("busy", i)))
			busy = append(busy, s.next(t))
		}
		ctx, cancel := context.WithCancel(t.Context())
		errc := make(chan error, 1)
		go func() { errc <- b.do(ctx, write("gave-up")) }()
		go b.do(t.Context(), write("kept"))
		waitQueued(t, b, 2)
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Fatalf("do = %v, want context.Canceled at once", err)
		}
		busy[0].applyAll()
		r := s.next(t)
		if got := r.names(); !reflect.DeepEqual(got, []string{"kept"}) {
			t.Fatalf("request = %v, want [kept]: a write whose caller gave up is dropped", got)
		}
		r.applyAll()
		for _, r := range busy[1:] {
			r.applyAll()
		}
	})

	t.Run("RequestIsBounded", func(t *testing.T) {
		// A store known to be down: bound hands out an expired context.
		b := &batcher{
			write: newScriptedStore().write,
			bound: func(ctx context.Context) (context.Context, context.CancelFunc) {
				return context.WithDeadline(ctx, time.Now())
			},
		}
		if err := b.do(t.Context(), write("a")); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("do = %v, want the request's deadline", err)
		}
	})
}

// TestBatchedMessageEncoding writes a message through a real batcher and the same
// message through the client library, and compares the stored documents: messageFields
// must encode every field of chat.Message as the library does.
func TestBatchedMessageEncoding(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	client, store := newStore(t)
	// A cold emulator on a busy machine may take longer than a store operation's cap to
	// answer its first BatchWrite: warm it up.
	warm := client.Collection("warm-up").Doc("w")
	for deadline := time.Now().Add(time.Minute); ; {
		err := store.messages.do(ctx, createWrite(warm.Path, messageFields(chat.Message{ID: "m_w"})))
		if err == nil || status.Code(err) == codes.AlreadyExists {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the emulator does not take a BatchWrite: %v", err)
		}
	}

	for _, skipped := range []bool{false, true} {
		m := chat.Message{ID: "m_1", ThreadID: "h_1", Seq: 42, Text: "héllo", AuthorID: "u_1",
			CreatedAt: time.Date(2026, 11, 29, 18, 0, 0, 123456000, time.UTC), Skipped: skipped} // Firestore keeps microseconds
		if skipped {
			// Every field set: a field added to chat.Message without its encoding fails here.
			v := reflect.ValueOf(m)
			for i := range v.NumField() {
				if v.Field(i).IsZero() {
					t.Fatalf("the fixture leaves chat.Message.%s zero", v.Type().Field(i).Name)
				}
			}
		}
		batched := client.Collection("batched").Doc(fmt.Sprint(skipped))
		if err := store.messages.do(ctx, createWrite(batched.Path, messageFields(m))); err != nil {
			t.Fatalf("batched create: %v", err)
		}
		plain := client.Collection("plain").Doc(fmt.Sprint(skipped))
		if _, err := plain.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		got, err := batched.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, err := plain.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Data(), want.Data()) {
			t.Errorf("batched document = %v\nlibrary's       = %v", got.Data(), want.Data())
		}
		var back chat.Message
		if err := got.DataTo(&back); err != nil || !reflect.DeepEqual(back, m) {
			t.Errorf("read back %+v (%v), want %+v", back, err, m)
		}
		// Create-if-absent: the same write again is AlreadyExists.
		if err := store.messages.do(ctx, createWrite(batched.Path, messageFields(m))); status.Code(err) != codes.AlreadyExists {
			t.Errorf("second batched create = %v, want AlreadyExists", err)
		}
	}
}
