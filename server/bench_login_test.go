//go:build bench

package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/bench/loadgen"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ratelimit"
)

// BenchmarkLoadLogin measures what the rate limiter adds to a login: the same successful
// login against two replicas of one project, one counting on the rate_limit route's Redis
// (with limits too high ever to refuse: every login checks the email's and the address's
// failures and clears the email's, three script or DEL round trips), the other with the
// login limits off. Passwords use cheap argon2id parameters, as the tests do, so the
// hash (tens of milliseconds with the production parameters) does not bury the
// limiter's share in its noise. The two take turns for -bench.rounds rounds of
// -bench.round each, one login at a time (latency, not throughput under saturation: with more connections the limiter's CPU would show as queueing); the report compares their p99.
func BenchmarkLoadLogin(b *testing.B) {
	ctx := context.Background()
	cheap := func(c *Config) {
		c.Passwords = identity.Argon2Params{Memory: 64, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
	}
	high := ratelimit.Rate{Limit: 1 << 30, Window: 15 * time.Minute}
	limited := startBenchServer(b, cheap, withRates(ratelimit.Rates{LoginFailuresPerEmail: high, LoginFailuresPerAddress: high, CreationsPerAddress: high, CreationsPerUser: high, TokenFailuresPerClient: high}))
	putRoute(b, limited, rateLimitRoute(limited.main.cfg.Env, sharedRedis.Addr))
	waitRoute(b, limited, "rate_limit")
	acct := benchAccount(b, limited)
	off := ratelimit.Rates{TokenFailuresPerClient: high} // login and creation limits off
	unlimited := startBenchServer(b, replicaOf(limited), cheap, withRates(off))

	body, _ := json.Marshal(map[string]any{"query": `mutation($i: LoginInput!) { login(input: $i) { token } }`,
		"variables": map[string]any{"i": map[string]any{"email": acct.Email, "password": "password-bench"}}})
	header := http.Header{"Content-Type": {"application/json"}}
	servers := []*queryServer{{name: "limited"}, {name: "unlimited"}}
	for i, ts := range []*testServer{limited, unlimited} {
		addr := strings.TrimPrefix(ts.URL, "http://")
		s := servers[i]
		s.target = loadgen.Target{Addr: addr, Request: loadgen.BuildRequest(http.MethodPost, addr, "/query", header, body), Expect: []byte(`"token":"`)}
		if status, got, err := loadgen.Probe(ctx, s.target); err != nil || status != http.StatusOK || !strings.Contains(string(got), `"token":"`) {
			b.Fatalf("%s: login answers HTTP %d %s (%v)", s.name, status, got, err)
		}
	}
	const conns = 1
	runInterleaved(ctx, b, servers, conns)
	local := limited.metricValue(b, "northstar_rate_limit_local_decisions_total")
	for _, s := range servers {
		h := s.latency
		emitBench("login", "server", s.name, "conns", conns, "rounds", *benchRounds, "round_s", benchRound.Seconds(),
			"rps", float64(s.requests)/s.elapsed.Seconds(), "p50_us", h.Quantile(0.5), "p99_us", h.Quantile(0.99), "max_us", h.Max(),
			"requests", s.requests, "errors", s.errors, "local_decisions", local)
		if s.errors > 0 {
			b.Errorf("%s: %d errors; first: %s", s.name, s.errors, s.firstError)
		}
	}
}
