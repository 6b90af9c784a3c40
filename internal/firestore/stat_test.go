package firestore

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/documents"
	"github.com/northstar/northstar/internal/follow"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/tenancy"
)

// TestCollectionStats reads the Stats the registries' copies and the access relay are
// compared with (internal/follow), and follows the routes with a registry checking
// every 50 ms: its copy comes to the same Stat through the listener, so the check never
// restarts it. The access log's newest commit time is the one its listener applies.
func TestCollectionStats(t *testing.T) {
	_, s := newStore(t)
	ctx := t.Context()
	if got, err := s.RoutesStat(ctx); err != nil || got.Count != 0 || !got.Newest.IsZero() {
		t.Fatalf("RoutesStat of no routes: %v, %v", got, err)
	}
	reg := routing.NewRegistry()
	var restarts atomic.Int32
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		reg.Run(runCtx, s, follow.Options{Check: 50 * time.Millisecond, OnStale: func(follow.Stat, follow.Stat) { restarts.Add(1) }})
		close(done)
	}()
	t.Cleanup(func() { cancel(); <-done })
	<-reg.Ready()

	tenantID := ids.New(ids.Tenant)
	base := time.Date(2026, 12, 8, 1, 0, 0, 123456789, time.UTC) // finer than Firestore keeps
	var last routing.Key
	for i, kind := range []string{"media", "seo", "search"} {
		r := routing.Route{ResourceKind: kind, TenantID: tenantID, Env: "prod", BackendType: "gcs", Config: map[string]string{"bucket": "b"},
			UpdatedAt: base.Add(time.Duration(i) * time.Second)}
		if _, err := s.PutRoute(ctx, r, nil, testEvent(tenantID)); err != nil {
			t.Fatal(err)
		}
		last = r.Key()
	}
	if err := s.DeleteRoute(ctx, last, nil, testEvent(tenantID)); err != nil {
		t.Fatal(err)
	}
	got, err := s.RoutesStat(ctx)
	if err != nil || got.Count != 2 || !got.Newest.Equal(base.Add(time.Second).Truncate(time.Microsecond)) {
		t.Fatalf("RoutesStat: %v, %v; want 2 routes, the newest at %v", got, err, base.Add(time.Second))
	}
	for deadline := time.Now().Add(5 * time.Second); len(reg.All()) != 2; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the registry holds %d routes, want 2", len(reg.All()))
		}
	}
	time.Sleep(300 * time.Millisecond) // six checks
	if n := restarts.Load(); n != 0 {
		t.Fatalf("the check restarted a delivering listener %d times", n)
	}

	docs := []documents.Document{
		{AppID: "a_web", Hash: documents.Hash("{ a }"), Query: "{ a }", CreatedAt: base},
		{AppID: "a_web", Hash: documents.Hash("{ b }"), Query: "{ b }", CreatedAt: base.Add(time.Minute)},
	}
	if err := s.PutDocuments(ctx, docs, testEvent(ids.System)); err != nil {
		t.Fatal(err)
	}
	if got, err := s.DocumentsStat(ctx); err != nil || got.Count != 2 || !got.Newest.Equal(base.Add(time.Minute).Truncate(time.Microsecond)) {
		t.Fatalf("DocumentsStat: %v, %v; want 2 documents, the newest at %v", got, err, base.Add(time.Minute))
	}

	// The access log: AccessStat's newest is the commit time of the newest event a
	// listener applies (server timestamps).
	if got, err := s.AccessStat(ctx); err != nil || !got.Newest.IsZero() {
		t.Fatalf("AccessStat of no events: %v, %v", got, err)
	}
	for range 2 {
		e := &tenancy.AccessEvent{Kind: tenancy.AccessMemberAdded, TenantID: tenantID, UserID: ids.New(ids.User)}
		if err := s.commit(ctx, testEvent(tenantID), nil, e, func(*firestore.WriteBatch) {}); err != nil {
			t.Fatal(err)
		}
	}
	stored, err := s.AccessStat(ctx)
	if err != nil || stored.Newest.IsZero() {
		t.Fatalf("AccessStat: %v, %v", stored, err)
	}
	var watched time.Time
	wctx, wcancel := context.WithCancel(ctx)
	synced := make(chan struct{}, 1)
	go func() {
		_ = s.WatchAccess(wctx, time.Time{}, func(e tenancy.AccessEvent) { watched = maxOf(watched, e.At) },
			func() {
				select {
				case synced <- struct{}{}:
				default:
				}
			})
	}()
	select {
	case <-synced:
	case <-time.After(10 * time.Second):
		t.Fatal("the access log's listener did not sync")
	}
	wcancel()
	if !watched.Equal(stored.Newest) {
		t.Fatalf("the newest event the listener applied is at %v, AccessStat says %v", watched, stored.Newest)
	}
}

func maxOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
