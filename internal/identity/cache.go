package identity

import (
	"hash/maphash"
	"sync"
	"time"
)

// verifiedCache remembers tokens that passed Verify until they expire, so a client that
// sends the same token on every request pays for one signature check. Only successes are
// cached: garbage cannot fill it. It is bounded: a full shard first drops its expired
// entries, then everything.
type verifiedCache struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard
	max    int // entries per shard
}

const cacheShards = 16

type cacheShard struct {
	mu      sync.RWMutex
	entries map[string]Claims
}

func newVerifiedCache(size int) *verifiedCache {
	c := &verifiedCache{seed: maphash.MakeSeed(), max: max(1, size/cacheShards)}
	for i := range c.shards {
		c.shards[i].entries = map[string]Claims{}
	}
	return c
}

func (c *verifiedCache) shard(token string) *cacheShard {
	return &c.shards[maphash.String(c.seed, token)%cacheShards]
}

// get returns the claims of a verified token still valid at now (exp plus skew, the
// same bound Verify applies).
func (c *verifiedCache) get(token string, now time.Time, skew time.Duration) (Claims, bool) {
	s := c.shard(token)
	s.mu.RLock()
	claims, ok := s.entries[token]
	s.mu.RUnlock()
	if !ok || now.After(claims.ExpiresAt.Add(skew)) {
		return Claims{}, false
	}
	return claims, true
}

func (c *verifiedCache) put(token string, claims Claims, now time.Time) {
	s := c.shard(token)
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.entries) >= c.max {
		for k, v := range s.entries {
			if now.After(v.ExpiresAt) {
				delete(s.entries, k)
			}
		}
		if len(s.entries) >= c.max {
			clear(s.entries)
		}
	}
	s.entries[token] = claims
}
