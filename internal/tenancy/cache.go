package tenancy

import (
	"context"
	"sync"
	"time"

	"github.com/northstar/northstar/internal/audit"

	"github.com/northstar/northstar/internal/apperr"
)

// CacheConfig configures a CachedStore.
type CacheConfig struct {
	// TTL bounds how stale a cached tenant, mode or membership may be when no invalidation
	// reaches this process. Required.
	TTL time.Duration
	// NegativeTTL bounds how long "not a member" is remembered. Required.
	NegativeTTL time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// CachedStore serves the reads every request makes — memberships, tenants, modes — from
// memory for a short time. Writes through it invalidate what they change at once; writes
// on other processes arrive through Forget* (the server relays them over the bus), and
// TTL bounds staleness if a relay is lost. Every other method passes through.
type CachedStore struct {
	Store
	cfg     CacheConfig
	tenants ttlCache[string, Tenant]
	modes   ttlCache[string, Mode]
	members ttlCache[memberKey, memberEntry]
	// projects is read by every @requireProject field (each chat post and subscription):
	// found projects only, so a new one is seen at once.
	projects ttlCache[projectKey, Project]
}

type projectKey struct{ tenantID, id string }

type memberKey struct{ tenantID, userID string }

type memberEntry struct {
	m     Membership
	found bool
}

// NewCachedStore wraps s.
func NewCachedStore(s Store, cfg CacheConfig) *CachedStore {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &CachedStore{
		Store: s, cfg: cfg,
		tenants: newTTLCache[string, Tenant](), modes: newTTLCache[string, Mode](), members: newTTLCache[memberKey, memberEntry](),
		projects: newTTLCache[projectKey, Project](),
	}
}

// Tenant implements Store from the cache.
func (c *CachedStore) Tenant(ctx context.Context, id string) (Tenant, error) {
	return c.tenants.load(id, c.cfg.Now(), func() (Tenant, time.Duration, error) {
		t, err := c.Store.Tenant(ctx, id)
		return t, c.cfg.TTL, err
	})
}

// Mode implements Store from the cache.
func (c *CachedStore) Mode(ctx context.Context, id string) (Mode, error) {
	return c.modes.load(id, c.cfg.Now(), func() (Mode, time.Duration, error) {
		m, err := c.Store.Mode(ctx, id)
		return m, c.cfg.TTL, err
	})
}

// Membership implements Store from the cache, remembering "not a member" briefly too.
func (c *CachedStore) Membership(ctx context.Context, tenantID, userID string) (Membership, error) {
	e, err := c.members.load(memberKey{tenantID, userID}, c.cfg.Now(), func() (memberEntry, time.Duration, error) {
		m, err := c.Store.Membership(ctx, tenantID, userID)
		switch {
		case err == nil:
			return memberEntry{m: m, found: true}, c.cfg.TTL, nil
		case apperr.Is(err, apperr.NotFound):
			return memberEntry{}, c.cfg.NegativeTTL, nil
		}
		return memberEntry{}, 0, err
	})
	if err != nil {
		return Membership{}, err
	}
	if !e.found {
		return Membership{}, apperr.E(apperr.NotFound, "no such membership")
	}
	return e.m, nil
}

// Project implements Store from the cache (found projects only).
func (c *CachedStore) Project(ctx context.Context, tenantID, id string) (Project, error) {
	return c.projects.load(projectKey{tenantID, id}, c.cfg.Now(), func() (Project, time.Duration, error) {
		p, err := c.Store.Project(ctx, tenantID, id)
		return p, c.cfg.TTL, err
	})
}

// UpdateProject implements Store, invalidating the project.
func (c *CachedStore) UpdateProject(ctx context.Context, tenantID, id string, expectedVersion int, change func(*Project) error, ev audit.Event) (Project, error) {
	defer c.projects.forget(projectKey{tenantID, id})
	return c.Store.UpdateProject(ctx, tenantID, id, expectedVersion, change, ev)
}

// UpdateTenant implements Store, invalidating the tenant.
func (c *CachedStore) UpdateTenant(ctx context.Context, id string, expectedVersion *int, change func(*Tenant) error, ev audit.Event) (Tenant, error) {
	defer c.ForgetTenant(id)
	return c.Store.UpdateTenant(ctx, id, expectedVersion, change, ev)
}

// UpdateMode implements Store, invalidating the mode.
func (c *CachedStore) UpdateMode(ctx context.Context, id string, expectedVersion int, change func(*Mode) error, ev audit.Event) (Mode, error) {
	defer c.modes.forget(id)
	return c.Store.UpdateMode(ctx, id, expectedVersion, change, ev)
}

// DeleteMode implements Store, invalidating the mode.
func (c *CachedStore) DeleteMode(ctx context.Context, id string, ev audit.Event) error {
	defer c.modes.forget(id)
	return c.Store.DeleteMode(ctx, id, ev)
}

// AcceptInvitation implements Store, invalidating the new membership.
func (c *CachedStore) AcceptInvitation(ctx context.Context, id string, accept func(*Invitation) (Membership, error), ev audit.Event) (Membership, error) {
	m, err := c.Store.AcceptInvitation(ctx, id, accept, ev)
	if err == nil {
		c.ForgetMember(m.TenantID, m.UserID)
	}
	return m, err
}

// UpdateMembership implements Store, invalidating the membership.
func (c *CachedStore) UpdateMembership(ctx context.Context, tenantID, userID string, change func(*Membership, int) error, ev audit.Event) (Membership, error) {
	defer c.ForgetMember(tenantID, userID)
	return c.Store.UpdateMembership(ctx, tenantID, userID, change, ev)
}

// DeleteMembership implements Store, invalidating the membership.
func (c *CachedStore) DeleteMembership(ctx context.Context, tenantID, userID string, check func(Membership, int) error, ev audit.Event) error {
	defer c.ForgetMember(tenantID, userID)
	return c.Store.DeleteMembership(ctx, tenantID, userID, check, ev)
}

// CreateTenant implements Store, invalidating the owner's membership.
func (c *CachedStore) CreateTenant(ctx context.Context, t Tenant, owner Membership, ev audit.Event) error {
	defer c.ForgetMember(t.ID, owner.UserID)
	return c.Store.CreateTenant(ctx, t, owner, ev)
}

// EnsureSystem implements Store, invalidating everything it may create.
func (c *CachedStore) EnsureSystem(ctx context.Context, system Tenant, modes []Mode, admin *User, ev audit.Event) (Tenant, bool, error) {
	defer func() {
		c.tenants.clear()
		c.modes.clear()
		c.members.clear()
	}()
	return c.Store.EnsureSystem(ctx, system, modes, admin, ev)
}

// ForgetTenant drops a cached tenant (it changed).
func (c *CachedStore) ForgetTenant(id string) { c.tenants.forget(id) }

// ForgetProject drops a cached project (it changed).
func (c *CachedStore) ForgetProject(tenantID, id string) { c.projects.forget(projectKey{tenantID, id}) }

// ForgetMember drops a cached membership (it was added, changed or removed).
func (c *CachedStore) ForgetMember(tenantID, userID string) {
	c.members.forget(memberKey{tenantID, userID})
}

// ttlCache is a map of entries with deadlines. A fill that started before an invalidation
// is discarded (generation check), so a slow read cannot put back what a write removed.
// Concurrent misses of one key share one read of the store, so an entry expiring under
// load sends one request to Firestore, not one per caller.
type ttlCache[K comparable, V any] struct {
	mu       sync.RWMutex
	entries  map[K]ttlEntry[V]
	gen      uint64
	inflight map[K]*fill[V]
}

// fill is one read of the store that concurrent misses of a key wait for.
type fill[V any] struct {
	done chan struct{}
	v    V
	err  error
}

// load returns the cached value of k, or reads it with fetch — once for all concurrent
// callers — and caches it for the duration fetch returns (not at all after an error).
func (c *ttlCache[K, V]) load(k K, now time.Time, fetch func() (V, time.Duration, error)) (V, error) {
	if v, ok := c.get(k, now); ok {
		return v, nil
	}
	c.mu.Lock()
	if e, ok := c.entries[k]; ok && !now.After(e.deadline) { // filled while we waited for the lock
		c.mu.Unlock()
		return e.v, nil
	}
	if f, ok := c.inflight[k]; ok {
		c.mu.Unlock()
		<-f.done
		if f.err != nil { // perhaps the first caller's context ended: read with our own
			v, _, err := fetch()
			return v, err
		}
		return f.v, nil
	}
	f := &fill[V]{done: make(chan struct{})}
	c.inflight[k] = f
	gen := c.gen
	c.mu.Unlock()

	var ttl time.Duration
	f.v, ttl, f.err = fetch()
	c.mu.Lock()
	delete(c.inflight, k)
	if f.err == nil && gen == c.gen {
		if len(c.entries) >= maxEntries {
			clear(c.entries)
		}
		c.entries[k] = ttlEntry[V]{v: f.v, deadline: now.Add(ttl)}
	}
	c.mu.Unlock()
	close(f.done)
	return f.v, f.err
}

type ttlEntry[V any] struct {
	v        V
	deadline time.Time
}

// maxEntries bounds each cache; a full cache is cleared rather than grown.
const maxEntries = 100_000

func newTTLCache[K comparable, V any]() ttlCache[K, V] {
	return ttlCache[K, V]{entries: map[K]ttlEntry[V]{}, inflight: map[K]*fill[V]{}}
}

func (c *ttlCache[K, V]) get(k K, now time.Time) (V, bool) {
	c.mu.RLock()
	e, ok := c.entries[k]
	c.mu.RUnlock()
	if !ok || now.After(e.deadline) {
		var zero V
		return zero, false
	}
	return e.v, true
}

func (c *ttlCache[K, V]) forget(k K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	delete(c.entries, k)
}

func (c *ttlCache[K, V]) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.entries)
}
