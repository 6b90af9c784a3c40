package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// credentials are a service account's client id and secret.
type credentials struct{ ClientID, ClientSecret string }

const createAccount = `mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { clientId clientSecret serviceAccount { id tenantId name scopes } } }`

// createServiceAccount creates a service account of a's tenant holding scopes.
func (ts *testServer) createServiceAccount(t *testing.T, a account, name string, scopes ...string) credentials {
	t.Helper()
	var out struct{ CreateServiceAccount credentials }
	ts.gql(t, a.headers(), createAccount, map[string]any{"i": map[string]any{"tenantId": a.TenantID, "name": name, "scopes": scopes}}).decode(t, &out)
	return out.CreateServiceAccount
}

// tokenResponse is /oauth/token's answer, success or error.
type tokenResponse struct {
	Status      int
	Header      http.Header
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// oauthToken posts form to /oauth/token, with Basic credentials when c is not nil.
func (ts *testServer) oauthToken(t *testing.T, c *credentials, form url.Values) tokenResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if c != nil {
		req.SetBasicAuth(url.QueryEscape(c.ClientID), url.QueryEscape(c.ClientSecret))
	}
	res, body := ts.do(t, req)
	out := tokenResponse{Status: res.StatusCode, Header: res.Header}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("HTTP %d: %q is not JSON", res.StatusCode, body)
	}
	return out
}

// serviceToken gets a token for c (all its scopes).
func (ts *testServer) serviceToken(t *testing.T, c credentials) string {
	t.Helper()
	r := ts.oauthToken(t, &c, url.Values{"grant_type": {"client_credentials"}})
	if r.Status != http.StatusOK || r.AccessToken == "" {
		t.Fatalf("token for %s: HTTP %d %s %s", c.ClientID, r.Status, r.Error, r.Description)
	}
	return r.AccessToken
}

func expectOAuthError(t *testing.T, r tokenResponse, status int, code string) {
	t.Helper()
	if r.Status != status || r.Error != code || r.AccessToken != "" {
		t.Fatalf("got HTTP %d %q (%s), want HTTP %d %s", r.Status, r.Error, r.Description, status, code)
	}
	if r.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("Cache-Control = %q, want no-store", r.Header.Get("Cache-Control"))
	}
}

// asService is a service token's headers in tenant (and env).
func asService(token, tenant string) headers {
	return bearer(token).with("X-Tenant-Id", tenant, "X-Env", "staging")
}

// TestServiceAccounts drives service accounts end to end on two replicas.
func TestServiceAccounts(t *testing.T) {
	a := newServer(t)
	b := newServer(t, replicaOf(a))
	sys := a.bootstrap(t)
	ann, bob := a.signup(t, "ann"), a.signup(t, "bob")
	bot := a.createServiceAccount(t, ann, "deployer", "routes:read", "chat:read")
	if !strings.HasPrefix(bot.ClientID, "sa_") || len(bot.ClientSecret) < 43 {
		t.Fatalf("credentials %+v", bot)
	}

	t.Run("ManageAccounts", func(t *testing.T) {
		var out struct {
			ServiceAccounts []struct {
				ID     string
				Scopes []string
			}
		}
		a.gql(t, ann.headers(), `{ serviceAccounts { id scopes } }`, nil).decode(t, &out)
		if len(out.ServiceAccounts) != 1 || out.ServiceAccounts[0].ID != bot.ClientID || len(out.ServiceAccounts[0].Scopes) != 2 {
			t.Fatalf("serviceAccounts = %+v", out.ServiceAccounts)
		}
		expectError(t, a.gql(t, ann.headers(), createAccount, map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "x", "scopes": []string{"admin:all"}}}), "BAD_USER_INPUT", http.StatusBadRequest)
		expectError(t, a.gql(t, ann.headers(), createAccount, map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "x", "scopes": []string{}}}), "BAD_USER_INPUT", http.StatusBadRequest)
		expectError(t, a.gql(t, bob.headers(), `mutation($id: ID!) { deleteServiceAccount(id: $id) }`, map[string]any{"id": bot.ClientID}), "NOT_FOUND", http.StatusNotFound)
		expectError(t, a.gql(t, bob.headers(), `mutation($id: ID!) { rotateServiceAccountSecret(id: $id) { clientId } }`, map[string]any{"id": bot.ClientID}), "NOT_FOUND", http.StatusNotFound)
	})

	t.Run("TokenEndpoint", func(t *testing.T) {
		r := a.oauthToken(t, &bot, url.Values{"grant_type": {"client_credentials"}})
		if r.Status != http.StatusOK || r.TokenType != "Bearer" || r.Scope != "routes:read chat:read" || r.ExpiresIn < 890 || r.ExpiresIn > 900 {
			t.Fatalf("token answer %+v", r)
		}
		if r.Header.Get("Cache-Control") != "no-store" || r.Header.Get("Pragma") != "no-cache" {
			t.Fatalf("token answer headers %v", r.Header)
		}
		inBody := a.oauthToken(t, nil, url.Values{"grant_type": {"client_credentials"}, "client_id": {bot.ClientID}, "client_secret": {bot.ClientSecret}, "scope": {"chat:read"}})
		if inBody.Status != http.StatusOK || inBody.Scope != "chat:read" {
			t.Fatalf("client_secret in the body, one scope: %+v", inBody)
		}
		wrong := credentials{bot.ClientID, strings.Repeat("x", 43)}
		r = a.oauthToken(t, &wrong, url.Values{"grant_type": {"client_credentials"}})
		expectOAuthError(t, r, http.StatusUnauthorized, "invalid_client")
		if !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Basic") {
			t.Fatalf("WWW-Authenticate = %q, want a Basic challenge", r.Header.Get("WWW-Authenticate"))
		}
		unknown := a.oauthToken(t, &credentials{"sa_nobody", bot.ClientSecret}, url.Values{"grant_type": {"client_credentials"}})
		expectOAuthError(t, unknown, http.StatusUnauthorized, "invalid_client")
		if unknown.Description != r.Description {
			t.Fatalf("an unknown client (%q) and a wrong secret (%q) answer differently", unknown.Description, r.Description)
		}
		expectOAuthError(t, a.oauthToken(t, nil, url.Values{"grant_type": {"client_credentials"}}), http.StatusUnauthorized, "invalid_client")
		expectOAuthError(t, a.oauthToken(t, &bot, url.Values{"grant_type": {"password"}}), http.StatusBadRequest, "unsupported_grant_type")
		expectOAuthError(t, a.oauthToken(t, &bot, url.Values{}), http.StatusBadRequest, "invalid_request")
		expectOAuthError(t, a.oauthToken(t, &bot, url.Values{"grant_type": {"client_credentials", "client_credentials"}}), http.StatusBadRequest, "invalid_request")
		expectOAuthError(t, a.oauthToken(t, &bot, url.Values{"grant_type": {"client_credentials"}, "client_id": {bot.ClientID}}), http.StatusBadRequest, "invalid_request")
		expectOAuthError(t, a.oauthToken(t, &bot, url.Values{"grant_type": {"client_credentials"}, "scope": {"chat:write"}}), http.StatusBadRequest, "invalid_scope")
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/oauth/token", strings.NewReader(`{"grant_type":"client_credentials"}`))
		req.Header.Set("Content-Type", "application/json")
		if res, _ := a.do(t, req); res.StatusCode != http.StatusBadRequest {
			t.Fatalf("a JSON body: HTTP %d, want 400", res.StatusCode)
		}
	})

	token := a.serviceToken(t, bot)
	t.Run("Scopes", func(t *testing.T) {
		if r := a.gql(t, asService(token, ann.TenantID), `{ routes { resourceKind } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("routes:read on routes: %+v", r.Errors)
		}
		for _, q := range []string{`{ tenant { id } }`, `{ members { userId } }`, `{ serviceAccounts { id } }`} {
			expectError(t, a.gql(t, asService(token, ann.TenantID), q, nil), "FORBIDDEN", http.StatusForbidden)
		}
		for _, q := range []string{`{ me { id } }`, `{ sessions { id } }`} { // @authenticated: people only
			expectError(t, a.gql(t, asService(token, ann.TenantID), q, nil), "FORBIDDEN", http.StatusForbidden)
		}
		expectError(t, a.gql(t, asService(token, ann.TenantID), `mutation { logout }`, nil), "FORBIDDEN", http.StatusForbidden)
		expectError(t, a.gql(t, asService(token, ann.TenantID), `mutation($r: String!) { refreshSession(refreshToken: $r) { token } }`, map[string]any{"r": token}), "UNAUTHENTICATED", http.StatusUnauthorized)
		expectError(t, a.gql(t, asService(token, bob.TenantID), `{ routes { resourceKind } }`, nil), "FORBIDDEN", http.StatusForbidden)
	})

	t.Run("SystemAccountReadsEveryTenantsRoutes", func(t *testing.T) {
		sysBot := a.createServiceAccount(t, account{Token: sys.Token, TenantID: "t_system"}, "router", "routes:read")
		sysToken := a.serviceToken(t, sysBot)
		for _, tenant := range []string{bob.TenantID, ann.TenantID, "t_system"} {
			if r := a.gql(t, asService(sysToken, tenant), `{ routes { resourceKind } }`, nil); len(r.Errors) > 0 {
				t.Fatalf("a t_system routes:read account in %s: %+v", tenant, r.Errors)
			}
		}
		expectError(t, a.gql(t, asService(sysToken, bob.TenantID), `{ tenant { id } }`, nil), "FORBIDDEN", http.StatusForbidden)
	})

	t.Run("RotateAndDelete", func(t *testing.T) {
		var rotated struct{ RotateServiceAccountSecret credentials }
		a.gql(t, ann.headers(), `mutation($id: ID!) { rotateServiceAccountSecret(id: $id) { clientId clientSecret } }`, map[string]any{"id": bot.ClientID}).decode(t, &rotated)
		next := rotated.RotateServiceAccountSecret
		if next.ClientID != bot.ClientID || next.ClientSecret == bot.ClientSecret {
			t.Fatalf("rotation gave %+v", next)
		}
		expectServiceRefused(t, b, token, ann.TenantID)
		expectOAuthError(t, a.oauthToken(t, &bot, url.Values{"grant_type": {"client_credentials"}}), http.StatusUnauthorized, "invalid_client")
		fresh := b.serviceToken(t, next)
		if r := b.gql(t, asService(fresh, ann.TenantID), `{ routes { resourceKind } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("a token of the new secret: %+v", r.Errors)
		}

		var deleted struct{ DeleteServiceAccount bool }
		a.gql(t, ann.headers(), `mutation($id: ID!) { deleteServiceAccount(id: $id) }`, map[string]any{"id": bot.ClientID}).decode(t, &deleted)
		expectServiceRefused(t, b, fresh, ann.TenantID)
		expectOAuthError(t, a.oauthToken(t, &next, url.Values{"grant_type": {"client_credentials"}}), http.StatusUnauthorized, "invalid_client")
	})
}

// expectServiceRefused waits until ts refuses a service token (401), at most 5 s.
func expectServiceRefused(t *testing.T, ts *testServer, token, tenant string) {
	t.Helper()
	waitForWithin(t, 5*time.Second, func() bool {
		return ts.gql(t, asService(token, tenant), `{ routes { resourceKind } }`, nil).Status == http.StatusUnauthorized
	}, func() string { return "the ended service token is still accepted" })
}

// TestServiceAccountChat: chat:write posts and chat:read reads and subscribes, in the
// account's tenant and a project of it; a chat:read token cannot post.
func TestServiceAccountChat(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	writer := ts.serviceToken(t, ts.createServiceAccount(t, f.owner, "poster", "chat:read", "chat:write"))
	reader := ts.serviceToken(t, ts.createServiceAccount(t, f.owner, "reader", "chat:read"))
	h := func(token string) headers {
		return bearer(token).with("X-Tenant-Id", f.owner.TenantID, "X-Env", ts.main.cfg.Env, "X-Project-Id", f.project)
	}
	post := `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq authorId } }`
	var out struct{ PostMessage struct{ AuthorID string } }
	ts.gql(t, h(writer), post, map[string]any{"i": map[string]any{"threadId": f.thread, "text": "from a service"}}).decode(t, &out)
	if !strings.HasPrefix(out.PostMessage.AuthorID, "sa_") {
		t.Fatalf("author %q, want the service account", out.PostMessage.AuthorID)
	}
	expectError(t, ts.gql(t, h(reader), post, map[string]any{"i": map[string]any{"threadId": f.thread, "text": "x"}}), "FORBIDDEN", http.StatusForbidden)
	var msgs struct{ Messages []struct{ Text string } }
	ts.gql(t, h(reader), `query($t: ID!) { messages(threadId: $t) { text } }`, map[string]any{"t": f.thread}).decode(t, &msgs)
	if len(msgs.Messages) != 1 || msgs.Messages[0].Text != "from a service" {
		t.Fatalf("messages = %+v", msgs.Messages)
	}
	ws := subscribe(t, ts, account{Token: reader, TenantID: f.owner.TenantID}, f.project, f.thread, intp(0))
	if seq, text := ws.nextSeq(); seq != 1 || text != "from a service" {
		t.Fatalf("the subscription got %d %q", seq, text)
	}
}
