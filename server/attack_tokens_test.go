package main

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
)

// TestAttackTokenConfusion presents each kind of credential where another is expected:
// refresh tokens as bearer tokens and the reverse, service tokens where a person's is
// needed and as refresh tokens, tokens as client secrets, and tokens signed with the
// server's own key that mix a user's and a service account's claims. Each is refused and
// none ends the session it came from.
func TestAttackTokenConfusion(t *testing.T) {
	ts := newServer(t)
	ann := ts.signupSession(t, "ann")
	bot := ts.createServiceAccount(t, ann.account, "bot", "routes:read")
	service := ts.serviceToken(t, bot)
	refresh := `mutation($r: String!) { refreshSession(refreshToken: $r) { token } }`
	unauthenticated := func(r response) { t.Helper(); expectError(t, r, "UNAUTHENTICATED", http.StatusUnauthorized) }

	t.Run("RefreshTokenAsBearer", func(t *testing.T) {
		unauthenticated(ts.gql(t, bearer(ann.Refresh), `{ me { id } }`, nil))
	})
	t.Run("AccessTokenAsRefreshToken", func(t *testing.T) {
		unauthenticated(ts.gql(t, nil, refresh, map[string]any{"r": ann.Token}))
	})
	t.Run("ServiceTokenAsRefreshToken", func(t *testing.T) {
		unauthenticated(ts.gql(t, nil, refresh, map[string]any{"r": service}))
	})
	t.Run("ServiceTokenWherePeopleSignIn", func(t *testing.T) {
		for _, q := range []string{`{ me { id } }`, `{ sessions { id } }`, `mutation { logout }`} {
			expectError(t, ts.gql(t, asService(service, ann.TenantID), q, nil), "FORBIDDEN", http.StatusForbidden)
		}
	})
	t.Run("TokensAsClientSecrets", func(t *testing.T) {
		for _, secret := range []string{ann.Token, ann.Refresh, service} {
			c := credentials{bot.ClientID, secret}
			expectOAuthError(t, ts.oauthToken(t, &c, url.Values{"grant_type": {"client_credentials"}}), http.StatusUnauthorized, "invalid_client")
		}
	})
	t.Run("MixedClaimsWithTheServerKey", func(t *testing.T) {
		key := jwtServerKey(t, ts)
		now := time.Now()
		for name, claims := range map[string]map[string]any{
			"UserWithTenantAndScope": jwtClaims(ann.UserID, now, map[string]any{"tid": ann.TenantID, "scope": "routes:read"}),
			"ServiceWithSession":     jwtClaims(bot.ClientID, now, map[string]any{"tid": ann.TenantID, "scope": "routes:read", "ver": 1}),
			"ServiceWithoutVersion":  jwtClaims(bot.ClientID, now, map[string]any{"sid": nil, "tid": ann.TenantID, "scope": "routes:read"}),
			"ServiceWithoutTenant":   jwtClaims(bot.ClientID, now, map[string]any{"sid": nil, "scope": "routes:read", "ver": 1}),
		} {
			t.Run(name, func(t *testing.T) {
				unauthenticated(ts.gql(t, asService(jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims), ann.TenantID), `{ routes { resourceKind } }`, nil))
			})
		}
	})
	if r := ts.gql(t, bearer(ann.Token), `{ me { id } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("the attacks ended ann's session: %+v", r.Errors)
	}
	if r := ts.gql(t, asService(service, ann.TenantID), `{ routes { resourceKind } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("the attacks ended the service token: %+v", r.Errors)
	}
}

// TestAttackOAuthTokenBruteForce: guessing a client's secret is limited to 30 failures per
// client id in 15 minutes: the 31st answers 429 with Retry-After, even with the right
// secret, while other clients are unaffected.
func TestAttackOAuthTokenBruteForce(t *testing.T) {
	ts, _ := rateLimitedServer(t)
	ann := ts.signup(t, "ann")
	victim := ts.createServiceAccount(t, ann, "victim", "routes:read")
	other := ts.createServiceAccount(t, ann, "other", "routes:read")
	for i := range 30 {
		guess := credentials{victim.ClientID, fmt.Sprintf("%043d", i)}
		expectOAuthError(t, ts.oauthToken(t, &guess, url.Values{"grant_type": {"client_credentials"}}), http.StatusUnauthorized, "invalid_client")
	}
	r := ts.oauthToken(t, &victim, url.Values{"grant_type": {"client_credentials"}})
	expectOAuthError(t, r, http.StatusTooManyRequests, "rate_limited")
	if ra := r.Header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Fatalf("Retry-After = %q", ra)
	}
	ts.serviceToken(t, other)
}
