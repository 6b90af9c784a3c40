package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
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
		res, body := ts.get(t, "/.well-known/jwks.json")
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
