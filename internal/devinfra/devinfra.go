// Package devinfra starts real local infrastructure — a Firestore emulator and a Redis
// server — on free loopback ports, for `northstar dev` and for integration tests.
//
// Every server runs in its own process group and listens on 127.0.0.1 only. Stop kills the
// whole group, because the gcloud wrapper forks a java child that would otherwise outlive
// it. Servers also die with the process that started them, even when it is SIGKILLed or a
// test times out: on Linux the direct child gets Pdeathsig, which does not reach
// grandchildren such as the emulator's java, so each group also holds a small guard shell
// that kills the group when its stdin pipe from this process closes.
//
// A server is ready when it answers and its own process group holds the listening socket
// (listensOn): harnesses running in parallel can pick the same free port, and the
// second one's probe is answered by the first one's server until its own exits with
// "address already in use" (TestRedisPortAnswered).
//
// The package is Unix-only: it signals process groups.
package devinfra

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

// loopback is the only interface the servers bind to.
const loopback = "127.0.0.1"

// portAttempts bounds retries when a port picked by FreePort is taken before the server
// binds it.
const portAttempts = 3

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago. Another process may
// take it before the caller binds it; the Start functions retry with a fresh port when that
// happens to a port they picked themselves.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(loopback, "0"))
	if err != nil {
		return 0, fmt.Errorf("devinfra: pick a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// pickPort returns port, or a free one when port is 0.
func pickPort(port int) (int, error) {
	if port != 0 {
		return port, nil
	}
	return FreePort()
}

// errPortInUse marks a start that failed only because the port was taken.
var errPortInUse = errors.New("address already in use")

// startOnFreePort calls start with port, or with fresh free ports when port is 0, retrying
// while the picked port turns out to be taken.
func startOnFreePort(port int, start func(port int) error) error {
	var err error
	for range portAttempts {
		p, perr := pickPort(port)
		if perr != nil {
			return perr
		}
		err = start(p)
		if port != 0 || !errors.Is(err, errPortInUse) {
			return err
		}
	}
	return err
}

// inUse reports whether server output says the port was taken.
func inUse(output string) bool {
	return strings.Contains(strings.ToLower(output), "address already in use")
}

// hostPort formats a loopback address.
func hostPort(port int) string {
	return net.JoinHostPort(loopback, fmt.Sprint(port))
}

// withDefault returns d when v is zero.
func withDefault(v, d time.Duration) time.Duration {
	if v <= 0 {
		return d
	}
	return v
}
