package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Websocket protocols, by the name their subprotocol negotiates.
const (
	protoTransportWS = "graphql-transport-ws"
	protoLegacyWS    = "graphql-ws"
)

// wsClient is a graphql-transport-ws (or legacy graphql-ws) client for tests.
type wsClient struct {
	t    *testing.T
	conn *websocket.Conn
}

// wsMessage is one protocol message, either way.
type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// wsURL is the websocket address of ts's /query.
func wsURL(ts *testServer) string { return "ws" + strings.TrimPrefix(ts.URL, "http") + "/query" }

// wsDialer dials graphql-transport-ws, for tests that set the upgrade request's headers.
func wsDialer() *websocket.Dialer {
	return &websocket.Dialer{Subprotocols: []string{protoTransportWS}, HandshakeTimeout: 5 * time.Second}
}

// dialWS opens a websocket to ts with the given subprotocol and origin ("" for none).
func dialWS(t *testing.T, ts *testServer, subprotocol, origin string) (*wsClient, *http.Response, error) {
	t.Helper()
	h := http.Header{}
	if origin != "" {
		h.Set("Origin", origin)
	}
	d := websocket.Dialer{Subprotocols: []string{subprotocol}, HandshakeTimeout: 5 * time.Second}
	conn, res, err := d.Dial(wsURL(ts), h)
	if err != nil {
		return nil, res, err
	}
	c := &wsClient{t: t, conn: conn}
	t.Cleanup(func() { conn.Close() })
	return c, res, nil
}

// dialProto dials ts with proto, failing the test on error.
func dialProto(t *testing.T, ts *testServer, proto string) *wsClient {
	t.Helper()
	ws, _, err := dialWS(t, ts, proto, "")
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// initPayload is connection_init's payload for a in a's tenant.
func initPayload(a account) map[string]any {
	return map[string]any{"authorization": "Bearer " + a.Token, "tenantId": a.TenantID}
}

// send writes m as JSON, failing the test on error.
func (c *wsClient) send(m any) {
	c.t.Helper()
	if err := c.conn.WriteJSON(m); err != nil {
		c.t.Fatal(err)
	}
}

// wsOpen is the message type that runs an operation in proto.
func wsOpen(proto string) string {
	if proto == protoLegacyWS {
		return "start"
	}
	return "subscribe"
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

// initOK sends connection_init with payload and expects the ack.
func (c *wsClient) initOK(payload map[string]any) {
	c.t.Helper()
	if m, err := c.init(payload); err != nil || m.Type != "connection_ack" {
		c.t.Fatalf("init answered %+v, %v", m, err)
	}
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

// untilClose reads every message until the server closes the connection and returns
// them with the close code and reason. A connection that ends without a close frame
// fails the test.
func (c *wsClient) untilClose() ([]wsMessage, int, string) {
	c.t.Helper()
	var got []wsMessage
	for {
		_ = c.conn.SetReadDeadline(time.Now().Add(15 * time.Second))
		var m wsMessage
		err := c.conn.ReadJSON(&m)
		if err == nil {
			got = append(got, m)
			continue
		}
		if ce, ok := err.(*websocket.CloseError); ok {
			return got, ce.Code, ce.Text
		}
		c.t.Fatalf("expected a close frame after %d messages, got %v", len(got), err)
	}
}

// expectNoResult fails if the server sent anything that answers an operation or
// acknowledges a connection.
func expectNoResult(t *testing.T, got []wsMessage) {
	t.Helper()
	for _, m := range got {
		switch m.Type {
		case "connection_ack", "next", "data":
			t.Fatalf("the server answered with %s %s", m.Type, m.Payload)
		}
	}
}
