package identity

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jws"

	"github.com/northstar/northstar/internal/apperr"
)

const (
	testIssuer   = "northstar"
	testAudience = "northstar-api"
)

// fixture is a Tokens with a fixed clock and the raw signing key, so tests can mint
// tokens the way an attacker or a buggy issuer would.
type fixture struct {
	now    time.Time
	keys   *StaticKeys
	tokens *Tokens
	priv   ed25519.PrivateKey
	kid    string
}

func newFixture(t testing.TB, extraPEMs ...[]byte) *fixture {
	t.Helper()
	f := &fixture{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	f.keys = mustParseKeys(t, append([][]byte{mustGeneratePEM(t)}, extraPEMs...)...)
	var err error
	f.tokens, err = NewTokens(f.keys, TokenConfig{
		Issuer:   testIssuer,
		Audience: testAudience,
		Now:      func() time.Time { return f.now },
	})
	if err != nil {
		t.Fatalf("NewTokens: %v", err)
	}
	if err := f.keys.SigningKey().Raw(&f.priv); err != nil {
		t.Fatalf("raw signing key: %v", err)
	}
	f.kid = f.keys.SigningKey().KeyID()
	return f
}

// claims returns a valid claim set as of f.now, changed by edits (a nil value deletes).
func (f *fixture) claims(edits map[string]any) map[string]any {
	c := map[string]any{
		"iss": testIssuer,
		"aud": []string{testAudience},
		"sub": "u_alice",
		"iat": f.now.Unix(),
		"nbf": f.now.Unix(),
		"exp": f.now.Add(time.Hour).Unix(),
		"jti": "dGVzdC10b2tlbi1pZC0xMjM0",
		"sid": "ss_alice",
	}
	for k, v := range edits {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	return c
}

// sign returns a compact JWS of claims with protected headers hdr, made by key with alg.
// A jwk.Key's own kid would override hdr, so tests pass raw keys.
func sign(t testing.TB, alg jwa.SignatureAlgorithm, key any, hdr, claims map[string]any, opts ...jws.SignOption) string {
	t.Helper()
	payload, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	h := jws.NewHeaders()
	for k, v := range hdr {
		if err := h.Set(k, v); err != nil {
			t.Fatalf("header %s: %v", k, err)
		}
	}
	out, err := jws.Sign(payload, append(opts, jws.WithKey(alg, key, jws.WithProtectedHeaders(h)))...)
	if err != nil {
		t.Fatalf("jws.Sign: %v", err)
	}
	return string(out)
}

// ours signs claims with the real signing key and kid: everything but the claims is valid.
func (f *fixture) ours(t testing.TB, edits map[string]any) string {
	t.Helper()
	return sign(t, jwa.EdDSA, f.priv, map[string]any{"kid": f.kid}, f.claims(edits))
}

func b64url(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func assertUnauthenticated(t *testing.T, token string, err error) {
	t.Helper()
	if apperr.CodeOf(err) != apperr.Unauthenticated {
		t.Fatalf("code = %q (err %v); want %q", apperr.CodeOf(err), err, apperr.Unauthenticated)
	}
	if msg := apperr.MessageOf(err); msg != "invalid token" && msg != "token expired" {
		t.Errorf("message %q is not one of the generic ones", msg)
	}
	if len(token) > 8 && strings.Contains(err.Error(), token) {
		t.Error("error echoes the token")
	}
}

func TestTokensIssueVerifyRoundTrip(t *testing.T) {
	f := newFixture(t)
	token, issued, err := f.tokens.Issue("u_alice", "ss_alice", "alice@example.com")
	if err != nil {
		t.Fatalf("Issue: %v", err)
	}
	if issued.UserID != "u_alice" || issued.SessionID != "ss_alice" || !issued.IssuedAt.Equal(f.now) || issued.ExpiresAt.Sub(issued.IssuedAt) != 15*time.Minute {
		t.Errorf("issued claims %+v", issued)
	}
	if jti, err := base64.RawURLEncoding.DecodeString(issued.TokenID); err != nil || len(jti) != 16 {
		t.Errorf("jti %q is not 128 bits of base64url", issued.TokenID)
	}

	got, err := f.tokens.Verify(token)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if got.UserID != issued.UserID || got.SessionID != issued.SessionID || got.TokenID != issued.TokenID ||
		!got.IssuedAt.Equal(issued.IssuedAt) || !got.ExpiresAt.Equal(issued.ExpiresAt) {
		t.Errorf("Verify = %+v; want %+v", got, issued)
	}

	msg, err := jws.Parse([]byte(token))
	if err != nil {
		t.Fatal(err)
	}
	hdr := msg.Signatures()[0].ProtectedHeaders()
	if hdr.KeyID() != f.kid || hdr.Algorithm() != jwa.EdDSA {
		t.Errorf("header kid=%q alg=%q; want %q, EdDSA", hdr.KeyID(), hdr.Algorithm(), f.kid)
	}
	var claims map[string]any
	if err := json.Unmarshal(msg.Payload(), &claims); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"iss", "aud", "sub", "iat", "nbf", "exp", "jti", "sid"} {
		if _, ok := claims[c]; !ok {
			t.Errorf("claim %q missing from %v", c, claims)
		}
	}

	_, second, _ := f.tokens.Issue("u_alice", "ss_alice", "alice@example.com")
	if second.TokenID == issued.TokenID {
		t.Error("two tokens share a jti")
	}
}

func TestTokensIssueRejectsBadIDs(t *testing.T) {
	f := newFixture(t)
	for _, id := range []string{"", "alice", "t_system", "u_../x", "u_ALICE"} {
		if _, _, err := f.tokens.Issue(id, "ss_alice", ""); err == nil {
			t.Errorf("Issue(%q) succeeded", id)
		}
	}
	for _, sid := range []string{"", "alice", "u_alice", "ss_../x"} {
		if _, _, err := f.tokens.Issue("u_alice", sid, ""); err == nil {
			t.Errorf("Issue with session %q succeeded", sid)
		}
	}
}

func TestTokensRotation(t *testing.T) {
	oldPEM, newPEM := mustGeneratePEM(t), mustGeneratePEM(t)
	cfg := TokenConfig{Issuer: testIssuer, Audience: testAudience}
	before, err := NewTokens(mustParseKeys(t, oldPEM), cfg)
	if err != nil {
		t.Fatal(err)
	}
	after, err := NewTokens(mustParseKeys(t, newPEM, oldPEM), cfg)
	if err != nil {
		t.Fatal(err)
	}
	oldToken, _, err := before.Issue("u_alice", "ss_alice", "alice@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := after.Verify(oldToken); err != nil {
		t.Errorf("token signed by the previous key: %v", err)
	}
	newToken, _, err := after.Issue("u_alice", "ss_alice", "alice@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := before.Verify(newToken); apperr.CodeOf(err) != apperr.Unauthenticated {
		t.Errorf("token signed by a key unknown to the verifier: err = %v", err)
	}
}

func TestNewTokensConfig(t *testing.T) {
	keys := mustParseKeys(t, mustGeneratePEM(t))
	tests := []struct {
		name string
		keys Keys
		cfg  TokenConfig
	}{
		{"NilKeys", nil, TokenConfig{Issuer: testIssuer, Audience: testAudience}},
		{"NilStaticKeys", (*StaticKeys)(nil), TokenConfig{Issuer: testIssuer, Audience: testAudience}},
		{"NoIssuer", keys, TokenConfig{Audience: testAudience}},
		{"NoAudience", keys, TokenConfig{Issuer: testIssuer}},
		{"NegativeTTL", keys, TokenConfig{Issuer: testIssuer, Audience: testAudience, TTL: -time.Second}},
		{"NegativeSkew", keys, TokenConfig{Issuer: testIssuer, Audience: testAudience, Skew: -time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tok, err := NewTokens(tt.keys, tt.cfg); err == nil {
				t.Fatalf("NewTokens = %v; want an error", tok)
			}
		})
	}
}

// BenchmarkTokensVerify is a full verification: the cost of a token not seen before.
func BenchmarkTokensVerify(b *testing.B) {
	f := newFixture(b)
	var err error
	if f.tokens, err = NewTokens(f.keys, TokenConfig{Issuer: testIssuer, Audience: testAudience, Now: func() time.Time { return f.now }, CacheSize: -1}); err != nil {
		b.Fatal(err)
	}
	token, _, err := f.tokens.Issue("u_alice", "ss_alice", "alice@example.com")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := f.tokens.Verify(token); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokensVerifyCached is the common case: a token verified before.
func BenchmarkTokensVerifyCached(b *testing.B) {
	f := newFixture(b)
	token, _, err := f.tokens.Issue("u_alice", "ss_alice", "alice@example.com")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := f.tokens.Verify(token); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.tokens.Verify(token); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTokensVerifyRejectForged(b *testing.B) {
	f := newFixture(b)
	_, other, _ := ed25519.GenerateKey(nil)
	token := sign(b, jwa.EdDSA, other, map[string]any{"kid": f.kid}, f.claims(nil))
	for b.Loop() {
		if _, err := f.tokens.Verify(token); err == nil {
			b.Fatal("forged token accepted")
		}
	}
}

// TestVerifyCache: a cached token stops being accepted when it expires, failures are
// not cached, and a full cache stays bounded.
func TestVerifyCache(t *testing.T) {
	f := newFixture(t)
	token, claims, err := f.tokens.Issue("u_alice", "ss_alice", "alice@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := f.tokens.Verify(token); err != nil || !reflect.DeepEqual(got, claims) {
		t.Fatalf("Verify = %+v, %v", got, err)
	}
	if _, ok := f.tokens.cache.get(token, f.now, time.Minute); !ok {
		t.Fatal("a verified token was not cached")
	}
	f.now = claims.ExpiresAt.Add(2 * time.Minute) // past exp and the 30 s skew
	if _, err := f.tokens.Verify(token); apperr.CodeOf(err) != apperr.Unauthenticated {
		t.Fatalf("expired cached token: err = %v", err)
	}
	if _, err := f.tokens.Verify("garbage"); err == nil {
		t.Fatal("garbage accepted")
	}
	if _, ok := f.tokens.cache.get("garbage", f.now, 0); ok {
		t.Fatal("a failure was cached")
	}

	small := newVerifiedCache(cacheShards) // one entry per shard
	for i := range 1000 {
		small.put(fmt.Sprint(i), claims, f.now)
	}
	n := 0
	for i := range small.shards {
		n += len(small.shards[i].entries)
	}
	if n > cacheShards {
		t.Fatalf("cache holds %d entries, bound %d", n, cacheShards)
	}
}

// TestServiceTokens: a service account's token round-trips its tenant, scopes and secret
// version, whose session key is "<account>:<version>"; tokens mixing a user's and a
// service account's claims, or missing either kind's, are refused.
func TestServiceTokens(t *testing.T) {
	f := newFixture(t)
	token, issued, err := f.tokens.IssueService("sa_bot", "t_acme", "deploy bot", []string{"routes:read", "chat:read"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.tokens.Verify(token)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, issued) || got.UserID != "" || got.SessionID != "sa_bot:3" || got.TenantID != "t_acme" ||
		!reflect.DeepEqual(got.Scopes, []string{"routes:read", "chat:read"}) {
		t.Fatalf("Verify = %+v, issued %+v", got, issued)
	}
	for _, bad := range []struct {
		account, tenant string
		scopes          []string
		version         int
	}{{"u_bot", "t_acme", []string{"x"}, 1}, {"sa_bot", "acme", []string{"x"}, 1}, {"sa_bot", "t_acme", nil, 1}, {"sa_bot", "t_acme", []string{"x"}, 0}} {
		if _, _, err := f.tokens.IssueService(bad.account, bad.tenant, "bot", bad.scopes, bad.version); err == nil {
			t.Errorf("IssueService(%+v) succeeded", bad)
		}
	}
	service := map[string]any{"sub": "sa_bot", "tid": "t_acme", "scope": "routes:read", "ver": 1, "sid": nil}
	with := func(edits map[string]any) map[string]any {
		out := map[string]any{}
		for k, v := range service {
			out[k] = v
		}
		for k, v := range edits {
			out[k] = v
		}
		return out
	}
	if c, err := f.tokens.Verify(f.ours(t, service)); err != nil || c.ServiceAccountID != "sa_bot" || c.SecretVersion != 1 {
		t.Fatalf("a well-formed service token: %+v, %v", c, err)
	}
	for name, claims := range map[string]map[string]any{
		"UserTokenWithTenant":  {"tid": "t_acme"},
		"UserTokenWithScope":   {"scope": "routes:read"},
		"ServiceWithSession":   with(map[string]any{"sid": "ss_x"}),
		"ServiceNoTenant":      with(map[string]any{"tid": nil}),
		"ServiceNoScope":       with(map[string]any{"scope": ""}),
		"ServiceNoVersion":     with(map[string]any{"ver": nil}),
		"ServiceVersionString": with(map[string]any{"ver": "1"}),
		"ServiceVersionZero":   with(map[string]any{"ver": 0}),
		"ServiceVersionFloat":  with(map[string]any{"ver": 1.5}),
		"SubjectNeitherKind":   with(map[string]any{"sub": "t_acme"}),
		"ServiceTenantMalform": with(map[string]any{"tid": "t_../x"}),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.tokens.Verify(f.ours(t, claims))
			assertUnauthenticated(t, "", err)
		})
	}
}
