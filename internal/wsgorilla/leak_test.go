package wsgorilla

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
)

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			var stacks bytes.Buffer
			_ = pprof.Lookup("goroutine").WriteTo(&stacks, 1)
			t.Fatalf("timed out waiting for %s\n%s", what, stacks.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitGoroutines waits until no more than n goroutines run.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	waitFor(t, 10*time.Second, fmt.Sprintf("goroutines to drop to %d", n), func() bool {
		return runtime.NumGoroutine() <= n
	})
}

// TestNoGoroutineLeak opens 200 connections that end every way a connection ends — a
// client close frame, a refused connection_init, an init timeout, a dropped TCP
// connection, a read-limit violation — and checks that every goroutine they started has
// exited.
func TestNoGoroutineLeak(t *testing.T) {
	limit := int64(1024)
	s := startServer(t, transport.Websocket{
		PayloadReadLimit:      &limit,
		InitTimeout:           time.Second,
		KeepAlivePingInterval: 10 * time.Millisecond,
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			if p.GetString("token") == "bad" {
				return transport.WithWebsocketCloseCode(ctx, 4401), nil, errors.New("unauthorized")
			}
			return ctx, nil, nil
		},
	})
	before := runtime.NumGoroutine()

	wantClose := func(c *websocket.Conn, code int) error {
		ce, err := readCloseFrame(c)
		if err == nil && ce.Code != code {
			err = fmt.Errorf("close %d %q, want %d", ce.Code, ce.Text, code)
		}
		return err
	}
	subscribed := func(c *websocket.Conn) error {
		if err := initConn(c); err != nil {
			return err
		}
		return writeMsg(c, subscribeMsg(c))
	}
	endings := []func(c *websocket.Conn) error{
		func(c *websocket.Conn) error { // client closes while subscribed
			if err := subscribed(c); err != nil {
				return err
			}
			_ = c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
			return wantClose(c, websocket.CloseNormalClosure)
		},
		func(c *websocket.Conn) error { // server refuses connection_init
			if err := writeMsg(c, message{Type: "connection_init", Payload: []byte(`{"token":"bad"}`)}); err != nil {
				return err
			}
			return wantClose(c, 4401)
		},
		func(c *websocket.Conn) error { // client never sends connection_init
			return wantClose(c, websocket.CloseProtocolError)
		},
		subscribed, // then the client vanishes
		func(c *websocket.Conn) error { // message over the read limit
			if err := initConn(c); err != nil {
				return err
			}
			big := message{Type: "subscribe", ID: "1", Payload: []byte(`"` + strings.Repeat("x", 2048) + `"`)}
			if err := writeMsg(c, big); err != nil {
				return err
			}
			return wantClose(c, websocket.CloseMessageTooBig)
		},
	}
	protocols := []string{transportWS, legacyWS}
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			c, _, err := dial(t, wsURL(s.Server), nil, protocols[i%2])
			if err != nil {
				t.Errorf("dial: %v", err)
				return
			}
			if err := endings[i%len(endings)](c); err != nil {
				t.Errorf("connection %d: %v", i, err)
			}
			c.Close()
		})
	}
	wg.Wait()
	waitGoroutines(t, before)
}

// idleClientsEnv makes the test binary a client process for TestIdleConnectionMemory.
const idleClientsEnv = "WSGORILLA_IDLE_CLIENTS"

// TestMain turns the test binary into the client process of TestIdleConnectionMemory
// when idleClientsEnv is set, so that the server's measurements hold the server's memory
// only.
func TestMain(m *testing.M) {
	if spec := os.Getenv(idleClientsEnv); spec != "" {
		if err := idleClients(spec); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// idleClients opens N connections to URL ("N URL"), initializes them, prints "ready",
// subscribes each on a line "subscribe" from stdin and prints "ready" again, and returns
// at EOF.
func idleClients(spec string) error {
	nStr, url, _ := strings.Cut(spec, " ")
	n, err := strconv.Atoi(nStr)
	if err != nil {
		return fmt.Errorf("%s=%q: %w", idleClientsEnv, spec, err)
	}
	conns := make([]*websocket.Conn, n)
	d := websocket.Dialer{Subprotocols: []string{transportWS}, HandshakeTimeout: 10 * time.Second}
	for i := range conns {
		if conns[i], _, err = d.Dial(url, nil); err != nil {
			return fmt.Errorf("dial: %w", err)
		}
		if err := initConn(conns[i]); err != nil {
			return err
		}
	}
	fmt.Println("ready")
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		for _, c := range conns {
			if err := writeMsg(c, subscribeMsg(c)); err != nil {
				return err
			}
		}
		fmt.Println("ready")
	}
	return nil
}

// memory is a snapshot of the process's memory after a full collection.
type memory struct{ heap, stack, rss int64 }

func measure(t *testing.T) memory {
	t.Helper()
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := memory{heap: int64(ms.HeapAlloc), stack: int64(ms.StackInuse)}
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for line := range strings.Lines(string(status)) {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				m.rss = kb << 10
			}
		}
	}
	return m
}

// TestIdleConnectionMemory measures the server's memory per idle connection, after
// connection_ack and with one idle subscription, for 1,000 connections from a child
// process, next to gorilla reusing net/http's hijacked read buffer and to gqlgen's default
// coder/websocket. It logs the figures; run it without -race for real ones.
func TestIdleConnectionMemory(t *testing.T) {
	const n = 1000
	impls := []struct {
		name string
		impl transport.WebsocketImplementation
	}{
		{"gorilla", New(Options{})}, // reuses net/http's read buffer
		{"gorilla-own-1KiB-buffer", New(Options{ReadBufferSize: 1024})},
		{"coder", transport.CoderWebsocketImplementation{}},
	}
	if raceEnabled {
		impls = impls[:1] // the comparisons mean nothing under -race
	}
	goBytes := map[string]int64{} // heap + stacks per subscribed connection
	for _, tc := range impls {
		t.Run(tc.name, func(t *testing.T) {
			s := startServer(t, transport.Websocket{Implementation: tc.impl})
			var subscribed atomic.Int64
			s.gql.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
				subscribed.Add(1)
				return next(ctx)
			})
			goroutines := runtime.NumGoroutine()
			base := measure(t)

			child := exec.Command(os.Args[0])
			child.Env = append(os.Environ(), fmt.Sprintf("%s=%d %s", idleClientsEnv, n, wsURL(s.Server)))
			child.Stderr = os.Stderr
			stdin, _ := child.StdinPipe()
			stdout, _ := child.StdoutPipe()
			if err := child.Start(); err != nil {
				t.Fatalf("start client process: %v", err)
			}
			defer func() { _ = child.Wait() }()
			defer stdin.Close()
			lines := bufio.NewScanner(stdout)
			ready := func() {
				t.Helper()
				for lines.Scan() {
					if lines.Text() == "ready" {
						return
					}
				}
				t.Fatalf("client process ended: %v", lines.Err())
			}

			ready()
			acked := measure(t)
			_, _ = io.WriteString(stdin, "subscribe\n")
			ready()
			waitFor(t, 10*time.Second, "subscriptions", func() bool { return subscribed.Load() == n })
			subs := measure(t)

			per := func(from, to memory) string {
				return fmt.Sprintf("heap %.1f KiB + stacks %.1f KiB = %.1f KiB (RSS %.1f KiB)",
					float64(to.heap-from.heap)/n/1024, float64(to.stack-from.stack)/n/1024,
					float64(to.heap+to.stack-from.heap-from.stack)/n/1024, float64(to.rss-from.rss)/n/1024)
			}
			t.Logf("per idle connection:            %s", per(base, acked))
			t.Logf("per idle subscribed connection: %s", per(base, subs))
			perConn := (subs.heap + subs.stack - base.heap - base.stack) / n
			if perConn <= 0 || perConn > 128<<10 {
				t.Errorf("%d bytes per connection is not plausible", perConn)
			}
			goBytes[tc.name] = perConn

			stdin.Close()
			_ = child.Wait()
			waitGoroutines(t, goroutines)
		})
	}
	// The adapter exists to be lighter than gqlgen's default: hold it to that.
	if ours, coder := goBytes["gorilla"], goBytes["coder"]; coder > 0 && ours >= coder {
		t.Errorf("gorilla adapter holds %d bytes per subscribed connection, coder %d: the adapter should be lighter", ours, coder)
	}
}
