package main

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
)

// TestJWTAttacks presents forged, tampered and misissued tokens to a real server over
// HTTP. Every one must be UNAUTHENTICATED with no data; a token signed correctly with the
// server's key is the control that shows the forgeries fail for the reason named.
func TestJWTAttacks(t *testing.T) {
	ts := newServer(t)
	ann, bob := ts.signup(t, "ann"), ts.signup(t, "bob")
	key := jwtServerKey(t, ts)
	now := time.Now()
	_, foreign, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub := key.priv.Public().(ed25519.PublicKey)
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
	claims := func(mods map[string]any) map[string]any { return jwtClaims(ann.UserID, now, mods) }
	issued := strings.Split(ann.Token, ".")
	if len(issued) != 3 {
		t.Fatalf("the server issued %q, want a compact JWS", ann.Token)
	}

	t.Run("Valid/SignedWithServerKey", func(t *testing.T) {
		r := ts.gql(t, bearer(jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(nil))), `{ me { id } }`, nil)
		var out struct{ Me struct{ ID string } }
		r.decode(t, &out)
		if out.Me.ID != ann.UserID {
			t.Fatalf("me.id = %q, want %q", out.Me.ID, ann.UserID)
		}
	})
	t.Run("Valid/IssuedByServer", func(t *testing.T) {
		var out struct{ Me struct{ ID string } }
		ts.gql(t, bearer(ann.Token), `{ me { id } }`, nil).decode(t, &out)
		if out.Me.ID != ann.UserID {
			t.Fatalf("me.id = %q, want %q", out.Me.ID, ann.UserID)
		}
	})
	t.Run("Valid/KidIsPublished", func(t *testing.T) {
		res, body := trDo(t, ts, trRequest(t, http.MethodGet, ts.URL+"/.well-known/jwks.json", "", nil))
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `"kid":"`+key.kid+`"`) {
			t.Fatalf("JWKS %d %s does not list kid %s", res.StatusCode, body, key.kid)
		}
	})

	cases := []struct {
		name  string
		token string
	}{
		{"AlgNone", jwtUnsigned(`{"alg":"none","typ":"JWT","kid":"`+key.kid+`"}`, claims(nil))},
		{"AlgNoneKeepingSignature", jwtB64(`{"alg":"none","kid":"`+key.kid+`"}`) + "." + issued[1] + "." + issued[2]},
		{"TamperedPayload", issued[0] + "." + jwtRetargeted(t, issued[1], bob.UserID) + "." + issued[2]},
		{"TamperedSignature", issued[0] + "." + issued[1] + "." + jwtFlipped(t, issued[2])},
		{"StrippedSignature", issued[0] + "." + issued[1] + "."},
		{"ForeignKeyServerKid", jwtSign(t, jwa.EdDSA, foreign, key.kid, claims(nil))},
		{"HS256PublicKeyRaw", jwtSign(t, jwa.HS256, []byte(pub), key.kid, claims(nil))},
		{"HS256PublicKeyPEM", jwtSign(t, jwa.HS256, pubPEM, key.kid, claims(nil))},
		{"UnknownKid", jwtSign(t, jwa.EdDSA, key.priv, "not-a-kid", claims(nil))},
		{"NoKid", jwtSign(t, jwa.EdDSA, key.priv, "", claims(nil))},
		{"Expired", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{
			"iat": now.Add(-2 * time.Hour).Unix(), "nbf": now.Add(-2 * time.Hour).Unix(), "exp": now.Add(-time.Hour).Unix()}))},
		{"WrongAudience", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"aud": []string{"other-api"}}))},
		{"NoAudience", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"aud": nil}))},
		{"WrongIssuer", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"iss": "not-northstar"}))},
		{"NotYetValid", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"nbf": now.Add(time.Hour).Unix()}))},
		{"MissingExp", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"exp": nil}))},
		{"MalformedSubject", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"sub": "../u_x"}))},
		{"JSONSerialization", jwtSignJSON(t, key.priv, key.kid, claims(nil))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ts.gql(t, bearer(c.token), `{ me { id } }`, nil)
			expectError(t, r, "UNAUTHENTICATED", http.StatusUnauthorized)
			if strings.Contains(r.Errors[0].Message, c.token) {
				t.Fatal("the error echoes the token")
			}
		})
	}
}

// TestJWTOtherServer checks that tokens from one deployment (its own project and key) are
// refused by another.
func TestJWTOtherServer(t *testing.T) {
	a, b := newServer(t), newServer(t)
	annA, bobB := a.signup(t, "ann"), b.signup(t, "bob")
	keyA, keyB := jwtServerKey(t, a), jwtServerKey(t, b)
	now := time.Now()

	cases := []struct {
		name, token string
		accept      bool
	}{
		{"IssuedByA", annA.Token, false},
		{"SignedWithKeyAForUserOfB", jwtSign(t, jwa.EdDSA, keyA.priv, keyA.kid, jwtClaims(bobB.UserID, now, nil)), false},
		{"SignedWithKeyAUnderKidOfB", jwtSign(t, jwa.EdDSA, keyA.priv, keyB.kid, jwtClaims(bobB.UserID, now, nil)), false},
		{"Control/SignedWithKeyB", jwtSign(t, jwa.EdDSA, keyB.priv, keyB.kid, jwtClaims(bobB.UserID, now, nil)), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := b.gql(t, bearer(c.token), `{ me { id } }`, nil)
			if !c.accept {
				expectError(t, r, "UNAUTHENTICATED", http.StatusUnauthorized)
				return
			}
			var out struct{ Me struct{ ID string } }
			r.decode(t, &out)
			if out.Me.ID != bobB.UserID {
				t.Fatalf("me.id = %q, want %q", out.Me.ID, bobB.UserID)
			}
		})
	}
}

// jwtKey is a server's signing key and the kid it signs under.
type jwtKey struct {
	priv ed25519.PrivateKey
	kid  string
}

// jwtServerKey reads ts's PEM signing key and derives its kid the way the server does:
// the base64url RFC 7638 SHA-256 thumbprint of the key.
func jwtServerKey(t *testing.T, ts *testServer) jwtKey {
	t.Helper()
	block, _ := pem.Decode(ts.keyPEM)
	if block == nil {
		t.Fatal("the server key is not PEM")
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	priv, ok := parsed.(ed25519.PrivateKey)
	if !ok {
		t.Fatalf("the server key is %T, want Ed25519", parsed)
	}
	k, err := jwk.FromRaw(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	thumb, err := k.Thumbprint(crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	return jwtKey{priv: priv, kid: base64.RawURLEncoding.EncodeToString(thumb)}
}

// jwtClaims are the claims of a well-formed token for sub; mods replace claims, and a
// nil value removes one.
func jwtClaims(sub string, now time.Time, mods map[string]any) map[string]any {
	c := map[string]any{
		"iss": "northstar",
		"aud": []string{"northstar-api"},
		"sub": sub,
		"iat": now.Unix(),
		"nbf": now.Unix(),
		"exp": now.Add(time.Hour).Unix(),
		"jti": randomHex(16),
	}
	for k, v := range mods {
		if v == nil {
			delete(c, k)
			continue
		}
		c[k] = v
	}
	return c
}

func jwtPayload(t *testing.T, claims map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jwtHeaders(t *testing.T, kid string) jws.Headers {
	t.Helper()
	h := jws.NewHeaders()
	if err := h.Set(jws.TypeKey, "JWT"); err != nil {
		t.Fatal(err)
	}
	if kid != "" {
		if err := h.Set(jws.KeyIDKey, kid); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

// jwtSign signs claims as a compact JWS with alg, key and kid ("" for none).
func jwtSign(t *testing.T, alg jwa.SignatureAlgorithm, key any, kid string, claims map[string]any) string {
	t.Helper()
	signed, err := jws.Sign(jwtPayload(t, claims), jws.WithKey(alg, key, jws.WithProtectedHeaders(jwtHeaders(t, kid))))
	if err != nil {
		t.Fatal(err)
	}
	return string(signed)
}

// jwtSignJSON signs claims correctly but in the JWS JSON serialization.
func jwtSignJSON(t *testing.T, key ed25519.PrivateKey, kid string, claims map[string]any) string {
	t.Helper()
	signed, err := jws.Sign(jwtPayload(t, claims), jws.WithJSON(),
		jws.WithKey(jwa.EdDSA, key, jws.WithProtectedHeaders(jwtHeaders(t, kid))))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(string(signed)), "{") {
		t.Fatalf("jws.WithJSON gave %q, want JSON", signed)
	}
	return string(signed)
}

// jwtUnsigned is an alg-none token: header and claims with an empty signature.
func jwtUnsigned(header string, claims map[string]any) string {
	payload, _ := json.Marshal(claims)
	return jwtB64(header) + "." + base64.RawURLEncoding.EncodeToString(payload) + "."
}

func jwtB64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// jwtRetargeted returns the payload segment with its subject changed to sub.
func jwtRetargeted(t *testing.T, segment, sub string) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(segment)
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatal(err)
	}
	claims["sub"] = sub
	return base64.RawURLEncoding.EncodeToString(jwtPayload(t, claims))
}

// jwtFlipped returns the signature segment with one bit of its first byte flipped.
func jwtFlipped(t *testing.T, segment string) string {
	t.Helper()
	sig, err := base64.RawURLEncoding.DecodeString(segment)
	if err != nil {
		t.Fatal(err)
	}
	sig[0] ^= 0x01
	return base64.RawURLEncoding.EncodeToString(sig)
}
