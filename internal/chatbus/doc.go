// Package chatbus carries Northstar's realtime chat bus on Redis pub/sub (go-redis), and
// allocates the chat's per-thread sequence numbers on the same Redis. The chat_bus route
// says which Redis; nothing here reads configuration from anywhere else.
//
// # Fan-out
//
// One process holds one Redis subscription per topic (thread) that has local subscribers,
// however many they are, and hands each message to them through bounded queues: the same
// decoded event for all. A subscriber whose queue fills is disconnected (internal/fanout's
// rule; it resumes from the store with `after`), so a slow consumer never stalls the others.
//
// # Single Redis and Redis Cluster
//
// A `redis` route uses classic PUBLISH/SUBSCRIBE on one pub/sub connection. A
// `redis-cluster` route uses sharded pub/sub (SPUBLISH/SSUBSCRIBE, Redis ≥ 7): each message
// travels only through the shard that owns its channel's slot, so adding masters adds
// capacity. go-redis has three pitfalls here: a PubSub connects to the node owning the slot
// of its first channel; on reconnect it re-subscribes every channel in one command, which
// fails with CROSSSLOT when they span slots; and which channel counts as "first" after a
// reconnect is random (go-redis issue 3806). The bus designs around all three with
// hash-tagged channel groups: a topic's channel is `ns:{G}topic` where G is one of 32
// groups chosen by a hash of the topic, so every channel of a group lives in one slot. Each
// group has its own PubSub, opened with the group's heartbeat channel: it always connects to
// the right shard, and its re-subscription is one single-slot command. With 3 masters the
// 32 groups spread over all of them. A shard that unsubscribes a group (its slot moved during
// resharding) gets the group reconnected.
//
// # Commands
//
// Every command other than pub/sub (PUBLISH/SPUBLISH, the sequence and quota scripts) goes
// through the client's autopipeliner (go-redis AutoPipeline, one ordered stream): commands
// of concurrent callers that arrive while a round trip is in flight are written together
// in the next one. On a busy thread each post makes two commands (its seq, its publish), and
// a round trip each cost this process about 70 µs per post in write syscalls alone; in part e
// of make bench the pipeline took one busy thread from about 2,700 to 3,500 posts/s and the
// subscriber's lag p99 from seconds to 28 ms. go-redis marks AutoPipeline experimental; what
// the bus relies on (blocking calls, a single ordered stream, scripts with their NOSCRIPT
// fallback, SPUBLISH routed by slot on a cluster, errors while Redis is down and recovery
// after) is exercised by bus_test.go, server TestRedisRestartMidSubscription (posts while
// Redis is down, then after its restart) and TestChatOnRedisCluster (a master killed and
// restarted).
//
// # Following the route
//
// Ensure is the one code path that connects the bus: at start-up (serve fails fast when it
// fails), on first use, and when the chat_bus route changes (Follow calls it on every
// registry change and on a timer). Moving to a new Redis subscribes every topic there
// before the old link closes; each subscription confirmation on the new link tells the
// topic's subscribers to re-read the store from their last seq, so nothing published during
// the move is lost. Sequence counters do not move: the chat service recovers each thread's
// counter from the store on the new Redis.
//
// # Failure modes and their tests
//
//   - Redis restarts: go-redis reconnects and re-subscribes; the confirmations make
//     subscribers backfill from the store (bus_test.go; server TestRedisRestartMidSubscription).
//   - A cluster master restarts: that group's connection reconnects to the same slot owner
//     (server cluster tests; PUBSUB SHARDNUMSUB shows the shard channels).
//   - Route changes at run time: server TestChatBusFollowsRoute.
//   - Counters lost with a Redis restart without persistence: NextAfter recovers them
//     (chat package; server busy-thread tests).
package chatbus
