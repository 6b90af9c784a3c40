package main

import (
	"strings"
	"testing"
)

// auditEvent is an auditEvents edge as the tests read it.
type auditEvent struct {
	ID, TenantID, Action, TargetType, TargetID string
	RequestID                                  *string
	Actor                                      struct{ Kind, ID, Label string }
	Changes                                    []struct {
		Field    string
		From, To *string
	}
}

const auditQuery = `query($first: Int, $after: String, $action: String, $target: ID) {
  auditEvents(first: $first, after: $after, action: $action, targetId: $target) {
    edges { cursor node { id tenantId action targetType targetId requestId actor { kind id label } changes { field from to } } }
    pageInfo { hasNextPage endCursor }
  }
}`

// auditLog reads a page of the context tenant's audit log as h.
func (ts *testServer) auditLog(t *testing.T, h headers, vars map[string]any) ([]auditEvent, string) {
	t.Helper()
	var out struct {
		AuditEvents struct {
			Edges    []struct{ Node auditEvent }
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	ts.gql(t, h, auditQuery, vars).decode(t, &out)
	var evs []auditEvent
	for _, e := range out.AuditEvents.Edges {
		evs = append(evs, e.Node)
	}
	next := ""
	if out.AuditEvents.PageInfo.HasNextPage {
		next = *out.AuditEvents.PageInfo.EndCursor
	}
	return evs, next
}

// change returns the change of field in ev, and whether there is one.
func (ev auditEvent) change(field string) (from, to string, ok bool) {
	for _, c := range ev.Changes {
		if c.Field == field {
			if c.From != nil {
				from = *c.From
			}
			if c.To != nil {
				to = *c.To
			}
			return from, to, true
		}
	}
	return "", "", false
}

// TestAuditLog: control-plane writes through the API land in the tenant's audit log
// with their actor (and email), request id and changed fields; the log pages newest
// first, filters by action and target, and is for the tenant's ADMINs only; t_system's
// log holds bootstrap, for system admins.
func TestAuditLog(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	bob := ts.addMemberAs(t, ann, ts.signup(t, "bob"), "VIEWER")
	carol := ts.signup(t, "carol")

	h := ann.headers().with("X-Request-Id", "audit-req-1")
	r := ts.gql(t, h, `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "Apollo"}})
	var created struct{ CreateProject struct{ ID string } }
	r.decode(t, &created)
	ts.gql(t, ann.headers(), `mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { version } }`,
		map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "Ann Two", "expectedVersion": 1}}).decode(t, &struct{}{})
	ts.gql(t, ann.headers(), `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`,
		map[string]any{"i": map[string]any{"resourceKind": "chat_bus", "tenantId": ann.TenantID, "env": "dev", "backendType": "redis",
			"config": []map[string]any{{"key": "address", "value": "127.0.0.1:6399"}}}}).decode(t, &struct{}{})

	evs, _ := ts.auditLog(t, ann.headers(), map[string]any{"first": 20})
	var actions []string
	for _, ev := range evs {
		actions = append(actions, ev.Action)
	}
	// Newest first: the route, the rename, the project, bob's membership (invited by ann,
	// accepted by bob), the signup.
	want := []string{"route.set", "tenant.update", "project.create", "invitation.accept", "member.invite", "tenant.create"}
	if len(actions) != len(want) {
		t.Fatalf("actions = %v, want %v", actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Fatalf("actions = %v, want %v", actions, want)
		}
	}
	for _, ev := range evs {
		by := ann
		if ev.Action == "invitation.accept" {
			by = bob
		}
		if ev.TenantID != ann.TenantID || ev.Actor.Kind != "USER" || ev.Actor.ID != by.UserID || ev.Actor.Label != by.Email {
			t.Errorf("%s: tenant %s, actor %+v; want %s in ann's tenant", ev.Action, ev.TenantID, ev.Actor, by.Email)
		}
	}
	project := evs[2]
	if project.TargetType != "project" || project.TargetID != created.CreateProject.ID || project.RequestID == nil || *project.RequestID != "audit-req-1" {
		t.Errorf("project.create = %+v", project)
	}
	if from, to, ok := project.change("name"); !ok || from != "" || to != "Apollo" {
		t.Errorf("project.create name change = %q -> %q (%v)", from, to, ok)
	}
	if from, to, ok := evs[1].change("name"); !ok || from != "ann Inc" || to != "Ann Two" {
		t.Errorf("tenant.update name change = %q -> %q (%v)", from, to, ok)
	}
	if _, to, ok := evs[0].change("config"); !ok || to != "address=127.0.0.1:6399" {
		t.Errorf("route.set config change = %q (%v)", to, ok)
	}
	if _, to, ok := evs[3].change("role"); !ok || to != "VIEWER" {
		t.Errorf("invitation.accept role change = %q (%v)", to, ok)
	}

	t.Run("Filters", func(t *testing.T) {
		got, _ := ts.auditLog(t, ann.headers(), map[string]any{"action": "project.create"})
		if len(got) != 1 || got[0].TargetID != created.CreateProject.ID {
			t.Errorf("by action: %+v", got)
		}
		got, _ = ts.auditLog(t, ann.headers(), map[string]any{"target": ann.TenantID})
		if len(got) != 2 || got[0].Action != "tenant.update" || got[1].Action != "tenant.create" {
			t.Errorf("by target: %+v", got)
		}
	})
	t.Run("Pages", func(t *testing.T) {
		var paged []string
		after := ""
		for range len(want) + 1 {
			vars := map[string]any{"first": 2}
			if after != "" {
				vars["after"] = after
			}
			page, next := ts.auditLog(t, ann.headers(), vars)
			for _, ev := range page {
				paged = append(paged, ev.Action)
			}
			if after = next; after == "" {
				break
			}
		}
		if len(paged) != len(want) || paged[0] != want[0] || paged[len(paged)-1] != want[len(want)-1] {
			t.Errorf("paged %v, want %v", paged, want)
		}
		expectError(t, ts.gql(t, ann.headers(), auditQuery, map[string]any{"after": "not-a-cursor"}), "BAD_USER_INPUT", 400)
		expectError(t, ts.gql(t, ann.headers(), auditQuery, map[string]any{"first": 101}), "BAD_USER_INPUT", 400)
	})
	t.Run("OnlyTheTenantsAdmins", func(t *testing.T) {
		expectError(t, ts.gql(t, bob.headers(), auditQuery, nil), "FORBIDDEN", 403)
		expectError(t, ts.gql(t, carol.headers().with("X-Tenant-Id", ann.TenantID), auditQuery, nil), "FORBIDDEN", 403)
		got, _ := ts.auditLog(t, carol.headers(), nil)
		if len(got) != 1 || got[0].Action != "tenant.create" || got[0].TenantID != carol.TenantID {
			t.Errorf("carol's own log: %+v", got)
		}
	})
	t.Run("NeverASecret", func(t *testing.T) {
		created := ts.createServiceAccount(t, carol, "deployer", "routes:read")
		var rotated struct{ RotateServiceAccountSecret credentials }
		ts.gql(t, carol.headers(), `mutation($id: ID!) { rotateServiceAccountSecret(id: $id) { clientId clientSecret } }`,
			map[string]any{"id": created.ClientID}).decode(t, &rotated)
		got, _ := ts.auditLog(t, carol.headers(), map[string]any{"target": created.ClientID})
		if len(got) != 2 || got[0].Action != "serviceAccount.rotate" || got[1].Action != "serviceAccount.create" {
			t.Fatalf("the account's events: %+v", got)
		}
		if from, to, ok := got[0].change("secretVersion"); !ok || from != "1" || to != "2" {
			t.Errorf("rotate recorded secretVersion %q -> %q (%v)", from, to, ok)
		}
		raw := ts.gql(t, carol.headers(), auditQuery, map[string]any{"first": 100})
		for _, secret := range []string{created.ClientSecret, rotated.RotateServiceAccountSecret.ClientSecret, "password-carol"} {
			if strings.Contains(string(raw.Data), secret) {
				t.Errorf("the audit log contains a secret (%.8s…)", secret)
			}
		}
		for _, ev := range got {
			for _, c := range ev.Changes {
				if strings.Contains(strings.ToLower(c.Field), "hash") {
					t.Errorf("%s records %s", ev.Action, c.Field)
				}
			}
		}
	})
	t.Run("SystemLog", func(t *testing.T) {
		got, _ := ts.auditLog(t, bearer(admin.Token).with("X-Tenant-Id", "t_system"), map[string]any{"action": "system.bootstrap"})
		if len(got) != 1 || got[0].Actor.Kind != "SYSTEM" || got[0].Actor.ID != "bootstrap" {
			t.Fatalf("t_system's bootstrap events: %+v", got)
		}
		if _, to, ok := got[0].change("admin"); !ok || to != admin.Email {
			t.Errorf("bootstrap admin change = %q (%v), want %s", to, ok, admin.Email)
		}
	})
}
