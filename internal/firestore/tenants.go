package firestore

import (
	"context"
	"slices"
	"strings"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// EnsureSystem implements tenancy.Store.
func (s *Store) EnsureSystem(ctx context.Context, system tenancy.Tenant, modes []tenancy.Mode, admin *tenancy.User, ev audit.Event) (tenancy.Tenant, bool, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	var out tenancy.Tenant
	var adminCreated bool
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		out, adminCreated = system, false
		sysRef := s.tenants().Doc(system.ID)
		existing, found, err := txGet[tenancy.Tenant](tx, sysRef, "tenant")
		if err != nil {
			return err
		}
		missingModes := make([]tenancy.Mode, 0, len(modes))
		for _, m := range modes {
			snap, err := tx.Get(s.modes().Doc(m.ID))
			if isNotFound(err) {
				missingModes = append(missingModes, m)
				continue
			}
			if err != nil {
				return err
			}
			_ = snap
		}
		createAdmin := false
		if admin != nil {
			owners, err := tx.Documents(s.memberships().
				Where("tenantId", "==", system.ID).Where("role", "==", string(tenancy.RoleOwner)).Limit(1)).GetAll()
			if err != nil {
				return err
			}
			if createAdmin = len(owners) == 0; createAdmin {
				if _, taken, err := txGet[emailRecord](tx, s.emailDoc(admin.Email), "email"); err != nil {
					return err
				} else if taken {
					return apperr.E(apperr.Conflict, "the admin email is already signed up")
				}
			}
		}
		var created []audit.Change // what was missing, for the event
		if found {
			existing.ID = system.ID
			out = existing
		} else if err := tx.Create(sysRef, system); err != nil {
			return err
		} else {
			created = append(created, audit.Diff(nil, &system)...)
		}
		for _, m := range missingModes {
			if err := tx.Create(s.modes().Doc(m.ID), m); err != nil {
				return err
			}
			created = append(created, audit.Note("mode", "", m.ID))
		}
		if createAdmin {
			created = append(created, audit.Note("admin", "", admin.Email))
			owner := tenancy.Membership{TenantID: system.ID, UserID: admin.ID, Role: tenancy.RoleOwner, Meta: admin.Meta}
			if err := s.txCreateUser(tx, *admin); err != nil {
				return err
			}
			if err := tx.Create(s.membershipDoc(system.ID, admin.ID), owner); err != nil {
				return err
			}
			adminCreated = true
		}
		if len(created) == 0 {
			return nil // nothing was missing: nothing happened
		}
		return s.txAudit(tx, ev, created...)
	})
	return out, adminCreated, wrap("ensure system", err)
}

func (s *Store) txCreateUser(tx *firestore.Transaction, u tenancy.User) error {
	if err := tx.Create(s.emailDoc(u.Email), emailRecord{UserID: u.ID}); err != nil {
		return err
	}
	return tx.Create(s.users().Doc(u.ID), u)
}

// CreateUserWithTenant implements tenancy.Store.
func (s *Store) CreateUserWithTenant(ctx context.Context, u tenancy.User, t tenancy.Tenant, owner tenancy.Membership, ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if _, taken, err := txGet[emailRecord](tx, s.emailDoc(u.Email), "email"); err != nil {
			return err
		} else if taken {
			return apperr.E(apperr.Conflict, "this email is already signed up")
		}
		if err := s.txCreateUser(tx, u); err != nil {
			return err
		}
		return s.txCreateTenant(tx, t, owner, ev)
	})
	return wrap("signup", err)
}

// CreateTenant implements tenancy.Store.
func (s *Store) CreateTenant(ctx context.Context, t tenancy.Tenant, owner tenancy.Membership, ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		return s.txCreateTenant(tx, t, owner, ev)
	})
	return wrap("create tenant", err)
}

// txCreateTenant creates t, its owner's membership and ev, with t's fields, in tx.
func (s *Store) txCreateTenant(tx *firestore.Transaction, t tenancy.Tenant, owner tenancy.Membership, ev audit.Event) error {
	if err := tx.Create(s.tenants().Doc(t.ID), t); err != nil {
		return err
	}
	if err := tx.Create(s.membershipDoc(t.ID, owner.UserID), owner); err != nil {
		return err
	}
	return s.txAudit(tx, ev, audit.Diff(nil, &t)...)
}

// User implements tenancy.Store.
func (s *Store) User(ctx context.Context, id string) (tenancy.User, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.User, id) {
		return tenancy.User{}, notFound("user")
	}
	u, err := get[tenancy.User](ctx, s.users().Doc(id), "user")
	u.ID = id
	return u, err
}

// SetPasswordHash implements tenancy.Store, without locks (see versioned).
func (s *Store) SetPasswordHash(ctx context.Context, userID, hash string, expectedVersion int) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.ValidFor(ids.User, userID) {
		return notFound("user")
	}
	_, err := versioned(ctx, s, s.users().Doc(userID), nil, "set password", with{}, func(u *tenancy.User) (*tenancy.User, error) {
		if u == nil {
			return nil, notFound("user")
		}
		if err := tenancy.CheckVersion("the user", &expectedVersion, u.Version); err != nil {
			return nil, err
		}
		u.PasswordHash, u.UpdatedAt = hash, time.Now().UTC()
		u.Version++
		return u, nil
	})
	return err
}

// UserByEmail implements tenancy.Store.
func (s *Store) UserByEmail(ctx context.Context, email string) (tenancy.User, error) {
	ctx, done := s.bound(ctx)
	defer done()
	rec, err := get[emailRecord](ctx, s.emailDoc(email), "user")
	if err != nil {
		return tenancy.User{}, err
	}
	return s.User(ctx, rec.UserID)
}

// Tenant implements tenancy.Store.
func (s *Store) Tenant(ctx context.Context, id string) (tenancy.Tenant, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Tenant, id) {
		return tenancy.Tenant{}, notFound("tenant")
	}
	t, err := get[tenancy.Tenant](ctx, s.tenants().Doc(id), "tenant")
	t.ID = id
	return t, err
}

// UpdateTenant implements tenancy.Store, without locks (see versioned).
func (s *Store) UpdateTenant(ctx context.Context, id string, expectedVersion *int, change func(*tenancy.Tenant) error, ev audit.Event) (tenancy.Tenant, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.ValidFor(ids.Tenant, id) {
		return tenancy.Tenant{}, notFound("tenant")
	}
	w := with{audit: &ev, access: &tenancy.AccessEvent{Kind: tenancy.AccessTenantChanged, TenantID: id}}
	t, err := updateRecord(ctx, s, s.tenants().Doc(id), "tenant", expectedVersion, change, w)
	if err != nil {
		return tenancy.Tenant{}, err
	}
	t.ID = id
	return t, nil
}

// Tenants implements tenancy.Store. A search is a range on searchName ordered by it and
// the document id, which single-field indexes serve.
func (s *Store) Tenants(ctx context.Context, search string, after tenancy.TenantCursor, limit int) (tenancy.Page[tenancy.Tenant], error) {
	ctx, done := s.bound(ctx)
	defer done()
	q := s.tenants().Query
	if search != "" {
		q = q.Where("searchName", ">=", search).Where("searchName", "<", search+"\uf8ff").
			OrderBy("searchName", firestore.Asc).OrderBy(firestore.DocumentID, firestore.Asc)
		if after.ID != "" {
			q = q.StartAfter(after.SearchName, after.ID)
		}
	} else {
		q = q.OrderBy(firestore.DocumentID, firestore.Asc)
		if after.ID != "" {
			q = q.StartAfter(after.ID)
		}
	}
	ts, err := all(q.Limit(limit+1).Documents(ctx), func(t *tenancy.Tenant, id string) { t.ID = id })
	if err != nil {
		return tenancy.Page[tenancy.Tenant]{}, wrap("list tenants", err)
	}
	return pageOf(ts, limit), nil
}

// TenantsOf implements tenancy.Store.
func (s *Store) TenantsOf(ctx context.Context, userID string) ([]tenancy.TenantRole, error) {
	ctx, done := s.bound(ctx)
	defer done()
	ms, err := all[tenancy.Membership](s.memberships().Where("userId", "==", userID).Documents(ctx), nil)
	if err != nil {
		return nil, wrap("list memberships", err)
	}
	if len(ms) == 0 {
		return nil, nil
	}
	refs := make([]*firestore.DocumentRef, len(ms))
	for i, m := range ms {
		refs[i] = s.tenants().Doc(m.TenantID)
	}
	snaps, err := s.client.GetAll(ctx, refs)
	if err != nil {
		return nil, wrap("get tenants", err)
	}
	out := make([]tenancy.TenantRole, 0, len(snaps))
	for i, snap := range snaps {
		if !snap.Exists() {
			continue
		}
		var t tenancy.Tenant
		if err := snap.DataTo(&t); err != nil {
			return nil, wrap("decode tenant", err)
		}
		t.ID = snap.Ref.ID
		out = append(out, tenancy.TenantRole{Tenant: t, Role: ms[i].Role})
	}
	slices.SortFunc(out, func(a, b tenancy.TenantRole) int { return strings.Compare(a.Tenant.ID, b.Tenant.ID) })
	return out, nil
}

// Mode implements tenancy.Store.
func (s *Store) Mode(ctx context.Context, id string) (tenancy.Mode, error) {
	ctx, done := s.bound(ctx)
	defer done()
	m, err := get[tenancy.Mode](ctx, s.modes().Doc(id), "mode")
	m.ID = id
	return m, err
}

// Modes implements tenancy.Store.
func (s *Store) Modes(ctx context.Context) ([]tenancy.Mode, error) {
	ctx, done := s.bound(ctx)
	defer done()
	ms, err := all(s.modes().OrderBy(firestore.DocumentID, firestore.Asc).Documents(ctx),
		func(m *tenancy.Mode, id string) { m.ID = id })
	return ms, wrap("list modes", err)
}

// Membership implements tenancy.Store.
func (s *Store) Membership(ctx context.Context, tenantID, userID string) (tenancy.Membership, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.Valid(tenantID) || !ids.Valid(userID) {
		return tenancy.Membership{}, notFound("membership")
	}
	return get[tenancy.Membership](ctx, s.membershipDoc(tenantID, userID), "membership")
}

// DeleteMembership implements tenancy.Store.
func (s *Store) DeleteMembership(ctx context.Context, tenantID, userID string, check func(tenancy.Membership, int) error, ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.Valid(tenantID) || !ids.Valid(userID) {
		return notFound("member")
	}
	ref := s.membershipDoc(tenantID, userID)
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		m, owners, err := s.txMember(tx, ref, tenantID)
		if err != nil {
			return err
		}
		if err := check(m, owners); err != nil {
			return err
		}
		if err := tx.Delete(ref); err != nil {
			return err
		}
		if err := s.txAudit(tx, ev, audit.Diff(&m, nil)...); err != nil {
			return err
		}
		return s.txAccess(tx, tenancy.AccessEvent{Kind: tenancy.AccessMemberRemoved, TenantID: tenantID, UserID: userID})
	})
	return wrap("delete membership", err)
}

// UpdateMembership implements tenancy.Store: the change and its access event commit
// together.
func (s *Store) UpdateMembership(ctx context.Context, tenantID, userID string, change func(*tenancy.Membership, int) error, ev audit.Event) (tenancy.Membership, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.Valid(tenantID) || !ids.Valid(userID) {
		return tenancy.Membership{}, notFound("member")
	}
	ref := s.membershipDoc(tenantID, userID)
	var out tenancy.Membership
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		m, owners, err := s.txMember(tx, ref, tenantID)
		if err != nil {
			return err
		}
		before := m
		if err := change(&m, owners); err != nil {
			return err
		}
		m.Version++
		m.UpdatedAt = time.Now().UTC()
		out = m
		if err := tx.Set(ref, m); err != nil {
			return err
		}
		if err := s.txAudit(tx, ev, audit.Diff(&before, &m)...); err != nil {
			return err
		}
		return s.txAccess(tx, tenancy.AccessEvent{Kind: tenancy.AccessMemberChanged, TenantID: tenantID, UserID: userID})
	})
	return out, wrap("update membership", err)
}

// txMember reads the membership at ref in tx, and counts tenantID's owners up to 2
// (enough to tell the last one). Returns NOT_FOUND.
func (s *Store) txMember(tx *firestore.Transaction, ref *firestore.DocumentRef, tenantID string) (tenancy.Membership, int, error) {
	m, found, err := txGet[tenancy.Membership](tx, ref, "membership")
	if err != nil {
		return m, 0, err
	}
	if !found {
		return m, 0, notFound("member")
	}
	owners, err := tx.Documents(s.memberships().Where("tenantId", "==", tenantID).
		Where("role", "==", string(tenancy.RoleOwner)).Limit(2)).GetAll()
	return m, len(owners), err
}

// Members implements tenancy.Store.
func (s *Store) Members(ctx context.Context, tenantID string) ([]tenancy.Membership, error) {
	ctx, done := s.bound(ctx)
	defer done()
	ms, err := all[tenancy.Membership](s.memberships().Where("tenantId", "==", tenantID).Documents(ctx), nil)
	if err != nil {
		return nil, wrap("list members", err)
	}
	slices.SortFunc(ms, func(a, b tenancy.Membership) int { return strings.Compare(a.UserID, b.UserID) })
	return ms, nil
}

// CreateMode implements tenancy.Store.
func (s *Store) CreateMode(ctx context.Context, m tenancy.Mode, ev audit.Event) error {
	ctx, done := s.bound(ctx)
	defer done()
	err := s.commit(ctx, ev, audit.Diff(nil, &m), nil, func(b *firestore.WriteBatch) { b.Create(s.modes().Doc(m.ID), m) })
	return wrap("create mode", err)
}

// UpdateMode implements tenancy.Store, without locks (see versioned).
func (s *Store) UpdateMode(ctx context.Context, id string, expectedVersion int, change func(*tenancy.Mode) error, ev audit.Event) (tenancy.Mode, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	m, err := updateRecord(ctx, s, s.modes().Doc(id), "mode", &expectedVersion, change, with{audit: &ev})
	m.ID = id
	return m, err
}

// DeleteMode implements tenancy.Store: a transaction that finds no tenant in the mode
// and deletes it. A setTenantMode that read the mode before the delete and writes after
// it (tenant updates take no locks) leaves a tenant in a deleted mode; the tenant then
// shows the mode's id as its name until a system admin sets another mode or creates the
// mode again.
func (s *Store) DeleteMode(ctx context.Context, id string, ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	ref := s.modes().Doc(id)
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		m, found, err := txGet[tenancy.Mode](tx, ref, "mode")
		if err != nil {
			return err
		}
		if !found {
			return notFound("mode")
		}
		users, err := tx.Documents(s.tenants().Where("mode", "==", id).Limit(1)).GetAll()
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return apperr.E(apperr.Conflict, "mode %s is in use (tenant %s, maybe others): move its tenants to another mode first", id, users[0].Ref.ID)
		}
		if err := tx.Delete(ref); err != nil {
			return err
		}
		return s.txAudit(tx, ev, audit.Diff(&m, nil)...)
	})
	return wrap("delete mode", err)
}
