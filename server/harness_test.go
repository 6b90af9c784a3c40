package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/httpapi"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ratelimit"
	"github.com/northstar/northstar/internal/routing"
)

// emulatorHost is the Firestore emulator every test in this package shares; each server
// gets a project of its own, so tests never see each other's data. sharedRedis is the
// Redis the chat tests share (thread topics are unique); tests that restart Redis start
// their own.
var (
	emulatorHost string
	sharedRedis  *devinfra.Redis
)

func TestMain(m *testing.M) {
	os.Exit(devinfra.WithFirestore(func(host string) int {
		emulatorHost = host
		return devinfra.WithRedis(func(r *devinfra.Redis) int { sharedRedis = r; return m.Run() })
	}))
}

const testBootstrapKey = "test-bootstrap-key"

// testServer is a Northstar server on a fresh Firestore project behind httptest.
type testServer struct {
	*httptest.Server
	main    *Main
	keyPEM  []byte
	project string
}

type serverOption func(*Config)

func withEnv(env string) serverOption { return func(c *Config) { c.Env = env } }

// withProject makes the server use another server's Firestore project.
func withProject(project string) serverOption { return func(c *Config) { c.ProjectID = project } }

// replicaOf makes the server a replica of other: same Firestore project, same signing key.
func replicaOf(other *testServer) serverOption {
	return func(c *Config) {
		c.ProjectID, c.SigningKeyRef, c.Env = other.project, other.main.cfg.SigningKeyRef, other.main.cfg.Env
		c.SecretsDir = other.main.cfg.SecretsDir
	}
}

// throughProxy makes the server reach Firestore through p.
func throughProxy(p *devinfra.Proxy) serverOption {
	return func(c *Config) { c.EmulatorHost = p.Addr }
}

func withLimits(f func(*httpapi.Limits)) serverOption {
	return func(c *Config) {
		l := httpapi.DefaultLimits()
		f(&l)
		c.Limits = l
	}
}

// newServer starts a server on a new, empty project, with its signing key in its own
// secrets directory (SecretsDir, a temporary directory). It is stopped when the test ends.
func newServer(t testing.TB, opts ...serverOption) *testServer {
	t.Helper()
	cfg := Config{
		// staging: prod never runs on the emulator (Config.validate refuses it).
		Env:          "staging",
		ProjectID:    "test-" + randomHex(6),
		EmulatorHost: emulatorHost,
		BootstrapKey: testBootstrapKey,
		Passwords:    identity.Argon2Params{Memory: 64, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32},
		RateLimits:   testRates(),
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.SecretsDir == "" {
		cfg.SecretsDir = t.TempDir()
	}
	var pem []byte
	if cfg.SigningKeyRef == "" {
		var err error
		if pem, err = identity.GenerateEd25519PEM(); err != nil {
			t.Fatal(err)
		}
		keyPath := filepath.Join(cfg.SecretsDir, "signing-key.pem")
		if err := os.WriteFile(keyPath, pem, 0o600); err != nil {
			t.Fatal(err)
		}
		cfg.SigningKeyRef = "file://" + keyPath
	} else {
		var err error
		if pem, err = os.ReadFile(strings.TrimPrefix(cfg.SigningKeyRef, "file://")); err != nil {
			t.Fatal(err)
		}
	}
	m, err := NewMain(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: httptest.NewServer(m.Handler()), main: m, keyPEM: pem, project: cfg.ProjectID}
	t.Cleanup(func() {
		ts.Close()
		m.Close()
	})
	return ts
}

// firestoreProxy is a proxy in front of the shared emulator, closed after the servers
// that use it.
func firestoreProxy(t *testing.T) *devinfra.Proxy {
	t.Helper()
	p, err := devinfra.StartProxy(emulatorHost)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

// startRedis starts a private redis-server for the test.
func startRedis(t *testing.T) *devinfra.Redis {
	t.Helper()
	r, err := devinfra.StartRedis(context.Background(), devinfra.RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Stop() })
	return r
}

// putRoute writes a route straight to Firestore, skipping validation.
func putRoute(t testing.TB, ts *testServer, r routing.Route) {
	t.Helper()
	r.Version = 1
	p := r.ProjectID
	if p == "" {
		p = "_"
	}
	id := r.TenantID + ":" + r.Env + ":" + p + ":" + r.ResourceKind
	if _, err := ts.main.client.Collection("routes").Doc(id).Set(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

// rateLimitRoute is the t_system rate_limit route of env on the Redis at addr.
func rateLimitRoute(env, addr string) routing.Route {
	return routing.Route{ResourceKind: "rate_limit", TenantID: "t_system", Env: env, BackendType: "redis", Config: map[string]string{"address": addr}}
}

// testRates keep the rate limits out of the way of tests that sign up many users from
// one address; the rate-limit tests set the SPEC's (withRates).
func testRates() ratelimit.Rates {
	r := ratelimit.Rate{Limit: 1_000_000, Window: time.Minute}
	return ratelimit.Rates{LoginFailuresPerEmail: r, LoginFailuresPerAddress: r, CreationsPerAddress: r, CreationsPerUser: r, TokenFailuresPerClient: r}
}

// withRates sets the server's rate limits.
func withRates(r ratelimit.Rates) serverOption {
	return func(c *Config) { c.RateLimits = r }
}

// countDocs returns the number of documents in each top-level collection named.
func (ts *testServer) countDocs(t *testing.T, colls ...string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, c := range colls {
		docs, err := ts.main.client.Collection(c).Documents(t.Context()).GetAll()
		if err != nil {
			t.Fatal(err)
		}
		out[c] = len(docs)
	}
	return out
}

// waitFor polls cond until it holds, failing the test if 5 s pass first.
func waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	waitForWithin(t, 5*time.Second, cond, func() string { return "condition not met" })
}

// waitForWithin polls cond until it holds, failing the test if timeout passes first with
// what describe returns; describe runs after the last poll, so it can say what that poll
// saw. Polls start 5 ms apart and slow to 50 ms, so a poll that does real work (an HTTP
// call, a garbage collection) does not load the server it waits on.
func waitForWithin(t testing.TB, timeout time.Duration, cond func() bool, describe func() string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for pause := 5 * time.Millisecond; !cond(); pause = min(2*pause, 50*time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s: %s", timeout, describe())
		}
		time.Sleep(pause)
	}
}
