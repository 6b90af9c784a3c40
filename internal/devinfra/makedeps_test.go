package devinfra

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakeDepsInstallsMissing runs the Makefile's deps target (a prerequisite of make run
// and make test) on a PATH that lacks redis-server and chromium, with apt-get and sudo
// replaced by scripts that record their arguments: it must install both from Debian's
// packages instead of stopping. With both present it must install nothing.
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
	runDeps := func(t *testing.T, path string) string {
		cmd := exec.Command(makeBin, "--no-print-directory", "-C", root, "deps")
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
		if len(lines) != 2 || lines[0] != "update -qq" || !strings.HasPrefix(lines[1], "install -y") ||
			!strings.Contains(lines[1], "redis-server") || !strings.Contains(lines[1], "chromium") {
			t.Fatalf("apt-get calls:\n%s\nwant update, then install -y … redis-server chromium", got)
		}
	})
	t.Run("Present", func(t *testing.T) {
		path, record := fakePath(t, "redis-server", "redis-cli", "chromium")
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
