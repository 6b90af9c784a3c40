// Package access builds the RequestContext and enforces the schema's access directives.
// The schema is deny by default: CheckSchema refuses a schema whose root fields lack
// exactly one access directive, and Guard implements the directives.
package access

import (
	"context"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/tenancy"
)

// Verifier checks bearer tokens (identity.Tokens).
type Verifier interface {
	// Verify returns the token's claims. Returns UNAUTHENTICATED.
	Verify(token string) (identity.Claims, error)
}

// Directory answers the membership and tenant lookups the context and the guards need.
type Directory interface {
	// Membership returns a user's membership. Returns NOT_FOUND.
	Membership(ctx context.Context, tenantID, userID string) (tenancy.Membership, error)
	// Tenant returns a tenant. Returns NOT_FOUND.
	Tenant(ctx context.Context, id string) (tenancy.Tenant, error)
	// Project returns a project of a tenant. Returns NOT_FOUND.
	Project(ctx context.Context, tenantID, id string) (tenancy.Project, error)
}

// Revocations knows the sessions that ended (live.EndedSessions).
type Revocations interface {
	// Ended reports whether sessionID ended; it answers from memory.
	Ended(sessionID string) bool
}

// Builder turns raw context fields into a RequestContext.
type Builder struct {
	verifier  Verifier
	directory Directory
	ended     Revocations
}

// NewBuilder returns a Builder: v checks tokens, d answers memberships, ended refuses the
// tokens of ended sessions.
func NewBuilder(v Verifier, d Directory, ended Revocations) *Builder {
	return &Builder{verifier: v, directory: d, ended: ended}
}

// Build normalizes raw, verifies its token and looks up the caller's role and mode in
// the context tenant. Returns CONTEXT_INVALID for malformed fields and UNAUTHENTICATED
// for a token that is present but not valid, or whose session ended.
func (b *Builder) Build(ctx context.Context, raw reqctx.Raw) (*reqctx.RequestContext, error) {
	rc, err := raw.Normalize()
	if err != nil {
		return nil, err
	}
	token, err := raw.BearerToken()
	if err != nil {
		return nil, err
	}
	if token == "" {
		return &rc, nil
	}
	claims, err := b.verifier.Verify(token)
	if err != nil {
		return nil, err
	}
	if b.ended.Ended(claims.SessionID) {
		return nil, apperr.E(apperr.Unauthenticated, "session ended: sign in again")
	}
	rc.SessionID, rc.TokenExpiresAt, rc.ActorLabel = claims.SessionID, claims.ExpiresAt, claims.Label
	if claims.ServiceAccountID != "" {
		// A service account is no member: the @member directive checks its scopes and
		// tenant; the context tenant's mode still applies.
		rc.ServiceAccountID, rc.AccountTenantID, rc.Scopes = claims.ServiceAccountID, claims.TenantID, claims.Scopes
		if rc.TenantID != "" {
			t, err := b.directory.Tenant(ctx, rc.TenantID)
			switch {
			case err == nil:
				rc.Mode = t.ModeID
			case !apperr.Is(err, apperr.NotFound):
				return nil, err
			}
		}
		return &rc, nil
	}
	rc.UserID = claims.UserID
	if rc.TenantID == "" {
		return &rc, nil
	}
	role, mode, err := b.roleIn(ctx, rc.TenantID, rc.UserID)
	if err != nil {
		return nil, err
	}
	rc.Role, rc.Mode = role, mode
	return &rc, nil
}

// roleIn returns userID's role in tenantID and the tenant's mode, or empty values when
// the user is not a member or the tenant does not exist.
func (b *Builder) roleIn(ctx context.Context, tenantID, userID string) (tenancy.Role, string, error) {
	m, err := b.directory.Membership(ctx, tenantID, userID)
	if apperr.Is(err, apperr.NotFound) {
		return "", "", nil
	}
	if err != nil {
		return "", "", err
	}
	t, err := b.directory.Tenant(ctx, tenantID)
	if apperr.Is(err, apperr.NotFound) {
		return "", "", nil
	}
	if err != nil {
		return "", "", err
	}
	return m.Role, t.ModeID, nil
}
