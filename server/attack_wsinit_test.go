package main

import (
	"testing"
	"time"

	"github.com/northstar/northstar/internal/httpapi"
)

// TestAttackWebsocketInitTimeout: a client that opens a websocket and never sends
// connection_init is closed with 4408 "Connection initialisation timeout" once the init
// timeout passes, without an ack; a client that sends it in time is served.
func TestAttackWebsocketInitTimeout(t *testing.T) {
	const timeout = 300 * time.Millisecond
	ts := newServer(t, withLimits(func(l *httpapi.Limits) { l.WebsocketInit = timeout }))
	ann := ts.signup(t, "ann")
	for _, proto := range []string{protoTransportWS, protoLegacyWS} {
		t.Run(proto+"/Silent", func(t *testing.T) {
			start := time.Now()
			ws := dialProto(t, ts, proto)
			got, code, reason := ws.untilClose()
			expectNoResult(t, got)
			if code != 4408 || reason != "Connection initialisation timeout" {
				t.Fatalf("closed with %d %q, want 4408", code, reason)
			}
			if d := time.Since(start); d < timeout || d > timeout+5*time.Second {
				t.Fatalf("closed after %s with a %s init timeout", d, timeout)
			}
		})
		t.Run(proto+"/InTime", func(t *testing.T) {
			ws := dialProto(t, ts, proto)
			ws.initOK(initPayload(ann))
			<-time.After(2 * timeout) // asserting that nothing happens: the timer was stopped
			ws.send(map[string]any{"id": "1", "type": wsOpen(proto), "payload": map[string]any{"query": `{ me { id } }`}})
			if m, err := ws.next(); err != nil || (m.Type != "next" && m.Type != "data") {
				t.Fatalf("after the timeout passed the connection answered %+v, %v", m, err)
			}
		})
	}
}
