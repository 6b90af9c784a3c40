package wsgorilla

import (
	"bufio"
	"net"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

// gorilla writes to the socket on its own in one case: the close frame 1002 for a frame
// that breaks the protocol (unmasked, reserved bits set), from inside NextReader. Every
// other write is ours, framed in this package and written under conn.writeMu. So that
// gorilla's write takes the lock too, and cannot cut into a frame of ours (or ours into
// its) when the socket is full, gorilla gets the socket wrapped: the ResponseWriter it
// upgrades hijacks a lockedConn (hijacker). Our own writes go to conn.raw, the socket
// itself. Test: TestGorillasCloseFrameTakesTheWriteLock.

// hijacker is the ResponseWriter gorilla upgrades: its Hijack hands gorilla a lockedConn
// and keeps the socket for c.
type hijacker struct {
	http.ResponseWriter
	c *conn
}

func (h hijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	nc, brw, err := http.NewResponseController(h.ResponseWriter).Hijack()
	if err != nil {
		return nil, nil, err
	}
	h.c.raw = nc
	return lockedConn{Conn: nc, c: h.c}, brw, nil
}

// lockedConn is the socket as gorilla sees it. Its writes take the connection's write
// lock; a close frame written through it is recorded as ours are (no frame may follow
// it, even a part of it: a failed write closes the connection), and once one has gone
// out its writes are dropped. Reads, deadlines for reads and the close are the socket's.
type lockedConn struct {
	net.Conn
	c *conn
}

func (l lockedConn) Write(b []byte) (int, error) {
	c := l.c
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	if c.closeWasSent() {
		return len(b), nil
	}
	n, err := l.Conn.Write(b)
	if len(b) > 0 && b[0] == 0x80|websocket.CloseMessage {
		c.recordCloseSent()
	}
	if err != nil {
		_ = c.closeNow()
	}
	return n, err
}

func (l lockedConn) SetWriteDeadline(t time.Time) error {
	c := l.c
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	c.framesDeadline = time.Time{} // the next frames set theirs again
	return l.Conn.SetWriteDeadline(t)
}
