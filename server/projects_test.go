package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestProjectLifecycle(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	var created []string
	for i := range 5 {
		created = append(created, ts.createProject(t, ann, fmt.Sprintf("Project %d", i)))
	}

	type page struct {
		Projects struct {
			Edges []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	list := func(t *testing.T, vars map[string]any) page {
		t.Helper()
		var p page
		ts.gql(t, ann.headers(), `query($first: Int, $after: String, $all: Boolean) {
			projects(first: $first, after: $after, includeArchived: $all) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, vars).decode(t, &p)
		return p
	}

	t.Run("Pages", func(t *testing.T) {
		var seen []string
		vars := map[string]any{"first": 2}
		for pages := 0; ; pages++ {
			if pages > 5 {
				t.Fatal("pagination does not end")
			}
			p := list(t, vars)
			for _, e := range p.Projects.Edges {
				seen = append(seen, e.Node.ID)
			}
			if !p.Projects.PageInfo.HasNextPage {
				break
			}
			vars["after"] = *p.Projects.PageInfo.EndCursor
		}
		if !slices.Equal(seen, created) {
			t.Fatalf("paged %v, want creation order %v", seen, created)
		}
	})
	t.Run("BadCursor", func(t *testing.T) {
		expectError(t, ts.gql(t, ann.headers(), `{ projects(after: "../../x") { edges { cursor } } }`, nil), "BAD_USER_INPUT", 400)
		expectError(t, ts.gql(t, ann.headers(), `{ projects(first: 0) { edges { cursor } } }`, nil), "BAD_USER_INPUT", 400)
	})
	t.Run("RenameAndArchive", func(t *testing.T) {
		const rename = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { name version } }`
		const archive = `mutation($i: ArchiveProjectInput!) { archiveProject(input: $i) { archived archivedAt version } }`
		var r struct {
			UpdateProject struct {
				Name    string
				Version int
			}
		}
		ts.gql(t, ann.headers(), rename, map[string]any{"i": map[string]any{"projectId": created[0], "name": " Renamed ", "expectedVersion": 1}}).decode(t, &r)
		if r.UpdateProject.Name != "Renamed" || r.UpdateProject.Version != 2 {
			t.Fatalf("rename = %+v", r.UpdateProject)
		}
		var a struct {
			ArchiveProject struct {
				Archived   bool
				ArchivedAt *string
				Version    int
			}
		}
		ts.gql(t, ann.headers(), archive, map[string]any{"i": map[string]any{"projectId": created[0], "expectedVersion": 2}}).decode(t, &a)
		if !a.ArchiveProject.Archived || a.ArchiveProject.ArchivedAt == nil || a.ArchiveProject.Version != 3 {
			t.Fatalf("archive = %+v", a.ArchiveProject)
		}
		expectError(t, ts.gql(t, ann.headers(), archive, map[string]any{"i": map[string]any{"projectId": created[0], "expectedVersion": 3}}), "CONFLICT", 409)
		if p := list(t, map[string]any{"first": 100}); len(p.Projects.Edges) != 4 {
			t.Fatalf("archived project still listed: %d projects", len(p.Projects.Edges))
		}
		if p := list(t, map[string]any{"first": 100, "all": true}); len(p.Projects.Edges) != 5 {
			t.Fatalf("includeArchived lists %d projects, want 5", len(p.Projects.Edges))
		}

		const unarchive = `mutation($i: ArchiveProjectInput!) { unarchiveProject(input: $i) { archived archivedAt version } }`
		var u struct {
			UnarchiveProject struct {
				Archived   bool
				ArchivedAt *string
				Version    int
			}
		}
		expectError(t, ts.gql(t, ann.headers(), unarchive, map[string]any{"i": map[string]any{"projectId": created[0], "expectedVersion": 2}}), "CONFLICT", 409)
		ts.gql(t, ann.headers(), unarchive, map[string]any{"i": map[string]any{"projectId": created[0], "expectedVersion": 3}}).decode(t, &u)
		if u.UnarchiveProject.Archived || u.UnarchiveProject.ArchivedAt != nil || u.UnarchiveProject.Version != 4 {
			t.Fatalf("unarchive = %+v", u.UnarchiveProject)
		}
		expectError(t, ts.gql(t, ann.headers(), unarchive, map[string]any{"i": map[string]any{"projectId": created[0], "expectedVersion": 4}}), "CONFLICT", 409)
		if p := list(t, map[string]any{"first": 100}); len(p.Projects.Edges) != 5 {
			t.Fatalf("after unarchiving, %d projects listed, want 5", len(p.Projects.Edges))
		}
	})
}

// TestUpdateTenant: an ADMIN renames the context tenant with its version; a stale version
// is CONFLICT, a bad name BAD_USER_INPUT, a MEMBER FORBIDDEN; the new name shows on
// another replica at once (the tenant cache drops it through the access log).
func TestUpdateTenant(t *testing.T) {
	a := newServer(t)
	b := newServer(t, replicaOf(a))
	ann := a.signup(t, "ann")
	bob := a.addMemberAs(t, ann, a.signup(t, "bob"), "MEMBER")
	if r := b.gql(t, ann.headers(), `{ tenant { name } }`, nil); len(r.Errors) > 0 { // cached on b
		t.Fatal(r.Errors)
	}
	const update = `mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { name version } }`
	in := func(name string, version int) map[string]any {
		return map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": name, "expectedVersion": version}}
	}
	var out struct {
		UpdateTenant struct {
			Name    string
			Version int
		}
	}
	a.gql(t, ann.headers(), update, in(" Acme Two ", 1)).decode(t, &out)
	if out.UpdateTenant.Name != "Acme Two" || out.UpdateTenant.Version != 2 {
		t.Fatalf("updateTenant = %+v", out.UpdateTenant)
	}
	expectError(t, a.gql(t, ann.headers(), update, in("Acme Three", 1)), "CONFLICT", 409)
	expectError(t, a.gql(t, ann.headers(), update, in("", 2)), "BAD_USER_INPUT", 400)
	expectError(t, a.gql(t, bob.headers(), update, in("Bob's", 2)), "FORBIDDEN", 403)
	waitFor(t, func() bool {
		var got struct{ Tenant struct{ Name string } }
		b.gql(t, ann.headers(), `{ tenant { name } }`, nil).decode(t, &got)
		return got.Tenant.Name == "Acme Two"
	})
}

// TestSurfacesAndApps: a tenant lists and reads its own surfaces and apps and the
// system-wide ones, never another tenant's.
func TestSurfacesAndApps(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	bob := ts.signup(t, "bob")
	sys := bearer(admin.Token).with("X-Tenant-Id", "t_system")
	create := func(t *testing.T, h headers, field, tenant, name string) string {
		t.Helper()
		var out map[string]struct{ ID string }
		ts.gql(t, h, fmt.Sprintf(`mutation($i: Create%sInput!) { create%s(input: $i) { id } }`, field, field),
			map[string]any{"i": map[string]any{"tenantId": tenant, "name": name}}).decode(t, &out)
		return out["create"+field].ID
	}
	sysSurface := create(t, sys, "Surface", "t_system", "Admin console")
	sysApp := create(t, sys, "App", "t_system", "Platform")
	annSurface := create(t, ann.headers(), "Surface", ann.TenantID, "Ann's site")
	annApp := create(t, ann.headers(), "App", ann.TenantID, "Ann's app")

	var out struct {
		Surfaces []struct{ TenantID, Name string }
		Apps     []struct{ TenantID, Name string }
	}
	ts.gql(t, ann.headers(), `{ surfaces { tenantId name } apps { tenantId name } }`, nil).decode(t, &out)
	if len(out.Surfaces) != 2 || len(out.Apps) != 2 {
		t.Fatalf("ann sees %+v, want her own and the system-wide ones", out)
	}
	ts.gql(t, bob.headers(), `{ surfaces { tenantId name } apps { tenantId name } }`, nil).decode(t, &out)
	if len(out.Surfaces) != 1 || out.Surfaces[0].TenantID != "t_system" || len(out.Apps) != 1 || out.Apps[0].TenantID != "t_system" {
		t.Fatalf("bob sees %+v, want only the system-wide ones", out)
	}

	// One at a time: a tenant's own and the system-wide ones; another tenant's, a
	// malformed id and an id of the other kind are NOT_FOUND.
	one := func(t *testing.T, h headers, field, id, wantTenant, wantName string) {
		t.Helper()
		r := ts.gql(t, h, fmt.Sprintf(`query($id: ID!) { %s(id: $id) { id tenantId name version } }`, field), map[string]any{"id": id})
		if wantTenant == "" {
			expectError(t, r, "NOT_FOUND", 404)
			return
		}
		var got map[string]struct {
			ID, TenantID, Name string
			Version            int
		}
		r.decode(t, &got)
		if g := got[field]; g.ID != id || g.TenantID != wantTenant || g.Name != wantName || g.Version != 1 {
			t.Fatalf("%s(%s) = %+v, want %s's %q", field, id, g, wantTenant, wantName)
		}
	}
	one(t, ann.headers(), "surface", annSurface, ann.TenantID, "Ann's site")
	one(t, ann.headers(), "surface", sysSurface, "t_system", "Admin console")
	one(t, ann.headers(), "app", annApp, ann.TenantID, "Ann's app")
	one(t, ann.headers(), "app", sysApp, "t_system", "Platform")
	one(t, bob.headers(), "app", sysApp, "t_system", "Platform")
	one(t, bob.headers(), "surface", annSurface, "", "")
	one(t, bob.headers(), "app", annApp, "", "")
	one(t, ann.headers(), "surface", annApp, "", "")
	one(t, ann.headers(), "app", "a_nope", "", "")
	one(t, sys, "surface", sysSurface, "t_system", "Admin console")
}

// TestUpdateAndDeleteSurfacesAndApps: a tenant's ADMINs rename (versioned) and delete its
// surfaces and apps; another tenant's are NOT_FOUND; each change is audited.
func TestUpdateAndDeleteSurfacesAndApps(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	bob := ts.signup(t, "bob")
	for _, kind := range []string{"Surface", "App"} {
		t.Run(kind, func(t *testing.T) {
			var made map[string]struct{ ID string }
			ts.gql(t, ann.headers(), fmt.Sprintf(`mutation($i: Create%sInput!) { create%s(input: $i) { id } }`, kind, kind),
				map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "Old"}}).decode(t, &made)
			id := made["create"+kind].ID
			update := fmt.Sprintf(`mutation($i: Update%sInput!) { update%s(input: $i) { name version } }`, kind, kind)
			del := fmt.Sprintf(`mutation($id: ID!) { delete%s(id: $id) }`, kind)
			in := func(name string, version int) map[string]any {
				return map[string]any{"i": map[string]any{"id": id, "name": name, "expectedVersion": version}}
			}
			var got map[string]struct {
				Name    string
				Version int
			}
			ts.gql(t, ann.headers(), update, in("New", 1)).decode(t, &got)
			if r := got["update"+kind]; r.Name != "New" || r.Version != 2 {
				t.Fatalf("update%s = %+v", kind, r)
			}
			expectError(t, ts.gql(t, ann.headers(), update, in("Newer", 1)), "CONFLICT", 409)
			expectError(t, ts.gql(t, ann.headers(), update, in(" ", 2)), "BAD_USER_INPUT", 400)
			expectError(t, ts.gql(t, bob.headers(), update, in("Bob's", 2)), "NOT_FOUND", 404)
			expectError(t, ts.gql(t, bob.headers(), del, map[string]any{"id": id}), "NOT_FOUND", 404)
			ts.gql(t, ann.headers(), del, map[string]any{"id": id}).decode(t, &struct{}{})
			expectError(t, ts.gql(t, ann.headers(), del, map[string]any{"id": id}), "NOT_FOUND", 404)
			expectError(t, ts.gql(t, ann.headers(), update, in("Gone", 2)), "NOT_FOUND", 404)

			evs, _ := ts.auditLog(t, ann.headers(), map[string]any{"target": id})
			lower := strings.ToLower(kind)
			if len(evs) != 3 || evs[0].Action != lower+".delete" || evs[1].Action != lower+".update" || evs[2].Action != lower+".create" {
				t.Fatalf("%s events: %+v", kind, evs)
			}
			if from, to, ok := evs[1].change("name"); !ok || from != "Old" || to != "New" {
				t.Errorf("update name change %q -> %q", from, to)
			}
			if from, _, ok := evs[0].change("name"); !ok || from != "New" {
				t.Errorf("delete name change from %q", from)
			}
		})
	}
}

// TestModes: system admins create, update (versioned) and delete modes; a mode in use
// cannot be deleted; everyone else is FORBIDDEN; t_system's log records each change.
func TestModes(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	sys := bearer(admin.Token).with("X-Tenant-Id", "t_system")
	ann := ts.signup(t, "ann")
	const create = `mutation($i: CreateModeInput!) { createMode(input: $i) { id name description version } }`
	const update = `mutation($i: UpdateModeInput!) { updateMode(input: $i) { name description version } }`
	const del = `mutation($id: ID!) { deleteMode(id: $id) }`
	const setMode = `mutation($t: ID!, $m: String!) { setTenantMode(tenantId: $t, mode: $m) { mode { id name } } }`

	var made struct {
		CreateMode struct {
			ID, Name, Description string
			Version               int
		}
	}
	ts.gql(t, sys, create, map[string]any{"i": map[string]any{"id": "trial", "name": "Trial", "description": "Thirty days."}}).decode(t, &made)
	if made.CreateMode.ID != "trial" || made.CreateMode.Version != 1 {
		t.Fatalf("createMode = %+v", made.CreateMode)
	}
	expectError(t, ts.gql(t, sys, create, map[string]any{"i": map[string]any{"id": "trial", "name": "Again"}}), "CONFLICT", 409)
	expectError(t, ts.gql(t, sys, create, map[string]any{"i": map[string]any{"id": "Bad Id", "name": "X"}}), "BAD_USER_INPUT", 400)
	expectError(t, ts.gql(t, ann.headers(), create, map[string]any{"i": map[string]any{"id": "mine", "name": "Mine"}}), "FORBIDDEN", 403)

	var updated struct {
		UpdateMode struct {
			Name, Description string
			Version           int
		}
	}
	ts.gql(t, sys, update, map[string]any{"i": map[string]any{"id": "trial", "name": "Trial 2", "expectedVersion": 1}}).decode(t, &updated)
	if updated.UpdateMode.Name != "Trial 2" || updated.UpdateMode.Description != "" || updated.UpdateMode.Version != 2 {
		t.Fatalf("updateMode = %+v", updated.UpdateMode)
	}
	expectError(t, ts.gql(t, sys, update, map[string]any{"i": map[string]any{"id": "trial", "name": "Stale", "expectedVersion": 1}}), "CONFLICT", 409)
	expectError(t, ts.gql(t, sys, update, map[string]any{"i": map[string]any{"id": "nope", "name": "X", "expectedVersion": 1}}), "NOT_FOUND", 404)
	expectError(t, ts.gql(t, ann.headers(), update, map[string]any{"i": map[string]any{"id": "trial", "name": "X", "expectedVersion": 2}}), "FORBIDDEN", 403)

	ts.gql(t, sys, setMode, map[string]any{"t": ann.TenantID, "m": "trial"}).decode(t, &struct{}{})
	expectError(t, ts.gql(t, sys, del, map[string]any{"id": "trial"}), "CONFLICT", 409)
	expectError(t, ts.gql(t, ann.headers(), del, map[string]any{"id": "trial"}), "FORBIDDEN", 403)
	ts.gql(t, sys, setMode, map[string]any{"t": ann.TenantID, "m": "saas"}).decode(t, &struct{}{})
	ts.gql(t, sys, del, map[string]any{"id": "trial"}).decode(t, &struct{}{})
	expectError(t, ts.gql(t, sys, del, map[string]any{"id": "trial"}), "NOT_FOUND", 404)
	var modes struct{ Modes []struct{ ID string } }
	ts.gql(t, ann.headers(), `{ modes { id } }`, nil).decode(t, &modes)
	if len(modes.Modes) != 3 {
		t.Errorf("modes after the delete: %+v", modes.Modes)
	}

	evs, _ := ts.auditLog(t, sys, map[string]any{"target": "trial"})
	if len(evs) != 3 || evs[0].Action != "mode.delete" || evs[1].Action != "mode.update" || evs[2].Action != "mode.create" {
		t.Fatalf("trial's events: %+v", evs)
	}
	if evs[1].Actor.ID != admin.UserID {
		t.Errorf("mode.update by %+v", evs[1].Actor)
	}
	if from, to, ok := evs[1].change("description"); !ok || from != "Thirty days." || to != "" {
		t.Errorf("description change %q -> %q (%v)", from, to, ok)
	}
	// The tenant's mode changes are in its own log.
	tevs, _ := ts.auditLog(t, ann.headers(), map[string]any{"action": "tenant.setMode"})
	if len(tevs) != 2 {
		t.Errorf("ann's tenant.setMode events: %+v", tevs)
	}
}

// TestAllTenants: a system admin pages through every tenant by id, searches by name
// prefix (any case, by name, paged) or by id, and finds a renamed tenant by its new
// name; others are FORBIDDEN and foreign cursors BAD_USER_INPUT.
func TestAllTenants(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	sys := bearer(admin.Token)
	var made []account
	for _, name := range []string{"zeta", "alpha", "Alpine", "beta"} {
		made = append(made, ts.signup(t, name)) // tenants "<name> Inc"
	}
	type page struct {
		AllTenants struct {
			Edges []struct {
				Cursor string
				Node   struct{ ID, Name string }
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	const q = `query($f: Int, $a: String, $s: String) { allTenants(first: $f, after: $a, search: $s) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`
	walk := func(search string, first int) []string {
		t.Helper()
		var names []string
		vars := map[string]any{"f": first, "s": search}
		for range 20 {
			var p page
			ts.gql(t, sys, q, vars).decode(t, &p)
			for _, e := range p.AllTenants.Edges {
				names = append(names, e.Node.Name)
			}
			if !p.AllTenants.PageInfo.HasNextPage {
				return names
			}
			vars["a"] = *p.AllTenants.PageInfo.EndCursor
		}
		t.Fatal("paging did not end")
		return nil
	}
	if all := walk("", 2); len(all) != 5 { // t_system and the four
		t.Fatalf("all tenants = %v", all)
	}
	if got := walk("AL", 1); len(got) != 2 || got[0] != "alpha Inc" || got[1] != "Alpine Inc" {
		t.Fatalf("search AL = %v, want alpha Inc, Alpine Inc", got)
	}
	if got := walk(made[3].TenantID, 5); len(got) != 1 || got[0] != "beta Inc" {
		t.Fatalf("search by id = %v", got)
	}
	var renamed struct{ UpdateTenant struct{ Name string } }
	ts.gql(t, made[0].headers(), `mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { name } }`,
		map[string]any{"i": map[string]any{"tenantId": made[0].TenantID, "name": "Alphabet", "expectedVersion": 1}}).decode(t, &renamed)
	if got := walk("alph", 5); len(got) != 2 || got[1] != "Alphabet" {
		t.Fatalf("search after the rename = %v", got)
	}
	expectError(t, ts.gql(t, made[0].headers(), q, nil), "FORBIDDEN", 403)
	expectError(t, ts.gql(t, sys, q, map[string]any{"a": "../x"}), "BAD_USER_INPUT", 400)
	var first page
	ts.gql(t, sys, q, map[string]any{"f": 1, "s": "al"}).decode(t, &first)
	expectError(t, ts.gql(t, sys, q, map[string]any{"a": first.AllTenants.Edges[0].Cursor}), "BAD_USER_INPUT", 400) // a search cursor without the search
	expectError(t, ts.gql(t, sys, q, map[string]any{"f": 101}), "BAD_USER_INPUT", 400)
}
