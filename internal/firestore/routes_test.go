package firestore

import (
	"context"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/routing"
)

// TestFollowedCopy writes routes starting from copies of them that are stale in every
// way a listener's copy can be (an older version, a document created or deleted since)
// and gets the answers a read would have given; the staged audit events show that each
// write did start from the copy. Then, with Watch running, a write starts from the
// listener's current copy and lands at once.
func TestFollowedCopy(t *testing.T) {
	_, s := newStore(t)
	ctx := t.Context()
	tenantID := ids.New(ids.Tenant)
	route := func(bucket string) routing.Route {
		return routing.Route{ResourceKind: "media", TenantID: tenantID, Env: "dev", BackendType: "gcs", Config: map[string]string{"bucket": bucket}}
	}
	key := route("").Key()
	ref := s.routeDoc(key)
	event := func() audit.Event { return audit.New(ctx, time.Now(), tenantID, "route.set", "route", key.ID()) }
	put := func(bucket string, expected *int) (routing.Route, error) {
		return s.PutRoute(ctx, route(bucket), expected, event())
	}
	snapshot := func() *firestore.DocumentSnapshot {
		t.Helper()
		snap, err := ref.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return snap
	}
	// staged records the config each commit staged in its event (old -> new).
	var staged []string
	s.failStaged = func(ev audit.Event) error {
		for _, c := range ev.Changes {
			if c.Field == "config" {
				staged = append(staged, deref(c.From)+" -> "+deref(c.To))
			}
		}
		return nil
	}
	expectStaged := func(want ...string) {
		t.Helper()
		if strings.Join(staged, "; ") != strings.Join(want, "; ") {
			t.Errorf("staged config changes %q, want %q", staged, want)
		}
		staged = nil
	}
	version := func(v int) *int { return &v }

	if _, err := put("one", nil); err != nil {
		t.Fatal(err)
	}
	v1 := snapshot()
	if _, err := put("two", version(1)); err != nil {
		t.Fatal(err)
	}
	staged = nil

	// A copy one version behind: a write meant for the stored version lands (the copy's
	// CONFLICT is checked by a read), and one meant for the copy's version is CONFLICT
	// (its commit failed the copy's precondition, then the read found version 2).
	s.routesSeen.set([]*firestore.DocumentSnapshot{v1})
	if _, err := put("three", version(1)); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("writing over version 1 with a copy of version 1 while 2 is stored: %v, want CONFLICT", err)
	}
	expectStaged(`bucket=one -> bucket=three`)
	got, err := put("three", version(2))
	if err != nil || got.Version != 3 {
		t.Fatalf("writing over version 2 with a copy of version 1: %+v, %v", got, err)
	}
	expectStaged(`bucket=two -> bucket=three`)

	// A copy that has not seen the document yet: creating it again is CONFLICT, and
	// replacing it lands.
	s.routesSeen.set(nil)
	if _, err := put("four", nil); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("creating a route the copy lacks but the store has: %v, want CONFLICT", err)
	}
	expectStaged(`null -> bucket=four`)
	if got, err := put("four", version(3)); err != nil || got.Version != 4 {
		t.Fatalf("replacing a route the copy lacks: %+v, %v", got, err)
	}
	expectStaged(`bucket=three -> bucket=four`)

	// A copy that still has a deleted document: replacing it is NOT_FOUND, deleting it
	// again is NOT_FOUND, creating it lands as version 1.
	v4 := snapshot()
	if err := s.DeleteRoute(ctx, key, version(4), event()); err != nil {
		t.Fatal(err)
	}
	staged = nil
	s.routesSeen.set([]*firestore.DocumentSnapshot{v4})
	if _, err := put("five", version(4)); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("replacing a deleted route the copy still has: %v, want NOT_FOUND", err)
	}
	expectStaged(`bucket=four -> bucket=five`)
	if err := s.DeleteRoute(ctx, key, version(4), event()); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("deleting a deleted route the copy still has: %v, want NOT_FOUND", err)
	}
	expectStaged(`bucket=four -> null`)
	if got, err := put("five", nil); err != nil || got.Version != 1 {
		t.Fatalf("creating a deleted route the copy still has: %+v, %v", got, err)
	}
	expectStaged(`null -> bucket=five`)

	// With Watch running, the copy is the listener's: once it has delivered version 1,
	// a write over it starts from it and stages one commit.
	s.routesSeen.clear()
	wctx, stop := context.WithCancel(ctx)
	delivered := make(chan int, 16)
	done := make(chan error, 1)
	go func() {
		done <- s.Watch(wctx, func(all, _ []routing.Route) {
			for _, r := range all {
				if r.Key() == key {
					delivered <- r.Version
				}
			}
		})
	}()
	for v := 0; v != 1; {
		select {
		case v = <-delivered:
		case <-time.After(10 * time.Second):
			t.Fatal("the listener never delivered version 1")
		}
	}
	if snap, known := s.routesSeen.lookup(key.ID()); !known || snap == nil {
		t.Fatalf("while Watch runs, the copy of the route: %v, %v", snap, known)
	}
	if got, err := put("six", version(1)); err != nil || got.Version != 2 {
		t.Fatalf("writing over the listener's copy: %+v, %v", got, err)
	}
	expectStaged(`bucket=five -> bucket=six`)
	stop()
	<-done
	if _, known := s.routesSeen.lookup(key.ID()); known {
		t.Error("the copy outlived its listener")
	}
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}
