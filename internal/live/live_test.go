package live

import (
	"context"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/tenancy"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// connect registers a connection of userID to tenantID and returns its context and Ending.
func connect(t *testing.T, s *Sessions, tenantID, userID string) (context.Context, *wsgorilla.Ending) {
	t.Helper()
	ctx, ending := wsgorilla.WithEnding(t.Context())
	return s.Add(ctx, tenantID, userID), ending
}

// ended reports whether ctx ended (at once or within a second) with close code want.
func ended(t *testing.T, ctx context.Context, ending *wsgorilla.Ending, want int) {
	t.Helper()
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
		t.Fatalf("the connection did not end; want close code %d", want)
	}
	if got := ending.Code(); got != want {
		t.Fatalf("close code %d, want %d", got, want)
	}
}

func TestSessions(t *testing.T) {
	s := New(nil)
	aliceA, endA := connect(t, s, "t_a", "u_alice")
	aliceB, endB := connect(t, s, "t_b", "u_alice")
	if n := s.Count(); n != 2 {
		t.Fatalf("Count = %d, want 2", n)
	}

	if n := s.RevokeLocal("t_a", "u_alice"); n != 1 {
		t.Fatalf("RevokeLocal = %d, want 1", n)
	}
	ended(t, aliceA, endA, wsgorilla.CloseForbidden)
	if aliceB.Err() != nil {
		t.Fatal("revoking access to t_a ended the connection to t_b")
	}
	waitCount(t, s, 1) // an ended connection leaves the registry

	sub, cancel := context.WithCancel(aliceB)
	defer cancel()
	s.TooSlow(sub)
	ended(t, aliceB, endB, wsgorilla.CloseTryAgain)

	bob, endBob := connect(t, s, "t_a", "u_bob")
	s.CloseAll()
	ended(t, bob, endBob, wsgorilla.CloseGoingAway)
	late, endLate := connect(t, s, "t_a", "u_carol") // after shutdown began
	ended(t, late, endLate, wsgorilla.CloseGoingAway)
}

func waitCount(t *testing.T, s *Sessions, want int) {
	t.Helper()
	for deadline := time.Now().Add(time.Second); s.Count() != want; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("Count = %d, want %d", s.Count(), want)
		}
	}
}

// memberStore answers memberships for the cache the relay drops entries of.
type memberStore struct {
	tenancy.Store
	member bool
}

func (m *memberStore) Membership(context.Context, string, string) (tenancy.Membership, error) {
	if !m.member {
		return tenancy.Membership{}, apperr.E(apperr.NotFound, "no")
	}
	return tenancy.Membership{Role: tenancy.RoleMember}, nil
}

func TestRelayAccessChanged(t *testing.T) {
	store := &memberStore{member: true}
	cache := tenancy.NewCachedStore(store, tenancy.CacheConfig{TTL: time.Hour})
	s := New(nil)
	r := NewRelay(s, cache, nil)
	if _, err := cache.Membership(t.Context(), "t_a", "u_bob"); err != nil { // cached
		t.Fatal(err)
	}
	bob, ending := connect(t, s, "t_a", "u_bob")

	store.member = false
	r.AccessChanged(t.Context(), tenancy.AccessEvent{Kind: tenancy.AccessMemberRemoved, TenantID: "t_a", UserID: "u_bob"})
	ended(t, bob, ending, wsgorilla.CloseForbidden)
	if _, err := cache.Membership(t.Context(), "t_a", "u_bob"); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("membership after the removal: %v, want NOT_FOUND (the cache entry dropped)", err)
	}
}
