package wsgorilla

import (
	"context"
	"sync"

	"github.com/gorilla/websocket"
)

// Ending lets the server say how a connection ends when it ends the connection's context
// (revoked access, an expired token, shutdown). gqlgen closes such connections with 1000
// "terminated", which tells a graphql-ws client neither why nor whether to reconnect; the
// adapter sends the Ending's code and reason instead.
type Ending struct {
	mu     sync.Mutex
	code   int
	reason string
	conns  []*conn // the connections it ends, stopped when it is set (attach)
}

type endingKey struct{}

// WithEnding returns ctx carrying a fresh Ending: serve the websocket upgrade with a
// request of that context, and the connection Accept makes from it closes with what the
// Ending holds when it ends normally.
func WithEnding(ctx context.Context) (context.Context, *Ending) {
	e := &Ending{}
	return context.WithValue(ctx, endingKey{}, e), e
}

// EndingFrom returns the Ending of the connection ctx belongs to, or nil.
func EndingFrom(ctx context.Context) *Ending {
	e, _ := ctx.Value(endingKey{}).(*Ending)
	return e
}

// Set records the close code and reason, unless a cause was recorded already: the first
// cause of an ending is the one the client hears. Safe on a nil Ending.
func (e *Ending) Set(code int, reason string) {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.code == 0 {
		e.code, e.reason = code, reason
		for _, c := range e.conns {
			c.stop()
		}
	}
}

// attach makes c drop its data messages once e is set (conn.dropping): a delivery then
// reads a flag of the connection's own rather than e's lock. An Ending serves one
// upgrade (WithEnding per request): it holds the connections attached for its life.
// Safe on a nil Ending.
func (e *Ending) attach(c *conn) {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.conns = append(e.conns, c)
	if e.code != 0 {
		c.stop()
	}
}

// Code returns the close code recorded, 0 when none is (or e is nil).
func (e *Ending) Code() int {
	if e == nil {
		return 0
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.code
}

// replace returns the code and reason to send instead of a normal closure.
func (e *Ending) replace(code int, reason string) (int, string) {
	if e == nil || code != websocket.CloseNormalClosure {
		return code, reason
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.code == 0 {
		return code, reason
	}
	return e.code, e.reason
}
