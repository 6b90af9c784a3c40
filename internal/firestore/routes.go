package firestore

import (
	"context"
	"errors"
	"fmt"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/tenancy"
)

var (
	_ routing.Store  = (*Store)(nil)
	_ routing.Source = (*Store)(nil)
)

func (s *Store) routes() *firestore.CollectionRef { return s.client.Collection("routes") }

// routeDoc names a route's document (Key.ID). Keys are validated (routing.Validate) before they get here.
func (s *Store) routeDoc(k routing.Key) *firestore.DocumentRef {
	return s.routes().Doc(k.ID())
}

// GetRoute implements routing.Store.
func (s *Store) GetRoute(ctx context.Context, k routing.Key) (routing.Route, error) {
	ctx, done := s.bound(ctx)
	defer done()
	return get[routing.Route](ctx, s.routeDoc(k), "route")
}

// PutRoute implements routing.Store, without locks (see versioned).
func (s *Store) PutRoute(ctx context.Context, r routing.Route, expectedVersion *int, ev audit.Event) (routing.Route, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	return versioned(ctx, s, s.routeDoc(r.Key()), &s.routesSeen, "put route", with{audit: &ev}, func(current *routing.Route) (*routing.Route, error) {
		next := r
		switch {
		case expectedVersion == nil && current != nil:
			return nil, apperr.E(apperr.Conflict, "%s exists (version %d): pass expectedVersion to replace it", r.Key(), current.Version)
		case expectedVersion != nil && current == nil:
			return nil, apperr.E(apperr.NotFound, "no route %s", r.Key())
		case current == nil:
			next.Version = 1
			return &next, nil
		}
		if err := tenancy.CheckVersion(r.Key().String(), expectedVersion, current.Version); err != nil {
			return nil, err
		}
		next.Version, next.CreatedAt = current.Version+1, current.CreatedAt
		return &next, nil
	})
}

// DeleteRoute implements routing.Store, without locks (see versioned).
func (s *Store) DeleteRoute(ctx context.Context, k routing.Key, expectedVersion *int, ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	_, err := versioned(ctx, s, s.routeDoc(k), &s.routesSeen, "delete route", with{audit: &ev}, func(current *routing.Route) (*routing.Route, error) {
		if current == nil {
			return nil, apperr.E(apperr.NotFound, "no route %s", k)
		}
		return nil, tenancy.CheckVersion(k.String(), expectedVersion, current.Version)
	})
	return err
}

// Watch implements routing.Source with a snapshot listener on the routes collection: one
// stream per process, however many lookups it serves. While it runs, PutRoute and
// DeleteRoute start from its copy of the route instead of reading it (see followed); one
// Watch at a time per Store, as Registry.Run calls it.
func (s *Store) Watch(ctx context.Context, apply func(all, changes []routing.Route)) error {
	it := s.routes().Snapshots(ctx)
	defer it.Stop()
	defer s.routesSeen.clear()
	first := true
	for {
		snap, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("firestore: watching routes: %w", err)
		}
		docs, err := snap.Documents.GetAll()
		if err != nil {
			return fmt.Errorf("firestore: reading routes: %w", err)
		}
		all := make([]routing.Route, 0, len(docs))
		for _, d := range docs {
			var r routing.Route
			if err := d.DataTo(&r); err != nil {
				return fmt.Errorf("firestore: decoding route %s: %w", d.Ref.ID, err)
			}
			all = append(all, r)
		}
		s.routesSeen.set(docs)
		var changes []routing.Route
		if !first {
			for _, c := range snap.Changes {
				var r routing.Route
				if err := c.Doc.DataTo(&r); err != nil {
					return errors.Join(fmt.Errorf("firestore: decoding route change %s", c.Doc.Ref.ID), err)
				}
				r.Deleted = c.Kind == firestore.DocumentRemoved
				changes = append(changes, r)
			}
		}
		first = false
		apply(all, changes)
	}
}
