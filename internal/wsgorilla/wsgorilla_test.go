package wsgorilla

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql/handler/testserver"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
)

const (
	transportWS = "graphql-transport-ws"
	legacyWS    = "graphql-ws"
)

// message is a frame of either GraphQL websocket protocol.
type message struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// gqlServer is gqlgen's codegen-free test schema behind a real listener.
type gqlServer struct {
	*httptest.Server
	gql *testserver.TestServer
}

// startServer serves the test schema with ws; a nil ws.Implementation becomes New(Options{}).
func startServer(t *testing.T, ws transport.Websocket) *gqlServer {
	t.Helper()
	if ws.Implementation == nil {
		ws.Implementation = New(Options{})
	}
	gql := testserver.New()
	gql.AddTransport(ws)
	s := httptest.NewServer(gql)
	t.Cleanup(s.Close)
	return &gqlServer{Server: s, gql: gql}
}

func wsURL(s *httptest.Server) string { return "ws" + strings.TrimPrefix(s.URL, "http") }

// dial opens a client connection that is closed when the test ends.
func dial(t *testing.T, url string, header http.Header, subprotocols ...string) (*websocket.Conn, *http.Response, error) {
	t.Helper()
	d := websocket.Dialer{Subprotocols: subprotocols, HandshakeTimeout: 5 * time.Second}
	c, resp, err := d.Dial(url, header)
	if c != nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, resp, err
}

func mustDial(t *testing.T, url string, subprotocols ...string) *websocket.Conn {
	t.Helper()
	c, _, err := dial(t, url, nil, subprotocols...)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	return c
}

// The client side of the protocols returns errors, for use from any goroutine; the
// wrappers taking t fail the test.

func writeMsg(c *websocket.Conn, m message) error {
	_ = c.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if err := c.WriteJSON(m); err != nil {
		return fmt.Errorf("send %s: %w", m.Type, err)
	}
	return nil
}

// readMsg returns the next message other than a graphql-ws keepalive.
func readMsg(c *websocket.Conn) (message, error) {
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		var m message
		if err := c.ReadJSON(&m); err != nil {
			return m, fmt.Errorf("read: %w", err)
		}
		if m.Type != "ka" {
			return m, nil
		}
	}
}

// readCloseFrame reads until the connection ends and returns the close frame it ended with.
func readCloseFrame(c *websocket.Conn) (*websocket.CloseError, error) {
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, _, err := c.ReadMessage()
		if err == nil {
			continue
		}
		var ce *websocket.CloseError
		if !errors.As(err, &ce) {
			return nil, fmt.Errorf("connection ended without a close frame: %w", err)
		}
		return ce, nil
	}
}

// initConn runs connection_init → connection_ack.
func initConn(c *websocket.Conn) error {
	if err := writeMsg(c, message{Type: "connection_init"}); err != nil {
		return err
	}
	m, err := readMsg(c)
	if err == nil && m.Type != "connection_ack" {
		err = fmt.Errorf("got %q, want connection_ack", m.Type)
	}
	return err
}

// subscribeMsg starts `subscription { name }` as id 1 in the connection's protocol.
func subscribeMsg(c *websocket.Conn) message {
	typ := "start"
	if c.Subprotocol() == transportWS {
		typ = "subscribe"
	}
	return message{ID: "1", Type: typ, Payload: json.RawMessage(`{"query":"subscription { name }"}`)}
}

func send(t *testing.T, c *websocket.Conn, m message) {
	t.Helper()
	if err := writeMsg(c, m); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, c *websocket.Conn) message {
	t.Helper()
	m, err := readMsg(c)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readClose(t *testing.T, c *websocket.Conn) *websocket.CloseError {
	t.Helper()
	ce, err := readCloseFrame(c)
	if err != nil {
		t.Fatal(err)
	}
	return ce
}

func initialize(t *testing.T, c *websocket.Conn) {
	t.Helper()
	if err := initConn(c); err != nil {
		t.Fatal(err)
	}
}

func subscribe(t *testing.T, c *websocket.Conn) {
	t.Helper()
	send(t, c, subscribeMsg(c))
}

func TestHandshake(t *testing.T) {
	cases := []struct {
		name     string
		offer    []string
		want     string // negotiated subprotocol
		dataType string // the type of a subscription result
	}{
		{"GraphQLTransportWS", []string{transportWS}, transportWS, "next"},
		{"LegacyGraphQLWS", []string{legacyWS}, legacyWS, "data"},
		{"NoSubprotocolIsGraphQLWS", nil, "", "data"},
		{"UnknownSubprotocolIsGraphQLWS", []string{"mqtt"}, "", "data"},
		{"ClientPreferenceTransportWS", []string{"mqtt", transportWS, legacyWS}, transportWS, "next"},
		{"ClientPreferenceLegacy", []string{legacyWS, transportWS}, legacyWS, "data"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := startServer(t, transport.Websocket{})
			c, resp, err := dial(t, wsURL(s.Server), nil, tc.offer...)
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			if got := resp.Header.Get("Sec-WebSocket-Protocol"); got != tc.want {
				t.Fatalf("Sec-WebSocket-Protocol = %q, want %q", got, tc.want)
			}
			initialize(t, c)
			subscribe(t, c)
			s.gql.SendNextSubscriptionMessage()
			m := read(t, c)
			if m.Type != tc.dataType || m.ID != "1" || !strings.Contains(string(m.Payload), `"name":"test"`) {
				t.Fatalf("got %+v (payload %s), want %s for id 1 with name test", m, m.Payload, tc.dataType)
			}
		})
	}
}

func TestOrigin(t *testing.T) {
	const console = "https://console.example.com"
	cases := []struct {
		name    string
		allowed []string
		origin  string // "self" is the server's own origin
		ok      bool
	}{
		{"NoOriginHeader", []string{console}, "", true},
		{"AllowedExact", []string{console}, console, true},
		{"AllowedIgnoresCase", []string{console}, "HTTPS://Console.Example.COM", true},
		{"SameOrigin", nil, "self", true},
		{"Refused", []string{console}, "https://evil.example.com", false},
		{"RefusedSchemeMismatch", []string{console}, "http://console.example.com", false},
		{"RefusedNull", []string{console}, "null", false},
		{"RefusedWhenNoneAllowed", nil, console, false},
		{"WildcardAllowsAny", []string{"*"}, "https://evil.example.com", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := startServer(t, transport.Websocket{Implementation: New(Options{AllowedOrigins: tc.allowed})})
			header := http.Header{}
			switch tc.origin {
			case "":
			case "self":
				header.Set("Origin", s.URL)
			default:
				header.Set("Origin", tc.origin)
			}
			c, resp, err := dial(t, wsURL(s.Server), header, transportWS)
			if tc.ok {
				if err != nil {
					t.Fatalf("dial: %v", err)
				}
				initialize(t, c)
				return
			}
			if !errors.Is(err, websocket.ErrBadHandshake) || resp == nil {
				t.Fatalf("dial error %v, want a refused handshake", err)
			}
			if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Upgrade") != "" {
				t.Fatalf("status %d, Upgrade %q; want 403 and no upgrade", resp.StatusCode, resp.Header.Get("Upgrade"))
			}
		})
	}
}

func TestInitFuncCloseCode(t *testing.T) {
	long := strings.Repeat("é", 100) // 200 bytes: cut on a rune boundary
	cases := []struct {
		name, protocol, reason, want string
	}{
		{"GraphQLTransportWS", transportWS, "forbidden: token revoked", "forbidden: token revoked"},
		{"LegacyGraphQLWS", legacyWS, "forbidden: token revoked", "forbidden: token revoked"},
		{"LongReasonTruncated", transportWS, long, long[:122]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := startServer(t, transport.Websocket{
				InitFunc: func(ctx context.Context, _ transport.InitPayload) (context.Context, *transport.InitPayload, error) {
					ctx = transport.WithWebsocketCloseCode(ctx, 4403)
					return transport.AppendCloseReason(ctx, tc.reason), nil, errors.New("forbidden")
				},
			})
			c := mustDial(t, wsURL(s.Server), tc.protocol)
			send(t, c, message{Type: "connection_init"})
			ce := readClose(t, c)
			if ce.Code != 4403 || ce.Text != tc.want || !utf8.ValidString(ce.Text) {
				t.Fatalf("close %d %q, want 4403 %q", ce.Code, ce.Text, tc.want)
			}
		})
	}
}

func TestReadLimit(t *testing.T) {
	limit := int64(100)
	big := `{"type":"connection_init","payload":{"pad":"` + strings.Repeat("x", 200) + `"}}`
	cases := []struct {
		name     string
		limit    *int64
		init     bool // send connection_init first
		compress bool // negotiate permessage-deflate
		write    func(c *websocket.Conn) error
	}{
		{"BeforeInit", &limit, false, false, func(c *websocket.Conn) error {
			return c.WriteMessage(websocket.TextMessage, []byte(big))
		}},
		{"AfterAck", &limit, true, false, func(c *websocket.Conn) error {
			return c.WriteMessage(websocket.TextMessage, []byte(big))
		}},
		{"Fragmented", &limit, true, false, func(c *websocket.Conn) error {
			// Under the limit in the first frame: the limit trips while gqlgen decodes.
			w, err := c.NextWriter(websocket.TextMessage)
			if err != nil {
				return err
			}
			for i := 0; i < 4; i++ {
				if _, err := io.WriteString(w, big[i*60:(i+1)*60]); err != nil {
					return err
				}
			}
			return w.Close()
		}},
		{"Compressed", &limit, true, true, func(c *websocket.Conn) error {
			// Under the limit on the wire, over it once inflated.
			return c.WriteMessage(websocket.TextMessage, []byte(big))
		}},
		{"DefaultLimit4MiB", nil, true, false, func(c *websocket.Conn) error {
			// Megabytes the server never reads: without the closing handshake the peer
			// would get a TCP reset instead of the close frame.
			huge := `{"type":"connection_init","payload":{"pad":"` + strings.Repeat("x", 4<<20) + `"}}`
			return c.WriteMessage(websocket.TextMessage, []byte(huge))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := startServer(t, transport.Websocket{
				PayloadReadLimit: tc.limit,
				Implementation:   New(Options{EnableCompression: tc.compress}),
			})
			d := websocket.Dialer{Subprotocols: []string{transportWS}, EnableCompression: tc.compress}
			if tc.name == "Fragmented" {
				d.WriteBufferSize = 64 // the client sends 64-byte frames
			}
			c, _, err := d.Dial(wsURL(s.Server), nil)
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer c.Close()
			if tc.init {
				initialize(t, c)
			}
			go func() { _ = tc.write(c) }() // may fail once the server closes
			if ce := readClose(t, c); ce.Code != websocket.CloseMessageTooBig {
				t.Fatalf("close %d %q, want 1009", ce.Code, ce.Text)
			}
		})
	}
}

// TestAbandonedConnectionClosed covers gqlgen returning from its handler without closing
// the socket: a connection_init payload that is not an object.
func TestAbandonedConnectionClosed(t *testing.T) {
	impl := New(Options{})
	impl.closeTimeout = 50 * time.Millisecond
	s := startServer(t, transport.Websocket{Implementation: impl})
	c := mustDial(t, wsURL(s.Server), transportWS)
	send(t, c, message{Type: "connection_init", Payload: json.RawMessage(`1`)})
	if ce := readClose(t, c); ce.Code != websocket.CloseInternalServerErr {
		t.Fatalf("close %d %q, want 1011", ce.Code, ce.Text)
	}
}
