package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// SubscriberOptions configures DialSubscribers.
type SubscriberOptions struct {
	// URL is the websocket endpoint, e.g. ws://127.0.0.1:8080/query. Required.
	URL string
	// Count is the number of connections, each with one subscription. Required.
	Count int
	// Parallel bounds the connections being opened at once; 64 when zero.
	Parallel int
	// InitPayload is the connection_init payload (authorization, tenant, …).
	InitPayload any
	// Subscribe is the payload of the subscribe message: {"query": …, "variables": …}.
	// Required.
	Subscribe any
	// OnNext, when set, is called with each next message's payload, from the reader
	// goroutine of connection i. It must not keep payload.
	OnNext func(i int, payload []byte)
}

// Subscribers are open graphql-transport-ws connections, each with one live subscription.
// Every connection has a reader goroutine that answers the server's pings (gqlgen closes a
// connection that does not answer) and counts what arrives.
type Subscribers struct {
	conns []*websocket.Conn
	wg    sync.WaitGroup

	nexts, failed, ended atomic.Uint64
	mu                   sync.Mutex
	firstProblem         string
}

// DialSubscribers opens o.Count connections: each sends connection_init, waits for
// connection_ack and sends one subscribe with id "1". It returns when all of them have
// subscribed, or the first error (after closing what it opened).
func DialSubscribers(ctx context.Context, o SubscriberOptions) (*Subscribers, error) {
	if o.URL == "" || o.Count <= 0 || o.Subscribe == nil {
		return nil, errors.New("loadgen: DialSubscribers needs URL, Count and Subscribe")
	}
	parallel := o.Parallel
	if parallel <= 0 {
		parallel = 64
	}
	initMsg, err := json.Marshal(map[string]any{"type": "connection_init", "payload": o.InitPayload})
	if err != nil {
		return nil, err
	}
	subMsg, err := json.Marshal(map[string]any{"id": "1", "type": "subscribe", "payload": o.Subscribe})
	if err != nil {
		return nil, err
	}
	s := &Subscribers{conns: make([]*websocket.Conn, o.Count)}
	d := websocket.Dialer{
		Subprotocols:     []string{"graphql-transport-ws"},
		HandshakeTimeout: 30 * time.Second,
		ReadBufferSize:   512,
		WriteBufferSize:  512,
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next     atomic.Int64
		errOnce  sync.Once
		firstErr error
		dialers  sync.WaitGroup
	)
	for range parallel {
		dialers.Add(1)
		go func() {
			defer dialers.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= o.Count {
					return
				}
				conn, err := handshake(ctx, &d, o.URL, initMsg, subMsg)
				if err != nil {
					errOnce.Do(func() { firstErr = fmt.Errorf("loadgen: connection %d: %w", i, err); cancel() })
					return
				}
				s.conns[i] = conn
				s.wg.Add(1)
				go s.read(i, conn, o.OnNext)
			}
		}()
	}
	dialers.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		s.Close()
		return nil, firstErr
	}
	return s, nil
}

func handshake(ctx context.Context, d *websocket.Dialer, url string, initMsg, subMsg []byte) (*websocket.Conn, error) {
	conn, res, err := d.DialContext(ctx, url, http.Header{})
	if err != nil {
		if res != nil {
			return nil, fmt.Errorf("%w (HTTP %d)", err, res.StatusCode)
		}
		return nil, err
	}
	fail := func(err error) (*websocket.Conn, error) { conn.Close(); return nil, err }
	if err := conn.WriteMessage(websocket.TextMessage, initMsg); err != nil {
		return fail(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		var m struct{ Type string }
		if err := conn.ReadJSON(&m); err != nil {
			return fail(fmt.Errorf("waiting for connection_ack: %w", err))
		}
		if m.Type == "connection_ack" {
			break
		}
		if m.Type != "ping" && m.Type != "pong" && m.Type != "ka" {
			return fail(fmt.Errorf("got %q before connection_ack", m.Type))
		}
	}
	_ = conn.SetReadDeadline(time.Time{})
	if err := conn.WriteMessage(websocket.TextMessage, subMsg); err != nil {
		return fail(err)
	}
	return conn, nil
}

var pong = []byte(`{"type":"pong"}`)

// read runs connection i's reader. It shares the machine with the server it measures, so
// it reuses one buffer per connection and finds the message's type and payload with
// envelope rather than encoding/json.
func (s *Subscribers) read(i int, conn *websocket.Conn, onNext func(int, []byte)) {
	defer s.wg.Done()
	defer s.ended.Add(1)
	var (
		buf bytes.Buffer
		m   struct {
			Type    string
			Payload json.RawMessage
		}
	)
	for {
		_, r, err := conn.NextReader()
		if err != nil {
			return
		}
		buf.Reset()
		if _, err := buf.ReadFrom(r); err != nil {
			return
		}
		data := buf.Bytes()
		if typ, payload, ok := envelope(data); ok {
			m.Type, m.Payload = typ, payload
		} else {
			m.Type, m.Payload = "", m.Payload[:0]
			if err := json.Unmarshal(data, &m); err != nil {
				s.problem(fmt.Sprintf("connection %d: %v", i, err))
				continue
			}
		}
		switch m.Type {
		case "ping":
			// The reader is the connection's only writer once subscribed.
			if err := conn.WriteMessage(websocket.TextMessage, pong); err != nil {
				return
			}
		case "next":
			if bytes.Contains(m.Payload, []byte(`"errors"`)) {
				s.problem(fmt.Sprintf("connection %d: %s", i, m.Payload))
				continue
			}
			s.nexts.Add(1)
			if onNext != nil {
				onNext(i, m.Payload)
			}
		case "pong", "ka":
		default: // error, complete, anything else ends the subscription
			s.problem(fmt.Sprintf("connection %d: %s %s", i, m.Type, m.Payload))
		}
	}
}

// Message types envelope recognizes without allocating.
var knownTypes = []string{"next", "ping", "pong", "ka", "complete", "error", "connection_ack"}

// envelope returns the "type" and "payload" members of a graphql-transport-ws message,
// a JSON object, in one pass over it. It reports false for anything it is not sure of (an
// escaped or unknown type, malformed JSON), which the caller then decodes with
// encoding/json. payload aliases data.
func envelope(data []byte) (typ string, payload []byte, ok bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return "", nil, false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return "", nil, false
	}
	for i < len(data) {
		if data[i] != '"' {
			return "", nil, false
		}
		keyEnd := skipString(data, i)
		if keyEnd < 0 {
			return "", nil, false
		}
		key := data[i+1 : keyEnd-1]
		i = skipSpace(data, keyEnd)
		if i >= len(data) || data[i] != ':' {
			return "", nil, false
		}
		i = skipSpace(data, i+1)
		end := skipValue(data, i)
		if end < 0 {
			return "", nil, false
		}
		switch string(key) {
		case "type":
			if data[i] != '"' {
				return "", nil, false
			}
			known := false
			for _, t := range knownTypes {
				if string(data[i+1:end-1]) == t {
					typ, known = t, true
					break
				}
			}
			if !known {
				return "", nil, false
			}
		case "payload":
			payload = data[i:end]
		}
		i = skipSpace(data, end)
		if i >= len(data) {
			return "", nil, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			if skipSpace(data, i+1) != len(data) {
				return "", nil, false
			}
			if typ == "" {
				return "", nil, false
			}
			return typ, payload, true
		default:
			return "", nil, false
		}
	}
	return "", nil, false
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string starting at data[i] (a quote), or -1.
func skipString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// skipValue returns the index after the JSON value starting at data[i], or -1. It checks
// nesting and strings, not the grammar of numbers and literals.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		var stack [64]byte // closers expected, innermost last; deeper values are refused
		n := 0
		for j := i; j < len(data); j++ {
			switch c := data[j]; c {
			case '"':
				k := skipString(data, j)
				if k < 0 {
					return -1
				}
				j = k - 1
			case '{', '[':
				if n == len(stack) {
					return -1
				}
				stack[n] = c + 2 // '}' and ']' follow their openers by 2 in ASCII
				n++
			case '}', ']':
				if n == 0 || stack[n-1] != c {
					return -1
				}
				if n--; n == 0 {
					return j + 1
				}
			}
		}
		return -1
	default:
		j := i
		for j < len(data) && data[j] != ',' && data[j] != '}' && data[j] != ']' && data[j] != ' ' && data[j] != '\t' && data[j] != '\n' && data[j] != '\r' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}

func (s *Subscribers) problem(p string) {
	s.failed.Add(1)
	s.mu.Lock()
	if s.firstProblem == "" {
		s.firstProblem = p
	}
	s.mu.Unlock()
}

// Nexts returns the number of next messages received without errors, on all connections.
func (s *Subscribers) Nexts() uint64 { return s.nexts.Load() }

// Problems returns the number of error, complete and erroneous next messages, and the
// first of them.
func (s *Subscribers) Problems() (uint64, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failed.Load(), s.firstProblem
}

// Ended returns the number of connections whose reader stopped (closed by either side).
func (s *Subscribers) Ended() uint64 { return s.ended.Load() }

// WaitNexts waits until at least n next messages have arrived. It fails when ctx ends
// first, or when a connection ends or a problem arrives while waiting.
func (s *Subscribers) WaitNexts(ctx context.Context, n uint64) error {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for s.Nexts() < n {
		if e := s.Ended(); e > 0 {
			return fmt.Errorf("loadgen: %d connections ended while waiting for %d messages (got %d)", e, n, s.Nexts())
		}
		if p, first := s.Problems(); p > 0 {
			return fmt.Errorf("loadgen: %d problems while waiting for %d messages (got %d); first: %s", p, n, s.Nexts(), first)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("loadgen: got %d of %d messages: %w", s.Nexts(), n, ctx.Err())
		case <-t.C:
		}
	}
	return nil
}

// Close closes every connection and waits for the readers to stop.
func (s *Subscribers) Close() {
	for _, c := range s.conns {
		if c != nil {
			c.Close()
		}
	}
	s.wg.Wait()
}
