package devinfra

import (
	"bufio"
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"
)

// assertDown fails t unless nothing listens on addr and process group pgid is gone.
func assertDown(t *testing.T, addr string, pgid int) {
	t.Helper()
	if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		conn.Close()
		t.Errorf("%s still accepts connections after Stop", addr)
	}
	if groupAlive(pgid) {
		t.Errorf("process group %d still alive after Stop", pgid)
	}
}

// emptyPath points PATH at an empty directory, so no server binary is found.
func emptyPath(t *testing.T) {
	t.Helper()
	t.Setenv("PATH", t.TempDir())
}

func TestFreePort(t *testing.T) {
	port, err := FreePort()
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", hostPort(port))
	if err != nil {
		t.Fatalf("FreePort returned %d, which cannot be bound: %v", port, err)
	}
	l.Close()
}

func TestStartOnFreePortRetries(t *testing.T) {
	tests := []struct {
		name      string
		port      int
		errs      []error
		wantCalls int
		wantErr   error
	}{
		{"PickedPortTakenRetries", 0, []error{errPortInUse, nil}, 2, nil},
		{"GivenPortTakenFails", 4242, []error{errPortInUse, nil}, 1, errPortInUse},
		{"OtherErrorFails", 0, []error{os.ErrPermission, nil}, 1, os.ErrPermission},
		{"GivesUp", 0, []error{errPortInUse, errPortInUse, errPortInUse, nil}, portAttempts, errPortInUse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			err := startOnFreePort(tt.port, func(port int) error {
				if tt.port != 0 && port != tt.port {
					t.Errorf("started on %d, want %d", port, tt.port)
				}
				calls++
				return tt.errs[calls-1]
			})
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if calls != tt.wantCalls {
				t.Errorf("%d calls, want %d", calls, tt.wantCalls)
			}
		})
	}
}

func TestTailKeepsEnd(t *testing.T) {
	var tl tail
	tl.Write([]byte(strings.Repeat("a", tailSize)))
	tl.Write([]byte("end"))
	got := tl.String()
	if len(got) != tailSize || !strings.HasSuffix(got, "aend") {
		t.Errorf("tail has %d bytes ending %q", len(got), got[len(got)-4:])
	}
}

// redisDo sends one command over conn and returns the reply line.
func redisDo(t *testing.T, conn net.Conn, args ...string) string {
	t.Helper()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	reply, err := redisCommand(conn, bufio.NewReader(conn), args...)
	if err != nil {
		t.Fatalf("%s: %v", args[0], err)
	}
	return reply
}

// dialRedis connects to addr and authenticates.
func dialRedis(t *testing.T, addr, password string) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if got := redisDo(t, conn, "AUTH", password); got != "+OK" {
		t.Fatalf("AUTH = %q", got)
	}
	return conn
}
