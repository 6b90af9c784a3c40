// Package serviceaccount gives platform services an identity of their own: a tenant's
// service account (sa_…) holds scopes from a closed set (access.Scopes) and a client
// secret, with which it gets short-lived access tokens by the OAuth 2.0
// client-credentials grant (RFC 6749 §4.4, served by httpapi at POST /oauth/token).
//
// The secret is 256 random bits shown once; the store keeps its SHA-256 (a fast hash is
// right for a random secret of that size: there is nothing to guess) and a version.
// Tokens carry the version; rotating the secret or deleting the account ends the current
// version as a session — a session-ended event in the access log, written in the same
// transaction — so every replica refuses its tokens and closes its websockets within
// seconds, the same path a user's session takes. Failed token requests count against the
// client id (ratelimit.Policy.Token).
//
// Tests: internal/firestore sessions_test.go (the store), server TestServiceAccounts (the
// API, /oauth/token and its RFC 6749 §5.2 errors, scopes, tenants, rotation and deletion
// across replicas) and the attack suite (token confusion, brute force on /oauth/token).
package serviceaccount

import (
	"context"
	"slices"
	"time"

	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// Account is a service account as stored.
type Account struct {
	ID, TenantID, Name string
	Scopes             []string
	// SecretHash is the SHA-256 (hex) of the current secret, of version SecretVersion.
	SecretHash    string
	SecretVersion int
	CreatedAt     time.Time
	CreatedBy     string
}

// Store keeps service accounts. A store that does not answer in time returns
// UNAVAILABLE.
type Store interface {
	// CreateServiceAccount stores a new account, with ev (completed with its fields).
	CreateServiceAccount(ctx context.Context, a Account, ev audit.Event) error
	// ServiceAccount returns an account. Returns NOT_FOUND.
	ServiceAccount(ctx context.Context, id string) (Account, error)
	// ServiceAccounts lists a tenant's accounts, oldest first.
	ServiceAccounts(ctx context.Context, tenantID string) ([]Account, error)
	// RotateServiceAccount replaces the secret hash of tenantID's account id and bumps
	// its version, ending the old version's session (an access event) in the same
	// transaction, with ev. Returns NOT_FOUND (also for another tenant's account).
	RotateServiceAccount(ctx context.Context, tenantID, id, hash string, ev audit.Event) (Account, error)
	// DeleteServiceAccount deletes tenantID's account id, ending its session in the same
	// transaction, with ev. Returns NOT_FOUND (also for another tenant's account).
	DeleteServiceAccount(ctx context.Context, tenantID, id string, ev audit.Event) (Account, error)
}

// Issuer signs service tokens (identity.Tokens).
type Issuer interface {
	IssueService(accountID, tenantID, name string, scopes []string, version int) (string, identity.Claims, error)
}

// Limits counts failed token requests per client id (ratelimit.Policy).
type Limits interface {
	// Token refuses (RATE_LIMITED) while clientID has too many recent failures;
	// otherwise the caller reports the outcome to done.
	Token(ctx context.Context, clientID string) (done func(ok bool), err error)
}

// Events applies a version's end on this process at once (live.Relay).
type Events interface {
	AccessChanged(ctx context.Context, e tenancy.AccessEvent)
}

// Config is what NewService builds a Service from; every field is required.
type Config struct {
	Store  Store
	Tokens Issuer
	Limits Limits
	Events Events
}

// Service creates, lists, rotates and deletes service accounts and grants their tokens.
type Service struct{ c Config }

// NewService returns a Service.
func NewService(c Config) *Service { return &Service{c: c} }

// Credentials are an account and its secret, shown once.
type Credentials struct {
	Account Account
	Secret  string
}

// maxAccounts bounds a tenant's service accounts.
const maxAccounts = 100

// Create creates a service account of tenantID with name and scopes, on behalf of
// whoever acts in ctx. Returns BAD_USER_INPUT (an empty or long name, no scopes, an unknown scope),
// CONFLICT (the tenant has maxAccounts already).
func (s *Service) Create(ctx context.Context, tenantID, name string, scopes []string) (Credentials, error) {
	name, err := tenancy.CleanName("service account name", name)
	if err != nil {
		return Credentials{}, err
	}
	if len(scopes) == 0 {
		return Credentials{}, apperr.E(apperr.BadUserInput, "scopes: name at least one of %v", access.Scopes())
	}
	var clean []string
	for _, sc := range scopes {
		if !slices.Contains(access.Scopes(), sc) {
			return Credentials{}, apperr.E(apperr.BadUserInput, "scopes: unknown scope %q (known: %v)", sc, access.Scopes())
		}
		if !slices.Contains(clean, sc) {
			clean = append(clean, sc)
		}
	}
	existing, err := s.c.Store.ServiceAccounts(ctx, tenantID)
	if err != nil {
		return Credentials{}, err
	}
	if len(existing) >= maxAccounts {
		return Credentials{}, apperr.E(apperr.Conflict, "the tenant has %d service accounts, the most it may have", maxAccounts)
	}
	secret, hash, err := identity.NewSecret()
	if err != nil {
		return Credentials{}, err
	}
	now := time.Now().UTC()
	a := Account{ID: ids.New(ids.ServiceAccount), TenantID: tenantID, Name: name, Scopes: clean, SecretHash: hash, SecretVersion: 1,
		CreatedAt: now, CreatedBy: audit.OriginFrom(ctx).Actor.ID}
	if err := s.c.Store.CreateServiceAccount(ctx, a, audit.New(ctx, now, tenantID, "serviceAccount.create", "serviceAccount", a.ID)); err != nil {
		return Credentials{}, err
	}
	return Credentials{Account: a, Secret: secret}, nil
}

// List returns tenantID's service accounts, oldest first.
func (s *Service) List(ctx context.Context, tenantID string) ([]Account, error) {
	return s.c.Store.ServiceAccounts(ctx, tenantID)
}

// Rotate gives tenantID's account id a new secret; tokens of the old one are refused
// from now on. Returns NOT_FOUND.
func (s *Service) Rotate(ctx context.Context, tenantID, id string) (Credentials, error) {
	secret, hash, err := identity.NewSecret()
	if err != nil {
		return Credentials{}, err
	}
	a, err := s.c.Store.RotateServiceAccount(ctx, tenantID, id, hash, audit.New(ctx, time.Now(), tenantID, "serviceAccount.rotate", "serviceAccount", id))
	if err != nil {
		return Credentials{}, err
	}
	s.ended(ctx, a.ID, a.SecretVersion-1)
	return Credentials{Account: a, Secret: secret}, nil
}

// Delete deletes tenantID's account id; its tokens are refused from now on. Returns
// NOT_FOUND.
func (s *Service) Delete(ctx context.Context, tenantID, id string) error {
	a, err := s.c.Store.DeleteServiceAccount(ctx, tenantID, id, audit.New(ctx, time.Now(), tenantID, "serviceAccount.delete", "serviceAccount", id))
	if err != nil {
		return err
	}
	s.ended(ctx, a.ID, a.SecretVersion)
	return nil
}

func (s *Service) ended(ctx context.Context, id string, version int) {
	s.c.Events.AccessChanged(ctx, tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: id,
		SessionID: identity.ServiceSession(id, version), At: time.Now().UTC()})
}

// Token is an access token granted to a service account.
type Token struct {
	AccessToken string
	Claims      identity.Claims
}

// errBadClient is the one answer to an unknown client id and a wrong secret.
var errBadClient = apperr.E(apperr.Unauthenticated, "unknown client or wrong secret")

// Grant checks a client id and secret and issues a token holding the requested scopes
// (all of the account's when none are requested). Returns UNAUTHENTICATED (unknown
// client or wrong secret, alike), FORBIDDEN (a scope the account does not hold),
// RATE_LIMITED (too many failures for the client id).
func (s *Service) Grant(ctx context.Context, clientID, secret string, scopes []string) (Token, error) {
	done, err := s.c.Limits.Token(ctx, clientID)
	if err != nil {
		return Token{}, err
	}
	a, err := s.c.Store.ServiceAccount(ctx, clientID)
	switch {
	case apperr.Is(err, apperr.NotFound):
		done(false)
		return Token{}, errBadClient
	case err != nil:
		return Token{}, err
	}
	if !identity.SameHash(identity.HashSecret(secret), a.SecretHash) {
		done(false)
		return Token{}, errBadClient
	}
	done(true)
	if len(scopes) == 0 {
		scopes = a.Scopes
	}
	for _, sc := range scopes {
		if !slices.Contains(a.Scopes, sc) {
			return Token{}, apperr.E(apperr.Forbidden, "the client does not hold the scope %q", sc)
		}
	}
	tok, claims, err := s.c.Tokens.IssueService(a.ID, a.TenantID, a.Name, scopes, a.SecretVersion)
	if err != nil {
		return Token{}, err
	}
	return Token{AccessToken: tok, Claims: claims}, nil
}
