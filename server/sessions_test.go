package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// signedIn is an account with its session's refresh token.
type signedIn struct {
	account
	Refresh string
}

const authFields = `token refreshToken expiresAt user { id }`

// signupSession signs up name and returns the account with its refresh token.
func (ts *testServer) signupSession(t *testing.T, name string) signedIn {
	t.Helper()
	email := uniqueEmail(name)
	r := ts.gql(t, headers{"User-Agent": "sessions-test/1.0"}, `mutation($i: SignupInput!) { signup(input: $i) { `+authFields+` tenant { id } } }`,
		map[string]any{"i": map[string]any{"email": email, "password": "password-" + name, "tenantName": name + " Inc"}})
	var out struct {
		Signup struct {
			Token, RefreshToken string
			User, Tenant        struct{ ID string }
		}
	}
	r.decode(t, &out)
	s := out.Signup
	return signedIn{account{Token: s.Token, UserID: s.User.ID, TenantID: s.Tenant.ID, Email: email}, s.RefreshToken}
}

// loginSession opens another session of a.
func (ts *testServer) loginSession(t *testing.T, a signedIn, password string) signedIn {
	t.Helper()
	var out struct {
		Login struct{ Token, RefreshToken string }
	}
	ts.gql(t, nil, `mutation($i: LoginInput!) { login(input: $i) { `+authFields+` } }`,
		map[string]any{"i": map[string]any{"email": a.Email, "password": password}}).decode(t, &out)
	a.Token, a.Refresh = out.Login.Token, out.Login.RefreshToken
	return a
}

const refreshMutation = `mutation($r: String!) { refreshSession(refreshToken: $r) { ` + authFields + ` } }`

// refresh rotates a's refresh token.
func (ts *testServer) refresh(t *testing.T, refreshToken string) response {
	t.Helper()
	return ts.gql(t, nil, refreshMutation, map[string]any{"r": refreshToken})
}

// mySessions lists the caller's sessions.
type listedSession struct {
	ID        string
	Current   bool
	UserAgent *string
	Address   *string
}

func (ts *testServer) mySessions(t *testing.T, a account) []listedSession {
	t.Helper()
	var out struct{ Sessions []listedSession }
	ts.gql(t, bearer(a.Token), `{ sessions { id current userAgent address } }`, nil).decode(t, &out)
	return out.Sessions
}

// expectRefusedWithin waits until token is refused (401) by ts, failing after 5 s.
func expectRefusedWithin(t *testing.T, ts *testServer, token string) {
	t.Helper()
	waitForWithin(t, 5*time.Second, func() bool {
		return ts.gql(t, bearer(token), `{ me { id } }`, nil).Status == http.StatusUnauthorized
	}, func() string { return "the ended session's token is still accepted" })
}

// TestSessions drives the session flow end to end on two replicas.
func TestSessions(t *testing.T) {
	a := newServer(t)
	b := newServer(t, replicaOf(a))
	ann := a.signupSession(t, "ann")
	if ann.Refresh == "" || !strings.HasPrefix(ann.Refresh, "ss_") {
		t.Fatalf("signup's refresh token %q", ann.Refresh)
	}

	t.Run("ListShowsTheCaller", func(t *testing.T) {
		list := a.mySessions(t, ann.account)
		if len(list) != 1 || !list[0].Current || list[0].UserAgent == nil || *list[0].UserAgent != "sessions-test/1.0" || list[0].Address == nil {
			t.Fatalf("sessions = %+v", list)
		}
	})

	t.Run("RefreshRotates", func(t *testing.T) {
		var out struct {
			RefreshSession struct{ Token, RefreshToken string }
		}
		a.refresh(t, ann.Refresh).decode(t, &out)
		next := out.RefreshSession
		if next.RefreshToken == ann.Refresh || next.Token == "" {
			t.Fatalf("refresh gave %+v", next)
		}
		if r := b.gql(t, bearer(next.Token), `{ me { id } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("the refreshed token on the other replica: %+v", r.Errors)
		}
		ann.Token, ann.Refresh = next.Token, next.RefreshToken
	})

	t.Run("LogoutEndsOnlyThisSession", func(t *testing.T) {
		other := a.loginSession(t, ann, "password-ann")
		var out struct{ Logout bool }
		a.gql(t, bearer(other.Token), `mutation { logout }`, nil).decode(t, &out)
		expectError(t, a.gql(t, bearer(other.Token), `{ me { id } }`, nil), "UNAUTHENTICATED", http.StatusUnauthorized)
		expectRefusedWithin(t, b, other.Token)
		expectError(t, a.refresh(t, other.Refresh), "UNAUTHENTICATED", http.StatusUnauthorized)
		if r := a.gql(t, bearer(ann.Token), `{ me { id } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("logout of another session ended this one: %+v", r.Errors)
		}
	})

	t.Run("RevokeSession", func(t *testing.T) {
		other := a.loginSession(t, ann, "password-ann")
		var id string
		for _, s := range a.mySessions(t, other.account) {
			if s.Current {
				id = s.ID
			}
		}
		bob := a.signupSession(t, "bob")
		expectError(t, a.gql(t, bearer(bob.Token), `mutation($id: ID!) { revokeSession(id: $id) }`, map[string]any{"id": id}), "NOT_FOUND", http.StatusNotFound)
		var out struct{ RevokeSession bool }
		a.gql(t, bearer(ann.Token), `mutation($id: ID!) { revokeSession(id: $id) }`, map[string]any{"id": id}).decode(t, &out)
		expectRefusedWithin(t, b, other.Token)
		if list := a.mySessions(t, ann.account); len(list) != 1 || !list[0].Current {
			t.Fatalf("sessions after the revocation: %+v", list)
		}
	})

	t.Run("ReuseEndsTheSessionEverywhere", func(t *testing.T) {
		cat := a.signupSession(t, "cat")
		var out struct {
			RefreshSession struct{ Token, RefreshToken string }
		}
		a.refresh(t, cat.Refresh).decode(t, &out)
		current := out.RefreshSession
		ws := dialProto(t, b, protoTransportWS)
		ws.initOK(initPayload(account{Token: current.Token, TenantID: cat.TenantID}))

		r := a.refresh(t, cat.Refresh) // the first refresh token, again
		expectError(t, r, "UNAUTHENTICATED", http.StatusUnauthorized)
		if !strings.Contains(r.Errors[0].Message, "reused") {
			t.Fatalf("message %q does not say reused", r.Errors[0].Message)
		}
		start := time.Now()
		if code, reason := ws.expectClose(); code != wsgorilla.CloseUnauthorized {
			t.Fatalf("the session's websocket on the other replica closed with %d %q, want 4401", code, reason)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("the websocket closed after %s", d)
		}
		expectRefusedWithin(t, b, current.Token)
		expectError(t, a.gql(t, bearer(current.Token), `{ me { id } }`, nil), "UNAUTHENTICATED", http.StatusUnauthorized)
		expectError(t, a.refresh(t, current.RefreshToken), "UNAUTHENTICATED", http.StatusUnauthorized)

		late := newServer(t, replicaOf(a)) // started after the session ended: replays it
		expectError(t, late.gql(t, bearer(current.Token), `{ me { id } }`, nil), "UNAUTHENTICATED", http.StatusUnauthorized)
	})

	t.Run("ChangePassword", func(t *testing.T) {
		dan := a.signupSession(t, "dan")
		other := a.loginSession(t, dan, "password-dan")
		change := `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`
		expectError(t, a.gql(t, bearer(dan.Token), change, map[string]any{"c": "wrong", "n": "new-password-dan"}), "UNAUTHENTICATED", http.StatusUnauthorized)
		if r := a.gql(t, bearer(other.Token), `{ me { id } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("a refused change ended a session: %+v", r.Errors)
		}
		var out struct{ ChangePassword bool }
		a.gql(t, bearer(dan.Token), change, map[string]any{"c": "password-dan", "n": "new-password-dan"}).decode(t, &out)
		expectRefusedWithin(t, b, other.Token)
		if r := b.gql(t, bearer(dan.Token), `{ me { id } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("the caller's session after the change: %+v", r.Errors)
		}
		expectError(t, a.gql(t, nil, `mutation($i: LoginInput!) { login(input: $i) { token } }`,
			map[string]any{"i": map[string]any{"email": dan.Email, "password": "password-dan"}}), "UNAUTHENTICATED", http.StatusUnauthorized)
		a.loginSession(t, dan, "new-password-dan")
	})
}
