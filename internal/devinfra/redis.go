package devinfra

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	defaultRedisTimeout = 15 * time.Second
	// redisGrace is how long redis-server gets to exit after SIGTERM.
	redisGrace = 5 * time.Second
)

// RedisOptions configures StartRedis. Every field is optional.
type RedisOptions struct {
	// Port to listen on; 0 picks a free one.
	Port int
	// Password, when set, is required from clients (--requirepass). It shows in the
	// process list, so use it only for local instances.
	Password string
	// Log receives the server's output; nil discards it.
	Log io.Writer
	// StartTimeout bounds the wait for the server to answer PING; 0 means 15s.
	StartTimeout time.Duration
}

// Redis is a private redis-server without persistence. Stop it when done.
type Redis struct {
	// Addr is the server's "127.0.0.1:PORT".
	Addr string

	opts RedisOptions
	mu   sync.Mutex
	proc *process // nil while stopped
}

// StartRedis starts redis-server and returns once it answers PING. ctx bounds only the
// start-up; the server runs until Stop.
func StartRedis(ctx context.Context, opts RedisOptions) (*Redis, error) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		return nil, errors.New("redis-server not found: install it with `apt-get install -y redis-server`")
	}
	opts.StartTimeout = withDefault(opts.StartTimeout, defaultRedisTimeout)
	r := &Redis{opts: opts}
	err := startOnFreePort(opts.Port, func(port int) error {
		r.Addr = hostPort(port)
		return r.start(ctx)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Stop shuts the server down; its data is lost. It is safe to call more than once.
func (r *Redis) Stop() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stop()
}

// Restart stops the server, starts a new empty one on the same address and waits until it
// answers, so tests can simulate Redis going away. It also starts a stopped server.
func (r *Redis) Restart(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.stop(); err != nil {
		return err
	}
	return r.start(ctx)
}

// start runs redis-server on r.Addr; the caller holds r.mu or owns r.
func (r *Redis) start(ctx context.Context) error {
	_, port, _ := net.SplitHostPort(r.Addr)
	args := []string{"--port", port, "--bind", loopback, "--save", "", "--appendonly", "no", "--daemonize", "no"}
	if r.opts.Password != "" {
		args = append(args, "--requirepass", r.opts.Password)
	}
	p, err := startProcess("redis-server", args, r.opts.Log)
	if err != nil {
		return err
	}
	if err := p.waitReady(ctx, r.Addr, r.opts.StartTimeout, func(ctx context.Context) error {
		return redisPing(ctx, r.Addr, r.opts.Password)
	}); err != nil {
		return err
	}
	r.proc = p
	return nil
}

// stop ends the running server, if any; the caller holds r.mu.
func (r *Redis) stop() error {
	if r.proc == nil {
		return nil
	}
	err := r.proc.stop(syscall.SIGTERM, redisGrace)
	r.proc = nil
	return err
}

// redisPing sends AUTH (when password is set) and PING over a fresh connection and
// expects +PONG.
func redisPing(ctx context.Context, addr, password string) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	}
	rd := bufio.NewReader(conn)
	if password != "" {
		if reply, err := redisCommand(conn, rd, "AUTH", password); err != nil || reply != "+OK" {
			return fmt.Errorf("AUTH: %q %v", reply, err)
		}
	}
	if reply, err := redisCommand(conn, rd, "PING"); err != nil || reply != "+PONG" {
		return fmt.Errorf("PING: %q %v", reply, err)
	}
	return nil
}

// redisCommand sends args as a RESP array and returns the first reply line.
func redisCommand(w io.Writer, rd *bufio.Reader, args ...string) (string, error) {
	var b strings.Builder
	b.WriteString("*" + strconv.Itoa(len(args)) + "\r\n")
	for _, a := range args {
		b.WriteString("$" + strconv.Itoa(len(a)) + "\r\n" + a + "\r\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return "", err
	}
	line, err := rd.ReadString('\n')
	return strings.TrimRight(line, "\r\n"), err
}
