package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/identity"
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
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	emu, err := devinfra.StartFirestore(ctx, devinfra.FirestoreOptions{})
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting the Firestore emulator:", err)
		return 1
	}
	defer emu.Stop()
	emulatorHost = emu.Host
	ctx, cancel = context.WithTimeout(context.Background(), time.Minute)
	sharedRedis, err = devinfra.StartRedis(ctx, devinfra.RedisOptions{})
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting Redis:", err)
		return 1
	}
	defer sharedRedis.Stop()
	return m.Run()
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

func withLimits(f func(*Limits)) serverOption {
	return func(c *Config) {
		l := DefaultLimits()
		f(&l)
		c.Limits = l
	}
}

// newServer starts a server on a new, empty project, with its signing key in its own
// secrets directory (SecretsDir, a temporary directory). It is stopped when the test ends.
func newServer(t testing.TB, opts ...serverOption) *testServer {
	t.Helper()
	cfg := Config{
		Env:          "prod",
		ProjectID:    "test-" + randomHex(6),
		EmulatorHost: emulatorHost,
		BootstrapKey: testBootstrapKey,
		Passwords:    identity.Argon2Params{Memory: 64, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32},
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

// headers are the request headers of a call; the zero value is anonymous.
type headers map[string]string

func bearer(token string) headers { return headers{"Authorization": "Bearer " + token} }

// with returns a copy of h with more headers.
func (h headers) with(kv ...string) headers {
	out := headers{}
	for k, v := range h {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// gqlError is one entry of a response's errors.
type gqlError struct {
	Message    string `json:"message"`
	Extensions struct {
		Code   string `json:"code"`
		Status int    `json:"status"`
	} `json:"extensions"`
}

// response is a decoded GraphQL answer.
type response struct {
	Status int
	Header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// code returns the first error's code, or "" when there is none.
func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Extensions.Code
}

// decode unmarshals data into v, failing the test on errors in the response.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors (HTTP %d): %+v", r.Status, r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decoding %s: %v", r.Data, err)
	}
}

// gql posts one operation.
func (ts *testServer) gql(t *testing.T, h headers, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	return ts.post(t, h, "application/json", body)
}

// post sends a raw body to /query.
func (ts *testServer) post(t *testing.T, h headers, contentType string, body []byte) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	for k, v := range h {
		req.Header.Set(k, v)
	}
	return ts.send(t, req)
}

func (ts *testServer) send(t *testing.T, req *http.Request) response {
	t.Helper()
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := response{Status: res.StatusCode, Header: res.Header}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("HTTP %d: body is not JSON: %q", res.StatusCode, raw)
	}
	return r
}

// expectError asserts the call failed with code and the matching HTTP status, and
// produced no data.
func expectError(t *testing.T, r response, code string, status int) {
	t.Helper()
	if r.code() != code || r.Status != status {
		t.Fatalf("got HTTP %d %q (%+v), want HTTP %d %s", r.Status, r.code(), r.Errors, status, code)
	}
	if r.Errors[0].Extensions.Status != status {
		t.Fatalf("extensions.status = %d, want %d", r.Errors[0].Extensions.Status, status)
	}
	if s := strings.TrimSpace(string(r.Data)); s != "" && s != "null" {
		t.Fatalf("data = %s, want null", s)
	}
}

// account is a signed-up user and the tenant signup created.
type account struct {
	Token, UserID, TenantID, Email string
}

// headers returns the user's bearer token and tenant.
func (a account) headers() headers {
	return bearer(a.Token).with("X-Tenant-Id", a.TenantID)
}

func uniqueEmail(name string) string { return name + "-" + randomHex(4) + "@example.com" }

// signup creates a user and a tenant.
func (ts *testServer) signup(t *testing.T, name string) account {
	t.Helper()
	email := uniqueEmail(name)
	r := ts.gql(t, nil, `mutation($i: SignupInput!) { signup(input: $i) { token user { id } tenant { id } } }`,
		map[string]any{"i": map[string]any{"email": email, "password": "password-" + name, "tenantName": name + " Inc"}})
	var out struct {
		Signup struct {
			Token  string
			User   struct{ ID string }
			Tenant struct{ ID string }
		}
	}
	r.decode(t, &out)
	return account{Token: out.Signup.Token, UserID: out.Signup.User.ID, TenantID: out.Signup.Tenant.ID, Email: email}
}

// bootstrap bootstraps the server's project with a system admin and returns the admin.
func (ts *testServer) bootstrap(t *testing.T) account {
	t.Helper()
	email := uniqueEmail("admin")
	r := ts.gql(t, nil, `mutation($k: String!, $e: String, $p: String) { bootstrapSystem(key: $k, adminEmail: $e, adminPassword: $p) { id } }`,
		map[string]any{"k": testBootstrapKey, "e": email, "p": "admin-password"})
	var out struct{ BootstrapSystem struct{ ID string } }
	r.decode(t, &out)
	return ts.login(t, email, "admin-password")
}

// login signs in.
func (ts *testServer) login(t *testing.T, email, password string) account {
	t.Helper()
	r := ts.gql(t, nil, `mutation($i: LoginInput!) { login(input: $i) { token user { id } } }`,
		map[string]any{"i": map[string]any{"email": email, "password": password}})
	var out struct {
		Login struct {
			Token string
			User  struct{ ID string }
		}
	}
	r.decode(t, &out)
	return account{Token: out.Login.Token, UserID: out.Login.User.ID, Email: email}
}

// createProject creates a project in a's tenant and returns its id.
func (ts *testServer) createProject(t *testing.T, a account, name string) string {
	t.Helper()
	r := ts.gql(t, a.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"tenantId": a.TenantID, "name": name}})
	var out struct{ CreateProject struct{ ID string } }
	r.decode(t, &out)
	return out.CreateProject.ID
}

// chatServer is a bootstrapped server whose t_system routes send chat_bus to redisAddr
// (sharedRedis when empty) and realtime_registry to Firestore.
func newChatServer(t *testing.T, redisAddr string, opts ...serverOption) (*testServer, account) {
	t.Helper()
	ts := newServer(t, opts...)
	admin := ts.bootstrap(t)
	routeChat(t, ts, redisAddr)
	return ts, admin
}

// routeChat writes the chat routes for ts's env and waits until its registry has them.
func routeChat(t *testing.T, ts *testServer, redisAddr string) {
	t.Helper()
	if redisAddr == "" {
		redisAddr = sharedRedis.Addr
	}
	env := ts.main.cfg.Env
	putRoute(t, ts, routing.Route{ResourceKind: "realtime_registry", TenantID: "t_system", Env: env, BackendType: "firestore"})
	putRoute(t, ts, routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: env, BackendType: "redis", Config: map[string]string{"address": redisAddr}})
	waitFor(t, func() bool {
		_, ok := ts.main.registry.Get(routing.Key{ResourceKind: "chat_bus", Scope: routing.Scope{TenantID: "t_system", Env: env}})
		return ok
	})
}
