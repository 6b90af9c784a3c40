package firestore

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/session"
	"github.com/northstar/northstar/internal/tenancy"
)

// newSession stores a live session of userID created at created.
func newSession(t *testing.T, s *Store, userID string, created time.Time) session.Session {
	t.Helper()
	x := session.Session{ID: ids.New(ids.Session), UserID: userID, RefreshHash: "h0", CreatedAt: created, LastUsedAt: created,
		ExpiresAt: created.Add(time.Hour), UserAgent: "ua", Address: "198.51.100.1"}
	if err := s.CreateSession(t.Context(), x); err != nil {
		t.Fatal(err)
	}
	return x
}

// TestRotateRefreshRace: twenty concurrent rotations from the same hash — exactly one
// wins, every other one is CONFLICT; the winner's hash is current and the old one used.
func TestRotateRefreshRace(t *testing.T) {
	_, s := newStore(t)
	x := newSession(t, s, ids.New(ids.User), time.Now().UTC())
	const racers = 20
	errs := make([]error, racers)
	var wg sync.WaitGroup
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.RotateRefresh(t.Context(), x.ID, "h0", fmt.Sprint("h", i+1), time.Now(), time.Now().Add(time.Hour))
		}()
	}
	wg.Wait()
	winner := 0
	for i, err := range errs {
		switch {
		case err == nil:
			if winner != 0 {
				t.Fatalf("writers %d and %d both rotated", winner-1, i)
			}
			winner = i + 1
		case !apperr.Is(err, apperr.Conflict):
			t.Errorf("racer %d: %v, want CONFLICT", i, err)
		}
	}
	got, err := s.Session(t.Context(), x.ID)
	if err != nil || winner == 0 || got.RefreshHash != fmt.Sprint("h", winner) || len(got.Used) != 1 || got.Used[0] != "h0" {
		t.Fatalf("after the race: %+v, %v (winner %d)", got, err, winner)
	}
	if _, err := s.RotateRefresh(t.Context(), ids.New(ids.Session), "h0", "h1", time.Now(), time.Now()); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("an absent session: %v, want NOT_FOUND", err)
	}
}

// TestEndSessionsWritesAccessEvents: ending sessions — all but one, then that one —
// commits a session-ended access event for each, which WatchAccess delivers; another
// user cannot end a session; ended sessions leave UserSessions, cannot rotate, and are
// not ended twice.
func TestEndSessionsWritesAccessEvents(t *testing.T) {
	_, s := newStore(t)
	since := time.Now().Add(-time.Minute)
	user := ids.New(ids.User)
	now := time.Now().UTC()
	a, b, c := newSession(t, s, user, now.Add(-2*time.Minute)), newSession(t, s, user, now.Add(-time.Minute)), newSession(t, s, user, now)
	newSession(t, s, ids.New(ids.User), now) // another user's

	list, err := s.UserSessions(t.Context(), user, 10)
	if err != nil || len(list) != 3 || list[0].ID != c.ID || list[2].ID != a.ID {
		t.Fatalf("UserSessions = %+v, %v; want c, b, a", list, err)
	}
	ended, err := s.EndOtherSessions(t.Context(), user, b.ID, "password changed")
	if err != nil || len(ended) != 2 {
		t.Fatalf("EndOtherSessions = %v, %v; want a and c", ended, err)
	}
	if ok, err := s.EndSession(t.Context(), ids.New(ids.User), b.ID, "revoked"); ok || err != nil {
		t.Fatalf("another user ending b: %v, %v; want nothing ended", ok, err)
	}
	if ok, err := s.EndSession(t.Context(), user, b.ID, "logout"); !ok || err != nil {
		t.Fatalf("ending b: %v, %v", ok, err)
	}
	if ok, _ := s.EndSession(t.Context(), user, b.ID, "logout"); ok {
		t.Fatal("b ended twice")
	}
	if list, _ := s.UserSessions(t.Context(), user, 10); len(list) != 0 {
		t.Fatalf("UserSessions after ending = %+v", list)
	}
	got, _ := s.Session(t.Context(), a.ID)
	if got.EndedAt.IsZero() || got.EndReason != "password changed" {
		t.Fatalf("ended session = %+v", got)
	}
	if _, err := s.RotateRefresh(t.Context(), a.ID, "h0", "h1", time.Now(), time.Now()); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("rotating an ended session: %v, want CONFLICT", err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	seen := map[string]bool{}
	err = s.WatchAccess(ctx, since, func(e tenancy.AccessEvent) {
		if e.Kind == tenancy.AccessSessionEnded && e.UserID == user {
			seen[e.SessionID] = true
		}
		if len(seen) == 3 {
			cancel()
		}
	}, nil)
	if err != nil || !seen[a.ID] || !seen[b.ID] || !seen[c.ID] {
		t.Fatalf("session-ended events for %v, %v; want all three", seen, err)
	}
}
