package tenancy

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
)

// countingStore answers the cached reads and counts the calls that reach it.
type countingStore struct {
	Store
	reads  atomic.Int64
	member atomic.Bool
	mode   atomic.Value // string
	block  chan struct{}
}

func (s *countingStore) Membership(context.Context, string, string) (Membership, error) {
	s.reads.Add(1)
	if s.block != nil {
		<-s.block
	}
	if !s.member.Load() {
		return Membership{}, apperr.E(apperr.NotFound, "no")
	}
	return Membership{Role: RoleAdmin}, nil
}

func (s *countingStore) Tenant(_ context.Context, id string) (Tenant, error) {
	s.reads.Add(1)
	m, _ := s.mode.Load().(string)
	return Tenant{ID: id, ModeID: m}, nil
}

func (s *countingStore) UpdateTenant(_ context.Context, id string, _ *int, change func(*Tenant) error, _ audit.Event) (Tenant, error) {
	t := Tenant{ID: id}
	err := change(&t)
	s.mode.Store(t.ModeID)
	return t, err
}

func (s *countingStore) AcceptInvitation(_ context.Context, _ string, accept func(*Invitation) (Membership, error), _ audit.Event) (Membership, error) {
	s.member.Store(true)
	return accept(&Invitation{})
}

func TestCachedStore(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	inner := &countingStore{}
	inner.mode.Store("saas")
	c := NewCachedStore(inner, CacheConfig{TTL: 10 * time.Second, NegativeTTL: 2 * time.Second, Now: func() time.Time { return now }})

	t.Run("HitsServedFromMemory", func(t *testing.T) {
		for range 100 {
			if _, err := c.Tenant(ctx, "t_a"); err != nil {
				t.Fatal(err)
			}
		}
		if n := inner.reads.Load(); n != 1 {
			t.Fatalf("%d reads reached the store, want 1", n)
		}
	})
	t.Run("WriteInvalidates", func(t *testing.T) {
		if _, err := c.UpdateTenant(ctx, "t_a", nil, func(t *Tenant) error { t.ModeID = "lab"; return nil }, audit.Event{}); err != nil {
			t.Fatal(err)
		}
		if got, _ := c.Tenant(ctx, "t_a"); got.ModeID != "lab" {
			t.Fatalf("mode after update = %q, want lab", got.ModeID)
		}
	})
	t.Run("NegativeThenAdded", func(t *testing.T) {
		if _, err := c.Membership(ctx, "t_a", "u_b"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("err = %v", err)
		}
		accept := func(*Invitation) (Membership, error) { return Membership{TenantID: "t_a", UserID: "u_b"}, nil }
		if _, err := c.AcceptInvitation(ctx, "iv_x", accept, audit.Event{}); err != nil {
			t.Fatal(err)
		}
		if m, err := c.Membership(ctx, "t_a", "u_b"); err != nil || m.Role != RoleAdmin {
			t.Fatalf("after add: %+v, %v", m, err)
		}
	})
	t.Run("TTL", func(t *testing.T) {
		before := inner.reads.Load()
		c.Tenant(ctx, "t_a")
		now = now.Add(11 * time.Second)
		c.Tenant(ctx, "t_a")
		if got := inner.reads.Load() - before; got != 1 {
			t.Fatalf("%d reads across the TTL, want 1", got)
		}
	})
	t.Run("RemoteForget", func(t *testing.T) {
		inner.member.Store(false) // removed on another replica
		c.ForgetMember("t_a", "u_b")
		if _, err := c.Membership(ctx, "t_a", "u_b"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("after forget: err = %v", err)
		}
	})
	t.Run("SlowFillDoesNotResurrect", func(t *testing.T) {
		inner.member.Store(true)
		inner.block = make(chan struct{})
		before := inner.reads.Load()
		done := make(chan struct{})
		go func() { c.Membership(ctx, "t_a", "u_c"); close(done) }()
		deadline := time.Now().Add(5 * time.Second)
		for inner.reads.Load() == before { // the read is in flight, holding the old generation
			if time.Now().After(deadline) {
				t.Fatal("the read never reached the store")
			}
			time.Sleep(time.Millisecond)
		}
		inner.member.Store(false) // removed meanwhile
		c.ForgetMember("t_a", "u_c")
		close(inner.block)
		<-done
		inner.block = nil
		if _, err := c.Membership(ctx, "t_a", "u_c"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("a fill that began before the removal was kept: err = %v", err)
		}
	})
}

// TestCachedStoreCoalescesMisses: concurrent misses of one key make one store read.
func TestCachedStoreCoalescesMisses(t *testing.T) {
	inner := &countingStore{block: make(chan struct{})}
	inner.member.Store(true)
	c := NewCachedStore(inner, CacheConfig{TTL: time.Minute, NegativeTTL: time.Second})
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Membership(context.Background(), "t_a", "u_a"); err != nil {
				t.Error(err)
			}
		}()
	}
	deadline := time.Now().Add(5 * time.Second)
	for inner.reads.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no read reached the store")
		}
		time.Sleep(time.Millisecond)
	}
	close(inner.block)
	wg.Wait()
	if n := inner.reads.Load(); n != 1 {
		t.Fatalf("%d store reads for 50 concurrent misses, want 1", n)
	}
}
