package chat

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/northstar/northstar/internal/reqctx"
)

// Owner is a realtime resource's owner scope as recorded by the realtime registry.
type Owner struct {
	Kind      string    `firestore:"kind"` // "thread" or "canvas"
	TenantID  string    `firestore:"tenantId"`
	Env       string    `firestore:"env"`
	ProjectID string    `firestore:"projectId"`
	CreatedBy string    `firestore:"createdBy"`
	CreatedAt time.Time `firestore:"createdAt"`
}

// Realtime resource kinds in the registry.
const (
	KindThread = "thread"
	KindCanvas = "canvas"
)

// Scope is the tenant, env and project a caller acts in: the request's reqctx.Scope, the
// one a thread's owner must match exactly. Chat operations need a project; the access
// layer refuses them without one (@requireProject).
type Scope = reqctx.Scope

// owns reports whether the owner scope is s.
func (o Owner) owns(s Scope) bool {
	return o.TenantID == s.TenantID && o.Env == s.Env && o.ProjectID == s.ProjectID
}

// Thread is a conversation in a project.
type Thread struct {
	ID        string    `firestore:"-"`
	TenantID  string    `firestore:"tenantId"`
	Env       string    `firestore:"env"`
	ProjectID string    `firestore:"projectId"`
	Title     string    `firestore:"title"`
	CreatedBy string    `firestore:"createdBy"`
	CreatedAt time.Time `firestore:"createdAt"`
}

// Message is one entry of a thread's history: a post, or a skip marker recording that its
// seq was allocated but never stored (readers pass it; clients never see one).
type Message struct {
	ID       string `firestore:"id" json:"id"`
	ThreadID string `firestore:"threadId" json:"threadId"`
	Seq      int    `firestore:"seq" json:"seq"`
	Text     string `firestore:"text" json:"text"`
	AuthorID string `firestore:"authorId" json:"authorId"`
	// CreatedAt is when the seq was allocated: entries of one thread are in CreatedAt
	// order up to clock skew between replicas.
	CreatedAt time.Time `firestore:"createdAt" json:"createdAt"`
	// Skipped marks a skip marker.
	Skipped bool `firestore:"skipped,omitempty" json:"skipped,omitempty"`
}

// Store keeps threads, messages and the realtime registry (internal/firestore).
type Store interface {
	// CreateThread stores a thread and records its owner in the realtime registry, atomically.
	CreateThread(ctx context.Context, t Thread) error
	// Owner returns a realtime resource's recorded owner. Returns NOT_FOUND.
	Owner(ctx context.Context, id string) (Owner, error)
	// Thread returns a thread. Returns NOT_FOUND.
	Thread(ctx context.Context, id string) (Thread, error)
	// Threads lists a project's threads, newest first.
	Threads(ctx context.Context, s Scope, limit int) ([]Thread, error)
	// CreateMessage stores m at m.Seq unless something already occupies that seq: one
	// create-if-absent write, no transaction. Returns CONFLICT when the seq is taken,
	// UNAVAILABLE when the store does not answer in time.
	CreateMessage(ctx context.Context, m Message) error
	// Skip stores a skip marker at seq unless something occupies it, and returns what
	// occupies seq afterwards: the marker, or the message that was there. Returns
	// UNAVAILABLE.
	Skip(ctx context.Context, threadID string, seq int, at time.Time) (Message, error)
	// LastSeq returns the highest occupied seq of a thread (messages and skip markers),
	// 0 when there is none. Returns UNAVAILABLE.
	LastSeq(ctx context.Context, threadID string) (int, error)
	// Messages returns up to limit entries (posts and skip markers) with seq > after,
	// oldest first. Returns UNAVAILABLE.
	Messages(ctx context.Context, threadID string, after, limit int) ([]Message, error)
	// MessagesAt returns the entries stored at the given seqs (ascending), in seq order,
	// leaving out seqs that hold nothing: point reads, whose cost does not grow with the
	// thread's length. Returns UNAVAILABLE.
	MessagesAt(ctx context.Context, threadID string, seqs []int) ([]Message, error)
}

// Sequencer allocates per-thread sequence numbers outside the store, so concurrent posts
// to one thread never contend on one document (internal/chatbus, on the chat_bus Redis).
type Sequencer interface {
	// Next allocates the thread's next seq. ok is false, and nothing is allocated, when
	// the thread has no counter: a thread nobody posted to lately, or a counter Redis lost.
	Next(ctx context.Context, threadID string) (seq int, ok bool, err error)
	// NextAfter raises the thread's counter to at least floor, creating it, then
	// allocates the next seq (> floor).
	NextAfter(ctx context.Context, threadID string, floor int) (int, error)
	// Seed creates a new thread's counter at 0 unless it exists.
	Seed(ctx context.Context, threadID string) error
}

// Bus carries published messages to subscribers on every replica (internal/chatbus).
type Bus interface {
	// Publish sends payload to the topic's subscribers on every replica. At most once.
	Publish(ctx context.Context, topic string, payload []byte) error
	// Subscribe attaches to a topic until ctx ends.
	Subscribe(ctx context.Context, topic string) Subscription
}

// Subscription is one attachment to a bus topic.
type Subscription interface {
	// Events delivers the topic's events. It closes when the subscriber is dropped for
	// falling behind or the context ends.
	Events() <-chan *Event
	// Close detaches.
	Close()
}

// Event is one bus delivery, shared by every local subscriber of its topic: the payload
// is decoded once, however many subscribers read it.
type Event struct {
	// Payload is the published bytes; nil when the bus (re)attached to the topic — a hint
	// that messages may have been missed.
	Payload []byte

	once sync.Once
	msg  *Message
	err  error
}

// NewEvent wraps a delivered payload (nil for a re-attachment).
func NewEvent(payload []byte) *Event { return &Event{Payload: payload} }

// message decodes the payload as a Message, once for all subscribers. The result is
// shared and must not be modified.
func (e *Event) message() (*Message, error) {
	e.once.Do(func() {
		var m Message
		if e.err = json.Unmarshal(e.Payload, &m); e.err == nil {
			e.msg = &m
		}
	})
	return e.msg, e.err
}
