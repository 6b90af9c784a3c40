package chat

import (
	"context"

	"github.com/northstar/northstar/internal/apperr"
)

// Subscribe streams a thread's messages to a subscriber in scope sc. With after set, it
// first replays stored messages with seq > *after, then follows the bus; without, it
// follows the bus from the thread's current last seq. The bus is at most once, so the
// store fills every gap: a live message that skips a seq, or the bus re-attaching after a
// Redis outage, triggers a replay from the last seq delivered. Each seq is delivered once,
// in order. The channel closes when ctx ends, the store fails, or the bus drops the
// subscriber for falling more than a buffer behind. Returns NOT_FOUND, BAD_USER_INPUT.
func (s *Service) Subscribe(ctx context.Context, sc Scope, threadID string, after *int) (<-chan *Message, error) {
	if after != nil && *after < 0 {
		return nil, apperr.E(apperr.BadUserInput, "after must not be negative")
	}
	if err := s.authorize(ctx, sc, threadID); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	// Attach to the bus before reading the store: anything posted from here on is either in
	// the store read below or arrives on the bus.
	sub := s.bus.Subscribe(ctx, Topic(threadID))
	last := 0
	if after != nil {
		last = *after
	} else {
		t, err := s.store.Thread(ctx, threadID)
		if err != nil {
			sub.Close()
			cancel()
			return nil, err
		}
		last = t.LastSeq
	}
	out := make(chan *Message, streamBuffer)
	st := &stream{svc: s, threadID: threadID, last: last, out: out}
	go func() {
		defer close(out)
		defer cancel()
		defer sub.Close()
		st.run(ctx, sub.Events(), after != nil)
	}()
	return out, nil
}

type stream struct {
	svc      *Service
	threadID string
	last     int // the seq of the last message delivered
	out      chan<- *Message
}

func (st *stream) run(ctx context.Context, events <-chan *Event, replay bool) {
	if replay && !st.replay(ctx) {
		return
	}
	for {
		var ev *Event
		var ok bool
		select {
		case <-ctx.Done():
			return
		case ev, ok = <-events:
		}
		if !ok {
			return // dropped by the bus for falling behind, or detached
		}
		if ev.Payload == nil { // the bus re-attached: messages may have been missed
			if !st.replay(ctx) {
				return
			}
			continue
		}
		m, err := ev.message()
		if err != nil || m.ThreadID != st.threadID {
			st.svc.log.WarnContext(ctx, "chat: ignoring a malformed bus message", "thread", st.threadID)
			continue
		}
		switch {
		case m.Seq <= st.last:
			continue // already delivered (replayed, or published twice)
		case m.Seq > st.last+1:
			if !st.replay(ctx) { // a gap: the store has what the bus lost
				return
			}
			if m.Seq <= st.last {
				continue
			}
		}
		if !st.send(ctx, m) {
			return
		}
	}
}

// replay delivers stored messages after st.last until the store has no more.
func (st *stream) replay(ctx context.Context) bool {
	for {
		ms, err := st.svc.store.Messages(ctx, st.threadID, st.last, replayPage)
		if err != nil {
			if ctx.Err() == nil {
				st.svc.log.ErrorContext(ctx, "chat: replaying a thread failed; ending the subscription", "thread", st.threadID, "err", err)
			}
			return false
		}
		for i := range ms {
			if !st.send(ctx, &ms[i]) {
				return false
			}
		}
		if len(ms) < replayPage {
			return true
		}
	}
}

// send delivers m in order, waiting for the consumer. Waiting is safe: the bus keeps its
// own bounded buffer per subscription and drops a subscription that overflows it, which
// ends this stream (the client resumes with after = its last seq).
func (st *stream) send(ctx context.Context, m *Message) bool {
	if m.Seq != st.last+1 {
		return true // never deliver out of order; a later replay fills the gap
	}
	select {
	case st.out <- m:
		st.last = m.Seq
		return true
	case <-ctx.Done():
		return false
	}
}
