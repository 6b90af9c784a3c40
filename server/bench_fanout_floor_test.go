//go:build bench

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/northstar/northstar/internal/chat"
)

// floorFanout is BenchmarkLoadFanout's floor: the least a websocket server can spend on
// a delivery on this machine. It speaks just enough graphql-transport-ws for the
// benchmark's clients (connection_ack, pong, one subscription answered with seq 1 at
// once, as bare gqlgen's stub) and runs neither GraphQL nor a bus: the stub publisher's
// goroutine encodes each message once and writes it to every subscriber in turn, one
// text frame with one write system call on the socket's descriptor each (no net.Conn
// locks, deadlines or buffered writer; the sockets take every write at this load). What
// it spends per delivery is that system call, which on loopback also hands the segment
// to the client's socket and wakes its reader, and a loop around it: Northstar's CPU per
// delivery less the floor's, in the same run, is what its own layers cost.
type floorFanout struct {
	pub      *stubPublisher
	upgrader websocket.Upgrader

	mu   sync.Mutex
	subs map[*floorConn]struct{}

	dropped atomic.Uint64 // subscribers whose write failed
}

// floorConn is one client of the floor. Its reader and the publisher both write to it,
// one at a time under mu, which also guards the socket's close: a write never reaches a
// descriptor closed and reused meanwhile.
type floorConn struct {
	ws *websocket.Conn

	mu     sync.Mutex
	fd     int    // the socket's descriptor; -1 once closed
	prefix []byte // what precedes a response in a next message of the subscription
	buf    []byte // the frame being written
}

// floorSuffix ends a next message, after its response.
var floorSuffix = []byte("}")

func newFloorFanout(t *testing.T) *floorFanout {
	f := &floorFanout{subs: map[*floorConn]struct{}{}, upgrader: websocket.Upgrader{
		Subprotocols: []string{"graphql-transport-ws"}, ReadBufferSize: 1024, WriteBufferSize: 1024}}
	f.pub = newStubPublisher(t, f.deliver)
	return f
}

// ServeHTTP upgrades the request and reads the client's messages until it goes.
func (f *floorFanout) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ws, err := f.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &floorConn{ws: ws, fd: -1}
	if raw, err := ws.NetConn().(syscall.Conn).SyscallConn(); err == nil {
		_ = raw.Control(func(fd uintptr) { c.fd = int(fd) })
	}
	defer func() {
		f.remove(c)
		c.close()
	}()
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var m struct {
			ID   json.RawMessage `json:"id"`
			Type string          `json:"type"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return
		}
		switch m.Type {
		case "connection_init":
			err = c.answer([]byte(`{"type":"connection_ack"}`))
		case "ping":
			err = c.answer([]byte(`{"type":"pong"}`))
		case "subscribe":
			c.mu.Lock()
			c.prefix = append(append(append(c.prefix[:0], `{"id":`...), m.ID...), `,"type":"next","payload":`...)
			c.mu.Unlock()
			first := &chat.Message{ID: "m_1", ThreadID: "h_bench", Seq: 1, Text: "m1", AuthorID: "u_bench", CreatedAt: time.Now()}
			if err = c.next(floorPayload(first)); err == nil {
				f.mu.Lock()
				f.subs[c] = struct{}{}
				f.mu.Unlock()
			}
		case "complete":
			f.remove(c)
		}
		if err != nil {
			return
		}
	}
}

// deliver writes m, encoded once, to every subscriber.
func (f *floorFanout) deliver(m *chat.Message) {
	payload := floorPayload(m)
	f.mu.Lock()
	defer f.mu.Unlock()
	for c := range f.subs {
		if err := c.next(payload); err != nil {
			delete(f.subs, c)
			f.dropped.Add(1)
			c.close()
		}
	}
}

func (f *floorFanout) remove(c *floorConn) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.subs, c)
}

// next sends payload as a next message of c's subscription.
func (c *floorConn) next(payload []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.send(c.prefix, payload, floorSuffix)
}

// answer sends a protocol message of the server's own.
func (c *floorConn) answer(message []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.send(nil, message, nil)
}

// send writes prefix, payload and suffix as one unfragmented text frame with one write
// system call. c.mu is held.
func (c *floorConn) send(prefix, payload, suffix []byte) error {
	if c.fd < 0 {
		return net.ErrClosed
	}
	n := len(prefix) + len(payload) + len(suffix)
	b := append(c.buf[:0], 0x80|websocket.TextMessage) // FIN, text
	switch {
	case n < 126:
		b = append(b, byte(n))
	case n <= 0xFFFF:
		b = append(b, 126, byte(n>>8), byte(n))
	default:
		return fmt.Errorf("floor: a %d-byte message", n)
	}
	b = append(append(append(b, prefix...), payload...), suffix...)
	c.buf = b
	for len(b) > 0 {
		w, err := syscall.Write(c.fd, b)
		switch {
		case err == syscall.EINTR:
		case err == syscall.EAGAIN:
			return errors.New("floor: the socket is full")
		case err != nil:
			return err
		default:
			b = b[w:]
		}
	}
	return nil
}

// close closes the socket once no write holds it.
func (c *floorConn) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fd = -1
	c.ws.Close()
}

// floorPayload is the response to the benchmark's subscription document for m.
func floorPayload(m *chat.Message) []byte {
	type message struct {
		Seq      int    `json:"seq"`
		Text     string `json:"text"`
		ThreadID string `json:"threadId"`
		AuthorID string `json:"authorId"`
	}
	var r struct {
		Data struct {
			MessagePosted message `json:"messagePosted"`
		} `json:"data"`
	}
	r.Data.MessagePosted = message{Seq: m.Seq, Text: m.Text, ThreadID: m.ThreadID, AuthorID: m.AuthorID}
	out, err := json.Marshal(r)
	if err != nil {
		panic(err)
	}
	return out
}

// droppedCommand answers how many subscribers the floor dropped for a failed write.
func (f *floorFanout) droppedCommand(string) any {
	return struct{ Dropped uint64 }{f.dropped.Load()}
}
