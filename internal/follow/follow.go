// Package follow keeps an in-memory copy of a Firestore collection current from its
// snapshot stream: the routing registry, the trusted-document registry and the access
// log's relay (internal/live) run on it.
//
// Two things can go wrong with a stream, and Run handles both.
//
//   - It fails: Watch returns an error. Run reports it and watches again after a
//     growing delay (100 ms doubling to MaxDelay, 30 s by default; back to 100 ms after
//     a stream that lasted a minute). The copy keeps answering from its last snapshot
//     meanwhile. A Watch that returns nil ended on its own terms (the access log's
//     listener lives an hour at most) and is watched again at once.
//   - It goes quiet while the collection moves on. The Firestore client retries a broken
//     listen stream inside its iterator without telling its caller (with the emulator
//     cut off for 20 s, Next neither returned nor failed), and a connection that dies
//     without a reset can hold a stream open with nothing on it. Watch then never
//     returns, and nothing in the stream says the copy is stale. So every Check, Run
//     compares the copy's Stat (how many documents, the newest update time) with the
//     collection's own. When they differ at two checks in a row and no snapshot arrived
//     in between, the stream is not delivering: Run reports it to OnStale and restarts
//     the watch, whose first snapshot is the whole collection again (the registries
//     tell their subscribers what that snapshot changed).
//
// The access log's relay compares the newest event's commit time alone (Count zero on
// both sides): the log expires, so its size says nothing. A stored event counts as lag
// only when it is newer than both where the relay's replay began and the newest event it
// applied (a replica started after a quiet hour never receives the older newest event,
// and the newest may have expired). It checks every 2 s rather than 30 (one small read),
// since revocations wait on it. Its listener also ends itself every hour (Watch returns
// nil) and starts again from the last event seen.
//
// Two checks, not one: a write lands in the collection before its snapshot reaches the
// copy, so a single difference is normal. A stream that is alive delivers that snapshot
// well within a Check (30 s by default), and a collection that keeps changing keeps
// delivering, which counts as alive even when every check catches it mid-change.
//
// Costs: two small reads per Check per replica (a count aggregation, which Firestore
// bills at one read per thousand index entries, and the one newest document), nothing on
// the collection's writes; a restart reads the whole collection again. When a fresh
// snapshot does not bring the copy level either (it should; nothing known makes it
// fail), each restart in a row doubles the period, up to 16 times, so a copy that can
// never match is not re-read every minute. A check that cannot read the collection (an
// index missing in production, a permission) is no evidence and switches the check off
// until it can; the first failure of a run is reported to OnCheckErr.
//
// What the comparison cannot see: an edit that leaves the count alone and carries an
// update time older than the newest one the copy already holds (the update time is the
// writing replica's clock). The next change that moves the newest time, or any create or
// delete, shows the difference.
//
// A stale copy does not make the replica unready: every replica follows the same
// collection, so a listen outage would take them all out at once, while serving from
// the last snapshot keeps them answering. The restart, its log line and the
// northstar_follow_restarts_total metric are the response.
//
// Tests: follow_test.go drives Run with a fake stream and store (a quiet stream behind a
// moved collection is restarted once; a stream that keeps delivering, a copy that
// matches, or a store that cannot be read is not, and the failure is reported once; a
// failing stream is retried, at most MaxDelay later; a watch that ends on its own is
// renewed at once; repeated restarts back off); internal/firestore TestCollectionStats
// reads the two
// collections' Stats and the access log's from the emulator and follows the routes
// without a restart; internal/live TestFollowRestartsOnlyOnLag runs the relay on a fake
// log (restarted when lagging, not after a quiet hour, an expired newest event, or when
// caught up).
package follow

import (
	"context"
	"fmt"
	"time"
)

// Stat is what the staleness check compares: how many documents a collection holds and
// the newest of their update times.
type Stat struct {
	Count  int
	Newest time.Time
}

func (s Stat) String() string {
	return fmt.Sprintf("%d documents, newest %s", s.Count, s.Newest.UTC().Format(time.RFC3339Nano))
}

// DefaultCheck is how often Run compares the copy with the collection when
// Options.Check is zero.
const DefaultCheck = 30 * time.Second

// Options configures Run.
type Options struct {
	// Watch applies the collection's snapshots to the copy until ctx ends or the stream
	// fails (an error), or ends on its own terms (nil: a watch bounded in time, watched
	// again at once). Required.
	Watch func(ctx context.Context) error
	// Store reads the collection's Stat. Without it Run does no checks.
	Store func(ctx context.Context) (Stat, error)
	// Local returns the copy's Stat and how many snapshots it has applied so far.
	// Required with Store.
	Local func() (Stat, uint64)
	// Check is how often the copy is compared with the collection; DefaultCheck when 0.
	Check time.Duration
	// MaxDelay caps the growing delay before a failed stream is watched again; 30 s
	// when 0.
	MaxDelay time.Duration
	// OnErr is told of each failed stream before it is watched again; optional.
	OnErr func(error)
	// OnStale is told of each restart of a quiet stream, with the copy's and the
	// collection's Stats; optional.
	OnStale func(local, store Stat)
	// OnCheckErr is told when the collection's Stat cannot be read, once per run of
	// failed checks (the check is off meanwhile); optional.
	OnCheckErr func(error)
}

// Run keeps following until ctx ends.
func Run(ctx context.Context, o Options) {
	check := o.Check
	if check <= 0 {
		check = DefaultCheck
	}
	maxDelay := o.MaxDelay
	if maxDelay <= 0 {
		maxDelay = 30 * time.Second
	}
	delay := 100 * time.Millisecond
	restarts := 0 // restarts in a row whose new stream never caught up
	for ctx.Err() == nil {
		start := time.Now()
		watchCtx, stop := context.WithCancel(ctx)
		verdict := make(chan outcome, 1)
		if o.Store != nil {
			// Each restart in a row doubles the period (up to 16×): a copy that a fresh
			// snapshot does not bring level is re-read less and less often, not every minute.
			go func() { verdict <- watchdog(watchCtx, stop, o, check, check<<min(restarts, 4)) }()
		} else {
			verdict <- outcome{}
		}
		err := o.Watch(watchCtx)
		stop()
		v := <-verdict // the watchdog has stopped: nothing reports after this
		if ctx.Err() != nil {
			return
		}
		if v.matched {
			restarts = 0
		}
		if v.stale {
			restarts++
			continue // restarted on purpose: watch again at once
		}
		if err == nil {
			delay = 100 * time.Millisecond
			continue // the watch ended on its own terms
		}
		if o.OnErr != nil {
			o.OnErr(err)
		}
		if time.Since(start) > time.Minute {
			delay = 100 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, maxDelay)
	}
}

// outcome is what a watchdog saw of its stream: whether the copy matched the collection
// at some check, and whether it ended the stream as stale.
type outcome struct{ matched, stale bool }

// watchdog compares the copy with the collection every period (check once they match)
// while ctx (the watch's) lasts. When they differed at the previous check too and no
// snapshot arrived since, it reports and ends the watch with stop. A check that cannot
// read the collection is no evidence either way; the first of a run of them is reported
// to OnCheckErr.
func watchdog(ctx context.Context, stop context.CancelFunc, o Options, check, period time.Duration) (seen outcome) {
	t := time.NewTicker(period)
	defer t.Stop()
	differed, failing, applied0 := false, false, uint64(0)
	for {
		select {
		case <-ctx.Done():
			return seen
		case <-t.C:
		}
		store, err := o.Store(ctx)
		if ctx.Err() != nil {
			return seen
		}
		if err != nil {
			if !failing && o.OnCheckErr != nil {
				o.OnCheckErr(err)
			}
			differed, failing = false, true
			continue
		}
		failing = false
		local, applied := o.Local()
		if local.Count == store.Count && local.Newest.Equal(store.Newest) {
			differed, seen.matched = false, true
			if period != check {
				period = check // level again: back to the full rate
				t.Reset(period)
			}
			continue
		}
		if differed && applied == applied0 {
			if o.OnStale != nil {
				o.OnStale(local, store)
			}
			stop()
			seen.stale = true
			return seen
		}
		differed, applied0 = true, applied
	}
}
