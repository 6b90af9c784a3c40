package wsgorilla

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
)

// acceptServer upgrades every request with impl and runs serve on the connection in the
// request's handler, as gqlgen does.
func acceptServer(t *testing.T, impl *Implementation, serve func(c transport.WebsocketConn)) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := impl.Accept(w, r, transport.WebsocketAcceptOptions{
			ResponseHeader: http.Header{"X-Northstar": {"ws"}},
			Subprotocols:   []string{legacyWS, transportWS},
		})
		if err != nil {
			return
		}
		serve(c)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestConcurrentWriteJSON(t *testing.T) {
	const writers, each = 32, 100
	type payload struct {
		Writer, Seq int
		Pad         string
	}
	served := make(chan struct{})
	s := acceptServer(t, New(Options{}), func(c transport.WebsocketConn) {
		defer close(served)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					// Some messages outgrow the 1 KiB write buffer.
					p := payload{Writer: w, Seq: i, Pad: strings.Repeat("x", (i%3)*1000)}
					if err := c.WriteJSON(p); err != nil {
						t.Errorf("WriteJSON: %v", err)
						return
					}
				}
			})
		}
		wg.Wait()
		for range 4 {
			wg.Go(func() {
				if err := c.WriteClose(websocket.CloseNormalClosure, "done"); err != nil {
					t.Errorf("WriteClose: %v", err)
				}
				if err := c.WriteJSON(payload{Writer: -1}); err != nil {
					t.Errorf("WriteJSON after WriteClose: %v", err)
				}
			})
		}
		wg.Wait()
		if err := c.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if err := c.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
	})

	c, resp, err := dial(t, wsURL(s), nil, transportWS)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	if resp.Header.Get("X-Northstar") != "ws" {
		t.Errorf("response header X-Northstar = %q, want ws", resp.Header.Get("X-Northstar"))
	}
	next := make([]int, writers)
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		typ, data, err := c.ReadMessage()
		var ce *websocket.CloseError
		if errors.As(err, &ce) {
			if ce.Code != websocket.CloseNormalClosure || ce.Text != "done" {
				t.Errorf("close %d %q, want 1000 done", ce.Code, ce.Text)
			}
			break
		}
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		var p payload
		if typ != websocket.TextMessage || json.Unmarshal(data, &p) != nil || p.Writer < 0 || p.Seq != next[p.Writer] {
			t.Fatalf("message %d %.60q out of order or corrupt", typ, data)
		}
		next[p.Writer]++
	}
	for w, n := range next {
		if n != each {
			t.Errorf("writer %d: %d messages, want %d", w, n, each)
		}
	}
	<-served
}

func TestNextReaderClose(t *testing.T) {
	cases := []struct {
		name    string
		payload []byte // nil: drop TCP without a close frame
		closed  bool   // want transport.ErrWebsocketClosed
	}{
		{"NormalClosure", websocket.FormatCloseMessage(websocket.CloseNormalClosure, "bye"), true},
		{"GoingAway", websocket.FormatCloseMessage(websocket.CloseGoingAway, ""), true},
		{"NoStatus", []byte{}, true},
		{"ApplicationCode", websocket.FormatCloseMessage(4000, "app"), false},
		{"DroppedTCP", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := make(chan error, 1)
			s := acceptServer(t, New(Options{}), func(c transport.WebsocketConn) {
				_, _, err := c.NextReader()
				_ = c.WriteClose(websocket.CloseNormalClosure, "")
				_ = c.Close()
				got <- err
			})
			c := mustDial(t, wsURL(s), transportWS)
			if tc.payload == nil {
				c.Close()
			} else if err := c.WriteControl(websocket.CloseMessage, tc.payload, time.Now().Add(time.Second)); err != nil {
				t.Fatalf("client close: %v", err)
			}
			err := <-got
			if closed := errors.Is(err, transport.ErrWebsocketClosed); closed != tc.closed || err == nil {
				t.Fatalf("NextReader error %v; ErrWebsocketClosed %v, want %v", err, closed, tc.closed)
			}
		})
	}
}

func TestClosedConnection(t *testing.T) {
	done := make(chan struct{})
	s := acceptServer(t, New(Options{}), func(c transport.WebsocketConn) {
		defer close(done)
		if err := c.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if err := c.WriteClose(websocket.CloseNormalClosure, "late"); err != nil {
			t.Errorf("WriteClose after Close: %v", err)
		}
		if err := c.WriteJSON(map[string]string{"type": "ka"}); err != nil {
			t.Errorf("WriteJSON after Close: %v", err)
		}
		if _, _, err := c.NextReader(); !errors.Is(err, net.ErrClosed) {
			t.Errorf("NextReader after Close: %v, want net.ErrClosed", err)
		}
	})
	mustDial(t, wsURL(s))
	<-done
}

// TestCloseWaitsForPeer checks the closing handshake: after the server's close frame the
// client reads a clean EOF, not a reset, although the server never read what it sent.
func TestCloseWaitsForPeer(t *testing.T) {
	s := acceptServer(t, New(Options{}), func(c transport.WebsocketConn) {
		_ = c.WriteClose(4000, "bye")
		_ = c.Close()
	})
	c := mustDial(t, wsURL(s), transportWS)
	go func() { _ = c.WriteMessage(websocket.BinaryMessage, make([]byte, 256<<10)) }()
	if ce := readClose(t, c); ce.Code != 4000 || ce.Text != "bye" {
		t.Fatalf("close %d %q, want 4000 bye", ce.Code, ce.Text)
	}
	if rest, err := io.ReadAll(c.NetConn()); err != nil || len(rest) != 0 {
		t.Fatalf("after the close frame: %d bytes, %v; want a clean EOF", len(rest), err)
	}
}

func TestMissingPongCloses(t *testing.T) {
	s := startServer(t, transport.Websocket{PingPongInterval: 50 * time.Millisecond})
	c := mustDial(t, wsURL(s.Server), transportWS)
	initialize(t, c)
	// The client never answers gqlgen's pings; the read deadline ends the connection.
	if ce := readClose(t, c); ce.Code != websocket.CloseNormalClosure {
		t.Fatalf("close %d %q, want 1000", ce.Code, ce.Text)
	}
}

func TestCloseMessage(t *testing.T) {
	cases := []struct {
		name, reason string
		code         int
		wantCode     int // 0: empty close frame
		wantReason   string
	}{
		{"Application", "forbidden", 4403, 4403, "forbidden"},
		{"ServiceRestart", "", 1012, 1012, ""},
		{"NoStatusIsEmpty", "x", websocket.CloseNoStatusReceived, 0, ""},
		{"AbnormalNotSendable", "x", websocket.CloseAbnormalClosure, 1011, "x"},
		{"OutOfRange", "x", 999, 1011, "x"},
		{"ASCIITruncated", strings.Repeat("a", 200), 1000, 1000, strings.Repeat("a", 123)},
		{"RuneBoundary", strings.Repeat("é", 100), 1000, 1000, strings.Repeat("é", 61)},
		{"InvalidUTF8", "bad\xffbyte", 1000, 1000, "bad\uFFFDbyte"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := closeMessage(tc.code, tc.reason)
			if tc.wantCode == 0 {
				if len(p) != 0 {
					t.Fatalf("payload %q, want empty", p)
				}
				return
			}
			code, reason := int(binary.BigEndian.Uint16(p)), string(p[2:])
			if code != tc.wantCode || reason != tc.wantReason || len(p) > 125 || !utf8.ValidString(reason) {
				t.Fatalf("close %d %q, want %d %q", code, reason, tc.wantCode, tc.wantReason)
			}
		})
	}
}

// TestEndingStopsMessages: once the server set a connection's Ending, only the close frame
// goes out; a subscription's complete written meanwhile would tell a client that should
// resume that the stream is over.
func TestEndingStopsMessages(t *testing.T) {
	impl := New(Options{})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, ending := WithEnding(r.Context())
		c, err := impl.Accept(w, r.WithContext(ctx), transport.WebsocketAcceptOptions{Subprotocols: []string{transportWS}})
		if err != nil {
			return
		}
		if err := c.WriteJSON(map[string]string{"id": "1", "type": "next"}); err != nil {
			t.Errorf("WriteJSON: %v", err)
		}
		ending.Set(CloseTryAgain, "too slow")
		if err := c.WriteJSON(map[string]string{"id": "1", "type": "complete"}); err != nil {
			t.Errorf("WriteJSON after the ending was set: %v, want nil (dropped)", err)
		}
		_ = c.WriteClose(websocket.CloseNormalClosure, "terminated")
		_ = c.Close()
	}))
	t.Cleanup(s.Close)
	ws := mustDial(t, wsURL(s))
	if _, data, err := ws.ReadMessage(); err != nil || !strings.Contains(string(data), `"next"`) {
		t.Fatalf("first message %s, %v; want the next", data, err)
	}
	_, data, err := ws.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != CloseTryAgain {
		t.Fatalf("then %q, %v; want close %d and nothing before it", data, err, CloseTryAgain)
	}
}

// TestEndingStopsItsConnections: a connection reads whether its Ending is set from a flag
// of its own (dropping), which the Ending sets whether it was set before the connection
// attached or after; nil Endings and connections of other Endings are left alone.
func TestEndingStopsItsConnections(t *testing.T) {
	before, after, other := &conn{}, &conn{}, &conn{}
	var early, late, unset Ending
	early.Set(CloseTryAgain, "too slow")
	early.attach(before)
	late.attach(after)
	unset.attach(other)
	(*Ending)(nil).attach(&conn{})
	if !before.dropping() {
		t.Error("a connection attached to an Ending set already does not drop its messages")
	}
	if after.dropping() {
		t.Fatal("a connection drops its messages before its Ending is set")
	}
	late.Set(CloseUnauthorized, "token expired")
	if !after.dropping() || other.dropping() {
		t.Errorf("after its Ending was set: dropping %v (want true); another Ending's connection: %v (want false)", after.dropping(), other.dropping())
	}
}

// acceptingServer serves graphql-transport-ws upgrades with impl and hands each
// connection, as the transport gets it, to the test.
func acceptingServer(t *testing.T, impl *Implementation) (*httptest.Server, <-chan *conn) {
	accepted := make(chan *conn, 1)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := impl.accept(w, r, nil, []string{transportWS})
		if err != nil {
			t.Errorf("accept: %v", err)
			return
		}
		accepted <- c
	}))
	t.Cleanup(s.Close)
	return s, accepted
}

// TestSocketClosesAroundWriteSome checks closeNow against writeSome, which writes to the
// socket's descriptor outside the net.Conn: while a write is in its system call the
// descriptor stays open (the write reaches this connection's peer, not whatever socket
// reused the number) and closeNow waits for it; after the close writeSome fails; and a
// write that waits on a full socket is interrupted at once rather than waited for.
func TestSocketClosesAroundWriteSome(t *testing.T) {
	s, accepted := acceptingServer(t, New(Options{WriteTimeout: time.Minute}))
	dial := func(t *testing.T) (*conn, *websocket.Conn) {
		peer := mustDial(t, wsURL(s), transportWS)
		c := <-accepted
		if !c.direct {
			t.Fatal("the TCP socket has no descriptor for writeSome")
		}
		return c, peer
	}
	closedByServer := func(t *testing.T, peer *websocket.Conn, within time.Duration) {
		t.Helper()
		_ = peer.SetReadDeadline(time.Now().Add(within))
		for {
			_, _, err := peer.ReadMessage()
			if err == nil {
				continue
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("the socket is still open %v later", within)
			}
			return
		}
	}

	t.Run("WhileAWriteIsInItsSystemCall", func(t *testing.T) {
		c, peer := dial(t)
		c.fdMu.Lock() // writeSome, between its check of fd and its write(2)
		closed := make(chan error, 1)
		go func() { closed <- c.closeNow() }()
		select {
		case err := <-closed:
			t.Fatalf("closeNow returned (%v) while a write held the descriptor", err)
		case <-time.After(100 * time.Millisecond):
		}
		w := &frameWriter{c: c}
		w.text(nil, []byte(`{"type":"ka"}`), nil)
		if n, err := syscall.Write(int(c.fd), w.buf); err != nil || n != len(w.buf) {
			t.Fatalf("the write in progress: %d of %d bytes, %v", n, len(w.buf), err)
		}
		_ = peer.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, data, err := peer.ReadMessage(); err != nil || string(data) != `{"type":"ka"}` {
			t.Fatalf("the peer read %q, %v; want the frame of the write in progress", data, err)
		}
		c.fdMu.Unlock()
		select {
		case err := <-closed:
			if err != nil {
				t.Fatalf("closeNow: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("closeNow still waits 5 s after the write let the descriptor go")
		}
		closedByServer(t, peer, 5*time.Second)
		c.writeMu.Lock()
		defer c.writeMu.Unlock()
		if _, err := c.writeSome([]byte("late")); !errors.Is(err, net.ErrClosed) {
			t.Fatalf("writeSome after the close: %v, want net.ErrClosed", err)
		}
	})

	t.Run("InterruptsAWriteThatWaits", func(t *testing.T) {
		c, peer := dial(t)
		// The peer reads nothing: the write fills both sockets' buffers and waits for the
		// minute of WriteTimeout.
		wrote := make(chan struct{})
		go func() {
			defer close(wrote)
			c.writeFrames(func(w *frameWriter) {
				big := make([]byte, 1<<20)
				for range 64 {
					w.text(nil, big, nil)
				}
			})
		}()
		waitUntil(t, func() bool {
			if !c.writeMu.TryLock() {
				return true
			}
			c.writeMu.Unlock()
			return false
		})
		time.Sleep(100 * time.Millisecond) // into the write that waits
		start := time.Now()
		if err := c.closeNow(); err != nil {
			t.Fatalf("closeNow: %v", err)
		}
		select {
		case <-wrote:
		case <-time.After(10 * time.Second):
			t.Fatal("the waiting write still runs 10 s after closeNow")
		}
		closedByServer(t, peer, 10*time.Second)
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("closed %v after closeNow", d)
		}
	})
}

// TestGorillasCloseFrameTakesTheWriteLock checks the one frame gorilla writes on its own,
// close 1002 for a frame that breaks the protocol (here an unmasked client frame): it
// waits for the write lock, so it cannot cut into a frame of ours, and it is recorded as
// a close frame sent, after which our frames are dropped.
func TestGorillasCloseFrameTakesTheWriteLock(t *testing.T) {
	s, accepted := acceptingServer(t, New(Options{}))
	peer := mustDial(t, wsURL(s), transportWS)
	c := <-accepted
	t.Cleanup(func() { _ = c.Close() })
	read := make(chan error, 1)
	go func() {
		_, _, err := c.NextReader()
		read <- err
	}()

	c.writeMu.Lock() // a write of ours under way
	if _, err := peer.NetConn().Write([]byte{0x80 | websocket.TextMessage, 2, 'h', 'i'}); err != nil {
		c.writeMu.Unlock()
		t.Fatal(err)
	}
	_ = peer.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	_, _, err := peer.ReadMessage()
	c.writeMu.Unlock()
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("while the write lock was held the peer read %v; want nothing", err)
	}
	// gorilla's reader does not read past a timeout: read the close frame from the socket.
	_ = peer.NetConn().SetReadDeadline(time.Now().Add(5 * time.Second))
	head := make([]byte, 4)
	if _, err := io.ReadFull(peer.NetConn(), head); err != nil {
		t.Fatalf("after the lock was let go: %v; want close 1002", err)
	}
	if head[0] != 0x80|websocket.CloseMessage || binary.BigEndian.Uint16(head[2:]) != websocket.CloseProtocolError {
		t.Fatalf("after the lock was let go the peer read % x; want close 1002", head)
	}
	select {
	case err := <-read:
		if err == nil {
			t.Fatal("NextReader returned a message for a frame that breaks the protocol")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("NextReader still runs 5 s after the protocol error")
	}
	if !c.closeWasSent() || !c.dropping() {
		t.Fatal("gorilla's close frame was not recorded as a close frame sent")
	}
}

// TestGorillasFailedCloseFrameEndsTheConnection checks a close frame of gorilla's whose
// write fails: part of it may have gone out, so it counts as sent (gorilla's later writes
// are dropped) and the connection closes, so that no frame of ours follows it.
func TestGorillasFailedCloseFrameEndsTheConnection(t *testing.T) {
	socket, peer := net.Pipe()
	peer.Close()
	c := &conn{raw: socket, fd: -1, impl: New(Options{})}
	gorilla := lockedConn{Conn: socket, c: c}
	frame := []byte{0x80 | websocket.CloseMessage, 2, 0x03, 0xea} // 1002
	if _, err := gorilla.Write(frame); err == nil {
		t.Fatal("a write to a pipe whose peer is closed succeeded")
	}
	if !c.closeWasSent() {
		t.Fatal("the failed close frame does not count as sent")
	}
	if n, err := gorilla.Write(frame); n != len(frame) || err != nil {
		t.Fatalf("gorilla's write after its close frame: %d, %v; want it dropped", n, err)
	}
	if _, err := socket.Read(make([]byte, 1)); !errors.Is(err, io.ErrClosedPipe) {
		t.Fatalf("reading the socket: %v; want it closed on our side", err)
	}
}
