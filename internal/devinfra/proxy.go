package devinfra

import (
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// proxyChunk is how much one read takes from a connection; proxyQueue is how many read
// chunks one direction holds while they wait out the delay.
const (
	proxyChunk = 32 << 10
	proxyQueue = 1024
)

// Proxy is a TCP proxy on a free loopback port in front of one upstream address. Fault
// tests put it between a client and a real server (the Firestore emulator, Redis) to make
// the server vanish, stall or slow down mid-conversation without touching its process:
// Cut drops every connection and refuses new ones until Restore; SetDelay holds every
// byte for a while in both directions. Close it when done.
type Proxy struct {
	// Addr is the proxy's "127.0.0.1:PORT": clients dial it instead of the upstream.
	Addr string

	upstream string
	ln       net.Listener
	wg       sync.WaitGroup // the accept loop and every link's goroutines

	mu      sync.Mutex
	links   map[*link]struct{}
	cut     bool
	closed  bool
	delay   time.Duration
	changed chan struct{} // closed (and replaced) when delay changes
}

// StartProxy listens on a free loopback port and forwards every connection to upstream
// ("host:port"), dialled when the client connects.
func StartProxy(upstream string) (*Proxy, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(loopback, "0"))
	if err != nil {
		return nil, fmt.Errorf("devinfra: proxy listen: %w", err)
	}
	p := &Proxy{Addr: ln.Addr().String(), upstream: upstream, ln: ln,
		links: map[*link]struct{}{}, changed: make(chan struct{})}
	p.wg.Add(1)
	go p.accept()
	return p, nil
}

// Cut closes every proxied connection at once, dropping the bytes the delay holds, and
// until Restore closes new connections as soon as they are accepted: to clients the
// upstream has gone away mid-request.
func (p *Proxy) Cut() {
	p.mu.Lock()
	p.cut = true
	links := p.snapshot()
	p.mu.Unlock()
	for _, l := range links {
		l.close()
	}
}

// Restore undoes Cut: new connections are forwarded again.
func (p *Proxy) Restore() {
	p.mu.Lock()
	p.cut = false
	p.mu.Unlock()
}

// SetDelay makes every byte wait at least d in the proxy, in both directions, from when
// it was read. Raising it stalls the conversation; lowering it (to 0) releases what is
// held at once, in order.
func (p *Proxy) SetDelay(d time.Duration) {
	p.mu.Lock()
	p.delay = d
	close(p.changed)
	p.changed = make(chan struct{})
	p.mu.Unlock()
}

// Pending returns how many bytes the proxy has read and not yet written on: what the
// delay holds back.
func (p *Proxy) Pending() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	var n int64
	for l := range p.links {
		n += l.pending.Load()
	}
	return n
}

// Conns returns the number of live proxied connections.
func (p *Proxy) Conns() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.links)
}

// Close stops listening, closes every connection and waits for the proxy's goroutines.
// It is safe to call more than once.
func (p *Proxy) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	links := p.snapshot()
	p.mu.Unlock()
	err := p.ln.Close()
	for _, l := range links {
		l.close()
	}
	p.wg.Wait()
	return err
}

func (p *Proxy) snapshot() []*link {
	out := make([]*link, 0, len(p.links))
	for l := range p.links {
		out = append(out, l)
	}
	return out
}

// wait returns the current delay and a channel closed when it changes.
func (p *Proxy) wait() (time.Duration, <-chan struct{}) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.delay, p.changed
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		p.mu.Lock()
		refuse := p.cut || p.closed
		p.mu.Unlock()
		if refuse {
			_ = c.Close()
			continue
		}
		up, err := net.DialTimeout("tcp", p.upstream, 5*time.Second)
		if err != nil {
			_ = c.Close()
			continue
		}
		l := &link{proxy: p, client: c, server: up, done: make(chan struct{})}
		p.mu.Lock()
		if p.cut || p.closed {
			p.mu.Unlock()
			_ = c.Close()
			_ = up.Close()
			continue
		}
		p.links[l] = struct{}{}
		p.wg.Add(4)
		p.mu.Unlock()
		l.start()
	}
}

// link is one proxied connection: two directions, each a reader that queues chunks and
// a writer that sends them on once the delay has passed.
type link struct {
	proxy          *Proxy
	client, server net.Conn
	pending        atomic.Int64
	halves         atomic.Int32 // directions finished
	done           chan struct{}
	closeOnce      sync.Once
}

type chunk struct {
	data []byte
	read time.Time
}

func (l *link) start() {
	up, down := make(chan chunk, proxyQueue), make(chan chunk, proxyQueue)
	go l.read(l.client, up)
	go l.write(l.server, up)
	go l.read(l.server, down)
	go l.write(l.client, down)
}

func (l *link) read(src net.Conn, out chan<- chunk) {
	defer l.proxy.wg.Done()
	defer close(out)
	for {
		buf := make([]byte, proxyChunk)
		n, err := src.Read(buf)
		if n > 0 {
			l.pending.Add(int64(n))
			select {
			case out <- chunk{data: buf[:n], read: time.Now()}:
			case <-l.done:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// write forwards chunks to dst, each no earlier than the delay after it was read. When
// the source ends it half-closes dst; when both directions have ended, or a write fails,
// the link closes.
func (l *link) write(dst net.Conn, in <-chan chunk) {
	defer l.proxy.wg.Done()
	for c := range in {
		if !l.hold(c.read) {
			return
		}
		if _, err := dst.Write(c.data); err != nil {
			l.close()
			return
		}
		l.pending.Add(-int64(len(c.data)))
	}
	if tc, ok := dst.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	}
	if l.halves.Add(1) == 2 {
		l.close()
	}
}

// hold waits until the delay after read has passed, following changes of the delay. It
// reports false when the link closed meanwhile.
func (l *link) hold(read time.Time) bool {
	for {
		d, changed := l.proxy.wait()
		wait := time.Until(read.Add(d))
		if wait <= 0 {
			return true
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
			return true
		case <-changed:
			t.Stop()
		case <-l.done:
			t.Stop()
			return false
		}
	}
}

func (l *link) close() {
	l.closeOnce.Do(func() {
		close(l.done)
		_ = l.client.Close()
		_ = l.server.Close()
		l.proxy.mu.Lock()
		delete(l.proxy.links, l)
		l.proxy.mu.Unlock()
	})
}
