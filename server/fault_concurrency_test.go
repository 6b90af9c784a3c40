package main

import (
	"fmt"
	"net/http"
	"testing"
)

// TestFaultConcurrentSignupsOneEmail: several signups with one email at once. What the
// users see: exactly one succeeds, the others get CONFLICT (409). Nothing is half-written
// or doubled: one user, one email reservation, one tenant, one membership, and the
// winner's password is the one that logs in.
func TestFaultConcurrentSignupsOneEmail(t *testing.T) {
	ts := newServer(t)
	email := uniqueEmail("race")
	const writers = 4
	rs := race(writers, func(i int) response {
		return ts.gql(t, nil, signupMutation, signupVars(email, fmt.Sprintf("password-%d", i)))
	})
	winner := oneWinner(t, rs)
	ts.login(t, email, fmt.Sprintf("password-%d", winner))
	for i := range writers {
		if i == winner {
			continue
		}
		r := ts.gql(t, nil, `mutation($i: LoginInput!) { login(input: $i) { token } }`,
			map[string]any{"i": map[string]any{"email": email, "password": fmt.Sprintf("password-%d", i)}})
		expectError(t, r, "UNAUTHENTICATED", http.StatusUnauthorized)
	}
	want := map[string]int{"tenants": 1, "users": 1, "emails": 1, "memberships": 1}
	if got := ts.countDocs(t, "tenants", "users", "emails", "memberships"); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("documents %v, want %v", got, want)
	}
}

// TestFaultConcurrentRouteWriters: several admins create the same route at once, then
// replace it naming the same version at once. What they see: one create and one replace
// succeed, every other call is CONFLICT (409). No update is lost or merged: the stored
// route is exactly the last winner's, at version 2.
func TestFaultConcurrentRouteWriters(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	const writers = 4
	write := func(bucket string, expected *int) response {
		var extra []any
		if expected != nil {
			extra = []any{"expectedVersion", *expected}
		}
		vars := routeInput("media", ann.TenantID, "prod", "gcs", map[string]string{"bucket": bucket}, extra...)
		return ts.gql(t, ann.headers(), setRoute, vars)
	}
	oneWinner(t, race(writers, func(i int) response { return write(fmt.Sprintf("create-%d", i), nil) }))
	winner := oneWinner(t, race(writers, func(i int) response { return write(fmt.Sprintf("replace-%d", i), intp(1)) }))

	var out struct {
		Routes []struct {
			Version int
			Config  []struct{ Key, Value string }
		}
	}
	ts.gql(t, ann.headers(), `{ routes { version config { key value } } }`, nil).decode(t, &out)
	want := fmt.Sprintf("replace-%d", winner)
	if len(out.Routes) != 1 || out.Routes[0].Version != 2 || len(out.Routes[0].Config) != 1 || out.Routes[0].Config[0].Value != want {
		t.Fatalf("stored %+v, want one route at version 2 with bucket %s", out.Routes, want)
	}
}
