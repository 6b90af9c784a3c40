package identity

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

func serveJWKS(t *testing.T, tokens *Tokens, method string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	tokens.JWKSHandler().ServeHTTP(rec, httptest.NewRequest(method, "/.well-known/jwks.json", nil))
	return rec
}

// jwksMembers decodes a JWKS body into its keys' raw members.
func jwksMembers(t *testing.T, body []byte) []map[string]any {
	t.Helper()
	var doc struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("JWKS body is not JSON: %v\n%s", err, body)
	}
	return doc.Keys
}

func TestJWKSHandlerGet(t *testing.T) {
	f := newFixture(t, mustGeneratePEM(t))
	rec := serveJWKS(t, f.tokens, http.MethodGet)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d; want 200", rec.Code)
	}
	if got := rec.Header().Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type %q", got)
	}
	if got := rec.Header().Get("Cache-Control"); got != "public, max-age=300" {
		t.Errorf("Cache-Control %q", got)
	}
	keys := jwksMembers(t, rec.Body.Bytes())
	if len(keys) != 2 {
		t.Fatalf("%d keys published; want current and previous", len(keys))
	}
	want := map[string]any{"kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig"}
	for _, k := range keys {
		for name, v := range want {
			if k[name] != v {
				t.Errorf("key %v: %s = %v; want %v", k["kid"], name, k[name], v)
			}
		}
		if kid, _ := k["kid"].(string); kid == "" {
			t.Errorf("key without kid: %v", k)
		}
		if _, ok := k["d"]; ok {
			t.Errorf("key %v publishes private member d", k["kid"])
		}
	}
	if keys[0]["kid"] != f.kid {
		t.Errorf("first key kid %v; want the signing key %q", keys[0]["kid"], f.kid)
	}
}

// TestJWKSVerifiesIssuedTokens checks that a third party holding only the published set
// can verify our tokens.
func TestJWKSVerifiesIssuedTokens(t *testing.T) {
	f := newFixture(t)
	token, _, err := f.tokens.Issue("u_alice", "ss_alice", "alice@example.com")
	if err != nil {
		t.Fatal(err)
	}
	set, err := jwk.Parse(serveJWKS(t, f.tokens, http.MethodGet).Body.Bytes())
	if err != nil {
		t.Fatalf("jwk.Parse: %v", err)
	}
	_, err = jwt.ParseString(token, jwt.WithKeySet(set), jwt.WithClock(jwt.ClockFunc(func() time.Time { return f.now })))
	if err != nil {
		t.Errorf("token does not verify against the published JWKS: %v", err)
	}
}

// leakyKeys puts private keys in PublicKeys, as a buggy Keys implementation might.
type leakyKeys struct{ *StaticKeys }

func (k leakyKeys) PublicKeys() jwk.Set {
	set := jwk.NewSet()
	_ = set.AddKey(k.SigningKey())
	return set
}

func TestJWKSNeverPublishesPrivateKeys(t *testing.T) {
	keys := mustParseKeys(t, mustGeneratePEM(t))
	leaked, err := json.Marshal(leakyKeys{keys}.PublicKeys())
	if err != nil {
		t.Fatal(err)
	}
	if members := jwksMembers(t, leaked); len(members) != 1 || members[0]["d"] == nil {
		t.Fatalf("control: leakyKeys should expose d, got %s", leaked)
	}
	tokens, err := NewTokens(leakyKeys{keys}, TokenConfig{Issuer: testIssuer, Audience: testAudience})
	if err != nil {
		t.Fatal(err)
	}
	rec := serveJWKS(t, tokens, http.MethodGet)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	for _, k := range jwksMembers(t, rec.Body.Bytes()) {
		if _, ok := k["d"]; ok {
			t.Fatalf("private member d published: %v", k)
		}
	}
}

func TestJWKSHandlerMethods(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		method   string
		status   int
		wantBody bool
	}{
		{http.MethodGet, http.StatusOK, true},
		{http.MethodHead, http.StatusOK, false},
		{http.MethodPost, http.StatusMethodNotAllowed, false},
		{http.MethodPut, http.StatusMethodNotAllowed, false},
		{http.MethodDelete, http.StatusMethodNotAllowed, false},
		{http.MethodOptions, http.StatusMethodNotAllowed, false},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			rec := serveJWKS(t, f.tokens, tt.method)
			if rec.Code != tt.status {
				t.Fatalf("status %d; want %d", rec.Code, tt.status)
			}
			if tt.status == http.StatusMethodNotAllowed {
				if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
					t.Errorf("Allow %q", got)
				}
				return
			}
			if gotBody := rec.Body.Len() > 0; gotBody != tt.wantBody {
				t.Errorf("body present = %v; want %v", gotBody, tt.wantBody)
			}
			if rec.Header().Get("Content-Length") == "" {
				t.Error("no Content-Length")
			}
		})
	}
}
