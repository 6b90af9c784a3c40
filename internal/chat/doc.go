// Package chat is Northstar's realtime chat: threads whose owner scope is recorded in the
// realtime registry, messages with a strictly increasing per-thread sequence, and
// subscriptions that replay stored messages and then follow the live bus, delivering every
// stored message once and in seq order.
//
// # The write path: why posts do not serialize on a document
//
// A thread can be busy: many people post to it at once. Production Firestore sustains
// about one write per second to one document, and the emulator's pessimistic transactions
// collapse under contention (a read-modify-write transaction on one document fell from
// 209/s with one writer to 4.5/s with 16, with lock timeouts after 20–30 s). The first
// design — a transaction per post on the thread's lastSeq — was exactly that. The options:
//
//   - Per-process group commit: batch the posts a process receives for a thread into one
//     transaction. It divides the contention by the batch size but keeps a hot document
//     (still about one commit per second per thread in production, shared by every replica),
//     and replicas still contend with each other.
//   - Sharded counters (N counter documents per thread): allocation no longer serializes,
//     but numbers from different shards interleave, so "strictly increasing" becomes a
//     merge problem for every reader.
//   - Firestore-only optimistic allocation: read the last seq, create last+1 if absent,
//     retry on conflict. No locks, but only one writer wins per round trip: about one post
//     per round trip per thread under contention.
//   - Sequence numbers from Redis (INCR on the chat_bus Redis) and create-if-absent message
//     documents named by seq. Allocation is one Redis round trip that never contends with
//     storage; each post is one independent document create, so a busy thread writes at the
//     rate of plain creates. This is what Post does.
//
// Post allocates a seq (Sequencer.Next), stores the message at messages/{seq} with a
// create-if-absent write, then publishes it on the bus. Each seq is decided exactly once in
// Firestore: either a message or a skip marker occupies it, whichever create lands first.
// That one rule carries every failure mode:
//
//   - A post that fails between allocating its seq and storing it leaves a hole. The writer
//     immediately stores a skip marker there (and publishes it) so readers pass it at once;
//     if the writer died, a reader that sees the hole followed by a stored entry waits until
//     GapTimeout after that later entry was allocated, then stores the skip marker itself.
//     Readers never stall longer than that.
//   - A slow writer whose seq was skipped by a reader gets CONFLICT from its create and
//     simply allocates again: its message lands later, at a higher seq, still once.
//   - A create whose answer was lost (timeout after commit) is resolved by the same skip
//     write: it finds the writer's own message there and the post succeeds. If the store
//     does not answer at all the client gets UNAVAILABLE; the message is then either stored
//     and delivered normally, or its seq is skipped — never half visible.
//   - Redis restarted without persistence (the counter is lost): Next reports the missing
//     counter and Post raises it to the store's highest occupied seq (NextAfter). Posts
//     allocated before the loss and still in flight may collide with new ones; the loser
//     gets CONFLICT and allocates again above the store's last seq.
//   - Redis down: Post falls back to the Firestore-only optimistic allocation (last+1,
//     retried on conflict): slower under contention, but posts keep working and stay in
//     order. It is counted in the metrics.
//   - Two replicas posting to one thread share the Redis counter; nothing is per process.
//   - Firestore slow or down: the create fails or times out, the client gets UNAVAILABLE,
//     the seq is skipped as above when the store answers again.
//
// What a post costs, and where it is amortized. With the transaction gone, a busy thread's
// posts are bounded by the CPU of the request path and of the store. Both the store and
// Redis take concurrent posts together instead of one round trip each: the Firestore store
// sends concurrent creates in shared BatchWrite requests (internal/firestore batch.go,
// each write with its own status, so create-if-absent stays per post), and the bus sends
// concurrent Redis commands in shared pipelines (internal/chatbus). Measured in part e of
// make bench (64 writers, two replicas, one thread): 2,171 posts/s (0.39x plain creates)
// with one round trip each, about 4,000/s (0.72x) with both.
//
// Known limits: message documents of one thread have sequential ids, and Firestore
// recommends under about 500 writes/s of sequential ids in one key range; one thread is
// far below that in any human conversation. Seq numbers may skip; clients resume with the
// last seq they saw, never by counting.
//
// # Subscriptions
//
// All the subscribers of a thread on one replica share one stream (hub.go): one bus
// subscription and one ordering and gap-filling pass per message, whatever the number of
// subscribers. The stream hands each message to every up-to-date subscriber's queue
// without waiting for any of them and keeps the thread's latest 1,024 messages in memory
// (at most about 256 KiB of them, so a replica following many busy threads of long
// messages stays bounded). A subscriber that joins with an after below the stream, or
// whose queue is full when a message comes (its client reads slowly, or the machine is
// behind), catches up on its own goroutine, which exists only while it is behind: from
// that memory, or from the store when it is further behind than the memory reaches (the
// store is durable: every seq the stream passed is settled there). It then follows the
// stream again. So a slow subscriber costs the others nothing and is never dropped, and
// an overloaded server degrades into subscribers lagging, not disconnected. If the bus
// drops the stream itself (it fell a bus queue behind), the stream attaches again and
// reads the store from where it was. The stream stops with its last subscriber.
//
// The stream attaches to the bus before it reads the store, so every message is
// either in the store read or arrives live. Live messages may arrive out of seq order
// (concurrent writers publish in the order their creates finish) or not at all (Redis
// pub/sub is at most once): a live message ahead of the next expected seq waits in a
// small reorder buffer for reorderWait, then the stream reads the store from its last
// delivered seq: only the missing seqs, by point reads, when the gap before the held
// messages is short (maxPointGap), and otherwise a page of the thread (a page query's cost
// may grow with the thread's length: on the emulator it scans the whole thread, 300 ms at
// 40,000 messages, long enough for a subscriber of a busy thread to overflow its bus
// queue). A bus re-attachment (Redis reconnected, or the bus moved to another Redis)
// also triggers that read. Skip markers advance the stream without a delivery.
//
// Tests: subscribe_test.go and post_test.go cover reordering, gaps, skips, lost counters
// and failed creates with fakes, and TestHub the shared stream (one bus subscription,
// slow subscribers catching up from memory and from the store, late joiners, the stream
// attaching again, stopping with its last subscriber); server/chat_*_test.go run them against the emulator and
// real Redis (busy threads, two replicas, Redis restarts, Firestore cut off).
package chat
