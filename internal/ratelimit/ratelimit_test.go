package ratelimit

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/routing"
)

// sharedRedis is the Redis the tests share (keys are unique per test); the fallback test
// starts its own.
var sharedRedis *devinfra.Redis

func TestMain(m *testing.M) {
	os.Exit(devinfra.WithRedis(func(r *devinfra.Redis) int { sharedRedis = r; return m.Run() }))
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fixture is a Limiter on addr's Redis, with its log, fallback count and local clock.
type fixture struct {
	*Limiter
	log       *syncBuffer
	fallbacks atomic.Int64
	clock     atomic.Int64 // offset added to time.Now, in ns
}

func newLimiter(t *testing.T, addr string) *fixture {
	t.Helper()
	f := &fixture{log: &syncBuffer{}}
	rt := routing.Route{ResourceKind: "rate_limit", TenantID: ids.System, Env: "dev",
		BackendType: "redis", Config: map[string]string{"address": addr}}
	f.Limiter = New(Options{
		Route: func() (routing.Route, bool) { return rt, true },
		Dial: func(ctx context.Context, rt routing.Route) (redis.UniversalClient, error) {
			c := redis.NewClient(&redis.Options{Addr: rt.Config["address"], MaxRetries: -1, DialTimeout: time.Second})
			if err := c.Ping(ctx).Err(); err != nil {
				_ = c.Close()
				return nil, err
			}
			return c, nil
		},
		Log:       slog.New(slog.NewTextHandler(f.log, nil)),
		Fallbacks: func() { f.fallbacks.Add(1) },
		Now:       func() time.Time { return time.Now().Add(time.Duration(f.clock.Load())) },
	})
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// key is a key no other test uses.
func key(t *testing.T) string { return t.Name() + "/" + ids.New(ids.User) }

// expectLimited fails unless err is RATE_LIMITED asking to wait more than 0 and at most
// most.
func expectLimited(t *testing.T, err error, most time.Duration) time.Duration {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != apperr.RateLimited {
		t.Fatalf("err = %v, want RATE_LIMITED", err)
	}
	if e.RetryAfter <= 0 || e.RetryAfter > most {
		t.Fatalf("retry after %s, want within (0, %s]", e.RetryAfter, most)
	}
	return e.RetryAfter
}

// TestTake: Limit takes pass and the next is RATE_LIMITED with a retry within the window;
// another key and another rule are counted apart.
func TestTake(t *testing.T) {
	l := newLimiter(t, sharedRedis.Addr)
	ctx, k := t.Context(), key(t)
	rate := Rate{Limit: 3, Window: time.Hour}
	for i := range 3 {
		if err := l.Take(ctx, Query{"signup", rate, k}); err != nil {
			t.Fatalf("take %d: %v", i+1, err)
		}
	}
	expectLimited(t, l.Take(ctx, Query{"signup", rate, k}), time.Hour)
	expectLimited(t, checkOne(l.Limiter, ctx, Query{"signup", rate, k}), time.Hour)
	if err := l.Take(ctx, Query{"signup", rate, k + "x"}); err != nil {
		t.Fatalf("another key: %v", err)
	}
	if err := l.Take(ctx, Query{"login", rate, k}); err != nil {
		t.Fatalf("another rule: %v", err)
	}
	if l.fallbacks.Load() != 0 {
		t.Fatalf("%d decisions were local with Redis up", l.fallbacks.Load())
	}
}

// TestFailures: Check passes until Limit failures were added, whatever their number
// afterwards the key holds only Limit events, and Reset clears it.
func TestFailures(t *testing.T) {
	l := newLimiter(t, sharedRedis.Addr)
	ctx, k := t.Context(), key(t)
	rate := Rate{Limit: 5, Window: 15 * time.Minute}
	for i := range 5 {
		if err := checkOne(l.Limiter, ctx, Query{"login", rate, k}); err != nil {
			t.Fatalf("check after %d failures: %v", i, err)
		}
		l.Add(ctx, Query{"login", rate, k})
	}
	expectLimited(t, checkOne(l.Limiter, ctx, Query{"login", rate, k}), 15*time.Minute)
	for range 100 {
		l.Add(ctx, Query{"login", rate, k})
	}
	if n := redis.NewClient(&redis.Options{Addr: sharedRedis.Addr}).ZCard(ctx, redisKey("login", k)).Val(); n != 5 {
		t.Fatalf("the log holds %d events after 105 failures, want the limit, 5", n)
	}
	l.Reset(ctx, Query{"login", rate, k})
	if err := checkOne(l.Limiter, ctx, Query{"login", rate, k}); err != nil {
		t.Fatalf("after Reset: %v", err)
	}
}

// TestSlidingWindow: once the window has passed the oldest event, one more take passes
// and the next is refused again: the window slides, it does not reset.
func TestSlidingWindow(t *testing.T) {
	l := newLimiter(t, sharedRedis.Addr)
	ctx, k := t.Context(), key(t)
	rate := Rate{Limit: 2, Window: 1500 * time.Millisecond}
	if err := l.Take(ctx, Query{"w", rate, k}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond) // the second event is 0.7 s younger than the first
	if err := l.Take(ctx, Query{"w", rate, k}); err != nil {
		t.Fatal(err)
	}
	expectLimited(t, l.Take(ctx, Query{"w", rate, k}), 2*time.Second)
	time.Sleep(900 * time.Millisecond) // the first event has left the window, the second not
	if err := l.Take(ctx, Query{"w", rate, k}); err != nil {
		t.Fatalf("after the oldest event left the window: %v", err)
	}
	expectLimited(t, l.Take(ctx, Query{"w", rate, k}), 2*time.Second)
}

// TestNoPersonalDataInRedis: the key names hash the email.
func TestNoPersonalDataInRedis(t *testing.T) {
	l := newLimiter(t, sharedRedis.Addr)
	l.Add(t.Context(), Query{"login", Rate{Limit: 3, Window: time.Minute}, "ann@example.com"})
	keys := redis.NewClient(&redis.Options{Addr: sharedRedis.Addr}).Keys(t.Context(), "*example*").Val()
	if len(keys) != 0 {
		t.Fatalf("Redis keys name the email: %v", keys)
	}
}

// TestRedisDown: with the rate-limit Redis stopped, limits still hold (counted in this
// process), each local decision is counted, one warning is logged; once Redis is back
// (and retryRedis has passed) counting returns to Redis and says so.
func TestRedisDown(t *testing.T) {
	r, err := devinfra.StartRedis(t.Context(), devinfra.RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Stop() })
	l := newLimiter(t, r.Addr)
	ctx, k := t.Context(), key(t)
	rate := Rate{Limit: 3, Window: time.Hour}
	if err := l.Take(ctx, Query{"signup", rate, k}); err != nil {
		t.Fatal(err)
	}
	if err := r.Stop(); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := l.Take(ctx, Query{"signup", rate, k}); err != nil {
			t.Fatalf("local take %d: %v", i+1, err)
		}
	}
	expectLimited(t, l.Take(ctx, Query{"signup", rate, k}), time.Hour)
	if n := l.fallbacks.Load(); n != 4 {
		t.Fatalf("%d local decisions counted, want 4", n)
	}
	if got := bytes.Count([]byte(l.log.String()), []byte("Redis unavailable")); got != 1 {
		t.Fatalf("the fallback was logged %d times, want once:\n%s", got, l.log.String())
	}

	if err := r.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	l.clock.Store(int64(retryRedis)) // retryRedis has passed
	for i := range 3 {
		if err := l.Take(ctx, Query{"signup", rate, k}); err != nil {
			t.Fatalf("take %d on the restarted (empty) Redis: %v", i+1, err)
		}
	}
	expectLimited(t, l.Take(ctx, Query{"signup", rate, k}), time.Hour)
	if n := l.fallbacks.Load(); n != 4 {
		t.Fatalf("%d local decisions after Redis came back, want still 4", n)
	}
	if !bytes.Contains([]byte(l.log.String()), []byte("answers again")) {
		t.Fatalf("the return to Redis is not logged:\n%s", l.log.String())
	}
}

// TestLocalLog: the fallback's sliding log on a fake clock — the edge, the cap per key
// and the sweep of expired keys.
func TestLocalLog(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l := newLocalLog(func() time.Time { return now })
	rate := Rate{Limit: 2, Window: time.Minute}
	for range 2 {
		if ok, _, _ := l.run(take, "k", rate); !ok {
			t.Fatal("take refused under the limit")
		}
		now = now.Add(10 * time.Second)
	}
	ok, wait, n := l.run(take, "k", rate)
	if ok || wait != 40*time.Second || n != 2 {
		t.Fatalf("over the limit: ok %v wait %s count %d, want refused for 40s at 2", ok, wait, n)
	}
	now = now.Add(40 * time.Second)
	if ok, _, _ := l.run(take, "k", rate); !ok {
		t.Fatal("refused after the oldest event left the window")
	}
	for range 50 {
		l.run(add, "k", rate)
	}
	if n := len(l.logs["k"].times); n != 2 {
		t.Fatalf("the log holds %d events, want the limit, 2", n)
	}
	for i := range sweepAbove {
		l.run(add, string(rune('a'+i%26))+ids.New(ids.User), rate)
	}
	now = now.Add(2 * time.Minute)
	l.run(check, "fresh", rate)
	if n := len(l.logs); n != 1 {
		t.Fatalf("%d keys after the sweep, want only the fresh one", n)
	}
}

// checkOne is Check of one query, as an error.
func checkOne(l *Limiter, ctx context.Context, q Query) error {
	_, err := l.Check(ctx, q)
	return err
}

// TestCheckMany: one Check answers for several keys with their counts, refusing with the
// longest wait when any is at its limit.
func TestCheckMany(t *testing.T) {
	l := newLimiter(t, sharedRedis.Addr)
	ctx := t.Context()
	short, long := Query{"a", Rate{Limit: 1, Window: time.Minute}, key(t)}, Query{"b", Rate{Limit: 2, Window: time.Hour}, key(t)}
	l.Add(ctx, short, long)
	counts, err := l.Check(ctx, short, long)
	if len(counts) != 2 || counts[0] != 1 || counts[1] != 1 {
		t.Fatalf("counts %v, want [1 1]", counts)
	}
	expectLimited(t, err, time.Minute) // only short is at its limit
	l.Add(ctx, long)
	_, err = l.Check(ctx, short, long)
	if wait := expectLimited(t, err, time.Hour); wait <= time.Minute {
		t.Fatalf("retry after %s, want the longer wait", wait)
	}
	if counts, err := l.Check(ctx, Query{"c", Rate{}, key(t)}); err != nil || counts[0] != 0 {
		t.Fatalf("a zero rate: %v, %v; want allowed", counts, err)
	}
}
