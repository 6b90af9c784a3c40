package httpapi

import (
	"fmt"
	"net/http"
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
// One rule decides, for POST /query, its preflight and websocket upgrades alike
// (wsgorilla's OriginAllowed): no Origin (not a browser), the request's own host (same
// origin), or an origin of Config.AllowedOrigins ("*" for any). A request from any other
// origin is refused with FORBIDDEN before anything else is read, so a page of another
// site cannot make a user's browser act on the API even where the browser would not let
// it read the answer. Tokens travel in Authorization, never in cookies, so no answer
// allows credentials. server's TestCORS drives it through the real server.

// corsHeaders are the request headers a cross-origin client may send: the body's type,
// the bearer token and the RequestContext headers.
var corsHeaders = strings.Join([]string{"Authorization", "Content-Type", reqctx.HeaderRequestID, reqctx.HeaderTenantID,
	reqctx.HeaderEnv, reqctx.HeaderProjectID, reqctx.HeaderSurfaceID, reqctx.HeaderAppID}, ", ")

// corsExposed are the response headers a cross-origin client may read.
var corsExposed = strings.Join([]string{reqctx.HeaderRequestID, "Retry-After"}, ", ")

// corsMaxAge is how long (seconds) a browser may reuse a preflight's answer.
const corsMaxAge = "600"

// cors applies the origin rule to r. It reports whether the request is done: refused
// (a disallowed origin) or a preflight, answered here. Otherwise it has set the headers
// that let an allowed cross-origin page read the answer.
func (a *API) cors(w http.ResponseWriter, r *http.Request, ri *requestInfo) (done bool) {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	if !a.ws.OriginAllowed(r) {
		a.fail(w, ri, apperr.E(apperr.Forbidden, "origin %s is not allowed to call this API (the server's --allowed-origins)", origin))
		return true
	}
	h := w.Header()
	h.Add("Vary", "Origin")
	if sameOrigin(origin, r.Host) {
		return false
	}
	h.Set("Access-Control-Allow-Origin", origin)
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

// sameOrigin reports whether origin names host (the request's Host).
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, host)
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
			u, err := url.Parse(o)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
				strings.TrimSuffix(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
				return nil, fmt.Errorf("%q is not an origin: want scheme://host[:port], e.g. https://app.example.com", o)
			}
			o = u.Scheme + "://" + strings.ToLower(u.Host)
		}
		out = append(out, o)
	}
	return out, nil
}
