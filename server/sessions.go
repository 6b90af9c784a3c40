package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/northstar/northstar/internal/chat"
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
	go func() {
		<-ctx.Done()
		s.mu.Lock()
		delete(s.byKey[sess.key], sess)
		if len(s.byKey[sess.key]) == 0 {
			delete(s.byKey, sess.key)
		}
		s.mu.Unlock()
	}()
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

// revocation is the bus message telling every replica to end a user's connections.
type revocation struct {
	TenantID string `json:"tenantId"`
	UserID   string `json:"userId"`
}

// revocationsTopic carries revocations between replicas.
const revocationsTopic = "revocations"

// revoker ends a removed member's connections here and, through the bus, everywhere.
type revoker struct {
	sessions *sessions
	bus      func(ctx context.Context) (chat.Bus, error)
	log      *slog.Logger
}

// Revoke implements resolvers.Revoker.
func (r revoker) Revoke(ctx context.Context, tenantID, userID string) {
	r.sessions.revokeLocal(tenantID, userID)
	bus, err := r.bus(ctx)
	if err == nil {
		payload, _ := json.Marshal(revocation{TenantID: tenantID, UserID: userID})
		err = bus.Publish(ctx, revocationsTopic, payload)
	}
	if err != nil {
		r.log.ErrorContext(ctx, "revocation not broadcast: other replicas keep the member's connections until their tokens expire", "tenant", tenantID, "user", userID, "err", err)
	}
}

// follow applies revocations from other replicas until ctx ends, re-attaching if the bus
// drops the subscription.
func (s *sessions) follow(ctx context.Context, bus chat.Bus) {
	for ctx.Err() == nil {
		sub := bus.Subscribe(ctx, revocationsTopic)
		for payload := range sub.Events() {
			if payload == nil {
				continue
			}
			var rv revocation
			if err := json.Unmarshal(payload, &rv); err != nil {
				s.log.Warn("ignoring a malformed revocation", "err", err)
				continue
			}
			s.revokeLocal(rv.TenantID, rv.UserID)
		}
		sub.Close()
		select {
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
}
