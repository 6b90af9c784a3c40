package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// wsClient is a graphql-transport-ws (or legacy graphql-ws) client for tests.
type wsClient struct {
	t    *testing.T
	conn *websocket.Conn
}

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// dialWS opens a websocket to ts with the given subprotocol and origin ("" for none).
func dialWS(t *testing.T, ts *testServer, subprotocol, origin string) (*wsClient, *http.Response, error) {
	t.Helper()
	h := http.Header{}
	if origin != "" {
		h.Set("Origin", origin)
	}
	d := websocket.Dialer{Subprotocols: []string{subprotocol}, HandshakeTimeout: 5 * time.Second}
	conn, res, err := d.Dial("ws"+strings.TrimPrefix(ts.URL, "http")+"/query", h)
	if err != nil {
		return nil, res, err
	}
	c := &wsClient{t: t, conn: conn}
	t.Cleanup(func() { conn.Close() })
	return c, res, nil
}

func (c *wsClient) send(m any) {
	c.t.Helper()
	if err := c.conn.WriteJSON(m); err != nil {
		c.t.Fatal(err)
	}
}

// next reads the next message that is not a keepalive, within a deadline.
func (c *wsClient) next() (wsMessage, error) {
	c.t.Helper()
	for {
		_ = c.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		var m wsMessage
		if err := c.conn.ReadJSON(&m); err != nil {
			return m, err
		}
		if m.Type != "ka" && m.Type != "ping" && m.Type != "pong" {
			return m, nil
		}
		if m.Type == "ping" {
			c.send(map[string]any{"type": "pong"})
		}
	}
}

// init sends connection_init and returns the answer.
func (c *wsClient) init(payload map[string]any) (wsMessage, error) {
	c.t.Helper()
	c.send(map[string]any{"type": "connection_init", "payload": payload})
	return c.next()
}

// expectClose reads until the server closes and returns the close code and reason.
func (c *wsClient) expectClose() (int, string) {
	c.t.Helper()
	for {
		_, err := c.next()
		if err == nil {
			continue
		}
		if ce, ok := err.(*websocket.CloseError); ok {
			return ce.Code, ce.Text
		}
		c.t.Fatalf("expected a close frame, got %v", err)
	}
}

func initPayload(a account) map[string]any {
	return map[string]any{"authorization": "Bearer " + a.Token, "tenantId": a.TenantID}
}

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
			ws, _, err := dialWS(t, ts, proto, "")
			if err != nil {
				t.Fatal(err)
			}
			if m, err := ws.init(initPayload(ann)); err != nil || m.Type != "connection_ack" {
				t.Fatalf("init answered %+v, %v", m, err)
			}
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

	ws, _, err := dialWS(t, ts, "graphql-transport-ws", "")
	if err != nil {
		t.Fatal(err)
	}
	if m, err := ws.init(initPayload(a)); err != nil || m.Type != "connection_ack" {
		t.Fatalf("init: %+v %v", m, err)
	}
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
		var m struct{ AddMember struct{ Role string } }
		ts.gql(t, a.headers(), `mutation($i: AddMemberInput!) { addMember(input: $i) { role } }`,
			map[string]any{"i": map[string]any{"tenantId": a.TenantID, "email": viewer.Email, "role": "VIEWER"}}).decode(t, &m)
		viewer.TenantID = a.TenantID
		ws, _, err := dialWS(t, ts, "graphql-transport-ws", "")
		if err != nil {
			t.Fatal(err)
		}
		if msg, err := ws.init(initPayload(viewer)); err != nil || msg.Type != "connection_ack" {
			t.Fatalf("init: %+v %v", msg, err)
		}
		ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": `subscription { routeChanged { resourceKind } }`}})
		msg, err := ws.next()
		if err != nil || (msg.Type != "error" && msg.Type != "next") || !strings.Contains(string(msg.Payload), `"code":"FORBIDDEN"`) {
			t.Fatalf("viewer's subscription answered %+v %s, %v; want a FORBIDDEN error", msg, msg.Payload, err)
		}
	})
}

// waitFor polls cond until it holds or 5 s pass.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestWebsocketClosesAtTokenExpiry: a connection lives no longer than its token.
func TestWebsocketClosesAtTokenExpiry(t *testing.T) {
	ts := newServer(t, func(c *Config) { c.TokenTTL = 2 * time.Second })
	ann := ts.signup(t, "ann")
	ws, _, err := dialWS(t, ts, "graphql-transport-ws", "")
	if err != nil {
		t.Fatal(err)
	}
	if m, err := ws.init(initPayload(ann)); err != nil || m.Type != "connection_ack" {
		t.Fatalf("init: %+v %v", m, err)
	}
	start := time.Now()
	if code, reason := ws.expectClose(); code != wsgorilla.CloseUnauthorized || !strings.Contains(reason, "token expired") {
		t.Fatalf("closed with %d %q, want 4401 token expired", code, reason)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Fatalf("closed %s after init with a 2 s token", d)
	}
}
