// Package chat is Northstar's realtime chat: threads whose owner scope is recorded in the
// realtime registry, messages with a per-thread gap-free sequence, and subscriptions that
// replay stored messages and then follow the live bus without gaps or duplicates.
package chat

import (
	"context"
	"encoding/json"
	"sync"
	"time"
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

// Scope is the context a caller acts in.
type Scope struct {
	TenantID, Env, ProjectID string
}

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
	LastSeq   int       `firestore:"lastSeq"`
}

// Message is one post in a thread.
type Message struct {
	ID        string    `firestore:"id" json:"id"`
	ThreadID  string    `firestore:"threadId" json:"threadId"`
	Seq       int       `firestore:"seq" json:"seq"`
	Text      string    `firestore:"text" json:"text"`
	AuthorID  string    `firestore:"authorId" json:"authorId"`
	CreatedAt time.Time `firestore:"createdAt" json:"createdAt"`
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
	// AppendMessage gives m the thread's next seq and stores it, atomically; it checks in
	// the same transaction that the thread belongs to s. Returns NOT_FOUND.
	AppendMessage(ctx context.Context, s Scope, m Message) (Message, error)
	// Messages returns up to limit messages with seq > after, oldest first.
	Messages(ctx context.Context, threadID string, after, limit int) ([]Message, error)
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
