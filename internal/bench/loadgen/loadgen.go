// Package loadgen is the load generator of Northstar's benchmarks.
//
// Run drives an HTTP/1.1 server closed-loop: each of N workers holds one keep-alive TCP
// connection and sends the same pre-encoded request again as soon as the previous answer
// has been read, recording every latency in its own log-linear Histogram. The hot path
// (write, parse the status line and headers, read the body, check it, record) does not
// allocate, so the generator adds as little garbage-collection work as possible to a
// server that shares its process or its cores. Using the same generator for a server and
// for its baseline is what makes their ratio meaningful.
//
// Subscribers holds many idle graphql-transport-ws subscriptions open (see ws.go).
package loadgen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// Target is the request the workers send and the answer they accept.
type Target struct {
	// Addr is the server's host:port. Required.
	Addr string
	// Request is one complete HTTP/1.1 request that keeps the connection alive, usually
	// built with BuildRequest. Required.
	Request []byte
	// Expect is text the body of every answer must contain; an answer without it, or
	// with a status other than 200, counts as an error. Empty accepts any 200 answer.
	Expect []byte
}

// Options configures Run.
type Options struct {
	// Connections is the number of workers, each with its own connection. Required.
	Connections int
	// Duration is how long the measurement lasts, after every connection is open.
	// Required.
	Duration time.Duration
}

// Result is one run's measurement.
type Result struct {
	Connections int
	// Requests counts answers accepted within Duration (status 200, Expect present).
	Requests uint64
	// Errors counts rejected answers, I/O errors and failed dials.
	Errors uint64
	// Reconnects counts connections the server closed and workers opened again.
	Reconnects uint64
	// Elapsed is the measured window, Duration.
	Elapsed time.Duration
	// Latency holds the latency of every accepted answer: from the start of writing the
	// request to the end of reading the answer.
	Latency *Histogram
	// FirstError describes one error, for diagnostics; "" when there were none.
	FirstError string
}

// RPS returns the accepted answers per second.
func (r Result) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// Run opens o.Connections connections to t.Addr, then sends t.Request back to back on
// each of them for o.Duration and returns what it measured. It fails when a connection
// cannot be opened at the start; errors during the run are counted in the result.
func Run(ctx context.Context, t Target, o Options) (Result, error) {
	if t.Addr == "" || len(t.Request) == 0 || o.Connections <= 0 || o.Duration <= 0 {
		return Result{}, errors.New("loadgen: Run needs Addr, Request, Connections and Duration")
	}
	workers := make([]*worker, o.Connections)
	for i := range workers {
		conn, err := dial(ctx, t.Addr)
		if err != nil {
			for _, w := range workers[:i] {
				w.close()
			}
			return Result{}, err
		}
		workers[i] = &worker{target: t, conn: conn, x: newExchanger(conn, t.Expect), hist: NewHistogram()}
	}
	start := time.Now()
	deadline := start.Add(o.Duration)
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.run(ctx, deadline)
		}()
	}
	wg.Wait()
	res := Result{Connections: o.Connections, Elapsed: o.Duration, Latency: NewHistogram()}
	for _, w := range workers {
		w.close()
		res.Requests += w.ok
		res.Errors += w.errors
		res.Reconnects += w.reconnects
		res.Latency.Merge(w.hist)
		if res.FirstError == "" {
			res.FirstError = w.firstError
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, nil
}

// Probe sends t.Request once on a new connection and returns the status and body of the
// answer, to check a target before loading it.
func Probe(ctx context.Context, t Target) (status int, body []byte, err error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	c := NewClient(t.Addr)
	defer c.Close()
	status, body, err = c.Do(ctx, t.Request)
	return status, bytes.Clone(body), err
}

// Client sends requests one at a time on one keep-alive connection, with the exchange
// Run's workers use (no goroutine of its own, no allocation per round trip once its
// buffers have grown): for a benchmark whose request changes from one to the next, where
// a Target's is fixed, and whose latency should not include a heavier client's hand-offs
// between goroutines. It dials on first use and again after the server closed the
// connection. Not safe for concurrent use.
type Client struct {
	addr     string
	conn     net.Conn
	x        *exchanger
	deadline bool // the connection has a deadline set
}

// NewClient returns a Client of the server at addr (host:port).
func NewClient(addr string) *Client { return &Client{addr: addr} }

// Do sends req, one complete HTTP/1.1 request (BuildRequest), and returns the answer's
// status and body; the body is valid until the next call. ctx's deadline, if it has one,
// bounds the exchange. After an error the connection is closed, and the next call dials.
func (c *Client) Do(ctx context.Context, req []byte) (status int, body []byte, err error) {
	if c.conn == nil {
		conn, err := dial(ctx, c.addr)
		if err != nil {
			return 0, nil, err
		}
		c.conn, c.x, c.deadline = conn, newExchanger(conn, nil), false
	}
	if d, ok := ctx.Deadline(); ok || c.deadline {
		_ = c.conn.SetDeadline(d) // the zero time clears an earlier call's
		c.deadline = ok
	}
	if _, err := c.x.do(req); err != nil {
		c.Close()
		if !errors.Is(err, errClose) {
			return 0, nil, err
		}
	}
	return c.x.status, c.x.body, nil
}

// Close closes the connection, if one is open.
func (c *Client) Close() error {
	if c.conn == nil {
		return nil
	}
	err := c.conn.Close()
	c.conn = nil
	return err
}

func dial(ctx context.Context, addr string) (net.Conn, error) {
	d := net.Dialer{Timeout: 5 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("loadgen: %w", err)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetNoDelay(true)
	}
	return conn, nil
}

type worker struct {
	target Target
	conn   net.Conn
	x      *exchanger
	hist   *Histogram

	ok, errors, reconnects uint64
	firstError             string
}

func (w *worker) run(ctx context.Context, deadline time.Time) {
	done := ctx.Done()
	for {
		select {
		case <-done:
			return
		default:
		}
		if w.conn == nil && !w.redial(ctx) {
			if time.Now().After(deadline) {
				return
			}
			continue
		}
		start := time.Now()
		ok, err := w.x.do(w.target.Request)
		end := time.Now()
		if end.After(deadline) {
			return
		}
		if ok {
			w.ok++
			w.hist.Record(end.Sub(start))
		} else {
			w.fail(err)
		}
		if err != nil {
			w.conn.Close()
			w.conn = nil
		}
	}
}

func (w *worker) redial(ctx context.Context) bool {
	conn, err := dial(ctx, w.target.Addr)
	if err != nil {
		w.fail(err)
		time.Sleep(time.Millisecond) // a refusing server must not turn the worker into a spin loop
		return false
	}
	w.reconnects++
	w.conn, w.x = conn, newExchanger(conn, w.target.Expect)
	return true
}

// fail counts an error; err nil means a complete answer that was not accepted.
func (w *worker) fail(err error) {
	w.errors++
	if w.firstError != "" {
		return
	}
	if err == nil || errors.Is(err, errClose) {
		body := w.x.body
		if len(body) > 200 {
			body = body[:200]
		}
		w.firstError = fmt.Sprintf("HTTP %d: %s", w.x.status, body)
		return
	}
	w.firstError = err.Error()
}

func (w *worker) close() {
	if w.conn != nil {
		w.conn.Close()
	}
}
