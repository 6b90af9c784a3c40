// Package ratelimit counts events per key in sliding windows, on the Redis the rate_limit
// route names, so every replica sees the same counts: login failures per email and per
// client address, signups per address and per user, token requests per client id.
//
// Each key is a sorted set of event times (a sliding log): exact at the window's edge,
// unlike fixed windows, and small because the limits are (tens of events). One Lua script
// trims, counts and records, with Redis's own clock, so replicas with skewed clocks agree;
// the questions of one decision (a login's email and address) share one pipelined round
// trip. The script keeps at most Limit events per key, so a flood of failures cannot grow
// a key. Keys are hashed: no email or address is stored in Redis.
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

// Query names one key's log under one rule.
type Query struct {
	Name string
	Rate Rate
	Key  string
}

// Check returns how many events each query's key holds in its window and, when any of
// them already holds its rate's Limit, RATE_LIMITED with the time until a slot frees; it
// records nothing, and asks Redis once for all of them. Use it before an attempt whose
// failures are counted with Add.
func (l *Limiter) Check(ctx context.Context, qs ...Query) ([]int, error) {
	calls := make([]call, len(qs))
	for i, q := range qs {
		calls[i] = call{check, q}
	}
	results := l.do(ctx, calls)
	counts := make([]int, len(results))
	var wait time.Duration
	blocked := false
	for i, r := range results {
		counts[i] = r.count
		if !r.ok {
			blocked, wait = true, max(wait, r.wait)
		}
	}
	if blocked {
		return counts, limited(wait)
	}
	return counts, nil
}

// Take records one event for q's key and returns nil, or returns RATE_LIMITED without
// recording when the window already holds q.Rate.Limit events.
func (l *Limiter) Take(ctx context.Context, q Query) error {
	if r := l.do(ctx, []call{{take, q}})[0]; !r.ok {
		return limited(r.wait)
	}
	return nil
}

// Add records one event (a failure) for each query's key whatever the count, asking
// Redis once.
func (l *Limiter) Add(ctx context.Context, qs ...Query) {
	calls := make([]call, len(qs))
	for i, q := range qs {
		calls[i] = call{add, q}
	}
	l.do(ctx, calls)
}

// Reset forgets q's key's events.
func (l *Limiter) Reset(ctx context.Context, q Query) {
	k := redisKey(q.Name, q.Key)
	l.local.reset(k)
	if c := l.redis(ctx); c != nil {
		if err := c.Del(ctx, k).Err(); err != nil {
			l.failed(err)
		}
	}
}

// call is one question for do.
type call struct {
	m mode
	Query
}

// result is do's answer to one call: allowed or not (and how long until a slot frees),
// and the events the key holds afterwards.
type result struct {
	ok    bool
	wait  time.Duration
	count int
}

// do answers calls, in one pipelined round trip to Redis, or in this process while Redis
// does not answer. A call with a zero rate is always allowed (the limit is off).
func (l *Limiter) do(ctx context.Context, calls []call) []result {
	out := make([]result, len(calls))
	var todo []int
	for i, c := range calls {
		if c.Rate.Limit <= 0 || c.Rate.Window <= 0 {
			out[i] = result{ok: true}
			continue
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return out
	}
	if client := l.redis(ctx); client != nil {
		err := l.ask(ctx, client, calls, todo, out)
		if err == nil {
			l.recovered()
			return out
		}
		l.failed(err)
	}
	for _, i := range todo {
		if l.opts.Fallbacks != nil {
			l.opts.Fallbacks()
		}
		c := calls[i]
		out[i].ok, out[i].wait, out[i].count = l.local.run(c.m, redisKey(c.Name, c.Key), c.Rate)
	}
	return out
}

// ask runs the script for calls[todo] in one pipeline, loading it first when Redis does
// not know it yet (a new or restarted Redis).
func (l *Limiter) ask(ctx context.Context, client redis.UniversalClient, calls []call, todo []int, out []result) error {
	for attempt := 0; ; attempt++ {
		cmds := make([]*redis.Cmd, len(todo))
		_, err := client.Pipelined(ctx, func(p redis.Pipeliner) error {
			for j, i := range todo {
				c := calls[i]
				cmds[j] = script.EvalSha(ctx, p, []string{redisKey(c.Name, c.Key)}, c.Rate.Limit, c.Rate.Window.Milliseconds(), string(c.m), l.opts.Now().UnixNano())
			}
			return nil
		})
		if err != nil && redis.HasErrorPrefix(err, "NOSCRIPT") && attempt == 0 {
			if err := script.Load(ctx, client).Err(); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		for j, i := range todo {
			res, err := cmds[j].Int64Slice()
			if err != nil || len(res) != 3 {
				return fmt.Errorf("unexpected script answer %v (%v)", res, err)
			}
			out[i] = result{ok: res[0] == 1, wait: time.Duration(res[1]) * time.Millisecond, count: int(res[2])}
		}
		return nil
	}
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
// while Redis is known to be down or there is no route. It dials without holding the
// lock, and one caller at a time: the others count locally meanwhile instead of waiting
// out a dial timeout behind it.
func (l *Limiter) redis(ctx context.Context) redis.UniversalClient {
	rt, ok := l.opts.Route()
	l.mu.Lock()
	switch {
	case !ok:
		l.degrade("there is no rate_limit route")
		l.mu.Unlock()
		return nil
	case l.opts.Now().Before(l.downUntil):
		l.mu.Unlock()
		return nil
	case l.client != nil && l.route.SameTarget(rt):
		c := l.client
		l.mu.Unlock()
		return c
	}
	l.downUntil = l.opts.Now().Add(retryRedis) // this caller dials
	l.mu.Unlock()

	c, err := l.opts.Dial(ctx, rt)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.downUntil = l.opts.Now().Add(retryRedis)
		l.degrade(err.Error())
		return nil
	}
	if l.client != nil {
		_ = l.client.Close()
	}
	l.client, l.route, l.downUntil = c, rt, time.Time{}
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
// does; add records one whatever the count. It answers {1, 0, n} (allowed) or {0, ms until
// a slot frees}, then the events the log holds. ARGV[4] makes each event's member unique. The log keeps at most ARGV[1]
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
  if mode == 'take' then return {1, 0, n} end
end
if n < limit then return {1, 0, n} end
local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now), n}
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
