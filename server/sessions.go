package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/northstar/northstar/internal/tenancy"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// sessions tracks live websocket connections by tenant and user, so that a removed
// member's connections end (on every replica, through the access log) and shutdown can
// close them all.
type sessions struct {
	log *slog.Logger

	mu     sync.Mutex
	byKey  map[sessionKey]map[*session]struct{}
	closed bool
}

type sessionKey struct{ tenantID, userID string }

type session struct {
	key    sessionKey
	ending *wsgorilla.Ending
	cancel context.CancelFunc
}

// end closes the connection with code and reason.
func (s *session) end(code int, reason string) {
	s.ending.Set(code, reason)
	s.cancel()
}

func newSessions(log *slog.Logger) *sessions {
	return &sessions{log: log, byKey: map[sessionKey]map[*session]struct{}{}}
}

// add registers a connection and returns its context: ending it closes the connection.
func (s *sessions) add(ctx context.Context, tenantID, userID string) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	sess := &session{key: sessionKey{tenantID, userID}, ending: wsgorilla.EndingFrom(ctx), cancel: cancel}
	ctx = context.WithValue(ctx, sessionCtxKey{}, sess)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		sess.end(wsgorilla.CloseGoingAway, "server shutting down: reconnect and resume with after")
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

type sessionCtxKey struct{}

// tooSlow closes the connection a subscription belongs to with 1013: the bus dropped the
// subscription for falling behind, and the client should reconnect and resume with after.
func (s *sessions) tooSlow(ctx context.Context) {
	if sess, ok := ctx.Value(sessionCtxKey{}).(*session); ok {
		sess.end(wsgorilla.CloseTryAgain, "too slow to keep up: reconnect and resume with after")
	}
}

// revokeLocal ends this replica's connections of userID to tenantID.
func (s *sessions) revokeLocal(tenantID, userID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	set := s.byKey[sessionKey{tenantID, userID}]
	for sess := range set {
		sess.end(wsgorilla.CloseForbidden, "access to the tenant was revoked")
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
			sess.end(wsgorilla.CloseGoingAway, "server shutting down: reconnect and resume with after")
		}
	}
}

// keys returns the (tenant, user) pairs with live connections.
func (s *sessions) keys() []sessionKey {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]sessionKey, 0, len(s.byKey))
	for k := range s.byKey {
		out = append(out, k)
	}
	return out
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

// accessSource is the durable access log (firestore.Store).
type accessSource interface {
	// WatchAccess calls apply with every access event committed at or after since, then
	// with each new one, until ctx ends or the listener fails.
	WatchAccess(ctx context.Context, since time.Time, apply func(tenancy.AccessEvent)) error
}

// Timings of following the access log.
const (
	// accessSkew is how far before the last event seen a new watch starts, so an event
	// committed around a restart of the listener is not missed (duplicates are dropped).
	accessSkew = 30 * time.Second
	// accessRelisten bounds one listener's life: each new one starts from the last event
	// seen, so a listener never holds more than an hour of events.
	accessRelisten = time.Hour
	// accessRecheck is how often every live connection's membership is checked again, a
	// backstop should an event ever be missed.
	accessRecheck = 30 * time.Second
)

// accessEvents applies changes to access on this replica: cached memberships and tenants
// are dropped and removed members' connections end. Changes made here apply at once; every
// replica (this one included) also follows the durable access log, which the store writes
// with each change, so a revocation reaches every replica within about a second whatever
// happened to Redis, and replays after a listener outage.
type accessEvents struct {
	sessions *sessions
	cache    *tenancy.CachedStore
	log      *slog.Logger
}

var _ tenancy.Events = (*accessEvents)(nil)

// AccessChanged implements tenancy.Events: a change made on this replica applies here at
// once.
func (a *accessEvents) AccessChanged(_ context.Context, e tenancy.AccessEvent) { a.apply(e) }

func (a *accessEvents) apply(e tenancy.AccessEvent) {
	switch e.Kind {
	case tenancy.AccessMemberRemoved:
		a.cache.ForgetMember(e.TenantID, e.UserID)
		if n := a.sessions.revokeLocal(e.TenantID, e.UserID); n > 0 {
			a.log.Info("access revoked: connections closed", "tenant", e.TenantID, "user", e.UserID, "connections", n)
		}
	case tenancy.AccessMemberAdded:
		a.cache.ForgetMember(e.TenantID, e.UserID)
	case tenancy.AccessTenantChanged:
		a.cache.ForgetTenant(e.TenantID)
	}
}

// follow applies the durable access log until ctx ends: a listener from (start − skew),
// restarted after a failure (with a growing delay) or after accessRelisten, each time from
// the last event seen, dropping events already applied.
func (a *accessEvents) follow(ctx context.Context, src accessSource) {
	since := time.Now().Add(-accessSkew)
	seen := map[string]time.Time{}
	delay := 100 * time.Millisecond
	for ctx.Err() == nil {
		lctx, cancel := context.WithTimeout(ctx, accessRelisten)
		err := src.WatchAccess(lctx, since, func(e tenancy.AccessEvent) {
			if _, dup := seen[e.ID]; dup {
				return
			}
			seen[e.ID] = e.At
			a.apply(e)
			since = maxTime(since, e.At.Add(-accessSkew))
		})
		cancel()
		for id, at := range seen {
			if at.Before(since) {
				delete(seen, id)
			}
		}
		if err == nil || ctx.Err() != nil {
			delay = 100 * time.Millisecond
			continue
		}
		a.log.Warn("access log: listener failed; replaying from the last event seen", "err", err, "retry_in", delay)
		select {
		case <-ctx.Done():
		case <-time.After(delay):
		}
		delay = min(2*delay, 5*time.Second)
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// recheck ends the connections of users who are no longer members, every accessRecheck
// until ctx ends: a backstop behind the access log.
func (a *accessEvents) recheck(ctx context.Context, isMember func(ctx context.Context, tenantID, userID string) (bool, error)) {
	t := time.NewTicker(accessRecheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for _, k := range a.sessions.keys() {
			ok, err := isMember(ctx, k.tenantID, k.userID)
			if err == nil && !ok {
				a.log.Warn("access recheck: a connection outlived its membership; closing it", "tenant", k.tenantID, "user", k.userID)
				a.sessions.revokeLocal(k.tenantID, k.userID)
			}
		}
	}
}
