package chatbus

import (
	"context"
	"hash/fnv"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/fanout"
	"github.com/northstar/northstar/internal/routing"
)

var (
	_ chat.Bus       = (*Bus)(nil)
	_ chat.Sequencer = (*Bus)(nil)
)

// Counters observes the bus for metrics. Every method must be cheap and safe for
// concurrent use.
type Counters interface {
	Delivered(n int)
	Dropped()
}

// Options configures a Bus.
type Options struct {
	// Route returns the route the bus must run on (the chat_bus route of the server's
	// env); ok is false while there is none. Required.
	Route func() (routing.Route, bool)
	// Dial connects to a route's Redis and proves it answers. Required (Dial, with the
	// secrets resolver, in production).
	Dial func(ctx context.Context, rt routing.Route) (redis.UniversalClient, error)
	// Prefix namespaces channel and key names; DefaultPrefix when empty.
	Prefix string
	// Buffer is each subscriber's queue; a subscriber whose queue is full is dropped.
	// DefaultBuffer when zero.
	Buffer int
	// Log receives bus errors; discarded when nil.
	Log *slog.Logger
	// Counters may be nil.
	Counters Counters
}

// Bus is the chat bus: topics with in-process fan-out over a Redis link that follows the
// chat_bus route (see the package documentation).
type Bus struct {
	route    func() (routing.Route, bool)
	dial     func(context.Context, routing.Route) (redis.UniversalClient, error)
	prefix   string
	buffer   int
	log      *slog.Logger
	counters Counters

	link     atomic.Pointer[link] // the Redis in use; nil until the first Ensure succeeds
	switchMu sync.Mutex           // one connect at a time

	mu     sync.Mutex
	topics map[string]map[*subscription]struct{}
	closed bool
}

// NewBus returns a bus that connects on the first Ensure. Close it to release Redis.
func NewBus(o Options) *Bus {
	b := &Bus{
		route: o.Route, dial: o.Dial, prefix: o.Prefix, buffer: o.Buffer, log: o.Log, counters: o.Counters,
		topics: map[string]map[*subscription]struct{}{},
	}
	if b.prefix == "" {
		b.prefix = DefaultPrefix
	}
	if b.buffer == 0 {
		b.buffer = DefaultBuffer
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	return b
}

// DefaultBuffer is a subscriber's default queue: 256 events, about 140 ms of slack for a
// thread taking 1,800 posts/s (measured in make bench part e: with 64, a subscriber of
// such a thread was dropped every few seconds), for 2 KiB per subscription.
const DefaultBuffer = 256

// connectTimeout bounds dialing a new route's Redis.
const connectTimeout = 5 * time.Second

// Ensure makes the bus run on the current route: it connects on first use, and when the
// route names another Redis it moves there — every topic is subscribed on the new link
// before the old one closes, and each subscriber is told to re-read the store once the new
// subscription is confirmed, so nothing is lost. It is the one path that connects the bus:
// start-up, first use and route changes all call it. When the route is gone the bus stays
// where it is. Returns ROUTE_MISSING when there is no route and no link yet, and the dial
// error (naming the route, never a secret) when the Redis does not answer.
func (b *Bus) Ensure(ctx context.Context) error {
	rt, ok := b.route()
	l := b.link.Load()
	if l != nil && (!ok || l.serves(rt)) {
		return nil
	}
	if !ok {
		return apperr.E(apperr.RouteMissing, "no chat_bus route")
	}
	b.switchMu.Lock()
	defer b.switchMu.Unlock()
	if l = b.link.Load(); l != nil && l.serves(rt) {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	client, err := b.dial(ctx, rt)
	if err != nil {
		return err
	}
	next, err := newLink(b, client, rt)
	if err != nil {
		_ = client.Close()
		return err
	}
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		next.close()
		return apperr.E(apperr.Unavailable, "the chat bus is closed")
	}
	b.link.Store(next)
	for topic := range b.topics {
		next.want(topic)
	}
	b.mu.Unlock()
	if l != nil {
		b.log.Info("chatbus: moved to a new route", "route", rt.Key().String(), "backend", rt.BackendType)
		l.close()
	}
	return nil
}

// Follow calls Ensure whenever changed delivers and every retry interval until ctx ends, so
// the bus moves when its route changes even while nobody uses it, and a failed move is
// tried again. Failures are logged; the bus keeps its current link meanwhile.
func (b *Bus) Follow(ctx context.Context, changed <-chan struct{}, retry time.Duration) {
	t := time.NewTicker(retry)
	defer t.Stop()
	for {
		if err := b.Ensure(ctx); err != nil && !apperr.Is(err, apperr.RouteMissing) && ctx.Err() == nil {
			b.log.Error("chatbus: cannot connect to the chat_bus route; staying on the current one", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-changed:
		case <-t.C:
		}
	}
}

// current returns the link in use, connecting first when needed.
func (b *Bus) current(ctx context.Context) (*link, error) {
	if err := b.Ensure(ctx); err != nil {
		return nil, err
	}
	return b.link.Load(), nil
}

// Client returns the Redis client in use (for readiness checks and tests), or nil.
func (b *Bus) Client() redis.UniversalClient {
	if l := b.link.Load(); l != nil {
		return l.client
	}
	return nil
}

// Publish sends payload to topic's subscribers on every process: PUBLISH on a single
// Redis, SPUBLISH (to the shard owning the channel) on a cluster. Returns ROUTE_MISSING,
// or the Redis error.
func (b *Bus) Publish(ctx context.Context, topic string, payload []byte) error {
	l, err := b.current(ctx)
	if err != nil {
		return err
	}
	return l.publish(ctx, b.channel(topic), payload)
}

// buckets is how many hash-tagged channel groups topics are spread over. On a cluster each
// group is one slot, so one shard and one connection per group (see the package
// documentation); 32 spreads the load over clusters of up to about ten masters.
const buckets = 32

// bucket returns a topic's channel group.
func bucket(topic string) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(topic))
	return int(h.Sum32() % buckets)
}

// DefaultPrefix namespaces the bus's channels and keys.
const DefaultPrefix = "ns:"

// Channel returns the Redis channel that carries topic under prefix: the prefix, the
// topic's group as a hash tag, the topic. Tools that publish like the bus use it.
func Channel(prefix, topic string) string {
	return prefix + "{" + strconv.Itoa(bucket(topic)) + "}" + topic
}

func (b *Bus) channel(topic string) string { return Channel(b.prefix, topic) }

// heartbeatChannel is a channel each group's subscription always holds, so its connection
// exists (and reconnects to the right shard) even with no topics.
func (b *Bus) heartbeatChannel(group int) string {
	return b.prefix + "{" + strconv.Itoa(group) + "}bus:heartbeat"
}

// Channel returns the Redis channel that carries topic (tests look it up on the shards).
func (b *Bus) Channel(topic string) string { return b.channel(topic) }

// topicOf inverts channel; ok is false for channels of no topic.
func (b *Bus) topicOf(channel string) (string, bool) {
	rest, ok := strings.CutPrefix(channel, b.prefix+"{")
	if !ok {
		return "", false
	}
	_, topic, ok := strings.Cut(rest, "}")
	return topic, ok && topic != "bus:heartbeat"
}

// deliver hands one event — the same *chat.Event for every subscriber, so it is decoded
// once — to the topic's subscribers. A nil payload tells them the link (re)attached.
func (b *Bus) deliver(topic string, payload []byte) {
	ev := chat.NewEvent(payload)
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for s := range b.topics[topic] {
		if s.queue.Offer(ev) {
			n++
			continue
		}
		b.dropLocked(s)
		b.log.Warn("chatbus: subscriber fell behind; disconnected", "topic", topic)
		if b.counters != nil {
			b.counters.Dropped()
		}
	}
	if n > 0 && payload != nil && b.counters != nil {
		b.counters.Delivered(n)
	}
}

// subscription is one subscriber of one topic.
type subscription struct {
	bus   *Bus
	topic string
	queue *fanout.Queue[*chat.Event] // guarded by bus.mu
}

// Events implements chat.Subscription.
func (s *subscription) Events() <-chan *chat.Event { return s.queue.C() }

// Close implements chat.Subscription.
func (s *subscription) Close() {
	s.bus.mu.Lock()
	defer s.bus.mu.Unlock()
	s.bus.dropLocked(s)
}

// Subscribe attaches to topic until ctx ends or Close. The first subscriber of a topic in
// this process has the link subscribe its Redis channel; the last one to leave has it
// unsubscribed. Subscribing never waits for Redis: without a link yet, the topic is
// subscribed when the bus connects.
func (b *Bus) Subscribe(ctx context.Context, topic string) chat.Subscription {
	s := &subscription{bus: b, topic: topic, queue: fanout.NewQueue[*chat.Event](b.buffer)}
	b.mu.Lock()
	if b.closed {
		s.queue.Close()
		b.mu.Unlock()
		return s
	}
	subs := b.topics[topic]
	if subs == nil {
		subs = map[*subscription]struct{}{}
		b.topics[topic] = subs
		if l := b.link.Load(); l != nil {
			l.want(topic)
		}
	}
	subs[s] = struct{}{}
	b.mu.Unlock()
	context.AfterFunc(ctx, s.Close) // no goroutine per subscriber while it lives
	return s
}

// dropLocked closes s's queue and removes s, once.
func (b *Bus) dropLocked(s *subscription) {
	if !s.queue.Close() {
		return
	}
	subs := b.topics[s.topic]
	delete(subs, s)
	if len(subs) == 0 && !b.closed {
		delete(b.topics, s.topic)
		if l := b.link.Load(); l != nil {
			l.want(s.topic)
		}
	}
}

// wanted reports whether topic has local subscribers.
func (b *Bus) wanted(topic string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.topics[topic]) > 0
}

// Topics returns how many topics have local subscribers (one Redis channel each).
func (b *Bus) Topics() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.topics)
}

// Close detaches every subscriber and closes the Redis link.
func (b *Bus) Close() error {
	b.switchMu.Lock()
	defer b.switchMu.Unlock()
	b.mu.Lock()
	b.closed = true
	for _, subs := range b.topics {
		for s := range subs {
			b.dropLocked(s)
		}
	}
	b.topics = map[string]map[*subscription]struct{}{}
	b.mu.Unlock()
	if l := b.link.Swap(nil); l != nil {
		l.close()
	}
	return nil
}
