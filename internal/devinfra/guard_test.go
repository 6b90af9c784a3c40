package devinfra

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// helperEnv makes the test binary act as a parent that starts a server and then dies.
const helperEnv = "DEVINFRA_GUARD_HELPER"

// TestGroupDiesWithParent SIGKILLs a process that started a server with a grandchild, and
// expects the whole group to go: the case Pdeathsig alone does not cover.
func TestGroupDiesWithParent(t *testing.T) {
	if os.Getenv(helperEnv) == "1" {
		guardHelper()
		return
	}
	t.Parallel()
	cmd := exec.Command(os.Args[0], "-test.run=^TestGroupDiesWithParent$")
	cmd.Env = append(os.Environ(), helperEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("helper: %v", err)
	}
	pgid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("helper said %q", line)
	}
	if !groupAlive(pgid) {
		t.Fatalf("group %d not running before the parent died", pgid)
	}
	cmd.Process.Kill()
	cmd.Wait()

	deadline := time.Now().Add(5 * time.Second)
	for groupAlive(pgid) {
		if time.Now().After(deadline) {
			t.Fatalf("process group %d outlived its parent", pgid)
		}
		time.Sleep(pollInterval) // Poll interval of a deadline-bounded wait.
	}
}

// guardHelper starts a shell with a grandchild, prints the group once the grandchild
// runs, and blocks until killed (or until the test closes stdin).
func guardHelper() {
	p, err := startProcess("/bin/sh", []string{"-c", "sleep 60 & echo forked; wait"}, nil)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(p.out.String(), "forked") {
		if time.Now().After(deadline) {
			fmt.Println("grandchild not started")
			os.Exit(1)
		}
		time.Sleep(time.Millisecond) // Poll interval of a deadline-bounded wait.
	}
	fmt.Println(p.pgid)
	io.Copy(io.Discard, os.Stdin)
	p.stop(syscall.SIGKILL, 0)
}
