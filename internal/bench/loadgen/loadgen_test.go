package loadgen

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func target(t *testing.T, url, expect string) Target {
	t.Helper()
	addr := strings.TrimPrefix(url, "http://")
	return Target{
		Addr:    addr,
		Request: BuildRequest(http.MethodPost, addr, "/", http.Header{"Content-Type": {"application/json"}}, []byte(`{"query":"{ a }"}`)),
		Expect:  []byte(expect),
	}
}

func TestRun(t *testing.T) {
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		n := served.Add(1)
		switch {
		case string(body) != `{"query":"{ a }"}`:
			http.Error(w, "wrong body", http.StatusBadRequest)
		case n%50 == 0:
			w.Header().Set("Connection", "close") // the worker reconnects
			io.WriteString(w, `{"data":{"a":1}}`)
		case n%20 == 0:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"errors":[{"message":"no"}]}`)
		case n%2 == 0:
			w.(http.Flusher).Flush() // chunked
			io.WriteString(w, `{"data":{"a":1}}`)
		default:
			io.WriteString(w, `{"data":{"a":1}}`)
		}
	}))
	defer srv.Close()

	res, err := Run(context.Background(), target(t, srv.URL, `"a":1`), Options{Connections: 8, Duration: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests < 100 || res.Errors == 0 || res.Reconnects == 0 {
		t.Fatalf("requests %d errors %d reconnects %d", res.Requests, res.Errors, res.Reconnects)
	}
	if res.Latency.Count() != res.Requests || res.RPS() <= 0 || res.Latency.Quantile(0.99) <= 0 {
		t.Fatalf("latency count %d for %d requests, rps %v", res.Latency.Count(), res.Requests, res.RPS())
	}
	if !strings.Contains(res.FirstError, "HTTP 403") {
		t.Fatalf("FirstError = %q", res.FirstError)
	}
	// About one in 20 answers is a 403 (minus those that coincide with closes).
	if share := float64(res.Errors) / float64(res.Requests+res.Errors); share < 0.02 || share > 0.08 {
		t.Fatalf("error share %.3f, want about 0.05", share)
	}
}

func TestProbe(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Connection", "close")
		io.WriteString(w, `{"data":{"a":1}}`)
	}))
	defer srv.Close()
	status, body, err := Probe(context.Background(), target(t, srv.URL, ""))
	if err != nil || status != http.StatusOK || string(body) != `{"data":{"a":1}}` {
		t.Fatalf("Probe = %d %q %v", status, body, err)
	}
}

// TestClient: requests that differ go out one at a time on one connection; when the
// server closes it after an answer, the answer still comes back and the next request
// dials again; a server that is gone is an error.
func TestClient(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if string(b) == "close" {
			w.Header().Set("Connection", "close")
		}
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, "echo "+string(b))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	addr := strings.TrimPrefix(srv.URL, "http://")
	c := NewClient(addr)
	defer c.Close()
	ctx := context.Background()
	for i, text := range []string{"one", "two", "close", "three"} {
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if i == 1 {
			tctx = ctx // a call without a deadline after one with
		}
		status, body, err := c.Do(tctx, BuildRequest(http.MethodPost, addr, "/", nil, []byte(text)))
		cancel()
		if err != nil || status != http.StatusAccepted || string(body) != "echo "+text {
			t.Fatalf("request %d: %d %q %v, want 202 %q", i, status, body, err, "echo "+text)
		}
	}
	if n := conns.Load(); n != 2 {
		t.Errorf("the client opened %d connections, want 2 (one again after the server closed it)", n)
	}
	srv.Close()
	if _, _, err := c.Do(ctx, BuildRequest(http.MethodPost, addr, "/", nil, []byte("gone"))); err == nil {
		t.Error("Do succeeded against a closed server")
	}
}

func TestRunRefused(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	if _, err := Run(context.Background(), target(t, url, ""), Options{Connections: 2, Duration: time.Second}); err == nil {
		t.Fatal("Run against a closed port succeeded")
	}
	if _, err := Run(context.Background(), Target{}, Options{}); err == nil {
		t.Fatal("Run without a target succeeded")
	}
}

// fakeSubscriptionServer speaks enough graphql-transport-ws for Subscribers: it acks,
// pings, sends one next per subscribe and reports pongs.
func fakeSubscriptionServer(pongs chan<- struct{}) *httptest.Server {
	up := websocket.Upgrader{Subprotocols: []string{"graphql-transport-ws"}}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		for {
			var m struct {
				ID, Type string
				Payload  json.RawMessage
			}
			if err := conn.ReadJSON(&m); err != nil {
				return
			}
			switch m.Type {
			case "connection_init":
				if !strings.Contains(string(m.Payload), `"token":"x"`) {
					conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4401, "no token"))
					return
				}
				conn.WriteJSON(map[string]any{"type": "connection_ack"})
			case "subscribe":
				conn.WriteJSON(map[string]any{"type": "ping"})
				conn.WriteJSON(map[string]any{"id": m.ID, "type": "next", "payload": map[string]any{"data": map[string]any{"n": 1}}})
			case "pong":
				pongs <- struct{}{}
			}
		}
	}))
}

func TestSubscribers(t *testing.T) {
	pongs := make(chan struct{}, 100)
	srv := fakeSubscriptionServer(pongs)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var seen atomic.Int64
	subs, err := DialSubscribers(ctx, SubscriberOptions{
		URL: "ws" + strings.TrimPrefix(srv.URL, "http"), Count: 50, Parallel: 7,
		InitPayload: map[string]any{"token": "x"},
		Subscribe:   map[string]any{"query": "subscription { n }"},
		OnNext: func(i int, payload []byte) {
			if strings.Contains(string(payload), `"n":1`) {
				seen.Add(1)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := subs.WaitNexts(ctx, 50); err != nil {
		t.Fatal(err)
	}
	if seen.Load() != 50 {
		t.Fatalf("OnNext saw %d messages, want 50", seen.Load())
	}
	for i := range 50 {
		select {
		case <-pongs:
		case <-ctx.Done():
			t.Fatalf("the server got %d pongs, want 50", i)
		}
	}
	subs.Close()
	if subs.Ended() != 50 {
		t.Fatalf("%d readers ended, want 50", subs.Ended())
	}

	if _, err := DialSubscribers(ctx, SubscriberOptions{
		URL: "ws" + strings.TrimPrefix(srv.URL, "http"), Count: 5,
		InitPayload: map[string]any{"token": "wrong"}, Subscribe: map[string]any{"query": "subscription { n }"},
	}); err == nil || !strings.Contains(err.Error(), "4401") {
		t.Fatalf("a refused init: err = %v", err)
	}
}
