package wsgorilla

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// opHub is a schema whose subscriptions the test drives by operation name: the operation
// "subscription s1 { name }" sends data on next("s1"), completes on end("s1") or when
// gqlgen cancels it — except operations named stuck…, which ignore cancellation — and
// ends with an error on fail("s1").
type opHub struct {
	mu       sync.Mutex
	ops      map[string]hubOp
	accepted map[string]int // operations gqlgen created, by name
}

// hubOp is the test's handle on the operations of one name.
type hubOp struct {
	actions chan hubAction
	waiting chan struct{} // receives when the operation starts waiting for an action
}

type hubAction uint8

const (
	sendData hubAction = iota
	complete
	fail
)

// startHub serves an opHub through ws, whose Implementation must be set.
func startHub(t *testing.T, ws transport.Websocket) (*httptest.Server, *opHub) {
	t.Helper()
	h := &opHub{ops: map[string]hubOp{}, accepted: map[string]int{}}
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `
		type Query { name: String! }
		type Subscription { name: String! }
	`})
	srv := handler.New(&graphql.ExecutableSchemaMock{
		ExecFunc:   h.exec,
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) {
			return 0, false
		},
	})
	srv.Use(h)
	srv.AddTransport(ws)
	s := httptest.NewServer(srv)
	t.Cleanup(s.Close)
	return s, h
}

func (h *opHub) ExtensionName() string                   { return "opHub" }
func (h *opHub) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext runs while gqlgen reads the subscribe, before it reads the next
// message: once a later message has been answered, accepted counts every earlier one.
func (h *opHub) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.accepted[op.Operation.Name]++
	return nil
}

func (h *opHub) timesAccepted(name string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.accepted[name]
}

func (h *opHub) op(name string) hubOp {
	h.mu.Lock()
	defer h.mu.Unlock()
	op, ok := h.ops[name]
	if !ok {
		op = hubOp{actions: make(chan hubAction), waiting: make(chan struct{}, 1)}
		h.ops[name] = op
	}
	return op
}

func (h *opHub) exec(ctx context.Context) graphql.ResponseHandler {
	name := graphql.GetOperationContext(ctx).Operation.Name
	op := h.op(name)
	cancelled := ctx.Done()
	if strings.HasPrefix(name, "stuck") {
		cancelled = nil
	}
	return func(context.Context) *graphql.Response {
		select {
		case op.waiting <- struct{}{}:
		default:
		}
		select {
		case <-cancelled:
			return nil
		case a := <-op.actions:
			switch a {
			case fail:
				transport.AddSubscriptionError(ctx, gqlerror.Errorf("%s failed", name))
				return nil
			case complete:
				return nil
			}
			return &graphql.Response{Data: json.RawMessage(`{"name":"` + name + `"}`)}
		}
	}
}

// next makes the running operation name send data; end completes it; fail ends it with
// an error.
func (h *opHub) next(t *testing.T, name string) { t.Helper(); h.send(t, name, sendData) }
func (h *opHub) end(t *testing.T, name string)  { t.Helper(); h.send(t, name, complete) }
func (h *opHub) fail(t *testing.T, name string) { t.Helper(); h.send(t, name, fail) }

func (h *opHub) send(t *testing.T, name string, a hubAction) {
	t.Helper()
	select {
	case h.op(name).actions <- a:
	case <-time.After(5 * time.Second):
		t.Fatalf("operation %s is not running", name)
	}
}

// waitRunning waits until operation name waits for an action. gqlgen ends an operation
// cancelled before that without running it, even a stuck one.
func (h *opHub) waitRunning(t *testing.T, name string) {
	t.Helper()
	select {
	case <-h.op(name).waiting:
	case <-time.After(5 * time.Second):
		t.Fatalf("operation %s did not start", name)
	}
}

// client is one connection to an opHub in one protocol; it remembers what it read.
type client struct {
	t    *testing.T
	ws   *websocket.Conn
	read []message
}

func dialHub(t *testing.T, s *httptest.Server, protocol string) *client {
	t.Helper()
	c := &client{t: t, ws: mustDial(t, wsURL(s), protocol)}
	initialize(t, c.ws)
	return c
}

func (c *client) legacy() bool { return c.ws.Subprotocol() != transportWS }

// subscribe starts operation name (the hub's handle on it) under id.
func (c *client) subscribe(id, name string) {
	c.t.Helper()
	typ := "subscribe"
	if c.legacy() {
		typ = "start"
	}
	payload := fmt.Sprintf(`{"query":"subscription %s { name }"}`, name)
	send(c.t, c.ws, message{ID: id, Type: typ, Payload: json.RawMessage(payload)})
}

// stop is the client's complete (graphql-ws: stop) for id.
func (c *client) stop(id string) {
	c.t.Helper()
	typ := "complete"
	if c.legacy() {
		typ = "stop"
	}
	send(c.t, c.ws, message{ID: id, Type: typ})
}

func (c *client) next() message {
	c.t.Helper()
	m := read(c.t, c.ws)
	c.read = append(c.read, m)
	return m
}

// expect reads the next message and checks it is of kind ("data", "complete", "error")
// for id; data is next in graphql-transport-ws.
func (c *client) expect(kind, id string) message {
	c.t.Helper()
	if kind == "data" && !c.legacy() {
		kind = "next"
	}
	m := c.next()
	if m.Type != kind || m.ID != id {
		c.t.Fatalf("got %s for id %q (payload %s), want %s for id %q", m.Type, m.ID, m.Payload, kind, id)
	}
	return m
}

// expectData has operation name send data and reads it under id.
func (c *client) expectData(h *opHub, name, id string) {
	c.t.Helper()
	h.next(c.t, name)
	m := c.expect("data", id)
	if want := `{"data":{"name":"` + name + `"}}`; string(m.Payload) != want {
		c.t.Fatalf("payload %s, want %s", m.Payload, want)
	}
}

func (c *client) expectClose(code int, reason string) {
	c.t.Helper()
	if ce := readClose(c.t, c.ws); ce.Code != code || ce.Text != reason {
		c.t.Fatalf("close %d %q, want %d %q", ce.Code, ce.Text, code, reason)
	}
}

// errorRecorder is an ErrorFunc that keeps the errors gqlgen reports.
type errorRecorder struct {
	mu   sync.Mutex
	errs []error
}

func (r *errorRecorder) record(_ context.Context, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, err)
}

func (r *errorRecorder) has(target error) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, err := range r.errs {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

var protocols = []string{transportWS, legacyWS}

func TestDuplicateIDCloses(t *testing.T) {
	const again = `{"type":%q,"id":"1","payload":{"query":"subscription s2 { name }"}}`
	cases := []struct {
		name  string
		frame int    // websocket message type of the second subscribe
		text  string // format taking the subscribe type
	}{
		{"Text", websocket.TextMessage, again},
		{"Binary", websocket.BinaryMessage, again},
		// gqlgen decodes the first JSON value and ignores the rest.
		{"TrailingBytes", websocket.TextMessage, again + ` trailing`},
		// encoding/json matches keys case-insensitively, the last duplicate winning.
		{"FoldedKeys", websocket.TextMessage, `{"TYPE":%q,"Id":"0","ID":"1","Payload":{"query":"subscription s2 { name }"}}`},
	}
	for _, protocol := range protocols {
		for _, tc := range cases {
			t.Run(protocol+"/"+tc.name, func(t *testing.T) {
				var errs errorRecorder
				s, h := startHub(t, transport.Websocket{Implementation: New(Options{}), ErrorFunc: errs.record})
				c := dialHub(t, s, protocol)
				c.subscribe("1", "s1")
				typ := "subscribe"
				if c.legacy() {
					typ = "start"
				}
				if err := c.ws.WriteMessage(tc.frame, fmt.Appendf(nil, tc.text, typ)); err != nil {
					t.Fatal(err)
				}
				c.expectClose(CloseSubscriberExists, "Subscriber for 1 already exists")
				if n := h.timesAccepted("s2"); n != 0 {
					t.Errorf("gqlgen accepted the duplicate %d times", n)
				}
				waitFor(t, 5*time.Second, "ErrorFunc to get ErrSubscriberExists", func() bool {
					return errs.has(ErrSubscriberExists)
				})
			})
		}
	}
}

func TestIDReuse(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T, c *client, h *opHub)
	}{
		{"AfterServerComplete", func(t *testing.T, c *client, h *opHub) {
			c.subscribe("1", "s1")
			h.end(t, "s1")
			c.expect("complete", "1")
			c.subscribe("1", "s1")
			c.expectData(h, "s1", "1")
		}},
		{"AfterServerError", func(t *testing.T, c *client, h *opHub) {
			c.subscribe("1", "s1")
			h.fail(t, "s1") // error, and no complete
			c.expect("error", "1")
			c.subscribe("1", "s2")
			c.expectData(h, "s2", "1")
		}},
		{"AfterClientComplete", func(t *testing.T, c *client, h *opHub) {
			c.subscribe("1", "s1")
			c.stop("1")
			c.subscribe("1", "s2") // at once: gqlgen has yet to end s1
			c.expect("complete", "1")
			c.expectData(h, "s2", "1")
			// The first operation's complete did not end the second.
			c.subscribe("1", "s3")
			c.expectClose(CloseSubscriberExists, "Subscriber for 1 already exists")
			if n := h.timesAccepted("s3"); n != 0 {
				t.Errorf("gqlgen accepted the duplicate %d times", n)
			}
		}},
		{"WhileStoppedOperationRuns", func(t *testing.T, c *client, h *opHub) {
			c.subscribe("1", "stuck1")
			h.waitRunning(t, "stuck1")
			c.stop("1")
			c.subscribe("1", "s2") // gqlgen cannot end stuck1: the id is still taken
			c.expectClose(CloseSubscriberExists, "Subscriber for 1 already exists")
			h.end(t, "stuck1")
		}},
	}
	for _, protocol := range protocols {
		for _, tc := range cases {
			t.Run(protocol+"/"+tc.name, func(t *testing.T) {
				impl := New(Options{})
				s, h := startHub(t, transport.Websocket{Implementation: impl})
				tc.run(t, dialHub(t, s, protocol), h)
			})
		}
	}
}

func TestMaxSubscriptions(t *testing.T) {
	for _, protocol := range protocols {
		t.Run(protocol, func(t *testing.T) {
			s, h := startHub(t, transport.Websocket{Implementation: New(Options{MaxSubscriptions: 3})})
			c := dialHub(t, s, protocol)
			for _, id := range []string{"1", "2", "3"} {
				c.subscribe(id, "s"+id)
			}
			c.subscribe("4", "s4")
			c.expectTooMany("4")
			for _, id := range []string{"1", "2", "3"} {
				c.expectData(h, "s"+id, id)
			}

			// The client completing one frees its slot.
			c.stop("2")
			c.subscribe("5", "s5")
			c.expect("complete", "2")
			c.expectData(h, "s5", "5")
			// So does the server completing one.
			h.end(t, "s1")
			c.expect("complete", "1")
			c.subscribe("6", "s6")
			c.expectData(h, "s6", "6")

			c.subscribe("7", "s7")
			c.expectTooMany("7")
			c.expectData(h, "s3", "3")
			for _, name := range []string{"s4", "s7"} {
				if n := h.timesAccepted(name); n != 0 {
					t.Errorf("gqlgen accepted %s, over the cap, %d times", name, n)
				}
			}
			for _, m := range c.read {
				if (m.ID == "4" || m.ID == "7") && m.Type != "error" {
					t.Errorf("%s for refused id %s", m.Type, m.ID)
				}
			}
		})
	}
}

// expectTooMany reads the error answering a subscribe for id over a cap of 3.
func (c *client) expectTooMany(id string) {
	c.t.Helper()
	m := c.expect("error", id)
	want := `{"message":"too many subscriptions on this connection (limit 3)","extensions":{"code":"RATE_LIMITED","status":429}}`
	if !c.legacy() {
		want = "[" + want + "]"
	}
	if string(m.Payload) != want {
		c.t.Fatalf("payload %s, want %s", m.Payload, want)
	}
}

// TestStoppedOperationHoldsSlot: an operation the client stopped counts until gqlgen ends
// it, so a resolver that ignores cancellation cannot take the connection past the cap.
func TestStoppedOperationHoldsSlot(t *testing.T) {
	for _, protocol := range protocols {
		t.Run(protocol, func(t *testing.T) {
			impl := New(Options{MaxSubscriptions: 3})
			s, h := startHub(t, transport.Websocket{Implementation: impl})
			c := dialHub(t, s, protocol)
			c.subscribe("1", "stuck1")
			c.subscribe("2", "s2")
			c.subscribe("3", "s3")
			h.waitRunning(t, "stuck1")
			c.stop("1")
			c.subscribe("4", "s4")
			c.expectTooMany("4")
			h.end(t, "stuck1")
			c.expect("complete", "1")
			c.subscribe("5", "s5")
			c.expectData(h, "s5", "5")
		})
	}
}

// TestUnguardedMessagesPassThrough: what the guard cannot read reaches gqlgen unchanged,
// which answers it as it would without the guard.
func TestUnguardedMessagesPassThrough(t *testing.T) {
	cases := []struct{ name, text string }{
		{"NotJSON", `not json`},
		{"Array", `[{"type":"subscribe","id":"1"}]`},
		{"NoType", `{"id":"1"}`},
		{"NumericID", `{"type":"subscribe","id":1,"payload":{"query":"subscription s1 { name }"}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var errs errorRecorder
			s, _ := startHub(t, transport.Websocket{Implementation: New(Options{}), ErrorFunc: errs.record})
			c := dialHub(t, s, transportWS)
			if err := c.ws.WriteMessage(websocket.TextMessage, []byte(tc.text)); err != nil {
				t.Fatal(err)
			}
			c.expectClose(websocket.CloseNormalClosure, "terminated")
			if errs.has(ErrSubscriberExists) {
				t.Error("the guard refused a message gqlgen cannot decode")
			}
		})
	}
}

// TestGuardNoGoroutineLeak runs connections through every way the guard ends or refuses
// an operation and checks that every goroutine they started has exited.
func TestGuardNoGoroutineLeak(t *testing.T) {
	// The default drain wait: a loaded machine (CI runs packages in parallel) can take
	// well over 20 ms to end a stopped operation, and the reuse below must not race it.
	impl := New(Options{MaxSubscriptions: 2})
	s, h := startHub(t, transport.Websocket{Implementation: impl})
	before := runtime.NumGoroutine()

	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			if err := guardConversation(s, h, protocols[i%2], i); err != nil {
				t.Errorf("connection %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	waitGoroutines(t, before)
}

// guardConversation fills a connection's cap, is refused, stops and reuses an id, and
// ends with a duplicate (even i) or by vanishing (odd i). It returns errors instead of
// failing, for use from any goroutine.
func guardConversation(s *httptest.Server, h *opHub, protocol string, i int) error {
	d := websocket.Dialer{Subprotocols: []string{protocol}, HandshakeTimeout: 5 * time.Second}
	ws, _, err := d.Dial(wsURL(s), nil)
	if err != nil {
		return err
	}
	defer ws.Close()
	if err := initConn(ws); err != nil {
		return err
	}
	start, stop := "subscribe", "complete"
	if protocol == legacyWS {
		start, stop = "start", "stop"
	}
	sub := func(id string) error { // operation names are the hub's routing: one set per connection
		q := fmt.Sprintf(`{"query":"subscription c%d_%s { name }"}`, i, id)
		return writeMsg(ws, message{ID: id, Type: start, Payload: json.RawMessage(q)})
	}
	want := func(typ, id string) error {
		m, err := readMsg(ws)
		if err == nil && (m.Type != typ || m.ID != id) {
			err = fmt.Errorf("got %s for %q, want %s for %q", m.Type, m.ID, typ, id)
		}
		return err
	}
	for _, id := range []string{"a", "b", "c"} {
		if err := sub(id); err != nil {
			return err
		}
	}
	if err := want("error", "c"); err != nil {
		return err
	}
	if err := writeMsg(ws, message{ID: "a", Type: stop}); err != nil {
		return err
	}
	if err := sub("a"); err != nil {
		return err
	}
	if err := want("complete", "a"); err != nil {
		return err
	}
	if i%2 == 1 {
		return nil
	}
	if err := sub("b"); err != nil {
		return err
	}
	ce, err := readCloseFrame(ws)
	if err == nil && ce.Code != CloseSubscriberExists {
		err = fmt.Errorf("close %d %q, want 4409", ce.Code, ce.Text)
	}
	return err
}

// TestGuardAllocations: the guard costs a server message that cannot end an operation —
// every data message — no allocation.
func TestGuardAllocations(t *testing.T) {
	g := guard{max: 10}
	if v, _ := g.start("1", false); v != admit {
		t.Fatalf("start: verdict %d", v)
	}
	next := []byte(`{"payload":{"data":{"type":"chat","text":"` + strings.Repeat("x", 4096) + `"}},"id":"1","type":"next"}`)
	if n := testing.AllocsPerRun(100, func() { g.ending(next) }); n != 0 {
		t.Errorf("ending(next): %.0f allocations, want 0", n)
	}
}
