package chatbus

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Quota counts live subscriptions per tenant across every replica on the chat_bus Redis,
// so a tenant's cap holds however many replicas serve it.
//
// Each replica keeps its own count per tenant in a hash (field = replica id) next to a
// sorted set of the replicas' lease deadlines; both keys carry the tenant as hash tag, so
// one script sees both on a cluster. Admission is one script: drop replicas whose lease
// passed (a replica that died without releasing), sum the rest, admit under the limit. A
// replica renews its leases and rewrites its true counts every quotaLease/3, which also
// restores them after Redis lost them. A replica that cannot reach Redis admits on its own
// count alone (its in-process cap still holds): a bus outage must not refuse every
// subscription, and the counts converge when Redis is back.
type Quota struct {
	bus     *Bus
	replica string

	mu    sync.Mutex
	local map[string]int // tenant → this replica's live subscriptions
}

// quotaLease is how long a replica's counts stand without renewal.
const quotaLease = 30 * time.Second

// NewQuota returns the bus's subscription quota. Run its Renew loop.
func (b *Bus) NewQuota() *Quota {
	var id [8]byte
	_, _ = rand.Read(id[:])
	return &Quota{bus: b, replica: hex.EncodeToString(id[:]), local: map[string]int{}}
}

// acquireScript admits one subscription of a tenant under ARGV[2] across live replicas:
// it returns the new total, or -1 when the tenant is at its limit.
var acquireScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for _, r in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  redis.call('HDEL', KEYS[1], r)
  redis.call('ZREM', KEYS[2], r)
end
local total = 0
for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
if total >= tonumber(ARGV[2]) then return -1 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return total + 1`)

// setScript writes this replica's count of a tenant (ARGV[2]) and renews its lease.
var setScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if tonumber(ARGV[2]) > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
else
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return 0`)

func (q *Quota) keys(tenantID string) []string {
	base := q.bus.prefix + "subs:{" + tenantID + "}"
	return []string{base, base + ":alive"}
}

// Acquire admits one more live subscription of tenantID when the tenant has fewer than
// limit across every replica. ok is false at the limit. The caller calls Release once
// for each admitted subscription. err reports that Redis could not be asked: the answer
// then counts this replica's subscriptions alone.
func (q *Quota) Acquire(ctx context.Context, tenantID string, limit int) (ok bool, err error) {
	q.mu.Lock()
	q.local[tenantID]++
	n := q.local[tenantID]
	q.mu.Unlock()
	ok = n <= limit
	if l, cerr := q.bus.current(ctx); cerr != nil {
		err = cerr
	} else if ok {
		var total int
		total, err = acquireScript.Run(ctx, l.cmds, q.keys(tenantID), q.replica, limit, quotaLease.Milliseconds()).Int()
		ok = err != nil || total > 0
	}
	if !ok {
		q.forget(tenantID)
	}
	return ok, err
}

// Release gives back a subscription Acquire admitted.
func (q *Quota) Release(ctx context.Context, tenantID string) {
	n := q.forget(tenantID)
	if l := q.bus.link.Load(); l != nil {
		_ = setScript.Run(ctx, l.cmds, q.keys(tenantID), q.replica, n, quotaLease.Milliseconds()).Err()
	}
}

func (q *Quota) forget(tenantID string) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := q.local[tenantID] - 1
	if n <= 0 {
		delete(q.local, tenantID)
		return 0
	}
	q.local[tenantID] = n
	return n
}

// Renew rewrites this replica's counts and renews its leases every quotaLease/3 until
// ctx ends.
func (q *Quota) Renew(ctx context.Context) {
	t := time.NewTicker(quotaLease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		l := q.bus.link.Load()
		if l == nil {
			continue
		}
		q.mu.Lock()
		counts := make(map[string]int, len(q.local))
		for k, v := range q.local {
			counts[k] = v
		}
		q.mu.Unlock()
		for tenantID, n := range counts {
			if err := setScript.Run(ctx, l.cmds, q.keys(tenantID), q.replica, n, quotaLease.Milliseconds()).Err(); err != nil && ctx.Err() == nil {
				q.bus.log.Warn("chatbus: renewing subscription counts failed", "err", err)
				break
			}
		}
	}
}
