package devinfra

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startFirestore starts an emulator that is stopped when the test ends.
func startFirestore(t *testing.T, opts FirestoreOptions) *Firestore {
	t.Helper()
	began := time.Now()
	f, err := StartFirestore(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("StartFirestore took %v", time.Since(began))
	t.Cleanup(func() { f.Stop() })
	return f
}

// call sends an HTTP request to the emulator and returns the status and body.
func call(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Close = true
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestFirestore(t *testing.T) {
	t.Parallel()
	f := startFirestore(t, FirestoreOptions{})
	if !strings.HasPrefix(f.Host, "127.0.0.1:") {
		t.Errorf("Host = %q, want 127.0.0.1:PORT", f.Host)
	}
	if code, body := call(t, http.MethodGet, "http://"+f.Host+"/", ""); code != http.StatusOK || strings.TrimSpace(body) != "Ok" {
		t.Fatalf("GET / = %d %q, want 200 Ok", code, body)
	}

	pgid := f.proc.pgid
	began := time.Now()
	if err := f.Stop(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Stop took %v", time.Since(began))
	assertDown(t, f.Host, pgid)
	if err := f.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
}

func TestFirestoreDataDir(t *testing.T) {
	t.Parallel()
	opts := FirestoreOptions{DataDir: t.TempDir(), ProjectID: "demo-devinfra"}
	doc := "/v1/projects/demo-devinfra/databases/(default)/documents/things/one"

	f := startFirestore(t, opts)
	code, body := call(t, http.MethodPatch, "http://"+f.Host+doc, `{"fields":{"x":{"stringValue":"kept"}}}`)
	if code != http.StatusOK {
		t.Fatalf("write: %d %s", code, body)
	}
	if err := f.Stop(); err != nil {
		t.Fatal(err)
	}
	if latestExport(opts.DataDir) == "" {
		t.Fatalf("Stop left no export in %s", opts.DataDir)
	}

	f = startFirestore(t, opts)
	code, body = call(t, http.MethodGet, "http://"+f.Host+doc, "")
	if code != http.StatusOK || !strings.Contains(body, `"kept"`) {
		t.Fatalf("read after restart: %d %s", code, body)
	}
	if err := f.Stop(); err != nil {
		t.Fatal(err)
	}
	if n := len(exports(opts.DataDir)); n != 1 {
		t.Errorf("%d exports in DataDir, want only the newest", n)
	}
}

func TestStartFirestoreErrors(t *testing.T) {
	t.Run("DataDirWithoutProject", func(t *testing.T) {
		_, err := StartFirestore(t.Context(), FirestoreOptions{DataDir: t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), "ProjectID") {
			t.Errorf("err = %v, want one naming ProjectID", err)
		}
	})
	t.Run("GcloudMissing", func(t *testing.T) {
		emptyPath(t)
		_, err := StartFirestore(t.Context(), FirestoreOptions{})
		if err == nil || !strings.Contains(err.Error(), "gcloud not found") {
			t.Errorf("err = %v, want gcloud not found", err)
		}
	})
}
