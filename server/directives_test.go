package main

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/access"
)

// TestSchemaIsDenyByDefault fails when any root field of the served schema lacks its
// access directive, and proves the check notices the removal of each one.
func TestSchemaIsDenyByDefault(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	if err := access.CheckSchema(schema); err != nil {
		t.Fatal(err)
	}
	for _, root := range []*ast.Definition{schema.Query, schema.Mutation, schema.Subscription} {
		if root == nil {
			continue
		}
		for _, f := range root.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			t.Run(root.Name+"."+f.Name, func(t *testing.T) {
				saved := f.Directives
				defer func() { f.Directives = saved }()
				var kept ast.DirectiveList
				for _, d := range saved {
					switch d.Name {
					case access.DirectivePublic, access.DirectiveAuthenticated, access.DirectiveMember, access.DirectiveSystemAdmin:
					default:
						kept = append(kept, d)
					}
				}
				f.Directives = kept
				err := access.CheckSchema(schema)
				if err == nil || !strings.Contains(err.Error(), root.Name+"."+f.Name) {
					t.Fatalf("removing the access directive of %s.%s went unnoticed: %v", root.Name, f.Name, err)
				}
			})
		}
	}
}

func TestDirectives(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	ann := ts.signup(t, "ann") // OWNER of her tenant
	bob := ts.signup(t, "bob")
	carol := ts.signup(t, "carol")
	dave := ts.signup(t, "dave")
	project := ts.createProject(t, ann, "Apollo")
	bobProject := ts.createProject(t, bob, "Borealis")

	invite := func(t *testing.T, by account, email, role string) response {
		t.Helper()
		return ts.gql(t, by.headers(), inviteMutation, map[string]any{"i": map[string]any{"tenantId": by.TenantID, "email": email, "role": role}})
	}
	ts.addMemberAs(t, ann, bob, "VIEWER")
	ts.addMemberAs(t, ann, carol, "ADMIN")
	asIn := func(a account) headers { return bearer(a.Token).with("X-Tenant-Id", ann.TenantID) }

	t.Run("Public", func(t *testing.T) {
		var out struct{ Login struct{ Token string } }
		ts.gql(t, nil, `mutation { login(input: {email: "`+ann.Email+`", password: "password-ann"}) { token } }`, nil).decode(t, &out)
		if out.Login.Token == "" {
			t.Fatal("login gave no token")
		}
	})
	t.Run("Authenticated", func(t *testing.T) {
		expectError(t, ts.gql(t, nil, `{ me { id } }`, nil), "UNAUTHENTICATED", 401)
		var out struct{ Me struct{ ID, Email string } }
		ts.gql(t, bearer(ann.Token), `{ me { id email } }`, nil).decode(t, &out)
		if out.Me.ID != ann.UserID || out.Me.Email != ann.Email {
			t.Fatalf("me = %+v, want %s", out.Me, ann.UserID)
		}
	})
	t.Run("Member/Viewer", func(t *testing.T) {
		var out struct{ Tenant struct{ ID string } }
		ts.gql(t, asIn(bob), `{ tenant { id } }`, nil).decode(t, &out)
		if out.Tenant.ID != ann.TenantID {
			t.Fatalf("tenant = %q", out.Tenant.ID)
		}
		expectError(t, ts.gql(t, asIn(bob), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "Nope"}}), "FORBIDDEN", 403)
		expectError(t, ts.gql(t, asIn(bob), `{ members { userId } }`, nil), "FORBIDDEN", 403)
	})
	t.Run("Member/Admin", func(t *testing.T) {
		var out struct{ CreateProject struct{ ID string } }
		ts.gql(t, asIn(carol), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "By Carol"}}).decode(t, &out)
		carolIn := carol
		carolIn.TenantID = ann.TenantID
		expectError(t, invite(t, carolIn, dave.Email, "OWNER"), "FORBIDDEN", 403)
		invite(t, carolIn, dave.Email, "MEMBER").decode(t, &struct{}{})
		expectError(t, invite(t, ann, dave.Email, "OWNER"), "CONFLICT", 409) // one pending invitation per email
	})
	t.Run("Member/NotMember", func(t *testing.T) {
		expectError(t, ts.gql(t, bearer(ann.Token).with("X-Tenant-Id", bob.TenantID), `{ tenant { id } }`, nil), "FORBIDDEN", 403)
	})
	t.Run("SystemAdmin", func(t *testing.T) {
		const set = `mutation($t: ID!, $m: String!, $v: Int) { setTenantMode(tenantId: $t, mode: $m, expectedVersion: $v) { id mode { id } version } }`
		expectError(t, ts.gql(t, ann.headers(), set, map[string]any{"t": ann.TenantID, "m": "lab"}), "FORBIDDEN", 403)
		var out struct {
			SetTenantMode struct {
				Mode    struct{ ID string }
				Version int
			}
		}
		ts.gql(t, bearer(admin.Token), set, map[string]any{"t": ann.TenantID, "m": "lab", "v": 1}).decode(t, &out)
		if out.SetTenantMode.Mode.ID != "lab" || out.SetTenantMode.Version != 2 {
			t.Fatalf("setTenantMode = %+v, want lab at version 2", out.SetTenantMode)
		}
		expectError(t, ts.gql(t, bearer(admin.Token), set, map[string]any{"t": ann.TenantID, "m": "saas", "v": 1}), "CONFLICT", 409)
		expectError(t, ts.gql(t, bearer(admin.Token), set, map[string]any{"t": ann.TenantID, "m": "galactic"}), "BAD_USER_INPUT", 400)
		expectError(t, ts.gql(t, bearer(admin.Token), set, map[string]any{"t": "t_nosuchtenant", "m": "saas"}), "NOT_FOUND", 404)
		var ctxInfo struct{ Context struct{ Mode string } }
		ts.gql(t, ann.headers(), `{ context { mode } }`, nil).decode(t, &ctxInfo)
		if ctxInfo.Context.Mode != "lab" {
			t.Fatalf("context mode = %q, want lab", ctxInfo.Context.Mode)
		}
	})
	t.Run("RequireProject", func(t *testing.T) {
		var out struct{ ContextProject struct{ ID string } }
		ts.gql(t, ann.headers().with("X-Project-Id", project), `{ contextProject { id } }`, nil).decode(t, &out)
		if out.ContextProject.ID != project {
			t.Fatalf("contextProject = %q, want %q", out.ContextProject.ID, project)
		}
		expectError(t, ts.gql(t, ann.headers(), `{ contextProject { id } }`, nil), "CONTEXT_MISSING", 400)
		expectError(t, ts.gql(t, ann.headers().with("X-Project-Id", bobProject), `{ contextProject { id } }`, nil), "CONTEXT_INVALID", 400)
		expectError(t, ts.gql(t, ann.headers().with("X-Project-Id", "p_nosuchproject"), `{ contextProject { id } }`, nil), "CONTEXT_INVALID", 400)
		// Membership is checked first: a non-member learns nothing about the tenant's projects.
		expectError(t, ts.gql(t, bearer(dave.Token).with("X-Tenant-Id", bob.TenantID, "X-Project-Id", bobProject), `{ contextProject { id } }`, nil), "FORBIDDEN", 403)
	})
	t.Run("MatchContext", func(t *testing.T) {
		expectError(t, ts.gql(t, ann.headers(), `mutation($i: CreateSurfaceInput!) { createSurface(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": bob.TenantID, "name": "Web"}}), "CONTEXT_MISMATCH", 400)
		var out struct{ CreateSurface struct{ ID, TenantID string } }
		ts.gql(t, ann.headers(), `mutation($i: CreateSurfaceInput!) { createSurface(input: $i) { id tenantId } }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "Web"}}).decode(t, &out)
		if out.CreateSurface.TenantID != ann.TenantID {
			t.Fatalf("surface tenant = %q", out.CreateSurface.TenantID)
		}
	})
}
