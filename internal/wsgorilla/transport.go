package wsgorilla

// # The transport
//
// Transport serves GraphQL over these connections with gqlgen's executor, in place of
// gqlgen's transport.Websocket, for what gqlgen's cannot do: hand a shared subscription's
// pre-encoded responses to the socket without a goroutine per subscription and without
// encoding them again per subscriber (issue "realtime delivery at the hardware's pace").
//
// It speaks graphql-transport-ws and graphql-ws as gqlgen's transport does (the same
// messages, bytes and order), with three differences, each a fix:
//   - A message that is not JSON, or of a type the protocol does not allow from a client,
//     closes the connection with 4400 "Invalid message received" (graphql-transport-ws's
//     rule; gqlgen closed with 1000 "terminated", which tells a client nothing).
//   - A connection_init payload that is not an object closes with 4400 at once (gqlgen
//     left the connection open until the adapter closed it with 1011).
//   - ping and pong may come before connection_init (graphql-transport-ws allows them at
//     any time).
//
// Each connection costs one goroutine while idle, its reader, started after
// connection_init (the upgrade request's goroutine returns at once, and the goroutine
// that ran InitFunc ends, each with the stack its work grew); the connection's end is a
// context.AfterFunc, the init timeout and the keepalive are timers (conn). An operation
// runs on a goroutine of its own until it ends, as in gqlgen, unless a multiplex group
// takes it over (multiplex.Receiver): then the goroutine ends once the subscriber is
// authorized, and the group notifies the operation when it has responses.
//
// A notification queues the operation on its connection when the connection is being
// written already (its flusher takes it); otherwise it writes at once, on the notifying
// goroutine (the group's announcer), the operation's responses, each wrapped in its
// envelope (the bytes are the group's, encoded once), as websocket frames in one write
// system call that does not wait (write(2) on the non-blocking socket's descriptor; conn.writeSome
// and conn.closeNow say why that is safe). What it cannot finish so, the part the socket
// did not take, operations to complete or close, or a write under way on another
// goroutine, goes to a goroutine of the connection's (flush), which waits for the socket
// within the write deadline and drains the queue, while the group goes on with its other
// members. Writing from the announcer is what makes a delivery cheap (BENCHMARKS.md part
// b: within a few percent of a server that does nothing but one write per delivery, where
// a goroutine per connection and message cost 16 µs against 12, the difference being
// hand-offs between threads), and a connection that fell behind catches up several
// messages to a write. At that pace what a delivery costs above its write system call is
// mostly waiting on memory: the announcer reaches each connection's state after writing
// to a thousand others, so it reads as few cache lines as it can (the operation, its
// group member, and the first line of its conn, which holds the queue, the write lock,
// the descriptor and the flag that says whether messages are dropped). Every write to
// the socket, control frames and gorilla's own close frame 1002 for a frame that breaks
// the protocol included (locked.go), holds the connection's write lock, so frames go out
// whole even after a partial write.
//
// Failure modes: a connection whose socket stays full is written by its own goroutine
// until the write deadline closes it; one whose operation falls more than the group's
// ring behind is closed with 1013 (multiplex.Member.FellBehind) and resumes with after.
//
// Tests: transport_test.go (both protocols through the shared path and the goroutine
// path, stops, completes, a connection behind catching up in order, frames after a pong,
// the connection's context, the 4400 cases); conn_test.go's TestSocketClosesAroundWriteSome
// (the descriptor held open through a write's system call, given up at the close, and a
// waiting write interrupted by it), TestGorillasCloseFrameTakesTheWriteLock and
// TestEndingStopsItsConnections (the drop flag an Ending sets); every
// server-level websocket test and the npm client tests run through it.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/northstar/northstar/internal/multiplex"
)

// DefaultReadLimit is the largest client message Transport reads when its ReadLimit is 0:
// gqlgen's default.
const DefaultReadLimit = 1 << 20

// maxBatch bounds the frames a flusher writes at once (and keeps its buffer poolable).
const maxBatch = maxPooledBuffer

// subprotocols are the subprotocols Transport negotiates.
var subprotocols = []string{"graphql-ws", graphqlTransportWS}

// Transport is a gqlgen transport (handler.Server.AddTransport) serving GraphQL over
// websockets accepted by Implementation (see "The transport" above).
type Transport struct {
	// Implementation accepts the connections. Required.
	Implementation *Implementation
	// InitFunc checks a connection_init payload and returns the connection's context.
	// An error closes the connection; an *InitError says with which code and reason
	// (otherwise 4500 and the error's text). nil accepts every connection.
	InitFunc InitFunc
	// ReadLimit is the largest client message in bytes; 0 means DefaultReadLimit and a
	// negative value none.
	ReadLimit int64
	// Log receives a panic of a connection's reader; nil means slog.Default().
	Log *slog.Logger
}

// InitFunc is Transport.InitFunc.
type InitFunc func(ctx context.Context, payload transport.InitPayload) (context.Context, error)

// InitError refuses a connection_init with a close code and reason; graphql-ws clients
// also receive the reason in a connection_error message first.
type InitError struct {
	Code   int
	Reason string
}

func (e *InitError) Error() string { return e.Reason }

var _ graphql.Transport = Transport{}

// Supports reports whether r asks for an upgrade.
func (t Transport) Supports(r *http.Request) bool { return r.Header.Get("Upgrade") != "" }

// Do upgrades r and returns: the connection is served by goroutines of its own, so
// that the request's goroutine, its stack grown by the handlers it ran through, and
// net/http's buffers for the request are let go (see "The transport").
func (t Transport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	c, err := t.Implementation.accept(w, r, http.Header{}, subprotocols)
	if err != nil {
		return // accept answered with an HTTP error
	}
	limit := t.ReadLimit
	if limit == 0 {
		limit = DefaultReadLimit
	}
	if limit > 0 {
		c.SetReadLimit(limit)
	}
	// The connection outlives the request: its context keeps the request's values and
	// ends when the connection closes.
	ctx, cancel := context.WithCancel(context.WithoutCancel(r.Context()))
	s := &session{c: c, exec: exec, ctx: ctx, end: cancel, headers: r.Header,
		legacy: c.guard.legacy, active: map[string]*operation{}, log: t.Log}
	if s.log == nil {
		s.log = slog.Default()
	}
	go s.serve(t.InitFunc)
}

// serve runs connection_init, then hands the connection to a fresh goroutine for the
// rest of its life: InitFunc's work (token checks, store reads) grows the stack of the
// goroutine it runs on, and an idle connection should not keep that stack.
func (s *session) serve(initFunc InitFunc) {
	defer s.recover()
	if s.init(initFunc) {
		go s.run()
	}
}

// recover closes the connection with 4500 after a panic in its reader, which net/http
// would otherwise have recovered, and logs it.
func (s *session) recover() {
	if r := recover(); r != nil {
		s.log.ErrorContext(s.ctx, "websocket reader panicked", "panic", r, "stack", string(debug.Stack()))
		s.close(CloseInternal, "internal error")
	}
}

// clientMessage is a message from the client, decoded as gqlgen decodes it.
type clientMessage struct {
	Payload json.RawMessage `json:"payload,omitempty"`
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
}

var errInvalidMessage = errors.New("invalid message")

// session is one connection's protocol state.
type session struct {
	c       *conn
	exec    graphql.GraphExecutor
	ctx     context.Context    // the connection's, from InitFunc once initialised
	end     context.CancelFunc // ends the connection's context (close)
	headers http.Header
	legacy  bool // graphql-ws
	log     *slog.Logger

	mu     sync.Mutex
	active map[string]*operation
	closed bool

	batch batch // the flusher's (c.flushing)
}

// read returns the next client message; errInvalidMessage when it is not one.
func (s *session) read() (clientMessage, error) {
	var m clientMessage
	_, r, err := s.c.NextReader()
	if err != nil {
		return m, err
	}
	if json.NewDecoder(r).Decode(&m) != nil {
		return m, errInvalidMessage
	}
	return m, nil
}

// init waits for connection_init and acknowledges it, answering pings meanwhile. It
// reports whether the connection is open and initialised.
func (s *session) init(initFunc InitFunc) bool {
	for {
		m, err := s.read()
		if err != nil {
			s.fail(err)
			return false
		}
		switch {
		case m.Type == "connection_init":
		case s.ping(m):
			continue
		case s.legacy && m.Type == "connection_terminate":
			s.close(websocket.CloseNormalClosure, "terminated")
			return false
		default:
			s.invalid()
			return false
		}
		var payload transport.InitPayload
		if len(m.Payload) > 0 {
			if json.Unmarshal(m.Payload, &payload) != nil {
				s.refuse(CloseBadRequest, "connection_init payload must be an object")
				return false
			}
		}
		if initFunc != nil {
			ctx, err := initFunc(s.ctx, payload)
			if err != nil {
				ie := &InitError{Code: CloseInternal, Reason: err.Error()}
				errors.As(err, &ie)
				s.refuse(ie.Code, ie.Reason)
				return false
			}
			s.ctx = ctx
		}
		s.send(nil, "", "connection_ack")
		if s.legacy {
			s.send(nil, "", "ka")
		}
		return true
	}
}

// ping answers a graphql-transport-ws ping with a pong carrying its payload, and ignores
// a pong. It reports whether m was either.
func (s *session) ping(m clientMessage) bool {
	if s.legacy || (m.Type != "ping" && m.Type != "pong") {
		return false
	}
	if m.Type == "ping" {
		var payload []byte
		if len(m.Payload) > 0 {
			payload, _ = json.Marshal(m.Payload) // compact, as gqlgen's encoder sends it
		}
		s.send(payload, "", "pong")
	}
	return true
}

// run serves an initialised connection until it closes. The connection closes when its
// context ends (InitFunc's: an expired token, revoked access, shutdown) or reading ends.
func (s *session) run() {
	defer s.recover()
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	s.ctx = ctx
	context.AfterFunc(ctx, func() { s.close(websocket.CloseNormalClosure, "terminated") })
	start, stop := "subscribe", "complete"
	if s.legacy {
		start, stop = "start", "stop"
	}
	for {
		begin := graphql.Now()
		m, err := s.read()
		if err != nil {
			s.fail(err)
			return
		}
		switch {
		case m.Type == start:
			s.subscribe(begin, m.ID, m.Payload)
		case m.Type == stop:
			s.stop(m.ID)
		case s.ping(m):
		case s.legacy && m.Type == "connection_terminate":
			s.close(websocket.CloseNormalClosure, "terminated")
			return
		default:
			s.invalid()
			return
		}
	}
}

// fail ends the connection after a read error: a message that is not JSON is refused with
// 4400; otherwise the peer is gone or the conn has sent its close frame already (1009,
// 4401, 4409, 4429).
func (s *session) fail(err error) {
	if errors.Is(err, errInvalidMessage) {
		s.invalid()
		return
	}
	s.close(websocket.CloseNormalClosure, "terminated")
}

// invalid refuses a message the protocol does not allow.
func (s *session) invalid() { s.refuse(CloseBadRequest, "Invalid message received") }

// refuse closes the connection with code and reason, which a graphql-ws client also
// receives as a connection_error first.
func (s *session) refuse(code int, reason string) {
	if s.legacy {
		payload, _ := json.Marshal(&gqlerror.Error{Message: reason})
		s.send(payload, "", "connection_error")
	}
	s.close(code, reason)
}

// close sends the close frame (the Ending's code and reason instead of a normal closure,
// see conn.WriteClose), ends every operation, closes the connection and ends its context
// (which unregisters it wherever InitFunc registered it), once.
func (s *session) close(code int, reason string) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	ops := s.active
	s.active = nil
	s.mu.Unlock()
	_ = s.c.WriteClose(code, reason)
	for _, op := range ops {
		op.cancel()
	}
	_ = s.c.Close()
	s.end()
}

// send writes one message of the protocol; payload is compact JSON as encoding/json
// writes it, or nil.
func (s *session) send(payload []byte, id, typ string) {
	_ = s.c.writeEnvelope(payload, id, typ)
}

func (s *session) sendResponse(id string, r *graphql.Response) {
	payload, err := json.Marshal(r)
	if err != nil {
		payload, _ = json.Marshal(&graphql.Response{Errors: gqlerror.List{gqlerror.Errorf("encoding the response: %v", err)}})
	}
	s.send(payload, id, s.nextType())
}

func (s *session) sendError(id string, errs ...*gqlerror.Error) {
	payload, _ := json.Marshal(errs)
	s.send(payload, id, "error")
}

func (s *session) complete(id string) { s.send(nil, id, "complete") }

// nextType is the type of a response message.
func (s *session) nextType() string {
	if s.legacy {
		return "data"
	}
	return "next"
}

// subscribe starts an operation, as gqlgen's transport does.
func (s *session) subscribe(begin time.Time, id string, payload json.RawMessage) {
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	if err := dec.Decode(params); err != nil {
		s.sendError(id, &gqlerror.Error{Message: "invalid json"})
		s.complete(id)
		return
	}
	params.ReadTime = graphql.TraceTiming{Start: begin, End: graphql.Now()}
	params.Headers = s.headers
	ctx := graphql.StartOperationTrace(s.ctx)
	rc, errs := s.exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := s.exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs)
		if errcode.GetErrorKind(errs) == errcode.KindProtocol {
			s.sendError(id, resp.Errors...)
		} else {
			s.sendResponse(id, &graphql.Response{Errors: errs})
		}
		s.complete(id)
		return
	}
	ctx, cancel := context.WithCancel(graphql.WithOperationContext(ctx, rc))
	// The envelope of a response without its payload, {"id":…,"type":…}, is what
	// follows the payload in its message: appendEnvelope writes the payload first.
	rest := appendEnvelope([]byte{','}, nil, id, s.nextType())
	op := &operation{s: s, c: s.c, id: id, cancel: cancel}
	op.suffix = append(append(op.suffixBuf[:0], rest[:1]...), rest[2:]...)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		cancel()
		return
	}
	s.active[id] = op
	s.mu.Unlock()
	go op.run(ctx, rc)
}

// stop ends the operation the client stopped: it is cancelled, and its complete sent (by
// its goroutine, or here when a group serves it).
func (s *session) stop(id string) {
	s.mu.Lock()
	op := s.active[id]
	s.mu.Unlock()
	if op == nil {
		return
	}
	op.cancel()
	if op.member.Load() != nil {
		op.finish(true)
	}
}

// operation is one active operation of a session. What a delivery reads comes first (as
// in conn), its suffix included when the id is short enough for suffixBuf.
type operation struct {
	s        *session
	c        *conn                            // s.c
	member   atomic.Pointer[multiplex.Member] // the group's member serving it, if any
	finished atomic.Bool                      // finish ran
	queued   bool                             // in c.queue; guarded by c.qmu
	suffix   []byte                           // what follows a response in its next message: `,"id":…,"type":"next"}`

	id        string
	cancel    context.CancelFunc
	suffixBuf [48]byte
}

var _ multiplex.Receiver = (*operation)(nil)

// run executes the operation and sends its responses, unless a group takes it over.
func (op *operation) run(ctx context.Context, rc *graphql.OperationContext) {
	s := op.s
	defer func() {
		if r := recover(); r != nil {
			err := rc.Recover(ctx, r)
			var gqlErr *gqlerror.Error
			if !errors.As(err, &gqlErr) {
				gqlErr = &gqlerror.Error{}
				if err != nil {
					gqlErr.Message = err.Error()
				}
			}
			s.sendError(op.id, gqlErr)
			op.finish(true)
		}
	}()
	responses, rctx := s.exec.DispatchOperation(multiplex.WithReceiver(ctx, op), rc)
	if op.member.Load() != nil {
		// A group serves it; a stop that came while it was being authorized found no
		// member and left its complete to this goroutine.
		if ctx.Err() != nil {
			op.finish(true)
		}
		return
	}
	for {
		r := responses(rctx)
		if r == nil {
			break
		}
		s.sendResponse(op.id, r)
	}
	op.finish(true)
}

// Follow records the member serving the operation (multiplex.Receiver).
func (op *operation) Follow(m *multiplex.Member) { op.member.Store(m) }

// Notify queues the operation for its connection when a flusher runs, and otherwise
// becomes the flusher and writes the operation's responses at once (multiplex.Receiver;
// see "The transport").
func (op *operation) Notify() {
	c := op.c
	c.qmu.Lock()
	if c.flushing {
		if !op.queued {
			op.queued = true
			c.queue = append(c.queue, op)
		}
		c.qmu.Unlock()
		return
	}
	c.flushing = true // with an empty queue
	if c.direct && c.writeMu.TryLock() {
		c.qmu.Unlock()
		op.s.flushNow(op)
		return
	}
	op.queued = true
	c.queue = append(c.queue, op)
	c.qmu.Unlock()
	go op.s.flush(nil, false)
}

// finish ends the operation once: it completes it when complete is set (not when its
// connection is closing for it), releases it and cancels its context.
func (op *operation) finish(complete bool) {
	if !op.finished.CompareAndSwap(false, true) {
		return
	}
	if complete {
		op.s.complete(op.id)
	}
	op.s.mu.Lock()
	if op.s.active[op.id] == op {
		delete(op.s.active, op.id)
	}
	op.s.mu.Unlock()
	op.cancel()
}

// batch is one pass of a connection's flusher: the queued operations it took, and those
// of them whose group ended or that fell behind. Only the flusher uses it.
type batch struct {
	ops, ended, behind []*operation
}

// take moves the queue into b.ops. It returns false when the queue is empty, which ends
// the flusher.
func (s *session) take(b *batch) bool {
	c := s.c
	c.qmu.Lock()
	defer c.qmu.Unlock()
	clear(b.ops) // hold no operation of an earlier pass
	b.ops, c.queue = c.queue, b.ops[:0]
	if len(b.ops) == 0 {
		c.flushing = false
		return false
	}
	for _, op := range b.ops {
		op.queued = false
	}
	return true
}

// collect appends the responses of ops to w, and those of ops whose group ended or that
// fell behind to s.batch; it reports whether there are any (settle). Inline (w.inline)
// it stops once w holds maxBatch bytes and queues again the operations it has not
// finished.
func (s *session) collect(w *frameWriter, ops []*operation) (settle bool) {
	for i, op := range ops {
		m := op.member.Load()
	read:
		for !op.finished.Load() {
			if w.inline && len(w.buf) >= maxBatch {
				s.requeue(ops[i:])
				return settle
			}
			payload, st := m.Next()
			switch st {
			case multiplex.Ready:
				w.text(nextPrefix, payload, op.suffix)
				continue
			case multiplex.Done:
				s.batch.ended = append(s.batch.ended, op)
				settle = true
			case multiplex.Behind:
				s.batch.behind = append(s.batch.behind, op)
				settle = true
			}
			break read
		}
	}
	return settle
}

func (s *session) requeue(ops []*operation) {
	c := s.c
	c.qmu.Lock()
	defer c.qmu.Unlock()
	for _, op := range ops {
		if !op.queued {
			op.queued = true
			c.queue = append(c.queue, op)
		}
	}
}

// settle ends the operations of b whose group ended (complete) or that fell behind (the
// connection closes with 1013; nothing more is sent for them), and empties those lists.
func (s *session) settle(b *batch) {
	for _, op := range b.ended {
		op.finish(true)
	}
	for _, op := range b.behind {
		if !op.finished.CompareAndSwap(false, true) {
			continue // the client stopped it meanwhile, and heard complete
		}
		op.member.Load().FellBehind()
		op.cancel() // leaves the group, without completing
	}
	clear(b.ended)
	clear(b.behind)
	b.ended, b.behind = b.ended[:0], b.behind[:0]
}

// flushNow is a flusher's first pass, on the notifying goroutine (the group's), with the
// write lock Notify took: it writes op's responses without waiting for the socket, and
// leaves to a goroutine (flush) whatever it cannot finish so: what the socket did not
// take, operations to complete or close, and what was queued meanwhile. It reads only
// op, its member and the first cache line of its conn (see conn).
func (s *session) flushNow(op *operation) {
	c := op.c
	w := c.impl.getFrameWriter(c)
	w.inline = true
	ops := [1]*operation{op}
	settle := s.collect(w, ops[:])
	if !w.tryFlush() {
		go s.flush(w, settle) // with the write lock
		return
	}
	c.writeMu.Unlock()
	c.impl.putFrameWriter(w)
	c.qmu.Lock()
	if !settle && len(c.queue) == 0 {
		c.flushing = false
		c.qmu.Unlock()
		return
	}
	c.qmu.Unlock()
	go s.flush(nil, settle)
}

// flush is a flusher on a goroutine of its own. It writes the rest of w first, holding
// the write lock flushNow left to it, settles the batch flushNow left when settle is
// set, then writes pass after pass until the queue is empty.
func (s *session) flush(w *frameWriter, settle bool) {
	if w != nil {
		w.flush()
		s.c.writeMu.Unlock()
		s.c.impl.putFrameWriter(w)
	}
	b := &s.batch
	if settle {
		s.settle(b)
	}
	for s.take(b) {
		s.c.writeFrames(func(w *frameWriter) { s.collect(w, b.ops) })
		s.settle(b)
	}
}

// nextPrefix begins a response message, whose payload follows (appendEnvelope's order).
var nextPrefix = []byte(`{"payload":`)
