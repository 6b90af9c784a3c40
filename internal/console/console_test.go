package console

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestTypeScript type-checks the console's sources with tsc --strict (tsconfig.json),
// installing the pinned toolchain with npm ci when node_modules is missing or stale.
func TestTypeScript(t *testing.T) {
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the console's type check needs %s on PATH (Node 20+ with npm): run make deps, or apt-get install nodejs npm: %v", tool, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	lock, err := os.Stat("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	if installed, err := os.Stat("node_modules/.package-lock.json"); err != nil || installed.ModTime().Before(lock.ModTime()) {
		if out, err := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").CombinedOutput(); err != nil {
			t.Fatalf("npm ci: %v\n%s", err, out)
		}
	}
	if out, err := exec.CommandContext(ctx, "npx", "tsc", "--noEmit", "-p", ".").CombinedOutput(); err != nil {
		t.Fatalf("tsc --strict found errors:\n%s", out)
	}
}

// maxBundleGzip is the console's first-load budget: its script, gzipped.
const maxBundleGzip = 250 << 10

// TestHandler serves the app's page for any console path, its script, a policy that
// allows nothing but this origin, and a bundle within budget.
func TestHandler(t *testing.T) {
	h := Handler()
	for path, want := range map[string]string{
		"/console/":            `<div id="app">`,
		"/console/tenants/t_x": `<div id="app">`,
		"/console/console.js":  "",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("GET %s = %d, %.80q", path, rec.Code, rec.Body.String())
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "http") {
			t.Errorf("GET %s: Content-Security-Policy %q", path, csp)
		}
	}
	script, err := assets.ReadFile("dist/console.js")
	if err != nil {
		t.Fatal(err)
	}
	gz := gzipped(script)
	t.Logf("console.js: %d bytes, %d gzipped", len(script), gz)
	if gz > maxBundleGzip {
		t.Errorf("console.js is %d bytes gzipped, over the %d budget", gz, maxBundleGzip)
	}
	if len(Documents()) == 0 {
		t.Error("no trusted-documents manifest embedded")
	}
}

// gzipped returns the size of data gzipped, as a server would send it.
func gzipped(data []byte) int {
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(data)
	w.Close()
	return gz.Len()
}

// BenchmarkBundle reports the console's first load for `make bench`: its script, raw and
// gzipped, against the budget.
func BenchmarkBundle(b *testing.B) {
	script, err := assets.ReadFile("dist/console.js")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		n = gzipped(script)
	}
	fmt.Printf("BENCH console bundle_bytes=%d gzip_bytes=%d budget_bytes=%d\n", len(script), n, maxBundleGzip)
}
