package chatbus

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/routing"
)

// commandTimeout bounds one (un)subscribe command; go-redis records the channel anyway
// and subscribes it again after reconnecting.
const commandTimeout = 2 * time.Second

// link is the bus's connection to one Redis (or Redis Cluster): the client, whose
// autopipeliner carries every command (publishes, sequence numbers, quota leases; see the
// package documentation), and the pub/sub connections that carry its topics. A classic link
// has one pub/sub connection (group 0) for every channel; a sharded link (redis-cluster)
// has one per channel group, each connected to the shard owning the group's slot.
//
// Redis (un)subscribe commands are issued by one goroutine, the reconciler, which compares
// what the bus wants (topics with local subscribers) with what it told Redis. Subscribing
// a topic therefore never blocks on Redis, and commands for one topic can never overtake
// each other.
type link struct {
	bus     *Bus
	client  redis.UniversalClient
	cmds    *redis.AutoPipeliner // client's; every command but pub/sub goes through it
	sharded bool
	rt      routing.Route // the route the link was made for

	mu     sync.Mutex
	queue  map[string]struct{} // topics to reconcile
	resets map[int]struct{}    // groups whose shard dropped their subscriptions
	kick   chan struct{}
	stop   chan struct{}
	done   chan struct{}
	loops  sync.WaitGroup

	// Owned by the reconciler goroutine.
	groups     map[int]*redis.PubSub
	subscribed map[string]bool
}

func newLink(b *Bus, client redis.UniversalClient, rt routing.Route) (*link, error) {
	cfg, err := rt.Redis()
	if err != nil {
		return nil, fmt.Errorf("chatbus: route %s: %w", rt.Key(), err)
	}
	cmds, err := client.AutoPipeline()
	if err != nil {
		return nil, fmt.Errorf("chatbus: %w", err)
	}
	l := &link{
		bus: b, client: client, cmds: cmds, sharded: cfg.Cluster, rt: rt,
		queue: map[string]struct{}{}, resets: map[int]struct{}{},
		kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{}),
		groups: map[int]*redis.PubSub{}, subscribed: map[string]bool{},
	}
	if !l.sharded {
		l.open(0) // one connection carries every channel; it exists from the start
	}
	go l.reconcile()
	return l, nil
}

// serves reports whether the link is what rt asks for: the same backend, configuration
// and secrets (a few string comparisons, made on every use).
func (l *link) serves(rt routing.Route) bool { return l.rt.SameTarget(rt) }

// group returns the pub/sub group carrying topic.
func (l *link) group(topic string) int {
	if l.sharded {
		return bucket(topic)
	}
	return 0
}

// want asks the reconciler to bring topic's Redis subscription in line with the bus.
func (l *link) want(topic string) {
	l.mu.Lock()
	l.queue[topic] = struct{}{}
	l.mu.Unlock()
	select {
	case l.kick <- struct{}{}:
	default:
	}
}

// reset asks the reconciler to reconnect a group (its shard unsubscribed it: the slot moved).
func (l *link) reset(group int) {
	l.mu.Lock()
	l.resets[group] = struct{}{}
	l.mu.Unlock()
	select {
	case l.kick <- struct{}{}:
	default:
	}
}

func (l *link) reconcile() {
	defer close(l.done)
	for {
		select {
		case <-l.stop:
			return
		case <-l.kick:
		}
		l.mu.Lock()
		queue, resets := l.queue, l.resets
		l.queue, l.resets = map[string]struct{}{}, map[int]struct{}{}
		l.mu.Unlock()
		for g := range resets {
			if ps := l.groups[g]; ps != nil {
				_ = ps.Close()
				delete(l.groups, g)
			}
			for topic, on := range l.subscribed {
				if on && l.group(topic) == g {
					delete(l.subscribed, topic)
					queue[topic] = struct{}{}
				}
			}
		}
		for topic := range queue {
			want := l.bus.wanted(topic)
			if want == l.subscribed[topic] {
				continue
			}
			l.command(topic, want)
			if want {
				l.subscribed[topic] = true
			} else {
				delete(l.subscribed, topic)
			}
		}
	}
}

// command (un)subscribes one topic's channel; a failure is logged, as go-redis keeps its
// channel set and replays it on reconnect.
func (l *link) command(topic string, subscribe bool) {
	ps := l.open(l.group(topic))
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	ch := l.bus.channel(topic)
	var err error
	switch {
	case subscribe && l.sharded:
		err = ps.SSubscribe(ctx, ch)
	case subscribe:
		err = ps.Subscribe(ctx, ch)
	case l.sharded:
		err = ps.SUnsubscribe(ctx, ch)
	default:
		err = ps.Unsubscribe(ctx, ch)
	}
	if err != nil {
		l.bus.log.Warn("chatbus: redis (un)subscribe failed; it is retried on reconnect", "topic", topic, "err", err)
	}
}

// open returns a group's pub/sub connection, opening it with the group's heartbeat
// channel: on a cluster the connection goes to the shard owning the group's slot, and every
// channel it ever holds is in that slot, so a reconnect lands on the right shard and
// re-subscribes in one command (go-redis connects to the slot of the first channel).
func (l *link) open(g int) *redis.PubSub {
	if ps := l.groups[g]; ps != nil {
		return ps
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	var ps *redis.PubSub
	if l.sharded {
		ps = l.client.SSubscribe(ctx, l.bus.heartbeatChannel(g))
	} else {
		ps = l.client.Subscribe(ctx, l.bus.heartbeatChannel(g))
	}
	l.groups[g] = ps
	ch := ps.ChannelWithSubscriptions(redis.WithChannelSize(1024), redis.WithChannelHealthCheckInterval(time.Second))
	l.loops.Add(1)
	go l.receive(g, ch)
	return ps
}

// receive hands one pub/sub connection's messages to the bus. A subscription
// confirmation means the channel was (re)subscribed, perhaps after a reconnect: its
// subscribers are told they may have missed messages.
func (l *link) receive(g int, ch <-chan any) {
	defer l.loops.Done()
	for msg := range ch {
		switch m := msg.(type) {
		case *redis.Message:
			if topic, ok := l.bus.topicOf(m.Channel); ok {
				l.bus.deliver(topic, []byte(m.Payload))
			}
		case *redis.Subscription:
			topic, ok := l.bus.topicOf(m.Channel)
			switch {
			case !ok:
			case m.Kind == "subscribe" || m.Kind == "ssubscribe":
				l.bus.deliver(topic, nil)
			case m.Kind == "sunsubscribe" && l.bus.wanted(topic):
				l.bus.log.Warn("chatbus: a shard dropped a subscription (slot moved); reconnecting its group", "topic", topic)
				l.reset(g)
			}
		}
	}
}

func (l *link) publish(ctx context.Context, channel string, payload []byte) error {
	if l.sharded {
		return l.cmds.SPublish(ctx, channel, payload).Err()
	}
	return l.cmds.Publish(ctx, channel, payload).Err()
}

// close stops the reconciler, closes every pub/sub connection and the client.
func (l *link) close() {
	close(l.stop)
	<-l.done
	for _, ps := range l.groups {
		_ = ps.Close()
	}
	l.loops.Wait()
	_ = l.client.Close()
}
