package firestore

import (
	"context"
	"slices"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/serviceaccount"
	"github.com/northstar/northstar/internal/tenancy"
)

// Service accounts live at serviceAccounts/{sa_…}. Rotating a secret and deleting an
// account each commit, in one transaction, with the session-ended access event of the
// secret version they end, so every replica refuses that version's tokens.

func (s *Store) serviceAccounts() *firestore.CollectionRef {
	return s.client.Collection("serviceAccounts")
}

// accountDoc is a service account as stored.
type accountDoc struct {
	TenantID      string    `firestore:"tenantId"`
	Name          string    `firestore:"name" audit:"name"`
	Scopes        []string  `firestore:"scopes" audit:"scopes"`
	SecretHash    string    `firestore:"secretHash"`
	SecretVersion int       `firestore:"secretVersion" audit:"secretVersion"`
	CreatedAt     time.Time `firestore:"createdAt"`
	CreatedBy     string    `firestore:"createdBy"`
}

func (d accountDoc) account(id string) serviceaccount.Account {
	return serviceaccount.Account{ID: id, TenantID: d.TenantID, Name: d.Name, Scopes: d.Scopes, SecretHash: d.SecretHash,
		SecretVersion: d.SecretVersion, CreatedAt: d.CreatedAt, CreatedBy: d.CreatedBy}
}

var _ serviceaccount.Store = (*Store)(nil)

// CreateServiceAccount implements serviceaccount.Store.
func (s *Store) CreateServiceAccount(ctx context.Context, a serviceaccount.Account, ev audit.Event) error {
	ctx, done := s.bound(ctx)
	defer done()
	d := accountDoc{TenantID: a.TenantID, Name: a.Name, Scopes: a.Scopes,
		SecretHash: a.SecretHash, SecretVersion: a.SecretVersion, CreatedAt: a.CreatedAt, CreatedBy: a.CreatedBy}
	err := s.commit(ctx, ev, audit.Diff(nil, &d), nil, func(b *firestore.WriteBatch) { b.Create(s.serviceAccounts().Doc(a.ID), d) })
	return wrap("create service account", err)
}

// ServiceAccount implements serviceaccount.Store.
func (s *Store) ServiceAccount(ctx context.Context, id string) (serviceaccount.Account, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.ServiceAccount, id) {
		return serviceaccount.Account{}, notFound("service account")
	}
	d, err := get[accountDoc](ctx, s.serviceAccounts().Doc(id), "service account")
	return d.account(id), err
}

// ServiceAccounts implements serviceaccount.Store.
func (s *Store) ServiceAccounts(ctx context.Context, tenantID string) ([]serviceaccount.Account, error) {
	ctx, done := s.bound(ctx)
	defer done()
	snaps, err := s.serviceAccounts().Where("tenantId", "==", tenantID).Limit(1000).Documents(ctx).GetAll()
	if err != nil {
		return nil, wrap("list service accounts", err)
	}
	out := make([]serviceaccount.Account, 0, len(snaps))
	for _, snap := range snaps {
		var d accountDoc
		if err := snap.DataTo(&d); err != nil {
			return nil, wrap("decode service account", err)
		}
		out = append(out, d.account(snap.Ref.ID))
	}
	slices.SortFunc(out, func(a, b serviceaccount.Account) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out, nil
}

// RotateServiceAccount implements serviceaccount.Store.
func (s *Store) RotateServiceAccount(ctx context.Context, tenantID, id, hash string, ev audit.Event) (serviceaccount.Account, error) {
	var out serviceaccount.Account
	err := s.changeAccount(ctx, tenantID, id, "rotate service account secret", func(tx *firestore.Transaction, ref *firestore.DocumentRef, d accountDoc) error {
		before, ended := d, d.SecretVersion
		d.SecretHash, d.SecretVersion = hash, d.SecretVersion+1
		out = d.account(id)
		if err := tx.Set(ref, d); err != nil {
			return err
		}
		if err := s.txAudit(tx, ev, audit.Diff(&before, &d)...); err != nil {
			return err
		}
		return s.txAccess(tx, tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: id, SessionID: identity.ServiceSession(id, ended)})
	})
	return out, err
}

// DeleteServiceAccount implements serviceaccount.Store.
func (s *Store) DeleteServiceAccount(ctx context.Context, tenantID, id string, ev audit.Event) (serviceaccount.Account, error) {
	var out serviceaccount.Account
	err := s.changeAccount(ctx, tenantID, id, "delete service account", func(tx *firestore.Transaction, ref *firestore.DocumentRef, d accountDoc) error {
		out = d.account(id)
		if err := tx.Delete(ref); err != nil {
			return err
		}
		if err := s.txAudit(tx, ev, audit.Diff(&d, nil)...); err != nil {
			return err
		}
		return s.txAccess(tx, tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: id, SessionID: identity.ServiceSession(id, d.SecretVersion)})
	})
	return out, err
}

// changeAccount runs change on tenantID's account id in a transaction; another tenant's
// account is NOT_FOUND, like an absent one.
func (s *Store) changeAccount(ctx context.Context, tenantID, id, op string, change func(*firestore.Transaction, *firestore.DocumentRef, accountDoc) error) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.ValidFor(ids.ServiceAccount, id) {
		return notFound("service account")
	}
	ref := s.serviceAccounts().Doc(id)
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		d, found, err := txGet[accountDoc](tx, ref, "service account")
		if err != nil {
			return err
		}
		if !found || d.TenantID != tenantID {
			return notFound("service account")
		}
		return change(tx, ref, d)
	})
	return wrap(op, err)
}
