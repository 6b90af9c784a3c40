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
	t      *testing.T
	source chan *chat.Message

	mu   sync.Mutex
	subs map[chan *chat.Message]struct{}

	dropped atomic.Uint64

	pubMu   sync.Mutex
	pubStop context.CancelFunc
	pubDone chan struct{}
	pubLast int
}

// bareFanoutBuffer is each subscriber's queue, as the chat bus's.
const bareFanoutBuffer = chatbus.DefaultBuffer

func newBareFanout(t *testing.T) *bareFanout {
	f := &bareFanout{t: t, source: make(chan *chat.Message, 1024), subs: map[chan *chat.Message]struct{}{}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m := range f.source {
			f.deliver(m)
		}
	}()
	t.Cleanup(func() { close(f.source); <-done })
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

// publishCommand starts publishing: "RATE FIRST".
func (f *bareFanout) publishCommand(arg string) any {
	var rate float64
	var first int
	if _, err := fmt.Sscan(arg, &rate, &first); err != nil {
		f.t.Fatalf("publish %q: want RATE FIRST: %v", arg, err)
	}
	f.pubMu.Lock()
	defer f.pubMu.Unlock()
	if f.pubStop != nil {
		f.t.Fatal("publish: already publishing")
	}
	ctx, cancel := context.WithCancel(context.Background())
	f.pubStop, f.pubDone = cancel, make(chan struct{})
	go func() {
		defer close(f.pubDone)
		f.pubLast, _ = publishPaced(ctx, rate, first, func(seq int) error {
			now := time.Now()
			m := &chat.Message{ID: fmt.Sprintf("m_bench%d", seq), ThreadID: "h_bench", Seq: seq,
				Text: strconv.FormatInt(now.UnixNano(), 10), AuthorID: "u_bench", CreatedAt: now}
			select {
			case f.source <- m:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	return struct{}{}
}

// stopCommand stops publishing and answers the last seq published.
func (f *bareFanout) stopCommand(string) any {
	f.pubMu.Lock()
	defer f.pubMu.Unlock()
	if f.pubStop == nil {
		f.t.Fatal("publish-stop: not publishing")
	}
	f.pubStop()
	<-f.pubDone
	f.pubStop = nil
	return struct{ Last int }{f.pubLast}
}

// droppedCommand answers how many subscribers were dropped for a full channel.
func (f *bareFanout) droppedCommand(string) any {
	return struct{ Dropped uint64 }{f.dropped.Load()}
}

type bareFanoutResolvers struct{ f *bareFanout }

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
