package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// TestCORS: a page of an allowed origin can call /query from the browser (its preflight
// is answered, its answers carry the origin); a page of any other origin is refused
// before anything runs, preflight, POST and websocket alike; same-origin pages and
// clients that are not browsers are served as before.
func TestCORS(t *testing.T) {
	const app, other = "https://app.example.com", "https://evil.example.net"
	ts := newServer(t, func(c *Config) { c.AllowedOrigins = []string{app} })
	ann := ts.signup(t, "ann")

	preflight := func(t *testing.T, origin string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(http.MethodOptions, ts.URL+"/query", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type,x-tenant-id")
		res, _ := ts.do(t, req)
		return res
	}
	post := func(t *testing.T, origin string, body []byte) response {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, ts.URL+"/query", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		return ts.send(t, req)
	}
	query := []byte(`{"query": "{ __typename }"}`)

	t.Run("PreflightAllowed", func(t *testing.T) {
		res := preflight(t, app)
		h := res.Header
		if res.StatusCode != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != app {
			t.Fatalf("HTTP %d, Access-Control-Allow-Origin %q; want 204 and %s", res.StatusCode, h.Get("Access-Control-Allow-Origin"), app)
		}
		if h.Get("Access-Control-Allow-Methods") != "POST" {
			t.Errorf("Access-Control-Allow-Methods = %q, want POST", h.Get("Access-Control-Allow-Methods"))
		}
		for _, want := range []string{"Authorization", "Content-Type", "X-Tenant-Id", "X-Env", "X-Project-Id", "X-Request-Id"} {
			if !strings.Contains(h.Get("Access-Control-Allow-Headers"), want) {
				t.Errorf("Access-Control-Allow-Headers = %q, want %s in it", h.Get("Access-Control-Allow-Headers"), want)
			}
		}
		if h.Get("Access-Control-Allow-Credentials") != "" || h.Get("Access-Control-Max-Age") == "" || !strings.Contains(h.Get("Vary"), "Origin") {
			t.Errorf("credentials %q, max age %q, vary %q: want none, set, Origin", h.Get("Access-Control-Allow-Credentials"),
				h.Get("Access-Control-Max-Age"), h.Get("Vary"))
		}
	})
	t.Run("PostAllowed", func(t *testing.T) {
		r := post(t, app, query)
		if r.Status != http.StatusOK || len(r.Errors) > 0 {
			t.Fatalf("HTTP %d %+v, want 200", r.Status, r.Errors)
		}
		if r.Header.Get("Access-Control-Allow-Origin") != app || !strings.Contains(r.Header.Get("Access-Control-Expose-Headers"), "X-Request-Id") {
			t.Errorf("Access-Control-Allow-Origin %q, Expose-Headers %q; want %s and X-Request-Id",
				r.Header.Get("Access-Control-Allow-Origin"), r.Header.Get("Access-Control-Expose-Headers"), app)
		}
		// An error answer is readable by the page too: its code, message and request id.
		r = post(t, app, []byte(`{"query": "{ tenant { id } }"}`))
		if r.code() != "UNAUTHENTICATED" || r.Header.Get("Access-Control-Allow-Origin") != app {
			t.Errorf("refused query: %q with Access-Control-Allow-Origin %q", r.code(), r.Header.Get("Access-Control-Allow-Origin"))
		}
	})
	t.Run("PreflightRefused", func(t *testing.T) {
		res := preflight(t, other)
		if res.StatusCode != http.StatusForbidden || res.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("HTTP %d, Access-Control-Allow-Origin %q; want 403 and none", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"))
		}
	})
	t.Run("PostRefused", func(t *testing.T) {
		email := uniqueEmail("cors")
		r := post(t, other, signupBody(email))
		expectError(t, r, "FORBIDDEN", http.StatusForbidden)
		if !strings.Contains(r.Errors[0].Message, "origin "+other+" is not allowed") || r.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("message %q, Access-Control-Allow-Origin %q", r.Errors[0].Message, r.Header.Get("Access-Control-Allow-Origin"))
		}
		expectNoUser(t, ts, email)
	})
	t.Run("SameOriginAndNoOrigin", func(t *testing.T) {
		for _, origin := range []string{ts.URL, ""} {
			r := post(t, origin, query)
			if r.Status != http.StatusOK || r.Header.Get("Access-Control-Allow-Origin") != "" {
				t.Errorf("Origin %q: HTTP %d, Access-Control-Allow-Origin %q; want 200 and none", origin, r.Status, r.Header.Get("Access-Control-Allow-Origin"))
			}
		}
	})
	t.Run("Websocket", func(t *testing.T) {
		ws, _, err := dialWS(t, ts, protoTransportWS, app)
		if err != nil {
			t.Fatalf("upgrade from %s: %v", app, err)
		}
		ws.initOK(initPayload(ann))
		if _, res, err := dialWS(t, ts, protoTransportWS, other); err == nil || res == nil || res.StatusCode != http.StatusForbidden {
			t.Fatalf("upgrade from %s: %v, want HTTP 403", other, err)
		}
	})
}
