package main

import (
	"fmt"
	"net/http"
	"net/netip"
	"strconv"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/ratelimit"
)

// rateLimitedServer is a server with the SPEC's rate limits, their route on a Redis of the
// test's own, and 127.0.0.1 as a trusted proxy, so each request names its client address
// in X-Forwarded-For.
func rateLimitedServer(t *testing.T, opts ...serverOption) (*testServer, *devinfra.Redis) {
	t.Helper()
	redis := startRedis(t)
	opts = append([]serverOption{withRates(ratelimit.DefaultRates()), trustLoopback()}, opts...)
	ts := newServer(t, opts...)
	putRoute(t, ts, rateLimitRoute(ts.main.cfg.Env, redis.Addr))
	waitRoute(t, ts, "rate_limit")
	return ts, redis
}

// trustLoopback makes 127.0.0.1 (the test client) a trusted proxy.
func trustLoopback() serverOption {
	return func(c *Config) { c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")} }
}

// waitRoute waits until ts's registry holds its t_system route of kind.
func waitRoute(t testing.TB, ts *testServer, kind string) {
	t.Helper()
	waitForWithin(t, 5*time.Second, func() bool { _, ok := ts.main.registry.Get(ts.main.systemRoute(kind)); return ok },
		func() string { return "no " + kind + " route in the registry" })
}

// from is the X-Forwarded-For header of a client at address.
func from(address string) headers { return headers{"X-Forwarded-For": address} }

const loginMutation = `mutation($i: LoginInput!) { login(input: $i) { token } }`

func loginAs(ts *testServer, t *testing.T, h headers, email, password string) response {
	t.Helper()
	return ts.gql(t, h, loginMutation, map[string]any{"i": map[string]any{"email": email, "password": password}})
}

// expectRateLimited fails unless r is RATE_LIMITED 429 with extensions.retryAfter in
// (0, most] seconds and the same Retry-After header.
func expectRateLimited(t *testing.T, r response, most int) {
	t.Helper()
	expectError(t, r, "RATE_LIMITED", http.StatusTooManyRequests)
	ra := r.Errors[0].Extensions.RetryAfter
	if ra <= 0 || ra > most {
		t.Fatalf("retryAfter = %d, want within (0, %d]", ra, most)
	}
	if h := r.Header.Get("Retry-After"); h != strconv.Itoa(ra) {
		t.Fatalf("Retry-After = %q, want %d", h, ra)
	}
}

// TestRateLimits drives the SPEC's limits end to end over HTTP.
func TestRateLimits(t *testing.T) {
	ts, _ := rateLimitedServer(t)
	fifteenMinutes := int((15 * time.Minute).Seconds())

	t.Run("LoginFailuresPerEmail", func(t *testing.T) {
		ann := ts.signup(t, "ann")
		for i := range 10 { // each from its own address: only the email's count grows
			expectError(t, loginAs(ts, t, from(fmt.Sprintf("198.51.100.%d", i+1)), ann.Email, "wrong"), "UNAUTHENTICATED", http.StatusUnauthorized)
		}
		expectRateLimited(t, loginAs(ts, t, from("198.51.100.99"), ann.Email, "password-ann"), fifteenMinutes)
		bob := ts.signup(t, "bob")
		if r := loginAs(ts, t, from("198.51.100.99"), bob.Email, "password-bob"); len(r.Errors) > 0 {
			t.Fatalf("another email from the same address: %+v", r.Errors)
		}
	})

	t.Run("LoginFailuresPerAddress", func(t *testing.T) {
		cat := ts.signup(t, "cat")
		attacker := from("203.0.113.7")
		for i := range 50 { // 50 emails, one address: only the address's count grows
			expectError(t, loginAs(ts, t, attacker, uniqueEmail(fmt.Sprint("guess", i)), "wrong"), "UNAUTHENTICATED", http.StatusUnauthorized)
		}
		expectRateLimited(t, loginAs(ts, t, attacker, cat.Email, "password-cat"), fifteenMinutes)
		if r := loginAs(ts, t, from("203.0.113.8"), cat.Email, "password-cat"); len(r.Errors) > 0 {
			t.Fatalf("the same email from another address: %+v", r.Errors)
		}
	})

	t.Run("SuccessClearsTheEmail", func(t *testing.T) {
		dan := ts.signup(t, "dan")
		for i := range 9 {
			loginAs(ts, t, from(fmt.Sprintf("192.0.2.%d", i+1)), dan.Email, "wrong")
		}
		if r := loginAs(ts, t, from("192.0.2.50"), dan.Email, "password-dan"); len(r.Errors) > 0 {
			t.Fatalf("the right password after 9 failures: %+v", r.Errors)
		}
		for i := range 9 {
			expectError(t, loginAs(ts, t, from(fmt.Sprintf("192.0.2.%d", i+60)), dan.Email, "wrong"), "UNAUTHENTICATED", http.StatusUnauthorized)
		}
	})

	t.Run("SignupPerAddress", func(t *testing.T) {
		h := from("198.51.100.200")
		for i := range 20 {
			if r := ts.gql(t, h, signupMutation, signupVars(uniqueEmail(fmt.Sprint("s", i)), "password-s")); len(r.Errors) > 0 {
				t.Fatalf("signup %d: %+v", i+1, r.Errors)
			}
		}
		email := uniqueEmail("s21")
		expectRateLimited(t, ts.gql(t, h, signupMutation, signupVars(email, "password-s")), 3600)
		expectNoUser(t, ts, email)
	})

	t.Run("CreateTenantPerUser", func(t *testing.T) {
		eve := ts.signup(t, "eve")
		create := `mutation($n: String!) { createTenant(input: {name: $n}) { id } }`
		for i := range 20 { // each from its own address: only the user's count grows
			h := bearer(eve.Token).with("X-Forwarded-For", fmt.Sprintf("192.0.2.%d", 100+i))
			if r := ts.gql(t, h, create, map[string]any{"n": fmt.Sprint("T", i)}); len(r.Errors) > 0 {
				t.Fatalf("createTenant %d: %+v", i+1, r.Errors)
			}
		}
		expectRateLimited(t, ts.gql(t, bearer(eve.Token).with("X-Forwarded-For", "192.0.2.200"), create, map[string]any{"n": "T21"}), 3600)
	})

	t.Run("UntrustedPeerCannotSpoof", func(t *testing.T) {
		direct := newServer(t, withRates(ratelimit.DefaultRates())) // trusts no proxy
		putRoute(t, direct, rateLimitRoute(direct.main.cfg.Env, startRedis(t).Addr))
		waitRoute(t, direct, "rate_limit")
		for i := range 50 { // a fresh X-Forwarded-For each time: all count against 127.0.0.1
			loginAs(direct, t, from(fmt.Sprintf("198.51.100.%d", i+1)), uniqueEmail("x"), "wrong")
		}
		expectRateLimited(t, loginAs(direct, t, from("198.51.100.250"), uniqueEmail("y"), "wrong"), fifteenMinutes)
	})
}

// TestRateLimitsAcrossReplicas: failures on two replicas count together, in Redis.
func TestRateLimitsAcrossReplicas(t *testing.T) {
	a, _ := rateLimitedServer(t)
	b := newServer(t, replicaOf(a), withRates(ratelimit.DefaultRates()), trustLoopback())
	waitRoute(t, b, "rate_limit")
	ann := a.signup(t, "ann")
	for i := range 10 {
		ts := a
		if i%2 == 1 {
			ts = b
		}
		expectError(t, loginAs(ts, t, from(fmt.Sprintf("198.51.100.%d", i+1)), ann.Email, "wrong"), "UNAUTHENTICATED", http.StatusUnauthorized)
	}
	for _, ts := range []*testServer{a, b} {
		expectRateLimited(t, loginAs(ts, t, from("198.51.100.99"), ann.Email, "password-ann"), 900)
	}
	if n := a.metricValue(t, "northstar_rate_limit_local_decisions_total") + b.metricValue(t, "northstar_rate_limit_local_decisions_total"); n != 0 {
		t.Fatalf("%v decisions were local with Redis up", n)
	}
}

// TestRateLimitsRedisDown: with the rate-limit Redis stopped, a login never bypasses the
// limit: the replica counts in process (per replica), says so in /metrics, and still
// refuses the 11th attempt for an email.
func TestRateLimitsRedisDown(t *testing.T) {
	ts, redis := rateLimitedServer(t)
	ann := ts.signup(t, "ann")
	if err := redis.Stop(); err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		expectError(t, loginAs(ts, t, from(fmt.Sprintf("198.51.100.%d", i+1)), ann.Email, "wrong"), "UNAUTHENTICATED", http.StatusUnauthorized)
	}
	expectRateLimited(t, loginAs(ts, t, from("198.51.100.99"), ann.Email, "password-ann"), 900)
	if n := ts.metricValue(t, "northstar_rate_limit_local_decisions_total"); n < 11 {
		t.Fatalf("northstar_rate_limit_local_decisions_total = %v, want ≥ 11", n)
	}
}
