package wsgorilla

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/testserver"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"

	"github.com/northstar/northstar/internal/multiplex"
)

// feed is a multiplex upstream fed by the test: one stream of responses for every group.
type feed struct{ events chan *graphql.Response }

func (f *feed) DispatchOperation(ctx context.Context, _ *graphql.OperationContext) (graphql.ResponseHandler, context.Context) {
	return func(ctx context.Context) *graphql.Response {
		select {
		case r, ok := <-f.events:
			if !ok {
				return nil
			}
			return r
		case <-ctx.Done():
			return nil
		}
	}, ctx
}

// transportServer serves gqlgen's test schema through Transport. Its subscriptions are
// shared by one multiplex group fed by the returned feed, except those of an operation
// named Own, which run on their own (testserver's SendNextSubscriptionMessage).
func transportServer(t *testing.T, init InitFunc) (*gqlServer, *multiplex.Multiplexer, *feed) {
	t.Helper()
	f := &feed{events: make(chan *graphql.Response)}
	mux := multiplex.New(multiplex.Config{Upstream: f, Behind: func(context.Context) {}})
	gql := testserver.New()
	gql.AddTransport(Transport{Implementation: New(Options{}), InitFunc: init})
	gql.AroundOperations(mux.Around)
	gql.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if graphql.GetOperationContext(ctx).Operation.Name != "Own" {
			multiplex.Share(ctx, "name", true) // as a resolver does once it authorized
		}
		return next(ctx)
	})
	s := startServerWith(t, gql)
	return s, mux, f
}

func startServerWith(t *testing.T, gql *testserver.TestServer) *gqlServer {
	t.Helper()
	s := httptest.NewServer(gql)
	t.Cleanup(s.Close)
	return &gqlServer{Server: s, gql: gql}
}

// start sends the protocol's start message for id with query.
func start(t *testing.T, c *websocket.Conn, id, query string) {
	t.Helper()
	typ := "start"
	if c.Subprotocol() == transportWS {
		typ = "subscribe"
	}
	payload, _ := json.Marshal(map[string]any{"query": query})
	send(t, c, message{ID: id, Type: typ, Payload: payload})
}

func dataType(c *websocket.Conn) string {
	if c.Subprotocol() == transportWS {
		return "next"
	}
	return "data"
}

// expect reads the next message and fails unless it is typ for id with payload (when
// payload is not empty).
func expect(t *testing.T, c *websocket.Conn, typ, id, payload string) {
	t.Helper()
	m := read(t, c)
	if m.Type != typ || m.ID != id || (payload != "" && string(m.Payload) != payload) {
		t.Fatalf("got %s %q %s, want %s %q %s", m.Type, m.ID, m.Payload, typ, id, payload)
	}
}

func TestTransport(t *testing.T) {
	t.Run("SharedSubscriptionsInBothProtocols", func(t *testing.T) {
		s, mux, f := transportServer(t, nil)
		a, b := mustDial(t, wsURL(s.Server), transportWS), mustDial(t, wsURL(s.Server), legacyWS)
		initialize(t, a)
		initialize(t, b)
		before := runtime.NumGoroutine()
		const n = 20
		for i := range n {
			start(t, a, fmt.Sprint(i), "subscription { name }")
		}
		start(t, b, "b", "subscription { name }")
		waitUntil(t, func() bool { g, m := mux.Groups(); return g == 1 && m == n+1 })
		// The group's upstream runs on a goroutine; the operations have none.
		if extra := runtime.NumGoroutine() - before; extra > 3 {
			t.Errorf("%d more goroutines for %d shared subscriptions: they should need none each", extra, n+1)
		}
		for e := 1; e <= 3; e++ {
			f.events <- &graphql.Response{Data: []byte(fmt.Sprintf(`{"name":"e%d"}`, e))}
			want := fmt.Sprintf(`{"data":{"name":"e%d"}}`, e)
			expectEach(t, a, "next", n, 0, want)
			expect(t, b, "data", "b", want)
		}
		// A client's stop is answered with complete, and nothing more comes for the id.
		send(t, a, message{ID: "0", Type: "complete"})
		expect(t, a, "complete", "0", "")
		send(t, b, message{ID: "b", Type: "stop"})
		expect(t, b, "complete", "b", "")
		waitUntil(t, func() bool { _, m := mux.Groups(); return m == n-1 })
		f.events <- &graphql.Response{Data: []byte(`{"name":"e4"}`)}
		expectEach(t, a, "next", n, 1, `{"data":{"name":"e4"}}`)
		// The group's end completes every member.
		close(f.events)
		expectEach(t, a, "complete", n, 1, "")
		waitUntil(t, func() bool { g, m := mux.Groups(); return g == 0 && m == 0 })
	})
	t.Run("BehindConnectionCatchesUpInOrder", func(t *testing.T) {
		s, mux, f := transportServer(t, nil)
		c := mustDial(t, wsURL(s.Server), transportWS)
		initialize(t, c)
		start(t, c, "1", "subscription { name }")
		start(t, c, "2", "subscription { name }")
		waitUntil(t, func() bool { _, m := mux.Groups(); return m == 2 })
		const n = 500 // the client reads none of them until all are published
		for e := range n {
			f.events <- &graphql.Response{Data: []byte(fmt.Sprintf(`{"name":"%s%d"}`, strings.Repeat("x", 200), e))}
		}
		next := map[string]int{}
		for range 2 * n {
			m := read(t, c)
			want := fmt.Sprintf(`{"data":{"name":"%s%d"}}`, strings.Repeat("x", 200), next[m.ID])
			if m.Type != "next" || string(m.Payload) != want {
				t.Fatalf("got %s %q %.40s…, want response %d of %q", m.Type, m.ID, m.Payload, next[m.ID], m.ID)
			}
			next[m.ID]++
		}
	})
	for _, proto := range []string{transportWS, legacyWS} {
		t.Run("OwnExecution/"+proto, func(t *testing.T) {
			s, mux, _ := transportServer(t, nil)
			c := mustDial(t, wsURL(s.Server), proto)
			initialize(t, c)
			start(t, c, "q", "query { name }")
			expect(t, c, dataType(c), "q", `{"data":{"name":"test"}}`)
			expect(t, c, "complete", "q", "")
			start(t, c, "own", "subscription Own { name }")
			time.Sleep(50 * time.Millisecond) // let it reach the resolver
			s.gql.SendNextSubscriptionMessage()
			expect(t, c, dataType(c), "own", `{"data":{"name":"test"}}`)
			s.gql.SendCompleteSubscriptionMessage()
			expect(t, c, "complete", "own", "")
			start(t, c, "bad", "subscription { nope }")
			m := read(t, c)
			if m.ID != "bad" || !strings.Contains(string(m.Payload), "nope") {
				t.Fatalf("got %s %q %s, want the validation error for bad", m.Type, m.ID, m.Payload)
			}
			expect(t, c, "complete", "bad", "")
			if g, _ := mux.Groups(); g != 0 {
				t.Fatalf("%d groups: only subscriptions that Share are grouped", g)
			}
		})
		t.Run("InvalidMessagesClose4400/"+proto, func(t *testing.T) {
			s, _, _ := transportServer(t, nil)
			for _, tc := range []struct {
				name, msg, reason string
				init              bool
			}{
				{"NotJSON", "not json", "Invalid message received", true},
				{"ServerType", `{"type":"next","id":"1"}`, "Invalid message received", true},
				{"NotJSONBeforeInit", "{", "Invalid message received", false},
				{"InitPayloadNotObject", `{"type":"connection_init","payload":[1]}`, "connection_init payload must be an object", false},
			} {
				c := mustDial(t, wsURL(s.Server), proto)
				if tc.init {
					initialize(t, c)
				}
				if err := c.WriteMessage(websocket.TextMessage, []byte(tc.msg)); err != nil {
					t.Fatal(err)
				}
				if proto == legacyWS {
					m := read(t, c)
					if m.Type != "connection_error" || !strings.Contains(string(m.Payload), tc.reason) {
						t.Fatalf("%s: got %s %s, want connection_error %q", tc.name, m.Type, m.Payload, tc.reason)
					}
				}
				if ce := readClose(t, c); ce.Code != CloseBadRequest || ce.Text != tc.reason {
					t.Fatalf("%s: closed with %d %q, want 4400 %q", tc.name, ce.Code, ce.Text, tc.reason)
				}
			}
		})
		t.Run("InitError/"+proto, func(t *testing.T) {
			s, _, _ := transportServer(t, func(ctx context.Context, p transport.InitPayload) (context.Context, error) {
				if p.Authorization() == "" {
					return ctx, &InitError{Code: CloseUnauthorized, Reason: "no token"}
				}
				return ctx, nil
			})
			c := mustDial(t, wsURL(s.Server), proto)
			send(t, c, message{Type: "connection_init"})
			if proto == legacyWS {
				expect(t, c, "connection_error", "", `{"message":"no token"}`)
			}
			if ce := readClose(t, c); ce.Code != CloseUnauthorized || ce.Text != "no token" {
				t.Fatalf("closed with %d %q, want 4401 \"no token\"", ce.Code, ce.Text)
			}
			c = mustDial(t, wsURL(s.Server), proto)
			send(t, c, message{Type: "connection_init", Payload: json.RawMessage(`{"authorization":"Bearer x"}`)})
			expect(t, c, "connection_ack", "", "")
		})
	}
	t.Run("FramesAfterAnsweringAPing", func(t *testing.T) {
		// The pong sets a short write deadline of its own; the frames written after it
		// must not inherit it.
		s, mux, f := transportServer(t, nil)
		c := mustDial(t, wsURL(s.Server), transportWS)
		initialize(t, c)
		start(t, c, "1", "subscription { name }")
		waitUntil(t, func() bool { _, m := mux.Groups(); return m == 1 })
		pong := make(chan struct{}, 1)
		c.SetPongHandler(func(string) error { pong <- struct{}{}; return nil })
		msgs := make(chan message, 1)
		go func() { // reading runs the pong handler
			defer close(msgs)
			for {
				var m message
				if c.ReadJSON(&m) != nil {
					return
				}
				msgs <- m
			}
		}()
		f.events <- &graphql.Response{Data: []byte(`{"name":"before"}`)} // arms the frames' deadline
		if m := <-msgs; string(m.Payload) != `{"data":{"name":"before"}}` {
			t.Fatalf("got %s %s", m.Type, m.Payload)
		}
		if err := c.WriteControl(websocket.PingMessage, nil, time.Now().Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		select {
		case <-pong:
		case <-time.After(5 * time.Second):
			t.Fatal("no pong")
		}
		time.Sleep(closeWriteTimeout + 200*time.Millisecond)
		f.events <- &graphql.Response{Data: []byte(`{"name":"later"}`)}
		select {
		case m := <-msgs:
			if m.Type != "next" || string(m.Payload) != `{"data":{"name":"later"}}` {
				t.Fatalf("got %s %s", m.Type, m.Payload)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no response after the pong's deadline passed")
		}
	})
	t.Run("ContextEndsWhenThePeerGoes", func(t *testing.T) {
		ended := make(chan struct{})
		s, _, _ := transportServer(t, func(ctx context.Context, _ transport.InitPayload) (context.Context, error) {
			context.AfterFunc(ctx, func() { close(ended) }) // as live.Connections unregisters
			return ctx, nil
		})
		c := mustDial(t, wsURL(s.Server), transportWS)
		initialize(t, c)
		c.NetConn().Close() // no close frame
		select {
		case <-ended:
		case <-time.After(5 * time.Second):
			t.Fatal("the connection's context did not end when its peer went away")
		}
	})
	t.Run("PingBeforeInit", func(t *testing.T) {
		s, _, _ := transportServer(t, nil)
		c := mustDial(t, wsURL(s.Server), transportWS)
		send(t, c, message{Type: "ping", Payload: json.RawMessage(`{ "at": 1 }`)})
		expect(t, c, "pong", "", `{"at":1}`)
		initialize(t, c)
	})
}

// expectEach reads one message of typ with payload for each id from first to n-1, in any
// order (the operations of a connection are written in no particular order).
func expectEach(t *testing.T, c *websocket.Conn, typ string, n, first int, payload string) {
	t.Helper()
	seen := map[string]bool{}
	for range n - first {
		m := read(t, c)
		if m.Type != typ || seen[m.ID] || (payload != "" && string(m.Payload) != payload) {
			t.Fatalf("got %s %q %s, want %s %s once for each of ids %d to %d", m.Type, m.ID, m.Payload, typ, payload, first, n-1)
		}
		seen[m.ID] = true
	}
	for i := first; i < n; i++ {
		if !seen[fmt.Sprint(i)] {
			t.Fatalf("nothing for id %d", i)
		}
	}
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
		time.Sleep(time.Millisecond)
	}
}
