package chatbus

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/chat"
)

var _ chat.Bus = (*Bus)(nil)

// Counters observes the bus for metrics. Every method must be cheap and safe for
// concurrent use.
type Counters interface {
	Delivered(n int)
	Dropped()
}

// Options configures a Bus.
type Options struct {
	// Prefix namespaces channel names; "ns:" when empty.
	Prefix string
	// Buffer is each subscriber's queue; a subscriber whose queue is full is dropped.
	// 64 when zero.
	Buffer int
	// Log receives bus errors; discarded when nil.
	Log *slog.Logger
	// Counters may be nil.
	Counters Counters
}

// Bus is a Redis pub/sub bus with in-process fan-out: one Redis subscription per process
// carries every topic that has local subscribers, and each message is handed to the
// topic's subscribers through bounded queues. A subscriber that lets its queue fill is
// disconnected, so a slow consumer never stalls the others.
type Bus struct {
	client   redis.UniversalClient
	prefix   string
	buffer   int
	log      *slog.Logger
	counters Counters

	ps   *redis.PubSub
	done chan struct{}

	mu     sync.Mutex
	topics map[string]map[*subscription]struct{}
	closed bool
}

// commandTimeout bounds the subscribe and unsubscribe commands; go-redis records the
// channel anyway and re-subscribes after reconnecting.
const commandTimeout = 2 * time.Second

// heartbeat is a channel the bus always holds, so its Redis connection exists (and
// reconnects) even with no topics.
const heartbeat = "bus:heartbeat"

// NewBus starts a bus on client. Close it to release the Redis subscription.
func NewBus(client redis.UniversalClient, o Options) *Bus {
	b := &Bus{
		client: client, prefix: o.Prefix, buffer: o.Buffer, log: o.Log, counters: o.Counters,
		done: make(chan struct{}), topics: map[string]map[*subscription]struct{}{},
	}
	if b.prefix == "" {
		b.prefix = "ns:"
	}
	if b.buffer == 0 {
		b.buffer = 64
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	b.ps = client.Subscribe(ctx, b.prefix+heartbeat)
	ch := b.ps.ChannelWithSubscriptions(redis.WithChannelSize(1024), redis.WithChannelHealthCheckInterval(time.Second))
	go b.loop(ch)
	return b
}

// loop hands Redis messages to subscribers. A (re)subscription confirmation means the
// connection was (re)established: the topic's subscribers are told they may have missed
// messages.
func (b *Bus) loop(ch <-chan any) {
	defer close(b.done)
	for msg := range ch {
		switch m := msg.(type) {
		case *redis.Message:
			b.deliver(m.Channel, []byte(m.Payload))
		case *redis.Subscription:
			if m.Kind == "subscribe" {
				b.deliver(m.Channel, nil)
			}
		}
	}
}

// deliver hands one event — the same *chat.Event for every subscriber, so it is decoded
// once — to the topic's subscribers.
func (b *Bus) deliver(channel string, payload []byte) {
	topic := channel[min(len(b.prefix), len(channel)):]
	ev := chat.NewEvent(payload)
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for s := range b.topics[topic] {
		select {
		case s.ch <- ev:
			n++
		default:
			b.dropLocked(s)
			b.log.Warn("chatbus: subscriber fell behind; disconnected", "topic", topic)
			if b.counters != nil {
				b.counters.Dropped()
			}
		}
	}
	if n > 0 && payload != nil && b.counters != nil {
		b.counters.Delivered(n)
	}
}

// Publish sends payload to topic's subscribers on every process.
func (b *Bus) Publish(ctx context.Context, topic string, payload []byte) error {
	return b.client.Publish(ctx, b.prefix+topic, payload).Err()
}

// subscription is one subscriber of one topic.
type subscription struct {
	bus   *Bus
	topic string
	ch    chan *chat.Event
	once  sync.Once
}

// Events implements chat.Subscription.
func (s *subscription) Events() <-chan *chat.Event { return s.ch }

// Close implements chat.Subscription.
func (s *subscription) Close() {
	s.bus.mu.Lock()
	defer s.bus.mu.Unlock()
	s.bus.dropLocked(s)
}

// Subscribe attaches to topic until ctx ends or Close. The first subscriber of a topic in
// this process subscribes the Redis channel; the last one to leave unsubscribes it.
func (b *Bus) Subscribe(ctx context.Context, topic string) chat.Subscription {
	s := &subscription{bus: b, topic: topic, ch: make(chan *chat.Event, b.buffer)}
	b.mu.Lock()
	if b.closed {
		close(s.ch)
		b.mu.Unlock()
		return s
	}
	subs := b.topics[topic]
	if subs == nil {
		subs = map[*subscription]struct{}{}
		b.topics[topic] = subs
		b.command(b.ps.Subscribe, topic)
	}
	subs[s] = struct{}{}
	b.mu.Unlock()
	context.AfterFunc(ctx, s.Close) // no goroutine per subscriber while it lives
	return s
}

// dropLocked removes s and closes its queue, once.
func (b *Bus) dropLocked(s *subscription) {
	s.once.Do(func() {
		close(s.ch)
		subs := b.topics[s.topic]
		delete(subs, s)
		if len(subs) == 0 && !b.closed {
			delete(b.topics, s.topic)
			b.command(b.ps.Unsubscribe, s.topic)
		}
	})
}

// command runs a (un)subscribe; failures are logged, as go-redis keeps its channel set and
// replays it on reconnect.
func (b *Bus) command(f func(context.Context, ...string) error, topic string) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	if err := f(ctx, b.prefix+topic); err != nil {
		b.log.Warn("chatbus: redis (un)subscribe failed; it is retried on reconnect", "topic", topic, "err", err)
	}
}

// Topics returns how many topics have local subscribers (one Redis channel each).
func (b *Bus) Topics() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.topics)
}

// Close detaches every subscriber and closes the Redis subscription.
func (b *Bus) Close() error {
	b.mu.Lock()
	b.closed = true
	for _, subs := range b.topics {
		for s := range subs {
			b.dropLocked(s)
		}
	}
	b.topics = map[string]map[*subscription]struct{}{}
	b.mu.Unlock()
	err := b.ps.Close()
	<-b.done
	return err
}
