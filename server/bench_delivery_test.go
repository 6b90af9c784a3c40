//go:build bench

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/northstar/northstar/internal/bench/loadgen"
	"github.com/northstar/northstar/internal/chat"
)

// answer is a seq a writer of BenchmarkLoadPosting was answered with, and when (unix ns).
type answer struct {
	seq int
	at  int64
}

// resumingSubscriber is one graphql-transport-ws subscription to a thread's messages from
// the start (after: 0) that behaves as the chat contract asks of a client: when the server
// completes the subscription or closes the connection (a subscriber the bus drops for
// falling behind gets 1013), it subscribes again, on a new connection if need be, with
// after = the last seq it received. It records when each seq first arrived, how often,
// and in what order.
type resumingSubscriber struct {
	url    string
	init   map[string]any
	thread string
	done   chan struct{} // closed when the reader stops

	mu           sync.Mutex
	conn         *websocket.Conn
	closing      bool
	arrived      map[int]int64 // first arrival (unix ns) per seq
	count        map[int]int   // arrivals per seq
	last         int           // the highest seq received
	disordered   int           // first arrivals of a seq below one received before
	resumes      int           // subscriptions the server completed
	reconnects   int           // connections the server closed
	closeCodes   map[int]int   // their close codes (-1: no close frame), counted
	problems     int
	firstProblem string
}

const resumingQuery = `subscription($thread: ID!, $after: Int) { messagePosted(threadId: $thread, after: $after) { seq } }`

// subscribeResuming connects to url with the connection_init payload init and subscribes
// to thread's messages.
func subscribeResuming(ctx context.Context, b *testing.B, url string, init map[string]any, thread string) *resumingSubscriber {
	b.Helper()
	s := &resumingSubscriber{url: url, init: init, thread: thread, done: make(chan struct{}), arrived: map[int]int64{}, count: map[int]int{}, closeCodes: map[int]int{}}
	conn, err := s.connect(ctx, 0)
	if err != nil {
		b.Fatalf("subscriber: %v", err)
	}
	s.conn = conn
	go s.read(ctx, conn)
	return s
}

// connect opens a connection, waits for its ack and subscribes with after.
func (s *resumingSubscriber) connect(ctx context.Context, after int) (*websocket.Conn, error) {
	d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
	conn, _, err := d.DialContext(ctx, s.url, nil)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*websocket.Conn, error) { conn.Close(); return nil, err }
	if err := conn.WriteJSON(map[string]any{"type": "connection_init", "payload": s.init}); err != nil {
		return fail(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		var m wsMessage
		if err := conn.ReadJSON(&m); err != nil {
			return fail(fmt.Errorf("waiting for connection_ack: %w", err))
		}
		if m.Type == "connection_ack" {
			break
		}
	}
	_ = conn.SetReadDeadline(time.Time{})
	if err := subscribeTo(conn, 1, s.thread, after); err != nil {
		return fail(err)
	}
	return conn, nil
}

func subscribeTo(conn *websocket.Conn, id int, thread string, after int) error {
	return conn.WriteJSON(map[string]any{"id": fmt.Sprint(id), "type": "subscribe", "payload": map[string]any{
		"query": resumingQuery, "variables": map[string]any{"thread": thread, "after": after}}})
}

// read runs until close; once subscribed it is its connection's only writer. When the
// server closes the connection it reconnects, trying for up to 10 s.
func (s *resumingSubscriber) read(ctx context.Context, conn *websocket.Conn) {
	defer close(s.done)
	id := 1
	for {
		var m wsMessage
		if err := conn.ReadJSON(&m); err != nil {
			code := -1
			if ce, ok := err.(*websocket.CloseError); ok {
				code = ce.Code
			}
			if conn = s.reconnect(ctx, code); conn == nil {
				return
			}
			id = 1
			continue
		}
		switch m.Type {
		case "next":
			s.next(m.Payload)
		case "ping":
			if err := conn.WriteJSON(map[string]any{"type": "pong"}); err != nil {
				conn.Close() // the next read fails and reconnects
			}
		case "complete":
			s.mu.Lock()
			s.resumes++
			after := s.last
			s.mu.Unlock()
			id++
			if err := subscribeTo(conn, id, s.thread, after); err != nil {
				conn.Close()
			}
		case "pong", "ka":
		default:
			s.problem(fmt.Sprintf("%s %s", m.Type, m.Payload))
		}
	}
}

// reconnect replaces a connection the server closed with close code code; it returns nil
// when the subscriber is closing or cannot reconnect.
func (s *resumingSubscriber) reconnect(ctx context.Context, code int) *websocket.Conn {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return nil
	}
	s.reconnects++
	s.closeCodes[code]++
	after := s.last
	s.mu.Unlock()
	deadline := time.Now().Add(10 * time.Second)
	for {
		conn, err := s.connect(ctx, after)
		if err == nil {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.closing {
				conn.Close()
				return nil
			}
			s.conn = conn
			return conn
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			s.problem(fmt.Sprintf("reconnecting after close code %d: %v", code, err))
			return nil
		}
		wait(ctx, 100*time.Millisecond)
	}
}

func (s *resumingSubscriber) next(payload json.RawMessage) {
	now := time.Now().UnixNano()
	seq, _, ok := parseDelivery(payload)
	if !ok || bytes.Contains(payload, []byte(`"errors"`)) {
		s.problem(string(payload))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := int(seq)
	s.count[n]++
	if s.count[n] > 1 {
		return
	}
	s.arrived[n] = now
	if n < s.last {
		s.disordered++
	}
	s.last = max(s.last, n)
}

func (s *resumingSubscriber) problem(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems++
	if s.firstProblem == "" {
		s.firstProblem = p
	}
}

// missing returns how many of answers have not arrived.
func (s *resumingSubscriber) missing(answers []answer) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, a := range answers {
		if _, ok := s.arrived[a.seq]; !ok {
			n++
		}
	}
	return n
}

func (s *resumingSubscriber) close() {
	s.mu.Lock()
	s.closing = true
	s.conn.Close()
	s.mu.Unlock()
	<-s.done
}

// report waits (up to the gap timeout plus 10 s) until every answered seq has arrived and
// prints the delivery line: lost (answered, never received), duplicated (arrivals beyond
// the first), disordered, extra (received but answered to no writer: a post answered with
// an error although its message was stored), how often the subscriber resumed, the
// subscribers the replicas' buses dropped meanwhile, and the lag from a post's answer to
// its arrival.
func (s *resumingSubscriber) report(ctx context.Context, b *testing.B, answers []answer, serverDropped uint64) {
	b.Helper()
	start := time.Now()
	deadline := start.Add(chat.DefaultGapTimeout + 10*time.Second)
	for s.missing(answers) > 0 && time.Now().Before(deadline) && ctx.Err() == nil {
		select {
		case <-s.done:
			deadline = time.Now()
		default:
			wait(ctx, 10*time.Millisecond)
		}
	}
	waited := time.Since(start)
	s.mu.Lock()
	defer s.mu.Unlock()
	answered := make(map[int]bool, len(answers))
	lag := loadgen.NewHistogram()
	lost, duplicateAnswers := 0, 0
	for _, a := range answers {
		if answered[a.seq] {
			duplicateAnswers++ // two posts answered with one seq
		}
		answered[a.seq] = true
		if at, ok := s.arrived[a.seq]; ok {
			lag.Record(time.Duration(at - a.at))
		} else {
			lost++
		}
	}
	received, duplicated, extra := 0, 0, 0
	for seq, c := range s.count {
		received += c
		duplicated += c - 1
		if !answered[seq] {
			extra++
		}
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	emitBench("delivery", "bench", "posting", "run", "busy", "answered", len(answers), "received", received,
		"lost", lost, "duplicated", duplicated, "disordered", s.disordered, "extra", extra, "duplicate_answers", duplicateAnswers,
		"resumes", s.resumes, "reconnects", s.reconnects, "close_codes", closeCodes(s.closeCodes), "server_dropped", serverDropped,
		"problems", s.problems, "first_problem", s.firstProblem,
		"lag_p50_ms", ms(lag.Quantile(0.5)), "lag_p99_ms", ms(lag.Quantile(0.99)), "lag_max_ms", ms(lag.Max()), "wait_s", waited.Seconds())
	if lost+duplicated+s.disordered+duplicateAnswers+s.problems > 0 {
		b.Logf("delivery to the busy thread's subscriber: %d lost, %d duplicated, %d out of order, %d seqs answered twice, %d problems (first: %s)",
			lost, duplicated, s.disordered, duplicateAnswers, s.problems, s.firstProblem)
	}
}

// closeCodes lists counted close codes for a BENCH line, e.g. "1013x3,-1x1"; "-" when
// there are none.
func closeCodes(codes map[int]int) string {
	if len(codes) == 0 {
		return "-"
	}
	keys := slices.Sorted(maps.Keys(codes))
	parts := make([]string, len(keys))
	for i, c := range keys {
		parts[i] = fmt.Sprintf("%dx%d", c, codes[c])
	}
	return strings.Join(parts, ",")
}
