// Package wsgorilla serves GraphQL over websockets with github.com/gorilla/websocket.
//
// It has two layers. Implementation accepts connections: it checks the Origin before
// upgrading, negotiates graphql-transport-ws and graphql-ws, enforces the read limit,
// shares pooled buffers between connections, bounds every write with a deadline, runs the
// init timeout and the keepalive on timers, and guards against an operation id reused
// while active and any number of operations on one connection
// (Options.MaxSubscriptions). It also satisfies gqlgen's
// transport.WebsocketImplementation, so gqlgen's own transport.Websocket can run on it.
//
// Transport (transport.go) is the protocol on top, in place of gqlgen's transport: it
// runs operations with gqlgen's executor and writes the responses of shared
// subscriptions (internal/multiplex) as they were encoded once, several frames to a
// write, with no goroutine per subscription.
//
//	srv.AddTransport(wsgorilla.Transport{
//		Implementation: wsgorilla.New(wsgorilla.Options{AllowedOrigins: origins}),
//		InitFunc:       auth,
//	})
package wsgorilla

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"

	"github.com/northstar/northstar/internal/apperr"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultHandshakeTimeout = 10 * time.Second
	DefaultWriteTimeout     = 10 * time.Second
	DefaultMaxSubscriptions = 100
)

// closeTimeout bounds the closing handshake: how long a closed connection keeps reading
// for the peer's close frame (as coder/websocket does) and how long a connection the
// transport abandoned without closing it stays open before it is closed for it.
const closeTimeout = 5 * time.Second

// drainTimeout bounds how long a subscribe waits for gqlgen to end an operation the client
// stopped, when the subscribe reuses its id or needs its slot (see guard). gqlgen ends a
// cancelled subscription at once; only a resolver that ignores its context takes longer.
const drainTimeout = time.Second

// maxPooledBuffer keeps the buffer pools from pinning the memory of one huge message.
const maxPooledBuffer = 64 << 10

// Options configures New. Every field is optional.
type Options struct {
	// AllowedOrigins lists the exact origins ("https://console.example.com") whose pages
	// may open a websocket. Requests without an Origin header (non-browser clients) and
	// same-origin requests (Origin host equal to the request Host) are always allowed;
	// "*" allows any origin and is meant for development only. Any other request is
	// refused with 403 before the upgrade.
	AllowedOrigins []string
	// CheckOrigin, when set, decides instead of AllowedOrigins: for an HTTP layer that
	// has an origin rule of its own (httpapi's, which believes trusted proxies' forwarded
	// host), so that one rule decides before the upgrade and at it.
	CheckOrigin func(*http.Request) bool
	// ReadBufferSize is gorilla's read buffer size. 0 (the default) reuses the 4 KiB
	// buffer net/http allocated for the connection, the smaller choice under gqlgen's
	// transport, whose reader is the request's goroutine and keeps it anyway. Transport
	// lets that goroutine go: there, a 1 KiB read buffer measured less per idle connection
	// (BENCHMARKS.md part c). gorilla holds no write buffer: every frame is written by
	// this package, as it is built (frameWriter, writeControl).
	ReadBufferSize int
	// HandshakeTimeout bounds writing the 101 response; 0 means DefaultHandshakeTimeout.
	HandshakeTimeout time.Duration
	// WriteTimeout bounds every message and close-frame write, so a peer that stops
	// reading cannot block the transport; 0 means DefaultWriteTimeout.
	WriteTimeout time.Duration
	// EnableCompression negotiates permessage-deflate when the client offers it. It
	// applies to the client's messages: the server's are sent uncompressed, which the
	// extension allows (RFC 7692 §6).
	EnableCompression bool
	// MaxSubscriptions caps the operations (graphql-transport-ws subscribe, graphql-ws
	// start) active at once on one connection; 0 means DefaultMaxSubscriptions. A
	// subscribe beyond the cap is not passed to gqlgen: it is answered with an error
	// message for its id, and nothing else is sent for that id. The error is
	//	{"message":"too many subscriptions on this connection (limit N)","extensions":{"code":"RATE_LIMITED","status":429}}
	// as the payload's only element in graphql-transport-ws and as the payload itself in
	// graphql-ws.
	//
	// An operation is active from its subscribe until the server sends complete or error
	// for it, the client sends complete (graphql-ws: stop) for it, or the connection
	// closes. A subscribe for an id that is active closes the connection with 4409
	// "Subscriber for <id> already exists", the graphql-transport-ws rule, applied to
	// graphql-ws too: gqlgen would replace the first operation, which could then no longer
	// be stopped.
	//
	// An operation the client stopped keeps its slot, and its id stays taken, until gqlgen
	// has ended it (at once, unless its resolver ignores cancellation). A subscribe that
	// needs the slot or the id waits up to a second for that, then is refused or closes
	// the connection as above.
	MaxSubscriptions int
	// InitTimeout, when positive, closes a connection that has not sent connection_init
	// within it with 4408 "Connection initialisation timeout" (the graphql-transport-ws
	// rule; gqlgen's own InitTimeout closes with 1002). Leave the transport's InitTimeout
	// at 0 when setting it.
	InitTimeout time.Duration
	// KeepAlive, when positive, pings every connection at this interval with a websocket
	// ping frame (and, for graphql-ws, the protocol's "ka" message, which legacy clients
	// need within 30 s) and closes a connection whose peer has not answered a ping for two
	// intervals. It runs on a timer per connection — no goroutine while idle — so leave
	// the transport's KeepAlivePingInterval and PingPongInterval at 0 when setting it.
	KeepAlive time.Duration
	// StartPayload, when set, may rewrite the payload of each operation a client starts
	// (graphql-transport-ws subscribe, graphql-ws start) before gqlgen decodes it, for
	// members gqlgen does not read; it returns the payload unchanged when it has nothing
	// to do. It must not fail: a payload it cannot read goes to gqlgen as it came.
	StartPayload func(payload json.RawMessage) json.RawMessage
}

// Implementation accepts gqlgen websocket connections with gorilla/websocket. It is safe
// for concurrent use; build one with New and share it between transports.
type Implementation struct {
	upgrader         websocket.Upgrader
	writeTimeout     time.Duration
	closeTimeout     time.Duration
	drainTimeout     time.Duration
	maxSubscriptions int
	initTimeout      time.Duration
	keepAlive        time.Duration
	startPayload     func(json.RawMessage) json.RawMessage
	tooMany          []byte // the error object answering a subscribe over the cap
	allowAll         bool
	allowed          map[string]bool          // lower-cased origins
	checkOrigin      func(*http.Request) bool // Options.CheckOrigin; nil for the AllowedOrigins rule
	jsonBuffers      sync.Pool                // *jsonBuffer
	readBuffers      sync.Pool                // *bytes.Buffer
	frameWriters     sync.Pool                // *frameWriter
}

var _ transport.WebsocketImplementation = (*Implementation)(nil)

// New returns an Implementation configured by opts.
func New(opts Options) *Implementation {
	i := &Implementation{
		writeTimeout:     orDefault(opts.WriteTimeout, DefaultWriteTimeout),
		closeTimeout:     closeTimeout,
		drainTimeout:     drainTimeout,
		maxSubscriptions: orDefault(opts.MaxSubscriptions, DefaultMaxSubscriptions),
		initTimeout:      opts.InitTimeout,
		keepAlive:        opts.KeepAlive,
		startPayload:     opts.StartPayload,
		allowed:          make(map[string]bool, len(opts.AllowedOrigins)),
		checkOrigin:      opts.CheckOrigin,
	}
	i.tooMany, _ = json.Marshal(apperr.GraphQL(apperr.RateLimited, fmt.Sprintf("too many subscriptions on this connection (limit %d)", i.maxSubscriptions)))
	for _, o := range opts.AllowedOrigins {
		if o == "*" {
			i.allowAll = true
		}
		i.allowed[strings.ToLower(strings.TrimSuffix(o, "/"))] = true
	}
	i.upgrader = websocket.Upgrader{
		HandshakeTimeout:  orDefault(opts.HandshakeTimeout, DefaultHandshakeTimeout),
		ReadBufferSize:    opts.ReadBufferSize,
		CheckOrigin:       i.OriginAllowed,
		EnableCompression: opts.EnableCompression,
		// With a pool gorilla holds no write buffer (it would keep net/http's): it
		// writes no message of its own, only a close frame, which needs none.
		WriteBufferPool: &sync.Pool{},
	}
	return i
}

// OriginAllowed reports whether r may be upgraded under Options.CheckOrigin or, without
// one, the Options.AllowedOrigins rule. Accept applies it; it is exported so that an HTTP
// layer can refuse a request with its own error body before gqlgen sees it.
func (i *Implementation) OriginAllowed(r *http.Request) bool {
	if i.checkOrigin != nil {
		return i.checkOrigin(r)
	}
	origin := r.Header.Get("Origin")
	if origin == "" || i.allowAll || i.allowed[strings.ToLower(origin)] {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// Accept upgrades r to a websocket. The subprotocol is the first one in the client's
// list that options.Subprotocols supports: the client's preference. (gorilla and
// coder/websocket pick by the server's list, and gqlgen lists the legacy graphql-ws
// first.) A client that offers none of them gets no subprotocol, which gqlgen serves as
// graphql-ws. A refused origin or a bad handshake has already been answered with an
// HTTP error when Accept returns the error. A connection the transport stops serving
// without closing it is closed when the request's handler returns (see handlerDone).
func (i *Implementation) Accept(w http.ResponseWriter, r *http.Request, options transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	c, err := i.accept(w, r, options.ResponseHeader, options.Subprotocols)
	if err != nil {
		return nil, err
	}
	context.AfterFunc(r.Context(), c.handlerDone)
	return c, nil
}

// accept is Accept for a caller that closes the connection itself (Transport).
func (i *Implementation) accept(w http.ResponseWriter, r *http.Request, header http.Header, subprotocols []string) (*conn, error) {
	u := i.upgrader
	u.Subprotocols = nil
	for _, p := range websocket.Subprotocols(r) {
		if slices.Contains(subprotocols, p) {
			u.Subprotocols = []string{p}
			break
		}
	}
	c := &conn{impl: i, ending: EndingFrom(r.Context()), fd: -1}
	ws, err := u.Upgrade(hijacker{ResponseWriter: w, c: c}, r, header)
	if err != nil {
		return nil, err
	}
	c.ws = ws
	c.ending.attach(c)
	c.guard = guard{max: i.maxSubscriptions, legacy: ws.Subprotocol() != graphqlTransportWS}
	c.answerControls()
	if sc, ok := c.raw.(syscall.Conn); ok {
		if raw, err := sc.SyscallConn(); err == nil {
			_ = raw.Control(func(fd uintptr) { c.fd = int32(fd) })
			c.direct = c.fd >= 0
		}
	}
	if i.initTimeout > 0 {
		c.initTimer = time.AfterFunc(i.initTimeout, c.initExpired)
	}
	if i.keepAlive > 0 {
		c.startHeartbeat(i.keepAlive)
	}
	return c, nil
}

// jsonBuffer is a buffer WriteJSON encodes into, with its encoder.
type jsonBuffer struct {
	bytes.Buffer
	enc *json.Encoder
}

// getBuffer and putBuffer recycle jsonBuffers between connections.
func (i *Implementation) getBuffer() *jsonBuffer {
	if b, ok := i.jsonBuffers.Get().(*jsonBuffer); ok {
		return b
	}
	b := new(jsonBuffer)
	b.enc = json.NewEncoder(&b.Buffer)
	return b
}

func (i *Implementation) putBuffer(b *jsonBuffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	i.jsonBuffers.Put(b)
}

// getReadBuffer and putReadBuffer recycle the buffers NextReader reads messages into.
func (i *Implementation) getReadBuffer() *bytes.Buffer {
	if b, ok := i.readBuffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

func (i *Implementation) putReadBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	i.readBuffers.Put(b)
}

// getFrameWriter and putFrameWriter recycle frameWriters between connections.
func (i *Implementation) getFrameWriter(c *conn) *frameWriter {
	w, ok := i.frameWriters.Get().(*frameWriter)
	if !ok {
		w = new(frameWriter)
	}
	w.c = c
	return w
}

func (i *Implementation) putFrameWriter(w *frameWriter) {
	if cap(w.buf) > maxPooledBuffer {
		return
	}
	*w = frameWriter{buf: w.buf[:0]}
	i.frameWriters.Put(w)
}

func orDefault[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}
