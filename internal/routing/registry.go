package routing

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/reqctx"
)

// Source streams the registry's durable state (internal/firestore implements it).
type Source interface {
	// Watch calls apply with every route at start and again after each change, with the
	// changes since the previous call, until ctx ends or the stream fails.
	Watch(ctx context.Context, apply func(all []Route, changes []Route)) error
}

// table is one immutable snapshot of every route, indexed for Resolve: the kind and env
// become a slot number (envs numbered by reqctx.EnvIndex), so the common lookup is one
// string-keyed map access per level.
type table struct {
	routes  map[Key]*Route           // every route, for Get and List
	kinds   map[string]int           // resource kind → kind number
	tenants map[string]*tenantRoutes // tenant → its routes
	system  *tenantRoutes            // tenants[t_system], the last step of every cascade
}

// tenantRoutes holds one tenant's routes by slot, and its projects' routes.
type tenantRoutes struct {
	bySlot   []*Route
	projects map[string][]*Route
}

func newTable(all []Route) *table {
	t := &table{routes: make(map[Key]*Route, len(all)), kinds: map[string]int{}, tenants: map[string]*tenantRoutes{}}
	for i := range all {
		if _, ok := t.kinds[all[i].ResourceKind]; !ok {
			t.kinds[all[i].ResourceKind] = len(t.kinds)
		}
	}
	slots := len(t.kinds) * reqctx.NumEnvs
	for i := range all {
		rt := &all[i]
		t.routes[rt.Key()] = rt
		e := reqctx.EnvIndex(rt.Env)
		if e < 0 {
			continue // never written: Validate normalizes env
		}
		tr := t.tenants[rt.TenantID]
		if tr == nil {
			tr = &tenantRoutes{bySlot: make([]*Route, slots)}
			t.tenants[rt.TenantID] = tr
		}
		slot := t.kinds[rt.ResourceKind]*reqctx.NumEnvs + e
		if rt.ProjectID == "" {
			tr.bySlot[slot] = rt
			continue
		}
		if tr.projects == nil {
			tr.projects = map[string][]*Route{}
		}
		p := tr.projects[rt.ProjectID]
		if p == nil {
			p = make([]*Route, slots)
			tr.projects[rt.ProjectID] = p
		}
		p[slot] = rt
	}
	t.system = t.tenants[ids.System]
	return t
}

// Registry serves route lookups from memory. A Source keeps it current; readers never
// block and never touch Firestore.
type Registry struct {
	current atomic.Pointer[table]
	ready   chan struct{}
	once    sync.Once

	mu   sync.Mutex
	subs map[*subscriber]struct{}
}

// NewRegistry returns an empty registry; Run fills it.
func NewRegistry() *Registry {
	r := &Registry{ready: make(chan struct{}), subs: map[*subscriber]struct{}{}}
	r.current.Store(newTable(nil))
	return r
}

// Run keeps the registry current from src until ctx ends. When the stream fails it
// reports the error to onErr and reconnects with a growing delay (up to 30 s); lookups keep
// answering from the last snapshot meanwhile.
func (r *Registry) Run(ctx context.Context, src Source, onErr func(error)) {
	delay := 100 * time.Millisecond
	for ctx.Err() == nil {
		start := time.Now()
		err := src.Watch(ctx, r.apply)
		if ctx.Err() != nil {
			return
		}
		if onErr != nil {
			onErr(err)
		}
		if time.Since(start) > time.Minute {
			delay = 100 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 30*time.Second)
	}
}

// apply swaps in a new snapshot and tells subscribers what changed.
func (r *Registry) apply(all []Route, changes []Route) {
	r.current.Store(newTable(all))
	r.once.Do(func() { close(r.ready) })
	r.publish(changes)
}

// Ready is closed once the first snapshot has been applied.
func (r *Registry) Ready() <-chan struct{} { return r.ready }

// Get returns the route with exactly this key.
func (r *Registry) Get(k Key) (Route, bool) {
	rt, ok := r.current.Load().routes[k]
	if !ok {
		return Route{}, false
	}
	return *rt, true
}

// Resolve returns the effective route of kind for a scope: the project's route, else the
// tenant's, else t_system's for the env. The route is shared and must not be modified.
func (r *Registry) Resolve(kind string, s Scope) (Resolved, bool) {
	t := r.current.Load()
	k, ok := t.kinds[kind]
	e := reqctx.EnvIndex(s.Env)
	if !ok || e < 0 {
		return Resolved{}, false
	}
	slot := k*reqctx.NumEnvs + e
	if tr := t.tenants[s.TenantID]; tr != nil {
		if p := tr.projects[s.ProjectID]; p != nil {
			if rt := p[slot]; rt != nil {
				return Resolved{Route: rt, Matched: MatchProject}, true
			}
		}
		if rt := tr.bySlot[slot]; rt != nil {
			if s.TenantID == ids.System {
				return Resolved{Route: rt, Matched: MatchSystem}, true
			}
			return Resolved{Route: rt, Matched: MatchTenant}, true
		}
	}
	if t.system != nil {
		if rt := t.system.bySlot[slot]; rt != nil {
			return Resolved{Route: rt, Matched: MatchSystem}, true
		}
	}
	return Resolved{}, false
}

// List returns a tenant's routes (env "" means every env), ordered by env, project, kind.
func (r *Registry) List(tenantID, env string) []Route {
	var out []Route
	for k, rt := range r.current.Load().routes {
		if k.TenantID == tenantID && (env == "" || k.Env == env) {
			out = append(out, *rt)
		}
	}
	slices.SortFunc(out, func(a, b Route) int {
		return strings.Compare(a.Env+"\x00"+a.ProjectID+"\x00"+a.ResourceKind, b.Env+"\x00"+b.ProjectID+"\x00"+b.ResourceKind)
	})
	return out
}

// All returns every route.
func (r *Registry) All() []Route {
	routes := r.current.Load().routes
	out := make([]Route, 0, len(routes))
	for _, rt := range routes {
		out = append(out, *rt)
	}
	return out
}
