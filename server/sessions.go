package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/tenancy"
)

// sessions tracks live websocket connections by tenant and user, so that a removed
// member's connections end (on every replica, through the bus) and shutdown can close
// them all.
type sessions struct {
	log *slog.Logger

	mu     sync.Mutex
	byKey  map[sessionKey]map[*session]struct{}
	closed bool
}

type sessionKey struct{ tenantID, userID string }

type session struct {
	key    sessionKey
	cancel context.CancelFunc
}

func newSessions(log *slog.Logger) *sessions {
	return &sessions{log: log, byKey: map[sessionKey]map[*session]struct{}{}}
}

// add registers a connection and returns its context: ending it closes the connection.
func (s *sessions) add(ctx context.Context, tenantID, userID string) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	sess := &session{key: sessionKey{tenantID, userID}, cancel: cancel}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		cancel()
		return ctx
	}
	set := s.byKey[sess.key]
	if set == nil {
		set = map[*session]struct{}{}
		s.byKey[sess.key] = set
	}
	set[sess] = struct{}{}
	s.mu.Unlock()
	context.AfterFunc(ctx, func() { // no goroutine per connection while it lives
		s.mu.Lock()
		delete(s.byKey[sess.key], sess)
		if len(s.byKey[sess.key]) == 0 {
			delete(s.byKey, sess.key)
		}
		s.mu.Unlock()
	})
	return ctx
}

// revokeLocal ends this replica's connections of userID to tenantID.
func (s *sessions) revokeLocal(tenantID, userID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	set := s.byKey[sessionKey{tenantID, userID}]
	for sess := range set {
		sess.cancel()
	}
	return len(set)
}

// closeAll ends every connection (shutdown) and refuses new ones.
func (s *sessions) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, set := range s.byKey {
		for sess := range set {
			sess.cancel()
		}
	}
}

// count returns how many connections are live.
func (s *sessions) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, set := range s.byKey {
		n += len(set)
	}
	return n
}

// accessEvent is the bus message telling every replica that an access decision changed.
type accessEvent struct {
	Kind     string `json:"kind"` // eventMemberRemoved, eventMemberAdded or eventTenantChanged
	TenantID string `json:"tenantId"`
	UserID   string `json:"userId,omitempty"`
}

// Access event kinds.
const (
	eventMemberRemoved = "member-removed"
	eventMemberAdded   = "member-added"
	eventTenantChanged = "tenant-changed"
)

// accessTopic carries access events between replicas.
const accessTopic = "access"

// accessEvents applies changes to access here and relays them to every replica: removed
// members' connections end, and cached memberships and tenants are dropped.
type accessEvents struct {
	sessions *sessions
	cache    *tenancy.CachedStore
	bus      func(ctx context.Context) (chat.Bus, error) // nil on the receiving side
	log      *slog.Logger
}

// MemberRemoved implements resolvers.AccessEvents.
func (a *accessEvents) MemberRemoved(ctx context.Context, tenantID, userID string) {
	a.broadcast(ctx, accessEvent{Kind: eventMemberRemoved, TenantID: tenantID, UserID: userID})
}

// MemberAdded implements resolvers.AccessEvents.
func (a *accessEvents) MemberAdded(ctx context.Context, tenantID, userID string) {
	a.broadcast(ctx, accessEvent{Kind: eventMemberAdded, TenantID: tenantID, UserID: userID})
}

// TenantChanged implements resolvers.AccessEvents.
func (a *accessEvents) TenantChanged(ctx context.Context, tenantID string) {
	a.broadcast(ctx, accessEvent{Kind: eventTenantChanged, TenantID: tenantID})
}

func (a *accessEvents) apply(e accessEvent) {
	switch e.Kind {
	case eventMemberRemoved:
		a.cache.ForgetMember(e.TenantID, e.UserID)
		a.sessions.revokeLocal(e.TenantID, e.UserID)
	case eventMemberAdded:
		a.cache.ForgetMember(e.TenantID, e.UserID)
	case eventTenantChanged:
		a.cache.ForgetTenant(e.TenantID)
	}
}

func (a *accessEvents) broadcast(ctx context.Context, e accessEvent) {
	a.apply(e)
	bus, err := a.bus(ctx)
	if err == nil {
		payload, _ := json.Marshal(e)
		err = bus.Publish(ctx, accessTopic, payload)
	}
	if err != nil {
		a.log.ErrorContext(ctx, "access change not relayed: other replicas catch up when their caches expire and tokens end", "kind", e.Kind, "tenant", e.TenantID, "user", e.UserID, "err", err)
	}
}

// follow applies other replicas' access events until ctx ends, re-attaching if the bus
// drops the subscription.
func (a *accessEvents) follow(ctx context.Context, bus chat.Bus) {
	for ctx.Err() == nil {
		sub := bus.Subscribe(ctx, accessTopic)
		for ev := range sub.Events() {
			if ev.Payload == nil {
				continue
			}
			var e accessEvent
			if err := json.Unmarshal(ev.Payload, &e); err != nil {
				a.log.Warn("ignoring a malformed access event", "err", err)
				continue
			}
			a.apply(e)
		}
		sub.Close()
		select {
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
}
