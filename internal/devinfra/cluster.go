package devinfra

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	defaultClusterTimeout = 30 * time.Second
	// minMasters is the smallest cluster redis-cli creates.
	minMasters = 3
	// clusterBusOffset is how far above its client port a node listens for the cluster
	// bus; Redis fixes it.
	clusterBusOffset = 10000
	// clusterNodeTimeout (ms) is how long a silent node takes to be marked failing. Short,
	// so a restarted master is trusted again soon: the others clear its FAIL flag once it
	// answers and 2×timeout have passed since they set it. Much shorter would risk false
	// failures on a loaded machine, and with no replica a false failure is an outage.
	clusterNodeTimeout = "2000"
	// clusterPortTries bounds the search for a free port whose bus port is free as well.
	clusterPortTries = 50
)

// ClusterOptions configures StartRedisCluster. Every field is optional.
type ClusterOptions struct {
	// Masters is the number of master nodes; they split the 16384 slots evenly and have no
	// replicas. 0 means 3, the fewest redis-cli accepts.
	Masters int
	// Log receives the output of every node, each line prefixed with the node's port, and
	// of redis-cli; nil discards it.
	Log io.Writer
	// StartTimeout bounds StartRedisCluster and each StartNode; 0 means 30s.
	StartTimeout time.Duration
}

// RedisCluster is a private Redis Cluster of masters without replicas or persistence, for
// tests of code that must work against a cluster (slot routing, sharded pub/sub). Stop it
// when done.
//
// Each node listens on 127.0.0.1:PORT and on its cluster bus, PORT+10000, so ports are
// picked below 55536 with both free.
//
// StopNode and StartNode simulate losing one master. With no replica nothing fails over:
// while the node is down its slots are unavailable, and once the others mark it failed
// (about 2.5s) they report cluster_state:fail. The node restarts on the same port with the
// same nodes.conf, so it keeps its identity and slots and rejoins without a CLUSTER MEET,
// but empty. The cluster is ok again about 2s after the restart (a rebooted master keeps
// itself out that long); when the others had marked it failed less than 4s before, they
// take it back only 4s after marking it: up to about 4.5s.
type RedisCluster struct {
	// Addrs holds every master's "127.0.0.1:PORT"; the index is the node number StopNode
	// and StartNode take. Any of them seeds a cluster client.
	Addrs []string

	opts  ClusterOptions
	dir   string // holds every node's working directory; removed by Stop
	log   *sharedLog
	mu    sync.Mutex
	nodes []*process // nil while that node is stopped
	done  bool       // Stop has run
}

// StartRedisCluster starts opts.Masters redis-server nodes, joins them with `redis-cli
// --cluster create` and returns once every node reports cluster_state:ok. ctx bounds only
// the start-up; the cluster runs until Stop.
func StartRedisCluster(ctx context.Context, opts ClusterOptions) (*RedisCluster, error) {
	for _, bin := range []string{"redis-server", "redis-cli"} {
		if _, err := exec.LookPath(bin); err != nil {
			return nil, fmt.Errorf("%s not found: install it with `apt-get install -y redis-server`", bin)
		}
	}
	if opts.Masters == 0 {
		opts.Masters = minMasters
	}
	if opts.Masters < minMasters {
		return nil, fmt.Errorf("devinfra: a Redis Cluster needs at least %d masters, not %d", minMasters, opts.Masters)
	}
	opts.StartTimeout = withDefault(opts.StartTimeout, defaultClusterTimeout)
	dir, err := os.MkdirTemp("", "devinfra-redis-cluster-")
	if err != nil {
		return nil, fmt.Errorf("devinfra: redis cluster dir: %w", err)
	}
	c := &RedisCluster{
		Addrs: make([]string, opts.Masters),
		opts:  opts,
		dir:   dir,
		nodes: make([]*process, opts.Masters),
	}
	if opts.Log != nil {
		c.log = &sharedLog{w: opts.Log}
	}
	if err := c.create(ctx); err != nil {
		return nil, errors.Join(err, c.Stop())
	}
	return c, nil
}

// Stop shuts every node down and removes their directories; the data is lost. It is safe
// to call more than once.
func (c *RedisCluster) Stop() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return nil
	}
	c.done = true
	var errs []error
	for i, p := range c.nodes {
		if p != nil {
			errs = append(errs, p.stop(syscall.SIGTERM, redisGrace))
			c.nodes[i] = nil
		}
	}
	errs = append(errs, os.RemoveAll(c.dir))
	return errors.Join(errs...)
}

// StopNode shuts node i down, losing its data; its slots are unavailable until StartNode.
// Stopping a stopped node does nothing.
func (c *RedisCluster) StopNode(i int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.check(i); err != nil {
		return err
	}
	p := c.nodes[i]
	if p == nil {
		return nil
	}
	c.nodes[i] = nil
	return p.stop(syscall.SIGTERM, redisGrace)
}

// StartNode restarts stopped node i on its old address and returns once every node
// reports cluster_state:ok again. The node is empty but owns the same slots as before. It
// fails if another process has taken the node's port meanwhile.
func (c *RedisCluster) StartNode(ctx context.Context, i int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.check(i); err != nil {
		return err
	}
	if c.nodes[i] != nil {
		return fmt.Errorf("devinfra: redis cluster node %d (%s) is already running", i, c.Addrs[i])
	}
	ctx, cancel := context.WithTimeout(ctx, c.opts.StartTimeout)
	defer cancel()
	if err := c.startNode(ctx, i); err != nil {
		return err
	}
	return waitClusterOK(ctx, c.Addrs)
}

// check reports whether node i can be stopped or started; the caller holds c.mu.
func (c *RedisCluster) check(i int) error {
	if c.done {
		return errors.New("devinfra: redis cluster is stopped")
	}
	if i < 0 || i >= len(c.nodes) {
		return fmt.Errorf("devinfra: no redis cluster node %d (have %d)", i, len(c.nodes))
	}
	return nil
}

// create starts every node, joins them and waits for the cluster; the caller owns c.
func (c *RedisCluster) create(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, c.opts.StartTimeout)
	defer cancel()
	for i := range c.nodes {
		if err := c.startOnClusterPort(ctx, i); err != nil {
			return err
		}
	}
	args := append([]string{"--cluster", "create"}, c.Addrs...)
	if err := c.redisCLI(ctx, append(args, "--cluster-replicas", "0", "--cluster-yes")...); err != nil {
		return err
	}
	return waitClusterOK(ctx, c.Addrs)
}

// startOnClusterPort starts node i on a fresh port, retrying while the one picked turns out
// to be taken; the caller owns c.
func (c *RedisCluster) startOnClusterPort(ctx context.Context, i int) error {
	var err error
	for range portAttempts {
		port, perr := freeClusterPort()
		if perr != nil {
			return perr
		}
		c.Addrs[i] = hostPort(port)
		if err = c.startNode(ctx, i); !errors.Is(err, errPortInUse) {
			return err
		}
	}
	return err
}

// startNode runs node i on c.Addrs[i] in a directory named for its port, which keeps its
// nodes.conf across restarts; the caller holds c.mu or owns c.
func (c *RedisCluster) startNode(ctx context.Context, i int) error {
	addr := c.Addrs[i]
	_, port, _ := net.SplitHostPort(addr)
	dir := filepath.Join(c.dir, port)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("devinfra: redis cluster node dir: %w", err)
	}
	args := []string{
		"--port", port, "--bind", loopback, "--dir", dir,
		"--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
		"--cluster-node-timeout", clusterNodeTimeout,
		"--save", "", "--appendonly", "no", "--daemonize", "no",
	}
	p, err := startProcess("redis-server", args, c.log.writer(port))
	if err != nil {
		return err
	}
	if err := p.waitReady(ctx, addr, c.opts.StartTimeout, func(ctx context.Context) error {
		return redisPing(ctx, addr, "")
	}); err != nil {
		return err
	}
	c.nodes[i] = p
	return nil
}

// redisCLI runs redis-cli with args and waits for it to exit successfully.
func (c *RedisCluster) redisCLI(ctx context.Context, args ...string) error {
	p, err := startProcess("redis-cli", args, c.log.writer("redis-cli"))
	if err != nil {
		return err
	}
	select {
	case <-p.done:
		err = p.err
	case <-ctx.Done():
		err = ctx.Err()
	}
	// Also ends the guard shell, which shares the group.
	if serr := p.stop(syscall.SIGKILL, 0); serr != nil {
		return errors.Join(err, serr)
	}
	if err != nil {
		return fmt.Errorf("devinfra: redis-cli %s: %w%s", strings.Join(args[:2], " "), err, quote(p.out.String()))
	}
	return nil
}

// freeClusterPort returns a port below 55536 that, with its cluster bus port, was free a
// moment ago.
func freeClusterPort() (int, error) {
	for range clusterPortTries {
		port, err := FreePort()
		if err != nil {
			return 0, err
		}
		if port+clusterBusOffset > 65535 {
			continue
		}
		if l, err := net.Listen("tcp", hostPort(port+clusterBusOffset)); err == nil {
			l.Close()
			return port, nil
		}
	}
	return 0, fmt.Errorf("devinfra: no free port with a free cluster bus port in %d tries", clusterPortTries)
}

// waitClusterOK polls every node until each reports cluster_state:ok and knows all of
// addrs, or ctx ends.
func waitClusterOK(ctx context.Context, addrs []string) error {
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		err := clusterOK(ctx, addrs)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("devinfra: redis cluster not ok (%w; last check: %v)", ctx.Err(), err)
		case <-tick.C:
		}
	}
}

// clusterOK asks every node for CLUSTER INFO and reports the first one that is not ok.
func clusterOK(ctx context.Context, addrs []string) error {
	for _, addr := range addrs {
		pctx, cancel := context.WithTimeout(ctx, probeTimeout)
		info, err := redisBulk(pctx, addr, "CLUSTER", "INFO")
		cancel()
		if err != nil {
			return fmt.Errorf("%s: %w", addr, err)
		}
		state, known := infoField(info, "cluster_state"), infoField(info, "cluster_known_nodes")
		if state != "ok" || known != strconv.Itoa(len(addrs)) {
			return fmt.Errorf("%s: cluster_state:%s cluster_known_nodes:%s", addr, state, known)
		}
	}
	return nil
}

// infoField returns the value of "name:value" in an INFO-style reply.
func infoField(info, name string) string {
	for line := range strings.Lines(info) {
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// redisBulk sends one command over a fresh connection and returns its bulk string reply.
func redisBulk(ctx context.Context, addr string, args ...string) (string, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	}
	rd := bufio.NewReader(conn)
	head, err := redisCommand(conn, rd, args...)
	if err != nil {
		return "", err
	}
	n, err := strconv.Atoi(strings.TrimPrefix(head, "$"))
	if !strings.HasPrefix(head, "$") || err != nil || n < 0 {
		return "", fmt.Errorf("%s: %q", strings.Join(args, " "), head)
	}
	body := make([]byte, n+2) // With the closing CRLF.
	if _, err := io.ReadFull(rd, body); err != nil {
		return "", err
	}
	return string(body[:n]), nil
}

// sharedLog lets several processes write one Log: it serializes their writes, which would
// otherwise race, and labels each line with its source.
type sharedLog struct {
	mu   sync.Mutex
	w    io.Writer
	last *labeledWriter // wrote last; guarded by mu
}

// writer returns a writer whose lines go to l prefixed with label, or nil when l is nil.
func (l *sharedLog) writer(label string) io.Writer {
	if l == nil {
		return nil
	}
	return &labeledWriter{log: l, prefix: []byte(label + "| "), lineStart: true}
}

type labeledWriter struct {
	log       *sharedLog
	prefix    []byte
	lineStart bool // the next byte begins a line; guarded by log.mu
}

func (w *labeledWriter) Write(b []byte) (int, error) {
	w.log.mu.Lock()
	defer w.log.mu.Unlock()
	var out []byte
	if last := w.log.last; last != w && last != nil && !last.lineStart {
		// Another source cuts into an unfinished line (redis-cli's progress dots): end it.
		out = append(out, '\n')
		last.lineStart = true
	}
	w.log.last = w
	for rest := b; len(rest) > 0; {
		if w.lineStart {
			out = append(out, w.prefix...)
		}
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		out = append(out, line...)
		rest = rest[len(line):]
		w.lineStart = line[len(line)-1] == '\n'
	}
	if _, err := w.log.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}
