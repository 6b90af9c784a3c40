package main

import (
	"bytes"
	"net/http"
	"net/netip"
	"strings"
	"testing"
)

// TestCORS: a page of an allowed origin can call /query from the browser (its preflight
// is answered, its answers carry the origin); a page of any other origin is refused
// before anything runs, preflight, POST and websocket alike; same-origin pages (also
// behind a proxy that rewrites Host) and clients that are not browsers are served as
// before; in dev a rebound DNS name is not the same origin. internal/httpapi's
// TestOrigins takes the rule case by case.
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
	t.Run("BehindProxy", func(t *testing.T) {
		// A proxy that rewrites Host: the console's own origin is the host it forwards,
		// believed only from a trusted proxy (this test's client is on loopback).
		proxied := newServer(t, func(c *Config) { c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")} })
		const public = "https://api.example.com"
		for _, s := range []struct {
			ts     *testServer
			status int
		}{{proxied, http.StatusOK}, {ts, http.StatusForbidden}} {
			req, err := http.NewRequest(http.MethodPost, s.ts.URL+"/query", bytes.NewReader(query))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Origin", public)
			req.Header.Set("X-Forwarded-Host", "api.example.com")
			if r := s.ts.send(t, req); r.Status != s.status || r.Header.Get("Access-Control-Allow-Origin") != "" {
				t.Errorf("HTTP %d, Access-Control-Allow-Origin %q; want %d and none", r.Status, r.Header.Get("Access-Control-Allow-Origin"), s.status)
			}
		}
		h := http.Header{"Origin": {public}, "X-Forwarded-Host": {"api.example.com"}}
		conn, _, err := wsDialer().Dial(wsURL(proxied), h)
		if err != nil {
			t.Fatalf("websocket upgrade through the proxy: %v", err)
		}
		conn.Close()
	})
	t.Run("DevRebinding", func(t *testing.T) {
		// A page whose DNS name was rebound to the dev server's loopback address is not
		// the dev server's own origin; its loopback addresses are.
		dev := newServer(t, withEnv("dev"))
		port := dev.URL[strings.LastIndex(dev.URL, ":")+1:]
		for _, c := range []struct {
			host   string
			status int
		}{{"rebound.example:" + port, http.StatusForbidden}, {"127.0.0.1:" + port, http.StatusOK}, {"localhost:" + port, http.StatusOK}} {
			req, err := http.NewRequest(http.MethodPost, dev.URL+"/query", bytes.NewReader(query))
			if err != nil {
				t.Fatal(err)
			}
			req.Host = c.host
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Origin", "http://"+c.host)
			if r := dev.send(t, req); r.Status != c.status {
				t.Errorf("Host and Origin %s: HTTP %d, want %d", c.host, r.Status, c.status)
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
