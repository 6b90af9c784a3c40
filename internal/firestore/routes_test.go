package firestore

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/routing"
)

// TestFollowedCopy writes routes starting from copies of them that are stale in every
// way a listener's copy can be (a version behind, missing a document created since,
// holding one deleted since) and gets the answers a read would have given, after one
// read each; the staged audit events show that each write did start from the copy.
// With Watch running, a write over the listener's current copy lands with no read.
func TestFollowedCopy(t *testing.T) {
	s, reads := readCountingStore(t)
	version := func(v int) *int { return &v }

	t.Run("VersionBehind", func(t *testing.T) {
		r := newRouteWrites(t, s, reads)
		r.mustPut("one", nil)
		v1 := r.snapshot()
		r.mustPut("two", version(1))
		r.settle()

		// A write meant for the copy's version 1 is CONFLICT: its commit failed the
		// copy's precondition, then a read found version 2.
		s.routesSeen.set([]*firestore.DocumentSnapshot{v1})
		if _, err := r.put("three", version(1)); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("writing over version 1 with a copy of version 1 while 2 is stored: %v, want CONFLICT", err)
		}
		r.expect(1, "bucket=one -> bucket=three")
		// A write meant for the stored version 2 lands: the copy's CONFLICT was checked
		// by a read.
		if got, err := r.put("three", version(2)); err != nil || got.Version != 3 {
			t.Fatalf("writing over version 2 with a copy of version 1: %+v, %v", got, err)
		}
		r.expect(1, "bucket=two -> bucket=three")
	})

	t.Run("MissesCreated", func(t *testing.T) {
		r := newRouteWrites(t, s, reads)
		r.mustPut("one", nil)
		r.settle()
		s.routesSeen.set(nil)
		if _, err := r.put("two", nil); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("creating a route the copy lacks but the store has: %v, want CONFLICT", err)
		}
		r.expect(1, "null -> bucket=two")
		if got, err := r.put("two", version(1)); err != nil || got.Version != 2 {
			t.Fatalf("replacing a route the copy lacks: %+v, %v", got, err)
		}
		r.expect(1, "bucket=one -> bucket=two")
	})

	t.Run("HoldsDeleted", func(t *testing.T) {
		r := newRouteWrites(t, s, reads)
		r.mustPut("one", nil)
		v1 := r.snapshot()
		if err := s.DeleteRoute(t.Context(), r.key, version(1), r.event()); err != nil {
			t.Fatal(err)
		}
		r.settle()
		s.routesSeen.set([]*firestore.DocumentSnapshot{v1})
		if _, err := r.put("two", version(1)); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("replacing a deleted route the copy still has: %v, want NOT_FOUND", err)
		}
		r.expect(1, "bucket=one -> bucket=two")
		if err := s.DeleteRoute(t.Context(), r.key, version(1), r.event()); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("deleting a deleted route the copy still has: %v, want NOT_FOUND", err)
		}
		r.expect(1, "bucket=one -> null")
		if got, err := r.put("two", nil); err != nil || got.Version != 1 {
			t.Fatalf("creating a deleted route the copy still has: %+v, %v", got, err)
		}
		r.expect(1, "null -> bucket=two")
	})

	t.Run("ListenersCopy", func(t *testing.T) {
		r := newRouteWrites(t, s, reads)
		r.mustPut("one", nil)
		ctx, stop := context.WithCancel(t.Context())
		delivered := make(chan int, 16)
		done := make(chan error, 1)
		go func() {
			done <- s.Watch(ctx, func(all, _ []routing.Route) {
				for _, rt := range all {
					if rt.Key() == r.key {
						delivered <- rt.Version
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
		r.settle()
		if got, err := r.put("two", version(1)); err != nil || got.Version != 2 {
			t.Fatalf("writing over the listener's copy: %+v, %v", got, err)
		}
		r.expect(0, "bucket=one -> bucket=two")
		stop()
		<-done
		if _, known := s.routesSeen.lookup(r.key.ID()); known {
			t.Error("the copy outlived its listener")
		}
	})
}

// readCountingStore returns a Store on a fresh project of the package's emulator, and
// the count of the document reads (BatchGetDocuments, what DocumentRef.Get sends) it has
// made. Its Client has no API client: it cannot write messages.
func readCountingStore(t *testing.T) (*Store, *atomic.Int64) {
	t.Helper()
	reads := new(atomic.Int64)
	count := func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		if strings.HasSuffix(method, "/BatchGetDocuments") {
			reads.Add(1)
		}
		return streamer(ctx, desc, cc, method, opts...)
	}
	conn, err := grpc.NewClient(emulatorHost, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(emulatorCreds{}), grpc.WithStreamInterceptor(count))
	if err != nil {
		t.Fatal(err)
	}
	id := ids.New(ids.Tenant)
	client, err := firestore.NewClient(t.Context(), "reads-"+id[len(id)-12:], option.WithGRPCConn(conn))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return New(&Client{Client: client}, nil), reads
}

// routeWrites writes one route of its own through a Store, recording the config
// change each commit stages in its audit event and counting the reads.
type routeWrites struct {
	t         *testing.T
	s         *Store
	reads     *atomic.Int64
	readsSeen int64
	tenantID  string
	key       routing.Key
	staged    []string // "old -> new" config per staged commit
}

// newRouteWrites starts with no copy of any route (no listener).
func newRouteWrites(t *testing.T, s *Store, reads *atomic.Int64) *routeWrites {
	s.routesSeen.clear()
	r := &routeWrites{t: t, s: s, reads: reads, readsSeen: reads.Load(), tenantID: ids.New(ids.Tenant)}
	r.key = r.route("").Key()
	s.failStaged = func(ev audit.Event) error {
		for _, c := range ev.Changes {
			if c.Field == "config" {
				r.staged = append(r.staged, orNull(c.From)+" -> "+orNull(c.To))
			}
		}
		return nil
	}
	t.Cleanup(func() { s.failStaged = nil })
	return r
}

func (r *routeWrites) route(bucket string) routing.Route {
	return routing.Route{ResourceKind: "media", TenantID: r.tenantID, Env: "dev", BackendType: "gcs", Config: map[string]string{"bucket": bucket}}
}

func (r *routeWrites) event() audit.Event {
	return audit.New(r.t.Context(), time.Now(), r.tenantID, "route.set", "route", r.key.ID())
}

func (r *routeWrites) put(bucket string, expectedVersion *int) (routing.Route, error) {
	return r.s.PutRoute(r.t.Context(), r.route(bucket), expectedVersion, r.event())
}

func (r *routeWrites) mustPut(bucket string, expectedVersion *int) {
	r.t.Helper()
	if _, err := r.put(bucket, expectedVersion); err != nil {
		r.t.Fatal(err)
	}
}

// snapshot reads the route's document as a listener would have delivered it.
func (r *routeWrites) snapshot() *firestore.DocumentSnapshot {
	r.t.Helper()
	snap, err := r.s.routeDoc(r.key).Get(r.t.Context())
	if err != nil {
		r.t.Fatal(err)
	}
	return snap
}

// expect checks the reads made and the changes staged since the last expect or settle,
// then forgets them.
func (r *routeWrites) expect(reads int64, staged ...string) {
	r.t.Helper()
	if got := r.reads.Load() - r.readsSeen; got != reads {
		r.t.Errorf("%d reads, want %d", got, reads)
	}
	if strings.Join(r.staged, "; ") != strings.Join(staged, "; ") {
		r.t.Errorf("staged config changes %q, want %q", r.staged, staged)
	}
	r.settle()
}

// settle forgets the reads made and the changes staged so far: the set-up's.
func (r *routeWrites) settle() { r.readsSeen, r.staged = r.reads.Load(), nil }

func orNull(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}
