package live

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/tenancy"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// connect registers a connection of userID to tenantID, signed in with session
// "ss_"+userID, and returns its context and Ending.
func connect(t *testing.T, s *Connections, tenantID, userID string) (context.Context, *wsgorilla.Ending) {
	t.Helper()
	ctx, ending := wsgorilla.WithEnding(t.Context())
	return s.Add(ctx, Owner{TenantID: tenantID, UserID: userID, SessionID: "ss_" + userID}), ending
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

func TestConnections(t *testing.T) {
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

	dave, endDave := connect(t, s, "t_b", "u_dave")
	sub, cancel := context.WithCancel(dave) // a subscription's context on that connection
	defer cancel()
	s.TooSlow(sub)
	ended(t, dave, endDave, wsgorilla.CloseTryAgain)
	if aliceB.Err() != nil {
		t.Fatal("TooSlow ended another connection")
	}

	bob, endBob := connect(t, s, "t_a", "u_bob")
	s.CloseAll()
	ended(t, bob, endBob, wsgorilla.CloseGoingAway)
	ended(t, aliceB, endB, wsgorilla.CloseGoingAway)
	late, endLate := connect(t, s, "t_a", "u_carol") // after shutdown began
	ended(t, late, endLate, wsgorilla.CloseGoingAway)
}

func waitCount(t *testing.T, s *Connections, want int) {
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
	r := NewRelay(RelayConfig{Connections: s, Cache: cache, Ended: NewEndedSessions(nil), Lookback: time.Minute})
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

// TestRelaySessionEnded: an ended session's connections close with 4401, in every tenant,
// and the session is refused until the lookback has passed; other sessions of the same
// user are untouched.
func TestRelaySessionEnded(t *testing.T) {
	now := time.Now()
	clock := func() time.Time { return now }
	s, ended1 := New(nil), NewEndedSessions(clock)
	r := NewRelay(RelayConfig{Connections: s, Cache: tenancy.NewCachedStore(&memberStore{}, tenancy.CacheConfig{}), Ended: ended1, Lookback: 15 * time.Minute})
	ctx, _ := wsgorilla.WithEnding(t.Context())
	inA := s.Add(ctx, Owner{TenantID: "t_a", UserID: "u_ann", SessionID: "ss_1"})
	inB := s.Add(ctx, Owner{TenantID: "t_b", UserID: "u_ann", SessionID: "ss_1"})
	ctx2, _ := wsgorilla.WithEnding(t.Context())
	other := s.Add(ctx2, Owner{TenantID: "t_a", UserID: "u_ann", SessionID: "ss_2"})

	r.AccessChanged(t.Context(), tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: "u_ann", SessionID: "ss_1", At: now})
	ended(t, inA, wsgorilla.EndingFrom(inA), wsgorilla.CloseUnauthorized)
	ended(t, inB, wsgorilla.EndingFrom(inB), wsgorilla.CloseUnauthorized)
	if other.Err() != nil {
		t.Fatal("ending ss_1 closed a connection of ss_2")
	}
	if !ended1.Ended("ss_1") || ended1.Ended("ss_2") {
		t.Fatalf("Ended: ss_1 %v ss_2 %v, want true and false", ended1.Ended("ss_1"), ended1.Ended("ss_2"))
	}
	now = now.Add(16 * time.Minute) // its tokens have expired: it is forgotten on the next end
	r.AccessChanged(t.Context(), tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: "u_ann", SessionID: "ss_3", At: now})
	if ended1.Ended("ss_1") || !ended1.Ended("ss_3") {
		t.Fatalf("after the lookback: ss_1 %v ss_3 %v, want false and true", ended1.Ended("ss_1"), ended1.Ended("ss_3"))
	}
}

// BenchmarkEnded measures the revocation check every authenticated request makes, with a
// thousand sessions ended: a read-locked map lookup, no store read.
func BenchmarkEnded(b *testing.B) {
	e := NewEndedSessions(nil)
	until := time.Now().Add(time.Hour)
	for i := range 1000 {
		e.end(fmt.Sprintf("ss_%d", i), until)
	}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if e.Ended("ss_live") {
				b.Fatal("a live session reads as ended")
			}
		}
	})
}
