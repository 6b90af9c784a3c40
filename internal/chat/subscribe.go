package chat

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/northstar/northstar/internal/apperr"
)

// storeRetry is how long a stream waits to read the store again after it failed.
const storeRetry = time.Second

// maxPending bounds the live messages a stream holds while it waits for earlier ones;
// beyond it, the store supplies them.
const maxPending = 1024

// maxPointGap is the longest gap before a held message that a stream reads seq by seq
// (Store.MessagesAt) instead of as a page of the thread (Store.Messages): on a busy
// thread gaps are a few seqs of posts in flight, and a page query's cost may grow with
// the thread's length (on the emulator it scans the whole thread: 300 ms at 40,000
// messages, longer than a subscriber's bus buffer lasts at 2,000 messages/s).
const maxPointGap = 64

// Authorize checks that sc may follow threadID, as Subscribe does first. Returns NOT_FOUND.
func (s *Service) Authorize(ctx context.Context, sc Scope, threadID string) error {
	return s.authorize(ctx, sc, threadID)
}

// Subscribe streams a thread's messages to a subscriber in scope sc. With after set, it
// first replays stored messages with seq > *after, then follows the thread live; without,
// it follows the thread from its current last seq. Every subscriber of a thread on this
// replica shares one stream (see hub): the bus is at most once and concurrent posts
// publish out of order, so the stream fills every gap from the store (see the package
// documentation). Each seq is delivered once, in order; a store failure is retried, and
// a subscriber that falls behind catches up rather than being dropped. The channel
// closes when ctx ends.
// Returns NOT_FOUND, BAD_USER_INPUT, and the store's error when the thread's stream
// cannot start.
func (s *Service) Subscribe(ctx context.Context, sc Scope, threadID string, after *int) (<-chan *Message, error) {
	if after != nil && *after < 0 {
		return nil, apperr.E(apperr.BadUserInput, "after must not be negative")
	}
	if err := s.authorize(ctx, sc, threadID); err != nil {
		return nil, err
	}
	return s.join(ctx, threadID, after)
}

// stream puts a thread's entries in seq order from the bus and the store: the last seq
// passed, live messages that arrived ahead of their turn, and a timer for when to consult
// the store about a gap. A hub runs one for its thread; a subscriber catching up from the
// store runs one of its own, without live events.
type stream struct {
	svc      *Service
	threadID string
	last     int // the seq of the last entry delivered or passed
	// emit takes each entry in turn, skip markers included; returning false ends the
	// stream (its consumer is gone, or needs nothing more).
	emit    func(ctx context.Context, m *Message) bool
	pending map[int]*Message
	timer   *time.Timer
	due     time.Time // when the armed timer fires; zero when it is not armed
	// behind is set when the store may hold entries beyond those held after a gap the
	// stream waits on: once the gap fills live, the stream reads them at once.
	behind bool
}

func (st *stream) run(ctx context.Context, events <-chan *Event, replay bool) {
	st.timer = time.NewTimer(time.Hour)
	st.timer.Stop()
	defer st.timer.Stop()
	if replay && !st.catchUp(ctx) {
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-st.timer.C:
			st.due = time.Time{}
			if !st.catchUp(ctx) {
				return
			}
		case ev, ok := <-events:
			if !ok { // dropped by the bus for falling behind, or the bus closed
				return
			}
			if ev.Payload == nil { // the bus (re)attached: messages may have been missed
				if !st.catchUp(ctx) {
					return
				}
				continue
			}
			m, err := ev.message()
			if err != nil || m.ThreadID != st.threadID {
				st.svc.log.WarnContext(ctx, "chat: ignoring a malformed bus message", "thread", st.threadID)
				continue
			}
			if !st.live(ctx, m) {
				return
			}
		}
	}
}

// live takes one message from the bus: the next in line is delivered (with any held
// ones it unblocks), a later one is held and the timer armed, an earlier one is a
// duplicate.
func (st *stream) live(ctx context.Context, m *Message) bool {
	switch {
	case m.Seq <= st.last:
		return true
	case m.Seq > st.last+1:
		if len(st.pending) < maxPending {
			st.pending[m.Seq] = m
		}
		st.wait(st.svc.reorderWait)
		return true
	}
	if !st.send(ctx, m) || !st.drain(ctx) {
		return false
	}
	if st.behind {
		return st.catchUp(ctx)
	}
	return true
}

// drain delivers held messages while they are next in line.
func (st *stream) drain(ctx context.Context) bool {
	for {
		m, ok := st.pending[st.last+1]
		if !ok {
			break
		}
		delete(st.pending, m.Seq)
		if !st.send(ctx, m) {
			return false
		}
	}
	if len(st.pending) == 0 && !st.behind {
		st.arm(0)
	}
	return true
}

// wait arms the timer to consult the store within d, keeping an earlier deadline.
func (st *stream) wait(d time.Duration) {
	if due := time.Now().Add(d); st.due.IsZero() || due.Before(st.due) {
		st.arm(d)
	}
}

// arm sets the timer to fire in d, or disarms it when d is 0.
func (st *stream) arm(d time.Duration) {
	st.timer.Stop()
	st.due = time.Time{}
	if d > 0 {
		st.due = time.Now().Add(d)
		st.timer.Reset(d)
	}
}

// catchUp delivers from the store everything after st.last. A missing seq followed by a
// stored entry is a post in flight or one that failed: it is given until GapTimeout after
// the later entry was allocated (which is no earlier than the missing one's), then marked
// skipped. Until then the stream waits for it live, with the timer armed to look again.
func (st *stream) catchUp(ctx context.Context) bool {
	behind := st.behind
	st.behind = false
	for {
		entries, full, err := st.read(ctx, behind)
		if err != nil {
			st.behind = behind
			return st.retryLater(ctx, err)
		}
		gap := false
		for i := range entries {
			e := &entries[i]
			if e.Seq > st.last+1 && !st.drain(ctx) {
				return false
			}
			if e.Seq <= st.last {
				continue
			}
			if e.Seq > st.last+1 {
				wait := e.CreatedAt.Add(st.svc.gapTimeout).Sub(st.svc.now())
				if wait > 0 { // look again then, or sooner: the bus may have lost it
					// What follows the gap is stored: hold it, so the gap filling live
					// releases it without reading the store again.
					held := true
					for j := i; j < len(entries); j++ {
						if held = len(st.pending) < maxPending; !held {
							break
						}
						st.pending[entries[j].Seq] = &entries[j]
					}
					st.arm(min(wait, 4*st.svc.reorderWait))
					st.behind = !held || full // the store may hold more than is held
					return true
				}
				if err := st.skipGap(ctx, e.Seq); err != nil {
					st.behind = behind
					return st.retryLater(ctx, err)
				}
				gap = true
				break
			}
			if !st.send(ctx, e) {
				return false
			}
		}
		if !gap && !full {
			break
		}
		behind = full
	}
	for seq := range st.pending {
		if seq <= st.last {
			delete(st.pending, seq)
		}
	}
	if !st.drain(ctx) {
		return false
	}
	if len(st.pending) > 0 {
		st.wait(st.svc.reorderWait)
	}
	return true
}

// read returns stored entries after st.last, oldest first, and whether there may be more
// in the store than it returned. When the stream holds live messages a short gap ahead,
// and nothing beyond them may be missing (!behind), only the gap's seqs are read, by
// point reads, and the held messages follow them; otherwise a page of the thread.
func (st *stream) read(ctx context.Context, behind bool) ([]Message, bool, error) {
	first := 0 // the lowest held seq
	for seq := range st.pending {
		if seq > st.last && (first == 0 || seq < first) {
			first = seq
		}
	}
	if behind || first == 0 || first-st.last-1 > maxPointGap {
		entries, err := st.svc.store.Messages(ctx, st.threadID, st.last, replayPage)
		return entries, len(entries) == replayPage, err
	}
	seqs := make([]int, 0, first-st.last-1)
	for seq := st.last + 1; seq < first; seq++ {
		seqs = append(seqs, seq)
	}
	entries, err := st.svc.store.MessagesAt(ctx, st.threadID, seqs)
	if err != nil {
		return nil, false, err
	}
	for _, seq := range slices.Sorted(maps.Keys(st.pending)) {
		if seq >= first {
			entries = append(entries, *st.pending[seq])
		}
	}
	return entries, false, nil
}

// skipGap marks every seq from st.last+1 up to (not including) upTo skipped, unless a
// message landed there meanwhile; the caller reads the store again.
func (st *stream) skipGap(ctx context.Context, upTo int) error {
	for seq := st.last + 1; seq < upTo; seq++ {
		if _, err := st.svc.skip(ctx, st.threadID, seq); err != nil {
			return err
		}
	}
	return nil
}

// retryLater keeps the stream through a store failure (Firestore down or slow): nothing
// was delivered past st.last, so reading again later loses and repeats nothing. It ends
// the stream only when its context ended.
func (st *stream) retryLater(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	st.svc.log.WarnContext(ctx, "chat: reading a thread failed; trying again", "thread", st.threadID, "err", err)
	st.arm(storeRetry)
	return true
}

// send emits m when it is the next seq; an entry out of turn is never emitted (a later
// catch-up fills the gap).
func (st *stream) send(ctx context.Context, m *Message) bool {
	if m.Seq != st.last+1 {
		return true
	}
	if !st.emit(ctx, m) {
		return false
	}
	st.last = m.Seq
	return true
}
