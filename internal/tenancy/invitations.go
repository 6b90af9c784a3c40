package tenancy

import (
	"context"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
)

// Invitations replace silent adds: an ADMIN offers an email a role, and the person who
// signs in with that email accepts or declines. Inviting never looks the email up, so
// its answer is the same whether or not the email has an account (no enumeration of
// accounts); only the invitee sees the invitation (myInvitations), and to anyone else an
// invitation to another email does not exist (NOT_FOUND).

// InvitationStatus is where an invitation stands.
type InvitationStatus string

// Invitation statuses. Expired is never stored: a pending invitation past its expiry
// reads as expired.
const (
	InvitationPending  InvitationStatus = "PENDING"
	InvitationAccepted InvitationStatus = "ACCEPTED"
	InvitationDeclined InvitationStatus = "DECLINED"
	InvitationRevoked  InvitationStatus = "REVOKED"
	InvitationExpired  InvitationStatus = "EXPIRED"
)

// UnmarshalGQL implements graphql.Unmarshaler.
func (s *InvitationStatus) UnmarshalGQL(v any) error {
	str, _ := v.(string)
	switch InvitationStatus(str) {
	case InvitationPending, InvitationAccepted, InvitationDeclined, InvitationRevoked, InvitationExpired:
		*s = InvitationStatus(str)
		return nil
	}
	return apperr.E(apperr.BadUserInput, "unknown invitation status")
}

// MarshalGQL implements graphql.Marshaler.
func (s InvitationStatus) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

// Invitation offers Email the role Role in a tenant until ExpiresAt.
type Invitation struct {
	ID        string           `firestore:"-"`
	TenantID  string           `firestore:"tenantId"`
	Email     string           `firestore:"email" audit:"email"`
	Role      Role             `firestore:"role" audit:"role"`
	Status    InvitationStatus `firestore:"status" audit:"status"`
	ExpiresAt time.Time        `firestore:"expiresAt"`
	InvitedBy string           `firestore:"invitedBy"`
	Meta
}

// StatusAt is the invitation's status at now: a pending one past its expiry is expired.
func (inv Invitation) StatusAt(now time.Time) InvitationStatus {
	if inv.Status == InvitationPending && !now.Before(inv.ExpiresAt) {
		return InvitationExpired
	}
	return inv.Status
}

// Invitation limits.
const (
	// InvitationTTL is how long an invitation can be accepted.
	InvitationTTL = 7 * 24 * time.Hour
	// MaxPendingInvitations bounds a tenant's open invitations.
	MaxPendingInvitations = 100
	// maxInvitationsListed bounds the invitations one list shows.
	maxInvitationsListed = 500
)

// Invite offers email role in tenantID on behalf of a member holding actorRole. The
// answer does not depend on whether email has an account. Returns BAD_USER_INPUT (a
// malformed email or role), FORBIDDEN (a non-owner inviting an OWNER), CONFLICT (a
// pending invitation to that email exists, or MaxPendingInvitations are open).
func (s *Service) Invite(ctx context.Context, actorRole Role, tenantID, email string, role Role) (Invitation, error) {
	if !role.Valid() {
		return Invitation{}, apperr.E(apperr.BadUserInput, "unknown role")
	}
	if role == RoleOwner && actorRole != RoleOwner {
		return Invitation{}, apperr.E(apperr.Forbidden, "only an owner can invite an owner")
	}
	email, err := NormalizeEmail(email)
	if err != nil {
		return Invitation{}, err
	}
	meta := s.meta()
	inv := Invitation{ID: ids.New(ids.Invitation), TenantID: tenantID, Email: email, Role: role, Status: InvitationPending,
		ExpiresAt: meta.CreatedAt.Add(InvitationTTL), InvitedBy: audit.OriginFrom(ctx).Actor.ID, Meta: meta}
	if err := s.store.CreateInvitation(ctx, inv, s.event(ctx, tenantID, "member.invite", "invitation", inv.ID)); err != nil {
		return Invitation{}, err
	}
	return inv, nil
}

// Invitations lists tenantID's invitations, newest first, with their statuses now.
func (s *Service) Invitations(ctx context.Context, tenantID string) ([]Invitation, error) {
	invs, err := s.store.Invitations(ctx, tenantID, maxInvitationsListed)
	return s.current(invs), err
}

// MyInvitations lists the pending invitations to userID's email, newest first.
func (s *Service) MyInvitations(ctx context.Context, userID string) ([]Invitation, error) {
	u, err := s.store.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	invs, err := s.store.InvitationsFor(ctx, u.Email, maxInvitationsListed)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(s.current(invs), func(inv Invitation) bool { return inv.Status != InvitationPending }), nil
}

// current sets each invitation's status as of now and orders them newest first.
func (s *Service) current(invs []Invitation) []Invitation {
	now := s.now()
	for i := range invs {
		invs[i].Status = invs[i].StatusAt(now)
	}
	slices.SortFunc(invs, func(a, b Invitation) int { return b.CreatedAt.Compare(a.CreatedAt) })
	return invs
}

// AcceptInvitation makes userID a member of the invitation's tenant with its role.
// Returns NOT_FOUND (no such invitation, or one to another email), CONFLICT (no longer
// pending, expired, or userID is already a member).
func (s *Service) AcceptInvitation(ctx context.Context, userID, id string) (Membership, error) {
	u, err := s.invitee(ctx, userID, id)
	if err != nil {
		return Membership{}, err
	}
	now := s.now().UTC()
	m, err := s.store.AcceptInvitation(ctx, id, func(inv *Invitation) (Membership, error) {
		if err := s.respond(inv, u.Email, InvitationAccepted, now); err != nil {
			return Membership{}, err
		}
		return Membership{TenantID: inv.TenantID, UserID: userID, Role: inv.Role, Meta: Meta{CreatedAt: now, UpdatedAt: now, Version: 1}}, nil
	}, s.event(ctx, "", "invitation.accept", "invitation", id))
	if err != nil {
		return Membership{}, err
	}
	s.accessChanged(ctx, AccessMemberAdded, m.TenantID, userID)
	return m, nil
}

// DeclineInvitation declines an invitation to userID's email. Returns NOT_FOUND,
// CONFLICT (no longer pending, or expired).
func (s *Service) DeclineInvitation(ctx context.Context, userID, id string) error {
	u, err := s.invitee(ctx, userID, id)
	if err != nil {
		return err
	}
	now := s.now().UTC()
	_, err = s.store.UpdateInvitation(ctx, id, func(inv *Invitation) error {
		return s.respond(inv, u.Email, InvitationDeclined, now)
	}, s.event(ctx, "", "invitation.decline", "invitation", id))
	return err
}

// RevokeInvitation withdraws a pending invitation of tenantID. Returns NOT_FOUND (also
// for another tenant's), CONFLICT (no longer pending).
func (s *Service) RevokeInvitation(ctx context.Context, tenantID, id string) error {
	if !ids.ValidFor(ids.Invitation, id) {
		return errNoInvitation
	}
	now := s.now().UTC()
	_, err := s.store.UpdateInvitation(ctx, id, func(inv *Invitation) error {
		if inv.TenantID != tenantID {
			return errNoInvitation
		}
		if inv.Status != InvitationPending {
			return apperr.E(apperr.Conflict, "the invitation is already %s", inv.Status)
		}
		inv.Status, inv.UpdatedAt = InvitationRevoked, now
		inv.Version++
		return nil
	}, s.event(ctx, tenantID, "invitation.revoke", "invitation", id))
	return err
}

var errNoInvitation = apperr.E(apperr.NotFound, "no such invitation")

// invitee returns the user answering invitation id.
func (s *Service) invitee(ctx context.Context, userID, id string) (User, error) {
	if !ids.ValidFor(ids.Invitation, id) {
		return User{}, errNoInvitation
	}
	return s.store.User(ctx, userID)
}

// respond moves a pending invitation to email to status at now; an invitation to another
// email is NOT_FOUND, as if it did not exist.
func (s *Service) respond(inv *Invitation, email string, status InvitationStatus, now time.Time) error {
	if inv.Email != email {
		return errNoInvitation
	}
	switch inv.StatusAt(now) {
	case InvitationPending:
	case InvitationExpired:
		return apperr.E(apperr.Conflict, "the invitation has expired: ask for a new one")
	default:
		return apperr.E(apperr.Conflict, "the invitation is already %s", inv.Status)
	}
	inv.Status, inv.UpdatedAt = status, now
	inv.Version++
	return nil
}
