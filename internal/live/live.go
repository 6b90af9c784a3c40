// Package live keeps Northstar's live websocket connections and the state that ends
// them: the registry of connections by tenant, user and sign-in session, the set of
// ended sessions whose tokens are refused, and the access relay that applies changes to
// access. A change made on this replica applies at once (the services tell the relay);
// every replica also follows the durable access log the store writes with each change
// (on internal/follow, which restarts a listener that went quiet while newer events were
// committed), and rechecks every live connection's membership periodically as a
// backstop, so a
// revocation reaches every replica within seconds whatever happened to Redis. Connections
// end with the close codes of wsgorilla's table: 4403 when access to the tenant is lost,
// 4401 when their session ends, 1001 at shutdown.
//
// Ended sessions are kept in memory for as long as a token of theirs can live (the relay's
// lookback): checking a token against them is a map lookup, no store read. A replica that
// starts replays the access log from one lookback ago, so it refuses the tokens of
// sessions ended before it started.
//
// Tests: live_test.go (the registry, the relay, the ended-session set); server
// TestRevocation (a removal on one replica closes the member's sockets on both, with
// Redis up and with Redis killed first), TestSessions* (an ended session's tokens and
// websockets on two replicas), TestShutdownClosesWebsockets.
package live

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/northstar/northstar/internal/follow"
	"github.com/northstar/northstar/internal/tenancy"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// Connections tracks live websocket connections by tenant and user, so that a removed
// member's connections end (on every replica, through the access log), an ended
// session's too, and shutdown can close them all.
type Connections struct {
	log *slog.Logger

	mu     sync.Mutex
	byKey  map[Key]map[*conn]struct{}
	closed bool
}

// Key names the connections of one user in one tenant.
type Key struct{ TenantID, UserID string }

// Owner is who holds a connection: a user in a tenant, signed in with a session.
type Owner struct{ TenantID, UserID, SessionID string }

type conn struct {
	key     Key
	session string
	ending  *wsgorilla.Ending
	cancel  context.CancelFunc
}

// end closes the connection with code and reason.
func (c *conn) end(code int, reason string) {
	c.ending.Set(code, reason)
	c.cancel()
}

// New returns an empty registry logging to log (nil discards).
func New(log *slog.Logger) *Connections {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Connections{log: log, byKey: map[Key]map[*conn]struct{}{}}
}

// Add registers a connection and returns its context: ending it closes the connection.
func (s *Connections) Add(ctx context.Context, o Owner) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	sess := &conn{key: Key{o.TenantID, o.UserID}, session: o.SessionID, ending: wsgorilla.EndingFrom(ctx), cancel: cancel}
	ctx = context.WithValue(ctx, connCtxKey{}, sess)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		sess.end(wsgorilla.CloseGoingAway, "server shutting down: reconnect and resume with after")
		return ctx
	}
	set := s.byKey[sess.key]
	if set == nil {
		set = map[*conn]struct{}{}
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

type connCtxKey struct{}

// TooSlow closes the connection ctx belongs to with 1013: a subscription on it fell too
// far behind to be served, and the client should reconnect and resume with after.
func (s *Connections) TooSlow(ctx context.Context) {
	if c, ok := ctx.Value(connCtxKey{}).(*conn); ok {
		c.end(wsgorilla.CloseTryAgain, "too slow to keep up: reconnect and resume with after")
	}
}

// RevokeLocal ends this replica's connections of userID to tenantID.
func (s *Connections) RevokeLocal(tenantID, userID string) int {
	return s.end(Key{tenantID, userID}, wsgorilla.CloseForbidden, "access to the tenant was revoked")
}

// RoleChanged ends this replica's connections of userID to tenantID with 4403, so each
// reconnects (graphql-ws retries 4403) and is authorized with the new role.
func (s *Connections) RoleChanged(tenantID, userID string) int {
	return s.end(Key{tenantID, userID}, wsgorilla.CloseForbidden, "your role in the tenant changed: reconnect")
}

// end closes the connections of key with code and reason.
func (s *Connections) end(key Key, code int, reason string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	set := s.byKey[key]
	for c := range set {
		c.end(code, reason)
	}
	return len(set)
}

// EndSession ends this replica's connections signed in with sessionID, with 4401.
func (s *Connections) EndSession(sessionID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, set := range s.byKey {
		for c := range set {
			if c.session == sessionID {
				c.end(wsgorilla.CloseUnauthorized, "session ended: sign in again")
				n++
			}
		}
	}
	return n
}

// CloseAll ends every connection (shutdown) and refuses new ones.
func (s *Connections) CloseAll() {
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
func (s *Connections) Keys() []Key {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Key, 0, len(s.byKey))
	for k := range s.byKey {
		out = append(out, k)
	}
	return out
}

// Count returns how many connections are live.
func (s *Connections) Count() int {
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
	// with each new one, until ctx ends or the listener fails; synced after each batch.
	WatchAccess(ctx context.Context, since time.Time, apply func(tenancy.AccessEvent), synced func()) error
	// AccessStat reads the newest event's commit time (its Count is not kept: the log
	// expires): what the relay's newest applied event is compared with (follow).
	AccessStat(ctx context.Context) (follow.Stat, error)
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
	// accessCheck is how often Follow compares the newest event applied with the newest
	// committed (follow.Options.Check): two checks find a stalled listener, so a
	// revocation waits about 5 s at worst even then, for one small read per replica
	// every 2 s.
	accessCheck = 2 * time.Second
)

// Relay applies changes to access on this replica: cached memberships and tenants are
// dropped, removed members' connections end, and ended sessions' tokens are refused and
// their connections end. Changes made here apply at once; every replica (this one
// included) also follows the durable access log, which the store writes with each change,
// so a revocation reaches every replica within about a second whatever happened to Redis,
// and replays after a listener outage.
type Relay struct {
	ready     chan struct{} // closed once the log's past lookback has been applied
	readyOnce sync.Once
	conns     *Connections
	cache     *tenancy.CachedStore
	ended     *EndedSessions
	lookback  time.Duration
	log       *slog.Logger
}

var _ tenancy.Events = (*Relay)(nil)

// RelayConfig is what NewRelay builds a Relay from.
type RelayConfig struct {
	// Connections are the live connections to end. Required.
	Connections *Connections
	// Cache is the tenancy cache to invalidate. Required.
	Cache *tenancy.CachedStore
	// Ended receives ended sessions. Required.
	Ended *EndedSessions
	// Lookback is how long an ended session is remembered, and how far back the access
	// log is replayed at start: at least the access tokens' lifetime plus clock skew.
	Lookback time.Duration
	// Log receives what the relay did; nil discards.
	Log *slog.Logger
}

// NewRelay returns the relay that ends connections, refuses ended sessions and drops
// cache entries on access changes.
func NewRelay(c RelayConfig) *Relay {
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	return &Relay{ready: make(chan struct{}), conns: c.Connections, cache: c.Cache, ended: c.Ended, lookback: max(c.Lookback, accessSkew), log: c.Log}
}

// Ready is closed once Follow has applied the access log's last lookback: from then on
// the sessions that ended before this replica started are refused. A server serves
// only after it.
func (a *Relay) Ready() <-chan struct{} { return a.ready }

// AccessChanged implements tenancy.Events: a change made on this replica applies here at
// once.
func (a *Relay) AccessChanged(_ context.Context, e tenancy.AccessEvent) { a.apply(e) }

func (a *Relay) apply(e tenancy.AccessEvent) {
	switch e.Kind {
	case tenancy.AccessMemberRemoved:
		a.cache.ForgetMember(e.TenantID, e.UserID)
		if n := a.conns.RevokeLocal(e.TenantID, e.UserID); n > 0 {
			a.log.Info("access revoked: connections closed", "tenant", e.TenantID, "user", e.UserID, "connections", n)
		}
	case tenancy.AccessMemberAdded:
		a.cache.ForgetMember(e.TenantID, e.UserID)
	case tenancy.AccessMemberChanged:
		a.cache.ForgetMember(e.TenantID, e.UserID)
		if n := a.conns.RoleChanged(e.TenantID, e.UserID); n > 0 {
			a.log.Info("role changed: connections closed to reconnect with it", "tenant", e.TenantID, "user", e.UserID, "connections", n)
		}
	case tenancy.AccessTenantChanged:
		a.cache.ForgetTenant(e.TenantID)
	case tenancy.AccessProjectChanged:
		a.cache.ForgetProject(e.TenantID, e.ProjectID)
	case tenancy.AccessSessionEnded:
		a.ended.end(e.SessionID, e.At.Add(a.lookback))
		if n := a.conns.EndSession(e.SessionID); n > 0 {
			a.log.Info("session ended: connections closed", "user", e.UserID, "session", e.SessionID, "connections", n)
		}
	}
}

// Follow applies the durable access log until ctx ends, with follow.Run: a listener from
// (start − lookback), watched again after a failure (the delay capped at 5 s: revocations
// wait on it), after accessRelisten, or after it went quiet while newer events were
// committed (the check compares the newest event applied with the newest stored), each
// time from the last event seen, dropping events already applied. o gives the reports
// (OnErr, OnStale, OnCheckErr) and the check's period (accessCheck when 0); the rest is
// the relay's.
func (a *Relay) Follow(ctx context.Context, src AccessLog, o follow.Options) {
	since := time.Now().Add(-a.lookback)
	seen := map[string]time.Time{}
	var (
		mu      sync.Mutex
		newest  time.Time // of the events applied
		applied uint64    // batches delivered
	)
	o.Watch = func(ctx context.Context) error {
		lctx, cancel := context.WithTimeout(ctx, accessRelisten)
		defer cancel()
		err := src.WatchAccess(lctx, since, func(e tenancy.AccessEvent) {
			if _, dup := seen[e.ID]; dup {
				return
			}
			seen[e.ID] = e.At
			a.apply(e)
			since = maxTime(since, e.At.Add(-accessSkew))
			mu.Lock()
			newest = maxTime(newest, e.At)
			mu.Unlock()
		}, func() {
			mu.Lock()
			applied++
			mu.Unlock()
			a.readyOnce.Do(func() { close(a.ready) })
		})
		for id, at := range seen {
			if at.Before(since) {
				delete(seen, id)
			}
		}
		return err // nil when lctx ended: watched again at once
	}
	// Only a stored event the listener should have delivered is evidence of lag: one
	// older than the first replay bound (a quiet log at start, or a clock ahead) is never
	// delivered, and one older than the newest applied (the newest expired) is not news.
	from := since
	o.Store = func(ctx context.Context) (follow.Stat, error) {
		st, err := src.AccessStat(ctx)
		mu.Lock()
		defer mu.Unlock()
		if err == nil && !st.Newest.After(maxTime(newest, from)) {
			st.Newest = newest
		}
		return st, err
	}
	o.Local = func() (follow.Stat, uint64) {
		mu.Lock()
		defer mu.Unlock()
		return follow.Stat{Newest: newest}, applied
	}
	o.MaxDelay = 5 * time.Second
	if o.Check == 0 {
		o.Check = accessCheck
	}
	follow.Run(ctx, o)
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
		for _, k := range a.conns.Keys() {
			ok, err := isMember(ctx, k.TenantID, k.UserID)
			if err == nil && !ok {
				a.log.Warn("access recheck: a connection outlived its membership; closing it", "tenant", k.TenantID, "user", k.UserID)
				a.conns.RevokeLocal(k.TenantID, k.UserID)
			}
		}
	}
}

// EndedSessions remembers the sessions that ended, each until its tokens have expired
// anyway, so a token of an ended session is refused with one map lookup. Sessions end
// rarely and are checked on every request: the map is copied on write and read without
// a lock.
type EndedSessions struct {
	now func() time.Time

	mu    sync.Mutex // serializes writers
	until atomic.Pointer[map[string]time.Time]
}

// NewEndedSessions returns an empty set on the clock now (time.Now when nil).
func NewEndedSessions(now func() time.Time) *EndedSessions {
	if now == nil {
		now = time.Now
	}
	e := &EndedSessions{now: now}
	e.until.Store(&map[string]time.Time{})
	return e
}

// Ended reports whether sessionID has ended.
func (e *EndedSessions) Ended(sessionID string) bool {
	_, ok := (*e.until.Load())[sessionID]
	return ok
}

// end remembers sessionID until until, and forgets sessions whose time has passed.
func (e *EndedSessions) end(sessionID string, until time.Time) {
	now := e.now()
	e.mu.Lock()
	defer e.mu.Unlock()
	next := map[string]time.Time{}
	for id, t := range *e.until.Load() {
		if !now.After(t) {
			next[id] = t
		}
	}
	if until.After(now) {
		next[sessionID] = until
	}
	e.until.Store(&next)
}
