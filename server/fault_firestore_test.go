package main

import (
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/httpapi"
)

// expectUnavailable asserts the store-unavailable error: code, statuses, the fixed
// message, no data.
func expectUnavailable(t *testing.T, r response) {
	t.Helper()
	expectError(t, r, "UNAVAILABLE", http.StatusServiceUnavailable)
	if r.Errors[0].Message != "the data store did not answer in time; retry later" {
		t.Fatalf("message %q, want the fixed text", r.Errors[0].Message)
	}
}

// TestFaultFirestoreOutageMidRequest cuts the server off Firestore while a signup is in
// flight (its first RPC is inside the proxy when every connection drops). What the user
// sees: the signup fails by the request deadline with UNAVAILABLE (HTTP 503), so do
// reads and writes that need Firestore during the outage (reads the membership cache can
// answer are not asserted either way), and /readyz answers 503 "firestore unreachable".
// Nothing is lost or half-written: once Firestore is back, /readyz is 200, the same email
// signs up (no user, email reservation, tenant or membership was left behind), data
// written before the outage is intact, and every collection holds exactly what the
// successful calls wrote.
func TestFaultFirestoreOutageMidRequest(t *testing.T) {
	const deadline = 2 * time.Second
	proxy := firestoreProxy(t)
	ts := newServer(t, throughProxy(proxy), withLimits(func(l *httpapi.Limits) { l.Request = deadline }))
	ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	project := ts.createProject(t, ann, "Before")
	if code, reason := ts.readyz(t); code != http.StatusOK {
		t.Fatalf("/readyz before the outage: %d %q", code, reason)
	}

	email := uniqueEmail("outage")
	proxy.SetDelay(time.Hour) // hold every byte: the signup's RPC stays inside the proxy
	type result struct {
		r response
		d time.Duration
	}
	done := make(chan result, 1)
	go func() {
		r, d := ts.timedGQL(t, nil, signupMutation, signupVars(email, "password-outage"))
		done <- result{r, d}
	}()
	waitFor(t, func() bool { return proxy.Pending() > 0 })
	proxy.Cut()
	proxy.SetDelay(0)

	t.Run("DuringOutage", func(t *testing.T) {
		res := <-done
		expectUnavailable(t, res.r)
		if res.d > deadline+3*time.Second {
			t.Fatalf("the signup took %s with a %s request deadline", res.d, deadline)
		}
		if code, reason := ts.readyz(t); code != http.StatusServiceUnavailable || reason != "firestore unreachable" {
			t.Fatalf("/readyz during the outage: %d %q, want 503 \"firestore unreachable\"", code, reason)
		}
		for _, q := range []struct {
			name, query string
			h           headers
		}{
			{"Me", `{ me { id } }`, bearer(ann.Token)},
			{"Projects", `{ projects { edges { node { id } } } }`, ann.headers()},
			{"CreateProject", `mutation { createProject(input: {tenantId: "` + ann.TenantID + `", name: "During"}) { id } }`, ann.headers()},
		} {
			t.Run(q.name, func(t *testing.T) {
				r, d := ts.timedGQL(t, q.h, q.query, nil)
				expectUnavailable(t, r)
				if d > deadline+3*time.Second {
					t.Fatalf("took %s with a %s request deadline", d, deadline)
				}
			})
		}
	})

	proxy.Restore()
	ts.waitReady(t)

	t.Run("AfterOutage", func(t *testing.T) {
		var out struct {
			Signup struct {
				User   struct{ ID string }
				Tenant struct{ ID string }
			}
		}
		ts.gql(t, nil, signupMutation, signupVars(email, "password-after")).decode(t, &out)
		again := ts.login(t, email, "password-after")
		var tenants struct{ Tenants []struct{ ID string } }
		ts.gql(t, bearer(again.Token), `{ tenants { id } }`, nil).decode(t, &tenants)
		if len(tenants.Tenants) != 1 || tenants.Tenants[0].ID != out.Signup.Tenant.ID {
			t.Fatalf("the user signed up after the outage belongs to %+v, want only %s", tenants.Tenants, out.Signup.Tenant.ID)
		}
		var projects struct {
			Projects struct {
				Edges []struct{ Node struct{ ID, Name string } }
			}
		}
		ts.gql(t, ann.headers(), `{ projects { edges { node { id name } } } }`, nil).decode(t, &projects)
		if len(projects.Projects.Edges) != 1 || projects.Projects.Edges[0].Node.ID != project {
			t.Fatalf("ann's projects after the outage: %+v, want only %s", projects.Projects.Edges, project)
		}
		// t_system, ann's and the new tenant; the admin, ann and the new user.
		want := map[string]int{"tenants": 3, "users": 3, "emails": 3, "memberships": 3}
		if got := ts.countDocs(t, "tenants", "users", "emails", "memberships"); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("documents %v, want %v", got, want)
		}
	})
}

// TestFaultFirestoreSlow slows Firestore down (every byte waits in the proxy far longer
// than the request deadline) and sends reads, a tenant-scoped query and signups at once.
// Goroutines are counted without the proxy's own (four per proxied connection) and with
// the test client's idle keep-alive connections closed.
// What the user sees: each request ends at its deadline with UNAVAILABLE (HTTP 503)
// instead of hanging. Nothing leaks and nothing is lost: once Firestore is
// fast again the server is ready, the goroutine count returns to where it was, and the
// emails of the timed-out signups are still free to sign up with.
func TestFaultFirestoreSlow(t *testing.T) {
	const deadline = time.Second
	proxy := firestoreProxy(t)
	ts := newServer(t, throughProxy(proxy), withLimits(func(l *httpapi.Limits) { l.Request = deadline }))
	ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	var warm struct {
		Me       struct{ ID string }
		Projects struct{ Edges []struct{ Cursor string } }
	}
	ts.gql(t, ann.headers(), `{ me { id } projects { edges { cursor } } }`, nil).decode(t, &warm)
	goroutines := func() int {
		ts.Client().CloseIdleConnections()
		runtime.GC()
		return runtime.NumGoroutine() - 4*proxy.Conns()
	}
	before := goroutines()

	proxy.SetDelay(time.Minute)
	type call struct {
		name, query string
		h           headers
		vars        map[string]any
	}
	var calls []call
	var emails []string
	for i := range 3 {
		email := uniqueEmail(fmt.Sprintf("slow%d", i))
		emails = append(emails, email)
		calls = append(calls,
			call{"Me", `{ me { id } }`, bearer(ann.Token), nil},
			call{"Projects", `{ projects { edges { node { id } } } }`, ann.headers(), nil},
			call{"Signup", signupMutation, nil, signupVars(email, "password-slow")},
		)
	}
	var wg sync.WaitGroup
	results := make([]response, len(calls))
	took := make([]time.Duration, len(calls))
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], took[i] = ts.timedGQL(t, c.h, c.query, c.vars)
		}()
	}
	wg.Wait()
	for i, c := range calls {
		t.Run(fmt.Sprintf("%s/%d", c.name, i), func(t *testing.T) {
			expectUnavailable(t, results[i])
			if took[i] < deadline-100*time.Millisecond || took[i] > deadline+2*time.Second {
				t.Fatalf("took %s with a %s request deadline", took[i], deadline)
			}
		})
	}

	proxy.SetDelay(0)
	ts.waitReady(t)
	// Counted here, not in a subtest, whose own goroutine would count.
	var now int
	waitForWithin(t, 15*time.Second, func() bool { now = goroutines(); return now <= before }, func() string {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		return fmt.Sprintf("%d goroutines before the slow requests, %d after\n%s", before, now, buf[:min(n, 16000)])
	})
	t.Run("NothingWritten", func(t *testing.T) {
		for _, email := range emails {
			var out struct{ Signup struct{ Token string } }
			ts.gql(t, nil, signupMutation, signupVars(email, "password-after")).decode(t, &out)
			if out.Signup.Token == "" {
				t.Fatalf("signup of %s after the slowdown: no token", email)
			}
		}
		want := map[string]int{"tenants": 2 + len(emails), "users": 2 + len(emails), "emails": 2 + len(emails), "memberships": 2 + len(emails)}
		if got := ts.countDocs(t, "tenants", "users", "emails", "memberships"); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("documents %v, want %v", got, want)
		}
	})
}

// TestFaultFirestoreDownFailsFast cuts Firestore off a server with the default 30 s
// request deadline: the first request that needs it answers UNAVAILABLE within about 2 s
// (each store call is capped), later ones at once (the guard found the store down), and
// within about 2 s of Firestore's return writes succeed again.
func TestFaultFirestoreDownFailsFast(t *testing.T) {
	proxy := firestoreProxy(t)
	ts := newServer(t, throughProxy(proxy))
	ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	create := func(name string) (response, time.Duration) {
		return ts.timedGQL(t, ann.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": name}})
	}
	if r, _ := create("before"); len(r.Errors) > 0 {
		t.Fatalf("before the outage: %+v", r.Errors)
	}

	proxy.Cut()
	r, d := create("first")
	expectUnavailable(t, r)
	if d > 3*time.Second {
		t.Fatalf("the first request during the outage took %s", d)
	}
	waitFor(t, func() bool { return ts.main.store.Down() })
	r, d = create("second")
	expectUnavailable(t, r)
	if d > 500*time.Millisecond {
		t.Fatalf("a request once the store is known down took %s", d)
	}

	proxy.Restore()
	restored := time.Now()
	waitForWithin(t, 3*time.Second, func() bool { r, _ = create("after"); return len(r.Errors) == 0 },
		func() string { return fmt.Sprintf("still failing after Firestore came back: %+v", r.Errors) })
	t.Logf("writes resumed %s after Firestore came back", time.Since(restored))
}
