package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/wsgorilla"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// northstarBinary builds the real northstar command once per test run.
func northstarBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "northstar-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "northstar")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// startupCase prepares a project and says what `serve` must print.
type startupCase struct {
	env      string            // --env
	vars     map[string]string // environment beyond the defaults
	keyRef   string            // --signing-key; the test's key when empty
	setup    func(t *testing.T, ts *testServer)
	wantLast []string // substrings of the last stderr line
}

func TestServeFailsFast(t *testing.T) {
	bin := northstarBinary(t)
	deadPort, err := devinfra.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	deadAddr := fmt.Sprintf("127.0.0.1:%d", deadPort)
	redis := startRedis(t)

	chatBus := func(addr string, secretRefs ...string) func(*testing.T, *testServer) {
		return func(t *testing.T, ts *testServer) {
			ts.bootstrap(t)
			putRoute(t, ts, routing.Route{ResourceKind: "realtime_registry", TenantID: "t_system", Env: "staging", BackendType: "firestore"})
			putRoute(t, ts, routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: "staging", BackendType: "redis",
				Config: map[string]string{"address": addr}, SecretRefs: secretRefs})
			putRoute(t, ts, rateLimitRoute("staging", redis.Addr))
		}
	}
	cases := map[string]startupCase{
		"FirestoreUnreachable": {env: "staging", vars: map[string]string{"FIRESTORE_EMULATOR_HOST": deadAddr},
			wantLast: []string{"cannot reach Firestore", deadAddr}},
		"NotBootstrapped": {env: "staging", wantLast: []string{"t_system is not bootstrapped", "northstar bootstrap"}},
		"ChatBusRouteMissing": {env: "staging", setup: func(t *testing.T, ts *testServer) { ts.bootstrap(t) },
			wantLast: []string{"chat_bus", "(t_system, staging)", "routes apply"}},
		"RealtimeRegistryRouteMissing": {env: "staging", setup: func(t *testing.T, ts *testServer) {
			ts.bootstrap(t)
			putRoute(t, ts, routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: "staging", BackendType: "redis", Config: map[string]string{"address": redis.Addr}})
		}, wantLast: []string{"realtime_registry", "(t_system, staging)"}},
		"DisallowedBackend": {env: "staging", setup: func(t *testing.T, ts *testServer) {
			chatBus(redis.Addr)(t, ts)
			// Written behind the API's back: start-up checks again what writes already refuse.
			putRoute(t, ts, routing.Route{ResourceKind: "kpi", TenantID: "t_acme", Env: "staging", BackendType: "memory"})
		}, wantLast: []string{"kpi for (t_acme, staging)", "not a durable backend"}},
		"RedisUnreachable": {env: "staging", setup: chatBus(deadAddr), wantLast: []string{"cannot reach Redis at " + deadAddr}},
		"RateLimitRouteMissing": {env: "staging", setup: func(t *testing.T, ts *testServer) {
			ts.bootstrap(t)
			putRoute(t, ts, routing.Route{ResourceKind: "realtime_registry", TenantID: "t_system", Env: "staging", BackendType: "firestore"})
			putRoute(t, ts, routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: "staging", BackendType: "redis", Config: map[string]string{"address": redis.Addr}})
		}, wantLast: []string{"no route for rate_limit in (t_system, staging)", "routes apply"}},
		"RateLimitRedisUnreachable": {env: "staging", setup: func(t *testing.T, ts *testServer) {
			chatBus(redis.Addr)(t, ts)
			putRoute(t, ts, rateLimitRoute("staging", deadAddr))
		}, wantLast: []string{"rate limits", "cannot reach Redis at " + deadAddr, "rate_limit"}},
		"SecretDoesNotResolve": {env: "staging", setup: func(t *testing.T, ts *testServer) {
			chatBus(redis.Addr, "password=file://"+filepath.Join(ts.main.cfg.SecretsDir, "t_system", "redis-password"))(t, ts)
		}, wantLast: []string{`secret "password" does not resolve`, "/t_system/redis-password", "no such file"}},
		// Written behind the API's back: start-up refuses what writes refuse.
		"SecretOutsideSecretsDir": {env: "staging", setup: chatBus(redis.Addr, "password=file:///etc/passwd"),
			wantLast: []string{"chat_bus for (t_system, staging) is not allowed", "file:///etc/passwd", "outside the secrets directory"}},
		"SecretOfAnotherTenant": {env: "staging", setup: func(t *testing.T, ts *testServer) {
			chatBus(redis.Addr)(t, ts)
			putRoute(t, ts, routing.Route{ResourceKind: "kpi", TenantID: "t_acme", Env: "staging", BackendType: "redis",
				Config: map[string]string{"address": "attacker.example:6379"}, SecretRefs: []string{"password=file://" + filepath.Join(ts.main.cfg.SecretsDir, "t_system", "redis")}})
		}, wantLast: []string{"kpi for (t_acme, staging) is not allowed", "outside the secrets directory", "routes apply"}},
		"GcpSecretManager": {env: "staging", setup: chatBus(redis.Addr, "password=gcp-sm://projects/p/secrets/redis/versions/1"),
			wantLast: []string{"chat_bus for (t_system, staging) is not allowed", `scheme "gcp-sm" has no resolver`}},
		"EnvSecretOutsideDev": {env: "staging", setup: chatBus(redis.Addr, "password=env://REDIS_PASSWORD"),
			vars: map[string]string{"REDIS_PASSWORD": "x"}, wantLast: []string{"only allowed in dev"}},
		"ProdOnEmulator":              {env: "prod", wantLast: []string{"FIRESTORE_EMULATOR_HOST is set", "prod"}},
		"SigningKeyMissing":           {env: "staging", keyRef: "file:///nonexistent/key.pem", wantLast: []string{"token signing key", "file:///nonexistent/key.pem"}},
		"SigningKeyOutsideSecretsDir": {env: "staging", keyRef: "file:///etc/hostname", wantLast: []string{"token signing key", "file:///etc/hostname", "outside the secrets directory"}},
		"BadEnv":                      {env: "qa", wantLast: []string{`--env "qa"`}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := newServer(t)
			if c.setup != nil {
				c.setup(t, ts)
			}
			cmd := serveCommand(t, bin, ts, c.env, c.keyRef, c.vars)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			elapsed := time.Since(start)
			if err == nil {
				t.Fatalf("serve started; output:\n%s", out)
			}
			if elapsed > 30*time.Second {
				t.Fatalf("serve took %s to fail", elapsed)
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			last := lines[len(lines)-1]
			for _, want := range c.wantLast {
				if !strings.Contains(last, want) {
					t.Fatalf("last line %q does not contain %q", last, want)
				}
			}
		})
	}
}

func TestServeStartsAndStops(t *testing.T) {
	bin := northstarBinary(t)
	redis := startRedis(t)
	ts := newServer(t)
	ts.bootstrap(t)
	putRoute(t, ts, routing.Route{ResourceKind: "realtime_registry", TenantID: "t_system", Env: "staging", BackendType: "firestore"})
	putRoute(t, ts, routing.Route{ResourceKind: "chat_bus", TenantID: "t_system", Env: "staging", BackendType: "redis", Config: map[string]string{"address": redis.Addr}})
	putRoute(t, ts, rateLimitRoute("staging", redis.Addr))

	cmd := serveCommand(t, bin, ts, "staging", "", nil)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				addr <- line.Addr
			}
		}
		close(addr)
	}()
	var base string
	select {
	case a, ok := <-addr:
		if !ok {
			t.Fatal("serve exited before serving")
		}
		base = "http://" + a
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start within 30 s")
	}
	live := &testServer{Server: ts.Server, main: ts.main, project: ts.project}
	live.URL = base
	if res, body := live.get(t, "/readyz"); res.StatusCode != http.StatusOK {
		t.Fatalf("/readyz = %d %s", res.StatusCode, body)
	}

	// A live subscription on the real process: SIGTERM must send it a close frame.
	ann := live.signup(t, "ann")
	project := live.createProject(t, ann, "P")
	h := chatHeaders(ann, "staging", project)
	thread := live.createThread(t, h, project, "T")
	live.postMessage(t, h, thread, "m1")
	ws := dialProto(t, live, protoTransportWS)
	p := initPayload(ann)
	p["env"], p["projectId"] = "staging", project
	ws.initOK(p)
	ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": `subscription($t: ID!) { messagePosted(threadId: $t, after: 0) { seq text } }`, "variables": map[string]any{"t": thread}}})
	ws.expectSeqs(1, 1)

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v after SIGTERM", err)
		}
		if code, _ := ws.expectClose(); code != wsgorilla.CloseGoingAway {
			t.Fatalf("the websocket closed with %d, want a 1001 close frame", code)
		}
	case <-time.After(shutdownGrace + 5*time.Second):
		t.Fatal("serve did not exit after SIGTERM")
	}
}

// serveCommand prepares `northstar serve` against ts's project with a minimal environment.
func serveCommand(t *testing.T, bin string, ts *testServer, env, keyRef string, vars map[string]string) *exec.Cmd {
	t.Helper()
	if keyRef == "" {
		path := filepath.Join(ts.main.cfg.SecretsDir, "key.pem")
		if err := os.WriteFile(path, ts.keyPEM, 0o600); err != nil {
			t.Fatal(err)
		}
		keyRef = "file://" + path
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, bin, "serve", "--env", env, "--addr", "127.0.0.1:0", "--signing-key", keyRef,
		"--secrets-dir", ts.main.cfg.SecretsDir, "--drain", "200ms")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"),
		"GOOGLE_CLOUD_PROJECT=" + ts.project, "FIRESTORE_EMULATOR_HOST=" + emulatorHost}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	return cmd
}
