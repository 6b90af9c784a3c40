package main

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/chatbus"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/resolvers"
)

// chatService returns the chat service, connecting the bus the chat_bus route of
// (t_system, env) names on first use. Returns ROUTE_MISSING while there is no such route.
func (m *Main) chatService(ctx context.Context) (resolvers.Chat, error) {
	if err := m.connectBus(ctx); err != nil {
		return nil, err
	}
	return m.chat, nil
}

// chatBus returns the connected bus (for revocations).
func (m *Main) chatBus(ctx context.Context) (chat.Bus, error) {
	if err := m.connectBus(ctx); err != nil {
		return nil, err
	}
	return m.bus, nil
}

func (m *Main) connectBus(ctx context.Context) error {
	m.busMu.Lock()
	defer m.busMu.Unlock()
	if m.bus != nil {
		return nil
	}
	k := routing.Key{ResourceKind: "chat_bus", Scope: routing.Scope{TenantID: ids.System, Env: m.cfg.Env}}
	rt, ok := m.registry.Get(k)
	if !ok {
		return apperr.E(apperr.RouteMissing, "no chat_bus route for (t_system, %s)", m.cfg.Env)
	}
	client, err := chatbus.Dial(ctx, &rt, m.secrets)
	if err != nil {
		return err
	}
	m.redis = client
	m.bus = chatbus.NewBus(client, chatbus.Options{Log: m.log, Counters: m.metrics})
	m.chat = chat.NewService(chat.Config{Store: m.store, Bus: m.bus, Log: m.log, Counters: m.metrics})
	fctx, stop := context.WithCancel(context.Background())
	m.stopFollow = stop
	events := &accessEvents{sessions: m.sessions, cache: m.cached, log: m.log}
	go events.follow(fctx, m.bus)
	return nil
}

// tenantSubscriptions caps live subscriptions per tenant in this process.
type tenantSubscriptions struct {
	limit int
	mu    sync.Mutex
	count map[string]int
}

// around admits a subscription when its tenant is under the cap and releases the slot
// when the subscription ends; queries and mutations pass through.
func (l *tenantSubscriptions) around(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	tenant := reqctx.From(ctx).TenantID
	l.mu.Lock()
	if l.count[tenant] >= l.limit {
		l.mu.Unlock()
		err := &gqlerror.Error{Message: "too many live subscriptions for this tenant", Extensions: map[string]any{
			"code": string(apperr.RateLimited), "status": apperr.Status(apperr.RateLimited)}}
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
	}
	l.count[tenant]++
	l.mu.Unlock()
	var once sync.Once
	release := func() {
		once.Do(func() {
			l.mu.Lock()
			if l.count[tenant]--; l.count[tenant] <= 0 {
				delete(l.count, tenant)
			}
			l.mu.Unlock()
		})
	}
	context.AfterFunc(ctx, release)
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		r := h(ctx)
		if r == nil {
			release()
		}
		return r
	}
}
