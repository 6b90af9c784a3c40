package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/northstar/northstar/internal/console"
	"github.com/northstar/northstar/internal/graphiql"
	"github.com/northstar/northstar/internal/httpapi"
)

// mux is the server's HTTP mux: the API on /query, service-account tokens on
// /oauth/token, health and readiness, the token verification keys, metrics and, in dev,
// the GraphQL IDE.
func (m *Main) mux(api *httpapi.API) (*http.ServeMux, error) {
	mux := http.NewServeMux()
	mux.Handle("/query", api)
	mux.HandleFunc("/oauth/token", api.OAuthToken)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { writeStatus(w, http.StatusOK, "ok", "") })
	mux.HandleFunc("GET /readyz", m.ready)
	mux.Handle("/.well-known/jwks.json", m.tokens.JWKSHandler())
	mux.Handle("GET /metrics", m.metrics.Handler())
	mux.Handle("GET /console/", console.Handler()) // the admin console, in every env
	mux.Handle("GET /console", http.RedirectHandler("/console/", http.StatusMovedPermanently))
	if m.cfg.Env == "dev" {
		if err := mountGraphiQL(mux); err != nil {
			return nil, err
		}
	}
	return mux, nil
}

// ready answers /readyz: 200 when Firestore answers, t_system exists and, once start-up
// checks have connected it, Redis answers.
func (m *Main) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if m.draining.Load() {
		writeStatus(w, http.StatusServiceUnavailable, "unready", "shutting down")
		return
	}
	ok, err := m.store.Probe(ctx)
	switch {
	case err != nil:
		m.log.WarnContext(ctx, "readiness: firestore", "err", err)
		writeStatus(w, http.StatusServiceUnavailable, "unready", "firestore unreachable")
	case !ok:
		writeStatus(w, http.StatusServiceUnavailable, "unready", "t_system is not bootstrapped")
	case !m.redisReady(ctx):
		writeStatus(w, http.StatusServiceUnavailable, "unready", "redis unreachable")
	default:
		writeStatus(w, http.StatusOK, "ready", "")
	}
}

func writeStatus(w http.ResponseWriter, code int, status, reason string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	if reason == "" {
		fmt.Fprintf(w, "{%q:%q}\n", "status", status)
		return
	}
	fmt.Fprintf(w, "{%q:%q,%q:%q}\n", "status", status, "reason", reason)
}

// mountGraphiQL serves the GraphQL IDE (dev only) on mux: its page at / and its assets,
// all embedded in the binary, so it works with no network.
func mountGraphiQL(mux *http.ServeMux) error {
	ide, err := graphiql.New(graphiql.Config{
		Title: "Northstar", Endpoint: "/query", Subscriptions: "/query", DefaultQuery: ideDefaultQuery,
	})
	if err != nil {
		return err
	}
	mux.Handle("GET /{$}", ide)
	mux.Handle("GET "+graphiql.AssetPrefix, ide)
	return nil
}

// ideDefaultQuery is the IDE's editor text on a first visit: how to call as someone.
const ideDefaultQuery = `# Northstar GraphQL IDE (dev). Sign up or log in (mutations signup, login), then
# put the token and the tenant in the Headers tab below, e.g.
#   {"Authorization": "Bearer <token>", "X-Tenant-Id": "t_..."}
# Subscriptions run over a websocket on /query with the same headers.
{
  __typename
}
`
