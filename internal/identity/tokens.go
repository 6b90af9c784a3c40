package identity

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
)

// Size limits on untrusted input: the token is measured before any parsing, the kid
// before any key lookup.
const (
	maxTokenLength = 8 << 10
	maxKidLength   = 128
)

// Defaults for zero TokenConfig fields.
const (
	defaultTTL  = 15 * time.Minute
	defaultSkew = 30 * time.Second
)

// TokenConfig configures Tokens.
type TokenConfig struct {
	// Issuer is the "iss" claim written and required. Required.
	Issuer string
	// Audience is the "aud" value written and required. Required.
	Audience string
	// TTL is how long an issued token lives. Optional; 15 minutes when zero.
	TTL time.Duration
	// Skew is the clock difference tolerated when checking exp, nbf and iat.
	// Optional; 30 seconds when zero.
	Skew time.Duration
	// Now is the clock. Optional; time.Now when nil. Tests inject a fixed clock.
	Now func() time.Time
	// CacheSize bounds the cache of verified tokens (each kept until it expires).
	// Optional; DefaultCacheSize when zero, no cache when negative.
	CacheSize int
}

// Private claims: a user token's session; a service token's tenant, scopes (space
// separated, as OAuth writes them) and secret version.
const (
	sessionClaim = "sid"
	tenantClaim  = "tid"
	scopeClaim   = "scope"
	versionClaim = "ver"
	// labelClaim is who the subject is to a reader: a user's email, a service account's
	// name (the audit log records it as the actor's label).
	labelClaim = "label"
)

// ServiceSession is the session key of a service account's tokens of secret version.
func ServiceSession(accountID string, version int) string {
	return accountID + ":" + strconv.Itoa(version)
}

// DefaultCacheSize is the default number of verified tokens remembered.
const DefaultCacheSize = 100_000

// Claims are the facts a verified token asserts.
type Claims struct {
	UserID    string // "sub" of a user's token
	SessionID string // "sid": the sign-in session a user's token belongs to
	Label     string // "label": a user's email or a service account's name, when known
	// ServiceAccountID ("sub" of a service account's token), with the account's
	// tenant ("tid"), its scopes ("scope") and its secret version ("ver"). The secret
	// version is the token's session: SessionID is "<account>:<version>", which rotating
	// the secret or deleting the account ends.
	ServiceAccountID string
	TenantID         string
	Scopes           []string
	SecretVersion    int
	TokenID          string    // "jti"
	IssuedAt         time.Time // "iat"
	ExpiresAt        time.Time // "exp"
}

// Tokens issues and verifies EdDSA-signed access tokens (compact JWS JWTs). It is safe
// for concurrent use.
type Tokens struct {
	keys  Keys
	cfg   TokenConfig
	cache *verifiedCache // nil when disabled
}

// NewTokens returns Tokens that sign with keys.SigningKey and verify against
// keys.PublicKeys. It fails if keys is nil, Issuer or Audience is empty, or TTL or
// Skew is negative.
func NewTokens(keys Keys, cfg TokenConfig) (*Tokens, error) {
	if sk, ok := keys.(*StaticKeys); ok && sk == nil {
		keys = nil
	}
	switch {
	case keys == nil:
		return nil, errors.New("identity: tokens need keys")
	case cfg.Issuer == "":
		return nil, errors.New("identity: token issuer is required")
	case cfg.Audience == "":
		return nil, errors.New("identity: token audience is required")
	case cfg.TTL < 0 || cfg.Skew < 0:
		return nil, errors.New("identity: token TTL and skew must not be negative")
	}
	if cfg.TTL == 0 {
		cfg.TTL = defaultTTL
	}
	if cfg.Skew == 0 {
		cfg.Skew = defaultSkew
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	t := &Tokens{keys: keys, cfg: cfg}
	if cfg.CacheSize == 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	if cfg.CacheSize > 0 {
		t.cache = newVerifiedCache(cfg.CacheSize)
	}
	return t, nil
}

// Issue returns a signed token for userID in sessionID, both well-formed ids, labelled
// with the user's email, and the claims it carries. Times are whole seconds, as they
// are in the token.
func (t *Tokens) Issue(userID, sessionID, email string) (string, Claims, error) {
	if !ids.ValidFor(ids.User, userID) || !ids.ValidFor(ids.Session, sessionID) {
		return "", Claims{}, errors.New("identity: issue: malformed user or session id")
	}
	return t.sign(Claims{UserID: userID, SessionID: sessionID, Label: email}, func(b *jwt.Builder) *jwt.Builder {
		return labelled(b.Subject(userID).Claim(sessionClaim, sessionID), email)
	})
}

// labelled adds the label claim when there is one.
func labelled(b *jwt.Builder, label string) *jwt.Builder {
	if label == "" {
		return b
	}
	return b.Claim(labelClaim, label)
}

// IssueService returns a signed token of a service account of tenantID, holding
// scopes, for its secret version, labelled with the account's name, and the claims it
// carries.
func (t *Tokens) IssueService(accountID, tenantID, name string, scopes []string, version int) (string, Claims, error) {
	if !ids.ValidFor(ids.ServiceAccount, accountID) || !ids.ValidFor(ids.Tenant, tenantID) || len(scopes) == 0 || version < 1 {
		return "", Claims{}, errors.New("identity: issue: malformed service account claims")
	}
	c := Claims{ServiceAccountID: accountID, TenantID: tenantID, Scopes: scopes, SecretVersion: version, SessionID: ServiceSession(accountID, version), Label: name}
	return t.sign(c, func(b *jwt.Builder) *jwt.Builder {
		return labelled(b.Subject(accountID).Claim(tenantClaim, tenantID).Claim(scopeClaim, strings.Join(scopes, " ")).Claim(versionClaim, version), name)
	})
}

// sign completes claims with the registered ones and signs them; subject adds the
// token kind's own.
func (t *Tokens) sign(claims Claims, subject func(*jwt.Builder) *jwt.Builder) (string, Claims, error) {
	key := t.keys.SigningKey()
	if key == nil {
		return "", Claims{}, errors.New("identity: issue: no signing key")
	}
	jti, err := newTokenID()
	if err != nil {
		return "", Claims{}, err
	}
	now := t.cfg.Now().UTC().Truncate(time.Second)
	claims.TokenID, claims.IssuedAt, claims.ExpiresAt = jti, now, now.Add(t.cfg.TTL)
	tok, err := subject(jwt.NewBuilder().
		Issuer(t.cfg.Issuer).
		Audience([]string{t.cfg.Audience}).
		IssuedAt(now).
		NotBefore(now).
		Expiration(claims.ExpiresAt).
		JwtID(jti)).
		Build()
	if err != nil {
		return "", Claims{}, fmt.Errorf("identity: issue: building token: %w", err)
	}
	// The key's kid is copied into the protected header by jws.
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.EdDSA, key))
	if err != nil {
		return "", Claims{}, fmt.Errorf("identity: issue: signing token: %w", err)
	}
	return string(signed), claims, nil
}

// Verify checks token's signature, format and claims and returns its claims. Every
// failure is an UNAUTHENTICATED *apperr.Error whose message never contains the token:
// "token expired" when only the expiry is wrong, "invalid token" otherwise.
func (t *Tokens) Verify(token string) (Claims, error) {
	if t.cache != nil {
		if claims, ok := t.cache.get(token, t.cfg.Now(), t.cfg.Skew); ok {
			return claims, nil
		}
	}
	claims, err := t.verify(token)
	if err == nil && t.cache != nil {
		t.cache.put(token, claims, t.cfg.Now())
	}
	return claims, err
}

// verify is the full check behind Verify's cache.
func (t *Tokens) verify(token string) (Claims, error) {
	if len(token) > maxTokenLength || !isCompactJWS(token) {
		return Claims{}, errInvalidToken()
	}
	tok, err := jwt.ParseString(token,
		jwt.WithKeyProvider(jws.KeyProviderFunc(t.fetchKey)),
		jwt.WithPedantic(true),
		jwt.WithValidate(true),
		jwt.WithClock(jwt.ClockFunc(t.cfg.Now)),
		jwt.WithAcceptableSkew(t.cfg.Skew),
		jwt.WithIssuer(t.cfg.Issuer),
		jwt.WithAudience(t.cfg.Audience),
		jwt.WithRequiredClaim(jwt.ExpirationKey),
		jwt.WithRequiredClaim(jwt.IssuedAtKey),
		jwt.WithRequiredClaim(jwt.SubjectKey),
		jwt.WithRequiredClaim(jwt.JwtIDKey),
	)
	if err != nil {
		if errors.Is(err, jwt.ErrTokenExpired()) {
			return Claims{}, apperr.E(apperr.Unauthenticated, "token expired")
		}
		return Claims{}, errInvalidToken()
	}
	claims := Claims{TokenID: tok.JwtID(), IssuedAt: tok.IssuedAt().UTC(), ExpiresAt: tok.Expiration().UTC(), Label: stringClaim(tok, labelClaim)}
	switch sub := tok.Subject(); {
	case ids.ValidFor(ids.User, sub):
		// Every user token belongs to a session, so that ending the session can end it.
		sessionID := stringClaim(tok, sessionClaim)
		if !ids.ValidFor(ids.Session, sessionID) || hasClaim(tok, tenantClaim) || hasClaim(tok, scopeClaim) {
			return Claims{}, errInvalidToken()
		}
		claims.UserID, claims.SessionID = sub, sessionID
	case ids.ValidFor(ids.ServiceAccount, sub):
		tenantID, scopes := stringClaim(tok, tenantClaim), strings.Fields(stringClaim(tok, scopeClaim))
		v, _ := tok.Get(versionClaim)
		version, ok := v.(float64) // JSON numbers
		if !ids.ValidFor(ids.Tenant, tenantID) || len(scopes) == 0 || !ok || version < 1 || version != float64(int(version)) || hasClaim(tok, sessionClaim) {
			return Claims{}, errInvalidToken()
		}
		claims.ServiceAccountID, claims.TenantID, claims.Scopes, claims.SecretVersion = sub, tenantID, scopes, int(version)
		claims.SessionID = ServiceSession(sub, int(version))
	default:
		return Claims{}, errInvalidToken()
	}
	return claims, nil
}

// stringClaim is a private claim's string value, "" when absent or not a string.
func stringClaim(tok jwt.Token, name string) string {
	v, _ := tok.Get(name)
	s, _ := v.(string)
	return s
}

func hasClaim(tok jwt.Token, name string) bool {
	_, ok := tok.Get(name)
	return ok
}

// fetchKey is the only source of verification keys. It pins the algorithm to EdDSA
// whatever the header claims, requires a kid naming one of PublicKeys, and hands jws the
// raw Ed25519 public key, so no header field (jwk, jku, x5c, a symmetric "k") can
// substitute key material.
func (t *Tokens) fetchKey(_ context.Context, sink jws.KeySink, sig *jws.Signature, _ *jws.Message) error {
	hdr := sig.ProtectedHeaders()
	if hdr.Algorithm() != jwa.EdDSA {
		return errors.New("algorithm not allowed")
	}
	kid := hdr.KeyID()
	if kid == "" || len(kid) > maxKidLength {
		return errors.New("missing or oversized kid")
	}
	set := t.keys.PublicKeys()
	if set == nil {
		return errors.New("no verification keys")
	}
	key, ok := set.LookupKeyID(kid)
	if !ok {
		return errors.New("unknown kid")
	}
	pub, err := ed25519Public(key)
	if err != nil {
		return err
	}
	sink.Key(jwa.EdDSA, pub)
	return nil
}

// ed25519Public returns key's raw Ed25519 public key, refusing every other key type.
func ed25519Public(key jwk.Key) (ed25519.PublicKey, error) {
	if key.KeyType() != jwa.OKP {
		return nil, errors.New("verification key is not an OKP key")
	}
	pubJWK, err := key.PublicKey()
	if err != nil {
		return nil, errors.New("verification key has no public half")
	}
	var pub ed25519.PublicKey
	if err := pubJWK.Raw(&pub); err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, errors.New("verification key is not Ed25519")
	}
	return pub, nil
}

// isCompactJWS reports whether s has the shape header.payload.signature with three
// non-empty base64url segments. It turns away JSON serialization, unsigned tokens and
// JWE (five segments) before the parser sees them.
func isCompactJWS(s string) bool {
	segments := strings.Split(s, ".")
	if len(segments) != 3 {
		return false
	}
	for _, seg := range segments {
		if seg == "" || strings.TrimLeft(seg, base64URLAlphabet) != "" {
			return false
		}
	}
	return true
}

const base64URLAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func errInvalidToken() error { return apperr.E(apperr.Unauthenticated, "invalid token") }

// newTokenID returns 128 random bits, base64url without padding.
func newTokenID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("identity: reading token id: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
