package tenancy

import (
	"context"
	"sync"
	"time"

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
}

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
	}
}

// Tenant implements Store from the cache.
func (c *CachedStore) Tenant(ctx context.Context, id string) (Tenant, error) {
	now := c.cfg.Now()
	if t, ok := c.tenants.get(id, now); ok {
		return t, nil
	}
	gen := c.tenants.generation()
	t, err := c.Store.Tenant(ctx, id)
	if err == nil {
		c.tenants.put(id, t, now.Add(c.cfg.TTL), gen)
	}
	return t, err
}

// Mode implements Store from the cache.
func (c *CachedStore) Mode(ctx context.Context, id string) (Mode, error) {
	now := c.cfg.Now()
	if m, ok := c.modes.get(id, now); ok {
		return m, nil
	}
	gen := c.modes.generation()
	m, err := c.Store.Mode(ctx, id)
	if err == nil {
		c.modes.put(id, m, now.Add(c.cfg.TTL), gen)
	}
	return m, err
}

// Membership implements Store from the cache, remembering "not a member" briefly too.
func (c *CachedStore) Membership(ctx context.Context, tenantID, userID string) (Membership, error) {
	k, now := memberKey{tenantID, userID}, c.cfg.Now()
	if e, ok := c.members.get(k, now); ok {
		if !e.found {
			return Membership{}, apperr.E(apperr.NotFound, "no such membership")
		}
		return e.m, nil
	}
	gen := c.members.generation()
	m, err := c.Store.Membership(ctx, tenantID, userID)
	switch {
	case err == nil:
		c.members.put(k, memberEntry{m: m, found: true}, now.Add(c.cfg.TTL), gen)
	case apperr.Is(err, apperr.NotFound):
		c.members.put(k, memberEntry{}, now.Add(c.cfg.NegativeTTL), gen)
	}
	return m, err
}

// UpdateTenant implements Store, invalidating the tenant.
func (c *CachedStore) UpdateTenant(ctx context.Context, id string, expectedVersion *int, change func(*Tenant) error) (Tenant, error) {
	defer c.ForgetTenant(id)
	return c.Store.UpdateTenant(ctx, id, expectedVersion, change)
}

// CreateMembership implements Store, invalidating the membership.
func (c *CachedStore) CreateMembership(ctx context.Context, m Membership) error {
	defer c.ForgetMember(m.TenantID, m.UserID)
	return c.Store.CreateMembership(ctx, m)
}

// DeleteMembership implements Store, invalidating the membership.
func (c *CachedStore) DeleteMembership(ctx context.Context, tenantID, userID string, check func(Membership, int) error) error {
	defer c.ForgetMember(tenantID, userID)
	return c.Store.DeleteMembership(ctx, tenantID, userID, check)
}

// CreateTenant implements Store, invalidating the owner's membership.
func (c *CachedStore) CreateTenant(ctx context.Context, t Tenant, owner Membership) error {
	defer c.ForgetMember(t.ID, owner.UserID)
	return c.Store.CreateTenant(ctx, t, owner)
}

// EnsureSystem implements Store, invalidating everything it may create.
func (c *CachedStore) EnsureSystem(ctx context.Context, system Tenant, modes []Mode, admin *User) (Tenant, bool, error) {
	defer func() {
		c.tenants.clear()
		c.modes.clear()
		c.members.clear()
	}()
	return c.Store.EnsureSystem(ctx, system, modes, admin)
}

// ForgetTenant drops a cached tenant (it changed).
func (c *CachedStore) ForgetTenant(id string) { c.tenants.forget(id) }

// ForgetMember drops a cached membership (it was added, changed or removed).
func (c *CachedStore) ForgetMember(tenantID, userID string) {
	c.members.forget(memberKey{tenantID, userID})
}

// ttlCache is a map of entries with deadlines. A fill that started before an invalidation
// is discarded (generation check), so a slow read cannot put back what a write removed.
type ttlCache[K comparable, V any] struct {
	mu      sync.RWMutex
	entries map[K]ttlEntry[V]
	gen     uint64
}

type ttlEntry[V any] struct {
	v        V
	deadline time.Time
}

// maxEntries bounds each cache; a full cache is cleared rather than grown.
const maxEntries = 100_000

func newTTLCache[K comparable, V any]() ttlCache[K, V] {
	return ttlCache[K, V]{entries: map[K]ttlEntry[V]{}}
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

func (c *ttlCache[K, V]) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

func (c *ttlCache[K, V]) put(k K, v V, deadline time.Time, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if len(c.entries) >= maxEntries {
		clear(c.entries)
	}
	c.entries[k] = ttlEntry[V]{v: v, deadline: deadline}
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
