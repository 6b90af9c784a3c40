package access

import (
	"context"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/tenancy"
)

// Guard implements the access directives. Each access directive checks who the caller
// is, then runs the field's context checks (@requireProject, @matchContext) in that
// order, so a caller learns nothing about a tenant's projects before proving membership.
type Guard struct {
	directory Directory
}

// NewGuard returns a Guard.
func NewGuard(d Directory) *Guard { return &Guard{directory: d} }

// Public implements @public.
func (g *Guard) Public(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	if err := g.contextChecks(ctx); err != nil {
		return nil, err
	}
	return next(ctx)
}

// Authenticated implements @authenticated. Returns UNAUTHENTICATED.
func (g *Guard) Authenticated(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	if err := requireUser(reqctx.From(ctx)); err != nil {
		return nil, err
	}
	if err := g.contextChecks(ctx); err != nil {
		return nil, err
	}
	return next(ctx)
}

// Member implements @member(role:, scopes:). A user must be a member of the context
// tenant holding role; a service account must hold one of scopes, in its own tenant (a
// t_system account with routes:read, in any). Returns UNAUTHENTICATED, CONTEXT_MISSING
// (no tenant), FORBIDDEN (not a member, no such tenant, role too low, a scope or tenant
// the service account does not have).
func (g *Guard) Member(ctx context.Context, _ any, next graphql.Resolver, role tenancy.Role, scopes []string) (any, error) {
	rc := reqctx.From(ctx)
	if rc.ServiceAccountID != "" {
		if err := serviceAccountMay(rc, scopes); err != nil {
			return nil, err
		}
		if err := g.contextChecks(ctx); err != nil {
			return nil, err
		}
		return next(ctx)
	}
	if err := requireUser(rc); err != nil {
		return nil, err
	}
	if rc.TenantID == "" {
		return nil, apperr.E(apperr.ContextMissing, "X-Tenant-Id is required")
	}
	if rc.Role == "" {
		return nil, apperr.E(apperr.Forbidden, "not a member of this tenant")
	}
	if !rc.Role.AtLeast(role) {
		return nil, apperr.E(apperr.Forbidden, "this requires the %s role", role)
	}
	if err := g.contextChecks(ctx); err != nil {
		return nil, err
	}
	return next(ctx)
}

// SystemAdmin implements @systemAdmin. Returns UNAUTHENTICATED, FORBIDDEN.
func (g *Guard) SystemAdmin(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	rc := reqctx.From(ctx)
	if err := requireUser(rc); err != nil {
		return nil, err
	}
	ok, err := g.IsSystemAdmin(ctx, rc)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.E(apperr.Forbidden, "this requires a system admin")
	}
	if err := g.contextChecks(ctx); err != nil {
		return nil, err
	}
	return next(ctx)
}

// IsSystemAdmin reports whether the caller is an ADMIN or OWNER of t_system.
func (g *Guard) IsSystemAdmin(ctx context.Context, rc *reqctx.RequestContext) (bool, error) {
	if rc.UserID == "" {
		return false, nil
	}
	if rc.TenantID == ids.System {
		return rc.Role.AtLeast(tenancy.RoleAdmin), nil
	}
	m, err := g.directory.Membership(ctx, ids.System, rc.UserID)
	if apperr.Is(err, apperr.NotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return m.Role.AtLeast(tenancy.RoleAdmin), nil
}

// requireUser refuses anonymous callers (UNAUTHENTICATED) and service accounts
// (FORBIDDEN: only fields that admit a scope serve them).
func requireUser(rc *reqctx.RequestContext) error {
	switch {
	case rc.ServiceAccountID != "":
		return errNotForServiceAccounts
	case rc.UserID == "":
		return apperr.E(apperr.Unauthenticated, "sign in first: send Authorization: Bearer <token>")
	}
	return nil
}

var errNotForServiceAccounts = apperr.E(apperr.Forbidden, "service accounts cannot call this field")

// serviceAccountMay checks a service account against a field's scopes: it must hold one
// of them that serves the context tenant (accountServes).
func serviceAccountMay(rc *reqctx.RequestContext, scopes []string) error {
	held := slices.ContainsFunc(scopes, func(s string) bool { return slices.Contains(rc.Scopes, s) })
	switch {
	case !held:
		return errNotForServiceAccounts
	case rc.TenantID == "":
		return apperr.E(apperr.ContextMissing, "X-Tenant-Id is required")
	}
	for _, s := range scopes {
		if slices.Contains(rc.Scopes, s) && accountServes(rc, s) {
			return nil
		}
	}
	return errOwnTenant
}

var errOwnTenant = apperr.E(apperr.Forbidden, "a service account acts only in its own tenant")

// accountServes reports whether a service account may act with scope in the context
// tenant: its own, or any for a t_system account reading routes.
func accountServes(rc *reqctx.RequestContext, scope string) bool {
	return rc.TenantID == rc.AccountTenantID || (rc.AccountTenantID == ids.System && scope == ScopeRoutesRead)
}

// MayConnect is the check a websocket's connection_init makes before any field's: the
// caller is signed in and, when the context names a tenant, may act in it — a member, or
// a service account with a scope that serves it. Returns UNAUTHENTICATED, FORBIDDEN.
func MayConnect(rc *reqctx.RequestContext) error {
	switch {
	case rc.Actor() == "":
		return apperr.E(apperr.Unauthenticated, "connection_init needs an authorization token")
	case rc.TenantID == "":
		return nil
	case rc.ServiceAccountID != "":
		if slices.ContainsFunc(rc.Scopes, func(s string) bool { return accountServes(rc, s) }) {
			return nil
		}
		return errOwnTenant
	case rc.Role == "":
		return apperr.E(apperr.Forbidden, "not a member of this tenant")
	}
	return nil
}

// contextChecks runs the field's @requireProject and @matchContext.
func (g *Guard) contextChecks(ctx context.Context) error {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Definition == nil {
		return nil
	}
	rc := reqctx.From(ctx)
	defs := fc.Field.Definition.Directives
	if defs.ForName(DirectiveRequireProject) != nil {
		if err := g.requireProject(ctx, rc); err != nil {
			return err
		}
	}
	if d := defs.ForName(DirectiveMatchContext); d != nil {
		var vars map[string]any
		if oc := graphql.GetOperationContext(ctx); oc != nil {
			vars = oc.Variables
		}
		return matchContext(rc, d, fc.Field.ArgumentMap(vars))
	}
	return nil
}

func (g *Guard) requireProject(ctx context.Context, rc *reqctx.RequestContext) error {
	if rc.ProjectID == "" {
		return apperr.E(apperr.ContextMissing, "X-Project-Id is required")
	}
	if rc.TenantID == "" {
		return apperr.E(apperr.ContextMissing, "X-Tenant-Id is required")
	}
	p, err := g.directory.Project(ctx, rc.TenantID, rc.ProjectID)
	if apperr.Is(err, apperr.NotFound) {
		return apperr.E(apperr.ContextInvalid, "X-Project-Id is not a project of the context tenant")
	}
	if err != nil {
		return err
	}
	// An archived project is read-only: its threads and messages stay readable, nothing
	// new is written into it.
	if oc := graphql.GetOperationContext(ctx); p.Archived && oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Mutation {
		return apperr.E(apperr.Conflict, "the project is archived: unarchive it to write into it")
	}
	return nil
}

// matchContext compares the arguments d names with the context.
func matchContext(rc *reqctx.RequestContext, d *ast.Directive, args map[string]any) error {
	for _, m := range []struct {
		name, header, want string
		normalize          func(string) (string, error)
	}{
		{"tenant", reqctx.HeaderTenantID, rc.TenantID, nil},
		{"env", reqctx.HeaderEnv, rc.Env, reqctx.NormalizeEnv},
		{"project", reqctx.HeaderProjectID, rc.ProjectID, nil},
	} {
		a := d.Arguments.ForName(m.name)
		if a == nil {
			continue
		}
		got, ok := lookup(args, a.Value.Raw)
		if !ok {
			continue
		}
		if m.normalize != nil {
			n, err := m.normalize(got)
			if err != nil {
				return apperr.E(apperr.BadUserInput, "%s: %s", a.Value.Raw, apperr.MessageOf(err))
			}
			got = n
		}
		if m.want == "" {
			return apperr.E(apperr.ContextMissing, "%s is required because %s is given", m.header, a.Value.Raw)
		}
		if got != m.want {
			return apperr.E(apperr.ContextMismatch, "%s does not match %s", a.Value.Raw, m.header)
		}
	}
	return nil
}

// lookup follows a dotted path through argument values. A missing or null value is not
// found; a value that is not a string is reported as found and empty, so it never matches.
func lookup(args map[string]any, path string) (string, bool) {
	var cur any = args
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return "", false
		}
		if cur, ok = m[part]; !ok || cur == nil {
			return "", false
		}
	}
	s, ok := cur.(string)
	if !ok {
		return "", true
	}
	return s, true
}
