package chatbus

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/devinfra"
)

// startCluster starts a 3-master Redis Cluster for one test.
func startCluster(t *testing.T) *devinfra.RedisCluster {
	t.Helper()
	c, err := devinfra.StartRedisCluster(context.Background(), devinfra.ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Stop() })
	return c
}

// shardSubscribers returns, per master address, how many subscribers PUBSUB SHARDNUMSUB
// reports there for channel.
func shardSubscribers(t *testing.T, addrs []string, channel string) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, addr := range addrs {
		c := redis.NewClient(&redis.Options{Addr: addr})
		n, err := c.PubSubShardNumSub(context.Background(), channel).Result()
		_ = c.Close()
		if err != nil {
			t.Fatalf("SHARDNUMSUB on %s: %v", addr, err)
		}
		out[addr] = n[channel]
	}
	return out
}

// TestClusterShardedPubSub runs the bus on a 3-master cluster: topics in every channel
// group are carried as shard channels, each subscribed once on exactly one shard (the
// owner of its slot); messages reach every local subscriber; and after the master owning a
// topic is stopped and started again (empty), the subscription re-attaches on its own and
// tells subscribers to re-read the store, and new messages flow again.
func TestClusterShardedPubSub(t *testing.T) {
	cluster := startCluster(t)
	b, _, client, _ := newBusOn(t, 64, "redis-cluster", strings.Join(cluster.Addrs, ","))
	ctx := context.Background()
	cc := client.(*redis.ClusterClient)

	// Enough topics to cover every group, so every master carries some.
	const topics = 96
	subs := map[string][]<-chan *chat.Event{}
	for i := range topics {
		topic := fmt.Sprintf("chat:h_t%d", i)
		for range 2 {
			subs[topic] = append(subs[topic], b.Subscribe(ctx, topic).Events())
		}
	}
	for _, chs := range subs {
		waitResync(t, chs)
	}
	owners := map[string]bool{}
	for topic := range subs {
		ch := b.Channel(topic)
		got := shardSubscribers(t, cluster.Addrs, ch)
		owner, err := cc.MasterForKey(ctx, ch)
		if err != nil {
			t.Fatal(err)
		}
		addr := owner.Options().Addr
		for a, n := range got {
			if want := map[bool]int64{true: 1, false: 0}[a == addr]; n != want {
				t.Fatalf("%s: %d subscribers on %s (owner %s), want %d: %v", topic, n, a, addr, want, got)
			}
		}
		owners[addr] = true
	}
	if len(owners) != len(cluster.Addrs) {
		t.Fatalf("topics landed on %d of %d masters", len(owners), len(cluster.Addrs))
	}
	for topic, chs := range subs {
		if err := b.Publish(ctx, topic, []byte(topic)); err != nil {
			t.Fatal(err)
		}
		for _, ch := range chs {
			if p, ok := next(t, ch); !ok || string(p) != topic {
				t.Fatalf("%s: got %q, %v", topic, p, ok)
			}
		}
	}

	// Restart the master that owns one topic: only its groups re-attach.
	topic := "chat:h_t0"
	owner, err := cc.MasterForKey(ctx, b.Channel(topic))
	if err != nil {
		t.Fatal(err)
	}
	node := -1
	for i, a := range cluster.Addrs {
		if a == owner.Options().Addr {
			node = i
		}
	}
	if err := cluster.StopNode(node); err != nil {
		t.Fatal(err)
	}
	if err := cluster.StartNode(ctx, node); err != nil {
		t.Fatal(err)
	}
	waitResync(t, subs[topic])
	waitUntil(t, "a publish after the restart reaches the subscribers", func() bool {
		return b.Publish(ctx, topic, []byte("after")) == nil
	})
	for _, ch := range subs[topic] {
		if p, ok := next(t, ch); !ok || string(p) != "after" {
			t.Fatalf("after the restart: got %q, %v", p, ok)
		}
	}
}

func TestClusterSequencer(t *testing.T) {
	cluster := startCluster(t)
	b, _, _, _ := newBusOn(t, 4, "redis-cluster", strings.Join(cluster.Addrs, ","))
	ctx := context.Background()
	for i := range 20 { // threads hash to every shard
		id := fmt.Sprintf("h_c%d", i)
		if v, err := b.NextAfter(ctx, id, 0); v != 1 || err != nil {
			t.Fatalf("%s: NextAfter = %d, %v", id, v, err)
		}
		if v, ok, err := b.Next(ctx, id); v != 2 || !ok || err != nil {
			t.Fatalf("%s: Next = %d %v %v", id, v, ok, err)
		}
	}
}
