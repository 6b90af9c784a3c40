package resolvers

import (
	"context"
	"slices"
	"strings"

	"github.com/northstar/northstar/graph/model"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/serviceaccount"
	"github.com/northstar/northstar/internal/session"
	"github.com/northstar/northstar/internal/tenancy"
)

// authPayload shapes a grant.
func authPayload(g session.Grant, t *tenancy.Tenant) *model.AuthPayload {
	return &model.AuthPayload{Token: g.AccessToken, ExpiresAt: g.Claims.ExpiresAt, RefreshToken: &g.RefreshToken, User: &g.User, Tenant: t}
}

// client describes the caller for a new session.
func client(ctx context.Context) session.Client {
	rc := reqctx.From(ctx)
	return session.Client{Address: rc.ClientAddress, UserAgent: rc.UserAgent}
}

// sessionOf shapes s for its owner, marking the session of the request's token.
func sessionOf(s session.Session, current string) *model.Session {
	return &model.Session{ID: s.ID, CreatedAt: s.CreatedAt, LastUsedAt: s.LastUsedAt, Current: s.ID == current,
		UserAgent: optional(s.UserAgent), Address: optional(s.Address)}
}

// ptr returns &v, or the error.
func ptr[T any](v T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// ptrs returns pointers to every element of vs, or the error.
func ptrs[T any](vs []T, err error) ([]*T, error) {
	if err != nil {
		return nil, err
	}
	out := make([]*T, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out, nil
}

// optional maps "" to null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// deref returns *p, or def when p is nil.
func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// configMap turns config entries into a map; a repeated key keeps its last value.
func configMap(entries []*model.ConfigEntryInput) map[string]string {
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		m[e.Key] = e.Value
	}
	return m
}

// configEntries lists a config map sorted by key.
func configEntries(m map[string]string) []*model.ConfigEntry {
	out := make([]*model.ConfigEntry, 0, len(m))
	for k, v := range m {
		out = append(out, &model.ConfigEntry{Key: k, Value: v})
	}
	slices.SortFunc(out, func(a, b *model.ConfigEntry) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// forward relays a service's change stream to a subscription until either ends: the one
// place subscription channels are plumbed. The service closes in when it drops the
// subscriber; forward then closes the subscription, which ends it for the client.
func forward[T any](ctx context.Context, in <-chan T) <-chan *T {
	out := make(chan *T, 1)
	go func() {
		defer close(out)
		for {
			select {
			case <-ctx.Done():
				return
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- &v:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

// chatScope is the chat scope of a request.
func chatScope(rc *reqctx.RequestContext) chat.Scope {
	return chat.Scope{TenantID: rc.TenantID, Env: rc.Env, ProjectID: rc.ProjectID}
}

// serviceAccountOf shapes a service account (never its secret hash).
func serviceAccountOf(a serviceaccount.Account) *model.ServiceAccount {
	return &model.ServiceAccount{ID: a.ID, TenantID: a.TenantID, Name: a.Name, Scopes: a.Scopes, CreatedAt: a.CreatedAt}
}

// credentials shapes an account with its secret, shown once.
func credentials(c serviceaccount.Credentials) *model.ServiceAccountCredentials {
	return &model.ServiceAccountCredentials{ServiceAccount: serviceAccountOf(c.Account), ClientID: c.Account.ID, ClientSecret: c.Secret}
}

// planOutcomes names routing.Apply's outcomes in the schema.
var planOutcomes = map[routing.Outcome]model.RoutePlanOutcome{
	routing.Created:   model.RoutePlanOutcomeCreate,
	routing.Updated:   model.RoutePlanOutcomeUpdate,
	routing.Unchanged: model.RoutePlanOutcomeUnchanged,
}
