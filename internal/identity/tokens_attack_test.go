package identity

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
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

// TestTokensVerifyAttacks feeds Verify tokens an attacker could present. Only the
// within-skew case is meant to pass; everything else must be UNAUTHENTICATED.
func TestTokensVerifyAttacks(t *testing.T) {
	f := newFixture(t)
	now := f.now
	pub := f.priv.Public().(ed25519.PublicKey)
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
	_, otherEd, _ := ed25519.GenerateKey(rand.Reader)
	otherRSA, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	otherEC, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	withKid := map[string]any{"kid": f.kid}
	valid := f.ours(t, nil)
	segs := strings.Split(valid, ".")
	hs256 := func(secret []byte) string {
		return sign(t, jwa.HS256, secret, withKid, f.claims(nil))
	}

	tests := []struct {
		name   string
		token  string
		accept bool
	}{
		{"Valid", valid, true},
		{"ExpiredWithinSkew", f.ours(t, map[string]any{"exp": now.Add(-10 * time.Second).Unix()}), true},

		{"AlgNone", b64url(`{"alg":"none","kid":"`+f.kid+`"}`) + "." + segs[1] + ".", false},
		{"AlgNoneWithSignature", b64url(`{"alg":"none","kid":"`+f.kid+`"}`) + "." + segs[1] + "." + segs[2], false},
		{"AlgNoneLowercaseTyp", b64url(`{"alg":"None","typ":"jwt"}`) + "." + segs[1] + ".", false},
		{"HS256PublicKeyRaw", hs256(pub), false},
		{"HS256PublicKeyPEM", hs256(pubPEM), false},
		{"HS256PublicKeyDER", hs256(pubDER), false},
		{"EdDSAHeaderSwappedToHS256", b64url(`{"alg":"HS256","kid":"`+f.kid+`"}`) + "." + segs[1] + "." + segs[2], false},
		{"HeaderSaysHS256SignedEdDSA", rawEdDSA(t, f.priv, `{"alg":"HS256","kid":"`+f.kid+`"}`, segs[1]), false},
		{"HeaderSaysNoneSignedEdDSA", rawEdDSA(t, f.priv, `{"alg":"none","kid":"`+f.kid+`"}`, segs[1]), false},
		{"HeaderSaysRS256SignedEdDSA", rawEdDSA(t, f.priv, `{"alg":"RS256","kid":"`+f.kid+`"}`, segs[1]), false},
		{"HeaderWithoutAlgSignedEdDSA", rawEdDSA(t, f.priv, `{"kid":"`+f.kid+`"}`, segs[1]), false},
		{"HeaderJSONOnlySignedEdDSA", rawEdDSA(t, f.priv, `{"alg":"EdDSA","kid":"`+f.kid+`"}`, segs[1]), true},
		{"TamperedPayload", segs[0] + "." + tamperedPayload(t, segs[1]) + "." + segs[2], false},
		{"TamperedSignature", segs[0] + "." + segs[1] + "." + flipBit(t, segs[2]), false},
		{"TruncatedSignature", segs[0] + "." + segs[1] + "." + segs[2][:20], false},
		{"ForeignEd25519SameKid", sign(t, jwa.EdDSA, otherEd, withKid, f.claims(nil)), false},
		{"ForeignRS256SameKid", sign(t, jwa.RS256, otherRSA, withKid, f.claims(nil)), false},
		{"ForeignES256SameKid", sign(t, jwa.ES256, otherEC, withKid, f.claims(nil)), false},
		{"EmbeddedJWKHeader", embeddedJWK(t, otherEd, f.claims(nil)), false},
		{"MissingExp", f.ours(t, map[string]any{"exp": nil}), false},
		{"MissingIat", f.ours(t, map[string]any{"iat": nil}), false},
		{"MissingSub", f.ours(t, map[string]any{"sub": nil}), false},
		{"MissingJti", f.ours(t, map[string]any{"jti": nil}), false},
		{"MissingSid", f.ours(t, map[string]any{"sid": nil}), false},
		{"SidNotASession", f.ours(t, map[string]any{"sid": "u_alice"}), false},
		{"SidNotAString", f.ours(t, map[string]any{"sid": 7}), false},
		{"ExpiredBeyondSkew", f.ours(t, map[string]any{"exp": now.Add(-time.Minute).Unix()}), false},
		{"NbfBeyondSkew", f.ours(t, map[string]any{"nbf": now.Add(2 * time.Minute).Unix()}), false},
		{"IatInFuture", f.ours(t, map[string]any{"iat": now.Add(2 * time.Minute).Unix()}), false},
		{"WrongIssuer", f.ours(t, map[string]any{"iss": "northstar-evil"}), false},
		{"IssuerCase", f.ours(t, map[string]any{"iss": "Northstar"}), false},
		{"MissingIssuer", f.ours(t, map[string]any{"iss": nil}), false},
		{"WrongAudience", f.ours(t, map[string]any{"aud": []string{"northstar-admin"}}), false},
		{"AudiencePrefix", f.ours(t, map[string]any{"aud": "northstar-api-v2"}), false},
		{"MissingAudience", f.ours(t, map[string]any{"aud": nil}), false},
		{"UnknownKid", sign(t, jwa.EdDSA, f.priv, map[string]any{"kid": "not-a-known-key"}, f.claims(nil)), false},
		{"MissingKid", sign(t, jwa.EdDSA, f.priv, nil, f.claims(nil)), false},
		{"HostileKid10KB", sign(t, jwa.EdDSA, f.priv, map[string]any{"kid": strings.Repeat("A", 10<<10)}, f.claims(nil)), false},
		{"HostileKid5KB", sign(t, jwa.EdDSA, f.priv, map[string]any{"kid": f.kid + strings.Repeat("/", 5<<10)}, f.claims(nil)), false},
		{"HostileKidPath", sign(t, jwa.EdDSA, f.priv, map[string]any{"kid": "../../../../etc/passwd"}, f.claims(nil)), false},
		{"HostileKidControl", sign(t, jwa.EdDSA, f.priv, map[string]any{"kid": f.kid + "\x00\n"}, f.claims(nil)), false},
		{"KidNotString", b64url(`{"alg":"EdDSA","kid":123}`) + "." + segs[1] + "." + segs[2], false},
		{"JSONFlattened", jsonSerialized(t, f, false), false},
		{"JSONGeneral", jsonSerialized(t, f, true), false},
		{"Empty", "", false},
		{"Garbage", "garbage", false},
		{"ThreeDots", "..", false},
		{"NotBase64", "a!.b!.c!", false},
		{"Whitespace", " " + valid, false},
		{"BearerPrefix", "Bearer " + valid, false},
		{"FiveSegmentsJWE", valid + ".a.b", false},
		{"NestedSignedToken", nestedToken(t, f, valid), false},
		{"Oversized9KiB", f.ours(t, map[string]any{"pad": strings.Repeat("x", 9<<10)}), false},
		{"SubNotUserID", f.ours(t, map[string]any{"sub": "admin"}), false},
		{"SubTenantID", f.ours(t, map[string]any{"sub": "t_system"}), false},
		{"SubPathTraversal", f.ours(t, map[string]any{"sub": "u_../../x"}), false},
		{"SubUppercase", f.ours(t, map[string]any{"sub": "u_ALICE"}), false},
		{"SubTooLong", f.ours(t, map[string]any{"sub": "u_" + strings.Repeat("a", 63)}), false},
		{"SubNotString", f.ours(t, map[string]any{"sub": 42}), false},
		{"ExpNotNumber", f.ours(t, map[string]any{"exp": "tomorrow"}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			claims, err := f.tokens.Verify(tt.token)
			if tt.accept {
				if err != nil {
					t.Fatalf("Verify: %v; want success", err)
				}
				if claims.UserID != "u_alice" {
					t.Errorf("UserID = %q", claims.UserID)
				}
				return
			}
			if err == nil {
				t.Fatalf("Verify accepted the token: %+v", claims)
			}
			assertUnauthenticated(t, tt.token, err)
		})
	}
}

func TestTokensVerifyExpiredMessage(t *testing.T) {
	f := newFixture(t)
	_, err := f.tokens.Verify(f.ours(t, map[string]any{"exp": f.now.Add(-time.Hour).Unix()}))
	assertUnauthenticated(t, "", err)
	if err.Error() != "UNAUTHENTICATED: token expired" {
		t.Errorf("err = %q; want the expiry message", err)
	}
}

// rawEdDSA signs header.payload with priv directly, so the header can claim anything
// while the signature is a genuine Ed25519 signature by the real key.
func rawEdDSA(t *testing.T, priv ed25519.PrivateKey, header, payloadSeg string) string {
	t.Helper()
	input := b64url(header) + "." + payloadSeg
	return input + "." + base64.RawURLEncoding.EncodeToString(ed25519.Sign(priv, []byte(input)))
}

// tamperedPayload decodes a payload segment, changes the subject and re-encodes it.
func tamperedPayload(t *testing.T, seg string) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	c["sub"] = "u_mallory"
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(out)
}

func flipBit(t *testing.T, seg string) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		t.Fatal(err)
	}
	raw[len(raw)/2] ^= 0x01
	return base64.RawURLEncoding.EncodeToString(raw)
}

// embeddedJWK signs with the attacker's key and ships that key in the "jwk" header,
// hoping the verifier trusts keys found in the token.
func embeddedJWK(t *testing.T, priv ed25519.PrivateKey, claims map[string]any) string {
	t.Helper()
	pubJWK, err := jwk.FromRaw(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return sign(t, jwa.EdDSA, priv, map[string]any{"jwk": pubJWK, "kid": "attacker"}, claims)
}

// jsonSerialized is a token validly signed by the real key, in JWS JSON serialization:
// flattened as jws emits it for one signature, or rewritten into the general form.
func jsonSerialized(t *testing.T, f *fixture, general bool) string {
	t.Helper()
	tok := sign(t, jwa.EdDSA, f.priv, map[string]any{"kid": f.kid}, f.claims(nil), jws.WithJSON())
	if !general {
		return tok
	}
	var flat struct {
		Payload   string `json:"payload"`
		Protected string `json:"protected"`
		Signature string `json:"signature"`
	}
	if err := json.Unmarshal([]byte(tok), &flat); err != nil || flat.Signature == "" {
		t.Fatalf("jws.WithJSON did not give the flattened form: %s", tok)
	}
	out, err := json.Marshal(map[string]any{
		"payload":    flat.Payload,
		"signatures": []map[string]string{{"protected": flat.Protected, "signature": flat.Signature}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// nestedToken signs (with the real key) a JWS whose payload is another valid token.
func nestedToken(t *testing.T, f *fixture, inner string) string {
	t.Helper()
	h := jws.NewHeaders()
	if err := h.Set(jws.KeyIDKey, f.kid); err != nil {
		t.Fatal(err)
	}
	out, err := jws.Sign([]byte(inner), jws.WithKey(jwa.EdDSA, f.priv, jws.WithProtectedHeaders(h)))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
