package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// serveDirect runs ts's Main.Serve on a real listener, as `northstar serve` does, and
// returns a client of it, the cancel that starts shutdown, and what Serve returned.
func serveDirect(t *testing.T, ts *testServer) (*testServer, context.CancelFunc, <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	served := make(chan error, 1)
	go func() { served <- ts.main.Serve(ctx, ln, 5*time.Second) }()
	direct := &testServer{Server: ts.Server, main: ts.main, project: ts.project}
	direct.URL = "http://" + ln.Addr().String()
	return direct, cancel, served
}

// TestShutdownClosesWebsockets serves on a real listener, cancels it as SIGTERM does, and
// expects the subscriber to get a close frame and Serve to return within its grace.
func TestShutdownClosesWebsockets(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	direct, cancel, served := serveDirect(t, ts)
	ws := subscribe(t, direct, f.owner, f.project, f.thread, intp(0))
	ts.postMessage(t, f.h, f.thread, "m1")
	ws.expectSeqs(1, 1)

	cancel()
	if code, reason := ws.expectClose(); code != wsgorilla.CloseGoingAway {
		t.Fatalf("closed with %d %q, want 1001 (going away)", code, reason)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
	waitFor(t, func() bool { return ts.main.bus.Topics() == 0 })
}

// TestShutdownDrains: when shutdown begins, /readyz answers 503 at once while requests are
// still served for the drain period; then the server stops.
func TestShutdownDrains(t *testing.T) {
	const drain = 2 * time.Second
	ts := newServer(t, func(c *Config) { c.Drain = drain })
	ts.bootstrap(t)
	direct, cancel, served := serveDirect(t, ts)
	if code, reason := direct.readyz(t); code != http.StatusOK {
		t.Fatalf("/readyz before shutdown: %d %q", code, reason)
	}

	start := time.Now()
	cancel()
	// Serve sees the cancellation on its own goroutine: allow it a moment, far less than
	// the drain.
	var code int
	var reason string
	waitForWithin(t, 500*time.Millisecond, func() bool {
		code, reason = direct.readyz(t)
		return code == http.StatusServiceUnavailable && reason == "shutting down"
	}, func() string {
		return fmt.Sprintf("/readyz after shutdown began: %d %q, want 503 \"shutting down\"", code, reason)
	})
	if r := direct.gql(t, nil, `{ __typename }`, nil); r.Status != http.StatusOK {
		t.Fatalf("a request during the drain answered %d %+v", r.Status, r.Errors)
	}
	if d := time.Since(start); d >= drain {
		t.Fatalf("the checks took %s, longer than the drain: the test proves nothing", d)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
		if d := time.Since(start); d < drain {
			t.Fatalf("Serve returned %s after shutdown began, before the %s drain", d, drain)
		}
	case <-time.After(drain + 10*time.Second):
		t.Fatal("Serve did not return")
	}
}
