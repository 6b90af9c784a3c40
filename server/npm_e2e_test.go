package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// npmClientDir holds the real npm websocket clients (graphql-ws, subscriptions-transport-ws)
// and the script that drives them; see testdata/e2e/client.mjs for its exit codes.
const npmClientDir = "testdata/e2e"

// Exit codes of client.mjs.
const (
	npmExitOK      = 0
	npmExitClosed  = 3
	npmExitGraphQL = 4
)

// TestNPMClients runs the chat subscription through the npm client libraries that browsers
// and Node apps use, for both websocket subprotocols: replay from the start, resume across
// live posts, and refused connections surfacing the server's close code.
func TestNPMClients(t *testing.T) {
	npmInstall(t)
	ts, _ := newChatServer(t, "", withEnv("dev"))
	ann := ts.signup(t, "ann")
	bob := ts.signup(t, "bob")
	project := ts.createProject(t, ann, "chat")
	annDev := ann.headers().with("X-Env", "dev", "X-Project-Id", project)

	// client.mjs's --protocol, and the subprotocol its library speaks.
	protocols := []struct{ flag, subprotocol string }{
		{"modern", "graphql-transport-ws"},
		{"legacy", "graphql-ws"},
	}
	for _, proto := range protocols {
		t.Run(proto.subprotocol, func(t *testing.T) {
			t.Parallel()
			client := func(token, tenant, thread string, after, count int) []string {
				return []string{
					"--url", wsURL(ts), "--protocol", proto.flag, "--token", token, "--tenant", tenant,
					"--env", "dev", "--project", project, "--thread", thread,
					"--after", strconv.Itoa(after), "--count", strconv.Itoa(count),
				}
			}

			// Refusals need no thread to exist: connection_init fails before the operation runs.
			refusals := []struct {
				name, token, tenant string
				code                int
			}{
				{"OtherTenant", bob.Token, ann.TenantID, wsgorilla.CloseForbidden},
				{"BadToken", "garbage", ann.TenantID, wsgorilla.CloseUnauthorized},
			}
			for _, r := range refusals {
				t.Run("Refused/"+r.name, func(t *testing.T) {
					res := npmRun(t, client(r.token, r.tenant, "th_unused", 0, 1)...)
					res.expectClosed(t, r.code)
				})
			}

			// The subscription's own refusal arrives as GraphQL errors, not as a close.
			t.Run("UnknownThread", func(t *testing.T) {
				res := npmRun(t, client(ann.Token, ann.TenantID, "th_doesnotexist", 0, 1)...)
				res.expectGraphQLError(t)
			})

			// Each protocol gets its own thread so that the live posts below are its own.
			thread := ts.createThread(t, annDev, project, "npm "+proto.flag)
			for i := 1; i <= 100; i++ {
				npmPostMessage(t, ts, annDev, thread, i)
			}

			t.Run("Replay", func(t *testing.T) {
				res := npmRun(t, client(ann.Token, ann.TenantID, thread, 0, 100)...)
				res.expectMessages(t, 1, 100)
			})

			// The client may attach before, between or after the posts: history after 100
			// plus the live stream must deliver 101..105 once each, in order, either way.
			t.Run("Resume", func(t *testing.T) {
				running := npmStart(t, client(ann.Token, ann.TenantID, thread, 100, 5)...)
				for i := 101; i <= 105; i++ {
					npmPostMessage(t, ts, annDev, thread, i)
				}
				running.wait(t).expectMessages(t, 101, 5)
			})
		})
	}
}

// npmPostMessage posts "m<n>" and checks the server gave it sequence n.
func npmPostMessage(t *testing.T, ts *testServer, h headers, thread string, n int) {
	t.Helper()
	if seq := ts.postMessage(t, h, thread, fmt.Sprintf("m%d", n)); seq != n {
		t.Fatalf("postMessage m%d got seq %d, want %d", n, seq, n)
	}
}

// npmInstall makes sure testdata/e2e/node_modules matches package-lock.json, running npm ci
// when it is missing or older: the test brings what it needs instead of skipping.
func npmInstall(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("TestNPMClients needs %s on PATH (Node 20+ with npm): run make deps, or apt-get install nodejs npm: %v", tool, err)
		}
	}
	// npm writes node_modules/.package-lock.json after a complete install; one older than
	// package-lock.json is an install of other versions.
	lock, err := os.Stat(filepath.Join(npmClientDir, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	installed, err := os.Stat(filepath.Join(npmClientDir, "node_modules", ".package-lock.json"))
	if err == nil && !installed.ModTime().Before(lock.ModTime()) {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = npmClientDir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", npmClientDir, err, out)
	}
}

// npmClientTimeout bounds one client run; the script's own --timeout-ms is shorter so that
// a stalled subscription reports itself (exit 5) before the process is killed.
const npmClientTimeout = 60 * time.Second

// npmRunning is a client.mjs process that has been started.
type npmRunning struct {
	cmd            *exec.Cmd
	cancel         context.CancelFunc
	stdout, stderr bytes.Buffer
}

// npmStart starts client.mjs with args. It is killed when the test ends if still running.
func npmStart(t *testing.T, args ...string) *npmRunning {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), npmClientTimeout)
	args = append([]string{"client.mjs", "--timeout-ms", strconv.Itoa(int((npmClientTimeout - 10*time.Second).Milliseconds()))}, args...)
	r := &npmRunning{cmd: exec.CommandContext(ctx, "node", args...), cancel: cancel}
	r.cmd.Dir = npmClientDir
	r.cmd.Stdout, r.cmd.Stderr = &r.stdout, &r.stderr
	r.cmd.WaitDelay = 5 * time.Second
	if err := r.cmd.Start(); err != nil {
		cancel()
		t.Fatalf("starting node client.mjs: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		_ = r.cmd.Wait()
	})
	return r
}

// npmRun runs client.mjs with args to the end.
func npmRun(t *testing.T, args ...string) npmResult {
	t.Helper()
	return npmStart(t, args...).wait(t)
}

// wait waits for the client to exit and parses what it printed.
func (r *npmRunning) wait(t *testing.T) npmResult {
	t.Helper()
	err := r.cmd.Wait()
	r.cancel()
	res := npmResult{stderr: r.stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		res.code = exit.ExitCode()
	default:
		t.Fatalf("node client.mjs did not finish: %v\nstdout:\n%s\nstderr:\n%s", err, r.stdout.String(), res.stderr)
	}
	sc := bufio.NewScanner(&r.stdout)
	for sc.Scan() {
		var l npmLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("client.mjs printed a line that is not JSON: %q (%v)", sc.Text(), err)
		}
		res.lines = append(res.lines, l)
	}
	return res
}

// npmLine is one line client.mjs printed: a message, or the error that ended it.
type npmLine struct {
	Seq    int        `json:"seq"`
	Text   string     `json:"text"`
	Error  string     `json:"error"`
	Code   int        `json:"code"`
	Reason string     `json:"reason"`
	Errors []gqlError `json:"errors"`
}

// npmResult is how a client.mjs run ended.
type npmResult struct {
	code   int
	lines  []npmLine
	stderr string
}

func (r npmResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "exit %d, %d lines", r.code, len(r.lines))
	if n := len(r.lines); n > 0 {
		last, _ := json.Marshal(r.lines[n-1])
		fmt.Fprintf(&b, ", last %s", last)
	}
	if r.stderr != "" {
		fmt.Fprintf(&b, "\nstderr:\n%s", r.stderr)
	}
	return b.String()
}

// expectMessages asserts the client exited 0 after receiving exactly "m<first>".. in order.
func (r npmResult) expectMessages(t *testing.T, first, count int) {
	t.Helper()
	if r.code != npmExitOK || len(r.lines) != count {
		t.Fatalf("want %d messages from seq %d and exit 0, got %v", count, first, r)
	}
	for i, l := range r.lines {
		seq := first + i
		if l.Error != "" || l.Seq != seq || l.Text != fmt.Sprintf("m%d", seq) {
			t.Fatalf("message %d: got %+v, want seq %d text m%d", i, l, seq, seq)
		}
	}
}

// expectClosed asserts the connection was refused with close code.
func (r npmResult) expectClosed(t *testing.T, code int) {
	t.Helper()
	if r.code != npmExitClosed || len(r.lines) != 1 || r.lines[0].Error != "closed" || r.lines[0].Code != code {
		t.Fatalf("want a refusal with close code %d (exit %d), got %v", code, npmExitClosed, r)
	}
}

// expectGraphQLError asserts the subscription ended with GraphQL errors.
func (r npmResult) expectGraphQLError(t *testing.T) {
	t.Helper()
	if r.code != npmExitGraphQL || len(r.lines) != 1 || r.lines[0].Error != "graphql" || len(r.lines[0].Errors) == 0 {
		t.Fatalf("want GraphQL errors (exit %d), got %v", npmExitGraphQL, r)
	}
}
