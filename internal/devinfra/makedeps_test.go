package devinfra

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakeDepsInstallsMissing runs the Makefile's deps target (a prerequisite of make
// test; make run's is run-deps) on a PATH that lacks everything it checks, with apt-get
// and sudo replaced by scripts that record their arguments: it must install every
// package from Debian's in one apt-get run instead of stopping, and run-deps only
// redis-server. With everything present it must install nothing.
func TestMakeDepsInstallsMissing(t *testing.T) {
	makeBin, err := exec.LookPath("make")
	if err != nil {
		t.Fatalf("make is needed to run the Makefile: %v", err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}

	// fakePath returns a directory for PATH holding id, a recording apt-get, a
	// pass-through sudo and the given commands (as no-op scripts), and the record file.
	fakePath := func(t *testing.T, present ...string) (string, string) {
		dir, record := t.TempDir(), filepath.Join(t.TempDir(), "apt-get.log")
		idBin, err := exec.LookPath("id")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(idBin, filepath.Join(dir, "id")); err != nil {
			t.Fatal(err)
		}
		script := func(name, body string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		script("apt-get", `echo "$@" >> `+record)
		script("sudo", `exec "$@"`)
		for _, name := range present {
			script(name, "exit 0")
		}
		return dir, record
	}
	runDeps := func(t *testing.T, path string, target ...string) string {
		if len(target) == 0 {
			target = []string{"deps"}
		}
		cmd := exec.Command(makeBin, append([]string{"--no-print-directory", "-C", root}, target...)...)
		cmd.Env = append(os.Environ(), "PATH="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("make deps: %v\n%s", err, out)
		}
		return string(out)
	}

	t.Run("Missing", func(t *testing.T) {
		path, record := fakePath(t)
		out := runDeps(t, path)
		got, err := os.ReadFile(record)
		if err != nil {
			t.Fatalf("apt-get was not run (%v); make deps said:\n%s", err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(got)), "\n")
		want := "install -y -qq redis-server chromium nodejs npm gcc libc6-dev"
		if len(lines) != 2 || lines[0] != "update -qq" || lines[1] != want {
			t.Fatalf("apt-get calls:\n%s\nwant update, then %s", got, want)
		}
	})
	t.Run("RunDepsOnlyRedis", func(t *testing.T) {
		path, record := fakePath(t)
		out := runDeps(t, path, "run-deps")
		got, err := os.ReadFile(record)
		if err != nil || strings.TrimSpace(string(got)) != "update -qq\ninstall -y -qq redis-server" {
			t.Fatalf("apt-get calls for make run:\n%s (%v)\nwant update, then install -y -qq redis-server; make said:\n%s", got, err, out)
		}
	})
	t.Run("Present", func(t *testing.T) {
		path, record := fakePath(t, "redis-server", "redis-cli", "chromium", "node", "npm", "gcc")
		out := runDeps(t, path)
		if got, err := os.ReadFile(record); err == nil {
			t.Fatalf("apt-get ran with everything present:\n%s\nmake deps said:\n%s", got, out)
		}
	})
	t.Run("RunAndTestNeedIt", func(t *testing.T) {
		for _, target := range []string{"run", "test"} {
			out, err := exec.Command(makeBin, "--no-print-directory", "-C", root, "-n", target).CombinedOutput()
			if err != nil {
				t.Fatalf("make -n %s: %v\n%s", target, err, out)
			}
			if !strings.Contains(string(out), "apt-get install") {
				t.Errorf("make -n %s does not run deps first:\n%s", target, out)
			}
		}
	})
}
