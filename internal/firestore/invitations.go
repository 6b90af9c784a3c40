package firestore

import (
	"context"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// Invitations live at invitations/{iv_…}, outside their tenant, so that an invitee's
// pending invitations across tenants are one query (email ==, status ==: two equality
// filters, served by single-field indexes). Answering one is a transaction: the
// invitation's status, the new membership, the access event and the audit event commit
// together. Expiry is a time, not a write: a pending invitation past expiresAt reads as
// expired (tenancy.Invitation.StatusAt); production may delete old ones with a TTL
// policy on expiresAt.

func (s *Store) invitations() *firestore.CollectionRef { return s.client.Collection("invitations") }

// CreateInvitation implements tenancy.Store.
func (s *Store) CreateInvitation(ctx context.Context, inv tenancy.Invitation, ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if _, found, err := txGet[tenancy.Tenant](tx, s.tenants().Doc(inv.TenantID), "tenant"); err != nil {
			return err
		} else if !found {
			return notFound("tenant")
		}
		open, err := tx.Documents(s.invitations().Where("tenantId", "==", inv.TenantID).
			Where("status", "==", string(tenancy.InvitationPending)).Limit(tenancy.MaxPendingInvitations * 2)).GetAll()
		if err != nil {
			return err
		}
		unexpired := 0
		for _, snap := range open {
			var other tenancy.Invitation
			if err := snap.DataTo(&other); err != nil {
				return err
			}
			if other.StatusAt(inv.CreatedAt) != tenancy.InvitationPending {
				continue
			}
			if other.Email == inv.Email {
				return apperr.E(apperr.Conflict, "%s already has a pending invitation (%s): revoke it to invite again", inv.Email, snap.Ref.ID)
			}
			unexpired++
		}
		if unexpired >= tenancy.MaxPendingInvitations {
			return apperr.E(apperr.Conflict, "the tenant has %d pending invitations, the most it may have: revoke some first", unexpired)
		}
		if err := tx.Create(s.invitations().Doc(inv.ID), inv); err != nil {
			return err
		}
		return s.txAudit(tx, ev, audit.Diff(nil, &inv)...)
	})
	return wrap("create invitation", err)
}

// Invitations implements tenancy.Store.
func (s *Store) Invitations(ctx context.Context, tenantID string, limit int) ([]tenancy.Invitation, error) {
	ctx, done := s.bound(ctx)
	defer done()
	invs, err := all(s.invitations().Where("tenantId", "==", tenantID).Limit(limit).Documents(ctx),
		func(inv *tenancy.Invitation, id string) { inv.ID = id })
	return invs, wrap("list invitations", err)
}

// InvitationsFor implements tenancy.Store.
func (s *Store) InvitationsFor(ctx context.Context, email string, limit int) ([]tenancy.Invitation, error) {
	ctx, done := s.bound(ctx)
	defer done()
	invs, err := all(s.invitations().Where("email", "==", email).Where("status", "==", string(tenancy.InvitationPending)).
		Limit(limit).Documents(ctx), func(inv *tenancy.Invitation, id string) { inv.ID = id })
	return invs, wrap("list invitations", err)
}

// UpdateInvitation implements tenancy.Store.
func (s *Store) UpdateInvitation(ctx context.Context, id string, change func(*tenancy.Invitation) error, ev audit.Event) (tenancy.Invitation, error) {
	var out tenancy.Invitation
	err := s.answer(ctx, id, "update invitation", func(tx *firestore.Transaction, inv *tenancy.Invitation) ([]audit.Change, error) {
		if err := change(inv); err != nil {
			return nil, err
		}
		out = *inv
		return nil, nil
	}, ev)
	return out, err
}

// AcceptInvitation implements tenancy.Store.
func (s *Store) AcceptInvitation(ctx context.Context, id string, accept func(*tenancy.Invitation) (tenancy.Membership, error), ev audit.Event) (tenancy.Membership, error) {
	var out tenancy.Membership
	err := s.answer(ctx, id, "accept invitation", func(tx *firestore.Transaction, inv *tenancy.Invitation) ([]audit.Change, error) {
		m, err := accept(inv)
		if err != nil {
			return nil, err
		}
		ref := s.membershipDoc(m.TenantID, m.UserID)
		if _, found, err := txGet[tenancy.Membership](tx, ref, "membership"); err != nil {
			return nil, err
		} else if found {
			return nil, apperr.E(apperr.Conflict, "you are already a member of this tenant")
		}
		if err := tx.Create(ref, m); err != nil {
			return nil, err
		}
		out = m
		return audit.Diff(nil, &m), s.txAccess(tx, tenancy.AccessEvent{Kind: tenancy.AccessMemberAdded, TenantID: m.TenantID, UserID: m.UserID})
	}, ev)
	return out, err
}

// answer reads invitation id in a transaction, lets change update it (and write more
// in tx, returning the changes of what it wrote), then stores it with ev — in the
// invitation's tenant's log when ev names none — completed with the invitation's changes
// and change's.
func (s *Store) answer(ctx context.Context, id, op string, change func(*firestore.Transaction, *tenancy.Invitation) ([]audit.Change, error), ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.ValidFor(ids.Invitation, id) {
		return notFound("invitation")
	}
	ref := s.invitations().Doc(id)
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		inv, found, err := txGet[tenancy.Invitation](tx, ref, "invitation")
		if err != nil {
			return err
		}
		if !found {
			return notFound("invitation")
		}
		inv.ID = id
		before := inv
		if ev.TenantID == "" {
			ev.TenantID = inv.TenantID // the same on every run of the transaction
		}
		more, err := change(tx, &inv)
		if err != nil {
			return err
		}
		if err := tx.Set(ref, inv); err != nil {
			return err
		}
		return s.txAudit(tx, ev, append(audit.Diff(&before, &inv), more...)...)
	})
	return wrap(op, err)
}
