package chatbus

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// counterTTL is how long an idle thread's counter stays in Redis. An expired counter is
// recovered from the store like a lost one (chat.Service.Post), so idle threads cost no
// Redis memory.
const counterTTL = 7 * 24 * time.Hour

// nextScript increments an existing counter; -1 when there is none.
var nextScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local v = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return v`)

// nextAfterScript raises the counter to at least ARGV[1], then increments it.
var nextAfterScript = redis.NewScript(`
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
local floor = tonumber(ARGV[1])
if v < floor then v = floor end
v = v + 1
redis.call('SET', KEYS[1], v, 'PX', ARGV[2])
return v`)

// counterKey names a thread's counter; the thread id is the hash tag, so on a cluster
// counters spread over every shard.
func (b *Bus) counterKey(threadID string) string { return b.prefix + "seq:{" + threadID + "}" }

// Next implements chat.Sequencer with one Redis round trip. Returns ROUTE_MISSING or the
// Redis error.
func (b *Bus) Next(ctx context.Context, threadID string) (int, bool, error) {
	l, err := b.current(ctx)
	if err != nil {
		return 0, false, err
	}
	v, err := nextScript.Run(ctx, l.cmds, []string{b.counterKey(threadID)}, counterTTL.Milliseconds()).Int()
	if err != nil {
		return 0, false, err
	}
	return v, v > 0, nil
}

// NextAfter implements chat.Sequencer. Returns ROUTE_MISSING or the Redis error.
func (b *Bus) NextAfter(ctx context.Context, threadID string, floor int) (int, error) {
	l, err := b.current(ctx)
	if err != nil {
		return 0, err
	}
	v, err := nextAfterScript.Run(ctx, l.cmds, []string{b.counterKey(threadID)}, floor, counterTTL.Milliseconds()).Int()
	if err == nil && v <= floor {
		err = errors.New("chatbus: counter did not advance")
	}
	return v, err
}

// Seed implements chat.Sequencer: SET NX, so it never lowers a counter in use.
func (b *Bus) Seed(ctx context.Context, threadID string) error {
	l, err := b.current(ctx)
	if err != nil {
		return err
	}
	return l.cmds.SetNX(ctx, b.counterKey(threadID), 0, counterTTL).Err()
}
