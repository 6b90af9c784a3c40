package chat

import (
	"context"
	"sync"
	"time"
)

// ringSize is how many of a thread's latest messages its hub keeps, for subscribers that
// join a little behind or fall a little behind: they catch up from memory, not the store.
// ringBytes bounds the memory they take (about, by messageSize): a busy thread of long
// messages keeps fewer.
const (
	ringSize  = 1024
	ringBytes = 256 << 10
)

// messageSize is about what a message takes in memory.
func messageSize(m *Message) int {
	return len(m.Text) + len(m.ID) + len(m.AuthorID) + len(m.ThreadID) + 64
}

// ringBatch is how many messages a subscriber catching up copies from the ring at once.
const ringBatch = 64

// hub is the one stream of a thread on this replica, shared by all its subscribers: one
// bus subscription, one ordering and gap-filling stream (stream.run), whose messages it
// hands to every subscriber that is up to date ("live") without waiting for any of them,
// keeping the latest of them (ringSize, ringBytes).
//
// A subscriber that is not up to date — it joined with an after below the hub, or its
// queue was full when the hub offered it a message — catches up in a goroutine of its
// own that lives only while it is behind: from the ring when the ring still holds what
// comes after its last seq, and otherwise from the store with a stream of its own (the
// store is durable and every seq the hub has passed is settled there). It becomes live
// again once it has reached the hub. A slow consumer therefore never holds up the hub or
// the other subscribers and is never dropped: it lags, and catches up when it can.
type hub struct {
	svc      *Service
	threadID string
	cancel   context.CancelFunc
	ready    chan struct{} // closed once start has run; err is then set
	err      error

	mu sync.Mutex
	// last is the seq of the last entry the hub passed (delivered or skipped).
	last int
	// ring holds the latest messages delivered, oldest first; floor is the seq at and
	// below which it holds nothing (everything in (floor, last] that is not a skip marker
	// is in it).
	ring  []*Message
	size  int // the ring's messageSize total
	floor int
	subs  map[*subscriber]struct{}
}

// subscriber is one subscription to a hub.
type subscriber struct {
	ctx context.Context
	out chan *Message
	// The fields below are guarded by the hub's mu.
	last     int  // the seq of the last entry delivered or passed
	live     bool // the hub offers it each message; otherwise it is catching up
	catching bool // its catch-up goroutine runs
	left     bool // its context ended: out is closed by whoever holds it last
}

// join attaches a new subscriber to the hub of threadID, starting the hub when there is
// none, from after (nil: from the hub's position, live only), and returns its channel.
// The subscriber leaves when ctx ends, and its channel then closes.
func (s *Service) join(ctx context.Context, threadID string, after *int) (<-chan *Message, error) {
	s.hubsMu.Lock()
	h, ok := s.hubs[threadID]
	if !ok {
		h = &hub{svc: s, threadID: threadID, ready: make(chan struct{}), subs: map[*subscriber]struct{}{}}
		s.hubs[threadID] = h
	}
	sub := &subscriber{ctx: ctx, out: make(chan *Message, streamBuffer)}
	h.mu.Lock()
	h.subs[sub] = struct{}{}
	h.mu.Unlock()
	s.hubsMu.Unlock()
	if !ok {
		h.start()
	}
	<-h.ready
	if h.err != nil {
		s.leave(h, sub)
		return nil, h.err
	}
	h.mu.Lock()
	switch {
	case after == nil:
		sub.last, sub.live = h.last, true
	case *after >= h.last:
		sub.last, sub.live = *after, true
	default:
		sub.last = *after
		h.catchUp(sub)
	}
	h.mu.Unlock()
	context.AfterFunc(ctx, func() { s.leave(h, sub) })
	return sub.out, nil
}

// leave detaches sub, closing its channel (or having its catch-up close it), and stops
// the hub when it was the last subscriber.
func (s *Service) leave(h *hub, sub *subscriber) {
	s.hubsMu.Lock()
	h.mu.Lock()
	if _, ok := h.subs[sub]; !ok {
		h.mu.Unlock()
		s.hubsMu.Unlock()
		return
	}
	delete(h.subs, sub)
	sub.left, sub.live = true, false
	if !sub.catching {
		close(sub.out)
	}
	stop := len(h.subs) == 0
	h.mu.Unlock()
	if stop {
		delete(s.hubs, h.threadID)
	}
	s.hubsMu.Unlock()
	if stop && h.cancel != nil {
		h.cancel()
	}
}

// start attaches the hub to the bus, then reads where the thread is, and runs its stream
// until the last subscriber leaves. It closes ready when done, with err set on failure.
func (h *hub) start() {
	ctx, cancel := context.WithCancel(context.Background()) // it outlives the subscriber that started it
	// Attach to the bus before reading the store: anything posted from here on is either
	// at or below the last seq read, or arrives on the bus.
	bus := h.svc.bus.Subscribe(ctx, Topic(h.threadID))
	last, err := h.svc.store.LastSeq(ctx, h.threadID)
	if err != nil {
		bus.Close()
		cancel()
		h.err = err
		close(h.ready)
		return
	}
	h.cancel, h.last, h.floor = cancel, last, last
	close(h.ready)
	go h.run(ctx, bus)
}

// run runs the hub's stream. When the bus drops it (it fell a bus queue behind), it
// attaches again and reads the store from where it was: no subscriber notices but a delay.
func (h *hub) run(ctx context.Context, bus Subscription) {
	st := &stream{svc: h.svc, threadID: h.threadID, last: h.last, pending: map[int]*Message{}, emit: h.deliver}
	replay := false
	for {
		st.run(ctx, bus.Events(), replay)
		bus.Close()
		if ctx.Err() != nil {
			return
		}
		h.svc.log.WarnContext(ctx, "chat: the bus dropped a thread's stream; attaching again", "thread", h.threadID)
		if !sleep(ctx, h.svc.reorderWait) { // a closed bus drops every attachment at once
			return
		}
		bus = h.svc.bus.Subscribe(ctx, Topic(h.threadID))
		replay = true
	}
}

// deliver is the hub stream's emit: it passes m (the next seq) to every live subscriber
// without waiting; one whose queue is full starts catching up instead.
func (h *hub) deliver(_ context.Context, m *Message) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.last = m.Seq
	if m.Skipped {
		return true
	}
	h.ring = append(h.ring, m)
	h.size += messageSize(m)
	drop := 0
	for size := h.size; len(h.ring)-drop > ringSize || size > ringBytes && len(h.ring)-drop > 1; drop++ {
		size -= messageSize(h.ring[drop])
	}
	if drop > 0 {
		h.floor = h.ring[drop-1].Seq
		for _, old := range h.ring[:drop] {
			h.size -= messageSize(old)
		}
		h.ring = append(h.ring[:0], h.ring[drop:]...)
	}
	for sub := range h.subs {
		if !sub.live || m.Seq <= sub.last { // catching up, or joined ahead of the hub
			continue
		}
		select {
		case sub.out <- m:
			sub.last = m.Seq
		default:
			sub.live = false
			h.catchUp(sub)
		}
	}
	return true
}

// catchUp starts sub's catch-up goroutine unless it runs; the caller holds h.mu.
func (h *hub) catchUp(sub *subscriber) {
	if sub.catching || sub.left {
		return
	}
	sub.catching = true
	go h.follow(sub)
}

// follow brings sub up to the hub, then makes it live; it ends early when sub leaves.
func (h *hub) follow(sub *subscriber) {
	defer func() {
		h.mu.Lock()
		sub.catching = false
		if sub.left {
			close(sub.out)
		}
		h.mu.Unlock()
	}()
	for sub.ctx.Err() == nil {
		h.mu.Lock()
		if sub.left {
			h.mu.Unlock()
			return
		}
		if sub.last >= h.floor {
			batch := h.after(sub.last)
			if len(batch) == 0 { // nothing but skip markers, if anything, up to the hub
				sub.last, sub.live = max(sub.last, h.last), true
				h.mu.Unlock()
				return
			}
			h.mu.Unlock()
			for _, m := range batch {
				select {
				case sub.out <- m:
				case <-sub.ctx.Done():
					return
				}
				h.mu.Lock()
				sub.last = m.Seq
				h.mu.Unlock()
			}
			continue
		}
		from := sub.last
		h.mu.Unlock()
		if !h.fromStore(sub, from) {
			return
		}
	}
}

// after returns up to ringBatch ring messages with seqs above seq; the caller holds h.mu.
func (h *hub) after(seq int) []*Message {
	i := len(h.ring)
	for i > 0 && h.ring[i-1].Seq > seq {
		i--
	}
	return append([]*Message(nil), h.ring[i:min(len(h.ring), i+ringBatch)]...)
}

// fromStore delivers sub's messages after from out of the store, with a stream of its own
// (gaps filled or skipped as for the hub), until sub reaches what the ring holds. What it
// read then extends the ring downwards, so that the next subscriber from about the same
// place (a crowd reconnecting after a deploy) catches up from memory. It returns false
// when sub left.
func (h *hub) fromStore(sub *subscriber, from int) bool {
	reached := false
	var read []*Message // the entries emitted, in seq order from from+1, at most ringSize
	st := &stream{svc: h.svc, threadID: h.threadID, last: from, pending: map[int]*Message{}}
	st.emit = func(ctx context.Context, m *Message) bool {
		if !m.Skipped {
			select {
			case sub.out <- m:
			case <-ctx.Done():
				return false
			}
		}
		if len(read) == ringSize {
			read = append(read[:0], read[1:]...)
		}
		read = append(read, m)
		h.mu.Lock()
		defer h.mu.Unlock()
		sub.last = m.Seq
		if reached = sub.last >= h.floor; reached {
			h.extend(read)
		}
		return !reached // a stream stops when emit says so
	}
	st.run(sub.ctx, nil, true) // the store alone: no live events
	return reached
}

// extend puts read — consecutive settled entries (skip markers included) up to at least
// the ring's floor — under the ring, as far as the ring has room (ringSize, ringBytes);
// the caller holds h.mu.
func (h *hub) extend(read []*Message) {
	var below []*Message
	for _, m := range read {
		if m.Seq <= h.floor && !m.Skipped {
			below = append(below, m)
		}
	}
	if len(read) == 0 || read[0].Seq >= h.floor {
		return
	}
	// Keep the newest of below that fit, by count and by size.
	keep, size := 0, h.size
	for i := len(below) - 1; i >= 0 && len(h.ring)+keep < ringSize && size+messageSize(below[i]) <= ringBytes; i-- {
		size += messageSize(below[i])
		keep++
	}
	if keep == 0 {
		return
	}
	floor := read[0].Seq - 1
	if keep < len(below) {
		floor = below[len(below)-keep-1].Seq // what is left out stays below the floor
	}
	h.ring = append(below[len(below)-keep:], h.ring...)
	h.size, h.floor = size, floor
}

// sleep waits d, or until ctx ends (false).
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
