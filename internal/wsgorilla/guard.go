package wsgorilla

import (
	"bytes"
	"encoding/json"
	"errors"
	"sync"
)

// ErrSubscriberExists is the read error gqlgen's ErrorFunc receives (in a
// transport.WebsocketError) when a client started an operation under an id that was still
// active and the connection was closed with 4409. It is the client's fault, not the server's.
var ErrSubscriberExists = errors.New("wsgorilla: subscriber for the operation id already exists")

// ErrNotInitialised and ErrTooManyInits are the read errors gqlgen's ErrorFunc receives
// when a client sent an operation before connection_init (closed with 4401
// "Unauthorized") or a second connection_init (closed with 4429 "Too many initialisation
// requests"). Both are the client's fault.
var (
	ErrNotInitialised = errors.New("wsgorilla: operation before connection_init")
	ErrTooManyInits   = errors.New("wsgorilla: second connection_init")
)

const graphqlTransportWS = "graphql-transport-ws"

// msgType is the "type" of a message, as far as the guard cares.
type msgType uint8

const (
	typeOther     msgType = iota
	typeSubscribe         // graphql-transport-ws client
	typeStart             // graphql-ws client
	typeStop              // graphql-ws client
	typeComplete          // graphql-transport-ws client; server in both protocols
	typeError             // server in both protocols
	typeInit              // connection_init, client in both protocols
)

// UnmarshalText accepts any type: unknown ones are gqlgen's to refuse.
func (t *msgType) UnmarshalText(b []byte) error {
	switch string(b) {
	case "subscribe":
		*t = typeSubscribe
	case "start":
		*t = typeStart
	case "stop":
		*t = typeStop
	case "complete":
		*t = typeComplete
	case "error":
		*t = typeError
	case "connection_init":
		*t = typeInit
	default:
		*t = typeOther
	}
	return nil
}

// envelope is the part of a message the guard reads. Its fields have the names and kinds
// of gqlgen's message structs (and the type a TextUnmarshaler, like theirs), so
// encoding/json matches keys (case-insensitively, the last duplicate winning) exactly as
// it does for gqlgen: the guard sees the type and id gqlgen will act on.
type envelope struct {
	Type msgType `json:"type"`
	ID   string  `json:"id"`
}

// decodeEnvelope decodes data into e as gqlgen's json.Decoder does: the first JSON value,
// with anything after it ignored. It reports false when gqlgen will refuse the message
// itself.
func decodeEnvelope(data []byte, e *envelope) bool {
	*e = envelope{}
	if json.Unmarshal(data, e) == nil {
		return true
	}
	// Unmarshal also refuses trailing bytes, which gqlgen never reads: a subscribe
	// followed by garbage must not slip past the guard.
	*e = envelope{}
	return json.NewDecoder(bytes.NewReader(data)).Decode(e) == nil
}

// mayEndOperation is a cheap filter for server messages: whether data can be a complete
// or error message, as encoding/json writes them. Only those are decoded.
func mayEndOperation(data []byte) bool {
	const key = `"type":"`
	for {
		i := bytes.Index(data, []byte(key))
		if i < 0 {
			return false
		}
		data = data[i+len(key):]
		if bytes.HasPrefix(data, []byte(`complete"`)) || bytes.HasPrefix(data, []byte(`error"`)) {
			return true
		}
	}
}

// opState is the guard's view of one operation id.
type opState uint8

const (
	opActive   opState = iota + 1 // started, not ended or stopped
	opStopping                    // the client stopped it; gqlgen has yet to write its end
)

// verdict is what the guard decides about a subscribe.
type verdict uint8

const (
	admit     verdict = iota // pass it to gqlgen
	refuse                   // over the cap: answer it with an error for its id
	duplicate                // its id is active: close the connection with 4409
)

// guard tracks the operations of one connection. It counts an operation from its
// subscribe until gqlgen writes its complete or error, so stopped operations that
// gqlgen still runs hold their slot; a subscribe that would be refused or closed only
// because of such an operation waits for it instead (conn.awaitStart).
//
// Reuse of a stopped id is held back for a second reason: gqlgen keeps operations in a
// map by id and deletes the entry after writing an operation's end, so a new operation
// registered under the id before that would be deleted from the map — and could not be
// stopped any more.
type guard struct {
	max    int
	legacy bool // graphql-ws: start and stop instead of subscribe and complete

	mu       sync.Mutex
	ops      map[string]opState // every operation gqlgen runs, by id
	stopping int                // ops in opStopping
	changed  chan struct{}      // closed when an operation ends; nil if nobody waits
	closed   bool
}

// start applies the guard to a subscribe for id. When the verdict depends on an
// operation the client stopped and canWait is set, it returns a channel that is closed
// when an operation ends, to call start again.
func (g *guard) start(id string, canWait bool) (verdict, <-chan struct{}) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return admit, nil
	}
	switch g.ops[id] {
	case opActive:
		return duplicate, nil
	case opStopping:
		if canWait {
			return admit, g.waitLocked()
		}
		return duplicate, nil
	}
	if len(g.ops) >= g.max {
		if canWait && g.stopping > 0 {
			return admit, g.waitLocked()
		}
		return refuse, nil
	}
	if g.ops == nil {
		g.ops = make(map[string]opState)
	}
	g.ops[id] = opActive
	return admit, nil
}

// stop records that the client stopped id. gqlgen cancels the operation and writes its
// end, which releases it.
func (g *guard) stop(id string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ops[id] == opActive {
		g.ops[id] = opStopping
		g.stopping++
	}
}

// ending is called with every message before it is written. An active operation ends
// here, before the client can see its end and reuse the id; a stopped one is returned,
// to end once the message is written (ended).
func (g *guard) ending(data []byte) (stopped string, ok bool) {
	if !mayEndOperation(data) {
		return "", false
	}
	var e envelope
	if json.Unmarshal(data, &e) != nil || (e.Type != typeComplete && e.Type != typeError) {
		return "", false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	switch g.ops[e.ID] {
	case opActive:
		delete(g.ops, e.ID)
		g.wakeLocked()
	case opStopping:
		return e.ID, true
	}
	return "", false
}

// ended releases a stopped operation whose end has been written.
func (g *guard) ended(id string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ops[id] == opStopping {
		delete(g.ops, id)
		g.stopping--
		g.wakeLocked()
	}
}

// close forgets every operation: gqlgen cancels them all when the connection closes.
func (g *guard) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	g.ops = nil
	g.stopping = 0
	g.wakeLocked()
}

func (g *guard) waitLocked() <-chan struct{} {
	if g.changed == nil {
		g.changed = make(chan struct{})
	}
	return g.changed
}

func (g *guard) wakeLocked() {
	if g.changed != nil {
		close(g.changed)
		g.changed = nil
	}
}
