package resolvers

import (
	"github.com/northstar/northstar/graph/model"
	"github.com/northstar/northstar/internal/tenancy"
)

// authPayload issues a token for u.
func (r *Resolver) authPayload(u tenancy.User, t *tenancy.Tenant) (*model.AuthPayload, error) {
	token, claims, err := r.tokens.Issue(u.ID)
	if err != nil {
		return nil, err
	}
	return &model.AuthPayload{Token: token, ExpiresAt: claims.ExpiresAt, User: &u, Tenant: t}, nil
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
