package httpapi

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/reqctx"
)

// Cross-origin browser clients. A page is served from its origin; the console is served
// by the API itself (same origin, nothing to allow), a frontend team's app usually from
// its own. Browsers send Origin with every POST and websocket upgrade, and send a POST of
// application/json (with Authorization) from another origin only after a preflight
// OPTIONS that the server answers with the origin, method and headers it allows.
//
// One rule (origins.allowed) decides for POST /query, its preflight and websocket
// upgrades alike (the websocket layer takes it as wsgorilla's CheckOrigin): no Origin (not a browser), an origin of Config.AllowedOrigins ("*" for
// any), or the request's own host (same origin). A request from any other origin is
// refused with FORBIDDEN before anything else is read, so a page of another site cannot
// make a user's browser act on the API even where the browser would not let it read the
// answer. Tokens travel in Authorization, never in cookies, so no answer allows
// credentials.
//
// The request's own host is its Host header or, from a trusted proxy (Config.
// TrustedProxies), the X-Forwarded-Host the proxy set: a proxy that rewrites Host would
// otherwise make the console look foreign to its own server. In env dev only a loopback
// host (localhost, an IP literal) counts as the same origin, so a page whose DNS name is
// rebound to 127.0.0.1 cannot reach a local dev server and its well-known admin.
// server's TestCORS drives the rule through the real server; TestOrigins takes it case
// by case.

// origins is the rule, built from Config.AllowedOrigins.
type origins struct {
	any      bool
	listed   map[string]bool // normalized (ParseOrigins)
	loopback bool            // same origin only on a loopback host (env dev)
	trusted  []netip.Prefix  // proxies whose X-Forwarded-Host is believed
}

func newOrigins(allowed []string, dev bool, trusted []netip.Prefix) origins {
	o := origins{listed: map[string]bool{}, loopback: dev, trusted: trusted}
	for _, a := range allowed {
		if a == "*" {
			o.any = true
		} else if n, ok := normalizeOrigin(a); ok {
			o.listed[n] = true
		}
	}
	return o
}

// host is the host r was sent to (see the package comment on proxies).
func (o origins) host(r *http.Request) string {
	if fwd := r.Header.Get("X-Forwarded-Host"); fwd != "" {
		if peer, ok := parseAddr(r.RemoteAddr); ok && isTrusted(peer, o.trusted) {
			first, _, _ := strings.Cut(fwd, ",")
			return strings.TrimSpace(first)
		}
	}
	return r.Host
}

// allowed reports whether r may be served, and whether it is cross-origin (its answers
// need the CORS headers).
func (o origins) allowed(r *http.Request) (ok, cross bool) {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true, false
	}
	u, err := url.Parse(origin)
	if err != nil {
		return o.any, true
	}
	if u.Host != "" && strings.EqualFold(u.Host, o.host(r)) && (!o.loopback || isLoopbackHost(u.Hostname())) {
		return true, false
	}
	if o.any {
		return true, true
	}
	n, _ := normalizeURL(u)
	return o.listed[n], true
}

// isLoopbackHost reports whether a host name is localhost or an IP literal: names no
// DNS answer can rebind.
func isLoopbackHost(h string) bool {
	if strings.EqualFold(h, "localhost") {
		return true
	}
	_, err := netip.ParseAddr(h)
	return err == nil
}

// corsHeaders are the request headers a cross-origin client may send: the body's type,
// the bearer token and the RequestContext headers.
var corsHeaders = strings.Join([]string{"Authorization", "Content-Type", reqctx.HeaderRequestID, reqctx.HeaderTenantID,
	reqctx.HeaderEnv, reqctx.HeaderProjectID, reqctx.HeaderSurfaceID, reqctx.HeaderAppID}, ", ")

// corsExposed are the response headers a cross-origin client may read.
var corsExposed = strings.Join([]string{reqctx.HeaderRequestID, "Retry-After"}, ", ")

// corsMaxAge is how long (seconds) a browser may reuse a preflight's answer.
const corsMaxAge = "600"

// cors applies the origin rule to a request for /query that is not a websocket. It
// reports whether the request is done: refused (another origin) or a preflight, answered
// here. Otherwise it has set the headers that let an allowed cross-origin page read the
// answer.
func (a *API) cors(w http.ResponseWriter, r *http.Request, ri *requestInfo) (done bool) {
	h := w.Header()
	h.Add("Vary", "Origin")
	ok, cross := a.origins.allowed(r)
	if !ok {
		a.fail(w, ri, apperr.E(apperr.Forbidden, "origin %s is not allowed to call this API (the server's --allowed-origins)", r.Header.Get("Origin")))
		return true
	}
	if !cross {
		return false
	}
	h.Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		h.Set("Access-Control-Expose-Headers", corsExposed)
		return false
	}
	ri.root = "preflight"
	h.Set("Access-Control-Allow-Methods", http.MethodPost)
	h.Set("Access-Control-Allow-Headers", corsHeaders)
	h.Set("Access-Control-Max-Age", corsMaxAge)
	w.WriteHeader(http.StatusNoContent)
	return true
}

// ParseOrigins checks a comma-separated list of browser origins
// ("https://app.example.com,http://localhost:5173", or "*" for any) for
// Config.AllowedOrigins: each a scheme (http or https) and a host, with no path.
func ParseOrigins(list string) ([]string, error) {
	var out []string
	for o := range strings.SplitSeq(list, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		if o != "*" {
			n, ok := normalizeOrigin(o)
			if !ok {
				return nil, fmt.Errorf("%q is not an origin: want scheme://host[:port], e.g. https://app.example.com", o)
			}
			o = n
		}
		out = append(out, o)
	}
	return out, nil
}

// normalizeOrigin returns an http or https origin as browsers send it: lower case, with
// no default port and no trailing slash. ok is false for anything else.
func normalizeOrigin(o string) (string, bool) {
	u, err := url.Parse(o)
	if err != nil {
		return "", false
	}
	return normalizeURL(u)
}

// normalizeURL is normalizeOrigin of an origin already parsed.
func normalizeURL(u *url.URL) (string, bool) {
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		strings.TrimSuffix(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return "", false
	}
	host := strings.ToLower(u.Host)
	if h, port, err := net.SplitHostPort(host); err == nil && (u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443") {
		host = h
		if strings.Contains(h, ":") {
			host = "[" + h + "]"
		}
	}
	return u.Scheme + "://" + host, true
}
