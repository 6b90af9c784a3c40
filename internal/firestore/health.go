package firestore

import (
	"context"
	"errors"
	"time"
)

// Failing fast. A Firestore that does not answer must cost a request about callTimeout,
// not the request's whole deadline: the client library retries Unavailable until its
// context ends. So every store operation runs under bound, which caps it at callTimeout,
// and an operation that hits that cap wakes the guard (Guard), which probes Firestore:
// while the probe fails the store is down and operations fail at once with UNAVAILABLE,
// and the guard keeps probing every guardInterval, so service resumes within about that
// long of Firestore's return (the gRPC connection's reconnect backoff is capped as low in
// Connect). Operations of several round trips that may wait on other writers
// (transactions, versioned updates) are capped at txTimeout instead (boundTx): such an
// operation in flight when the store goes away may wait out its cap, as it cannot tell
// lock contention from an outage (and retrying a commit that had landed would answer
// CONFLICT for the caller's own write); it wakes the guard after callTimeout.
// server/fault_firestore_test.go TestFaultFirestoreDownFailsFast measures both bounds.
const (
	callTimeout = 2 * time.Second
	// txTimeout caps an operation that may wait on other writers within a healthy store
	// (transactions on each other's locks, pessimistic on the emulator; versioned updates
	// on their retries).
	txTimeout     = 10 * time.Second
	guardInterval = 250 * time.Millisecond
	// probeTimeout is as long as an operation's cap: a store that is merely saturated
	// (slow, still answering) must not be declared down (measured: a probe with 500 ms
	// failed under the posting benchmark's load and turned slow posts into errors).
	probeTimeout = callTimeout
)

// bound returns ctx capped at callTimeout (already past its deadline when the store is
// known to be down, so the operation fails at once as UNAVAILABLE) and the function that
// ends it, which also reports a cap that fired to the guard.
func (s *Store) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	return s.capped(ctx, callTimeout)
}

// boundTx is bound for an operation of several round trips that may wait on other
// writers (a transaction, a versioned update's read-check-write attempts): capped at
// txTimeout, it wakes the guard if it is still running after callTimeout, so that in an
// outage later operations fail fast.
func (s *Store) boundTx(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := s.capped(ctx, txTimeout)
	t := time.AfterFunc(callTimeout, s.suspect)
	return ctx, func() {
		t.Stop()
		cancel()
	}
}

func (s *Store) capped(ctx context.Context, limit time.Duration) (context.Context, context.CancelFunc) {
	if s.down.Load() {
		return context.WithDeadline(ctx, time.Now())
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= limit {
		return context.WithCancel(ctx)
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, limit)
	return ctx, func() {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) && parent.Err() == nil {
			s.suspect()
		}
		cancel()
	}
}

// Down reports whether the guard last found Firestore not answering.
func (s *Store) Down() bool { return s.down.Load() }

// suspect wakes the guard to probe the store.
func (s *Store) suspect() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Guard decides whether the store is down until ctx ends: woken by an operation that hit
// its cap, it probes; while probes fail, the store is down (operations fail at once) and
// it probes again every guardInterval. Without a running Guard operations only get their
// cap.
func (s *Store) Guard(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
		}
		for ctx.Err() == nil {
			wasDown := s.down.Load()
			pctx, cancel := context.WithTimeout(ctx, probeTimeout)
			_, err := s.Probe(pctx)
			cancel()
			if err == nil { // Probe cleared down
				if wasDown {
					s.log.Info("firestore answers again")
				}
				break
			}
			if !s.down.Swap(true) {
				s.log.Warn("firestore does not answer: failing store operations fast until it does", "err", err)
			}
			select {
			case <-ctx.Done():
			case <-time.After(guardInterval):
			}
		}
	}
}
