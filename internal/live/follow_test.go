package live

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/follow"
	"github.com/northstar/northstar/internal/tenancy"
)

// fakeLog is an access log: every watch delivers its events at or after since, syncs,
// then stays quiet until its context ends; AccessStat answers stored.
type fakeLog struct {
	mu      sync.Mutex
	events  []tenancy.AccessEvent
	stored  time.Time
	watches int
}

func (f *fakeLog) WatchAccess(ctx context.Context, since time.Time, apply func(tenancy.AccessEvent), synced func()) error {
	f.mu.Lock()
	f.watches++
	events := append([]tenancy.AccessEvent(nil), f.events...)
	f.mu.Unlock()
	for _, e := range events {
		if !e.At.Before(since) {
			apply(e)
		}
	}
	synced()
	<-ctx.Done()
	return nil
}

func (f *fakeLog) AccessStat(context.Context) (follow.Stat, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return follow.Stat{Newest: f.stored}, nil
}

// TestFollowRestartsOnlyOnLag: the relay's listener is restarted when the log holds an
// event newer than anything it delivered, and only then: not for a newest event older
// than the replay's start (a replica started after a quiet hour), nor for one older than
// the newest applied (the newest expired).
func TestFollowRestartsOnlyOnLag(t *testing.T) {
	now := time.Now()
	recent := tenancy.AccessEvent{ID: "ae_1", Kind: tenancy.AccessTenantChanged, TenantID: "t_a", At: now.Add(-time.Second)}
	for name, c := range map[string]struct {
		log      *fakeLog
		restarts bool
	}{
		"Lagging":       {&fakeLog{stored: now.Add(-time.Millisecond)}, true},
		"QuietLog":      {&fakeLog{stored: now.Add(-2 * time.Hour)}, false},
		"NewestExpired": {&fakeLog{events: []tenancy.AccessEvent{recent}, stored: now.Add(-time.Hour)}, false},
		"CaughtUp":      {&fakeLog{events: []tenancy.AccessEvent{recent}, stored: recent.At}, false},
	} {
		t.Run(name, func(t *testing.T) {
			r := NewRelay(RelayConfig{Connections: New(nil), Cache: tenancy.NewCachedStore(&memberStore{}, tenancy.CacheConfig{}), Ended: NewEndedSessions(nil), Lookback: 15 * time.Minute})
			var mu sync.Mutex
			stale := 0
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan struct{})
			go func() {
				r.Follow(ctx, c.log, follow.Options{Check: 10 * time.Millisecond, OnStale: func(follow.Stat, follow.Stat) { mu.Lock(); stale++; mu.Unlock() }})
				close(done)
			}()
			<-r.Ready()
			time.Sleep(200 * time.Millisecond)
			cancel()
			<-done
			if (stale > 0) != c.restarts {
				t.Fatalf("%d restarts (%d watches), want restarts: %v", stale, c.log.watches, c.restarts)
			}
		})
	}
}
