package routing

import (
	"context"

	"github.com/northstar/northstar/internal/fanout"
	"github.com/northstar/northstar/internal/ids"
)

// Filter selects the changes a subscriber sees. Empty fields match everything, except
// that a subscriber of a tenant also sees t_system's routes: they are its defaults.
type Filter struct {
	TenantID     string
	Env          string
	ResourceKind string
}

func (f Filter) match(r Route) bool {
	return (f.TenantID == "" || r.TenantID == f.TenantID || r.TenantID == ids.System) &&
		(f.Env == "" || r.Env == f.Env) &&
		(f.ResourceKind == "" || r.ResourceKind == f.ResourceKind)
}

// subscriberBuffer is how many changes a subscriber may fall behind before it is dropped.
const subscriberBuffer = 64

type subscriber struct {
	filter Filter
	queue  *fanout.Queue[Route] // guarded by Registry.mu
}

// Subscribe streams route changes matching f until ctx ends. A subscriber that falls
// more than a buffer behind is disconnected (its channel closes) rather than slowing the
// registry (the fanout rule); it can subscribe again and re-read the routes.
func (r *Registry) Subscribe(ctx context.Context, f Filter) <-chan Route {
	s := &subscriber{filter: f, queue: fanout.NewQueue[Route](subscriberBuffer)}
	r.mu.Lock()
	r.subs[s] = struct{}{}
	r.mu.Unlock()
	go func() {
		<-ctx.Done()
		r.drop(s)
	}()
	return s.queue.C()
}

func (r *Registry) drop(s *subscriber) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dropLocked(s)
}

func (r *Registry) dropLocked(s *subscriber) {
	delete(r.subs, s)
	s.queue.Close()
}

func (r *Registry) publish(changes []Route) {
	if len(changes) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
subscribers:
	for s := range r.subs {
		for _, c := range changes {
			if !s.filter.match(c) {
				continue
			}
			if !s.queue.Offer(c) {
				r.dropLocked(s)
				continue subscribers
			}
		}
	}
}

// Subscribers returns how many change subscribers are attached.
func (r *Registry) Subscribers() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.subs)
}
