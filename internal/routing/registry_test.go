package routing

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/follow"
	"github.com/northstar/northstar/internal/secrets"
)

// fakeSource feeds snapshots to a registry by hand.
type fakeSource struct {
	apply chan func(all, changes []Route)
}

func (f *fakeSource) Watch(ctx context.Context, apply func(all, changes []Route)) error {
	f.apply <- apply
	<-ctx.Done()
	return ctx.Err()
}

// RoutesStat fails: the registry's tests feed it by hand, so there is nothing to compare
// (internal/follow tests the comparison).
func (f *fakeSource) RoutesStat(context.Context) (follow.Stat, error) {
	return follow.Stat{}, errors.New("not compared")
}

func route(kind, tenant, env, project, backend string) Route {
	r := Route{ResourceKind: kind, TenantID: tenant, Env: env, ProjectID: project, BackendType: backend, Version: 1}
	switch backend {
	case "redis":
		r.Config = map[string]string{"address": "redis:6379"}
	case "gcs":
		r.Config = map[string]string{"bucket": "b"}
	}
	return r
}

func running(t testing.TB, routes ...Route) (*Registry, func(all, changes []Route)) {
	t.Helper()
	reg := NewRegistry()
	src := &fakeSource{apply: make(chan func(all, changes []Route), 1)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { reg.Run(ctx, src, follow.Options{}); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	apply := <-src.apply
	apply(routes, nil)
	<-reg.Ready()
	return reg, apply
}

func TestResolveCascade(t *testing.T) {
	reg, _ := running(t,
		route("media", "t_system", "prod", "", "gcs"),
		route("media", "t_acme", "prod", "", "gcs"),
		route("media", "t_acme", "prod", "p_site", "gcs"),
		route("chat_bus", "t_system", "prod", "", "redis"),
	)
	cases := []struct {
		kind    string
		scope   Scope
		matched string
		tenant  string
	}{
		{"media", scope("t_acme", "prod", "p_site"), MatchProject, "t_acme"},
		{"media", scope("t_acme", "prod", "p_other"), MatchTenant, "t_acme"},
		{"media", scope("t_acme", "prod", ""), MatchTenant, "t_acme"},
		{"media", scope("t_beta", "prod", "p_x"), MatchSystem, "t_system"},
		{"chat_bus", scope("t_acme", "prod", "p_site"), MatchSystem, "t_system"},
		{"media", scope("t_system", "prod", ""), MatchSystem, "t_system"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%v", c.kind, c.scope), func(t *testing.T) {
			got, ok := reg.Resolve(c.kind, c.scope)
			if !ok || got.Matched != c.matched || got.Route.TenantID != c.tenant {
				t.Fatalf("Resolve = %+v, %v; want %s from %s", got, ok, c.matched, c.tenant)
			}
		})
	}
	if _, ok := reg.Resolve("media", scope("t_acme", "staging", "")); ok {
		t.Fatal("resolved a route for an env without any")
	}
	if _, ok := reg.Resolve("seo", scope("t_acme", "prod", "")); ok {
		t.Fatal("resolved an unrouted kind")
	}
}

// A stream's first snapshot after the registry's own (a stream watched again after a
// failure or a restart) carries no changes: the registry tells subscribers what it
// changed, from the two tables.
func TestResyncPublishesDifference(t *testing.T) {
	kept := route("media", "t_acme", "prod", "", "gcs")
	edited := route("seo", "t_acme", "prod", "", "gcs")
	gone := route("search", "t_acme", "prod", "", "gcs")
	reg, apply := running(t, kept, edited, gone)
	ch := reg.Subscribe(t.Context(), Filter{TenantID: "t_acme"})

	edited.Version = 2
	added := route("cdn", "t_acme", "prod", "", "gcs")
	apply([]Route{kept, edited, added}, nil)
	want := map[string]Route{added.Key().ID(): added, gone.Key().ID(): gone, edited.Key().ID(): edited}
	for len(want) > 0 {
		select {
		case got := <-ch:
			w, ok := want[got.Key().ID()]
			if !ok || got.Version != w.Version || got.Deleted != (w.ResourceKind == "search") {
				t.Fatalf("change %s (version %d, deleted %v) is not one of the three", got.Key(), got.Version, got.Deleted)
			}
			delete(want, got.Key().ID())
		case <-time.After(5 * time.Second):
			t.Fatalf("no change for %v", want)
		}
	}
	select {
	case got := <-ch:
		t.Fatalf("unexpected change %s (kept was unchanged)", got.Key())
	case <-time.After(50 * time.Millisecond):
	}
	if len(reg.All()) != 3 {
		t.Fatalf("the registry holds %d routes after the resync, want 3", len(reg.All()))
	}
}

func TestSubscribe(t *testing.T) {
	reg, apply := running(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	acme := reg.Subscribe(ctx, Filter{TenantID: "t_acme", Env: "prod"})
	media := reg.Subscribe(ctx, Filter{TenantID: "t_acme", ResourceKind: "media"})

	sys := route("chat_bus", "t_system", "prod", "", "redis")
	other := route("media", "t_beta", "prod", "", "gcs")
	mine := route("media", "t_acme", "prod", "", "gcs")
	apply([]Route{sys, other, mine}, []Route{sys, other, mine})

	expect := func(ch <-chan Route, want ...Route) {
		t.Helper()
		for _, w := range want {
			select {
			case got := <-ch:
				if got.Key() != w.Key() {
					t.Fatalf("got %s, want %s", got.Key(), w.Key())
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("no change for %s", w.Key())
			}
		}
		select {
		case got := <-ch:
			t.Fatalf("unexpected change %s", got.Key())
		default:
		}
	}
	expect(acme, sys, mine)
	expect(media, mine)

	t.Run("SlowSubscriberDropped", func(t *testing.T) {
		slow := reg.Subscribe(ctx, Filter{})
		for i := 0; i <= subscriberBuffer; i++ {
			apply(nil, []Route{mine})
		}
		n := 0
		for range slow {
			n++
		}
		if n != subscriberBuffer {
			t.Fatalf("slow subscriber got %d before being dropped, want %d", n, subscriberBuffer)
		}
	})
	t.Run("CancelCloses", func(t *testing.T) {
		cctx, ccancel := context.WithCancel(context.Background())
		ch := reg.Subscribe(cctx, Filter{})
		ccancel()
		select {
		case _, open := <-ch:
			if open {
				t.Fatal("got a change after cancel")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("channel not closed after cancel")
		}
	})
}

func TestValidate(t *testing.T) {
	ok := route("chat_bus", "t_system", "Production", "", "redis")
	if err := Validate(&ok); err != nil || ok.Env != "prod" {
		t.Fatalf("Validate = %v, env %q", err, ok.Env)
	}
	for _, bt := range []string{"memory", "noop", "local", "tmp", "localhost", "MEMORY", "", "mysql"} {
		r := route("chat_bus", "t_system", "prod", "", "redis")
		r.BackendType = bt
		if err := Validate(&r); err == nil {
			t.Errorf("backend %q accepted", bt)
		}
	}
}

func TestValidateSecretRefSchemes(t *testing.T) {
	refs := []struct {
		tenant, env, ref string
		ok               bool
	}{
		{"t_acme", "prod", "password=file:///run/secrets/t_acme/redis", true},
		{"t_system", "dev", "password=env://REDIS_PASSWORD", true},
		{"t_system", "prod", "password=env://REDIS_PASSWORD", false},
		{"t_acme", "dev", "password=env://SYSTEM_BOOTSTRAP_KEY", false},
		{"t_acme", "prod", "password=gcp-sm://projects/p/secrets/redis/versions/1", false},
		{"t_system", "prod", "password=gcp-sm://projects/p/secrets/redis/versions/1", false},
		{"t_acme", "prod", "password=vault://redis", false},
	}
	for _, c := range refs {
		r := route("chat_bus", c.tenant, c.env, "", "redis")
		r.SecretRefs = []string{c.ref}
		err := Validate(&r)
		if (err == nil) != c.ok {
			t.Errorf("Validate(%s, %s, %q) = %v", c.tenant, c.env, c.ref, err)
		}
		if err != nil && !apperr.Is(err, apperr.BadUserInput) {
			t.Errorf("Validate(%q) = %v, want BAD_USER_INPUT", c.ref, err)
		}
	}
}

// TestValidateSecretSchemesAreResolvable checks that routes accept exactly the schemes the
// secrets resolver reads.
func TestValidateSecretSchemesAreResolvable(t *testing.T) {
	for _, scheme := range []string{secrets.SchemeFile, secrets.SchemeEnv, "vault", "gcp-sm", "https", "files"} {
		r := route("chat_bus", "t_system", "dev", "", "redis")
		r.SecretRefs = []string{"password=" + scheme + ":///run/secrets/t_system/redis"}
		if err := Validate(&r); (err == nil) != secrets.Readable(scheme) {
			t.Errorf("Validate(%q) = %v, but secrets.Readable(%q) = %v", r.SecretRefs[0], err, scheme, secrets.Readable(scheme))
		}
	}
}

// BenchmarkResolve measures a cached lookup: the cascade falls through project and
// tenant to the system default, the slowest path.
func BenchmarkResolve(b *testing.B) {
	var routes []Route
	for i := range 1000 {
		routes = append(routes, route("media", fmt.Sprintf("t_tenant%d", i), "prod", "", "gcs"))
	}
	routes = append(routes, route("chat_bus", "t_system", "prod", "", "redis"))
	reg, _ := running(b, routes...)
	scope := Scope{TenantID: "t_tenant7", Env: "prod", ProjectID: "p_site"}
	b.Run("Exact", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := reg.Resolve("media", Scope{TenantID: "t_tenant7", Env: "prod"}); !ok {
				b.Fatal("miss")
			}
		}
	})
	b.Run("BaselineStringMap", func(b *testing.B) {
		// One plain map access, the floor any lookup is measured against.
		m := map[string]*Route{}
		for i := range routes {
			m[routes[i].TenantID] = &routes[i]
		}
		b.ReportAllocs()
		for b.Loop() {
			if m["t_tenant7"] == nil {
				b.Fatal("miss")
			}
		}
	})
	b.Run("CascadeToSystem", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := reg.Resolve("chat_bus", scope); !ok {
				b.Fatal("miss")
			}
		}
	})
}

// scope is a Scope, briefly.
func scope(tenant, env, project string) Scope {
	return Scope{TenantID: tenant, Env: env, ProjectID: project}
}
