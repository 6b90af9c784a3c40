// Package session keeps sign-in sessions. Each signup or login opens one (ss_…, stored
// durably) that issues short-lived access tokens carrying its id (the sid claim) and one
// opaque refresh token at a time. Refreshing rotates the refresh token; presenting one
// that was already used ends the whole session (reuse detection, as the OAuth 2.0
// security best current practice describes: of a thief and the owner, whoever refreshes
// second ends the session for both). Logout, revocation, reuse and a password change
// end sessions.
//
// A refresh token is "<session id>.<secret>", the secret 256 random bits; the store holds
// only the secret's SHA-256 and the hashes of the last maxUsed secrets, to tell a reused
// token (end the session) from a wrong one (refuse it). A rotation is a compare-and-swap
// on the current hash in one transaction, so two concurrent refreshes with the same token
// cannot both succeed: the loser is a reuse.
//
// Ending a session writes a session-ended event to the access log in the same transaction
// (the store's EndSession); every replica follows the log, refuses the session's access
// tokens from then on (a map lookup per request, see live.EndedSessions) and closes its
// websockets with 4401. The Service also applies the event on this replica at once
// (Events), so the caller's own next request is refused whatever the log's latency.
//
// Tests: session_test.go (the rules, on a fake store), internal/firestore store_test.go
// (the store against the emulator: rotation races, ending with the access event), server
// TestSessions* (end to end, two replicas, websockets).
package session

import (
	"context"
	"encoding/base64"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// Session is one sign-in: what the store keeps.
type Session struct {
	ID     string
	UserID string
	// RefreshHash is the SHA-256 (hex) of the current refresh token's secret; Used holds
	// the hashes of earlier ones (newest last, at most maxUsed).
	RefreshHash string
	Used        []string
	CreatedAt   time.Time
	LastUsedAt  time.Time
	// ExpiresAt is when the current refresh token stops working; each refresh moves it
	// (the session lives while it is used).
	ExpiresAt time.Time
	// UserAgent and Address describe the client that opened the session.
	UserAgent, Address string
	// EndedAt is set once the session ended, with EndReason.
	EndedAt   time.Time
	EndReason string
}

// Live reports whether s can still be refreshed at now.
func (s Session) Live(now time.Time) bool { return s.EndedAt.IsZero() && now.Before(s.ExpiresAt) }

// maxUsed is how many earlier refresh secrets a session remembers to recognise reuse.
const maxUsed = 20

// Store keeps sessions durably. A store that does not answer in time returns UNAVAILABLE.
type Store interface {
	// CreateSession stores a new session.
	CreateSession(ctx context.Context, s Session) error
	// Session returns a session, live or ended. Returns NOT_FOUND.
	Session(ctx context.Context, id string) (Session, error)
	// RotateRefresh replaces the refresh hash of session id, which must still be from and
	// the session not ended, with to; from joins Used (the oldest beyond maxUsed are
	// dropped) and LastUsedAt and ExpiresAt are set; all in one transaction. Returns
	// NOT_FOUND, CONFLICT when the hash is no longer from or the session ended.
	RotateRefresh(ctx context.Context, id, from, to string, usedAt, expiresAt time.Time) (Session, error)
	// EndSession ends session id of userID, if it has not ended, with reason, writing a
	// session-ended access event in the same transaction. It reports whether it ended
	// one (another user's, an absent or an ended session is not an error).
	EndSession(ctx context.Context, userID, id, reason string) (bool, error)
	// EndOtherSessions ends every session of userID that has not ended but keep, like
	// EndSession, in one transaction, and returns the ids it ended.
	EndOtherSessions(ctx context.Context, userID, keep, reason string) ([]string, error)
	// UserSessions returns userID's sessions that have not ended, newest first, at most
	// limit of them.
	UserSessions(ctx context.Context, userID string, limit int) ([]Session, error)
}

// Accounts checks and changes credentials (tenancy.Service).
type Accounts interface {
	// Signup creates a user with a tenant of their own. Returns BAD_USER_INPUT, CONFLICT,
	// RATE_LIMITED.
	Signup(ctx context.Context, in tenancy.SignupInput) (tenancy.User, tenancy.Tenant, error)
	// Login checks an email and password from address. Returns UNAUTHENTICATED,
	// RATE_LIMITED.
	Login(ctx context.Context, email, password, address string) (tenancy.User, error)
	// User returns a user. Returns NOT_FOUND.
	User(ctx context.Context, id string) (tenancy.User, error)
	// ChangePassword replaces userID's password after checking the current one. Returns
	// UNAUTHENTICATED (wrong current password), BAD_USER_INPUT (a new password that
	// breaks the rules), RATE_LIMITED.
	ChangePassword(ctx context.Context, userID, current, next, address string) error
}

// Issuer signs access tokens (identity.Tokens).
type Issuer interface {
	Issue(userID, sessionID, email string) (string, identity.Claims, error)
}

// Events applies a session's end on this process at once (live.Relay); every replica
// also hears of it through the access log.
type Events interface {
	AccessChanged(ctx context.Context, e tenancy.AccessEvent)
}

// Config is what NewService builds a Service from. Every field is required unless it
// says otherwise.
type Config struct {
	Store    Store
	Accounts Accounts
	Tokens   Issuer
	Events   Events
	// RefreshTTL is how long a refresh token works unused; 30 days when zero.
	RefreshTTL time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Service opens, refreshes, lists and ends sessions.
type Service struct {
	store    Store
	accounts Accounts
	tokens   Issuer
	events   Events
	ttl      time.Duration
	now      func() time.Time
}

// NewService returns a Service.
func NewService(c Config) *Service {
	if c.RefreshTTL == 0 {
		c.RefreshTTL = 30 * 24 * time.Hour
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return &Service{store: c.Store, accounts: c.Accounts, tokens: c.Tokens, events: c.Events, ttl: c.RefreshTTL, now: c.Now}
}

// Client describes who asks: their address and user agent, recorded by a new session.
type Client struct{ Address, UserAgent string }

// Grant is what a sign-in or a refresh hands the client.
type Grant struct {
	User         tenancy.User
	Session      Session
	AccessToken  string
	Claims       identity.Claims
	RefreshToken string
}

// Signup creates an account and opens its first session. Returns what Accounts.Signup
// returns.
func (s *Service) Signup(ctx context.Context, in tenancy.SignupInput, c Client) (Grant, tenancy.Tenant, error) {
	in.Address = c.Address
	u, t, err := s.accounts.Signup(ctx, in)
	if err != nil {
		return Grant{}, tenancy.Tenant{}, err
	}
	g, err := s.open(ctx, u, c)
	return g, t, err
}

// Login checks credentials and opens a session. Returns UNAUTHENTICATED, RATE_LIMITED.
func (s *Service) Login(ctx context.Context, email, password string, c Client) (Grant, error) {
	u, err := s.accounts.Login(ctx, email, password, c.Address)
	if err != nil {
		return Grant{}, err
	}
	return s.open(ctx, u, c)
}

// open stores a new session of u and issues its first tokens.
func (s *Service) open(ctx context.Context, u tenancy.User, c Client) (Grant, error) {
	secret, hash, err := identity.NewSecret()
	if err != nil {
		return Grant{}, err
	}
	now := s.now().UTC()
	sess := Session{
		ID: ids.New(ids.Session), UserID: u.ID, RefreshHash: hash,
		CreatedAt: now, LastUsedAt: now, ExpiresAt: now.Add(s.ttl),
		UserAgent: c.UserAgent, Address: c.Address,
	}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return Grant{}, err
	}
	return s.grant(u, sess, secret)
}

// grant issues an access token of sess and hands out secret as its refresh token.
func (s *Service) grant(u tenancy.User, sess Session, secret string) (Grant, error) {
	token, claims, err := s.tokens.Issue(u.ID, sess.ID, u.Email)
	if err != nil {
		return Grant{}, err
	}
	return Grant{User: u, Session: sess, AccessToken: token, Claims: claims, RefreshToken: sess.ID + "." + secret}, nil
}

// errBadRefresh is the answer to a refresh token that is not one of a live session.
var errBadRefresh = apperr.E(apperr.Unauthenticated, "invalid refresh token")

// Refresh rotates a refresh token: a new access token and a new refresh token. A refresh
// token used before ends its session. Returns UNAUTHENTICATED for a malformed, unknown,
// expired, reused or ended one (the messages say which, never echoing it).
func (s *Service) Refresh(ctx context.Context, refreshToken string) (Grant, error) {
	id, secret, ok := parseRefresh(refreshToken)
	if !ok {
		return Grant{}, errBadRefresh
	}
	sess, err := s.store.Session(ctx, id)
	if apperr.Is(err, apperr.NotFound) {
		return Grant{}, errBadRefresh
	}
	if err != nil {
		return Grant{}, err
	}
	now := s.now().UTC()
	hash := identity.HashSecret(secret)
	switch {
	case !sess.EndedAt.IsZero():
		return Grant{}, apperr.E(apperr.Unauthenticated, "the session has ended: sign in again")
	case identity.SameHash(hash, sess.RefreshHash):
		if !now.Before(sess.ExpiresAt) {
			return Grant{}, apperr.E(apperr.Unauthenticated, "refresh token expired: sign in again")
		}
	case used(sess, hash):
		return Grant{}, s.reused(ctx, sess)
	default:
		return Grant{}, errBadRefresh
	}
	next, nextHash, err := identity.NewSecret()
	if err != nil {
		return Grant{}, err
	}
	rotated, err := s.store.RotateRefresh(ctx, sess.ID, hash, nextHash, now, now.Add(s.ttl))
	if apperr.Is(err, apperr.Conflict) { // a concurrent refresh used it first: a reuse
		return Grant{}, s.reused(ctx, sess)
	}
	if err != nil {
		return Grant{}, err
	}
	u, err := s.accounts.User(ctx, sess.UserID)
	if err != nil {
		return Grant{}, err
	}
	return s.grant(u, rotated, next)
}

// reused ends sess because one of its refresh tokens was presented again.
func (s *Service) reused(ctx context.Context, sess Session) error {
	if _, err := s.endOne(ctx, sess.UserID, sess.ID, "refresh token reused"); err != nil {
		return err
	}
	return apperr.E(apperr.Unauthenticated, "refresh token reused: the session has ended; sign in again")
}

// End ends one of userID's sessions (logout, revokeSession). Returns NOT_FOUND unless
// sessionID is a session of userID that has not ended.
func (s *Service) End(ctx context.Context, userID, sessionID, reason string) error {
	ended, err := s.endOne(ctx, userID, sessionID, reason)
	if err == nil && !ended {
		return apperr.E(apperr.NotFound, "no such session")
	}
	return err
}

// endOne ends userID's session id and tells Events.
func (s *Service) endOne(ctx context.Context, userID, id, reason string) (bool, error) {
	ended, err := s.store.EndSession(ctx, userID, id, reason)
	if ended {
		s.tell(ctx, userID, []string{id})
	}
	return ended, err
}

func (s *Service) tell(ctx context.Context, userID string, ended []string) {
	at := s.now().UTC()
	for _, id := range ended {
		s.events.AccessChanged(ctx, tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: userID, SessionID: id, At: at})
	}
}

// MaxListed bounds List.
const MaxListed = 100

// List returns userID's sessions that can still be used, newest first.
func (s *Service) List(ctx context.Context, userID string) ([]Session, error) {
	all, err := s.store.UserSessions(ctx, userID, MaxListed)
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := all[:0]
	for _, sess := range all {
		if sess.Live(now) {
			out = append(out, sess)
		}
	}
	return out, nil
}

// ChangePassword replaces userID's password and ends every session but keep (the one
// asking). Returns what Accounts.ChangePassword returns.
func (s *Service) ChangePassword(ctx context.Context, userID, keep, current, next string, c Client) error {
	if err := s.accounts.ChangePassword(ctx, userID, current, next, c.Address); err != nil {
		return err
	}
	ended, err := s.store.EndOtherSessions(ctx, userID, keep, "password changed")
	s.tell(ctx, userID, ended)
	return err
}

// parseRefresh splits "<session id>.<secret>", refusing anything of another shape.
func parseRefresh(token string) (id, secret string, ok bool) {
	id, secret, ok = strings.Cut(token, ".")
	if !ok || !ids.ValidFor(ids.Session, id) || len(secret) != identity.SecretLength {
		return "", "", false
	}
	if _, err := base64.RawURLEncoding.DecodeString(secret); err != nil {
		return "", "", false
	}
	return id, secret, true
}

func used(s Session, hash string) bool {
	for _, h := range s.Used {
		if identity.SameHash(h, hash) {
			return true
		}
	}
	return false
}
