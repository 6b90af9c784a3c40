package devinfra

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

func TestRedis(t *testing.T) {
	t.Parallel()
	var log tail
	began := time.Now()
	r, err := StartRedis(t.Context(), RedisOptions{Password: "s3cret", Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Stop() })
	t.Logf("StartRedis took %v", time.Since(began))
	if !strings.HasPrefix(r.Addr, "127.0.0.1:") {
		t.Errorf("Addr = %q, want 127.0.0.1:PORT", r.Addr)
	}
	if !strings.Contains(log.String(), "Ready to accept connections") {
		t.Errorf("Log did not receive the server output; got %q", log.String())
	}

	t.Run("PasswordRequired", func(t *testing.T) {
		conn, err := net.DialTimeout("tcp", r.Addr, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if got := redisDo(t, conn, "PING"); !strings.HasPrefix(got, "-NOAUTH") {
			t.Errorf("PING without AUTH = %q, want -NOAUTH", got)
		}
	})

	conn := dialRedis(t, r.Addr, "s3cret")
	if got := redisDo(t, conn, "PING"); got != "+PONG" {
		t.Fatalf("PING = %q", got)
	}
	if got := redisDo(t, conn, "SET", "k", "v"); got != "+OK" {
		t.Fatalf("SET = %q", got)
	}

	addr, pgid := r.Addr, r.proc.pgid
	if err := r.Restart(t.Context()); err != nil {
		t.Fatal(err)
	}
	if r.Addr != addr {
		t.Errorf("Restart moved the server from %s to %s", addr, r.Addr)
	}
	if groupAlive(pgid) {
		t.Errorf("old process group %d survived Restart", pgid)
	}
	conn = dialRedis(t, r.Addr, "s3cret")
	if got := redisDo(t, conn, "PING"); got != "+PONG" {
		t.Fatalf("PING after Restart = %q", got)
	}
	if got := redisDo(t, conn, "EXISTS", "k"); got != ":0" {
		t.Errorf("EXISTS k after Restart = %q, want :0 (a fresh, empty server)", got)
	}

	pgid = r.proc.pgid
	if err := r.Stop(); err != nil {
		t.Fatal(err)
	}
	assertDown(t, addr, pgid)
	if err := r.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
}

func TestRedisPortTaken(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", hostPort(0))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, err = StartRedis(t.Context(), RedisOptions{Port: portOf(l.Addr().String())})
	if !errors.Is(err, errPortInUse) || !strings.Contains(err.Error(), "last output") {
		t.Errorf("err = %v, want errPortInUse quoting the server output", err)
	}
}

// TestRedisPortAnswered: a port taken by another Redis, which answers the new server's
// readiness probe while that server is still starting, is still a port in use — never a
// start that hands back someone else's server.
func TestRedisPortAnswered(t *testing.T) {
	t.Parallel()
	first, err := StartRedis(t.Context(), RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Stop() })
	if !listensOn(first.proc.pgid, portOf(first.Addr)) {
		t.Fatalf("listensOn(%d, %s) = false for the server's own group", first.proc.pgid, first.Addr)
	}
	second, err := StartRedis(t.Context(), RedisOptions{Port: portOf(first.Addr)})
	if err == nil {
		second.Stop()
		t.Fatalf("StartRedis on %s, where another Redis listens, succeeded", first.Addr)
	}
	if !errors.Is(err, errPortInUse) {
		t.Errorf("err = %v, want errPortInUse", err)
	}
}

func TestRedisNotInstalled(t *testing.T) {
	emptyPath(t)
	_, err := StartRedis(t.Context(), RedisOptions{})
	want := "redis-server not found: install it with `apt-get install -y redis-server`"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
