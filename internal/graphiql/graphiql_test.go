package graphiql

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

func newTestServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", h)
	mux.Handle("GET "+AssetPrefix, h)
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

var (
	attrURL     = regexp.MustCompile(`\s(?:src|href)="([^"]*)"`)
	scriptTag   = regexp.MustCompile(`<script[^>]*>`)
	externalURL = regexp.MustCompile("(?i)\\b(?:https?|wss?)://|[\"'(`]//[^/]") // absolute or scheme-relative
)

// TestPage checks that the page and everything it loads come from the embed, with their
// types and cache headers, and that nothing in our files names another origin.
func TestPage(t *testing.T) {
	ts := newTestServer(t, Config{Title: "Northstar", Endpoint: "/query", Subscriptions: "/query", DefaultQuery: "{ __typename }"})
	resp, page := get(t, ts.URL+"/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d", resp.StatusCode)
	}
	for header, want := range map[string]string{
		"Content-Type":           "text/html; charset=utf-8",
		"Cache-Control":          "no-cache",
		"X-Content-Type-Options": "nosniff",
	} {
		if got := resp.Header.Get(header); got != want {
			t.Errorf("page %s = %q, want %q", header, got, want)
		}
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy = %q, want default-src 'none' and script-src 'self' alone", csp)
	}
	for _, want := range []string{`data-endpoint="/query"`, `data-subscriptions="/query"`, `data-default-query="{ __typename }"`, "<title>Northstar</title>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %s:\n%s", want, page)
		}
	}
	for _, tag := range scriptTag.FindAllString(string(page), -1) {
		if !strings.Contains(tag, ` src="`) {
			t.Errorf("inline script %s: the CSP forbids it", tag)
		}
	}
	if strings.Contains(string(page), "<style") || strings.Contains(string(page), " style=") {
		t.Error("page has inline styles: keep them in page.css")
	}

	loaded := map[string]bool{} // embedded names of the files the page loads
	for _, m := range attrURL.FindAllStringSubmatch(string(page), -1) {
		url := m[1]
		if url == "data:," { // the empty favicon, which spares a request
			continue
		}
		t.Run(path.Base(url), func(t *testing.T) {
			if !strings.HasPrefix(url, AssetPrefix) {
				t.Fatalf("page loads %s, want a path under %s", url, AssetPrefix)
			}
			resp, body := get(t, ts.URL+url)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s = %d", url, resp.StatusCode)
			}
			name := embeddedName(t, body)
			if name == "" {
				t.Fatal("served body is no embedded file")
			}
			loaded[name] = true
			wantType := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}[path.Ext(name)]
			if got := resp.Header.Get("Content-Type"); got != wantType {
				t.Errorf("Content-Type = %q, want %q", got, wantType)
			}
			if got := resp.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
				t.Errorf("Cache-Control = %q, want a year, immutable", got)
			}
			if resp, _ := get(t, ts.URL+url, "If-None-Match", resp.Header.Get("ETag")); resp.StatusCode != http.StatusNotModified {
				t.Errorf("GET with If-None-Match = %d, want 304", resp.StatusCode)
			}
		})
	}

	for name := range embedded(t) {
		switch path.Ext(name) {
		case ".js", ".css":
			if !loaded[name] {
				t.Errorf("%s is embedded but the page does not load it", name)
			}
		}
	}

	t.Run("NoOtherOrigin", func(t *testing.T) {
		// Our own files; the vendored bundles merely mention URLs in comments and links.
		for _, name := range []string{"index.html", "start.js", "page.css"} {
			body, err := files.ReadFile("assets/" + name)
			if err != nil {
				t.Fatal(err)
			}
			if m := externalURL.Find(body); m != nil {
				t.Errorf("%s names another origin: %q", name, m)
			}
		}
		if m := externalURL.Find(page); m != nil {
			t.Errorf("served page names another origin: %q", m)
		}
	})

	t.Run("UnknownAsset", func(t *testing.T) {
		if resp, _ := get(t, ts.URL+AssetPrefix+"graphiql.min.js"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET of an unhashed name = %d, want 404", resp.StatusCode)
		}
	})
}

// embedded returns the embedded files by their names under assets/.
func embedded(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(files, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		out[strings.TrimPrefix(p, "assets/")] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// embeddedName returns the name of the embedded file whose content is body, or "".
func embeddedName(t *testing.T, body []byte) string {
	t.Helper()
	for name, b := range embedded(t) {
		if bytes.Equal(b, body) {
			return name
		}
	}
	return ""
}

func TestNewNeedsEndpoint(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Fatal("New without an Endpoint succeeded")
	}
}
