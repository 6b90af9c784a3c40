package firestore

import (
	"context"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// create stores a new document under a tenant with its audit event, in one commit: one
// round trip. It does not read the tenant: tenants are never deleted, and every caller
// acts in a tenant whose membership the access layer has just checked (@member), so the
// tenant exists. Returns CONFLICT for a taken id.
func create[T any](ctx context.Context, s *Store, ref *firestore.DocumentRef, v T, op string, ev audit.Event) error {
	return wrap(op, s.commit(ctx, ev, audit.Diff(nil, &v), nil, func(b *firestore.WriteBatch) { b.Create(ref, v) }))
}

// CreateProject implements tenancy.Store.
func (s *Store) CreateProject(ctx context.Context, p tenancy.Project, ev audit.Event) error {
	ctx, done := s.bound(ctx)
	defer done()
	return create(ctx, s, s.sub(p.TenantID, "projects").Doc(p.ID), p, "create project", ev)
}

// Project implements tenancy.Store.
func (s *Store) Project(ctx context.Context, tenantID, id string) (tenancy.Project, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.Valid(tenantID) || !ids.ValidFor(ids.Project, id) {
		return tenancy.Project{}, notFound("project")
	}
	p, err := get[tenancy.Project](ctx, s.sub(tenantID, "projects").Doc(id), "project")
	p.ID = id
	return p, err
}

// Projects implements tenancy.Store.
func (s *Store) Projects(ctx context.Context, tenantID, after string, limit int, includeArchived bool) (tenancy.Page[tenancy.Project], error) {
	ctx, done := s.bound(ctx)
	defer done()
	q := s.sub(tenantID, "projects").Query
	if !includeArchived {
		q = q.Where("archived", "==", false)
	}
	q = q.OrderBy(firestore.DocumentID, firestore.Asc)
	if after != "" {
		q = q.StartAfter(after)
	}
	ps, err := all(q.Limit(limit+1).Documents(ctx), func(p *tenancy.Project, id string) { p.ID = id })
	if err != nil {
		return tenancy.Page[tenancy.Project]{}, wrap("list projects", err)
	}
	return pageOf(ps, limit), nil
}

// pageOf makes a page of limit from items read with a limit of limit+1: one more than
// the page tells whether there is a next one.
func pageOf[T any](items []T, limit int) tenancy.Page[T] {
	if len(items) > limit {
		return tenancy.Page[T]{Items: items[:limit], HasNext: true}
	}
	return tenancy.Page[T]{Items: items}
}

// UpdateProject implements tenancy.Store, without locks (see versioned).
func (s *Store) UpdateProject(ctx context.Context, tenantID, id string, expectedVersion int, change func(*tenancy.Project) error, ev audit.Event) (tenancy.Project, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.Valid(tenantID) || !ids.ValidFor(ids.Project, id) {
		return tenancy.Project{}, notFound("project")
	}
	w := with{audit: &ev, access: &tenancy.AccessEvent{Kind: tenancy.AccessProjectChanged, TenantID: tenantID, ProjectID: id}}
	p, err := updateRecord(ctx, s, s.sub(tenantID, "projects").Doc(id), "project", &expectedVersion, change, w)
	if err != nil {
		return tenancy.Project{}, err
	}
	p.ID = id
	return p, nil
}

// CreateSurface implements tenancy.Store.
func (s *Store) CreateSurface(ctx context.Context, v tenancy.Surface, ev audit.Event) error {
	ctx, done := s.bound(ctx)
	defer done()
	return create(ctx, s, s.sub(v.TenantID, "surfaces").Doc(v.ID), v, "create surface", ev)
}

// Surfaces implements tenancy.Store.
func (s *Store) Surfaces(ctx context.Context, tenantIDs ...string) ([]tenancy.Surface, error) {
	ctx, done := s.bound(ctx)
	defer done()
	return listUnder(ctx, s, "surfaces", tenantIDs, func(v *tenancy.Surface, id string) { v.ID = id })
}

// CreateApp implements tenancy.Store.
func (s *Store) CreateApp(ctx context.Context, v tenancy.App, ev audit.Event) error {
	ctx, done := s.bound(ctx)
	defer done()
	return create(ctx, s, s.sub(v.TenantID, "apps").Doc(v.ID), v, "create app", ev)
}

// Apps implements tenancy.Store.
func (s *Store) Apps(ctx context.Context, tenantIDs ...string) ([]tenancy.App, error) {
	ctx, done := s.bound(ctx)
	defer done()
	return listUnder(ctx, s, "apps", tenantIDs, func(v *tenancy.App, id string) { v.ID = id })
}

// Surface implements tenancy.Store.
func (s *Store) Surface(ctx context.Context, id string, tenantIDs ...string) (tenancy.Surface, error) {
	ctx, done := s.bound(ctx)
	defer done()
	return firstUnder(ctx, s, "surfaces", "surface", id, tenantIDs, func(v *tenancy.Surface) { v.ID = id })
}

// App implements tenancy.Store.
func (s *Store) App(ctx context.Context, id string, tenantIDs ...string) (tenancy.App, error) {
	ctx, done := s.bound(ctx)
	defer done()
	return firstUnder(ctx, s, "apps", "app", id, tenantIDs, func(v *tenancy.App) { v.ID = id })
}

// firstUnder reads the document id of the subcollection name of each of tenantIDs, in
// one batched read, and returns the first that exists, after setID.
func firstUnder[T any](ctx context.Context, s *Store, name, what, id string, tenantIDs []string, setID func(*T)) (T, error) {
	var refs []*firestore.DocumentRef
	for _, t := range tenantIDs {
		if ids.Valid(t) {
			refs = append(refs, s.sub(t, name).Doc(id))
		}
	}
	var v T
	snaps, err := s.client.GetAll(ctx, refs)
	if err != nil {
		return v, wrap("get "+what, err)
	}
	for _, snap := range snaps {
		if !snap.Exists() {
			continue
		}
		if err := snap.DataTo(&v); err != nil {
			return v, wrap("decode "+what, err)
		}
		setID(&v)
		return v, nil
	}
	return v, notFound(what)
}

// maxListed bounds the unpaged lists (surfaces, apps) per tenant.
const maxListed = 500

func listUnder[T any](ctx context.Context, s *Store, name string, tenantIDs []string, setID func(*T, string)) ([]T, error) {
	var out []T
	for _, t := range tenantIDs {
		if !ids.Valid(t) {
			continue
		}
		vs, err := all(s.sub(t, name).OrderBy(firestore.DocumentID, firestore.Asc).Limit(maxListed).Documents(ctx), setID)
		if err != nil {
			return nil, wrap("list "+name, err)
		}
		out = append(out, vs...)
	}
	return out, nil
}

// UpdateSurface implements tenancy.Store, without locks (see versioned).
func (s *Store) UpdateSurface(ctx context.Context, tenantID, id string, expectedVersion int, change func(*tenancy.Surface) error, ev audit.Event) (tenancy.Surface, error) {
	v, err := updateUnder(ctx, s, tenantID, "surfaces", "surface", id, &expectedVersion, change, ev)
	v.ID = id
	return v, err
}

// DeleteSurface implements tenancy.Store, without locks (see versioned).
func (s *Store) DeleteSurface(ctx context.Context, tenantID, id string, ev audit.Event) error {
	_, err := updateUnder[tenancy.Surface, *tenancy.Surface](ctx, s, tenantID, "surfaces", "surface", id, nil, nil, ev)
	return err
}

// UpdateApp implements tenancy.Store, without locks (see versioned).
func (s *Store) UpdateApp(ctx context.Context, tenantID, id string, expectedVersion int, change func(*tenancy.App) error, ev audit.Event) (tenancy.App, error) {
	v, err := updateUnder(ctx, s, tenantID, "apps", "app", id, &expectedVersion, change, ev)
	v.ID = id
	return v, err
}

// DeleteApp implements tenancy.Store, without locks (see versioned).
func (s *Store) DeleteApp(ctx context.Context, tenantID, id string, ev audit.Event) error {
	_, err := updateUnder[tenancy.App, *tenancy.App](ctx, s, tenantID, "apps", "app", id, nil, nil, ev)
	return err
}

// record is a stored record that embeds tenancy.Meta: its version is checked and
// bumped by updateRecord.
type record[T any] interface {
	*T
	Bookkeeping() *tenancy.Meta
}

// updateUnder applies change to tenantID's record id in collection (what names it in
// errors) after checking expectedVersion, or deletes it when change is nil, with ev.
// Returns NOT_FOUND, CONFLICT, UNAVAILABLE, change's error.
func updateUnder[T any, P record[T]](ctx context.Context, s *Store, tenantID, collection, what, id string, expectedVersion *int, change func(*T) error, ev audit.Event) (T, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.Valid(tenantID) || !ids.Valid(id) {
		var zero T
		return zero, notFound(what)
	}
	return updateRecord[T, P](ctx, s, s.sub(tenantID, collection).Doc(id), what, expectedVersion, change, with{audit: &ev})
}

// updateRecord is the versioned update (or, with change nil, deletion) of the record at
// ref, committed with w: NOT_FOUND when it is absent, CONFLICT when expectedVersion is
// set and stale.
func updateRecord[T any, P record[T]](ctx context.Context, s *Store, ref *firestore.DocumentRef, what string, expectedVersion *int, change func(*T) error, w with) (T, error) {
	return versioned(ctx, s, ref, nil, "update "+what, w, func(v *T) (*T, error) {
		if v == nil {
			return nil, notFound(what)
		}
		if change == nil {
			return nil, nil
		}
		meta := P(v).Bookkeeping()
		if err := tenancy.CheckVersion("the "+what, expectedVersion, meta.Version); err != nil {
			return nil, err
		}
		if err := change(v); err != nil {
			return nil, err
		}
		meta.Version++
		return v, nil
	})
}
