package routing

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/northstar/northstar/internal/follow"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/reqctx"
)

// Source streams the registry's durable state (internal/firestore implements it).
type Source interface {
	// Watch calls apply with every route at start and again after each change, with the
	// changes since the previous call, until ctx ends or the stream fails.
	Watch(ctx context.Context, apply func(all []Route, changes []Route)) error
	// RoutesStat reads how many routes are stored and the newest of their UpdatedAt, in
	// one shot: what the registry's copy is compared with (follow).
	RoutesStat(ctx context.Context) (follow.Stat, error)
}

// table is one immutable snapshot of every route, indexed for Resolve: a lookup is one
// string-keyed map access for the tenant (and one more for the project, when the scope
// names one and some project of the tenant has routes of its own), then a scan of the
// few kinds each scope it tries has routes for.
type table struct {
	routes  map[Key]*Route           // every route, for Get and List
	tenants map[string]*tenantRoutes // tenant → its routes
	system  *tenantRoutes            // tenants[t_system], the last step of every cascade
	stat    follow.Stat              // how many routes, the newest UpdatedAt
}

// scopeRoutes holds the routes of one scope (a tenant, or one of its projects) by kind
// and env. A scope has routes of a handful of kinds, so finding one is a scan of a short
// slice of names, cheaper than hashing the kind for a map (BenchmarkResolve).
type scopeRoutes struct {
	kinds []string
	byEnv [][reqctx.NumEnvs]*Route // byEnv[i][reqctx.EnvIndex(env)] for kinds[i]
}

// get returns the scope's route of kind in env number e, or nil (also for a nil scope).
func (sr *scopeRoutes) get(kind string, e int) *Route {
	if sr == nil {
		return nil
	}
	for i, k := range sr.kinds {
		if k == kind {
			return sr.byEnv[i][e]
		}
	}
	return nil
}

// put adds rt, whose env is number e.
func (sr *scopeRoutes) put(rt *Route, e int) {
	for i, k := range sr.kinds {
		if k == rt.ResourceKind {
			sr.byEnv[i][e] = rt
			return
		}
	}
	sr.kinds = append(sr.kinds, rt.ResourceKind)
	var row [reqctx.NumEnvs]*Route
	row[e] = rt
	sr.byEnv = append(sr.byEnv, row)
}

// tenantRoutes holds one tenant's routes, and its projects' routes.
type tenantRoutes struct {
	scopeRoutes
	projects map[string]*scopeRoutes // nil when no project has a route of its own
}

func newTable(all []Route) *table {
	t := &table{routes: make(map[Key]*Route, len(all)), tenants: map[string]*tenantRoutes{}, stat: follow.Stat{Count: len(all)}}
	for i := range all {
		rt := &all[i]
		t.routes[rt.Key()] = rt
		if rt.UpdatedAt.After(t.stat.Newest) {
			t.stat.Newest = rt.UpdatedAt
		}
		e := reqctx.EnvIndex(rt.Env)
		if e < 0 {
			continue // never written: Validate normalizes env
		}
		tr := t.tenants[rt.TenantID]
		if tr == nil {
			tr = &tenantRoutes{}
			t.tenants[rt.TenantID] = tr
		}
		if rt.ProjectID == "" {
			tr.put(rt, e)
			continue
		}
		if tr.projects == nil {
			tr.projects = map[string]*scopeRoutes{}
		}
		p := tr.projects[rt.ProjectID]
		if p == nil {
			p = &scopeRoutes{}
			tr.projects[rt.ProjectID] = p
		}
		p.put(rt, e)
	}
	t.system = t.tenants[ids.System]
	return t
}

// Registry serves route lookups from memory. A Source keeps it current; readers never
// block and never touch Firestore.
type Registry struct {
	current atomic.Pointer[table]
	applied atomic.Uint64 // snapshots applied
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

// Run keeps the registry current from src until ctx ends, with follow.Run: a failed
// stream is watched again after a growing delay, and a stream gone quiet while the
// stored routes moved on is restarted. Lookups keep answering from the last snapshot
// meanwhile. o gives the check's period and the reports (OnErr, OnStale); its Watch,
// Store and Local are the registry's.
func (r *Registry) Run(ctx context.Context, src Source, o follow.Options) {
	o.Watch = func(ctx context.Context) error { return src.Watch(ctx, r.apply) }
	o.Store = src.RoutesStat
	o.Local = func() (follow.Stat, uint64) { return r.current.Load().stat, r.applied.Load() }
	follow.Run(ctx, o)
}

// apply swaps in a new snapshot and tells subscribers what changed. A stream's first
// snapshot comes without changes (the stream cannot know what the registry held): after
// the registry's own first, they are found by comparing the two tables, so subscribers
// hear what a failed or restarted stream missed.
func (r *Registry) apply(all []Route, changes []Route) {
	next := newTable(all)
	old := r.current.Swap(next)
	if changes == nil && r.applied.Load() > 0 {
		changes = diff(old, next)
	}
	r.applied.Add(1)
	r.once.Do(func() { close(r.ready) })
	r.publish(changes)
}

// diff returns the routes of next that old lacks or holds at another version or update
// time, and old's routes that next lacks, marked Deleted, in key order.
func diff(old, next *table) []Route {
	var out []Route
	for k, rt := range next.routes {
		if o, ok := old.routes[k]; !ok || o.Version != rt.Version || !o.UpdatedAt.Equal(rt.UpdatedAt) {
			out = append(out, *rt)
		}
	}
	for k, o := range old.routes {
		if _, ok := next.routes[k]; !ok {
			gone := *o
			gone.Deleted = true
			out = append(out, gone)
		}
	}
	slices.SortFunc(out, func(a, b Route) int { return strings.Compare(a.Key().ID(), b.Key().ID()) })
	return out
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
	e := reqctx.EnvIndex(s.Env)
	if e < 0 {
		return Resolved{}, false
	}
	t := r.current.Load()
	tr := t.tenants[s.TenantID]
	if tr != nil {
		if s.ProjectID != "" {
			if rt := tr.projects[s.ProjectID].get(kind, e); rt != nil {
				return Resolved{Route: rt, Matched: MatchProject}, true
			}
		}
		if rt := tr.get(kind, e); rt != nil {
			if tr == t.system {
				return Resolved{Route: rt, Matched: MatchSystem}, true
			}
			return Resolved{Route: rt, Matched: MatchTenant}, true
		}
	}
	if t.system != nil && tr != t.system {
		if rt := t.system.get(kind, e); rt != nil {
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
