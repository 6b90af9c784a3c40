package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/northstar/northstar/graph"
)

// TestTenantIsolation has a member of tenant A try every root field against tenant B:
// with B as the context tenant, and with A as the context but B's ids as arguments. Every
// attempt is refused, and B is unchanged afterwards. A root field missing from the table
// fails the test, so new fields must state how they keep tenants apart.
func TestTenantIsolation(t *testing.T) {
	ts := newServer(t)
	ts.bootstrap(t)
	a := ts.signup(t, "alice")
	b := ts.signup(t, "bruno")
	bProject := ts.createProject(t, b, "Secret")
	bInvitation := ts.invite(t, b, "someone@example.com", "ADMIN")
	var bRecords struct{ CreateSurface, CreateApp struct{ ID string } }
	ts.gql(t, b.headers(), `mutation($s: CreateSurfaceInput!, $a: CreateAppInput!) { createSurface(input: $s) { id } createApp(input: $a) { id } }`,
		map[string]any{"s": map[string]any{"tenantId": b.TenantID, "name": "B site"}, "a": map[string]any{"tenantId": b.TenantID, "name": "B app"}}).decode(t, &bRecords)
	bSurface, bApp := bRecords.CreateSurface.ID, bRecords.CreateApp.ID
	aInB := bearer(a.Token).with("X-Tenant-Id", b.TenantID)
	in := func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return map[string]any{"i": m}
	}

	type attempt struct {
		h     headers
		query string
		vars  map[string]any
		code  string
	}
	forbidden := func(query string, vars map[string]any) []attempt {
		return []attempt{{aInB, query, vars, "FORBIDDEN"}}
	}
	bAccount := ts.createServiceAccount(t, b, "b-bot", "routes:read").ClientID
	aSessions := ts.mySessions(t, a)
	if len(aSessions) != 1 {
		t.Fatalf("alice's sessions: %+v", aSessions)
	}
	table := map[string][]attempt{
		"Query.tenant":         forbidden(`{ tenant { id } }`, nil),
		"Query.members":        forbidden(`{ members { userId } }`, nil),
		"Query.projects":       forbidden(`{ projects { edges { node { id } } } }`, nil),
		"Query.surfaces":       forbidden(`{ surfaces { id } }`, nil),
		"Query.apps":           forbidden(`{ apps { id } }`, nil),
		"Query.surface":        {{aInB, `query($id: ID!) { surface(id: $id) { id } }`, map[string]any{"id": bSurface}, "FORBIDDEN"}, {a.headers(), `query($id: ID!) { surface(id: $id) { id } }`, map[string]any{"id": bSurface}, "NOT_FOUND"}},
		"Query.app":            {{aInB, `query($id: ID!) { app(id: $id) { id } }`, map[string]any{"id": bApp}, "FORBIDDEN"}, {a.headers(), `query($id: ID!) { app(id: $id) { id } }`, map[string]any{"id": bApp}, "NOT_FOUND"}},
		"Query.contextProject": {{aInB.with("X-Project-Id", bProject), `{ contextProject { id } }`, nil, "FORBIDDEN"}, {a.headers().with("X-Project-Id", bProject), `{ contextProject { id } }`, nil, "CONTEXT_INVALID"}},
		"Query.project":        {{aInB, `query($id: ID!) { project(id: $id) { id } }`, map[string]any{"id": bProject}, "FORBIDDEN"}, {a.headers(), `query($id: ID!) { project(id: $id) { id } }`, map[string]any{"id": bProject}, "NOT_FOUND"}},
		"Mutation.createProject": {
			{aInB, `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "X"), "FORBIDDEN"},
			{a.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "X"), "CONTEXT_MISMATCH"},
		},
		"Mutation.updateProject": {
			{aInB, `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }`, in("projectId", bProject, "name", "Pwned", "expectedVersion", 1), "FORBIDDEN"},
			{a.headers(), `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }`, in("projectId", bProject, "name", "Pwned", "expectedVersion", 1), "NOT_FOUND"},
		},
		"Mutation.archiveProject": {
			{aInB, `mutation($i: ArchiveProjectInput!) { archiveProject(input: $i) { id } }`, in("projectId", bProject, "expectedVersion", 1), "FORBIDDEN"},
			{a.headers(), `mutation($i: ArchiveProjectInput!) { archiveProject(input: $i) { id } }`, in("projectId", bProject, "expectedVersion", 1), "NOT_FOUND"},
		},
		"Mutation.inviteMember": {
			{aInB, inviteMutation, in("tenantId", b.TenantID, "email", a.Email, "role", "OWNER"), "FORBIDDEN"},
			{a.headers(), inviteMutation, in("tenantId", b.TenantID, "email", a.Email, "role", "OWNER"), "CONTEXT_MISMATCH"},
		},
		"Query.invitations": forbidden(`{ invitations { id } }`, nil),
		// B's invitation to someone else: alice can neither answer it (it is not to her
		// email: NOT_FOUND, as if it did not exist) nor revoke it (not her tenant).
		"Mutation.acceptInvitation":  {{bearer(a.Token), acceptMutation, map[string]any{"id": bInvitation}, "NOT_FOUND"}},
		"Mutation.declineInvitation": {{bearer(a.Token), `mutation($id: ID!) { declineInvitation(id: $id) }`, map[string]any{"id": bInvitation}, "NOT_FOUND"}},
		"Mutation.revokeInvitation": {
			{aInB, `mutation($id: ID!) { revokeInvitation(id: $id) }`, map[string]any{"id": bInvitation}, "FORBIDDEN"},
			{a.headers(), `mutation($id: ID!) { revokeInvitation(id: $id) }`, map[string]any{"id": bInvitation}, "NOT_FOUND"},
		},
		"Mutation.updateSurface": {
			{aInB, `mutation($i: UpdateSurfaceInput!) { updateSurface(input: $i) { id } }`, in("id", bSurface, "name", "Pwned", "expectedVersion", 1), "FORBIDDEN"},
			{a.headers(), `mutation($i: UpdateSurfaceInput!) { updateSurface(input: $i) { id } }`, in("id", bSurface, "name", "Pwned", "expectedVersion", 1), "NOT_FOUND"},
		},
		"Mutation.deleteSurface": {
			{aInB, `mutation($id: ID!) { deleteSurface(id: $id) }`, map[string]any{"id": bSurface}, "FORBIDDEN"},
			{a.headers(), `mutation($id: ID!) { deleteSurface(id: $id) }`, map[string]any{"id": bSurface}, "NOT_FOUND"},
		},
		"Mutation.updateApp": {
			{aInB, `mutation($i: UpdateAppInput!) { updateApp(input: $i) { id } }`, in("id", bApp, "name", "Pwned", "expectedVersion", 1), "FORBIDDEN"},
			{a.headers(), `mutation($i: UpdateAppInput!) { updateApp(input: $i) { id } }`, in("id", bApp, "name", "Pwned", "expectedVersion", 1), "NOT_FOUND"},
		},
		"Mutation.deleteApp": {
			{aInB, `mutation($id: ID!) { deleteApp(id: $id) }`, map[string]any{"id": bApp}, "FORBIDDEN"},
			{a.headers(), `mutation($id: ID!) { deleteApp(id: $id) }`, map[string]any{"id": bApp}, "NOT_FOUND"},
		},
		// Modes are t_system's: only system admins change them.
		"Mutation.createMode": forbidden(`mutation { createMode(input: {id: "pwned", name: "Pwned"}) { id } }`, nil),
		"Mutation.updateMode": forbidden(`mutation { updateMode(input: {id: "saas", name: "Pwned", expectedVersion: 1}) { id } }`, nil),
		"Mutation.deleteMode": forbidden(`mutation { deleteMode(id: "lab") }`, nil),
		// myInvitations shows only invitations to the caller's own email (TestInvitations).
		"Query.myInvitations": nil,
		"Mutation.createSurface": {
			{aInB, `mutation($i: CreateSurfaceInput!) { createSurface(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "X"), "FORBIDDEN"},
			{a.headers(), `mutation($i: CreateSurfaceInput!) { createSurface(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "X"), "CONTEXT_MISMATCH"},
		},
		"Mutation.createApp": {
			{aInB, `mutation($i: CreateAppInput!) { createApp(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "X"), "FORBIDDEN"},
			{a.headers(), `mutation($i: CreateAppInput!) { createApp(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "X"), "CONTEXT_MISMATCH"},
		},
		"Query.route":  forbidden(`{ route(resourceKind: "chat_bus") { matchedScope } }`, nil),
		"Query.routes": forbidden(`{ routes { resourceKind } }`, nil),
		"Query.routesPlan": {
			{aInB, `query($f: String!) { routesPlan(file: $f) { outcome } }`, map[string]any{"f": "routes: []"}, "FORBIDDEN"},
			{a.headers(), `query($f: String!) { routesPlan(file: $f) { outcome } }`, map[string]any{"f": "routes:\n  - {resourceKind: media, tenantId: " + b.TenantID + ", env: prod, backendType: gcs, config: {bucket: b}}\n"}, "FORBIDDEN"},
		},
		"Mutation.setRoute": {
			{aInB, `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`, in("resourceKind", "media", "tenantId", b.TenantID, "env", "prod", "backendType", "gcs", "config", []any{map[string]any{"key": "bucket", "value": "evil"}}), "FORBIDDEN"},
			{a.headers(), `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`, in("resourceKind", "media", "tenantId", b.TenantID, "env", "prod", "backendType", "gcs", "config", []any{map[string]any{"key": "bucket", "value": "evil"}}), "CONTEXT_MISMATCH"},
		},
		"Mutation.deleteRoute": {
			{aInB, `mutation($i: DeleteRouteInput!) { deleteRoute(input: $i) }`, in("resourceKind", "media", "tenantId", b.TenantID, "env", "prod"), "FORBIDDEN"},
			{a.headers(), `mutation($i: DeleteRouteInput!) { deleteRoute(input: $i) }`, in("resourceKind", "media", "tenantId", b.TenantID, "env", "prod"), "CONTEXT_MISMATCH"},
		},
		// Subscriptions run over websockets: TestRouteChangedIsolation covers routeChanged,
		// TestSubscriptionResume/OtherTenantRefused and TestOwnershipSurvivesRestart cover
		// messagePosted.
		"Subscription.routeChanged":  nil,
		"Subscription.messagePosted": nil,
		"Mutation.unarchiveProject": {
			{aInB, `mutation($i: ArchiveProjectInput!) { unarchiveProject(input: $i) { id } }`, in("projectId", bProject, "expectedVersion", 1), "FORBIDDEN"},
			{a.headers(), `mutation($i: ArchiveProjectInput!) { unarchiveProject(input: $i) { id } }`, in("projectId", bProject, "expectedVersion", 1), "NOT_FOUND"},
		},
		"Mutation.updateTenant": {
			{aInB, `mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "Pwned", "expectedVersion", 1), "FORBIDDEN"},
			{a.headers(), `mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { id } }`, in("tenantId", b.TenantID, "name", "Pwned", "expectedVersion", 1), "CONTEXT_MISMATCH"},
		},
		"Query.allTenants":  {{a.headers(), `{ allTenants { edges { node { id } } } }`, nil, "FORBIDDEN"}},
		"Query.auditEvents": forbidden(`{ auditEvents { edges { node { id } } } }`, nil),
		"Mutation.setMemberRole": {
			{aInB, `mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { role } }`, in("tenantId", b.TenantID, "userId", b.UserID, "role", "VIEWER"), "FORBIDDEN"},
			{a.headers(), `mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { role } }`, in("tenantId", b.TenantID, "userId", b.UserID, "role", "VIEWER"), "CONTEXT_MISMATCH"},
		},
		"Mutation.leaveTenant": {
			{aInB, `mutation($t: ID!) { leaveTenant(tenantId: $t) }`, map[string]any{"t": b.TenantID}, "FORBIDDEN"},
			{a.headers(), `mutation($t: ID!) { leaveTenant(tenantId: $t) }`, map[string]any{"t": b.TenantID}, "CONTEXT_MISMATCH"},
		},
		"Mutation.removeMember": {
			{aInB, `mutation($i: RemoveMemberInput!) { removeMember(input: $i) }`, in("tenantId", b.TenantID, "userId", b.UserID), "FORBIDDEN"},
			{a.headers(), `mutation($i: RemoveMemberInput!) { removeMember(input: $i) }`, in("tenantId", b.TenantID, "userId", b.UserID), "CONTEXT_MISMATCH"},
		},
		// Chat fields need a project of the context tenant: B's project in A's context is
		// CONTEXT_INVALID, and A in B's tenant is FORBIDDEN before any project check.
		"Query.thread":           {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), `{ thread(id: "h_x") { id } }`, nil, "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), `{ thread(id: "h_x") { id } }`, nil, "CONTEXT_INVALID"}},
		"Query.threads":          {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), `{ threads { id } }`, nil, "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), `{ threads { id } }`, nil, "CONTEXT_INVALID"}},
		"Query.messages":         {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), `{ messages(threadId: "h_x") { seq } }`, nil, "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), `{ messages(threadId: "h_x") { seq } }`, nil, "CONTEXT_INVALID"}},
		"Mutation.createThread":  {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`, in("projectId", bProject, "title", "X"), "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`, in("projectId", bProject, "title", "X"), "CONTEXT_INVALID"}},
		"Mutation.postMessage":   {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`, in("threadId", "h_x", "text", "X"), "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`, in("threadId", "h_x", "text", "X"), "CONTEXT_INVALID"}},
		"Query.canvas":           {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), `{ canvas(id: "c_x") { id } }`, nil, "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), `{ canvas(id: "c_x") { id } }`, nil, "CONTEXT_INVALID"}},
		"Query.canvases":         {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), `{ canvases { id } }`, nil, "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), `{ canvases { id } }`, nil, "CONTEXT_INVALID"}},
		"Mutation.createCanvas":  {{aInB.with("X-Env", "prod", "X-Project-Id", bProject), createCanvasMutation, in("projectId", bProject, "title", "X"), "FORBIDDEN"}, {a.headers().with("X-Env", "prod", "X-Project-Id", bProject), createCanvasMutation, in("projectId", bProject, "title", "X"), "CONTEXT_INVALID"}},
		"Mutation.setTenantMode": forbidden(`mutation($t: ID!) { setTenantMode(tenantId: $t, mode: "lab") { id } }`, map[string]any{"t": b.TenantID}),
		// Fields that take no tenant: each is checked below to show only the caller's own data.
		"Query.me": nil, "Query.context": nil, "Query.tenants": nil, "Query.modes": nil,
		"Mutation.signup": nil, "Mutation.login": nil, "Mutation.bootstrapSystem": nil, "Mutation.createTenant": nil,
		// Sessions belong to a user, not a tenant: each field acts on the caller's own
		// (TestSessions); another user's session is NOT_FOUND.
		"Query.sessions": nil, "Mutation.refreshSession": nil, "Mutation.logout": nil, "Mutation.changePassword": nil,
		"Query.serviceAccounts": forbidden(`{ serviceAccounts { id } }`, nil),
		"Mutation.createServiceAccount": {
			{aInB, `mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { clientId } }`, in("tenantId", b.TenantID, "name", "X", "scopes", []string{"routes:read"}), "FORBIDDEN"},
			{a.headers(), `mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { clientId } }`, in("tenantId", b.TenantID, "name", "X", "scopes", []string{"routes:read"}), "CONTEXT_MISMATCH"},
		},
		"Mutation.rotateServiceAccountSecret": {
			{aInB, `mutation($id: ID!) { rotateServiceAccountSecret(id: $id) { clientId } }`, map[string]any{"id": bAccount}, "FORBIDDEN"},
			{a.headers(), `mutation($id: ID!) { rotateServiceAccountSecret(id: $id) { clientId } }`, map[string]any{"id": bAccount}, "NOT_FOUND"},
		},
		"Mutation.deleteServiceAccount": {
			{aInB, `mutation($id: ID!) { deleteServiceAccount(id: $id) }`, map[string]any{"id": bAccount}, "FORBIDDEN"},
			{a.headers(), `mutation($id: ID!) { deleteServiceAccount(id: $id) }`, map[string]any{"id": bAccount}, "NOT_FOUND"},
		},
		"Mutation.revokeSession": {{bearer(b.Token), `mutation($id: ID!) { revokeSession(id: $id) }`, map[string]any{"id": aSessions[0].ID}, "NOT_FOUND"}},
	}

	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	for _, root := range []*ast.Definition{schema.Query, schema.Mutation, schema.Subscription} {
		if root == nil {
			continue
		}
		for _, f := range root.Fields {
			if name := root.Name + "." + f.Name; !strings.HasPrefix(f.Name, "__") {
				if _, ok := table[name]; !ok {
					t.Errorf("%s is not in the isolation table: add how a member of another tenant is refused", name)
				}
			}
		}
	}

	for name, attempts := range table {
		for i, at := range attempts {
			t.Run(fmt.Sprintf("%s/%d", name, i), func(t *testing.T) {
				r := ts.gql(t, at.h, at.query, at.vars)
				if r.code() != at.code {
					t.Fatalf("got HTTP %d %q %+v, want %s", r.Status, r.code(), r.Errors, at.code)
				}
			})
		}
	}

	t.Run("OwnDataOnly", func(t *testing.T) {
		var out struct {
			Me      struct{ ID string }
			Tenants []struct{ ID string }
			Context struct{ Roles []string }
		}
		ts.gql(t, aInB, `{ me { id } tenants { id } context { roles } }`, nil).decode(t, &out)
		if out.Me.ID != a.UserID || len(out.Tenants) != 1 || out.Tenants[0].ID != a.TenantID || len(out.Context.Roles) != 0 {
			t.Fatalf("a sees %+v", out)
		}
	})

	t.Run("BUnchanged", func(t *testing.T) {
		out := ts.tenantState(t, b.headers())
		if out.Tenant.Mode.ID != "saas" || len(out.Members) != 1 || out.Members[0].UserID != b.UserID ||
			len(out.Projects.Edges) != 1 || len(out.Surfaces) != 1 || len(out.Apps) != 1 || len(out.Routes) != 0 {
			t.Fatalf("tenant B changed: %+v", out)
		}
		if p := out.Projects.Edges[0].Node; p.ID != bProject || p.Name != "Secret" || p.Version != 1 || p.Archived {
			t.Fatalf("B's project changed: %+v", p)
		}
		if s := statusOf(ts.invitationsOf(t, b.headers(), "invitations"), bInvitation); s != "PENDING" {
			t.Errorf("B's invitation is %s after alice's attempts", s)
		}
		// B's audit log holds only B's own writes: nothing alice tried was recorded.
		evs, _ := ts.auditLog(t, b.headers(), map[string]any{"first": 100})
		if len(evs) == 0 {
			t.Fatal("B's audit log is empty")
		}
		for _, ev := range evs {
			if ev.Actor.ID != b.UserID {
				t.Errorf("B's log has %s by %+v", ev.Action, ev.Actor)
			}
		}
	})
}

// TestConcurrentProjectUpdates sends several updates naming the same version at once:
// exactly one wins, the others get CONFLICT, and the stored project is the winner's.
func TestConcurrentProjectUpdates(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	project := ts.createProject(t, ann, "Original")
	const writers = 4
	results := make([]response, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = ts.gql(t, ann.headers(), `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { name version } }`,
				map[string]any{"i": map[string]any{"projectId": project, "name": fmt.Sprintf("Writer %d", i), "expectedVersion": 1}})
		}()
	}
	wg.Wait()
	winner := ""
	for i, r := range results {
		switch r.code() {
		case "":
			if winner != "" {
				t.Fatalf("two writers won: %s and writer %d", winner, i)
			}
			winner = fmt.Sprintf("Writer %d", i)
		case "CONFLICT":
			if r.Status != 409 {
				t.Fatalf("conflict with HTTP %d", r.Status)
			}
		default:
			t.Fatalf("writer %d: unexpected %+v", i, r.Errors)
		}
	}
	if winner == "" {
		t.Fatal("no writer won")
	}
	var out struct {
		Project struct {
			Name    string
			Version int
		}
	}
	ts.gql(t, ann.headers(), `query($id: ID!) { project(id: $id) { name version } }`, map[string]any{"id": project}).decode(t, &out)
	if out.Project.Name != winner || out.Project.Version != 2 {
		t.Fatalf("stored %+v, want %s at version 2", out.Project, winner)
	}
}
