// Package ratelimit counts events per key in sliding windows, on the Redis the rate_limit
// route names, so every replica sees the same counts: login failures per email and per
// client address, signups per address and per user, token requests per client id.
//
// Each key is a sorted set of event times (a sliding log): exact at the window's edge,
// unlike fixed windows, and small because the limits are (tens of events). One Lua script
// trims, counts and records in one round trip, with Redis's own clock, so replicas with
// skewed clocks agree; it keeps at most Limit events per key, so a flood of failures
// cannot grow a key. Keys are hashed: no email or address is stored in Redis.
//
// When the rate-limit Redis does not answer (or its route is missing) the limiter does
// not let requests through unlimited: it counts in this process instead, with the same
// rates, logs a warning when it starts and when Redis is back, and counts each fallback
// decision in a metric. Limits then hold per replica rather than across them, an
// attacker gets at most N replicas × the limit, and logins keep working while Redis is
// down. After a failure the limiter stays local for a short while (retryRedis) instead
// of paying a Redis timeout on every request.
//
// Tests: ratelimit_test.go runs the script against a real Redis (limits, the sliding
// edge, retry-after, the per-key cap, the fallback after Redis stops and the return to
// Redis); server TestRateLimits drives the SPEC's limits end to end, with the client
// address taken through a trusted proxy, and with the rate-limit Redis stopped.
package ratelimit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/routing"
)

// Rate allows Limit events per Window.
type Rate struct {
	Limit  int
	Window time.Duration
}

// Options configures a Limiter.
type Options struct {
	// Route returns the rate_limit route; false while there is none. Required.
	Route func() (routing.Route, bool)
	// Dial connects to a route's Redis (redisroute.Dial). Required.
	Dial func(ctx context.Context, rt routing.Route) (redis.UniversalClient, error)
	// Log receives the fallback warnings. Required.
	Log *slog.Logger
	// Fallbacks counts decisions made locally because Redis did not answer; optional.
	Fallbacks func()
	// Now is the local clock; time.Now when nil.
	Now func() time.Time
}

// Limiter counts events per key (see the package documentation).
type Limiter struct {
	opts  Options
	local *localLog

	mu        sync.Mutex
	client    redis.UniversalClient
	route     routing.Route // the route client was dialed for
	downUntil time.Time     // skip Redis until then, after a failure
	degraded  bool          // the last decision was local
}

// retryRedis is how long the limiter counts locally after Redis failed before trying it
// again.
const retryRedis = 2 * time.Second

// New returns a Limiter. It connects on first use.
func New(opts Options) *Limiter {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Limiter{opts: opts, local: newLocalLog(opts.Now)}
}

// mode is what one call does: check only, take a slot if free, or add regardless.
type mode string

const (
	check mode = "check"
	take  mode = "take"
	add   mode = "add"
)

// Check returns RATE_LIMITED, with the time until a slot frees, when key already has
// rate.Limit events in the window of rule name; it records nothing. Use it before an
// attempt whose failures are counted with Add.
func (l *Limiter) Check(ctx context.Context, name string, rate Rate, key string) error {
	return l.run(ctx, check, name, rate, key)
}

// Take records one event for key and returns nil, or returns RATE_LIMITED without
// recording when the window already holds rate.Limit events.
func (l *Limiter) Take(ctx context.Context, name string, rate Rate, key string) error {
	return l.run(ctx, take, name, rate, key)
}

// Add records one event (a failure) for key whatever the count.
func (l *Limiter) Add(ctx context.Context, name string, rate Rate, key string) {
	_ = l.run(ctx, add, name, rate, key)
}

// Reset forgets key's events under rule name.
func (l *Limiter) Reset(ctx context.Context, name, key string) {
	k := redisKey(name, key)
	l.local.reset(k)
	if c := l.redis(ctx); c != nil {
		if err := c.Del(ctx, k).Err(); err != nil {
			l.failed(err)
		}
	}
}

func (l *Limiter) run(ctx context.Context, m mode, name string, rate Rate, key string) error {
	if rate.Limit <= 0 || rate.Window <= 0 {
		return nil // a zero rate is no limit (configuration turned it off)
	}
	k := redisKey(name, key)
	var wait time.Duration
	if c := l.redis(ctx); c != nil {
		res, err := script.Run(ctx, c, []string{k}, rate.Limit, rate.Window.Milliseconds(), string(m), l.opts.Now().UnixNano()).Int64Slice()
		if err == nil && len(res) == 2 {
			l.recovered()
			if res[0] == 1 {
				return nil
			}
			return limited(time.Duration(res[1]) * time.Millisecond)
		}
		if err == nil {
			err = fmt.Errorf("unexpected script answer %v", res)
		}
		l.failed(err)
	}
	if l.opts.Fallbacks != nil {
		l.opts.Fallbacks()
	}
	ok, wait := l.local.run(m, k, rate)
	if ok {
		return nil
	}
	return limited(wait)
}

// limited is the RATE_LIMITED error, rounded up to whole seconds.
func limited(wait time.Duration) error {
	secs := (wait + time.Second - 1) / time.Second
	if secs < 1 {
		secs = 1
	}
	return apperr.Limited(secs*time.Second, "too many attempts: try again in %d s", int(secs))
}

// redis returns the client for the current route, dialing when the route changed; nil
// while Redis is known to be down or there is no route.
func (l *Limiter) redis(ctx context.Context) redis.UniversalClient {
	rt, ok := l.opts.Route()
	l.mu.Lock()
	defer l.mu.Unlock()
	if !ok {
		l.degrade("there is no rate_limit route")
		return nil
	}
	if l.client != nil && l.route.SameTarget(rt) {
		if l.opts.Now().Before(l.downUntil) {
			return nil
		}
		return l.client
	}
	if l.opts.Now().Before(l.downUntil) {
		return nil
	}
	c, err := l.opts.Dial(ctx, rt)
	if err != nil {
		l.downUntil = l.opts.Now().Add(retryRedis)
		l.degrade(err.Error())
		return nil
	}
	if l.client != nil {
		_ = l.client.Close()
	}
	l.client, l.route = c, rt
	return c
}

// failed notes a Redis error: the limiter counts locally for retryRedis.
func (l *Limiter) failed(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.downUntil = l.opts.Now().Add(retryRedis)
	l.degrade(err.Error())
}

// degrade logs the switch to local counting once per outage. Callers hold mu.
func (l *Limiter) degrade(why string) {
	if !l.degraded {
		l.degraded = true
		l.opts.Log.Warn("rate limits: Redis unavailable; counting in this process until it answers (limits hold per replica)", "why", why)
	}
}

// recovered logs the return to Redis once.
func (l *Limiter) recovered() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.degraded {
		l.degraded = false
		l.opts.Log.Info("rate limits: Redis answers again; counting across replicas")
	}
}

// Close releases the Redis client.
func (l *Limiter) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.client == nil {
		return nil
	}
	err := l.client.Close()
	l.client = nil
	return err
}

// redisKey names key's log under rule name; the key itself (an email, an address) is
// hashed so Redis holds no personal data.
func redisKey(name, key string) string {
	sum := sha256.Sum256([]byte(key))
	return "ns:rl:" + name + ":" + hex.EncodeToString(sum[:16])
}

// script trims the log of KEYS[1] to the window ARGV[2] (ms), then per ARGV[3]: check
// answers whether the log holds fewer than ARGV[1] events; take records one event when it
// does; add records one whatever the count. It answers {1, 0} (allowed) or {0, ms until
// a slot frees}. ARGV[4] makes each event's member unique. The log keeps at most ARGV[1]
// events: older ones cannot change any answer.
var script = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, window, mode = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if mode == 'add' or (mode == 'take' and n < limit) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  n = n + 1
  if n > limit then
    redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - limit - 1)
    n = limit
  end
  redis.call('PEXPIRE', KEYS[1], window)
  if mode == 'take' then return {1, 0} end
end
if n < limit then return {1, 0} end
local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now)}
`)

// Ready connects to the rate_limit route's Redis and reports whether it answers: the
// start-up checks refuse to serve without it.
func (l *Limiter) Ready(ctx context.Context) error {
	rt, ok := l.opts.Route()
	if !ok {
		return apperr.E(apperr.RouteMissing, "there is no rate_limit route")
	}
	c, err := l.opts.Dial(ctx, rt)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.client != nil {
		_ = l.client.Close()
	}
	l.client, l.route, l.downUntil = c, rt, time.Time{}
	return nil
}
