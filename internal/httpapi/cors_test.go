package httpapi

import (
	"net/http"
	"net/netip"
	"testing"
)

// TestOrigins covers the origin rule case by case: the server's TestCORS drives it end to
// end.
func TestOrigins(t *testing.T) {
	proxy := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	listed := newOrigins([]string{"https://app.example.com", "http://localhost:5173"}, false, proxy)
	dev := newOrigins(nil, true, nil)
	anyOrigin := newOrigins([]string{"*"}, false, nil)
	req := func(origin, host, peer, forwardedHost string) *http.Request {
		r := &http.Request{Host: host, RemoteAddr: peer + ":40000", Header: http.Header{}}
		if origin != "" {
			r.Header.Set("Origin", origin)
		}
		if forwardedHost != "" {
			r.Header.Set("X-Forwarded-Host", forwardedHost)
		}
		return r
	}
	cases := []struct {
		name      string
		o         origins
		r         *http.Request
		ok, cross bool
	}{
		{"NoOrigin", listed, req("", "api.example.com", "192.0.2.1", ""), true, false},
		{"SameOrigin", listed, req("https://api.example.com", "api.example.com", "192.0.2.1", ""), true, false},
		{"SameOriginAnyCase", listed, req("https://API.example.com", "api.example.com", "192.0.2.1", ""), true, false},
		{"Listed", listed, req("https://app.example.com", "api.example.com", "192.0.2.1", ""), true, true},
		{"ListedDefaultPort", listed, req("https://app.example.com:443", "api.example.com", "192.0.2.1", ""), true, true},
		{"ListedLocalhost", listed, req("http://localhost:5173", "api.example.com", "192.0.2.1", ""), true, true},
		{"OtherPort", listed, req("http://localhost:5174", "api.example.com", "192.0.2.1", ""), false, true},
		{"OtherScheme", listed, req("http://app.example.com", "api.example.com", "192.0.2.1", ""), false, true},
		{"Foreign", listed, req("https://evil.example.net", "api.example.com", "192.0.2.1", ""), false, true},
		{"Null", listed, req("null", "api.example.com", "192.0.2.1", ""), false, true},
		{"AnyOrigin", anyOrigin, req("https://evil.example.net", "api.example.com", "192.0.2.1", ""), true, true},
		// Behind a proxy that rewrites Host, the console's own origin is the forwarded host,
		// believed only from a trusted proxy.
		{"ProxyForwardedHost", listed, req("https://api.example.com", "backend:8080", "10.1.2.3", "api.example.com"), true, false},
		{"ProxyForwardedHostList", listed, req("https://api.example.com", "backend:8080", "10.1.2.3", "api.example.com, backend:8080"), true, false},
		{"UntrustedForwardedHost", listed, req("https://evil.example.net", "api.example.com", "192.0.2.1", "evil.example.net"), false, true},
		// In dev a DNS name rebound to loopback is not the same origin; loopback names are.
		{"DevRebound", dev, req("http://rebound.example:8080", "rebound.example:8080", "127.0.0.1", ""), false, true},
		{"DevLoopbackIP", dev, req("http://127.0.0.1:8080", "127.0.0.1:8080", "127.0.0.1", ""), true, false},
		{"DevLocalhost", dev, req("http://localhost:8080", "localhost:8080", "127.0.0.1", ""), true, false},
		{"DevIPv6", dev, req("http://[::1]:8080", "[::1]:8080", "::1", ""), true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ok, cross := c.o.allowed(c.r)
			if ok != c.ok || (ok && cross != c.cross) {
				t.Fatalf("allowed = %v, cross-origin = %v; want %v, %v", ok, cross, c.ok, c.cross)
			}
		})
	}
}

func TestParseOrigins(t *testing.T) {
	got, err := ParseOrigins(" https://App.Example.com:443/ ,http://localhost:80, http://[::1]:80,http://x.example:8080,* ")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://app.example.com", "http://localhost", "http://[::1]", "http://x.example:8080", "*"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("origin %d = %q, want %q", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"app.example.com", "ftp://x.example", "https://x.example/app", "https://x.example?q=1",
		"https://user@x.example", "https://", "null", "https://x.example#f"} {
		if _, err := ParseOrigins(bad); err == nil {
			t.Errorf("ParseOrigins(%q) accepted it", bad)
		}
	}
}
