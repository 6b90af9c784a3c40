package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/routing"
)

// CheckStartup refuses to serve on anything but real, configured infrastructure: it
// needs t_system, a route for every kind this server uses in (t_system, env), only allowed
// backends and in-bounds secret references in env, the routes' secrets, and the rate-limit
// and chat bus Redis answering. The error is one line naming what is missing and how to
// fix it.
func (m *Main) CheckStartup(ctx context.Context) error {
	env := m.cfg.Env
	if ok, err := m.store.Probe(ctx); err != nil {
		return fmt.Errorf("cannot reach Firestore: %w", err)
	} else if !ok {
		return fmt.Errorf("t_system is not bootstrapped in project %q: run `northstar bootstrap` with SYSTEM_BOOTSTRAP_KEY set", m.cfg.ProjectID)
	}
	for _, r := range m.registry.All() {
		if r.Env != env {
			continue
		}
		err := routing.CheckBackend(r.BackendType, r.Config)
		if err == nil {
			err = routing.CheckSecretRefs(r, m.secrets)
		}
		if err != nil {
			return fmt.Errorf("route %s is not allowed (%s): fix it with `northstar routes apply -f FILE`", r.Key(), apperr.MessageOf(err))
		}
	}
	needed := map[string]*routing.Route{}
	for _, kind := range routing.RequiredKinds() {
		rt, ok := m.registry.Get(m.systemRoute(kind))
		if !ok {
			return fmt.Errorf("no route for %s in (t_system, %s): this server needs one; add it with `northstar routes apply -f FILE` (server/routes.dev.yaml shows the shape)", kind, env)
		}
		needed[kind] = &rt
	}
	for _, kind := range routing.RequiredKinds() {
		rt := needed[kind]
		for _, s := range rt.SecretRefs {
			name, ref, _ := strings.Cut(s, "=")
			if _, err := m.secrets.Resolve(ctx, ref); err != nil {
				return fmt.Errorf("route %s: secret %q does not resolve: %v", rt.Key(), name, err)
			}
		}
	}
	if bt := needed["realtime_registry"].BackendType; bt != "firestore" {
		return fmt.Errorf("route %s names %q: the realtime registry must be firestore", needed["realtime_registry"].Key(), bt)
	}
	if err := m.limiter.Ready(ctx); err != nil {
		return fmt.Errorf("rate limits: %v", err)
	}
	return m.bus.Ensure(ctx)
}

// waitForRoutes waits until the registry's listener has delivered every route written, so
// the checks that follow see them.
func (m *Main) waitForRoutes(ctx context.Context, routes []routing.Route) error {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	for {
		missing := 0
		for _, r := range routes {
			if got, ok := m.registry.Get(r.Key()); !ok || !got.SameTarget(r) {
				missing++
			}
		}
		if missing == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%d routes written but not seen by the registry listener: %w", missing, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
