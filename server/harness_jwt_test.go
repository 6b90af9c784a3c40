package main

import (
	"crypto"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
)

// jwtKey is a server's signing key and the kid it signs under: what the JWT attack tests,
// over HTTP and websockets, forge their tokens with.
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
		"sid": "ss_" + randomHex(8),
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

// jwtPayload is claims as a JWS payload.
func jwtPayload(t *testing.T, claims map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jwtHeaders are the protected headers of a JWT signed under kid ("" for none).
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

// jwtSignHeaders signs claims with EdDSA and the given protected headers.
func jwtSignHeaders(t *testing.T, key ed25519.PrivateKey, hdrs map[string]any, claims map[string]any) string {
	t.Helper()
	h := jws.NewHeaders()
	for k, v := range hdrs {
		if err := h.Set(k, v); err != nil {
			t.Fatalf("header %s: %v", k, err)
		}
	}
	signed, err := jws.Sign(jwtPayload(t, claims), jws.WithKey(jwa.EdDSA, key, jws.WithProtectedHeaders(h)))
	if err != nil {
		t.Fatal(err)
	}
	return string(signed)
}

// jwtUnsigned is an alg-none token: header and claims with an empty signature.
func jwtUnsigned(header string, claims map[string]any) string {
	payload, _ := json.Marshal(claims)
	return jwtB64(header) + "." + base64.RawURLEncoding.EncodeToString(payload) + "."
}

// jwtB64 is s as a base64url token segment.
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
