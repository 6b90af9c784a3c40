package wsgorilla

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
)

// closeWriteTimeout bounds writing a close frame (gorilla uses the same for its own): a
// peer that cannot take 125 bytes in a second is gone, and gqlgen holds its connection
// lock while WriteClose runs.
const closeWriteTimeout = time.Second

// maxCloseReason is the most a close frame's reason can hold (RFC 6455 §5.5: 125-byte
// control payload minus the 2-byte code).
const maxCloseReason = 123

// conn adapts a gorilla connection to transport.WebsocketConn.
//
// gorilla reads: it parses frames, checks the protocol and calls our handlers for pings
// and close frames. Every frame is written by this package (frameWriter, writeControl)
// under writeMu, on the socket itself (raw); gorilla's one write of its own, the close
// frame 1002, takes the lock too (lockedConn). gqlgen reads from one goroutine and
// serializes its own writes, but writeMu keeps the adapter correct on its own, and costs
// nothing uncontended.
//
// Closing follows coder/websocket: after our close frame, keep reading until the peer's
// close frame (or closeTimeout) before closing TCP, so the peer reads the close code
// instead of a reset.
type conn struct {
	// What a delivery reads and writes (operation.Notify to writeSome) comes first, in
	// the first 64 bytes, one cache line when the allocation starts on one (two at most):
	// a group's announcer writes to every member's connection in turn, and on a busy
	// server each connection's state is cold by then, so every further line a delivery
	// touches costs it a wait on memory (BENCHMARKS.md part b, "above the floor").

	// writeMu serializes every write to the socket, control frames included, so that
	// frames go out whole even when a frameWriter's write was partial (tryFlush).
	writeMu sync.Mutex
	fdMu    sync.Mutex // held by writeSome's system call and by closeNow giving the descriptor up
	impl    *Implementation
	fd      int32       // that descriptor while the socket is open, else -1; guarded by fdMu
	stopped atomic.Bool // data messages are dropped (dropping); set once, under mu or by the Ending
	direct  bool        // the socket has a descriptor writeSome writes to; set at the upgrade
	// The transport's flusher state (see "The transport"), here rather than in session
	// for the same reason.
	flushing bool         // a flusher runs: it owns the session's batch; guarded by qmu
	qmu      sync.Mutex   // guards the queue and the operations' queued flags
	queue    []*operation // operations with responses to write; empty unless flushing

	ws     *websocket.Conn
	raw    net.Conn // the socket; gorilla writes through a lockedConn around it
	guard  guard
	ending *Ending // how to close when the server ends the connection; may be nil

	// The reader's own: the message being read and the reader gqlgen gets over it.
	buf       *bytes.Buffer
	msg       bytes.Reader
	limited   io.LimitedReader
	env       envelope
	readLimit int64       // 0: none
	inited    bool        // connection_init has been read
	initTimer *time.Timer // closes the connection if connection_init is late; nil: no limit

	heartbeat *time.Timer  // pings the peer; nil: no keepalive
	lastPong  atomic.Int64 // unix nanoseconds of the peer's last pong (or the start)

	framesDeadline time.Time // when frameWriter next moves the write deadline; guarded by writeMu

	mu         sync.Mutex
	reading    bool // a goroutine is inside ws.NextReader
	readFailed bool // ws.NextReader returned an error: gorilla reads nothing more
	closeSent  bool // a close frame went out: ours, or gorilla's (echo, 1009, 1002)
	peerClosed bool // the peer's close frame arrived
	closing    bool // Close was called
	closeOnce  sync.Once
}

var (
	_ transport.WebsocketConn          = (*conn)(nil)
	_ transport.WebsocketReadLimiter   = (*conn)(nil)
	_ transport.WebsocketReadDeadliner = (*conn)(nil)
)

// NextReader returns the next data message, read in full and checked by the guard (see
// Options.MaxSubscriptions); the reader is valid until the next call. A close frame with
// 1000, 1001 or 1005 ends the stream with transport.ErrWebsocketClosed (coder's adapter
// maps only 1000 and 1005; 1001 is a browser leaving the page); after Close it returns
// net.ErrClosed. gqlgen reports neither to ErrorFunc. A message over the read limit fails
// with websocket.ErrReadLimit after close 1009 went out, and a reused operation id with
// ErrSubscriberExists after close 4409.
func (c *conn) NextReader() (int, io.Reader, error) {
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return 0, nil, net.ErrClosed
	}
	c.reading = true
	c.mu.Unlock()
	// gqlgen has decoded the previous message; an idle connection holds no buffer.
	c.msg.Reset(nil)
	if c.buf != nil {
		c.impl.putReadBuffer(c.buf)
		c.buf = nil
	}

	for {
		typ, err := c.readMessage()
		if err != nil {
			return 0, nil, c.failRead(err)
		}
		pass, err := c.admit(c.buf.Bytes())
		if !pass && err == nil {
			continue
		}
		if !c.endRead(err != nil) {
			// Our close frame is out: skip what the peer sent before seeing it.
			continue
		}
		if err != nil {
			return 0, nil, err
		}
		c.rewriteStart()
		c.msg.Reset(c.buf.Bytes())
		return typ, &c.msg, nil
	}
}

// rewriteStart passes the payload of the operation start in c.buf (admit decoded its
// envelope into c.env) through Options.StartPayload.
func (c *conn) rewriteStart() {
	start := typeSubscribe
	if c.guard.legacy {
		start = typeStart
	}
	if c.impl.startPayload == nil || c.env.Type != start {
		return
	}
	var msg map[string]json.RawMessage
	if json.Unmarshal(c.buf.Bytes(), &msg) != nil || msg["payload"] == nil {
		return
	}
	payload := c.impl.startPayload(msg["payload"])
	if bytes.Equal(payload, msg["payload"]) {
		return
	}
	msg["payload"] = payload
	data, err := json.Marshal(msg)
	if err != nil {
		return
	}
	c.buf.Reset()
	c.buf.Write(data)
}

// readMessage reads the next data message into c.buf. The read limit also bounds the
// message once decompressed, which gorilla does not check.
func (c *conn) readMessage() (int, error) {
	typ, r, err := c.ws.NextReader()
	if err != nil {
		return 0, err
	}
	if c.buf == nil {
		c.buf = c.impl.getReadBuffer()
	}
	c.buf.Reset()
	c.limited = io.LimitedReader{R: r, N: math.MaxInt64}
	if c.readLimit > 0 {
		c.limited.N = c.readLimit + 1
	}
	_, err = c.buf.ReadFrom(&c.limited)
	c.limited.R = nil
	if err == nil && c.readLimit > 0 && int64(c.buf.Len()) > c.readLimit {
		_ = c.WriteClose(websocket.CloseMessageTooBig, "")
		err = websocket.ErrReadLimit
	}
	return typ, err
}

// failRead ends reading on err and returns the error for gqlgen.
func (c *conn) failRead(err error) error {
	var ce *websocket.CloseError
	peerClosed := errors.As(err, &ce)
	c.mu.Lock()
	closing := c.closing
	c.reading = false
	c.readFailed = true
	c.peerClosed = c.peerClosed || peerClosed
	c.mu.Unlock()
	switch {
	case closing:
		_ = c.closeNow()
		return net.ErrClosed
	case peerClosed && isNormalClose(ce.Code):
		return transport.ErrWebsocketClosed
	}
	return err
}

// endRead ends reading after a message (failed: NextReader returns an error, after which
// gqlgen closes the connection). It reports false if Close came first: the reader then
// keeps reading, to finish the closing handshake.
func (c *conn) endRead(failed bool) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return false
	}
	c.reading = false
	c.readFailed = failed
	return true
}

// admit applies the guard to a client message and reports whether gqlgen gets it. It
// answers a subscribe over the cap itself and refuses a reused id by closing the
// connection with 4409 (ErrSubscriberExists). Anything that is not a subscribe or stop
// of the negotiated protocol, including what gqlgen cannot decode, passes unchanged.
func (c *conn) admit(data []byte) (bool, error) {
	e := &c.env
	if !decodeEnvelope(data, e) {
		return true, nil
	}
	start, stop := typeSubscribe, typeComplete
	if c.guard.legacy {
		start, stop = typeStart, typeStop
	}
	switch e.Type {
	case typeInit:
		if c.inited {
			_ = c.WriteClose(CloseTooManyInits, "Too many initialisation requests")
			return false, ErrTooManyInits
		}
		c.inited = true
		if c.initTimer != nil && !c.initTimer.Stop() {
			return false, nil // initExpired is closing the connection
		}
		return true, nil
	case stop:
		c.guard.stop(e.ID)
		return true, nil
	case start:
		if !c.inited {
			_ = c.WriteClose(CloseUnauthorized, "Unauthorized")
			return false, ErrNotInitialised
		}
	default:
		return true, nil
	}
	switch c.awaitStart(e.ID) {
	case refuse:
		_ = c.writeTooMany(e.ID)
		return false, nil
	case duplicate:
		_ = c.WriteClose(CloseSubscriberExists, "Subscriber for "+e.ID+" already exists")
		return false, ErrSubscriberExists
	}
	return true, nil
}

// awaitStart returns the guard's verdict on a subscribe for id, waiting up to
// drainTimeout for operations the client stopped to end when the verdict depends on them.
func (c *conn) awaitStart(id string) verdict {
	var timer *time.Timer
	canWait := true
	for {
		v, changed := c.guard.start(id, canWait)
		if changed == nil {
			if timer != nil {
				timer.Stop()
			}
			return v
		}
		if timer == nil {
			timer = time.NewTimer(c.impl.drainTimeout)
		}
		select {
		case <-changed:
		case <-timer.C:
			canWait = false
		}
	}
}

// writeTooMany answers a subscribe over the cap with an error message for its id: a list
// of errors in graphql-transport-ws, one error in graphql-ws.
func (c *conn) writeTooMany(id string) error {
	b := c.impl.getBuffer()
	defer c.impl.putBuffer(b)
	b.WriteString(`{"type":"error","id":`)
	if err := b.enc.Encode(id); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // the encoder's newline
	b.WriteString(`,"payload":`)
	if c.guard.legacy {
		b.Write(c.impl.tooMany)
	} else {
		b.WriteByte('[')
		b.Write(c.impl.tooMany)
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return c.writeText(b.Bytes())
}

// WriteJSON sends v as one text message, encoded outside the write lock, and shows it to
// the guard, which ends an operation on its complete or error.
func (c *conn) WriteJSON(v any) error {
	b := c.impl.getBuffer()
	defer c.impl.putBuffer(b)
	if payload, id, typ, ok := envelopeOf(v); ok {
		b.Write(appendEnvelope(b.AvailableBuffer(), payload, id, typ))
	} else if err := b.enc.Encode(v); err != nil {
		return err
	}
	return c.writeGuarded(bytes.TrimSuffix(b.Bytes(), []byte{'\n'}))
}

// writeEnvelope sends the protocol message of type typ for id (or none) with payload
// (compact JSON as encoding/json writes it, or nil), shown to the guard like WriteJSON's.
func (c *conn) writeEnvelope(payload []byte, id, typ string) error {
	b := c.impl.getBuffer()
	defer c.impl.putBuffer(b)
	b.Write(appendEnvelope(b.AvailableBuffer(), payload, id, typ))
	return c.writeGuarded(b.Bytes())
}

// writeGuarded sends data as one text message and shows it to the guard.
func (c *conn) writeGuarded(data []byte) error {
	stopped, ok := c.guard.ending(data)
	err := c.writeText(data)
	if ok {
		c.guard.ended(stopped)
	}
	return err
}

// writeFrames holds the write lock while build appends text messages to a frameWriter,
// which writes them in one system call (or one per maxBatch bytes). The messages are
// not shown to the guard: build writes responses only, never an operation's end.
func (c *conn) writeFrames(build func(*frameWriter)) {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	w := c.impl.getFrameWriter(c)
	build(w)
	w.flush()
	c.impl.putFrameWriter(w)
}

// frameWriter collects unmasked, unfragmented text frames for one write.
type frameWriter struct {
	c      *conn
	buf    []byte
	err    error // the first write error: the connection is closed, the rest is dropped
	inline bool  // text does not write when the buffer fills: the caller must not wait (tryFlush)
}

// text appends one text message made of prefix, payload and suffix.
func (w *frameWriter) text(prefix, payload, suffix []byte) {
	n := len(prefix) + len(payload) + len(suffix)
	w.buf = append(w.buf, 0x80|websocket.TextMessage) // FIN, opcode text
	switch {
	case n < 126:
		w.buf = append(w.buf, byte(n))
	case n <= 0xFFFF:
		w.buf = append(w.buf, 126, byte(n>>8), byte(n))
	default:
		w.buf = append(w.buf, 127)
		w.buf = binary.BigEndian.AppendUint64(w.buf, uint64(n))
	}
	w.buf = append(append(append(w.buf, prefix...), payload...), suffix...)
	if len(w.buf) >= maxBatch && !w.inline {
		w.flush()
	}
}

// flush writes what w holds, waiting for the socket up to the write deadline. Like
// writeText's messages, the frames are dropped once the connection is ending or its close
// frame went out, and a failed write closes it. The write lock is held.
func (w *frameWriter) flush() {
	if len(w.buf) == 0 {
		return
	}
	defer func() { w.buf = w.buf[:0] }()
	c := w.c
	if w.err != nil || c.dropping() {
		return
	}
	c.armDeadline()
	if _, err := c.raw.Write(w.buf); err != nil {
		w.err = err
		_ = c.closeNow()
	}
}

// tryFlush writes what the socket takes of w at once, without waiting, and keeps the rest
// in w. It reports whether nothing is left (written, or dropped as flush drops it). The
// write lock is held, and must stay held until the rest is written: frames are written
// whole only under it.
func (w *frameWriter) tryFlush() bool {
	if len(w.buf) == 0 {
		return true
	}
	c := w.c
	if w.err != nil || c.dropping() {
		w.buf = w.buf[:0]
		return true
	}
	n, err := c.writeSome(w.buf)
	if err != nil {
		w.err = err
		w.buf = w.buf[:0]
		_ = c.closeNow()
		return true
	}
	w.buf = w.buf[:copy(w.buf, w.buf[n:])]
	return len(w.buf) == 0
}

// armDeadline gives frame writes the write timeout. Setting a deadline costs about as
// much as building the frames, so it is moved only once half of it has passed: a write
// still gets at least half the write timeout. The other writes, control frames
// (writeControl) and gorilla's close frame (lockedConn), set a deadline of their own and
// make the next frame write set it again. The write lock is held.
func (c *conn) armDeadline() {
	if now := time.Now(); now.After(c.framesDeadline) {
		_ = c.raw.SetWriteDeadline(now.Add(c.impl.writeTimeout))
		c.framesDeadline = now.Add(c.impl.writeTimeout / 2)
	}
}

// writeSome writes as much of b as the socket's buffer takes now: one write system call
// on the non-blocking socket's descriptor, which returns EAGAIN rather than wait. It
// calls write(2) itself rather than through syscall.RawConn, whose locking and poller
// checks cost about 7% of a delivery (BENCHMARKS.md part b); fdMu keeps the descriptor
// from closing meanwhile (closeNow). The write lock is held.
func (c *conn) writeSome(b []byte) (int, error) {
	c.fdMu.Lock()
	defer c.fdMu.Unlock()
	if c.fd < 0 {
		return 0, net.ErrClosed
	}
	for {
		n, err := syscall.Write(int(c.fd), b)
		switch err {
		case nil:
			return n, nil
		case syscall.EINTR:
		case syscall.EAGAIN:
			return 0, nil
		default:
			return 0, err
		}
	}
}

// dropping reports whether data messages are dropped: the server decided to end the
// connection (its Ending is set), a close frame went out or Close was called. It reads
// one flag, which those set (stop), rather than taking mu on every delivery.
func (c *conn) dropping() bool { return c.stopped.Load() }

// stop drops data messages from now on (dropping).
func (c *conn) stop() { c.stopped.Store(true) }

// writeText sends data as one text message. Once a close frame has gone out the message
// is dropped and writeText returns nil: RFC 6455 allows no data after a close frame, and
// gqlgen would report every completion of a subscription it cancelled while closing. It is
// dropped too once the server decided to end the connection (its Ending is set): gqlgen
// completes every subscription of a connection whose context ended, racing the close
// frame, and a client that reads complete before 1013, 4403 or 1001 would not resume
// that subscription when it reconnects. Any other write error (a timeout) closes the
// connection, since gqlgen keeps a connection whose writes fail.
func (c *conn) writeText(data []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	if c.dropping() {
		return nil
	}
	w := c.impl.getFrameWriter(c)
	defer c.impl.putFrameWriter(w)
	w.text(nil, data, nil)
	w.flush()
	if w.err == nil || errors.Is(w.err, net.ErrClosed) {
		return nil
	}
	return w.err
}

// WriteClose sends a close frame with code and reason. The reason is made valid UTF-8 and
// cut to 123 bytes on a rune boundary; 1005 sends an empty close frame and any other code
// that may not be sent (1004, 1006, 1015, outside 1000–4999) becomes 1011. A close frame
// already sent, or a closed connection, is not an error.
func (c *conn) WriteClose(code int, reason string) error {
	code, reason = c.ending.replace(code, reason)
	err := c.writeControl(websocket.CloseMessage, closeMessage(code, reason), closeWriteTimeout)
	if err == nil || errors.Is(err, websocket.ErrCloseSent) || errors.Is(err, net.ErrClosed) {
		return nil // writeControl recorded the close frame
	}
	return err
}

// Close ends the connection without blocking. If our close frame went out and the peer's
// has not arrived, TCP is half-closed and reading continues for up to closeTimeout —
// in the transport's reader if one is waiting in NextReader, otherwise in a goroutine —
// before the socket closes.
func (c *conn) Close() error {
	if c.initTimer != nil {
		c.initTimer.Stop()
	}
	if c.heartbeat != nil {
		c.heartbeat.Stop()
	}
	c.guard.close()
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return nil
	}
	c.closing = true
	c.stop()
	if !c.closeSent || c.peerClosed {
		c.mu.Unlock()
		return c.closeNow()
	}
	reading := c.reading
	if reading {
		_ = c.ws.SetReadDeadline(time.Now().Add(c.impl.closeTimeout))
	}
	c.mu.Unlock()

	if cw, ok := c.raw.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	}
	if !reading {
		go c.linger()
	}
	return nil
}

// writeControl writes a control frame under the write lock, within timeout. After a close
// frame it writes nothing and returns websocket.ErrCloseSent; a close frame, ours or the
// echo of the peer's, is recorded before the lock is released: no frame may follow it. A
// failed write closes the connection (part of the frame may have gone out).
func (c *conn) writeControl(typ int, data []byte, timeout time.Duration) error {
	if len(data) > maxControlPayload {
		return errControlTooLong
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	if c.closeWasSent() {
		return websocket.ErrCloseSent
	}
	frame := append([]byte{0x80 | byte(typ), byte(len(data))}, data...) // FIN, unmasked
	c.framesDeadline = time.Time{}                                      // the next frames set theirs again
	_ = c.raw.SetWriteDeadline(time.Now().Add(timeout))
	if _, err := c.raw.Write(frame); err != nil {
		_ = c.closeNow()
		return err
	}
	if typ == websocket.CloseMessage {
		c.recordCloseSent()
	}
	return nil
}

// maxControlPayload is the most a control frame carries (RFC 6455 §5.5).
const maxControlPayload = 125

var errControlTooLong = errors.New("wsgorilla: a control frame's payload is over 125 bytes")

// closeWasSent reports whether a close frame went out.
func (c *conn) closeWasSent() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closeSent
}

func (c *conn) recordCloseSent() {
	c.mu.Lock()
	c.closeSent = true
	c.stop()
	c.mu.Unlock()
}

// answerControls answers the peer's pings and close frame, which gorilla hands to these
// handlers from inside NextReader, with frames of ours under the write lock.
func (c *conn) answerControls() {
	c.ws.SetPingHandler(func(data string) error {
		err := c.writeControl(websocket.PongMessage, []byte(data), c.impl.writeTimeout)
		var ne net.Error
		if err == nil || errors.Is(err, websocket.ErrCloseSent) || errors.As(err, &ne) {
			return nil
		}
		return err
	})
	c.ws.SetCloseHandler(func(code int, _ string) error {
		_ = c.writeControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), closeWriteTimeout)
		return nil
	})
}

// Subprotocol returns the negotiated subprotocol, "" if none.
func (c *conn) Subprotocol() string { return c.ws.Subprotocol() }

// SetReadLimit refuses messages longer than limit bytes, decompressed, with close 1009
// (NextReader). gorilla's own limit is left unset: it would write its close frame without
// the write lock, possibly in the middle of a frame being written. gqlgen calls it before
// the first read.
func (c *conn) SetReadLimit(limit int64) {
	c.readLimit = limit
}

// SetReadDeadline sets the deadline for reads; after Close the closing handshake owns it.
func (c *conn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return nil
	}
	return c.ws.SetReadDeadline(t)
}

// linger drains the socket until the peer closes it or closeTimeout passes, so unread
// bytes do not turn our close into a TCP reset, then closes it.
func (c *conn) linger() {
	nc := c.raw
	_ = nc.SetReadDeadline(time.Now().Add(c.impl.closeTimeout))
	_, _ = io.Copy(io.Discard, nc)
	_ = c.closeNow()
}

// handlerDone runs when the request's context ends, normally because gqlgen's handler
// returned. gqlgen closes a connection whose reads failed itself, in a goroutine; one it
// returned from without closing (a connection_init payload that is not an object) is
// closed after closeTimeout, which also leaves a transport that is still running (its
// base context was cancelled) time to close it first.
func (c *conn) handlerDone() {
	c.mu.Lock()
	leftOpen := !c.closing && !c.readFailed
	c.mu.Unlock()
	if leftOpen {
		time.AfterFunc(c.impl.closeTimeout, c.abandon)
	}
}

// abandon closes a connection the transport stopped serving without closing it.
func (c *conn) abandon() {
	if c.isClosing() {
		return
	}
	_ = c.WriteClose(websocket.CloseInternalServerErr, "")
	_ = c.Close()
}

func (c *conn) isClosing() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closing
}

// initExpired closes a connection that sent no connection_init in time.
func (c *conn) initExpired() {
	_ = c.WriteClose(CloseInitTimeout, "Connection initialisation timeout")
	_ = c.Close()
}

// closeNow closes the socket at once, which also interrupts a write waiting for it.
// writeSome writes to the socket's descriptor outside the net.Conn, so the descriptor is
// given up under fdMu first: a write in its system call finishes on it (it never waits),
// and none starts after (the number could by then belong to another connection's socket).
func (c *conn) closeNow() error {
	c.guard.close()
	var err error
	c.closeOnce.Do(func() {
		c.fdMu.Lock()
		c.fd = -1
		c.fdMu.Unlock()
		err = c.raw.Close()
	})
	return err
}

func isNormalClose(code int) bool {
	switch code {
	case websocket.CloseNormalClosure, websocket.CloseGoingAway, websocket.CloseNoStatusReceived:
		return true
	}
	return false
}

func closeMessage(code int, reason string) []byte {
	if code == websocket.CloseNoStatusReceived {
		return []byte{}
	}
	if !sendableCloseCode(code) {
		code = websocket.CloseInternalServerErr
	}
	return websocket.FormatCloseMessage(code, truncateReason(reason))
}

// sendableCloseCode reports whether code may appear in a close frame (RFC 6455 §7.4).
func sendableCloseCode(code int) bool {
	switch {
	case code >= 3000 && code <= 4999:
		return true
	case code >= 1000 && code <= 1014:
		return code != 1004 && code != websocket.CloseNoStatusReceived && code != websocket.CloseAbnormalClosure
	}
	return false
}

func truncateReason(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= maxCloseReason {
		return s
	}
	n := maxCloseReason
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
