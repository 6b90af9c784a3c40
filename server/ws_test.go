package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/wsgorilla"
)

func TestWebsocketInit(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	bob := ts.signup(t, "bob")
	cases := []struct {
		name    string
		payload map[string]any
		code    int
		reason  string
	}{
		{"NoToken", map[string]any{"tenantId": ann.TenantID}, wsgorilla.CloseUnauthorized, "authorization"},
		{"BadToken", map[string]any{"authorization": "Bearer nope"}, wsgorilla.CloseUnauthorized, "invalid token"},
		{"OtherTenant", map[string]any{"authorization": "Bearer " + ann.Token, "tenantId": bob.TenantID}, wsgorilla.CloseForbidden, "not a member"},
		{"MalformedTenant", map[string]any{"authorization": "Bearer " + ann.Token, "tenantId": "t_../x"}, wsgorilla.CloseBadRequest, "not a valid id"},
		{"BadEnv", map[string]any{"authorization": "Bearer " + ann.Token, "env": "qa"}, wsgorilla.CloseBadRequest, "env"},
	}
	for _, proto := range []string{"graphql-transport-ws", "graphql-ws"} {
		for _, c := range cases {
			t.Run(proto+"/"+c.name, func(t *testing.T) {
				ws, _, err := dialWS(t, ts, proto, "")
				if err != nil {
					t.Fatal(err)
				}
				m, err := ws.init(c.payload)
				if err == nil && m.Type == "connection_ack" {
					t.Fatal("refused init was acknowledged")
				}
				code, reason := ws.expectClose()
				if code != c.code || !strings.Contains(reason, c.reason) {
					t.Fatalf("closed with %d %q, want %d with %q", code, reason, c.code, c.reason)
				}
			})
		}
		t.Run(proto+"/Accepted", func(t *testing.T) {
			ws := dialProto(t, ts, proto)
			ws.initOK(initPayload(ann))
		})
	}
	t.Run("ForeignOrigin", func(t *testing.T) {
		_, res, err := dialWS(t, ts, "graphql-transport-ws", "https://evil.example.com")
		if err == nil || res == nil || res.StatusCode != http.StatusForbidden {
			t.Fatalf("foreign origin: err %v, response %+v", err, res)
		}
	})
}

// TestRouteChangedIsolation subscribes to routeChanged as tenant A's admin and checks it
// streams A's changes and the t_system defaults, never tenant B's.
func TestRouteChangedIsolation(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	a := ts.signup(t, "alice")
	b := ts.signup(t, "bruno")

	ws := dialProto(t, ts, protoTransportWS)
	ws.initOK(initPayload(a))
	before := ts.main.registry.Subscribers() // the chat bus follows its route too
	ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": `subscription { routeChanged { resourceKind tenantId deleted } }`}})
	// The subscription is live once the registry has one more subscriber; make sure before writing.
	waitFor(t, func() bool { return ts.main.registry.Subscribers() > before })

	var out struct{ SetRoute struct{ Version int } }
	ts.gql(t, b.headers(), setRoute, routeInput("media", b.TenantID, "prod", "gcs", map[string]string{"bucket": "b-secret"})).decode(t, &out)
	ts.gql(t, bearer(admin.Token).with("X-Tenant-Id", "t_system"), setRoute, routeInput("media", "t_system", "prod", "gcs", map[string]string{"bucket": "sys"})).decode(t, &out)
	ts.gql(t, a.headers(), setRoute, routeInput("media", a.TenantID, "prod", "gcs", map[string]string{"bucket": "a"})).decode(t, &out)

	var got []string
	for len(got) < 2 {
		m, err := ws.next()
		if err != nil {
			t.Fatal(err)
		}
		if m.Type != "next" {
			t.Fatalf("got %s %s", m.Type, m.Payload)
		}
		var p struct {
			Data struct{ RouteChanged struct{ TenantID string } }
		}
		if err := json.Unmarshal(m.Payload, &p); err != nil {
			t.Fatal(err)
		}
		got = append(got, p.Data.RouteChanged.TenantID)
	}
	for _, tenant := range got {
		if tenant == b.TenantID {
			t.Fatalf("tenant A's subscription saw tenant B's route: %v", got)
		}
	}
	if got[0] != "t_system" || got[1] != a.TenantID {
		t.Fatalf("changes = %v, want t_system then %s", got, a.TenantID)
	}

	t.Run("NotAdmin", func(t *testing.T) {
		viewer := ts.signup(t, "vera")
		viewer = ts.addMemberAs(t, a, viewer, "VIEWER")
		ws := dialProto(t, ts, protoTransportWS)
		ws.initOK(initPayload(viewer))
		ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": `subscription { routeChanged { resourceKind } }`}})
		msg, err := ws.next()
		if err != nil || (msg.Type != "error" && msg.Type != "next") || !strings.Contains(string(msg.Payload), `"code":"FORBIDDEN"`) {
			t.Fatalf("viewer's subscription answered %+v %s, %v; want a FORBIDDEN error", msg, msg.Payload, err)
		}
	})
}

// TestWebsocketClosesAtTokenExpiry: a connection lives no longer than its token.
func TestWebsocketClosesAtTokenExpiry(t *testing.T) {
	ts := newServer(t, func(c *Config) { c.TokenTTL = 2 * time.Second })
	ann := ts.signup(t, "ann")
	ws := dialProto(t, ts, protoTransportWS)
	ws.initOK(initPayload(ann))
	start := time.Now()
	if code, reason := ws.expectClose(); code != wsgorilla.CloseUnauthorized || !strings.Contains(reason, "token expired") {
		t.Fatalf("closed with %d %q, want 4401 token expired", code, reason)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Fatalf("closed %s after init with a 2 s token", d)
	}
}
