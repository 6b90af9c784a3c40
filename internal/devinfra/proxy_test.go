package devinfra

import (
	"bufio"
	"errors"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"
)

// echoServer answers every line with the same line, until the test ends.
func echoServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", hostPort(0))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_, _ = io.Copy(c, c)
			}()
		}
	}()
	return ln.Addr().String()
}

func startProxy(t *testing.T, upstream string) *Proxy {
	t.Helper()
	p, err := StartProxy(upstream)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// roundTrip sends line through c and returns the answer, failing after timeout.
func roundTrip(c net.Conn, r *bufio.Reader, line string, timeout time.Duration) (string, error) {
	_ = c.SetDeadline(time.Now().Add(timeout))
	if _, err := io.WriteString(c, line+"\n"); err != nil {
		return "", err
	}
	s, err := r.ReadString('\n')
	return strings.TrimSuffix(s, "\n"), err
}

func dialProxy(t *testing.T, p *Proxy) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.DialTimeout("tcp", p.Addr, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, bufio.NewReader(c)
}

// pollUntil polls cond every few milliseconds until it holds or d passes.
func pollUntil(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, d)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestProxyForwards(t *testing.T) {
	p := startProxy(t, echoServer(t))
	c, r := dialProxy(t, p)
	for _, line := range []string{"hello", strings.Repeat("x", 100<<10)} {
		got, err := roundTrip(c, r, line, 5*time.Second)
		if err != nil || got != line {
			t.Fatalf("echo of %d bytes: %d bytes, %v", len(line), len(got), err)
		}
	}
	if p.Conns() != 1 {
		t.Fatalf("Conns = %d, want 1", p.Conns())
	}
}

func TestProxyCutAndRestore(t *testing.T) {
	p := startProxy(t, echoServer(t))
	c, r := dialProxy(t, p)
	if _, err := roundTrip(c, r, "before", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	p.Cut()
	var ne net.Error
	if _, err := roundTrip(c, r, "during", 5*time.Second); err == nil || (errors.As(err, &ne) && ne.Timeout()) {
		t.Fatalf("a cut connection answered or hung: %v", err)
	}
	// New connections are accepted and closed at once: the client reads EOF.
	c2, r2 := dialProxy(t, p)
	if _, err := roundTrip(c2, r2, "new", 5*time.Second); err == nil {
		t.Fatal("a new connection was forwarded during the cut")
	}
	pollUntil(t, 5*time.Second, "links closed", func() bool { return p.Conns() == 0 })

	p.Restore()
	c3, r3 := dialProxy(t, p)
	if got, err := roundTrip(c3, r3, "after", 5*time.Second); err != nil || got != "after" {
		t.Fatalf("after Restore: %q, %v", got, err)
	}
}

func TestProxyDelay(t *testing.T) {
	p := startProxy(t, echoServer(t))
	c, r := dialProxy(t, p)
	p.SetDelay(100 * time.Millisecond)
	start := time.Now()
	if _, err := roundTrip(c, r, "slow", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Fatalf("round trip took %s with 100 ms each way", d)
	}

	// A long delay holds bytes; lowering it releases them at once.
	p.SetDelay(time.Hour)
	if _, err := io.WriteString(c, "held\n"); err != nil {
		t.Fatal(err)
	}
	pollUntil(t, 5*time.Second, "bytes held", func() bool { return p.Pending() == int64(len("held\n")) })
	p.SetDelay(0)
	if got, err := roundTrip(c, r, "next", 5*time.Second); err != nil || got != "held" {
		t.Fatalf("released %q, %v; want the held line first", got, err)
	}
	pollUntil(t, 5*time.Second, "nothing pending", func() bool { return p.Pending() == 0 })

	// Cut drops what is held.
	p.SetDelay(time.Hour)
	if _, err := io.WriteString(c, "dropped\n"); err != nil {
		t.Fatal(err)
	}
	pollUntil(t, 5*time.Second, "bytes held", func() bool { return p.Pending() > 0 })
	p.Cut()
	pollUntil(t, 5*time.Second, "held bytes dropped", func() bool { return p.Pending() == 0 && p.Conns() == 0 })
}

func TestProxyCloseStopsGoroutines(t *testing.T) {
	upstream := echoServer(t)
	before := runtime.NumGoroutine()
	p, err := StartProxy(upstream)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		c, err := net.Dial("tcp", p.Addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	pollUntil(t, 5*time.Second, "links up", func() bool { return p.Conns() == 5 })
	p.SetDelay(time.Hour)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := net.DialTimeout("tcp", p.Addr, time.Second); err == nil {
		t.Fatal("the proxy still accepts connections after Close")
	}
	// The echo server's own goroutines end when the proxy closes its side.
	pollUntil(t, 5*time.Second, "goroutines back", func() bool { return runtime.NumGoroutine() <= before })
}
