package devinfra

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"time"
)

const (
	// pollInterval paces readiness probes and exit checks.
	pollInterval = 50 * time.Millisecond
	// probeTimeout bounds one readiness probe, so a hung connection cannot eat the
	// whole start-up budget.
	probeTimeout = time.Second
	// killWait is how long a SIGKILLed group gets to disappear.
	killWait = 5 * time.Second
	// tailSize is how much recent output start-up errors quote.
	tailSize = 4 << 10
)

// process is a server running as the leader of its own process group.
type process struct {
	name string
	pgid int
	out  *tail
	done chan struct{} // closed once cmd.Wait has returned
	err  error         // cmd.Wait's result; read only after done

	guard *os.File // write end of the guard's stdin; see startGuard
}

// startProcess runs name in a new process group, copying its output to log (nil
// discards) and keeping the tail for error messages.
func startProcess(name string, args []string, log io.Writer) (*process, error) {
	out := &tail{}
	var w io.Writer = out
	if log != nil {
		// A failing log must not stop the copy: the server would block on a full pipe.
		w = io.MultiWriter(out, lenientWriter{log})
	}
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = w, w
	cmd.SysProcAttr = sysProcAttr()
	// Grandchildren (the emulator's java) hold the output pipe; don't let them keep Wait
	// from returning once the leader has exited.
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("devinfra: start %s: %w", name, err)
	}
	p := &process{name: name, pgid: cmd.Process.Pid, out: out, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	// A guard cannot join a group that is already gone; then there is nothing to guard and
	// waitReady reports the exit with its output.
	if err := p.startGuard(); err != nil && groupAlive(p.pgid) {
		return nil, errors.Join(err, p.stop(syscall.SIGKILL, 0))
	}
	return p, nil
}

// startGuard adds a shell to p's process group that SIGKILLs the group once its stdin
// reaches EOF. Only this process holds the write end, so EOF comes when this process dies,
// however it dies — covering the grandchildren that Pdeathsig misses. stop closes the
// write end only after the group is gone.
func (p *process) startGuard() error {
	r, w, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("devinfra: guard %s: %w", p.name, err)
	}
	defer r.Close()
	cmd := exec.Command("/bin/sh", "-c", `read -r _; kill -9 -"$1"`, "devinfra-guard", strconv.Itoa(p.pgid))
	cmd.Stdin = r
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pgid: p.pgid}
	if err := cmd.Start(); err != nil {
		w.Close()
		return fmt.Errorf("devinfra: guard %s: %w", p.name, err)
	}
	go cmd.Wait() // Reap it, so it does not linger as a zombie in the group.
	p.guard = w
	return nil
}

// waitReady polls ready until it succeeds while p's group listens on addr's port (an
// answer from another server on that port does not count: see listensOn), the process
// exits, ctx ends or timeout passes.
// On failure it stops the process and returns an error quoting its recent output.
func (p *process) waitReady(ctx context.Context, addr string, timeout time.Duration, ready func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		pctx, pcancel := context.WithTimeout(ctx, probeTimeout)
		err := ready(pctx)
		pcancel()
		if err == nil {
			if listensOn(p.pgid, portOf(addr)) {
				return nil
			}
			err = fmt.Errorf("another process answers on %s", addr)
		}
		select {
		case <-p.done:
			serr := p.stop(syscall.SIGKILL, 0) // Children may outlive the leader.
			out := p.out.String()
			if inUse(out) {
				return errors.Join(fmt.Errorf("devinfra: %s: %w%s", p.name, errPortInUse, quote(out)), serr)
			}
			return errors.Join(fmt.Errorf("devinfra: %s exited before it was ready (%v)%s", p.name, p.err, quote(out)), serr)
		case <-ctx.Done():
			serr := p.stop(syscall.SIGKILL, 0)
			return errors.Join(fmt.Errorf("devinfra: %s not ready within %v (%w; last check: %v)%s",
				p.name, timeout, ctx.Err(), err, quote(p.out.String())), serr)
		case <-tick.C:
		}
	}
}

// stop sends sig to the whole group, gives it grace to exit, then SIGKILLs what is left.
// It returns once every process of the group is gone.
func (p *process) stop(sig syscall.Signal, grace time.Duration) error {
	_ = syscall.Kill(-p.pgid, sig) // ESRCH: already gone.
	if !p.waitGone(grace) {
		_ = syscall.Kill(-p.pgid, syscall.SIGKILL)
		if !p.waitGone(killWait) {
			return fmt.Errorf("devinfra: %s: process group %d still alive after SIGKILL", p.name, p.pgid)
		}
	}
	if p.guard != nil {
		p.guard.Close()
		p.guard = nil
	}
	return nil
}

// waitGone reports whether, within timeout, the leader has been reaped and no member of
// its group is left.
func (p *process) waitGone(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		if p.exited() && !groupAlive(p.pgid) {
			return true
		}
		if !time.Now().Before(deadline) {
			return false
		}
		<-tick.C
	}
}

// exited reports whether the leader has been reaped.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// groupAlive reports whether any process of group pgid still exists.
func groupAlive(pgid int) bool {
	err := syscall.Kill(-pgid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// quote formats recent output for an error message.
func quote(out string) string {
	if out == "" {
		return " (no output)"
	}
	return "; last output:\n" + out
}

// tail keeps the last tailSize bytes written to it.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - tailSize; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(b), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// lenientWriter reports success even when w fails.
type lenientWriter struct{ w io.Writer }

func (l lenientWriter) Write(b []byte) (int, error) {
	_, _ = l.w.Write(b)
	return len(b), nil
}

// portOf returns the port of a "host:port" address, or 0.
func portOf(addr string) int {
	_, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	return n
}
