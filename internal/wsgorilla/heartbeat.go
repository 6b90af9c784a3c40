package wsgorilla

import (
	"time"

	"github.com/gorilla/websocket"
)

// keepAliveMessage is graphql-ws's keepalive, which legacy clients expect every < 30 s.
var keepAliveMessage = struct {
	Type string `json:"type"`
}{Type: "ka"}

// startHeartbeat pings the peer every interval from a re-arming timer: a connection
// costs no goroutine between beats. Pongs are read by the connection's reader (gorilla
// handles control frames inside NextReader).
func (c *conn) startHeartbeat(interval time.Duration) {
	c.lastPong.Store(time.Now().UnixNano())
	c.ws.SetPongHandler(func(string) error {
		c.lastPong.Store(time.Now().UnixNano())
		return nil
	})
	beat := func() {
		c.mu.Lock()
		closing := c.closing || c.closeSent
		c.mu.Unlock()
		if closing {
			return
		}
		if time.Since(time.Unix(0, c.lastPong.Load())) > 2*interval {
			_ = c.WriteClose(websocket.CloseGoingAway, "keepalive timeout")
			_ = c.Close()
			return
		}
		if err := c.writeControl(websocket.PingMessage, nil, c.impl.writeTimeout); err != nil {
			_ = c.Close()
			return
		}
		if c.guard.legacy {
			if err := c.WriteJSON(keepAliveMessage); err != nil {
				return
			}
		}
		c.heartbeat.Reset(interval)
	}
	c.heartbeat = time.AfterFunc(interval, beat)
}
