// Package live keeps Northstar's live websocket connections: the registry of sessions by
// tenant and user, and the access relay that ends a session when its user loses access to
// its tenant. A change made on this replica applies at once (the tenancy service tells the
// relay); every replica also follows the durable access log the store writes with each
// change, and rechecks every live session periodically as a backstop, so a revocation
// reaches every replica within seconds whatever happened to Redis. Connections end with
// the close codes of wsgorilla's table: 4403 when access is lost, 1013 when a subscription
// fell behind, 1001 at shutdown.
//
// Tests: server TestRevocation (a removal on one replica closes the member's sockets on
// both, with Redis up and with Redis killed first), TestShutdownClosesWebsockets and the
// subscription-limit tests that count sessions.
package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/northstar/northstar/internal/tenancy"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// Sessions tracks live websocket connections by tenant and user, so that a removed
// member's connections end (on every replica, through the access log) and shutdown can
// close them all.
type Sessions struct {
	log *slog.Logger

	mu     sync.Mutex
	byKey  map[Key]map[*session]struct{}
	closed bool
}

// Key names the sessions of one user in one tenant.
type Key struct{ TenantID, UserID string }

type session struct {
	key    Key
	ending *wsgorilla.Ending
	cancel context.CancelFunc
}

// end closes the connection with code and reason.
func (s *session) end(code int, reason string) {
	s.ending.Set(code, reason)
	s.cancel()
}

// New returns an empty registry logging to log (nil discards).
func New(log *slog.Logger) *Sessions {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Sessions{log: log, byKey: map[Key]map[*session]struct{}{}}
}

// Add registers a connection and returns its context: ending it closes the connection.
func (s *Sessions) Add(ctx context.Context, tenantID, userID string) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	sess := &session{key: Key{tenantID, userID}, ending: wsgorilla.EndingFrom(ctx), cancel: cancel}
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

// TooSlow closes the connection a subscription belongs to with 1013: the bus dropped the
// subscription for falling behind, and the client should reconnect and resume with after.
func (s *Sessions) TooSlow(ctx context.Context) {
	if sess, ok := ctx.Value(sessionCtxKey{}).(*session); ok {
		sess.end(wsgorilla.CloseTryAgain, "too slow to keep up: reconnect and resume with after")
	}
}

// RevokeLocal ends this replica's connections of userID to tenantID.
func (s *Sessions) RevokeLocal(tenantID, userID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	set := s.byKey[Key{tenantID, userID}]
	for sess := range set {
		sess.end(wsgorilla.CloseForbidden, "access to the tenant was revoked")
	}
	return len(set)
}

// CloseAll ends every connection (shutdown) and refuses new ones.
func (s *Sessions) CloseAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, set := range s.byKey {
		for sess := range set {
			sess.end(wsgorilla.CloseGoingAway, "server shutting down: reconnect and resume with after")
		}
	}
}

// Keys returns the (tenant, user) pairs with live connections.
func (s *Sessions) Keys() []Key {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Key, 0, len(s.byKey))
	for k := range s.byKey {
		out = append(out, k)
	}
	return out
}

// Count returns how many connections are live.
func (s *Sessions) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, set := range s.byKey {
		n += len(set)
	}
	return n
}

// AccessLog is the durable access log (firestore.Store).
type AccessLog interface {
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

// Relay applies changes to access on this replica: cached memberships and tenants
// are dropped and removed members' connections end. Changes made here apply at once; every
// replica (this one included) also follows the durable access log, which the store writes
// with each change, so a revocation reaches every replica within about a second whatever
// happened to Redis, and replays after a listener outage.
type Relay struct {
	sessions *Sessions
	cache    *tenancy.CachedStore
	log      *slog.Logger
}

var _ tenancy.Events = (*Relay)(nil)

// NewRelay returns the relay that ends sessions and drops cache entries on access changes.
func NewRelay(sessions *Sessions, cache *tenancy.CachedStore, log *slog.Logger) *Relay {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Relay{sessions: sessions, cache: cache, log: log}
}

// AccessChanged implements tenancy.Events: a change made on this replica applies here at
// once.
func (a *Relay) AccessChanged(_ context.Context, e tenancy.AccessEvent) { a.apply(e) }

func (a *Relay) apply(e tenancy.AccessEvent) {
	switch e.Kind {
	case tenancy.AccessMemberRemoved:
		a.cache.ForgetMember(e.TenantID, e.UserID)
		if n := a.sessions.RevokeLocal(e.TenantID, e.UserID); n > 0 {
			a.log.Info("access revoked: connections closed", "tenant", e.TenantID, "user", e.UserID, "connections", n)
		}
	case tenancy.AccessMemberAdded:
		a.cache.ForgetMember(e.TenantID, e.UserID)
	case tenancy.AccessTenantChanged:
		a.cache.ForgetTenant(e.TenantID)
	}
}

// Follow applies the durable access log until ctx ends: a listener from (start − skew),
// restarted after a failure (with a growing delay) or after accessRelisten, each time from
// the last event seen, dropping events already applied.
func (a *Relay) Follow(ctx context.Context, src AccessLog) {
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

// Recheck ends the connections of users who are no longer members, every accessRecheck
// until ctx ends: a backstop behind the access log.
func (a *Relay) Recheck(ctx context.Context, isMember func(ctx context.Context, tenantID, userID string) (bool, error)) {
	t := time.NewTicker(accessRecheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for _, k := range a.sessions.Keys() {
			ok, err := isMember(ctx, k.TenantID, k.UserID)
			if err == nil && !ok {
				a.log.Warn("access recheck: a connection outlived its membership; closing it", "tenant", k.TenantID, "user", k.UserID)
				a.sessions.RevokeLocal(k.TenantID, k.UserID)
			}
		}
	}
}
