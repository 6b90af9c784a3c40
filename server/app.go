package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/chatbus"
	"github.com/northstar/northstar/internal/console"
	"github.com/northstar/northstar/internal/documents"
	"github.com/northstar/northstar/internal/firestore"
	"github.com/northstar/northstar/internal/follow"
	"github.com/northstar/northstar/internal/httpapi"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/live"
	"github.com/northstar/northstar/internal/metrics"
	"github.com/northstar/northstar/internal/ratelimit"
	"github.com/northstar/northstar/internal/redisroute"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/secrets"
	"github.com/northstar/northstar/internal/serviceaccount"
	"github.com/northstar/northstar/internal/session"
	"github.com/northstar/northstar/internal/tenancy"
	"github.com/northstar/northstar/resolvers"
)

// Main is one running Northstar server: its dependencies, its HTTP handler and, once
// Serve is called, its listener. Tests start it on 127.0.0.1:0.
type Main struct {
	cfg       Config
	log       *slog.Logger
	client    *firestore.Client
	store     *firestore.Store
	cached    *tenancy.CachedStore
	secrets   *secrets.Resolver
	registry  *routing.Registry
	documents *documents.Registry // the trusted documents, followed live
	routes    *routing.Service
	tokens    *identity.Tokens
	tenancy   *tenancy.Service
	handler   http.Handler
	metrics   *metrics.Metrics
	conns     *live.Connections
	sessions  *session.Service
	accounts  *serviceaccount.Service
	bus       *chatbus.Bus
	limiter   *ratelimit.Limiter
	chat      *chat.Service

	cancels  []context.CancelFunc // stop the background loops
	stopped  sync.WaitGroup
	draining atomic.Bool // shutdown began: /readyz answers 503
}

// background runs loop in a goroutine until Close, which ends its context and waits for it.
func (m *Main) background(loop func(ctx context.Context)) {
	ctx, cancel := context.WithCancel(context.Background())
	m.cancels = append(m.cancels, cancel)
	m.stopped.Add(1)
	go func() {
		defer m.stopped.Done()
		loop(ctx)
	}()
}

// probeTimeout bounds each start-up and readiness check.
const probeTimeout = 5 * time.Second

// NewMain connects to Firestore, proves it answers, loads the signing key and builds the
// handler. The error names what is missing and how to fix it.
func NewMain(ctx context.Context, cfg Config, log *slog.Logger) (*Main, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	// Metrics come first: the registries and the services count into them.
	m := &Main{cfg: cfg, log: log, metrics: metrics.New()}
	var err error
	if m.client, m.store, err = openStore(ctx, cfg.ProjectID, cfg.EmulatorHost, log); err != nil {
		return nil, err
	}
	m.background(m.store.Guard) // fail fast while Firestore does not answer
	if err := m.startRegistry(ctx); err != nil {
		m.Close()
		return nil, err
	}
	if err := m.startDocuments(ctx); err != nil {
		m.Close()
		return nil, err
	}
	if err := m.build(ctx); err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}

// openStore connects to Firestore and proves it answers within probeTimeout.
func openStore(ctx context.Context, projectID, emulatorHost string, log *slog.Logger) (*firestore.Client, *firestore.Store, error) {
	client, err := firestore.Connect(ctx, firestore.Options{ProjectID: projectID, EmulatorHost: emulatorHost})
	if err != nil {
		return nil, nil, err
	}
	store := firestore.New(client, log)
	pctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	if _, err := store.Probe(pctx); err != nil {
		_ = client.Close()
		return nil, nil, fmt.Errorf("cannot reach Firestore (project %q%s): %w", projectID, emulatorNote(emulatorHost), err)
	}
	return client, store, nil
}

func emulatorNote(host string) string {
	if host == "" {
		return ""
	}
	return ", emulator " + host
}

// startRegistry loads the routing registry and keeps it current in the background.
func (m *Main) startRegistry(ctx context.Context) error {
	m.registry = routing.NewRegistry()
	m.background(func(ctx context.Context) {
		m.registry.Run(ctx, m.store, m.following("routes", "routing registry"))
	})
	return awaitReady(ctx, m.registry.Ready(), "the routing registry did not load from Firestore")
}

// following reports a registry's stream (follow.Run): failures, checks that cannot run
// and restarts of a quiet listener are logged, and the restarts counted under stream.
func (m *Main) following(stream, what string) follow.Options {
	return follow.Options{
		OnErr: func(err error) { m.log.Warn(what+": watch failed; retrying", "err", err) },
		OnCheckErr: func(err error) {
			m.log.Warn(what+": cannot compare the copy with Firestore; the check is off until it can", "err", err)
		},
		OnStale: func(local, store follow.Stat) {
			m.metrics.FollowRestarted(stream)
			m.log.Warn(what+": the listener delivered nothing while Firestore moved on; restarting it", "copy", local.String(), "firestore", store.String())
		},
	}
}

// consoleApp names the admin console's documents in the registry.
const consoleApp = "a_console"

// startDocuments loads the trusted documents and keeps them current in the background.
func (m *Main) startDocuments(ctx context.Context) error {
	m.documents = documents.NewRegistry(graph.NewExecutableSchema(graph.Config{}).Schema(), m.log)
	// The console's documents are trusted by every server, in every mode.
	if err := m.documents.Pin(consoleApp, console.Documents()); err != nil {
		return err
	}
	m.background(func(ctx context.Context) {
		m.documents.Run(ctx, m.store, m.following("trusted_documents", "trusted documents"))
	})
	return awaitReady(ctx, m.documents.Ready(), "the trusted documents did not load from Firestore")
}

// awaitReady waits until ready is closed, at most probeTimeout; the error says what did
// not happen in time.
func awaitReady(ctx context.Context, ready <-chan struct{}, what string) error {
	select {
	case <-ready:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(probeTimeout):
		return fmt.Errorf("%s within %s", what, probeTimeout)
	}
}

// build constructs everything NewMain has not: one dependency after another, each from
// the ones before it, background loops started as their owners appear.
func (m *Main) build(ctx context.Context) error {
	// 1. Secrets, and the token signing key they hold.
	var err error
	m.secrets, err = secrets.New(secrets.Config{Dir: m.cfg.SecretsDir, AllowEnv: m.cfg.Env == "dev", LookupEnv: m.cfg.LookupEnv})
	if err != nil {
		return fmt.Errorf("--secrets-dir: %w", err)
	}
	if m.tokens, err = m.signingTokens(ctx); err != nil {
		return err
	}
	m.metrics.Gauges(func() float64 { return float64(m.conns.Count()) }, m.busTopics)

	// 2. Memberships, tenants and modes are read on every request: serve them from memory,
	// invalidated by writes here and, through the access log, on other replicas.
	m.cached = tenancy.NewCachedStore(m.store, tenancy.CacheConfig{TTL: 10 * time.Second, NegativeTTL: 2 * time.Second})

	// 3. Live connections and ended sessions, and what ends them when access changes:
	// changes made here apply at once (the tenancy and session services tell events);
	// every replica's come through the durable access log, with a periodic recheck of
	// every live connection behind it. Ended sessions are remembered for as long as their
	// access tokens could live.
	m.conns = live.New(m.log)
	ended := live.NewEndedSessions(nil)
	events := live.NewRelay(live.RelayConfig{
		Connections: m.conns, Cache: m.cached, Ended: ended, Lookback: m.cfg.TokenTTL + time.Minute, Log: m.log,
	})
	m.background(func(ctx context.Context) { events.Follow(ctx, m.store, m.following("access_events", "access log")) })
	m.background(func(ctx context.Context) { events.Recheck(ctx, m.isMember) })
	if err := awaitReady(ctx, events.Ready(), "the access log did not load from Firestore"); err != nil {
		return err
	}

	// 4. Rate limits, counted on the rate_limit route's Redis across replicas (in this
	// process while it does not answer).
	rateKey := m.systemRoute("rate_limit")
	m.limiter = ratelimit.New(ratelimit.Options{
		Route: func() (routing.Route, bool) { return m.registry.Get(rateKey) },
		Dial: func(ctx context.Context, rt routing.Route) (redis.UniversalClient, error) {
			return redisroute.Dial(ctx, &rt, m.secrets)
		},
		Log: m.log, Fallbacks: m.metrics.RateLimitLocal,
	})

	// 5. The domain services.
	limits := ratelimit.NewPolicy(m.limiter, m.cfg.RateLimits)
	m.tenancy = tenancy.NewService(tenancy.Config{
		Store:        m.cached,
		Passwords:    identity.NewPasswordHasher(m.cfg.Passwords),
		BootstrapKey: m.cfg.BootstrapKey,
		Events:       events,
		Limits:       limits,
	})
	m.sessions = session.NewService(session.Config{Store: m.store, Accounts: m.tenancy, Tokens: m.tokens, Events: events})
	m.accounts = serviceaccount.NewService(serviceaccount.Config{Store: m.store, Tokens: m.tokens, Limits: limits, Events: events})
	m.routes = routing.NewService(routing.ServiceConfig{Store: m.store, Projects: m.tenancy, Secrets: m.secrets})
	m.newChat()
	m.background(m.followChatBus)

	// 6. The GraphQL API over HTTP and websockets: resolvers over the services, access
	// directives, and each tenant's subscriptions capped across replicas.
	quota := m.bus.NewQuota()
	m.background(quota.Renew)
	api, err := httpapi.New(httpapi.Config{
		Schema: resolvers.New(resolvers.Config{
			Tenancy: m.tenancy, Sessions: m.sessions, ServiceAccounts: m.accounts, Guard: access.NewGuard(m.cached), Routes: m.registry, RouteWriter: m.routes,
			Chat: m.chatService, Audit: audit.NewLog(m.store), Canvases: chat.NewCanvases(m.store, nil),
		}),
		Builder: access.NewBuilder(m.tokens, m.cached, ended), Env: m.cfg.Env, Limits: m.cfg.Limits,
		AllowedOrigins: m.cfg.AllowedOrigins, TrustedProxies: m.cfg.TrustedProxies, Connections: m.conns, Tokens: m.accounts, Quota: quota, Metrics: m.metrics, Log: m.log,
		Documents: m.documents, TrustedDocuments: m.cfg.TrustedDocuments,
	})
	if err != nil {
		return err
	}
	m.metrics.SubscriptionGroups(api.SubscriptionGroups)

	// 7. HTTP routes, every one observed: a deadline, the access log and metrics.
	mux, err := m.mux(api)
	if err != nil {
		return err
	}
	m.handler = api.Observe(mux)
	return nil
}

// signingTokens returns the token issuer and verifier, with the signing key the
// configuration names.
func (m *Main) signingTokens(ctx context.Context) (*identity.Tokens, error) {
	pem, err := m.secrets.Resolve(ctx, m.cfg.SigningKeyRef)
	if err != nil {
		return nil, fmt.Errorf("token signing key: %w", err)
	}
	keys, err := identity.ParseEd25519PEM(pem)
	if err != nil {
		return nil, fmt.Errorf("token signing key %q: %w", m.cfg.SigningKeyRef, err)
	}
	return identity.NewTokens(keys, identity.TokenConfig{Issuer: TokenIssuer, Audience: TokenAudience, TTL: m.cfg.TokenTTL, Skew: m.cfg.TokenSkew})
}

// isMember reports whether userID still belongs to tenantID (through the cache). A
// service account is no member: its connections end with its secret version.
func (m *Main) isMember(ctx context.Context, tenantID, userID string) (bool, error) {
	if ids.ValidFor(ids.ServiceAccount, userID) {
		return true, nil
	}
	_, err := m.cached.Membership(ctx, tenantID, userID)
	if apperr.Is(err, apperr.NotFound) {
		return false, nil
	}
	return err == nil, err
}

// Handler returns the server's HTTP handler.
func (m *Main) Handler() http.Handler { return m.handler }

// Tenancy returns the tenancy service (the bootstrap command and dev mode use it).
func (m *Main) Tenancy() *tenancy.Service { return m.tenancy }

// Store returns the Firestore store.
func (m *Main) Store() *firestore.Store { return m.store }

// Routes returns the routing service (routes apply and dev mode use it).
func (m *Main) Routes() *routing.Service { return m.routes }

// Serve serves HTTP on ln until ctx is done, then shuts down gracefully: /readyz turns
// 503 at once while the server keeps serving for the configured drain period (a load
// balancer stops sending meanwhile); then websockets get a 1001 close frame, the listener
// closes and in-flight requests get up to grace to finish.
func (m *Main) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	srv := &http.Server{
		Handler:           m.handler,
		ReadHeaderTimeout: m.cfg.Limits.ReadHeader,
		IdleTimeout:       m.cfg.Limits.Idle,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(m.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	m.draining.Store(true)
	if m.cfg.Drain > 0 {
		m.log.Info("shutting down: draining", "for", m.cfg.Drain.String())
		t := time.NewTimer(m.cfg.Drain)
		select {
		case <-t.C:
		case err := <-errc:
			t.Stop()
			return err
		}
	}
	// Websockets are hijacked connections Shutdown does not see: close them first, each
	// with a close frame.
	m.conns.CloseAll()
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return serr
	}
	return err
}

// redisReady reports whether the connected Redis (if any) answers.
func (m *Main) redisReady(ctx context.Context) bool {
	client := m.bus.Client()
	return client == nil || client.Ping(ctx).Err() == nil
}

func (m *Main) busTopics() float64 { return float64(m.bus.Topics()) }

// Close stops the registry watch, detaches the bus and releases the Redis and Firestore
// clients.
func (m *Main) Close() {
	for _, cancel := range m.cancels {
		cancel()
	}
	m.stopped.Wait()
	if m.bus != nil {
		_ = m.bus.Close()
	}
	if m.limiter != nil {
		_ = m.limiter.Close()
	}
	if m.client != nil {
		_ = m.client.Close()
	}
}
