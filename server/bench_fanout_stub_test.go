//go:build bench

package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/chatbus"
	"github.com/northstar/northstar/internal/routing"
)

// bareFanout is bare gqlgen's messagePosted for BenchmarkLoadFanout: every subscription
// gets seq 1 at once, then what is published into one channel, which a goroutine fans
// out to the subscribers' channels. Like the chat bus, each subscriber's channel holds
// chatbus.DefaultBuffer messages and a subscriber whose channel is full is dropped (its
// channel closed).
type bareFanout struct {
	pub *stubPublisher

	mu   sync.Mutex
	subs map[chan *chat.Message]struct{}

	dropped atomic.Uint64
}

// bareFanoutBuffer is each subscriber's queue, as the chat bus's.
const bareFanoutBuffer = chatbus.DefaultBuffer

func newBareFanout(t *testing.T) *bareFanout {
	f := &bareFanout{subs: map[chan *chat.Message]struct{}{}}
	f.pub = newStubPublisher(t, f.deliver)
	return f
}

func (f *bareFanout) deliver(m *chat.Message) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch := range f.subs {
		select {
		case ch <- m:
		default:
			delete(f.subs, ch)
			close(ch)
			f.dropped.Add(1)
		}
	}
}

func (f *bareFanout) handler() http.Handler { return bareSubscriptionHandler(bareFanoutResolvers{f}) }

// droppedCommand answers how many subscribers were dropped for a full channel.
func (f *bareFanout) droppedCommand(string) any {
	return struct{ Dropped uint64 }{f.dropped.Load()}
}

type bareFanoutResolvers struct{ f *bareFanout }

func (bareFanoutResolvers) Invitation() graph.InvitationResolver       { return nil }
func (bareFanoutResolvers) Membership() graph.MembershipResolver       { return nil }
func (bareFanoutResolvers) Mutation() graph.MutationResolver           { return nil }
func (bareFanoutResolvers) Query() graph.QueryResolver                 { return nil }
func (bareFanoutResolvers) Route() graph.RouteResolver                 { return nil }
func (bareFanoutResolvers) Tenant() graph.TenantResolver               { return nil }
func (bareFanoutResolvers) Thread() graph.ThreadResolver               { return nil }
func (r bareFanoutResolvers) Subscription() graph.SubscriptionResolver { return r }
func (bareFanoutResolvers) RouteChanged(context.Context, *string) (<-chan *routing.Route, error) {
	return nil, errors.New("not served")
}

func (r bareFanoutResolvers) MessagePosted(ctx context.Context, threadID string, _ *int) (<-chan *chat.Message, error) {
	ch := make(chan *chat.Message, bareFanoutBuffer)
	ch <- &chat.Message{ID: "m_1", ThreadID: threadID, Seq: 1, Text: "m1", AuthorID: "u_bench", CreatedAt: time.Now()}
	f := r.f
	f.mu.Lock()
	f.subs[ch] = struct{}{}
	f.mu.Unlock()
	context.AfterFunc(ctx, func() {
		f.mu.Lock()
		delete(f.subs, ch)
		f.mu.Unlock()
	})
	return ch, nil
}

var _ graph.ResolverRoot = bareFanoutResolvers{}

// stubPublisher publishes for a server process without a chat bus (bare gqlgen's stub,
// the floor): publish RATE FIRST starts publishPaced into a channel that one goroutine
// drains into deliver, publish-stop stops it and answers the last seq published.
type stubPublisher struct {
	t      *testing.T
	source chan *chat.Message

	mu   sync.Mutex
	stop context.CancelFunc
	done chan struct{}
	last int
}

func newStubPublisher(t *testing.T, deliver func(*chat.Message)) *stubPublisher {
	p := &stubPublisher{t: t, source: make(chan *chat.Message, 1024)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m := range p.source {
			deliver(m)
		}
	}()
	t.Cleanup(func() { close(p.source); <-done })
	return p
}

// publishCommand starts publishing: "RATE FIRST".
func (p *stubPublisher) publishCommand(arg string) any {
	var rate float64
	var first int
	if _, err := fmt.Sscan(arg, &rate, &first); err != nil {
		p.t.Fatalf("publish %q: want RATE FIRST: %v", arg, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stop != nil {
		p.t.Fatal("publish: already publishing")
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.stop, p.done = cancel, make(chan struct{})
	go func() {
		defer close(p.done)
		p.last, _ = publishPaced(ctx, rate, first, func(seq int) error {
			now := time.Now()
			m := &chat.Message{ID: fmt.Sprintf("m_bench%d", seq), ThreadID: "h_bench", Seq: seq,
				Text: strconv.FormatInt(now.UnixNano(), 10), AuthorID: "u_bench", CreatedAt: now}
			select {
			case p.source <- m:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	return struct{}{}
}

// stopCommand stops publishing and answers the last seq published.
func (p *stubPublisher) stopCommand(string) any {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stop == nil {
		p.t.Fatal("publish-stop: not publishing")
	}
	p.stop()
	<-p.done
	p.stop = nil
	return struct{ Last int }{p.last}
}
