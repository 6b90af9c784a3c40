package httpapi

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/reqctx"
)

// SubscriptionQuota counts live subscriptions per tenant across replicas (chatbus.Quota).
type SubscriptionQuota interface {
	// Acquire admits one more live subscription of tenantID when the tenant has fewer
	// than limit; ok is false at the limit. A non-nil err (UNAVAILABLE, or ROUTE_MISSING
	// while there is no chat_bus route) says the count across replicas could not be
	// asked, and ok then counts this replica's subscriptions alone.
	Acquire(ctx context.Context, tenantID string, limit int) (ok bool, err error)
	// Release gives back a subscription Acquire admitted; it is called once for each.
	Release(ctx context.Context, tenantID string)
}

// tenantSubscriptions caps a tenant's live subscriptions across every replica.
type tenantSubscriptions struct {
	limit int
	quota SubscriptionQuota
	log   *slog.Logger
}

// around admits a subscription when its tenant is under the cap and releases the slot
// when the subscription ends; queries and mutations pass through.
func (l *tenantSubscriptions) around(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	tenant := reqctx.From(ctx).TenantID
	ok, err := l.quota.Acquire(ctx, tenant, l.limit)
	if err != nil && !apperr.Is(err, apperr.RouteMissing) {
		l.log.WarnContext(ctx, "subscription quota: Redis unavailable; counting this replica's subscriptions only", "err", err)
	}
	if !ok {
		return refuse(ctx, apperr.RateLimited, "too many live subscriptions for this tenant")
	}
	var once sync.Once
	release := func() {
		once.Do(func() {
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), commandTimeout)
			defer cancel()
			l.quota.Release(rctx, tenant)
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

// commandTimeout bounds releasing a subscription's quota slot.
const commandTimeout = 2 * time.Second
