package access

import (
	"testing"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/reqctx"
)

func TestMatchContext(t *testing.T) {
	s := load(t, `type Query { a(tenantId: ID, env: String, input: In): Int @member @matchContext(tenant: "tenantId", env: "env", project: "input.nested.projectId") }`)
	d := s.Query.Fields.ForName("a").Directives.ForName(DirectiveMatchContext)
	full := &reqctx.RequestContext{TenantID: "t_a", Env: "prod", ProjectID: "p_1"}
	project := func(p any) map[string]any {
		return map[string]any{"nested": map[string]any{"projectId": p}}
	}
	cases := []struct {
		name string
		rc   *reqctx.RequestContext
		args map[string]any
		want apperr.Code
	}{
		{"NoArguments", full, map[string]any{}, ""},
		{"AllMatch", full, map[string]any{"tenantId": "t_a", "env": "Production", "input": project("p_1")}, ""},
		{"NullPasses", full, map[string]any{"tenantId": nil, "input": project(nil)}, ""},
		{"TenantDiffers", full, map[string]any{"tenantId": "t_b"}, apperr.ContextMismatch},
		{"EnvDiffers", full, map[string]any{"env": "staging"}, apperr.ContextMismatch},
		{"EnvMalformed", full, map[string]any{"env": "qa"}, apperr.BadUserInput},
		{"ProjectDiffers", full, map[string]any{"input": project("p_2")}, apperr.ContextMismatch},
		{"ContextLacksProject", &reqctx.RequestContext{TenantID: "t_a"}, map[string]any{"input": project("p_1")}, apperr.ContextMissing},
		{"ContextLacksEnv", &reqctx.RequestContext{TenantID: "t_a"}, map[string]any{"env": "dev"}, apperr.ContextMissing},
		{"NonStringNeverMatches", full, map[string]any{"tenantId": 7}, apperr.ContextMismatch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := matchContext(c.rc, d, c.args)
			if got := apperr.CodeOf(err); got != c.want {
				t.Fatalf("code = %q (%v), want %q", got, err, c.want)
			}
		})
	}
}

// TestServiceAccountTenants: a service account acts in its own tenant with any of its
// scopes; a t_system account serves other tenants with routes:read only. MayConnect and
// the @member check apply the same rule.
func TestServiceAccountTenants(t *testing.T) {
	account := func(own, ctxTenant string, scopes ...string) *reqctx.RequestContext {
		return &reqctx.RequestContext{ServiceAccountID: "sa_x", AccountTenantID: own, TenantID: ctxTenant, Scopes: scopes}
	}
	for _, tc := range []struct {
		name    string
		rc      *reqctx.RequestContext
		field   []string // the scopes the field admits
		connect bool
		want    apperr.Code // the field check's code; "" when it admits the account
	}{
		{"OwnTenant", account("t_a", "t_a", ScopeChatRead), []string{ScopeChatRead}, true, ""},
		{"OwnTenantScopeNotAdmitted", account("t_a", "t_a", ScopeChatRead), []string{ScopeChatWrite}, true, apperr.Forbidden},
		{"OtherTenant", account("t_a", "t_b", ScopeRoutesRead), []string{ScopeRoutesRead}, false, apperr.Forbidden},
		{"SystemRoutesAnyTenant", account(ids.System, "t_b", ScopeRoutesRead), []string{ScopeRoutesRead}, true, ""},
		{"SystemChatOtherTenant", account(ids.System, "t_b", ScopeChatRead), []string{ScopeChatRead}, false, apperr.Forbidden},
		{"SystemRoutesOnChatField", account(ids.System, "t_b", ScopeRoutesRead, ScopeChatRead), []string{ScopeChatRead}, true, apperr.Forbidden},
		{"NoTenant", account("t_a", "", ScopeChatRead), []string{ScopeChatRead}, true, apperr.ContextMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := MayConnect(tc.rc); (err == nil) != tc.connect {
				t.Fatalf("MayConnect = %v, want allowed %v", err, tc.connect)
			}
			if got := apperr.CodeOf(serviceAccountMay(tc.rc, tc.field)); got != tc.want {
				t.Fatalf("field check = %q, want %q", got, tc.want)
			}
		})
	}
	if err := MayConnect(&reqctx.RequestContext{TenantID: "t_a"}); !apperr.Is(err, apperr.Unauthenticated) {
		t.Fatalf("anonymous: %v", err)
	}
	if err := MayConnect(&reqctx.RequestContext{UserID: "u_a", TenantID: "t_a"}); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("a user who is not a member: %v", err)
	}
}
