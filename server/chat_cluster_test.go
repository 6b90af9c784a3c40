package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/routing"
)

// routeChatCluster writes ts's chat routes with chat_bus on a Redis Cluster and waits
// until its registry has them.
func routeChatCluster(t *testing.T, ts *testServer, c *devinfra.RedisCluster) {
	t.Helper()
	env := ts.main.cfg.Env
	putRoute(t, ts, routing.Route{ResourceKind: "realtime_registry", TenantID: "t_system", Env: env, BackendType: "firestore"})
	putRoute(t, ts, routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: env, BackendType: "redis-cluster",
		Config: map[string]string{"addresses": strings.Join(c.Addrs, ",")}})
	waitFor(t, func() bool {
		rt, ok := ts.main.registry.Get(routing.Key{ResourceKind: "chat_bus", Scope: routing.Scope{TenantID: "t_system", Env: env}})
		return ok && rt.BackendType == "redis-cluster"
	})
}

// TestChatOnRedisCluster runs chat over a 3-master Redis Cluster with two replicas: the
// thread's channel is a shard channel, subscribed once per replica on the shard that owns
// it and nowhere else; messages posted on either replica reach subscribers on both; and
// when that shard's master is killed and restarted (empty: its counters are gone too), the
// subscribers lose nothing, and a subscriber resuming with after gets the rest.
func TestChatOnRedisCluster(t *testing.T) {
	cluster, err := devinfra.StartRedisCluster(context.Background(), devinfra.ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cluster.Stop() })
	a := newServer(t)
	a.bootstrap(t)
	routeChatCluster(t, a, cluster)
	b := newServer(t, replicaOf(a))
	waitFor(t, func() bool {
		rt, ok := b.main.registry.Get(routing.Key{ResourceKind: "chat_bus", Scope: routing.Scope{TenantID: "t_system", Env: b.main.cfg.Env}})
		return ok && rt.BackendType == "redis-cluster"
	})
	f := newChatFixture(t, a)
	subs := []*wsClient{
		subscribe(t, a, f.owner, f.project, f.thread, intp(0)),
		subscribe(t, b, f.owner, f.project, f.thread, intp(0)),
	}
	for i := 1; i <= 4; i++ {
		[]*testServer{a, b}[i%2].postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	for _, ws := range subs {
		ws.expectSeqs(1, 4)
	}

	channel := a.main.bus.Channel(chat.Topic(f.thread))
	cc := redis.NewClusterClient(&redis.ClusterOptions{Addrs: cluster.Addrs})
	defer cc.Close()
	owner, err := cc.MasterForKey(t.Context(), channel)
	if err != nil {
		t.Fatal(err)
	}
	node := -1
	for i, addr := range cluster.Addrs {
		c := redis.NewClient(&redis.Options{Addr: addr})
		n, err := c.PubSubShardNumSub(t.Context(), channel).Result()
		plain, perr := c.PubSubNumSub(t.Context(), channel).Result()
		_ = c.Close()
		if err != nil || perr != nil {
			t.Fatal(err, perr)
		}
		want := int64(0)
		if addr == owner.Options().Addr {
			want, node = 2, i // one subscription per replica
		}
		if n[channel] != want || plain[channel] != 0 {
			t.Fatalf("%s: SHARDNUMSUB %d (want %d), NUMSUB %d (want 0: no classic pub/sub)", addr, n[channel], want, plain[channel])
		}
	}

	if err := cluster.StopNode(node); err != nil {
		t.Fatal(err)
	}
	for i := 5; i <= 7; i++ { // the shard is down: stored, seqs from the store, not published
		[]*testServer{a, b}[i%2].postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	if err := cluster.StartNode(context.Background(), node); err != nil {
		t.Fatal(err)
	}
	for _, ws := range subs {
		ws.expectSeqs(5, 7) // recovered from the store when the shard subscription re-attached
	}
	for i := 8; i <= 10; i++ { // the restarted master lost the counter: recovered from the store
		[]*testServer{a, b}[i%2].postMessage(t, f.h, f.thread, fmt.Sprintf("m%d", i))
	}
	for _, ws := range subs {
		ws.expectSeqs(8, 10)
	}
	resumed := subscribe(t, b, f.owner, f.project, f.thread, intp(6))
	resumed.expectSeqs(7, 10)
}
