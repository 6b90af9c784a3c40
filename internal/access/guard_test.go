package access

import (
	"testing"

	"github.com/northstar/northstar/internal/apperr"
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
